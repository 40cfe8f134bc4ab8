"""Value checks D1–D5 of a column: its profiled values against the mapped term's 도메인.

Split from ``checks`` (which has the table of every check code and the header and word checks)
because the type, length, format and 허용값 rules of a domain are a subject of their own;
``checks.check_column`` calls ``value_checks``. Both build the ``Check`` of ``check_record``.
"""

from __future__ import annotations

import re

from catalog_app.dictionary.model import Domain, Term
from catalog_app.dictionary.segment import WordIndex
from catalog_app.matching.check_record import Check
from catalog_app.matching.check_record import error as _err
from catalog_app.matching.check_record import warning as _warn
from catalog_app.messages import join, known, register, template
from catalog_app.scan.models import ColumnProfile

__all__ = ["display_separators", "parse_allowed_values", "value_checks"]

GENEROUS_MIN_LENGTH = 100  # VARCHAR lengths from which a mostly empty domain is reported
GENEROUS_RATIO = 4  # ... when the longest value is under a quarter of the length
SHOWN_VALUES = 5  # values listed in a D5 message

_KIND_KO = {
    "integer": "정수",
    "decimal": "소수",
    "date": "날짜",
    "datetime": "날짜시각",
    "time": "시각",
    "flag": "여부(Y/N류)",
    "code": "앞자리 0이 있는 숫자",
    "text": "문자",
    "empty": "빈 값",
}
register(_KIND_KO.values())

D1_FLAG = template("{col}의 값({kind})이 {domain}의 Y/N이 아닙니다{hint}.")
D1_FLAG_HINT = template(" (0/1 대신 Y/N)")
D4_BAD_DATES = template("{col}의 8자리 값 중 유효한 날짜가 아닌 값이 있습니다{span}.")
D4_SPAN = template(" (범위 {low}~{high})")
D4_DISPLAY = template("{col}의 값이 표현 형식 {display}로 쓰였습니다. 저장 형식은 {storage}입니다.")
D4_FORM = template("{col}의 형식 {form}이(가) {domain}의 저장 형식 {storage}와 다릅니다.")
D1_DATE = template("{col}의 값({kind})이 날짜·시각 도메인 {domain}({storage})에 맞지 않습니다.")
D1_ZEROS = template(
    "{col}의 값이 앞자리 0이 있는 숫자입니다; 숫자 도메인 {domain}에서는 0이 사라집니다."
)
D1_NUMBER = template("{col}의 값({kind})이 숫자 도메인 {domain}에 맞지 않습니다.")
D2_DIGITS = template(
    "{col}의 정수부 최대 {need}자리가 도메인 {domain}(정수부 {whole}자리)을 넘습니다."
)
D3_SCALE = template("{col}의 소수점 이하 {places}자리가 도메인 {domain}({allowed})보다 깁니다.")
D3_PLACES = template("소수점 {scale}자리")
D3_NONE = template("소수점 없음")
D4_SEPARATORS = template(
    "{col}의 값이 표현 형식({display})의 구분자 {shown}와 함께 쓰였습니다. 저장 형식은 "
    "{storage}(구분자 없음)입니다 — 값 품질 점검 대상이며 표준 준수에는 영향이 없습니다."
)
D2_LONG_BARE = template(
    "{col}의 최대 길이가 구분자를 빼고도 {observed}바이트로 도메인 {domain}({length}바이트)을 "
    "넘습니다."
)
D2_LONG = template(
    "{col}의 최대 길이 {observed}바이트가 도메인 {domain}({length}바이트)을 넘습니다."
)
D2_GENEROUS = template(
    "{col}의 최대 길이 {observed}바이트에 비해 도메인 {domain}({length}바이트)이 지나치게 깁니다."
)
D2_SHORT = template(
    "{col}의 최대 길이 {observed}바이트가 고정 길이 도메인 {domain}({length}바이트)보다 "
    "짧습니다.{hint}"
)
D2_SHORT_HINT = template(" 앞자리 0이 빠졌을 수 있습니다.")
D5_OUTSIDE = template("{col}에 허용값({codes}) 밖의 값이 있습니다: {listed}{basis}{hint}")
D5_MORE = template(" 외 {n}개")
D5_BASIS = template(" (상위 {n}개 값 기준)")
D5_HINTS = template(" — {hints}")
D5_ZEROS = template("앞자리 0이 빠진 코드가 있습니다")
D5_NAMES = template("코드 대신 코드명이 쓰였습니다")
D5_YN = template("Y/N으로 바꾸십시오")


def _kind(kind: str) -> str:
    return known(_KIND_KO.get(kind, kind))


# 저장/표현 형식 tokens -> the profiler's date_format vocabulary (values.py): HH24 -> HH, MI -> MM.
_DATE_STORAGE = re.compile(r"(?:YYYY)?(?:MM)?(?:DD)?(?:HH24)?(?:MI)?(?:SS)?")


def parse_allowed_values(text: str) -> dict[str, str] | None:
    """An enumerable 허용값 as {code: meaning}, or None for ranges, patterns and sample lists.

    '1: 일반경쟁, 2:지명경쟁' and 'Y : 여(예),⏎N : 부(아니요)' enumerate; 'YYYY : 0001~9999' is
    a range, and '001 : 본인, 002 : 처 …' only shows examples (the 행정표준코드 list is elsewhere),
    so neither can say a value is wrong.
    """
    text = " ".join((text or "").replace("，", ",").split())
    if not text or "…" in text or "..." in text or "~" in text:
        return None
    items = [i.strip() for i in re.split(r"[,\n]", text) if i.strip()]
    codes: dict[str, str] = {}
    if any(":" in i for i in items):
        last = None
        for item in items:
            if ":" not in item:
                if last is None:
                    return None
                codes[last] += ", " + item  # a comma inside the meaning
                continue
            code, meaning = (p.strip() for p in item.split(":", 1))
            if not re.fullmatch(r"[0-9A-Za-z가-힣_\-]+", code):
                return None
            codes[code] = meaning
            last = code
    else:
        for item in re.split(r",|\s+or\s+|/", text):
            item = item.strip()
            if not re.fullmatch(r"[0-9A-Za-z_\-]+", item):
                return None
            codes[item] = ""
    return codes if len(codes) >= 2 else None


def _type_letter(domain: Domain) -> str:
    return {"CHAR": "C", "VARCHAR": "V", "NUMERIC": "N", "DATETIME": "D"}.get(
        domain.data_type.upper(), ""
    )


def _int(text: str) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _date_formats(term: Term | None, domain: Domain) -> tuple[str, str] | None:
    """(저장 형식, 표현 형식) in the profiler's vocabulary for date/time domains, else None."""
    storage = (term.storage_format if term is not None else "") or domain.storage_format
    storage = "".join(storage.split())
    if not storage and domain.data_type.upper() == "DATETIME":
        storage = "YYYYMMDDHH24MISS"
    if not storage or not _DATE_STORAGE.fullmatch(storage):
        return None
    display = (term.display_format if term is not None else "") or domain.display_format
    display = " ".join(display.split())

    def vocab(fmt: str) -> str:
        return fmt.replace("HH24", "HH").replace("MI", "MM")

    return vocab(storage), vocab(display)


def _shape(fmt: str) -> str:
    """A date format as the profiler's value pattern: YYYY-MM-DD -> 9999-99-99."""
    return re.sub(r"[YMDHS]", "9", fmt)


def value_checks(
    col: str, p: ColumnProfile, term: Term | None, domain: Domain, index: WordIndex
) -> list[Check]:
    """D1–D5 for a profiled column; ``col`` names the column in messages ('가입일자' or 이 컬럼)."""
    kind = p.inferred_type
    allowed_text = (term.allowed_values if term is not None else "") or domain.allowed_values
    allowed = parse_allowed_values(allowed_text)
    dates = _date_formats(term, domain)
    letter = _type_letter(domain)
    out: list[Check] = []

    if allowed is not None and set(allowed) == {"Y", "N"}:  # 여부C1, 유무C1
        if kind != "flag":
            zero_one = {v for v, _ in p.top_values} <= {"0", "1"} and not p.masked
            hint = D1_FLAG_HINT() if zero_one and kind == "integer" else ""
            message = D1_FLAG(col=col, kind=_kind(kind), domain=domain.name, hint=hint)
            out.append(_err("D1", message, "Y/N"))
            return out
    elif dates is not None:
        out.extend(_date_checks(col, p, domain, dates))
        if any(c.code == "D1" for c in out):
            return out
    elif letter == "N":
        d1 = _numeric_type(col, p, domain)
        if d1 is not None:
            out.append(d1)
            if d1.severity == "error":
                return out
        out.extend(_numeric_size(col, p, domain, index))
    elif letter in ("C", "V"):
        out.extend(_text_size(col, p, domain, index))
    if allowed is not None and not p.masked:
        out.extend(_allowed(col, p, allowed, allowed_text))
    return out


def _date_checks(
    col: str, p: ColumnProfile, domain: Domain, formats: tuple[str, str]
) -> list[Check]:
    storage, display = formats
    kind = p.inferred_type
    if kind in ("date", "datetime", "time") and p.date_format:
        if p.date_format == "excel":
            return []  # a typed Excel date: a true date, written however the export chooses
        form = p.date_format
    else:
        form = p.pattern or ""
    shown_form = form or _kind(kind)
    if form in (storage, _shape(storage)):
        if kind in ("integer", "code") and storage == "YYYYMMDD":
            # the profiler reads valid 8-digit dates as dates: mostly integers means invalid ones
            span = D4_SPAN(low=p.min_value, high=p.max_value) if p.min_value and p.max_value else ""
            return [_warn("D4", D4_BAD_DATES(col=col, span=span))]
        return []
    if display and form in (display, _shape(display)):
        return [_warn("D4", D4_DISPLAY(col=col, display=display, storage=storage), storage)]
    if kind in ("date", "datetime", "time") or re.fullmatch(r"9[9\-./: 년월일시분초]*", form):
        message = D4_FORM(col=col, form=shown_form, domain=domain.name, storage=storage)
        return [_err("D4", message, storage)]
    message = D1_DATE(col=col, kind=_kind(kind), domain=domain.name, storage=storage)
    return [_err("D1", message)]


def _numeric_type(col: str, p: ColumnProfile, domain: Domain) -> Check | None:
    kind = p.inferred_type
    if kind in ("integer", "decimal") or (kind == "date" and p.date_format == "YYYYMMDD"):
        return None
    if kind == "code":
        return _warn("D1", D1_ZEROS(col=col, domain=domain.name))
    return _err("D1", D1_NUMBER(col=col, kind=_kind(kind), domain=domain.name))


def _digits(value: str | None) -> int | None:
    """Integer digits of a written number ('-1,234.5' -> 4); None when not a number."""
    if value is None:
        return None
    text = value.strip().lstrip("+-").rstrip("%").replace(",", "")
    whole = text.split(".", 1)[0]
    if not whole.isdigit():
        return None
    return len(whole.lstrip("0")) or 1


def _numeric_size(col: str, p: ColumnProfile, domain: Domain, index: WordIndex) -> list[Check]:
    precision = _int(domain.length)
    scale = _int(domain.scale) or 0
    out: list[Check] = []
    if precision is None:
        return out
    whole_max = precision - scale
    if not p.masked:
        found = [d for d in (_digits(p.min_value), _digits(p.max_value)) if d is not None]
        if found and max(found) > whole_max:
            need = max(found)
            better = _fitting(domain, index, int_digits=need, decimals=p.decimal_places)
            message = D2_DIGITS(col=col, need=need, domain=domain.name, whole=whole_max)
            out.append(_err("D2", message, better))
    if p.inferred_type == "decimal" and p.decimal_places > scale:
        better = _fitting(domain, index, int_digits=0, decimals=p.decimal_places)
        allowed = D3_PLACES(scale=scale) if scale else D3_NONE()
        message = D3_SCALE(col=col, places=p.decimal_places, domain=domain.name, allowed=allowed)
        out.append(_err("D3", message, better))
    return out


def display_separators(display: str) -> tuple[str, int]:
    """(separator characters, most of them in one value) of a text domain's 표현 형식.

    '(9)99-(9)999-9999 or 9999-9999' (전화번호V11) → ('-', 2); '999-99-99999' → ('-', 2);
    '-' (none) → ('', 0). Bracketed digits are optional digits, not separators.
    """
    seps: set[str] = set()
    most = 0
    for alternative in re.split(r"\s*\bor\b\s*|\n", display or ""):
        shape = alternative.strip().replace("(", "").replace(")", "")
        if not shape or not re.fullmatch(r"[9A가X]+(?:[-./: ][9A가X]+)+", shape):
            continue
        found = [ch for ch in shape if ch in "-./: "]
        seps.update(found)
        most = max(most, len(found))
    return "".join(sorted(seps)), most


def _written_separators(p: ColumnProfile, seps: str, most: int) -> int:
    """How many separator characters the longest values seem to carry (at most ``most``): the
    value shape first, then the stored top values and samples (masks keep the separators)."""
    seen = [p.pattern or ""] + [v for v, _ in p.top_values] + list(p.samples)
    return min(most, max((sum(ch in seps for ch in text) for text in seen), default=0))


def _text_size(col: str, p: ColumnProfile, domain: Domain, index: WordIndex) -> list[Check]:
    length = _int(domain.length)
    if length is None:
        return []
    display = " ".join(domain.display_format.split())
    seps, most = display_separators(domain.display_format)
    written = _written_separators(p, seps, most) if seps else 0
    observed = p.max_len_bytes - written
    if written:
        # 02-123-4567 against 전화번호V11: the 표현 형식 is a way of writing the value, a quality
        # finding for the value, not a breach of the standard; the length counts without it.
        shown = ", ".join(f"'{ch}'" for ch in seps)
        stored = domain.storage_format or domain.name
        out = [_warn("D4", D4_SEPARATORS(col=col, display=display, shown=shown, storage=stored))]
        if observed > length:
            message = D2_LONG_BARE(col=col, observed=observed, domain=domain.name, length=length)
            out.append(_err("D2", message, _fitting(domain, index, need_bytes=observed)))
        return out
    if observed > length:
        message = D2_LONG(col=col, observed=observed, domain=domain.name, length=length)
        return [_err("D2", message, _fitting(domain, index, need_bytes=observed))]
    letter = _type_letter(domain)
    if letter == "V" and length >= GENEROUS_MIN_LENGTH and observed * GENEROUS_RATIO < length:
        smaller = _fitting(domain, index, need_bytes=max(observed, 1), smaller=True)
        message = D2_GENEROUS(col=col, observed=observed, domain=domain.name, length=length)
        return [_warn("D2", message, smaller)]
    if letter == "C" and observed < length:
        hint = D2_SHORT_HINT() if p.inferred_type == "integer" else ""
        message = D2_SHORT(col=col, observed=observed, domain=domain.name, length=length, hint=hint)
        return [_warn("D2", message)]
    return []


def _fitting(
    domain: Domain,
    index: WordIndex,
    need_bytes: int | None = None,
    int_digits: int | None = None,
    decimals: int = 0,
    smaller: bool = False,
) -> str | None:
    """The smallest domain of the same 분류 that holds the observed values (a D2/D3 suggestion)."""
    current = _int(domain.length) or 0
    best: tuple[int, int, str] | None = None
    for d in index.domains.values():
        if d.domain_class != domain.domain_class or d.name == domain.name:
            continue
        length = _int(d.length)
        if length is None:
            continue
        if need_bytes is not None:
            if _type_letter(d) not in ("C", "V") or length < need_bytes:
                continue
            if smaller and length >= current:
                continue
            if _type_letter(d) == "C" and length != need_bytes:
                continue  # a fixed-length domain only when every value would fill it
        else:
            if _type_letter(d) != "N":
                continue
            scale = _int(d.scale) or 0
            if scale < decimals or length - scale < (int_digits or 0):
                continue
            if int_digits == 0 and length - scale < current - (_int(domain.scale) or 0):
                continue  # D3: keep the integer part the current domain allows
        key = (length, _type_letter(d) != _type_letter(domain), d.name)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _allowed(col: str, p: ColumnProfile, allowed: dict[str, str], text: str) -> list[Check]:
    outside = [(v, n) for v, n in p.top_values if v.strip() not in allowed]
    if not outside:
        return []
    codes = list(allowed)
    listed = ", ".join(f"'{v}'({n}건)" for v, n in outside[:SHOWN_VALUES])
    if len(outside) > SHOWN_VALUES:
        listed += D5_MORE(n=len(outside) - SHOWN_VALUES)
    partial = p.distinct_count > len(p.top_values)
    basis = D5_BASIS(n=len(p.top_values)) if partial else ""
    hints = []
    width = {len(c) for c in codes}
    if len(width) == 1:
        k = width.pop()
        if any(v.isdigit() and v.zfill(k) in allowed for v, _ in outside):
            hints.append(D5_ZEROS())
    meanings = {m.split("(")[0].strip(): c for c, m in allowed.items() if m}
    if any(v.strip() in meanings for v, _ in outside):
        hints.append(D5_NAMES())
    if codes == ["Y", "N"] and p.inferred_type == "flag":
        hints.append(D5_YN())
    hint = D5_HINTS(hints=join("; ", hints)) if hints else ""
    shown_codes = ", ".join(codes[:8]) + (" …" if len(codes) > 8 else "")
    message = D5_OUTSIDE(col=col, codes=shown_codes, listed=listed, basis=basis, hint=hint)
    return [_err("D5", message)]
