"""Small spreadsheets of the formats a clerk may hold besides xlsx/xls/csv, built at test time.

.ods is a zip of XML (OpenDocument), written here by hand; .xlsm is an xlsx whose content type
says macro-enabled (openpyxl writes the workbook, the content type is set the way Excel saves it);
.xlsb cannot be written by any library at hand, so a small real one is committed
(tests/fixtures/formats/ledger.xlsb, see SOURCES.md there).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"
XLSB = FORMATS / "ledger.xlsb"

ROWS = [
    ["시설명", "소재지도로명주소", "전화번호", "설치일자"],
    ["종로체육관", "서울특별시 종로구 율곡로 1", "02-120-0001", "2019-03-02"],
    ["중구도서관", "서울특별시 중구 세종대로 2", "02-120-0002", "2020-07-15"],
    ["용산수영장", "서울특별시 용산구 한강대로 3", "02-120-0003", "2018-11-30"],
]

_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def ods_bytes(rows: list[list[str]] = ROWS, sheet: str = "시설") -> bytes:
    """A minimal OpenDocument spreadsheet: mimetype (stored, first), manifest, content.xml."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
            "</table:table-cell>"
            for v in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        f"{cells}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def xlsm_bytes(rows: list[list[str]] = ROWS) -> bytes:
    """An xlsx saved as macro-enabled (.xlsm): the workbook part's content type says so."""
    wb = Workbook()
    ws = wb.active
    ws.title = "시설"
    for row in rows:
        ws.append(row)
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                )
            dst.writestr(info, data)
    return out.getvalue()


def tsv_bytes(rows: list[list[str]] = ROWS) -> bytes:
    return ("\r\n".join("\t".join(r) for r in rows) + "\r\n").encode("cp949")
