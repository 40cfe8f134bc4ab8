"""The whole real corpus in ../shared/corpus, scanned once through `catalog-app scan --json`.

Checked against ../shared/corpus/MANIFEST.csv (one row per file, hand-written from looking at the
bytes): no file fails, the detected encoding, the real format, the header row and the column count
agree with it, a few notes are spot-checked, the files are left untouched, and a rescan reads
nothing again. Skipped when ../shared is not beside the repository.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.cli import cli

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not (CORPUS / "MANIFEST.csv").is_file():
    pytest.skip(f"real corpus not found at {CORPUS}", allow_module_level=True)

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

MANIFEST = list(csv.DictReader((CORPUS / "MANIFEST.csv").open(encoding="utf-8", newline="")))
NAMES = [row["file"] for row in MANIFEST]

# MANIFEST format column -> the README's real_format.
FORMATS = {
    "csv": "csv",
    "xls (BIFF8)": "xls",
    "html table disguised as .xls": "html",
    "xlsx": "xlsx",
}

# Documented MANIFEST quirks where the scanner's column count differs from n_columns on purpose.
# name -> (columns the scanner keeps, why). Anything not listed here must match n_columns exactly.
COLUMN_COUNT_QUIRKS = {
    # MANIFEST: "Header has 2 trailing empty column names (',,' on every row)": two unlabelled,
    # always-empty columns at the right edge are not part of the table (header.py trims them).
    "소방청_연령별 구급활동정보_20201231.csv": (4, "2 trailing empty header names, empty columns"),
    # MANIFEST: "32 names ... plus 1 empty trailing header cell" (n_columns counts the cell).
    "전국도서관표준데이터.csv": (32, "1 empty trailing header cell"),
}


def expected_encoding(detected: str) -> str:
    """MANIFEST detected_encoding -> the README's `encoding` value."""
    d = detected.strip().lower()
    if d.startswith("cp949"):
        return "cp949"
    if d.startswith("gb18030"):
        # The 저상버스 file: "CP949 but chardet guesses GB18030 with ~0.02 confidence".
        return "cp949"
    if d.startswith("utf-8-sig"):
        return "utf-8-sig"
    if d.startswith("utf-8"):
        return "utf-8"
    raise AssertionError(f"unmapped MANIFEST encoding {detected!r}")


def _runner() -> CliRunner:
    try:  # click 8.1 mixes stderr into stdout unless told not to
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


def _scan(catalog: Path) -> tuple[int, dict]:
    result = _runner().invoke(cli, ["--catalog", str(catalog), "scan", str(CORPUS), "--json", "-q"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, json.loads(result.stdout)


def _fingerprints() -> dict[str, tuple[int, int, str]]:
    out = {}
    for path in sorted(CORPUS.iterdir()):
        if path.is_file():
            st = path.stat()
            out[path.name] = (
                st.st_size,
                st.st_mtime_ns,
                hashlib.sha256(path.read_bytes()).hexdigest(),
            )
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    catalog = tmp_path_factory.mktemp("corpus") / "c.db"
    before = _fingerprints()
    code, out = _scan(catalog)
    after = _fingerprints()
    return {
        "catalog": catalog,
        "code": code,
        "out": out,
        "by_name": {d["name"]: d for d in out["datasets"]},
        "before": before,
        "after": after,
    }


def dataset(corpus: dict, name: str) -> dict:
    assert name in corpus["by_name"], f"{name} was not scanned"
    return corpus["by_name"][name]


def first_table(corpus: dict, name: str) -> dict:
    d = dataset(corpus, name)
    assert d["tables"], f"{name}: no tables ({d['errors']})"
    return d["tables"][0]


def labels(table: dict) -> list[str]:
    return [c["label"] for c in table["columns"]]


# ------------------------------------------------------------------------------ whole corpus
def test_manifest_lists_every_data_file():
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix.lower() in (".csv", ".xls", ".xlsx")}
    assert set(NAMES) == on_disk - {"MANIFEST.csv"}
    assert len(NAMES) == len(set(NAMES))


def test_every_manifest_file_scans_without_an_error(corpus):
    out = corpus["out"]
    assert out["status"] == "done"
    assert out["failed"] == [], out["failed"]
    assert corpus["code"] == 0
    problems = {
        name: dataset(corpus, name)["errors"]
        for name in NAMES
        if dataset(corpus, name)["status"] != "ok" or dataset(corpus, name)["errors"]
    }
    assert not problems
    for name in NAMES:
        assert dataset(corpus, name)["tables"], f"{name}: no table found"


def test_scanning_leaves_the_files_untouched(corpus):
    assert corpus["after"] == corpus["before"]


@pytest.mark.parametrize("row", MANIFEST, ids=NAMES)
def test_real_format_matches_manifest(corpus, row):
    assert dataset(corpus, row["file"])["real_format"] == FORMATS[row["format"]]


@pytest.mark.parametrize(
    "row",
    [r for r in MANIFEST if FORMATS[r["format"]] in ("csv", "html")],
    ids=lambda r: r["file"],
)
def test_text_encoding_matches_manifest(corpus, row):
    d = dataset(corpus, row["file"])
    assert d["encoding"] == expected_encoding(row["detected_encoding"]), row["detected_encoding"]
    assert "+replace" not in (d["encoding_method"] or "")


@pytest.mark.parametrize(
    "row", [r for r in MANIFEST if FORMATS[r["format"]] in ("xls", "xlsx")], ids=lambda r: r["file"]
)
def test_workbooks_have_no_text_encoding(corpus, row):
    d = dataset(corpus, row["file"])
    assert (d["encoding"], d["delimiter"]) == (None, None)


@pytest.mark.parametrize("row", MANIFEST, ids=NAMES)
def test_first_header_row_matches_manifest(corpus, row):
    t = first_table(corpus, row["file"])
    assert t["header_row"] == int(row["header_row_index"])
    assert t["header_source"] == "auto"


@pytest.mark.parametrize("row", MANIFEST, ids=NAMES)
def test_column_count_matches_manifest(corpus, row):
    n = len(first_table(corpus, row["file"])["columns"])
    if row["file"] in COLUMN_COUNT_QUIRKS:
        expected, why = COLUMN_COUNT_QUIRKS[row["file"]]
        assert n == expected, f"documented quirk ({why}): MANIFEST says {row['n_columns']}"
    else:
        assert n == int(row["n_columns"])


def test_rescan_reports_every_file_unchanged(corpus):
    code, again = _scan(corpus["catalog"])
    total = corpus["out"]["counts"]["total"]
    assert code == 0
    assert again["counts"] == {
        "total": total,
        "new": 0,
        "changed": 0,
        "unchanged": total,
        "failed": 0,
        "missing": 0,
    }
    # Nothing was read again: the stored results are the same.
    for d in again["datasets"]:
        assert d == corpus["by_name"][d["name"]]


# ------------------------------------------------------------------------ notes, spot-checked
def test_population_in_seoul_xls(corpus):
    # "3-row header (rows 0-2) where merged labels were flattened into repeats
    # (인구/합계/계|남자|여자); first data row is the 합계 total; trailing blank row."
    t = first_table(corpus, "01. population_in_Seoul.xls")
    assert (t["sheet"], t["header_row"], t["header_rows"]) == ("YainSoft_Excel1", 0, 3)
    got = labels(t)
    for label in ("인구|합계|계", "인구|합계|남자", "인구|한국인|여자", "인구|등록외국인|계"):
        assert label in got
    assert got[:3] == ["기간", "자치구", "세대"]
    assert t["total_rows"] == 1 and t["blank_rows"] >= 1
    assert t["row_count"] == 25  # 25 자치구; the total row is kept out
    by_label = {c["label"]: c for c in t["columns"]}
    assert by_label["인구|합계|계"]["type"] == "integer"
    assert by_label["기간"]["type"] == "text"  # '2017.1/4' is a period, not a date


def test_covid_workbook_nine_sheets(corpus):
    row = next(r for r in MANIFEST if r["file"] == "코로나19 확진자 발생현황.xlsx")
    sheets = row["detected_encoding"].split("sheet(s): ", 1)[1].rstrip(")").split(" | ")
    d = dataset(corpus, "코로나19 확진자 발생현황.xlsx")
    assert len(d["tables"]) == 9
    assert [t["sheet"] for t in d["tables"]] == sheets  # incl. the trailing space of one name
    assert "시도별 사망(17개시도+검역) " in sheets
    first = d["tables"][0]
    assert first["header_row"] == 4  # rows 0-3 blank, used range begins A5
    assert labels(first)[0] == "일자" and first["columns"][0]["type"] == "date"
    # "a '누적(명)' cumulative row sits directly under the header": a total, kept out of the stats
    # (n_rows_approx counts it).
    assert first["total_rows"] == 1
    assert first["row_count"] == int(row["n_rows_approx"]) - 1
    assert first["columns"][1]["profile"]["max"] != "34572554"  # the cumulative 계(명)
    by_sheet = {t["sheet"]: t for t in d["tables"]}
    sigungu = by_sheet["시군구별(발생률,사망률)"]
    assert sigungu["header_row"] == 6  # "header at row 6"
    assert "발생률 (인구10만명당, 명)" in labels(sigungu)  # newline in the header text


def test_tradi_market_row_count(corpus):
    t = first_table(corpus, "tradi_market.csv")
    assert t["row_count"] == 1521
    assert labels(t)[0] == "이름"
    assert dataset(corpus, "tradi_market.csv")["encoding"] == "cp949"


def test_resident_population_thousands_separators_are_integers(corpus):
    # "Every field quoted; thousands separators ('51,149,546'); space-padded decimals."
    t = first_table(corpus, "202509_202509_주민등록인구및세대현황_월간.csv")
    types = {c["label"]: c["type"] for c in t["columns"]}
    for label in (
        "2025년09월_총인구수",
        "2025년09월_세대수",
        "2025년09월_남자 인구수",
        "2025년09월_여자 인구수",
    ):
        assert types[label] == "integer", label
    assert types["2025년09월_세대당 인구"] == "decimal"
    assert types["2025년09월_남여 비율"] == "decimal"
    assert types["행정구역"] == "text"
    total = next(c for c in t["columns"] if c["label"] == "2025년09월_총인구수")
    assert total["profile"]["max"] == "51,149,546"
    assert total["profile"]["type_share"] == 1.0


def test_subway_station_code_keeps_leading_zeros(corpus):
    # "codes with leading zeros ('0159')"
    t = first_table(corpus, "서울교통공사 노선별 지하철역 정보.csv")
    code = t["columns"][0]
    assert code["label"] == "전철역코드"
    assert code["type"] == "code"
    assert code["profile"]["type_share"] >= 0.95
    assert code["profile"]["min"].startswith("0") and len(code["profile"]["min"]) == 4
    assert any(s.startswith("0") for s in code["profile"]["samples"])


def test_html_disguised_as_xls(corpus):
    d = dataset(corpus, "04년월별.xls")
    assert (d["real_format"], d["encoding"], d["encoding_method"]) == ("html", "utf-8", "html-meta")
    t = d["tables"][0]
    assert (t["header_row"], t["header_rows"]) == (4, 2)
    assert labels(t)[:3] == ["년월", "한국|개봉편수", "한국|상영편수"]
    assert t["total_rows"] == 1 and t["row_count"] == 12  # 12 months + the 합계 row


def test_offset_xlsx_table_starts_at_column_b(corpus):
    # "Table offset to column B (column A empty); header row 2; row 3 '계' total ...; 2 footnote
    # rows at bottom"
    t = first_table(corpus, "서울시 자치구 (범죄예방 수사용) CCTV 설치현황(25.12.31 기준).xlsx")
    assert (t["header_row"], t["first_col"]) == (2, 1)
    assert labels(t)[:3] == ["순번", "구분", "2015년"]
    assert (t["row_count"], t["total_rows"], t["footnote_rows"]) == (25, 1, 2)


def test_broken_quoting_rows_are_kept_out_and_reported(corpus):
    # 전국도서관표준데이터.csv: "BROKEN QUOTING ... records split into 33-40 fields and shift right"
    t = first_table(corpus, "전국도서관표준데이터.csv")
    assert t["ragged_rows"] > 0
    assert any("따옴표" in w for w in t["warnings"])


def test_multi_row_text_headers(corpus):
    t = first_table(corpus, "05.고속국도_현황_2020.csv")
    assert (t["header_row"], t["header_rows"]) == (3, 2)
    assert "차 로 별 연 장|10차로 이상" in labels(t)  # quoted header with a newline
    assert t["footnote_rows"] == 1  # the single multi-line footnote cell
    assert first_table(corpus, "5대+범죄+발생현황_20260512140024.csv")["header_rows"] == 4
    assert first_table(corpus, "population.csv")["header_rows"] == 3
    assert first_table(corpus, "population.csv")["total_rows"] > 0  # 소계 rows interleaved


def test_nbsp_numbers_with_separators(corpus):
    # 진료과별응급결과.xlsx: "Every value and most headers start with a non-breaking space;
    # numbers stored as text with thousands separators; '-' for zero; first row '계' total."
    t = first_table(corpus, "진료과별응급결과.xlsx")
    assert all("\xa0" not in label for label in labels(t))
    assert [c["type"] for c in t["columns"][1:5]] == ["integer"] * 4
    assert t["total_rows"] == 1
