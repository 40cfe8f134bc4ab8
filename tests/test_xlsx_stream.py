"""Big xlsx sheets read in slices (``scan.xlsx_stream``): the same profile as a whole-sheet read,
every guarantee of the xlsx guard kept, and never more than a slice of the sheet in memory.

The thresholds are lowered so small generated workbooks take the slice path; each test compares
with the whole-sheet read of the same file (thresholds restored), in the same process so the
distinct-count sketches hash alike.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from catalog_app.scan import isolated, xlsx_stream
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.file_scan import scan_file
from tests import hostile_files as hf

HANGUL = "가나다라마바사아자차카타파하"


@pytest.fixture(autouse=True)
def in_process(monkeypatch):
    monkeypatch.setattr(isolated, "IN_CHILD", True)  # read here, where the thresholds are set


def _read(path: Path, monkeypatch, sliced: bool, slice_bytes: int = 4096):
    slices: list[int] = []
    real = xlsx_stream._slice_book

    def counting(head, xml, shared):
        slices.append(len(xml))
        return real(head, xml, shared)

    with monkeypatch.context() as m:
        m.setattr(xlsx_stream, "_slice_book", counting)
        if sliced:
            m.setattr(xlsx_stream, "STREAM_PART_BYTES", 1)
            m.setattr(xlsx_stream, "SLICE_BYTES", slice_bytes)
        result = scan_file(str(path))
    return result, slices


def _same_both_ways(path: Path, monkeypatch, slice_bytes: int = 4096):
    whole, none = _read(path, monkeypatch, sliced=False)
    sliced, slices = _read(path, monkeypatch, sliced=True, slice_bytes=slice_bytes)
    assert none == [] and len(slices) > 1, "the sliced read did not slice"
    for a, b in zip(sliced.tables, whole.tables, strict=True):
        assert a.layout == b.layout
        assert a.columns == b.columns
        assert (a.row_count, a.blank_rows, a.total_rows, a.footnote_rows, a.warnings) == (
            b.row_count, b.blank_rows, b.total_rows, b.footnote_rows, b.warnings
        )  # fmt: skip
    assert sliced.warnings == whole.warnings
    return sliced, slices


def _workbook(path: Path, rows, *, write_only: bool, title_rows=(), merges=(), start="A1"):
    wb = openpyxl.Workbook(write_only=write_only)
    ws = wb.create_sheet("자료") if write_only else wb.active
    if not write_only:
        ws.title = "자료"
    if write_only:
        for row in title_rows:
            ws.append(row)
        for row in rows:
            ws.append(row)
    else:
        col0 = openpyxl.utils.column_index_from_string("".join(c for c in start if c.isalpha()))
        row0 = int("".join(c for c in start if c.isdigit()))
        for r, row in enumerate([*title_rows, *rows]):
            for c, value in enumerate(row):
                if value is not None:
                    ws.cell(row=row0 + r, column=col0 + c, value=value)
        for ref in merges:
            ws.merge_cells(ref)
    wb.save(path)
    return path


def _rows(n: int):
    for i in range(n):
        yield [
            i + 1,
            f"{HANGUL[i % 14]}{HANGUL[(i * 7) % 14]}시설",
            date(2020, 1, 1 + i % 28),
            datetime(2021, 5, 1 + i % 28, i % 24, 30),
            (i * 37) % 1000 / 10,
            "Y" if i % 3 else "N",
            None if i % 5 else "비고",
        ]


HEADER = ["번호", "시설명", "개설일", "점검일시", "면적", "개방여부", "비고"]


def test_inline_strings_sliced_or_whole_give_the_same_profile(tmp_path, monkeypatch):
    path = _workbook(
        tmp_path / "목록.xlsx", [HEADER, *_rows(3000)], write_only=True, title_rows=[["시설 현황"]]
    )
    result, slices = _same_both_ways(path, monkeypatch)
    table = result.tables[0]
    assert table.row_count == 3000 and [c.label for c in table.columns] == HEADER
    kinds = {c.label: c.inferred_type for c in table.columns}
    assert kinds["개설일"] == "date" and kinds["점검일시"] == "datetime"
    assert kinds["번호"] == "integer" and kinds["개방여부"] == "flag"


_INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t>(.*?)</t></is></c>'
)


def _shared_strings(src: Path, dst: Path) -> Path:
    """The workbook as Excel saves it: every text in a shared-string table (openpyxl writes
    inline strings)."""
    index: dict[bytes, int] = {}

    def shared(m) -> bytes:
        i = index.setdefault(m.group(3), len(index))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2), i)

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = _INLINE.sub(shared, data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" '
                    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                    b'sharedStrings+xml"/></Types>')  # fmt: skip
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://'
                    b'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>')  # fmt: skip
            zout.writestr(info.filename, data)
        body = b"".join(b"<si><t>%s</t></si>" % t for t in index)
        zout.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + body
            + b"</sst>",
        )
    return dst


def test_shared_strings_sliced_or_whole_give_the_same_profile(tmp_path, monkeypatch):
    """Excel keeps text in a shared-string table: each slice gets the entries it uses."""
    inline = _workbook(tmp_path / "인라인.xlsx", [HEADER, *_rows(2000)], write_only=True)
    path = _shared_strings(inline, tmp_path / "공유문자열.xlsx")
    with zipfile.ZipFile(path) as zf:
        assert b"<si>" in zf.read("xl/sharedStrings.xml")
        assert b"inlineStr" not in zf.read("xl/worksheets/sheet1.xml")
    result, _ = _same_both_ways(path, monkeypatch)
    assert result.tables[0].columns[1].samples[0].endswith("시설")


def test_a_table_away_from_a1_with_a_merged_title_and_header(tmp_path, monkeypatch):
    """Merged cells come after the rows in the sheet XML: the sliced read learns them at the
    end and reads again when they move the header, so the result is the whole read's."""
    title = [["2024년 시설 현황", None, None, None, None, None, None]]
    band = [["구분", None, "일자", None, "면적", "개방여부", "비고"]]
    sub = [["번호", "시설명", "개설일", "점검일시", None, None, None]]
    path = _workbook(
        tmp_path / "병합.xlsx",
        [*band, *sub, *list(_rows(1500))],
        write_only=False,
        title_rows=title,
        start="C4",
        merges=("C4:I4", "C5:D5", "E5:F5", "G5:G6", "H5:H6", "I5:I6"),
    )
    result, _ = _same_both_ways(path, monkeypatch)
    layout = result.tables[0].layout
    assert layout.header_rows == 2 and layout.first_col == 2


def test_empty_rows_between_slices_and_formulas_without_values(tmp_path, monkeypatch):
    rows = [f'<row r="1">{hf.cell("A1", "구분")}{hf.cell("B1", "값")}</row>']
    for i in range(2, 400):
        r = i if i < 200 else i + 500  # a gap of 500 empty rows in the middle
        rows.append(f'<row r="{r}">{hf.cell(f"A{r}", f"항목{i}")}<c r="B{r}"><v>{i}</v></c></row>')
    rows.append('<row r="2000"><c r="A2000" t="inlineStr"><is><t>합계</t></is></c>'
                '<c r="B2000"><f>SUM(B2:B1999)</f></c></row>')  # fmt: skip
    path = hf.write_xlsx(tmp_path / "빈행.xlsx", hf.sheet_xml("".join(rows)))
    result, _ = _same_both_ways(path, monkeypatch, slice_bytes=2048)
    assert any("수식 1개" in w for w in result.tables[0].warnings)


def test_a_far_cell_in_a_big_sheet_is_too_large_as_the_guard_says(tmp_path, monkeypatch):
    path = hf.far_cell_xlsx(tmp_path / "먼칸.xlsx")
    whole = pytest.raises(ScanFailure)
    with whole as guard:
        _read(path, monkeypatch, sliced=False)
    with pytest.raises(ScanFailure) as sliced:
        _read(path, monkeypatch, sliced=True)
    assert sliced.value.code == guard.value.code == "too_large"
    assert sliced.value.message == guard.value.message


def test_a_zip_bomb_in_a_big_sheet_is_stopped_while_it_inflates(tmp_path, monkeypatch):
    path = hf.zip_bomb_xlsx(tmp_path / "폭탄.xlsx")
    with pytest.raises(ScanFailure) as failure:
        _read(path, monkeypatch, sliced=True)
    assert failure.value.code == "zip_bomb"


def test_a_sheet_whose_real_size_is_not_the_declared_one_is_corrupt(tmp_path, monkeypatch):
    path = hf.write_xlsx(tmp_path / "거짓.xlsx", hf.sheet_xml(hf.table_rows(300)))
    with zipfile.ZipFile(path) as zf:
        declared = zf.getinfo("xl/worksheets/sheet1.xml").file_size
    hf.lie_about_sheet(path, declared + 10)
    with pytest.raises(ScanFailure) as failure:
        _read(path, monkeypatch, sliced=True)
    assert failure.value.code == "corrupt"


def test_cells_without_positions_are_read_whole(tmp_path, monkeypatch):
    body = "".join(
        f'<row><c t="inlineStr"><is><t>항목{i}</t></is></c><c><v>{i}</v></c></row>'
        for i in range(500)
    )
    path = hf.write_xlsx(tmp_path / "위치없음.xlsx", hf.sheet_xml('<row r="1">' + body[5:]))
    whole, _ = _read(path, monkeypatch, sliced=False)
    sliced, _ = _read(path, monkeypatch, sliced=True, slice_bytes=1024)
    assert sliced.tables == whole.tables


def test_a_slice_holds_a_bounded_part_of_the_sheet(tmp_path, monkeypatch):
    """Memory follows the slice, not the sheet: no slice is bigger than SLICE_BYTES of XML,
    and the rows reach the profiler slice by slice."""
    path = _workbook(tmp_path / "긴목록.xlsx", [HEADER, *_rows(5000)], write_only=True)
    _, slices = _read(path, monkeypatch, sliced=True, slice_bytes=16384)
    assert len(slices) > 10
    assert max(slices) <= 16384


# ------------------------------------------------------------------ shared strings, cell by cell
_SST_ENTRIES = [
    "<si><t>일반 글자</t></si>",
    "<si><t>a &amp; b &lt;c&gt; &#44032;</t></si>",
    '<si><t xml:space="preserve">  앞뒤 공백  </t></si>',
    '<si><r><rPr><b/></rPr><t>서식</t></r><r><t xml:space="preserve"> 있는 글</t></r></si>',
    "<si><t>줄_x000D_바꿈</t></si>",
    "<si><t/></si>",
    "<si/>",
    '<si><t>한글</t><rPh sb="0" eb="1"><t>ハン</t></rPh></si>',
    "<si><t>1234</t></si>",
    "<si><t>2024-01-05</t></si>",
]


def _sst_workbook(path: Path, body: str, entries=_SST_ENTRIES) -> Path:
    """A workbook with a shared-string table written by hand (entities, rich text, empty and
    phonetic entries), as other writers than openpyxl produce them."""
    hf.write_xlsx(path, hf.sheet_xml(body))
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" '
                    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                    b'sharedStrings+xml"/></Types>')  # fmt: skip
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://'
                    b'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>')  # fmt: skip
            zout.writestr(info, data)
        zout.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main">' + "".join(entries) + "</sst>",
        )
    tmp.replace(path)
    return path


def _sst_body(rows: int, cell=lambda ref, i: f'<c r="{ref}" t="s"><v>{i}</v></c>') -> str:
    out = [f'<row r="1">{hf.cell("A1", "구분")}{hf.cell("B1", "값")}{hf.cell("C1", "수")}</row>']
    n = len(_SST_ENTRIES)
    for r in range(2, rows + 2):
        out.append(
            f'<row r="{r}">{cell(f"A{r}", r % n)}{cell(f"B{r}", (r * 7) % n)}'
            f'<c r="C{r}"><v>{r}</v></c></row>'
        )
    return "".join(out)


def _trimmed(rows) -> list[list]:
    out = [list(row) for row in rows]
    for row in out:
        while row and row[-1] == "":
            row.pop()
    while out and not out[-1]:
        out.pop()
    return out


def _sliced_rows(path: Path, monkeypatch, slice_bytes: int = 2048) -> list[list]:
    from catalog_app.scan.excel_reader import iter_excel_tables

    with monkeypatch.context() as m:
        m.setattr(xlsx_stream, "STREAM_PART_BYTES", 1)
        m.setattr(xlsx_stream, "SLICE_BYTES", slice_bytes)
        for raw in iter_excel_tables(str(path), "xlsx", []):  # rows read while the book is open
            assert raw.stream is not None, "not read in slices"
            return _trimmed(raw.iter_rows())
    raise AssertionError("no sheet")


def _marked_slices(monkeypatch) -> list[bool]:
    """Records, per slice, whether its shared cells were marked (else renumbered)."""
    from catalog_app.scan import shared_strings

    seen: list[bool] = []
    real = shared_strings.SharedStrings.marked

    def recording(self, xml):
        out = real(self, xml)
        seen.append(out is not None)
        return out

    monkeypatch.setattr(shared_strings.SharedStrings, "marked", recording)
    return seen


def _whole_rows(path: Path) -> list[list]:
    import python_calamine as calamine

    book = calamine.CalamineWorkbook.from_path(str(path))
    return _trimmed(book.get_sheet_by_index(0).to_python(skip_empty_area=False))


@pytest.mark.parametrize("spill", [False, True], ids=["in-memory", "temporary-file"])
def test_shared_strings_read_in_slices_are_calamines_texts_cell_by_cell(
    tmp_path, monkeypatch, spill
):
    """Entities, rich text runs, kept spaces, _x000D_, empty and phonetic entries: each slice's
    cells come out as calamine reads them from the whole workbook, whether the table is held
    in memory or in a temporary file."""
    from catalog_app.scan import shared_strings

    if spill:
        monkeypatch.setattr(shared_strings, "SPILL_BYTES", 64)
    path = _sst_workbook(tmp_path / "공유.xlsx", _sst_body(600))
    whole = _whole_rows(path)
    assert "a & b <c> 가" in whole[1] + whole[2] + whole[3] + whole[4] + whole[5]
    marked = _marked_slices(monkeypatch)
    assert _sliced_rows(path, monkeypatch) == whole
    assert len(marked) > 3 and all(marked)
    _same_both_ways(path, monkeypatch, slice_bytes=2048)


def test_shared_cells_in_other_markup_are_renumbered_cell_by_cell(tmp_path, monkeypatch):
    """A writer that puts the type before another attribute (``t="s" s="0"``) takes the other
    way (indices rewritten); the texts are the same."""
    body = _sst_body(400, cell=lambda ref, i: f'<c r="{ref}" t="s" s="0"><v>{i}</v></c>')
    path = _sst_workbook(tmp_path / "다른표기.xlsx", body)
    marked = _marked_slices(monkeypatch)
    assert _sliced_rows(path, monkeypatch) == _whole_rows(path)
    assert marked and not any(marked)


def test_a_sheet_holding_the_mark_character_is_still_read_exactly(tmp_path, monkeypatch):
    """The private-use character that marks shared cells, written in a real cell: that slice
    takes the other way, so no real text is ever taken for a mark."""
    mark = "\ue0003"  # what shared entry 3 would be marked as
    body = _sst_body(300) + f'<row r="400">{hf.cell("A400", mark)}</row>'
    path = _sst_workbook(tmp_path / "표식.xlsx", body)
    marked = _marked_slices(monkeypatch)
    rows = _sliced_rows(path, monkeypatch)
    assert rows == _whole_rows(path)
    assert rows[399][0] == mark
    assert any(marked) and not all(marked)  # (two reader threads: slices recorded in any order)


def test_the_shared_string_table_is_not_held_as_a_list(tmp_path):
    """The table lives in one blob (or a temporary file) whatever its length: entries come back
    by index, in runs."""
    from catalog_app.scan import shared_strings

    table = shared_strings.SharedStrings()
    entries = [b"<si><t>%d</t></si>" % i for i in range(1000)]
    table.add(entries[:400])
    table.add(entries[400:])
    table.seal()
    assert table.count == 1000
    wanted = [0, 1, 2, 500, 500, 999]
    assert table.entries(wanted) == b"".join(entries[i] for i in wanted)
    table.close()
