"""Read one file in a child process, so a reader that crashes costs a row, not the scan.

Native readers (calamine is Rust) can abort the whole process on a hostile file: a failed
allocation is ``SIGABRT``, not a Python exception. Reading every file in a child would make every
scan slow (a fresh interpreter per file), so the scanner does it only for *suspects*: a file that
was being read when an earlier run died (``scan_runs.current_path`` of an interrupted run), or one
whose last read crashed like this already. If the child dies, the file gets a ``reader_crash`` row
and the scan goes on; if it reads fine, the result is used as if read in process.

The child is started with ``spawn`` (the same on Windows, Linux and macOS, no inherited threads or
SQLite handles) and, on POSIX, runs under an address-space limit so a runaway allocation fails in
the child instead of exhausting the machine. ``reader`` names the function the child runs as
``"module:function"`` (a plain string crosses the process boundary; tests pass one that crashes).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from typing import Any

from catalog_app.progress import Cancelled, CancelToken
from catalog_app.scan.errors import ScanFailure

__all__ = ["MEMORY_LIMIT", "READER", "run_isolated", "scan_file_isolated"]

MEMORY_LIMIT = 3 << 30  # address space of the child on POSIX (bytes)
READER = "catalog_app.scan.file_scan:scan_file"
_POLL = 0.1


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


def _child(reader: str, args: tuple, conn, limit: int | None) -> None:
    _limit_memory(limit)
    try:
        result = _resolve(reader)(*args)
    except ScanFailure as failure:
        conn.send(("failure", (failure.code, failure.detail, failure.message)))
    except MemoryError:
        conn.send(("failure", ("too_large", "메모리 한도를 넘었습니다", None)))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent as data
        conn.send(("failure", ("read_error", f"{type(exc).__name__}: {exc}", None)))
    else:
        conn.send(("ok", result))
    finally:
        conn.close()


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
        code = proc.exitcode
        how = f"신호 {-code}" if code is not None and code < 0 else f"종료 코드 {code}"
        raise ScanFailure("reader_crash", f"읽기 프로세스가 응답 없이 끝났습니다 ({how})")
    kind, payload = answer
    if kind == "failure":
        code, detail, message = payload
        raise ScanFailure(code, detail, message)
    return payload


def scan_file_isolated(
    path: str,
    overrides: dict | None = None,
    cancel: CancelToken | None = None,
) -> Any:
    """``file_scan.scan_file`` in a child process (see the module docstring)."""
    return run_isolated(READER, path, overrides, cancel=cancel)
