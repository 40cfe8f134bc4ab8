"""`catalog-app` exit codes and header overrides: 0 when every file was read, 1 when some failed
(or a dataset is unknown or ambiguous), 2 for usage errors; a vanished file shown as missing; and
`header` overrides that survive forced rescans, address a sheet or a CSV by index, allow "no
header" and rows far down the file. Every test builds its own catalog in ``tmp_path``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.cli import cli
from tests.cli_helpers import (
    ERROR_CODES,
    FAILED_KEYS,
    FIXTURES,
    HANGUL,
    POPULATION_XLS,
    SCAN_KEYS,
    _stderr,
    by_name,
    check_detail,
    copy_fixtures,
    first_table,
    run,
    run_json,
)

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).


# ------------------------------------------------------------------------------------ exit codes
def test_scan_exit_code_1_when_some_files_fail(tmp_path, catalog_path):
    data = copy_fixtures(tmp_path, corpus=False)
    bad = data / "bad"
    bad.mkdir()
    for name in ("empty.csv", "junk.csv"):
        shutil.copy2(FIXTURES / "bad" / name, bad / name)
    out = run_json(catalog_path, "scan", str(data), code=1)
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
    result = run(catalog_path, "scan", str(data), code=1)
    assert "실패" in result.stdout and "empty.csv" in result.stdout
    errors = run_json(catalog_path, "list", "--status", "error")
    assert sorted(r["name"] for r in errors) == ["empty.csv", "junk.csv"]


def test_scan_exit_code_0_when_every_file_was_read(tmp_path, catalog_path):
    data = copy_fixtures(tmp_path, corpus=False)
    out = run_json(catalog_path, "scan", str(data))
    assert out["counts"]["failed"] == 0 and out["failed"] == []
    again = run_json(catalog_path, "scan", str(data))
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
def test_usage_errors_exit_2(tmp_path, catalog_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run(catalog_path, *args, code=2)
    assert "Traceback" not in _stderr(result)


def test_scan_of_a_missing_path_does_not_create_datasets(tmp_path, catalog_path):
    run(catalog_path, "scan", str(tmp_path / "없음"), "--json", code=2)
    assert not catalog_path.exists() or run_json(catalog_path, "list") == []


def test_a_vanished_file_is_shown_as_missing(tmp_path, catalog_path):
    data = copy_fixtures(tmp_path, corpus=False)
    run(catalog_path, "scan", str(data), "-q")
    (data / "sample" / "인구" / "세부" / "연락처.csv").unlink()
    out = run_json(catalog_path, "scan", str(data))  # still exit 0: nothing failed to read
    assert out["counts"]["missing"] == 1 and out["counts"]["unchanged"] == 2
    missing = run_json(catalog_path, "list", "--status", "missing")
    assert [r["name"] for r in missing] == ["연락처.csv"]
    shown = run_json(catalog_path, "show", "연락처.csv")
    assert shown["status"] == "missing" and shown["missing_since"] is not None
    assert shown["tables"], "a missing file keeps its history"
    check_detail(shown)
    assert "없어짐" in run(catalog_path, "show", "연락처.csv").stdout


# ------------------------------------------------------------------------------ header override
def test_header_override_survives_force_rescan_and_clears(tmp_path, catalog_path):
    data = tmp_path / "자료"
    data.mkdir()
    shutil.copy2(FIXTURES / "corpus" / POPULATION_XLS, data / POPULATION_XLS)
    shutil.copytree(FIXTURES / "sample" / "인구", data / "인구")
    run(catalog_path, "scan", str(data), "-q")
    before = first_table(run_json(catalog_path, "show", POPULATION_XLS))
    assert (before["header_row"], before["header_rows"], before["header_source"]) == (0, 3, "auto")
    assert before["columns"][3]["label"] == "인구|합계|계"

    result = run(catalog_path, "header", POPULATION_XLS, "--row", "3", "--rows", "1")
    assert "직접 지정" in result.stdout and HANGUL.search(result.stdout)
    after = first_table(run_json(catalog_path, "show", POPULATION_XLS))
    assert (after["header_row"], after["header_rows"], after["header_source"]) == (
        2,
        1,
        "override",
    )
    assert after["columns"][3]["label"] == "계"
    # Other datasets are untouched.
    other = first_table(run_json(catalog_path, "show", "2024 인구현황.csv"))
    assert other["header_source"] == "auto"

    # A forced rescan reads the file again and keeps the clerk's choice.
    out = run_json(catalog_path, "scan", str(data), "--force")
    assert out["counts"]["changed"] == out["counts"]["total"]
    kept = first_table(by_name(out["datasets"])[POPULATION_XLS])
    assert (kept["header_row"], kept["header_rows"], kept["header_source"]) == (2, 1, "override")
    kept = first_table(run_json(catalog_path, "show", POPULATION_XLS))
    assert (kept["header_row"], kept["header_source"]) == (2, "override")

    result = run(catalog_path, "header", POPULATION_XLS, "--clear")
    assert "자동" in result.stdout
    cleared = first_table(run_json(catalog_path, "show", POPULATION_XLS))
    assert (cleared["header_row"], cleared["header_rows"], cleared["header_source"]) == (
        0,
        3,
        "auto",
    )
    assert cleared["columns"][3]["label"] == "인구|합계|계"
    out = run_json(catalog_path, "scan", str(data), "--force")
    assert first_table(by_name(out["datasets"])[POPULATION_XLS])["header_source"] == "auto"


def test_header_by_table_name_and_by_csv_index(tmp_path, catalog_path):
    data = copy_fixtures(tmp_path, corpus=False)
    run(catalog_path, "scan", str(data), "-q")
    run(catalog_path, "header", "시설목록.xlsx", "--table", "메모", "--row", "1", "--rows", "0")
    tables = run_json(catalog_path, "show", "시설목록.xlsx")["tables"]
    memo = next(t for t in tables if t["sheet"] == "메모")
    assert memo["header_source"] == "override" and memo["header_rows"] == 0
    assert [c["label"] for c in memo["columns"]] == ["열1", "열2"]
    assert next(t for t in tables if t["sheet"] == "시설")["header_source"] == "auto"
    run(catalog_path, "header", "연락처.csv", "--table", "0", "--row", "2")
    t = first_table(run_json(catalog_path, "show", "연락처.csv"))
    assert (t["header_row"], t["header_source"]) == (1, "override")
    run(catalog_path, "header", "시설목록.xlsx", "--table", "없는시트", "--row", "1", code=2)
    run(catalog_path, "header", "없는파일.xlsx", "--row", "1", code=1)


def test_header_override_with_no_header_rows(tmp_path, catalog_path):
    """`--rows 0` means "no header" (the labels are generated as 열1, 열2, ...).

    The README: `header_row` is "`null` when the table has no header and column labels were
    generated"; the human output then says 머리글 없음 rather than "머리글 2행부터 0줄".
    """
    data = copy_fixtures(tmp_path, corpus=False)
    run(catalog_path, "scan", str(data), "-q")
    result = run(catalog_path, "header", "연락처.csv", "--row", "2", "--rows", "0")
    t = first_table(run_json(catalog_path, "show", "연락처.csv"))
    assert [c["label"] for c in t["columns"]] == ["열1", "열2", "열3", "열4"]
    assert (t["header_rows"], t["header_source"]) == (0, "override")
    assert t["row_count"] == 5
    assert "0줄" not in result.stdout, "human output: '머리글 N행부터 0줄' for a header-less table"
    assert t["header_row"] is None, "README: header_row is null when the labels are generated"


def test_header_override_below_the_first_60_rows(tmp_path, catalog_path):
    """A clerk may point at any row (--row is only bounded below): a header on row 71 must be
    honoured, not silently replaced by generated labels."""
    path = tmp_path / "긴 머리말.csv"
    rows = [f"{i},{i * 2},{i * 3}" for i in range(80)]
    rows.insert(70, "번호,값,세값")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run(catalog_path, "scan", str(path), "-q")
    run(catalog_path, "header", path.name, "--row", "71", "--rows", "1")
    t = first_table(run_json(catalog_path, "show", path.name))
    assert t["header_source"] == "override"
    assert [c["label"] for c in t["columns"]] == ["번호", "값", "세값"]
    assert (t["header_row"], t["header_rows"], t["row_count"]) == (70, 1, 10)


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
