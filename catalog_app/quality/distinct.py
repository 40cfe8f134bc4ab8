"""One chunk column as the rules see it, and one rule's running counts and samples.

Each chunk column is trimmed, its blanks counted and its non-blank values dictionary-encoded:
rules judge the *distinct* values (``kernels``) and verdicts are weighted by how often each value
occurs. Error samples are masked like the profiles: with the column's personal-data kind, and any
sample that is itself a personal value (a phone number in a 비고 column) through
``pii_label.safe_label``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from catalog_app.quality import kernels
from catalog_app.quality.model import ColumnPlan, RuleOutcome, RuleSpec
from catalog_app.scan.pii_label import safe_label
from catalog_app.scan.pii_mask import mask_value

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
        self.blank = kernels.blank_mask(trimmed)
        self.filled_rows = np.flatnonzero(~self.blank)
        filled = trimmed.filter(pa.array(~self.blank)) if self.blank.any() else trimmed
        encoded = pc.dictionary_encode(filled)
        self.values: pa.Array = encoded.dictionary
        self.indices = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        self.counts = np.bincount(self.indices, minlength=len(self.values)).astype(np.int64)
        self.filled = int(len(self.indices))
        self._dates = None
        self._numbers: dict[tuple[bool, bool], kernels.Numbers] = {}

    @property
    def dates(self) -> kernels.Dates:
        if self._dates is None:
            self._dates = kernels.parse_dates(self.values)
        return self._dates

    def numbers(self, percent: bool = True, digits: bool = False) -> kernels.Numbers:
        key = (percent, digits)
        if key not in self._numbers:
            self._numbers[key] = kernels.parse_numbers(self.values, percent, digits)
        return self._numbers[key]

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
