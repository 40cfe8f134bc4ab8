"""현황: 준수율 by department, the yearly trend, openness and personal data, non-standard words;
a click on a bar opens the list behind it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.snapshot import take_snapshot
from catalog_app.matching.jobs import map_catalog


def click_bar(chart, qtbot, index: int) -> None:
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(20, int(chart.bar_center(index))))


def open_overview(make_window, catalog_copy, qtbot):
    with Catalog(catalog_copy) as cat:
        map_catalog(cat)
        take_snapshot(cat, 2024, force=True)
    window = make_window(catalog_copy)
    page = window.show_page("overview")
    qtbot.waitUntil(lambda: page.figures_ready, timeout=20_000)
    return window, page


def test_dashboard_charts_are_filled(make_window, catalog_copy, qtbot):
    window, page = open_overview(make_window, catalog_copy, qtbot)
    departments = dict(page.dept_chart.items())
    assert departments and all(0 <= v <= 100 for v in departments.values())
    assert "전체" in page.rate_title.text()
    years = [label for label, _ in page.trend_chart.items()]
    assert years[0] == "2024년" and years[-1].endswith("(현재)")
    openness = dict(page.openness_chart.items())
    assert openness["개인정보 포함"] >= 1  # 연락처.csv
    assert sum(openness[k] for k in ("공개", "부분공개", "비공개", "미입력")) >= 1
    assert page.words_chart.items()  # the sample headers hold non-standard words


def test_clicking_bars_opens_the_lists(make_window, catalog_copy, qtbot):
    window, page = open_overview(make_window, catalog_copy, qtbot)
    name = page.dept_chart.items()[0][0]
    click_bar(page.dept_chart, qtbot, 0)
    catalog = window.pages["catalog"]
    assert window.current_key() == "catalog"
    assert catalog.department_filter.currentData() == name
    assert 0 < catalog.datasets.total < 11

    window.show_page("overview")
    click_bar(page.status_chart, qtbot, 1)  # 오류
    assert (
        catalog.status_filter.currentData() == "error"
        and catalog.department_filter.currentIndex() == 0
    )
    assert catalog.datasets.total == 6

    window.show_page("overview")
    click_bar(page.words_chart, qtbot, 0)
    assert window.current_key() == "mapping"
    assert window.pages["mapping"].filter_bar.search_box.text() == page.words_chart.items()[0][0]

    window.show_page("overview")
    click_bar(page.trend_chart, qtbot, 0)
    disclosure = window.pages["disclosure"]
    assert window.current_key() == "disclosure" and disclosure.year.value() == 2024
    qtbot.waitUntil(lambda: not disclosure.busy(), timeout=20_000)


def test_split_rates_and_the_nearest_deadline(make_window, catalog_copy, qtbot, tmp_path):
    """현황 shows 단어 · 용어 · 도메인 beside the composite rate (formulas as the tooltip) and the
    nearest registration deadline: with a registered list imported, the unregistered files are 신규
    (15 days from their first scan)."""
    from catalog_app.disclosure.registered import apply_import, preview_import
    from tests.test_disclosure_registered import portal_row, write_list

    path = write_list(tmp_path / "목록.csv", [portal_row("15000001", "등록된 다른 자료")])
    with Catalog(catalog_copy) as cat:
        apply_import(cat, preview_import(cat, path))
    window, page = open_overview(make_window, catalog_copy, qtbot)
    text = page.split_label.text()
    assert text.startswith("단어 ") and " · 용어 " in text and " · 도메인 " in text
    assert "단어 준수 컬럼" in page.split_label.toolTip()
    assert "용어 준수 컬럼" in page.split_label.toolTip()
    from catalog_app.disclosure.overview import overview_figures

    with Catalog(catalog_copy) as cat:
        nearest = overview_figures(cat).nearest
    assert nearest["kind"] == "register_new" and 0 <= nearest["days_left"] <= 15
    deadline = page.figures["deadline"]
    left = nearest["days_left"]
    assert deadline.text() == (f"D-{left}" if left else "오늘까지")
    assert page.deadline_note.text() == nearest["message"] and "신규 등록" in nearest["message"]
    assert "시행령 제15조" in deadline.toolTip()
