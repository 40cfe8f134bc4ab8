"""Garbled text is caught: the judge, the .xls reader fallback, the flag that keeps a dataset out
of 표준 준수율 (with its reason in the CLI), and the warning for ragged CSV rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.catalog.store import Catalog
from catalog_app.cli import cli
from catalog_app.matching.jobs import check_catalog
from catalog_app.scan import excel_reader, isolated
from catalog_app.scan.plausible import judge
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# '도서관명' etc. as python-calamine returns them from the BIFF8 file in ../shared (UTF-16 units
# read as single cp1252 bytes) and a CP949 header read as Latin-1.
CALAMINE_GARBLE = ["Ä³\x1cÁ\x00\xad…º", "ÜÂÄ³…º", "ÜÂp\xadl\xad…º", "Ä³\x1cÁ\x00\xad Ç\x15Ö"]
LATIN1_GARBLE = "도서관명,시도명,소재지도로명주소".encode("cp949").decode("latin-1").split(",")


def _mojibake(text: str) -> str:
    return text.encode("cp949").decode("latin-1")


def test_the_judge_tells_garbled_from_real_text():
    assert not judge(CALAMINE_GARBLE * 3).plausible
    assert not judge(LATIN1_GARBLE * 3).plausible
    assert "제어 문자" in judge(CALAMINE_GARBLE * 3).reason
    assert judge(["도서관명", "시도명", "서울특별시 종로구", "02-120-0001", 3.5, None]).plausible
    # isolated accented letters and the signs Korean sheets use are not garble
    assert judge(
        ["Café crème", "naïve", "Zürich Straße", "면적(㎡)", "온도(°C)", "±2", "3×4"] * 4
    ).plausible
    assert judge([]).plausible


def _scan_one(tmp_path, name: str, data: bytes | None = None, source: Path | None = None):
    """Scan one file in this process (the tests patch the reader, which the reader process of
    ``scan.isolated`` would not see)."""
    root = tmp_path / "자료"
    root.mkdir(exist_ok=True)
    target = root / name
    if source is not None:
        shutil.copyfile(source, target)
    else:
        target.write_bytes(data)
    cat = Catalog(tmp_path / "c.db")
    scan(cat, [str(root)])
    row = cat.conn.execute("SELECT * FROM datasets WHERE name = ?", (name,)).fetchone()
    return cat, row


def test_a_garbled_xls_reading_falls_back_to_xlrd(tmp_path, monkeypatch):
    """calamine's reading judged garbled: the file is read again with xlrd, and says so."""
    monkeypatch.setattr(isolated, "IN_CHILD", True)
    monkeypatch.setattr(excel_reader, "_calamine_verdict", lambda book: judge(CALAMINE_GARBLE * 5))
    cat, row = _scan_one(
        tmp_path, "인구.xls", source=FIXTURES / "corpus" / "01. population_in_Seoul.xls"
    )
    with cat:
        flags = json.loads(row["flags"])
        assert [f["code"] for f in flags] == ["reader_fallback"]
        assert row["status"] == "ok"
        labels = [
            r[0]
            for r in cat.conn.execute(
                "SELECT label FROM columns WHERE dataset_id = ?", (row["id"],)
            )
        ]
        assert "기간" in labels and judge(labels).plausible
        assert flags[0]["message"] in json.loads(row["warnings"])
        assert check_catalog(cat).excluded_datasets == []


def test_text_garbled_by_both_readers_is_flagged_and_kept_out_of_the_rate(tmp_path, monkeypatch):
    monkeypatch.setattr(isolated, "IN_CHILD", True)
    monkeypatch.setattr(excel_reader, "_calamine_verdict", lambda book: judge(CALAMINE_GARBLE * 5))
    monkeypatch.setattr(excel_reader, "judge", lambda cells: judge(CALAMINE_GARBLE * 4))
    cat, row = _scan_one(
        tmp_path, "인구.xls", source=FIXTURES / "corpus" / "01. population_in_Seoul.xls"
    )
    with cat:
        assert row["status"] == "ok"  # readable, but not trusted
        assert [f["code"] for f in json.loads(row["flags"])] == ["garbled_text"]
        report = check_catalog(cat)
        assert [e["dataset_id"] for e in report.excluded_datasets] == [row["id"]]
        assert "글자가 깨져" in report.excluded_datasets[0]["reason"]
        assert report.rates["catalog"][0].checked == 0  # its columns are not counted
        assert all(c["rate_excluded"] for c in report.columns)


def test_a_csv_holding_latin1_lookalikes_of_korean_is_flagged_end_to_end(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    root = tmp_path / "자료"
    root.mkdir()
    rows = [
        ["도서관명", "시도명", "소재지도로명주소"],
        ["동탄복합문화센터도서관", "경기도", "화성시 노작로 1"],
    ]
    text = "\n".join(",".join(_mojibake(v) for v in row) for row in rows * 3)
    (root / "깨진.csv").write_text(text, encoding="utf-8")
    (root / "정상.csv").write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    listed = json.loads(
        runner.invoke(cli, ["--catalog", db, "scan", str(root), "--json", "-q"]).stdout
    )
    by_name = {d["name"]: d for d in listed["datasets"]}
    assert [f["code"] for f in by_name["깨진.csv"]["flags"]] == ["garbled_text"]
    assert by_name["깨진.csv"]["rate_excluded"].startswith("준수율에서 뺌")
    assert by_name["정상.csv"]["flags"] == [] and by_name["정상.csv"]["rate_excluded"] is None
    checked = runner.invoke(cli, ["--catalog", db, "check"])
    assert checked.exit_code == 0
    assert "[준수율 제외] 깨진.csv" in checked.stdout
    data = json.loads(runner.invoke(cli, ["--catalog", db, "check", "--json"]).stdout)
    assert [e["path"] for e in data["excluded_datasets"]] == ["깨진.csv"]
    names = {r["name"] for r in data["rates"]["dataset"]}
    assert names == {"정상.csv"}
    problems = json.loads(
        runner.invoke(cli, ["--catalog", db, "validate", "--year", "2026", "--json"]).stdout
    )["problems"]
    assert any(p["code"] == "V42" and p["path"].endswith("깨진.csv") for p in problems)


def test_ragged_csv_rows_get_a_visible_warning(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    root = tmp_path / "자료"
    root.mkdir()
    lines = [
        "도서관명,휴관일,열람좌석수",
        '종로도서관,""2,4주 월요일"",120',  # broken quoting: one more cell, values shifted
        "중구도서관,매주 월요일,80",
        "용산도서관,매주 화요일,95",
    ]
    (root / "도서관.csv").write_text("\n".join(lines), encoding="utf-8")
    out = CliRunner().invoke(
        cli, ["--catalog", str(tmp_path / "c.db"), "scan", str(root), "--json", "-q"]
    )
    (dataset,) = json.loads(out.stdout)["datasets"]
    assert [f["code"] for f in dataset["flags"]] == ["ragged_rows"]
    assert "1개" in dataset["flags"][0]["message"]
    assert dataset["rate_excluded"] is None  # a warning, the labels are fine


@pytest.mark.corpus
@pytest.mark.skipif(not (SHARED / "MANIFEST.csv").is_file(), reason="../shared not present")
def test_the_real_library_workbook_shows_its_korean_labels(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    root = tmp_path / "자료"
    root.mkdir()
    for name in ("전국도서관표준데이터.xls", "전국도서관표준데이터.csv"):
        shutil.copyfile(SHARED / name, root / name)
    out = CliRunner().invoke(
        cli, ["--catalog", str(tmp_path / "c.db"), "scan", str(root), "--json", "-q"]
    )
    found = {d["name"]: d for d in json.loads(out.stdout)["datasets"]}
    xls = found["전국도서관표준데이터.xls"]
    labels = [c["label"] for c in xls["tables"][0]["columns"]]
    assert labels[:4] == ["도서관명", "시도명", "시군구명", "도서관유형"]
    assert judge(labels).plausible
    assert [f["code"] for f in xls["flags"]] == ["reader_fallback"]
    assert xls["rate_excluded"] is None
    samples = [s for c in xls["tables"][0]["columns"] for s in c["profile"]["samples"]]
    assert judge(samples).plausible
    csv_flags = [f["code"] for f in found["전국도서관표준데이터.csv"]["flags"]]
    assert csv_flags == ["ragged_rows"]
