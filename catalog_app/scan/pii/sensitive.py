"""민감정보 (개인정보 보호법 제23조): health, disability, medical history, criminal record, religion,
political party — from the column label and from the values.

A label names the category (``장애등급``, ``병명``, ``종교``); values confirm it or say it alone
(``지체장애``, ``불교``, ``국민의힘``). Counts never do: ``심한장애|남자`` over numbers is a statistic
about groups, not a fact about one person, so a category named by the label needs values that are
categories, grades or short text (see :func:`values_fit`). Whether the column is personal data at
all is settled at table level (``pii.context``): a disability type in a list of people is, the
same words in a list of facilities are not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = ["SENSITIVE_KINDS", "sensitive_cue", "value_category", "values_fit"]

SENSITIVE_KINDS: dict[str, str] = {
    "health": "건강",
    "disability": "장애",
    "medical_history": "병력",
    "criminal": "범죄경력",
    "religion": "종교",
    "political": "정당",
}

# Label words per category (compact labels: no spaces, lower case). Checked in this order.
_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "criminal",
        ("범죄경력", "범죄이력", "범죄사실", "전과", "수형", "죄명", "형량", "형벌", "보호관찰"),
    ),
    ("religion", ("종교",)),
    ("political", ("정당", "당적", "지지정당", "정치성향", "노동조합", "노조가입")),
    (
        "disability",
        ("장애등급", "장애유형", "장애정도", "장애종류", "장애여부", "장애인여부", "장애구분"),
    ),
    (
        "medical_history",
        (
            "병력",
            "병명",
            "질병",
            "질환",
            "진단명",
            "진단",
            "상병",
            "기저질환",
            "치료내용",
            "투약",
            "처방",
            "입원사유",
        ),
    ),
    (
        "health",
        (
            "건강상태",
            "건강검진",
            "검진결과",
            "혈액형",
            "체중",
            "몸무게",
            "임신",
            "흡연",
            "음주여부",
        ),
    ),
)
# A disability word next to these is about a facility (장애인전용주차구역, 장애인화장실).
_FACILITY_WORDS = (
    "주차",
    "시설",
    "화장실",
    "편의",
    "전용",
    "구역",
    "보유",
    "경사로",
    "승강기",
    "리프트",
    "좌석",
    "객실",
    "출입",
    "복지관",
    "복지시설",
    "센터",
)
_LATIN_CUES = {
    "religion": ("religion",),
    "political": ("politicalparty", "party"),
    "disability": ("disability", "disabled"),
    "medical_history": ("disease", "diagnosis", "illness"),
    "health": ("bloodtype", "health"),
}

# Values that name a category on their own.
_DISABILITY_TYPES = frozenset(
    f"{kind}장애"
    for kind in (
        "지체",
        "뇌병변",
        "시각",
        "청각",
        "언어",
        "지적",
        "자폐성",
        "정신",
        "신장",
        "심장",
        "호흡기",
        "간",
        "안면",
        "장루요루",
        "장루·요루",
        "뇌전증",
    )
)
_DISABILITY_GRADES = frozenset(
    [f"{n}급" for n in range(1, 7)]
    + [f"{n}등급" for n in range(1, 7)]
    + ["심한장애", "심하지않은장애", "중증", "경증", "중증장애", "경증장애"]
)
_RELIGIONS = frozenset(
    (
        "기독교",
        "개신교",
        "불교",
        "천주교",
        "가톨릭",
        "원불교",
        "유교",
        "이슬람교",
        "이슬람",
        "천도교",
        "대종교",
        "무교",
        "종교없음",
        "무종교",
        "증산도",
        "대순진리회",
    )
)
_PARTIES = frozenset(
    (
        "더불어민주당",
        "국민의힘",
        "정의당",
        "개혁신당",
        "조국혁신당",
        "진보당",
        "기본소득당",
        "사회민주당",
        "새로운미래",
        "녹색정의당",
        "자유통일당",
        "무소속",
        "새누리당",
        "자유한국당",
        "미래통합당",
        "바른미래당",
        "국민의당",
        "민주평화당",
        "민주당",
    )
)
_DISEASE_ENDINGS = ("증", "병", "염", "암", "질환", "증후군", "장애", "골절", "손상")
_DISEASES = frozenset(("고혈압", "당뇨", "치매", "천식", "결핵", "뇌졸중", "뇌경색", "우울증"))
_BLOOD_TYPES = frozenset(
    ("a", "b", "o", "ab", "a형", "b형", "o형", "ab형", "rh+a", "rh-a", "rh+o", "rh-o")
)


def sensitive_cue(compact: str) -> str | None:
    """The 민감정보 category a compact label names, else None."""
    if not compact:
        return None
    latin = "".join(ch for ch in compact if ch.isascii() and ch.isalpha())
    for kind, words in _CUES:
        if any(w in compact for w in words):
            if kind == "disability" and any(f in compact for f in _FACILITY_WORDS):
                return None
            return kind
    if "장애" in compact and not any(f in compact for f in _FACILITY_WORDS):
        # 장애 alone: '장애' / '장애인(Y/N)' in a list; '심한장애' bands of a statistic stay
        # candidates too and are settled by their values (counts are not categories).
        return "disability"
    for kind, words in _LATIN_CUES.items():
        if any(w == latin or (len(w) > 5 and w in latin) for w in words):
            return kind
    return None


def value_category(value: str) -> str | None:
    """The category a value names on its own ('지체장애' → disability), else None."""
    v = value.replace(" ", "")
    if v in _DISABILITY_TYPES:
        return "disability"
    if v in _RELIGIONS:
        return "religion"
    if v in _PARTIES:
        return "political"
    return None


def _fits(kind: str, v: str) -> bool:
    """Could ``v`` be a value of a column of the category (the label already names it)?"""
    compact = v.replace(" ", "").lower()
    if kind == "disability":
        return (
            compact in _DISABILITY_TYPES
            or compact in _DISABILITY_GRADES
            or compact in ("y", "n", "예", "아니오", "유", "무", "해당", "비해당")
            or (compact.isdigit() and 1 <= int(compact) <= 6)
            or compact.endswith("장애")
        )
    if kind == "religion":
        return compact in _RELIGIONS or (compact.endswith("교") and len(compact) <= 6)
    if kind == "political":
        return compact in _PARTIES or compact.endswith("당")
    if kind == "medical_history":
        return (
            compact in _DISEASES
            or compact.endswith(_DISEASE_ENDINGS)
            or (len(compact) <= 7 and compact[:1].isalpha() and compact[1:3].isdigit())  # KCD
            or (not compact.isdigit() and len(compact) <= 30)
        )
    if kind == "health":
        return (
            compact in _BLOOD_TYPES
            or not compact.replace(".", "").isdigit()
            or float(compact) < 300  # weights and heights, not counts
        )
    if kind == "criminal":
        return not compact.replace(",", "").isdigit()
    return False


def values_fit(kind: str, values: Iterable[str], col_type: str | None = None) -> float:
    """Share of the informative values that fit the category; counts and amounts fit none."""
    if col_type in ("date", "datetime", "time"):
        return 0.0
    n = fit = 0
    for raw in values:
        v = raw.strip()
        if not v:
            continue
        n += 1
        try:
            fit += _fits(kind, v)
        except ValueError:
            continue
    return fit / n if n else 0.0


def values_category(values: Iterable[str]) -> tuple[str | None, float]:
    """The category most values name on their own and its share (religion, party, disability)."""
    counts: Counter[str] = Counter()
    n = 0
    for raw in values:
        v = raw.strip()
        if not v:
            continue
        n += 1
        kind = value_category(v)
        if kind:
            counts[kind] += 1
    if not counts:
        return None, 0.0
    kind, k = counts.most_common(1)[0]
    return kind, k / n
