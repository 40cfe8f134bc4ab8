"""Background work: core jobs run on QThreads, each with its own Catalog connection, because a
SQLite connection may only be used by the thread that opened it and the GUI must never block.

- :class:`TaskRunner`: short catalog jobs (dictionary, header overrides) run one after another on
  one thread that keeps its connection open; results come back to the GUI thread as callbacks.
- :class:`ScanJob`: one scan (long, cancellable), on a thread of its own.
- :class:`MapJob`: suggestions for every column (``map_catalog``), the same way.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from catalog_app.progress import CancelToken, ProgressEvent
from ui.gc_guard import heavy_job

log = logging.getLogger(__name__)

Job = Callable[[Any], Any]  # receives the worker's own Catalog

# Threads that did not stop in time. Destroying a running QThread aborts the process, so they are
# kept referenced here until they do finish (a stuck SQLite lock, a huge file).
_orphans: set[QThread] = set()


_orphan_jobs: set[QObject] = set()  # jobs of retired threads, kept alive until they end


def retire_job(thread: QThread, job: QObject, timeout_ms: int) -> bool:
    """:func:`retire_thread`, also keeping ``job`` referenced while its thread still runs."""
    if thread.isRunning():
        _orphan_jobs.add(job)
        thread.finished.connect(lambda: _orphan_jobs.discard(job))
    return retire_thread(thread, timeout_ms)


def retire_thread(thread: QThread, timeout_ms: int) -> bool:
    """Wait for ``thread``; if it is still running, keep it alive until it finishes."""
    if thread.wait(timeout_ms):
        return True
    log.error("스레드 %s가 %d ms 안에 끝나지 않았습니다.", thread.objectName(), timeout_ms)
    _orphans.add(thread)
    thread.finished.connect(lambda: _orphans.discard(thread))
    return False


class DiskError(RuntimeError):
    """A full disk, an I/O error or a damaged catalog, with the Korean message of
    ``catalog_app.ioerrors.explain`` (cause and path) as its text."""


def user_facing(exc: Exception, catalog_path: str | None = None) -> Exception:
    """``exc`` itself, or a :class:`DiskError` saying in Korean what a disk or catalog-file error
    means (pages show ``str(exc)``; a raw 'database or disk is full' helps nobody)."""
    from catalog_app.ioerrors import explain

    message = explain(exc, catalog_path)
    if message is None or isinstance(exc, DiskError):
        return exc
    error = DiskError(message)
    error.__cause__ = exc
    return error


def failure_text(exc: Exception, catalog_path: str | None = None) -> str:
    return str(user_facing(exc, catalog_path)) or type(exc).__name__


class _Executor(QObject):
    """Lives on the runner's thread; opens the catalog there on first use."""

    done = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, catalog_path: str):
        super().__init__()
        self._path = catalog_path
        self._catalog = None

    @Slot(int, object)
    def run(self, ticket: int, job: Job) -> None:
        try:
            if self._catalog is None:
                from catalog_app.catalog.store import Catalog

                self._catalog = Catalog(self._path)
            with heavy_job():
                result = job(self._catalog)
        except Exception as exc:  # reported to the page; never kills the thread
            log.warning("작업 실패: %s", exc, exc_info=True)
            self.failed.emit(ticket, user_facing(exc, self._path))
        else:
            self.done.emit(ticket, result)

    @Slot()
    def close(self) -> None:
        if self._catalog is not None:
            self._catalog.close()
            self._catalog = None


class TaskRunner(QObject):
    """Queue of catalog jobs on one background thread (jobs never overlap, so no write races)."""

    _request = Signal(int, object)
    _close = Signal()
    busy_changed = Signal(bool)

    def __init__(self, catalog_path: str, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("catalog-tasks")
        self._executor = _Executor(catalog_path)
        self._executor.moveToThread(self._thread)
        self._request.connect(self._executor.run)
        self._close.connect(self._executor.close)
        self._executor.done.connect(self._on_done)
        self._executor.failed.connect(self._on_failed)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._next = 0
        self._closed = False
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        """Queue ``job(catalog)``; ``on_done(result)`` / ``on_error(exc)`` run on the GUI thread."""
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        self._next += 1
        self._callbacks[self._next] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._request.emit(self._next, job)
        return self._next

    def _finish(self, ticket: int) -> tuple[Callable | None, Callable | None]:
        callbacks = self._callbacks.pop(ticket, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(int, object)
    def _on_done(self, ticket: int, result: Any) -> None:
        on_done, _ = self._finish(ticket)
        if on_done is not None and not self._closed:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, ticket: int, exc: Exception) -> None:
        _, on_error = self._finish(ticket)
        if self._closed:
            return
        if on_error is not None:
            on_error(exc)
        else:
            from ui import dialogs

            dialogs.show_error(None, str(exc))

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Close the worker's connection after the queued jobs and stop the thread."""
        if self._closed:
            return
        self._closed = True
        self._callbacks.clear()
        self._close.emit()
        self._thread.quit()
        retire_thread(self._thread, timeout_ms)


class ScanJob(QObject):
    """One scan of ``roots`` into the catalog at ``catalog_path``; cancel with :meth:`cancel`."""

    progress = Signal(object)  # ProgressEvent
    finished = Signal(object)  # ScanSummary
    failed = Signal(str)

    # 'file' events are thinned to this interval: a 100,000-file scan must not flood the GUI.
    MIN_INTERVAL = 0.03

    def __init__(self, catalog_path: str, roots: list[str], force: bool = False):
        super().__init__()
        self.catalog_path = catalog_path
        self.roots = list(roots)
        self.force = force
        self.token = CancelToken()
        self._last_emit = 0.0

    def cancel(self) -> None:
        """Thread-safe: the scanner checks the token between files and inside big files."""
        self.token.cancel()

    def _emit(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        if (
            event.kind != "file"
            or event.status == "failed"
            or event.done == event.total
            or now - self._last_emit >= self.MIN_INTERVAL
        ):
            self._last_emit = now
            self.progress.emit(event)

    @Slot()
    def run(self) -> None:
        try:
            from catalog_app.catalog.store import Catalog
            from catalog_app.scan.scanner import scan

            with heavy_job(), Catalog(self.catalog_path) as catalog:
                summary = scan(
                    catalog, self.roots, progress=self._emit, cancel=self.token, force=self.force
                )
        except Exception as exc:
            log.exception("스캔 실패")
            self.failed.emit(failure_text(exc, self.catalog_path))
        else:
            log.info("스캔 %s: %s", summary.status, summary.counts)
            self.finished.emit(summary)


class MapJob(QObject):
    """Suggest standard terms for the columns of ``dataset_ids`` (all when None); cancellable
    between datasets (the datasets finished before stay stored)."""

    progress = Signal(object)  # ProgressEvent per dataset
    finished = Signal(object)  # MapSummary, or None when cancelled
    failed = Signal(str)

    MIN_INTERVAL = 0.03

    def __init__(self, catalog_path: str, dataset_ids: list[int] | None = None):
        super().__init__()
        self.catalog_path = catalog_path
        self.dataset_ids = dataset_ids
        self.token = CancelToken()
        self._last_emit = 0.0

    def cancel(self) -> None:
        self.token.cancel()

    def _emit(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        if event.done == event.total or now - self._last_emit >= self.MIN_INTERVAL:
            self._last_emit = now
            self.progress.emit(event)

    @Slot()
    def run(self) -> None:
        from catalog_app.progress import Cancelled

        try:
            from catalog_app.catalog.store import Catalog
            from catalog_app.matching.jobs import map_catalog

            with heavy_job(), Catalog(self.catalog_path) as catalog:
                summary = map_catalog(
                    catalog, dataset_ids=self.dataset_ids, progress=self._emit, cancel=self.token
                )
        except Cancelled:
            log.info("제안 만들기를 취소했습니다.")
            self.finished.emit(None)
        except Exception as exc:
            log.exception("제안 만들기 실패")
            self.failed.emit(failure_text(exc, self.catalog_path))
        else:
            log.info("제안 만들기: 컬럼 %d개 %s", summary.columns, summary.kinds)
            self.finished.emit(summary)


def start_in_thread(
    job: ScanJob | MapJob | ReadJob | ChildJob,
    name: str = "scan",
    ended: Callable[[], None] | None = None,
) -> QThread:
    """Move ``job`` to a new thread and start it; the thread ends when the job reports back.

    ``ended`` runs (on the GUI thread) once the thread has finished; it is connected before the
    thread starts, so a job that ends at once cannot finish unseen."""
    thread = QThread()
    thread.setObjectName(name)
    if ended is not None:
        thread.finished.connect(ended)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    # Direct: quit from the worker itself. Queued, quit would wait for the GUI thread, which may
    # be blocked in wait() for this very thread.
    job.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    job.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start()
    return thread


class _CoreCallJob(QObject):
    """A slow read-only core call run off the GUI thread: cancel token, one answer or one failure
    text (``"cancelled"`` when the token stopped it). Subclasses say how the call runs."""

    finished = Signal(object)
    failed = Signal(str)
    _failure_log = "작업 실패: %s"

    def __init__(self, catalog_path: str):
        super().__init__()
        self.catalog_path = catalog_path
        self.token = CancelToken()

    def cancel(self) -> None:
        self.token.cancel()

    def _call(self) -> Any:
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        from catalog_app.progress import Cancelled

        try:
            result = self._call()
        except Cancelled:
            self.failed.emit("cancelled")
        except Exception as exc:
            log.warning(self._failure_log, exc, exc_info=True)
            self.failed.emit(failure_text(exc, self.catalog_path))
        else:
            self.finished.emit(result)


class ReadJob(_CoreCallJob):
    """A slow read-only core call (the dashboard figures) on a thread of its own, with its own
    catalog connection, so it never queues in front of the clerk's edits on the TaskRunner.

    ``job(catalog, token)`` should check the token: :meth:`cancel` lets a closing window stop it
    at once (a QThread still running when the process exits aborts it)."""

    _failure_log = "읽기 작업 실패: %s"

    def __init__(self, catalog_path: str, job: Callable[[Any, CancelToken], Any]):
        super().__init__(catalog_path)
        self.job = job

    def _call(self) -> Any:
        from catalog_app.catalog.store import Catalog

        with heavy_job(), Catalog(self.catalog_path) as catalog:
            return self.job(catalog, self.token)


class ChildJob(_CoreCallJob):
    """A heavy read-only core call (the 공개목록 check, the 현황 figures) in a child process,
    watched from a thread of its own: the window's process keeps its GIL and its garbage
    collector to itself (``catalog_app.offload`` says why a thread was not enough).

    ``target`` is ``"module:function"``, called in the child as ``function(catalog, *args)``.
    :meth:`cancel` kills the child at once. Same signals as :class:`ReadJob`."""

    _failure_log = "작업 프로세스 실패: %s"

    def __init__(self, catalog_path: str, target: str, *args: Any):
        super().__init__(catalog_path)
        self.target = target
        self.args = args

    def _call(self) -> Any:
        from catalog_app.offload import run_in_child

        return run_in_child(self.target, self.catalog_path, *self.args, cancel=self.token)
