"""The dates of a dataset the lists need: 시간범위 (from the column the coordinator picks), 기준일자
(what 파일데이터명 ends with) and a clean 목록명 from a downloaded file's name.

* 시간범위: the date columns of the coordinator's choice (``temporal_column``); by default the
  columns whose term or header is a 기준일자, else those mapped to a 연월일 term, else every date
  column. Columns holding personal data (생년월일) never count: their range would describe a
  person. An implausible extreme is left out and named: a year before 1900 or more than ten
  years ahead, a placeholder (1900-01-01, 9999-12-31) or a date more than ``GAP_YEARS`` apart from
  the rest of the column (1904-08-08 among license dates from 1969 on). The scan keeps the five
  lowest and highest distinct dates of a column (``date_tails``), so the next value is known;
  a catalog scanned before that only has min/max and can only drop the first two kinds.
* 기준일자: the latest date of a 기준일자 column, else a date in the file name (…_20240520.csv),
  else the day the file was last modified.
* 목록명: the file name without the download stamp and ids data.go.kr appends
  (``…_20210310_1615356324741_10427``: a trailing run of number tokens that holds a date or a
  long stamp; a bare serial such as ``_00024`` stays), '+' read as a space, prefixed with the
  institution's name unless it already starts with it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from catalog_app.scan.values import classify_value

__all__ = [
    "TimeRange",
    "clean_title",
    "range_of",
    "reference_columns",
    "reference_date",
    "time_range",
]

GAP_YEARS = 30
_EARLIEST, _LATEST_AHEAD = 1900, 10
_PLACEHOLDERS = {date(1900, 1, 1), date(1899, 12, 31), date(1899, 12, 30), date(9999, 12, 31)}
_DIGITS = re.compile(r"[\d\s.\-]+")
_LEADING_PERIOD = re.compile(r"\d{6}|\d{8}")
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
# what a download appends: a date (20210310, even an impossible 20150931) or a long time stamp
_STAMP = re.compile(r"(?:19|20)\d{6}|\d{12,}")
_REFERENCE_LABEL = re.compile(r"기준(일자|일|연월일)$")


def as_date(text: str | None) -> date | None:
    """A date (or the day of a datetime) written in any form the scan reads; None otherwise."""
    if not text:
        return None
    info = classify_value(text)
    if info is None or info.kind not in ("date", "datetime"):
        return None
    value = info.normalized
    return value.date() if isinstance(value, datetime) else value


@dataclass
class TimeRange:
    value: str = ""  # 'YYYY-MM-DD ~ YYYY-MM-DD', '' when there is nothing to say
    columns: list[str] = field(default_factory=list)  # the columns it was taken from
    left_out: list[str] = field(default_factory=list)  # "1904-08-08 (인허가일자)"
    latest: date | None = None  # its last day (기준일자 of a 기준일자 column)
    problem: str = ""  # why the coordinator's column could not be used

    def note(self) -> str:
        if not self.columns:
            return self.problem
        text = f"{', '.join(self.columns)} 기준"
        if self.left_out:
            text += (
                f"; 동떨어진 날짜 {', '.join(self.left_out)}은(는) 뺐습니다 "
                f"(다른 값과 {GAP_YEARS}년 넘게 떨어졌거나 있을 수 없는 날짜)"
            )
        return text


def _implausible(d: date, today: date) -> bool:
    return d in _PLACEHOLDERS or not _EARLIEST <= d.year <= today.year + _LATEST_AHEAD


def _far(a: date, b: date) -> bool:
    return abs((b - a).days) > GAP_YEARS * 365.25


def _trim(values: list[date], today: date) -> tuple[list[date], list[date]]:
    """(kept, dropped) of values ordered from the extreme inward: drop the leading ones that are
    implausible or far from the next value (at least one value is always kept)."""
    dropped = []
    while len(values) > 1 and (_implausible(values[0], today) or _far(values[0], values[1])):
        dropped.append(values.pop(0))
    if values and _implausible(values[0], today):
        dropped.append(values.pop(0))
    return values, dropped


def column_range(column, today: date) -> tuple[date | None, date | None, list[date]]:
    """(earliest, latest, left out) of one date column, from its tails or its min/max; an end
    is None when every value known for it was left out."""
    try:
        tails = json.loads(column["date_tails"] or "{}")
    except (IndexError, KeyError):  # a row from a query without it
        tails = {}
    low = [d for d in map(as_date, tails.get("low") or [column["min_value"]]) if d]
    high = [d for d in map(as_date, tails.get("high") or [column["max_value"]]) if d]
    low, dropped_low = _trim(low, today)
    high, dropped_high = _trim(high, today)
    lo, hi = (low[0] if low else None), (high[0] if high else None)
    if lo and hi and lo > hi:  # every known value was dropped from one side
        lo = hi = None
    return lo, hi, sorted(set(dropped_low + dropped_high))


def _is_date(column) -> bool:
    return column["inferred_type"] in ("date", "datetime") and not column["pii_kind"]


def _label(column) -> str:
    return " ".join((column["label"] or "").split())


def _find(columns, pick: str):
    wanted = " ".join(pick.split())
    for c in columns:
        table = c["sheet_name"] or c["table_key"]
        if wanted in (_label(c), f"{table} › {_label(c)}", f"{table}/{_label(c)}"):
            return c
    return None


def reference_columns(columns, terms: dict[int, tuple[str, str]]) -> list:
    """Date columns that hold the data's 기준일: the term or the header is a 기준일자."""
    return [
        c
        for c in columns
        if _is_date(c)
        and (
            terms.get(c["id"], ("", ""))[0].endswith("기준일자")
            or _REFERENCE_LABEL.search("".join(_label(c).split()))
        )
    ]


def default_columns(columns, terms: dict[int, tuple[str, str]]) -> list:
    """The date columns a 시간범위 is taken from when the coordinator named none (module doc)."""
    reference = reference_columns(columns, terms)
    if reference:
        return reference
    dated = [c for c in columns if _is_date(c)]
    ymd = [c for c in dated if terms.get(c["id"], ("", ""))[1].startswith("연월일")]
    return ymd or dated


def range_of(picked, today: date) -> TimeRange:
    """The range over ``picked`` date columns, their implausible extremes left out."""
    out = TimeRange()
    lows, highs = [], []
    for c in picked:
        lo, hi, dropped = column_range(c, today)
        if lo and hi:
            lows.append(lo)
            highs.append(hi)
            out.columns.append(_label(c))
        elif dropped:
            out.problem = (
                f"{_label(c)}: 동떨어진 날짜를 빼고 나니 남는 날짜를 모릅니다. 이 파일은 날짜 "
                "분포를 기록하기 전에 스캔되었습니다 — 다시 스캔(scan --force)하거나 시간범위를 "
                "직접 입력하세요."
            )
        out.left_out += [f"{d.isoformat()} ({_label(c)})" for d in dropped]
    out.columns = list(dict.fromkeys(out.columns))
    if lows and highs:
        out.value = f"{min(lows).isoformat()} ~ {max(highs).isoformat()}"
        out.latest = max(highs)
    return out


def time_range(
    columns, terms: dict[int, tuple[str, str]], pick: str = "", today: date | None = None
) -> TimeRange:
    """The 시간범위 of a dataset (see the module doc). ``terms``: column id → (term, domain)."""
    today = today or date.today()
    if not pick.strip():
        return range_of(default_columns(columns, terms), today)
    picked = []
    for name in (n.strip() for n in pick.split(",")):  # one column, or several with commas
        if not name:
            continue
        chosen = _find(columns, name)
        if chosen is None:
            return TimeRange(
                problem=f"시간범위 기준 컬럼 '{name}'을(를) 이 파일에서 찾을 수 없습니다."
            )
        if not _is_date(chosen):
            why = "개인정보 컬럼입니다" if chosen["pii_kind"] else "날짜 컬럼이 아닙니다"
            return TimeRange(problem=f"시간범위 기준 컬럼 '{name}'은(는) {why}.")
        picked.append(chosen)
    return range_of(picked, today)


def clean_title(stem: str, org: str = "") -> tuple[str, date | None]:
    """(목록명, date written in the file name) from a file name without its extension."""
    text = " ".join(stem.replace("+", " ").split())
    tokens = [t.strip() for t in text.split("_")]
    found: date | None = None
    tail = 0  # the trailing run of number tokens, dropped when it holds a date or a stamp
    while tail < len(tokens) - 1 and _DIGITS.fullmatch(tokens[-1 - tail]):
        tail += 1
    if any(_STAMP.fullmatch(t) for t in tokens[len(tokens) - tail :]):
        for token in tokens[len(tokens) - tail :]:
            found = found or _file_date(token)
        del tokens[len(tokens) - tail :]
    while len(tokens) > 1 and _LEADING_PERIOD.fullmatch(tokens[0]):
        found = found or _file_date(tokens[0])
        tokens.pop(0)
    name = "_".join(t for t in tokens if t) or text
    if not org:
        return name, found
    rest = _after_prefix(name, org)
    if rest is None:
        return f"{org}_{name}", found
    return (f"{org}_{rest}" if rest else org), found


def _after_prefix(name: str, org: str) -> str | None:
    """``name`` without ``org`` at its start (spaces and underscores ignored), or None."""
    wanted = "".join(org.split()).replace("_", "")
    i = 0
    for ch in wanted:
        while i < len(name) and name[i] in " _":
            i += 1
        if i >= len(name) or name[i] != ch:
            return None
        i += 1
    return name[i:].lstrip(" _")


def _file_date(token: str) -> date | None:
    m = _FILE_DATE.fullmatch(token.strip())
    if not m:
        return None
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return d if 1990 <= d.year <= date.today().year + 1 else None


def reference_date(
    reference_range: TimeRange, name_date: date | None, mtime_ns: int | None
) -> tuple[date | None, str]:
    """(기준일자, where it came from) — see the module doc."""
    if reference_range.latest is not None:
        return reference_range.latest, f"{', '.join(reference_range.columns)}의 가장 늦은 날짜"
    if name_date is not None:
        return name_date, "파일 이름의 날짜"
    if mtime_ns:
        return datetime.fromtimestamp(mtime_ns / 1e9).date(), "파일 수정일"
    return None, ""
