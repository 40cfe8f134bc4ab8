"""Where the 준수율 is shown (현황, 공개목록), the window says when it cannot be trusted — columns
without a current suggestion — and which files are left out of it (garbled text)."""

from __future__ import annotations

import json

from catalog_app.catalog.store import Catalog
from catalog_app.matching.jobs import map_catalog


def _drop_suggestions(catalog_path, n: int = 5) -> None:
    """As a catalog upgraded from a release whose rescans dropped suggestions."""
    with Catalog(catalog_path) as cat, cat.transaction() as conn:
        conn.execute(
            "DELETE FROM column_match WHERE column_id IN (SELECT id FROM columns LIMIT ?)", (n,)
        )


def _garble(catalog_path) -> str:
    """Flag one readable dataset as garbled (what the scan does when no reader gets it right)."""
    from catalog_app.scan.flags import make_flag

    with Catalog(catalog_path) as cat, cat.transaction() as conn:
        row = conn.execute(
            "SELECT id, rel_path FROM datasets WHERE status = 'ok' ORDER BY id LIMIT 1"
        ).fetchone()
        conn.execute(
            "UPDATE datasets SET flags = ? WHERE id = ?",
            (json.dumps([make_flag("garbled_text", "시험")], ensure_ascii=False), row["id"]),
        )
        return row["rel_path"]


def test_overview_says_the_rate_cannot_be_trusted_until_map(make_window, catalog_copy, qtbot):
    _drop_suggestions(catalog_copy)
    window = make_window(catalog_copy)
    page = window.show_page("overview")
    qtbot.waitUntil(lambda: page.figures_ready, timeout=30_000)
    title = page.rate_title.text()
    assert "믿을 수 없음" in title and "제안이 없는 컬럼 5개" in title
    assert page.rate_title.property("trusted") is False
    with Catalog(catalog_copy) as cat:
        map_catalog(cat)
    page.figures_ready = False
    page.refresh_figures()
    qtbot.waitUntil(lambda: page.figures_ready, timeout=30_000)
    assert "믿을 수 없음" not in page.rate_title.text() and "전체" in page.rate_title.text()
    assert page.rate_title.property("trusted") is True


def test_overview_names_a_file_left_out_of_the_rate(make_window, catalog_copy, qtbot):
    path = _garble(catalog_copy)
    window = make_window(catalog_copy)
    page = window.show_page("overview")
    qtbot.waitUntil(lambda: page.figures_ready, timeout=30_000)
    assert "준수율에서 뺀 파일 1개" in page.rate_title.text() and path in page.rate_title.text()


def test_disclosure_page_warns_beside_the_year(make_window, catalog_copy, qtbot):
    _drop_suggestions(catalog_copy, 3)
    path = _garble(catalog_copy)
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    assert page.trust_note.isVisible()
    text = page.trust_note.text()
    assert "표준용어 제안이 없는 컬럼 3개" in text and "막힙니다" in text
    assert f"준수율에서 뺀 파일 1개 (글자가 깨져 읽힘): {path}" in text
    assert "글자가 깨져" in page.trust_note.toolTip()
    with Catalog(catalog_copy) as cat:
        map_catalog(cat)
    page.refresh_year()
    assert "제안이 없는 컬럼" not in page.trust_note.text()
    assert page.trust_note.isVisible()  # the garbled file is still left out


def test_disclosure_page_is_quiet_when_all_is_well(make_window, catalog_copy):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    assert not page.trust_note.isVisible() and page.trust_note.text() == ""
