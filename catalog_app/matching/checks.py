"""Standard-compliance checks for one spreadsheet column (the codes in the table below).

A column is checked against the 표준용어 it is mapped to (or none) and that term's 도메인: its
header (T1, N1, N3), the words the header is made of (W1–W5, F1, N2) and the profiled values
(D1–D5).  Every check carries a short Korean message that names the column, word or values.

==== ======== ============================================================================
Code Severity Check
==== ======== ============================================================================
T1   error    미등록 용어: no term mapped, the header differs from the mapped term's name (or
              영문약어), or the mapped term is retired
     warning  the header is a 용어 이음동의어 of the mapped term (가맹점이름 → 가맹점명)
W1   error    비표준 단어: pieces of the header that are not registered words
W2   error    금칙어 사용 → suggests the standard word (화일 → 파일)
W3   warning  이음동의어 사용 → suggests the standard word (년도 → 연도)
W4   warning  동음이의어: a word of the header has several registered meanings
W5   warning  조합 패턴 모호: left→right and right→left longest-match splits differ
F1   error    the header does not end in a 형식단어(분류어)
D1   error    value type does not fit the domain (text in NUMERIC, non-dates in a date domain,
              anything but Y/N flags in 여부C1/유무C1)
     warning  zero-padded digits ('007') in a NUMERIC domain
D2   error    longest value exceeds the domain length (bytes, 한글 = 2; NUMERIC: integer digits)
     warning  VARCHAR ≥ 100 bytes filled to less than a quarter; CHAR values all shorter
D3   error    more decimal places than 데이터소수점길이
D4   error    values written neither in the 저장 형식 nor in the 표현 형식 (2024.01.05 for YYYYMMDD)
     warning  values written in the 표현 형식 (2024-01-05 for YYYYMMDD, 123-45-67890 for C10);
              8-digit values of a YYYYMMDD domain that are not all valid dates
D5   error    values outside an enumerable 허용값 list (Y, N; 1 : 주건축물, 2 : 부속건축물)
N1   error    characters a standard name cannot hold: brackets, line breaks, spaces, symbols,
              a header spread over several rows ('|')
N2   error    the mapped term's 영문약어 is not the ``_``-join of its words' abbreviations
N3   error    no logical name: empty header, only symbols, or generated ('열3', 'Unnamed: 2')
==== ======== ============================================================================

Word checks look at ``cleaned_label`` (what the header means, units and brackets removed) so a
decoration is reported once, by N1, and not again as an unknown word.  A header that is a
physical name (``JOIN_YMD``) is checked token by token against the word abbreviations.

The value checks D1–D5 live in ``checks_values``; ``parse_allowed_values`` is re-exported here.
The ``Check`` record both make lives in ``check_record``.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable

from catalog_app.dictionary.model import Domain, Term, Word
from catalog_app.dictionary.rules import propose_term
from catalog_app.dictionary.segment import WordIndex, cover, decompose, word_pieces
from catalog_app.matching.check_record import Check
from catalog_app.matching.check_record import error as _err
from catalog_app.matching.check_record import warning as _warn
from catalog_app.matching.checks_values import parse_allowed_values, value_checks
from catalog_app.matching.review_state import proposed_name
from catalog_app.matching.values import proposal_size, sizing
from catalog_app.messages import join, template
from catalog_app.scan.models import ColumnProfile

__all__ = [
    "check_column",
    "is_compliant",
    "nonstandard_words",
    "parse_allowed_values",
]

_NAME_CHAR = re.compile(r"[가-힣0-9A-Za-z]")
_BAD_CHAR = re.compile(r"[^가-힣0-9A-Za-z]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}|<[^<>]*>|（[^（）]*）|［[^［］]*］")
_PHYSICAL = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")
_GENERATED = re.compile(
    r"(?:열|컬럼|칼럼|항목|필드|column|col|field|unnamed:?)\s*[_\-]?\s*\d+", re.IGNORECASE
)
_BRACKETS = frozenset("()[]{}<>（）［］【】「」『』〈〉《》")
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c")

# The messages (Korean; a window translates them through catalog_app.messages).
N3_GENERATED = template("머리글 '{label}'은(는) 자동으로 붙은 이름입니다 (논리명 없음).")
N3_EMPTY = template("머리글(논리명)이 비어 있습니다.")
THIS_COLUMN = template("이 컬럼")
N1_BAD = template("머리글 '{label}'에 쓸 수 없는 문자가 있습니다: {kinds}")
N1_ROWS = template("여러 행에 나뉜 머리글(|)")
N1_BREAK = template("줄바꿈")
N1_BRACKETS = template("괄호 {chars}")
N1_SPACE = template("공백")
N1_SYMBOLS = template("특수문자 {chars}")
T1_EMPTY_HEADER = template("(빈 머리글)")
T1_UNMAPPED = template("'{label}'은(는) 표준용어에 매핑되지 않았습니다 (미등록 용어).")
T1_UNMAPPED_NEW = template(
    "'{label}'은(는) 표준용어에 매핑되지 않았습니다 (미등록 용어). 신규 용어 후보: "
    "{name}({abbr}, {domain})"
)
T1_RETIRED = template("매핑된 표준용어 '{term}'은(는) 폐기된 용어입니다.")
T1_SYNONYM = template(
    "'{name}'은(는) 표준용어 '{term}'의 이음동의어입니다. 컬럼명은 '{term}'으로 씁니다."
)
T1_DIFFERS = template("컬럼명 '{label}'이(가) 매핑된 표준용어 '{term}'({abbr})과 다릅니다.")
W2_FORBIDDEN = template(
    "'{text}'은(는) 금칙어입니다. 표준단어 '{word}'을(를) 씁니다 (권장: {fixed})."
)
W3_SYNONYM = template("'{text}'은(는) 표준단어 '{word}'의 이음동의어입니다 (권장: {fixed}).")
W1_UNKNOWN = template("'{name}'에 표준사전에 없는 단어가 있습니다: {words}")
W4_MEANINGS = template("단어 '{word}'은(는) 뜻이 여럿입니다 ({meanings}); 확인이 필요합니다.")
F1_NO_CLASS = template(
    "'{name}'이(가) 형식단어로 끝나지 않습니다 (마지막 단어 '{last}'). 일자·명·여부·금액·코드 "
    "같은 분류어로 끝나야 합니다."
)
W5_AMBIGUOUS = template("'{name}'의 단어 조합이 모호합니다: 좌→우 {left}, 우→좌 {right}.{chosen}")
W5_CHOSEN = template(" 채택: {words}")
W1_PHYSICAL = template("'{name}'에 표준단어 영문약어가 아닌 부분이 있습니다: {words}")
F1_PHYSICAL = template("'{name}'이(가) 형식단어 약어로 끝나지 않습니다 ({token} = {word}).")
N2_UNSPLIT = template(
    "용어 '{term}'을(를) 표준단어로 나눌 수 없어 영문약어 {abbr}을(를) 단어 약어의 조합으로 "
    "확인할 수 없습니다."
)
N2_DIFFERS = template(
    "용어 '{term}'의 영문약어 {abbr}이(가) 단어 약어의 조합 {joined}({words})과 다릅니다."
)


def is_compliant(checks: Iterable[Check]) -> bool:
    """표준 준수 컬럼: no check of severity 'error'.

    Precisely: the column is mapped to an active standard term, its header (after removing
    units/brackets, which N1 reports as an error anyway) is that term's name or 영문약어, and
    none of the header, word, abbreviation or value checks found an error.  Being mapped is
    implied: ``check_column`` always emits an error T1 when no term (or a retired one) is
    mapped, or when the header is not the term.  Warnings (synonyms, ambiguity, display format,
    too generous length) never make a column non-compliant.
    """
    return not any(c.severity == "error" for c in checks)


def nonstandard_words(checks: Iterable[Check]) -> list[str]:
    """The unknown words, 금칙어 and 이음동의어 the checks found, in order, without repeats."""
    return list(dict.fromkeys(w for c in checks for w in c.words))


def check_column(
    label: str,
    profile: ColumnProfile | None,
    term: Term | None,
    domain: Domain | None,
    index: WordIndex,
    cleaned_label: str | None = None,
    proposal: dict | None = None,
) -> list[Check]:
    """All checks for one column; ``domain`` defaults to the term's domain in ``index``.

    ``cleaned_label`` is the header reduced to what it means (the matcher's cleaning); without
    it, bracketed parts and characters outside 한글/digits/Latin are dropped.  ``profile`` None
    (a header without values) skips the value checks D1–D5.  ``proposal`` is the matcher's new
    term for the column (``Suggestion.proposal``): T1 names that one, so the 표준 점검 and the
    proposal never disagree (without it T1 sizes its own from ``profile`` the same way).
    """
    raw = (label or "").strip()
    out: list[Check] = []
    if domain is None and term is not None and term.domain:
        domain = index.domains.get(term.domain)

    generated = _is_generated(raw)
    physical = _is_physical(raw, index, term)
    if generated:
        msg = N3_GENERATED(label=_show(raw)) if raw else N3_EMPTY()
        out.append(_err("N3", msg))
        name = ""
    elif physical:
        name = raw.upper()
    else:
        out.extend(_n1(raw))
        name = _clean(cleaned_label if cleaned_label is not None else raw)

    out.extend(_t1(raw, name, term, index, physical, profile, proposal))
    if name:
        same_as_term = term is not None and (name == term.name or (physical and name == term.abbr))
        if physical:
            out.extend(_physical_words(name, index))
        else:
            out.extend(_word_checks(name, index, term if same_as_term else None))
    if term is not None and term.abbr:
        out.extend(_n2(term, index))
    if profile is not None and domain is not None and profile.inferred_type != "empty":
        shown = raw or name
        col = f"'{_show(shown)}'" if shown else THIS_COLUMN()
        out.extend(value_checks(col, profile, term, domain, index))
    return out


# -- header ------------------------------------------------------------------------------------


def _show(label: str) -> str:
    """A header as it reads in a message (line breaks made visible)."""
    return re.sub(r"\r\n|[\r\n]", "⏎", label)


def _clean(text: str) -> str:
    """Fallback cleaning: drop bracketed parts (units, notes), then every non-name character."""
    text = (text or "").strip()
    stripped = _BRACKETED.sub("", text)
    if _NAME_CHAR.search(stripped):
        text = stripped
    return _BAD_CHAR.sub("", text)


def _is_generated(label: str) -> bool:
    return not _NAME_CHAR.search(label) or bool(_GENERATED.fullmatch(label))


def _is_physical(label: str, index: WordIndex, term: Term | None) -> bool:
    """A DB column name such as JOIN_YMD: checked against word abbreviations, not word names."""
    if not _PHYSICAL.fullmatch(label):
        return False
    if term is not None and term.abbr and label.upper() == term.abbr:
        return True
    if "_" not in label and not label.isupper():
        return False
    # Korean-side names written in Latin letters (URL, SMS, FILE) stay names.
    return any(kind == "unknown" for _, _, kind in cover(label, index))


def _n1(label: str) -> list[Check]:
    bad = [ch for ch in label if not _NAME_CHAR.match(ch)]
    if not bad:
        return []
    kinds: list[str] = []
    if "|" in bad:
        kinds.append(N1_ROWS())
    if any(ch in _LINE_BREAKS for ch in bad):
        kinds.append(N1_BREAK())
    brackets = "".join(dict.fromkeys(ch for ch in bad if ch in _BRACKETS))
    if brackets:
        kinds.append(N1_BRACKETS(chars=brackets))
    if any(ch.isspace() and ch not in _LINE_BREAKS for ch in bad):
        kinds.append(N1_SPACE())
    other = "".join(
        dict.fromkeys(ch for ch in bad if ch not in _BRACKETS and not ch.isspace() and ch != "|")
    )
    if other:
        kinds.append(N1_SYMBOLS(chars=other))
    message = N1_BAD(label=_show(label), kinds=join(", ", kinds))
    return [_err("N1", message, _clean(label) or None)]


def _new_term(
    name: str, index: WordIndex, profile: ColumnProfile | None, proposal: dict | None
) -> tuple[str, str, str] | None:
    """(name, abbreviation, domain) of the new term T1 suggests: the matcher's complete
    proposal when there is one, else the header's own words with a domain sized by the values
    exactly as the matcher sizes it (``values.proposal_size``)."""
    if proposal and proposal.get("abbr") and proposal.get("domain") and not proposal.get("missing"):
        shown = proposed_name(proposal, name)
        return shown, proposal["abbr"], proposal["domain"]
    words = decompose(name, index)
    if not words or not words[-1].is_class_word:
        return None
    size = proposal_size(words[-1], index.domains, sizing(profile))
    found = propose_term(name, index, index.domains, size)
    return (name, *found) if found is not None else None


def _t1(
    raw: str,
    name: str,
    term: Term | None,
    index: WordIndex,
    physical: bool,
    profile: ColumnProfile | None = None,
    proposal: dict | None = None,
) -> list[Check]:
    shown = _show(raw) if raw else T1_EMPTY_HEADER()
    if term is None:
        new = _new_term(name, index, profile, proposal) if name and not physical else None
        if new is None:
            return [_err("T1", T1_UNMAPPED(label=shown))]
        msg = T1_UNMAPPED_NEW(label=shown, name=new[0], abbr=new[1], domain=new[2])
        return [_err("T1", msg)]
    if term.retired:
        return [_err("T1", T1_RETIRED(term=term.name))]
    if name == term.name or (term.abbr and name == term.abbr.upper()):
        return []
    if name and name in term.synonyms:
        return [_warn("T1", T1_SYNONYM(name=name, term=term.name), term.name)]
    return [_err("T1", T1_DIFFERS(label=shown, term=term.name, abbr=term.abbr), term.name)]


# -- words -------------------------------------------------------------------------------------


# W1–W5/F1 depend only on the name, the word index and (through its abbreviation) the term, and
# a catalog repeats the same headers across thousands of files: kept per index, weakly.
_WORD_CHECKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _word_checks(name: str, index: WordIndex, term: Term | None) -> list[Check]:
    cache = _WORD_CHECKS.get(index)
    if cache is None:
        cache = _WORD_CHECKS[index] = {}
    key = (name, None if term is None else term.abbr)
    found = cache.get(key)
    if found is None:
        if len(cache) > 20_000:
            cache.clear()
        found = cache[key] = tuple(_words(name, index, term))
    return list(found)


def _words(name: str, index: WordIndex, term: Term | None) -> list[Check]:
    """W1–W5 and F1 for a Korean-side name; ``term`` when the name is exactly that term."""
    out: list[Check] = []
    words = decompose(name, index, term.abbr if term is not None else None)
    pieces = word_pieces(name, index)
    fixed = "".join(text if w is None else w.name for text, w, _ in pieces)
    for text, w, kind in pieces:
        if w is None or kind == "word":
            continue
        if kind == "forbidden":
            message = W2_FORBIDDEN(text=text, word=w.name, fixed=fixed)
            out.append(_err("W2", message, w.name, [text]))
        else:
            message = W3_SYNONYM(text=text, word=w.name, fixed=fixed)
            out.append(_warn("W3", message, w.name, [text]))
    unknown = [text for text, _, kind in pieces if kind == "unknown"]
    if words is None and unknown:
        out.append(_err("W1", W1_UNKNOWN(name=name, words=", ".join(unknown)), None, unknown))
    used = words if words is not None else [w for _, w, _ in pieces if w is not None]
    for wname in dict.fromkeys(w.name for w in used):
        same = index.all_by_name(wname)
        if len(same) > 1:
            meanings = ", ".join(f"{w.abbr}" for w in same)
            out.append(_warn("W4", W4_MEANINGS(word=wname, meanings=meanings)))
    if term is None:
        out.extend(_w5(name, index, words))
    last: Word | None = None
    if words is not None:
        last = words[-1]
    elif pieces and pieces[-1][1] is not None:
        last = pieces[-1][1]  # a synonym/금칙어 at the end stands for its standard word
    if last is not None and not last.is_class_word:
        out.append(_err("F1", F1_NO_CLASS(name=name, last=last.name)))
    return out


def _greedy(name: str, index: WordIndex, reverse: bool) -> list[str]:
    """Longest dictionary match from one end; an unmatched character becomes its own piece."""
    longest = max(index.max_len, index.max_alias_len, 1)

    def known(text: str) -> bool:
        return index.by_name(text) is not None or index.resolve_alias(text) is not None

    pieces: list[str] = []
    if not reverse:
        i = 0
        while i < len(name):
            j = next(
                (j for j in range(min(len(name), i + longest), i, -1) if known(name[i:j])), i + 1
            )
            pieces.append(name[i:j])
            i = j
        return pieces
    j = len(name)
    while j > 0:
        i = next((i for i in range(max(0, j - longest), j) if known(name[i:j])), j - 1)
        pieces.append(name[i:j])
        j = i
    return pieces[::-1]


def _w5(name: str, index: WordIndex, words: list[Word] | None) -> list[Check]:
    left = _greedy(name, index, reverse=False)
    right = _greedy(name, index, reverse=True)
    if left == right:
        return []
    chosen = W5_CHOSEN(words="+".join(w.name for w in words)) if words else ""
    message = W5_AMBIGUOUS(name=name, left="+".join(left), right="+".join(right), chosen=chosen)
    return [_warn("W5", message)]


def _physical_words(name: str, index: WordIndex) -> list[Check]:
    """W1 and F1 for a physical name: every ``_`` token must be a word abbreviation."""
    tokens = [t for t in name.split("_") if t]
    words = [index.by_abbr(t) for t in tokens]
    unknown = [t for t, w in zip(tokens, words, strict=True) if w is None]
    out: list[Check] = []
    if unknown:
        message = W1_PHYSICAL(name=name, words=", ".join(unknown))
        out.append(_err("W1", message, None, unknown))
    last = words[-1] if words else None
    if last is not None and not last.is_class_word:
        out.append(_err("F1", F1_PHYSICAL(name=name, token=tokens[-1], word=last.name)))
    return out


def _n2(term: Term, index: WordIndex) -> list[Check]:
    words = decompose(term.name, index, term.abbr)
    if words is None:
        return [_err("N2", N2_UNSPLIT(term=term.name, abbr=term.abbr))]
    joined = "_".join(w.abbr for w in words)
    if joined == term.abbr:
        return []
    words_text = "+".join(w.name for w in words)
    message = N2_DIFFERS(term=term.name, abbr=term.abbr, joined=joined, words=words_text)
    return [_err("N2", message, joined)]
