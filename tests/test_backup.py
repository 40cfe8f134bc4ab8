"""Issue 11, backups: `catalog-app backup OUT` / `restore FILE` with SQLite's backup API — a
consistent copy while the app runs (WAL content included), a careful restore (a catalog only, the
current one kept, refused while a job holds the catalog), and the README saying this is the way."""

from __future__ import annotations

import re
import shutil
import sqlite3
import threading
from pathlib import Path

from catalog_app.catalog import schema
from catalog_app.catalog.backup import backup_catalog, check_catalog_file
from catalog_app.catalog.joblock import job_lock
from catalog_app.catalog.store import Catalog
from catalog_app.scan.scanner import scan
from tests.cli_helpers import DOCS, HANGUL, _stderr, run, run_json


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "자료"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"f{i}.csv").write_text("구분,값\n가,1\n", encoding="utf-8")
    return folder


def _datasets(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
    except sqlite3.DatabaseError:
        return -1  # no such table: the copy missed everything in the WAL
    finally:
        conn.close()


def test_backup_while_the_app_runs_includes_the_wal(tmp_path):
    folder = _folder(tmp_path, 4)
    db = tmp_path / "c.db"
    with Catalog(db) as cat:  # stays open, like the window, with its edits in the WAL
        cat.conn.execute("PRAGMA wal_autocheckpoint = 0")
        scan(cat, [str(folder)])
        assert Path(str(db) + "-wal").stat().st_size > 0
        naive = tmp_path / "복사.db"
        shutil.copyfile(db, naive)  # what a clerk's file copy gets
        assert _datasets(naive) < 4
        out = run(db, "backup", str(tmp_path / "백업" / "c.db"))
        assert "백업했습니다" in out.stdout
    target = tmp_path / "백업" / "c.db"
    assert _datasets(target) == 4
    assert sorted(p.name for p in target.parent.iterdir()) == ["c.db"]  # one file, no WAL/tmp
    assert check_catalog_file(target) == (schema.LATEST, 4)


def test_backup_into_a_folder_gets_a_dated_name(tmp_path):
    db = tmp_path / "c.db"
    Catalog(db).close()
    out = run(db, "backup", str(tmp_path / "백업들") + "/")
    [made] = list((tmp_path / "백업들").iterdir())
    assert re.fullmatch(r"c-\d{8}-\d{6}\.db", made.name) and str(made) in out.stdout
    result = run(db, "backup", str(db), code=1)
    assert HANGUL.search(_stderr(result))


def test_restore_puts_the_backup_back_and_keeps_the_current_catalog(tmp_path):
    folder = _folder(tmp_path, 3)
    db = tmp_path / "c.db"
    run_json(db, "scan", str(folder))
    run(db, "backup", str(tmp_path / "b.db"))
    _folder(tmp_path, 5)
    assert run_json(db, "scan", str(folder))["counts"]["new"] == 2
    out = run(db, "restore", str(tmp_path / "b.db")).stdout
    assert "복원했습니다" in out and "데이터셋 3개" in out
    assert len(run_json(db, "list")) == 3
    [kept] = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert str(kept) in out and _datasets(kept) == 5
    # The restored catalog works on: a rescan finds the two files again.
    assert run_json(db, "scan", str(folder))["counts"]["new"] == 2


def test_restore_refuses_what_is_not_a_catalog_and_changes_nothing(tmp_path):
    db = tmp_path / "c.db"
    run_json(db, "scan", str(_folder(tmp_path, 2)))
    text = tmp_path / "메모.db"
    text.write_text("백업 아님", encoding="utf-8")
    other = tmp_path / "다른.db"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.close()
    newer = tmp_path / "새버전.db"
    shutil.copy(db, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    for path, words in (
        (text, "백업 파일이 아닙니다"),
        (other, "이 앱의 카탈로그가 아닙니다"),
        (newer, "더 새로운 버전"),
    ):
        result = run(db, "restore", str(path), code=1)
        assert words in _stderr(result), _stderr(result)
    assert len(run_json(db, "list")) == 2
    assert not [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]


def test_restore_is_refused_while_a_job_holds_the_catalog(tmp_path):
    db = tmp_path / "c.db"
    run_json(db, "scan", str(_folder(tmp_path, 2)))
    run(db, "backup", str(tmp_path / "b.db"))
    held, release = threading.Event(), threading.Event()

    def scanning():  # another job (the window's scan thread, or another process)
        with job_lock(db, "scan"):
            held.set()
            release.wait(30)

    t = threading.Thread(target=scanning)
    t.start()
    try:
        assert held.wait(30)
        result = run(db, "restore", str(tmp_path / "b.db"), code=3)
    finally:
        release.set()
        t.join()
    assert "다른 작업(스캔" in _stderr(result)
    assert not [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]


def test_restoring_an_older_backup_upgrades_it(tmp_path):
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    schema.migrate(conn, schema.LATEST - 1)
    conn.close()
    db = tmp_path / "c.db"
    Catalog(db).close()
    run(db, "restore", str(old))
    with Catalog(db) as cat:
        assert cat.schema_version == schema.LATEST


def test_core_backup_api(tmp_path):
    db = tmp_path / "c.db"
    Catalog(db).close()
    target = backup_catalog(db, tmp_path / "x" / "b.db")
    assert target.exists() and check_catalog_file(target)[0] == schema.LATEST


def test_readme_says_backup_is_the_way():
    text = DOCS.read_text(encoding="utf-8")
    assert "catalog-app backup" in text and "catalog-app restore" in text
    section = text.split("## Backups", 1)[1].split("\n## ", 1)[0]
    assert "WAL" in section and "카탈로그 백업" in section


def test_backup_and_restore_are_listed_in_the_help(tmp_path):
    text = run(tmp_path / "c.db", "--help").stdout
    assert re.search(r"^\s+backup\b", text, re.M) and re.search(r"^\s+restore\b", text, re.M)
    assert "--follow-links" in run(tmp_path / "c.db", "scan", "--help").stdout
