"""Column profiles: types, blanks, lengths in bytes, distinct counts, patterns, masking."""

import datetime as dt

import pytest

from catalog_app.scan import profile as profile_mod
from catalog_app.scan.profile import ColumnAccumulator, TableProfiler


def profile_of(values, label="값"):
    acc = ColumnAccumulator(0, label)
    acc.update(tuple(values))
    return acc.finish()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["1", "2", "1,395", " 42 "], "integer"),
        (["1.5", "2", "3.25"], "decimal"),
        (["2024-01-05", "2024-02-29", ""], "date"),
        (["2024.01.05", "20240106", "2024년 1월 7일"], "date"),
        (["2023-01-12 15:10", "2023-01-12 15:11"], "datetime"),
        (["9:00", "18:30"], "time"),
        (["Y", "N", "Y", ""], "flag"),
        (["0159", "0160", "1001"], "code"),
        (["종로구", "중구", "1"], "text"),
        (["", " ", "-"], "empty"),
    ],
)
def test_inferred_type(values, expected):
    assert profile_of(values).inferred_type == expected


def test_excel_typed_values():
    p = profile_of([1.0, 2.0, 3.5, ""])
    assert p.inferred_type == "decimal" and p.decimal_places == 1
    assert (p.min_value, p.max_value) == ("1", "3.5")
    d = profile_of([dt.date(2024, 1, 5), dt.datetime(2024, 3, 1)])
    assert d.inferred_type == "date" and (d.min_value, d.max_value) == ("2024-01-05", "2024-03-01")


def test_one_stray_value_does_not_break_the_type():
    values = [str(i) for i in range(100)] + ["미상"]
    p = profile_of(values)
    assert p.inferred_type == "integer"
    assert p.type_share == pytest.approx(100 / 101, abs=1e-3)
    assert p.type_counts == {"integer": 100, "text": 1}


def test_nulls_lengths_and_bytes():
    p = profile_of(["서울특별시", "", "abc", "  ", "부산"])
    assert p.null_count == 2 and p.null_ratio == pytest.approx(0.4)
    assert p.max_len_chars == 5
    assert p.max_len_bytes == 10  # 한글 = 2 bytes
    assert p.distinct_count == 3


def test_numeric_min_max_compare_as_numbers_not_text():
    p = profile_of(["9", "10", "1,200"])
    assert (p.min_value, p.max_value) == ("9", "1,200")


def test_pattern_and_top_values():
    p = profile_of(["AB-12", "CD-34", "EFG-5", "AB-12"], label="구분코드")
    assert p.pattern == "AA-99" and p.pattern_share == pytest.approx(0.75)
    assert p.top_values[0] == ("AB-12", 2)


def test_pii_column_is_masked_before_storage():
    phones = ["010-1234-5678", "010-9876-5432", "010-5555-4321"]
    p = profile_of(phones, label="휴대전화")
    assert p.pii is not None and p.pii.kind == "mobile"
    assert p.masked
    stored = " ".join(p.samples + [v for v, _ in p.top_values] + [p.min_value, p.max_value])
    for phone in phones:
        assert phone not in stored
        assert phone.split("-")[1] not in stored  # the middle group is the identifying part


def test_overflow_switches_to_estimates(monkeypatch):
    monkeypatch.setattr(profile_mod, "EXACT_DISTINCT", 1000)
    acc = ColumnAccumulator(0, "번호")
    for start in range(0, 50_000, 5000):
        acc.update(tuple(str(i) for i in range(start, start + 5000)))
    p = acc.finish()
    assert not p.distinct_exact
    assert 45_000 < p.distinct_count < 55_000  # KMV estimate within 10%
    assert p.inferred_type == "integer"
    assert p.max_len_chars == 5
    assert p.null_count == 0


def test_table_profiler_pads_short_rows_and_offsets_columns():
    tp = TableProfiler(["a", "b"], first_col=1)
    tp.add(["", "1", "x"])
    tp.add(["", "2"])  # ragged short row: padded
    cols = tp.finish()
    assert [c.label for c in cols] == ["a", "b"]
    assert cols[0].inferred_type == "integer"
    assert cols[1].null_count == 1


def test_overflow_estimate_for_excel_floats(monkeypatch):
    """Float hashes carry runs of zero bits; the sketch must still spread them evenly."""
    monkeypatch.setattr(profile_mod, "EXACT_DISTINCT", 500)
    acc = ColumnAccumulator(0, "위도")
    values = [37.4 + i * 0.000001 for i in range(60_000)]
    for start in range(0, len(values), 500):
        acc.update(tuple(values[start : start + 500]))
    p = acc.finish()
    assert not p.distinct_exact
    assert abs(p.distinct_count - 60_000) / 60_000 < 0.1
    assert p.inferred_type == "decimal"
    assert p.min_value == "37.4" and p.max_value.startswith("37.45999")


def test_date_tails_keep_the_lowest_and_highest_dates():
    values = ["1904-08-08"] + [f"{y}-03-01" for y in range(1970, 2021)] + ["", "2026-04-24"]
    p = profile_of(values)
    assert p.inferred_type == "date" and p.min_value == "1904-08-08"
    assert p.date_tails["low"] == [
        "1904-08-08",
        "1970-03-01",
        "1971-03-01",
        "1972-03-01",
        "1973-03-01",
    ]
    assert p.date_tails["high"][:2] == ["2026-04-24", "2020-03-01"]
    assert profile_of(["1", "2", "3"]).date_tails == {}  # not a date column


def test_date_tails_of_personal_data_are_dropped():
    p = profile_of(["2020-01-01", "2021-01-01"])
    assert p.date_tails
    from catalog_app.scan.pii.context import mask_profile

    mask_profile(p, "rrn")  # what the scan does to a personal-data column
    assert p.date_tails == {}


def test_text_numbers_min_and_max_as_a_loop_over_the_values_finds_them():
    """The exact min/max of numbers written as text (overflow columns) is found in one regex
    pass per chunk; it must pick the same values and texts as stripping and matching each value
    in turn would (first of equal values wins; values spanning lines; odd whitespace)."""
    import random

    from catalog_app.scan.profile import _NUMBER, _Range, _text_number_extremes

    def loop(texts, into):
        for value in texts:
            text = value.strip()
            if _NUMBER.match(text):
                into.add(float(text.replace(",", "")), text)

    atoms = ["1", "12", "1,234", "-5", " 7 ", "7", "+3.5", "3.50", "abc", "1,23", "１２", "-0",
             "\u00a012\u00a0", "12\n", "\t-0.0", "0", "1e5", " ", "1,000,000", "1000000",
             "x\n1", "2 ", "\u300012", "0.0"]  # fmt: skip
    rng = random.Random(5)
    for _ in range(3000):
        a, b = _Range(), _Range()
        for _chunk in range(3):
            texts = [t for t in (rng.choice(atoms) for _ in range(rng.randint(1, 6))) if t]
            loop(texts, a)
            _text_number_extremes(texts, b)
            assert (a.lo, a.lo_text, a.hi, a.hi_text) == (b.lo, b.lo_text, b.hi, b.hi_text)


def test_suspect_key_values_found_in_one_pass_are_the_per_value_verdicts():
    """RowClassifier.suspects (a regex pass over the joined texts, then is_suspect on the few it
    picks) flags exactly what is_suspect flags value by value."""
    import random

    from catalog_app.scan.header import RowClassifier

    atoms = ["", " ", "합계", "소계 ", " 종로구", "종로구", "1) 주석", "1)", "12", "3.5", "※ 참고",
             "*", "note", "Note: x", "total", "출처: 통계청", "(주1)", "주)", "가" * 70, "a\nb",
             "\u00a0값", "값\u3000", "비고", "tT", "sum", "G", "١)", "²)", None, 1.5, 0, True]  # fmt: skip
    rng = random.Random(9)
    for _ in range(3000):
        values = {rng.choice(atoms) for _ in range(rng.randint(1, 8))}
        expected = {v for v in values if RowClassifier.is_suspect(v)}
        assert RowClassifier.suspects(values) == expected, values
