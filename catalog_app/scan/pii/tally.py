"""Classify the sample values of a column and count them per kind of personal data.

The counts (``Counter`` keys such as ``mobile``, ``rrn_ck``, ``emb_email``) are all that the
decision in ``pii`` looks at; 13-digit numbers are settled per column (rrn, 외국인등록번호,
법인등록번호 or EAN-13 barcode) before they are counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from catalog_app.scan.pii.headers import HeaderCues
from catalog_app.scan.pii.patterns import (
    ADDR_BASE_RE,
    AGE_BAND_RE,
    AGE_RE,
    ALL_MASK_RE,
    BIRTH_DATE_RE,
    COMPOUND_SURNAMES,
    DIGIT_RUN_RE,
    DIGITS_RE,
    DRIVER_REGION_RE,
    EMAIL_RE,
    EMB_EMAIL_RE,
    EMB_RE,
    GENDER_WORDS,
    HANGUL_ONLY_RE,
    HANGUL_RE,
    LONG_TEXT,
    MOBILE_NOZERO_RE,
    MOBILE_RE,
    NAME_RE,
    NUMLIKE_RE,
    ORG_MARK_RE,
    ORG_SUFFIXES,
    PASSPORT_RE,
    PHONE_RE,
    PLACEHOLDERS,
    REP_PLAIN_RE,
    REP_RE,
    RRN_FRONT_MASKED_RE,
    RRN_PARTIAL_RE,
    SEX_AGE_RE,
    SIX_DIGITS_RE,
    SURNAMES,
    UNIT_DONG_HO_RE,
    UNIT_FLOOR_RE,
    UNIT_HO_RE,
    UNIT_ONLY_RE,
    VEHICLE_RE,
    YEAR_PREFIX_RE,
    Num13,
    birth_ok,
    business_check_digit,
    foreigner_check_digit,
    luhn_ok,
    normalise,
    num13,
    rrn_check_digit,
)
from catalog_app.scan.pii.sensitive import value_category

__all__ = ["tally"]


def _rep_is_year_range(m: re.Match[str]) -> bool:
    """'1592-1598' is a span of years, not a 대표번호."""
    a, b = int(m.group(1)), int(m.group(2))
    return 0 < b - a <= 300


def _is_phone(v: str) -> bool:
    if PHONE_RE.fullmatch(v):
        return True
    m = REP_RE.fullmatch(v)
    return m is not None and not _rep_is_year_range(m)


def _classify_number(
    v: str, c: Counter[str], r13: list[Num13], hdr: HeaderCues, today: date
) -> str:
    """Digits with separators only: rrn family, business, driver, card, account."""
    groups = DIGITS_RE.findall(v)
    lens = [len(g) for g in groups]
    digits = "".join(groups)
    nd = len(digits)
    plain = len(groups) == 1
    hyphenated = "-" in v and "(" not in v and "." not in v and "+" not in v
    cues = hdr.cues

    if nd == 13 and (plain or (lens == [6, 7] and "(" not in v and "." not in v)):
        r13.append(num13(digits, not plain, today))
        return "num13"
    if nd == 10:
        if lens == [3, 2, 5] and hyphenated:
            c["biz_shape"] += 1
            c["biz_ck"] += business_check_digit(digits[:9]) == int(digits[9])
            return "business_no"
        if plain:
            c["plain10"] += 1
            c["plain10_ck"] += business_check_digit(digits[:9]) == int(digits[9])
            if ("mobile" in cues or "phone" in cues) and MOBILE_NOZERO_RE.fullmatch(v):
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
        and not YEAR_PREFIX_RE.match(v)
    ):
        c["account"] += 1
        return "account"
    if plain and 8 <= nd <= 9 and "phone" in cues and REP_PLAIN_RE.fullmatch(v):
        c["phone"] += 1
        return "phone"
    return ""


def _classify_text(
    v: str,
    c: Counter[str],
    hdr: HeaderCues,
    suffixes: Counter[str],
    want_birth: bool = False,
    want_age: bool = False,
    want_gender: bool = False,
    today: date | None = None,
) -> str:
    """Values with letters or Hangul: e-mail, passport, licence with region, address, name,
    and what the table-level judgement needs (name-like, organisation-like, sex and age)."""
    if "@" in v and EMAIL_RE.fullmatch(v):
        c["email"] += 1
        return "email"
    if len(v) == 9 and PASSPORT_RE.fullmatch(v.upper()):
        c["passport"] += 1
        return "passport"
    if len(v) <= 8 and v.lower() in GENDER_WORDS:
        c["gender"] += 1
        return "gender"
    if len(v) > LONG_TEXT or not HANGUL_RE.search(v):
        return ""
    if want_birth and _birth(v, today or date.today()):
        c["birth"] += 1
        return "birth_date"
    if want_age and AGE_BAND_RE.fullmatch(v):
        c["age_band"] += 1
        return "age"
    if DRIVER_REGION_RE.fullmatch(v):
        c["driver"] += 1
        return "driver_license"
    size = len(v)
    if size <= 12:
        digit = DIGITS_RE.search(v) is not None
        if digit and v[-1].isdigit() and VEHICLE_RE.fullmatch(v):
            c["vehicle"] += 1
            return "vehicle_no"
        if digit and SEX_AGE_RE.fullmatch(v):
            c["sex_age"] += 1
            return "sex_age"
        category = value_category(v) if size >= 2 else None
        if category is not None:
            c[f"sens_{category}"] += 1
            return "sensitive"
        if hdr.person:
            m = NAME_RE.fullmatch(v)
            if m and (m.group(1)[0] in SURNAMES or m.group(1)[:2] in COMPOUND_SURNAMES):
                c["name"] += 1
                if size <= 4 and not v.endswith(ORG_SUFFIXES):
                    c["name_like"] += 1
                    suffixes[v[-1]] += 1
                return "person_name"
        elif (
            2 <= size <= 4
            and (v[0] in SURNAMES or v[:2] in COMPOUND_SURNAMES)
            and HANGUL_ONLY_RE.fullmatch(v) is not None
            and not v.endswith(ORG_SUFFIXES)
        ):
            c["name_like"] += 1
            suffixes[v[-1]] += 1
    if v.endswith(ORG_SUFFIXES) or (
        ("(" in v or "㈜" in v or "회사" in v) and ORG_MARK_RE.search(v)
    ):
        c["org_like"] += 1
    ho = UNIT_HO_RE.search(v) if "호" in v else None
    floor = None if ho or "층" not in v else UNIT_FLOOR_RE.search(v)
    unit = ho or floor
    if unit is None:
        if (
            size >= 6
            and (hdr.address_generic or "address_detail" in hdr.cues)
            and ADDR_BASE_RE.search(v)
            and DIGITS_RE.search(v)
        ):
            c["addr_base"] += 1
        return ""
    base = ADDR_BASE_RE.search(v)
    if base is not None and base.start() <= unit.start():
        c["addr_ho" if ho else "addr_floor"] += 1
        c["addr_base"] += 1
        return "address_detail"
    if base is None and UNIT_ONLY_RE.fullmatch(v):
        c["addr_unit_strong" if UNIT_DONG_HO_RE.search(v) else "addr_unit_only"] += 1
        return "address_detail"
    return ""


def _embedded_id(d: str, hyphen: bool, today: date) -> str:
    """rrn / foreigner_rrn found inside text: hyphenated needs a birth date, plain a check digit."""
    g = d[6]
    if not birth_ok(d[:6], g, today):
        return ""
    if g in "5678":
        return "emb_for" if hyphen or foreigner_check_digit(d[:12]) == int(d[12]) else ""
    return "emb_rrn" if hyphen or rrn_check_digit(d[:12]) == int(d[12]) else ""


def _embedded(v: str, c: Counter[str], whole: str, today: date) -> None:
    """Count a mobile number, rrn or e-mail sitting inside a longer value."""
    if whole != "email" and "@" in v:
        at = v.find("@")
        if EMB_EMAIL_RE.search(v, max(0, at - 64)):
            c["emb_email"] += 1
    mobile = whole == "mobile"
    ident = whole == "num13"
    for run in DIGIT_RUN_RE.finditer(v):
        for m in EMB_RE.finditer(run.group(0)):
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
    | {"rrn_partial", "vehicle_no", "gender", "age", "sex_age", "birth_date", "sensitive"}
)
_MASK_START = frozenset(" \t*#●○◯xX().-")
_PHONE_START = frozenset("0+(")
# Profile types whose values can hold no kind at all (amounts, coordinates, dates, Y/N): their
# values are only counted unless a label cue asks for the one kind they may hold.
_INERT_TYPES = frozenset({"decimal", "date", "datetime", "time", "flag"})
_DIGITS_ONLY_SHORT = 6  # integers shorter than this are ages, grades, counts: no identifier


def _wants(hdr: HeaderCues) -> tuple[bool, bool, bool, bool]:
    """Which cue-only families a column asks for: (birth, age, gender, partial rrn)."""
    cues = hdr.cues
    # Six digits under a 주민등록번호 label are its front half whatever else the label says.
    return "birth_date" in cues, "age" in cues, "gender" in cues, "rrn" in cues


def tally(values: Sequence[str], hdr: HeaderCues, col_type: str | None = None) -> Counter[str]:
    """Count the sample values per kind; ``n`` is the number of informative values.

    ``col_type`` (the profile's type) lets a column skip the pattern families its type rules
    out: amounts, coordinates, dates and Y/N flags hold no identifier, and an integer column
    can only hold one in its values of six digits or more.
    """
    today = date.today()
    c: Counter[str] = Counter()
    r13: list[Num13] = []
    want_birth, want_age, want_gender, want_partial = _wants(hdr)
    inert = col_type in _INERT_TYPES
    integers = col_type == "integer" and not (want_age or want_gender or want_partial)
    suffixes: Counter[str] = Counter()
    for raw in values:
        v = normalise(raw)
        if not v:
            continue
        first = v[0]
        if first in _MASK_START and (v.lower() in PLACEHOLDERS or ALL_MASK_RE.fullmatch(v)):
            c["placeholder"] += 1
            continue
        if len(v) <= 6 and v.lower() in PLACEHOLDERS:
            c["placeholder"] += 1
            continue
        c["n"] += 1
        if inert:
            if want_birth and _birth(v, today):
                c["birth"] += 1
            elif want_gender and v.lower() in GENDER_WORDS:
                c["gender"] += 1
            continue
        if integers and len(v) < _DIGITS_ONLY_SHORT and v.isdigit():
            continue
        whole = ""
        if first.isdigit() or first in "+(":
            whole = _classify_numeric(v, c, r13, hdr, today)
            if not whole:
                whole = _cue_numeric(v, c, today, want_birth, want_age, want_gender, want_partial)
        if not whole:
            whole = _classify_text(v, c, hdr, suffixes, want_birth, want_age, want_gender, today)
        if len(v) >= 11 and whole not in _NO_EMBED:
            _embedded(v, c, whole, today)
    _resolve13(r13, hdr, c)
    if suffixes:
        c["name_suffix_top"] = suffixes.most_common(1)[0][1]
    return c


def _classify_numeric(v: str, c: Counter[str], r13: list[Num13], hdr: HeaderCues, today) -> str:
    """Values starting with a digit, '+' or '(': phones, the number kinds, partial rrn, vehicles."""
    if v.isdigit():
        nd = len(v)
        if nd < 7:
            return ""
        if v[0] == "0" and 9 <= nd <= 11:
            if MOBILE_RE.fullmatch(v):
                c["mobile"] += 1
                return "mobile"
            if _is_phone(v):
                c["phone"] += 1
                c["landline"] += 1
                return "phone"
        return _classify_number(v, c, r13, hdr, today)
    if v[0] in _PHONE_START or "-" in v or " " in v or "." in v or ")" in v:
        if MOBILE_RE.fullmatch(v):
            c["mobile"] += 1
            return "mobile"
        if _is_phone(v):
            c["phone"] += 1
            if v[:2] != "15" and v[:2] != "16" and v[:2] != "18":
                c["landline"] += 1
            return "phone"
    if NUMLIKE_RE.fullmatch(v):
        whole = _classify_number(v, c, r13, hdr, today)
        if whole or len(v) > 9:
            return whole
    m = RRN_PARTIAL_RE.fullmatch(v) or RRN_FRONT_MASKED_RE.fullmatch(v)
    if m is not None and len(v) >= 8:
        g = m.group(2) if m.re is RRN_PARTIAL_RE else "1"
        if birth_ok(m.group(1), g, today) or birth_ok(m.group(1), "3", today):
            c["rrn_partial"] += 1
            return "rrn_partial"
    if VEHICLE_RE.fullmatch(v):
        c["vehicle"] += 1
        return "vehicle_no"
    return ""


def _birth(v: str, today: date) -> bool:
    """A date a person could have been born on (1900 to today)."""
    m = BIRTH_DATE_RE.fullmatch(v)
    if m is None:
        return False
    if m.group(1):
        y, mo, d = m.group(1), m.group(2), m.group(3)
    elif m.group(4):
        y, mo, d = m.group(4), m.group(5), m.group(6)
    else:
        yy = int(m.group(7))
        y = str(2000 + yy if 2000 + yy <= today.year else 1900 + yy)
        mo, d = m.group(8), m.group(9)
    try:
        born = date(int(y), int(mo), int(d))
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= today


def _cue_numeric(v, c, today, want_birth, want_age, want_gender, want_partial) -> str:
    """Digit values that only a label cue makes personal: 생년월일, 앞 6자리, 나이, 성별 코드."""
    if want_birth and _birth(v, today):
        c["birth"] += 1
        return "birth_date"
    if want_partial:
        if len(v) == 6 and SIX_DIGITS_RE.fullmatch(v):
            if birth_ok(v, "1", today) or birth_ok(v, "3", today):
                c["six_date"] += 1
                return "rrn_partial"
        elif len(v) == 1 and v in "12345678":
            c["digit_1_8"] += 1
            return "rrn_partial"
    if want_gender and v in ("1", "2", "3", "4"):
        c["gender"] += 1
        return "gender"
    if want_age:
        m = AGE_RE.fullmatch(v)
        if m and int(m.group(1)) <= 120:
            c["age"] += 1
            return "age"
        if len(v) == 4 and v.isdigit() and 1900 <= int(v) <= today.year:
            c["birth_year"] += 1  # 출생연도: an age by another name
            return "age"
        if AGE_BAND_RE.fullmatch(v):
            c["age_band"] += 1
            return "age"
    if len(v) <= 12 and SEX_AGE_RE.fullmatch(v):
        c["sex_age"] += 1
        return "sex_age"
    return ""


def _resolve13(r13: list[Num13], hdr: HeaderCues, c: Counter[str]) -> None:
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
