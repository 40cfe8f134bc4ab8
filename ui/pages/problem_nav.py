"""다음 문제 / 이전 문제: after a jump from the 공개목록 validation to a field, the coordinator
walks the remaining problems from the form without going back to the list (issue 15).

The navigator holds the validation's problems in the list's order (grouped by dataset and
field). When the list is refreshed (a fix was saved, the year changed) it keeps its place: the
same problem if it is still there, else the one that now stands where it was — the next one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.core_text import core_tr
from ui.models import ERROR_COLOR

WARNING_HEX = "#8a5a00"


def problem_key(p: dict) -> tuple:
    return (p["code"], p.get("dataset_id"), p.get("field"), p.get("table"), p.get("column"))


class ProblemNavigator(QFrame):
    """'문제 3 / 57 · V10 목록명: …' with 이전 문제 / 다음 문제 buttons."""

    go = Signal(object)  # open this problem (dataset form, field)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.problems: list[dict] = []
        self.position = -1
        bar = QHBoxLayout(self)
        bar.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        bar.addWidget(self.label, 1)
        self.previous_button = QPushButton(self.tr("◀ 이전 문제"))
        self.previous_button.setToolTip(self.tr("점검 결과의 앞 문제로 갑니다 (Alt+Left)"))
        self.previous_button.setShortcut("Alt+Left")
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QPushButton(self.tr("다음 문제 ▶"))
        self.next_button.setToolTip(self.tr("점검 결과의 다음 문제로 갑니다 (Alt+Right)"))
        self.next_button.setShortcut("Alt+Right")
        self.next_button.clicked.connect(self.next)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        self.hide()

    def current(self) -> dict | None:
        return self.problems[self.position] if 0 <= self.position < len(self.problems) else None

    def set_problems(self, problems: list[dict], current: dict | None = None) -> None:
        """A (new) list; ``current`` the problem just opened. Without it the navigator keeps its
        place in the refreshed list."""
        keep = current or self.current()
        old_position = self.position
        self.problems = [p for p in problems if p.get("level") != "institution"]
        keys = [problem_key(p) for p in self.problems]
        if keep is not None and problem_key(keep) in keys:
            self.position = keys.index(problem_key(keep))
        elif self.problems:
            self.position = min(max(old_position, 0), len(self.problems) - 1)
        else:
            self.position = -1
        self.setVisible(bool(self.problems) or old_position >= 0)
        self._show()

    def _show(self) -> None:
        p = self.current()
        if p is None:
            self.label.setText(self.tr("남은 문제가 없습니다."))
            self.label.setStyleSheet("")
        else:
            self.label.setText(
                self.tr("문제 {i} / {n} · {code} {label}: {message}").format(
                    i=self.position + 1,
                    n=len(self.problems),
                    code=p["code"],
                    label=core_tr(p.get("field_label") or ""),
                    message=core_tr(p["message"]),
                )
            )
            colour = ERROR_COLOR.name() if p["severity"] == "error" else WARNING_HEX
            self.label.setStyleSheet(f"color: {colour}")
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(0 <= self.position < len(self.problems) - 1)

    def next(self) -> None:
        if self.position < len(self.problems) - 1:
            self.position += 1
            self._show()
            self.go.emit(self.problems[self.position])

    def previous(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._show()
            self.go.emit(self.problems[self.position])
