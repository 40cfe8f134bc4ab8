"""Header detection on small grids shaped like real government sheets."""

from catalog_app.scan.header import RowClassifier, detect_header
from catalog_app.scan.models import MergedRange


def test_single_header_row_at_top():
    head = [
        ["시설명", "주소", "면적"],
        ["도서관", "서울 중구", "120.5"],
        ["체육관", "서울 종로구", "300"],
    ]
    layout = detect_header(head)
    assert (layout.header_row, layout.header_rows) == (0, 1)
    assert layout.labels == ["시설명", "주소", "면적"]


def test_title_unit_and_blank_rows_are_skipped():
    head = [
        ["5. 고속국도 현황", "", "", ""],
        ["", "", "", ""],
        ["2020.12.31 기준", "", "", "( 단위 : km )"],
        ["노선명", "구간", "연장", "비고"],
        ["경부선", "부산-서울", "416.1", ""],
        ["남해선", "순천-부산", "273.1", ""],
    ]
    layout = detect_header(head)
    assert (layout.header_row, layout.header_rows) == (3, 1)
    assert layout.labels == ["노선명", "구간", "연장", "비고"]


def test_flattened_group_label_spreads_over_blank_cells():
    head = [
        ["노선명", "연장", "차로별 연장", "", "", "비고"],
        ["", "", "2차로", "4차로", "6차로", ""],
        ["경부선", "416.1", "10", "200", "206", ""],
        ["남해선", "273.1", "5", "100", "168", ""],
    ]
    layout = detect_header(head)
    assert (layout.header_row, layout.header_rows) == (0, 2)
    assert layout.labels == [
        "노선명",
        "연장",
        "차로별 연장|2차로",
        "차로별 연장|4차로",
        "차로별 연장|6차로",
        "비고",
    ]


def test_repeated_labels_form_a_three_row_path():
    head = [
        ["기간", "자치구", "인구", "인구", "인구"],
        ["기간", "자치구", "합계", "합계", "합계"],
        ["기간", "자치구", "계", "남자", "여자"],
        ["2017.1/4", "합계", 10197604, 5000005, 5197599],
        ["2017.1/4", "종로구", 162820, 79675, 83145],
    ]
    layout = detect_header(head)
    assert (layout.header_row, layout.header_rows) == (0, 3)
    assert layout.labels == ["기간", "자치구", "인구|합계|계", "인구|합계|남자", "인구|합계|여자"]


def test_year_labels_count_as_header_text():
    head = [
        ["자치구별(1)", "자치구별(2)", "2024", "2024"],
        ["자치구별(1)", "자치구별(2)", "살인", "살인"],
        ["자치구별(1)", "자치구별(2)", "발생", "검거"],
        ["합계", "소계", "80", "79"],
        ["종로구", "소계", "1", "1"],
    ]
    layout = detect_header(head)
    assert (layout.header_row, layout.header_rows) == (0, 3)
    assert layout.labels[2:] == ["2024|살인|발생", "2024|살인|검거"]


def test_merged_cells_and_offset_table():
    # Table starts at B3 (origin row 0, col 1 as calamine reports the used range).
    head = [
        ["서울시 CCTV 설치현황", "", "", ""],
        ["(단위 : 대)", "", "", ""],
        ["순번", "구분", "2015년", "2016년"],
        ["", "계", "", ""],
        [1.0, "종로구", 935.0, 1066.0],
        [2.0, "중구", 363.0, 565.0],
    ]
    merged = [MergedRange(0, 1, 0, 4), MergedRange(1, 1, 1, 4), MergedRange(2, 1, 3, 1)]
    layout = detect_header(head, origin=(0, 1), merged=merged)
    assert (layout.header_row, layout.header_rows) == (2, 1)
    assert layout.labels == ["순번", "구분", "2015년", "2016년"]


def test_horizontal_merge_groups_sub_labels():
    head = [
        ["지역", "2016", "", ""],
        ["", "계", "남", "여"],
        ["서울", 100, 48, 52],
    ]
    merged = [MergedRange(0, 0, 1, 0), MergedRange(0, 1, 0, 3)]
    layout = detect_header(head, merged=merged)
    assert (layout.header_row, layout.header_rows) == (0, 2)
    assert layout.labels == ["지역", "2016|계", "2016|남", "2016|여"]


def test_headerless_file_gets_generated_labels():
    head = [["1", "2024-01-05", "350"], ["2", "2024-01-06", "410"], ["3", "2024-01-07", "380"]]
    layout = detect_header(head)
    assert layout.header_row is None and layout.header_rows == 0
    assert layout.labels == ["열1", "열2", "열3"]


def test_override_wins_and_is_reported():
    head = [["제목", ""], ["가", "나"], ["다", "라"], ["1", "2"]]
    layout = detect_header(head, override=(1, 2))
    assert (layout.header_row, layout.header_rows, layout.source) == (1, 2, "override")
    assert layout.labels == ["가|다", "나|라"]


def test_row_classifier_flags_totals_footnotes_and_blanks():
    rc = RowClassifier(first_col=0, width=4)
    assert rc.classify(["종로구", "1", "2", "3"]) == "data"
    assert rc.classify(["합계", "10", "20", "30"]) == "total"
    assert rc.classify(["", "소 계", "1", "2"]) == "total"
    assert rc.classify(["※ 자료: 행정안전부", "", "", ""]) == "footnote"
    assert rc.classify(["주) 2020년 기준", "", "", ""]) == "footnote"
    assert rc.classify(["", "", "", ""]) == "blank"
    assert rc.classify(["1. 첫째 주석\n2. 둘째 주석 " + "가" * 60, "", "", ""]) == "footnote"
    assert rc.classify([1.0, "계약", 3.0, 4.0]) == "data"


def test_the_most_specific_key_decides_a_total_row():
    rc = RowClassifier(first_col=0, width=4)
    assert rc.classify(["합계", "소계", "126401", "82680"]) == "total"
    assert rc.classify(["합계", "종로구", "4705", "4430"]) == "data"
    assert rc.classify(["서울특별시", "소계", "389795", "-"]) == "total"
    assert rc.classify(["", "계", "", ""]) == "total"
