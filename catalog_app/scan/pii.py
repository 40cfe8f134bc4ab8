"""Personal data (개인정보) in a column: detect it from the header and sample values, mask values.

Sample and top values of a flagged column are masked before they are stored, so a finding errs on
the side of reporting and ``mask_value`` never lets the identifying part of a value through, even
for values that do not look like the kind at all. Everything here is stdlib and precompiled: a
column of 2,000 sample values is classified in a few milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from operator import mul

PII_KINDS: dict[str, str] = {
    "rrn": "주민등록번호",
    "foreigner_rrn": "외국인등록번호",
    "mobile": "휴대전화번호",
    "phone": "전화번호",
    "email": "이메일",
    "passport": "여권번호",
    "driver_license": "운전면허번호",
    "business_no": "사업자등록번호",
    "corporate_no": "법인등록번호",
    "card": "카드번호",
    "account": "계좌번호",
    "address_detail": "상세주소",
    "person_name": "성명",
}


@dataclass(frozen=True, slots=True)
class PiiFinding:
    """Why a column was flagged; stored with the column so a clerk can judge the call."""

    kind: str  # one of PII_KINDS
    share: float  # share (0..1) of the informative values that match; 0.0 when header only
    reason: str  # short Korean reason shown to the clerk
    source: str  # 'values', 'header' or 'values+header'


# --- thresholds --------------------------------------------------------------------------------
# Shares are taken over informative values: placeholders such as '-', '없음' or '***' say nothing
# about the column and would otherwise dilute a column that is half empty.
STRONG_SHARE = 0.3  # rrn, foreigner_rrn, card, business_no, corporate_no, email, mobile
EMBED_SHARE = 0.05  # a mobile number, rrn or e-mail inside free text (비고 "담당 010-…")
WEAK_SHARE = 0.5  # phone, driver_license, address_detail, card by shape only
SHAPE_SHARE = 0.6  # business_no / corporate_no by shape without a valid check digit
PASSPORT_SHARE = 0.8  # letter + 8 digits also looks like product codes
ACCOUNT_SHARE = 0.9  # hyphenated digit groups are too generic to call without a header cue
NAME_SHARE = 0.7  # person_name, and only with a header cue
HEADER_SHARE = 0.1  # a matching header cue lowers every value threshold to this
CONSISTENT_SHARE = 0.5  # header-only: at least this share of values must fit the kind loosely
CHECKSUM_RATIO = 0.3  # checksum hits among candidates; random numbers pass 1 in 10

# 고유식별정보 and card numbers outrank other kinds when a column holds several.
_TOP_TIER = frozenset({"rrn", "foreigner_rrn", "passport", "driver_license", "card"})
_PRIORITY = (
    "rrn",
    "foreigner_rrn",
    "passport",
    "driver_license",
    "card",
    "account",
    "corporate_no",
    "business_no",
    "mobile",
    "email",
    "phone",
    "address_detail",
    "person_name",
)
_FAMILY = {"mobile": "tel", "phone": "tel", "rrn": "id", "foreigner_rrn": "id"}

# --- character normalisation (1:1, so positions stay valid for masking) ------------------------
_TRANS: dict[int, str] = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58"}
_TRANS.update({0xFE63: "-", 0xFF0D: "-", 0x00A0: " ", 0x2007: " ", 0x202F: " ", 0x3000: " "})
_TRANS.update({0xFF10 + i: str(i) for i in range(10)})
_TRANS.update({0xFF20: "@", 0xFF0E: ".", 0xFF08: "(", 0xFF09: ")", 0xFF0B: "+", 0xFF0A: "*"})

# Only values holding one of these need ``translate`` (which is slow for long Korean text).
_NEEDS_TRANS_RE = re.compile(
    "[\u00a0\u2007\u2010-\u2015\u202f\u2212\u3000\ufe58\ufe63\uff01-\uff20]"
)
_PLACEHOLDERS = frozenset(
    ("-", "--", "---", ".", "..", "0", "00", "x", "?", "n/a", "na", "null", "none", "nan", "nil")
    + ("없음", "해당없음", "해당 없음", "미상", "미기재", "미입력", "미제출", "비공개", "생략")
    + ("무", "무응답", "기타", "모름", "해당사항없음", "해당사항 없음")
)
_ALL_MASK_RE = re.compile(r"[\s*#●○◯xX().\-]+")
_MASK_CHARS = frozenset("*#●○◯xX")

# --- value patterns ----------------------------------------------------------------------------
_MOBILE_RE = re.compile(
    r"(?:\+82[-. ]?\(?0?|82[-. ]\(?0?|\(?0)1[016789]\)?[-. ]?\d{3,4}[-. ]?\d{4}"
)
_MOBILE_NOZERO_RE = re.compile(r"1[016789]\d{7,8}")  # Excel dropped the leading 0; header only
_EXTENSION = r"(?:\s*[~,]\s*\d{1,4}|\s*\(?(?:내선|교환|ext\.?)\s*\d{1,5}\)?)?"
_PHONE_RE = re.compile(
    r"(?:\+82[-. ]?\(?0?|\(?0)(?:2|[3-6][1-5]|70|50[2-8]?|80|60)\)?[-. ]?\d{3,4}[-. ]?\d{4}"
    + _EXTENSION
)
_REP_RE = re.compile(r"(1[568]\d{2})[-. ](\d{4})" + _EXTENSION)  # 1588-xxxx 대표번호
_REP_PLAIN_RE = re.compile(r"1[568]\d{6}")  # header only: 8-digit amounts look the same
_NUMLIKE_RE = re.compile(r"[+(]?\d[\d().+\- ]*")
_DIGITS_RE = re.compile(r"\d+")
_YEAR_PREFIX_RE = re.compile(r"(?:19|20)\d{2}[-./]")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_PASSPORT_RE = re.compile(r"[MSROD](?:\d{8}|\d{3}[A-Z]\d{4})")
_DRIVER_REGIONS = (
    "서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산|세종"
)
_DRIVER_REGION_RE = re.compile(
    rf"(?:{_DRIVER_REGIONS})(?:남부|북부)?\s?\d{{2}}[- ]?\d{{6}}[- ]?\d{{2}}"
)
_HANGUL_RE = re.compile(r"[가-힣]")
_NAME_RE = re.compile(r"([가-힣]{2,4}|[가-힣][*○●◯xXㅇ]{1,2}[가-힣]?)(?:\s*외\s*\d+\s*[명인])?")

# Embedded in free text. Bounded by non-digits so longer digit runs never match.
_EMB_RE = re.compile(
    r"(?<![\d-])(?P<d6>\d{6})\s?-\s?(?P<d7>\d{7})(?![\d-])"
    r"|(?<!\d)(?P<d13>\d{13})(?!\d)"
    r"|(?<!\d)(?P<mob>(?:\+82[-. ]?\(?0?|\(?0)1[016789]\)?[-. ]?\d{3,4}[-. ]?\d{4})(?!\d)"
)
_EMB_EMAIL_RE = re.compile(r"(?<![\w.+\-])" + _EMAIL_RE.pattern)
# Runs of digits and separators; the exact patterns above run only on these (fast on long text).
_DIGIT_RUN_RE = re.compile(r"[\d+(][\d\s().+\-]{8,}\d")
_LONG_TEXT = 150  # longer values are free text: only embedded numbers are looked for

# Addresses: a road (…로/…길 + number) or lot (…동/리/가 + number) address, then a unit part.
_ADDR_BASE_RE = re.compile(
    r"[가-힣][가-힣\d·.]*(?:로|길)\s*\d|[가-힣][가-힣\d]*(?:동|리|가)\s*(?:산\s*)?\d|[시군구]\s"
)
_UNIT_HO_RE = re.compile(r"(?<![\d])[A-Za-z]?-?\d{1,5}\s*호(?![선점기차관텔])")
_UNIT_FLOOR_RE = re.compile(r"(?:지하\s*|[Bb])?\d{1,3}\s*층")
_UNIT_DONG_HO_RE = re.compile(r"\d{1,4}\s*동\s*\d{1,5}\s*호")
_UNIT_ONLY_RE = re.compile(
    r"(?:[가-힣A-Za-z]+\s*)?(?:\d{1,4}\s*동\s*)?(?:(?:지하\s*|[Bb])?\d{1,3}\s*층\s*)?"
    r"(?:[A-Za-z]?\d{1,5}\s*호실?)?"
)
_ADDR_KEEP_RE = re.compile(
    r"[가-힣][가-힣\d·.]*(?:로|길)(?=\s|\d|,|$)|[가-힣][가-힣\d]*(?:동|리|가)(?=\s|\d|,|$)"
)

_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원"
    "천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태"
    "목형계피두감음빈동온호범좌팽승간상갈단견당화창옹순빙종풍궁군뇌묵자판시근로리독개요매"
)
_COMPOUND_SURNAMES = frozenset(("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"))

# --- header cues -------------------------------------------------------------------------------
_KO_CUES: dict[str, tuple[str, ...]] = {
    "rrn": ("주민등록번호", "주민번호", "주민등록no", "주민no"),
    "foreigner_rrn": ("외국인등록번호", "외국인번호"),
    "mobile": ("휴대폰", "휴대전화", "핸드폰", "이동전화", "휴대번호", "모바일번호"),
    "phone": ("전화번호", "연락처", "전화", "연락번호"),
    "email": ("이메일", "전자우편", "메일주소", "e메일"),
    "passport": ("여권번호",),
    "driver_license": ("운전면허번호", "면허번호", "운전면허"),
    "business_no": ("사업자등록번호", "사업자번호", "사업자등록"),
    "corporate_no": ("법인등록번호", "법인번호"),
    "card": ("카드번호", "신용카드", "체크카드"),
    "account": ("계좌번호", "계좌", "입금계좌", "통장번호"),
    "address_detail": (
        "상세주소",
        "자택주소",
        "거주지",
        "주소상세",
        "집주소",
        "현주소",
        "세부주소",
        "나머지주소",
        "주민등록상주소",
    ),
}
_LATIN_CUES: dict[str, re.Pattern[str]] = {
    kind: re.compile(rf"\b(?:{pattern})\b")
    for kind, pattern in {
        "rrn": r"rrn|ssn|jumin(?: ?no)?|resident (?:registration )?(?:no|number)",
        "foreigner_rrn": r"(?:alien|foreigner) (?:registration )?(?:no|number)",
        "mobile": r"mobile(?: ?(?:no|number|phone))?|cell ?phone|hand ?phone|hp ?no",
        "phone": r"tel(?: ?no)?|telno|phone(?: ?(?:no|number))?|telephone",
        "email": r"e ?mail(?: ?addr(?:ess)?)?",
        "passport": r"passport(?: ?(?:no|number))?",
        "driver_license": r"drivers? ?licen[cs]e|driving ?licen[cs]e",
        "business_no": r"biz ?no|brno|business (?:registration )?(?:no|number)",
        "corporate_no": r"crno|corp(?:orate|oration)? (?:registration )?(?:no|number)",
        "card": r"card ?(?:no|num|number)|credit ?card",
        "account": r"account(?: ?(?:no|number))?|acct ?no|acnt ?no|bank ?account",
        "address_detail": r"addr(?:ess)? ?detail|detail ?addr(?:ess)?|home ?addr(?:ess)?",
    }.items()
}
# Always a person, whatever else the header says.
_PERSON_CUES = (
    "성명",
    "대표자",
    "환자",
    "보호자",
    "신청인",
    "신청자",
    "민원인",
    "소유자",
    "담당자",
    "성함",
    "예금주",
    "고객명",
    "수령인",
    "수취인",
    "납세자",
    "피보험자",
    "학생명",
    "직원명",
    "사원명",
    "회원명",
    "가입자",
    "운전자",
    "세대주",
    "대리인",
    "신고인",
    "신고자",
    "수급자",
    "대상자명",
    "이용자명",
    "작성자",
    "입금자",
    "의뢰인",
    "계약자",
    "임차인",
    "임대인",
    "채무자",
    "수상자",
    "당첨자",
    "강사명",
    "교사명",
    "의사명",
    "선수명",
    "대표이사",
    "책임자",
    "관리자명",
    "접수자",
    "처리자",
    "응시자",
    "피해자",
    "배우자",
)
# '이름' is a person only when no organisation or thing word is around (시설이름, 상품이름).
_GENERIC_PERSON_CUES = ("이름",)
_NOT_PERSON = (
    "기관",
    "시설",
    "업체",
    "회사",
    "법인",
    "단체",
    "상호",
    "학교",
    "병원",
    "상품",
    "제품",
    "사업",
    "프로그램",
    "파일",
    "도로",
    "지역",
    "행사",
    "과목",
    "품목",
    "건물",
    "단지",
    "노선",
    "정류",
    "업소",
    "점포",
    "매장",
    "센터",
    "공원",
    "약국",
    "협회",
    "장소",
    "성명서",
)
_LATIN_PERSON_RE = re.compile(
    r"\b(?:full ?name|person ?name|applicant(?: ?name)?|patient ?name|owner ?name|ceo ?name"
    r"|rprsntv ?nm|rprsv ?nm)\b"
)
_INSTITUTION_CUES = (
    "기관",
    "시설",
    "센터",
    "사무소",
    "사업소",
    "대표번호",
    "대표전화",
    "부서",
    "청사",
    "민원실",
    "팩스",
    "fax",
    "본부",
    "학교",
    "병원",
    "소재지",
    "사업장",
    "업소",
    "영업소",
    "점포",
    "매장",
    "회사",
    "업체",
    "주관",
    "관공서",
    "주민센터",
    "행정복지",
    "구청",
    "시청",
    "군청",
    "도청",
    "기업",
    "단체",
    "관리처",
    "상호",
)
_BRACKET_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}|<[^<>]*>|〔[^〔〕]*〕|【[^【】]*】")
_COMPACT_DROP_RE = re.compile(r"[\s|_\-./·:,]+")
_NON_LATIN_RE = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class _Header:
    display: str
    cues: dict[str, str]  # kind -> matched cue word
    person: str | None
    institutional: bool
    address_generic: bool


def _analyse_header(header: str) -> _Header:
    """Normalise the label (spaces, NBSP, case, bracketed units) and collect its cues."""
    raw = header if isinstance(header, str) else str(header or "")
    display = " ".join(raw.split())
    if len(display) > 40:
        display = display[:39] + "…"
    text = unicodedata.normalize("NFKC", raw).lower()
    inner = " ".join(m.group(0)[1:-1] for m in _BRACKET_RE.finditer(text))
    outer = _BRACKET_RE.sub(" ", text)
    # Bracket contents are matched on their own so a unit never glues onto a word.
    parts = [_COMPACT_DROP_RE.sub("", outer), _COMPACT_DROP_RE.sub("", inner)]
    compact = "|".join(p for p in parts if p)
    latin = " " + _NON_LATIN_RE.sub(" ", f"{outer} {inner}") + " "

    cues: dict[str, str] = {}
    for kind, words in _KO_CUES.items():
        hits = [w for w in words if w in compact]
        if hits:
            cues[kind] = max(hits, key=len)
    for kind, pattern in _LATIN_CUES.items():
        m = pattern.search(latin)
        if m and kind not in cues:
            cues[kind] = m.group(0)
    # '휴대전화번호' also contains '전화번호': the more specific cue wins.
    if "mobile" in cues and "phone" in cues and cues["phone"] in cues["mobile"] + "번호":
        del cues["phone"]
    if "foreigner_rrn" in cues and "rrn" in cues:
        del cues["rrn"]

    person = next((w for w in _PERSON_CUES if w in compact), None)
    if person == "성명" and "성명서" in compact:
        person = None
    if person is None and not any(w in compact for w in _NOT_PERSON):
        person = next((w for w in _GENERIC_PERSON_CUES if w in compact), None)
    if person is None:
        m = _LATIN_PERSON_RE.search(latin)
        person = m.group(0).strip() if m else None

    institutional = any(w in compact for w in _INSTITUTION_CUES)
    address_generic = "주소" in compact or bool(re.search(r"\baddr(?:ess)?\b", latin))
    return _Header(display, cues, person, institutional, address_generic)


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


def _birth_ok(d6: str, g: str, today: date) -> bool:
    year = _CENTURY[g] + int(d6[:2])
    month, day = int(d6[2:4]), int(d6[4:6])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    try:
        return date(year, month, day) <= today
    except ValueError:
        return False


@dataclass(slots=True)
class _Num13:
    hyphen: bool
    rrn_date: bool  # valid birth date and gender digit 1-4, 9, 0
    for_date: bool  # valid birth date and gender digit 5-8
    rrn_ck: bool
    for_ck: bool
    corp_ck: bool
    ean_ck: bool


def _num13(d: str, hyphen: bool, today: date) -> _Num13:
    g = d[6]
    born = _birth_ok(d[:6], g, today)
    check = int(d[12])
    is_for = g in "5678"
    rrn_sum = _weighted(d, _RRN_WEIGHTS) % 11 if born else -1
    return _Num13(
        hyphen=hyphen,
        rrn_date=born and not is_for,
        for_date=born and is_for,
        rrn_ck=born and not is_for and (11 - rrn_sum) % 10 == check,
        for_ck=born and is_for and (13 - rrn_sum) % 10 == check,
        corp_ck=corporate_check_digit(d) == check,
        ean_ck=not hyphen and _ean13_ok(d),
    )


# --- tally -------------------------------------------------------------------------------------
def _rep_is_year_range(m: re.Match[str]) -> bool:
    """'1592-1598' is a span of years, not a 대표번호."""
    a, b = int(m.group(1)), int(m.group(2))
    return 0 < b - a <= 300


def _is_phone(v: str) -> bool:
    if _PHONE_RE.fullmatch(v):
        return True
    m = _REP_RE.fullmatch(v)
    return m is not None and not _rep_is_year_range(m)


def _classify_number(v: str, c: Counter[str], r13: list[_Num13], hdr: _Header, today: date) -> str:
    """Digits with separators only: rrn family, business, driver, card, account."""
    groups = _DIGITS_RE.findall(v)
    lens = [len(g) for g in groups]
    digits = "".join(groups)
    nd = len(digits)
    plain = len(groups) == 1
    hyphenated = "-" in v and "(" not in v and "." not in v and "+" not in v
    cues = hdr.cues

    if nd == 13 and (plain or (lens == [6, 7] and "(" not in v and "." not in v)):
        r13.append(_num13(digits, not plain, today))
        return "num13"
    if nd == 10:
        if lens == [3, 2, 5] and hyphenated:
            c["biz_shape"] += 1
            c["biz_ck"] += business_check_digit(digits[:9]) == int(digits[9])
            return "business_no"
        if plain:
            c["plain10"] += 1
            c["plain10_ck"] += business_check_digit(digits[:9]) == int(digits[9])
            if ("mobile" in cues or "phone" in cues) and _MOBILE_NOZERO_RE.fullmatch(v):
                c["mobile"] += 1
                return "mobile"
            if "account" in cues:
                c["account"] += 1
                return "account"
            return "plain10"
    if nd == 12 and 11 <= int(digits[:2]) <= 28:
        if lens == [2, 2, 6, 2]:
            c["driver"] += 1
            return "driver_license"
        if plain and "driver_license" in cues:
            c["driver"] += 1
            return "driver_license"
    if 13 <= nd <= 19:
        grouped = lens in ([4, 4, 4, 4], [4, 6, 5], [4, 6, 4], [4, 4, 4, 4, 3], [4, 4, 4, 1])
        iin = digits[0] in "34569"
        if grouped or (plain and nd in (15, 16) and iin) or (plain and "card" in cues):
            ok = luhn_ok(digits)
            c["card_cand"] += 1
            c["card_luhn"] += ok
            if grouped:
                c["card_grouped"] += 1
                c["card_grouped_luhn"] += ok
            return "card"
    if 10 <= nd <= 16 and "account" in cues and (plain or hyphenated):
        c["account"] += 1
        return "account"
    if (
        10 <= nd <= 16
        and hyphenated
        and 2 <= len(groups) <= 5
        and all(2 <= n <= 8 for n in lens)
        and not _YEAR_PREFIX_RE.match(v)
    ):
        c["account"] += 1
        return "account"
    if plain and 8 <= nd <= 9 and "phone" in cues and _REP_PLAIN_RE.fullmatch(v):
        c["phone"] += 1
        return "phone"
    return ""


def _classify_text(v: str, c: Counter[str], hdr: _Header) -> str:
    """Values with letters or Hangul: e-mail, passport, licence with region, address, name."""
    if "@" in v and _EMAIL_RE.fullmatch(v):
        c["email"] += 1
        return "email"
    if len(v) == 9 and _PASSPORT_RE.fullmatch(v.upper()):
        c["passport"] += 1
        return "passport"
    if len(v) > _LONG_TEXT or not _HANGUL_RE.search(v):
        return ""
    if _DRIVER_REGION_RE.fullmatch(v):
        c["driver"] += 1
        return "driver_license"
    if hdr.person and len(v) <= 12:
        m = _NAME_RE.fullmatch(v)
        if m and (m.group(1)[0] in _SURNAMES or m.group(1)[:2] in _COMPOUND_SURNAMES):
            c["name"] += 1
            return "person_name"
    ho = _UNIT_HO_RE.search(v) if "호" in v else None
    floor = None if ho or "층" not in v else _UNIT_FLOOR_RE.search(v)
    unit = ho or floor
    if unit is None:
        return ""
    base = _ADDR_BASE_RE.search(v)
    if base is not None and base.start() <= unit.start():
        c["addr_ho" if ho else "addr_floor"] += 1
        return "address_detail"
    if base is None and _UNIT_ONLY_RE.fullmatch(v):
        c["addr_unit_strong" if _UNIT_DONG_HO_RE.search(v) else "addr_unit_only"] += 1
        return "address_detail"
    return ""


def _embedded_id(d: str, hyphen: bool, today: date) -> str:
    """rrn / foreigner_rrn found inside text: hyphenated needs a birth date, plain a check digit."""
    g = d[6]
    if not _birth_ok(d[:6], g, today):
        return ""
    if g in "5678":
        return "emb_for" if hyphen or foreigner_check_digit(d[:12]) == int(d[12]) else ""
    return "emb_rrn" if hyphen or rrn_check_digit(d[:12]) == int(d[12]) else ""


def _embedded(v: str, c: Counter[str], whole: str, today: date) -> None:
    """Count a mobile number, rrn or e-mail sitting inside a longer value."""
    if whole != "email" and "@" in v:
        at = v.find("@")
        if _EMB_EMAIL_RE.search(v, max(0, at - 64)):
            c["emb_email"] += 1
    mobile = whole == "mobile"
    ident = whole == "num13"
    for run in _DIGIT_RUN_RE.finditer(v):
        for m in _EMB_RE.finditer(run.group(0)):
            if m.group("mob"):
                if not mobile:
                    c["emb_mobile"] += 1
                    mobile = True
            elif not ident:
                d13 = m.group("d13")
                key = _embedded_id(d13 or m.group("d6") + m.group("d7"), d13 is None, today)
                if key:
                    c[key] += 1
                    ident = True
            if mobile and ident:
                return


# Whole-value kinds that cannot also hide a mobile number or rrn inside them.
_NO_EMBED = frozenset(
    {"mobile", "email", "phone", "num13", "card", "business_no", "driver_license", "plain10"}
)


def _normalise(raw: object) -> str:
    v = raw if isinstance(raw, str) else str(raw)
    if _NEEDS_TRANS_RE.search(v):
        v = v.translate(_TRANS)
    return v.strip()


def _tally(values: Sequence[str], hdr: _Header) -> Counter[str]:
    today = date.today()
    c: Counter[str] = Counter()
    r13: list[_Num13] = []
    for raw in values:
        v = _normalise(raw)
        if not v:
            continue
        if v.lower() in _PLACEHOLDERS or _ALL_MASK_RE.fullmatch(v):
            c["placeholder"] += 1
            continue
        c["n"] += 1
        whole = ""
        if v[0].isdigit() or v[0] in "+(":
            if _MOBILE_RE.fullmatch(v):
                c["mobile"] += 1
                whole = "mobile"
            elif _is_phone(v):
                c["phone"] += 1
                whole = "phone"
            elif _NUMLIKE_RE.fullmatch(v):
                whole = _classify_number(v, c, r13, hdr, today)
        if not whole:
            whole = _classify_text(v, c, hdr)
        if len(v) >= 11 and whole not in _NO_EMBED:
            _embedded(v, c, whole, today)
    _resolve13(r13, hdr, c)
    return c


def _resolve13(r13: list[_Num13], hdr: _Header, c: Counter[str]) -> None:
    """Decide rrn / foreigner_rrn / corporate_no for 13-digit values at column level.

    Random 13-digit numbers pass any one check digit one time in ten, so a column of 법인등록번호
    holds a few values that also pass the rrn rule, and a column of 880… barcodes holds values
    with plausible birth dates. Those are settled by looking at the whole column first.
    """
    if not r13:
        return
    id_cue = "rrn" in hdr.cues or "foreigner_rrn" in hdr.cues
    plain = [r for r in r13 if not r.hyphen]
    if len(plain) >= 3 and sum(r.ean_ck for r in plain) >= 0.8 * len(plain) and not id_cue:
        c["ean13"] += len(plain)
        r13 = [r for r in r13 if r.hyphen]
    n13 = len(r13)
    c["n13"] = n13
    corp = sum(r.corp_ck for r in r13)
    rrn_ck = sum(r.rrn_ck for r in r13)
    corp_cue = "corporate_no" in hdr.cues
    corp_mode = n13 > 0 and (
        (corp >= 0.6 * n13 and rrn_ck * 2 < corp) or (corp_cue and corp >= 0.5 * n13)
    )
    for r in r13:
        if corp_mode:
            if r.rrn_ck and not r.corp_ck:
                c["rrn"] += 1
                c["rrn_ck"] += 1
            else:
                c["corp"] += 1
                c["corp_ck"] += r.corp_ck
        elif r.rrn_ck:
            c["rrn"] += 1
            c["rrn_ck"] += 1
            c["rrn_ck_hy"] += r.hyphen
            c["rrn_hy"] += r.hyphen
        elif r.for_ck:
            c["for"] += 1
            c["for_ck"] += 1
            c["for_ck_hy"] += r.hyphen
            c["for_hy"] += r.hyphen
        elif r.corp_ck:
            c["corp"] += 1
            c["corp_ck"] += 1
        elif r.rrn_date:
            c["rrn"] += 1
            c["rrn_hy"] += r.hyphen
        elif r.for_date:
            c["for"] += 1
            c["for_hy"] += r.hyphen


# --- decision ----------------------------------------------------------------------------------
def _pct(k: int, n: int) -> str:
    if n <= 0 or k <= 0:
        return "0%"
    p = 100.0 * k / n
    if p < 1:
        return f"1% 미만({k}건)"
    r = round(p)
    if r >= 100 and k < n:
        r = 99
    return f"{r}%"


@dataclass(slots=True)
class _Cand:
    kind: str
    share: float
    reason: str
    count: int


def _id_candidate(kind: str, c: Counter[str], n: int, threshold: float) -> _Cand | None:
    """rrn / foreigner_rrn: share, a single checksum hit, or ≥5% hyphenated or in text."""
    key = "rrn" if kind == "rrn" else "for"
    whole, ck, emb = c[key], c[f"{key}_ck"], c[f"emb_{key}"]
    total = whole + emb
    if not total:
        return None
    share = total / n
    leak = ck >= 1 and (c[f"{key}_ck_hy"] >= 1 or ck >= CHECKSUM_RATIO * max(c["n13"], 1))
    spotted = (c[f"{key}_hy"] + emb) / n >= EMBED_SHARE
    if not (share >= threshold or leak or spotted):
        return None
    label = PII_KINDS[kind]
    if whole and ck == whole and not emb:
        reason = f"값의 {_pct(total, n)}가 {label} 형식(생년월일·검증번호 일치)"
    elif whole:
        reason = (
            f"값의 {_pct(total, n)}가 {label} 형식(생년월일·성별자리 유효, 검증번호 일치 {ck}건;"
            " 2020년 10월 이후 번호는 검증번호가 없음)"
        )
    else:
        reason = f"값의 {_pct(total, n)}에 {label}가 글 속에 들어 있음"
    if whole and emb:
        reason += f", 글 속 포함 {emb}건"
    return _Cand(kind, share, reason, total)


def _value_candidates(c: Counter[str], hdr: _Header) -> list[_Cand]:
    n = c["n"]
    if n == 0:
        return []
    cues = hdr.cues
    out: list[_Cand] = []

    def thr(kind: str, base: float) -> float:
        return min(base, HEADER_SHARE) if kind in cues else base

    id_cue = "rrn" in cues or "foreigner_rrn" in cues
    for kind in ("rrn", "foreigner_rrn"):
        cand = _id_candidate(kind, c, n, HEADER_SHARE if id_cue else STRONG_SHARE)
        if cand:
            out.append(cand)

    mobile = c["mobile"] + c["emb_mobile"]
    if mobile and (c["mobile"] / n >= thr("mobile", STRONG_SHARE) or mobile / n >= EMBED_SHARE):
        reason = f"값의 {_pct(mobile, n)}가 휴대전화번호 형식"
        if c["emb_mobile"]:
            reason = f"값의 {_pct(mobile, n)}에 휴대전화번호가 있음(글 속 포함 {c['emb_mobile']}건)"
        out.append(_Cand("mobile", mobile / n, reason, mobile))

    email = c["email"] + c["emb_email"]
    if email and (c["email"] / n >= thr("email", STRONG_SHARE) or email / n >= EMBED_SHARE):
        reason = f"값의 {_pct(email, n)}가 이메일 주소 형식"
        if c["emb_email"]:
            reason = f"값의 {_pct(email, n)}에 이메일 주소가 있음(글 속 포함 {c['emb_email']}건)"
        out.append(_Cand("email", email / n, reason, email))

    if c["phone"] and c["phone"] / n >= thr("phone", WEAK_SHARE):
        reason = f"값의 {_pct(c['phone'], n)}가 전화번호 형식(기관 대표번호일 수 있음)"
        if c["mobile"]:
            reason += f", 휴대전화번호 {_pct(c['mobile'], n)} 포함"
        out.append(_Cand("phone", c["phone"] / n, reason, c["phone"]))

    luhn, cand = c["card_luhn"], c["card_cand"]
    shape = luhn + c["card_grouped"] - c["card_grouped_luhn"]
    card_leak = luhn >= 1 and (c["card_grouped_luhn"] >= 1 or luhn >= CHECKSUM_RATIO * cand)
    if shape and (
        luhn / n >= thr("card", STRONG_SHARE) or card_leak or shape / n >= thr("card", WEAK_SHARE)
    ):
        reason = f"값의 {_pct(shape, n)}가 카드번호 형식(Luhn 검증 일치 {luhn}건)"
        out.append(_Cand("card", shape / n, reason, shape))

    biz_ck = c["biz_ck"]
    biz = c["biz_shape"]
    if c["plain10"] and ("business_no" in cues or c["plain10_ck"] >= 0.8 * c["plain10"] >= 3):
        biz_ck += c["plain10_ck"]
        biz += c["plain10"] if "business_no" in cues else c["plain10_ck"]
    if biz and (
        biz_ck / n >= thr("business_no", STRONG_SHARE) or biz / n >= thr("business_no", SHAPE_SHARE)
    ):
        reason = f"값의 {_pct(biz, n)}가 사업자등록번호 형식(검증번호 일치 {biz_ck}건)"
        out.append(_Cand("business_no", biz / n, reason, biz))

    corp, corp_ck = c["corp"], c["corp_ck"]
    if corp and (
        corp_ck / n >= thr("corporate_no", STRONG_SHARE)
        or corp / n >= thr("corporate_no", SHAPE_SHARE)
    ):
        reason = f"값의 {_pct(corp, n)}가 법인등록번호 형식(검증번호 일치 {corp_ck}건)"
        out.append(_Cand("corporate_no", corp / n, reason, corp))

    for kind, key, base, what in (
        ("passport", "passport", PASSPORT_SHARE, "여권번호"),
        ("driver_license", "driver", WEAK_SHARE, "운전면허번호"),
        ("account", "account", ACCOUNT_SHARE, "계좌번호(숫자 묶음)"),
    ):
        k = c[key]
        if k and k / n >= thr(kind, base):
            out.append(_Cand(kind, k / n, f"값의 {_pct(k, n)}가 {what} 형식", k))

    # A floor alone ('지하1층', '2층') is how business premises are written in every 인허가
    # file, so it counts only under a personal-address header (자택주소, 상세주소, 거주지).
    addr = c["addr_ho"] + c["addr_unit_strong"]
    if "address_detail" in cues and not hdr.institutional:
        addr += c["addr_floor"]
    if hdr.address_generic or "address_detail" in cues:
        addr += c["addr_unit_only"]
    addr_thr = WEAK_SHARE if not (hdr.address_generic or "address_detail" in cues) else 0.2
    if addr and addr / n >= min(addr_thr, thr("address_detail", addr_thr)):
        reason = f"값의 {_pct(addr, n)}가 동·호수·층이 있는 상세주소"
        if hdr.institutional:
            reason += "(사업장·시설 주소일 수 있음)"
        out.append(_Cand("address_detail", addr / n, reason, addr))

    if hdr.person and c["name"] and c["name"] / n >= NAME_SHARE:
        reason = f"값의 {_pct(c['name'], n)}가 사람 이름 형식(성씨로 시작하는 한글 2~4자)"
        out.append(_Cand("person_name", c["name"] / n, reason, c["name"]))
    return out


def _loosely_fits(kind: str, v: str) -> bool:
    """Could this value belong to a column of the kind (masked, partial or odd formatting)?"""
    if kind == "email":
        return "@" in v
    if kind == "address_detail":
        return bool(_HANGUL_RE.search(v))
    if kind == "person_name":
        return len(v) <= 12 and bool(_NAME_RE.fullmatch(v))
    if kind == "passport":
        return 7 <= len(v) <= 10 and v[0].isalpha() and v.replace("*", "0").isalnum()
    chars = [ch for ch in v if not ch.isspace()]
    core = sum(1 for ch in chars if ch.isdigit() or ch in _MASK_CHARS)
    return core >= 7 and core >= 0.5 * len(chars)


def _header_consistent(kind: str, values: Sequence[str]) -> bool:
    """Header-only findings need values that do not contradict the cue ('이메일수신여부' → Y/N)."""
    total = fit = 0
    for raw in values:
        v = _normalise(raw)
        if not v:
            continue
        total += 1
        if v.lower() in _PLACEHOLDERS or _ALL_MASK_RE.fullmatch(v) or _loosely_fits(kind, v):
            fit += 1
    return total == 0 or fit >= CONSISTENT_SHARE * total


def detect_pii(header: str, values: Sequence[str]) -> PiiFinding | None:
    """Return the most serious kind of personal data the column holds, or None.

    ``values`` are distinct, stripped, non-blank sample strings. Value evidence wins over the
    header; a header cue lowers the value thresholds and alone suffices when values fit it.
    """
    hdr = _analyse_header(header)
    counts = _tally(values, hdr)
    cands = _value_candidates(counts, hdr)
    if cands:
        best = max(
            cands,
            key=lambda x: (x.kind in _TOP_TIER, x.share, -_PRIORITY.index(x.kind)),
        )
        family = _FAMILY.get(best.kind, best.kind)
        cue = next((k for k in hdr.cues if _FAMILY.get(k, k) == family), None)
        if cue is None and best.kind == "person_name":
            cue = "person_name"
        if cue is not None:
            return PiiFinding(
                best.kind,
                round(best.share, 4),
                f"{best.reason} · 머리글 '{hdr.display}'도 일치",
                "values+header",
            )
        return PiiFinding(best.kind, round(best.share, 4), best.reason, "values")

    header_kinds = sorted(hdr.cues, key=_PRIORITY.index)
    if hdr.person and counts["n"] == 0:
        header_kinds.append("person_name")
    for kind in header_kinds:
        if _header_consistent(kind, values):
            reason = f"머리글 '{hdr.display}'에 개인정보 단어가 있음"
            return PiiFinding(kind, 0.0, reason, "header")
    return None


# --- masking -----------------------------------------------------------------------------------
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
    if _UNIT_HO_RE.search(norm) or _UNIT_FLOOR_RE.search(norm) or _UNIT_DONG_HO_RE.search(norm):
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
    norm = text.translate(_TRANS)  # same length, so spans map back onto ``text``

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

    if kind == "address_detail":
        return _mask_address(text, norm)

    if kind == "person_name":
        m = _MASK_NAME_RE.fullmatch(norm)
        if m:
            s, e = m.span(2)
            name = text[s:e]
            masked = name[0] + "*" if len(name) == 2 else name[0] + "*" * (len(name) - 2) + name[-1]
            return text[:s] + masked + text[e:]
        return _mask_rest(text)

    return _mask_rest(text)
