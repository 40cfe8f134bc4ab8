"""The dictionary as the matcher looks names up in it, built once per dictionary.

``Lexicon`` joins the official layer and an institution's own and indexes it: terms by name,
영문약어명 and 용어 이음동의어, each term's words, class words by 도메인분류, English names and
Latin aliases, how common each class word is, and jamo tables for typo-tolerant search.  Its
methods split a header name into words, 이음동의어/금칙어 and unknown runs, rewrite aliases to
standard words and read English headers.

Split from ``matcher`` because these tables and name splits are shared by the candidate look-ups
(``lookup``, ``variants``) and the ranking, and know nothing of a column's values.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

from catalog_app.dictionary.model import Dictionary, Domain, Term, Word
from catalog_app.dictionary.segment import WordIndex, decompose, word_pieces
from catalog_app.matching.physical import AbbreviationGuesser

__all__ = ["Lexicon", "jamo"]

# Jamo mapped onto one byte each (choseong 0x80.., jungseong 0xA0.., jongseong 0xC0..): rapidfuzz
# compares 8-bit strings about 2.4x faster than the U+11xx code points of NFD.
_JAMO_BYTE = {
    **{c: 0x80 + i for i, c in enumerate(range(0x1100, 0x1113))},
    **{c: 0xA0 + i for i, c in enumerate(range(0x1161, 0x1176))},
    **{c: 0xC0 + i for i, c in enumerate(range(0x11A8, 0x11C3))},
}


def jamo(text: str) -> str:
    """Jamo-level form for typo-tolerant comparison (일짜 is one jamo from 일자)."""
    return unicodedata.normalize("NFD", text).translate(_JAMO_BYTE)


class Lexicon:
    """Look-up tables over the active words, terms and domains of the dictionary layers."""

    def __init__(self, official: Dictionary, institution: Dictionary | None = None) -> None:
        layers = [official] + ([institution] if institution is not None else [])
        words = [w for d in layers for w in d.active_words()]
        terms = [t for d in layers for t in d.active_terms()]
        domains = [x for d in layers for x in d.active_domains()]
        self.institution_terms = (
            {id(t) for t in institution.active_terms()} if institution is not None else set()
        )
        self.index = WordIndex(words, domains, terms)
        self.domains: dict[str, Domain] = {}
        for x in domains:
            self.domains.setdefault(x.name, x)
        self.terms: dict[str, Term] = {}
        for t in terms:
            self.terms.setdefault(t.name, t)
        self.by_abbr: dict[str, Term] = {}
        for t in self.terms.values():
            self.by_abbr.setdefault(t.abbr, t)
        self.term_synonyms: dict[str, Term] = {}
        for t in self.terms.values():
            for s in t.synonyms:
                if s and s not in self.terms:
                    self.term_synonyms.setdefault(s, t)
        self.term_words: dict[str, list[Word] | None] = {
            name: decompose(name, self.index, t.abbr) for name, t in self.terms.items()
        }
        self.sorted_names = sorted(self.terms)
        self.sorted_synonyms = sorted(self.term_synonyms)
        self.class_words: dict[str, list[Word]] = {}
        for w in self.index.words:
            if w.is_class_word:
                self.class_words.setdefault(w.domain_class, []).append(w)
        self.class_group = {d.domain_class: d.group for d in self.domains.values()}
        self.english: dict[str, Word] = {}
        for w in self.index.words:
            key = _english_key(w.english)
            if key:
                self.english.setdefault(key, w)
        # Latin 이음동의어/금칙어 (EMAIL, e-mail, FAX번호 …), compared upper-case without marks
        self.latin_aliases: dict[str, Word] = {}
        for w in self.index.words:
            for alias in (*w.forbidden, *w.synonyms):
                key = re.sub(r"[^A-Za-z0-9]", "", alias).upper()
                if key and re.fullmatch(r"[A-Z0-9]+", key) and re.search("[A-Z]", key):
                    self.latin_aliases.setdefault(key, w)
        self.max_english = max((k.count(" ") + 1 for k in self.english), default=1)
        # class-word usage, to prefer the commoner class word when the values cannot decide
        usage: Counter[str] = Counter()
        for ws in self.term_words.values():
            if ws:
                usage[ws[-1].name] += 1
        top = max(usage.values(), default=1)
        self.class_prior = {
            name: 0.97 + 0.03 * math.log1p(n) / math.log1p(top) for name, n in usage.items()
        }
        # fuzzy look-up tables (jamo strings of term names, synonyms and term stems)
        self.fuzzy_plain: list[str] = [*self.terms, *self.term_synonyms]
        self.fuzzy_names = [jamo(n) for n in self.fuzzy_plain]
        self.fuzzy_terms = [*self.terms.values(), *self.term_synonyms.values()]
        stems: dict[str, list[Term]] = {}
        for name, ws in self.term_words.items():
            if ws and len(ws) > 1:
                stem = name[: -len(ws[-1].name)]
                if len(stem) >= 2:
                    stems.setdefault(stem, []).append(self.terms[name])
        self.stem_names = list(stems)
        self.stem_jamo = [jamo(s) for s in self.stem_names]
        self.stem_terms = [stems[s] for s in self.stem_names]
        self._pieces_cache: dict[str, list[tuple[str, Word | None, str]]] = {}
        self.near_class_cache: dict[int, list[Word]] = {}
        self._words_cache: dict[str, list[Word] | None] = {}
        self._alias_re: re.Pattern | None = None
        self.guesser = AbbreviationGuesser(self.index.words, self.index.by_abbr)
        # term names and synonyms, then term stems, in one filter (lookup.fuzzy)
        self.fuzzy_filter = SyllableFilter(
            [*self.fuzzy_plain, *self.stem_names],
            [*self.fuzzy_names, *self.stem_jamo],
            first=len(self.fuzzy_plain),
        )

    def is_name(self, text: str) -> bool:
        """A registered word, term or synonym (cleaning must not cut it)."""
        return (
            text in self.terms
            or text in self.term_synonyms
            or self.index.by_name(text) is not None
            or self.index.resolve_alias(text) is not None
        )

    def _alias_in(self, name: str) -> bool:
        """Some registered 이음동의어 or 금칙어 occurs in the name (most names have none, and
        then no split is needed to rewrite them)."""
        if self._alias_re is None:
            aliases = sorted(self.index._alias, key=len, reverse=True)
            self._alias_re = re.compile("|".join(map(re.escape, aliases)) or "(?!)")
        return self._alias_re.search(name) is not None

    def words(self, name: str) -> list[Word] | None:
        """``segment.decompose`` of a name, cached: every rewriting of a header is split more
        than once (term rules, typo look-ups, proposals)."""
        found = self._words_cache.get(name, False)
        if found is False:
            found = decompose(name, self.index)
            if len(self._words_cache) > 50_000:
                self._words_cache.clear()
            self._words_cache[name] = found
        return found

    def pieces(self, name: str) -> list[tuple[str, Word | None, str]]:
        """``segment.word_pieces`` (words, 이음동의어/금칙어 and whole unknown words), cached:
        for rewriting aliases and naming the missing words."""
        cached = self._pieces_cache.get(name)
        if cached is not None:
            return cached
        merged = word_pieces(name, self.index)
        if len(self._pieces_cache) > 50_000:
            self._pieces_cache.clear()
        self._pieces_cache[name] = merged
        return merged

    def rewrite_aliases(self, name: str) -> tuple[str, tuple[str, ...]]:
        """Replace word 이음동의어 and 금칙어 by their standard words."""
        if not name or not self._alias_in(name):
            return name, ()
        pieces = self.pieces(name)
        notes = []
        out = []
        for text, word, kind in pieces:
            if kind in ("synonym", "forbidden") and word is not None:
                label = "금칙어" if kind == "forbidden" else "이음동의어"
                notes.append(f"{label} '{text}'→'{word.name}'")
                out.append(word.name)
            else:
                out.append(text)
        return "".join(out), tuple(notes)

    def from_english(self, tokens: tuple[str, ...]) -> tuple[str, list[str], tuple[str, ...], bool]:
        """English or abbreviated words -> standard word names (by 영문약어명, then 영문명,
        then a near abbreviation, ``physical.AbbreviationGuesser``): (name, missing pieces,
        reasons, whether a piece was guessed)."""
        out: list[str] = []
        missing: list[str] = []
        notes: list[str] = []
        guessed = False
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + self.max_english), i, -1):
                key = " ".join(tokens[i:j])
                w = self.english.get(key) or self.latin_aliases.get(key.replace(" ", ""))
                if w is None and j == i + 1:
                    w = self.index.by_abbr(tokens[i])
                if w is not None:
                    out.append(w.name)
                    notes.append(f"영문 '{key}'→'{w.name}'")
                    i = j
                    break
            else:
                found = self.guesser.guess_word(tokens[i])
                if found is None:
                    missing.append(tokens[i])
                else:
                    words, _how = found
                    name = "".join(w.name for w in words)
                    out.append(name)
                    notes.append(f"영문 '{tokens[i]}'→'{'+'.join(w.name for w in words)}' (추정)")
                    guessed = True
                i += 1
        if missing:
            return "", missing, (), guessed
        return "".join(out), [], tuple(notes), guessed


class SyllableFilter:
    """The names worth a typo-tolerant comparison with a query: those sharing enough syllables.

    Comparing a header with all 10,000 term names and synonyms costs about 0.4 ms even in
    rapidfuzz; almost all of them share no syllable with it.  A similarity the ranking can use
    (see ``lookup.fuzzy``: the mean of the jamo and syllable ratios, and candidates under the
    look-alike floor are hidden) needs one shared syllable for short names and two for names of
    three syllables or more, so only those names are compared.  ``subset`` returns their indexes
    and jamo strings (numpy is imported on first use: only typo look-ups need it).
    """

    def __init__(self, plain: list[str], jamo_names: list[str], first: int | None = None) -> None:
        self._first = len(plain) if first is None else first  # subset(rest=False) stops here
        self._plain = plain
        self._jamo_list = jamo_names
        self._postings: dict | None = None
        self._jamo = None

    def _build(self) -> dict:
        import numpy as np

        postings: dict[str, list[int]] = {}
        for i, name in enumerate(self._plain):
            for ch in set(name):
                postings.setdefault(ch, []).append(i)
        self._jamo = np.array(self._jamo_list, dtype=object)
        self._postings = {ch: np.array(ix, dtype=np.int32) for ch, ix in postings.items()}
        return self._postings

    def subset(self, query: str, rest: bool = True) -> tuple[list[int], list[str]]:
        """(indexes, jamo strings) of the names sharing enough syllables with ``query``; with
        ``rest`` False only among the first ``first`` names."""
        import numpy as np

        postings = self._postings if self._postings is not None else self._build()
        found = [postings[ch] for ch in set(query) if ch in postings]
        if not found:
            return [], []
        counts = np.bincount(np.concatenate(found), minlength=len(self._plain))
        need = 1 if len(query) <= 2 else 2
        idx = np.flatnonzero(counts >= need)
        if not rest:
            idx = idx[idx < self._first]
        return idx.tolist(), self._jamo[idx].tolist()


def _english_key(text: str) -> str:
    """'Air Temperature ' -> 'AIR TEMPERATURE', the form header tokens are compared in."""
    return " ".join(re.split(r"[^A-Za-z0-9]+", text.upper())).strip()
