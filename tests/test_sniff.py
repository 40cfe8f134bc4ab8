"""sniff_format: the real format from the bytes, and a coded ScanFailure for everything else."""

from __future__ import annotations

import csv
import io
import random
import struct
import zipfile
from pathlib import Path

import pytest

from catalog_app.scan import sniff
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.sniff import sniff_format, sniff_format_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


def make_cfb(streams: dict[str, bytes], shift: int = 9) -> bytes:
    """A minimal OLE2 compound file: one FAT sector, the directory, streams in regular sectors."""
    ss = 1 << shift
    free, end, fatsect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    entries = [("Root Entry", 5, b"")] + [(n, 2, d) for n, d in streams.items()]
    n_dir = -(-len(entries) // (ss // 128))
    fat = [fatsect]
    dir_start = len(fat)
    fat += [dir_start + i + 1 for i in range(n_dir - 1)] + [end]
    starts = []
    for _, _, data in entries[1:]:
        n = max(1, -(-len(data) // ss))
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(n - 1)] + [end]
    assert len(fat) <= ss // 4
    fat += [free] * (ss // 4 - len(fat))
    directory = b""
    for i, (name, kind, data) in enumerate(entries):
        raw = name.encode("utf-16-le") + b"\0\0"
        child = 1 if i == 0 and len(entries) > 1 else free
        right = i + 1 if 0 < i < len(entries) - 1 else free
        start = end if i == 0 else starts[i - 1]
        directory += (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", free, right, child)
            + b"\0" * 36
            + struct.pack("<IQ", start, len(data))
        )
    directory = directory.ljust(n_dir * ss, b"\0")
    n_dir_field = 0 if shift == 9 else n_dir
    header = (
        sniff.OLE2_MAGIC
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3 if shift == 9 else 4, 0xFFFE, shift, 6)
        + b"\0" * 6
        + struct.pack("<9I", n_dir_field, 1, dir_start, 0, 4096, end, 0, end, 0)
        + struct.pack("<109I", 0, *([free] * 108))
    ).ljust(ss, b"\0")
    body = b"".join(d.ljust(max(1, -(-len(d) // ss)) * ss, b"\0") for _, _, d in entries[1:])
    return header + struct.pack(f"<{ss // 4}I", *fat) + directory + body


def biff_record(rtype: int, payload: bytes) -> bytes:
    return struct.pack("<HH", rtype, len(payload)) + payload


BOF = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0))
WORKBOOK = (BOF + biff_record(0x00E1, b"\xb0\x04") + biff_record(0x000A, b"")).ljust(5000, b"\0")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def failure(path: Path) -> ScanFailure:
    with pytest.raises(ScanFailure) as info:
        sniff_format(path)
    return info.value


# --- empty, text, binary ----------------------------------------------------------------------


def test_empty_file(tmp_path):
    exc = failure(write(tmp_path, "빈 파일.csv", b""))
    assert exc.code == "empty_file"
    assert "0바이트" in exc.message
    with pytest.raises(ScanFailure):
        sniff_format_bytes(b"")


@pytest.mark.parametrize(
    "data",
    [
        "연번,이름\r\n1,똠방각하\r\n".encode("cp949"),
        "\ufeff연번,이름\n1,홍길동\n".encode(),
        "연번\t이름\r\n1\t홍길동\r\n".encode("utf-16"),  # Excel "유니코드 텍스트": BOM + NULs
        b"a,b\n1,2\n",
        b"\n\n  \n",
    ],
    ids=["cp949", "utf8-bom", "utf16-tsv", "ascii", "blank-lines"],
)
def test_text(tmp_path, data):
    assert sniff_format(write(tmp_path, "표.csv", data)) == "text"


def test_csv_named_xls_is_text(tmp_path):
    assert sniff_format(write(tmp_path, "목록.xls", "a,b\n가,나\n".encode("cp949"))) == "text"


def test_random_bytes_are_binary(tmp_path):
    junk = random.Random(20000).randbytes(20000)  # seeded: a random BOM or magic cannot flake it
    exc = failure(write(tmp_path, "junk.xls", junk))
    assert exc.code == "binary"


def test_nul_without_bom_is_binary(tmp_path):
    assert failure(write(tmp_path, "a.csv", b"a,b\n1,2\x00\n")).code == "binary"


def test_control_bytes_are_binary(tmp_path):
    data = bytes(range(1, 9)) * 200 + b"a,b\n" * 10
    assert failure(write(tmp_path, "a.txt", data)).code == "binary"


def test_few_control_bytes_are_still_text(tmp_path):
    data = b"a,b\n" * 500 + b"\x1a"  # DOS end-of-file marker
    assert sniff_format(write(tmp_path, "a.txt", data)) == "text"


@pytest.mark.parametrize(
    ("data", "word"),
    [(b"%PDF-1.7\n%\xe2\xe3", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\x1f\x8b\x08\x00", "gzip")],
)
def test_known_other_formats_are_unsupported(tmp_path, data, word):
    exc = failure(write(tmp_path, "x.xls", data + b"\0" * 100))
    assert exc.code == "unsupported"
    assert word in exc.detail


def test_raw_biff4_is_xls():
    head = biff_record(0x0409, struct.pack("<HHH", 0, 0x0010, 0)) + b"\0" * 50
    assert sniff_format_bytes(head) == "xls"


# --- HTML -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\r\n" * 10 + b"<!DOCTYPE HTML>\r\n<html><body><table><tr><td>1</td></tr></table>",
        b"\xef\xbb\xbf<html>\n<table>",
        b"  <TABLE border=1><tr><td>\xc7\xd1</td></tr></TABLE>",
        b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><table>',
        b'<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">\n<table>',
        "<html><table><tr><td>한글</td></tr></table></html>".encode("utf-16"),
    ],
    ids=["doctype-after-blank-lines", "bom-html", "table", "xhtml", "meta-then-table", "utf16"],
)
def test_html_disguised_as_xls(tmp_path, data):
    assert sniff_format(write(tmp_path, "04년월별.xls", data)) == "html"


def test_table_tag_inside_a_csv_cell_stays_text(tmp_path):
    buf = io.StringIO()
    csv.writer(buf).writerows([["번호", "내용"], ["1", "<table><tr><td>공지</td></tr></table>"]])
    data = buf.getvalue().encode("utf-8")
    assert sniff_format(write(tmp_path, "게시판.csv", data)) == "text"
    # The same bytes behind a spreadsheet extension are what web exports look like.
    assert sniff_format(write(tmp_path, "게시판.xls", data)) == "html"


def test_spreadsheetml_2003_is_unsupported(tmp_path):
    data = (
        b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
    )
    exc = failure(write(tmp_path, "통계.xls", data))
    assert exc.code == "unsupported"
    assert "SpreadsheetML" in exc.detail


# --- zip / OOXML ------------------------------------------------------------------------------


@pytest.fixture
def xlsx_bytes() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "데이터"
    ws.append(["연번", "기관명"])
    for i in range(200):
        ws.append([i, f"기관 {i}"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("name", ["목록.xlsx", "매크로.xlsm", "잘못된 확장자.xls", "a.csv"])
def test_xlsx(tmp_path, xlsx_bytes, name):
    assert sniff_format(write(tmp_path, name, xlsx_bytes)) == "xlsx"


def test_truncated_xlsx_is_corrupt(tmp_path, xlsx_bytes):
    exc = failure(write(tmp_path, "반쪽.xlsx", xlsx_bytes[: len(xlsx_bytes) // 2]))
    assert exc.code == "corrupt"


def test_workbook_part_found_through_content_types(tmp_path):
    ct = (
        b'<Types><Override PartName="/xl/book.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    p = tmp_path / "odd.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("xl/book.xml", "<workbook/>")
    assert sniff_format(p) == "xlsx"


@pytest.mark.parametrize(
    ("entries", "word"),
    [
        (
            {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": ""},
            "opendocument",
        ),
        ({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}, "docx"),
        ({"자료/목록.csv": "a,b\n"}, "zip"),
    ],
)
def test_other_zips_are_unsupported(tmp_path, entries, word):
    p = tmp_path / "not a workbook.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        for name, text in entries.items():
            zf.writestr(name, text)
    exc = failure(p)
    assert exc.code == "unsupported"
    assert word in exc.detail.lower()


@pytest.mark.parametrize(
    ("entries", "kind"),
    [
        ({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": ""}, "ods"),
        ({"xl/workbook.bin": ""}, "xlsb"),
    ],
)
def test_ods_and_xlsb_are_workbooks(tmp_path, entries, kind):
    p = tmp_path / "통계.bin"
    with zipfile.ZipFile(p, "w") as zf:
        for name, text in entries.items():
            zf.writestr(name, text)
    assert sniff_format(p) == kind


def test_zip_bomb_by_ratio(tmp_path):
    p = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", bytes(60 << 20))  # 60 MiB of zeros, ~60 KB
    assert p.stat().st_size < 1 << 20
    exc = failure(p)
    assert exc.code == "zip_bomb"
    assert "sheet1.xml" in exc.detail


def test_zip_bomb_by_total_size():
    infos = []
    for i in range(3):
        info = zipfile.ZipInfo(f"xl/worksheets/sheet{i}.xml")
        info.file_size = 400 << 20  # ratio 4: only the 1 GiB total trips
        info.compress_size = 100 << 20
        infos.append(info)
    with pytest.raises(ScanFailure) as exc:
        sniff._check_zip_bomb(infos)
    assert exc.value.code == "zip_bomb"
    sniff._check_zip_bomb(infos[:2])  # 800 MiB is fine


def test_large_but_plausible_entry_is_not_a_bomb():
    info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    info.file_size, info.compress_size = 300 << 20, 30 << 20  # ratio 10
    sniff._check_zip_bomb([info])
    small = zipfile.ZipInfo("xl/sharedStrings.xml")
    small.file_size, small.compress_size = 40 << 20, 1000  # huge ratio but below 50 MiB
    sniff._check_zip_bomb([small])


# --- OLE2 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("shift", [9, 12])
def test_ole2_workbook_is_xls(tmp_path, shift):
    data = make_cfb({"\x05SummaryInformation": b"s" * 200, "Workbook": WORKBOOK}, shift)
    assert sniff_format(write(tmp_path, "통계.xls", data)) == "xls"


def test_ole2_biff5_book_is_xls(tmp_path):
    assert sniff_format(write(tmp_path, "old.xls", make_cfb({"Book": WORKBOOK}))) == "xls"


def test_ole2_directory_spanning_several_sectors(tmp_path):
    streams = {f"Stream{i}": b"x" for i in range(9)} | {"Workbook": WORKBOOK}
    assert sniff_format(write(tmp_path, "many.xls", make_cfb(streams))) == "xls"


def test_encrypted_ooxml(tmp_path):
    data = make_cfb(
        {"EncryptionInfo": b"\x04\x00\x04\x00" + b"i" * 200, "EncryptedPackage": b"e" * 6000}
    )
    exc = failure(write(tmp_path, "암호.xlsx", data))
    assert exc.code == "encrypted"
    assert "암호" in exc.message


def test_encrypted_biff8(tmp_path):
    filepass = biff_record(0x002F, b"\x01\x00" + b"\0" * 52)
    stream = (BOF + filepass + biff_record(0x00E1, b"\xb0\x04")).ljust(5000, b"\0")
    exc = failure(write(tmp_path, "암호.xls", make_cfb({"Workbook": stream})))
    assert exc.code == "encrypted"


@pytest.mark.parametrize(
    ("streams", "word"),
    [
        ({"WordDocument": b"w" * 600, "1Table": b"t"}, ".doc"),
        (
            {"FileHeader": b"HWP Document File", "HwpSummaryInformation": b"s", "BodyText": b""},
            "HWP",
        ),
        ({"Something": b"x"}, "OLE2"),
    ],
)
def test_ole2_non_workbooks_are_unsupported(tmp_path, streams, word):
    exc = failure(write(tmp_path, "문서.xls", make_cfb(streams)))
    assert exc.code == "unsupported"
    assert word in exc.detail


def test_truncated_ole2_is_corrupt(tmp_path):
    data = make_cfb({"Workbook": WORKBOOK})
    assert failure(write(tmp_path, "cut.xls", data[:700])).code == "corrupt"


def test_ole2_with_broken_fat_falls_back_to_names_in_head(tmp_path):
    data = bytearray(make_cfb({"Workbook": WORKBOOK}))
    struct.pack_into("<I", data, 0x4C, 0xFFFFFFFF)  # no FAT sector: the chain cannot be walked
    struct.pack_into("<I", data, 0x30, 7)  # and the directory start points elsewhere
    assert sniff_format(write(tmp_path, "damaged.xls", bytes(data))) == "xls"


def test_sniff_format_bytes_on_ole2_head():
    assert sniff_format_bytes(make_cfb({"Workbook": WORKBOOK})[:4096]) == "xls"


def test_read_only_file_is_fine(tmp_path):
    p = write(tmp_path, "읽기전용.csv", b"a,b\n")
    p.chmod(0o444)
    try:
        assert sniff_format(p) == "text"
        assert p.read_bytes() == b"a,b\n"
    finally:
        p.chmod(0o644)


# --- the real corpus --------------------------------------------------------------------------

EXPECTED_FORMAT = {
    "xls (BIFF8)": "xls",
    "html table disguised as .xls": "html",
    "xlsx": "xlsx",
    "csv": "text",
}


def _manifest_rows() -> list:
    manifest = CORPUS / "MANIFEST.csv"
    if not manifest.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{CORPUS} is absent"))]
    with manifest.open(encoding="utf-8", newline="") as f:
        return [pytest.param(row, id=row["file"]) for row in csv.DictReader(f)]


@pytest.mark.corpus
@pytest.mark.parametrize("row", _manifest_rows())
def test_corpus_format(row):
    path = CORPUS / row["file"]
    assert sniff_format(path) == EXPECTED_FORMAT[row["format"]]


@pytest.mark.corpus
def test_corpus_has_no_unlisted_files():
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent")
    with (CORPUS / "MANIFEST.csv").open(encoding="utf-8", newline="") as f:
        listed = {row["file"] for row in csv.DictReader(f)}
    on_disk = {p.name for p in CORPUS.iterdir() if p.is_file()} - {"MANIFEST.csv"}
    assert on_disk == listed
