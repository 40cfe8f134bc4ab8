"""데이터베이스정의서, 테이블정의서 and 컬럼정의서: the DB 표준화 artefacts for the files on the list
(the 테이블정의서/컬럼정의서 layouts institutions hand in).

The app catalogues files, not DBMS tables, so every sheet of a file is one "table". Where a file
is an extract of an information-system DB (``systems``: linked per folder, or named per dataset
with its DB table), the DB level comes from that 정보시스템 — the 데이터베이스정의서 has one row per
system the listed files come from, and 물리DB명, 테이블소유자 (the DB's schema owner, not the
관리부서), 스키마명 and 테이블영문명 are filled; otherwise they stay blank for the metadata
administrator, as do PK/FK and 인덱스. The columns after the §2.3 layout are the app's own: where a
row came from and how its standard term and type were settled.
"""

from __future__ import annotations

from pathlib import Path

from catalog_app.disclosure.exports.registry import EXPORTERS
from catalog_app.disclosure.model import ColumnRecord, DatasetRecord, DisclosureState, TableRecord
from catalog_app.disclosure.vocab import CLOSED, OPEN, PARTIAL, reason_label
from catalog_app.disclosure.workbook import (
    check_suffix,
    new_workbook,
    save_atomic,
    write_csv,
    write_table,
)

__all__ = [
    "DATABASE_HEADERS",
    "DATABASE_SHEET",
    "COLUMN_HEADERS",
    "COLUMN_SHEET",
    "TABLE_HEADERS",
    "TABLE_SHEET",
    "column_rows",
    "database_rows",
    "table_rows",
    "write_definitions",
]

DATABASE_SHEET, TABLE_SHEET, COLUMN_SHEET = "데이터베이스정의서", "테이블정의서", "컬럼정의서"

DATABASE_HEADERS = (
    "번호",
    "기관명",
    "부서명",
    "적용업무",
    "관련법령",
    "논리DB명",
    "물리DB명",
    "구축일자",
    "DB설명",
    "DBMS정보",
    "운영체제정보",
    "수집제외사유",
    # the app's own
    "정보시스템명",
    "정보시스템코드",
    "테이블소유자",
    "목록 데이터셋 수",
)
_DATABASE_FIELDS = {
    "부서명": "department",
    "적용업무": "application",
    "관련법령": "law",
    "논리DB명": "logical_db",
    "물리DB명": "physical_db",
    "구축일자": "built_on",
    "DB설명": "description",
    "DBMS정보": "dbms",
    "운영체제정보": "os",
    "수집제외사유": "exclusion",
    "정보시스템코드": "code",
    "테이블소유자": "owner",
}

TABLE_HEADERS = (
    "번호",
    "물리DB명",
    "테이블소유자",
    "주제영역",
    "스키마명",
    "테이블영문명",
    "테이블한글명",
    "테이블유형",
    "관련엔터티명",
    "테이블설명",
    "업무분류체계",
    "보존기간",
    "테이블볼륨",
    "발생주기",
    "공개/비공개여부",
    "비공개사유",
    "개방데이터목록",
    # the app's own
    "원본 파일",
    "시트명",
)
COLUMN_HEADERS = (
    "번호",
    "사업범위여부",
    "주제영역",
    "스키마명",
    "테이블영문명",
    "컬럼영문명",
    "컬럼한글명",
    "컬럼설명",
    "연관엔터티명",
    "자료타입",
    "자료길이",
    "자료소수점길이",
    "자료형식",
    "NOTNULL여부",
    "PK정보",
    "FK정보",
    "인덱스명",
    "인덱스순번",
    "AK정보",
    "제약조건",
    "개인정보여부",
    "암호화여부",
    "공개/비공개여부",
    "비공개사유",
    # the app's own
    "원본 파일",
    "시트명",
    "원본 컬럼명",
    "표준용어 매핑",
    "자료타입 출처",
    "표준준수여부",
    "점검코드",
)
TABLE_NUMBERS = {"번호", "테이블볼륨"}
COLUMN_NUMBERS = {"번호", "자료길이", "자료소수점길이", "인덱스순번"}
TABLE_WRAP = {"테이블설명"}
COLUMN_WRAP = {"컬럼설명"}

CROSSTAB = "교차표 구분 열"
_TYPE_SOURCES = {"domain": "표준도메인", "profile": "프로파일 추정"}


def _table_title(d: DatasetRecord, t: TableRecord) -> str:
    """목록명 (file name when it has none), with the sheet name when the file has several."""
    title = d.get("title") or d.name
    return f"{title} - {t.name}" if len(d.tables) > 1 else title


def _system(state: DisclosureState, d: DatasetRecord) -> dict:
    """The DB-level items of the dataset's 정보시스템 ({} when it names none or an unknown one)."""
    return (state.system(d.get("info_system")) or {}).get("fields") or {}


def database_rows(state: DisclosureState) -> list[list[object]]:
    """One 데이터베이스정의서 row per 정보시스템 that a dataset on the list comes from."""
    used: dict[str, int] = {}
    for d in state.included_datasets():
        name = d.get("info_system").strip()
        if name and state.system(name) is not None:
            used[name] = used.get(name, 0) + 1
    rows: list[list[object]] = []
    for system in state.systems:
        if system["name"] not in used:
            continue
        fields = system.get("fields") or {}
        values = {h: fields.get(key, "") for h, key in _DATABASE_FIELDS.items()}
        values.update(
            {
                "번호": len(rows) + 1,
                "기관명": state.institution.get("name") or "",
                "정보시스템명": system["name"],
                "목록 데이터셋 수": used[system["name"]],
            }
        )
        rows.append([values.get(h, "") for h in DATABASE_HEADERS])
    return rows


def table_rows(state: DisclosureState) -> list[list[object]]:
    """One 테이블정의서 row per table (sheet) of every dataset on the list."""
    rows: list[list[object]] = []
    for d in state.included_datasets():
        category = state.current_category(d)
        system = _system(state, d)
        db_table = d.get("db_table")
        for t in d.tables:
            values = {
                "번호": len(rows) + 1,
                "물리DB명": system.get("physical_db", ""),
                "테이블소유자": system.get("owner", ""),
                "스키마명": system.get("owner", ""),
                "테이블영문명": db_table if len(d.tables) == 1 else "",
                "주제영역": category,
                "테이블한글명": _table_title(d, t),
                "테이블설명": d.get("description"),
                "업무분류체계": category,
                "테이블볼륨": t.row_count,
                "발생주기": d.get("update_cycle"),
                "공개/비공개여부": d.get("openness"),
                "비공개사유": reason_label(d.get("reason")),
                "개방데이터목록": d.get("title"),
                "원본 파일": d.rel_path,
                "시트명": t.name,
            }
            rows.append([values.get(h, "") for h in TABLE_HEADERS])
    return rows


def _ordered_columns(state: DisclosureState) -> list[tuple[DatasetRecord, ColumnRecord]]:
    """Columns of the listed datasets in dataset, table (as the file holds them), column order."""
    out = []
    for d in state.included_datasets():
        table_pos = {t.table_key: i for i, t in enumerate(d.tables)}
        cols = sorted(
            state.columns_of(d.key),
            key=lambda c: (table_pos.get(c.table_key, len(table_pos)), c.table_key, c.col_index),
        )
        out += [(d, c) for c in cols]
    return out


def _openness(d: DatasetRecord, c: ColumnRecord) -> tuple[str, str]:
    """The column's 공개/비공개여부 and 비공개사유 label.

    A column without its own setting follows its dataset, except that a 부분공개 dataset's
    columns are open unless marked; a column closed only through its dataset takes its reason.
    """
    own = c.get("openness")
    if own:
        return own, reason_label(c.get("reason"))
    dataset = d.get("openness")
    if dataset == PARTIAL:
        return OPEN, reason_label(c.get("reason"))
    reason = c.get("reason") or (d.get("reason") if dataset == CLOSED else "")
    return dataset, reason_label(reason)


def _mapping(c: ColumnRecord) -> str:
    if c.kind == "not_a_column":
        return CROSSTAB
    return "매핑됨" if c.term_name else "미매핑"


def _yes_no(flag: bool | None) -> str:
    return "" if flag is None else ("Y" if flag else "N")


def column_rows(state: DisclosureState) -> list[list[object]]:
    """One 컬럼정의서 row per column of every dataset on the list."""
    rows: list[list[object]] = []
    for d, c in _ordered_columns(state):
        openness, reason = _openness(d, c)
        system = _system(state, d)
        values = {
            "번호": len(rows) + 1,
            "사업범위여부": "Y",
            "주제영역": state.current_category(d),
            "스키마명": system.get("owner", ""),
            "테이블영문명": d.get("db_table") if len(d.tables) == 1 else "",
            "컬럼영문명": c.get("english_name") or c.term_abbr,
            "컬럼한글명": c.term_name or c.label,
            "컬럼설명": c.get("description"),
            "자료타입": c.data_type,
            "자료길이": c.length,
            "자료소수점길이": c.scale,
            "자료형식": c.storage_format,
            "NOTNULL여부": _yes_no(c.not_null),
            "개인정보여부": c.get("pii") or ("Y" if c.pii_kind else "N"),
            "암호화여부": "N",
            "공개/비공개여부": openness,
            "비공개사유": reason,
            "원본 파일": d.rel_path,
            "시트명": c.table_name,
            "원본 컬럼명": c.label,
            "표준용어 매핑": _mapping(c),
            "자료타입 출처": _TYPE_SOURCES.get(c.type_source, c.type_source),
            "표준준수여부": _yes_no(c.compliant),
            "점검코드": ", ".join(c.codes),
        }
        rows.append([values.get(h, "") for h in COLUMN_HEADERS])
    return rows


def write_definitions(state: DisclosureState, path: Path) -> list[Path]:
    """Write the three sheets to one .xlsx, or to three .csv files beside ``path``; returns the
    files."""
    path = Path(path)
    suffix = check_suffix(path, EXPORTERS["definitions"].suffixes)
    databases, tables, columns = database_rows(state), table_rows(state), column_rows(state)
    if suffix == ".csv":
        return [
            write_csv(
                path.with_name(f"{path.stem}_{DATABASE_SHEET}.csv"), DATABASE_HEADERS, databases
            ),
            write_csv(path.with_name(f"{path.stem}_{TABLE_SHEET}.csv"), TABLE_HEADERS, tables),
            write_csv(path.with_name(f"{path.stem}_{COLUMN_SHEET}.csv"), COLUMN_HEADERS, columns),
        ]
    wb = new_workbook(write_only=True)
    write_table(
        wb.create_sheet(DATABASE_SHEET),
        DATABASE_HEADERS,
        databases,
        dates={"구축일자"},
        numbers={"번호", "목록 데이터셋 수"},
        wrap={"DB설명"},
    )
    write_table(
        wb.create_sheet(TABLE_SHEET), TABLE_HEADERS, tables, numbers=TABLE_NUMBERS, wrap=TABLE_WRAP
    )
    write_table(
        wb.create_sheet(COLUMN_SHEET),
        COLUMN_HEADERS,
        columns,
        numbers=COLUMN_NUMBERS,
        wrap=COLUMN_WRAP,
    )
    return [save_atomic(wb, path)]
