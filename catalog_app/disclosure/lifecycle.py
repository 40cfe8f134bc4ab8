"""신규 / 변경 / 제외: each list entry against what is registered on the portal.

The law's clock runs from events, not from the year (시행령 제15조: register within 15 days of
creating the data, a change within 10 days). With a registered list imported (``registered``):

* 신규 — a dataset on the list (목록포함여부 ≠ N) that no registered entry is; its clock runs from
  the day a scan first found the file;
* 변경 — a registered entry whose file has other columns than when it was linked (added or
  removed headers), or whose 목록명, 분류체계, 업데이트 주기, 이용허락범위 or 비용부과유무 as
  entered (or 확장자 as scanned) differs from what is registered; the clock runs from the day the
  changed file was read or the value was entered;
* 제외 — a registered entry whose file disappeared, that was taken off the list, or that no scanned
  file answers (목록 제외 요청 — 공공데이터법 제20조 — or link the file by hand);
* 유지 — registered and unchanged.

Without an imported list, a file that appeared in a scanned folder after that folder's first scan
is 신규 (what was there at the first scan is taken as registered); nothing is 변경 or 제외.
Everything here is a pure function of a ``DisclosureState`` and a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from catalog_app.disclosure.model import ENTERED, DatasetRecord, DisclosureState
from catalog_app.disclosure.records import dataset_name

__all__ = ["ACTIONS", "LifecycleEntry", "lifecycle", "NEW_DAYS", "CHANGE_DAYS"]

NEW, CHANGED, EXCLUDED, KEPT = "신규", "변경", "제외", "유지"
ACTIONS = (NEW, CHANGED, EXCLUDED, KEPT)
NEW_DAYS, CHANGE_DAYS = 15, 10
# Fields compared with the registered values (entered by the coordinator; 확장자 from the scan).
COMPARED = ("title", "category", "update_cycle", "licence", "cost")
LABELS = {
    "title": "목록명",
    "category": "분류체계",
    "update_cycle": "업데이트 주기",
    "licence": "이용허락범위",
    "cost": "비용부과유무",
    "formats": "확장자",
}
SHOWN = 5  # column names listed per change


@dataclass
class LifecycleEntry:
    action: str  # 신규, 변경, 제외, 유지
    dataset_key: str = ""  # '' for a registered entry no dataset answers
    dataset_id: int | None = None
    title: str = ""  # 목록명 now (else as registered)
    path: str = ""
    list_key: str = ""
    registered_title: str = ""
    reasons: list[str] = field(default_factory=list)
    since: str = ""  # YYYY-MM-DD the deadline runs from ('' = none)
    due: str = ""  # YYYY-MM-DD ('' = no legal deadline)

    def as_json(self) -> dict:
        return {
            "action": self.action,
            "dataset_id": self.dataset_id,
            "dataset": self.title,
            "path": self.path,
            "list_key": self.list_key,
            "registered_title": self.registered_title,
            "reasons": list(self.reasons),
            "since": self.since,
            "due": self.due,
        }


def _day(stamp: str) -> date | None:
    try:
        return datetime.fromisoformat(stamp).date() if stamp else None
    except ValueError:
        return None


def _plus(day: date | None, days: int) -> str:
    return (day + timedelta(days=days)).isoformat() if day else ""


def _formats(text: str) -> frozenset[str]:
    return frozenset(p for p in re.split(r"[+,/\s]+", (text or "").upper()) if p)


def _same(key: str, ours: str, theirs: str, state: DisclosureState) -> bool:
    if key == "category":
        table = state.category_table()
        return table.current_label(ours) == table.current_label(theirs)
    if key == "formats":
        return _formats(ours) == _formats(theirs)
    return " ".join(ours.split()) == " ".join(theirs.split())


def _schema_change(state: DisclosureState, d: DatasetRecord, baseline: list) -> list[str]:
    if not baseline or d.status != "ok":  # an unreadable file has lost no columns
        return []
    before = {(t, " ".join(label.split())) for t, label in baseline}
    now = {(c.table_key, " ".join(c.label.split())) for c in state.columns_of(d.key)}
    out = []
    for word, names in (("추가", now - before), ("삭제", before - now)):
        if names:
            shown = ", ".join(sorted(label for _, label in names)[:SHOWN])
            more = f" 외 {len(names) - SHOWN}개" if len(names) > SHOWN else ""
            out.append(f"컬럼 {word}: {shown}{more}")
    return out


def _changed(
    state: DisclosureState, d: DatasetRecord, entry: dict
) -> tuple[list[str], date | None]:
    """(reasons, the day the change was made) of a registered, linked dataset."""
    reasons = _schema_change(state, d, entry.get("schema") or [])
    days = [_day(d.read_at)] if reasons else []
    registered = entry.get("fields") or {}
    for key in (*COMPARED, "formats"):
        theirs = (entry.get("title") if key == "title" else registered.get(key, "")) or ""
        ours = d.get(key)
        if not theirs.strip() or not ours.strip():
            continue
        if key != "formats" and d.sources.get(key) != ENTERED:
            continue  # a derived 목록명 is a proposal, not a change the coordinator made
        if not _same(key, ours, theirs, state):
            if key == "category":  # both in today's style, as the portal now shows them
                table = state.category_table()
                theirs, ours = table.current_label(theirs), table.current_label(ours)
            reasons.append(f"{LABELS[key]}: {theirs} → {ours}")
            days.append(_day(d.updated.get(key, "")) if key != "formats" else _day(d.read_at))
    known = [x for x in days if x]
    return reasons, (max(known) if known else None)


def lifecycle(state: DisclosureState, today: date | None = None) -> list[LifecycleEntry]:
    """Every listed dataset and registered entry with its action, reasons and deadline."""
    listed = {d.dataset_id: d for d in state.included_datasets()}
    held = {d.dataset_id: d for d in state.datasets}
    out: list[LifecycleEntry] = []
    if not state.registered_import:
        for d in listed.values():
            if d.first_seen and d.appeared_later:
                out.append(_new(d, "처음 스캔한 뒤에 생긴 파일입니다 (등록 목록을 가져오지 않음)"))
        return out
    linked: set[int] = set()
    for entry in state.registered:
        dataset_id = entry.get("dataset_id")
        item = LifecycleEntry(
            KEPT,
            list_key=entry.get("list_key", ""),
            registered_title=entry.get("title", ""),
            title=entry.get("title", ""),
        )
        if dataset_id is not None:
            linked.add(dataset_id)
        d = listed.get(dataset_id)
        if d is None:
            item.action = EXCLUDED
            item.reasons.append(_gone(entry, held.get(dataset_id)))
            if held.get(dataset_id) is not None:
                item.dataset_key, item.dataset_id = held[dataset_id].key, dataset_id
                item.path = held[dataset_id].rel_path
            out.append(item)
            continue
        item.dataset_key, item.dataset_id, item.path = d.key, d.dataset_id, d.rel_path
        item.title = dataset_name(d)
        reasons, since = _changed(state, d, entry)
        if reasons:
            item.action, item.reasons = CHANGED, reasons
            item.since = since.isoformat() if since else ""
            item.due = _plus(since, CHANGE_DAYS)
        out.append(item)
    for d in listed.values():
        if d.dataset_id not in linked:
            out.append(_new(d, "등록 목록에 없는 데이터셋입니다"))
    order = {a: i for i, a in enumerate(ACTIONS)}
    out.sort(key=lambda e: (order[e.action], e.due or "9999", e.title))
    return out


def _new(d: DatasetRecord, reason: str) -> LifecycleEntry:
    first = _day(d.first_seen)
    return LifecycleEntry(
        NEW,
        d.key,
        d.dataset_id,
        dataset_name(d),
        d.rel_path,
        d.get("list_key"),
        reasons=[reason + (f" (처음 발견 {first.isoformat()})" if first else "")],
        since=first.isoformat() if first else "",
        due=_plus(first, NEW_DAYS),
    )


def _gone(entry: dict, held: DatasetRecord | None) -> str:
    if entry.get("dataset_id") is None:
        return "스캔한 폴더에서 이 목록의 파일을 찾지 못했습니다 — 목록 제외 요청이거나 파일을 직접 연결하세요"
    if entry.get("dataset_status") == "missing":
        since = (entry.get("missing_since") or "")[:10]
        return (
            f"파일이 없어졌습니다{f' ({since}부터)' if since else ''} — 목록 제외 요청 대상입니다"
        )
    if held is not None and not held.included:
        return "목록포함여부가 N입니다 — 목록 제외 요청 대상입니다"
    return "연결된 파일이 목록에 없습니다"
