"""The first rows of a table for the 머리글 행 지정 dialog (issue 15): read through the scan's
readers, only the top of the file, personal data masked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.preview import table_preview
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _dataset(catalog: Catalog, name: str) -> int:
    return catalog.conn.execute("SELECT id FROM datasets WHERE name = ?", (name,)).fetchone()[0]


def test_csv_preview_masks_personal_columns(tmp_path):
    shutil.copytree(FIXTURES / "sample", tmp_path / "sample")
    with Catalog(tmp_path / "c.db") as catalog:
        scan(catalog, [str(tmp_path / "sample")])
        preview = table_preview(catalog, _dataset(catalog, "연락처.csv"), "#0")
    assert preview.rows[0] == ["성명", "휴대전화", "이메일", "주민등록번호"]  # the header, as is
    assert preview.header_row == 0 and preview.header_rows == 1
    body = [cell for row in preview.rows[1:] for cell in row]
    assert "010-0000-1234" not in body and "850315-1123457" not in body
    assert "홍길동" not in body and "gildong.hong@example.com" not in body
    assert set(preview.masked) == {0, 1, 2, 3}
    assert any("*" in cell for cell in body)


def test_only_the_top_of_the_file_is_read(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    lines = ["제목: 2024년 시설 현황", "", "번호,시설명,면적"]
    lines += [f"{i},시설{i},{i * 10}" for i in range(1, 60)]
    path = folder / "시설.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Catalog(tmp_path / "c.db") as catalog:
        scan(catalog, [str(folder)])
        dataset_id = _dataset(catalog, "시설.csv")
        # a 5 MB record further down: reading the whole file would refuse it (line_too_long)
        with path.open("a", encoding="utf-8") as fh:
            fh.write("99," + "가" * (5 << 20) + ",1\n")
        preview = table_preview(catalog, dataset_id, "#0", rows=10)
    assert len(preview.rows) == 10 and preview.more_rows
    assert preview.rows[0][0] == "제목: 2024년 시설 현황"
    assert preview.rows[2] == ["번호", "시설명", "면적"]
    assert preview.header_row == 2 and preview.header_rows == 1


def test_workbook_preview_reads_the_sheet_asked_for(tmp_path):
    shutil.copytree(FIXTURES / "sample", tmp_path / "sample")
    with Catalog(tmp_path / "c.db") as catalog:
        scan(catalog, [str(tmp_path / "sample")])
        dataset_id = _dataset(catalog, "시설목록.xlsx")
        keys = [
            r[0]
            for r in catalog.conn.execute(
                "SELECT table_key FROM tables WHERE dataset_id = ?", (dataset_id,)
            )
        ]
        for key in keys:
            preview = table_preview(catalog, dataset_id, key, rows=8)
            assert preview.sheet == key and 0 < len(preview.rows) <= 8
        with pytest.raises(ScanFailure):
            table_preview(catalog, dataset_id, "없는 시트")
