"""CSV/TSV/TXT reading: delimiter sniffing and a tolerant, streaming row reader.

Rows are streamed through the C ``csv`` module from a decoded text stream, so a million-row file is
never held in memory. A huge single-line file becomes a clear error before parsing starts.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from collections.abc import Iterator

from catalog_app.scan.encoding import EncodingGuess, decode_sample, open_text
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.models import RawTable

DELIMITERS = (",", "\t", ";", "|")
MAX_LINE_CHARS = 4 * 1024 * 1024
MAX_FIELD_CHARS = 4 * 1024 * 1024
SNIFF_LINES = 200
ARROW_MIN_BYTES = 8 * 1024 * 1024  # below this the csv module path is as fast

csv.field_size_limit(MAX_FIELD_CHARS)


def sniff_delimiter(sample: str, preferred: str | None = None) -> str:
    """Pick the delimiter that splits the sample's records into the most consistent field counts."""
    cut = sample.rfind("\n")
    if cut > 0:
        sample = sample[:cut]
    lines = sample.splitlines()[:SNIFF_LINES]
    if not lines:
        return preferred or ","
    best, best_score = preferred or ",", (-1.0, 0, 0)
    for delim in DELIMITERS:
        try:
            rows = list(csv.reader(lines, delimiter=delim, strict=False))
        except csv.Error:
            continue
        widths = Counter(len(r) for r in rows if any(cell.strip() for cell in r))
        if not widths:
            continue
        width, count = widths.most_common(1)[0]
        if width < 2:
            continue
        share = count / sum(widths.values())
        score = (round(share, 2), 1 if delim == preferred else 0, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def check_line_lengths(path: str, limit: int | None = None) -> None:
    """Refuse a file whose first line is longer than ``limit`` bytes (a huge single-line file).

    Checked on the raw bytes before parsing, so a multi-GB line is never loaded; the C csv reader
    then streams the rest at full speed (its field size limit still guards later lines).
    """
    limit = limit or MAX_LINE_CHARS
    with open(path, "rb") as fh:
        read = 0
        while read < limit:
            block = fh.read(min(1 << 20, limit - read))
            if not block or b"\n" in block or b"\r" in block:
                return
            read += len(block)
    raise ScanFailure("line_too_long", f"첫 줄이 {limit:,}자를 넘습니다")


def _arrow_usable(path: str, encoding: str, errors: str) -> bool:
    """Big files take the Arrow path when pyarrow is installed (imported only then)."""
    if os.path.getsize(path) < ARROW_MIN_BYTES:
        return False
    try:
        from catalog_app.scan import csv_arrow
    except ImportError:
        return False
    return csv_arrow.usable(os.path.getsize(path), encoding, errors)


def read_csv_table(path: str, guess: EncodingGuess, ext: str, errors: str = "strict") -> RawTable:
    """One RawTable for a delimited text file; ``rows()`` re-opens and streams the file."""
    sample = decode_sample(path, guess)
    preferred = "\t" if ext == ".tsv" or guess.encoding.startswith("utf-16") else None
    delimiter = sniff_delimiter(sample, preferred)

    check_line_lengths(path)

    def rows() -> Iterator[list[str]]:
        with open_text(path, guess, errors=errors) as stream:
            reader = csv.reader(stream, delimiter=delimiter, strict=False)
            try:
                yield from reader
            except csv.Error as exc:
                if "field larger than field limit" in str(exc):
                    raise ScanFailure("field_too_long", str(exc)) from exc
                raise ScanFailure("corrupt", f"CSV 구문 오류: {exc}") from exc

    table = RawTable(index=0, name=None, rows=rows, text_source=True)
    if _arrow_usable(path, guess.encoding, errors):
        from catalog_app.scan import csv_arrow

        encoding = guess.encoding

        def arrow_batches(skip_rows: int, n_fields: int):
            return csv_arrow.iter_batches(path, encoding, delimiter, n_fields, skip_rows)

        table.arrow_batches = arrow_batches
    table.stats["delimiter"] = delimiter  # type: ignore[assignment]
    return table
