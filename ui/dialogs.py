"""Small modal dialogs. Pages call them as ``dialogs.ask_confirm(...)`` (module attribute), so a
test can monkeypatch one function instead of driving a modal event loop."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or QCoreApplication.translate("dialogs", "오류"), message)


def show_info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or QCoreApplication.translate("dialogs", "알림"), message)


def ask_confirm(parent: QWidget | None, title: str, message: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """A required free-text reason (반려 사유); None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(prompt))
    edit = QPlainTextEdit()
    edit.setPlaceholderText(
        QCoreApplication.translate("dialogs", "예: 이미 있는 표준용어 '행사명'을 쓰세요.")
    )
    layout.addWidget(edit)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setEnabled(False)
    edit.textChanged.connect(lambda: ok.setEnabled(bool(edit.toPlainText().strip())))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(420, 220)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.toPlainText().strip() or None


def ask_header(parent: QWidget | None, table: dict, load=None) -> tuple[int, int] | None | bool:
    """Header rows for one table: ``(first_row_1_based, rows)``, ``False`` to go back to
    automatic detection, ``None`` when cancelled. ``load(done, failed)`` fetches the sheet's
    first rows (``scan.preview``) so the clerk can click them (see ``ui.header_dialog``)."""
    from ui.header_dialog import HeaderDialog

    dialog = HeaderDialog(table, load, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.result_value()
    dialog.finished_ = True
    if dialog.preview is not None or load is None:
        dialog.deleteLater()  # else the late preview deletes it
    return value if accepted else None


def show_rows(
    parent: QWidget | None, title: str, message: str, headers: Sequence[str], rows: Sequence
) -> None:
    """A message with a read-only table under it (e.g. mappings a new edition affects)."""
    from ui.models import Column, RowsModel

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    text = QLabel(message)
    text.setWordWrap(True)
    layout.addWidget(text)
    if rows:
        model = RowsModel([Column(str(i), h) for i, h in enumerate(headers)], dialog)
        model.set_rows([{str(i): v for i, v in enumerate(r)} for r in rows])
        view = QTableView()
        view.setModel(model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().hide()
        layout.addWidget(view)
        dialog.resize(760, 420)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.exec()


def _completer(names: Sequence[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(list(names), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def ask_term_choice(
    parent: QWidget | None, label: str, candidates: Sequence[dict], names: Sequence[str] = ()
) -> str | None:
    """Another term for a column: one of its candidates, or any term name typed (completed from
    ``names``); None when cancelled."""
    tr = lambda text: QCoreApplication.translate("dialogs", text)  # noqa: E731
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("다른 후보 선택"))
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        tr("컬럼 '{label}'에 수락할 표준용어를 고르거나 이름을 입력하세요.").format(label=label)
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    choices = QListWidget()
    for c in candidates:
        choices.addItem(f"{c['term']}  ({c['abbr']}, {c['domain']})  {c['score']:.2f}")
    layout.addWidget(choices)
    layout.addWidget(QLabel(tr("또는 표준사전의 용어 이름 (입력하면 찾아 줍니다)")))
    edit = QLineEdit()
    edit.setPlaceholderText(tr("표준용어 이름 (예: 시설명)"))
    if names:
        edit.setCompleter(_completer(names, edit))
    layout.addWidget(edit)
    choices.currentRowChanged.connect(
        lambda row: edit.setText(candidates[row]["term"]) if 0 <= row < len(candidates) else None
    )
    choices.itemActivated.connect(lambda _item: dialog.accept())
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(tr("수락"))
    ok.setEnabled(False)
    edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if len(candidates) > 1:
        choices.setCurrentRow(1)  # "another" candidate: the first one is what Enter accepts
    dialog.resize(460, 320)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.text().strip() or None


def ask_new_term(
    parent: QWidget | None, label: str, proposal: dict | None, domains: Sequence[str] = ()
):
    """A new term for the review queue, pre-filled from the matcher's proposal; a ``Term`` or
    None when cancelled."""
    from catalog_app.dictionary.model import Term
    from catalog_app.matching.review_state import proposed_name

    tr = lambda text: QCoreApplication.translate("dialogs", text)  # noqa: E731
    proposal = proposal or {}
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("새 용어 제안"))
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        tr(
            "컬럼 '{label}'에 맞는 표준용어가 없을 때 새 용어를 기관표준 검토 대기열에 "
            "올립니다. 표준 담당자가 승인하면 용어가 됩니다."
        ).format(label=label)
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    if proposal.get("missing"):
        missing = QLabel(
            tr("표준에 없는 단어: {words} — 단어부터 등록해야 할 수 있습니다.").format(
                words=", ".join(proposal["missing"])
            )
        )
        missing.setObjectName("muted")
        missing.setWordWrap(True)
        layout.addWidget(missing)
    form = QFormLayout()
    name = QLineEdit(proposed_name(proposal, label))
    abbr = QLineEdit(proposal.get("abbr") or "")
    abbr.setPlaceholderText(tr("예: FCLT_NM"))
    domain = QLineEdit(proposal.get("domain") or "")
    domain.setPlaceholderText(tr("예: 명V100"))
    if domains:
        domain.setCompleter(_completer(domains, domain))
    description = QLineEdit()
    form.addRow(tr("용어 이름"), name)
    form.addRow(tr("영문약어"), abbr)
    form.addRow(tr("도메인"), domain)
    form.addRow(tr("설명"), description)
    layout.addLayout(form)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(tr("제안"))
    name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
    ok.setEnabled(bool(name.text().strip()))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(460)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return Term(
        name=name.text().strip(),
        abbr=abbr.text().strip().upper(),
        domain=domain.text().strip(),
        description=description.text().strip(),
    )


class LogDialog(QDialog):
    """The end of the log file, readable on a locked-down PC without a text editor."""

    TAIL_BYTES = 200_000

    def __init__(self, log_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("로그 보기"))
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("로그 파일: {path}").format(path=log_path))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        layout.addWidget(where)
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setPlainText(self._tail(log_path))
        view.moveCursor(view.textCursor().MoveOperation.End)
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 520)

    def _tail(self, path: Path) -> str:
        try:
            with open(path, "rb") as f:
                f.seek(0, 2)
                size = f.tell()
                f.seek(max(0, size - self.TAIL_BYTES))
                return f.read().decode("utf-8", errors="replace")
        except OSError:
            return self.tr("아직 기록된 로그가 없습니다.")
