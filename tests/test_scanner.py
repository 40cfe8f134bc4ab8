"""The scan job end to end, what it reads and records: the sample folder (datasets found, lock file
skipped, multi-row headers, totals and footnotes, hidden sheets, formulas without a cached value,
a table starting in column B), PII masking (no original value anywhere in the catalog file) and
the read-only guarantee (the files scanned are never written).

Rescans and header overrides: test_scanner_rescan.py; bad files, cancel and files changing while
read: test_scanner_failures.py; shared fixtures: scanner_helpers.py.
Every test that modifies files works on a copy in ``tmp_path``; the fixtures are only read.
"""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from pathlib import Path

import pytest

from catalog_app.catalog import queries
from catalog_app.catalog.store import Catalog
from catalog_app.scan.scanner import scan
from tests.scanner_helpers import (
    BAD,
    CONTACTS,
    FACILITIES,
    FIXTURES,
    POPULATION,
    SAMPLE,
    SAMPLE_FILES,
    labels,
)

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).


# --------------------------------------------------------------------------------- helpers
def details(cat: Catalog) -> dict[str, dict]:
    """rel_path -> dataset_detail for every dataset in the catalog."""
    rows = cat.conn.execute("SELECT id, rel_path FROM datasets").fetchall()
    return {r["rel_path"]: queries.dataset_detail(cat, r["id"]) for r in rows}


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


@pytest.mark.slow
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
