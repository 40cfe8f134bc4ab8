"""One column's review state — its suggestion, the clerk's decision and what follows from them —
read the same way by ``catalog-app mapping show | accept | propose`` and the 매핑 검토 window.

Before, each side read ``column_match`` and ``column_mappings`` itself and named things its own
way: the window pre-filled a proposed term from the matcher's ``name`` (else its words, else the
header) while the CLI joined the words only (and could pass a ``None`` abbreviation on). The rules
live here now:

* :func:`proposed_name` / :meth:`ReviewState.proposed_term` — the name of a new term to propose;
* :func:`working_term_name` — the term a column stands for today (an accepted decision, else an
  exact match; ``workspace.working_term`` looks that name up in the dictionary);
* :func:`needs_confirm` — a candidate scoring under the threshold is a guess: accept it only on
  a second word (the window asks; :data:`CONFIRM_BELOW` is the default threshold).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from catalog_app.dictionary.model import Term
from catalog_app.matching.errors import no_such_column

__all__ = [
    "CONFIRM_BELOW",
    "DECISIONS",
    "UNDECIDED",
    "ReviewState",
    "needs_confirm",
    "proposed_name",
    "review_state",
    "review_states",
    "working_term_name",
]

DECISIONS = ("accepted", "rejected", "proposed")  # column_mappings.status
UNDECIDED = "undecided"  # no decision stored
CONFIRM_BELOW = 0.5  # default: accepting a candidate scoring under this asks first


def proposed_name(proposal: dict | None, label: str = "") -> str:
    """The name of the new term a column's proposal stands for: the matcher's ``name``, else
    its words joined, else the header label (empty when there is nothing at all)."""
    proposal = proposal or {}
    return proposal.get("name") or "".join(proposal.get("words") or []) or label


def working_term_name(decision: dict | None, kind: str | None, top: dict | None) -> str | None:
    """The term a column stands for today: an accepted decision's term; any other decision
    (rejected, proposed) stands for none; undecided, an exact match's top candidate."""
    if decision is not None:
        return decision["term_name"] if decision["status"] == "accepted" else None
    if kind == "exact" and top is not None:
        return top["term"]
    return None


def needs_confirm(score: float | None, threshold: float) -> bool:
    """Whether accepting a candidate with this score is a guess worth a second word (a term
    typed or chosen without a score is the clerk's own choice)."""
    return score is not None and score < threshold


@dataclass(frozen=True)
class ReviewState:
    """What ``mapping show`` prints and the window's detail pane shows for one column."""

    column_id: int
    label: str
    kind: str | None  # the suggestion's kind; None before `map` ran for the column
    candidates: tuple[dict, ...] = ()
    proposal: dict | None = None
    checks: tuple[dict, ...] = ()
    decision: dict | None = None  # the column_mappings row in force

    @property
    def status(self) -> str:
        """accepted, rejected, proposed or undecided."""
        return self.decision["status"] if self.decision else UNDECIDED

    @property
    def decided_term(self) -> str | None:
        """The term named by the decision (accepted, rejected or proposed), if any."""
        return self.decision["term_name"] if self.decision else None

    @property
    def top(self) -> dict | None:
        """The suggestion's top candidate."""
        return self.candidates[0] if self.candidates else None

    @property
    def working_term(self) -> str | None:
        return working_term_name(self.decision, self.kind, self.top)

    def score_of(self, term: str) -> float | None:
        """The score the suggestion gave ``term`` (None: not among the candidates)."""
        return next((c["score"] for c in self.candidates if c["term"] == term), None)

    def needs_confirm(self, term: str, threshold: float = CONFIRM_BELOW) -> bool:
        return needs_confirm(self.score_of(term), threshold)

    def proposed_term(self, name: str = "", abbr: str = "", domain: str = "") -> Term:
        """The new term to propose: what the clerk gave, else the matcher's proposal."""
        proposal = self.proposal or {}
        return Term(
            name=name or proposed_name(proposal, self.label),
            abbr=abbr or proposal.get("abbr") or "",
            domain=domain or proposal.get("domain") or "",
        )


_SELECT = """SELECT c.id AS column_id, c.label, m.kind, m.candidates, m.proposal, m.checks
             FROM columns c LEFT JOIN column_match m ON m.column_id = c.id WHERE c.id IN ({marks})"""


def _state(row: sqlite3.Row, decision: sqlite3.Row | None) -> ReviewState:
    return ReviewState(
        column_id=row["column_id"],
        label=row["label"],
        kind=row["kind"],
        candidates=tuple(json.loads(row["candidates"] or "[]")),
        proposal=json.loads(row["proposal"]) if row["proposal"] else None,
        checks=tuple(json.loads(row["checks"] or "[]")),
        decision=dict(decision) if decision is not None else None,
    )


def review_states(conn: sqlite3.Connection, column_ids: list[int]) -> dict[int, ReviewState]:
    """The review state of these columns by id (unknown ids are left out)."""
    ids = list(dict.fromkeys(column_ids))
    out: dict[int, ReviewState] = {}
    for start in range(0, len(ids), 500):  # SQLite's parameter limit
        part = ids[start : start + 500]
        marks = ", ".join("?" for _ in part)
        decisions = {
            r["column_id"]: r
            for r in conn.execute(
                f"SELECT * FROM column_mappings WHERE column_id IN ({marks})", part
            )
        }
        for row in conn.execute(_SELECT.format(marks=marks), part):
            out[row["column_id"]] = _state(row, decisions.get(row["column_id"]))
    return out


def review_state(conn: sqlite3.Connection, column_id: int) -> ReviewState:
    """One column's review state; ``MappingError`` (Korean) for an unknown column."""
    found = review_states(conn, [column_id]).get(column_id)
    if found is None:
        raise no_such_column(column_id)
    return found
