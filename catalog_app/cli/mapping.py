"""`catalog-app map | check | suggest | mapping …`: column → standard term, checks and 준수율."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from catalog_app.cli.common import emit_json, open_catalog
from catalog_app.cli.progress import ProgressPrinter
from catalog_app.dictionary.store import DictionaryError

KINDS = {
    "exact": "일치",
    "synonym": "동의어",
    "variant": "변형",
    "composable": "조합 가능",
    "nonstandard": "비표준",
    "not_a_column": "구분 열(제외)",
    "unmapped": "미분석",
}


def _guard(fn):
    """Korean message and exit 1 for a refused decision, never a traceback."""

    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except DictionaryError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)

    run.__name__ = fn.__name__
    run.__doc__ = fn.__doc__
    return run


@click.command("map")
@click.option(
    "--auto-accept",
    "auto",
    type=click.FloatRange(0, 1),
    help="이 점수 이상인 1순위 제안을 일괄 수락합니다.",
)
@click.option(
    "--dataset", "datasets", multiple=True, help="이 데이터셋만 (번호/경로/이름, 여러 번 가능)."
)
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--quiet", "-q", is_flag=True, help="진행 표시를 끕니다.")
@click.option("--user", "who", help="결정한 사람 (기본: 로그인 이름).")
@click.pass_context
@_guard
def map_cmd(ctx, auto, datasets, as_json, quiet, who) -> None:
    """모든 컬럼에 표준용어를 제안합니다 (--auto-accept 로 일괄 수락)."""
    from catalog_app.catalog.queries import find_dataset
    from catalog_app.matching.decisions import MappingDesk
    from catalog_app.matching.jobs import map_catalog

    with open_catalog(ctx) as cat:
        ids = []
        for ref in datasets:
            row = find_dataset(cat, ref)
            if row is None:
                raise DictionaryError(f"데이터셋을 찾을 수 없습니다: {ref}")
            ids.append(row["id"])
        summary = map_catalog(
            cat, dataset_ids=ids or None, progress=ProgressPrinter(enabled=not quiet)
        )
        if auto is not None:
            summary.batch_id, summary.accepted = MappingDesk(cat, who).bulk_accept(auto)
    if as_json:
        emit_json(asdict(summary))
        return
    parts = ", ".join(f"{KINDS.get(k, k)} {n}" for k, n in sorted(summary.kinds.items()))
    click.echo(f"컬럼 {summary.columns}개에 제안을 만들었습니다: {parts}")
    if auto is not None:
        click.echo(
            f"점수 {auto} 이상 {summary.accepted}개를 수락했습니다 (되돌리기: catalog-app mapping undo)."
        )


@click.command("check")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--all", "show_all", is_flag=True, help="준수한 컬럼도 보여 줍니다.")
@click.option(
    "--force", is_flag=True, help="제안이 없는 컬럼이 있어도 계산합니다 (그 수가 함께 나옵니다)."
)
@click.pass_context
@_guard
def check_cmd(ctx, as_json, show_all, force) -> None:
    """표준 점검 결과와 표준 준수율 (표, 데이터셋, 부서, 전체; 계산식과 함께).

    표준용어 제안이 없는 컬럼이 있으면 (예: 이전 버전에서 올린 카탈로그) 준수율을 믿을 수 없으므로
    거부하고 종료 코드 1을 돌려줍니다; catalog-app map 을 먼저 실행하세요.
    """
    from catalog_app.matching.jobs import check_catalog

    with open_catalog(ctx) as cat:
        report = check_catalog(cat)
    if not report.trusted and not force:
        message = report.refusal()
        if as_json:
            emit_json(
                {
                    "blocked": True,
                    "unsuggested": report.unsuggested,
                    "problems": [{"severity": "error", "code": "V41", "message": message}],
                }
            )
        click.echo(message, err=True)
        sys.exit(1)
    rates = {scope: [asdict(r) for r in items] for scope, items in report.rates.items()}
    if as_json:
        emit_json(
            {
                "rates": rates,
                "columns": report.columns,
                "top_nonstandard_words": report.top_words,
                "blocked": False,
                "unsuggested": report.unsuggested,
                "excluded_datasets": report.excluded_datasets,
            }
        )
        return
    for col in report.columns:
        if col["kind"] == "not_a_column" or (col["compliant"] and not show_all):
            continue
        codes = ", ".join(c["code"] for c in col["checks"] if c["severity"] == "error")
        click.echo(
            f"{col['path']} / {col['table']} / {col['label']}: {'준수' if col['compliant'] else codes}"
        )
        for c in col["checks"]:
            if c["severity"] == "error" or show_all:
                click.echo(f"    [{c['code']}] {c['message']}")
    click.echo("")
    for excluded in report.excluded_datasets:
        click.echo(f"[준수율 제외] {excluded['path']}: {excluded['reason']}")
    if report.unsuggested:
        click.echo(f"[경고] {report.refusal()}")
    for scope, title in (("department", "부서별"), ("dataset", "데이터셋별"), ("catalog", "전체")):
        click.echo(f"표준 준수율 — {title}")
        for r in rates.get(scope, []):
            click.echo(f"  {r['name']}: {r['formula']}")
            if scope != "dataset":  # the split per department and overall; per file it is noise
                for part in ("word", "term", "domain"):
                    click.echo(f"      {r[f'{part}_formula']}")


@click.command("suggest")
@click.option(
    "--input",
    "input_csv",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="header(와 values) 열이 있는 CSV.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="한 줄에 JSON 하나씩 출력합니다 (평가용 계약)."
)
@click.pass_context
@_guard
def suggest_cmd(ctx, input_csv: Path, as_json: bool) -> None:
    """CSV의 머리글마다 표준용어 후보(상위 5개), 종류, 새 용어 제안, 점검 코드를 냅니다."""
    from catalog_app.matching.contract import read_tables, suggest_rows
    from catalog_app.matching.jobs import profile_of_values, suggest_with_checks
    from catalog_app.matching.parallel import suggest_groups
    from catalog_app.matching.workspace import Workspace

    with open_catalog(ctx) as cat:
        ws = Workspace.open(cat)
    try:
        tables = list(read_tables(input_csv))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"입력 CSV를 읽을 수 없습니다: {exc}") from exc

    def work(part) -> list[dict]:
        """Each row's values profiled once, for the matcher and for the checks."""
        items = []
        for context, rows in part:
            profiles = [profile_of_values(h, v) for h, v in rows]
            found = suggest_rows(ws.matcher, context, rows, profiles)
            for (h, v), p, s in zip(rows, profiles, found, strict=True):
                items.append(suggest_with_checks(ws, h, v, s, profile=p))
        return items

    # a large input over both cores (a forked copy of this process; the same answers)
    for item in suggest_groups(work, tables, [len(rows) for _, rows in tables], plain=True):
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            top = item["candidates"][0] if item["candidates"] else None
            best = f"{top['term']} ({top['score']:.2f})" if top else "-"
            click.echo(
                f"{item['header']}\t{KINDS.get(item['kind'], item['kind'])}\t{best}\t{','.join(item['checks'])}"
            )


@click.group("mapping")
def mapping() -> None:
    """컬럼별 매핑 결정: 수락, 거부, 새 용어 제안, 되돌리기, 매핑 기억 공유."""


@mapping.command("show")
@click.argument("column_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@_guard
def show_column(ctx, column_id, as_json) -> None:
    """한 컬럼의 후보, 종류, 결정, 점검 결과."""
    from catalog_app.matching.review_state import review_state

    with open_catalog(ctx) as cat:
        state = review_state(cat.conn, column_id)
    data = {
        "column_id": column_id,
        "label": state.label,
        "kind": state.kind,
        "candidates": list(state.candidates),
        "proposal": state.proposal,
        "checks": list(state.checks),
        "decision": state.decision,
    }
    if as_json:
        emit_json(data)
        return
    click.echo(
        f"[{column_id}] {data['label']} — {KINDS.get(data['kind'], data['kind'] or '미분석')}"
    )
    for i, c in enumerate(data["candidates"], start=1):
        click.echo(
            f"  {i}. {c['term']} ({c['abbr']}, {c['domain']}) {c['score']:.2f} — {'; '.join(c['reasons'])}"
        )
    if data["decision"]:
        d = data["decision"]
        click.echo(f"  결정: {d['status']} {d['term_name']} ({d['decided_by']}, {d['decided_at']})")


@mapping.command("accept")
@click.argument("column_id", type=int)
@click.argument("term", required=False)
@click.option("--user", "who")
@click.pass_context
@_guard
def accept(ctx, column_id, term, who) -> None:
    """컬럼의 표준용어를 수락합니다 (TERM 없으면 1순위 후보)."""
    from catalog_app.matching.decisions import MappingDesk
    from catalog_app.matching.review_state import review_state

    with open_catalog(ctx) as cat:
        state = review_state(cat.conn, column_id)
        if term is None:
            if state.top is None:
                raise DictionaryError(
                    "후보가 없습니다. `catalog-app map` 을 먼저 실행하거나 용어를 지정하세요."
                )
            term = state.top["term"]
        change = MappingDesk(cat, who).accept(column_id, term, state.kind, state.score_of(term))
    click.echo(f"수락했습니다: 컬럼 {column_id} → {term} [결정 {change}]")


@mapping.command("reject")
@click.argument("column_id", type=int)
@click.argument("term")
@click.option("--user", "who")
@click.pass_context
@_guard
def reject(ctx, column_id, term, who) -> None:
    """이 컬럼에 TERM 은 맞지 않습니다."""
    from catalog_app.matching.decisions import MappingDesk

    with open_catalog(ctx) as cat:
        change = MappingDesk(cat, who).reject(column_id, term)
    click.echo(f"거부했습니다: 컬럼 {column_id} ≠ {term} [결정 {change}]")


@mapping.command("propose")
@click.argument("column_id", type=int)
@click.option("--name", help="새 용어 이름 (기본: 제안된 조합, 없으면 머리글).")
@click.option("--abbr", default="")
@click.option("--domain", default="")
@click.option("--user", "who")
@click.pass_context
@_guard
def propose(ctx, column_id, name, abbr, domain, who) -> None:
    """맞는 용어가 없을 때 새 용어를 검토 대기열에 제안합니다."""
    from catalog_app.matching.decisions import MappingDesk
    from catalog_app.matching.review_state import review_state

    with open_catalog(ctx) as cat:
        term = review_state(cat.conn, column_id).proposed_term(name or "", abbr, domain)
        if not term.name:
            raise DictionaryError("제안할 용어 이름을 --name 으로 지정하세요.")
        change, proposal_id = MappingDesk(cat, who).propose(column_id, term)
    click.echo(
        f"제안했습니다: {term.name} ({term.abbr}, {term.domain}) → 검토 대기 {proposal_id} [결정 {change}]"
    )


@mapping.command("undo")
@click.argument("history_id", type=int, required=False)
@click.option("--user", "who")
@click.pass_context
@_guard
def undo(ctx, history_id, who) -> None:
    """마지막 매핑 결정(일괄 수락은 한 번에)을 되돌립니다."""
    from catalog_app.matching.decisions import MappingDesk

    with open_catalog(ctx) as cat:
        written = MappingDesk(cat, who).undo(history_id)
    click.echo(f"되돌렸습니다: 결정 {len(written)}개")


@mapping.command("history")
@click.option("--limit", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def history(ctx, limit, as_json) -> None:
    """매핑 결정 이력: 누가, 언제, 무엇을."""
    from catalog_app.matching.decisions import MappingDesk

    with open_catalog(ctx) as cat:
        rows = MappingDesk(cat).history(limit)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        term = (r["after"] or {}).get("term_name", "") if isinstance(r["after"], dict) else ""
        click.echo(
            f"{r['id']:>4} {r['at']} {r['who']:<10} {r['action']:<7} {r['label'] or ''} {term}"
        )


@mapping.command("export-memory")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def export_memory(ctx, path) -> None:
    """매핑 기억(머리글 → 수락한 용어)을 CSV로 내보내 다른 부서와 나눕니다."""
    from catalog_app.matching.decisions import MappingDesk

    with open_catalog(ctx) as cat:
        n = MappingDesk(cat).export_memory(path)
    click.echo(f"내보냈습니다: {path} ({n}개)")


@mapping.command("import-memory")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
@_guard
def import_memory(ctx, path) -> None:
    """다른 부서의 매핑 기억을 가져옵니다 (이 카탈로그의 결정이 우선)."""
    from catalog_app.matching.decisions import MappingDesk

    with open_catalog(ctx) as cat:
        n = MappingDesk(cat).import_memory(path)
    click.echo(f"가져왔습니다: {n}개")
