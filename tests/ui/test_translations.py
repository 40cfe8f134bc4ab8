"""The English translation (issue 6): a complete .ts that matches the sources, a .qm compiled from
it, and a language switch while the app runs.

After adding a user-facing string: give it English in tools/translations_en.py (EN) and run
``.venv/bin/python tools/update_translations.py``; these tests say what is missing or stale.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from ui.main_window import PAGE_KEYS

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "catalog_app_en.ts"
QM = REPO / "resources" / "translations" / "catalog_app_en.qm"
ARTIFACTS = REPO / "test-artifacts" / "ui"

KOREAN_TITLES = [
    "현황",
    "스캔",
    "카탈로그",
    "매핑 검토",
    "표준사전",
    "공개 항목",
    "공개목록",
    "품질진단",
    "설정",
]
ENGLISH_TITLES = [
    "Overview",
    "Scan",
    "Catalog",
    "Mapping review",
    "Standard dictionary",
    "Disclosure items",
    "Disclosure",
    "Quality check",
    "Settings",
]


@functools.cache
def _tool():
    """tools/update_translations.py as a module (tools/ is a folder of scripts, not a package)."""
    path = REPO / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.findall("message")
    ]


# ------------------------------------------------------------------------------- the files
def test_every_message_is_translated_with_the_same_placeholders():
    tool = _tool()
    messages = _messages()
    assert len(messages) > 400
    unfinished, differ = [], []
    for context, source, message in messages:
        translation = message.find("translation")
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            unfinished.append((context, source))
        elif not tool.same_markers(source, text):  # {fields}, %n, and no stray &
            differ.append((context, source, text))
    assert unfinished == [], "untranslated: run tools/update_translations.py"
    assert differ == [], "a translation lost or added a {placeholder} or an & accelerator"


def test_accelerators_survive():
    english = {(c, s): m.findtext("translation") for c, s, m in _messages()}
    for source in ("파일(&F)", "보기(&V)", "도움말(&H)"):
        text = english[("MainWindow", source)]
        assert text.count("&") == 1 and text[text.index("&") + 1].isalpha(), text


def test_no_source_string_is_missing_from_the_ts():
    """lupdate (corrected by the ast reading, as the update script does) over today's sources
    finds nothing the committed .ts lacks: a new string fails here until it is translated."""
    tool = _tool()
    if tool.qt_tool("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    extraction = tool.extract()
    assert extraction.problems == []
    committed = {(c, s, m.findtext("comment") or "") for c, s, m in _messages()}
    missing = sorted(key[:2] for key in extraction.messages.keys() - committed)
    assert missing == [], (
        f"{len(missing)} strings are not in {TS.name}; add English to "
        f"tools/update_translations.py and run it: {missing}"
    )
    stale = sorted(key[:2] for key in committed - extraction.messages.keys())
    assert stale == [], f"strings no longer in the sources; run the update script: {stale}"


def test_qm_is_compiled_from_the_ts(tmp_path):
    tool = _tool()
    if tool.qt_tool("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    tool.lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), (
        f"{QM.name} is older than {TS.name}: run tools/update_translations.py"
    )


# ----------------------------------------------------------------------- switch at runtime
@pytest.fixture
def english(app_configured):
    """A way to switch languages that always leaves the session in Korean afterwards."""
    from ui.language import current_language, switch_language

    def switch(language: str) -> None:
        switch_language(app_configured, language)

    yield switch
    switch_language(app_configured, "ko")
    assert current_language() == "ko"


def _titles(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def _heading(page) -> str:
    return page.findChild(QLabel, "pageTitle").text()


def test_switching_to_english_and_back(make_window, catalog_copy, english, qtbot):
    window = make_window(catalog_copy)
    catalog = window.show_page("catalog")
    window.show_page("dictionary")
    assert _titles(window) == KOREAN_TITLES
    english("en")
    assert _titles(window) == ENGLISH_TITLES
    assert window.windowTitle() == "Public Data Inventory"
    assert QApplication.applicationDisplayName() == "Public Data Inventory"
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Help"]
    assert [a.text() for a in window.page_actions] == ENGLISH_TITLES
    assert window.toolbar.toggleViewAction().text() == "Toolbar"
    assert "datasets" in window.counts_label.text() and "Catalog:" in window.path_label.text()
    # the shown page survives, rebuilt in English; the others wait for their next visit
    assert window.current_key() == "dictionary"
    assert window.stack.currentWidget() is window.pages["dictionary"]
    assert _heading(window.pages["dictionary"]) == "Standard dictionary"
    assert "catalog" not in window.pages
    again = window.show_page("catalog")
    assert again is not catalog and _heading(again) == "Catalog"
    assert again.datasets.total == 11  # the data is the catalog's, not the page's
    english("ko")
    assert _titles(window) == KOREAN_TITLES
    assert window.windowTitle() == "공공데이터 목록 관리"
    assert _heading(window.pages["catalog"]) == "카탈로그"
    assert "데이터셋 11개" in window.counts_label.text()


def test_the_settings_page_switches_and_remembers(make_window, catalog_copy, english, qtbot):
    from ui.settings import Settings

    window = make_window(catalog_copy)
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData("en"))
    assert Settings().language == "en"
    assert _titles(window) == ENGLISH_TITLES
    rebuilt = window.pages["settings"]
    assert rebuilt is not page and window.current_key() == "settings"
    assert rebuilt.language.currentData() == "en"
    assert "restart" not in rebuilt.language_note.text().lower()
    assert "applies at once" in rebuilt.language_note.text()
    rebuilt.language.setCurrentIndex(rebuilt.language.findData("ko"))
    assert Settings().language == "ko"
    assert _titles(window) == KOREAN_TITLES
    assert window.pages["settings"].language.currentData() == "ko"


@pytest.mark.slow
def test_a_busy_page_is_kept_until_it_is_idle(
    make_window, catalog_copy, english, qtbot, monkeypatch
):
    window = make_window(catalog_copy)
    scan = window.show_page("scan")
    catalog = window.show_page("metadata")
    form = catalog.form
    busy = {"scan": True}
    monkeypatch.setattr(scan, "busy", lambda: busy["scan"])
    dirty = {"form": True}
    if form is not None:
        monkeypatch.setattr(form, "is_dirty", lambda: dirty["form"])
    window.show_page("settings")
    english("en")
    assert _titles(window) == ENGLISH_TITLES
    assert window.pages["scan"] is scan  # still working, still Korean
    assert _heading(scan) == "스캔"
    if form is not None:
        assert window.pages["metadata"] is catalog  # unsaved metadata edits are kept
        dirty["form"] = False
    window.show_page("scan")  # busy: not rebuilt on this visit either
    assert window.pages["scan"] is scan
    busy["scan"] = False
    window.show_page("overview")
    rebuilt = window.show_page("scan")  # idle now: the next visit rebuilds it
    assert rebuilt is not scan and _heading(rebuilt) == "Scan"
    qtbot.waitUntil(lambda: not catalog.busy(), timeout=15_000)  # its form finished loading
    assert _heading(window.show_page("metadata")) == "Disclosure items"
    qtbot.waitUntil(lambda: not window._retired, timeout=5000)  # replaced pages are deleted


def test_english_screenshot(make_window, catalog_copy, english, qtbot):
    """The window in English, saved for a human to look at (and every page, extra_english_*)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window = make_window(catalog_copy)
    english("en")
    for key in PAGE_KEYS:
        page = window.show_page(key)
        if key == "overview":
            qtbot.waitUntil(lambda page=page: page.figures_ready, timeout=20_000)
        qtbot.wait(30)
        image = window.grab().toImage()
        assert image.save(str(ARTIFACTS / f"extra_english_{key}.png"))
    page = window.show_page("overview")
    qtbot.wait(30)
    image = window.grab().toImage()
    assert image.save(str(ARTIFACTS / "extra_english.png"))
    assert image.width() >= 900 and image.height() >= 600
    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    hangul = [t for t in texts if any("\uac00" <= ch <= "\ud7a3" for ch in t)]
    # department names and words from the data are Korean; the interface's own text is not
    assert "Overview" in texts and len(hangul) < len(texts) / 3, hangul
