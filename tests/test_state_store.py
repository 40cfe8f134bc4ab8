"""The live state kept beside the catalog: a second process reads it while the catalog's bytes are
the same, builds again after any write (from any connection), and its exports are the same bytes
as those of a fresh build."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure import state_cache, state_store
from catalog_app.disclosure.export import export
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.snapshot import snapshot_payload
from catalog_app.disclosure.state import build_state
from catalog_app.disclosure.state_cache import state_for_year
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def db(tmp_path, template) -> Path:
    shutil.copy(template, tmp_path / "c.db")
    shutil.copytree(FIXTURES / "sample", tmp_path / "sample")
    with Catalog(tmp_path / "c.db") as catalog:
        scan(catalog, [str(tmp_path / "sample")])
        MetadataStore(catalog).set_institution({"name": "시험시", "code": "1234567"})
    return tmp_path / "c.db"


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = state_cache.build_state

    def counting(catalog, year, **kwargs):
        calls.append(year)
        return real(catalog, year, **kwargs)

    monkeypatch.setattr(state_cache, "build_state", counting)
    return calls


def _same(a, b) -> bool:
    """Equal states but for when each was built."""
    b = replace(b, created_at=a.created_at)
    return snapshot_payload(a) == snapshot_payload(b)


def test_a_second_process_reads_the_kept_state(db, builds):
    with Catalog(db) as first:
        built = state_for_year(first, 2025)
    assert builds == [2025]
    assert state_store.path_for(Catalog(db), 2025).exists()
    with Catalog(db) as second:  # a new connection: what the next CLI export opens
        kept = state_for_year(second, 2025)
        fresh = build_state(second, 2025)
    assert builds == [2025]
    assert kept is not built and _same(kept, built) and _same(kept, fresh)


def test_the_validation_of_the_day_is_kept_with_it(db, monkeypatch):
    from catalog_app.disclosure.state_cache import validated
    from catalog_app.disclosure.validate import validate

    with Catalog(db) as first:
        expected = validate(state_for_year(first, 2025))
    runs = []
    monkeypatch.setattr(state_cache, "validate", lambda *a, **k: runs.append(1) or [])
    with Catalog(db) as second:
        assert validated(state_for_year(second, 2025)) == expected and expected
    assert runs == []


def test_a_write_from_anywhere_builds_it_again(db, builds):
    with Catalog(db) as first:
        state = state_for_year(first, 2025)
        dataset_id = state.datasets[0].dataset_id
    conn = sqlite3.connect(db)  # another tool, not the app
    conn.execute(
        "INSERT INTO disclosure_meta (dataset_id, column_id, field, value, updated_by, updated_at) "
        "VALUES (?, 0, 'title', '다른 도구로 바꾼 목록명', '도구', '2025-01-01')",
        (dataset_id,),
    )
    conn.commit()
    conn.close()
    with Catalog(db) as second:
        again = state_for_year(second, 2025)
    assert builds == [2025, 2025]
    assert next(d for d in again.datasets if d.dataset_id == dataset_id).get("title") == (
        "다른 도구로 바꾼 목록명"
    )
    with Catalog(db) as third:
        MetadataStore(third).set_fields(dataset_id, {"title": "새 목록명"})
    with Catalog(db) as fourth:
        assert (
            next(
                d for d in state_for_year(fourth, 2025).datasets if d.dataset_id == dataset_id
            ).get("title")
            == "새 목록명"
        )
    assert builds == [2025, 2025, 2025]


def test_another_year_or_a_broken_file_builds(db, builds):
    with Catalog(db) as cat:
        state_for_year(cat, 2025)
    kept = state_store.path_for(Catalog(db), 2025)
    kept.write_bytes(gzip.compress(b'{"format": 1}\n{"broken'))
    with Catalog(db) as cat:
        state_for_year(cat, 2025)
        state_for_year(cat, 2024)
    assert builds == [2025, 2025, 2024]


def test_exports_from_the_kept_state_are_the_same_bytes(db, tmp_path, builds):
    outputs = {}
    for run in ("built", "kept"):
        out = tmp_path / run
        with Catalog(db) as cat:
            for kind, name in (("inventory", "목록.csv"), ("definitions", "정의서.csv")):
                export(cat, 2025, kind, out / name, force=True)
            export(cat, 2025, "dcat", out / "dcat.jsonld", force=True)
        outputs[run] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert builds == [2025]
    assert outputs["built"] == outputs["kept"] and len(outputs["built"]) >= 3
