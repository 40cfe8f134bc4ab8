"""Header cleaning: reduce a spreadsheet header to the name it means, and say what was removed.

Clerks decorate names: units and notes in brackets (``금액(천원)``), reference periods in front
(``2011년12월_``), KOSIS classification suffixes (``업종별(2)``), inner spaces and line breaks,
multi-row paths whose upper rows are total bands (``회원|합계|계``).  A standard term name has
none of these (standard names use Hangul, digits and Latin only), so they are stripped
before any lookup and each removal becomes a short Korean reason.

Headers that are not names of a data column at all - crosstab band labels such as years, age
bands, sexes, region names or totals spread across columns - get ``band`` set instead.

The module knows no dictionary; ``is_name`` (is this a registered word or term?) keeps a real
name such as 성별 from being cut as if its 별 were a KOSIS suffix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["CleanHeader", "clean_header", "is_total_word", "SIDO_NAMES"]

# Labels of total rows/columns.  A level made only of one of these adds no meaning to the path.
TOTAL_WORDS = frozenset(
    {"합계", "계", "소계", "총계", "총합", "합", "전체", "누계", "총", "total", "sum", "subtotal"}
)
SEX_WORDS = frozenset({"남", "여", "남자", "여자", "남성", "여성", "남녀", "male", "female"})
# The 17 시도 (short and official forms) and the whole country: region bands of a crosstab and,
# for the matcher, region-valued columns.
# fmt: off
SIDO_NAMES = frozenset((
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북",
    "충남", "전북", "전남", "경북", "경남", "제주", "서울특별시", "부산광역시", "대구광역시",
    "인천광역시", "광주광역시", "대전광역시", "울산광역시", "세종특별자치시", "경기도", "강원도",
    "강원특별자치도", "충청북도", "충청남도", "전라북도", "전북특별자치도", "전라남도",
    "경상북도", "경상남도", "제주도", "제주특별자치도", "전국",
))
# fmt: on

# Bracket contents that are units (compared lower-case without spaces).
# fmt: off
_UNITS = frozenset((
    "명", "인", "개", "개소", "곳", "원", "천원", "만원", "백만원", "십억원", "억원", "조원",
    "달러", "불", "%", "퍼센트", "m", "m2", "m3", "km", "km2", "cm", "mm", "kg", "g", "t", "톤",
    "ton", "l", "리터", "ml", "건", "대", "호", "가구", "세대", "동", "회", "번", "일", "시간",
    "분", "초", "년", "개월", "월", "주", "세", "권", "편", "면", "종", "마리", "두", "척", "평",
    "ha", "kw", "kwh", "mw", "mwh", "°c", "℃", "도", "점", "배", "ppm", "mg/l", "량", "석",
    "좌석", "병상", "필지",
))
# fmt: on
_UNIT_SPLIT = re.compile(r"[/·,\s]+")
_MULTIPLIER = re.compile(r"^[0-9.천만백십억조]+")
_FORMAT_NOTE = re.compile(r"^[YMDHSymdhs.\-/: ]{4,}$|^(?:yyyy|YYYY)")
_LEVEL_NUMBER = re.compile(r"^\d{1,2}$")
_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\}|<([^<>]*)>")
_NAME_CHARS = re.compile(r"[^0-9A-Za-z가-힣]")
_SPACES = re.compile(r"\s+")

# Crosstab bands (checked on a level with spaces removed, units already stripped).
_YEAR = re.compile(r"^(?:19|20)\d{2}(?:년도?|년말|년초)?(?:이전|이후|까지|기준|상반기|하반기|말)?$")
_PERIOD = re.compile(
    r"^(?:(?:19|20)\d{2}(?:[.\-/]|년)\s*\d{1,2}(?:월|/4|분기)?"
    r"|(?:19|20)\d{2}\.?[1-4]/4|[1-4]/4분기|[1-4]분기|(?:1[0-2]|0?[1-9])월|(?:19|20)\d{4})$"
)
_AGE = re.compile(
    r"^(?:\d{1,3}[-~]\d{1,3}세?|\d{1,3}세(?:이상|이하|미만|초과)?|\d{1,3}\+|\d{1,3}대"
    r"|\d{1,3}(?:세|대)(?:이상|이하|미만|초과))$"
)
_AUTO = re.compile(r"^(?:unnamed:?\d*|column\d+|열\d+|필드\d+|f\d+|col\d+|\d+)$", re.IGNORECASE)

# Prefixes that are not part of the name.
_NUMBERING = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|[①-⑳]|[가-하][.)])\s*(?=\S)")
_PERIOD_PREFIX = re.compile(
    r"^(?:(?:19|20)\d{2}(?:년도?|[.\-/])?\s*(?:\d{1,2}월?)?|(?:19|20)\d{4})(?:[_\s]+|(?<=[년월])(?=[가-힣]))"
)
_DATUM_PREFIX = re.compile(
    r"^(?:WGS-?84|GRS-?80|BESSEL|ITRF-?2000|UTM-?K|UTM|EPSG:?\d+)[_\s\-]*(?=[가-힣])", re.IGNORECASE
)


@dataclass(frozen=True)
class CleanHeader:
    """What a header means once its decoration is removed."""

    raw: str
    text: str  # whitespace-normalised (NBSP, newlines, runs of spaces), trimmed
    label: str  # the name: Hangul/Latin/digits only; '' for bands and blank headers
    qualifiers: tuple[str, ...] = ()  # bracketed words that may belong to the name: 접수(일자)
    notes: tuple[str, ...] = ()  # Korean descriptions of what was removed (reasons)
    total: bool = False  # a total band (합계/계/소계 …) was dropped from the path
    total_word: bool = False  # the name itself said 'total' ('회원 총계'): 총 + name
    classification: bool = False  # a KOSIS classification key ('자치구별(1)'): 별 was dropped
    band: str | None = None  # why this is not a data column (Korean), else None
    latin: bool = False  # the header is written in Latin letters (ROUTE_ID, LAT)
    tokens: tuple[str, ...] = field(default=())  # Latin words of a Latin header, upper-case
    units: tuple[str, ...] = ()  # units found in brackets, lower-case: 'm2', '천원', 'kg/월'

    @property
    def key(self) -> str:
        """Memory key: the name plus its qualifiers (units, periods and bands do not count)."""
        return self.label + "".join(f"({q})" for q in self.qualifiers)

    @property
    def trimmed_only(self) -> bool:
        """True when nothing but surrounding whitespace had to go (the 'exact' case)."""
        return self.label == self.text


def is_total_word(text: str) -> bool:
    return _SPACES.sub("", text).lower() in TOTAL_WORDS


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw.replace("\\n", "\n"))
    return _SPACES.sub(" ", text).strip()


def _is_unit(content: str) -> bool:
    c = content.replace(" ", "").lower()
    if not c:
        return True
    if c.startswith("단위"):
        return True
    parts = [p for p in _UNIT_SPLIT.split(c) if p]
    return bool(parts) and all(_MULTIPLIER.sub("", p) in _UNITS for p in parts)


def _band_kind(level: str) -> str | None:
    """Korean name of the band a single label stands for (year, age …), or None."""
    s = _SPACES.sub("", level)
    if not s:
        return None
    if s.lower() in TOTAL_WORDS:
        return "합계"
    if _YEAR.match(s) or _PERIOD.match(s):
        return "기간"
    if _AGE.match(s):
        return "연령대"
    if s.lower() in SEX_WORDS:
        return "성별"
    if s in SIDO_NAMES:
        return "지역"
    return None


def _strip_brackets(text: str) -> tuple[str, list[str], list[str], list[str]]:
    """Remove bracketed parts; return (rest, qualifier words, units, notes)."""
    qualifiers: list[str] = []
    units: list[str] = []
    notes: list[str] = []
    while True:
        m = _BRACKETS.search(text)
        if m is None:
            break
        content = next(g for g in m.groups() if g is not None).strip()
        whole = m.group(0)
        if _is_unit(content):
            notes.append(f"단위 '{whole}' 제외")
            unit = content.replace(" ", "").lower().removeprefix("단위").lstrip(":")
            if unit:
                units.append(unit)
        elif _FORMAT_NOTE.match(content):
            notes.append(f"형식 표기 '{whole}' 제외")
        elif _LEVEL_NUMBER.match(content):
            notes.append(f"분류 수준 '{whole}' 제외")
        else:
            name = _NAME_CHARS.sub("", content)
            if (
                re.search(r"[가-힣A-Za-z]", name)
                and len(name) <= 12
                and not any(ch in content for ch in ",;:")
            ):
                qualifiers.append(name)
                notes.append(f"괄호 '{whole}'를 이름과 따로 봄")
            else:
                notes.append(f"괄호 설명 '{whole}' 제외")
        text = text[: m.start()] + text[m.end() :]
    # unmatched brackets: cut from the opening one
    for opener in "([{<":
        if opener in text:
            cut = text.index(opener)
            notes.append(f"괄호 설명 '{text[cut:].strip()}' 제외")
            text = text[:cut]
    return _SPACES.sub(" ", text).strip(), qualifiers, units, notes


def _strip_prefixes(text: str, notes: list[str], is_name: Callable[[str], bool]) -> str:
    changed = True
    while changed:
        changed = False
        for pattern, what in (
            (_NUMBERING, "번호 접두어"),
            (_PERIOD_PREFIX, "기준시점 접두어"),
            (_DATUM_PREFIX, "좌표계 접두어"),
        ):
            m = pattern.match(text)
            if m and m.end() < len(text) and not is_name(_NAME_CHARS.sub("", text)):
                notes.append(f"{what} '{m.group(0).strip()}' 제외")
                text = text[m.end() :].strip()
                changed = True
    return text


def _never(_: str) -> bool:
    return False


def clean_header(raw: str, is_name: Callable[[str], bool] | None = None) -> CleanHeader:
    """Clean one header (a multi-row header is its labels joined with ``|``)."""
    known = is_name or _never
    text = _normalise(raw)
    if not text:
        return CleanHeader(raw, text, "", band="머리글이 비어 있음")
    if _AUTO.match(text.replace(" ", "")):
        return CleanHeader(raw, text, "", band="자동 생성 머리글")

    notes: list[str] = []
    if _SPACES.sub(" ", raw.replace("\\n", "\n")).strip() != raw or any(
        ch in raw for ch in "\u00a0\u3000\n\t"
    ):
        notes.append("공백·줄바꿈 정리")
    levels = [lv.strip() for lv in text.split("|")]
    levels = [lv for lv in levels if lv]
    units: list[str] = []
    kept, total, bands = _split_levels(levels, notes, units)
    if bands:
        return CleanHeader(raw, text, "", notes=tuple(notes), total=total, band=bands[0])
    if not kept:
        return CleanHeader(raw, text, "", notes=tuple(notes), total=total, band="합계 구간")
    if len(kept) > 1:
        return CleanHeader(
            raw,
            text,
            "",
            notes=tuple(notes),
            total=total,
            band=f"교차표 구간 ('{levels[0]}' 아래 여러 열)",
        )
    name, qualifiers = kept[0]
    name, total, band = _flattened_path(name, notes, total)
    if band is not None:
        return CleanHeader(raw, text, "", notes=tuple(notes), total=total, band=band)

    name = _strip_prefixes(name, notes, known)
    name, total_word = _drop_total_words(name, notes, known)
    total = total or total_word

    latin, tokens = _latin_tokens(name)
    # standard names write Latin letters upper-case only (IP주소, CAS번호)
    label = _NAME_CHARS.sub("", name).upper()
    qualifiers = [q.upper() for q in qualifiers]
    if " " in name.strip():
        notes.append("안쪽 공백 제거")
    label, classification = _drop_classification(label, notes, known)
    if not label:
        band = "이름이 없는 머리글"
        return CleanHeader(raw, text, "", tuple(qualifiers), tuple(notes), total, band=band)
    kind = _band_kind(label)
    if kind is not None and kind != "합계":
        return CleanHeader(raw, text, "", notes=tuple(notes), total=total, band=f"{kind} 구간")
    notes = list(dict.fromkeys(notes))
    return CleanHeader(
        raw,
        text,
        label,
        tuple(qualifiers),
        tuple(notes),
        total=total,
        total_word=total_word,
        classification=classification,
        latin=latin,
        tokens=tokens,
        units=tuple(units),
    )


def _split_levels(
    levels: list[str], notes: list[str], units: list[str]
) -> tuple[list[tuple[str, list[str]]], bool, list[str]]:
    """The levels of a multi-row header without their brackets: (the kept levels with their
    qualifiers, whether a total level was dropped, the band levels that make it no data column).
    Notes and bracketed units are added to ``notes`` and ``units``."""
    kept: list[tuple[str, list[str]]] = []  # (level text without brackets, qualifiers)
    total = False
    bands: list[str] = []
    for lv in levels:
        rest, quals, lv_units, lv_notes = _strip_brackets(lv)
        notes.extend(lv_notes)
        units.extend(lv_units)
        kind = _band_kind(rest)
        if kind == "합계":
            total = True
            notes.append(f"합계 구간 '{lv}' 제외")
            continue
        if kind is not None:
            bands.append(f"{kind} 구간 '{lv}'")
            continue
        kept.append((rest, quals))
    return kept, total, bands


def _flattened_path(name: str, notes: list[str], total: bool) -> tuple[str, bool, str | None]:
    """Flattened paths: '합계_판매 금액', '2011년12월_회원수'; totals and periods dropped, the
    rest joined. A sex/age/region part makes a crosstab band: (name, total, band or None)."""
    if "_" not in name or not re.search(r"[가-힣]", name):
        return name, total, None
    parts = [p.strip() for p in name.split("_") if p.strip()]
    rest_parts = []
    for part in parts:
        kind = _band_kind(part)
        if kind == "합계":
            total = True
            notes.append(f"합계 구간 '{part}_' 제외")
        elif kind == "기간" and len(parts) > 1:
            notes.append(f"기준시점 '{part}_' 제외")
        elif kind is not None and len(parts) > 1:
            return name, total, f"{kind} 구간 '{part}'"
        else:
            rest_parts.append(part)
    return "".join(rest_parts), total, None


def _drop_total_words(
    name: str, notes: list[str], known: Callable[[str], bool]
) -> tuple[str, bool]:
    """Space-separated total words: '회원 총계' -> 회원 (a total of the measure): (name, whether
    a total word went)."""
    words = name.split(" ")
    joined = _NAME_CHARS.sub("", name)
    if len(words) > 1 and any(is_total_word(w) for w in words) and not known(joined):
        others = [w for w in words if not is_total_word(w)]
        if others:
            notes.extend(f"합계 표기 '{w}' 제외" for w in words if is_total_word(w))
            return " ".join(others), True
    return name, False


def _latin_tokens(name: str) -> tuple[bool, tuple[str, ...]]:
    """Whether a header is written in Latin letters, and its upper-case words (RouteId -> ROUTE,
    ID)."""
    latin = bool(re.fullmatch(r"[A-Za-z0-9_\-\s.]+", name)) and bool(re.search(r"[A-Za-z]", name))
    if not latin:
        return False, ()
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    return True, tuple(t.upper() for t in re.split(r"[^A-Za-z0-9]+", spaced) if t)


def _drop_classification(
    label: str, notes: list[str], known: Callable[[str], bool]
) -> tuple[str, bool]:
    """KOSIS '…별' classification suffix ('업종별', '업종별(2)', '동별(1)'), unless the whole is
    a name; a two-syllable one only with its level number: (label, whether 별 went)."""
    level = any(n.startswith("분류 수준") for n in notes)
    if (
        (len(label) >= 3 or (level and len(label) == 2))
        and label.endswith("별")
        and not known(label)
    ):
        notes.append("분류 접미어 '별' 제외")
        return label[:-1], True
    return label, False
