"""Make a value safe to put in a spreadsheet cell that leaves the office.

The disclosure lists are published, so two things must never get through: a personal value
someone typed into a free-text field (a 주민등록번호 in 기타 유의사항), and text that a
spreadsheet would run as a formula (OWASP "CSV injection"). ``cell_text`` applies both guards;
every export writes its cells through it.

The shapes come from ``scan.pii.patterns`` and the masks from ``scan.pii.mask.mask_value``, so an
exported mask looks like the ones the app shows elsewhere. Office landlines (관리부서 전화번호) are
published on purpose and are left alone; mobile numbers are not.
"""

from __future__ import annotations

from catalog_app.safe_files import neutralise, restore
from catalog_app.scan.pii.scrub import scrub

__all__ = ["cell_text", "neutralise", "restore", "scrub"]


def cell_text(value: object) -> str:
    """The text of a value as it may appear in an exported cell: scrubbed, then neutralised."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text:
        return ""
    return neutralise(scrub(text))
