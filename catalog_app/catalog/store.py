"""The catalog database: opening (pragmas, backup + migration) and the writes a scan makes.

Each file's results go in one ``BEGIN IMMEDIATE`` transaction, so a killed process leaves either the
old or the new picture of that file, never half of it. WAL keeps readers (the UI) unblocked.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from catalog_app.catalog.schema import LATEST, migrate
from catalog_app.privacy.effective import in_force, privacy_overrides
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.models import DiscoveredFile, FileResult
from catalog_app.scan.pii.label import safe_label


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class Catalog:
    """A catalog file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike, *, migrate_schema: bool = True):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
        self.conn.row_factory = sqlite3.Row
        if self.schema_version > LATEST:
            version = self.schema_version
            self.conn.close()
            raise RuntimeError(
                f"이 카탈로그는 더 새로운 버전(스키마 {version})의 프로그램이 만들었습니다. "
                "프로그램을 업데이트하세요."
            )
        self.conn.execute("PRAGMA busy_timeout = 30000")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.backup_path: Path | None = None
        if migrate_schema:
            self._upgrade()
        self.has_fts = bool(
            self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone()
        )

    # ----------------------------------------------------------------- lifecycle
    def _upgrade(self) -> None:
        version = self.schema_version
        if 0 < version < LATEST:
            self.backup_path = self._backup(version)
        try:
            migrate(self.conn)
        except sqlite3.Error:
            if self.schema_version >= LATEST:
                return  # another process upgraded it meanwhile
            raise

    def _backup(self, version: int) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.v{version}-{stamp}.bak")
        dest = sqlite3.connect(str(target))
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        return target

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:  # SQLite already rolled back on SQLITE_FULL / IOERR
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # ---------------------------------------------------------------- scan runs
    def ensure_root(self, path: str) -> int:
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM roots WHERE path = ?", (path,)).fetchone()
            if row:
                return row["id"]
            return conn.execute(
                "INSERT INTO roots (path, added_at) VALUES (?, ?)", (path, now_iso())
            ).lastrowid

    def start_run(self, roots: Sequence[str]) -> int:
        with self.transaction() as conn:
            return conn.execute(
                "INSERT INTO scan_runs (started_at, roots) VALUES (?, ?)",
                (now_iso(), _dumps(list(roots))),
            ).lastrowid

    def close_interrupted_runs(self) -> int:
        """Runs still 'running' while the caller holds the job lock were killed: close them as
        'interrupted' (their ``current_path`` stays: see :meth:`suspect_files`)."""
        with self.transaction() as conn:
            return conn.execute(
                """UPDATE scan_runs SET status = 'interrupted', finished_at = COALESCE(finished_at, ?)
                   WHERE status = 'running'""",
                (now_iso(),),
            ).rowcount

    def suspect_files(self) -> set[str]:
        """Files that interrupted runs were reading when their process died, not read since."""
        rows = self.conn.execute(
            """SELECT current_path FROM scan_runs WHERE status = 'interrupted'
               AND current_path IS NOT NULL"""
        )
        return {r[0] for r in rows}

    def set_current_file(self, run_id: int, path: str | None) -> None:
        """The file a run is about to read: if the process dies there, the next run knows. A
        suspect read again (in a child process) is no longer one."""
        self.conn.execute("UPDATE scan_runs SET current_path = ? WHERE id = ?", (path, run_id))

    def clear_suspect(self, path: str) -> None:
        self.conn.execute(
            """UPDATE scan_runs SET current_path = NULL
               WHERE status = 'interrupted' AND current_path = ?""",
            (path,),
        )

    def record_folder_error(self, run_id: int, path: str, failure: ScanFailure) -> None:
        """A folder that could not be walked: a scan_errors row without a dataset."""
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO scan_errors (run_id, dataset_id, path, code, message, detail, occurred_at)
                   VALUES (?, NULL, ?, ?, ?, ?, ?)""",
                (run_id, path, failure.code, failure.message, failure.detail[:2000], now_iso()),
            )

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        with self.transaction() as conn:
            conn.execute(
                """UPDATE scan_runs SET finished_at = ?, status = ?, files_total = ?, files_new = ?,
                   files_changed = ?, files_unchanged = ?, files_failed = ?, files_missing = ?,
                   current_path = NULL WHERE id = ?""",
                (
                    now_iso(),
                    status,
                    counts.get("total", 0),
                    counts.get("new", 0),
                    counts.get("changed", 0),
                    counts.get("unchanged", 0),
                    counts.get("failed", 0),
                    counts.get("missing", 0),
                    run_id,
                ),
            )
            conn.execute(
                """UPDATE roots SET last_scan_run = ? WHERE path IN
                   (SELECT value FROM json_each((SELECT roots FROM scan_runs WHERE id = ?)))""",
                (run_id, run_id),
            )

    # ------------------------------------------------------------------ datasets
    def dataset_by_path(self, path: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM datasets WHERE path = ?", (path,)).fetchone()

    def mark_seen(self, dataset_id: int, run_id: int, size: int, mtime_ns: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                """UPDATE datasets SET last_seen_run = ?, size = ?, mtime_ns = ?,
                   status = CASE WHEN status = 'missing' THEN
                       CASE WHEN error_code IS NULL THEN 'ok' ELSE 'error' END ELSE status END,
                   missing_since = NULL WHERE id = ?""",
                (run_id, size, mtime_ns, dataset_id),
            )

    def _upsert_dataset(
        self, conn, file: DiscoveredFile, root_id: int, run_id: int, fields: dict
    ) -> int:
        name = os.path.basename(file.path)
        folder = os.path.dirname(file.rel_path)
        base = {
            "root_id": root_id,
            "rel_path": file.rel_path,
            "name": name,
            "folder": folder,
            "ext": os.path.splitext(name)[1].lower(),
            "size": file.size,
            "mtime_ns": file.mtime_ns,
            "last_seen_run": run_id,
            "last_read_run": run_id,
            "scanned_at": now_iso(),
            "missing_since": None,
            **fields,
        }
        row = conn.execute("SELECT id FROM datasets WHERE path = ?", (file.path,)).fetchone()
        if row:
            dataset_id = row["id"]
            sets = ", ".join(f"{k} = ?" for k in base)
            conn.execute(f"UPDATE datasets SET {sets} WHERE id = ?", (*base.values(), dataset_id))
            self._drop_contents(conn, dataset_id)
        else:
            base.update(path=file.path, first_seen_run=run_id)
            cols = ", ".join(base)
            marks = ", ".join("?" for _ in base)
            dataset_id = conn.execute(
                f"INSERT INTO datasets ({cols}) VALUES ({marks})", tuple(base.values())
            ).lastrowid
        if self.has_fts:
            conn.execute(
                "INSERT INTO search_index (text, kind, ref_id, dataset_id) VALUES (?, 'dataset', ?, ?)",
                (f"{name} {file.rel_path}", dataset_id, dataset_id),
            )
        return dataset_id

    def _drop_contents(self, conn, dataset_id: int) -> None:
        """Remove the file's tables and columns; their identities (column_keys) stay, and with
        them decisions, metadata and the suggestions of columns whose content comes back."""
        if self.has_fts:
            conn.execute("DELETE FROM search_index WHERE dataset_id = ?", (dataset_id,))
        conn.execute("DELETE FROM columns WHERE dataset_id = ?", (dataset_id,))
        conn.execute("DELETE FROM tables WHERE dataset_id = ?", (dataset_id,))

    def _old_contents(self, conn, dataset_id: int) -> dict[int, tuple]:
        """Column id → the stored content (label and profile) before a rescan replaces it."""
        rows = conn.execute(
            f"SELECT id, {_CONTENT_COLUMNS} FROM columns WHERE dataset_id = ?", (dataset_id,)
        )
        return {r[0]: _suggestion_inputs(tuple(r[1:])) for r in rows}

    def identity_in(
        self, conn, dataset_id: int, table_key: str, label: str, occurrence: int
    ) -> int:
        """The column's lasting id (created the first time the column is seen)."""
        row = conn.execute(
            """SELECT id FROM column_keys WHERE dataset_id = ? AND table_key = ? AND label = ?
               AND occurrence = ?""",
            (dataset_id, table_key, label, occurrence),
        ).fetchone()
        if row:
            return row[0]
        return conn.execute(
            """INSERT INTO column_keys (dataset_id, table_key, label, occurrence)
               VALUES (?, ?, ?, ?)""",
            (dataset_id, table_key, label, occurrence),
        ).lastrowid

    def column_identity(self, dataset_id: int, table_key: str, label: str, occurrence: int = 0):
        """The id of (table key, label, occurrence) in a dataset, created when unknown (a decision
        or a metadata value entered for a label the file does not have now)."""
        with self.transaction() as conn:
            return self.identity_in(conn, dataset_id, table_key, label, occurrence)

    def save_file_result(
        self,
        file: DiscoveredFile,
        content_hash: str,
        result: FileResult,
        root_id: int,
        run_id: int,
        suggest: SuggestHook | None = None,
    ) -> SaveOutcome:
        """Replace everything known about one file, in one transaction.

        Every column keeps its id when its (table key, label, occurrence) was seen before. A
        column whose label and profile are unchanged keeps its suggestion untouched; the others
        (new or changed content, or none yet) lose theirs, and ``suggest(conn, dataset_id,
        [(column_id, profile), ...])`` — when given — returns fresh ``column_match`` rows for
        them, written in this same transaction, so no reader ever sees a column without a
        current suggestion.
        """
        from catalog_app.scan.file_scan import table_key

        with self.transaction() as conn:
            known = conn.execute("SELECT id FROM datasets WHERE path = ?", (file.path,)).fetchone()
            old = self._old_contents(conn, known["id"]) if known else {}
            matched = self._matched(conn, known["id"]) if known else set()
            dataset_id = self._upsert_dataset(
                conn,
                file,
                root_id,
                run_id,
                {
                    "content_hash": content_hash,
                    "real_format": result.real_format,
                    "encoding": result.encoding,
                    "encoding_method": result.encoding_method,
                    "delimiter": result.delimiter,
                    "status": "ok",
                    "error_code": None,
                    "error_message": None,
                    "warnings": _dumps(result.warnings),
                    "flags": _dumps(result.flags),
                    "table_count": len(result.tables),
                },
            )
            seen: dict[tuple[str, str], int] = {}
            fresh: list[tuple[int, object]] = []
            kept: set[int] = set()
            overrides = privacy_overrides(conn, dataset_id)  # a clerk's, kept across rescans
            for table in result.tables:
                layout = table.layout
                key = table_key(table.name, table.index)
                table_id = conn.execute(
                    """INSERT INTO tables (dataset_id, table_index, sheet_name, table_key, hidden,
                       header_row, header_rows, data_row, header_source, first_col, column_count,
                       row_count, blank_rows, total_rows, footnote_rows, ragged_rows, warnings,
                       person_level)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        dataset_id,
                        table.index,
                        table.name,
                        table_key(table.name, table.index),
                        int(table.hidden),
                        layout.header_row,
                        layout.header_rows,
                        layout.data_row,
                        layout.source,
                        layout.first_col,
                        len(table.columns),
                        table.row_count,
                        table.blank_rows,
                        table.total_rows,
                        table.footnote_rows,
                        table.ragged_rows,
                        _dumps(table.warnings),
                        table.person_level or None,
                    ),
                ).lastrowid
                rows = []
                for c in table.columns:
                    occurrence = seen.get((key, c.label), 0)
                    seen[(key, c.label)] = occurrence + 1
                    column_id = self.identity_in(conn, dataset_id, key, c.label, occurrence)
                    verdict = in_force(c, overrides.get(column_id))
                    row = _column_row(table_id, dataset_id, c, verdict)
                    tails = {} if c.masked or (verdict and verdict.personal) else c.date_tails
                    rows.append((column_id, *row, _dumps(tails)))
                    if old.get(column_id) == _suggestion_inputs(row[3:]) and column_id in matched:
                        kept.add(column_id)
                    else:  # new or changed content, or a column that had no suggestion
                        fresh.append((column_id, c))
                conn.executemany(_COLUMN_INSERT, rows)
                if self.has_fts:
                    if table.name:
                        conn.execute(
                            "INSERT INTO search_index (text, kind, ref_id, dataset_id) VALUES (?, 'table', ?, ?)",
                            (table.name, table_id, dataset_id),
                        )
                    conn.execute(
                        """INSERT INTO search_index (text, kind, ref_id, dataset_id)
                           SELECT label, 'column', id, dataset_id FROM columns WHERE table_id = ?""",
                        (table_id,),
                    )
            outcome = SaveOutcome(dataset_id, kept=len(kept))
            self._drop_stale_matches(conn, dataset_id, kept)
            if suggest is not None and fresh:
                matches = suggest(conn, dataset_id, fresh)
                conn.executemany(MATCH_INSERT, matches)
                outcome.suggested = len(matches)
        return outcome

    def _matched(self, conn, dataset_id: int) -> set[int]:
        """Ids of the file's columns that have a suggestion."""
        rows = conn.execute(
            """SELECT m.column_id FROM column_match m JOIN column_keys k ON k.id = m.column_id
               WHERE k.dataset_id = ?""",
            (dataset_id,),
        )
        return {r[0] for r in rows}

    def _drop_stale_matches(self, conn, dataset_id: int, kept: set[int]) -> None:
        """Suggestions of this file's identities whose content is new, changed or gone."""
        stale = [
            r[0]
            for r in conn.execute(
                """SELECT m.column_id FROM column_match m JOIN column_keys k ON k.id = m.column_id
                   WHERE k.dataset_id = ?""",
                (dataset_id,),
            )
            if r[0] not in kept
        ]
        conn.executemany("DELETE FROM column_match WHERE column_id = ?", [(i,) for i in stale])

    def save_file_error(
        self,
        file: DiscoveredFile,
        content_hash: str | None,
        failure: ScanFailure,
        root_id: int,
        run_id: int,
    ) -> int:
        """Record a file that could not be read; its earlier tables are dropped, its row stays."""
        with self.transaction() as conn:
            dataset_id = self._upsert_dataset(
                conn,
                file,
                root_id,
                run_id,
                {
                    "content_hash": content_hash,
                    "status": "error",
                    "error_code": failure.code,
                    "error_message": failure.message,
                    "warnings": "[]",
                    "flags": "[]",
                    "table_count": 0,
                },
            )
            self._drop_stale_matches(conn, dataset_id, set())
            conn.execute(
                """INSERT INTO scan_errors (run_id, dataset_id, path, code, message, detail, occurred_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (
                    run_id,
                    dataset_id,
                    file.path,
                    failure.code,
                    failure.message,
                    failure.detail[:2000],
                    now_iso(),
                ),
            )
        return dataset_id

    def mark_missing(self, root_ids: Sequence[int], run_id: int, keep: Sequence[str] = ()) -> int:
        """Files under the scanned roots not seen in this run: kept, marked missing.

        Only files last seen by an earlier run count (a later run that saw them wins), and files
        under ``keep`` (folders this run could not walk) are not known to be gone."""
        if not root_ids:
            return 0
        marks = ", ".join("?" for _ in root_ids)
        kept = "".join(" AND substr(path, 1, ?) != ?" for _ in keep)
        prefixes = [v for folder in keep for v in (len(folder) + 1, folder + os.sep)]
        with self.transaction() as conn:
            cur = conn.execute(
                f"""UPDATE datasets SET status = 'missing', missing_since = ?
                    WHERE root_id IN ({marks}) AND status != 'missing'
                    AND (last_seen_run IS NULL OR last_seen_run < ?){kept}""",
                (now_iso(), *root_ids, run_id, *prefixes),
            )
            return cur.rowcount

    # ---------------------------------------------------------- header overrides
    def header_overrides(self, dataset_id: int) -> dict[str, tuple[int, int]]:
        rows = self.conn.execute(
            "SELECT table_key, header_row, header_rows FROM header_overrides WHERE dataset_id = ?",
            (dataset_id,),
        )
        return {r["table_key"]: (r["header_row"], r["header_rows"]) for r in rows}

    def set_header_override(
        self, dataset_id: int, key: str, header_row: int, header_rows: int
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                """INSERT INTO header_overrides (dataset_id, table_key, header_row, header_rows, created_at)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (dataset_id, table_key) DO UPDATE SET header_row = excluded.header_row,
                   header_rows = excluded.header_rows, created_at = excluded.created_at""",
                (dataset_id, key, header_row, header_rows, now_iso()),
            )

    def clear_header_override(self, dataset_id: int, key: str) -> bool:
        with self.transaction() as conn:
            cur = conn.execute(
                "DELETE FROM header_overrides WHERE dataset_id = ? AND table_key = ?",
                (dataset_id, key),
            )
            return cur.rowcount > 0

    def forget_fingerprint(self, dataset_id: int) -> None:
        """Make the next scan read this file again (after a header override, say)."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE datasets SET mtime_ns = NULL, content_hash = NULL WHERE id = ?",
                (dataset_id,),
            )


# What a column holds (everything but where it sits): equal content means the stored suggestion
# still fits. Same order as ``_column_row(...)[3:]``.
_CONTENT_COLUMNS = """label, inferred_type, type_share, value_count, null_count, null_ratio,
    distinct_count, distinct_exact, min_value, max_value, max_len_chars, max_len_bytes,
    decimal_places, date_format, pattern, pattern_share, top_values, samples, type_counts,
    pii_kind, pii_share, pii_reason, pii_source, masked, privacy_kind, privacy_share,
    privacy_reason, privacy_source, privacy_personal, privacy_quasi, privacy_sensitive"""
# The suggestion reads the profile, the kind of personal data found and where it was found, not
# the verdict's wording or flags: a privacy verdict judged again (issue 14) or overruled by a
# clerk keeps the column's suggestion.
_NOT_SUGGESTION_INPUTS = frozenset(
    ("pii_kind", "pii_share", "pii_reason", "pii_source", "privacy_share", "privacy_reason")
    + ("privacy_personal", "privacy_quasi", "privacy_sensitive")
)
_INPUT_POSITIONS = [
    i
    for i, name in enumerate(n.strip() for n in _CONTENT_COLUMNS.split(","))
    if name not in _NOT_SUGGESTION_INPUTS
]


def _suggestion_inputs(content: tuple) -> tuple:
    return tuple(content[i] for i in _INPUT_POSITIONS)


# date_tails (issue 12) is written but not compared: it serves the time range of the lists, not
# the suggestion, and a catalog upgraded before it had none.
_COLUMN_INSERT = f"""INSERT INTO columns (id, table_id, dataset_id, col_index, {_CONTENT_COLUMNS},
    date_tails) VALUES ({", ".join("?" for _ in range(_CONTENT_COLUMNS.count(",") + 6))})"""
MATCH_INSERT = """INSERT OR REPLACE INTO column_match (column_id, cleaned, kind, candidates, proposal,
    checks, compliant, computed_at, checks_term, checks_basis, checks_parts)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


@dataclass
class SaveOutcome:
    """What ``save_file_result`` did: the dataset, columns whose suggestion was kept as it was,
    and columns that got a fresh one."""

    dataset_id: int
    kept: int = 0
    suggested: int = 0


# (connection inside the save transaction, dataset id, [(column id, ColumnProfile)]) → rows for
# MATCH_INSERT; see catalog_app.matching.refresh.
SuggestHook = Callable[[sqlite3.Connection, int, list], list[tuple]]


def _column_row(table_id: int, dataset_id: int, c, verdict=None) -> tuple:
    pii = verdict if verdict is not None and verdict.personal else None
    found = c.privacy
    return (
        table_id,
        dataset_id,
        c.index,
        safe_label(c.label),  # a personal value never becomes a stored column name
        c.inferred_type,
        c.type_share,
        c.value_count,
        c.null_count,
        c.null_ratio,
        c.distinct_count,
        int(c.distinct_exact),
        c.min_value,
        c.max_value,
        c.max_len_chars,
        c.max_len_bytes,
        c.decimal_places,
        c.date_format,
        c.pattern,
        c.pattern_share,
        _dumps([[v, n] for v, n in c.top_values]),
        _dumps(c.samples),
        _dumps(c.type_counts),
        pii.kind if pii else None,
        pii.share if pii else None,
        pii.reason if pii else None,
        pii.source if pii else None,
        int(c.masked),
        found.kind if found else None,
        found.share if found else None,
        found.reason if found else None,
        found.source if found else None,
        int(found.personal) if found else None,
        int(found.quasi_identifier) if found else None,
        int(found.sensitive) if found else None,
    )
