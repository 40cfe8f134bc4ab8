"""Reading one file for the scan, wherever it runs: in the scan's process or in a pool worker.

The scan decides in its own process which files need reading (``scanner``: size and mtime against
the catalog). What follows is pure work on the file, no catalog: hash the content, stop there
when the hash is the one the catalog knows, else profile it and check it did not change while it
was read. :func:`read_file` returns the outcome as plain data, so it crosses a process boundary
(``scan.pool``) as easily as a function call.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.models import FileResult

__all__ = ["ReadOutcome", "os_failure", "read_file"]


@dataclass(slots=True)
class ReadOutcome:
    """What reading one file gave: 'unchanged' (same hash), 'read' (``result``) or 'failed'
    (``failure``: code, detail, message); ``content_hash`` when the content could be hashed."""

    status: str
    content_hash: str | None = None
    result: FileResult | None = None
    failure: tuple[str, str, str | None] | None = None

    def scan_failure(self) -> ScanFailure:
        code, detail, message = self.failure
        return ScanFailure(code, detail, message)


def os_failure(exc: OSError) -> ScanFailure:
    """The per-file row for an OSError met while reading (gone, locked, unreadable)."""
    if isinstance(exc, FileNotFoundError):
        return ScanFailure("not_found", str(exc))
    if isinstance(exc, PermissionError):
        return ScanFailure("permission", str(exc))
    return ScanFailure("read_error", str(exc))


def _failed(content_hash: str | None, failure: ScanFailure) -> ReadOutcome:
    return ReadOutcome(
        "failed", content_hash, failure=(failure.code, failure.detail, failure.message)
    )


def read_file(
    path: str,
    known_hash: str | None,
    overrides: dict | None,
    size: int,
    mtime_ns: int,
    *,
    hasher: Any = None,
    reader: Any = None,
    cancel: Any = None,
) -> ReadOutcome:
    """Hash ``path``; 'unchanged' when the hash is ``known_hash`` (None: read anyway), else
    profile it with ``reader`` (``file_scan.scan_file``) and check that size and mtime are still
    ``size`` and ``mtime_ns`` afterwards ('changed' failure otherwise). Never raises for a
    problem of the file; ``Cancelled`` goes through."""
    from catalog_app.progress import Cancelled

    if hasher is None:
        from catalog_app.scan.discover import fingerprint_hash as hasher
    if reader is None:
        from catalog_app.scan.file_scan import scan_file as reader
    content_hash = None
    try:
        content_hash = hasher(path)
        if known_hash is not None and known_hash == content_hash:
            return ReadOutcome("unchanged", content_hash)
        result = reader(path, overrides, cancel)
        after = os.stat(path)
        if after.st_size != size or after.st_mtime_ns != mtime_ns:
            raise ScanFailure("changed", f"{size}->{after.st_size} bytes")
    except ScanFailure as failure:
        return _failed(content_hash, failure)
    except OSError as exc:
        return _failed(content_hash, os_failure(exc))
    except Cancelled:
        raise
    except MemoryError:
        return _failed(content_hash, ScanFailure("too_large", "메모리 부족"))
    except Exception as exc:  # a reader bug must not stop the whole scan
        return _failed(content_hash, ScanFailure("read_error", f"{type(exc).__name__}: {exc}"))
    return ReadOutcome("read", content_hash, result)
