"""DatasetTableModel pages through SQL: 200 rows at a time, sorted and filtered by SQLite."""

from __future__ import annotations

from PySide6.QtCore import Qt

from catalog_app.catalog.store import Catalog
from ui.models import DatasetTableModel


def _fill(catalog: Catalog, n: int) -> None:
    rows = [
        (i, f"/d/부서{i % 7}/자료_{i:04d}.csv", f"부서{i % 7}/자료_{i:04d}.csv",
         f"자료_{i:04d}.csv", f"부서{i % 7}", ".csv", "error" if i % 10 == 0 else "ok")
        for i in range(1, n + 1)
    ]  # fmt: skip
    with catalog.transaction() as conn:
        conn.executemany(
            """INSERT INTO datasets (id, path, rel_path, name, folder, ext, status)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
        conn.execute(
            """INSERT INTO tables (id, dataset_id, table_index, table_key, header_rows,
               first_col, column_count, row_count) VALUES (1, 7, 0, '#0', 1, 0, 1, 99)"""
        )
        conn.execute(
            """INSERT INTO columns (table_id, dataset_id, col_index, label, inferred_type,
               value_count, null_count, null_ratio, distinct_count, distinct_exact,
               max_len_chars, max_len_bytes, decimal_places, top_values, samples, type_counts,
               pii_kind, masked) VALUES (1, 7, 0, '성명', 'text', 99, 0, 0, 99, 1, 3, 6, 0,
               '[]', '[]', '{}', 'person_name', 1)"""
        )


def test_fetch_more_sort_and_filter(tmp_path, qapp):
    with Catalog(tmp_path / "m.db") as catalog:
        _fill(catalog, 450)
        model = DatasetTableModel(catalog.conn)
        assert model.total == 450 and model.rowCount() == 200
        assert model.canFetchMore()
        model.fetchMore()
        model.fetchMore()
        assert model.rowCount() == 450 and not model.canFetchMore()

        model.sort(0, Qt.SortOrder.DescendingOrder)
        assert model.rowCount() == 200
        assert model.index(0, 0).data() == "자료_0450.csv"
        model.sort(6, Qt.SortOrder.DescendingOrder)  # 행: a computed column, sorted in SQL
        assert model.index(0, 0).data() == "자료_0007.csv"
        assert model.index(0, 6).data() == "99"

        model.set_filter(status="error")
        assert model.total == 45 and model.rowCount() == 45
        assert model.index(0, 3).data() == "오류"
        model.set_filter(pii_only=True)
        assert model.total == 1 and model.dataset_id(0) == 7
        assert model.index(0, 7).data() == "1"
