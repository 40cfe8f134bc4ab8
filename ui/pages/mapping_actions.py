"""The decision bar of 매핑 검토 and what its buttons and keys do: accept, reject, another
candidate, a new term, clear, bulk accept, undo and redo. Every decision is a command on the
page's QUndoStack (ui.mapping_commands) over ``MappingDesk`` on the GUI thread's connection: one
short SQL transaction each, so the clerk never waits for a worker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from catalog_app.matching.review_state import needs_confirm
from ui import dialogs
from ui.mapping_commands import (
    AcceptCommand,
    BulkAcceptCommand,
    ClearCommand,
    ProposeCommand,
    RejectCommand,
)
from ui.mapping_model import bulk_count, working_names

DEFAULT_THRESHOLD = 0.9


def page_action(page: QWidget, text: str, slot, *shortcuts) -> QAction:
    """An action whose shortcuts work anywhere inside ``page`` (and only there)."""
    action = QAction(text, page)
    keys: list[QKeySequence] = []
    for s in shortcuts:  # a standard key may expand to several sequences, one may repeat
        found = QKeySequence.keyBindings(s) if isinstance(s, QKeySequence.StandardKey) else []
        for key in found or [QKeySequence(s)]:
            if key not in keys:
                keys.append(key)
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    page.addAction(action)
    return action


class KeyFilter(QObject):
    """Enter and Delete on the column table and the candidate list (not page-wide shortcuts: a
    spin box or the search box keeps its own Enter)."""

    def __init__(self, on_enter, on_delete, parent: QObject):
        super().__init__(parent)
        self.on_enter, self.on_delete = on_enter, on_delete

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.on_enter()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.on_delete()
                return True
        return False


class MappingActions(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.stack = page.undo_stack
        self._desk = None
        self._messages: list[tuple[str, bool]] = []
        self.undo_action = page_action(
            page, self.tr("되돌리기"), self.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = page_action(
            page, self.tr("다시 실행"), self.redo, "Ctrl+Y", QKeySequence.StandardKey.Redo
        )
        self.bulk_action = page_action(page, self.tr("일괄 수락…"), self.bulk_accept, "Ctrl+B")
        self.stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.stack.undoTextChanged.connect(self._undo_text)
        self.stack.redoTextChanged.connect(self._redo_text)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self._tip(self.undo_action, "", "Ctrl+Z")
        self._tip(self.redo_action, "", "Ctrl+Y")

    @property
    def page(self):
        # Through Qt's parent, not a Python attribute: page <-> actions would be a reference
        # cycle keeping the page (and its AppContext) for the garbage collector, which may run
        # in a worker thread.
        return self.parent()

    def _undo_text(self, text: str) -> None:
        self._tip(self.undo_action, text, "Ctrl+Z")

    def _redo_text(self, text: str) -> None:
        self._tip(self.redo_action, text, "Ctrl+Y")

    def _tip(self, action: QAction, text: str, keys: str) -> None:
        action.setToolTip(
            f"{action.text()}: {text} ({keys})" if text else f"{action.text()} ({keys})"
        )

    def _button(self, text: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.accept_button = self._button(
            self.tr("수락"),
            self.accept_selected,
            self.tr("아래 목록에서 고른 후보(기본: 1순위)를 수락합니다. 표에서 Enter: 1순위 수락"),
        )
        self.accept_button.setObjectName("primary")
        self.reject_button = self._button(
            self.tr("거부"),
            self.reject_selected,
            self.tr("고른 후보가 이 컬럼에 맞지 않습니다. 표에서 Delete: 1순위 거부"),
        )
        self.choose_button = self._button(
            self.tr("다른 후보 선택…"),
            self.choose_other,
            self.tr("다른 후보나 사전의 다른 용어를 골라 수락합니다"),
        )
        self.propose_button = self._button(
            self.tr("새 용어 제안…"),
            self.propose,
            self.tr("맞는 용어가 없으면 새 용어를 기관표준 검토 대기열에 올립니다"),
        )
        self.clear_button = self._button(
            self.tr("결정 지우기"), self.clear, self.tr("이 컬럼의 결정을 지웁니다 (미결정)")
        )
        # Tool buttons follow their action (enabled, tooltip) without a Python slot.
        self.undo_button, self.redo_button = QToolButton(), QToolButton()
        for button, action in (
            (self.undo_button, self.undo_action),
            (self.redo_button, self.redo_action),
        ):
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.5, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setToolTip(self.tr("이 점수 이상인 1순위 후보를 한 번에 수락합니다"))
        self.bulk_button = self._button(
            self.tr("점수 이상 일괄 수락…"),
            self.bulk_accept,
            self.tr("미결정 컬럼 중 1순위 점수가 기준 이상인 것을 모두 수락합니다 (Ctrl+B)"),
        )
        for button in (
            self.accept_button,
            self.reject_button,
            self.choose_button,
            self.propose_button,
            self.clear_button,
        ):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("기준")))
        bar.addWidget(self.threshold)
        bar.addWidget(self.bulk_button)
        return bar

    def update_buttons(self) -> None:
        row = self.page.selected_row()
        has = row is not None
        candidates = bool(has and row["candidate_count"])
        self.accept_button.setEnabled(candidates)
        self.reject_button.setEnabled(candidates)
        self.choose_button.setEnabled(has and row["kind"] != "not_a_column")
        self.propose_button.setEnabled(has and row["kind"] != "not_a_column")
        self.clear_button.setEnabled(bool(has and row["decision"]))

    # ------------------------------------------------------------ the desk
    def desk(self):
        from catalog_app.matching.decisions import MappingDesk

        if self._desk is None:
            self._desk = MappingDesk(self.page.ctx.catalog)
        return self._desk

    def _report(self, message: str, is_error: bool) -> None:
        self._messages.append((message, is_error))

    def _flush(self) -> None:
        messages, self._messages = self._messages, []
        for message, is_error in messages:
            self.page.run_state.setText(message)
            if is_error:
                dialogs.show_error(self.page, message)
            else:
                dialogs.show_info(self.page, message)

    def _changed(self, select: int | None, text: str, touched: int | None) -> None:
        self.page.reload(select, [touched] if touched is not None else None)
        self.page.schedule_rate()
        self.page.run_state.setText(text)
        self._flush()

    def _push(self, command, advance: bool) -> None:
        view, model = self.page.view, self.page.model
        current = view.currentIndex().row()
        select = command.column_id
        if advance and current >= 0:
            nxt = model.row(current + 1)
            select = nxt["column_id"] if nxt else select
        text, touched = command.text(), command.column_id
        self.stack.push(command)  # runs the decision
        self._changed(select, text, touched)

    def undo(self) -> None:
        if not self.stack.canUndo():
            return
        command = self.stack.command(self.stack.index() - 1)
        select, text = command.column_id, command.text()
        self.stack.undo()
        self._changed(select, self.tr("되돌림: {what}").format(what=text), select)

    def redo(self) -> None:
        if not self.stack.canRedo():
            return
        command = self.stack.command(self.stack.index())
        select, text = command.column_id, command.text()
        self.stack.redo()
        self._changed(select, self.tr("다시 실행: {what}").format(what=text), select)

    # ------------------------------------------------------------ decisions
    def _row(self) -> dict | None:
        row = self.page.selected_row()
        if row is None:
            self.page.run_state.setText(self.tr("먼저 표에서 컬럼을 고르세요."))
        return row

    def _low_score_confirmed(self, row: dict, term: str, score) -> bool:
        """A candidate scoring under the manager's threshold (설정) is a guess: ask first."""
        below = self.page.ctx.settings.confirm_below
        if not needs_confirm(score, below):
            return True
        return dialogs.ask_confirm(
            self.page,
            self.tr("낮은 점수 후보"),
            self.tr(
                "'{label}' → '{term}'의 점수는 {score:.2f}로 기준 {below:.2f}보다 낮습니다 "
                "(추측에 가까운 후보). 그래도 수락할까요?\n기준은 설정에서 바꿀 수 있습니다."
            ).format(label=row["label"], term=term, score=score, below=below),
        )

    def _accept(
        self, row: dict, term: str, score, advance: bool = True, confirm: bool = True
    ) -> None:
        if confirm and not self._low_score_confirmed(row, term, score):
            self.page.run_state.setText(self.tr("수락하지 않았습니다: {t}").format(t=term))
            return
        if row["decision"] == "accepted" and row["decision_term"] == term:
            self.page.run_state.setText(self.tr("이미 수락한 용어입니다: {t}").format(t=term))
            if advance:
                self.page.select_column(None, self.page.view.currentIndex().row() + 1)
            return
        command = AcceptCommand(self.desk, self._report, row, term, row["kind"], score)
        self._push(command, advance)

    def _no_candidates(self, row: dict) -> None:
        if row["kind"] == "not_a_column":
            text = self.tr("교차표의 구분 열은 매핑하지 않습니다 (준수율에서 제외).")
        else:
            text = self.tr("후보가 없습니다. '다른 후보 선택…'이나 '새 용어 제안…'을 쓰세요.")
        self.page.run_state.setText(text)

    def accept_top(self) -> None:
        """Enter on the table: the top candidate, then the next column."""
        row = self._row()
        if row is None:
            return
        if not row["top_term"]:
            self._no_candidates(row)
            return
        self._accept(row, row["top_term"], row["top_score"])

    def accept_selected(self) -> None:
        row = self._row()
        candidate = self.page.detail.selected_candidate() if row else None
        if row is None or candidate is None:
            if row is not None:
                self._no_candidates(row)
            return
        self._accept(row, candidate["term"], candidate["score"])

    def accept_candidate_row(self, index: int) -> None:
        row = self._row()
        candidate = self.page.detail.candidates.row(index)
        if row is not None and candidate is not None:
            self._accept(row, candidate["term"], candidate["score"])

    def _reject(self, row: dict, term: str) -> None:
        self._push(RejectCommand(self.desk, self._report, row, term), advance=True)

    def reject_top(self) -> None:
        row = self._row()
        if row is None:
            return
        if not row["top_term"]:
            self._no_candidates(row)
            return
        self._reject(row, row["top_term"])

    def reject_selected(self) -> None:
        row = self._row()
        candidate = self.page.detail.selected_candidate() if row else None
        if row is not None and candidate is not None:
            self._reject(row, candidate["term"])

    def choose_other(self) -> None:
        row = self._row()
        detail = self.page.detail.detail
        if row is None or detail is None:
            return
        names = working_names(self.page.ctx.catalog.conn, "term")
        term = dialogs.ask_term_choice(self.page, row["label"], detail["candidates"], names)
        if not term:
            return
        score = next((c["score"] for c in detail["candidates"] if c["term"] == term), None)
        self._accept(row, term, score, advance=False, confirm=False)  # chosen in a dialog

    def propose(self) -> None:
        row = self._row()
        detail = self.page.detail.detail
        if row is None or detail is None:
            return
        domains = working_names(self.page.ctx.catalog.conn, "domain")
        term = dialogs.ask_new_term(self.page, row["label"], detail["proposal"], domains)
        if term is None:
            return
        self._push(ProposeCommand(self.desk, self._report, row, term), advance=False)
        self.page.ctx.dictionary_changed.emit()  # the review queue has a new entry

    def clear(self) -> None:
        row = self._row()
        if row is not None and row["decision"]:
            self._push(ClearCommand(self.desk, self._report, row), advance=False)

    def bulk_accept(self) -> None:
        """Accept the top candidate of the undecided rows the filter shows (not the whole
        catalog) scoring at least the threshold; says how many first, and after."""
        threshold = round(self.threshold.value(), 2)
        filters = self.page.model.filters
        n = bulk_count(self.page.ctx.catalog.conn, threshold, filters)
        scope = (
            self.tr("지금 필터로 보이는 컬럼 {n:,}개 중").format(n=self.page.model.total)
            if filters.narrowed
            else self.tr("모든 컬럼 중")
        )
        if n == 0:
            dialogs.show_info(
                self.page,
                self.tr("{scope} 1순위 점수가 {t:.2f} 이상인 미결정 컬럼이 없습니다.").format(
                    scope=scope, t=threshold
                ),
            )
            return
        if not dialogs.ask_confirm(
            self.page,
            self.tr("일괄 수락"),
            self.tr(
                "{scope} 1순위 점수가 {t:.2f} 이상인 미결정 컬럼 {n:,}개의 1순위 후보를 "
                "수락할까요?\n되돌리기(Ctrl+Z) 한 번으로 모두 되돌릴 수 있습니다."
            ).format(scope=scope, t=threshold, n=n),
        ):
            return
        command = BulkAcceptCommand(self.desk, self._report, threshold, filters)
        self._push(command, advance=False)
        if command.count:
            self.page.run_state.setText(
                self.tr("{n:,}개 컬럼의 1순위 후보를 수락했습니다 (점수 {t:.2f} 이상).").format(
                    n=command.count, t=threshold
                )
            )
