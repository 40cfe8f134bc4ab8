"""A rotating log file in the per-user data folder, and an excepthook that logs every uncaught
error and tells the clerk where the log is: the app must never vanish without a trace."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

LOG_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 3
log = logging.getLogger("ui")


def log_file() -> Path:
    from catalog_app.config import data_dir

    return data_dir() / "logs" / "catalog_app.log"


def setup_logging(path: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to ``path`` (5 MB x 3 files); returns the path actually used."""
    path = path or log_file()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as exc:  # a read-only profile must not stop the app
        logging.basicConfig(level=level)
        log.warning("로그 파일을 열 수 없습니다 (%s): %s", path, exc)
        return path
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(level)
    return path


class _Relay(QObject):
    """Lives on the GUI thread: an error emitted from a worker thread is queued to it."""

    error = Signal(str)

    def __init__(self, show):
        super().__init__()
        self._show = show
        self.error.connect(self.on_error)

    @Slot(str)
    def on_error(self, text: str) -> None:
        self._show(text)


class ErrorReporter:
    """Installed as ``sys.excepthook`` and ``threading.excepthook``."""

    def __init__(self, log_path: Path):
        self.log_path = log_path
        self.catalog_path = None  # callable -> the open catalog, named in disk error messages
        self.shown = 0
        self._showing = False
        self._relay = _Relay(self._show)

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = lambda args: self.hook(
            args.exc_type, args.exc_value, args.exc_traceback
        )

    def hook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("처리되지 않은 오류", exc_info=(exc_type, exc, tb))
        from catalog_app.ioerrors import explain

        catalog = self.catalog_path() if self.catalog_path is not None else None
        text = explain(exc, catalog) or f"{exc_type.__name__}: {exc}"
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self._show(text)
        else:
            self._relay.error.emit(text)  # queued to the GUI thread

    def _show(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        self.shown += 1
        try:
            QMessageBox.critical(
                None,
                QCoreApplication.translate("ErrorReporter", "예기치 않은 오류"),
                QCoreApplication.translate(
                    "ErrorReporter",
                    "예기치 않은 오류가 났습니다. 하던 작업을 저장하고 다시 시도해 주세요.\n\n"
                    "{error}\n\n자세한 내용은 로그 파일에 기록했습니다:\n{path}",
                ).format(error=text, path=self.log_path),
            )
        finally:
            self._showing = False
