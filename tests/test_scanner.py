"""The scan job end to end: sample and bad fixtures, PII masking, incremental rescans, failures,
read-only guarantee, header overrides, cancel and files that change while they are read.

Every test that modifies files works on a copy in ``tmp_path``; the fixtures are only read.
"""

from __future__ import annotations

import builtins
import csv
import hashlib
import os
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from catalog_app.catalog import queries
from catalog_app.catalog.store import Catalog
from catalog_app.progress import CancelToken, ProgressEvent
from catalog_app.scan import csv_reader
from catalog_app.scan import scanner as scanner_mod
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "sample"
BAD = FIXTURES / "bad"

POPULATION = "인구/2024 인구현황.csv"
CONTACTS = "인구/세부/연락처.csv"
FACILITIES = "시설/시설목록.xlsx"
SAMPLE_FILES = {FACILITIES, POPULATION, CONTACTS}

HANGUL = re.compile(r"[가-힣]")


# --------------------------------------------------------------------------------- helpers
@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of tests/fixtures/sample (mtimes preserved by copytree/copy2)."""
    dest = tmp_path / "data" / "sample"
    shutil.copytree(SAMPLE, dest)
    return dest


@pytest.fixture
def catalog(tmp_path: Path):
    with Catalog(tmp_path / "catalog.db") as cat:
        yield cat


@pytest.fixture
def scan_calls(monkeypatch) -> list[str]:
    """Paths passed to scanner.scan_file (the real one still runs)."""
    calls: list[str] = []
    real = scanner_mod.scan_file

    def counting(path, overrides=None, cancel=None):
        calls.append(path)
        return real(path, overrides, cancel)

    monkeypatch.setattr(scanner_mod, "scan_file", counting)
    return calls


def details(cat: Catalog) -> dict[str, dict]:
    """rel_path -> dataset_detail for every dataset in the catalog."""
    rows = cat.conn.execute("SELECT id, rel_path FROM datasets").fetchall()
    return {r["rel_path"]: queries.dataset_detail(cat, r["id"]) for r in rows}


def dataset_row(cat: Catalog, path: Path) -> sqlite3.Row:
    row = cat.dataset_by_path(str(path))
    assert row is not None, f"no dataset for {path}"
    return row


def labels(table: dict) -> list[str]:
    return [c["label"] for c in table["columns"]]


def add_district(path: Path) -> None:
    """Insert one more data row above the 합계 row of the population CSV (UTF-8 with BOM)."""
    data = path.read_bytes()
    at = data.index("합계,".encode())
    path.write_bytes(data[:at] + "강남구,500000,240000,260000,230000\r\n".encode() + data[at:])


def fingerprint_tree(root: Path) -> dict[str, tuple[int, int, str]]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(root))] = (
                st.st_size,
                st.st_mtime_ns,
                hashlib.sha256(p.read_bytes()).hexdigest(),
            )
    return out


# ------------------------------------------------------------------- (1) the sample folder
def test_sample_scan_finds_the_three_datasets_and_skips_the_lock_file(sample, catalog):
    assert (sample / "시설" / "~$시설목록.xlsx").exists()
    summary = scan(catalog, [str(sample)])

    assert summary.status == "done"
    assert summary.exit_code == 0
    assert summary.failed == []
    assert summary.counts["total"] == 3
    assert summary.counts["new"] == 3
    found = details(catalog)
    assert set(found) == SAMPLE_FILES
    assert all(d["status"] == "ok" and d["errors"] == [] for d in found.values())
    names = [r[0] for r in catalog.conn.execute("SELECT name FROM datasets")]
    assert not any(n.startswith("~$") for n in names)
    assert found[FACILITIES]["real_format"] == "xlsx"
    assert found[CONTACTS]["encoding"] == "cp949"
    assert found[POPULATION]["encoding"] == "utf-8-sig"
    run = catalog.conn.execute("SELECT * FROM scan_runs WHERE id = ?", (summary.run_id,)).fetchone()
    assert run["status"] == "done" and run["files_new"] == 3 and run["finished_at"]


def test_population_csv_two_row_header_total_and_footnote(sample, catalog):
    scan(catalog, [str(sample)])
    detail = details(catalog)[POPULATION]
    assert detail["table_count"] == 1
    (table,) = detail["tables"]

    # Title row and blank row above; the header is sheet rows 2-3 (0-based).
    assert (table["header_row"], table["header_rows"]) == (2, 2)
    assert table["header_source"] == "auto"
    assert labels(table) == ["자치구", "인구|계", "인구|남자", "인구|여자", "세대수"]
    assert table["row_count"] == 6
    assert table["total_rows"] == 1
    assert table["footnote_rows"] == 1
    assert detail["row_count"] == 6

    by_label = {c["label"]: c for c in table["columns"]}
    district = by_label["자치구"]["profile"]
    assert district["value_count"] == 6
    assert "합계" not in {v for v, _ in district["top_values"]}
    assert not any(str(v).startswith("※") for v, _ in district["top_values"])
    # The 합계 row (total 1,423,011) is not a data value: the max is 광진구's 계.
    total = by_label["인구|계"]["profile"]
    assert total["max"] == "337756"
    assert total["value_count"] == 6


def test_xlsx_hidden_sheet_is_flagged(sample, catalog):
    scan(catalog, [str(sample)])
    detail = details(catalog)[FACILITIES]
    sheets = {t["sheet"]: t for t in detail["tables"]}
    assert set(sheets) == {"시설", "메모"}
    assert sheets["메모"]["hidden"] is True
    assert sheets["시설"]["hidden"] is False
    assert sheets["시설"]["row_count"] == 5
    assert sheets["시설"]["total_rows"] == 1


def test_xlsx_formula_without_cached_value_warns(sample, catalog):
    # D9 holds '=SUM(D4:D8)' saved by openpyxl as <c r="D9"><f>SUM(D4:D8)</f><v /></c>.
    scan(catalog, [str(sample)])
    detail = details(catalog)[FACILITIES]
    sheet = next(t for t in detail["tables"] if t["sheet"] == "시설")
    notes = sheet["warnings"] + detail["warnings"]
    assert any("수식" in w and "계산값" in w for w in notes), notes


def test_xlsx_table_starting_in_column_b_has_no_phantom_column(sample, catalog):
    # The header is on row 3 from column B; only the merged title A1:E1 touches column A.
    scan(catalog, [str(sample)])
    detail = details(catalog)[FACILITIES]
    sheet = next(t for t in detail["tables"] if t["sheet"] == "시설")
    assert labels(sheet) == ["시설명", "개설일", "정원", "소재지"]
    assert sheet["first_col"] == 1


# ----------------------------------------------------------------------- (2) PII masking
def _contacts_values() -> list[str]:
    with open(SAMPLE / CONTACTS, encoding="cp949", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["성명", "휴대전화", "이메일", "주민등록번호"]
    values = []
    for name, phone, mail, rrn in rows[1:]:
        values += [name, phone, mail, rrn]
        values.append(mail.split("@")[0])  # the identifying part of an e-mail
        values.append(rrn.split("-")[1])  # the back half of a 주민등록번호
        values.append(rrn.replace("-", ""))
    assert len(rows) == 6
    return values


def test_pii_columns_are_flagged_and_no_original_value_is_stored(sample, tmp_path):
    db = tmp_path / "pii.db"
    with Catalog(db) as cat:
        scan(cat, [str(sample)])
        (table,) = details(cat)[CONTACTS]["tables"]
        kinds = {c["label"]: (c["pii"] or {}).get("kind") for c in table["columns"]}
        masked = {c["label"]: c["profile"]["masked"] for c in table["columns"]}
        samples = {c["label"]: c["profile"]["samples"] for c in table["columns"]}
    assert kinds == {
        "성명": "person_name",
        "휴대전화": "mobile",
        "이메일": "email",
        "주민등록번호": "rrn",
    }
    assert all(masked.values())
    assert all(len(s) == 5 for s in samples.values())  # masked values are still shown

    originals = _contacts_values()
    # 1. Raw bytes of the database file (and a WAL file, if one is left).
    blobs = [db.read_bytes()]
    for extra in (Path(f"{db}-wal"), Path(f"{db}-journal")):
        if extra.exists():
            blobs.append(extra.read_bytes())
    for value in originals:
        for encoding in ("utf-8", "cp949", "utf-16-le"):
            needle = value.encode(encoding)
            assert not any(needle in blob for blob in blobs), (value, encoding)

    # 2. Every TEXT (or BLOB) cell of every table, FTS shadow tables included.
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        cells = 0
        for name in tables:
            for row in conn.execute(f'SELECT * FROM "{name}"'):
                for cell in row:
                    if isinstance(cell, bytes):
                        cell = cell.decode("utf-8", errors="replace")
                    if isinstance(cell, str):
                        cells += 1
                        for value in originals:
                            assert value not in cell, (name, value, cell)
    finally:
        conn.close()
    assert cells > 50  # the walk really looked at the catalog


# ------------------------------------------------------------------------ (3) incremental
def test_second_scan_is_all_unchanged_without_reading(sample, catalog, scan_calls):
    first = scan(catalog, [str(sample)])
    assert first.counts["new"] == 3
    assert len(scan_calls) == 3
    scan_calls.clear()

    events: list[ProgressEvent] = []
    second = scan(catalog, [str(sample)], progress=events.append)
    assert scan_calls == []
    assert second.counts["unchanged"] == 3
    assert second.counts["new"] == second.counts["changed"] == second.counts["failed"] == 0
    assert [e.status for e in events if e.kind == "file"] == ["unchanged"] * 3
    run = catalog.conn.execute("SELECT * FROM scan_runs WHERE id = ?", (second.run_id,)).fetchone()
    assert run["files_unchanged"] == 3 and run["status"] == "done"
    seen = {r[0] for r in catalog.conn.execute("SELECT last_seen_run FROM datasets")}
    assert seen == {second.run_id}


def test_touched_file_is_unchanged_by_hash_and_not_reprofiled(
    sample, catalog, scan_calls, monkeypatch
):
    scan(catalog, [str(sample)])
    path = sample / POPULATION
    before = dataset_row(catalog, path)
    st = path.stat()
    new_mtime = st.st_mtime_ns + 7_000_000_000
    os.utime(path, ns=(st.st_atime_ns, new_mtime))
    scan_calls.clear()

    summary = scan(catalog, [str(sample)])
    assert scan_calls == []
    assert summary.counts["unchanged"] == 3 and summary.counts["changed"] == 0
    after = dataset_row(catalog, path)
    assert after["content_hash"] == before["content_hash"]
    assert after["mtime_ns"] == new_mtime  # the new fingerprint is remembered
    assert after["last_read_run"] == before["last_read_run"]
    assert after["scanned_at"] == before["scanned_at"]

    # With the new mtime stored, the next scan does not even hash the file.
    hashed: list[str] = []
    real_hash = scanner_mod.fingerprint_hash
    monkeypatch.setattr(scanner_mod, "fingerprint_hash", lambda p: hashed.append(p) or real_hash(p))
    third = scan(catalog, [str(sample)])
    assert third.counts["unchanged"] == 3
    assert hashed == [] and scan_calls == []


def test_changed_content_is_reprofiled(sample, catalog, scan_calls):
    scan(catalog, [str(sample)])
    path = sample / POPULATION
    before = dataset_row(catalog, path)
    add_district(path)
    scan_calls.clear()

    summary = scan(catalog, [str(sample)])
    assert summary.counts["changed"] == 1
    assert summary.counts["unchanged"] == 2
    assert scan_calls == [str(path)]
    after = dataset_row(catalog, path)
    assert after["id"] == before["id"]
    assert after["content_hash"] != before["content_hash"]
    assert after["size"] == path.stat().st_size
    assert after["last_read_run"] == summary.run_id
    (table,) = queries.dataset_detail(catalog, after["id"])["tables"]
    assert table["row_count"] == 7
    district = next(c for c in table["columns"] if c["label"] == "자치구")
    shown = district["profile"]["samples"] + [v for v, _ in district["profile"]["top_values"]]
    assert "강남구" in shown
    # Old tables/columns were replaced, not duplicated.
    n_tables = catalog.conn.execute(
        "SELECT COUNT(*) FROM tables WHERE dataset_id = ?", (after["id"],)
    ).fetchone()[0]
    assert n_tables == 1


def test_deleted_file_is_marked_missing_and_comes_back(sample, catalog, tmp_path):
    scan(catalog, [str(sample)])
    path = sample / CONTACTS
    ds = dataset_row(catalog, path)
    n_cols = catalog.conn.execute(
        "SELECT COUNT(*) FROM columns WHERE dataset_id = ?", (ds["id"],)
    ).fetchone()[0]
    assert n_cols == 4
    keep = tmp_path / "keep.csv"
    shutil.copy2(path, keep)
    path.unlink()

    gone = scan(catalog, [str(sample)])
    assert gone.counts["missing"] == 1
    assert gone.counts["total"] == 2
    missing = dataset_row(catalog, path)
    assert missing["status"] == "missing"
    assert missing["missing_since"]
    assert [d["path"] for d in queries.list_datasets(catalog, status="missing")] == [str(path)]
    # Its description is kept.
    detail = queries.dataset_detail(catalog, ds["id"])
    assert detail["table_count"] == 1
    assert len(detail["tables"]) == 1 and len(detail["tables"][0]["columns"]) == 4
    # A second scan does not reset missing_since.
    again = scan(catalog, [str(sample)])
    assert again.counts["missing"] == 0
    assert dataset_row(catalog, path)["missing_since"] == missing["missing_since"]

    shutil.copy2(keep, path)
    back = scan(catalog, [str(sample)])
    restored = dataset_row(catalog, path)
    assert restored["status"] == "ok"
    assert restored["missing_since"] is None
    assert back.counts["unchanged"] == 3 and back.counts["missing"] == 0
    assert len(queries.dataset_detail(catalog, ds["id"])["tables"][0]["columns"]) == 4


# -------------------------------------------------------------------------- (4) bad files
BAD_EXPECTED = {
    "empty.csv": {"empty_file"},
    "junk.csv": {"binary"},
    "truncated.xlsx": {"corrupt"},
    "corrupt.xlsx": {"corrupt"},
    "encrypted.xlsx": {"encrypted"},
    "not_excel.xls": {"binary", "unsupported"},
}


def test_bad_fixtures_give_their_error_codes_and_the_scan_goes_on(tmp_path, catalog):
    bad = tmp_path / "bad"
    shutil.copytree(BAD, bad)
    summary = scan(catalog, [str(bad)])

    assert summary.status == "done"
    assert summary.exit_code == 1
    failed = {os.path.basename(p): (code, msg) for p, code, msg in summary.failed}
    assert set(failed) == set(BAD_EXPECTED)
    for name, (code, message) in failed.items():
        assert code in BAD_EXPECTED[name], (name, code)
        assert HANGUL.search(message), (name, message)
        row = dataset_row(catalog, bad / name)
        assert row["status"] == "error" and row["error_code"] == code
        assert row["table_count"] == 0
    errors = catalog.conn.execute(
        "SELECT path, code, message FROM scan_errors WHERE run_id = ?", (summary.run_id,)
    ).fetchall()
    assert {(os.path.basename(r["path"]), r["code"]) for r in errors} == {
        (n, c) for n, (c, _) in failed.items()
    }
    assert summary.counts["failed"] == 6

    # The good files in the same folder were read normally.
    renamed = dataset_row(catalog, bad / "renamed_xlsx.xls")
    assert renamed["status"] == "ok" and renamed["real_format"] == "xlsx"
    (sheet,) = queries.dataset_detail(catalog, renamed["id"])["tables"]
    assert sheet["sheet"] == "목록"
    assert labels(sheet) == ["시설명", "소재지", "개설일자", "정원"]
    assert sheet["row_count"] == 3
    korean = dataset_row(catalog, bad / "한글 이름 파일.csv")
    assert korean["path"] == str(bad / "한글 이름 파일.csv")
    assert korean["status"] == "ok" and korean["encoding"] == "cp949"
    (table,) = queries.dataset_detail(catalog, korean["id"])["tables"]
    assert labels(table) == ["구분", "지역명", "인구수", "비고"]
    assert table["row_count"] == 3
    assert summary.counts["new"] == 2

    # Discovery skips the lock file and the dot file.
    names = {r[0] for r in catalog.conn.execute("SELECT name FROM datasets")}
    assert "~$lock.xlsx" not in names and ".hidden.csv" not in names
    assert summary.counts["total"] == 8


def _good_csv(folder: Path) -> Path:
    path = folder / "정상.csv"
    path.write_text("구분,값\n가,1\n나,2\n", encoding="utf-8")
    return path


def _assert_single_failure(summary, catalog, path: Path, code: str) -> None:
    assert summary.exit_code == 1
    assert [(p, c) for p, c, _ in summary.failed] == [(str(path), code)]
    message = summary.failed[0][2]
    assert HANGUL.search(message)
    row = dataset_row(catalog, path)
    assert row["status"] == "error" and row["error_code"] == code
    assert summary.counts["failed"] == 1 and summary.counts["new"] == 1


def test_zip_bomb_is_refused(tmp_path, catalog):
    folder = tmp_path / "bomb"
    folder.mkdir()
    bomb = folder / "폭탄.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            zeros = b"\0" * (1 << 20)
            for _ in range(60):
                fh.write(zeros)
    assert bomb.stat().st_size < 1 << 20
    _good_csv(folder)

    summary = scan(catalog, [str(folder)])
    _assert_single_failure(summary, catalog, bomb, "zip_bomb")


def test_single_huge_line_is_line_too_long(tmp_path, catalog, monkeypatch):
    monkeypatch.setattr(csv_reader, "MAX_LINE_CHARS", 64 * 1024)
    folder = tmp_path / "long"
    folder.mkdir()
    huge = folder / "한줄.csv"
    huge.write_bytes(b"a" * (1 << 20))  # 1 MiB, no newline
    _good_csv(folder)

    summary = scan(catalog, [str(folder)])
    _assert_single_failure(summary, catalog, huge, "line_too_long")


def test_unreadable_file_is_permission_error(tmp_path, catalog, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    locked = folder / "잠김.csv"
    locked.write_text("구분,값\n가,1\n", encoding="utf-8")
    _good_csv(folder)
    target = str(locked)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, str | os.PathLike) and os.path.abspath(os.fspath(file)) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    summary = scan(catalog, [str(folder)])
    monkeypatch.undo()
    _assert_single_failure(summary, catalog, locked, "permission")


# ------------------------------------------------------------------ (5) read-only scanning
def test_scanner_never_writes_to_the_files_it_reads(tmp_path):
    before = fingerprint_tree(FIXTURES)
    assert len(before) > 15
    with Catalog(tmp_path / "ro.db") as cat:
        first = scan(cat, [str(SAMPLE), str(BAD), str(FIXTURES / "corpus")])
        assert first.counts["total"] >= 20
        scan(cat, [str(SAMPLE), str(BAD)], force=True)
    after = fingerprint_tree(FIXTURES)
    assert after == before


# --------------------------------------------------------------------- (6) header overrides
def test_header_override_survives_forced_rescan_and_file_change(sample, catalog):
    scan(catalog, [str(sample)])
    path = sample / POPULATION
    ds = dataset_row(catalog, path)
    # Only the first of the two header rows: the 계/남자/여자 row becomes data.
    catalog.set_header_override(ds["id"], "#0", 2, 1)

    def table() -> dict:
        (t,) = queries.dataset_detail(catalog, ds["id"])["tables"]
        return t

    assert table()["header_source"] == "auto"  # not applied until the file is read again

    forced = scan(catalog, [str(sample)], force=True)
    assert forced.counts["changed"] == 3
    t = table()
    assert t["header_source"] == "override"
    assert (t["header_row"], t["header_rows"]) == (2, 1)
    assert labels(t)[:2] == ["자치구", "인구"]
    assert t["row_count"] == 7

    add_district(path)
    changed = scan(catalog, [str(sample)])
    assert changed.counts["changed"] == 1
    t = table()
    assert t["header_source"] == "override"
    assert (t["header_row"], t["header_rows"]) == (2, 1)
    assert labels(t)[:2] == ["자치구", "인구"]
    assert t["row_count"] == 8
    assert catalog.header_overrides(ds["id"]) == {"#0": (2, 1)}


# ------------------------------------------------------------------------------ (7) cancel
def test_cancel_from_progress_callback_after_first_file(sample, catalog):
    token = CancelToken()
    events: list[ProgressEvent] = []

    def progress(event: ProgressEvent) -> None:
        events.append(event)
        if event.kind == "file":
            token.cancel()

    summary = scan(catalog, [str(sample)], progress=progress, cancel=token)
    assert summary.status == "cancelled"
    assert [e.kind for e in events if e.kind == "file"] == ["file"]
    first = next(e for e in events if e.kind == "file")
    run = catalog.conn.execute("SELECT * FROM scan_runs WHERE id = ?", (summary.run_id,)).fetchone()
    assert run["status"] == "cancelled"
    assert run["finished_at"]
    assert run["files_new"] == 1
    rows = catalog.conn.execute("SELECT path, status FROM datasets").fetchall()
    assert [(r["path"], r["status"]) for r in rows] == [(first.path, "ok")]
    assert first.path == str(sample / FACILITIES)  # files come in a fixed order
    assert events[-1].kind == "done" and events[-1].status == "cancelled"


def test_cancelled_rescan_marks_nothing_missing(sample, catalog):
    scan(catalog, [str(sample)])
    token = CancelToken()

    def progress(event: ProgressEvent) -> None:
        if event.kind == "file":
            token.cancel()

    summary = scan(catalog, [str(sample)], progress=progress, cancel=token, force=True)
    assert summary.status == "cancelled"
    statuses = [r[0] for r in catalog.conn.execute("SELECT status FROM datasets")]
    assert statuses == ["ok", "ok", "ok"]


# ---------------------------------------------------------------- (8) changed during scan
def test_file_changing_during_scan_is_reported_changed(sample, catalog, monkeypatch):
    path = sample / CONTACTS
    real = scanner_mod.scan_file

    def scan_then_modify(p, overrides=None, cancel=None):
        result = real(p, overrides, cancel)
        if p == str(path):
            with open(p, "ab") as fh:
                fh.write("정약용,010-0000-9999,yakyong@example.com,\r\n".encode("cp949"))
        return result

    monkeypatch.setattr(scanner_mod, "scan_file", scan_then_modify)
    summary = scan(catalog, [str(sample)])
    monkeypatch.undo()

    assert summary.exit_code == 1
    assert [(p, c) for p, c, _ in summary.failed] == [(str(path), "changed")]
    assert HANGUL.search(summary.failed[0][2])
    row = dataset_row(catalog, path)
    assert row["status"] == "error" and row["error_code"] == "changed"
    assert row["table_count"] == 0
    tables = catalog.conn.execute("SELECT COUNT(*) FROM tables WHERE dataset_id = ?", (row["id"],))
    assert tables.fetchone()[0] == 0
    assert summary.counts["new"] == 2 and summary.counts["failed"] == 1

    # Once the file is still again, the next scan reads it.
    again = scan(catalog, [str(sample)])
    assert again.exit_code == 0
    row = dataset_row(catalog, path)
    assert row["status"] == "ok" and row["error_code"] is None
    assert queries.dataset_detail(catalog, row["id"])["tables"][0]["row_count"] == 6


# ------------------------------------------------------------- a catalog write that fails
def test_catalog_write_error_does_not_leave_the_run_running(sample, catalog, monkeypatch):
    # scan_runs.status documents 'failed'; a run that stopped must not stay 'running' forever.
    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(catalog, "save_file_result", broken)
    try:
        summary = scan(catalog, [str(sample)])
    except sqlite3.Error:
        summary = None
    run = catalog.conn.execute("SELECT * FROM scan_runs ORDER BY id DESC").fetchone()
    assert run["status"] != "running"
    assert run["finished_at"] is not None
    if summary is not None:
        assert summary.exit_code == 1
