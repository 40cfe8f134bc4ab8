"""The `catalog-app` command line: the JSON contract of the README, exit codes, header overrides,
the human (Korean) output, and the installed console script run as a clerk would run it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.cli import cli

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
README = REPO / "README.md"
FIXTURES = HERE / "fixtures"

# The keys the README documents ("JSON output (a stable contract)"), transcribed.
SCAN_KEYS = {"run_id", "status", "catalog", "counts", "failed", "datasets"}
COUNT_KEYS = {"total", "new", "changed", "unchanged", "failed", "missing"}
FAILED_KEYS = {"path", "code", "message"}
SUMMARY_KEYS = {
    "id",
    "path",
    "name",
    "folder",
    "real_format",
    "encoding",
    "encoding_method",
    "delimiter",
    "status",
    "size",
    "table_count",
    "column_count",
    "row_count",
    "pii_columns",
    "errors",
    "warnings",
    "scanned_at",
    "missing_since",
}
DETAIL_KEYS = SUMMARY_KEYS | {"tables"}
TABLE_KEYS = {
    "id",
    "index",
    "sheet",
    "key",
    "hidden",
    "header_row",
    "header_rows",
    "data_row",
    "header_source",
    "first_col",
    "row_count",
    "blank_rows",
    "total_rows",
    "footnote_rows",
    "ragged_rows",
    "warnings",
    "columns",
}
COLUMN_KEYS = {"id", "index", "label", "type", "profile", "pii"}
PROFILE_KEYS = {
    "type_share",
    "type_counts",
    "value_count",
    "null_count",
    "null_ratio",
    "distinct_count",
    "distinct_exact",
    "min",
    "max",
    "max_len_chars",
    "max_len_bytes",
    "decimal_places",
    "date_format",
    "pattern",
    "pattern_share",
    "top_values",
    "samples",
    "masked",
}
PII_KEYS = {"kind", "share", "reason", "source"}
SEARCH_KEYS = {"kind", "dataset_id", "path", "dataset", "table", "column", "label"}

REAL_FORMATS = {"csv", "xlsx", "xls", "html", None}
STATUSES = {"ok", "error", "missing"}
TYPES = {"integer", "decimal", "date", "datetime", "time", "flag", "code", "text", "empty"}
PII_KINDS = {
    "rrn",
    "foreigner_rrn",
    "mobile",
    "phone",
    "email",
    "passport",
    "driver_license",
    "business_no",
    "corporate_no",
    "card",
    "account",
    "address_detail",
    "person_name",
}
ERROR_CODES = {
    "empty_file",
    "binary",
    "encrypted",
    "corrupt",
    "unsupported",
    "zip_bomb",
    "line_too_long",
    "field_too_long",
    "not_found",
    "permission",
    "changed",
    "encoding",
    "too_large",
    "read_error",
}
HANGUL = re.compile("[가-힣]")
COMMANDS = ("scan", "list", "show", "search", "header")

POPULATION_XLS = "01. population_in_Seoul.xls"  # 3-row header at row 0 ('인구|합계|계')
GAS_STATIONS_XLS = "지역_위치별(주유소).xls"  # has a column '주소'


# ------------------------------------------------------------------------------------ helpers
def _runner() -> CliRunner:
    try:  # click 8.1 mixes stderr (the progress bar) into stdout unless told not to
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps them apart
        return CliRunner()


def run(catalog: Path, *args: str, code: int = 0):
    """Invoke `catalog-app --catalog CATALOG ARGS...`; check the exit code and that no exception
    other than the exit escaped (a traceback is never an acceptable answer to a clerk)."""
    result = _runner().invoke(cli, ["--catalog", str(catalog), *args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        trace = "".join(traceback.format_exception(*result.exc_info))
        pytest.fail(f"catalog-app {' '.join(args)} raised:\n{trace}")
    assert "Traceback" not in result.output
    assert result.exit_code == code, (
        f"catalog-app {' '.join(args)}: exit {result.exit_code}, expected {code}\n"
        f"stdout: {result.stdout}\nstderr: {_stderr(result)}"
    )
    return result


def _stderr(result) -> str:
    try:
        return result.stderr
    except ValueError:  # click 8.1 with a mixed stream
        return ""


def run_json(catalog: Path, *args: str, code: int = 0):
    result = run(catalog, *args, "--json", code=code)
    return json.loads(result.stdout)


def copy_fixtures(dest: Path, *, corpus: bool = True) -> Path:
    """The sample tree (and the committed corpus files) copied under ``dest/자료``."""
    data = dest / "자료"
    shutil.copytree(FIXTURES / "sample", data / "sample")
    if corpus:
        shutil.copytree(FIXTURES / "corpus", data / "corpus")
    return data


def by_name(datasets: list[dict]) -> dict[str, dict]:
    return {d["name"]: d for d in datasets}


def check_keys(obj: dict, documented: set[str], what: str) -> None:
    missing = documented - obj.keys()
    assert not missing, f"{what} lacks documented keys {sorted(missing)}"


def check_detail(d: dict) -> None:
    """A `show --json` object: every documented key, with values of the documented kinds."""
    check_keys(d, DETAIL_KEYS, f"dataset {d.get('name')}")
    assert d["real_format"] in REAL_FORMATS
    assert d["status"] in STATUSES
    assert isinstance(d["id"], int) and isinstance(d["size"], int)
    assert Path(d["path"]).is_absolute()
    assert d["name"] == Path(d["path"]).name
    for e in d["errors"]:
        assert set(e) >= {"code", "message"}
        assert e["code"] in ERROR_CODES
        assert HANGUL.search(e["message"]), e
    if d["status"] == "error":
        assert d["errors"] and d["real_format"] is None and d["tables"] == []
    assert d["table_count"] == len(d["tables"])
    assert d["column_count"] == sum(len(t["columns"]) for t in d["tables"])
    assert d["row_count"] == sum(t["row_count"] for t in d["tables"])
    for t in d["tables"]:
        check_keys(t, TABLE_KEYS, f"table {t.get('sheet')!r} of {d['name']}")
        where = f"{d['name']} / {t['sheet']}"
        if d["real_format"] in ("csv", "html"):
            assert t["sheet"] is None and t["key"] == f"#{t['index']}", where
        else:
            assert isinstance(t["sheet"], str) and t["key"] == t["sheet"], where
        assert t["header_row"] is None or (
            isinstance(t["header_row"], int) and t["header_row"] >= 0
        )
        assert isinstance(t["header_rows"], int) and t["header_rows"] >= 0
        assert (t["header_row"] is None) == (t["header_rows"] == 0), where
        assert t["header_source"] in ("auto", "override")
        assert isinstance(t["row_count"], int) and t["row_count"] >= 0
        assert isinstance(t["first_col"], int) and t["first_col"] >= 0
        assert [c["index"] for c in t["columns"]] == list(range(len(t["columns"])))
        for c in t["columns"]:
            check_keys(c, COLUMN_KEYS, f"column {c.get('label')!r} of {where}")
            check_keys(c["profile"], PROFILE_KEYS, f"profile of {c['label']!r} in {where}")
            assert isinstance(c["label"], str) and c["label"], where
            assert c["type"] in TYPES, (where, c["label"], c["type"])
            if c["pii"] is not None:
                check_keys(c["pii"], PII_KEYS, f"pii of {c['label']!r} in {where}")
                assert c["pii"]["kind"] in PII_KINDS
                assert c["pii"]["source"] in ("values", "header", "values+header")
                assert c["profile"]["masked"] is True, (where, c["label"])


def first_table(detail: dict) -> dict:
    return detail["tables"][0]


# ------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> dict:
    """The sample tree and the committed corpus files, scanned once into a catalog."""
    base = tmp_path_factory.mktemp("cli")
    data = copy_fixtures(base)
    catalog = base / "c.db"
    result = run(catalog, "scan", str(data), "--json")
    return {"catalog": catalog, "data": data, "out": json.loads(result.stdout), "result": result}


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return tmp_path / "c.db"


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


def _readme_contract() -> dict[str, set[str]]:
    text = README.read_text(encoding="utf-8")
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
    assert scan and search and pii, "README scan/search/pii key lists not found"
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


# ------------------------------------------------------------------------------------ exit codes
def test_scan_exit_code_1_when_some_files_fail(tmp_path, catalog):
    data = copy_fixtures(tmp_path, corpus=False)
    bad = data / "bad"
    bad.mkdir()
    for name in ("empty.csv", "junk.csv"):
        shutil.copy2(FIXTURES / "bad" / name, bad / name)
    out = run_json(catalog, "scan", str(data), code=1)
    assert set(out) == SCAN_KEYS
    assert out["counts"]["failed"] == 2
    assert out["counts"]["total"] == 5
    assert out["counts"]["new"] == 3
    failed = {Path(f["path"]).name: f for f in out["failed"]}
    assert set(failed) == {"empty.csv", "junk.csv"}
    for f in out["failed"]:
        assert set(f) == FAILED_KEYS
        assert f["code"] in ERROR_CODES and HANGUL.search(f["message"])
    assert failed["empty.csv"]["code"] == "empty_file"
    assert failed["junk.csv"]["code"] == "binary"
    # The failures are datasets too (status error, a Korean reason), and the rest was read.
    datasets = by_name(out["datasets"])
    assert datasets["empty.csv"]["status"] == "error"
    assert datasets["empty.csv"]["errors"][0]["code"] == "empty_file"
    assert datasets["연락처.csv"]["status"] == "ok"
    for d in out["datasets"]:
        check_detail(d)
    # The human output says the same in Korean, and exits 1 as well.
    result = run(catalog, "scan", str(data), code=1)
    assert "실패" in result.stdout and "empty.csv" in result.stdout
    errors = run_json(catalog, "list", "--status", "error")
    assert sorted(r["name"] for r in errors) == ["empty.csv", "junk.csv"]


def test_scan_exit_code_0_when_every_file_was_read(tmp_path, catalog):
    data = copy_fixtures(tmp_path, corpus=False)
    out = run_json(catalog, "scan", str(data))
    assert out["counts"]["failed"] == 0 and out["failed"] == []
    again = run_json(catalog, "scan", str(data))
    assert again["counts"]["unchanged"] == again["counts"]["total"] == 3


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["scan"], id="no-path"),
        pytest.param(["scan", "{tmp}/없는 폴더"], id="path-does-not-exist"),
        pytest.param(["scan", "--no-such-option", "{tmp}"], id="unknown-option"),
        pytest.param(["--no-such-option"], id="unknown-group-option"),
        pytest.param(["list", "--status", "bogus"], id="bad-choice"),
        pytest.param(["frobnicate"], id="unknown-command"),
        pytest.param(["header", "1"], id="header-without-row-or-clear"),
        pytest.param(["header", "1", "--row", "0"], id="header-row-below-1"),
    ],
)
def test_usage_errors_exit_2(tmp_path, catalog, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run(catalog, *args, code=2)
    assert "Traceback" not in _stderr(result)


def test_scan_of_a_missing_path_does_not_create_datasets(tmp_path, catalog):
    run(catalog, "scan", str(tmp_path / "없음"), "--json", code=2)
    assert not catalog.exists() or run_json(catalog, "list") == []


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


def test_a_vanished_file_is_shown_as_missing(tmp_path, catalog):
    data = copy_fixtures(tmp_path, corpus=False)
    run(catalog, "scan", str(data), "-q")
    (data / "sample" / "인구" / "세부" / "연락처.csv").unlink()
    out = run_json(catalog, "scan", str(data))  # still exit 0: nothing failed to read
    assert out["counts"]["missing"] == 1 and out["counts"]["unchanged"] == 2
    missing = run_json(catalog, "list", "--status", "missing")
    assert [r["name"] for r in missing] == ["연락처.csv"]
    shown = run_json(catalog, "show", "연락처.csv")
    assert shown["status"] == "missing" and shown["missing_since"] is not None
    assert shown["tables"], "a missing file keeps its history"
    check_detail(shown)
    assert "없어짐" in run(catalog, "show", "연락처.csv").stdout


def test_sample_xlsx_table_starts_at_column_b(scanned):
    """시설목록.xlsx (make_sample_fixtures.py): title merged A1:E1, header on row 3 from column B.

    Column A holds only the title, so it is not a column of the table: first_col should be 1 and
    the labels exactly 시설명, 개설일, 정원, 소재지 (no generated, all-blank '열1').
    """
    t = first_table(by_name(scanned["out"]["datasets"])["시설목록.xlsx"])
    assert (t["sheet"], t["header_row"], t["header_rows"]) == ("시설", 2, 1)
    assert [c["label"] for c in t["columns"]] == ["시설명", "개설일", "정원", "소재지"]
    assert t["first_col"] == 1


def test_total_and_footnote_rows_are_kept_out_of_the_data(tmp_path, catalog):
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
    t = first_table(run_json(catalog, "scan", str(path))["datasets"][0])
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


# ------------------------------------------------------------------------------ header override
def test_header_override_survives_force_rescan_and_clears(tmp_path, catalog):
    data = tmp_path / "자료"
    data.mkdir()
    shutil.copy2(FIXTURES / "corpus" / POPULATION_XLS, data / POPULATION_XLS)
    shutil.copytree(FIXTURES / "sample" / "인구", data / "인구")
    run(catalog, "scan", str(data), "-q")
    before = first_table(run_json(catalog, "show", POPULATION_XLS))
    assert (before["header_row"], before["header_rows"], before["header_source"]) == (0, 3, "auto")
    assert before["columns"][3]["label"] == "인구|합계|계"

    result = run(catalog, "header", POPULATION_XLS, "--row", "3", "--rows", "1")
    assert "직접 지정" in result.stdout and HANGUL.search(result.stdout)
    after = first_table(run_json(catalog, "show", POPULATION_XLS))
    assert (after["header_row"], after["header_rows"], after["header_source"]) == (
        2,
        1,
        "override",
    )
    assert after["columns"][3]["label"] == "계"
    # Other datasets are untouched.
    other = first_table(run_json(catalog, "show", "2024 인구현황.csv"))
    assert other["header_source"] == "auto"

    # A forced rescan reads the file again and keeps the clerk's choice.
    out = run_json(catalog, "scan", str(data), "--force")
    assert out["counts"]["changed"] == out["counts"]["total"]
    kept = first_table(by_name(out["datasets"])[POPULATION_XLS])
    assert (kept["header_row"], kept["header_rows"], kept["header_source"]) == (2, 1, "override")
    kept = first_table(run_json(catalog, "show", POPULATION_XLS))
    assert (kept["header_row"], kept["header_source"]) == (2, "override")

    result = run(catalog, "header", POPULATION_XLS, "--clear")
    assert "자동" in result.stdout
    cleared = first_table(run_json(catalog, "show", POPULATION_XLS))
    assert (cleared["header_row"], cleared["header_rows"], cleared["header_source"]) == (
        0,
        3,
        "auto",
    )
    assert cleared["columns"][3]["label"] == "인구|합계|계"
    out = run_json(catalog, "scan", str(data), "--force")
    assert first_table(by_name(out["datasets"])[POPULATION_XLS])["header_source"] == "auto"


def test_header_by_table_name_and_by_csv_index(tmp_path, catalog):
    data = copy_fixtures(tmp_path, corpus=False)
    run(catalog, "scan", str(data), "-q")
    run(catalog, "header", "시설목록.xlsx", "--table", "메모", "--row", "1", "--rows", "0")
    tables = run_json(catalog, "show", "시설목록.xlsx")["tables"]
    memo = next(t for t in tables if t["sheet"] == "메모")
    assert memo["header_source"] == "override" and memo["header_rows"] == 0
    assert [c["label"] for c in memo["columns"]] == ["열1", "열2"]
    assert next(t for t in tables if t["sheet"] == "시설")["header_source"] == "auto"
    run(catalog, "header", "연락처.csv", "--table", "0", "--row", "2")
    t = first_table(run_json(catalog, "show", "연락처.csv"))
    assert (t["header_row"], t["header_source"]) == (1, "override")
    run(catalog, "header", "시설목록.xlsx", "--table", "없는시트", "--row", "1", code=2)
    run(catalog, "header", "없는파일.xlsx", "--row", "1", code=1)


def test_header_override_with_no_header_rows(tmp_path, catalog):
    """`--rows 0` means "no header" (the labels are generated as 열1, 열2, ...).

    The README: `header_row` is "`null` when the table has no header and column labels were
    generated"; the human output then says 머리글 없음 rather than "머리글 2행부터 0줄".
    """
    data = copy_fixtures(tmp_path, corpus=False)
    run(catalog, "scan", str(data), "-q")
    result = run(catalog, "header", "연락처.csv", "--row", "2", "--rows", "0")
    t = first_table(run_json(catalog, "show", "연락처.csv"))
    assert [c["label"] for c in t["columns"]] == ["열1", "열2", "열3", "열4"]
    assert (t["header_rows"], t["header_source"]) == (0, "override")
    assert t["row_count"] == 5
    assert "0줄" not in result.stdout, "human output: '머리글 N행부터 0줄' for a header-less table"
    assert t["header_row"] is None, "README: header_row is null when the labels are generated"


def test_header_override_below_the_first_60_rows(tmp_path, catalog):
    """A clerk may point at any row (--row is only bounded below): a header on row 71 must be
    honoured, not silently replaced by generated labels."""
    path = tmp_path / "긴 머리말.csv"
    rows = [f"{i},{i * 2},{i * 3}" for i in range(80)]
    rows.insert(70, "번호,값,세값")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run(catalog, "scan", str(path), "-q")
    run(catalog, "header", path.name, "--row", "71", "--rows", "1")
    t = first_table(run_json(catalog, "show", path.name))
    assert t["header_source"] == "override"
    assert [c["label"] for c in t["columns"]] == ["번호", "값", "세값"]
    assert (t["header_row"], t["header_rows"], t["row_count"]) == (70, 1, 10)


# --------------------------------------------------------------------------------- human output
def test_human_outputs_are_korean_without_traceback(scanned, tmp_path):
    cat = scanned["catalog"]
    outputs = {
        "scan": scanned["result"].stdout,
        "rescan": run(cat, "scan", str(scanned["data"] / "sample")).stdout,
        "list": run(cat, "list").stdout,
        "show": run(cat, "show", "연락처.csv").stdout,
        "show-xlsx": run(cat, "show", "시설목록.xlsx").stdout,
        "show-html": run(cat, "show", "04년월별.xls").stdout,
        "search": run(cat, "search", "주소").stdout,
        "search-none": run(cat, "search", "존재하지않는말").stdout,
        "status": run(cat).stdout,
        "empty-list": run(tmp_path / "빈.db", "list").stdout,
    }
    for what, text in outputs.items():
        assert HANGUL.search(text), f"{what}: no Korean in {text!r}"
        assert "Traceback" not in text, what
    assert "정상" in outputs["list"] and "연락처.csv" in outputs["list"]
    assert "머리글" in outputs["show"] and "⚠개인정보" in outputs["show"]
    assert "[숨김]" in outputs["show-xlsx"]
    assert "그대로" in outputs["rescan"]
    assert "찾은 항목이 없습니다" in outputs["search-none"]
    assert "카탈로그가 비어 있습니다" in outputs["empty-list"]
    # PII values never reach the screen: the synthetic 주민등록번호 are masked.
    assert "850315-1234" not in outputs["show"]
    assert "010-0000-1234" not in outputs["show"]


def test_no_arguments_prints_catalog_and_commands(scanned):
    text = run(scanned["catalog"]).stdout
    assert f"카탈로그: {scanned['catalog']}" in text
    assert f"데이터셋 {scanned['out']['counts']['total']}개" in text
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\b", text, re.M), command


# ----------------------------------------------------------------------- the installed script
SCRIPT = Path(sys.executable).parent / ("catalog-app.exe" if os.name == "nt" else "catalog-app")


def _script(args: list[str], cwd: Path, env_extra: dict[str, str] | None = None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", *drop)}
    env.update(env_extra or {})
    proc = subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, timeout=120)
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return proc.returncode, out, err


@pytest.fixture
def script_home(tmp_path: Path) -> dict:
    """A temporary working directory (the source tree is not on sys.path there) and a fake
    per-user home, so no run can touch the real default catalog."""
    if not SCRIPT.exists():
        pytest.skip(
            f"console script not installed at {SCRIPT}: install the project "
            "(`pip install '.[test]'`, see README) to test it"
        )
    cwd = tmp_path / "작업"
    cwd.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "LOCALAPPDATA": str(tmp_path / "localappdata"),
        "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(tmp_path / "localappdata"),
    }
    return {"cwd": cwd, "env": env, "tmp": tmp_path}


def test_installed_script_scans_and_prints_json(script_home):
    tmp = script_home["tmp"]
    data = copy_fixtures(tmp, corpus=False)
    catalog = tmp / "카탈로그" / "c.db"
    rc, out, err = _script(
        ["--catalog", str(catalog), "scan", str(data), "--json"],
        script_home["cwd"],
        script_home["env"],
        drop=("CATALOG_APP_CATALOG",),
    )
    assert rc == 0, err
    doc = json.loads(out)
    assert set(doc) == SCAN_KEYS
    assert doc["catalog"] == str(catalog) and catalog.exists()
    assert doc["counts"]["new"] == doc["counts"]["total"] == 3
    assert HANGUL.search(err), "progress goes to stderr, in Korean"
    for d in doc["datasets"]:
        check_detail(d)

    rc, out, err = _script(["--catalog", str(catalog)], script_home["cwd"], script_home["env"])
    assert rc == 0, err
    assert f"카탈로그: {catalog}" in out and "데이터셋 3개" in out
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\b", out, re.M), command
    assert not list(script_home["cwd"].iterdir()), "nothing is written to the working directory"


def test_installed_script_default_catalog_from_environment(script_home):
    tmp = script_home["tmp"]
    data = copy_fixtures(tmp, corpus=False)
    catalog = tmp / "env" / "카탈로그.db"
    env = {**script_home["env"], "CATALOG_APP_CATALOG": str(catalog)}
    rc, out, err = _script(["scan", str(data), "--json", "-q"], script_home["cwd"], env)
    assert rc == 0, err
    assert json.loads(out)["catalog"] == str(catalog) and catalog.exists()
    rc, out, err = _script([], script_home["cwd"], env)
    assert rc == 0 and f"카탈로그: {catalog}" in out
    assert not (tmp / "xdg").exists() and not (tmp / "home" / ".local").exists()


def test_installed_script_default_catalog_in_the_per_user_data_folder(script_home):
    tmp = script_home["tmp"]
    env = script_home["env"]
    if sys.platform.startswith("linux"):
        expected = tmp / "xdg" / "catalog_app" / "catalog.db"
    elif sys.platform == "darwin":
        expected = tmp / "home" / "Library" / "Application Support" / "catalog_app" / "catalog.db"
    else:  # Windows: ask platformdirs where it would go; it may use the shell API, not the env
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "import platformdirs; print(platformdirs.user_data_dir('catalog_app', False))",
            ],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=True,
        )
        expected = Path(probe.stdout.strip()) / "catalog.db"
        if tmp not in expected.parents:
            pytest.skip(f"the per-user data folder cannot be redirected here ({expected})")
    rc, out, err = _script([], script_home["cwd"], env, drop=("CATALOG_APP_CATALOG",))
    assert rc == 0, err
    assert f"카탈로그: {expected}" in out
    assert expected.exists()
    if sys.platform.startswith("linux"):  # without XDG_DATA_HOME: the README's ~/.local/share
        env = {k: v for k, v in env.items() if k != "XDG_DATA_HOME"}
        rc, out, err = _script(
            [], script_home["cwd"], env, drop=("CATALOG_APP_CATALOG", "XDG_DATA_HOME")
        )
        expected = tmp / "home" / ".local" / "share" / "catalog_app" / "catalog.db"
        assert rc == 0 and f"카탈로그: {expected}" in out, (out, err)
        assert expected.exists()


def test_show_with_an_ambiguous_name_lists_the_candidates(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "같은이름.csv").write_text("구분,값\n가,1\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--catalog", db, "scan", "-q", str(tmp_path)]).exit_code == 0
    result = runner.invoke(cli, ["--catalog", db, "show", "같은이름.csv"])
    assert result.exit_code == 1
    assert "같은 이름의 데이터셋이 2개" in result.output
    assert "Traceback" not in result.output


def test_catalog_option_is_accepted_after_the_command(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "표.csv").write_text("구분,값\n가,1\n", encoding="utf-8")
    db = tmp_path / "after.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["scan", str(tmp_path / "d"), "-q", "--catalog", str(db)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(cli, ["list", "--json", "--catalog", str(db)])
    assert [d["name"] for d in json.loads(listed.output)] == ["표.csv"]
