"""포털 컬럼 메타데이터: the per-column table every 파일데이터 page of the portal carries.

항목명, 영문명, 설명, 도메인분류 (`그룹명_분류명` of the mapped term's domain, e.g. 번호_전화번호),
데이터타입 (`가변문자형(VARCHAR)` as portal pages show it), 최대길이, 표현형식, 단위, 코드,
정보시스템명, DB명, Table명 — filled from the mapping (term and domain) and the profile, with what
the coordinator entered per column (영문명, 컬럼설명, 단위, 코드) first and the dataset's 정보시스템 and
DB table. It is a sheet of the 목록 export and, for a CSV export, its own file.

Only what is published is listed: datasets on the list that are not 비공개, without their 비공개
columns (the portal page describes the file people download). The only data type label read from
a portal page is 가변문자형(VARCHAR); the others follow its pattern [UNVERIFIED].
"""

from __future__ import annotations

from catalog_app.disclosure.model import ColumnRecord, DatasetRecord, DisclosureState
from catalog_app.disclosure.records import dataset_name, effective_openness
from catalog_app.disclosure.vocab import CLOSED

__all__ = ["COLUMN_META_HEADERS", "COLUMN_META_SHEET", "TYPE_LABELS", "column_meta_rows"]

COLUMN_META_SHEET = "컬럼 메타데이터"
CSV_SUFFIX = "_컬럼메타데이터"
PORTAL_HEADERS = (
    "항목명",
    "영문명",
    "설명",
    "도메인분류",
    "데이터타입",
    "최대길이",
    "표현형식",
    "단위",
    "코드",
    "정보시스템명",
    "DB명",
    "Table명",
)
# Which list entry and which file a row belongs to (the sheet holds every dataset).
COLUMN_META_HEADERS = ("번호", "목록명", *PORTAL_HEADERS, "원본 파일", "시트명", "컬럼 순서")
NUMBERS = {"번호", "최대길이", "컬럼 순서"}
WRAP = {"설명"}

TYPE_LABELS = {
    "VARCHAR": "가변문자형(VARCHAR)",
    "CHAR": "문자형(CHAR)",
    "NUMERIC": "숫자형(NUMERIC)",
    "DATE": "날짜형(DATE)",
    "DATETIME": "날짜시간형(DATETIME)",
}


def _type(c: ColumnRecord) -> str:
    return TYPE_LABELS.get(c.data_type.upper(), c.data_type)


def _domain_class(domain: dict[str, str]) -> str:
    group, name = domain.get("group", ""), domain.get("class", "")
    return f"{group}_{name}" if group and name else name


def _published(state: DisclosureState) -> list[tuple[DatasetRecord, list[ColumnRecord]]]:
    out = []
    for d in state.included_datasets():
        if d.get("openness") == CLOSED:
            continue
        table_pos = {t.table_key: i for i, t in enumerate(d.tables)}
        columns = sorted(
            state.columns_of(d.key),
            key=lambda c: (table_pos.get(c.table_key, len(table_pos)), c.table_key, c.col_index),
        )
        shown = [c for c in columns if effective_openness(c, d.get("openness")) != CLOSED]
        out.append((d, shown))
    return out


def column_meta_rows(state: DisclosureState) -> list[list[object]]:
    """One row per published column of the published datasets, in ``COLUMN_META_HEADERS`` order."""
    rows: list[list[object]] = []
    for d, columns in _published(state):
        system = state.system(d.get("info_system")) or {}
        db = (system.get("fields") or {}).get("physical_db") or (system.get("fields") or {}).get(
            "logical_db", ""
        )
        for c in columns:
            term = state.terms.get(c.term_name, {}) if c.term_name else {}
            domain = state.domains.get(c.domain, {}) if c.domain else {}
            values = {
                "번호": len(rows) + 1,
                "목록명": dataset_name(d),
                "항목명": c.label,
                "영문명": c.get("english_name") or c.term_abbr,
                "설명": c.get("description") or term.get("description", ""),
                "도메인분류": _domain_class(domain),
                "데이터타입": _type(c),
                "최대길이": c.length if c.data_type.upper() not in ("DATE", "DATETIME") else "",
                "표현형식": term.get("display_format") or domain.get("display_format", ""),
                "단위": c.get("unit") or domain.get("unit", ""),
                "코드": c.get("code") or term.get("code_name", ""),
                "정보시스템명": d.get("info_system"),
                "DB명": db,
                "Table명": d.get("db_table"),
                "원본 파일": d.rel_path,
                "시트명": c.table_name,
                "컬럼 순서": c.col_index + 1,
            }
            rows.append([values.get(h, "") for h in COLUMN_META_HEADERS])
    return rows
