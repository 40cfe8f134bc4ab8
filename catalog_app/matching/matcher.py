"""Suggest the 공통표준용어 a spreadsheet column is, with a score, a kind and Korean reasons.

Pipeline for one header (see ``Matcher.suggest``):

1. Clean the header (``clean.py``): units, notes, prefixes, KOSIS suffixes, total bands.  A
   crosstab band label (a year, an age band, a sex, a region, a category under a measure) is
   reported as ``not_a_column`` with no candidate.
2. Name variants of the cleaned label (``variants.py``), each with a prior: the label itself;
   word 이음동의어 and 금칙어 rewritten to the standard word (데이터→자료); ``…액`` read as
   ``…금액``; a vague trailing 정보/현황 dropped; bracketed qualifiers put in front of or after
   the name (접수(일자) → 접수일자); an English header mapped through word abbreviations,
   English names and, said as guesses, near abbreviations (``physical.py``: INSTT → 기관);
   unregistered 행정구역 units read as registered ones (자치구 → 시군구).
3. Term candidates for every variant (``lookup.py``, over the dictionary tables of
   ``lexicon.py``): the exact term, a 용어 이음동의어, another class word of the same 도메인분류
   (시간→시각), a missing or truncated class word (회원 → 회원수, 접수일 → 접수일자), a term the
   name ends with, and typo-tolerant (jamo) look-ups when nothing better was found.  Steps 2-3
   depend only on the cleaned header and are cached by it.
4. Ranking with the column profile (``values.py``, ``fit.py``): every candidate's domain is
   checked against the values (type, byte length 한글=2, digits and decimals, date/time/flag
   formats, address-like text), so a missing class word is chosen by what the values are.
   Values that clearly are region names, addresses, URLs or phone numbers, or carry a value
   signature (``signatures.py``: 법정동코드 and 기관코드 lists, 읍면동 names, coordinates),
   add the matching standard terms with their own reason line.  With a table context
   (``context.py``) a bare class word (이름, 코드) also gets the table subject's term (시장명).
   Look-alikes under ``LOOKALIKE_FLOOR`` are not shown.
5. Kind: ``exact`` / ``synonym`` / ``variant`` from the rule behind the best candidate;
   ``composable`` when no term fits but the name is made of standard words ending in a class word
   (a proposal with the abbreviation and a domain sized from the profile); ``nonstandard``
   otherwise (the missing words, or a class word inferred from the values).

``suggest_table`` runs this for every column of a table, then judges crosstab siblings side by
side (``crosstab.py``: 휘발유 | 경유 | 등유 → ``not_a_column``, the reason in ``band``).

Scores are in [0, 1]; only the exact name, a registered synonym and decoration-only variants with
fitting values reach 0.8 ("confident").  Anything that guesses (a dropped class word, a typo, the
values alone, the table subject, a near abbreviation) stays below it.

This module keeps the public records, the ranking (step 4 with memory and value-named terms)
and the kind and proposal (step 5); the earlier steps live in the modules named above.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from catalog_app.dictionary.model import Dictionary, Domain, Term, Word
from catalog_app.dictionary.rules import propose_domain
from catalog_app.matching.clean import CleanHeader, clean_header
from catalog_app.matching.context import Subject, TableContext, listed_members, subjects
from catalog_app.matching.crosstab import ColumnFacts, crosstab_bands, is_numeric
from catalog_app.matching.fit import UNIT_CLASS_WORD, domain_fit, unit_kind
from catalog_app.matching.lexicon import Lexicon
from catalog_app.matching.lookup import LOOKALIKE_FLOOR, Raw
from catalog_app.matching.values import (
    SEMANTIC_LABEL,
    SEMANTIC_TERMS,
    Values,
    profile_of,
    proposal_size,
    summarise,
)
from catalog_app.matching.variants import Analysis, analyse

if TYPE_CHECKING:
    from catalog_app.scan.models import ColumnProfile

__all__ = ["CONFIDENT", "Candidate", "Matcher", "Suggestion"]

CONFIDENT = 0.8  # a top score at or above this is a confident suggestion
TOP_N = 5
P_VALUES = 0.72  # what the values are (addresses, region names …), header not informative
P_SUBJECT = 0.76  # the table's subject + a bare class word (이름 in a 시장 list → 시장명)
# similar-looking candidates under LOOKALIKE_FLOOR are not shown, except a typo (one jamo or a
# close spelling of the same length)
_LOOKALIKE = frozenset({"fuzzy", "stem", "suffix"})

# Class word inferred from the values when a header has none (proposals and fuzzy stems).
_CLASS_FOR_KIND = {
    "flag": "여부",
    "date": "일자",
    "datetime": "일시",
    "time": "시각",
    "integer": "수",
    "decimal": "수",
    "code": "코드",
    "text": "명",
}


# -- public records -------------------------------------------------------------------------


def _guessed(raw: Raw) -> bool:
    """A candidate found through a guessed reading (a near abbreviation, a region unit read as
    another): the values may support it, but it stays under the confident score."""
    return raw.prior < CONFIDENT and not raw.needs_values


@dataclass
class Candidate:
    term: str
    abbr: str
    domain: str
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The JSON form (``dataclasses.asdict`` without its deep copy, which cost a quarter of
        a ``map`` over many columns)."""
        return {
            "term": self.term,
            "abbr": self.abbr,
            "domain": self.domain,
            "score": self.score,
            "reasons": list(self.reasons),
        }


@dataclass
class Suggestion:
    header: str
    kind: str  # exact, synonym, variant, composable, nonstandard, not_a_column
    candidates: list[Candidate]
    proposal: dict | None
    cleaned: str = ""  # the cleaned header (CleanHeader.key): what memory and decisions key by
    band: str | None = None  # not_a_column: why (Korean: '연령대 구간', '교차표 구간 …')


class Matcher:
    """Suggests standard terms for column headers (official dictionary + institution layer)."""

    def __init__(
        self,
        official: Dictionary,
        institution: Dictionary | None = None,
        memory: Mapping[str, str] | None = None,
    ) -> None:
        self.lexicon = Lexicon(official, institution)
        # the tables the ranking reads most, under the names they have always had here
        self.index = self.lexicon.index
        self.domains: dict[str, Domain] = self.lexicon.domains
        self.terms: dict[str, Term] = self.lexicon.terms
        self.memory = dict(memory or {})
        self._cache: dict[tuple, Analysis] = {}
        self._clean_cache: dict[str, CleanHeader] = {}
        self._subject_cache: dict[tuple, list[Subject]] = {}
        self._domain_cache: dict[tuple, str | None] = {}

    # -- public --------------------------------------------------------------------------
    def is_name(self, text: str) -> bool:
        """A registered word, term or synonym (cleaning must not cut it)."""
        return self.lexicon.is_name(text)

    def clean(self, header: str) -> CleanHeader:
        """``clean_header`` with this dictionary's names protected, cached (headers repeat)."""
        ch = self._clean_cache.get(header)
        if ch is None:
            ch = clean_header(header, self.is_name)
            self._clean_cache[header] = ch
        return ch

    def suggest(
        self,
        header: str,
        values: Sequence[str] = (),
        profile: ColumnProfile | None = None,
        context: TableContext | None = None,
    ) -> Suggestion:
        """Ranked candidates, kind and proposal for one column; ``profile`` (from the catalog)
        wins over ``values`` (sample values, profiled here).  ``context`` (the table's file and
        sheet names and headers) lets a bare ``이름`` become the subject's name; crosstab
        siblings are only judged by ``suggest_table``, which sees the whole table."""
        subj = self._subjects(context) if context is not None else []
        return self._suggest(header, values, profile, subj)[0]

    def suggest_table(
        self,
        columns: Sequence[tuple[str, Sequence[str], ColumnProfile | None]],
        context: TableContext | None = None,
    ) -> list[Suggestion]:
        """``suggest`` for every column of one table ``(header, values, profile)``, in order,
        then the table-level judgement: crosstab siblings (휘발유 | 경유 | 등유) become
        ``not_a_column`` with the reason in ``band``."""
        if context is None:
            context = TableContext(headers=tuple(h for h, _, _ in columns))
        subj = self._subjects(context)
        done = [self._suggest(h, v, p, subj) for h, v, p in columns]
        bands = crosstab_bands([f for _, f in done], listed_members(context))
        out = []
        for i, (s, _) in enumerate(done):
            if i in bands:
                s = Suggestion(s.header, "not_a_column", [], None, s.cleaned, band=bands[i])
            out.append(s)
        return out

    def _suggest(
        self,
        header: str,
        values: Sequence[str],
        profile: ColumnProfile | None,
        subjects_: list[Subject],
    ) -> tuple[Suggestion, ColumnFacts]:
        ch = self.clean(header)
        if ch.band is not None:
            facts = ColumnFacts(
                header, "", ch.band, ch.band.startswith("합계"), ch.total, "not_a_column",
                False, False, False,
            )  # fmt: skip
            return Suggestion(header, "not_a_column", [], None, ch.key, band=ch.band), facts
        if profile is None and values:
            profile = profile_of(header, values)
        vals = summarise(profile)
        unit = unit_kind(ch.units)
        analysis = self._analyse(ch)

        scored: dict[str, Candidate] = {}
        best_raw: dict[str, Raw] = {}
        fits: dict[str, float] = {}
        raws = analysis.raws
        if subjects_:
            raws = raws + self._subject_raws(analysis, subjects_)
        for raw in raws:
            cand, fit = self._score(raw, vals, ch.notes, unit)
            old = scored.get(raw.term.name)
            if old is None or cand.score > old.score:
                scored[raw.term.name] = cand
                best_raw[raw.term.name] = raw
                fits[raw.term.name] = fit
        if vals is not None and vals.semantic:
            self._add_semantic(vals, scored, best_raw, fits, unit)
        # the catalog keys memory by the dictionary-free cleaning; both forms are tried
        remembered = self.memory and (
            self.memory.get(ch.key) or self.memory.get(clean_header(header).key)
        )
        if remembered and remembered in self.terms:
            t = self.terms[remembered]
            fit, _ = domain_fit(self.domains.get(t.domain), vals, unit)
            if fit >= 0.7:
                fits[t.name] = fit
                cand = scored.get(t.name) or self._candidate(t, 0.0, [])
                cand.score = max(cand.score, 0.96)
                cand.reasons.insert(0, "이전에 승인한 매핑")
                scored[t.name] = cand
                best_raw.setdefault(t.name, Raw(t, 0.96, "variant", True, (), rule="memory"))

        # look-alikes (similar spelling, a term the name merely ends with) under the floor
        # would only crowd out the useful candidates
        ranked = sorted(
            (
                c
                for name, c in scored.items()
                if c.score >= LOOKALIKE_FLOOR or best_raw[name].rule not in _LOOKALIKE
            ),
            key=lambda c: (-c.score, len(c.term), c.term),
        )
        kind, proposal = self._kind(analysis, ranked, best_raw, fits, vals, unit)
        if kind == "composable" and ranked and ranked[0].score >= CONFIDENT:
            ranked[0].score = CONFIDENT - 0.01
        suggestion = Suggestion(header, kind, ranked[:TOP_N], proposal, ch.key)
        return suggestion, self._facts(header, ch, analysis, suggestion, best_raw, vals)

    def _facts(
        self,
        header: str,
        ch: CleanHeader,
        a: Analysis,
        s: Suggestion,
        best_raw: dict[str, Raw],
        vals: Values | None,
    ) -> ColumnFacts:
        """What the crosstab judgement needs of this column (see crosstab.py)."""
        if a.words:
            ends_in_class = a.words[-1].is_class_word
        else:
            last = a.pieces[-1][1] if a.pieces else None
            ends_in_class = last is not None and last.is_class_word
        guess = s.kind == "nonstandard"
        if s.kind == "variant" and s.candidates:
            raw = best_raw.get(s.candidates[0].term)
            guess = raw is not None and (raw.needs_values or not raw.strong)
        total = ch.total or ch.total_word
        return ColumnFacts(
            raw=header,
            label=ch.label,
            band=None,
            total_band=False,
            total=total,
            kind=s.kind,
            numeric=vals is not None and is_numeric(vals.main, vals.texts),
            category_like=guess and not ends_in_class and not total and not ch.latin,
            completable=any(r.rule in ("complete", "truncated") for r in a.raws),
        )

    # -- table subject ---------------------------------------------------------------------
    def _subjects(self, context: TableContext) -> list[Subject]:
        key = (context.file_name, context.sheet_name, context.headers)
        found = self._subject_cache.get(key)
        if found is None:
            found = subjects(context, self.lexicon, self.clean)
            if len(self._subject_cache) > 1000:
                self._subject_cache.clear()
            self._subject_cache[key] = found
        return found

    def _subject_raws(self, a: Analysis, subjects_: list[Subject]) -> list[Raw]:
        """A header that is a bare class word (이름 → 명, 코드, 주소) names the table's subject:
        subject + class word, when that term exists (시장 + 명 → 시장명)."""
        if not a.words or len(a.words) != 1 or not a.words[0].is_class_word:
            return []
        cw = a.words[0].name
        out = []
        k = 0
        for subj in subjects_:
            # the subject, then the words it ends with (전통시장 → 시장: 시장명)
            name = subj.name
            nouns = [name] + [
                name[i:] for i in range(1, len(name) - 1) if self.index.by_name(name[i:])
            ]
            for noun in nouns:
                t = self.terms.get(noun + cw)
                if t is None:
                    continue
                why = f"표의 주제 '{subj.name}'({subj.source})"
                prior = P_SUBJECT * (1 - 0.02 * k)  # the better-placed subject first
                out.append(Raw(t, prior, "variant", False, (why,), rule="subject"))
                k += 1
                break
            if len(out) == 2:
                break
        return out

    # -- candidates (the name analysis is cached per cleaned header) ---------------------
    def _analyse(self, ch: CleanHeader) -> Analysis:
        key = (
            ch.label,
            ch.qualifiers,
            ch.tokens,
            ch.latin,
            ch.trimmed_only and not ch.total,
            ch.total_word,
            ch.classification,
        )
        found = self._cache.get(key)
        if found is None:
            found = analyse(self.lexicon, ch)
            self._cache[key] = found
        return found

    def _add_semantic(
        self,
        vals: Values,
        scored: dict[str, Candidate],
        best_raw: dict[str, Raw],
        fits: dict[str, float],
        unit: tuple[str, str] | None,
    ) -> None:
        """Terms the values point to (addresses, region names …).

        A name candidate that already is such a term gets a small boost; the value-only terms are
        added only when no name candidate of the same domain class fits the values, because the
        header usually says more (a term naming the place of the address over the plain one).
        """
        sem = vals.semantic
        label = vals.evidence or f"값이 {SEMANTIC_LABEL[sem]} 형식"
        tokens, plain = SEMANTIC_TERMS[sem]
        specific = False
        for name, cand in scored.items():
            if set(tokens) <= set(cand.abbr.split("_")):
                raw = best_raw[name]
                sure = raw.strong and not raw.needs_values and not _guessed(raw)
                cap = 1.0 if sure else CONFIDENT - 0.01
                cand.score = round(max(cand.score, min(cand.score * 1.1, cap)), 4)
                cand.reasons.append(label)
                specific = True
        if specific and sem in ("road_addr", "lot_addr"):
            # road-name or lot-number addresses: a term naming that kind of address beats a
            # plain address term (소재지(도로명) → 도로명주소 over 소재지주소)
            for name, cand in scored.items():
                if self._domain_class(self.terms[name]) == "주소" and not set(tokens) <= set(
                    cand.abbr.split("_")
                ):
                    cand.score = round(cand.score * 0.9, 4)
                    cand.reasons.append(f"{label}: 더 구체적인 주소 용어가 있음")
        t = self.lexicon.by_abbr.get(plain)
        if t is None or t.name in scored:
            return
        cls = self._domain_class(t)
        covered = any(
            self._domain_class(self.terms[name]) == cls
            and fits.get(name, 0) >= 0.7
            and c.score >= 0.45
            for name, c in scored.items()
        )
        if not covered:
            raw = Raw(t, P_VALUES, "variant", False, (label,), rule="values")
            cand, fit = self._score(raw, vals, (), unit)
            scored[t.name] = cand
            best_raw[t.name] = raw
            fits[t.name] = fit

    def _domain_class(self, t: Term) -> str:
        d = self.domains.get(t.domain)
        return d.domain_class if d is not None else ""

    # -- scoring --------------------------------------------------------------------------
    def _candidate(self, t: Term, score: float, reasons: list[str]) -> Candidate:
        return Candidate(t.name, t.abbr, t.domain, round(score, 4), reasons)

    def _score(
        self,
        raw: Raw,
        vals: Values | None,
        notes: tuple[str, ...] = (),
        unit: tuple[str, str] | None = None,
    ) -> tuple[Candidate, float]:
        t = raw.term
        fit, why = domain_fit(self.domains.get(t.domain), vals, unit)
        score = raw.prior * (0.5 + 0.5 * fit)
        if raw.needs_values:
            ws = self.lexicon.term_words.get(t.name)
            if ws:
                score *= self.lexicon.class_prior.get(ws[-1].name, 0.97)
            if vals is None:
                score *= 0.9
        reasons = [*notes, *raw.reasons]
        if id(t) in self.lexicon.institution_terms:
            reasons.append("기관 표준용어")
        if why:
            reasons.append(why)
        return self._candidate(t, min(score, 1.0), reasons), fit

    # -- kind and proposal ---------------------------------------------------------------
    def _kind(
        self,
        a: Analysis,
        ranked: list[Candidate],
        raws: dict[str, Raw],
        fits: dict[str, float],
        vals: Values | None,
        unit: tuple[str, str] | None,
    ) -> tuple[str, dict | None]:
        """The kind follows the rule behind the best candidate: a term explained by the name is
        exact/synonym/variant; otherwise a name of standard words ending in a class word is a new
        composition; a typo, a name cut short or values that name the column alone also count as
        variants; the rest needs words the dictionary lacks (nonstandard)."""
        best = ranked[0] if ranked else None
        raw = raws.get(best.term) if best else None
        # a guessed class word counts only when the values fit it
        if (
            best is not None
            and raw is not None
            and raw.strong
            and (not raw.needs_values or (fits.get(best.term, 0) >= 0.7 and best.score >= 0.5))
        ):
            return raw.tag, None
        words = a.words
        proposal = None
        if words and words[-1].is_class_word:
            proposal = self._proposal(words, vals)
            if a.guessed:  # a physical name read through near abbreviations: say which
                proposal["guessed"] = list(a.guessed)
            # a composition whose class word the values contradict (소재지도로명: a 명 of
            # addresses) is no proposal; a term the values confirm may still explain the name
            if self._proposal_fits(proposal, vals):
                return "composable", proposal
        if best is not None and raw is not None and best.score >= 0.45:
            single = self._one_word(a.pieces)
            if raw.rule in ("typo", "cut", "stem_typo") or (raw.rule == "values" and single):
                return "variant", None
            if raw.strong and raw.needs_values and fits.get(best.term, 0) >= 0.7:
                return "variant", None
            if raw.rule == "after_term" and self._values_name(best, vals):
                return "variant", None
        if proposal is not None:
            return "composable", proposal
        return "nonstandard", self._nonstandard_proposal(a, vals, unit)

    def _proposal_fits(self, proposal: dict, vals: Values | None) -> bool:
        if vals is None or not proposal.get("domain"):
            return True
        fit, _ = domain_fit(self.domains.get(proposal["domain"]), vals)
        return fit >= 0.5

    @staticmethod
    def _values_name(cand: Candidate, vals: Values | None) -> bool:
        """The values are of the kind this term names (road-name addresses for 도로명주소)."""
        if vals is None or not vals.semantic:
            return False
        tokens = SEMANTIC_TERMS[vals.semantic][0]
        return set(tokens) <= set(cand.abbr.split("_"))

    def _one_word(self, pieces: list) -> bool:
        """The header is one word (호선, 지점), not a word plus a syllable that the whole-word
        rule joined to it (발생+동 → 발생동)."""
        if len(pieces) != 1:
            return not pieces
        text, _, kind = pieces[0]
        if kind != "unknown":
            return True
        by_name = self.index.by_name
        return not any(
            by_name(text[:k]) is not None or by_name(text[-k:]) is not None
            for k in range(2, len(text))
        )

    def _propose_domain(self, class_word: Word, size: int | None) -> str | None:
        """``rules.propose_domain``, kept per class word and size (it scans every domain)."""
        key = (id(class_word), size)
        if key not in self._domain_cache:
            found = propose_domain(class_word, self.index, self.domains, size)
            self._domain_cache[key] = found
        return self._domain_cache[key]

    def _size(self, word: Word, vals: Values | None) -> int | None:
        """What ``propose_domain`` sizes by (``values.proposal_size``, shared with T1)."""
        return proposal_size(word, self.domains, vals)

    def _proposal(self, words: list[Word], vals: Values | None) -> dict:
        last = words[-1]
        domain = self._propose_domain(last, self._size(last, vals))
        return {
            "words": [w.name for w in words],
            "abbr": "_".join(w.abbr for w in words),
            "domain": domain,
            "name": "".join(w.name for w in words),
        }

    def _nonstandard_proposal(
        self, a: Analysis, vals: Values | None, unit: tuple[str, str] | None
    ) -> dict | None:
        """The missing words, or (all words standard, no class word) the class word the values
        or the unit call for."""
        unknown = [t for t, w, k in a.pieces if k == "unknown"]
        if unknown:
            names = [w.name if w is not None else t for t, w, k in a.pieces]
            last = a.pieces[-1][1] if a.pieces else None
            domain = None
            if last is not None and last.is_class_word:
                domain = self._propose_domain(last, self._size(last, vals))
            return {"missing": unknown, "words": names, "abbr": None, "domain": domain}
        if not a.words:
            return None
        cw_name = self._class_word_for(vals, unit)
        if cw_name is None:
            return {
                "missing": ["분류어"],
                "words": [w.name for w in a.words],
                "abbr": None,
                "domain": None,
            }
        cw = self.index.by_name(cw_name)
        if cw is None:
            return None
        proposal = self._proposal([*a.words, cw], vals)
        proposal["added"] = cw.name
        if a.guessed:
            proposal["guessed"] = list(a.guessed)
        return proposal

    def _class_word_for(self, vals: Values | None, unit: tuple[str, str] | None) -> str | None:
        if unit is not None and unit[1] in UNIT_CLASS_WORD:
            return UNIT_CLASS_WORD[unit[1]]
        if vals is None or vals.n == 0:
            return None
        if vals.semantic in ("road_addr", "lot_addr", "addr", "url"):
            return "주소"
        if vals.main == "integer" and vals.years >= 0.9:
            return "연도"
        if vals.main == "text" and vals.max_bytes > 100:
            return "내용"
        return _CLASS_FOR_KIND.get(vals.main)
