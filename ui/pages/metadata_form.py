"""공개 항목: the disclosure metadata form of one dataset (issue 6).

Every dataset field of ``catalog_app.disclosure.vocab`` gets an editor (a vocabulary is a combo
box), the columns' 공개여부 / 비공개사유 / 개인정보여부 are a table, and what ``validate`` finds is
shown under the field it concerns. The state is built and validated on the task runner; only
values that were changed are written (``MetadataStore.set_fields``), and a save is undone as a
whole with ``MetadataStore.undo``.

A value the scan or the settings give (확장자, 관리부서 전화번호 …) is never put into an editor:
it is the editor's placeholder ('스캔: CSV') or a combo's first item ('(자동: 공개)'), so saving
the form never freezes a derived value as if a person had entered it.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.disclosure import vocab
from ui import dialogs, labels
from ui.context import AppContext
from ui.models import ERROR_COLOR
from ui.pages.base import section_title

WARNING_COLOR = QColor("#8f5b00")  # amber, dark enough to read on white
OK_COLOR = QColor("#2e7d32")
ENTERED, SCAN, SETTINGS = "entered", "scan", "settings"  # catalog_app.disclosure.model sources

# The dataset fields in two columns of the form (identification and upkeep | content and access).
_SPLIT = 15
_TABLE_ROWS_SHOWN = 12  # the column table grows up to this many rows, then scrolls
# Combo boxes for this many column rows per turn of the event loop (~1.5 ms a row): a file with
# hundreds of columns must not freeze the window while its table is filled.
_COMBO_ROWS_PER_TURN = 40

# Column table layout.
COL_LABEL, COL_SCAN, COL_OPENNESS, COL_REASON, COL_PII, COL_CHECK = range(6)
_COLUMN_EDITORS = {COL_OPENNESS: "openness", COL_REASON: "reason", COL_PII: "pii"}

_DATE_SHAPE = QRegularExpression(r"\d{0,8}|\d{4}-\d{0,2}|\d{4}-\d{2}-\d{0,2}")
_INT_SHAPE = QRegularExpression(r"\d{0,15}")


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


class _Combo(QComboBox):
    """Takes the mouse wheel only when focused: scrolling the form must not change values."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _item_text(f: vocab.Field, value: str) -> str:
    return vocab.reason_label(value) if f.kind == "reason" else value


def _vocab_combo(f: vocab.Field) -> _Combo:
    """'' (or the derived value) first, then the vocabulary; item data is the stored value."""
    combo = _Combo()
    combo.addItem("", None)
    for value in f.vocab or ():
        combo.addItem(_item_text(f, value), value)
    return combo


def _set_combo(combo: QComboBox, f: vocab.Field, value: str, first: str) -> None:
    """Select ``value`` (a value outside the vocabulary is added so it is seen, not lost)."""
    base = 1 + len(f.vocab or ())
    while combo.count() > base:
        combo.removeItem(base)
    combo.setItemText(0, first)
    if not value:
        combo.setCurrentIndex(0)
        return
    index = combo.findData(value)
    if index < 0:
        combo.addItem(_tr("{value} (허용되지 않은 값)").format(value=value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def _source_name(source: str) -> str:
    return {SCAN: _tr("스캔"), SETTINGS: _tr("설정"), ENTERED: _tr("입력")}.get(source, source)


def _short(problem) -> str:
    """The problem's message without the '[데이터셋] 항목: ' it starts with (shown by the place)."""
    text = problem.message
    prefix = f"[{problem.dataset_name}] "
    if text.startswith(prefix):
        text = text[len(prefix) :]
    if problem.level == "dataset" and text.startswith(f"{problem.field_label}: "):
        text = text[len(problem.field_label) + 2 :]
    return text


def _problem_html(problems: list) -> str:
    lines = []
    for p in problems:
        blocking = p.severity == "error"
        colour = (ERROR_COLOR if blocking else WARNING_COLOR).name()
        kind = _tr("차단") if blocking else _tr("경고")
        lines.append(
            f"<span style='color:{colour}'>{html.escape(kind)} {html.escape(p.code)} · "
            f"{html.escape(_short(p))}</span>"
        )
    return "<br>".join(lines)


@dataclass
class _FieldRow:
    field: vocab.Field
    editor: QWidget
    container: QWidget
    problems: QLabel
    original: str = ""  # the entered value when loaded ('' = nothing entered)


@dataclass
class _ColumnRow:
    table_key: str
    label: str
    record: object  # the ColumnRecord
    problems: list = field(default_factory=list)
    combos: dict[str, QComboBox] = field(default_factory=dict)  # filled a chunk at a time
    original: dict[str, str] = field(default_factory=dict)


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
        self._rows: dict[str, _FieldRow] = {}
        self._column_rows: list[_ColumnRow] = []
        self._fill_serial = 0  # bumped by every fill: a stale chunk of combos stops
        self._inherited_openness = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_header())
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setTextFormat(Qt.TextFormat.RichText)
        self.general.hide()
        layout.addWidget(self.general)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 8, 8)
        content_layout.setSpacing(8)
        content_layout.addWidget(section_title(self.tr("데이터셋 항목")))
        columns = QHBoxLayout()
        columns.setSpacing(24)
        for part in (vocab.DATASET_FIELDS[:_SPLIT], vocab.DATASET_FIELDS[_SPLIT:]):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setVerticalSpacing(6)
            for f in part:
                row = self._build_row(f)
                self._rows[f.key] = row
                form.addRow(self._field_label(f), row.container)
            columns.addLayout(form, 1)
        content_layout.addLayout(columns)
        content_layout.addWidget(section_title(self.tr("컬럼 공개 설정")))
        hint = QLabel(
            self.tr(
                "개인정보가 든 컬럼은 스캔 결과로 비공개(9-6)가 제안됩니다. 비워 두면 제안이나 "
                "데이터셋의 공개여부를 따릅니다."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        content_layout.addWidget(hint)
        self.column_table = self._build_column_table()
        content_layout.addWidget(self.column_table)
        content_layout.addStretch(1)
        self.scroll.setWidget(self.content)
        layout.addWidget(self.scroll, 1)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.clear()

    # ------------------------------------------------------------------ building
    def _build_header(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.summary)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.dirty_marker = QLabel(self.tr("● 저장하지 않은 변경"))
        self.dirty_marker.setStyleSheet(f"color: {WARNING_COLOR.name()}; font-weight: bold")
        self.dirty_marker.hide()
        bar.addWidget(self.dirty_marker)
        self.undo_button = QPushButton(self.tr("되돌리기"))
        self.undo_button.clicked.connect(self.undo)
        bar.addWidget(self.undo_button)
        self.save_button = QPushButton(self.tr("저장"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(self.tr("바꾼 항목만 저장합니다 (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.save_button)
        return bar

    def _field_label(self, f: vocab.Field) -> QLabel:
        text = html.escape(f.label)
        if f.required:
            text += f" <span style='color:{ERROR_COLOR.name()}'>*</span>"
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        tip = f.help or ""
        if f.required:
            tip = (tip + "\n" if tip else "") + self.tr("필수 항목")
        label.setToolTip(tip)
        return label

    def _build_row(self, f: vocab.Field) -> _FieldRow:
        if f.kind == "category":
            editor: QWidget = _vocab_combo(f)
            editor.setEditable(True)
            editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            editor.lineEdit().setPlaceholderText(self.tr("대분류 또는 '대분류 - 중분류'"))
            editor.editTextChanged.connect(self._edited)
        elif f.vocab is not None:
            editor = _vocab_combo(f)
            editor.currentIndexChanged.connect(self._edited)
        elif f.kind == "long_text":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            lines = editor.fontMetrics().lineSpacing()
            editor.setMaximumHeight(lines * 4 + 12)
            editor.setMinimumHeight(lines * 2 + 12)
            editor.textChanged.connect(self._edited)
        else:
            editor = QLineEdit()
            if f.kind == "date":
                editor.setValidator(QRegularExpressionValidator(_DATE_SHAPE, editor))
                editor.editingFinished.connect(lambda e=editor: self._tidy_date(e))
            elif f.kind == "int":
                editor.setValidator(QRegularExpressionValidator(_INT_SHAPE, editor))
            editor.textChanged.connect(self._edited)
        editor.setObjectName(f"field_{f.key}")
        editor.setAccessibleName(f.label)
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        problems = QLabel()
        problems.setWordWrap(True)
        problems.setTextFormat(Qt.TextFormat.RichText)
        problems.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        problems.hide()
        box.addWidget(problems)
        return _FieldRow(f, editor, container, problems)

    def _build_column_table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setHorizontalHeaderLabels(
            [
                self.tr("컬럼"),
                self.tr("개인정보(스캔)"),
                self.tr("공개/비공개여부"),
                self.tr("비공개사유"),
                self.tr("개인정보여부"),
                self.tr("검사"),
            ]
        )
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        return table

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
        return self._rows[key].editor

    def problem_text(self, key: str) -> str:
        """The in-place problems of a dataset field as plain text ('' when none)."""
        row = self._rows[key]
        return row.problems.property("plain") or ""

    def column_combo(self, label: str, key: str, table_key: str | None = None) -> QComboBox:
        return self._column_row(label, table_key)[1].combos[key]

    def _column_row(self, label: str, table_key: str | None = None) -> tuple[int, _ColumnRow]:
        for i, row in enumerate(self._column_rows):
            if row.label == label and (table_key is None or row.table_key == table_key):
                return i, row
        raise KeyError(label)

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
        self.content.setEnabled(False)
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
        self.content.setEnabled(False)
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
        self.content.setEnabled(self._loaded_id is not None and not self._busy)
        self._update_buttons()
        if self._loaded_id is not None:
            self.loaded.emit(self._loaded_id)
        if self._pending_focus is not None:
            key, column = self._pending_focus
            self._pending_focus = None
            QTimer.singleShot(0, lambda: self._focus_now(key, column))

    # ------------------------------------------------------------------ filling
    def _fill_empty(self) -> None:
        self._fill_serial += 1
        self._filling = True
        try:
            for row in self._rows.values():
                self._set_editor(row, "", "", "")
                row.original = ""
                self._show_problems(row, [])
            self.column_table.setRowCount(0)
            self._column_rows = []
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
            self.content.setEnabled(False)
            self._set_dirty(False)
            self._update_buttons()
            return
        self._loading = True  # until the column table has all its combo boxes
        self._fill_serial += 1
        own = [p for p in problems if p.dataset_id == record.dataset_id]
        by_field: dict[str, list] = {}
        general = []
        for p in own:
            if p.level == "dataset" and p.field in self._rows:
                by_field.setdefault(p.field, []).append(p)
            elif p.level == "dataset":
                general.append(p)
        self._filling = True
        try:
            for key, row in self._rows.items():
                source = record.sources.get(key, "")
                value = record.get(key)
                entered = value if source == ENTERED else ""
                derived = value if source != ENTERED else ""
                self._set_editor(row, entered, derived, source)
                row.original = entered
                self._show_problems(row, by_field.get(key, []))
            self._fill_columns(state, record, [p for p in own if p.level == "column"])
        finally:
            self._filling = False
        self._show_summary(own, [p for p in problems if p.level == "institution"], record)
        self.general.setText(_problem_html(general))
        self.general.setVisible(bool(general))
        self._set_dirty(False)
        self._add_combos(self._fill_serial, 0)

    def _set_editor(self, row: _FieldRow, entered: str, derived: str, source: str) -> None:
        f, editor = row.field, row.editor
        hint = ""
        if derived:
            hint = self.tr("{source}: {value}").format(
                source=_source_name(source), value=_item_text(f, derived)
            )
        tip = ""
        if derived:
            tip = self.tr("비워 두면 {source}에서 정한 값 '{value}'을(를) 씁니다.").format(
                source=_source_name(source), value=_item_text(f, derived)
            )
        if isinstance(editor, QComboBox) and f.kind == "category":
            _set_combo(editor, f, "", "")
            editor.setEditText(entered)
            editor.lineEdit().setPlaceholderText(hint or self.tr("대분류 또는 '대분류 - 중분류'"))
        elif isinstance(editor, QComboBox):
            first = (
                self.tr("(자동: {value})").format(value=_item_text(f, derived)) if derived else ""
            )
            _set_combo(editor, f, entered, first)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(entered)
            editor.setPlaceholderText(hint or f.help)
        else:
            editor.setText(entered)
            default = "YYYY-MM-DD" if f.kind == "date" else f.help
            if f.kind == "phone" and not default:
                default = self.tr("예: 02-2148-1234")
            editor.setPlaceholderText(hint or default)
        editor.setToolTip(tip or f.help)

    def _show_problems(self, row: _FieldRow, problems: list) -> None:
        row.problems.setText(_problem_html(problems))
        row.problems.setProperty("plain", "\n".join(_short(p) for p in problems))
        row.problems.setVisible(bool(problems))

    def _show_summary(self, own: list, institution: list, record) -> None:
        errors = sum(1 for p in own if p.severity == "error")
        warnings = len(own) - errors
        text = self.tr("차단 {errors}건 · 경고 {warnings}건").format(
            errors=errors, warnings=warnings
        )
        colour = ERROR_COLOR if errors else WARNING_COLOR if warnings else OK_COLOR
        self.summary.setText(f"<b style='color:{colour.name()}'>{html.escape(text)}</b>")
        notes = []
        if not record.included:
            notes.append(self.tr("목록포함여부가 N이라 공개목록에서 빠지고 검사하지 않습니다."))
        if institution:
            notes.append(
                self.tr("기관 설정 문제 {n}건은 설정에서 고치세요.").format(n=len(institution))
            )
        if not notes:
            notes.append(self.tr("비워 둔 항목은 스캔·설정에서 정한 값(흐린 글씨)을 씁니다."))
        self.status.setText(" ".join(notes))

    def _fill_columns(self, state, record, problems: list) -> None:
        """The rows with their text now; the combo boxes follow in chunks (``_add_combos``)."""
        table = self.column_table
        table.setRowCount(0)
        self._column_rows = []
        columns = state.columns_of(record.key)
        several = len(record.tables) > 1
        by_column: dict[tuple[str, str], list] = {}
        for p in problems:
            by_column.setdefault((p.table_key, p.column), []).append(p)
        own_openness = record.get("openness")
        self._inherited_openness = vocab.OPEN if own_openness == vocab.PARTIAL else own_openness
        table.setRowCount(len(columns))
        for r, c in enumerate(columns):
            found = by_column.get((c.table_key, c.label), [])
            row = _ColumnRow(c.table_key, c.label, c, found)
            name = f"{c.table_name} · {c.label}" if several else c.label
            label_item = QTableWidgetItem(name)
            table.setItem(r, COL_LABEL, label_item)
            table.setItem(r, COL_SCAN, QTableWidgetItem(labels.pii_name(c.pii_kind)))
            marker = QTableWidgetItem(self._marker_text(found))
            if found:
                tip = "\n".join(_short(p) for p in found)
                blocking = any(p.severity == "error" for p in found)
                marker.setForeground(ERROR_COLOR if blocking else WARNING_COLOR)
                marker.setToolTip(tip)
                label_item.setToolTip(tip)
            table.setItem(r, COL_CHECK, marker)
            self._column_rows.append(row)
        table.resizeColumnsToContents()
        table.setColumnWidth(COL_LABEL, min(max(table.columnWidth(COL_LABEL), 120), 260))
        self._fit_table_height()

    def _add_combos(self, serial: int, first: int) -> None:
        """Combo boxes for a chunk of column rows, then the next chunk on a later turn."""
        if serial != self._fill_serial:
            return  # another fill started meanwhile
        last = min(first + _COMBO_ROWS_PER_TURN, len(self._column_rows))
        self._filling = True
        try:
            for r in range(first, last):
                self._add_row_combos(r, self._column_rows[r])
        finally:
            self._filling = False
        if last < len(self._column_rows):
            QTimer.singleShot(0, lambda: self._add_combos(serial, last))
            return
        self._fit_combo_columns()
        self._fill_done()

    def _add_row_combos(self, r: int, row: _ColumnRow) -> None:
        c = row.record
        for col, key in _COLUMN_EDITORS.items():
            f = vocab.field("column", key)
            source = c.sources.get(key, "")
            value = c.get(key)
            entered = value if source == ENTERED else ""
            derived = value if source != ENTERED else ""
            if derived:
                first = self.tr("(자동: {value})").format(value=_item_text(f, derived))
            elif key == "openness" and self._inherited_openness:
                first = self.tr("(데이터셋 따름: {value})").format(value=self._inherited_openness)
            else:
                first = ""
            combo = _vocab_combo(f)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            _set_combo(combo, f, entered, first)
            mine = [p for p in row.problems if p.field == key]
            combo.setToolTip("\n".join(_short(p) for p in mine) or f.label)
            combo.currentIndexChanged.connect(self._edited)
            self.column_table.setCellWidget(r, col, combo)
            row.combos[key], row.original[key] = combo, entered

    def _fit_combo_columns(self) -> None:
        table = self.column_table
        for col, key in _COLUMN_EDITORS.items():  # cell widgets are not measured by Qt
            widest = max(
                (row.combos[key].sizeHint().width() for row in self._column_rows if row.combos),
                default=0,
            )
            table.setColumnWidth(col, min(max(widest + 4, table.columnWidth(col)), 300))
        self._fit_table_height()

    def _marker_text(self, found: list) -> str:
        errors = sum(1 for p in found if p.severity == "error")
        warnings = len(found) - errors
        parts = []
        if errors:
            parts.append(self.tr("차단 {n}").format(n=errors))
        if warnings:
            parts.append(self.tr("경고 {n}").format(n=warnings))
        return " · ".join(parts)

    def _fit_table_height(self) -> None:
        table = self.column_table
        shown = min(table.rowCount(), _TABLE_ROWS_SHOWN)
        rows = sum(table.rowHeight(r) for r in range(shown)) if shown else 24
        header = table.horizontalHeader().sizeHint().height()
        scrollbar = table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(header + rows + scrollbar + 2 * table.frameWidth() + 2)

    @staticmethod
    def _tidy_date(editor: QLineEdit) -> None:
        text = editor.text().strip()
        if len(text) == 8 and text.isdigit():
            editor.setText(f"{text[:4]}-{text[4:6]}-{text[6:]}")

    # ------------------------------------------------------------------ editing
    def _value(self, row: _FieldRow) -> str:
        editor = row.editor
        if isinstance(editor, QComboBox) and editor.isEditable():
            return editor.currentText().strip()
        if isinstance(editor, QComboBox):
            return editor.currentData() or ""
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        return editor.text().strip()

    def changes(self) -> tuple[dict[str, str], dict[tuple[str, str], dict[str, str]]]:
        """(dataset field → value, (table_key, label) → field → value) that differ from what was
        entered when loaded; '' clears an entered value."""
        dataset = {
            key: value
            for key, row in self._rows.items()
            if (value := self._value(row)) != row.original
        }
        columns: dict[tuple[str, str], dict[str, str]] = {}
        for row in self._column_rows:
            for key, combo in row.combos.items():
                value = combo.currentData() or ""
                if value != row.original[key]:
                    columns.setdefault((row.table_key, row.label), {})[key] = value
        return dataset, columns

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
            for (table_key, label), values in columns.items():
                batches.append(
                    store.set_fields(dataset_id, values, table_key=table_key, label=label)
                )
            return [b for b in batches if b is not None]

        self._busy = True
        self.content.setEnabled(False)  # edits made now would be lost by the reload
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
            self.content.setEnabled(self._loaded_id is not None and not self._loading)
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
            try:
                r, row = self._column_row(column_label)
            except KeyError:
                return
            table = self.column_table
            table.selectRow(r)
            table.scrollToItem(table.item(r, COL_LABEL))
            self.scroll.ensureWidgetVisible(table, 20, 20)
            target = row.combos.get(key) or table
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        row = self._rows.get(key)
        if row is None:
            self.scroll.verticalScrollBar().setValue(0)
            return
        self.scroll.ensureWidgetVisible(row.container, 20, 40)
        row.editor.setFocus(Qt.FocusReason.OtherFocusReason)
