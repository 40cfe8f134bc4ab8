"""The questions the CLI used to ask the catalog itself, answered by the core (issue 16)."""

from __future__ import annotations

import csv

from catalog_app.catalog.queries import catalog_counts, label_tables, table_keys
from catalog_app.disclosure import vocab
from catalog_app.disclosure.metadata import TEMPLATE_REF, MetadataStore
from catalog_app.scan.scanner import scan
from tests.scanner_helpers import FACILITIES, POPULATION


def _id(catalog, rel):  # noqa: F811
    return catalog.conn.execute("SELECT id FROM datasets WHERE rel_path = ?", (rel,)).fetchone()[0]


def test_counts_tables_and_the_tables_of_a_label(sample, catalog):  # noqa: F811
    empty = catalog_counts(catalog)
    assert empty == {"datasets": 0, "errors": 0, "missing": 0, "columns": 0}
    (sample / "깨진.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    scan(catalog, [str(sample)], suggest=False)
    counts = catalog_counts(catalog)
    assert counts["errors"] == 1 and counts["missing"] == 0
    assert counts["datasets"] == catalog.conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
    assert counts["columns"] > 5
    population = _id(catalog, POPULATION)
    assert table_keys(catalog, population) == ["#0"]
    workbook = _id(catalog, FACILITIES)
    keys = table_keys(catalog, workbook)
    assert keys and len(keys) == len(set(keys))
    first = catalog.conn.execute(
        """SELECT c.label, t.table_key FROM columns c JOIN tables t ON t.id = c.table_id
           WHERE c.dataset_id = ? ORDER BY t.table_index, c.col_index LIMIT 1""",
        (workbook,),
    ).fetchone()
    assert first["table_key"] in label_tables(catalog, workbook, first["label"])
    assert label_tables(catalog, workbook, "없는 머리글") == []


def test_the_template_written_is_the_one_read_back(sample, catalog, tmp_path):  # noqa: F811
    """``meta template``'s form, filled in and imported, enters the filled value."""
    scan(catalog, [str(sample)], suggest=False)
    store = MetadataStore(catalog)
    path = tmp_path / "양식.csv"
    n = store.write_template(path, 2025)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert n == len(rows) and n >= 3
    assert rows[0].keys() >= {TEMPLATE_REF, "목록명"}
    target = next(r for r in rows if r[TEMPLATE_REF] == POPULATION)
    for r in rows:  # only the one cell the coordinator types is entered
        for k in r:
            if k != TEMPLATE_REF:
                r[k] = ""
    target["목록명"] = "인구 현황 목록"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]))
        out.writeheader()
        out.writerows(rows)
    result = store.import_csv(path, who="tester")
    assert (result.updated, result.values) == (1, 1)
    key = vocab.field("dataset", "목록명").key
    assert store.entered(_id(catalog, POPULATION))[key] == "인구 현황 목록"
