"""분류체계: the portal's theme classification in the two label styles it shows, and which of
today's labels an older one stands for.

Portal pages show today's 16 대분류 ("공공행정 - 일반행정", "교통물류 - 도로") and, on many entries
registered earlier, the older 분야 names ("일반공공행정 - 일반행정", "공공질서및안전 - 안전관리").
Both are accepted; the lists are written in today's style. The known labels come from the
institution's table in the catalog (``category_store``), seeded from the shipped
``resources/reference/categories.csv`` (see the ``SOURCES.md`` beside it). That table is a sample
of the portal, not the official list, so a 중분류 merely missing from it only warns.

``CategoryTable.resolve`` is pure: validation and the exports work on the rows a
``DisclosureState`` carries, so a frozen year is checked against the table it was frozen with.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache

from catalog_app.shipped import resources_dir

__all__ = [
    "CURRENT",
    "OLDER",
    "CategoryRow",
    "CategoryTable",
    "Resolved",
    "normalise",
    "shipped_rows",
    "shipped_table",
]

CURRENT, OLDER = "현재", "이전"
STYLES = (CURRENT, OLDER)
SHIPPED_FILE = ("reference", "categories.csv")
HEADERS = ("분류체계", "표기", "현재분류체계", "근거")

# '대분류 - 중분류' as people type it: hyphen, en/em dash or '>' between, any spacing.
_SPLIT = re.compile(r"\s*[-–—>]\s*")


@dataclass(frozen=True)
class CategoryRow:
    label: str  # as written: '일반공공행정 - 일반행정'
    style: str  # CURRENT or OLDER
    current: str  # today's label it stands for (itself for a current label)
    basis: str = ""  # why (the shipped file says where each row comes from)

    def as_list(self) -> list[str]:
        return [self.label, self.style, self.current, self.basis]


@dataclass(frozen=True)
class Resolved:
    """What a 분류체계 value is. ``status``:

    * ``current`` — a known label of today's style (a 대분류 alone, or a known pair);
    * ``older`` — a known label of the older style; ``current`` is today's label for it;
    * ``unknown_minor`` — a known 대분류 (either style) with a 중분류 not in the table:
      ``current`` is today's 대분류 with that 중분류 (a warning, not an error);
    * ``unknown`` — the 대분류 is not known at all (``current`` is '').
    """

    value: str  # the value as normalised ('대분류 - 중분류')
    status: str
    current: str
    basis: str = ""
    older: bool = False  # written in the older style (also for an unknown_minor)

    @property
    def ok(self) -> bool:
        return self.status != "unknown"


def normalise(value: str) -> str:
    """'공공행정-일반행정', '공공행정 – 일반행정' → '공공행정 - 일반행정'; spaces collapsed."""
    text = " ".join((value or "").split())
    if not text:
        return ""
    parts = [p.strip() for p in _SPLIT.split(text, maxsplit=1)]
    parts = [" ".join(p.split()) for p in parts if p]
    return " - ".join(parts)


def _split(label: str) -> tuple[str, str]:
    major, _, minor = label.partition(" - ")
    return major, minor


class CategoryTable:
    """The known labels of both styles; answers what a typed value is (``resolve``)."""

    def __init__(self, rows):
        self.rows: list[CategoryRow] = [
            r if isinstance(r, CategoryRow) else CategoryRow(*r) for r in rows
        ]
        self._by_label = {normalise(r.label): r for r in self.rows}
        self.majors = {  # 대분류 (either style) -> today's 대분류
            normalise(r.label): _split(r.current)[0] for r in self.rows if " - " not in r.label
        }
        for r in self.rows:  # a pair's 대분류 is a known 대분류 even without a row of its own
            if " - " in r.label:
                major = _split(normalise(r.label))[0]
                self.majors.setdefault(major, _split(r.current)[0])

    def current_pairs(self) -> list[str]:
        """Today's labels (대분류 and pairs), sorted: what a form offers."""
        return sorted(r.label for r in self.rows if r.style == CURRENT)

    def current_majors(self) -> list[str]:
        return sorted({_split(r.current)[0] for r in self.rows if r.style == CURRENT})

    def resolve(self, value: str) -> Resolved:
        text = normalise(value)
        row = self._by_label.get(text)
        if row is not None:
            older = row.style == OLDER
            return Resolved(text, "older" if older else "current", row.current, row.basis, older)
        major, minor = _split(text)
        target = self.majors.get(major)
        if target is None:
            return Resolved(text, "unknown", "")
        older = self._by_label.get(major) is not None and self._by_label[major].style == OLDER
        if not minor:  # a 대분류 alone that only pairs name
            return Resolved(text, "older" if older else "current", target, "", older)
        return Resolved(text, "unknown_minor", f"{target} - {minor}", "", older)

    def current_label(self, value: str) -> str:
        """Today's label for ``value`` ('' stays ''; an unknown value is returned as typed)."""
        if not (value or "").strip():
            return ""
        found = self.resolve(value)
        return found.current or " ".join(value.split())


def parse_rows(text: str) -> list[CategoryRow]:
    """Rows of a categories CSV (the shipped layout: 분류체계, 표기, 현재분류체계, 근거)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    for r in reader:
        label = normalise(r.get("분류체계") or "")
        if not label:
            continue
        style = (r.get("표기") or CURRENT).strip() or CURRENT
        current = normalise(r.get("현재분류체계") or "") or label
        rows.append(CategoryRow(label, style, current, (r.get("근거") or "").strip()))
    return rows


@cache
def shipped_rows() -> tuple[CategoryRow, ...]:
    """The rows of the shipped file (seed of a new catalog and of ``categories reset``)."""
    folder = resources_dir()
    for part in SHIPPED_FILE:
        folder = folder / part
    return tuple(parse_rows(folder.read_text(encoding="utf-8")))


@cache
def shipped_table() -> CategoryTable:
    """The shipped table: for states frozen before the table existed."""
    return CategoryTable(shipped_rows())


def seed_sql() -> str:
    """INSERT statements that seed a catalog's table with the shipped rows (its migration)."""

    def quoted(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    lines = [
        "INSERT INTO category_labels (label, style, current, basis, origin) VALUES "
        f"({quoted(r.label)}, {quoted(r.style)}, {quoted(r.current)}, {quoted(r.basis)}, "
        "'shipped');"
        for r in shipped_rows()
    ]
    return "\n".join(lines)
