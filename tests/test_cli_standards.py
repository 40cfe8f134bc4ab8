"""`catalog-app standards …` driven the way a standards manager's script would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from catalog_app.cli import cli
from catalog_app.dictionary.formats import read_dictionary, write_csv
from catalog_app.dictionary.model import Dictionary, Domain, Term, Word


@pytest.fixture
def db(template, tmp_path) -> str:
    path = tmp_path / "catalog.db"
    shutil.copy(template, path)
    return str(path)


def run(db: str, *args: str, code: int = 0):
    result = CliRunner().invoke(
        cli, ["--catalog", db, "standards", *args], env={"CATALOG_APP_USER": "관리자"}
    )
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


def run_json(db: str, *args: str, code: int = 0):
    return json.loads(run(db, *args, "--json", code=code).output)


def later_edition(folder: Path) -> Path:
    """A small edition trio in the 7차 CSV layout: a retired and a new term."""
    d = Dictionary(
        words=[
            Word("가입", "JOIN", enacted="9차(2027-11)"),
            Word("일자", "YMD", is_class_word=True, domain_class="연월일", enacted="9차(2027-11)"),
        ],
        terms=[
            Term("가입일자", "JOIN_YMD", "연월일C8", description="새 설명", enacted="9차(2027-11)")
        ],
        domains=[
            Domain(
                "연월일C8",
                "날짜/시간",
                "연월일",
                data_type="CHAR",
                length="8",
                enacted="9차(2027-11)",
            )
        ],
    )
    folder.mkdir()
    write_csv(d, folder)
    return folder


@pytest.mark.slow
def test_list_import_use_and_diff(db, tmp_path):
    editions = run_json(db, "list-editions")
    assert [(e["key"], e["is_current"]) for e in editions if e["layer"] == "official"] == [
        ("7차(2024-11)", True)
    ]
    imported = run_json(db, "import", str(later_edition(tmp_path / "e9")))
    assert imported["key"] == "9차(2027-11)" and not imported["is_current"]
    run(db, "import", str(tmp_path / "e9"), code=1)  # the same edition twice: a Korean error
    diff = run_json(db, "diff", "7차(2024-11)", "9차(2027-11)")
    assert diff["terms"]["added"] == [] and "가입명" not in diff["terms"]["added"]
    assert len(diff["terms"]["retired"]) == 9026
    assert diff["terms"]["changed"][0]["name"] == "가입일자"
    out = tmp_path / "diff.xlsx"
    run(db, "diff", "7차(2024-11)", "9차(2027-11)", "--out", str(out))
    assert load_workbook(out).sheetnames == ["요약", "단어", "용어", "도메인"]
    used = run_json(db, "use", "9차(2027-11)")
    assert used["current"]["key"] == "9차(2027-11)" and used["affected_mappings"] == []
    run(db, "use", "없는판", code=1)


def test_search_and_validate(db):
    hits = run_json(db, "search", "가입일자")
    assert hits[0]["name"] == "가입일자" and hits[0]["abbr"] == "JOIN_YMD"
    ok = run(db, "validate", "--term", "축제종류명", "--abbr", "FSTVL_KND_NM", "--domain", "명V100")
    assert "이상 없음" in ok.output
    bad = run(
        db, "validate", "--term", "축제종류", "--abbr", "FSTVL_KND", "--domain", "명V100", code=1
    )
    assert "오류" in bad.output


@pytest.mark.slow
def test_propose_review_approve_history_undo(db):
    proposed = run_json(
        db, "propose", "축제종류명", "--max-bytes", "150", "--origin", "행사.xlsx/축제종류"
    )
    assert proposed["term"]["abbr"] == "FSTVL_KND_NM" and proposed["term"]["domain"] == "명V200"
    pending = run_json(db, "review")
    assert [p["name"] for p in pending] == ["축제종류명"] and pending[0]["proposed_by"] == "관리자"
    run(db, "review", "--approve", str(proposed["id"]))
    assert run_json(db, "review") == []
    assert run_json(db, "search", "축제종류명")[0]["layer"] == "institution"
    history = run_json(db, "history")
    assert [h["action"] for h in history[:2]] == ["approve", "propose"]
    run(db, "undo")
    assert [p["name"] for p in run_json(db, "review")] == ["축제종류명"]
    rejected = run(db, "review", "--reject", str(proposed["id"]), "--reason", "기존 용어 사용")
    assert "반려" in rejected.output


@pytest.mark.slow
def test_export_and_hand_over_to_another_pc(db, template, tmp_path):
    run(db, "add-word", "드론", "--english", "Drone")
    run(db, "add-term", "드론촬영일자")
    run(db, "add-term", "축제종류", code=1)  # no class word: refused with the rule's message
    export = tmp_path / "기관표준.xlsx"
    run(db, "export", str(export))
    assert read_dictionary(export).terms[0].name == "드론촬영일자"
    other = tmp_path / "other.db"
    shutil.copy(template, other)
    run(str(other), "import", str(export), "--institution")
    own = run_json(str(other), "search", "드론촬영일자")
    assert (
        own[0]["layer"] == "institution"
        and own[0]["abbr"] == run_json(db, "search", "드론촬영일자")[0]["abbr"]
    )
    csv_folder = tmp_path / "csv"
    run(db, "export", str(csv_folder), "--scope", "all")
    both = read_dictionary(csv_folder)
    assert len(both.terms) == 9039 + 1
