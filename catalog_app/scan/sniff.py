"""Tell a file's real format from its bytes, not its extension.

Public-sector folders are full of files whose name lies: HTML tables saved as ``.xls``, CSVs
renamed ``.xls``, password-protected workbooks (an OLE2 wrapper around an encrypted OOXML
package), Word or HWP documents with a spreadsheet extension. Readers pick their parser from
:func:`sniff_format`, so every surprise becomes a :class:`ScanFailure` with a code, not a
traceback deep in a reader.

Only the first 64 KiB are read, plus the zip central directory (via :mod:`zipfile`) for zips and
the few OLE2 sectors that hold the compound-file directory. Files are opened ``'rb'`` only.
"""

from __future__ import annotations

import os
import struct
import zipfile

from .errors import ScanFailure

HEAD_BYTES = 64 * 1024
BINARY_PROBE = 8 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
BOM_UTF8 = b"\xef\xbb\xbf"
BOM_UTF16 = (b"\xff\xfe", b"\xfe\xff")

ZIP_TOTAL_LIMIT = 1 << 30  # 1 GiB inflated in total
ZIP_RATIO_LIMIT = 200
ZIP_RATIO_MIN_SIZE = 50 << 20  # the ratio rule only applies to entries above 50 MiB

# Control bytes that never occur in CSV text (TAB, LF, VT, FF, CR and ESC/SUB excluded).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1A)) | {0x1C, 0x1D, 0x1E, 0x1F}
_CONTROL_SHARE = 0.05

_HTML_PREFIXES = (b"<!doctype html", b"<html", b"<table")
# Extensions for which '<table' anywhere in the head means HTML; for real text files a cell
# that happens to contain HTML must not turn the whole CSV into a web page.
_TEXT_EXTENSIONS = {".csv", ".tsv", ".txt"}

# Known non-table formats, named in the failure detail so the clerk learns what the file is.
_OTHER_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF 문서"),
    (b"\x89PNG", "PNG 이미지"),
    (b"\xff\xd8\xff", "JPEG 이미지"),
    (b"GIF8", "GIF 이미지"),
    (b"\x1f\x8b", "gzip 압축 파일"),
    (b"7z\xbc\xaf\x27\x1c", "7z 압축 파일"),
    (b"Rar!\x1a\x07", "RAR 압축 파일"),
    (b"HWP Document File", "한글(HWP 3.0) 문서"),
)

# OLE2 stream names that identify what a non-workbook compound file is.
_OLE_KINDS: tuple[tuple[str, str], ...] = (
    ("worddocument", "Word 97-2003 문서(.doc)"),
    ("hwpsummaryinformation", "한글(HWP) 문서"),
    ("powerpoint document", "PowerPoint 97-2003 프레젠테이션(.ppt)"),
    ("__properties_version1.0", "Outlook 메시지(.msg)"),
    ("visiodocument", "Visio 문서"),
)

_ENDOFCHAIN = 0xFFFFFFFE
_MAXREGSECT = 0xFFFFFFFA


def sniff_format(path: str | os.PathLike[str]) -> str:
    """Return 'xlsx', 'xlsb', 'ods', 'xls', 'html' or 'text' for the file at ``path``.

    Raises :class:`ScanFailure` with code ``empty_file``, ``encrypted``, ``unsupported``,
    ``zip_bomb``, ``corrupt`` or ``binary``. ``OSError`` from opening the file propagates: the
    caller maps it (``not_found``/``permission``/``read_error``) like any other read.
    """
    name = os.fspath(path)
    with open(name, "rb") as f:
        head = f.read(HEAD_BYTES)
        if not head:
            raise ScanFailure("empty_file")
        if head.startswith(OLE2_MAGIC):
            return _sniff_ole2(f, head)
    if head.startswith(ZIP_MAGICS):
        return _sniff_zip(name)
    return sniff_format_bytes(head, name=name)


def sniff_format_bytes(head: bytes, name: str | None = None) -> str:
    """Classify the first bytes of a file (no zip/OLE2 container parsing beyond the head).

    Zips are only checked for being openable when the whole file is in ``head``; OLE2 heads are
    searched for directory names. ``name`` (a file name or path) only serves as a hint: for
    ``.csv/.tsv/.txt`` files a ``<table`` somewhere in the text does not make it HTML.
    """
    if not head:
        raise ScanFailure("empty_file")
    if head.startswith(OLE2_MAGIC):
        return _classify_ole_names(_utf16_names_in(head))
    if head.startswith(ZIP_MAGICS):
        import io

        return _sniff_zip(io.BytesIO(head))
    for magic, kind in _OTHER_MAGICS:
        if head.startswith(magic):
            raise ScanFailure("unsupported", detail=kind)
    if _is_raw_biff(head):
        return "xls"

    probe = head[:BINARY_PROBE]
    utf16 = probe.startswith(BOM_UTF16)
    if not utf16:
        if b"\x00" in probe:
            raise ScanFailure("binary", detail="첫 8KB 안에 NUL 바이트가 있습니다")
        control = sum(1 for b in probe if b in _CONTROL)
        if control > len(probe) * _CONTROL_SHARE:
            raise ScanFailure("binary", detail=f"제어 문자 비율 {control / len(probe):.0%}")

    markup = _markup_kind(head, utf16, name)
    if markup == "html":
        return "html"
    if markup:
        raise ScanFailure("unsupported", detail=markup)
    return "text"


# --- text / HTML ------------------------------------------------------------------------------


def _markup_kind(head: bytes, utf16: bool, name: str | None) -> str | None:
    """'html', a description of an unsupported XML document, or None for plain text."""
    if utf16:
        enc = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        body = head[2:]
        body = body[: len(body) - len(body) % 2]
        low = body.decode(enc, errors="replace").lower().encode("utf-8", errors="replace")
    else:
        low = head[3:] if head.startswith(BOM_UTF8) else head
        low = low.lower()
    start = low.lstrip(b" \t\r\n\f\v")
    if start.startswith(_HTML_PREFIXES):
        return "html"
    if start.startswith(b"<?xml"):
        if b"<html" in start:
            return "html"
        if b"urn:schemas-microsoft-com:office:spreadsheet" in start:
            return "Excel 2003 XML 스프레드시트(SpreadsheetML)"
        return "XML 문서"
    ext = os.path.splitext(name)[1].lower() if name else ""
    if b"<table" in low and (start.startswith(b"<") or ext not in _TEXT_EXTENSIONS):
        return "html"
    return None


def _is_raw_biff(head: bytes) -> bool:
    """Excel 2.x-4.x files are bare BIFF records (no OLE2 wrapper); xlrd still reads them."""
    if len(head) < 8 or head[1] not in (0x00, 0x02, 0x04) or head[0] != 0x09:
        return False
    length = struct.unpack_from("<H", head, 2)[0]
    stream_type = struct.unpack_from("<H", head, 6)[0]
    return 4 <= length <= 20 and stream_type in (0x0010, 0x0020, 0x0040, 0x0100)


# --- zip (OOXML) ------------------------------------------------------------------------------


def _sniff_zip(source) -> str:
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            _check_zip_bomb(infos)
            names = {i.filename.replace("\\", "/").lower(): i for i in infos}
            if "xl/workbook.xml" in names:
                return "xlsx"
            kind = _zip_kind(zf, names)
    except ScanFailure:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error) as exc:
        raise ScanFailure("corrupt", detail=f"zip: {exc}") from exc
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encrypted entry
        raise ScanFailure("unsupported", detail=f"zip: {exc}") from exc
    if kind in ("xlsx", "xlsb", "ods"):
        return kind
    raise ScanFailure("unsupported", detail=kind)


def _check_zip_bomb(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse by the sizes the central directory declares (readers must still cap inflation)."""
    total = 0
    for info in infos:
        total += info.file_size
        if total > ZIP_TOTAL_LIMIT:
            raise ScanFailure("zip_bomb", detail=f"압축 해제 크기 합계 {total:,}바이트 초과")
        if info.file_size > ZIP_RATIO_MIN_SIZE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > ZIP_RATIO_LIMIT:
                raise ScanFailure("zip_bomb", detail=f"{info.filename}: 압축률 {ratio:,.0f}배")


def _zip_kind(zf: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> str:
    """'xlsx' for a workbook whose main part is not at the usual path, 'xlsb' (Excel binary
    workbook) and 'ods' (OpenDocument spreadsheet), which calamine reads, else a description."""
    ct = names.get("[content_types].xml")
    if ct is not None and ct.file_size < (1 << 20):
        types = zf.read(ct).lower()
        if b"spreadsheetml.sheet.main+xml" in types or b"sheet.macroenabled.main+xml" in types:
            return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    mime = names.get("mimetype")
    if mime is not None and mime.file_size < 200:
        value = zf.read(mime).decode("ascii", errors="replace").strip()
        if value.endswith("opendocument.spreadsheet"):
            return "ods"
        if "hwp" in value:
            return "한글(HWPX) 문서"
        if value:
            return f"zip 문서({value})"
    if "word/document.xml" in names:
        return "Word 문서(.docx)"
    if "ppt/presentation.xml" in names:
        return "PowerPoint 프레젠테이션(.pptx)"
    if "content.xml" in names:
        return "OpenDocument 문서"
    return "통합문서가 아닌 zip 압축 파일"


# --- OLE2 compound file (BIFF .xls, encrypted OOXML, .doc, .hwp) ------------------------------


def _sniff_ole2(f, head: bytes) -> str:
    try:
        entries = _ole_directory(f)
    except (_OleError, OSError, struct.error):
        # A damaged header or FAT: fall back to names visible in the head. A workbook found that
        # way goes to the reader, which gives the precise error.
        names = _utf16_names_in(head)
        if not names & {"workbook", "book", "encryptedpackage", "encryptioninfo"}:
            raise ScanFailure("corrupt", detail="OLE2 디렉터리를 읽을 수 없습니다") from None
        return _classify_ole_names(names)
    names = {e[0].lower() for e in entries}
    kind = _classify_ole_names(names)
    if kind == "xls":
        for name, _, start, size in entries:
            if name.lower() in ("workbook", "book"):
                if _biff_is_encrypted(f, head, start, size):
                    raise ScanFailure("encrypted", detail="암호화된 .xls (FILEPASS)")
                break
    return kind


def _classify_ole_names(names: set[str]) -> str:
    if "encryptedpackage" in names or ("encryptioninfo" in names and "workbook" not in names):
        raise ScanFailure("encrypted", detail="암호로 보호된 Office 문서(EncryptedPackage)")
    if "workbook" in names or "book" in names:
        return "xls"
    for key, kind in _OLE_KINDS:
        if key in names:
            raise ScanFailure("unsupported", detail=kind)
    if "bodytext" in names and "fileheader" in names:
        raise ScanFailure("unsupported", detail="한글(HWP) 문서")
    raise ScanFailure("unsupported", detail="통합문서가 아닌 OLE2 복합 문서")


def _utf16_names_in(data: bytes) -> set[str]:
    """Names of interest that appear as UTF-16-LE text anywhere in ``data`` (lower-cased)."""
    found = set()
    for name in ("Workbook", "Book", "EncryptedPackage", "EncryptionInfo", "WordDocument",
                 "HwpSummaryInformation", "PowerPoint Document"):  # fmt: skip
        if name.encode("utf-16-le") + b"\x00\x00" in data:
            found.add(name.lower())
    return found


class _OleError(Exception):
    pass


def _ole_directory(f) -> list[tuple[str, int, int, int]]:
    """(name, type, start sector, size) of every used directory entry, via the FAT chain."""
    f.seek(0)
    header = f.read(512)
    if len(header) < 512:
        raise _OleError("short header")
    shift = struct.unpack_from("<H", header, 0x1E)[0]
    if shift not in (9, 12):
        raise _OleError(f"sector shift {shift}")
    ss = 1 << shift
    n_difat_sectors = struct.unpack_from("<I", header, 0x48)[0]
    first_dir = struct.unpack_from("<I", header, 0x30)[0]
    first_difat = struct.unpack_from("<I", header, 0x44)[0]
    file_size = os.fstat(f.fileno()).st_size
    max_sectors = file_size // ss + 1

    def read_sector(sid: int) -> bytes:
        if sid >= _MAXREGSECT or sid >= max_sectors:
            raise _OleError(f"sector {sid} out of range")
        f.seek((sid + 1) * ss)
        data = f.read(ss)
        if len(data) < ss:
            raise _OleError("truncated sector")
        return data

    per = ss // 4
    difat = list(struct.unpack_from("<109I", header, 0x4C))
    sid = first_difat
    for _ in range(min(n_difat_sectors, max_sectors)):
        if sid >= _MAXREGSECT:
            break
        sector = read_sector(sid)
        values = struct.unpack(f"<{per}I", sector)
        difat.extend(values[:-1])
        sid = values[-1]

    fat_cache: dict[int, tuple[int, ...]] = {}

    def next_sector(s: int) -> int:
        idx = s // per
        if idx not in fat_cache:
            if idx >= len(difat) or difat[idx] >= _MAXREGSECT:
                raise _OleError("FAT sector missing")
            fat_cache[idx] = struct.unpack(f"<{per}I", read_sector(difat[idx]))
        return fat_cache[idx][s % per]

    entries = []
    seen: set[int] = set()
    sid = first_dir
    while sid != _ENDOFCHAIN:
        if sid in seen or len(seen) > max_sectors:
            raise _OleError("directory chain loops")
        seen.add(sid)
        sector = read_sector(sid)
        for off in range(0, ss, 128):
            raw = sector[off : off + 128]
            name_len = struct.unpack_from("<H", raw, 0x40)[0]
            kind = raw[0x42]
            if kind == 0 or not 2 <= name_len <= 64:
                continue
            name = raw[: name_len - 2].decode("utf-16-le", errors="replace")
            start = struct.unpack_from("<I", raw, 0x74)[0]
            size = struct.unpack_from("<Q", raw, 0x78)[0]
            if ss == 512:
                size &= 0xFFFFFFFF  # version 3 files may leave junk in the high half
            entries.append((name, kind, start, size))
        sid = next_sector(sid)
    if not entries:
        raise _OleError("empty directory")
    return entries


def _biff_is_encrypted(f, head: bytes, start: int, size: int) -> bool:
    """A FILEPASS record right after the first BOF means the .xls is password-protected."""
    shift = struct.unpack_from("<H", head, 0x1E)[0]
    cutoff = struct.unpack_from("<I", head, 0x38)[0]
    if size < cutoff or start >= _MAXREGSECT:
        return False  # tiny workbook in the mini stream; let the reader decide
    f.seek((start + 1) << shift)
    data = f.read(min(size, 1 << shift))
    pos = 0
    first = True
    while pos + 4 <= len(data):
        rtype, rlen = struct.unpack_from("<HH", data, pos)
        if first and rtype != 0x0809:
            return False
        if rtype == 0x002F:  # FILEPASS
            return True
        if not first and rtype not in (0x0086, 0x00E1, 0x00C1, 0x00E2):
            return False  # WRITEPROT/INTERFACEHDR/MMS/INTERFACEEND may precede FILEPASS
        first = False
        pos += 4 + rlen
    return False
