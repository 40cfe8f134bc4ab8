"""The one guard for every file the app writes: no formulas, no half-written files.

- :func:`neutralise` prefixes "'" to text a spreadsheet would run as a formula (OWASP "CSV
  injection": ``=HYPERLINK(…)``, ``+``, ``-``, ``@``, tab, CR first); :func:`restore` undoes it
  when the app reads back a file it wrote, so round trips change nothing.
- :func:`save_atomic` writes to a temporary file in the target's folder and moves it into place
  with ``os.replace``: a failed write never leaves half a file where the last good one was, and a
  symbolic link at the target is replaced, never written through.

The disclosure lists (``disclosure.safe.cell_text`` adds the personal-value scrub), the
dictionary export, the edition diff, the mapping memory and the JSON exports all use these.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

__all__ = ["neutralise", "restore", "save_atomic"]

# --- formula guard -----------------------------------------------------------------------------
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A plain number may keep its sign: "-12.5", "+3", "-1,234" are values, not formulas.
_NUMBER_RE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")


def neutralise(text: str) -> str:
    """Prefix "'" to text a spreadsheet would read as a formula (=, +, -, @, tab, CR first).

    A lone "-" (the portal's "not applicable") and signed numbers stay as they are, so a clerk's
    sheet does not fill with apostrophes.
    """
    if not text or not text.startswith(_TRIGGERS):
        return text
    if text == "-" or _NUMBER_RE.fullmatch(text):
        return text
    return "'" + text


def restore(text: str) -> str:
    """Undo ``neutralise`` for a value read back from a sheet this app wrote (the template round
    trip), so re-importing an untouched sheet changes nothing."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(_TRIGGERS):
        return text[1:]
    return text


def save_atomic(target: Any | Callable[[Path], None], path: Path) -> Path:
    """Save a workbook (or run ``target(tmp_path)``) into a temporary file, then move it to path.

    The temporary file sits in the same folder so ``os.replace`` is atomic; on any failure it is
    removed and ``path`` keeps its old content (or stays absent). Parent folders are created.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Named here rather than by mkstemp, whose 0600 mode would carry over to a shared file.
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        if hasattr(target, "save"):
            target.save(tmp)
        else:
            target(tmp)
        try:
            os.replace(tmp, path)
        except PermissionError as exc:  # Windows: the old file is open in Excel
            raise PermissionError(
                exc.errno,
                f"{path.name} 파일에 쓸 수 없습니다. 엑셀 등에서 열려 있으면 닫고 다시 시도하세요.",
                str(path),
            ) from exc
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    return path
