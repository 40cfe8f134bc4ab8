"""The read side the window pages through: the dataset list (filtered, sorted and paged in SQL),
the status bar's totals, the dashboard's counts, the last scan run and its failed files.

The window ran these statements itself; they live here so ``ui/`` runs no SQL (architecture
notes: the UI adapts, the core answers) and a script can ask the same questions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

__all__ = [
    "DATASET_FIELDS",
    "DatasetFilter",
    "catalog_counts",
    "dataset_count",
    "dataset_folders",
    "dataset_page",
    "last_run",
    "overview_counts",
    "recent_errors",
    "run_errors",
]

_COLUMN_COUNT = "(SELECT COALESCE(SUM(t.column_count), 0) FROM tables t WHERE t.dataset_id = d.id)"
_ROW_COUNT = "(SELECT COALESCE(SUM(t.row_count), 0) FROM tables t WHERE t.dataset_id = d.id)"
_PII_COUNT = "(SELECT COUNT(*) FROM columns c WHERE c.dataset_id = d.id AND c.pii_kind IS NOT NULL)"
# (key, SQL expression, numeric): the list's columns, in the window's order
DATASET_FIELDS = (
    ("name", "d.name", False),
    ("folder", "d.folder", False),
    ("real_format", "d.real_format", False),
    ("status", "d.status", False),
    ("table_count", "d.table_count", True),
    ("column_count", _COLUMN_COUNT, True),
    ("row_count", _ROW_COUNT, True),
    ("pii_columns", _PII_COUNT, True),
    ("scanned_at", "d.scanned_at", False),
)
_DEFAULT_ORDER = "d.folder, d.name"


@dataclass(frozen=True)
class DatasetFilter:
    """What the catalog page narrows the list to."""

    status: str | None = None
    pii_only: bool = False
    folders: tuple[str, ...] | None = None  # a department's folders ('' = the root)
    check: str | None = None  # 'noncompliant' or 'missing_metadata'
    text: str = ""  # part of the file's path (name or folder)

    def where(self) -> tuple[str, tuple]:
        clauses, params = [], []
        if self.text.strip():
            escaped = self.text.strip().replace("\\", "\\\\").replace("%", "\\%")
            clauses.append("d.rel_path LIKE ? ESCAPE '\\'")
            params.append("%" + escaped.replace("_", "\\_") + "%")
        if self.status:
            clauses.append("d.status = ?")
            params.append(self.status)
        if self.pii_only:
            clauses.append(
                "EXISTS (SELECT 1 FROM columns c WHERE c.dataset_id = d.id AND c.pii_kind IS NOT NULL)"
            )
        if self.check == "noncompliant":
            from catalog_app.matching.jobs import noncompliant_clause

            clauses.append(noncompliant_clause("d"))
        elif self.check == "missing_metadata":
            from catalog_app.disclosure.metadata import missing_entry_clause

            clause, extra = missing_entry_clause("d")
            clauses.append(f"d.status != 'missing' AND {clause}")
            params.extend(extra)
        if self.folders is not None:
            marks = ", ".join("?" for _ in self.folders)
            clauses.append(f"d.folder IN ({marks})" if self.folders else "0")
            params.extend(self.folders)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def dataset_count(conn: sqlite3.Connection, f: DatasetFilter) -> int:
    where, params = f.where()
    return conn.execute(f"SELECT COUNT(*) FROM datasets d{where}", params).fetchone()[0]


def dataset_page(
    conn: sqlite3.Connection,
    f: DatasetFilter,
    offset: int,
    limit: int,
    sort_key: str | None = None,
    descending: bool = False,
) -> list[sqlite3.Row]:
    """One page of the list: ``id``, ``path``, ``error_message`` and every DATASET_FIELDS key."""
    where, params = f.where()
    expressions = {key: expr for key, expr, _ in DATASET_FIELDS}
    order = _DEFAULT_ORDER
    if sort_key in expressions:
        order = f"{expressions[sort_key]} {'DESC' if descending else 'ASC'}"
    fields = ", ".join(f"{expr} AS {key}" for key, expr, _ in DATASET_FIELDS)
    sql = (
        f"SELECT d.id, d.path, d.error_message, {fields} FROM datasets d{where} "
        f"ORDER BY {order}, d.id LIMIT ? OFFSET ?"
    )
    return conn.execute(sql, (*params, limit, offset)).fetchall()


def dataset_folders(conn: sqlite3.Connection) -> list[str]:
    """Every folder holding a dataset (relative to its scanned root; '' = the root itself)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT folder FROM datasets ORDER BY folder")]


def catalog_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Totals for the status bar (indexed counts)."""
    row = conn.execute(
        """SELECT COUNT(*) AS datasets, COALESCE(SUM(status = 'error'), 0) AS errors,
                  COALESCE(SUM(status = 'missing'), 0) AS missing FROM datasets"""
    ).fetchone()
    columns = conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
    return {
        "datasets": row["datasets"],
        "errors": row["errors"],
        "missing": row["missing"],
        "columns": columns,
    }


def overview_counts(conn: sqlite3.Connection) -> dict:
    """The dashboard's quick figures: datasets by status, personal-data columns by kind, the
    column count and the last finished scan."""
    by_status = {
        r[0]: r[1] for r in conn.execute("SELECT status, COUNT(*) FROM datasets GROUP BY status")
    }
    pii = [
        (r[0], r[1])
        for r in conn.execute(
            """SELECT pii_kind, COUNT(*) FROM columns WHERE pii_kind IS NOT NULL
               GROUP BY pii_kind ORDER BY COUNT(*) DESC, pii_kind"""
        )
    ]
    columns = conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
    return {"by_status": by_status, "pii": pii, "columns": columns, "last_run": last_run(conn)}


def last_run(conn: sqlite3.Connection) -> dict | None:
    """The last finished scan run (counts, status, times), or None."""
    row = conn.execute(
        "SELECT * FROM scan_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return dict(row) if row is not None else None


def run_errors(conn: sqlite3.Connection, run_id: int) -> list[dict]:
    """The files one run could not read, with the Korean reason."""
    rows = conn.execute(
        "SELECT path, code, message FROM scan_errors WHERE run_id = ? ORDER BY path", (run_id,)
    )
    return [dict(r) for r in rows]


def recent_errors(conn: sqlite3.Connection, limit: int = 20) -> list[dict]:
    """The latest error of each file (a file that stays broken fails again on every rescan)."""
    rows = conn.execute(
        """SELECT e.occurred_at AS at, e.path, e.message FROM scan_errors e
           JOIN (SELECT MAX(id) AS id FROM scan_errors GROUP BY path) latest ON latest.id = e.id
           ORDER BY e.id DESC LIMIT ?""",
        (limit,),
    )
    return [dict(r) for r in rows]
