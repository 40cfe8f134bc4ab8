"""From the catalog to plans: for every readable dataset, which rules check which column.

A column's working term is its accepted decision, else an exact match (``workspace.working_term``),
as the 표준 준수율 uses it; its domain comes from the working dictionary. The built-in rules come
from ``semantics``, the 제공표준 item rules from ``provision`` (when the table follows one) and the
business rules from ``business`` (resolved to the table's columns by label or by term). Rules that
cannot run are kept with a Korean message (``Unrunnable``) and never stop the others.

Datasets left out, with the reason: unreadable ones (scan error, missing file) and those whose
text was garbled (``garbled_text``: values that cannot be trusted are not diagnosed).
"""

from __future__ import annotations

import json
from datetime import date

from catalog_app.catalog.store import Catalog
from catalog_app.quality import provision
from catalog_app.quality.business import BusinessRule, RuleBook, describe, static_problems
from catalog_app.quality.model import (
    ColumnPlan,
    DatasetPlan,
    RuleSpec,
    TablePlan,
    Unrunnable,
)
from catalog_app.quality.semantics import ColumnFacts, column_rules
from catalog_app.scan.flags import rate_exclusion

__all__ = ["build_plans", "code_lists_for"]

_NUMERIC_KINDS = ("integer", "decimal", "number")


def _key(name: str) -> str:
    return "".join((name or "").split())


def build_plans(
    catalog: Catalog, dataset_ids: list[int] | None = None, today: date | None = None
) -> tuple[list[DatasetPlan], list[dict]]:
    """(plans, skipped) — skipped: ``[{"dataset_id", "status", "message"}]``."""
    from catalog_app.matching.workspace import Workspace, column_rows, working_term

    today = today or date.today()
    conn = catalog.conn
    ws = Workspace.open(catalog, with_matcher=False)
    decisions = {r["column_id"]: dict(r) for r in conn.execute("SELECT * FROM column_mappings")}
    matches = {r["column_id"]: r for r in conn.execute("SELECT * FROM column_match")}
    where, params = "", ()
    if dataset_ids is not None:
        where = f"WHERE id IN ({', '.join('?' for _ in dataset_ids)})"
        params = tuple(dataset_ids)
    datasets = conn.execute(
        f"SELECT * FROM datasets {where} ORDER BY folder, name, id", params
    ).fetchall()
    columns: dict[int, list] = {}
    for row in column_rows(conn, [d["id"] for d in datasets] if dataset_ids is not None else None):
        columns.setdefault(row["dataset_id"], []).append(row)
    book = RuleBook(catalog)
    from catalog_app.codelists import CodeListStore

    org_complete = CodeListStore(catalog).get("org").complete
    plans, skipped = [], []
    for d in datasets:
        if d["status"] != "ok":
            reason = {"missing": "파일이 없어졌습니다", "error": "스캔 때 읽지 못한 파일입니다"}
            skipped.append(
                {
                    "dataset_id": d["id"],
                    "status": "skipped",
                    "message": f"{reason.get(d['status'], d['status'])}: 진단하지 않았습니다.",
                }
            )
            continue
        excluded = rate_exclusion(d["flags"])
        if excluded:
            skipped.append(
                {
                    "dataset_id": d["id"],
                    "status": "excluded",
                    "message": f"진단에서 뺌 — {excluded[len('준수율에서 뺌 — ') :]}",
                }
            )
            continue
        plan = DatasetPlan(
            dataset_id=d["id"],
            path=d["path"],
            name=d["name"],
            real_format=d["real_format"] or "",
            encoding=d["encoding"],
            encoding_method=d["encoding_method"],
            size=d["size"],
            mtime_ns=d["mtime_ns"],
            read_run=d["last_read_run"],
            overrides=catalog.header_overrides(d["id"]),
        )
        own = columns.get(d["id"], [])
        tables = conn.execute(
            "SELECT * FROM tables WHERE dataset_id = ? ORDER BY table_index", (d["id"],)
        ).fetchall()
        for t in tables:
            cols = sorted(
                (c for c in own if c["table_key"] == t["table_key"]), key=lambda c: c["col_index"]
            )
            terms = {}
            for c in cols:
                match = matches.get(c["id"])
                candidates = json.loads(match["candidates"]) if match else []
                kind = match["kind"] if match else "unmapped"
                term = working_term(
                    ws, decisions.get(c["id"]), kind, candidates[0] if candidates else None
                )
                terms[c["id"]] = term
            plan.tables.append(_table_plan(t, cols, terms, ws, plan, d["name"], today))
        _add_business(plan, book.for_dataset(d["id"]), terms_of(plan, own, ws, decisions, matches))
        if not org_complete:  # a value missing from a partial list is only a warning
            for t in plan.tables:
                for c in t.columns:
                    for r in c.rules:
                        if r.code == "org_code":
                            r.severity = "warning"
        plans.append(plan)
    return plans, skipped


def terms_of(plan, rows, ws, decisions, matches) -> dict[int, str]:
    """column id -> working term name (business rules name columns by term too)."""
    from catalog_app.matching.workspace import working_term

    out = {}
    for c in rows:
        match = matches.get(c["id"])
        candidates = json.loads(match["candidates"]) if match else []
        kind = match["kind"] if match else "unmapped"
        term = working_term(ws, decisions.get(c["id"]), kind, candidates[0] if candidates else None)
        if term is not None:
            out[c["id"]] = term.name
    return out


def _table_plan(t, cols, terms, ws, plan: DatasetPlan, dataset_name: str, today) -> TablePlan:
    from catalog_app.matching.signatures import signature

    labels = [c["label"] for c in cols]
    table = TablePlan(
        table_key=t["table_key"],
        sheet_name=t["sheet_name"],
        index=t["table_index"],
        header_row=t["header_row"],
        header_rows=t["header_rows"],
        data_row=t["data_row"],
        first_col=t["first_col"],
        row_count=t["row_count"],
        labels=labels,
    )
    found = provision.match_table(labels, f"{dataset_name} {t['sheet_name'] or ''}")
    items: dict[int, provision.Item] = {}
    if found is not None:
        std = provision.standards()[found["standard"]]
        table.provision = provision.structure(found, labels)
        items = {li: std.items[ii] for ii, li, _exact in found["pairs"]}
    for pos, c in enumerate(cols):
        term = terms.get(c["id"])
        domain = ws.domains.get(term.domain) if term is not None and term.domain else None
        facts = ColumnFacts.from_row(c, term, domain)
        sig = None
        if not facts.masked:
            found_sig = signature(
                list(facts.samples), facts.inferred_type, c["min_value"], c["max_value"]
            )
            sig = found_sig.kind if found_sig else None
        item = items.get(pos)
        kind, basis, rules = column_rules(facts, sig, today, (item.name,) if item else ())
        if item is not None:
            extra, problems = provision.item_rules(item)
            if item.allowed:  # the standard's 허용값 say what the values are (1/2/3/기타)
                rules = [r for r in rules if r.source != "profile"]
            rules += extra
            for code, message in problems:
                plan.unrunnable.append(
                    Unrunnable(
                        code,
                        "제공표준 정규식",
                        message,
                        t["table_key"],
                        c["label"],
                        c["id"],
                        "provision",
                    )
                )
        table.columns.append(
            ColumnPlan(
                column_id=c["id"],
                position=c["col_index"],
                label=c["label"],
                pii_kind=c["pii_kind"],
                kind=kind,
                basis=basis,
                rules=rules,
            )
        )
    return table


# ------------------------------------------------------------------------------ business
def _add_business(plan: DatasetPlan, rules: list[BusinessRule], terms: dict[int, str]) -> None:
    for rule in rules:
        problems = static_problems(rule.kind, rule.spec)
        if rule.scope == "term":
            tables = [t for t in plan.tables if _find(t, rule.term_name or "", terms) is not None]
            if not tables:
                continue  # the term is not in this dataset: the rule does not apply here
        else:
            tables = plan.tables
        if problems:
            plan.unrunnable.append(Unrunnable(rule.code, rule.title, " ".join(problems)))
            continue
        names = [n if n else (rule.term_name or "") for n in rule.columns()]
        placed = False
        missing: list[tuple[str, str]] = []
        for table in tables:
            positions = [_find(table, n, terms) for n in names]
            if positions[0] is None:
                continue
            gone = [n for n, p in zip(names, positions, strict=True) if p is None]
            if gone:
                missing.append((table.table_key, ", ".join(f"'{g}'" for g in gone)))
                continue
            _attach(table, rule, positions)
            placed = True
        if placed:
            continue
        if missing:
            for table_key, gone in missing:
                plan.unrunnable.append(
                    Unrunnable(
                        rule.code,
                        rule.title,
                        f"규칙 #{rule.id} '{rule.title}'을(를) 실행할 수 없습니다: {gone} 컬럼이 "
                        f"'{table_key}' 표에 없습니다.",
                        table_key,
                    )
                )
        else:
            plan.unrunnable.append(
                Unrunnable(
                    rule.code,
                    rule.title,
                    f"규칙 #{rule.id} '{rule.title}'을(를) 실행할 수 없습니다: '{names[0]}' 컬럼이 "
                    "이 데이터셋에 없습니다.",
                )
            )


def _find(table: TablePlan, name: str, terms: dict[int, str]) -> int | None:
    """The position of the column a rule names: by label (spaces ignored), else by term."""
    wanted = _key(name)
    if not wanted:
        return None
    for c in table.columns:
        if _key(c.label) == wanted:
            return c.position
    for c in table.columns:
        if _key(terms.get(c.column_id, "")) == wanted:
            return c.position
    return None


def _attach(table: TablePlan, rule: BusinessRule, positions: list[int]) -> None:
    by_position = {c.position: c for c in table.columns}
    target = by_position[positions[0]]
    params = {
        "kind": rule.kind,
        "name": rule.title,
        "detail": describe(rule.kind, rule.spec),
        **{k: v for k, v in rule.spec.items()},
    }
    columns: list[int] = []
    if rule.kind == "compare":
        left, right = by_position[positions[0]], by_position[positions[1]]
        if left.kind == "date" and right.kind == "date":
            params["as"] = "date"
        elif left.kind in _NUMERIC_KINDS and right.kind in _NUMERIC_KINDS:
            params["as"] = "number"
        else:
            params["as"] = "text"
        params["labels"] = [left.label, right.label]
        columns = [positions[0], positions[1]]
    elif rule.kind == "conditional":
        cond = by_position[positions[1]]
        params["labels"] = [cond.label, target.label]
        columns = [positions[1], positions[0]]  # evaluated as (condition column, required column)
    target.rules.append(RuleSpec(rule.code, params, source="business", columns=columns))


def code_lists_for(plan: DatasetPlan, store) -> dict[str, frozenset]:
    """The code lists the plan's rules read (only those: they cross into the reader process)."""
    from catalog_app.codelists import sgg_of

    codes = {r.code for t in plan.tables for c in t.columns for r in c.rules}
    out: dict[str, frozenset] = {}
    if codes & {"legal_dong_code", "sgg_code"}:
        legal = store.get("legal_dong").codes
        out["legal_dong"] = legal
        out["sgg"] = sgg_of(legal)
    if "org_code" in codes:
        out["org"] = store.get("org").codes
    return out
