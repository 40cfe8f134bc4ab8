"""Check results read from the catalog instead of run again for every figure.

A suggestion (``column_match``) stores the checks of its column, computed when the suggestion was
made (``refresh.match_row``: in the scan that read the column, or by ``map``), with what they
were computed against: the term the column stood for (``checks_term``: its accepted decision,
else its exact match; '' for none) and ``checks_basis``, a digest of the working dictionary and
of the check code. The rescan rule of the column identity keeps the rest current: a column whose
content changes loses its suggestion and gets a fresh one in the same transaction.

:class:`StoredChecks` hands out a column's checks: the stored ones while the term and the basis
are still those of today, else computed again (a decision taken since, an institution term
edited, a new edition, a new release whose checks differ) and written back, so the next reader
finds them current. Every figure is therefore the one a full run of the checks would give.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import sqlite3
from functools import lru_cache

from catalog_app.catalog.store import Catalog

__all__ = ["StoredChecks", "checks_basis", "stored_parts", "term_of"]

# What the checks are made of besides the column, its term and the dictionary.
_CHECK_MODULES = (
    "catalog_app.matching.checks",
    "catalog_app.matching.checks_values",
    "catalog_app.dictionary.segment",
    "catalog_app.dictionary.rules",
    "catalog_app.dictionary.model",
)
_WRITE_BACK = """UPDATE column_match SET checks = ?, compliant = ?, checks_term = ?, checks_basis = ?,
    checks_parts = ? WHERE column_id = ? AND computed_at = ? AND kind = ?"""


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The source of the check modules (the release number where sources are not shipped)."""
    import importlib

    from catalog_app import __version__

    digest = hashlib.blake2b(digest_size=16)
    for name in _CHECK_MODULES:
        module = importlib.import_module(name)
        try:
            digest.update(inspect.getsource(module).encode())
        except (OSError, TypeError):  # a frozen build keeps bytecode only
            digest.update(f"{name}@{__version__}".encode())
    return digest.hexdigest()


def checks_basis(conn: sqlite3.Connection) -> str:
    """Digest of the working dictionary (current official edition, institution layer) and the
    check code: equal bases, equal check results for the same column and term. Read-only."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(_code_digest().encode())
    edition = conn.execute(
        """SELECT key, layout, source, word_count, term_count, domain_count FROM dict_editions
           WHERE layer = 'official' AND is_current = 1"""
    ).fetchone()
    digest.update(repr(tuple(edition) if edition else None).encode())
    own = conn.execute("SELECT id FROM dict_editions WHERE layer = 'institution'").fetchall()
    for (edition_id,) in sorted(own):
        for table in ("dict_words", "dict_terms", "dict_domains"):
            for row in conn.execute(
                f"SELECT * FROM {table} WHERE edition_id = ? ORDER BY id", (edition_id,)
            ):
                digest.update(repr(tuple(row)[2:]).encode())
    return digest.hexdigest()


def term_of(decision_status: str | None, decision_term: str | None, kind: str, top) -> str:
    """The name of the term a column stands for today ('' for none): the one rule,
    ``review_state.working_term_name``, over the fields of a stored row."""
    from catalog_app.matching.review_state import working_term_name

    decision = None
    if decision_status is not None:
        decision = {"status": decision_status, "term_name": decision_term or ""}
    return working_term_name(decision, kind, {"term": top} if top else None) or ""


def stored_parts(ws, term, profile, found) -> dict:
    """The split 준수 parts (``compliance.split_parts``) of a column whose checks ``found`` were
    run against ``term`` (a ``Term`` or None): the domain part is judged only when the term has
    a domain in the working dictionary ``ws`` and the column holds values."""
    from catalog_app.matching.compliance import split_parts

    domain = ws.domains.get(term.domain) if term is not None and term.domain else None
    empty = profile is None or profile.inferred_type == "empty"
    return split_parts(found, domain is not None and not empty)


class StoredChecks:
    """Checks of catalog columns: stored ones while current, else computed and written back.

    ``ws`` (a ``workspace.Workspace``) is only needed — and opened on first need — to compute."""

    def __init__(self, catalog: Catalog, ws=None):
        self.catalog = catalog
        self.ws = ws
        self.basis = checks_basis(catalog.conn)
        self.recomputed = 0
        self._pending: list[tuple] = []

    def is_current(self, row, term: str) -> bool:
        """Whether the stored checks of ``row`` (columns joined with column_match) still hold."""
        return (
            row["checks_basis"] == self.basis
            and row["checks_term"] is not None
            and row["checks_term"] == term
            and row["checks_parts"] is not None
        )

    def checks(self, row, term: str, full_row=None) -> tuple[list[dict], bool, dict]:
        """(checks as dicts, compliant, split parts) of one column; ``row`` holds its
        column_match fields (None kind: no suggestion), ``full_row`` the whole ``columns`` row
        when the checks must be computed (fetched by id otherwise). The parts are {} for a
        crosstab band column, which is checked on no part."""
        kind = row["kind"]
        if kind == "not_a_column":
            return [], False, {}
        if kind is not None and self.is_current(row, term):
            return (
                json.loads(row["checks"]),
                bool(row["compliant"]),
                json.loads(row["checks_parts"]),
            )
        found, compliant, parts = self._compute(row, term, full_row)
        if kind is not None:
            self._pending.append(
                (
                    json.dumps(found, ensure_ascii=False),
                    int(compliant),
                    term,
                    self.basis,
                    json.dumps(parts),
                    row["id"],
                    row["computed_at"],
                    kind,
                )
            )
        return found, compliant, parts

    def _compute(self, row, term: str, full_row) -> tuple[list[dict], bool, dict]:
        from catalog_app.catalog.column_rows import profile_from_row
        from catalog_app.matching.checks import check_column, is_compliant
        from catalog_app.matching.workspace import Workspace

        if self.ws is None:
            self.ws = Workspace.open(self.catalog, with_matcher=False)
        if full_row is None:
            full_row = self.catalog.conn.execute(
                "SELECT * FROM columns WHERE id = ?", (row["id"],)
            ).fetchone()
        profile = profile_from_row(full_row)
        working = self.ws.terms.get(term) if term else None
        proposal = row["proposal"] if "proposal" in row.keys() else None  # noqa: SIM118 (sqlite3.Row)
        found = check_column(
            full_row["label"],
            profile,
            working,
            None,
            self.ws.index,
            row["cleaned"],
            json.loads(proposal) if proposal else None,
        )
        self.recomputed += 1
        as_stored = [{**c.as_dict(), "words": list(c.words)} for c in found]  # as JSON gives back
        return as_stored, is_compliant(found), stored_parts(self.ws, working, profile, found)

    def prefetch(self, rows, terms: list[str]) -> dict[int, sqlite3.Row]:
        """The whole ``columns`` rows of the columns among ``rows`` whose checks must be
        computed (one query per 500, not one per column)."""
        stale = [
            r["id"]
            for r, term in zip(rows, terms, strict=True)
            if r["kind"] != "not_a_column" and (r["kind"] is None or not self.is_current(r, term))
        ]
        out: dict[int, sqlite3.Row] = {}
        for i in range(0, len(stale), 500):
            part = stale[i : i + 500]
            marks = ", ".join("?" for _ in part)
            for full in self.catalog.conn.execute(
                f"SELECT * FROM columns WHERE id IN ({marks})", part
            ):
                out[full["id"]] = full
        return out

    def write_back(self) -> int:
        """Store the checks computed since the last call (rows replaced meanwhile by a scan are
        left alone); a catalog that cannot be written now is no error: they are a cache."""
        pending, self._pending = self._pending, []
        if not pending:
            return 0
        with contextlib.suppress(sqlite3.OperationalError), self.catalog.transaction() as conn:
            conn.executemany(_WRITE_BACK, pending)
            return len(pending)
        return 0
