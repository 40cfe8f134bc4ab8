"""Column widths of the window's tables: names and paths get the room, and the widths a clerk
sets are remembered per table (QSettings), so every list opens the way it was left.

Qt's default gives all spare width to the *last* column (often a date or a count) and forgets a
resized column on the next visit. :func:`fit_columns` measures a table once (only the rows that
are loaded) with a cap per column, then gives what is left of the viewport to the column that
holds names or paths; :class:`WidthKeeper` stores a column the clerk drags and puts it back the
next time a table with the same key is shown — after that, fitting never overrides the clerk.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

from ui.settings import Settings

SAVE_DELAY_MS = 400
MIN_ROOM = 160  # the room column is never narrower than this


class WidthKeeper(QObject):
    """Remembers the widths of one table's columns under ``key``."""

    def __init__(self, view: QTableView | QTreeView, key: str, room: int | None = None):
        super().__init__(view)
        self.key = key
        self.room = room
        self._restoring = False
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        self.header = header
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        header.sectionResized.connect(self._resized)
        self.user_set = False  # widths came from the clerk (now or on an earlier visit)
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize and self.room is not None and not self.user_set:
            fill_room(self.view, self.room)
        return False

    @property
    def view(self):
        return self.parent()

    def saved(self) -> list[int]:
        return Settings().column_widths(self.key)

    def restore(self) -> bool:
        """Put back the clerk's widths; False when there are none for this table."""
        widths = self.saved()
        if not widths or len(widths) != self.header.count():
            return False
        self._restoring = True
        try:
            for i, width in enumerate(widths):
                if width > 0:
                    self.header.resizeSection(i, width)
        finally:
            self._restoring = False
        self.user_set = True
        return True

    def _resized(self, _index: int, _old: int, _new: int) -> None:
        if self._restoring or getattr(self.view, "_fitting", False):
            return
        self.user_set = True
        self._timer.start()

    def save(self) -> None:
        self._timer.stop()
        widths = [self.header.sectionSize(i) for i in range(self.header.count())]
        Settings().set_column_widths(self.key, widths)


def keep_widths(view, key: str, room: int | None = None) -> WidthKeeper:
    """Attach a :class:`WidthKeeper` (``view.width_keeper``) and restore saved widths."""
    keeper = WidthKeeper(view, key, room)
    view.width_keeper = keeper
    keeper.restore()
    return keeper


FIT_ROWS = 60  # rows a column's fitted width is measured on (the visible ones first)


def fit_columns(view, caps: dict[int, int] | None = None, room: int | None = None) -> None:
    """Size the columns to the loaded rows (``caps``: the widest a column may get), then give
    the rest of the viewport to ``room`` (the name or path column). Does nothing once the
    clerk has set widths for this table (see :class:`WidthKeeper`)."""
    keeper: WidthKeeper | None = getattr(view, "width_keeper", None)
    if keeper is not None and keeper.user_set:
        return
    room = room if room is not None else keeper.room if keeper is not None else None
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    # Qt measures up to 1,000 rows per column by default: on the grid of 5,000 datasets × 60
    # fields that froze the window for 1.6 s. The shown rows and a few more tell the width.
    header.setResizeContentsPrecision(FIT_ROWS)
    view._fitting = True
    try:
        if isinstance(view, QTableView):
            view.resizeColumnsToContents()
        else:
            for i in range(header.count()):
                view.resizeColumnToContents(i)
        for column, widest in (caps or {}).items():
            if column < header.count():
                header.resizeSection(column, min(header.sectionSize(column), widest))
        if room is not None and 0 <= room < header.count():
            view._room_natural = header.sectionSize(room)
            fill_room(view, room)
    finally:
        view._fitting = False


def fill_room(view, room: int) -> None:
    """Widen the ``room`` column to the viewport's spare width (never narrower than now)."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    if not 0 <= room < header.count():
        return
    fitting, view._fitting = getattr(view, "_fitting", False), True
    try:
        used = sum(header.sectionSize(i) for i in range(header.count()) if i != room)
        spare = view.viewport().width() - used - 2
        natural = getattr(view, "_room_natural", header.sectionSize(room))
        header.resizeSection(room, max(natural, spare, MIN_ROOM))
    finally:
        view._fitting = fitting
