"""The `catalog-app` `--json` contract: the keys the README documents for scan, list, show and
search, checked against what the code emits both ways (the README parser `_spec_keys` is also used
by test_cli_disclosure.py), and the values list/show/search return for the scanned fixtures.

Exit codes and header overrides: test_cli_exit_codes_and_header.py; the human output and the
installed console script: test_cli_script.py; shared helpers: cli_helpers.py."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from tests.cli_helpers import (
    COLUMN_KEYS,
    COUNT_KEYS,
    DETAIL_KEYS,
    DOCS,
    FAILED_KEYS,
    GAS_STATIONS_XLS,
    PII_KEYS,
    POPULATION_XLS,
    PRIVACY_KEYS,
    PROFILE_KEYS,
    SCAN_KEYS,
    SEARCH_KEYS,
    SUMMARY_KEYS,
    TABLE_KEYS,
    _stderr,
    by_name,
    check_detail,
    check_keys,
    first_table,
    run,
    run_json,
)

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).


# --------------------------------------------------------------------------- scan --json contract
def test_scan_json_has_exactly_the_documented_keys(scanned):
    out = scanned["out"]
    assert set(out) == SCAN_KEYS
    assert set(out["counts"]) == COUNT_KEYS
    assert out["status"] == "done"
    assert isinstance(out["run_id"], int)
    assert out["catalog"] == str(scanned["catalog"])
    assert out["failed"] == []
    files = sorted(
        p
        for p in scanned["data"].rglob("*")
        if p.suffix in (".csv", ".xls", ".xlsx") and not p.name.startswith("~$")
    )
    counts = out["counts"]
    assert counts == {
        "total": len(files),
        "new": len(files),
        "changed": 0,
        "unchanged": 0,
        "failed": 0,
        "missing": 0,
    }
    assert sorted(d["path"] for d in out["datasets"]) == sorted(str(p) for p in files)


def test_scan_json_datasets_tables_and_columns_carry_every_documented_key(scanned):
    datasets = scanned["out"]["datasets"]
    assert datasets
    for d in datasets:
        check_detail(d)
    # Spot values of the documented per-table fields.
    t = first_table(by_name(datasets)["2024 인구현황.csv"])
    assert (t["sheet"], t["header_row"], t["header_rows"], t["row_count"]) == (None, 2, 2, 6)
    assert [c["label"] for c in t["columns"]] == [
        "자치구",
        "인구|계",
        "인구|남자",
        "인구|여자",
        "세대수",
    ]
    assert t["total_rows"] == 1 and t["footnote_rows"] == 1
    assert [c["type"] for c in t["columns"]] == ["text"] + ["integer"] * 4
    t = first_table(by_name(datasets)[POPULATION_XLS])
    assert (t["sheet"], t["header_row"], t["header_rows"]) == ("YainSoft_Excel1", 0, 3)


def test_readme_documents_every_key_the_code_emits(scanned):
    """The README's JSON section against the objects the code really produces, both ways."""
    doc = _readme_contract()
    datasets = scanned["out"]["datasets"]
    contacts = by_name(datasets)["연락처.csv"]  # has PII columns
    column = next(c for t in contacts["tables"] for c in t["columns"] if c["pii"])
    hits = run_json(scanned["catalog"], "search", "주민등록번호")
    actual = {
        "scan": set(scanned["out"]),
        "counts": set(scanned["out"]["counts"]),
        "list": set(run_json(scanned["catalog"], "list")[0]),
        "show": set(contacts),
        "table": set(contacts["tables"][0]),
        "column": set(column),
        "profile": set(column["profile"]),
        "pii": set(column["pii"]),
        "privacy": set(column["privacy"]),
        "search": set(hits[0]),
    }
    problems = []
    for what, keys in actual.items():
        if keys - doc[what]:
            problems.append(f"{what}: emitted but not in the README: {sorted(keys - doc[what])}")
        if doc[what] - keys:
            problems.append(f"{what}: in the README but not emitted: {sorted(doc[what] - keys)}")
    assert not problems, "\n".join(problems)
    # The failed-entry keys are only visible on a failing scan; the README spells them out.
    assert doc["failed"] == FAILED_KEYS
    # And the constants this file checks against are the README's.
    assert (doc["scan"], doc["counts"], doc["list"], doc["show"]) == (
        SCAN_KEYS,
        COUNT_KEYS,
        SUMMARY_KEYS,
        DETAIL_KEYS,
    )
    assert (doc["table"], doc["column"], doc["profile"], doc["pii"], doc["search"]) == (
        TABLE_KEYS,
        COLUMN_KEYS,
        PROFILE_KEYS,
        PII_KEYS,
        SEARCH_KEYS,
    )
    assert doc["privacy"] == PRIVACY_KEYS


def _readme_contract() -> dict[str, set[str]]:
    text = DOCS.read_text(encoding="utf-8")
    assert "### JSON output (a stable contract)" in text
    section = text.split("### JSON output (a stable contract)", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```json\n(.*?)```", section, re.S)
    assert len(blocks) == 2, "expected the list and show examples as ```json blocks"
    summary, detail = json.loads(blocks[0]), json.loads(blocks[1])
    table = detail["tables"][0]
    column = table["columns"][0]
    scan = re.search(r"`catalog-app scan PATH\.\.\. --json`:\s*`(\{.*?\})`\.", section, re.S)
    search = re.search(r"`catalog-app search TEXT --json`:\s*`(\[.*?\])`", section, re.S)
    pii = re.search(r"`pii`: `null` or `(\{.*?\})`", section, re.S)
    privacy = re.search(r"`privacy`: `null` or `(\{.*?\})`", section, re.S)
    assert scan and search and pii and privacy, "README scan/search/pii key lists not found"
    scan_keys = _spec_keys(scan.group(1))
    return {
        "scan": scan_keys[()],
        "counts": scan_keys[("counts",)],
        "failed": scan_keys[("failed",)],
        "list": set(summary),
        # `show` is "the summary plus `tables`": the example shows only `tables`.
        "show": set(summary) | set(detail),
        "table": set(table),
        "column": set(column),
        "profile": set(column["profile"]),
        "pii": _spec_keys(pii.group(1))[()],
        "privacy": _spec_keys(privacy.group(1))[()],
        "search": _spec_keys(search.group(1))[()],
    }


def _spec_keys(spec: str) -> dict[tuple[str, ...], set[str]]:
    """Keys of the README's shorthand `{"a", "b": "x"|"y", "c": {"d"}, "e": [{"f"}]}`, by path."""
    keys: dict[tuple[str, ...], set[str]] = defaultdict(set)
    stack: list[tuple[str, ...]] = []
    prev = last = None
    for m in re.finditer(r'"(\w+)"|[{}:|,\[\]]', spec):
        tok = m.group(0)
        if m.group(1) is not None:
            if prev not in (":", "|") and stack:  # a key, not a value like "done"
                keys[stack[-1]].add(m.group(1))
                last = m.group(1)
        elif tok == "{":
            stack.append(stack[-1] + (last,) if stack else ())
        elif tok == "}":
            stack.pop()
        prev = tok
    return keys


# ----------------------------------------------------------------------------- list / show
def test_list_json(scanned):
    rows = run_json(scanned["catalog"], "list")
    assert isinstance(rows, list)
    assert len(rows) == scanned["out"]["counts"]["total"]
    for r in rows:
        check_keys(r, SUMMARY_KEYS, f"list row {r.get('name')}")
        assert "tables" not in r
        assert r["status"] == "ok" and r["errors"] == []
    names = {r["name"] for r in rows}
    assert "~$시설목록.xlsx" not in names  # Office lock file skipped by discovery
    rows_by_name = by_name(rows)
    contacts = rows_by_name["연락처.csv"]
    assert contacts["encoding"] == "cp949" and contacts["real_format"] == "csv"
    assert Path(contacts["folder"]).as_posix() == "sample/인구/세부"
    assert contacts["pii_columns"] >= 3
    assert rows_by_name["시설목록.xlsx"]["table_count"] == 2  # a visible and a hidden sheet
    # A list row is the summary part of the show object.
    shown = by_name(scanned["out"]["datasets"])
    for r in rows:
        assert {k: shown[r["name"]][k] for k in SUMMARY_KEYS} == {k: r[k] for k in SUMMARY_KEYS}


def test_show_by_id_and_by_name(scanned):
    cat = scanned["catalog"]
    from_scan = by_name(scanned["out"]["datasets"])
    for name in ("연락처.csv", POPULATION_XLS, "04년월별.xls"):
        expected = from_scan[name]
        by_id = run_json(cat, "show", str(expected["id"]))
        assert by_id == expected  # scan's datasets are the show objects
        assert run_json(cat, "show", name) == expected
        assert run_json(cat, "show", expected["path"]) == expected
    assert from_scan["04년월별.xls"]["real_format"] == "html"


def test_show_of_an_unknown_dataset_exits_1(scanned):
    cat = scanned["catalog"]
    for ref in ("missing", "99999", "없는파일.csv"):
        result = run(cat, "show", ref, "--json", code=1)
        assert result.stdout == ""
        assert "데이터셋을 찾을 수 없습니다" in _stderr(result)
    run(cat, "show", "missing", code=1)


def test_sample_xlsx_table_starts_at_column_b(scanned):
    """시설목록.xlsx (make_sample_fixtures.py): title merged A1:E1, header on row 3 from column B.

    Column A holds only the title, so it is not a column of the table: first_col should be 1 and
    the labels exactly 시설명, 개설일, 정원, 소재지 (no generated, all-blank '열1').
    """
    t = first_table(by_name(scanned["out"]["datasets"])["시설목록.xlsx"])
    assert (t["sheet"], t["header_row"], t["header_rows"]) == ("시설", 2, 1)
    assert [c["label"] for c in t["columns"]] == ["시설명", "개설일", "정원", "소재지"]
    assert t["first_col"] == 1


def test_total_and_footnote_rows_are_kept_out_of_the_data(tmp_path, catalog_path):
    """README: "total rows (합계/소계/계), footnote rows (※, 주), 자료:) ... are counted separately".

    A total word may sit in the second key column, with a unit ('소계(명)') or a trailing space
    ('소계 '), and a footnote may be numbered ('주1) ...'): none of them is a data row.
    """
    path = tmp_path / "구별 인구.csv"
    lines = [
        "구분,지역,인구,세대",
        "서울,강남구,100,50",
        "서울,서초구,200,80",
        "서울,소계(명),300,130",
        "부산,해운대구,150,60",
        "부산,소계 ,150,60",
        "주1) 2024년 말 기준,,,",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp949"))
    t = first_table(run_json(catalog_path, "scan", str(path))["datasets"][0])
    assert (t["row_count"], t["total_rows"], t["footnote_rows"]) == (3, 2, 1)
    people = next(c for c in t["columns"] if c["label"] == "인구")
    assert people["profile"]["max"] == "200"


# ------------------------------------------------------------------------------------- search
def test_search_two_characters_uses_like(scanned):
    hits = run_json(scanned["catalog"], "search", "주소")
    assert hits, "'주소' is a column of 지역_위치별(주유소).xls"
    for h in hits:
        assert set(h) == SEARCH_KEYS
        assert h["kind"] in ("dataset", "table", "column")
        assert "주소" in h["label"]
    column = next(h for h in hits if h["kind"] == "column" and h["dataset"] == GAS_STATIONS_XLS)
    assert column["label"] == "주소"
    assert isinstance(column["column"], int) and column["table"] == "지역_위치별(주유소)"
    assert Path(column["path"]).name == GAS_STATIONS_XLS
    shown = run_json(scanned["catalog"], "show", str(column["dataset_id"]))
    assert shown["tables"][0]["columns"][column["column"]]["label"] == "주소"


def test_search_three_or_more_characters(scanned):
    cat = scanned["catalog"]
    hits = run_json(cat, "search", "주민등록번호")
    assert [(h["kind"], h["dataset"], h["label"]) for h in hits] == [
        ("column", "연락처.csv", "주민등록번호")
    ]
    assert hits[0]["table"] is None and hits[0]["column"] == 3
    hits = run_json(cat, "search", "인구현황")
    assert ("dataset", "2024 인구현황.csv") in {(h["kind"], h["label"]) for h in hits}
    hits = run_json(cat, "search", "YainSoft")
    assert ("table", "YainSoft_Excel1") in {(h["kind"], h["label"]) for h in hits}
    assert run_json(cat, "search", "존재하지않는말") == []
