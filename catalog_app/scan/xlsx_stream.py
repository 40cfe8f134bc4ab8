"""Big worksheets read in slices, so memory stays the same whatever the number of rows.

calamine (the fast Rust reader) reads a whole sheet into one dense range before the first row
comes out: about 32 bytes per cell plus the text, 500 MB for 200,000 rows × 20 columns and 2 GB
for a million. A worksheet part bigger than ``STREAM_PART_BYTES`` is therefore read in one pass
over the zip entry, which does the guard's work and the reading at once:

- the entry is inflated here, through ``xlsx_guard``'s caps (real sizes, ratio, total) and its
  used-range scanner (a sheet over ``MAX_SHEET_CELLS`` is ``too_large``, named as by the guard);
- the XML is cut after a ``</row>`` into slices of ``SLICE_BYTES`` (fewer rows when the sheet is
  wide, so a slice never holds more than ``SLICE_CELLS`` dense cells); each slice becomes a small
  workbook in memory (the original styles, the shared strings the slice uses — see
  ``shared_strings`` —, the date system) that calamine reads: dates, numbers and text come out
  exactly as in a whole-sheet read;
- a thread inflates and cuts the XML; ``READ_THREADS`` threads have calamine read the next
  slices while the caller profiles the current one (zlib and calamine's parsing release the GIL,
  so on two cores the parse of slice k+1 and k+2 runs beside the profiling of slice k); the
  slices still reach the caller in sheet order, at most ``READ_THREADS`` + 1 of them in memory
  (docs/benchmarks.md: 200,000 × 20 cells in 1.4× calamine's whole read, was 2.1×).

Merged ranges sit after the cells in the sheet XML, so they are known when the pass ends
(``StreamedSheet.merged``); the caller compares the header found without them and decides whether
a second pass is needed (``file_scan``). Sheets whose cells carry no ``r`` positions, or that use
prefixed markup, cannot be cut into slices and are read whole as before (``NotSliceable``).
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import python_calamine as calamine

from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.models import MergedRange
from catalog_app.scan.shared_strings import SharedStrings, load_shared_strings
from catalog_app.scan.sniff import ZIP_TOTAL_LIMIT
from catalog_app.scan.xlsx_guard import (
    MAX_SHEET_CELLS,
    SheetExtent,
    _ExtentScanner,
    _inflate,
    too_large,
)

__all__ = [
    "SLICE_BYTES",
    "STREAM_PART_BYTES",
    "NotSliceable",
    "SharedParts",
    "StreamedSheet",
    "shared_parts",
]

STREAM_PART_BYTES = 32 << 20  # worksheet XML above this is read in slices
SLICE_BYTES = 1 << 20  # sheet XML per slice (three in flight: two read, one profiled)
SLICE_CELLS = 2_000_000  # dense cells per slice (rows × used columns)
# calamine parses a slice with the GIL released: two threads keep both cores of a small PC busy
# while the caller profiles.
READ_THREADS = max(1, min(2, os.cpu_count() or 1))
HEAD_KEEP = 400  # first rows kept for deciding the header again once the merges are known
_CELL_REF = re.compile(rb"<c r=\"[A-Z]")
_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_DATE1904 = re.compile(rb'<workbookPr\b[^>]*\bdate1904="(?:1|true)"')
_FORMULA_WITHOUT_VALUE = re.compile(
    rb"<c\b[^>]*>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)

_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    b'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    b'"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType='
    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/styles.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName='
    b'"/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'spreadsheetml.sharedStrings+xml"/></Types>'
)
_ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    b'.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    b"</Relationships>"
)
_BOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    b'.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    b'Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.'
    b'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
    b"</Relationships>"
)
_BOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships">%s<sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="T" sheetId="2" '
    b'r:id="rId4"/></sheets></workbook>'
)
# The slice's second sheet: the shared-string entries it uses, decoded by calamine (see
# shared_strings.Marked).
_LADDER = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
)
_EMPTY_STYLES = (
    b'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org'
    b'/spreadsheetml/2006/main"/>'
)


class NotSliceable(Exception):
    """This sheet cannot be read in slices (cells without positions, prefixed markup)."""


@dataclass
class SharedParts:
    """What every slice of a workbook shares: styles, shared strings and the date system."""

    styles: bytes = _EMPTY_STYLES
    strings: SharedStrings = field(default_factory=SharedStrings)
    date1904: bool = False

    def close(self) -> None:
        self.strings.close()


def shared_parts(zf: zipfile.ZipFile) -> SharedParts:
    """Styles, shared strings and the date system of a workbook (already through the guard)."""
    parts = SharedParts()
    names = {i.filename.replace("\\", "/").lower(): i for i in zf.infolist()}
    if "xl/styles.xml" in names:
        parts.styles = zf.read(names["xl/styles.xml"])
    if "xl/sharedstrings.xml" in names:
        parts.strings = load_shared_strings(zf, names["xl/sharedstrings.xml"])
    if "xl/workbook.xml" in names:
        parts.date1904 = bool(_DATE1904.search(zf.read(names["xl/workbook.xml"])))
    return parts


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _slice_book(head: bytes, xml: bytes, shared: SharedParts):
    """calamine's reading of one slice, through a small workbook built in memory: the sheet,
    and for a slice whose shared cells were marked, mark -> text (else None)."""
    marked = shared.strings.marked(xml)
    if marked is not None:
        xml, table, ladder = marked.xml, marked.table, marked.ladder
    else:
        xml, table = shared.strings.for_slice(xml)
        ladder = b""
    buf = io.BytesIO()
    book = _BOOK % (b'<workbookPr date1904="1"/>' if shared.date1904 else b"")
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", _TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", book)
        zf.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        zf.writestr("xl/styles.xml", shared.styles)
        zf.writestr("xl/sharedStrings.xml", table)
        zf.writestr("xl/worksheets/sheet1.xml", head + xml + b"</sheetData></worksheet>")
        zf.writestr("xl/worksheets/sheet2.xml", _LADDER % ladder)
    buf.seek(0)
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(buf)
        sheet = workbook.get_sheet_by_index(0)
        if marked is None:
            return sheet, None
        ladder = workbook.get_sheet_by_index(1)
        start = ladder.start
        rows = ladder.to_python(skip_empty_area=False) if start is not None else []
    except calamine.CalamineError as exc:
        raise ScanFailure("corrupt", f"시트 XML: {exc}") from exc
    return sheet, marked.names(rows)


@dataclass
class _Slice:
    start: tuple[int, int] | None  # (row, col) of the slice's first cell, 0-based
    rows: list
    formula_gaps: int = 0


class StreamedSheet:
    """One worksheet part read in slices; :meth:`rows` streams it (again on each call)."""

    def __init__(self, path: str, info: zipfile.ZipInfo, shared: SharedParts, label: str):
        self.path = path
        self.info = info
        self.shared = shared
        self.label = label  # the sheet's name, for messages
        self.merged: list[MergedRange] | None = None  # known once a pass has ended
        self.head: list[list] = []  # the first rows of the last pass
        self.formula_gaps = 0

    # ------------------------------------------------------------------ the caller's side
    def rows(self) -> Iterator[list]:
        """Every row from sheet row 0, cells from column A (absolute positions)."""
        slices: queue.Queue = queue.Queue(maxsize=1)  # + one read, one being read: 3 slices
        stop = threading.Event()
        self._readers = ThreadPoolExecutor(READ_THREADS, thread_name_prefix="xlsx-read")
        loader = threading.Thread(
            target=self._load, args=(slices, stop), name="xlsx-slices", daemon=True
        )
        loader.start()
        self.head, self.formula_gaps, merges = [], 0, None
        row_at = 0
        try:
            while True:
                item = slices.get()
                if isinstance(item, Future):
                    item = item.result()  # the slice's reading, or its error raised here
                if isinstance(item, BaseException):
                    raise item
                if isinstance(item, list):  # the end: the merged ranges
                    merges = item
                    break
                self.formula_gaps += item.formula_gaps
                if item.start is None:
                    continue
                first, col = item.start
                while row_at < first:  # rows between slices hold nothing
                    if len(self.head) < HEAD_KEEP:
                        self.head.append([])
                    yield []
                    row_at += 1
                rows = item.rows
                if col:
                    pad = [""] * col
                    rows = [pad + row for row in rows]
                if len(self.head) < HEAD_KEEP:
                    self.head.extend(rows[: HEAD_KEEP - len(self.head)])
                yield from rows  # no Python call per row
                row_at += len(rows)
        finally:
            stop.set()
            while loader.is_alive():
                with contextlib.suppress(queue.Empty):
                    slices.get(timeout=0.05)
            loader.join()
            self._readers.shutdown(wait=True, cancel_futures=True)
        self.merged = merges

    # ------------------------------------------------------------------ the loader thread
    def _load(self, out: queue.Queue, stop: threading.Event) -> None:
        def put(item) -> None:
            while not stop.is_set():
                try:
                    out.put(item, timeout=0.1)
                    return
                except queue.Full:
                    continue

        try:
            merges = self._slices(put, stop)
            put(merges)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            put(exc)

    def _slices(self, put, stop: threading.Event) -> list[MergedRange]:
        extent = SheetExtent(self.info.filename)
        scanner = _ExtentScanner(extent)
        state = {"buf": b"", "head": None, "tail": b"", "done": False}
        self._fed = 0

        def feed(data: bytes) -> None:
            if stop.is_set():
                raise _Stopped()
            self._fed += len(data)
            scanner.feed(data)
            if scanner.implicit:
                raise NotSliceable(self.info.filename)
            if extent.area > MAX_SHEET_CELLS:
                raise too_large(self.label, extent, MAX_SHEET_CELLS)
            if state["done"]:
                state["tail"] += data
                return
            buf = state["buf"] + data
            if state["head"] is None:
                at = buf.find(b"<sheetData>")
                if at < 0:
                    if buf.find(b"<sheetData/>") >= 0:
                        state["done"], state["tail"] = True, buf
                    elif len(buf) > (4 << 20):
                        raise NotSliceable(self.info.filename)
                    else:
                        state["buf"] = buf
                    return
                head = _DIMENSION.sub(b"", buf[: at + len(b"<sheetData>")])
                state["head"], buf = head, buf[at + len(b"<sheetData>") :]
                if b"<c " in buf[: 1 << 20] and not _CELL_REF.search(buf[: 1 << 20]):
                    raise NotSliceable(self.info.filename)
            end = buf.find(b"</sheetData>")
            if end >= 0:
                buf, state["tail"] = buf[:end], buf[end:]
            limit = self._slice_limit(extent)
            at = 0
            while len(buf) - at >= limit:
                cut = buf.rfind(b"</row>", at, at + limit)
                if cut < 0:
                    cut = buf.find(b"</row>", at + limit)
                    if cut < 0:
                        break
                cut += len(b"</row>")
                self._emit(state["head"], buf[at:cut], extent, put)
                at = cut
            buf = buf[at:]
            if end >= 0:
                self._emit(state["head"], buf, extent, put)
                state["done"], buf = True, b""
            state["buf"] = buf

        try:
            with open(self.path, "rb") as fh:
                size = _inflate(fh, self.info, 0, ZIP_TOTAL_LIMIT, feed)
        except (zipfile.BadZipFile, EOFError, struct.error, zlib.error) as exc:
            raise ScanFailure("corrupt", f"zip: {exc}") from exc
        if size is None:
            raise NotSliceable(self.info.filename)  # a compression the guard does not inflate
        if size != self.info.file_size:
            raise ScanFailure(
                "corrupt",
                f"zip: {self.info.filename}: 실제 크기 {size:,}바이트가 목록의 "
                f"{self.info.file_size:,}바이트와 다릅니다",
            )
        scanner.close()
        if scanner.implicit:
            raise NotSliceable(self.info.filename)
        if state["head"] is None and not state["done"]:
            raise ScanFailure("corrupt", f"{self.info.filename}: sheetData 없음")
        if state["buf"]:
            self._emit(state["head"], state["buf"], extent, put)
        return [
            MergedRange(int(r0) - 1, _column_number(c0) - 1, int(r1) - 1, _column_number(c1) - 1)
            for c0, r0, c1, r1 in _MERGE.findall(state["tail"])
        ]

    def _slice_limit(self, extent: SheetExtent) -> int:
        """Bytes of XML per slice: fewer for a wide sheet (dense cells ≤ SLICE_CELLS)."""
        if not extent.rows or not extent.cols:
            return SLICE_BYTES
        bytes_per_row = max(1, self._fed // extent.rows)
        rows = max(1, SLICE_CELLS // extent.cols)
        return max(min(SLICE_BYTES, 1 << 16), min(SLICE_BYTES, rows * bytes_per_row))

    def _emit(self, head: bytes, xml: bytes, extent: SheetExtent, put) -> None:
        if not xml.strip():
            return
        rows = xml.count(b"<row")  # ≥ the rows (every row element; a count in C)
        if rows * max(extent.cols, 1) > SLICE_CELLS * 4 and rows > 1:
            # a sheet far wider than its first rows said: cut this slice smaller
            half = xml.rfind(b"</row>", 0, len(xml) // 2)
            if half > 0:
                half += len(b"</row>")
                self._emit(head, xml[:half], extent, put)
                self._emit(head, xml[half:], extent, put)
                return
        put(self._readers.submit(self._read, head, xml))

    def _read(self, head: bytes, xml: bytes) -> _Slice:
        """One slice through calamine (in a reader thread)."""
        sheet, names = _slice_book(head, xml, self.shared)
        gaps = len(_FORMULA_WITHOUT_VALUE.findall(xml)) if b"<f" in xml else 0
        if sheet.start is None or not sheet.height:
            return _Slice(None, [], gaps)
        rows = sheet.to_python(skip_empty_area=True)
        if names:
            get = names.get  # a mark becomes its text; every other value stays (map: in C)
            rows = [list(map(get, row, row)) for row in rows]
        return _Slice(tuple(sheet.start), rows, gaps)


class _Stopped(Exception):
    """The caller stopped reading (cancel, an error, enough rows)."""
