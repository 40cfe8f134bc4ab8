"""`catalog-app quality …`: the commands a quality manager types and the `--json` contract the
README documents (checked both ways: every documented key is emitted, every emitted key is
documented), exit codes, the xlsx report's sheets, the code-list import."""

from __future__ import annotations

import re
import shutil

import pytest
from openpyxl import load_workbook

from tests.cli_helpers import DOCS, _stderr, run, run_json
from tests.quality_helpers import write_facilities


@pytest.fixture(scope="module")
def setup(template, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli_quality")
    db = tmp / "catalog.db"
    shutil.copy(template, db)
    folder = tmp / "data"
    planted = write_facilities(folder / "시설.csv")
    run(db, "scan", str(folder), "-q")
    return {"catalog": db, "tmp": tmp, "folder": folder, "planted": planted}


def _balanced(text: str, start: int) -> str:
    """The bracketed text opening at ``text[start]`` ('{' or '['), nested brackets included."""
    depth = 0
    for i in range(start, len(text)):
        depth += text[i] in "{["
        depth -= text[i] in "}]"
        if depth == 0:
            return text[start : i + 1]
    raise AssertionError("README: unbalanced brackets")


def _readme() -> dict[str, dict]:
    from tests.test_cli import _spec_keys

    section = DOCS.read_text(encoding="utf-8").split("## Data quality diagnosis (품질진단)", 1)[1]
    section = " ".join(section.split("\n## ", 1)[0].split())
    out = {}
    for name in ("quality run", "quality show", "quality log", "quality rules list"):
        m = re.search(rf"`{re.escape(name)}`: `(?=[\[{{])", section)
        assert m, f"README: no key list for {name}"
        spec = _balanced(section, m.end())
        out[name] = _spec_keys(spec if spec.startswith("{") else spec[1:-1])
    for key in ("provision", "fix"):  # sub-objects documented after the main list
        m = re.search(rf"`{key}` `null` or `(?=\{{)", section)
        assert m, f"README: no key list for {key}"
        out[key] = _spec_keys(_balanced(section, m.end()))[()]
    return out


def test_run_show_rules_fix_log_and_the_readme_contract(setup):
    cat, planted = setup["catalog"], setup["planted"]
    doc = _readme()
    added = run_json(cat, "quality", "rules", "add", "--dataset", "시설.csv", "--user", "품질담당",
                     "개설일자 <= 폐업일자")  # fmt: skip
    assert (
        added["kind"] == "compare" and added["created_by"] == "품질담당" and added["problems"] == []
    )
    bad = run(cat, "quality", "rules", "add", "--term", "시설명", "시설명 ~ [가-")
    assert "실행할 수 없습니다" in _stderr(bad)
    ran = run_json(cat, "quality", "run")
    assert ran["blocked"] is False and ran["status"] == "done" and ran["unrunnable"] == 1
    shown = run_json(cat, "quality", "show")
    finding = next(f for f in shown["findings"] if f["rule"] == "flag_yn")
    assert finding["errors"] == planted.errors[("CCTV설치여부", "flag_yn")]
    out = run(
        cat,
        "quality",
        "fix",
        str(finding["id"]),
        "--done",
        "--reason",
        "Y로 고침",
        "--user",
        "품질담당",
    )
    assert "조치 완료" in out.stdout
    run(cat, "quality", "fix", str(finding["id"]), "--exception", code=1)  # no reason: refused
    log = run_json(cat, "quality", "log")
    rules = run_json(cat, "quality", "rules", "list")
    shown = run_json(cat, "quality", "show")
    dataset = shown["datasets"][0]
    actual = {
        "quality run": {(): set(ran)},
        "quality show": {
            (): set(shown),
            ("run",): set(shown["run"]),
            ("institution",): set(shown["institution"]),
            ("departments",): set(shown["departments"][0]),
            ("rules",): set(shown["rules"][0]),
            ("datasets",): set(dataset),
            ("columns",): set(shown["columns"][0]),
            ("findings",): set(shown["findings"][0]),
        },
        "quality log": {(): set(log[0])},
        "quality rules list": {(): set(rules[0])},
    }
    # the issue's contract, verbatim
    assert {"findings", "datasets"} <= set(shown)
    assert {
        "dataset_id",
        "table",
        "column",
        "rule",
        "checked",
        "errors",
        "error_rate",
        "samples",
    } <= set(shown["findings"][0])
    assert {
        "dataset_id",
        "checked",
        "errors",
        "error_rate",
        "provision_standard",
        "conformance",
    } <= set(dataset)
    problems = []
    for name, paths in actual.items():
        for path, keys in paths.items():
            documented = doc[name].get(path, set())
            if keys - documented:
                problems.append(
                    f"{name} {path}: emitted, not documented {sorted(keys - documented)}"
                )
            if documented - keys:
                problems.append(
                    f"{name} {path}: documented, not emitted {sorted(documented - keys)}"
                )
    fixed = next(f for f in shown["findings"] if f["id"] == finding["id"])
    assert set(fixed["fix"]) == doc["fix"]
    with_standard = run_json(cat, "quality", "show")  # no 제공표준 here: checked in the corpus test
    assert all(d["provision"] is None for d in with_standard["datasets"])
    assert problems == []
    unrunnable = [f for f in shown["findings"] if f["status"] == "cannot_run"]
    assert len(unrunnable) == 1 and "정규식" in unrunnable[0]["message"]


def test_text_output_and_exit_codes(setup):
    cat = setup["catalog"]
    out = run(cat, "quality", "show", "시설.csv")
    assert "오류율" in out.stdout and "예:" in out.stdout
    run(cat, "quality", "rules", "add", "--dataset", "시설.csv", "무엇이든 아닌 것", code=2)
    run(cat, "quality", "rules", "add", "A <= B", code=2)  # neither --dataset nor --term
    run(cat, "quality", "fix", "999999", "--done", "--reason", "x", code=1)
    run(cat, "quality", "show", "없는파일.csv", code=1)


def test_refused_while_suggestions_are_missing(setup, tmp_path):
    import sqlite3

    db = tmp_path / "c.db"
    shutil.copy(setup["catalog"], db)
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM column_match")
    conn.commit()
    conn.close()
    refused = run_json(db, "quality", "run", code=1)
    assert refused["blocked"] is True and "표준용어 제안이 없는 컬럼" in refused["message"]
    assert run_json(db, "quality", "run", "--force")["unsuggested"] > 0


def test_export_writes_every_sheet(setup):
    cat, tmp = setup["catalog"], setup["tmp"]
    run(cat, "quality", "run", "-q")
    out = run_json(cat, "quality", "export", str(tmp / "품질진단.xlsx"))
    wb = load_workbook(out["path"])
    assert wb.sheetnames == [
        "요약",
        "규칙별",
        "컬럼별",
        "진단 결과",
        "제공표준",
        "조치 이력",
        "업무 규칙",
    ]
    cells = [
        str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None
    ]
    assert "010-1234-5678" not in " ".join(cells)  # samples stay masked in the report
    assert any("오류 값" in c and "× 100" in c for c in cells)
    run(cat, "quality", "export", str(tmp / "report.txt"), code=1)


def test_code_lists(setup, tmp_path):
    cat = setup["catalog"]
    shown = {c["kind"]: c for c in run_json(cat, "quality", "codes", "show")}
    assert shown["legal_dong"]["imported"] is False and shown["legal_dong"]["count"] > 40000
    path = tmp_path / "기관.txt"
    path.write_text("기관코드\n1234567\n", encoding="utf-8")
    assert "1개를 가져왔습니다" in run(cat, "quality", "codes", "import", "org", str(path)).stdout
    assert {c["kind"]: c for c in run_json(cat, "quality", "codes", "show")}["org"]["imported"]
    run(cat, "quality", "codes", "forget", "org")
    junk = tmp_path / "junk.csv"
    junk.write_text("a,b\n1,2\n", encoding="utf-8")
    run(cat, "quality", "codes", "import", "legal_dong", str(junk), code=1)


def test_quality_commands_are_documented():
    text = DOCS.read_text(encoding="utf-8")
    for command in ("quality run", "quality show", "quality rules add", "quality fix", "quality log",
                    "quality export", "quality codes import"):  # fmt: skip
        assert f"catalog-app {command}" in text, command
