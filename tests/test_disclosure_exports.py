"""Spreadsheet exports of the yearly disclosure, read back cell by cell (issue 5).

Every export is written from ``sample_state`` and opened again with openpyxl or the csv module:
exact headers, typed values, the dataset left off the list absent everywhere, the formula text
stored as inert text, the resident number masked in every cell, files written atomically.
"""

from __future__ import annotations

import csv
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from catalog_app.disclosure.exports.compliance import NOTE, write_compliance
from catalog_app.disclosure.exports.definitions import write_definitions
from catalog_app.disclosure.exports.diff import diff_sheet, write_diff
from catalog_app.disclosure.exports.inventory import write_inventory
from catalog_app.disclosure.model import Change, DiffResult
from tests.disclosure_samples import FORMULA_TEXT, RRN_TEXT, sample_state

RRN = "800101-1234567"
OFFICE_PHONE = "02-2148-1234"
SCRATCH = ("작업용 임시", "복지정책과/작업용 임시.csv", "메모")

INVENTORY_HEADERS = [
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
    "공개여부",
    "비공개사유",
    "상세근거",
    "개인정보여부",
    "표준 준수율(%)",
    "원본 파일",
]
TABLE_HEADERS = [
    "번호",
    "물리DB명",
    "테이블소유자",
    "주제영역",
    "스키마명",
    "테이블영문명",
    "테이블한글명",
    "테이블유형",
    "관련엔터티명",
    "테이블설명",
    "업무분류체계",
    "보존기간",
    "테이블볼륨",
    "발생주기",
    "공개/비공개여부",
    "비공개사유",
    "개방데이터목록",
    "원본 파일",
    "시트명",
]
COLUMN_HEADERS = [
    "번호",
    "사업범위여부",
    "주제영역",
    "스키마명",
    "테이블영문명",
    "컬럼영문명",
    "컬럼한글명",
    "컬럼설명",
    "연관엔터티명",
    "자료타입",
    "자료길이",
    "자료소수점길이",
    "자료형식",
    "NOTNULL여부",
    "PK정보",
    "FK정보",
    "인덱스명",
    "인덱스순번",
    "AK정보",
    "제약조건",
    "개인정보여부",
    "암호화여부",
    "공개/비공개여부",
    "비공개사유",
    "원본 파일",
    "시트명",
    "원본 컬럼명",
    "표준용어 매핑",
    "자료타입 출처",
    "표준준수여부",
    "점검코드",
]
DIFF_HEADERS = ["구분", "변경", "데이터셋", "테이블", "컬럼", "항목", "2024년 값", "2025년 값"]


# --- helpers -----------------------------------------------------------------------------------
def _records(ws) -> list[dict]:
    """Data rows of a sheet's main table as dicts keyed by header."""
    rows = list(ws.iter_rows(values_only=True))
    headers = rows[0]
    return [dict(zip(headers, r, strict=True)) for r in rows[1:] if any(v is not None for v in r)]


def _header(ws) -> list:
    return [c.value for c in ws[1]]


def _cells(path: Path):
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        for row in ws.iter_rows():
            yield from (c for c in row if c.value is not None)


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    return list(csv.reader(text.splitlines(keepends=True)))


def _csv_records(path: Path) -> list[dict]:
    rows = _csv(path)
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def _diff() -> DiffResult:
    return DiffResult(
        2024,
        2025,
        "snapshot",
        "live",
        [
            Change("dataset", "added", "/d/new.csv", "신규 데이터"),
            Change("dataset", "removed", "/d/old.csv", "폐기 데이터"),
            Change(
                "dataset", "changed", "/d/a.csv", "주차장", field="notes",
                field_label="기타 유의사항", old=RRN_TEXT, new=FORMULA_TEXT,
            ),
            Change(
                "column", "changed", "/d/a.csv", "주차장", "주차장 현황", "주소",
                field="openness", field_label="공개/비공개여부", old="공개", new="비공개",
            ),
            Change(
                "column", "changed", "/d/a.csv", "주차장", "주차장 현황", "주소",
                field="reason", field_label="비공개사유", old="", new="9-6 개인정보(사생활)",
            ),
            Change("column", "added", "/d/a.csv", "주차장", "주차장 현황", "요금"),
        ],
    )  # fmt: skip


@pytest.fixture
def exports(tmp_path) -> dict[str, list[Path]]:
    """Every export of the sample state (and the sample diff) in xlsx and csv."""
    state = sample_state(2025)
    return {
        "inventory.xlsx": write_inventory(state, tmp_path / "목록.xlsx"),
        "inventory.csv": write_inventory(state, tmp_path / "목록.csv"),
        "definitions.xlsx": write_definitions(state, tmp_path / "정의서.xlsx"),
        "definitions.csv": write_definitions(state, tmp_path / "정의서.csv"),
        "compliance.xlsx": write_compliance(state, tmp_path / "준수율.xlsx"),
        "diff.xlsx": write_diff(_diff(), tmp_path / "변경.xlsx"),
        "diff.csv": write_diff(_diff(), tmp_path / "변경.csv"),
    }


def _all_files(exports) -> list[Path]:
    return [p for paths in exports.values() for p in paths]


# --- 공공데이터 목록 ---------------------------------------------------------------------------
def test_inventory_xlsx(exports):
    (path,) = exports["inventory.xlsx"]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["공공데이터 목록", "컬럼 메타데이터", "작성 안내"]
    ws = wb["공공데이터 목록"]
    assert _header(ws) == INVENTORY_HEADERS
    parking, welfare = _records(ws)  # the include='N' dataset is not there
    assert parking["목록명"] == "서울특별시 종로구_주차장 현황"
    assert parking["분류체계"] == "교통물류 - 도로"
    assert parking["제공기관코드"] == "3000000"  # a code, kept as text
    assert parking["제공기관"] == "서울특별시 종로구"
    assert parking["관리부서 전화번호"] == OFFICE_PHONE
    assert parking["전체행"] == 1520 and type(parking["전체행"]) is int
    assert parking["차기 등록 예정일"].date() == date(2026, 3, 31)
    assert parking["표준 준수율(%)"] == 75
    assert parking["원본 파일"] == "교통행정과/주차장 현황.csv"
    assert parking["비공개사유"] is None and parking["목록키"] is None
    assert welfare["비공개사유"] == "9-6 개인정보(사생활)"
    assert welfare["공개여부"] == "부분공개" and welfare["상세근거"] == "개인정보 보호법 제23조"
    assert welfare["기타 유의사항"] == "문의: 800101-1****** 홍길동"
    date_cell = ws.cell(row=2, column=INVENTORY_HEADERS.index("차기 등록 예정일") + 1)
    assert date_cell.number_format == "yyyy-mm-dd"
    formula = ws.cell(row=3, column=INVENTORY_HEADERS.index("설명") + 1)
    assert formula.data_type == "s" and formula.value == "'" + FORMULA_TEXT
    assert formula.alignment.wrap_text
    assert ws.max_row == 3

    guide = dict(wb["작성 안내"].iter_rows(min_row=2, values_only=True))
    assert guide["기관명"] == "서울특별시 종로구" and guide["기관코드"] == "3000000"
    assert guide["기준연도"] == 2025 and guide["표준사전"] == "7차(2024-11)"
    assert guide["작성일시"] == "2025-11-20 10:00"
    assert guide["출처"] == "현재 카탈로그" and guide["목록 수"] == 2
    assert "공공데이터포털" in guide["안내"] and "자체 작성" in guide["안내"]


def test_inventory_of_a_snapshot_says_so(tmp_path):
    state = sample_state(2024)
    state.source = "snapshot"
    (path,) = write_inventory(state, tmp_path / "목록.xlsx")
    guide = dict(openpyxl.load_workbook(path)["작성 안내"].iter_rows(min_row=2, values_only=True))
    assert guide["출처"] == "2024년 스냅샷"


COLUMN_META_HEADERS = [
    "번호",
    "목록명",
    "항목명",
    "영문명",
    "설명",
    "도메인분류",
    "데이터타입",
    "최대길이",
    "표현형식",
    "단위",
    "코드",
    "정보시스템명",
    "DB명",
    "Table명",
    "원본 파일",
    "시트명",
    "컬럼 순서",
]


def test_inventory_column_metadata_sheet(exports):
    """The portal's per-column table: filled from the mapping, the profile and the entries;
    withheld columns and datasets are not published, so they are not described."""
    (path,) = exports["inventory.xlsx"]
    ws = openpyxl.load_workbook(path)["컬럼 메타데이터"]
    assert _header(ws) == COLUMN_META_HEADERS
    rows = _records(ws)
    assert [r["항목명"] for r in rows] == [
        "주차장명",
        "주소",
        "주차면수",
        "'-비고",
        "지원금액",
        "2023",
        "2024",
    ]
    name, address, count, note = rows[:4]
    assert name["영문명"] == "PRKLT_NM" and name["도메인분류"] == "명칭_명"
    assert name["데이터타입"] == "가변문자형(VARCHAR)" and name["최대길이"] == 100
    assert name["설명"] == "주차장의 이름"
    assert (name["정보시스템명"], name["DB명"], name["Table명"]) == (
        "주차관리시스템",
        "PRKDB",
        "TB_PRKLT",
    )
    assert name["목록명"] == "서울특별시 종로구_주차장 현황" and name["원본 파일"].endswith(".csv")
    assert address["영문명"] == "ADDR"  # entered: wins over the term's abbreviation
    assert count["데이터타입"] == "숫자형(NUMERIC)" and count["단위"] == "개"
    assert note["항목명"] == "'-비고" and note["영문명"] is None  # unmapped, and formula-safe
    welfare = rows[4]
    assert welfare["목록명"] == "서울특별시 종로구_기초생활수급자 현황"
    assert welfare["정보시스템명"] is None  # the parking file's system is not everyone's
    assert all(r["항목명"] not in ("성명", "주민번호") for r in rows)  # 비공개 columns


def test_inventory_csv(exports):
    path, columns = exports["inventory.csv"]
    assert columns.name == "목록_컬럼메타데이터.csv"
    meta = _csv_records(columns)
    assert _csv(columns)[0] == COLUMN_META_HEADERS
    assert [r["항목명"] for r in meta][:2] == ["주차장명", "주소"] and meta[0]["최대길이"] == "100"
    rows = _csv(path)
    assert rows[0] == INVENTORY_HEADERS
    assert b"\r\n" in path.read_bytes()
    parking, welfare = _csv_records(path)
    assert parking["제공기관코드"] == "3000000" and parking["전체행"] == "1520"
    assert parking["차기 등록 예정일"] == "2026-03-31" and parking["표준 준수율(%)"] == "75"
    assert welfare["비공개사유"] == "9-6 개인정보(사생활)" and welfare["표준 준수율(%)"] == "33.3"
    assert welfare["설명"] == "'" + FORMULA_TEXT
    assert welfare["기타 유의사항"] == "문의: 800101-1****** 홍길동"


# --- 테이블정의서 / 컬럼정의서 -----------------------------------------------------------------
def test_definitions_xlsx(exports):
    (path,) = exports["definitions.xlsx"]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["데이터베이스정의서", "테이블정의서", "컬럼정의서"]
    assert _header(wb["테이블정의서"]) == TABLE_HEADERS
    (db,) = _records(wb["데이터베이스정의서"])  # only the system a listed file comes from
    assert db["정보시스템명"] == "주차관리시스템" and db["기관명"] == "서울특별시 종로구"
    assert (db["논리DB명"], db["물리DB명"], db["DBMS정보"]) == ("주차관리DB", "PRKDB", "Oracle 19c")
    assert db["부서명"] == "교통행정과" and db["적용업무"] == "공영주차장 관리"
    assert db["구축일자"].date() == date(2015, 3, 1) and db["목록 데이터셋 수"] == 1
    assert db["테이블소유자"] == "PRK" and db["수집제외사유"] is None
    assert _header(wb["컬럼정의서"]) == COLUMN_HEADERS

    tables = _records(wb["테이블정의서"])
    assert [t["번호"] for t in tables] == [1, 2, 3]
    assert [t["테이블한글명"] for t in tables] == [
        "서울특별시 종로구_주차장 현황",
        "서울특별시 종로구_기초생활수급자 현황 - 수급자",
        "서울특별시 종로구_기초생활수급자 현황 - 통계",
    ]
    parking, recipients, _stats = tables
    # the owner of the DB table (its schema), not the department that keeps the file
    assert parking["테이블소유자"] == "PRK" and parking["주제영역"] == "교통물류 - 도로"
    assert parking["업무분류체계"] == "교통물류 - 도로" and parking["발생주기"] == "연간"
    assert parking["테이블볼륨"] == 1520 and recipients["테이블볼륨"] == 830
    assert parking["물리DB명"] == "PRKDB" and parking["테이블영문명"] == "TB_PRKLT"
    assert recipients["물리DB명"] is None and recipients["테이블소유자"] is None  # no system
    assert parking["개방데이터목록"] == "서울특별시 종로구_주차장 현황"
    assert recipients["비공개사유"] == "9-6 개인정보(사생활)"
    assert recipients["테이블설명"] == "'" + FORMULA_TEXT
    assert (
        recipients["원본 파일"] == "복지정책과/수급자 명단.xlsx"
        and recipients["시트명"] == "수급자"
    )

    cols = _records(wb["컬럼정의서"])
    assert [c["원본 컬럼명"] for c in cols] == [
        "주차장명", "주소", "주차면수", "'-비고", "성명", "주민번호", "지원금액", "2023", "2024",
    ]  # fmt: skip
    by = {c["원본 컬럼명"]: c for c in cols}
    name = by["주차장명"]
    assert name["컬럼영문명"] == "PRKLT_NM" and name["컬럼한글명"] == "주차장명"
    assert name["사업범위여부"] == "Y" and name["NOTNULL여부"] == "Y" and name["자료길이"] == 100
    assert name["자료타입 출처"] == "표준도메인" and name["표준용어 매핑"] == "매핑됨"
    assert name["공개/비공개여부"] == "공개" and name["암호화여부"] == "N"
    assert name["스키마명"] == "PRK" and name["테이블영문명"] == "TB_PRKLT"
    assert by["주소"]["컬럼한글명"] == "소재지도로명주소" and by["주소"]["NOTNULL여부"] == "N"
    assert by["주소"]["컬럼영문명"] == "ADDR"  # entered
    unmapped = by["'-비고"]
    assert unmapped["자료타입 출처"] == "프로파일 추정" and unmapped["표준용어 매핑"] == "미매핑"
    assert unmapped["컬럼영문명"] is None and unmapped["컬럼한글명"] == "'-비고"
    assert unmapped["표준준수여부"] == "N" and unmapped["점검코드"] == "W1, N2"
    rrn = by["주민번호"]
    assert rrn["공개/비공개여부"] == "비공개" and rrn["비공개사유"] == "9-6 개인정보(사생활)"
    assert rrn["개인정보여부"] == "Y" and rrn["컬럼한글명"] == "주민등록번호"
    assert by["지원금액"]["공개/비공개여부"] == "공개"  # 부분공개 dataset, no own setting
    assert by["지원금액"]["개인정보여부"] == "N"
    for band in (by["2023"], by["2024"]):
        assert band["표준용어 매핑"] == "교차표 구분 열"
        assert band["표준준수여부"] is None and band["주제영역"] == "사회복지"


def test_definitions_csv_writes_three_files(exports, tmp_path):
    paths = exports["definitions.csv"]
    assert [p.name for p in paths] == [
        "정의서_데이터베이스정의서.csv",
        "정의서_테이블정의서.csv",
        "정의서_컬럼정의서.csv",
    ]
    assert not (tmp_path / "정의서.csv").exists()
    databases, tables, columns = (_csv(p) for p in paths)
    assert len(databases) == 2 and databases[1][databases[0].index("물리DB명")] == "PRKDB"
    assert tables[0] == TABLE_HEADERS and len(tables) == 4
    assert columns[0] == COLUMN_HEADERS and len(columns) == 10
    cols = _csv_records(paths[2])
    assert cols[0]["컬럼영문명"] == "PRKLT_NM" and cols[0]["자료길이"] == "100"
    assert cols[3]["자료타입 출처"] == "프로파일 추정"
    assert cols[5]["공개/비공개여부"] == "비공개"
    assert [c["표준용어 매핑"] for c in cols[7:]] == ["교차표 구분 열"] * 2


# --- 표준 준수율 -------------------------------------------------------------------------------
def test_compliance_workbook(exports):
    (path,) = exports["compliance.xlsx"]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["요약", "부서별", "데이터셋별", "비준수 컬럼"]

    summary = wb["요약"]
    items = {r[0]: r[1] for r in summary.iter_rows(min_row=2, max_row=13, values_only=True)}
    assert items["기관명"] == "서울특별시 종로구" and items["기준연도"] == 2025
    assert items["표준사전"] == "7차(2024-11)" and items["표준 준수율(%)"] == 57.1
    assert items["산식"] == "준수 컬럼 4 / 점검 컬럼 7 × 100 = 57.1% (교차표 구분 열 2개 제외)"
    # the split rates, each with its formula, beside the composite one
    assert (items["단어 준수율(%)"], items["용어 준수율(%)"], items["도메인 준수율(%)"]) == (
        80,
        60,
        100,
    )
    assert items["용어 산식"] == "용어 준수 컬럼 3 / 점검 컬럼 5 × 100 = 60.0%"
    assert items["안내"] == NOTE and "공식 수준평가 점수가 아닙니다" in NOTE
    assert "값 품질" in NOTE
    values = [r for r in summary.iter_rows(min_row=15, values_only=True) if r[0]]
    assert values[:3] == [("부서", "준수율(%)"), ("교통행정과", 75), ("복지정책과", 33.3)]
    assert len(summary._charts) == 1
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = z.read(charts[0]).decode("utf-8")
    assert "부서별 표준 준수율(%)" in xml
    assert "$B$16:$B$17" in xml and "$A$16:$A$17" in xml  # 준수율 by 부서
    chart = summary._charts[0]
    assert (chart.y_axis.scaling.min, chart.y_axis.scaling.max) == (0, 100)

    departments = wb["부서별"]
    assert _header(departments) == [
        "부서",
        "준수 컬럼",
        "점검 컬럼",
        "제외 열",
        "준수율(%)",
        "산식",
        "단어 준수율(%)",
        "용어 준수율(%)",
        "도메인 준수율(%)",
        "단어 산식",
        "용어 산식",
        "도메인 산식",
    ]
    rows = list(departments.iter_rows(min_row=2, values_only=True))
    assert rows[0][:9] == (
        "교통행정과", 3, 4, 0, 75, "준수 컬럼 3 / 점검 컬럼 4 × 100 = 75.0%", 80, 60, 100,
    )  # fmt: skip
    assert rows[0][11] == "도메인 준수 컬럼 4 / 점검 컬럼 4 × 100 = 100.0%"
    assert rows[1][:5] == ("복지정책과", 1, 3, 2, 33.3)

    datasets = wb["데이터셋별"]
    assert _header(datasets) == [
        "부서", "데이터셋", "원본 파일", "준수 컬럼", "점검 컬럼", "제외 열", "준수율(%)",
        "단어 준수율(%)", "용어 준수율(%)", "도메인 준수율(%)",
    ]  # fmt: skip
    assert list(datasets.iter_rows(min_row=2, values_only=True)) == [
        (
            "교통행정과",
            "서울특별시 종로구_주차장 현황",
            "교통행정과/주차장 현황.csv",
            3, 4, 0, 75, 75, 75, 100,
        ),
        (
            "복지정책과",
            "서울특별시 종로구_기초생활수급자 현황",
            "복지정책과/수급자 명단.xlsx",
            1, 3, 2, 33.3, None, None, None,
        ),
    ]  # fmt: skip

    failing = wb["비준수 컬럼"]
    assert _header(failing) == [
        "부서",
        "데이터셋",
        "테이블",
        "컬럼명",
        "매핑 용어",
        "점검코드",
        "내용",
    ]
    rows = _records(failing)
    assert [r["점검코드"] for r in rows] == ["W1, N2", "T1"]  # 메모 of the scratch file: not listed
    assert rows[0]["내용"] == "표준단어가 아닌 단어: 비고\n컬럼명이 기호로 시작합니다"
    assert failing["G2"].alignment.wrap_text
    assert rows[1]["컬럼명"] == "주민번호" and rows[1]["매핑 용어"] == "주민등록번호"


# --- 전년 대비 변경 ----------------------------------------------------------------------------
EXPECTED_CHANGES = [
    ("데이터셋", "추가", "신규 데이터", None, None, None, None, None),
    ("데이터셋", "삭제", "폐기 데이터", None, None, None, None, None),
    ("데이터셋", "변경", "주차장", None, None, "기타 유의사항", "문의: 800101-1****** 홍길동",
     "'" + FORMULA_TEXT),
    ("컬럼", "변경", "주차장", "주차장 현황", "주소", "공개/비공개여부", "공개", "비공개"),
    ("컬럼", "변경", "주차장", "주차장 현황", "주소", "비공개사유", None, "9-6 개인정보(사생활)"),
    ("컬럼", "추가", "주차장", "주차장 현황", "요금", None, None, None),
]  # fmt: skip


def test_diff_xlsx(exports):
    (path,) = exports["diff.xlsx"]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["요약", "변경내역"]
    summary = list(wb["요약"].iter_rows(values_only=True))
    items = {r[0]: r[1] for r in summary[1:6]}
    assert items == {
        "이전 연도": 2024,
        "이전 자료": "2024년 스냅샷",
        "이후 연도": 2025,
        "이후 자료": "현재 카탈로그",
        "변경 건수": 6,
    }
    counts = [r for r in summary[6:] if r[0]]
    assert counts == [
        ("구분", "추가", "삭제", "변경"),
        ("데이터셋", 1, 1, 1),
        ("컬럼", 1, 0, 1),  # two changed fields of one column count once
    ]
    changes = wb["변경내역"]
    assert _header(changes) == DIFF_HEADERS
    assert list(changes.iter_rows(min_row=2, values_only=True)) == EXPECTED_CHANGES
    assert changes["H4"].data_type == "s"


def test_diff_csv_holds_only_the_changes(exports):
    (path,) = exports["diff.csv"]
    rows = _csv(path)
    assert rows[0] == DIFF_HEADERS
    expected = [[v or "" for v in row] for row in EXPECTED_CHANGES]
    assert rows[1:] == expected


def test_diff_sheet_embeds_in_another_workbook():
    wb = Workbook()
    diff_sheet(wb.active, _diff())
    assert _header(wb.active) == DIFF_HEADERS
    assert list(wb.active.iter_rows(min_row=2, values_only=True)) == EXPECTED_CHANGES


# --- across every export -----------------------------------------------------------------------
def test_no_resident_number_in_any_export(exports):
    phone_seen = False
    for path in _all_files(exports):
        if path.suffix == ".csv":
            text = path.read_bytes().decode("utf-8-sig")
            lines = text.splitlines()
        else:
            lines = [str(c.value) for c in _cells(path)]
        for line in lines:
            assert RRN not in line and "8001011234567" not in line, path.name
        phone_seen = phone_seen or any(OFFICE_PHONE in line for line in lines)
    assert phone_seen  # the office landline is published on purpose


def test_dataset_left_off_the_list_is_absent_everywhere(exports):
    for key, paths in exports.items():
        if key.startswith("diff"):
            continue
        for path in paths:
            if path.suffix == ".csv":
                texts = [path.read_bytes().decode("utf-8-sig")]
            else:
                texts = [str(c.value) for c in _cells(path)]
            for text in texts:
                assert not any(s in text for s in SCRATCH), (path.name, text)


def test_every_sheet_is_frozen_filtered_and_formula_free(exports):
    for path in _all_files(exports):
        if path.suffix != ".xlsx":
            continue
        wb = openpyxl.load_workbook(path)
        for ws in wb:
            assert ws.freeze_panes == "A2", (path.name, ws.title)
            assert ws.auto_filter.ref, (path.name, ws.title)
            assert ws.auto_filter.ref.startswith("A1:")
            assert all(c.font.b for c in ws[1] if c.value is not None)
        for cell in _cells(path):
            assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "@")), cell.value
