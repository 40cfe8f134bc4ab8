"""What a column's values are, in the terms the matcher ranks by.

``summarise`` reduces the scanner's ``ColumnProfile`` to ``Values``: type shares, byte length,
digits and decimals, date format, the share of years and months, and the semantic type the values
clearly have (region names, addresses, URLs, phone numbers, personal data the profiler found).

Split from ``matcher`` because reading the values needs no dictionary: ``fit`` scores a
``Values`` against a 도메인, and ``Matcher`` uses it to add value-named terms and size proposals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalog_app.matching.clean import SIDO_NAMES, is_total_word
from catalog_app.matching.signatures import signature

if TYPE_CHECKING:
    from catalog_app.scan.models import ColumnProfile

__all__ = ["SEMANTIC_LABEL", "SEMANTIC_TERMS", "Values", "profile_of", "summarise"]

_EMPTY = "empty"

# Semantic value types -> (abbreviation tokens of the terms about them, the plain such term).
# By 영문약어명, which is stable across editions (a term's name and domain may change between editions).
SEMANTIC_TERMS = {
    "sido": (("CTPV", "NM"), "CTPV_NM"),
    "sgg": (("SGG", "NM"), "SGG_NM"),
    "road_addr": (("ROAD", "NM", "ADDR"), "ROAD_NM_ADDR"),
    "lot_addr": (("LOTNO", "ADDR"), "LOTNO_ADDR"),
    "addr": (("ADDR",), "LCTN_ADDR"),
    "url": (("HMPG", "ADDR"), "HMPG_ADDR"),
    "phone": (("TELNO",), "TELNO"),
    "email": (("EML", "ADDR"), "EML_ADDR"),
    # personal data found by the profiler (scan/pii/) from the values
    "mobile": (("TELNO",), "MBL_TELNO"),
    "rrn": (("RRNO",), "RRNO"),
    "foreigner_rrn": (("FRNO",), "FRNO"),
    "passport": (("PNO",), "PNO"),
    "driver_license": (("DLN",), "DLN"),
    "business_no": (("BRNO",), "BRNO"),
    "corporate_no": (("CRNO",), "CRNO"),
    "card": (("CRCD", "NO"), "CRCD_NO"),
    "account": (("ACTNO",), "ACTNO"),
    "address_detail": (("DADDR",), "DADDR"),
    # value signatures (signatures.py): official code lists, 읍면동 names, coordinates
    "legal_dong_code": (("STDG", "CD"), "STDG_CD"),
    "sgg_code": (("SGG", "CD"), ""),
    "org_code": (("INST", "CD"), "INST_CD"),
    "emd_name": (("DONG", "NM"), "DONG_NM"),
    "lat": (("LAT",), "LAT"),
    "lon": (("LOT",), "LOT"),
}
SEMANTIC_LABEL = {
    "sido": "광역 시·도 이름",
    "sgg": "시·군·구 이름",
    "road_addr": "도로명 주소",
    "lot_addr": "지번 주소",
    "addr": "주소",
    "url": "인터넷 주소",
    "phone": "전화 번호",
    "email": "이메일 주소",
    "mobile": "휴대전화번호",
    "rrn": "주민등록번호",
    "foreigner_rrn": "외국인등록번호",
    "passport": "여권번호",
    "driver_license": "운전면허번호",
    "business_no": "사업자등록번호",
    "corporate_no": "법인등록번호",
    "card": "카드번호",
    "account": "계좌번호",
    "address_detail": "상세주소",
    "legal_dong_code": "법정동코드",
    "sgg_code": "시군구코드",
    "org_code": "기관코드",
    "emd_name": "읍면동 이름",
    "lat": "위도",
    "lon": "경도",
}
_HAS_DIGIT = re.compile(r"\d")
_ADDR_START = re.compile(
    "^(?:" + "|".join(sorted(SIDO_NAMES - {"전국"}, key=len, reverse=True)) + r")\s"
)
_ROAD = re.compile(r"[가-힣0-9]+(?:로|길)\s*\d")
_LOT = re.compile(r"[가-힣0-9]+(?:동|리|가|읍|면)\s*(?:산\s*)?\d+(?:-\d+)?")
_SGG = re.compile(r"^[가-힣]{1,5}(?:시|군|구)$")
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_URL = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
_PHONE = re.compile(r"^\(?0\d{1,2}\)?[-. ]?[\d*]{3,4}[-. ][\d*]{4}$|^1[5-9]\d{2}-\d{4}$")
_YM = re.compile(r"^(?:19|20)\d{2}[-./]?(?:0[1-9]|1[0-2])$")
_YEAR_TEXT = re.compile(r"^(?:19|20)\d{2}년?도?$")


@dataclass
class Values:
    """The parts of a column profile the ranking looks at."""

    n: int
    main: str
    share: dict[str, float]
    max_bytes: int
    decimals: int
    int_digits: int
    date_format: str | None
    texts: list[str]
    semantic: str | None
    years: float  # share of integer/text values that are years
    months: float  # share of values 1..12
    year_months: float
    evidence: str | None = None  # Korean reason line of a value signature (signatures.py)


def _digits(text: str | None) -> int:
    """Integer digits of a number as written ('1,395.5' -> 4), compared with NUMERIC lengths."""
    if not text:
        return 0
    core = text.replace(",", "").lstrip("+-").split(".")[0]
    return len(core.lstrip("0")) or 1


def proposal_size(word, domains, vals: Values | None) -> int | None:
    """What a new term's domain is sized by (``rules.propose_domain``'s ``max_bytes``): bytes
    for a text class, digits for a NUMERIC one; None without values. The matcher's proposal and
    the T1 check's '신규 용어 후보' both size through this, so they name the same domain."""
    if vals is None or vals.n == 0:
        return None
    numeric = any(
        d.data_type == "NUMERIC" for d in domains.values() if d.domain_class == word.domain_class
    )
    if numeric:
        return vals.int_digits + vals.decimals if vals.main in ("integer", "decimal") else None
    return vals.max_bytes or None


def sizing(profile: ColumnProfile | None) -> Values | None:
    """The few figures of :func:`summarise` that :func:`proposal_size` reads, without the value
    signatures (cheap enough for every checked column)."""
    if profile is None:
        return None
    n = sum((profile.type_counts or {}).values())
    if n == 0 or profile.inferred_type == _EMPTY:
        return None
    int_digits = 0
    if profile.inferred_type in ("integer", "decimal"):
        int_digits = max(_digits(profile.min_value), _digits(profile.max_value))
    return Values(
        n=n,
        main=profile.inferred_type,
        share={},
        max_bytes=profile.max_len_bytes,
        decimals=profile.decimal_places,
        int_digits=int_digits,
        date_format=profile.date_format,
        texts=[],
        semantic=None,
        years=0.0,
        months=0.0,
        year_months=0.0,
    )


def profile_of(header: str, values: Sequence[str]) -> ColumnProfile:
    """The scanner's own profile of the sample values, so ranking sees what the catalog sees."""
    from catalog_app.scan.profile import ColumnAccumulator

    acc = ColumnAccumulator(0, header)
    acc.update(tuple(values))
    return acc.finish()


def summarise(profile: ColumnProfile | None) -> Values | None:
    """The ranking's view of a ColumnProfile (None when there are no values)."""
    if profile is None:
        return None
    counts = profile.type_counts or {}
    n = sum(counts.values())
    if n == 0 or profile.inferred_type == _EMPTY:
        return None
    share = {k: c / n for k, c in counts.items()}
    top = profile.top_values
    texts = [str(v) for v, _ in top] if top else [str(s) for s in profile.samples]
    texts = [t for t in texts if t and not is_total_word(t)]
    int_digits = 0
    if profile.inferred_type in ("integer", "decimal"):
        int_digits = max(_digits(profile.min_value), _digits(profile.max_value))
    years = months = year_months = 0.0
    if texts:
        # one pass over the few texts (this runs for every column a job ranks)
        y = m = ym = 0
        year_text, year_month = _YEAR_TEXT.match, _YM.match
        for t in texts:
            if year_text(t.replace(",", "")):
                y += 1
            if t.isdigit() and 1 <= int(t) <= 12:
                m += 1
            if year_month(t):
                ym += 1
        k = len(texts)
        years, months, year_months = y / k, m / k, ym / k
    semantic = _pii_semantic(profile) or (
        _semantic_type(texts) if share.get("text", 0) >= 0.5 else None
    )
    evidence = None
    if semantic is None:
        sig = signature(texts, profile.inferred_type, profile.min_value, profile.max_value)
        if sig is not None:
            semantic, evidence = sig.kind, sig.reason
    return Values(
        n=n,
        main=profile.inferred_type,
        share=share,
        max_bytes=profile.max_len_bytes,
        decimals=profile.decimal_places,
        int_digits=int_digits,
        date_format=profile.date_format,
        texts=texts,
        semantic=semantic,
        years=years,
        months=months,
        year_months=year_months,
        evidence=evidence,
    )


def _pii_semantic(profile) -> str | None:
    """Personal data the profiler recognised in the values themselves (not from the header);
    a verdict of "not personal" (a business phone) still says what the values are."""
    pii = getattr(profile, "privacy", None) or getattr(profile, "pii", None)
    if pii is None or "values" not in pii.source or pii.kind not in SEMANTIC_TERMS:
        return None
    return pii.kind


def _semantic_type(texts: list[str]) -> str | None:
    """What text values clearly are: region names, addresses, URLs, phone numbers."""
    vals = [t.strip() for t in texts if t.strip()]
    if not vals:
        return None
    n = len(vals)

    def share(pred) -> float:
        return sum(1 for t in vals if pred(t)) / n

    if share(lambda t: t in SIDO_NAMES) >= 0.8:
        return "sido"
    if share(lambda t: _SGG.match(t) is not None and t not in SIDO_NAMES) >= 0.8:
        return "sgg"
    if share(lambda t: _URL.match(t) is not None) >= 0.8:
        return "url"
    if share(lambda t: _PHONE.match(t) is not None) >= 0.8:
        return "phone"
    if share(lambda t: _EMAIL.match(t) is not None) >= 0.8:
        return "email"
    if share(lambda t: _ADDR_START.match(t) is not None and _HAS_DIGIT.search(t)) >= 0.8:
        road = share(lambda t: _ROAD.search(t) is not None)
        lot = share(lambda t: _LOT.search(t) is not None and _ROAD.search(t) is None)
        if road >= 0.8:
            return "road_addr"
        if lot >= 0.8:
            return "lot_addr"
        return "addr"
    return None
