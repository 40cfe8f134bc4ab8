"""Build the live disclosure state of a year from the catalog (scan + mappings + metadata).

One pass over the catalog: datasets that are held (readable or not; files that vanished are left
out), their tables and columns, each column's working standard term and its domain (type and
length), the checks and 표준 준수율 as ``check_catalog`` computes them, and the metadata merged
from what was entered, the settings and the scan.
"""

from __future__ import annotations

from datetime import date

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.institution import current_user
from catalog_app.dictionary.store import DictionaryStore
from catalog_app.disclosure import derive
from catalog_app.disclosure.metadata_read import MetadataReader
from catalog_app.disclosure.model import (
    ColumnRecord,
    DatasetRecord,
    DisclosureState,
    RateRecord,
    TableRecord,
)
from catalog_app.disclosure.registered_list import registered_records
from catalog_app.matching.compliance import PARTS, ColumnResult, compliance, department_of
from catalog_app.matching.jobs import CheckReport, check_catalog
from catalog_app.matching.workspace import Workspace
from catalog_app.progress import CancelToken

__all__ = ["build_state", "profile_type"]

_COLUMNS = """SELECT c.id, c.dataset_id, c.col_index, c.label, c.inferred_type, c.min_value,
                     c.max_value, c.null_count, c.value_count, c.max_len_chars, c.max_len_bytes,
                     c.decimal_places, c.pii_kind, c.date_tails, t.table_key, t.sheet_name,
                     t.table_index
              FROM columns c JOIN tables t ON t.id = c.table_id {where}
              ORDER BY c.dataset_id, t.table_index, c.col_index"""


def profile_type(column) -> tuple[str, str, str]:
    """(자료타입, 길이, 소수점) guessed from a profile for a column with no standard domain.

    Lengths follow the standard's rule (bytes, 한글 = 2); numbers get their digit count.
    """
    kind = column["inferred_type"]
    if kind in ("integer", "decimal"):
        scale = column["decimal_places"] or 0
        digits = max(column["max_len_chars"] or 1, 1)
        return "NUMERIC", str(digits), str(scale) if kind == "decimal" and scale else ""
    if kind == "date":
        return "DATE", "", ""
    if kind == "datetime":
        return "DATETIME", "", ""
    return "VARCHAR", str(max(column["max_len_bytes"] or 1, 1)), ""


def _only(dataset_ids: list[int] | None, column: str) -> tuple[str, tuple]:
    if dataset_ids is None:
        return "", ()
    marks = ", ".join("?" for _ in dataset_ids)
    return f"WHERE {column} IN ({marks})", tuple(dataset_ids)


def _tables(conn, dataset_ids: list[int] | None) -> dict[int, list]:
    where, params = _only(dataset_ids, "dataset_id")
    out: dict[int, list] = {}
    for t in conn.execute(f"SELECT * FROM tables {where} ORDER BY dataset_id, table_index", params):
        out.setdefault(t["dataset_id"], []).append(t)
    return out


def _columns(conn, dataset_ids: list[int] | None) -> dict[int, list]:
    where, params = _only(dataset_ids, "c.dataset_id")
    out: dict[int, list] = {}
    for c in conn.execute(_COLUMNS.format(where=where), params):
        out.setdefault(c["dataset_id"], []).append(c)
    return out


def _run_dates(conn) -> dict[int, str]:
    """Scan run id → when it started (the day a file first appeared is its first run's)."""
    return {r["id"]: r["started_at"] for r in conn.execute("SELECT id, started_at FROM scan_runs")}


def _entered_dates(conn, dataset_ids: list[int] | None) -> dict[int, dict[str, str]]:
    """Dataset id → entered dataset field → when it was last set."""
    where, params = _only(dataset_ids, "dataset_id")
    where = f"{where} AND" if where else "WHERE"
    out: dict[int, dict[str, str]] = {}
    for r in conn.execute(
        f"SELECT dataset_id, field, updated_at FROM disclosure_meta {where} column_id = 0", params
    ):
        out.setdefault(r["dataset_id"], {})[r["field"]] = r["updated_at"]
    return out


def _working_terms(report: CheckReport, ws: Workspace) -> dict[int, tuple[str, str]]:
    """Column id → (working term, its domain) for the columns that have one."""
    out = {}
    for r in report.columns:
        term = ws.terms.get(r["term"]) if r["term"] else None
        if term is not None:
            out[r["column_id"]] = (term.name, term.domain or "")
    return out


def build_state(
    catalog: Catalog,
    year: int,
    *,
    today: date | None = None,
    dataset_ids: list[int] | None = None,
    checked_with: tuple[Workspace, CheckReport] | None = None,
    cancel: CancelToken | None = None,
) -> DisclosureState:
    """The disclosure state as it stands now, labelled with ``year``.

    With ``dataset_ids`` only those datasets (the metadata form of one dataset); the rates then
    cover them alone. ``checked_with`` reuses a workspace and a ``check_catalog`` report made
    with the same department settings (the dashboard needs both).
    """
    from catalog_app.disclosure.category_store import CategoryStore
    from catalog_app.disclosure.systems import SystemStore, system_of_folder

    meta = MetadataReader(catalog)
    institution = meta.institution()
    systems = SystemStore(catalog)
    system_links = systems.folder_links()
    departments = meta.department_map()
    phones = meta.department_phones()
    entered = meta.all_entered()
    if checked_with is None:
        ws = Workspace.open(catalog, with_matcher=False)
        report = check_catalog(catalog, departments, ws, dataset_ids, cancel=cancel)
    else:
        ws, report = checked_with
    checked = {r["column_id"]: r for r in report.columns}
    edition = DictionaryStore(catalog).current()
    conn = catalog.conn
    tables, columns = _tables(conn, dataset_ids), _columns(conn, dataset_ids)
    dataset_rates = {r.key[0]: r for r in report.rates["dataset"]}
    excluded = {e["dataset_id"]: e["reason"] for e in report.excluded_datasets}
    terms = _working_terms(report, ws)
    runs, entered_at = _run_dates(conn), _entered_dates(conn, dataset_ids)
    root_first = {
        r[0]: r[1]
        for r in conn.execute("SELECT root_id, MIN(first_seen_run) FROM datasets GROUP BY root_id")
    }

    state = DisclosureState(
        year=year,
        source="live",
        created_at=now_iso(),
        created_by=current_user(),
        institution=institution,
        edition=edition.key if edition else "",
        categories=[r.as_list() for r in CategoryStore(catalog).rows()],
        systems=[s.as_dict() for s in systems.systems()],
    )
    where, params = _only(dataset_ids, "id")
    where = f"{where} AND" if where else "WHERE"
    rows = conn.execute(
        f"SELECT * FROM datasets {where} status IN ('ok', 'error') ORDER BY folder, name, id",
        params,
    ).fetchall()
    for d in rows:
        if cancel is not None:
            cancel.raise_if_cancelled()
        own_tables = tables.get(d["id"], [])
        own_columns = columns.get(d["id"], [])
        department = department_of(d["folder"], departments)
        own_entered = entered.get(d["id"], {})
        derived = derive.dataset_values(
            d,
            own_tables,
            own_columns,
            department=department,
            institution=institution,
            department_phone=phones.get(department, ""),
            today=today,
            entered=own_entered.get(0, {}),
            terms=terms,
            system=system_of_folder(d["folder"], system_links),
        )
        values, sources = derive.merge(derived.values, own_entered.get(0, {}))
        rate = dataset_rates.get(d["id"])
        record = DatasetRecord(
            key=d["path"],
            dataset_id=d["id"],
            name=d["name"],
            rel_path=d["rel_path"],
            department=values.get("department", department),
            status=d["status"],
            fields=values,
            sources=sources,
            tables=[
                TableRecord(
                    t["table_key"],
                    t["sheet_name"] or t["table_key"],
                    t["row_count"],
                    t["column_count"],
                )  # fmt: skip
                for t in own_tables
            ],
            pii_kinds=sorted({c["pii_kind"] for c in own_columns if c["pii_kind"]}),
            person_level=derive.person_level(own_tables),
            first_seen=runs.get(d["first_seen_run"], "") or "",
            read_at=d["scanned_at"] or "",
            appeared_later=(d["first_seen_run"] or 0) > (root_first.get(d["root_id"]) or 0),
            updated=entered_at.get(d["id"], {}),
            notes=derived.notes,
            doubts=derived.doubts,
        )
        if rate is not None:
            record.compliant, record.checked = rate.compliant, rate.checked
            record.excluded, record.rate = rate.excluded, rate.rate
            record.word_rate, record.term_rate = rate.word_rate, rate.term_rate
            record.domain_rate = rate.domain_rate
        record.rate_excluded = excluded.get(d["id"], "")
        state.datasets.append(record)
        for c in own_columns:
            column = _column_record(record, c, checked.get(c["id"]), ws, own_entered)
            state.columns.append(column)
            _describe(state, ws, column)
    state.rates = _rates(state)
    if dataset_ids is None:  # the registered list is about the whole catalog
        state.registered, state.registered_import = registered_records(catalog)
    return state


def _rates(state: DisclosureState) -> list[RateRecord]:
    """준수율 per department, dataset and overall over the datasets on the list only.

    A file left off the list (목록포함여부 N) is not part of what the institution discloses, so it
    does not move the reported rate; the 현황 page still shows the whole catalog.
    """
    included = {d.key: d for d in state.included_datasets()}
    results = [
        ColumnResult(
            included[c.dataset_key].dataset_id or 0,
            included[c.dataset_key].name,
            included[c.dataset_key].department,
            c.table_name,
            c.label,
            c.kind,
            bool(c.compliant),
            c.codes,
            [],
            dict(c.parts),
        )
        for c in state.columns
        if c.dataset_key in included and not included[c.dataset_key].rate_excluded
    ]
    rates = compliance(results)
    out = []
    for scope in ("department", "dataset", "catalog"):
        for r in rates[scope]:
            record = RateRecord(
                scope, r.name, r.compliant, r.checked, r.excluded, r.rate, r.formula
            )
            record.dataset_id = r.key[0] if scope == "dataset" else None
            for part in PARTS:
                setattr(record, f"{part}_rate", getattr(r, f"{part}_rate"))
                setattr(record, f"{part}_formula", getattr(r, f"{part}_formula"))
            out.append(record)
    return out


def _column_record(dataset: DatasetRecord, c, result, ws: Workspace, entered) -> ColumnRecord:
    record = ColumnRecord(
        dataset_key=dataset.key,
        table_key=c["table_key"],
        table_name=c["sheet_name"] or c["table_key"],
        col_index=c["col_index"],
        label=c["label"],
        column_id=c["id"],
        inferred_type=c["inferred_type"],
        not_null=c["value_count"] > 0 and c["null_count"] == 0,
        pii_kind=c["pii_kind"] or "",
    )
    term = ws.terms.get(result["term"]) if result and result["term"] else None
    domain = ws.domains.get(term.domain) if term and term.domain else None
    if term is not None:
        record.term_name, record.term_abbr, record.domain = term.name, term.abbr, term.domain or ""
    if domain is not None and domain.data_type:
        record.data_type, record.length, record.scale = (
            domain.data_type,
            domain.length,
            domain.scale,
        )
        record.storage_format, record.type_source = domain.storage_format, "domain"
    else:
        record.data_type, record.length, record.scale = profile_type(c)
        record.type_source = "profile"
    if result is not None:
        record.kind = result["kind"]
        record.compliant = result["compliant"]
        record.codes = list(dict.fromkeys(ch["code"] for ch in result["checks"]))
        record.messages = [ch["message"] for ch in result["checks"]]
        record.parts = dict(result.get("parts") or {})
    values, sources = derive.merge(derive.column_values(c), entered.get(c["id"], {}))
    record.fields, record.sources = values, sources
    return record


def _describe(state: DisclosureState, ws: Workspace, c: ColumnRecord) -> None:
    """Keep what the column metadata shows of the column's term and domain, once each."""
    if c.term_name and c.term_name not in state.terms:
        term = ws.terms.get(c.term_name)
        if term is not None:
            state.terms[c.term_name] = {
                "description": term.description,
                "code_name": term.code_name,
                "display_format": term.display_format,
            }
    if c.domain and c.domain not in state.domains:
        domain = ws.domains.get(c.domain)
        if domain is not None:
            state.domains[c.domain] = {
                "group": domain.group,
                "class": domain.domain_class,
                "unit": domain.unit,
                "display_format": domain.display_format,
            }
