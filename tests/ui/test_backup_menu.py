"""Issue 11 in the window: 파일 → 카탈로그 백업…/복원… and disk errors as Korean messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from catalog_app.catalog import store as store_mod
from ui.workers import DiskError, ScanJob, failure_text


def test_file_menu_backs_up_and_restores(
    make_window, catalog_copy, tmp_path, qtbot, no_unexpected_dialogs
):
    messages = no_unexpected_dialogs
    window = make_window(catalog_copy)
    texts = [a.text() for a in window.file_menu.actions()]
    assert "카탈로그 백업…" in texts and "카탈로그 복원…" in texts
    target = tmp_path / "백업" / "c.db"
    window.backup.backup_to(str(target))
    qtbot.waitUntil(lambda: bool(messages), timeout=15000)
    assert messages[-1][0] == "info" and str(target) in messages[-1][1]
    # An edit after the backup …
    conn = sqlite3.connect(catalog_copy)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM datasets WHERE id = (SELECT MIN(id) FROM datasets)")
    conn.commit()
    conn.close()
    window.update_status()
    assert "데이터셋 10개" in window.counts_label.text()
    # … is undone by the restore; the pages are rebuilt on the restored catalog.
    window.backup.restore_from(str(target))
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=15000)
    assert messages[-1][0] == "info" and "복원했습니다" in messages[-1][1]
    assert "데이터셋 11개" in window.counts_label.text()
    assert window.show_page("catalog").datasets.total == 11
    kept = [p for p in Path(catalog_copy).parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1


def test_restore_waits_for_a_running_scan(
    make_window, catalog_copy, tmp_path, no_unexpected_dialogs
):
    window = make_window(catalog_copy)
    window.ctx.scanning = True
    try:
        assert window.backup.restore_from(str(tmp_path / "b.db")) is None
    finally:
        window.ctx.scanning = False
    assert no_unexpected_dialogs[-1][0] == "info" and "끝나거나" in no_unexpected_dialogs[-1][1]


def test_disk_errors_reach_the_clerk_in_korean(tmp_path, monkeypatch, qtbot):
    text = failure_text(sqlite3.OperationalError("database or disk is full"), "/자료/c.db")
    assert "디스크 공간이 부족" in text and "/자료/c.db" in text
    folder = tmp_path / "자료"
    folder.mkdir()
    for i in range(20):
        (folder / f"f{i}.csv").write_text(
            "구분,값\n" + "".join(f"항목{j},{j}\n" for j in range(300)), encoding="utf-8"
        )
    db = tmp_path / "c.db"
    store_mod.Catalog(db).close()
    real_init = store_mod.Catalog.__init__

    def small(self, *args, **kwargs):  # a full disk, as SQLite reports it
        real_init(self, *args, **kwargs)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    monkeypatch.setattr(store_mod.Catalog, "__init__", small)
    job = ScanJob(str(db), [str(folder)])
    failures: list[str] = []
    job.failed.connect(failures.append)
    job.run()  # on this thread: the signal is delivered directly
    assert len(failures) == 1
    assert "디스크 공간이 부족" in failures[0] and str(db) in failures[0]
    assert isinstance(DiskError("x"), RuntimeError)


def test_opening_the_window_closes_a_killed_run_and_keeps_its_suspect(make_window, catalog_copy):
    with store_mod.Catalog(catalog_copy) as cat:
        dead = cat.start_run(["/자료"])  # a scan whose process was killed
        cat.set_current_file(dead, "/자료/터지는.xlsx")
    window = make_window(catalog_copy)
    row = window.ctx.catalog.conn.execute(
        "SELECT status, finished_at FROM scan_runs WHERE id = ?", (dead,)
    ).fetchone()
    assert row["status"] == "interrupted" and row["finished_at"]
    assert window.ctx.catalog.suspect_files() == {"/자료/터지는.xlsx"}
