"""변경내역 and 등록 대비: what changed on the list since last year, and each entry against what is
registered on the portal (신규 / 변경 / 제외 with their deadlines, ``lifecycle``).

Either part may be missing: the year-over-year part needs the snapshot of last year, the
registered part an imported registered list. The change sheet is also offered as ``diff_sheet``
so a larger workbook (the yearly package) can carry the same table without a second layout. As
CSV, the year's changes go to the file named and the registered comparison beside it as
``<name>_등록대비.csv``.
"""

from __future__ import annotations

from pathlib import Path

from catalog_app.disclosure.exports.registry import EXPORTERS
from catalog_app.disclosure.lifecycle import ACTIONS, LifecycleEntry
from catalog_app.disclosure.model import DiffResult
from catalog_app.disclosure.workbook import (
    check_suffix,
    new_workbook,
    save_atomic,
    source_label,
    write_csv,
    write_table,
)

__all__ = [
    "CHANGES",
    "LIFECYCLE",
    "LIFECYCLE_HEADERS",
    "diff_headers",
    "diff_rows",
    "diff_sheet",
    "lifecycle_rows",
    "write_diff",
]

SUMMARY, CHANGES, LIFECYCLE = "요약", "변경내역", "등록 대비"
LIFECYCLE_CSV_SUFFIX = "_등록대비"
LIFECYCLE_HEADERS = (
    "구분",
    "목록키",
    "목록명",
    "등록된 목록명",
    "원본 파일",
    "사유",
    "기준일",
    "기한",
)
LEVELS = {"dataset": "데이터셋", "column": "컬럼"}
ACTIONS_YEAR = {"added": "추가", "removed": "삭제", "changed": "변경"}


def diff_headers(diff: DiffResult) -> tuple[str, ...]:
    return (
        "구분",
        "변경",
        "데이터셋",
        "테이블",
        "컬럼",
        "항목",
        f"{diff.from_year}년 값",
        f"{diff.to_year}년 값",
    )


def diff_rows(diff: DiffResult) -> list[list[object]]:
    """One row per change, in the order the diff found them."""
    return [
        [
            LEVELS.get(c.level, c.level),
            ACTIONS_YEAR.get(c.action, c.action),
            c.dataset_name,
            c.table,
            c.column,
            c.field_label,
            c.old,
            c.new,
        ]
        for c in diff.changes
    ]


def diff_sheet(ws, diff: DiffResult) -> None:
    """Write the 변경내역 table onto ``ws`` (any workbook's sheet)."""
    headers = diff_headers(diff)
    write_table(ws, headers, diff_rows(diff), wrap=set(headers[-2:]))


def lifecycle_rows(entries: list[LifecycleEntry]) -> list[list[object]]:
    """One row per registered entry and listed dataset (신규, 변경, 제외 first, then 유지)."""
    return [
        [
            e.action,
            e.list_key,
            e.title,
            e.registered_title,
            e.path,
            "\n".join(e.reasons),
            e.since,
            e.due,
        ]
        for e in entries
    ]


def write_diff(
    diff: DiffResult | None,
    path: Path,
    lifecycle: list[LifecycleEntry] | None = None,
    registered: dict | None = None,
) -> list[Path]:
    """Write 요약, 등록 대비 (with a registered list) and 변경내역 (with last year's snapshot) to
    .xlsx, or the two tables as .csv files; returns the files written."""
    path = Path(path)
    if check_suffix(path, EXPORTERS["diff"].suffixes) == ".csv":
        written = []
        if diff is not None:
            written.append(write_csv(path, diff_headers(diff), diff_rows(diff)))
        if lifecycle is not None:
            beside = path.with_name(f"{path.stem}{LIFECYCLE_CSV_SUFFIX}.csv")
            written.append(write_csv(beside, LIFECYCLE_HEADERS, lifecycle_rows(lifecycle)))
        return written
    wb = new_workbook()
    _summary(wb.create_sheet(SUMMARY), diff, lifecycle, registered or {})
    if lifecycle is not None:
        write_table(
            wb.create_sheet(LIFECYCLE),
            LIFECYCLE_HEADERS,
            lifecycle_rows(lifecycle),
            dates={"기준일", "기한"},
            wrap={"사유"},
        )
    if diff is not None:
        diff_sheet(wb.create_sheet(CHANGES), diff)
    return [save_atomic(wb, path)]


def _summary(
    ws, diff: DiffResult | None, lifecycle: list[LifecycleEntry] | None, registered: dict
) -> None:
    """The compared years and the registered list, then counts per level and action."""
    items: list[tuple[str, object]] = []
    if lifecycle is not None:
        items += [
            ("등록 목록", registered.get("source", "")),
            ("가져온 때", (registered.get("at") or "")[:16].replace("T", " ")),
            *((f"등록 대비 {a}", sum(1 for e in lifecycle if e.action == a)) for a in ACTIONS),
        ]
    if diff is not None:
        items += [
            ("이전 연도", diff.from_year),
            ("이전 자료", source_label(diff.from_source, diff.from_year)),
            ("이후 연도", diff.to_year),
            ("이후 자료", source_label(diff.to_source, diff.to_year)),
            ("변경 건수", len(diff.changes)),
        ]
    last = write_table(ws, ("항목", "내용"), items)
    if diff is None:
        return
    counts = diff.summary()
    write_table(
        ws,
        ("구분", *ACTIONS_YEAR.values()),
        [[LEVELS[level], *(counts[level][a] for a in ACTIONS_YEAR)] for level in LEVELS],
        start_row=last + 2,
    )
