"""Derived values of the lists (issue 12): 목록명 without the download stamp, 기준일자 and
파일데이터명, 시간범위 from a chosen column with implausible dates left out, 매체유형/제공형태,
and 수시 without a 차기 등록 예정일. Pure functions first, then over a scanned catalog."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure import vocab
from catalog_app.disclosure.derive_dates import clean_title, reference_date, time_range
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.model import ENTERED, SCAN, SETTINGS
from catalog_app.disclosure.state import build_state
from catalog_app.disclosure.validate import validate
from catalog_app.scan.scanner import scan
from tests.disclosure_samples import sample_state

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    "stem,title,day",
    [
        (
            "서울특별시_관악구_어린이보호구역_20210310_1615356324741_10427",
            "종로구_서울특별시_관악구_어린이보호구역",
            date(2021, 3, 10),
        ),
        (
            "대전광역시 대덕구_일반음식점_20240520",
            "종로구_대전광역시 대덕구_일반음식점",
            date(2024, 5, 20),
        ),
        ("5대+범죄+발생현황_20260512140024", "종로구_5대 범죄 발생현황", None),  # a download stamp
        (
            "제주특별자치도+제주시_무더위쉼터현황_20150931",
            "종로구_제주특별자치도 제주시_무더위쉼터현황",
            None,
        ),
        ("202509_202509_주민등록인구및세대현황_월간", "종로구_주민등록인구및세대현황_월간", None),
        ("01. CCTV_in_Seoul", "종로구_01. CCTV_in_Seoul", None),
        (
            "2018 지방세 체납 현황_00024",
            "종로구_2018 지방세 체납 현황_00024",
            None,
        ),  # a serial stays
        ("현황_2_20240101", "종로구_현황", date(2024, 1, 1)),
    ],
)
def test_clean_title(stem, title, day):
    assert clean_title(stem, "종로구") == (title, day)


def test_clean_title_does_not_repeat_the_institution():
    assert clean_title("서울특별시_관악구_어린이보호구역_20210310", "서울특별시 관악구")[0] == (
        "서울특별시 관악구_어린이보호구역"
    )
    assert clean_title("주차장", "")[0] == "주차장"


def col(cid, label, kind="date", lo=None, hi=None, tails=None, pii=None):
    return {
        "id": cid,
        "label": label,
        "inferred_type": kind,
        "min_value": lo,
        "max_value": hi,
        "pii_kind": pii,
        "date_tails": json.dumps(tails or {}),
        "sheet_name": None,
        "table_key": "#0",
    }


LICENSES = col(
    1,
    "인허가일자",
    lo="1904-08-08",
    hi="2026-04-24",
    tails={
        "low": ["1904-08-08", "1967-01-13", "1969-07-15", "1970-02-01", "1971-03-29"],
        "high": ["2026-04-24", "2026-04-20", "2026-03-02", "2025-12-31", "2025-12-01"],
    },
)
CLOSED = col(2, "폐업일자", lo="1985-01-16", hi="2026-05-07")
BIRTH = col(3, "생년월일", lo="1950-01-01", hi="2000-01-01", pii="birth_date")
UPDATED = col(4, "데이터기준일자", lo="2026-05-09", hi="2026-05-09")
NAME = col(5, "업소명", kind="text", lo="가", hi="하")


def test_an_implausible_date_is_left_out_and_named():
    span = time_range([LICENSES], {1: ("인허가일자", "연월일C8")}, today=TODAY)
    assert span.value == "1967-01-13 ~ 2026-04-24"
    assert span.left_out == ["1904-08-08 (인허가일자)"]
    assert "1904-08-08" in span.note() and "인허가일자" in span.note()


def test_default_column_is_the_reference_date_then_the_ymd_terms():
    terms = {1: ("인허가일자", "연월일C8"), 2: ("폐업일자", "연월일C8")}
    span = time_range([LICENSES, CLOSED, BIRTH, UPDATED, NAME], terms, today=TODAY)
    assert span.columns == ["데이터기준일자"] and span.value == "2026-05-09 ~ 2026-05-09"
    span = time_range([LICENSES, CLOSED, BIRTH, NAME], terms, today=TODAY)
    assert span.columns == ["인허가일자", "폐업일자"]  # mapped to a 연월일 term; never 생년월일
    assert span.value == "1967-01-13 ~ 2026-05-07"
    span = time_range([CLOSED, BIRTH], {}, today=TODAY)  # nothing mapped: every date column
    assert span.columns == ["폐업일자"]


def test_the_coordinators_column_wins_and_a_wrong_one_is_said():
    columns = [LICENSES, CLOSED, UPDATED, NAME, BIRTH]
    assert time_range(columns, {}, "폐업일자", TODAY).value == "1985-01-16 ~ 2026-05-07"
    both = time_range(columns, {}, "인허가일자, 폐업일자", TODAY)  # as the derived value lists them
    assert both.columns == ["인허가일자", "폐업일자"] and both.value == "1967-01-13 ~ 2026-05-07"
    missing = time_range(columns, {}, "없는컬럼", TODAY)
    assert missing.value == "" and "찾을 수 없습니다" in missing.problem
    assert "날짜 컬럼이 아닙니다" in time_range(columns, {}, "업소명", TODAY).problem
    assert "개인정보" in time_range(columns, {}, "생년월일", TODAY).problem


def test_without_tails_only_impossible_and_placeholder_dates_go():
    # a catalog scanned before the tails were kept: min/max only
    plain = col(7, "개방일자", lo="1904-08-08", hi="2024-01-01")
    assert time_range([plain], {}, today=TODAY).value == "1904-08-08 ~ 2024-01-01"
    placeholder = col(6, "개방일자", lo="1900-01-01", hi="2024-01-01")
    span = time_range([placeholder], {}, today=TODAY)
    assert span.value == "" and span.left_out == ["1900-01-01 (개방일자)"]
    assert "scan --force" in span.problem
    future = col(8, "만료일자", lo="2020-01-01", hi="2099-01-01")  # more than 10 years ahead
    assert time_range([future], {}, today=TODAY).left_out == ["2099-01-01 (만료일자)"]


def test_reference_date_order():
    span = time_range([UPDATED], {}, today=TODAY)
    assert reference_date(span, date(2024, 1, 1), 0)[0] == date(2026, 5, 9)
    empty = time_range([], {}, today=TODAY)
    assert reference_date(empty, date(2024, 1, 1), 0) == (date(2024, 1, 1), "파일 이름의 날짜")
    day, basis = reference_date(empty, None, 1_700_000_000 * 10**9)
    assert basis == "파일 수정일" and day.year == 2023


def test_irregular_cycles_need_no_next_date():
    assert vocab.is_irregular("수시") and vocab.is_irregular("수시 (1회성 데이터)")
    assert not vocab.is_irregular("연간") and not vocab.is_irregular("")
    state = sample_state(2025)
    parking = state.datasets[0]
    for cycle in ("수시", "수시 (1회성 데이터)"):
        parking.fields.update(update_cycle=cycle, next_update="")
        found = [p for p in validate(state, date(2025, 11, 20)) if p.dataset_id == 1]
        assert not [p for p in found if p.field in ("next_update", "update_cycle")], cycle
    parking.fields.update(update_cycle="연간", next_update="")
    found = [p for p in validate(state, date(2025, 11, 20)) if p.dataset_id == 1]
    assert [(p.code, p.field) for p in found] == [("V10", "next_update")]


def test_partly_known_vocabularies_warn_instead_of_blocking():
    state = sample_state(2025)
    state.datasets[0].fields.update(media_type="지도", delivery="외부 링크")
    found = [p for p in validate(state, date(2025, 11, 20)) if p.dataset_id == 1]
    assert [(p.severity, p.code, p.field) for p in found] == [
        ("warning", "V19", "media_type"),
        ("warning", "V19", "delivery"),
    ]


# ------------------------------------------------------------------------------ over a catalog
def write_csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.fixture
def cat(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    root = tmp_path / "자료"
    rows = [["업소명", "인허가일자", "데이터기준일자"]]
    rows += [[f"업소{i}", f"{1970 + i}-03-0{1 + i % 9}", "2024-05-20"] for i in range(40)]
    rows.append(["오래된 업소", "1904-08-08", "2024-05-20"])
    write_csv(
        root / "위생과" / "서울특별시_관악구_일반음식점_20240520_1615356324741_10427.csv", rows
    )
    with Catalog(tmp_path / "c.db") as c:
        scan(c, [str(root)])
        MetadataStore(c).set_institution({"name": "서울특별시 관악구", "code": "3210000"})
        yield c


def test_state_derives_title_dates_and_defaults(cat):
    (d,) = build_state(cat, 2026, today=TODAY).datasets
    assert d.fields["title"] == "서울특별시 관악구_일반음식점"
    assert d.fields["reference_date"] == "2024-05-20"
    assert d.fields["file_data_name"] == "서울특별시 관악구_일반음식점_20240520"
    assert d.fields["temporal"] == "2024-05-20 ~ 2024-05-20"  # the 기준일자 column first
    assert d.fields["media_type"] == "텍스트" and d.sources["media_type"] == SETTINGS
    assert d.fields["delivery"] == vocab.DEFAULT_DELIVERY
    assert d.first_seen and d.read_at and not d.appeared_later


def test_picked_column_and_entered_title_flow_into_derived_values(cat):
    dataset_id = cat.conn.execute("SELECT id FROM datasets").fetchone()[0]
    MetadataStore(cat).set_fields(
        dataset_id,
        {"시간범위 기준 컬럼": "인허가일자", "목록명": "관악구_음식점", "기준일자": "2025-01-31"},
    )
    state = build_state(cat, 2026, today=TODAY)
    (d,) = state.datasets
    assert d.sources["temporal_column"] == ENTERED
    assert d.fields["temporal"] == "1970-03-01 ~ 2009-03-04" and d.sources["temporal"] == SCAN
    assert "1904-08-08" in d.notes["temporal"] and "1904-08-08" in d.doubts["temporal"]
    assert d.fields["file_data_name"] == "관악구_음식점_20250131"
    v24 = [p for p in validate(state, TODAY) if p.code == "V24"]
    assert len(v24) == 1 and "1904-08-08 (인허가일자)" in v24[0].message
