"""Readers for ``catalog_app.scan.isolated`` tests: they run in the child process (named as
"module:function" strings), so they must live in an importable module, not in a test file."""

from __future__ import annotations

import os
from pathlib import Path


def abort_reader(path: str, overrides=None):
    """Dies like a native reader that failed an allocation (SIGABRT, no Python exception)."""
    os.abort()


def marking_reader(path: str, overrides=None):
    """Reads normally and leaves ``<path>.isolated`` to prove the read ran in a child."""
    from catalog_app.scan.file_scan import scan_file

    Path(path + ".isolated").write_text(str(os.getpid()), encoding="utf-8")
    return scan_file(path, overrides)


def memory_hog(path: str, overrides=None):
    """Asks for far more memory than the child may have."""
    return bytearray(64 << 30)


def abort_excel(path: str, real_format: str, overrides=None):
    """The reader process dies on a workbook (a native crash)."""
    os.abort()


def excel_without_guard(path: str, real_format: str, overrides=None):
    """The workbook read with the xlsx guard switched off: calamine meets the far cell itself."""
    from catalog_app.scan import excel_reader
    from catalog_app.scan.file_scan import excel_in_process

    excel_reader.check_xlsx = lambda _path, **_kw: {}
    return excel_in_process(path, real_format, overrides)


def pool_reader_without_guard(path, known_hash, overrides, size, mtime_ns):
    """A scan pool worker (``scan.pool``) with the xlsx guard switched off."""
    from catalog_app.scan import excel_reader
    from catalog_app.scan.read_job import read_file

    excel_reader.check_xlsx = lambda _path, **_kw: {}
    return read_file(path, known_hash, overrides, size, mtime_ns)


def pool_reader_aborting(path, known_hash, overrides, size, mtime_ns):
    """A scan pool worker that dies (SIGABRT) on files named ``*터지는*`` and reads the rest."""
    from catalog_app.scan.read_job import read_file

    if "터지는" in os.path.basename(path):
        os.abort()
    return read_file(path, known_hash, overrides, size, mtime_ns)


def pool_reader_slow(path, known_hash, overrides, size, mtime_ns):
    """A scan pool worker that takes its time (a cancel must not wait for it)."""
    import time

    from catalog_app.scan.read_job import read_file

    time.sleep(0.5)
    return read_file(path, known_hash, overrides, size, mtime_ns)


def pool_reader_reporting_modules(path, known_hash, overrides, size, mtime_ns):
    """A scan pool worker that notes, as a warning of each file, the catalog modules it holds."""
    import sys

    from catalog_app.scan.read_job import read_file

    outcome = read_file(path, known_hash, overrides, size, mtime_ns)
    held = sorted(m for m in sys.modules if m == "sqlite3" or m.startswith("catalog_app.catalog"))
    if outcome.result is not None:
        outcome.result.warnings.append("worker modules: " + ",".join(held))
    return outcome
