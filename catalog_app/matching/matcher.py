"""Suggest the 공통표준용어 a spreadsheet column is, with a score, a kind and Korean reasons.

Pipeline for one header (see ``Matcher.suggest``):

1. Clean the header (``clean.py``): units, notes, prefixes, KOSIS suffixes, total bands.  A
   crosstab band label (a year, an age band, a sex, a region, a category under a measure) is
   reported as ``not_a_column`` with no candidate.
2. Name variants of the cleaned label, each with a prior: the label itself; word 이음동의어 and
   금칙어 rewritten to the standard word (데이터→자료); ``…액`` read as ``…금액``; a vague trailing
   정보/현황 dropped; bracketed qualifiers put in front of or after the name (접수(일자) → 접수일자);
   an English header mapped through word abbreviations and English names.
3. Term candidates for every variant: the exact term, a 용어 이음동의어, another class word of the
   same 도메인분류 (시간→시각), a missing or truncated class word (회원 → 회원수, 접수일 →
   접수일자), a term the name ends with, and typo-tolerant (jamo) look-ups when nothing better
   was found.  Steps 2-3 depend only on the cleaned header and are cached by it.
4. Ranking with the column profile: every candidate's domain is checked against the values
   (type, byte length 한글=2, digits and decimals, date/time/flag formats, address-like text), so
   a missing class word is chosen by what the values are.  Values that clearly are region
   names, addresses, URLs or phone numbers add the matching standard terms.
5. Kind: ``exact`` / ``synonym`` / ``variant`` from the rule behind the best candidate;
   ``composable`` when no term fits but the name is made of standard words ending in a class word
   (a proposal with the abbreviation and a domain sized from the profile); ``nonstandard``
   otherwise (the missing words, or a class word inferred from the values).

Scores are in [0, 1]; only the exact name, a registered synonym and decoration-only variants with
fitting values reach 0.8 ("confident").  Anything that guesses (a dropped class word, a typo, the
values alone) stays below it.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from catalog_app.dictionary.model import Dictionary, Domain, Term, Word
from catalog_app.dictionary.rules import propose_domain
from catalog_app.dictionary.segment import WordIndex, decompose
from catalog_app.matching.clean import SIDO_NAMES, CleanHeader, clean_header, is_total_word

if TYPE_CHECKING:
    from catalog_app.scan.models import ColumnProfile

__all__ = ["CONFIDENT", "Candidate", "Matcher", "Suggestion"]

CONFIDENT = 0.8  # a top score at or above this is a confident suggestion
TOP_N = 5

# Priors of the name variants and rules (before the profile fit).
P_EXACT = 1.0
P_TERM_SYNONYM = 0.97
P_ALIAS = 0.95  # word 이음동의어/금칙어 rewritten
P_CLEANED = 0.95  # decoration removed (units, prefixes, spaces …)
P_AMOUNT = 0.9  # …액 read as …금액
P_QUALIFIER = 0.95  # bracketed words joined to the name: 접수(일자) -> 접수일자
P_ONLY_QUALIFIER = 0.9  # only the bracketed words: the more specific part
P_ONLY_HEAD = 0.85  # the name without its bracketed words
P_DROP_QUALIFIER = 0.9  # the name without the total word it carried
P_FILLER = 0.85  # vague trailing 정보/현황 dropped
P_ENGLISH = 0.9  # English words mapped to standard words
P_SWAP = 0.86  # another class word of the same 도메인분류
P_COMPLETE = 0.78  # missing class word added (never confident on its own)
P_TRUNCATED = 0.8  # truncated class word completed (접수일 → 접수일자)
P_EXTEND = 0.55  # the name is the start of a longer term (more than a class word missing)
P_AFTER_TERM = (
    0.66  # a term or class-word-final name plus one more class word the values may prefer
)
P_SUFFIX = 0.5  # the name ends with a term and has unknown words in front
P_FUZZY = 0.75  # typo-tolerant match, times the similarity squared
P_VALUES = 0.72  # what the values are (addresses, region names …), header not informative

_FILLERS = ("정보", "현황")
_FUZZY_CUTOFF = 0.62
_TYPO_SIM = 0.85
_ADJ = 1.2  # one-syllable piece next to an unknown run: probably part of that run
_EMPTY = "empty"

# Semantic value types -> (abbreviation tokens of the terms about them, the plain such term).
# By 영문약어명, which is stable across editions (standards-format.md §0).
_SEMANTIC_TERMS = {
    "sido": (("CTPV", "NM"), "CTPV_NM"),
    "sgg": (("SGG", "NM"), "SGG_NM"),
    "road_addr": (("ROAD", "NM", "ADDR"), "ROAD_NM_ADDR"),
    "lot_addr": (("LOTNO", "ADDR"), "LOTNO_ADDR"),
    "addr": (("ADDR",), "LCTN_ADDR"),
    "url": (("HMPG", "ADDR"), "HMPG_ADDR"),
    "phone": (("TELNO",), "TELNO"),
    "email": (("EML", "ADDR"), "EML_ADDR"),
    # personal data found by the profiler (scan/pii.py) from the values
    "mobile": (("TELNO",), "MBL_TELNO"),
    "rrn": (("RRNO",), "RRNO"),
    "foreigner_rrn": (("FRNO",), "FRNO"),
    "passport": (("PNO",), "PNO"),
    "driver_license": (("DLN",), "DLN"),
    "business_no": (("BRNO",), "BRNO"),
    "corporate_no": (("CRNO",), "CRNO"),
    "card": (("CRCD", "NO"), "CRCD_NO"),
    "account": (("ACTNO",), "ACTNO"),
    "address_detail": (("DADDR",), "DADDR"),
}
_SEMANTIC_LABEL = {
    "sido": "광역 시·도 이름",
    "sgg": "시·군·구 이름",
    "road_addr": "도로명 주소",
    "lot_addr": "지번 주소",
    "addr": "주소",
    "url": "인터넷 주소",
    "phone": "전화 번호",
    "email": "이메일 주소",
    "mobile": "휴대전화번호",
    "rrn": "주민등록번호",
    "foreigner_rrn": "외국인등록번호",
    "passport": "여권번호",
    "driver_license": "운전면허번호",
    "business_no": "사업자등록번호",
    "corporate_no": "법인등록번호",
    "card": "카드번호",
    "account": "계좌번호",
    "address_detail": "상세주소",
}
_HAS_DIGIT = re.compile(r"\d")
_ADDR_START = re.compile(
    "^(?:" + "|".join(sorted(SIDO_NAMES - {"전국"}, key=len, reverse=True)) + r")\s"
)
_ROAD = re.compile(r"[가-힣0-9]+(?:로|길)\s*\d")
_LOT = re.compile(r"[가-힣0-9]+(?:동|리|가|읍|면)\s*(?:산\s*)?\d+(?:-\d+)?")
_SGG = re.compile(r"^[가-힣]{1,5}(?:시|군|구)$")
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_URL = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
_PHONE = re.compile(r"^\(?0\d{1,2}\)?[-. ]?[\d*]{3,4}[-. ][\d*]{4}$|^1[5-9]\d{2}-\d{4}$")
_YM = re.compile(r"^(?:19|20)\d{2}[-./]?(?:0[1-9]|1[0-2])$")
_YEAR_TEXT = re.compile(r"^(?:19|20)\d{2}년?도?$")
_MISSING_TOKEN = re.compile(r"[가-힣]+|[A-Za-z]+|\d+")

# Units in brackets -> (domain group, domain classes) they belong to.
_UNIT_DOMAINS = {
    "area": ("", frozenset({"면적"})),
    "money": ("금액", frozenset()),
    "percent": ("율", frozenset()),
    "count": ("", frozenset({"수"})),
}
# fmt: off
_COUNT_UNITS = (
    "명", "인", "개", "개소", "곳", "건", "대", "호", "가구", "세대", "회", "번", "권", "편",
    "마리", "두", "척", "종", "좌석", "병상", "필지", "m", "km", "cm", "mm", "kg", "g", "t", "톤",
    "ton", "l", "리터", "ml", "m3", "kw", "kwh", "mw", "mwh", "°c", "℃", "도", "일", "시간", "분",
    "초", "년", "개월", "주", "세", "점", "배", "ppm", "mg/l",
)
# fmt: on
_UNIT_KINDS = {
    **dict.fromkeys(("m2", "km2", "ha", "평", "a"), "area"),
    **dict.fromkeys(("원", "달러", "불", "엔", "유로"), "money"),
    **dict.fromkeys(("%", "퍼센트", "‰"), "percent"),
    **dict.fromkeys(_COUNT_UNITS, "count"),
}
_UNIT_CLASS_WORD = {"money": "금액", "percent": "비율", "count": "수"}
_UNIT_MULTIPLIER = re.compile(r"^[0-9.천만백십억조]+")


def _unit_kind(units: tuple[str, ...]) -> tuple[str, str] | None:
    """(unit as written, kind) of the first unit the matcher knows ('천원' -> money)."""
    for unit in units:
        first = re.split(r"[/·,]", unit)[0]
        kind = _UNIT_KINDS.get(_UNIT_MULTIPLIER.sub("", first) or first)
        if kind is not None:
            return unit, kind
    return None


_PHONE_CLASSES = frozenset({"전화번호", "팩스번호"})
_DISPLAY_CHARS = {"9": r"\d", "A": "[A-Z]", "가": "[가-힣]", "f": "[0-9a-f]"}

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
_DATE_CLASSES = frozenset(
    {"연월일", "연월일시분초", "연월일시분", "연월", "연도", "월", "시분초", "시분"}
)


# -- public records -------------------------------------------------------------------------


@dataclass
class Candidate:
    term: str
    abbr: str
    domain: str
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Suggestion:
    header: str
    kind: str  # exact, synonym, variant, composable, nonstandard, not_a_column
    candidates: list[Candidate]
    proposal: dict | None
    cleaned: str = ""  # the cleaned header (CleanHeader.key): what memory and decisions key by


# -- internals ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Raw:
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
class _Variant:
    name: str
    prior: float
    tag: str
    reasons: tuple[str, ...]
    weak: bool = False  # drops unknown words of the header: its terms are only "cf."


@dataclass
class _Analysis:
    """Cached per cleaned header: candidates and the word analysis for proposals."""

    raws: list[_Raw]
    name: str  # the name after word rewriting (and qualifiers) used for proposals
    words: list[Word] | None  # full decomposition of ``name``
    pieces: list[tuple[str, Word | None, str]]  # cover of ``name`` (unknown pieces)


@dataclass
class _Values:
    """The parts of a column profile the ranking looks at."""

    n: int
    main: str
    share: dict[str, float]
    max_bytes: int
    decimals: int
    int_digits: int
    date_format: str | None
    texts: list[str]
    semantic: str | None
    years: float  # share of integer/text values that are years
    months: float  # share of values 1..12
    year_months: float


# Jamo mapped onto one byte each (choseong 0x80.., jungseong 0xA0.., jongseong 0xC0..): rapidfuzz
# compares 8-bit strings about 2.4x faster than the U+11xx code points of NFD.
_JAMO_BYTE = {
    **{c: 0x80 + i for i, c in enumerate(range(0x1100, 0x1113))},
    **{c: 0xA0 + i for i, c in enumerate(range(0x1161, 0x1176))},
    **{c: 0xC0 + i for i, c in enumerate(range(0x11A8, 0x11C3))},
}


def _jamo(text: str) -> str:
    """Jamo-level form for typo-tolerant comparison (일짜 is one jamo from 일자)."""
    return unicodedata.normalize("NFD", text).translate(_JAMO_BYTE)


def _digits(text: str | None) -> int:
    """Integer digits of a number as written ('1,395.5' -> 4), compared with NUMERIC lengths."""
    if not text:
        return 0
    core = text.replace(",", "").lstrip("+-").split(".")[0]
    return len(core.lstrip("0")) or 1


class Matcher:
    """Suggests standard terms for column headers (official dictionary + institution layer)."""

    def __init__(
        self,
        official: Dictionary,
        institution: Dictionary | None = None,
        memory: Mapping[str, str] | None = None,
    ) -> None:
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
        self._fuzzy_plain: list[str] = [*self.terms, *self.term_synonyms]
        self._fuzzy_names = [_jamo(n) for n in self._fuzzy_plain]
        self._fuzzy_terms = [*self.terms.values(), *self.term_synonyms.values()]
        stems: dict[str, list[Term]] = {}
        for name, ws in self.term_words.items():
            if ws and len(ws) > 1:
                stem = name[: -len(ws[-1].name)]
                if len(stem) >= 2:
                    stems.setdefault(stem, []).append(self.terms[name])
        self._stem_names = list(stems)
        self._stem_jamo = [_jamo(s) for s in self._stem_names]
        self._stem_terms = [stems[s] for s in self._stem_names]
        self.memory = dict(memory or {})
        self._display_patterns: dict[str, list[tuple[str, re.Pattern]]] = {}
        self._cache: dict[tuple, _Analysis] = {}
        self._clean_cache: dict[str, CleanHeader] = {}

    # -- public --------------------------------------------------------------------------
    def is_name(self, text: str) -> bool:
        """A registered word, term or synonym (cleaning must not cut it)."""
        return (
            text in self.terms
            or text in self.term_synonyms
            or self.index.by_name(text) is not None
            or self.index.resolve_alias(text) is not None
        )

    def clean(self, header: str) -> CleanHeader:
        """``clean_header`` with this dictionary's names protected, cached (headers repeat)."""
        ch = self._clean_cache.get(header)
        if ch is None:
            ch = clean_header(header, self.is_name)
            self._clean_cache[header] = ch
        return ch

    def suggest(
        self, header: str, values: Sequence[str] = (), profile: ColumnProfile | None = None
    ) -> Suggestion:
        """Ranked candidates, kind and proposal for one column; ``profile`` (from the catalog)
        wins over ``values`` (sample values, profiled here)."""
        ch = self.clean(header)
        if ch.band is not None:
            return Suggestion(header, "not_a_column", [], None, ch.key)
        if profile is None and values:
            profile = _profile_of(header, values)
        vals = _summarise(profile)
        unit = _unit_kind(ch.units)
        analysis = self._analyse(ch)

        scored: dict[str, Candidate] = {}
        best_raw: dict[str, _Raw] = {}
        fits: dict[str, float] = {}
        for raw in analysis.raws:
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
            fit, _ = self._fit(self.domains.get(t.domain), vals, unit)
            if fit >= 0.7:
                fits[t.name] = fit
                cand = scored.get(t.name) or self._candidate(t, 0.0, [])
                cand.score = max(cand.score, 0.96)
                cand.reasons.insert(0, "이전에 승인한 매핑")
                scored[t.name] = cand
                best_raw.setdefault(t.name, _Raw(t, 0.96, "variant", True, (), rule="memory"))

        ranked = sorted(scored.values(), key=lambda c: (-c.score, len(c.term), c.term))
        kind, proposal = self._kind(analysis, ranked, best_raw, fits, vals, unit)
        if kind == "composable" and ranked and ranked[0].score >= CONFIDENT:
            ranked[0].score = CONFIDENT - 0.01
        return Suggestion(header, kind, ranked[:TOP_N], proposal, ch.key)

    # -- candidate generation (cached) ----------------------------------------------------
    def _analyse(self, ch: CleanHeader) -> _Analysis:
        key = (
            ch.label,
            ch.qualifiers,
            ch.tokens,
            ch.latin,
            ch.trimmed_only and not ch.total,
            ch.total_word,
        )
        found = self._cache.get(key)
        if found is None:
            found = self._generate(ch)
            self._cache[key] = found
        return found

    def _generate(self, ch: CleanHeader) -> _Analysis:
        """Candidates from the name alone.  Reasons here never mention the cleaning, so the
        result is shared by every header that cleans to the same name (see ``_analyse``)."""
        base_tag = "exact" if ch.trimmed_only and not ch.total else "variant"
        base_prior = P_EXACT if base_tag == "exact" else P_CLEANED
        core: list[_Variant] = []
        if ch.total_word:  # '회원 총계': the total of the measure, 총 + name
            core.append(_Variant("총" + ch.label, base_prior, "variant", ("'총'을 앞에 붙임",)))
        own_prior = base_prior * (P_DROP_QUALIFIER if ch.total_word else 1.0)
        core.append(_Variant(ch.label, own_prior, base_tag, ()))
        english_missing: list[str] = []
        korean_name = ""
        if ch.latin:
            korean, english_missing, why = self._from_english(ch.tokens)
            korean_name = korean
            term = self.by_abbr.get("_".join(ch.tokens))
            if term is not None:
                core.append(_Variant(term.name, P_CLEANED, "variant", ("영문약어명 일치",)))
            if korean:
                core.append(_Variant(korean, P_ENGLISH, "variant", why))

        # word 이음동의어 / 금칙어 rewriting
        alias_name, alias_notes = self._rewrite_aliases(ch.label)
        if alias_name != ch.label:
            tag = "synonym" if base_tag == "exact" else "variant"
            core.append(_Variant(alias_name, min(own_prior, P_ALIAS), tag, alias_notes))
        more: list[_Variant] = []
        for v in core:
            name = v.name
            if name.endswith("액") and not name.endswith("금액") and len(name) >= 3:
                more.append(
                    _Variant(
                        name[:-1] + "금액",
                        v.prior * P_AMOUNT,
                        "variant",
                        v.reasons + ("'액'을 분류어 '금액'으로 봄",),
                    )
                )
            for filler in _FILLERS:
                if name.endswith(filler) and len(name) > len(filler) + 1:
                    more.append(
                        _Variant(
                            name[: -len(filler)],
                            v.prior * P_FILLER,
                            "variant",
                            v.reasons + (f"막연한 끝말 '{filler}' 제외",),
                        )
                    )
        core += more
        variants = list(core)
        if ch.qualifiers:
            # 'A(B)': B usually says which kind of A (접수(일자)), so A+B beats B, B beats A.
            variants = [
                _Variant(v.name, v.prior * P_ONLY_HEAD, v.tag, v.reasons + ("괄호 속 말 무시",))
                for v in core
            ]
            for q in ch.qualifiers:
                q_name, q_notes = self._rewrite_aliases(q)
                for v in core:
                    for name, how in ((q_name + v.name, "앞"), (v.name + q_name, "뒤")):
                        variants.append(
                            _Variant(
                                name,
                                v.prior * P_QUALIFIER,
                                "variant",
                                v.reasons + q_notes + (f"괄호 속 '{q}'를 머리글 {how}에 붙임",),
                            )
                        )
                head_unknown = any(k == "unknown" for _, _, k in self._pieces(alias_name))
                variants.append(
                    _Variant(
                        q_name,
                        base_prior * P_ONLY_QUALIFIER,
                        "variant",
                        q_notes + (f"괄호 속 '{q}'만 용어명으로 봄",),
                        weak=head_unknown,
                    )
                )

        raws: list[_Raw] = []
        seen: dict[str, float] = {}
        for v in variants:
            if not v.name or seen.get(v.name, -1) >= v.prior:
                continue
            seen[v.name] = v.prior
            found = self._term_rules(v)
            if v.weak:
                found = [dataclasses.replace(r, strong=False) for r in found]
            raws.extend(found)
        # Typo-tolerant look-ups only when the name explains nothing: they are the slowest
        # step, and a name made of standard words is a composition, not a typo.
        strong = any(r.strong and r.prior >= 0.7 for r in raws)
        if not strong:
            for v in variants[:3]:
                if not raws or any(k == "unknown" for _, _, k in self._pieces(v.name)):
                    raws.extend(self._fuzzy(v))

        # the name proposals are built from: aliases rewritten, qualifiers placed by rule
        name = korean_name or alias_name
        words = decompose(name, self.index) if name else None
        if ch.qualifiers:
            # 회원수(신규) -> 신규회원수 (a complete name gets its qualifier in front);
            # 접수(일자) -> 접수일자 (an incomplete one continues with it)
            q_name = self._rewrite_aliases(ch.qualifiers[0])[0]
            ends_in_class = bool(words) and words[-1].is_class_word
            name = q_name + name if ends_in_class else name + q_name
            words = decompose(name, self.index)
        pieces = self._pieces(name) if name else []
        if english_missing:
            pieces = [(m, None, "unknown") for m in english_missing]
        return _Analysis(raws, name, words, pieces)

    def _pieces(self, name: str) -> list[tuple[str, Word | None, str]]:
        """Split a name into words, 이음동의어/금칙어 and unknown runs, for rewriting and for
        naming the missing words.

        Like ``segment.cover`` it minimises unknown characters, but a one-syllable word or alias
        next to an unknown run is taken as part of that run (하수처리 is 하수 + 처리, not an unknown
        하 + the word 수), except a final class word (편수 → 편 + 수), and a one-syllable alias
        counts only for a class word (율 → 비율, not 전 → 이전).
        """
        n = len(name)
        longest = max(self.index.max_len, self.index.max_alias_len)
        inf = float("inf")
        # state: 0 start/other, 1 after an unknown run, 2 after a one-syllable known piece
        best: list[dict[int, tuple[float, list]]] = [{} for _ in range(n + 1)]
        best[0][0] = (0.0, [])

        def push(j: int, state: int, cost: float, pieces: list) -> None:
            old = best[j].get(state)
            if old is None or cost < old[0]:
                best[j][state] = (cost, pieces)

        for i in range(n):
            for state, (cost, pieces) in list(best[i].items()):
                # an unknown character (joins an unknown run)
                step = 1.0 + (0.01 if state != 1 else 0.0) + (_ADJ if state == 2 else 0.0)
                push(i + 1, 1, cost + step, [*pieces, (name[i], None, "unknown")])
                for j in range(i + 1, min(n, i + longest) + 1):
                    sub = name[i:j]
                    options: list[tuple[Word, str, float]] = []
                    w = self.index.by_name(sub)
                    if w is not None:
                        options.append((w, "word", 0.0))
                    alias = self.index.resolve_alias(sub)
                    if alias is not None and (len(sub) > 1 or alias[0].is_class_word):
                        # a registered alias beats the words it spans (사업자번호 is a 금칙어)
                        options.append((alias[0], alias[1], 0.0))
                    for word, kind, extra in options:
                        single = len(sub) == 1
                        final_class = j == n and word.is_class_word
                        step = 0.01 + extra
                        if single and not word.is_class_word:
                            step += 0.6
                        if single and state == 1 and not final_class:
                            step += _ADJ
                        new_state = 2 if single and not final_class else 0
                        push(j, new_state, cost + step, [*pieces, (sub, word, kind)])
        end = min(best[n].values(), key=lambda x: x[0], default=(inf, []))
        merged: list[tuple[str, Word | None, str]] = []
        for piece in end[1]:
            if piece[2] == "unknown" and merged and merged[-1][2] == "unknown":
                merged[-1] = (merged[-1][0] + piece[0], None, "unknown")
            else:
                merged.append(piece)
        return merged

    def _rewrite_aliases(self, name: str) -> tuple[str, tuple[str, ...]]:
        """Replace word 이음동의어 and 금칙어 by their standard words."""
        if not name:
            return name, ()
        pieces = self._pieces(name)
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

    def _from_english(self, tokens: tuple[str, ...]) -> tuple[str, list[str], tuple[str, ...]]:
        """English or abbreviated words -> standard word names (by 영문약어명, then 영문명)."""
        out: list[str] = []
        missing: list[str] = []
        notes: list[str] = []
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
                missing.append(tokens[i])
                i += 1
        if missing:
            return "", missing, ()
        return "".join(out), [], tuple(notes)

    def _term_rules(self, v: _Variant) -> list[_Raw]:
        out: list[_Raw] = []
        name = v.name
        term = self.terms.get(name)
        if term is not None:
            out.append(_Raw(term, v.prior, v.tag, True, v.reasons + ("용어명 일치",)))
        syn = self.term_synonyms.get(name)
        if syn is not None:
            tag = "synonym" if v.tag in ("exact", "synonym") else "variant"
            out.append(
                _Raw(
                    syn,
                    v.prior * P_TERM_SYNONYM,
                    tag,
                    True,
                    v.reasons + (f"용어 이음동의어 '{name}'",),
                )
            )
        words = decompose(name, self.index)
        last = words[-1] if words else None
        if last is not None and last.is_class_word and len(name) > len(last.name):
            stem = name[: -len(last.name)]
            for other in self._near_class_words(last):
                t = self.terms.get(stem + other.name)
                if t is not None:
                    out.append(
                        _Raw(
                            t,
                            v.prior * P_SWAP,
                            "variant",
                            True,
                            v.reasons + (f"분류어 '{last.name}'→'{other.name}'",),
                            needs_values=True,
                            rule="swap",
                        )
                    )
        out.extend(self._completions(v, last, is_term=term is not None or syn is not None))
        out.extend(self._synonym_completions(v))
        out.extend(self._suffix_terms(v))
        return out

    def _near_class_words(self, word: Word) -> list[Word]:
        """Class words a clerk confuses with ``word``: same domain group, same length and first
        syllable (시간/시각, 일자/일시, 연도/연월); the values decide between them."""
        group = self.class_group.get(word.domain_class)
        out = []
        for cls, members in self.class_words.items():
            if self.class_group.get(cls) != group:
                continue
            for other in members:
                if (
                    other is not word
                    and len(other.name) == len(word.name)
                    and other.name[0] == word.name[0]
                ):
                    out.append(other)
        return out

    def _completions(self, v: _Variant, last: Word | None, is_term: bool) -> list[_Raw]:
        """Terms that start with the name: a dropped or truncated class word.

        After a name that already is a term or ends in a class word (도로명), a longer term is
        only a weak alternative the values may prefer (an address term for address values).
        """
        name = v.name
        if len(name) < 2:
            return []
        out: list[_Raw] = []
        lo = bisect.bisect_right(self.sorted_names, name)
        hi = bisect.bisect_left(self.sorted_names, name + "\U0010ffff")
        complete = is_term or (last is not None and last.is_class_word)
        for full in self.sorted_names[lo:hi][:80]:
            ws = self.term_words.get(full)
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
                _Raw(
                    self.terms[full],
                    v.prior * prior,
                    "variant",
                    strong,
                    v.reasons + (why,),
                    needs_values=True,
                    rule=rule,
                )
            )
        return out

    def _synonym_completions(self, v: _Variant) -> list[_Raw]:
        """Registered 용어 이음동의어 made of the name plus a class word: the standard itself
        uses the name that way, even where the name's own word is only a synonym."""
        name = v.name
        if len(name) < 2:
            return []
        out: list[_Raw] = []
        lo = bisect.bisect_right(self.sorted_synonyms, name)
        hi = bisect.bisect_left(self.sorted_synonyms, name + "\U0010ffff")
        for syn in self.sorted_synonyms[lo:hi][:20]:
            rest = self.index.by_name(syn[len(name) :])
            if rest is not None and rest.is_class_word:
                t = self.term_synonyms[syn]
                out.append(
                    _Raw(
                        t,
                        v.prior * P_COMPLETE,
                        "variant",
                        True,
                        v.reasons
                        + (f"용어 이음동의어 '{syn}'에서 빠진 분류어 '{rest.name}' 보완",),
                        needs_values=True,
                        rule="complete",
                    )
                )
        return out

    def _suffix_terms(self, v: _Variant) -> list[_Raw]:
        """The longest term the name ends with (the words in front are not in the term)."""
        name = v.name
        for i in range(1, len(name) - 1):
            t = self.terms.get(name[i:])
            if t is not None and len(t.name) >= 2:
                return [
                    _Raw(
                        t,
                        v.prior * P_SUFFIX,
                        "variant",
                        False,
                        v.reasons + (f"앞의 '{name[:i]}'은(는) 용어에 없음",),
                        rule="suffix",
                    )
                ]
        return []

    def _fuzzy(self, v: _Variant) -> list[_Raw]:
        """Jamo-level similar term names (typos: 일짜 ~ 일자) and similar term stems plus a class
        word the values choose; imported here so a missing rapidfuzz only disables this step."""
        try:
            from rapidfuzz import fuzz, process
        except ImportError:  # pragma: no cover - rapidfuzz is a declared dependency
            return []

        out: list[_Raw] = []
        name = v.name
        if len(name) < 2:
            return out
        query = _jamo(name)
        cutoff = _FUZZY_CUTOFF * 100
        for _choice, _score, idx in process.extract(
            query, self._fuzzy_names, scorer=fuzz.ratio, limit=8, score_cutoff=cutoff
        ):
            t = self._fuzzy_terms[idx]
            matched = self._fuzzy_plain[idx]
            sim = (_score + fuzz.ratio(name, matched)) / 200
            if sim < _FUZZY_CUTOFF or t.name == name:
                continue
            # a typo keeps the syllable count; an inserted or dropped word does not
            typo = len(matched) == len(name) and _score >= _TYPO_SIM * 100
            out.append(
                _Raw(
                    t,
                    v.prior * P_FUZZY * sim * sim,
                    "variant",
                    False,
                    v.reasons + (f"비슷한 표기 '{matched}' (유사도 {sim:.2f})",),
                    rule="typo" if typo else "fuzzy",
                )
            )
        words = decompose(name, self.index)
        if not (words and words[-1].is_class_word):
            for _choice, _score, idx in process.extract(
                query, self._stem_jamo, scorer=fuzz.ratio, limit=4, score_cutoff=cutoff
            ):
                stem = self._stem_names[idx]
                sim = (_score + fuzz.ratio(name, stem)) / 200
                if sim < _FUZZY_CUTOFF or stem == name:
                    continue
                typo = len(stem) == len(name) and _score >= _TYPO_SIM * 100
                for t in self._stem_terms[idx][:12]:
                    out.append(
                        _Raw(
                            t,
                            v.prior * P_FUZZY * sim * sim * 0.9,
                            "variant",
                            False,
                            v.reasons
                            + (f"'{stem}'와 비슷한 표기 (유사도 {sim:.2f}), 분류어 보완",),
                            needs_values=True,
                            rule="stem_typo" if typo else "stem",
                        )
                    )
        return out

    def _add_semantic(
        self,
        vals: _Values,
        scored: dict[str, Candidate],
        best_raw: dict[str, _Raw],
        fits: dict[str, float],
        unit: tuple[str, str] | None,
    ) -> None:
        """Terms the values point to (addresses, region names …).

        A name candidate that already is such a term gets a small boost; the value-only terms are
        added only when no name candidate of the same domain class fits the values, because the
        header usually says more (a term naming the place of the address over the plain one).
        """
        sem = vals.semantic
        label = f"값이 {_SEMANTIC_LABEL[sem]} 형식"
        tokens, plain = _SEMANTIC_TERMS[sem]
        for name, cand in scored.items():
            if set(tokens) <= set(cand.abbr.split("_")):
                raw = best_raw[name]
                cap = 1.0 if raw.strong and not raw.needs_values else CONFIDENT - 0.01
                cand.score = round(max(cand.score, min(cand.score * 1.1, cap)), 4)
                cand.reasons.append(label)
        t = self.by_abbr.get(plain)
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
            raw = _Raw(t, P_VALUES, "variant", False, (label,), rule="values")
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
        raw: _Raw,
        vals: _Values | None,
        notes: tuple[str, ...] = (),
        unit: tuple[str, str] | None = None,
    ) -> tuple[Candidate, float]:
        t = raw.term
        fit, why = self._fit(self.domains.get(t.domain), vals, unit)
        score = raw.prior * (0.5 + 0.5 * fit)
        if raw.needs_values:
            ws = self.term_words.get(t.name)
            if ws:
                score *= self.class_prior.get(ws[-1].name, 0.97)
            if vals is None:
                score *= 0.9
        reasons = [*notes, *raw.reasons]
        if id(t) in self.institution_terms:
            reasons.append("기관 표준용어")
        if why:
            reasons.append(why)
        return self._candidate(t, min(score, 1.0), reasons), fit

    def _fit(
        self, dom: Domain | None, v: _Values | None, unit: tuple[str, str] | None = None
    ) -> tuple[float, str]:
        """The value fit, then the header's unit: 면적(㎡) is an area, 금액(천원) money."""
        fit, why = self._value_fit(dom, v)
        if unit is not None and dom is not None:
            text, kind = unit
            group, classes = _UNIT_DOMAINS[kind]
            if dom.group == group or dom.domain_class in classes:
                why = f"{why}, 단위 '{text}' 일치" if why else f"단위 '{text}' 일치"
            else:
                fit *= 0.6
                why = f"{why}, 단위 '{text}'와 맞지 않음" if why else f"단위 '{text}'와 맞지 않음"
        return fit, why

    def _value_fit(self, dom: Domain | None, v: _Values | None) -> tuple[float, str]:
        """How well the values fit a domain, in [0, 1], with a short Korean reason."""
        if v is None:
            return 1.0, "값 없음: 머리글로만 판단"
        if dom is None:
            return 0.7, ""
        cls = dom.domain_class
        s = v.share
        text = s.get("text", 0.0)
        num = s.get("integer", 0.0) + s.get("decimal", 0.0)
        code = s.get("code", 0.0)
        length = int(dom.length) if dom.length.isdigit() else 0
        scale = int(dom.scale) if dom.scale.isdigit() else 0
        name = dom.name
        if cls in _DATE_CLASSES:
            if cls == "연월일":
                fit = s.get("date", 0) + 0.75 * s.get("datetime", 0)
                what = "날짜"
            elif cls in ("연월일시분초", "연월일시분"):
                fit = s.get("datetime", 0) + 0.75 * s.get("date", 0)
                what = "일시"
            elif cls == "연월":
                fit = max(v.year_months, 0.5 * s.get("date", 0))
                what = "연월"
            elif cls == "연도":
                fit = v.years
                what = "연도"
            elif cls == "월":
                fit = v.months
                what = "월"
            else:
                fit = s.get("time", 0)
                what = "시각"
            fmt = f"({v.date_format})" if v.date_format else ""
            if fit >= 0.9:
                return fit, f"값이 {what}{fmt}: {name}에 맞음"
            return fit, f"값이 {what} 형식이 아님: {name}와 맞지 않음"
        if cls in ("여부", "유무"):
            flag = s.get("flag", 0) + 0.7 * (num if v.int_digits <= 1 else 0)
            if flag >= 0.9:
                return min(flag, 1.0), f"값이 Y/N: {name}에 맞음"
            return flag, f"값이 Y/N이 아님: {name}와 맞지 않음"
        if dom.data_type == "NUMERIC":
            fit = num + 0.5 * code
            notes = []
            if fit < 0.9:
                return fit, f"값이 숫자가 아님: {name}와 맞지 않음"
            if v.decimals > scale:
                fit *= 0.6 if scale == 0 else 0.8
                notes.append(f"소수 {v.decimals}자리 > {name}")
            if v.int_digits > length - scale:
                fit *= 0.6
                notes.append(f"정수 {v.int_digits}자리 > {name}")
            if v.semantic in ("sido", "sgg"):
                fit *= 0.5
            return fit, ", ".join(notes) or f"값이 숫자: {name}에 맞음"
        # CHAR / VARCHAR
        if cls == "명":
            fit = text + 0.5 * code + 0.2 * (num + s.get("flag", 0))
            if v.semantic in ("road_addr", "lot_addr", "addr", "url", "email"):
                fit *= 0.3
        elif cls in ("주소", "상세주소"):
            fit = text
            if v.semantic in ("road_addr", "lot_addr", "addr", "url", "email"):
                # a 상세주소 is only the part after the road/lot number (동·층·호)
                fit = 1.0 if cls == "주소" else 0.4
            elif v.semantic in ("sido", "sgg"):
                fit *= 0.7
            else:
                fit *= 0.85
        elif cls == "내용":
            fit = text + 0.2 * (1 - text)
            if v.semantic:
                fit *= 0.6
            elif v.max_bytes < 20:
                fit *= 0.85
        elif cls in _PHONE_CLASSES:
            phone = v.semantic in ("phone", "mobile")
            fit = 1.0 if phone else 0.5 * (text + code + num)
        elif cls in ("코드", "번호", "일련번호", "우편번호", "구우편번호") or "번호" in cls:
            fit = code + num * (1.0 if s.get("decimal", 0) == 0 else 0.6) + 0.75 * text
            if v.semantic:
                fit *= 0.6
        else:
            fit = text + 0.7 * (code + num)
        fit = min(fit, 1.0)
        shown = self._display_match(dom, v)
        if shown:
            return max(fit, 0.95), f"값이 {name}의 표현 형식({shown})"
        if length and v.max_bytes > length:
            return fit * 0.6, f"최대 {v.max_bytes}바이트 > {name}"
        if dom.data_type == "CHAR" and length and 0 < v.max_bytes < length and cls == "코드":
            fit *= 0.9
        if fit >= 0.9:
            return fit, f"값 형식이 {name}에 맞음"
        return fit, f"값 형식이 {name}와 잘 맞지 않음"

    def _display_match(self, dom: Domain, v: _Values) -> str | None:
        """The 표현 형식 most values are written in (123-45-67890 for 사업자등록번호C10), so their
        length is that of the display, not of the stored form."""
        patterns = self._display_patterns.get(dom.name)
        if patterns is None:
            patterns = []
            for form in re.split(r"\s*\bor\b\s*|\n", dom.display_format or ""):
                form = form.strip()
                if len(form) >= 3 and re.search(r"[^9A가]", form):
                    regex = "".join(_DISPLAY_CHARS.get(ch, re.escape(ch)) for ch in form)
                    regex = regex.replace(r"\(", "(?:").replace(r"\)", ")?")
                    patterns.append((form, re.compile(regex)))
            self._display_patterns[dom.name] = patterns
        if not patterns or not v.texts:
            return None
        texts = [t.replace("*", "0") for t in v.texts]
        for form, rx in patterns:
            if sum(1 for t in texts if rx.fullmatch(t)) >= 0.8 * len(texts):
                return form
        return None

    # -- kind and proposal ---------------------------------------------------------------
    def _kind(
        self,
        a: _Analysis,
        ranked: list[Candidate],
        raws: dict[str, _Raw],
        fits: dict[str, float],
        vals: _Values | None,
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
        if words and words[-1].is_class_word:
            return "composable", self._proposal(words, vals)
        if best is not None and raw is not None and best.score >= 0.45:
            single = len(a.pieces) <= 1
            if raw.rule in ("typo", "cut", "stem_typo") or (raw.rule == "values" and single):
                return "variant", None
            if raw.strong and raw.needs_values and fits.get(best.term, 0) >= 0.7:
                return "variant", None
        return "nonstandard", self._nonstandard_proposal(a, vals, unit)

    def _size(self, word: Word, vals: _Values | None) -> int | None:
        """What ``propose_domain`` sizes by: bytes for text classes, digits for NUMERIC ones."""
        if vals is None or vals.n == 0:
            return None
        numeric = any(
            d.data_type == "NUMERIC"
            for d in self.domains.values()
            if d.domain_class == word.domain_class
        )
        if numeric:
            return vals.int_digits + vals.decimals if vals.main in ("integer", "decimal") else None
        return vals.max_bytes or None

    def _proposal(self, words: list[Word], vals: _Values | None) -> dict:
        last = words[-1]
        domain = propose_domain(last, self.index, self.domains, self._size(last, vals))
        return {
            "words": [w.name for w in words],
            "abbr": "_".join(w.abbr for w in words),
            "domain": domain,
            "name": "".join(w.name for w in words),
        }

    def _nonstandard_proposal(
        self, a: _Analysis, vals: _Values | None, unit: tuple[str, str] | None
    ) -> dict | None:
        """The missing words, or (all words standard, no class word) the class word the values
        or the unit call for."""
        unknown = [t for t, w, k in a.pieces if k == "unknown"]
        if unknown:
            names = [w.name if w is not None else t for t, w, k in a.pieces]
            last = a.pieces[-1][1] if a.pieces else None
            domain = None
            if last is not None and last.is_class_word:
                domain = propose_domain(last, self.index, self.domains, self._size(last, vals))
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
        return proposal

    def _class_word_for(self, vals: _Values | None, unit: tuple[str, str] | None) -> str | None:
        if unit is not None and unit[1] in _UNIT_CLASS_WORD:
            return _UNIT_CLASS_WORD[unit[1]]
        if vals is None or vals.n == 0:
            return None
        if vals.semantic in ("road_addr", "lot_addr", "addr", "url"):
            return "주소"
        if vals.main == "integer" and vals.years >= 0.9:
            return "연도"
        if vals.main == "text" and vals.max_bytes > 100:
            return "내용"
        return _CLASS_FOR_KIND.get(vals.main)


# -- values -----------------------------------------------------------------------------------


def _english_key(text: str) -> str:
    """'Air Temperature ' -> 'AIR TEMPERATURE', the form header tokens are compared in."""
    return " ".join(re.split(r"[^A-Za-z0-9]+", text.upper())).strip()


def _profile_of(header: str, values: Sequence[str]) -> ColumnProfile:
    """The scanner's own profile of the sample values, so ranking sees what the catalog sees."""
    from catalog_app.scan.profile import ColumnAccumulator

    acc = ColumnAccumulator(0, header)
    acc.update(tuple(values))
    return acc.finish()


def _summarise(profile: ColumnProfile | None) -> _Values | None:
    """The ranking's view of a ColumnProfile (None when there are no values)."""
    if profile is None:
        return None
    counts = profile.type_counts or {}
    n = sum(counts.values())
    if n == 0 or profile.inferred_type == _EMPTY:
        return None
    share = {k: c / n for k, c in counts.items()}
    texts = [str(v) for v, _ in (profile.top_values or [])] or [str(s) for s in profile.samples]
    texts = [t for t in texts if t and not is_total_word(t)]
    int_digits = max(_digits(profile.min_value), _digits(profile.max_value))
    if profile.inferred_type not in ("integer", "decimal"):
        int_digits = 0
    years = months = year_months = 0.0
    if texts:
        years = sum(1 for t in texts if _YEAR_TEXT.match(t.replace(",", ""))) / len(texts)
        months = sum(1 for t in texts if t.isdigit() and 1 <= int(t) <= 12) / len(texts)
        year_months = sum(1 for t in texts if _YM.match(t)) / len(texts)
    return _Values(
        n=n,
        main=profile.inferred_type,
        share=share,
        max_bytes=profile.max_len_bytes,
        decimals=profile.decimal_places,
        int_digits=int_digits,
        date_format=profile.date_format,
        texts=texts,
        semantic=_pii_semantic(profile)
        or (_semantic_type(texts) if share.get("text", 0) >= 0.5 else None),
        years=years,
        months=months,
        year_months=year_months,
    )


def _pii_semantic(profile) -> str | None:
    """Personal data the profiler recognised in the values themselves (not from the header)."""
    pii = getattr(profile, "pii", None)
    if pii is None or "values" not in pii.source or pii.kind not in _SEMANTIC_TERMS:
        return None
    return pii.kind


def _semantic_type(texts: list[str]) -> str | None:
    """What text values clearly are: region names, addresses, URLs, phone numbers."""
    vals = [t.strip() for t in texts if t.strip()]
    if not vals:
        return None
    n = len(vals)

    def share(pred) -> float:
        return sum(1 for t in vals if pred(t)) / n

    if share(lambda t: t in SIDO_NAMES) >= 0.8:
        return "sido"
    if share(lambda t: _SGG.match(t) is not None and t not in SIDO_NAMES) >= 0.8:
        return "sgg"
    if share(lambda t: _URL.match(t) is not None) >= 0.8:
        return "url"
    if share(lambda t: _PHONE.match(t) is not None) >= 0.8:
        return "phone"
    if share(lambda t: _EMAIL.match(t) is not None) >= 0.8:
        return "email"
    if share(lambda t: _ADDR_START.match(t) is not None and _HAS_DIGIT.search(t)) >= 0.8:
        road = share(lambda t: _ROAD.search(t) is not None)
        lot = share(lambda t: _LOT.search(t) is not None and _ROAD.search(t) is None)
        if road >= 0.8:
            return "road_addr"
        if lot >= 0.8:
            return "lot_addr"
        return "addr"
    return None
