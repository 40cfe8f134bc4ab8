"""Mask personal values found inside free text, keeping the rest of the text readable.

A 주민등록번호, mobile number, card, passport or licence number or an e-mail address inside a
longer text ("담당 010-1234-5678") is replaced by its mask from ``pii.mask.mask_value``. Used by
every export (``disclosure.safe``) and by the catalog for column labels (``pii.label``), so a
personal value is caught the same way wherever it would leave or be stored.
"""

from __future__ import annotations

import re
from datetime import date

from catalog_app.scan.pii.mask import mask_value
from catalog_app.scan.pii.patterns import (
    DRIVER_REGION_RE,
    EMB_EMAIL_RE,
    EMB_RE,
    TRANS,
    birth_ok,
    foreigner_check_digit,
    luhn_ok,
    rrn_check_digit,
)

__all__ = ["scrub"]

# --- personal values in free text --------------------------------------------------------------
_ANY_DIGIT_RE = re.compile(r"\d")
# Card numbers: 4-4-4-4(-3) or 4-6-5 with one kind of separator, or 15-16 digits in one run;
# only those passing Luhn are masked.
_CARD_RE = re.compile(
    r"(?<![\d-])(?:\d{4}([- ])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([- ])\d{6}\2\d{5}|\d{15,16})"
    r"(?![\d-])"
)
# 여권번호: the 2020 format (M123A4567) is distinctive; the old one (M12345678) looks like a
# file or serial code, so it counts only when the text talks about a passport.
_PASSPORT_NEW_RE = re.compile(r"(?<![A-Za-z0-9])[MSROD]\d{3}[A-Z]\d{4}(?![A-Za-z0-9])")
_PASSPORT_OLD_RE = re.compile(r"(?<![A-Za-z0-9])[MSROD]\d{8}(?![A-Za-z0-9])")
_PASSPORT_CUE_RE = re.compile(r"여권|passport", re.I)
# '850315-1******' inside text (the back half masked, the birth date and sex still there).
_RRN_PARTIAL_TEXT_RE = re.compile(r"(?<![\d-])\d{6}\s?-\s?[1-8][*●○◯xX#]{6}(?![\w*])")


def _resident_kind(d: str, hyphen: bool, today: date) -> str:
    """'rrn' / 'foreigner_rrn' when 13 digits are a registration number, else ''.

    A valid birth date is enough when the number is written with its hyphen (numbers issued since
    October 2020 have no check digit). Thirteen bare digits need a valid check digit or a gender
    digit of 1-8 (9 and 0 are 1800s births), which keeps most barcodes and serials out.
    """
    g = d[6]
    if not birth_ok(d[:6], g, today):
        return ""
    kind = "foreigner_rrn" if g in "5678" else "rrn"
    check = foreigner_check_digit if kind == "foreigner_rrn" else rrn_check_digit
    if hyphen or check(d[:12]) == int(d[12]) or g in "12345678":
        return kind
    return ""


def _spans(norm: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every personal value found in the folded text."""
    today = date.today()
    found: list[tuple[int, int, str]] = []
    for m in EMB_RE.finditer(norm):
        if m.group("mob"):
            found.append((*m.span("mob"), "mobile"))
            continue
        d13 = m.group("d13")
        kind = _resident_kind(d13 or m.group("d6") + m.group("d7"), d13 is None, today)
        if kind:
            found.append((*m.span(), kind))
    for m in _CARD_RE.finditer(norm):
        if luhn_ok(re.sub(r"\D", "", m.group(0))):
            found.append((*m.span(), "card"))
    if "@" in norm:
        found += [(*m.span(), "email") for m in EMB_EMAIL_RE.finditer(norm)]
    found += [(*m.span(), "passport") for m in _PASSPORT_NEW_RE.finditer(norm)]
    if _PASSPORT_CUE_RE.search(norm):
        found += [(*m.span(), "passport") for m in _PASSPORT_OLD_RE.finditer(norm)]
    found += [(*m.span(), "driver_license") for m in DRIVER_REGION_RE.finditer(norm)]
    if "-" in norm:  # issue 14: a 주민등록번호 cut to its front and gender digit
        found += [(*m.span(), "rrn_partial") for m in _RRN_PARTIAL_TEXT_RE.finditer(norm)]
    return found


def scrub(text: str) -> str:
    """Mask registration, mobile, card, passport and licence numbers and e-mail addresses in text.

    The rest of the text is kept as it is, so a description stays readable with "800101-1******"
    where the number was.
    """
    if not text or ("@" not in text and "\uff20" not in text and not _ANY_DIGIT_RE.search(text)):
        return text
    norm = text.translate(TRANS)  # 1:1, so spans found in ``norm`` fit ``text``
    out, pos = [], 0
    for start, end, kind in sorted(_spans(norm)):
        if start < pos:  # overlaps a value already masked
            continue
        out += [text[pos:start], mask_value(text[start:end], kind)]
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)
