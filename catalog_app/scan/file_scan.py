"""One file -> FileResult: sniff the real format, pick the reader, profile every table.

Every failure leaves as a :class:`ScanFailure` with a Korean message; nothing here writes to the
file being read (all opens are read-only).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from catalog_app.progress import CancelToken
from catalog_app.scan.csv_reader import read_csv_table
from catalog_app.scan.encoding import EncodingGuess, detect_encoding
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.excel_reader import iter_excel_tables
from catalog_app.scan.flags import make_flag
from catalog_app.scan.html_reader import read_html_tables, stack_tables
from catalog_app.scan.isolated import call_reader
from catalog_app.scan.models import FileResult, RawTable
from catalog_app.scan.plausible import judge
from catalog_app.scan.sniff import sniff_format
from catalog_app.scan.table_scan import scan_table

Overrides = dict[str, tuple[int, int]]
# Real formats read as workbooks (python-calamine; xlrd for old .xls).
WORKBOOK_FORMATS = ("xlsx", "xls", "xlsb", "ods")
# What the reader process runs for a workbook (a "module:function" crosses the process boundary).
EXCEL_READER = "catalog_app.scan.file_scan:excel_in_process"
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)


def table_key(name: str | None, index: int) -> str:
    """How a header override finds its table again after a rescan: sheet name, else position."""
    return name if name else f"#{index}"


def scan_file(
    path: str,
    overrides: Overrides | None = None,
    cancel: CancelToken | None = None,
) -> FileResult:
    real_format = sniff_format(path)
    if real_format in WORKBOOK_FORMATS:
        # Native reader: profiled in the reader process, so a crash there is this file's row.
        return call_reader(
            EXCEL_READER,
            (path, real_format, overrides),
            path,
            cancel,
            local=lambda: excel_in_process(path, real_format, overrides, cancel),
        )
    try:
        if real_format == "html":
            return _judged(_scan_html(path, overrides, cancel))
        return _judged(_scan_text(path, overrides, cancel))
    except FileNotFoundError as exc:
        raise ScanFailure("not_found", str(exc)) from exc
    except PermissionError as exc:
        raise ScanFailure("permission", str(exc)) from exc
    except MemoryError as exc:
        raise ScanFailure("too_large", "메모리 부족") from exc


def _judged(result: FileResult) -> FileResult:
    """Flags the reading earns: garbled text in the labels and samples (whatever the reader),
    rows of a text file shifted by broken quoting; each flag is also a Korean warning."""
    codes = {f["code"] for f in result.flags}
    if "garbled_text" not in codes:
        cells = [
            text
            for table in result.tables
            for column in table.columns
            for text in (column.label, *column.samples)
        ]
        verdict = judge(cells)
        if not verdict.plausible:
            result.flags.append(make_flag("garbled_text", verdict.reason))
    ragged = sum(t.ragged_rows for t in result.tables)
    if ragged and result.real_format == "csv":
        result.flags.append(make_flag("ragged_rows", f"머리글보다 칸이 많은 행 {ragged}개"))
    result.warnings.extend(f["message"] for f in result.flags)
    return result


def excel_in_process(
    path: str,
    real_format: str,
    overrides: Overrides | None = None,
    cancel: CancelToken | None = None,
) -> FileResult:
    """A workbook profiled in this process (what the reader process runs)."""
    try:
        result = FileResult(real_format)
        tables = iter_excel_tables(path, real_format, result.flags)
        return _judged(_profile(result, tables, overrides, cancel))
    except FileNotFoundError as exc:
        raise ScanFailure("not_found", str(exc)) from exc
    except PermissionError as exc:
        raise ScanFailure("permission", str(exc)) from exc
    except MemoryError as exc:
        raise ScanFailure("too_large", "메모리 부족") from exc


def _profile(
    result: FileResult,
    tables: Iterable[RawTable],
    overrides: Overrides | None,
    cancel: CancelToken | None,
) -> FileResult:
    from catalog_app.scan.table_scan import READ_HOOK

    hook = READ_HOOK.get()
    for raw in tables:
        if cancel is not None:
            cancel.raise_if_cancelled()
        if hook is not None and raw.index != hook.table_index:
            continue  # reading one table again (privacy.regroup): the others are not needed
        override = (overrides or {}).get(table_key(raw.name, raw.index))
        if raw.stream is None:
            table = scan_table(raw, override, cancel)
        else:
            table = _scan_streamed(raw, override, cancel)
        if table is None:
            if raw.name:
                result.warnings.append(f"빈 시트 '{raw.name}'는 건너뛰었습니다.")
            continue
        result.tables.append(table)
    return result


def _scan_streamed(raw: RawTable, override, cancel):
    """A big sheet read in slices (``xlsx_stream``): its merged ranges are known only once the
    pass has ended; when they change where the header is, the sheet is read a second time with
    them (merges rarely reach the header band of a long list). A sheet that cannot be sliced
    is read whole."""
    from catalog_app.scan.excel_reader import formula_warning
    from catalog_app.scan.header import detect_header
    from catalog_app.scan.table_scan import head_size
    from catalog_app.scan.xlsx_stream import NotSliceable

    try:
        table = scan_table(raw, override, cancel)
    except NotSliceable:
        return scan_table(raw.whole(), override, cancel)
    stream = raw.stream
    merged = stream.merged or []
    head = stream.head[: head_size(raw, override)]
    if table is not None and any(m.first_row < len(head) for m in merged):
        without = detect_header(head, raw.origin, [], override)
        if detect_header(head, raw.origin, merged, override) != without:
            raw.merged = merged
            table = scan_table(raw, override, cancel)
    if table is not None and stream.formula_gaps:
        table.warnings.append(formula_warning(stream.formula_gaps))
    return table


def _scan_text(path: str, overrides: Overrides | None, cancel: CancelToken | None) -> FileResult:
    guess = detect_encoding(path)
    ext = os.path.splitext(path)[1].lower()
    try:
        return _text_result(path, guess, ext, "strict", overrides, cancel)
    except UnicodeDecodeError as exc:
        first_error = exc
    # The 64 KiB sample decoded but a later part did not: try the other Korean encoding whole,
    # then keep the first guess with replacement characters and say so.
    for alternative in ("cp949", "utf-8"):
        if alternative != guess.encoding and not guess.bom:
            retry = EncodingGuess(alternative, f"{alternative}-retry", False)
            try:
                return _text_result(path, retry, ext, "strict", overrides, cancel)
            except UnicodeDecodeError:
                continue
    result = _text_result(path, guess, ext, "replace", overrides, cancel)
    result.encoding_method = f"{guess.method}+replace"
    result.warnings.append(
        f"{first_error.start}바이트 근처부터 {guess.encoding}로 읽을 수 없는 글자가 있어 "
        "�로 바꾸었습니다."
    )
    return result


def _text_result(path, guess: EncodingGuess, ext, errors, overrides, cancel) -> FileResult:
    raw = read_csv_table(path, guess, ext, errors)
    result = FileResult(
        "csv",
        encoding=guess.encoding,
        encoding_method=guess.method,
        delimiter=raw.stats.pop("delimiter", ","),
    )
    return _profile(result, [raw], overrides, cancel)


def _html_encoding(head: bytes) -> EncodingGuess:
    match = _META_CHARSET.search(head)
    if match:
        name = match.group(1).decode("ascii").lower()
        if name in ("euc-kr", "euc_kr", "ks_c_5601-1987", "ksc5601", "cp949"):
            name = "cp949"
        try:
            head.decode(name)
            return EncodingGuess(name, "html-meta", False)
        except (LookupError, UnicodeDecodeError):
            pass
    return detect_encoding(head)


def _scan_html(path: str, overrides: Overrides | None, cancel: CancelToken | None) -> FileResult:
    with open(path, "rb") as fh:
        data = fh.read()
    guess = _html_encoding(data[:65536])
    codec = "utf-8-sig" if guess.encoding in ("utf-8", "utf-8-sig") else guess.encoding
    text = data.decode(codec, errors="replace")
    result = FileResult("html", encoding=guess.encoding, encoding_method=guess.method)
    tables = read_html_tables(text)
    # Excel shows an HTML file as one sheet, title tables above the data table: do the same.
    stacked = [stack_tables(tables)] if tables else []
    return _profile(result, stacked, overrides, cancel)
