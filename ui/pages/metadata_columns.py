"""컬럼 공개 설정: the column table of the 공개 항목 form — each column's 공개여부 / 비공개사유 /
개인정보여부 as combo boxes beside what the scan found and what ``validate`` says of it.

A file can have hundreds of columns, so :meth:`ColumnOpennessTable.fill` writes the rows' text at
once and :meth:`~ColumnOpennessTable.add_combos` adds the combo boxes a chunk at a time; the form
paces the chunks over turns of the event loop (it stays loading until the last one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from catalog_app.disclosure import vocab
from ui import labels
from ui.models import ERROR_COLOR
from ui.pages.metadata_widgets import (
    ENTERED,
    WARNING_COLOR,
    item_text,
    set_combo,
    short_problem,
    vocab_combo,
)

(
    COL_LABEL,
    COL_SCAN,
    COL_OPENNESS,
    COL_REASON,
    COL_PII,
    COL_DETAIL,
    COL_DESC,
    COL_ENGLISH,
    COL_UNIT,
    COL_CODE,
    COL_CHECK,
) = range(11)
_COLUMN_EDITORS = {COL_OPENNESS: "openness", COL_REASON: "reason", COL_PII: "pii"}
_TEXT_EDITORS = {  # typed in the cell; 영문명, 단위, 코드 feed the portal's column metadata
    COL_DETAIL: "reason_detail",
    COL_DESC: "description",
    COL_ENGLISH: "english_name",
    COL_UNIT: "unit",
    COL_CODE: "code",
}


def _fixed(text: str) -> QTableWidgetItem:
    """A read-only cell (the table's editable cells are 상세근거, 컬럼설명, 영문명, 단위, 코드)."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


@dataclass
class _ColumnRow:
    table_key: str
    label: str
    record: object  # the ColumnRecord
    problems: list = field(default_factory=list)
    combos: dict[str, QComboBox] = field(default_factory=dict)  # filled a chunk at a time
    original: dict[str, str] = field(default_factory=dict)


class ColumnOpennessTable(QTableWidget):
    """The columns of one dataset with their openness combos; :meth:`changes` reads them back."""

    edited = Signal()  # a combo box's value changed (also while filling: the form filters that)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, COL_CHECK + 1, parent)
        self._rows: list[_ColumnRow] = []
        self._serial = 0  # bumped by every fill: combos of a stale fill are not added
        self._inherited_openness = ""
        self._filling = False  # setItem during fill must not count as an edit
        self.setHorizontalHeaderLabels(
            [
                self.tr("컬럼"),
                self.tr("개인정보(스캔)"),
                self.tr("공개/비공개여부"),
                self.tr("비공개사유"),
                self.tr("개인정보여부"),
                self.tr("상세근거"),
                self.tr("컬럼설명"),
                self.tr("영문명"),
                self.tr("단위"),
                self.tr("코드"),
                self.tr("검사"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Only the 상세근거 and 컬럼설명 cells are editable (their items carry the flag).
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.itemChanged.connect(self._item_changed)
        self.setWordWrap(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    @property
    def serial(self) -> int:
        """Which fill the rows belong to (for :meth:`add_combos` calls queued by an older one)."""
        return self._serial

    # ------------------------------------------------------------------ filling
    def clear_rows(self) -> None:
        self._serial += 1
        self.setRowCount(0)
        self._rows = []

    def fill(self, state, record, problems: list) -> None:
        """The rows with their text now; the combo boxes follow in chunks (:meth:`add_combos`)."""
        self._serial += 1
        self.setRowCount(0)
        self._rows = []
        columns = state.columns_of(record.key)
        several = len(record.tables) > 1
        by_column: dict[tuple[str, str], list] = {}
        for p in problems:
            by_column.setdefault((p.table_key, p.column), []).append(p)
        own_openness = record.get("openness")
        self._inherited_openness = vocab.OPEN if own_openness == vocab.PARTIAL else own_openness
        self._filling = True
        self.setRowCount(len(columns))
        for r, c in enumerate(columns):
            found = by_column.get((c.table_key, c.label), [])
            row = _ColumnRow(c.table_key, c.label, c, found)
            name = f"{c.table_name} · {c.label}" if several else c.label
            label_item = _fixed(name)
            self.setItem(r, COL_LABEL, label_item)
            self.setItem(r, COL_SCAN, _fixed(labels.pii_name(c.pii_kind)))
            term = state.terms.get(c.term_name, {}) if c.term_name else {}
            domain = state.domains.get(c.domain, {}) if c.domain else {}
            hints = {  # what is used when the cell stays empty (the mapped term, its domain)
                "english_name": c.term_abbr,
                "unit": domain.get("unit", ""),
                "code": term.get("code_name", ""),
            }
            for col, key in _TEXT_EDITORS.items():
                entered = c.get(key) if c.sources.get(key) == ENTERED else ""
                item = QTableWidgetItem(entered)
                tip = self.tr("두 번 눌러 입력합니다")
                if hints.get(key):
                    tip += "\n" + self.tr("비워 두면: {value}").format(value=hints[key])
                item.setToolTip(tip)
                self.setItem(r, col, item)
                row.original[key] = entered
            marker = _fixed(self._marker_text(found))
            if found:
                tip = "\n".join(short_problem(p) for p in found)
                blocking = any(p.severity == "error" for p in found)
                marker.setForeground(ERROR_COLOR if blocking else WARNING_COLOR)
                marker.setToolTip(tip)
                label_item.setToolTip(tip)
            self.setItem(r, COL_CHECK, marker)
            self._rows.append(row)
        self._filling = False
        self.resizeColumnsToContents()
        self.setColumnWidth(COL_LABEL, min(max(self.columnWidth(COL_LABEL), 120), 260))
        for col in _TEXT_EDITORS:  # room to type in, even when nothing is entered yet
            least = 160 if col in (COL_DETAIL, COL_DESC) else 90
            self.setColumnWidth(col, min(max(self.columnWidth(col), least), 320))
        self._fit_height()

    def add_combos(self, first: int, count: int) -> int:
        """Combo boxes for ``count`` rows from ``first``; the row the next chunk starts at. Once
        every row has its combos (the row count is returned) the columns are fitted to them."""
        last = min(first + count, len(self._rows))
        for r in range(first, last):
            self._add_row_combos(r, self._rows[r])
        if last >= len(self._rows):
            self._fit_combo_columns()
        return last

    def _add_row_combos(self, r: int, row: _ColumnRow) -> None:
        c = row.record
        for col, key in _COLUMN_EDITORS.items():
            f = vocab.field("column", key)
            source = c.sources.get(key, "")
            value = c.get(key)
            entered = value if source == ENTERED else ""
            derived = value if source != ENTERED else ""
            if derived:
                first = self.tr("(자동: {value})").format(value=item_text(f, derived))
            elif key == "openness" and self._inherited_openness:
                first = self.tr("(데이터셋 따름: {value})").format(value=self._inherited_openness)
            else:
                first = ""
            combo = vocab_combo(f)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            set_combo(combo, f, entered, first)
            mine = [p for p in row.problems if p.field == key]
            combo.setToolTip("\n".join(short_problem(p) for p in mine) or f.label)
            combo.currentIndexChanged.connect(self.edited)
            self.setCellWidget(r, col, combo)
            row.combos[key], row.original[key] = combo, entered

    def _marker_text(self, found: list) -> str:
        errors = sum(1 for p in found if p.severity == "error")
        warnings = len(found) - errors
        parts = []
        if errors:
            parts.append(self.tr("차단 {n}").format(n=errors))
        if warnings:
            parts.append(self.tr("경고 {n}").format(n=warnings))
        return " · ".join(parts)

    # ------------------------------------------------------------------ size
    def _fit_combo_columns(self) -> None:
        for col, key in _COLUMN_EDITORS.items():  # cell widgets are not measured by Qt
            widest = max(
                (row.combos[key].sizeHint().width() for row in self._rows if row.combos),
                default=0,
            )
            self.setColumnWidth(col, min(max(widest + 4, self.columnWidth(col)), 300))
        self._fit_height()

    def _fit_height(self) -> None:
        """The table has a pane of its own (see ``MetadataForm``): it fills it and scrolls;
        only a minimum keeps a few rows visible when the splitter is pushed down."""
        shown = min(self.rowCount(), 4) or 1
        rows = sum(self.rowHeight(r) for r in range(shown)) if self.rowCount() else 24
        header = self.horizontalHeader().sizeHint().height()
        self.setMinimumHeight(header + rows + 2 * self.frameWidth() + 2)

    # ------------------------------------------------------------------ reading
    def changes(self) -> dict[tuple[str, str, int | None], dict[str, str]]:
        """(table_key, label, column id) → field → value that differs from what was entered when
        loaded (the id tells apart two columns sharing a label)."""
        columns: dict[tuple[str, str, int | None], dict[str, str]] = {}
        for r, row in enumerate(self._rows):
            ref = (row.table_key, row.label, row.record.column_id)
            for key, combo in row.combos.items():
                value = combo.currentData() or ""
                if value != row.original[key]:
                    columns.setdefault(ref, {})[key] = value
            for col, key in _TEXT_EDITORS.items():
                item = self.item(r, col)
                value = item.text().strip() if item is not None else ""
                if value != row.original.get(key, ""):
                    columns.setdefault(ref, {})[key] = value
        return columns

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() in _TEXT_EDITORS:
            self.edited.emit()

    def column_combo(self, label: str, key: str, table_key: str | None = None) -> QComboBox:
        return self._column_row(label, table_key)[1].combos[key]

    def select_column(self, label: str, key: str) -> QWidget | None:
        """Select and scroll to a column's row; what to focus there (its ``key`` combo, else the
        table), None when the table has no such column."""
        try:
            r, row = self._column_row(label)
        except KeyError:
            return None
        self.selectRow(r)
        self.scrollToItem(self.item(r, COL_LABEL))
        return row.combos.get(key) or self

    def _column_row(self, label: str, table_key: str | None = None) -> tuple[int, _ColumnRow]:
        for i, row in enumerate(self._rows):
            if row.label == label and (table_key is None or row.table_key == table_key):
                return i, row
        raise KeyError(label)
