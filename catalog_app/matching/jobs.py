"""Catalog-wide matching jobs: suggest for every column (`map`), check and rate (`check`).

Both are long jobs driven like the scan: a progress callback per dataset and a cancel token.
Suggestions (column_match), decisions (column_mappings) and column metadata hang on the column's
lasting id (``columns.id`` = ``column_keys.id``), which survives rescans. A scan suggests for the
columns it reads new or changed (``matching.refresh``), so ``map`` is only needed after the
dictionary or the mapping memory changed, or for a catalog upgraded from an older release.
``check`` counts columns without a current suggestion (``unsuggested``): the rate is not to be
trusted while there are any, and the CLI and the exports refuse. The working dictionary both use,
and the rows a table is judged from, are ``matching.workspace``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from catalog_app.catalog.joblock import exclusive_job
from catalog_app.catalog.store import Catalog
from catalog_app.matching.checks import check_column
from catalog_app.matching.compliance import ColumnResult, compliance, department_of
from catalog_app.matching.workspace import Workspace, column_rows, table_suggestions
from catalog_app.messages import template
from catalog_app.progress import CancelToken, ProgressEvent
from catalog_app.scan.flags import rate_exclusion
from catalog_app.scan.models import ColumnProfile


def _columns(catalog: Catalog, dataset_ids=None):
    return column_rows(catalog.conn, dataset_ids)


def _decisions(catalog: Catalog) -> dict[int, dict]:
    """Column id → its decision (accepted / rejected / proposed)."""
    rows = catalog.conn.execute("SELECT * FROM column_mappings")
    return {r["column_id"]: dict(r) for r in rows}


@dataclass
class MapSummary:
    columns: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    accepted: int = 0
    batch_id: int | None = None


@exclusive_job("map")  # never interleaved with a scan that replaces the columns it writes for
def map_catalog(
    catalog: Catalog,
    *,
    dataset_ids: list[int] | None = None,
    progress: Callable[[ProgressEvent], None] | None = None,
    cancel: CancelToken | None = None,
) -> MapSummary:
    """Suggest terms for every column of the (selected) datasets and store them."""
    from catalog_app.catalog.store import MATCH_INSERT
    from catalog_app.matching.refresh import match_row, workspace_for
    from catalog_app.matching.stored_checks import checks_basis

    ws = workspace_for(catalog)
    basis = checks_basis(catalog.conn)
    decisions = _decisions(catalog)
    rows = _columns(catalog, dataset_ids)
    by_dataset: dict[int, list] = {}
    for row in rows:
        by_dataset.setdefault(row["dataset_id"], []).append(row)
    summary = MapSummary()
    emit = progress or (lambda e: None)
    for done, (_dataset_id, cols) in enumerate(by_dataset.items(), start=1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        suggested = table_suggestions(ws, cols)
        stored = []
        for row in cols:
            suggestion, profile = suggested[row["id"]]
            stored.append(
                match_row(ws, row["id"], profile, decisions.get(row["id"]), suggestion, basis=basis)
            )
        for match in stored:
            summary.kinds[match[2]] = summary.kinds.get(match[2], 0) + 1
        with catalog.transaction() as conn:
            conn.executemany(MATCH_INSERT, stored)
        summary.columns += len(stored)
        emit(ProgressEvent("file", done, len(by_dataset), cols[0]["rel_path"]))
    emit(ProgressEvent("done", len(by_dataset), len(by_dataset)))
    return summary


@dataclass
class CheckReport:
    columns: list[dict]
    rates: dict[str, list]
    top_words: list[tuple[str, int]]
    # columns of readable datasets without a current suggestion: the rate cannot be trusted
    unsuggested: int = 0
    # datasets left out of the rate: [{"dataset_id", "path", "reason"}]
    excluded_datasets: list[dict] = field(default_factory=list)

    @property
    def trusted(self) -> bool:
        return self.unsuggested == 0

    def refusal(self) -> str:
        """The Korean message shown when a figure is refused for want of suggestions."""
        return unsuggested_message(self.unsuggested)


UNSUGGESTED = template(
    "표준용어 제안이 없는 컬럼이 {n:,}개 있어 표준 준수율을 믿을 수 없습니다. 매핑 제안을 "
    "다시 만드세요 (catalog-app map, 창에서는 [매핑 검토] › 제안 만들기)."
)


def unsuggested_message(n: int) -> str:
    return UNSUGGESTED(n=n)


# One row per column with its suggestion and decision: what ``check_catalog`` reads (the profile
# itself only for the columns whose stored checks must be computed again).
_CHECK_ROWS = """SELECT c.id, c.dataset_id, c.label, t.table_key, t.sheet_name, d.name AS dataset,
        d.folder, d.rel_path, d.flags AS dataset_flags,
        m.kind, m.cleaned, m.proposal, json_extract(m.candidates, '$[0].term') AS top_term, m.checks,
        m.compliant, m.checks_term, m.checks_basis, m.checks_parts,
        m.computed_at, k.status AS decision_status, k.term_name AS decision_term
    FROM columns c JOIN tables t ON t.id = c.table_id JOIN datasets d ON d.id = c.dataset_id
    LEFT JOIN column_match m ON m.column_id = c.id
    LEFT JOIN column_mappings k ON k.column_id = c.id
    WHERE d.status = 'ok' {where} ORDER BY d.folder, d.name, t.table_index, c.col_index"""


def _check_rows(catalog: Catalog, dataset_ids=None) -> list:
    where, params = "", ()
    if dataset_ids:
        where = f"AND d.id IN ({', '.join('?' for _ in dataset_ids)})"
        params = tuple(dataset_ids)
    return catalog.conn.execute(_CHECK_ROWS.format(where=where), params).fetchall()


def check_catalog(
    catalog: Catalog,
    departments: dict[str, str] | None = None,
    ws: Workspace | None = None,
    dataset_ids: list[int] | None = None,
    cancel: CancelToken | None = None,
) -> CheckReport:
    """Checks and 준수율 for every mapped column (of ``dataset_ids`` when given), with the
    decisions as they stand now. ``cancel`` is checked every few hundred columns. Columns of a
    dataset whose text was garbled (``RATE_EXCLUDING_FLAGS``) are listed but left out of the
    rates; ``unsuggested`` counts columns without a current suggestion.

    The checks are the ones stored with each suggestion while they are current
    (``stored_checks``); the others are computed here and stored for the next reader."""
    from catalog_app.matching.compliance import top_nonstandard_words
    from catalog_app.matching.stored_checks import StoredChecks, term_of

    stored = StoredChecks(catalog, ws)
    rows = _check_rows(catalog, dataset_ids)
    tops = [(r["top_term"] or "") if r["kind"] == "exact" else "" for r in rows]
    terms = [
        term_of(r["decision_status"], r["decision_term"], r["kind"] or "unmapped", top)
        for r, top in zip(rows, tops, strict=True)
    ]
    full_rows = stored.prefetch(rows, terms)
    results: list[ColumnResult] = []
    out: list[dict] = []
    unsuggested = 0
    excluded: dict[int, dict] = {}
    last_dataset, reason = None, None
    for n, (row, term, top) in enumerate(zip(rows, terms, tops, strict=True)):
        if cancel is not None and n % 256 == 0:
            cancel.raise_if_cancelled()
        kind = row["kind"] or "unmapped"
        unsuggested += row["kind"] is None
        if row["dataset_id"] != last_dataset:  # rows come dataset by dataset
            last_dataset, reason = row["dataset_id"], rate_exclusion(row["dataset_flags"])
        if reason and row["dataset_id"] not in excluded:
            excluded[row["dataset_id"]] = {
                "dataset_id": row["dataset_id"],
                "path": row["rel_path"],
                "reason": reason,
            }
        department = department_of(row["folder"], departments)
        checks, compliant, parts = stored.checks(row, term, full_rows.get(row["id"]))
        result = ColumnResult(
            row["dataset_id"],
            row["dataset"],
            department,
            row["sheet_name"] or row["table_key"],
            row["label"],
            kind,
            compliant if kind != "not_a_column" else False,
            [c["code"] for c in checks],
            list(dict.fromkeys(w for c in checks for w in c["words"])),
            parts,
        )
        if reason is None:
            results.append(result)
        out.append(
            {
                "column_id": row["id"],
                "dataset_id": row["dataset_id"],
                "path": row["rel_path"],
                "department": department,
                "table": result.table,
                "label": row["label"],
                "kind": kind,
                "term": row["decision_term"]
                if row["decision_status"] == "accepted"
                else (top or None),
                "compliant": result.compliant if kind != "not_a_column" else None,
                "checks": checks,
                "rate_excluded": reason,
                "parts": parts or None,
            }
        )
    stored.write_back()
    return CheckReport(
        out,
        compliance(results),
        top_nonstandard_words(results),
        unsuggested,
        list(excluded.values()),
    )


@dataclass
class MappingTrust:
    """What the window says beside a 준수율 (cheap: two indexed queries, no checks run)."""

    unsuggested: int  # columns of readable datasets without a current suggestion
    excluded: list[dict]  # datasets left out of the rate: [{"dataset_id", "path", "reason"}]

    @property
    def trusted(self) -> bool:
        return self.unsuggested == 0


def mapping_trust(conn) -> MappingTrust:
    unsuggested = conn.execute(
        """SELECT COUNT(*) FROM columns c JOIN datasets d ON d.id = c.dataset_id
           WHERE d.status = 'ok'
           AND NOT EXISTS (SELECT 1 FROM column_match m WHERE m.column_id = c.id)"""
    ).fetchone()[0]
    excluded = []
    for row in conn.execute(
        """SELECT id, rel_path, flags FROM datasets WHERE status = 'ok' AND flags != '[]'
           ORDER BY folder, name"""
    ):
        reason = rate_exclusion(row["flags"])
        if reason:
            excluded.append({"dataset_id": row["id"], "path": row["rel_path"], "reason": reason})
    return MappingTrust(unsuggested, excluded)


def noncompliant_clause(alias: str = "d") -> str:
    """SQL condition on ``datasets AS alias``: a column failed the checks at the last ``map``
    (the catalog's '비준수 컬럼 있음' filter)."""
    return (
        "EXISTS (SELECT 1 FROM column_match m JOIN columns c ON c.id = m.column_id "
        f"WHERE c.dataset_id = {alias}.id AND m.compliant = 0)"
    )


def profile_of_values(header: str, values) -> ColumnProfile | None:
    """A profile from a handful of sample values (the suggest contract has no catalog column)."""
    from catalog_app.scan.profile import ColumnAccumulator

    if not values:
        return None
    acc = ColumnAccumulator(0, header)
    acc.update(tuple(values))
    return acc.finish()


_UNPROFILED = object()


def suggest_with_checks(
    ws: Workspace, header: str, values, suggestion=None, profile=_UNPROFILED
) -> dict:
    """One line of the suggest contract: the matcher's answer (``suggestion`` when the caller
    judged the whole table already) plus the check codes it implies.  ``profile``: the
    ``profile_of_values`` the caller made already for the matcher (profiled once, not twice)."""
    from catalog_app.matching.clean import clean_header
    from catalog_app.matching.contract import suggestion_json

    if profile is _UNPROFILED:
        profile = profile_of_values(header, values)
    if suggestion is None:
        suggestion = ws.matcher.suggest(header, values, profile)
    out = suggestion_json(suggestion)
    if suggestion.kind == "not_a_column":
        return out
    top = suggestion.candidates[0] if suggestion.candidates else None
    term = ws.terms.get(top.term) if top else None
    cleaned = clean_header(header).label or None
    found = check_column(header, profile, term, None, ws.index, cleaned, suggestion.proposal)
    # A few sample values cannot show that a domain is too generous: that warning needs the
    # whole column, so the contract leaves it out.
    found = [c for c in found if not (c.code == "D2" and c.severity == "warning")]
    out["checks"] = sorted({c.code for c in found})
    return out
