"""Terms one name may mean, each with a prior and Korean reasons, before any value is seen.

``term_rules`` looks a name variant (``Variant``) up as: the exact term, a 용어 이음동의어,
another class word of the same 도메인분류 (시간→시각), a dropped or truncated class word (회원 →
회원수, 접수일 → 접수일자), a longer term the name starts, a registered synonym plus a class word,
and a term the name ends with; ``fuzzy`` adds typo-tolerant (jamo) matches of term names and
stems.  Each hit is a ``Raw`` candidate whose prior the matcher multiplies by the value fit.

Split from ``matcher`` because these rules see only a name and the dictionary (``Lexicon``);
``variants`` runs them on every rewriting of a header, and the priors below are what separates a
name that explains a term (up to 1.0) from a guess (kept under the matcher's CONFIDENT = 0.8).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from catalog_app.dictionary.model import Term, Word
from catalog_app.matching.lexicon import Lexicon, jamo

__all__ = ["Raw", "Variant", "fuzzy", "term_rules"]

# Priors of the look-up rules (times the prior of the name variant, before the profile fit).
P_TERM_SYNONYM = 0.97
P_SWAP = 0.86  # another class word of the same 도메인분류
P_COMPLETE = 0.78  # missing class word added (never confident on its own)
P_TRUNCATED = 0.8  # truncated class word completed (접수일 → 접수일자)
P_EXTEND = 0.55  # the name is the start of a longer term (more than a class word missing)
P_AFTER_TERM = (
    0.66  # a term or class-word-final name plus one more class word the values may prefer
)
P_SUFFIX = 0.5  # the name ends with a term and has unknown words in front
P_FUZZY = 0.75  # typo-tolerant match, times the similarity squared

_FUZZY_CUTOFF = 0.62
# Look-alikes (fuzzy, stem, suffix) scoring under this are not shown (matcher.py); one whose
# prior cannot reach it even after the largest value boost (x1.1) is not even built.
LOOKALIKE_FLOOR = 0.35
_PRUNE = LOOKALIKE_FLOOR / 1.1
_TYPO_SIM = 0.85  # a typo keeps the syllable count and this jamo similarity, or differs in one
#                   jamo (호선 ~ 노선: short names fall under the ratio with a single slip)


@dataclass(frozen=True)
class Raw:
    """A profile-independent candidate: a term and why the header may mean it."""

    term: Term
    prior: float
    tag: str  # kind this rule stands for: exact, synonym, variant
    strong: bool  # the name explains the term (not a guess from similarity or values)
    reasons: tuple[str, ...]
    needs_values: bool = False  # chosen among siblings by the values (a missing class word)
    rule: str = "name"  # name, swap, complete, truncated, after_term, cut, extend, suffix,
    #                     typo, fuzzy, stem, values, memory


@dataclass(frozen=True)
class Variant:
    """A name the header may stand for, with its prior, the kind it stands for and how it was
    written from the header (``variants.analyse``)."""

    name: str
    prior: float
    tag: str
    reasons: tuple[str, ...]
    weak: bool = False  # drops unknown words of the header: its terms are only "cf."


def term_rules(lex: Lexicon, v: Variant) -> list[Raw]:
    """Every term the name explains or starts, and the longest term it ends with (no typos)."""
    out: list[Raw] = []
    name = v.name
    term = lex.terms.get(name)
    if term is not None:
        out.append(Raw(term, v.prior, v.tag, True, v.reasons + ("용어명 일치",)))
    syn = lex.term_synonyms.get(name)
    if syn is not None:
        tag = "synonym" if v.tag in ("exact", "synonym") else "variant"
        out.append(
            Raw(
                syn,
                v.prior * P_TERM_SYNONYM,
                tag,
                True,
                v.reasons + (f"용어 이음동의어 '{name}'",),
            )
        )
    words = lex.words(name)
    last = words[-1] if words else None
    if last is not None and last.is_class_word and len(name) > len(last.name):
        stem = name[: -len(last.name)]
        for other in _near_class_words(lex, last):
            t = lex.terms.get(stem + other.name)
            if t is not None:
                out.append(
                    Raw(
                        t,
                        v.prior * P_SWAP,
                        "variant",
                        True,
                        v.reasons + (f"분류어 '{last.name}'→'{other.name}'",),
                        needs_values=True,
                        rule="swap",
                    )
                )
    out.extend(_completions(lex, v, last, is_term=term is not None or syn is not None))
    out.extend(_synonym_completions(lex, v))
    out.extend(_suffix_terms(lex, v))
    return out


def _near_class_words(lex: Lexicon, word: Word) -> list[Word]:
    """Class words a clerk confuses with ``word``: same domain group, same length and first
    syllable (시간/시각, 일자/일시, 연도/연월); the values decide between them."""
    cached = lex.near_class_cache.get(id(word))
    if cached is not None:
        return cached
    group = lex.class_group.get(word.domain_class)
    out = []
    for cls, members in lex.class_words.items():
        if lex.class_group.get(cls) != group:
            continue
        for other in members:
            if (
                other is not word
                and len(other.name) == len(word.name)
                and other.name[0] == word.name[0]
            ):
                out.append(other)
    lex.near_class_cache[id(word)] = out
    return out


def _completions(lex: Lexicon, v: Variant, last: Word | None, is_term: bool) -> list[Raw]:
    """Terms that start with the name: a dropped or truncated class word.

    After a name that already is a term or ends in a class word (도로명), a longer term is
    only a weak alternative the values may prefer (an address term for address values).
    """
    name = v.name
    if len(name) < 2:
        return []
    out: list[Raw] = []
    lo = bisect.bisect_right(lex.sorted_names, name)
    hi = bisect.bisect_left(lex.sorted_names, name + "\U0010ffff")
    complete = is_term or (last is not None and last.is_class_word)
    for full in lex.sorted_names[lo : min(hi, lo + 80)]:
        ws = lex.term_words.get(full)
        if not ws:
            continue
        cut, boundary, k = 0, False, 0
        for i, w in enumerate(ws):
            k = i
            cut += len(w.name)
            if cut >= len(name):
                boundary = cut == len(name)
                break
        rest = ws[k + 1 :] if boundary else ws[k:]
        if not rest:
            continue
        one_class_word = len(rest) == 1 and rest[0].is_class_word
        if boundary and one_class_word and not complete:
            rule, why, strong = "complete", f"빠진 분류어 '{rest[0].name}' 보완", True
            prior = P_COMPLETE
        elif boundary and one_class_word:
            rule, why, strong = "after_term", f"분류어 '{rest[0].name}'를 덧붙인 용어", False
            prior = P_AFTER_TERM
        elif not boundary and k == len(ws) - 1 and ws[-1].is_class_word and not complete:
            rule, why, strong = "truncated", f"분류어 '{ws[-1].name}'의 줄임 보완", True
            prior = P_TRUNCATED
        else:
            # cut: the name stops inside a word (가입 -> 가입자수); extend: whole words more
            rule = "extend" if boundary or complete else "cut"
            prior = P_EXTEND - 0.05 * (len(rest) - 1) - (0.1 if complete else 0.0)
            why, strong = f"더 긴 용어 '{full}'의 앞부분", False
        out.append(
            Raw(
                lex.terms[full],
                v.prior * prior,
                "variant",
                strong,
                v.reasons + (why,),
                needs_values=True,
                rule=rule,
            )
        )
    return out


def _synonym_completions(lex: Lexicon, v: Variant) -> list[Raw]:
    """Registered 용어 이음동의어 made of the name plus a class word: the standard itself
    uses the name that way, even where the name's own word is only a synonym."""
    name = v.name
    if len(name) < 2:
        return []
    out: list[Raw] = []
    lo = bisect.bisect_right(lex.sorted_synonyms, name)
    hi = bisect.bisect_left(lex.sorted_synonyms, name + "\U0010ffff")
    for syn in lex.sorted_synonyms[lo : min(hi, lo + 20)]:
        rest = lex.index.by_name(syn[len(name) :])
        if rest is not None and rest.is_class_word:
            t = lex.term_synonyms[syn]
            out.append(
                Raw(
                    t,
                    v.prior * P_COMPLETE,
                    "variant",
                    True,
                    v.reasons + (f"용어 이음동의어 '{syn}'에서 빠진 분류어 '{rest.name}' 보완",),
                    needs_values=True,
                    rule="complete",
                )
            )
    return out


def _suffix_terms(lex: Lexicon, v: Variant) -> list[Raw]:
    """The longest term the name ends with (the words in front are not in the term)."""
    name = v.name
    for i in range(1, len(name) - 1):
        t = lex.terms.get(name[i:])
        if t is not None and len(t.name) >= 2:
            return [
                Raw(
                    t,
                    v.prior * P_SUFFIX,
                    "variant",
                    False,
                    v.reasons + (f"앞의 '{name[:i]}'은(는) 용어에 없음",),
                    rule="suffix",
                )
            ]
    return []


_RF: tuple = ()  # (fuzz, process, Indel) once imported (_rapidfuzz)


def _rapidfuzz() -> tuple | None:
    """rapidfuzz's modules, imported on the first typo look-up and kept: an import statement
    in the look-up itself cost 2% of matching 10,000 unseen headers.  None without rapidfuzz."""
    global _RF
    if not _RF:
        try:
            from rapidfuzz import fuzz, process
            from rapidfuzz.distance import Indel
        except ImportError:  # pragma: no cover - rapidfuzz is a declared dependency
            return None
        _RF = (fuzz, process, Indel)
    return _RF


def fuzzy(lex: Lexicon, v: Variant) -> list[Raw]:
    """Jamo-level similar term names (typos: 일짜 ~ 일자) and similar term stems plus a class
    word the values choose; imported here so a missing rapidfuzz only disables this step."""
    rf = _rapidfuzz()
    if rf is None:  # pragma: no cover - rapidfuzz is a declared dependency
        return []
    fuzz, process, _ = rf

    out: list[Raw] = []
    name = v.name
    if len(name) < 2:
        return out
    query = jamo(name)
    # A hit must reach the prune bound: P_FUZZY * sim^2 >= _PRUNE with sim the mean of the jamo
    # and syllable ratios, the syllable ratio never above the jamo one, so jamo >= 0.65; a typo
    # has 0.75 or more (one jamo in five).  Comparing from there skips what would be dropped.
    cutoff = max(_FUZZY_CUTOFF, (_PRUNE / P_FUZZY) ** 0.5) * 100
    words = lex.words(name)
    with_stems = not (words and words[-1].is_class_word)
    # one comparison over term names, synonyms and (for a name without a class word) term
    # stems: the best 8 names and the best 4 stems, as two separate look-ups would give
    where, choices = lex.fuzzy_filter.subset(name, with_stems)
    n_names = len(lex.fuzzy_plain)
    n_found = n_stems = 0
    for _choice, _score, k in process.extract(
        query, choices, scorer=fuzz.ratio, limit=None, score_cutoff=cutoff
    ):
        idx = where[k]
        if idx < n_names:
            if n_found == 8:
                continue
            n_found += 1
            out.extend(_name_hit(lex, v, name, query, _choice, _score, idx))
        elif n_stems < 4:
            n_stems += 1
            out.extend(_stem_hit(lex, v, name, query, _choice, _score, idx - n_names))
        if n_found == 8 and (n_stems == 4 or not with_stems):
            break
    return out


def _typo(name: str, other: str, query: str, choice: str, score: float) -> bool:
    """A typo keeps the syllable count; an inserted or dropped word does not."""
    return len(other) == len(name) and (
        score >= _TYPO_SIM * 100 or _RF[2].distance(query, choice) <= 2
    )


def _name_hit(lex, v, name, query, choice, score, idx) -> list[Raw]:
    t = lex.fuzzy_terms[idx]
    matched = lex.fuzzy_plain[idx]
    sim = (score + _RF[0].ratio(name, matched)) / 200
    if sim < _FUZZY_CUTOFF or t.name == name:
        return []
    prior = v.prior * P_FUZZY * sim * sim
    typo = _typo(name, matched, query, choice, score)
    if prior < _PRUNE and not typo:
        return []
    return [
        Raw(
            t,
            prior,
            "variant",
            False,
            v.reasons + (f"비슷한 표기 '{matched}' (유사도 {sim:.2f})",),
            rule="typo" if typo else "fuzzy",
        )
    ]


def _stem_hit(lex, v, name, query, choice, score, idx) -> list[Raw]:
    stem = lex.stem_names[idx]
    sim = (score + _RF[0].ratio(name, stem)) / 200
    if sim < _FUZZY_CUTOFF or stem == name:
        return []
    prior = v.prior * P_FUZZY * sim * sim * 0.9
    rule = "stem_typo" if _typo(name, stem, query, choice, score) else "stem"
    if prior < _PRUNE and rule == "stem":
        return []
    return [
        Raw(
            t,
            prior,
            "variant",
            False,
            v.reasons + (f"'{stem}'와 비슷한 표기 (유사도 {sim:.2f}), 분류어 보완",),
            needs_values=True,
            rule=rule,
        )
        for t in lex.stem_terms[idx][:12]
    ]
