"""The clerk's privacy verdict on one column: personal or not, quasi-identifier, 민감정보, kind,
and the reason (required), or back to the scan's verdict. The page calls
:func:`ask_privacy_verdict` (a module attribute, so a test can answer it) and hands the answer
to ``catalog_app.privacy.desk`` on the task runner; nothing is written here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui import labels

KEEP, PERSONAL, NOT_PERSONAL, SCAN = "keep", "personal", "not_personal", "scan"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrivacyDialog", text)


class PrivacyDialog(QDialog):
    """Asks how a column's verdict should read from now on."""

    def __init__(self, column: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("개인정보 판정"))
        verdict = column.get("privacy") or {}
        layout = QVBoxLayout(self)
        title = QLabel(_tr("컬럼 '{label}'").format(label=column["label"]))
        title.setObjectName("sectionTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        now = QLabel(verdict_text(verdict) + "\n" + (verdict.get("reason") or _tr("판정 없음")))
        now.setWordWrap(True)
        now.setTextFormat(Qt.TextFormat.PlainText)
        now.setObjectName("muted")
        layout.addWidget(now)

        self.choices = QButtonGroup(self)
        self.radio: dict[str, QRadioButton] = {}
        for key, text in (
            (PERSONAL, _tr("개인정보임 (값을 가리고 공개목록에서 닫음)")),
            (NOT_PERSONAL, _tr("개인정보 아님 (예: 기관·업소 대표번호)")),
            (SCAN, _tr("스캔 판정으로 되돌림 (담당자 판정 지움)")),
        ):
            button = QRadioButton(text)
            self.choices.addButton(button)
            self.radio[key] = button
            layout.addWidget(button)
        self.radio[SCAN].setEnabled(bool(verdict.get("override")))
        personal = bool(verdict.get("personal"))
        self.radio[NOT_PERSONAL if personal else PERSONAL].setChecked(True)

        form = QFormLayout()
        self.kind = QComboBox()
        from catalog_app.scan.pii import PII_KINDS

        for code in PII_KINDS:
            self.kind.addItem(labels.pii_name(code), code)
        current = verdict.get("kind") or "other"
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        form.addRow(_tr("종류"), self.kind)
        self.quasi = QCheckBox(_tr("준식별자 (다른 컬럼과 합치면 사람을 좁힘)"))
        self.quasi.setChecked(bool(verdict.get("quasi_identifier")))
        form.addRow("", self.quasi)
        self.sensitive = QCheckBox(_tr("민감정보 (건강·장애·병력·범죄·종교·정당)"))
        self.sensitive.setChecked(bool(verdict.get("sensitive")))
        form.addRow("", self.sensitive)
        layout.addLayout(form)

        layout.addWidget(QLabel(_tr("이유 (기록에 남습니다)")))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(_tr("예: 업소 목록의 대표번호라 공개 대상입니다."))
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.textChanged.connect(self._update)
        self.choices.buttonToggled.connect(self._update)
        self._update()
        self.resize(460, 420)

    def _choice(self) -> str:
        return next(k for k, b in self.radio.items() if b.isChecked())

    def _update(self, *_args) -> None:
        back = self._choice() == SCAN
        for widget in (self.kind, self.quasi, self.sensitive, self.reason):
            widget.setEnabled(not back)
        self.ok.setEnabled(back or bool(self.reason.toPlainText().strip()))

    def answer(self) -> dict:
        choice = self._choice()
        if choice == SCAN:
            return {"action": "clear"}
        return {
            "action": "set",
            "personal": choice == PERSONAL,
            "quasi_identifier": self.quasi.isChecked(),
            "sensitive": self.sensitive.isChecked(),
            "kind": self.kind.currentData(),
            "reason": self.reason.toPlainText().strip(),
        }


def ask_privacy_verdict(parent: QWidget | None, column: dict) -> dict | None:
    """The clerk's answer (see :meth:`PrivacyDialog.answer`), or None when cancelled."""
    dialog = PrivacyDialog(column, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()


def verdict_text(verdict: dict | None) -> str:
    """'휴대전화번호 · 개인정보', '전화번호 · 개인정보 아님', '성별 · 준식별자' …"""
    if not verdict:
        return ""
    parts = [labels.pii_name(verdict["kind"])]
    if verdict.get("personal"):
        parts.append(_tr("개인정보"))
    elif verdict.get("quasi_identifier"):
        parts.append(_tr("준식별자"))
    else:
        parts.append(_tr("개인정보 아님"))
    if verdict.get("sensitive"):
        parts.append(_tr("민감정보"))
    if verdict.get("override"):
        parts.append(_tr("담당자 판정"))
    return " · ".join(parts)
