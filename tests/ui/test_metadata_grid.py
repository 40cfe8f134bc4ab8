"""공개 항목 grid (issue 15): one row per dataset, the 목록 fields as columns, vocabularies as
combo boxes, paste from Excel, fill down, undo, and one undoable batch per save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.metadata import MetadataStore
from ui.date_edit import DateEdit


@pytest.fixture
def grid(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    page = window.show_page("metadata")
    page.tabs.setCurrentWidget(page.grid)  # loads the rows off the GUI thread
    qtbot.waitUntil(lambda: page.grid.loaded and not page.grid.busy(), timeout=40_000)
    return page.grid


def _cell(grid, name: str, key: str):
    model, proxy = grid.model, grid.proxy
    row = next(i for i, r in enumerate(model.rows) if r.name == name)
    return proxy.mapFromSource(model.index(row, model.column_of(key)))


def _entered(path, dataset_id: int) -> dict:
    with Catalog(path) as catalog:
        return MetadataStore(catalog).entered(dataset_id)


def test_rows_fields_and_editors(grid):
    model = grid.model
    assert model.rowCount() >= 5  # every listed dataset is a row
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[0] == "파일" and "업데이트 주기 *" in headers and "목록명 *" in headers
    contacts = _cell(grid, "연락처.csv", "formats")
    assert contacts.data() == "CSV"  # derived: shown …
    assert contacts.data(Qt.ItemDataRole.EditRole) == ""  # … but not entered
    delegate = grid.view.itemDelegate()
    cycle = _cell(grid, "연락처.csv", "update_cycle")
    editor = delegate.createEditor(grid.view.viewport(), QStyleOptionViewItem(), cycle)
    assert isinstance(editor, QComboBox) and editor.findData("연간") >= 0
    date = delegate.createEditor(
        grid.view.viewport(), QStyleOptionViewItem(), _cell(grid, "연락처.csv", "next_update")
    )
    assert isinstance(date, DateEdit)


def test_paste_fill_down_undo_and_one_batch_save(grid, catalog_copy, qtbot):
    start = grid.proxy.index(0, grid.model.column_of("update_cycle"))
    rows = [grid.proxy.mapToSource(grid.proxy.index(start.row() + i, 0)).row() for i in (0, 1)]
    first, second = rows
    ids = [grid.model.rows[r].dataset_id for r in rows]
    # two rows × two columns copied from Excel: 업데이트 주기, 차기 등록 예정일
    grid.view.setCurrentIndex(start)
    QGuiApplication.clipboard().setText("연간\t2030-01-31\r\n월간\t20300228\r\n")
    grid.paste()
    assert grid.model.entered(first, "update_cycle") == "연간"
    assert grid.model.entered(second, "update_cycle") == "월간"
    assert grid.model.entered(first, "next_update") == "2030-01-31"
    assert grid.is_dirty() and grid.save_button.isEnabled()
    # fill down: the top cell's value over the selection
    selection = grid.view.selectionModel()
    selection.clear()
    keyword = grid.model.column_of("keywords")
    grid.model.put({(first, "keywords"): "인구,연락처"})
    for r in rows:
        cell = grid.proxy.mapFromSource(grid.model.index(r, keyword))
        selection.select(cell, selection.SelectionFlag.Select)
    grid.fill_down()
    assert grid.model.entered(second, "keywords") == "인구,연락처"
    # undo the fill, redo it
    grid.stack.undo()
    assert grid.model.entered(second, "keywords") == ""
    grid.stack.redo()
    assert grid.model.entered(second, "keywords") == "인구,연락처"
    # a value outside its vocabulary is kept and shown red, never dropped
    bad = grid.proxy.mapFromSource(grid.model.index(second, grid.model.column_of("cost")))
    grid.model.setData(grid.proxy.mapToSource(bad), "가끔")
    assert "허용되지 않는" in grid.proxy.data(bad, Qt.ItemDataRole.ToolTipRole)

    with Catalog(catalog_copy) as catalog:
        before = catalog.conn.execute(
            "SELECT COUNT(DISTINCT batch_id) FROM disclosure_changes"
        ).fetchone()[0]
    assert grid.save()
    qtbot.waitUntil(lambda: not grid.busy() and not grid.is_dirty(), timeout=20_000)
    with Catalog(catalog_copy) as catalog:
        after = catalog.conn.execute(
            "SELECT COUNT(DISTINCT batch_id) FROM disclosure_changes"
        ).fetchone()[0]
    assert after == before + 1  # one batch for every cell of the save
    assert _entered(catalog_copy, ids[0])["update_cycle"] == "연간"
    assert _entered(catalog_copy, ids[1])["next_update"] == "2030-02-28"  # tidied
    assert _entered(catalog_copy, ids[1])["cost"] == "가끔"
    assert "저장했습니다" in grid.status.text()
    # the whole save undoes as one step
    assert grid.unsave_button.isEnabled()
    grid.undo_save()
    qtbot.waitUntil(lambda: not grid.busy(), timeout=20_000)
    assert "update_cycle" not in _entered(catalog_copy, ids[0])
    assert "cost" not in _entered(catalog_copy, ids[1])


def test_one_pasted_value_fills_the_selection_and_delete_clears(grid):
    cells = [_cell(grid, name, "update_cycle") for name in ("연락처.csv", "시설목록.xlsx")]
    selection = grid.view.selectionModel()
    for cell in cells:
        selection.select(cell, selection.SelectionFlag.Select)
    grid.view.setCurrentIndex(cells[0])
    for cell in cells:
        selection.select(cell, selection.SelectionFlag.Select)
    QGuiApplication.clipboard().setText("분기\n")
    grid.paste()
    assert [grid.proxy.data(c) for c in cells] == ["분기", "분기"]
    grid.clear_cells()
    assert [grid.proxy.data(c, Qt.ItemDataRole.EditRole) for c in cells] == ["", ""]
    assert grid.stack.count() == 2


def test_filters_narrow_the_rows(grid, qtbot):
    total = grid.proxy.rowCount()
    grid.search.setText("연락처")
    assert grid.proxy.rowCount() == 1
    grid.search.clear()
    grid.missing_only.setChecked(True)
    assert 0 < grid.proxy.rowCount() <= total  # nothing is entered yet: every row misses some


def test_a_save_keeps_the_widths_and_the_hidden_form_follows_when_shown(
    make_window, catalog_copy, qtbot, monkeypatch
):
    """A grid save reloads the rows without measuring the columns again, and the form (on the
    other tab) is rebuilt when it is shown, not while the grid is in front (bench_ui: those two
    held the window after every save)."""
    import ui.pages.metadata_grid as grid_module

    fits = []
    real_fit = grid_module.fit_columns
    monkeypatch.setattr(
        grid_module, "fit_columns", lambda *a, **k: (fits.append(1), real_fit(*a, **k))
    )
    window = make_window(catalog_copy)
    page = window.show_page("metadata")
    form = page.form
    qtbot.waitUntil(lambda: form.dataset_id is not None and not form.is_busy(), timeout=15_000)
    shown = form.dataset_id
    assert form.editor("update_cycle").currentText() != "수시"
    loads = []
    real_load = form.load
    monkeypatch.setattr(form, "load", lambda i: (loads.append(i), real_load(i))[1])

    page.tabs.setCurrentWidget(page.grid)
    grid = page.grid
    qtbot.waitUntil(lambda: grid.loaded and not grid.busy(), timeout=40_000)
    assert len(fits) == 1  # the first load sizes the columns
    row = next(i for i, r in enumerate(grid.model.rows) if r.dataset_id == shown)
    grid.model.put({(row, "update_cycle"): "수시"})
    assert grid.save()
    qtbot.waitUntil(lambda: not grid.busy() and not grid.is_dirty(), timeout=20_000)
    assert grid.model.entered(row, "update_cycle") == "수시"  # the reloaded rows hold it
    assert len(fits) == 1  # … and the widths were kept
    assert loads == []  # the hidden form waits

    page.tabs.setCurrentIndex(0)
    assert loads == [shown]
    qtbot.waitUntil(lambda: not form.is_busy(), timeout=15_000)
    assert form.editor("update_cycle").currentText() == "수시"
    page.tabs.setCurrentWidget(grid)
    page.tabs.setCurrentIndex(0)
    assert loads == [shown]  # once per save, not on every visit
