"""Standard-compliance checks for one spreadsheet column (prior-art.md §5.4).

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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from catalog_app.dictionary.model import Domain, Term, Word
from catalog_app.dictionary.rules import propose_term
from catalog_app.dictionary.segment import WordIndex, cover, decompose
from catalog_app.scan.models import ColumnProfile

__all__ = [
    "Check",
    "check_column",
    "is_compliant",
    "nonstandard_words",
    "parse_allowed_values",
]

GENEROUS_MIN_LENGTH = 100  # VARCHAR lengths from which a mostly empty domain is reported
GENEROUS_RATIO = 4  # ... when the longest value is under a quarter of the length
SHOWN_VALUES = 5  # values listed in a D5 message

_NAME_CHAR = re.compile(r"[가-힣0-9A-Za-z]")
_BAD_CHAR = re.compile(r"[^가-힣0-9A-Za-z]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}|<[^<>]*>|（[^（）]*）|［[^［］]*］")
_PHYSICAL = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")
_GENERATED = re.compile(
    r"(?:열|컬럼|칼럼|항목|필드|column|col|field|unnamed:?)\s*[_\-]?\s*\d+", re.IGNORECASE
)
_BRACKETS = frozenset("()[]{}<>（）［］【】「」『』〈〉《》")
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c")

_KIND_KO = {
    "integer": "정수",
    "decimal": "소수",
    "date": "날짜",
    "datetime": "날짜시각",
    "time": "시각",
    "flag": "여부(Y/N류)",
    "code": "앞자리 0이 있는 숫자",
    "text": "문자",
    "empty": "빈 값",
}

# 저장/표현 형식 tokens -> the profiler's date_format vocabulary (values.py): HH24 -> HH, MI -> MM.
_DATE_STORAGE = re.compile(r"(?:YYYY)?(?:MM)?(?:DD)?(?:HH24)?(?:MI)?(?:SS)?")
_SHAPE_DISPLAY = re.compile(r"[9A가]+(?:[-.:/ ][9A가]+)+")  # 999-99-99999, 999999-9999999


@dataclass(frozen=True)
class Check:
    code: str
    severity: str  # 'error' | 'warning'
    message: str  # Korean, names the column / term / values
    suggestion: str | None = None  # what to write instead, when there is one answer
    words: tuple[str, ...] = ()  # the non-standard words (W1–W3), for the dashboard's counts


def _err(code: str, message: str, suggestion: str | None = None, words=()) -> Check:
    return Check(code, "error", message, suggestion, tuple(words))


def _warn(code: str, message: str, suggestion: str | None = None, words=()) -> Check:
    return Check(code, "warning", message, suggestion, tuple(words))


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
) -> list[Check]:
    """All checks for one column; ``domain`` defaults to the term's domain in ``index``.

    ``cleaned_label`` is the header reduced to what it means (the matcher's cleaning); without
    it, bracketed parts and characters outside 한글/digits/Latin are dropped.  ``profile`` None
    (a header without values) skips the value checks D1–D5.
    """
    raw = (label or "").strip()
    out: list[Check] = []
    if domain is None and term is not None and term.domain:
        domain = index.domains.get(term.domain)

    generated = _is_generated(raw)
    physical = _is_physical(raw, index, term)
    if generated:
        shown = _show(raw) if raw else ""
        msg = (
            f"머리글 '{shown}'은(는) 자동으로 붙은 이름입니다 (논리명 없음)."
            if raw
            else "머리글(논리명)이 비어 있습니다."
        )
        out.append(_err("N3", msg))
        name = ""
    elif physical:
        name = raw.upper()
    else:
        out.extend(_n1(raw))
        name = _clean(cleaned_label if cleaned_label is not None else raw)

    out.extend(_t1(raw, name, term, index, physical))
    if name:
        same_as_term = term is not None and (name == term.name or (physical and name == term.abbr))
        if physical:
            out.extend(_physical_words(name, index))
        else:
            out.extend(_words(name, index, term if same_as_term else None))
    if term is not None and term.abbr:
        out.extend(_n2(term, index))
    if profile is not None and domain is not None and profile.inferred_type != "empty":
        out.extend(_values(raw or name, profile, term, domain, index))
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
        kinds.append("여러 행에 나뉜 머리글(|)")
    if any(ch in _LINE_BREAKS for ch in bad):
        kinds.append("줄바꿈")
    brackets = "".join(dict.fromkeys(ch for ch in bad if ch in _BRACKETS))
    if brackets:
        kinds.append(f"괄호 {brackets}")
    if any(ch.isspace() and ch not in _LINE_BREAKS for ch in bad):
        kinds.append("공백")
    other = "".join(
        dict.fromkeys(ch for ch in bad if ch not in _BRACKETS and not ch.isspace() and ch != "|")
    )
    if other:
        kinds.append(f"특수문자 {other}")
    return [
        _err(
            "N1",
            f"머리글 '{_show(label)}'에 쓸 수 없는 문자가 있습니다: {', '.join(kinds)}",
            _clean(label) or None,
        )
    ]


def _t1(raw: str, name: str, term: Term | None, index: WordIndex, physical: bool) -> list[Check]:
    shown = _show(raw) if raw else "(빈 머리글)"
    if term is None:
        msg = f"'{shown}'은(는) 표준용어에 매핑되지 않았습니다 (미등록 용어)."
        if name and not physical:
            proposal = propose_term(name, index, index.domains)
            if proposal is not None:
                msg += f" 신규 용어 후보: {name}({proposal[0]}, {proposal[1]})"
        return [_err("T1", msg)]
    if term.retired:
        return [_err("T1", f"매핑된 표준용어 '{term.name}'은(는) 폐기된 용어입니다.")]
    if name == term.name or (term.abbr and name == term.abbr.upper()):
        return []
    if name and name in term.synonyms:
        return [
            _warn(
                "T1",
                f"'{name}'은(는) 표준용어 '{term.name}'의 이음동의어입니다. "
                f"컬럼명은 '{term.name}'으로 씁니다.",
                term.name,
            )
        ]
    return [
        _err(
            "T1",
            f"컬럼명 '{shown}'이(가) 매핑된 표준용어 '{term.name}'({term.abbr})과 다릅니다.",
            term.name,
        )
    ]


# -- words -------------------------------------------------------------------------------------


def _words(name: str, index: WordIndex, term: Term | None) -> list[Check]:
    """W1–W5 and F1 for a Korean-side name; ``term`` when the name is exactly that term."""
    out: list[Check] = []
    words = decompose(name, index, term.abbr if term is not None else None)
    pieces = cover(name, index)
    fixed = "".join(text if w is None else w.name for text, w, _ in pieces)
    for text, w, kind in pieces:
        if w is None or kind == "word":
            continue
        if kind == "forbidden":
            out.append(
                _err(
                    "W2",
                    f"'{text}'은(는) 금칙어입니다. 표준단어 '{w.name}'을(를) 씁니다"
                    f" (권장: {fixed}).",
                    w.name,
                    [text],
                )
            )
        else:
            out.append(
                _warn(
                    "W3",
                    f"'{text}'은(는) 표준단어 '{w.name}'의 이음동의어입니다 (권장: {fixed}).",
                    w.name,
                    [text],
                )
            )
    unknown = [text for text, _, kind in pieces if kind == "unknown"]
    if words is None and unknown:
        out.append(
            _err(
                "W1",
                f"'{name}'에 표준사전에 없는 단어가 있습니다: {', '.join(unknown)}",
                None,
                unknown,
            )
        )
    used = words if words is not None else [w for _, w, _ in pieces if w is not None]
    for wname in dict.fromkeys(w.name for w in used):
        same = index.all_by_name(wname)
        if len(same) > 1:
            meanings = ", ".join(f"{w.abbr}" for w in same)
            out.append(
                _warn(
                    "W4", f"단어 '{wname}'은(는) 뜻이 여럿입니다 ({meanings}); 확인이 필요합니다."
                )
            )
    if term is None:
        out.extend(_w5(name, index, words))
    last: Word | None = None
    if words is not None:
        last = words[-1]
    elif pieces and pieces[-1][1] is not None:
        last = pieces[-1][1]  # a synonym/금칙어 at the end stands for its standard word
    if last is not None and not last.is_class_word:
        out.append(
            _err(
                "F1",
                f"'{name}'이(가) 형식단어로 끝나지 않습니다 (마지막 단어 '{last.name}'). "
                "일자·명·여부·금액·코드 같은 분류어로 끝나야 합니다.",
            )
        )
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
    chosen = f" 채택: {'+'.join(w.name for w in words)}" if words else ""
    return [
        _warn(
            "W5",
            f"'{name}'의 단어 조합이 모호합니다: 좌→우 {'+'.join(left)}, "
            f"우→좌 {'+'.join(right)}.{chosen}",
        )
    ]


def _physical_words(name: str, index: WordIndex) -> list[Check]:
    """W1 and F1 for a physical name: every ``_`` token must be a word abbreviation."""
    tokens = [t for t in name.split("_") if t]
    words = [index.by_abbr(t) for t in tokens]
    unknown = [t for t, w in zip(tokens, words, strict=True) if w is None]
    out: list[Check] = []
    if unknown:
        out.append(
            _err(
                "W1",
                f"'{name}'에 표준단어 영문약어가 아닌 부분이 있습니다: {', '.join(unknown)}",
                None,
                unknown,
            )
        )
    last = words[-1] if words else None
    if last is not None and not last.is_class_word:
        out.append(
            _err(
                "F1",
                f"'{name}'이(가) 형식단어 약어로 끝나지 않습니다 ({tokens[-1]} = {last.name}).",
            )
        )
    return out


def _n2(term: Term, index: WordIndex) -> list[Check]:
    words = decompose(term.name, index, term.abbr)
    if words is None:
        return [
            _err(
                "N2",
                f"용어 '{term.name}'을(를) 표준단어로 나눌 수 없어 영문약어 {term.abbr}을(를) "
                "단어 약어의 조합으로 확인할 수 없습니다.",
            )
        ]
    joined = "_".join(w.abbr for w in words)
    if joined == term.abbr:
        return []
    return [
        _err(
            "N2",
            f"용어 '{term.name}'의 영문약어 {term.abbr}이(가) 단어 약어의 조합 {joined}"
            f"({'+'.join(w.name for w in words)})과 다릅니다.",
            joined,
        )
    ]


# -- values ------------------------------------------------------------------------------------


def parse_allowed_values(text: str) -> dict[str, str] | None:
    """An enumerable 허용값 as {code: meaning}, or None for ranges, patterns and sample lists.

    '1: 일반경쟁, 2:지명경쟁' and 'Y : 여(예),⏎N : 부(아니요)' enumerate; 'YYYY : 0001~9999' is
    a range, and '001 : 본인, 002 : 처 …' only shows examples (the 행정표준코드 list is elsewhere),
    so neither can say a value is wrong.
    """
    text = " ".join((text or "").replace("，", ",").split())
    if not text or "…" in text or "..." in text or "~" in text:
        return None
    items = [i.strip() for i in re.split(r"[,\n]", text) if i.strip()]
    codes: dict[str, str] = {}
    if any(":" in i for i in items):
        last = None
        for item in items:
            if ":" not in item:
                if last is None:
                    return None
                codes[last] += ", " + item  # a comma inside the meaning
                continue
            code, meaning = (p.strip() for p in item.split(":", 1))
            if not re.fullmatch(r"[0-9A-Za-z가-힣_\-]+", code):
                return None
            codes[code] = meaning
            last = code
    else:
        for item in re.split(r",|\s+or\s+|/", text):
            item = item.strip()
            if not re.fullmatch(r"[0-9A-Za-z_\-]+", item):
                return None
            codes[item] = ""
    return codes if len(codes) >= 2 else None


def _type_letter(domain: Domain) -> str:
    return {"CHAR": "C", "VARCHAR": "V", "NUMERIC": "N", "DATETIME": "D"}.get(
        domain.data_type.upper(), ""
    )


def _int(text: str) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _date_formats(term: Term | None, domain: Domain) -> tuple[str, str] | None:
    """(저장 형식, 표현 형식) in the profiler's vocabulary for date/time domains, else None."""
    storage = (term.storage_format if term is not None else "") or domain.storage_format
    storage = "".join(storage.split())
    if not storage and domain.data_type.upper() == "DATETIME":
        storage = "YYYYMMDDHH24MISS"
    if not storage or not _DATE_STORAGE.fullmatch(storage):
        return None
    display = (term.display_format if term is not None else "") or domain.display_format
    display = " ".join(display.split())

    def vocab(fmt: str) -> str:
        return fmt.replace("HH24", "HH").replace("MI", "MM")

    return vocab(storage), vocab(display)


def _shape(fmt: str) -> str:
    """A date format as the profiler's value pattern: YYYY-MM-DD -> 9999-99-99."""
    return re.sub(r"[YMDHS]", "9", fmt)


def _values(
    label: str, p: ColumnProfile, term: Term | None, domain: Domain, index: WordIndex
) -> list[Check]:
    col = f"'{_show(label)}'" if label else "이 컬럼"
    kind = p.inferred_type
    allowed_text = (term.allowed_values if term is not None else "") or domain.allowed_values
    allowed = parse_allowed_values(allowed_text)
    dates = _date_formats(term, domain)
    letter = _type_letter(domain)
    out: list[Check] = []

    if allowed is not None and set(allowed) == {"Y", "N"}:  # 여부C1, 유무C1
        if kind != "flag":
            zero_one = {v for v, _ in p.top_values} <= {"0", "1"} and not p.masked
            hint = " (0/1 대신 Y/N)" if zero_one and kind == "integer" else ""
            out.append(
                _err(
                    "D1",
                    f"{col}의 값({_KIND_KO.get(kind, kind)})이 {domain.name}의 Y/N이 아닙니다"
                    f"{hint}.",
                    "Y/N",
                )
            )
            return out
    elif dates is not None:
        out.extend(_date_checks(col, p, domain, dates))
        if any(c.code == "D1" for c in out):
            return out
    elif letter == "N":
        d1 = _numeric_type(col, p, domain)
        if d1 is not None:
            out.append(d1)
            if d1.severity == "error":
                return out
        out.extend(_numeric_size(col, p, domain, index))
    elif letter in ("C", "V"):
        out.extend(_text_size(col, p, domain, index))
    if allowed is not None and not p.masked:
        out.extend(_allowed(col, p, allowed, allowed_text))
    return out


def _date_checks(
    col: str, p: ColumnProfile, domain: Domain, formats: tuple[str, str]
) -> list[Check]:
    storage, display = formats
    kind = p.inferred_type
    if kind in ("date", "datetime", "time") and p.date_format:
        if p.date_format == "excel":
            return []  # a typed Excel date: a true date, written however the export chooses
        form = p.date_format
    else:
        form = p.pattern or ""
    shown_form = form or _KIND_KO.get(kind, kind)
    if form in (storage, _shape(storage)):
        if kind in ("integer", "code") and storage == "YYYYMMDD":
            # the profiler reads valid 8-digit dates as dates: mostly integers means invalid ones
            span = f" (범위 {p.min_value}~{p.max_value})" if p.min_value and p.max_value else ""
            return [_warn("D4", f"{col}의 8자리 값 중 유효한 날짜가 아닌 값이 있습니다{span}.")]
        return []
    if display and form in (display, _shape(display)):
        return [
            _warn(
                "D4",
                f"{col}의 값이 표현 형식 {display}로 쓰였습니다. 저장 형식은 {storage}입니다.",
                storage,
            )
        ]
    if kind in ("date", "datetime", "time") or re.fullmatch(r"9[9\-./: 년월일시분초]*", form):
        return [
            _err(
                "D4",
                f"{col}의 형식 {shown_form}이(가) {domain.name}의 저장 형식 {storage}와 다릅니다.",
                storage,
            )
        ]
    return [
        _err(
            "D1",
            f"{col}의 값({_KIND_KO.get(kind, kind)})이 날짜·시각 도메인 {domain.name}"
            f"({storage})에 맞지 않습니다.",
        )
    ]


def _numeric_type(col: str, p: ColumnProfile, domain: Domain) -> Check | None:
    kind = p.inferred_type
    if kind in ("integer", "decimal") or (kind == "date" and p.date_format == "YYYYMMDD"):
        return None
    if kind == "code":
        return _warn(
            "D1",
            f"{col}의 값이 앞자리 0이 있는 숫자입니다; 숫자 도메인 {domain.name}에서는 0이 "
            "사라집니다.",
        )
    return _err(
        "D1",
        f"{col}의 값({_KIND_KO.get(kind, kind)})이 숫자 도메인 {domain.name}에 맞지 않습니다.",
    )


def _digits(value: str | None) -> int | None:
    """Integer digits of a written number ('-1,234.5' -> 4); None when not a number."""
    if value is None:
        return None
    text = value.strip().lstrip("+-").rstrip("%").replace(",", "")
    whole = text.split(".", 1)[0]
    if not whole.isdigit():
        return None
    return len(whole.lstrip("0")) or 1


def _numeric_size(col: str, p: ColumnProfile, domain: Domain, index: WordIndex) -> list[Check]:
    precision = _int(domain.length)
    scale = _int(domain.scale) or 0
    out: list[Check] = []
    if precision is None:
        return out
    whole_max = precision - scale
    if not p.masked:
        found = [d for d in (_digits(p.min_value), _digits(p.max_value)) if d is not None]
        if found and max(found) > whole_max:
            need = max(found)
            better = _fitting(domain, index, int_digits=need, decimals=p.decimal_places)
            out.append(
                _err(
                    "D2",
                    f"{col}의 정수부 최대 {need}자리가 도메인 {domain.name}"
                    f"(정수부 {whole_max}자리)을 넘습니다.",
                    better,
                )
            )
    if p.inferred_type == "decimal" and p.decimal_places > scale:
        better = _fitting(domain, index, int_digits=0, decimals=p.decimal_places)
        allowed = f"소수점 {scale}자리" if scale else "소수점 없음"
        out.append(
            _err(
                "D3",
                f"{col}의 소수점 이하 {p.decimal_places}자리가 도메인 {domain.name}"
                f"({allowed})보다 깁니다.",
                better,
            )
        )
    return out


def _text_size(col: str, p: ColumnProfile, domain: Domain, index: WordIndex) -> list[Check]:
    length = _int(domain.length)
    if length is None:
        return []
    display = " ".join(domain.display_format.split())
    if p.pattern and _SHAPE_DISPLAY.fullmatch(display) and p.pattern == display:
        # 123-45-67890 for 사업자등록번호C10: the 표현 형식; without separators it fits.
        return [
            _warn(
                "D4",
                f"{col}의 값이 표현 형식 {display}로 쓰였습니다. "
                f"저장 형식은 {domain.storage_format or domain.name}(구분자 없음)입니다.",
            )
        ]
    observed = p.max_len_bytes
    if observed > length:
        return [
            _err(
                "D2",
                f"{col}의 최대 길이 {observed}바이트가 도메인 {domain.name}({length}바이트)을 "
                "넘습니다.",
                _fitting(domain, index, need_bytes=observed),
            )
        ]
    letter = _type_letter(domain)
    if letter == "V" and length >= GENEROUS_MIN_LENGTH and observed * GENEROUS_RATIO < length:
        smaller = _fitting(domain, index, need_bytes=max(observed, 1), smaller=True)
        return [
            _warn(
                "D2",
                f"{col}의 최대 길이 {observed}바이트에 비해 도메인 {domain.name}({length}바이트)이 "
                "지나치게 깁니다.",
                smaller,
            )
        ]
    if letter == "C" and observed < length:
        hint = " 앞자리 0이 빠졌을 수 있습니다." if p.inferred_type == "integer" else ""
        return [
            _warn(
                "D2",
                f"{col}의 최대 길이 {observed}바이트가 고정 길이 도메인 {domain.name}"
                f"({length}바이트)보다 짧습니다.{hint}",
            )
        ]
    return []


def _fitting(
    domain: Domain,
    index: WordIndex,
    need_bytes: int | None = None,
    int_digits: int | None = None,
    decimals: int = 0,
    smaller: bool = False,
) -> str | None:
    """The smallest domain of the same 분류 that holds the observed values (a D2/D3 suggestion)."""
    current = _int(domain.length) or 0
    best: tuple[int, int, str] | None = None
    for d in index.domains.values():
        if d.domain_class != domain.domain_class or d.name == domain.name:
            continue
        length = _int(d.length)
        if length is None:
            continue
        if need_bytes is not None:
            if _type_letter(d) not in ("C", "V") or length < need_bytes:
                continue
            if smaller and length >= current:
                continue
            if _type_letter(d) == "C" and length != need_bytes:
                continue  # a fixed-length domain only when every value would fill it
        else:
            if _type_letter(d) != "N":
                continue
            scale = _int(d.scale) or 0
            if scale < decimals or length - scale < (int_digits or 0):
                continue
            if int_digits == 0 and length - scale < current - (_int(domain.scale) or 0):
                continue  # D3: keep the integer part the current domain allows
        key = (length, _type_letter(d) != _type_letter(domain), d.name)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _allowed(col: str, p: ColumnProfile, allowed: dict[str, str], text: str) -> list[Check]:
    outside = [(v, n) for v, n in p.top_values if v.strip() not in allowed]
    if not outside:
        return []
    codes = list(allowed)
    listed = ", ".join(f"'{v}'({n}건)" for v, n in outside[:SHOWN_VALUES])
    if len(outside) > SHOWN_VALUES:
        listed += f" 외 {len(outside) - SHOWN_VALUES}개"
    partial = p.distinct_count > len(p.top_values)
    basis = f" (상위 {len(p.top_values)}개 값 기준)" if partial else ""
    hints = []
    width = {len(c) for c in codes}
    if len(width) == 1:
        k = width.pop()
        if any(v.isdigit() and v.zfill(k) in allowed for v, _ in outside):
            hints.append("앞자리 0이 빠진 코드가 있습니다")
    meanings = {m.split("(")[0].strip(): c for c, m in allowed.items() if m}
    if any(v.strip() in meanings for v, _ in outside):
        hints.append("코드 대신 코드명이 쓰였습니다")
    if codes == ["Y", "N"] and p.inferred_type == "flag":
        hints.append("Y/N으로 바꾸십시오")
    hint = f" — {'; '.join(hints)}" if hints else ""
    shown_codes = ", ".join(codes[:8]) + (" …" if len(codes) > 8 else "")
    return [
        _err(
            "D5",
            f"{col}에 허용값({shown_codes}) 밖의 값이 있습니다: {listed}{basis}{hint}",
        )
    ]
