"""Count every rule over every value of a table, one chunk of data rows at a time.

A column's own error count is the values failing at least one counted rule (a value failing
three rules is one erroneous value). The whole-column rules (repeated keys, outlying years,
``checks``) add only the values no other rule already counted; row rules (``rows``) add the rows
they reject. Warnings (a 기관코드 missing from a partial list) are shown, never counted.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa

from catalog_app.quality.checks import KeyState, OutlierState, compile_check
from catalog_app.quality.distinct import Distinct, RuleState
from catalog_app.quality.model import ColumnOutcome, ColumnPlan, TableOutcome, TablePlan, Unrunnable
from catalog_app.quality.rows import RowRule

__all__ = ["TableChecker"]


class ColumnState:
    def __init__(self, plan: ColumnPlan, table_key: str, code_lists, today):
        self.plan = plan
        self.outcome = ColumnOutcome(plan.column_id, table_key, plan.label)
        self.value_rules: list[tuple[RuleState, object]] = []
        self.deferred: list[tuple[RuleState, object]] = []
        self.required: RuleState | None = None
        self.row_rules: list[RowRule] = []
        self.unrunnable: list[Unrunnable] = []
        for spec in plan.rules:
            state = RuleState(spec, plan, table_key)
            if spec.code == "std_required":
                self.required = state
                continue
            if spec.columns:
                self.row_rules.append(RowRule(spec, state, (None, None)))
                continue
            compiled = compile_check(spec, code_lists, today)
            if isinstance(compiled, (OutlierState, KeyState)):
                self.deferred.append((state, compiled))
            else:
                self.value_rules.append((state, compiled))

    @property
    def states(self) -> list[RuleState]:
        out = [s for s, _ in self.value_rules] + [s for s, _ in self.deferred]
        out += [r.state for r in self.row_rules]
        if self.required is not None:
            out.insert(0, self.required)
        return out

    def add(self, view: Distinct) -> np.ndarray:
        """Judge one chunk; returns the per-distinct mask of counted errors."""
        col = self.outcome
        col.rows += view.rows
        col.blank += view.rows - view.filled
        flagged = np.zeros(len(view.values), dtype=bool)
        for state, check in self.value_rules:
            bad, checked = check(view)
            state.record(view, bad, checked)
            if state.counted:
                flagged |= bad
        for _state, deferred in self.deferred:
            deferred.observe(view, flagged)
        if self.required is not None:
            out = self.required.outcome
            out.checked += view.rows
            out.errors += view.rows - view.filled
        return flagged

    def finish(self) -> None:
        col = self.outcome
        checked = [col.rows if self.required is not None else 0]
        if self.value_rules or self.deferred:
            checked.append(col.rows - col.blank)
        for state, deferred in self.deferred:
            n_checked, errors, extra, samples = deferred.finish()
            state.outcome.checked += n_checked
            state.outcome.errors += errors
            state.add_samples(samples)
            if state.counted:
                col.errors += extra
        checked += [r.state.outcome.checked for r in self.row_rules]
        col.checked = max(checked)
        if self.required is not None and self.required.counted:
            col.errors += self.required.outcome.errors


class TableChecker:
    """Every rule of one table's plan, fed chunks of data rows (column arrays by position)."""

    def __init__(
        self, plan: TablePlan, code_lists: dict[str, frozenset], today: date | None = None
    ):
        self.plan = plan
        today = today or date.today()
        self.columns = [ColumnState(c, plan.table_key, code_lists, today) for c in plan.columns]
        by_position = {c.position: c for c in plan.columns}
        for state in self.columns:
            for rule in state.row_rules:
                rule.pii = tuple(
                    by_position[i].pii_kind if i in by_position else None for i in rule.spec.columns
                )
        self.rows = 0

    @property
    def positions(self) -> list[int]:
        """Table columns the checks read (others need not be converted)."""
        wanted = set()
        for state in self.columns:
            if state.plan.rules:
                wanted.add(state.plan.position)
            for rule in state.row_rules:
                wanted.update(rule.spec.columns)
        return sorted(wanted)

    def add(self, columns: dict[int, pa.Array], rows: int) -> None:
        self.rows += rows
        views = {pos: Distinct(arr) for pos, arr in columns.items()}
        for state in self.columns:
            view = views.get(state.plan.position)
            if view is None:
                continue
            flagged = state.add(view)
            if state.row_rules:
                row_bad = view.row_values(flagged, False)
                if state.required is not None and state.required.counted:
                    row_bad = row_bad & ~view.blank  # blanks are counted by the required rule
                for rule in state.row_rules:
                    bad = rule.evaluate(views)
                    if rule.state.counted:
                        row_bad |= bad & ~view.blank if state.required is not None else bad
                state.outcome.errors += int(row_bad.sum())
            else:
                state.outcome.errors += int(view.counts[flagged].sum()) if flagged.any() else 0

    def finish(self) -> TableOutcome:
        out = TableOutcome(self.plan.table_key, rows=self.rows)
        for state in self.columns:
            state.finish()
            out.columns.append(state.outcome)
            out.rules.extend(s.outcome for s in state.states)
        return out
