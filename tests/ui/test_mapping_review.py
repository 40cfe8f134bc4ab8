"""매핑 검토 (issue 15): 점수 이상 일괄 수락 acts on the rows the filter shows and says how many;
accepting a low-scoring candidate asks first (threshold in 설정)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui import dialogs


@pytest.fixture
def page(make_window, catalog_copy, qtbot, monkeypatch):
    import ui.pages.mapping_page as mapping_page

    monkeypatch.setattr(mapping_page, "RATE_DELAY_MS", 20)
    window = make_window(catalog_copy)
    page = window.show_page("mapping")
    assert page.model.rowCount() > 0
    return page


def decided(page) -> dict[int, dict]:
    rows = page.ctx.catalog.conn.execute("SELECT * FROM column_mappings").fetchall()
    return {r["column_id"]: dict(r) for r in rows}


def test_bulk_accept_takes_only_the_filtered_rows(page, qtbot, monkeypatch):
    from ui.mapping_model import bulk_count

    everywhere = bulk_count(page.ctx.catalog.conn, 0.75)
    page.filter_bar.search_box.setText("명")
    qtbot.waitUntil(lambda: page.model.filters.text == "명", timeout=2000)
    shown = {page.model.row(r)["column_id"] for r in range(page.model.rowCount())}
    assert page.model.total == len(shown) > 0
    expected = bulk_count(page.ctx.catalog.conn, 0.75, page.model.filters)
    assert 0 < expected < everywhere  # the filter really narrows what is accepted
    asked = []
    monkeypatch.setattr(dialogs, "ask_confirm", lambda p, t, m: asked.append(m) or True)
    page.actions_.threshold.setValue(0.75)
    page.actions_.bulk_accept()
    assert asked and "지금 필터로 보이는 컬럼" in asked[0] and f"{expected:,}개" in asked[0]
    now = decided(page)
    assert len(now) == expected and set(now) <= shown  # nothing outside the filter
    assert all(d["score"] >= 0.75 and "명" in d["label"] for d in now.values())
    assert f"{expected:,}개 컬럼" in page.run_state.text()
    page.actions_.undo()
    assert decided(page) == {}


def test_accepting_a_low_score_candidate_asks_first(page, qtbot, monkeypatch):
    page.ctx.settings.confirm_below = 0.999  # every guess below 1.0 now counts as low
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.row(r)["top_score"] and page.model.row(r)["top_score"] < 0.999
    )
    column_id, score = page.model.row(row)["column_id"], page.model.row(row)["top_score"]
    page.view.setFocus()
    page.view.selectRow(row)
    asked = []
    monkeypatch.setattr(dialogs, "ask_confirm", lambda p, t, m: asked.append(m) or False)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert asked and f"{score:.2f}" in asked[0] and "0.999" not in asked[0]
    assert column_id not in decided(page)  # declined: nothing accepted, still on that row
    assert page.selected_row()["column_id"] == column_id
    monkeypatch.setattr(dialogs, "ask_confirm", lambda p, t, m: asked.append(m) or True)
    page.actions_.accept_selected()
    assert decided(page)[column_id]["status"] == "accepted"
    # a threshold of 0 never asks
    page.ctx.settings.confirm_below = 0.0
    asked.clear()
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: pytest.fail("asked"))
    page.view.selectRow(row + 1)
    page.actions_.accept_top()
    assert not asked


def test_the_threshold_is_set_on_the_settings_page(make_window, catalog_copy):
    window = make_window(catalog_copy)
    settings = window.show_page("settings")
    settings.confirm_below.setValue(0.65)
    assert window.ctx.settings.confirm_below == pytest.approx(0.65)
