"""Classify one cell value for column profiling: kind, normalized value, written format.

The profiler calls :func:`classify_value` once per distinct value, so the checks run cheapest
first (a digit-only fast path, one dict lookup for flags, dispatch on a character before any
regex) and every regex is compiled once at import.
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

KINDS = ("integer", "decimal", "date", "datetime", "time", "flag", "code", "text")


@dataclass(frozen=True, slots=True)
class ValueInfo:
    """What one value is; ``text`` is what lengths are measured on, ``fmt`` how it was written."""

    kind: str  # one of KINDS
    normalized: object  # int, float, date, datetime, time, bool or str (code, text)
    text: str  # stripped original for str input, canonical text for typed input
    decimals: int  # digits after the decimal point for decimal values, else 0
    fmt: str | None  # written form ('YYYY-MM-DD', '#,##0', '0.0%', …); 'excel' for typed values


# Placeholders clerks type into empty cells; they mean "no value", not the text "-".
_DASHES = frozenset({"-", "\u2013", "\u2014", "\uff0d"})

_TRUE_WORDS = ("Y", "YES", "T", "TRUE", "O", "예", "네", "유", "여", "있음", "○", "◯", "Ｏ")
_FALSE_WORDS = ("N", "NO", "F", "FALSE", "X", "아니오", "아니요", "무", "부", "없음", "×", "Ｘ")


def _flag_table() -> dict[str, ValueInfo]:
    """Every accepted spelling, case variants included, so a flag costs one dict lookup."""
    table: dict[str, ValueInfo] = {}
    for words, flag in ((_TRUE_WORDS, True), (_FALSE_WORDS, False)):
        for word in words:
            for spelling in {word, word.lower(), word.capitalize()}:
                table[spelling] = ValueInfo("flag", flag, spelling, 0, None)
    return table


_FLAGS = _flag_table()
_TRUE_INFO = ValueInfo("flag", True, "Y", 0, None)
_FALSE_INFO = ValueInfo("flag", False, "N", 0, None)

_NUM_START = frozenset("0123456789+-.")
_TIME_START = frozenset("오AaPp")

# Sign, integer part (thousands groups of exactly 3 digits, or plain digits), fraction, percent.
_NUMBER_RE = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?(%?)", re.ASCII)

# Dates: the character after the year picks one regex, so at most one runs per value.
_DASH_DATE_RE = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})", re.ASCII)
_DOT_DATE_RE = re.compile(r"(\d{4})\.( *)(\d{1,2})\.( *)(\d{1,2})(\.?)", re.ASCII)
_KO_DATE_RE = re.compile(r"(\d{4})년( *)(\d{1,2})월( *)(\d{1,2})일", re.ASCII)
_YY_DATE_RE = re.compile(r"(\d{2})([-.])(\d{2})\2(\d{2})", re.ASCII)

_TIME_RE = re.compile(
    r"(?:(오전|오후|AM|PM|am|pm)( *))?"  # 1 prefix meridiem, 2 gap
    r"(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?"  # 3 h, 4 m, 5 s, 6 fraction
    r"|(\d{1,2})시(?:( *)(\d{1,2})분(?:( *)(\d{1,2})초)?)?)"  # 7 h, 8 gap, 9 m, 10 gap, 11 s
    r"(?:( *)(AM|PM|am|pm))?"  # 12 gap, 13 suffix meridiem
    r"(Z|[+-]\d{2}:?\d{2})?",  # 14 UTC offset (datetimes only; ignored, the value stays naive)
    re.ASCII,
)
_PM = frozenset({"오후", "PM", "pm"})

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Excel's serial day 0/1 base dates: a typed datetime on one of them is a time of day only.
_EXCEL_EPOCH_DAYS = frozenset({date(1899, 12, 30), date(1899, 12, 31)})

_ONE_DAY = timedelta(days=1)
_ZERO = timedelta(0)


def is_blank(value: object) -> bool:
    """True for values that mean "empty": None, whitespace, a lone dash, float NaN/inf."""
    if value is None:
        return True
    if isinstance(value, str):
        s = value.strip()
        return not s or s in _DASHES
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, (int, date, time, timedelta)):
        return False
    return classify_value(value) is None


def classify_value(value: object) -> ValueInfo | None:
    """Classify one cell; None when the cell is blank (see :func:`is_blank`)."""
    if type(value) is str:  # the common case first, exact type so subclasses take the slow path
        return _classify_str(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return _TRUE_INFO if value else _FALSE_INFO
    if isinstance(value, int):
        return ValueInfo("integer", value, str(value), 0, "excel")
    if isinstance(value, float):
        return _classify_float(value)
    if isinstance(value, datetime):
        return _classify_datetime(value)
    if isinstance(value, date):
        return ValueInfo("date", value, value.isoformat(), 0, "excel")
    if isinstance(value, time):
        return ValueInfo("time", value, _time_text(value), 0, "excel")
    if isinstance(value, timedelta):
        if _ZERO <= value < _ONE_DAY:
            secs = value.seconds
            t = time(secs // 3600, secs % 3600 // 60, secs % 60, value.microseconds)
            return ValueInfo("time", t, _time_text(t), 0, "excel")
        return _text(str(value))
    if isinstance(value, str):
        return _classify_str(str(value))
    if isinstance(value, Decimal):
        return _classify_decimal(value)
    # numpy and other numeric types register with the numbers ABCs; checked last (slower).
    if isinstance(value, numbers.Integral):
        return classify_value(int(value))
    if isinstance(value, numbers.Real):
        return classify_value(float(value))
    return _text(str(value))


def value_pattern(text: str, limit: int = 30) -> str | None:
    """Shape of a value ('010-1234-5678' -> '999-9999-9999'); None for long free text."""
    if not text or len(text) > limit:
        return None
    shape = text.translate(_PATTERN_TABLE)
    if shape.isascii() and " " not in shape and shape.isprintable():
        return shape
    return _SPACE_RUN_RE.sub(" ", shape)


def byte_length(text: str) -> int:
    """Length by the MOIS standard rule: ASCII counts 1 byte, any other character 2 bytes."""
    if text.isascii():
        return len(text)
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


# ---------------------------------------------------------------------------------------------
# Strings


def _text(s: str) -> ValueInfo | None:
    s = s.strip()
    if not s:
        return None
    return ValueInfo("text", s, s, 0, None)


def _classify_str(value: str) -> ValueInfo | None:
    s = value.strip()
    if not s or s in _DASHES:
        return None
    c = s[0]
    if c in _NUM_START:
        if s.isdigit() and s.isascii():
            return _classify_digits(s)
        info = _classify_number(s)
        if info is None and "0" <= c <= "9":
            info = _classify_date(s) or _classify_time(s)
        if info is not None:
            return info
    else:
        info = _FLAGS.get(s)
        if info is not None:
            return info
        if c in _TIME_START:
            info = _classify_time(s)
            if info is not None:
                return info
    return ValueInfo("text", s, s, 0, None)


def _classify_digits(s: str) -> ValueInfo:
    """ASCII digits only: a code when zero-padded, a compact YYYYMMDD date, else an integer."""
    n = len(s)
    if n > 1 and s[0] == "0":
        return ValueInfo("code", s, s, 0, None)
    if n == 8:
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
        if 1900 <= y <= 2100 and _valid_day(y, m, d):
            return ValueInfo("date", date(y, m, d), s, 0, "YYYYMMDD")
    try:
        return ValueInfo("integer", int(s), s, 0, None)
    except ValueError:  # beyond int()'s digit limit: not a number anyone computes with
        return ValueInfo("text", s, s, 0, None)


def _classify_number(s: str) -> ValueInfo | None:
    m = _NUMBER_RE.fullmatch(s)
    if m is None:
        return None
    sign, whole, frac, pct = m.groups()
    if not whole and frac is None:
        return None  # '+', '-%' and the like
    grouped = "," in whole
    if grouped and whole[0] == "0":
        return None  # '0,123' is not a thousands-grouped number
    if frac is None and not pct:
        digits = whole.replace(",", "") if grouped else whole
        try:
            number = int(digits)
        except ValueError:
            return None
        return ValueInfo(
            "integer", -number if sign == "-" else number, s, 0, "#,##0" if grouped else None
        )
    plain = s.replace(",", "") if grouped else s
    number = float(plain[:-1] if pct else plain)
    if not math.isfinite(number):
        return None
    decimals = len(frac) if frac else 0
    if grouped or pct:
        fmt = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "") + pct
    else:
        fmt = None
    return ValueInfo("decimal", number, s, decimals, fmt)


def _valid_day(y: int, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    if d <= _DAYS_IN_MONTH[m]:
        return True
    return m == 2 and d == 29 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _pad(token: str) -> bool | None:
    """Whether a month/day/hour was zero-padded; None when a two-digit value cannot tell."""
    if len(token) == 1:
        return False
    return True if token[0] == "0" else None


def _month_day_tokens(month: str, day: str, default_pad: bool) -> tuple[str, str]:
    """'MM'/'M' and 'DD'/'D'; '2024.10.15' borrows the padding of the other part or the style's."""
    pm, pd = _pad(month), _pad(day)
    if pm is None:
        pm = pd
    if pd is None:
        pd = pm
    if pm is None:
        pm = pd = default_pad
    return ("MM" if pm else "M"), ("DD" if pd else "D")


def _classify_date(s: str) -> ValueInfo | None:
    """Dates with separators, optionally followed by a time (then a datetime)."""
    if len(s) < 8:
        return None
    c4 = s[4]
    if c4 == "-" or c4 == "/":
        m = _DASH_DATE_RE.match(s)
        if m is None:
            return None
        y, sep, mo, dd = m.groups()
        mt, dt = _month_day_tokens(mo, dd, True)
        fmt = f"YYYY{sep}{mt}{sep}{dt}"
    elif c4 == ".":
        m = _DOT_DATE_RE.match(s)
        if m is None:
            return None
        y, gap1, mo, gap2, dd, tail = m.groups()
        mt, dt = _month_day_tokens(mo, dd, not (gap1 or gap2))
        fmt = f"YYYY.{' ' if gap1 else ''}{mt}.{' ' if gap2 else ''}{dt}{tail}"
    elif c4 == "년":
        m = _KO_DATE_RE.match(s)
        if m is None:
            return None
        y, gap1, mo, gap2, dd = m.groups()
        mt, dt = _month_day_tokens(mo, dd, False)
        fmt = f"YYYY년{' ' if gap1 else ''}{mt}월{' ' if gap2 else ''}{dt}일"
    elif s[2] == "-" or s[2] == ".":
        m = _YY_DATE_RE.match(s)
        if m is None:
            return None
        yy, sep, mo, dd = m.groups()
        year = int(yy)
        y = str(year + (2000 if year <= 69 else 1900))
        fmt = f"YY{sep}MM{sep}DD"
    else:
        return None
    year, month, day = int(y), int(mo), int(dd)
    if not (1900 <= year <= 2100 and _valid_day(year, month, day)):
        return None
    d = date(year, month, day)
    end = m.end()
    if end == len(s):
        return ValueInfo("date", d, s, 0, fmt)
    rest = s[end:]
    if rest[0] == "T":
        sep, rest = "T", rest[1:]
    elif rest[0].isspace():
        sep, rest = " ", rest.lstrip()
    else:
        return None
    parsed = _parse_time(rest, in_datetime=True)
    if parsed is None:
        return None
    t, tfmt = parsed
    return ValueInfo("datetime", datetime.combine(d, t), s, 0, fmt + sep + tfmt)


def _classify_time(s: str) -> ValueInfo | None:
    parsed = _parse_time(s, in_datetime=False)
    if parsed is None:
        return None
    return ValueInfo("time", parsed[0], s, 0, parsed[1])


def _parse_time(s: str, in_datetime: bool) -> tuple[time, str] | None:
    """A time of day and its written form; '24:00' only as a bare time (closing hours)."""
    m = _TIME_RE.fullmatch(s)
    if m is None:
        return None
    pre, gap_pre, h, mi, sec, frac, kh, kgap1, kmi, kgap2, ksec, gap_post, post, tz = m.groups()
    if pre and post:
        return None
    if tz and not in_datetime:
        return None
    meridiem = pre or post
    if h is not None:  # 9:30[:15[.123]]
        ht = "H" if len(h) == 1 else ("HH" if h[0] == "0" or not meridiem else "H")
        core = f"{ht}:MM" + (":SS" if sec else "") + ("." + "f" * len(frac) if frac else "")
    else:  # 9시 30분 15초
        h, mi, sec = kh, kmi, ksec
        core = ("HH" if _pad(h) else "H") + "시"
        if mi is not None:
            core += (" " if kgap1 else "") + ("MM" if _pad(mi) else "M") + "분"
        if sec is not None:
            core += (" " if kgap2 else "") + ("SS" if _pad(sec) else "S") + "초"
    hour = int(h)
    minute = int(mi) if mi else 0
    second = int(sec) if sec else 0
    if minute > 59 or second > 59:
        return None
    if meridiem:
        if hour > 12:
            return None
        if meridiem in _PM:
            if hour < 12:
                hour += 12
        elif hour == 12:
            hour = 0
        fmt = (
            f"AM/PM{' ' if gap_pre else ''}{core}"
            if pre
            else f"{core}{' ' if gap_post else ''}AM/PM"
        )
    else:
        fmt = core
    if tz:
        fmt += "Z" if tz == "Z" else ("+HH:MM" if ":" in tz else "+HHMM")
    if hour > 23:
        if (
            hour == 24
            and not in_datetime
            and not meridiem
            and minute == 0
            and second == 0
            and not frac
        ):
            return time.max, fmt  # end of the business day; sorts after 23:59
        return None
    micro = int(frac.ljust(6, "0")) if frac else 0
    return time(hour, minute, second, micro), fmt


# ---------------------------------------------------------------------------------------------
# Typed values (Excel readers)


def _classify_float(value: float) -> ValueInfo | None:
    if not math.isfinite(value):
        return None
    if value.is_integer():
        number = int(value)
        return ValueInfo("integer", number, str(number), 0, "excel")
    text = repr(value)
    if "e" in text:  # 1e-05: spell it out, lengths and patterns need the digits
        text = format(Decimal(text), "f")
    return ValueInfo("decimal", value, text, len(text) - text.index(".") - 1, "excel")


def _classify_decimal(value: Decimal) -> ValueInfo | None:
    if not value.is_finite():
        return None
    if value == value.to_integral_value():
        number = int(value)
        return ValueInfo("integer", number, str(number), 0, None)
    text = format(value, "f")
    return ValueInfo("decimal", float(value), text, len(text) - text.index(".") - 1, None)


def _classify_datetime(value: datetime) -> ValueInfo | None:
    if value != value:  # pandas NaT is a datetime that is not equal to itself
        return None
    if value.date() in _EXCEL_EPOCH_DAYS:
        t = value.time()
        return ValueInfo("time", t, _time_text(t), 0, "excel")
    if not (value.hour or value.minute or value.second or value.microsecond):
        d = value.date()
        return ValueInfo("date", d, d.isoformat(), 0, "excel")
    text = (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )
    return ValueInfo("datetime", value, text, 0, "excel")


def _time_text(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}"


# ---------------------------------------------------------------------------------------------
# Patterns


def _pattern_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(ord("0"), ord("9") + 1):
        table[cp] = "9"
    for cp in range(0x41, 0x7B):
        if chr(cp).isalpha():
            table[cp] = "A"
    for cp in range(0xC0, 0x250):  # Latin-1 Supplement and Latin Extended-A/B letters
        if chr(cp).isalpha():
            table[cp] = "A"
    for cp in range(0xAC00, 0xD7A4):  # Hangul syllables
        table[cp] = "가"
    jamo = (
        (0x1100, 0x1200),
        (0x3131, 0x318F),
        (0xA960, 0xA980),
        (0xD7B0, 0xD800),
        (0xFFA0, 0xFFDD),
    )
    for lo, hi in jamo:
        for cp in range(lo, hi):
            table[cp] = "ㄱ"
    return table


_PATTERN_TABLE = _pattern_table()
_SPACE_RUN_RE = re.compile(r"\s+")
