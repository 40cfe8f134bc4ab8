"""Table rows written as sheet XML (``disclosure.workbook``) read back exactly as openpyxl's own
cells: values, types, date and wrap styles, widths, filter, panes; and a cell written inside
such a table is refused, never a damaged file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from catalog_app.disclosure.workbook import new_workbook, save_atomic, write_table

HEADERS = ("번호", "이름", "일자", "금액", "설명")
ROWS = [
    [1, "  앞뒤 공백  ", "2024-01-05", "1,520", '줄\n바꿈 & <태그> "따옴표"'],
    [2, "=SUM(A1:A2)", date(2023, 12, 31), 3.25, "x" * 80],
    [3, "", None, "12자", "보통"],
    [4, "+82-10", "2024-13-40", "", "'이미 따옴표"],
    [10**15, "조선 ㄱ ㆍ 𠀀", "2020-02-29", -7, ""],
]


def _write(wb, path: Path, second: bool = False) -> Path:
    ws = wb.create_sheet("표")
    last = write_table(
        ws, HEADERS, ROWS, dates={"일자"}, numbers={"금액"}, wrap={"설명"}
    )  # fmt: skip
    if second and not wb.write_only:
        write_table(ws, ("합계",), [[sum(r[0] for r in ROWS)]], start_row=last + 2)
    return save_atomic(wb, path)


def _plain(write_only: bool) -> Workbook:
    wb = Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)
    return wb


@pytest.mark.parametrize("write_only", [False, True], ids=["workbook", "write-only"])
@pytest.mark.parametrize("second", [False, True], ids=["one-table", "two-tables"])
def test_rows_written_as_xml_read_back_like_openpyxls_cells(tmp_path, write_only, second):
    fast = _write(new_workbook(write_only=write_only), tmp_path / "fast.xlsx", second)
    slow = _write(_plain(write_only), tmp_path / "slow.xlsx", second)
    a, b = openpyxl.load_workbook(fast)["표"], openpyxl.load_workbook(slow)["표"]
    assert (a.max_row, a.max_column, a.dimensions) == (b.max_row, b.max_column, b.dimensions)
    assert (a.auto_filter.ref, a.freeze_panes) == (b.auto_filter.ref, b.freeze_panes)
    for letter, dim in b.column_dimensions.items():
        assert a.column_dimensions[letter].width == dim.width
    for row_a, row_b in zip(a.iter_rows(), b.iter_rows(), strict=True):
        for x, y in zip(row_a, row_b, strict=True):
            assert (x.value, x.data_type, x.number_format) == (
                y.value,
                y.data_type,
                y.number_format,
            )
            assert bool(x.alignment.wrap_text) == bool(y.alignment.wrap_text), x.coordinate
            assert x.font.b == y.font.b
    formula = a["B3"]
    assert formula.data_type == "s" and not str(formula.value).startswith("=")  # never a formula


def test_a_cell_written_inside_a_table_is_refused(tmp_path):
    wb = new_workbook()
    ws = wb.create_sheet("표")
    write_table(ws, HEADERS, ROWS)
    ws.cell(row=3, column=7, value="표 안의 메모")
    with pytest.raises(RuntimeError):
        save_atomic(wb, tmp_path / "망가질.xlsx")
    assert not (tmp_path / "망가질.xlsx").exists()
