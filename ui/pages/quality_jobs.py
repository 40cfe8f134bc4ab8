"""The 품질진단 run on a thread of its own, like the scan and ``map`` (``ui.workers``): it reads
every file again (seconds to minutes), so it must never sit in the task runner's queue in front
of the clerk's edits, and Cancel must stop it between datasets and inside a big file."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Signal, Slot

from catalog_app.progress import CancelToken, ProgressEvent
from ui.workers import failure_text

log = logging.getLogger(__name__)


class QualityJob(QObject):
    """``run_quality`` over every readable dataset (or ``dataset_ids``)."""

    progress = Signal(object)  # ProgressEvent per dataset
    finished = Signal(object)  # QualitySummary (status 'cancelled' when stopped)
    failed = Signal(str)

    MIN_INTERVAL = 0.03

    def __init__(self, catalog_path: str, dataset_ids: list[int] | None = None, force=False):
        super().__init__()
        self.catalog_path = catalog_path
        self.dataset_ids = dataset_ids
        self.force = force
        self.token = CancelToken()
        self._last_emit = 0.0

    def cancel(self) -> None:
        self.token.cancel()

    def _emit(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        if (
            event.kind != "file"
            or event.done == event.total
            or now - self._last_emit >= self.MIN_INTERVAL
        ):
            self._last_emit = now
            self.progress.emit(event)

    @Slot()
    def run(self) -> None:
        try:
            from catalog_app.catalog.store import Catalog
            from catalog_app.quality.job import run_quality

            with Catalog(self.catalog_path) as catalog:
                summary = run_quality(
                    catalog,
                    dataset_ids=self.dataset_ids,
                    progress=self._emit,
                    cancel=self.token,
                    force=self.force,
                )
        except Exception as exc:
            log.warning("품질진단 실패: %s", exc, exc_info=True)
            self.failed.emit(failure_text(exc, self.catalog_path))
        else:
            log.info(
                "품질진단 %s: 오류 %d / 점검 %d", summary.status, summary.errors, summary.checked
            )
            self.finished.emit(summary)
