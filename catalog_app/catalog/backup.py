"""Back up and restore a catalog with SQLite's backup API: the way to copy a catalog.

Copying ``catalog.db`` with the file manager while the app runs misses the edits still in the
write-ahead log (``catalog.db-wal``) and may catch a page mid-write. :func:`backup_catalog` asks
SQLite for a consistent copy instead (committed WAL content included, other connections may keep
working), writes it to a temporary file beside the target, checks it and renames it into place:
a single self-contained file.

:func:`restore_catalog` puts such a file back. It is careful: the file must be a readable catalog
(SQLite, passes ``quick_check``, has the catalog's tables, a schema this version can open); no
other job may hold the catalog (scan, map); the current catalog is first backed up beside itself
(``catalog.db.before-restore-…bak``); then the backup API writes the file's pages into the live
catalog, so open connections see the restored data on their next read. An older backup is
upgraded by the usual migration afterwards.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from catalog_app.catalog.joblock import job_lock
from catalog_app.catalog.schema import LATEST

__all__ = [
    "BackupError",
    "RestoreResult",
    "backup_catalog",
    "check_catalog_file",
    "restore_catalog",
]

_REQUIRED_TABLES = {"roots", "scan_runs", "datasets", "tables", "columns", "scan_errors"}
_SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message (Korean) says why."""


@dataclass
class RestoreResult:
    catalog: Path
    source: Path
    kept: Path | None  # the catalog as it was before, or None when there was none
    schema_version: int
    datasets: int


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _target(catalog_path: Path, out: str | os.PathLike) -> Path:
    """``out`` itself, or a dated file in it when it is a folder (or ends with a separator)."""
    text = os.fspath(out)
    folder = Path(text)
    if folder.is_dir() or text.endswith(("/", os.sep)):
        return folder / f"{catalog_path.stem}-{_stamp()}{catalog_path.suffix or '.db'}"
    return folder


def _copy(source: str | os.PathLike, target: Path) -> None:
    """The backup API from ``source`` into a new temporary file, checked, renamed to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with closing(_open_read_only(source)) as src, closing(sqlite3.connect(tmp)) as dest:
            src.backup(dest)  # all pages in one step: one consistent snapshot
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            ok = dest.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise BackupError(f"백업 사본 검사에 실패했습니다: {ok}")
        os.replace(tmp, target)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with suppress(OSError):
                leftover.unlink()
        raise


def _open_read_only(path: str | os.PathLike) -> sqlite3.Connection:
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def backup_catalog(catalog_path: str | os.PathLike, out: str | os.PathLike) -> Path:
    """Write a consistent copy of the catalog to ``out`` (a file, or a folder for a dated name)."""
    catalog_path = Path(catalog_path)
    if not catalog_path.exists():
        raise BackupError(f"카탈로그가 없습니다: {catalog_path}")
    target = _target(catalog_path, out)
    if target.exists() and target.resolve() == catalog_path.resolve():
        raise BackupError("백업 파일을 카탈로그 자신에 쓸 수 없습니다. 다른 경로를 고르세요.")
    _copy(catalog_path, target)
    return target


def check_catalog_file(path: str | os.PathLike) -> tuple[int, int]:
    """(schema version, datasets) of a file that can be restored; BackupError (Korean) if not."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(f"파일을 읽을 수 없습니다: {path} ({exc.strerror or exc})") from exc
    if head != _SQLITE_MAGIC:
        raise BackupError(f"카탈로그 백업 파일이 아닙니다(SQLite 파일이 아님): {path}")
    try:
        with closing(_open_read_only(path)) as conn:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise BackupError(f"백업 파일이 손상되었습니다: {path} ({ok})")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if not tables >= _REQUIRED_TABLES:
                raise BackupError(f"이 앱의 카탈로그가 아닙니다(필요한 표가 없음): {path}")
            if version > LATEST:
                raise BackupError(
                    f"더 새로운 버전의 프로그램이 만든 카탈로그입니다(스키마 {version}): {path}. "
                    "프로그램을 업데이트한 뒤 복원하세요."
                )
            datasets = conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"백업 파일을 열 수 없습니다: {path} ({exc})") from exc
    return version, datasets


def restore_catalog(catalog_path: str | os.PathLike, source: str | os.PathLike) -> RestoreResult:
    """Replace the catalog's content with ``source`` (see the module docstring).

    Raises ``BackupError`` for a file that is not a usable catalog and ``joblock.CatalogBusy``
    while another job holds the catalog."""
    catalog_path, source = Path(catalog_path), Path(source)
    if catalog_path.exists() and source.resolve() == catalog_path.resolve():
        raise BackupError("복원할 파일이 지금 쓰는 카탈로그 자신입니다.")
    check_catalog_file(source)
    with job_lock(catalog_path, "restore"):
        kept = None
        if catalog_path.exists():
            kept = catalog_path.with_name(f"{catalog_path.name}.before-restore-{_stamp()}.bak")
            _copy(catalog_path, kept)
        catalog_path.parent.mkdir(parents=True, exist_ok=True)
        with (
            closing(_open_read_only(source)) as src,
            closing(sqlite3.connect(catalog_path, timeout=30)) as dest,
        ):
            dest.execute("PRAGMA busy_timeout = 30000")
            try:
                src.backup(dest)
            except sqlite3.OperationalError as exc:
                raise BackupError(
                    f"카탈로그를 복원하지 못했습니다: {exc}. 지금 카탈로그는 바뀌지 않았고, "
                    f"사본이 {kept}에 있습니다."
                ) from exc
        from catalog_app.catalog.store import Catalog  # upgrades an older backup

        with Catalog(catalog_path) as cat:
            version = cat.schema_version
            datasets = cat.conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
    return RestoreResult(catalog_path, source, kept, version, datasets)
