"""기관 설정: 기관명, 기관코드 and the defaults every dataset inherits (phone, licence, 공간범위),
as a compact two-column form on the 공개목록 page; saved through ``MetadataStore`` on the runner."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from catalog_app.disclosure import vocab
from ui import dialogs
from ui.context import AppContext


class InstitutionForm(QWidget):
    """기관명, 기관코드 and the defaults every dataset inherits; saved on the runner."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        for i, f in enumerate(vocab.INSTITUTION_FIELDS):
            if f.vocab:
                editor = QComboBox()
                editor.addItem("", "")
                for value in f.vocab:
                    editor.addItem(value, value)
            else:
                editor = QLineEdit()
                editor.setPlaceholderText(f.help)
            editor.setObjectName(f"institution_{f.key}")
            self.editors[f.key] = editor
            row, col = divmod(i, 2)  # two label/editor pairs per row keep the card short
            grid.addWidget(QLabel(f.label + (" *" if f.required else "")), row, col * 2)
            grid.addWidget(editor, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.save_button = QPushButton(self.tr("기관 설정 저장"))
        self.save_button.clicked.connect(self.save)
        last = (len(vocab.INSTITUTION_FIELDS) - 1) // 2
        grid.addWidget(self.save_button, last, 3, Qt.AlignmentFlag.AlignRight)
        self.load()

    def load(self) -> None:
        from catalog_app.disclosure.metadata import MetadataStore

        values = MetadataStore(self.ctx.catalog).institution()
        for key, editor in self.editors.items():
            value = values.get(key, "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            else:
                editor.setText(value)
        self._loaded = self.values()

    def is_dirty(self) -> bool:
        """Typed but not saved (a language switch or a page refresh then keeps the form)."""
        return self.values() != self._loaded

    def values(self) -> dict[str, str]:
        out = {}
        for key, editor in self.editors.items():
            out[key] = editor.currentData() if isinstance(editor, QComboBox) else editor.text()
        return out

    def focus(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None:
            editor.setFocus()

    def save(self) -> None:
        from catalog_app.disclosure.metadata import MetadataStore

        values = self.values()
        self.save_button.setEnabled(False)

        def done(_result) -> None:
            self._loaded = values
            self.save_button.setEnabled(True)
            self.saved.emit()

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            dialogs.show_error(self, str(exc))

        self.ctx.runner.submit(lambda cat: MetadataStore(cat).set_institution(values), done, failed)
