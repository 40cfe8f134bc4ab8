"""`catalog-app categories | system | registered | deadlines` and the `check --json` split rates:
the commands a coordinator runs, their Korean refusals, and the `--json` contracts against the
README (keys only ever added)."""

from __future__ import annotations

import re
import shutil

import openpyxl
import pytest

from tests.cli_helpers import run, run_json
from tests.test_cli import DOCS, _spec_keys
from tests.test_disclosure_registered import portal_row, write_list
from tests.test_disclosure_store import make_tree

DEADLINE_KEYS = {"dataset_id", "kind", "due", "days_left", "message", "dataset", "path"}
RATE_KEYS = {
    "scope", "name", "compliant", "checked", "excluded", "rate", "formula", "key",
    "word_compliant", "word_checked", "word_rate", "word_formula",
    "term_compliant", "term_checked", "term_rate", "term_formula",
    "domain_compliant", "domain_checked", "domain_rate", "domain_formula",
}  # fmt: skip


@pytest.fixture
def lists_catalog_path(tmp_path, template):
    path = tmp_path / "c.db"
    shutil.copy(template, path)
    make_tree(tmp_path / "자료")
    run(path, "scan", str(tmp_path / "자료"), "-q")
    run(path, "institution", "set", "--name", "종로구", "--code", "3000000")
    return path


def _readme(section_title: str) -> str:
    text = DOCS.read_text(encoding="utf-8")
    return " ".join(text.split(section_title, 1)[1].split("\n## ", 1)[0].split())


def _documented(name: str) -> dict:
    section = _readme("## Yearly disclosure (공개목록)")
    m = re.search(rf"`{re.escape(name)}`: `(\[?\{{.*?\}}\]?)`", section)
    assert m, f"README: no key list for {name}"
    return _spec_keys(m.group(1))


def test_check_json_split_rates_match_the_readme(lists_catalog_path):
    data = run_json(lists_catalog_path, "check")
    section = _readme("## Mapping columns to the standard (매핑)")
    m = re.search(r"`check` → `(\{.*?\})` \(`kind`", section)
    assert m, "README: check --json keys not found"
    doc = _spec_keys(m.group(1))
    for scope in ("table", "dataset", "department", "catalog"):
        for record in data["rates"][scope]:
            assert set(record) == RATE_KEYS == doc[("rates", "table")]
    catalog_rate = data["rates"]["catalog"][0]
    assert catalog_rate["term_formula"].startswith("용어 준수 컬럼")
    assert catalog_rate["word_rate"] is not None and catalog_rate["word_checked"] > 0
    column = data["columns"][0]
    assert set(column) == doc[("columns",)]
    assert set(column["parts"]) == {"word", "term", "domain"}


def test_check_text_prints_the_split(lists_catalog_path):
    out = run(lists_catalog_path, "check").stdout
    assert "단어 준수 컬럼" in out and "용어 준수 컬럼" in out and "도메인" in out


def test_categories_commands(lists_catalog_path, tmp_path):
    rows = run_json(lists_catalog_path, "categories", "list")
    assert set(rows[0]) == _documented("categories list")[()]
    assert {"공공행정 - 일반행정", "일반공공행정 - 일반행정"} <= {r["label"] for r in rows}
    older = run_json(lists_catalog_path, "categories", "list", "--style", "이전")
    assert older and all(r["style"] == "이전" for r in older)
    run(lists_catalog_path, "categories", "add", "교통물류 - 버스")
    run(lists_catalog_path, "categories", "add", "교통및물류 - 버스", "--as", "교통물류 - 버스")
    refused = run(lists_catalog_path, "categories", "add", "옛분류 - 버스", code=1)
    assert "지금 쓰는 대분류가 아닙니다" in refused.stderr
    out = tmp_path / "분류.csv"
    run(lists_catalog_path, "categories", "export", str(out))
    assert "교통및물류 - 버스,이전,교통물류 - 버스" in out.read_text(encoding="utf-8-sig")
    run(lists_catalog_path, "categories", "reset")
    run(lists_catalog_path, "categories", "import", str(out))
    assert "교통물류 - 버스" in {
        r["label"] for r in run_json(lists_catalog_path, "categories", "list")
    }


def test_system_commands_and_the_database_sheet(lists_catalog_path, tmp_path):
    run(lists_catalog_path, "system", "set", "주차관리", "물리DB명=PRKDB", "테이블소유자=PRK")
    refused = run(lists_catalog_path, "system", "set", "주차관리", "없는항목=1", code=1)
    assert "알 수 없는 항목" in refused.stderr
    assert (
        "등록된 정보시스템이 아닙니다"
        in run(lists_catalog_path, "system", "link", "교통과", "없는시스템", code=1).stderr
    )
    run(lists_catalog_path, "system", "link", "교통과", "주차관리")
    (system,) = run_json(lists_catalog_path, "system", "list")
    assert set(system) == _documented("system list")[()]
    assert system == {
        "name": "주차관리",
        "fields": {"physical_db": "PRKDB", "owner": "PRK"},
        "folders": ["교통과"],
    }
    shown = run_json(lists_catalog_path, "meta", "show", "주차장.csv")
    assert (
        shown["fields"]["info_system"] == "주차관리"
        and shown["sources"]["info_system"] == "settings"
    )
    run(lists_catalog_path, "export", "--year", "2026", "--kind", "definitions", "--out", str(tmp_path / "정의.xlsx"), "--force")  # fmt: skip
    wb = openpyxl.load_workbook(tmp_path / "정의.xlsx")
    (db,) = list(wb["데이터베이스정의서"].iter_rows(min_row=2, values_only=True))
    assert "PRKDB" in db and "주차관리" in db


@pytest.mark.slow
def test_registered_import_previews_then_confirms(lists_catalog_path, tmp_path):
    path = write_list(tmp_path / "목록개방현황.csv", [portal_row("15000001", "종로구_주차장")])
    preview = run_json(lists_catalog_path, "registered", "import", str(path))
    doc = _documented("registered import")
    assert set(preview) == doc[()]
    assert set(preview["proposals"][0]) == doc[("proposals",)]
    assert set(preview["unregistered"][0]) == doc[("unregistered",)]
    assert preview["applied"] is False and preview["proposals"][0]["how"] == "title"
    assert run_json(lists_catalog_path, "registered", "status") == []  # nothing imported yet
    text = run(lists_catalog_path, "registered", "import", str(path)).stdout
    assert "아직 아무것도 바꾸지 않았습니다" in text
    done = run_json(lists_catalog_path, "registered", "import", str(path), "--confirm")
    assert done["applied"] is True and done["import_id"] == 1
    status = run_json(lists_catalog_path, "registered", "status")
    assert set(status[0]) == _documented("registered status")[()]
    assert {(e["action"], e["path"]) for e in status} == {
        ("유지", "교통과/주차장.csv"),
        ("신규", "복지과/수급자.csv"),
    }


@pytest.mark.parametrize(
    "content,message",
    [
        ("이름,전화\n홍길동,010\n".encode("cp949"), "형식을 알 수 없습니다"),
        (b"", "빈 파일입니다"),
    ],
)
def test_registered_import_refuses_with_korean_and_changes_nothing(
    lists_catalog_path, tmp_path, content, message
):
    path = tmp_path / "목록.csv"
    path.write_bytes(content)
    result = run(lists_catalog_path, "registered", "import", str(path), "--confirm", code=1)
    assert message in result.stderr
    refused = run_json(lists_catalog_path, "registered", "import", str(path), "--confirm", code=1)
    assert refused == {"applied": False, "error": refused["error"]} and message in refused["error"]
    assert run_json(lists_catalog_path, "registered", "status") == []


def test_deadlines_json_matches_the_readme(lists_catalog_path, tmp_path):
    path = write_list(tmp_path / "목록.csv", [portal_row("15000001", "종로구_주차장")])
    run(lists_catalog_path, "registered", "import", str(path), "--confirm")
    found = run_json(lists_catalog_path, "deadlines", "--all")
    assert found and all(set(d) == DEADLINE_KEYS == _documented("deadlines")[()] for d in found)
    kinds = {d["kind"] for d in found}
    assert {"register_new", "calendar"} <= kinds
    new = next(d for d in found if d["kind"] == "register_new")
    assert new["path"] == "복지과/수급자.csv" and new["days_left"] <= 15
    assert "신규 등록" in run(lists_catalog_path, "deadlines").stdout
