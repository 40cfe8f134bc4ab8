"""Reading what the coordinator entered: institution settings, departments, entered values.

The read half of ``metadata.MetadataStore`` (which adds the writes, the undo log and the bulk
import), on its own so the disclosure state (``state.build_state``) can read the entered values
while the store's bulk import asks that state what the app derives itself.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from catalog_app.catalog.store import Catalog

__all__ = ["Department", "MetadataReader"]


@dataclass
class Department:
    folder: str
    name: str
    phone: str = ""


class MetadataReader:
    """Reads the disclosure metadata of one catalog."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.conn: sqlite3.Connection = catalog.conn

    # ------------------------------------------------------------------ institution
    def institution(self) -> dict[str, str]:
        rows = self.conn.execute("SELECT key, value FROM institution_settings").fetchall()
        return {r["key"]: r["value"] for r in rows}

    # ------------------------------------------------------------------ departments
    def departments(self) -> list[Department]:
        rows = self.conn.execute("SELECT * FROM departments ORDER BY folder").fetchall()
        return [Department(r["folder"], r["name"], r["phone"]) for r in rows]

    def department_map(self) -> dict[str, str]:
        """Folder prefix → department name, as ``compliance.department_of`` takes it."""
        return {d.folder: d.name for d in self.departments()}

    def department_phones(self) -> dict[str, str]:
        """Department name → phone (the first folder that gives one)."""
        out: dict[str, str] = {}
        for d in self.departments():
            if d.phone and d.name not in out:
                out[d.name] = d.phone
        return out

    # ------------------------------------------------------------------ dataset / column values
    def entered(self, dataset_id: int) -> dict[str, str]:
        """The dataset-level values a person entered for one dataset."""
        rows = self.conn.execute(
            """SELECT field, value FROM disclosure_meta
               WHERE dataset_id = ? AND column_id = 0""",
            (dataset_id,),
        ).fetchall()
        return {r["field"]: r["value"] for r in rows}

    def entered_columns(self, dataset_id: int) -> dict[int, dict[str, str]]:
        """Column id → the column-level values entered for one dataset."""
        rows = self.conn.execute(
            """SELECT column_id, field, value FROM disclosure_meta
               WHERE dataset_id = ? AND column_id != 0""",
            (dataset_id,),
        ).fetchall()
        out: dict[int, dict[str, str]] = {}
        for r in rows:
            out.setdefault(r["column_id"], {})[r["field"]] = r["value"]
        return out

    def all_entered(self) -> dict[int, dict[int, dict[str, str]]]:
        """Every entered value: dataset id → column id (0 = the dataset) → field → value."""
        out: dict[int, dict[int, dict[str, str]]] = {}
        for r in self.conn.execute(
            "SELECT dataset_id, column_id, field, value FROM disclosure_meta"
        ):
            out.setdefault(r["dataset_id"], {}).setdefault(r["column_id"], {})[r["field"]] = r[
                "value"
            ]
        return out
