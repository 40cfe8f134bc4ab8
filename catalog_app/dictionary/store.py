"""The dictionary inside the catalog database: editions, the current one, the institution layer.

Kept in the catalog file (not a sibling database) so a column's mapping and the term it points to
change in one transaction, and a clerk backs up or hands over a single file. Official editions
are read-only once imported; the institution layer (기관표준) is one more "edition" whose rows the
standards manager edits (see institution.py).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.model import Dictionary, Domain, Term, Word, field_names

INSTITUTION_KEY = "기관표준"
_ENACTED = re.compile(r"(\d+)차\s*\((\d{4}-\d{2})\)")
_FILE_EDITION = re.compile(r"pds(\d+)_(\d{4}-\d{2})")


class DictionaryError(Exception):
    """A dictionary operation a clerk asked for cannot be done; the message is Korean."""


@dataclass(slots=True)
class EditionInfo:
    id: int
    key: str
    layer: str
    layout: str | None
    source: str | None
    imported_at: str
    is_current: bool
    word_count: int
    term_count: int
    domain_count: int

    def as_dict(self) -> dict:
        return asdict(self)


def edition_key(dictionary: Dictionary, source: str | Path = "") -> str:
    """'7차(2024-11)' from the latest 제정차수 in the rows, else from a 'pdsN_YYYY-MM' file name."""
    best: tuple[int, str] | None = None
    for row in (*dictionary.words, *dictionary.terms, *dictionary.domains):
        match = _ENACTED.search(row.enacted or "")
        if match and (best is None or int(match.group(1)) > best[0]):
            best = (int(match.group(1)), match.group(2))
    if best:
        return f"{best[0]}차({best[1]})"
    match = _FILE_EDITION.search(Path(str(source)).name)
    if match:
        return f"{match.group(1)}차({match.group(2)})"
    return Path(str(source)).stem or "edition"


_WORD_COLS = field_names(Word)
_TERM_COLS = field_names(Term)
# 'group' is an SQL keyword: the domain table stores it as 'grp'.
_DOMAIN_COLS = tuple("grp" if f == "group" else f for f in field_names(Domain))
TABLES = {
    "word": ("dict_words", _WORD_COLS),
    "term": ("dict_terms", _TERM_COLS),
    "domain": ("dict_domains", _DOMAIN_COLS),
}


def _cell(value):
    if isinstance(value, tuple | list):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def to_row(kind: str, item) -> tuple:
    # a shallow read of the fields: asdict's deep copy cost ~0.3 s per 11,000-row edition
    values = {f.name: getattr(item, f.name) for f in fields(item)}
    if kind == "domain":
        values["grp"] = values.pop("group")
    return tuple(_cell(values[c]) for c in TABLES[kind][1])


def from_row(kind: str, row) -> Word | Term | Domain:
    data = {c: row[c] for c in TABLES[kind][1]}
    for key in ("synonyms", "forbidden"):
        if key in data:
            data[key] = tuple(json.loads(data[key] or "[]"))
    data["extra"] = json.loads(data["extra"] or "{}")
    data["retired"] = bool(data["retired"])
    if kind == "word":
        data["is_class_word"] = bool(data["is_class_word"])
        return Word(**{k: ("" if v is None else v) for k, v in data.items()})
    if kind == "domain":
        data["group"] = data.pop("grp")
        return Domain(**{k: ("" if v is None else v) for k, v in data.items()})
    return Term(**{k: ("" if v is None else v) for k, v in data.items()})


class DictionaryStore:
    """Editions and layers of the dictionary kept in a catalog."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.conn = catalog.conn

    # ------------------------------------------------------------------ editions
    def editions(self) -> list[EditionInfo]:
        rows = self.conn.execute("SELECT * FROM dict_editions ORDER BY layer DESC, id")
        return [self._info(r) for r in rows]

    def edition(self, key: str) -> EditionInfo | None:
        row = self.conn.execute("SELECT * FROM dict_editions WHERE key = ?", (key,)).fetchone()
        return self._info(row) if row else None

    def current(self) -> EditionInfo | None:
        row = self.conn.execute(
            "SELECT * FROM dict_editions WHERE layer = 'official' AND is_current = 1"
        ).fetchone()
        return self._info(row) if row else None

    @staticmethod
    def _info(row) -> EditionInfo:
        return EditionInfo(
            row["id"],
            row["key"],
            row["layer"],
            row["layout"],
            row["source"],
            row["imported_at"],
            bool(row["is_current"]),
            row["word_count"],
            row["term_count"],
            row["domain_count"],
        )

    def ensure_shipped(self) -> EditionInfo:
        """A new catalog gets the shipped 7차 edition (offline) as its current edition."""
        current = self.current()
        if current is not None:
            return current
        if self.conn.execute("SELECT 1 FROM dict_editions WHERE layer = 'official'").fetchone():
            raise DictionaryError(
                "현재 표준 사전이 지정되지 않았습니다. `standards use` 로 지정하세요."
            )
        from catalog_app.dictionary.formats import read_dictionary
        from catalog_app.shipped import SHIPPED_EDITION, standards_dir

        folder = standards_dir() / SHIPPED_EDITION
        dictionary = read_dictionary(Path(str(folder)))
        try:
            return self.import_edition(
                dictionary, source=f"shipped:{SHIPPED_EDITION}", make_current=True
            )
        except (DictionaryError, sqlite3.IntegrityError):
            # another connection (a scan's worker suggesting terms, the window) loaded it first
            current = self.current()
            if current is None:
                raise
            return current

    def import_edition(
        self,
        dictionary: Dictionary,
        key: str | None = None,
        source: str = "",
        make_current: bool = False,
    ) -> EditionInfo:
        """Store an official edition (read-only afterwards) in one transaction."""
        key = key or edition_key(dictionary, source or dictionary.source)
        if key == INSTITUTION_KEY:
            raise DictionaryError(f"'{INSTITUTION_KEY}'는 기관표준 전용 이름입니다.")
        if self.edition(key) is not None:
            raise DictionaryError(f"이미 가져온 판입니다: {key} (다른 이름은 --name 으로 지정)")
        with self.catalog.transaction() as conn:
            edition_id = conn.execute(
                """INSERT INTO dict_editions (key, layer, layout, source, imported_at, word_count,
                   term_count, domain_count) VALUES (?, 'official', ?, ?, ?, ?, ?, ?)""",
                (
                    key,
                    dictionary.layout,
                    source or dictionary.source,
                    now_iso(),
                    len(dictionary.words),
                    len(dictionary.terms),
                    len(dictionary.domains),
                ),
            ).lastrowid
            self._insert_rows(conn, edition_id, dictionary)
            if make_current or self.current() is None and _is_complete(dictionary):
                self._set_current(conn, edition_id)
        return self.edition(key)

    def _insert_rows(self, conn, edition_id: int, dictionary: Dictionary) -> None:
        for kind, items in (
            ("word", dictionary.words),
            ("term", dictionary.terms),
            ("domain", dictionary.domains),
        ):
            table, cols = TABLES[kind]
            marks = ", ".join("?" for _ in range(len(cols) + 1))
            conn.executemany(
                f"INSERT INTO {table} (edition_id, {', '.join(cols)}) VALUES ({marks})",
                [(edition_id, *to_row(kind, item)) for item in items],
            )

    def _set_current(self, conn, edition_id: int) -> None:
        conn.execute("UPDATE dict_editions SET is_current = 0 WHERE layer = 'official'")
        conn.execute("UPDATE dict_editions SET is_current = 1 WHERE id = ?", (edition_id,))

    def use(self, key: str) -> tuple[EditionInfo, list[dict]]:
        """Make an edition current; returns it and the catalog mappings its changes affect."""
        from catalog_app.dictionary.diff import diff_dictionaries

        target = self.edition(key)
        if target is None or target.layer != "official":
            raise DictionaryError(f"그런 공통표준 판이 없습니다: {key}")
        if not target.word_count or not target.term_count:
            raise DictionaryError(
                f"{key} 판에는 단어나 용어가 없어 현재 판으로 쓸 수 없습니다 (비교에는 쓸 수 있습니다)."
            )
        before = self.current()
        affected: list[dict] = []
        if before is not None and before.id != target.id:
            diff = diff_dictionaries(self.load(before.key), self.load(key), before.key, key)
            affected = self.affected_mappings(diff)
        with self.catalog.transaction() as conn:
            self._set_current(conn, target.id)
        return self.edition(key), affected

    def affected_mappings(self, diff) -> list[dict]:
        """Catalog columns mapped to a term the new edition retired or changed."""
        if diff.terms is None:
            return []
        reasons = {name: "폐기" for name in diff.terms.retired}
        for change in diff.terms.changed:
            fields = ", ".join(f for f, _, _ in change.fields)
            reasons[change.name] = f"변경({fields})"
        if not reasons:
            return []
        rows = self.conn.execute(
            """SELECT m.*, d.path FROM column_mappings m JOIN datasets d ON d.id = m.dataset_id
               ORDER BY d.path, m.table_key, m.label"""
        )
        return [
            {
                "dataset_id": r["dataset_id"],
                "path": r["path"],
                "table": r["table_key"],
                "label": r["label"],
                "term": r["term_name"],
                "reason": reasons[r["term_name"]],
            }
            for r in rows
            if r["term_name"] in reasons
        ]

    # ------------------------------------------------------------------- reading
    def load(self, key: str) -> Dictionary:
        info = self.edition(key)
        if info is None:
            raise DictionaryError(f"그런 판이 없습니다: {key}")
        return self._load_id(info.id, info.layout or "", info.source or "")

    def _load_id(self, edition_id: int, layout: str = "", source: str = "") -> Dictionary:
        out = Dictionary(layout=layout, source=source)
        for kind, target in (("word", out.words), ("term", out.terms), ("domain", out.domains)):
            table, _ = TABLES[kind]
            rows = self.conn.execute(
                f"SELECT * FROM {table} WHERE edition_id = ? ORDER BY id", (edition_id,)
            )
            target.extend(from_row(kind, r) for r in rows)
        return out

    def institution_id(self) -> int:
        row = self.conn.execute(
            "SELECT id FROM dict_editions WHERE key = ?", (INSTITUTION_KEY,)
        ).fetchone()
        if row:
            return row["id"]
        with self.catalog.transaction() as conn:  # two first openers at once: one row wins
            conn.execute(
                """INSERT OR IGNORE INTO dict_editions (key, layer, layout, source, imported_at)
                   VALUES (?, 'institution', 'institution', '', ?)""",
                (INSTITUTION_KEY, now_iso()),
            )
            return conn.execute(
                "SELECT id FROM dict_editions WHERE key = ?", (INSTITUTION_KEY,)
            ).fetchone()["id"]

    def institution(self) -> Dictionary:
        return self._load_id(self.institution_id(), "institution", INSTITUTION_KEY)

    def working(self) -> tuple[Dictionary, Dictionary]:
        """(current official edition, institution layer): what columns are mapped against."""
        current = self.ensure_shipped()
        return self.load(current.key), self.institution()

    def refresh_counts(self, edition_id: int) -> None:
        with self.catalog.transaction() as conn:
            conn.execute(
                """UPDATE dict_editions SET
                   word_count = (SELECT COUNT(*) FROM dict_words WHERE edition_id = :id),
                   term_count = (SELECT COUNT(*) FROM dict_terms WHERE edition_id = :id),
                   domain_count = (SELECT COUNT(*) FROM dict_domains WHERE edition_id = :id)
                   WHERE id = :id""",
                {"id": edition_id},
            )


def _is_complete(dictionary: Dictionary) -> bool:
    return bool(dictionary.words and dictionary.terms and dictionary.domains)
