"""A clerk's mapping decisions: accept, reject, choose another candidate, propose a new term,
bulk accept above a score; who and when are stored and every step can be undone.

Decisions hang on the column's lasting id (``column_keys``: dataset, sheet, header label and
which of the same-labelled columns), which a rescan keeps, so they survive rescans and two columns
that share a label in one table are decided one by one.
Mapping memory is derived from the accepted decisions (plus imported entries): a header label a
clerk accepted once becomes the top suggestion for the same label elsewhere.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from catalog_app.catalog.history import record_undo
from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.institution import InstitutionEditor, current_user
from catalog_app.dictionary.model import Term
from catalog_app.dictionary.store import DictionaryStore
from catalog_app.matching.errors import MappingError, no_such_column
from catalog_app.safe_files import neutralise, restore, save_atomic
from catalog_app.scan.encoding import decode_excel_csv

MEMORY_FIELDS = ["label", "term_name", "term_abbr", "domain", "value_type", "uses"]


# Row fields that say where a decision is stored, not what it is: an undo compares and restores
# the rest (history written before decisions had a column id restores onto the column's id).
_VOLATILE = ("id", "column_id")


def _same_decision(current: dict | None, stored_json: str | None) -> bool:
    """Whether the decision in force is the one a history step left (ignoring row ids)."""
    stored = json.loads(stored_json) if stored_json else None
    if current is None or stored is None:
        return current is None and stored is None
    return {k: v for k, v in current.items() if k not in _VOLATILE} == {
        k: v for k, v in stored.items() if k not in _VOLATILE
    }


def memory_key(label: str) -> str:
    """Memory is keyed by the cleaned header, so '시설 명(㎡)' and '시설명' share a decision."""
    from catalog_app.matching.clean import clean_header

    return clean_header(label).key


class MappingDesk:
    """Records decisions for the columns of one catalog on behalf of ``who``."""

    def __init__(self, catalog: Catalog, who: str | None = None):
        self.catalog = catalog
        self.conn = catalog.conn
        self.who = who or current_user()

    # ------------------------------------------------------------------ lookups
    def column(self, column_id: int):
        row = self.conn.execute(
            """SELECT c.id, c.dataset_id, c.label, c.inferred_type, t.table_key
               FROM columns c JOIN tables t ON t.id = c.table_id WHERE c.id = ?""",
            (column_id,),
        ).fetchone()
        if row is None:
            raise no_such_column(column_id)
        return row

    def decision(self, column_id: int) -> dict | None:
        col = self.column(column_id)
        row = self._decision_row(col["id"])
        return dict(row) if row else None

    def _decision_row(self, column_id: int):
        return self.conn.execute(
            "SELECT * FROM column_mappings WHERE column_id = ?", (column_id,)
        ).fetchone()

    # ---------------------------------------------------------------- decisions
    def _write(
        self, conn, col, action: str, values: dict | None, batch_id: int | None = None
    ) -> int:
        before = self._decision_row(col["id"])
        before_json = json.dumps(dict(before), ensure_ascii=False) if before else None
        conn.execute("DELETE FROM column_mappings WHERE column_id = ?", (col["id"],))
        after_json = None
        if values is not None:
            row = {
                "column_id": col["id"],
                "dataset_id": col["dataset_id"],
                "table_key": col["table_key"],
                "label": col["label"],
                "decided_by": self.who,
                "decided_at": now_iso(),
                **values,
            }
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(
                f"INSERT INTO column_mappings ({cols}) VALUES ({marks})", tuple(row.values())
            )
            stored = self._decision_row(col["id"])
            after_json = json.dumps(dict(stored), ensure_ascii=False)  # as undo will compare it
        return conn.execute(
            """INSERT INTO mapping_history (at, who, action, batch_id, column_id, dataset_id,
               table_key, label, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                now_iso(),
                self.who,
                action,
                batch_id,
                col["id"],
                col["dataset_id"],
                col["table_key"],
                col["label"],
                before_json,
                after_json,
            ),
        ).lastrowid

    def _term(self, name: str):
        """The term in the working dictionary (current edition + institution layer)."""
        store = DictionaryStore(self.catalog)
        current = store.ensure_shipped()
        ids = (current.id, store.institution_id())
        row = self.conn.execute(
            f"""SELECT t.name, t.abbr, t.domain, e.key FROM dict_terms t
                JOIN dict_editions e ON e.id = t.edition_id
                WHERE t.name = ? AND t.retired = 0 AND t.edition_id IN ({ids[0]}, {ids[1]})""",
            (name,),
        ).fetchone()
        if row is None:
            raise MappingError(f"현재 표준사전에 없는 용어입니다: {name}")
        return row

    def accept(
        self,
        column_id: int,
        term_name: str,
        kind: str | None = None,
        score: float | None = None,
        batch_id: int | None = None,
    ) -> int:
        col = self.column(column_id)
        term = self._term(term_name)
        with self.catalog.transaction() as conn:
            return self._write(
                conn,
                col,
                "accept",
                {
                    "term_name": term["name"],
                    "term_abbr": term["abbr"],
                    "domain": term["domain"],
                    "edition_key": term["key"],
                    "status": "accepted",
                    "kind": kind,
                    "score": score,
                },
                batch_id,
            )

    def reject(self, column_id: int, term_name: str) -> int:
        """The suggestion is wrong for this column; it is not offered as the answer again."""
        col = self.column(column_id)
        with self.catalog.transaction() as conn:
            return self._write(conn, col, "reject", {"term_name": term_name, "status": "rejected"})

    def clear(self, column_id: int) -> int:
        col = self.column(column_id)
        with self.catalog.transaction() as conn:
            return self._write(conn, col, "clear", None)

    def propose(self, column_id: int, term: Term) -> tuple[int, int]:
        """No term fits: send a new term to the review queue and mark the column as waiting."""
        col = self.column(column_id)
        path = self.conn.execute(
            "SELECT rel_path FROM datasets WHERE id = ?", (col["dataset_id"],)
        ).fetchone()
        editor = InstitutionEditor(DictionaryStore(self.catalog), self.who)
        proposal_id = editor.propose(
            term, origin=f"{path['rel_path']}/{col['table_key']}/{col['label']}"
        )
        with self.catalog.transaction() as conn:
            change = self._write(
                conn,
                col,
                "propose",
                {
                    "term_name": term.name,
                    "term_abbr": term.abbr,
                    "domain": term.domain,
                    "status": "proposed",
                    "proposal_id": proposal_id,
                },
            )
        return change, proposal_id

    def bulk_accept(self, threshold: float, filters=None) -> tuple[int | None, int]:
        """Accept the top suggestion of every undecided column scoring at least ``threshold``;
        with ``filters`` (a ``review.ReviewFilters``) only among the columns they show, which
        is what the window's 점수 이상 일괄 수락 means (one undoable batch either way)."""
        from catalog_app.matching.review import bulk_candidates

        picked = bulk_candidates(self.conn, threshold, filters)
        if not picked:
            return None, 0
        record = {"threshold": threshold, "count": len(picked)}
        if filters is not None and filters.narrowed:
            record["filters"] = {k: v for k, v in vars(filters).items() if v not in (None, "")}
        with self.catalog.transaction() as conn:
            batch_id = conn.execute(
                """INSERT INTO mapping_history (at, who, action, before, after)
                   VALUES (?, ?, 'bulk', NULL, ?)""",
                (now_iso(), self.who, json.dumps(record, ensure_ascii=False)),
            ).lastrowid
            for column_id, candidate, kind in picked:
                col = self.column(column_id)
                self._write(
                    conn,
                    col,
                    "accept",
                    {
                        "term_name": candidate["term"],
                        "term_abbr": candidate["abbr"],
                        "domain": candidate["domain"],
                        "status": "accepted",
                        "kind": kind,
                        "score": candidate["score"],
                    },
                    batch_id,
                )
        return batch_id, len(picked)

    # ----------------------------------------------------------------- history
    def history(self, limit: int = 50) -> list[dict]:
        rows = self.conn.execute("SELECT * FROM mapping_history ORDER BY id DESC LIMIT ?", (limit,))
        return [
            {
                **dict(r),
                "before": json.loads(r["before"]) if r["before"] else None,
                "after": json.loads(r["after"]) if r["after"] else None,
            }
            for r in rows
        ]

    def undo(self, history_id: int | None = None) -> list[int]:
        """Undo the latest decision (a bulk accept as a whole); returns the undo rows written."""
        if history_id is None:
            row = self.conn.execute(
                """SELECT * FROM mapping_history WHERE undone_by IS NULL AND action != 'undo'
                   AND (batch_id IS NULL OR action = 'bulk') ORDER BY id DESC LIMIT 1"""
            ).fetchone()
        else:
            row = self.conn.execute(
                "SELECT * FROM mapping_history WHERE id = ?", (history_id,)
            ).fetchone()
        if row is None or row["undone_by"] is not None or row["action"] == "undo":
            raise MappingError("되돌릴 매핑 결정이 없습니다.")
        steps = [row]
        if row["action"] == "bulk":
            steps = self.conn.execute(
                "SELECT * FROM mapping_history WHERE batch_id = ? ORDER BY id DESC", (row["id"],)
            ).fetchall()
        written = []
        with self.catalog.transaction() as conn:
            for step in steps:
                column_id = step["column_id"] or self.catalog.identity_in(
                    conn, step["dataset_id"], step["table_key"], step["label"], 0
                )
                current = self._decision_row(column_id)
                if not _same_decision(dict(current) if current else None, step["after"]):
                    raise MappingError(
                        f"'{step['label']}'의 매핑이 그 뒤에 다시 바뀌어 되돌릴 수 없습니다. 최근 결정부터 되돌리세요."
                    )
                conn.execute("DELETE FROM column_mappings WHERE column_id = ?", (column_id,))
                if step["before"]:
                    # written by this or an older release (before decisions had a column id)
                    before = {
                        k: v for k, v in json.loads(step["before"]).items() if k not in _VOLATILE
                    }
                    before["column_id"] = column_id
                    cols = ", ".join(before)
                    marks = ", ".join("?" for _ in before)
                    conn.execute(
                        f"INSERT INTO column_mappings ({cols}) VALUES ({marks})",
                        tuple(before.values()),
                    )
                undo_id = record_undo(conn, "mapping_history", self.who, step, column_id=column_id)
                written.append(undo_id)
            if row["action"] == "bulk":
                conn.execute(
                    "UPDATE mapping_history SET undone_by = ? WHERE id = ?",
                    (written[-1], row["id"]),
                )
        return written

    # ------------------------------------------------------------------ memory
    def memory(self) -> dict[str, dict]:
        """Cleaned header -> accepted term: imported entries, overridden by this catalog's own."""
        out: dict[str, dict] = {}
        for r in self.conn.execute("SELECT * FROM mapping_memory ORDER BY updated_at"):
            out[r["label"]] = {k: r[k] for k in MEMORY_FIELDS}
        counts: dict[tuple[str, str], dict] = {}
        for r in self.conn.execute(
            """SELECT d.label, d.term_name, d.term_abbr, d.domain, c.inferred_type
               FROM column_mappings d LEFT JOIN columns c ON c.id = d.column_id
               WHERE d.status = 'accepted' ORDER BY d.decided_at, d.id"""
        ):
            key = memory_key(r["label"])
            entry = counts.setdefault(
                (key, r["term_name"]),
                {
                    "label": key,
                    "term_name": r["term_name"],
                    "term_abbr": r["term_abbr"],
                    "domain": r["domain"],
                    "value_type": r["inferred_type"],
                    "uses": 0,
                },
            )
            entry["uses"] += 1
        for (key, _), entry in sorted(counts.items(), key=lambda kv: kv[1]["uses"]):
            out[key] = entry  # the most used term for a label wins
        return out

    def export_memory(self, path: Path) -> int:
        entries = sorted(self.memory().values(), key=lambda e: e["label"])

        def write(tmp: Path) -> None:
            with open(tmp, "x", encoding="utf-8-sig", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=MEMORY_FIELDS)
                writer.writeheader()
                writer.writerows(
                    {k: neutralise(v) if isinstance(v, str) else v for k, v in e.items()}
                    for e in entries
                )

        save_atomic(write, Path(path))
        return len(entries)

    def import_memory(self, path: Path) -> int:
        """Take another department's memory file (this catalog's own decisions still win)."""
        # Re-saved in Korean Excel the file comes back as CP949: read it either way.
        text = decode_excel_csv(Path(path).read_bytes())
        if text is None:
            raise MappingError("매핑 기억 파일의 문자 인코딩을 알 수 없습니다 (UTF-8 또는 CP949).")
        rows = [
            {k: restore(v) if isinstance(v, str) else v for k, v in r.items()}
            for r in csv.DictReader(io.StringIO(text, newline=""))
        ]
        missing = set(MEMORY_FIELDS[:2]) - set(rows[0] if rows else MEMORY_FIELDS)
        if missing:
            raise MappingError(f"매핑 기억 파일이 아닙니다 (없는 열: {', '.join(sorted(missing))})")
        with self.catalog.transaction() as conn:
            for r in rows:
                conn.execute(
                    """INSERT INTO mapping_memory (label, term_name, term_abbr, domain, value_type, uses,
                       source, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'import', ?)
                       ON CONFLICT (label) DO UPDATE SET term_name = excluded.term_name,
                       term_abbr = excluded.term_abbr, domain = excluded.domain,
                       value_type = excluded.value_type, uses = excluded.uses,
                       updated_at = excluded.updated_at""",
                    (
                        r["label"],
                        r["term_name"],
                        r.get("term_abbr"),
                        r.get("domain"),
                        r.get("value_type"),
                        int(r.get("uses") or 1),
                        now_iso(),
                    ),
                )
            conn.execute(
                """INSERT INTO mapping_history (at, who, action, label, after)
                   VALUES (?, ?, 'import', ?, ?)""",
                (now_iso(), self.who, str(path), json.dumps({"entries": len(rows)})),
            )
        return len(rows)
