"""The state of a year, built (or read from its snapshot) once while the catalog stays as it is.

A coordinator writes the year's lists one after another (목록, 정의서, 준수율, DCAT …); each export
needs the same live state, and building it for a catalog of thousands of files takes seconds.
The state is kept with what it was built from: the connection's view of the catalog —
``PRAGMA data_version`` (moves when another connection commits) and ``total_changes`` (moves with
this connection's own writes) — the year and the reference date. Any write to the catalog, from
here or elsewhere, builds it again; a frozen snapshot is never cached here (it is read from its
row). Its validation is kept with it (:func:`validated`). :func:`state_for_year` is what the
exports, the CLI and the window ask for: the snapshot when the year has one, else the live state.

Between processes (each CLI export is one) the built state is kept on disk beside the catalog
and read back while the catalog's bytes are the same (:mod:`state_store`).

The state is handed out as it is, not copied (a copy of 40,000 records costs as much as a good
part of building them): the exports, the diff and validation only read it —
``tests/test_state_cache.py`` runs every export and checks the state did not change.
"""

from __future__ import annotations

from datetime import date

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure import state_store
from catalog_app.disclosure.model import DisclosureState, Problem
from catalog_app.disclosure.snapshot import has_snapshot, load_snapshot
from catalog_app.disclosure.state import build_state
from catalog_app.disclosure.validate import validate

__all__ = [
    "catalog_version",
    "live_state",
    "snapshot_state",
    "state_for_year",
    "validated",
    "year_problems",
]

_ATTR = "_live_state_cache"
_PROBLEMS = "_validated"
_FROZEN = "_snapshot_state_cache"


def catalog_version(catalog: Catalog) -> tuple[int, int]:
    """What moves with any committed write to the catalog, seen from this connection."""
    return _version(catalog)


def _version(catalog: Catalog) -> tuple[int, int]:
    data_version = catalog.conn.execute("PRAGMA data_version").fetchone()[0]
    return data_version, catalog.conn.total_changes


def live_state(
    catalog: Catalog, year: int, today: date | None = None, *, cancel=None
) -> DisclosureState:
    """``build_state(catalog, year, today=today)``, reused while nothing was written
    (``cancel``: a ``CancelToken`` a fresh build checks)."""
    key = (year, today or date.today())
    cached = catalog.__dict__.get(_ATTR)
    before = _version(catalog)
    if cached is not None and cached[0] == key and cached[1] == before:
        return cached[2]
    kept = state_store.fingerprint(catalog)  # another process may have built it already
    found = state_store.load(catalog, year, key[1], kept)
    if found is not None:
        state, problems = found
        if problems is not None:
            state.__dict__[_PROBLEMS] = (key[1], problems)
    else:
        state = build_state(catalog, year, today=today, cancel=cancel)
        after = _version(catalog)
        if after[0] == before[0]:  # nobody else wrote meanwhile: the state is this catalog's
            if after[1] != before[1]:  # its own writes (check results it had to compute)
                kept = state_store.fingerprint(catalog)
            problems = validated(state, key[1])  # every export asks for it next
            state_store.save(catalog, year, key[1], kept, state, problems)
    # after the build: building may store check results it had to compute (stored_checks)
    catalog.__dict__[_ATTR] = (key, _version(catalog), state)
    return state


def snapshot_state(catalog: Catalog, year: int) -> DisclosureState:
    """``snapshot.load_snapshot(catalog, year)``, reused while nothing was written (its hash was
    checked when it was read; any write to the catalog reads and checks it again)."""
    cache = catalog.__dict__.setdefault(_FROZEN, {})
    cached = cache.get(year)
    if cached is not None and cached[0] == _version(catalog):
        return cached[1]
    state = load_snapshot(catalog, year)
    cache[year] = (_version(catalog), state)
    return state


def state_for_year(
    catalog: Catalog, year: int, *, today: date | None = None, cancel=None
) -> DisclosureState:
    """The snapshot of ``year`` when there is one, else the live state labelled ``year``
    (each built once while the catalog is unchanged; ``cancel``: a ``CancelToken`` the live
    build checks, for a window that asks again)."""
    if has_snapshot(catalog, year):
        return snapshot_state(catalog, year)
    return live_state(catalog, year, today, cancel=cancel)


def validated(state: DisclosureState, today: date | None = None) -> list[Problem]:
    """``validate(state, today)``, once per state and date (a state is never changed)."""
    key = today or date.today()
    cached = state.__dict__.get(_PROBLEMS)
    if cached is None or cached[0] != key:
        cached = state.__dict__[_PROBLEMS] = (key, validate(state, today))
    return list(cached[1])


def year_problems(
    catalog: Catalog, year: int, today: date | None = None, *, cancel=None
) -> tuple[int, str, list[dict]]:
    """``(year, state source, problems as problem_json dicts)``: the window's 공개목록 check,
    compact enough to come back from a child process (``catalog_app.offload``)."""
    from catalog_app.disclosure.validate import problem_json

    state = state_for_year(catalog, year, today=today, cancel=cancel)
    if cancel is not None:
        cancel.raise_if_cancelled()
    return year, state.source, [problem_json(p) for p in validated(state, today)]
