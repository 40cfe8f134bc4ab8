"""Find spreadsheet-like files under the folders a clerk picked, without touching them.

The walk uses :func:`os.scandir` (one system call per directory; on Windows the size, mtime and
attributes come with the listing for free), never follows directory symlinks or junctions (shared
drives have loops), and yields in a fixed order so two scans of the same tree compare equal.
Junk that office machines leave everywhere (Office lock files ``~$…``, ``Thumbs.db``, hidden
folders) is skipped. Folders that cannot be listed (or lie deeper than ``MAX_DEPTH``) do not stop
the scan: they are passed to ``on_error`` so the caller can record them.

Nothing named like a data file disappears silently: a link whose target is gone, a link that
leads out of the scanned folder (unless ``follow_links``) and a FIFO, socket or device named
``x.csv`` are yielded with ``problem`` set, so the scanner records a row with the reason and never
opens them (opening a FIFO blocks until someone writes to it).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from .models import DiscoveredFile

SUPPORTED_EXTENSIONS = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}

# Names that are never data, whatever their extension.
_JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
# System folders that are not always flagged hidden (e.g. an NTFS disk mounted on Linux).
_JUNK_DIRS = {"$recycle.bin", "system volume information", "__macosx"}

_WIN_HIDDEN = getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 2) | getattr(stat, "FILE_ATTRIBUTE_SYSTEM", 4)
_WIN_REPARSE = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)
_IS_WINDOWS = os.name == "nt"
_IS_MAC = sys.platform == "darwin"

ErrorCallback = Callable[[str, OSError], None]

MAX_DEPTH = 64  # folders nested deeper than this are reported, not walked


class TooDeep(OSError):
    """A folder nested deeper than ``MAX_DEPTH`` levels below its root (reported, not walked)."""


@dataclass
class DiscoveryReport:
    """Collects what ``discover`` could not read; pass it as ``on_error=report``."""

    errors: list[tuple[str, OSError]] = field(default_factory=list)

    def __call__(self, path: str, exc: OSError) -> None:
        self.errors.append((path, exc))


def discover(
    roots: Sequence[str | os.PathLike[str]],
    cancel: Callable[[], bool] | None = None,
    on_error: ErrorCallback | None = None,
    follow_links: bool = False,
) -> Iterator[DiscoveredFile]:
    """Yield every supported file under ``roots``, depth first, in a deterministic order.

    Per directory, files come first (sorted by case-folded name), then subdirectories in the same
    order. A root that is a file is yielded as is when its extension is supported (and it is not
    an Office lock file); its ``root`` is the file's own path and ``rel_path`` its name, so a
    rescan of that root only concerns that file. ``on_error(path, exc)`` receives roots that do
    not exist and directories or files that cannot be listed or stat'ed (``PermissionError``
    included); without it they are skipped silently. ``cancel()`` is polled between directories
    and files; when it returns true the generator stops. ``follow_links`` reads file links that
    lead out of the root and walks directory links (loops are still cut by the seen-folder guard).
    """
    report = on_error or _ignore
    for root in roots:
        if cancel is not None and cancel():
            return
        root_abs = os.path.abspath(os.fspath(root))
        try:
            st = os.stat(root_abs)
        except OSError as exc:
            report(root_abs, exc)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(root_abs, cancel, report, follow_links)
        else:
            name = os.path.basename(root_abs)
            if _supported(name) and not name.startswith("~$"):
                found = DiscoveredFile(root_abs, root_abs, name, st.st_size, st.st_mtime_ns)
                if not stat.S_ISREG(st.st_mode):
                    found.problem, found.problem_detail = "not_a_file", _kind_of(st.st_mode)
                yield found


def is_supported(name: str) -> bool:
    """True for a name ``discover`` would yield (extension and junk-name rules, not attributes)."""
    return _supported(name) and not _junk_name(name)


def fingerprint_hash(path: str | os.PathLike[str], chunk: int = 1 << 20) -> str:
    """Hex BLAKE2b-128 of the content, streamed: tells a re-saved file from a touched one."""
    digest = hashlib.blake2b(digest_size=16)
    buf = bytearray(chunk)
    view = memoryview(buf)
    # O_NONBLOCK: a FIFO put where a file was listed must not block the scan on open().
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb", closefd=True) as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "일반 파일이 아닙니다", os.fspath(path))
        while n := f.readinto(buf):
            digest.update(view[:n])
    return digest.hexdigest()


def _ignore(path: str, exc: OSError) -> None:
    return None


def _supported(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUPPORTED_EXTENSIONS


def _junk_name(name: str) -> bool:
    return name.startswith(("~$", ".")) or name.lower() in _JUNK_NAMES


def _sort_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def _hidden(entry: os.DirEntry[str]) -> bool:
    """Windows hidden/system attribute or macOS UF_HIDDEN; the leading dot is checked by name."""
    if not (_IS_WINDOWS or _IS_MAC):
        return False
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    if _IS_WINDOWS:
        return bool(getattr(st, "st_file_attributes", 0) & _WIN_HIDDEN)
    return bool(getattr(st, "st_flags", 0) & getattr(stat, "UF_HIDDEN", 0x8000))


def _is_link_dir(entry: os.DirEntry[str]) -> bool:
    """Symlinks and, on Windows, junctions/mount points: following them can loop."""
    if entry.is_symlink():
        return True
    if _IS_WINDOWS:
        try:
            attrs = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
        except OSError:
            return True
        return bool(attrs & _WIN_REPARSE)
    return False


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO(이름 있는 파이프)"
    if stat.S_ISSOCK(mode):
        return "소켓"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "장치 파일"
    return "일반 파일이 아닌 항목"


def _inside(path: str, root_real: str) -> bool:
    real = os.path.realpath(path)
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def _walk(
    root: str,
    cancel: Callable[[], bool] | None,
    report: ErrorCallback,
    follow_links: bool = False,
) -> Iterator[DiscoveredFile]:
    seen_dirs: set[tuple[int, int]] = set()  # loop guard (bind mounts); roots may overlap
    root_real = os.path.realpath(root)
    # Explicit stack of (absolute dir, rel prefix, depth): deep trees do not hit the recursion
    # limit; folders deeper than MAX_DEPTH are reported instead of walked.
    stack: list[tuple[str, str, int]] = [(root, "", 0)]
    while stack:
        if cancel is not None and cancel():
            return
        dirpath, prefix, depth = stack.pop()
        if depth > MAX_DEPTH:
            report(dirpath, TooDeep(f"{MAX_DEPTH}단계보다 깊은 폴더"))
            continue
        problems: list[DiscoveredFile] = []
        try:
            dst = os.stat(dirpath)
            key = (dst.st_dev, dst.st_ino)
            if dst.st_ino and key in seen_dirs:
                continue
            seen_dirs.add(key)
            files: list[os.DirEntry[str]] = []
            dirs: list[os.DirEntry[str]] = []
            with os.scandir(dirpath) as it:
                for entry in it:
                    name = entry.name
                    if _junk_name(name):
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            if name.lower() not in _JUNK_DIRS and not _is_link_dir(entry):
                                dirs.append(entry)
                            elif follow_links and name.lower() not in _JUNK_DIRS:
                                dirs.append(entry)  # a junction, walked when asked
                        elif entry.is_symlink() and entry.is_dir():
                            if follow_links:
                                dirs.append(entry)
                        elif _supported(name):
                            files.append(entry)
                    except OSError as exc:
                        if _supported(name):
                            problems.append(_problem(entry, prefix, root, _errno_code(exc), exc))
                        else:
                            report(entry.path, exc)
        except OSError as exc:
            report(dirpath, exc)
            continue

        files.sort(key=lambda e: _sort_key(e.name))
        listed = [
            _listed(e, prefix, root, root_real, follow_links) for e in files if not _hidden(e)
        ]
        listed += problems
        listed.sort(key=lambda f: _sort_key(os.path.basename(f.path)))
        for found in listed:
            if cancel is not None and cancel():
                return
            yield found

        dirs.sort(key=lambda e: _sort_key(e.name), reverse=True)  # popped in ascending order
        for entry in dirs:
            if not _hidden(entry):
                stack.append((entry.path, prefix + entry.name + "/", depth + 1))


def _problem(entry, prefix: str, root: str, code: str, detail: object) -> DiscoveredFile:
    return DiscoveredFile(
        entry.path, root, prefix + entry.name, 0, 0, problem=code, problem_detail=str(detail)
    )


def _errno_code(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission"
    if isinstance(exc, FileNotFoundError):
        return "not_found"
    return "read_error"


def _listed(
    entry: os.DirEntry[str], prefix: str, root: str, root_real: str, follow_links: bool
) -> DiscoveredFile:
    """One file entry as a DiscoveredFile; links and special files carry their ``problem``."""
    link = False
    try:
        link = entry.is_symlink()
        if link:
            try:
                st = entry.stat()  # follows the link: size/mtime of the content
            except FileNotFoundError as exc:
                return _problem(entry, prefix, root, "broken_link", exc)
            if not follow_links and not _inside(entry.path, root_real):
                target = os.path.realpath(entry.path)
                return _problem(entry, prefix, root, "link_outside", target)
        else:
            st = entry.stat(follow_symlinks=False)
    except OSError as exc:
        return _problem(entry, prefix, root, _errno_code(exc), exc)
    found = DiscoveredFile(
        path=entry.path,
        root=root,
        rel_path=prefix + entry.name,
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
    )
    if not stat.S_ISREG(st.st_mode):
        found.problem, found.problem_detail = "not_a_file", _kind_of(st.st_mode)
    return found


__all__ = [
    "MAX_DEPTH",
    "SUPPORTED_EXTENSIONS",
    "TooDeep",
    "DiscoveryReport",
    "discover",
    "fingerprint_hash",
    "is_supported",
]
