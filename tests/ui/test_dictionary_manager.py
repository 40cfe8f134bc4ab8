"""표준사전 for the standards manager (issue 15): add, edit and retire institution words and terms
with the rules' messages in place, edit a proposal before approving it, import/export the
institution standard, compare an edition with the current one, run the rules over everything
(standards validate) and share the mapping memory — all in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from catalog_app.catalog.store import Catalog
from catalog_app.dictionary.institution import InstitutionEditor
from catalog_app.dictionary.model import Term
from catalog_app.dictionary.store import DictionaryStore
from ui import dialogs


def _own(path) -> dict:
    with Catalog(path) as catalog:
        own = DictionaryStore(catalog).institution()
        return {
            "words": {w.name: w for w in own.words},
            "terms": {t.name: t for t in own.terms},
        }


@pytest.fixture
def panel(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    page = window.show_page("dictionary")
    page.tabs.setCurrentWidget(page.institution)
    qtbot.waitUntil(lambda: page.institution.loaded, timeout=20_000)
    return page.institution


def _fill_and_accept(qtbot, fields: dict, seen: list):
    """An answer for ``panel._exec``: type into the dialog, wait for the rules, save."""

    def answer(dialog) -> bool:
        for key, value in fields.items():
            editor = dialog.fields[key]
            if isinstance(value, bool):
                editor.setChecked(value)
            elif hasattr(editor, "setPlainText"):
                editor.setPlainText(value)
            else:
                editor.setText(value)
        dialog.run_check()
        qtbot.waitUntil(lambda: "검사하는 중" not in dialog.state.text(), timeout=10_000)
        seen.append(
            (
                dialog.state.text(),
                [dialog.findings_view.item(i).text() for i in range(dialog.findings_view.count())],
            )
        )
        dialog._accept()
        return dialog.result() == dialog.DialogCode.Accepted

    return answer


def test_add_word_and_term_with_the_rules_in_place(panel, catalog_copy, qtbot, monkeypatch):
    seen: list = []
    monkeypatch.setattr(
        panel, "_exec", _fill_and_accept(qtbot, {"name": "드론", "abbr": "drn!"}, seen)
    )
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: False)  # errors: do not force
    panel.add("word")
    state, findings = seen[0]
    assert "오류" in state and any("[N2]" in f and "영문 대문자와 숫자만" in f for f in findings)
    assert "드론" not in _own(catalog_copy)["words"]  # refused: nothing stored

    seen.clear()
    monkeypatch.setattr(
        panel,
        "_exec",
        _fill_and_accept(qtbot, {"name": "드론", "abbr": "DRN", "english": "Drone"}, seen),
    )
    panel.add("word")
    qtbot.waitUntil(lambda: "드론" in _own(catalog_copy)["words"], timeout=10_000)
    assert "문제가 없습니다" in seen[0][0]
    seen.clear()
    monkeypatch.setattr(
        panel,
        "_exec",
        _fill_and_accept(qtbot, {"name": "드론명", "abbr": "DRN_NM", "domain": "명V100"}, seen),
    )
    panel.add("term")
    qtbot.waitUntil(lambda: "드론명" in _own(catalog_copy)["terms"], timeout=10_000)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)


@pytest.mark.slow
def test_edit_retire_and_validate_all(panel, catalog_copy, qtbot, monkeypatch):
    with Catalog(catalog_copy) as catalog:
        editor = InstitutionEditor(DictionaryStore(catalog), "관리자")
        editor.add("term", Term("축제종류명", "FSTVL_KND_NM", "명V100"))
        editor.add("term", Term("축제기간명", "FSTVL_X_NM", "명V100"), force=True)
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    row = next(
        r for r in range(panel.model.rowCount()) if panel.model.row(r)["name"] == "축제종류명"
    )
    panel.view.selectRow(row)
    seen: list = []
    monkeypatch.setattr(
        panel, "_exec", _fill_and_accept(qtbot, {"description": "축제의 종류"}, seen)
    )
    panel.edit_selected()
    qtbot.waitUntil(
        lambda: _own(catalog_copy)["terms"]["축제종류명"].description == "축제의 종류",
        timeout=10_000,
    )
    # 규칙 검사 over every institution word and term: the forced term is flagged
    panel.validate_all()
    qtbot.waitUntil(lambda: "규칙 검사:" in panel.state.text(), timeout=10_000)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    flagged = {panel.model.row(r)["name"]: panel.model.index(r, 5).data() for r in range(2)}
    assert "[T2]" in flagged["축제기간명"] and flagged["축제종류명"] == "이상 없음"
    # 폐기 with a reason
    row = next(
        r for r in range(panel.model.rowCount()) if panel.model.row(r)["name"] == "축제기간명"
    )
    panel.view.selectRow(row)
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: "잘못 만든 용어")
    panel.retire_selected()
    qtbot.waitUntil(lambda: _own(catalog_copy)["terms"]["축제기간명"].retired, timeout=10_000)


def test_export_and_import_the_institution_standard_and_the_memory(
    panel, catalog_copy, tmp_path, qtbot, monkeypatch
):
    with Catalog(catalog_copy) as catalog:
        InstitutionEditor(DictionaryStore(catalog), "관리자").add(
            "term", Term("축제종류명", "FSTVL_KND_NM", "명V100")
        )
    target = tmp_path / "기관표준.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel.export_standard()
    qtbot.waitUntil(lambda: "내보냈습니다" in panel.state.text(), timeout=10_000)
    assert target.exists()
    # another PC: an empty institution layer takes the manager's file
    with Catalog(catalog_copy) as catalog:
        InstitutionEditor(DictionaryStore(catalog), "관리자").undo()
    assert "축제종류명" not in _own(catalog_copy)["terms"]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    panel.import_standard()
    qtbot.waitUntil(lambda: "축제종류명" in _own(catalog_copy)["terms"], timeout=10_000)
    qtbot.waitUntil(lambda: "가져왔습니다" in panel.state.text(), timeout=10_000)
    # the mapping memory: accepted header → term decisions, out and back in
    from catalog_app.matching.decisions import MappingDesk
    from catalog_app.matching.jobs import map_catalog

    with Catalog(catalog_copy) as catalog:
        map_catalog(catalog)
        column, term = catalog.conn.execute(
            """SELECT c.id, json_extract(m.candidates, '$[0].term') FROM columns c
               JOIN column_match m ON m.column_id = c.id WHERE m.kind = 'exact' LIMIT 1"""
        ).fetchone()
        MappingDesk(catalog, "관리자").accept(column, term)
    memory = tmp_path / "매핑기억.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(memory), ""))
    panel.export_memory()
    qtbot.waitUntil(lambda: "건을 내보냈습니다" in panel.state.text(), timeout=10_000)
    assert memory.exists() and "1건" in panel.state.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(memory), ""))
    panel.import_memory()
    qtbot.waitUntil(lambda: "가져왔습니다" in panel.state.text(), timeout=10_000)


def test_a_proposal_is_edited_then_approved(make_window, catalog_copy, qtbot, monkeypatch):
    with Catalog(catalog_copy) as catalog:
        InstitutionEditor(DictionaryStore(catalog), "담당자").propose(
            Term("축제종류명", "FSTVL_KIND_NM", "명V100"), "축제.xlsx"
        )
    window = make_window(catalog_copy)
    page = window.show_page("dictionary")
    page.tabs.setCurrentWidget(page.review)
    review = page.review
    qtbot.waitUntil(lambda: review.loaded and review.model.rowCount() == 1, timeout=20_000)
    review.view.selectRow(0)
    assert "[T2]" not in review.model.index(0, 8).data()  # findings show as text …
    assert "단어 약어의 조합" in review.model.index(0, 8).data()  # … with the rule's message
    seen: list = []
    monkeypatch.setattr(review, "_exec", _fill_and_accept(qtbot, {"abbr": "FSTVL_KND_NM"}, seen))
    review.revise_selected()
    qtbot.waitUntil(lambda: "축제종류명" in _own(catalog_copy)["terms"], timeout=10_000)
    assert _own(catalog_copy)["terms"]["축제종류명"].abbr == "FSTVL_KND_NM"
    assert "문제가 없습니다" in seen[0][0]


@pytest.mark.slow
def test_an_edition_is_compared_with_the_current_one(
    make_window, catalog_copy, tmp_path, qtbot, monkeypatch
):
    from catalog_app.dictionary.exchange import export_dictionary
    from catalog_app.dictionary.formats import read_dictionary

    with Catalog(catalog_copy) as catalog:
        store = DictionaryStore(catalog)
        export_dictionary(store, tmp_path / "판", "all")
        older = read_dictionary(tmp_path / "판")
        older.terms = [t for t in older.terms if t.name != "시설명"]  # the older one lacked it
        store.import_edition(older, key="6차(시험)", source="test")
    window = make_window(catalog_copy)
    page = window.show_page("dictionary")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: page.editions.rowCount() >= 2 and bool(page.current_key), timeout=20_000
    )
    row = next(
        r for r in range(page.editions.rowCount()) if page.editions.row(r)["key"] == "6차(시험)"
    )
    page.edition_view.selectRow(row)
    assert page.diff_button.isEnabled()
    shown = []
    monkeypatch.setattr(page, "_exec", lambda dialog: shown.append(dialog) or True)
    page.compare_selected()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    dialog = shown[0]
    assert dialog.diff.terms is not None and "시설명" in dialog.diff.terms.added
    assert "용어 추가 1" in dialog.summary.text()
    monkeypatch.setattr(dialogs, "show_info", lambda *a: None)
    saved = dialog.save(str(tmp_path / "비교.xlsx"))
    assert saved is not None and Path(saved).exists()
