"""The standards manager's two panels of the 표준사전 page: the review queue of proposed terms
(approve, reject with a reason) and the change history of the institution standard (undo).
Every call goes to the core's InstitutionEditor on the task runner's thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, labels
from ui.context import AppContext
from ui.core_text import core_tr
from ui.models import ERROR_COLOR, MUTED_COLOR, Column, RowsModel
from ui.pages.base import note, table_view
from ui.widths import fit_columns, keep_widths


def _editor(catalog):
    from catalog_app.dictionary.institution import InstitutionEditor
    from catalog_app.dictionary.store import DictionaryStore

    store = DictionaryStore(catalog)
    store.ensure_shipped()
    return InstitutionEditor(store)


def _findings_text(p: dict) -> str:
    return " / ".join(core_tr(f["message"]) for f in p.get("findings") or [])


class ReviewPanel(QWidget):
    """Proposed terms waiting for a decision."""

    changed = Signal()  # a proposal was approved or rejected

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "담당자가 제안한 용어입니다. 승인하면 기관표준 용어가 되고, 반려할 때는 "
                    "제안자가 알 수 있게 사유를 적습니다. 검토 의견은 표준 규칙 검사 결과입니다."
                )
            )
        )
        self.model = RowsModel(
            [
                Column("id", self.tr("번호"), numeric=True),
                Column("status", self.tr("상태"), fmt=self._status_text),
                Column("name", self.tr("용어")),
                Column("abbr", self.tr("영문약어")),
                Column("domain", self.tr("도메인")),
                Column("origin", self.tr("출처")),
                Column("proposed_by", self.tr("제안자")),
                Column("proposed_at", self.tr("제안일"), fmt=lambda p: p["proposed_at"][:10]),
                Column(
                    "findings",
                    self.tr("검토 의견"),
                    fmt=_findings_text,
                    color=lambda p: ERROR_COLOR if p.get("findings") else None,
                ),
            ],
            self,
        )
        self.view = table_view(self.model)
        keep_widths(self.view, "dictionary_review", room=8)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("승인"))
        self.approve_button.setObjectName("primary")
        self.approve_button.clicked.connect(self.approve_selected)
        self.revise_button = QPushButton(self.tr("고쳐서 승인…"))
        self.revise_button.setToolTip(
            self.tr("제안을 고친 뒤(이름·약어·도메인) 승인합니다. 고친 내용은 이력에 남습니다")
        )
        self.revise_button.clicked.connect(self.revise_selected)
        self.reject_button = QPushButton(self.tr("반려…"))
        self.reject_button.clicked.connect(self.reject_selected)
        self.show_all = QCheckBox(self.tr("처리한 제안도 보기"))
        self.show_all.toggled.connect(self.reload)
        self.state = QLabel()
        self.state.setObjectName("muted")
        for w in (self.approve_button, self.revise_button, self.reject_button, self.show_all):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.state)
        layout.addLayout(buttons)
        self._update_buttons()

    def _status_text(self, p: dict) -> str:
        text = labels.proposal_status_name(p["status"])
        return f"{text}: {p['reason']}" if p.get("reason") else text

    def selected(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        p = self.selected()
        pending = p is not None and p["status"] == "pending"
        self.approve_button.setEnabled(pending)
        self.revise_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)

    def reload(self) -> None:
        show_all = self.show_all.isChecked()
        self.state.setText(self.tr("불러오는 중…"))

        def job(catalog):
            return _editor(catalog).proposals(None if show_all else "pending")

        self.ctx.runner.submit(job, self._loaded)

    def _loaded(self, rows: list[dict]) -> None:
        self.loaded = True
        self.model.set_rows(rows)
        fit_columns(self.view, {2: 200, 5: 220, 8: 600})
        pending = sum(1 for r in rows if r["status"] == "pending")
        self.state.setText(self.tr("검토 대기 {n}건").format(n=pending))
        if rows:
            self.view.selectRow(0)
        self._update_buttons()

    def approve_selected(self, force: bool = False) -> None:
        p = self.selected()
        if p is None or p["status"] != "pending":
            return
        if not force and not dialogs.ask_confirm(
            self,
            self.tr("제안 승인"),
            self.tr("'{name}' ({abbr}, {domain})을(를) 기관표준 용어로 승인할까요?").format(**p),
        ):
            return
        proposal_id = p["id"]

        def job(catalog):
            return _editor(catalog).approve(proposal_id, force=force)

        self.ctx.runner.submit(
            job, lambda _r: self._decided(), lambda e: self._approve_failed(e, p)
        )

    def _approve_failed(self, exc: Exception, p: dict) -> None:
        from catalog_app.dictionary.institution import ValidationFailed

        if isinstance(exc, ValidationFailed) and dialogs.ask_confirm(
            self,
            self.tr("표준 규칙 위반"),
            self.tr("{error}\n\n규칙에 맞지 않지만 그래도 승인할까요?").format(error=exc),
        ):
            self.approve_selected(force=True)
        elif not isinstance(exc, ValidationFailed):
            dialogs.show_error(self, str(exc))

    def _exec(self, dialog) -> bool:
        """Run a dialog modally (tests replace this to answer it)."""
        return bool(dialog.exec())

    def revise_selected(self) -> None:
        """Edit the proposal (the rules' findings shown as it is typed), then approve it."""
        from catalog_app.dictionary.model import Term
        from ui.pages.dictionary_entry import EntryDialog

        p = self.selected()
        if p is None or p["status"] != "pending":
            return
        term = Term(
            name=p["name"], abbr=p["abbr"], domain=p["domain"], description=p["description"]
        )

        def check(kind, item, exclude, done) -> None:
            self.ctx.runner.submit(lambda cat: _editor(cat).check(kind, item), done)

        dialog = EntryDialog(
            "term", term, check, self, self.tr("제안 {n}번 고쳐서 승인").format(n=p["id"])
        )
        dialog.ok_button.setText(self.tr("고쳐서 승인"))
        if not self._exec(dialog):
            return
        revised, forced, proposal_id = dialog.item(), dialog.forced, p["id"]

        def job(catalog):
            editor = _editor(catalog)
            editor.revise(proposal_id, revised)
            return editor.approve(proposal_id, force=forced)

        self.ctx.runner.submit(
            job, lambda _r: self._decided(), lambda e: self._approve_failed(e, p)
        )

    def reject_selected(self) -> None:
        p = self.selected()
        if p is None or p["status"] != "pending":
            return
        reason = dialogs.ask_reason(
            self,
            self.tr("제안 반려"),
            self.tr("'{name}'을(를) 반려하는 사유를 적어 주세요.").format(name=p["name"]),
        )
        if not reason:
            return
        proposal_id = p["id"]

        def job(catalog):
            return _editor(catalog).reject(proposal_id, reason)

        self.ctx.runner.submit(job, lambda _r: self._decided())

    def _decided(self) -> None:
        self.reload()
        self.changed.emit()


class HistoryPanel(QWidget):
    """Who changed the institution standard, when, and what; undo one change."""

    changed = Signal()  # a change was undone

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        layout = QVBoxLayout(self)
        self.model = RowsModel(
            [
                Column("id", self.tr("번호"), numeric=True),
                Column("at", self.tr("시각"), fmt=lambda r: r["at"].replace("T", " ")[:16]),
                Column("who", self.tr("사용자")),
                Column("action", self.tr("작업"), fmt=lambda r: labels.action_name(r["action"])),
                Column("kind", self.tr("종류"), fmt=lambda r: labels.dict_kind_name(r["kind"])),
                Column("name", self.tr("이름")),
                Column("reason", self.tr("사유")),
                Column("undone", self.tr("되돌림"), fmt=self._undone_text, color=self._muted),
            ],
            self,
        )
        self.view = table_view(self.model)
        keep_widths(self.view, "dictionary_history", room=5)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("되돌리기"))
        self.undo_button.setToolTip(
            self.tr("고른 변경을 (고르지 않았으면 마지막 변경을) 되돌립니다")
        )
        self.undo_button.clicked.connect(self.undo_selected)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _undone_text(self, r: dict) -> str:
        if r["undone_by"]:
            return self.tr("되돌림 (변경 {n})").format(n=r["undone_by"])
        if r["undoes"]:
            return self.tr("변경 {n}을(를) 되돌림").format(n=r["undoes"])
        return ""

    @staticmethod
    def _muted(r: dict):
        return MUTED_COLOR if r["undone_by"] else None

    def reload(self) -> None:
        self.ctx.runner.submit(lambda catalog: _editor(catalog).history(200), self._loaded)

    def _loaded(self, rows: list[dict]) -> None:
        self.loaded = True
        self.model.set_rows(rows)
        fit_columns(self.view, {5: 240, 6: 300})
        self.undo_button.setEnabled(any(not r["undone_by"] and r["action"] != "undo" for r in rows))

    def undo_selected(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        if row is not None and (row["undone_by"] or row["action"] == "undo"):
            dialogs.show_info(self, self.tr("이미 되돌린 변경이거나 되돌림 기록입니다."))
            return
        if row is None:
            row = next(
                (r for r in self.model.rows() if not r["undone_by"] and r["action"] != "undo"),
                None,
            )
        if row is None:
            return
        what = f"{labels.action_name(row['action'])} {labels.dict_kind_name(row['kind'])} "
        what += row["name"] or ""
        if not dialogs.ask_confirm(
            self,
            self.tr("변경 되돌리기"),
            self.tr("변경 {id} ({what})을(를) 되돌릴까요?").format(id=row["id"], what=what),
        ):
            return
        change_id = row["id"]
        self.ctx.runner.submit(
            lambda catalog: _editor(catalog).undo(change_id), lambda _r: self._undone()
        )

    def _undone(self) -> None:
        self.reload()
        self.changed.emit()
