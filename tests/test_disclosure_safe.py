"""The export building blocks: the formula guard, the personal-value scrubber and the workbook
writer (types, widths, wrapping, BOM, atomic saves) that every disclosure list goes through."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from openpyxl import Workbook

from catalog_app.disclosure.exports.compliance import write_compliance
from catalog_app.disclosure.exports.definitions import write_definitions
from catalog_app.disclosure.exports.diff import write_diff
from catalog_app.disclosure.exports.inventory import write_inventory
from catalog_app.disclosure.safe import cell_text, neutralise, scrub
from catalog_app.disclosure.workbook import save_atomic, write_csv, write_table
from tests.disclosure_samples import FORMULA_TEXT, RRN_TEXT, sample_state
from tests.test_disclosure_exports import _csv, _diff

RRN = "800101-1234567"
OFFICE_PHONE = "02-2148-1234"


# --- safe: formula guard -----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\r=1", "-비고"])
def test_neutralise_quotes_formula_triggers(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["-", "-12.5", "+3", "-1,234", "12", "", "주차장", "a=b", "'=x"])
def test_neutralise_keeps_numbers_and_plain_text(text):
    assert neutralise(text) == text


# --- safe: personal values ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "secret", "masked"),
    [
        (RRN_TEXT, RRN, "문의: 800101-1****** 홍길동"),
        ("번호 8001011234567 확인", "8001011234567", "번호 8001011****** 확인"),
        ("외국인 900101-5234567", "900101-5234567", "외국인 900101-5******"),
        ("담당 010-1234-5678로", "1234", "담당 010-****-5678로"),
        ("연락 01012345678", "01012345678", "연락 010****5678"),
        ("메일 hong.gd@jongno.go.kr 로", "hong.gd@", "메일 ho*****@jongno.go.kr 로"),
        ("카드 4111-1111-1111-1111", "4111-1111-1111-1111", "카드 4111-****-****-1111"),
        ("여권번호 M12345678", "M12345678", "여권번호 M1*******"),
        ("여권 M123A4567", "M123A4567", "여권 M1*******"),
    ],
)
def test_scrub_masks_personal_values(text, secret, masked):
    assert scrub(text) == masked
    assert secret not in scrub(text)


@pytest.mark.parametrize(
    "text",
    [
        OFFICE_PHONE,
        "문의 031-123-4567 (내선 2)",
        "2024-01-01 ~ 2024-12-31",
        "지원금액 1,234,567원, 12345678901원",
        "801301-1234567",  # month 13: not a birth date
        "4111-1111-1111-1112",  # fails Luhn
        "D20240301_통계.csv",  # passport-like only with a passport cue
        "공개",
        "",
    ],
)
def test_scrub_keeps_office_numbers_dates_and_amounts(text):
    assert scrub(text) == text


def test_cell_text_scrubs_then_neutralises():
    assert cell_text(None) == ""
    assert cell_text("") == ""
    assert cell_text(1520) == "1520"
    assert cell_text(FORMULA_TEXT) == "'" + FORMULA_TEXT
    assert cell_text("=800101-1234567") == "'=800101-1******"
    assert cell_text("-") == "-"


# --- workbook ----------------------------------------------------------------------------------
def test_write_table_types_widths_and_wrapping():
    wb = Workbook()
    ws = wb.active
    long_text = "가" * 70
    write_table(
        ws,
        ["날짜", "수", "가나다라", "x", "긴 글"],
        [
            ["2025-03-31", "1,520", "a", "b", "짧음"],
            ["2025-02-30", "약 10", long_text, "", None],
        ],
        dates={"날짜"},
        numbers={"수"},
        wrap={"긴 글"},
    )
    assert ws["A2"].value == date(2025, 3, 31) and ws["A2"].number_format == "yyyy-mm-dd"
    assert ws["A3"].value == "2025-02-30" and ws["A3"].data_type == "s"  # not a real date
    assert ws["B2"].value == 1520 and ws["B3"].value == "약 10"
    assert ws["D3"].value is None and ws["E3"].value is None
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["C"] == 60  # 70 Hangul: capped
    assert widths["D"] == 6  # one narrow letter: the minimum
    assert widths["E"] == 7  # header "긴 글": 2 + 1 + 2, plus 2
    assert ws["C3"].alignment.wrap_text  # longer than 60 characters
    assert ws["E2"].alignment.wrap_text  # a wrap column
    assert not ws["D2"].alignment.wrap_text
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E3"


def test_write_csv_bom_crlf_and_safe_cells(tmp_path):
    path = write_csv(tmp_path / "a.csv", ["가", "나"], [[FORMULA_TEXT, 75.0], ["줄\n바꿈", 33.3]])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 3 and raw.endswith(b"33.3\r\n")  # the cell's own \n stays
    rows = _csv(path)
    assert rows == [["가", "나"], ["'" + FORMULA_TEXT, "75"], ["줄\n바꿈", "33.3"]]


def test_save_atomic_creates_parent_folders(tmp_path):
    target = tmp_path / "새 폴더" / "안쪽" / "a.xlsx"
    assert save_atomic(Workbook(), target) == target
    assert openpyxl.load_workbook(target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.xlsx"]


def _boom(*_args, **_kwargs):
    raise OSError("디스크가 가득 찼습니다")


def test_failed_xlsx_save_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(Workbook, "save", _boom)
    with pytest.raises(OSError):
        write_inventory(sample_state(), tmp_path / "목록.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "목록.xlsx"
    target.write_bytes(b"old")
    monkeypatch.setattr("os.replace", _boom)  # save_atomic lives in catalog_app.safe_files
    with pytest.raises(OSError):
        write_inventory(sample_state(), target)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_failed_csv_write_leaves_no_file(tmp_path):
    class Bad:
        def __str__(self):
            raise RuntimeError("읽을 수 없는 값")

    with pytest.raises(RuntimeError):
        write_csv(tmp_path / "a.csv", ["가"], [["첫 줄"], [Bad()]])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("writer", "name"),
    [
        (write_inventory, "목록.txt"),
        (write_definitions, "정의서.json"),
        (write_compliance, "준수율.csv"),
        (lambda _state, path: write_diff(_diff(), path), "변경.ods"),
    ],
)
def test_unsupported_format_is_refused_in_korean(tmp_path, writer, name):
    with pytest.raises(ValueError, match="지원하지 않는 파일 형식"):
        writer(sample_state(), tmp_path / name)
    assert list(tmp_path.iterdir()) == []
