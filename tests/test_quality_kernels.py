"""The vectorised readings the quality rules use agree with the scan's own readings
(``scan.values``) value by value: dates (calendar, 2-digit years, times), numbers, byte lengths
(한글 2 bytes) and blanks; patterns no engine can read give a Korean message."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from catalog_app.quality import kernels
from catalog_app.scan.values import byte_length, classify_value, is_blank

DATES = [
    "2021-03-10",
    "21-03-10",
    "2021-02-30",
    "2020-02-29",
    "1900-02-29",
    "2000-02-29",
    "20210310",
    "20211310",
    "2021.3.1",
    "2021. 3. 1.",
    "2021/03/10",
    "2021년 3월 1일",
    "2021-03-10 12:30",
    "2021-03-10 25:30",
    "2021-03-10 23:59:59",
    "2021-03-10 12:60",
    "x",
    "2021-3-1",
    "1904-08-08",
]


@pytest.mark.parametrize("text", DATES)
def test_dates_read_like_the_scan(text):
    info = classify_value(text)
    d = kernels.parse_dates(pa.array([text]))
    scan_says = info is not None and info.kind in ("date", "datetime")
    assert bool(d.valid[0]) == scan_says, text
    if scan_says:
        value = info.normalized
        day = value.date() if hasattr(value, "date") else value
        assert int(d.days[0]) == kernels.date_days(day)
        assert int(d.year[0]) == day.year
    assert bool(d.two_digit[0]) == text.startswith("21-")


def test_day_numbers_match_the_calendar():
    days = [date(1, 1, 1), date(1904, 8, 8), date(1970, 1, 1), date(2000, 3, 1), date(2024, 12, 31)]
    d = kernels.parse_dates(
        pa.array([x.isoformat() if x.year > 999 else "0001-01-01" for x in days])
    )
    assert d.days.tolist() == [kernels.date_days(x) for x in days]


@pytest.mark.parametrize(
    "text", ["1,234", "12.50", "-3", "1,23", "12%", "abc", "007", "+5", "3.", "1,234.5", " 7 "]
)
def test_numbers_read_like_the_scan(text):
    trimmed = text.strip()
    info = classify_value(trimmed)
    n = kernels.parse_numbers(pa.array([trimmed]), allow_percent=True, digits=True)
    scan_says = info is not None and info.kind in ("integer", "decimal", "code")
    assert bool(n.valid[0]) == scan_says, text
    if scan_says and info.kind != "code":
        assert n.value[0] == pytest.approx(float(info.normalized))


def test_digits_of_whole_and_fraction():
    n = kernels.parse_numbers(pa.array(["127.012345", "0.5", "1,234.50", "00012"]), digits=True)
    assert n.whole.tolist() == [3, 0, 4, 2]
    assert n.scale.tolist() == [6, 1, 2, 0]


def test_byte_lengths_follow_the_standard_rule():
    texts = ["abc", "한글", "a한", "", "·°x", "😀a", "수·발신", "中文", "서울특별시 종로구 1"]
    assert kernels.byte_lengths(pa.array(texts)).tolist() == [byte_length(t) for t in texts]


def test_blanks_are_the_scans_blanks():
    texts = ["", "-", "–", "—", "－", "a", "0", "-1"]
    trimmed = pa.array([t.strip() for t in texts])
    assert kernels.blank_mask(trimmed).tolist() == [is_blank(t) for t in texts]


def test_times():
    ok = kernels.times_valid(
        pa.array(["9:00", "24:00", "23:59", "25:00", "09:00:00", "0930", "12:60"])
    )
    assert ok.tolist() == [True, True, True, False, True, False, False]
    assert kernels.times_valid(pa.array(["0930", "2400", "2401"]), compact=True).tolist() == [
        True,
        True,
        False,
    ]


def test_patterns_re2_python_or_a_korean_error():
    anchored, error = kernels.compile_pattern(r"\d{5}")
    assert error is None and kernels.matches(pa.array(["01234", "1234"]), anchored).tolist() == [
        True,
        False,
    ]
    lookahead, error = kernels.compile_pattern(r"(?=.*\d)[A-Z]\d+")  # RE2 cannot: Python runs it
    assert error is None and kernels.matches(pa.array(["A1", "a1"]), lookahead).tolist() == [
        True,
        False,
    ]
    nothing, error = kernels.compile_pattern("[가-")
    assert nothing is None and error.startswith("정규식을 해석할 수 없습니다")


def test_shapes_become_regexes():
    regex = kernels.shape_regex("9999-99-99 99:99")
    assert kernels.matches(pa.array(["2021-03-10 12:30", "2021-03-10"]), regex).tolist() == [
        True,
        False,
    ]
