"""Issue 11, two jobs on one catalog and killed runs: one writer job at a time (a lock another
process respects with a Korean message, that a killed process does not leave behind), runs a kill
interrupted are closed as such on the next start, and a reader that crashes costs a row.

The concurrency tests use real processes (``python -m catalog_app``), not threads.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from catalog_app.catalog.joblock import CatalogBusy, holder, job_lock, lock_path
from catalog_app.catalog.store import Catalog
from catalog_app.matching.jobs import map_catalog
from catalog_app.scan import file_scan, isolated
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.scanner import scan
from tests.cli_helpers import HANGUL

REPO = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["CATALOG_APP_NO_GUI"] = "1"
    env.pop("CATALOG_APP_CATALOG", None)
    return env


def _cli(db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "catalog_app", "--catalog", str(db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        cwd=str(REPO),
    )


def _finish(proc: subprocess.Popen, timeout: float = 180) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out.decode("utf-8"), err.decode("utf-8", "replace")


def _folder(tmp_path: Path, n: int = 99) -> Path:
    folder = tmp_path / "자료"
    folder.mkdir()
    for i in range(n):
        (folder / f"파일{i:03}.csv").write_text(
            "구분,값,비고\n" + "".join(f"항목{j},{j},-\n" for j in range(50)), encoding="utf-8"
        )
    return folder


# ------------------------------------------------------------------------------- the lock
@pytest.mark.slow
def test_a_second_process_is_refused_with_a_korean_message(tmp_path):
    folder = _folder(tmp_path, 3)
    db = tmp_path / "c.db"
    Catalog(db).close()
    with job_lock(db, "scan"):
        info = holder(db)
        assert info["job"] == "scan" and info["pid"] == os.getpid()
        for args in (["scan", str(folder), "--json"], ["map"]):
            code, out, err = _finish(_cli(db, *args))
            assert code == 3, (args, err)
            assert out == ""
            assert "다른 작업(스캔" in err and f"프로세스 {os.getpid()}" in err, err
            assert "Traceback" not in err
    assert holder(db) is None
    code, out, _ = _finish(_cli(db, "scan", str(folder), "--json", "-q"))
    assert code == 0 and json.loads(out)["counts"]["new"] == 3


def test_a_killed_process_leaves_no_lock_behind(tmp_path):
    db = tmp_path / "c.db"
    script = textwrap.dedent(
        """
        import sys, time
        from catalog_app.catalog.joblock import job_lock
        with job_lock(sys.argv[1], "scan"):
            print("locked", flush=True)
            time.sleep(120)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE, env=_env()
    )
    try:
        assert proc.stdout.readline().strip() == b"locked"
        assert holder(db)["pid"] == proc.pid
        with pytest.raises(CatalogBusy) as busy, job_lock(db, "map"):
            pass
        assert HANGUL.search(str(busy.value)) and str(proc.pid) in str(busy.value)
    finally:
        proc.kill()
        proc.wait()
    assert lock_path(db).exists()  # the file may stay; the lock went with the process
    assert holder(db) is None
    with job_lock(db, "scan"):
        pass


def test_lock_is_reentrant_in_one_thread_and_exclusive_across_threads(tmp_path):
    db = tmp_path / "c.db"
    refused = []
    with job_lock(db, "scan"), job_lock(db, "scan"):  # override_header runs a scan inside

        def other():
            try:
                with job_lock(db, "map"):
                    refused.append(False)
            except CatalogBusy:
                refused.append(True)

        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert refused == [True]
    with job_lock(db, "map"):  # released by the outer block, not the inner one
        pass


def test_map_during_a_scan_is_refused_not_a_foreign_key_error(tmp_path):
    """The window runs scans and map on threads of their own: another thread's job is refused."""
    db = tmp_path / "c.db"
    held, release = threading.Event(), threading.Event()

    def scanning():
        with job_lock(db, "scan"):
            held.set()
            release.wait(30)

    t = threading.Thread(target=scanning)
    t.start()
    try:
        assert held.wait(30)
        with Catalog(db) as cat:
            with pytest.raises(CatalogBusy, match="스캔"):
                map_catalog(cat)
            with pytest.raises(CatalogBusy):
                scan(cat, [str(tmp_path)])
    finally:
        release.set()
        t.join()


@pytest.mark.slow
def test_two_scans_started_together_leave_every_file_present(tmp_path):
    folder = _folder(tmp_path)
    db = tmp_path / "c.db"
    Catalog(db).close()
    outcomes = []
    for trial in range(3):
        args = ["scan", str(folder), "--json", "-q"] + (["--force"] if trial else [])
        procs = [_cli(db, *args), _cli(db, *args)]
        results = [_finish(p) for p in procs]
        outcomes += [code for code, _, _ in results]
        for code, out, err in results:
            assert code in (0, 3), err
            if code == 3:
                assert "다른 작업" in err and "카탈로그를 쓰고 있습니다" in err and out == ""
            else:
                assert json.loads(out)["counts"]["total"] == 99
        assert 0 in [code for code, _, _ in results]
        with Catalog(db) as cat:
            rows = cat.conn.execute("SELECT status, COUNT(*) FROM datasets GROUP BY status")
            assert dict(rows.fetchall()) == {"ok": 99}, f"trial {trial}"
            running = cat.conn.execute("SELECT COUNT(*) FROM scan_runs WHERE status = 'running'")
            assert running.fetchone()[0] == 0
    print("exit codes of the paired scans:", outcomes)


def test_interleaved_runs_never_mark_each_others_files_missing(tmp_path):
    """Defence in depth under the lock: a run only marks files last seen by an *earlier* run."""
    folder = _folder(tmp_path, 4)
    with Catalog(tmp_path / "c.db") as cat:
        scan(cat, [str(folder)])
        root_id = cat.conn.execute("SELECT id FROM roots").fetchone()[0]
        first = cat.start_run([str(folder)])
        second = cat.start_run([str(folder)])
        for row in cat.conn.execute("SELECT id, size, mtime_ns FROM datasets").fetchall():
            cat.mark_seen(row["id"], second, row["size"], row["mtime_ns"])
        assert cat.mark_missing([root_id], first) == 0
        assert cat.mark_missing([root_id], second + 1) == 4


# --------------------------------------------------------------------- killed runs
def test_a_run_left_running_is_closed_as_interrupted(tmp_path):
    folder = _folder(tmp_path, 2)
    with Catalog(tmp_path / "c.db") as cat:
        dead = cat.start_run([str(folder)])  # as if the process had been killed
        summary = scan(cat, [str(folder)])
        row = cat.conn.execute("SELECT * FROM scan_runs WHERE id = ?", (dead,)).fetchone()
        assert row["status"] == "interrupted" and row["finished_at"] is not None
        assert summary.status == "done" and summary.counts["new"] == 2


_SLOW_SCAN = textwrap.dedent(
    """
    import sys, time
    from catalog_app.catalog.store import Catalog
    from catalog_app.scan import scanner
    real = scanner.scan_file
    def slow(path, overrides=None, cancel=None):
        if path.endswith("느린.csv"):
            time.sleep(300)
        return real(path, overrides, cancel)
    scanner.scan_file = slow
    scanner.WORKERS = 1  # read here, where the slow reader is (workers would read it themselves)
    with Catalog(sys.argv[1]) as cat:
        scanner.scan(cat, [sys.argv[2]])
    """
)


def test_killed_scan_is_closed_on_the_next_start_and_its_file_read_in_a_child(
    tmp_path, monkeypatch
):
    folder = _folder(tmp_path, 3)
    slow = folder / "느린.csv"
    slow.write_text("구분,값\n가,1\n", encoding="utf-8")
    db = tmp_path / "c.db"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_SCAN, str(db), str(folder)], env=_env())
    try:
        deadline = time.monotonic() + 120  # a hang guard, not a speed check
        while True:
            assert proc.poll() is None, "the scan ended before it reached the slow file"
            if time.monotonic() > deadline:
                pytest.fail("the scan never reached the slow file")
            if db.exists():
                with Catalog(db) as cat:
                    row = cat.conn.execute(
                        "SELECT current_path FROM scan_runs WHERE status = 'running'"
                    ).fetchone()
                if row is not None and row["current_path"] == str(slow):
                    break
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    finally:
        proc.kill()
        proc.wait()
    monkeypatch.setattr(isolated, "READER", "tests.crash_helpers:marking_reader")
    with Catalog(db) as cat:
        summary = scan(cat, [str(folder)])  # the lock died with the process: no CatalogBusy
        runs = cat.conn.execute("SELECT status FROM scan_runs ORDER BY id").fetchall()
        assert [r["status"] for r in runs] == ["interrupted", "done"]
        assert summary.failed == []
        assert cat.dataset_by_path(str(slow))["status"] == "ok"
    marker = Path(str(slow) + ".isolated")
    assert marker.exists() and int(marker.read_text()) != os.getpid()  # read in a child


def test_a_reader_crash_is_a_row_and_is_not_retried_until_the_file_changes(tmp_path, monkeypatch):
    folder = _folder(tmp_path, 2)
    bad = folder / "터지는.csv"
    bad.write_text("구분,값\n가,1\n", encoding="utf-8")
    with Catalog(tmp_path / "c.db") as cat:
        run = cat.start_run([str(folder)])
        cat.set_current_file(run, str(bad))  # a killed run was reading it
        monkeypatch.setattr(isolated, "READER", "tests.crash_helpers:abort_reader")
        summary = scan(cat, [str(folder)])
        assert summary.status == "done" and summary.counts["new"] == 2
        assert summary.counts["failed"] == 1
        assert [(Path(p).name, c) for p, c, _ in summary.failed] == [("터지는.csv", "reader_crash")]
        row = cat.dataset_by_path(str(bad))
        assert row["status"] == "error" and HANGUL.search(row["error_message"])
        # Unchanged: not read again (it would crash again), the row stays.
        monkeypatch.setattr(isolated, "READER", "tests.crash_helpers:marking_reader")
        again = scan(cat, [str(folder)])
        assert [c for _, c, _ in again.failed] == ["reader_crash"]
        assert not Path(str(bad) + ".isolated").exists()
        # Changed: tried again, in a child, and read.
        bad.write_text("구분,값\n가,1\n나,2\n", encoding="utf-8")
        third = scan(cat, [str(folder)])
        assert third.failed == [] and cat.dataset_by_path(str(bad))["status"] == "ok"
        assert Path(str(bad) + ".isolated").exists()


def test_isolated_read_returns_the_same_result(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("구분,값\n가,1\n나,2\n", encoding="utf-8")
    from catalog_app.scan.file_scan import scan_file

    here, there = scan_file(str(path)), isolated.scan_file_isolated(str(path))
    assert [c.label for c in there.tables[0].columns] == [c.label for c in here.tables[0].columns]
    assert there.tables[0].row_count == here.tables[0].row_count == 2
    with pytest.raises(ScanFailure) as failure:
        isolated.scan_file_isolated(str(tmp_path / "없음.csv"))
    assert failure.value.code in ("not_found", "read_error")


@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin", reason="RLIMIT_AS is Linux-only")
def test_the_child_runs_under_a_memory_limit(tmp_path):
    with pytest.raises(ScanFailure) as failure:
        isolated.run_isolated("tests.crash_helpers:memory_hog", "x", memory_limit=1 << 30)
    assert failure.value.code in ("too_large", "reader_crash")


# ------------------------------------------------------------------ the reader process
@pytest.mark.parametrize("workers", [1, 2], ids=["reader-process", "scan-pool"])
def test_a_workbook_that_kills_its_reader_is_a_row_and_the_scan_goes_on(
    tmp_path, monkeypatch, workers
):
    """With the guard switched off in the reader process (or in the scan's pool of workers),
    calamine really aborts on A1 + XFD1048576 (SIGABRT): that file becomes a row, the reader is
    replaced, the rest is read."""
    from catalog_app.scan import pool, scanner
    from tests import hostile_files as hf

    folder = _folder(tmp_path, 2)
    hf.far_cell_xlsx(folder / "먼칸.xlsx")
    hf.write_xlsx(folder / "정상.xlsx", hf.sheet_xml(hf.table_rows()))
    monkeypatch.setattr(scanner, "WORKERS", workers)
    monkeypatch.setattr(file_scan, "EXCEL_READER", "tests.crash_helpers:excel_without_guard")
    monkeypatch.setattr(pool, "READER", "tests.crash_helpers:pool_reader_without_guard")
    isolated.release()
    try:
        with Catalog(tmp_path / "c.db") as cat:
            summary = scan(cat, [str(folder)])
            assert summary.status == "done"
            assert [(Path(p).name, c) for p, c, _ in summary.failed] == [
                ("먼칸.xlsx", "reader_crash")
            ]
            assert cat.dataset_by_path(str(folder / "정상.xlsx"))["status"] == "ok"
            assert summary.counts["new"] == 3
            # Unchanged, it is not handed to a reader again; the others stay unchanged too.
            again = scan(cat, [str(folder)])
            assert again.counts["unchanged"] == 3 and again.counts["failed"] == 1
    finally:
        isolated.release()


def test_every_workbook_is_read_in_the_reader_process(tmp_path, monkeypatch):
    from tests import hostile_files as hf

    path = hf.write_xlsx(tmp_path / "a.xlsx", hf.sheet_xml(hf.table_rows()))
    monkeypatch.setattr(file_scan, "EXCEL_READER", "tests.crash_helpers:abort_excel")
    isolated.release()
    try:
        from catalog_app.scan.file_scan import scan_file

        with pytest.raises(ScanFailure) as failure:
            scan_file(str(path))
        assert failure.value.code == "reader_crash"
        monkeypatch.undo()
        assert scan_file(str(path)).tables[0].row_count == 3  # a fresh reader process
    finally:
        isolated.release()


def test_busy_message_without_a_description():
    """A job that has just taken the lock may not have written who it is yet."""
    message = str(CatalogBusy("/자료/c.db", {}))
    assert message.startswith("다른 작업이 이 카탈로그를 쓰고 있습니다") and "/자료/c.db" in message


def test_workbooks_are_read_in_process_where_no_child_can_start(tmp_path, monkeypatch):
    from tests import hostile_files as hf

    path = hf.write_xlsx(tmp_path / "a.xlsx", hf.sheet_xml(hf.table_rows()))
    isolated.release()

    def refused(self):
        raise OSError(1, "child processes are blocked here")

    monkeypatch.setattr(isolated._ReaderProcess, "_start", refused)
    from catalog_app.scan.file_scan import scan_file

    assert scan_file(str(path)).tables[0].row_count == 3
