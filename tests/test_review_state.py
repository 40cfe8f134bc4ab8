"""One reading of a column's review state for the CLI and the window (matching/review_state.py)."""

from __future__ import annotations

import pytest

from catalog_app.matching.errors import MappingError
from catalog_app.matching.review_state import (
    ReviewState,
    needs_confirm,
    proposed_name,
    review_state,
    review_states,
    working_term_name,
)
from catalog_app.scan.scanner import scan


def test_proposed_name_is_the_matchers_name_then_its_words_then_the_header():
    assert proposed_name({"name": "시설명", "words": ["시설", "이름"]}, "x") == "시설명"
    assert proposed_name({"missing": ["뭐"], "words": ["뭐", "명"]}, "뭐명칭") == "뭐명"
    assert proposed_name(None, "비고") == "비고"
    assert proposed_name({}, "") == ""


def test_a_proposed_term_never_carries_a_missing_abbreviation_as_none():
    state = ReviewState(
        1,
        "뭐명",
        "nonstandard",
        proposal={"missing": ["뭐"], "words": ["뭐", "명"], "abbr": None, "domain": None},
    )
    term = state.proposed_term()
    assert (term.name, term.abbr, term.domain) == ("뭐명", "", "")
    given = state.proposed_term("새용어명", "NEW_NM", "명V100")
    assert (given.name, given.abbr, given.domain) == ("새용어명", "NEW_NM", "명V100")


def test_working_term_and_status_follow_the_decision():
    top = {"term": "시설명", "score": 0.95}
    undecided = ReviewState(1, "시설명", "exact", candidates=(top,))
    assert (undecided.status, undecided.working_term) == ("undecided", "시설명")
    guess = ReviewState(1, "시설 이름", "variant", candidates=(top,))
    assert guess.working_term is None  # only an exact match stands for a term undecided
    rejected = ReviewState(
        1, "시설명", "exact", (top,), decision={"status": "rejected", "term_name": "시설명"}
    )
    assert (rejected.status, rejected.working_term, rejected.decided_term) == (
        "rejected",
        None,
        "시설명",
    )
    accepted = ReviewState(
        1, "시설 이름", "variant", (top,), decision={"status": "accepted", "term_name": "건물명"}
    )
    assert accepted.working_term == "건물명"
    assert working_term_name(None, "exact", None) is None


def test_a_low_score_needs_a_second_word_a_typed_term_does_not():
    state = ReviewState(
        1, "x", "variant", candidates=({"term": "a", "score": 0.4}, {"term": "b", "score": 0.9})
    )
    assert state.needs_confirm("a", 0.5) and not state.needs_confirm("b", 0.5)
    assert not state.needs_confirm("typed", 0.5)
    assert needs_confirm(0.49, 0.5) and not needs_confirm(0.5, 0.5) and not needs_confirm(None, 1)


def test_read_from_the_catalog(sample, catalog):  # noqa: F811
    """Every scanned column has a state; the suggestion's candidates and a decision are read
    back as ``map`` and the desk stored them."""
    from catalog_app.matching.decisions import MappingDesk

    scan(catalog, [str(sample)])
    conn = catalog.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM columns ORDER BY id")]
    states = review_states(conn, [*ids, 10**6])
    assert sorted(states) == ids
    suggested = [s for s in states.values() if s.top is not None]
    assert suggested
    one = suggested[0]
    assert one.status == "undecided" and one.score_of(one.top["term"]) == one.top["score"]
    MappingDesk(catalog, "tester").reject(one.column_id, one.top["term"])
    again = review_state(conn, one.column_id)
    assert (again.status, again.decided_term, again.working_term) == (
        "rejected",
        one.top["term"],
        None,
    )
    assert again.decision["decided_by"] == "tester"
    with pytest.raises(MappingError, match="그런 컬럼이 없습니다"):
        review_state(conn, 10**6)
