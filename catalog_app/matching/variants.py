"""Name variants of a cleaned header, and the terms they name before any value is seen.

``analyse`` writes the cleaned label several ways, each with a prior: the label itself (with 총
for a total), word 이음동의어 and 금칙어 rewritten to the standard word (데이터→자료), ``…액`` read
as ``…금액``, a vague trailing 정보/현황 dropped, bracketed qualifiers put in front of or after the
name (접수(일자) → 접수일자), an English header mapped through word abbreviations and English
names.  Every variant is looked up (``lookup``), typo-tolerant look-ups only when nothing else
explains the name; the ``Analysis`` also keeps the name and word cover proposals are built from.

Split from ``matcher`` because all of this depends only on the cleaned header, so the matcher
caches it per header and ranks the same candidates against each column's values.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field

from catalog_app.dictionary.model import Word
from catalog_app.matching.clean import CleanHeader
from catalog_app.matching.lexicon import Lexicon
from catalog_app.matching.lookup import Raw, Variant, fuzzy, term_rules

__all__ = ["Analysis", "analyse"]

# Priors of the name variants (times the rule that finds a term, before the profile fit).
P_EXACT = 1.0
P_ALIAS = 0.95  # word 이음동의어/금칙어 rewritten
P_CLEANED = 0.95  # decoration removed (units, prefixes, spaces …)
P_AMOUNT = 0.9  # …액 read as …금액
P_QUALIFIER = 0.95  # bracketed words joined to the name: 접수(일자) -> 접수일자
P_ONLY_QUALIFIER = 0.9  # only the bracketed words: the more specific part
P_ONLY_HEAD = 0.85  # the name without its bracketed words
P_DROP_QUALIFIER = 0.9  # the name without the total word it carried
P_FILLER = 0.85  # vague trailing 정보/현황 dropped
P_ENGLISH = 0.9  # English words mapped to standard words
P_ENGLISH_GUESS = 0.78  # ... with a piece read as a near abbreviation (physical.py): a guess

_FILLERS = ("정보", "현황")
P_REGION = 0.77  # an unregistered 행정구역 unit read as the registered one (자치구 → 시군구): a
P_REGION_KEY = 0.79  # guess, never confident; a KOSIS key over units: the generic 행정구역 first

# 행정구역 units clerks write that are not registered words -> the registered unit word.  Read
# only when the unit is the whole name or is followed by a class word (자치구, 자치구명).
_REGION_UNITS = {
    "자치구": "시군구",
    "구": "시군구",
    "구군": "시군구",
    "시구": "시군구",
    "동읍면": "읍면동",
    "읍면": "읍면동",
    "동": "행정동",
}


@dataclass
class Analysis:
    """Cached per cleaned header: candidates and the word analysis for proposals."""

    raws: list[Raw]
    name: str  # the name after word rewriting (and qualifiers) used for proposals
    words: list[Word] | None  # full decomposition of ``name``
    guessed: tuple[str, ...] = ()  # physical-name pieces read as near abbreviations (reasons)
    missing: tuple[str, ...] = ()  # Latin pieces nothing explains (they are the pieces then)
    lex: Lexicon | None = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def pieces(self) -> list[tuple[str, Word | None, str]]:
        """Cover of ``name`` (words and whole unknown words), split only when asked: a header
        that is a term never needs it."""
        if self.missing:
            return [(m, None, "unknown") for m in self.missing]
        if not self.name or self.lex is None:
            return []
        return self.lex.pieces(self.name)


def analyse(lex: Lexicon, ch: CleanHeader) -> Analysis:
    """Candidates from the name alone.  Reasons here never mention the cleaning, so the
    result is shared by every header that cleans to the same name (see ``Matcher._analyse``)."""
    base_tag = "exact" if ch.trimmed_only and not ch.total else "variant"
    base_prior = P_EXACT if base_tag == "exact" else P_CLEANED
    core: list[Variant] = []
    if ch.total_word:  # '회원 총계': the total of the measure, 총 + name
        core.append(Variant("총" + ch.label, base_prior, "variant", ("'총'을 앞에 붙임",)))
    own_prior = base_prior * (P_DROP_QUALIFIER if ch.total_word else 1.0)
    core.append(Variant(ch.label, own_prior, base_tag, ()))
    english, korean_name, english_missing, guesses = _english_variants(lex, ch)
    core += english

    core += _region_units(lex, ch, base_prior)

    # word 이음동의어 / 금칙어 rewriting
    alias_name, alias_notes = lex.rewrite_aliases(ch.label)
    if alias_name != ch.label:
        tag = "synonym" if base_tag == "exact" else "variant"
        core.append(Variant(alias_name, min(own_prior, P_ALIAS), tag, alias_notes))
    core += _suffix_variants(core)
    variants = _qualifier_variants(lex, ch, core, alias_name, base_prior)
    raws = _look_up(lex, variants)
    name, words = _proposal_name(lex, ch, korean_name or alias_name)
    return Analysis(raws, name, words, guesses, tuple(english_missing), lex)


def _english_variants(
    lex: Lexicon, ch: CleanHeader
) -> tuple[list[Variant], str, list[str], tuple[str, ...]]:
    """A Latin header read through the 영문약어명: (variants, the Korean name, the Latin pieces
    nothing explains, the pieces read as near abbreviations)."""
    if not ch.latin:
        return [], "", [], ()
    found: list[Variant] = []
    korean, english_missing, why, guessed = lex.from_english(ch.tokens)
    term = lex.by_abbr.get("_".join(ch.tokens))
    if term is not None:
        found.append(Variant(term.name, P_CLEANED, "variant", ("영문약어명 일치",)))
    guesses: tuple[str, ...] = ()
    if korean:
        prior = P_ENGLISH_GUESS if guessed else P_ENGLISH
        found.append(Variant(korean, prior, "variant", why))
        guesses = tuple(n for n in why if n.endswith("(추정)"))
    return found, korean, english_missing, guesses


def _suffix_variants(core: list[Variant]) -> list[Variant]:
    """'…액' read as the class word '금액', and vague endings ('…현황') dropped."""
    more: list[Variant] = []
    for v in core:
        name = v.name
        if name.endswith("액") and not name.endswith("금액") and len(name) >= 3:
            more.append(
                Variant(
                    name[:-1] + "금액",
                    v.prior * P_AMOUNT,
                    "variant",
                    v.reasons + ("'액'을 분류어 '금액'으로 봄",),
                )
            )
        for filler in _FILLERS:
            if name.endswith(filler) and len(name) > len(filler) + 1:
                more.append(
                    Variant(
                        name[: -len(filler)],
                        v.prior * P_FILLER,
                        "variant",
                        v.reasons + (f"막연한 끝말 '{filler}' 제외",),
                    )
                )
    return more


def _qualifier_variants(
    lex: Lexicon, ch: CleanHeader, core: list[Variant], alias_name: str, base_prior: float
) -> list[Variant]:
    """'A(B)': B usually says which kind of A (접수(일자)), so A+B beats B, B beats A."""
    if not ch.qualifiers:
        return list(core)
    variants = [
        Variant(v.name, v.prior * P_ONLY_HEAD, v.tag, v.reasons + ("괄호 속 말 무시",))
        for v in core
    ]
    for q in ch.qualifiers:
        q_name, q_notes = lex.rewrite_aliases(q)
        for v in core:
            for name, how in ((q_name + v.name, "앞"), (v.name + q_name, "뒤")):
                variants.append(
                    Variant(
                        name,
                        v.prior * P_QUALIFIER,
                        "variant",
                        v.reasons + q_notes + (f"괄호 속 '{q}'를 머리글 {how}에 붙임",),
                    )
                )
        head_unknown = any(k == "unknown" for _, _, k in lex.pieces(alias_name))
        variants.append(
            Variant(
                q_name,
                base_prior * P_ONLY_QUALIFIER,
                "variant",
                q_notes + (f"괄호 속 '{q}'만 용어명으로 봄",),
                weak=head_unknown,
            )
        )
    return variants


def _look_up(lex: Lexicon, variants: list[Variant]) -> list[Raw]:
    """Each variant name once (at its best prior) through the term rules, then the fuzzy
    look-ups of the first three."""
    raws: list[Raw] = []
    seen: dict[str, float] = {}
    for v in variants:
        if not v.name or seen.get(v.name, -1) >= v.prior:
            continue
        seen[v.name] = v.prior
        found = term_rules(lex, v)
        if v.weak:
            found = [dataclasses.replace(r, strong=False) for r in found]
        raws.extend(found)
    # Typo-tolerant look-ups only when the name explains nothing: they are the slowest
    # step, and a name made of standard words ending in a class word is a composition, not a
    # typo (its look-alikes only crowd the candidates).
    strong = any(r.strong and r.prior >= 0.7 for r in raws)
    if not strong:
        fuzzed: set[str] = set()
        for v in variants[:3]:
            if v.name in fuzzed or _composition(lex, v.name):
                continue
            if not raws or any(k == "unknown" for _, _, k in lex.pieces(v.name)):
                fuzzed.add(v.name)
                raws.extend(fuzzy(lex, v))
    return raws


def _proposal_name(lex: Lexicon, ch: CleanHeader, name: str) -> tuple[str, list[Word] | None]:
    """The name proposals are built from: aliases rewritten, qualifiers placed by rule."""
    words = lex.words(name) if name else None
    if ch.qualifiers:
        # 회원수(신규) -> 신규회원수 (a complete name gets its qualifier in front);
        # 접수(일자) -> 접수일자 (an incomplete one continues with it)
        q_name = lex.rewrite_aliases(ch.qualifiers[0])[0]
        ends_in_class = bool(words) and words[-1].is_class_word
        name = q_name + name if ends_in_class else name + q_name
        words = lex.words(name)
    return name, words


def _composition(lex: Lexicon, name: str) -> bool:
    """Standard words ending in a class word: a new term to propose, not a misspelt one."""
    words = lex.words(name)
    return bool(words) and words[-1].is_class_word


def _region_units(lex: Lexicon, ch: CleanHeader, prior: float) -> list[Variant]:
    """자치구 → 시군구, 읍면 → 읍면동, 동 → 행정동 (unless the dictionary registers the unit).  A
    KOSIS classification key over a unit (자치구별(1)) lists totals and several levels, so the
    generic 행정구역 comes first there; values of one level (시도, 시군구, 동 names) decide."""
    label = ch.label
    for unit, level in _REGION_UNITS.items():
        if not label.startswith(unit) or lex.index.by_name(unit) is not None:
            continue
        rest = label[len(unit) :]
        if rest and not ((w := lex.index.by_name(rest)) is not None and w.is_class_word):
            continue
        why = (f"'{unit}'을(를) '{level}'{_ro(level)} 봄",)
        out = [Variant(level + rest, prior * P_REGION, "variant", why)]
        if ch.classification:
            why = (f"통계표 분류 열의 '{unit}'을(를) 행정구역으로 봄",)
            out.insert(0, Variant("행정구역" + rest, prior * P_REGION_KEY, "variant", why))
        return out
    return []


def _ro(word: str) -> str:
    """로 or 으로 after a word (으로 after a final consonant other than ㄹ)."""
    code = ord(word[-1]) - 0xAC00
    if not 0 <= code < 11172:
        return "(으)로"
    final = code % 28
    return "로" if final in (0, 8) else "으로"
