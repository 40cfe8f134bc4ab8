"""Streaming column profiles in bounded memory.

Values are counted per distinct raw value (a ``Counter`` is C-fast), so every distinct value is
classified once, not every cell. A column with more than ``EXACT_DISTINCT`` distinct values (ids,
names, addresses) switches to an overflow mode: its type and min/max come from a strided sample,
its distinct count from a KMV sketch, its lengths and null count stay exact. ``distinct_exact`` is
False for such columns so nobody mistakes the estimates for counts.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter

import numpy as np

from catalog_app.scan.distinct import DistinctSketch, array_hashes, value_hashes
from catalog_app.scan.models import ColumnProfile, PiiInfo
from catalog_app.scan.pii import inspect_column
from catalog_app.scan.pii.context import mask_profile
from catalog_app.scan.values import ValueInfo, byte_length, classify_value, is_blank, value_pattern

EXACT_DISTINCT = 5_000
SAMPLE_STRIDE = 64  # overflow columns: every 64th value is classified …
SAMPLE_CAP = 4_000
OVERFLOW_STEP = 500  # rows counted exactly per step before a column overflows (both paths)  # … until this many; then every 64*16th (a million rows need no more)
PATTERN_DISTINCT = 5000  # patterns are counted over the first distinct values
TOP_N = 10
SAMPLES_N = 5
TAILS_N = 5  # lowest and highest distinct dates kept (ColumnProfile.date_tails)
# Distinct values the personal-data detector reads per column: 500 gave the same verdict as 2,000
# on every column measured (issue 20: 11,505 columns; benchmarks/bench_pii.py) at half the CPU.
PII_SAMPLE = 500
TYPE_SHARE = 0.95
_BLANK_TOKENS = ("", " ", "-", "–", "—", "－")


class _Range:
    """Running min/max over comparable values, remembering the text of each end."""

    __slots__ = ("lo", "hi", "lo_text", "hi_text")

    def __init__(self) -> None:
        self.lo = self.hi = None
        self.lo_text = self.hi_text = None

    def add(self, key, text: str) -> None:
        if self.lo is None or key < self.lo:
            self.lo, self.lo_text = key, text
        if self.hi is None or key > self.hi:
            self.hi, self.hi_text = key, text


_UNORDERED = frozenset(("text", "code", "flag"))  # kinds whose order is only their text's


def _range_of(pairs: list[tuple]) -> _Range:
    """The running min/max of ``(key, text)`` pairs at once: the first of equal keys wins."""
    out = _Range()
    if pairs:
        first = itemgetter(0)
        out.lo, out.lo_text = min(pairs, key=first)
        out.hi, out.hi_text = max(pairs, key=first)
    return out


def _dt_key(info: ValueInfo):
    value = info.normalized
    if info.kind == "datetime":
        return value
    if info.kind == "date":
        return dt.datetime(value.year, value.month, value.day)
    return None


class ColumnAccumulator:
    """Collects one column's values chunk by chunk; ``finish`` turns them into a profile."""

    def __init__(self, index: int, label: str):
        self.index = index
        self.label = label
        self.counts: Counter = Counter()
        self.rows = 0
        self.overflow = False
        self.typed = False  # Excel cells (float, date, …) rather than CSV strings
        self.array_mode = False  # fed Arrow arrays (one hash family per column)
        self.sample_offset = 0
        self.sketch: DistinctSketch | None = None
        # overflow-mode figures
        self.ov_nulls = 0
        self.ov_maxlen = 0
        self.ov_maxbytes = 0
        self.ov_kinds: Counter = Counter()
        self.ov_infos: list[tuple[ValueInfo, int]] = []
        self.ov_numbers = _Range()  # exact min/max of numeric overflow columns
        self.cast_ok = True  # Arrow path: its numbers cast to float without cleaning

    def update(self, values: Sequence[object]) -> None:
        if not self.rows:
            self.typed = any(type(v) is not str for v in values[:200])
        self.rows += len(values)
        if not self.overflow:
            self.counts.update(values)
            if len(self.counts) > EXACT_DISTINCT:
                self._start_overflow()
            return
        self._update_overflow(values)

    def update_arrow(self, values) -> None:
        """One chunk as an Arrow string array (big CSV files): counted by Arrow kernels."""
        import pyarrow.compute as pc

        from catalog_app.scan import csv_arrow

        self.array_mode = True
        n = len(values)
        self.rows += n
        if not self.overflow:
            if self._count_arrow(values, pc):
                return
            # Like the csv path: exact counting in small steps until the counter overflows, the
            # rest of the chunk through the estimating path.
            done = 0
            while done < n and not self.overflow:
                self._count_arrow(values.slice(done, OVERFLOW_STEP), pc, force=True)
                done += OVERFLOW_STEP
                if len(self.counts) > EXACT_DISTINCT:
                    self._start_overflow()
            if done >= n:
                return
            values = values.slice(done)
            n = len(values)
        self.ov_nulls += csv_arrow.blank_count(values)
        self.sketch.add_hashes(csv_arrow.hashes(values))
        step = self._stride()
        start = self.sample_offset % step
        self.sample_offset = (start - n) % step
        picked = csv_arrow.every_nth(values, start, step)
        self._classify_sample(picked, step)
        if self._numeric():
            self.cast_ok = csv_arrow.number_extremes(values, self.ov_numbers, self.cast_ok)
        most_chars, self.ov_maxbytes = csv_arrow.longest(values, self.ov_maxbytes)
        self.ov_maxlen = max(self.ov_maxlen, most_chars)

    def _count_arrow(self, values, pc, force: bool = False) -> bool:
        """Add a chunk's value counts to the exact counter if it fits (or when forced)."""
        counted = pc.value_counts(values)
        room = EXACT_DISTINCT - len(self.counts)
        if not force and len(counted) - len(self.counts) > room:
            return False  # more new keys than room whatever the counter holds
        keys = counted.field("values").to_pylist()
        if force or len(keys) <= room or len(set(keys) - self.counts.keys()) <= room:
            counts = counted.field("counts").to_pylist()
            self.counts.update(dict(zip(keys, counts, strict=True)))
            return True
        return False

    def _start_overflow(self) -> None:
        self.overflow = True
        self.sketch = DistinctSketch()
        keys = [k for k in self.counts if not is_blank(k)]
        self.sketch.add_hashes(
            array_hashes(keys) if self.array_mode else value_hashes(keys, self.typed)
        )

    def _update_overflow(self, values: Sequence[object]) -> None:
        # Exact: null count, longest text (chars and 한글=2 bytes). Estimated: distinct (KMV),
        # type and min/max (every SAMPLE_STRIDE-th value).
        self.ov_nulls += values.count("") + values.count("-")
        if self.typed:
            self.ov_nulls += values.count(None)
        self.sketch.add_hashes(value_hashes(values, self.typed))
        step = self._stride()
        start = self.sample_offset % step
        self.sample_offset = (start - len(values)) % step
        self._classify_sample(values[start::step], step)
        if self._numeric():
            _number_extremes(values, self.ov_numbers)
        if not self.typed:
            texts = values
        elif str in set(map(type, values)):
            texts = [v for v in values if type(v) is str]
        else:
            texts = ()  # numbers and dates only: no text to measure
        if texts:
            longest = max(map(len, texts))
            if longest > self.ov_maxlen:
                self.ov_maxlen = longest
            if longest * 2 > self.ov_maxbytes:
                if "".join(texts).isascii():
                    self.ov_maxbytes = max(self.ov_maxbytes, longest)
                else:
                    floor = self.ov_maxbytes // 2
                    for text in [t for t in texts if len(t) > floor]:
                        b = byte_length(text.strip())
                        if b > self.ov_maxbytes:
                            self.ov_maxbytes = b

    def _numeric(self) -> bool:
        """Does the sample so far say this is a number column (worth exact min/max)?"""
        seen = sum(self.ov_kinds.values())
        numeric = self.ov_kinds["integer"] + self.ov_kinds["decimal"]
        return seen > 0 and numeric / seen >= 0.9

    def _stride(self) -> int:
        return SAMPLE_STRIDE if len(self.ov_infos) < SAMPLE_CAP else SAMPLE_STRIDE * 16

    def _classify_sample(self, values, weight: int) -> None:
        for value in values:
            info = classify_value(value)
            if info is not None:
                self.ov_kinds[info.kind] += weight
                self.ov_infos.append((info, weight))

    # ------------------------------------------------------------------ finish
    def finish(self) -> ColumnProfile:
        """The column's profile: counts and lengths, type, range, pattern, top values, and the
        personal-data verdict (samples masked when personal). One helper per concern."""
        tally = _Tally()
        tally.count(self.counts)
        if self.overflow:
            tally.add_sample(self.ov_infos)
        profile = ColumnProfile(index=self.index, label=self.label, value_count=self.rows)
        self._fill_counts(profile, tally)
        if self.rows - profile.null_count <= 0:
            profile.inferred_type, profile.type_share = "empty", 0.0
            return profile
        kind = _fill_type(profile, tally)
        self._fill_range(profile, tally, kind)
        _fill_pattern(profile, tally.patterns)
        _fill_values(profile, tally.merged)
        _fill_privacy(profile, tally.merged, kind)
        return profile

    def _fill_counts(self, profile: ColumnProfile, tally: _Tally) -> None:
        """Blanks, kinds, distinct values and the longest text: exact, or with what the overflow
        counted exactly (blanks, lengths) and estimated (distinct values)."""
        nulls = tally.nulls
        maxlen = max(map(len, tally.merged), default=0)
        maxbytes = max(map(byte_length, tally.merged), default=0)
        if self.overflow:
            nulls += self.ov_nulls
            maxlen = max(maxlen, self.ov_maxlen)
            maxbytes = max(maxbytes, self.ov_maxbytes)
        profile.null_count = nulls
        profile.null_ratio = round(nulls / self.rows, 6) if self.rows else 1.0
        profile.type_counts = dict(tally.kinds)
        profile.distinct_exact = not self.overflow
        profile.distinct_count = self.sketch.estimate() if self.overflow else len(tally.merged)
        profile.max_len_chars = maxlen
        profile.max_len_bytes = maxbytes

    def _fill_range(self, profile: ColumnProfile, tally: _Tally, kind: str) -> None:
        """Min and max as written (numbers: with the overflow's exact extremes), and the
        lowest and highest dates of a date column."""
        chosen = tally.range_for(kind)
        if kind in _NUMERIC and self.ov_numbers.lo is not None:
            chosen = _merged_range(chosen, self.ov_numbers)
        if kind != "flag":
            profile.min_value, profile.max_value = chosen.lo_text, chosen.hi_text
        if kind in _DATES and tally.moments:
            # date text -> sort key, each text once at its first place (as the values came)
            profile.date_tails = _tails({text: key for key, text in tally.moments})


_NUMERIC = ("integer", "decimal")
_DATES = ("date", "datetime")
_TEMPORAL = ("date", "datetime", "time")


class _Tally:
    """What one pass over a column's distinct values finds, for ``finish`` to read.

    ``merged`` counts each value text once (values that only differ in their raw form, such as
    1 and 1.0, fall together), in the order first seen; ``numbers``, ``moments`` and ``times``
    keep the ``(key, text)`` of values that have an order, in the order they come: min()/max()
    keep the first of equal keys, as a running minimum would, and run in C.
    """

    def __init__(self) -> None:
        self.merged: dict[str, int] = {}
        self.kinds: Counter = Counter()
        self.fmts: Counter = Counter()
        self.patterns: Counter = Counter()
        self.nulls = 0
        self.decimals = 0
        self.yyyymmdd = 0
        self.numbers: list[tuple] = []
        self.moments: list[tuple] = []
        self.times: list[tuple] = []
        self.sampled_texts: list[str] = []

    def count(self, counts: Counter) -> None:
        """One pass per distinct value: classify, merge equal texts, count its shape and kind;
        lengths and text ends are taken over the merged texts afterwards, in C."""
        merged, patterns, kinds = self.merged, self.patterns, self.kinds
        nulls = 0
        for raw, n in counts.items():
            info = classify_value(raw)
            if info is None:
                nulls += n
                continue
            text = info.text
            if text in merged:
                merged[text] += n
            else:
                merged[text] = n
                if len(merged) <= PATTERN_DISTINCT:
                    patterns[value_pattern(text)] += n
            kind = info.kind
            kinds[kind] += n
            if kind not in _UNORDERED:
                self.sort_in(info, n)
        self.nulls += nulls

    def add_sample(self, infos: list[tuple[ValueInfo, int]]) -> None:
        """An overflow column's classified sample, each value weighted by the rows it stands for."""
        for info, n in infos:
            self.kinds[info.kind] += n
            self.sampled_texts.append(info.text)
            if info.kind not in _UNORDERED:
                self.sort_in(info, n)

    def sort_in(self, info: ValueInfo, n: int) -> None:
        """An ordered value into its range list (YYYYMMDD dates also count as numbers)."""
        kind = info.kind
        if kind == "integer" or kind == "decimal":
            self.numbers.append((info.normalized, info.text))
            if info.decimals > self.decimals:
                self.decimals = info.decimals
        elif kind == "date" or kind == "datetime":
            self.fmts[info.fmt] += n
            self.moments.append((_dt_key(info), info.text))
            if info.fmt == "YYYYMMDD":
                self.yyyymmdd += n
                self.numbers.append((int(info.text), info.text))
        elif kind == "time":
            self.fmts[info.fmt] += n
            self.times.append((info.normalized, info.text))

    def range_for(self, kind: str) -> _Range:
        """The min/max of the values that ``kind`` orders: numbers, moments, times or texts."""
        if kind in _NUMERIC:
            return _range_of(self.numbers)
        if kind in _DATES:
            return _range_of(self.moments)
        if kind == "time":
            return _range_of(self.times)
        merged = self.merged
        if self.sampled_texts:
            return _range_of([(t, t) for t in chain(merged, self.sampled_texts)])
        return _range_of([(t, t) for t in (min(merged), max(merged))] if merged else [])


def _fill_type(profile: ColumnProfile, tally: _Tally) -> str:
    """The inferred type and its share, decimal places and the date format; returns the type."""
    seen = sum(tally.kinds.values()) or 1
    kind, share = decide_type(tally.kinds, tally.yyyymmdd, seen)
    profile.inferred_type, profile.type_share = kind, round(share, 4)
    profile.decimal_places = tally.decimals if kind == "decimal" else 0
    if kind in _TEMPORAL and tally.fmts:
        profile.date_format = tally.fmts.most_common(1)[0][0]
    return kind


def _fill_pattern(profile: ColumnProfile, patterns: Counter) -> None:
    """The most common value shape and its share (over the first ``PATTERN_DISTINCT`` values)."""
    total = sum(patterns.values())
    if total:
        pattern, count = patterns.most_common(1)[0]
        if pattern is not None:
            profile.pattern = pattern
            profile.pattern_share = round(count / total, 4)


def _fill_values(profile: ColumnProfile, merged: dict[str, int]) -> None:
    """The most frequent values (stable sort: the first seen wins ties) and the first ones."""
    profile.top_values = sorted(merged.items(), key=lambda kv: -kv[1])[:TOP_N]
    profile.samples = list(merged)[:SAMPLES_N]


def _fill_privacy(profile: ColumnProfile, merged: dict[str, int], kind: str) -> None:
    """The personal-data verdict over the first ``PII_SAMPLE`` distinct values; a personal
    column's values are masked here, before anything stores them (the table-level judgement may
    say otherwise later; masked anyway)."""
    sample = list(merged)[:PII_SAMPLE] if len(merged) > PII_SAMPLE else list(merged)
    finding, profile.evidence = inspect_column(profile.label, sample, kind)
    if finding is None:
        return
    profile.privacy = PiiInfo(
        finding.kind,
        finding.share,
        finding.reason,
        finding.source,
        finding.personal,
        finding.quasi_identifier,
        finding.sensitive,
    )
    if finding.personal:
        profile.pii = profile.privacy
        mask_profile(profile, finding.kind)


_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


_NUMBER_TYPES = frozenset((int, float))


def _number_extremes(values, into: _Range) -> None:
    """Exact numeric min/max of a chunk (plain or thousands-separated numbers; others skipped)."""
    kinds = set(map(type, values))
    if kinds <= _NUMBER_TYPES:  # typed cells only (workbooks never hold NaN): min/max in C
        numbers, texts = values, ()
    else:
        numbers = (
            [v for v in values if type(v) is int or (type(v) is float and v == v)]
            if kinds & _NUMBER_TYPES
            else ()
        )
        texts = [v for v in values if type(v) is str and v] if str in kinds else ()
    if numbers:
        for end in (min(numbers), max(numbers)):
            info = classify_value(end)
            if info is not None:
                into.add(end, info.text)
    if texts:
        _text_number_extremes(texts, into)


# ``_NUMBER`` over the values of a chunk joined by newlines: one regex pass in C finds the
# numbers (stripped as ``str.strip`` does, ``\s`` being the same Unicode whitespace).
_NUMBER_LINES = re.compile(r"^[^\S\n]*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)[^\S\n]*$", re.M)


def _text_number_extremes(texts: list[str], into: _Range) -> None:
    """``into.add(number, text)`` for every number written as text, as a loop would (the first
    of equal values wins), with the per-value work in C: a chunk of amounts costs one regex
    pass and one ``float`` per number instead of a strip, a match and a call per value."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a value spans lines: one at a time
        for value in texts:
            text = value.strip()
            if _NUMBER.match(text):
                into.add(float(text.replace(",", "")), text)
        return
    found = _NUMBER_LINES.findall(joined)
    if not found:
        return
    numbers = (t.replace(",", "") for t in found) if "," in joined else found
    keys = np.fromiter(map(float, numbers), dtype=np.float64, count=len(found))
    low, high = int(keys.argmin()), int(keys.argmax())  # the first of equal keys, as a loop
    into.add(float(keys[low]), found[low])
    into.add(float(keys[high]), found[high])


def _merged_range(a: _Range, b: _Range) -> _Range:
    out = _Range()
    for r in (a, b):
        if r.lo is not None:
            out.add(r.lo, r.lo_text)
            out.add(r.hi, r.hi_text)
    return out


def decide_type(kinds: Counter, yyyymmdd: int, seen: int) -> tuple[str, float]:
    """The most specific type that covers at least 95% of the non-blank values."""
    k = kinds
    candidates = [
        ("flag", k["flag"], True),
        ("date", k["date"], True),
        ("datetime", k["date"] + k["datetime"], k["datetime"] > 0),
        ("time", k["time"], True),
        ("integer", k["integer"] + yyyymmdd, k["integer"] > 0),
        ("code", k["code"] + k["integer"] + yyyymmdd, k["code"] > 0),
        ("decimal", k["integer"] + k["decimal"] + yyyymmdd, k["decimal"] > 0),
    ]
    for name, covered, allowed in candidates:
        if allowed and covered / seen >= TYPE_SHARE:
            return name, covered / seen
    return "text", 1.0


def _tails(dates: dict[str, object]) -> dict[str, list[str]]:
    """The ``TAILS_N`` lowest (ascending) and highest (descending) distinct dates, as written."""
    items = list(dates.items())
    low = heapq.nsmallest(TAILS_N, items, key=lambda kv: kv[1])
    high = heapq.nlargest(TAILS_N, items, key=lambda kv: kv[1])
    return {"low": [t for t, _ in low], "high": [t for t, _ in high]}


class TableProfiler:
    """Feeds data rows to one accumulator per column, in chunks transposed with ``zip``."""

    CHUNK = 5000

    def __init__(self, labels: Sequence[str], first_col: int):
        self.lo = first_col
        self.width = len(labels)
        self.columns = [ColumnAccumulator(i, label) for i, label in enumerate(labels)]
        self.buffer: list[list] = []

    def add_arrow(self, columns) -> None:
        """One chunk from the Arrow CSV path: one string array per column."""
        for acc, values in zip(self.columns, columns, strict=True):
            acc.update_arrow(values)

    def add_columns(self, columns: Sequence[Sequence[object]]) -> None:
        """One chunk of data rows, already transposed: one sequence of values per column."""
        for acc, values in zip(self.columns, columns, strict=True):
            acc.update(values)

    def add(self, row: list) -> None:
        self.buffer.append(row)
        if len(self.buffer) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        buffer, self.buffer = self.buffer, []
        if not buffer or not self.width:
            return
        lo, hi, width = self.lo, self.lo + self.width, self.width
        rows = []
        for row in buffer:
            cells = row[lo:hi]
            if len(cells) < width:
                cells = list(cells) + [""] * (width - len(cells))
            rows.append(cells)
        self.add_columns(list(zip(*rows, strict=True)))

    def finish(self) -> list[ColumnProfile]:
        self.flush()
        return [acc.finish() for acc in self.columns]
