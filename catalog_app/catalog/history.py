"""Undo steps of the column-keyed histories (``mapping_history``, ``privacy_history``).

Both record who changed a column's decision or verdict with its state before and after; undoing a
step writes an ``undo`` row with before and after swapped and marks the step undone by it. One
function, so the two desks cannot drift apart in what an undo records.
"""

from __future__ import annotations

import sqlite3

from catalog_app.catalog.store import now_iso

_TABLES = ("mapping_history", "privacy_history")
_FIELDS = ("column_id", "dataset_id", "table_key", "label")


def record_undo(
    conn: sqlite3.Connection, table: str, who: str, step, *, mark: bool = True, **given
) -> int:
    """Write the ``undo`` row of ``step`` (a row of ``table``) and, with ``mark``, point the step
    at it; returns the new row's id. ``given`` overrides a field of the step (the column's id a
    step of an older release did not record); fields left NULL (a dataset-level step has no
    column) stay NULL."""
    if table not in _TABLES:
        raise ValueError(f"no undo history: {table}")
    known = {f: step[f] for f in _FIELDS if f in step.keys()}  # noqa: SIM118 (sqlite3.Row)
    known.update(given)
    names = [f for f in _FIELDS if known.get(f) is not None]
    columns = ", ".join(("at", "who", "action", *names, "before", "after"))
    marks = ", ".join("?" for _ in range(len(names) + 5))
    values = (now_iso(), who, "undo", *(known[f] for f in names), step["after"], step["before"])
    undo_id = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values).lastrowid
    if mark:
        conn.execute(f"UPDATE {table} SET undone_by = ? WHERE id = ?", (undo_id, step["id"]))
    return undo_id
