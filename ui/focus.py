"""No focus jump when a button is disabled for a job (issue 15).

Qt moves the keyboard focus off a widget that gets disabled to the next one in the tab chain; on
the 공개목록 page that is the 기관명 field, and a line edit that receives focus that way selects
all its text — one keystroke from overwriting it. Before a page disables the focused button it
parks the focus on the page itself, and gives it back to the button once the job is done (if the
clerk has not clicked elsewhere meanwhile).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def keep_focus_off_fields(page: QWidget, disabling: Iterable[QWidget]) -> None:
    """Call before ``setEnabled(False)`` on ``disabling``, and again (with what stays disabled)
    after re-enabling: parks the focus on ``page`` and later returns it."""
    focus = QApplication.focusWidget()
    disabling = [w for w in disabling if w.isEnabled()]
    if focus is not None and any(w is focus or w.isAncestorOf(focus) for w in disabling):
        page._focus_parked = focus
        page.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        page.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    parked = getattr(page, "_focus_parked", None)
    if parked is not None and parked not in disabling and QApplication.focusWidget() is page:
        page._focus_parked = None
        restore = lambda: parked.setFocus(Qt.FocusReason.OtherFocusReason)  # noqa: E731
        if parked.isEnabled():
            restore()
        else:  # enabled right after this call: give it back on the next turn
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: restore() if parked.isEnabled() else None)
