"""Header-word cues of personal data: which kinds a column label names, and whether it is a person.

A cue lowers the value thresholds of its kind and alone flags a column whose values fit it, so
the word lists (Korean and Latin, 자택주소 to rprsntv nm) are long; they live here apart from
the value patterns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["HeaderCues", "analyse_header"]

_KO_CUES: dict[str, tuple[str, ...]] = {
    "rrn": ("주민등록번호", "주민번호", "주민등록no", "주민no"),
    "foreigner_rrn": ("외국인등록번호", "외국인번호"),
    "mobile": ("휴대폰", "휴대전화", "핸드폰", "이동전화", "휴대번호", "모바일번호"),
    "phone": ("전화번호", "연락처", "전화", "연락번호"),
    "email": ("이메일", "전자우편", "메일주소", "e메일"),
    "passport": ("여권번호",),
    "driver_license": ("운전면허번호", "면허번호", "운전면허"),
    "business_no": ("사업자등록번호", "사업자번호", "사업자등록"),
    "corporate_no": ("법인등록번호", "법인번호"),
    "card": ("카드번호", "신용카드", "체크카드"),
    "account": ("계좌번호", "계좌", "입금계좌", "통장번호"),
    "address_detail": (
        "상세주소",
        "자택주소",
        "거주지",
        "주소상세",
        "집주소",
        "현주소",
        "세부주소",
        "나머지주소",
        "주민등록상주소",
    ),
    # issue 14
    "birth_date": ("생년월일", "출생일", "출생년월일", "생년월", "출생일자"),
    "vehicle_no": ("차량번호", "자동차등록번호", "차번호", "차량등록번호", "번호판"),
    "gender": ("성별", "남녀구분", "남녀", "성구분"),
    "age": ("나이", "연령", "만나이", "출생연도", "출생년도", "생년"),
}
_LATIN_CUES: dict[str, re.Pattern[str]] = {
    kind: re.compile(rf"\b(?:{pattern})\b")
    for kind, pattern in {
        "rrn": r"rrn|ssn|jumin(?: ?no)?|resident (?:registration )?(?:no|number)",
        "foreigner_rrn": r"(?:alien|foreigner) (?:registration )?(?:no|number)",
        "mobile": r"mobile(?: ?(?:no|number|phone))?|cell ?phone|hand ?phone|hp ?no",
        "phone": r"tel(?: ?no)?|telno|phone(?: ?(?:no|number))?|telephone",
        "email": r"e ?mail(?: ?addr(?:ess)?)?",
        "passport": r"passport(?: ?(?:no|number))?",
        "driver_license": r"drivers? ?licen[cs]e|driving ?licen[cs]e",
        "business_no": r"biz ?no|brno|business (?:registration )?(?:no|number)",
        "corporate_no": r"crno|corp(?:orate|oration)? (?:registration )?(?:no|number)",
        "card": r"card ?(?:no|num|number)|credit ?card",
        "account": r"account(?: ?(?:no|number))?|acct ?no|acnt ?no|bank ?account",
        "address_detail": r"addr(?:ess)? ?detail|detail ?addr(?:ess)?|home ?addr(?:ess)?",
        "birth_date": r"birth ?(?:date|day|dt|de)|date ?of ?birth|dob|brthdy|brdt",
        "vehicle_no": r"car ?(?:no|num|number)|vehicle ?(?:no|num|number)|vhcle ?no|plate ?no",
        "gender": r"sex|gender|sexdstn",
        "age": r"age",
    }.items()
}
# Always a person, whatever else the header says.
_PERSON_CUES = (
    "성명",
    "대표자",
    "환자",
    "보호자",
    "신청인",
    "신청자",
    "민원인",
    "소유자",
    "담당자",
    "성함",
    "예금주",
    "고객명",
    "수령인",
    "수취인",
    "납세자",
    "피보험자",
    "학생명",
    "직원명",
    "사원명",
    "회원명",
    "가입자",
    "운전자",
    "세대주",
    "대리인",
    "신고인",
    "신고자",
    "수급자",
    "대상자명",
    "이용자명",
    "작성자",
    "입금자",
    "의뢰인",
    "계약자",
    "임차인",
    "임대인",
    "채무자",
    "수상자",
    "당첨자",
    "강사명",
    "교사명",
    "의사명",
    "선수명",
    "대표이사",
    "책임자",
    "관리자명",
    "접수자",
    "처리자",
    "응시자",
    "피해자",
    "배우자",
)
# '이름' is a person only when no organisation or thing word is around (시설이름, 상품이름).
_GENERIC_PERSON_CUES = ("이름",)
_NOT_PERSON = (
    "기관",
    "시설",
    "업체",
    "회사",
    "법인",
    "단체",
    "상호",
    "학교",
    "병원",
    "상품",
    "제품",
    "사업",
    "프로그램",
    "파일",
    "도로",
    "지역",
    "행사",
    "과목",
    "품목",
    "건물",
    "단지",
    "노선",
    "정류",
    "업소",
    "점포",
    "매장",
    "센터",
    "공원",
    "약국",
    "협회",
    "장소",
    "성명서",
)
_LATIN_PERSON_RE = re.compile(
    r"\b(?:full ?name|person ?name|applicant(?: ?name)?|patient ?name|owner ?name|ceo ?name"
    r"|rprsntv ?nm|rprsv ?nm)\b"
)
_INSTITUTION_CUES = (
    "기관",
    "시설",
    "센터",
    "사무소",
    "사업소",
    "대표번호",
    "대표전화",
    "부서",
    "청사",
    "민원실",
    "팩스",
    "fax",
    "본부",
    "학교",
    "병원",
    "소재지",
    "사업장",
    "업소",
    "영업소",
    "점포",
    "매장",
    "회사",
    "업체",
    "주관",
    "관공서",
    "주민센터",
    "행정복지",
    "구청",
    "시청",
    "군청",
    "도청",
    "기업",
    "단체",
    "관리처",
    "상호",
)
_BRACKET_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}|<[^<>]*>|〔[^〔〕]*〕|【[^【】]*】")
_COMPACT_DROP_RE = re.compile(r"[\s|_\-./·:,]+")
_NON_LATIN_RE = re.compile(r"[^a-z0-9]+")


# Person words that name someone *of* the row's organisation or event (a business's 대표자, a
# course's 강사), not the row's subject: a column of them does not make the rows people.
AGENT_CUES = (
    "대표자",
    "대표이사",
    "담당자",
    "책임자",
    "관리자명",
    "작성자",
    "접수자",
    "처리자",
    "강사명",
    "교사명",
    "의사명",
    "입금자",
    "예금주",
)
# A header that names the organisation, place or business a row is about (업소명, 상호 …).
_ORG_HEADER_RE = re.compile(
    r"(?:업소|상호|사업장|기관|시설|도서관|주차장|업체|회사|법인|단체|점포|병원|약국|학교|센터"
    r"|쉼터|시장|관서|주유소|어린이집|복지관|경로당|공원|매장|가맹점|영업소|지점|사무소|충전소"
    r"|역|정류장|정류소|대상시설|요양기관|의료기관|숙박업소|음식점)(?:명칭|명|이름)?$"
)
# Headers of counts and rates (인구수, 발생건수, 남자, 계): rows carrying them are groups of people.
_COUNT_HEADER_RE = re.compile(
    r"(?:수|건수|인원|인구|계|합계|소계|총계|발생|검거|율|비율|횟수|비중|점유율|대수|개수|남자|여자"
    r"|남성|여성)$|^(?:남|여)$"
)
# Quasi-identifiers of a person (2016 비식별 조치 가이드라인: 지역, 직업, 국적 …), counted only in
# lists of people.
_QUASI_CUES: dict[str, tuple[str, ...]] = {
    "region": (
        "거주지역",
        "거주지",
        "주소지",
        "읍면동",
        "행정동",
        "법정동",
        "시군구",
        "거주동",
        "동명",
        "지역",
        "관할",
    ),
    "attribute": (
        "직업",
        "직종",
        "직장",
        "근무지",
        "근무처",
        "소속",
        "학년",
        "학교명",
        "국적",
        "혼인",
        "결혼",
        "학력",
        "가족관계",
        "세대주관계",
        "가구원수",
        "신분",
        "직위",
        "직급",
    ),
}
_REGION_LEVEL = ("읍면동", "시군구", "행정동", "법정동", "거주지역", "시도")
_PARTIAL_HINTS = (
    "앞자리",
    "앞6",
    "앞여섯",
    "6자리",
    "생년월일",
    "뒷자리",
    "뒤자리",
    "첫자리",
    "첫숫자",
)


@dataclass(slots=True)
class HeaderCues:
    """What a column label says about personal data; the value thresholds depend on it."""

    display: str
    cues: dict[str, str]  # kind -> matched cue word
    person: str | None
    institutional: bool
    address_generic: bool
    # issue 14: table-level context
    agent: bool = False  # the person cue names someone of an organisation (대표자, 담당자)
    org_name: bool = False  # the header names the organisation a row is about (업소명, 상호)
    count: bool = False  # a count or rate header (인구수, 발생건수, 계)
    quasi: str | None = None  # 'region' or 'attribute' (직업, 국적 …)
    partial: bool = False  # the label speaks of part of a 주민등록번호 (앞 6자리, 뒷자리 첫 숫자)
    sensitive: str | None = None  # 민감정보 category named by the label (pii.sensitive)
    compact: str = ""


def analyse_header(header: str) -> HeaderCues:
    """Normalise the label (spaces, NBSP, case, bracketed units) and collect its cues.

    Labels repeat across the files of a folder and the table-level judgement asks again for
    each column, so answers are cached; a ``HeaderCues`` is shared and must not be changed."""
    raw = header if isinstance(header, str) else str(header or "")
    return _analyse(raw)


@lru_cache(maxsize=8192)
def _analyse(raw: str) -> HeaderCues:
    display = " ".join(raw.split())
    if len(display) > 40:
        display = display[:39] + "…"
    text = unicodedata.normalize("NFKC", raw).lower()
    inner = " ".join(m.group(0)[1:-1] for m in _BRACKET_RE.finditer(text))
    outer = _BRACKET_RE.sub(" ", text)
    # Bracket contents are matched on their own so a unit never glues onto a word.
    parts = [_COMPACT_DROP_RE.sub("", outer), _COMPACT_DROP_RE.sub("", inner)]
    compact = "|".join(p for p in parts if p)
    latin = " " + _NON_LATIN_RE.sub(" ", f"{outer} {inner}") + " "

    cues: dict[str, str] = {}
    for kind, words in _KO_CUES.items():
        hits = [w for w in words if w in compact]
        if hits:
            cues[kind] = max(hits, key=len)
    for kind, pattern in _LATIN_CUES.items():
        m = pattern.search(latin)
        if m and kind not in cues:
            cues[kind] = m.group(0)
    # '휴대전화번호' also contains '전화번호': the more specific cue wins.
    if "mobile" in cues and "phone" in cues and cues["phone"] in cues["mobile"] + "번호":
        del cues["phone"]
    if "foreigner_rrn" in cues and "rrn" in cues:
        del cues["rrn"]
    if "birth_date" in cues or "rrn" in cues:
        cues.pop("age", None)  # '생년월일' also contains '생년'
    if "address_detail" in cues and any(w in compact for w in _REGION_LEVEL):
        del cues["address_detail"]  # '거주지(읍면동)' names a 동, not a house
    if compact.endswith("생일") and "발생" not in compact and "birth_date" not in cues:
        cues["birth_date"] = "생일"
    if "gender" in cues and ("성별" in compact and "성별코드" not in compact) and "rrn" in cues:
        del cues["gender"]  # '주민번호(성별자리)' is part of the number

    person = next((w for w in _PERSON_CUES if w in compact), None)
    if person == "성명" and "성명서" in compact:
        person = None
    if person is None and not any(w in compact for w in _NOT_PERSON):
        person = next((w for w in _GENERIC_PERSON_CUES if w in compact), None)
    if person is None:
        m = _LATIN_PERSON_RE.search(latin)
        person = m.group(0).strip() if m else None

    institutional = any(w in compact for w in _INSTITUTION_CUES)
    address_generic = "주소" in compact or bool(re.search(r"\baddr(?:ess)?\b", latin))
    from catalog_app.scan.pii.sensitive import sensitive_cue

    last = compact.split("|")[0]  # outside brackets: "(단위: 명)" is no count header
    quasi = next(
        (kind for kind, words in _QUASI_CUES.items() if any(w in compact for w in words)), None
    )
    return HeaderCues(
        display,
        cues,
        person,
        institutional,
        address_generic,
        agent=person is not None and any(w in compact for w in AGENT_CUES),
        org_name=bool(_ORG_HEADER_RE.search(last)) or "상호" in compact,
        count=bool(_COUNT_HEADER_RE.search(last)),
        quasi=quasi,
        partial=any(h in compact for h in _PARTIAL_HINTS),
        sensitive=sensitive_cue(compact),
        compact=compact,
    )
