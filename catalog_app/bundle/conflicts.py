"""What a bundle and the institution catalog disagree on, found before anything is merged.

Blocking conflicts keep the whole bundle out (a merge never decides between two departments):
a file path another department (or this PC's own scan) already holds, a 목록명 another
department's dataset already uses, a bundle made with another dictionary edition than the
institution's current one. The others are merged but listed: institution terms the bundle's
columns are mapped to that the central 기관표준 lacks (they are also put in the dictionary review
queue, where the standards manager approves or rejects them) or defines otherwise, and a
department on an older 기관표준 release. Every conflict goes to ``bundle_conflicts`` (the review
queue of merges) and stays there, ``open``, until a newer bundle of the department is merged.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from catalog_app.bundle.format import BundleInfo
from catalog_app.catalog.store import now_iso

KIND_NAMES = {
    "path_claimed": "경로 중복",
    "title_claimed": "목록명 중복",
    "edition_mismatch": "표준사전 판 다름",
    "institution_term_missing": "기관표준 용어 없음",
    "institution_term_differs": "기관표준 용어 정의 다름",
    "release_older": "오래된 기관표준 배포판",
}
BLOCKING = {"path_claimed", "title_claimed", "edition_mismatch"}
LOCAL = "(이 PC에서 스캔)"


@dataclass
class Conflict:
    kind: str
    key: str
    message: str
    blocking: bool
    detail: dict = field(default_factory=dict)

    def as_dict(self, info: BundleInfo | None = None) -> dict:
        out = {
            "kind": self.kind,
            "message": self.message,
            "blocking": self.blocking,
            "key": self.key,
            "detail": self.detail,
        }
        if info is not None:
            out["bundle"] = str(info.path)
            out["department"] = info.department
        return out


def _conflict(kind: str, key: str, message: str, **detail) -> Conflict:
    return Conflict(kind, key, message, kind in BLOCKING, detail)


def find_conflicts(conn, info: BundleInfo, edition: str, institution_name: str) -> list[Conflict]:
    """The conflicts of the attached bundle (schema ``b``) with the catalog (``main``)."""
    out: list[Conflict] = []
    dept = info.department
    mine = "SELECT id FROM main.bundle_merges WHERE department = :dept"
    for r in conn.execute(
        f"""SELECT bd.path, d.bundle_id, m.department AS owner FROM b.datasets bd
            JOIN main.datasets d ON d.path = bd.path
            LEFT JOIN main.bundle_merges m ON m.id = d.bundle_id
            WHERE d.bundle_id IS NULL OR d.bundle_id NOT IN ({mine})
            ORDER BY bd.id""",
        {"dept": dept},
    ):
        owner = r["owner"] or LOCAL
        out.append(
            _conflict(
                "path_claimed",
                r["path"],
                f"파일 경로 '{r['path']}'을(를) {owner}이(가) 이미 가지고 있어 {dept} 꾸러미를 "
                "합치지 않았습니다. 어느 부서의 파일인지 정한 뒤 그 부서가 꾸러미를 다시 만드세요.",
                path=r["path"],
                owner=owner,
            )
        )
    out += _title_conflicts(conn, info, institution_name)
    if info.edition != edition:
        out.append(
            _conflict(
                "edition_mismatch",
                info.edition,
                f"{dept} 꾸러미는 표준사전 {info.edition}으로 만들었고 기관은 {edition}을 씁니다. "
                f"두 판의 준수율은 비교할 수 없어 합치지 않았습니다. {dept}에서 "
                f"`standards use {edition}` 와 `map` 뒤에 꾸러미를 다시 만드세요.",
                bundle_edition=info.edition,
                edition=edition,
            )
        )
    out += _term_conflicts(conn, info)
    from catalog_app.dictionary.release import current_release

    central = current_release(conn)
    if central is not None and (info.release_version or 0) < central.version:
        used = f"{info.release_version}판" if info.release_version else "배포판 정보 없는 기관표준"
        out.append(
            _conflict(
                "release_older",
                str(info.release_version or 0),
                f"{dept}은(는) 기관표준 {used}을 씁니다 (기관의 현재 배포판: {central.label()}). "
                "최신 배포판을 가져오라고 알려 주세요.",
                release_version=info.release_version,
                current=central.version,
            )
        )
    return out


def derived_title(name: str, org: str) -> str:
    """The 목록명 ``disclosure.derive`` gives a dataset nobody named: 기관명_파일이름."""
    stem = os.path.splitext(name)[0]
    return f"{org}_{stem}" if org else stem


_HELD = "d.status IN ('ok', 'error')"  # what the disclosure lists hold (vanished files are not)
_LISTED = """NOT EXISTS (SELECT 1 FROM {s}.disclosure_meta x WHERE x.dataset_id = d.id
              AND x.column_id = 0 AND x.field = 'include' AND x.value = 'N')"""


def _bundle_titles(conn, org: str) -> dict[int, str]:
    """목록명 per listed dataset of the bundle: the entered one, else the derived one."""
    entered = dict(
        conn.execute(
            """SELECT dataset_id, value FROM b.disclosure_meta
               WHERE column_id = 0 AND field = 'title' AND value != ''"""
        ).fetchall()
    )
    rows = conn.execute(
        f"SELECT d.id, d.name FROM b.datasets d WHERE {_HELD} AND {_LISTED.format(s='b')}"
    ).fetchall()
    return {r["id"]: entered.get(r["id"]) or derived_title(r["name"], org) for r in rows}


def _central_holders(conn, titles: set[str], org: str, dept: str) -> dict[str, int]:
    """Datasets of other departments (or of this PC) whose 목록명 is one of ``titles``.

    Looked up by title (entered values) and by file name (derived values: the name index,
    one range per title), never by reading the whole catalog: a merge stays as fast with a
    million columns already in as with none."""
    candidates: dict[int, str] = {}
    marks = ", ".join("?" for _ in titles)
    for r in conn.execute(
        f"""SELECT dataset_id, value FROM main.disclosure_meta WHERE column_id = 0
            AND field = 'title' AND value IN ({marks})""",
        tuple(titles),
    ):
        candidates[r[0]] = r[1]
    prefix = f"{org}_" if org else ""
    for title in titles:
        if not title.startswith(prefix):
            continue
        stem = title[len(prefix) :]
        for r in conn.execute(
            """SELECT id, name FROM main.datasets WHERE name = ?
               OR (name >= ? AND name < ?)""",
            (stem, stem + ".", stem + "/"),
        ):
            if derived_title(r[1], org) == title:
                candidates.setdefault(r[0], "")
    if not candidates:
        return {}
    ids = ", ".join(str(i) for i in candidates)
    entered = dict(
        conn.execute(
            f"""SELECT dataset_id, value FROM main.disclosure_meta WHERE column_id = 0
                AND field = 'title' AND value != '' AND dataset_id IN ({ids})"""
        ).fetchall()
    )
    out: dict[str, int] = {}
    for r in conn.execute(
        f"""SELECT d.id, d.name FROM main.datasets d WHERE d.id IN ({ids}) AND {_HELD}
            AND {_LISTED.format(s="main")} AND (d.bundle_id IS NULL OR d.bundle_id NOT IN
                (SELECT id FROM main.bundle_merges WHERE department = ?))
            ORDER BY d.id""",
        (dept,),
    ):
        title = entered.get(r["id"]) or derived_title(r["name"], org)
        if title in titles:
            out.setdefault(title, r["id"])
    return out


def _title_conflicts(conn, info: BundleInfo, org: str) -> list[Conflict]:
    """A 목록명 of the bundle that a dataset of another department (or of this PC) uses."""
    mine = _bundle_titles(conn, org)
    if not mine:
        return []
    owners = _central_holders(conn, set(mine.values()), org, info.department)
    if not owners:
        return []
    out = []
    paths = dict(conn.execute("SELECT id, path FROM b.datasets").fetchall())
    for dataset_id, title in sorted(mine.items()):
        if title not in owners:
            continue
        other = conn.execute(
            """SELECT d.path, m.department FROM main.datasets d
               LEFT JOIN main.bundle_merges m ON m.id = d.bundle_id WHERE d.id = ?""",
            (owners[title],),
        ).fetchone()
        owner = other["department"] or LOCAL
        out.append(
            _conflict(
                "title_claimed",
                title,
                f"목록명 '{title}'을(를) {owner}의 '{other['path']}'이(가) 이미 씁니다 "
                f"({info.department}: '{paths[dataset_id]}'). 한 기관의 목록에 같은 목록명이 두 번 "
                "올라갈 수 없어 합치지 않았습니다. 한쪽의 목록명을 바꾼 뒤 다시 합치세요.",
                title=title,
                path=paths[dataset_id],
                owner=owner,
                owner_path=other["path"],
            )
        )
    return out


def _used_institution_terms(conn) -> dict[str, dict]:
    """Institution terms of the bundle its columns stand for (decisions, exact matches)."""
    own = {
        r["name"]: json.loads(r["payload"])
        for r in conn.execute(
            "SELECT name, payload FROM b.institution_terms WHERE kind = 'term' AND retired = 0"
        )
    }
    if not own:
        return {}
    used = {
        r[0]
        for r in conn.execute(
            """SELECT term_name FROM b.column_mappings WHERE status = 'accepted'
               UNION SELECT json_extract(candidates, '$[0].term') FROM b.column_match
               WHERE kind = 'exact'"""
        )
    }
    return {name: data for name, data in own.items() if name in used}


def _term_conflicts(conn, info: BundleInfo) -> list[Conflict]:
    used = _used_institution_terms(conn)
    if not used:
        return []
    from catalog_app.dictionary.store import INSTITUTION_KEY

    central = {
        r["name"]: r
        for r in conn.execute(
            """SELECT t.name, t.abbr, t.domain FROM main.dict_terms t
               JOIN main.dict_editions e ON e.id = t.edition_id
               WHERE e.key = ? AND t.retired = 0""",
            (INSTITUTION_KEY,),
        )
    }
    out = []
    for name, data in sorted(used.items()):
        have = central.get(name)
        if have is None:
            out.append(
                _conflict(
                    "institution_term_missing",
                    name,
                    f"{info.department}의 컬럼이 기관표준 용어 '{name}'에 매핑되어 있는데 기관 "
                    "표준사전에 없습니다. 용어 검토 대기열에 올렸습니다; 승인되기 전에는 그 "
                    "컬럼들이 준수로 세어지지 않습니다.",
                    term=data,
                )
            )
        elif (have["abbr"] or "", have["domain"] or "") != (
            data.get("abbr") or "",
            data.get("domain") or "",
        ):
            out.append(
                _conflict(
                    "institution_term_differs",
                    name,
                    f"기관표준 용어 '{name}'의 정의가 다릅니다: {info.department} "
                    f"({data.get('abbr')}, {data.get('domain')}), 기관 ({have['abbr']}, "
                    f"{have['domain']}). 표준 관리자가 확인하세요.",
                    term=data,
                    central={"abbr": have["abbr"], "domain": have["domain"]},
                )
            )
    return out


def queue_terms(conn, info: BundleInfo, conflicts: list[Conflict], who: str) -> int:
    """Missing institution terms go to the dictionary review queue (once per pending name)."""
    added = 0
    for c in conflicts:
        if c.kind != "institution_term_missing":
            continue
        pending = conn.execute(
            "SELECT 1 FROM main.dict_proposals WHERE name = ? AND status = 'pending'", (c.key,)
        ).fetchone()
        if pending:
            continue
        term = c.detail["term"]
        payload = {
            "name": c.key,
            "abbr": term.get("abbr") or "",
            "domain": term.get("domain") or "",
            "description": term.get("description") or "",
        }
        from catalog_app.dictionary.model import Term

        full = Term(**payload)
        from dataclasses import asdict

        conn.execute(
            """INSERT INTO main.dict_proposals (kind, name, payload, origin, proposed_by,
               proposed_at) VALUES ('term', ?, ?, ?, ?, ?)""",
            (
                c.key,
                json.dumps(asdict(full), ensure_ascii=False),
                f"꾸러미 {info.department} ({info.path.name})",
                who,
                now_iso(),
            ),
        )
        added += 1
    return added


def record(conn, info: BundleInfo, conflicts: list[Conflict]) -> None:
    """Put the conflicts in the merge review queue (the same bundle twice adds nothing)."""
    conn.executemany(
        """INSERT OR IGNORE INTO main.bundle_conflicts (department, bundle_sha256, file_name,
           kind, key, blocking, message, detail, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                info.department,
                info.sha256,
                info.path.name,
                c.kind,
                c.key,
                int(c.blocking),
                c.message,
                json.dumps(c.detail, ensure_ascii=False),
                now_iso(),
            )
            for c in conflicts
        ],
    )


def open_conflicts(conn, include_resolved: bool = False) -> list[dict]:
    """The merge review queue, newest first."""
    where = "" if include_resolved else "WHERE status = 'open'"
    return [
        {
            "id": r["id"],
            "department": r["department"],
            "bundle": r["file_name"],
            "bundle_sha256": r["bundle_sha256"],
            "kind": r["kind"],
            "kind_name": KIND_NAMES.get(r["kind"], r["kind"]),
            "key": r["key"],
            "blocking": bool(r["blocking"]),
            "message": r["message"],
            "detail": json.loads(r["detail"] or "{}"),
            "status": r["status"],
            "found_at": r["found_at"],
            "resolved_at": r["resolved_at"],
        }
        for r in conn.execute(f"SELECT * FROM bundle_conflicts {where} ORDER BY id DESC")
    ]
