"""The working dictionary of a matching job, and the rows a table is judged from.

The map job (``jobs``), the scan's suggestions (``refresh``), the stored checks
(``stored_checks``), the quality plan and the disclosure state all need the same pieces: the
dictionary prepared once (:class:`Workspace`: matcher, word index, term and domain look-ups), the
term a column stands for today (:func:`working_term`), the columns with their table and file
(:func:`column_rows`) and a table's columns judged as a whole (:func:`table_suggestions`). They
live here, below all of those modules, so the jobs import the refresh and the stored checks and
never the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog_app.catalog.column_rows import profile_from_row
from catalog_app.catalog.store import Catalog
from catalog_app.dictionary.model import Dictionary, Domain, Term
from catalog_app.dictionary.segment import WordIndex
from catalog_app.dictionary.store import DictionaryStore
from catalog_app.matching.review_state import working_term_name

__all__ = ["Workspace", "column_rows", "table_suggestions", "working_term"]


@dataclass
class Workspace:
    """The working dictionary prepared once per job: matcher, word index, term/domain lookups."""

    official: Dictionary
    institution: Dictionary
    index: WordIndex
    terms: dict[str, Term]
    domains: dict[str, Domain]
    matcher: object = None

    @classmethod
    def open(cls, catalog: Catalog, with_matcher: bool = True) -> Workspace:
        from catalog_app.matching.decisions import MappingDesk

        official, own = DictionaryStore(catalog).working()
        words = official.active_words() + own.active_words()
        terms = official.active_terms() + own.active_terms()
        domains = {d.name: d for d in official.active_domains() + own.active_domains()}
        ws = cls(
            official,
            own,
            WordIndex(words, domains.values(), terms),
            {t.name: t for t in terms},
            domains,
        )
        if with_matcher:
            from catalog_app.matching.matcher import Matcher

            memory = {k: v["term_name"] for k, v in MappingDesk(catalog).memory().items()}
            ws.matcher = Matcher(official, own, memory)
        return ws


_COLUMNS = """SELECT c.*, t.table_key, t.sheet_name, d.name AS dataset, d.folder, d.rel_path,
                     d.flags AS dataset_flags
              FROM columns c JOIN tables t ON t.id = c.table_id JOIN datasets d ON d.id = c.dataset_id
              WHERE {readable} {where} ORDER BY d.folder, d.name, t.table_index, c.col_index"""


def column_rows(conn, dataset_ids=None, readable_only: bool = True):
    """Columns with their table and file (the map job's rows), in file and sheet order."""
    where, params = "", ()
    if dataset_ids:
        where = f"AND d.id IN ({', '.join('?' for _ in dataset_ids)})"
        params = tuple(dataset_ids)
    readable = "d.status = 'ok'" if readable_only else "1"
    return conn.execute(_COLUMNS.format(readable=readable, where=where), params).fetchall()


def working_term(ws: Workspace, decision: dict | None, kind: str, top: dict | None) -> Term | None:
    """The term a column stands for today (``review_state.working_term_name``), from ``ws``."""
    name = working_term_name(decision, kind, top)
    return ws.terms.get(name) if name else None


def table_suggestions(ws: Workspace, cols) -> dict[int, tuple]:
    """column id -> (suggestion, profile) for the columns of one dataset, each table judged as
    a whole: its file and sheet names and headers are the context (issue 19: a bare 이름 in a
    list of 시장 is 시장명; crosstab siblings are not_a_column)."""
    from catalog_app.matching.context import TableContext

    tables: dict[str, list] = {}
    for row in cols:
        tables.setdefault(row["table_key"], []).append(row)
    out: dict[int, tuple] = {}
    for rows in tables.values():
        first = rows[0]
        context = TableContext(
            first["dataset"] or "", first["sheet_name"] or "", tuple(r["label"] for r in rows)
        )
        profiles = [profile_from_row(r) for r in rows]
        columns = [(r["label"], p.samples, p) for r, p in zip(rows, profiles, strict=True)]
        found = ws.matcher.suggest_table(columns, context)
        for r, p, suggestion in zip(rows, profiles, found, strict=True):
            out[r["id"]] = (suggestion, p)
    return out
