"""Split a Korean term name (공통표준용어명) into registered words (공통표준단어).

A term name is the plain concatenation of its words and its 영문약어명 is the ``_``-join of the
words' abbreviations (a term's 영문약어명 is its words' abbreviations joined by '_'), so the abbreviation of a new term, its class word
(형식단어) and hence its domain all follow from the split.  About 5 % of the 7차 terms can be split
in more than one way (감사인원수 = 감사+인원수 or 감사인+원+수 …), so the split is chosen by
preference rules, compared in this order (first difference decides):

1. the last word is a class word (every standard term ends in one);
2. every adjacent word pair already occurs in a registered term (split the way the existing
   standard terms split; only when the index was given terms);
3. fewer single-syllable words that are not class words (층, 일, 리 … are rarely meant alone);
4. fewer words (longer, established words over fragments);
5. words used more often in the registered terms (smoothed unigram usage; only with terms);
6. a longer (more specific) final class word (가산+점수 over 가산점+수);
7. longer words first (left-to-right longest match, so the result is deterministic).

Rules 2 and 5 use statistics gathered from the terms given to the index; without terms the
structural rules 1, 3, 4, 6 and 7 decide on their own.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from .model import Domain, Term, Word

__all__ = ["WordIndex", "cover", "decompose", "segmentations", "word_key", "word_pieces"]

# Raw segmentations enumerated before sorting; guards against pathological names only.
_ENUMERATION_CAP = 5000
_LOG_SCALE = 1_000_000  # log-probabilities are compared as integers so ties are exact


class WordIndex:
    """Lookup tables over the active words, built once per dictionary (official + institution)."""

    def __init__(
        self,
        words: Iterable[Word],
        domains: Iterable[Domain] = (),
        terms: Iterable[Term] = (),
    ) -> None:
        self.words: list[Word] = [w for w in words if not w.retired]
        self.domains: dict[str, Domain] = {d.name: d for d in domains if not d.retired}
        self._by_name: dict[str, list[Word]] = defaultdict(list)
        self._by_abbr: dict[str, list[Word]] = defaultdict(list)
        self._alias: dict[str, tuple[Word, str]] = {}
        for w in self.words:
            self._by_name[w.name].append(w)
            self._by_abbr[w.abbr].append(w)
        for w in self.words:  # 금칙어 first: if a name is both, the stronger finding wins
            for kind, names in (("forbidden", w.forbidden), ("synonym", w.synonyms)):
                for alias in names:
                    if alias and alias not in self._by_name:
                        self._alias.setdefault(alias, (w, kind))
        self.max_len = max((len(n) for n in self._by_name), default=0)
        self.max_alias_len = max((len(n) for n in self._alias), default=0)
        # Every proper prefix of a word or alias name: a scan over a header stops extending a
        # substring as soon as no registered name starts with it (most stop after a syllable
        # or two), instead of trying every length up to the longest word.
        self._word_prefixes = {n[:k] for n in self._by_name for k in range(1, len(n))}
        # the characters words are written with: a name with any other (an unknown syllable,
        # a typo) has no cover, which ``decompose`` then says without scanning it
        self._word_chars = frozenset("".join(self._by_name))
        self._longest = max(self.max_len, self.max_alias_len)
        self._prefixes = self._word_prefixes | {
            n[:k] for n in self._alias for k in range(1, len(n))
        }

        # Usage statistics from the registered terms, decomposed through their abbreviations.
        self.usage: Counter[int] = Counter()  # id(word) -> number of terms using it
        self.pairs: set[tuple[int, int]] = set()  # (id(word), id(next word)) seen in a term
        self.class_word_domains: dict[int, Counter[str]] = defaultdict(Counter)
        self.class_domains: dict[str, Counter[str]] = defaultdict(Counter)
        self.term_count = 0
        for t in terms:
            if t.retired:
                continue
            ws = self._words_for_abbr(t.name, t.abbr)
            if ws is None:
                continue
            self.term_count += 1
            for w in ws:
                self.usage[id(w)] += 1
            self.pairs.update((id(a), id(b)) for a, b in zip(ws, ws[1:], strict=False))
            if t.domain:
                self.class_word_domains[id(ws[-1])][t.domain] += 1
                d = self.domains.get(t.domain)
                if d is not None:
                    self.class_domains[d.domain_class][t.domain] += 1
        total = sum(self.usage.values())
        vocab = max(len(self.words), 1)
        self._cost: dict[int, int] = {}
        for w in self.words:
            p = (self.usage[id(w)] + 0.5) / (total + 0.5 * vocab)
            self._cost[id(w)] = round(-math.log(p) * _LOG_SCALE)

    # -- lookups ---------------------------------------------------------------------------
    def by_name(self, name: str) -> Word | None:
        found = self._by_name.get(name)
        return found[0] if found else None

    def all_by_name(self, name: str) -> list[Word]:
        """Every active word with this name (more than one means 동음이의어)."""
        return list(self._by_name.get(name, ()))

    def by_abbr(self, abbr: str) -> Word | None:
        found = self._by_abbr.get(abbr)
        return found[0] if found else None

    def all_by_abbr(self, abbr: str) -> list[Word]:
        """Every active word with this abbreviation (more than one is an N5 error)."""
        return list(self._by_abbr.get(abbr, ()))

    def resolve_alias(self, name: str) -> tuple[Word, str] | None:
        """Synonym (이음동의어) or forbidden word (금칙어) -> (standard word, kind)."""
        return self._alias.get(name)

    def _words_for_abbr(self, name: str, abbr: str) -> list[Word] | None:
        """The words an abbreviation names, if their names concatenate to ``name``."""
        if not abbr:
            return None
        ws = []
        for tok in abbr.split("_"):
            w = self.by_abbr(tok)
            if w is None:
                return None
            ws.append(w)
        return ws if "".join(w.name for w in ws) == name else None

    def _step_cost(self, prev: Word | None, w: Word) -> tuple[int, int, int, int]:
        """Additive part of the preference key for appending ``w`` after ``prev``."""
        unattested = 0
        if prev is not None and self.pairs and (id(prev), id(w)) not in self.pairs:
            unattested = 1
        single = 1 if len(w.name) == 1 and not w.is_class_word else 0
        return (unattested, single, 1, self._cost[id(w)])

    def _matches(self, name: str) -> list[list[tuple[int, Word]]]:
        """For each start position, the (end, word) pairs of words found there."""
        n = len(name)
        out: list[list[tuple[int, Word]]] = [[] for _ in range(n)]
        by_name = self._by_name
        prefixes = self._word_prefixes
        for i in range(n):
            for j in range(i + 1, min(n, i + self.max_len) + 1):
                sub = name[i:j]
                for w in by_name.get(sub, ()):
                    out[i].append((j, w))
                if sub not in prefixes:
                    break
        return out

    def known_pieces(self, name: str, i: int) -> list[tuple[int, str, Word | None, tuple | None]]:
        """(end, text, word-or-None, alias-or-None) for every registered word or alias that
        starts at ``name[i]``, shortest first (the scan stops where no name continues)."""
        out = []
        by_name = self._by_name
        alias_of = self._alias.get
        prefixes = self._prefixes
        for j in range(i + 1, min(len(name), i + self._longest) + 1):
            sub = name[i:j]
            found = by_name.get(sub)
            alias = alias_of(sub)
            if found or alias is not None:
                out.append((j, sub, found[0] if found else None, alias))
            if sub not in prefixes:
                break
        return out


def word_key(seg: list[Word], index: WordIndex) -> tuple:
    """The full preference key of a segmentation (smaller is better); see the module docstring."""
    cost = [0, 0, 0, 0]
    prev = None
    for w in seg:
        for k, v in enumerate(index._step_cost(prev, w)):
            cost[k] += v
        prev = w
    last = seg[-1]
    return (not last.is_class_word, *cost, -len(last.name), tuple(-len(w.name) for w in seg))


def segmentations(name: str, index: WordIndex, limit: int = 50) -> list[list[Word]]:
    """All exact covers of ``name`` by active words, best first (at most ``limit``)."""
    n = len(name)
    if n == 0:
        return []
    matches = index._matches(name)
    reach = [False] * (n + 1)  # reach[i]: name[i:] can be covered
    reach[n] = True
    for i in range(n - 1, -1, -1):
        reach[i] = any(reach[j] for j, _ in matches[i])
    if not reach[0]:
        return []
    found: list[list[Word]] = []
    stack: list[Word] = []

    def walk(i: int) -> None:
        if len(found) >= _ENUMERATION_CAP:
            return
        if i == n:
            found.append(list(stack))
            return
        for j, w in matches[i]:
            if reach[j]:
                stack.append(w)
                walk(j)
                stack.pop()

    walk(0)
    found.sort(key=lambda seg: word_key(seg, index))
    return found[:limit]


def decompose(name: str, index: WordIndex, abbr: str | None = None) -> list[Word] | None:
    """The best split of ``name`` into active words, or None when no exact cover exists.

    With ``abbr`` the split that reproduces it wins (the abbreviation is a perfect key for
    registered terms); otherwise the preference rules decide, by an exact dynamic programme over
    (end position, last word) so long names cost no more than short ones.
    """
    if abbr:
        ws = index._words_for_abbr(name, abbr)
        if ws is not None:
            return ws
    n = len(name)
    if n == 0 or not index._word_chars.issuperset(name):
        return None
    matches = index._matches(name)
    # no exact cover at all (an unknown syllable): say so before any scoring
    reach = [False] * (n + 1)
    reach[n] = True
    for i in range(n - 1, -1, -1):
        for j, _ in matches[i]:
            if reach[j]:
                reach[i] = True
                break
    if not reach[0]:
        return None
    # best[j][id(w)] = (cost, length tie-break, path) of the best cover of name[:j] ending in w
    best: list[dict[int, tuple[tuple[int, ...], tuple[int, ...], list[Word]]]] = [
        {} for _ in range(n + 1)
    ]
    for j, w in matches[0]:
        if reach[j]:
            _relax(best[j], w, index._step_cost(None, w), (-len(w.name),), [w])
    # ``_step_cost`` and ``_relax`` written out: this loop runs for every new header name
    pairs = index.pairs
    costs = index._cost
    for i in range(1, n):
        if not best[i]:
            continue
        steps = [
            (j, w, id(w), 1 if len(w.name) == 1 and not w.is_class_word else 0, -len(w.name))
            for j, w in matches[i]
            if reach[j]
        ]
        if not steps:
            continue
        for (c0, c1, c2, c3), tie, path in best[i].values():  # j > i: best[i] stays as it is
            prev = id(path[-1])
            for j, w, wid, single, neg_len in steps:
                unattested = 1 if pairs and (prev, wid) not in pairs else 0
                cost = (c0 + unattested, c1 + single, c2 + 1, c3 + costs[wid])
                new_tie = (*tie, neg_len)
                cell = best[j]
                old = cell.get(wid)
                if old is None or (cost, new_tie) < (old[0], old[1]):
                    cell[wid] = (cost, new_tie, [*path, w])
    if not best[n]:
        return None
    _, _, _, path = min(
        ((not p[-1].is_class_word, c, -len(p[-1].name), t), i, t, p)
        for i, (c, t, p) in enumerate(best[n].values())
    )
    return path


def _relax(cell: dict, w: Word, cost: tuple, tie: tuple, path: list[Word]) -> None:
    old = cell.get(id(w))
    if old is None or (cost, tie) < (old[0], old[1]):
        cell[id(w)] = (cost, tie, path)


def cover(name: str, index: WordIndex) -> list[tuple[str, Word | None, str]]:
    """Split ``name`` into pieces even when it is not fully registered, for error messages.

    Each piece is ``(text, word, kind)`` with kind 'word', 'synonym', 'forbidden' (word is the
    standard word to use instead) or 'unknown' (word is None).  Minimises unknown characters, then
    synonyms/금칙어, then pieces; adjacent unknown characters are merged into one piece.
    """
    n = len(name)
    inf = (n + 1, n + 1, n + 1)
    best: list[tuple[tuple[int, int, int], list[tuple[str, Word | None, str]]]] = [
        (inf, []) for _ in range(n + 1)
    ]
    best[0] = ((0, 0, 0), [])
    for i in range(n):
        cost, pieces = best[i]
        if cost == inf:
            continue
        options: list[tuple[int, tuple[int, int, int], tuple[str, Word | None, str]]] = [
            (i + 1, (1, 0, 1), (name[i], None, "unknown"))
        ]
        for j, sub, w, alias in index.known_pieces(name, i):
            if w is not None:
                options.append((j, (0, 0, 1), (sub, w, "word")))
            if alias is not None:
                options.append((j, (0, 1, 1), (sub, alias[0], alias[1])))
        for j, step, piece in options:
            new = (cost[0] + step[0], cost[1] + step[1], cost[2] + step[2])
            if new < best[j][0]:
                best[j] = (new, [*pieces, piece])
    merged: list[tuple[str, Word | None, str]] = []
    for piece in best[n][1]:
        if piece[2] == "unknown" and merged and merged[-1][2] == "unknown":
            merged[-1] = (merged[-1][0] + piece[0], None, "unknown")
        else:
            merged.append(piece)
    return merged


_ADJ = 1.2  # one-syllable piece next to an unknown run: probably part of that run
_HANGUL = range(0xAC00, 0xD7A4)


def word_pieces(name: str, index: WordIndex) -> list[tuple[str, Word | None, str]]:
    """Split a header name into words, 이음동의어/금칙어 and unknown *words*, for the words a
    proposal is missing and the non-standard words a check reports.

    Like ``cover`` it minimises unknown characters, but a manager reads whole words, not
    fragments: a one-syllable word or alias next to an unknown run is taken as part of that run
    (하수처리 is 하수 + 처리, not an unknown 하 + the word 수) except a final class word (편수 →
    편 + 수); a one-syllable alias counts only for a class word (율 → 비율, but 전 is not 이전);
    and a one-syllable unknown piece left between words joins a neighbour (``_whole_words``:
    비시가인구 → 비시가 + 인구, 도착전사망 → 도착전 + 사망, 주차권요금 → 주차권 + 요금).
    """
    n = len(name)
    # best[j][state] = (cost, previous position, previous state, piece); state 0 start/other,
    # 1 after an unknown run, 2 after a one-syllable known piece
    best: list[dict[int, tuple[float, int, int, tuple | None]]] = [{} for _ in range(n + 1)]
    best[0][0] = (0.0, -1, -1, None)
    for i in range(n):
        states = best[i]
        if not states:
            continue
        # the pieces that start here, with what they cost whatever came before
        options = []
        for j, sub, w, alias in index.known_pieces(name, i):
            single = len(sub) == 1
            found = [(w, "word")] if w is not None else []
            if alias is not None and (not single or alias[0].is_class_word):
                found.append(alias)  # a 금칙어 beats the words it spans (사업자번호)
            for word, kind in found:
                final_class = j == n and word.is_class_word
                # a synonym does not beat the words it spans (the dictionary lists
                # 우편번호일련번호 as a synonym of 우편번호, yet it is a term)
                step = 0.025 if kind == "synonym" else 0.01
                if single and not word.is_class_word:
                    step += 0.6
                joins = single and not final_class  # a lone syllable: maybe part of a run
                options.append((j, step, joins, 2 if joins else 0, (sub, word, kind)))
        unknown = (name[i], None, "unknown")
        for state, entry in list(states.items()):
            cost = entry[0]
            c = cost + 1.0 + (0.01 if state != 1 else 0.0) + (_ADJ if state == 2 else 0.0)
            cell = best[i + 1]
            old = cell.get(1)
            if old is None or c < old[0]:
                cell[1] = (c, i, state, unknown)
            for j, step, joins, new_state, piece in options:
                c = cost + step + (_ADJ if joins and state == 1 else 0.0)
                cell = best[j]
                old = cell.get(new_state)
                if old is None or c < old[0]:
                    cell[new_state] = (c, i, state, piece)
    if not best[n]:
        return []
    state = min(best[n], key=lambda k: best[n][k][0])
    path: list[tuple[str, Word | None, str]] = []
    j = n
    while j > 0:
        _, i, prev_state, piece = best[j][state]
        path.append(piece)
        j, state = i, prev_state
    path.reverse()
    return _whole_words(_merge_unknown(path), index)


def _merge_unknown(pieces: list[tuple[str, Word | None, str]]) -> list:
    merged: list[tuple[str, Word | None, str]] = []
    for piece in pieces:
        if piece[2] == "unknown" and merged and merged[-1][2] == "unknown":
            merged[-1] = (merged[-1][0] + piece[0], None, "unknown")
        else:
            merged.append(piece)
    return merged


def _whole_words(pieces: list[tuple[str, Word | None, str]], index: WordIndex) -> list:
    """A lone unknown syllable is a fragment of a word: it joins the next piece at the start of
    the name (비+시가 → 비시가) or before a one-syllable word, else the previous piece (suffixes:
    도착+전, 주차+권, 지수+식); the joined piece is unknown.  A final class word is never
    swallowed: before it the syllable is a word of its own (권+수: 권, 편+수: 편), and a final
    piece that the join made unknown gives back the class word it ends with (업+소명 → 업소 +
    명)."""
    out = list(pieces)
    k = 0
    while k < len(out) and len(out) > 1:
        text, _, kind = out[k]
        if not (kind == "unknown" and len(text) == 1 and ord(text) in _HANGUL):
            k += 1
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        final_class = (
            nxt is not None and k + 2 == len(out) and nxt[1] is not None and nxt[1].is_class_word
        )
        if nxt is not None and (k == 0 or len(nxt[0]) == 1):
            if final_class:
                k += 1
                continue
            joined = text + nxt[0]
            out[k : k + 2] = [(joined, None, "unknown")]
            if k + 1 == len(out):
                out[k:] = _final_class_word(joined, index)
        else:
            out[k - 1 : k + 1] = [(out[k - 1][0] + text, None, "unknown")]
        out = _merge_unknown(out)
        k = 0
    return out


def _final_class_word(text: str, index: WordIndex) -> list[tuple[str, Word | None, str]]:
    """An unknown piece at the end of a name split before the class word it ends with, when
    what is left is a word-sized unknown (two syllables or more)."""
    for cut in range(2, len(text)):
        w = index.by_name(text[cut:])
        if w is not None and w.is_class_word:
            return [(text[:cut], None, "unknown"), (text[cut:], w, "word")]
    return [(text, None, "unknown")]
