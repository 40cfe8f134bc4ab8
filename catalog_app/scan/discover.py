"""Find spreadsheet-like files under the folders a clerk picked, without touching them.

The walk uses :func:`os.scandir` (one system call per directory; on Windows the size, mtime and
attributes come with the listing for free), never follows directory symlinks or junctions (shared
drives have loops), and yields in a fixed order so two scans of the same tree compare equal.
Junk that office machines leave everywhere (Office lock files ``~$…``, ``Thumbs.db``, hidden
folders) is skipped. Folders that cannot be listed do not stop the scan: they are passed to
``on_error`` so the caller can record them.
"""

from __future__ import annotations

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
) -> Iterator[DiscoveredFile]:
    """Yield every supported file under ``roots``, depth first, in a deterministic order.

    Per directory, files come first (sorted by case-folded name), then subdirectories in the same
    order. A root that is a file is yielded as is when its extension is supported (and it is not
    an Office lock file); its ``root`` is the file's own path and ``rel_path`` its name, so a
    rescan of that root only concerns that file. ``on_error(path, exc)`` receives roots that do
    not exist and directories or files that cannot be listed or stat'ed (``PermissionError``
    included); without it they are skipped silently. ``cancel()`` is polled between directories
    and files; when it returns true the generator stops.
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
            yield from _walk(root_abs, cancel, report)
        elif stat.S_ISREG(st.st_mode):
            name = os.path.basename(root_abs)
            if _supported(name) and not name.startswith("~$"):
                yield DiscoveredFile(root_abs, root_abs, name, st.st_size, st.st_mtime_ns)


def is_supported(name: str) -> bool:
    """True for a name ``discover`` would yield (extension and junk-name rules, not attributes)."""
    return _supported(name) and not _junk_name(name)


def fingerprint_hash(path: str | os.PathLike[str], chunk: int = 1 << 20) -> str:
    """Hex BLAKE2b-128 of the content, streamed: tells a re-saved file from a touched one."""
    digest = hashlib.blake2b(digest_size=16)
    buf = bytearray(chunk)
    view = memoryview(buf)
    with open(path, "rb") as f:
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


def _walk(
    root: str,
    cancel: Callable[[], bool] | None,
    report: ErrorCallback,
) -> Iterator[DiscoveredFile]:
    seen_dirs: set[tuple[int, int]] = set()  # loop guard (bind mounts); roots may overlap
    # Explicit stack of (absolute dir, rel prefix): deep trees do not hit the recursion limit.
    stack: list[tuple[str, str]] = [(root, "")]
    while stack:
        if cancel is not None and cancel():
            return
        dirpath, prefix = stack.pop()
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
                        elif _supported(name) and entry.is_file():
                            files.append(entry)
                    except OSError as exc:
                        report(entry.path, exc)
        except OSError as exc:
            report(dirpath, exc)
            continue

        files.sort(key=lambda e: _sort_key(e.name))
        for entry in files:
            if cancel is not None and cancel():
                return
            if _hidden(entry):
                continue
            try:
                st = entry.stat()  # follows a file symlink: size/mtime of the content
            except OSError as exc:
                report(entry.path, exc)
                continue
            yield DiscoveredFile(
                path=entry.path,
                root=root,
                rel_path=prefix + entry.name,
                size=st.st_size,
                mtime_ns=st.st_mtime_ns,
            )

        dirs.sort(key=lambda e: _sort_key(e.name), reverse=True)  # popped in ascending order
        for entry in dirs:
            if not _hidden(entry):
                stack.append((entry.path, prefix + entry.name + "/"))


__all__ = [
    "SUPPORTED_EXTENSIONS",
    "DiscoveryReport",
    "discover",
    "fingerprint_hash",
    "is_supported",
]
