"""머리글 행 지정 (issue 15): the dialog shows the first rows of the sheet (read by the core,
personal data masked) and the clerk clicks the header rows."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from ui.header_dialog import HeaderDialog, column_letters


def _table(page, name):
    for r in range(page.datasets.rowCount()):
        if page.datasets.index(r, 0).data() == name:
            page.dataset_view.selectRow(r)
            return page.detail.detail, page.detail.current_table()
    raise AssertionError(name)


def _loader(page, detail, table):
    from catalog_app.scan.preview import table_preview

    def load(done, failed):
        page.ctx.runner.submit(
            lambda cat: table_preview(cat, detail["id"], table["key"]), done, failed
        )

    return load


def test_the_sheet_is_shown_and_rows_are_clicked(make_window, catalog_copy, qtbot):
    page = make_window(catalog_copy).show_page("catalog")
    detail, table = _table(page, "2024 인구현황.csv")
    assert table["header_rows"] == 2  # the scan found a two-row header
    dialog = HeaderDialog(table, _loader(page, detail, table), page)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15_000)
    grid = dialog.grid
    assert grid.rowCount() > table["header_row"] + 2
    assert grid.verticalHeaderItem(0).text() == "1"  # Excel row numbers
    assert grid.horizontalHeaderItem(0).text() == "A"
    first = table["header_row"]
    assert dialog.header_rows_shown() == [first, first + 1]  # the current band is tinted
    # click one row: a one-row header there
    grid.selectRow(first + 1)
    assert dialog.result_value() == (first + 2, 1)
    assert dialog.header_rows_shown() == [first + 1]
    # shift-click (a contiguous band of rows): two rows from the first
    grid.selectRow(first)
    selection = grid.selectionModel()
    selection.select(
        grid.model().index(first + 1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dialog.result_value() == (first + 1, 2)
    # the spin boxes move the tint too
    dialog.count.setValue(1)
    assert dialog.header_rows_shown() == [first]
    dialog.auto.setEnabled(True)
    dialog.auto.setChecked(True)
    assert dialog.result_value() is False


def test_personal_data_is_masked_in_the_preview(make_window, catalog_copy, qtbot):
    page = make_window(catalog_copy).show_page("catalog")
    detail, table = _table(page, "연락처.csv")
    dialog = HeaderDialog(table, _loader(page, detail, table), page)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15_000)
    cells = [
        dialog.grid.item(r, c).text()
        for r in range(1, dialog.grid.rowCount())
        for c in range(dialog.grid.columnCount())
    ]
    assert "850315-1123457" not in cells and "010-0000-1234" not in cells
    assert (
        dialog.grid.item(1, 3).foreground().color() != dialog.grid.item(0, 3).foreground().color()
    )
    assert "가렸습니다" in dialog.state.text()


def test_a_file_that_cannot_be_read_still_allows_row_numbers(make_window, catalog_copy, qtbot):
    page = make_window(catalog_copy).show_page("catalog")
    table = {"sheet": "데이터", "key": "데이터", "header_row": 2, "header_rows": 1}

    def load(done, failed):
        from catalog_app.scan.errors import ScanFailure

        failed(ScanFailure("not_found", "없음"))

    dialog = HeaderDialog(table, load, page)
    qtbot.addWidget(dialog)
    assert "읽지 못했습니다" in dialog.state.text()
    assert dialog.result_value() == (3, 1)
    assert column_letters(0) == "A" and column_letters(27) == "AB"
    assert dialog.grid.rowCount() == 0  # nothing to show, the numbers still work
