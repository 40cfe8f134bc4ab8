"""The first rows of one table as the reader sees them, for choosing its header rows by eye.

The 머리글 행 지정 dialog shows the top of the sheet (title rows, the header band, the first data
rows) and lets the clerk click the rows that are the header. Only the first ``rows`` rows and
``columns`` columns are read — never the whole file — through the same readers and guards as a
scan (workbooks in the reader process, so a hostile file costs an error, not the window), and
read-only like every read here.

Personal data never reaches the screen unmasked: a column the scan flagged keeps its kind, the
shown rows are checked again (``detect_pii``: the header the clerk is about to choose may differ
from the scan's), flagged columns are masked below the header band, and every other cell has
personal values inside free text scrubbed (``pii.scrub``), header cells included.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from itertools import islice

from catalog_app.catalog.store import Catalog
from catalog_app.scan.errors import ScanFailure

__all__ = ["PREVIEW_COLUMNS", "PREVIEW_ROWS", "TablePreview", "read_rows", "table_preview"]

PREVIEW_ROWS = 30
PREVIEW_COLUMNS = 40
READER = "catalog_app.scan.preview:read_rows"


@dataclass
class TablePreview:
    """The top-left corner of a table; row ``i`` of ``rows`` is sheet row ``first_row + i``
    (0-based, as ``header_row`` is stored), column ``j`` is sheet column ``first_col + j``."""

    table_key: str
    sheet: str | None
    rows: list[list[str]]
    first_row: int = 0
    first_col: int = 0
    more_rows: bool = False  # the table goes on below the rows shown
    more_columns: bool = False
    masked: dict[int, str] = field(default_factory=dict)  # shown column -> personal-data kind
    header_row: int | None = None  # what the catalog holds now (0-based), for the dialog
    header_rows: int = 0
    header_source: str = "auto"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds").removesuffix(" 00:00:00")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).split())


def _raw_tables(path: str, real_format: str):
    from catalog_app.scan.file_scan import WORKBOOK_FORMATS

    if real_format in WORKBOOK_FORMATS:
        from catalog_app.scan.excel_reader import iter_excel_tables

        return iter_excel_tables(path, real_format, [])
    if real_format == "html":
        from catalog_app.scan.file_scan import _html_encoding
        from catalog_app.scan.html_reader import read_html_tables, stack_tables

        with open(path, "rb") as fh:
            data = fh.read()
        guess = _html_encoding(data[:65536])
        codec = "utf-8-sig" if guess.encoding in ("utf-8", "utf-8-sig") else guess.encoding
        tables = read_html_tables(data.decode(codec, errors="replace"))
        return [stack_tables(tables)] if tables else []
    from catalog_app.scan.csv_reader import read_csv_table
    from catalog_app.scan.encoding import detect_encoding

    ext = os.path.splitext(path)[1].lower()
    return [read_csv_table(path, detect_encoding(path), ext, errors="replace")]


def read_rows(
    path: str, real_format: str, table_key: str, rows: int, columns: int
) -> tuple[str | None, int, int, list[list[str]], bool, bool]:
    """(sheet, first row, first column, cells as text, more rows, more columns) of one table;
    reads ``rows + 1`` rows at most (in the reader process for workbooks)."""
    from catalog_app.scan.file_scan import table_key as key_of

    for raw in _raw_tables(path, real_format):
        if key_of(raw.name, raw.index) != table_key:
            continue
        stream = raw.iter_rows()
        head = list(islice(stream, rows + 1))
        close = getattr(stream, "close", None)
        if close is not None:
            close()  # the CSV reader's file is closed now: nothing below is read
        more_rows = len(head) > rows
        head = head[:rows]
        width = max((len(r) for r in head), default=0)
        cells = [[_cell(v) for v in r[:columns]] for r in head]
        return raw.name, raw.origin[0], raw.origin[1], cells, more_rows, width > columns
    raise ScanFailure("not_found", f"표를 찾을 수 없습니다: {table_key}")


def _read(path: str, real_format: str, table_key: str, rows: int, columns: int):
    from catalog_app.scan.file_scan import WORKBOOK_FORMATS

    if real_format in WORKBOOK_FORMATS:
        from catalog_app.scan.isolated import call_reader

        return call_reader(READER, (path, real_format, table_key, rows, columns), path)
    return read_rows(path, real_format, table_key, rows, columns)


def table_preview(
    catalog: Catalog,
    dataset_id: int,
    table_key: str,
    rows: int = PREVIEW_ROWS,
    columns: int = PREVIEW_COLUMNS,
) -> TablePreview:
    """The first ``rows`` rows of a scanned table, personal data masked (see the module doc).
    Raises ``ScanFailure`` with a Korean message when the file cannot be read now."""
    from catalog_app.scan.pii import detect_pii
    from catalog_app.scan.pii.label import safe_label
    from catalog_app.scan.pii.mask import mask_value

    dataset = catalog.conn.execute(
        "SELECT path, real_format, status FROM datasets WHERE id = ?", (dataset_id,)
    ).fetchone()
    if dataset is None:
        raise ScanFailure("not_found", f"데이터셋을 찾을 수 없습니다: {dataset_id}")
    if dataset["status"] != "ok" or not dataset["real_format"]:
        raise ScanFailure("not_found", "읽을 수 있는 파일이 아닙니다 (다시 스캔하세요).")
    table = catalog.conn.execute(
        "SELECT * FROM tables WHERE dataset_id = ? AND table_key = ?", (dataset_id, table_key)
    ).fetchone()
    sheet, first_row, first_col, cells, more_rows, more_columns = _read(
        dataset["path"], dataset["real_format"], table_key, rows, columns
    )
    preview = TablePreview(table_key, sheet, cells, first_row, first_col, more_rows, more_columns)
    body_from = 0
    if table is not None:
        preview.header_row = table["header_row"]
        preview.header_rows = table["header_rows"] or 0
        preview.header_source = table["header_source"]
        if table["header_row"] is not None:
            body_from = table["header_row"] + (table["header_rows"] or 0) - first_row
        flagged = catalog.conn.execute(
            "SELECT col_index, label, pii_kind FROM columns WHERE table_id = ?", (table["id"],)
        ).fetchall()
        for c in flagged:
            if c["pii_kind"]:
                position = (table["first_col"] or 0) + c["col_index"] - first_col
                if 0 <= position < columns:
                    preview.masked[position] = c["pii_kind"]
    width = max((len(r) for r in cells), default=0)
    for j in range(width):
        if j in preview.masked:
            continue
        values = list(dict.fromkeys(r[j] for r in cells[body_from:] if j < len(r) and r[j]))
        header = " ".join(r[j] for r in cells[:body_from] if j < len(r) and r[j])
        found = detect_pii(header, values) if values else None
        if found is not None:
            preview.masked[j] = found.kind
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            if not value:
                continue
            if j in preview.masked and i >= body_from:
                row[j] = mask_value(value, preview.masked[j])
            else:
                row[j] = safe_label(value)  # a personal value in a title or header cell
    return preview
