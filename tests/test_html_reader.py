from __future__ import annotations

from pathlib import Path

import pytest

from catalog_app.scan.html_reader import read_html_tables, stack_tables
from catalog_app.scan.models import MergedRange

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FIXTURE_CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"  # unchanged copies
REAL_HTML_XLS = next(
    (d / "04년월별.xls" for d in (CORPUS, FIXTURE_CORPUS) if (d / "04년월별.xls").is_file()), None
)


def grid(table) -> list[list[str]]:
    return [list(row) for row in table.iter_rows()]


def only(text: str):
    tables = read_html_tables(text)
    assert len(tables) == 1
    return tables[0]


def test_plain_table_and_rows_is_a_fresh_iterator_each_call():
    t = only("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>")
    assert t.index == 0
    assert t.name is None
    assert t.origin == (0, 0)
    assert t.merged == []
    assert grid(t) == [["a", "b"], ["1", "2"]]
    assert grid(t) == grid(t)  # rows() can be called again
    first = next(t.rows())
    first[0] = "changed"
    assert grid(t)[0][0] == "a"


def test_colspan_and_rowspan_put_value_top_left_and_record_merges():
    html = """
    <table>
      <tr><th rowspan="2">지역</th><th colspan="3">인구</th><th rowspan=2>세대</th></tr>
      <tr><th>계</th><th>남</th><th>여</th></tr>
      <tr><td>종로구</td><td>10</td><td>4</td><td>6</td><td>5</td></tr>
    </table>"""
    t = only(html)
    assert grid(t) == [
        ["지역", "인구", "", "", "세대"],
        ["", "계", "남", "여", ""],
        ["종로구", "10", "4", "6", "5"],
    ]
    assert t.merged == [
        MergedRange(0, 0, 1, 0),
        MergedRange(0, 1, 0, 3),
        MergedRange(0, 4, 1, 4),
    ]


def test_block_span_and_cells_flow_around_rowspans():
    html = """<table>
      <tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
      <tr><td>C</td></tr>
      <tr><td>D</td><td rowspan="2">E</td><td>F</td></tr>
      <tr><td>G</td><td>H</td></tr>
    </table>"""
    t = only(html)
    assert grid(t) == [
        ["A", "", "B"],
        ["", "", "C"],
        ["D", "E", "F"],
        ["G", "", "H"],
    ]
    assert t.merged == [MergedRange(0, 0, 1, 1), MergedRange(2, 1, 3, 1)]
    assert all(m.first_row <= m.last_row and m.first_col <= m.last_col for m in t.merged)


def test_rowspan_past_last_row_is_clipped_with_a_warning():
    t = only("<table><tr><td rowspan=5>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
    assert grid(t) == [["a", "b"], ["", "c"]]
    assert t.merged == [MergedRange(0, 0, 1, 0)]
    assert any("clipped" in w for w in t.warnings)


def test_rowspan_zero_runs_to_the_end_without_warning():
    t = only("<table><tr><td rowspan=0>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
    assert grid(t) == [["a", "b"], ["", "c"]]
    assert t.merged == [MergedRange(0, 0, 1, 0)]
    assert t.warnings == []


def test_bad_span_attributes_count_as_one():
    t = only('<table><tr><td colspan="x">a</td><td colspan="0">b</td><td rowspan="">c</td></tr>')
    assert grid(t) == [["a", "b", "c"]]
    assert t.merged == []


def test_br_whitespace_entities_and_inline_markup():
    html = """<table><tr>
      <td>  10차로<br>이상  </td>
      <td>a   b\n\t c</td>
      <td>&lt;합계&gt; &amp; &#54633;&#x acd;</td>
      <td>&nbsp;</td>
      <td><span>대전<b>남부</b></span><br/>순환선<BR></td>
      <td>x &nbsp;y</td>
    </tr></table>"""
    t = only(html)
    (row,) = grid(t)
    assert row[0] == "10차로\n이상"
    assert row[1] == "a b c"
    assert row[2].startswith("<합계> & 합")
    assert row[3] == ""  # &nbsp;-only cell is empty
    assert row[4] == "대전남부\n순환선"
    assert row[5] == "x \xa0y"  # NBSP inside text is content


def test_unclosed_td_tr_and_th_closed_by_td():
    html = """<table>
      <tr><th rowspan="2"><span>년월</span></td><th colspan=2>한국
      <tr><th>개봉<th>상영
      <tr><td>2004-01<td>5<td>10
      <tr><td>2004-02<td>6
    </table>"""
    t = only(html)
    assert grid(t) == [
        ["년월", "한국", ""],
        ["", "개봉", "상영"],
        ["2004-01", "5", "10"],
        ["2004-02", "6", ""],
    ]
    assert t.stats["ragged_rows"] == 1  # the short last row was padded


def test_cells_without_tr_and_row_groups_close_rows():
    html = "<table><thead><th>a<th>b</thead><tbody><td>1<td>2</tbody><tfoot><td>합계</table>"
    t = only(html)
    assert grid(t) == [["a", "b"], ["1", "2"], ["합계", ""]]


def test_unclosed_table_at_end_of_document():
    t = only("<html><body><table><tr><td>a<td>b<tr><td>c")
    assert grid(t) == [["a", "b"], ["c", ""]]


def test_nested_tables_are_separate_and_do_not_leak_into_outer_cell():
    html = """
    <table id="outer">
      <tr><td>before <table id="inner"><tr><td>x</td><td>y</td></tr></table> after</td>
          <td>o2</td></tr>
      <tr><td>o3<td>o4
    </table>
    <table><caption> 두 번째 <br>표 </caption><tr><td>z</td></tr></table>"""
    tables = read_html_tables(html)
    assert [t.index for t in tables] == [0, 1, 2]
    outer, inner, last = tables
    assert outer.name == "outer"
    assert grid(outer) == [["before after", "o2"], ["o3", "o4"]]
    assert outer.stats["nesting_depth"] == 0
    assert any("nested" in w for w in outer.warnings)
    assert inner.name == "inner"
    assert grid(inner) == [["x", "y"]]
    assert inner.stats["nesting_depth"] == 1
    assert last.name == "두 번째\n표"
    assert grid(last) == [["z"]]
    # stacking keeps the top-level tables only
    stacked = stack_tables(tables)
    assert grid(stacked) == [["before after", "o2"], ["o3", "o4"], ["z", ""]]


def test_nested_table_with_unclosed_inner_cells():
    html = "<table><tr><td>a<table><tr><td>b<td>c</table>d</td><td>e</td></tr></table>"
    outer, inner = read_html_tables(html)
    assert grid(outer) == [["ad", "e"]]
    assert grid(inner) == [["b", "c"]]


def test_empty_tables_and_empty_rows():
    tables = read_html_tables("<table></table><table><tr></tr><tr><td></td></tr></table>")
    assert len(tables) == 2
    assert grid(tables[0]) == []
    assert tables[0].merged == []
    assert grid(tables[1]) == [[""], [""]]
    assert read_html_tables("") == []
    assert read_html_tables("<p>no table here</p>") == []


def test_script_style_comments_and_text_between_cells_are_ignored():
    html = """<style>td { color: red }</style>
    <script>var s = "<table><tr><td>not a table</td></tr></table>";</script>
    <table><!-- <tr><td>comment</td></tr> -->
      stray text
      <tr>between<td>a<script>document.write('x')</script></td><style>.x{}</style><td>b</td></tr>
    </table>"""
    t = only(html)
    assert grid(t) == [["a", "b"]]


def test_ragged_rows_are_padded_to_table_width():
    t = only("<table><tr><td>a</td></tr><tr><td>b</td><td>c</td><td>d</td></tr></table>")
    assert grid(t) == [["a", "", ""], ["b", "c", "d"]]
    assert t.stats["ragged_rows"] == 1


def test_huge_colspan_is_capped():
    t = only('<table><tr><td colspan="999999">a</td></tr></table>')
    (row,) = grid(t)
    assert len(row) == 1000
    assert t.merged == [MergedRange(0, 0, 0, 999)]


def test_stack_tables_offsets_merges_and_pads():
    tables = read_html_tables(
        "<table><tr><td colspan=3>제목</td></tr></table>"
        "<table><tr><th rowspan=2>a</th><th colspan=2>b</th></tr><tr><th>c</th><th>d</th></tr>"
        "<tr><td>1<td>2<td>3</table>"
    )
    s = stack_tables(tables, name="sheet")
    assert s.name == "sheet"
    assert grid(s) == [
        ["제목", "", ""],
        ["a", "b", ""],
        ["", "c", "d"],
        ["1", "2", "3"],
    ]
    assert s.merged == [MergedRange(0, 0, 0, 2), MergedRange(1, 0, 2, 0), MergedRange(1, 1, 1, 2)]
    assert grid(stack_tables([])) == []


@pytest.mark.corpus
@pytest.mark.skipif(REAL_HTML_XLS is None, reason="shared corpus (and its fixture copy) is absent")
def test_real_html_disguised_as_xls():
    text = REAL_HTML_XLS.read_bytes().decode("utf-8")
    tables = read_html_tables(text)
    # The export writes the title block and the data as two <table> elements.
    assert len(tables) == 2
    title, data = tables
    title_rows = grid(title)
    assert len(title_rows) == 4
    assert title_rows[0][0] == "■ 총 관객수 및 매출액_월별"
    assert title_rows[1][0] == "- 조회일: 2023-02-16"
    assert all(row[1:] == [""] * 14 for row in title_rows)
    assert title.merged == [MergedRange(r, 0, r, 14) for r in range(4)]

    rows = grid(data)
    assert len(rows) == 2 + 12 + 1  # 2 header rows, 12 months, 합계
    assert all(len(row) == 15 for row in rows)
    assert rows[0][:2] == ["년월", "한국"]
    assert rows[1][:6] == ["", "개봉편수", "상영편수", "매출액", "관객수", "점유율"]
    assert rows[2][0] == "2004-01"
    assert rows[2][5] == "68.1%"
    assert rows[-1][0] == "합계"
    assert rows[-1][3] == "239,143,250,406"

    # As Excel shows the file in one sheet (and as MANIFEST.csv counts rows): rows 0-3 are title
    # rows and the header band is rows 4-5, with merged cells.
    sheet = stack_tables(tables)
    srows = grid(sheet)
    assert len(srows) == 4 + 15
    assert [row[0] for row in srows[:4]] == [row[0] for row in title_rows]
    assert srows[4] == ["년월", "한국", "", "", "", "", "외국", "", "", "", "", "전체", "", "", ""]
    assert srows[5][0] == "" and srows[5][1] == "개봉편수" and srows[5][14] == "관객수"
    assert srows[6][0] == "2004-01"
    header_merges = [m for m in sheet.merged if m.first_row >= 4]
    assert header_merges == [
        MergedRange(4, 0, 5, 0),
        MergedRange(4, 1, 4, 5),
        MergedRange(4, 6, 4, 10),
        MergedRange(4, 11, 4, 14),
    ]
    assert all(m.first_row in (4, 5) and m.last_row in (4, 5) for m in header_merges)
