"""Privacy verdicts that need the whole table: are the rows people, and what does that make of
each column's finding?

A phone column is personal data when the rows are people; the 대표번호 of a restaurant, a library
or a 주차장 is not (issue 14: 4 of the 5 columns the column-level detector flagged in the corpus
were such numbers). Columns are profiled one by one, streamed; this runs once per table after
they are all profiled, before anything is stored, over what the profiles and the detector's
evidence (``ColumnEvidence``) already hold — labels, distinct counts, top-value counts, value
shapes — so it reads nothing again.

What it decides, each with a Korean reason kept on the verdict:

* **a list of people** (``person_level``): a column of 주민등록번호 (whole or part) or 생년월일;
  a column of names under a subject label (성명, 환자, 수급자 — not 대표자 or 담당자, who are
  someone *of* an organisation row); or 성별 and 나이 per row, or a 민감정보 category per row with
  one of them, in a table without count columns (a statistic by 성별 and 연령 holds counts);
* **an organisation list**: a column naming the organisation, place or business of each row
  (업소명, 상호, 사업장명, 도서관명, 주차장명 …) whose values are mostly distinct;
* phone numbers: in a list of people personal; in an organisation list, under an institutional
  label (기관, 대표번호, 업소 …) or repeating across rows (a 대표번호 repeats as its
  organisation repeats) *not* personal when they are landlines (area codes, 1588-style numbers);
  a column where mobile numbers make 10% or more stays personal (a sole trader's own phone);
* addresses: a business's 소재지 in an organisation list is not personal; in a list of people an
  address with a building number is;
* in a list of people only: names found by their values (no label cue), 성별, 나이, 성별+나이,
  지역, 직업·국적 and event dates become quasi-identifiers; 민감정보 is personal data;
* elsewhere 성별/나이 findings are dropped (a column of a statistic) and 민감정보 is kept as a
  category but not personal (rows are not people).

Masking stays on the safe side: a column the column-level detector masked stays masked even when
the verdict here is "not personal" (a business phone is no secret, but its digits are not needed
in a catalog either), and a column this stage finds personal is masked here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from catalog_app.scan.models import ColumnProfile, PiiInfo
from catalog_app.scan.pii.headers import HeaderCues, analyse_header
from catalog_app.scan.pii.label import safe_label
from catalog_app.scan.pii.mask import mask_value

__all__ = ["judge_table", "mask_profile"]

_PHONES = frozenset({"phone", "mobile"})
_ID_KINDS = frozenset({"rrn", "foreigner_rrn", "rrn_partial", "birth_date"})
_QUASI_ONLY = frozenset({"gender", "age", "sex_age", "region", "event_date", "attribute"})
_SENSITIVE = frozenset(
    {"health", "disability", "medical_history", "criminal", "religion", "political"}
)
_ADDRESSES = frozenset({"address_detail", "address"})
MOBILE_SHARE = 0.1  # mobiles in a business phone column above this keep it personal
KEY_DISTINCT = 0.5  # a column whose values are this distinct names the rows
REPEAT_SHARE = 0.5  # a phone column with at most this many distinct values per row repeats
NAME_SHARE = 0.7  # name-shaped values in a list of people
NAME_SUFFIX_SHARE = 0.3  # … most of which do not end alike (…구, …시장)


@dataclasses.dataclass
class _Col:
    p: ColumnProfile
    hdr: HeaderCues

    @property
    def verdict(self) -> PiiInfo | None:
        return self.p.privacy

    @property
    def nonnull(self) -> int:
        return max(self.p.value_count - self.p.null_count, 0)

    @property
    def distinct_ratio(self) -> float:
        return self.p.distinct_count / self.nonnull if self.nonnull else 0.0

    @property
    def kind(self) -> str | None:
        return self.p.privacy.kind if self.p.privacy else None

    def name(self) -> str:
        # A label can itself be a personal value (a header row chosen by hand): stored masked.
        return f"'{safe_label(self.hdr.display)}'"


def mask_profile(profile: ColumnProfile, kind: str) -> None:
    """Personal data never reaches the catalog: samples, top values and min/max are masked
    (date tails are dropped: a birth date column has no time range to give)."""
    profile.date_tails = {}
    if profile.masked:
        return
    profile.samples = [mask_value(v, kind) for v in profile.samples]
    profile.top_values = [(mask_value(v, kind), n) for v, n in profile.top_values]
    if profile.min_value is not None:
        profile.min_value = mask_value(profile.min_value, kind)
    if profile.max_value is not None:
        profile.max_value = mask_value(profile.max_value, kind)
    profile.masked = True


def _is_count(c: _Col) -> bool:
    return c.hdr.count and c.p.inferred_type in ("integer", "decimal")


def _org_key(cols: Sequence[_Col]) -> _Col | None:
    """The column naming the organisation or place each row is about, if any."""
    for c in cols:
        if c.kind == "person_name" or c.nonnull < 2 or c.distinct_ratio < KEY_DISTINCT:
            continue
        ev = c.p.evidence
        org_values = ev is not None and ev.n >= 3 and ev.org_like / ev.n >= 0.5
        if c.hdr.org_name or org_values:
            return c
    return None


def _person_level(cols: Sequence[_Col], org: _Col | None) -> str:
    """Why the rows are people ('' when they are not, or it cannot be told)."""
    ids = [c for c in cols if c.kind in _ID_KINDS and c.verdict.personal]
    if ids:
        return "행마다 한 사람: " + ", ".join(f"{c.name()}({_kind_word(c.kind)})" for c in ids)
    names = [
        c
        for c in cols
        if c.kind == "person_name"
        and not c.hdr.agent
        and c.hdr.person
        and (c.distinct_ratio >= KEY_DISTINCT or c.nonnull < 4)
    ]
    if names:  # a subject's name per row: people, even beside their 소속기관명
        return "행마다 한 사람: " + ", ".join(f"{c.name()}(성명)" for c in names)
    if any(_is_count(c) for c in cols) or org is not None:
        return ""
    kinds = {c.kind for c in cols}
    quasi = [c for c in cols if c.kind in ("gender", "age", "sex_age")]
    sensitive = [c for c in cols if c.kind in _SENSITIVE]
    named = [c for c in cols if _name_values(c)]
    if "sex_age" in kinds or {"gender", "age"} <= kinds:
        return "행마다 한 사람: " + ", ".join(f"{c.name()}({_kind_word(c.kind)})" for c in quasi)
    if sensitive and (quasi or named):
        found = sensitive + quasi + named
        return "행마다 한 사람: " + ", ".join(c.name() for c in found)
    return ""


def _kind_word(kind: str | None) -> str:
    from catalog_app.scan.pii import PII_KINDS

    return PII_KINDS.get(kind or "", kind or "")


def _name_values(c: _Col) -> bool:
    """Values shaped like people's names, diverse in their last syllable (not a list of 구)."""
    ev = c.p.evidence
    if ev is None or ev.n < 5 or ev.name_like / ev.n < NAME_SHARE:
        return False
    return ev.name_suffix_top <= NAME_SUFFIX_SHARE * ev.name_like and c.distinct_ratio >= 0.5


def _set(c: _Col, verdict: PiiInfo | None) -> None:
    c.p.privacy = verdict


def _phone_context(c: _Col, cols: Sequence[_Col], org: _Col | None) -> str:
    """Why this phone column is an organisation's number ('' when nothing says so)."""
    reasons = []
    if org is not None:
        reasons.append(f"{org.name()} 컬럼이 있는 업소·기관 목록")
    if c.hdr.institutional:
        reasons.append(f"머리글 {c.name()}이(가) 기관·업소 전화")
    top = c.p.top_values[0][1] if c.p.top_values else 0
    if c.nonnull >= 10 and c.distinct_ratio <= REPEAT_SHARE and top >= 3:
        with_org = [
            o
            for o in cols
            if o is not c
            and o.hdr.org_name
            and o.p.distinct_count
            and 0.5 <= c.p.distinct_count / o.p.distinct_count <= 2.0
        ]
        if with_org:
            reasons.append(f"같은 번호가 {with_org[0].name()}과(와) 함께 여러 행에 되풀이됨")
        else:
            reasons.append(f"같은 번호가 여러 행에 되풀이됨(최다 {top}행)")
    return "; ".join(reasons)


def _judge_phone(c: _Col, cols: Sequence[_Col], org: _Col | None, person: str) -> None:
    v = c.verdict
    if person:
        _set(c, dataclasses.replace(v, reason=f"{v.reason} · 사람 목록(행마다 한 사람)의 연락처"))
        return
    why = _phone_context(c, cols, org)
    if not why:
        return
    ev = c.p.evidence
    numbers = (ev.phone + ev.mobile) if ev is not None else 0
    mobile = ev.mobile / numbers if numbers else (1.0 if v.kind == "mobile" else 0.0)
    if mobile >= MOBILE_SHARE:
        reason = (
            f"{v.reason} · {why}이지만 휴대전화가 {round(mobile * 100)}%여서 개인(사업자) 번호일 "
            "수 있음"
        )
        _set(c, dataclasses.replace(v, reason=reason))
        return
    reason = f"업소·기관 전화번호로 보아 개인정보 아님: {why} ({v.reason})"
    _set(c, dataclasses.replace(v, reason=reason, personal=False, quasi_identifier=False))


def _judge_address(c: _Col, org: _Col | None, person: str) -> None:
    v = c.verdict
    if person:
        reason = f"{v.reason} · 사람 목록(행마다 한 사람)의 주소"
        _set(c, dataclasses.replace(v, quasi_identifier=True, reason=reason))
    elif org is not None:
        reason = (
            f"업소·시설 소재지로 보아 개인정보 아님: {org.name()} 컬럼이 있는 목록 ({v.reason})"
        )
        _set(c, dataclasses.replace(v, reason=reason, personal=False, quasi_identifier=False))


def _new_in_person_list(c: _Col) -> PiiInfo | None:
    """Findings only a list of people gives: names by value, addresses, places, dates, 직업."""
    ev = c.p.evidence
    kind = c.p.inferred_type
    if _name_values(c):
        share = round(ev.name_like / ev.n, 4)
        return PiiInfo(
            "person_name",
            share,
            f"사람 목록에서 값의 {round(share * 100)}%가 사람 이름 형식(성씨로 시작하는 한글 2~4자)",
            "table",
        )
    if ev is not None and ev.n and ev.addr_base / ev.n >= (0.5 if c.hdr.address_generic else 0.6):
        return PiiInfo(
            "address",
            round(ev.addr_base / ev.n, 4),
            "사람 목록의 주소(도로명·지번과 건물번호)",
            "table",
            personal=True,
            quasi_identifier=True,
        )
    if c.hdr.quasi is not None and kind in ("text", "code", "flag") and c.p.distinct_count > 1:
        what = "지역" if c.hdr.quasi == "region" else "인적 속성"
        return PiiInfo(
            c.hdr.quasi,
            0.0,
            f"사람 목록의 {what}({c.name()}): 다른 컬럼과 합치면 사람을 좁힘(준식별자)",
            "table",
            personal=False,
            quasi_identifier=True,
        )
    if kind in ("date", "datetime") and c.p.distinct_count > 1:
        return PiiInfo(
            "event_date",
            0.0,
            f"사람 목록의 날짜({c.name()}): 다른 컬럼과 합치면 사람을 좁힘(준식별자)",
            "table",
            personal=False,
            quasi_identifier=True,
        )
    return None


def judge_table(columns: Sequence[ColumnProfile]) -> str:
    """Settle every column's verdict in the context of its table (see the module doc).

    Updates ``privacy``, ``pii`` and masking of each profile in place and returns why the rows
    are people ('' when they are not). Evidence is dropped afterwards (it is never stored).
    """
    cols = [_Col(p, analyse_header(p.label)) for p in columns]
    org = _org_key(cols)
    person = _person_level(cols, org)
    for c in cols:
        v = c.verdict
        if v is None:
            if person:
                _set(c, _new_in_person_list(c))
        elif v.kind in _PHONES:
            _judge_phone(c, cols, org, person)
        elif v.kind in _ADDRESSES:
            _judge_address(c, org, person)
        elif v.kind in _QUASI_ONLY:
            if person:
                _set(c, dataclasses.replace(v, reason=f"{v.reason} · 사람 목록의 준식별자"))
            else:
                _set(c, None)  # 성별/나이 of a statistic or a code list: nothing about a person
        elif v.kind in _SENSITIVE:
            if person:
                reason = f"{v.reason} · 사람 목록이라 개인의 민감정보"
                _set(c, dataclasses.replace(v, reason=reason, personal=True))
            else:
                reason = f"{v.reason} · 행이 사람이 아닌 것으로 보여 개인정보 아님"
                _set(c, dataclasses.replace(v, reason=reason, personal=False))
        elif v.kind == "vehicle_no" and not person and org is not None:
            reason = f"업소·기관의 차량으로 보아 개인정보 아님: {org.name()} 컬럼이 있는 목록"
            _set(c, dataclasses.replace(v, reason=f"{reason} ({v.reason})", personal=False))
    for c in cols:
        p = c.p
        verdict = p.privacy
        p.pii = verdict if verdict is not None and verdict.personal else None
        if p.pii is not None:
            mask_profile(p, p.pii.kind)
        p.evidence = None
    return person
