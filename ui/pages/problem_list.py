"""점검 결과, grouped (issue 15): one branch per dataset (the institution settings first) with its
blocking and warning counts, its problems under it in field order, each row naming the field
(and column), the code and the message in the window's language.

The model is lazy (:class:`ProblemModel`): a catalog of 5,000 files has tens of thousands of
problems, and building an item per cell would freeze the window each time the check refreshes;
the text of a row is made when the view paints it. A refresh (a fix was saved, the year changed)
keeps what the coordinator was looking at: the branches that were open stay open and the
selected problem stays selected while it exists.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from ui.core_text import core_tr
from ui.models import ERROR_COLOR
from ui.pages.problem_nav import problem_key
from ui.widths import fit_columns, keep_widths

WARNING_COLOR = QColor("#8a5a00")
PROBLEM = Qt.ItemDataRole.UserRole + 1  # the problem dict on a leaf row
GROUP = Qt.ItemDataRole.UserRole + 2  # the group key on a branch
Index = QModelIndex | QPersistentModelIndex


def _group_key(p: dict) -> str:
    return "institution" if p["level"] == "institution" else f"dataset:{p['dataset_id']}"


def _short(p: dict) -> str:
    """The message without '[데이터셋] 항목:' (the tree shows where)."""
    message = p["message"]
    params = getattr(message, "params", None)
    if params and "text" in params:
        return core_tr(params["text"])
    return core_tr(message)


class ProblemModel(QAbstractItemModel):
    """Two levels: groups (a dataset, or the institution settings) and their problems."""

    COLUMNS = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[tuple[str, str, list[dict], int]] = []  # key, name, problems, errors
        self._titles = [
            self.tr("데이터셋 · 항목"),
            self.tr("구분"),
            self.tr("코드"),
            self.tr("컬럼"),
            self.tr("내용"),
        ]

    def set_problems(self, problems: list[dict]) -> None:
        grouped: dict[str, list[dict]] = {}
        for p in problems:
            grouped.setdefault(_group_key(p), []).append(p)
        self.beginResetModel()
        self.groups = []
        for key, items in grouped.items():
            name = self.tr("기관 설정") if key == "institution" else items[0]["dataset"]
            errors = sum(1 for p in items if p["severity"] == "error")
            self.groups.append((key, name, items, errors))
        self.endResetModel()

    def ordered(self) -> list[dict]:
        return [p for _key, _name, items, _errors in self.groups for p in items]

    # ------------------------------------------------------------------ tree
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not parent.isValid():
            if 0 <= row < len(self.groups) and 0 <= column < self.COLUMNS:
                return self.createIndex(row, column, 0)
            return QModelIndex()
        group = parent.row()
        if parent.internalId() == 0 and 0 <= row < len(self.groups[group][2]):
            return self.createIndex(row, column, group + 1)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][2])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None

    def problem(self, index: Index) -> dict | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][2][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            key, name, items, errors = self.groups[index.row()]
            if role == GROUP:
                return key
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == 0:
                    return name
                if index.column() == 1:
                    return self.tr("차단 {e} · 경고 {w}").format(e=errors, w=len(items) - errors)
                return None
            if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
                return QBrush(ERROR_COLOR if errors else WARNING_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
                return items[0].get("path") or name
            return None
        p = self.problem(index)
        if role == PROBLEM:
            return p
        column = index.column()
        blocking = p["severity"] == "error"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return core_tr(p.get("field_label") or "")
            if column == 1:
                return self.tr("차단") if blocking else self.tr("경고")
            if column == 2:
                return p["code"]
            if column == 3:
                return p.get("column") or ""
            return _short(p)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(ERROR_COLOR if blocking else WARNING_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return core_tr(p["message"])
        return None


class ProblemTree(QTreeView):
    """Problems grouped by dataset; ``activated_problem`` on double-click or Enter."""

    activated_problem = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("problemTree")
        self.model_ = ProblemModel(self)
        self.setModel(self.model_)
        self.setUniformRowHeights(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        keep_widths(self, "disclosure_problems", room=4)
        self.doubleClicked.connect(self._activated)

    def ordered(self) -> list[dict]:
        """The problems in the order shown (dataset by dataset, field by field)."""
        return self.model_.ordered()

    def set_problems(self, problems: list[dict]) -> None:
        model = self.model_
        expanded = {
            model.groups[r][0]
            for r in range(model.rowCount())
            if self.isExpanded(model.index(r, 0))
        }
        first_time = model.rowCount() == 0
        current = self.current_problem()
        model.set_problems(problems)
        few = model.rowCount() <= 3
        for r, (key, _name, _items, _errors) in enumerate(model.groups):
            if first_time and r < 20 or key in expanded or few:
                self.expand(model.index(r, 0))
        if current is not None:
            self.select_problem(current)
        fit_columns(self, {0: 280, 1: 110, 2: 60, 3: 160, 4: 900})

    # ------------------------------------------------------------------ selection
    def current_problem(self) -> dict | None:
        return self.model_.problem(self.currentIndex())

    def select_problem(self, problem: dict) -> bool:
        wanted = problem_key(problem)
        for r, (_key, _name, items, _errors) in enumerate(self.model_.groups):
            for c, p in enumerate(items):
                if problem_key(p) == wanted:
                    branch = self.model_.index(r, 0)
                    self.expand(branch)
                    self.setCurrentIndex(self.model_.index(c, 0, branch))
                    return True
        return False

    def _activated(self, index: QModelIndex) -> None:
        p = self.model_.problem(index)
        if p is not None:
            self.activated_problem.emit(p)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activated(self.currentIndex())
            return
        super().keyPressEvent(event)
