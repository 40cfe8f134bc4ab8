"""The window stays responsive at 5,000 files (issue 15): the 공개목록 check runs in a child
process that a new request or a closing window kills, and the GUI thread's collector freezes a
big young generation (a job's result) instead of walking it. No timing is asserted here; the
stalls themselves are measured by benchmarks/bench_ui.py."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from tests.test_offload import _running
from ui.gc_guard import BIG_YOUNG, GuiThreadCollector
from ui.pages import disclosure_check


def _pids(marker: Path) -> list[int]:
    text = marker.read_text(encoding="utf-8") if marker.exists() else ""
    return [int(line) for line in text.split()]


def test_the_check_runs_in_a_child_process_that_cancel_kills(
    make_window, catalog_copy, qtbot, monkeypatch, tmp_path
):
    marker = tmp_path / "pids"
    monkeypatch.setenv("OFFLOAD_TEST_MARKER", str(marker))
    monkeypatch.setattr(disclosure_check, "TARGET", "tests.offload_helpers:waiting_check")
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")

    page.validate()
    qtbot.waitUntil(lambda: len(_pids(marker)) == 1, timeout=60_000)
    first = _pids(marker)[0]
    assert first != os.getpid()  # not a thread of the window's process
    assert page.busy()

    page.validate()  # asked again while it runs: the running check is cancelled, a new one follows
    qtbot.waitUntil(lambda: len(_pids(marker)) == 2, timeout=60_000)
    assert not _running(first)
    second = _pids(marker)[1]
    assert _running(second) and page.busy()

    page.shutdown()  # a closing window kills the check too
    assert not _running(second)


def test_the_real_check_comes_back_from_its_process(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    page.validate()
    job = page.check.running[1]
    assert job.target == disclosure_check.TARGET
    qtbot.waitUntil(lambda: not page.busy(), timeout=60_000)
    assert page.problems_shown and "차단" in page.problem_summary.text()


def test_a_big_young_generation_is_frozen_not_walked(qtbot):
    collector = GuiThreadCollector()
    collector._timer.stop()  # the test calls collect() itself
    walked: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            walked.append(info["generation"])

    gc.collect()
    frozen = gc.get_freeze_count()
    gc.callbacks.append(seen)
    try:
        kept = [{"row": [i]} for i in range(BIG_YOUNG)]  # a job's result: 2 tracked objects each
        collector.collect()
        assert walked == []
        assert gc.get_freeze_count() >= frozen + 2 * len(kept)

        small = [[i] for i in range(gc.get_threshold()[0] + 100)]  # ordinary: collected
        collector.collect()
        assert walked and walked[0] == 0
        assert small and kept
    finally:
        gc.callbacks.remove(seen)
        gc.unfreeze()
        collector.deleteLater()
