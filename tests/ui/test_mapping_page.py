"""매핑 검토: suggestions made on a worker, decisions through MappingDesk with undo/redo, bulk
accept as one undo step, keyboard use, filters and the 표준 준수율."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui import dialogs

FACILITIES = "시설목록.xlsx"


def decisions(page) -> dict[str, dict]:
    """label -> decision row for the columns of 시설목록.xlsx and 연락처.csv (the page's own
    connection); other files have columns with the same labels."""
    rows = page.ctx.catalog.conn.execute(
        """SELECT m.* FROM column_mappings m JOIN datasets d ON d.id = m.dataset_id
           WHERE d.name IN ('시설목록.xlsx', '연락처.csv')"""
    ).fetchall()
    return {r["label"]: dict(r) for r in rows}


def all_decisions(page) -> int:
    return page.ctx.catalog.conn.execute("SELECT COUNT(*) FROM column_mappings").fetchone()[0]


def row_of_label(page, label: str, dataset: str = FACILITIES) -> int:
    model = page.model
    return next(
        r
        for r in range(model.rowCount())
        if model.row(r)["label"] == label and model.row(r)["dataset"] == dataset
    )


@pytest.fixture
def page(make_window, catalog_copy, qtbot, monkeypatch):
    """The 매핑 검토 page of a catalog holding the scanned sample folder, after '제안 만들기'."""
    import ui.pages.mapping_page as mapping_page

    monkeypatch.setattr(mapping_page, "RATE_DELAY_MS", 20)
    window = make_window(catalog_copy)
    page = window.show_page("mapping")
    assert page.model.rowCount() > 0  # the scan suggested for the columns it read
    assert "제안이 없는 컬럼" not in page.filter_bar.count_label.text()
    qtbot.mouseClick(page.map_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=15_000)
    qtbot.waitUntil(lambda: page.rate is not None, timeout=60_000)  # a child process: hang guard
    return page


def test_make_suggestions_fills_the_table(page, qtbot):
    conn = page.ctx.catalog.conn
    stored = conn.execute(
        """SELECT COUNT(*) FROM column_match m JOIN columns c ON c.id = m.column_id
           JOIN datasets d ON d.id = c.dataset_id WHERE d.status = 'ok'"""
    ).fetchone()[0]
    assert stored > 0 and page.model.rowCount() == stored
    assert page.last_summary is not None and page.last_summary.columns == stored
    assert page.progress.value() == page.progress.maximum() > 0
    assert "제안을 만들었습니다" in page.run_state.text()
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(8)]
    assert headers == ["파일", "시트", "컬럼", "종류", "1순위 용어", "점수", "결정", "점검 코드"]
    exact = row_of_label(page, "시설명")
    texts = [page.model.index(exact, c).data() for c in range(8)]
    assert texts[:6] == ["시설목록.xlsx", "시설", "시설명", "일치", "시설명", "1.00"]
    # the 준수율 and its formula, from check_catalog
    assert page.rate.formula in page.rate_formula.text()
    assert page.rate_value.text() == f"{page.rate.rate:.1f}%"
    # the detail pane: candidates with reasons, checks with Korean messages, no decision
    page.view.selectRow(exact)
    assert page.detail.candidates.rowCount() >= 1
    assert page.detail.candidates.row(0)["reasons"]
    assert "아직 결정하지 않았습니다" in page.detail.decision.text()
    assert page.detail.checks.count() >= 1


def test_accept_then_undo_and_redo(page, qtbot):
    row = row_of_label(page, "개설일")
    page.view.selectRow(row)
    top = page.model.row(row)["top_term"]
    qtbot.mouseClick(page.actions_.accept_button, Qt.MouseButton.LeftButton)
    decided = decisions(page)["개설일"]
    assert decided["status"] == "accepted" and decided["term_name"] == top
    assert decided["decided_by"] == "검토자"
    shown = page.model.row(page.model.row_of(page.model.row(row)["column_id"]))
    assert page.model.index(row, 6).data() == f"수락: {top}" and shown["decision"] == "accepted"

    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "개설일" not in decisions(page)
    assert page.model.index(row, 6).data() == ""
    assert page.actions_.redo_action.isEnabled()

    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert decisions(page)["개설일"]["term_name"] == top
    actions = [h["action"] for h in page.actions_.desk().history(10)]
    assert actions[:3] == ["accept", "undo", "accept"]

    # the buttons do the same as the keys
    qtbot.mouseClick(page.actions_.undo_button, Qt.MouseButton.LeftButton)
    assert "개설일" not in decisions(page)
    qtbot.mouseClick(page.actions_.redo_button, Qt.MouseButton.LeftButton)
    assert "개설일" in decisions(page)
    # the 준수율 is recomputed after the decisions (debounced, on the task runner)
    qtbot.waitUntil(
        lambda: "다시 계산합니다…" not in page.rate_note.text(), timeout=60_000
    )  # hang guard: the rate runs in a child process


def test_bulk_accept_is_one_undo_step(page, qtbot, monkeypatch):
    from ui.mapping_model import bulk_count

    page.actions_.threshold.setValue(0.75)
    expected = bulk_count(page.ctx.catalog.conn, 0.75)
    assert expected >= 2
    asked = []
    monkeypatch.setattr(dialogs, "ask_confirm", lambda p, t, m: asked.append(m) or True)
    qtbot.keyClick(page.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert asked and f"{expected:,}개" in asked[0]
    rows = page.ctx.catalog.conn.execute("SELECT status, score FROM column_mappings").fetchall()
    assert len(rows) == expected
    assert all(r["status"] == "accepted" and r["score"] >= 0.75 for r in rows)
    assert page.undo_stack.count() == 1

    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all_decisions(page) == 0
    qtbot.keyClick(page.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert all_decisions(page) == expected

    # declining the question changes nothing
    monkeypatch.setattr(dialogs, "ask_confirm", lambda p, t, m: False)
    page.actions_.threshold.setValue(0.5)
    page.actions_.bulk_accept()
    assert all_decisions(page) == expected and page.undo_stack.count() == 1


def test_keyboard_enter_accepts_top_and_moves_on(page, qtbot):
    row = row_of_label(page, "정원")
    page.view.setFocus()
    page.view.selectRow(row)
    top = page.model.row(row)["top_term"]
    next_id = page.model.row(row + 1)["column_id"]
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert decisions(page)["정원"]["term_name"] == top
    assert page.selected_row()["column_id"] == next_id
    # Delete rejects the top candidate of the (new) current column
    label, term = page.selected_row()["label"], page.selected_row()["top_term"]
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    rejected = decisions(page)[label]
    assert rejected["status"] == "rejected" and rejected["term_name"] == term
    # arrows move; Enter on the candidate list accepts the chosen candidate
    qtbot.keyClick(page.view, Qt.Key.Key_Up)
    assert page.selected_row()["label"] == label
    assert page.detail.candidates.rowCount() > 1
    page.detail.candidate_view.setFocus()
    page.detail.candidate_view.selectRow(1)
    second = page.detail.candidates.row(1)["term"]
    qtbot.keyClick(page.detail.candidate_view, Qt.Key.Key_Enter)
    assert decisions(page)[label]["term_name"] == second


def test_filters_are_sql(page, qtbot):
    total = page.model.total
    page.filter_bar.kind.setCurrentIndex(page.filter_bar.kind.findData("variant"))
    kinds = {page.model.row(r)["kind"] for r in range(page.model.rowCount())}
    assert kinds == {"variant"} and page.model.total < total
    page.filter_bar.kind.setCurrentIndex(0)
    page.filter_bar.score_min.setValue(0.9)
    assert all(page.model.row(r)["top_score"] >= 0.9 for r in range(page.model.rowCount()))
    page.filter_bar.score_min.setValue(0.0)
    page.filter_bar.undecided.setChecked(True)
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.model.total == total - 1  # the decided column left the list
    page.filter_bar.undecided.setChecked(False)
    assert page.model.total == total
    page.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # 점수, in SQL
    scores = [page.model.row(r)["top_score"] or -1 for r in range(page.model.rowCount())]
    assert scores == sorted(scores, reverse=True)
    assert page.selected_row() is not None


def test_propose_new_term_prefilled_from_the_proposal(page, qtbot, monkeypatch):
    from catalog_app.dictionary.model import Term

    row = row_of_label(page, "성명", "연락처.csv")
    page.view.selectRow(row)
    seen = {}

    def ask(parent, label, proposal, domains):
        seen.update(label=label, proposal=proposal, domains=domains)
        return Term(name=proposal["name"], abbr=proposal["abbr"], domain=proposal["domain"])

    monkeypatch.setattr(dialogs, "ask_new_term", ask)
    qtbot.mouseClick(page.actions_.propose_button, Qt.MouseButton.LeftButton)
    assert seen["label"] == "성명" and seen["proposal"]["name"] and seen["domains"]
    decided = decisions(page)["성명"]
    assert decided["status"] == "proposed" and decided["proposal_id"]
    assert "검토 대기" in page.detail.decision.text()
    page.actions_.undo()
    assert "성명" not in decisions(page)
    assert not page.undo_stack.canRedo()  # the proposal itself stays in the review queue


def test_choose_another_term(page, qtbot, monkeypatch):
    row = row_of_label(page, "소재지")
    page.view.selectRow(row)
    monkeypatch.setattr(dialogs, "ask_term_choice", lambda p, label, c, names: "소재지지번주소")
    qtbot.mouseClick(page.actions_.choose_button, Qt.MouseButton.LeftButton)
    assert decisions(page)["소재지"]["term_name"] == "소재지지번주소"
    # a term the dictionary does not have is refused with the core's Korean message
    monkeypatch.setattr(dialogs, "ask_term_choice", lambda p, label, c, names: "없는용어")
    page.actions_.choose_other()
    assert decisions(page)["소재지"]["term_name"] == "소재지지번주소"
    assert "표준사전에 없는 용어" in page.run_state.text()
    assert page.undo_stack.count() == 1


def test_cancel_stops_the_run(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    page = window.show_page("mapping")
    assert page.start_mapping()
    assert page.busy() and not page.map_button.isEnabled()
    page.cancel_mapping()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=15_000)
    assert page.last_summary is None and "취소" in page.run_state.text()
    assert page.map_button.isEnabled()
