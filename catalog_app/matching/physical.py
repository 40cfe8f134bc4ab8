"""Physical (DB) column names that are not the standard's abbreviations.

Files exported from databases carry names such as ``LNGT``, ``INSTT_NM``, ``MLTNO_YN`` or
``mdlc_instt_nm``: words abbreviated by another scheme than the 공통표준's 영문약어명 (LOT, INST,
MDLCR).  ``guess_word`` reads one such piece as a standard word, in this order:

1. two standard abbreviations written together (``MLTNO`` = MLT + NO → 다중 + 번호);
2. one letter away from a standard abbreviation (``INSTT`` ~ INST → 기관), three letters or more,
   an added letter counting more than a changed one;
3. the consonant outline of a word's English name (``LNGT`` in LoNGiTude → 경도, ``ADRS`` in
   ADdReSs → 주소): same first letter, the piece a subsequence of the name, covering at least
   40 % of it.

When 2 and 3 both find candidates, one found by both wins, then the fuller outline.  Every guess
is said in the reasons ("영문 'LNGT'→'경도' (추정)") and keeps the suggestion under the
confident score; a piece nothing explains stays a missing word.

Split from ``lexicon`` because it is a heuristic of its own over the word abbreviations and
English names, built lazily the first time a header needs it.
"""

from __future__ import annotations

import re

from catalog_app.dictionary.model import Word

__all__ = ["AbbreviationGuesser"]

_MIN_GUESS = 3  # shorter pieces (LA, DE, RN) match far too much by letters alone
_MIN_COVER = 0.4


class AbbreviationGuesser:
    """Near-abbreviation look-ups over the active words (one per Lexicon)."""

    def __init__(self, words: list[Word], by_abbr) -> None:
        self._words = [w for w in words if w.abbr]
        self._by_abbr = by_abbr  # abbreviation -> Word | None (WordIndex.by_abbr)
        self._english: list[tuple[str, Word]] | None = None
        self._cache: dict[str, tuple[tuple[Word, ...], str] | None] = {}

    def guess_word(self, piece: str) -> tuple[tuple[Word, ...], str] | None:
        """(words, how) for an upper-case Latin piece no standard abbreviation names exactly;
        ``how`` is 'glued' or 'near'.  None when nothing explains it."""
        if piece in self._cache:
            return self._cache[piece]
        found = self._glued(piece) or self._near(piece)
        self._cache[piece] = found
        return found

    def _glued(self, piece: str) -> tuple[tuple[Word, ...], str] | None:
        for cut in range(len(piece) - 2, 1, -1):
            head, tail = piece[:cut], piece[cut:]
            if max(len(head), len(tail)) < _MIN_GUESS:
                continue  # two 2-letter abbreviations (MD + LC) fit almost any 4 letters
            a, b = self._by_abbr(head), self._by_abbr(tail)
            if a is not None and b is not None:
                return (a, b), "glued"
        return None

    def _near(self, piece: str) -> tuple[tuple[Word, ...], str] | None:
        """Votes: an abbreviation of four letters or more plus one letter (INSTT ~ INST) 2, one
        letter added, changed or dropped 1, an English outline 1; ties go to the fuller outline,
        then the shorter word."""
        if len(piece) < _MIN_GUESS or not piece.isalpha():
            return None
        from rapidfuzz.distance import Levenshtein

        scored: dict[int, list] = {}
        for w in self._words:
            abbr = w.abbr
            if len(abbr) < _MIN_GUESS or abs(len(abbr) - len(piece)) > 1:
                continue
            if Levenshtein.distance(piece, abbr, score_cutoff=1) <= 1:
                extra = len(abbr) >= 4 and len(piece) == len(abbr) + 1 and _subsequence(abbr, piece)
                scored.setdefault(id(w), [w, 0, 0.0])[1] += 2 if extra else 1
        for english, w in self._english_names():
            if (
                english[0] == piece[0]
                and len(piece) >= _MIN_COVER * len(english)
                and _subsequence(piece, english)
            ):
                entry = scored.setdefault(id(w), [w, 0, 0.0])
                entry[1] += 1
                entry[2] = max(entry[2], len(piece) / len(english))
        if not scored:
            return None
        w, _, _ = max(scored.values(), key=lambda e: (e[1], e[2], -len(e[0].name)))
        return (w,), "near"

    def _english_names(self) -> list[tuple[str, Word]]:
        """Each word's English name as one upper-case run (Longitude → LONGITUDE; a name of
        several words by its first: Medical Care → MEDICAL)."""
        if self._english is None:
            out = []
            for w in self._words:
                first = re.split(r"[^A-Za-z]+", (w.english or "").strip())
                if first and first[0]:
                    out.append((first[0].upper(), w))
            self._english = out
        return self._english


def _subsequence(piece: str, text: str) -> bool:
    it = iter(text)
    return all(ch in it for ch in piece)
