"""`catalog-app categories | system | registered | deadlines`: the reference tables and the list's
lifecycle around the yearly disclosure (issue 12).

Exit codes: 0 done; 1 refused (a file that is not a registered list, an unknown label or system,
an entry that cannot be found); 2 usage errors. ``registered import`` changes nothing until it is
run again with ``--confirm``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from catalog_app.cli.common import emit_json, fail, find_dataset_or_exit, open_catalog


# ---------------------------------------------------------------------- categories
@click.group()
def categories() -> None:
    """분류체계 표 (지금 표기와 이전 표기, 이전 표기가 뜻하는 지금 분류체계)."""


@categories.command("list")
@click.option("--style", type=click.Choice(["현재", "이전"]), help="한 가지 표기만")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def categories_list(ctx, style: str | None, as_json: bool) -> None:
    from catalog_app.disclosure.category_store import CategoryStore

    with open_catalog(ctx) as cat:
        rows = [r for r in CategoryStore(cat).rows() if style is None or r.style == style]
    if as_json:
        emit_json(
            [
                {"label": r.label, "style": r.style, "current": r.current, "basis": r.basis}
                for r in rows
            ]
        )
        return
    for r in rows:
        target = "" if r.current == r.label else f" → {r.current}"
        click.echo(f"[{r.style}] {r.label}{target}  ({r.basis})".rstrip())


@categories.command("add")
@click.argument("label")
@click.option("--as", "current", help="이전 표기일 때 지금의 분류체계 (예: '공공행정 - 일반행정')")
@click.pass_context
def categories_add(ctx, label: str, current: str | None) -> None:
    """분류체계를 추가합니다 (지금 표기, 또는 --as 로 이전 표기와 그 뜻)."""
    from catalog_app.disclosure.category_store import CategoryError, CategoryStore

    with open_catalog(ctx) as cat:
        try:
            row = CategoryStore(cat).add(label, current)
        except CategoryError as exc:
            fail(str(exc))
    target = "" if row.current == row.label else f" → {row.current}"
    click.echo(f"추가했습니다: [{row.style}] {row.label}{target}")


@categories.command("remove")
@click.argument("label")
@click.pass_context
def categories_remove(ctx, label: str) -> None:
    from catalog_app.disclosure.category_store import CategoryStore

    with open_catalog(ctx) as cat:
        if not CategoryStore(cat).remove(label):
            fail(f"표에 없는 분류체계입니다: {label}")
    click.echo(f"지웠습니다: {label}")


@categories.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="지금 표를 비우고 파일의 표로 바꿉니다.")
@click.pass_context
def categories_import(ctx, path: Path, replace: bool) -> None:
    """분류체계 CSV(분류체계, 표기, 현재분류체계, 근거)를 가져옵니다."""
    from catalog_app.disclosure.category_store import CategoryError, CategoryStore

    with open_catalog(ctx) as cat:
        try:
            n = CategoryStore(cat).import_csv(path, replace=replace)
        except CategoryError as exc:
            fail(str(exc))
    click.echo(f"분류체계 {n}개를 가져왔습니다.")


@categories.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def categories_export(ctx, path: Path) -> None:
    """지금 분류체계 표를 CSV(Excel용 UTF-8 BOM)로 씁니다."""
    from catalog_app.disclosure.category_store import CategoryStore
    from catalog_app.disclosure.workbook import write_csv

    with open_catalog(ctx) as cat:
        headers, rows = CategoryStore(cat).export_rows()
    write_csv(path, headers, rows)
    click.echo(f"{path} ({len(rows)}개)")


@categories.command("reset")
@click.pass_context
def categories_reset(ctx) -> None:
    """함께 배포된 표로 되돌립니다 (기관이 더한 값은 지워집니다)."""
    from catalog_app.disclosure.category_store import CategoryStore

    with open_catalog(ctx) as cat:
        n = CategoryStore(cat).reset()
    click.echo(f"배포된 분류체계 {n}개로 되돌렸습니다.")


# ---------------------------------------------------------------------- system
@click.group()
def system() -> None:
    """정보시스템·DB (데이터베이스정의서, 파일이 추출된 DB)."""


@system.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def system_list(ctx, as_json: bool) -> None:
    from catalog_app.disclosure import vocab
    from catalog_app.disclosure.systems import SystemStore

    with open_catalog(ctx) as cat:
        systems = SystemStore(cat).systems()
    if as_json:
        emit_json([s.as_dict() for s in systems])
        return
    labels = {f.key: f.label for f in vocab.SYSTEM_FIELDS}
    for s in systems:
        click.echo(s.name + (f"  (폴더: {', '.join(s.folders)})" if s.folders else ""))
        for key, value in s.fields.items():
            click.echo(f"  {labels.get(key, key)}: {value}")


@system.command("set")
@click.argument("name")
@click.argument("assignments", nargs=-1)
@click.pass_context
def system_set(ctx, name: str, assignments) -> None:
    """정보시스템 NAME을 만들거나 항목=값 … 을 바꿉니다 (예: 물리DB명=PRKDB 테이블소유자=PRK)."""
    from catalog_app.disclosure.systems import InfoSystemError, SystemStore

    values = {}
    for a in assignments:
        if "=" not in a:
            raise click.UsageError(f"항목=값 형식이 아닙니다: {a}")
        k, v = a.split("=", 1)
        values[k.strip()] = v
    with open_catalog(ctx) as cat:
        try:
            SystemStore(cat).set_system(name, values)
        except InfoSystemError as exc:
            fail(str(exc))
    click.echo(f"저장했습니다: {name}")


@system.command("link")
@click.argument("folder")
@click.argument("name", required=False)
@click.option("--remove", is_flag=True, help="이 폴더의 연결을 지웁니다.")
@click.pass_context
def system_link(ctx, folder: str, name: str | None, remove: bool) -> None:
    """FOLDER(스캔한 폴더 기준)와 그 하위 폴더의 파일이 정보시스템 NAME에서 나왔다고 정합니다."""
    from catalog_app.disclosure.systems import InfoSystemError, SystemStore

    with open_catalog(ctx) as cat:
        store = SystemStore(cat)
        if remove:
            if not store.unlink_folder(folder):
                fail(f"연결된 정보시스템이 없습니다: {folder}")
            click.echo(f"연결을 지웠습니다: {folder}")
            return
        if not name:
            raise click.UsageError("정보시스템명(NAME)이 필요합니다.")
        try:
            store.link_folder(folder, name)
        except InfoSystemError as exc:
            fail(str(exc))
    click.echo(f"{folder} → {name}")


@system.command("remove")
@click.argument("name")
@click.pass_context
def system_remove(ctx, name: str) -> None:
    from catalog_app.disclosure.systems import SystemStore

    with open_catalog(ctx) as cat:
        if not SystemStore(cat).remove_system(name):
            fail(f"등록된 정보시스템이 아닙니다: {name}")
    click.echo(f"지웠습니다: {name}")


# ---------------------------------------------------------------------- registered
@click.group()
def registered() -> None:
    """포털에 등록된 목록: 가져오기, 연결, 신규·변경·제외."""


@registered.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--confirm", is_flag=True, help="미리보기대로 가져옵니다 (없으면 미리보기만).")
@click.option(
    "--accept-unsure", is_flag=True, help="확인이 필요한 연결(비슷한 이름)도 받아들입니다."
)
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def registered_import(ctx, path: Path, confirm: bool, accept_unsure: bool, as_json: bool) -> None:
    """포털에서 내려받은 목록 파일(CSV, xlsx)을 미리 보고, --confirm 으로 가져옵니다."""
    from catalog_app.disclosure.registered import (
        RegisteredListError,
        apply_import,
        preview_import,
    )

    with open_catalog(ctx) as cat:
        try:
            preview = preview_import(cat, path)
        except RegisteredListError as exc:
            if as_json:
                emit_json({"applied": False, "error": str(exc)})
            fail(str(exc))
        import_id = None
        if confirm:
            unsure = {p.entry_key for p in preview.proposals if p.how == "unsure"}
            import_id = apply_import(cat, preview, unsure if accept_unsure else set())
    if as_json:
        emit_json({**preview.as_json(), "applied": confirm, "import_id": import_id})
        return
    for line in preview.summary():
        click.echo(line)
    unsure = [p for p in preview.proposals if p.how == "unsure"]
    for p in unsure:
        click.echo(f"  [확인 필요] {p.row_number}행 {p.title} → {p.path} (비슷함 {p.score}%)")
    if not confirm:
        click.echo(
            "아직 아무것도 바꾸지 않았습니다. 이대로 가져오려면 --confirm"
            + (" (확인 필요한 연결까지 받으려면 --accept-unsure)" if unsure else "")
            + " 을 붙여 다시 실행하세요."
        )
        return
    click.echo(f"가져왔습니다 (가져오기 {import_id}).")


@registered.command("status")
@click.option("--year", type=int, default=lambda: date.today().year, help="기준 연도")
@click.option("--all", "show_all", is_flag=True, help="유지(바뀐 것 없음)도 보입니다.")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def registered_status(ctx, year: int, show_all: bool, as_json: bool) -> None:
    """등록 목록 대비 신규·변경·제외와 기한."""
    from catalog_app.disclosure.lifecycle import lifecycle
    from catalog_app.disclosure.state_cache import state_for_year

    with open_catalog(ctx) as cat:
        state = state_for_year(cat, year)
    entries = lifecycle(state)
    if as_json:
        emit_json([e.as_json() for e in entries])
        return
    if not state.registered_import:
        click.echo(
            "가져온 등록 목록이 없습니다 (registered import). 처음 스캔 뒤 생긴 파일만 신규로 봅니다."
        )
    for e in entries:
        if e.action == "유지" and not show_all:
            continue
        due = f" 기한 {e.due}" if e.due else ""
        click.echo(f"[{e.action}] {e.title} ({e.path or '파일 없음'}){due}")
        for reason in e.reasons:
            click.echo(f"    {reason}")


@registered.command("link")
@click.argument("entry")
@click.argument("dataset")
@click.pass_context
def registered_link(ctx, entry: str, dataset: str) -> None:
    """등록 목록의 ENTRY(목록키 또는 목록명)를 데이터셋 DATASET에 직접 연결합니다."""
    from catalog_app.disclosure.registered import RegisteredListError, link_entry

    with open_catalog(ctx) as cat:
        row = find_dataset_or_exit(cat, dataset)
        try:
            link_entry(cat, entry, row["id"])
        except RegisteredListError as exc:
            fail(str(exc))
    click.echo(f"{entry} → {row['rel_path']}")


@registered.command("unlink")
@click.argument("entry")
@click.pass_context
def registered_unlink(ctx, entry: str) -> None:
    from catalog_app.disclosure.registered import RegisteredListError, unlink_entry

    with open_catalog(ctx) as cat:
        try:
            done = unlink_entry(cat, entry)
        except RegisteredListError as exc:
            fail(str(exc))
    if not done:
        fail(f"연결된 파일이 없습니다: {entry}")
    click.echo(f"연결을 지웠습니다: {entry}")


# ---------------------------------------------------------------------- deadlines
@click.command("deadlines")
@click.option("--year", type=int, default=lambda: date.today().year, help="기준 연도")
@click.option("--all", "all_calendar", is_flag=True, help="연간 일정을 모두 보입니다.")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def deadlines_cmd(ctx, year: int, all_calendar: bool, as_json: bool) -> None:
    """등록 기한: 신규 15일, 변경 10일, 차기 등록 예정일, 연간 일정 (지난 것부터)."""
    from catalog_app.disclosure.deadlines import deadlines
    from catalog_app.disclosure.state_cache import state_for_year

    with open_catalog(ctx) as cat:
        state = state_for_year(cat, year)
    found = deadlines(state, all_calendar=all_calendar)
    if as_json:
        emit_json([d.as_json() for d in found])
        return
    if not found:
        click.echo("다가오는 기한이 없습니다.")
    for d in found:
        mark = "지남" if d.overdue else "예정"
        click.echo(f"[{mark}] {d.due} {d.message}")
