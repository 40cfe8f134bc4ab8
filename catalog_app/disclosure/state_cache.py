"""The live state of a year, built once while the catalog stays as it is.

A coordinator writes the year's lists one after another (목록, 정의서, 준수율, DCAT …); each export
needs the same live state, and building it for a catalog of thousands of files takes seconds.
The state is kept (pickled, so an export can never change what the next one reads) with what it
was built from: the connection's view of the catalog — ``PRAGMA data_version`` (moves when
another connection commits) and ``total_changes`` (moves with this connection's own writes) —
the year and the reference date. Any write to the catalog, from here or elsewhere, builds it
again; a frozen snapshot is never cached here (it is read from its row).
"""

from __future__ import annotations

import pickle
from datetime import date

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.model import DisclosureState

__all__ = ["live_state"]

_ATTR = "_live_state_cache"


def _version(catalog: Catalog) -> tuple[int, int]:
    data_version = catalog.conn.execute("PRAGMA data_version").fetchone()[0]
    return data_version, catalog.conn.total_changes


def live_state(catalog: Catalog, year: int, today: date | None = None) -> DisclosureState:
    """``build_state(catalog, year, today=today)``, reused while nothing was written."""
    from catalog_app.disclosure.state import build_state

    key = (year, today or date.today())
    cached = catalog.__dict__.get(_ATTR)
    if cached is not None and cached[0] == key and cached[1] == _version(catalog):
        return pickle.loads(cached[2])
    state = build_state(catalog, year, today=today)
    # after the build: building may store check results it had to compute (stored_checks)
    catalog.__dict__[_ATTR] = (key, _version(catalog), pickle.dumps(state, protocol=5))
    return state
