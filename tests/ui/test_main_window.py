"""Main window: first-run panel, page shortcuts, status bar, switching catalogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ui.main_window import PAGE_KEYS


def test_first_run_panel_leads_to_the_scan_page(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "empty.db")
    assert window.current_key() == "overview"
    overview = window.pages["overview"]
    assert overview.welcome.isVisible()
    go = next(b for b in overview.welcome.findChildren(QPushButton) if b.text() == "폴더 스캔하기")
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert window.current_key() == "scan"
    assert "데이터셋 0개" in window.counts_label.text()


def test_page_shortcuts_and_menus(make_window, catalog_copy):
    window = make_window(catalog_copy)
    assert [a.shortcut().toString() for a in window.page_actions] == [
        f"Ctrl+{i}" for i in range(1, 9)
    ]
    for action, key in zip(window.page_actions, PAGE_KEYS, strict=True):
        action.trigger()
        assert window.current_key() == key
        assert window.stack.currentWidget() is window.pages[key]
    assert window.rescan_action.shortcut().toString() == "F5"
    window.search_action.trigger()  # Ctrl+F on the 설정 page: goes to the catalog search
    assert window.current_key() == "catalog"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["파일(&F)", "보기(&V)", "도움말(&H)"]
    assert str(catalog_copy) in window.path_label.text()
    assert "데이터셋 11개" in window.counts_label.text() and "오류 6" in window.counts_label.text()


def test_open_another_catalog_rebuilds_the_pages(make_window, catalog_copy, tmp_path):
    window = make_window(catalog_copy)
    old = window.show_page("catalog")
    assert old.datasets.total == 11
    window.show_page("settings").open_catalog_requested.emit(str(tmp_path / "other.db"))
    assert window.ctx.catalog_path == str(tmp_path / "other.db")
    assert window.settings.catalog_path == str(tmp_path / "other.db")
    assert window.current_key() == "overview" and window.pages["overview"].welcome.isVisible()
    assert window.show_page("catalog").datasets.total == 0
    assert "데이터셋 0개" in window.counts_label.text()


def test_window_geometry_and_page_are_remembered(make_window, catalog_copy):
    window = make_window(catalog_copy)
    window.show_page("dictionary")
    window.shutdown()
    again = make_window(catalog_copy)
    assert again.current_key() == "dictionary"
