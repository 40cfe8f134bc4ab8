"""Column-to-standard suggestions: cleaning, rewriting, segmentation, profile fit, kinds, contract.

A small hand-made dictionary exercises every stage and always runs; a few checks on the real 7차
dictionary shipped in ``standards/`` follow.  No timing assertions (see benchmarks/).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalog_app.dictionary.model import Dictionary, Domain, Term, Word
from catalog_app.matching import CONFIDENT, Matcher, clean_header, suggest_file
from catalog_app.matching.contract import read_input, write_jsonl

STANDARDS = Path(__file__).resolve().parents[1] / "standards" / "pds7_2024-11"


def _w(name, abbr, english="", cls="", syn=(), forbidden=()):
    return Word(
        name=name,
        abbr=abbr,
        english=english,
        is_class_word=bool(cls),
        domain_class=cls,
        synonyms=tuple(syn),
        forbidden=tuple(forbidden),
    )


def _d(name, group, cls, dtype, length, scale="", display=""):
    return Domain(
        name=name,
        group=group,
        domain_class=cls,
        data_type=dtype,
        length=str(length),
        scale=str(scale),
        display_format=display,
    )


WORDS = [
    _w("계약", "CTRT", "Contract"),
    _w("판매", "SALE", "Sale"),
    _w("상품", "GDS", "Goods"),
    _w("분류", "CLSF", "Classification"),
    _w("회원", "MBR", "Member"),
    _w("탈퇴", "WHDWL", "Withdrawal"),
    _w("자료", "DATA", "Data", syn=("데이터",)),
    _w("등록", "REG", "Registration"),
    _w("매장", "STOR", "Store"),
    _w("개장", "OPN", "Opening"),
    _w("사용", "USE", "Use"),
    _w("직원", "EMP", "Employee", forbidden=("종업원",)),
    _w("일자", "YMD", "Date", "연월일"),
    _w("일시", "DT", "Date Time", "연월일시분초"),
    _w("금액", "AMT", "Amount", "금액"),
    _w("명", "NM", "Name", "명", syn=("명칭",)),
    _w("코드", "CD", "Code", "코드"),
    _w("수", "CNT", "Count", "수"),
    _w("여부", "YN", "Yes or No", "여부"),
    _w("시각", "TM", "Time", "시분초"),
    _w("시간", "HR", "Hour", "시분초"),
    _w("고도", "ALT", "Altitude", "수"),
]
DOMAINS = [
    _d("연월일C8", "날짜/시간", "연월일", "CHAR", 8, display="YYYY-MM-DD"),
    _d("연월일시분초D", "날짜/시간", "연월일시분초", "DATETIME", ""),
    _d("시분초C6", "날짜/시간", "시분초", "CHAR", 6, display="HH:MI:SS"),
    _d("금액N15", "금액", "금액", "NUMERIC", 15),
    _d("명V80", "명칭", "명", "VARCHAR", 80),
    _d("명V100", "명칭", "명", "VARCHAR", 100),
    _d("코드C3", "코드", "코드", "CHAR", 3),
    _d("수N10", "수량", "수", "NUMERIC", 10),
    _d("여부C1", "코드", "여부", "CHAR", 1),
]
TERMS = [
    Term("계약일자", "CTRT_YMD", "연월일C8"),
    Term("계약일시", "CTRT_DT", "연월일시분초D"),
    Term("계약금액", "CTRT_AMT", "금액N15"),
    Term("판매금액", "SALE_AMT", "금액N15"),
    Term("상품명", "GDS_NM", "명V80"),
    Term("상품분류명", "GDS_CLSF_NM", "명V100"),
    Term("상품분류코드", "GDS_CLSF_CD", "코드C3"),
    Term("회원수", "MBR_CNT", "수N10"),
    Term("회원탈퇴여부", "MBR_WHDWL_YN", "여부C1"),
    Term("자료등록일자", "DATA_REG_YMD", "연월일C8", synonyms=("데이터등록일자",)),
    Term("매장개장시각", "STOR_OPN_TM", "시분초C6"),
    Term("고도", "ALT", "수N10"),
]

DATES = ["2024-01-05", "2024-02-01", "2023-12-31"]
TIMES = ["09:00", "10:30", "18:00"]


@pytest.fixture(scope="module")
def official() -> Dictionary:
    return Dictionary(words=WORDS, terms=TERMS, domains=DOMAINS)


@pytest.fixture(scope="module")
def matcher(official) -> Matcher:
    return Matcher(official)


def top(s):
    return s.candidates[0].term if s.candidates else None


# -- cleaning ----------------------------------------------------------------------------------


def test_clean_whitespace_nbsp_and_newlines():
    ch = clean_header("\u00a0계약\n일자 ")
    assert ch.label == "계약일자"
    assert any("공백" in n for n in ch.notes)
    assert clean_header("계약일자").trimmed_only


def test_clean_units_and_notes_in_brackets():
    ch = clean_header("판매 면적(㎡)")
    assert ch.label == "판매면적" and ch.units == ("m2",)
    assert any("단위" in n for n in ch.notes)
    assert clean_header("금액(단위: 천원)").units == ("천원",)
    assert clean_header("계약일자(YYYY.MM.DD)").label == "계약일자"
    assert clean_header("회원수\n(회원 1천명당, 명)").label == "회원수"


def test_clean_word_in_brackets_is_a_qualifier():
    ch = clean_header("계약(일자)")
    assert ch.label == "계약" and ch.qualifiers == ("일자",)


def test_clean_period_numbering_and_datum_prefixes():
    assert clean_header("2011년03월_회원수").label == "회원수"
    assert clean_header("202403_회원수").label == "회원수"
    assert clean_header("1. 상품명").label == "상품명"
    assert clean_header("WGS84고도").label == "고도"


def test_clean_kosis_suffix_unless_the_whole_is_a_name():
    ch = clean_header("상품분류별(2)")
    assert ch.label == "상품분류"
    assert clean_header("성별", is_name=lambda s: s == "성별").label == "성별"


def test_clean_total_bands():
    ch = clean_header("회원수|합계")
    assert ch.label == "회원수" and ch.total and ch.band is None
    inline = clean_header("회원 총계(명)")
    assert inline.label == "회원" and inline.total_word


@pytest.mark.parametrize(
    "header",
    ["", "1999년", "2011|합계", "30-34세", "90세이상", "남자(명)", "경상남도", "총계", "회원|신규|남자",
     "회원|신규|기존", "Unnamed: 3"],
)  # fmt: skip
def test_clean_crosstab_bands(header):
    ch = clean_header(header)
    assert ch.band is not None and ch.label == ""


def test_clean_key_ignores_decoration_but_keeps_qualifiers():
    assert clean_header("회원 수(명)").key == clean_header("회원수").key
    assert clean_header("계약(일자)").key != clean_header("계약").key


def test_clean_latin_tokens():
    ch = clean_header("ContractAmount")
    assert ch.latin and ch.tokens == ("CONTRACT", "AMOUNT")
    assert clean_header("ctrt_ymd").tokens == ("CTRT", "YMD")


# -- exact, synonyms and rewriting ---------------------------------------------------------------


def test_exact(matcher):
    s = matcher.suggest("계약일자", DATES)
    assert s.kind == "exact" and top(s) == "계약일자"
    assert s.candidates[0].score >= CONFIDENT
    assert s.candidates[0].abbr == "CTRT_YMD" and s.candidates[0].domain == "연월일C8"
    assert "용어명 일치" in s.candidates[0].reasons


def test_term_synonym(matcher):
    s = matcher.suggest("데이터등록일자", DATES)
    assert s.kind == "synonym" and top(s) == "자료등록일자"
    assert s.candidates[0].score >= CONFIDENT


def test_word_synonym_rewrite(matcher):
    s = matcher.suggest("상품분류명칭", ["의류", "식품"])
    assert s.kind == "synonym" and top(s) == "상품분류명"
    assert any("이음동의어" in r for r in s.candidates[0].reasons)


def test_decoration_only_is_a_confident_variant(matcher):
    s = matcher.suggest("계약 금액(천원)", ["1,000", "25,000"])
    assert s.kind == "variant" and top(s) == "계약금액" and s.cleaned == "계약금액"
    assert s.candidates[0].score >= CONFIDENT
    assert any("단위" in r for r in s.candidates[0].reasons)


def test_amount_abbreviated(matcher):
    s = matcher.suggest("판매액", ["1200", "3400"])
    assert s.kind == "variant" and top(s) == "판매금액"


def test_truncated_class_word_and_alias(matcher):
    s = matcher.suggest("데이터등록일", DATES)
    assert s.kind == "variant" and top(s) == "자료등록일자"


def test_english_abbreviation_and_names(matcher):
    assert top(matcher.suggest("CTRT_YMD", DATES)) == "계약일자"
    assert top(matcher.suggest("ContractAmount", ["100"])) == "계약금액"
    assert top(matcher.suggest("Altitude", ["12.5"])) == "고도"


def test_typo_is_found_at_jamo_level(matcher):
    s = matcher.suggest("계약일짜", DATES)
    assert top(s) == "계약일자" and s.kind == "variant"
    assert s.candidates[0].score < CONFIDENT


# -- class word from the values, profile fit ----------------------------------------------------


def test_missing_class_word_chosen_by_values(matcher):
    text = matcher.suggest("상품분류", ["의류", "식품", "가전"])
    codes = matcher.suggest("상품분류", ["01", "02", "03"])
    assert top(text) == "상품분류명" and top(codes) == "상품분류코드"
    assert text.kind == "variant"
    assert text.candidates[0].score < CONFIDENT  # a guess, never confident on its own


def test_missing_count_class_word(matcher):
    s = matcher.suggest("회원", ["12", "40", "7"])
    assert top(s) == "회원수" and s.kind == "variant"


def test_class_word_of_the_same_class_swapped(matcher):
    s = matcher.suggest("매장개장시간", TIMES)
    assert s.kind == "variant" and top(s) == "매장개장시각"


def test_datetime_values_suggest_the_sibling_term(matcher):
    s = matcher.suggest("계약일자", ["2024-01-05 10:00:00", "2024-02-01 09:30:00"])
    assert top(s) == "계약일자"  # the header still decides
    assert [c.term for c in s.candidates[:2]] == ["계약일자", "계약일시"]


def test_domain_fit_type_flag_and_length(matcher):
    good = matcher.suggest("계약일자", DATES).candidates[0]
    bad = matcher.suggest("계약일자", ["미정", "추후 결정"]).candidates[0]
    assert bad.score < good.score and bad.score < CONFIDENT
    assert any("맞지 않음" in r for r in bad.reasons)

    yn = matcher.suggest("회원탈퇴여부", ["Y", "N"]).candidates[0]
    text = matcher.suggest("회원탈퇴여부", ["탈퇴 요청 후 처리 완료", "보류"]).candidates[0]
    assert yn.score > text.score
    assert any("Y/N" in r for r in yn.reasons)

    long_value = "가" * 75  # 150 bytes (한글 2바이트) against 명V80
    s = matcher.suggest("상품명", [long_value, "짧은 이름"]).candidates[0]
    short = matcher.suggest("상품명", ["짧은 이름"]).candidates[0]
    assert any("150바이트" in r for r in s.reasons) and s.score < short.score


def test_unit_in_header_against_domain(matcher):
    s = matcher.suggest("판매금액(명)", ["3", "5"]).candidates[0]
    assert any("단위" in r and "맞지 않음" in r for r in s.reasons)


def test_profile_object_instead_of_values(matcher):
    from catalog_app.scan.profile import ColumnAccumulator

    acc = ColumnAccumulator(0, "회원")
    acc.update(("1", "2", "3"))
    s = matcher.suggest("회원", profile=acc.finish())
    assert top(s) == "회원수"


# -- composable, nonstandard, not a column ------------------------------------------------------


def test_composable_from_standard_words(matcher):
    s = matcher.suggest("상품등록일자", DATES)
    assert s.kind == "composable"
    assert s.proposal == {
        "words": ["상품", "등록", "일자"],
        "abbr": "GDS_REG_YMD",
        "domain": "연월일C8",
        "name": "상품등록일자",
    }
    assert not s.candidates or s.candidates[0].score < CONFIDENT


def test_composable_after_forbidden_word(matcher):
    s = matcher.suggest("매장종업원수", ["3", "12"])
    assert s.kind == "composable"
    assert s.proposal["abbr"] == "STOR_EMP_CNT" and s.proposal["domain"] == "수N10"


def test_composable_domain_sized_from_values(matcher):
    s = matcher.suggest("매장코드", ["001", "002"])
    assert s.kind == "composable" and s.proposal["domain"] == "코드C3"


def test_nonstandard_names_the_missing_words(matcher):
    s = matcher.suggest("쿠폰사용여부", ["Y", "N"])
    assert s.kind == "nonstandard"
    assert s.proposal["missing"] == ["쿠폰"]
    assert all(c.score < CONFIDENT for c in s.candidates)


def test_nonstandard_without_class_word_proposes_one(matcher):
    s = matcher.suggest("매장회원", ["3", "12"])
    assert s.kind == "nonstandard"
    assert s.proposal["abbr"] == "STOR_MBR_CNT" and s.proposal["added"] == "수"


@pytest.mark.parametrize("header", ["1999년", "회원|신규|남자", "합계(명)", ""])
def test_not_a_column_has_no_candidate(matcher, header):
    s = matcher.suggest(header, ["10", "20"])
    assert s.kind == "not_a_column" and s.candidates == [] and s.proposal is None


def test_total_band_keeps_the_measure(matcher):
    s = matcher.suggest("회원수|합계", ["100", "200"])
    assert s.kind == "variant" and top(s) == "회원수"


def test_scores_are_in_unit_interval_and_top_five(matcher):
    for header, values in [("계약", DATES), ("상품", ["a"]), ("계약일짜", []), ("x", ["1"])]:
        s = matcher.suggest(header, values)
        assert len(s.candidates) <= 5
        assert all(0.0 <= c.score <= 1.0 for c in s.candidates)
        assert s.kind in ("exact", "synonym", "variant", "composable", "nonstandard")


# -- memory and institution layer ----------------------------------------------------------------


def test_memory_wins_when_the_values_fit(official):
    m = Matcher(official, memory={"매장": "매장개장시각"})
    s = m.suggest("매장", TIMES)
    assert top(s) == "매장개장시각" and "이전에 승인한 매핑" in s.candidates[0].reasons
    other = m.suggest("매장", ["강남점", "역삼점"])
    assert all("이전에 승인한 매핑" not in c.reasons for c in other.candidates)


def test_institution_terms(official):
    inst = Dictionary(
        words=[_w("쿠폰", "CPN", "Coupon")],
        terms=[Term("쿠폰사용여부", "CPN_USE_YN", "여부C1")],
    )
    s = Matcher(official, inst).suggest("쿠폰사용여부", ["Y", "N"])
    assert s.kind == "exact" and top(s) == "쿠폰사용여부"
    assert "기관 표준용어" in s.candidates[0].reasons


# -- the suggest contract ------------------------------------------------------------------------


def test_suggest_file_contract(tmp_path, matcher):
    path = tmp_path / "in.csv"
    path.write_text(
        '\ufeffheader,values\n계약일자,2024-01-05 | 2024-02-01\n"상품\n분류",의류 | 식품\n1999년,1 | 2\n',
        encoding="utf-8",
    )
    out = list(suggest_file(path, matcher))
    assert [o["header"] for o in out] == ["계약일자", "상품\n분류", "1999년"]
    assert [o["kind"] for o in out] == ["exact", "variant", "not_a_column"]
    first = out[0]
    # keys are only ever added: 'band' (why a not_a_column is one) came with issue 19
    assert set(first) == {"header", "kind", "candidates", "proposal", "checks", "band"}
    assert first["checks"] == [] and first["proposal"] is None and first["band"] is None
    assert out[2]["band"] == "기간 구간 '1999년'"
    assert set(first["candidates"][0]) == {"term", "abbr", "domain", "score", "reasons"}
    json.dumps(out, ensure_ascii=False)  # serialisable as JSON lines


def test_contract_values_column_is_optional(tmp_path, matcher):
    path = tmp_path / "in.csv"
    path.write_text("header\n계약일자\n", encoding="utf-8")
    assert list(read_input(path)) == [("계약일자", [])]
    out = tmp_path / "out.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        assert write_jsonl(path, matcher, fh) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["kind"] == "exact"


def test_contract_requires_header_column(tmp_path, matcher):
    path = tmp_path / "in.csv"
    path.write_text("name\nx\n", encoding="utf-8")
    with pytest.raises(ValueError):
        list(suggest_file(path, matcher))


# -- the real 7차 dictionary ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "values", "kind", "term"),
    [
        ("가맹점이름", ["한빛상회"], "synonym", "가맹점명"),
        ("사업자번호", ["123-45-67890"], "synonym", "사업자등록번호"),
        ("설치년도", ["2019", "2020"], "synonym", "설치연도"),
        ("신청일자(YYYY.MM.DD)", ["2024.01.05", "2024.02.01"], "variant", "신청일자"),
        ("접수 일자", ["2024-01-05"], "variant", "접수일자"),
        ("2011년_가입일자", ["2024-01-05"], "variant", "가입일자"),
        ("계약일", ["2024-01-05", "2024-02-11"], "variant", "계약일자"),
        ("가입일짜", ["2024-01-05"], "variant", "가입일자"),
        ("JOIN_YMD", ["20240105"], "variant", "가입일자"),
    ],
)
def test_real_dictionary(shipped_matcher, header, values, kind, term):
    s = shipped_matcher.suggest(header, values)
    assert (s.kind, top(s)) == (kind, term)


def test_real_dictionary_business_number_display_format(shipped_matcher):
    c = shipped_matcher.suggest("사업자등록번호", ["123-45-67890", "234-56-78901"]).candidates[0]
    assert c.score >= CONFIDENT and any("표현 형식" in r for r in c.reasons)


def test_real_dictionary_composable_and_nonstandard(shipped_matcher):
    s = shipped_matcher.suggest("상품분류코드", ["001", "002"])
    assert s.kind == "composable" and s.proposal["abbr"].endswith("_CD")
    n = shipped_matcher.suggest("드론촬영여부", ["Y", "N"])
    assert n.kind == "nonstandard" and n.proposal["missing"] == ["드론"]
