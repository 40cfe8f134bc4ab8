"""The verdict in force on a column: what the scan found, unless a clerk decided otherwise.

Pure functions, shared by the catalog's writes (a rescan applies the override kept on the column's
lasting id), the override desk and the read side, so the three never disagree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from catalog_app.scan.models import ColumnProfile, PiiInfo

__all__ = ["CLERK", "apply_override", "in_force", "override_text", "privacy_overrides"]

CLERK = "clerk"  # the source of a verdict a person set


def _flag(value) -> bool | None:
    return None if value is None else bool(value)


def override_text(override: Mapping) -> str:
    """'담당자 판정 (홍길동, 2026-12-08): 이유' for a reason line."""
    day = (override["decided_at"] or "")[:10]
    return f"담당자 판정 ({override['decided_by']}, {day}): {override['reason']}"


def apply_override(detected: PiiInfo | None, override: Mapping | None) -> PiiInfo | None:
    """``detected`` with the clerk's ``override`` (a ``privacy_overrides`` row) applied.

    Each flag the clerk left NULL keeps the detected value; a column nothing was detected in
    that a clerk calls personal gets the kind ``other`` unless the clerk named one.
    """
    if override is None:
        return detected
    personal = _flag(override["personal"])
    quasi = _flag(override["quasi_identifier"])
    sensitive = _flag(override["sensitive"])
    base = detected or PiiInfo("other", 0.0, "", "values", False, False, False)
    reason = override_text(override)
    if detected is not None:
        reason += f" — 자동 판정: {detected.reason}"
    return PiiInfo(
        override["kind"] or base.kind,
        base.share,
        reason,
        CLERK,
        base.personal if personal is None else personal,
        base.quasi_identifier if quasi is None else quasi,
        base.sensitive if sensitive is None else sensitive,
    )


def privacy_overrides(conn: sqlite3.Connection, dataset_id: int) -> dict[int, sqlite3.Row]:
    """Column id → a clerk's override of its verdict, for a rescan of the dataset to apply."""
    rows = conn.execute(
        """SELECT o.* FROM privacy_overrides o JOIN column_keys k ON k.id = o.column_id
           WHERE k.dataset_id = ?""",
        (dataset_id,),
    )
    return {r["column_id"]: r for r in rows}


def in_force(profile: ColumnProfile, override: Mapping | None) -> PiiInfo | None:
    """The verdict in force on a freshly scanned column; a column a clerk calls personal is
    masked here, before it is stored, if the scan did not mask it."""
    from catalog_app.scan.pii.context import mask_profile

    verdict = apply_override(profile.privacy, override)
    if verdict is not None and verdict.personal:
        mask_profile(profile, verdict.kind)
    return verdict
