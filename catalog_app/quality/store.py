"""Diagnosis runs, their results and findings, and the fix log (조치 이력), in the catalog.

A run writes each dataset's result in one short transaction (findings, column counts, the
dataset's totals and 제공표준 conformance), so a cancelled or killed run keeps the datasets it
finished and never half of one. A dataset's *current* result is the one of the latest run that
diagnosed it; older runs stay for before/after comparisons (the oldest beyond ``KEEP_RUNS`` are
pruned, never a run that is still some dataset's latest).

The fix log marks a finding — (dataset, column identity, rule): what survives a rescan — as
조치 완료 (fixed) or 예외 (exception) with a reason, who and when, and the error count at the
time; an undo is one more row. After the file is fixed, rescanned and diagnosed again, the
report shows the count before and after.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.quality import provision
from catalog_app.quality.model import DatasetOutcome, DatasetPlan, Unrunnable

__all__ = ["FIX_ACTIONS", "FixLog", "QualityStore"]

KEEP_RUNS = 30
FIX_ACTIONS = {"fixed": "조치 완료", "exception": "예외"}
PROVISION_RULES = ("std_required", "std_allowed", "std_regex", "std_format")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass
class SavedDataset:
    dataset_id: int
    status: str
    checked: int = 0
    errors: int = 0
    warnings: int = 0
    provision_standard: str | None = None
    conformance: float | None = None
    unrunnable: int = 0


class QualityStore:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    # ------------------------------------------------------------------------------ runs
    def start_run(self, who: str, datasets: int) -> int:
        with self.catalog.transaction() as conn:
            return conn.execute(
                "INSERT INTO quality_runs (started_at, who, datasets) VALUES (?, ?, ?)",
                (now_iso(), who, datasets),
            ).lastrowid

    def finish_run(self, run_id: int, status: str) -> None:
        with self.catalog.transaction() as conn:
            conn.execute(
                "UPDATE quality_runs SET finished_at = ?, status = ? WHERE id = ?",
                (now_iso(), status, run_id),
            )
            self._prune(conn)

    def close_interrupted(self) -> int:
        """Runs a killed process left 'running' (the caller holds the job lock)."""
        with self.catalog.transaction() as conn:
            return conn.execute(
                """UPDATE quality_runs SET status = 'interrupted',
                   finished_at = COALESCE(finished_at, ?) WHERE status = 'running'""",
                (now_iso(),),
            ).rowcount

    def _prune(self, conn) -> None:
        conn.execute(
            """DELETE FROM quality_runs WHERE id NOT IN (
                   SELECT id FROM quality_runs ORDER BY id DESC LIMIT ?)
               AND id NOT IN (SELECT MAX(run_id) FROM quality_results GROUP BY dataset_id)""",
            (KEEP_RUNS,),
        )

    # --------------------------------------------------------------------------- results
    def save_skipped(self, run_id: int, skipped: list[dict]) -> None:
        with self.catalog.transaction() as conn:
            conn.executemany(
                """INSERT INTO quality_results (run_id, dataset_id, status, message, at)
                   VALUES (?, ?, ?, ?, ?)""",
                [(run_id, s["dataset_id"], s["status"], s["message"], now_iso()) for s in skipped],
            )

    def save(self, run_id: int, plan: DatasetPlan, outcome: DatasetOutcome) -> SavedDataset:
        """One dataset's findings, column counts and totals, in one transaction."""
        saved = SavedDataset(plan.dataset_id, outcome.status)
        if outcome.status != "ok":
            with self.catalog.transaction() as conn:
                conn.execute(
                    """INSERT INTO quality_results (run_id, dataset_id, status, message, read_run, at)
                       VALUES (?, ?, ?, ?, ?, ?)""",
                    (
                        run_id,
                        plan.dataset_id,
                        outcome.status,
                        outcome.message,
                        plan.read_run,
                        now_iso(),
                    ),
                )
            return saved
        findings, columns = [], []
        warnings: list[str] = []
        detail = None
        for table_plan, table in zip(plan.tables, outcome.tables, strict=False):
            warnings += table.warnings
            for col in table.columns:
                columns.append(
                    (
                        run_id,
                        plan.dataset_id,
                        col.column_id,
                        col.table_key,
                        col.label,
                        col.checked,
                        col.errors,
                    )
                )
                saved.checked += col.checked
                saved.errors += col.errors
            std_checked = std_errors = 0
            for r in table.rules:
                spec = r.spec
                findings.append(
                    (
                        run_id,
                        plan.dataset_id,
                        r.column_id,
                        r.table_key,
                        r.label,
                        spec.code,
                        spec.name,
                        spec.severity,
                        spec.source,
                        spec.detail,
                        r.checked,
                        r.errors,
                        _dumps(r.samples),
                        "ok",
                        None,
                    )
                )
                if spec.severity == "warning":
                    saved.warnings += r.errors
                if spec.code in PROVISION_RULES:
                    std_checked += r.checked
                    std_errors += r.errors
            if table_plan.provision is not None and detail is None:
                detail = provision.conformance(table_plan.provision, std_checked, std_errors)
                detail["table"] = table_plan.sheet_name or table_plan.table_key
        for u in plan.unrunnable:
            findings.append(_unrunnable_row(run_id, plan.dataset_id, u))
            saved.unrunnable += 1
        if detail is not None:
            saved.provision_standard = detail["name"]
            saved.conformance = detail["conformance"]
        with self.catalog.transaction() as conn:
            conn.execute(
                """INSERT INTO quality_results (run_id, dataset_id, status, message, checked, errors,
                   warnings, rows, provision_standard, conformance, provision, read_run, at)
                   VALUES (?, ?, 'ok', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    run_id,
                    plan.dataset_id,
                    " ".join(warnings) or None,
                    saved.checked,
                    saved.errors,
                    saved.warnings,
                    sum(t.rows for t in outcome.tables),
                    saved.provision_standard,
                    saved.conformance,
                    _dumps(detail) if detail is not None else None,
                    plan.read_run,
                    now_iso(),
                ),
            )
            conn.executemany(
                """INSERT INTO quality_findings (run_id, dataset_id, column_id, table_key, label,
                   rule, rule_name, severity, source, detail, checked, errors, samples, status,
                   message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                findings,
            )
            conn.executemany(
                """INSERT OR REPLACE INTO quality_columns (run_id, dataset_id, column_id,
                   table_key, label, checked, errors) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                columns,
            )
        return saved


def _unrunnable_row(run_id: int, dataset_id: int, u: Unrunnable) -> tuple:
    return (
        run_id,
        dataset_id,
        u.column_id,
        u.table_key,
        u.label,
        u.code,
        u.name,
        "error",
        u.source,
        "",
        0,
        0,
        "[]",
        "cannot_run",
        u.message,
    )


class FixLog:
    """조치 이력: marks on findings, with who, when and why; undo adds a row."""

    def __init__(self, catalog: Catalog, who: str | None = None):
        from catalog_app.dictionary.institution import current_user

        self.catalog = catalog
        self.who = who or current_user()

    def mark(self, finding_id: int, action: str, reason: str) -> int:
        """Mark a finding (an id of ``quality_findings``) 조치 완료 or 예외."""
        if action not in FIX_ACTIONS:
            raise ValueError(f"조치는 {', '.join(FIX_ACTIONS)} 중 하나여야 합니다: {action}")
        if not (reason or "").strip():
            raise ValueError("조치 사유를 입력하세요.")
        with self.catalog.transaction() as conn:
            f = conn.execute(
                "SELECT * FROM quality_findings WHERE id = ?", (finding_id,)
            ).fetchone()
            if f is None:
                raise ValueError(f"진단 결과 #{finding_id}이(가) 없습니다.")
            return conn.execute(
                """INSERT INTO quality_fixes (dataset_id, column_id, table_key, label, rule,
                   action, reason, who, at, run_id, errors_before)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    f["dataset_id"],
                    f["column_id"],
                    f["table_key"],
                    f["label"],
                    f["rule"],
                    action,
                    reason.strip(),
                    self.who,
                    now_iso(),
                    f["run_id"],
                    f["errors"],
                ),
            ).lastrowid

    def undo(self, fix_id: int | None = None) -> dict | None:
        """Undo a mark (the latest one when ``fix_id`` is None); returns the mark undone."""
        with self.catalog.transaction() as conn:
            if fix_id is None:
                row = conn.execute(
                    """SELECT * FROM quality_fixes WHERE action != 'undo' AND undone_by IS NULL
                       ORDER BY id DESC LIMIT 1"""
                ).fetchone()
            else:
                row = conn.execute("SELECT * FROM quality_fixes WHERE id = ?", (fix_id,)).fetchone()
                if row is not None and (row["action"] == "undo" or row["undone_by"] is not None):
                    raise ValueError(f"조치 #{fix_id}은(는) 이미 되돌렸습니다.")
            if row is None:
                return None
            undo_id = conn.execute(
                """INSERT INTO quality_fixes (dataset_id, column_id, table_key, label, rule, action,
                   reason, who, at, run_id, errors_before, undoes)
                   VALUES (?, ?, ?, ?, ?, 'undo', '', ?, ?, ?, ?, ?)""",
                (
                    row["dataset_id"],
                    row["column_id"],
                    row["table_key"],
                    row["label"],
                    row["rule"],
                    self.who,
                    now_iso(),
                    row["run_id"],
                    row["errors_before"],
                    row["id"],
                ),
            ).lastrowid
            conn.execute(
                "UPDATE quality_fixes SET undone_by = ? WHERE id = ?", (undo_id, row["id"])
            )
        return dict(row)

    def current(self) -> dict[tuple, dict]:
        """(dataset_id, column_id, table_key, label, rule) -> the mark in force."""
        rows = self.catalog.conn.execute(
            """SELECT * FROM quality_fixes WHERE action != 'undo' AND undone_by IS NULL
               ORDER BY id"""
        )
        return {_fix_key(r): dict(r) for r in rows}


def _fix_key(row) -> tuple:
    column = row["column_id"]
    if column:
        return (row["dataset_id"], column, "", "", row["rule"])
    return (row["dataset_id"], 0, row["table_key"], row["label"], row["rule"])


fix_key = _fix_key
