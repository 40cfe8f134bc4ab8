"""Edition diff: words, terms and domains added, retired and changed (field by field).

Rows are matched by name among active rows. Text is compared with whitespace normalised, because
the data.go.kr CSVs flatten the workbook's embedded newlines into spaces. A section that one of
the editions does not carry at all (the 8차 partial set has domains only) is left out rather
than reported as "everything retired".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from catalog_app.dictionary.model import BOOKKEEPING, Dictionary, Domain, Term, Word, field_names
from catalog_app.safe_files import neutralise, save_atomic

FIELDS = {
    key: tuple(f for f in field_names(cls) if f not in BOOKKEEPING)
    for key, cls in (("words", Word), ("terms", Term), ("domains", Domain))
}
FIELD_NAMES = {
    "abbr": "영문약어명",
    "english": "영문명",
    "description": "설명",
    "is_class_word": "형식단어 여부",
    "domain_class": "도메인분류명",
    "synonyms": "이음동의어",
    "forbidden": "금칙어",
    "domain": "도메인명",
    "allowed_values": "허용값",
    "storage_format": "저장 형식",
    "display_format": "표현 형식",
    "code_name": "행정표준코드명",
    "owner": "소관기관명",
    "group": "도메인그룹명",
    "data_type": "데이터타입",
    "length": "데이터길이",
    "scale": "데이터소수점길이",
    "unit": "단위",
}
SECTION_NAMES = {"words": "단어", "terms": "용어", "domains": "도메인"}


@dataclass(slots=True)
class Change:
    name: str
    fields: list[tuple[str, str, str]]  # (field, old, new)


@dataclass(slots=True)
class SectionDiff:
    added: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.retired or self.changed)


@dataclass(slots=True)
class EditionDiff:
    a: str
    b: str
    words: SectionDiff | None
    terms: SectionDiff | None
    domains: SectionDiff | None

    def sections(self):
        for key in ("words", "terms", "domains"):
            section = getattr(self, key)
            if section is not None:
                yield key, section

    def as_dict(self) -> dict:
        out: dict = {"from": self.a, "to": self.b}
        for key in ("words", "terms", "domains"):
            section = getattr(self, key)
            out[key] = (
                None
                if section is None
                else {
                    "added": section.added,
                    "retired": section.retired,
                    "changed": [
                        {
                            "name": c.name,
                            "fields": [{"field": f, "old": o, "new": n} for f, o, n in c.fields],
                        }
                        for c in section.changed
                    ],
                }
            )
        return out


def _norm(value) -> str:
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, tuple | list):
        return ", ".join(" ".join(str(v).split()) for v in value)
    return " ".join(str(value or "").split())


def _section(old: list, new: list, fields: tuple[str, ...]) -> SectionDiff:
    before = {row.name: row for row in old if not row.retired}
    after = {row.name: row for row in new if not row.retired}
    out = SectionDiff()
    out.added = [name for name in after if name not in before]
    out.retired = [name for name in before if name not in after]
    for name, row in after.items():
        if name not in before:
            continue
        a, b = asdict(before[name]), asdict(row)
        changed = [(f, _norm(a[f]), _norm(b[f])) for f in fields if _norm(a[f]) != _norm(b[f])]
        if changed:
            out.changed.append(Change(name, changed))
    return out


def diff_dictionaries(
    a: Dictionary, b: Dictionary, a_key: str = "A", b_key: str = "B"
) -> EditionDiff:
    sections = {}
    for key in ("words", "terms", "domains"):
        old, new = getattr(a, key), getattr(b, key)
        sections[key] = _section(old, new, FIELDS[key]) if old and new else None
    return EditionDiff(a_key, b_key, **sections)


def write_diff_xlsx(diff: EditionDiff, path) -> None:
    """The diff as a workbook a standards manager can file: one sheet per section."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    summary = wb.active
    summary.title = "요약"
    summary.append(["비교", f"{diff.a} → {diff.b}"])
    summary.append(["구분", "추가", "폐기", "변경"])
    for key, section in diff.sections():
        summary.append(
            [SECTION_NAMES[key], len(section.added), len(section.retired), len(section.changed)]
        )
    for key, section in diff.sections():
        ws = wb.create_sheet(SECTION_NAMES[key])
        ws.append(["구분", "이름", "항목", "이전 값", "새 값"])
        for name in section.added:
            ws.append(["추가", _safe(name), "", "", ""])
        for name in section.retired:
            ws.append(["폐기", _safe(name), "", "", ""])
        for change in section.changed:
            for f, old, new in change.fields:
                ws.append(
                    ["변경", _safe(change.name), FIELD_NAMES.get(f, f), _safe(old), _safe(new)]
                )
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for letter, width in zip("ABCDE", (8, 24, 16, 50, 50), strict=True):
            ws.column_dimensions[letter].width = width
        for row in ws.iter_rows(min_row=2, min_col=4, max_col=5):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in summary[2]:
        cell.font = Font(bold=True)
    save_atomic(wb, path)


def _safe(value):
    """Text that openpyxl would store as a formula ('=…') is quoted; other values unchanged."""
    return neutralise(value) if isinstance(value, str) else value
