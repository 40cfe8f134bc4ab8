"""How many distinct values a column has, estimated once it has too many to count.

A column profile counts its values exactly up to ``profile.EXACT_DISTINCT`` distinct ones; past
that (ids, names, addresses) it feeds 64-bit hashes of its values to a K-minimum-values sketch,
which keeps memory bounded however long the file is. Two hash families: Python's ``hash`` for
values counted in Python (mixed first for typed cells) and Arrow's for the big-CSV path; one
column uses one family throughout.
"""

from __future__ import annotations

import numpy as np

__all__ = ["KMV_K", "DistinctSketch", "array_hashes", "value_hashes"]

KMV_K = 4096  # about 1.6% standard error
_HASH_SPACE = float(1 << 64)


class DistinctSketch:
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


def value_hashes(values, typed: bool) -> np.ndarray:
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


def array_hashes(values) -> np.ndarray:
    """The Arrow path's hash family (csv_arrow.hashes) for values already counted in Python."""
    from catalog_app.scan import csv_arrow

    return csv_arrow.hash_texts([str(v) for v in values])
