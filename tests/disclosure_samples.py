"""Hand-built disclosure states for the export, validation and diff tests (no catalog needed).

``sample_state(2025)`` holds three datasets of two departments with the cases the lists must
handle: Korean text, a value that would start a formula, a column with resident numbers closed
for 9-6, an unmapped column typed from its profile, a crosstab band column and a dataset left off
the list.
"""

from __future__ import annotations

from catalog_app.disclosure.model import (
    ENTERED,
    SCAN,
    SETTINGS,
    ColumnRecord,
    DatasetRecord,
    DisclosureState,
    RateRecord,
    TableRecord,
)

FORMULA_TEXT = '=HYPERLINK("http://evil","클릭")'
RRN_TEXT = "문의: 800101-1234567 홍길동"  # a resident number typed into a free-text field


def _complete_fields(**over: str) -> dict[str, str]:
    base = {
        "list_type": "FILE",
        "title": "서울특별시 종로구_주차장 현황",
        "file_data_name": "서울특별시 종로구_주차장 현황_20250301",
        "category": "교통물류 - 도로",
        "department": "교통행정과",
        "phone": "02-2148-1234",
        "update_cycle": "연간",
        "next_update": "2026-03-31",
        "row_count": "1520",
        "formats": "CSV",
        "keywords": "주차장,공영주차장,종로구",
        "description": "종로구 공영·민영 주차장의 위치와 면수",
        "spatial": "서울특별시 종로구",
        "temporal": "2024-01-01 ~ 2024-12-31",
        "cost": "무료",
        "licence": "공공저작물_출처표시",
        "openness": "공개",
        "pii": "N",
        "include": "Y",
    }
    base.update(over)
    return base


def sample_state(year: int = 2025) -> DisclosureState:
    parking = DatasetRecord(
        key="/data/교통행정과/주차장 현황.csv",
        dataset_id=1,
        name="주차장 현황.csv",
        rel_path="교통행정과/주차장 현황.csv",
        department="교통행정과",
        status="ok",
        fields=_complete_fields(),
        sources={"row_count": SCAN, "formats": SCAN, "temporal": SCAN, "phone": SETTINGS},
        tables=[TableRecord("csv", "주차장 현황", 1520, 4)],
        compliant=3,
        checked=4,
        excluded=0,
        rate=75.0,
    )
    parking.sources.update({k: ENTERED for k in parking.fields if k not in parking.sources})
    welfare = DatasetRecord(
        key="/data/복지정책과/수급자 명단.xlsx",
        dataset_id=2,
        name="수급자 명단.xlsx",
        rel_path="복지정책과/수급자 명단.xlsx",
        department="복지정책과",
        status="ok",
        fields=_complete_fields(
            title="서울특별시 종로구_기초생활수급자 현황",
            file_data_name="서울특별시 종로구_기초생활수급자 현황_20250301",
            category="사회복지",
            department="복지정책과",
            phone="02-2148-2000",
            formats="XLSX",
            keywords="수급자,복지",
            description=FORMULA_TEXT,
            row_count="842",
            notes=RRN_TEXT,
            openness="부분공개",
            reason="9-6",
            reason_detail="개인정보 보호법 제23조",
            pii="Y",
            update_cycle="월간",
            next_update="2025-12-31",
        ),
        tables=[TableRecord("0:수급자", "수급자", 830, 3), TableRecord("1:통계", "통계", 12, 3)],
        pii_kinds=["rrn"],
        compliant=1,
        checked=3,
        excluded=2,
        rate=33.3,
    )
    scratch = DatasetRecord(
        key="/data/복지정책과/작업용 임시.csv",
        dataset_id=3,
        name="작업용 임시.csv",
        rel_path="복지정책과/작업용 임시.csv",
        department="복지정책과",
        status="ok",
        fields={"include": "N", "formats": "CSV"},
        sources={"include": ENTERED, "formats": SCAN},
        tables=[TableRecord("csv", "작업용 임시", 5, 1)],
    )
    columns = [
        ColumnRecord(
            parking.key,
            "csv",
            "주차장 현황",
            0,
            "주차장명",
            "주차장명",
            "PRKLT_NM",
            "명V100",
            "VARCHAR",
            "100",
            "",
            "",
            "domain",
            "text",
            True,
        ),
        ColumnRecord(
            parking.key,
            "csv",
            "주차장 현황",
            1,
            "주소",
            "소재지도로명주소",
            "LCTN_ROAD_NM_ADDR",
            "주소V500",
            "VARCHAR",
            "500",
            "",
            "",
            "domain",
            "text",
            False,
        ),
        ColumnRecord(
            parking.key,
            "csv",
            "주차장 현황",
            2,
            "주차면수",
            "주차면수",
            "PRKG_SPCE_CNT",
            "수N10",
            "NUMERIC",
            "10",
            "",
            "",
            "domain",
            "integer",
            True,
        ),
        ColumnRecord(
            parking.key,
            "csv",
            "주차장 현황",
            3,
            "-비고",
            "",
            "",
            "",
            "VARCHAR",
            "40",
            "",
            "",
            "profile",
            "text",
            False,
            kind="nonstandard",
            compliant=False,
            codes=["W1", "N2"],
            messages=["표준단어가 아닌 단어: 비고", "컬럼명이 기호로 시작합니다"],
        ),
        ColumnRecord(
            welfare.key,
            "0:수급자",
            "수급자",
            0,
            "성명",
            "성명",
            "FLNM",
            "명V100",
            "VARCHAR",
            "100",
            "",
            "",
            "domain",
            "text",
            True,
            pii_kind="person_name",
            fields={"openness": "비공개", "reason": "9-6", "pii": "Y"},
            sources={"openness": SCAN, "reason": SCAN, "pii": SCAN},
        ),
        ColumnRecord(
            welfare.key,
            "0:수급자",
            "수급자",
            1,
            "주민번호",
            "주민등록번호",
            "RRNO",
            "번호V13",
            "VARCHAR",
            "13",
            "",
            "",
            "domain",
            "text",
            True,
            pii_kind="rrn",
            fields={"openness": "비공개", "reason": "9-6", "pii": "Y"},
            sources={"openness": SCAN, "reason": SCAN, "pii": SCAN},
            kind="synonym",
            compliant=False,
            codes=["T1"],
            messages=["표준용어가 아닙니다"],
        ),
        ColumnRecord(
            welfare.key,
            "0:수급자",
            "수급자",
            2,
            "지원금액",
            "지원금액",
            "SPRT_AMT",
            "금액N15",
            "NUMERIC",
            "15",
            "",
            "",
            "domain",
            "integer",
            False,
        ),
        ColumnRecord(
            welfare.key,
            "1:통계",
            "통계",
            0,
            "2023",
            kind="not_a_column",
            compliant=None,
            data_type="NUMERIC",
            length="10",
            type_source="profile",
            inferred_type="integer",
        ),
        ColumnRecord(
            welfare.key,
            "1:통계",
            "통계",
            1,
            "2024",
            kind="not_a_column",
            compliant=None,
            data_type="NUMERIC",
            length="10",
            type_source="profile",
            inferred_type="integer",
        ),
        ColumnRecord(
            scratch.key,
            "csv",
            "작업용 임시",
            0,
            "메모",
            data_type="VARCHAR",
            length="200",
            type_source="profile",
            inferred_type="text",
            kind="nonstandard",
            compliant=False,
            codes=["W1"],
            messages=["표준단어가 아닌 단어: 메모"],
        ),
    ]
    for c in columns:
        if c.compliant is None and c.kind != "not_a_column":
            c.compliant = True
            c.kind = c.kind or "exact"
    # rates cover the datasets on the list only (the scratch file is left off)
    rates = [
        RateRecord(
            "department", "교통행정과", 3, 4, 0, 75.0, "준수 컬럼 3 / 점검 컬럼 4 × 100 = 75.0%"
        ),
        RateRecord(
            "department",
            "복지정책과",
            1,
            3,
            2,
            33.3,
            "준수 컬럼 1 / 점검 컬럼 3 × 100 = 33.3% (교차표 구분 열 2개 제외)",
        ),
        RateRecord(
            "dataset", parking.name, 3, 4, 0, 75.0, "준수 컬럼 3 / 점검 컬럼 4 × 100 = 75.0%"
        ),
        RateRecord(
            "dataset", welfare.name, 1, 3, 2, 33.3, "준수 컬럼 1 / 점검 컬럼 3 × 100 = 33.3%"
        ),
        RateRecord(
            "catalog",
            "전체",
            4,
            7,
            2,
            57.1,
            "준수 컬럼 4 / 점검 컬럼 7 × 100 = 57.1% (교차표 구분 열 2개 제외)",
        ),
    ]
    state = DisclosureState(
        year=year,
        source="live",
        created_at=f"{year}-11-20T10:00:00+09:00",
        created_by="tester",
        institution={"name": "서울특별시 종로구", "code": "3000000"},
        edition="7차(2024-11)",
        datasets=[parking, welfare, scratch],
        columns=columns,
        rates=rates,
    )
    _lists(state)
    return state


SYSTEM = {
    "name": "주차관리시스템",
    "fields": {
        "physical_db": "PRKDB",
        "logical_db": "주차관리DB",
        "owner": "PRK",
        "dbms": "Oracle 19c",
        "department": "교통행정과",
        "application": "공영주차장 관리",
        "built_on": "2015-03-01",
    },
    "folders": ["교통행정과"],
}


def _lists(state: DisclosureState) -> None:
    """What issue 12 adds: a 정보시스템 the parking file comes from, domain details of its
    columns, a column with an entered 영문명, and the split rates."""
    parking = state.datasets[0]
    parking.fields.update(info_system="주차관리시스템", db_table="TB_PRKLT")
    parking.sources.update(info_system=SETTINGS, db_table=ENTERED)
    state.systems = [SYSTEM]
    by_label = {c.label: c for c in state.columns}
    state.terms = {
        "주차장명": {"description": "주차장의 이름", "code_name": "", "display_format": ""}
    }
    state.domains = {
        "명V100": {"group": "명칭", "class": "명", "unit": "", "display_format": ""},
        "수N10": {"group": "수량", "class": "수", "unit": "개", "display_format": ""},
    }
    by_label["주소"].fields.update(english_name="ADDR", unit="")
    by_label["주소"].sources.update(english_name=ENTERED)
    for r in state.rates:
        r.word_rate, r.word_formula = 80.0, "단어 준수 컬럼 4 / 점검 컬럼 5 × 100 = 80.0%"
        r.term_rate, r.term_formula = 60.0, "용어 준수 컬럼 3 / 점검 컬럼 5 × 100 = 60.0%"
        r.domain_rate, r.domain_formula = 100.0, "도메인 준수 컬럼 4 / 점검 컬럼 4 × 100 = 100.0%"
    parking.word_rate, parking.term_rate, parking.domain_rate = 75.0, 75.0, 100.0
