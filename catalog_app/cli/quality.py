"""`catalog-app quality …`: 품질진단 — run, show, business rules, the fix log, the xlsx report and
the code lists the rules check against. The core is ``catalog_app.quality``; this parses and
prints (heavy modules are imported inside the commands: ``catalog-app --help`` stays fast)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from catalog_app.cli.common import emit_json, open_catalog

__all__ = ["quality"]


def _dataset_ids(cat, refs) -> list[int] | None:
    from catalog_app.catalog.queries import AmbiguousDataset, find_dataset

    if not refs:
        return None
    ids = []
    for ref in refs:
        try:
            row = find_dataset(cat, ref)
        except AmbiguousDataset as exc:
            click.echo(
                f"같은 이름의 데이터셋이 {len(exc.rows)}개 있습니다. 번호나 경로로 지정하세요.",
                err=True,
            )
            sys.exit(1)
        if row is None:
            click.echo(f"데이터셋을 찾을 수 없습니다: {ref}", err=True)
            sys.exit(1)
        ids.append(row["id"])
    return ids


def _pct(rate) -> str:
    return "-" if rate is None else f"{rate:.2f}%"


@click.group("quality")
def quality() -> None:
    """품질진단: 모든 컬럼의 값 오류율, 제공표준 준수율, 업무 규칙, 조치 이력."""


@quality.command("run")
@click.option(
    "--dataset", "datasets", multiple=True, help="이 데이터셋만 (번호/경로/이름, 여러 번 가능)."
)
@click.option("--force", is_flag=True, help="표준용어 제안이 없는 컬럼이 있어도 진단합니다.")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--quiet", "-q", is_flag=True, help="진행 표시를 끕니다.")
@click.option("--user", "who", help="진단한 사람 (기본: 로그인 이름).")
@click.pass_context
def run_cmd(ctx, datasets, force, as_json, quiet, who) -> None:
    """파일을 다시 읽어 모든 값을 규칙마다 점검하고 결과를 카탈로그에 저장합니다.

    표준용어 제안이 없는 컬럼이 있으면 도메인 규칙을 믿을 수 없으므로 거부하고 종료 코드 1을
    돌려줍니다 (catalog-app map 을 먼저 실행하거나 --force). 읽지 못한 파일이 있으면 종료 코드 1.
    """
    from catalog_app.cli.progress import ProgressPrinter
    from catalog_app.progress import CancelToken
    from catalog_app.quality.job import QualityRefused, run_quality

    token = CancelToken()
    with open_catalog(ctx) as cat:
        ids = _dataset_ids(cat, datasets)
        try:
            summary = run_quality(
                cat,
                dataset_ids=ids,
                progress=ProgressPrinter(enabled=not quiet and not as_json),
                cancel=token,
                force=force,
                who=who,
            )
        except QualityRefused as exc:
            if as_json:
                emit_json({"blocked": True, "message": str(exc)})
            click.echo(str(exc), err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("\n진단을 중단했습니다. 끝난 데이터셋의 결과는 저장되었습니다.", err=True)
            sys.exit(130)
    if as_json:
        emit_json({"blocked": False, **summary.as_dict()})
    else:
        from catalog_app.quality.report import error_rate

        rate, formula = error_rate(summary.errors, summary.checked)
        state = "완료" if summary.status == "done" else "취소"
        click.echo(
            f"품질진단 #{summary.run_id} {state}: 데이터셋 {summary.diagnosed}/{summary.datasets}개 "
            f"진단, 오류율 {_pct(rate)} ({formula})"
        )
        for s in summary.skipped:
            click.echo(f"  [제외] 데이터셋 {s['dataset_id']}: {s['message']}")
        for f in summary.failed:
            click.echo(f"  [실패] {f['path']}: {f['message']}")
        if summary.unrunnable:
            click.echo(
                f"  실행하지 못한 규칙 {summary.unrunnable}개 (catalog-app quality show 에서 사유 확인)"
            )
        click.echo("결과 보기: catalog-app quality show")
    sys.exit(1 if summary.failed else 0)


@quality.command("show")
@click.argument("dataset", required=False)
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다 (계약: README).")
@click.option("--all", "show_all", is_flag=True, help="오류가 없는 규칙도 보여 줍니다.")
@click.pass_context
def show_cmd(ctx, dataset, as_json, show_all) -> None:
    """가장 최근 진단 결과: 기관·부서·데이터셋 오류율, 제공표준 준수율, 규칙별 결과."""
    from catalog_app.quality.report import show

    with open_catalog(ctx) as cat:
        ids = _dataset_ids(cat, [dataset] if dataset else [])
        data = show(cat, ids)
    if as_json:
        emit_json(data)
        return
    if data["run"] is None:
        click.echo("아직 진단하지 않았습니다. catalog-app quality run 으로 진단하세요.")
        return
    inst = data["institution"]
    scope = "이 데이터셋 오류율" if dataset else "기관 오류율"
    click.echo(f"{scope} {_pct(inst['error_rate'])} — {inst['formula']} (앱 자체 산출)")
    for d in data["departments"]:
        click.echo(f"  부서 {d['department']}: {_pct(d['error_rate'])} — {d['formula']}")
    for d in data["datasets"]:
        std = ""
        if d["provision_standard"]:
            std = f", 제공표준 '{d['provision_standard']}' 준수율 {d['conformance']:.1f}%"
        if d["status"] != "ok":
            click.echo(f"[{d['dataset_id']}] {d['path']}: {d['message']}")
            continue
        stale = " (스캔 뒤 파일이 다시 읽혔습니다: 다시 진단하세요)" if d["stale"] else ""
        click.echo(f"[{d['dataset_id']}] {d['path']}: 오류율 {_pct(d['error_rate'])}{std}{stale}")
        for f in data["findings"]:
            if f["dataset_id"] != d["dataset_id"]:
                continue
            if f["status"] != "ok":
                click.echo(f"    [실행 못 함] {f['rule_name']}: {f['message']}")
                continue
            if not f["errors"] and not show_all:
                continue
            tag = "참고" if f["severity"] == "warning" else "오류"
            fix = f" [{f['fix']['action_name']}: {f['fix']['reason']}]" if f["fix"] else ""
            samples = f" 예: {', '.join(f['samples'][:3])}" if f["samples"] else ""
            click.echo(
                f"    #{f['id']} {f['column'] or '-'} · {f['rule_name']} ({tag}) "
                f"{f['errors']:,}/{f['checked']:,} = {_pct(f['error_rate'])}{samples}{fix}"
            )


@quality.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dataset", "datasets", multiple=True, help="이 데이터셋만.")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def export_cmd(ctx, out: Path, datasets, as_json) -> None:
    """진단 보고서(xlsx: 요약, 규칙별, 컬럼별, 진단 결과, 제공표준, 조치 이력, 업무 규칙)를 씁니다."""
    from catalog_app.quality.export import write_report

    with open_catalog(ctx) as cat:
        ids = _dataset_ids(cat, datasets)
        try:
            path = write_report(cat, out, ids)
        except (ValueError, PermissionError) as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    if as_json:
        emit_json({"path": str(path)})
    else:
        click.echo(f"보고서를 썼습니다: {path}")


# ---------------------------------------------------------------------------------- rules
@quality.group("rules")
def rules() -> None:
    """업무 규칙 (데이터셋별 또는 표준용어별): 보기, 추가, 삭제, 되돌리기."""


def _rule_line(r: dict) -> str:
    target = f"데이터셋 {r['dataset_id']}" if r["scope"] == "dataset" else f"용어 {r['term_name']}"
    state = "" if r["active"] else " [삭제됨]"
    problems = f"  ⚠ {' '.join(r['problems'])}" if r["problems"] else ""
    name = f" ({r['name']})" if r["name"] else ""
    return f"#{r['id']} [{target}] {r['description']}{name} — {r['created_by']} {r['created_at'][:16]}{state}{problems}"


@rules.command("list")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--all", "show_all", is_flag=True, help="삭제한 규칙도 보여 줍니다.")
@click.pass_context
def rules_list(ctx, as_json, show_all) -> None:
    """업무 규칙 목록 (누가 언제 만들었는지, 실행할 수 없는 사유와 함께)."""
    from catalog_app.quality.business import RuleBook

    with open_catalog(ctx) as cat:
        items = [r.as_dict() for r in RuleBook(cat).rules(active_only=not show_all)]
    if as_json:
        emit_json(items)
        return
    if not items:
        click.echo("업무 규칙이 없습니다. catalog-app quality rules add 로 추가하세요.")
    for r in items:
        click.echo(_rule_line(r))


@rules.command("add")
@click.argument("expression")
@click.option("--dataset", help="이 데이터셋의 규칙 (번호/경로/이름).")
@click.option("--term", help="이 표준용어 컬럼이 있는 모든 데이터셋의 규칙.")
@click.option("--name", default="", help="규칙 이름 (보고서에 나옴).")
@click.option("--user", "who", help="만든 사람 (기본: 로그인 이름).")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def rules_add(ctx, expression, dataset, term, name, who, as_json) -> None:
    """규칙을 추가합니다. EXPRESSION 예:

    \b
      '인허가일자 <= 폐업일자'                 두 컬럼 비교 (= != < <= > >=)
      'CCTV설치여부 = N => CCTV설치대수 = 0'   조건 (in, empty, not_empty 도 가능)
      '우편번호 ~ \\d{5}'                      정규식
      '시설종류 in 초등학교,유치원'             허용값
      '정원 range 0..500'                      숫자 범위
      '관리번호 unique'                        중복 불가
    """
    from catalog_app.quality.business import RuleBook, RuleError, parse_expression

    if bool(dataset) == bool(term):
        raise click.UsageError("--dataset 또는 --term 중 하나를 지정하세요.")
    with open_catalog(ctx) as cat:
        try:
            kind, spec = parse_expression(expression)
            ids = _dataset_ids(cat, [dataset]) if dataset else None
            rule = RuleBook(cat, who).add(
                "dataset" if dataset else "term",
                kind,
                spec,
                dataset_id=ids[0] if ids else None,
                term_name=term,
                name=name,
            )
        except RuleError as exc:
            click.echo(str(exc), err=True)
            sys.exit(2)
        item = rule.as_dict()
    if as_json:
        emit_json(item)
        return
    click.echo(f"규칙을 추가했습니다: {_rule_line(item)}")
    if item["problems"]:
        click.echo(
            f"[경고] 이 규칙은 지금 실행할 수 없습니다: {' '.join(item['problems'])} "
            "(다른 규칙은 그대로 진단됩니다)",
            err=True,
        )


@rules.command("delete")
@click.argument("rule_id", type=int)
@click.option("--user", "who", help="지운 사람 (기본: 로그인 이름).")
@click.pass_context
def rules_delete(ctx, rule_id, who) -> None:
    """규칙을 지웁니다 (기록은 남고, rules undo 로 되살릴 수 있습니다)."""
    from catalog_app.quality.business import RuleBook, RuleError

    with open_catalog(ctx) as cat:
        try:
            rule = RuleBook(cat, who).delete(rule_id)
        except RuleError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    click.echo(f"규칙 #{rule.id}을(를) 지웠습니다: {rule.title}")


@rules.command("undo")
@click.option("--user", "who", help="되돌린 사람 (기본: 로그인 이름).")
@click.pass_context
def rules_undo(ctx, who) -> None:
    """마지막 규칙 변경(추가, 수정, 삭제)을 되돌립니다."""
    from catalog_app.quality.business import RuleBook

    with open_catalog(ctx) as cat:
        change = RuleBook(cat, who).undo()
    if change is None:
        click.echo("되돌릴 변경이 없습니다.")
        return
    click.echo(f"규칙 #{change['rule_id']}의 '{change['action']}'을(를) 되돌렸습니다.")


# ------------------------------------------------------------------------------- fix log
@quality.command("fix")
@click.argument("finding_id", type=int, required=False)
@click.option("--done", "action", flag_value="fixed", help="조치 완료로 표시합니다.")
@click.option("--exception", "action", flag_value="exception", help="예외로 표시합니다.")
@click.option("--reason", default="", help="조치 사유 (필수).")
@click.option(
    "--undo",
    "undo",
    is_flag=True,
    help="조치 표시를 되돌립니다 (FINDING_ID 대신 조치 번호, 없으면 마지막 것).",
)
@click.option("--user", "who", help="조치한 사람 (기본: 로그인 이름).")
@click.pass_context
def fix_cmd(ctx, finding_id, action, reason, undo, who) -> None:
    """진단 결과(quality show 의 #번호)를 조치 완료 / 예외로 표시합니다. 다시 스캔하고 진단하면
    조치 이력(quality log)에 조치 전·후 오류 수가 나옵니다."""
    from catalog_app.quality.store import FIX_ACTIONS, FixLog

    with open_catalog(ctx) as cat:
        log = FixLog(cat, who)
        try:
            if undo:
                row = log.undo(finding_id)
                if row is None:
                    click.echo("되돌릴 조치가 없습니다.")
                    return
                click.echo(
                    f"조치 #{row['id']}({FIX_ACTIONS.get(row['action'])})을(를) 되돌렸습니다."
                )
                return
            if finding_id is None or action is None:
                raise click.UsageError("FINDING_ID 와 --done 또는 --exception 이 필요합니다.")
            fix_id = log.mark(finding_id, action, reason)
        except ValueError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    click.echo(
        f"조치 #{fix_id}: 진단 결과 #{finding_id}을(를) {FIX_ACTIONS[action]}(으)로 표시했습니다."
    )


@quality.command("log")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def log_cmd(ctx, as_json) -> None:
    """조치 이력: 누가 언제 무엇을 왜, 조치 전 오류 수와 최근 진단의 오류 수."""
    from catalog_app.quality.report import fix_history

    with open_catalog(ctx) as cat:
        items = fix_history(cat)
    if as_json:
        emit_json(items)
        return
    if not items:
        click.echo("조치 이력이 없습니다.")
    for h in items:
        after = "" if h["errors_after"] is None else f" → 최근 진단 {h['errors_after']:,}건"
        undone = " [되돌림]" if h["undone"] else ""
        click.echo(
            f"#{h['id']} {h['at'][:16]} {h['who']} {h['action_name']}: {h['path']} / "
            f"{h['column'] or '-'} · {h['rule_name']} — {h['reason']} (조치 전 {h['errors_before'] or 0:,}건{after}){undone}"
        )


# ----------------------------------------------------------------------------- code lists
@quality.group("codes")
def codes() -> None:
    """규칙이 쓰는 코드 목록(법정동코드, 기관코드): 보기, 새 목록 가져오기, 되돌리기."""


@codes.command("show")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.pass_context
def codes_show(ctx, as_json) -> None:
    """지금 쓰는 목록과 출처."""
    from catalog_app.codelists import CodeListStore

    with open_catalog(ctx) as cat:
        items = CodeListStore(cat).overview()
    if as_json:
        emit_json(items)
        return
    for item in items:
        click.echo(f"{item['name']}: {item['count']:,}개 — {item['source']}")


@codes.command("import")
@click.argument("kind", type=click.Choice(["legal_dong", "org"]))
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--user", "who", help="가져온 사람 (기본: 로그인 이름).")
@click.pass_context
def codes_import(ctx, kind, path, who) -> None:
    """더 새로운 목록(CSV/TXT, 예: 법정동코드 전체자료)을 카탈로그에 가져옵니다."""
    from catalog_app.codelists import CodeListError, CodeListStore
    from catalog_app.dictionary.institution import current_user

    with open_catalog(ctx) as cat:
        try:
            result = CodeListStore(cat).import_file(kind, path, who or current_user())
        except CodeListError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    skipped = (
        f" (폐지 {result['abolished_skipped']:,}개 제외)" if result["abolished_skipped"] else ""
    )
    click.echo(f"{result['count']:,}개를 가져왔습니다{skipped}: {path}")


@codes.command("forget")
@click.argument("kind", type=click.Choice(["legal_dong", "org"]))
@click.pass_context
def codes_forget(ctx, kind) -> None:
    """가져온 목록을 지우고 앱에 포함된 목록으로 돌아갑니다."""
    from catalog_app.codelists import CodeListStore

    with open_catalog(ctx) as cat:
        gone = CodeListStore(cat).forget(kind)
    click.echo("가져온 목록을 지웠습니다." if gone else "가져온 목록이 없습니다.")
