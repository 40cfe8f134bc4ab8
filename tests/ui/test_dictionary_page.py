"""표준사전 page: a clerk's proposal approved through the page becomes 기관표준; reject with a
reason; undo from the history."""

from __future__ import annotations

from PySide6.QtCore import Qt

from catalog_app.catalog.store import Catalog
from catalog_app.dictionary.institution import InstitutionEditor
from catalog_app.dictionary.model import Term
from catalog_app.dictionary.rules import propose_term
from catalog_app.dictionary.store import DictionaryStore
from ui import dialogs


def _propose(path, name, origin="행사/축제.xlsx/축제종류") -> int:
    with Catalog(path) as catalog:
        editor = InstitutionEditor(DictionaryStore(catalog), "담당자")
        index, domains, _, _ = editor.context()
        abbr, domain = propose_term(name, index, domains, 150)
        return editor.propose(Term(name=name, abbr=abbr, domain=domain), origin)


def _open_review(window, qtbot, rows):
    page = window.show_page("dictionary")
    page.tabs.setCurrentWidget(page.review)
    qtbot.waitUntil(lambda: page.review.loaded and page.review.model.rowCount() == rows)
    return page


def test_approve_proposal_shows_as_institution_term(make_window, catalog_copy, qtbot, monkeypatch):
    _propose(catalog_copy, "축제종류명")
    window = make_window(catalog_copy)
    page = _open_review(window, qtbot, 1)
    review = page.review
    assert review.model.row(0)["name"] == "축제종류명"
    review.view.selectRow(0)
    asked = []
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: asked.append(a[1]) or True)
    qtbot.mouseClick(review.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=5000)
    assert asked == ["제안 승인"]

    page.tabs.setCurrentIndex(0)
    page.search_box.setText("축제종류명")
    qtbot.waitUntil(lambda: page.hits.rowCount() > 0, timeout=5000)
    hit = page.hits.row(0)
    assert hit["name"] == "축제종류명" and hit["layer"] == "institution"
    assert page.hits.index(0, 4).data() == "기관표준"
    qtbot.waitUntil(lambda: "기관표준 용어 1개" in page.state.text(), timeout=5000)

    # The approval is in the history and can be undone: the proposal waits again.
    page.tabs.setCurrentWidget(page.history)
    qtbot.waitUntil(lambda: page.history.model.rowCount() >= 2, timeout=5000)
    assert page.history.model.index(0, 3).data() == "승인"
    page.history.view.selectRow(0)
    qtbot.mouseClick(page.history.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.history.model.row(0)["action"] == "undo", timeout=5000)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=5000)


def test_reject_needs_a_reason(make_window, catalog_copy, qtbot, monkeypatch):
    _propose(catalog_copy, "축제종류명")
    review = _open_review(make_window(catalog_copy), qtbot, 1).review
    review.view.selectRow(0)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: None)  # cancelled: nothing happens
    qtbot.mouseClick(review.reject_button, Qt.MouseButton.LeftButton)
    assert review.model.rowCount() == 1
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: "표준용어 '행사명'을 쓰세요")
    qtbot.mouseClick(review.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=5000)
    review.show_all.setChecked(True)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=5000)
    assert review.model.row(0)["status"] == "rejected"
    assert "행사명" in review.model.index(0, 1).data()


def test_editions_mark_the_current_one(make_window, catalog_copy, qtbot):
    page = make_window(catalog_copy).show_page("dictionary")
    qtbot.waitUntil(lambda: page.editions.rowCount() >= 1, timeout=5000)
    current = [e for e in page.editions.rows() if e["is_current"]]
    assert [e["key"] for e in current] == ["7차(2024-11)"]
    page.tabs.setCurrentIndex(1)
    page.edition_view.selectRow(page.editions.rows().index(current[0]))
    assert not page.use_button.isEnabled()  # already current


def test_use_another_edition_reports_affected_mappings(
    make_window, catalog_copy, qtbot, monkeypatch, no_unexpected_dialogs
):
    from pathlib import Path

    from catalog_app.dictionary.formats import read_dictionary

    mini = Path(__file__).resolve().parents[1] / "fixtures" / "standards" / "mini7.xlsx"
    with Catalog(catalog_copy) as catalog:
        DictionaryStore(catalog).import_edition(read_dictionary(mini), key="시험판")
    page = make_window(catalog_copy).show_page("dictionary")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.editions.rowCount() >= 2, timeout=5000)
    keys = [e["key"] for e in page.editions.rows()]
    page.edition_view.selectRow(keys.index("시험판"))
    assert page.use_button.isEnabled()
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    qtbot.mouseClick(page.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current_key == "시험판", timeout=5000)
    assert any(kind == "rows" and "시험판" in text for kind, text in no_unexpected_dialogs)
    current = [e["key"] for e in page.editions.rows() if e["is_current"]]
    assert current == ["시험판"]
