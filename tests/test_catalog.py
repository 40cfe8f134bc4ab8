"""The catalog database: pragmas, migrations with backup, per-file transactions, search, lookup."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from catalog_app.catalog import queries, schema
from catalog_app.catalog import store as store_mod
from catalog_app.catalog.queries import AmbiguousDataset, find_dataset, search
from catalog_app.catalog.store import Catalog
from catalog_app.scan.discover import discover, fingerprint_hash
from catalog_app.scan.file_scan import scan_file
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "sample"
POPULATION = "인구/2024 인구현황.csv"
CONTACTS = "인구/세부/연락처.csv"
FACILITIES = "시설/시설목록.xlsx"


def pragma(conn: sqlite3.Connection, name: str):
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


# ------------------------------------------------------------------------ (1) a new catalog
def test_new_catalog_is_latest_wal_with_foreign_keys(tmp_path):
    path = tmp_path / "sub" / "new.db"
    with Catalog(path) as cat:
        assert path.exists()
        assert cat.schema_version == schema.LATEST
        assert pragma(cat.conn, "user_version") == schema.LATEST
        assert pragma(cat.conn, "journal_mode") == "wal"
        assert pragma(cat.conn, "foreign_keys") == 1
        assert cat.backup_path is None
        assert cat.has_fts == schema.has_trigram(cat.conn)
        # Foreign keys are enforced, not just declared.
        with pytest.raises(sqlite3.IntegrityError):
            cat.conn.execute(
                """INSERT INTO tables (dataset_id, table_index, table_key, header_rows, first_col,
                   column_count, row_count) VALUES (999, 0, '#0', 1, 0, 1, 1)"""
            )
    assert list(tmp_path.rglob("*.bak")) == []
    # WAL is persistent; a reopen does not migrate or back up anything.
    with Catalog(path) as cat:
        assert cat.backup_path is None
        assert cat.schema_version == schema.LATEST
    raw = sqlite3.connect(path)
    try:
        assert pragma(raw, "journal_mode") == "wal"
        assert pragma(raw, "user_version") == schema.LATEST
    finally:
        raw.close()


# ------------------------------------------------------------------------- (2) migrations
def _insert_dataset(conn: sqlite3.Connection, name: str, folder: str) -> int:
    return conn.execute(
        "INSERT INTO datasets (path, rel_path, name, folder, ext, status) VALUES (?, ?, ?, ?, ?, ?)",
        (f"/기관/{folder}/{name}", f"{folder}/{name}", name, folder, ".csv", "ok"),
    ).lastrowid


def test_migration_from_v1_backs_up_and_keeps_rows_searchable(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert schema.migrate(conn, target=1) == (0, 1)
    assert pragma(conn, "user_version") == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "datasets" in tables and "search_index" not in tables
    dataset_id = _insert_dataset(conn, "상수도관망현황.csv", "상수도")
    conn.close()

    with Catalog(path) as cat:
        assert cat.schema_version == schema.LATEST
        backups = list(tmp_path.glob("*.v1-*.bak"))
        assert len(backups) == 1
        assert backups[0].name.startswith("old.db.v1-")
        assert cat.backup_path == backups[0]
        row = cat.conn.execute("SELECT * FROM datasets WHERE id = ?", (dataset_id,)).fetchone()
        assert row["name"] == "상수도관망현황.csv" and row["status"] == "ok"
        hits = search(cat, "관망현황")
        assert [(h["kind"], h["dataset_id"]) for h in hits] == [("dataset", dataset_id)]
        assert [h["dataset_id"] for h in search(cat, "상수")] == [dataset_id]
        assert queries.list_datasets(cat)[0]["name"] == "상수도관망현황.csv"

    # The backup is the untouched v1 catalog.
    bak = sqlite3.connect(backups[0])
    try:
        assert pragma(bak, "user_version") == 1
        assert bak.execute("SELECT name FROM datasets").fetchall() == [("상수도관망현황.csv",)]
    finally:
        bak.close()

    # Reopening the migrated catalog makes no second backup.
    with Catalog(path) as cat:
        assert cat.backup_path is None
    assert len(list(tmp_path.glob("*.bak"))) == 1


def test_catalog_from_a_newer_program_is_refused(tmp_path):
    path = tmp_path / "future.db"
    with Catalog(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.commit()
    conn.close()

    with pytest.raises(RuntimeError, match="더 새로운 버전"):
        Catalog(path)
    conn = sqlite3.connect(path)
    try:
        assert pragma(conn, "user_version") == schema.LATEST + 1
    finally:
        conn.close()
    assert list(tmp_path.glob("*.bak")) == []


# ----------------------------------------------------------------------- (3) transactions
def _snapshot(cat: Catalog, dataset_id: int | None = None) -> dict:
    where, args = ("WHERE dataset_id = ?", (dataset_id,)) if dataset_id else ("", ())
    snap = {
        "tables": [
            dict(r) for r in cat.conn.execute(f"SELECT * FROM tables {where} ORDER BY id", args)
        ],
        "columns": [
            dict(r) for r in cat.conn.execute(f"SELECT * FROM columns {where} ORDER BY id", args)
        ],
    }
    if dataset_id:
        snap["dataset"] = dict(
            cat.conn.execute("SELECT * FROM datasets WHERE id = ?", (dataset_id,)).fetchone()
        )
    else:
        snap["datasets"] = [dict(r) for r in cat.conn.execute("SELECT * FROM datasets ORDER BY id")]
    if cat.has_fts:
        snap["fts"] = cat.conn.execute(
            f"SELECT text, kind, ref_id, dataset_id FROM search_index {where} ORDER BY rowid", args
        ).fetchall()
    return snap


@pytest.fixture
def scanned_then_changed(sample, catalog):
    """The sample scanned, then the population CSV given a 7th data row (not rescanned)."""
    scan(catalog, [str(sample)])
    path = sample / POPULATION
    dataset = catalog.dataset_by_path(str(path))
    data = path.read_bytes()
    at = data.index("합계,".encode())
    path.write_bytes(data[:at] + "강남구,500000,240000,260000,230000\r\n".encode() + data[at:])
    file = next(f for f in discover([str(sample)]) if f.path == str(path))
    result = scan_file(file.path)
    assert result.tables[0].row_count == 7
    return dataset, file, result


def test_failed_column_insert_rolls_back_the_whole_file(catalog, scanned_then_changed):
    dataset, file, result = scanned_then_changed
    before = _snapshot(catalog, dataset["id"])
    assert before["dataset"]["table_count"] == 1 and len(before["columns"]) == 5
    run_id = catalog.start_run([file.root])
    result.tables[0].columns[1].label = None  # columns.label is NOT NULL

    with pytest.raises(sqlite3.IntegrityError):
        catalog.save_file_result(
            file, fingerprint_hash(file.path), result, dataset["root_id"], run_id
        )
    assert not catalog.conn.in_transaction
    assert _snapshot(catalog, dataset["id"]) == before
    assert queries.dataset_detail(catalog, dataset["id"])["row_count"] == 6

    # The connection is usable afterwards and a good save replaces the old picture.
    result.tables[0].columns[1].label = "인구|계"
    catalog.save_file_result(file, fingerprint_hash(file.path), result, dataset["root_id"], run_id)
    assert queries.dataset_detail(catalog, dataset["id"])["row_count"] == 7


def test_error_after_tables_insert_rolls_back(catalog, scanned_then_changed, monkeypatch):
    dataset, file, result = scanned_then_changed
    before = _snapshot(catalog, dataset["id"])
    everything = _snapshot(catalog)
    real = store_mod._column_row
    calls = []

    def failing(table_id, dataset_id, column, *verdict):
        calls.append(column.index)
        if len(calls) == 2:
            raise RuntimeError("disk went away")
        return real(table_id, dataset_id, column, *verdict)

    monkeypatch.setattr(store_mod, "_column_row", failing)
    with pytest.raises(RuntimeError, match="disk went away"):
        catalog.save_file_result(file, "0" * 32, result, dataset["root_id"], 1)
    assert len(calls) == 2
    assert not catalog.conn.in_transaction
    assert _snapshot(catalog, dataset["id"]) == before
    assert _snapshot(catalog) == everything


def test_failed_first_save_of_a_new_file_leaves_no_trace(catalog, tmp_path, monkeypatch):
    folder = tmp_path / "new"
    folder.mkdir()
    path = folder / "신규.csv"
    path.write_text("구분,값,비고\n가,1,x\n나,2,y\n", encoding="utf-8")
    (file,) = list(discover([str(folder)]))
    result = scan_file(file.path)
    root_id = catalog.ensure_root(str(folder))
    run_id = catalog.start_run([str(folder)])
    before = _snapshot(catalog)
    monkeypatch.setattr(
        store_mod, "_column_row", lambda *a: (_ for _ in ()).throw(RuntimeError("boom"))
    )
    with pytest.raises(RuntimeError):
        catalog.save_file_result(file, "0" * 32, result, root_id, run_id)
    assert catalog.dataset_by_path(str(path)) is None
    assert _snapshot(catalog) == before


# ----------------------------------------------------------------------------- (4) search
@pytest.fixture
def searchable(sample, catalog):
    """The sample plus a workbook whose sheet and column names exercise search."""
    wb = Workbook()
    ws = wb.active
    ws.title = "민원접수현황"
    ws.append(["접수일자", "처리기관주소", "처리_구분", "처리구분", "증감%", "증감률"])
    ws.append([dt.date(2024, 1, 5), "서울특별시 중구 세종대로 110", "A_1", "일반", 0.1, 0.2])
    ws.append([dt.date(2024, 1, 6), "서울특별시 종로구 삼청로 30", "B_2", "긴급", 0.3, 0.4])
    folder = sample / "민원"
    folder.mkdir()
    wb.save(folder / "민원 현황.xlsx")
    summary = scan(catalog, [str(sample)])
    assert summary.exit_code == 0 and summary.counts["new"] == 4
    return catalog


def _found(hits: list[dict], kind: str) -> set[str]:
    return {h["label"] for h in hits if h["kind"] == kind}


def test_fts_finds_datasets_sheets_and_columns_in_korean(searchable):
    cat = searchable
    if not cat.has_fts:
        pytest.skip("SQLite without FTS5 trigram")
    hits = search(cat, "인구현황")
    assert _found(hits, "dataset") == {"2024 인구현황.csv"}
    assert hits[0]["path"].endswith(POPULATION)

    hits = search(cat, "민원접수")
    assert _found(hits, "table") == {"민원접수현황"}
    table_hit = next(h for h in hits if h["kind"] == "table")
    assert table_hit["dataset"] == "민원 현황.xlsx" and table_hit["table"] == "민원접수현황"

    hits = search(cat, "주민등록")
    assert _found(hits, "column") == {"주민등록번호"}
    col = next(h for h in hits if h["kind"] == "column")
    assert col["dataset"] == "연락처.csv" and col["column"] == 3 and col["table"] is None

    assert _found(search(cat, "세대수"), "column") == {"세대수"}
    assert _found(search(cat, "인구|남"), "column") == {"인구|남자"}
    assert _found(search(cat, "기관주소"), "column") == {"처리기관주소"}
    assert search(cat, "없는말입니다") == []
    assert search(cat, "   ") == []


def test_two_character_queries_fall_back_to_like(searchable):
    cat = searchable
    assert _found(search(cat, "주소"), "column") == {"처리기관주소"}
    assert _found(search(cat, "일자"), "column") == {"접수일자"}
    hits = search(cat, "시설")
    assert _found(hits, "table") == {"시설"}
    assert _found(hits, "dataset") == {"시설목록.xlsx"}
    assert _found(hits, "column") == {"시설명"}
    assert _found(search(cat, "성명"), "column") == {"성명"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("_", {"처리_구분"}),
        ("%", {"증감%"}),
        ("리_", {"처리_구분"}),  # '_' as a wildcard would also match 처리구분
        ("감%", {"증감%"}),  # '%' as a wildcard would also match 증감률
        ("리_구", {"처리_구분"}),
        ("증감%", {"증감%"}),
    ],
)
def test_like_wildcards_in_the_query_are_literal(searchable, query, expected):
    hits = search(searchable, query)
    assert {h["label"] for h in hits} == expected


# ------------------------------------------------------------------------ (5) find_dataset
def test_find_dataset_by_id_path_rel_path_and_unique_name(sample, catalog, monkeypatch):
    shutil.copy2(sample / CONTACTS, sample / "시설" / "연락처.csv")  # a second 연락처.csv
    scan(catalog, [str(sample)])
    population = catalog.dataset_by_path(str(sample / POPULATION))
    facilities = catalog.dataset_by_path(str(sample / FACILITIES))

    assert find_dataset(catalog, str(population["id"]))["id"] == population["id"]
    assert find_dataset(catalog, str(facilities["id"]))["id"] == facilities["id"]
    assert find_dataset(catalog, str(sample / POPULATION))["id"] == population["id"]
    assert find_dataset(catalog, POPULATION)["id"] == population["id"]
    assert find_dataset(catalog, POPULATION.replace("/", "\\"))["id"] == population["id"]
    assert find_dataset(catalog, "2024 인구현황.csv")["id"] == population["id"]
    assert find_dataset(catalog, "시설목록.xlsx")["id"] == facilities["id"]
    # A path relative to the working directory.
    monkeypatch.chdir(sample / "인구")
    assert find_dataset(catalog, "2024 인구현황.csv")["id"] == population["id"]
    # An ambiguous name says which datasets it could mean; unknown references give nothing.
    with pytest.raises(AmbiguousDataset) as info:
        find_dataset(catalog, "연락처.csv")
    assert len(info.value.rows) == 2
    assert find_dataset(catalog, CONTACTS)["path"] == str(sample / CONTACTS)
    assert find_dataset(catalog, "시설/연락처.csv")["path"] == str(sample / "시설" / "연락처.csv")
    assert find_dataset(catalog, "99999") is None
    assert find_dataset(catalog, "없는파일.csv") is None


def test_rescans_do_not_duplicate_search_hits(sample, catalog):
    scan(catalog, [str(sample)])
    scan(catalog, [str(sample)], force=True)
    path = sample / POPULATION
    path.write_bytes(path.read_bytes().replace("종로구".encode(), "종로구 ".encode()))
    assert scan(catalog, [str(sample)]).counts["changed"] == 1
    for query in ("인구현황", "세대수", "주민등록", "세대", "성명"):
        hits = search(catalog, query)
        keys = [(h["kind"], h["dataset_id"], h["label"]) for h in hits]
        assert len(keys) == len(set(keys)) == 1, (query, keys)
