"""What each kind of personal data looks like: character folding, value patterns, check digits.

Shared by every part of ``pii``: ``pii.tally`` classifies sample values with these patterns,
``pii.mask`` folds and masks values along them and ``pii`` checks that values fit a header cue.
Kept apart so the shape of a 주민등록번호 or a 휴대전화번호 is written down once; the checksum
helpers are public and re-exported by ``pii``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from operator import mul

# --- character normalisation (1:1, so positions stay valid for masking) ------------------------
TRANS: dict[int, str] = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58"}
TRANS.update({0xFE63: "-", 0xFF0D: "-", 0x00A0: " ", 0x2007: " ", 0x202F: " ", 0x3000: " "})
TRANS.update({0xFF10 + i: str(i) for i in range(10)})
TRANS.update({0xFF20: "@", 0xFF0E: ".", 0xFF08: "(", 0xFF09: ")", 0xFF0B: "+", 0xFF0A: "*"})

# Only values holding one of these need ``translate`` (which is slow for long Korean text).
_NEEDS_TRANS_RE = re.compile(
    "[\u00a0\u2007\u2010-\u2015\u202f\u2212\u3000\ufe58\ufe63\uff01-\uff20]"
)
PLACEHOLDERS = frozenset(
    ("-", "--", "---", ".", "..", "0", "00", "x", "?", "n/a", "na", "null", "none", "nan", "nil")
    + ("없음", "해당없음", "해당 없음", "미상", "미기재", "미입력", "미제출", "비공개", "생략")
    + ("무", "무응답", "기타", "모름", "해당사항없음", "해당사항 없음")
)
ALL_MASK_RE = re.compile(r"[\s*#●○◯xX().\-]+")


def normalise(raw: object) -> str:
    """A sample value as the patterns read it: folded by ``TRANS`` and stripped."""
    v = raw if isinstance(raw, str) else str(raw)
    if not v.isascii() and _NEEDS_TRANS_RE.search(v):  # TRANS folds only non-ASCII characters
        v = v.translate(TRANS)
    return v.strip()


# --- value patterns ----------------------------------------------------------------------------
MOBILE_RE = re.compile(r"(?:\+82[-. ]?\(?0?|82[-. ]\(?0?|\(?0)1[016789]\)?[-. ]?\d{3,4}[-. ]?\d{4}")
MOBILE_NOZERO_RE = re.compile(r"1[016789]\d{7,8}")  # Excel dropped the leading 0; header only
EXTENSION = r"(?:\s*[~,]\s*\d{1,4}|\s*\(?(?:내선|교환|ext\.?)\s*\d{1,5}\)?)?"
PHONE_RE = re.compile(
    r"(?:\+82[-. ]?\(?0?|\(?0)(?:2|[3-6][1-5]|70|50[2-8]?|80|60)\)?[-. ]?\d{3,4}[-. ]?\d{4}"
    + EXTENSION
)
REP_RE = re.compile(r"(1[568]\d{2})[-. ](\d{4})" + EXTENSION)  # 1588-xxxx 대표번호
REP_PLAIN_RE = re.compile(r"1[568]\d{6}")  # header only: 8-digit amounts look the same
NUMLIKE_RE = re.compile(r"[+(]?\d[\d().+\- ]*")
DIGITS_RE = re.compile(r"\d+")
YEAR_PREFIX_RE = re.compile(r"(?:19|20)\d{2}[-./]")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
PASSPORT_RE = re.compile(r"[MSROD](?:\d{8}|\d{3}[A-Z]\d{4})")
DRIVER_REGIONS = (
    "서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산|세종"
)
DRIVER_REGION_RE = re.compile(
    rf"(?:{DRIVER_REGIONS})(?:남부|북부)?\s?\d{{2}}[- ]?\d{{6}}[- ]?\d{{2}}"
)
HANGUL_RE = re.compile(r"[가-힣]")
HANGUL_ONLY_RE = re.compile(r"[가-힣]+")
NAME_RE = re.compile(r"([가-힣]{2,4}|[가-힣][*○●◯xXㅇ]{1,2}[가-힣]?)(?:\s*외\s*\d+\s*[명인])?")

# Embedded in free text. Bounded by non-digits so longer digit runs never match.
EMB_RE = re.compile(
    r"(?<![\d-])(?P<d6>\d{6})\s?-\s?(?P<d7>\d{7})(?![\d-])"
    r"|(?<!\d)(?P<d13>\d{13})(?!\d)"
    r"|(?<!\d)(?P<mob>(?:\+82[-. ]?\(?0?|\(?0)1[016789]\)?[-. ]?\d{3,4}[-. ]?\d{4})(?!\d)"
)
EMB_EMAIL_RE = re.compile(r"(?<![\w.+\-])" + EMAIL_RE.pattern)
# Runs of digits and separators; the exact patterns above run only on these (fast on long text).
DIGIT_RUN_RE = re.compile(r"[\d+(][\d\s().+\-]{8,}\d")
LONG_TEXT = 150  # longer values are free text: only embedded numbers are looked for

# Addresses: a road (…로/…길 + number) or lot (…동/리/가 + number) address, then a unit part.
ADDR_BASE_RE = re.compile(
    r"[가-힣][가-힣\d·.]*(?:로|길)\s*\d|[가-힣][가-힣\d]*(?:동|리|가)\s*(?:산\s*)?\d|[시군구]\s"
)
UNIT_HO_RE = re.compile(r"(?<![\d])[A-Za-z]?-?\d{1,5}\s*호(?![선점기차관텔])")
UNIT_FLOOR_RE = re.compile(r"(?:지하\s*|[Bb])?\d{1,3}\s*층")
UNIT_DONG_HO_RE = re.compile(r"\d{1,4}\s*동\s*\d{1,5}\s*호")
UNIT_ONLY_RE = re.compile(
    r"(?:[가-힣A-Za-z]+\s*)?(?:\d{1,4}\s*동\s*)?(?:(?:지하\s*|[Bb])?\d{1,3}\s*층\s*)?"
    r"(?:[A-Za-z]?\d{1,5}\s*호실?)?"
)

SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원"
    "천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태"
    "목형계피두감음빈동온호범좌팽승간상갈단견당화창옹순빙종풍궁군뇌묵자판시근로리독개요매"
)
COMPOUND_SURNAMES = frozenset(("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"))


# --- checksums ---------------------------------------------------------------------------------
_RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_BIZ_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
_CORP_WEIGHTS = (1, 2) * 6
_EAN_WEIGHTS = (1, 3) * 6
_LUHN_DOUBLE = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)
_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}
_CENTURY.update({"9": 1800, "0": 1800})


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    # ASCII codes times weights minus the '0' offset keeps the loop in C; checksums run for
    # every sample value. zip-like map stops at the shorter of digits and weights.
    return sum(map(mul, digits.encode("ascii"), weights)) - 48 * sum(weights[: len(digits)])


def rrn_check_digit(first12: str) -> int:
    """Check digit of a 주민등록번호 issued before October 2020."""
    return (11 - _weighted(first12, _RRN_WEIGHTS) % 11) % 10


def foreigner_check_digit(first12: str) -> int:
    """Check digit of an 외국인등록번호 issued before October 2020."""
    return (13 - _weighted(first12, _RRN_WEIGHTS) % 11) % 10


def corporate_check_digit(first12: str) -> int:
    """Check digit of a 법인등록번호 (weights 1,2,1,2,…)."""
    return (10 - _weighted(first12, _CORP_WEIGHTS) % 10) % 10


def business_check_digit(first9: str) -> int:
    """Check digit of a 사업자등록번호 (weights 1,3,7,1,3,7,1,3,5 plus the carry of the last)."""
    total = _weighted(first9, _BIZ_WEIGHTS) + int(first9[8]) * 5 // 10
    return (10 - total % 10) % 10


def _ean13_ok(d: str) -> bool:
    return (10 - _weighted(d, _EAN_WEIGHTS) % 10) % 10 == int(d[12])


def luhn_ok(digits: str) -> bool:
    """Luhn check used by payment cards."""
    rev = digits[::-1].encode("ascii")
    total = sum(rev[::2]) - 48 * len(rev[::2])
    total += sum(_LUHN_DOUBLE[b - 48] for b in rev[1::2])
    return total % 10 == 0


def birth_ok(d6: str, g: str, today: date) -> bool:
    """Is YYMMDD ``d6`` with gender digit ``g`` a real date, not after ``today``?"""
    year = _CENTURY[g] + int(d6[:2])
    month, day = int(d6[2:4]), int(d6[4:6])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    try:
        return date(year, month, day) <= today
    except ValueError:
        return False


@dataclass(slots=True)
class Num13:
    """Which rules a 13-digit value passes; ``pii.tally`` settles what it is per column."""

    hyphen: bool
    rrn_date: bool  # valid birth date and gender digit 1-4, 9, 0
    for_date: bool  # valid birth date and gender digit 5-8
    rrn_ck: bool
    for_ck: bool
    corp_ck: bool
    ean_ck: bool


def num13(d: str, hyphen: bool, today: date) -> Num13:
    g = d[6]
    born = birth_ok(d[:6], g, today)
    check = int(d[12])
    is_for = g in "5678"
    rrn_sum = _weighted(d, _RRN_WEIGHTS) % 11 if born else -1
    return Num13(
        hyphen=hyphen,
        rrn_date=born and not is_for,
        for_date=born and is_for,
        rrn_ck=born and not is_for and (11 - rrn_sum) % 10 == check,
        for_ck=born and is_for and (13 - rrn_sum) % 10 == check,
        corp_ck=corporate_check_digit(d) == check,
        ean_ck=not hyphen and _ean13_ok(d),
    )


# --- issue 14: partial registration numbers, birth dates, vehicles, sex and age -----------------
# 주민등록번호 앞 6자리 + 뒷자리 첫 숫자, the rest masked or cut: '850315-1******', '850315-1'.
RRN_PARTIAL_RE = re.compile(r"(\d{6})\s?-?\s?([1-8])(?:[*#●○◯xX]{6})?")
# 앞 6자리 with the back half masked whole: '850315-*******'.
RRN_FRONT_MASKED_RE = re.compile(r"(\d{6})\s?-\s?[*#●○◯xX]{7}")
SIX_DIGITS_RE = re.compile(r"\d{6}")
# Birth dates as clerks write them: 1985-03-15, 1985.3.15, 19850315, 1985년 3월 15일, 85.03.15.
BIRTH_DATE_RE = re.compile(
    r"((?:19|20)\d{2})\s?[-./년]\s?(\d{1,2})\s?[-./월]\s?(\d{1,2})\s?일?\.?"
    r"|((?:19|20)\d{2})(\d{2})(\d{2})"
    r"|(\d{2})[-.](\d{2})[-.](\d{2})"
)
# 차량번호: [지역] 2-3 digits, one 용도 syllable, 4 digits ('12가 3456', '서울 12 가 3456').
VEHICLE_SYLLABLES = (
    "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호"
)
VEHICLE_RE = re.compile(rf"(?:(?:{DRIVER_REGIONS})\s?)?\d{{2,3}}\s?[{VEHICLE_SYLLABLES}]\s?\d{{4}}")
GENDER_WORDS = frozenset(("남", "여", "남자", "여자", "남성", "여성", "m", "f", "male", "female"))
AGE_RE = re.compile(r"(?:만\s?)?(\d{1,3})\s?세?")
AGE_BAND_RE = re.compile(r"\d{1,3}\s?(?:[-~]\s?\d{1,3}\s?세?|세\s?(?:이상|미만|이하)|대)")
# 성별+나이 in one cell: '남/34', '여(45세)', '34세 남', '남 34'.
SEX_AGE_RE = re.compile(
    r"(?:남|여|남자|여자|남성|여성)\s?[/(,·\s]\s?\d{1,3}\s?세?\)?"
    r"|\d{1,3}\s?세?\s?[/(,·\s]?\s?(?:남|여|남자|여자|남성|여성)\)?"
)

# Short Hangul values that are names of places or bodies, not people: a list whose values share
# one of these endings is a list of 구, 시장, 도서관 … (checked per column, see pii.tally).
ORG_SUFFIXES = (
    "시장",
    "도서관",
    "센터",
    "주차장",
    "식당",
    "약국",
    "의원",
    "병원",
    "학교",
    "어린이집",
    "유치원",
    "경로당",
    "복지관",
    "공원",
    "마트",
    "상회",
    "회관",
    "교회",
    "성당",
    "협회",
    "조합",
    "재단",
    "사무소",
    "주유소",
    "충전소",
    "지점",
    "본점",
    "청사",
    "구청",
    "시청",
    "군청",
    "주민센터",
    "출장소",
    "파출소",
    "지구대",
    "소방서",
    "우체국",
    "은행",
    "호텔",
    "모텔",
    "다방",
    "노래방",
    "노래연습장",
    "카페",
    "학원",
    "공사",
    "공단",
    "상가",
    "아파트",
    "빌딩",
    "타워",
    "쉼터",
    "체육관",
    "수련관",
    "문화원",
    "회사",
    "연구소",
    "연구원",
)
ORG_MARKS = ("(주)", "㈜", "주식회사", "(유)", "유한회사", "(재)", "(사)", "(합)")
ORG_MARK_RE = re.compile(r"\((?:주|유|재|사|합)\)|㈜|주식회사|유한회사")
