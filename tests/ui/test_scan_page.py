"""Scan page: a scan runs on a worker thread, fills the catalog page, and cancels fast."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from catalog_app.catalog.store import Catalog


def test_scan_fills_catalog_page(make_window, data_folders, tmp_path, qtbot):
    window = make_window(tmp_path / "new.db")
    page = window.show_page("scan")
    page.add_folders([str(data_folders["sample"])])
    assert page.folder_paths() == [str(data_folders["sample"])]

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.is_running()
    qtbot.waitUntil(lambda: page.last_status == "done", timeout=20_000)

    assert page.progress.value() == page.progress.maximum() == 3
    assert page.errors.rowCount() == 0
    catalog = window.show_page("catalog")
    names = {catalog.datasets.index(r, 0).data() for r in range(catalog.datasets.rowCount())}
    assert {"연락처.csv", "2024 인구현황.csv", "시설목록.xlsx"} <= names
    assert "데이터셋 3개" in window.counts_label.text()

    # 다시 스캔 (force) re-reads every file; the folders were remembered in QSettings.
    page = window.show_page("scan")
    qtbot.mouseClick(page.force_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_status == "done", timeout=20_000)
    assert "바뀐 파일 3" in page.summary.text()
    assert window.settings.scan_folders == [str(data_folders["sample"])]


def test_scan_errors_are_listed_in_korean(make_window, data_folders, tmp_path, qtbot):
    window = make_window(tmp_path / "bad.db")
    page = window.show_page("scan")
    page.add_folders([str(data_folders["bad"])])
    window.rescan_action.trigger()  # F5
    qtbot.waitUntil(lambda: page.last_status == "done", timeout=20_000)
    rows = page.errors.rows()
    assert {r["code"] for r in rows} >= {"empty_file", "binary", "corrupt"}
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in r["message"]) for r in rows)


def _make_csvs(folder, n=200):
    folder.mkdir()
    for i in range(n):
        lines = ["번호,이름,금액"] + [f"{j},항목{j},{j * 100}" for j in range(30)]
        (folder / f"자료_{i:03d}.csv").write_text("\n".join(lines), encoding="utf-8")


def test_cancel_stops_the_scan_between_files(make_window, tmp_path, qtbot):
    """Cancel is observed through the worker (its finished signal and the run it recorded), not
    through wall-clock time: a busy machine may take longer, the behaviour is the same."""
    folder = tmp_path / "many"
    _make_csvs(folder)
    window = make_window(tmp_path / "cancel.db")
    page = window.show_page("scan")
    page.add_folders([str(folder)])

    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(True))
    timer.start()

    assert page.start_scan()
    job = page._job
    # the scan runs on a worker thread, so the window keeps handling events meanwhile
    assert job.thread() is not QApplication.instance().thread()
    qtbot.waitUntil(lambda: page.progress.maximum() == 200, timeout=60_000)  # 'discovered'
    with qtbot.waitSignal(job.finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        assert job.token.cancelled and not page.cancel_button.isEnabled()
    timer.stop()
    summary = finished.args[0]
    assert summary.status == "cancelled"
    assert ticks  # the GUI thread ran its timer while the worker scanned
    qtbot.waitUntil(lambda: page.last_status == "cancelled", timeout=60_000)
    assert not page.is_running() and page.start_button.isEnabled()
    assert page.progress.value() < 200
    with Catalog(tmp_path / "cancel.db") as catalog:
        run = catalog.conn.execute("SELECT status FROM scan_runs ORDER BY id DESC").fetchone()
        saved = catalog.conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
    assert run["status"] == "cancelled"
    assert saved < 200 and saved == summary.counts["new"]
    # Still responsive: another page opens and a queued timer fires.
    assert window.show_page("overview").isVisible()
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=15_000)


def test_folders_can_be_dropped(make_window, data_folders, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    page = make_window(tmp_path / "drop.db").show_page("scan")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in data_folders.values()])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.folders.dropEvent(event)
    assert page.folder_paths() == [str(p) for p in data_folders.values()]
    page.folders.setCurrentRow(0)
    page.remove_selected()
    assert page.folder_paths() == [str(data_folders["bad"])]


def test_closing_during_a_scan_cancels_it(make_window, tmp_path, qtbot):
    folder = tmp_path / "many"
    _make_csvs(folder, 100)
    window = make_window(tmp_path / "close.db")
    page = window.show_page("scan")
    page.add_folders([str(folder)])
    assert page.start_scan()
    job, thread = page._job, page._thread
    window.shutdown()  # what closing the window does after the clerk confirms
    assert job.token.cancelled  # the worker was told to stop …
    assert not thread.isRunning()  # … and shutdown waited for it to stop
    with Catalog(tmp_path / "close.db") as catalog:
        run = catalog.conn.execute("SELECT status FROM scan_runs ORDER BY id DESC").fetchone()
        saved = catalog.conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
    assert run is None or run["status"] == "cancelled"  # cancelled, possibly before it began
    assert saved < 100


def test_the_scan_page_drives_the_pool_of_readers(make_window, tmp_path, qtbot, monkeypatch):
    """With several files to read the scan profiles them in its pool of worker processes; the
    page shows the same progress and the same result."""
    from catalog_app.scan import pool, scanner

    started = []
    real = pool.ReaderPool.start
    monkeypatch.setattr(pool.ReaderPool, "start", lambda self: started.append(self) or real(self))
    monkeypatch.setattr(scanner, "WORKERS", 2)
    folder = tmp_path / "many"
    _make_csvs(folder, 12)
    window = make_window(tmp_path / "pool.db")
    page = window.show_page("scan")
    page.add_folders([str(folder)])
    assert page.start_scan()
    qtbot.waitUntil(lambda: page.last_status == "done", timeout=120_000)
    assert started and started[0].size == 2
    assert page.progress.value() == page.progress.maximum() == 12
    assert "새 파일 12" in page.summary.text()
