"""Mask the values of a column flagged as personal data before they are stored or shown.

Sample and top values of a flagged column pass through ``mask_value``; it keeps only the
non-identifying structure of a value (area code, road name, first letter), whatever the value.
"""

from __future__ import annotations

import re

from catalog_app.scan.pii.patterns import TRANS, UNIT_DONG_HO_RE, UNIT_FLOOR_RE, UNIT_HO_RE

__all__ = ["mask_value"]

# An address keeps its road or lot name (…로, …길, …동); the numbers after it are masked.
_ADDR_KEEP_RE = re.compile(
    r"[가-힣][가-힣\d·.]*(?:로|길)(?=\s|\d|,|$)|[가-힣][가-힣\d]*(?:동|리|가)(?=\s|\d|,|$)"
)
_MASK_RRN_RE = re.compile(r"(\s*\d{6}\s?-?\s?\d)(\d{6})\s*")
_MASK_PHONE_RE = re.compile(
    r"(?P<pre>\s*(?:\+82[-. ]?)?\(?)"
    r"(?P<area>0?1[016789]|0?2|0?[3-6][1-5]|0?70|0?50[2-8]?|0?80|0?60|1[568]\d{2})"
    r"(?P<s1>\)?[-. )]*)(?P<mid>\d{3,4})?(?P<s2>[-. ]*)(?P<last>\d{4})(?P<tail>.*)",
    re.S,
)
_MASK_EMAIL_RE = re.compile(r"\s*([^@\s]+)@([^@\s]+\.[^@\s]+)\s*")
_MASK_CARD_RE = re.compile(r"\s*\d[\d\s-]*\d\s*")
_MASK_NAME_RE = re.compile(r"(\s*)([가-힣][가-힣*○●◯xXㅇ]{1,3})(\s*외\s*\d+\s*[명인])?(\s*)")
_VEHICLE_SERIAL_RE = re.compile(r"\d{4}(?=\s*$)")
_KEEP_PREFIX = {
    "account": 3,
    "passport": 2,
    "driver_license": 2,
    "business_no": 3,
    "corporate_no": 3,
}


def _star(ch: str) -> str:
    return "*" if ch.isalnum() else ch


def _mask_rest(text: str) -> str:
    """Keep the first visible character, replace every other letter or digit by '*'."""
    out = []
    kept = False
    for ch in text:
        if not kept and not ch.isspace():
            out.append(ch)
            kept = True
        else:
            out.append(_star(ch))
    return "".join(out)


def _mask_digits(text: str, start: int = 0, end: int | None = None) -> str:
    """Replace digits in text[start:end] by '*'."""
    end = len(text) if end is None else end
    mid = "".join("*" if ch.isdigit() else ch for ch in text[start:end])
    return text[:start] + mid + text[end:]


def _mask_digit_span(text: str, keep_first: int, keep_last: int) -> str:
    """Mask all digits except the first ``keep_first`` and last ``keep_last`` of them."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    hide = set(positions[keep_first : len(positions) - keep_last])
    return "".join("*" if i in hide else ch for i, ch in enumerate(text))


def _mask_keep_prefix(text: str, keep: int) -> str:
    out = []
    seen = 0
    for ch in text:
        if ch.isalnum():
            out.append(ch if seen < keep else "*")
            seen += 1
        else:
            out.append(ch)
    return "".join(out)


def _mask_address(text: str, norm: str) -> str:
    m = _ADDR_KEEP_RE.search(norm)
    if m is not None:
        return _mask_digits(text, m.end())
    if UNIT_HO_RE.search(norm) or UNIT_FLOOR_RE.search(norm) or UNIT_DONG_HO_RE.search(norm):
        return _mask_digits(text)
    return _mask_rest(text)


def mask_value(text: str, kind: str) -> str:
    """Mask a value of a flagged column, keeping only non-identifying structure.

    Deterministic, length- and separator-preserving where practical. A value that does not fit
    the kind's shape keeps only its first character, so nothing identifying leaks either way.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not text.strip():
        return text
    norm = text.translate(TRANS)  # same length, so spans map back onto ``text``

    if kind in ("rrn", "foreigner_rrn"):
        m = _MASK_RRN_RE.fullmatch(norm)
        if m:
            return text[: m.end(1)] + "*" * 6 + text[m.end(2) :]
        return _mask_rest(text)

    if kind in ("mobile", "phone"):
        m = _MASK_PHONE_RE.fullmatch(norm)
        if m and len(m.group("area").lstrip("0")) + len(m.group("mid") or "") + 4 >= 7:
            if m.group("mid"):
                s, e = m.span("mid")
                masked = text[:s] + "*" * (e - s) + text[e:]
            else:
                s, e = m.span("last")
                masked = text[:s] + "*" * (e - s) + text[e:]
            return _mask_digits(masked, m.start("tail"))
        return _mask_rest(text)

    if kind == "email":
        m = _MASK_EMAIL_RE.fullmatch(norm)
        if m:
            s, e = m.span(1)
            keep = min(2, e - s - 1)  # 'ab***', 'a*', '*': never the whole local part
            return text[: s + keep] + "*" * (e - s - keep) + text[e:]
        return _mask_rest(text)

    if kind == "card":
        m = _MASK_CARD_RE.fullmatch(norm)
        nd = sum(ch.isdigit() for ch in norm)
        if m and 12 <= nd <= 19:
            return _mask_digit_span(text, 4, 4)
        return _mask_rest(text)

    if kind in _KEEP_PREFIX:
        alnum = sum(ch.isalnum() for ch in norm)
        digits = sum(ch.isdigit() for ch in norm)
        allowed = all(ch.isalnum() or ch in " -.()" for ch in norm.strip())
        if allowed and alnum >= 7 and digits >= 0.6 * alnum:
            return _mask_keep_prefix(text, _KEEP_PREFIX[kind])
        return _mask_rest(text)

    if kind in ("address_detail", "address"):
        return _mask_address(text, norm)

    if kind == "birth_date":  # the year may stay (an age band), month and day go
        digits = sum(ch.isdigit() for ch in norm)
        keep = 4 if digits >= 8 and norm.lstrip()[:2] in ("19", "20") else 2
        return _mask_digit_span(text, keep, 0) if digits >= 4 else _mask_rest(text)

    if kind == "rrn_partial":  # '850315-1******' -> '85****-*******'
        keep = 2 if sum(ch.isdigit() for ch in norm) >= 6 else 0
        masked = _mask_digit_span(text, keep, 0)
        return masked if masked != text or not text.strip() else _mask_rest(text)

    if kind == "vehicle_no":  # '12가 3456' -> '12가 ****': the serial goes
        m = _VEHICLE_SERIAL_RE.search(norm)
        if m:
            return text[: m.start()] + "*" * (m.end() - m.start()) + text[m.end() :]
        return _mask_rest(text)

    if kind == "person_name":
        m = _MASK_NAME_RE.fullmatch(norm)
        if m:
            s, e = m.span(2)
            name = text[s:e]
            masked = name[0] + "*" if len(name) == 2 else name[0] + "*" * (len(name) - 2) + name[-1]
            return text[:s] + masked + text[e:]
        return _mask_rest(text)

    return _mask_rest(text)
