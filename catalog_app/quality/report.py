"""What the diagnosis found, as it stands: per finding, column, rule, dataset, department and
the whole institution, each rate with its formula; the ``quality show --json`` contract.

    오류율(%) = 오류 값 / 점검 값 × 100      (the app's computation: no official formula is published)

* a finding is one rule on one column: ``checked`` values it looked at, ``errors`` it rejected;
* a column's values are counted once however many rules reject them (``quality_columns``);
* a dataset, a department and the institution add up their columns. Warnings (a 기관코드 missing
  from the partial shipped list) are shown but not counted; rules that could not run count
  nothing and say why.

A dataset's figures come from the latest run that diagnosed it. Every figure is rounded half up
to two decimals; a scope with nothing checked has rate ``None`` and a formula saying so.
"""

from __future__ import annotations

import json

from catalog_app.catalog.store import Catalog
from catalog_app.quality.store import FIX_ACTIONS, FixLog, fix_key

__all__ = ["department_rates", "error_rate", "fix_history", "latest", "show"]


def error_rate(errors: int, checked: int) -> tuple[float | None, str]:
    """(rate in %, formula) — '오류 값 12 / 점검 값 3,450 × 100 = 0.35%'."""
    if not checked:
        return None, "점검한 값이 없어 오류율을 계산할 수 없습니다"
    hundredths = (20000 * errors + checked) // (2 * checked)  # half up, exact integers
    rate = hundredths / 100
    return rate, f"오류 값 {errors:,} / 점검 값 {checked:,} × 100 = {rate:.2f}%"


def _latest_runs(conn, dataset_ids=None) -> dict[int, int]:
    """dataset id -> the run of its current result."""
    rows = conn.execute(
        "SELECT dataset_id, MAX(run_id) AS run_id FROM quality_results GROUP BY dataset_id"
    )
    out = {r["dataset_id"]: r["run_id"] for r in rows}
    if dataset_ids is not None:
        wanted = set(dataset_ids)
        out = {k: v for k, v in out.items() if k in wanted}
    return out


def latest(catalog: Catalog, dataset_ids: list[int] | None = None) -> dict:
    """Current results, findings and column counts (raw rows), plus the departments."""
    from catalog_app.disclosure.metadata import MetadataStore
    from catalog_app.matching.compliance import department_of

    conn = catalog.conn
    runs = _latest_runs(conn, dataset_ids)
    departments = MetadataStore(catalog).department_map()
    results, findings, columns = [], [], []
    for dataset_id, run_id in sorted(runs.items()):
        r = conn.execute(
            """SELECT r.*, d.path, d.rel_path, d.name, d.folder, d.last_read_run,
                      d.status AS dataset_status
               FROM quality_results r JOIN datasets d ON d.id = r.dataset_id
               WHERE r.run_id = ? AND r.dataset_id = ?""",
            (run_id, dataset_id),
        ).fetchone()
        if r is None:
            continue
        row = dict(r)
        row["department"] = department_of(row["folder"], departments)
        results.append(row)
        findings += [
            dict(f)
            for f in conn.execute(
                """SELECT * FROM quality_findings WHERE run_id = ? AND dataset_id = ?
                   ORDER BY table_key, column_id, id""",
                (run_id, dataset_id),
            )
        ]
        columns += [
            dict(c)
            for c in conn.execute(
                "SELECT * FROM quality_columns WHERE run_id = ? AND dataset_id = ?",
                (run_id, dataset_id),
            )
        ]
    results.sort(key=lambda r: (r["department"], r["rel_path"]))
    return {"results": results, "findings": findings, "columns": columns}


def _table_names(conn) -> dict[tuple[int, str], str]:
    return {
        (t["dataset_id"], t["table_key"]): t["sheet_name"] or t["table_key"]
        for t in conn.execute("SELECT dataset_id, table_key, sheet_name FROM tables")
    }


def _fix_json(mark: dict | None, current_errors: int | None) -> dict | None:
    if mark is None:
        return None
    return {
        "id": mark["id"],
        "action": mark["action"],
        "action_name": FIX_ACTIONS.get(mark["action"], mark["action"]),
        "reason": mark["reason"],
        "who": mark["who"],
        "at": mark["at"],
        "errors_before": mark["errors_before"],
        "errors_now": current_errors,
    }


def show(catalog: Catalog, dataset_ids: list[int] | None = None, errors_only: bool = False) -> dict:
    """The ``quality show --json`` object (README: keys only ever added)."""
    conn = catalog.conn
    data = latest(catalog, dataset_ids)
    names = _table_names(conn)
    marks = FixLog(catalog).current()
    paths = {r["dataset_id"]: r["rel_path"] for r in data["results"]}
    findings = []
    for f in data["findings"]:
        if errors_only and not f["errors"] and f["status"] == "ok":
            continue
        rate, formula = error_rate(f["errors"], f["checked"]) if f["status"] == "ok" else (None, "")
        if f["status"] != "ok":
            formula = f["message"] or ""
        findings.append(
            {
                "id": f["id"],
                "dataset_id": f["dataset_id"],
                "path": paths.get(f["dataset_id"]),
                "table": names.get((f["dataset_id"], f["table_key"]), f["table_key"]) or None,
                "column": f["label"] or None,
                "column_id": f["column_id"] or None,
                "rule": f["rule"],
                "rule_name": f["rule_name"],
                "severity": f["severity"],
                "source": f["source"],
                "detail": f["detail"],
                "status": f["status"],
                "message": f["message"],
                "checked": f["checked"],
                "errors": f["errors"],
                "error_rate": rate,
                "formula": formula,
                "samples": json.loads(f["samples"]),
                "fix": _fix_json(marks.get(fix_key(f)), f["errors"]),
            }
        )
    datasets = []
    for r in data["results"]:
        rate, formula = error_rate(r["errors"], r["checked"])
        if r["status"] != "ok":
            formula = r["message"] or formula
        detail = json.loads(r["provision"]) if r["provision"] else None
        datasets.append(
            {
                "dataset_id": r["dataset_id"],
                "path": r["rel_path"],
                "department": r["department"],
                "status": r["status"],
                "message": r["message"],
                "run_id": r["run_id"],
                "at": r["at"],
                "stale": bool(r["read_run"] is not None and r["last_read_run"] != r["read_run"]),
                "rows": r["rows"],
                "checked": r["checked"],
                "errors": r["errors"],
                "warnings": r["warnings"],
                "error_rate": rate,
                "formula": formula,
                "provision_standard": r["provision_standard"],
                "conformance": r["conformance"],
                "provision": detail,
            }
        )
    columns = []
    for c in data["columns"]:
        rate, formula = error_rate(c["errors"], c["checked"])
        columns.append(
            {
                "dataset_id": c["dataset_id"],
                "table": names.get((c["dataset_id"], c["table_key"]), c["table_key"]),
                "column": c["label"],
                "column_id": c["column_id"],
                "checked": c["checked"],
                "errors": c["errors"],
                "error_rate": rate,
                "formula": formula,
            }
        )
    ok = [r for r in data["results"] if r["status"] == "ok"]
    checked, errors = sum(r["checked"] for r in ok), sum(r["errors"] for r in ok)
    rate, formula = error_rate(errors, checked)
    run = conn.execute("SELECT * FROM quality_runs ORDER BY id DESC LIMIT 1").fetchone()
    return {
        "run": dict(run) if run else None,
        "institution": {
            "checked": checked,
            "errors": errors,
            "error_rate": rate,
            "formula": formula,
        },
        "departments": department_rates(data["results"]),
        "rules": rule_rates(data["findings"]),
        "datasets": datasets,
        "columns": columns,
        "findings": findings,
    }


def department_rates(results: list[dict]) -> list[dict]:
    by: dict[str, list[int]] = {}
    for r in results:
        if r["status"] != "ok":
            continue
        c = by.setdefault(r["department"], [0, 0, 0])
        c[0] += r["checked"]
        c[1] += r["errors"]
        c[2] += 1
    out = []
    for name, (checked, errors, n) in sorted(by.items()):
        rate, formula = error_rate(errors, checked)
        out.append(
            {
                "department": name,
                "datasets": n,
                "checked": checked,
                "errors": errors,
                "error_rate": rate,
                "formula": formula,
            }
        )
    return out


def rule_rates(findings: list[dict]) -> list[dict]:
    """Per rule over the institution (business rules by their id)."""
    by: dict[str, dict] = {}
    for f in findings:
        if f["status"] != "ok":
            continue
        c = by.setdefault(
            f["rule"],
            {
                "rule": f["rule"],
                "rule_name": f["rule_name"],
                "severity": f["severity"],
                "checked": 0,
                "errors": 0,
                "columns": 0,
            },
        )
        c["checked"] += f["checked"]
        c["errors"] += f["errors"]
        c["columns"] += 1
    out = []
    for c in sorted(by.values(), key=lambda c: (-c["errors"], c["rule"])):
        c["error_rate"], c["formula"] = error_rate(c["errors"], c["checked"])
        out.append(c)
    return out


def column_rates(catalog: Catalog, dataset_id: int) -> list[dict]:
    data = latest(catalog, [dataset_id])
    out = []
    for c in data["columns"]:
        rate, formula = error_rate(c["errors"], c["checked"])
        out.append({**c, "error_rate": rate, "formula": formula})
    return out


def fix_history(catalog: Catalog, limit: int = 500) -> list[dict]:
    """The fix log, newest first, with each mark's errors before and in the latest run."""
    conn = catalog.conn
    runs = _latest_runs(conn)
    out = []
    names = _table_names(conn)
    for row in conn.execute(
        """SELECT f.*, d.rel_path FROM quality_fixes f JOIN datasets d ON d.id = f.dataset_id
           ORDER BY f.id DESC LIMIT ?""",
        (limit,),
    ):
        now = None
        run_id = runs.get(row["dataset_id"])
        if run_id is not None:
            if row["column_id"]:
                found = conn.execute(
                    """SELECT errors, run_id FROM quality_findings WHERE run_id = ? AND dataset_id = ?
                       AND column_id = ? AND rule = ?""",
                    (run_id, row["dataset_id"], row["column_id"], row["rule"]),
                ).fetchone()
            else:
                found = conn.execute(
                    """SELECT errors, run_id FROM quality_findings WHERE run_id = ? AND dataset_id = ?
                       AND table_key = ? AND label = ? AND rule = ?""",
                    (run_id, row["dataset_id"], row["table_key"], row["label"], row["rule"]),
                ).fetchone()
            now = dict(found) if found else {"errors": 0, "run_id": run_id}
        rule_name = conn.execute(
            "SELECT rule_name FROM quality_findings WHERE rule = ? ORDER BY id DESC LIMIT 1",
            (row["rule"],),
        ).fetchone()
        out.append(
            {
                "id": row["id"],
                "dataset_id": row["dataset_id"],
                "path": row["rel_path"],
                "table": names.get((row["dataset_id"], row["table_key"]), row["table_key"]),
                "column": row["label"] or None,
                "column_id": row["column_id"] or None,
                "rule": row["rule"],
                "rule_name": rule_name[0] if rule_name else row["rule"],
                "action": row["action"],
                "action_name": FIX_ACTIONS.get(
                    row["action"], "되돌림" if row["action"] == "undo" else row["action"]
                ),
                "reason": row["reason"],
                "who": row["who"],
                "at": row["at"],
                "run_id": row["run_id"],
                "errors_before": row["errors_before"],
                "errors_after": now["errors"] if now and now["run_id"] != row["run_id"] else None,
                "after_run": now["run_id"] if now and now["run_id"] != row["run_id"] else None,
                "undone": row["undone_by"] is not None,
                "undoes": row["undoes"],
            }
        )
    return out
