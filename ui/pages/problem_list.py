"""점검 결과, grouped (issue 15): one branch per dataset (the institution settings first) with its
blocking and warning counts, its problems under it in field order, each row naming the field
(and column), the code and the message in the window's language.

A refresh (a fix was saved, the year changed) keeps what the coordinator was looking at: the
branches that were open stay open and the selected problem stays selected while it exists.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from ui.core_text import core_tr
from ui.models import ERROR_COLOR
from ui.pages.problem_nav import problem_key
from ui.widths import fit_columns, keep_widths

WARNING_COLOR = QColor("#8a5a00")
PROBLEM = Qt.ItemDataRole.UserRole + 1  # the problem dict on a leaf row
GROUP = Qt.ItemDataRole.UserRole + 2  # the group key on a branch


def _group_key(p: dict) -> str:
    return "institution" if p["level"] == "institution" else f"dataset:{p['dataset_id']}"


class ProblemTree(QTreeView):
    """Problems grouped by dataset; ``activated_problem`` on double-click or Enter."""

    activated_problem = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("problemTree")
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setUniformRowHeights(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self._ordered: list[dict] = []
        self._titles()
        keep_widths(self, "disclosure_problems", room=4)
        self.doubleClicked.connect(self._activated)

    def _titles(self) -> None:
        self.model_.setHorizontalHeaderLabels(
            [
                self.tr("데이터셋 · 항목"),
                self.tr("구분"),
                self.tr("코드"),
                self.tr("컬럼"),
                self.tr("내용"),
            ]
        )

    # ------------------------------------------------------------------ content
    def ordered(self) -> list[dict]:
        """The problems in the order shown (dataset by dataset, field by field)."""
        return list(self._ordered)

    def set_problems(self, problems: list[dict]) -> None:
        expanded = {
            self.model_.item(r).data(GROUP)
            for r in range(self.model_.rowCount())
            if self.isExpanded(self.model_.index(r, 0))
        }
        first_time = self.model_.rowCount() == 0
        current = self.current_problem()
        self.model_.removeRows(0, self.model_.rowCount())
        groups: dict[str, list[dict]] = {}
        for p in problems:
            groups.setdefault(_group_key(p), []).append(p)
        self._ordered = []
        select = None
        for key, items in groups.items():
            errors = sum(1 for p in items if p["severity"] == "error")
            first = items[0]
            name = self.tr("기관 설정") if key == "institution" else first["dataset"]
            branch = QStandardItem(name)
            branch.setData(key, GROUP)
            branch.setToolTip(first.get("path") or name)
            counts = QStandardItem(
                self.tr("차단 {e} · 경고 {w}").format(e=errors, w=len(items) - errors)
            )
            counts.setForeground(QBrush(ERROR_COLOR if errors else WARNING_COLOR))
            row = [branch, counts, QStandardItem(""), QStandardItem(""), QStandardItem("")]
            for item in row:
                item.setEditable(False)
            for p in items:
                leaf = self._leaf(p)
                branch.appendRow(leaf)
                self._ordered.append(p)
                if current is not None and problem_key(p) == problem_key(current):
                    select = leaf[0]
            self.model_.appendRow(row)
        for r in range(self.model_.rowCount()):
            key = self.model_.item(r).data(GROUP)
            if first_time or key in expanded or self.model_.rowCount() <= 3:
                self.expand(self.model_.index(r, 0))
        if select is not None:
            self.setCurrentIndex(select.index())
        fit_columns(self, {0: 280, 1: 90, 2: 60, 3: 160, 4: 900})

    def _leaf(self, p: dict) -> list[QStandardItem]:
        blocking = p["severity"] == "error"
        colour = QBrush(ERROR_COLOR if blocking else WARNING_COLOR)
        label = core_tr(p.get("field_label") or "")
        cells = [
            QStandardItem(label),
            QStandardItem(self.tr("차단") if blocking else self.tr("경고")),
            QStandardItem(p["code"]),
            QStandardItem(p.get("column") or ""),
            QStandardItem(self._short(p)),
        ]
        for item in cells:
            item.setEditable(False)
            item.setData(p, PROBLEM)
        cells[1].setForeground(colour)
        cells[4].setToolTip(core_tr(p["message"]))
        return cells

    @staticmethod
    def _short(p: dict) -> str:
        """The message without '[데이터셋] 항목:' (the tree shows where)."""
        message = p["message"]
        params = getattr(message, "params", None)
        if params and "text" in params:
            return core_tr(params["text"])
        return core_tr(message)

    # ------------------------------------------------------------------ selection
    def current_problem(self) -> dict | None:
        index = self.currentIndex()
        return index.data(PROBLEM) if index.isValid() else None

    def select_problem(self, problem: dict) -> bool:
        for r in range(self.model_.rowCount()):
            branch = self.model_.item(r)
            for c in range(branch.rowCount()):
                p = branch.child(c).data(PROBLEM)
                if problem_key(p) == problem_key(problem):
                    self.expand(branch.index())
                    self.setCurrentIndex(branch.child(c).index())
                    return True
        return False

    def _activated(self, index: QModelIndex) -> None:
        p = index.data(PROBLEM)
        if p is not None:
            self.activated_problem.emit(p)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activated(self.currentIndex())
            return
        super().keyPressEvent(event)
