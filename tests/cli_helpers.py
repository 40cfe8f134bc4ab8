"""Shared by the `catalog-app` command-line tests (test_cli*.py): the keys and values the
documentation (README.md and docs/) documents, the in-process runner (`run`, `run_json`), the checks of a `show --json` object, and the
`scanned` (module-scoped: one scan of the fixtures per test module) and `catalog` fixtures."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.cli import cli

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


class _Documentation:
    """README.md and the chapters in docs/ read as one text: the ``--json`` contracts live in
    docs/cli.md and the chapter of each feature, the two commands in the README."""

    def files(self) -> list[Path]:
        return [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

    def read_text(self, encoding: str = "utf-8") -> str:
        return "\n".join(path.read_text(encoding=encoding) for path in self.files())


DOCS = _Documentation()
FIXTURES = HERE / "fixtures"

# The keys the README documents ("JSON output (a stable contract)"), transcribed.
SCAN_KEYS = {"run_id", "status", "catalog", "counts", "failed", "datasets", "suggested"}
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
    "flags",
    "rate_excluded",
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
    "person_level",
    "columns",
}
COLUMN_KEYS = {"id", "index", "label", "type", "profile", "pii", "privacy"}
PRIVACY_KEYS = {
    "kind",
    "personal",
    "quasi_identifier",
    "sensitive",
    "reason",
    "source",
    "share",
    "override",
}
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
    "too_many_fields",
    "reader_crash",
    "broken_link",
    "link_outside",
    "not_a_file",
    "folder_unreadable",
    "too_deep",
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
                assert c["pii"]["source"] in ("values", "header", "values+header", "table", "clerk")
                assert c["profile"]["masked"] is True, (where, c["label"])
                assert c["privacy"] is not None and c["privacy"]["personal"] is True
            if c["privacy"] is not None:
                check_keys(c["privacy"], PRIVACY_KEYS, f"privacy of {c['label']!r} in {where}")
                assert c["privacy"]["kind"] in PII_KINDS
                if not c["privacy"]["personal"]:
                    assert c["pii"] is None, (where, c["label"])


def first_table(detail: dict) -> dict:
    return detail["tables"][0]
