"""The registered list as the catalog holds it now: the newest import, each entry with its link.

Read apart from ``registered`` (the import's preview and apply) because the disclosure state
(``state.build_state``) carries this list, while the import's preview matches a file's entries
against that state: each needs the other's half, neither the whole.
"""

from __future__ import annotations

import json

from catalog_app.catalog.store import Catalog

__all__ = ["registered_records"]


def registered_records(catalog: Catalog) -> tuple[list[dict], dict]:
    """The current registered list with each entry's link, for the state (plain data)."""
    conn = catalog.conn
    latest = conn.execute("SELECT * FROM registered_imports ORDER BY id DESC LIMIT 1").fetchone()
    if latest is None:
        return [], {}
    links = {r["entry_key"]: r for r in conn.execute("SELECT * FROM registered_links")}
    status = {r["id"]: r for r in conn.execute("SELECT id, status, missing_since FROM datasets")}
    out = []
    for e in conn.execute(
        "SELECT * FROM registered_entries WHERE import_id = ? ORDER BY row_number", (latest["id"],)
    ):
        link = links.get(e["entry_key"])
        dataset = status.get(link["dataset_id"]) if link else None
        out.append(
            {
                "entry_key": e["entry_key"],
                "list_key": e["list_key"],
                "title": e["title"],
                "row_number": e["row_number"],
                "fields": json.loads(e["fields"]),
                "dataset_id": link["dataset_id"] if link else None,
                "dataset_status": dataset["status"] if dataset else "",
                "missing_since": (dataset["missing_since"] or "") if dataset else "",
                "how": link["how"] if link else "",
                "schema": json.loads(link["schema"]) if link else [],
            }
        )
    info = {
        "at": latest["at"],
        "who": latest["who"],
        "source": latest["source"],
        "rows": latest["rows"],
    }
    return out, info
