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

    def __init__(self, catalog_path: str | Path, settings: Settings | None = None):
        super().__init__()
        from catalog_app.catalog.store import Catalog

        self.catalog_path = str(Path(catalog_path).expanduser().absolute())
        self.catalog = Catalog(self.catalog_path)  # raises with a Korean message if unusable
        self.settings = settings or Settings()
        self.runner = TaskRunner(self.catalog_path, self)
        self.scanning = False

    def counts(self) -> dict[str, int]:
        """Totals for the status bar (cheap: indexed counts)."""
        row = self.catalog.conn.execute(
            """SELECT COUNT(*) AS datasets, COALESCE(SUM(status = 'error'), 0) AS errors,
                      COALESCE(SUM(status = 'missing'), 0) AS missing FROM datasets"""
        ).fetchone()
        columns = self.catalog.conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
        return {
            "datasets": row["datasets"],
            "errors": row["errors"],
            "missing": row["missing"],
            "columns": columns,
        }

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
