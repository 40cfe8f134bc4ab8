"""Shared by the 공통표준 dictionary tests (test_dictionary_segment/_rules/_proposals.py).

The real 7차 (2024-11) CSV trio under /work/shared, loaded once per process, behind the
module-scoped `pds7` fixture (skipped when absent), and a small hand-made dictionary (`W`, `WORDS`,
`DOMAINS`, `DMAP` and the `index` fixture) that exercises every rule and always runs.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from catalog_app.dictionary.model import Domain, Term, Word
from catalog_app.dictionary.segment import WordIndex

PDS7 = Path("/work/shared/standards/official/pds7_2024-11")


# -- the real 7차 edition ----------------------------------------------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [
            {k: "" if v.strip() == "-" else v.strip() for k, v in row.items()}
            for row in csv.DictReader(fh)
        ]


def _retired(row: dict[str, str]) -> bool:
    # '(폐기후제정)' (re-enacted) stays active; spaces and newlines vary, so they are removed.
    return row["번호"] == "" or "(폐기)" in "".join(row["제정차수(제정연월)"].split())


def _list(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.replace("，", ",").split(",") if x.strip())


@cache
def _pds7() -> tuple[list[Word], list[Term], list[Domain]]:
    words = [
        Word(
            name=r["공통표준단어명"],
            abbr=r["공통표준단어영문약어명"],
            english=r["공통표준단어 영문명"],
            description=r["공통표준단어 설명"],
            is_class_word=r["형식단어 여부"] == "Y",
            domain_class=r["공통표준도메인분류명"],
            synonyms=_list(r["이음동의어 목록"]),
            forbidden=_list(r["금칙어 목록"]),
            enacted=r["제정차수(제정연월)"],
            retired=_retired(r),
            number=r["번호"],
        )
        for r in _rows(PDS7 / "words.csv")
    ]
    terms = [
        Term(
            name=r["공통표준용어명"],
            abbr=r["공통표준용어영문약어명"],
            domain=r["공통표준도메인명"],
            description=r["공통표준용어설명"],
            synonyms=_list(r["용어 이음동의어 목록"]),
            enacted=r["제정차수(제정연월)"],
            retired=_retired(r),
            number=r["번호"],
        )
        for r in _rows(PDS7 / "terms.csv")
    ]
    domains = [
        Domain(
            name=r["공통표준도메인명"],
            group=r["공통표준도메인그룹명"],
            domain_class=r["공통표준도메인분류명"],
            data_type=r["데이터타입"],
            length=r["데이터길이"],
            scale=r["데이터소수점길이"],
            enacted=r["제정차수(제정연월)"],
            retired=_retired(r),
            number=r["번호"],
        )
        for r in _rows(PDS7 / "domains.csv")
    ]
    return words, terms, domains


def _domain_map(domains: list[Domain]) -> dict[str, Domain]:
    """By name, an active row winning over a retired one (번호C13 was retired and re-enacted)."""
    out: dict[str, Domain] = {}
    for d in sorted(domains, key=lambda d: d.retired):
        out.setdefault(d.name, d)
    return out


# -- a small hand-made dictionary ----------------------------------------------------------------


def W(name, abbr, cls="", syn=(), forb=(), retired=False):  # noqa: N802
    return Word(
        name=name,
        abbr=abbr,
        english=abbr.title(),
        is_class_word=bool(cls),
        domain_class=cls,
        synonyms=tuple(syn),
        forbidden=tuple(forb),
        retired=retired,
    )


WORDS = [
    W("가입", "JOIN"),
    W("일자", "YMD", "연월일"),
    W("일", "DAY"),
    W("감사", "ADT"),
    W("감사인", "ADTR"),
    W("인원수", "NOPE", "수"),
    W("원", "WON"),
    W("수", "CNT", "수"),
    W("미수", "UCLT"),
    W("미수금", "UCLTAMT", "금액"),
    W("금액", "AMT", "금액"),
    W("가산", "ADTN"),
    W("가산점", "ADSC"),
    W("점수", "SCR", "수"),
    W("건물", "BLDG"),
    W("층", "FLR"),
    W("층수", "NOFL", "수"),
    W("지상", "GRND"),
    W("지급", "GIVE"),
    W("처리", "PRCS"),
    W("지급처", "PMPL"),
    W("리", "LI"),
    W("회원", "MBR"),
    W("명", "NM", "명"),
    W("여부", "YN", "여부"),
    W("사업", "BIZ"),
    W("연도", "YR", "연도", syn=("년도",)),
    W("이메일", "EML", syn=("전자우편",), forb=("메일", "EMAIL")),
    W("주소", "ADDR", "주소"),
    W("화일", "FILEX", retired=True),
]
DOMAINS = [
    Domain("연월일C8", domain_class="연월일", data_type="CHAR", length="8"),
    Domain("수N10", domain_class="수", data_type="NUMERIC", length="10"),
    Domain("수N4,2", domain_class="수", data_type="NUMERIC", length="4", scale="2"),
    Domain("수N4", domain_class="수", data_type="NUMERIC", length="4"),
    Domain("금액N15", domain_class="금액", data_type="NUMERIC", length="15"),
    Domain("명V40", domain_class="명", data_type="VARCHAR", length="40"),
    Domain("명V100", domain_class="명", data_type="VARCHAR", length="100"),
    Domain("명V200", domain_class="명", data_type="VARCHAR", length="200"),
    Domain("여부C1", domain_class="여부", data_type="CHAR", length="1"),
    Domain("연도C4", domain_class="연도", data_type="CHAR", length="4"),
    Domain("주소V200", domain_class="주소", data_type="VARCHAR", length="200"),
    Domain("코드C3", domain_class="코드", data_type="CHAR", length="3", retired=True),
]
DMAP = {d.name: d for d in DOMAINS}


@pytest.fixture
def index():
    return WordIndex(WORDS, DOMAINS)
