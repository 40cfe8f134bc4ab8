"""Mapping decisions as QUndoCommands over the core's ``MappingDesk``.

``redo`` makes the decision (the first time when pushed), ``undo`` calls
``MappingDesk.undo(history_id)`` for exactly the decision this command made, so a bulk accept is
undone as one step. A redo after an undo decides again and remembers the new history id.

Each is one short SQL transaction on the GUI thread's connection. A command that fails (the
decision changed elsewhere, e.g. from the command line) reports a Korean message and makes itself
obsolete, which takes it off the stack.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("mapping_commands", text)


class DeskCommand(QUndoCommand):
    """One decision; subclasses implement :meth:`apply` and return its history id."""

    def __init__(
        self,
        desk_factory: Callable[[], object],
        report: Callable[[str, bool], None],  # (message, is_error)
        text: str,
        column: dict | None = None,
    ):
        super().__init__(text)
        self._desk = desk_factory
        self._report = report
        self.history_id: int | None = None
        self.column_id: int | None = column["column_id"] if column else None

    def desk(self):
        return self._desk()

    def current_column_id(self) -> int | None:
        """The column's id: lasting (a rescan keeps it), so a redo after a rescan still fits."""
        return self.column_id

    def apply(self) -> int:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.history_id = self.apply()
        except Exception as exc:
            self._fail(exc)

    def undo(self) -> None:
        try:
            self.desk().undo(self.history_id)
        except Exception as exc:
            self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        from catalog_app.dictionary.store import DictionaryError

        if not isinstance(exc, DictionaryError):
            log.warning("매핑 결정 실패: %s", exc, exc_info=True)
        self.setObsolete(True)  # the stack drops a command that cannot be done or undone
        self._report(str(exc) or type(exc).__name__, True)


class AcceptCommand(DeskCommand):
    def __init__(self, desk_factory, report, column: dict, term: str, kind, score):
        super().__init__(
            desk_factory,
            report,
            _tr("수락: {label} → {term}").format(label=column["label"], term=term),
            column,
        )
        self.term, self.kind, self.score = term, kind, score

    def apply(self) -> int:
        return self.desk().accept(self.current_column_id(), self.term, self.kind, self.score)


class RejectCommand(DeskCommand):
    def __init__(self, desk_factory, report, column: dict, term: str):
        super().__init__(
            desk_factory,
            report,
            _tr("거부: {label} ≠ {term}").format(label=column["label"], term=term),
            column,
        )
        self.term = term

    def apply(self) -> int:
        return self.desk().reject(self.current_column_id(), self.term)


class ClearCommand(DeskCommand):
    def __init__(self, desk_factory, report, column: dict):
        super().__init__(
            desk_factory, report, _tr("결정 지우기: {label}").format(label=column["label"]), column
        )

    def apply(self) -> int:
        return self.desk().clear(self.current_column_id())


class ProposeCommand(DeskCommand):
    """A new term goes to the review queue. Undo clears the column's decision, but the core has
    no way to withdraw the proposal itself, so it stays in the queue and this command cannot be
    redone (a redo would queue the same term twice)."""

    def __init__(self, desk_factory, report, column: dict, term):
        super().__init__(
            desk_factory,
            report,
            _tr("새 용어 제안: {label} → {term}").format(label=column["label"], term=term.name),
            column,
        )
        self.term = term
        self.proposal_id: int | None = None

    def apply(self) -> int:
        history_id, self.proposal_id = self.desk().propose(self.current_column_id(), self.term)
        return history_id

    def undo(self) -> None:
        super().undo()
        if not self.isObsolete():
            self.setObsolete(True)
            self._report(
                _tr(
                    "컬럼의 제안 표시를 되돌렸습니다. 제안 {n}번('{term}')은 검토 대기열에 "
                    "남아 있으니 표준사전 › 검토 대기에서 반려하세요."
                ).format(n=self.proposal_id, term=self.term.name),
                False,
            )


class BulkAcceptCommand(DeskCommand):
    """Every undecided column whose top candidate scores at least ``threshold``: one batch."""

    def __init__(self, desk_factory, report, threshold: float, filters=None):
        super().__init__(
            desk_factory, report, _tr("일괄 수락: 점수 {t:.2f} 이상").format(t=threshold)
        )
        self.threshold = threshold
        self.filters = filters  # the rows the table shows (a review.ReviewFilters), or all
        self.count = 0

    def apply(self) -> int:
        from catalog_app.matching.errors import MappingError

        batch_id, self.count = self.desk().bulk_accept(self.threshold, self.filters)
        if batch_id is None:
            raise MappingError(
                _tr("점수 {t:.2f} 이상인 미결정 컬럼이 없습니다.").format(t=self.threshold)
            )
        self.setText(
            _tr("일괄 수락: 점수 {t:.2f} 이상 {n}개").format(t=self.threshold, n=self.count)
        )
        return batch_id
