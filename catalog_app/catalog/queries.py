"""Read side of the catalog: dataset lists, one dataset in full, search. Plain dicts (JSON-ready).

These dicts are the ``--json`` contract of ``list``, ``show``, ``scan`` and ``search`` (see the
README); change them only by adding keys.
"""

from __future__ import annotations

import json
import sqlite3

from catalog_app.catalog.column_rows import profile_from_row, profile_json
from catalog_app.catalog.store import Catalog
from catalog_app.scan.flags import rate_exclusion

SEARCH_LIMIT = 200


def _errors(row: sqlite3.Row) -> list[dict]:
    if row["error_code"]:
        return [{"code": row["error_code"], "message": row["error_message"]}]
    return []


def dataset_summary(row: sqlite3.Row, stats: dict | None = None) -> dict:
    stats = stats or {}
    return {
        "id": row["id"],
        "path": row["path"],
        "name": row["name"],
        "folder": row["folder"],
        "real_format": row["real_format"],
        "encoding": row["encoding"],
        "encoding_method": row["encoding_method"],
        "delimiter": row["delimiter"],
        "status": row["status"],
        "size": row["size"],
        "table_count": row["table_count"],
        "column_count": stats.get("column_count", 0),
        "row_count": stats.get("row_count", 0),
        "pii_columns": stats.get("pii_columns", 0),
        "errors": _errors(row),
        "warnings": json.loads(row["warnings"] or "[]"),
        "scanned_at": row["scanned_at"],
        "missing_since": row["missing_since"],
        "flags": json.loads(row["flags"] or "[]"),
        "rate_excluded": rate_exclusion(row["flags"]),
    }


def list_datasets(catalog: Catalog, status: str | None = None) -> list[dict]:
    stats = {
        r["dataset_id"]: dict(r)
        for r in catalog.conn.execute(
            """SELECT t.dataset_id, SUM(t.column_count) AS column_count, SUM(t.row_count) AS row_count,
                      (SELECT COUNT(*) FROM columns c WHERE c.dataset_id = t.dataset_id
                       AND c.pii_kind IS NOT NULL) AS pii_columns
               FROM tables t GROUP BY t.dataset_id"""
        )
    }
    sql = "SELECT * FROM datasets"
    params: tuple = ()
    if status:
        sql += " WHERE status = ?"
        params = (status,)
    sql += " ORDER BY folder, name"
    return [dataset_summary(r, stats.get(r["id"])) for r in catalog.conn.execute(sql, params)]


def catalog_counts(catalog: Catalog) -> dict[str, int]:
    """What ``status`` says of a catalog: datasets (of which in error, missing) and columns."""
    n = catalog.conn.execute(
        "SELECT COUNT(*), SUM(status = 'error'), SUM(status = 'missing') FROM datasets"
    ).fetchone()
    columns = catalog.conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
    return {"datasets": n[0], "errors": n[1] or 0, "missing": n[2] or 0, "columns": columns}


def table_keys(catalog: Catalog, dataset_id: int) -> list[str]:
    """The keys of a dataset's tables (``#0`` or the sheet name …), in order."""
    rows = catalog.conn.execute(
        "SELECT table_key FROM tables WHERE dataset_id = ? ORDER BY table_index", (dataset_id,)
    )
    return [r[0] for r in rows]


def label_tables(catalog: Catalog, dataset_id: int, label: str) -> list[str]:
    """The tables of a dataset with a column of this label (one: the column is found)."""
    rows = catalog.conn.execute(
        """SELECT DISTINCT t.table_key FROM columns c JOIN tables t ON t.id = c.table_id
           WHERE c.dataset_id = ? AND c.label = ? ORDER BY t.table_index""",
        (dataset_id, label),
    )
    return [r[0] for r in rows]


class AmbiguousDataset(LookupError):
    """Several datasets answer to the same name; the clerk must say which (by id or path)."""

    def __init__(self, ref: str, rows: list[sqlite3.Row]):
        self.ref = ref
        self.rows = rows
        super().__init__(ref)


def find_dataset(catalog: Catalog, ref: str) -> sqlite3.Row | None:
    """A dataset by id, full path, path relative to its root, or file name (if unique).

    Raises :class:`AmbiguousDataset` when a relative path or name matches several datasets.
    """
    conn = catalog.conn
    if ref.isdigit():
        row = conn.execute("SELECT * FROM datasets WHERE id = ?", (int(ref),)).fetchone()
        if row:
            return row
    import os

    for sql, arg in (
        ("SELECT * FROM datasets WHERE path = ?", os.path.abspath(ref)),
        ("SELECT * FROM datasets WHERE rel_path = ?", ref.replace("\\", "/")),
        ("SELECT * FROM datasets WHERE name = ?", ref),
    ):
        rows = conn.execute(sql, (arg,)).fetchall()
        if len(rows) == 1:
            return rows[0]
        if len(rows) > 1:
            raise AmbiguousDataset(ref, rows)
    return None


def column_dict(r: sqlite3.Row, override=None) -> dict:
    """One column for ``show --json``: ``pii`` is the verdict in force when the column is
    personal data (null otherwise, e.g. a business phone), ``privacy`` any verdict with its
    reason and a clerk's override (issue 14)."""
    from catalog_app.privacy.verdicts import verdict_dict

    profile = profile_from_row(r)
    pii = profile.pii
    return {
        "id": r["id"],
        "index": profile.index,
        "label": profile.label,
        "type": profile.inferred_type,
        "profile": profile_json(profile),
        "pii": None
        if pii is None
        else {"kind": pii.kind, "share": pii.share, "reason": pii.reason, "source": pii.source},
        "privacy": verdict_dict(r, override),
    }


def dataset_detail(catalog: Catalog, dataset_id: int) -> dict | None:
    conn = catalog.conn
    row = conn.execute("SELECT * FROM datasets WHERE id = ?", (dataset_id,)).fetchone()
    if row is None:
        return None
    from catalog_app.privacy.verdicts import overrides_of

    overrides = overrides_of(conn, dataset_id)
    tables = []
    column_total = row_total = pii_total = 0
    for t in conn.execute(
        "SELECT * FROM tables WHERE dataset_id = ? ORDER BY table_index", (dataset_id,)
    ):
        columns = [
            column_dict(c, overrides.get(c["id"]))
            for c in conn.execute(
                "SELECT * FROM columns WHERE table_id = ? ORDER BY col_index", (t["id"],)
            )
        ]
        column_total += len(columns)
        row_total += t["row_count"]
        pii_total += sum(1 for c in columns if c["pii"])
        tables.append(
            {
                "id": t["id"],
                "index": t["table_index"],
                "sheet": t["sheet_name"],
                "key": t["table_key"],
                "hidden": bool(t["hidden"]),
                "header_row": t["header_row"],
                "header_rows": t["header_rows"],
                "data_row": t["data_row"],
                "header_source": t["header_source"],
                "first_col": t["first_col"],
                "row_count": t["row_count"],
                "blank_rows": t["blank_rows"],
                "total_rows": t["total_rows"],
                "footnote_rows": t["footnote_rows"],
                "ragged_rows": t["ragged_rows"],
                "warnings": json.loads(t["warnings"]),
                "person_level": t["person_level"],
                "columns": columns,
            }
        )
    out = dataset_summary(
        row, {"column_count": column_total, "row_count": row_total, "pii_columns": pii_total}
    )
    out["tables"] = tables
    return out


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(catalog: Catalog, text: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Datasets, sheets and columns whose names contain ``text``.

    FTS5 trigram answers queries of 3+ characters; shorter ones (주소, 일자) fall back to LIKE on
    the base tables, since trigram cannot match them (and SQLite 3.40 returns nothing for a short
    non-ASCII LIKE against the FTS table).
    """
    text = " ".join(text.split())
    if not text:
        return []
    conn = catalog.conn
    if catalog.has_fts and len(text) >= 3:
        phrase = '"' + text.replace('"', '""') + '"'
        hits = conn.execute(
            """SELECT kind, ref_id, dataset_id FROM search_index WHERE search_index MATCH ?
               ORDER BY rank LIMIT ?""",
            (phrase, limit),
        ).fetchall()
        refs = [(h["kind"], h["ref_id"]) for h in hits]
    else:
        pattern = _like(text)
        refs = [
            (kind, r[0])
            for kind, sql in (
                (
                    "dataset",
                    "SELECT id FROM datasets WHERE name LIKE ? ESCAPE '\\' OR rel_path LIKE ? ESCAPE '\\'",
                ),
                (
                    "table",
                    "SELECT id FROM tables WHERE sheet_name LIKE ? ESCAPE '\\' AND ? IS NOT NULL",
                ),
                (
                    "column",
                    "SELECT id FROM columns WHERE label LIKE ? ESCAPE '\\' AND ? IS NOT NULL",
                ),
            )
            for r in conn.execute(sql + f" LIMIT {int(limit)}", (pattern, pattern))
        ][:limit]
    return [_hit(conn, kind, ref) for kind, ref in refs]


def _hit(conn: sqlite3.Connection, kind: str, ref: int) -> dict:
    if kind == "dataset":
        row = conn.execute("SELECT id, path, name FROM datasets WHERE id = ?", (ref,)).fetchone()
        return {
            "kind": kind,
            "dataset_id": row["id"],
            "path": row["path"],
            "dataset": row["name"],
            "table": None,
            "column": None,
            "label": row["name"],
        }
    if kind == "table":
        row = conn.execute(
            """SELECT d.id AS did, d.path, d.name, t.sheet_name FROM tables t
               JOIN datasets d ON d.id = t.dataset_id WHERE t.id = ?""",
            (ref,),
        ).fetchone()
        return {
            "kind": kind,
            "dataset_id": row["did"],
            "path": row["path"],
            "dataset": row["name"],
            "table": row["sheet_name"],
            "column": None,
            "label": row["sheet_name"],
        }
    row = conn.execute(
        """SELECT d.id AS did, d.path, d.name, t.sheet_name, c.col_index, c.label FROM columns c
           JOIN tables t ON t.id = c.table_id JOIN datasets d ON d.id = c.dataset_id WHERE c.id = ?""",
        (ref,),
    ).fetchone()
    return {
        "kind": kind,
        "dataset_id": row["did"],
        "path": row["path"],
        "dataset": row["name"],
        "table": row["sheet_name"],
        "column": row["col_index"],
        "label": row["label"],
    }
