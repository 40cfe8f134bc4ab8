"""The registered list: what the institution has on the portal, and which file each entry is.

Import is two steps so a wrong file never changes anything: ``preview`` reads the file
(``registered_read``) and proposes a dataset for each entry — by 목록키 (a dataset whose entered
목록키 is the entry's), by an earlier link, by 목록명 (exactly one dataset of that 목록명, the name
not repeated in the file), else a similar name, which is only *proposed* ("unsure") — and
``apply`` writes it once the coordinator confirmed (the CLI's ``--confirm``, the window's dialog),
with the unsure proposals the coordinator accepted. The newest import is the registered list;
earlier ones stay as history. A link keeps the columns the dataset had when it was linked, so a
later schema change shows as 변경 (``lifecycle``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.institution import current_user
from catalog_app.disclosure.registered_read import (
    RegisteredFile,
    RegisteredListError,
    RegisteredRow,
    read_registered,
)
from catalog_app.disclosure.state import build_state

__all__ = [
    "ImportPreview",
    "Proposal",
    "RegisteredListError",
    "apply_import",
    "link_entry",
    "preview_import",
    "unlink_entry",
]

SIMILAR = 85  # rapidfuzz ratio from which a differently written 목록명 is proposed (unsure)
CERTAIN = ("key", "kept", "title", "file")
HOW_NAMES = {
    "key": "목록키",
    "kept": "이전 연결",
    "title": "목록명",
    "file": "목록명+파일데이터명",
    "unsure": "비슷한 이름(확인 필요)",
    "confirmed": "확인함",
    "manual": "직접 연결",
}


def _norm(text: str) -> str:
    return "".join((text or "").split()).replace("_", "").lower()


@dataclass
class Proposal:
    entry_key: str
    row_number: int
    list_key: str
    title: str
    dataset_id: int | None = None
    path: str = ""
    how: str = ""  # key, kept, title, unsure ('' = no dataset found)
    score: int = 100

    @property
    def certain(self) -> bool:
        return self.how in CERTAIN


@dataclass
class ImportPreview:
    file: RegisteredFile
    proposals: list[Proposal] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # Korean, one per repeated 목록명 / 목록키
    unregistered: list[dict] = field(default_factory=list)  # listed datasets no entry is: 신규

    @property
    def notes(self) -> list[str]:
        return self.duplicates + self.file.notes

    def counts(self) -> dict[str, int]:
        out = {h: 0 for h in (*CERTAIN, "unsure", "none")}
        for p in self.proposals:
            out[p.how or "none"] += 1
        return out

    def summary(self) -> list[str]:
        """What the import would do, in Korean lines (the CLI prints them; the dialog shows)."""
        c = self.counts()
        lines = [
            f"{self.file.name}: {self.file.layout}, 머리글 {self.file.header_row}행, "
            f"목록 {len(self.proposals)}건",
            f"연결: 목록키 {c['key']}건, 이전 연결 {c['kept']}건, 목록명 {c['title'] + c['file']}건, "
            f"확인 필요 {c['unsure']}건, 파일을 찾지 못함 {c['none']}건",
            f"등록되지 않은 데이터셋(신규 후보) {len(self.unregistered)}건",
        ]
        return lines + self.notes

    def as_json(self) -> dict:
        return {
            "source": self.file.name,
            "layout": self.file.layout,
            "header_row": self.file.header_row,
            "rows": len(self.proposals),
            "counts": self.counts(),
            "proposals": [
                {
                    "entry": p.entry_key,
                    "row": p.row_number,
                    "list_key": p.list_key,
                    "title": p.title,
                    "dataset_id": p.dataset_id,
                    "path": p.path,
                    "how": p.how,
                    "score": p.score,
                }
                for p in self.proposals
            ],
            "unregistered": self.unregistered,
            "notes": self.notes,
        }


def _entry_keys(rows: list[RegisteredRow]) -> tuple[list[str], list[str], set[str]]:
    """(entry key per row, Korean notes on repeats, 목록명 written more than once)."""
    keys, notes = [], []
    titles: dict[str, list[RegisteredRow]] = {}
    for r in rows:
        titles.setdefault(_norm(r.title), []).append(r)
    repeated = {t for t, same in titles.items() if len(same) > 1}
    for t in sorted(repeated, key=lambda t: titles[t][0].row_number):
        same = titles[t]
        where = ", ".join(f"{r.row_number}행" for r in same)
        listed = all(r.list_key for r in same)
        notes.append(
            f"목록명 '{same[0].title}'이(가) {len(same)}번 나옵니다 ({where}): "
            + (
                "목록키로 구분하며, 목록명만으로는 파일을 연결하지 않습니다 (파일데이터명까지 같은 파일이 하나뿐이면 연결)."
                if listed
                else "목록명만으로는 파일을 연결하지 않습니다 (파일데이터명까지 같은 파일이 하나뿐이면 연결). 나머지는 확인 후 직접 연결하세요."
            )
        )
    seen_keys: dict[str, int] = {}
    seen_titles: dict[str, int] = {}
    for r in rows:
        if r.list_key:
            n = seen_keys.get(r.list_key, 0)
            seen_keys[r.list_key] = n + 1
            if n:
                notes.append(
                    f"{r.row_number}행: 목록키 {r.list_key}가 다시 나옵니다 (구분해 둡니다)."
                )
            keys.append(r.list_key if not n else f"{r.list_key}#{n + 1}")
        else:
            t = _norm(r.title)
            n = seen_titles.get(t, 0)
            seen_titles[t] = n + 1
            keys.append(f"title:{t}" if not n else f"title:{t}#{n + 1}")
    return keys, notes, repeated


def preview_import(catalog: Catalog, path: str | Path) -> ImportPreview:
    """Read ``path`` and propose a dataset for each entry; changes nothing."""
    file = read_registered(path)
    keys, notes, repeated = _entry_keys(file.rows)
    preview = ImportPreview(file, duplicates=notes)
    state = build_state(catalog, 0)
    listed = state.included_datasets()
    by_list_key = {d.get("list_key").strip(): d for d in listed if d.get("list_key").strip()}
    by_title: dict[str, list] = {}
    for d in listed:
        by_title.setdefault(_norm(d.get("title")), []).append(d)
    links = {
        r["entry_key"]: r["dataset_id"]
        for r in catalog.conn.execute("SELECT entry_key, dataset_id FROM registered_links")
    }
    paths = {d.dataset_id: d.rel_path for d in state.datasets}
    preview.proposals = [
        Proposal(k, r.row_number, r.list_key, r.title) for r, k in zip(file.rows, keys, strict=True)
    ]
    taken: set[int] = set()  # a dataset answers one entry

    def claim(p: Proposal, dataset_id: int, how: str, score: int = 100) -> None:
        p.dataset_id, p.how, p.score = dataset_id, how, score
        taken.add(dataset_id)

    for row, p in zip(file.rows, preview.proposals, strict=True):  # 1. 목록키, earlier links
        found = by_list_key.get(row.list_key) if row.list_key else None
        if found is not None and found.dataset_id not in taken:
            claim(p, found.dataset_id, "key")
        elif p.entry_key in links and links[p.entry_key] not in taken:
            claim(p, links[p.entry_key], "kept")
    for row, p in zip(file.rows, preview.proposals, strict=True):  # 2. 목록명 (+ 파일데이터명)
        if p.dataset_id is not None:
            continue
        same = [d for d in by_title.get(_norm(row.title), []) if d.dataset_id not in taken]
        if len(same) == 1 and _norm(row.title) not in repeated:
            claim(p, same[0].dataset_id, "title")
            continue
        version = _norm(row.fields.get("file_data_name", ""))
        exact = [d for d in same if version and _norm(d.get("file_data_name")) == version]
        if len(exact) == 1:
            claim(p, exact[0].dataset_id, "file")
    for row, p in zip(file.rows, preview.proposals, strict=True):  # 3. the same 목록명, unsure
        if p.dataset_id is None:
            same = [d for d in by_title.get(_norm(row.title), []) if d.dataset_id not in taken]
            if same:
                claim(p, same[0].dataset_id, "unsure")
    _similar(preview, listed, taken)
    for p in preview.proposals:
        p.path = paths.get(p.dataset_id, "") if p.dataset_id is not None else ""
    claimed = {p.dataset_id for p in preview.proposals if p.dataset_id is not None}
    preview.unregistered = [
        {"dataset_id": d.dataset_id, "path": d.rel_path, "title": d.get("title")}
        for d in listed
        if d.dataset_id not in claimed
    ]
    return preview


def _similar(preview: ImportPreview, listed, taken: set[int]) -> None:
    """Entries without a dataset get the most similar unclaimed 목록명 (``SIMILAR``), unsure."""
    from rapidfuzz import fuzz, process

    free = {d.dataset_id: _norm(d.get("title")) for d in listed if d.dataset_id not in taken}
    if not free:
        return
    for p in preview.proposals:
        if p.dataset_id is not None:
            continue
        best = process.extractOne(_norm(p.title), free, scorer=fuzz.ratio, score_cutoff=SIMILAR)
        if best is not None:
            _text, score, dataset_id = best
            p.dataset_id, p.how, p.score = dataset_id, "unsure", int(score)
            taken.add(dataset_id)
            del free[dataset_id]
            if not free:
                return


def _schema(conn, dataset_id: int) -> str:
    rows = conn.execute(
        """SELECT t.table_key, c.label FROM columns c JOIN tables t ON t.id = c.table_id
           WHERE c.dataset_id = ? ORDER BY t.table_index, c.col_index""",
        (dataset_id,),
    )
    return json.dumps([[r["table_key"], r["label"]] for r in rows], ensure_ascii=False)


def apply_import(
    catalog: Catalog,
    preview: ImportPreview,
    accept: set[str] | None = None,
    who: str | None = None,
) -> int:
    """Write the previewed list (one transaction); ``accept``: entry keys of unsure proposals the
    coordinator confirmed. Returns the import id."""
    accept = accept or set()
    who = who or current_user()
    file = preview.file
    keys = [p.entry_key for p in preview.proposals]
    with catalog.transaction() as conn:
        import_id = conn.execute(
            """INSERT INTO registered_imports (at, who, source, sha256, layout, rows)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (now_iso(), who, file.name, file.sha256, file.layout, len(file.rows)),
        ).lastrowid
        conn.executemany(
            """INSERT INTO registered_entries (import_id, row_number, entry_key, list_key, title,
               fields) VALUES (?, ?, ?, ?, ?, ?)""",
            [
                (
                    import_id,
                    r.row_number,
                    k,
                    r.list_key,
                    r.title,
                    json.dumps(r.fields, ensure_ascii=False),
                )
                for r, k in zip(file.rows, keys, strict=True)
            ],
        )
        marks = ", ".join("?" for _ in keys)
        conn.execute(f"DELETE FROM registered_links WHERE entry_key NOT IN ({marks})", keys)
        for p in preview.proposals:
            if p.dataset_id is None or p.how == "kept":
                continue
            if not (p.certain or p.entry_key in accept):
                continue
            how = p.how if p.certain else "confirmed"
            _write_link(conn, p.entry_key, p.dataset_id, how, who)
    return import_id


def _write_link(conn, entry_key: str, dataset_id: int, how: str, who: str) -> None:
    """Link an entry to a dataset; a dataset answers one entry (its other link goes)."""
    conn.execute(
        "DELETE FROM registered_links WHERE dataset_id = ? AND entry_key != ?",
        (dataset_id, entry_key),
    )
    old = conn.execute(
        "SELECT dataset_id FROM registered_links WHERE entry_key = ?", (entry_key,)
    ).fetchone()
    if old is not None and old["dataset_id"] == dataset_id:
        return  # keep the columns it had when first linked
    conn.execute(
        """INSERT OR REPLACE INTO registered_links (entry_key, dataset_id, how, schema, linked_at,
           linked_by) VALUES (?, ?, ?, ?, ?, ?)""",
        (entry_key, dataset_id, how, _schema(conn, dataset_id), now_iso(), who),
    )


def _entry(conn, ref: str):
    """The entry of the current list by 목록키, entry key or 목록명 (one only)."""
    latest = conn.execute("SELECT MAX(id) FROM registered_imports").fetchone()[0]
    if latest is None:
        raise RegisteredListError("가져온 등록 목록이 없습니다. 먼저 registered import 를 하세요.")
    rows = conn.execute(
        """SELECT * FROM registered_entries WHERE import_id = ?
           AND (list_key = ? OR entry_key = ? OR replace(title, ' ', '') = ?)""",
        (latest, ref, ref, "".join(ref.split())),
    ).fetchall()
    if len(rows) != 1:
        what = (
            "찾을 수 없습니다"
            if not rows
            else f"{len(rows)}건이라 정할 수 없습니다 (목록키로 주세요)"
        )
        raise RegisteredListError(f"등록 목록에서 '{ref}'을(를) {what}.")
    return rows[0]


def link_entry(catalog: Catalog, ref: str, dataset_id: int, who: str | None = None) -> str:
    """Link a registered entry (목록키 or 목록명) to a dataset by hand; returns its entry key."""
    with catalog.transaction() as conn:
        entry = _entry(conn, ref)
        _write_link(conn, entry["entry_key"], dataset_id, "manual", who or current_user())
    return entry["entry_key"]


def unlink_entry(catalog: Catalog, ref: str) -> bool:
    with catalog.transaction() as conn:
        entry = _entry(conn, ref)
        cur = conn.execute(
            "DELETE FROM registered_links WHERE entry_key = ?", (entry["entry_key"],)
        )
    return cur.rowcount > 0
