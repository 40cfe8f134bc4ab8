"""One RawTable -> TableResult: header band, row classes, streamed column profiles."""

from __future__ import annotations

from itertools import chain, islice

from catalog_app.progress import CancelToken
from catalog_app.scan.header import HEAD_ROWS, RowClassifier, detect_header
from catalog_app.scan.models import RawTable, TableResult
from catalog_app.scan.profile import TableProfiler


def scan_table(
    raw: RawTable,
    override: tuple[int, int] | None = None,
    cancel: CancelToken | None = None,
) -> TableResult | None:
    """Profile a table; None when the sheet holds nothing at all."""
    rows = raw.iter_rows()
    head = list(islice(rows, HEAD_ROWS))
    if not any(any(cell not in ("", None) for cell in row) for row in head):
        return None
    layout = detect_header(head, raw.origin, raw.merged, override)
    classifier = RowClassifier(layout.first_col, layout.width)
    profiler = TableProfiler(layout.labels, layout.first_col)
    body_start = 0 if layout.header_row is None else layout.header_row + layout.header_rows
    counts = {"data": 0, "blank": 0, "total": 0, "footnote": 0}
    ragged = 0
    limit = layout.first_col + layout.width
    classify = classifier.classify
    buffer = profiler.buffer
    chunk = profiler.CHUNK
    for row in chain(head[body_start:], rows):
        kind = classify(row)
        counts[kind] += 1
        if kind != "data":
            continue
        if len(row) > limit and any(row[limit:]):
            ragged += 1  # more cells than the header: shifted by broken quoting, kept out of stats
            continue
        buffer.append(row)
        if len(buffer) >= chunk:
            profiler.flush()
            buffer = profiler.buffer
            if cancel is not None:
                cancel.raise_if_cancelled()
    columns = profiler.finish()
    warnings = list(raw.warnings)
    if ragged:
        warnings.append(
            f"머리글보다 칸이 많은 행 {ragged}개는 통계에서 뺐습니다 (따옴표 오류 의심)."
        )
    origin_row, origin_col = raw.origin
    layout.header_row = None if layout.header_row is None else layout.header_row + origin_row
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
        columns=columns,
        warnings=warnings,
    )
