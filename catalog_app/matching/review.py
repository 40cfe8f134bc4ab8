"""The read side of 매핑 검토: every suggested column with its file, sheet, top candidate and
decision, filtered, sorted and paged in SQL; one column in full; what a bulk accept would take.

Moved out of the window (ui/mapping_model.py ran this SQL itself): the window only pages through
these functions, and the same filters decide what the table shows and what 점수 이상 일괄 수락
accepts (``MappingDesk.bulk_accept(threshold, filters=...)``), so the two never disagree.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from catalog_app.catalog.column_rows import stored_samples
from catalog_app.matching.review_state import review_states

__all__ = [
    "KINDS",
    "SORT_KEYS",
    "ReviewFilters",
    "bulk_candidates",
    "column_detail",
    "review_count",
    "review_page",
    "review_rows",
    "stored_checks",
    "working_names",
]

KINDS = ("exact", "synonym", "variant", "composable", "nonstandard", "not_a_column")

_TOP_TERM = "json_extract(m.candidates, '$[0].term')"
_TOP_SCORE = "json_extract(m.candidates, '$[0].score')"
_KIND_ORDER = (
    "CASE m.kind "
    + " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(KINDS))
    + f" ELSE {len(KINDS)} END"
)
_FROM = """FROM columns c JOIN column_match m ON m.column_id = c.id
           JOIN tables t ON t.id = c.table_id JOIN datasets d ON d.id = c.dataset_id
           LEFT JOIN column_mappings cm ON cm.column_id = c.id"""
_FIELDS = f"""c.id AS column_id, c.dataset_id, c.label, t.table_key,
             COALESCE(t.sheet_name, t.table_key) AS sheet, d.name AS dataset, d.rel_path,
             m.kind, m.checks, m.compliant, json_array_length(m.candidates) AS candidate_count,
             {_TOP_TERM} AS top_term, {_TOP_SCORE} AS top_score, cm.status AS decision,
             cm.term_name AS decision_term, cm.decided_by"""
_DEFAULT_ORDER = "d.folder, d.name, t.table_index, c.col_index"
# sort key -> ORDER BY expressions (the window's columns, in order)
_SORTS = {
    "dataset": ("d.folder", "d.name"),
    "sheet": ("d.folder", "d.name", "t.table_index"),
    "label": ("c.label",),
    "kind": (_KIND_ORDER,),
    "top_term": (_TOP_TERM,),
    "top_score": (f"COALESCE({_TOP_SCORE}, -1)",),
    "decision": ("COALESCE(cm.status, '')", "cm.term_name"),
    "checks": ("COALESCE(m.compliant, -1)",),
}
SORT_KEYS = tuple(_SORTS)


@dataclass(frozen=True)
class ReviewFilters:
    """What the clerk narrowed the table to (the filter bar)."""

    kind: str | None = None
    undecided: bool = False
    score_min: float = 0.0
    score_max: float = 1.0
    text: str = ""

    def where(self) -> tuple[str, list]:
        clauses, params = ["d.status = 'ok'"], []
        if self.kind:
            clauses.append("m.kind = ?")
            params.append(self.kind)
        if self.undecided:
            clauses.append("cm.id IS NULL")
        if self.score_min > 0 or self.score_max < 1:
            clauses.append(f"COALESCE({_TOP_SCORE}, 0) BETWEEN ? AND ?")
            params += [self.score_min, self.score_max]
        if self.text.strip():
            clauses.append("c.label LIKE ? ESCAPE '\\'")
            escaped = self.text.strip().replace("\\", "\\\\").replace("%", "\\%")
            params.append("%" + escaped.replace("_", "\\_") + "%")
        return " WHERE " + " AND ".join(clauses), params

    @property
    def narrowed(self) -> bool:
        return self != ReviewFilters()


def order_by(sort_key: str | None, descending: bool = False) -> str:
    """ORDER BY for a sort key (None: files, sheets and columns in order)."""
    if sort_key not in _SORTS:
        return _DEFAULT_ORDER
    direction = "DESC" if descending else "ASC"
    return ", ".join([*(f"{e} {direction}" for e in _SORTS[sort_key]), _DEFAULT_ORDER])


def review_count(conn: sqlite3.Connection, filters: ReviewFilters) -> int:
    where, params = filters.where()
    return conn.execute(f"SELECT COUNT(*) {_FROM}{where}", params).fetchone()[0]


def review_page(
    conn: sqlite3.Connection,
    filters: ReviewFilters,
    offset: int,
    limit: int,
    sort_key: str | None = None,
    descending: bool = False,
) -> list[dict]:
    where, params = filters.where()
    order = order_by(sort_key, descending)
    sql = f"SELECT {_FIELDS} {_FROM}{where} ORDER BY {order}, c.id LIMIT ? OFFSET ?"
    return [dict(r) for r in conn.execute(sql, (*params, limit, offset))]


def review_rows(conn: sqlite3.Connection, column_ids: list[int]) -> dict[int, dict]:
    """The rows of these columns as they stand now (after a decision), by column id."""
    if not column_ids:
        return {}
    marks = ", ".join("?" for _ in column_ids)
    rows = conn.execute(f"SELECT {_FIELDS} {_FROM} WHERE c.id IN ({marks})", column_ids)
    return {r["column_id"]: dict(r) for r in rows}


def bulk_candidates(
    conn: sqlite3.Connection, threshold: float, filters: ReviewFilters | None = None
) -> list[tuple[int, dict, str]]:
    """(column id, top candidate, kind) of every column a bulk accept would take: shown by
    ``filters`` (every suggested column without), no decision yet, not a crosstab band, top
    candidate scoring at least ``threshold``."""
    where, params = filters.where() if filters is not None else (" WHERE 1", [])
    rows = conn.execute(
        f"""SELECT c.id AS column_id, m.kind, m.candidates {_FROM}{where}
            AND cm.id IS NULL AND m.kind != 'not_a_column' AND {_TOP_SCORE} >= ?
            ORDER BY {_DEFAULT_ORDER}, c.id""",
        (*params, threshold),
    ).fetchall()
    return [(r["column_id"], json.loads(r["candidates"])[0], r["kind"]) for r in rows]


def column_detail(conn: sqlite3.Connection, column_id: int) -> dict | None:
    """One column for the detail pane: profile, suggestion and decision (indexed look-ups)."""
    row = conn.execute(
        """SELECT c.id AS column_id, c.dataset_id, c.label, c.inferred_type, c.max_len_bytes,
                  c.samples, c.pii_kind, t.table_key, COALESCE(t.sheet_name, t.table_key) AS sheet,
                  d.name AS dataset, d.rel_path, m.kind, m.cleaned, m.compliant
           FROM columns c JOIN tables t ON t.id = c.table_id JOIN datasets d ON d.id = c.dataset_id
           LEFT JOIN column_match m ON m.column_id = c.id WHERE c.id = ?""",
        (column_id,),
    ).fetchone()
    if row is None:
        return None
    state = review_states(conn, [column_id])[column_id]
    out = dict(row)
    out["candidates"] = list(state.candidates)
    out["proposal"] = state.proposal
    out["checks"] = list(state.checks)
    out["samples"] = stored_samples(row)
    out["decision"] = state.decision
    out["state"] = state  # the same reading `catalog-app mapping show` prints
    return out


def working_names(conn: sqlite3.Connection, kind: str = "term") -> list[str]:
    """Active term (or domain) names of the current edition and the institution layer, for the
    window's completers (one indexed query)."""
    table = {"term": "dict_terms", "domain": "dict_domains", "word": "dict_words"}[kind]
    rows = conn.execute(
        f"""SELECT DISTINCT name FROM {table} WHERE retired = 0 AND edition_id IN
            (SELECT id FROM dict_editions WHERE is_current = 1 OR layer = 'institution')
            ORDER BY name"""
    )
    return [r[0] for r in rows]


def stored_checks(conn: sqlite3.Connection) -> dict[int, str]:
    """column id -> the checks JSON stored by the last suggestion (compared with fresh ones)."""
    return dict(conn.execute("SELECT column_id, checks FROM column_match").fetchall())
