"""The re-identification worksheet: the check's result as an xlsx the coordinator can hand on.

Three sheets, no data value anywhere (only labels, kinds, counts and techniques; every text
cell goes through the exports' escaping and personal-value masking, ``disclosure.safe``):

* 재식별 점검 — one row per table: 공개여부, why its rows are people, rows, open columns,
  quasi-identifiers, k, status, how many groups (and rows) fall below k = 5, the exception;
* 컬럼별 조치 — one row per open quasi-identifier: its kind, k without it, the technique
  (가명처리, 범주화, 삭제, 총계처리) and how;
* 작은 그룹 — every group below k = 5 as a numbered row with its row count (no values).
"""

from __future__ import annotations

from pathlib import Path

from catalog_app.disclosure.workbook import check_suffix, new_workbook, save_atomic, write_table
from catalog_app.privacy.reident import K_THRESHOLD, STATUS_NAMES, TableCheck

__all__ = ["SMALL_GROUP_ROWS", "write_worksheet"]

SMALL_GROUP_ROWS = 100_000  # the 작은 그룹 sheet stops here (the summary counts them all)
_YES = {True: "Y", False: "N"}


def _allowance(c: TableCheck) -> str:
    a = c.allowance
    return f"{a['by']} {a['at'][:16].replace('T', ' ')}: {a['reason']}" if a else ""


def write_worksheet(checks: list[TableCheck], path: Path, *, title: str = "") -> Path:
    """Write the worksheet (.xlsx) atomically; returns the path."""
    path = Path(path)
    check_suffix(path, (".xlsx",))
    wb = new_workbook()
    ws = wb.create_sheet("재식별 점검")
    headers = [
        "데이터셋",
        "파일",
        "표",
        "공개여부",
        "사람 목록 근거",
        "행 수",
        "공개 컬럼",
        "준식별자(공개)",
        "k",
        "상태",
        f"{K_THRESHOLD}행 미만 그룹 수",
        f"{K_THRESHOLD}행 미만 그룹의 행 수",
        "설명",
        "예외 승인",
    ]
    rows = []
    for c in checks:
        groups = sum(g["groups"] for g in c.small_groups)
        grouped_rows = sum(g["rows"] * g["groups"] for g in c.small_groups)
        rows.append(
            [
                c.dataset,
                c.path,
                c.sheet,
                c.openness,
                c.person_level,
                c.rows,
                ", ".join(c.open_columns),
                ", ".join(c.quasi_identifiers),
                c.k,
                STATUS_NAMES.get(c.status, c.status),
                groups,
                grouped_rows,
                c.message,
                _allowance(c),
            ]
        )
    write_table(
        ws,
        headers,
        rows,
        numbers=("행 수", "k", headers[10], headers[11]),
        wrap=("공개 컬럼", "설명"),
    )
    if title:
        ws.oddHeader.center.text = title

    ws = wb.create_sheet("컬럼별 조치")
    headers = [
        "데이터셋",
        "표",
        "컬럼",
        "종류",
        "개인정보",
        "민감정보",
        "이 컬럼만의 k",
        "이 컬럼을 빼면 k",
        "권장 기법",
        "방법",
    ]
    rows = [
        [
            c.dataset,
            c.sheet,
            s.column,
            s.kind_name,
            _YES[s.personal],
            _YES[s.sensitive],
            s.k_alone,
            s.k_without,
            s.technique,
            s.detail,
        ]
        for c in checks
        for s in c.suggestions
    ]
    write_table(ws, headers, rows, numbers=("이 컬럼만의 k", "이 컬럼을 빼면 k"), wrap=("방법",))

    ws = wb.create_sheet("작은 그룹")
    headers = ["데이터셋", "표", "그룹", "행 수"]
    rows = []
    for c in checks:
        for i, size in enumerate(c.group_sizes(), start=1):
            if len(rows) >= SMALL_GROUP_ROWS:
                break
            rows.append([c.dataset, c.sheet, i, size])
    write_table(ws, headers, rows, numbers=("그룹", "행 수"))
    return save_atomic(wb, path)
