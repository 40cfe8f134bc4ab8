"""Readers and writers of the 공통표준 dictionary files (catalog_app.dictionary.formats).

The fixture tests always run (tests/fixtures/standards, made by make_fixtures.py); the tests on
the real MOIS files in ../shared/standards/official are skipped when that folder is absent.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from catalog_app.dictionary.formats import (
    DOMAIN_HEADERS,
    TERM_HEADERS,
    WORD_HEADERS,
    DictionaryFormatError,
    read_dictionary,
    write_csv,
    write_xlsx,
)
from catalog_app.dictionary.model import Dictionary, Domain, Term, Word

FIX = Path(__file__).resolve().parent / "fixtures" / "standards"
MINI7 = FIX / "mini7.xlsx"
MINI7_CSV = FIX / "mini7_csv"
MINI8 = FIX / "mini8"
MINI2020 = FIX / "mini2020.xlsx"

OFFICIAL = Path(__file__).resolve().parents[2] / "shared" / "standards" / "official"
PDS7 = OFFICIAL / "pds7_2024-11_공공데이터_공통표준7차_제개정.xlsx"
PDS7_CSV = OFFICIAL / "pds7_2024-11"
PDS2 = OFFICIAL / "pds2_2020-12_공공데이터_공통표준.xlsx"
PDS1 = OFFICIAL / "pds1_2020-08_공공데이터_공통표준.xlsx"
PDS8 = OFFICIAL / "pds8_2025-11_partial"
PDS8_DOMAINS = PDS8 / "공통표준도메인_20251101.csv"

HANGUL = re.compile(r"[가-힣]")
SHEETS = ["공통표준용어", "공통표준단어", "공통표준도메인"]


def needs(*paths: Path) -> pytest.MarkDecorator:
    """Skip a test over the shared MOIS files cleanly when they are absent."""
    missing = [p.name for p in paths if not p.exists()]
    return pytest.mark.skipif(bool(missing), reason=f"not in ../shared: {', '.join(missing)}")


def assert_same(a: Dictionary, b: Dictionary) -> None:
    """Every field of every row equal; the message names the first row that differs."""
    for kind in ("words", "terms", "domains"):
        rows_a, rows_b = getattr(a, kind), getattr(b, kind)
        assert len(rows_a) == len(rows_b), kind
        for i, (x, y) in enumerate(zip(rows_a, rows_b, strict=True)):
            assert dataclasses.asdict(x) == dataclasses.asdict(y), f"{kind}[{i}] {x.name}"


def by_name(items, name):
    """The active row of that name (names are unique among active rows)."""
    found = [i for i in items if i.name == name and not i.retired]
    assert len(found) == 1, name
    return found[0]


def counts(d: Dictionary) -> tuple[int, ...]:
    return (
        len(d.terms),
        len(d.words),
        len(d.domains),
        len(d.active_terms()),
        len(d.active_words()),
        len(d.active_domains()),
    )


# ---------------------------------------------------------------------------------------------
# Fixtures (always run)


@pytest.fixture(scope="module")
def mini7() -> Dictionary:
    return read_dictionary(MINI7)


@pytest.fixture(scope="module")
def mini8() -> Dictionary:
    return read_dictionary(MINI8)


def test_mini7_layout_and_counts(mini7):
    assert mini7.layout == "mois-xlsx"
    assert mini7.source == "mini7.xlsx"
    assert counts(mini7) == (7, 8, 6, 6, 7, 5)
    assert [t.number for t in mini7.terms] == ["1", "2", "3", "4", "5", "6", ""]


def test_hidden_rows_are_read(mini7):
    """The fixture hides rows like the real file's AutoFilter does; all of them must come back."""
    wb = openpyxl.load_workbook(MINI7)
    hidden = [r for r, dim in wb["공통표준단어"].row_dimensions.items() if dim.hidden]
    assert len(hidden) == 5
    assert len(mini7.words) == wb["공통표준단어"].max_row - 1


def test_retired_rows(mini7):
    retired = [(x.name, x.enacted) for x in mini7.words + mini7.terms + mini7.domains if x.retired]
    assert retired == [
        ("중권역", "5차(2022-07)(폐기)"),
        ("게시물제목명", "4차(2021-12)(폐기)"),
        ("번호C24", "6차(2023-11)\n(폐기)"),
    ]
    # '(폐기후제정)' / '(폐기후 제정)' rows are re-enacted, hence active.
    assert by_name(mini7.words, "중권역").enacted == "7차(2024-11)(폐기후제정)"
    assert by_name(mini7.terms, "중권역명").enacted == "5차(2022-07)\n(폐기후제정)"
    assert by_name(mini7.domains, "번호C24").data_type == "CHAR"


def test_numbers_are_read_as_the_text_mois_stores(mini7):
    views = by_name(mini7.terms, "조회수")  # an Excel number shown through '#,##0'
    assert views.display_format == "9999999999"
    assert views.storage_format == "9999999999"
    rate = by_name(mini7.terms, "할인율")
    assert (rate.storage_format, rate.display_format) == ("999.99", "999.99")
    ratio = by_name(mini7.domains, "비율N12,9")
    assert (ratio.length, ratio.scale, ratio.storage_format) == ("12", "9", "999.999999999")
    assert by_name(mini7.domains, "순서N10").display_format == "9999999999"
    # A text cell with commas stays as typed.
    assert by_name(mini7.domains, "가격N10").display_format == "9,999,999,999"


def test_dash_and_blank_cells_are_empty(mini7):
    join = by_name(mini7.words, "가입")
    assert (join.domain_class, join.synonyms, join.forbidden) == ("", (), ())
    assert by_name(mini7.words, "로그아웃").synonyms == ()  # a truly blank cell, as in 7차
    price = by_name(mini7.domains, "가격N10")
    assert (price.scale, price.allowed_values) == ("", "")


def test_embedded_newlines_are_kept(mini7):
    expected = "YYYY : 0001~9999,\nMM : 01~12, DD : 01~31"
    assert by_name(mini7.terms, "가입일자").allowed_values == expected
    assert by_name(mini7.domains, "연월일C8").allowed_values == expected


def test_lists_split_on_ascii_and_fullwidth_commas(mini7, mini8):
    assert by_name(mini7.terms, "기업명").synonyms == (
        "기업체명",
        "기업이름",
        "기업체이름",
        "기업명칭",
    )
    assert by_name(mini7.words, "이메일").forbidden == ("메일", "EMAIL", "e-mail")
    assert by_name(mini8.words, "이메일").forbidden == ("메일", "EMAIL", "e-mail")
    assert by_name(mini7.words, "일자").synonyms == ("날짜",)


def test_names_are_stripped_and_free_text_is_kept(mini7, mini8):
    """Doc §1: names/abbreviations are identifiers; English names and descriptions are free text."""
    day = by_name(mini8.words, "일자")  # '\t일자 ' / ' YMD' in the file
    assert day.abbr == "YMD"
    assert by_name(mini8.words, "감면율").english == "\tReduction Rate"
    assert by_name(mini7.words, "법원").english == "Court "
    assert by_name(mini7.words, "일자").description.endswith("정한 날 ")


def test_class_word_flag(mini7, mini8):
    assert by_name(mini7.words, "금액").is_class_word
    assert not by_name(mini7.words, "가입").is_class_word
    assert by_name(mini8.words, "감면율").is_class_word  # header '형식단어여부' without space


def test_xlsx_and_csv_trio_read_the_same(mini7):
    trio = read_dictionary(MINI7_CSV)
    assert trio.layout == "csv"
    assert trio.source == "words.csv, terms.csv, domains.csv"
    assert_same(mini7, trio)


def test_header_mapping_ignores_whitespace_and_column_order(tmp_path):
    rows = list(csv.reader((MINI8 / "공통표준단어_mini.csv").open(encoding="utf-8-sig")))
    assert "형식단어여부" in rows[0]
    # Spaces inside the 7차 field headers (the revision columns are extras, kept verbatim).
    spaced = [[re.sub(r"(?<=\S)(?=\S)", " ", h) if i < 9 else h for i, h in enumerate(rows[0])]]
    assert spaced[0][4] == "형 식 단 어 여 부"
    order = list(reversed(range(len(rows[0]))))
    variants = {
        "spaced.csv": spaced + rows[1:],
        "reversed.csv": [[r[i] for i in order] for r in rows],
    }
    base = read_dictionary(MINI8 / "공통표준단어_mini.csv").words
    for name, variant in variants.items():
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(variant)
        assert read_dictionary(path).words == base, name


def test_datagokr_folder(mini8):
    assert mini8.layout == "datagokr-csv"
    assert counts(mini8) == (3, 5, 3, 2, 4, 2)
    assert {w.number for w in mini8.words} == {""}
    # Retired through 개정구분명 '폐기' (제정차수 unchanged) and through '(폐기)' in 제정차수.
    words = {w.name: w for w in mini8.words}
    assert words["중권역"].retired and words["중권역"].enacted == "5차(2022-07)"
    assert [t.name for t in mini8.terms if t.retired] == ["게시물제목명"]
    amount = by_name(mini8.domains, "금액N13")
    assert amount.extra == {
        "개정구분명(폐기 또는 변경)": "변경",
        "개정항목": "표현형식",
        "개정사유": "온점에서 반점으로 수정",
    }
    assert by_name(mini8.domains, "가격N9,2").storage_format == "9999999.99"  # '저장형식' header


def test_single_datagokr_csv_is_recognised_by_its_header(tmp_path):
    for source, kind in (
        ("공통표준도메인_mini.csv", "domains"),
        ("공통표준용어_mini.csv", "terms"),
    ):
        copy = tmp_path / f"{kind}_download.csv"
        shutil.copy(MINI8 / source, copy)
        d = read_dictionary(copy)
        assert d.layout == "datagokr-csv"
        assert d.source == copy.name
        assert [len(d.words) > 0, len(d.terms) > 0, len(d.domains) > 0] == [
            kind == "words",
            kind == "terms",
            kind == "domains",
        ]


def test_cp949_csv_is_read(tmp_path):
    """What Korean Excel writes when a user re-saves a data.go.kr file as 'CSV'."""
    text = (MINI8 / "공통표준용어_mini.csv").read_text(encoding="utf-8-sig")
    (tmp_path / "terms.csv").write_bytes(text.encode("cp949"))
    assert read_dictionary(tmp_path / "terms.csv").terms == read_dictionary(MINI8).terms


def test_2020_layout():
    d = read_dictionary(MINI2020)
    assert d.layout == "mois-2020-xlsx"
    assert counts(d) == (2, 2, 2, 2, 2, 2)
    assert [w.number for w in d.words] == ["1", "2"]
    assert {x.enacted for x in d.words + d.terms + d.domains} == {""}  # no 제정차수 in 2020
    join = by_name(d.words, "가입")  # 1차-style blank cells
    assert (join.domain_class, join.synonyms, join.forbidden) == ("", (), ())
    assert by_name(d.words, "금액").domain_class == "금액"  # '공통표준도메인 분류명'
    number = by_name(d.domains, "수N15,5")
    assert (number.length, number.scale) == ("15", "5")  # '데이터 길이', '소수점길이'
    assert number.display_format == "9999999999.99999"
    assert number.extra == {"행정표준 코드명": ""}
    assert by_name(d.terms, "가산금액").display_format == "999999999999999"


# Errors


def _workbook(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_error_for_a_workbook_that_is_not_a_dictionary(tmp_path):
    path = _workbook(
        tmp_path / "인구현황.xlsx", {"인구": [["자치구", "인구"], ["종로구", "138207"]]}
    )
    with pytest.raises(DictionaryFormatError) as exc:
        read_dictionary(path)
    message = str(exc.value)
    assert "공통표준 사전 파일이 아닙니다" in message
    assert "인구" in message  # names the sheets it did find
    assert HANGUL.search(message)


def test_error_for_the_right_sheets_with_wrong_headers(tmp_path):
    sheets = {name: [["번호", "이름"], ["1", "가"]] for name in SHEETS}
    with pytest.raises(DictionaryFormatError, match="공통표준용어명"):
        read_dictionary(_workbook(tmp_path / "x.xlsx", sheets))
    sheets = {"공통표준용어": [list(TERM_HEADERS)], "공통표준도메인": [list(DOMAIN_HEADERS)]}
    sheets["공통표준단어"] = [[h for h in WORD_HEADERS if h != "공통표준단어영문약어명"]]
    with pytest.raises(DictionaryFormatError, match="필수 열이 없습니다: 공통표준단어영문약어명"):
        read_dictionary(_workbook(tmp_path / "y.xlsx", sheets))


def test_errors_for_other_inputs(tmp_path):
    (tmp_path / "memo.txt").write_text("메모", encoding="utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    (tmp_path / "people.csv").write_text("성명,전화번호\n홍길동,010-0000-0000\n", encoding="utf-8")
    for name, phrase in (
        ("memo.txt", "읽을 수 없는 파일 형식"),
        ("broken.xlsx", "엑셀 파일을 열 수 없습니다"),
        ("people.csv", "공통표준 사전 CSV가 아닙니다"),
    ):
        with pytest.raises(DictionaryFormatError, match=phrase):
            read_dictionary(tmp_path / name)
    with pytest.raises(DictionaryFormatError, match="찾지 못했습니다"):
        read_dictionary(tmp_path)  # a folder whose only CSV is not a dictionary
    with pytest.raises(FileNotFoundError):
        read_dictionary(tmp_path / "없는파일.xlsx")


def test_errors_for_ambiguous_folders(tmp_path):
    twice = tmp_path / "twice"
    shutil.copytree(MINI8, twice)
    shutil.copy(MINI8 / "공통표준단어_mini.csv", twice / "words_copy.csv")
    with pytest.raises(DictionaryFormatError, match="두 개 있습니다"):
        read_dictionary(twice)
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    shutil.copy(MINI7_CSV / "words.csv", mixed)
    shutil.copy(MINI8 / "공통표준용어_mini.csv", mixed)
    with pytest.raises(DictionaryFormatError, match="섞여 있습니다"):
        read_dictionary(mixed)


# Writers


def test_write_xlsx_uses_the_official_layout(mini7, tmp_path):
    path = tmp_path / "out.xlsx"
    write_xlsx(mini7, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    for ws, headers, n in zip(
        wb.worksheets, (TERM_HEADERS, WORD_HEADERS, DOMAIN_HEADERS), (7, 8, 6), strict=True
    ):
        assert tuple(c.value for c in ws[1]) == headers
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(headers)).column_letter}{n + 1}"
        assert ws.max_row == n + 1
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type == "s" and c.number_format == "@", c.coordinate
        assert ws.column_dimensions["A"].width > 0
    terms = wb["공통표준용어"]
    assert [c.value for c in terms["A"]][1:] == ["1", "2", "3", "4", "5", "6", "-"]
    views = [c.value for c in terms[5]]  # 조회수
    assert views[7:9] == ["9999999999", "9999999999"]
    assert views[6] == "-"  # empty 허용값, written the MOIS way
    assert terms["G2"].alignment.wrap_text


def test_round_trip_fixtures(mini7, tmp_path):
    write_xlsx(mini7, tmp_path / "out.xlsx")
    write_csv(mini7, tmp_path / "csv")
    again = read_dictionary(tmp_path / "out.xlsx")
    assert again.layout == "mois-xlsx"
    assert_same(mini7, again)
    assert_same(mini7, read_dictionary(tmp_path / "csv"))
    old = read_dictionary(MINI2020)  # 2020 rows keep their NO; 행정표준 코드명 becomes column N
    write_xlsx(old, tmp_path / "2020.xlsx")
    assert_same(old, read_dictionary(tmp_path / "2020.xlsx"))


def test_write_csv_is_excel_friendly_rfc4180(mini7, tmp_path):
    write_csv(mini7, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["domains.csv", "terms.csv", "words.csv"]
    data = (tmp_path / "terms.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.split(b"\r\n")[0].decode("utf-8-sig") == ",".join(TERM_HEADERS)
    assert b'"YYYY : 0001~9999,\nMM : 01~12, DD : 01~31"' in data
    assert "\r\n-,4차(2021-12)(폐기),게시물제목명,".encode() in data


def test_round_trip_keeps_extra_columns_and_retirement(mini8, tmp_path):
    """8차 rows gain 번호 and a '(폐기)' marker; the revision columns follow the 7차 ones."""
    write_csv(mini8, tmp_path / "csv")
    write_xlsx(mini8, tmp_path / "out.xlsx")
    header = (tmp_path / "csv" / "words.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == ",".join(WORD_HEADERS) + ",개정구분명(폐기 또는 변경),개정항목,개정사유"
    for path in (tmp_path / "csv", tmp_path / "out.xlsx"):
        again = read_dictionary(path)
        for kind in ("words", "terms", "domains"):
            before = getattr(mini8, kind)
            after = sorted(getattr(again, kind), key=lambda x: x.retired)  # retired rows go last
            assert len(after) == len(before)
            for x, y in zip(sorted(before, key=lambda x: x.retired), after, strict=True):
                assert dataclasses.replace(y, number="", enacted=x.enacted) == x
                assert (y.number == "") == x.retired and (x.retired or y.number.isdigit())
                assert ("(폐기)" in re.sub(r"\s", "", y.enacted)) == x.retired
    words = read_dictionary(tmp_path / "out.xlsx").words
    assert [(w.name, w.number, w.enacted) for w in words][-1] == (
        "중권역",
        "",
        "5차(2022-07)(폐기)",
    )


def test_writer_orders_retired_rows_last_and_never_writes_formulas(tmp_path):
    d = Dictionary(
        words=[
            Word("구", "OLD", retired=True, enacted="1차(2020-08)"),
            Word("신", "NEW", description="=SUM(A1:A2)", synonyms=("새",)),
            Word("탭", "TAB", description="세로\x0b탭"),  # not allowed in XML: dropped
        ],
        terms=[Term("신규여부", "NEW_YN", domain="여부C1", allowed_values="=Y, N")],
        domains=[Domain("여부C1", data_type="CHAR", length="1")],
    )
    write_xlsx(d, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    ws = wb["공통표준단어"]
    assert [c.value for c in ws[2]][:4] == ["1", "-", "신", "NEW"]
    assert [c.value for c in ws[4]][:4] == ["-", "1차(2020-08)(폐기)", "구", "OLD"]
    # Text a spreadsheet would run is quoted (the one guard of safe_files), stored as text…
    assert ws["F2"].value == "'=SUM(A1:A2)" and ws["F2"].data_type == "s"
    again = read_dictionary(tmp_path / "out.xlsx")
    assert [(w.name, w.number, w.retired) for w in again.words] == [
        ("신", "1", False),
        ("탭", "2", False),
        ("구", "", True),
    ]
    assert again.words[0].description == "=SUM(A1:A2)"  # …and read back as it was
    assert again.words[1].description == "세로탭"
    assert again.terms[0].allowed_values == "=Y, N"


def test_empty_dictionary_writes_headers_only(tmp_path):
    write_xlsx(Dictionary(), tmp_path / "empty.xlsx")
    write_csv(Dictionary(), tmp_path / "csv")
    for path in (tmp_path / "empty.xlsx", tmp_path / "csv"):
        d = read_dictionary(path)
        assert (d.words, d.terms, d.domains) == ([], [], [])


# ---------------------------------------------------------------------------------------------
# The real MOIS files (skipped when ../shared is absent)


@pytest.fixture(scope="module")
def pds7_dictionary() -> Dictionary:
    return read_dictionary(PDS7)


@pytest.mark.corpus
@needs(PDS7)
class TestPds7:
    def test_counts(self, pds7_dictionary):
        assert pds7_dictionary.layout == "mois-xlsx"
        assert counts(pds7_dictionary) == (9039, 2398, 115, 9027, 2396, 112)

    def test_retired_rows(self, pds7_dictionary):
        assert [
            sum(x.retired for x in rows)
            for rows in (pds7_dictionary.terms, pds7_dictionary.words, pds7_dictionary.domains)
        ] == [
            12,
            2,
            3,
        ]
        for rows in (pds7_dictionary.terms, pds7_dictionary.words, pds7_dictionary.domains):
            assert all(x.number == "" for x in rows if x.retired)
            assert [x.number for x in rows if not x.retired] == [
                str(i) for i in range(1, len(rows) - sum(x.retired for x in rows) + 1)
            ]
        reenacted = [t for t in pds7_dictionary.terms if "폐기후" in t.enacted]
        assert len(reenacted) == 12 and not any(t.retired for t in reenacted)

    def test_number_formatted_cells_stay_raw_digits(self, pds7_dictionary):
        # 조회수's 표현 형식 is the number 9999999999 shown through '#,##0' in Excel.
        assert by_name(pds7_dictionary.terms, "조회수").display_format == "9999999999"
        assert by_name(pds7_dictionary.domains, "순서N10").display_format == "9999999999"
        assert (
            by_name(pds7_dictionary.domains, "가격N10").display_format == "9,999,999,999"
        )  # typed text
        assert by_name(pds7_dictionary.domains, "가격N10").length == "10"
        numbers = [t.display_format for t in pds7_dictionary.terms if t.display_format[:1] == "9"]
        assert not [v for v in numbers if v.endswith(".0")]

    def test_cells(self, pds7_dictionary):
        join = by_name(pds7_dictionary.terms, "가입일자")
        assert join.allowed_values == "YYYY : 0001~9999,\nMM : 01~12, DD : 01~31"
        assert by_name(pds7_dictionary.words, "로그아웃").synonyms == ()
        assert by_name(pds7_dictionary.words, "법원").english == "Court "
        assert by_name(pds7_dictionary.terms, "기업명").synonyms == (
            "기업체명",
            "기업이름",
            "기업체이름",
            "기업명칭",
            "기업체명칭",
        )
        email = by_name(pds7_dictionary.words, "이메일")
        assert (email.synonyms, email.forbidden) == (("전자우편",), ("메일", "EMAIL", "e-mail"))
        assert sum(w.is_class_word for w in pds7_dictionary.active_words()) == 325
        assert all(w.is_class_word == bool(w.domain_class) for w in pds7_dictionary.words)
        code = by_name(pds7_dictionary.terms, "기관코드")
        assert (code.code_name, code.abbr, code.domain) == ("기관", "INST_CD", "코드C7")

    def test_xlsx_and_csv_trio_read_the_same(self, pds7_dictionary):
        if not PDS7_CSV.exists():
            pytest.skip("7차 CSV export not in ../shared")
        trio = read_dictionary(PDS7_CSV)
        assert trio.layout == "csv"
        assert_same(pds7_dictionary, trio)

    @pytest.mark.slow
    def test_round_trips(self, pds7_dictionary, tmp_path):
        write_xlsx(pds7_dictionary, tmp_path / "pds7.xlsx")
        write_csv(pds7_dictionary, tmp_path / "csv")
        assert_same(pds7_dictionary, read_dictionary(tmp_path / "pds7.xlsx"))
        assert_same(pds7_dictionary, read_dictionary(tmp_path / "csv"))
        if PDS7_CSV.exists():
            self._same_cells_as_the_shared_export(tmp_path / "csv")

    @staticmethod
    def _same_cells_as_the_shared_export(ours: Path) -> None:
        """Only list cells differ: we join with ', ' where 8 cells have ',' or ' ,' (doc §8)."""
        lists = {"이음동의어 목록", "금칙어 목록", "용어 이음동의어 목록"}
        differ = []
        for name in ("words.csv", "terms.csv", "domains.csv"):
            with (ours / name).open(encoding="utf-8-sig", newline="") as fh:
                a = list(csv.reader(fh))
            with (PDS7_CSV / name).open(encoding="utf-8-sig", newline="") as fh:
                b = list(csv.reader(fh))
            assert len(a) == len(b) and a[0] == b[0]
            for row_a, row_b in zip(a, b, strict=True):
                for header, x, y in zip(a[0], row_a, row_b, strict=True):
                    if x != y:
                        differ.append(header)
                        assert header in lists
                        assert re.split(r"\s*,\s*", x) == re.split(r"\s*,\s*", y) or y == ""
        assert 0 < len(differ) < 20


@pytest.mark.corpus
@needs(PDS1, PDS2)
def test_pds_2020_editions():
    first, second = read_dictionary(PDS1), read_dictionary(PDS2)
    assert (first.layout, second.layout) == ("mois-2020-xlsx", "mois-2020-xlsx")
    assert counts(first)[:3] == (338, 195, 13)
    assert counts(second)[:3] == (535, 339, 62)
    assert by_name(first.words, "가입").synonyms == ()  # 1차 blanks
    assert by_name(second.domains, "코드C12").extra == {"행정표준 코드명": ""}
    if PDS7.exists():  # doc §0: the abbreviations are stable across editions
        seventh = read_dictionary(PDS7)
        abbrs = {(w.name, w.abbr) for w in seventh.words}
        assert {(w.name, w.abbr) for w in second.words} <= abbrs
        assert {(t.name, t.abbr) for t in second.terms} <= {(t.name, t.abbr) for t in seventh.terms}


@pytest.mark.corpus
@needs(PDS8_DOMAINS)
def test_pds8_partial_domains():
    single, folder = read_dictionary(PDS8_DOMAINS), read_dictionary(PDS8)
    assert single.layout == "datagokr-csv"
    assert (len(single.words), len(single.terms), len(single.domains)) == (0, 0, 129)
    assert sum(d.retired for d in single.domains) == 3
    assert_same(single, folder)
    changed = [d.name for d in single.domains if d.extra["개정구분명(폐기 또는 변경)"] == "변경"]
    assert "금액N13" in changed and len(changed) == 6
