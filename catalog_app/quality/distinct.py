"""One chunk column as the rules see it, and one rule's running counts and samples.

Each chunk column is trimmed, its blanks counted and its non-blank values dictionary-encoded:
rules judge the *distinct* values (``kernels``) and verdicts are weighted by how often each value
occurs. Error samples are masked like the profiles: with the column's personal-data kind, and any
sample that is itself a personal value (a phone number in a 비고 column) through
``pii.label.safe_label``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from catalog_app.quality import kernels
from catalog_app.quality.model import ColumnPlan, RuleOutcome, RuleSpec
from catalog_app.scan.pii.label import safe_label
from catalog_app.scan.pii.mask import mask_value

__all__ = ["MAX_SAMPLES", "Distinct", "RuleState", "mask_sample"]

MAX_SAMPLES = 5


def mask_sample(value: str, pii_kind: str | None) -> str:
    """A value as it may be shown or stored: masked when its column is personal, and masked
    whatever the column when the value itself is a personal value."""
    if pii_kind:
        return mask_value(value, pii_kind)
    return safe_label(value)


class Distinct:
    """One chunk column: its trimmed values, blanks and distinct non-blank values, with the
    readings rules share (dates, numbers) computed once on first use."""

    def __init__(self, values: pa.Array):
        trimmed = pc.utf8_trim_whitespace(
            values.cast(pa.string()) if values.type != pa.string() else values
        )
        self.rows = len(trimmed)
        # encode once, blanks included; blankness is then judged on the distinct values only
        encoded = pc.dictionary_encode(trimmed)
        every = encoded.dictionary
        codes = np.asarray(encoded.indices.fill_null(0).to_numpy(zero_copy_only=False), np.int64)
        if len(every) == 0:  # an empty chunk
            every, codes = pa.array([""], pa.string()), np.zeros(self.rows, np.int64)
        blank_values = kernels.blank_mask(every)
        counts = np.bincount(codes, minlength=len(every)).astype(np.int64)
        self.blank = blank_values[codes]
        if blank_values.any():
            keep = ~blank_values
            remap = np.cumsum(keep) - 1
            self.values: pa.Array = every.filter(pa.array(keep))
            self.counts = counts[keep]
            self.filled_rows = np.flatnonzero(~self.blank)
            self.indices = remap[codes[self.filled_rows]]
        else:
            self.values = every
            self.counts = counts
            self.filled_rows = np.arange(self.rows, dtype=np.int64)
            self.indices = codes
        self.filled = int(len(self.indices))
        self._dates = None
        self._numbers: dict[bool, kernels.Numbers] = {}

    @property
    def dates(self) -> kernels.Dates:
        if self._dates is None:
            self._dates = kernels.parse_dates(self.values)
        return self._dates

    def numbers(self, percent: bool = True, digits: bool = False) -> kernels.Numbers:
        """Numbers read once (with or without their digit counts); ``percent=False`` counts
        '12%' as not a number."""
        parsed = self._numbers.get(True) or self._numbers.get(False)
        if parsed is None:
            parsed = self._numbers[False] = kernels.parse_numbers(self.values, True)
        if digits and True not in self._numbers:
            parsed = self._numbers[True] = kernels.number_digits(parsed, self.values)
        if percent:
            return parsed
        return kernels.Numbers(
            parsed.valid & ~parsed.percent, parsed.value, parsed.whole, parsed.scale, parsed.percent
        )

    def row_values(self, distinct: np.ndarray, fill) -> np.ndarray:
        """A per-distinct array spread over the chunk's rows (``fill`` where blank)."""
        out = np.full(self.rows, fill, dtype=distinct.dtype)
        out[self.filled_rows] = distinct[self.indices]
        return out


class RuleState:
    """One rule's counts and samples over the whole table."""

    def __init__(self, spec: RuleSpec, column: ColumnPlan, table_key: str):
        self.spec = spec
        self.column = column
        self.outcome = RuleOutcome(spec, column.column_id, table_key, column.label)
        self.counted = spec.severity == "error"

    def add_samples(self, values: Iterable[str]) -> None:
        samples = self.outcome.samples
        for value in values:
            if len(samples) >= MAX_SAMPLES:
                return
            shown = mask_sample(value, self.column.pii_kind)
            if shown not in samples:
                samples.append(shown)

    def record(self, view: Distinct, bad: np.ndarray, checked: np.ndarray | None) -> None:
        out = self.outcome
        out.checked += view.filled if checked is None else int(view.counts[checked].sum())
        hits = int(view.counts[bad].sum()) if bad.any() else 0
        out.errors += hits
        if hits and len(out.samples) < MAX_SAMPLES:
            idx = np.flatnonzero(bad)[: MAX_SAMPLES * 2]
            self.add_samples(view.values.take(pa.array(idx)).to_pylist())
