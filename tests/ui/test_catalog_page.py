"""Catalog page: SQL paging and filters, search as you type (2-character Korean), details and
a header override that re-reads one file on the task runner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from ui import dialogs


def type_text(widget, text: str, qtbot) -> None:
    """Type like an IME commits Hangul: one key event per syllable (QTest.keyClicks only takes
    ASCII; it asserts on anything else)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)
        qtbot.wait(20)  # faster than the 150 ms debounce, like a clerk typing


def _labels(model, column=1):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_two_character_korean_search_finds_a_column(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    window.focus_search()  # Ctrl+F: the catalog page's search box
    page = window.pages["catalog"]
    assert page.search_box.hasFocus() or window.current_key() == "catalog"

    type_text(page.search_box, "세대", qtbot)
    assert page.search_box.text() == "세대"
    qtbot.waitUntil(lambda: page.hits.rowCount() > 0, timeout=15_000)
    hits = page.hits.rows()
    column = next(h for h in hits if h["kind"] == "column")
    assert column["label"] == "세대수" and column["dataset"] == "2024 인구현황.csv"
    assert page.hits.index(hits.index(column), 0).data() == "컬럼"

    page.hit_view.selectRow(hits.index(column))
    assert page.detail.detail["name"] == "2024 인구현황.csv"
    current = page.detail.column_view.currentIndex()
    assert page.detail.columns.row(current.row())["label"] == "세대수"

    page.search_box.clear()
    qtbot.waitUntil(lambda: page.left.currentWidget() is page.dataset_view, timeout=15_000)


def test_filters_and_sorting_run_in_sql(make_window, catalog_copy):
    page = make_window(catalog_copy).show_page("catalog")
    assert page.datasets.total == 11
    page.status_filter.setCurrentIndex(page.status_filter.findData("error"))
    assert page.datasets.total == 6
    assert set(_labels(page.datasets, 3)) == {"오류"}
    page.status_filter.setCurrentIndex(0)
    page.pii_filter.setChecked(True)
    assert _labels(page.datasets, 0) == ["연락처.csv"]
    page.pii_filter.setChecked(False)
    page.dataset_view.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # 행 (row count)
    assert _labels(page.datasets, 0)[0] == "시설목록.xlsx"


def test_detail_shows_masked_pii_samples(make_window, catalog_copy):
    page = make_window(catalog_copy).show_page("catalog")
    page.dataset_view.selectRow(page.datasets.row_of(_id(page, "연락처.csv")))
    columns = {c["label"]: c for c in page.detail.columns.rows()}
    assert columns["주민등록번호"]["pii"]["kind"] == "rrn"
    row = list(columns).index("주민등록번호")
    assert page.detail.columns.index(row, 3).data() == "주민등록번호 · 개인정보"
    assert "주민등록번호 형식" in page.detail.columns.index(row, 4).data()  # the reason
    assert "******" in page.detail.columns.index(row, 9).data()


def _id(page, name):
    for r in range(page.datasets.rowCount()):
        if page.datasets.index(r, 0).data() == name:
            return page.datasets.dataset_id(r)
    raise AssertionError(name)


def test_header_override_rescans_the_file(make_window, catalog_copy, qtbot, monkeypatch):
    page = make_window(catalog_copy).show_page("catalog")
    page.dataset_view.selectRow(page.datasets.row_of(_id(page, "2024 인구현황.csv")))
    table = page.detail.current_table()
    assert table["header_source"] == "auto" and table["header_rows"] == 2
    monkeypatch.setattr(dialogs, "ask_header", lambda p, t, load=None: (t["header_row"] + 1, 1))
    qtbot.mouseClick(page.detail.header_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (page.detail.current_table() or {}).get("header_source") == "override",
        timeout=10_000,
    )
    table = page.detail.current_table()
    assert table["header_rows"] == 1
    assert "직접 지정" in page.detail.tables.index(0, 1).data()
    # the re-read table got its suggestions in the same job: nothing is left without one
    from catalog_app.matching.jobs import mapping_trust

    assert mapping_trust(page.ctx.catalog.conn).unsuggested == 0


def test_check_filters_noncompliant_and_missing_metadata(make_window, catalog_copy):
    from catalog_app.catalog.store import Catalog
    from catalog_app.disclosure.metadata import MetadataStore
    from catalog_app.matching.jobs import map_catalog

    with Catalog(catalog_copy) as cat:
        map_catalog(cat)
        ds = cat.conn.execute("SELECT id FROM datasets WHERE name = '연락처.csv'").fetchone()[0]
        MetadataStore(cat).set_fields(
            ds,
            {"분류체계": "공공행정", "업데이트 주기": "연간", "차기 등록 예정일": "2099-01-01",
             "키워드": "연락처", "설명": "부서 연락처"},
        )  # fmt: skip
        expected = cat.conn.execute(
            """SELECT COUNT(DISTINCT c.dataset_id) FROM column_match m
               JOIN columns c ON c.id = m.column_id WHERE m.compliant = 0"""
        ).fetchone()[0]
    page = make_window(catalog_copy).show_page("catalog")
    combo = page.check_filter
    combo.setCurrentIndex(combo.findData("noncompliant"))
    assert 0 < page.datasets.total == expected
    combo.setCurrentIndex(combo.findData("missing_metadata"))
    assert page.datasets.total == 10  # every file but the described 연락처.csv
    assert "연락처.csv" not in _labels(page.datasets, 0)
    page.show_filtered(status="error")
    assert combo.currentIndex() == 0 and page.datasets.total == 6
