"""Words, terms and domains of the 공통표준 as plain dataclasses (one edition or layer).

Field values are text exactly as published ('' for empty; the files' '-' is read as empty).
Lists (synonyms, forbidden words) are tuples of stripped names.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Word:
    name: str  # 공통표준단어명
    abbr: str  # 공통표준단어영문약어명
    english: str = ""  # 공통표준단어 영문명
    description: str = ""
    is_class_word: bool = False  # 형식단어 여부 (분류어)
    domain_class: str = ""  # 공통표준도메인분류명 (class words only)
    synonyms: tuple[str, ...] = ()  # 이음동의어 목록
    forbidden: tuple[str, ...] = ()  # 금칙어 목록
    enacted: str = ""  # 제정차수(제정연월), e.g. '7차(2024-11)'
    retired: bool = False
    number: str = ""  # 번호 as published ('' for retired rows)
    extra: dict[str, str] = field(default_factory=dict)  # columns of other layouts (개정사유 …)


@dataclass(slots=True)
class Term:
    name: str  # 공통표준용어명
    abbr: str  # 공통표준용어영문약어명
    domain: str = ""  # 공통표준도메인명
    description: str = ""
    allowed_values: str = ""  # 허용값 (may hold newlines)
    storage_format: str = ""  # 저장 형식
    display_format: str = ""  # 표현 형식
    code_name: str = ""  # 행정표준코드명
    owner: str = ""  # 소관기관명
    synonyms: tuple[str, ...] = ()  # 용어 이음동의어 목록
    enacted: str = ""
    retired: bool = False
    number: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Domain:
    name: str  # 공통표준도메인명, e.g. 연월일C8
    group: str = ""  # 공통표준도메인그룹명
    domain_class: str = ""  # 공통표준도메인분류명
    description: str = ""
    data_type: str = ""  # CHAR, VARCHAR, NUMERIC, DATETIME
    length: str = ""  # 데이터길이 (bytes, 한글 = 2)
    scale: str = ""  # 데이터소수점길이
    storage_format: str = ""
    display_format: str = ""
    unit: str = ""
    allowed_values: str = ""
    enacted: str = ""
    retired: bool = False
    number: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Dictionary:
    """One edition (or the institution layer) as read from a file."""

    words: list[Word] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    domains: list[Domain] = field(default_factory=list)
    layout: str = (
        ""  # which file layout it came from: 'mois-xlsx', 'mois-2020-xlsx', 'csv', 'datagokr-csv'
    )
    source: str = ""  # file name(s)

    def active_words(self) -> list[Word]:
        return [w for w in self.words if not w.retired]

    def active_terms(self) -> list[Term]:
        return [t for t in self.terms if not t.retired]

    def active_domains(self) -> list[Domain]:
        return [d for d in self.domains if not d.retired]


def field_names(cls) -> tuple[str, ...]:
    """The fields of Word/Term/Domain in declaration order: the one list storage and diff use."""
    from dataclasses import fields

    return tuple(f.name for f in fields(cls))


BOOKKEEPING = ("name", "enacted", "retired", "number", "extra")  # not compared between editions
