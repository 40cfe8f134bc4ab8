"""Jobs for ``catalog_app.offload`` tests: they run in the child process (named as
"module:function" strings), so they must live in an importable module, not in a test file."""

from __future__ import annotations

import os
import time
from pathlib import Path


def numbers(catalog, n: int):
    """A result with a list long enough to travel in chunks, and the child's pid."""
    return os.getpid(), [{"i": i, "label": f"컬럼{i}"} for i in range(n)]


def failing(catalog):
    raise ValueError("일부러 낸 오류")


def dying(catalog):
    os._exit(3)


def waiting(catalog, marker: str):
    """Writes its pid to ``marker`` and waits to be killed."""
    Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    while True:
        time.sleep(0.05)


def waiting_check(catalog, year: int):
    """Stands in for the 공개목록 check: appends its pid to the file named by
    ``OFFLOAD_TEST_MARKER`` and waits to be killed."""
    with open(os.environ["OFFLOAD_TEST_MARKER"], "a", encoding="utf-8") as marker:
        marker.write(f"{os.getpid()}\n")
    while True:
        time.sleep(0.05)
