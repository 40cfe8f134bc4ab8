"""Exports one after another reuse the live state while the catalog is unchanged, and never a
state that a write (from this connection or another) has made stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure import state_cache
from catalog_app.disclosure.export import export
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.state_cache import state_for_year
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def cat(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    shutil.copytree(FIXTURES / "sample", tmp_path / "sample")
    with Catalog(tmp_path / "c.db") as catalog:
        scan(catalog, [str(tmp_path / "sample")])
        MetadataStore(catalog).set_institution({"name": "시험시", "code": "1234567"})
        yield catalog


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = state_cache.build_state

    def counting(catalog, year, **kwargs):
        calls.append(year)
        return real(catalog, year, **kwargs)

    monkeypatch.setattr(state_cache, "build_state", counting)  # the builds the cache asks for
    return calls


def test_exports_in_a_row_build_the_state_once(cat, builds, tmp_path):
    for kind in ("inventory", "definitions", "compliance", "dcat"):
        export(cat, 2025, kind, tmp_path / "out", force=True)
    assert builds == [2025]
    export(cat, 2024, "inventory", tmp_path / "out", force=True)  # another year: its own state
    assert builds == [2025, 2024]


def test_a_write_on_this_connection_builds_it_again(cat, builds):
    first = state_for_year(cat, 2025)
    dataset_id = first.datasets[0].dataset_id
    MetadataStore(cat).set_fields(dataset_id, {"title": "새 목록명"})
    again = state_for_year(cat, 2025)
    assert builds == [2025, 2025]
    assert next(d for d in again.datasets if d.dataset_id == dataset_id).get("title") == "새 목록명"


def test_a_write_from_another_connection_builds_it_again(cat, builds):
    first = state_for_year(cat, 2025)
    dataset_id = first.datasets[0].dataset_id
    with Catalog(cat.path) as other:
        MetadataStore(other).set_fields(dataset_id, {"title": "다른 창에서"})
    again = state_for_year(cat, 2025)
    assert builds == [2025, 2025]
    assert (
        next(d for d in again.datasets if d.dataset_id == dataset_id).get("title") == "다른 창에서"
    )


def test_no_export_changes_the_state_the_next_one_reads(cat, builds, tmp_path):
    """The cached state is handed out as it is: every export, the diff and validation must only
    read it (else the next export would write what the last one left)."""
    from catalog_app.disclosure.export import KINDS
    from catalog_app.disclosure.snapshot import snapshot_payload, take_snapshot

    take_snapshot(cat, 2024, force=True)
    state = state_for_year(cat, 2025)
    before = snapshot_payload(state)
    for kind in KINDS:
        export(cat, 2025, kind, tmp_path / "out", force=True)
    export(cat, 2025, "inventory", tmp_path / "out" / "목록.csv", force=True)
    export(cat, 2025, "definitions", tmp_path / "out" / "정의서.csv", force=True)
    assert state_for_year(cat, 2025) is state
    assert snapshot_payload(state) == before
    assert builds == [2025]  # one live state for all of them


def test_validation_is_kept_with_the_state_and_the_date(cat, monkeypatch):
    from datetime import date

    from catalog_app.disclosure.state_cache import validated

    state = state_for_year(cat, 2025)
    runs = []
    real = state_cache.validate

    def counting(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(state_cache, "validate", counting)  # the runs the cache asks for
    first = validated(state, date(2025, 3, 1))
    assert validated(state, date(2025, 3, 1)) == first and len(runs) == 1
    validated(state, date(2026, 1, 1))  # another reference date: validated again
    assert len(runs) == 2


def test_the_snapshot_text_is_the_json_of_the_state_written_record_by_record():
    import json

    from catalog_app.disclosure.snapshot import snapshot_payload
    from tests.disclosure_samples import sample_state

    state = sample_state()
    whole = json.dumps(state.to_dict(), ensure_ascii=False, sort_keys=True)
    assert snapshot_payload(state) == whole.encode()


def test_a_snapshot_written_that_way_loads_and_passes_its_hash_check(cat):
    from catalog_app.disclosure.snapshot import load_snapshot, take_snapshot

    info = take_snapshot(cat, 2024, force=True)
    stored = cat.conn.execute("SELECT typeof(payload) FROM snapshots WHERE year = 2024").fetchone()
    assert stored[0] == "text"
    state = load_snapshot(cat, 2024)
    assert state.source == "snapshot" and len(state.columns) == info.summary["columns"] >= 1


def test_a_snapshot_read_once_is_checked_again_after_any_write(cat):
    import sqlite3

    from catalog_app.disclosure.snapshot import SnapshotError, take_snapshot
    from catalog_app.disclosure.state_cache import snapshot_state

    take_snapshot(cat, 2024, force=True)
    first = snapshot_state(cat, 2024)
    assert snapshot_state(cat, 2024) is first  # nothing written: the same frozen state
    other = sqlite3.connect(cat.path)  # another tool edits the frozen row behind the app's back
    other.execute("DROP TRIGGER snapshots_frozen_update")
    other.execute("UPDATE snapshots SET payload = replace(payload, '시험시', '가짜시')")
    other.commit()
    other.close()
    with pytest.raises(SnapshotError):
        snapshot_state(cat, 2024)
