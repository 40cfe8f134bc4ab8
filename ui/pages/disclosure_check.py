"""Running the 공개목록 check of a year for the 공개목록 page: one run at a time, in a child
process watched by a thread of its own (``ui.workers.ChildJob``).

Why a process: on a worker thread, the check of a 5,000-file catalog (25-30 s of pure Python)
held the GIL long enough to freeze the window for 0.3-2.9 s at a time (issue 15,
benchmarks/bench_ui.py). Asked again while a run goes on (a fix saved, another year), the running
child is killed and the page is told to ask once more when it has ended; a closing page kills it
and hears nothing more. The page shows what comes back; this class only runs it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from ui.workers import ChildJob, retire_job, start_in_thread

TARGET = "catalog_app.disclosure.state_cache:year_problems"  # run in the child


class YearCheck(QObject):
    started = Signal(int)  # the year being checked
    checked = Signal(object)  # (year, state source, problems as problem_json dicts)
    failed = Signal(str)  # a Korean message (a cancelled run says nothing)
    ended = Signal()  # the run is over, whatever its outcome (``wants_again`` may be set)

    def __init__(self, catalog_path: str, parent: QObject | None = None):
        super().__init__(parent)
        self.catalog_path = catalog_path
        self.running: tuple[QThread, ChildJob] | None = None
        self.wants_again = False
        self._closing = False

    def busy(self) -> bool:
        return self.running is not None

    def start(self, year: int) -> bool:
        """Check ``year``; while a run goes on, kill it and set :attr:`wants_again` instead
        (False: nothing started now)."""
        if self._closing:
            return False
        if self.running is not None:
            self.again()
            self.running[1].cancel()
            return False
        self.wants_again = False
        job = ChildJob(self.catalog_path, TARGET, year)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        thread = start_in_thread(job, "validate", self._thread_ended)
        self.running = (thread, job)
        self.started.emit(year)
        return True

    def again(self) -> None:
        """Ask for one more run once this one has ended (its answer is stale)."""
        self.wants_again = True

    def shutdown(self) -> None:
        self._closing = True
        if self.running is not None:
            thread, job = self.running
            job.cancel()
            retire_job(thread, job, 5000)

    def _finished(self, result) -> None:
        if not self._closing:
            self.checked.emit(result)

    def _failed(self, message: str) -> None:
        if not self._closing and message != "cancelled":
            self.failed.emit(message)

    def _thread_ended(self) -> None:
        self.running = None
        if not self._closing:
            self.ended.emit()
