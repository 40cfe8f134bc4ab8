"""Personal values where a column name should be: a header cell is data when it *is* a personal value.

A CSV without a header row offers its first person as the labels (``650821-2533178``,
``010-8383-8722``, an e-mail), and labels travel everywhere: the catalog's column table, the search
index, ``show/check/search --json``, decisions, snapshots. Two guards keep them out:

- header detection asks :func:`label_pii_kind` for every head cell: a row holding a personal value
  is a data row, so a file whose first row is a person has no header (labels ``열1``, ``열2``…);
- the catalog stores every label through :func:`safe_label` (defence in depth, e.g. a header row a
  clerk chose by hand): a whole personal value becomes its mask, one inside text is masked there.

Whole values that count: 주민등록번호 and 외국인등록번호 (valid birth date), mobile and other phone
numbers, e-mail addresses, card numbers passing Luhn, 사업자·법인등록번호 with a valid check digit,
운전면허번호, the new passport format and hyphenated account-like digit groups; since issue 14 also
a 주민등록번호 cut to its front (and gender digit: ``850315-1******``) and vehicle numbers. A Korean name alone
is not enough (``성명``, ``주소`` look just like ``홍길동``); a name sitting in a row with a personal
value goes with its row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from catalog_app.scan.pii.headers import analyse_header
from catalog_app.scan.pii.mask import mask_value
from catalog_app.scan.pii.patterns import RRN_FRONT_MASKED_RE, VEHICLE_RE
from catalog_app.scan.pii.scrub import scrub
from catalog_app.scan.pii.tally import tally

__all__ = ["label_pii_kind", "safe_label", "safe_labels"]

# Counter keys of ``pii.tally.tally`` that mean "this one value is personal data", in priority order.
_WHOLE_KINDS = (
    ("rrn", "rrn"),
    ("for", "foreigner_rrn"),
    ("card_luhn", "card"),
    ("driver", "driver_license"),
    ("corp_ck", "corporate_no"),
    ("biz_ck", "business_no"),
    ("mobile", "mobile"),
    ("email", "email"),
    ("phone", "phone"),
    ("account", "account"),
    ("rrn_partial", "rrn_partial"),  # issue 14: '850315-1******'
    ("vehicle", "vehicle_no"),
)
_NEW_PASSPORT_RE = re.compile(r"[MSROD]\d{3}[A-Z]\d{4}")
# Personal values with fewer than 7 digits: a masked 주민등록번호 front, a vehicle number.
_SHORT_SHAPES_RE = re.compile(RRN_FRONT_MASKED_RE.pattern + "|" + VEHICLE_RE.pattern)
_NO_CUES = analyse_header("")
_MIN_LEN = 7  # the shortest personal value (a mobile number without separators has 10 digits)


def label_pii_kind(text: object) -> str | None:
    """The personal-data kind when the whole cell ``text`` is a personal value, else None."""
    if not isinstance(text, str):
        return None
    value = text.strip()
    if len(value) < _MIN_LEN or len(value) > 80:
        return None
    digits = sum(ch.isdigit() for ch in value)
    if (
        "@" not in value
        and "\uff20" not in value
        and digits < 7
        and not _SHORT_SHAPES_RE.fullmatch(value)
    ):
        return None
    if _NEW_PASSPORT_RE.fullmatch(value.upper()):
        return "passport"
    counts = tally([value], _NO_CUES)
    for key, kind in _WHOLE_KINDS:
        if counts[key]:
            return kind
    return None


def safe_label(text: str) -> str:
    """``text`` as it may be stored as a column label: personal values masked, the rest kept."""
    if not text:
        return text
    kind = label_pii_kind(text)
    if kind is not None:
        return mask_value(text, kind)
    return scrub(text)


def safe_labels(labels: Sequence[str]) -> list[str]:
    return [safe_label(label) for label in labels]
