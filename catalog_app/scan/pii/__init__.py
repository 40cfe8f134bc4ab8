"""Personal data (개인정보) in a column: detect it from the header and sample values, mask values.

Sample and top values of a flagged column are masked before they are stored, so a finding errs on
the side of reporting and ``mask_value`` never lets the identifying part of a value through, even
for values that do not look like the kind at all. Everything here is stdlib and precompiled: a
column of 2,000 sample values is classified in a few milliseconds.

This package's ``__init__`` is the public face and the column-level decision (which kind, how
sure, why); the parts are its submodules: ``pii.patterns`` (value shapes and check digits),
``pii.headers`` (header-word cues), ``pii.tally`` (counting sample values per kind),
``pii.sensitive`` (민감정보 categories), ``pii.mask`` (masking), ``pii.label`` and ``pii.scrub``
(personal values in column labels and free text). What a finding means — personal data or not,
a quasi-identifier — is settled per table by ``pii.context`` once every column of the table is
profiled (issue 14).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from catalog_app.scan.models import ColumnEvidence
from catalog_app.scan.pii.headers import HeaderCues, analyse_header
from catalog_app.scan.pii.mask import mask_value
from catalog_app.scan.pii.patterns import (
    AGE_BAND_RE,
    AGE_RE,
    ALL_MASK_RE,
    GENDER_WORDS,
    HANGUL_RE,
    NAME_RE,
    PLACEHOLDERS,
    business_check_digit,
    corporate_check_digit,
    foreigner_check_digit,
    luhn_ok,
    normalise,
    rrn_check_digit,
)
from catalog_app.scan.pii.sensitive import SENSITIVE_KINDS, values_fit
from catalog_app.scan.pii.tally import tally

__all__ = [
    "PII_KINDS",
    "PiiFinding",
    "business_check_digit",
    "corporate_check_digit",
    "detect_pii",
    "inspect_column",
    "foreigner_check_digit",
    "luhn_ok",
    "mask_value",
    "rrn_check_digit",
]

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
    # issue 14
    "birth_date": "생년월일",
    "rrn_partial": "주민등록번호(일부)",
    "vehicle_no": "차량번호",
    "address": "주소",
    "gender": "성별",
    "age": "나이",
    "sex_age": "성별+나이",
    "region": "거주지역",
    "event_date": "날짜(사건일)",
    "attribute": "인적 속성(직업·국적 등)",
    **SENSITIVE_KINDS,
    "other": "기타 개인정보",
}
# Kinds that identify no one alone but narrow a person down with others (the re-identification
# check counts them); personal data only as part of such a combination.
QUASI_ONLY_KINDS = frozenset({"gender", "age", "sex_age", "region", "event_date", "attribute"})
# Kinds that are also quasi-identifiers when left open (birth dates, addresses, partial numbers).
QUASI_KINDS = QUASI_ONLY_KINDS | {"birth_date", "rrn_partial", "address", "address_detail"}


@dataclass(frozen=True, slots=True)
class PiiFinding:
    """Why a column was flagged; stored with the column so a clerk can judge the call."""

    kind: str  # one of PII_KINDS
    share: float  # share (0..1) of the informative values that match; 0.0 when header only
    reason: str  # short Korean reason shown to the clerk
    source: str  # 'values', 'header' or 'values+header' ('table' after the table judgement)
    personal: bool = True  # personal data (masked, closed by default); see pii.context
    quasi_identifier: bool = False
    sensitive: bool = False


def finding(kind: str, share: float, reason: str, source: str) -> PiiFinding:
    """A column-level finding with the flags its kind carries (the table may change them)."""
    return PiiFinding(
        kind,
        share,
        reason,
        source,
        personal=kind not in QUASI_ONLY_KINDS,
        quasi_identifier=kind in QUASI_KINDS,
        sensitive=kind in SENSITIVE_KINDS,
    )


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
    "rrn_partial",
    "passport",
    "driver_license",
    "card",
    "account",
    "corporate_no",
    "business_no",
    "mobile",
    "email",
    "phone",
    "vehicle_no",
    "birth_date",
    "address_detail",
    "person_name",
    *SENSITIVE_KINDS,
    "sex_age",
    "age",
    "gender",
)
_FAMILY = {
    "mobile": "tel",
    "phone": "tel",
    "rrn": "id",
    "foreigner_rrn": "id",
    "rrn_partial": "id",
    "age": "age",
    "sex_age": "age",
}
# Characters of a masked value (010-****-5678): header-only findings accept them as digits.
_MASK_CHARS = frozenset("*#●○◯xX")


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


def _value_candidates(c: Counter[str], hdr: HeaderCues) -> list[_Cand]:
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
        reason = f"값의 {_pct(c['phone'], n)}가 전화번호 형식"
        if hdr.institutional:
            reason += "(기관 대표번호일 수 있음)"
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
    out.extend(_issue14_candidates(c, hdr, n))
    return out


def _issue14_candidates(c: Counter[str], hdr: HeaderCues, n: int) -> list[_Cand]:
    """Partial 주민등록번호, 생년월일, 차량번호, sex and age (issue 14)."""
    cues = hdr.cues
    out: list[_Cand] = []
    partial = c["rrn_partial"]
    front = c["six_date"] + c["digit_1_8"] if "rrn" in cues else 0
    if partial / n >= (HEADER_SHARE if "rrn" in cues else STRONG_SHARE) or front / n >= 0.5:
        k = partial + front
        if partial:
            what = "앞 6자리와 뒷자리 첫 숫자(성별)"
        elif c["digit_1_8"] >= c["six_date"]:
            what = "뒷자리 첫 숫자(성별·세기)"
        else:
            what = "앞 6자리(생년월일)"
        reason = f"값의 {_pct(k, n)}가 주민등록번호의 {what}"
        out.append(_Cand("rrn_partial", min(k / n, 1.0), reason, k))
    if "birth_date" in cues and c["birth"] / n >= CONSISTENT_SHARE:
        reason = f"값의 {_pct(c['birth'], n)}가 1900년 이후 날짜(생년월일)"
        out.append(_Cand("birth_date", c["birth"] / n, reason, c["birth"]))
    vehicle = c["vehicle"]
    if vehicle and vehicle / n >= (HEADER_SHARE if "vehicle_no" in cues else WEAK_SHARE):
        reason = f"값의 {_pct(vehicle, n)}가 차량번호 형식(숫자+용도 글자+4자리)"
        out.append(_Cand("vehicle_no", vehicle / n, reason, vehicle))
    if c["sex_age"] and c["sex_age"] / n >= 0.6:
        reason = f"값의 {_pct(c['sex_age'], n)}가 성별과 나이를 함께 적은 값"
        out.append(_Cand("sex_age", c["sex_age"] / n, reason, c["sex_age"]))
    age = c["age"] + c["age_band"] + c["birth_year"]
    if "age" in cues and age / n >= 0.8:
        band = " (연령대)" if c["age_band"] >= c["age"] else ""
        if c["birth_year"] > c["age"] + c["age_band"]:
            band = " (출생연도)"
        out.append(_Cand("age", age / n, f"값의 {_pct(age, n)}가 나이{band}", age))
    gender = c["gender"]
    if gender and (("gender" in cues and gender / n >= 0.8) or (gender == n and 2 <= n <= 6)):
        out.append(_Cand("gender", gender / n, f"값의 {_pct(gender, n)}가 성별(남/여)", gender))
    return out


def _loosely_fits(kind: str, v: str) -> bool:
    """Could this value belong to a column of the kind (masked, partial or odd formatting)?"""
    if kind == "email":
        return "@" in v
    if kind == "address_detail":
        return bool(HANGUL_RE.search(v))
    if kind == "person_name":
        return len(v) <= 12 and bool(NAME_RE.fullmatch(v))
    if kind == "passport":
        return 7 <= len(v) <= 10 and v[0].isalpha() and v.replace("*", "0").isalnum()
    if kind == "gender":
        return v.lower() in GENDER_WORDS or v in ("1", "2", "3", "4")
    if kind == "age":
        m = AGE_RE.fullmatch(v)
        return bool((m and int(m.group(1)) <= 120) or AGE_BAND_RE.fullmatch(v))
    if kind == "vehicle_no":
        return bool(HANGUL_RE.search(v)) and sum(ch.isdigit() or ch in _MASK_CHARS for ch in v) >= 4
    chars = [ch for ch in v if not ch.isspace()]
    core = sum(1 for ch in chars if ch.isdigit() or ch in _MASK_CHARS)
    if kind == "birth_date":
        return core >= 6 and core >= 0.6 * len(chars)
    return core >= 7 and core >= 0.5 * len(chars)


def _header_consistent(kind: str, values: Sequence[str]) -> bool:
    """Header-only findings need values that do not contradict the cue ('이메일수신여부' → Y/N)."""
    total = fit = 0
    for raw in values:
        v = normalise(raw)
        if not v:
            continue
        total += 1
        if v.lower() in PLACEHOLDERS or ALL_MASK_RE.fullmatch(v) or _loosely_fits(kind, v):
            fit += 1
    return total == 0 or fit >= CONSISTENT_SHARE * total


def _evidence(c: Counter[str]) -> ColumnEvidence:
    return ColumnEvidence(
        n=c["n"],
        name_like=c["name_like"],
        name_suffix_top=c["name_suffix_top"],
        org_like=c["org_like"],
        addr_base=c["addr_base"],
        gender=c["gender"],
        mobile=c["mobile"] + c["emb_mobile"],
        landline=c["landline"],
        phone=c["phone"],
    )


SENSITIVE_SHARE = 0.6  # values naming a 민감정보 category (불교, 지체장애), or fitting a label's
_NUMERIC_TYPES = frozenset({"integer", "decimal"})


def _sensitive(
    hdr: HeaderCues, values: Sequence[str], c: Counter[str], col_type: str | None
) -> PiiFinding | None:
    """민감정보 named by the values alone, or by the label with values that fit (not counts)."""
    n = c["n"]
    if n:
        by_value = [(k, c[f"sens_{k}"]) for k in ("disability", "religion", "political")]
        kind, k = max(by_value, key=lambda kv: kv[1])
        if k and k / n >= SENSITIVE_SHARE:
            label = SENSITIVE_KINDS[kind]
            reason = f"값의 {_pct(k, n)}가 {label} 항목(민감정보)"
            if hdr.sensitive == kind:
                return finding(kind, round(k / n, 4), f"{reason} · 머리글도 일치", "values+header")
            return finding(kind, round(k / n, 4), reason, "values")
    kind = hdr.sensitive
    if kind is None or hdr.count:
        return None
    if col_type in _NUMERIC_TYPES and kind not in ("disability", "health"):
        return None  # a number under '병명' or '종교' is a count of a statistic
    informative = [v for v in values if v.strip() and v.strip().lower() not in PLACEHOLDERS]
    share = values_fit(kind, informative, col_type)
    if informative and share < SENSITIVE_SHARE:
        return None
    label = SENSITIVE_KINDS[kind]
    reason = f"머리글 '{hdr.display}'이(가) {label} 항목(민감정보)"
    if informative:
        reason += f", 값의 {_pct(round(share * len(informative)), len(informative))}가 맞음"
        return finding(kind, round(share, 4), reason, "values+header")
    return finding(kind, 0.0, reason, "header")


def inspect_column(
    header: str, values: Sequence[str], col_type: str | None = None
) -> tuple[PiiFinding | None, ColumnEvidence]:
    """The column-level finding and the evidence the table-level judgement needs.

    ``col_type`` is the profile's inferred type; pattern families it rules out are skipped.
    """
    hdr = analyse_header(header)
    counts = tally(values, hdr, col_type)
    return _decide(hdr, values, counts, col_type), _evidence(counts)


def detect_pii(
    header: str, values: Sequence[str], col_type: str | None = None
) -> PiiFinding | None:
    """Return the most serious kind of personal data the column holds, or None.

    ``values`` are distinct, stripped, non-blank sample strings. Value evidence wins over the
    header; a header cue lowers the value thresholds and alone suffices when values fit it.
    Quasi-identifier kinds (성별, 나이) come back with ``personal=False``; whether the rows are
    people, and so what a phone number or a 장애등급 means, is judged per table (pii.context).
    """
    return inspect_column(header, values, col_type)[0]


def _decide(
    hdr: HeaderCues, values: Sequence[str], counts: Counter[str], col_type: str | None
) -> PiiFinding | None:
    cands = _value_candidates(counts, hdr)
    if cands:
        best = max(
            cands,
            key=lambda x: (x.kind in _TOP_TIER, x.share, -_PRIORITY.index(x.kind)),
        )
        if best.kind in QUASI_ONLY_KINDS:
            sensitive = _sensitive(hdr, values, counts, col_type)
            if sensitive is not None:
                return sensitive
        family = _FAMILY.get(best.kind, best.kind)
        cue = next((k for k in hdr.cues if _FAMILY.get(k, k) == family), None)
        if cue is None and best.kind == "person_name":
            cue = "person_name"
        if cue is not None:
            return finding(
                best.kind,
                round(best.share, 4),
                f"{best.reason} · 머리글 '{hdr.display}'도 일치",
                "values+header",
            )
        return finding(best.kind, round(best.share, 4), best.reason, "values")

    sensitive = _sensitive(hdr, values, counts, col_type)
    if sensitive is not None:
        return sensitive
    header_kinds = sorted(hdr.cues, key=_PRIORITY.index)
    if hdr.person and counts["n"] == 0:
        header_kinds.append("person_name")
    for kind in header_kinds:
        if kind in ("gender", "age") and counts["n"]:
            continue  # values decide these (a '성별' band of a statistic holds counts)
        if kind == "birth_date" and col_type in _NUMERIC_TYPES:
            continue
        if _header_consistent(kind, values):
            reason = f"머리글 '{hdr.display}'에 개인정보 단어가 있음"
            return finding(kind, 0.0, reason, "header")
    return None
