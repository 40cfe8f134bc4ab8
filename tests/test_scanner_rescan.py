"""Incremental rescans and header overrides in the scan job: an unchanged folder is not read
again (nor hashed once its new mtime is stored), changed content is re-profiled in place, a deleted
file is marked missing and comes back, and a header override survives forced rescans and changes.

Every test that modifies files works on a copy in ``tmp_path``; the fixtures are only read.
Shared fixtures: scanner_helpers.py.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from catalog_app.catalog import queries
from catalog_app.progress import ProgressEvent
from catalog_app.scan import scanner as scanner_mod
from catalog_app.scan.scanner import scan
from tests.scanner_helpers import CONTACTS, POPULATION, dataset_row, labels

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).


# --------------------------------------------------------------------------------- helpers
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


def add_district(path: Path) -> None:
    """Insert one more data row above the 합계 row of the population CSV (UTF-8 with BOM)."""
    data = path.read_bytes()
    at = data.index("합계,".encode())
    path.write_bytes(data[:at] + "강남구,500000,240000,260000,230000\r\n".encode() + data[at:])


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
