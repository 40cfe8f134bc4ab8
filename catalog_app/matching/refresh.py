"""Suggestions made while a scan writes a file, so the mapping is never stale.

A column's suggestion (``column_match``) hangs on the column's lasting id (``column_keys``). When a
scan reads a new or changed table, ``Catalog.save_file_result`` drops the suggestions of the
columns whose label or profile changed and asks a :class:`Suggester` for fresh ones inside the
same transaction; columns whose content is unchanged keep theirs untouched (``scan --force`` of
the same bytes changes nothing). ``map`` uses :func:`match_row` too, so both store the same thing.

Opening the working dictionary and the matcher costs ~0.3-0.5 s, so a workspace is shared between
scans in one process while the dictionary and the mapping memory it was built from are the same
(:func:`workspace_for`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
from collections import OrderedDict

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.matching.checks import check_column, is_compliant
from catalog_app.matching.matcher import Suggestion
from catalog_app.matching.stored_checks import checks_basis, stored_parts, term_of
from catalog_app.matching.workspace import (
    Workspace,
    column_rows,
    table_suggestions,
    working_term,
)
from catalog_app.scan.models import ColumnProfile

__all__ = ["Suggester", "match_row", "workspace_for"]

log = logging.getLogger(__name__)

_CACHE: OrderedDict[str, Workspace] = OrderedDict()
_CACHE_SIZE = 2
_LOCK = threading.Lock()


def match_row(
    ws: Workspace,
    column_id: int,
    profile: ColumnProfile,
    decision: dict | None,
    suggestion: Suggestion | None = None,
    *,
    basis: str | None = None,
) -> tuple:
    """One ``column_match`` row (see ``store.MATCH_INSERT``) for a column and its decision;
    ``suggestion`` is the matcher's answer when the caller judged the whole table (the map job
    and the scan both do: see ``workspace.table_suggestions``), else the header is judged alone.
    ``basis`` (``stored_checks.checks_basis`` of the dictionary ``ws`` was opened on) marks its
    checks as current (None: computed again on first read)."""
    if suggestion is None:
        suggestion = ws.matcher.suggest(profile.label, profile.samples, profile)
    candidates = [c.as_dict() for c in suggestion.candidates[:5]]
    if decision is not None and decision["status"] == "rejected":
        # a term the clerk rejected for this column is not offered again
        candidates = [c for c in candidates if c["term"] != decision["term_name"]]
    cleaned = getattr(suggestion, "cleaned", None)
    checks, compliant, parts = [], None, {}
    top = candidates[0] if candidates else None
    if suggestion.kind != "not_a_column":
        term = working_term(ws, decision, suggestion.kind, top)
        found = check_column(
            profile.label, profile, term, None, ws.index, cleaned, suggestion.proposal
        )
        checks = [c.as_dict() for c in found]
        compliant = int(is_compliant(found))
        parts = stored_parts(ws, term, profile, found)
    status = decision["status"] if decision is not None else None
    checked_for = term_of(
        status, (decision or {}).get("term_name"), suggestion.kind, top["term"] if top else ""
    )
    return (
        column_id,
        cleaned,
        suggestion.kind,
        json.dumps(candidates, ensure_ascii=False),
        json.dumps(suggestion.proposal, ensure_ascii=False) if suggestion.proposal else None,
        json.dumps(checks, ensure_ascii=False),
        compliant,
        now_iso(),
        checked_for,
        basis,
        json.dumps(parts),
    )


def _signature(catalog: Catalog) -> str:
    """What a workspace is built from: the current official edition (read-only once imported),
    the institution layer's rows and the mapping memory. Equal signatures, equal suggestions."""
    from catalog_app.dictionary.store import DictionaryStore
    from catalog_app.matching.decisions import MappingDesk

    store = DictionaryStore(catalog)
    current = store.ensure_shipped()
    institution = store.institution_id()
    digest = hashlib.blake2b(digest_size=16)
    edition = catalog.conn.execute(
        """SELECT key, layout, source, word_count, term_count, domain_count FROM dict_editions
           WHERE id = ?""",
        (current.id,),
    ).fetchone()
    digest.update(repr(tuple(edition)).encode())
    for table in ("dict_words", "dict_terms", "dict_domains"):
        for row in catalog.conn.execute(
            f"SELECT * FROM {table} WHERE edition_id = ? ORDER BY id", (institution,)
        ):
            digest.update(repr(tuple(row)[2:]).encode())
    memory = MappingDesk(catalog).memory()
    digest.update(json.dumps(sorted(memory.items()), ensure_ascii=False).encode())
    return digest.hexdigest()


def workspace_for(catalog: Catalog) -> Workspace:
    """A workspace with the matcher for this catalog's dictionary and memory (shared while they
    are unchanged). Writes the shipped dictionary into an empty catalog, so call it outside a
    transaction."""
    key = _signature(catalog)
    with _LOCK:
        ws = _CACHE.get(key)
        if ws is not None:
            _CACHE.move_to_end(key)
            return ws
    ws = Workspace.open(catalog)
    with _LOCK:
        _CACHE[key] = ws
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return ws


class Suggester:
    """The hook a scan hands to ``save_file_result``: fresh suggestions for changed columns.

    Call :meth:`prepare` outside any transaction before the first save that may need it (opening
    the workspace can write the shipped dictionary into a new catalog).
    """

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.ws: Workspace | None = None
        self.basis: str | None = None  # the dictionary and check code the checks are made with
        self.error: str | None = None  # why suggestions could not be made (Korean)
        self.skipped = 0  # columns the matcher failed on (left without a suggestion)

    def prepare(self) -> bool:
        """Open the workspace once; False (and ``error``) when the dictionary cannot be used —
        the scan then saves the files without suggestions and ``check`` says so."""
        if self.ws is None and self.error is None:
            try:
                self.ws = workspace_for(self.catalog)
                self.basis = checks_basis(self.catalog.conn)
            except Exception as exc:  # no current edition, a damaged dictionary …
                log.warning("표준용어 제안을 만들 수 없습니다: %s", exc, exc_info=True)
                self.error = f"표준용어 제안을 만들 수 없습니다: {exc}"
        return self.ws is not None

    def __call__(
        self, conn: sqlite3.Connection, dataset_id: int, items: list[tuple[int, ColumnProfile]]
    ) -> list[tuple]:
        if self.ws is None:
            raise RuntimeError("Suggester.prepare() must run before the save transaction")
        decisions = {
            r["column_id"]: dict(r)
            for r in conn.execute(
                "SELECT * FROM column_mappings WHERE dataset_id = ?", (dataset_id,)
            )
        }
        suggested = self._table_suggestions(conn, dataset_id)
        rows = []
        for column_id, profile in items:
            try:
                found = suggested.get(column_id)
                suggestion = found[0] if found is not None else None
                rows.append(
                    match_row(
                        self.ws,
                        column_id,
                        profile,
                        decisions.get(column_id),
                        suggestion,
                        basis=self.basis,
                    )
                )
            except Exception:  # a matcher bug on one odd header must not lose the file
                log.warning("제안 실패: %r", profile.label, exc_info=True)
                self.skipped += 1
        return rows

    def _table_suggestions(self, conn: sqlite3.Connection, dataset_id: int) -> dict[int, tuple]:
        """The file's tables judged as wholes, as ``map`` judges them (subject, crosstab
        siblings), from the rows this transaction wrote; {} when that fails (each header is
        then judged alone)."""
        try:
            return table_suggestions(self.ws, column_rows(conn, [dataset_id], readable_only=False))
        except Exception:
            log.warning("표 단위 제안 실패: dataset %s", dataset_id, exc_info=True)
            return {}
