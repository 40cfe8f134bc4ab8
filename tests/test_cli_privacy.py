"""`catalog-app privacy …`: the JSON contract (as the README documents it, both ways), exit
codes, overrides and exceptions from the command line (issue 14)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.cli_helpers import DOCS, run, run_json
from tests.test_cli import _spec_keys

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "privacy"
PEOPLE, BUSINESS = "복지대상자_명단.csv", "업소_목록.csv"
SHOW_CONTRACT = {"dataset_id", "table", "column", "kind", "personal", "quasi_identifier",
                 "sensitive", "reason", "source"}  # fmt: skip
CHECK_CONTRACT = {"dataset_id", "table", "open_columns", "quasi_identifiers", "k", "status"}


def _readme_keys(command: str) -> tuple[set[str], dict]:
    section = DOCS.read_text(encoding="utf-8").split("## Personal data (개인정보)", 1)[1]
    section = section.split("\n## ", 1)[0]
    spec = re.search(rf"`{command} --json`: `(\[\{{.*?\}}\])`", section, re.S)
    assert spec, f"README: no key list for {command}"
    keys = _spec_keys(spec.group(1)[1:-1])
    return keys[()], keys


@pytest.fixture
def setup(tmp_path, template):
    catalog = tmp_path / "c.db"
    shutil.copy(template, catalog)
    data = tmp_path / "자료"
    data.mkdir()
    for name in (PEOPLE, BUSINESS):
        shutil.copy(FIXTURES / name, data / name)
    run(catalog, "scan", str(data), "-q")
    run(catalog, "institution", "set", "--name", "테스트구", "--code", "1234567",
        "--phone", "02-123-4567")  # fmt: skip
    return catalog, tmp_path


def test_privacy_show_json_is_the_documented_contract(setup):
    catalog, _ = setup
    rows = run_json(catalog, "privacy", "show")
    documented, _ = _readme_keys("privacy show")
    assert documented >= SHOW_CONTRACT
    assert rows and all(set(r) == documented for r in rows)
    phone = next(r for r in rows if r["column"] == "전화번호")
    assert phone["personal"] is False and phone["kind"] == "phone" and phone["reason"]
    only = run_json(catalog, "privacy", "show", BUSINESS, "--personal-only")
    assert [r["column"] for r in only] == ["대표자명"]
    shown = run_json(catalog, "show", BUSINESS)
    columns = {c["label"]: c for c in shown["tables"][0]["columns"]}
    assert columns["전화번호"]["pii"] is None  # show --json keeps `pii`: null when not personal
    assert columns["전화번호"]["privacy"]["personal"] is False
    assert columns["대표자명"]["pii"]["kind"] == "person_name"
    assert "전화번호" in run(catalog, "privacy", "show").stdout


def test_privacy_check_json_is_the_documented_contract_and_exits_1_when_blocked(setup):
    catalog, _ = setup
    # The list of people is proposed 비공개: only the business list is checked, and its rows
    # are not people.
    rows = run_json(catalog, "privacy", "check")
    assert [(r["dataset"], r["status"], r["k"]) for r in rows] == [
        ("테스트구_업소_목록", "not_applicable", None)
    ]
    run(catalog, "meta", "set", PEOPLE, "공개여부=부분공개", "비공개사유=9-6")
    rows = run_json(catalog, "privacy", "check", code=1)
    documented, nested = _readme_keys("privacy check")
    assert documented >= CHECK_CONTRACT
    assert all(set(r) == documented for r in rows)
    people = next(r for r in rows if r["status"] == "below_k")
    assert people["k"] == 1 and people["quasi_identifiers"]
    assert all(set(g) == nested[("small_groups",)] for g in people["small_groups"])
    assert all(set(s) == nested[("suggestions",)] for s in people["suggestions"])
    text = run(catalog, "privacy", "check", code=1).stdout
    assert "재식별 위험" in text and "범주화" in text


def test_overrule_undo_and_history_from_the_command_line(setup):
    catalog, _ = setup
    rows = run_json(catalog, "privacy", "show", BUSINESS)
    phone = next(r for r in rows if r["column"] == "전화번호")["column_id"]
    run(catalog, "privacy", "set", str(phone), "--personal", code=2)  # --reason is required
    run(catalog, "privacy", "set", str(phone), "--personal", "--reason", " ", code=1)
    run(catalog, "privacy", "set", "99999", "--personal", "--reason", "x", code=1)
    run(catalog, "privacy", "set", str(phone), "--personal", "--reason", "개인 번호")
    row = next(r for r in run_json(catalog, "privacy", "show") if r["column_id"] == phone)
    assert row["personal"] and row["source"] == "clerk" and row["override"]["reason"] == "개인 번호"
    history = run_json(catalog, "privacy", "history")
    assert history[0]["action"] == "set" and history[0]["label"] == "전화번호"
    run(catalog, "privacy", "undo")
    row = next(r for r in run_json(catalog, "privacy", "show") if r["column_id"] == phone)
    assert row["personal"] is False and row["override"] is None
    run(catalog, "privacy", "undo", code=1)  # nothing left
    run(catalog, "privacy", "clear", str(phone), code=1)


@pytest.mark.slow
def test_an_exception_lets_the_export_through(setup):
    catalog, tmp = setup
    run(catalog, "map", "-q")
    run(catalog, "meta", "set", PEOPLE, "공개여부=부분공개", "비공개사유=9-6")
    out = tmp / "목록.xlsx"
    refused = run_json(catalog, "export", "--year", "2026", "--kind", "inventory",
                       "--out", str(out), "--force", code=1)  # fmt: skip
    assert refused["blocked"] and any(p["code"] == "P02" for p in refused["problems"])
    assert not out.exists()
    run(catalog, "privacy", "allow", BUSINESS, "--reason", "x", code=1)  # k is not below 5 there
    run(catalog, "privacy", "allow", PEOPLE, "--reason", "행정안전부 협의 후 시범 공개")
    done = run_json(catalog, "export", "--year", "2026", "--kind", "inventory",
                    "--out", str(out), "--force")  # fmt: skip
    assert out.exists() and done["paths"] == [str(out)]
    sheet = tmp / "재식별.xlsx"
    assert run(catalog, "privacy", "worksheet", "--out", str(sheet)).stdout.strip() == str(sheet)
    run(catalog, "privacy", "revoke", PEOPLE, "--table", "#0")
    run_json(catalog, "privacy", "check", code=1)
