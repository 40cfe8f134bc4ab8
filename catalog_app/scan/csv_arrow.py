"""The fast path for large CSV files: Arrow's multi-threaded C++ reader and column kernels.

The csv module path costs a Python object per cell; on a million-row file that is most of the
time. Here the body is parsed by ``pyarrow.csv`` into string columns and profiled with Arrow
kernels (value counts, lengths, regex counts), so Python only sees distinct values, samples and
the few rows that may be totals or footnotes. The header band still comes from the csv module
path, so both agree on where the body starts. A file the Arrow reader cannot take the same way
(many rows with a wrong number of fields, undecodable bytes) goes back to the tolerant path.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

BLOCK_BYTES = (
    2 * 1024 * 1024
)  # measured: 1 MB 3.6 s / 234 MB, 2 MB 3.3 s / 317 MB, 4 MB 3.4 s / 445 MB
MAX_INVALID_SHARE = 0.001  # rows whose field count differs: a few are counted, many -> fallback
ENCODINGS = {"utf-8", "utf-8-sig", "cp949"}
# A key cell that may make its row special (see RowClassifier.is_suspect): checked exactly in
# Python, but only for the distinct values this prefilter lets through.
_SUSPECT = r"^(?:$|\s|.*\s$|.{60,}|[※*＊주자출(비nN☞합소계총누전tTsSgG]|\d+\))|\n"


class FastPathUnsuitable(Exception):
    """The Arrow reader cannot read this file the way the csv module path would."""


def usable(size: int, encoding: str, errors: str) -> bool:
    return encoding in ENCODINGS and errors == "strict"


def iter_batches(
    path: str, encoding: str, delimiter: str, n_fields: int, skip_rows: int
) -> Iterator[tuple[pa.RecordBatch, int]]:
    """Yield (batch of string columns, rows skipped so far for a wrong number of fields)."""
    names = [f"c{i}" for i in range(n_fields)]
    invalid = 0

    def on_invalid(_row) -> str:
        nonlocal invalid
        invalid += 1
        return "skip"

    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(
                encoding="utf-8" if encoding == "utf-8-sig" else encoding,
                column_names=names,
                skip_rows_after_names=skip_rows,
                block_size=BLOCK_BYTES,
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, invalid_row_handler=on_invalid
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        rows = 0
        for batch in reader:
            rows += batch.num_rows
            if invalid > max(20, rows * MAX_INVALID_SHARE):
                raise FastPathUnsuitable(f"{invalid} rows with a different number of fields")
            yield batch, invalid
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise FastPathUnsuitable(str(exc)) from exc


def every_nth(values: pa.Array, start: int, step: int) -> list[str]:
    """values[start::step] as Python strings (indices built from buffers: pa.array() on a numpy
    array would import pandas)."""
    idx = np.arange(start, len(values), step, dtype=np.int64)
    indices = pa.Array.from_buffers(pa.int64(), len(idx), [None, pa.py_buffer(idx)])
    return values.take(indices).to_pylist()


def lengths(values: pa.Array) -> np.ndarray:
    """Byte length of every value (numpy, from the offsets)."""
    _, offsets = _utf8(values)
    return offsets[1:] - offsets[:-1]


def blank_count(values: pa.Array) -> int:
    """Values that are '' or '-' (the same blanks the csv path counts), from the raw buffers.

    Done in numpy: handing pyarrow a Python str scalar would make it import pandas (0.3 s).
    """
    data, offsets = _utf8(values)
    size = offsets[1:] - offsets[:-1]
    single = offsets[:-1][size == 1]
    return int(np.count_nonzero(size == 0) + np.count_nonzero(data[single] == ord("-")))


def suspect_values(column: pa.Array, is_suspect) -> list[str]:
    """Distinct values of a key column that could make a row blank, a total or a footnote."""
    distinct = pc.unique(column)
    maybe = distinct.filter(pc.match_substring_regex(distinct, _SUSPECT))
    return [v for v in maybe.to_pylist() if is_suspect(v)]


_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
# A fixed random 64-bit value per byte value: the hash is a random linear form over the bytes.
_BYTE_KEYS = np.random.default_rng(20261121).integers(0, 2**63, size=256, dtype=np.uint64) * 2 + 1


def _utf8(values: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The UTF-8 bytes of a string array and its offsets, as numpy views (no copies)."""
    buffers = values.buffers()
    start = values.offset
    offsets = np.frombuffer(buffers[1], dtype=np.int32)[start : start + len(values) + 1]
    data = buffers[2]
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    return raw, offsets.astype(np.int64)


def _finish(h: np.ndarray) -> np.ndarray:
    h ^= h >> np.uint64(30)
    h *= _MIX1
    h ^= h >> np.uint64(27)
    h *= _MIX2
    h ^= h >> np.uint64(31)
    return h


_RADIX = np.uint64(0x9E3779B97F4A7C15)  # odd, so it has an inverse modulo 2**64
_RADIX_INV = np.uint64(pow(0x9E3779B97F4A7C15, -1, 1 << 64))


_POWER_CACHE: dict[int, np.ndarray] = {}


def _powers(base: np.uint64, n: int) -> np.ndarray:
    """base**0 … base**(n-1) modulo 2**64, from a cache that grows to the largest batch column."""
    cached = _POWER_CACHE.get(int(base))
    if cached is None or len(cached) < n:
        size = max(n, 1 << 16, 0 if cached is None else 2 * len(cached))
        cached = np.full(size, base, dtype=np.uint64)
        cached[0] = 1
        cached = np.cumprod(cached, dtype=np.uint64)
        _POWER_CACHE[int(base)] = cached
    return cached[:n]


def _string_sums(weights: np.ndarray, rel: np.ndarray, out_dtype) -> np.ndarray:
    """Sum of ``weights`` over each string's bytes (``rel``: offsets from 0); 0 for empty ones."""
    starts = rel[:-1]
    nonempty = rel[1:] > starts
    sums = np.zeros(len(starts), dtype=out_dtype)
    if nonempty.any():
        sums[nonempty] = np.add.reduceat(weights, starts[nonempty])
    return sums


def hashes(values: pa.Array) -> np.ndarray:
    """A 64-bit hash of every value, computed on the UTF-8 bytes in numpy (no Python strings).

    A polynomial hash sum(key[byte_i] * R**i) with a random key per byte value, taken over the
    whole buffer at once and shifted to each string's start with the inverse power of R, then
    mixed with the length (splitmix64): deterministic across runs, one family per column.
    """
    data, offsets = _utf8(values)
    lo, hi = int(offsets[0]), int(offsets[-1])
    return _hash_utf8(data[lo:hi], offsets - lo)


def hash_texts(texts: list[str]) -> np.ndarray:
    """The same hash for Python strings (values an exact counter already holds)."""
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return _hash_utf8(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets)


def _hash_utf8(data: np.ndarray, rel: np.ndarray) -> np.ndarray:
    size = int(rel[-1]) if len(rel) else 0
    with np.errstate(over="ignore"):
        terms = _BYTE_KEYS[data[:size]]
        terms *= _powers(_RADIX, size)
        h = _string_sums(terms, rel, np.uint64)
        h *= _powers(_RADIX_INV, size + 1)[rel[:-1]]
        h ^= (rel[1:] - rel[:-1]).astype(np.uint64) * _MIX2
        h = _finish(h)
    return h.view(np.int64)


# Standard's byte rule per UTF-8 byte: ASCII 1, a lead byte (a non-ASCII character) 2, a
# continuation byte 0.
_RULE_BYTES = np.array([1] * 0x80 + [0] * 0x40 + [2] * 0x40, dtype=np.int32)


def max_byte_length(values: pa.Array) -> int:
    """Longest value under the standard's rule (ASCII 1 byte, anything else 2)."""
    if not len(values):
        return 0
    data, offsets = _utf8(values)
    lo, hi = int(offsets[0]), int(offsets[-1])
    if hi == lo:
        return 0
    return int(_string_sums(_RULE_BYTES[data[lo:hi]], offsets - lo, np.int32).max())


_NUMBER = r"^\s*[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$"


def number_extremes(values: pa.Array, into, direct: bool = True) -> bool:
    """Exact min/max of the numeric values of a column chunk (into a profile _Range).

    Returns whether a direct cast worked, so a column with separators or stray text stops trying.
    """
    numbers = None
    if direct:
        try:  # clean numbers (ids, coordinates) cast directly
            numeric, numbers = values, pc.cast(values, pa.float64())
        except pa.ArrowInvalid:
            direct = False
    if numbers is None:
        numeric = values.filter(pc.match_substring_regex(values, _NUMBER))
        if not len(numeric):
            return direct
        cleaned = pc.replace_substring(pc.utf8_trim_whitespace(numeric), ",", "")
        numbers = pc.cast(cleaned, pa.float64())
    lo, hi = pc.min_max(numbers).values()
    lo_i = pc.index(numbers, lo).as_py()
    hi_i = pc.index(numbers, hi).as_py()
    into.add(lo.as_py(), numeric[lo_i].as_py().strip())
    into.add(hi.as_py(), numeric[hi_i].as_py().strip())
    return direct
