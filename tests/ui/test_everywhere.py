"""The window at 1280×720 and the small things that made clerks give up (issue 15): 현황 fits or
scrolls, names and paths get the column width (remembered per table), the detail pane follows
the list, busy texts end with the job, buttons wait for a scan, no focus jump, dates through a
calendar, and after a scan the page says what comes next."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QLineEdit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEPARTMENTS = ("총무과", "복지정책과", "교통행정과", "문화관광과", "환경과")


@pytest.fixture(scope="module")
def five_departments(tmp_path_factory) -> Path:
    """The sample files spread over five department folders (as the issue's test setup)."""
    from catalog_app.catalog.store import Catalog
    from catalog_app.dictionary.store import DictionaryStore
    from catalog_app.scan.scanner import scan

    root = tmp_path_factory.mktemp("depts")
    files = sorted(p for p in (FIXTURES / "sample").rglob("*") if p.is_file())
    for i, department in enumerate(DEPARTMENTS):
        folder = root / "data" / department
        folder.mkdir(parents=True)
        for path in files[i % len(files) :: 2] or files[:1]:
            shutil.copy(path, folder / path.name)
    path = root / "catalog.db"
    with Catalog(path) as catalog:
        DictionaryStore(catalog).ensure_shipped()
        scan(catalog, [str(root / "data")])
    return path


def test_overview_at_1280x720_shows_every_department_bar(
    make_window, five_departments, tmp_path, qtbot
):
    catalog = tmp_path / "c.db"
    shutil.copy(five_departments, catalog)
    window = make_window(catalog)
    window.resize(1280, 720)
    page = window.show_page("overview")
    qtbot.waitUntil(lambda: page.figures_ready, timeout=30_000)
    qtbot.wait(50)
    names = [label for label, _ in page.dept_chart.items()]
    assert sorted(names) == sorted(DEPARTMENTS)
    for chart in (page.dept_chart, page.trend_chart, page.openness_chart, page.words_chart,
                  page.status_chart, page.pii_chart):  # fmt: skip
        assert chart.height() >= chart.sizeHint().height()  # never squeezed
        assert chart.bars_visible() == len(chart.items())
    bar = page.scroll.verticalScrollBar()
    content, viewport = page.content.height(), page.scroll.viewport().height()
    assert content <= viewport or bar.maximum() > 0  # fits, or scrolls to the rest
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    assert page.error_view.visibleRegion().boundingRect().height() > 0  # the bottom is reachable


def test_names_get_the_room_and_widths_are_remembered(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    window.resize(1280, 720)
    page = window.show_page("catalog")
    qtbot.wait(20)
    header = page.dataset_view.horizontalHeader()
    last = header.count() - 1
    assert not header.stretchLastSection()
    assert header.sectionSize(0) > header.sectionSize(last)  # 파일 이름, not 스캔 시각
    header.resizeSection(1, 333)  # the clerk widens 폴더
    page.dataset_view.width_keeper.save()
    window.shutdown()
    again = make_window(catalog_copy).show_page("catalog")
    assert again.dataset_view.horizontalHeader().sectionSize(1) == 333


def test_the_detail_follows_the_list(make_window, catalog_copy, qtbot):
    page = make_window(catalog_copy).show_page("catalog")
    rows = {
        page.datasets.index(r, 0).data(): page.datasets.dataset_id(r)
        for r in range(page.datasets.rowCount())
    }
    page.dataset_view.selectRow(page.datasets.row_of(rows["연락처.csv"]))
    assert page.detail.detail["name"] == "연락처.csv"
    # a filter that leaves 연락처.csv out: the pane shows a listed dataset, not the old one
    page.status_filter.setCurrentIndex(page.status_filter.findData("error"))
    shown = page.detail.detail
    assert shown is not None and shown["status"] == "error"
    assert page.datasets.row_of(shown["id"]) == page.dataset_view.currentIndex().row()
    # a search: the pane follows the first hit
    page.search_box.setText("시설")
    page.run_search()
    hit = page.hits.row(page.hit_view.currentIndex().row())
    assert hit is not None and page.detail.detail["id"] == hit["dataset_id"]
    # a search that finds nothing empties the pane
    page.search_box.setText("없는말없는말")
    page.run_search()
    assert page.detail.detail is None
    # a drill-down from 현황 (status 'ok'): a listed ok dataset
    page.show_filtered(status="ok")
    assert page.detail.detail["status"] == "ok"


def test_busy_texts_end_with_the_job(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    page.compare()
    assert "비교하는 중" in page.status.text()
    qtbot.waitUntil(lambda: not page.busy(), timeout=30_000)
    assert "비교하는 중" not in page.status.text()
    assert "중…" not in page.problem_summary.text()


def test_buttons_wait_for_a_scan(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    catalog = window.show_page("catalog")
    catalog.show_filtered(status="ok")  # a readable file: its header rows can be set
    disclosure = window.show_page("disclosure")
    dictionary = window.show_page("dictionary")
    mapping = window.show_page("mapping")
    gated = [
        catalog.detail.header_button,
        disclosure.validate_button,
        disclosure.snapshot_button,
        disclosure.export_button,
        disclosure.diff_button,
        dictionary.import_button,
        mapping.map_button,
    ]
    actions = [window.rescan_action, window.open_action, window.restore_action]
    assert [w for w in gated if not w.isEnabled()] == []
    assert all(a.isEnabled() for a in actions)
    window.ctx.set_scanning(True)
    assert not any(w.isEnabled() for w in gated)
    assert not any(a.isEnabled() for a in actions)
    window.ctx.set_scanning(False)
    assert all(w.isEnabled() for w in gated) and all(a.isEnabled() for a in actions)


def test_no_focus_jump_into_a_text_field_when_a_job_ends(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    page = window.show_page("disclosure")
    page.institution_toggle.setChecked(True)
    page.institution.editors["name"].setText("서울특별시 종로구")
    page.validate_button.setFocus()
    seen = []
    page.validate()
    while page.busy():
        seen.append(QApplication.focusWidget())
        qtbot.wait(10)
    qtbot.wait(20)
    assert not any(isinstance(w, QLineEdit) for w in seen)  # never parked in a text field
    assert QApplication.focusWidget() is page.validate_button  # given back after the job
    assert all(not e.hasSelectedText() for e in page.findChildren(QLineEdit))


def test_dates_are_picked_from_a_calendar(make_window, catalog_copy, qtbot):
    from ui.date_edit import DateEdit

    page = make_window(catalog_copy).show_page("metadata")
    form = page.form
    qtbot.waitUntil(lambda: form._loaded_id is not None and not form.is_busy(), timeout=20_000)
    field = form.editor("next_update")
    assert isinstance(field, DateEdit)
    field.calendar_action.trigger()  # the calendar button at the field's right end
    assert field.popup.isVisible()
    field.calendar.clicked.emit(QDate(2027, 3, 31))
    assert field.text() == "2027-03-31" and not field.popup.isVisible()
    assert form.is_dirty()
    field.setText("20270401")
    field.editingFinished.emit()
    assert field.text() == "2027-04-01"


def test_after_a_scan_the_page_says_what_comes_next(make_window, tmp_path, qtbot, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "sample", data)
    window = make_window(tmp_path / "new.db")
    page = window.show_page("scan")
    page.add_folders([str(data)])
    assert not page.next_panel.isVisible()
    assert page.start_scan()
    qtbot.waitUntil(lambda: page.last_status == "done", timeout=60_000)
    assert page.next_panel.isVisible()
    assert "다음 단계" in page.next_text.text()
    page.next_review_button.click()
    assert window.current_key() == "mapping"
    mapping = window.pages["mapping"]
    assert mapping.model.total > 0 and not mapping.empty_hint.isVisible()


def test_an_empty_mapping_table_says_what_to_do(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "empty.db")
    mapping = window.show_page("mapping")
    assert mapping.empty_hint.isVisible()
    assert "스캔" in mapping.empty_hint.text()
    mapping.filter_bar.search_box.setText("아무것도")
    qtbot.waitUntil(lambda: mapping.model.filters.text == "아무것도", timeout=2000)
    assert "필터" in mapping.empty_hint.text()


def test_saving_the_form_keeps_the_focus_in_the_field(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    page = window.show_page("metadata")
    page.search_box.setText("인구")  # a text field the focus could jump into
    form = page.form
    qtbot.waitUntil(lambda: form._loaded_id is not None and not form.is_busy(), timeout=20_000)
    field = form.editor("keywords")
    field.setFocus()
    field.setText("인구,세대")
    seen = []
    assert form.save()
    while form.is_busy():
        seen.append(QApplication.focusWidget())
        qtbot.wait(10)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.editor("keywords"), timeout=5000)
    assert page.search_box not in seen  # never thrown into the search box …
    assert not page.search_box.hasSelectedText()  # … with its text selected
