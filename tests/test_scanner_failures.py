"""Scan-job failures: the bad fixtures give their error codes while the scan goes on, a zip bomb,
a single huge line and an unreadable file each fail alone; cancel from the progress callback; a
file that changes while it is read; a catalog write that fails does not leave the run running.

Every test that modifies files works on a copy in ``tmp_path``; the fixtures are only read.
Shared fixtures: scanner_helpers.py.
"""

from __future__ import annotations

import builtins
import os
import shutil
import sqlite3
import zipfile
from pathlib import Path

from catalog_app.catalog import queries
from catalog_app.progress import CancelToken, ProgressEvent
from catalog_app.scan import csv_reader
from catalog_app.scan import scanner as scanner_mod
from catalog_app.scan.scanner import scan
from tests.scanner_helpers import BAD, CONTACTS, FACILITIES, HANGUL, dataset_row, labels

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).

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
