"""Typed values passed along the scan pipeline: file -> raw table -> layout -> profiles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class MergedRange:
    """A merged cell block, 0-based and inclusive, in absolute sheet coordinates."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int

    def contains(self, row: int, col: int) -> bool:
        return self.first_row <= row <= self.last_row and self.first_col <= col <= self.last_col


@dataclass(slots=True)
class Fingerprint:
    """What tells a changed file from an unchanged one without reading it (size, mtime) or with (hash)."""

    size: int
    mtime_ns: int
    content_hash: str | None = None


@dataclass(slots=True)
class DiscoveredFile:
    path: str  # absolute path
    root: str  # absolute path of the scanned root it was found under
    rel_path: str  # path relative to root, with '/' separators
    size: int
    mtime_ns: int
    # Set when the entry is listed but must not be read: 'broken_link', 'link_outside',
    # 'not_a_file' (a FIFO, socket or device named like a data file) or an OSError code.
    problem: str | None = None
    problem_detail: str = ""


@dataclass(slots=True)
class RawTable:
    """One sheet (or one CSV/HTML table) as read: a head grid plus a stream of all rows.

    ``rows()`` yields every row of the used range starting at ``origin``; cells are ``str`` for
    text files and typed Python values (float, int, date, datetime, time, bool, str) for Excel.
    Empty cells are ``''``. ``merged`` uses absolute coordinates.
    """

    index: int
    name: str | None
    rows: Any  # Callable[[], Iterator[list]]
    origin: tuple[int, int] = (0, 0)
    merged: list[MergedRange] = field(default_factory=list)
    hidden: bool = False
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)  # reader counters (ragged rows, …)
    text_source: bool = False  # CSV/TSV: extra cells mean a shifted row, not a note
    # Big CSVs: (skip_rows, n_fields) -> iterator of (Arrow batch, rows with a wrong field count).
    arrow_batches: Any = None
    # Big xlsx sheets: the ``xlsx_stream.StreamedSheet`` behind ``rows`` (its merged ranges are
    # known once a pass has ended; see file_scan), and how to read the sheet whole instead.
    stream: Any = None
    whole: Any = None  # Callable[[], RawTable]

    def iter_rows(self) -> Iterator[list]:
        return self.rows()


@dataclass(slots=True)
class HeaderLayout:
    """Where the header band is, in rows relative to the table origin."""

    header_row: int | None  # first header row (relative); None when the table has no header
    header_rows: int  # number of header rows (0 when headerless)
    first_col: int  # first used column (relative)
    width: int  # number of columns of the table
    labels: list[str]  # one label per column, multi-row labels joined with '|'
    source: str = "auto"  # 'auto' or 'override'
    data_row: int = 0  # first row below the header band (relative), where data may start


@dataclass(slots=True)
class PiiInfo:
    """A privacy verdict on a column: its kind, why, and what it means for disclosure.

    ``personal``: the column is personal data (its values are masked, 개인정보여부 Y, closed by
    default). ``quasi_identifier``: not identifying alone but part of a combination that can be
    (성별, 나이, 주소 …; the re-identification check counts them). ``sensitive``: 민감정보.
    """

    kind: str
    share: float
    reason: str
    source: str = "values"  # values, header, values+header, table (context), clerk
    personal: bool = True
    quasi_identifier: bool = False
    sensitive: bool = False


@dataclass(slots=True)
class ColumnEvidence:
    """What the table-level judgement (``pii.context``) needs from a column's values; never
    stored. Counts are over the sampled distinct values (``n`` of them informative)."""

    n: int = 0
    name_like: int = 0  # short Hangul values shaped like a person's name
    name_suffix_top: int = 0  # … how many of them share the most common last syllable
    org_like: int = 0  # values ending like a place or body (…시장, …도서관, ㈜…)
    addr_base: int = 0  # road or lot addresses with a number
    gender: int = 0  # 남/여/M/F
    mobile: int = 0
    landline: int = 0  # phone numbers with an area code (not 1588-style 대표번호)
    phone: int = 0


@dataclass(slots=True)
class ColumnProfile:
    index: int  # 0-based position among the table's columns
    label: str
    inferred_type: str = "empty"
    type_share: float = 0.0
    type_counts: dict[str, int] = field(default_factory=dict)
    value_count: int = 0  # data rows seen (blank included)
    null_count: int = 0
    null_ratio: float = 1.0
    distinct_count: int = 0
    distinct_exact: bool = True
    min_value: str | None = None
    max_value: str | None = None
    max_len_chars: int = 0
    max_len_bytes: int = 0
    decimal_places: int = 0
    date_format: str | None = None
    pattern: str | None = None
    pattern_share: float = 0.0
    top_values: list[tuple[str, int]] = field(default_factory=list)
    samples: list[str] = field(default_factory=list)
    pii: PiiInfo | None = None  # the verdict when the column is personal data, else None
    masked: bool = False
    privacy: PiiInfo | None = None  # any verdict (personal or not), with its reason
    evidence: ColumnEvidence | None = None  # for the table-level judgement; dropped after it
    # date/datetime columns: the few lowest and highest distinct values ({"low": [...] ascending,
    # "high": [...] descending}), so an implausible extreme (1904-08-08 among 1970s–2020s license
    # dates) can be left out of a time range; {} for other columns and for personal data
    date_tails: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class TableResult:
    index: int
    name: str | None
    hidden: bool
    layout: HeaderLayout
    origin: tuple[int, int]
    row_count: int  # data rows (blank, total and footnote rows excluded)
    blank_rows: int = 0
    total_rows: int = 0
    footnote_rows: int = 0
    ragged_rows: int = 0
    columns: list[ColumnProfile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    person_level: str = ""  # why the rows are people (a list of people), '' when they are not


@dataclass(slots=True)
class FileResult:
    """Everything learnt from one file; written to the catalog in one transaction."""

    real_format: str
    tables: list[TableResult] = field(default_factory=list)
    encoding: str | None = None
    encoding_method: str | None = None
    delimiter: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Warnings with a code ({"code", "message"}), e.g. garbled_text; see scan/plausible.py.
    flags: list[dict] = field(default_factory=list)
