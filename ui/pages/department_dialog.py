"""부서 지정: which department owns which scanned folder (and its sub-folders), with its phone.

Without a setting the first folder under a scanned root is taken as the department; this dialog
lets the coordinator name it properly ('교통과' → '교통행정과') or merge folders into one
department. Changes are written through ``MetadataStore`` on the task runner when OK is pressed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.pages.base import note


class DepartmentDialog(QDialog):
    """Edit folder → department rows; :meth:`rows` gives the result."""

    def __init__(
        self, rows: list[tuple[str, str, str]], folders: list[str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("부서 지정"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "폴더(스캔한 폴더 기준 상대 경로)마다 관리부서를 정합니다. 하위 폴더도 같은 "
                    "부서가 됩니다. 지정하지 않은 폴더는 첫 폴더 이름이 부서명이 됩니다."
                )
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("폴더"), self.tr("부서명"), self.tr("전화번호")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        for row in rows:
            self.add_row(*row)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("행 추가"))
        add.clicked.connect(lambda: self.add_row("", "", ""))
        remove = QPushButton(self.tr("선택 행 삭제"))
        remove.clicked.connect(self.remove_selected)
        fill = QPushButton(self.tr("스캔한 폴더 불러오기"))
        fill.setToolTip(self.tr("아직 지정하지 않은 첫 단계 폴더를 목록에 더합니다"))
        fill.clicked.connect(lambda: self.add_folders(folders))
        for button in (add, remove, fill):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def add_row(self, folder: str, name: str, phone: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, value in enumerate((folder, name, phone)):
            self.table.setItem(r, c, QTableWidgetItem(value))

    def add_folders(self, folders: list[str]) -> None:
        """Top-level folders not listed yet, named after themselves (the default)."""
        listed = {row[0] for row in self.rows(include_blank=True)}
        for folder in sorted({f.split("/")[0] for f in folders if f}):
            if folder not in listed:
                self.add_row(folder, folder, "")

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    def rows(self, include_blank: bool = False) -> list[tuple[str, str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [
                (self.table.item(r, c).text() if self.table.item(r, c) else "").strip()
                for c in range(3)
            ]
            if include_blank or (cells[0] and cells[1]):
                out.append(tuple(cells))
        return out
