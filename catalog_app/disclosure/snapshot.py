"""Yearly snapshots: the disclosure state of year N, frozen.

A snapshot is one row per year holding the whole ``DisclosureState`` as JSON with its SHA-256.
It never changes afterwards: the row cannot be replaced (the year is the primary key), SQLite
triggers abort any UPDATE or DELETE, and every load checks the hash, so even an edit made with
another tool is noticed instead of silently exported. Taking a snapshot validates first and
refuses with blocking problems unless forced (recorded in the row).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass, fields, is_dataclass
from datetime import date

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.model import DisclosureState
from catalog_app.disclosure.state import build_state
from catalog_app.disclosure.validate import ExportBlocked, blocking, counts, validate

__all__ = [
    "SnapshotError",
    "SnapshotInfo",
    "list_snapshots",
    "load_snapshot",
    "take_snapshot",
]


class SnapshotError(RuntimeError):
    """A snapshot that exists already, is missing or fails its integrity check (Korean text)."""


@dataclass
class SnapshotInfo:
    year: int
    created_at: str
    created_by: str
    forced: bool
    problems: dict
    summary: dict
    sha256: str

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "forced": self.forced,
            "problems": self.problems,
            "summary": self.summary,
            "sha256": self.sha256,
        }


def _info(row) -> SnapshotInfo:
    return SnapshotInfo(
        row["year"],
        row["created_at"],
        row["created_by"],
        bool(row["forced"]),
        json.loads(row["problems"]),
        json.loads(row["summary"]),
        row["sha256"],
    )


def _summary(state: DisclosureState) -> dict:
    catalog_rate = next((r for r in state.rates if r.scope == "catalog"), None)
    included = state.included_datasets()
    keys = {d.key for d in included}
    return {
        "datasets": len(included),
        "columns": sum(1 for c in state.columns if c.dataset_key in keys),
        "rate": catalog_rate.rate if catalog_rate else None,
        "formula": catalog_rate.formula if catalog_rate else "",
        "edition": state.edition,
    }


def take_snapshot(
    catalog: Catalog, year: int, *, force: bool = False, today: date | None = None
) -> SnapshotInfo:
    """Freeze year ``year``; ExportBlocked with blocking problems unless ``force``."""
    if catalog.conn.execute("SELECT 1 FROM snapshots WHERE year = ?", (year,)).fetchone():
        raise SnapshotError(f"{year}년 스냅샷이 이미 있습니다. 스냅샷은 바꿀 수 없습니다.")
    state = build_state(catalog, year, today=today)
    problems = validate(state, today)
    if blocking(problems) and not force:
        raise ExportBlocked(problems)
    state.source = "snapshot"
    payload = snapshot_payload(state)  # UTF-8, stored as TEXT (CAST below) without a str copy
    digest = hashlib.sha256(payload).hexdigest()
    try:
        with catalog.transaction() as conn:
            conn.execute(
                """INSERT INTO snapshots (year, created_at, created_by, forced, problems, summary,
                   payload, sha256) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?)""",
                (
                    year,
                    state.created_at,
                    state.created_by,
                    int(bool(blocking(problems))),
                    json.dumps(counts(problems)),
                    json.dumps(_summary(state), ensure_ascii=False),
                    payload,
                    digest,
                ),
            )
    except sqlite3.IntegrityError as exc:  # another process took the same year meanwhile
        raise SnapshotError(f"{year}년 스냅샷이 이미 있습니다.") from exc
    row = catalog.conn.execute(  # not the payload: reading it back would double the memory
        """SELECT year, created_at, created_by, forced, problems, summary, sha256
           FROM snapshots WHERE year = ?""",
        (year,),
    ).fetchone()
    return _info(row)


def snapshot_payload(state: DisclosureState) -> bytes:
    """``json.dumps(state.to_dict(), ensure_ascii=False, sort_keys=True)`` in UTF-8, written
    record by record: the same bytes without the whole state as a tree of dicts (and the text
    twice over) beside it — on a catalog of 40,000 columns that was most of a snapshot's memory."""
    pieces: list[bytes] = [b"{"]
    for n, key in enumerate(sorted(f.name for f in fields(state))):
        value = getattr(state, key)
        pieces.append(f"{', ' if n else ''}{json.dumps(key)}: ".encode())
        if isinstance(value, list) and value and is_dataclass(value[0]):
            pieces.append(b"[")
            for i, item in enumerate(value):
                if i:
                    pieces.append(b", ")
                pieces.append(_dumps(asdict(item)).encode())
            pieces.append(b"]")
        else:
            pieces.append(_dumps(asdict(value) if is_dataclass(value) else value).encode())
    pieces.append(b"}")
    return b"".join(pieces)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def list_snapshots(catalog: Catalog) -> list[SnapshotInfo]:
    rows = catalog.conn.execute(
        """SELECT year, created_at, created_by, forced, problems, summary, sha256
           FROM snapshots ORDER BY year"""
    ).fetchall()
    return [_info(r) for r in rows]


def load_snapshot(catalog: Catalog, year: int) -> DisclosureState:
    """The frozen state of ``year``; SnapshotError when missing or when its hash does not match."""
    row = catalog.conn.execute(
        "SELECT payload, sha256 FROM snapshots WHERE year = ?", (year,)
    ).fetchone()
    if row is None:
        raise SnapshotError(
            f"{year}년 스냅샷이 없습니다. 먼저 snapshot --year {year}를 실행하세요."
        )
    if hashlib.sha256(row["payload"].encode()).hexdigest() != row["sha256"]:
        raise SnapshotError(
            f"{year}년 스냅샷의 내용이 저장 당시와 다릅니다(무결성 검사 실패). 내보내지 않습니다."
        )
    return DisclosureState.from_dict(json.loads(row["payload"]))


def has_snapshot(catalog: Catalog, year: int) -> bool:
    return bool(catalog.conn.execute("SELECT 1 FROM snapshots WHERE year = ?", (year,)).fetchone())
