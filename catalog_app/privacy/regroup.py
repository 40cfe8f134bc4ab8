"""Group sizes over chosen columns of one table, by reading its file again.

The catalog keeps a profile (masked samples), not the rows, and it must not keep them; the
re-identification check needs how many rows share each combination of quasi-identifier values.
So it reads the file again at check time through the scan's own readers, header detection and
row classes (``table_scan.READ_HOOK``: same rows as the profile, totals and footnotes left out),
counts rows per combination in memory — hashed, never written anywhere — and returns only a
histogram: group size → number of groups, for all the columns and for each set leaving one out.
No value leaves this module. Workbooks are read in the reader process (``scan.isolated``), so a
native crash there costs the check of that file, not the program.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from catalog_app.progress import CancelToken
from catalog_app.scan.errors import ScanFailure

__all__ = ["GroupCounts", "group_sizes", "group_sizes_in_process"]

WORKBOOKS = ("xlsx", "xls", "xlsb", "ods")
READER = "catalog_app.privacy.regroup:group_sizes_in_process"


@dataclass
class GroupCounts:
    """Histograms of group sizes (size → number of groups); no values."""

    rows: int
    labels: list[str]  # the labels of the counted columns as this read found them
    full: dict[int, int] = field(default_factory=dict)
    without: list[dict[int, int]] = field(default_factory=list)  # leaving out column j
    alone: list[dict[int, int]] = field(default_factory=list)  # column j on its own


def _text(value: object) -> str:
    """A cell as the grouping compares it: text stripped, whole floats as integers."""
    if value is None:
        return ""
    if type(value) is str:
        return value.strip()
    if type(value) is float:
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


class _GroupCounter:
    """The profiler stand-in ``scan_table`` feeds: counts rows per value combination."""

    def __init__(self, labels, first_col: int, positions: list[int]):
        self.positions = [p for p in positions if p < len(labels)]
        self.labels = [labels[p] for p in self.positions]
        self.rows = 0
        self.full: Counter[int] = Counter()
        self.without: list[Counter[int]] = [Counter() for _ in self.positions]
        self.alone: list[Counter[str]] = [Counter() for _ in self.positions]

    def add_columns(self, columns) -> None:
        n = len(columns[0]) if columns else 0
        if not n:
            return
        self.rows += n
        picked = [[_text(v) for v in columns[p]] for p in self.positions]
        rows = list(zip(*picked, strict=True)) if picked else [()] * n
        self.full.update(map(hash, rows))
        for j, counter in enumerate(self.without):
            counter.update(hash(r[:j] + r[j + 1 :]) for r in rows)
        for counter, values in zip(self.alone, picked, strict=True):
            counter.update(values)

    def add_arrow(self, arrays) -> None:
        self.add_columns([a.to_pylist() for a in arrays])

    def finish(self) -> list:
        return []

    def result(self) -> GroupCounts:
        return GroupCounts(
            self.rows,
            self.labels,
            dict(Counter(self.full.values())),
            [dict(Counter(c.values())) for c in self.without],
            [dict(Counter(c.values())) for c in self.alone],
        )


def group_sizes_in_process(
    path: str,
    real_format: str,
    overrides: dict | None,
    table_index: int,
    positions: list[int],
    cancel: CancelToken | None = None,
) -> GroupCounts:
    """Read ``path`` again in this process and count the groups of table ``table_index``."""
    from catalog_app.scan.file_scan import excel_in_process, scan_file
    from catalog_app.scan.table_scan import READ_HOOK, ReadHook

    hook = ReadHook(table_index, lambda labels, lo: _GroupCounter(labels, lo, positions))
    token = READ_HOOK.set(hook)
    try:
        if real_format in WORKBOOKS:
            excel_in_process(path, real_format, overrides, cancel)
        else:
            scan_file(path, overrides, cancel)
    finally:
        READ_HOOK.reset(token)
    if hook.consumer is None:
        raise ScanFailure("not_found", f"표 {table_index}을(를) 다시 찾지 못했습니다")
    return hook.consumer.result()


def group_sizes(
    path: str,
    real_format: str,
    overrides: dict | None,
    table_index: int,
    positions: list[int],
    cancel: CancelToken | None = None,
) -> GroupCounts:
    """:func:`group_sizes_in_process`, in the reader process for workbooks."""
    if real_format in WORKBOOKS:
        from catalog_app.scan.isolated import call_reader

        args = (path, real_format, overrides, table_index, positions)
        return call_reader(READER, args, path, cancel)
    return group_sizes_in_process(path, real_format, overrides, table_index, positions, cancel)
