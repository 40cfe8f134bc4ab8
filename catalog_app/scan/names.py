"""File names that are not valid Unicode, shown and stored in an escaped form.

A CP949 name on a mounted share or from an unzipped archive reaches Python on Linux as a string
with surrogate escapes (``'\\udcb0\\udca1.csv'``). Such a string opens the file, but it cannot be
stored in SQLite, printed or put in JSON (all UTF-8), and it stopped the whole scan. The catalog
therefore keeps a readable form: each path part that is not valid UTF-8 has its non-ASCII bytes
spelled out (``\\xb0\\xa1.csv``), the same every time, so a rescan finds the same row. The file
itself is still read through its real name, and :func:`cp949_guess` tells the clerk what the name
most likely says.
"""

from __future__ import annotations

import os
import re

__all__ = ["cp949_guess", "display_path", "is_escaped"]

_SEPARATORS = re.compile(rb"([/\\])")


def _raw(path: str) -> bytes:
    try:
        return os.fsencode(path)
    except UnicodeError:
        return path.encode("utf-8", "surrogatepass")


def display_path(path: str) -> str:
    """``path`` unchanged when it is valid Unicode; else each undecodable part escaped."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return path
    out = []
    for part in _SEPARATORS.split(_raw(path)):
        try:
            out.append(part.decode("utf-8"))
        except UnicodeDecodeError:
            out.append("".join(chr(b) if b < 0x80 else f"\\x{b:02x}" for b in part))
    return "".join(out)


def is_escaped(path: str) -> bool:
    """True when :func:`display_path` had to escape ``path``."""
    return display_path(path) != path


def cp949_guess(path: str) -> str | None:
    """The file name read as CP949 (what Korean Windows wrote), when that decodes cleanly."""
    name = _SEPARATORS.split(_raw(path))[-1]
    try:
        return name.decode("cp949")
    except UnicodeDecodeError:
        return None
