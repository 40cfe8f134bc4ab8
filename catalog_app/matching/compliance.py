"""표준 준수율 per table, dataset, department and the whole catalog (the share of
columns that follow the standard, as institutions report it).

    표준 준수율(%) = 준수 컬럼 수 / 점검 컬럼 수 × 100

* 준수 컬럼: ``checks.is_compliant`` — mapped to a standard term, no error-severity check.
* 점검 컬럼: every column except crosstab band columns (kind ``'not_a_column'``: a year or
  region spread over the header is data, not a column name).  Those are counted as ``excluded``
  so the dashboard can show them next to the rate.
* The rate is rounded half-up to one decimal.  A scope with no checked column has rate None and
  its formula says why, instead of a misleading 0 % or 100 %.

This is the app's computation after the common practice of standards-analysis tools, not the official
수준평가 score; every Rate carries its formula so the figure can be shown with its working.

Beside the composite rate, practice reports three separate ones (a standards-analysis service
returns term, word and data-type groups); each column is judged on each part
by the error checks that belong to it (``PART_CODES``):

* 단어 (word): the header is made of standard words and ends in a 형식단어 — no W1, W2, F1, N3.
* 용어 (term): the header is an active standard term, written as one — no T1, N1, N2, N3.
* 도메인 (domain): the values fit the mapped term's domain — no D1–D5. Only columns mapped to a
  term with a domain and holding values can be judged; the rest are left out of that rate (and
  counted in its formula), so an unmapped column is not called domain-compliant or not.

A value written in the domain's 표현 형식 (a phone with hyphens against 전화번호V11) is a quality
finding, not a standard violation: ``checks_values`` reports it as a D4 warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from .check_record import Check
from .checks import is_compliant, nonstandard_words

__all__ = [
    "NOT_A_COLUMN",
    "PARTS",
    "PART_CODES",
    "PART_NAMES",
    "ColumnResult",
    "Rate",
    "column_result",
    "compliance",
    "department_folders",
    "department_of",
    "format_part",
    "format_rate",
    "split_parts",
    "top_nonstandard_words",
]

NOT_A_COLUMN = "not_a_column"
ROOT_DEPARTMENT = "(최상위 폴더)"  # files directly in a scanned root

PARTS = ("word", "term", "domain")
PART_NAMES = {"word": "단어", "term": "용어", "domain": "도메인"}
# The error checks that make a column fail each part of the split rate (see the module doc).
PART_CODES: dict[str, frozenset[str]] = {
    "word": frozenset({"W1", "W2", "F1", "N3"}),
    "term": frozenset({"T1", "N1", "N2", "N3"}),
    "domain": frozenset({"D1", "D2", "D3", "D4", "D5"}),
}


@dataclass
class ColumnResult:
    dataset_id: int
    dataset: str
    department: str
    table: str
    label: str
    kind: str  # 'not_a_column' for crosstab band columns; anything else is checked
    compliant: bool
    codes: list[str]  # check codes found (errors and warnings)
    words: list[str] = field(default_factory=list)  # non-standard words (W1–W3), for the dashboard
    # part -> True/False, None when the part cannot be judged (domain of an unmapped column);
    # empty when unknown (a snapshot of an older release): the column then counts in no part
    parts: dict[str, bool | None] = field(default_factory=dict)


def split_parts(checks: Iterable[Check], domain_checked: bool) -> dict[str, bool | None]:
    """Whether a column passes the word, term and domain parts (errors only; warnings pass).

    ``domain_checked``: the column is mapped to a term with a domain and holds values, so its
    values were checked against it (otherwise the domain part is None: not judged).
    """
    errors = {c.code for c in checks if c.severity == "error"}
    return {
        "word": not (errors & PART_CODES["word"]),
        "term": not (errors & PART_CODES["term"]),
        "domain": not (errors & PART_CODES["domain"]) if domain_checked else None,
    }


@dataclass
class Rate:
    scope: str  # 'table' | 'dataset' | 'department' | 'catalog'
    name: str  # table: '<dataset> › <table>'; catalog: '전체'
    compliant: int
    checked: int
    excluded: int
    rate: float | None  # percent, one decimal; None when nothing was checked
    formula: str
    key: tuple = ()  # identity within the scope: (dataset_id, table), (dataset_id,), (dept,), ()
    # the split rates: counts, rate (None when nothing could be judged) and formula of each part
    word_compliant: int = 0
    word_checked: int = 0
    word_rate: float | None = None
    word_formula: str = ""
    term_compliant: int = 0
    term_checked: int = 0
    term_rate: float | None = None
    term_formula: str = ""
    domain_compliant: int = 0
    domain_checked: int = 0
    domain_rate: float | None = None
    domain_formula: str = ""

    def part(self, name: str) -> tuple[float | None, str]:
        """(rate, formula) of one part: 'word', 'term' or 'domain'."""
        return getattr(self, f"{name}_rate"), getattr(self, f"{name}_formula")


def column_result(
    dataset_id: int,
    dataset: str,
    department: str,
    table: str,
    label: str,
    kind: str,
    checks: Iterable[Check],
    domain_checked: bool = False,
) -> ColumnResult:
    """A ColumnResult from ``check_column``'s output, so compliance and codes never disagree."""
    checks = list(checks)
    return ColumnResult(
        dataset_id=dataset_id,
        dataset=dataset,
        department=department,
        table=table,
        label=label,
        kind=kind,
        compliant=is_compliant(checks),
        codes=list(dict.fromkeys(c.code for c in checks)),
        words=nonstandard_words(checks),
        parts=split_parts(checks, domain_checked),
    )


def department_of(folder: str, mapping: Mapping[str, str] | None = None) -> str:
    """The department of a dataset from ``datasets.folder`` (relative, '/'-separated).

    With ``mapping`` (folder prefix -> department name) the longest matching prefix wins, whole
    path components only ('총무과' does not match '총무과2'); otherwise, or when nothing matches,
    the first path component.
    """
    parts = [p for p in folder.replace("\\", "/").split("/") if p]
    if mapping:
        normalized = {
            tuple(p for p in k.replace("\\", "/").split("/") if p): v for k, v in mapping.items()
        }
        for n in range(len(parts), 0, -1):
            found = normalized.get(tuple(parts[:n]))
            if found is not None:
                return found
    return parts[0] if parts else ROOT_DEPARTMENT


def department_folders(
    name: str, folders: Iterable[str], mapping: Mapping[str, str] | None = None
) -> list[str]:
    """The folders (as stored in ``datasets.folder``) whose department is ``name``."""
    return sorted({f for f in folders if department_of(f, mapping) == name})


def _tenths(compliant: int, checked: int) -> int:
    """compliant / checked × 1000, rounded half up (exact integer arithmetic, no float ties)."""
    return (2000 * compliant + checked) // (2 * checked)


def format_rate(compliant: int, checked: int, excluded: int = 0) -> tuple[float | None, str]:
    """(rate, formula) — '준수 컬럼 42 / 점검 컬럼 50 × 100 = 84.0%'."""
    note = f" (교차표 구분 열 {excluded}개 제외)" if excluded else ""
    if checked == 0:
        return None, f"점검 컬럼 0개 — 준수율을 계산할 수 없습니다{note}"
    tenths = _tenths(compliant, checked)
    rate = tenths / 10
    return rate, f"준수 컬럼 {compliant} / 점검 컬럼 {checked} × 100 = {rate:.1f}%{note}"


def format_part(
    part: str, compliant: int, checked: int, excluded: int = 0, unjudged: int = 0
) -> tuple[float | None, str]:
    """(rate, formula) of one part — '용어 준수 컬럼 30 / 점검 컬럼 50 × 100 = 60.0%'.

    ``unjudged``: checked columns the part could not judge (domain: no mapped domain or no
    values); they are named in the formula, not counted.
    """
    name = PART_NAMES[part]
    notes = []
    if excluded:
        notes.append(f"교차표 구분 열 {excluded}개 제외")
    if unjudged:
        notes.append(f"표준 도메인이 없거나 값이 없는 컬럼 {unjudged}개 제외")
    note = f" ({', '.join(notes)})" if notes else ""
    if checked == 0:
        return None, f"{name} 점검 컬럼 0개 — {name} 준수율을 계산할 수 없습니다{note}"
    rate = _tenths(compliant, checked) / 10
    return rate, f"{name} 준수 컬럼 {compliant} / 점검 컬럼 {checked} × 100 = {rate:.1f}%{note}"


def _signature(r: ColumnResult) -> tuple:
    """What a column adds to a scope's counts: (excluded, compliant, parts or None)."""
    if r.kind == NOT_A_COLUMN:
        return (True, False, None)
    parts = r.parts
    if not parts:
        return (False, r.compliant, None)
    return (False, r.compliant, (parts.get("word"), parts.get("term"), parts.get("domain")))


def _rate_of(scope: str, name: str, key: tuple, counts: Counter) -> Rate:
    """A scope's Rate from how many of its columns have each signature (a handful)."""
    compliant = checked = excluded = unknown = 0
    judged = [0] * len(PARTS)
    passed = [0] * len(PARTS)
    for (is_excluded, ok, parts), n in counts.items():
        if is_excluded:
            excluded += n
            continue
        checked += n
        compliant += n if ok else 0
        if parts is None:
            unknown += n
            continue
        for i, part in enumerate(parts):
            if part is not None:
                judged[i] += n
                passed[i] += n if part else 0
    rate, formula = format_rate(compliant, checked, excluded)
    out = Rate(scope, name, compliant, checked, excluded, rate, formula, key)
    for i, p in enumerate(PARTS):
        unjudged = checked - unknown - judged[i]
        part_rate, part_formula = format_part(p, passed[i], judged[i], excluded, unjudged)
        setattr(out, f"{p}_compliant", passed[i])
        setattr(out, f"{p}_checked", judged[i])
        setattr(out, f"{p}_rate", part_rate)
        setattr(out, f"{p}_formula", part_formula)
    return out


def _rates(
    scope: str,
    signed: list[tuple[ColumnResult, tuple]],
    key: Callable[[ColumnResult], tuple[Hashable, ...]],
    name: Callable[[ColumnResult], str],
) -> list[Rate]:
    tallies: dict[tuple, Counter] = {}
    names: dict[tuple, str] = {}
    for r, signature in signed:
        k = key(r)
        counts = tallies.get(k)
        if counts is None:
            counts = tallies[k] = Counter()
            names[k] = name(r)
        counts[signature] += 1
    out = [_rate_of(scope, names[k], k, c) for k, c in tallies.items()]
    out.sort(key=lambda r: (r.name, r.key))
    return out


def compliance(results: Iterable[ColumnResult]) -> dict[str, list[Rate]]:
    """Rates for every table, dataset and department seen, plus one for the whole catalog.

    Keys 'table', 'dataset', 'department', 'catalog'; each list is sorted by name.  A scope
    whose columns are all excluded still appears (rate None), so an all-crosstab sheet is visible.
    """
    signed = [(r, _signature(r)) for r in results]  # each column's counts, made once
    out = {
        "table": _rates(
            "table",
            signed,
            lambda r: (r.dataset_id, r.table),
            lambda r: f"{r.dataset} › {r.table}",
        ),
        "dataset": _rates("dataset", signed, lambda r: (r.dataset_id,), lambda r: r.dataset),
        "department": _rates(
            "department", signed, lambda r: (r.department,), lambda r: r.department
        ),
        "catalog": _rates("catalog", signed, lambda r: (), lambda r: "전체"),
    }
    if not out["catalog"]:
        out["catalog"] = [_rate_of("catalog", "전체", (), Counter())]
    return out


def top_nonstandard_words(results_with_words: Iterable, limit: int = 20) -> list[tuple[str, int]]:
    """The most frequent non-standard words, counted once per checked column.

    Items are ColumnResults (their ``words``) or ``(ColumnResult, words)`` pairs; crosstab band
    columns are skipped.  Ties are broken by the word, so the dashboard order is stable.
    """
    counter: Counter[str] = Counter()
    for item in results_with_words:
        if isinstance(item, ColumnResult):
            result, words = item, item.words
        else:
            result, words = item
        if result.kind == NOT_A_COLUMN:
            continue
        counter.update(set(words))
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
