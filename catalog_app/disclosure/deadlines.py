"""Deadlines: what the coordinator must register, and by when (공공데이터법 시행령 제15조: 신규 15일, 변경 10일; the yearly calendar of the 공공데이터 제공 운영실태 평가).

* ``register_new`` — 신규 등록 within 15 days of the file appearing (시행령 제15조①);
* ``register_change`` — 변경 등록 within 10 days of the change (시행령 제15조②);
* ``next_update`` — a 차기 등록 예정일 that has passed or comes within 14 days (the next file
  version is due on the portal; a 수시 entry has none);
* ``calendar`` — the yearly dates: 시행계획·전년도 추진실적 by the end of February (공공데이터법
  제8조), the half-year 제공 현황 (실적) within 30 days after each half (시행령 제20조②: 7월 30일,
  1월 30일), and the 운영실태 평가 evidence in October (the date of the evaluation handbook is not
  in the texts read: 10월 31일 is the app's placeholder [UNVERIFIED]). A calendar date is listed
  when it comes within ``CALENDAR_DAYS`` (all of them with ``all_calendar``).

Pure over a ``DisclosureState`` and a day, so validation (V50), the CLI and the 현황 page agree.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date

from catalog_app.disclosure import vocab
from catalog_app.disclosure.lifecycle import CHANGED, NEW, lifecycle
from catalog_app.disclosure.model import DisclosureState
from catalog_app.disclosure.records import dataset_name

__all__ = ["CALENDAR", "Deadline", "deadlines", "NEXT_UPDATE_DAYS"]

NEXT_UPDATE_DAYS = 14
CALENDAR_DAYS = 31
KIND_NAMES = {
    "register_new": "신규 등록",
    "register_change": "변경 등록",
    "next_update": "차기 등록",
    "calendar": "연간 일정",
}


def _end_of_february(year: int) -> date:
    return date(year, 2, _calendar.monthrange(year, 2)[1])


# (key, Korean title, basis, due date of a year)
CALENDAR = (
    (
        "plan",
        "공공데이터 시행계획·전년도 추진실적 제출",
        "공공데이터법 제8조 (매년 2월 말까지)",
        _end_of_february,
    ),
    (
        "report_h2",
        "하반기 공공데이터 제공 현황(실적) 통보",
        "시행령 제20조② (반기 종료 후 30일 이내)",
        lambda y: date(y, 1, 30),
    ),
    (
        "report_h1",
        "상반기 공공데이터 제공 현황(실적) 통보",
        "시행령 제20조② (반기 종료 후 30일 이내)",
        lambda y: date(y, 7, 30),
    ),
    (
        "evidence",
        "운영실태 평가 증빙자료 제출",
        "평가 편람 일정 (10월; 날짜는 기관이 받은 일정으로 확인)",
        lambda y: date(y, 10, 31),
    ),
)


@dataclass
class Deadline:
    kind: str  # register_new, register_change, next_update, calendar
    due: str  # YYYY-MM-DD
    days_left: int  # negative when overdue
    message: str  # Korean
    dataset_id: int | None = None  # None for the yearly calendar
    dataset: str = ""  # 목록명 (or file name)
    path: str = ""

    def as_json(self) -> dict:
        return {
            "dataset_id": self.dataset_id,
            "kind": self.kind,
            "due": self.due,
            "days_left": self.days_left,
            "message": self.message,
            "dataset": self.dataset,
            "path": self.path,
        }

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def _when(days_left: int) -> str:
    if days_left < 0:
        return f"{-days_left}일 지남"
    return "오늘까지" if days_left == 0 else f"{days_left}일 남음"


def deadlines(
    state: DisclosureState, today: date | None = None, *, all_calendar: bool = False
) -> list[Deadline]:
    """Everything due, soonest (most overdue) first."""
    today = today or date.today()
    out: list[Deadline] = []
    for e in lifecycle(state, today):
        if e.action not in (NEW, CHANGED) or not e.due:
            continue
        due = date.fromisoformat(e.due)
        left = (due - today).days
        kind = "register_new" if e.action == NEW else "register_change"
        if e.action == NEW:
            text = (
                f"'{e.title}' 신규 등록 기한 {e.due} ({_when(left)}): 처음 발견 {e.since}, "
                "15일 안에 포털에 등록 (시행령 제15조①)"
            )
        else:
            text = (
                f"'{e.title}' 변경 등록 기한 {e.due} ({_when(left)}): {'; '.join(e.reasons)} "
                "— 10일 안에 변경 등록 (시행령 제15조②)"
            )
        out.append(Deadline(kind, e.due, left, text, e.dataset_id, e.title, e.path))
    for d in state.included_datasets():
        if vocab.is_irregular(d.get("update_cycle")):
            continue
        try:
            due = date.fromisoformat(d.get("next_update").strip())
        except ValueError:
            continue
        left = (due - today).days
        if left <= NEXT_UPDATE_DAYS:
            name = dataset_name(d)
            text = f"'{name}' 차기 등록 예정일 {due.isoformat()} ({_when(left)}): 새 파일을 포털에 올리세요"
            out.append(
                Deadline("next_update", due.isoformat(), left, text, d.dataset_id, name, d.rel_path)
            )
    for _key, title, basis, when in CALENDAR:
        due = when(today.year)
        if due < today:
            due = when(today.year + 1)
        left = (due - today).days
        if all_calendar or left <= CALENDAR_DAYS:
            text = f"{title}: {due.isoformat()} ({_when(left)}) — {basis}"
            out.append(Deadline("calendar", due.isoformat(), left, text))
    out.sort(key=lambda x: (x.due, x.kind, x.dataset))
    return out
