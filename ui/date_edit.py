"""A date field that can be typed (20261130 or 2026-11-30) or picked from a calendar.

A QLineEdit, so it can stay empty (QDateEdit cannot) and every form that reads ``text()`` keeps
working; a calendar button at its right end opens a QCalendarWidget below it. The value is always
written YYYY-MM-DD, the form validation expects (V12).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

DATE_FORMAT = "yyyy-MM-dd"
_DATE_SHAPE = QRegularExpression(r"\d{0,8}|\d{4}-\d{0,2}|\d{4}-\d{2}-\d{0,2}")


def calendar_icon() -> QIcon:
    """A small calendar drawn here (no icon theme on a locked-down PC)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#4a5a6a"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(2, 3, 12, 3, QColor("#2f6fb3"))
    for row in range(2):
        for col in range(3):
            painter.fillRect(3 + col * 4, 8 + row * 3, 2, 2, QColor("#4a5a6a"))
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QFrame):
    picked = Signal(QDate)

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        layout.addWidget(self.calendar)

    def _pick(self, date: QDate) -> None:
        self.hide()
        self.picked.emit(date)


def tidy_date(text: str) -> str:
    """'20261130' → '2026-11-30'; anything else unchanged."""
    text = text.strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text


class DateEdit(QLineEdit):
    """A YYYY-MM-DD text field with a calendar button (empty allowed)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(_DATE_SHAPE, self))
        self.setPlaceholderText("YYYY-MM-DD")
        self.calendar_action = self.addAction(
            calendar_icon(), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("달력에서 고르기"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self._tidy)
        self.popup: _CalendarPopup | None = None

    def _tidy(self) -> None:
        tidy = tidy_date(self.text())
        if tidy != self.text():
            self.setText(tidy)

    def date(self) -> QDate | None:
        date = QDate.fromString(tidy_date(self.text()), DATE_FORMAT)
        return date if date.isValid() else None

    def open_calendar(self) -> None:
        """Show the calendar below the field, on the date typed (else today)."""
        if self.popup is None:
            self.popup = _CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        self.popup.calendar.setSelectedDate(self.date() or QDate.currentDate())
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.calendar.setFocus()

    @property
    def calendar(self) -> QCalendarWidget | None:
        return self.popup.calendar if self.popup is not None else None

    def _picked(self, date: QDate) -> None:
        self.setText(date.toString(DATE_FORMAT))
        self.setFocus()
        self.editingFinished.emit()
