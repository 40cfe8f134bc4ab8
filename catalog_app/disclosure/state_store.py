"""The live state of a year kept on disk between processes, while the catalog is the same.

Each ``catalog-app export`` is a process of its own: without this, the seven exports of a year
each built the state again (seconds on a catalog of thousands of files). The built state is
written beside the catalog (``<catalog>.state-<year>.json.gz``: the snapshot's content as
JSON, gzip level 1) with the fingerprint of the catalog it was built from; a later process
whose catalog has the same fingerprint reads it instead of building (about a fifth of the
time), with the state's validation of the day (the exports validate first).

The fingerprint is a BLAKE2 digest of the catalog file's bytes after a passive checkpoint (and
of its write-ahead log when a reader keeps the checkpoint from finishing): equal bytes are an
equal catalog, so a state is never read for a catalog that has changed in any way, whoever
wrote it. A checkpoint that rewrites the file without changing its content can only cost a
build. With the date, the year and the app's own code in the key, a kept state is what a build
would give (its ``created_at`` and ``created_by`` are stamped again when it is read). A
missing, stale or unreadable file is simply built again; nothing here is needed for
correctness. The file holds what the catalog holds (samples of personal columns are masked
there already) and is not part of backups.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sqlite3
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from pathlib import Path

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.institution import current_user
from catalog_app.disclosure.model import DisclosureState, Problem

__all__ = ["fingerprint", "load", "path_for", "save"]

_FORMAT = 2


def path_for(catalog: Catalog, year: int) -> Path | None:
    """Where the kept state of ``year`` lives; None for a catalog without a file."""
    path = getattr(catalog, "path", None)
    if path is None or str(path) in ("", ":memory:"):
        return None
    return Path(f"{path}.state-{year}.json.gz")


@lru_cache(maxsize=1)
def _code() -> str:
    """The app's code as it is installed: name, size and time of every module (the version
    where there are no module files, as in the frozen app)."""
    from catalog_app import __version__

    root = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for file in sorted(root.rglob("*.py")):
        st = file.stat()
        digest.update(f"{file.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def fingerprint(catalog: Catalog) -> str | None:
    """Digest of the catalog's bytes (None when the file cannot be read)."""
    path = getattr(catalog, "path", None)
    if path_for(catalog, 0) is None:
        return None
    try:  # never waits for the window's readers: a checkpoint left unfinished adds the log
        busy, frames, copied = catalog.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        complete = not busy and frames == copied
    except sqlite3.Error:
        complete = False
    digest = hashlib.blake2b(digest_size=20)
    files = [Path(path)] + ([] if complete else [Path(f"{path}-wal")])
    try:
        for file in files:
            if not file.exists():
                continue
            with open(file, "rb") as fh:
                while block := fh.read(1 << 22):
                    digest.update(block)
            digest.update(b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _key(year: int, today: date, print_: str) -> dict:
    return {"format": _FORMAT, "year": year, "today": today.isoformat(), "code": _code(),
            "catalog": print_}  # fmt: skip


def load(
    catalog: Catalog, year: int, today: date, print_: str | None
) -> tuple[DisclosureState, list[Problem] | None] | None:
    """The kept state of ``year`` and its validation (None when not kept) when it was built from
    this very catalog, else None."""
    target = path_for(catalog, year)
    if target is None or print_ is None or not target.exists():
        return None
    try:
        with gzip.open(target, "rb") as fh:
            head = json.loads(fh.readline())
            if head != _key(year, today, print_):
                return None
            problems = json.loads(fh.readline())
            state = DisclosureState.from_dict(json.loads(fh.read()))
        # stamped as a build would stamp it: when and by whom this list is made
        state.created_at, state.created_by = now_iso(), current_user()
        if problems is not None:
            problems = [Problem(**p) for p in problems]
        return state, problems
    except (OSError, ValueError, TypeError, EOFError):
        return None


def _fields(record) -> dict:
    """A record's fields for ``json.dumps`` (its nested records through ``default``): the
    snapshot's content without ``asdict``'s deep copy, half the time; private caches left out."""
    return {k: v for k, v in vars(record).items() if not k.startswith("_")}


def save(
    catalog: Catalog,
    year: int,
    today: date,
    print_: str | None,
    state: DisclosureState,
    problems: list[Problem] | None = None,
) -> None:
    """Keep ``state`` (and its validation on ``today``) for the catalog whose fingerprint is
    ``print_`` (quietly skipped when the folder cannot be written)."""
    target = path_for(catalog, year)
    if target is None or print_ is None:
        return
    part = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        with gzip.open(part, "wb", compresslevel=1) as fh:
            fh.write(json.dumps(_key(year, today, print_)).encode() + b"\n")
            kept = None if problems is None else [asdict(p) for p in problems]
            fh.write(json.dumps(kept, ensure_ascii=False).encode() + b"\n")
            fh.write(json.dumps(_fields(state), default=_fields, ensure_ascii=False).encode())
        os.replace(part, target)
    except OSError:
        part.unlink(missing_ok=True)
