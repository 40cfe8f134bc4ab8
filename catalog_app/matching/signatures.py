"""Value signatures: what a column is, read from its values when the header does not say.

A person looking at ``행정구역코드 = 2644010200, 2644010300`` sees 법정동코드 because those are
codes of the 법정동 list; ``동별(1) = 청운효자동, 사직동`` are 동 names; ``37.51, 36.30`` beside
``127.04`` are a latitude and a longitude.  ``signature`` recognises these from the values a
profile keeps (top values or samples, min/max, decimals):

* codes of an official list shipped in ``resources/codes`` (``tools/build_code_lists.py``, read
  by ``catalog_app.codelists``, which the quality diagnosis shares): 10-digit 법정동코드, 5-digit
  시군구 codes derived from them, 7-digit 행정표준 기관코드;
* shapes: 읍면동 names (…동, …읍, …면, …N가);
* number ranges: decimals inside Korea's latitudes (32–40) or longitudes (123–133).

Each signature is evidence with its own short Korean reason line ("값 3/3개가 법정동코드 목록에
있음"); ``values.summarise`` puts it in ``Values.semantic`` and the matcher ranks by it like the
other value kinds.  The lists are partial (see resources/codes/SOURCES.md): a value missing from
them only goes unrecognised.

Split from ``values`` because reading values by official lists is a subject of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog_app.codelists import legal_dong_codes, org_codes, sgg_codes

__all__ = ["Signature", "legal_dong_codes", "org_codes", "sgg_codes", "signature"]

CODE_SIGNATURES = frozenset({"legal_dong_code", "sgg_code", "org_code"})

_EMD = re.compile(r"^[가-힣][가-힣0-9.·,]{0,10}(?:동|읍|면|[0-9]가)$")
_NOT_EMD = re.compile(r"(?:시|군|구|도)$|아파트|빌딩|센터|회관")
_DECIMAL = re.compile(r"^-?\d{1,3}\.(\d+)$")


@dataclass(frozen=True)
class Signature:
    kind: str  # legal_dong_code, sgg_code, org_code, emd_name, lat, lon
    share: float
    reason: str  # Korean, one short line


def signature(
    texts: list[str],
    main: str,
    min_value: str | None = None,
    max_value: str | None = None,
) -> Signature | None:
    """The signature the values clearly have, or None.  ``texts`` are distinct values (a
    profile's top values or samples); ``main`` its inferred type."""
    vals = [t.strip() for t in texts if t and t.strip()]
    if not vals:
        return None
    n = len(vals)
    digits = [v for v in vals if v.isdigit()]
    if len(digits) == n:
        lengths = {len(v) for v in vals}
        if lengths == {10}:
            k = sum(1 for v in vals if v in legal_dong_codes())
            if k >= 0.8 * n:
                return Signature("legal_dong_code", k / n, f"값 {k}/{n}개가 법정동코드 목록에 있음")
        elif lengths == {5}:
            k = sum(1 for v in vals if v in sgg_codes())
            if k >= 0.8 * n:
                return Signature("sgg_code", k / n, f"값 {k}/{n}개가 시군구코드 목록에 있음")
        elif lengths == {7}:
            k = sum(1 for v in vals if v in org_codes())
            # the shipped 기관코드 list is partial: half the values known is evidence enough
            if k >= 0.5 * n:
                return Signature("org_code", k / n, f"값 {k}/{n}개가 행정표준 기관코드 목록에 있음")
        return None
    if main == "text":
        k = sum(1 for v in vals if _EMD.match(v) and not _NOT_EMD.search(v))
        if k >= 0.8 * n:
            return Signature("emd_name", k / n, f"값 {k}/{n}개가 읍면동 이름 형식")
        return None
    if main == "decimal":
        return _coordinate(vals, min_value, max_value)
    return None


def _coordinate(vals: list[str], lo: str | None, hi: str | None) -> Signature | None:
    """Decimals with four or more places inside Korea's latitudes or longitudes."""
    try:
        low = float(lo) if lo is not None else min(float(v) for v in vals)
        high = float(hi) if hi is not None else max(float(v) for v in vals)
    except ValueError:
        return None
    places = [len(m.group(1)) for v in vals if (m := _DECIMAL.match(v))]
    if not places or len(places) < 0.9 * len(vals) or min(places) < 4:
        return None
    if low >= 32 and high <= 40:
        return Signature("lat", 1.0, f"값이 위도 범위의 소수 ({low:g}~{high:g})")
    if low >= 123 and high <= 133:
        return Signature("lon", 1.0, f"값이 경도 범위의 소수 ({low:g}~{high:g})")
    return None
