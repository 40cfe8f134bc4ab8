"""The 공개 항목 form of one dataset (issue 6), on its own page since issue 15: derived values as
placeholders (never saved as entered), vocabularies as combo boxes, save / undo through the task
runner and problems shown next to their field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui.pages import metadata_form
from ui.pages.metadata_form import COL_CHECK, COL_LABEL, COL_SCAN

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "ui"


def _id(page, name):
    for r in range(page.datasets.rowCount()):
        if page.datasets.index(r, 0).data() == name:
            return page.datasets.dataset_id(r)
    raise AssertionError(name)


def _entered(catalog_path, dataset_id):
    from catalog_app.catalog.store import Catalog
    from catalog_app.disclosure.metadata import MetadataStore

    with Catalog(catalog_path) as catalog:
        store = MetadataStore(catalog)
        names = {
            r["id"]: (r["table_key"], r["label"])
            for r in catalog.conn.execute("SELECT id, table_key, label FROM column_keys")
        }
        columns = {names[k]: v for k, v in store.entered_columns(dataset_id).items()}
        return store.entered(dataset_id), columns


def _changes(form):
    """The form's changes with columns named by (table key, label), without their ids."""
    dataset, columns = form.changes()
    return dataset, {ref[:2]: values for ref, values in columns.items()}


def _idle(form):
    return not form.is_busy()


@pytest.fixture
def catalog_page(make_window, catalog_copy):
    """The 공개 항목 page (the form used to live in the catalog page's detail pane)."""
    window = make_window(catalog_copy)
    window.activateWindow()
    return window.show_page("metadata")


def _open_form(page, name, qtbot):
    """Select a dataset in the page's list and wait for its form to load."""
    dataset_id = _id(page, name)
    page.dataset_view.selectRow(page.datasets.row_of(dataset_id))
    form = page.form
    qtbot.waitUntil(
        lambda: form.dataset_id == dataset_id and form._loaded_id == dataset_id and _idle(form),
        timeout=15_000,
    )
    return form, dataset_id


def test_the_form_has_the_page_and_follows_the_list(catalog_page, qtbot):
    page = catalog_page
    window = page.window()
    window.resize(1280, 720)
    qtbot.wait(20)
    form = page.form
    first = page.datasets.dataset_id(0)
    qtbot.waitUntil(lambda: form._loaded_id == first and _idle(form), timeout=15_000)
    # full height: the form is most of the page, not the lower half of another page
    assert form.height() > 0.75 * page.tabs.height()
    shown = sum(
        1
        for row in form.dataset_fields._rows.values()
        if row.container.visibleRegion().boundingRect().height() > 0
    )
    assert shown >= 12  # about 8 fields were visible in the catalog page's lower half
    # a search narrows the list and the form follows it
    page.search_box.setText("연락처")
    qtbot.waitUntil(lambda: page.datasets.total == 1, timeout=5000)
    target = _id(page, "연락처.csv")
    qtbot.waitUntil(lambda: form.dataset_id == target, timeout=15_000)


@pytest.mark.slow
def test_save_enters_only_the_changed_values_and_undo_removes_them(
    catalog_page, catalog_copy, qtbot
):
    form, dataset_id = _open_form(catalog_page, "2024 인구현황.csv", qtbot)

    # Derived values are placeholders, not values: saving must not freeze them.
    formats = form.editor("formats")
    assert formats.text() == "" and formats.placeholderText() == "스캔: CSV"
    openness = form.editor("openness")
    assert openness.currentIndex() == 0 and openness.currentText() == "(자동: 공개)"
    assert form.editor("cost").currentText() == "(자동: 무료)"
    assert form.editor("next_update").placeholderText() == "YYYY-MM-DD"
    assert "필수 항목이 비어 있습니다" in form.problem_text("update_cycle")
    assert form.editor("update_cycle").currentText() == ""
    assert form.summary.text().count("차단") == 1
    assert not form.save_button.isEnabled() and not form.undo_button.isEnabled()

    cycle = form.editor("update_cycle")
    cycle.setCurrentIndex(cycle.findData("연간"))
    keywords = form.editor("keywords")
    keywords.setText("인구, 세대")
    assert form.is_dirty() and form.dirty_marker.isVisible()
    assert _changes(form) == ({"update_cycle": "연간", "keywords": "인구, 세대"}, {})

    keywords.setFocus()
    qtbot.waitUntil(keywords.hasFocus, timeout=15_000)
    qtbot.keyClick(keywords, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    qtbot.waitUntil(lambda: form.undo_count() == 1 and _idle(form), timeout=15_000)

    entered, columns = _entered(catalog_copy, dataset_id)
    assert entered == {"update_cycle": "연간", "keywords": "인구, 세대"} and columns == {}
    assert not form.is_dirty() and not form.dirty_marker.isVisible()
    assert form.problem_text("update_cycle") == ""  # the in-place problem is gone
    assert cycle.currentData() == "연간" and keywords.text() == "인구, 세대"
    assert formats.placeholderText() == "스캔: CSV" and formats.text() == ""
    assert form.undo_button.isEnabled()

    with qtbot.waitSignal(form.saved, timeout=15_000):
        qtbot.mouseClick(form.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _idle(form) and form.editor("keywords").text() == "", timeout=15_000)
    assert _entered(catalog_copy, dataset_id) == ({}, {})
    assert "필수 항목이 비어 있습니다" in form.problem_text("update_cycle")
    assert not form.undo_button.isEnabled()


def test_undo_first_drops_unsaved_edits(catalog_page, catalog_copy, qtbot):
    form, dataset_id = _open_form(catalog_page, "2024 인구현황.csv", qtbot)
    form.editor("description").setPlainText("읍면동별 인구와 세대수")
    assert form.is_dirty() and form.undo_button.isEnabled()
    form.undo()
    assert not form.is_dirty() and form.editor("description").toPlainText() == ""
    assert _entered(catalog_copy, dataset_id) == ({}, {})


def test_personal_columns_are_proposed_closed_and_problems_show_in_place(
    catalog_page, catalog_copy, qtbot
):
    form, dataset_id = _open_form(catalog_page, "연락처.csv", qtbot)
    assert form.editor("openness").currentText() == "(자동: 비공개)"
    assert form.editor("reason").currentText() == "(자동: 9-6 개인정보(사생활))"
    assert form.editor("pii").currentText() == "(자동: Y)"

    table = form.column_table
    labels = [table.item(r, COL_LABEL).text() for r in range(table.rowCount())]
    assert labels == ["성명", "휴대전화", "이메일", "주민등록번호"]
    r = labels.index("주민등록번호")
    assert table.item(r, COL_SCAN).text() == "주민등록번호"
    for label in labels:
        assert form.column_combo(label, "openness").currentText() == "(자동: 비공개)"
        assert form.column_combo(label, "reason").currentText() == "(자동: 9-6 개인정보(사생활))"
        assert form.column_combo(label, "pii").currentText() == "(자동: Y)"
        assert form.column_combo(label, "openness").currentIndex() == 0

    # 부분공개 for the dataset and 성명 open: the column is flagged in its row after the save.
    dataset_openness = form.editor("openness")
    dataset_openness.setCurrentIndex(dataset_openness.findData("부분공개"))
    name_openness = form.column_combo("성명", "openness")
    name_openness.setCurrentIndex(name_openness.findData("공개"))
    assert _changes(form) == ({"openness": "부분공개"}, {("#0", "성명"): {"openness": "공개"}})
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.undo_count() == 1 and _idle(form), timeout=15_000)

    entered, columns = _entered(catalog_copy, dataset_id)
    assert entered == {"openness": "부분공개"}
    assert columns == {("#0", "성명"): {"openness": "공개"}}
    row = labels.index("성명")
    marker = table.item(row, COL_CHECK)
    assert "차단" in marker.text() and "개인정보" in marker.toolTip()
    assert table.item(labels.index("이메일"), COL_CHECK).text() == ""
    # an entered openness drops the proposed reason: the dataset now needs one
    assert "비공개사유가 없습니다" in form.problem_text("reason")
    assert form.column_combo("성명", "openness").currentData() == "공개"


@pytest.mark.slow
def test_show_metadata_focuses_a_field_or_a_column(catalog_page, qtbot):
    page = catalog_page
    form = page.form
    dataset_id = _id(page, "2024 인구현황.csv")
    assert page.show_metadata(dataset_id, "keywords")
    qtbot.waitUntil(lambda: form.editor("keywords").hasFocus(), timeout=15_000)
    assert page.datasets.dataset_id(page.dataset_view.currentIndex().row()) == dataset_id

    pii_id = _id(page, "연락처.csv")
    assert page.show_metadata(pii_id, "openness", "주민등록번호")
    qtbot.waitUntil(lambda: form.dataset_id == pii_id and _idle(form), timeout=15_000)
    combo = form.column_combo("주민등록번호", "openness")
    qtbot.waitUntil(combo.hasFocus, timeout=5000)
    table = form.column_table
    assert table.item(table.currentRow(), COL_LABEL).text() == "주민등록번호"

    # a dataset the filtered list does not hold: the filter is cleared to show it
    page.search_box.setText("연락처")
    qtbot.waitUntil(lambda: page.datasets.row_of(dataset_id) == -1, timeout=5000)
    assert page.show_metadata(dataset_id, "update_cycle")
    assert page.datasets.row_of(dataset_id) >= 0 and page.search_box.text() == ""
    qtbot.waitUntil(lambda: form.editor("update_cycle").hasFocus(), timeout=15_000)
    assert form.dataset_id == dataset_id


def test_switching_dataset_with_unsaved_changes_asks(
    catalog_page, catalog_copy, qtbot, monkeypatch
):
    page = catalog_page
    form, dataset_id = _open_form(page, "2024 인구현황.csv", qtbot)
    form.editor("keywords").setText("인구")
    other = _id(page, "연락처.csv")

    answers = ["cancel"]
    monkeypatch.setattr(metadata_form, "ask_unsaved", lambda parent: answers.pop(0))
    page.dataset_view.selectRow(page.datasets.row_of(other))
    assert answers == []
    assert form.dataset_id == dataset_id and form.is_dirty()  # stayed, edits kept
    assert page.datasets.dataset_id(page.dataset_view.currentIndex().row()) == dataset_id

    answers.append("save")
    with qtbot.waitSignal(form.loaded, timeout=15_000):
        page.dataset_view.selectRow(page.datasets.row_of(other))
    assert answers == [] and form.dataset_id == other
    qtbot.waitUntil(lambda: _idle(form), timeout=15_000)
    assert _entered(catalog_copy, dataset_id)[0] == {"keywords": "인구"}
    assert _entered(catalog_copy, other) == ({}, {})


def test_form_screenshot(catalog_page, qtbot):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = catalog_page
    window = page.window()
    window.resize(1400, 1000)
    form, _ = _open_form(page, "연락처.csv", qtbot)
    category = form.editor("category")
    category.setEditText("교통물류 - 도로")
    form.editor("next_update").setText("2020-01-01")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.undo_count() == 1 and _idle(form), timeout=15_000)
    assert "예정일이 지났습니다" in form.problem_text("next_update")
    qtbot.wait(50)
    image = window.grab().toImage()
    assert image.save(str(ARTIFACTS / "metadata_form.png"))
    assert image.width() >= 900 and image.height() >= 600
    # the column section, reached the way a problem on the 공개목록 page reaches it
    form.focus_field("openness", "주민등록번호")
    combo = form.column_combo("주민등록번호", "openness")
    qtbot.waitUntil(combo.hasFocus, timeout=5000)
    qtbot.wait(50)
    assert window.grab().toImage().save(str(ARTIFACTS / "metadata_form_columns.png"))


def test_a_wide_file_gets_its_combo_boxes_a_chunk_at_a_time(
    make_window, catalog_copy, tmp_path, qtbot
):
    """Hundreds of columns: the table's combo boxes are built over several event-loop turns
    (each turn stays short), and the form only counts as loaded when all are there."""
    from catalog_app.catalog.store import Catalog
    from catalog_app.scan.scanner import scan

    folder = tmp_path / "wide"
    folder.mkdir()
    n = metadata_form._COMBO_ROWS_PER_TURN * 2 + 5
    header = ",".join(f"항목{i}" for i in range(n))
    row = ",".join(str(i) for i in range(n))
    (folder / "넓은표.csv").write_text(f"{header}\n{row}\n{row}\n", encoding="utf-8")
    with Catalog(catalog_copy) as catalog:
        scan(catalog, [str(folder)])
    window = make_window(catalog_copy)
    page = window.show_page("metadata")
    form = page.form
    turns = []
    original = form._add_combos
    form._add_combos = lambda serial, first: (turns.append(first), original(serial, first))
    form, _ = _open_form(page, "넓은표.csv", qtbot)
    assert turns == [0, metadata_form._COMBO_ROWS_PER_TURN, metadata_form._COMBO_ROWS_PER_TURN * 2]
    assert form.column_table.rowCount() == n
    last = form.column_combo(f"항목{n - 1}", "openness")
    assert last.currentText() == "(데이터셋 따름: 공개)"
    assert form.column_combo("항목0", "pii").currentText() == "(자동: N)"
    last.setCurrentIndex(last.findData("비공개"))
    assert _changes(form) == ({}, {("#0", f"항목{n - 1}"): {"openness": "비공개"}})


def test_column_detail_and_description_are_typed_in_the_table(catalog_page, catalog_copy, qtbot):
    from ui.pages.metadata_columns import COL_DESC, COL_DETAIL

    form, dataset_id = _open_form(catalog_page, "연락처.csv", qtbot)
    table = form.column_table
    labels = [table.item(r, COL_LABEL).text() for r in range(table.rowCount())]
    r = labels.index("주민등록번호")
    assert not (table.item(r, COL_LABEL).flags() & Qt.ItemFlag.ItemIsEditable)
    assert table.item(r, COL_DESC).flags() & Qt.ItemFlag.ItemIsEditable
    assert not form.is_dirty()
    table.item(r, COL_DESC).setText("수급자 확인용")
    table.item(r, COL_DETAIL).setText("개인정보 보호법 제24조")
    assert form.is_dirty()
    assert _changes(form)[1] == {
        ("#0", "주민등록번호"): {
            "description": "수급자 확인용",
            "reason_detail": "개인정보 보호법 제24조",
        }
    }
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.undo_count() == 1 and _idle(form), timeout=15_000)
    _entered_values, columns = _entered(catalog_copy, dataset_id)
    assert columns == {
        ("#0", "주민등록번호"): {
            "description": "수급자 확인용",
            "reason_detail": "개인정보 보호법 제24조",
        }
    }
    r = [table.item(i, COL_LABEL).text() for i in range(table.rowCount())].index("주민등록번호")
    assert table.item(r, COL_DESC).text() == "수급자 확인용"  # reloaded from the catalog


def test_issue12_fields_on_the_form(catalog_page, catalog_copy, qtbot):
    """The new dataset fields (기준일자, 시간범위 기준 컬럼, 정보시스템명, DB 테이블명, 매체유형 and
    제공형태 as vocabularies with their defaults) and the column 영문명 / 단위 / 코드 cells are
    edited and saved like the others."""
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from catalog_app.disclosure import vocab
    from ui.pages.metadata_columns import COL_CODE, COL_ENGLISH, COL_UNIT

    form, dataset_id = _open_form(catalog_page, "연락처.csv", qtbot)
    category = form.editor("category")  # the catalog's 분류체계 table, today's labels
    offered = [category.itemText(i) for i in range(category.count())]
    assert "교통물류 - 도로" in offered and "공공행정" in offered
    assert "일반공공행정 - 일반행정" not in offered  # older labels are accepted, not offered
    media = form.editor("media_type")
    assert isinstance(media, QComboBox) and media.itemText(0) == "(자동: 텍스트)"
    assert media.findData("기타") > 0
    delivery = form.editor("delivery")
    assert delivery.itemText(0) == f"(자동: {vocab.DEFAULT_DELIVERY})"
    for key in ("reference_date", "temporal_column", "info_system", "db_table"):
        assert isinstance(form.editor(key), QLineEdit), key
    assert form.editor("file_data_name").placeholderText().startswith("스캔: ")
    form.editor("info_system").setText("민원관리시스템")
    form.editor("db_table").setText("TB_CNTCT")
    media.setCurrentIndex(media.findData("기타"))
    table = form.column_table
    labels = [table.item(r, COL_LABEL).text() for r in range(table.rowCount())]
    r = labels.index("이메일")
    for col, text in ((COL_ENGLISH, "EML_ADDR"), (COL_UNIT, "건"), (COL_CODE, "없음")):
        assert table.item(r, col).flags() & Qt.ItemFlag.ItemIsEditable
        table.item(r, col).setText(text)
    assert _changes(form) == (
        {"info_system": "민원관리시스템", "db_table": "TB_CNTCT", "media_type": "기타"},
        {("#0", "이메일"): {"english_name": "EML_ADDR", "unit": "건", "code": "없음"}},
    )
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.undo_count() == 1 and _idle(form), timeout=15_000)
    entered, columns = _entered(catalog_copy, dataset_id)
    assert entered == {
        "info_system": "민원관리시스템",
        "db_table": "TB_CNTCT",
        "media_type": "기타",
    }
    assert columns == {("#0", "이메일"): {"english_name": "EML_ADDR", "unit": "건", "code": "없음"}}
    # an unregistered 정보시스템 warns under its field (V26)
    qtbot.waitUntil(
        lambda: "등록되지 않은 정보시스템" in form.problem_text("info_system"), timeout=15_000
    )
