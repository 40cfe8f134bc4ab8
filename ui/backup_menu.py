"""The window's 카탈로그 백업… and 카탈로그 복원… (파일 menu): the file dialogs, the work on the task
runner and the messages. Its own translation context (``CatalogBackup``); the window keeps the
menu actions and hands them here."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMainWindow

from ui import dialogs


class CatalogBackup(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window

    def choose_backup(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        start = str(Path(self.window.ctx.catalog_path).with_name(f"catalog-backup-{stamp}.db"))
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("카탈로그 백업"), start, self.tr("카탈로그 (*.db);;모든 파일 (*)")
        )
        if path:
            self.backup_to(path)

    def backup_to(self, path: str) -> int:
        """Back the catalog up to ``path`` on the task runner (SQLite's backup API: consistent
        while pages keep reading and writing); a message says where it went."""
        from catalog_app.catalog.backup import backup_catalog

        source = self.window.ctx.catalog_path
        self.window.statusBar().showMessage(self.tr("백업하는 중…"))

        def done(target) -> None:
            self.window.statusBar().showMessage(
                self.tr("백업했습니다: {path}").format(path=target), 10000
            )
            dialogs.show_info(
                self.window, self.tr("카탈로그를 백업했습니다:\n{path}").format(path=target)
            )

        def failed(exc: Exception) -> None:
            self.window.statusBar().clearMessage()
            dialogs.show_error(
                self.window, self.tr("백업하지 못했습니다:\n{error}").format(error=exc)
            )

        return self.window.ctx.runner.submit(
            lambda _catalog: backup_catalog(source, path), done, failed
        )

    def choose_restore(self) -> None:
        start = os.path.dirname(self.window.ctx.catalog_path)
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("복원할 백업 파일 선택"),
            start,
            self.tr("카탈로그 (*.db *.bak);;모든 파일 (*)"),
        )
        if path and dialogs.ask_confirm(
            self.window,
            self.tr("카탈로그 복원"),
            self.tr(
                "지금 카탈로그의 내용을 이 백업으로 바꿉니다:\n{path}\n\n지금 카탈로그는 먼저 "
                "옆에 사본으로 남깁니다. 계속할까요?"
            ).format(path=path),
        ):
            self.restore_from(path)

    def restore_from(self, path: str) -> int | None:
        """Restore the catalog from a backup (checked first; the current one is kept beside it;
        refused while a scan or another job holds the catalog), then rebuild the pages."""
        from catalog_app.catalog.backup import restore_catalog

        if self.window.ctx.scanning or any(p.busy() for p in self.window.pages.values()):
            dialogs.show_info(
                self.window, self.tr("진행 중인 작업이 끝나거나 취소된 뒤에 복원할 수 있습니다.")
            )
            return None
        catalog = self.window.ctx.catalog_path

        def done(result) -> None:
            self.window.open_catalog(catalog, reload=True)
            kept = self.tr("\n복원 전 카탈로그는 여기에 남겼습니다:\n{path}").format(
                path=result.kept
            )
            dialogs.show_info(
                self.window,
                self.tr("카탈로그를 복원했습니다 (데이터셋 {n:,}개).").format(n=result.datasets)
                + (kept if result.kept else ""),
            )

        def failed(exc: Exception) -> None:
            dialogs.show_error(
                self.window, self.tr("복원하지 못했습니다:\n{error}").format(error=exc)
            )

        return self.window.ctx.runner.submit(
            lambda _catalog: restore_catalog(catalog, path), done, failed
        )
