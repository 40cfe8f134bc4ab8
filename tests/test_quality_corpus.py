"""품질진단 over the real corpus (../shared/corpus; skipped when absent): per-rule error counts
recounted here by hand from the raw files (csv module, python-calamine), the 2-digit-year and
1904 dates, the 표준데이터 files recognised with their conformance, and the README's table of
hand-checkable figures equal to what the diagnosis reports."""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.quality import report
from catalog_app.quality.job import run_quality
from catalog_app.scan.scanner import scan
from tests.cli_helpers import DOCS

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not (CORPUS / "MANIFEST.csv").is_file():
    pytest.skip(f"real corpus not found at {CORPUS}", allow_module_level=True)

pytestmark = [pytest.mark.corpus, pytest.mark.slow]
GWANAK = "서울특별시_관악구_어린이보호구역_20210310_1615356324741_10427.csv"
GANGNAM = "서울특별시_강남구_어린이보호구역_20210628_1624926398398_13352.csv"
PARKING = "충청남도_천안시_주차장정보_20251128.csv"
LICENCE = "서울시 유흥주점영업 인허가 정보.xlsx"


@pytest.fixture(scope="module")
def quality_report(template, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("quality_corpus")
    db = tmp / "catalog.db"
    shutil.copy(template, db)
    with Catalog(db) as cat:
        scan(cat, [str(CORPUS)])
        summary = run_quality(cat)
        data = report.show(cat)
    assert summary.status == "done" and summary.failed == []
    return data


def _finding(data, name: str, column: str, rule: str) -> dict:
    found = [
        f
        for f in data["findings"]
        if f["path"].endswith(name) and f["column"] == column and f["rule"] == rule
    ]
    assert len(found) == 1, (name, column, rule, found)
    return found[0]


def _csv(name: str, encoding: str) -> list[dict]:
    with open(CORPUS / name, encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def _sheet(name: str) -> tuple[list, list[list]]:
    import python_calamine

    rows = (
        python_calamine.CalamineWorkbook.from_path(str(CORPUS / name))
        .get_sheet_by_index(0)
        .to_python()
    )
    return rows[0], rows[1:]


def test_two_digit_years_are_found(quality_report):
    for name, encoding in ((GWANAK, "cp949"), ("tradi_market.csv", "cp949")):
        rows = _csv(name, encoding)
        values = [r["데이터기준일자"].strip() for r in rows if r["데이터기준일자"].strip()]
        two = sum(1 for v in values if re.fullmatch(r"\d{2}-\d{2}-\d{2}", v))
        f = _finding(quality_report, name, "데이터기준일자", "date_two_digit_year")
        assert (f["errors"], f["checked"]) == (two, len(values)) and two > 0


def test_the_1904_licence_date_is_found(quality_report):
    header, rows = _sheet(LICENCE)
    i = header.index("인허가일자")
    years = Counter(r[i].year for r in rows if hasattr(r[i], "year"))
    assert years[1904] == 1 and min(y for y in years if y != 1904) - 1904 > 30
    f = _finding(quality_report, LICENCE, "인허가일자", "date_outlier")
    assert f["errors"] == 1 and f["samples"] == ["1904-08-08"]
    assert f["checked"] == sum(years.values())


def test_hand_recounts(quality_report):
    header, rows = _sheet(LICENCE)
    j = header.index("도로명우편번호")
    zips = [str(int(r[j])) if isinstance(r[j], float) else str(r[j]).strip() for r in rows]
    zips = [z for z in zips if z and z != "-"]
    f = _finding(quality_report, LICENCE, "도로명우편번호", "zip")
    assert (f["errors"], f["checked"]) == (
        sum(1 for z in zips if not re.fullmatch(r"\d{5}", z)),
        len(zips),
    )

    parking = _csv(PARKING, "utf-8-sig")
    f = _finding(quality_report, PARKING, "소재지도로명주소", "std_required")
    assert (f["errors"], f["checked"]) == (
        sum(1 for r in parking if not r["소재지도로명주소"].strip()),
        len(parking),
    )
    keys = Counter(r["주차장관리번호"].strip() for r in parking)
    f = _finding(quality_report, PARKING, "주차장관리번호", "key_unique")
    assert f["errors"] == sum(n - 1 for n in keys.values()) == 2

    markets = _csv("tradi_market.csv", "cp949")
    allowed = {"상설장", "3일장", "4일장", "5일장"}
    bad = [
        r["시장유형"]
        for r in markets
        if r["시장유형"].strip() and not all(p.strip() in allowed for p in r["시장유형"].split("+"))
    ]
    f = _finding(quality_report, "tradi_market.csv", "시장유형", "std_allowed")
    assert f["errors"] == len(bad) and set(f["samples"]) == {b.strip() for b in bad}


def test_library_latitudes_out_of_korea(quality_report):
    import xlrd  # calamine garbles this file's text (codepage 1252); the app reads it with xlrd too

    sheet = xlrd.open_workbook(str(CORPUS / "전국도서관표준데이터.xls")).sheet_by_index(0)
    i = sheet.row_values(0).index("위도")
    values = [str(v).strip() for v in sheet.col_values(i)[1:]]
    values = [v for v in values if v not in ("", "-")]

    def outside(v: str) -> bool:
        try:
            return not 33.0 <= float(v) <= 38.7
        except ValueError:
            return True

    f = _finding(quality_report, "전국도서관표준데이터.xls", "위도", "latitude")
    assert (f["errors"], f["checked"]) == (sum(1 for v in values if outside(v)), len(values))


def test_standard_data_files_are_recognised(quality_report):
    datasets = {d["path"].rsplit("/", 1)[-1]: d for d in quality_report["datasets"]}
    expected = {
        GANGNAM: "어린이보호구역",
        GWANAK: "어린이보호구역",
        "전국도서관표준데이터.csv": "도서관",
        "전국도서관표준데이터.xls": "도서관",
        PARKING: "주차장정보",
        "tradi_market.csv": "전통시장",
    }
    recognised = {
        name: d["provision_standard"] for name, d in datasets.items() if d["provision_standard"]
    }
    assert recognised == expected
    for name in expected:
        assert 0 < datasets[name]["conformance"] <= 100
    assert datasets[GANGNAM]["conformance"] == 100.0
    assert datasets[GWANAK]["conformance"] < datasets[GANGNAM]["conformance"]
    library = datasets["전국도서관표준데이터.csv"]["provision"]
    assert {"item": "평일운영시작시각", "label": "운영시작시각"} in library["renamed"]
    assert "토요일운영시작시각" in library["missing"]


def test_readme_figures_are_the_diagnosis(quality_report):
    section = DOCS.read_text(encoding="utf-8").split("## Data quality diagnosis (품질진단)", 1)[1]
    section = section.split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| (\S+) \| `(\w+)` \| ([\d,]+) / ([\d,]+) \|", section, re.M)
    assert len(rows) >= 8, "README: the table of hand-checkable figures was not found"
    for name, column, rule, errors, checked in rows:
        f = _finding(quality_report, name, column, rule)
        assert (f["errors"], f["checked"]) == (
            int(errors.replace(",", "")),
            int(checked.replace(",", "")),
        ), (name, column, rule)
