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

from catalog_app.scan.models import ColumnProfile, PiiInfo
from catalog_app.scan.pii import inspect_column
from catalog_app.scan.pii.context import mask_profile
from catalog_app.scan.values import ValueInfo, byte_length, classify_value, is_blank, value_pattern

EXACT_DISTINCT = 5_000
KMV_K = 4096  # about 1.6% standard error
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
_HASH_SPACE = float(1 << 64)
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


class _DistinctSketch:
    """K-minimum-values estimate of the number of distinct values (used after overflow).

    Keeps the k smallest distinct 64-bit hashes seen; with the k-th smallest at fraction u of
    the hash range, about (k - 1) / u distinct values exist. Works on numpy arrays in batches.
    """

    def __init__(self, k: int = KMV_K):
        self.k = k
        self.kept = np.empty(0, dtype=np.int64)
        self.pending: list[np.ndarray] = []
        self.pending_n = 0
        self.threshold: int | None = None

    def add_hashes(self, hashes: np.ndarray) -> None:
        if self.threshold is not None:
            hashes = hashes[hashes < self.threshold]
        if len(hashes):
            self.pending.append(hashes)
            self.pending_n += len(hashes)
            if self.pending_n > 4 * self.k:
                self._merge()

    def _merge(self) -> None:
        if self.pending:
            merged = np.unique(np.concatenate([self.kept, *self.pending]))
            self.kept = merged[: self.k]
            self.pending, self.pending_n = [], 0
            if len(self.kept) == self.k:
                self.threshold = int(self.kept[-1])

    def estimate(self) -> int:
        self._merge()
        if len(self.kept) < self.k:
            return len(self.kept)
        kth = (int(self.kept[-1]) + (1 << 63)) / _HASH_SPACE
        return int(round((self.k - 1) / kth)) if kth > 0 else len(self.kept)


def _hashes(values, typed: bool) -> np.ndarray:
    """Signed 64-bit hashes. str hashes are already uniform (SipHash); typed cells are mixed first
    because hash(1.0) == 1 and friends would crowd the bottom of the range."""
    h = np.fromiter(map(hash, values), dtype=np.int64, count=len(values))
    if typed:  # splitmix64 finaliser: float hashes carry long runs of zero bits
        u = h.view(np.uint64)
        with np.errstate(over="ignore"):
            u ^= u >> np.uint64(30)
            u *= np.uint64(0xBF58476D1CE4E5B9)
            u ^= u >> np.uint64(27)
            u *= np.uint64(0x94D049BB133111EB)
            u ^= u >> np.uint64(31)
    return h


def _array_hashes(values) -> np.ndarray:
    """The Arrow path's hash family (csv_arrow.hashes) for values already counted in Python."""
    from catalog_app.scan import csv_arrow

    return csv_arrow.hash_texts([str(v) for v in values])


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
        self.sketch: _DistinctSketch | None = None
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
        longest = pc.max(pc.utf8_length(values)).as_py() or 0
        self.ov_maxlen = max(self.ov_maxlen, longest)
        if longest * 2 > self.ov_maxbytes:
            trimmed = pc.utf8_trim_whitespace(values)
            self.ov_maxbytes = max(self.ov_maxbytes, csv_arrow.max_byte_length(trimmed))

    def _count_arrow(self, values, pc, force: bool = False) -> bool:
        """Add a chunk's value counts to the exact counter if it fits (or when forced)."""
        counted = pc.value_counts(values)
        keys = counted.field("values").to_pylist()
        room = EXACT_DISTINCT - len(self.counts)
        if force or len(keys) <= room or len(set(keys) - self.counts.keys()) <= room:
            counts = counted.field("counts").to_pylist()
            self.counts.update(dict(zip(keys, counts, strict=True)))
            return True
        return False

    def _start_overflow(self) -> None:
        self.overflow = True
        self.sketch = _DistinctSketch()
        keys = [k for k in self.counts if not is_blank(k)]
        self.sketch.add_hashes(
            _array_hashes(keys) if self.array_mode else _hashes(keys, self.typed)
        )

    def _update_overflow(self, values: Sequence[object]) -> None:
        # Exact: null count, longest text (chars and 한글=2 bytes). Estimated: distinct (KMV),
        # type and min/max (every SAMPLE_STRIDE-th value).
        self.ov_nulls += values.count("") + values.count("-")
        if self.typed:
            self.ov_nulls += values.count(None)
        self.sketch.add_hashes(_hashes(values, self.typed))
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
    def finish(self) -> ColumnProfile:  # noqa: C901 (27; to be split, issue 16)
        profile = ColumnProfile(index=self.index, label=self.label, value_count=self.rows)
        merged: dict[str, int] = {}
        kinds: Counter = Counter()
        fmts: Counter = Counter()
        patterns: Counter = Counter()
        nulls = 0
        decimals = yyyymmdd = 0
        # (key, text) of the values that have an order, in the order they come: min()/max() keep
        # the first of equal keys, as a running minimum would, and run in C.
        numbers: list[tuple] = []
        moments: list[tuple] = []
        times: list[tuple] = []
        sampled_texts: list[str] = []

        def sort_in(info: ValueInfo, n: int) -> None:
            nonlocal decimals, yyyymmdd
            kind = info.kind
            if kind == "integer" or kind == "decimal":
                numbers.append((info.normalized, info.text))
                if info.decimals > decimals:
                    decimals = info.decimals
            elif kind == "date" or kind == "datetime":
                fmts[info.fmt] += n
                moments.append((_dt_key(info), info.text))
                if info.fmt == "YYYYMMDD":
                    yyyymmdd += n
                    numbers.append((int(info.text), info.text))
            elif kind == "time":
                fmts[info.fmt] += n
                times.append((info.normalized, info.text))

        # One pass per distinct value: classify, merge equal texts, count its shape and kind;
        # lengths and text ends are taken over the merged texts afterwards, in C.
        for raw, n in self.counts.items():
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
                sort_in(info, n)
        maxlen = max(map(len, merged), default=0)
        maxbytes = max(map(byte_length, merged), default=0)
        if self.overflow:
            nulls += self.ov_nulls
            maxlen = max(maxlen, self.ov_maxlen)
            maxbytes = max(maxbytes, self.ov_maxbytes)
            for info, n in self.ov_infos:
                kinds[info.kind] += n
                sampled_texts.append(info.text)
                if info.kind not in _UNORDERED:
                    sort_in(info, n)
        ranges = {
            "num": _range_of(numbers),
            "dt": _range_of(moments),
            "time": _range_of(times),
            "text": _range_of([(t, t) for t in (min(merged), max(merged))] if merged else [])
            if not sampled_texts
            else _range_of([(t, t) for t in chain(merged, sampled_texts)]),
        }

        nonnull = self.rows - nulls
        profile.null_count = nulls
        profile.null_ratio = round(nulls / self.rows, 6) if self.rows else 1.0
        profile.type_counts = dict(kinds)
        profile.distinct_exact = not self.overflow
        profile.distinct_count = self.sketch.estimate() if self.overflow else len(merged)
        profile.max_len_chars = maxlen
        profile.max_len_bytes = maxbytes
        if nonnull <= 0:
            profile.inferred_type, profile.type_share = "empty", 0.0
            return profile
        seen = sum(kinds.values()) or 1
        kind, share = decide_type(kinds, yyyymmdd, seen)
        profile.inferred_type, profile.type_share = kind, round(share, 4)
        profile.decimal_places = decimals if kind == "decimal" else 0
        if kind in ("date", "datetime", "time") and fmts:
            profile.date_format = fmts.most_common(1)[0][0]
        rng = {"integer": "num", "decimal": "num", "date": "dt", "datetime": "dt", "time": "time"}
        chosen = ranges[rng.get(kind, "text")]
        if kind in ("integer", "decimal") and self.ov_numbers.lo is not None:
            chosen = _merged_range(chosen, self.ov_numbers)
        if kind != "flag":
            profile.min_value, profile.max_value = chosen.lo_text, chosen.hi_text
        if kind in ("date", "datetime") and moments:
            # date text -> sort key, each text once at its first place (as the values came)
            profile.date_tails = _tails({text: key for key, text in moments})
        total_patterns = sum(patterns.values())
        if total_patterns:
            pattern, count = patterns.most_common(1)[0]
            if pattern is not None:
                profile.pattern = pattern
                profile.pattern_share = round(count / total_patterns, 4)
        ordered = sorted(merged.items(), key=lambda kv: -kv[1])  # stable: first seen wins ties
        profile.top_values = ordered[:TOP_N]
        profile.samples = list(merged)[:SAMPLES_N]
        sample = list(merged)[:PII_SAMPLE] if len(merged) > PII_SAMPLE else list(merged)
        finding, profile.evidence = inspect_column(self.label, sample, kind)
        if finding is not None:
            profile.privacy = PiiInfo(
                finding.kind,
                finding.share,
                finding.reason,
                finding.source,
                finding.personal,
                finding.quasi_identifier,
                finding.sensitive,
            )
            if finding.personal:  # the table-level judgement may say otherwise; masked anyway
                profile.pii = profile.privacy
                mask_profile(profile, finding.kind)
        return profile


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
    for value in texts:
        text = value.strip()
        if _NUMBER.match(text):
            into.add(float(text.replace(",", "")), text)


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
