"""A horizontal bar chart drawn with QPainter: QtCharts is not in PySide6-Essentials, and a few
labelled bars (Korean labels on the left, counts on the right) are all the overview needs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#2f6fb3", "#c0392b", "#7f8c8d", "#d68910", "#16a085", "#8e44ad", "#2c3e50")


class BarChart(QWidget):
    """Bars for ``(label, value[, colour])`` items; shows ``empty_text`` when there is nothing.

    With ``keys`` the bars are clickable: ``clicked`` sends the key of the bar under the mouse
    (the dashboard opens the matching list with it).
    """

    BAR_HEIGHT = 20
    GAP = 8
    clicked = Signal(object)

    def __init__(self, empty_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[tuple[str, float, QColor]] = []
        self._keys: list[object] = []
        self._fmt: Callable[[float], str] = lambda v: f"{v:,.0f}"
        self._peak: float | None = None
        self._empty_text = empty_text
        # as tall as its bars need, never squeezed (the 현황 page scrolls instead)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.BAR_HEIGHT + 2 * self.GAP)

    def set_items(
        self,
        items: Sequence[tuple],
        *,
        keys: Sequence[object] | None = None,
        fmt: Callable[[float], str] | None = None,
        peak: float | None = None,
    ) -> None:
        """``fmt`` writes a value ('75.0%'); ``peak`` fixes the full bar (100 for percentages)."""
        self._items = [
            (
                str(item[0]),
                float(item[1] or 0),
                QColor(item[2] if len(item) > 2 else PALETTE[i % 7]),
            )
            for i, item in enumerate(items)
        ]
        self._keys = list(keys) if keys is not None else []
        self._fmt = fmt or (lambda v: f"{v:,.0f}")
        self._peak = peak
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if self._keys else Qt.CursorShape.ArrowCursor
        )
        self.updateGeometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def items(self) -> list[tuple[str, float]]:
        return [(label, value) for label, value, _ in self._items]

    def key_at(self, y: float) -> object | None:
        """The key of the bar at height ``y``, None between bars or without keys."""
        row, offset = divmod(y - self.GAP, self.BAR_HEIGHT + self.GAP)
        if y < self.GAP or offset > self.BAR_HEIGHT or not 0 <= row < len(self._keys):
            return None
        return self._keys[int(row)]

    def bar_center(self, index: int) -> float:
        return self.GAP + index * (self.BAR_HEIGHT + self.GAP) + self.BAR_HEIGHT / 2

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self.key_at(event.position().y())
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(key)
            return
        super().mousePressEvent(event)

    def sizeHint(self) -> QSize:
        rows = max(len(self._items), 1)
        return QSize(360, rows * (self.BAR_HEIGHT + self.GAP) + self.GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def bars_visible(self) -> int:
        """How many bars fit the height the chart was given (all of them, unless squeezed)."""
        return min(
            len(self._items), max(0, (self.height() - self.GAP) // (self.BAR_HEIGHT + self.GAP))
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_color = self.palette().windowText().color()
        if not self._items:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            painter.end()
            return
        label_w = max(metrics.horizontalAdvance(label) for label, _, _ in self._items) + 12
        label_w = min(label_w, self.width() // 2)
        value_w = max(metrics.horizontalAdvance(self._fmt(v)) for _, v, _ in self._items) + 10
        bar_space = max(self.width() - label_w - value_w - 8, 10)
        peak = self._peak or max(v for _, v, _ in self._items) or 1
        y = self.GAP
        for label, value, color in self._items:
            row = QRectF(0, y, label_w - 8, self.BAR_HEIGHT)
            painter.setPen(text_color)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(row.width()))
            painter.drawText(
                row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
            )
            width = max(bar_space * value / peak, 2 if value else 0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(label_w, y + 2, width, self.BAR_HEIGHT - 4), 3, 3)
            painter.setPen(text_color)
            value_rect = QRectF(label_w + width + 6, y, value_w, self.BAR_HEIGHT)
            painter.drawText(
                value_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._fmt(value),
            )
            y += self.BAR_HEIGHT + self.GAP
        painter.end()
