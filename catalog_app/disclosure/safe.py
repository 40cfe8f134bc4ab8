"""Make a value safe to put in a spreadsheet cell that leaves the office.

The disclosure lists are published, so two things must never get through: a personal value
someone typed into a free-text field (a 주민등록번호 in 기타 유의사항), and text that a
spreadsheet would run as a formula (OWASP "CSV injection"). ``cell_text`` applies both guards;
every export writes its cells through it.

The shapes come from ``scan.pii_patterns`` and the masks from ``scan.pii_mask.mask_value``, so an
exported mask looks like the ones the app shows elsewhere. Office landlines (관리부서 전화번호) are
published on purpose and are left alone; mobile numbers are not.
"""

from __future__ import annotations

import re

from catalog_app.scan.pii_scrub import scrub

__all__ = ["cell_text", "neutralise", "restore", "scrub"]

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


def cell_text(value: object) -> str:
    """The text of a value as it may appear in an exported cell: scrubbed, then neutralised."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text:
        return ""
    return neutralise(scrub(text))
