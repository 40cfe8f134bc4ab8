"""The widgets of the 공개 항목 form (``metadata_form``), which keeps only the loading, saving
and undoing: its header bar (problem counts, status, 되돌리기 / 저장), the 데이터셋 항목 panel
(an editor per dataset field, its problems under it) and what the panel shares with the column
table of ``metadata_columns``: a combo box for a vocabulary and problems as text.

A derived value (scan, settings) is only ever a placeholder or a combo's first item here, so
reading an editor back never returns it as if a person had entered it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from catalog_app.disclosure import vocab
from catalog_app.messages import Text
from ui.core_text import core_tr
from ui.date_edit import DateEdit
from ui.models import ERROR_COLOR

WARNING_COLOR = QColor("#8f5b00")  # amber, dark enough to read on white
OK_COLOR = QColor("#2e7d32")
ENTERED, SCAN, SETTINGS = "entered", "scan", "settings"  # catalog_app.disclosure.model sources

# The dataset fields in two columns of the form (identification and upkeep | content and access).
_SPLIT = 15
_INT_SHAPE = QRegularExpression(r"\d{0,15}")


# The form's own translation context: these strings were the form's before it was split.
def _tr(text: str) -> str:
    return QCoreApplication.translate("MetadataForm", text)


# ---------------------------------------------------------------------- combo boxes
class FormCombo(QComboBox):
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


def item_text(f: vocab.Field, value: str) -> str:
    """A vocabulary value as shown: a reason code with its meaning (translated), else itself."""
    if f.kind == "reason" and value in vocab.REASONS:
        return f"{value} {core_tr(vocab.REASONS[value])}"
    return value


def vocab_combo(f: vocab.Field) -> FormCombo:
    """'' (or the derived value) first, then the vocabulary; item data is the stored value."""
    combo = FormCombo()
    combo.addItem("", None)
    for value in f.vocab or ():
        combo.addItem(item_text(f, value), value)
    return combo


def set_combo(combo: QComboBox, f: vocab.Field, value: str, first: str) -> None:
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


# ---------------------------------------------------------------------- problems
def source_name(source: str) -> str:
    return {SCAN: _tr("스캔"), SETTINGS: _tr("설정"), ENTERED: _tr("입력")}.get(source, source)


def short_problem(problem) -> str:
    """The problem's message without the '[데이터셋] 항목: ' it starts with (shown by the place),
    in the window's language."""
    message = problem.message
    if isinstance(message, Text) and "text" in message.params:
        return core_tr(message.params["text"])
    text = core_tr(message)
    prefix = f"[{problem.dataset_name}] "
    if text.startswith(prefix):
        text = text[len(prefix) :]
    label = core_tr(problem.field_label)
    if problem.level == "dataset" and text.startswith(f"{label}: "):
        text = text[len(label) + 2 :]
    return text


def problem_html(problems: list) -> str:
    lines = []
    for p in problems:
        blocking = p.severity == "error"
        colour = (ERROR_COLOR if blocking else WARNING_COLOR).name()
        kind = _tr("차단") if blocking else _tr("경고")
        lines.append(
            f"<span style='color:{colour}'>{html.escape(kind)} {html.escape(p.code)} · "
            f"{html.escape(short_problem(p))}</span>"
        )
    return "<br>".join(lines)


# ---------------------------------------------------------------------- dataset fields
@dataclass
class FieldRow:
    """The editor of one dataset field with the problems shown under it."""

    field: vocab.Field
    editor: QWidget
    container: QWidget
    problems: QLabel
    original: str = ""  # the entered value when loaded ('' = nothing entered)


def _field_label(f: vocab.Field) -> QLabel:
    """The field's name (a red * when required), its help as the tooltip."""
    text = html.escape(core_tr(f.label))
    if f.required:
        text += f" <span style='color:{ERROR_COLOR.name()}'>*</span>"
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    tip = core_tr(f.help) if f.help else ""
    if f.required:
        tip = (tip + "\n" if tip else "") + _tr("필수 항목")
    label.setToolTip(tip)
    return label


def _field_row(f: vocab.Field, edited: SignalInstance) -> FieldRow:
    """The editor that suits the field's kind; its every change emits ``edited``."""
    if f.kind == "category":
        editor: QWidget = vocab_combo(f)
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor.lineEdit().setPlaceholderText(_tr("대분류 또는 '대분류 - 중분류'"))
        editor.editTextChanged.connect(edited)
    elif f.vocab is not None:
        editor = vocab_combo(f)
        editor.currentIndexChanged.connect(edited)
    elif f.kind == "long_text":
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        lines = editor.fontMetrics().lineSpacing()
        editor.setMaximumHeight(lines * 4 + 12)
        editor.setMinimumHeight(lines * 2 + 12)
        editor.textChanged.connect(edited)
    elif f.kind == "date":
        editor = DateEdit()  # typed, or picked from the calendar at its right end
        editor.textChanged.connect(edited)
    else:
        editor = QLineEdit()
        if f.kind == "int":
            editor.setValidator(QRegularExpressionValidator(_INT_SHAPE, editor))
        editor.textChanged.connect(edited)
    editor.setObjectName(f"field_{f.key}")
    editor.setAccessibleName(core_tr(f.label))
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
    return FieldRow(f, editor, container, problems)


def _set_field(row: FieldRow, entered: str, derived: str, source: str) -> None:
    """The entered value in the editor; the derived one as its placeholder (or first item)."""
    f, editor = row.field, row.editor
    hint = ""
    if derived:
        hint = _tr("{source}: {value}").format(
            source=source_name(source), value=item_text(f, derived)
        )
    tip = ""
    if derived:
        tip = _tr("비워 두면 {source}에서 정한 값 '{value}'을(를) 씁니다.").format(
            source=source_name(source), value=item_text(f, derived)
        )
    if isinstance(editor, QComboBox) and f.kind == "category":
        editor.setCurrentIndex(0)  # the items are the known labels (``set_categories``)
        editor.setEditText(entered)
        editor.lineEdit().setPlaceholderText(hint or _tr("대분류 또는 '대분류 - 중분류'"))
    elif isinstance(editor, QComboBox):
        first = _tr("(자동: {value})").format(value=item_text(f, derived)) if derived else ""
        set_combo(editor, f, entered, first)
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText(entered)
        editor.setPlaceholderText(hint or core_tr(f.help))
    else:
        editor.setText(entered)
        default = "YYYY-MM-DD" if f.kind == "date" else core_tr(f.help)
        if f.kind == "phone" and not default:
            default = _tr("예: 02-2148-1234")
        editor.setPlaceholderText(hint or default)
    editor.setToolTip(tip or core_tr(f.help))


def _field_value(row: FieldRow) -> str:
    """What the editor holds now ('' = nothing entered)."""
    editor = row.editor
    if isinstance(editor, QComboBox) and editor.isEditable():
        return editor.currentText().strip()
    if isinstance(editor, QComboBox):
        return editor.currentData() or ""
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText().strip()
    return editor.text().strip()


def _show_problems(row: FieldRow, problems: list) -> None:
    """The field's problems under its editor (hidden when none)."""
    row.problems.setText(problem_html(problems))
    row.problems.setProperty("plain", "\n".join(short_problem(p) for p in problems))
    row.problems.setVisible(bool(problems))


class DatasetFields(QWidget):
    """데이터셋 항목: an editor for every dataset field of the vocabulary, in two columns."""

    edited = Signal()  # an editor's value changed (also while filling: the form filters that)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: dict[str, FieldRow] = {}
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(24)
        for part in (vocab.DATASET_FIELDS[:_SPLIT], vocab.DATASET_FIELDS[_SPLIT:]):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setVerticalSpacing(6)
            for f in part:
                row = _field_row(f, self.edited)
                self._rows[f.key] = row
                form.addRow(_field_label(f), row.container)
            columns.addLayout(form, 1)

    def set_categories(self, labels: list[str]) -> None:
        """Offer the institution's known 분류체계 (today's labels) in the 분류체계 box; it stays
        editable, so a label not in the table can still be typed (validation then warns)."""
        combo = self._rows["category"].editor
        current = [combo.itemText(i) for i in range(1, combo.count())]
        if current == labels:
            return
        text = combo.currentText()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for label in labels:
                combo.addItem(label, label)
            combo.setEditText(text)
        finally:
            combo.blockSignals(False)

    def has(self, key: str) -> bool:
        return key in self._rows

    def row(self, key: str) -> FieldRow | None:
        return self._rows.get(key)

    def editor(self, key: str) -> QWidget:
        return self._rows[key].editor

    def problem_text(self, key: str) -> str:
        """The in-place problems of a field as plain text ('' when none)."""
        return self._rows[key].problems.property("plain") or ""

    def clear_values(self) -> None:
        """Every editor empty, with no placeholder from a dataset and no problems."""
        for row in self._rows.values():
            _set_field(row, "", "", "")
            row.original = ""
            _show_problems(row, [])

    def fill(self, record, by_field: dict[str, list]) -> None:
        """The dataset's entered values in the editors, its derived ones as placeholders."""
        for key, row in self._rows.items():
            source = record.sources.get(key, "")
            value = record.get(key)
            entered = value if source == ENTERED else ""
            derived = value if source != ENTERED else ""
            _set_field(row, entered, derived, source)
            row.original = entered
            _show_problems(row, by_field.get(key, []))

    def changes(self) -> dict[str, str]:
        """Field → value that differs from what was entered when loaded ('' clears it)."""
        return {
            key: value
            for key, row in self._rows.items()
            if (value := _field_value(row)) != row.original
        }


class FormHeader(QWidget):
    """The bar above the form: problem counts, a status line, the unsaved-changes marker and the
    되돌리기 / 저장 buttons (the form connects and enables them)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.summary)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.dirty_marker = QLabel(_tr("● 저장하지 않은 변경"))
        self.dirty_marker.setStyleSheet(f"color: {WARNING_COLOR.name()}; font-weight: bold")
        self.dirty_marker.hide()
        bar.addWidget(self.dirty_marker)
        self.undo_button = QPushButton(_tr("되돌리기"))
        bar.addWidget(self.undo_button)
        self.save_button = QPushButton(_tr("저장"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(_tr("바꾼 항목만 저장합니다 (Ctrl+S)"))
        bar.addWidget(self.save_button)

    def show_summary(self, own: list, institution: list, record) -> None:
        """The dataset's blocking / warning counts and what to know about them."""
        errors = sum(1 for p in own if p.severity == "error")
        warnings = len(own) - errors
        text = _tr("차단 {errors}건 · 경고 {warnings}건").format(errors=errors, warnings=warnings)
        colour = ERROR_COLOR if errors else WARNING_COLOR if warnings else OK_COLOR
        self.summary.setText(f"<b style='color:{colour.name()}'>{html.escape(text)}</b>")
        notes = []
        if not record.included:
            notes.append(_tr("목록포함여부가 N이라 공개목록에서 빠지고 검사하지 않습니다."))
        if institution:
            notes.append(
                _tr("기관 설정 문제 {n}건은 공개목록 › 기관 설정에서 고치세요.").format(
                    n=len(institution)
                )
            )
        if not notes:
            notes.append(_tr("비워 둔 항목은 스캔·설정에서 정한 값(흐린 글씨)을 씁니다."))
        self.status.setText(" ".join(notes))
