"""Read a scanned file again, streamed, and feed its data rows to the table checkers.

The same readers as the scan (``scan.csv_reader`` with its Arrow path for big CSVs, the HTML
reader, ``scan.excel_reader`` inside the reader process) and the same row classes: the header
band is found as the scan found it (its header override, if any), total, footnote, blank and
shifted rows are left out, so the values counted are exactly the values the scan profiled. A file
whose size or time changed since the scan, or whose header now reads differently, is not
diagnosed: findings would describe a file the catalog does not (the message says to rescan).

Why not the scan's own ``table_scan``: it feeds a profiler, this feeds rule counters, and each
needs its chunks in another form; both share the pieces (``detect_header``, ``RowClassifier``,
``csv_arrow``). Memory stays bounded like the scan's: one chunk (or Arrow batch) at a time.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from itertools import chain, islice, zip_longest

import numpy as np
import pyarrow as pa

from catalog_app.progress import CancelToken
from catalog_app.quality.evaluate import TableChecker
from catalog_app.quality.model import DatasetOutcome, DatasetPlan, TableOutcome, TablePlan
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.header import HEAD_ROWS, RowClassifier, detect_header
from catalog_app.scan.models import RawTable
from catalog_app.scan.pii.label import safe_label
from catalog_app.scan.values import classify_value

__all__ = ["diagnose_dataset", "diagnose_workbook"]

CHUNK_ROWS = 4096
WORKBOOK_READER = "catalog_app.quality.stream:diagnose_workbook"
WORKBOOK_FORMATS = ("xlsx", "xls", "xlsb", "ods")


class Mismatch(Exception):
    """The file no longer reads as the catalog describes it (Korean message)."""


def diagnose_dataset(
    plan: DatasetPlan,
    code_lists: dict[str, frozenset],
    cancel: CancelToken | None = None,
    today: date | None = None,
) -> DatasetOutcome:
    """Every table of one dataset checked; failures become the outcome's message."""
    problem = _changed(plan)
    if problem:
        return DatasetOutcome(plan.dataset_id, "failed", problem)
    try:
        if plan.real_format in WORKBOOK_FORMATS:
            from catalog_app.scan.isolated import call_reader

            return call_reader(
                WORKBOOK_READER, (plan.path, plan, code_lists, today), plan.path, cancel
            )
        return _diagnose_text(plan, code_lists, cancel, today)
    except ScanFailure as failure:
        return DatasetOutcome(plan.dataset_id, "failed", failure.message)
    except Mismatch as exc:
        return DatasetOutcome(plan.dataset_id, "failed", str(exc))
    except UnicodeDecodeError:
        return DatasetOutcome(
            plan.dataset_id, "failed", "스캔 때와 다른 인코딩으로 읽혔습니다. 다시 스캔하세요."
        )
    except (FileNotFoundError, PermissionError, OSError) as exc:
        return DatasetOutcome(plan.dataset_id, "failed", f"파일을 읽을 수 없습니다: {exc}")


def _changed(plan: DatasetPlan) -> str | None:
    try:
        st = os.stat(plan.path)
    except FileNotFoundError:
        return "파일이 없습니다 (옮겨졌거나 지워짐). 다시 스캔하세요."
    except OSError as exc:
        return f"파일을 읽을 수 없습니다: {exc}"
    if plan.size is not None and (st.st_size, st.st_mtime_ns) != (plan.size, plan.mtime_ns):
        return "파일이 스캔 뒤에 바뀌었습니다. 다시 스캔한 뒤 진단하세요."
    return None


# ------------------------------------------------------------------------------- formats
def _diagnose_text(plan, code_lists, cancel, today) -> DatasetOutcome:
    raws = _html_tables(plan) if plan.real_format == "html" else [_csv_table(plan)]
    return _diagnose_raws(plan, raws, code_lists, cancel, today)


def _csv_table(plan: DatasetPlan) -> RawTable:
    from catalog_app.scan.csv_reader import read_csv_table
    from catalog_app.scan.encoding import EncodingGuess, detect_encoding

    method = plan.encoding_method or ""
    if plan.encoding:
        guess = EncodingGuess(plan.encoding, method.split("+")[0], plan.encoding == "utf-8-sig")
    else:
        guess = detect_encoding(plan.path)
    errors = "replace" if method.endswith("+replace") else "strict"
    ext = os.path.splitext(plan.path)[1].lower()
    return read_csv_table(plan.path, guess, ext, errors)


def _html_tables(plan: DatasetPlan) -> list[RawTable]:
    from catalog_app.scan.html_reader import read_html_tables, stack_tables

    with open(plan.path, "rb") as fh:
        data = fh.read()
    encoding = plan.encoding or "utf-8"
    codec = "utf-8-sig" if encoding in ("utf-8", "utf-8-sig") else encoding
    tables = read_html_tables(data.decode(codec, errors="replace"))
    return [stack_tables(tables)] if tables else []


def diagnose_workbook(path: str, plan: DatasetPlan, code_lists, today=None) -> DatasetOutcome:
    """What the reader process runs for a workbook (``scan.isolated.call_reader``)."""
    from catalog_app.scan.excel_reader import iter_excel_tables

    return _diagnose_raws(
        plan, iter_excel_tables(path, plan.real_format, []), code_lists, None, today
    )


def _diagnose_raws(plan, raws, code_lists, cancel, today) -> DatasetOutcome:
    from catalog_app.scan.file_scan import table_key

    wanted = {t.table_key: t for t in plan.tables}
    out = DatasetOutcome(plan.dataset_id)
    done: set[str] = set()
    for raw in raws:
        key = table_key(raw.name, raw.index)
        table = wanted.get(key)
        if table is None:
            continue
        override = plan.overrides.get(key)
        out.tables.append(check_table(raw, table, code_lists, override, cancel, today))
        done.add(key)
        if len(done) == len(wanted):
            break
    missing = [k for k in wanted if k not in done]
    if missing:
        raise Mismatch(f"스캔 때 있던 표({', '.join(missing)})를 찾지 못했습니다. 다시 스캔하세요.")
    return out


# ---------------------------------------------------------------------------------- tables
@contextmanager
def _gc_paused():
    """No cyclic collection while the body streams (as ``scan.table_scan`` does): the loop makes
    millions of short-lived lists and no cycles, and in the main process every collection would
    also walk the loaded dictionary (measured: a 200k-row workbook read in process 2.5x slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_table(
    raw: RawTable,
    table: TablePlan,
    code_lists: dict[str, frozenset],
    override: tuple[int, int] | None = None,
    cancel: CancelToken | None = None,
    today: date | None = None,
) -> TableOutcome:
    """One table read again and every rule of its plan counted."""
    checker = TableChecker(table, code_lists, today)
    positions = checker.positions
    rows = raw.iter_rows()
    n_head = HEAD_ROWS
    if override is not None:
        n_head = max(n_head, override[0] - raw.origin[0] + override[1] + 1)
    head = list(islice(rows, n_head))
    layout = detect_header(head, raw.origin, raw.merged, override)
    labels = [safe_label(label) for label in layout.labels]
    header_row = None if layout.header_row is None else layout.header_row + raw.origin[0]
    if (
        layout.first_col + raw.origin[1] != table.first_col
        or header_row != table.header_row
        or layout.header_rows != table.header_rows
        or labels != table.labels
    ):
        raise Mismatch(
            f"'{table.sheet_name or table.table_key}' 표의 머리글이 스캔 때와 다르게 읽힙니다. "
            "다시 스캔한 뒤 진단하세요."
        )
    classifier = RowClassifier(layout.first_col, layout.width)
    if positions and raw.arrow_batches is not None:
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # the csv module stops after the head; Arrow's reader takes the body
        from catalog_app.scan.csv_arrow import FastPathUnsuitable

        try:
            with _gc_paused():
                _arrow_body(raw, head, layout, classifier, checker, positions, cancel)
        except FastPathUnsuitable:  # read the way the scan then reads it, from the start
            raw.arrow_batches = None
            return check_table(raw, table, code_lists, override, cancel, today)
    elif positions:
        body = chain(head[layout.data_row :], rows)
        with _gc_paused():
            _python_body(body, layout, classifier, checker, positions, raw.text_source, cancel)
    outcome = checker.finish()
    if not positions:
        outcome.rows = table.row_count  # nothing to check here: the body was not read
    elif outcome.rows != table.row_count:
        outcome.warnings.append(
            f"데이터 행 {outcome.rows:,}개를 읽었습니다 (스캔 때 {table.row_count:,}개)."
        )
    return outcome


def _texts(values) -> list[str]:
    """Cells as the text the profile measured: strings as they are, typed Excel values (dates,
    numbers) in their canonical spelling ('2021-03-10', '37.5'), empty for None."""
    return [v if type(v) is str else _typed_text(v) for v in values]


def _typed_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    info = classify_value(value)
    return info.text if info is not None else ""


def _python_body(body: Iterator, layout, classifier, checker, positions, text_source, cancel):
    lo, hi = layout.first_col, layout.first_col + layout.width
    while chunk := list(islice(body, CHUNK_ROWS)):
        columns = list(zip_longest(*chunk, fillvalue=""))
        special, _kinds = classifier.split(chunk, columns)
        drop = set(special)
        for extra in columns[hi:] if text_source else ():  # shifted rows, as the scan does
            for i, value in enumerate(extra):
                if value and i not in drop:
                    drop.add(i)
        if drop:
            chunk = [row for i, row in enumerate(chunk) if i not in drop]
            columns = list(zip_longest(*chunk, fillvalue="")) if chunk else []
        if chunk:
            width = len(columns)
            arrays = {}
            for pos in positions:
                c = lo + pos
                values = columns[c] if c < width else ("",) * len(chunk)
                arrays[pos] = pa.array(_texts(values), pa.string())
            checker.add(arrays, len(chunk))
        if cancel is not None:
            cancel.raise_if_cancelled()


def _arrow_body(raw, head, layout, classifier, checker, positions, cancel) -> None:
    """The body of a big CSV through Arrow (as ``scan.table_scan._scan_batches`` reads it)."""
    import pyarrow.compute as pc

    from catalog_app.scan import csv_arrow

    lo, hi = layout.first_col, layout.first_col + layout.width
    body = [len(r) for r in head[layout.data_row :] if r]
    n_fields = max(set(body), key=body.count) if body else hi
    if n_fields < hi:
        raise csv_arrow.FastPathUnsuitable("rows narrower than the header")
    for batch, _invalid in raw.arrow_batches(layout.data_row, n_fields):
        columns = batch.columns
        keys = columns[lo : min(hi, lo + 3)]
        flagged: set[str] = set()
        for key in keys:
            flagged.update(csv_arrow.suspect_values(key, classifier.is_suspect))
        drop = np.zeros(batch.num_rows, dtype=bool)
        if flagged:
            value_set = pa.array(sorted(flagged), pa.string())
            mask = None
            for key in keys:
                hit = pc.is_in(key, value_set=value_set)
                mask = hit if mask is None else pc.or_(mask, hit)
            for i in np.flatnonzero(mask.to_numpy(zero_copy_only=False)).tolist():
                if classifier.classify([c[i].as_py() for c in columns]) != "data":
                    drop[i] = True
        for extra in columns[hi:]:
            drop |= (csv_arrow.lengths(extra) > 0) & ~drop
        if drop.any():
            batch = batch.filter(pa.array(~drop))
        if batch.num_rows:
            checker.add({pos: batch.column(lo + pos) for pos in positions}, batch.num_rows)
        if cancel is not None:
            cancel.raise_if_cancelled()
