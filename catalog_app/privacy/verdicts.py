"""Reading privacy verdicts: one column's (for ``show``) and every column's (``privacy show``).

Each verdict is the one in force — the scan's (``columns.privacy_*``: the detector and the
table-level judgement) with a clerk's override applied — with its reason and source, and the
override itself when there is one. A column with no verdict at all is simply not listed.

``privacy show --json`` is a contract (keys only ever added): see :func:`verdict_json`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from catalog_app.catalog.column_rows import privacy_verdict
from catalog_app.privacy.effective import apply_override
from catalog_app.scan.models import PiiInfo

__all__ = [
    "VERDICT_KEYS",
    "detected_verdict",
    "list_verdicts",
    "overrides_of",
    "verdict_dict",
]

# privacy show --json: one object per column with any verdict (see the README).
VERDICT_KEYS = (
    "dataset_id",
    "table",
    "column",
    "kind",
    "personal",
    "quasi_identifier",
    "sensitive",
    "reason",
    "source",
)


def detected_verdict(row: Mapping) -> PiiInfo | None:
    """What the scan said about a stored column (None when it found nothing)."""
    return privacy_verdict(row)


def overrides_of(conn: sqlite3.Connection, dataset_id: int | None = None) -> dict[int, Mapping]:
    """Column id → a clerk's override (all datasets, or one)."""
    sql = "SELECT o.* FROM privacy_overrides o"
    params: tuple = ()
    if dataset_id is not None:
        sql += " JOIN column_keys k ON k.id = o.column_id WHERE k.dataset_id = ?"
        params = (dataset_id,)
    return {r["column_id"]: r for r in conn.execute(sql, params)}


def _override_json(o: Mapping | None) -> dict | None:
    if o is None:
        return None
    return {
        "personal": None if o["personal"] is None else bool(o["personal"]),
        "quasi_identifier": None if o["quasi_identifier"] is None else bool(o["quasi_identifier"]),
        "sensitive": None if o["sensitive"] is None else bool(o["sensitive"]),
        "kind": o["kind"],
        "reason": o["reason"],
        "by": o["decided_by"],
        "at": o["decided_at"],
    }


def verdict_dict(row: Mapping, override: Mapping | None = None) -> dict | None:
    """The verdict in force on a stored column as a dict (``show --json``'s ``privacy``)."""
    verdict = apply_override(detected_verdict(row), override)
    if verdict is None:
        return None
    return {
        "kind": verdict.kind,
        "personal": verdict.personal,
        "quasi_identifier": verdict.quasi_identifier,
        "sensitive": verdict.sensitive,
        "reason": verdict.reason,
        "source": verdict.source,
        "share": verdict.share,
        "override": _override_json(override),
    }


_LIST = """SELECT c.*, t.table_key, t.sheet_name, t.person_level, d.path, d.name AS dataset
           FROM columns c JOIN tables t ON t.id = c.table_id JOIN datasets d ON d.id = c.dataset_id
           {where} ORDER BY d.folder, d.name, d.id, t.table_index, c.col_index"""


def list_verdicts(
    conn: sqlite3.Connection, dataset_id: int | None = None, *, personal_only: bool = False
) -> list[dict]:
    """Every column with a verdict (``privacy show``), in catalog order."""
    where, params = "", ()
    if dataset_id is not None:
        where, params = "WHERE c.dataset_id = ?", (dataset_id,)
    overrides = overrides_of(conn, dataset_id)
    out = []
    for r in conn.execute(_LIST.format(where=where), params):
        v = verdict_dict(r, overrides.get(r["id"]))
        if v is None or (personal_only and not v["personal"]):
            continue
        out.append(
            {
                "dataset_id": r["dataset_id"],
                "table": r["table_key"],
                "column": r["label"],
                "kind": v["kind"],
                "personal": v["personal"],
                "quasi_identifier": v["quasi_identifier"],
                "sensitive": v["sensitive"],
                "reason": v["reason"],
                "source": v["source"],
                "column_id": r["id"],
                "path": r["path"],
                "sheet": r["sheet_name"],
                "share": v["share"],
                "person_level": r["person_level"],
                "override": v["override"],
            }
        )
    return out
