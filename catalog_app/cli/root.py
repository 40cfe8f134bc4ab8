"""The ``catalog-app`` group and the catalog's own commands: scan, list, show, search, header and
gui (exit codes: see the package's docstring). The other commands live in their own modules and
are imported when they run (``lazy``).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from catalog_app import __version__
from catalog_app.cli.common import catalog_option, emit_json, find_dataset_or_exit, open_catalog
from catalog_app.cli.lazy import LazyGroup
from catalog_app.cli.progress import ProgressPrinter
from catalog_app.config import CATALOG_ENV, default_catalog_path

# The core is imported inside each command (see lazy): `--help` and the window's launch
# should not pay for the modules of commands they do not run.
SEARCH_LIMIT = 200  # catalog.queries.SEARCH_LIMIT (a test checks they agree)

TYPE_NAMES = {
    "integer": "정수",
    "decimal": "소수",
    "date": "날짜",
    "datetime": "일시",
    "time": "시각",
    "flag": "여부(Y/N)",
    "code": "코드",
    "text": "문자",
    "empty": "빈 열",
}
STATUS_NAMES = {"ok": "정상", "error": "오류", "missing": "없어짐"}


def _utf8_output() -> None:
    """Korean JSON must survive a redirected stdout on Windows (cp1252/cp949 consoles)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in (
            "utf-8",
            "utf8",
        ):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8")


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--catalog",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=CATALOG_ENV,
    help="카탈로그 파일 (기본: 사용자 데이터 폴더의 catalog.db).",
)
@click.version_option(__version__, prog_name="catalog-app")
@click.pass_context
def cli(ctx: click.Context, catalog: Path | None) -> None:
    """공공기관 데이터 목록 관리: 스프레드시트 스캔·프로파일·표준 매핑·공개목록."""
    _utf8_output()
    ctx.ensure_object(dict)
    ctx.obj["catalog"] = catalog or default_catalog_path()
    if ctx.invoked_subcommand is None:
        if ctx.obj.get("open_window") and can_open_window():
            problem = _window_problem(ctx)
            if problem is None:
                sys.exit(ctx.obj["open_window"](str(ctx.obj["catalog"])))
            click.echo(f"창을 열 수 없어 명령줄 상태를 보여 줍니다: {problem}", err=True)
        _status(ctx)


def _window_problem(ctx: click.Context) -> str | None:
    """The launcher's display probe (a callback: the core never imports the UI). A window
    toolkit aborts the process on a display it cannot reach, so this is asked first."""
    probe = ctx.obj.get("window_problem")
    return probe() if probe is not None else None


def can_open_window() -> bool:
    """A desktop session with a screen (not CI, not an offscreen Qt, not a terminal-only box)."""
    import os

    if os.environ.get("CATALOG_APP_NO_GUI") or os.environ.get("QT_QPA_PLATFORM") in (
        "offscreen",
        "minimal",
    ):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _status(ctx: click.Context) -> None:
    from catalog_app.catalog import queries
    from catalog_app.dictionary.store import DictionaryError, DictionaryStore

    with open_catalog(ctx) as cat:
        try:
            edition = DictionaryStore(cat).ensure_shipped().key  # a new catalog gets the 7차
        except DictionaryError as exc:
            edition = str(exc)
        n = queries.catalog_counts(cat)
    click.echo(f"카탈로그: {ctx.obj['catalog']}")
    click.echo(
        f"데이터셋 {n['datasets']}개 (오류 {n['errors']}, 없어짐 {n['missing']}), "
        f"컬럼 {n['columns']}개"
    )
    click.echo(f"현재 공통표준: {edition}")
    click.echo("")
    click.echo(ctx.get_help())


@cli.command()
@click.pass_context
def gui(ctx: click.Context) -> None:
    """데스크톱 창을 엽니다."""
    opener = ctx.obj.get("open_window")
    if opener is None:
        click.echo(
            "이 실행 방식에는 창 기능이 없습니다. `catalog-app gui` 로 실행하세요.", err=True
        )
        sys.exit(1)
    problem = _window_problem(ctx)
    if problem is not None:
        click.echo(f"창을 열 수 없습니다: {problem}", err=True)
        sys.exit(1)
    sys.exit(opener(str(ctx.obj["catalog"])))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--force", is_flag=True, help="바뀌지 않은 파일도 다시 읽습니다.")
@click.option(
    "--follow-links",
    is_flag=True,
    help="스캔 폴더 밖을 가리키는 링크와 링크된 폴더도 따라가 읽습니다 (기본: 읽지 않고 기록만).",
)
@click.option("--quiet", "-q", is_flag=True, help="진행 표시를 끕니다.")
@catalog_option
@click.pass_context
def scan(
    ctx: click.Context,
    paths: tuple[Path, ...],
    as_json: bool,
    force: bool,
    follow_links: bool,
    quiet: bool,
) -> None:
    """폴더(또는 파일)를 스캔해 카탈로그에 기록합니다. 원본 파일은 읽기만 합니다."""
    from catalog_app.catalog import queries
    from catalog_app.progress import CancelToken
    from catalog_app.scan.scanner import scan as run_scan

    token = CancelToken()
    with open_catalog(ctx) as cat:
        try:
            summary = run_scan(
                cat,
                [str(p) for p in paths],
                progress=ProgressPrinter(enabled=not quiet),
                cancel=token,
                force=force,
                follow_links=follow_links,
            )
        except KeyboardInterrupt:
            click.echo(
                "\n스캔을 중단했습니다. 끝난 파일까지는 카탈로그에 저장되었습니다.", err=True
            )
            sys.exit(130)
        if summary.suggest_error:
            click.echo(f"[경고] {summary.suggest_error} (catalog-app map 으로 다시 시도)", err=True)
        if as_json:
            emit_json(
                {
                    "run_id": summary.run_id,
                    "status": summary.status,
                    "catalog": str(cat.path),
                    "counts": summary.counts,
                    "suggested": summary.suggested,
                    "failed": [{"path": p, "code": c, "message": m} for p, c, m in summary.failed],
                    "datasets": [queries.dataset_detail(cat, i) for i in summary.dataset_ids],
                }
            )
        else:
            c = summary.counts
            click.echo(
                f"스캔 완료: 파일 {c['total']}개 — 새 파일 {c['new']}, 바뀐 파일 {c['changed']}, "
                f"그대로 {c['unchanged']}, 실패 {c['failed']}, 없어짐 {c['missing']}"
            )
            if summary.suggested:
                click.echo(f"새로 읽은 컬럼 {summary.suggested}개에 표준용어 제안을 만들었습니다.")
            for path, _code, message in summary.failed:
                click.echo(f"  [실패] {path}: {message}")
            click.echo(f"카탈로그: {cat.path}")
    sys.exit(summary.exit_code)


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--status", type=click.Choice(["ok", "error", "missing"]), help="상태로 거릅니다.")
@catalog_option
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool, status: str | None) -> None:
    """카탈로그의 데이터셋(파일) 목록."""
    from catalog_app.catalog import queries

    with open_catalog(ctx) as cat:
        rows = queries.list_datasets(cat, status)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("카탈로그가 비어 있습니다. `catalog-app scan 폴더` 로 스캔하세요.")
        return
    for r in rows:
        state = STATUS_NAMES.get(r["status"], r["status"])
        fmt = r["real_format"] or "-"
        enc = f" {r['encoding']}" if r["encoding"] else ""
        click.echo(
            f"{r['id']:>5}  {state:<4} {fmt:<5}{enc:<11} 표 {r['table_count']:>2} 열 {r['column_count']:>3} "
            f"행 {r['row_count']:>7}  {Path(r['folder'], r['name']).as_posix()}"
        )


@cli.command()
@click.argument("dataset")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@catalog_option
@click.pass_context
def show(ctx: click.Context, dataset: str, as_json: bool) -> None:
    """데이터셋 하나의 표와 컬럼 프로파일 (DATASET: 번호, 경로 또는 파일 이름)."""
    from catalog_app.catalog import queries

    with open_catalog(ctx) as cat:
        row = find_dataset_or_exit(cat, dataset)
        detail = queries.dataset_detail(cat, row["id"])
    if as_json:
        emit_json(detail)
        return
    _print_detail(detail)


def _print_detail(d: dict) -> None:
    click.echo(f"[{d['id']}] {d['path']}")
    click.echo(
        f"  상태 {STATUS_NAMES.get(d['status'], d['status'])}, 형식 {d['real_format']}", nl=False
    )
    if d["encoding"]:
        click.echo(
            f", 인코딩 {d['encoding']} ({d['encoding_method']}), 구분자 {d['delimiter']!r}",
            nl=False,
        )
    click.echo("")
    for e in d["errors"]:
        click.echo(f"  오류: {e['message']}")
    for w in d["warnings"]:
        click.echo(f"  참고: {w}")
    for t in d["tables"]:
        sheet = t["sheet"] or "(표)"
        hidden = " [숨김]" if t["hidden"] else ""
        if t["header_rows"] == 0:
            header = f"머리글 없음, 데이터 {t['data_row'] + 1}행부터"
        else:
            header = f"머리글 {t['header_row'] + 1}행부터 {t['header_rows']}줄"
        click.echo(
            f"  ▸ {sheet}{hidden}: {header} ({'직접 지정' if t['header_source'] == 'override' else '자동'}), "
            f"데이터 {t['row_count']}행, 합계 {t['total_rows']}, 주석 {t['footnote_rows']}, 빈 행 {t['blank_rows']}"
        )
        for w in t["warnings"]:
            click.echo(f"    참고: {w}")
        if t.get("person_level"):
            click.echo(f"    사람 목록: {t['person_level']}")
        for c in t["columns"]:
            p = c["profile"]
            pii = f"  ⚠개인정보:{c['pii']['kind']}" if c["pii"] else ""
            if not pii and c.get("privacy"):
                what = "준식별자" if c["privacy"]["quasi_identifier"] else "개인정보 아님"
                pii = f"  ({what}:{c['privacy']['kind']})"
            click.echo(
                f"    {c['index']:>3} {c['label'][:30]:<30} {TYPE_NAMES.get(c['type'], c['type']):<8} "
                f"빈값 {p['null_ratio'] * 100:5.1f}%  고유 {p['distinct_count']:>6}  "
                f"최대 {p['max_len_bytes']}B  예: {', '.join(p['samples'][:3])[:40]}{pii}"
            )


@cli.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="결과를 JSON으로 출력합니다.")
@click.option("--limit", default=SEARCH_LIMIT, show_default=True, help="최대 결과 수.")
@catalog_option
@click.pass_context
def search(ctx: click.Context, text: str, as_json: bool, limit: int) -> None:
    """데이터셋·시트·컬럼 이름에서 TEXT를 찾습니다 (두 글자 검색도 됩니다)."""
    from catalog_app.catalog import queries

    with open_catalog(ctx) as cat:
        hits = queries.search(cat, text, limit)
    if as_json:
        emit_json(hits)
        return
    if not hits:
        click.echo("찾은 항목이 없습니다.")
        return
    kinds = {"dataset": "파일", "table": "시트", "column": "컬럼"}
    for h in hits:
        where = h["dataset"] + (f" / {h['table']}" if h["table"] else "")
        click.echo(f"{kinds[h['kind']]:<3} {h['label']}  ← {where} [{h['dataset_id']}]")


@cli.command()
@click.argument("dataset")
@click.option("--table", "table_ref", default=None, help="시트 이름 또는 #번호 (기본: 첫 표).")
@click.option("--row", type=click.IntRange(min=1), help="머리글이 시작하는 행 (엑셀처럼 1부터).")
@click.option(
    "--rows",
    type=click.IntRange(min=0, max=12),
    default=1,
    show_default=True,
    help="머리글 줄 수 (0: 머리글 없음).",
)
@click.option("--clear", is_flag=True, help="직접 지정을 지우고 자동 감지로 돌아갑니다.")
@catalog_option
@click.pass_context
def header(
    ctx, dataset: str, table_ref: str | None, row: int | None, rows: int, clear: bool
) -> None:
    """표의 머리글 행을 직접 지정합니다. 다시 스캔해도 유지됩니다."""
    from catalog_app.catalog import queries
    from catalog_app.scan.scanner import override_header

    if not clear and row is None:
        raise click.UsageError("--row 또는 --clear 가 필요합니다.")
    with open_catalog(ctx) as cat:
        found = find_dataset_or_exit(cat, dataset)
        keys = queries.table_keys(cat, found["id"])
        key = table_ref or (keys[0] if keys else "#0")
        if key not in keys and table_ref is not None and f"#{table_ref}" in keys:
            key = f"#{table_ref}"
        if keys and key not in keys:
            raise click.UsageError(f"표를 찾을 수 없습니다: {key} (있는 표: {', '.join(keys)})")
        from catalog_app.bundle.merge import BundledDataset

        try:
            summary = override_header(cat, found["id"], key, None if clear else (row - 1, rows))
        except BundledDataset as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
        detail = queries.dataset_detail(cat, found["id"])
    if summary.failed:
        click.echo(f"다시 읽지 못했습니다: {summary.failed[0][2]}", err=True)
        sys.exit(1)
    _print_detail(detail)


def main() -> None:
    cli(prog_name="catalog-app")


if __name__ == "__main__":
    main()
