"""Every page rendered with Korean text, saved to test-artifacts/ui/ for a human to look at, and
checked not to be blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from ui.main_window import PAGE_KEYS

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "ui"


def _colour_stats(image: QImage) -> tuple[int, float]:
    """(distinct colours, share of pixels that differ from the most common colour)."""
    counts: dict[int, int] = {}
    step = 3
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    total = sum(counts.values())
    background = max(counts.values())
    return len(counts), 1 - background / total


@pytest.fixture
def screenshot_window(make_window, catalog_copy, data_folders, qtbot):
    from catalog_app.catalog.store import Catalog
    from catalog_app.dictionary.institution import InstitutionEditor
    from catalog_app.dictionary.model import Term
    from catalog_app.dictionary.store import DictionaryStore

    with Catalog(catalog_copy) as catalog:
        editor = InstitutionEditor(DictionaryStore(catalog), "담당자")
        editor.propose(Term(name="축제종류명", abbr="FSTVL_KND_NM", domain="명V200"), "축제.xlsx")
    window = make_window(catalog_copy)
    window.show_page("scan").add_folders([str(p) for p in data_folders.values()])
    return window


def _prepare(window, key, qtbot):
    page = window.show_page(key)
    if key == "overview":
        qtbot.waitUntil(lambda: page.figures_ready, timeout=20_000)
    elif key == "catalog":
        for r in range(page.datasets.rowCount()):
            if page.datasets.index(r, 0).data() == "연락처.csv":
                page.dataset_view.selectRow(r)
    elif key == "mapping":
        # real suggestions, a few decisions and a column with several candidates selected
        assert page.start_mapping()
        qtbot.waitUntil(lambda: not page.is_running(), timeout=15_000)
        qtbot.waitUntil(lambda: page.rate is not None, timeout=10_000)
        rows = [page.model.row(r) for r in range(page.model.rowCount())]
        for label in ("개설일", "작성자"):
            r = next(i for i, row in enumerate(rows) if row["label"] == label)
            page.view.selectRow(r)
            page.actions_.accept_top()
        r = next(
            i
            for i, row in enumerate(rows)
            if row["label"] == "소재지" and row["dataset"] == "시설목록.xlsx"
        )
        page.view.selectRow(r)
        page.compute_rate()
        qtbot.waitUntil(lambda: "다시 계산합니다…" not in page.rate_note.text(), timeout=60_000)
    elif key == "disclosure":
        page.validate()
        qtbot.waitUntil(lambda: not page.busy(), timeout=20_000)
        assert len(page.problems_shown) > 0
    elif key == "dictionary":
        page.search_box.setText("주소")
        qtbot.waitUntil(lambda: page.hits.rowCount() > 0, timeout=5000)
    return page


def test_every_page_renders_korean(screenshot_window, qtbot):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window = screenshot_window
    shots = []
    for number, key in enumerate(PAGE_KEYS, start=1):
        _prepare(window, key, qtbot)
        qtbot.wait(30)
        image = window.grab().toImage()
        path = ARTIFACTS / f"{number}_{key}.png"
        assert image.save(str(path))
        shots.append((key, image))
    # Extra views a clerk sees: the review queue and a search in the catalog.
    page = window.show_page("dictionary")
    page.tabs.setCurrentWidget(page.review)
    qtbot.waitUntil(lambda: page.review.model.rowCount() == 1, timeout=5000)
    shots.append(("review", window.grab().toImage()))
    catalog = window.show_page("catalog")
    catalog.search_box.setText("인구")
    qtbot.waitUntil(lambda: catalog.hits.rowCount() > 0, timeout=15_000)
    shots.append(("search", window.grab().toImage()))
    for key, image in shots[-2:]:
        assert image.save(str(ARTIFACTS / f"extra_{key}.png"))

    for key, image in shots:
        assert image.width() >= 900 and image.height() >= 600, key
        colours, busy = _colour_stats(image)
        assert colours >= 8, f"{key}: only {colours} colours"
        assert busy > 0.05, f"{key}: {busy:.1%} non-background pixels"


def test_first_run_panel_renders(make_window, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window = make_window(tmp_path / "empty.db")
    image = window.grab().toImage()
    assert image.save(str(ARTIFACTS / "extra_first_run.png"))
    colours, busy = _colour_stats(image)
    assert colours >= 8 and busy > 0.05


def test_korean_font_is_used(app_configured):
    from PySide6.QtGui import QFontInfo, QFontMetrics

    font = app_configured.font()
    assert QFontInfo(font).family() in (
        "NanumGothic",
        "Malgun Gothic",
        "Noto Sans CJK KR",
        "Apple SD Gothic Neo",
    ) or pytest.skip("no Korean font installed on this machine")
    assert QFontMetrics(font).inFontUcs4(ord("한"))
    assert QColor("#1f4e79").isValid()
