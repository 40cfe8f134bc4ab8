"""Read files in a child process, so a reader that crashes costs a row, not the scan.

Native readers (calamine is Rust) can abort the whole process on a hostile file: a failed
allocation is ``SIGABRT``, not a Python exception. Two ways out of process:

- :func:`call_reader`: every Excel workbook is profiled by a *reader process* that lives as long
  as the program (started on the first workbook, about half a second; reused for the next ones;
  retired once it has grown past ``RETIRE_RSS_MB`` and started again when needed). If it dies on a
  file, that file gets a ``reader_crash`` row and the next workbook gets a fresh reader process.
  Where no process can be started (a locked-down PC), workbooks are read in process as before.
- :func:`scan_file_isolated`: a whole ``scan_file`` in a one-off child, for *suspects*: a file
  that was being read when an earlier run died (``scan_runs.current_path`` of an interrupted run),
  or one whose last read crashed already.

Children are started with ``spawn`` (the same on Windows, Linux and macOS, no inherited threads or
SQLite handles) and, on POSIX, run under an address-space limit so a runaway allocation fails in
the child instead of exhausting the machine. ``reader`` names the function a child runs as
``"module:function"`` (a plain string crosses the process boundary; tests pass one that crashes).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from catalog_app.progress import Cancelled, CancelToken
from catalog_app.scan.errors import ScanFailure

__all__ = [
    "call_reader",
    "MEMORY_LIMIT",
    "READER",
    "release",
    "run_isolated",
    "scan_file_isolated",
]

MEMORY_LIMIT = 3 << 30  # address space of a child on POSIX (bytes)
READER = "catalog_app.scan.file_scan:scan_file"
RETIRE_RSS_MB = 512  # a reader process that has grown past this is replaced after the file
RETIRE_FILE_BYTES = 32 << 20  # ... and after reading a file this big (no RSS figure on Windows)
_POLL = 0.1
IN_CHILD = False  # set in a child: it reads in process (no grandchildren)


def _limit_memory(limit: int | None) -> None:
    if not limit or os.name == "nt":
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass  # not enforceable here (macOS ignores RLIMIT_AS): the file is still isolated


def _resolve(reader: str):
    module, _, name = reader.partition(":")
    return getattr(importlib.import_module(module), name)


def _answer(reader: str, args: tuple) -> tuple[str, Any]:
    try:
        result = _resolve(reader)(*args)
    except ScanFailure as failure:
        return "failure", (failure.code, failure.detail, failure.message)
    except MemoryError:
        return "failure", ("too_large", "메모리 한도를 넘었습니다", None)
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent as data
        return "failure", ("read_error", f"{type(exc).__name__}: {exc}", None)
    return "ok", result


def _peak_rss_mb() -> float:
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except (ImportError, OSError):
        return 0.0
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def _child(reader: str, args: tuple, conn, limit: int | None) -> None:
    global IN_CHILD
    IN_CHILD = True
    _limit_memory(limit)
    try:
        conn.send(_answer(reader, args))
    finally:
        conn.close()


def _serve(conn, limit: int | None) -> None:
    """The reader process: answer (reader, args) requests until the pipe closes."""
    global IN_CHILD
    IN_CHILD = True
    _limit_memory(limit)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        kind, payload = _answer(*request)
        conn.send((kind, payload, _peak_rss_mb()))


def run_isolated(
    reader: str,
    *args: Any,
    cancel: CancelToken | None = None,
    memory_limit: int | None = MEMORY_LIMIT,
) -> Any:
    """Run ``reader(*args)`` in a child process and return its result.

    A :class:`ScanFailure` in the child is raised again here; a child that dies without
    answering (a native crash, the memory limit, a kill) raises ``ScanFailure('reader_crash')``.
    ``cancel`` stops the child and raises :class:`Cancelled`.
    """
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child, args=(reader, args, send, memory_limit), daemon=True, name="reader"
    )
    proc.start()
    send.close()
    answer = None
    try:
        while True:
            if receive.poll(_POLL):
                try:
                    answer = receive.recv()
                except (EOFError, OSError):
                    answer = None
                break
            if not proc.is_alive() and not receive.poll(0):
                break
            if cancel is not None and cancel.cancelled:
                proc.terminate()
                raise Cancelled()
    finally:
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()
        receive.close()
    if answer is None:
        raise _crash(proc)
    return _raise(*answer)


def _raise(kind: str, payload: Any) -> Any:
    if kind == "failure":
        code, detail, message = payload
        raise ScanFailure(code, detail, message)
    return payload


def _crash(proc) -> ScanFailure:
    code = proc.exitcode
    how = f"신호 {-code}" if code is not None and code < 0 else f"종료 코드 {code}"
    return ScanFailure("reader_crash", f"읽기 프로세스가 응답 없이 끝났습니다 ({how})")


class _NoChild(Exception):
    """No child process could be started here."""


class _ReaderProcess:
    """One long-lived reader process, used by one caller at a time."""

    def __init__(self) -> None:
        self.proc = None
        self.conn = None
        self.lock = threading.Lock()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        receive, send = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=_serve, args=(send, MEMORY_LIMIT), daemon=True, name="reader")
        proc.start()
        send.close()
        self.proc, self.conn = proc, receive

    def stop(self) -> None:
        proc, conn = self.proc, self.conn
        self.proc = self.conn = None
        if conn is not None:
            with contextlib.suppress(OSError, ValueError):
                conn.send(None)
            conn.close()
        if proc is not None:
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()

    def call(self, reader: str, args: tuple, cancel: CancelToken | None, size: int) -> Any:
        with self.lock:
            if self.proc is None or not self.proc.is_alive():
                self.stop()
                try:
                    self._start()
                except (OSError, RuntimeError, ImportError) as exc:
                    raise _NoChild(str(exc)) from exc
            proc, conn = self.proc, self.conn
            with contextlib.suppress(OSError, ValueError):  # died just now: a crash, below
                conn.send((reader, args))
            while True:
                if conn.poll(_POLL):
                    try:
                        kind, payload, rss = conn.recv()
                    except (EOFError, OSError):
                        break
                    if rss > RETIRE_RSS_MB or size > RETIRE_FILE_BYTES:
                        self.stop()  # memory does not go back to the system: a fresh one next
                    return _raise(kind, payload)
                if not proc.is_alive() and not conn.poll(0):
                    break
                if cancel is not None and cancel.cancelled:
                    proc.kill()
                    self.stop()
                    raise Cancelled()
            proc.join(5)
            failure = _crash(proc)
            self.stop()
            raise failure


_READER = _ReaderProcess()
atexit.register(_READER.stop)


def call_reader(
    reader: str,
    args: tuple,
    path: str,
    cancel: CancelToken | None = None,
    local: Callable[[], Any] | None = None,
) -> Any:
    """``reader(*args)`` (a "module:function") in the reader process (see the module docstring):
    a crash there is a :class:`ScanFailure`, the next call gets a fresh process. Inside a child
    already, or where no child can run, it runs in process: ``local()`` when given (the same read
    with what cannot cross the process boundary, such as ``cancel``), else ``reader(*args)``.
    ``path`` is the file read: after a big one the reader process is replaced."""
    run_here = local if local is not None else (lambda: _resolve(reader)(*args))
    if IN_CHILD:
        return run_here()
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    try:
        return _READER.call(reader, args, cancel, size)
    except _NoChild:
        # No child process here (blocked by policy, no spawn): read in process as before.
        return run_here()


def release() -> None:
    """Stop the reader process (a new one starts on the next workbook)."""
    _READER.stop()


def scan_file_isolated(
    path: str,
    overrides: dict | None = None,
    cancel: CancelToken | None = None,
) -> Any:
    """``file_scan.scan_file`` in a child process (see the module docstring)."""
    return run_isolated(READER, path, overrides, cancel=cancel)
