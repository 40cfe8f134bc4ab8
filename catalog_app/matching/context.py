"""The table a column belongs to: its file and sheet names and its sibling headers.

A header alone is often not enough.  ``이름`` in a list of 전통시장 is 시장명, in a list of 도서관
도서관명: the file name, the sheet name and the other columns (시장유형, 시장개설주기) say what the
table is about.  ``subjects`` reads those nouns; the matcher offers ``subject + header`` when the
header is a bare class word (명, 코드, 주소 …) and that term exists.

The matcher works without a context (the single-header API); ``TableContext`` is what the map job
and the suggest contract pass when they know the table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from catalog_app.dictionary.model import Word
from catalog_app.matching.clean import SIDO_NAMES, CleanHeader, clean_header
from catalog_app.matching.lexicon import Lexicon

__all__ = ["Subject", "TableContext", "listed_members", "subjects"]

# Words of file and sheet names that say how data is published, not what it is about.
_PUBLISHING = frozenset(
    {
        "표준데이터",
        "표준",
        "데이터",
        "자료",
        "현황",
        "정보",
        "목록",
        "리스트",
        "조회",
        "기준",
        "전국",
        "통계",
        "내역",
        "일람",
        "관리",
        "파일",
        "서비스",
        "시트",
        "붙임",
        "월간",
        "연간",
    }
)
_TOKEN = re.compile(r"[가-힣]+|[A-Za-z]+")
_REGION = re.compile(r"^[가-힣]{1,6}(?:특별자치도|특별자치시|특별시|광역시|도|시|군|구)$")
_MEMBERS = re.compile(r"\(([^()]*\+[^()]*)\)")


@dataclass(frozen=True)
class TableContext:
    """What is known of the table: file name, sheet name, all its headers in order."""

    file_name: str = ""
    sheet_name: str = ""
    headers: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Subject:
    words: tuple[Word, ...]  # the noun, possibly a compound (보호+구역)
    source: str  # Korean: where it was read ('파일 이름', '시트 이름', '다른 열 이름')

    @property
    def name(self) -> str:
        return "".join(w.name for w in self.words)


def subjects(
    ctx: TableContext, lex: Lexicon, clean: Callable[[str], CleanHeader] | None = None
) -> list[Subject]:
    """The nouns the table is about, best first: those of the file name, then of the sheet name
    (a compound before its head noun: 어린이보호구역 → 보호구역, 구역), then a word that begins
    two or more sibling headers (시장유형, 시장개설주기 → 시장)."""
    out: list[Subject] = []
    seen: set[str] = set()

    def add(words: tuple[Word, ...], source: str) -> None:
        key = "".join(w.name for w in words)
        if words and key not in seen:
            seen.add(key)
            out.append(Subject(words, source))

    for text, source in ((ctx.file_name, "파일 이름"), (ctx.sheet_name, "시트 이름")):
        for words in _name_nouns(text, lex):
            add(words, source)
    for words in _sibling_nouns(ctx.headers, lex, clean):
        add(words, "다른 열 이름")
    return out


def listed_members(ctx: TableContext) -> set[str]:
    """Category values a table name lists with '+' (발생별(국내발생+해외유입) → 국내발생,
    해외유입): columns headed by them are crosstab bands."""
    out: set[str] = set()
    for text in (ctx.file_name, ctx.sheet_name):
        for group in _MEMBERS.findall(text or ""):
            for part in group.split("+"):
                name = re.sub(r"[^가-힣A-Za-z0-9]", "", part)
                if name and not name[0].isdigit():
                    out.add(name)
    return out


def _name_nouns(text: str, lex: Lexicon) -> list[tuple[Word, ...]]:
    """Noun compounds of a file or sheet name, head noun last; region names, dates, numbers
    and publishing words (현황, 표준데이터 …) left out; Latin words read as English names."""
    text = re.sub(r"\.[A-Za-z0-9]{2,5}$", "", text or "")
    out: list[tuple[Word, ...]] = []
    tokens = _TOKEN.findall(text)
    for token in reversed(tokens):
        if token.isascii():
            w = lex.english.get(token.upper()) or lex.index.by_abbr(token.upper())
            if w is not None and not w.is_class_word and w.name not in _PUBLISHING:
                out.append((w,))
            continue
        if token in SIDO_NAMES or _REGION.match(token) or token in _PUBLISHING:
            continue
        words = [
            w
            for text_, w, kind in lex.pieces(token)
            if w is not None and kind == "word" and text_ not in _PUBLISHING
        ]
        words = [w for w in words if not w.is_class_word]
        # the longest compound ending in the head noun first: 보호구역, then 구역
        for i in range(len(words)):
            out.append(tuple(words[i:]))
    return out


def _sibling_nouns(
    headers: tuple[str, ...], lex: Lexicon, clean: Callable[[str], CleanHeader] | None
) -> list[tuple[Word, ...]]:
    """A word that begins two or more sibling headers of two words or more (``clean`` is the
    matcher's cached cleaning)."""
    first: Counter[str] = Counter()
    word_of: dict[str, Word] = {}
    for header in headers:
        label = (clean(header) if clean else clean_header(header, lex.is_name)).label
        words = lex.words(label) if label else None
        if not words or len(words) < 2:
            continue
        w = words[0]
        if w.is_class_word:
            continue
        first[w.name] += 1
        word_of[w.name] = w
    return [(word_of[name],) for name, n in first.most_common() if n >= 2]
