"""The word and term registration checks of the 공통표준 dictionary (validate_term, validate_word):
a passing and a failing example for every rule code (N*, W*, F*, D*, T*) on a small hand-made
dictionary, and on the real 7차 edition no errors on any official term or word while real mistakes
are still caught (skipped when /work/shared is absent).

Decomposition: test_dictionary_segment.py; abbreviation and term proposals:
test_dictionary_proposals.py; shared data and fixtures: dictionary_helpers.py.
"""

from __future__ import annotations

from catalog_app.dictionary.model import Term
from catalog_app.dictionary.rules import Finding, TermSet, validate_term, validate_word
from catalog_app.dictionary.segment import WordIndex
from tests.dictionary_helpers import DMAP, DOMAINS, WORDS, W, _domain_map

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).
from tests.dictionary_helpers import index as index  # fixture

# -- the real 7차 edition --------------------------------------------------------------------------


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
    # the 8 documented class/domain exceptions the 7차 edition itself contains, and nothing else
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


# -- a small hand-made dictionary ----------------------------------------------------------------


def codes(findings: list[Finding]) -> dict[str, str]:
    return {f.code: f.severity for f in findings}


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
