"""Every keyboard shortcut of the window in one place: one meaning per key (issue 15: the
공개목록 page's 점검 (F5) and the window's 다시 스캔 (F5) collided, Qt logged an ambiguous shortcut
and neither fired), listed in 도움말 › 단축키 (F1).

``SHORTCUTS`` is what the help shows; ``tests/ui/test_shortcuts.py`` checks it against the
bindings the built window really has, and that no key means two things where both could fire.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("shortcuts", text)


# (where, key as Qt writes it in PortableText, what it does) — the texts are translated when shown
SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("window", "Ctrl+O", "카탈로그 열기"),
    ("window", "F5", "다시 스캔 (스캔 페이지의 폴더, 바뀐 파일만)"),
    ("window", "Ctrl+F", "지금 페이지에서 검색 (검색 칸이 없으면 카탈로그 검색)"),
    ("window", "Ctrl+Q", "끝내기"),
    ("window", "F1", "단축키 보기"),
    ("window", "Ctrl+1 … Ctrl+8", "페이지 이동 (현황 … 설정)"),
    ("mapping", "Enter", "1순위 후보 수락 (후보 목록에서는 고른 후보)"),
    ("mapping", "Delete", "1순위 후보 거부"),
    ("mapping", "Ctrl+B", "점수 이상 일괄 수락 (필터로 보이는 컬럼만)"),
    ("mapping", "Ctrl+Z", "결정 되돌리기"),
    ("mapping", "Ctrl+Y", "다시 실행"),
    ("metadata", "Ctrl+S", "저장"),
    ("metadata", "Alt+Left", "이전 문제"),
    ("metadata", "Alt+Right", "다음 문제"),
    ("metadata", "Ctrl+V", "표: 엑셀에서 복사한 칸 붙여넣기"),
    ("metadata", "Ctrl+D", "표: 아래로 채우기"),
    ("metadata", "Delete", "표: 고른 칸 지우기"),
    ("metadata", "Ctrl+Z", "표: 되돌리기"),
    ("metadata", "Ctrl+Y", "표: 다시 실행"),
    ("disclosure", "F7", "점검 (이 연도 공개목록)"),
    ("disclosure", "Enter", "점검 결과에서 고른 문제의 항목 열기"),
)


def scope_name(scope: str) -> str:
    return {
        "window": _tr("창 전체"),
        "mapping": _tr("매핑 검토"),
        "metadata": _tr("공개 항목"),
        "disclosure": _tr("공개목록"),
    }[scope]


def describe(text: str) -> str:
    """The help line of a shortcut in the interface language."""
    return QCoreApplication.translate("shortcuts", text)


class ShortcutsDialog(QDialog):
    """도움말 › 단축키: where, which key, what it does."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("단축키"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(SHORTCUTS), 3)
        self.table.setHorizontalHeaderLabels([_tr("어디서"), _tr("키"), _tr("하는 일")])
        self.table.verticalHeader().hide()
        for row, (scope, key, text) in enumerate(SHORTCUTS):
            for col, value in enumerate((scope_name(scope), key, describe(text))):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)
