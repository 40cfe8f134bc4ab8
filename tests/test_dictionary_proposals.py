"""Proposals for new dictionary entries: MOIS-style English abbreviations for a new word (unique,
short, deterministic, Korean romanized) and the abbreviation and domain proposed for a new term,
sized by the observed bytes and by the domains the registered terms use.

Checked on a small hand-made dictionary and on the real 7차 edition (skipped when /work/shared
is absent). Shared data and fixtures: dictionary_helpers.py.
"""

from __future__ import annotations

import re

import pytest

from catalog_app.dictionary.model import Term
from catalog_app.dictionary.rules import propose_abbreviation, propose_term
from catalog_app.dictionary.segment import WordIndex
from tests.dictionary_helpers import DMAP, DOMAINS, WORDS, _domain_map

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).
from tests.dictionary_helpers import index as index  # fixture

# -- the real 7차 edition --------------------------------------------------------------------------


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
