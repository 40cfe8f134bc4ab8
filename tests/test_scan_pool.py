"""The scan's pool of reader processes (``scan.pool``): same catalog as a one-process scan,
progress and cancel as before, a worker that dies costs one row, workers never touch SQLite."""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from pathlib import Path

import pytest

from catalog_app.catalog import queries
from catalog_app.catalog.store import Catalog
from catalog_app.progress import CancelToken, ProgressEvent
from catalog_app.scan import pool, scanner
from catalog_app.scan.scanner import scan
from tests.scanner_helpers import FIXTURES, SAMPLE

CORPUS = FIXTURES / "corpus"


def _folder(tmp_path: Path) -> Path:
    """The fixture corpus and sample files (csv, xls, xlsx, CP949 and UTF-8) in one folder."""
    folder = tmp_path / "공유"
    shutil.copytree(CORPUS, folder / "corpus", ignore=shutil.ignore_patterns("*.md", "*.csv~"))
    shutil.copytree(SAMPLE, folder / "sample")
    return folder


def _pool_children() -> list:
    """Pool workers still running (the long-lived reader process of ``isolated`` may stay)."""
    return [p for p in multiprocessing.active_children() if p.name == "scan-reader"]


def _contents(cat: Catalog) -> dict:
    """Everything the scan stored about each file, without ids, times and run numbers."""
    volatile = {"id", "dataset_id", "table_id", "column_id", "run_id", "last_seen_run"}

    def strip(value):
        if isinstance(value, dict):
            return {
                k: strip(v)
                for k, v in value.items()
                if k not in volatile and not k.endswith(("_at", "_seen"))
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    out = {
        row["path"]: strip(queries.dataset_detail(cat, row["id"]))
        for row in queries.list_datasets(cat, None)
    }
    # every stored field of the columns and tables too: the privacy verdicts, why a table's rows
    # are people and the date tails travel from the reader processes as profiles
    for row in cat.conn.execute(
        """SELECT d.path, t.person_level, c.* FROM columns c JOIN tables t ON t.id = c.table_id
           JOIN datasets d ON d.id = c.dataset_id ORDER BY d.path, t.table_index, c.col_index"""
    ):
        stored = {k: v for k, v in dict(row).items() if k not in volatile and k != "path"}
        out[row["path"]].setdefault("stored_columns", []).append(stored)
    return out


def _scan_with(tmp_path: Path, folder: Path, workers: int, name: str, **kwargs):
    scanner.WORKERS = workers
    try:
        with Catalog(tmp_path / name) as cat:
            summary = scan(cat, [str(folder)], suggest=False, **kwargs)
            return summary, _contents(cat)
    finally:
        scanner.WORKERS = None


def test_pool_and_one_process_store_the_same_catalog(tmp_path):
    folder = _folder(tmp_path)
    events: list[ProgressEvent] = []
    pooled, in_pool = _scan_with(tmp_path, folder, 2, "pool.db", progress=events.append)
    single, alone = _scan_with(tmp_path, folder, 1, "one.db")
    assert pooled.counts == single.counts and pooled.counts["new"] >= pool.MIN_FILES
    assert sorted(pooled.failed) == sorted(single.failed)
    assert set(in_pool) == set(alone)
    for path in alone:
        assert in_pool[path] == alone[path], path
    # progress as before: one event per file, counting up to the total, then 'done'
    files = [e for e in events if e.kind == "file"]
    assert [e.done for e in files] == list(range(1, pooled.counts["total"] + 1))
    assert {e.total for e in files} == {pooled.counts["total"]}
    assert events[-1].kind == "done" and events[-1].status == "done"


def test_an_unchanged_rescan_starts_no_worker(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    monkeypatch.setattr(scanner, "WORKERS", 2)
    with Catalog(tmp_path / "c.db") as cat:
        scan(cat, [str(folder)], suggest=False)
        started: list[int] = []
        real = pool.ReaderPool.start
        monkeypatch.setattr(pool.ReaderPool, "start", lambda self: started.append(1) or real(self))
        again = scan(cat, [str(folder)], suggest=False)
    assert again.counts["unchanged"] == again.counts["total"] and started == []


def test_a_worker_that_dies_costs_its_file_a_row_and_nothing_else(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    bad = folder / "sample" / "터지는.csv"
    bad.write_text("구분,값\n가,1\n", encoding="utf-8")
    monkeypatch.setattr(scanner, "WORKERS", 2)
    monkeypatch.setattr(pool, "READER", "tests.crash_helpers:pool_reader_aborting")
    with Catalog(tmp_path / "c.db") as cat:
        summary = scan(cat, [str(folder)], suggest=False)
        assert summary.status == "done"
        assert [(Path(p).name, c) for p, c, _ in summary.failed] == [("터지는.csv", "reader_crash")]
        assert cat.dataset_by_path(str(bad))["status"] == "error"
        ok = cat.conn.execute("SELECT COUNT(*) FROM datasets WHERE status = 'ok'").fetchone()[0]
        assert ok == summary.counts["total"] - 1
        again = scan(cat, [str(folder)], suggest=False)  # not handed to a reader again
        assert again.counts["unchanged"] == again.counts["total"] - 1
        assert [c for _, c, _ in again.failed] == ["reader_crash"]
    assert _pool_children() == []


def test_cancel_stops_the_workers_and_keeps_what_was_written(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    monkeypatch.setattr(scanner, "WORKERS", 2)
    monkeypatch.setattr(pool, "READER", "tests.crash_helpers:pool_reader_slow")
    token = CancelToken()
    seen: list[ProgressEvent] = []

    def progress(event: ProgressEvent) -> None:
        seen.append(event)
        if event.kind == "file" and event.status == "new":
            token.cancel()  # the first file written

    with Catalog(tmp_path / "c.db") as cat:
        summary = scan(cat, [str(folder)], suggest=False, progress=progress, cancel=token)
        assert summary.status == "cancelled"
        written = cat.conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
        assert 1 <= written < summary.counts["total"]
        run = cat.conn.execute("SELECT status FROM scan_runs").fetchone()
        assert run["status"] == "cancelled"
    assert _pool_children() == []


def test_workers_never_open_the_catalog(tmp_path, monkeypatch):
    """The pool's workers read files; only the scan's own process writes to SQLite."""
    folder = _folder(tmp_path)
    monkeypatch.setattr(scanner, "WORKERS", 2)
    monkeypatch.setattr(pool, "READER", "tests.crash_helpers:pool_reader_reporting_modules")
    with Catalog(tmp_path / "c.db") as cat:
        summary = scan(cat, [str(folder)], suggest=False)
        assert summary.status == "done" and summary.failed == []
        warnings = [
            w
            for row in cat.conn.execute("SELECT warnings FROM datasets").fetchall()
            for w in __import__("json").loads(row["warnings"])
            if w.startswith("worker modules:")
        ]
    assert warnings, "the reporting reader did not run in the workers"
    for line in warnings:
        assert "sqlite3" not in line and "catalog_app.catalog" not in line, line


def test_no_child_process_means_reading_in_process(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    monkeypatch.setattr(scanner, "WORKERS", 2)

    def refuse(self):
        raise pool.PoolUnavailable("blocked by policy")

    monkeypatch.setattr(pool.ReaderPool, "start", refuse)
    with Catalog(tmp_path / "c.db") as cat:
        summary = scan(cat, [str(folder)], suggest=False)
    assert summary.status == "done" and summary.counts["new"] == summary.counts["total"]


@pytest.mark.parametrize("cores", [1, 2, 64])
def test_one_worker_per_core_within_bounds(monkeypatch, cores):
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda _pid: set(range(cores)), raising=False)
    assert pool.default_workers() == max(1, min(pool.MAX_WORKERS, cores))


def test_the_pool_is_used_from_a_thread_like_the_window_does(tmp_path, monkeypatch):
    """The desktop runs the scan on a worker thread: the pool must start and stop there."""
    folder = _folder(tmp_path)
    monkeypatch.setattr(scanner, "WORKERS", 2)
    result: dict = {}

    def job() -> None:
        with Catalog(tmp_path / "c.db") as cat:
            result["summary"] = scan(cat, [str(folder)], suggest=False)

    thread = threading.Thread(target=job)
    thread.start()
    thread.join(300)
    assert result["summary"].status == "done"
    assert result["summary"].counts["new"] == result["summary"].counts["total"]
