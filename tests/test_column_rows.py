"""The one reader of a stored ``columns`` row gives back the profile the scan made."""

from __future__ import annotations

import dataclasses
import json

from catalog_app.catalog.column_rows import profile_from_row, profile_json
from catalog_app.catalog.queries import column_dict
from catalog_app.scan.file_scan import scan_file
from catalog_app.scan.scanner import scan
from tests.scanner_helpers import CONTACTS, POPULATION


def _stored(catalog, rel_path):  # noqa: F811
    return catalog.conn.execute(
        """SELECT c.*, t.table_index FROM columns c JOIN tables t ON t.id = c.table_id
           JOIN datasets d ON d.id = c.dataset_id WHERE d.rel_path = ?
           ORDER BY t.table_index, c.col_index""",
        (rel_path,),
    ).fetchall()


def test_a_stored_row_reads_back_as_the_scanned_profile(sample, catalog):  # noqa: F811
    scan(catalog, [str(sample)], suggest=False)
    compared = 0
    for rel in (POPULATION, CONTACTS):
        scanned = scan_file(str(sample / rel))
        profiles = {(t.index, c.index): c for t in scanned.tables for c in t.columns}
        for row in _stored(catalog, rel):
            want = dataclasses.replace(profiles[(row["table_index"], row["col_index"])])
            want.evidence = None  # for the table-level judgement only; never stored
            got = profile_from_row(row)
            assert got == want, row["label"]
            compared += 1
    assert compared > 5


def test_show_json_profile_is_the_stored_json(sample, catalog):  # noqa: F811
    """``show --json`` gives the stored lists as they are (lists, not tuples) under the keys
    of its contract."""
    scan(catalog, [str(sample)], suggest=False)
    rows = _stored(catalog, CONTACTS)
    assert any(r["pii_kind"] for r in rows)  # the personal columns are read too
    for row in rows:
        out = column_dict(row)
        assert out["profile"]["top_values"] == json.loads(row["top_values"])
        assert out["profile"]["samples"] == json.loads(row["samples"])
        assert out["profile"]["type_counts"] == json.loads(row["type_counts"])
        assert out["profile"] == profile_json(profile_from_row(row))
        assert (out["pii"] or {}).get("kind") == row["pii_kind"]
