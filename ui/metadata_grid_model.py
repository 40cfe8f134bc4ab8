"""The model of the 공개 항목 grid: one row per dataset, the 목록 fields as columns.

A cell shows what a person entered, else (greyed) what the scan or the settings give; editing a
cell enters a value, clearing it goes back to the derived one. Edits stay in the model until the
page saves them as one batch (``MetadataStore.set_many``); each edit is a QUndoCommand
(:class:`SetCells`) so paste, fill down and typing undo one step at a time.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoCommand

from catalog_app.disclosure import vocab
from catalog_app.disclosure.metadata import normalise_value
from ui.core_text import core_tr
from ui.models import ERROR_COLOR, MUTED_COLOR, Index

FIXED = ("name", "department")  # read-only columns before the fields
FIELDS = vocab.DATASET_FIELDS
EDITED_BRUSH = QBrush(QColor("#fff6d6"))  # a changed cell, not saved yet
Cell = tuple[int, str]  # (row, field key)
# The roles data() answers; Qt asks a cell for a dozen more when it measures or paints it
# (font, alignment, decoration, check state, …): those return at once, before any lookup.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.UserRole,
    }
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EntryModel", text)


class EntryModel(QAbstractTableModel):
    """``catalog_app.disclosure.entry.EntryRow`` rows plus the unsaved edits."""

    edited = Signal()  # the unsaved edits changed (dirty state, buttons)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.pending: dict[Cell, str] = {}  # unsaved: the value to enter ('' clears)

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.pending = {}
        self.endResetModel()
        self.edited.emit()

    def field_of(self, column: int) -> vocab.Field | None:
        index = column - len(FIXED)
        return FIELDS[index] if 0 <= index < len(FIELDS) else None

    def column_of(self, key: str) -> int:
        return len(FIXED) + next(i for i, f in enumerate(FIELDS) if f.key == key)

    def entered(self, row: int, key: str) -> str:
        """The value a save would leave entered (pending edit, else what is stored)."""
        if (row, key) in self.pending:
            return self.pending[(row, key)]
        return self.rows[row].entered(key)

    def shown(self, row: int, key: str) -> str:
        return self.entered(row, key) or self.rows[row].derived(key)

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def changes(self) -> dict[int, dict[str, str]]:
        """dataset id → field → value, for the cells whose value differs from the stored one."""
        out: dict[int, dict[str, str]] = {}
        for (row, key), value in self.pending.items():
            if value != self.rows[row].entered(key):
                out.setdefault(self.rows[row].dataset_id, {})[key] = value
        return out

    def put(self, cells: dict[Cell, str]) -> None:
        """Set these cells' pending values (the undo commands' only way in)."""
        for (row, key), value in cells.items():
            self.pending[(row, key)] = value
            index = self.index(row, self.column_of(key))
            self.dataChanged.emit(index, index)
        self.edited.emit()

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIXED) + len(FIELDS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        f = self.field_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if f is None:
                return _tr("파일") if FIXED[section] == "name" else _tr("부서(폴더)")
            return core_tr(f.label) + (" *" if f.required else "")
        if role == Qt.ItemDataRole.ToolTipRole and f is not None:
            tip = core_tr(f.help) if f.help else ""
            if f.vocab:
                shown = ", ".join(f.vocab[:8]) + (" …" if len(f.vocab) > 8 else "")
                tip = (tip + "\n" if tip else "") + _tr("허용값: {values}").format(values=shown)
            return tip or None
        return None

    def flags(self, index: Index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.field_of(index.column()) is not None:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        row = self.rows[index.row()]
        f = self.field_of(index.column())
        if f is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                key = FIXED[index.column()]
                return row.rel_path if role == Qt.ItemDataRole.ToolTipRole else getattr(row, key)
            if role == Qt.ItemDataRole.UserRole:
                return row.dataset_id
            return None
        entered = self.entered(index.row(), f.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return entered or row.derived(f.key)
        if role == Qt.ItemDataRole.EditRole:
            return entered
        if role == Qt.ItemDataRole.ForegroundRole:
            if entered and not vocab.in_vocab(f, entered):
                return QBrush(ERROR_COLOR)
            return None if entered else QBrush(MUTED_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole:
            if (index.row(), f.key) in self.pending and entered != row.entered(f.key):
                return EDITED_BRUSH
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if entered and not vocab.in_vocab(f, entered):
                return _tr("허용되지 않는 값입니다: {value}").format(value=entered)
            if not entered and row.derived(f.key):
                return _tr("비워 두면 스캔·설정에서 정한 값을 씁니다: {value}").format(
                    value=row.derived(f.key)
                )
            return None
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Typing in a cell: handed to the page as one undoable edit (``edit_requested``)."""
        f = self.field_of(index.column())
        if f is None or role != Qt.ItemDataRole.EditRole:
            return False
        text = normalise_value(f, "" if value is None else str(value))
        if text == self.entered(index.row(), f.key):
            return False
        self.edit_requested.emit({(index.row(), f.key): text}, _tr("입력"))
        return True

    edit_requested = Signal(object, str)  # {cell: value}, what it was (for the undo text)


class SetCells(QUndoCommand):
    """One edit of one or many cells (typing, paste, fill down, clearing)."""

    def __init__(self, model: EntryModel, cells: dict[Cell, str], text: str):
        super().__init__(text)
        self.model = model
        self.after = dict(cells)
        self.before = {cell: model.pending.get(cell) for cell in cells}

    def redo(self) -> None:
        self.model.put(self.after)

    def undo(self) -> None:
        restore, drop = {}, []
        for cell, value in self.before.items():
            if value is None:
                drop.append(cell)
            else:
                restore[cell] = value
        for cell in drop:
            self.model.pending.pop(cell, None)
        self.model.put(restore)
        for row, key in drop:  # repaint the cells that went back to the stored value
            index = self.model.index(row, self.model.column_of(key))
            self.model.dataChanged.emit(index, index)


def parse_clipboard(text: str) -> list[list[str]]:
    """Cells copied from Excel (tab-separated rows; a cell holding a tab, a newline or a quote
    comes quoted) as rows of text; the trailing newline Excel adds is not a row."""
    import csv
    import io

    if not text:
        return []
    rows = list(csv.reader(io.StringIO(text.rstrip("\r\n")), delimiter="\t"))
    return [[cell.strip() for cell in row] for row in rows]


def resolve_value(f: vocab.Field, text: str) -> str:
    """A pasted value in the field's stored form: a reason written with its meaning
    ('9-6 개인정보(사생활)') or Y/N in lower case are stored as the codes, a date typed
    20260131 as 2026-01-31."""
    from ui.date_edit import tidy_date

    value = normalise_value(f, text)
    return tidy_date(value) if f.kind == "date" else value


def fill_down(model: EntryModel, cells: Iterable[Cell]) -> dict[Cell, str]:
    """For each selected column, the top selected row's value copied to the rows below."""
    by_key: dict[str, list[int]] = {}
    for row, key in cells:
        by_key.setdefault(key, []).append(row)
    out: dict[Cell, str] = {}
    for key, rows in by_key.items():
        rows = sorted(set(rows))
        top = model.entered(rows[0], key) or model.rows[rows[0]].derived(key)
        for row in rows[1:]:
            out[(row, key)] = top
    return out
