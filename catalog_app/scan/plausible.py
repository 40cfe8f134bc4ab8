"""Is decoded text plausible, or did a reader garble it?

A reader can return text that is not what the file says without any error: python-calamine reads
some BIFF8 .xls files written by non-Excel tools (declared codepage 1252, strings stored as
UTF-16) byte by byte, so '도서관명' comes back as 'Ä³\\x1cÁ\\x00\\xad…º'; a CP949 file decoded as
Latin-1 gives 'µµ¼­°üží'. Such text then feeds header detection, the mapping and the exports.

The judge looks at the text cells of a sample (the header band and the first rows) for what
Korean office data does not contain:

* control characters inside cells (C0 other than tab/newline, and C1 U+0080–U+009F) — the
  UTF-16 units read as single bytes leave NULs and other controls everywhere;
* runs of two or more Latin-1/Windows-1252 look-alikes ('Ä³', 'Á…º') — the bytes of a Korean
  syllable read one by one; an isolated accented letter ('Café') does not count;
* U+FFFD replacement characters.

ftfy was considered: it repairs UTF-8 read as Windows-1252, not CP949 or UTF-16 read as
single bytes (its ``badness`` scores these samples low), and the fix here is to read the file
again with a reader that decodes it right, not to guess the bytes back; so no dependency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SAMPLE_ROWS = 60  # rows of each table looked at
SAMPLE_CHARS = 20_000

# Windows-1252 characters in 0x80–0x9F (what a C1 byte becomes through cp1252).
_CP1252_SPECIALS = frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
# Latin-1 signs a Korean sheet does use on their own (units, bullets, degrees, ±, ×, ·).
_HARMLESS = frozenset("°±²³·×÷µ¹¼½¾§¶")

CONTROL_SHARE = 0.002  # of all characters
CONTROL_MIN = 3
LOOKALIKE_SHARE = 0.25  # of non-ASCII characters
NON_ASCII_MIN = 8


@dataclass
class Verdict:
    plausible: bool
    reason: str = ""  # Korean, for the flag message
    controls: int = 0
    lookalikes: int = 0
    non_ascii: int = 0
    hangul: int = 0
    chars: int = 0

    @property
    def badness(self) -> float:
        """How garbled (0 = clean); compares two readings of the same file."""
        return (self.controls + self.lookalikes) / max(self.chars, 1)


def _is_control(ch: str) -> bool:
    o = ord(ch)
    return (o < 0x20 and ch not in "\t\n\r") or 0x7F <= o <= 0x9F or o == 0xFFFD


def _is_lookalike(ch: str) -> bool:
    o = ord(ch)
    return (0xA0 <= o <= 0xFF and ch not in _HARMLESS) or ch in _CP1252_SPECIALS


def judge(cells: Iterable[object]) -> Verdict:
    """The verdict over the string cells among ``cells`` (other types are skipped)."""
    v = Verdict(True)
    for cell in cells:
        if not isinstance(cell, str) or not cell:
            continue
        run = 0
        for ch in cell:
            v.chars += 1
            if ord(ch) >= 0x80:
                v.non_ascii += 1
            if "\uac00" <= ch <= "\ud7a3":
                v.hangul += 1
            if _is_control(ch):
                v.controls += 1
            if _is_lookalike(ch):
                run += 1
                if run == 2:
                    v.lookalikes += 2
                elif run > 2:
                    v.lookalikes += 1
            else:
                run = 0
        if v.chars >= SAMPLE_CHARS:
            break
    reasons = []
    if v.controls >= CONTROL_MIN and v.controls > v.chars * CONTROL_SHARE:
        reasons.append(f"칸 안의 제어 문자 {v.controls}개")
    if v.non_ascii >= NON_ASCII_MIN and v.lookalikes > v.non_ascii * LOOKALIKE_SHARE:
        reasons.append(f"한글이 라틴 문자처럼 보이는 글자 {v.lookalikes}개 (예: 'Ä³', 'µµ')")
    if reasons:
        v.plausible = False
        v.reason = ", ".join(reasons)
    return v


def sample_cells(rows: Iterable[list], limit: int = SAMPLE_ROWS) -> list[object]:
    """The cells of the first ``limit`` rows, flattened."""
    out: list[object] = []
    for n, row in enumerate(rows):
        if n >= limit:
            break
        out.extend(row)
    return out
