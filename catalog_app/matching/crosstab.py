"""Crosstab siblings: columns that are values of one category laid side by side, judged per table.

``clean`` already knows band labels that say what they are (years, age bands, sexes, 시도, totals).
Many crosstabs spread other categories over the columns: 휘발유 | 경유 | 등유 prices, 화재 | 구조 |
구급 call counts, 살인 발생 | 살인 검거 | 강도 발생 …  Header by header each looks like an unknown
word; side by side they are a band (``not_a_column``):

* a grid: two or more prefixes each with the same two or more suffixes (살인·강도 × 발생·검거,
  가두리·유수식 × 업소수·시설면적), numbers in every cell;
* the parts of a total: number columns right after a 계/소계/합계 band whose headers name no
  measure (소계 | 외래 | 입원 | 사망);
* a run of three or more adjacent number columns whose headers name no measure, most of them
  not a known measure short of its class word (휘발유 | 경유 | 실내등유, but not 인구 | 세대);
* the categories a table name lists with '+' (발생별(국내발생+해외유입)).

A header "names no measure" (``category_like``) when it does not end in a class word, is no
term or composition, and is not a total (전체 확진자).  Headers without values are never judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ColumnFacts", "crosstab_bands"]

_COUNT_TEXT = re.compile(r"^-?[\d,]+(?:\.\d+)?\s*\(\s*-?[\d.]+\s*%?\s*\)$|^-$")
_SPLIT_NAME = re.compile(r"[^0-9A-Za-z가-힣]")


@dataclass
class ColumnFacts:
    """What the table-level judgement needs of one column (built by the matcher)."""

    raw: str  # the header as written
    label: str  # the cleaned name ('' for bands and blank headers)
    band: str | None  # the band ``clean`` found, else None
    total_band: bool  # a total column (계, 소계, 합계) that ``clean`` made a band
    total: bool  # the header names the total of a measure (전체 확진자, 회원 총계)
    kind: str  # the kind suggested header by header
    numeric: bool  # the values are numbers (or 'count (pct)' strings)
    category_like: bool  # the name is no measure: no class word, no term, no composition
    completable: bool  # the name plus one class word is a term (인구 → 인구수)


def is_numeric(main: str | None, texts: list[str]) -> bool:
    """Numbers, or counts written with a share in brackets ('27,909,446 (92.2)')."""
    if main in ("integer", "decimal"):
        return True
    vals = [t.strip() for t in texts if t and t.strip()]
    return bool(vals) and sum(1 for t in vals if _COUNT_TEXT.match(t)) >= 0.8 * len(vals)


def crosstab_bands(facts: list[ColumnFacts], members: set[str] | None = None) -> dict[int, str]:
    """Indexes of the columns that are crosstab siblings, with the Korean reason for each."""
    out: dict[int, str] = {}
    _listed(facts, members or set(), out)
    _grid(facts, out)
    if not members:
        _parts_of_total(facts, out)
    _category_runs(facts, out)
    return out


def _listed(facts: list[ColumnFacts], members: set[str], out: dict[int, str]) -> None:
    for i, f in enumerate(facts):
        if f.band is None and f.label and f.label in members:
            out[i] = f"표 이름에 나열된 구분 값 '{f.label}'"


def _grid(facts: list[ColumnFacts], out: dict[int, str]) -> None:
    cells: dict[str, dict[str, int]] = {}
    for i, f in enumerate(facts):
        if f.band is not None or not f.numeric or f.total:
            continue
        text = f.raw.strip()
        if "_" in text:
            prefix, _, suffix = text.partition("_")
        elif " " in text:
            prefix, _, suffix = text.partition(" ")
        else:
            continue
        p, s = _SPLIT_NAME.sub("", prefix), _SPLIT_NAME.sub("", suffix)
        if p and s:
            cells.setdefault(p, {})[s] = i
    by_suffixes: dict[frozenset[str], list[str]] = {}
    for p, row in cells.items():
        if len(row) >= 2:
            by_suffixes.setdefault(frozenset(row), []).append(p)
    for suffixes, prefixes in by_suffixes.items():
        if len(prefixes) < 2:
            continue
        shown = f"'{prefixes[0]}'·'{prefixes[1]}' × '{sorted(suffixes)[0]}'"
        for p in prefixes:
            for i in cells[p].values():
                out.setdefault(i, f"교차표 구간 ({shown} …)")


def _parts_of_total(facts: list[ColumnFacts], out: dict[int, str]) -> None:
    for t, f in enumerate(facts):
        if not f.total_band:
            continue
        run = []
        for i in range(t + 1, len(facts)):
            g = facts[i]
            if g.band is not None or not (g.numeric and g.category_like):
                break
            run.append(i)
        if len(run) >= 2:
            for i in run:
                out.setdefault(i, f"합계 열 '{f.raw.strip()}'의 구분 값")


def _category_runs(facts: list[ColumnFacts], out: dict[int, str]) -> None:
    run: list[int] = []
    for i in range(len(facts) + 1):
        f = facts[i] if i < len(facts) else None
        if f is not None and f.band is None and i not in out and f.numeric and f.category_like:
            run.append(i)
            continue
        if len(run) >= 3 and sum(1 for k in run if not facts[k].completable) * 2 >= len(run):
            names = "', '".join(facts[k].label for k in run[:3])
            for k in run:
                out[k] = f"교차표 구간: 나란한 구분 값 ('{names}' …)"
        run = []
