"""The database the intranet page serves: the institution catalog shaped for browsing.

Not the catalog file itself: that holds the dictionary, histories and the masked sample values of
every column. Staff looking up "who holds data about X" need names, not values, so the published
copy holds NO value of any cell — no samples, top values, minimum or maximum — only names, types,
lengths, counts, the standard terms, 준수율 and the disclosure fields (free text scrubbed of
personal numbers like the exports are), and relative paths (an absolute path on a clerk's PC can
carry a user name). Tables have English names (clean URLs), columns Korean names (what the page
shows as headers and facets). FTS5 trigram tables over dataset, sheet and column names give the
table pages their search box; ``search_items`` backs the 찾기 query, which also answers the two
letter words (주소, 인구) trigram cannot.

The file is written to a temporary name and renamed when complete, then served immutable.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.progress import CancelToken

STATUS = {"ok": "정상", "error": "읽지 못함", "missing": "없어짐"}
YES_NO = {"Y": "예", "N": "아니오"}

SCHEMA = """
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    목록명 TEXT, 파일명 TEXT, 부서 TEXT, 상태 TEXT, 공개여부 TEXT, "개인정보 포함" TEXT,
    형식 TEXT, 시트수 INTEGER, 컬럼수 INTEGER, 행수 INTEGER, 준수율 REAL,
    "준수 컬럼" INTEGER, "점검 컬럼" INTEGER, "업데이트 주기" TEXT, "차기 등록 예정일" TEXT,
    분류체계 TEXT, 키워드 TEXT, 설명 TEXT, 경로 TEXT, 출처 TEXT, "스캔 일시" TEXT
);
CREATE TABLE sheets (
    id INTEGER PRIMARY KEY,
    데이터셋 INTEGER REFERENCES datasets(id), 시트 TEXT, 부서 TEXT, 행수 INTEGER,
    컬럼수 INTEGER, "머리글 행" INTEGER
);
CREATE TABLE columns (
    id INTEGER PRIMARY KEY,
    데이터셋 INTEGER REFERENCES datasets(id), 시트 INTEGER REFERENCES sheets(id),
    순서 INTEGER, 컬럼명 TEXT, 표준용어 TEXT, 영문약어 TEXT, 도메인 TEXT, 자료형 TEXT,
    "길이(바이트)" INTEGER, "빈값 비율" REAL, "고유값 수" INTEGER, 개인정보 TEXT, 준수 TEXT,
    부서 TEXT, 공개여부 TEXT
);
CREATE INDEX idx_sheets_dataset ON sheets(데이터셋);
CREATE INDEX idx_columns_dataset ON columns(데이터셋);
CREATE INDEX idx_columns_sheet ON columns(시트);
CREATE INDEX idx_columns_department ON columns(부서);
CREATE TABLE departments (
    부서 TEXT PRIMARY KEY, 데이터셋 INTEGER, 컬럼 INTEGER, "준수 컬럼" INTEGER,
    "점검 컬럼" INTEGER, 준수율 REAL, 산식 TEXT, 출처 TEXT, "꾸러미 만든 이" TEXT,
    "꾸러미 만든 때" TEXT, "합친 때" TEXT
);
-- one row per dataset, sheet and column name: what the 찾기 query looks in
CREATE TABLE search_items (
    id INTEGER PRIMARY KEY, 종류 TEXT, 이름 TEXT, 데이터셋 INTEGER, 시트 INTEGER,
    컬럼 INTEGER, 부서 TEXT
);
CREATE TABLE published (key TEXT PRIMARY KEY, value TEXT);
"""

# The full-text search of each table page (FTS5, trigram: Korean has no word breaks), set up by
# sqlite-utils, Datasette's sibling library: ``<table>_fts`` over the table's content, the layout
# Datasette looks for when it offers a table's search box.
FTS_COLUMNS = {
    "datasets": ["목록명", "파일명", "경로"],
    "sheets": ["시트"],
    "columns": ["컬럼명", "표준용어"],
    "search_items": ["이름"],
}


@dataclass
class Published:
    path: Path
    datasets: int
    columns: int
    departments: int
    unsuggested: int  # columns without a current suggestion: the 준수율 shown is not reliable
    institution: str


def _scrub(text: str | None) -> str:
    from catalog_app.disclosure.safe import scrub

    return scrub(text or "")


def build_publish_db(
    catalog: Catalog,
    out: str | os.PathLike,
    *,
    today: date | None = None,
    cancel: CancelToken | None = None,
) -> Published:
    """Write the browsing database for ``catalog`` to ``out`` (replaced when complete)."""
    from catalog_app.disclosure.metadata import MetadataStore
    from catalog_app.disclosure.state import build_state
    from catalog_app.matching.jobs import check_catalog
    from catalog_app.matching.workspace import Workspace

    today = today or date.today()
    meta = MetadataStore(catalog)
    departments = meta.department_map()
    ws = Workspace.open(catalog, with_matcher=False)
    report = check_catalog(catalog, departments, ws, cancel=cancel)
    state = build_state(catalog, today.year, today=today, checked_with=(ws, report), cancel=cancel)
    conn = catalog.conn
    provenance = {
        r["id"]: r
        for r in conn.execute(
            """SELECT d.id, m.department, m.created_by, m.created_at, m.merged_at
               FROM datasets d JOIN bundle_merges m ON m.id = d.bundle_id"""
        )
    }
    sheets = conn.execute(
        """SELECT id, dataset_id, table_key, sheet_name, row_count, column_count, header_row
           FROM tables ORDER BY dataset_id, table_index"""
    ).fetchall()
    sheet_of = {(r["dataset_id"], r["table_key"]): r["id"] for r in sheets}
    stats = {
        r["id"]: r
        for r in conn.execute(
            "SELECT id, null_ratio, distinct_count, max_len_bytes, inferred_type FROM columns"
        )
    }
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(SCHEMA)
        db.execute("BEGIN")
        ids: dict[str, int] = {}
        dept_of: dict[int, str] = {}
        dataset_rows = []
        for d in state.datasets:
            ids[d.key] = d.dataset_id
            dept_of[d.dataset_id] = d.department
            p = provenance.get(d.dataset_id)
            source = (
                f"{p['department']} 꾸러미 ({p['created_by']}, {p['created_at'][:10]})"
                if p
                else "이 PC"
            )
            dataset_rows.append(
                (
                    d.dataset_id,
                    _scrub(d.get("title")),
                    d.name,
                    d.department,
                    STATUS.get(d.status, d.status),
                    d.get("openness"),
                    YES_NO.get(d.get("pii"), d.get("pii")),
                    d.get("formats"),
                    len(d.tables),
                    sum(t.column_count for t in d.tables),
                    sum(t.row_count for t in d.tables),
                    d.rate,
                    d.compliant,
                    d.checked,
                    d.get("update_cycle"),
                    d.get("next_update"),
                    d.get("category"),
                    _scrub(d.get("keywords")),
                    _scrub(d.get("description")),
                    d.rel_path,
                    source,
                    None,
                )
            )
        scanned = dict(conn.execute("SELECT id, scanned_at FROM datasets").fetchall())
        dataset_rows = [(*r[:-1], scanned.get(r[0])) for r in dataset_rows]
        db.executemany(f"INSERT INTO datasets VALUES ({', '.join('?' * 22)})", dataset_rows)
        db.executemany(
            "INSERT INTO sheets VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r["id"],
                    r["dataset_id"],
                    r["sheet_name"] or r["table_key"],
                    dept_of[r["dataset_id"]],
                    r["row_count"],
                    r["column_count"],
                    None if r["header_row"] is None else r["header_row"] + 1,
                )
                for r in sheets
                if r["dataset_id"] in dept_of
            ],
        )
        column_rows = []
        for c in state.columns:
            dataset_id = ids[c.dataset_key]
            s = stats.get(c.column_id)
            compliant = "제외" if c.compliant is None else ("예" if c.compliant else "아니오")
            column_rows.append(
                (
                    c.column_id,
                    dataset_id,
                    sheet_of.get((dataset_id, c.table_key)),
                    c.col_index + 1,
                    c.label,
                    c.term_name,
                    c.term_abbr,
                    c.domain,
                    c.data_type,
                    s["max_len_bytes"] if s else None,
                    s["null_ratio"] if s else None,
                    s["distinct_count"] if s else None,
                    _pii_name(c.pii_kind),
                    compliant,
                    dept_of[dataset_id],
                    c.get("openness"),
                )
            )
        db.executemany(f"INSERT INTO columns VALUES ({', '.join('?' * 16)})", column_rows)
        bundles = {
            r["department"]: r
            for r in conn.execute("SELECT * FROM bundle_merges WHERE status = 'merged'")
        }
        counts: dict[str, list[int]] = {}
        for d in state.datasets:
            c = counts.setdefault(d.department, [0, 0])
            c[0] += 1
            c[1] += sum(t.column_count for t in d.tables)
        dept_rows = []
        for rate in report.rates["department"]:
            name = rate.name
            b = bundles.get(name)
            n = counts.get(name, [0, 0])
            dept_rows.append(
                (
                    name, n[0], n[1], rate.compliant, rate.checked, rate.rate, rate.formula,
                    "꾸러미" if b else "이 PC",
                    b["created_by"] if b else None,
                    b["created_at"] if b else None,
                    b["merged_at"] if b else None,
                )
            )  # fmt: skip
        db.executemany(f"INSERT INTO departments VALUES ({', '.join('?' * 11)})", dept_rows)
        db.execute(
            """INSERT INTO search_items (종류, 이름, 데이터셋, 시트, 컬럼, 부서)
               SELECT '데이터셋', 파일명, id, NULL, NULL, 부서 FROM datasets
               UNION ALL SELECT '데이터셋', 목록명, id, NULL, NULL, 부서 FROM datasets
                   WHERE 목록명 != '' AND 목록명 IS NOT NULL
               UNION ALL SELECT '시트', 시트, 데이터셋, id, NULL, 부서 FROM sheets
               UNION ALL SELECT '컬럼', 컬럼명, 데이터셋, 시트, id, 부서 FROM columns"""
        )
        db.execute("COMMIT")
        _enable_search(db)
        institution = meta.institution().get("name", "")
        edition = state.edition
        db.executemany(
            "INSERT INTO published VALUES (?, ?)",
            [
                ("published_at", now_iso()),
                ("institution", institution),
                ("edition", edition),
                ("unsuggested", str(report.unsuggested)),
            ],
        )
        db.execute("ANALYZE")
        db.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(tmp, out)
    return Published(
        out, len(dataset_rows), len(column_rows), len(dept_rows), report.unsuggested, institution
    )


def _pii_name(kind: str) -> str:
    if not kind:
        return ""
    from catalog_app.scan.pii import PII_KINDS

    return PII_KINDS.get(kind, kind)


def _enable_search(db: sqlite3.Connection) -> None:
    """The FTS5 trigram index of each browsable table, filled from its rows (no triggers: the
    copy is written once and served immutable)."""
    import sqlite_utils

    tables = sqlite_utils.Database(db)
    for table, columns in FTS_COLUMNS.items():
        tables[table].enable_fts(columns, fts_version="FTS5", tokenize="trigram")
