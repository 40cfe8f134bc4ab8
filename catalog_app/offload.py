"""Run a long read of the catalog in a child process, so the caller's process stays light.

A thread is not enough for the window's heaviest reads (the 공개목록 check, the 현황 figures of a
100,000-column catalog): their pure-Python work holds the GIL, and a GUI thread that has to win
the GIL back from a busy worker (Python hands it over every 5 ms at best, later when the machine
is loaded) misses its frames for hundreds of milliseconds. The millions of short-lived objects
such a job builds also land in the caller's garbage collector. Run in a child, the job competes
for a CPU core only, at a lower priority, and hands back a compact result.

``target`` is named as ``"module:function"`` (a plain string crosses the process boundary); the
child opens its own :class:`Catalog` on ``catalog_path`` and calls ``function(catalog, *args)``.
Big lists in the answer travel in chunks (:data:`CHUNK` items), so the caller unpickles them in
many short calls instead of one long one. ``cancel`` stops the child at once (it only reads, and
what it may store is written in transactions: a killed child leaves the catalog consistent).
Children start with ``spawn`` (the same on every platform; no inherited threads, locks or SQLite
handles), as the scan's reader processes do.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
from typing import Any

from catalog_app.progress import Cancelled, CancelToken

__all__ = ["CHUNK", "ChildFailed", "run_in_child"]

CHUNK = 2000  # list items per message
_POLL = 0.05  # seconds between looks at the cancel token


class ChildFailed(RuntimeError):
    """The child died without an answer (killed, out of memory, a native crash)."""


def _lower_priority() -> None:
    """Let the caller's process (the window) win the CPU when both want it."""
    with contextlib.suppress(Exception):
        if os.name == "nt":
            import ctypes

            below_normal = 0x4000
            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(5)


def _send(conn, value: Any) -> None:
    """``value`` as messages: a long list (also inside a tuple) in chunks, the rest at once."""
    if isinstance(value, list) and len(value) > CHUNK:
        conn.send(("list", len(value)))
        for start in range(0, len(value), CHUNK):
            conn.send(value[start : start + CHUNK])
    elif type(value) is tuple and any(isinstance(v, list) for v in value):
        conn.send(("tuple", len(value)))
        for item in value:
            _send(conn, item)
    else:
        conn.send(("value", value))


def _receive(conn, cancel: CancelToken | None) -> Any:
    kind, payload = _recv(conn, cancel)
    if kind == "list":
        out: list = []
        while len(out) < payload:
            out.extend(_recv(conn, cancel))
        return out
    if kind == "tuple":
        return tuple(_receive(conn, cancel) for _ in range(payload))
    return payload


def _recv(conn, cancel: CancelToken | None) -> Any:
    while not conn.poll(_POLL):
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
    return conn.recv()


def _child(target: str, catalog_path: str, args: tuple, conn) -> None:
    _lower_priority()
    try:
        from catalog_app.catalog.store import Catalog

        module, name = target.split(":")
        function = getattr(importlib.import_module(module), name)
        with Catalog(catalog_path) as catalog:
            result = function(catalog, *args)
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
        try:
            conn.send(("error", exc))
        except Exception:  # an exception that does not pickle: its text
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    else:
        conn.send(("ok", None))
        _send(conn, result)
    finally:
        conn.close()


def run_in_child(
    target: str, catalog_path: str, *args: Any, cancel: CancelToken | None = None
) -> Any:
    """``target(Catalog(catalog_path), *args)`` in a child process; its result, or its exception
    raised again here. ``cancel`` kills the child and raises :class:`Cancelled`."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child, args=(target, catalog_path, args, send), daemon=True, name="read-job"
    )
    proc.start()
    send.close()
    try:
        try:
            status, error = _recv_alive(receive, proc, cancel)
        except (EOFError, OSError) as exc:
            raise ChildFailed(_died(proc)) from exc
        if status == "error":
            raise error
        try:
            return _receive(receive, cancel)
        except (EOFError, OSError) as exc:
            raise ChildFailed(_died(proc)) from exc
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()
        receive.close()


def _recv_alive(conn, proc, cancel: CancelToken | None) -> Any:
    """The first answer, watching for a child that dies without one."""
    while not conn.poll(_POLL):
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if not proc.is_alive() and not conn.poll(0):
            raise EOFError
    return conn.recv()


def _died(proc) -> str:
    proc.join(1)
    code = proc.exitcode
    how = f"신호 {-code}" if code is not None and code < 0 else f"종료 코드 {code}"
    return f"작업 프로세스가 응답 없이 끝났습니다 ({how})"
