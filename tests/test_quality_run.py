"""품질진단 end to end on generated files whose errors are planted and counted as they are made
(tests/quality_helpers.py): every planted error is found by its rule, a value failing several
rules counts once for its column, samples are masked, business rules (two columns, a condition)
count their rows, a rule that cannot run says why in Korean while the others run, the fix log
shows before/after across a rescan, and a changed file, a busy catalog and missing suggestions
are refused or reported. The CSV is read through the csv module and, forced, through Arrow; the
workbook through the reader process: the counts agree."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.quality import report
from catalog_app.quality.business import RuleBook
from catalog_app.quality.job import QualityRefused, run_quality
from catalog_app.quality.store import FixLog
from catalog_app.scan.scanner import scan
from tests.quality_helpers import write_facilities


@pytest.fixture
def facility(template, tmp_path):
    """A catalog (shipped dictionary) with 시설.csv and 시설.xlsx scanned, with suggestions."""
    db = tmp_path / "catalog.db"
    shutil.copy(template, db)
    folder = tmp_path / "data"
    planted = write_facilities(folder / "시설.csv")
    write_facilities(folder / "시설.xlsx", fmt="xlsx")
    with Catalog(db) as cat:
        summary = scan(cat, [str(folder)])
        assert not summary.failed
    return {"db": db, "folder": folder, "planted": planted}


def _ids(cat) -> dict[str, int]:
    return {r["name"]: r["id"] for r in cat.conn.execute("SELECT id, name FROM datasets")}


def _findings(data, dataset_id) -> dict[tuple[str, str], dict]:
    return {(f["column"], f["rule"]): f for f in data["findings"] if f["dataset_id"] == dataset_id}


def test_every_planted_error_is_found_by_its_rule(facility):
    planted = facility["planted"]
    with Catalog(facility["db"]) as cat:
        summary = run_quality(cat)
        assert summary.status == "done" and summary.failed == []
        data = report.show(cat)
        ids = _ids(cat)
    for name in ("시설.csv", "시설.xlsx"):
        found = _findings(data, ids[name])
        for (column, rule), n in planted.errors.items():
            if rule.startswith("business") or (name.endswith("xlsx") and rule == "date_format"):
                continue  # business rules are added below; typed Excel dates have no format
            f = found[(column, rule)]
            assert f["errors"] == n, (name, column, rule, f)
            assert f["checked"] > 0
            assert f["error_rate"] == pytest.approx(round(100 * n / f["checked"], 2))
        # no rule reports an error that was not planted (the file is otherwise clean)
        planted_columns = {c for c, _r in planted.errors}
        for (column, _rule), f in found.items():
            if f["errors"] and f["severity"] == "error":
                assert column in planted_columns, f
    dataset = next(d for d in data["datasets"] if d["dataset_id"] == ids["시설.csv"])
    assert dataset["rows"] == planted.rows


def test_a_value_failing_several_rules_counts_once_for_its_column(facility):
    with Catalog(facility["db"]) as cat:
        run_quality(cat)
        csv_id = _ids(cat)["시설.csv"]
        columns = {c["label"]: c for c in report.column_rates(cat, csv_id)}
        data = report.show(cat, [csv_id])
    found = _findings(data, csv_id)
    # '3060' and a mobile number fail 우편번호 형식, 코드 자릿수 and 고정 길이: 2 values, not 6
    assert found[("우편번호", "zip")]["errors"] == 2
    assert columns["우편번호"]["errors"] == 2
    # 개설일자: 2021-02-30, 21-03-11 (2 rules) and 1904-08-08 (outlier, added at the end): 3
    assert columns["개설일자"]["errors"] == 3
    total = sum(c["errors"] for c in columns.values())
    dataset = data["datasets"][0]
    assert dataset["errors"] == total
    assert dataset["checked"] == sum(c["checked"] for c in columns.values())
    assert (
        dataset["formula"]
        == f"오류 값 {total:,} / 점검 값 {dataset['checked']:,} × 100 = {dataset['error_rate']:.2f}%"
    )


def test_samples_are_masked_and_raw_personal_values_never_stored(facility):
    with Catalog(facility["db"]) as cat:
        run_quality(cat)
        stored = [r[0] for r in cat.conn.execute("SELECT samples FROM quality_findings")]
        data = report.show(cat)
    text = json.dumps(stored, ensure_ascii=False)
    assert "010-1234-5678" not in text
    zip_samples = [f["samples"] for f in data["findings"] if f["rule"] == "zip"]
    assert all("010-****-5678" in s for s in zip_samples)  # masked whatever the column


def test_business_rules_count_rows_and_unrunnable_ones_say_why(facility):
    planted = facility["planted"]
    with Catalog(facility["db"]) as cat:
        csv_id = _ids(cat)["시설.csv"]
        book = RuleBook(cat, "품질담당")
        compare = book.add(
            "dataset",
            "compare",
            {"left": "개설일자", "op": "<=", "right": "폐업일자"},
            dataset_id=csv_id,
        )
        cond = book.add(
            "dataset",
            "conditional",
            {
                "if": {"column": "CCTV설치여부", "op": "=", "value": "N"},
                "then": {"column": "CCTV설치대수", "op": "=", "value": "0"},
            },
            dataset_id=csv_id,
        )
        bad_regex = book.add(
            "dataset", "regex", {"column": "시설명", "pattern": "[가-"}, dataset_id=csv_id
        )
        missing = book.add(
            "dataset",
            "compare",
            {"left": "개설일자", "op": "<=", "right": "휴업일자"},
            dataset_id=csv_id,
        )
        allowed = book.add(
            "dataset",
            "allowed",
            {"column": "CCTV설치여부", "values": ["Y", "N"]},
            dataset_id=csv_id,
        )
        assert bad_regex.as_dict()["problems"] and "정규식" in bad_regex.as_dict()["problems"][0]
        run_quality(cat)
        data = report.show(cat, [csv_id])
    found = {f["rule"]: f for f in data["findings"]}
    assert found[compare.code]["errors"] == planted.errors[("폐업일자", "business_compare")]
    assert found[compare.code]["column"] == "개설일자"
    rows_with_closing = sum(1 for i in range(planted.rows) if i % 5 == 0) - 0
    assert found[compare.code]["checked"] == rows_with_closing  # rows where both dates read
    assert found[cond.code]["errors"] == planted.errors[("CCTV설치대수", "business_conditional")]
    assert (
        found[cond.code]["checked"] == sum(1 for i in range(planted.rows) if i % 3 == 0) - 1
    )  # row 30 is '유'
    assert "CCTV설치여부=N" in found[cond.code]["samples"][0]
    assert found[allowed.code]["errors"] == 2
    for rule in (bad_regex, missing):
        f = found[rule.code]
        assert f["status"] == "cannot_run" and f["checked"] == 0 and f["error_rate"] is None
        assert "실행할 수 없" in f["message"] or "정규식" in f["message"]
    assert "'휴업일자' 컬럼이" in found[missing.code]["message"]
    # the other rules ran all the same
    assert _findings(data, csv_id)[("개설일자", "date_valid")]["errors"] == 1


def test_fix_log_shows_before_and_after_across_a_rescan(facility):
    folder, planted = facility["folder"], facility["planted"]
    with Catalog(facility["db"]) as cat:
        csv_id = _ids(cat)["시설.csv"]
        run_quality(cat)
        f = next(x for x in report.show(cat, [csv_id])["findings"] if x["rule"] == "flag_yn")
        log = FixLog(cat, "품질담당")
        with pytest.raises(ValueError, match="사유"):
            log.mark(f["id"], "fixed", " ")
        first = log.mark(f["id"], "exception", "관리기관 확인 중")
        assert log.undo()["id"] == first
        fix_id = log.mark(f["id"], "fixed", "'유'를 Y로 고쳐 다시 올림")
        # the clerk fixes the file; the rescan reads it again and a new run counts again
        csv = folder / "시설.csv"
        csv.write_text(csv.read_text(encoding="utf-8").replace(",유,", ",Y,"), encoding="utf-8")
        scan(cat, [str(folder)])
        run_quality(cat)
        history = report.fix_history(cat)
        shown = report.show(cat, [csv_id])
    entry = next(h for h in history if h["id"] == fix_id)
    assert entry["errors_before"] == planted.errors[("CCTV설치여부", "flag_yn")]
    assert entry["errors_after"] == 0 and entry["who"] == "품질담당"
    assert [h["action"] for h in history].count("undo") == 1
    # the mark still hangs on the finding after the rescan (same column identity)
    now = next(x for x in shown["findings"] if x["rule"] == "flag_yn")
    assert now["fix"]["action"] == "fixed" and now["fix"]["errors_now"] == 0


def test_a_file_changed_since_the_scan_is_not_diagnosed(facility):
    with Catalog(facility["db"]) as cat:
        csv = facility["folder"] / "시설.csv"
        csv.write_text(
            csv.read_text(encoding="utf-8")
            + "F-99999,새 시설,2024-01-01,,Y,1,37.5,127.0,02-200-0000,03999,\n",
            encoding="utf-8",
        )
        summary = run_quality(cat)
        data = report.show(cat)
    assert [f["message"] for f in summary.failed] == [
        "파일이 스캔 뒤에 바뀌었습니다. 다시 스캔한 뒤 진단하세요."
    ]
    shown = {d["path"].rsplit("/", 1)[-1]: d for d in data["datasets"]}
    assert shown["시설.csv"]["status"] == "failed"
    assert shown["시설.csv"]["error_rate"] is None or shown["시설.csv"]["checked"] == 0
    assert shown["시설.xlsx"]["status"] == "ok"


def test_refused_without_suggestions_and_while_another_job_runs(facility):
    from catalog_app.catalog.joblock import CatalogBusy, job_lock

    with Catalog(facility["db"]) as cat:
        with job_lock(facility["db"], "scan"), pytest.raises(CatalogBusy, match="스캔"):
            _in_other_thread(lambda: run_quality(Catalog(facility["db"])))
        cat.conn.execute(
            "DELETE FROM column_match WHERE column_id IN (SELECT id FROM columns LIMIT 3)"
        )
        with pytest.raises(QualityRefused, match="표준용어 제안이 없는 컬럼이 3개"):
            run_quality(cat)
        summary = run_quality(cat, force=True)
        assert summary.unsuggested == 3 and summary.status == "done"


def _in_other_thread(fn):
    """Run ``fn`` in another thread (the job lock is re-entrant within one) and re-raise."""
    import threading

    out: dict = {}

    def target():
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001
            out["exc"] = exc

    t = threading.Thread(target=target)
    t.start()
    t.join()
    if "exc" in out:
        raise out["exc"]


def test_arrow_path_counts_like_the_csv_module_path(facility, monkeypatch):
    from catalog_app.scan import csv_reader

    with Catalog(facility["db"]) as cat:
        csv_id = _ids(cat)["시설.csv"]
        run_quality(cat, dataset_ids=[csv_id])
        plain = {
            (f["column"], f["rule"]): (f["checked"], f["errors"])
            for f in report.show(cat, [csv_id])["findings"]
        }
        monkeypatch.setattr(csv_reader, "ARROW_MIN_BYTES", 0)
        arrow_used = []
        from catalog_app.quality import stream

        real = stream._arrow_body
        monkeypatch.setattr(stream, "_arrow_body", lambda *a: (arrow_used.append(1), real(*a))[1])
        run_quality(cat, dataset_ids=[csv_id])
        fast = {
            (f["column"], f["rule"]): (f["checked"], f["errors"])
            for f in report.show(cat, [csv_id])["findings"]
        }
    assert arrow_used
    assert fast == plain


def test_cancel_keeps_finished_datasets(facility):
    from catalog_app.progress import CancelToken

    token = CancelToken()
    seen = []

    def progress(event):
        if event.kind == "file" and event.status == "ok":
            seen.append(event.path)
            token.cancel()  # stop after the first dataset is written

    with Catalog(facility["db"]) as cat:
        summary = run_quality(cat, progress=progress, cancel=token)
        data = report.show(cat)
        run = cat.conn.execute("SELECT status FROM quality_runs").fetchone()[0]
    assert summary.status == "cancelled" and run == "cancelled"
    assert len(seen) == 1 and len(data["datasets"]) == 1


def test_an_old_catalog_gets_the_quality_tables(tmp_path):
    from catalog_app.catalog import schema

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    schema.migrate(conn, schema.MIGRATIONS.index(schema._quality))
    conn.close()
    with Catalog(db) as cat:
        tables = {
            r[0] for r in cat.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert cat.backup_path is not None  # upgraded after a backup copy
    assert {
        "quality_rules",
        "quality_runs",
        "quality_findings",
        "quality_fixes",
        "code_lists",
    } <= tables


def test_header_override_is_read_as_the_scan_read_it(template, tmp_path):
    """A title row the clerk told the scan to skip by hand: the diagnosis reads the same header
    band (the override) and the same data rows."""
    from catalog_app.scan.scanner import override_header

    db = tmp_path / "c.db"
    shutil.copy(template, db)
    folder = tmp_path / "data"
    folder.mkdir()
    body = "".join(f"{i},2024-01-{i % 28 + 1:02d},Y\n" for i in range(30))
    (folder / "목록.csv").write_text(
        "시설 목록 (2024)\n번호,개설일자,운영여부\n" + body, encoding="utf-8"
    )
    with Catalog(db) as cat:
        scan(cat, [str(folder)])
        dataset_id = _ids(cat)["목록.csv"]
        override_header(cat, dataset_id, "#0", (1, 1))
        table = cat.conn.execute(
            "SELECT * FROM tables WHERE dataset_id = ?", (dataset_id,)
        ).fetchone()
        assert (table["header_row"], table["header_source"], table["row_count"]) == (
            1,
            "override",
            30,
        )
        summary = run_quality(cat)
        data = report.show(cat)
    assert summary.failed == []
    found = _findings(data, dataset_id)
    assert found[("개설일자", "date_valid")]["checked"] == 30
    assert data["datasets"][0]["rows"] == 30
