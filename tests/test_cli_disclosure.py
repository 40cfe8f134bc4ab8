"""The yearly disclosure driven from the command line, as a coordinator's script would.

Scan → institution settings → bulk metadata from the template → validate → snapshot 2024 →
edits → diff 2024→2025 → every export, read back. Also the --json contracts (README).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from catalog_app.cli import cli
from tests.test_disclosure_store import make_tree

VALIDATE_KEYS = {"year", "source", "counts", "blocking", "problems"}
PROBLEM_KEYS = {
    "severity", "code", "message", "dataset", "dataset_id", "path", "level", "field",
    "field_label", "table", "column",
}  # fmt: skip
SNAPSHOT_KEYS = {"year", "created_at", "created_by", "forced", "problems", "summary", "sha256"}
EXPORT_KEYS = {"kind", "year", "source", "paths", "forced", "counts"}
DIFF_KEYS = {"from", "to", "from_source", "to_source", "summary", "changes"}
CHANGE_KEYS = {
    "level", "action", "dataset", "path", "table", "column", "field", "field_label", "old", "new",
}  # fmt: skip


def run(catalog: Path, *args: str, code: int = 0):
    result = CliRunner().invoke(cli, ["--catalog", str(catalog), *args])
    assert result.exit_code == code, (args, result.output, result.exception)
    return result


def run_json(catalog: Path, *args: str, code: int = 0):
    return json.loads(run(catalog, *args, "--json", code=code).stdout)


@pytest.fixture
def setup(tmp_path, template) -> dict:
    catalog = tmp_path / "c.db"
    shutil.copy(template, catalog)
    data = tmp_path / "자료"
    make_tree(data)
    run(catalog, "scan", str(data), "-q")
    run(catalog, "map", "-q")
    return {"catalog": catalog, "data": data, "tmp": tmp_path}


def fill_template(catalog: Path, tmp: Path) -> Path:
    """The coordinator's round trip: template out, fill the blanks in Excel, import."""
    template = tmp / "양식.csv"
    run(catalog, "meta", "template", "--out", str(template), "--year", "2025")
    with open(template, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row.update(
            {
                "분류체계": "교통물류 - 도로" if "주차장" in row["원본 파일"] else "사회복지",
                "업데이트 주기": "연간",
                "차기 등록 예정일": "2099-03-31",
                "키워드": "종로구",
                "설명": "=1+1 이 설명은 수식이 아닙니다",
                "이용허락범위": "공공저작물_출처표시",
            }
        )
    with open(template, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return template


@pytest.mark.slow
def test_full_year_cycle(setup):
    catalog, tmp = setup["catalog"], setup["tmp"]
    out = run_json(catalog, "validate", "--year", "2024", code=1)
    assert set(out) == VALIDATE_KEYS and out["blocking"] is True
    assert set(out["problems"][0]) == PROBLEM_KEYS
    assert {"V01", "V10"} <= {p["code"] for p in out["problems"]}

    run(catalog, "institution", "set", "--name", "서울특별시 종로구", "--code", "3000000",
        "--phone", "02-2148-0000")  # fmt: skip
    run(catalog, "institution", "department", "교통과", "교통행정과", "--phone", "02-2148-1234")
    imported = run_json(catalog, "meta", "import", str(fill_template(catalog, tmp)))
    assert imported["datasets"] == 2 and imported["skipped"] == []

    out = run_json(catalog, "validate", "--year", "2024")
    assert out["blocking"] is False and out["counts"]["error"] == 0

    snap = run_json(catalog, "snapshot", "--year", "2024")
    assert set(snap) == SNAPSHOT_KEYS and snap["summary"]["datasets"] == 2
    run(catalog, "snapshot", "--year", "2024", code=1)  # frozen: cannot be taken twice
    assert [s["year"] for s in run_json(catalog, "snapshot", "--list")] == [2024]

    # a year later: the cycle changes, a file arrives
    run(catalog, "meta", "set", "주차장.csv", "업데이트주기=월간")
    (setup["data"] / "교통과" / "버스정류장.csv").write_text(
        "정류장명,노선수\n종로1가,12\n", encoding="utf-8"
    )
    run(catalog, "scan", str(setup["data"]), "-q")
    run(catalog, "map", "-q")
    diff = run_json(catalog, "diff", "--from", "2024", "--to", "2025")
    assert set(diff) == DIFF_KEYS and (diff["from_source"], diff["to_source"]) == (
        "snapshot",
        "live",
    )
    assert all(set(c) == CHANGE_KEYS for c in diff["changes"])
    actions = {(c["action"], c["dataset"], c["field_label"]) for c in diff["changes"]}
    assert ("changed", "서울특별시 종로구_주차장", "업데이트 주기") in actions
    assert any(c["action"] == "added" and "버스정류장" in c["path"] for c in diff["changes"])
    text = run(catalog, "diff", "--from", "2024", "--to", "2025").stdout
    assert "연간 → 월간" in text

    # the new file blocks the 2025 export until it is described, unless forced
    blocked = run_json(catalog, "export", "--year", "2025", "--kind", "inventory",
                       "--out", str(tmp / "목록.xlsx"), code=1)  # fmt: skip
    assert blocked["blocked"] is True and not (tmp / "목록.xlsx").exists()
    forced = run_json(catalog, "export", "--year", "2025", "--kind", "inventory",
                      "--out", str(tmp / "목록.xlsx"), "--force")  # fmt: skip
    assert set(forced) == EXPORT_KEYS and forced["forced"] is True


@pytest.mark.parametrize(
    "kind,name",
    [
        ("inventory", "목록.xlsx"),
        ("inventory", "목록.csv"),
        ("definitions", "정의서.xlsx"),
        ("compliance", "준수율.xlsx"),
        ("dcat", "dcat.jsonld"),
        ("datapackage", "packages"),
    ],
)
def test_every_export_of_a_snapshot(setup, kind, name):
    catalog, tmp = setup["catalog"], setup["tmp"]
    run(catalog, "institution", "set", "--name", "서울특별시 종로구", "--code", "3000000",
        "--phone", "02-2148-0000")  # fmt: skip
    run(catalog, "meta", "import", str(fill_template(catalog, tmp)))
    run(catalog, "snapshot", "--year", "2025")
    out = run_json(catalog, "export", "--year", "2025", "--kind", kind, "--out", str(tmp / name))
    assert out["source"] == "snapshot" and out["forced"] is False
    paths = [Path(p) for p in out["paths"]]
    assert paths and all(p.exists() for p in paths)
    blob = b"".join(p.read_bytes() for p in paths if p.suffix != ".xlsx")
    for p in paths:
        if p.suffix == ".xlsx":
            wb = openpyxl.load_workbook(p)
            blob += "".join(
                str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value
            ).encode()
    text = blob.decode("utf-8", "replace")
    assert "김철수" not in text  # no sample value of a personal column
    if kind == "inventory" and name.endswith(".xlsx"):
        ws = openpyxl.load_workbook(paths[0])["공공데이터 목록"]
        header = [c.value for c in ws[1]]
        rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(2)]
        parking = next(r for r in rows if r["원본 파일"].endswith("주차장.csv"))
        assert parking["제공기관코드"] == "3000000"
        assert parking["관리 부서명"] == "교통과"
        assert parking["설명"].startswith("'=1+1")
        welfare = next(r for r in rows if r["원본 파일"].endswith("수급자.csv"))
        # a list of people is proposed 비공개 (issue 14), not 부분공개
        assert (welfare["공개여부"], welfare["비공개사유"]) == ("비공개", "9-6 개인정보(사생활)")


def test_export_into_a_folder_uses_the_default_name(setup):
    catalog, tmp = setup["catalog"], setup["tmp"]
    out = run_json(catalog, "export", "--year", "2025", "--kind", "compliance",
                   "--out", str(tmp), "--force")  # fmt: skip
    assert Path(out["paths"][0]).name == "2025_표준준수율.xlsx"


def test_diff_without_a_snapshot_says_so(setup):
    result = run(setup["catalog"], "diff", "--from", "2024", "--to", "2025", code=1)
    assert "2024년 스냅샷이 없습니다" in result.output


def test_meta_set_and_show_for_a_column_and_undo(setup):
    catalog = setup["catalog"]
    run(catalog, "meta", "set", "수급자.csv", "공개여부=공개", "개인정보여부=N", "--column", "성명")
    shown = run_json(catalog, "meta", "show", "수급자.csv")
    col = next(c for c in shown["columns"] if c["label"] == "성명")
    assert col["fields"]["openness"] == "공개" and col["sources"]["openness"] == "entered"
    assert shown["fields"]["pii"] == "Y" and shown["sources"]["pii"] == "scan"
    run(catalog, "meta", "undo")
    shown = run_json(catalog, "meta", "show", "수급자.csv")
    col = next(c for c in shown["columns"] if c["label"] == "성명")
    assert col["fields"]["openness"] == "비공개"
    run(catalog, "meta", "set", "수급자.csv", "없는항목=1", code=1)
    run(catalog, "meta", "set", "수급자.csv", "공개여부=공개", "--column", "없는열", code=1)


def test_institution_show_json(setup):
    catalog = setup["catalog"]
    run(catalog, "institution", "set", "--name", "종로구", "--code", "3000000")
    run(catalog, "institution", "department", "교통과", "교통행정과")
    out = run_json(catalog, "institution", "show")
    assert out == {
        "institution": {"name": "종로구", "code": "3000000"},
        "departments": [{"folder": "교통과", "name": "교통행정과", "phone": ""}],
    }


# ------------------------------------------------------------------------------ README contract
def _readme_outputs() -> dict[str, dict]:
    """The shorthand key lists of the README's disclosure `--json` section, by output name."""
    from tests.test_cli import DOCS, _spec_keys

    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Yearly disclosure (공개목록)", 1)[1].split("\n## ", 1)[0]
    section = " ".join(section.split())
    out = {}
    for name in ("validate", "snapshot --year N", "export", "diff", "meta show", "meta import",
                 "institution show"):  # fmt: skip
        m = re.search(rf"`{re.escape(name)}`: `(\{{.*?\}})`", section)
        assert m, f"README: no key list for {name}"
        out[name] = _spec_keys(m.group(1))
    refused = re.search(r"Refused \(`export` and `snapshot`, exit 1\): `(\{.*?\})`", section)
    assert refused, "README: no key list for refused exports"
    out["refused"] = _spec_keys(refused.group(1))
    return out


@pytest.mark.slow
def test_readme_documents_the_disclosure_json(setup):
    catalog, tmp = setup["catalog"], setup["tmp"]
    doc = _readme_outputs()
    refused = run_json(catalog, "snapshot", "--year", "2024", code=1)
    run(catalog, "institution", "set", "--name", "종로구", "--code", "3000000",
        "--phone", "02-2148-0000")  # fmt: skip
    run(catalog, "institution", "department", "교통과", "교통행정과")
    imported = run_json(catalog, "meta", "import", str(fill_template(catalog, tmp)))
    validated = run_json(catalog, "validate", "--year", "2024")
    snap = run_json(catalog, "snapshot", "--year", "2024")
    run(catalog, "meta", "set", "주차장.csv", "업데이트주기=월간")
    diff = run_json(catalog, "diff", "--from", "2024", "--to", "2025")
    exported = run_json(catalog, "export", "--year", "2024", "--kind", "dcat", "--out", str(tmp))
    shown = run_json(catalog, "meta", "show", "주차장.csv")
    inst = run_json(catalog, "institution", "show")
    actual = {
        "validate": {
            (): set(validated),
            ("counts",): set(validated["counts"]),
            ("problems",): set(refused["problems"][0]),
        },  # fmt: skip
        "snapshot --year N": {
            (): set(snap),
            ("problems",): set(snap["problems"]),
            ("summary",): set(snap["summary"]),
        },  # fmt: skip
        "export": {(): set(exported), ("counts",): set(exported["counts"])},
        "diff": {
            (): set(diff),
            ("summary",): set(diff["summary"]),
            ("summary", "dataset"): set(diff["summary"]["dataset"]),
            ("summary", "column"): set(diff["summary"]["column"]),
            ("changes",): set(diff["changes"][0]),
        },
        "meta show": {(): set(shown), ("columns",): set(shown["columns"][0])},
        "meta import": {(): set(imported)},
        "institution show": {(): set(inst), ("departments",): set(inst["departments"][0])},
        "refused": {(): set(refused)},
    }
    for name, paths in actual.items():
        for path, keys in paths.items():
            assert doc[name][path] == keys, (name, path)
    assert set(validated) == VALIDATE_KEYS and set(snap) == SNAPSHOT_KEYS
    assert set(exported) == EXPORT_KEYS and set(diff) == DIFF_KEYS


def test_template_round_trip_changes_nothing(setup):
    """A template exported and imported again untouched (formula-like text included) is a no-op."""
    catalog, tmp = setup["catalog"], setup["tmp"]
    run(catalog, "meta", "import", str(fill_template(catalog, tmp)))
    again = tmp / "다시.csv"
    run(catalog, "meta", "template", "--out", str(again), "--year", "2025")
    text = again.read_text(encoding="utf-8-sig")
    assert "'=1+1" in text  # neutralised for Excel …
    out = run_json(catalog, "meta", "import", str(again))
    assert out["values"] == 0  # … and restored on the way back in
    shown = run_json(catalog, "meta", "show", "주차장.csv")
    assert shown["fields"]["description"].startswith("=1+1")
    # values the app derives (확장자, 전체행 …) stayed derived through both imports
    assert shown["sources"]["formats"] == "scan" and shown["sources"]["row_count"] == "scan"
    assert shown["sources"]["update_cycle"] == "entered"
