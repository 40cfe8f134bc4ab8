"""detect_encoding: BOM -> UTF-8 -> CP949 -> chardet, always CP949 rather than EUC-KR."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import pytest

from catalog_app.scan.encoding import (
    SAMPLE_BYTES,
    EncodingGuess,
    decode_sample,
    detect_encoding,
    open_text,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"

# KS X 1001 text (what EUC-KR can encode); '똠' and '햏' are UHC-only (CP949 extension).
KS_ROW = "서울특별시,종로구,청운효자동,1234,어린이보호구역,ㅋㅋ\r\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_guess_is_frozen():
    g = EncodingGuess("cp949", "cp949", False)
    with pytest.raises(AttributeError):
        g.encoding = "utf-8"  # type: ignore[misc]


def test_utf8_bom(tmp_path):
    p = write(tmp_path, "bom.csv", "연번,기관명\r\n1,서울\r\n".encode("utf-8-sig"))
    assert detect_encoding(p) == EncodingGuess("utf-8-sig", "bom", True)
    with open_text(p, detect_encoding(p)) as f:
        assert next(csv.reader(f)) == ["연번", "기관명"]  # no '\ufeff연번'


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_bom_tab_separated(tmp_path, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text = "구분\t인구수\r\n종로구\t150000\r\n"
    p = write(tmp_path, "유니코드 텍스트.txt", bom + text.encode(codec))
    guess = detect_encoding(p)
    assert guess == EncodingGuess("utf-16", "bom", True)
    with open_text(p, guess) as f:
        assert list(csv.reader(f, delimiter="\t")) == [["구분", "인구수"], ["종로구", "150000"]]


def test_pure_ascii(tmp_path):
    p = write(tmp_path, "codes.csv", b"code,value\n" + b"A01,1\n" * 20000)
    assert detect_encoding(p) == EncodingGuess("utf-8", "ascii", False)


def test_utf8_with_character_cut_at_sample_end(tmp_path):
    data = b"a" * (SAMPLE_BYTES - 1) + "가나다\n".encode()  # '가' straddles byte 65536
    p = write(tmp_path, "cut.csv", data)
    assert detect_encoding(p) == EncodingGuess("utf-8", "utf-8", False)
    assert detect_encoding(data[:SAMPLE_BYTES]).method == "utf-8"


def test_cp949_with_uhc_syllable_only_after_64k(tmp_path):
    rows = KS_ROW * (SAMPLE_BYTES // len(KS_ROW.encode("cp949")) + 50)
    text = "시도,구,동,번호,구분,비고\r\n" + rows + "서울,중구,똠방각하,1,햏,끝\r\n"
    data = text.encode("cp949")
    assert "똠".encode("cp949") not in data[:SAMPLE_BYTES]
    data[:SAMPLE_BYTES].decode("euc-kr", errors="strict")  # the prefix alone looks like EUC-KR
    p = write(tmp_path, "cp949.csv", data)

    guess = detect_encoding(p)
    assert guess == EncodingGuess("cp949", "cp949", False)
    with open_text(p, guess) as f:
        assert f.read() == text  # the whole file decodes, UHC syllables included
    with pytest.raises(UnicodeDecodeError):
        data.decode("euc-kr")  # why the guess must never be 'euc-kr'


def test_cp949_with_character_cut_at_sample_end(tmp_path):
    data = b"a" * (SAMPLE_BYTES - 1) + "똠방각하\r\n".encode("cp949")
    assert detect_encoding(write(tmp_path, "cut949.csv", data)).encoding == "cp949"


def test_short_cp949_file(tmp_path):
    p = write(tmp_path, "짧은.csv", "구분,값\r\n똠,1\r\n".encode("cp949"))
    assert detect_encoding(p) == EncodingGuess("cp949", "cp949", False)


def test_whole_file_ending_mid_character_is_not_utf8(tmp_path):
    # A complete file that ends inside a UTF-8 sequence is not valid UTF-8; a sample may.
    data = "가나다".encode()[:-1]
    assert detect_encoding(write(tmp_path, "end.csv", data)).method != "utf-8"
    assert detect_encoding(data).method == "utf-8"  # bytes are treated as a prefix


def test_chardet_for_latin1(tmp_path):
    data = "Nom,Ville\nCafé,Genève\nRésumé,Zürich\n".encode("latin-1") * 50
    guess = detect_encoding(write(tmp_path, "latin.csv", data))
    assert guess.method == "chardet"
    assert guess.encoding != "cp949"
    data.decode(guess.encoding)


def test_chardet_korean_names_map_to_cp949(monkeypatch):
    import chardet

    sample = b"\x80\x80\xff\n"  # neither UTF-8 nor CP949, no BOM
    for name in ("EUC-KR", "euc_kr", "UHC", "ks_c_5601-1987", "windows-949"):
        monkeypatch.setattr(chardet, "detect", lambda b, n=name: {"encoding": n})
        assert detect_encoding(sample) == EncodingGuess("cp949", "chardet", False)


def test_chardet_none_falls_back_to_cp949(monkeypatch):
    import chardet

    monkeypatch.setattr(chardet, "detect", lambda b: {"encoding": None, "confidence": 0.0})
    assert detect_encoding(b"\x80\x80\xff\n") == EncodingGuess("cp949", "fallback", False)


def test_chardet_sees_sample_cut_at_last_newline(monkeypatch):
    import chardet

    seen = []
    monkeypatch.setattr(chardet, "detect", lambda b: seen.append(b) or {"encoding": None})
    detect_encoding(b"\x80\xff,a\n\x80\xff,b\n\x80")
    assert seen == [b"\x80\xff,a\n\x80\xff,b\n"]


def test_decode_sample_cuts_at_character_boundary(tmp_path):
    p = write(tmp_path, "u.csv", "가나다라".encode())  # 12 bytes
    guess = detect_encoding(p)
    assert decode_sample(p, guess, max_bytes=7) == "가나"
    assert decode_sample(p, guess) == "가나다라"


def test_decode_sample_drops_bom_and_keeps_newlines(tmp_path):
    p = write(tmp_path, "b.csv", "\ufeffa,b\r\n1,2\r\n".encode())
    assert decode_sample(p, detect_encoding(p)) == "a,b\r\n1,2\r\n"


def test_decode_sample_utf16_odd_cut(tmp_path):
    p = write(tmp_path, "w.txt", "구분\t값\r\n".encode("utf-16"))
    guess = detect_encoding(p)
    assert decode_sample(p, guess, max_bytes=7) == "구분"  # BOM + 2 chars + half of '\t'
    assert decode_sample(p, guess, max_bytes=9) == "구분\t"


def test_decode_sample_strict_and_replace(tmp_path):
    p = write(tmp_path, "bad.csv", b"a,\xff\xfe\n")
    guess = EncodingGuess("utf-8", "utf-8", False)
    with pytest.raises(UnicodeDecodeError):
        decode_sample(p, guess)
    assert decode_sample(p, guess, errors="replace") == "a,\ufffd\ufffd\n"


def test_open_text_keeps_newlines_inside_quoted_cells(tmp_path):
    text = '구분,설명\r\n"10세\n미만",1\r\n'
    p = write(tmp_path, "q.csv", text.encode("cp949"))
    with open_text(p, detect_encoding(p)) as f:
        assert list(csv.reader(f)) == [["구분", "설명"], ["10세\n미만", "1"]]


def test_open_text_errors_replace(tmp_path):
    p = write(tmp_path, "r.csv", b"a\xff\n")
    with open_text(p, EncodingGuess("utf-8", "utf-8", False), errors="replace") as f:
        assert f.read() == "a\ufffd\n"


def test_only_the_first_64k_count(tmp_path):
    data = b"a,b\n" * (SAMPLE_BYTES // 4) + "똠".encode("cp949")
    assert detect_encoding(write(tmp_path, "late.csv", data)).method == "ascii"
    assert detect_encoding(data).method == "ascii"


# --- the real corpus --------------------------------------------------------------------------


def _expected(detected: str) -> str:
    label = detected.split(" ")[0].upper()
    if label in ("CP949", "GB18030", "EUC-KR"):
        return "cp949"  # the GB18030 row is CP949 that chardet misread (see MANIFEST notes)
    if label == "UTF-8-SIG":
        return "utf-8-sig"
    if label == "UTF-8":
        return "utf-8"
    raise AssertionError(f"unexpected manifest label {detected!r}")


def _csv_rows() -> list:
    manifest = CORPUS / "MANIFEST.csv"
    if not manifest.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{CORPUS} is absent"))]
    with manifest.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["format"] == "csv"]
    return [pytest.param(r, id=r["file"]) for r in rows]


@pytest.mark.corpus
@pytest.mark.parametrize("row", _csv_rows())
def test_corpus_encoding(row):
    path = CORPUS / row["file"]
    guess = detect_encoding(path)
    assert guess.encoding == _expected(row["detected_encoding"])
    assert guess.bom == (guess.encoding == "utf-8-sig")
    with open_text(path, guess) as f:
        text = f.read()  # strict: the whole file decodes with the guess
    assert text and not text.startswith("\ufeff")


def test_decode_excel_csv_reads_utf8_bom_and_cp949_and_refuses_the_rest():
    from catalog_app.scan.encoding import decode_excel_csv

    text = "원본 파일,분류체계\n주차장.csv,교통물류\n"
    assert decode_excel_csv(text.encode("utf-8-sig")) == text
    assert decode_excel_csv(text.encode("utf-8")) == text
    assert decode_excel_csv(text.encode("cp949")) == text
    assert decode_excel_csv(b"\xff\xfe\x00\xd8\x81") is None
