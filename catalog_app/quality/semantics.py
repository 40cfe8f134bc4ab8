"""What a column is and which rules check it: from its standard domain, else its profile, plus
the built-in Korean rules its name (or the standard term it maps to) and its values call for.

* The 표준도메인 of the column's working term (an accepted decision, else an exact match) gives
  the type rules: a date domain (연월일C8: YYYYMMDD or YYYY-MM-DD) its date rules and formats, a
  NUMERIC(p, s) domain its digit limits, CHAR/VARCHAR its length in bytes (한글 2), an
  enumerable 허용값 its allowed values.
* Without a domain the profile decides (the scan's inferred type, dominant date format and value
  shape): dates, times, numbers, Y/N flags, zero-padded codes.
* Built-in Korean rules by name: …여부 (Y/N), 전화번호, 우편번호, 법정동코드, 시군구코드,
  기관코드, 위도/경도 (inside Korea), …연도, …일자/일시 (valid, plausible range, one format per
  column, 2-digit years, outlying years), …시각, counts and amounts that cannot be negative,
  rates within 0–100, keys (…일련번호, …관리번호, …ID) that must not repeat. Values can say it too:
  a column whose values are 법정동코드 or coordinates (``matching.signatures``) gets those rules.

Everything returned is plain data (``model.RuleSpec``) for the reader process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from catalog_app.matching.checks_values import parse_allowed_values
from catalog_app.quality.model import RuleSpec
from catalog_app.scan.models import ColumnProfile

__all__ = ["ColumnFacts", "column_rules"]

LAT_RANGE = (33.0, 38.7)  # 마라도 33.11 … 고성 38.61 (South Korea)
LON_RANGE = (124.5, 132.0)  # 백령도 124.6 … 독도 131.87
DATE_LOW = date(1900, 1, 1)
FUTURE_YEARS = 10
OUTLIER_GAP_YEARS = 30
OUTLIER_SHARE = 0.01
KEY_DISTINCT_SHARE = 0.9

_FLAG = re.compile(r"(여부|유무)$")
_PHONE = re.compile(
    r"(전화번호|연락처|팩스번호|팩스|FAX|휴대폰번호|핸드폰번호|휴대전화번호)$", re.I
)
_ZIP = re.compile(r"우편번호$")
_OLD_ZIP = re.compile(r"^구우편번호$")
_LEGAL_DONG = re.compile(r"법정동코드$")
_SGG = re.compile(r"시군구코드$")
_ORG = re.compile(r"(기관코드|자치단체코드)$")
_LAT = re.compile(r"위도$")
_LON = re.compile(r"경도$")
_YEAR = re.compile(r"(연도|년도)$")
_DATE = re.compile(r"(일자|일시|연월일|날짜|기준일)$")
_PAST = re.compile(
    r"기준일|갱신|수정|등록|인허가|허가|신고|설치|개설|준공|폐업|취소|발생|작성|접수|처리|생년월일"
)
_TIME = re.compile(r"시각$")
_NONNEGATIVE = re.compile(
    r"(수|건수|대수|면적|금액|요금|비용|액|인원|수량|거리|연장|길이|폭|높이|중량|무게|권수|일수|좌석수)$"
)
_PERCENT = re.compile(r"(비율|율|률)$")
_SIGNED_RATE = re.compile(r"증감|변화|변동|대비|증가|감소|성장")
_KEY = re.compile(r"(일련번호|관리번호|고유번호|식별번호|ID|아이디)$", re.I)
_CODE = re.compile(r"코드$")
_SEPARATORS = "-.() /:"


@dataclass
class ColumnFacts:
    """What the plan knows of a column: its stored profile, its working term and domain."""

    label: str
    inferred_type: str
    date_format: str | None = None
    pattern: str | None = None
    pattern_share: float | None = None
    value_count: int = 0
    null_count: int = 0
    distinct_count: int = 0
    distinct_exact: bool = True
    samples: tuple[str, ...] = ()
    min_value: str | None = None
    max_value: str | None = None
    masked: bool = False
    term: object = None  # dictionary.model.Term
    domain: object = None  # dictionary.model.Domain

    @classmethod
    def from_row(cls, row, term=None, domain=None) -> ColumnFacts:
        """The facts of a stored ``columns`` row (read by ``catalog.column_rows``)."""
        from catalog_app.catalog.column_rows import profile_from_row

        return cls.from_profile(profile_from_row(row), term, domain)

    @classmethod
    def from_profile(cls, p: ColumnProfile, term=None, domain=None) -> ColumnFacts:
        """Samples: the frequent values first, then the stored samples, each once."""
        samples = [v for v, _n in p.top_values] + list(p.samples)
        return cls(
            label=p.label,
            inferred_type=p.inferred_type,
            date_format=p.date_format,
            pattern=p.pattern,
            pattern_share=p.pattern_share,
            value_count=p.value_count,
            null_count=p.null_count,
            distinct_count=p.distinct_count,
            distinct_exact=p.distinct_exact,
            samples=tuple(dict.fromkeys(samples)),
            min_value=p.min_value,
            max_value=p.max_value,
            masked=p.masked,
            term=term,
            domain=domain,
        )


def _name(facts: ColumnFacts) -> str:
    """The name rules read: the label without spaces (its last part for multi-row headers)."""
    return "".join(facts.label.split("|")[-1].split())


def _names(facts: ColumnFacts, also: tuple[str, ...] = ()) -> tuple[str, ...]:
    names = [_name(facts), *also]
    if facts.term is not None:
        names.append(facts.term.name)
    return tuple(names)


def _any(pattern: re.Pattern, names: tuple[str, ...]) -> bool:
    return any(pattern.search(n) for n in names)


# ------------------------------------------------------------------------------- domain formats
_DATE_STORAGE = re.compile(r"(?:YYYY)?(?:MM)?(?:DD)?(?:HH24)?(?:MI)?(?:SS)?")


def _formats(facts: ColumnFacts) -> tuple[str, str]:
    term, domain = facts.term, facts.domain
    storage = (getattr(term, "storage_format", "") or domain.storage_format or "").strip()
    display = (getattr(term, "display_format", "") or domain.display_format or "").strip()
    return "".join(storage.split()), " ".join(display.split())


def _shape(fmt: str) -> str:
    """YYYY-MM-DD HH24:MI -> 9999-99-99 99:99 (a value shape as the profiler writes it)."""
    return re.sub(r"[YMDHS]", "9", fmt.replace("HH24", "HH").replace("MI", "MM"))


def _domain_kind(facts: ColumnFacts) -> tuple[str, dict] | None:
    """(kind, params) a domain implies, or None when it says nothing about the values."""
    domain = facts.domain
    if domain is None:
        return None
    storage, display = _formats(facts)
    dtype = (domain.data_type or "").upper()
    if storage and _DATE_STORAGE.fullmatch(storage) and any(t in storage for t in "YMDHI"):
        shapes = sorted({_shape(storage), *([_shape(display)] if display else [])})
        if storage == "YYYY":
            return "year", {}
        if storage in ("YYYYMM",):
            return "month", {"formats": ["YYYYMM", "YYYY-MM"]}
        if storage.startswith("HH24"):
            return "time", {"formats": [storage, display], "compact": True}
        if storage.startswith("YYYYMMDD"):
            return "date", {"shapes": shapes, "formats": [storage, display]}
    if dtype == "DATETIME":
        return "date", {"shapes": [], "formats": ["YYYY-MM-DD HH:MI:SS"]}
    if dtype == "NUMERIC":
        return "number", {}
    return None


def _allowed_values(facts: ColumnFacts) -> list[str] | None:
    text = (getattr(facts.term, "allowed_values", "") or "") or (
        facts.domain.allowed_values if facts.domain is not None else ""
    )
    allowed = parse_allowed_values(text)
    return list(allowed) if allowed else None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


# ------------------------------------------------------------------------------------ rules
def column_rules(
    facts: ColumnFacts,
    signature: str | None = None,
    today: date | None = None,
    also: tuple[str, ...] = (),
) -> tuple[str, str, list[RuleSpec]]:
    """(kind, basis, rules) for one column. ``signature`` is what its values are when the
    matcher recognised them (``legal_dong_code``, ``sgg_code``, ``org_code``, ``lat``, ``lon``);
    ``also`` are more names it goes by (the 제공표준 item it stands for)."""
    today = today or date.today()
    names = _names(facts, also)
    rules: list[RuleSpec] = []
    domain_kind = _domain_kind(facts)
    domain = facts.domain
    src = "domain" if domain_kind else "profile"
    if domain_kind is not None:
        kind, params = domain_kind
        basis = f"도메인 {domain.name}"
    else:
        kind, params = _profile_kind(facts), {}
        basis = f"프로파일: {_KIND_KO.get(kind, kind)}"
    # Names that say what the values must be win over a loose profile (a 여부 column of '유'/'무'
    # is still a Y/N column; a 일자 column read as text still holds dates).
    if _any(_FLAG, names) and kind != "flag":
        kind, src, basis = "flag", "name", "이름: …여부"
    elif _any(_DATE, names) and kind not in ("date",) and domain_kind is None:
        kind, src, basis, params = "date", "name", "이름: …일자", {}
    elif (
        _any(_YEAR, names) and domain_kind is None and kind in ("integer", "number", "text", "code")
    ):
        kind, src, basis = "year", "name", "이름: …연도"
    elif _any(_TIME, names) and domain_kind is None and kind in ("time", "text"):
        kind, src, basis = "time", "name", "이름: …시각"
    elif _any(_CODE, names) and domain_kind is None and kind == "integer":
        kind, basis = "code", "이름: …코드"  # 01, 1, D1: a code, not a quantity

    allowed = _allowed_values(facts) if domain is not None or facts.term is not None else None
    if kind == "date":
        rules += _date_rules(facts, params, src, names, today)
    elif kind == "time":
        formats = [f for f in params.get("formats", []) if f] or ["HH:MM"]
        rules.append(
            RuleSpec(
                "time_valid",
                {"formats": formats, "compact": bool(params.get("compact"))},
                source=src,
            )
        )
    elif kind == "year":
        rules.append(
            RuleSpec("year_valid", {"low": 1900, "high": today.year + FUTURE_YEARS}, source=src)
        )
    elif kind == "month":
        rules.append(
            RuleSpec("month_valid", {"formats": params.get("formats", ["YYYYMM"])}, source=src)
        )
    elif kind in ("integer", "decimal", "number"):
        rules += _number_rules(facts, src, names, signature)
    elif kind == "flag":
        rules.append(RuleSpec("flag_yn", {"values": ["Y", "N"]}, source=src))
    elif kind == "code":
        length = _code_length(facts)
        if length:
            rules.append(RuleSpec("code_length", {"length": length}, source="profile"))
    if allowed and kind not in ("flag",) and set(allowed) != {"Y", "N"}:
        rules.append(RuleSpec("allowed", {"values": allowed}, source="domain"))
    elif allowed and set(allowed) == {"Y", "N"} and kind != "flag":
        rules.append(RuleSpec("flag_yn", {"values": ["Y", "N"]}, source="domain"))
        kind = "flag"
    rules += _named_rules(facts, names, signature, kind)
    if domain is not None and kind not in ("date", "time", "year", "month", "flag"):
        rules += _length_rules(facts)
    if _is_key(facts, names):
        rules.append(RuleSpec("key_unique", {}, source="name"))
    return kind, basis, rules


_KIND_KO = {
    "date": "날짜",
    "datetime": "날짜시각",
    "time": "시각",
    "integer": "정수",
    "decimal": "소수",
    "number": "숫자",
    "flag": "여부",
    "code": "코드",
    "text": "문자",
    "empty": "빈 열",
}


def _profile_kind(facts: ColumnFacts) -> str:
    kind = facts.inferred_type
    if kind == "datetime":
        return "date"
    return kind


def _date_rules(facts, params, src, names, today) -> list[RuleSpec]:
    high = today if _any(_PAST, names) else date(today.year + FUTURE_YEARS, 12, 31)
    shapes = list(params.get("shapes") or [])
    formats = [f for f in params.get("formats", []) if f]
    if facts.date_format == "excel":
        # typed Excel dates: true dates, written however the sheet's number format says (as the
        # D4 check treats them); a midnight datetime reads as a date, so no format rule here
        shapes = []
    elif not shapes and facts.pattern and facts.inferred_type in ("date", "datetime"):
        shapes = [facts.pattern]  # the column's own dominant format
        formats = [facts.date_format or facts.pattern]
    rules = [
        RuleSpec("date_valid", {}, source=src),
        RuleSpec("date_two_digit_year", {}, source=src),
    ]
    if shapes:
        rules.append(
            RuleSpec(
                "date_format",
                {"shapes": shapes, "formats": formats or shapes},
                source="domain" if params.get("shapes") else "profile",
            )
        )
    rules.append(
        RuleSpec(
            "date_range", {"low": DATE_LOW.isoformat(), "high": high.isoformat()}, source="name"
        )
    )
    rules.append(
        RuleSpec(
            "date_outlier", {"gap": OUTLIER_GAP_YEARS, "share": OUTLIER_SHARE}, source="values"
        )
    )
    return rules


def _number_rules(facts, src, names, signature) -> list[RuleSpec]:
    domain = facts.domain
    numeric_domain = domain is not None and (domain.data_type or "").upper() == "NUMERIC"
    rules = [RuleSpec("number_valid", {"percent": not numeric_domain}, source=src)]
    if numeric_domain:
        precision, scale = _int(domain.length), _int(domain.scale) or 0
        if precision:
            rules.append(
                RuleSpec(
                    "number_digits",
                    {"domain": domain.name, "whole": precision - scale, "scale": scale},
                    source="domain",
                )
            )
    lat = _any(_LAT, names) or signature == "lat"
    lon = _any(_LON, names) or signature == "lon"
    if not (lat or lon):
        if _any(_PERCENT, names) and not _any(_SIGNED_RATE, names):
            rules.append(RuleSpec("number_percent", {"low": 0, "high": 100}, source="name"))
        elif _any(_NONNEGATIVE, names):
            rules.append(RuleSpec("number_nonnegative", {}, source="name"))
    return rules


def _named_rules(facts, names, signature, kind) -> list[RuleSpec]:
    rules: list[RuleSpec] = []
    if _any(_LAT, names) or signature == "lat":
        rules.append(
            RuleSpec("latitude", {"low": LAT_RANGE[0], "high": LAT_RANGE[1]}, source="name")
        )
    elif _any(_LON, names) or signature == "lon":
        rules.append(
            RuleSpec("longitude", {"low": LON_RANGE[0], "high": LON_RANGE[1]}, source="name")
        )
    if kind == "flag":
        return rules
    if _any(_PHONE, names):
        rules.append(RuleSpec("phone", {}, source="name"))
    elif _any(_ZIP, names):
        rules.append(RuleSpec("zip", {"old": _any(_OLD_ZIP, names)}, source="name"))
    elif _any(_LEGAL_DONG, names) or signature == "legal_dong_code":
        rules.append(
            RuleSpec("legal_dong_code", {}, source="name" if _any(_LEGAL_DONG, names) else "values")
        )
    elif _any(_SGG, names) or signature == "sgg_code":
        rules.append(RuleSpec("sgg_code", {}, source="name"))
    elif _any(_ORG, names) or signature == "org_code":
        rules.append(RuleSpec("org_code_format", {}, source="name"))
        rules.append(RuleSpec("org_code", {}, source="name"))
    elif kind != "code" and _any(_CODE, names) and facts.inferred_type in ("integer", "code"):
        length = _code_length(facts)
        if length:
            rules.append(RuleSpec("code_length", {"length": length}, source="profile"))
    return rules


def _code_length(facts: ColumnFacts) -> int | None:
    """The dominant length of a digit code (its profile shape '99999' covers most values)."""
    pattern = facts.pattern or ""
    if pattern and set(pattern) == {"9"} and (facts.pattern_share or 0) >= 0.8:
        return len(pattern)
    return None


def _length_rules(facts: ColumnFacts) -> list[RuleSpec]:
    domain = facts.domain
    length = _int(domain.length)
    dtype = (domain.data_type or "").upper()
    if length is None or dtype not in ("CHAR", "VARCHAR"):
        return []
    _storage, display = _formats(facts)
    # '999-99-99999' (사업자등록번호C10), '(9)99-(9)999-9999' (전화번호V11): the 표현 형식 adds
    # separators the stored value does not have, so they are not counted.
    strip = "".join(ch for ch in _SEPARATORS if ch in display) if re.search(r"9", display) else ""
    code = "length_fixed" if dtype == "CHAR" else "length"
    return [
        RuleSpec(code, {"domain": domain.name, "length": length, "strip": strip}, source="domain")
    ]


def _is_key(facts: ColumnFacts, names: tuple[str, ...]) -> bool:
    """A key by name whose values are (nearly) all different: a repeat is an error."""
    if not _any(_KEY, names):
        return False
    filled = facts.value_count - facts.null_count
    return filled >= 10 and facts.distinct_count >= KEY_DISTINCT_SHARE * filled
