"""What the coordinator enters: institution settings, departments, dataset and column metadata.

Values are stored as (dataset, column, field) → text rows; the column is its lasting id
(``column_keys``, 0 for dataset-level fields), the one the mapping decisions use, so they survive
rescans and two columns sharing a label each keep their own values. Only entered values are stored; what the scan can tell (확장자, 전체행 …)
is derived fresh every time (``derive``), so it never goes stale. Every change is logged with who,
when, before and after, in batches, so a form save or a bulk import undoes as one step.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from catalog_app.catalog.store import now_iso
from catalog_app.dictionary.institution import current_user
from catalog_app.disclosure import vocab
from catalog_app.disclosure.metadata_read import Department, MetadataReader
from catalog_app.disclosure.model import ENTERED
from catalog_app.disclosure.safe import restore
from catalog_app.disclosure.state import build_state
from catalog_app.scan.encoding import decode_excel_csv

__all__ = [
    "Department",
    "ImportResult",
    "MetadataError",
    "MetadataStore",
    "TEMPLATE_REF",
    "missing_entry_clause",
    "normalise_value",
]


# The bulk-entry form's column that names the dataset (write_template writes it, import_csv
# also takes '경로' or 'dataset_id').
TEMPLATE_REF = "원본 파일"


class MetadataError(ValueError):
    """A refused metadata edit, with a Korean message."""


@dataclass
class ImportResult:
    updated: int = 0  # datasets with at least one changed value
    values: int = 0  # values written
    batch_id: int | None = None
    skipped: list[str] = field(default_factory=list)  # Korean notes for rows that were not used


def normalise_value(f: vocab.Field, value: str | None) -> str:
    """The stored form of a typed value: trimmed; Y/N upper-cased; '9-6 개인정보…' → '9-6'."""
    if value is None:
        return ""
    text = " ".join(str(value).split()) if f.kind != "long_text" else str(value).strip()
    if f.kind == "yes_no" and text.upper() in ("Y", "N"):
        return text.upper()
    if f.kind == "reason" and text:
        head = text.split()[0]
        if head in vocab.REASONS:
            return head
    if f.key == "list_type":
        return text.upper()
    return text


@dataclass(frozen=True)
class _Where:
    """Where a value is stored: the dataset, and the column's lasting id (0 = the dataset)."""

    dataset_id: int | None
    column_id: int = 0
    table_key: str = ""
    label: str = ""


def _folder_key(folder: str) -> str:
    return "/".join(p for p in folder.replace("\\", "/").split("/") if p)


class MetadataStore(MetadataReader):
    """Reads (``MetadataReader``) and writes the disclosure metadata of one catalog."""

    # ------------------------------------------------------------------ institution
    def set_institution(self, values: dict[str, str | None], who: str | None = None) -> int:
        """Set institution fields (key or Korean label); '' or None clears. Returns the batch id."""
        who = who or current_user()
        with self.catalog.transaction() as conn:
            batch = self._next_batch(conn)
            for name, raw in values.items():
                f = vocab.field("institution", name)
                value = normalise_value(f, raw)
                before = conn.execute(
                    "SELECT value FROM institution_settings WHERE key = ?", (f.key,)
                ).fetchone()
                before = before["value"] if before else None
                if (before or "") == value:
                    continue
                self._write_setting(conn, f.key, value or None, who)
                self._log(conn, batch, who, None, f"institution.{f.key}", before, value)
        return batch

    def _write_setting(self, conn, key: str, value: str | None, who: str) -> None:
        if value is None:
            conn.execute("DELETE FROM institution_settings WHERE key = ?", (key,))
        else:
            conn.execute(
                """INSERT INTO institution_settings (key, value, updated_by, updated_at)
                   VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value,
                   updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
                (key, value, who, now_iso()),
            )

    # ------------------------------------------------------------------ departments
    def set_department(self, folder: str, name: str, phone: str = "") -> None:
        """Name the department that owns a folder (and its sub-folders)."""
        key, name = _folder_key(folder), " ".join(name.split())
        if not key or not name:
            raise MetadataError("폴더와 부서명을 모두 입력하세요.")
        with self.catalog.transaction() as conn:
            conn.execute(
                """INSERT INTO departments (folder, name, phone) VALUES (?, ?, ?)
                   ON CONFLICT(folder) DO UPDATE SET name = excluded.name, phone = excluded.phone""",
                (key, name, phone.strip()),
            )

    def replace_departments(self, rows: list[tuple[str, str, str]]) -> None:
        """Replace every folder → department row at once (the desktop's 부서 지정 dialog)."""
        cleaned = {}
        for folder, name, phone in rows:
            key, name = _folder_key(folder), " ".join(name.split())
            if not key or not name:
                raise MetadataError(f"폴더와 부서명을 모두 입력하세요: {folder or '(폴더 없음)'}")
            cleaned[key] = (name, phone.strip())
        with self.catalog.transaction() as conn:
            conn.execute("DELETE FROM departments")
            conn.executemany(
                "INSERT INTO departments (folder, name, phone) VALUES (?, ?, ?)",
                [(k, n, p) for k, (n, p) in cleaned.items()],
            )

    def remove_department(self, folder: str) -> bool:
        with self.catalog.transaction() as conn:
            cur = conn.execute("DELETE FROM departments WHERE folder = ?", (_folder_key(folder),))
        return cur.rowcount > 0

    # ------------------------------------------------------------------ dataset / column values
    def set_fields(
        self,
        dataset_id: int,
        values: dict[str, str | None],
        *,
        table_key: str = "",
        label: str = "",
        who: str | None = None,
        column_id: int | None = None,
    ) -> int | None:
        """Enter values (field key or Korean label → text; '' or None clears) as one undoable batch.

        Column-level when ``column_id`` (the column's lasting id, as in ``show --json``) or
        ``label`` is given; a label alone means the first column with that label in ``table_key``.
        Returns the batch id, or None when nothing changed.
        """
        level = "column" if (label or column_id) else "dataset"
        if not self.conn.execute("SELECT 1 FROM datasets WHERE id = ?", (dataset_id,)).fetchone():
            raise MetadataError(f"데이터셋을 찾을 수 없습니다: {dataset_id}")
        resolved = {
            vocab.field(level, k).key: (vocab.field(level, k), v) for k, v in values.items()
        }
        where = _Where(dataset_id)
        if column_id:
            where = self._column_where(dataset_id, column_id)
        elif label:
            where = _Where(
                dataset_id,
                self.catalog.column_identity(dataset_id, table_key, label),
                table_key,
                label,
            )
        who = who or current_user()
        with self.catalog.transaction() as conn:
            batch = self._next_batch(conn)
            changed = self._apply(conn, batch, who, where, resolved)
        return batch if changed else None

    def set_many(
        self, values: dict[int, dict[str, str | None]], who: str | None = None
    ) -> ImportResult:
        """Dataset-level values of many datasets (dataset id → field → text; '' or None clears
        an entered value) as **one** undoable batch: the window's grid saves this way.

        Every field and dataset is checked before anything is written, so a bad cell refuses the
        whole save with a Korean message instead of leaving half of it stored."""
        resolved: dict[int, dict[str, tuple[vocab.Field, str | None]]] = {}
        for dataset_id, fields in values.items():
            try:
                resolved[dataset_id] = {
                    vocab.field("dataset", k).key: (vocab.field("dataset", k), v)
                    for k, v in fields.items()
                }
            except KeyError as exc:
                raise MetadataError(str(exc.args[0])) from exc
        known = (
            {
                r[0]
                for r in self.conn.execute(
                    f"SELECT id FROM datasets WHERE id IN ({', '.join('?' for _ in resolved)})",
                    tuple(resolved),
                )
            }
            if resolved
            else set()
        )
        missing = sorted(set(resolved) - known)
        if missing:
            raise MetadataError(f"데이터셋을 찾을 수 없습니다: {', '.join(map(str, missing))}")
        who = who or current_user()
        result = ImportResult()
        with self.catalog.transaction() as conn:
            batch = self._next_batch(conn)
            for dataset_id, fields in resolved.items():
                changed = self._apply(conn, batch, who, _Where(dataset_id), fields)
                if changed:
                    result.updated += 1
                    result.values += changed
        result.batch_id = batch if result.values else None
        return result

    def _column_where(self, dataset_id: int, column_id: int) -> _Where:
        row = self.conn.execute(
            "SELECT table_key, label FROM column_keys WHERE id = ? AND dataset_id = ?",
            (column_id, dataset_id),
        ).fetchone()
        if row is None:
            raise MetadataError(f"이 데이터셋에 그런 컬럼이 없습니다: {column_id}")
        return _Where(dataset_id, column_id, row["table_key"], row["label"])

    def _apply(self, conn, batch, who, where: _Where, resolved) -> int:
        changed = 0
        for key, (f, raw) in resolved.items():
            value = normalise_value(f, raw)
            row = conn.execute(
                """SELECT value FROM disclosure_meta
                   WHERE dataset_id = ? AND column_id = ? AND field = ?""",
                (where.dataset_id, where.column_id, key),
            ).fetchone()
            before = row["value"] if row else None
            if (before or "") == value and (before is None) == (value == ""):
                continue
            self._write(conn, where, key, value or None, who)
            self._log(conn, batch, who, where, key, before, value or None)
            changed += 1
        return changed

    def _write(self, conn, where: _Where, key, value, who) -> None:
        if value is None:
            conn.execute(
                """DELETE FROM disclosure_meta
                   WHERE dataset_id = ? AND column_id = ? AND field = ?""",
                (where.dataset_id, where.column_id, key),
            )
        else:
            conn.execute(
                """INSERT INTO disclosure_meta
                   (dataset_id, column_id, table_key, label, field, value, updated_by, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(dataset_id, column_id, field) DO UPDATE SET
                   value = excluded.value, updated_by = excluded.updated_by,
                   updated_at = excluded.updated_at""",
                (
                    where.dataset_id,
                    where.column_id,
                    where.table_key,
                    where.label,
                    key,
                    value,
                    who,
                    now_iso(),
                ),
            )

    # ------------------------------------------------------------------ history and undo
    def _next_batch(self, conn) -> int:
        row = conn.execute("SELECT COALESCE(MAX(batch_id), 0) + 1 FROM disclosure_changes")
        return row.fetchone()[0]

    def _log(self, conn, batch, who, where: _Where | None, key, before, after) -> None:
        where = where or _Where(None)
        conn.execute(
            """INSERT INTO disclosure_changes (batch_id, at, who, dataset_id, column_id, table_key,
               label, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                batch,
                now_iso(),
                who,
                where.dataset_id,
                where.column_id,
                where.table_key,
                where.label,
                key,
                before,
                after,
            ),
        )

    def history(self, dataset_id: int | None = None, limit: int = 200) -> list[dict]:
        """Latest changes first (who, when, field, before → after)."""
        where, params = ("WHERE dataset_id = ?", (dataset_id,)) if dataset_id else ("", ())
        rows = self.conn.execute(
            f"SELECT * FROM disclosure_changes {where} ORDER BY id DESC LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [dict(r) for r in rows]

    def batch_datasets(self, batch_id: int) -> list[int]:
        """The datasets a batch changed (what to refresh after undoing it)."""
        rows = self.conn.execute(
            """SELECT DISTINCT dataset_id FROM disclosure_changes
               WHERE batch_id = ? AND dataset_id IS NOT NULL ORDER BY dataset_id""",
            (batch_id,),
        )
        return [r[0] for r in rows]

    def undo(self, batch_id: int | None = None, who: str | None = None) -> int:
        """Undo a batch (the latest one not yet undone by default); returns values restored.

        Refuses when a value has moved on since (someone edited it after), so an undo never
        overwrites a newer entry.
        """
        who = who or current_user()
        with self.catalog.transaction() as conn:
            if batch_id is None:
                row = conn.execute(
                    """SELECT batch_id FROM disclosure_changes WHERE undone_by IS NULL
                       AND batch_id NOT IN (SELECT batch_id FROM disclosure_changes
                                            WHERE field LIKE 'undo:%')
                       ORDER BY id DESC LIMIT 1"""
                ).fetchone()
                if row is None:
                    raise MetadataError("되돌릴 변경이 없습니다.")
                batch_id = row["batch_id"]
            changes = conn.execute(
                "SELECT * FROM disclosure_changes WHERE batch_id = ? AND undone_by IS NULL "
                "ORDER BY id DESC",
                (batch_id,),
            ).fetchall()
            if not changes:
                raise MetadataError(f"되돌릴 변경이 없습니다: 묶음 {batch_id}")
            new_batch = self._next_batch(conn)
            for c in changes:
                current = self._current(conn, c)
                if (current or None) != (c["after"] or None):
                    raise MetadataError(
                        f"'{c['field']}' 값이 그 뒤에 다시 바뀌어 되돌릴 수 없습니다 "
                        f"(지금 값: {current or '(없음)'})."
                    )
                self._restore(conn, c, who)
                self._log(
                    conn, new_batch, who, self._change_where(conn, c), f"undo:{c['field']}",
                    c["after"], c["before"],
                )  # fmt: skip
                conn.execute(
                    "UPDATE disclosure_changes SET undone_by = ? WHERE id = ?", (new_batch, c["id"])
                )
        return len(changes)

    def _current(self, conn, change) -> str | None:
        key = change["field"]
        if key.startswith("institution."):
            row = conn.execute(
                "SELECT value FROM institution_settings WHERE key = ?", (key.split(".", 1)[1],)
            ).fetchone()
        else:
            where = self._change_where(conn, change)
            row = conn.execute(
                """SELECT value FROM disclosure_meta
                   WHERE dataset_id = ? AND column_id = ? AND field = ?""",
                (where.dataset_id, where.column_id, key),
            ).fetchone()
        return row["value"] if row else None

    def _change_where(self, conn, change) -> _Where | None:
        """Where a logged change was written (older logs name the column by table and label)."""
        if change["dataset_id"] is None:
            return None
        if not change["label"]:
            return _Where(change["dataset_id"], 0, change["table_key"] or "", "")
        column_id = change["column_id"] or self.catalog.identity_in(
            conn, change["dataset_id"], change["table_key"], change["label"], 0
        )
        return _Where(change["dataset_id"], column_id, change["table_key"], change["label"])

    def _restore(self, conn, change, who: str) -> None:
        key = change["field"]
        if key.startswith("institution."):
            self._write_setting(conn, key.split(".", 1)[1], change["before"], who)
        else:
            self._write(conn, self._change_where(conn, change), key, change["before"], who)

    # ------------------------------------------------------------------ bulk CSV
    def write_template(self, path: str | Path, year: int) -> int:
        """The bulk-entry form :meth:`import_csv` reads back: one row per dataset, named by
        its '원본 파일', with every dataset field filled as it stands for ``year`` (CSV, UTF-8
        with BOM for Excel). Returns the number of datasets written."""
        from catalog_app.disclosure.state import build_state
        from catalog_app.disclosure.workbook import write_csv

        state = build_state(self.catalog, year)
        headers = [TEMPLATE_REF] + [f.label for f in vocab.DATASET_FIELDS]
        rows = [[d.rel_path] + [d.get(f.key) for f in vocab.DATASET_FIELDS] for d in state.datasets]
        write_csv(Path(path), headers, rows)
        return len(rows)

    def import_csv(self, path: str | Path, who: str | None = None) -> ImportResult:
        """Bulk entry from a spreadsheet the coordinator filled (UTF-8 with/without BOM or CP949).

        One row per dataset: a column '원본 파일' (or '경로' / 'dataset_id') names it, every other
        column whose header is a dataset field label or key is entered; empty cells are left
        alone (not cleared). A cell equal to the value the app derives itself (확장자, 전체행 …
        from the scan or the settings) is not entered, so the template's round trip does not
        freeze this year's row count forever. Unknown columns and files are reported, not guessed.
        """
        rows, headers = _read_csv(Path(path))
        ref_col = next((h for h in headers if h in (TEMPLATE_REF, "경로", "dataset_id")), None)
        if ref_col is None:
            raise MetadataError("'원본 파일' 열이 없습니다 (데이터셋을 찾을 열이 필요합니다).")
        known: dict[str, vocab.Field] = {}
        result = ImportResult()
        for h in headers:
            if h == ref_col:
                continue
            try:
                known[h] = vocab.field("dataset", h)
            except KeyError:
                result.skipped.append(f"알 수 없는 열은 건너뜁니다: {h}")
        who = who or current_user()
        targets = [self._dataset_for(self.conn, (r.get(ref_col) or "").strip()) for r in rows]
        found = sorted({t for t in targets if t is not None})
        state = build_state(self.catalog, 0, dataset_ids=found) if found else None
        automatic = {
            d.dataset_id: {k: v for k, v in d.fields.items() if d.sources.get(k) != ENTERED}
            for d in (state.datasets if state else [])
        }
        with self.catalog.transaction() as conn:
            batch = self._next_batch(conn)
            for number, (row, dataset_id) in enumerate(zip(rows, targets, strict=True), start=2):
                if dataset_id is None:
                    result.skipped.append(
                        f"{number}행: 데이터셋을 찾을 수 없습니다: {row.get(ref_col)}"
                    )
                    continue
                derived = automatic.get(dataset_id, {})
                resolved = {}
                for h, f in known.items():
                    value = restore(row.get(h) or "")
                    if value.strip() and normalise_value(f, value) != derived.get(f.key):
                        resolved[f.key] = (f, value)
                changed = self._apply(conn, batch, who, _Where(dataset_id), resolved)
                if changed:
                    result.updated += 1
                    result.values += changed
        result.batch_id = batch if result.values else None
        return result

    def _dataset_for(self, conn, ref: str) -> int | None:
        if not ref:
            return None
        if ref.isdigit():
            row = conn.execute("SELECT id FROM datasets WHERE id = ?", (int(ref),)).fetchone()
            if row:
                return row["id"]
        norm = ref.replace("\\", "/")
        row = conn.execute(
            "SELECT id FROM datasets WHERE path = ? OR rel_path = ? OR replace(rel_path, '\\', '/') = ?",
            (ref, ref, norm),
        ).fetchall()
        return row[0]["id"] if len(row) == 1 else None


def missing_entry_clause(alias: str = "d") -> tuple[str, tuple]:
    """SQL condition on ``datasets AS alias``: a required field only a person can fill is empty
    (the catalog's '공개 항목 미입력' filter; validation has the full rules)."""
    from catalog_app.disclosure.derive import ENTRY_ONLY_REQUIRED

    marks = ", ".join("?" for _ in ENTRY_ONLY_REQUIRED)
    return (
        f"(SELECT COUNT(*) FROM disclosure_meta m WHERE m.dataset_id = {alias}.id "
        f"AND m.column_id = 0 AND m.field IN ({marks})) < ?",
        (*ENTRY_ONLY_REQUIRED, len(ENTRY_ONLY_REQUIRED)),
    )


def _read_csv(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    text = decode_excel_csv(path.read_bytes())
    if text is None:
        raise MetadataError(f"파일 인코딩을 읽을 수 없습니다 (UTF-8 또는 CP949): {path.name}")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    headers = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = headers
    return list(reader), headers
