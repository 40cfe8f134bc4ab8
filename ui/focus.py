"""No focus jump when a button is disabled for a job (issue 15).

Qt moves the keyboard focus off a widget that gets disabled to the next one in the tab chain; on
the 공개목록 page that is the 기관명 field, and a line edit that receives focus that way selects
all its text — one keystroke from overwriting it. Before a page disables the focused button it
parks the focus on the page itself, and gives it back to the button once the job is done (if the
clerk has not clicked elsewhere meanwhile).
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def keep_focus_off_fields(page: QWidget, disabling: Iterable[QWidget]) -> None:
    """Call before ``setEnabled(False)`` on ``disabling``, and again (with what stays disabled,
    often nothing) after re-enabling: parks the focus on ``page`` and later returns it."""
    disabling = list(disabling)

    def inside(widget: QWidget) -> bool:
        return any(d is widget or d.isAncestorOf(widget) for d in disabling)

    focus = QApplication.focusWidget()
    if focus is not None and focus is not page and inside(focus) and focus.isEnabled():
        page._focus_parked = focus
        page.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        page.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    parked = getattr(page, "_focus_parked", None)
    if parked is not None and not shiboken6.isValid(parked):
        parked = page._focus_parked = None  # deleted meanwhile (a table refilled its rows)
    if parked is None:
        return
    if QApplication.focusWidget() not in (page, None):
        page._focus_parked = None  # the clerk went somewhere else meanwhile: leave it there
        return
    if inside(parked):
        return  # still (or again) being disabled: stays parked

    def restore() -> None:
        if not (shiboken6.isValid(page) and shiboken6.isValid(parked)):
            return
        if getattr(page, "_focus_parked", None) is parked and parked.isEnabled():
            page._focus_parked = None
            if QApplication.focusWidget() in (page, None):
                parked.setFocus(Qt.FocusReason.OtherFocusReason)

    if parked.isEnabled():
        restore()
    else:  # enabled right after this call: give it back on the next turn
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, restore)
