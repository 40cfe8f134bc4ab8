"""Qt table models over catalog data.

:class:`DatasetTableModel` pages through SQL (``canFetchMore``/``fetchMore``) and sorts and
filters in SQL: a QSortFilterProxyModel over a Python model calls ``data()`` for every comparison
and takes minutes on big catalogs (see shared/docs/libraries.md §4). :class:`RowsModel` shows
small lists of dicts (search hits, a dataset's columns, dictionary rows).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

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

_COLUMN_COUNT = "(SELECT COALESCE(SUM(t.column_count), 0) FROM tables t WHERE t.dataset_id = d.id)"
_ROW_COUNT = "(SELECT COALESCE(SUM(t.row_count), 0) FROM tables t WHERE t.dataset_id = d.id)"
_PII_COUNT = "(SELECT COUNT(*) FROM columns c WHERE c.dataset_id = d.id AND c.pii_kind IS NOT NULL)"
# (key, SQL expression, numeric)
_DATASET_FIELDS = (
    ("name", "d.name", False),
    ("folder", "d.folder", False),
    ("real_format", "d.real_format", False),
    ("status", "d.status", False),
    ("table_count", "d.table_count", True),
    ("column_count", _COLUMN_COUNT, True),
    ("row_count", _ROW_COUNT, True),
    ("pii_columns", _PII_COUNT, True),
    ("scanned_at", "d.scanned_at", False),
)


class DatasetTableModel(QAbstractTableModel):
    """Datasets of a catalog, fetched a page at a time; sorting and filters are SQL."""

    PAGE = 200

    def __init__(self, conn: sqlite3.Connection, parent=None):
        super().__init__(parent)
        self._conn = conn
        self._rows: list[sqlite3.Row] = []
        self._total = 0
        self._status: str | None = None
        self._pii_only = False
        self._folders: list[str] | None = None  # a department's folders ('' = the root)
        self._check: str | None = None  # 'noncompliant' or 'missing_metadata'
        self._order = "d.folder, d.name"
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
    def _where(self) -> tuple[str, tuple]:
        clauses, params = [], []
        if self._status:
            clauses.append("d.status = ?")
            params.append(self._status)
        if self._pii_only:
            clauses.append(
                "EXISTS (SELECT 1 FROM columns c WHERE c.dataset_id = d.id AND c.pii_kind IS NOT NULL)"
            )
        if self._check == "noncompliant":
            from catalog_app.matching.jobs import noncompliant_clause

            clauses.append(noncompliant_clause("d"))
        elif self._check == "missing_metadata":
            from catalog_app.disclosure.metadata import missing_entry_clause

            clause, extra = missing_entry_clause("d")
            clauses.append(f"d.status != 'missing' AND {clause}")
            params.extend(extra)
        if self._folders is not None:
            marks = ", ".join("?" for _ in self._folders)
            clauses.append(f"d.folder IN ({marks})" if self._folders else "0")
            params.extend(self._folders)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)

    def set_filter(
        self,
        status: str | None = None,
        pii_only: bool = False,
        folders: list[str] | None = None,
        check: str | None = None,
    ) -> None:
        """Filter in SQL; ``folders`` keeps the datasets of exactly those folders (a department:
        see ``compliance.department_folders``); ``check`` is 'noncompliant' or 'missing_metadata'."""
        self._status, self._pii_only, self._folders = status, pii_only, folders
        self._check = check
        self.refresh()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_DATASET_FIELDS):
            return
        direction = "DESC" if order == Qt.SortOrder.DescendingOrder else "ASC"
        self._order = f"{_DATASET_FIELDS[column][1]} {direction}"
        self.refresh()

    def refresh(self) -> None:
        """Re-read the first page (after a scan, a filter or a sort)."""
        where, params = self._where()
        self.beginResetModel()
        self._total = self._conn.execute(
            f"SELECT COUNT(*) FROM datasets d{where}", params
        ).fetchone()[0]
        self._rows = []
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[sqlite3.Row]:
        where, params = self._where()
        fields = ", ".join(f"{expr} AS {key}" for key, expr, _ in _DATASET_FIELDS)
        sql = (
            f"SELECT d.id, d.path, d.error_message, {fields} FROM datasets d{where} "
            f"ORDER BY {self._order}, d.id LIMIT ? OFFSET ?"
        )
        return self._conn.execute(sql, (*params, self.PAGE, offset)).fetchall()

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
