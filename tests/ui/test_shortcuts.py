"""One meaning per key (issue 15): 점검 on 공개목록 is F7 (F5 is the window's 다시 스캔; both on
F5 made Qt log an ambiguous shortcut and neither fired), no key bound twice where both could
fire, and every binding listed in 도움말 › 단축키."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton

from ui.main_window import PAGE_KEYS
from ui.shortcuts import SHORTCUTS, ShortcutsDialog

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _bindings(window) -> list[tuple[str, object, Qt.ShortcutContext]]:
    """(key, owner widget, context) of every shortcut in the built window."""
    out = []
    for action in window.findChildren(QAction):
        owner = action.parent()
        for key in action.shortcuts():
            if not key.isEmpty():
                out.append((key.toString(), owner, action.shortcutContext()))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.key().isEmpty():
            out.append((shortcut.key().toString(), shortcut.parent(), shortcut.context()))
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():
            out.append((button.shortcut().toString(), button, Qt.ShortcutContext.WindowShortcut))
    return out


def _related(a, b) -> bool:
    return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)


def test_no_key_means_two_things_where_both_could_fire(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    for key in PAGE_KEYS:
        window.show_page(key)
    bindings = _bindings(window)
    window_keys = [k for k, owner, ctx in bindings if owner is window and ctx in WINDOW_WIDE]
    assert len(window_keys) == len(set(window_keys)), window_keys
    clashes = []
    for i, (key, owner, _ctx) in enumerate(bindings):
        if owner is window:
            continue
        if key in window_keys:
            clashes.append((key, owner.objectName() or type(owner).__name__, "window"))
        for other_key, other, _ in bindings[i + 1 :]:
            if (
                other is not window
                and other_key == key
                and other is not owner
                and _related(owner, other)
            ):
                clashes.append((key, type(owner).__name__, type(other).__name__))
    assert clashes == []


def test_f7_checks_and_f5_rescans(make_window, catalog_copy, qtbot, monkeypatch):
    window = make_window(catalog_copy)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # shortcuts fire in the active window
    page = window.show_page("disclosure")
    assert page.validate_button.text() == "점검 (F7)"
    page.problem_tree.setFocus()
    assert not page.busy()
    qtbot.keyClick(page.problem_tree, Qt.Key.Key_F7)
    assert page.busy() and "점검하는 중" in page.problem_summary.text()
    qtbot.waitUntil(lambda: not page.busy(), timeout=30_000)
    assert page.problems_shown  # F7 ran the check
    rescans = []
    monkeypatch.setattr(window, "rescan", lambda: rescans.append(1))
    window.rescan_action.triggered.disconnect()
    window.rescan_action.triggered.connect(window.rescan)
    qtbot.keyClick(page.problem_tree, Qt.Key.Key_F5)
    assert rescans == [1]
    assert window.rescan_action.shortcut() == QKeySequence("F5")


def test_the_help_lists_every_binding(make_window, catalog_copy):
    window = make_window(catalog_copy)
    for key in PAGE_KEYS:
        window.show_page(key)
    listed = {key for _scope, key, _text in SHORTCUTS}
    listed |= {f"Ctrl+{i}" for i in range(1, len(PAGE_KEYS) + 1)}  # 'Ctrl+1 … Ctrl+8'
    actual = {key for key, _owner, _ctx in _bindings(window)}
    actual = {QKeySequence(k).toString() for k in actual}
    normal = {QKeySequence(k).toString() for k in listed}
    # the other keys a platform binds to a standard key (Shift+Ins for Paste …) are not listed
    standard = {
        key.toString()
        for name in ("Paste", "Undo", "Redo", "Save", "Delete", "Find", "Open", "Quit")
        for key in QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, name))
    }
    extra = actual - normal - standard
    assert extra == set(), extra
    dialog = ShortcutsDialog(window)
    texts = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "F5" in texts and "F7" in texts and "F1" in texts
    assert window.shortcuts_action.shortcut() == QKeySequence("F1")
    assert window.shortcuts_action in window.help_menu.actions()
