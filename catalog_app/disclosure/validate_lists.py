"""Validation rules of the lists as they are handed in (codes in ``validate``'s module doc).

Kept apart from ``validate`` (the rules of the law: required fields, openness, personal data) —
these look at the reference tables and the calendar: 분류체계 against the institution's table
(V11 for an unknown 대분류, V17 an unknown 중분류, V18 the older style), the partly known
vocabularies (V19), how 시간범위 was derived (V24), the 정보시스템 named (V26) and the
registration deadlines (V50). Only V11 blocks; the rest warn.
"""

from __future__ import annotations

from datetime import date

from catalog_app.disclosure.deadlines import deadlines
from catalog_app.disclosure.model import DisclosureState
from catalog_app.disclosure.vocab import DATASET_FIELDS

__all__ = ["due_by_dataset", "list_rules"]

ERROR, WARNING = "error", "warning"


def due_by_dataset(state: DisclosureState, today: date) -> dict[int, list]:
    """Dataset id → its deadlines that call for a warning (the passed 차기 등록 예정일 is V13)."""
    out: dict[int, list] = {}
    for d in deadlines(state, today):
        if d.dataset_id is None or (d.kind == "next_update" and d.overdue):
            continue
        out.setdefault(d.dataset_id, []).append(d)
    return out


def list_rules(check, due: list) -> None:
    """Add V11/V17/V18, V19, V24, V26 and V50 problems of one dataset to ``check``."""
    d, state = check.d, check.state
    _category(check, state)
    for f in DATASET_FIELDS:
        value = d.get(f.key).strip()
        if f.open_vocab and value and value not in (f.vocab or ()):
            known = ", ".join(f.vocab or ())
            check.add(
                WARNING,
                "V19",
                f.key,
                f"'{value}'은(는) 포털 목록에서 확인한 값이 아닙니다 (확인한 값: {known}). "
                "포털 화면의 값과 같은지 확인하세요.",
            )
    for key, text in d.doubts.items():
        check.add(WARNING, "V24", key, text)
    system = d.get("info_system").strip()
    if system and state is not None and state.system(system) is None:
        check.add(
            WARNING,
            "V26",
            "info_system",
            f"등록되지 않은 정보시스템입니다: {system}. DB 정의서에 넣으려면 "
            "catalog-app system set 으로 등록하세요.",
        )
    for deadline in due:
        key = "next_update" if deadline.kind == "next_update" else "status"
        check.add(WARNING, "V50", key, deadline.message)


def _category(check, state: DisclosureState | None) -> None:
    value = check.d.get("category").strip()
    if not value:
        return
    from catalog_app.disclosure.categories import shipped_table

    table = state.category_table() if state is not None else shipped_table()
    found = table.resolve(value)
    if found.status == "unknown":
        majors = ", ".join(table.current_majors())
        check.add(
            ERROR,
            "V11",
            "category",
            f"'{value}'은(는) 알려진 분류체계가 아닙니다 ('대분류' 또는 '대분류 - 중분류', "
            f"지금 표기나 이전 표기). 지금 대분류: {majors}",
        )
        return
    if found.older:
        basis = f" ({found.basis})" if found.basis else ""
        check.add(
            WARNING,
            "V18",
            "category",
            f"'{found.value}'은(는) 이전 분류체계 표기입니다. 목록에는 지금 표기 "
            f"'{found.current}'(으)로 냅니다{basis}.",
        )
    if found.status == "unknown_minor":
        major = found.current.partition(" - ")[0]
        check.add(
            WARNING,
            "V17",
            "category",
            f"중분류 '{found.current.partition(' - ')[2]}'은(는) 알려진 '{major}' 분류체계 목록에 "
            "없습니다 (목록은 포털 표본이라 빠진 중분류가 있을 수 있습니다). 포털 화면에서 "
            "확인하고 맞으면 catalog-app categories add 로 추가하세요.",
        )
