"""Reading the institution's registered list as a coordinator downloads it from the portal.

The portal's list export (목록개방현황) is a CSV or an xlsx; a clerk may have
opened and saved it again in Excel (CP949 CSV, UTF-16 "유니코드 텍스트" with tabs, a title row
above the header). Headers are matched with spaces removed (``관리 부서명`` = ``관리부서명``) to the
dataset fields of ``vocab``; the row holding '목록명' (or an alias) within the first rows is the
header. What Excel or the portal adds to values is undone: the back-tick the portal puts before a
phone number, '-' for "none", Excel date serials, 2025.01.15 dates.

Anything that cannot be read as such a list is refused with a Korean message naming what was
found, so a wrong file is never half imported.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from catalog_app.disclosure import vocab
from catalog_app.scan.encoding import decode_excel_csv

__all__ = ["RegisteredListError", "RegisteredRow", "RegisteredFile", "read_registered"]

HEADER_SEARCH_ROWS = 20
MAX_ROWS = 200_000
TITLE_HEADERS = ("목록명", "데이터명", "공공데이터명", "목록이름")
KEY_HEADERS = ("목록키", "목록id", "목록아이디", "공공데이터id", "목록번호")
# Portal columns that are not dataset fields but are worth keeping.
EXTRA_HEADERS = {"등록일": "registered_at", "수정일": "modified_at", "목록url": "url"}
DATE_KEYS = {"next_update", "registered_at", "modified_at"}
_EXCEL_EPOCH = date(1899, 12, 30)
_DOTTED_DATE = re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})\.?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


class RegisteredListError(ValueError):
    """A registered-list file that cannot be read as one (Korean message); nothing was changed."""


@dataclass
class RegisteredRow:
    row_number: int  # in the file, 1-based, the header row counted
    list_key: str
    title: str
    fields: dict[str, str] = field(default_factory=dict)  # dataset field key (and extras) -> value


@dataclass
class RegisteredFile:
    name: str
    sha256: str
    layout: str  # what the header looked like, in Korean
    header_row: int  # 1-based
    headers: list[str]
    rows: list[RegisteredRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # rows left out and why (Korean)


def _key(header: str) -> str:
    return "".join(str(header or "").split()).lower()


def _field_of(header: str) -> str | None:
    key = _key(header)
    if key in TITLE_HEADERS:
        return "title"
    if key in KEY_HEADERS:
        return "list_key"
    if key in EXTRA_HEADERS:
        return EXTRA_HEADERS[key]
    if key == "확장자":
        return "formats"
    try:
        return vocab.field("dataset", header).key
    except KeyError:
        return None


def _cell(value: object) -> str:
    """A cell as text: numbers without '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        midnight = value.time() == datetime.min.time()
        return value.date().isoformat() if midnight else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)


def _clean(value: str) -> str:
    """Undo what the portal and Excel add: leading back-tick or apostrophe, '-' for none."""
    text = " ".join(value.replace("\ufeff", "").split())
    if text[:1] in ("`", "'"):
        text = text[1:].strip()
    return "" if text in ("-", "－", "—") else text


def _date(text: str) -> str:
    """A date cell as YYYY-MM-DD when it is one (Excel serials, 2025.01.15, 20250115)."""
    if not text:
        return ""
    if text.isdigit() and len(text) == 5:  # an Excel serial (20000 = 1954, 80000 = 2119)
        serial = int(text)
        if 20000 <= serial <= 80000:
            return (_EXCEL_EPOCH + timedelta(days=serial)).isoformat()
    for pattern in (_DOTTED_DATE, _COMPACT_DATE):
        m = pattern.fullmatch(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return text
    return text[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T].*", text) else text


def _table_rows(path: Path, data: bytes) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"):
        try:
            from python_calamine import CalamineWorkbook

            book = CalamineWorkbook.from_filelike(io.BytesIO(data))
            sheet = book.get_sheet_by_index(0)
            return [[_cell(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
        except Exception as exc:  # the reader's own errors vary by format
            raise RegisteredListError(
                f"엑셀 파일을 열 수 없습니다: {path.name} ({type(exc).__name__}). 파일이 손상되었거나 "
                "암호가 걸려 있으면 엑셀에서 열어 CSV로 다시 저장하세요."
            ) from exc
    if suffix not in (".csv", ".txt", ".tsv"):
        raise RegisteredListError(
            f"등록 목록은 CSV 또는 엑셀(xlsx, xls) 파일이어야 합니다: {path.name}"
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel's "유니코드 텍스트": UTF-16 with tabs
        text = data.decode("utf-16")
    else:
        text = decode_excel_csv(data)
    if text is None:
        raise RegisteredListError(
            f"파일 인코딩을 읽을 수 없습니다 (UTF-8, CP949 또는 UTF-16): {path.name}"
        )
    head = "\n".join(text.splitlines()[: HEADER_SEARCH_ROWS + 5])  # title rows may come first
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _header_row(table: list[list[str]]) -> int | None:
    for i, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        keys = {_key(c) for c in row}
        if keys & set(TITLE_HEADERS):
            return i
    return None


def read_registered(path: str | Path) -> RegisteredFile:
    """Read a registered-list file; RegisteredListError (Korean) when it is not one."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RegisteredListError(f"파일을 읽을 수 없습니다: {path.name} ({exc.strerror})") from exc
    if not data.strip():
        raise RegisteredListError(f"빈 파일입니다: {path.name}")
    table = _table_rows(path, data)
    head = _header_row(table)
    if head is None:
        seen = ", ".join(c for c in (table[0] if table else [])[:8] if c.strip()) or "(없음)"
        raise RegisteredListError(
            f"등록 목록의 형식을 알 수 없습니다: {path.name}. 처음 {HEADER_SEARCH_ROWS}행에서 "
            f"'목록명' 열을 찾지 못했습니다 (첫 행: {seen}). 공공데이터포털에서 내려받은 "
            "목록 파일(CSV 또는 xlsx)을 고르세요."
        )
    headers = [_clean(h) for h in table[head]]
    keys = [_field_of(h) for h in headers]
    known = sum(1 for k in keys if k)
    layout = "공공데이터포털 목록(목록개방현황)" if known >= 10 else f"열 {known}개를 알아본 목록"
    out = RegisteredFile(path.name, hashlib.sha256(data).hexdigest(), layout, head + 1, headers)
    if len(table) - head - 1 > MAX_ROWS:
        raise RegisteredListError(
            f"행이 너무 많습니다 ({len(table) - head - 1:,}행, 최대 {MAX_ROWS:,}행): {path.name}"
        )
    for number, row in enumerate(table[head + 1 :], start=head + 2):
        values: dict[str, str] = {}
        for key, cell in zip(keys, row, strict=False):
            if key and key not in values:
                text = _clean(cell)
                values[key] = _date(text) if key in DATE_KEYS else text
        if not any(values.values()):
            continue  # a blank line
        title = values.pop("title", "")
        list_key = values.pop("list_key", "")
        if not title:
            out.notes.append(f"{number}행: 목록명이 비어 있어 건너뜁니다.")
            continue
        out.rows.append(RegisteredRow(number, list_key, title, values))
    if not out.rows:
        raise RegisteredListError(f"목록이 한 줄도 없습니다: {path.name}")
    return out
