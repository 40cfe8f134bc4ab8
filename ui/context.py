"""What every page shares for one open catalog: the GUI thread's read connection, the background
task runner and change notifications. Swapping catalogs means a new context, never a mutation."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ui.settings import Settings
from ui.workers import TaskRunner

log = logging.getLogger(__name__)


class AppContext(QObject):
    """One open catalog. Pages read through :attr:`catalog` (GUI thread only) and send writes
    and slow work to :attr:`runner` or a scan job (their own connections)."""

    data_changed = Signal()  # datasets/columns changed (a scan, a header override)
    dictionary_changed = Signal()  # editions, institution terms, proposals
    scan_state_changed = Signal(bool)  # a scan started (True) or ended (False)
    # entered 공개 항목 changed (a form or grid save, an undo): the datasets, [] = institution
    # or department settings (every dataset may be affected)
    metadata_changed = Signal(list)

    def __init__(self, catalog_path: str | Path, settings: Settings | None = None):
        super().__init__()
        from catalog_app.catalog.store import Catalog

        self.catalog_path = str(Path(catalog_path).expanduser().absolute())
        self.catalog = Catalog(self.catalog_path)  # raises with a Korean message if unusable
        self._close_interrupted_runs()
        self.settings = settings or Settings()
        self.runner = TaskRunner(self.catalog_path, self)
        self.scanning = False

    def _close_interrupted_runs(self) -> None:
        """A scan killed with the app (or a CLI scan killed) stays 'running' in the catalog: when
        no job holds the catalog now, it is closed as interrupted, so 현황 does not show a scan
        in progress that is not. Its file is still read in a child process by the next scan."""
        from catalog_app.catalog.joblock import CatalogBusy, job_lock

        try:
            with job_lock(self.catalog_path, "open"):
                self.catalog.close_interrupted_runs()
        except (CatalogBusy, OSError):
            pass  # a job runs (its run is live) or the folder is read-only: nothing to close

    def counts(self) -> dict[str, int]:
        """Totals for the status bar (cheap: indexed counts)."""
        from catalog_app.catalog.listing import catalog_counts

        return catalog_counts(self.catalog.conn)

    def set_scanning(self, running: bool) -> None:
        self.scanning = running
        self.scan_state_changed.emit(running)

    def close(self) -> None:
        self.runner.shutdown()
        self.catalog.close()
        log.info("카탈로그를 닫았습니다: %s", self.catalog_path)
        # Deleted by the GUI thread's event loop: a page holding this context may sit in a
        # reference cycle, and Python's collector could otherwise free it from a worker thread.
        self.deleteLater()
