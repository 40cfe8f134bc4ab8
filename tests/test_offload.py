"""catalog_app.offload: a catalog read in a child process (the window's heaviest jobs, issue 15)
gives the same answer as in process, raises the child's error, and is killed on cancel."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.state_cache import year_problems
from catalog_app.offload import CHUNK, ChildFailed, run_in_child
from catalog_app.progress import Cancelled, CancelToken


@pytest.fixture
def catalog_path(tmp_path) -> str:
    path = tmp_path / "catalog.db"
    Catalog(path).close()
    return str(path)


def test_a_long_list_comes_back_whole_from_another_process(catalog_path):
    n = CHUNK * 2 + 7  # three chunks, the last one short
    pid, rows = run_in_child("tests.offload_helpers:numbers", catalog_path, n)
    assert pid != os.getpid()
    assert rows == [{"i": i, "label": f"컬럼{i}"} for i in range(n)]


def test_the_year_check_in_a_child_equals_the_check_in_process(catalog_path):
    with Catalog(catalog_path) as catalog:
        here = year_problems(catalog, 2026)
    assert here[2]  # an empty catalog still lacks its institution settings
    assert (
        run_in_child("catalog_app.disclosure.state_cache:year_problems", catalog_path, 2026) == here
    )


def test_the_childs_error_is_raised_again(catalog_path):
    with pytest.raises(ValueError, match="일부러 낸 오류"):
        run_in_child("tests.offload_helpers:failing", catalog_path)


def test_a_child_that_dies_without_an_answer_is_reported(catalog_path):
    with pytest.raises(ChildFailed, match="종료 코드 3"):
        run_in_child("tests.offload_helpers:dying", catalog_path)


def test_cancel_kills_the_child(catalog_path, tmp_path):
    marker = tmp_path / "pid"
    token = CancelToken()
    outcome: list = []

    def call() -> None:
        try:
            run_in_child("tests.offload_helpers:waiting", catalog_path, str(marker), cancel=token)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=call)
    thread.start()
    for _ in range(600):  # hang guard, not a timing: the child writes its pid once it runs
        if marker.exists() and marker.read_text(encoding="utf-8"):
            break
        thread.join(0.1)
    pid = int(Path(marker).read_text(encoding="utf-8"))
    token.cancel()
    thread.join(60)
    assert not thread.is_alive(), "run_in_child did not return after cancel"
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
    assert not _running(pid)  # killed and reaped, not left behind


def _running(pid: int) -> bool:
    if os.name == "nt":
        import subprocess

        out = subprocess.run(["tasklist", "/FI", f"PID eq {pid}"], capture_output=True, text=True)
        return str(pid) in out.stdout
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
