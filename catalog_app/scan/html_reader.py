"""HTML tables read as raw tables: many government "xls" downloads are HTML saved as ``.xls``.

Only the stdlib ``html.parser`` is used. Every ``<table>`` becomes one :class:`RawTable` (document
order of the opening tag); nested tables are separate tables and none of their text reaches the
cell that holds them. ``rowspan``/``colspan`` put the value in the top-left cell, leave the covered
cells ``''`` and record a :class:`MergedRange`. Unclosed ``<td>``/``<tr>``, a ``<th>`` closed by
``</td>`` and text outside cells are tolerated, as real exports have them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from catalog_app.scan.models import MergedRange, RawTable

# Limits from the HTML table algorithm (colspan <= 1000, rowspan <= 65534) and Excel's last column.
MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534
MAX_COLS = 16384

_WS_RUN = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; NBSP is content and is kept inside text
_ROW_GROUPS = {"thead", "tbody", "tfoot"}
_IGNORED = {"script", "style", "template"}


def _cell_text(parts: list[str | None]) -> str:
    """Text content with whitespace runs collapsed to one space; ``None`` (a ``<br>``) is a newline."""
    lines: list[list[str]] = [[]]
    for part in parts:
        if part is None:
            lines.append([])
        else:
            lines[-1].append(part)
    return "\n".join(_WS_RUN.sub(" ", "".join(line)).strip() for line in lines).strip()


def _span(value: str | None, limit: int, zero: int) -> int:
    """A rowspan/colspan attribute as a number (leading digits, like browsers), clamped."""
    if value is None:
        return 1
    m = re.match(r"\s*(\d+)", value)
    if not m:
        return 1
    n = int(m.group(1))
    if n == 0:
        return zero
    return min(n, limit)


@dataclass
class _Span:
    first_row: int
    first_col: int
    last_row: int
    last_col: int
    to_end: bool = False  # rowspan="0": down to the last row, so clipping is expected


@dataclass
class _Table:
    index: int
    depth: int
    table_id: str | None
    caption: list[str | None] | None = None  # text parts while inside <caption>
    caption_text: str = ""
    rows: list[dict[int, str]] = field(default_factory=list)  # origin cells only, by column
    row_ends: list[int] = field(default_factory=list)  # one past the last column used per row
    spans: list[_Span] = field(default_factory=list)  # every span > 1 (rowspans may still grow)
    open_rowspans: list[_Span] = field(default_factory=list)  # spans that reach below this row
    in_row: bool = False
    cursor: int = 0
    cell: list[str | None] | None = None  # text parts of the open cell
    cell_pos: tuple[int, int] = (0, 0)
    warnings: list[str] = field(default_factory=list)
    dropped_cells: int = 0

    # -- rows and cells ---------------------------------------------------------------------
    def start_row(self) -> None:
        self.end_row()
        self.rows.append({})
        self.row_ends.append(0)
        self.in_row = True
        self.cursor = 0
        r = len(self.rows) - 1
        self.open_rowspans = [s for s in self.open_rowspans if s.last_row >= r]
        for s in self.open_rowspans:
            self.row_ends[r] = max(self.row_ends[r], s.last_col + 1)

    def end_row(self) -> None:
        self.end_cell()
        self.in_row = False

    def _covered(self, r: int, c: int) -> bool:
        return any(s.first_col <= c <= s.last_col and s.first_row < r for s in self.open_rowspans)

    def start_cell(self, rowspan: int, colspan: int, to_end: bool = False) -> None:
        self.end_cell()
        if not self.in_row:
            self.start_row()
        r = len(self.rows) - 1
        c = self.cursor
        while self._covered(r, c):
            c += 1
        if c >= MAX_COLS:
            self.dropped_cells += 1
            self.cell = []  # read and thrown away
            self.cell_pos = (-1, -1)
            return
        colspan = min(colspan, MAX_COLS - c)
        self.cursor = c + colspan
        self.row_ends[r] = max(self.row_ends[r], c + colspan)
        if rowspan > 1 or colspan > 1:
            span = _Span(r, c, r + rowspan - 1, c + colspan - 1, to_end)
            self.spans.append(span)
            if rowspan > 1:
                self.open_rowspans.append(span)
        self.cell = []
        self.cell_pos = (r, c)

    def end_cell(self) -> None:
        if self.cell is None:
            return
        r, c = self.cell_pos
        if r >= 0:
            self.rows[r][c] = _cell_text(self.cell)
        self.cell = None

    # -- result -----------------------------------------------------------------------------
    def finish(self) -> RawTable:
        self.end_row()
        if self.caption is not None:
            self.caption_text = _cell_text(self.caption)
            self.caption = None
        n_rows = len(self.rows)
        width = max(self.row_ends, default=0)
        merged: list[MergedRange] = []
        clipped = 0
        for s in self.spans:
            last_row = min(s.last_row, n_rows - 1)
            if last_row < s.last_row and not s.to_end:
                clipped += 1
            if last_row > s.first_row or s.last_col > s.first_col:
                merged.append(MergedRange(s.first_row, s.first_col, last_row, s.last_col))
        ragged = sum(1 for end in self.row_ends if end < width)
        grid = [[row.get(c, "") for c in range(width)] for row in self.rows]
        if clipped:
            self.warnings.append(f"rowspan past the last row clipped in {clipped} cell(s)")
        if self.dropped_cells:
            self.warnings.append(f"{self.dropped_cells} cell(s) beyond column {MAX_COLS} dropped")
        name = self.caption_text or self.table_id or None
        return RawTable(
            index=self.index,
            name=name,
            rows=lambda: (list(row) for row in grid),
            origin=(0, 0),
            merged=merged,
            warnings=self.warnings,
            stats={"ragged_rows": ragged, "nesting_depth": self.depth},
        )


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Table] = []
        self.done: list[RawTable] = []
        self.count = 0
        self.ignore_depth = 0  # inside <script>/<style>

    # -- helpers ----------------------------------------------------------------------------
    def _close_table(self) -> None:
        table = self.stack.pop()
        self.done.append(table.finish())

    def _start_table(self, attrs: dict[str, str | None]) -> None:
        outer = self.stack[-1] if self.stack else None
        table_id = (attrs.get("id") or "").strip() or None
        self.stack.append(_Table(index=self.count, depth=len(self.stack), table_id=table_id))
        self.count += 1
        if outer is not None:
            outer.warnings.append(f"contains nested table {self.count - 1}, read separately")

    # -- HTMLParser callbacks ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _IGNORED:
            self.ignore_depth += 1
            return
        if self.ignore_depth:
            return
        if tag == "table":
            self._start_table(dict(attrs))
            return
        if not self.stack:
            return
        table = self.stack[-1]
        if tag == "br":
            self._br()
        elif tag == "caption":
            if table.caption is None and not table.rows and not table.caption_text:
                table.caption = []
        elif tag == "tr":
            table.caption_text = table.caption_text or _cell_text(table.caption or [])
            table.caption = None
            table.start_row()
        elif tag in ("td", "th"):
            table.caption_text = table.caption_text or _cell_text(table.caption or [])
            table.caption = None
            a = dict(attrs)
            rowspan = _span(a.get("rowspan"), MAX_ROWSPAN, zero=MAX_ROWSPAN)
            colspan = _span(a.get("colspan"), MAX_COLSPAN, zero=1)
            to_end = (a.get("rowspan") or "").strip().startswith("0")
            table.start_cell(rowspan, colspan, to_end)
        elif tag in _ROW_GROUPS:
            table.end_row()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _IGNORED:  # <script/> opens nothing
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _IGNORED:
            self.ignore_depth = max(0, self.ignore_depth - 1)
            return
        if self.ignore_depth or not self.stack:
            return
        table = self.stack[-1]
        if tag == "table":
            self._close_table()
        elif tag == "br":  # browsers read </br> as <br>
            self._br()
        elif tag == "caption":
            if table.caption is not None:
                table.caption_text = _cell_text(table.caption)
                table.caption = None
        elif tag in ("td", "th"):  # either closes the open cell (exports write <th>…</td>)
            table.end_cell()
        elif tag == "tr" or tag in _ROW_GROUPS:
            table.end_row()

    def handle_data(self, data: str) -> None:
        if self.ignore_depth or not self.stack:
            return
        table = self.stack[-1]
        if table.cell is not None:
            table.cell.append(data)
        elif table.caption is not None:
            table.caption.append(data)
        # text between cells is dropped (browsers move it out of the table)

    def _br(self) -> None:
        table = self.stack[-1]
        if table.cell is not None:
            table.cell.append(None)
        elif table.caption is not None:
            table.caption.append(None)

    def finish(self) -> list[RawTable]:
        self.close()
        while self.stack:
            self._close_table()
        return sorted(self.done, key=lambda t: t.index)


def read_html_tables(text: str) -> list[RawTable]:
    """Every ``<table>`` in ``text`` as a :class:`RawTable` of ``str`` cells, in document order.

    ``name`` is the table's ``<caption>`` text, else its ``id``, else None. ``stats`` holds
    ``ragged_rows`` (rows padded to the table width) and ``nesting_depth`` (0 for a top-level
    table). Cells: text content, whitespace runs collapsed to one space, ``<br>`` kept as ``\\n``,
    entities unescaped, stripped.
    """
    parser = _TableParser()
    parser.feed(text)
    return parser.finish()


def stack_tables(tables: list[RawTable], name: str | None = None) -> RawTable:
    """The top-level tables one under another, as Excel shows an HTML file in a single sheet.

    Exports often put the title block and the data in two ``<table>`` elements; stacked, the
    title rows sit above the header band as they do when the file is opened in Excel. Nested
    tables (``nesting_depth`` > 0) are left out; rows are padded to the widest table.
    """
    top = [t for t in tables if t.stats.get("nesting_depth", 0) == 0]
    grids = [[list(row) for row in t.iter_rows()] for t in top]
    width = max((len(row) for grid in grids for row in grid), default=0)
    rows: list[list[str]] = []
    merged: list[MergedRange] = []
    warnings: list[str] = []
    for table, grid in zip(top, grids, strict=True):
        offset = len(rows)
        for m in table.merged:
            merged.append(
                MergedRange(m.first_row + offset, m.first_col, m.last_row + offset, m.last_col)
            )
        rows.extend(row + [""] * (width - len(row)) for row in grid)
        warnings.extend(f"table {table.index}: {w}" for w in table.warnings)
    ragged = sum(
        len(grid) if grid and len(grid[0]) < width else table.stats.get("ragged_rows", 0)
        for table, grid in zip(top, grids, strict=True)
    )
    return RawTable(
        index=0,
        name=name,
        rows=lambda: (list(row) for row in rows),
        origin=(0, 0),
        merged=merged,
        warnings=warnings,
        stats={"ragged_rows": ragged, "nesting_depth": 0, "tables": len(top)},
    )
