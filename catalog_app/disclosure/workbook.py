"""Shared spreadsheet writing, so every disclosure file looks like what a clerk hands in.

Every table gets a bold header row that stays put, a filter over its columns, readable widths,
real dates and numbers where the portal expects them, and wrapped long text. Every text cell goes
through ``safe.cell_text`` and is stored as a string, never as a formula. Files are written next
to the target and moved into place, so a failed export never leaves a half-written file where
the last good one was.
"""

from __future__ import annotations

import csv
import math
import os
import re
import shutil
import tempfile
import unicodedata
import zipfile
from collections.abc import Collection, Iterable, Sequence
from contextlib import suppress
from datetime import date
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape as xml_escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from catalog_app.disclosure.safe import cell_text
from catalog_app.safe_files import save_atomic

__all__ = [
    "as_date",
    "as_number",
    "check_suffix",
    "new_workbook",
    "save_atomic",
    "source_label",
    "write_csv",
    "write_table",
]

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
MIN_WIDTH, MAX_WIDTH = 6, 60
LONG_CELL = 60  # longer text wraps even outside the wrap columns
MAX_CELL = 32767  # Excel refuses to open a file with a longer cell
WIDTH_SAMPLE = 2000  # rows a write-only sheet's column widths are sized from

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT_RE = re.compile(r"[+-]?\d{1,15}")
_FLOAT_RE = re.compile(r"[+-]?\d{1,15}\.\d+")
_THOUSANDS_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def check_suffix(path: Path, allowed: Sequence[str]) -> str:
    """The lower-case suffix of ``path`` when it is one of ``allowed``; a Korean error otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        kinds = ", ".join(s.lstrip(".") for s in allowed)
        shown = suffix or "(확장자 없음)"
        raise ValueError(f"지원하지 않는 파일 형식입니다: {shown}. {kinds} 파일로 저장하세요.")
    return suffix


def source_label(source: str, year: int) -> str:
    """Where a state came from, as the guide sheets say it: '현재 카탈로그' or '2024년 스냅샷'."""
    if source == "snapshot":
        return f"{year}년 스냅샷"
    if source == "live":
        return "현재 카탈로그"
    return source


def new_workbook(write_only: bool = False) -> Workbook:
    """An empty workbook without openpyxl's default 'Sheet', so sheets are named as added.

    ``write_only`` streams rows to disk (the 93,000-row 컬럼정의서 in a third of the time); its
    sheets take one table each (see ``write_table``).
    """
    if write_only:
        return _StreamedWorkbook()
    wb = _TableWorkbook()
    wb.remove(wb.active)
    return wb


def as_date(value: object) -> date | None:
    """A date for a date column: a ``date`` or 'YYYY-MM-DD' text, else None (kept as text)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE_RE.fullmatch(value.strip()):
        with suppress(ValueError):
            return date.fromisoformat(value.strip())
    return None


def as_number(value: object) -> int | float | None:
    """An int or float for a number column ('1,520' counts), else None (kept as text).

    More than 15 digits stays text: Excel would round it.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _THOUSANDS_RE.fullmatch(text):
        text = text.replace(",", "")
    if _INT_RE.fullmatch(text):
        return int(text)
    if _FLOAT_RE.fullmatch(text):
        return float(text)
    return None


@lru_cache(maxsize=1 << 16)
def _display_width(text: str) -> int:
    """Width in Excel's narrow characters: Hangul and other wide characters count two.

    Cached: a list repeats its departments, codes and messages thousands of times, and a
    column's width needs every cell (a 37,000-row 정의서 has 600,000)."""
    if text.isascii():
        return max(map(len, text.splitlines()), default=0)
    return max(
        (
            sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
            for line in text.splitlines()
        ),
        default=0,
    )


def _xlsx_text(value: object) -> str:
    """Cell text for a workbook: safe, without the control characters openpyxl refuses."""
    if type(value) is str:
        return _xlsx_str(value)
    return ILLEGAL_CHARACTERS_RE.sub("", cell_text(value))[:MAX_CELL]


@lru_cache(maxsize=1 << 16)
def _xlsx_str(text: str) -> str:
    """``_xlsx_text`` of a string, once per distinct string (the guards are pure functions)."""
    return ILLEGAL_CHARACTERS_RE.sub("", cell_text(text))[:MAX_CELL]


def write_table(
    ws,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    dates: Collection[str] = (),
    numbers: Collection[str] = (),
    wrap: Collection[str] = (),
    start_row: int = 1,
) -> int:
    """Write a header row and the rows at ``start_row``; returns the last row written.

    ``dates``, ``numbers`` and ``wrap`` name header columns: text in a date or number column is
    written as a date or number when it parses (Python ints and floats always are). The sheet's
    main table (the one at row 1) also gets frozen panes under its header and an auto filter over
    its used range; a second table lower on the sheet only gets the header style. A write-only
    sheet (``new_workbook(write_only=True)``, for the big lists) takes one table at row 1.
    """
    if isinstance(ws, WriteOnlyWorksheet):
        return _write_streaming(ws, headers, rows, dates, numbers, wrap, start_row)
    widths = [_display_width(str(h)) for h in headers]
    fresh = start_row == 1 and not ws._cells  # the sheet's own table, on an empty sheet
    for j, header in enumerate(headers, start=1):
        _style_header(ws.cell(row=start_row, column=j), header)
    r = start_row
    if fresh and isinstance(ws.parent, _TableWorkbook):
        converted_rows = (
            [_convert(h, v, dates, numbers, wrap) for h, v in zip(headers, row, strict=True)]
            for row in rows
        )
        r = ws.parent.rows_as_xml(ws, len(headers), converted_rows, widths)
        rows = ()
    for r, row in enumerate(rows, start=start_row + 1):
        for j, (header, value) in enumerate(zip(headers, row, strict=True), start=1):
            converted = _convert(header, value, dates, numbers, wrap)
            if converted is not None:
                _apply(ws.cell(row=r, column=j), converted)
                widths[j - 1] = max(widths[j - 1], converted[3])
    _set_widths(ws, widths, start_row)
    if start_row == 1:
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{r}"
    return r


def _write_streaming(ws, headers, rows, dates, numbers, wrap, start_row: int) -> int:
    """The write-only path: column widths must be set before the first row goes out, so they
    are sized from the first ``WIDTH_SAMPLE`` rows (held converted), then every row streams
    straight to the file — memory stays that of the sample, whatever the list's length."""
    if start_row != 1:
        raise ValueError("a write-only sheet holds one table, at row 1")
    widths = [_display_width(str(h)) for h in headers]
    rows = iter(rows)

    def convert(row) -> list:
        return [
            _convert(header, value, dates, numbers, wrap)
            for header, value in zip(headers, row, strict=True)
        ]

    sample = [convert(row) for row in islice(rows, WIDTH_SAMPLE)]
    for converted in sample:
        for j, c in enumerate(converted):
            if c is not None and c[3] > widths[j]:
                widths[j] = c[3]
    _set_widths(ws, widths, 1)
    ws.freeze_panes = "A2"
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(ws)
        _style_header(cell, header)
        header_cells.append(cell)
    ws.append(header_cells)
    body = chain(sample, map(convert, rows))
    if isinstance(ws.parent, _StreamedWorkbook):
        last = ws.parent.rows_as_xml(ws, len(headers), body)
    else:
        last = 1
        for converted in body:
            ws.append([_streamed(ws, c) for c in converted])
            last += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{last}"
    return last


class _RowSplicing:
    """A workbook whose big tables' rows are written as sheet XML directly.

    openpyxl spends about 20 µs per cell building and serialising an element (a 40,000-row
    컬럼정의서 has 650,000 cells); the rows of a sheet's main table are written here as the same
    markup, as text, into a temporary file — inline strings (never a formula), numbers, dates with
    the date style, wrapped text with the wrap style — and spliced in after the header row of the
    saved sheet, before the file is moved into place (``save_atomic``). The header row, widths,
    panes, filter, styles and anything else on the sheet are openpyxl's own."""

    def _init_splicing(self) -> None:
        self._row_xml: dict[str, tuple[Any, int]] = {}

    def rows_as_xml(self, ws, width: int, rows: Iterable[list], widths=None) -> int:
        """Write ``rows`` (converted cells) from row 2 on, widening ``widths`` as they go;
        returns the last row number."""
        date_cell, wrap_cell = WriteOnlyCell(ws), WriteOnlyCell(ws)
        date_cell.number_format = DATE_FORMAT
        wrap_cell.alignment = WRAP
        date_style, wrap_style = date_cell.style_id, wrap_cell.style_id
        letters = [get_column_letter(j) for j in range(1, width + 1)]
        out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by save (_splice_rows)
        r = 1
        chunk: list[str] = []
        for r, converted in enumerate(rows, start=2):
            chunk.append(f'<row r="{r}">')
            for j, (letter, c) in enumerate(zip(letters, converted, strict=True)):
                if c is not None:
                    chunk.append(_cell_xml(f"{letter}{r}", c, date_style, wrap_style))
                    if widths is not None and c[3] > widths[j]:
                        widths[j] = c[3]
            chunk.append("</row>")
            if len(chunk) > 20_000:
                out.write("".join(chunk).encode())
                chunk.clear()
        out.write("".join(chunk).encode())
        self._row_xml[ws.title] = (out, r, width)
        return r

    def save(self, filename) -> None:
        for title, (_out, last, _width) in self._row_xml.items():
            inside = [row for row, _col in getattr(self[title], "_cells", {}) if 1 < row <= last]
            if inside:  # a programming error, never a damaged file
                raise RuntimeError(f"시트 '{title}' {inside[0]}행: 표 안에 다른 칸을 썼습니다")
        super().save(filename)
        if self._row_xml:
            _splice_rows(Path(filename), self._row_xml)


class _StreamedWorkbook(_RowSplicing, Workbook):
    """A write-only workbook (the big lists) with spliced rows."""

    def __init__(self) -> None:
        super().__init__(write_only=True)
        self._init_splicing()


class _TableWorkbook(_RowSplicing, Workbook):
    """A workbook whose sheets' main tables are spliced rows (e.g. 비준수 컬럼 of the 준수율)."""

    def __init__(self) -> None:
        super().__init__()
        self._init_splicing()


def _cell_xml(ref: str, converted: tuple, date_style: int, wrap_style: int) -> str:
    value, number_format, wrapped, _width = converted
    if isinstance(value, str):
        return f'<c r="{ref}"{_text_xml(value, wrapped, wrap_style)}'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{date_style}" t="n"><v>{to_excel(value)}</v></c>'
    return f'<c r="{ref}" t="n"><v>{value!r}</v></c>'


@lru_cache(maxsize=1 << 16)
def _text_xml(value: str, wrapped: bool, wrap_style: int) -> str:
    """A text cell's XML after its reference, once per distinct text (a list repeats its
    departments, types, codes and messages thousands of times)."""
    style = f' s="{wrap_style}"' if wrapped else ""
    text = xml_escape(value)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'


_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')


def _splice_rows(path: Path, row_xml: dict[str, tuple[Any, int, int]]) -> None:
    """Put each sheet's rows (temporary files) right after its header row in the saved file."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    spliced = path.with_name(path.name + ".rows")
    try:
        with zipfile.ZipFile(path) as zin:
            book = ElementTree.fromstring(zin.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(zin.read("xl/_rels/workbook.xml.rels"))
            targets = {
                r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", ns)
            }
            parts = {}
            for sheet in book.findall("m:sheets/m:sheet", ns):
                target = targets.get(sheet.get(f"{{{ns['r']}}}id"), "")
                part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                if sheet.get("name") in row_xml:
                    parts[part] = row_xml[sheet.get("name")]
            with zipfile.ZipFile(spliced, "w", zipfile.ZIP_DEFLATED) as zout:
                for info in zin.infolist():
                    data = zin.read(info)
                    rows = parts.get(info.filename)
                    if rows is None:
                        zout.writestr(info, data)
                        continue
                    out, last, width = rows
                    head = data.index(b"<sheetData>")
                    at = data.index(b"</row>", head) + len(b"</row>")  # after the header row
                    ref = f'<dimension ref="A1:{get_column_letter(max(width, 1))}{last}"/>'
                    top = _DIMENSION.sub(ref.encode(), data[:at], count=1)
                    with zout.open(info.filename, "w", force_zip64=True) as dest:
                        dest.write(top)
                        out.seek(0)
                        shutil.copyfileobj(out, dest, 1 << 20)
                        dest.write(data[at:])
        os.replace(spliced, path)
    finally:
        for out, _last, _width in row_xml.values():
            out.close()
        with suppress(OSError):
            spliced.unlink()


def _streamed(ws, converted: tuple | None):
    """A plain value where no style is needed (openpyxl's fast path), else a styled cell."""
    if converted is None:
        return None
    value, number_format, wrapped, _width = converted
    if number_format or wrapped or (isinstance(value, str) and value.startswith("=")):
        cell = WriteOnlyCell(ws)
        _apply(cell, converted)
        return cell
    return value


def _style_header(cell, header: str) -> None:
    cell.value = _xlsx_text(header)
    cell.data_type = "s"
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    cell.alignment = Alignment(vertical="center")


def _set_widths(ws, widths: list[int], start_row: int) -> None:
    for j, width in enumerate(widths, start=1):
        dim = ws.column_dimensions[get_column_letter(j)]
        fitted = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        # A second table on the sheet only widens what the first one set.
        dim.width = fitted if start_row == 1 else max(dim.width or 0, fitted)


def _convert(header: str, value: object, dates, numbers, wrap) -> tuple | None:
    """(value, number format, wrap, display width) of one cell: a date, a number or safe text;
    None for an empty cell."""
    if value is None or value == "":
        return None
    if header in dates and (day := as_date(value)) is not None:
        return day, DATE_FORMAT, False, len(DATE_FORMAT)
    # Python numbers are always numbers; text only in the number columns.
    typed = isinstance(value, int | float) or header in numbers
    if typed and (number := as_number(value)) is not None:
        return number, None, False, len(str(number))
    text = _xlsx_text(value)
    if not text:
        return None
    return text, None, header in wrap or len(text) > LONG_CELL, _display_width(text)


def _apply(cell, converted: tuple) -> None:
    value, number_format, wrapped, _width = converted
    cell.value = value
    if number_format:
        cell.number_format = number_format
    if isinstance(value, str):
        cell.data_type = "s"  # after ``neutralise`` it cannot start with '='; never a formula
        if wrapped:
            cell.alignment = WRAP


def _csv_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, date):
        value = value.isoformat()
    return cell_text(value)


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    """Write a CSV Excel opens as Korean text: UTF-8 with BOM, CRLF, every cell made safe."""

    def write(tmp: Path) -> None:
        with open(tmp, "x", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh, lineterminator="\r\n")
            out.writerow([_csv_text(h) for h in headers])
            for row in rows:
                out.writerow([_csv_text(v) for v in row])

    return save_atomic(write, path)
