"""Official code lists (법정동코드, 기관코드): the shipped copy, or a newer one an institution imported.

Two users read them: the matcher recognises a column by its values (``matching.signatures``) and
the quality diagnosis (``quality``) counts values that are not in a list. The shipped lists live in
``resources/codes`` (built by ``tools/build_code_lists.py``; sources in SOURCES.md there) and are
read once per process. Lists change (new 법정동 in 2026, reorganised 기관), so an institution may
import a newer list into its catalog (:class:`CodeListStore`); the diagnosis then uses the
imported list and says so, the shipped one stays the default. None of the lists is complete: the
shipped 기관코드 list is partial by construction, so a value missing from it is only a warning.

Kinds: ``legal_dong`` (10-digit 법정동코드), ``org`` (7-character 행정표준 기관코드). 5-digit
시군구 codes are derived from the 법정동 list (codes ending in 00000).
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "KINDS",
    "CodeList",
    "CodeListError",
    "CodeListStore",
    "legal_dong_codes",
    "org_codes",
    "parse_code_file",
    "sgg_codes",
    "sgg_of",
]

KINDS = {"legal_dong": "법정동코드", "org": "기관코드"}
_SHAPES = {"legal_dong": re.compile(r"\d{10}"), "org": re.compile(r"[0-9A-Z]\d{6}")}
_HEADER_WORDS = {"legal_dong": ("법정동코드", "행정구역코드", "코드"), "org": ("기관코드", "코드")}
# A column saying a code is abolished (법정동코드 전체자료: 폐지여부 = 존재/폐지).
_ABOLISHED = ("폐지여부",)


class CodeListError(ValueError):
    """A file that holds no usable code list (Korean message)."""


def _codes_file(name: str):
    from catalog_app.shipped import resources_dir

    return resources_dir() / "codes" / name


@functools.cache
def legal_dong_codes() -> frozenset[str]:
    """Every 10-digit 법정동코드 shipped (existing and abolished), read once."""
    try:
        data = gzip.decompress(_codes_file("legal-dong-codes.txt.gz").read_bytes())
    except (OSError, EOFError):  # a broken install must not stop the matcher
        return frozenset()
    codes: list[str] = []
    value = 0
    for line in data.split():
        value += int(line)
        codes.append(f"{value:010d}")
    return frozenset(codes)


def sgg_of(codes: frozenset[str]) -> frozenset[str]:
    """5-digit 시군구 codes: the 법정동코드 of a 시군구 itself ends in 00000."""
    return frozenset(c[:5] for c in codes if c.endswith("00000") and not c.endswith("00000000"))


@functools.cache
def sgg_codes() -> frozenset[str]:
    return sgg_of(legal_dong_codes())


@functools.cache
def org_codes() -> frozenset[str]:
    try:
        text = _codes_file("org-codes.txt").read_text(encoding="ascii")
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@dataclass(frozen=True)
class CodeList:
    """One list as the diagnosis uses it: its codes and where they came from."""

    kind: str
    codes: frozenset[str]
    source: (
        str  # Korean: '앱에 포함된 목록 (2025-12)' or '가져온 목록: file.csv (2026-03-02, 담당자)'
    )
    imported: bool = False
    complete: bool = True  # False: a value missing from it is only a warning


def shipped(kind: str) -> CodeList:
    if kind == "legal_dong":
        return CodeList(kind, legal_dong_codes(), "앱에 포함된 법정동코드 목록 (2025-12)")
    if kind == "org":
        return CodeList(
            kind, org_codes(), "앱에 포함된 기관코드 목록 (일부 기관만)", complete=False
        )
    raise KeyError(kind)


def parse_code_file(path: str | Path, kind: str) -> tuple[list[str], int]:
    """(codes, abolished rows skipped) from a CSV/TSV/TXT list: the official 법정동코드 전체자료
    (CP949 TSV), the shared CSV copies, or one code per line. The code column is the one named
    like the kind (법정동코드, 기관코드) or else the first column whose values have its shape;
    rows marked 폐지 are left out (an imported list says what exists now)."""
    from catalog_app.scan.encoding import detect_encoding

    if kind not in KINDS:
        raise CodeListError(f"알 수 없는 목록 종류입니다: {kind} (가능: {', '.join(KINDS)})")
    raw = Path(path).read_bytes()
    guess = detect_encoding(raw[:65536])
    codec = "utf-8-sig" if guess.encoding in ("utf-8", "utf-8-sig") else guess.encoding
    text = raw.decode(codec, errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    rows = [
        r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)
    ]
    if not rows:
        raise CodeListError("파일이 비어 있습니다.")
    shape = _SHAPES[kind]
    header = [c.strip() for c in rows[0]]
    has_header = not any(shape.fullmatch(c) for c in header)
    body = rows[1:] if has_header else rows
    column = None
    if has_header:
        for word in _HEADER_WORDS[kind]:
            column = next((i for i, h in enumerate(header) if h == word), None)
            if column is None:
                column = next((i for i, h in enumerate(header) if h.endswith(word)), None)
            if column is not None:
                break
    if column is None:
        width = max(len(r) for r in body) if body else 0
        for i in range(width):
            sample = [r[i].strip() for r in body[:200] if len(r) > i and r[i].strip()]
            if sample and sum(bool(shape.fullmatch(v)) for v in sample) >= 0.9 * len(sample):
                column = i
                break
    if column is None:
        raise CodeListError(
            f"{KINDS[kind]} 열을 찾지 못했습니다. 머리글이 '{KINDS[kind]}'인 열이나 "
            f"{KINDS[kind]} 값만 있는 열이 있어야 합니다."
        )
    abolished_col = next((i for i, h in enumerate(header) if h in _ABOLISHED), None)
    codes: set[str] = set()
    skipped = 0
    for r in body:
        if len(r) <= column:
            continue
        value = r[column].strip()
        if not shape.fullmatch(value):
            continue
        abolished = abolished_col is not None and len(r) > abolished_col
        if has_header and abolished and r[abolished_col].strip() == "폐지":
            skipped += 1
            continue
        codes.add(value)
    if not codes:
        raise CodeListError(f"{KINDS[kind]} 형식의 값이 하나도 없습니다.")
    return sorted(codes), skipped


class CodeListStore:
    """Code lists imported into one catalog (table ``code_lists``), with who and when."""

    def __init__(self, catalog):
        self.catalog = catalog

    def get(self, kind: str) -> CodeList:
        """The imported list of ``kind``, else the shipped one."""
        row = self.catalog.conn.execute(
            "SELECT * FROM code_lists WHERE kind = ?", (kind,)
        ).fetchone()
        if row is None:
            return shipped(kind)
        codes = frozenset(gzip.decompress(row["codes"]).decode("ascii").split())
        source = (
            f"가져온 목록: {row['source']} ({row['imported_at'][:10]}, {row['imported_by']}, "
            f"{row['count']:,}개)"
        )
        return CodeList(kind, codes, source, imported=True)

    def import_file(self, kind: str, path: str | Path, who: str) -> dict:
        """Replace the imported list of ``kind`` by the codes in ``path``."""
        from catalog_app.catalog.store import now_iso

        codes, skipped = parse_code_file(path, kind)
        blob = gzip.compress("\n".join(codes).encode("ascii"), 9, mtime=0)
        at = now_iso()
        with self.catalog.transaction() as conn:
            conn.execute(
                """INSERT INTO code_lists (kind, source, count, codes, imported_by, imported_at)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT (kind) DO UPDATE SET source = excluded.source,
                   count = excluded.count, codes = excluded.codes,
                   imported_by = excluded.imported_by, imported_at = excluded.imported_at""",
                (kind, Path(path).name, len(codes), blob, who, at),
            )
        return {
            "kind": kind,
            "count": len(codes),
            "abolished_skipped": skipped,
            "source": Path(path).name,
        }

    def forget(self, kind: str) -> bool:
        """Drop the imported list: the shipped one is used again."""
        with self.catalog.transaction() as conn:
            return conn.execute("DELETE FROM code_lists WHERE kind = ?", (kind,)).rowcount > 0

    def overview(self) -> list[dict]:
        out = []
        for kind, name in KINDS.items():
            current = self.get(kind)
            out.append(
                {
                    "kind": kind,
                    "name": name,
                    "count": len(current.codes),
                    "imported": current.imported,
                    "source": current.source,
                }
            )
        return out
