"""공개 항목: the disclosure metadata form of one dataset (issue 6).

Every dataset field of ``catalog_app.disclosure.vocab`` gets an editor (a vocabulary is a combo
box), the columns' 공개여부 / 비공개사유 / 개인정보여부 are a table, and what ``validate`` finds is
shown under the field it concerns. The state is built and validated on the task runner; only
values that were changed are written (``MetadataStore.set_fields``), and a save is undone as a
whole with ``MetadataStore.undo``.

A value the scan or the settings give (확장자, 관리부서 전화번호 …) is never put into an editor:
it is the editor's placeholder ('스캔: CSV') or a combo's first item ('(자동: 공개)'), so saving
the form never freezes a derived value as if a person had entered it.

This module keeps what ties the parts together (loading, filling, dirty state, save, undo,
focus); the header bar and the dataset field editors are in ``metadata_widgets``, the column
table in ``metadata_columns``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.context import AppContext
from ui.pages.base import section_title
from ui.pages.metadata_columns import COL_CHECK, COL_LABEL, COL_SCAN, ColumnOpennessTable
from ui.pages.metadata_widgets import DatasetFields, FormHeader, problem_html

# The column table's layout is re-exported: callers and tests read it from this module.
__all__ = ["COL_CHECK", "COL_LABEL", "COL_SCAN", "MetadataForm", "ask_unsaved"]

# Combo boxes for this many column rows per turn of the event loop (~1.5 ms a row): a file with
# hundreds of columns must not freeze the window while its table is filled.
_COMBO_ROWS_PER_TURN = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("MetadataForm", text)


def ask_unsaved(parent: QWidget | None) -> str:
    """'save', 'discard' or 'cancel' for unsaved changes (a module function: tests replace it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("저장하지 않은 변경"))
    box.setText(_tr("공개 항목에 저장하지 않은 변경이 있습니다. 저장할까요?"))
    save = box.addButton(_tr("저장"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("저장 안 함"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("취소"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return "save"
    if clicked is discard:
        return "discard"
    return "cancel"


class MetadataForm(QWidget):
    """The 공개 항목 of one dataset: :meth:`load` it, edit, :meth:`save` / :meth:`undo`."""

    saved = Signal(int)  # dataset id: its stored values changed (a save, or an undo of one)
    loaded = Signal(int)  # dataset id: the form shows its values and problems
    dirty_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._dataset_id: int | None = None  # the dataset shown (or being loaded)
        self._loaded_id: int | None = None  # the dataset whose values the editors hold
        self._generation = 0
        self._loading = False
        self._busy = False  # a save or an undo is on the runner
        self._filling = False
        self._dirty = False
        self._result = None  # (state, problems) of the last load
        self._saves: dict[int, list[list[int]]] = {}  # dataset id -> batch ids of each save
        self._pending_focus: tuple[str, str | None] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        self.header = FormHeader()
        self.summary, self.status = self.header.summary, self.header.status
        self.dirty_marker = self.header.dirty_marker
        self.undo_button, self.save_button = self.header.undo_button, self.header.save_button
        self.undo_button.clicked.connect(self.undo)
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.header)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setTextFormat(Qt.TextFormat.RichText)
        self.general.hide()
        layout.addWidget(self.general)

        # Two panes, each scrolling on its own (no scroll area inside a scroll area): the dataset
        # fields above, the column table below; the splitter is the clerk's to move.
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 8, 8)
        content_layout.setSpacing(8)
        content_layout.addWidget(section_title(self.tr("데이터셋 항목")))
        self.dataset_fields = DatasetFields()
        self.dataset_fields.edited.connect(self._edited)
        content_layout.addWidget(self.dataset_fields)
        content_layout.addStretch(1)
        self.scroll.setWidget(self.content)
        self.split.addWidget(self.scroll)
        self.columns_pane = QWidget()
        columns_layout = QVBoxLayout(self.columns_pane)
        columns_layout.setContentsMargins(0, 4, 0, 0)
        columns_layout.setSpacing(4)
        columns_layout.addWidget(section_title(self.tr("컬럼 공개 설정")))
        hint = QLabel(
            self.tr(
                "개인정보가 든 컬럼은 스캔 결과로 비공개(9-6)가 제안됩니다. 비워 두면 제안이나 "
                "데이터셋의 공개여부를 따릅니다."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        columns_layout.addWidget(hint)
        self.column_table = ColumnOpennessTable()
        self.column_table.edited.connect(self._edited)
        columns_layout.addWidget(self.column_table, 1)
        self.split.addWidget(self.columns_pane)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        layout.addWidget(self.split, 1)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.clear()

    def _set_enabled(self, enabled: bool) -> None:
        """Both panes take edits, or neither (loading, saving, no dataset). The field being
        typed in keeps the focus through a save: it is parked on the form, not thrown to the
        next text field (which would select all its text), and given back after."""
        from ui.focus import keep_focus_off_fields

        panes = [self.content, self.columns_pane]
        if not enabled:
            keep_focus_off_fields(self, panes)
        for pane in panes:
            pane.setEnabled(enabled)
        if enabled:
            keep_focus_off_fields(self, [])

    # ------------------------------------------------------------------ state
    @property
    def dataset_id(self) -> int | None:
        """The dataset shown (or being loaded)."""
        return self._dataset_id

    def is_loading(self) -> bool:
        return self._loading

    def is_busy(self) -> bool:
        """A load, save or undo is on the runner."""
        return self._loading or self._busy

    def is_dirty(self) -> bool:
        return self._dirty

    def editor(self, key: str) -> QWidget:
        """The editor of a dataset field (for tests and :meth:`focus_field`)."""
        return self.dataset_fields.editor(key)

    def problem_text(self, key: str) -> str:
        """The in-place problems of a dataset field as plain text ('' when none)."""
        return self.dataset_fields.problem_text(key)

    def column_combo(self, label: str, key: str, table_key: str | None = None) -> QComboBox:
        """The combo box of a column's ``key`` (openness, reason, pii) in the column table."""
        return self.column_table.column_combo(label, key, table_key)

    def undo_count(self, dataset_id: int | None = None) -> int:
        """Saves of the dataset (the shown one by default) that 되돌리기 can undo."""
        return len(self._saves.get(self._dataset_id if dataset_id is None else dataset_id, []))

    # ------------------------------------------------------------------ loading
    def clear(self) -> None:
        """No dataset: empty, disabled editors (unsaved changes are dropped)."""
        self._generation += 1
        self._dataset_id = self._loaded_id = None
        self._result = None
        self._loading = False
        self._pending_focus = None
        self._fill_empty()
        self.status.setText(self.tr("데이터셋을 고르면 공개 항목이 여기에 나옵니다."))
        self._set_enabled(False)
        self._set_dirty(False)
        self._update_buttons()

    def confirm_leave(self) -> bool:
        """Before another dataset is shown: save or drop unsaved changes; False to stay."""
        if not self._dirty:
            return True
        answer = ask_unsaved(self)
        if answer == "cancel":
            return False
        if answer == "save":
            self._save(reload_after=False)
        self._set_dirty(False)
        return True

    def load(self, dataset_id: int) -> bool:
        """Build and check the dataset's state on the runner, then fill the form.

        Asks about unsaved changes of another dataset first; False when the clerk cancels.
        """
        if dataset_id != self._dataset_id and not self.confirm_leave():
            return False
        if dataset_id != self._loaded_id:
            self._fill_empty()
            self._set_dirty(False)
        self._dataset_id = dataset_id
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._set_enabled(False)
        self.status.setText(self.tr("불러오는 중…"))
        self._update_buttons()
        year = dt.date.today().year

        def job(catalog):
            from catalog_app.disclosure.state import build_state
            from catalog_app.disclosure.validate import validate

            state = build_state(catalog, year, dataset_ids=[dataset_id])
            return state, validate(state)

        self.ctx.runner.submit(
            job,
            lambda result: self._loaded(generation, dataset_id, result),
            lambda exc: self._load_failed(generation, exc),
        )
        return True

    def reload(self) -> None:
        if self._dataset_id is not None:
            self.load(self._dataset_id)

    def _load_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status.setText(self.tr("공개 항목을 불러오지 못했습니다: {msg}").format(msg=exc))
        self._update_buttons()

    def _loaded(self, generation: int, dataset_id: int, result) -> None:
        if generation != self._generation:
            return  # a newer load was asked for
        self._result = result
        self._loaded_id = dataset_id
        self._fill()  # -> _fill_done once the column table is complete

    def _fill_done(self) -> None:
        self._loading = False
        self._set_enabled(self._loaded_id is not None and not self._busy)
        self._update_buttons()
        if self._loaded_id is not None:
            self.loaded.emit(self._loaded_id)
        if self._pending_focus is not None:
            key, column = self._pending_focus
            self._pending_focus = None
            QTimer.singleShot(0, lambda: self._focus_now(key, column))

    # ------------------------------------------------------------------ filling
    def _fill_empty(self) -> None:
        self._filling = True
        try:
            self.dataset_fields.clear_values()
            self.column_table.clear_rows()
            self.summary.clear()
            self.general.hide()
        finally:
            self._filling = False

    def _fill(self) -> None:
        """Put the last loaded state into the editors (also how unsaved edits are dropped)."""
        state, problems = self._result
        record = state.datasets[0] if state.datasets else None
        if record is None:
            self._fill_empty()
            self._loaded_id = None
            self._loading = False
            self._pending_focus = None
            self.status.setText(
                self.tr("없어진 파일이라 공개 항목을 입력할 수 없습니다 (다시 스캔하세요).")
            )
            self._set_enabled(False)
            self._set_dirty(False)
            self._update_buttons()
            return
        self._loading = True  # until the column table has all its combo boxes
        own = [p for p in problems if p.dataset_id == record.dataset_id]
        by_field: dict[str, list] = {}
        general = []
        for p in own:
            if p.level == "dataset" and self.dataset_fields.has(p.field):
                by_field.setdefault(p.field, []).append(p)
            elif p.level == "dataset":
                general.append(p)
        self._filling = True
        try:
            self.dataset_fields.set_categories(state.category_table().current_pairs())
            self.dataset_fields.fill(record, by_field)
            self.column_table.fill(state, record, [p for p in own if p.level == "column"])
        finally:
            self._filling = False
        self.header.show_summary(own, [p for p in problems if p.level == "institution"], record)
        self.general.setText(problem_html(general))
        self.general.setVisible(bool(general))
        self._set_dirty(False)
        self._add_combos(self.column_table.serial, 0)

    def _add_combos(self, serial: int, first: int) -> None:
        """Combo boxes for a chunk of column rows, then the next chunk on a later turn."""
        table = self.column_table
        if serial != table.serial:
            return  # another fill started meanwhile
        self._filling = True
        try:
            last = table.add_combos(first, _COMBO_ROWS_PER_TURN)
        finally:
            self._filling = False
        if last < table.rowCount():
            QTimer.singleShot(0, lambda: self._add_combos(serial, last))
            return
        self._fill_done()

    # ------------------------------------------------------------------ editing
    def changes(self) -> tuple[dict[str, str], dict[tuple[str, str], dict[str, str]]]:
        """(dataset field → value, (table_key, label, column id) → field → value) that differ from what was
        entered when loaded; '' clears an entered value."""
        return self.dataset_fields.changes(), self.column_table.changes()

    def _edited(self, *_args) -> None:
        if self._filling or self._loaded_id is None:
            return
        dataset, columns = self.changes()
        self._set_dirty(bool(dataset or columns))

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self.dirty_marker.setVisible(dirty)
        self._update_buttons()
        if changed:
            self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        idle = not self._loading and not self._busy and self._loaded_id is not None
        self.save_button.setEnabled(idle and self._dirty)
        can_undo = self._dirty or bool(self.undo_count())
        self.undo_button.setEnabled(idle and can_undo)
        if self._dirty:
            self.undo_button.setToolTip(self.tr("저장하지 않은 변경을 버리고 불러온 값으로"))
        else:
            self.undo_button.setToolTip(self.tr("마지막 저장을 되돌립니다"))

    # ------------------------------------------------------------------ save / undo
    def save(self) -> bool:
        """Write the changed values on the runner, then reload; False when there is nothing."""
        if self._loading or self._busy or not self._dirty or self._loaded_id is None:
            return False
        self._save(reload_after=True)
        return True

    def _save(self, reload_after: bool) -> None:
        dataset_id = self._loaded_id
        dataset, columns = self.changes()

        def job(catalog):
            from catalog_app.disclosure.metadata import MetadataStore

            store = MetadataStore(catalog)
            batches = []
            if dataset:
                batches.append(store.set_fields(dataset_id, dataset))
            for (table_key, label, column_id), values in columns.items():
                batches.append(
                    store.set_fields(
                        dataset_id, values, table_key=table_key, label=label, column_id=column_id
                    )
                )
            return [b for b in batches if b is not None]

        self._busy = True
        self._set_enabled(False)  # edits made now would be lost by the reload
        self._update_buttons()
        self.ctx.runner.submit(
            job,
            lambda batches: self._saved(dataset_id, batches, reload_after),
            lambda exc: self._write_failed(exc, self.tr("저장하지 못했습니다: {msg}"), False),
        )

    def _saved(self, dataset_id: int, batches: list[int], reload_after: bool) -> None:
        self._busy = False
        if batches:
            self._saves.setdefault(dataset_id, []).append(batches)
        if reload_after and dataset_id == self._dataset_id:
            self.load(dataset_id)
        self._update_buttons()
        self.saved.emit(dataset_id)

    def _write_failed(self, exc: Exception, text: str, reload: bool) -> None:
        self._busy = False
        if reload:
            self.reload()
        else:  # the edits stay in the form, to correct and save again
            self._set_enabled(self._loaded_id is not None and not self._loading)
        self._update_buttons()
        dialogs.show_error(self, text.format(msg=exc))

    def undo(self) -> bool:
        """Drop unsaved edits; with none, undo the dataset's last save. False when nothing."""
        if self._loading or self._busy or self._loaded_id is None:
            return False
        if self._dirty:
            self._fill()
            return True
        saves = self._saves.get(self._loaded_id)
        if not saves:
            return False
        dataset_id, batches = self._loaded_id, saves.pop()

        def job(catalog):
            from catalog_app.disclosure.metadata import MetadataStore

            store = MetadataStore(catalog)
            for batch in reversed(batches):
                store.undo(batch)

        self._busy = True
        self._update_buttons()
        self.ctx.runner.submit(
            job,
            lambda _r: self._undone(dataset_id),
            lambda exc: self._write_failed(exc, self.tr("되돌리지 못했습니다: {msg}"), True),
        )
        return True

    def _undone(self, dataset_id: int) -> None:
        self._busy = False
        if dataset_id == self._dataset_id:
            self.load(dataset_id)
        self._update_buttons()
        self.saved.emit(dataset_id)

    # ------------------------------------------------------------------ focus
    def focus_field(self, key: str, column_label: str | None = None) -> None:
        """Scroll to and focus a dataset field's editor, or select a column's row (and focus its
        ``key`` combo); waits for a load in progress."""
        if self._loading or self._loaded_id is None:
            self._pending_focus = (key, column_label)
            return
        QTimer.singleShot(0, lambda: self._focus_now(key, column_label))

    def _focus_now(self, key: str, column_label: str | None) -> None:
        if column_label:
            target = self.column_table.select_column(column_label, key)
            if target is None:
                return
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        row = self.dataset_fields.row(key)
        if row is None:
            self.scroll.verticalScrollBar().setValue(0)
            return
        self.scroll.ensureWidgetVisible(row.container, 20, 40)
        row.editor.setFocus(Qt.FocusReason.OtherFocusReason)
