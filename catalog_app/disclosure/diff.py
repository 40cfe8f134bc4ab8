"""What changed in the disclosure lists between two years (a snapshot and a later state).

The yearly report and the 10-day change registration (시행령 제15조②) both need the same answer:
which listed datasets were added, removed or edited, and which of their columns. Only datasets on
the lists (목록포함여부 ≠ N) take part, so a dataset taken off the list shows as removed. Text is
compared with its whitespace collapsed, so retyping a value with an extra space is not a change.

Columns are matched by (dataset, table, header) and compared only for datasets present in both
years; an added or removed dataset is one line, not one line per column. Two columns with the same
header in one table are told apart by their order of appearance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from catalog_app.disclosure.model import (
    Change,
    ColumnRecord,
    DatasetRecord,
    DiffResult,
    DisclosureState,
)
from catalog_app.disclosure.records import dataset_name
from catalog_app.disclosure.vocab import COLUMN_FIELDS, DATASET_FIELDS


@dataclass(frozen=True)
class _Compared:
    key: str
    label: str
    read: Callable[[object], str]


def _text(value: object) -> str:
    """Whitespace-collapsed text; None and '' are the same empty value."""
    return " ".join(str(value).split()) if value is not None else ""


def _rate(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.1f}"


def _yes_no(flag: bool | None) -> str:
    return "" if flag is None else ("Y" if flag else "N")


def _field(key: str) -> Callable[[object], str]:
    """Reads an entered field (DatasetRecord.get / ColumnRecord.get)."""
    return lambda record: record.get(key)


# 목록포함여부 is left out: both sides are on the list by construction (N shows as 'removed').
DATASET_COMPARED: tuple[_Compared, ...] = (
    *(_Compared(f.key, f.label, _field(f.key)) for f in DATASET_FIELDS if f.key != "include"),
    _Compared("record_department", "부서", lambda d: d.department),
    _Compared("status", "상태", lambda d: d.status),
    _Compared("rate", "표준 준수율(%)", lambda d: _rate(d.rate)),
    _Compared("tables", "테이블", lambda d: ", ".join(t.name for t in d.tables)),
)

_COLUMN_FIELD_KEYS = ("openness", "reason", "pii")
COLUMN_COMPARED: tuple[_Compared, ...] = (
    _Compared("term_name", "표준용어", lambda c: c.term_name),
    _Compared("term_abbr", "영문약어", lambda c: c.term_abbr),
    _Compared("domain", "도메인", lambda c: c.domain),
    _Compared("data_type", "자료타입", lambda c: c.data_type),
    _Compared("length", "자료길이", lambda c: c.length),
    *(
        _Compared(f.key, f.label, _field(f.key))
        for f in COLUMN_FIELDS
        if f.key in _COLUMN_FIELD_KEYS
    ),
    _Compared("compliant", "표준준수여부", lambda c: _yes_no(c.compliant)),
)

_DATASET_RANK = {c.key: i for i, c in enumerate(DATASET_COMPARED)}
_COLUMN_RANK = {c.key: i for i, c in enumerate(COLUMN_COMPARED)}
_ACTION_RANK = {"removed": 0, "added": 1, "changed": 2}


def diff_states(old: DisclosureState, new: DisclosureState) -> DiffResult:
    """Added, removed and changed datasets and columns from ``old`` to ``new`` (sorted)."""
    result = DiffResult(old.year, new.year, old.source, new.source)
    before = {d.key: d for d in old.included_datasets()}
    after = {d.key: d for d in new.included_datasets()}
    rows: list[tuple[tuple, Change]] = []
    for key, d in after.items():
        if key not in before:
            rows.append(_dataset_row("added", d))
    for key, d in before.items():
        if key not in after:
            rows.append(_dataset_row("removed", d))
    for key in before.keys() & after.keys():
        rows.extend(_dataset_changes(before[key], after[key]))
        rows.extend(_column_changes(old, new, before[key], after[key]))
    rows.sort(key=lambda row: row[0])
    result.changes = [c for _, c in rows]
    return result


def diff_json(d: DiffResult) -> dict:
    """The diff for the CLI's --json output ('path' is the dataset key)."""
    return {
        "from": d.from_year,
        "to": d.to_year,
        "from_source": d.from_source,
        "to_source": d.to_source,
        "summary": d.summary(),
        "changes": [
            {
                "level": c.level,
                "action": c.action,
                "dataset": c.dataset_name,
                "path": c.dataset_key,
                "table": c.table,
                "column": c.column,
                "field": c.field,
                "field_label": c.field_label,
                "old": c.old,
                "new": c.new,
            }
            for c in d.changes
        ],
    }


# --- datasets ----------------------------------------------------------------------------------


def _dataset_sort(name: str, key: str, action: str, field_key: str = "") -> tuple:
    return (name, key, 0, "", 0, "", _ACTION_RANK[action], _DATASET_RANK.get(field_key, -1))


def _dataset_row(action: str, d: DatasetRecord) -> tuple[tuple, Change]:
    name = dataset_name(d)
    return _dataset_sort(name, d.key, action), Change("dataset", action, d.key, name)


def _dataset_changes(old: DatasetRecord, new: DatasetRecord) -> list[tuple[tuple, Change]]:
    name = dataset_name(new)
    rows = []
    for comp in DATASET_COMPARED:
        a, b = _text(comp.read(old)), _text(comp.read(new))
        if a != b:
            change = Change(
                "dataset",
                "changed",
                new.key,
                name,
                field=comp.key,
                field_label=comp.label,
                old=a,
                new=b,
            )
            rows.append((_dataset_sort(name, new.key, "changed", comp.key), change))
    return rows


# --- columns -----------------------------------------------------------------------------------


def _keyed_columns(columns: list[ColumnRecord]) -> dict[tuple[str, str, int], ColumnRecord]:
    """(table key, header, n-th occurrence of that header in the table) → column."""
    keyed: dict[tuple[str, str, int], ColumnRecord] = {}
    seen: dict[tuple[str, str], int] = {}
    for c in sorted(columns, key=lambda c: (c.table_key, c.col_index)):
        label = _text(c.label)
        n = seen.get((c.table_key, label), 0)
        seen[(c.table_key, label)] = n + 1
        keyed[(c.table_key, label, n)] = c
    return keyed


def _column_changes(
    old_state: DisclosureState,
    new_state: DisclosureState,
    old: DatasetRecord,
    new: DatasetRecord,
) -> list[tuple[tuple, Change]]:
    name = dataset_name(new)
    before = _keyed_columns(old_state.columns_of(old.key))
    after = _keyed_columns(new_state.columns_of(new.key))
    rows = []

    def row(action: str, c: ColumnRecord, comp: _Compared | None = None, a="", b="") -> None:
        label = _text(c.label)
        change = Change(
            "column",
            action,
            new.key,
            name,
            table=c.table_name,
            column=label,
            field=comp.key if comp else "",
            field_label=comp.label if comp else "",
            old=a,
            new=b,
        )
        rank = _COLUMN_RANK[comp.key] if comp else -1
        sort = (name, new.key, 1, c.table_name, c.col_index, label, _ACTION_RANK[action], rank)
        rows.append((sort, change))

    for key, c in after.items():
        if key not in before:
            row("added", c)
    for key, c in before.items():
        if key not in after:
            row("removed", c)
    for key in before.keys() & after.keys():
        for comp in COLUMN_COMPARED:
            a, b = _text(comp.read(before[key])), _text(comp.read(after[key]))
            if a != b:
                row("changed", after[key], comp, a, b)
    return rows
