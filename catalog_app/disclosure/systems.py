"""정보시스템 / DB: where a file was extracted from, for the 데이터베이스정의서 and the column lists.

A department's spreadsheet is often an extract of an information-system DB (a 데이터베이스정의서 describes that DB):
the 정의서 then needs the DB-level items (논리DB명, 물리DB명, DBMS …, ``vocab.SYSTEM_FIELDS``) and
the table owner, and the portal's column metadata names 정보시스템명 / DB명 / Table명. A system is
entered once; a folder is linked to it (its files and sub-folders follow, the longest folder wins),
and a dataset may name its own system and DB table (dataset fields ``info_system``, ``db_table``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.institution import current_user
from catalog_app.disclosure import vocab

__all__ = ["InfoSystem", "InfoSystemError", "SystemStore", "system_of_folder"]


class InfoSystemError(ValueError):
    """A refused 정보시스템 edit, with a Korean message."""


@dataclass
class InfoSystem:
    name: str
    fields: dict[str, str] = field(default_factory=dict)  # SYSTEM_FIELDS key -> value
    folders: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"name": self.name, "fields": dict(self.fields), "folders": list(self.folders)}


def _folder_key(folder: str) -> str:
    return "/".join(p for p in folder.replace("\\", "/").split("/") if p)


def _name(name: str) -> str:
    return " ".join((name or "").split())


def system_of_folder(folder: str, links: dict[str, str]) -> str:
    """The system linked to ``folder`` or its nearest linked parent ('' when none)."""
    parts = [p for p in folder.replace("\\", "/").split("/") if p]
    for n in range(len(parts), 0, -1):
        found = links.get("/".join(parts[:n]))
        if found:
            return found
    return ""


class SystemStore:
    """Reads and writes the 정보시스템 of one catalog."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.conn: sqlite3.Connection = catalog.conn

    def systems(self) -> list[InfoSystem]:
        folders: dict[int, list[str]] = {}
        for r in self.conn.execute("SELECT folder, system_id FROM system_folders ORDER BY folder"):
            folders.setdefault(r["system_id"], []).append(r["folder"])
        return [
            InfoSystem(r["name"], json.loads(r["fields"]), folders.get(r["id"], []))
            for r in self.conn.execute("SELECT * FROM info_systems ORDER BY name")
        ]

    def folder_links(self) -> dict[str, str]:
        """Folder → system name."""
        rows = self.conn.execute(
            """SELECT f.folder, s.name FROM system_folders f
               JOIN info_systems s ON s.id = f.system_id"""
        )
        return {r["folder"]: r["name"] for r in rows}

    def set_system(self, name: str, values: dict[str, str | None], who: str | None = None) -> None:
        """Create the system or change its items (key or Korean label → text; '' clears)."""
        name = _name(name)
        if not name:
            raise InfoSystemError("정보시스템명을 입력하세요.")
        resolved = {}
        for key, raw in values.items():
            try:
                f = vocab.field("system", key)
            except KeyError as exc:
                raise InfoSystemError(exc.args[0]) from exc
            resolved[f.key] = (
                " ".join(str(raw or "").split())
                if f.kind != "long_text"
                else (str(raw or "").strip())
            )
        who = who or current_user()
        with self.catalog.transaction() as conn:
            row = conn.execute("SELECT fields FROM info_systems WHERE name = ?", (name,)).fetchone()
            current = json.loads(row["fields"]) if row else {}
            current.update(resolved)
            current = {k: v for k, v in current.items() if v}
            conn.execute(
                """INSERT INTO info_systems (name, fields, updated_by, updated_at)
                   VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET fields = excluded.fields,
                   updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
                (name, json.dumps(current, ensure_ascii=False), who, now_iso()),
            )

    def remove_system(self, name: str) -> bool:
        with self.catalog.transaction() as conn:
            cur = conn.execute("DELETE FROM info_systems WHERE name = ?", (_name(name),))
        return cur.rowcount > 0

    def link_folder(self, folder: str, name: str) -> None:
        """Files in ``folder`` (and below) were extracted from system ``name``."""
        key = _folder_key(folder)
        if not key:
            raise InfoSystemError("폴더를 입력하세요 (스캔한 폴더 기준 상대 경로).")
        row = self.conn.execute("SELECT id FROM info_systems WHERE name = ?", (_name(name),))
        found = row.fetchone()
        if found is None:
            raise InfoSystemError(
                f"등록된 정보시스템이 아닙니다: {name} (먼저 catalog-app system set 으로 만드세요)"
            )
        with self.catalog.transaction() as conn:
            conn.execute(
                """INSERT INTO system_folders (folder, system_id) VALUES (?, ?)
                   ON CONFLICT(folder) DO UPDATE SET system_id = excluded.system_id""",
                (key, found["id"]),
            )

    def unlink_folder(self, folder: str) -> bool:
        with self.catalog.transaction() as conn:
            cur = conn.execute(
                "DELETE FROM system_folders WHERE folder = ?", (_folder_key(folder),)
            )
        return cur.rowcount > 0
