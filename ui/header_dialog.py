"""머리글 행 지정: the first rows of the sheet as the reader sees them, and the clerk clicks the
header rows (issue 15) instead of typing row numbers blind.

The rows come from the core (``scan.preview.table_preview``: only the top of the file, personal
data masked) through a loader the page gives (the task runner), so the dialog opens at once and
fills in when the rows arrive. Clicking a row makes it the first header row; shift-click or a
drag makes the band; the spin boxes follow the selection and the selection follows them. The
header band is tinted, the first data row below it marked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

HEADER_BRUSH = QBrush(QColor("#dbe8f7"))
DATA_BRUSH = QBrush(QColor("#eef6ea"))
MASKED_COLOR = QColor("#8a4b00")


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (Excel's column names)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


class HeaderDialog(QDialog):
    """Choose the header rows of one table; :meth:`result_value` after ``exec``."""

    def __init__(
        self,
        table: dict,
        load: Callable[[Callable, Callable], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.table = table
        self.preview = None
        self.finished_ = False  # closed: a late preview only deletes the dialog
        self._syncing = False
        self.setWindowTitle(self.tr("머리글 행 지정"))
        layout = QVBoxLayout(self)
        sheet = table.get("sheet") or self.tr("(표)")
        intro = QLabel(
            self.tr(
                "'{sheet}'의 앞부분입니다. 머리글인 행을 누르세요 (여러 줄이면 Shift를 누른 채 "
                "마지막 줄을 누르거나 끌어서 고릅니다). 지정한 값은 다시 스캔해도 유지됩니다."
            ).format(sheet=sheet)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.state = QLabel(self.tr("시트의 앞부분을 읽는 중…"))
        self.state.setObjectName("muted")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.grid = QTableWidget(0, 0)
        self.grid.setObjectName("headerPreview")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.grid.setWordWrap(False)
        self.grid.itemSelectionChanged.connect(self._rows_clicked)
        layout.addWidget(self.grid, 1)

        row = QHBoxLayout()
        form = QFormLayout()
        self.first = QSpinBox()
        self.first.setRange(1, 1_000_000)
        self.first.setValue((table.get("header_row") or 0) + 1)
        self.count = QSpinBox()
        self.count.setRange(0, 12)
        count = table.get("header_rows")
        self.count.setValue(count if count is not None else 1)
        self.count.setSpecialValueText(self.tr("머리글 없음"))
        form.addRow(self.tr("머리글 시작 행"), self.first)
        form.addRow(self.tr("머리글 줄 수"), self.count)
        row.addLayout(form)
        row.addStretch(1)
        layout.addLayout(row)
        self.first.valueChanged.connect(self._spins_changed)
        self.count.valueChanged.connect(self._spins_changed)
        self.auto = QCheckBox(self.tr("직접 지정을 지우고 자동 감지로 되돌리기"))
        self.auto.setEnabled(table.get("header_source") == "override")
        self.auto.toggled.connect(self._auto_toggled)
        layout.addWidget(self.auto)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 560)
        if load is not None:
            load(self.show_preview, self.show_error)

    # ------------------------------------------------------------------ rows
    def show_preview(self, preview) -> None:
        """Fill the grid with a ``scan.preview.TablePreview``."""
        if self.finished_:
            self.deleteLater()
            return
        self.preview = preview
        rows = preview.rows
        width = max((len(r) for r in rows), default=0)
        self.grid.clear()
        self.grid.setRowCount(len(rows))
        self.grid.setColumnCount(width)
        self.grid.setHorizontalHeaderLabels(
            [column_letters(preview.first_col + j) for j in range(width)]
        )
        self.grid.setVerticalHeaderLabels(
            [str(preview.first_row + i + 1) for i in range(len(rows))]
        )
        body = 0
        if preview.header_row is not None:
            body = preview.header_row + preview.header_rows - preview.first_row
        for i, cells in enumerate(rows):
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j in preview.masked and i >= body:
                    item.setForeground(MASKED_COLOR)
                    item.setToolTip(self.tr("개인정보로 보여 가렸습니다"))
                self.grid.setItem(i, j, item)
        self.grid.resizeColumnsToContents()
        for j in range(width):
            self.grid.setColumnWidth(j, min(self.grid.columnWidth(j), 220))
        notes = [self.tr("앞의 {n}행을 보여 줍니다.").format(n=len(rows))]
        if preview.more_rows:
            notes.append(self.tr("아래로 더 있습니다."))
        if preview.masked:
            notes.append(self.tr("개인정보로 보이는 칸은 가렸습니다."))
        self.state.setText(" ".join(notes))
        self._spins_changed()

    def show_error(self, exc: Exception) -> None:
        if self.finished_:
            self.deleteLater()
            return
        self.state.setText(
            self.tr("시트를 읽지 못했습니다 (행 번호로 지정할 수 있습니다): {e}").format(e=exc)
        )

    def _rows_clicked(self) -> None:
        if self._syncing or self.preview is None:
            return
        rows = sorted({i.row() for i in self.grid.selectedIndexes()})
        if not rows:
            return
        self._syncing = True
        try:
            self.first.setValue(self.preview.first_row + rows[0] + 1)
            self.count.setValue(min(len(rows), self.count.maximum()))
        finally:
            self._syncing = False
        self._tint()

    def _spins_changed(self) -> None:
        if self._syncing or self.preview is None:
            return
        self._syncing = True
        try:
            self.grid.clearSelection()
            start = self.first.value() - 1 - self.preview.first_row
            for i in range(start, start + self.count.value()):
                if 0 <= i < self.grid.rowCount():
                    self.grid.selectRow(i) if i == start else self._extend(i)
        finally:
            self._syncing = False
        self._tint()

    def _extend(self, row: int) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        model = self.grid.model()
        last = max(self.grid.columnCount() - 1, 0)
        selection = QItemSelection(model.index(row, 0), model.index(row, last))
        self.grid.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)

    def _tint(self) -> None:
        """The header band blue, the first data row under it green."""
        if self.preview is None:
            return
        start = self.first.value() - 1 - self.preview.first_row
        band = range(start, start + self.count.value())
        data_row = start + self.count.value()
        for i in range(self.grid.rowCount()):
            brush = HEADER_BRUSH if i in band else DATA_BRUSH if i == data_row else QBrush()
            for j in range(self.grid.columnCount()):
                item = self.grid.item(i, j)
                if item is None:
                    item = QTableWidgetItem("")
                    self.grid.setItem(i, j, item)
                item.setBackground(brush)

    def _auto_toggled(self, on: bool) -> None:
        self.first.setDisabled(on)
        self.count.setDisabled(on)
        self.grid.setDisabled(on)

    # ------------------------------------------------------------------ result
    def result_value(self) -> tuple[int, int] | bool:
        """``(first row 1-based, rows)``, or False to go back to automatic detection."""
        if self.auto.isChecked():
            return False
        return self.first.value(), self.count.value()

    def header_rows_shown(self) -> list[int]:
        """The grid rows tinted as the header band (for tests and the screenshot)."""
        return [
            i
            for i in range(self.grid.rowCount())
            if self.grid.item(i, 0) is not None
            and self.grid.item(i, 0).background() == HEADER_BRUSH
        ]
