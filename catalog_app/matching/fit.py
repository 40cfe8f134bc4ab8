"""How well a column fits a 도메인: its values (``values.Values``) and the unit in its header.

``domain_fit`` gives a score in [0, 1] and a short Korean reason: dates, times and flags by their
formats, numbers by digits and decimals against the NUMERIC length, text by byte length (한글=2),
addresses and phone numbers by what the values are, codes by the 표현 형식; a header unit (㎡,
천원, %, 명) must belong to the domain's group or class.

Split from ``matcher`` because this is a rule table per 도메인분류 that does not depend on how a
candidate was found; the matcher scales every candidate's prior by it.
"""

from __future__ import annotations

import functools
import re

from catalog_app.dictionary.model import Domain
from catalog_app.matching.signatures import CODE_SIGNATURES
from catalog_app.matching.values import Values

__all__ = ["UNIT_CLASS_WORD", "domain_fit", "unit_kind"]

# Units in brackets -> (domain group, domain classes) they belong to.
_UNIT_DOMAINS = {
    "area": ("", frozenset({"면적"})),
    "money": ("금액", frozenset()),
    "percent": ("율", frozenset()),
    "count": ("", frozenset({"수"})),
}
# fmt: off
_COUNT_UNITS = (
    "명", "인", "개", "개소", "곳", "건", "대", "호", "가구", "세대", "회", "번", "권", "편",
    "마리", "두", "척", "종", "좌석", "병상", "필지", "m", "km", "cm", "mm", "kg", "g", "t", "톤",
    "ton", "l", "리터", "ml", "m3", "kw", "kwh", "mw", "mwh", "°c", "℃", "도", "일", "시간", "분",
    "초", "년", "개월", "주", "세", "점", "배", "ppm", "mg/l",
)
# fmt: on
_UNIT_KINDS = {
    **dict.fromkeys(("m2", "km2", "ha", "평", "a"), "area"),
    **dict.fromkeys(("원", "달러", "불", "엔", "유로"), "money"),
    **dict.fromkeys(("%", "퍼센트", "‰"), "percent"),
    **dict.fromkeys(_COUNT_UNITS, "count"),
}
_UNIT_MULTIPLIER = re.compile(r"^[0-9.천만백십억조]+")


def unit_kind(units: tuple[str, ...]) -> tuple[str, str] | None:
    """(unit as written, kind) of the first unit the matcher knows ('천원' -> money)."""
    for unit in units:
        first = re.split(r"[/·,]", unit)[0]
        kind = _UNIT_KINDS.get(_UNIT_MULTIPLIER.sub("", first) or first)
        if kind is not None:
            return unit, kind
    return None


# Class word a unit calls for when a header has none (nonstandard proposals).
UNIT_CLASS_WORD = {"money": "금액", "percent": "비율", "count": "수"}

_PHONE_CLASSES = frozenset({"전화번호", "팩스번호"})
_DISPLAY_CHARS = {"9": r"\d", "A": "[A-Z]", "가": "[가-힣]", "f": "[0-9a-f]"}
_DATE_CLASSES = frozenset(
    {"연월일", "연월일시분초", "연월일시분", "연월", "연도", "월", "시분초", "시분"}
)


def domain_fit(
    dom: Domain | None, v: Values | None, unit: tuple[str, str] | None = None
) -> tuple[float, str]:
    """The value fit, then the header's unit: 면적(㎡) is an area, 금액(천원) money."""
    fit, why = _value_fit(dom, v)
    if unit is not None and dom is not None:
        text, kind = unit
        group, classes = _UNIT_DOMAINS[kind]
        if dom.group == group or dom.domain_class in classes:
            why = f"{why}, 단위 '{text}' 일치" if why else f"단위 '{text}' 일치"
        else:
            fit *= 0.6
            why = f"{why}, 단위 '{text}'와 맞지 않음" if why else f"단위 '{text}'와 맞지 않음"
    return fit, why


def _value_fit(dom: Domain | None, v: Values | None) -> tuple[float, str]:
    """How well the values fit a domain, in [0, 1], with a short Korean reason."""
    if v is None:
        return 1.0, "값 없음: 머리글로만 판단"
    if dom is None:
        return 0.7, ""
    cls = dom.domain_class
    if cls in _DATE_CLASSES:
        return _date_fit(cls, v, dom.name)
    if cls in ("여부", "유무"):
        return _flag_fit(v, dom.name)
    if dom.data_type == "NUMERIC":
        return _numeric_fit(dom, v)
    return _text_fit(dom, v)


def _number_share(v: Values) -> float:
    return v.share.get("integer", 0.0) + v.share.get("decimal", 0.0)


def _date_fit(cls: str, v: Values, name: str) -> tuple[float, str]:
    """A date-like class: the share of values written as that kind of date or time."""
    s = v.share
    if cls == "연월일":
        fit = s.get("date", 0) + 0.75 * s.get("datetime", 0)
        what = "날짜"
    elif cls in ("연월일시분초", "연월일시분"):
        fit = s.get("datetime", 0) + 0.75 * s.get("date", 0)
        what = "일시"
    elif cls == "연월":
        fit = max(v.year_months, 0.5 * s.get("date", 0))
        what = "연월"
    elif cls == "연도":
        fit = v.years
        what = "연도"
    elif cls == "월":
        fit = v.months
        what = "월"
    else:
        fit = s.get("time", 0)
        what = "시각"
    fmt = f"({v.date_format})" if v.date_format else ""
    if fit >= 0.9:
        return fit, f"값이 {what}{fmt}: {name}에 맞음"
    return fit, f"값이 {what} 형식이 아님: {name}와 맞지 않음"


def _flag_fit(v: Values, name: str) -> tuple[float, str]:
    """여부/유무: Y/N values, or one-digit numbers (0/1) counted at 70%."""
    flag = v.share.get("flag", 0) + 0.7 * (_number_share(v) if v.int_digits <= 1 else 0)
    if flag >= 0.9:
        return min(flag, 1.0), f"값이 Y/N: {name}에 맞음"
    return flag, f"값이 Y/N이 아님: {name}와 맞지 않음"


def _numeric_fit(dom: Domain, v: Values) -> tuple[float, str]:
    """A NUMERIC domain: numbers, fewer for more decimals or whole digits than it holds."""
    name = dom.name
    length = int(dom.length) if dom.length.isdigit() else 0
    scale = int(dom.scale) if dom.scale.isdigit() else 0
    fit = _number_share(v) + 0.5 * v.share.get("code", 0.0)
    notes = []
    if fit < 0.9:
        return fit, f"값이 숫자가 아님: {name}와 맞지 않음"
    if v.decimals > scale:
        fit *= 0.6 if scale == 0 else 0.8
        notes.append(f"소수 {v.decimals}자리 > {name}")
    if v.int_digits > length - scale:
        fit *= 0.6
        notes.append(f"정수 {v.int_digits}자리 > {name}")
    if v.semantic in ("sido", "sgg"):
        fit *= 0.5
    return fit, ", ".join(notes) or f"값이 숫자: {name}에 맞음"


def _text_class_fit(cls: str, v: Values) -> float:
    """A CHAR/VARCHAR class: the share of values of the kinds it holds, weighed by what the
    values were recognised as (an address column is no 명, a phone column is a 전화번호)."""
    s = v.share
    text = s.get("text", 0.0)
    num = _number_share(v)
    code = s.get("code", 0.0)
    if cls == "명":
        fit = text + 0.5 * code + 0.2 * (num + s.get("flag", 0))
        if v.semantic in ("road_addr", "lot_addr", "addr", "url", "email"):
            fit *= 0.3
    elif cls in ("주소", "상세주소"):
        fit = text
        if v.semantic in ("road_addr", "lot_addr", "addr", "url", "email"):
            # a 상세주소 is only the part after the road/lot number (동·층·호)
            fit = 1.0 if cls == "주소" else 0.4
        elif v.semantic in ("sido", "sgg"):
            fit *= 0.7
        else:
            fit *= 0.85
    elif cls == "내용":
        fit = text + 0.2 * (1 - text)
        if v.semantic:
            fit *= 0.6
        elif v.max_bytes < 20:
            fit *= 0.85
    elif cls in _PHONE_CLASSES:
        phone = v.semantic in ("phone", "mobile")
        fit = 1.0 if phone else 0.5 * (text + code + num)
    elif cls in ("코드", "번호", "일련번호", "우편번호", "구우편번호") or "번호" in cls:
        fit = code + num * (1.0 if s.get("decimal", 0) == 0 else 0.6) + 0.75 * text
        if v.semantic and v.semantic not in CODE_SIGNATURES:
            fit *= 0.6
    else:
        fit = text + 0.7 * (code + num)
    return min(fit, 1.0)


def _text_fit(dom: Domain, v: Values) -> tuple[float, str]:
    """A CHAR/VARCHAR domain: the class fit, then the 표현 형식 and the length."""
    cls, name = dom.domain_class, dom.name
    length = int(dom.length) if dom.length.isdigit() else 0
    fit = _text_class_fit(cls, v)
    shown = _display_match(dom, v)
    if shown:
        return max(fit, 0.95), f"값이 {name}의 표현 형식({shown})"
    if length and v.max_bytes > length:
        return fit * 0.6, f"최대 {v.max_bytes}바이트 > {name}"
    if dom.data_type == "CHAR" and length and 0 < v.max_bytes < length and cls == "코드":
        fit *= 0.9
    if fit >= 0.9:
        return fit, f"값 형식이 {name}에 맞음"
    return fit, f"값 형식이 {name}와 잘 맞지 않음"


def _display_match(dom: Domain, v: Values) -> str | None:
    """The 표현 형식 most values are written in (123-45-67890 for 사업자등록번호C10), so their
    length is that of the display, not of the stored form."""
    patterns = _display_patterns(dom.display_format or "")
    if not patterns or not v.texts:
        return None
    texts = [t.replace("*", "0") for t in v.texts]
    for form, rx in patterns:
        if sum(1 for t in texts if rx.fullmatch(t)) >= 0.8 * len(texts):
            return form
    return None


@functools.lru_cache(maxsize=1024)
def _display_patterns(display_format: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The written forms of a 표현 형식 as regexes (9 a digit, A a capital, 가 a syllable, f a hex
    digit, a bracketed part optional); cached by the text, since many domains share one."""
    patterns = []
    for form in re.split(r"\s*\bor\b\s*|\n", display_format):
        form = form.strip()
        if len(form) >= 3 and re.search(r"[^9A가]", form):
            regex = "".join(_DISPLAY_CHARS.get(ch, re.escape(ch)) for ch in form)
            regex = regex.replace(r"\(", "(?:").replace(r"\)", ")?")
            patterns.append((form, re.compile(regex)))
    return tuple(patterns)
