"""변경내역: what changed on the list between two years, as a workbook or CSV to file with it.

The change sheet is also offered as ``diff_sheet`` so a larger workbook (the yearly package) can
carry the same table without a second layout.
"""

from __future__ import annotations

from pathlib import Path

from catalog_app.disclosure.model import DiffResult
from catalog_app.disclosure.workbook import (
    check_suffix,
    new_workbook,
    save_atomic,
    source_label,
    write_csv,
    write_table,
)

__all__ = ["CHANGES", "diff_headers", "diff_rows", "diff_sheet", "write_diff"]

SUMMARY, CHANGES = "요약", "변경내역"
LEVELS = {"dataset": "데이터셋", "column": "컬럼"}
ACTIONS = {"added": "추가", "removed": "삭제", "changed": "변경"}


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
            ACTIONS.get(c.action, c.action),
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


def write_diff(diff: DiffResult, path: Path) -> list[Path]:
    """Write 요약 and 변경내역 to .xlsx, or only 변경내역 to .csv; returns the files written."""
    path = Path(path)
    if check_suffix(path, (".xlsx", ".csv")) == ".csv":
        return [write_csv(path, diff_headers(diff), diff_rows(diff))]
    wb = new_workbook()
    _summary(wb.create_sheet(SUMMARY), diff)
    diff_sheet(wb.create_sheet(CHANGES), diff)
    return [save_atomic(wb, path)]


def _summary(ws, diff: DiffResult) -> None:
    """The compared years, then counts per level and action."""
    items = [
        ("이전 연도", diff.from_year),
        ("이전 자료", source_label(diff.from_source, diff.from_year)),
        ("이후 연도", diff.to_year),
        ("이후 자료", source_label(diff.to_source, diff.to_year)),
        ("변경 건수", len(diff.changes)),
    ]
    last = write_table(ws, ("항목", "내용"), items)
    counts = diff.summary()
    write_table(
        ws,
        ("구분", *ACTIONS.values()),
        [[LEVELS[level], *(counts[level][a] for a in ACTIONS)] for level in LEVELS],
        start_row=last + 2,
    )
