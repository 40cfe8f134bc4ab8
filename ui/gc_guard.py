"""Cyclic garbage collection only on the GUI thread.

Python runs the cyclic collector in whatever thread happens to allocate; if it frees a Qt object
from a worker thread the process can crash. Automatic collection is switched off and a timer on
the GUI thread collects instead (the approach pyqtgraph takes).

A collection walks every object of its generations with the GIL held. While a worker builds the
state of a 100,000-column catalog, hundreds of thousands of objects are born between two ticks
and millions survive into the older generations: a young collection took 0.2 s, an older one
1.2 s, a full one 1.5 s — the window froze that long, again and again during a check (measured
with benchmarks/bench_ui.py, issue 15). So while a heavy job runs (:func:`heavy_job`) nothing is
collected; the next tick after the jobs collects what is left, by then only what survived them
(the jobs' own data is freed by reference counting: it has no cycles to leak). The objects that
exist once the window is up (modules, Qt wrappers) are frozen (:func:`freeze_startup`) so no
later collection walks them again.

The heaviest jobs now run in child processes (``catalog_app.offload``) and hand back a compact
result, but even that result is big: the 39,485 problems of the 5,000-file check are some 180,000
tracked objects (each message a ``Text`` with its parameters). A young collection on the next
tick walked them all on the GUI thread (0.1-0.3 s) to free nothing. So a young generation that
has grown past :data:`BIG_YOUNG` objects is frozen instead of walked (``gc.freeze`` moves it in
one step): those objects are results the window keeps and data without cycles, which reference
counting still frees when a page drops them; only a reference cycle among them would now wait
for the end of the program.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

_lock = threading.Lock()
BIG_YOUNG = 20_000  # a young generation this big is frozen, not walked (see the module doc)
_heavy = 0  # jobs running on worker threads that build big object graphs


@contextmanager
def heavy_job() -> Iterator[None]:
    """Around a worker's job: full collections wait until it ends (see the module doc)."""
    global _heavy
    with _lock:
        _heavy += 1
    try:
        yield
    finally:
        with _lock:
            _heavy -= 1


def heavy_jobs() -> int:
    return _heavy


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 2000):
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def collect(self) -> None:
        # Young generations often, everything when the old one has grown; nothing while a
        # heavy job runs on a worker (see the module doc).
        if _heavy:
            return
        gen0, gen1, gen2 = gc.get_count()
        if gen0 > BIG_YOUNG:
            gc.freeze()
            return
        threshold = gc.get_threshold()
        if gen0 > threshold[0]:
            gc.collect(0)
        if gen1 > threshold[1]:
            gc.collect(1)
        if gen2 > threshold[2]:
            gc.collect(2)


def freeze_startup() -> None:
    """Move every object alive now (once the window is up) out of the collector's sight."""
    gc.collect()
    gc.freeze()
