"""Institution terms: add/edit/retire with history and undo; the review queue; layer hand-over."""

from __future__ import annotations

import shutil

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.dictionary.institution import InstitutionEditor, ValidationFailed
from catalog_app.dictionary.model import Dictionary, Term, Word
from catalog_app.dictionary.store import DictionaryError, DictionaryStore


@pytest.fixture
def editor(template, tmp_path):
    path = tmp_path / "catalog.db"
    shutil.copy(template, path)
    cat = Catalog(path)
    yield InstitutionEditor(DictionaryStore(cat), who="표준관리자")
    cat.close()


def institution_terms(editor) -> dict[str, Term]:
    return {t.name: t for t in editor.store.institution().terms}


def test_add_a_valid_term_records_who_and_what(editor):
    result = editor.add(
        "term", Term("축제종류명", "FSTVL_KND_NM", "명V100", description="축제의 종류")
    )
    assert not [f for f in result.findings if f.severity == "error"]
    assert institution_terms(editor)["축제종류명"].enacted == "기관표준"
    change = editor.history()[0]
    assert (change["action"], change["kind"], change["name"], change["who"]) == (
        "add",
        "term",
        "축제종류명",
        "표준관리자",
    )
    assert change["before"] is None and change["after"]["abbr"] == "FSTVL_KND_NM"


def test_invalid_term_is_refused_unless_forced(editor):
    bad = Term("축제종류", "FSTVL_KND", "명V100")  # does not end in a class word
    with pytest.raises(ValidationFailed) as info:
        editor.add("term", bad)
    assert any(f.severity == "error" for f in info.value.findings)
    assert "축제종류" not in institution_terms(editor)
    editor.add("term", bad, force=True)
    assert "축제종류" in institution_terms(editor)


def test_edit_retire_and_undo_in_reverse_order(editor):
    editor.add("term", Term("축제종류명", "FSTVL_KND_NM", "명V100"))
    editor.edit("term", "축제종류명", {"domain": "명V200", "description": "바뀐 설명"})
    assert institution_terms(editor)["축제종류명"].domain == "명V200"
    editor.retire("term", "축제종류명", reason="중복")
    assert institution_terms(editor)["축제종류명"].retired
    editor.undo()  # the retirement
    assert not institution_terms(editor)["축제종류명"].retired
    editor.undo()  # the edit
    restored = institution_terms(editor)["축제종류명"]
    assert (restored.domain, restored.description) == ("명V100", "")
    editor.undo()  # the addition
    assert "축제종류명" not in institution_terms(editor)
    actions = [h["action"] for h in editor.history()]
    assert actions == ["undo", "undo", "undo", "retire", "edit", "add"]
    with pytest.raises(DictionaryError, match="되돌릴 변경이 없습니다"):
        editor.undo()


def test_undo_of_an_older_change_is_refused_when_the_row_moved_on(editor):
    added = editor.add("term", Term("축제종류명", "FSTVL_KND_NM", "명V100"))
    editor.edit("term", "축제종류명", {"description": "나중 설명"})
    with pytest.raises(DictionaryError, match="최근 변경부터"):
        editor.undo(added.change_id)


def test_new_word_then_term_using_it(editor):
    with pytest.raises(ValidationFailed):
        editor.add("term", Term("드론촬영일자", "DRN_SHT_YMD", "연월일C8"))  # 드론 is not a word
    editor.add("word", Word("드론", "DRN", english="Drone", description="무인 비행체"))
    result = editor.add("term", Term("드론촬영일자", "DRN_SHT_YMD", "연월일C8"))
    assert not [f for f in result.findings if f.severity == "error"]


@pytest.mark.slow
def test_proposal_review_approve_reject_and_undo(editor):
    clerk = InstitutionEditor(editor.store, who="주무관")
    first = clerk.propose(
        Term("축제종류명", "FSTVL_KND_NM", "명V100"), origin="행사/축제목록.xlsx/축제종류"
    )
    second = clerk.propose(Term("축제종류", "FSTVL_KND", "명V100"), origin="x.csv/축제종류")
    pending = editor.proposals()
    assert [p["id"] for p in pending] == [first, second]
    assert pending[0]["proposed_by"] == "주무관" and pending[0]["origin"].endswith("축제종류")
    assert any(f["severity"] == "error" for f in pending[1]["findings"])  # no class word
    editor.approve(first)
    assert "축제종류명" in institution_terms(editor)
    with pytest.raises(DictionaryError, match="사유"):
        editor.reject(second, "  ")
    editor.reject(second, "분류어가 없습니다. 축제종류명을 쓰세요.")
    assert editor.proposals() == []
    done = {p["id"]: p for p in editor.proposals(status=None)}
    assert done[first]["status"] == "approved" and done[first]["decided_by"] == "표준관리자"
    assert done[second]["status"] == "rejected" and "축제종류명" in done[second]["reason"]
    editor.undo()  # the rejection
    editor.undo()  # the approval: the term leaves the layer, the proposal waits again
    assert "축제종류명" not in institution_terms(editor)
    assert [p["id"] for p in editor.proposals()] == [first, second]


def test_replace_layer_is_undoable(editor):
    editor.add("term", Term("축제종류명", "FSTVL_KND_NM", "명V100"))
    handed_over = Dictionary(
        words=[Word("드론", "DRN", enacted="기관표준")],
        terms=[Term("드론명", "DRN_NM", "명V100", enacted="기관표준")],
    )
    editor.replace_layer(handed_over, source="기관표준.xlsx")
    assert set(institution_terms(editor)) == {"드론명"}
    editor.undo()
    assert set(institution_terms(editor)) == {"축제종류명"}


@pytest.mark.slow
def test_a_proposal_is_revised_before_approval_and_the_revision_undoes(editor):
    proposal_id = editor.propose(Term("축제종류명", "FSTVL_KIND_NM", "명V100"), "축제.xlsx")
    first = editor.proposals()[0]
    assert any(f["code"] == "T2" for f in first["findings"])  # KIND is not the words' abbr
    revised = editor.revise(proposal_id, Term("축제종류명", "FSTVL_KND_NM", "명V100"))
    assert not [f for f in revised.findings if f.severity == "error"]
    assert editor.proposals()[0]["abbr"] == "FSTVL_KND_NM"
    assert editor.history()[0]["action"] == "edit" and editor.history()[0]["kind"] == "proposal"
    editor.undo(revised.change_id)
    assert editor.proposals()[0]["abbr"] == "FSTVL_KIND_NM"
    editor.revise(proposal_id, Term("축제종류명", "FSTVL_KND_NM", "명V100"))
    editor.approve(proposal_id)
    assert institution_terms(editor)["축제종류명"].abbr == "FSTVL_KND_NM"
    with pytest.raises(DictionaryError):
        editor.revise(proposal_id, Term("축제종류명", "X", "명V100"))  # decided: no more edits


@pytest.mark.slow
def test_validate_all_checks_every_institution_word_and_term(editor):
    editor.add("word", Word("드론", "DRN", english="Drone"))
    editor.add("term", Term("드론명", "DRN_NM", "명V100"))
    editor.add("term", Term("드론촬영명", "DRN_X_NM", "명V100"), force=True)
    results = {(kind, name): findings for kind, name, findings in editor.validate_all()}
    assert set(results) == {("word", "드론"), ("term", "드론명"), ("term", "드론촬영명")}
    assert not [f for f in results[("term", "드론명")] if f.severity == "error"]
    assert [f for f in results[("term", "드론촬영명")] if f.severity == "error"]
