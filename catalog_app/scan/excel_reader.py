"""Excel reading (xlsx, xlsm, xlsb, ods, xls) through python-calamine, with xlrd as the .xls fallback.

calamine is 10-13x faster than openpyxl and gives merged ranges, sheet visibility and typed cells
(dates as ``date``/``datetime``). Formula cells saved without a cached value read as empty; we
count them from the sheet XML so the clerk learns why a total row is blank.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

import python_calamine as calamine

from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.flags import make_flag
from catalog_app.scan.models import MergedRange, RawTable
from catalog_app.scan.plausible import SAMPLE_ROWS, Verdict, judge, sample_cells
from catalog_app.scan.xlsx_guard import check_xlsx

MAX_FORMULA_SCAN_BYTES = 64 * 1024 * 1024
_FORMULA_WITHOUT_VALUE = re.compile(
    rb"<c\b[^>]*>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def _open_workbook(path: str):
    # from_path picks the reader by extension; from_filelike sniffs the bytes, so an xlsx saved
    # under a .xls name still opens.
    try:
        with open(path, "rb") as fh:
            return calamine.CalamineWorkbook.from_filelike(fh)
    except calamine.PasswordError as exc:
        raise ScanFailure("encrypted", str(exc)) from exc
    except (calamine.ZipError, calamine.XmlError) as exc:
        raise ScanFailure("corrupt", str(exc)) from exc
    except calamine.CalamineError as exc:
        raise ScanFailure("corrupt", str(exc)) from exc


def formula_cells_without_values(path: str) -> dict[str, int]:
    """Sheet name -> number of formula cells saved with no cached value (xlsx only)."""
    counts: dict[str, int] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
            targets = {
                r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", _NS)
            }
            for sheet in book.findall("m:sheets/m:sheet", _NS):
                target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
                name = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                try:
                    info = zf.getinfo(name)
                except KeyError:
                    continue
                if info.file_size > MAX_FORMULA_SCAN_BYTES:
                    continue
                data = zf.read(name)
                if b"<f" in data:
                    n = len(_FORMULA_WITHOUT_VALUE.findall(data))
                    if n:
                        counts[sheet.get("name", "")] = n
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return {}
    return counts


def iter_excel_tables(
    path: str, real_format: str, flags: list[dict] | None = None
) -> Iterator[RawTable]:
    """Yield one RawTable per worksheet, loading one sheet at a time to bound memory.

    A .xls whose text calamine garbles (``plausible.judge``) is read with xlrd instead
    (``reader_fallback`` in ``flags``); when neither reading is plausible the less garbled one
    is used and ``garbled_text`` says why.
    """
    if real_format == "xls":
        try:
            book = _open_workbook(path)
        except ScanFailure as failure:
            if failure.code == "encrypted":
                raise
            yield from _iter_xlrd_tables(path, failure)
            return
        verdict = _calamine_verdict(book)
        if not verdict.plausible:
            chosen = _xlrd_if_better(path, verdict, flags if flags is not None else [])
            if chosen is not None:
                book.close()
                yield from chosen
                return
    else:
        big = _big_sheets(path)
        # real inflated sizes and used ranges first: calamine aborts on a bomb (big sheets are
        # guarded by xlsx_stream as it reads them)
        check_xlsx(path, skip={part for part, _info in big.values()})
        if big:
            yield from _iter_streaming(path, big, flags)
            return
        book = _open_workbook(path)
    formulas = formula_cells_without_values(path) if real_format == "xlsx" else {}
    try:
        metas = book.sheets_metadata
        for index, meta in enumerate(metas):
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = book.get_sheet_by_index(index)
            except calamine.CalamineError as exc:
                raise ScanFailure("corrupt", f"시트 '{meta.name}': {exc}") from exc
            yield _sheet_table(index, meta, sheet, formulas.get(meta.name, 0))
    finally:
        book.close()


def _workbook_sheets(zf: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """(name, part, state) of every sheet in workbook order, as calamine numbers them; part is
    '' for a sheet that is not a worksheet (chart, dialog, macro sheet)."""
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {
        r.get("Id"): (r.get("Target", ""), r.get("Type", ""))
        for r in rels.findall("rel:Relationship", _NS)
    }
    out = []
    for sheet in book.findall("m:sheets/m:sheet", _NS):
        target, kind = targets.get(sheet.get(f"{{{_NS['r']}}}id"), ("", ""))
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        worksheet = kind.endswith("/worksheet")
        out.append(
            (sheet.get("name", ""), part.lower() if worksheet else "", sheet.get("state", ""))
        )
    return out


def _big_sheets(path: str) -> dict[int, tuple[str, zipfile.ZipInfo]]:
    """Sheet index -> (part, zip entry) of the worksheets big enough to read in slices
    (declared size; a lying directory is caught as the entry is inflated)."""
    from catalog_app.scan.xlsx_stream import STREAM_PART_BYTES

    try:
        with zipfile.ZipFile(path) as zf:
            entries = {i.filename.replace("\\", "/").lower(): i for i in zf.infolist()}
            if not any(
                n.startswith("xl/worksheets/") and i.file_size > STREAM_PART_BYTES
                for n, i in entries.items()
            ):
                return {}
            sheets = _workbook_sheets(zf)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return {}  # the whole-sheet path says what is wrong with the file
    return {
        index: (part, entries[part])
        for index, (_name, part, _state) in enumerate(sheets)
        if part in entries and entries[part].file_size > STREAM_PART_BYTES
    }


def _iter_streaming(path: str, big: dict, flags) -> Iterator[RawTable]:
    """The worksheets of an xlsx with big sheets: those read in slices (``xlsx_stream``), the
    others whole through calamine, one at a time; calamine's workbook (which holds the shared
    strings) is opened only when a small worksheet needs it."""
    from catalog_app.scan.xlsx_stream import StreamedSheet, shared_parts

    with zipfile.ZipFile(path) as zf:
        sheets = _workbook_sheets(zf)
        shared = shared_parts(zf)
    formulas = None
    book = None
    try:
        for index, (name, part, state) in enumerate(sheets):
            if not part:
                continue
            if index in big:
                stream = StreamedSheet(path, big[index][1], shared, name)
                table = RawTable(
                    index=index,
                    name=name,
                    rows=stream.rows,
                    origin=(0, 0),
                    hidden=state in ("hidden", "veryHidden"),
                )
                table.stream = stream
                table.whole = lambda i=index: _whole_sheet(path, i)
                yield table
                continue
            if book is None:
                book = _open_workbook(path)
                formulas = formula_cells_without_values(path)
            yield _sheet_from(book, index, formulas.get(name, 0))
    finally:
        shared.close()  # the shared-string table's temporary file, if it has one
        if book is not None:
            book.close()


def _sheet_from(book, index: int, formula_gaps: int) -> RawTable:
    meta = book.sheets_metadata[index]
    try:
        sheet = book.get_sheet_by_index(index)
    except calamine.CalamineError as exc:
        raise ScanFailure("corrupt", f"시트 '{meta.name}': {exc}") from exc
    return _sheet_table(index, meta, sheet, formula_gaps)


def _whole_sheet(path: str, index: int) -> RawTable:
    """A sheet ``xlsx_stream`` cannot cut into slices, read whole (guarded whole first)."""
    check_xlsx(path)
    book = _open_workbook(path)
    formulas = formula_cells_without_values(path)
    table = _sheet_from(book, index, formulas.get(book.sheets_metadata[index].name, 0))
    table.rows = _closing(book, table.rows)
    return table


def _closing(book, rows):
    def gen():
        try:
            yield from rows()
        finally:
            book.close()

    return gen


def _calamine_verdict(book) -> Verdict:
    """Plausibility of the text calamine reads from the first worksheets (a sample)."""
    cells: list = []
    for index, meta in enumerate(book.sheets_metadata[:3]):
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        try:
            sheet = book.get_sheet_by_index(index)
        except calamine.CalamineError:
            continue
        if sheet.height and sheet.width and sheet.start is not None:
            cells.extend(sample_cells(sheet.iter_rows()))
    return judge(cells)


def _xlrd_if_better(path: str, verdict: Verdict, flags: list[dict]):
    """xlrd's tables when its reading is plausible (or less garbled); None to keep calamine's."""
    import xlrd

    try:
        book = xlrd.open_workbook(path, on_demand=True)
        cells: list = []
        for index in range(min(book.nsheets, 3)):
            sheet = book.sheet_by_index(index)
            cells.extend(
                sample_cells(sheet.row_values(r) for r in range(min(sheet.nrows, SAMPLE_ROWS)))
            )
        book.release_resources()
    except Exception:  # xlrd raises many kinds on what calamine opened: keep calamine's reading
        flags.append(make_flag("garbled_text", verdict.reason))
        return None
    other = judge(cells)
    if other.plausible:
        flags.append(make_flag("reader_fallback", verdict.reason))
        return _iter_xlrd_tables(path, ScanFailure("corrupt", verdict.reason))
    flags.append(
        make_flag("garbled_text", (other if other.badness < verdict.badness else verdict).reason)
    )
    if other.badness < verdict.badness:
        return _iter_xlrd_tables(path, ScanFailure("corrupt", verdict.reason))
    return None


def _sheet_table(index: int, meta, sheet, formula_gaps: int) -> RawTable:
    start = sheet.start or (0, 0)
    merged = [MergedRange(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
    empty = sheet.height == 0 or sheet.width == 0 or sheet.start is None

    def rows() -> Iterator[list]:
        if empty:
            return iter(())
        return sheet.iter_rows()

    table = RawTable(
        index=index,
        name=meta.name,
        rows=rows,
        # iter_rows() yields from sheet row 0 (leading blank rows included) but from the first
        # used column, so only the column offset applies.
        origin=(0, start[1]),
        merged=merged,
        hidden=meta.visible != calamine.SheetVisibleEnum.Visible,
    )
    if formula_gaps:
        table.warnings.append(formula_warning(formula_gaps))
    return table


def formula_warning(n: int) -> str:
    return (
        f"수식 {n}개에 저장된 계산값이 없어 빈 칸으로 읽었습니다 "
        "(엑셀에서 열어 저장하면 값이 채워집니다)."
    )


def _iter_xlrd_tables(path: str, first_failure: ScanFailure) -> Iterator[RawTable]:
    """Old .xls files calamine rejects: try xlrd, which converts date serials itself."""
    import xlrd  # imported lazily: rarely needed

    try:
        book = xlrd.open_workbook(path, on_demand=True)
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise ScanFailure("encrypted", str(exc)) from exc
        raise ScanFailure("corrupt", f"{first_failure.detail}; xlrd: {exc}") from exc
    except Exception as exc:  # xlrd raises many kinds on junk input
        raise ScanFailure("corrupt", f"{first_failure.detail}; xlrd: {exc}") from exc
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        datemode = book.datemode

        def rows(sheet=sheet, datemode=datemode) -> Iterator[list]:
            for r in range(sheet.nrows):
                out = []
                for cell in sheet.row(r):
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        try:
                            out.append(xlrd.xldate.xldate_as_datetime(cell.value, datemode))
                        except (ValueError, OverflowError):
                            out.append(cell.value)
                    elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                        out.append("")
                    elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                        out.append(bool(cell.value))
                    elif cell.ctype == xlrd.XL_CELL_ERROR:
                        out.append("")
                    else:
                        out.append(cell.value)
                yield out

        merged = [MergedRange(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]
        yield RawTable(
            index=index,
            name=sheet.name,
            rows=rows,
            merged=merged,
            hidden=bool(getattr(sheet, "visibility", 0)),
        )
