"""Progress events and cancel tokens shared by long jobs (CLI bars, Qt workers, tests)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """Raised inside a job when its CancelToken was cancelled."""


class CancelToken:
    """Thread-safe flag a UI or a test sets to stop a job at its next check."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


@dataclass(slots=True)
class ProgressEvent:
    """One step of a job: ``done`` of ``total`` units, with the current item and a message."""

    kind: str  # 'discovered', 'file', 'done'
    done: int
    total: int
    path: str | None = None
    status: str | None = None  # per file: 'new', 'changed', 'unchanged', 'failed'
    message: str | None = None


ProgressCallback = Callable[[ProgressEvent], None]
