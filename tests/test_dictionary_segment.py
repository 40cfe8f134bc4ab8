"""Term decomposition of the 공통표준 dictionary: splitting a Korean term name into registered
words (class-word endings, tie-breaks, statistics from registered terms, the abbreviation picking
the split, bounded enumeration) and the word index lookups.

The real 7차 edition must reproduce 100 % of the official abbreviations from the Korean name
alone (skipped when /work/shared is absent); a small hand-made dictionary always runs.
Shared data and fixtures: dictionary_helpers.py.
"""

from __future__ import annotations

from catalog_app.dictionary.model import Term
from catalog_app.dictionary.segment import WordIndex, cover, decompose, segmentations
from tests.dictionary_helpers import DOMAINS, WORDS

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).
from tests.dictionary_helpers import index as index  # fixture

# -- the real 7차 edition --------------------------------------------------------------------------


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


# -- a small hand-made dictionary ----------------------------------------------------------------


def abbr_of(name, index, abbr=None):
    ws = decompose(name, index, abbr)
    return None if ws is None else "_".join(w.abbr for w in ws)


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
