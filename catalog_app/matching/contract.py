"""The suggest contract: a CSV of headers (and sample values) in, one JSON object per line out.

Input: UTF-8 CSV (with or without BOM) with a ``header`` column and an optional ``values`` column
holding sample values joined with `` | ``.  Output, one object per input row, in order::

    {"header", "kind", "candidates": [{"term", "abbr", "domain", "score", "reasons"}] (top 5),
     "proposal": {"words", "abbr", "domain"} | {"missing", ...} | null, "checks": []}

``checks`` is filled by the compliance checks elsewhere; this module always emits ``[]``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from catalog_app.matching.matcher import Matcher, Suggestion

__all__ = ["read_input", "suggest_file", "suggestion_json", "VALUE_SEPARATOR"]

VALUE_SEPARATOR = " | "


def read_input(input_csv: Path) -> Iterator[tuple[str, list[str]]]:
    """(header, sample values) per row; a missing or empty ``values`` cell gives no values."""
    with Path(input_csv).open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or "header" not in reader.fieldnames:
            raise ValueError("입력 CSV에 'header' 열이 없습니다.")
        for row in reader:
            header = row.get("header") or ""
            cell = row.get("values") or ""
            values = [v.strip() for v in cell.split(VALUE_SEPARATOR)] if cell.strip() else []
            yield header, values


def suggestion_json(s: Suggestion) -> dict:
    return {
        "header": s.header,
        "kind": s.kind,
        "candidates": [c.as_dict() for c in s.candidates],
        "proposal": s.proposal,
        "checks": [],
    }


def suggest_file(input_csv: Path, matcher: Matcher) -> Iterator[dict]:
    """One JSON-ready dict per input row, in input order."""
    for header, values in read_input(input_csv):
        yield suggestion_json(matcher.suggest(header, values))


def write_jsonl(input_csv: Path, matcher: Matcher, out) -> int:
    """Write the JSON lines to a text stream; returns the number of rows."""
    n = 0
    for obj in suggest_file(input_csv, matcher):
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n
