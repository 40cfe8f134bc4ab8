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
from collections import Counter
from collections.abc import Sequence

from catalog_app.scan.models import ColumnProfile, PiiInfo
from catalog_app.scan.pii import detect_pii, mask_value
from catalog_app.scan.values import ValueInfo, byte_length, classify_value, is_blank, value_pattern

EXACT_DISTINCT = 5_000
KMV_K = 2048
SAMPLE_STRIDE = 64  # overflow columns: every 64th value is classified
PATTERN_DISTINCT = 5000  # patterns are counted over the first distinct values
TOP_N = 10
SAMPLES_N = 5
PII_SAMPLE = 2000
TYPE_SHARE = 0.95
_HASH_SPACE = float(1 << 64)
_MASK64 = (1 << 64) - 1
_MIX = 0x9E3779B97F4A7C15  # Fibonacci hashing: spreads hash(1.0) == 1 and friends
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


class _DistinctSketch:
    """K-minimum-values estimate of the number of distinct values (used after overflow)."""

    def __init__(self, k: int = KMV_K):
        self.k = k
        self.values: set[int] = set()
        self.threshold = None

    def add_hashes(self, hashes) -> None:
        thr = self.threshold
        if thr is not None:
            hashes = [h for h in hashes if h < thr]
        self.values.update(hashes)
        if len(self.values) > 2 * self.k:  # prune in batches: nsmallest is the costly part
            self._prune()

    def _prune(self) -> None:
        self.values = set(heapq.nsmallest(self.k, self.values))
        self.threshold = max(self.values)

    def estimate(self) -> int:
        if len(self.values) > self.k:
            self._prune()
        if len(self.values) < self.k:
            return len(self.values)
        kth = (max(self.values) + (1 << 63)) / _HASH_SPACE
        return int(round((self.k - 1) / kth)) if kth > 0 else len(self.values)


def _hashes(values, typed: bool) -> set[int]:
    """Signed 64-bit hashes. str hashes are already uniform (SipHash); typed cells are mixed first
    because hash(1.0) == 1 and friends would crowd the bottom of the range."""
    if not typed:
        return set(map(hash, values))
    return {((h * _MIX) & _MASK64) - (1 << 63) for h in set(map(hash, values))}


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
        self.sample_offset = 0
        self.sketch: _DistinctSketch | None = None
        # overflow-mode figures
        self.ov_nulls = 0
        self.ov_maxlen = 0
        self.ov_maxbytes = 0
        self.ov_kinds: Counter = Counter()
        self.ov_infos: list[tuple[ValueInfo, int]] = []

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

    def _start_overflow(self) -> None:
        self.overflow = True
        self.sketch = _DistinctSketch()
        self.sketch.add_hashes(_hashes([k for k in self.counts if not is_blank(k)], self.typed))

    def _update_overflow(self, values: Sequence[object]) -> None:
        # Exact: null count, longest text (chars and 한글=2 bytes). Estimated: distinct (KMV),
        # type and min/max (every SAMPLE_STRIDE-th value).
        self.ov_nulls += values.count("") + values.count("-")
        if self.typed:
            self.ov_nulls += values.count(None)
        self.sketch.add_hashes(_hashes(values, self.typed))
        texts = [v for v in values if type(v) is str] if self.typed else values
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
        step = SAMPLE_STRIDE
        start = self.sample_offset
        self.sample_offset = (start - len(values)) % step
        for value in values[start::step]:
            info = classify_value(value)
            if info is not None:
                self.ov_kinds[info.kind] += step
                self.ov_infos.append((info, step))

    # ------------------------------------------------------------------ finish
    def finish(self) -> ColumnProfile:
        profile = ColumnProfile(index=self.index, label=self.label, value_count=self.rows)
        merged: dict[str, int] = {}
        kinds: Counter = Counter()
        fmts: Counter = Counter()
        patterns: Counter = Counter()
        ranges = {"num": _Range(), "dt": _Range(), "time": _Range(), "text": _Range()}
        nulls = 0
        maxlen = maxbytes = decimals = 0
        yyyymmdd = 0

        num_range, dt_range, time_range, text_range = (
            ranges["num"],
            ranges["dt"],
            ranges["time"],
            ranges["text"],
        )

        def take(info: ValueInfo, n: int) -> None:
            nonlocal decimals, yyyymmdd
            kind = info.kind
            kinds[kind] += n
            text = info.text
            if kind == "text" or kind == "code" or kind == "flag":
                text_range.add(text, text)
                return
            if kind == "integer":
                num_range.add(info.normalized, text)
            elif kind == "decimal":
                num_range.add(info.normalized, text)
                if info.decimals > decimals:
                    decimals = info.decimals
            elif kind == "date" or kind == "datetime":
                fmts[info.fmt] += n
                dt_range.add(_dt_key(info), text)
                if info.fmt == "YYYYMMDD":
                    yyyymmdd += n
                    num_range.add(int(text), text)
            elif kind == "time":
                fmts[info.fmt] += n
                time_range.add(info.normalized, text)
            text_range.add(text, text)

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
            take(info, n)
            size = len(text)
            if size > maxlen:
                maxlen = size
            if size * 2 > maxbytes:
                b = byte_length(text)
                if b > maxbytes:
                    maxbytes = b
        if self.overflow:
            nulls += self.ov_nulls
            maxlen = max(maxlen, self.ov_maxlen)
            maxbytes = max(maxbytes, self.ov_maxbytes)
            for info, n in self.ov_infos:
                take(info, n)

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
        if kind != "flag":
            profile.min_value, profile.max_value = chosen.lo_text, chosen.hi_text
        total_patterns = sum(patterns.values())
        if total_patterns:
            pattern, count = patterns.most_common(1)[0]
            if pattern is not None:
                profile.pattern = pattern
                profile.pattern_share = round(count / total_patterns, 4)
        ordered = sorted(merged.items(), key=lambda kv: -kv[1])  # stable: first seen wins ties
        profile.top_values = ordered[:TOP_N]
        profile.samples = list(merged)[:SAMPLES_N]
        finding = detect_pii(self.label, list(merged)[:PII_SAMPLE])
        if finding is not None:
            profile.pii = PiiInfo(finding.kind, finding.share, finding.reason, finding.source)
            _mask(profile, finding.kind)
        return profile


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


def _mask(profile: ColumnProfile, kind: str) -> None:
    """Personal data never reaches the catalog: samples, top values and min/max are masked."""
    profile.samples = [mask_value(v, kind) for v in profile.samples]
    profile.top_values = [(mask_value(v, kind), n) for v, n in profile.top_values]
    if profile.min_value is not None:
        profile.min_value = mask_value(profile.min_value, kind)
    if profile.max_value is not None:
        profile.max_value = mask_value(profile.max_value, kind)
    profile.masked = True


class TableProfiler:
    """Feeds data rows to one accumulator per column, in chunks transposed with ``zip``."""

    CHUNK = 5000

    def __init__(self, labels: Sequence[str], first_col: int):
        self.lo = first_col
        self.width = len(labels)
        self.columns = [ColumnAccumulator(i, label) for i, label in enumerate(labels)]
        self.buffer: list[list] = []

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
