"""공공데이터 목록: the yearly inventory as a worksheet for registering on 공공데이터포털.

The columns follow the portal's own list export (목록개방현황) minus what the portal
generates (다운로드수, 등록일, 조회수 …), then the app's columns a coordinator needs to check the
list (공개여부 … 원본 파일). Values come from the dataset fields through the labels declared in
``vocab.DATASET_FIELDS``, so a renamed field shows up here as an import error, not a blank column.
분류체계 is written in today's label style (an older label is mapped, ``categories``).

The portal's per-column table (``exports.columns``) is the workbook's 컬럼 메타데이터 sheet; a CSV
export writes it beside the list as ``<name>_컬럼메타데이터.csv``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from catalog_app.disclosure.exports.columns import (
    COLUMN_META_HEADERS,
    COLUMN_META_SHEET,
    CSV_SUFFIX,
    column_meta_rows,
)
from catalog_app.disclosure.exports.columns import NUMBERS as COLUMN_NUMBERS
from catalog_app.disclosure.exports.columns import WRAP as COLUMN_WRAP
from catalog_app.disclosure.exports.registry import EXPORTERS
from catalog_app.disclosure.model import DatasetRecord, DisclosureState
from catalog_app.disclosure.vocab import DATASET_FIELDS, reason_label
from catalog_app.disclosure.workbook import (
    check_suffix,
    new_workbook,
    save_atomic,
    source_label,
    write_csv,
    write_table,
)

__all__ = ["HEADERS", "SHEET", "inventory_rows", "write_inventory"]

SHEET = "공공데이터 목록"
GUIDE_SHEET = "작성 안내"

# The portal's list headers, in its order (portal-generated fields left out).
PORTAL_HEADERS = (
    "목록키",
    "목록유형",
    "목록명",
    "파일데이터명",
    "분류체계",
    "제공기관코드",
    "제공기관",
    "관리 부서명",
    "관리부서 전화번호",
    "보유근거",
    "수집방법",
    "업데이트 주기",
    "차기 등록 예정일",
    "매체유형",
    "전체행",
    "확장자(데이터포맷)",
    "키워드",
    "데이터 한계",
    "제공형태",
    "설명",
    "기타 유의사항",
    "공간범위",
    "시간범위",
    "비용부과유무",
    "비용부과기준 및 단위",
    "이용허락범위",
    "국가중점여부",
    "표준데이터여부",
)
RATE_HEADER, FILE_HEADER = "표준 준수율(%)", "원본 파일"
APP_HEADERS = ("공개여부", "비공개사유", "상세근거", "개인정보여부", RATE_HEADER, FILE_HEADER)
HEADERS = PORTAL_HEADERS + APP_HEADERS

# Columns that are not a dataset field as it is stored.
_DERIVED: dict[str, Callable[[DisclosureState, DatasetRecord], object]] = {
    "제공기관코드": lambda s, d: s.institution.get("code") or "",
    "제공기관": lambda s, d: s.institution.get("name") or "",
    "분류체계": lambda s, d: s.current_category(d),
    "비공개사유": lambda s, d: reason_label(d.get("reason")),
    RATE_HEADER: lambda s, d: d.rate,
    FILE_HEADER: lambda s, d: d.rel_path,
}
_FIELD_BY_LABEL = {f.label: f for f in DATASET_FIELDS}
_unknown = [h for h in HEADERS if h not in _DERIVED and h not in _FIELD_BY_LABEL]
if _unknown:  # a label in vocab changed: fail at import, not with an empty column in a file
    raise ImportError(f"목록 헤더에 맞는 항목이 vocab에 없습니다: {', '.join(_unknown)}")

_KIND = {h: _FIELD_BY_LABEL[h].kind for h in HEADERS if h in _FIELD_BY_LABEL}
DATES = {h for h, kind in _KIND.items() if kind == "date"}
NUMBERS = {h for h, kind in _KIND.items() if kind == "int"} | {RATE_HEADER}
WRAP = {h for h, kind in _KIND.items() if kind == "long_text"}


def inventory_rows(state: DisclosureState) -> list[list[object]]:
    """One row per dataset on the list (목록포함여부 ≠ N), values in ``HEADERS`` order."""
    rows = []
    for d in state.included_datasets():
        rows.append(
            [
                _DERIVED[h](state, d) if h in _DERIVED else d.get(_FIELD_BY_LABEL[h].key)
                for h in HEADERS
            ]
        )
    return rows


def write_inventory(state: DisclosureState, path: Path) -> list[Path]:
    """Write the list as .xlsx (with the 컬럼 메타데이터 and 작성 안내 sheets) or as .csv with
    ``<name>_컬럼메타데이터.csv`` beside it; returns the files written."""
    path = Path(path)
    suffix = check_suffix(path, EXPORTERS["inventory"].suffixes)
    rows = inventory_rows(state)
    columns = column_meta_rows(state)
    if suffix == ".csv":
        beside = path.with_name(f"{path.stem}{CSV_SUFFIX}.csv")
        return [
            write_csv(path, HEADERS, rows),
            write_csv(beside, COLUMN_META_HEADERS, columns),
        ]
    wb = new_workbook(write_only=True)
    write_table(wb.create_sheet(SHEET), HEADERS, rows, dates=DATES, numbers=NUMBERS, wrap=WRAP)
    write_table(
        wb.create_sheet(COLUMN_META_SHEET),
        COLUMN_META_HEADERS,
        columns,
        numbers=COLUMN_NUMBERS,
        wrap=COLUMN_WRAP,
    )
    write_table(
        wb.create_sheet(GUIDE_SHEET),
        ("항목", "내용"),
        _guide(state, len(rows)),
        wrap={"내용"},
    )
    return [save_atomic(wb, path)]


def _guide(state: DisclosureState, count: int) -> list[tuple[str, object]]:
    return [
        ("기관명", state.institution.get("name") or ""),
        ("기관코드", state.institution.get("code") or ""),
        ("기준연도", state.year),
        ("작성일시", _when(state.created_at)),
        ("표준사전", state.edition),
        ("출처", source_label(state.source, state.year)),
        ("목록 수", count),
        (
            "컬럼 메타데이터",
            "포털 파일데이터 화면의 컬럼 표(항목명, 영문명, 도메인분류, 데이터타입 …)입니다. "
            "매핑한 표준용어·도메인과 프로파일에서 채웠고, 비공개 데이터셋과 비공개 컬럼은 "
            "뺐습니다.",
        ),
        (
            "안내",
            "공공데이터포털(data.go.kr) 목록 등록을 위한 작업용 시트입니다(자체 작성, 포털 공식 "
            "양식 아님). 포털에서 만드는 항목(등록일, 조회수 등)은 빠져 있고, '공개여부'부터 "
            "오른쪽 열은 기관 내부 확인용입니다.",
        ),
        (
            "보호 처리",
            "개인정보로 보이는 값(주민등록번호, 휴대전화번호, 전자우편 등)은 가려서 내보냈습니다. "
            "=, +, -, @로 시작하는 글은 수식으로 실행되지 않도록 앞에 '를 붙였습니다.",
        ),
    ]


def _when(created_at: str) -> str:
    """'2025-11-20 10:00' for an ISO timestamp; anything else as it is."""
    try:
        return datetime.fromisoformat(created_at).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return created_at or ""
