"""An xlsx shared-string table kept compact, and the small table each slice of a big sheet needs.

Excel writes every text of a workbook once, in ``xl/sharedStrings.xml``, and the cells point at
it by index. A 200,000-row sheet has about a million entries (28 MB of XML); a list of a million
``bytes`` objects cost 60 MB more than the text and grew with the rows. Here the entries
(``<si>…</si>`` as written) lie end to end in one blob with an array of offsets; a table bigger
than ``SPILL_BYTES`` goes to a temporary file, read through a map whose pages are handed back
every few thousand entries, so only the offsets (4 bytes an entry) stay in memory.

Each slice of a big sheet (``xlsx_stream``) gets a table of only the entries it uses. Earlier
each slice kept the original numbering and padded the unused entries with ``<si/>``: every
slice made calamine parse up to a million empty entries, and the padding grew with the table,
so a sheet's cost grew with the square of its rows. Two ways, both linear:

- :meth:`SharedStrings.marked` (the cells as Excel writes them, ``t="s"><v>N</v>``): one
  replace in C turns each shared cell into text ``U+E000 N``; the used entries go to a second
  sheet of the slice's workbook, one per row, so calamine decodes them as in a whole read
  (rich text, entities, ``_x000D_``); the caller swaps the marks for those texts. No Python work
  per cell besides one dictionary look-up.
- :meth:`SharedStrings.for_slice` (any other markup): the cells' indices are rewritten, the
  entries renumbered from 0 in index order.
"""

from __future__ import annotations

import contextlib
import mmap
import re
import tempfile
import threading
import zipfile
from dataclasses import dataclass

import numpy as np

__all__ = ["MARK", "SPILL_BYTES", "Marked", "SharedStrings", "SST_HEAD", "load_shared_strings"]

SPILL_BYTES = 8 << 20  # tables bigger than this live in a temporary file
LADDER_WIDTH = 1000  # entries per row of the ladder sheet
RELEASE_EVERY = 2048  # entries copied out of the map before its pages are handed back
_READ = 4 << 20
SST_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main">'
)
_SI = re.compile(rb"<si>.*?</si>|<si/>|<si\s[^>]*?/>|<si\s[^>]*>.*?</si>", re.S)
# A shared-string cell's index: the text before it, the digits (split keeps both).
_SHARED_REF = re.compile(rb'(\bt="s"[^>]*>\s*<v>)(\d+)(?=</v>)')
_SHARED_MARK = b't="s"'
_PLAIN_CELL = b' t="s"><v>'  # how Excel and most writers put it
_PLAIN_REF = re.compile(rb' t="s"><v>(\d+)</v>')
MARK = "\ue000"  # a private-use character: never in the slice (checked), so never ambiguous
_MARK_BYTES = MARK.encode("utf-8")
_MARKED_CELL = b' t="str"><v>' + _MARK_BYTES


@dataclass
class Marked:
    """A slice with its shared cells turned into marks, and what decodes them."""

    xml: bytes
    table: bytes  # the shared-string table of the used entries, in index order
    ladder: bytes  # sheet data: entry j of ``table`` at row j // LADDER_WIDTH
    forms: list[bytes]  # each index as written in the cells …
    positions: list[int]  # … and its row in the ladder

    def names(self, rows: list[list]) -> dict[str, object]:
        """Mark -> text, given the ladder as calamine read it (``to_python``: rows from the
        first, cells from column A; a row may end early where its last entries are empty)."""
        decoded: list = []
        for row in rows:
            decoded.extend(row)
            decoded.extend([""] * (LADDER_WIDTH - len(row)))
        decoded.extend([""] * (len(self.forms) + 1))  # entries past the range: empty
        # the marks as calamine gives them ("\ue000" + the index as written), made in C
        marks = (b"\n" + _MARK_BYTES + (b"\n" + _MARK_BYTES).join(self.forms)).decode()
        texts = map(decoded.__getitem__, self.positions)
        return dict(zip(marks.split("\n")[1:], texts, strict=True))


class SharedStrings:
    """The entries of a shared-string table, end to end, with their offsets."""

    def __init__(self) -> None:
        self.count = 0
        self._blob = bytearray()
        self._offsets: list[np.ndarray] = [np.zeros(1, dtype=np.uint64)]
        self._size = 0
        self._file = None  # the blob, once the table is over SPILL_BYTES …
        self._map = None  # … read through a read-only map of the file
        self._lock = threading.Lock()  # the ladder is grown by two reader threads
        self._ladder = bytearray()
        self._ladder_ends = [0]

    # ---------------------------------------------------------------- building
    def add(self, entries: list[bytes]) -> None:
        if not entries:
            return
        data = b"".join(entries)
        ends = np.cumsum(np.fromiter(map(len, entries), np.uint64, len(entries)))
        self._offsets.append(ends + np.uint64(self._size))
        self._size += len(data)
        self.count += len(entries)
        if self._file is None and self._size > SPILL_BYTES:
            self._file = tempfile.TemporaryFile(prefix="catalog_sst_")  # noqa: SIM115 - closed by close()
            self._file.write(self._blob)
            self._blob = bytearray()
        if self._file is not None:
            self._file.write(data)
        else:
            self._blob += data

    def seal(self) -> None:
        offsets = np.concatenate(self._offsets)
        self._offsets = []
        if self._size < (1 << 32):
            offsets = offsets.astype(np.uint32)  # 4 bytes an entry
        self._offsets = [offsets]
        if self._file is not None:
            self._file.flush()
            if self._size:
                self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        else:
            self._blob = bytes(self._blob)

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None
        if self._file is not None:
            self._file.close()
            self._file = None

    # ---------------------------------------------------------------- reading
    def _source(self):
        return self._blob if self._map is None else self._map

    def entries(self, wanted: list[int]) -> bytes:
        """The entries at ``wanted`` (repeats allowed), end to end. From a temporary file, the
        pages read are handed back afterwards: they stay in the system's file cache, not in
        this process (its memory does not grow with the table)."""
        if not wanted:
            return b""
        idx = np.asarray(wanted, dtype=np.int64)
        offsets = self._offsets[0]
        source = self._source()
        out = []
        for at in range(0, len(idx), RELEASE_EVERY):  # a bounded number of pages at a time
            part = idx[at : at + RELEASE_EVERY]
            starts = offsets[part].tolist()
            stops = offsets[part + 1].tolist()
            out.append(b"".join([source[a:b] for a, b in zip(starts, stops, strict=True)]))
            self._release()
        return b"".join(out)

    def _release(self) -> None:
        if self._map is not None and hasattr(mmap, "MADV_DONTNEED"):
            with contextlib.suppress(OSError, ValueError):
                self._map.madvise(mmap.MADV_DONTNEED)

    def everything(self) -> bytes:
        out = bytes(self._source()[: self._size])
        self._release()
        return out

    def marked(self, xml: bytes) -> Marked | None:
        """The slice with marks for its shared cells (see the module docstring); None when its
        markup is not the plain form, it holds the mark character already, or a cell points
        past the table (the other way keeps those as the whole read does)."""
        if not self.count or _MARK_BYTES in xml:
            return None
        refs = _PLAIN_REF.findall(xml)
        if not refs or xml.count(_SHARED_MARK) != len(refs):
            return None
        forms = list(set(refs))
        numbers = np.fromiter(map(int, forms), np.int64, len(forms))
        if int(numbers.max()) >= self.count:
            return None
        used, positions = np.unique(numbers, return_inverse=True)  # sorting: faster here
        positions = positions.tolist()
        return Marked(
            xml.replace(_PLAIN_CELL, _MARKED_CELL),
            SST_HEAD + self.entries(used.tolist()) + b"</sst>",
            self.ladder(len(used)),
            forms,
            positions,
        )

    def ladder(self, n: int) -> bytes:
        """Entries 0…n - 1 as shared-string cells, ``LADDER_WIDTH`` to a row, positions left to
        the order (short markup: calamine parses this beside the slice). Kept and grown, as a
        prefix; a cut between rows closes the last row."""
        with self._lock:
            have = len(self._ladder_ends) - 1
            if have < n:
                grow = max(n, 2 * have) - have
                cells = [
                    (b"<row>" if j % LADDER_WIDTH == 0 else b"")
                    + b'<c t="s"><v>%d</v></c>' % j
                    + (b"</row>" if j % LADDER_WIDTH == LADDER_WIDTH - 1 else b"")
                    for j in range(have, have + grow)
                ]
                ends = np.cumsum(np.fromiter(map(len, cells), np.int64, len(cells)))
                self._ladder_ends.extend((ends + len(self._ladder)).tolist())
                self._ladder += b"".join(cells)
            end = bytes(self._ladder[: self._ladder_ends[n]])
        return end if n % LADDER_WIDTH == 0 else end + b"</row>"

    def for_slice(self, xml: bytes) -> tuple[bytes, bytes]:
        """The slice's XML with its shared-string indices renumbered, and the table that
        numbering needs (the entries it uses, in index order; indices past the table stay past
        it, as in the whole workbook)."""
        if not self.count:
            return xml, SST_HEAD + b"</sst>"
        parts = _SHARED_REF.split(xml)
        refs = parts[2::3]
        if xml.count(_SHARED_MARK) != len(refs):  # markup the pattern misses: the whole table
            return xml, SST_HEAD + self.everything() + b"</sst>"
        if not refs:
            return xml, SST_HEAD + b"</sst>"
        keys = sorted(set(refs), key=int)
        number = {key: b"%d" % i for i, key in enumerate(keys)}
        parts[2::3] = [number[r] for r in refs]
        inside = [int(k) for k in keys if int(k) < self.count]
        return b"".join(parts), SST_HEAD + self.entries(inside) + b"</sst>"


def load_shared_strings(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> SharedStrings:
    """Read the table in pieces (the package went through the guard's caps already)."""
    table = SharedStrings()
    tail = b""
    with zf.open(info) as fh:
        while True:
            data = fh.read(_READ)
            if not data:
                break
            buf = tail + data
            cut = buf.rfind(b"</si>")
            if cut < 0:
                tail = buf
                continue
            cut += len(b"</si>")
            table.add(_SI.findall(buf, 0, cut))
            tail = buf[cut:]
    table.add(_SI.findall(tail))
    table.seal()
    return table
