"""One RawTable -> TableResult: header band, row classes, streamed column profiles.

The body is read in chunks of rows; each chunk is transposed once (``zip_longest``, in C) and the
columns go straight to the profiler, so no Python code runs per cell and per row only for the few
rows that may be totals or footnotes.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import chain, islice, zip_longest

import numpy as np

from catalog_app.progress import CancelToken
from catalog_app.scan.header import HEAD_ROWS, RowClassifier, detect_header
from catalog_app.scan.models import RawTable, TableResult
from catalog_app.scan.pii.context import judge_table
from catalog_app.scan.profile import TableProfiler

CHUNK_ROWS = 500  # small enough to stay in CPU cache; larger chunks measured slower


@dataclass
class ReadHook:
    """Read one table's body again into another consumer than the profiler (the
    re-identification check counts groups of values: ``privacy.regroup``). The same readers,
    header detection and row classes as the scan, so the rows are the rows the profile saw."""

    table_index: int
    make: Callable  # (labels, first_col) -> an object with add_columns, add_arrow, finish
    consumer: object = None


READ_HOOK: ContextVar[ReadHook | None] = ContextVar("READ_HOOK", default=None)


@contextmanager
def _gc_paused():
    """The loop makes millions of short-lived lists and tuples and no reference cycles; the cyclic
    collector would only re-walk them (measured: 10-25% of the scan time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def head_size(raw: RawTable, override: tuple[int, int] | None) -> int:
    """Rows read before deciding where the header is."""
    if override is not None:  # a clerk may point at a header further down than we look
        return max(HEAD_ROWS, override[0] - raw.origin[0] + override[1] + 1)
    return HEAD_ROWS


def scan_table(
    raw: RawTable,
    override: tuple[int, int] | None = None,
    cancel: CancelToken | None = None,
) -> TableResult | None:
    """Profile a table; None when the sheet holds nothing at all."""
    rows = raw.iter_rows()
    head = list(islice(rows, head_size(raw, override)))
    if not any(any(cell not in ("", None) for cell in row) for row in head):
        return None
    layout = detect_header(head, raw.origin, raw.merged, override)
    lo, hi = layout.first_col, layout.first_col + layout.width
    classifier = RowClassifier(lo, layout.width)
    hook = READ_HOOK.get()
    if hook is not None:
        profiler = hook.consumer = hook.make(layout.labels, lo)
    else:
        profiler = TableProfiler(layout.labels, lo)
    body_start = layout.data_row
    counts = {"data": 0, "blank": 0, "total": 0, "footnote": 0}
    ragged = 0
    if raw.arrow_batches is not None:
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # the csv module stops after the head; Arrow's reader takes the body
        from catalog_app.scan.csv_arrow import FastPathUnsuitable

        try:
            ragged = _scan_batches(raw, head, layout, classifier, profiler, counts, cancel)
        except FastPathUnsuitable:
            raw.arrow_batches = None
            return scan_table(raw, override, cancel)
    else:
        body = chain(head[body_start:], rows)
        with _gc_paused():
            while chunk := list(islice(body, CHUNK_ROWS)):
                ragged += _add_chunk(chunk, classifier, profiler, counts, lo, hi, raw.text_source)
                if cancel is not None:
                    cancel.raise_if_cancelled()
    columns_out = profiler.finish()
    person_level = judge_table(columns_out)  # needs every column; before anything is stored
    warnings = list(raw.warnings)
    if ragged:
        warnings.append(
            f"머리글보다 칸이 많은 행 {ragged}개는 통계에서 뺐습니다 (따옴표 오류나 밀린 칸 의심)."
        )
    origin_row, origin_col = raw.origin
    layout.header_row = None if layout.header_row is None else layout.header_row + origin_row
    layout.data_row += origin_row
    layout.first_col += origin_col
    return TableResult(
        index=raw.index,
        name=raw.name,
        hidden=raw.hidden,
        layout=layout,
        origin=raw.origin,
        row_count=counts["data"],
        blank_rows=counts["blank"],
        total_rows=counts["total"],
        footnote_rows=counts["footnote"],
        ragged_rows=ragged,
        columns=columns_out,
        warnings=warnings,
        person_level=person_level,
    )


def _add_chunk(chunk, classifier, profiler, counts, lo, hi, text_source) -> int:
    """Classify one chunk of rows, feed its data rows to the profiler; returns the shifted rows."""
    columns = list(zip_longest(*chunk, fillvalue=""))
    special, kinds = classifier.split(chunk, columns)
    for kind, n in kinds.items():
        counts[kind] += n
    drop = set(special)
    ragged = 0
    # In text files, more cells than the header means a row shifted by broken quoting. In a
    # sheet, cells right of the table are notes; they are simply outside the table.
    for extra in columns[hi:] if text_source else ():
        for i, value in enumerate(extra):
            if value and i not in drop:
                drop.add(i)
                ragged += 1
    if drop:
        chunk = [row for i, row in enumerate(chunk) if i not in drop]
        columns = list(zip_longest(*chunk, fillvalue="")) if chunk else []
    counts["data"] += len(chunk)
    if chunk:
        width = len(columns)
        profiler.add_columns(
            [columns[c] if c < width else ("",) * len(chunk) for c in range(lo, hi)]
        )
    return ragged


def _scan_batches(raw, head, layout, classifier, profiler, counts, cancel) -> int:
    """The body of a big CSV through Arrow; returns rows left out as shifted or malformed."""
    from catalog_app.scan import csv_arrow

    hi = layout.first_col + layout.width
    body = [len(r) for r in head[layout.data_row :] if r]
    n_fields = max(set(body), key=body.count) if body else hi
    if n_fields < hi:
        raise csv_arrow.FastPathUnsuitable("rows narrower than the header")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="profile") as worker:
        return _batches_with(worker, raw, layout, classifier, profiler, counts, cancel, n_fields)


def _batches_with(worker, raw, layout, classifier, profiler, counts, cancel, n_fields) -> int:
    """Read and classify batch k+1 while the worker profiles batch k (Arrow and numpy kernels
    release the GIL, so the two overlap on a second core)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from catalog_app.scan import csv_arrow

    lo, hi = layout.first_col, layout.first_col + layout.width
    shifted = malformed = 0
    pending = None
    for batch, invalid in raw.arrow_batches(layout.data_row, n_fields):
        malformed = invalid
        columns = batch.columns
        keys = columns[lo : min(hi, lo + 3)]
        flagged: set[str] = set()
        for key in keys:
            flagged.update(csv_arrow.suspect_values(key, classifier.is_suspect))
        mask = None
        if flagged:
            value_set = pa.array(sorted(flagged), pa.string())
            for key in keys:
                hit = pc.is_in(key, value_set=value_set)
                mask = hit if mask is None else pc.or_(mask, hit)
        drop = np.zeros(batch.num_rows, dtype=bool)
        if mask is not None:
            for i in np.flatnonzero(mask.to_numpy(zero_copy_only=False)).tolist():
                kind = classifier.classify([c[i].as_py() for c in columns])
                if kind != "data":
                    counts[kind] += 1
                    drop[i] = True
        for extra in columns[hi:]:  # cells beyond the header: a row shifted by broken quoting
            extra_hit = (csv_arrow.lengths(extra) > 0) & ~drop
            shifted += int(extra_hit.sum())
            drop |= extra_hit
        if drop.any():
            batch = batch.filter(pa.array(~drop))
        counts["data"] += batch.num_rows
        if batch.num_rows:
            if pending is not None:
                pending.result()  # one batch in flight: memory stays bounded
            pending = worker.submit(profiler.add_arrow, [batch.column(c) for c in range(lo, hi)])
        if cancel is not None:
            cancel.raise_if_cancelled()
    if pending is not None:
        pending.result()
    return shifted + malformed
