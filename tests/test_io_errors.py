"""Issue 11, a full disk and I/O errors: a Korean message naming the cause and the path, never a
raw traceback, and the catalog left intact (each write is one transaction)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from catalog_app.catalog import store as store_mod
from catalog_app.catalog.store import Catalog
from catalog_app.ioerrors import explain
from tests.cli_helpers import HANGUL, _stderr, run, run_json


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (sqlite3.OperationalError("database or disk is full"), "디스크 공간이 부족"),
        (sqlite3.OperationalError("disk I/O error"), "디스크 입출력 오류"),
        (sqlite3.DatabaseError("database disk image is malformed"), "손상"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "읽기 전용"),
        (sqlite3.OperationalError("unable to open database file"), "열 수 없습니다"),
    ],
)
def test_catalog_errors_are_explained_in_korean_with_the_path(error, words):
    message = explain(error, "/자료/catalog.db")
    assert words in message and "/자료/catalog.db" in message


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "디스크 공간"), (errno.EIO, "입출력 오류"), (errno.EACCES, "권한")],
)
def test_os_errors_name_the_file(code, words):
    message = explain(OSError(code, "strerror", "/공유/목록.xlsx"), "/c.db")
    assert words in message and "/공유/목록.xlsx" in message


def test_other_errors_are_left_to_the_caller():
    assert explain(ValueError("x")) is None and explain(KeyError("y")) is None


@pytest.fixture
def full_catalog(monkeypatch):
    """Every Catalog opened from here on may grow by only a few pages: SQLite answers
    SQLITE_FULL ("database or disk is full") as it does on a full disk."""
    real_init = store_mod.Catalog.__init__

    def small(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    monkeypatch.setattr(store_mod.Catalog, "__init__", small)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "자료"
    folder.mkdir()
    for i in range(30):
        (folder / f"f{i}.csv").write_text(
            "구분,값,설명\n" + "".join(f"항목{j},{j},긴 설명 {j * 7}\n" for j in range(200)),
            encoding="utf-8",
        )
    return folder


@pytest.mark.slow
def test_scan_into_a_full_catalog_ends_with_a_korean_message(tmp_path, monkeypatch, full_catalog):
    db = tmp_path / "c.db"
    folder = _folder(tmp_path)
    Catalog(db).close()
    result = run(db, "scan", str(folder), "-q", code=4)
    err = _stderr(result)
    assert "디스크 공간이 부족" in err and str(db) in err and "Traceback" not in err
    monkeypatch.undo()  # disk space again
    with Catalog(db) as cat:
        assert cat.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    out = run_json(db, "scan", str(folder))
    assert out["counts"]["total"] == 30 and out["failed"] == []
    with Catalog(db) as cat:
        statuses = [r[0] for r in cat.conn.execute("SELECT status FROM scan_runs ORDER BY id")]
    assert statuses[-1] == "done" and "running" not in statuses


@pytest.mark.slow
def test_an_export_to_a_full_disk_names_the_file(tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    Catalog(db).close()
    target = tmp_path / "목록" / "기관표준.xlsx"

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr("os.replace", full)
    result = run(db, "standards", "export", str(target), code=4)
    err = _stderr(result)
    assert "디스크 공간" in err and str(target) in err and HANGUL.search(err)
    assert not target.exists()
