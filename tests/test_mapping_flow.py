"""Mapping over a scanned catalog: suggestions stored, decisions with undo, memory, 준수율, CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.catalog.store import Catalog
from catalog_app.cli import cli
from catalog_app.dictionary.store import DictionaryStore
from catalog_app.matching.decisions import MappingDesk
from catalog_app.matching.errors import MappingError
from catalog_app.matching.jobs import check_catalog, map_catalog
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).parent / "fixtures"


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])


@pytest.fixture
def dept_catalog(tmp_path):
    root = tmp_path / "부서"
    write_csv(
        root / "복지과" / "시설.csv",
        ["시설명", "소재지(도로명)", "개관일자", "비고"],
        [
            ["중앙도서관", "서울특별시 중구 세종대로 1", "20200105", ""],
            ["구민체육관", "서울특별시 종로구 종로 5", "20190301", "보수"],
        ],
    )
    write_csv(
        root / "문화과" / "행사.csv",
        ["소재지(도로명)", "행사명"],
        [["서울특별시 중구 을지로 3", "봄 축제"], ["서울특별시 중구 명동 2", "가을 축제"]],
    )
    cat = Catalog(tmp_path / "c.db")
    DictionaryStore(cat).ensure_shipped()
    scan(cat, [str(root)])
    yield cat
    cat.close()


def column_id(cat, dataset: str, label: str) -> int:
    return cat.conn.execute(
        """SELECT c.id FROM columns c JOIN datasets d ON d.id = c.dataset_id
           WHERE d.name = ? AND c.label = ?""",
        (dataset, label),
    ).fetchone()[0]


def match(cat, cid: int) -> dict:
    row = cat.conn.execute("SELECT * FROM column_match WHERE column_id = ?", (cid,)).fetchone()
    return {
        "kind": row["kind"],
        "candidates": json.loads(row["candidates"]),
        "compliant": row["compliant"],
    }


def test_map_stores_suggestions_for_every_column(dept_catalog):
    summary = map_catalog(dept_catalog)
    assert summary.columns == 6
    exact = match(dept_catalog, column_id(dept_catalog, "시설.csv", "시설명"))
    assert exact["kind"] == "exact" and exact["candidates"][0]["term"] == "시설명"
    variant = match(dept_catalog, column_id(dept_catalog, "시설.csv", "소재지(도로명)"))
    assert variant["kind"] == "variant" and variant["candidates"]


def test_decisions_undo_and_bulk_accept(dept_catalog):
    map_catalog(dept_catalog)
    desk = MappingDesk(dept_catalog, who="주무관")
    cid = column_id(dept_catalog, "시설.csv", "소재지(도로명)")
    desk.accept(cid, "소재지주소", kind="variant")
    assert desk.decision(cid)["term_name"] == "소재지주소"
    assert desk.decision(cid)["decided_by"] == "주무관"
    desk.reject(cid, "소재지주소")
    assert desk.decision(cid)["status"] == "rejected"
    desk.undo()
    assert desk.decision(cid)["status"] == "accepted"
    desk.undo()
    assert desk.decision(cid) is None
    with pytest.raises(MappingError):
        desk.accept(cid, "없는용어이름")
    batch, n = desk.bulk_accept(0.95)
    assert n >= 1 and batch is not None
    accepted = dept_catalog.conn.execute("SELECT COUNT(*) FROM column_mappings").fetchone()[0]
    assert accepted == n
    desk.undo()  # the whole batch at once
    assert dept_catalog.conn.execute("SELECT COUNT(*) FROM column_mappings").fetchone()[0] == 0


def test_decisions_survive_a_rescan(dept_catalog, tmp_path):
    map_catalog(dept_catalog)
    desk = MappingDesk(dept_catalog)
    desk.accept(column_id(dept_catalog, "시설.csv", "소재지(도로명)"), "소재지주소")
    scan(dept_catalog, [str(tmp_path / "부서")], force=True)  # columns get new ids
    cid = column_id(dept_catalog, "시설.csv", "소재지(도로명)")
    assert desk.decision(cid)["term_name"] == "소재지주소"


def test_memory_makes_an_accepted_label_the_top_suggestion_elsewhere(dept_catalog, tmp_path):
    map_catalog(dept_catalog)
    desk = MappingDesk(dept_catalog)
    desk.accept(column_id(dept_catalog, "시설.csv", "소재지(도로명)"), "소재지주소")
    map_catalog(dept_catalog)
    other = match(dept_catalog, column_id(dept_catalog, "행사.csv", "소재지(도로명)"))
    assert other["candidates"][0]["term"] == "소재지주소"
    memory_file = tmp_path / "memory.csv"
    assert desk.export_memory(memory_file) == 1
    fresh = Catalog(tmp_path / "other.db")
    try:
        assert MappingDesk(fresh).import_memory(memory_file) == 1
        assert MappingDesk(fresh).memory()[next(iter(desk.memory()))]["term_name"] == "소재지주소"
    finally:
        fresh.close()


def test_check_reports_compliance_with_formula(dept_catalog):
    map_catalog(dept_catalog)
    report = check_catalog(dept_catalog)
    overall = report.rates["catalog"][0]
    assert overall.checked == 6 and 0 <= overall.compliant <= 6
    assert "준수 컬럼" in overall.formula and "× 100" in overall.formula
    departments = {r.name for r in report.rates["department"]}
    assert departments == {"복지과", "문화과"}
    names = {c["label"]: c for c in report.columns}
    assert any(c["code"] == "N1" for c in names["소재지(도로명)"]["checks"])
    # accepting a mapping does not make a decorated header compliant: the file still says (도로명)
    desk = MappingDesk(dept_catalog)
    desk.accept(column_id(dept_catalog, "시설.csv", "소재지(도로명)"), "소재지주소")
    names = {
        c["label"]: c for c in check_catalog(dept_catalog).columns if c["path"].endswith("시설.csv")
    }
    assert names["소재지(도로명)"]["term"] == "소재지주소"
    assert names["소재지(도로명)"]["compliant"] is False


def test_cli_map_check_and_suggest_contract(dept_catalog, tmp_path):
    db = str(dept_catalog.path)
    runner = CliRunner()
    mapped = runner.invoke(cli, ["--catalog", db, "map", "-q", "--json", "--auto-accept", "0.99"])
    assert mapped.exit_code == 0, mapped.output
    summary = json.loads(mapped.output)
    assert summary["columns"] == 6 and summary["accepted"] >= 1
    checked = runner.invoke(cli, ["--catalog", db, "check", "--json"])
    data = json.loads(checked.output)
    assert set(data) == {
        "rates",
        "columns",
        "top_nonstandard_words",
        "blocked",
        "unsuggested",
        "excluded_datasets",
    }
    assert data["blocked"] is False and data["unsuggested"] == 0
    assert data["rates"]["catalog"][0]["formula"]
    input_csv = tmp_path / "in.csv"
    write_csv(
        input_csv,
        ["header", "values"],
        [["시설명", "도서관 | 체육관"], ["2014년", "430 | 99"], ["축제종류", "봄 | 가을"]],
    )
    out = runner.invoke(cli, ["--catalog", db, "suggest", "--input", str(input_csv), "--json"])
    lines = [json.loads(x) for x in out.output.splitlines()]
    assert [x["header"] for x in lines] == ["시설명", "2014년", "축제종류"]
    for x in lines:
        assert set(x) == {"header", "kind", "candidates", "proposal", "checks", "band"}
        assert len(x["candidates"]) <= 5
        for c in x["candidates"]:
            assert set(c) == {"term", "abbr", "domain", "score", "reasons"} and 0 <= c["score"] <= 1
    assert lines[0]["kind"] == "exact" and lines[0]["candidates"][0]["term"] == "시설명"
    assert lines[1]["kind"] == "not_a_column"
    undo = runner.invoke(cli, ["--catalog", db, "mapping", "undo"])
    assert undo.exit_code == 0 and "되돌렸습니다" in undo.output


def test_a_rejected_term_is_not_offered_again(dept_catalog):
    map_catalog(dept_catalog)
    cid = column_id(dept_catalog, "시설.csv", "시설명")
    top = match(dept_catalog, cid)["candidates"][0]["term"]
    MappingDesk(dept_catalog).reject(cid, top)
    map_catalog(dept_catalog)
    assert top not in [c["term"] for c in match(dept_catalog, cid)["candidates"]]


def test_memory_file_resaved_by_korean_excel_imports(dept_catalog, tmp_path):
    """Excel re-saves an edited CSV as CP949: the other department can still import it."""
    map_catalog(dept_catalog)
    desk = MappingDesk(dept_catalog)
    desk.accept(column_id(dept_catalog, "시설.csv", "소재지(도로명)"), "소재지주소")
    memory_file = tmp_path / "memory.csv"
    desk.export_memory(memory_file)
    resaved = tmp_path / "memory_cp949.csv"
    resaved.write_bytes(memory_file.read_text(encoding="utf-8-sig").encode("cp949"))
    fresh = Catalog(tmp_path / "other.db")
    try:
        assert MappingDesk(fresh).import_memory(resaved) == 1
        assert next(iter(MappingDesk(fresh).memory().values()))["term_name"] == "소재지주소"
    finally:
        fresh.close()
