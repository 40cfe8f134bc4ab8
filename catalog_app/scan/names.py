"""File names that are not valid Unicode, shown and stored in an escaped form.

A CP949 name on a mounted share or from an unzipped archive reaches Python on Linux as a string
with surrogate escapes (``'\\udcb0\\udca1.csv'``). Such a string opens the file, but it cannot be
stored in SQLite, printed or put in JSON (all UTF-8), and it stopped the whole scan. The catalog
therefore keeps the readable form ``\\xb0\\xa1.csv``: the raw bytes spelled out, the same every
time, so a rescan finds the same row. The file itself is still read through its real name.
"""

from __future__ import annotations

import os

__all__ = ["display_path", "is_escaped"]


def display_path(path: str) -> str:
    """``path`` unchanged when it is valid Unicode, else its bytes with ``\\xNN`` escapes."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = os.fsencode(path)
        except UnicodeError:
            raw = path.encode("utf-8", "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")
    return path


def is_escaped(path: str) -> bool:
    """True when :func:`display_path` had to escape ``path``."""
    return display_path(path) != path
