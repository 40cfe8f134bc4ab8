"""Metadata the scan and the settings already know, so a coordinator only types the rest.

* 확장자 and 전체행 from the file; 목록명 from its name without the download stamp, 기준일자 from a
  기준일자 column, the file name or its date, 파일데이터명 = 목록명_기준일자 (the entered 목록명 and
  기준일자 when there are); 시간범위 from the date columns the coordinator picks or the default
  ones, implausible dates left out and named (``derive_dates``).
* 개인정보여부 from the personal data the scan found. It also proposes the openness: 부분공개
  with 9-6 (정보공개법 제9조①6) when the personal columns can be withheld on their own
  (공공데이터법 제17조②), 비공개 when every column is personal; those columns get 비공개 + 9-6.
  A list of people (rows are people, ``tables.person_level``) is proposed 비공개 with the reason,
  never 공개 or 부분공개: the columns left open could still single a person out, so opening it
  is the coordinator's call after the re-identification check (``privacy.reident``).
* 관리 부서명 from the folder (department settings, else the first folder), the phone from the
  department settings or the institution's number, 이용허락범위/공간범위 from the defaults, 매체유형
  텍스트 and 제공형태 원문파일등록 (a spreadsheet registered on the portal), 정보시스템 from the
  folder's link.
* 표준데이터여부 from the column names: Y when a table follows a 공공데이터 제공표준
  (``quality.provision``, the layouts shipped in resources/provision), else N.

An entered value always wins over a derived one (``merge``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from catalog_app.disclosure import vocab
from catalog_app.disclosure.derive_dates import (
    clean_title,
    range_of,
    reference_columns,
    reference_date,
    time_range,
)
from catalog_app.disclosure.model import ENTERED, SCAN, SETTINGS
from catalog_app.matching.compliance import ROOT_DEPARTMENT

# Required fields the app never fills by itself: only a person can enter them.
ENTRY_ONLY_REQUIRED = ("category", "update_cycle", "next_update", "keywords", "description")

FORMAT_NAMES = {"xlsx": "XLSX", "xlsm": "XLSX", "xls": "XLS", "csv": "CSV", "txt": "CSV"}
PII_REASON_DETAIL = "정보공개법 제9조①6 (개인정보)"


def file_format(ext: str, real_format: str | None) -> str:
    """'CSV', 'XLSX' … from the real format when known (a .xls that is HTML stays 'XLS')."""
    ext = (ext or "").lstrip(".").lower()
    return FORMAT_NAMES.get(ext) or FORMAT_NAMES.get((real_format or "").lower(), ext.upper())


@dataclass
class Derived:
    """Derived dataset values with how they were made."""

    values: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (value, source)
    notes: dict[str, str] = field(default_factory=dict)  # key -> how it was made (Korean)
    doubts: dict[str, str] = field(default_factory=dict)  # key -> what to look at (Korean)


def dataset_values(
    dataset,
    tables,
    columns,
    *,
    department: str,
    institution: dict[str, str],
    department_phone: str = "",
    today: date | None = None,
    entered: dict[str, str] | None = None,
    terms: dict[int, tuple[str, str]] | None = None,
    system: str = "",
) -> Derived:
    """Derived dataset-level values. ``entered``: what a person typed (a 목록명, 기준일자 or
    시간범위 기준 컬럼 typed in changes what is derived from it); ``terms``: column id →
    (working term, its domain); ``system``: the 정보시스템 linked to the dataset's folder."""
    entered, terms = entered or {}, terms or {}
    today = today or date.today()
    out = Derived()
    values = out.values
    values.update({"list_type": ("FILE", SCAN), "include": ("Y", SCAN)})
    values["formats"] = (file_format(dataset["ext"], dataset["real_format"]), SCAN)
    if department != ROOT_DEPARTMENT:  # a file straight in the scanned folder: ask, do not guess
        values["department"] = (department, SCAN)
    title, name_date = clean_title(PurePath(dataset["name"]).stem, institution.get("name", ""))
    values["title"] = (title, SCAN)
    _dates(out, dataset, columns, terms, entered, name_date, today)
    if tables:
        values["row_count"] = (str(sum(t["row_count"] for t in tables)), SCAN)
    pii = [c for c in columns if c["pii_kind"]]
    people = person_level(tables)
    if dataset["status"] == "ok" and columns:
        from catalog_app.quality.provision import dataset_standard

        standard = dataset_standard(columns, dataset["name"])
        values["standard_data"] = ("Y" if standard else "N", SCAN)
    if dataset["status"] == "ok":
        values["pii"] = ("Y" if pii or people else "N", SCAN)
        if people:
            values["openness"] = (vocab.CLOSED, SCAN)
            values["reason"] = (vocab.PERSONAL_DATA_REASON, SCAN)
            values["reason_detail"] = (
                f"{PII_REASON_DETAIL}; 개인 단위 목록({people}) — 검토 필요: 공개하려면 "
                "재식별 점검(k ≥ 5)을 통과해야 함",
                SCAN,
            )
        elif pii:
            everything = len(pii) == len(columns)
            values["openness"] = (vocab.CLOSED if everything else vocab.PARTIAL, SCAN)
            values["reason"] = (vocab.PERSONAL_DATA_REASON, SCAN)
            values["reason_detail"] = (PII_REASON_DETAIL, SCAN)
        else:
            values["openness"] = (vocab.OPEN, SCAN)
    phone = department_phone or institution.get("default_phone", "")
    if phone:
        values["phone"] = (phone, SETTINGS)
    for key, setting in (("licence", "default_licence"), ("spatial", "spatial")):
        if institution.get(setting):
            values[key] = (institution[setting], SETTINGS)
    values["cost"] = ("무료", SETTINGS)
    values["media_type"] = (vocab.DEFAULT_MEDIA_TYPE, SETTINGS)
    values["delivery"] = (vocab.DEFAULT_DELIVERY, SETTINGS)
    if system:
        values["info_system"] = (system, SETTINGS)
    return out


def person_level(tables) -> str:
    """Why the dataset's rows are people (the first table that says so), '' when none does."""
    for t in tables:
        keys = t.keys() if hasattr(t, "keys") else ()
        if "person_level" in keys and t["person_level"]:
            return t["person_level"]
    return ""


def _dates(out: Derived, dataset, columns, terms, entered, name_date, today: date) -> None:
    """시간범위, 기준일자 and 파일데이터명 (see ``derive_dates``)."""
    values = out.values
    span = time_range(columns, terms, entered.get("temporal_column", ""), today)
    if span.value:
        values["temporal"] = (span.value, SCAN)
        values["temporal_column"] = (", ".join(span.columns), SCAN)
    note = span.note()
    if note:
        out.notes["temporal"] = note
    if span.problem:
        key = "temporal_column" if entered.get("temporal_column") else "temporal"
        out.doubts[key] = span.problem
    elif span.left_out:
        out.doubts["temporal"] = f"시간범위에서 뺀 날짜: {', '.join(span.left_out)} — 확인하세요."
    day, basis = reference_date(
        range_of(reference_columns(columns, terms), today), name_date, dataset["mtime_ns"]
    )
    if day is not None:
        values["reference_date"] = (day.isoformat(), SCAN)
        out.notes["reference_date"] = basis
    title = entered.get("title") or values["title"][0]
    typed_day = vocab_date(entered.get("reference_date", ""))
    stamp = typed_day or day
    if stamp is not None:
        values["file_data_name"] = (f"{title}_{stamp:%Y%m%d}", SCAN)


def vocab_date(text: str) -> date | None:
    """A typed YYYY-MM-DD date, or None."""
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


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
