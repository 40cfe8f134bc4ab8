"""One identity per column: rescans keep ids, suggestions, decisions and metadata; a scan that
reads new or changed content suggests for exactly those columns in the same job."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.catalog.store import Catalog
from catalog_app.cli import cli
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.matching.decisions import MappingDesk
from catalog_app.matching.jobs import check_catalog
from catalog_app.scan.scanner import override_header, scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SENTINEL = "untouched-since-the-first-scan"

NOTES = (
    "시설명,전화번호,비고,비고\r\n"
    "종로체육관,02-120-0001,,야간개방\r\n"
    "중구도서관,02-120-0002,리모델링,\r\n"
    "용산수영장,02-120-0003,,휴관\r\n"
)


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "자료"
    shutil.copytree(FIXTURES / "sample", root / "sample")
    for name in ("01. CCTV_in_Seoul.csv", "05.고속국도_현황_2020.csv", "진료과별응급결과.xlsx"):
        (root / "corpus").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / "corpus" / name, root / "corpus" / name)
    (root / "notes").mkdir()
    (root / "notes" / "메모.csv").write_text(NOTES, encoding="utf-8")
    return root


@pytest.fixture
def cat(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    with Catalog(tmp_path / "c.db") as catalog:
        yield catalog


def _ids(cat) -> dict[tuple, int]:
    return {
        (r["rel_path"], r["table_key"], r["label"], r["col_index"]): r["id"]
        for r in cat.conn.execute(
            """SELECT c.id, c.label, c.col_index, t.table_key, d.rel_path FROM columns c
               JOIN tables t ON t.id = c.table_id JOIN datasets d ON d.id = c.dataset_id"""
        )
    }


def _unsuggested(cat) -> int:
    return check_catalog(cat).unsuggested


def _stamp_all(cat) -> None:
    with cat.transaction() as conn:
        conn.execute("UPDATE column_match SET computed_at = ?", (SENTINEL,))


def _stamps(cat) -> dict[int, str]:
    return dict(cat.conn.execute("SELECT column_id, computed_at FROM column_match").fetchall())


def _column(cat, rel_path: str, label: str, nth: int = 0) -> int:
    rows = cat.conn.execute(
        """SELECT c.id FROM columns c JOIN datasets d ON d.id = c.dataset_id
           WHERE d.rel_path = ? AND c.label = ? ORDER BY c.col_index""",
        (rel_path, label),
    ).fetchall()
    return rows[nth][0]


def test_a_scan_suggests_for_every_column_it_reads(cat, folder):
    summary = scan(cat, [str(folder)])
    columns = cat.conn.execute(
        """SELECT COUNT(*) FROM columns c JOIN datasets d ON d.id = c.dataset_id
           WHERE d.status = 'ok'"""
    ).fetchone()[0]
    assert columns > 0 and summary.suggested == columns
    assert _unsuggested(cat) == 0


def test_forced_rescan_of_the_same_bytes_changes_nothing(cat, folder):
    scan(cat, [str(folder)])
    MappingDesk(cat, who="t").bulk_accept(0.9)
    ids, before = _ids(cat), check_catalog(cat)
    _stamp_all(cat)
    summary = scan(cat, [str(folder)], force=True)
    after = check_catalog(cat)
    assert summary.counts["changed"] == summary.counts["total"] > 0  # every file was read again
    assert summary.suggested == 0
    assert _ids(cat) == ids
    assert set(_stamps(cat).values()) == {SENTINEL}  # no suggestion recomputed
    assert after.columns == before.columns and after.rates == before.rates
    assert after.unsuggested == 0


def test_changed_content_gets_fresh_suggestions_for_exactly_its_changed_columns(cat, folder):
    scan(cat, [str(folder)])
    notes = "notes/메모.csv"
    ids = _ids(cat)
    _stamp_all(cat)
    # one value of 전화번호 changes, the other columns of the table keep their content
    path = folder / "notes" / "메모.csv"
    path.write_text(NOTES.replace("02-120-0003", "02-120-9999"), encoding="utf-8")
    summary = scan(cat, [str(folder)])
    stamps = _stamps(cat)
    phone = _column(cat, notes, "전화번호")
    assert summary.counts["changed"] == 1 and summary.suggested == 1
    assert stamps[phone] != SENTINEL
    assert {k: v for k, v in stamps.items() if k != phone} == {
        k: SENTINEL for k in stamps if k != phone
    }
    assert _ids(cat) == ids  # same labels: same ids
    assert _unsuggested(cat) == 0


def test_a_new_column_and_a_renamed_one_are_suggested_in_the_scan(cat, folder):
    scan(cat, [str(folder)])
    path = folder / "notes" / "메모.csv"
    path.write_text(
        NOTES.replace("시설명,전화번호", "시설이름,전화번호").replace("\r\n", ",1\r\n"),
        encoding="utf-8",
    )
    summary = scan(cat, [str(folder)])
    assert summary.suggested >= 2
    assert _unsuggested(cat) == 0


def test_header_override_suggests_for_its_table(cat, folder):
    scan(cat, [str(folder)])
    road = cat.conn.execute(
        "SELECT id FROM datasets WHERE rel_path = 'corpus/05.고속국도_현황_2020.csv'"
    ).fetchone()[0]
    summary = override_header(cat, road, "#0", (4, 1))  # labels change
    assert summary.suggested > 0
    assert _unsuggested(cat) == 0
    header_source = cat.conn.execute(
        "SELECT header_source FROM tables WHERE dataset_id = ?", (road,)
    ).fetchone()[0]
    assert header_source == "override"
    override_header(cat, road, "#0", None)
    assert _unsuggested(cat) == 0


def test_header_override_through_the_cli_leaves_check_working(cat, folder):
    scan(cat, [str(folder)])
    runner = CliRunner()
    db = str(cat.path)
    out = runner.invoke(
        cli,
        [
            "--catalog",
            db,
            "header",
            "corpus/05.고속국도_현황_2020.csv",
            "--row",
            "4",
            "--rows",
            "2",
        ],
    )
    assert out.exit_code == 0, out.output
    checked = runner.invoke(cli, ["--catalog", db, "check", "--json"])
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["unsuggested"] == 0


def test_columns_sharing_a_label_are_decided_and_described_one_by_one(cat, folder):
    scan(cat, [str(folder)])
    notes = "notes/메모.csv"
    first, second = _column(cat, notes, "비고", 0), _column(cat, notes, "비고", 1)
    assert first != second
    desk = MappingDesk(cat, who="t")
    desk.accept(first, "비고내용")
    assert desk.decision(first)["term_name"] == "비고내용"
    assert desk.decision(second) is None
    dataset = cat.conn.execute("SELECT id FROM datasets WHERE rel_path = ?", (notes,)).fetchone()[0]
    meta = MetadataStore(cat)
    meta.set_fields(dataset, {"description": "개방 정보"}, column_id=second)
    assert meta.entered_columns(dataset) == {second: {"description": "개방 정보"}}
    scan(cat, [str(folder)], force=True)
    assert (_column(cat, notes, "비고", 0), _column(cat, notes, "비고", 1)) == (first, second)
    assert desk.decision(first)["term_name"] == "비고내용" and desk.decision(second) is None
    assert meta.entered_columns(dataset) == {second: {"description": "개방 정보"}}
    terms = {c["column_id"]: c["term"] for c in check_catalog(cat).columns if c["path"] == notes}
    assert terms[first] == "비고내용" and terms[second] is None


def test_a_decision_survives_a_content_change_and_ids_stay(cat, folder):
    scan(cat, [str(folder)])
    notes = "notes/메모.csv"
    name = _column(cat, notes, "시설명")
    MappingDesk(cat, who="t").accept(name, "시설명")
    (folder / "notes" / "메모.csv").write_text(
        NOTES.replace("종로체육관", "종로문화체육관"), encoding="utf-8"
    )
    scan(cat, [str(folder)])
    assert _column(cat, notes, "시설명") == name
    column = next(c for c in check_catalog(cat).columns if c["column_id"] == name)
    assert column["term"] == "시설명" and column["kind"] != "unmapped"


def test_a_failed_rescan_drops_suggestions_and_a_readable_one_brings_them_back(cat, folder):
    scan(cat, [str(folder)])
    path = folder / "notes" / "메모.csv"
    path.write_bytes(b"")
    scan(cat, [str(folder)])
    dataset = cat.conn.execute(
        "SELECT id, status FROM datasets WHERE rel_path = 'notes/메모.csv'"
    ).fetchone()
    assert dataset["status"] == "error"
    left = cat.conn.execute(
        """SELECT COUNT(*) FROM column_match m JOIN column_keys k ON k.id = m.column_id
           WHERE k.dataset_id = ?""",
        (dataset["id"],),
    ).fetchone()[0]
    assert left == 0
    path.write_text(NOTES, encoding="utf-8")
    summary = scan(cat, [str(folder)])
    assert summary.suggested == 4 and _unsuggested(cat) == 0


def test_scan_without_suggestions_is_refused_by_check_until_map(cat, folder):
    scan(cat, [str(folder)], suggest=False)
    report = check_catalog(cat)
    assert report.unsuggested > 0 and not report.trusted
    runner = CliRunner()
    db = str(cat.path)
    refused = runner.invoke(cli, ["--catalog", db, "check"])
    assert refused.exit_code == 1 and "제안이 없는 컬럼" in refused.stderr
    forced = runner.invoke(cli, ["--catalog", db, "check", "--force", "--json"])
    assert forced.exit_code == 0 and json.loads(forced.stdout)["unsuggested"] == report.unsuggested
    assert runner.invoke(cli, ["--catalog", db, "map", "-q"]).exit_code == 0
    assert runner.invoke(cli, ["--catalog", db, "check"]).exit_code == 0


@pytest.mark.slow
def test_exports_refuse_with_a_blocking_problem_while_suggestions_are_missing(
    cat, folder, tmp_path
):
    from catalog_app.disclosure.export import export
    from catalog_app.disclosure.snapshot import take_snapshot
    from catalog_app.disclosure.validate import ExportBlocked

    scan(cat, [str(folder)], suggest=False)
    for kind in ("inventory", "definitions", "compliance", "dcat", "datapackage"):
        with pytest.raises(ExportBlocked) as blocked:
            export(cat, 2026, kind, tmp_path / "out")
        v41 = [p for p in blocked.value.blocking if p.code == "V41"]
        assert v41 and "제안이 없는 컬럼" in v41[0].message
    with pytest.raises(ExportBlocked) as blocked:
        take_snapshot(cat, 2026)
    assert any(p.code == "V41" for p in blocked.value.blocking)


def test_a_dictionary_that_cannot_be_used_does_not_stop_the_scan(cat, folder, monkeypatch):
    from catalog_app.dictionary.store import DictionaryError
    from catalog_app.matching import refresh

    def broken(catalog):
        raise DictionaryError("현재 표준 사전이 지정되지 않았습니다.")

    monkeypatch.setattr(refresh, "workspace_for", broken)
    summary = scan(cat, [str(folder)])
    assert summary.status == "done" and summary.counts["new"] == 7
    assert summary.suggested == 0 and "표준 사전" in summary.suggest_error
    assert check_catalog(cat).unsuggested > 0  # and check says so until map runs


def test_a_matcher_failure_on_one_header_leaves_only_that_column_unsuggested(
    cat, folder, monkeypatch
):
    from catalog_app.matching import refresh

    real = refresh.match_row

    def flaky(ws, column_id, profile, *rest, **kw):
        if profile.label == "전화번호":
            raise ValueError("matcher bug")
        return real(ws, column_id, profile, *rest, **kw)

    monkeypatch.setattr(refresh, "match_row", flaky)
    summary = scan(cat, [str(folder)])
    assert summary.status == "done" and summary.counts["failed"] == 0
    assert check_catalog(cat).unsuggested == 1


def test_a_rescan_fills_the_suggestions_a_column_lacked_and_keeps_the_others(cat, folder):
    scan(cat, [str(folder)], suggest=False)
    scan(cat, [str(folder)])  # nothing changed on disk: not even read
    assert _unsuggested(cat) > 0
    notes = "notes/메모.csv"
    scan(cat, [str(folder / "notes" / "메모.csv")], force=True)  # read again: gaps filled
    filled = {
        c["label"]
        for c in check_catalog(cat).columns
        if c["path"] == notes and c["kind"] != "unmapped"
    }
    assert filled == {"시설명", "전화번호", "비고"}
    _stamp_all(cat)
    summary = scan(cat, [str(folder)], force=True)
    assert _unsuggested(cat) == 0
    stamps = _stamps(cat)
    note_ids = {_column(cat, notes, label) for label in ("시설명", "전화번호")}
    assert all(stamps[i] == SENTINEL for i in note_ids)  # already suggested: untouched
    assert summary.suggested == len([v for v in stamps.values() if v != SENTINEL])
