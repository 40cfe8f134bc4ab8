"""Metadata the scan and the settings already know, so a coordinator only types the rest.

* 확장자, 전체행 and 파일데이터명 from the file; 시간범위 from its date columns (columns holding
  personal data such as 생년월일 are left out: their range would describe a person).
* 개인정보여부 from the personal data the scan found. It also proposes the openness: 부분공개
  with 9-6 (정보공개법 제9조①6) when the personal columns can be withheld on their own
  (공공데이터법 제17조②), 비공개 when every column is personal; those columns get 비공개 + 9-6.
  A list of people (rows are people, ``tables.person_level``) is proposed 비공개 with the reason,
  never 공개 or 부분공개: the columns left open could still single a person out, so opening it
  is the coordinator's call after the re-identification check (``privacy.reident``).
* 관리 부서명 from the folder (department settings, else the first folder), the phone from the
  department settings or the institution's number, 이용허락범위/공간범위 from the defaults.
* 표준데이터여부 from the column names: Y when a table follows a 공공데이터 제공표준
  (``quality.provision``, the layouts shipped in resources/provision), else N.

An entered value always wins over a derived one (``merge``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import PurePath

from catalog_app.disclosure import vocab
from catalog_app.disclosure.model import ENTERED, SCAN, SETTINGS
from catalog_app.matching.compliance import ROOT_DEPARTMENT
from catalog_app.scan.values import classify_value

# Required fields the app never fills by itself: only a person can enter them.
ENTRY_ONLY_REQUIRED = ("category", "update_cycle", "next_update", "keywords", "description")

FORMAT_NAMES = {"xlsx": "XLSX", "xlsm": "XLSX", "xls": "XLS", "csv": "CSV", "txt": "CSV"}
PII_REASON_DETAIL = "정보공개법 제9조①6 (개인정보)"
_EARLIEST, _LATEST_AHEAD = 1900, 10  # plausible years for 시간범위


def file_format(ext: str, real_format: str | None) -> str:
    """'CSV', 'XLSX' … from the real format when known (a .xls that is HTML stays 'XLS')."""
    ext = (ext or "").lstrip(".").lower()
    return FORMAT_NAMES.get(ext) or FORMAT_NAMES.get((real_format or "").lower(), ext.upper())


def _as_date(text: str | None) -> date | None:
    if not text:
        return None
    info = classify_value(text)
    if info is None or info.kind not in ("date", "datetime"):
        return None
    value = info.normalized
    return value.date() if isinstance(value, datetime) else value


def temporal_range(columns, today: date | None = None) -> str:
    """'YYYY-MM-DD ~ YYYY-MM-DD' over the non-personal date columns, '' when there are none."""
    today = today or date.today()
    lows, highs = [], []
    for c in columns:
        if c["inferred_type"] not in ("date", "datetime") or c["pii_kind"]:
            continue
        lo, hi = _as_date(c["min_value"]), _as_date(c["max_value"])
        for d, bucket in ((lo, lows), (hi, highs)):
            if d is not None and _EARLIEST <= d.year <= today.year + _LATEST_AHEAD:
                bucket.append(d)
    if not lows or not highs:
        return ""
    return f"{min(lows).isoformat()} ~ {max(highs).isoformat()}"


def dataset_values(
    dataset,
    tables,
    columns,
    *,
    department: str,
    institution: dict[str, str],
    department_phone: str = "",
    today: date | None = None,
) -> dict[str, tuple[str, str]]:
    """Derived dataset-level values: field key → (value, source)."""
    out: dict[str, tuple[str, str]] = {"list_type": ("FILE", SCAN), "include": ("Y", SCAN)}
    out["formats"] = (file_format(dataset["ext"], dataset["real_format"]), SCAN)
    if department != ROOT_DEPARTMENT:  # a file straight in the scanned folder: ask, do not guess
        out["department"] = (department, SCAN)
    stem = PurePath(dataset["name"]).stem
    org = institution.get("name", "")
    title = f"{org}_{stem}" if org else stem
    out["title"] = (title, SCAN)
    if dataset["mtime_ns"]:
        day = datetime.fromtimestamp(dataset["mtime_ns"] / 1e9).strftime("%Y%m%d")
        out["file_data_name"] = (f"{title}_{day}", SCAN)
    if tables:
        out["row_count"] = (str(sum(t["row_count"] for t in tables)), SCAN)
    temporal = temporal_range(columns, today)
    if temporal:
        out["temporal"] = (temporal, SCAN)
    pii = [c for c in columns if c["pii_kind"]]
    people = person_level(tables)
    if dataset["status"] == "ok" and columns:
        from catalog_app.quality.provision import dataset_standard

        standard = dataset_standard(columns, dataset["name"])
        out["standard_data"] = ("Y" if standard else "N", SCAN)
    if dataset["status"] == "ok":
        out["pii"] = ("Y" if pii or people else "N", SCAN)
        if people:
            out["openness"] = (vocab.CLOSED, SCAN)
            out["reason"] = (vocab.PERSONAL_DATA_REASON, SCAN)
            out["reason_detail"] = (
                f"{PII_REASON_DETAIL}; 개인 단위 목록({people}) — 검토 필요: 공개하려면 "
                "재식별 점검(k ≥ 5)을 통과해야 함",
                SCAN,
            )
        elif pii:
            everything = len(pii) == len(columns)
            out["openness"] = (vocab.CLOSED if everything else vocab.PARTIAL, SCAN)
            out["reason"] = (vocab.PERSONAL_DATA_REASON, SCAN)
            out["reason_detail"] = (PII_REASON_DETAIL, SCAN)
        else:
            out["openness"] = (vocab.OPEN, SCAN)
    phone = department_phone or institution.get("default_phone", "")
    if phone:
        out["phone"] = (phone, SETTINGS)
    for key, setting in (("licence", "default_licence"), ("spatial", "spatial")):
        if institution.get(setting):
            out[key] = (institution[setting], SETTINGS)
    out["cost"] = ("무료", SETTINGS)
    return out


def person_level(tables) -> str:
    """Why the dataset's rows are people (the first table that says so), '' when none does."""
    for t in tables:
        keys = t.keys() if hasattr(t, "keys") else ()
        if "person_level" in keys and t["person_level"]:
            return t["person_level"]
    return ""


def column_values(column) -> dict[str, tuple[str, str]]:
    """Derived column-level values: a personal column is proposed 비공개 for 9-6."""
    if not column["pii_kind"]:
        return {"pii": ("N", SCAN)}
    return {
        "pii": ("Y", SCAN),
        "openness": (vocab.CLOSED, SCAN),
        "reason": (vocab.PERSONAL_DATA_REASON, SCAN),
    }


def merge(
    derived: dict[str, tuple[str, str]], entered: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """(values, sources): entered values over derived ones; empty values are dropped."""
    derived = dict(derived)
    if entered.get("openness"):
        # the proposed 사유 belongs to the proposed openness, not to one a person chose
        for key in ("reason", "reason_detail"):
            derived.pop(key, None)
    values = {k: v for k, (v, _s) in derived.items() if v}
    sources = {k: s for k, (v, s) in derived.items() if v}
    for key, value in entered.items():
        if value:
            values[key], sources[key] = value, ENTERED
    return values, sources
