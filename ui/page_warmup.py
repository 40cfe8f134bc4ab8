"""Import the pages' modules on a background thread once the window is up.

A page is built on its first visit (``MainWindow.page``). Half of that first visit was Python
importing the page's modules and the core modules they pull in (the 공개 항목 page: ~40 modules,
0.2 s with compiled bytecode at hand, more without): a stall the clerk sees on every first click.
Importing them while the window sits idle moves that work off the GUI thread; the page's widgets
are still built on the GUI thread (Qt requires it), which is what a first visit costs now.

Module bodies here only define classes and constants (no widget is made on import), so a
non-GUI thread may run them. If the clerk opens a page while its module is still importing,
Python's per-module import lock makes the GUI thread wait for that one import, no longer than
importing it itself would take. A module that fails to import is logged and skipped: the first
visit then raises the real error where it always did.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

# The most expensive first (bench_ui: 공개 항목, 공개목록, 카탈로그, 품질 pages).
PAGE_MODULES = (
    "ui.pages.metadata_page",
    "ui.pages.disclosure_page",
    "ui.pages.catalog_page",
    "ui.pages.quality_page",
    "ui.pages.mapping_page",
    "ui.pages.dictionary_page",
    "ui.pages.settings_page",
    "ui.pages.scan_page",
    "ui.pages.overview_page",
)


def warm_page_modules(modules: tuple[str, ...] = PAGE_MODULES) -> threading.Thread:
    """Start a daemon thread importing ``modules`` one after another; returns it (tests join)."""

    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the first visit reports it properly
                log.warning("페이지 모듈을 미리 불러오지 못했습니다: %s", name, exc_info=True)

    thread = threading.Thread(target=run, name="page-warmup", daemon=True)
    thread.start()
    return thread
