"""Issue 14 on an upgraded catalog: the verdicts of earlier releases are kept (as personal) until
the next scan, which reads the files holding them again and judges them in context."""

from __future__ import annotations

from catalog_app.catalog.store import Catalog
from catalog_app.privacy.verdicts import list_verdicts
from catalog_app.scan.scanner import scan
from tests.test_upgrade_v4 import old_catalog as old_catalog  # fixture


def test_old_verdicts_are_kept_then_judged_again_by_the_next_scan(old_catalog):
    db, root = old_catalog
    with Catalog(db) as cat:
        flagged = cat.conn.execute(
            "SELECT id, dataset_id, pii_kind FROM columns WHERE pii_kind IS NOT NULL"
        ).fetchall()
        assert flagged  # the schema-4 release flagged the facility list's phone column
        rows = {r["column_id"]: r for r in list_verdicts(cat.conn)}
        for c in flagged:  # kept as they were: personal, with the old reason
            assert rows[c["id"]]["kind"] == c["pii_kind"] and rows[c["id"]]["personal"]
        to_read = {c["dataset_id"] for c in flagged}
        forgotten = {
            r[0] for r in cat.conn.execute("SELECT id FROM datasets WHERE mtime_ns IS NULL")
        }
        assert to_read <= forgotten
        summary = scan(cat, [str(root)])
        assert summary.counts["changed"] >= len(to_read)
        phone = next(
            r
            for r in list_verdicts(cat.conn)
            if r["column"] == "전화번호" and r["path"].endswith("시설현황.csv")
        )
    assert phone["personal"] is False and "'시설명' 컬럼" in phone["reason"]
