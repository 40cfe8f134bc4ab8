"""Column standard-compliance checks (T1, W1–W5, F1, D1–D5, N1–N3) and the 표준 준수율 arithmetic.

A hand-made dictionary gives every check a passing and a failing case and always runs; a few
cases run against the shipped 7차 (2024-11) dictionary, skipped when it is absent.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from catalog_app.dictionary.model import Domain, Term, Word
from catalog_app.dictionary.segment import WordIndex
from catalog_app.matching.check_record import Check
from catalog_app.matching.checks import (
    check_column,
    is_compliant,
    nonstandard_words,
    parse_allowed_values,
)
from catalog_app.matching.compliance import (
    ColumnResult,
    column_result,
    compliance,
    department_of,
    format_rate,
    top_nonstandard_words,
)
from catalog_app.scan.models import ColumnProfile

PDS7 = Path(__file__).resolve().parents[1] / "standards" / "pds7_2024-11"


def W(name, abbr, cls="", synonyms=(), forbidden=()):
    return Word(
        name=name,
        abbr=abbr,
        is_class_word=bool(cls),
        domain_class=cls,
        synonyms=tuple(synonyms),
        forbidden=tuple(forbidden),
    )


WORDS = [
    W("가입", "JOIN"),
    W("일자", "YMD", "연월일"),
    W("일", "DAY"),
    W("일시", "DT", "연월일시분초"),
    W("금액", "AMT", "금액"),
    W("가산", "ADTN"),
    W("명", "NM", "명", synonyms=["이름", "명칭"]),
    W("파일", "FILE", forbidden=["화일"]),
    W("사용", "USE"),
    W("여부", "YN", "여부"),
    W("연도", "YR", "연도", synonyms=["년도"]),
    W("코드", "CD", "코드"),
    W("계약", "CTRT"),
    W("방법", "MTHD"),
    W("감사", "ADT"),
    W("감사인", "ADTR"),
    W("인원수", "NOPE", "수"),
    W("원", "WON"),
    W("수", "CNT", "수"),
    W("율", "RT", "율"),
    W("사업자등록번호", "BRNO", "사업자등록번호"),
    W("이사", "MVMN"),  # moving house
    W("이사", "DRCTR"),  # director: a homonym (동음이의어)
    W("비고", "RMRK"),
]


def D(name, cls, dtype, length="", scale="", storage="", display="", allowed=""):
    return Domain(
        name=name,
        domain_class=cls,
        data_type=dtype,
        length=length,
        scale=scale,
        storage_format=storage,
        display_format=display,
        allowed_values=allowed,
    )


DOMAINS = [
    D("연월일C8", "연월일", "CHAR", "8", "", "YYYYMMDD", "YYYY-MM-DD", "YYYY : 0001~9999"),
    D(
        "연월일시분초D",
        "연월일시분초",
        "DATETIME",
        "",
        "",
        "YYYYMMDDHH24MISS",
        "YYYY-MM-DD HH:MI:SS",
    ),
    D("금액N15", "금액", "NUMERIC", "15", "", "999999999999999"),
    D("금액N22,2", "금액", "NUMERIC", "22", "2", "99999999999999999999.99"),
    D("율N5,2", "율", "NUMERIC", "5", "2", "999.99"),
    D("명V20", "명", "VARCHAR", "20", "", "20자리 이내 문자"),
    D("명V100", "명", "VARCHAR", "100", "", "100자리 이내 문자"),
    D("명V200", "명", "VARCHAR", "200", "", "200자리 이내 문자"),
    D("여부C1", "여부", "CHAR", "1", "", "1자리 문자", "Y or N", "Y : 여(예),\nN : 부(아니요)"),
    D("코드C1", "코드", "CHAR", "1", "", "1자리 문자"),
    D("코드C3", "코드", "CHAR", "3", "", "3자리 문자"),
    D("사업자등록번호C10", "사업자등록번호", "CHAR", "10", "", "10자리 문자", "999-99-99999"),
]


def T(name, abbr, domain, allowed="", synonyms=(), retired=False, storage=""):
    return Term(
        name=name,
        abbr=abbr,
        domain=domain,
        allowed_values=allowed,
        synonyms=tuple(synonyms),
        retired=retired,
        storage_format=storage,
    )


TERMS = {
    t.name: t
    for t in [
        T("가입일자", "JOIN_YMD", "연월일C8", storage="YYYYMMDD"),
        T("가입일시", "JOIN_DT", "연월일시분초D"),
        T("가산금액", "ADTN_AMT", "금액N15"),
        T("가산율", "ADTN_RT", "율N5,2"),
        T("파일명", "FILE_NM", "명V100", synonyms=["파일이름"]),
        T("사용여부", "USE_YN", "여부C1"),
        T("계약방법코드", "CTRT_MTHD_CD", "코드C1", allowed="1: 일반경쟁, 2:지명경쟁"),
        T("가입코드", "JOIN_CD", "코드C3", allowed="001 : 본인, 002 : 처 …"),
        T("사업자등록번호", "BRNO", "사업자등록번호C10"),
        T("가입금액", "JOIN_MONEY", "금액N15"),  # abbreviation not built from the words
        T("가입명", "JOIN_NM", "명V100", retired=True),
    ]
}


@cache
def index() -> WordIndex:
    return WordIndex(WORDS, DOMAINS, [t for t in TERMS.values() if not t.retired])


def P(kind="text", **kw) -> ColumnProfile:
    return ColumnProfile(index=0, label="", inferred_type=kind, **kw)


def run(label, profile=None, term=None, cleaned=None) -> list[Check]:
    t = TERMS[term] if term else None
    return check_column(label, profile, t, None, index(), cleaned)


def codes(checks: list[Check], severity: str | None = None) -> list[str]:
    return [c.code for c in checks if severity is None or c.severity == severity]


def only(checks: list[Check], code: str) -> Check:
    found = [c for c in checks if c.code == code]
    assert len(found) == 1, checks
    return found[0]


# -- T1 ----------------------------------------------------------------------------------------


def test_t1_passes_for_the_term_name_and_its_abbreviation():
    assert run("가입일자", term="가입일자") == []
    assert run("JOIN_YMD", term="가입일자") == []
    assert run("join_ymd", term="가입일자") == []


def test_t1_unmapped_column_is_an_error_with_a_new_term_proposal():
    c = only(run("감사금액"), "T1")
    assert c.severity == "error" and "미등록 용어" in c.message
    assert "감사금액(ADT_AMT, 금액N15)" in c.message  # registered words ending in a class word


def test_t1_header_differs_from_mapped_term():
    c = only(run("가입일", term="가입일자"), "T1")
    assert c.severity == "error" and c.suggestion == "가입일자"
    assert "'가입일'" in c.message and "'가입일자'" in c.message


def test_t1_term_synonym_is_a_warning_and_retired_term_an_error():
    c = only(run("파일이름", term="파일명"), "T1")
    assert c.severity == "warning" and c.suggestion == "파일명"
    c = only(run("가입명", term="가입명"), "T1")
    assert c.severity == "error" and "폐기" in c.message


# -- W1–W5, F1 ---------------------------------------------------------------------------------


def test_w1_unknown_words():
    assert "W1" not in codes(run("가산금액"))
    c = only(run("가입포인트금액"), "W1")
    assert c.severity == "error" and "포인트" in c.message and c.words == ("포인트",)


def test_w2_forbidden_word_suggests_standard_word():
    assert "W2" not in codes(run("파일명", term="파일명"))
    c = only(run("화일명"), "W2")
    assert c.severity == "error" and c.suggestion == "파일" and "파일명" in c.message
    assert c.words == ("화일",)


def test_w3_synonym_is_a_warning():
    assert "W3" not in codes(run("연도"))
    c = only(run("가입년도"), "W3")
    assert c.severity == "warning" and c.suggestion == "연도"
    c = only(run("파일이름"), "W3")
    assert c.suggestion == "명"


def test_w4_homonym():
    assert "W4" not in codes(run("가입명"))
    c = only(run("이사명"), "W4")
    assert c.severity == "warning" and "MVMN" in c.message and "DRCTR" in c.message


def test_w5_ambiguous_composition():
    assert "W5" not in codes(run("가입일자"))
    c = only(run("감사인원수"), "W5")
    assert c.severity == "warning"
    assert "감사인+원+수" in c.message and "감사+인원수" in c.message


def test_w5_skipped_when_the_header_is_the_mapped_term():
    # the term's abbreviation settles the split, so no ambiguity is left to report
    term = Term("감사인원수", "ADT_NOPE", "금액N15")
    assert "W5" not in codes(check_column("감사인원수", None, term, None, index()))


def test_f1_class_word_ending():
    assert "F1" not in codes(run("가입일자"))
    c = only(run("가입일"), "F1")
    assert c.severity == "error" and "'일'" in c.message
    assert "F1" not in codes(run("가입년도"))  # a synonym of a class word still ends in it
    assert "F1" in codes(run("JOIN_DAY"))  # physical names: the last abbreviation's word


def test_physical_name_tokens_must_be_word_abbreviations():
    assert codes(run("JOIN_YMD")) == ["T1"]  # registered words, but not mapped
    c = only(run("JOIN_XYZ_AMT"), "W1")
    assert c.words == ("XYZ",)


# -- N1–N3 -------------------------------------------------------------------------------------


def test_n1_unsuitable_characters():
    assert "N1" not in codes(run("가산금액", term="가산금액"))
    checks = run("가산금액\n(원)", term="가산금액")
    c = only(checks, "N1")
    assert c.severity == "error" and "줄바꿈" in c.message and "괄호" in c.message
    assert c.suggestion == "가산금액"
    assert codes(checks) == ["N1"]  # the cleaned name is the term: no T1, no unknown word '원'
    assert "공백" in only(run("가산 금액"), "N1").message
    assert "여러 행" in only(run("가입|일자"), "N1").message
    assert "N1" not in codes(run("JOIN_YMD", term="가입일자"))  # '_' of a physical name


def test_n1_uses_the_matchers_cleaned_label():
    checks = run("가산금액 합계(천원)", term="가산금액", cleaned="가산금액")
    assert codes(checks) == ["N1"]


def test_n2_abbreviation_rule():
    assert "N2" not in codes(run("가산금액", term="가산금액"))
    c = only(run("가입금액", term="가입금액"), "N2")
    assert c.severity == "error" and c.suggestion == "JOIN_AMT"


def test_n3_missing_or_generated_header():
    assert "N3" not in codes(run("비고"))
    for label in ("", "  ", "열3", "Unnamed: 2", "Column 4", "※"):
        c = only(run(label), "N3")
        assert c.severity == "error", label
        assert "W1" not in codes(run(label))


# -- D1–D5 -------------------------------------------------------------------------------------


def test_d1_numeric_domain():
    assert run("가산금액", P("integer", min_value="1", max_value="900"), "가산금액") == []
    c = only(run("가산금액", P("text", max_len_bytes=12), "가산금액"), "D1")
    assert c.severity == "error" and "금액N15" in c.message
    c = only(run("가산금액", P("code", min_value="007", max_value="120"), "가산금액"), "D1")
    assert c.severity == "warning"


def test_d1_flag_domain_needs_y_n():
    yn = P("flag", top_values=[("Y", 5), ("N", 2)], distinct_count=2)
    assert run("사용여부", yn, "사용여부") == []
    c = only(run("사용여부", P("integer", top_values=[("0", 3), ("1", 2)]), "사용여부"), "D1")
    assert c.severity == "error" and "0/1" in c.message


def test_d1_date_domain():
    assert run("가입일자", P("date", date_format="YYYYMMDD"), "가입일자") == []
    c = only(run("가입일자", P("text", pattern="가가가"), "가입일자"), "D1")
    assert c.severity == "error" and "연월일C8" in c.message


def test_d2_length():
    fits = P("text", max_len_bytes=90)
    assert run("파일명", fits, "파일명") == []
    c = only(run("파일명", P("text", max_len_bytes=152), "파일명"), "D2")
    assert c.severity == "error" and c.suggestion == "명V200"
    assert c.message == "'파일명'의 최대 길이 152바이트가 도메인 명V100(100바이트)을 넘습니다."
    c = only(run("파일명", P("text", max_len_bytes=12), "파일명"), "D2")
    assert c.severity == "warning" and c.suggestion == "명V20"
    c = only(run("가입코드", P("integer", max_len_bytes=1), "가입코드"), "D2")
    assert c.severity == "warning" and "앞자리 0" in c.message


def test_d2_numeric_integer_digits():
    big = P("integer", min_value="0", max_value="1,234,567,890,123,456")
    c = only(run("가산금액", big, "가산금액"), "D2")
    assert c.severity == "error" and "16자리" in c.message and c.suggestion == "금액N22,2"


def test_d3_decimal_places():
    ok = P("decimal", decimal_places=2, min_value="0.5", max_value="99.25")
    assert run("가산율", ok, "가산율") == []
    c = only(run("가산율", P("decimal", decimal_places=3, max_value="1.125"), "가산율"), "D3")
    assert c.severity == "error" and "3자리" in c.message
    c = only(run("가산금액", P("decimal", decimal_places=2, max_value="10.5"), "가산금액"), "D3")
    assert "소수점 없음" in c.message and c.suggestion == "금액N22,2"


def test_d4_date_storage_format():
    assert run("가입일자", P("date", date_format="YYYYMMDD"), "가입일자") == []
    assert run("가입일자", P("date", date_format="excel"), "가입일자") == []  # typed Excel date
    c = only(run("가입일자", P("date", date_format="YYYY-MM-DD"), "가입일자"), "D4")
    assert c.severity == "warning" and c.suggestion == "YYYYMMDD"  # written as the 표현 형식
    c = only(run("가입일자", P("date", date_format="YYYY.MM.DD"), "가입일자"), "D4")
    assert c.severity == "error" and "YYYY.MM.DD" in c.message
    c = only(run("가입일자", P("integer", pattern="99999999"), "가입일자"), "D4")
    assert c.severity == "warning" and "유효한 날짜" in c.message


def test_d4_datetime_and_separator_shapes():
    dt = P("datetime", date_format="YYYY-MM-DD HH:MM:SS")
    assert only(run("가입일시", dt, "가입일시"), "D4").severity == "warning"
    compact = P("integer", pattern="99999999999999")
    assert run("가입일시", compact, "가입일시") == []
    assert only(
        run("가입일시", P("date", date_format="YYYY-MM-DD"), "가입일시"), "D4"
    ).severity == ("error")
    shown = P("text", pattern="999-99-99999", max_len_bytes=12)
    c = only(run("사업자등록번호", shown, "사업자등록번호"), "D4")
    assert c.severity == "warning" and "D2" not in codes(
        run("사업자등록번호", shown, "사업자등록번호")
    )
    plain = P("code", pattern="9999999999", max_len_bytes=10)
    assert run("사업자등록번호", plain, "사업자등록번호") == []


def test_d5_allowed_values():
    ok = P("integer", top_values=[("1", 9), ("2", 3)], distinct_count=2, max_len_bytes=1)
    assert run("계약방법코드", ok, "계약방법코드") == []
    bad = P("text", top_values=[("1", 9), ("일반경쟁", 3), ("9", 1)], distinct_count=3)
    c = only(run("계약방법코드", bad, "계약방법코드"), "D5")
    assert c.severity == "error" and "'일반경쟁'(3건)" in c.message and "'9'(1건)" in c.message
    assert "코드명" in c.message
    flags = P("flag", top_values=[("예", 4), ("아니오", 1)], distinct_count=2)
    c = only(run("사용여부", flags, "사용여부"), "D5")
    assert "'예'(4건)" in c.message
    # a sample list ending in '…' cannot say a value is wrong
    sample = P("code", top_values=[("009", 2)], distinct_count=1, max_len_bytes=3)
    assert run("가입코드", sample, "가입코드") == []


def test_parse_allowed_values():
    assert parse_allowed_values("Y : 여(예),\nN : 부(아니요)") == {"Y": "여(예)", "N": "부(아니요)"}
    assert parse_allowed_values("1: 일반경쟁, 2:지명경쟁") == {"1": "일반경쟁", "2": "지명경쟁"}
    assert parse_allowed_values("Y, N") == {"Y": "", "N": ""}
    assert parse_allowed_values("0 : 일본인, 창씨명등, 1 : 개인")["0"] == "일본인, 창씨명등"
    for text in ("", "001 : 본인, 002 : 처 …", "10 : 정기분 ... ", "YYYY : 0001~9999", "1~99"):
        assert parse_allowed_values(text) is None, text
    assert parse_allowed_values("M(복수여권)\nS(단수여권)") is None


def test_empty_column_and_missing_profile_skip_value_checks():
    assert run("가입일자", P("empty"), "가입일자") == []
    assert run("가입일자", None, "가입일자") == []


# -- compliance --------------------------------------------------------------------------------


def test_is_compliant():
    assert is_compliant(run("가입일자", P("date", date_format="YYYY-MM-DD"), "가입일자"))
    assert not is_compliant(run("가입일자"))  # not mapped
    assert not is_compliant(run("가입일자", P("date", date_format="YYYY.MM.DD"), "가입일자"))
    assert is_compliant([])
    assert not is_compliant([Check("D5", "error", "x")])
    assert is_compliant([Check("W3", "warning", "x")])


def R(ds, table, dept, ok, kind="column", words=()):
    return ColumnResult(ds, f"파일{ds}", dept, table, "c", kind, ok, [], list(words))


def test_compliance_rates_per_scope():
    results = [
        R(1, "Sheet1", "총무과", True),
        R(1, "Sheet1", "총무과", True),
        R(1, "Sheet1", "총무과", False),
        R(1, "Sheet2", "총무과", True),
        R(2, "Sheet1", "세무과", False),
        R(2, "Sheet1", "세무과", True, kind="not_a_column"),
        R(3, "Sheet1", "세무과", True, kind="not_a_column"),
    ]
    rates = compliance(results)
    [catalog] = rates["catalog"]
    assert (catalog.compliant, catalog.checked, catalog.excluded) == (3, 5, 2)
    assert catalog.rate == 60.0
    assert catalog.formula == "준수 컬럼 3 / 점검 컬럼 5 × 100 = 60.0% (교차표 구분 열 2개 제외)"
    tables = {r.key: r for r in rates["table"]}
    assert tables[(1, "Sheet1")].rate == 66.7 and tables[(1, "Sheet1")].name == "파일1 › Sheet1"
    assert tables[(1, "Sheet1")].formula == "준수 컬럼 2 / 점검 컬럼 3 × 100 = 66.7%"
    assert tables[(1, "Sheet2")].rate == 100.0
    empty = tables[(3, "Sheet1")]
    assert (empty.checked, empty.excluded, empty.rate) == (0, 1, None)
    assert "계산할 수 없습니다" in empty.formula
    datasets = {r.key: r for r in rates["dataset"]}
    assert datasets[(1,)].rate == 75.0 and datasets[(2,)].rate == 0.0
    depts = {r.name: r for r in rates["department"]}
    assert (depts["총무과"].compliant, depts["총무과"].checked) == (3, 4)
    assert (depts["세무과"].compliant, depts["세무과"].checked, depts["세무과"].excluded) == (
        0,
        1,
        2,
    )


def test_compliance_of_nothing_and_rounding():
    [catalog] = compliance([])["catalog"]
    assert catalog.rate is None and catalog.checked == 0
    assert format_rate(1, 8)[0] == 12.5
    assert format_rate(1, 16)[0] == 6.3  # half up, not to even
    assert format_rate(2, 3)[0] == 66.7
    assert format_rate(42, 50) == (84.0, "준수 컬럼 42 / 점검 컬럼 50 × 100 = 84.0%")


def test_department_of():
    assert department_of("총무과/2024/예산") == "총무과"
    assert department_of("") == "(최상위 폴더)"
    mapping = {"본청/총무과": "총무과", "본청": "본청 기타"}
    assert department_of("본청/총무과/2024", mapping) == "총무과"
    assert department_of("본청/총무과2", mapping) == "본청 기타"
    assert department_of("사업소", mapping) == "사업소"


def test_column_result_and_top_words():
    checks = run("화일명")
    r = column_result(1, "a.xlsx", "총무과", "Sheet1", "화일명", "column", checks)
    assert not r.compliant and r.codes == ["T1", "W2"] and r.words == ["화일"]
    assert nonstandard_words(checks) == ["화일"]
    results = [
        r,
        R(1, "S", "d", False, words=["포인트", "화일"]),
        R(2, "S", "d", False, words=["포인트"]),
        R(3, "S", "d", False, kind="not_a_column", words=["포인트"]),
    ]
    assert top_nonstandard_words(results) == [("포인트", 2), ("화일", 2)]
    pairs = [(R(1, "S", "d", False), ["년도", "년도"])]
    assert top_nonstandard_words(pairs) == [("년도", 1)]


# -- the shipped 7차 dictionary ----------------------------------------------------------------


@cache
def pds7():
    from catalog_app.dictionary.formats import read_dictionary

    d = read_dictionary(PDS7)
    terms = {t.name: t for t in d.active_terms()}
    return WordIndex(d.words, d.domains, d.terms), terms


needs_pds7 = pytest.mark.skipif(not PDS7.is_dir(), reason="shipped 7차 dictionary absent")


@needs_pds7
def test_pds7_every_official_term_name_passes_its_header_checks():
    ix, terms = pds7()
    failing = [
        (name, codes(check_column(name, None, t, None, ix)))
        for name, t in terms.items()
        if check_column(name, None, t, None, ix)
    ]
    assert failing == []


@needs_pds7
def test_pds7_examples():
    ix, terms = pds7()
    assert (
        check_column("가입일자", P("date", date_format="YYYYMMDD"), terms["가입일자"], None, ix)
        == []
    )
    assert codes(check_column("화일명", None, None, None, ix)) == ["T1", "W2"]
    assert codes(check_column("년도", None, None, None, ix)) == ["T1", "W3"]
    assert "W5" in codes(check_column("감사인원수", None, None, None, ix))
    assert "F1" in codes(check_column("민원접수일", None, None, None, ix))
    c = only(
        check_column("가맹점명", P("text", max_len_bytes=252), terms["가맹점명"], None, ix), "D2"
    )
    assert c.message == "'가맹점명'의 최대 길이 252바이트가 도메인 명V200(200바이트)을 넘습니다."
    flags = P("flag", top_values=[("Y", 3), ("O", 1)], distinct_count=2)
    assert codes(check_column("사용여부", flags, terms["사용여부"], None, ix)) == ["D5"]
    sample = P("code", top_values=[("099", 1)], distinct_count=1, max_len_bytes=3)
    assert check_column("가족관계코드", sample, terms["가족관계코드"], None, ix) == []


# -- 단어 / 용어 / 도메인: the split rates -------------------------------------------------------


def test_split_parts_judge_each_part_by_its_own_errors():
    from catalog_app.matching.compliance import split_parts

    # a standard term written as such, values fine: every part passes
    assert split_parts([], True) == {"word": True, "term": True, "domain": True}
    # an unmapped header made of standard words: words pass, the term fails, the domain is unjudged
    t1 = [Check("T1", "error", "x")]
    assert split_parts(t1, False) == {"word": True, "term": False, "domain": None}
    # a 금칙어: the word part fails; a synonym warning fails nothing
    assert split_parts([Check("W2", "error", "x")], False)["word"] is False
    assert split_parts([Check("W3", "warning", "x")], False)["word"] is True
    # values too long for the domain: only the domain part fails
    d2 = [Check("D2", "error", "x")]
    assert split_parts(d2, True) == {"word": True, "term": True, "domain": False}
    # a generated header has neither words nor a term
    n3 = split_parts([Check("N3", "error", "x")], False)
    assert n3["word"] is False and n3["term"] is False


def P2(ds, ok, parts, kind="column"):
    return ColumnResult(ds, f"파일{ds}", "총무과", "S", "c", kind, ok, [], [], parts)


def test_split_rates_and_formulas():
    results = [
        P2(1, True, {"word": True, "term": True, "domain": True}),
        P2(1, False, {"word": True, "term": False, "domain": None}),
        P2(1, False, {"word": False, "term": False, "domain": None}),
        P2(2, False, {"word": True, "term": True, "domain": False}),
        P2(2, False, {}, kind="not_a_column"),
    ]
    [catalog] = compliance(results)["catalog"]
    assert (catalog.compliant, catalog.checked, catalog.rate) == (1, 4, 25.0)
    assert (catalog.word_compliant, catalog.word_checked, catalog.word_rate) == (3, 4, 75.0)
    assert (catalog.term_compliant, catalog.term_checked, catalog.term_rate) == (2, 4, 50.0)
    assert (catalog.domain_compliant, catalog.domain_checked, catalog.domain_rate) == (1, 2, 50.0)
    assert catalog.word_formula == (
        "단어 준수 컬럼 3 / 점검 컬럼 4 × 100 = 75.0% (교차표 구분 열 1개 제외)"
    )
    assert catalog.domain_formula == (
        "도메인 준수 컬럼 1 / 점검 컬럼 2 × 100 = 50.0% "
        "(교차표 구분 열 1개 제외, 표준 도메인이 없거나 값이 없는 컬럼 2개 제외)"
    )
    assert catalog.part("term") == (50.0, catalog.term_formula)
    # a scope where no column could be judged on its domain says so instead of 0 %
    [only_unmapped] = [r for r in compliance(results[1:3])["catalog"]]
    assert only_unmapped.domain_rate is None
    assert "계산할 수 없습니다" in only_unmapped.domain_formula


def test_split_rates_leave_out_columns_of_unknown_parts():
    # a snapshot of an older release has no parts: the composite counts it, the split does not
    [catalog] = compliance([P2(1, True, {}), P2(1, False, {"word": True, "term": False})])[
        "catalog"
    ]
    assert catalog.checked == 2 and catalog.word_checked == 1 and catalog.term_rate == 0.0


@needs_pds7
def test_phone_with_hyphens_is_a_quality_finding_not_a_standard_breach():
    ix, terms = pds7()
    term = terms["전화번호"]
    assert term.domain == "전화번호V11"
    written = P("text", pattern="999-9999-9999", max_len_bytes=13, samples=["02-***-1234"])
    found = check_column("전화번호", written, term, None, ix)
    assert codes(found) == ["D4"] and only(found, "D4").severity == "warning"
    assert "품질" in only(found, "D4").message and is_compliant(found)
    # without the separators it would still be too long: that stays a D2 error
    broken = P("text", pattern="999-9999-9999", max_len_bytes=40)
    assert only(check_column("전화번호", broken, term, None, ix), "D2").severity == "error"
    # written without separators and too long: D2 error as before
    long_plain = P("code", pattern="999999999999", max_len_bytes=12)
    assert "D2" in codes(check_column("전화번호", long_plain, term, None, ix))
