"""A clerk's privacy decisions: overrule a column's verdict, record an export exception; who,
when and why are stored and every step can be undone.

* **Overrides** hang on the column's lasting id (``column_keys``), like mapping decisions, so a
  rescan keeps them (``store.save_file_result`` applies them before it writes). Setting one
  updates the verdict in force at once; a column made personal is masked on the spot (samples,
  top values, min and max), and a column made "not personal" stays masked (what was masked is
  gone, and masking costs nothing).
* **Exceptions** (``allow``) let a dataset whose open columns give k < 5 be exported anyway; one
  is given for the open quasi-identifier columns of a table as they are (its *signature*) and
  lapses when they change. See ``reident`` and ``gate``.

Every step is a ``privacy_history`` row (before/after as JSON); :meth:`PrivacyDesk.undo` reverts
the latest step not undone yet (or a given one, if nothing changed it since).
"""

from __future__ import annotations

import json
import logging
import sqlite3

from catalog_app.catalog.column_rows import profile_from_row, stored_samples, stored_top_values
from catalog_app.catalog.history import record_undo
from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.institution import current_user
from catalog_app.privacy.effective import apply_override
from catalog_app.privacy.verdicts import detected_verdict
from catalog_app.scan.pii import PII_KINDS
from catalog_app.scan.pii.mask import mask_value

__all__ = ["PrivacyDesk", "PrivacyError"]

log = logging.getLogger(__name__)

_OVERRIDE_FIELDS = ("personal", "quasi_identifier", "sensitive", "kind", "reason")


class PrivacyError(ValueError):
    """A decision that cannot be made (unknown column, no reason, nothing to undo); Korean."""


def _json(row) -> str | None:
    return json.dumps(dict(row), ensure_ascii=False) if row is not None else None


def _flag(value) -> int | None:
    return None if value is None else int(bool(value))


class PrivacyDesk:
    """Records privacy decisions for one catalog on behalf of ``who``."""

    def __init__(self, catalog: Catalog, who: str | None = None):
        self.catalog = catalog
        self.conn = catalog.conn
        self.who = who or current_user()

    # ------------------------------------------------------------------ lookups
    def column(self, column_id: int) -> sqlite3.Row:
        row = self.conn.execute(
            """SELECT c.*, t.table_key FROM columns c JOIN tables t ON t.id = c.table_id
               WHERE c.id = ?""",
            (column_id,),
        ).fetchone()
        if row is None:
            raise PrivacyError(
                f"그런 컬럼이 없습니다: {column_id} (`privacy show --json`의 column_id)"
            )
        return row

    def override(self, column_id: int) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM privacy_overrides WHERE column_id = ?", (column_id,)
        ).fetchone()

    # ---------------------------------------------------------------- overrides
    def set(
        self,
        column_id: int,
        *,
        reason: str,
        personal: bool | None = None,
        quasi_identifier: bool | None = None,
        sensitive: bool | None = None,
        kind: str | None = None,
    ) -> int:
        """Overrule the column's verdict (flags left None follow the scan); returns the history
        id. A reason is required: it is shown wherever the verdict is."""
        reason = " ".join((reason or "").split())
        if not reason:
            raise PrivacyError("판정을 바꾸는 이유를 적으세요.")
        if kind is not None and kind not in PII_KINDS:
            raise PrivacyError(
                f"알 수 없는 개인정보 종류입니다: {kind} (가능: {', '.join(PII_KINDS)})"
            )
        if personal is None and quasi_identifier is None and sensitive is None and kind is None:
            raise PrivacyError("바꿀 판정이 없습니다 (개인정보·준식별자·민감정보 여부나 종류).")
        col = self.column(column_id)
        values = {
            "personal": _flag(personal),
            "quasi_identifier": _flag(quasi_identifier),
            "sensitive": _flag(sensitive),
            "kind": kind,
            "reason": reason,
        }
        _erase_on_write(self.conn)
        with self.catalog.transaction() as conn:
            step = self._write(conn, col, "set", values)
        self._refresh_suggestion(col)
        _checkpoint(self.conn)
        return step

    def clear(self, column_id: int) -> int:
        """Back to the scan's verdict."""
        col = self.column(column_id)
        if self.override(column_id) is None:
            raise PrivacyError(f"'{col['label']}'에는 담당자 판정이 없습니다.")
        with self.catalog.transaction() as conn:
            return self._write(conn, col, "clear", None)

    def _write(self, conn, col, action: str, values: dict | None) -> int:
        column_id = col["id"]
        before = self.override(column_id)
        conn.execute("DELETE FROM privacy_overrides WHERE column_id = ?", (column_id,))
        after = None
        if values is not None:
            row = {"column_id": column_id, **values}
            row.update(decided_by=self.who, decided_at=now_iso())
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(
                f"INSERT INTO privacy_overrides ({cols}) VALUES ({marks})", tuple(row.values())
            )
            after = self.override(column_id)
        apply_in_force(conn, column_id)
        return self._history(conn, action, col, _json(before), _json(after))

    def _history(self, conn, action: str, col, before, after, dataset_id=None, table=None):
        return conn.execute(
            """INSERT INTO privacy_history (at, who, action, column_id, dataset_id, table_key,
               label, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                now_iso(),
                self.who,
                action,
                col["id"] if col is not None else None,
                col["dataset_id"] if col is not None else dataset_id,
                col["table_key"] if col is not None else table,
                col["label"] if col is not None else None,
                before,
                after,
            ),
        ).lastrowid

    def _refresh_suggestion(self, col) -> None:
        """A column masked by the override: its suggestion's value checks were made on the
        unmasked samples, so it is made again (or dropped, and ``check`` asks for ``map``)."""
        now = self.column(col["id"])
        if bool(now["masked"]) == bool(col["masked"]):
            return
        has = self.conn.execute(
            "SELECT 1 FROM column_match WHERE column_id = ?", (col["id"],)
        ).fetchone()
        if not has:
            return
        from catalog_app.catalog.store import MATCH_INSERT
        from catalog_app.matching.refresh import Suggester

        suggester = Suggester(self.catalog)
        ready = suggester.prepare()  # outside a transaction: it may load the dictionary
        with self.catalog.transaction() as conn:
            if not ready:
                conn.execute("DELETE FROM column_match WHERE column_id = ?", (col["id"],))
                return
            rows = suggester(conn, now["dataset_id"], [(now["id"], profile_from_row(now))])
            conn.executemany(MATCH_INSERT, rows)
            if not rows:
                conn.execute("DELETE FROM column_match WHERE column_id = ?", (col["id"],))

    # --------------------------------------------------------------- exceptions
    def allow(
        self, dataset_id: int, table_key: str, signature: str, k: int | None, reason: str
    ) -> int:
        """Record an exception: this table may be exported although its open columns give
        k < 5 (``reident``), for the open columns named by ``signature``."""
        reason = " ".join((reason or "").split())
        if not reason:
            raise PrivacyError("예외로 내보내는 이유를 적으세요 (기록에 남습니다).")
        with self.catalog.transaction() as conn:
            before = self._allowance(dataset_id, table_key)
            if before is not None:
                conn.execute(
                    "UPDATE privacy_allowances SET revoked_by = ?, revoked_at = ? WHERE id = ?",
                    (self.who, now_iso(), before["id"]),
                )
            new_id = conn.execute(
                """INSERT INTO privacy_allowances (dataset_id, table_key, signature, k, reason,
                   allowed_by, allowed_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (dataset_id, table_key, signature, k, reason, self.who, now_iso()),
            ).lastrowid
            after = conn.execute(
                "SELECT * FROM privacy_allowances WHERE id = ?", (new_id,)
            ).fetchone()
            return self._history(
                conn, "allow", None, _json(before), _json(after), dataset_id, table_key
            )

    def revoke(self, dataset_id: int, table_key: str) -> int:
        before = self._allowance(dataset_id, table_key)
        if before is None:
            raise PrivacyError("취소할 예외 승인이 없습니다.")
        with self.catalog.transaction() as conn:
            conn.execute(
                "UPDATE privacy_allowances SET revoked_by = ?, revoked_at = ? WHERE id = ?",
                (self.who, now_iso(), before["id"]),
            )
            return self._history(conn, "revoke", None, _json(before), None, dataset_id, table_key)

    def _allowance(self, dataset_id: int, table_key: str) -> sqlite3.Row | None:
        return self.conn.execute(
            """SELECT * FROM privacy_allowances WHERE dataset_id = ? AND table_key = ?
               AND revoked_at IS NULL ORDER BY id DESC LIMIT 1""",
            (dataset_id, table_key),
        ).fetchone()

    def allowances(self, dataset_id: int | None = None) -> list[dict]:
        """Exceptions in force (not revoked)."""
        sql = "SELECT * FROM privacy_allowances WHERE revoked_at IS NULL"
        params: tuple = ()
        if dataset_id is not None:
            sql += " AND dataset_id = ?"
            params = (dataset_id,)
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY id", params)]

    # ------------------------------------------------------------------ history
    def history(self, limit: int = 50) -> list[dict]:
        rows = self.conn.execute("SELECT * FROM privacy_history ORDER BY id DESC LIMIT ?", (limit,))
        return [
            {
                **dict(r),
                "before": json.loads(r["before"]) if r["before"] else None,
                "after": json.loads(r["after"]) if r["after"] else None,
            }
            for r in rows
        ]

    def undo(self, history_id: int | None = None) -> int:
        """Undo the latest privacy step (or ``history_id``); returns the undo's history id."""
        if history_id is None:
            step = self.conn.execute(
                """SELECT * FROM privacy_history WHERE undone_by IS NULL AND action != 'undo'
                   ORDER BY id DESC LIMIT 1"""
            ).fetchone()
        else:
            step = self.conn.execute(
                "SELECT * FROM privacy_history WHERE id = ?", (history_id,)
            ).fetchone()
        if step is None or step["undone_by"] is not None or step["action"] == "undo":
            raise PrivacyError("되돌릴 개인정보 판정이 없습니다.")
        if step["action"] in ("set", "clear"):
            undo_id = self._undo_override(step)
        else:
            undo_id = self._undo_allowance(step)
        return undo_id

    def _undo_override(self, step) -> int:
        column_id = step["column_id"]
        current = self.override(column_id)
        now = json.loads(_json(current)) if current is not None else None
        then = json.loads(step["after"]) if step["after"] else None
        if now != then:
            raise PrivacyError(
                f"'{step['label']}'의 판정이 그 뒤에 다시 바뀌어 되돌릴 수 없습니다. "
                "최근 판정부터 되돌리세요."
            )
        col = self.conn.execute(
            """SELECT c.*, t.table_key FROM columns c JOIN tables t ON t.id = c.table_id
               WHERE c.id = ?""",
            (column_id,),
        ).fetchone()
        _erase_on_write(self.conn)
        with self.catalog.transaction() as conn:
            conn.execute("DELETE FROM privacy_overrides WHERE column_id = ?", (column_id,))
            if step["before"]:
                before = json.loads(step["before"])
                cols = ", ".join(before)
                marks = ", ".join("?" for _ in before)
                conn.execute(
                    f"INSERT INTO privacy_overrides ({cols}) VALUES ({marks})",
                    tuple(before.values()),
                )
            if col is not None:
                apply_in_force(conn, column_id)
            undo_id = record_undo(conn, "privacy_history", self.who, step, column_id=column_id)
        if col is not None:
            self._refresh_suggestion(col)
        _checkpoint(self.conn)
        return undo_id

    def _undo_allowance(self, step) -> int:
        after = json.loads(step["after"]) if step["after"] else None
        before = json.loads(step["before"]) if step["before"] else None
        with self.catalog.transaction() as conn:
            if after is not None:  # an 'allow': revoke what it granted, restore what it replaced
                conn.execute(
                    """UPDATE privacy_allowances SET revoked_by = ?, revoked_at = ?
                       WHERE id = ? AND revoked_at IS NULL""",
                    (self.who, now_iso(), after["id"]),
                )
            if before is not None:  # an 'allow' that replaced one, or a 'revoke'
                conn.execute(
                    "UPDATE privacy_allowances SET revoked_by = NULL, revoked_at = NULL "
                    "WHERE id = ?",
                    (before["id"],),
                )
            undo_id = record_undo(conn, "privacy_history", self.who, step)
        return undo_id


def _erase_on_write(conn: sqlite3.Connection) -> None:
    """Masking a column in place must not leave its old values in freed pages."""
    conn.execute("PRAGMA secure_delete = ON")


def _checkpoint(conn: sqlite3.Connection) -> None:
    """… nor in the write-ahead log (best effort: a reader may hold it a moment longer)."""
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:
        log.debug("checkpoint after masking postponed", exc_info=True)


def apply_in_force(conn: sqlite3.Connection, column_id: int) -> None:
    """Write the verdict in force (scan + override) into the column's ``pii_*``; a column that
    is personal now and was not masked is masked (samples, top values, min, max)."""
    row = conn.execute("SELECT * FROM columns WHERE id = ?", (column_id,)).fetchone()
    if row is None:
        return  # the column is not in the file now: the override waits for its label
    override = conn.execute(
        "SELECT * FROM privacy_overrides WHERE column_id = ?", (column_id,)
    ).fetchone()
    verdict = apply_override(detected_verdict(row), override)
    if verdict is None or not verdict.personal:
        conn.execute(
            """UPDATE columns SET pii_kind = NULL, pii_share = NULL, pii_reason = NULL,
               pii_source = NULL WHERE id = ?""",
            (column_id,),
        )
        return
    conn.execute(
        "UPDATE columns SET pii_kind = ?, pii_share = ?, pii_reason = ?, pii_source = ? WHERE id = ?",
        (verdict.kind, verdict.share, verdict.reason, verdict.source, column_id),
    )
    if not row["masked"]:
        kind = verdict.kind
        samples = [mask_value(v, kind) for v in stored_samples(row)]
        top = [[mask_value(v, kind), n] for v, n in stored_top_values(row)]
        low = mask_value(row["min_value"], kind) if row["min_value"] is not None else None
        high = mask_value(row["max_value"], kind) if row["max_value"] is not None else None
        conn.execute(
            """UPDATE columns SET samples = ?, top_values = ?, min_value = ?, max_value = ?,
               masked = 1 WHERE id = ?""",
            (
                json.dumps(samples, ensure_ascii=False),
                json.dumps(top, ensure_ascii=False),
                low,
                high,
                column_id,
            ),
        )
