"""`catalog-app institution | meta | validate | snapshot | diff | export`: the yearly disclosure.

Exit codes: 0 done; 1 refused (blocking problems, a snapshot that exists or is missing, a
dataset not found, an undo that cannot be done); 2 usage errors.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from catalog_app.catalog.store import Catalog
from catalog_app.cli.common import emit_json, fail, find_dataset_or_exit, open_catalog
from catalog_app.disclosure import vocab
from catalog_app.disclosure.exports import EXPORTERS
from catalog_app.disclosure.metadata import MetadataError, MetadataStore
from catalog_app.disclosure.model import ENTERED, SCAN, SETTINGS

SOURCE_NAMES = {ENTERED: "입력", SCAN: "스캔", SETTINGS: "설정"}


def _blocked(exc, as_json: bool, year: int) -> None:
    """Print the blocking problems (Korean, or JSON) and exit 1."""
    from catalog_app.disclosure.validate import counts, problem_json

    if as_json:
        emit_json(
            {
                "year": year,
                "blocked": True,
                "counts": counts(exc.problems),
                "problems": [problem_json(p) for p in exc.problems],
            }
        )
    else:
        _print_problems(exc.problems)
    click.echo(str(exc), err=True)
    sys.exit(1)


def _print_problems(problems) -> None:
    marks = {"error": "차단", "warning": "경고"}
    for p in problems:
        click.echo(f"[{marks.get(p.severity, p.severity)}] {p.code} {p.message}")


# ---------------------------------------------------------------------- institution
@click.group()
def institution() -> None:
    """기관 설정(기관명·기관코드·기본값)과 폴더별 관리부서."""


@institution.command("show")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def institution_show(ctx, as_json: bool) -> None:
    with open_catalog(ctx) as cat:
        meta = MetadataStore(cat)
        settings, departments = meta.institution(), meta.departments()
    if as_json:
        emit_json(
            {
                "institution": settings,
                "departments": [
                    {"folder": d.folder, "name": d.name, "phone": d.phone} for d in departments
                ],
            }
        )
        return
    for f in vocab.INSTITUTION_FIELDS:
        click.echo(f"{f.label}: {settings.get(f.key, '')}")
    click.echo("관리부서:" if departments else "관리부서: (없음 — 첫 폴더 이름을 부서로 씁니다)")
    for d in departments:
        click.echo(f"  {d.folder} → {d.name} {d.phone}".rstrip())


@institution.command("set")
@click.option("--name", help="기관명")
@click.option("--code", help="행정표준기관코드 (7자리)")
@click.option("--phone", help="대표 전화번호")
@click.option("--licence", help="기본 이용허락범위")
@click.option("--spatial", help="기본 공간범위")
@click.pass_context
def institution_set(ctx, **options) -> None:
    keys = {"phone": "default_phone", "licence": "default_licence"}
    values = {keys.get(k, k): v for k, v in options.items() if v is not None}
    if not values:
        raise click.UsageError("바꿀 항목을 하나 이상 지정하세요 (--name, --code …).")
    with open_catalog(ctx) as cat:
        MetadataStore(cat).set_institution(values)
    click.echo("기관 설정을 저장했습니다.")


@institution.command("department")
@click.argument("folder")
@click.argument("name", required=False)
@click.option("--phone", default="", help="관리부서 전화번호")
@click.option("--remove", is_flag=True, help="이 폴더의 부서 지정을 지웁니다.")
@click.pass_context
def institution_department(ctx, folder: str, name: str | None, phone: str, remove: bool) -> None:
    """FOLDER(스캔한 폴더 기준 상대 경로)와 그 하위 폴더의 관리부서를 NAME으로 지정합니다."""
    with open_catalog(ctx) as cat:
        meta = MetadataStore(cat)
        if remove:
            if not meta.remove_department(folder):
                fail(f"지정된 부서가 없습니다: {folder}")
            click.echo(f"지웠습니다: {folder}")
            return
        if not name:
            raise click.UsageError("부서명(NAME)이 필요합니다.")
        try:
            meta.set_department(folder, name, phone)
        except MetadataError as exc:
            fail(str(exc))
    click.echo(f"{folder} → {name}")


# ---------------------------------------------------------------------- meta
@click.group()
def meta() -> None:
    """데이터셋·컬럼의 공개목록 항목(목록명, 분류체계, 공개여부 …)."""


def _dataset(cat: Catalog, ref: str):
    return find_dataset_or_exit(cat, ref)


@meta.command("show")
@click.argument("dataset")
@click.option("--year", type=int, default=lambda: date.today().year, help="기준 연도")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def meta_show(ctx, dataset: str, year: int, as_json: bool) -> None:
    """DATASET의 항목 값과 출처(입력·스캔·설정)."""
    from catalog_app.disclosure.state import build_state

    with open_catalog(ctx) as cat:
        row = _dataset(cat, dataset)
        state = build_state(cat, year, dataset_ids=[row["id"]])  # one file, not the catalog
    record = next((d for d in state.datasets if d.dataset_id == row["id"]), None)
    if record is None:  # a file that vanished is not on any list
        fail(f"없어진 파일이라 공개목록 항목이 없습니다: {row['rel_path']}")
    columns = state.columns_of(record.key)
    if as_json:
        emit_json(
            {
                "dataset_id": record.dataset_id,
                "path": record.rel_path,
                "fields": record.fields,
                "sources": record.sources,
                "columns": [
                    {
                        "table": c.table_key,
                        "label": c.label,
                        "fields": c.fields,
                        "sources": c.sources,
                    }
                    for c in columns
                ],
            }
        )
        return
    for f in vocab.DATASET_FIELDS:
        value = record.get(f.key)
        source = SOURCE_NAMES.get(record.sources.get(f.key, ""), "")
        mark = "*" if f.required else " "
        click.echo(f"{mark}{f.label}: {value}" + (f"  ({source})" if value and source else ""))
        if f.key in record.notes:  # how a derived value was made (시간범위 기준, 기준일자 출처)
            click.echo(f"    ↳ {record.notes[f.key]}")
    for c in columns:
        if c.fields.get("openness") or c.get("pii") == "Y":
            reason = vocab.reason_label(c.get("reason"))
            click.echo(f"  컬럼 {c.label}: {c.get('openness') or '-'} {reason}".rstrip())


@meta.command("set")
@click.argument("dataset")
@click.argument("assignments", nargs=-1, required=True)
@click.option("--column", "label", help="컬럼 항목을 입력할 때 컬럼명")
@click.option("--table", "table_key", help="컬럼이 있는 표 (여러 표일 때)")
@click.pass_context
def meta_set(ctx, dataset: str, assignments, label: str | None, table_key: str | None) -> None:
    """항목=값 … 을 입력합니다 (예: 업데이트주기=연간 분류체계="교통물류 - 도로"). 값이 비면 지웁니다."""
    values = {}
    for a in assignments:
        if "=" not in a:
            raise click.UsageError(f"항목=값 형식이 아닙니다: {a}")
        k, v = a.split("=", 1)
        values[k.strip()] = v
    with open_catalog(ctx) as cat:
        row = _dataset(cat, dataset)
        if label and table_key is None:
            from catalog_app.catalog.queries import label_tables

            tables = label_tables(cat, row["id"], label)
            if len(tables) != 1:
                fail(
                    f"컬럼을 {'찾을 수 없습니다' if not tables else '특정할 수 없습니다 (--table 필요)'}: {label}"
                )
            table_key = tables[0]
        try:
            batch = MetadataStore(cat).set_fields(
                row["id"], values, table_key=table_key or "", label=label or ""
            )
        except (KeyError, MetadataError) as exc:
            fail(exc.args[0] if exc.args else str(exc))
    click.echo("저장했습니다." if batch else "바뀐 값이 없습니다.")


@meta.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def meta_import(ctx, path: Path, as_json: bool) -> None:
    """담당자가 채운 CSV(meta template으로 만든 양식)를 한꺼번에 입력합니다."""
    with open_catalog(ctx) as cat:
        try:
            result = MetadataStore(cat).import_csv(path)
        except MetadataError as exc:
            fail(str(exc))
    if as_json:
        emit_json(
            {
                "datasets": result.updated,
                "values": result.values,
                "batch_id": result.batch_id,
                "skipped": result.skipped,
            }
        )
        return
    for note in result.skipped:
        click.echo(note, err=True)
    click.echo(f"데이터셋 {result.updated}개, 값 {result.values}개를 입력했습니다.")


@meta.command("template")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--year", type=int, default=lambda: date.today().year, help="기준 연도")
@click.pass_context
def meta_template(ctx, out: Path, year: int) -> None:
    """지금 값이 채워진 입력 양식(CSV, Excel용 UTF-8 BOM)을 만듭니다."""
    with open_catalog(ctx) as cat:
        n = MetadataStore(cat).write_template(out, year)
    click.echo(f"{out} ({n}개 데이터셋)")


@meta.command("undo")
@click.pass_context
def meta_undo(ctx) -> None:
    """마지막 입력(한 번의 저장·가져오기 전체)을 되돌립니다."""
    with open_catalog(ctx) as cat:
        try:
            n = MetadataStore(cat).undo()
        except MetadataError as exc:
            fail(str(exc))
    click.echo(f"값 {n}개를 되돌렸습니다.")


@meta.command("history")
@click.argument("dataset", required=False)
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def meta_history(ctx, dataset: str | None, as_json: bool) -> None:
    with open_catalog(ctx) as cat:
        dataset_id = _dataset(cat, dataset)["id"] if dataset else None
        rows = MetadataStore(cat).history(dataset_id)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        where = f"#{r['dataset_id']}" if r["dataset_id"] else "기관"
        if r["label"]:
            where += f" {r['label']}"
        click.echo(
            f"{r['at']} {r['who']} {where} {r['field']}: {r['before'] or '(없음)'} → "
            f"{r['after'] or '(없음)'}"
        )


# ---------------------------------------------------------------------- yearly commands
@click.command("validate")
@click.option("--year", type=int, required=True, help="기준 연도")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def validate_cmd(ctx, year: int, as_json: bool) -> None:
    """내보내기 전 점검: 차단 문제가 있으면 종료 코드 1."""
    from catalog_app.disclosure.state_cache import state_for_year
    from catalog_app.disclosure.validate import blocking, counts, problem_json, validate

    with open_catalog(ctx) as cat:
        state = state_for_year(cat, year)
    problems = validate(state)
    if as_json:
        emit_json(
            {
                "year": year,
                "source": state.source,
                "counts": counts(problems),
                "blocking": bool(blocking(problems)),
                "problems": [problem_json(p) for p in problems],
            }
        )
    else:
        _print_problems(problems)
        c = counts(problems)
        click.echo(f"{year}년: 차단 {c.get('error', 0)}건, 경고 {c.get('warning', 0)}건")
    if blocking(problems):
        sys.exit(1)


@click.command("snapshot")
@click.option("--year", type=int, help="고정할 연도")
@click.option("--force", is_flag=True, help="차단 문제가 있어도 고정합니다 (기록에 남습니다).")
@click.option("--list", "list_", is_flag=True, help="스냅샷 목록을 봅니다.")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def snapshot_cmd(ctx, year: int | None, force: bool, list_: bool, as_json: bool) -> None:
    """연도별 공개목록 상태를 고정합니다. 고정한 스냅샷은 바뀌지 않습니다."""
    from catalog_app.disclosure.snapshot import SnapshotError, list_snapshots, take_snapshot
    from catalog_app.disclosure.validate import ExportBlocked

    if list_:
        with open_catalog(ctx) as cat:
            infos = list_snapshots(cat)
        if as_json:
            emit_json([i.as_dict() for i in infos])
        for i in [] if as_json else infos:
            rate = i.summary.get("rate")
            click.echo(
                f"{i.year}년  {i.created_at}  {i.created_by}  데이터셋 {i.summary.get('datasets')}개"
                f"  준수율 {'-' if rate is None else f'{rate:.1f}%'}"
                + ("  (강제)" if i.forced else "")
            )
        return
    if year is None:
        raise click.UsageError("--year 또는 --list 가 필요합니다.")
    with open_catalog(ctx) as cat:
        try:
            info = take_snapshot(cat, year, force=force)
        except ExportBlocked as exc:
            _blocked(exc, as_json, year)
        except SnapshotError as exc:
            fail(str(exc))
    if as_json:
        emit_json(info.as_dict())
        return
    click.echo(
        f"{year}년 스냅샷을 고정했습니다: 데이터셋 {info.summary['datasets']}개, "
        f"컬럼 {info.summary['columns']}개"
        + (" (차단 문제가 있었지만 강제)" if info.forced else "")
    )


@click.command("diff")
@click.option("--from", "from_year", type=int, required=True, help="이전 연도 (스냅샷)")
@click.option("--to", "to_year", type=int, required=True, help="비교할 연도 (스냅샷, 없으면 현재)")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def diff_cmd(ctx, from_year: int, to_year: int, as_json: bool) -> None:
    """두 연도의 데이터셋·컬럼 추가·삭제·변경."""
    from catalog_app.disclosure.diff import diff_json
    from catalog_app.disclosure.export import year_diff
    from catalog_app.disclosure.snapshot import SnapshotError

    with open_catalog(ctx) as cat:
        try:
            result, _old, _new = year_diff(cat, to_year, base=from_year)
        except SnapshotError as exc:
            fail(str(exc))
    if as_json:
        emit_json(diff_json(result))
        return
    names = {"added": "추가", "removed": "삭제", "changed": "변경"}
    for c in result.changes:
        where = c.dataset_name + (f" › {c.table} › {c.column}" if c.level == "column" else "")
        detail = f" {c.field_label}: {c.old or '(없음)'} → {c.new or '(없음)'}" if c.field else ""
        click.echo(f"[{names[c.action]}] {where}{detail}")
    s = result.summary()
    click.echo(
        f"{from_year}→{to_year}: 데이터셋 +{s['dataset']['added']} -{s['dataset']['removed']} "
        f"~{s['dataset']['changed']}, 컬럼 +{s['column']['added']} -{s['column']['removed']} "
        f"~{s['column']['changed']}"
    )


@click.command("export")
@click.option("--year", type=int, required=True, help="기준 연도")
@click.option(
    "--kind",
    type=click.Choice(list(EXPORTERS)),
    required=True,
    help=", ".join(f"{kind} {e.describe()}" for kind, e in EXPORTERS.items()),
)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="파일 또는 폴더")
@click.option("--force", is_flag=True, help="차단 문제가 있어도 내보냅니다.")
@click.option("--json", "as_json", is_flag=True, help="JSON으로 출력합니다.")
@click.pass_context
def export_cmd(ctx, year: int, kind: str, out: Path, force: bool, as_json: bool) -> None:
    """공개목록을 내보냅니다 (.xlsx 또는 .csv는 --out의 확장자로 정합니다)."""
    from catalog_app.disclosure.export import export
    from catalog_app.disclosure.snapshot import SnapshotError
    from catalog_app.disclosure.validate import ExportBlocked, counts

    with open_catalog(ctx) as cat:
        try:
            result = export(cat, year, kind, out, force=force)
        except ExportBlocked as exc:
            _blocked(exc, as_json, year)
        except (SnapshotError, ValueError) as exc:
            fail(str(exc))
    if as_json:
        emit_json(
            {
                "kind": kind,
                "year": year,
                "source": result.source,
                "paths": [str(p) for p in result.paths],
                "forced": result.forced,
                "counts": counts(result.problems),
            }
        )
        return
    if result.forced:
        click.echo("차단 문제가 있었지만 --force로 내보냈습니다.", err=True)
    for p in result.paths:
        click.echo(str(p))
