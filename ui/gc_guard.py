"""Cyclic garbage collection only on the GUI thread.

Python runs the cyclic collector in whatever thread happens to allocate; if it frees a Qt object
from a worker thread the process can crash. Automatic collection is switched off and a timer on
the GUI thread collects instead (the approach pyqtgraph takes).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 2000):
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def collect(self) -> None:
        # Young generations often, everything when the old one has grown.
        gen0, gen1, gen2 = gc.get_count()
        threshold = gc.get_threshold()
        if gen0 > threshold[0]:
            gc.collect(0)
        if gen1 > threshold[1]:
            gc.collect(1)
        if gen2 > threshold[2]:
            gc.collect(2)
