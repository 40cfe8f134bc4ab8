"""The Arrow path for big CSVs must profile exactly like the csv module path."""

import csv

import pytest

pytest.importorskip("pyarrow")

from catalog_app.scan import csv_reader, profile  # noqa: E402
from catalog_app.scan.file_scan import scan_file  # noqa: E402

HEADER = [
    ["2025년 시설 현황", "", "", "", "", ""],
    ["", "", "", "", "", "(단위: 명, 원)"],
    ["구분", "시설명", "이용", "이용", "금액", "비고"],
    ["구분", "시설명", "남", "여", "금액", "비고"],
]


MODULUS = 3000  # distinct amounts: under the exact-count cap unless a test lowers the cap


def write_sample(path, rows: int) -> None:
    with open(path, "w", encoding="cp949", newline="") as fh:
        w = csv.writer(fh)
        w.writerows(HEADER)
        w.writerow(["합계", "", "999", "999", "1,000,000", ""])
        for i in range(rows):
            gu = ["종로구", "중구", " 용산구 ", "성동구"][i % 4]
            note = "점검\n예정" if i % 97 == 0 else ("" if i % 3 else "-")
            amount = f"{(i * 7919) % MODULUS:,}"
            w.writerow([gu, f"시설{i % 300}", str(i % 50), str((i * 3) % 41), amount, note])
            if i % 1000 == 500:
                w.writerow(["소계", "", "1", "2", "3", ""])
            if i % 1500 == 700:
                w.writerow(["", "", "", "", "", ""])
        w.writerow(["※ 자료: 행정안전부", "", "", "", "", ""])


def both_paths(path, monkeypatch):
    monkeypatch.setattr(csv_reader, "ARROW_MIN_BYTES", 1 << 60)
    slow = scan_file(str(path)).tables[0]
    monkeypatch.setattr(csv_reader, "ARROW_MIN_BYTES", 0)
    raw = csv_reader.read_csv_table(str(path), _guess(path), ".csv")
    assert raw.arrow_batches is not None  # the fast path really ran
    fast = scan_file(str(path)).tables[0]
    return slow, fast


def _guess(path):
    from catalog_app.scan.encoding import detect_encoding

    return detect_encoding(str(path))


def test_arrow_path_matches_the_csv_module_path(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    write_sample(path, 6000)
    slow, fast = both_paths(path, monkeypatch)
    assert (fast.layout.header_row, fast.layout.header_rows) == (2, 2)
    assert fast.layout.labels == slow.layout.labels
    counts = ("row_count", "total_rows", "footnote_rows", "blank_rows", "ragged_rows")
    assert [getattr(fast, k) for k in counts] == [getattr(slow, k) for k in counts]
    assert slow.row_count == 6000 and slow.total_rows == 7
    for a, b in zip(slow.columns, fast.columns, strict=True):
        assert a.inferred_type == b.inferred_type, a.label
        for key in (
            "null_count",
            "distinct_count",
            "max_len_chars",
            "max_len_bytes",
            "min_value",
            "max_value",
            "decimal_places",
            "pattern",
            "top_values",
            "samples",
        ):
            assert getattr(a, key) == getattr(b, key), (a.label, key)


def test_arrow_path_overflow_estimates_agree(tmp_path, monkeypatch):
    monkeypatch.setattr(profile, "EXACT_DISTINCT", 200)
    path = tmp_path / "wide.csv"
    write_sample(path, 6000)
    slow, fast = both_paths(path, monkeypatch)
    amount_slow, amount_fast = slow.columns[4], fast.columns[4]
    assert not amount_fast.distinct_exact and not amount_slow.distinct_exact
    assert amount_fast.inferred_type == amount_slow.inferred_type == "integer"
    # exact figures stay exact in both paths
    assert amount_fast.null_count == amount_slow.null_count
    assert amount_fast.max_len_bytes == amount_slow.max_len_bytes
    assert (amount_fast.min_value, amount_fast.max_value) == ("0", "2,999")
    assert (amount_slow.min_value, amount_slow.max_value) == ("0", "2,999")
    true_distinct = len({(i * 7919) % MODULUS for i in range(6000)})
    for p in (amount_fast, amount_slow):
        assert abs(p.distinct_count - true_distinct) / true_distinct < 0.1


def test_arrow_path_falls_back_on_many_malformed_rows(tmp_path, monkeypatch):
    path = tmp_path / "ragged.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("번호,구분,값\n")
        for i in range(3000):
            shifted = i >= 100 and i % 3 == 0  # broken quoting pushed two cells right
            fh.write(f"{i},가,나,다,라\n" if shifted else f"{i},가,{i % 7}\n")
    slow, fast = both_paths(path, monkeypatch)
    assert fast.layout.width == 3
    assert fast.ragged_rows == slow.ragged_rows == 966
    assert fast.row_count == slow.row_count == 2034
    assert [c.inferred_type for c in fast.columns] == ["integer", "text", "integer"]


def test_cp949_columns_decode_like_the_codec():
    import pyarrow as pa

    from catalog_app.scan import csv_arrow

    texts = ["", "abc", "가나다", " 용산구 ", "·Ω①", "a\x00b", "x" * 300, "끝"] * 50
    raw = pa.array([t.encode("cp949") for t in texts], pa.binary())
    for part in (raw, raw.slice(3, 117), raw.slice(0, 1)):
        got = csv_arrow.decode_column(part, "cp949")
        assert got.type == pa.string()
        assert got.to_pylist() == [b.decode("cp949") for b in part.to_pylist()]
    ascii_only = pa.array([b"12", b"", b"2025-01-01"], pa.binary())
    assert csv_arrow.decode_column(ascii_only, "cp949").to_pylist() == ["12", "", "2025-01-01"]
    # a value ending in half a character fails, as it does in the file (a delimiter follows)
    half = pa.array(["가".encode("cp949")[:1], b"A"], pa.binary())
    with pytest.raises(UnicodeDecodeError):
        csv_arrow.decode_column(half, "cp949")


def test_arrow_hashes_match_the_python_family():
    import pyarrow as pa

    from catalog_app.scan import csv_arrow

    texts = [str(i) for i in range(2000)] + ["", "가" * 90, "a" * 255, "a" * 256, "a" * 257]
    texts += ["a" * 300 + "b", "a" * 300 + "c", "서울특별시 종로구 세종대로 " * 30]
    values = pa.array(texts)
    hashed = csv_arrow.hashes(values)
    assert hashed.tolist() == csv_arrow.hash_texts(texts).tolist()
    assert hashed[10:50].tolist() == csv_arrow.hashes(values.slice(10, 40)).tolist()
    assert len(set(hashed.tolist())) == len(set(texts))


def test_cp949_file_with_a_bad_byte_falls_back(tmp_path, monkeypatch):
    path = tmp_path / "bad.csv"
    write_sample(path, 3000)
    with open(path, "ab") as fh:
        fh.write("종로구,시설1,1,2,3,".encode("cp949") + b"\xff\xfe\n")
    monkeypatch.setattr(csv_reader, "ARROW_MIN_BYTES", 1 << 60)
    slow = scan_file(str(path))
    monkeypatch.setattr(csv_reader, "ARROW_MIN_BYTES", 0)
    fast = scan_file(str(path))
    assert fast.encoding_method == slow.encoding_method
    assert fast.tables[0].row_count == slow.tables[0].row_count


def test_longest_agrees_with_measuring_every_trimmed_value():
    import random

    import pyarrow as pa
    import pyarrow.compute as pc

    from catalog_app.scan import csv_arrow

    rng = random.Random(1)
    for pool in ("가a ·Ω𝄞\u30001", "가a 𝄞\u30001漢"):
        for _ in range(200):
            texts = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))]
            texts += [
                "".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(99)
            ]
            values = pa.array(texts).slice(rng.randint(0, 5))
            floor = rng.randint(0, 10)
            chars, rule = csv_arrow.longest(values, floor)
            assert chars == max(map(len, values.to_pylist()))
            exact = csv_arrow.max_byte_length(pc.utf8_trim_whitespace(values))
            assert rule == max(floor, exact)


def test_suspect_prefilter_lets_through_every_suspect_key():
    """The Arrow prefilter may pass too much (Python decides), never too little."""
    import random

    import pyarrow as pa
    import pyarrow.compute as pc

    from catalog_app.scan import csv_arrow
    from catalog_app.scan.header import FOOTNOTE_MARKERS, TOTAL_WORDS, RowClassifier

    atoms = [*TOTAL_WORDS, *FOOTNOTE_MARKERS, "주 1)", "(주3)", "12) ", "１) ", "주\u3000２)"]
    atoms += [" ", "\n", "\t", "\u3000", "\xa0", "\x1c", "가", "소연희", "전민수", "x" * 61]
    atoms += ["Total", "SUB TOTAL", "grand total", "합 계", "총 합계", "(", ")", "[", "（", ":"]
    rng = random.Random(5)
    texts = sorted(
        {"".join(rng.choice(atoms) for _ in range(rng.randint(1, 4))) for _ in range(30000)}
    )
    values = pa.array(texts)
    passed = set(values.filter(pc.match_substring_regex(values, csv_arrow._SUSPECT)).to_pylist())
    suspects = [t for t in texts if RowClassifier.is_suspect(t)]
    assert suspects and all(t in passed for t in suspects)
    assert "소연희" not in passed and "전민수" not in passed
