"""CSV/TSV/TXT reading: delimiter sniffing and a tolerant, streaming row reader.

Rows are streamed through the C ``csv`` module from a decoded text stream, so a million-row file is
never held in memory. A huge single-line file becomes a clear error before parsing starts.

Every record is bounded, not only the first line: a physical line is read with a length limit and
a record (several lines when quotes hold newlines) may not grow past ``MAX_RECORD_CHARS`` (else
``line_too_long``). A record with more than ``MAX_FIELDS`` fields (Excel's 16,384 columns) among
the first ``HEAD_ROWS`` rows makes the file ``too_many_fields`` (no table has that header band);
further down it is cut to ``MAX_FIELDS`` fields with a warning and, being wider than the header,
left out of the statistics as a shifted row. A 4 MB line of ``1,1,1,…`` thus ends in milliseconds.
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
MAX_RECORD_CHARS = MAX_LINE_CHARS  # one record, over all its physical lines
MAX_FIELDS = 16_384  # Excel's column limit
TRUNCATED_WARNING = (
    "칸이 16,384개(엑셀의 최대 열 수)를 넘는 행은 16,384칸까지만 읽고, 머리글보다 넓은 행으로 "
    "통계에서 뺐습니다."
)
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


def _bounded_lines(stream, budget: list[int]) -> Iterator[str]:
    """The stream's lines, each read with a length limit; ``budget[0]`` counts the characters of
    the current record (reset by the caller after each record) and may not pass the cap."""
    limit = MAX_LINE_CHARS + 1
    readline = stream.readline
    while line := readline(limit):
        budget[0] += len(line)
        if len(line) >= limit or budget[0] > MAX_RECORD_CHARS:
            raise ScanFailure("line_too_long", f"한 행이 {MAX_RECORD_CHARS:,}자를 넘습니다")
        yield line


def _too_wide(row: list[str], n: int, table: RawTable) -> list[str]:
    """A record wider than Excel allows: refused in the header band, cut (with a note) below."""
    from catalog_app.scan.header import HEAD_ROWS

    if n <= HEAD_ROWS:
        raise ScanFailure("too_many_fields", f"{n}번째 행: 칸 {len(row):,}개")
    table.stats["truncated_rows"] = table.stats.get("truncated_rows", 0) + 1
    if TRUNCATED_WARNING not in table.warnings:
        table.warnings.append(TRUNCATED_WARNING)
    return row[: MAX_FIELDS + 1]  # one more than the header can have: still seen as shifted


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
            budget = [0]  # characters of the record being read
            reader = csv.reader(_bounded_lines(stream, budget), delimiter=delimiter, strict=False)
            n = 0
            try:
                for row in reader:
                    budget[0] = 0
                    n += 1
                    if len(row) > MAX_FIELDS:
                        row = _too_wide(row, n, table)
                    yield row
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
