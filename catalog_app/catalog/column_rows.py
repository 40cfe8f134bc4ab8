"""One reader of a stored ``columns`` row: the scan's :class:`ColumnProfile`, typed.

The scan writes a profile as one ``columns`` row (scalars, JSON text for the value lists, the
privacy verdicts spread over ``pii_*`` and ``privacy_*``). Every part of the core that needs the
profile back — the matcher and its checks, ``show --json``, the quality rules, the privacy desk —
reads it through :func:`profile_from_row`, so a new field or a change of encoding is made once
and no reader parses ``top_values`` its own way.

A row is anything indexable by column name (``sqlite3.Row`` or a dict) with the ``columns``
fields; extra fields (table key, dataset name …) are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from catalog_app.scan.models import ColumnProfile, PiiInfo

__all__ = [
    "personal_verdict",
    "privacy_verdict",
    "profile_from_row",
    "profile_json",
    "stored_samples",
    "stored_top_values",
]

# scalar fields copied as stored (the rest need a conversion: see profile_from_row)
_SCALARS = (
    "inferred_type",
    "type_share",
    "value_count",
    "null_count",
    "null_ratio",
    "distinct_count",
    "max_len_chars",
    "max_len_bytes",
    "decimal_places",
    "date_format",
    "pattern",
    "pattern_share",
    "min_value",
    "max_value",
)


def stored_top_values(row: Mapping) -> list[tuple[str, int]]:
    """``top_values``: the most frequent (value, count) pairs (masked when personal data)."""
    return [tuple(v) for v in json.loads(row["top_values"] or "[]")]


def stored_samples(row: Mapping) -> list[str]:
    """``samples``: a few values as stored (masked when personal data)."""
    return json.loads(row["samples"] or "[]")


def personal_verdict(row: Mapping) -> PiiInfo | None:
    """The verdict in force when the column is personal data (``pii_*``; None otherwise)."""
    if not row["pii_kind"]:
        return None
    return PiiInfo(row["pii_kind"], row["pii_share"], row["pii_reason"], row["pii_source"])


def privacy_verdict(row: Mapping) -> PiiInfo | None:
    """What the scan said about the column, personal or not (``privacy_*``, issue 14; None
    when it found nothing). A clerk's override is applied by ``privacy.effective``."""
    if not row["privacy_kind"]:
        return None
    return PiiInfo(
        row["privacy_kind"],
        row["privacy_share"] or 0.0,
        row["privacy_reason"] or "",
        row["privacy_source"] or "values",
        bool(row["privacy_personal"]),
        bool(row["privacy_quasi"]),
        bool(row["privacy_sensitive"]),
    )


def profile_from_row(row: Mapping) -> ColumnProfile:
    """The stored profile of a catalog column, as the scan made it (the matcher, the checks,
    the quality rules and ``show`` read it from here)."""
    p = ColumnProfile(index=row["col_index"], label=row["label"])
    for key in _SCALARS:
        setattr(p, key, row[key])
    p.distinct_exact = bool(row["distinct_exact"])
    p.type_counts = json.loads(row["type_counts"] or "{}")
    p.top_values = stored_top_values(row)
    p.samples = stored_samples(row)
    p.pii = personal_verdict(row)
    p.privacy = privacy_verdict(row)
    p.masked = bool(row["masked"])
    p.date_tails = json.loads(row["date_tails"] or "{}")
    return p


def profile_json(p: ColumnProfile) -> dict:
    """The profile as ``show --json`` gives it (a contract: keys only ever added)."""
    return {
        "type_share": p.type_share,
        "type_counts": dict(p.type_counts),
        "value_count": p.value_count,
        "null_count": p.null_count,
        "null_ratio": p.null_ratio,
        "distinct_count": p.distinct_count,
        "distinct_exact": p.distinct_exact,
        "min": p.min_value,
        "max": p.max_value,
        "max_len_chars": p.max_len_chars,
        "max_len_bytes": p.max_len_bytes,
        "decimal_places": p.decimal_places,
        "date_format": p.date_format,
        "pattern": p.pattern,
        "pattern_share": p.pattern_share,
        "top_values": [list(v) for v in p.top_values],
        "samples": list(p.samples),
        "masked": p.masked,
    }
