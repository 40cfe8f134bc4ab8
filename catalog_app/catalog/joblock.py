"""One writer job at a time per catalog: an operating-system lock on a file beside the catalog.

Two scans of one folder at once marked each other's files 없어짐, and ``map`` during a scan wrote
suggestions for columns the scan had just replaced. Jobs that rewrite many rows (scan, map,
restore) therefore take ``<catalog>.lock`` first. The lock is the OS's own (``fcntl.flock`` on
POSIX, ``msvcrt.locking`` on Windows), held on an open file: a process that is killed loses it
with its file handles, so a crash never leaves a stale lock behind, and the lock file itself may
stay on disk harmlessly. A second job, in another process or another thread, is refused at once
with :class:`CatalogBusy` and a Korean message naming the job that holds the catalog.

Within one thread the lock is re-entrant (``override_header`` runs a scan while it holds it).
Small single-transaction edits (a decision, a metadata field) do not take it: SQLite already
serialises them and they stay correct when they interleave with a job.
"""

from __future__ import annotations

import functools
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["CatalogBusy", "exclusive_job", "holder", "job_lock", "lock_path"]

JOB_NAMES = {
    "scan": "스캔",
    "map": "표준용어 제안(map)",
    "restore": "카탈로그 복원",
    "merge": "꾸러미 합치기",
    "migrate": "카탈로그 변환",
    "open": "카탈로그 열기",
    "quality": "품질진단",
}
# Windows locks byte ranges and refuses reads inside a locked range: lock one byte far past the
# description written at the start of the file, so a refused job can still read who holds it.
_LOCK_OFFSET = 1 << 30

_held: dict[str, tuple[int, int, Any]] = {}  # lock path -> (thread id, depth, open file)
_held_guard = threading.Lock()

F = TypeVar("F", bound=Callable[..., Any])


class CatalogBusy(RuntimeError):
    """Another job holds the catalog; the message (Korean) says which and what to do."""

    def __init__(self, catalog_path: str | os.PathLike, info: dict | None):
        self.path = Path(catalog_path)
        self.info = info or {}
        super().__init__(_busy_message(self.path, self.info))


def lock_path(catalog_path: str | os.PathLike) -> Path:
    """``catalog.db`` -> ``catalog.db.lock`` (same folder, so it follows the catalog)."""
    path = Path(catalog_path)
    return path.with_name(path.name + ".lock")


def _busy_message(path: Path, info: dict) -> str:
    job = JOB_NAMES.get(info.get("job", ""), info.get("job") or "")
    who = []
    if info.get("pid"):
        who.append(f"프로세스 {info['pid']}")
    if info.get("host") and info.get("host") != socket.gethostname():
        who.append(f"컴퓨터 {info['host']}")
    if info.get("started"):
        who.append(f"{info['started']} 시작")
    detail = f" ({', '.join(who)})" if who else ""
    what = f"다른 작업({job}{detail})이" if job else "다른 작업이"
    return (
        f"{what} 이 카탈로그를 쓰고 있습니다. 그 작업이 끝난 뒤 다시 시도하세요. 카탈로그: {path}"
    )


def holder(catalog_path: str | os.PathLike) -> dict | None:
    """What the lock file says about the job holding the catalog, or None when it is free."""
    target = lock_path(catalog_path)
    try:
        fh = open(target, "a+b")  # noqa: SIM115 - closed below, after the probe
    except OSError:
        return None
    try:
        if _try_lock(fh):
            _unlock(fh)
            return None
        return _read_info(fh)
    finally:
        fh.close()


def _read_info(fh) -> dict:
    try:
        fh.seek(0)
        data = fh.read(4096)
        return json.loads(data.decode("utf-8").strip() or "{}")
    except (OSError, ValueError):
        return {}


if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fh) -> bool:
        fh.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fh) -> None:
        fh.seek(_LOCK_OFFSET)
        with suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fh) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:
            # A file system without locks (some network shares): no protection, but no refusal.
            return True
        return True

    def _unlock(fh) -> None:
        with suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


@contextmanager
def job_lock(catalog_path: str | os.PathLike, job: str) -> Iterator[None]:
    """Hold the catalog for ``job`` ('scan', 'map', 'restore') or raise :class:`CatalogBusy`."""
    target = lock_path(catalog_path)
    key = os.path.abspath(target)
    me = threading.get_ident()
    with _held_guard:
        entry = _held.get(key)
        if entry is not None and entry[0] == me:
            _held[key] = (me, entry[1] + 1, entry[2])
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_guard:
                owner, depth, fh = _held[key]
                _held[key] = (owner, depth - 1, fh)
        return

    target.parent.mkdir(parents=True, exist_ok=True)
    fh = open(target, "a+b")  # noqa: SIM115 - kept open while the lock is held
    try:
        if not _try_lock(fh):
            info = _read_info(fh)
            for _ in range(10):  # the holder may be writing its description this very moment
                if info:
                    break
                time.sleep(0.05)
                info = _read_info(fh)
            raise CatalogBusy(catalog_path, info)
        info = {
            "job": job,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        }
        try:
            fh.seek(0)
            fh.truncate(0)
            fh.write(json.dumps(info, ensure_ascii=False).encode("utf-8") + b"\n")
            fh.flush()
        except OSError:
            pass  # the description is a courtesy; the lock is what matters
        with _held_guard:
            _held[key] = (me, 1, fh)
        try:
            yield
        finally:
            with _held_guard:
                _held.pop(key, None)
            _unlock(fh)
    finally:
        fh.close()


def exclusive_job(job: str) -> Callable[[F], F]:
    """Decorate a job function whose first argument is a ``Catalog``: it runs under the lock."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def run(catalog, *args, **kwargs):
            with job_lock(catalog.path, job):
                return fn(catalog, *args, **kwargs)

        return run  # type: ignore[return-value]

    return wrap
