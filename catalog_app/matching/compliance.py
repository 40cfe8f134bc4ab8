"""표준 준수율 per table, dataset, department and the whole catalog (prior-art.md §5.4 R1).

    표준 준수율(%) = 준수 컬럼 수 / 점검 컬럼 수 × 100

* 준수 컬럼: ``checks.is_compliant`` — mapped to a standard term, no error-severity check.
* 점검 컬럼: every column except crosstab band columns (kind ``'not_a_column'``: a year or
  region spread over the header is data, not a column name).  Those are counted as ``excluded``
  so the dashboard can show them next to the rate.
* The rate is rounded half-up to one decimal.  A scope with no checked column has rate None and
  its formula says why, instead of a misleading 0 % or 100 %.

This is the app's computation after the common practice (disclosure.md §6.3), not the official
수준평가 score; every Rate carries its formula so the figure can be shown with its working.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from .checks import Check, is_compliant, nonstandard_words

__all__ = [
    "NOT_A_COLUMN",
    "ColumnResult",
    "Rate",
    "column_result",
    "compliance",
    "department_folders",
    "department_of",
    "format_rate",
    "top_nonstandard_words",
]

NOT_A_COLUMN = "not_a_column"
ROOT_DEPARTMENT = "(최상위 폴더)"  # files directly in a scanned root


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


def column_result(
    dataset_id: int,
    dataset: str,
    department: str,
    table: str,
    label: str,
    kind: str,
    checks: Iterable[Check],
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


def _rates(
    scope: str,
    results: list[ColumnResult],
    key: Callable[[ColumnResult], tuple[Hashable, ...]],
    name: Callable[[ColumnResult], str],
) -> list[Rate]:
    counts: dict[tuple, list[int]] = {}
    names: dict[tuple, str] = {}
    for r in results:
        k = key(r)
        c = counts.setdefault(k, [0, 0, 0])
        names.setdefault(k, name(r))
        if r.kind == NOT_A_COLUMN:
            c[2] += 1
        else:
            c[1] += 1
            c[0] += 1 if r.compliant else 0
    out = []
    for k, (compliant, checked, excluded) in counts.items():
        rate, formula = format_rate(compliant, checked, excluded)
        out.append(Rate(scope, names[k], compliant, checked, excluded, rate, formula, k))
    out.sort(key=lambda r: (r.name, r.key))
    return out


def compliance(results: Iterable[ColumnResult]) -> dict[str, list[Rate]]:
    """Rates for every table, dataset and department seen, plus one for the whole catalog.

    Keys 'table', 'dataset', 'department', 'catalog'; each list is sorted by name.  A scope
    whose columns are all excluded still appears (rate None), so an all-crosstab sheet is visible.
    """
    results = list(results)
    out = {
        "table": _rates(
            "table",
            results,
            lambda r: (r.dataset_id, r.table),
            lambda r: f"{r.dataset} › {r.table}",
        ),
        "dataset": _rates("dataset", results, lambda r: (r.dataset_id,), lambda r: r.dataset),
        "department": _rates(
            "department", results, lambda r: (r.department,), lambda r: r.department
        ),
        "catalog": _rates("catalog", results, lambda r: (), lambda r: "전체"),
    }
    if not out["catalog"]:
        rate, formula = format_rate(0, 0)
        out["catalog"] = [Rate("catalog", "전체", 0, 0, 0, rate, formula, ())]
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
