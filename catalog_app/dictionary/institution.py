"""The institution standard (기관표준): edits with history and undo, and the review queue.

Every change is one transaction that also writes a dict_changes row with who, when, the row
before and the row after; undo replays ``before`` (and is itself recorded). Clerks propose terms;
a standards manager approves (the term joins the institution layer) or rejects with a reason.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field

from catalog_app.catalog.store import now_iso
from catalog_app.dictionary.model import Dictionary, Domain, Term, Word
from catalog_app.dictionary.store import TABLES, DictionaryError, DictionaryStore, from_row, to_row

KINDS = {"word": Word, "term": Term, "domain": Domain}
KIND_NAMES = {
    "word": "단어",
    "term": "용어",
    "domain": "도메인",
    "proposal": "제안",
    "layer": "기관표준",
}


def current_user() -> str:
    """Who is at the keyboard (recorded with every change)."""
    for var in ("CATALOG_APP_USER", "USERNAME", "USER"):
        if os.environ.get(var):
            return os.environ[var]
    try:
        return getpass.getuser()
    except Exception:  # no login name on some locked-down PCs
        return "unknown"


class ValidationFailed(DictionaryError):
    """Blocking findings; pass force=True to store anyway."""

    def __init__(self, findings):
        self.findings = findings
        lines = "; ".join(f"[{f.code}] {f.message}" for f in findings if f.severity == "error")
        super().__init__(f"표준 규칙 위반: {lines}")


@dataclass(slots=True)
class ChangeResult:
    change_id: int
    entity_id: int | None
    findings: list = field(default_factory=list)


def _as_json(item) -> str | None:
    return None if item is None else json.dumps(asdict(item), ensure_ascii=False)


def _from_json(kind: str, text: str):
    data = json.loads(text)
    for key in ("synonyms", "forbidden"):
        if key in data:
            data[key] = tuple(data[key])
    return KINDS[kind](**data)


class InstitutionEditor:
    """Edits the institution layer of one catalog on behalf of ``who``."""

    def __init__(self, store: DictionaryStore, who: str | None = None):
        self.store = store
        self.conn = store.conn
        self.who = who or current_user()
        self.layer = store.institution_id()

    # ---------------------------------------------------------------- validation
    def context(self):
        """WordIndex and lookups over the current official edition plus the institution layer."""
        from catalog_app.dictionary.segment import WordIndex

        official, own = self.store.working()
        words = official.active_words() + own.active_words()
        domains = {d.name: d for d in official.active_domains() + own.active_domains()}
        terms = official.active_terms() + own.active_terms()
        return WordIndex(words, domains.values(), terms), domains, terms, words

    def check(self, kind: str, item, exclude_name: str | None = None) -> list:
        from catalog_app.dictionary.rules import validate_term, validate_word

        index, domains, terms, words = self.context()
        if kind == "term":
            others = [t for t in terms if t.name != exclude_name]
            return validate_term(item, index, domains, others)
        if kind == "word":
            others = [w for w in words if w.name != exclude_name]
            return validate_word(item, index, others)
        return []

    # --------------------------------------------------------------------- edits
    def _row(self, kind: str, name: str):
        table, _ = TABLES[kind]
        return self.conn.execute(
            f"SELECT * FROM {table} WHERE edition_id = ? AND name = ? AND retired = 0",
            (self.layer, name),
        ).fetchone()

    def _record(
        self, conn, action, kind, entity_id, name, before, after, reason=None, undoes=None
    ) -> int:
        change_id = conn.execute(
            """INSERT INTO dict_changes (at, who, action, kind, entity_id, name, before, after,
               reason, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (now_iso(), self.who, action, kind, entity_id, name, before, after, reason, undoes),
        ).lastrowid
        if undoes is not None:
            conn.execute("UPDATE dict_changes SET undone_by = ? WHERE id = ?", (change_id, undoes))
        return change_id

    def _insert(self, conn, kind: str, item) -> int:
        table, cols = TABLES[kind]
        marks = ", ".join("?" for _ in range(len(cols) + 1))
        return conn.execute(
            f"INSERT INTO {table} (edition_id, {', '.join(cols)}) VALUES ({marks})",
            (self.layer, *to_row(kind, item)),
        ).lastrowid

    def _update(self, conn, kind: str, entity_id: int, item) -> None:
        table, cols = TABLES[kind]
        sets = ", ".join(f"{c} = ?" for c in cols)
        conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*to_row(kind, item), entity_id))

    def add(self, kind: str, item, force: bool = False) -> ChangeResult:
        if kind not in KINDS:
            raise DictionaryError(f"알 수 없는 종류: {kind}")
        if self._row(kind, item.name) is not None:
            raise DictionaryError(f"기관표준에 이미 있는 {KIND_NAMES[kind]}입니다: {item.name}")
        findings = self.check(kind, item)
        if not force and any(f.severity == "error" for f in findings):
            raise ValidationFailed(findings)
        item.enacted = item.enacted or "기관표준"
        with self.store.catalog.transaction() as conn:
            entity_id = self._insert(conn, kind, item)
            change_id = self._record(conn, "add", kind, entity_id, item.name, None, _as_json(item))
        self.store.refresh_counts(self.layer)
        return ChangeResult(change_id, entity_id, findings)

    def edit(self, kind: str, name: str, changes: dict, force: bool = False) -> ChangeResult:
        row = self._row(kind, name)
        if row is None:
            raise DictionaryError(f"기관표준에 없는 {KIND_NAMES[kind]}입니다: {name}")
        before = from_row(kind, row)
        data = asdict(before)
        unknown = set(changes) - set(data)
        if unknown:
            raise DictionaryError(f"바꿀 수 없는 항목: {', '.join(sorted(unknown))}")
        data.update(changes)
        after = _from_json(kind, json.dumps(data, ensure_ascii=False))
        findings = self.check(kind, after, exclude_name=name)
        if not force and any(f.severity == "error" for f in findings):
            raise ValidationFailed(findings)
        with self.store.catalog.transaction() as conn:
            self._update(conn, kind, row["id"], after)
            change_id = self._record(
                conn, "edit", kind, row["id"], after.name, _as_json(before), _as_json(after)
            )
        return ChangeResult(change_id, row["id"], findings)

    def retire(self, kind: str, name: str, reason: str = "") -> ChangeResult:
        row = self._row(kind, name)
        if row is None:
            raise DictionaryError(f"기관표준에 없는 {KIND_NAMES[kind]}입니다: {name}")
        before = from_row(kind, row)
        after = _from_json(kind, _as_json(before))
        after.retired = True
        with self.store.catalog.transaction() as conn:
            self._update(conn, kind, row["id"], after)
            change_id = self._record(
                conn, "retire", kind, row["id"], name, _as_json(before), _as_json(after), reason
            )
        return ChangeResult(change_id, row["id"])

    # ------------------------------------------------------------------- history
    def history(self, limit: int = 100) -> list[dict]:
        rows = self.conn.execute("SELECT * FROM dict_changes ORDER BY id DESC LIMIT ?", (limit,))
        return [
            {
                "id": r["id"],
                "at": r["at"],
                "who": r["who"],
                "action": r["action"],
                "kind": r["kind"],
                "name": r["name"],
                "reason": r["reason"],
                "before": json.loads(r["before"]) if r["before"] else None,
                "after": json.loads(r["after"]) if r["after"] else None,
                "undone_by": r["undone_by"],
                "undoes": r["undoes"],
            }
            for r in rows
        ]

    def undo(self, change_id: int | None = None) -> ChangeResult:
        """Undo a change (by default the latest one not undone yet)."""
        if change_id is None:
            row = self.conn.execute(
                """SELECT * FROM dict_changes WHERE undone_by IS NULL AND action != 'undo'
                   ORDER BY id DESC LIMIT 1"""
            ).fetchone()
            if row is None:
                raise DictionaryError("되돌릴 변경이 없습니다.")
        else:
            row = self.conn.execute(
                "SELECT * FROM dict_changes WHERE id = ?", (change_id,)
            ).fetchone()
            if row is None:
                raise DictionaryError(f"그런 변경이 없습니다: {change_id}")
            if row["undone_by"] is not None or row["action"] == "undo":
                raise DictionaryError(f"이미 되돌린 변경입니다: {change_id}")
        kind, action, entity_id = row["kind"], row["action"], row["entity_id"]
        with self.store.catalog.transaction() as conn:
            if kind in KINDS:
                self._check_unchanged(kind, entity_id, row)
                table, _ = TABLES[kind]
                if action == "add":
                    conn.execute(f"DELETE FROM {table} WHERE id = ?", (entity_id,))
                else:
                    self._update(conn, kind, entity_id, _from_json(kind, row["before"]))
            elif kind == "proposal":
                self._undo_proposal(conn, row)
            elif kind == "layer":
                self._restore_layer(conn, json.loads(row["before"]))
            undo_id = self._record(
                conn,
                "undo",
                kind,
                entity_id,
                row["name"],
                row["after"],
                row["before"],
                undoes=row["id"],
            )
        self.store.refresh_counts(self.layer)
        return ChangeResult(undo_id, entity_id)

    def _check_unchanged(self, kind: str, entity_id: int, change) -> None:
        table, _ = TABLES[kind]
        current = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (entity_id,)).fetchone()
        if current is None or _as_json(from_row(kind, current)) != change["after"]:
            raise DictionaryError(
                f"'{change['name']}'는 그 뒤에 다시 바뀌어 이 변경만 되돌릴 수 없습니다. 최근 변경부터 되돌리세요."
            )

    # ------------------------------------------------------------------ proposals
    def propose(self, term: Term, origin: str = "") -> int:
        """A clerk's proposal waits in the review queue; findings are shown to the reviewer."""
        with self.store.catalog.transaction() as conn:
            proposal_id = conn.execute(
                """INSERT INTO dict_proposals (kind, name, payload, origin, proposed_by, proposed_at)
                   VALUES ('term', ?, ?, ?, ?, ?)""",
                (term.name, _as_json(term), origin, self.who, now_iso()),
            ).lastrowid
            self._record(conn, "propose", "proposal", proposal_id, term.name, None, _as_json(term))
        return proposal_id

    def proposals(self, status: str | None = "pending") -> list[dict]:
        sql = "SELECT * FROM dict_proposals"
        params: tuple = ()
        if status:
            sql += " WHERE status = ?"
            params = (status,)
        out = []
        for r in self.conn.execute(sql + " ORDER BY id", params).fetchall():
            term = _from_json("term", r["payload"])
            findings = self.check("term", term) if r["status"] == "pending" else []
            out.append(
                {
                    "id": r["id"],
                    "name": r["name"],
                    "abbr": term.abbr,
                    "domain": term.domain,
                    "description": term.description,
                    "origin": r["origin"],
                    "proposed_by": r["proposed_by"],
                    "proposed_at": r["proposed_at"],
                    "status": r["status"],
                    "decided_by": r["decided_by"],
                    "decided_at": r["decided_at"],
                    "reason": r["reason"],
                    "findings": [asdict(f) for f in findings],
                }
            )
        return out

    def revise(self, proposal_id: int, term: Term) -> ChangeResult:
        """Edit a pending proposal before deciding on it (name, abbreviation, domain …): the
        reviewer fixes what the rules found instead of rejecting and asking again. Recorded
        (before/after) and undoable like every change; returns the new findings."""
        row = self._proposal(proposal_id)
        before = row["payload"]
        after = _as_json(term)
        with self.store.catalog.transaction() as conn:
            conn.execute(
                "UPDATE dict_proposals SET name = ?, payload = ? WHERE id = ?",
                (term.name, after, proposal_id),
            )
            change_id = self._record(
                conn, "edit", "proposal", proposal_id, term.name, before, after
            )
        return ChangeResult(change_id, proposal_id, self.check("term", term))

    def validate_all(self) -> list[tuple[str, str, list]]:
        """(kind, name, findings) for every active institution word and term, each checked
        against the working dictionary without itself (``standards validate``)."""
        own = self.store.institution()
        out = [
            ("word", w.name, self.check("word", w, exclude_name=w.name)) for w in own.active_words()
        ]
        out += [
            ("term", t.name, self.check("term", t, exclude_name=t.name)) for t in own.active_terms()
        ]
        return out

    def _proposal(self, proposal_id: int):
        row = self.conn.execute(
            "SELECT * FROM dict_proposals WHERE id = ?", (proposal_id,)
        ).fetchone()
        if row is None:
            raise DictionaryError(f"그런 제안이 없습니다: {proposal_id}")
        if row["status"] != "pending":
            raise DictionaryError(f"이미 처리한 제안입니다: {proposal_id} ({row['status']})")
        return row

    def approve(self, proposal_id: int, force: bool = False) -> ChangeResult:
        row = self._proposal(proposal_id)
        term = _from_json("term", row["payload"])
        if self._row("term", term.name) is not None:
            raise DictionaryError(f"기관표준에 이미 있는 용어입니다: {term.name}")
        findings = self.check("term", term)
        if not force and any(f.severity == "error" for f in findings):
            raise ValidationFailed(findings)
        term.enacted = term.enacted or "기관표준"
        with self.store.catalog.transaction() as conn:
            term_id = self._insert(conn, "term", term)
            conn.execute(
                """UPDATE dict_proposals SET status = 'approved', decided_by = ?, decided_at = ?,
                   result_id = ? WHERE id = ?""",
                (self.who, now_iso(), term_id, proposal_id),
            )
            change_id = self._record(
                conn, "approve", "proposal", proposal_id, term.name, None, _as_json(term)
            )
        self.store.refresh_counts(self.layer)
        return ChangeResult(change_id, term_id, findings)

    def reject(self, proposal_id: int, reason: str) -> ChangeResult:
        if not reason.strip():
            raise DictionaryError("반려 사유를 적어 주세요.")
        row = self._proposal(proposal_id)
        with self.store.catalog.transaction() as conn:
            conn.execute(
                """UPDATE dict_proposals SET status = 'rejected', decided_by = ?, decided_at = ?,
                   reason = ? WHERE id = ?""",
                (self.who, now_iso(), reason, proposal_id),
            )
            change_id = self._record(
                conn, "reject", "proposal", proposal_id, row["name"], None, None, reason
            )
        return ChangeResult(change_id, None)

    def _undo_proposal(self, conn, change) -> None:
        proposal = conn.execute(
            "SELECT * FROM dict_proposals WHERE id = ?", (change["entity_id"],)
        ).fetchone()
        if change["action"] == "propose":
            if proposal["status"] != "pending":
                raise DictionaryError("이미 처리된 제안이라 제안을 되돌릴 수 없습니다.")
            conn.execute("DELETE FROM dict_proposals WHERE id = ?", (proposal["id"],))
            return
        if change["action"] == "edit":
            if proposal["status"] != "pending" or proposal["payload"] != change["after"]:
                raise DictionaryError(
                    "제안이 그 뒤에 다시 바뀌었거나 처리되어 이 수정만 되돌릴 수 없습니다."
                )
            before = _from_json("term", change["before"])
            conn.execute(
                "UPDATE dict_proposals SET name = ?, payload = ? WHERE id = ?",
                (before.name, change["before"], proposal["id"]),
            )
            return
        if change["action"] == "approve" and proposal["result_id"]:
            term = conn.execute(
                "SELECT * FROM dict_terms WHERE id = ?", (proposal["result_id"],)
            ).fetchone()
            if term is None or _as_json(from_row("term", term)) != change["after"]:
                raise DictionaryError("승인된 용어가 그 뒤에 바뀌어 승인을 되돌릴 수 없습니다.")
            conn.execute("DELETE FROM dict_terms WHERE id = ?", (proposal["result_id"],))
        conn.execute(
            """UPDATE dict_proposals SET status = 'pending', decided_by = NULL, decided_at = NULL,
               reason = NULL, result_id = NULL WHERE id = ?""",
            (proposal["id"],),
        )

    # ---------------------------------------------------------------- whole layer
    def _snapshot(self) -> dict:
        layer = self.store.institution()
        return {k: [asdict(x) for x in getattr(layer, k)] for k in ("words", "terms", "domains")}

    def _restore_layer(self, conn, snapshot: dict) -> None:
        for kind, key in (("word", "words"), ("term", "terms"), ("domain", "domains")):
            table, _ = TABLES[kind]
            conn.execute(f"DELETE FROM {table} WHERE edition_id = ?", (self.layer,))
            for data in snapshot[key]:
                self._insert(conn, kind, _from_json(kind, json.dumps(data, ensure_ascii=False)))

    def replace_layer(self, dictionary: Dictionary, source: str = "") -> ChangeResult:
        """Load a standards manager's export as this PC's institution standard (undoable)."""
        before = self._snapshot()
        after = {
            k: [asdict(x) for x in getattr(dictionary, k)] for k in ("words", "terms", "domains")
        }
        with self.store.catalog.transaction() as conn:
            self._restore_layer(conn, after)
            change_id = self._record(
                conn,
                "import",
                "layer",
                self.layer,
                source or "기관표준",
                json.dumps(before, ensure_ascii=False),
                json.dumps(after, ensure_ascii=False),
            )
        self.store.refresh_counts(self.layer)
        return ChangeResult(change_id, self.layer)
