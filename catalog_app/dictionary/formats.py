"""Read and write the 공통표준 dictionary files (MOIS xlsx, 2020 xlsx, our CSV trio, data.go.kr CSV).

Columns are found by header name with all whitespace removed, never by position, because
every edition spells and orders them differently (the 7차 xlsx names its sheets 표준단어/표준용어/표준도메인; older editions and CSV exports use other names, headers and column orders, all listed below).
Every cell is read as text: the published values are formats such as '9999999999' or
'999.99' that Excel happens to store as numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from catalog_app.dictionary.model import Dictionary, Domain, Term, Word
from catalog_app.safe_files import neutralise, restore, save_atomic
from catalog_app.scan.encoding import decode_excel_csv

__all__ = [
    "DOMAIN_HEADERS",
    "DictionaryFormatError",
    "SHEET_NAMES",
    "TERM_HEADERS",
    "WORD_HEADERS",
    "read_dictionary",
    "write_csv",
    "write_xlsx",
]


class DictionaryFormatError(ValueError):
    """The file is not a 공통표준 dictionary in a layout we know; the message is Korean."""


# The exact 7차 headers, in the 7차 order (also the headers of our CSV export).
WORD_HEADERS = (
    "번호",
    "제정차수(제정연월)",
    "공통표준단어명",
    "공통표준단어영문약어명",
    "공통표준단어 영문명",
    "공통표준단어 설명",
    "형식단어 여부",
    "공통표준도메인분류명",
    "이음동의어 목록",
    "금칙어 목록",
)
TERM_HEADERS = (
    "번호",
    "제정차수(제정연월)",
    "공통표준용어명",
    "공통표준용어설명",
    "공통표준용어영문약어명",
    "공통표준도메인명",
    "허용값",
    "저장 형식",
    "표현 형식",
    "행정표준코드명",
    "소관기관명",
    "용어 이음동의어 목록",
)
DOMAIN_HEADERS = (
    "번호",
    "제정차수(제정연월)",
    "공통표준도메인그룹명",
    "공통표준도메인분류명",
    "공통표준도메인명",
    "공통표준도메인설명",
    "데이터타입",
    "데이터길이",
    "데이터소수점길이",
    "저장 형식",
    "표현 형식",
    "단위",
    "허용값",
)

# 7차 sheet order: terms, words, domains.
SHEET_NAMES = {"term": "공통표준용어", "word": "공통표준단어", "domain": "공통표준도메인"}
_SHEET_NAMES_2020 = {"term": "표준용어", "word": "표준단어", "domain": "표준도메인"}
CSV_NAMES = {"word": "words.csv", "term": "terms.csv", "domain": "domains.csv"}
_KIND_KO = {"word": "단어", "term": "용어", "domain": "도메인"}
_XLSX_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}

_WS = re.compile(r"\s+")
_LIST_SPLIT = re.compile(r"[,，]")
_RETIRED = "(폐기)"
_REVISION_KIND = "개정구분명"  # 8차 '개정구분명(폐기 또는 변경)'


def _norm(header: str) -> str:
    """Header key: all whitespace and the optional '(제정연월)' removed, ASCII case folded."""
    return _WS.sub("", header).replace("(제정연월)", "").casefold()


@dataclass(frozen=True)
class _Kind:
    """How one of the three tables maps between headers and dataclass fields."""

    kind: str
    cls: type
    headers: tuple[str, ...]  # exact 7차 headers, for writing
    fields: tuple[str, ...]  # the field of each 7차 header
    aliases: dict[str, str]  # other normalised headers (2020, 8차) -> field
    required: tuple[str, ...]
    name_header: str  # normalised header that identifies the kind
    wrap: frozenset[str]  # fields whose cells wrap in the xlsx
    widths: tuple[float, ...]  # 7차 column widths

    def column_map(self) -> dict[str, str]:
        mapping = {_norm(h): f for h, f in zip(self.headers, self.fields, strict=True)}
        mapping.update(self.aliases)
        return mapping


_COMMON_ALIASES = {"no": "number", "제정차수": "enacted"}

_WORD = _Kind(
    kind="word",
    cls=Word,
    headers=WORD_HEADERS,
    fields=(
        "number",
        "enacted",
        "name",
        "abbr",
        "english",
        "description",
        "is_class_word",
        "domain_class",
        "synonyms",
        "forbidden",
    ),
    aliases=dict(_COMMON_ALIASES),
    required=("name", "abbr"),
    name_header="공통표준단어명",
    wrap=frozenset({"enacted", "description", "english", "synonyms", "forbidden"}),
    widths=(8, 18, 16, 14, 28, 64, 10, 16, 22, 22),
)
_TERM = _Kind(
    kind="term",
    cls=Term,
    headers=TERM_HEADERS,
    fields=(
        "number",
        "enacted",
        "name",
        "description",
        "abbr",
        "domain",
        "allowed_values",
        "storage_format",
        "display_format",
        "code_name",
        "owner",
        "synonyms",
    ),
    aliases={**_COMMON_ALIASES, "이음동의어목록": "synonyms"},
    required=("name", "abbr"),
    name_header="공통표준용어명",
    wrap=frozenset({"enacted", "description", "allowed_values", "display_format", "synonyms"}),
    widths=(8, 18, 24, 64, 26, 16, 32, 20, 22, 16, 16, 32),
)
_DOMAIN = _Kind(
    kind="domain",
    cls=Domain,
    headers=DOMAIN_HEADERS,
    fields=(
        "number",
        "enacted",
        "group",
        "domain_class",
        "name",
        "description",
        "data_type",
        "length",
        "scale",
        "storage_format",
        "display_format",
        "unit",
        "allowed_values",
    ),
    aliases={**_COMMON_ALIASES, "소수점길이": "scale"},
    required=("name", "data_type"),
    name_header="공통표준도메인명",
    wrap=frozenset(
        {"enacted", "description", "storage_format", "display_format", "allowed_values"}
    ),
    widths=(8, 18, 16, 18, 18, 64, 12, 10, 10, 20, 22, 10, 32),
)
_KINDS = {k.kind: k for k in (_WORD, _TERM, _DOMAIN)}
_MAPS = {k.kind: k.column_map() for k in _KINDS.values()}

# Identifiers: surrounding whitespace is noise (the 8차 CSV has a TAB before a name).
# Everything else (descriptions, English names, formats, units) is free text kept as published.
_STRIPPED = frozenset(
    {
        "name",
        "abbr",
        "domain",
        "domain_class",
        "group",
        "data_type",
        "length",
        "scale",
        "number",
        "code_name",
        "owner",
        "is_class_word",
    }
)
_LISTS = frozenset({"synonyms", "forbidden"})


# ---------------------------------------------------------------------------------------------
# Reading


def read_dictionary(path: str | Path) -> Dictionary:
    """Read any supported layout, recognised by its sheets or headers rather than its file name.

    Accepts a 7차 or 2020 MOIS workbook, one CSV (our export or data.go.kr 8차), or a folder of
    such CSVs. Raises DictionaryFormatError (Korean message) for anything else and
    FileNotFoundError when the path does not exist.
    """
    path = Path(path)
    if path.is_dir():
        return _read_csv_folder(path)
    if not path.exists():
        raise FileNotFoundError(path)
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return _read_workbook(path)
    if suffix == ".csv":
        return _read_csv_files([path], single=True)
    raise DictionaryFormatError(
        f"'{path.name}'은(는) 읽을 수 없는 파일 형식입니다. "
        "공통표준 엑셀 파일(xlsx) 또는 CSV 파일, CSV 파일이 든 폴더만 읽을 수 있습니다."
    )


def _read_workbook(path: Path) -> Dictionary:
    """Read the three sheets with calamine (~10x openpyxl; it also reads AutoFilter-hidden rows)."""
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for broken/unknown files
        raise DictionaryFormatError(f"'{path.name}' 엑셀 파일을 열 수 없습니다: {exc}") from exc
    by_norm = {_WS.sub("", name): name for name in wb.sheet_names}
    layouts = (("mois-xlsx", SHEET_NAMES), ("mois-2020-xlsx", _SHEET_NAMES_2020))
    match = next(((lay, n) for lay, n in layouts if all(s in by_norm for s in n.values())), None)
    if match is None:
        found = ", ".join(wb.sheet_names) or "없음"
        raise DictionaryFormatError(
            f"'{path.name}'은(는) 공통표준 사전 파일이 아닙니다. "
            "공통표준용어·공통표준단어·공통표준도메인 시트(2020년판은 표준용어·표준단어·"
            f"표준도메인)가 있어야 합니다. 파일에 있는 시트: {found}"
        )
    layout, names = match
    tables = {}
    for kind, sheet in names.items():
        real = by_norm[sheet]
        rows = wb.get_sheet_by_name(real).to_python(skip_empty_area=False)
        tables[kind] = _parse_rows(rows, _KINDS[kind], f"'{path.name}'의 '{real}' 시트")
    return Dictionary(
        words=tables["word"],
        terms=tables["term"],
        domains=tables["domain"],
        layout=layout,
        source=path.name,
    )


def _read_csv_folder(folder: Path) -> Dictionary:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
    if not files:
        raise DictionaryFormatError(f"'{folder.name}' 폴더에 CSV 파일이 없습니다.")
    return _read_csv_files(files, single=False)


def _read_csv_files(files: Sequence[Path], *, single: bool) -> Dictionary:
    """Each CSV's kind and layout come from its header; a folder must hold one file per kind."""
    found: dict[str, tuple[Path, list]] = {}
    layouts: set[str] = set()
    for path in files:
        rows = _csv_rows(path)
        header = rows[0] if rows else []
        kind = _kind_of_header(header)
        if kind is None:
            if single:
                raise DictionaryFormatError(
                    f"'{path.name}'은(는) 공통표준 사전 CSV가 아닙니다. 첫 줄에 "
                    "공통표준단어명·공통표준용어명·공통표준도메인명 중 하나의 열이 있어야 합니다."
                )
            continue  # another CSV in the same folder (a notes file, a download list …)
        if kind in found:
            raise DictionaryFormatError(
                f"공통표준{_KIND_KO[kind]} CSV가 두 개 있습니다: "
                f"'{found[kind][0].name}', '{path.name}'. 한 종류에 파일 하나만 둘 수 있습니다."
            )
        items = _parse_rows(rows, _KINDS[kind], f"'{path.name}'", header_rows=1)
        found[kind] = (path, items)
        # Our export keeps the 번호 column; the data.go.kr files have none.
        layouts.add("csv" if "번호" in {_norm(str(h)) for h in header} else "datagokr-csv")
    if not found:
        names = ", ".join(p.name for p in files)
        raise DictionaryFormatError(
            f"공통표준 사전 CSV(공통표준단어·공통표준용어·공통표준도메인)를 찾지 못했습니다: {names}"
        )
    if len(layouts) > 1:
        raise DictionaryFormatError(
            "한 폴더에 우리 CSV 내보내기 형식(번호 열 있음)과 공공데이터포털 형식(번호 열 없음)이 "
            "섞여 있습니다. 한 가지 형식의 파일만 두십시오."
        )
    return Dictionary(
        words=found["word"][1] if "word" in found else [],
        terms=found["term"][1] if "term" in found else [],
        domains=found["domain"][1] if "domain" in found else [],
        layout=layouts.pop(),
        source=", ".join(found[k][0].name for k in ("word", "term", "domain") if k in found),
    )


def _csv_rows(path: Path) -> list[list[str]]:
    """UTF-8 with or without BOM; CP949 as a fallback (what Korean Excel saves as 'CSV')."""
    text = decode_excel_csv(path.read_bytes())
    if text is None:
        raise DictionaryFormatError(
            f"'{path.name}'의 문자 인코딩을 알 수 없습니다. UTF-8 또는 CP949로 저장해 주십시오."
        )
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise DictionaryFormatError(f"'{path.name}' CSV를 읽을 수 없습니다: {exc}") from exc


def _kind_of_header(header: Sequence[Any]) -> str | None:
    """Term files also carry 공통표준도메인명 and word files 공통표준도메인분류명: test terms first."""
    keys = {_norm(_text(h)) for h in header}
    for kind in ("term", "word", "domain"):
        if _KINDS[kind].name_header in keys:
            return kind
    return None


def _text(value: Any) -> str:
    """A cell as the text MOIS meant: integral floats lose '.0', other numbers keep repr digits."""
    if value is None:
        return ""
    if isinstance(value, str):
        return restore(value)  # our own export quoted formula-like text: read it back as it was
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _parse_rows(rows: list[list[Any]], spec: _Kind, where: str, header_rows: int = 10) -> list[Any]:
    """Rows of raw cells -> dataclasses; the header is the first row naming the kind's key column."""
    mapping = _MAPS[spec.kind]
    header_at = None
    for i, row in enumerate(rows[:header_rows]):
        if spec.name_header in {_norm(_text(c)) for c in row}:
            header_at = i
            break
    if header_at is None:
        raise DictionaryFormatError(
            f"{where}에 '{spec.headers[spec.fields.index('name')]}' 열이 있는 제목 줄이 없습니다."
        )
    header = [_text(c).strip() for c in rows[header_at]]
    columns: list[tuple[int, str, bool]] = []  # (index, field or extra key, is_field)
    seen: set[str] = set()
    revision = -1  # index of 8차 '개정구분명(폐기 또는 변경)'
    for i, h in enumerate(header):
        if not h:
            continue  # the 7차 domain sheet has two empty, header-less columns
        key = mapping.get(_norm(h))
        target, is_field = (key, True) if key else (h, False)
        if target in seen:
            continue  # a repeated header: the first one wins
        seen.add(target)
        columns.append((i, target, is_field))
        if not is_field and revision < 0 and _norm(h).startswith(_REVISION_KIND):
            revision = i
    fields_present = {t for _, t, f in columns if f}
    columns_of = {t: i for i, t, f in columns if f}
    missing = [f for f in spec.required if f not in fields_present]
    if missing:
        names = ", ".join(spec.headers[spec.fields.index(f)] for f in missing)
        raise DictionaryFormatError(f"{where}에 필수 열이 없습니다: {names}")

    items = []
    for row in rows[header_at + 1 :]:
        cells = [_text(c) for c in row]
        if not any(c.strip() for c in cells):
            continue
        cells += [""] * (len(header) - len(cells))
        values: dict[str, Any] = {}
        extra: dict[str, str] = {}
        for i, target, is_field in columns:
            if is_field:
                values[target] = _field_value(target, cells[i])
            else:
                extra[target] = "" if cells[i] == "-" else cells[i]
        retired = (
            ("number" in fields_present and cells[columns_of["number"]].strip() == "-")
            or _RETIRED in _WS.sub("", values.get("enacted", ""))
            or (revision >= 0 and cells[revision].strip() == "폐기")
        )
        items.append(spec.cls(**values, retired=retired, extra=extra))
    return items


def _field_value(field: str, raw: str) -> Any:
    if field in _LISTS:
        if raw.strip() == "-":
            return ()
        return tuple(item for item in (p.strip() for p in _LIST_SPLIT.split(raw)) if item)
    if field == "is_class_word":
        return raw.strip().upper() == "Y"
    value = raw.strip() if field in _STRIPPED else raw
    return "" if value == "-" else value


# ---------------------------------------------------------------------------------------------
# Writing


def _table(items: Sequence[Any], spec: _Kind) -> tuple[list[str], list[list[str]]]:
    """Header and text rows in the 7차 shape: active rows numbered 1..n, then retired rows.

    Extra columns (from 2020 or 8차 files, or an institution's own) follow the 7차 columns so
    nothing read is lost; without extras the header is exactly the 7차 one.
    """
    known = set(_MAPS[spec.kind])
    extra_keys: list[str] = []
    for item in items:
        for key in item.extra:
            if key not in extra_keys and _norm(key) not in known:
                extra_keys.append(key)
    header = list(spec.headers) + extra_keys
    active = [i for i in items if not i.retired]
    retired = [i for i in items if i.retired]
    rows = []
    for n, item in enumerate(active + retired, start=1):
        row = []
        for field in spec.fields:
            if field == "number":
                row.append("-" if item.retired else str(n))
            elif field == "enacted":
                enacted = item.enacted
                if item.retired and _RETIRED not in _WS.sub("", enacted):
                    enacted += _RETIRED
                row.append(enacted or "-")
            else:
                row.append(_cell(getattr(item, field)))
        row.extend(_cell(item.extra.get(key, "")) for key in extra_keys)
        rows.append(row)
    return header, rows


def _cell(value: Any) -> str:
    """MOIS writes '-' for every empty value; lists are joined with ', ' as published."""
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, tuple):
        value = ", ".join(value)
    return value if value else "-"


def write_xlsx(dictionary: Dictionary, path: str | Path) -> None:
    """Write the official 7차 three-sheet layout, every cell as text so Excel reformats nothing."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook(write_only=True)  # streams rows; about 2 s for the 9k-row 7차 dictionary
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)

    def cell(ws: Any, value: str, align: Alignment) -> WriteOnlyCell:
        text = neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))  # XML can't hold them
        c = WriteOnlyCell(ws, value=text)
        c.data_type = "s"  # never a formula, even for text starting with '='
        c.number_format = "@"
        c.alignment = align
        return c

    tables = {"term": dictionary.terms, "word": dictionary.words, "domain": dictionary.domains}
    for kind, sheet in SHEET_NAMES.items():
        spec = _KINDS[kind]
        header, rows = _table(tables[kind], spec)
        ws = wb.create_sheet(sheet)
        ws.freeze_panes = "A2"
        last = get_column_letter(len(header))
        ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
        widths = list(spec.widths) + [
            max(12, min(40, 2 * len(h))) for h in header[len(spec.widths) :]
        ]
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        aligns = [wrapped if f in spec.wrap else top for f in spec.fields]
        aligns += [wrapped] * (len(header) - len(spec.fields))
        head = []
        for h in header:
            c = cell(ws, h, header_align)
            c.font = header_font
            c.fill = header_fill
            head.append(c)
        ws.append(head)
        for row in rows:
            ws.append([cell(ws, v, a) for v, a in zip(row, aligns, strict=True)])
    save_atomic(wb, path)  # a temporary file renamed into place: never half a file, never
    # written through a symbolic link left at the target


def write_csv(dictionary: Dictionary, folder: str | Path) -> None:
    """Write words.csv, terms.csv, domains.csv: UTF-8 with BOM (Excel), RFC 4180, CRLF rows;
    formula-like text quoted (``safe_files.neutralise``), each file written atomically."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, Iterable[Any]] = {
        "word": dictionary.words,
        "term": dictionary.terms,
        "domain": dictionary.domains,
    }
    for kind, name in CSV_NAMES.items():
        header, rows = _table(list(tables[kind]), _KINDS[kind])

        def write(tmp: Path, header=header, rows=rows) -> None:
            with open(tmp, "x", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow([neutralise(h) for h in header])
                writer.writerows([neutralise(v) for v in row] for row in rows)

        save_atomic(write, folder / name)
