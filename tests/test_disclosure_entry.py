"""Entry for many datasets (issue 15): the 목록 fields of every dataset as rows, and a save of
many cells as one undoable batch (the window's grid)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.entry import entry_rows
from catalog_app.disclosure.metadata import MetadataError, MetadataStore
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def sample_catalog(tmp_path):
    shutil.copytree(FIXTURES / "sample", tmp_path / "sample")
    with Catalog(tmp_path / "c.db") as catalog:
        scan(catalog, [str(tmp_path / "sample")])
        yield catalog


def test_rows_hold_entered_and_derived_values(sample_catalog):
    rows = entry_rows(sample_catalog)
    assert (
        len(rows)
        == sample_catalog.conn.execute(
            "SELECT COUNT(*) FROM datasets WHERE status IN ('ok', 'error')"
        ).fetchone()[0]
    )
    contacts = next(r for r in rows if r.name == "연락처.csv")
    assert contacts.derived("formats") == "CSV" and contacts.entered("formats") == ""
    assert contacts.derived("pii") == "Y"  # the scan found personal data
    MetadataStore(sample_catalog).set_fields(contacts.dataset_id, {"update_cycle": "연간"})
    again = next(r for r in entry_rows(sample_catalog) if r.dataset_id == contacts.dataset_id)
    assert again.entered("update_cycle") == "연간" and again.sources["update_cycle"] == "entered"


def test_set_many_is_one_batch_that_undoes_as_one(sample_catalog):
    store = MetadataStore(sample_catalog)
    ids = [r.dataset_id for r in entry_rows(sample_catalog)][:3]
    values = {i: {"update_cycle": "월간", "키워드": f"시설,{i}"} for i in ids}
    result = store.set_many(values)
    assert result.updated == 3 and result.values == 6 and result.batch_id is not None
    assert {store.entered(i)["update_cycle"] for i in ids} == {"월간"}
    cleared = store.set_many({ids[0]: {"update_cycle": ""}})
    assert "update_cycle" not in store.entered(ids[0]) and cleared.values == 1
    store.undo(cleared.batch_id)
    assert store.undo(result.batch_id) == 6
    assert all("update_cycle" not in store.entered(i) for i in ids)


def test_set_many_refuses_a_bad_field_without_writing(sample_catalog):
    store = MetadataStore(sample_catalog)
    ids = [r.dataset_id for r in entry_rows(sample_catalog)][:2]
    with pytest.raises(MetadataError):
        store.set_many({ids[0]: {"update_cycle": "연간"}, ids[1]: {"없는 항목": "x"}})
    with pytest.raises(MetadataError):
        store.set_many({ids[0]: {"update_cycle": "연간"}, 999_999: {"update_cycle": "연간"}})
    assert "update_cycle" not in store.entered(ids[0])
