"""Checks for new words and terms (기관 표준 등록 심사) and proposals for their abbreviation/domain.

Codes follow the column checks of ``matching.checks`` where one fits; D1–D5 there are value checks
(profiling) and are not used here.  Every finding has a Korean message.

==== ======== ==========================================================================
Code Severity Check
==== ======== ==========================================================================
N1   error    이름에 한글·숫자·영문 외 문자(공백, 밑줄, 특수문자) — word and term names
N2   error    영문약어 형식: 단어 [A-Z0-9]+, 용어 [A-Z0-9]+ joined by single ``_``; empty
N3   warning  이름 길이가 7차 관측 범위 밖 (단어 1–11자, 용어 2–12자)
N4   warning  영문약어 길이 초과 (단어 6자, 용어 30자 — 7차 max 6 / 23; Oracle ≤12.1 식별자 30)
N5   error    단어 영문약어 중복 (다른 단어가 이미 사용)
W1   error    미등록 단어: 용어명을 등록 단어로 분해할 수 없음
W2   error    금칙어 사용 (용어의 단어, 또는 새 단어명 자체) → 표준단어 제안
W3   error    이음동의어 사용 (용어의 단어, 또는 새 단어명 자체) → 표준단어 제안.  An error here,
              unlike the column mapper's warning: a standard term must use the standard word.
W4   warning  동음이의어 단어: 같은 이름의 단어가 둘 이상 (용어 분해 시);
     error    새 단어의 이름이 기존 단어와 중복 (validate_word)
W5   error    새 단어의 이음동의어·금칙어가 등록 단어명이거나 다른 단어의 동의어·금칙어
F1   error    마지막 단어가 형식단어(분류어)가 아님
F2   error    형식단어 여부 ⇔ 도메인분류명 불일치 (형식단어는 분류명 필수, 일반단어는 없음)
F3   error    형식단어의 도메인분류명이 도메인 목록에 없음
D6   error    용어의 도메인 미지정·미등록·폐기
D7   warning  도메인의 분류명 ≠ 형식단어의 도메인분류명 (7차에도 8건 있음: 개인식별번호 → 주민등록번호C13 …)
T1   error    용어명 중복 (이미 등록된 용어, 또는 같은 이름에 다른 약어 = 동음이의어)
T2   error    용어 영문약어 ≠ 단어 영문약어의 ``_`` 조합
T3   error    용어 영문약어 중복 (다른 용어가 이미 사용)
==== ======== ==========================================================================
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from catalog_app.messages import template

from .model import Domain, Term, Word
from .segment import WordIndex, decompose, word_pieces

__all__ = [
    "Finding",
    "TermSet",
    "propose_abbreviation",
    "propose_domain",
    "propose_term",
    "validate_term",
    "validate_word",
]

WORD_NAME_LEN = (1, 11)  # 7차 observed range
TERM_NAME_LEN = (2, 12)
WORD_ABBR_MAX = 6
TERM_ABBR_MAX = 30

_NAME_OK = re.compile(r"[가-힣0-9A-Za-z]+")
_NAME_BAD_CHAR = re.compile(r"[^가-힣0-9A-Za-z]")
_WORD_ABBR_OK = re.compile(r"[A-Z0-9]+")
_TERM_ABBR_OK = re.compile(r"[A-Z0-9]+(?:_[A-Z0-9]+)*")


# The findings' messages (Korean; a window translates them through catalog_app.messages).
_WHAT = {"단어": template("단어"), "용어": template("용어")}
N1_CHARS = template("{what}명에 허용되지 않는 문자가 있습니다: {bad} (한글·숫자·영문만 사용)")
N1_EMPTY = template("{what}명이 비어 있습니다.")
N3_LENGTH = template("{what}명 길이 {length}자는 공통표준의 범위({lo}–{hi}자)를 벗어납니다.")
N2_WORD_EMPTY = template("단어 영문약어명이 비어 있습니다.")
N2_WORD_CHARS = template("단어 영문약어명 {abbr}에는 영문 대문자와 숫자만 씁니다.")
N4_WORD_LONG = template("단어 영문약어명이 {n}자입니다 (공통표준은 {limit}자 이내).")
W2_FORBIDDEN_WORD = template(
    "'{name}'은(는) 표준단어 '{word}'의 금칙어입니다. '{word}'을(를) 쓰십시오."
)
W3_SYNONYM_WORD = template(
    "'{name}'은(는) 표준단어 '{word}'의 이음동의어입니다. '{word}'을(를) 쓰십시오."
)
W4_SAME_WORD = template("같은 이름의 단어 '{name}'({abbr})이(가) 이미 있습니다 (동음이의어).")
N5_ABBR_TAKEN = template("영문약어명 {abbr}은(는) 단어 '{word}'이(가) 이미 사용합니다.")
W5_ALIAS_IS_WORD = template("동의어·금칙어 '{alias}'은(는) 이미 등록된 단어입니다.")
W5_ALIAS_TAKEN = template("동의어·금칙어 '{alias}'은(는) 이미 단어 '{word}'에 속합니다.")
F2_NO_CLASS = template("형식단어에는 공통표준도메인분류명이 있어야 합니다.")
F2_NOT_CLASS = template("형식단어가 아닌 단어에는 도메인분류명을 두지 않습니다.")
F3_UNKNOWN_CLASS = template("도메인분류명 '{domain_class}'이(가) 도메인 목록에 없습니다.")
N2_TERM_CHARS = template(
    "용어 영문약어명 {abbr}은(는) 영문 대문자·숫자 약어를 '_' 하나로 이어 씁니다."
)
N4_TERM_LONG = template("용어 영문약어명이 {n}자로 {limit}자를 넘습니다.")
N2_TERM_EMPTY = template("용어 영문약어명이 비어 있습니다.")
T2_JOINED = template("영문약어명 {abbr}이(가) 단어 약어의 조합 {joined}({words})과 다릅니다.")
W4_HOMONYM = template("단어 '{word}'은(는) 동음이의어가 있어 뜻을 확인해야 합니다.")
F1_LAST = template(
    "마지막 단어 '{word}'이(가) 형식단어(분류어)가 아닙니다. 용어는 일자·명·여부·금액·코드 같은 "
    "형식단어로 끝나야 합니다."
)
T1_REGISTERED = template("용어 '{name}'({abbr})은(는) 이미 등록되어 있습니다.")
T1_HOMONYM = template(
    "같은 이름의 용어 '{name}'({abbr})이(가) 이미 있습니다 (동음이의어: 이름을 구분하십시오)."
)
T3_ABBR_TAKEN = template("영문약어명 {abbr}은(는) 용어 '{term}'이(가) 이미 사용합니다.")
W2_FORBIDDEN_PIECE = template(
    "'{text}'은(는) 표준단어 '{word}'의 금칙어입니다 (권장 용어명: {fixed})."
)
W3_SYNONYM_PIECE = template(
    "'{text}'은(는) 표준단어 '{word}'의 이음동의어입니다 (권장 용어명: {fixed})."
)
W1_UNREGISTERED = template(
    "등록되지 않은 단어가 있습니다: {words} (단어를 먼저 등록하거나 표준단어로 바꾸십시오)"
)
D6_NONE = template("도메인이 지정되지 않았습니다.")
D6_UNKNOWN = template("도메인 '{domain}'이(가) 등록되어 있지 않습니다.")
D6_RETIRED = template("도메인 '{domain}'은(는) 폐기되었습니다.")
D7_CLASS = template(
    "도메인 '{domain}'의 분류 '{domain_class}'이(가) 형식단어 '{word}'의 도메인분류 "
    "'{word_class}'와 다릅니다."
)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # 'error' | 'warning'
    message: str  # Korean (a messages.Text)
    suggestion: str | None = None


def _err(code: str, message, suggestion: str | None = None) -> Finding:
    return Finding(code, "error", message, suggestion)


def _warn(code: str, message, suggestion: str | None = None) -> Finding:
    return Finding(code, "warning", message, suggestion)


def _name_findings(name: str, what: str, bounds: tuple[int, int]) -> list[Finding]:
    out: list[Finding] = []
    kind = _WHAT[what]()
    if not _NAME_OK.fullmatch(name):
        bad = "".join(dict.fromkeys(_NAME_BAD_CHAR.findall(name)))
        cleaned = _NAME_BAD_CHAR.sub("", name)
        msg = N1_CHARS(what=kind, bad=repr(bad)) if name else N1_EMPTY(what=kind)
        out.append(_err("N1", msg, cleaned or None))
    lo, hi = bounds
    length = len(name)
    if name and not lo <= length <= hi:
        out.append(_warn("N3", N3_LENGTH(what=kind, length=length, lo=lo, hi=hi)))
    return out


# -- words -------------------------------------------------------------------------------------


def validate_word(word: Word, index: WordIndex, existing: Iterable[Word] = ()) -> list[Finding]:
    """Checks for registering ``word``; uniqueness is against the index's words plus ``existing``
    (e.g. the other new words of the same batch).

    ``word`` itself (the same object) is skipped, so a dictionary can be checked against itself.
    """
    out = _name_findings(word.name, "단어", WORD_NAME_LEN)
    batch = [w for w in existing if w is not word and not w.retired]

    def same(attr: str, value: str, indexed: list[Word]) -> list[Word]:
        found = [w for w in indexed if w is not word]
        found += [w for w in batch if getattr(w, attr) == value and all(w is not f for f in found)]
        return found

    def taken() -> set[str]:
        return {w.abbr for w in index.words if w is not word} | {w.abbr for w in batch}

    abbr = word.abbr
    if not abbr:
        out.append(_err("N2", N2_WORD_EMPTY(), _suggest_word_abbr(word, taken())))
    elif not _WORD_ABBR_OK.fullmatch(abbr):
        cleaned = re.sub(r"[^A-Z0-9]", "", abbr.upper())
        out.append(_err("N2", N2_WORD_CHARS(abbr=repr(abbr)), cleaned or None))
    if len(abbr) > WORD_ABBR_MAX:
        out.append(_warn("N4", N4_WORD_LONG(n=len(abbr), limit=WORD_ABBR_MAX)))

    alias = index.resolve_alias(word.name) or _alias_in(word.name, batch)
    if alias is not None and alias[0] is not word:
        std, kind = alias
        said = W2_FORBIDDEN_WORD if kind == "forbidden" else W3_SYNONYM_WORD
        code = "W2" if kind == "forbidden" else "W3"
        out.append(_err(code, said(name=word.name, word=std.name), std.name))

    same_name = same("name", word.name, index.all_by_name(word.name))
    if same_name:
        other = same_name[0]
        out.append(_err("W4", W4_SAME_WORD(name=other.name, abbr=other.abbr), other.name))
    if abbr:
        same_abbr = same("abbr", abbr, index.all_by_abbr(abbr))
        if same_abbr:
            message = N5_ABBR_TAKEN(abbr=abbr, word=same_abbr[0].name)
            out.append(_err("N5", message, _suggest_word_abbr(word, taken())))

    for alias_name in (*word.synonyms, *word.forbidden):
        if same("name", alias_name, index.all_by_name(alias_name)):
            out.append(_err("W5", W5_ALIAS_IS_WORD(alias=alias_name)))
            continue
        owner = index.resolve_alias(alias_name) or _alias_in(alias_name, batch)
        if owner is not None and owner[0] is not word:
            out.append(_err("W5", W5_ALIAS_TAKEN(alias=alias_name, word=owner[0].name)))

    if word.is_class_word and not word.domain_class:
        out.append(_err("F2", F2_NO_CLASS()))
    elif word.domain_class and not word.is_class_word:
        out.append(_err("F2", F2_NOT_CLASS(), "형식단어 여부 Y"))
    if word.domain_class and index.domains:
        classes = {d.domain_class for d in index.domains.values()}
        if word.domain_class not in classes:
            out.append(_err("F3", F3_UNKNOWN_CLASS(domain_class=word.domain_class)))
    return out


def _alias_in(name: str, words: Iterable[Word]) -> tuple[Word, str] | None:
    """Alias lookup in words that are not in the index (a batch of new words)."""
    for w in words:
        if name in w.forbidden:
            return w, "forbidden"
        if name in w.synonyms:
            return w, "synonym"
    return None


def _suggest_word_abbr(word: Word, taken: set[str]) -> str | None:
    try:
        return propose_abbreviation(word.english.strip() or word.name, taken)
    except ValueError:
        return None


# -- terms -------------------------------------------------------------------------------------


class TermSet:
    """Active terms by name and abbreviation.

    Pass one as ``existing_terms`` when checking many terms: a plain iterable is indexed again
    on every call, which is quadratic over a whole edition.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = [t for t in terms if not t.retired]
        self.by_name: dict[str, list[Term]] = defaultdict(list)
        self.by_abbr: dict[str, list[Term]] = defaultdict(list)
        for t in self.terms:
            self.by_name[t.name].append(t)
            if t.abbr:
                self.by_abbr[t.abbr].append(t)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)


def validate_term(
    term: Term,
    index: WordIndex,
    domains: Mapping[str, Domain],
    existing_terms: Iterable[Term] = (),
) -> list[Finding]:
    """Checks for registering ``term``; ``term`` itself (same object) in ``existing_terms`` is
    skipped, so an edition can be checked against itself (pass a ``TermSet`` for speed)."""
    out = _name_findings(term.name, "용어", TERM_NAME_LEN)
    name = _NAME_BAD_CHAR.sub("", term.name)  # check the words of what the user meant
    abbr = term.abbr

    if abbr and not _TERM_ABBR_OK.fullmatch(abbr):
        out.append(_err("N2", N2_TERM_CHARS(abbr=repr(abbr))))
    if len(abbr) > TERM_ABBR_MAX:
        out.append(_warn("N4", N4_TERM_LONG(n=len(abbr), limit=TERM_ABBR_MAX)))

    words = decompose(name, index, abbr or None) if name else None
    if words is None:
        out.extend(_unregistered_findings(name, index))
    else:
        joined = "_".join(w.abbr for w in words)
        if not abbr:
            out.append(_err("N2", N2_TERM_EMPTY(), joined))
        elif abbr != joined:
            pieces = "+".join(w.name for w in words)
            out.append(_err("T2", T2_JOINED(abbr=abbr, joined=joined, words=pieces), joined))
        for w in dict.fromkeys(w.name for w in words):
            if len(index.all_by_name(w)) > 1:
                out.append(_warn("W4", W4_HOMONYM(word=w)))
        last = words[-1]
        if not last.is_class_word:
            out.append(_err("F1", F1_LAST(word=last.name)))
        out.extend(_domain_findings(term, last, index, domains))

    existing = existing_terms if isinstance(existing_terms, TermSet) else TermSet(existing_terms)
    for other in existing.by_name.get(term.name, ()):
        if other is term:
            continue
        if other.abbr == abbr:
            msg = T1_REGISTERED(name=term.name, abbr=abbr)
        else:
            msg = T1_HOMONYM(name=other.name, abbr=other.abbr)
        out.append(_err("T1", msg, other.abbr))
    for other in existing.by_abbr.get(abbr, ()) if abbr else ():
        if other is not term and other.name != term.name:
            out.append(_err("T3", T3_ABBR_TAKEN(abbr=abbr, term=other.name)))
    return out


def _unregistered_findings(name: str, index: WordIndex) -> list[Finding]:
    """W1/W2/W3 for a name that registered words cannot cover."""
    if not name:
        return []
    out: list[Finding] = []
    pieces = word_pieces(name, index)
    fixed = "".join(t if w is None else w.name for t, w, _ in pieces)
    for text, w, kind in pieces:
        if kind in ("forbidden", "synonym") and w is not None:
            said = W2_FORBIDDEN_PIECE if kind == "forbidden" else W3_SYNONYM_PIECE
            code = "W2" if kind == "forbidden" else "W3"
            out.append(_err(code, said(text=text, word=w.name, fixed=fixed), w.name))
    unknown = [text for text, _, kind in pieces if kind == "unknown"]
    if unknown:
        out.append(_err("W1", W1_UNREGISTERED(words=", ".join(repr(u) for u in unknown))))
    return out


def _domain_findings(
    term: Term, last: Word, index: WordIndex, domains: Mapping[str, Domain]
) -> list[Finding]:
    def suggestion() -> str | None:
        return propose_domain(last, index, domains) if last.is_class_word else None

    domain = domains.get(term.domain) if term.domain else None
    if not term.domain:
        return [_err("D6", D6_NONE(), suggestion())]
    if domain is None:
        return [_err("D6", D6_UNKNOWN(domain=term.domain), suggestion())]
    if domain.retired:
        return [_err("D6", D6_RETIRED(domain=term.domain), suggestion())]
    if last.is_class_word and domain.domain_class != last.domain_class:
        message = D7_CLASS(
            domain=domain.name,
            domain_class=domain.domain_class,
            word=last.name,
            word_class=last.domain_class,
        )
        return [_warn("D7", message, suggestion())]
    return []


# -- proposals ---------------------------------------------------------------------------------


def propose_domain(
    class_word: Word,
    index: WordIndex,
    domains: Mapping[str, Domain],
    max_bytes: int | None = None,
) -> str | None:
    """A domain of the class word's domain class (see ``propose_term``).

    ``max_bytes`` is compared with 데이터길이, which is bytes (한글 = 2) for CHAR/VARCHAR and the
    precision (digits) for NUMERIC; too long for every domain gives the longest one (a D2 case).
    """
    cands = [
        d
        for d in domains.values()
        if not d.retired and class_word.domain_class and d.domain_class == class_word.domain_class
    ]
    if not cands:
        return None
    by_word = index.class_word_domains.get(id(class_word), {})
    by_class = index.class_domains.get(class_word.domain_class, {})

    def usage(d: Domain) -> tuple[int, int]:
        return (by_word.get(d.name, 0), by_class.get(d.name, 0))

    def length(d: Domain) -> int | None:
        return int(d.length) if d.length.isdigit() else None

    if max_bytes is not None:
        fits = [d for d in cands if length(d) is None or length(d) >= max_bytes]
        if fits:
            # smallest that fits; same size: the more used, then without decimals, then by name
            best = min(
                fits,
                key=lambda d: (
                    length(d) if length(d) is not None else 1 << 30,
                    tuple(-u for u in usage(d)),
                    bool(d.scale),
                    d.name,
                ),
            )
            return best.name
        return max(cands, key=lambda d: (length(d) or 0, usage(d), d.name)).name
    used = [d for d in cands if usage(d) != (0, 0)]
    if used:
        return min(used, key=lambda d: (tuple(-u for u in usage(d)), d.name)).name
    # No usage statistics: the longest domain of the class never truncates.
    return max(cands, key=lambda d: (length(d) or 0, not d.scale, d.name)).name


def propose_term(
    name: str,
    index: WordIndex,
    domains: Mapping[str, Domain],
    max_bytes: int | None = None,
) -> tuple[str, str] | None:
    """(abbreviation, domain name) for a new term, or None if it is not built from registered
    words ending in a class word.

    The domain is chosen within the class word's 도메인분류: with ``max_bytes`` (observed byte
    length, 한글 = 2) the smallest domain whose length fits; otherwise the domain most used by the
    registered terms ending in the same class word, then in the same class.
    """
    words = decompose(name, index)
    if not words or not words[-1].is_class_word:
        return None
    domain = propose_domain(words[-1], index, domains, max_bytes)
    if domain is None:
        return None
    return "_".join(w.abbr for w in words), domain


_STOPWORDS = frozenset(
    ["A", "AN", "AND", "AT", "BY", "FOR", "IN", "OF", "ON", "OR", "THE", "TO", "WITH"]
)
# Revised Romanization of the initial, medial and final jamo (final index 0 = none).
# fmt: off
_CHO = ("G", "KK", "N", "D", "TT", "R", "M", "B", "PP", "S", "SS", "", "J", "JJ", "CH", "K", "T",
        "P", "H")
_JUNG = ("A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WO",
         "WE", "WI", "YU", "EU", "UI", "I")
_JONG = ("", "K", "K", "K", "N", "N", "N", "T", "L", "K", "M", "L", "L", "L", "P", "L", "M", "P",
         "P", "T", "T", "NG", "T", "T", "K", "T", "P", "T")
# fmt: on


def _romanize(hangul: str) -> str:
    """Revised Romanization, syllable by syllable (no sound changes): 층 -> CHEUNG."""
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_CHO[code // 588] + _JUNG[(code % 588) // 28] + _JONG[code % 28])
    return "".join(out)


def _tokens(text: str) -> list[str]:
    """Uppercase Latin/digit words; Hangul runs are romanized into words of their own."""
    text = re.sub(r"[가-힣]+", lambda m: f" {_romanize(m.group())} ", text)
    return [t for t in re.split(r"[^A-Z0-9]+", text.upper()) if t]


def _skeleton(token: str) -> str:
    """First letter plus the following consonants, doubled letters collapsed (Waiting -> WTNG)."""
    if token.isdigit():
        return token
    out = [token[0]]
    for ch in token[1:]:
        if ch in "AEIOU" or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


# Piece lengths for two-word names, most common first in the 7차 words (2+2: 중간+값 …).
_PAIR_ORDER = ((2, 2), (2, 3), (3, 2), (1, 3), (1, 4), (3, 3), (2, 4), (4, 2))


def _candidates(tokens: list[str], max_len: int) -> list[str]:
    """Abbreviation candidates, most preferred first (the 7차 words' most common shapes first)."""
    words = [t for t in tokens if t not in _STOPWORDS] or tokens
    skels = [_skeleton(t) for t in words]
    out: list[str] = []
    if len(words) == 1:
        word, s = words[0], skels[0]
        if len(word) <= 4:
            out.append(word)  # short English words stay whole: JOIN, FILE, TEAM
        out += [s[:4], s[:5], s[:3], s[:6], word[:3], word[:4], word[:5], word[:6], s[:2]]
    elif len(words) == 2:
        a, b = skels
        pairs = [(i, j) for i in range(1, len(a) + 1) for j in range(1, len(b) + 1)]
        pairs.sort(
            key=lambda p: (
                _PAIR_ORDER.index(p) if p in _PAIR_ORDER else len(_PAIR_ORDER),
                p[0] + p[1],
                -p[0],
            )
        )
        out += [a[:i] + b[:j] for i, j in pairs]
    else:
        out.append("".join(s[0] for s in skels)[:max_len])  # acronym: API, CMS, GIS
        initials = "".join(s[0] for s in skels[:-1])[: max_len - 1]
        last = skels[-1]
        out += [initials + last[:k] for k in range(2, max_len - len(initials) + 1)]
        out += ["".join(s[:2] for s in skels)]
    out.append("".join(skels)[:max_len])  # always at least one candidate
    unique = [c for c in dict.fromkeys(out) if c and len(c) <= max_len]
    # one- and two-letter forms (JN for a taken JOIN) read badly: only when nothing else is free
    return sorted(unique, key=lambda c: len(c) < 3)


def propose_abbreviation(english_or_name: str, taken: set[str], max_len: int = 6) -> str:
    """A new word abbreviation, unique among ``taken``, in the MOIS style (consonant skeleton
    of the English name: Franchise -> FRNC, Waiting -> WTNG; short words whole: JOIN, FILE).

    A Korean name is romanized first.  Deterministic: the first free candidate, else a numbered
    form of the first candidate.  Raises ValueError when the input has no letters or digits.
    """
    tokens = _tokens(english_or_name)
    if not tokens:
        raise ValueError(f"no letters to abbreviate in {english_or_name!r}")
    taken_upper = {t.upper() for t in taken}
    cands = [c for c in _candidates(tokens, max_len) if len(c) >= 2] or _candidates(tokens, max_len)
    for c in cands:
        if c not in taken_upper:
            return c
    base = cands[0]
    n = 1
    while True:
        suffix = str(n)
        c = base[: max_len - len(suffix)] + suffix
        if c not in taken_upper:
            return c
        n += 1
