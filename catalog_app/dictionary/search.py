"""Search the working dictionary (current official edition + institution layer) by name,
abbreviation, English name or synonym; exact hits first. About 12k rows: LIKE is fast enough."""

from __future__ import annotations

import json

from catalog_app.dictionary.store import DictionaryStore

_SQL = {
    "word": """SELECT w.*, e.key AS edition, e.layer FROM dict_words w
               JOIN dict_editions e ON e.id = w.edition_id
               WHERE w.retired = 0 AND e.id IN ({ids}) AND (w.name LIKE :p ESCAPE '\\'
               OR w.abbr LIKE :p ESCAPE '\\' OR w.english LIKE :p ESCAPE '\\'
               OR w.synonyms LIKE :p ESCAPE '\\' OR w.forbidden LIKE :p ESCAPE '\\')""",
    "term": """SELECT t.*, e.key AS edition, e.layer FROM dict_terms t
               JOIN dict_editions e ON e.id = t.edition_id
               WHERE t.retired = 0 AND e.id IN ({ids}) AND (t.name LIKE :p ESCAPE '\\'
               OR t.abbr LIKE :p ESCAPE '\\' OR t.synonyms LIKE :p ESCAPE '\\')""",
    "domain": """SELECT d.*, e.key AS edition, e.layer FROM dict_domains d
                 JOIN dict_editions e ON e.id = d.edition_id
                 WHERE d.retired = 0 AND e.id IN ({ids}) AND (d.name LIKE :p ESCAPE '\\'
                 OR d.domain_class LIKE :p ESCAPE '\\')""",
}


def _rank(text: str, row, kind: str) -> int:
    q = text.casefold()
    name = (row["name"] or "").casefold()
    abbr = (row["abbr"] or "").casefold() if kind != "domain" else ""
    if q in (name, abbr):
        return 0
    if name.startswith(q) or abbr.startswith(q):
        return 1
    if q in name:
        return 2
    return 3  # English name, synonym or 금칙어


def search_dictionary(store: DictionaryStore, text: str, limit: int = 50) -> list[dict]:
    text = " ".join(text.split())
    if not text:
        return []
    current = store.ensure_shipped()
    ids = f"{current.id}, {store.institution_id()}"
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    hits = []
    for kind, sql in _SQL.items():
        for row in store.conn.execute(sql.format(ids=ids), {"p": pattern}):
            hit = {
                "kind": kind,
                "name": row["name"],
                "edition": row["edition"],
                "layer": row["layer"],
            }
            if kind == "word":
                hit.update(
                    abbr=row["abbr"],
                    english=row["english"],
                    class_word=bool(row["is_class_word"]),
                    domain_class=row["domain_class"],
                    synonyms=json.loads(row["synonyms"]),
                    forbidden=json.loads(row["forbidden"]),
                )
            elif kind == "term":
                hit.update(
                    abbr=row["abbr"],
                    domain=row["domain"],
                    description=row["description"],
                    synonyms=json.loads(row["synonyms"]),
                )
            else:
                hit.update(
                    data_type=row["data_type"],
                    length=row["length"],
                    scale=row["scale"],
                    domain_class=row["domain_class"],
                )
            hits.append((_rank(text, row, kind), len(row["name"]), hit))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [h for _, _, h in hits[:limit]]
