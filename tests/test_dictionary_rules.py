"""Term decomposition and the word/term registration checks of the 공통표준 dictionary.

A small hand-made dictionary exercises every rule and always runs; the real 7차 (2024-11) CSV
trio under /work/shared checks the hard requirements (100 % of the official abbreviations
reproduced from the Korean name alone, no errors on any official term) and is skipped when absent.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from catalog_app.dictionary.model import Domain, Term, Word
from catalog_app.dictionary.rules import (
    Finding,
    TermSet,
    propose_abbreviation,
    propose_term,
    validate_term,
    validate_word,
)
from catalog_app.dictionary.segment import WordIndex, cover, decompose, segmentations

PDS7 = Path("/work/shared/standards/official/pds7_2024-11")


# -- the real 7차 edition ----------------------------------------------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [
            {k: "" if v.strip() == "-" else v.strip() for k, v in row.items()}
            for row in csv.DictReader(fh)
        ]


def _retired(row: dict[str, str]) -> bool:
    # '(폐기후제정)' (re-enacted) stays active; spaces and newlines vary, so they are removed.
    return row["번호"] == "" or "(폐기)" in "".join(row["제정차수(제정연월)"].split())


def _list(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.replace("，", ",").split(",") if x.strip())


@cache
def _pds7() -> tuple[list[Word], list[Term], list[Domain]]:
    words = [
        Word(
            name=r["공통표준단어명"],
            abbr=r["공통표준단어영문약어명"],
            english=r["공통표준단어 영문명"],
            description=r["공통표준단어 설명"],
            is_class_word=r["형식단어 여부"] == "Y",
            domain_class=r["공통표준도메인분류명"],
            synonyms=_list(r["이음동의어 목록"]),
            forbidden=_list(r["금칙어 목록"]),
            enacted=r["제정차수(제정연월)"],
            retired=_retired(r),
            number=r["번호"],
        )
        for r in _rows(PDS7 / "words.csv")
    ]
    terms = [
        Term(
            name=r["공통표준용어명"],
            abbr=r["공통표준용어영문약어명"],
            domain=r["공통표준도메인명"],
            description=r["공통표준용어설명"],
            synonyms=_list(r["용어 이음동의어 목록"]),
            enacted=r["제정차수(제정연월)"],
            retired=_retired(r),
            number=r["번호"],
        )
        for r in _rows(PDS7 / "terms.csv")
    ]
    domains = [
        Domain(
            name=r["공통표준도메인명"],
            group=r["공통표준도메인그룹명"],
            domain_class=r["공통표준도메인분류명"],
            data_type=r["데이터타입"],
            length=r["데이터길이"],
            scale=r["데이터소수점길이"],
            enacted=r["제정차수(제정연월)"],
            retired=_retired(r),
            number=r["번호"],
        )
        for r in _rows(PDS7 / "domains.csv")
    ]
    return words, terms, domains


def _domain_map(domains: list[Domain]) -> dict[str, Domain]:
    """By name, an active row winning over a retired one (번호C13 was retired and re-enacted)."""
    out: dict[str, Domain] = {}
    for d in sorted(domains, key=lambda d: d.retired):
        out.setdefault(d.name, d)
    return out


@pytest.fixture(scope="module")
def pds7():
    if not (PDS7 / "terms.csv").exists():
        pytest.skip("7차 CSV trio not available (/work/shared absent)")
    words, terms, domains = _pds7()
    index = WordIndex(words, domains, terms)
    return words, terms, domains, index


def test_pds7_loader_counts(pds7):
    words, terms, domains, index = pds7
    assert sum(not w.retired for w in words) == len(index.words) == 2396
    assert sum(not t.retired for t in terms) == 9027
    assert sum(not d.retired for d in domains) == len(index.domains) == 112


def test_pds7_decomposition_reproduces_every_official_abbreviation(pds7):
    words, terms, domains, _ = pds7
    active = [t for t in terms if not t.retired]
    index = WordIndex(words, domains, terms)
    got = [(t, decompose(t.name, index)) for t in active]
    mismatches = [
        (t.name, t.abbr, ws and "_".join(w.abbr for w in ws))
        for t, ws in got
        if ws is None or "_".join(w.abbr for w in ws) != t.abbr
    ]
    assert len(mismatches) == 0, mismatches[:10]
    # with the abbreviation given the split is read off it
    with_abbr = [t.name for t in active if decompose(t.name, index, t.abbr) is None]
    assert with_abbr == []


def test_pds7_structural_rules_alone_miss_only_the_inconsistent_term(pds7):
    """Without term statistics only 건물층수 fails: the edition splits it 건물+층+수 while
    지상층수, 지하층수, 최고층수 and 최저층수 use the class word 층수 (NOFL)."""
    words, terms, domains, _ = pds7
    index = WordIndex(words, domains)
    wrong = [
        t.name
        for t in terms
        if not t.retired and "_".join(w.abbr for w in decompose(t.name, index) or []) != t.abbr
    ]
    assert wrong == ["건물층수"]


def test_pds7_hard_cases(pds7):
    *_, index = pds7
    cases = {
        "감사인원수": "ADT_NOPE",
        "미수금액": "UCLT_AMT",
        "가산점수": "ADTN_SCR",
        "건물층수": "BLDG_FLR_CNT",
        "지상층수": "GRND_NOFL",
        "지급처리일자": "GIVE_PRCS_YMD",
        "근로소득공제금액": "ERICM_DDC_AMT",
        "법적용시작일자": "LAW_APLCN_BGNG_YMD",
    }
    got = {n: "_".join(w.abbr for w in decompose(n, index)) for n in cases}
    assert got == cases


def test_pds7_dp_agrees_with_the_enumeration(pds7):
    _, terms, _, index = pds7
    for t in terms:
        if t.retired:
            continue
        segs = segmentations(t.name, index, limit=3)
        if len(segs) > 1:
            assert [id(w) for w in segs[0]] == [id(w) for w in decompose(t.name, index)], t.name


def test_pds7_no_errors_on_official_terms(pds7):
    words, terms, domains, index = pds7
    dmap = _domain_map(domains)
    existing = TermSet(terms)
    errors, warned = [], {}
    for t in terms:
        if t.retired:
            continue
        for f in validate_term(t, index, dmap, existing):
            if f.severity == "error":
                errors.append((t.name, f))
            else:
                warned.setdefault(t.name, set()).add(f.code)
    assert errors == []
    # the 8 documented class/domain exceptions of standards-format.md §6, and nothing else
    assert warned == {
        name: {"D7"}
        for name in (
            "개인식별번호",
            "결제카드번호",
            "법인카드번호",
            "신용카드번호",
            "수업료",
            "전기전도도",
            "정산수수료",
            "직접인건비",
        )
    }


def test_pds7_no_findings_on_official_words(pds7):
    words, _, _, index = pds7
    found = {w.name: validate_word(w, index) for w in words if not w.retired}
    assert {k: v for k, v in found.items() if v} == {}


def test_pds7_term_checks_catch_real_mistakes(pds7):
    words, terms, domains, index = pds7
    dmap = _domain_map(domains)
    existing = TermSet(terms)
    codes = lambda t: {f.code for f in validate_term(t, index, dmap, existing)}  # noqa: E731
    assert "T1" in codes(Term("가입일자", "JOIN_DT", "연월일C8"))
    assert "T3" in codes(Term("가입날일자", "JOIN_YMD", "연월일C8"))
    assert {"W3"} <= codes(Term("사업년도", "BIZ_YR", "연도C4"))
    assert "W2" in codes(Term("메일주소", "EML_ADDR", "주소V200"))


def test_pds7_propose_term_sizes_the_domain(pds7):
    words, terms, domains, index = pds7
    dmap = _domain_map(domains)
    assert propose_term("가맹점명", index, dmap, max_bytes=150) == ("FRCS_NM", "명V200")
    assert propose_term("가맹점명", index, dmap, max_bytes=60) == ("FRCS_NM", "명V80")
    assert propose_term("가맹점명", index, dmap) == ("FRCS_NM", "명V100")  # most used for …명
    assert propose_term("가입일자", index, dmap, max_bytes=8) == ("JOIN_YMD", "연월일C8")
    assert propose_term("가입일자", index, dmap) == ("JOIN_YMD", "연월일C8")
    assert propose_term("가입", index, dmap) is None  # no class word at the end


def test_pds7_abbreviation_proposals_are_unique_and_short(pds7):
    words, *_ = pds7
    active = [w for w in words if not w.retired]
    taken = {w.abbr for w in active}
    new = []
    for w in active:  # propose a second abbreviation for every word, as if all were new
        a = propose_abbreviation(w.english.strip() or w.name, taken)
        assert re.fullmatch(r"[A-Z0-9]{2,6}", a), (w.english, a)
        assert a not in taken
        taken.add(a)
        new.append(a)
    assert len(set(new)) == len(new)


# -- a small hand-made dictionary ----------------------------------------------------------------


def W(name, abbr, cls="", syn=(), forb=(), retired=False):  # noqa: N802
    return Word(
        name=name,
        abbr=abbr,
        english=abbr.title(),
        is_class_word=bool(cls),
        domain_class=cls,
        synonyms=tuple(syn),
        forbidden=tuple(forb),
        retired=retired,
    )


WORDS = [
    W("가입", "JOIN"),
    W("일자", "YMD", "연월일"),
    W("일", "DAY"),
    W("감사", "ADT"),
    W("감사인", "ADTR"),
    W("인원수", "NOPE", "수"),
    W("원", "WON"),
    W("수", "CNT", "수"),
    W("미수", "UCLT"),
    W("미수금", "UCLTAMT", "금액"),
    W("금액", "AMT", "금액"),
    W("가산", "ADTN"),
    W("가산점", "ADSC"),
    W("점수", "SCR", "수"),
    W("건물", "BLDG"),
    W("층", "FLR"),
    W("층수", "NOFL", "수"),
    W("지상", "GRND"),
    W("지급", "GIVE"),
    W("처리", "PRCS"),
    W("지급처", "PMPL"),
    W("리", "LI"),
    W("회원", "MBR"),
    W("명", "NM", "명"),
    W("여부", "YN", "여부"),
    W("사업", "BIZ"),
    W("연도", "YR", "연도", syn=("년도",)),
    W("이메일", "EML", syn=("전자우편",), forb=("메일", "EMAIL")),
    W("주소", "ADDR", "주소"),
    W("화일", "FILEX", retired=True),
]
DOMAINS = [
    Domain("연월일C8", domain_class="연월일", data_type="CHAR", length="8"),
    Domain("수N10", domain_class="수", data_type="NUMERIC", length="10"),
    Domain("수N4,2", domain_class="수", data_type="NUMERIC", length="4", scale="2"),
    Domain("수N4", domain_class="수", data_type="NUMERIC", length="4"),
    Domain("금액N15", domain_class="금액", data_type="NUMERIC", length="15"),
    Domain("명V40", domain_class="명", data_type="VARCHAR", length="40"),
    Domain("명V100", domain_class="명", data_type="VARCHAR", length="100"),
    Domain("명V200", domain_class="명", data_type="VARCHAR", length="200"),
    Domain("여부C1", domain_class="여부", data_type="CHAR", length="1"),
    Domain("연도C4", domain_class="연도", data_type="CHAR", length="4"),
    Domain("주소V200", domain_class="주소", data_type="VARCHAR", length="200"),
    Domain("코드C3", domain_class="코드", data_type="CHAR", length="3", retired=True),
]
DMAP = {d.name: d for d in DOMAINS}


@pytest.fixture
def index():
    return WordIndex(WORDS, DOMAINS)


def abbr_of(name, index, abbr=None):
    ws = decompose(name, index, abbr)
    return None if ws is None else "_".join(w.abbr for w in ws)


def codes(findings: list[Finding]) -> dict[str, str]:
    return {f.code: f.severity for f in findings}


def test_index_lookups(index):
    assert index.by_name("가입").abbr == "JOIN"
    assert index.by_abbr("YMD").name == "일자"
    assert index.by_name("화일") is None  # retired words are left out
    assert index.by_name("없음") is None
    assert index.resolve_alias("메일")[0].name == "이메일"
    assert index.resolve_alias("메일")[1] == "forbidden"
    assert index.resolve_alias("년도") == (index.by_name("연도"), "synonym")
    assert index.resolve_alias("연도") is None


def test_class_word_ending_beats_longest_match(index):
    # greedy longest-match takes 감사인 / 미수금 and is left with 원수 / 액
    assert abbr_of("감사인원수", index) == "ADT_NOPE"
    assert abbr_of("미수금액", index) == "UCLT_AMT"


def test_single_syllable_fragments_are_avoided(index):
    assert abbr_of("지급처리일자", index) == "GIVE_PRCS_YMD"  # not 지급처+리+일자
    assert abbr_of("가입일자", index) == "JOIN_YMD"  # not 가입+일+자 (자 is no word anyway)


def test_longer_final_class_word_breaks_ties(index):
    assert abbr_of("가산점수", index) == "ADTN_SCR"  # 가산+점수, not 가산점+수


def test_fewest_words_without_statistics(index):
    assert abbr_of("건물층수", index) == "BLDG_NOFL"


def test_registered_terms_teach_the_split(index):
    terms = [Term("건물층수", "BLDG_FLR_CNT", "수N4"), Term("지상층수", "GRND_NOFL", "수N4")]
    taught = WordIndex(WORDS, DOMAINS, terms)
    assert abbr_of("건물층수", taught) == "BLDG_FLR_CNT"
    assert abbr_of("지상층수", taught) == "GRND_NOFL"
    assert taught.term_count == 2


def test_abbreviation_selects_the_split(index):
    assert abbr_of("건물층수", index, "BLDG_FLR_CNT") == "BLDG_FLR_CNT"
    assert abbr_of("가산점수", index, "ADSC_CNT") == "ADSC_CNT"
    # an abbreviation that does not spell the name falls back to the preferred split
    assert abbr_of("가산점수", index, "NOPE_CNT") == "ADTN_SCR"


def test_segmentations_lists_every_cover_best_first(index):
    segs = segmentations("건물층수", index)
    assert [[w.name for w in s] for s in segs] == [["건물", "층수"], ["건물", "층", "수"]]
    assert len(segmentations("건물층수", index, limit=1)) == 1
    assert segmentations("가입날짜", index) == []
    assert decompose("가입날짜", index) is None
    assert decompose("", index) is None


def test_pathological_names_are_bounded(index):
    """Exponentially many segmentations: the DP and the limit keep this from hanging."""
    assert decompose("수" * 60, index) is not None
    assert len(segmentations("층수" * 12, index)) == 50


def test_cover_marks_unknown_and_alias_pieces(index):
    assert cover("가입날짜", index) == [
        ("가입", index.by_name("가입"), "word"),
        ("날짜", None, "unknown"),
    ]
    assert [(t, k) for t, _, k in cover("사업년도", index)] == [
        ("사업", "word"),
        ("년도", "synonym"),
    ]


# -- term checks: a passing and a failing example each ---------------------------------------------

GOOD = Term("가입일자", "JOIN_YMD", "연월일C8")


def test_good_term_has_no_findings(index):
    assert validate_term(GOOD, index, DMAP, [GOOD]) == []


def test_n1_name_characters(index):
    f = validate_term(Term("가입 일자", "JOIN_YMD", "연월일C8"), index, DMAP)
    assert codes(f) == {"N1": "error"}
    assert f[0].suggestion == "가입일자"
    assert "N1" not in codes(validate_term(Term("CAS번호", "CAS_NO", ""), index, DMAP))


def test_n3_name_length(index):
    long = Term("회원" * 6 + "명", "_".join(["MBR"] * 6 + ["NM"]), "명V100")
    assert codes(validate_term(long, index, DMAP)) == {"N3": "warning"}
    assert (
        codes(
            validate_term(
                Term("회원" * 5 + "명", "_".join(["MBR"] * 5 + ["NM"]), "명V100"), index, DMAP
            )
        )
        == {}
    )


def test_n2_abbreviation_characters(index):
    assert (
        codes(validate_term(Term("가입일자", "join_ymd", "연월일C8"), index, DMAP))["N2"] == "error"
    )
    assert "N2" in codes(validate_term(Term("가입일자", "JOIN__YMD", "연월일C8"), index, DMAP))
    empty = validate_term(Term("가입일자", "", "연월일C8"), index, DMAP)
    assert [(f.code, f.suggestion) for f in empty] == [("N2", "JOIN_YMD")]


def test_n4_abbreviation_length(index):
    name = "회원" * 5 + "명"
    abbr = "_".join(["MBR"] * 5 + ["NM"])
    assert codes(validate_term(Term(name, abbr, "명V100"), index, DMAP)) == {}
    long_words = [W("회원" + str(i), "MBRX" + str(i)) for i in range(7)] + [W("명", "NM", "명")]
    idx = WordIndex(long_words, DOMAINS)
    name = "".join(w.name for w in long_words)
    abbr = "_".join(w.abbr for w in long_words)
    assert len(abbr) > 30
    assert codes(validate_term(Term(name, abbr, "명V100"), idx, DMAP))["N4"] == "warning"


def test_w1_unregistered_word(index):
    f = validate_term(Term("가입날짜", "JOIN_DT", "연월일C8"), index, DMAP)
    assert codes(f) == {"W1": "error"}
    assert "'날짜'" in f[0].message


def test_w2_forbidden_word(index):
    f = validate_term(Term("메일주소", "EML_ADDR", "주소V200"), index, DMAP)
    assert [(x.code, x.severity, x.suggestion) for x in f] == [("W2", "error", "이메일")]
    assert "이메일주소" in f[0].message
    assert validate_term(Term("이메일주소", "EML_ADDR", "주소V200"), index, DMAP) == []


def test_w3_synonym_word(index):
    f = validate_term(Term("사업년도", "BIZ_YR", "연도C4"), index, DMAP)
    assert [(x.code, x.suggestion) for x in f] == [("W3", "연도")]
    assert validate_term(Term("사업연도", "BIZ_YR", "연도C4"), index, DMAP) == []


def test_w4_homonym_word(index):
    second = W("가입", "ENTR")
    idx = WordIndex([*WORDS, second], DOMAINS)
    assert codes(validate_term(GOOD, idx, DMAP)) == {"W4": "warning"}
    assert validate_term(GOOD, index, DMAP) == []


def test_f1_last_word_must_be_a_class_word(index):
    f = validate_term(Term("일자가입", "YMD_JOIN", "연월일C8"), index, DMAP)
    assert codes(f) == {"F1": "error"}


def test_d6_domain_missing_unknown_or_retired(index):
    for domain in ("", "연월일C9", "코드C3"):
        f = validate_term(Term("가입일자", "JOIN_YMD", domain), index, DMAP)
        assert [(x.code, x.severity, x.suggestion) for x in f] == [("D6", "error", "연월일C8")]


def test_d7_domain_class_differs_from_class_word(index):
    f = validate_term(Term("가입일자", "JOIN_YMD", "연도C4"), index, DMAP)
    assert [(x.code, x.severity) for x in f] == [("D7", "warning")]


def test_t1_duplicate_or_homonym_term_name(index):
    same = Term("가입일자", "JOIN_YMD", "연월일C8")
    assert codes(validate_term(same, index, DMAP, [GOOD])) == {"T1": "error"}
    other = Term("가입일자", "JOIN_DT", "연월일C8")
    f = validate_term(other, index, DMAP, [GOOD])
    assert {"T1", "T2"} <= set(codes(f))
    assert "동음이의어" in next(x.message for x in f if x.code == "T1")
    retired = Term("가입일자", "JOIN_YMD", "연월일C8", retired=True)
    assert validate_term(same, index, DMAP, [retired]) == []


def test_t2_abbreviation_must_join_the_word_abbreviations(index):
    f = validate_term(Term("가입일자", "JOIN_DT", "연월일C8"), index, DMAP)
    assert [(x.code, x.suggestion) for x in f] == [("T2", "JOIN_YMD")]


def test_t3_duplicate_term_abbreviation(index):
    clash = Term("가입일", "JOIN_YMD", "연월일C8")
    assert "T3" in codes(validate_term(clash, index, DMAP, [GOOD]))
    assert "T3" not in codes(validate_term(clash, index, DMAP, TermSet([])))


# -- word checks -----------------------------------------------------------------------------


def test_good_word_has_no_findings(index):
    assert validate_word(W("탈퇴", "WDRW"), index) == []
    assert validate_word(W("가맹", "FRCS"), index, [W("가맹점", "FRCSPL")]) == []


def test_word_name_characters_and_length(index):
    assert codes(validate_word(W("탈 퇴", "WDRW"), index)) == {"N1": "error"}
    assert codes(validate_word(W("가" * 12, "GGG"), index)) == {"N3": "warning"}


def test_word_abbreviation_characters_and_length(index):
    assert codes(validate_word(W("탈퇴", "wdrw"), index)) == {"N2": "error"}
    assert codes(validate_word(W("탈퇴", "WD_RW"), index)) == {"N2": "error"}
    f = validate_word(W("탈퇴", ""), index)
    assert codes(f) == {"N2": "error"} and f[0].suggestion
    assert codes(validate_word(W("탈퇴", "WITHDRW"), index)) == {"N4": "warning"}


def test_word_name_and_abbreviation_unique(index):
    f = validate_word(W("가입", "JOIN2"), index)
    assert codes(f) == {"W4": "error"}
    f = validate_word(W("참여", "JOIN"), index)
    assert codes(f) == {"N5": "error"}
    assert f[0].suggestion and f[0].suggestion != "JOIN"
    # against the other new words of the same batch too
    batch = [W("탈퇴", "WDRW")]
    assert codes(validate_word(W("탈퇴", "WTDR"), index, batch)) == {"W4": "error"}
    assert codes(validate_word(W("철회", "WDRW"), index, batch)) == {"N5": "error"}


def test_word_that_is_an_alias_of_a_standard_word(index):
    f = validate_word(W("메일", "MAIL"), index)
    assert [(x.code, x.suggestion) for x in f] == [("W2", "이메일")]
    f = validate_word(W("년도", "YEAR"), index)
    assert [(x.code, x.suggestion) for x in f] == [("W3", "연도")]


def test_word_alias_lists_must_not_collide(index):
    assert codes(validate_word(W("탈퇴", "WDRW", syn=("가입",)), index)) == {"W5": "error"}
    assert codes(validate_word(W("탈퇴", "WDRW", forb=("메일",)), index)) == {"W5": "error"}
    assert validate_word(W("탈퇴", "WDRW", syn=("해지",)), index) == []


def test_class_word_needs_a_domain_class_and_vice_versa(index):
    w = W("총액", "TAMT")
    w.is_class_word = True
    assert codes(validate_word(w, index)) == {"F2": "error"}
    w = W("총액", "TAMT")
    w.domain_class = "금액"
    assert codes(validate_word(w, index)) == {"F2": "error"}
    assert validate_word(W("총액", "TAMT", "금액"), index) == []
    assert codes(validate_word(W("총액", "TAMT", "총액류"), index)) == {"F3": "error"}


# -- proposals --------------------------------------------------------------------------------


def test_propose_abbreviation_mois_style():
    assert propose_abbreviation("Franchise", set()) == "FRNC"
    assert propose_abbreviation("Waiting", set()) == "WTNG"
    assert propose_abbreviation("Establishment", set()) == "ESTB"
    assert propose_abbreviation("Join", set()) == "JOIN"
    assert propose_abbreviation("File", set()) == "FILE"
    assert propose_abbreviation("Middle Value", set()) == "MDVL"
    assert propose_abbreviation("Geographic Information System", set()) == "GIS"
    assert propose_abbreviation("X-Coordinate", set()) == "XCRD"


def test_propose_abbreviation_unique_short_deterministic():
    taken = {"FRNC", "FRNCH"}
    a = propose_abbreviation("Franchise", taken)
    assert a not in taken and re.fullmatch(r"[A-Z0-9]{2,6}", a)
    assert a == propose_abbreviation("Franchise", set(taken))
    assert propose_abbreviation("franchise", {"frnc"}) != "FRNC"  # taken compares uppercase
    seen: set[str] = set()
    for _ in range(30):  # the same English name, registered again and again
        a = propose_abbreviation("Join", seen)
        assert a not in seen and len(a) <= 6 and re.fullmatch(r"[A-Z0-9]+", a)
        seen.add(a)
    assert propose_abbreviation("Franchise Store", set(), max_len=4) == "FRST"
    assert len(propose_abbreviation("A Very Long English Name Of Many Words Here", set())) <= 6


def test_propose_abbreviation_romanizes_korean():
    assert propose_abbreviation("층", set()) == "CHNG"
    assert re.fullmatch(r"[A-Z0-9]{2,6}", propose_abbreviation("가맹점", set()))
    with pytest.raises(ValueError):
        propose_abbreviation(" - ", set())


def test_propose_term_sizes_by_observed_bytes(index):
    assert propose_term("회원명", index, DMAP, max_bytes=150) == ("MBR_NM", "명V200")
    assert propose_term("회원명", index, DMAP, max_bytes=100) == ("MBR_NM", "명V100")
    assert propose_term("회원명", index, DMAP, max_bytes=10) == ("MBR_NM", "명V40")
    assert propose_term("회원명", index, DMAP, max_bytes=500) == ("MBR_NM", "명V200")  # largest
    assert propose_term("회원수", index, DMAP, max_bytes=3) == ("MBR_CNT", "수N4")  # not N4,2
    assert propose_term("회원", index, DMAP) is None
    assert propose_term("회원날짜", index, DMAP) is None


def test_propose_term_uses_the_domains_the_terms_use():
    terms = [
        Term("회원명", "MBR_NM", "명V100"),
        Term("가입명", "JOIN_NM", "명V100"),
        Term("사업명", "BIZ_NM", "명V40"),
    ]
    idx = WordIndex(WORDS, DOMAINS, terms)
    assert propose_term("지상명", idx, DMAP) == ("GRND_NM", "명V100")
    # no statistics: the longest domain of the class never truncates
    assert propose_term("지상명", WordIndex(WORDS, DOMAINS), DMAP) == ("GRND_NM", "명V200")
