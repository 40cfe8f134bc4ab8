"""제공표준 recognition and conformance, on header lists and on three real 표준데이터 files copied
into tests/fixtures/quality (fresh clone: only the layouts shipped in resources/provision).

The 관악구 figures are recounted here from the file with the csv module (2-digit-year
데이터기준일자, blank 소재지도로명주소), not read back from the diagnosis."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.quality import provision, report
from catalog_app.quality.job import run_quality
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quality"
GANGNAM = "서울특별시_강남구_어린이보호구역_20210628_1624926398398_13352.csv"
GWANAK = "서울특별시_관악구_어린이보호구역_20210310_1615356324741_10427.csv"
PARKING = "충청남도_천안시_주차장정보_20251128.csv"
SHADE = [
    "설치장소명",
    "시도명",
    "시군구명",
    "소재지도로명주소",
    "소재지지번주소",
    "위도",
    "경도",
    "그늘막유형",
    "세부위치",
    "설치년도",
    "전체높이",
    "펼침지름",
    "관리기관명",
    "관리기관전화번호",
    "데이터기준일자",
]  # fmt: skip  (그늘막쉼터: its standard spells 설치년도)


def test_layouts_ship_with_the_package():
    names = {s.name for s in provision.standards()}
    assert len(names) == 248
    assert {"어린이보호구역", "도서관", "주차장정보", "그늘막쉼터"} <= names


def test_exact_layout_with_portal_columns():
    found = provision.match_table([*SHADE, "제공기관코드", "제공기관명"], "그늘막쉼터.csv")
    detail = provision.structure(found, [*SHADE, "제공기관코드", "제공기관명"])
    assert detail["name"] == "그늘막쉼터" and detail["score"] == 1.0
    assert detail["missing"] == detail["extra"] == detail["renamed"] == detail["reordered"] == []
    assert detail["portal"] == ["제공기관코드", "제공기관명"]


def test_spelling_drift_missing_extra_and_reordered_items():
    labels = [x for x in SHADE if x != "펼침지름"]  # one missing
    labels[labels.index("설치년도")] = "설치연도"  # the other spelling
    i, j = labels.index("위도"), labels.index("경도")
    labels[i], labels[j] = labels[j], labels[i]  # two swapped
    labels.append("비고")  # one extra
    found = provision.match_table(labels, "shade.csv")
    detail = provision.structure(found, labels)
    assert detail["name"] == "그늘막쉼터"
    assert detail["missing"] == ["펼침지름"] and detail["extra"] == ["비고"]
    assert detail["renamed"] == [{"item": "설치년도", "label": "설치연도"}]
    assert len(detail["reordered"]) == 1 and detail["reordered"][0] in ("위도", "경도")
    rated = provision.conformance(detail, checked=200, errors=20)
    # 15 items, 3 off (missing, renamed, reordered), 1 extra: (15 - 3) / (15 + 1)
    assert rated["structure_rate"] == 75.0 and rated["value_rate"] == 90.0
    assert rated["conformance"] == 82.5
    assert "(구조 준수율 75.0% + 값 준수율 90.0%) / 2 = 82.5%" in rated["formula"]


# The header of the corpus' 서울시 유흥주점영업 인허가 정보.xlsx (LOCALDATA): the 인허가 layout many
# 제공표준 share (일반음식점, 휴게음식점, …), with columns of its own.
LICENCE = [
    "개방자치단체코드", "관리번호", "인허가일자", "영업상태코드", "영업상태명", "상세영업상태코드",
    "상세영업상태명", "폐업일자", "전화번호", "소재지면적", "소재지우편번호", "지번주소", "도로명주소",
    "도로명우편번호", "사업장명", "최종수정일자", "데이터갱신구분", "데이터갱신일자", "업태구분명",
    "좌표정보(X)", "좌표정보(Y)", "위생업태명", "남성종사자수", "여성종사자수", "영업장주변구분명",
    "등급구분명", "급수시설구분명", "본사종업원수", "공장사무직종업원수", "공장판매직종업원수",
    "공장생산직종업원수", "건물소유구분명", "보증액", "월세액", "다중이용업소여부", "시설총규모",
    "전통업소지정번호", "전통업소주된음식", "홈페이지",
]  # fmt: skip


def test_a_shared_layout_needs_the_file_to_name_it():
    # 80% alike is not enough to call a 유흥주점 file 일반음식점; a file named so is recognised
    assert provision.match_table(LICENCE, "서울시 유흥주점영업 인허가 정보.xlsx") is None
    found = provision.match_table(LICENCE, "서울시 일반음식점 인허가 정보.xlsx")
    assert found is not None and found["name"] == "일반음식점"


def test_unrelated_headers_are_no_standard():
    assert provision.match_table(["자치구", "소계", "2013년도 이전", "2014년"], "CCTV.csv") is None
    assert provision.match_table([], "") is None


@pytest.fixture(scope="module")
def diagnosed(tmp_path_factory):
    from catalog_app.dictionary.store import DictionaryStore

    tmp = tmp_path_factory.mktemp("provision")
    folder = tmp / "표준데이터"
    shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("*.md"))
    with Catalog(tmp / "catalog.db") as cat:
        DictionaryStore(cat).ensure_shipped()
        scan(cat, [str(folder)])
        run_quality(cat)
        data = report.show(cat)
    return {d["path"].rsplit("/", 1)[-1]: d for d in data["datasets"]}, data


def test_corpus_standard_files_are_recognised(diagnosed):
    datasets, _data = diagnosed
    assert datasets[GANGNAM]["provision_standard"] == "어린이보호구역"
    assert datasets[GWANAK]["provision_standard"] == "어린이보호구역"
    assert datasets[PARKING]["provision_standard"] == "주차장정보"
    for d in datasets.values():
        assert 0 <= d["conformance"] <= 100
        assert d["provision"]["missing"] == [] and d["provision"]["extra"] == []


def test_gwanak_conformance_recounted_from_the_file(diagnosed):
    datasets, data = diagnosed
    with open(FIXTURES / GWANAK, encoding="cp949", newline="") as fh:
        rows = list(csv.DictReader(fh))
    two_digit = sum(
        1 for r in rows if re.fullmatch(r"\d{2}-\d{2}-\d{2}", r["데이터기준일자"].strip())
    )
    blank_address = sum(1 for r in rows if r["소재지도로명주소"].strip() in ("", "-"))
    assert two_digit == len(rows) == 305 and blank_address == 1
    # 9 required items x 305 rows, 2 items with 허용값 (시설종류, CCTV설치여부) and the
    # 데이터기준일자 format: value checks; errors are the 2-digit years and the blank address
    checked = 9 * len(rows) + 2 * len(rows) + len(rows)
    errors = two_digit + blank_address
    p = datasets[GWANAK]["provision"]
    assert (p["value_checked"], p["value_errors"]) == (checked, errors)
    value_rate = round(100 * (checked - errors) / checked, 1)
    assert p["structure_rate"] == 100.0 and p["value_rate"] == value_rate
    assert datasets[GWANAK]["conformance"] == round((100 + value_rate) / 2, 1)
    two = next(
        f
        for f in data["findings"]
        if f["path"].endswith(GWANAK) and f["rule"] == "date_two_digit_year"
    )
    assert (two["errors"], two["checked"]) == (305, 305)


def test_parking_required_address_blanks(diagnosed):
    _datasets, data = diagnosed
    with open(FIXTURES / PARKING, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    blank = sum(1 for r in rows if not r["소재지도로명주소"].strip())
    f = next(
        f
        for f in data["findings"]
        if f["path"].endswith(PARKING)
        and f["column"] == "소재지도로명주소"
        and f["rule"] == "std_required"
    )
    assert (f["errors"], f["checked"]) == (blank, len(rows))


def test_standard_data_flag_is_derived(diagnosed, tmp_path):
    from catalog_app.disclosure.derive import dataset_values

    columns = [
        {
            "table_key": "#0",
            "label": label,
            "col_index": i,
            "pii_kind": None,
            "inferred_type": "text",
            "min_value": None,
            "max_value": None,
        }  # fmt: skip
        for i, label in enumerate(SHADE)
    ]
    dataset = {
        "ext": ".csv",
        "real_format": "csv",
        "name": "그늘막.csv",
        "mtime_ns": 0,
        "status": "ok",
    }
    derived = dataset_values(dataset, [], columns, department="총무과", institution={})
    assert derived.values["standard_data"] == ("Y", "scan")
    other = [dict(c, label=f"열{c['col_index']}") for c in columns]
    derived = dataset_values(dataset, [], other, department="총무과", institution={})
    assert derived.values["standard_data"][0] == "N"


def test_readme_documents_the_provision_object(diagnosed):
    from tests.test_cli_quality import _readme

    datasets, _data = diagnosed
    documented = _readme()["provision"]
    for d in datasets.values():
        assert set(d["provision"]) == documented
