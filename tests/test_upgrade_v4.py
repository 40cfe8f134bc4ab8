"""A catalog made by the schema-4 release upgrades losing nothing (tests/fixtures/old_catalog).

The fixture was built by the old code (see make_old_catalog.py beside it): decisions, one of them
on a label two columns share, orphan decisions and values left by a header override, metadata, a
frozen 2025 snapshot. Its files are recreated at a new place and the catalog's paths moved there
first, as when a shared drive gets another letter.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.catalog.schema import LATEST
from catalog_app.catalog.store import Catalog
from catalog_app.cli import cli
from catalog_app.disclosure.snapshot import load_snapshot
from catalog_app.matching.decisions import MappingDesk
from catalog_app.matching.jobs import check_catalog
from catalog_app.scan.scanner import scan

OLD = Path(__file__).resolve().parent / "fixtures" / "old_catalog"
sys.path.insert(0, str(OLD))
from make_old_catalog import build_tree  # noqa: E402

EXPECTED = json.loads((OLD / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def old_catalog(tmp_path) -> tuple[Path, Path]:
    """(catalog file still at schema 4, scanned root recreated under tmp_path)."""
    root = build_tree(tmp_path / "files")
    db = tmp_path / "catalog.db"
    with gzip.open(OLD / "catalog_v4.db.gz", "rb") as src, open(db, "wb") as dst:
        shutil.copyfileobj(src, dst)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    old_root = EXPECTED["root"]
    with conn:
        conn.execute("UPDATE roots SET path = ? WHERE path = ?", (str(root), old_root))
        conn.execute(
            "UPDATE datasets SET path = ? || substr(path, ?) WHERE path LIKE ? || '%'",
            (str(root), len(old_root) + 1, old_root),
        )
    conn.close()
    return db, root


def _decisions(cat) -> list[tuple]:
    return sorted(
        tuple(r)
        for r in cat.conn.execute(
            """SELECT d.rel_path, m.table_key, m.label, m.term_name, m.status, m.kind, m.decided_by
               FROM column_mappings m JOIN datasets d ON d.id = m.dataset_id"""
        )
    )


def _metadata(cat) -> list[tuple]:
    return sorted(
        tuple(r)
        for r in cat.conn.execute(
            """SELECT d.rel_path, m.table_key, m.label, m.field, m.value, m.updated_by
               FROM disclosure_meta m JOIN datasets d ON d.id = m.dataset_id"""
        )
    )


def _expected(rows: list[dict]) -> list[tuple]:
    return sorted(tuple(r.values()) for r in rows)


def test_upgrade_keeps_every_decision_and_metadata_value(old_catalog):
    db, _root = old_catalog
    with Catalog(db) as cat:
        assert cat.schema_version == LATEST
        assert cat.backup_path is not None and cat.backup_path.exists()  # the v4 file, kept
        decisions = _decisions(cat)
        metadata = _metadata(cat)
        institution = {
            r["key"]: r["value"] for r in cat.conn.execute("SELECT * FROM institution_settings")
        }
        snapshot = load_snapshot(cat, 2025)  # the frozen payload still matches its hash
        sha = cat.conn.execute("SELECT sha256 FROM snapshots WHERE year = 2025").fetchone()[0]
        history = cat.conn.execute("SELECT COUNT(*) FROM mapping_history").fetchone()[0]
        changes = cat.conn.execute("SELECT COUNT(*) FROM disclosure_changes").fetchone()[0]
        ids = {
            r["id"]
            for r in cat.conn.execute("SELECT id FROM columns")
            if cat.conn.execute("SELECT 1 FROM column_keys WHERE id = ?", (r["id"],)).fetchone()
        }
        all_columns = cat.conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
        suggested = cat.conn.execute("SELECT COUNT(*) FROM column_match").fetchone()[0]
    # The decision on '비고' applied to both '비고' columns before; now each has its own copy.
    old = _expected(EXPECTED["decisions"])
    copied = [d for d in old if d[0] == "시설과/시설현황.csv" and d[2] == "비고"]
    assert len(copied) == 1
    assert decisions == sorted(old + copied)
    assert metadata == sorted(
        _expected(EXPECTED["metadata"])
        + [m for m in _expected(EXPECTED["metadata"]) if m[2] == "비고"]
    )
    assert institution == EXPECTED["institution"]
    assert sha == EXPECTED["snapshot_sha256"] and snapshot.year == 2025
    counts = EXPECTED["counts"]
    assert history == counts["mapping_history"] and changes == counts["disclosure_changes"]
    assert len(ids) == all_columns == counts["columns"]  # every column has its identity
    assert suggested == counts["column_match"]  # suggestions kept


def test_upgraded_catalog_checks_like_the_old_one_and_survives_a_forced_rescan(old_catalog):
    db, root = old_catalog
    with Catalog(db) as cat:
        before = check_catalog(cat)
        assert before.unsuggested == 0
        scan(cat, [str(root)], force=True)
        after = check_catalog(cat)
        kept = cat.conn.execute("SELECT COUNT(*) FROM column_match").fetchone()[0]
    # what the old code said, per column: kind and term (the mapping), and the same columns
    old_columns = [
        (c["path"], c["table"], c["label"], c["kind"], c["term"])
        for c in EXPECTED["check"]["columns"]
    ]
    now = [(c["path"], c["table"], c["label"], c["kind"], c["term"]) for c in before.columns]
    assert now == old_columns
    # a forced rescan of the same bytes changes no figure and no suggestion
    assert [c for c in after.columns] == [c for c in before.columns]
    assert [r.__dict__ for r in after.rates["catalog"]] == [
        r.__dict__ for r in before.rates["catalog"]
    ]
    assert after.rates == before.rates
    assert kept == EXPECTED["counts"]["column_match"]


def test_decisions_made_before_the_upgrade_can_still_be_undone(old_catalog):
    db, _root = old_catalog
    with Catalog(db) as cat:
        desk = MappingDesk(cat, who="test")
        before = _decisions(cat)
        desk.undo()  # the last old step: 노선명 accepted on the road table's old label 노선번호
        after = _decisions(cat)
        # the step before re-accepted 노선번호 on the bus file by hand over the bulk accept: its
        # undo brings the bulk decision back (same term, the kind it was accepted as)
        desk.undo()
        again = _decisions(cat)
    road = (
        "교통과/05.고속국도_현황_2020.csv",
        "#0",
        "노선번호",
        "노선명",
        "accepted",
        None,
        "김주무관",
    )
    assert sorted(set(before) - set(after)) == [road] and set(after) <= set(before)
    gone, back = set(after) - set(again), set(again) - set(after)
    assert [d[2:6] for d in gone] == [("노선번호", "노선번호", "accepted", None)]
    assert [d[2:5] for d in back] == [("노선번호", "노선번호", "accepted")]
    assert next(iter(back))[5] is not None


def test_metadata_entered_before_the_upgrade_is_undone_onto_the_same_column(old_catalog):
    from catalog_app.disclosure.metadata import MetadataStore

    db, _root = old_catalog
    with Catalog(db) as cat:
        store = MetadataStore(cat)
        before = _metadata(cat)
        store.undo()  # the latest old batch: the value on the road table's old label
        after = _metadata(cat)
    removed = sorted(set(before) - set(after))
    assert removed == [
        ("교통과/05.고속국도_현황_2020.csv", "#0", "노선번호", "description", "노선 이름", "박담당")
    ]


def test_check_refuses_while_columns_lack_a_suggestion(old_catalog):
    """An old catalog where a rescan had dropped suggestions (the bug): check refuses."""
    db, _root = old_catalog
    with Catalog(db) as cat:
        cat.conn.execute(
            """DELETE FROM column_match WHERE column_id IN (SELECT c.id FROM columns c
               JOIN datasets d ON d.id = c.dataset_id WHERE d.rel_path LIKE '안전과/%')"""
        )
        missing = cat.conn.execute(
            """SELECT COUNT(*) FROM columns c JOIN datasets d ON d.id = c.dataset_id
               WHERE d.rel_path LIKE '안전과/%'"""
        ).fetchone()[0]
    runner = CliRunner()
    refused = runner.invoke(cli, ["--catalog", str(db), "check", "--json"])
    assert refused.exit_code == 1
    data = json.loads(refused.stdout)
    assert data["blocked"] is True and data["unsuggested"] == missing > 0
    assert "제안이 없는 컬럼" in data["problems"][0]["message"]
    for args in (
        ["validate", "--year", "2026"],
        ["snapshot", "--year", "2026"],
    ):
        out = runner.invoke(cli, ["--catalog", str(db), *args, "--json"])
        assert out.exit_code == 1, out.output
        assert "V41" in out.stdout
    mapped = runner.invoke(cli, ["--catalog", str(db), "map", "-q"])
    assert mapped.exit_code == 0
    ok = runner.invoke(cli, ["--catalog", str(db), "check", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["unsuggested"] == 0
