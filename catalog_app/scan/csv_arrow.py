"""The fast path for large CSV files: Arrow's multi-threaded C++ reader and column kernels.

The csv module path costs a Python object per cell; on a million-row file that is most of the
time. Here the body is parsed by ``pyarrow.csv`` into string columns and profiled with Arrow
kernels (value counts, lengths, regex counts), so Python only sees distinct values, samples and
the few rows that may be totals or footnotes. The header band still comes from the csv module
path, so both agree on where the body starts. A file the Arrow reader cannot take the same way
(many rows with a wrong number of fields, undecodable bytes) goes back to the tolerant path.

A CP949 file is parsed as bytes (its delimiters, quotes and newlines are ASCII bytes that never
occur inside a two-byte character) and each column of a batch is decoded on its own: a column
that is pure ASCII (ids, dates, amounts, phone numbers) is already UTF-8 and costs nothing, the
others are decoded in one call per batch. Arrow's own transcoding would run Python's codec over
the whole file first (1.3 of 2.2 CPU seconds on a 1M-row file).
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
# Python, but only for the distinct values this prefilter lets through. It spells out what
# is_suspect looks for (blank or padded cells, long notes, footnote markers, numbered notes,
# total words with any spaces, values starting with a total word), so a name such as 소연희 or
# 전민수 no longer reaches Python.
_TOTALS = "|".join(
    " *".join(word)
    for word in ("합계", "소계", "계", "총계", "총합계", "누계", "누적", "전체", "총", "합")
    + ("전국계", "총합", "total", "sum", "subtotal", "grandtotal")
)
_SPACE = r"[\s\x{1c}-\x{1f}\x{85}\p{Z}]"  # what str.isspace() takes (\s alone is ASCII)
_DIGIT = r"\p{Nd}"  # what Python's \d takes
_SUSPECT = (
    rf"^(?:$|{_SPACE}|.*{_SPACE}$|.{{60,}}|[※*＊☞]|주 ?[):]|자료 ?:|자료출처|출처 ?:|\(출처|비고 ?:"
    rf"|note|Note|NOTE|합계|소계|총계|누계|누적|총합계|주{_SPACE}*{_DIGIT}+\)|\(주{_DIGIT}*\)"
    rf"|{_DIGIT}+\){_SPACE})|\n|^ *(?i:{_TOTALS}) *$"
    rf"|^(?:합 *계|소 *계|총 *계|누 *계|누 *적|총 *합 *계){_SPACE}*[\(\[（]"
)


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
    as_bytes = encoding == "cp949"  # decoded column by column (_decoded)

    def on_invalid(_row) -> str:
        nonlocal invalid
        invalid += 1
        return "skip"

    try:
        reader = pacsv.open_csv(
            path,
            read_options=pacsv.ReadOptions(
                encoding="utf-8" if encoding == "utf-8-sig" or as_bytes else encoding,
                column_names=names,
                skip_rows_after_names=skip_rows,
                block_size=BLOCK_BYTES,
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, invalid_row_handler=on_invalid
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.binary() if as_bytes else pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        rows = 0
        for batch in reader:
            rows += batch.num_rows
            if invalid > max(20, rows * MAX_INVALID_SHARE):
                raise FastPathUnsuitable(f"{invalid} rows with a different number of fields")
            yield (_decoded(batch, encoding) if as_bytes else batch), invalid
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise FastPathUnsuitable(str(exc)) from exc


def _decoded(batch: pa.RecordBatch, encoding: str) -> pa.RecordBatch:
    """A batch of byte columns as string columns (raises UnicodeDecodeError like a decode)."""
    columns = [decode_column(c, encoding) for c in batch.columns]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def decode_column(column: pa.Array, encoding: str) -> pa.Array:
    """A binary array in a single- or double-byte ASCII-compatible encoding as UTF-8 strings.

    Pure ASCII is reinterpreted in place. Otherwise the values are decoded in one call, joined by
    NUL bytes (a value ending in half a character thus fails, as it would in the file, where a
    delimiter follows it), and split again at the NULs of the UTF-8 text; a value holding a NUL
    itself is decoded one by one.
    """
    n = len(column)
    data, offsets = _utf8(column)
    lo, hi = int(offsets[0]), int(offsets[-1])
    body = data[lo:hi]
    if not len(body) or int(body.max()) < 0x80:
        validity, offsets_buffer, data_buffer = column.buffers()
        return pa.Array.from_buffers(
            pa.string(), n, [validity, offsets_buffer, data_buffer], offset=column.offset
        )
    ends = offsets[1:] - lo + np.arange(n)  # where each value's NUL goes
    joined = np.zeros(len(body) + n, dtype=np.uint8)
    keep = np.ones(len(joined), dtype=bool)
    keep[ends] = False
    joined[keep] = body
    text = np.frombuffer(str(memoryview(joined), encoding).encode("utf-8"), dtype=np.uint8)
    nuls = np.flatnonzero(text == 0)
    if len(nuls) != n:  # NUL bytes inside values: rare, done value by value
        encoded = [v.decode(encoding).encode("utf-8") for v in column.to_pylist()]
        new_offsets = np.zeros(n + 1, dtype=np.int32)
        np.cumsum([len(e) for e in encoded], out=new_offsets[1:])
        utf8 = pa.py_buffer(b"".join(encoded))
        return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(new_offsets), utf8])
    new_offsets = np.zeros(n + 1, dtype=np.int32)
    new_offsets[1:] = nuls - np.arange(n)
    utf8 = text[text != 0]
    return pa.Array.from_buffers(
        pa.string(), n, [None, pa.py_buffer(new_offsets), pa.py_buffer(utf8)]
    )


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

    Each value is read eight bytes at a time (unaligned loads from the buffer, the bytes past
    its end masked off), each word mixed into the running hash (splitmix64's finaliser), the
    length mixed in first: a few vector operations per eight bytes, not per byte. Values longer
    than ``_WORDS_MAX`` bytes take a polynomial hash over their bytes instead (a 4 MB field
    would otherwise need half a million passes). Deterministic across runs, one family per
    column (``hash_texts`` gives the same hash for Python strings).
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


_WORDS_MAX = 256  # bytes: longer values are hashed byte by byte (_poly_hash)
# _MASKS[k] keeps the low k bytes of a little-endian word.
_MASKS = np.array([(1 << (8 * k)) - 1 for k in range(8)] + [(1 << 64) - 1], dtype=np.uint64)
_SEED = np.uint64(0x243F6A8885A308D3)


def _hash_utf8(data: np.ndarray, rel: np.ndarray) -> np.ndarray:
    size = int(rel[-1]) if len(rel) else 0
    starts = rel[:-1]
    lengths = rel[1:] - starts
    padded = np.zeros(size + 8, dtype=np.uint8)
    padded[:size] = data[:size]
    # words[i] = the eight bytes from padded[i] on, little-endian (overlapping, unaligned view)
    words = np.ndarray((size + 1,), dtype="<u8", buffer=padded, strides=(1,))
    with np.errstate(over="ignore"):
        h = _SEED ^ (lengths.astype(np.uint64) * _MIX2)
        longest = int(lengths.max()) if len(lengths) else 0
        idx = None  # the values still longer than the bytes mixed in so far (None: all)
        for k in range(0, min(longest, _WORDS_MAX), 8):
            if k and idx is None and int(lengths.min()) <= k:
                idx = np.flatnonzero(lengths > k)
            elif idx is not None:
                idx = idx[lengths[idx] > k]
            if idx is None:
                left = np.minimum(lengths - k, 8)
                h = _finish((h ^ (words[starts + k] & _MASKS[left])) * _MIX1)
            else:
                left = np.minimum(lengths[idx] - k, 8)
                w = words[starts[idx] + k] & _MASKS[left]
                h[idx] = _finish((h[idx] ^ w) * _MIX1)
        if longest > _WORDS_MAX:
            big = np.flatnonzero(lengths > _WORDS_MAX)
            for i in big.tolist():
                h[i] = _poly_hash(data[int(starts[i]) : int(rel[i + 1])])
        h = _finish(h)
    return h.view(np.int64)


def _poly_hash(data: np.ndarray) -> np.uint64:
    """sum(key[byte_i] * R**i) with a random key per byte value, for one long value."""
    with np.errstate(over="ignore"):
        terms = _BYTE_KEYS[data] * _powers(_RADIX, len(data))
        return np.uint64(terms.sum(dtype=np.uint64)) ^ (np.uint64(len(data)) * _MIX1)


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


def _int32s(values: pa.Array) -> np.ndarray:
    """An int32 array without nulls as a numpy view (to_numpy may import pandas)."""
    start = values.offset
    return np.frombuffer(values.buffers()[1], dtype=np.int32)[start : start + len(values)]


def longest(values: pa.Array, floor: int) -> tuple[int, int]:
    """The most characters of any value, and the most bytes under the standard's rule of any
    trimmed value if more than ``floor`` (else ``floor``).

    The rule's bytes of an untrimmed value (characters + non-ASCII characters, from the UTF-8
    lead bytes) bound its trimmed figure from above, so only the values whose bound passes the
    best figure so far are trimmed and measured, longest bound first: usually one small block.
    """
    if not len(values):
        return 0, floor
    data, offsets = _utf8(values)
    lo, hi = int(offsets[0]), int(offsets[-1])
    body = data[lo:hi]
    nbytes = offsets[1:] - offsets[:-1]
    if not len(body) or int(body.max()) < 0x80:
        chars = bound = nbytes
    else:
        chars = _int32s(pc.utf8_length(values)).astype(np.int64)
        if np.any((body & 0xE0) == 0xC0):  # two-byte characters (·, Ω …): count the leads
            leads = np.zeros(len(body) + 1, dtype=np.int64)
            np.cumsum(body >= 0xC0, out=leads[1:])
            rel = offsets - lo
            bound = chars + (leads[rel[1:]] - leads[rel[:-1]])
        else:  # every other character takes 3 or 4 bytes: at most (bytes - chars) / 2 of them
            bound = chars + (nbytes - chars) // 2
    most_chars = int(chars.max())
    best = floor
    if 2 * most_chars <= floor:
        return most_chars, best
    candidates = np.flatnonzero(bound > floor)
    order = candidates[np.argsort(-bound[candidates], kind="stable")]
    for block in range(0, len(order), 256):
        picked = order[block : block + 256]
        if int(bound[picked[0]]) <= best:
            break
        indices = pa.Array.from_buffers(pa.int64(), len(picked), [None, pa.py_buffer(picked)])
        trimmed = pc.utf8_trim_whitespace(values.take(indices))
        best = max(best, max_byte_length(trimmed))
    return most_chars, best


_NUMBER = r"^\s*[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$"


def _beyond(values: pa.Array, into) -> pa.Array | None:
    """The values that, read without their thousands separators, fall outside the range found
    so far (None when some do not read as numbers: blanks, text): only those need the exact
    number pattern, the values inside the range cannot change it."""
    try:
        numbers = pc.cast(
            pc.replace_substring(pc.utf8_trim_whitespace(values), ",", ""), pa.float64()
        )
    except pa.ArrowInvalid:
        return None
    if into.lo is None:
        return values
    read = np.frombuffer(numbers.buffers()[1], dtype=np.float64)[: len(numbers)]
    outside = np.flatnonzero((read < into.lo) | (read > into.hi))
    return values.take(
        pa.Array.from_buffers(pa.int64(), len(outside), [None, pa.py_buffer(outside)])
    )


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
        found = _beyond(values, into)
        if found is not None:
            values = found
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
