"""Korean messages for a full disk, an I/O error or a damaged catalog, naming the cause and the path.

A full disk or a dropped network drive ended in a raw English traceback ("database or disk is
full") although the catalog itself stayed intact (each write is one transaction). The CLI and the
window both pass such errors through :func:`explain`, which says what happened, where, and what
the clerk can do; anything it does not recognise is left to the caller (None).
"""

from __future__ import annotations

import errno
import os
import sqlite3

__all__ = ["explain"]

_KEPT = "카탈로그는 마지막으로 저장된 상태 그대로입니다."


def _sqlite_message(exc: sqlite3.Error, path: str) -> str | None:
    text = str(exc).lower()
    if "database or disk is full" in text or "disk is full" in text:
        return (
            f"디스크 공간이 부족해 카탈로그에 쓸 수 없습니다: {path}\n"
            f"디스크 공간을 비운 뒤 다시 하세요. {_KEPT}"
        )
    if "disk i/o error" in text:
        return (
            f"디스크 입출력 오류로 카탈로그를 읽거나 쓸 수 없습니다: {path}\n"
            f"디스크나 네트워크 드라이브 연결을 확인한 뒤 다시 하세요. {_KEPT}"
        )
    if "readonly database" in text or "read-only" in text:
        return f"카탈로그가 읽기 전용이라 쓸 수 없습니다: {path}\n파일과 폴더의 쓰기 권한을 확인하세요."
    if "unable to open database" in text:
        return (
            f"카탈로그 파일을 열 수 없습니다: {path}\n"
            "폴더가 있는지, 쓰기 권한이 있는지, 네트워크 드라이브가 연결되어 있는지 확인하세요."
        )
    if "database is locked" in text or "database table is locked" in text:
        return (
            f"다른 프로그램이 카탈로그를 오래 잠그고 있어 쓸 수 없습니다: {path}\n"
            "다른 창이나 명령이 끝난 뒤 다시 하세요."
        )
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return (
            f"카탈로그 파일이 손상되었습니다: {path}\n"
            "백업에서 되살리세요(catalog-app restore 백업파일, 또는 창의 파일 → 카탈로그 복원)."
        )
    return None


def _os_message(exc: OSError, path: str) -> str | None:
    where = exc.filename if exc.filename else path
    where = os.fsdecode(where) if isinstance(where, bytes) else str(where)
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        cause = "디스크 공간(또는 할당량)이 부족해"
    elif code == errno.EIO:
        cause = "디스크 입출력 오류로"
    elif code == errno.EROFS:
        cause = "읽기 전용 디스크라서"
    elif code in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        cause = "권한이 없거나 다른 프로그램이 파일을 쓰고 있어서"
    elif isinstance(exc, FileNotFoundError):
        cause = "경로를 찾을 수 없어"
    else:
        cause = "파일 작업 중 오류가 나서"
    detail = exc.strerror or type(exc).__name__
    return f"{cause} 파일을 쓰거나 읽지 못했습니다: {where}\n(원인: {detail})"


def explain(exc: BaseException, path: str | os.PathLike | None = None) -> str | None:
    """The Korean message for a disk, I/O or catalog-file error; None for anything else.

    ``path`` is the catalog (used when the error does not name a file itself)."""
    where = os.fspath(path) if path is not None else ""
    if isinstance(exc, sqlite3.Error):
        return _sqlite_message(exc, where)
    if isinstance(exc, OSError):
        return _os_message(exc, where)
    if isinstance(exc, MemoryError):
        return "메모리가 부족해 작업을 끝내지 못했습니다. 다른 프로그램을 닫고 다시 하세요."
    return None
