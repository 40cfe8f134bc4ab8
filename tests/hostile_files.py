"""Generators of hostile inputs (issue 11), shared by tests/test_hostile_*.py and
benchmarks/bench_hostile.py. Every file is made on the fly and small on disk (the biggest, the zip
bombs, are under 1 MB); nothing here is committed as a binary fixture.

``make_hostile_folder(root)`` builds the whole folder and returns what each entry must become:
``{relative path: expected error codes}`` (an empty set: read fine) and the folders that must be
reported, so a test can check that every file is accounted for.
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import sys
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org'
    '/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="데이터" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org'
    '/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def sheet_xml(sheet_data: str, dimension: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main">{dim}<sheetData>{sheet_data}</sheetData>'
        "</worksheet>"
    ).encode()


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def write_xlsx(path: Path, sheet: bytes) -> Path:
    """A minimal one-sheet workbook with the given worksheet XML."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def table_rows(n: int = 3) -> str:
    rows = [f'<row r="1">{cell("A1", "구분")}{cell("B1", "값")}</row>']
    for i in range(2, n + 2):
        rows.append(f'<row r="{i}">{cell(f"A{i}", f"항목{i}")}{cell(f"B{i}", str(i))}</row>')
    return "".join(rows)


def far_cell_xlsx(path: Path, far: str = "XFD1048576") -> Path:
    """A 2 KB workbook with a real table plus one value in a far cell (the dense-range crash)."""
    row = int("".join(ch for ch in far if ch.isdigit()))
    return write_xlsx(path, sheet_xml(table_rows() + f'<row r="{row}">{cell(far, "끝")}</row>'))


def far_style_xlsx(path: Path) -> Path:
    """A normal table whose formatting reaches XFD1048576 (empty styled cells): must be read."""
    tail = '<row r="1048576" ht="20" customHeight="1"><c r="XFD1048576" s="1"/></row>'
    return write_xlsx(path, sheet_xml(table_rows() + tail, dimension="A1:XFD1048576"))


def implicit_positions_xlsx(path: Path, rows: int = 200_000, cols: int = 3_000) -> Path:
    """Rows and cells without r attributes: 4 KB that calamine turns into a 600M-cell range."""
    body = (
        '<row><c t="inlineStr"><is><t>a</t></is></c></row>'
        + "<row/>" * rows
        + "<row>"
        + '<c t="inlineStr"><is><t>b</t></is></c>' * cols
        + "</row>"
    )
    return write_xlsx(path, sheet_xml(body))


def zip_bomb_xlsx(path: Path, megabytes: int = 60) -> Path:
    """Declares its real (huge) size: refused by the central directory check already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            zeros = b"\0" * (1 << 20)
            for _ in range(megabytes):
                fh.write(zeros)
    return path


def lying_zip_xlsx(path: Path, megabytes: int = 80, declared: int = 1000) -> Path:
    """A workbook whose sheet inflates to ``megabytes`` MB while both the local header and the
    central directory claim ``declared`` bytes: only a streamed count of the real output sees it."""
    sheet = b"<row/>" * ((megabytes << 20) // 6)
    lie_about_sheet(write_xlsx(path, sheet), declared)
    return path


def lie_about_sheet(path: Path, declared: int) -> None:
    """Rewrite the uncompressed size of xl/worksheets/sheet1.xml in both zip headers."""
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as zf:
        local = zf.getinfo(name.decode()).header_offset
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, declared)
    start = 0
    while (central := data.find(b"PK\x01\x02", start)) >= 0:
        n = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + n]) == name:
            struct.pack_into("<I", data, central + 24, declared)
            break
        start = central + 4
    else:
        raise AssertionError("central directory entry not found")
    path.write_bytes(bytes(data))


def wide_line_csv(path: Path, fields: int = 2_000_000) -> Path:
    """One 4 MB line of ``1,1,1,…``: more fields than any spreadsheet has columns."""
    path.write_text(",".join(["1"] * fields) + "\n", encoding="ascii")
    return path


def wide_row_later_csv(path: Path, fields: int = 200_000) -> Path:
    """A normal table with one monstrous row in the middle (below the header band)."""
    lines = ["구분,값,비고"] + [f"항목{i},{i},-" for i in range(100)]
    lines.append(",".join(["1"] * fields))
    lines += [f"항목{i},{i},-" for i in range(100, 150)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def long_record_csv(path: Path, lines: int = 2_200_000) -> Path:
    """A quoted field that never closes: millions of short lines make one record (4.4 MB)."""
    path.write_text('구분,값\n가,"' + "x\n" * lines, encoding="utf-8")
    return path


PERSON_ROWS = [
    ("홍길동", "650821-2533178", "010-8383-8722", "hong.gd@example.com", "서울 종로구"),
    ("김영희", "700101-2345678", "010-1234-5678", "kim.yh@example.com", "부산 해운대구"),
    ("이철수", "801231-1234567", "010-9876-5432", "lee.cs@example.com", "대구 중구"),
]


def headerless_people_csv(path: Path) -> Path:
    """A CSV without a header row whose first row is a person (the leak of issue 11)."""
    path.write_text("\n".join(",".join(r) for r in PERSON_ROWS) + "\n", encoding="utf-8")
    return path


def symlink(link: Path, target: Path) -> bool:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError):
        return False
    return True


def make_hostile_folder(root: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Build the hostile folder; returns ({file: expected codes}, {folder: expected codes})."""
    root.mkdir(parents=True, exist_ok=True)
    files: dict[str, set[str]] = {}
    folders: dict[str, set[str]] = {}

    def expect(rel: str, *codes: str) -> Path:
        files[rel] = set(codes)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    expect("정상.csv").write_text("구분,값\n가,1\n나,2\n", encoding="utf-8")
    expect("빈 파일.csv", "empty_file").write_bytes(b"")
    shutil.copy(FIXTURES / "bad" / "encrypted.xlsx", expect("암호.xlsx", "encrypted"))
    shutil.copy(FIXTURES / "bad" / "corrupt.xlsx", expect("손상.xlsx", "corrupt"))
    shutil.copy(FIXTURES / "bad" / "truncated.xlsx", expect("잘린.xlsx", "corrupt"))
    rng = random.Random(11)
    expect("이진.csv", "binary").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    zip_bomb_xlsx(expect("압축폭탄.xlsx", "zip_bomb"))
    lying_zip_xlsx(expect("크기속임.xlsx", "zip_bomb"))
    far_cell_xlsx(expect("먼칸_XFD.xlsx", "too_large"))
    far_cell_xlsx(expect("먼칸_CV.xlsx", "too_large"), far="CV1048576")
    implicit_positions_xlsx(expect("위치없는칸.xlsx", "too_large"))
    far_style_xlsx(expect("먼서식.xlsx"))
    wide_line_csv(expect("긴줄.csv", "too_many_fields"))
    wide_row_later_csv(expect("중간긴줄.csv"))
    long_record_csv(expect("닫히지않은따옴표.csv", "line_too_long", "field_too_long"))
    headerless_people_csv(expect("머리글없는명단.csv"))
    if sys.platform.startswith("linux"):  # other systems refuse names that are not Unicode
        raw = os.fsencode(str(root)) + b"/" + "한글이름.csv".encode("cp949")
        with open(raw, "wb") as fh:
            fh.write("구분,값\n가,1\n".encode())
        files[os.fsdecode(raw)[len(str(root)) + 1 :]] = set()
    if hasattr(os, "mkfifo"):
        os.mkfifo(expect("파이프.csv", "not_a_file"))
    if symlink(root / "깨진링크.csv", root / "없는파일.csv"):
        files["깨진링크.csv"] = {"broken_link"}
    outside = root.parent / f"{root.name}_밖" / "시스템.csv"
    outside.parent.mkdir(parents=True, exist_ok=True)
    outside.write_text("a,b\n1,2\n", encoding="utf-8")
    if symlink(root / "밖으로.csv", outside):
        files["밖으로.csv"] = {"link_outside"}
    deep = root / "깊은폴더"
    for _ in range(70):  # deeper than discover.MAX_DEPTH (64)
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "바닥.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    too_deep = root / "깊은폴더" / "/".join(["d"] * 64)
    folders[str(too_deep)] = {"too_deep"}
    locked = root / "잠긴폴더"
    locked.mkdir()
    (locked / "안쪽.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    folders[str(locked)] = {"folder_unreadable"}
    return files, folders


def lock_folder(path: Path) -> bool:
    """Make a folder unlistable for real; False where permissions do not bind (root, Windows)."""
    if os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0):
        return False
    path.chmod(0)
    return True
