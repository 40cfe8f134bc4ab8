"""Cell value classification: the profiler's column types and formats rest on these answers."""

from __future__ import annotations

import dataclasses
import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from catalog_app.scan.values import (
    KINDS,
    ValueInfo,
    byte_length,
    classify_value,
    is_blank,
    value_pattern,
)

D = date
DT = datetime
T = time

# (input, kind, normalized, text, decimals, fmt)
STRING_CASES = [
    # integers
    ("123", "integer", 123, "123", 0, None),
    ("-5", "integer", -5, "-5", 0, None),
    ("+7", "integer", 7, "+7", 0, None),
    ("0", "integer", 0, "0", 0, None),
    ("1", "integer", 1, "1", 0, None),
    ("1,395", "integer", 1395, "1,395", 0, "#,##0"),
    ("51,149,546", "integer", 51149546, "51,149,546", 0, "#,##0"),
    ("-1,000", "integer", -1000, "-1,000", 0, "#,##0"),
    ("  2 ", "integer", 2, "2", 0, None),
    ("\xa02\u3000", "integer", 2, "2", 0, None),
    ("-007", "integer", -7, "-007", 0, None),
    ("12345678", "integer", 12345678, "12345678", 0, None),
    ("20241301", "integer", 20241301, "20241301", 0, None),
    ("18991231", "integer", 18991231, "18991231", 0, None),
    ("123456789012345678901234567890", "integer", 123456789012345678901234567890, None, 0, None),
    # decimals
    ("2.11", "decimal", 2.11, "2.11", 2, None),
    ("-0.5", "decimal", -0.5, "-0.5", 1, None),
    ("0.5", "decimal", 0.5, "0.5", 1, None),
    (".5", "decimal", 0.5, ".5", 1, None),
    ("-.25", "decimal", -0.25, "-.25", 2, None),
    ("+1.50", "decimal", 1.5, "+1.50", 2, None),
    ("1,234.56", "decimal", 1234.56, "1,234.56", 2, "#,##0.00"),
    ("68.1%", "decimal", 68.1, "68.1%", 1, "0.0%"),
    ("68%", "decimal", 68.0, "68%", 0, "0%"),
    ("1,234.5%", "decimal", 1234.5, "1,234.5%", 1, "#,##0.0%"),
    ("2024.01", "decimal", 2024.01, "2024.01", 2, None),
    # codes: zero-padded digit strings keep their zeros
    ("0159", "code", "0159", "0159", 0, None),
    ("01", "code", "01", "01", 0, None),
    ("007", "code", "007", "007", 0, None),
    ("00", "code", "00", "00", 0, None),
    ("01012345678", "code", "01012345678", "01012345678", 0, None),
    # dates
    ("2024-01-05", "date", D(2024, 1, 5), "2024-01-05", 0, "YYYY-MM-DD"),
    ("2024-1-5", "date", D(2024, 1, 5), "2024-1-5", 0, "YYYY-M-D"),
    ("2024.01.05", "date", D(2024, 1, 5), "2024.01.05", 0, "YYYY.MM.DD"),
    ("2024.01.05.", "date", D(2024, 1, 5), "2024.01.05.", 0, "YYYY.MM.DD."),
    ("2024. 1. 5.", "date", D(2024, 1, 5), "2024. 1. 5.", 0, "YYYY. M. D."),
    ("2024. 10. 15.", "date", D(2024, 10, 15), "2024. 10. 15.", 0, "YYYY. M. D."),
    ("2024. 01. 05.", "date", D(2024, 1, 5), "2024. 01. 05.", 0, "YYYY. MM. DD."),
    ("2024.1.5", "date", D(2024, 1, 5), "2024.1.5", 0, "YYYY.M.D"),
    ("2024.10.5", "date", D(2024, 10, 5), "2024.10.5", 0, "YYYY.M.D"),
    ("2024.10.15", "date", D(2024, 10, 15), "2024.10.15", 0, "YYYY.MM.DD"),
    ("2024/01/05", "date", D(2024, 1, 5), "2024/01/05", 0, "YYYY/MM/DD"),
    ("2024년 1월 5일", "date", D(2024, 1, 5), "2024년 1월 5일", 0, "YYYY년 M월 D일"),
    ("2024년01월05일", "date", D(2024, 1, 5), "2024년01월05일", 0, "YYYY년MM월DD일"),
    ("20240105", "date", D(2024, 1, 5), "20240105", 0, "YYYYMMDD"),
    ("19000101", "date", D(1900, 1, 1), "19000101", 0, "YYYYMMDD"),
    ("24-01-05", "date", D(2024, 1, 5), "24-01-05", 0, "YY-MM-DD"),
    ("21-03-10", "date", D(2021, 3, 10), "21-03-10", 0, "YY-MM-DD"),
    ("24.01.05", "date", D(2024, 1, 5), "24.01.05", 0, "YY.MM.DD"),
    ("69-12-31", "date", D(2069, 12, 31), "69-12-31", 0, "YY-MM-DD"),
    ("70-01-01", "date", D(1970, 1, 1), "70-01-01", 0, "YY-MM-DD"),
    ("99.01.05", "date", D(1999, 1, 5), "99.01.05", 0, "YY.MM.DD"),
    ("2024-02-29", "date", D(2024, 2, 29), "2024-02-29", 0, "YYYY-MM-DD"),
    ("2000-02-29", "date", D(2000, 2, 29), "2000-02-29", 0, "YYYY-MM-DD"),
    ("2100-12-31", "date", D(2100, 12, 31), "2100-12-31", 0, "YYYY-MM-DD"),
    # datetimes
    ("2023-01-12 15:10", "datetime", DT(2023, 1, 12, 15, 10), None, 0, "YYYY-MM-DD HH:MM"),
    ("2024-01-05 09:00:00", "datetime", DT(2024, 1, 5, 9), None, 0, "YYYY-MM-DD HH:MM:SS"),
    ("2024-01-05 00:00:00", "datetime", DT(2024, 1, 5), None, 0, "YYYY-MM-DD HH:MM:SS"),
    ("2024.01.05 9:00", "datetime", DT(2024, 1, 5, 9), None, 0, "YYYY.MM.DD H:MM"),
    ("2024-01-05T09:00:00", "datetime", DT(2024, 1, 5, 9), None, 0, "YYYY-MM-DDTHH:MM:SS"),
    (
        "2024-01-05T09:00:00.123Z",
        "datetime",
        DT(2024, 1, 5, 9, 0, 0, 123000),
        None,
        0,
        "YYYY-MM-DDTHH:MM:SS.fffZ",
    ),
    ("2024-01-05T09:00+09:00", "datetime", DT(2024, 1, 5, 9), None, 0, "YYYY-MM-DDTHH:MM+HH:MM"),
    ("2024-01-05 오후 3:05", "datetime", DT(2024, 1, 5, 15, 5), None, 0, "YYYY-MM-DD AM/PM H:MM"),
    (
        "2024. 1. 5. 오후 3:05:00",
        "datetime",
        DT(2024, 1, 5, 15, 5),
        None,
        0,
        "YYYY. M. D. AM/PM H:MM:SS",
    ),
    (
        "2024년 1월 5일 9시 30분",
        "datetime",
        DT(2024, 1, 5, 9, 30),
        None,
        0,
        "YYYY년 M월 D일 H시 M분",
    ),
    ("24-01-05 09:00", "datetime", DT(2024, 1, 5, 9), None, 0, "YY-MM-DD HH:MM"),
    # times
    ("9:00", "time", T(9), "9:00", 0, "H:MM"),
    ("09:00", "time", T(9), "09:00", 0, "HH:MM"),
    ("18:30", "time", T(18, 30), "18:30", 0, "HH:MM"),
    ("18:30:15", "time", T(18, 30, 15), "18:30:15", 0, "HH:MM:SS"),
    ("0:00", "time", T(0), "0:00", 0, "H:MM"),
    ("23:59:59", "time", T(23, 59, 59), "23:59:59", 0, "HH:MM:SS"),
    ("24:00", "time", T.max, "24:00", 0, "HH:MM"),
    ("24:00:00", "time", T.max, "24:00:00", 0, "HH:MM:SS"),
    ("오전 9:00", "time", T(9), "오전 9:00", 0, "AM/PM H:MM"),
    ("오후 3:05", "time", T(15, 5), "오후 3:05", 0, "AM/PM H:MM"),
    ("오후 12:30", "time", T(12, 30), "오후 12:30", 0, "AM/PM H:MM"),
    ("오전 12:30", "time", T(0, 30), "오전 12:30", 0, "AM/PM H:MM"),
    ("오후3:05", "time", T(15, 5), "오후3:05", 0, "AM/PMH:MM"),
    ("3:05 PM", "time", T(15, 5), "3:05 PM", 0, "H:MM AM/PM"),
    ("AM 9:00", "time", T(9), "AM 9:00", 0, "AM/PM H:MM"),
    ("9시 30분", "time", T(9, 30), "9시 30분", 0, "H시 M분"),
    ("9시30분", "time", T(9, 30), "9시30분", 0, "H시M분"),
    ("09시 05분", "time", T(9, 5), "09시 05분", 0, "HH시 MM분"),
    ("9시", "time", T(9), "9시", 0, "H시"),
    ("14시 30분 15초", "time", T(14, 30, 15), "14시 30분 15초", 0, "H시 M분 S초"),
    ("오전 9시 30분", "time", T(9, 30), "오전 9시 30분", 0, "AM/PM H시 M분"),
    # flags
    ("Y", "flag", True, "Y", 0, None),
    ("N", "flag", False, "N", 0, None),
    ("y", "flag", True, "y", 0, None),
    ("n", "flag", False, "n", 0, None),
    ("예", "flag", True, "예", 0, None),
    ("아니오", "flag", False, "아니오", 0, None),
    ("네", "flag", True, "네", 0, None),
    ("아니요", "flag", False, "아니요", 0, None),
    ("O", "flag", True, "O", 0, None),
    ("X", "flag", False, "X", 0, None),
    ("o", "flag", True, "o", 0, None),
    ("x", "flag", False, "x", 0, None),
    ("○", "flag", True, "○", 0, None),
    ("×", "flag", False, "×", 0, None),
    ("유", "flag", True, "유", 0, None),
    ("무", "flag", False, "무", 0, None),
    ("여", "flag", True, "여", 0, None),
    ("부", "flag", False, "부", 0, None),
    ("T", "flag", True, "T", 0, None),
    ("F", "flag", False, "F", 0, None),
    ("TRUE", "flag", True, "TRUE", 0, None),
    ("FALSE", "flag", False, "FALSE", 0, None),
    ("true", "flag", True, "true", 0, None),
    ("false", "flag", False, "false", 0, None),
    ("True", "flag", True, "True", 0, None),
    ("있음", "flag", True, "있음", 0, None),
    ("없음", "flag", False, "없음", 0, None),
    ("Yes", "flag", True, "Yes", 0, None),
    ("no", "flag", False, "no", 0, None),
    (" Y ", "flag", True, "Y", 0, None),
]

# Values that look close to a number, date, time or flag but are not: all text.
TEXT_CASES = [
    "010-1234-5678",
    "02-123-4567",
    "2017.1/4",
    "4일+9일",
    "N75신림",
    "B553077",
    "6~20",
    "1,2",
    "1,23",
    "1,2345",
    "0,123",
    "12,34.5",
    "1.2.3",
    "5.",
    ".",
    "+",
    "%",
    "-%",
    "--",
    "1e5",
    "1.5E+03",
    "nan",
    "inf",
    "１２３",
    "(1,234)",
    "1,000원",
    "₩1,000",
    "2015-09-31",
    "2023-02-29",
    "1900-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "1899-12-31",
    "2101-01-01",
    "2024-01/05",
    "2024.01-05",
    "2024-01-051",
    "2024-01-05(금)",
    "24/01/05",
    "24.1.5",
    "12.34.56",
    "192.168.0.1",
    "10.01.05.1",
    "2024-01",
    "2024년 1월",
    "2024-01-05 25:00",
    "2024-01-05 24:00",
    "2024-01-05 9",
    "2024-01-05x09:00",
    "24:30",
    "24:00:01",
    "25:00",
    "9:60",
    "12:30:60",
    "123:45",
    "9:5",
    "9:00Z",
    "오후 13:00",
    "오전 9:00 PM",
    "오후",
    "AM",
    "a",
    "9시 60분",
    "Yess",
    "YN",
    "예/아니오",
    "서울특별시 강남구",
]


def _check(info: ValueInfo | None, kind, normalized, text, decimals, fmt) -> None:
    assert info is not None
    assert info.kind == kind
    assert type(info.normalized) is type(normalized)
    assert info.normalized == normalized
    if text is not None:
        assert info.text == text
    assert info.decimals == decimals
    assert info.fmt == fmt


@pytest.mark.parametrize(("value", "kind", "normalized", "text", "decimals", "fmt"), STRING_CASES)
def test_classify_string(value, kind, normalized, text, decimals, fmt):
    _check(classify_value(value), kind, normalized, text, decimals, fmt)


def test_string_text_defaults_to_stripped_original():
    for value, *_ in STRING_CASES:
        assert classify_value(value).text == value.strip()


@pytest.mark.parametrize("value", TEXT_CASES)
def test_classify_text(value):
    info = classify_value(value)
    assert info == ValueInfo("text", value, value, 0, None)


# (input, kind, normalized, text, decimals, fmt)
TYPED_CASES = [
    (True, "flag", True, "Y", 0, None),
    (False, "flag", False, "N", 0, None),
    (3, "integer", 3, "3", 0, "excel"),
    (-42, "integer", -42, "-42", 0, "excel"),
    (0, "integer", 0, "0", 0, "excel"),
    (10**30, "integer", 10**30, "1" + "0" * 30, 0, "excel"),
    (3.0, "integer", 3, "3", 0, "excel"),
    (-0.0, "integer", 0, "0", 0, "excel"),
    (1e20, "integer", 10**20, "1" + "0" * 20, 0, "excel"),
    (1.5, "decimal", 1.5, "1.5", 1, "excel"),
    (-2.25, "decimal", -2.25, "-2.25", 2, "excel"),
    (0.1 + 0.2, "decimal", 0.1 + 0.2, "0.30000000000000004", 17, "excel"),
    (1e-05, "decimal", 1e-05, "0.00001", 5, "excel"),
    (1.5e-07, "decimal", 1.5e-07, "0.00000015", 8, "excel"),
    (D(2024, 1, 5), "date", D(2024, 1, 5), "2024-01-05", 0, "excel"),
    (DT(2024, 1, 5), "date", D(2024, 1, 5), "2024-01-05", 0, "excel"),
    (DT(2024, 1, 5, 9, 30), "datetime", DT(2024, 1, 5, 9, 30), "2024-01-05 09:30:00", 0, "excel"),
    (
        DT(2024, 1, 5, 0, 0, 1),
        "datetime",
        DT(2024, 1, 5, 0, 0, 1),
        "2024-01-05 00:00:01",
        0,
        "excel",
    ),
    (DT(2024, 1, 5, 0, 0, 0, 5), "datetime", DT(2024, 1, 5, 0, 0, 0, 5), None, 0, "excel"),
    # Excel's day-zero base date carries a time of day only.
    (DT(1899, 12, 30, 9, 0), "time", T(9), "09:00:00", 0, "excel"),
    (DT(1899, 12, 31, 18, 30), "time", T(18, 30), "18:30:00", 0, "excel"),
    (T(9, 5), "time", T(9, 5), "09:05:00", 0, "excel"),
    (T(0), "time", T(0), "00:00:00", 0, "excel"),
    (timedelta(hours=2, minutes=3, seconds=4), "time", T(2, 3, 4), "02:03:04", 0, "excel"),
    (timedelta(0), "time", T(0), "00:00:00", 0, "excel"),
    (timedelta(hours=23, minutes=59, seconds=59), "time", T(23, 59, 59), "23:59:59", 0, "excel"),
    (timedelta(days=1), "text", "1 day, 0:00:00", "1 day, 0:00:00", 0, None),
    (timedelta(days=2, hours=1), "text", "2 days, 1:00:00", "2 days, 1:00:00", 0, None),
    (timedelta(hours=-1), "text", "-1 day, 23:00:00", "-1 day, 23:00:00", 0, None),
    (Decimal("1.50"), "decimal", 1.5, "1.50", 2, None),
    (Decimal("3.0"), "integer", 3, "3", 0, None),
    (Decimal("1E-7"), "decimal", 1e-7, "0.0000001", 7, None),
    (Fraction(1, 4), "decimal", 0.25, "0.25", 2, "excel"),
    (Fraction(6, 2), "integer", 3, "3", 0, "excel"),
    (b"abc", "text", "b'abc'", "b'abc'", 0, None),
    ([1, 2], "text", "[1, 2]", "[1, 2]", 0, None),
]


@pytest.mark.parametrize(("value", "kind", "normalized", "text", "decimals", "fmt"), TYPED_CASES)
def test_classify_typed(value, kind, normalized, text, decimals, fmt):
    _check(classify_value(value), kind, normalized, text, decimals, fmt)


class _Label(str):
    pass


class _Blank:
    def __str__(self) -> str:
        return "  "


def test_str_subclass_is_classified_as_plain_str():
    info = classify_value(_Label(" 0159 "))
    assert info == ValueInfo("code", "0159", "0159", 0, None)
    assert type(info.normalized) is str


BLANKS = [
    None,
    "",
    " ",
    "\t\n",
    "\xa0",
    "\u3000",
    " \xa0\u3000 ",
    "-",
    " - ",
    "–",
    "—",
    "－",
    float("nan"),
    float("inf"),
    float("-inf"),
    Decimal("NaN"),
    _Blank(),
]
NOT_BLANKS = ["0", "--", "N/A", "x", 0, 0.0, False, D(2024, 1, 5), T(0), timedelta(0), "- 5"]


@pytest.mark.parametrize("value", BLANKS)
def test_blank(value):
    assert is_blank(value)
    assert classify_value(value) is None


@pytest.mark.parametrize("value", NOT_BLANKS)
def test_not_blank(value):
    assert not is_blank(value)
    assert classify_value(value) is not None


def test_every_kind_is_known_and_normalized_type_matches():
    expected = {
        "integer": int,
        "decimal": float,
        "date": date,
        "datetime": datetime,
        "time": time,
        "flag": bool,
        "code": str,
        "text": str,
    }
    values = [c[0] for c in STRING_CASES] + TEXT_CASES + [c[0] for c in TYPED_CASES]
    seen = set()
    for value in values:
        info = classify_value(value)
        assert info.kind in KINDS
        assert type(info.normalized) is expected[info.kind], value
        assert isinstance(info.text, str) and info.text
        seen.add(info.kind)
    assert seen == set(KINDS)


def test_value_info_is_frozen_and_slotted():
    info = classify_value("1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.kind = "text"
    assert not hasattr(info, "__dict__")


def test_decimal_text_never_uses_exponent():
    for value in (1e-05, 1.23e-10, -4.5e-06, 0.1, 123456.789):
        info = classify_value(value)
        assert "e" not in info.text.lower()
        assert float(info.text) == value
        assert math.isclose(info.normalized, value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("010-1234-5678", "999-9999-9999"),
        ("서울 강남구", "가가 가가가"),
        ("B553077", "A999999"),
        ("N75신림", "A99가가"),
        ("abcXYZ", "AAAAAA"),
        ("Café", "AAAA"),
        ("ㄱㄴ ㅏ", "ㄱㄱ ㄱ"),
        ("a  \t b", "A A"),
        ("서울\xa0\u3000 1", "가가 9"),
        ("(주)한국", "(가)가가"),
        ("漢字-1", "漢字-9"),
        ("１２３", "１２３"),
        ("x" * 30, "A" * 30),
    ],
)
def test_value_pattern(text, expected):
    assert value_pattern(text) == expected


def test_value_pattern_limit():
    assert value_pattern("x" * 31) is None
    assert value_pattern("가" * 31) is None
    assert value_pattern("12345", limit=4) is None
    assert value_pattern("1234", limit=4) == "9999"
    assert value_pattern("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("abc", 3),
        ("서울시", 6),
        ("서울 1", 6),
        ("漢字", 4),
        ("①", 2),
        ("a\xa0b", 4),
        ("😀", 2),
        ("Seoul 서울특별시 123", 20),
    ],
)
def test_byte_length(text, expected):
    assert byte_length(text) == expected
