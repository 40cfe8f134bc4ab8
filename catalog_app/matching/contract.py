"""The suggest contract: a CSV of headers (and sample values) in, one JSON object per line out.

Input: UTF-8 CSV (with or without BOM) with a ``header`` column, an optional ``values`` column
holding sample values joined with `` | ``, and optional ``file`` and ``sheet`` columns: consecutive
rows with the same file and sheet are one table, judged together (its subject, crosstab siblings).
Without them every row stands alone.  Output, one object per input row, in order::

    {"header", "kind", "candidates": [{"term", "abbr", "domain", "score", "reasons"}] (top 5),
     "proposal": {"words", "abbr", "domain"} | {"missing", ...} | null, "checks": [],
     "band": why a not_a_column is one (Korean) | null}

``checks`` is filled by the compliance checks elsewhere; this module always emits ``[]``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from catalog_app.matching.context import TableContext
from catalog_app.matching.matcher import Matcher, Suggestion

__all__ = ["read_input", "read_tables", "suggest_file", "suggestion_json", "VALUE_SEPARATOR"]

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


def read_tables(
    input_csv: Path,
) -> Iterator[tuple[TableContext | None, list[tuple[str, list[str]]]]]:
    """The input rows grouped into tables: ``(context, [(header, values)])``.  With ``file`` or
    ``sheet`` columns, consecutive rows of the same file and sheet are one table; without them
    each row is its own group with no context."""
    with Path(input_csv).open(encoding="utf-8-sig", newline="") as fh:
        fields = csv.DictReader(fh).fieldnames or []
    grouped = "file" in fields or "sheet" in fields
    if not grouped:
        for header, values in read_input(input_csv):
            yield None, [(header, values)]
        return
    with Path(input_csv).open(encoding="utf-8-sig", newline="") as fh:
        keys = [((r.get("file") or ""), (r.get("sheet") or "")) for r in csv.DictReader(fh)]
    rows = list(read_input(input_csv))
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or keys[i] != keys[start]:
            part = rows[start:i]
            file_name, sheet = keys[start]
            headers = tuple(h for h, _ in part)
            yield TableContext(file_name, sheet, headers), part
            start = i


def suggestion_json(s: Suggestion) -> dict:
    return {
        "header": s.header,
        "kind": s.kind,
        "candidates": [c.as_dict() for c in s.candidates],
        "proposal": s.proposal,
        "checks": [],
        "band": s.band,
    }


def suggest_rows(
    matcher: Matcher,
    context: TableContext | None,
    rows: list[tuple[str, list[str]]],
    profiles: list | None = None,
) -> list[Suggestion]:
    """Suggestions for one group of ``read_tables``: a table judged together, or one row.
    ``profiles`` (one per row, None for a row without values) when the caller profiled the
    values already; otherwise the matcher profiles them."""
    if profiles is None:
        profiles = [None] * len(rows)
    if context is None:
        return [matcher.suggest(h, v, p) for (h, v), p in zip(rows, profiles, strict=True)]
    columns = [(h, v, p) for (h, v), p in zip(rows, profiles, strict=True)]
    return matcher.suggest_table(columns, context)


def suggest_file(input_csv: Path, matcher: Matcher, workers: int | None = None) -> Iterator[dict]:
    """One JSON-ready dict per input row, in input order.  A large input is shared with a
    forked copy of this process where that is safe (``parallel.suggest_groups``; ``workers=1``
    keeps it in this process); the answers are the same either way."""
    from catalog_app.matching.parallel import suggest_groups

    tables = list(read_tables(input_csv))

    def work(part) -> list[dict]:
        return [
            suggestion_json(s)
            for context, rows in part
            for s in suggest_rows(matcher, context, rows)
        ]

    sizes = [len(rows) for _, rows in tables]
    yield from suggest_groups(work, tables, sizes, workers, plain=True)


def write_jsonl(input_csv: Path, matcher: Matcher, out) -> int:
    """Write the JSON lines to a text stream; returns the number of rows."""
    n = 0
    for obj in suggest_file(input_csv, matcher):
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        n += 1
    return n
