"""The pages' modules are imported on a background thread once the window is up (issue 15:
first visits stalled the window on imports)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from ui.page_warmup import PAGE_MODULES, warm_page_modules


def test_every_page_module_is_warmed():
    pages = Path(__file__).resolve().parents[2] / "ui" / "pages"
    on_disk = {f"ui.pages.{p.stem}" for p in pages.glob("*_page.py")}
    assert on_disk == set(PAGE_MODULES)  # a new page is added to the warm-up list too
    for name in PAGE_MODULES:
        assert importlib.util.find_spec(name) is not None


def test_the_warmup_imports_off_the_calling_thread_and_skips_a_broken_module(caplog):
    module = "json.tool"
    sys.modules.pop(module, None)
    thread = warm_page_modules(("no_such_module_for_the_warmup", module))
    thread.join(30)
    assert not thread.is_alive() and thread.daemon
    assert module in sys.modules  # the one after the broken one was still imported
    assert "no_such_module_for_the_warmup" in caplog.text
