"""What the main window expects of a page: a title, a refresh when shown, a clean shutdown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext


class Page(QWidget):
    """A page of the main window's stack, built lazily on first show."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(18, 14, 18, 14)
        self.layout_.setSpacing(10)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.layout_.addWidget(heading)

    def on_shown(self) -> None:
        """Called each time the page becomes visible: re-read what may have changed."""

    def focus_search(self) -> bool:
        """Put the cursor in this page's search box; False when the page has none."""
        return False

    def busy(self) -> bool:
        """True while work that must not be abandoned (a scan) is running."""
        return False

    def shutdown(self) -> None:
        """Stop this page's own workers (the window is closing or the catalog changes)."""


def note(text: str, object_name: str = "note") -> QLabel:
    """A wrapped explanatory paragraph."""
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed box (styled by the stylesheet's QFrame#card)."""
    frame = QFrame(parent)
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(6)
    return frame, layout


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def table_view(model) -> QTableView:
    """A read-only, row-selecting table with interactive column widths."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view
