"""The dialog that adds or edits an institution word or term (or a proposal before approval),
with the standard rules' findings shown in place while the manager types (issue 15).

Every change of a field asks the core's ``InstitutionEditor.check`` again on the task runner (a
moment after the typing stops); the findings appear under the fields in the window's language,
errors first. Saving with errors asks first: the manager may register a name the rules do not
like (an established local term), and the core records that it was forced.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.core_text import core_tr
from ui.models import ERROR_COLOR
from ui.pages.problem_list import WARNING_COLOR

CHECK_DELAY_MS = 300
_LISTS = ("synonyms", "forbidden")


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("\n", ",").split(",") if p.strip())


class EntryDialog(QDialog):
    """Add or edit a word or a term; ``check(kind, item, exclude, done)`` runs the rules."""

    def __init__(
        self,
        kind: str,
        item=None,
        check: Callable | None = None,
        parent: QWidget | None = None,
        title: str | None = None,
        completions: dict[str, list[str]] | None = None,
    ):
        super().__init__(parent)
        from catalog_app.dictionary.model import Term, Word

        self.kind = kind
        self.original = item
        self._check = check
        self._serial = 0
        self.findings: list = []
        self.forced = False
        self.cls = Word if kind == "word" else Term
        self.setWindowTitle(title or (self.tr("단어") if kind == "word" else self.tr("용어")))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        if kind == "word":
            specs = (
                ("name", self.tr("단어명"), "line"),
                ("abbr", self.tr("영문약어명"), "line"),
                ("english", self.tr("영문명"), "line"),
                ("description", self.tr("설명"), "text"),
                ("is_class_word", self.tr("형식단어(분류어)"), "check"),
                ("domain_class", self.tr("도메인분류명"), "line"),
                ("synonyms", self.tr("이음동의어 (쉼표로 구분)"), "line"),
                ("forbidden", self.tr("금칙어 (쉼표로 구분)"), "line"),
            )
        else:
            specs = (
                ("name", self.tr("용어명"), "line"),
                ("abbr", self.tr("영문약어명"), "line"),
                ("domain", self.tr("도메인명"), "line"),
                ("description", self.tr("설명"), "text"),
                ("allowed_values", self.tr("허용값"), "line"),
                ("storage_format", self.tr("저장 형식"), "line"),
                ("display_format", self.tr("표현 형식"), "line"),
                ("synonyms", self.tr("이음동의어 (쉼표로 구분)"), "line"),
            )
        for key, label, widget in specs:
            if widget == "check":
                editor = QCheckBox()
                editor.toggled.connect(self._changed)
            elif widget == "text":
                editor = QPlainTextEdit()
                editor.setTabChangesFocus(True)
                editor.setMaximumHeight(editor.fontMetrics().lineSpacing() * 3 + 12)
                editor.textChanged.connect(self._changed)
            else:
                editor = QLineEdit()
                editor.textChanged.connect(self._changed)
            editor.setObjectName(f"entry_{key}")
            self.fields[key] = editor
            form.addRow(label, editor)
        if completions:
            from ui.dialogs import _completer

            for key, names in completions.items():
                if key in self.fields and names:
                    self.fields[key].setCompleter(_completer(names, self.fields[key]))
        layout.addLayout(form)
        self.state = QLabel(self.tr("규칙 검사 결과"))
        self.state.setObjectName("sectionTitle")
        layout.addWidget(self.state)
        self.findings_view = QListWidget()
        self.findings_view.setObjectName("findings")
        self.findings_view.setWordWrap(True)
        self.findings_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.findings_view, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("저장"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_check)
        if item is not None:
            self.set_item(item)
        self.resize(520, 560)
        self._changed()

    # ------------------------------------------------------------------ values
    def set_item(self, item) -> None:
        for key, editor in self.fields.items():
            value = getattr(item, key, "")
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            else:
                editor.setText(", ".join(value) if key in _LISTS else (value or ""))

    def item(self):
        """The word or term as typed (unchanged fields of an edited one kept)."""
        from dataclasses import replace

        values = {}
        for key, editor in self.fields.items():
            if isinstance(editor, QCheckBox):
                values[key] = editor.isChecked()
            elif isinstance(editor, QPlainTextEdit):
                values[key] = editor.toPlainText().strip()
            elif key in _LISTS:
                values[key] = _split(editor.text())
            else:
                values[key] = editor.text().strip()
        if "abbr" in values:
            values["abbr"] = values["abbr"].upper()
        if self.original is not None:
            return replace(self.original, **values)
        return self.cls(**values)

    def changes(self) -> dict:
        """Field → new value against the original (an edit)."""
        item = self.item()
        return {
            key: getattr(item, key)
            for key in self.fields
            if getattr(item, key) != getattr(self.original, key, None)
        }

    # ------------------------------------------------------------------ rules
    def _changed(self, *_args) -> None:
        self.ok_button.setEnabled(bool(self.item().name))
        self._timer.start()

    def run_check(self) -> None:
        self._timer.stop()
        if self._check is None:
            return
        self._serial += 1
        serial = self._serial
        self.state.setText(self.tr("규칙을 검사하는 중…"))
        exclude = self.original.name if self.original is not None else None
        self._check(self.kind, self.item(), exclude, lambda f: self._checked(serial, f))

    def _checked(self, serial: int, findings: list) -> None:
        if serial != self._serial:
            return  # a newer check is on its way
        self.findings = list(findings)
        self.findings_view.clear()
        errors = [f for f in findings if f.severity == "error"]
        if not findings:
            self.state.setText(self.tr("규칙 검사: 문제가 없습니다."))
        else:
            self.state.setText(
                self.tr("규칙 검사: 오류 {e}건 · 경고 {w}건").format(
                    e=len(errors), w=len(findings) - len(errors)
                )
            )
        for f in sorted(findings, key=lambda f: f.severity != "error"):
            text = f"[{f.code}] {core_tr(f.message)}"
            if f.suggestion:
                text += self.tr(" → {s}").format(s=core_tr(f.suggestion))
            entry = QListWidgetItem(text)
            entry.setForeground(QBrush(ERROR_COLOR if f.severity == "error" else WARNING_COLOR))
            self.findings_view.addItem(entry)

    def _accept(self) -> None:
        if any(f.severity == "error" for f in self.findings) and not dialogs.ask_confirm(
            self,
            self.tr("표준 규칙 위반"),
            self.tr("표준 규칙에 맞지 않는 곳이 있습니다(목록 참고). 그래도 저장할까요?"),
        ):
            return
        self.forced = any(f.severity == "error" for f in self.findings)
        self.accept()
