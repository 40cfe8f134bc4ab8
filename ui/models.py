"""Qt table models over catalog data.

:class:`DatasetTableModel` pages through SQL (``canFetchMore``/``fetchMore``) and sorts and
filters in SQL: a QSortFilterProxyModel over a Python model calls ``data()`` for every comparison
and takes minutes on big catalogs (measured on a 100,000-column catalog). :class:`RowsModel` shows
small lists of dicts (search hits, a dataset's columns, dictionary rows).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from catalog_app.catalog.listing import DATASET_FIELDS, DatasetFilter, dataset_count, dataset_page
from ui import labels

Index = QModelIndex | QPersistentModelIndex
ERROR_COLOR = QColor("#b3261e")
MUTED_COLOR = QColor("#6b6b6b")
PII_COLOR = QColor("#8a4b00")


@dataclass(frozen=True)
class Column:
    """One column of a :class:`RowsModel`: a dict key, a header, and how to show the value."""

    key: str
    title: str
    fmt: Callable[[dict], str] | None = None
    numeric: bool = False
    color: Callable[[dict], QColor | None] | None = None

    def text(self, row: dict) -> str:
        if self.fmt is not None:
            return self.fmt(row)
        value = row.get(self.key)
        if value is None:
            return ""
        if self.numeric and isinstance(value, int):
            return f"{value:,}"
        return str(value)


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of dicts, replaced as a whole."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[dict] = []

    def set_rows(self, rows: Sequence[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> dict | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rows(self) -> list[dict]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


# ---------------------------------------------------------------------------- datasets
_DATASET_FIELDS = DATASET_FIELDS


class DatasetTableModel(QAbstractTableModel):
    """Datasets of a catalog, fetched a page at a time; sorting and filters are SQL."""

    PAGE = 200

    def __init__(self, conn: sqlite3.Connection, parent=None):
        super().__init__(parent)
        self._conn = conn
        self._rows: list[sqlite3.Row] = []
        self._total = 0
        self._filter = DatasetFilter()
        self._sort: tuple[str | None, bool] = (None, False)
        self._titles = [
            self.tr("파일 이름"),
            self.tr("폴더"),
            self.tr("형식"),
            self.tr("상태"),
            self.tr("표"),
            self.tr("열"),
            self.tr("행"),
            self.tr("개인정보 열"),
            self.tr("스캔 시각"),
        ]
        self.refresh()

    # ---------------------------------------------------------------- querying
    def set_filter(
        self,
        status: str | None = None,
        pii_only: bool = False,
        folders: list[str] | None = None,
        check: str | None = None,
        text: str = "",
    ) -> None:
        """Filter in SQL (``catalog.listing``); ``folders`` keeps the datasets of exactly those
        folders (a department: see ``compliance.department_folders``); ``check`` is
        'noncompliant' or 'missing_metadata'."""
        self._filter = DatasetFilter(
            status, pii_only, tuple(folders) if folders is not None else None, check, text
        )
        self.refresh()

    @property
    def filter(self) -> DatasetFilter:
        return self._filter

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_DATASET_FIELDS):
            return
        self._sort = (_DATASET_FIELDS[column][0], order == Qt.SortOrder.DescendingOrder)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the first page (after a scan, a filter or a sort)."""
        self.beginResetModel()
        self._total = dataset_count(self._conn, self._filter)
        self._rows = []
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[sqlite3.Row]:
        key, descending = self._sort
        return dataset_page(self._conn, self._filter, offset, self.PAGE, key, descending)

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        rows = self._page(len(self._rows))
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def dataset_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, dataset_id: int) -> int:
        """Row of a dataset among the rows fetched so far (-1 when not fetched)."""
        return next((i for i, r in enumerate(self._rows) if r["id"] == dataset_id), -1)

    # ---------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_DATASET_FIELDS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key, _, numeric = _DATASET_FIELDS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[key]
            if key == "status":
                return labels.status_name(value)
            if key == "scanned_at":
                return (value or "").replace("T", " ")[:16]
            if numeric:
                return f"{value or 0:,}"
            return value or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["error_message"] or row["path"]
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row["status"] == "error":
                return QBrush(ERROR_COLOR)
            if row["status"] == "missing":
                return QBrush(MUTED_COLOR)
            if key == "pii_columns" and row["pii_columns"]:
                return QBrush(PII_COLOR)
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None
