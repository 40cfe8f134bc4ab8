"""A small pool of reader processes, so a scan profiles files on every core.

Profiling is CPU work in Python: one process uses one core. The scan (``scanner``) stays the only
writer to the catalog; the pool's workers only read files and send back a
:class:`~catalog_app.scan.read_job.ReadOutcome` (profiles, never rows of the catalog). Each worker
is a reader process of ``scan.isolated`` (``_serve``): started with ``spawn`` (the same on
Windows, Linux and macOS; the frozen app calls ``multiprocessing.freeze_support``), under the same
address-space limit, replaced when it grew past ``RETIRE_RSS_MB`` — and a worker that dies on a
file (a native crash, the memory limit) costs that file a ``reader_crash`` outcome; a fresh worker
takes the next file.

The pool lives inside the scan job, which holds the catalog's job lock: it is started when the
job has enough files to read (``MIN_FILES``) and stopped when the job ends, cancelled or not.
Where no process can be started, :class:`PoolUnavailable` tells the scan to read in its own
process as before.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from catalog_app.progress import Cancelled, CancelToken
from catalog_app.scan import isolated
from catalog_app.scan.read_job import ReadOutcome

__all__ = ["MIN_FILES", "READER", "PoolUnavailable", "ReaderPool", "default_workers"]

READER = "catalog_app.scan.read_job:read_file"  # tests name a reader that crashes
MIN_FILES = 4  # fewer files to read: starting workers (~0.3 s each) would cost more than it saves
MAX_WORKERS = 4  # each may hold a few hundred MB while it reads a big file
_POLL = 0.1


def default_workers() -> int:
    """One worker per core (at most ``MAX_WORKERS``); 1 means: no pool."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


class PoolUnavailable(RuntimeError):
    """No worker process could be started here (a locked-down PC): read in process.
    ``remaining`` holds the jobs no worker took."""

    def __init__(self, message: str, remaining: list | None = None):
        super().__init__(message)
        self.remaining = remaining or []


@dataclass
class _Worker:
    proc: Any
    conn: Any
    job: Any = None  # the job it is reading, None when idle
    size: int = 0


class ReaderPool:
    """``workers`` reader processes; :meth:`run` reads jobs on them as they come free."""

    def __init__(self, workers: int, reader: str | None = None):
        self.size = max(1, workers)
        self.reader = reader or READER
        self.workers: list[_Worker] = []

    # ----------------------------------------------------------------- lifecycle
    def __enter__(self) -> ReaderPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _spawn(self) -> _Worker:
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=True)
        try:
            proc = ctx.Process(
                target=isolated._serve,
                args=(send, isolated.MEMORY_LIMIT),
                daemon=True,
                name="scan-reader",
            )
            proc.start()
        except (OSError, RuntimeError, ImportError) as exc:
            receive.close()
            raise PoolUnavailable(str(exc)) from exc
        finally:
            send.close()
        return _Worker(proc, receive)

    def start(self) -> None:
        while len(self.workers) < self.size:
            self.workers.append(self._spawn())

    def _stop(self, worker: _Worker, kill: bool = False) -> None:
        if kill and worker.proc.is_alive():
            worker.proc.kill()
        with contextlib.suppress(OSError, ValueError):
            worker.conn.send(None)
        worker.conn.close()
        worker.proc.join(5)
        if worker.proc.is_alive():
            worker.proc.kill()
            worker.proc.join()

    def _replace(self, worker: _Worker, kill: bool = False) -> None:
        """Stop ``worker`` and start a fresh one in its place (or go on with one fewer)."""
        index = self.workers.index(worker)
        self._stop(worker, kill)
        try:
            self.workers[index] = self._spawn()
        except PoolUnavailable:
            del self.workers[index]

    def close(self, kill: bool = False) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            self._stop(worker, kill or worker.job is not None)

    # ------------------------------------------------------------------- reading
    def run(
        self,
        jobs: Iterable[Any],
        args: Callable[[Any], tuple],
        cancel: CancelToken | None = None,
        on_start: Callable[[Any], None] | None = None,
    ) -> Iterator[tuple[Any, ReadOutcome]]:
        """Yield ``(job, outcome)`` as the workers finish, in no fixed order.

        ``args(job)`` gives the reader's arguments (the first is the path, the fourth its size);
        ``on_start(job)`` runs in this process when a job is handed to a worker. Cancelling
        kills the workers and raises ``Cancelled``."""
        if not self.workers:
            self.start()
        waiting = deque(jobs)
        try:
            while True:
                for worker in self.workers:
                    if worker.job is None and waiting:
                        self._hand(worker, waiting.popleft(), args, on_start)
                busy = [w for w in self.workers if w.job is not None]
                if not busy:
                    if waiting:  # every worker was lost and none could be started again
                        raise PoolUnavailable("작업 프로세스를 시작할 수 없습니다", list(waiting))
                    return
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], _POLL)
                for worker in busy:
                    if worker.conn in ready or worker.proc.sentinel in ready:
                        done = self._collect(worker)
                        if done is not None:
                            yield done
        except BaseException:
            self.close(kill=True)
            raise

    def _hand(self, worker: _Worker, job, args, on_start) -> None:
        request = args(job)
        if on_start is not None:
            on_start(job)
        worker.job, worker.size = job, request[3] if len(request) > 3 else 0
        with contextlib.suppress(OSError, ValueError):  # died just now: a crash, collected next
            worker.conn.send((self.reader, request))

    def _collect(self, worker: _Worker) -> tuple[Any, ReadOutcome] | None:
        """The outcome of the worker's job; None when it has not answered yet."""
        job = worker.job
        answer = None
        if worker.conn.poll(0):
            try:
                answer = worker.conn.recv()
            except (EOFError, OSError):
                answer = None
        elif worker.proc.is_alive():
            return None  # woken by its sentinel racing the answer: look again next round
        if answer is None:  # died without answering: a native crash, the memory limit, a kill
            worker.proc.join(5)
            failure = isolated._crash(worker.proc)
            worker.job = None
            self._replace(worker, kill=True)
            return job, ReadOutcome(
                "failed", failure=(failure.code, failure.detail, failure.message)
            )
        kind, payload, rss = answer
        worker.job = None
        if rss > isolated.RETIRE_RSS_MB or worker.size > isolated.RETIRE_FILE_BYTES:
            self._replace(worker)  # memory does not go back to the system: a fresh one next
        if kind == "failure":  # the reader itself raised (read_file catches the file's problems)
            code, detail, message = payload
            return job, ReadOutcome("failed", failure=(code, detail, message))
        return job, payload
