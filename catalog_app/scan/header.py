"""Header detection: find the real header band of a sheet and classify the rows below it.

Government sheets put title, unit and date rows above the header, start tables below or right of
A1, split headers over several rows (merged cells, or merges flattened into repeated or blank
labels), and end with total and footnote rows. This module turns the first rows of a table into a
:class:`HeaderLayout` and gives a cheap per-row classifier for the streamed body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from catalog_app.scan.models import HeaderLayout, MergedRange
from catalog_app.scan.pii.label import label_pii_kind
from catalog_app.scan.values import classify_value, is_blank

HEAD_ROWS = 60  # rows read before deciding where the header is
MAX_HEADER_START = 40  # a header further down than this is not looked for
MAX_HEADER_ROWS = 6

TOTAL_WORDS = frozenset(
    ["합계", "소계", "계", "총계", "총합계", "누계", "누적", "전체", "총", "합", "전국계", "총합"]
    + ["total", "sum", "subtotal", "grandtotal"]
)
# First characters of every footnote marker and total word (plus digits for '1) 주석'):
# a key cell starting with anything else cannot make its row special.
_SUSPECT_FIRST = frozenset("※*＊주자출(비nN☞합소계총누전tTsSgG0123456789")
# A line (one value) that ``RowClassifier.is_suspect`` may flag: empty, whitespace at an end, 60
# characters or more, a first character of _SUSPECT_FIRST other than a digit, or a digit first
# and a ")" later. A superset: each line found is checked by is_suspect itself.
_MAYBE_SUSPECT = re.compile(
    r"^(?:|[^\S\n][^\n]*|[^\n]*[^\S\n]|[^\n]{60,}"
    r"|["
    + "".join(sorted(c for c in _SUSPECT_FIRST if not c.isdigit())).replace("*", "\\*")
    + r"][^\n]*|\d[^\n]*\)[^\n]*)$",
    re.M,
)
_TOTAL_STARTS = ("합계", "소계", "총계", "누계", "누적", "총합계")
_TOTAL_PREFIX = re.compile(r"^(합계|소계|총계|누계|누적|총합계)\s*[\(\[（]")
FOOTNOTE_MARKERS = ("※", "*", "＊", "주)", "주 )", "주:", "주 :", "자료:", "자료 :", "자료출처")
FOOTNOTE_MARKERS += ("출처:", "출처 :", "(출처", "비고:", "비고 :", "note", "Note", "NOTE", "☞")
_FOOTNOTE_NUMBERED = re.compile(r"^(주\s*\d+\)|\(주\d*\)|\d+\)\s)")
_DATAISH = re.compile(r"^[-+]?[\d,]*\.?\d+\s*%?$|^[-–—－]$")
_YEAR_LABEL = re.compile(r"^(19|20)\d\d\s*(년|년도)?$")
# Unit, reference-date and source notes that sit above a header: "(단위 : km)", "2020.12.31 기준".
_NOTE_CELL = re.compile(r"단위\s*[:：]|^\(.*\)$|^\[.*\]$|(기준|현재)\s*\)?$|^출처|^자료")


def cell_text(value: object) -> str:
    """The text a clerk sees in a cell, whitespace-normalised (NBSP, newlines, runs of spaces)."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        info = classify_value(value)
        text = info.text if info else ""
    return " ".join(text.split())


def _cell_kind(value: object) -> str:
    """'blank', 'label' (text or a year), or 'data' (numbers, dates, codes, flags)."""
    if is_blank(value):
        return "blank"
    text = cell_text(value)
    if _YEAR_LABEL.match(text):
        return "label"
    info = classify_value(value)
    if info is None:
        return "blank"
    return "label" if info.kind in ("text", "flag") else "data"


def is_total_label(text: str) -> bool:
    key = text.replace(" ", "").lower()
    return key in TOTAL_WORDS or bool(_TOTAL_PREFIX.match(key))


def is_footnote_text(text: str) -> bool:
    return text.startswith(FOOTNOTE_MARKERS) or bool(_FOOTNOTE_NUMBERED.match(text))


class _Grid:
    """The head rows as texts and kinds, with merged ranges made relative to the origin."""

    def __init__(self, head: Sequence[Sequence[object]], origin: tuple[int, int], merged):
        self.n_rows = len(head)
        self.n_cols = max((len(r) for r in head), default=0)
        self.text = [[""] * self.n_cols for _ in range(self.n_rows)]
        self.kind = [["blank"] * self.n_cols for _ in range(self.n_rows)]
        self.personal: set[int] = set()  # rows holding a personal value: never a header
        for r, row in enumerate(head):
            for c, value in enumerate(row):
                k = _cell_kind(value)
                if k != "blank":
                    self.text[r][c] = cell_text(value)
                    if k == "label" and label_pii_kind(self.text[r][c]):
                        k = "data"  # 010-1234-5678 is somebody's number, not a column name
                        self.personal.add(r)
                    elif k == "data" and label_pii_kind(self.text[r][c]):
                        self.personal.add(r)
                self.kind[r][c] = k
        orow, ocol = origin
        self.merged = [
            MergedRange(
                m.first_row - orow, m.first_col - ocol, m.last_row - orow, m.last_col - ocol
            )
            for m in merged
        ]
        self.covered: dict[tuple[int, int], tuple[int, int]] = {}
        for m in self.merged:
            for r in range(max(m.first_row, 0), min(m.last_row, self.n_rows - 1) + 1):
                for c in range(max(m.first_col, 0), min(m.last_col, self.n_cols - 1) + 1):
                    if (r, c) != (m.first_row, m.first_col):
                        self.covered[(r, c)] = (m.first_row, m.first_col)

    def fill(self, r: int, lo: int = 0, hi: int | None = None) -> int:
        hi = self.n_cols if hi is None else hi
        return sum(1 for c in range(lo, hi) if self.kind[r][c] != "blank")

    def merged_text(self, r: int, c: int) -> str:
        if self.text[r][c]:
            return self.text[r][c]
        src = self.covered.get((r, c))
        if src and 0 <= src[0] < self.n_rows and 0 <= src[1] < self.n_cols:
            return self.text[src[0]][src[1]]
        return ""


def _used_columns(grid: _Grid) -> tuple[int, int]:
    """First and last column of the table: taken from rows with two or more cells, so a title or a
    stray mark ('.') in column A does not widen a table that starts in column B."""
    used: set[int] = set()
    single: set[int] = set()
    for r in range(grid.n_rows):
        cells = [c for c in range(grid.n_cols) if grid.kind[r][c] != "blank"]
        (used if len(cells) > 1 else single).update(cells)
    used = used or single
    if not used:
        return 0, 0
    return min(used), max(used)


def _is_total_row(grid: _Grid, r: int, lo: int, hi: int) -> bool:
    seen = 0
    for c in range(lo, hi):
        if grid.kind[r][c] == "blank":
            continue
        seen += 1
        if grid.kind[r][c] == "label" and is_total_label(grid.text[r][c]):
            return True
        if seen >= 2:
            break
    return False


def _span_fill(grid: _Grid, r: int, lo: int, hi: int) -> int:
    """Filled cells, counting the columns a horizontal merge covers."""
    return sum(
        1
        for c in range(lo, hi)
        if grid.kind[r][c] != "blank" or grid.covered.get((r, c), (None, -1))[0] == r
    )


def _header_start(grid: _Grid, lo: int, hi: int) -> int | None:
    width = hi - lo
    limit = min(grid.n_rows, MAX_HEADER_START)
    typical = max((grid.fill(r, lo, hi) for r in range(grid.n_rows)), default=0)
    need = 1 if width == 1 else max(2, -(-typical * 6 // 10))
    for r in range(limit):
        anchors = grid.fill(r, lo, hi)
        if anchors < min(2, need) or anchors == 0:
            continue  # blank rows and one-cell title rows
        if all(_NOTE_CELL.search(grid.text[r][c]) for c in range(lo, hi) if grid.text[r][c]):
            continue  # "(단위 : km)", "2020.12.31 기준"
        full = _span_fill(grid, r, lo, hi) >= need or _continues_header(grid, r, r + 1, lo, hi)
        if not full:
            continue
        if r in grid.personal:
            return None  # the first full row is a person's record: the file has no header
        labels = sum(1 for c in range(lo, hi) if grid.kind[r][c] == "label")
        if labels / anchors >= 0.6 and not (labels < anchors and _is_total_row(grid, r, lo, hi)):
            return r
        return None  # the first full row is data: the table has no header at all
    return None


def _continues_header(grid: _Grid, prev: int, r: int, lo: int, hi: int) -> bool:
    """Is row ``r`` one more header row under ``prev`` (sub-labels of a group)?"""
    if r >= grid.n_rows:
        return False
    kinds = grid.kind[r][lo:hi]
    if any(k == "data" for k in kinds) or all(k == "blank" for k in kinds):
        return False
    if kinds.count("label") <= 1 and _is_total_row(grid, r, lo, hi):
        return False  # a lone '계' under the header is a total row whose formulas lost their values
    for m in grid.merged:  # a horizontal merge in the previous row groups the labels below it
        spans = m.last_row == prev and m.last_col > m.first_col and lo <= m.first_col < hi
        cols = range(m.first_col, min(m.last_col + 1, hi))
        if spans and any(grid.kind[r][c] == "label" for c in cols):
            return True
        if m.first_row <= prev < r <= m.last_row and m.last_col > m.first_col:
            return True
    for c in range(lo, hi - 1):
        a, b = grid.text[prev][c], grid.text[prev][c + 1]
        if a and a == b and grid.kind[r][c] == "label":
            return True  # a merge flattened into repeated labels: 인구, 인구, 인구
        opens_group = a and not b and grid.kind[prev][c + 1] == "blank"
        if opens_group and grid.kind[r][c + 1] == "label":
            return True  # a merge flattened into a label followed by blanks
    return False


def _labels(grid: _Grid, band: range, lo: int, hi: int) -> list[str]:
    rows = list(band)
    spread: dict[int, list[str]] = {}
    for i, r in enumerate(rows):
        below = rows[i + 1 :]
        line = []
        for c in range(lo, hi):
            text = grid.merged_text(r, c)
            if not text and below and c > lo and line and line[-1]:
                has_sub = any(grid.text[b][c] for b in below)
                left_sub = any(grid.text[b][c - 1] for b in below)
                if has_sub and left_sub and (r, c) not in grid.covered:
                    text = line[-1]  # spread a flattened group label over its sub-columns
            line.append(text)
        spread[r] = line
    labels = []
    for j in range(hi - lo):
        parts: list[str] = []
        for r in rows:
            text = spread[r][j]
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        labels.append("|".join(parts))
    return labels


def _generated(labels: list[str]) -> list[str]:
    return [label or f"열{i + 1}" for i, label in enumerate(labels)]


def detect_header(
    head: Sequence[Sequence[object]],
    origin: tuple[int, int] = (0, 0),
    merged: Sequence[MergedRange] = (),
    override: tuple[int, int] | None = None,
) -> HeaderLayout:
    """Find the header band in ``head`` (the first rows of a table, relative to ``origin``).

    ``override`` is (absolute first header row, number of header rows) chosen by a clerk; 0 rows
    means "no header". Returned rows are relative to the origin.
    """
    grid = _Grid(head, origin, merged)
    if grid.n_rows == 0 or grid.n_cols == 0:
        return HeaderLayout(None, 0, 0, 0, [])
    lo, last = _used_columns(grid)
    hi = last + 1
    if override is not None:
        start = max(0, override[0] - origin[0])
        count = max(0, min(override[1], MAX_HEADER_ROWS * 2))
        if count == 0 or start >= grid.n_rows:
            labels = _generated([""] * (hi - lo))
            return HeaderLayout(None, 0, lo, hi - lo, labels, "override", data_row=start)
        band = range(start, min(start + count, grid.n_rows))
        labels = _generated(_labels(grid, band, lo, hi))
        return HeaderLayout(start, len(band), lo, hi - lo, labels, "override", data_row=band.stop)
    start = _header_start(grid, lo, hi)
    if start is None:
        return HeaderLayout(None, 0, lo, hi - lo, _generated([""] * (hi - lo)))
    end = start + 1
    while end - start < MAX_HEADER_ROWS and _continues_header(grid, end - 1, end, lo, hi):
        end += 1
    labels = _labels(grid, range(start, end), lo, hi)
    # Unlabelled columns at the right edge holding at most a stray mark are not part of the table.
    while len(labels) > 1 and not labels[-1]:
        c = lo + len(labels) - 1
        if sum(1 for r in range(end, grid.n_rows) if grid.kind[r][c] != "blank") > 1:
            break
        labels.pop()
    return HeaderLayout(start, end - start, lo, len(labels), _generated(labels), data_row=end)


class RowClassifier:
    """Tells data rows from blank, total and footnote rows, a chunk of rows at a time.

    ``split`` looks only at the distinct values of the (up to three) key columns of a chunk; a row
    goes through the full per-row :meth:`classify` only when one of its key cells could make it
    special (blank, a total word, a footnote marker, a long note). Million-row files thus cost a
    few set operations per chunk instead of a Python call per row.
    """

    def __init__(self, first_col: int, width: int):
        self.lo = first_col
        self.hi = first_col + width
        self.width = width

    @staticmethod
    def is_suspect(value: object) -> bool:
        """Could this key cell make its row blank, a total or a footnote? Cheap for the usual."""
        if type(value) is not str:
            return value is None
        if not value or len(value) >= 60 or "\n" in value:
            return True
        if value[0].isspace() or value[-1].isspace():
            return True
        first = value[0]
        if first not in _SUSPECT_FIRST:
            return False
        if first.isdigit():
            return ")" in value and bool(_FOOTNOTE_NUMBERED.match(value))
        return is_footnote_text(value) or is_total_label(value) or value.startswith(_TOTAL_STARTS)

    @classmethod
    def suspects(cls, values: set) -> set:
        """The values of ``values`` that :meth:`is_suspect` flags. The texts are joined into one
        string and a regex pass in C picks the few that may be suspect (empty, spaced at an
        end, long, or starting as a note, a total or a numbered footnote); only those go
        through :meth:`is_suspect`."""
        suspect = cls.is_suspect
        texts = [v for v in values if type(v) is str]
        flagged = {v for v in values if v is None} if len(texts) != len(values) else set()
        if not texts:
            return flagged
        joined = "\n".join(texts)
        if joined.count("\n") != len(texts) - 1:  # a value spans lines: one at a time
            return flagged | {v for v in texts if suspect(v)}
        return flagged | {v for v in _MAYBE_SUSPECT.findall(joined) if suspect(v)}

    def split(self, chunk: list[list], columns: list[tuple]) -> tuple[list[int], dict[str, int]]:
        """Indexes of the non-data rows of ``chunk`` and the count per row class.

        ``columns`` is the chunk transposed (``zip_longest``), in sheet column positions.
        """
        counts = {"blank": 0, "total": 0, "footnote": 0}
        keys = columns[self.lo : min(self.hi, self.lo + 3)]
        if not keys:
            return [], counts
        flagged = self.suspects(set().union(*keys))
        if not flagged:
            return [], counts
        candidates = sorted({i for col in keys for i, v in enumerate(col) if v in flagged})
        special = []
        for i in candidates:
            kind = self.classify(chunk[i])
            if kind != "data":
                counts[kind] += 1
                special.append(i)
        return special, counts

    def classify(self, row: Sequence[object]) -> str:
        cells = row[self.lo : self.hi]
        if not any(cells):
            return "blank"
        first = None
        keys: list[str] = []  # leading label cells: the hierarchy keys of the row
        for value in cells:
            if value == "" or value is None:
                continue
            if not isinstance(value, str):
                if first is None:
                    first = value
                break
            text = value.strip()
            if not text:
                continue
            if first is None:
                first = text
                if is_footnote_text(text) and self._fill(cells) <= 2:
                    return "footnote"
            if _DATAISH.match(text):
                break
            keys.append(text)
            if len(keys) == 3:
                break
        if first is None:
            return "blank"
        # The most specific key decides: '합계, 종로구' is a district row, '합계, 소계' a total.
        if keys and is_total_label(keys[-1]):
            return "total"
        if (
            isinstance(first, str)
            and self.width >= 4
            and ("\n" in first or len(first) >= 60)
            and self._fill(cells) == 1
        ):
            return "footnote"  # one long note spread over a wide table
        return "data"

    @staticmethod
    def _fill(cells: Sequence[object]) -> int:
        return sum(1 for v in cells if not is_blank(v))
