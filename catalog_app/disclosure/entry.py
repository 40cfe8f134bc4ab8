"""Data entry for many datasets at once: the 목록 fields of every listed dataset as rows (what
``meta template`` writes for Excel), and a save of many cells as one undoable batch.

The window's grid (one row per dataset, the fields as columns, paste from Excel, fill down)
reads :func:`entry_rows` and writes through :meth:`MetadataStore.set_many`, so the template round
trip no longer needs the command line. Unlike ``build_state`` no standard checks run: the grid
needs only the dataset-level values, which makes it quick on a catalog of 100,000 columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure import derive
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.model import ENTERED
from catalog_app.matching.compliance import department_of
from catalog_app.progress import CancelToken

__all__ = ["EntryRow", "entry_rows"]


@dataclass
class EntryRow:
    """One dataset's 목록 fields: what applies now, where each value comes from, what a person
    entered (the rest is derived from the scan or the settings and never frozen by a save)."""

    dataset_id: int
    name: str
    rel_path: str
    department: str
    status: str
    values: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def entered(self, key: str) -> str:
        return self.values.get(key, "") if self.sources.get(key) == ENTERED else ""

    def derived(self, key: str) -> str:
        return self.values.get(key, "") if self.sources.get(key) != ENTERED else ""


def entry_rows(
    catalog: Catalog,
    *,
    dataset_ids: list[int] | None = None,
    today: date | None = None,
    cancel: CancelToken | None = None,
) -> list[EntryRow]:
    """Every dataset a list can hold (readable or not; vanished files are left out), in folder
    and name order, with its merged dataset-level values."""
    from catalog_app.disclosure.state import _columns, _tables

    meta = MetadataStore(catalog)
    institution = meta.institution()
    departments = meta.department_map()
    phones = meta.department_phones()
    entered = meta.all_entered()
    from catalog_app.disclosure.systems import SystemStore, system_of_folder

    system_links = SystemStore(catalog).folder_links()
    conn = catalog.conn
    tables, columns = _tables(conn, dataset_ids), _columns(conn, dataset_ids)
    where, params = "", ()
    if dataset_ids is not None:
        where = f"AND id IN ({', '.join('?' for _ in dataset_ids)})"
        params = tuple(dataset_ids)
    rows = conn.execute(
        f"""SELECT * FROM datasets WHERE status IN ('ok', 'error') {where}
            ORDER BY folder, name, id""",
        params,
    ).fetchall()
    out = []
    for n, d in enumerate(rows):
        if cancel is not None and n % 256 == 0:
            cancel.raise_if_cancelled()
        department = department_of(d["folder"], departments)
        own = entered.get(d["id"], {}).get(0, {})
        # As the year's state derives them (disclosure.state), without the mapped terms: a
        # 시간범위 then comes from the 기준일자 headers or every date column.
        derived = derive.dataset_values(
            d,
            tables.get(d["id"], []),
            columns.get(d["id"], []),
            department=department,
            institution=institution,
            department_phone=phones.get(department, ""),
            today=today,
            entered=own,
            system=system_of_folder(d["folder"], system_links),
        )
        values, sources = derive.merge(derived.values, own)
        out.append(
            EntryRow(
                d["id"],
                d["name"],
                d["rel_path"],
                values.get("department", department),
                d["status"],
                values,
                sources,
            )
        )
    return out
