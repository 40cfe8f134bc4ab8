"""Frictionless Data Package descriptors for the published datasets.

A ``datapackage.json`` is metadata only: it names the data file (``path``) and describes its
sheets and columns, so that the file, published beside the descriptor, can be read and validated
by frictionless, CKAN or any Table Schema tool. This module never reads or copies the data file
and never writes a sample value. Descriptors are written by hand with ``json`` (frictionless is
used only by the tests).

What is described is what may be published: the datasets the DCAT export shows (on the list,
공개 or 부분공개), and within them only the columns whose 공개여부 is not 비공개 — the file
published for a 부분공개 dataset has the withheld columns removed. Free text passes ``scrub``.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path, PurePath

from catalog_app.disclosure.exports.dcat import (
    MEDIA_TYPES,
    dataset_hash,
    landing_page,
    published_datasets,
)
from catalog_app.disclosure.model import ColumnRecord, DatasetRecord, DisclosureState
from catalog_app.disclosure.safe import scrub
from catalog_app.disclosure.vocab import CLOSED, LICENCE_URLS, reason_label
from catalog_app.safe_files import save_atomic

# Short licence ids: SPDX for Creative Commons, 'KOGL-TypeN' for 공공누리 (SPDX has no KOGL id).
LICENCE_IDS = {
    "공공저작물_출처표시": "KOGL-Type1",
    "공공저작물_출처표시 + 상업적 이용금지": "KOGL-Type2",
    "공공저작물_출처표시 + 변경금지": "KOGL-Type3",
    "공공저작물_출처표시 + 상업적 이용금지 + 변경금지": "KOGL-Type4",
    "저작자표시": "CC-BY-4.0",
    "저작자표시-비영리": "CC-BY-NC-4.0",
    "저작자표시-변경금지": "CC-BY-ND-4.0",
    "저작자표시-동일조건변경허락": "CC-BY-SA-4.0",
    "저작자표시-비영리-변경금지": "CC-BY-NC-ND-4.0",
    "저작자표시-비영리-동일조건변경허락": "CC-BY-NC-SA-4.0",
}
EXCEL = ("xlsx", "xls")
_DEFAULT_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S")  # Table Schema's default: no "format" needed
# strptime pieces for a dictionary 저장 형식 such as 'YYYYMMDD' or 'YYYY-MM-DD HH24:MI:SS'.
_DATE_PARTS = (
    ("YYYY", "%Y"),
    ("HH24", "%H"),
    ("MM", "%m"),
    ("DD", "%d"),
    ("HH", "%H"),
    ("MI", "%M"),
    ("SS", "%S"),
)


def build_datapackage(state: DisclosureState, dataset: DatasetRecord, name: str = "") -> dict:
    """The descriptor of one dataset; ``name`` overrides the package name (to keep it unique)."""
    d = dataset
    inst = state.institution
    package: dict = {"name": name or package_name(state, d)}
    package["title"] = scrub(d.get("title") or d.name)
    _put(package, "description", scrub(d.get("description")))
    _put(package, "homepage", landing_page(d))
    keywords = [scrub(k.strip()) for k in d.get("keywords").split(",")]
    _put(package, "keywords", [k for k in keywords if k])
    _put(package, "licenses", _licences(d.get("licence")))
    department = scrub(d.get("department") or d.department)
    if department:
        contributor = {"title": department, "role": "publisher"}
        _put(contributor, "organization", scrub(inst.get("name", "") or ""))
        package["contributors"] = [contributor]
    _put(package, "created", _created(state.created_at))
    package["x-catalog-app"] = {
        "year": state.year,
        "institutionCode": inst.get("code", "") or "",
        "listKey": d.get("list_key"),
        "openness": d.get("openness"),
        "reason": reason_label(d.get("reason")),
        "department": department,
        "licence": d.get("licence"),
        "standardEdition": state.edition,
    }
    package["resources"] = _resources(state, d)
    return package


def write_datapackages(state: DisclosureState, out_dir: Path) -> list[Path]:
    """Write ``out_dir/<name>/datapackage.json`` per published dataset; returns the files."""
    out_dir = Path(out_dir)
    written: list[Path] = []
    used: set[str] = set()
    for d in published_datasets(state):
        name = _unique(package_name(state, d), used)
        path = out_dir / name / "datapackage.json"
        text = json.dumps(build_datapackage(state, d, name), ensure_ascii=False, indent=2)
        save_atomic(lambda tmp, text=text: tmp.write_text(text + "\n", encoding="utf-8"), path)
        written.append(path)
    return written


def package_name(state: DisclosureState, d: DatasetRecord) -> str:
    """'kr-{기관코드}-{목록키}' once registered, else 'dataset-{id}' (Data Package v1 name rule)."""
    key = slug(d.get("list_key"))
    if key:
        code = slug(state.institution.get("code", "") or "") or "institution"
        return f"kr-{code}-{key}"
    ident = d.dataset_id if d.dataset_id is not None else dataset_hash(d)
    return f"dataset-{ident}"


def slug(text: str) -> str:
    """Lower-case ``[a-z0-9._-]`` only ('' when nothing of the text is ASCII)."""
    text = re.sub(r"[^a-z0-9._-]+", "-", (text or "").strip().lower())
    return text.strip("-.")


def _resources(state: DisclosureState, d: DatasetRecord) -> list[dict]:
    fmt = PurePath(d.name).suffix.lower().lstrip(".")
    base = {"path": scrub(d.name)}
    _put(base, "format", fmt)
    _put(base, "mediatype", MEDIA_TYPES.get(fmt.upper(), ""))
    if not d.tables:  # unreadable file: still described, without a schema
        return [{"name": _table_name(PurePath(d.name).stem, 1), **base}]
    columns = state.columns_of(d.key)
    resources: list[dict] = []
    used: set[str] = set()
    for number, table in enumerate(d.tables, start=1):
        name = _unique(_table_name(table.name, number), used)
        resource = {"name": name, "title": scrub(table.name), **base}
        if fmt in EXCEL:  # frictionless v5 form; the v2 standard would say "sheetName"
            resource["dialect"] = {"excel": {"sheet": scrub(table.name)}}
        fields = [c for c in columns if c.table_key == table.table_key]
        resource["schema"] = {"fields": _fields(sorted(fields, key=lambda c: c.col_index))}
        resources.append(resource)
    return resources


def _table_name(text: str, number: int) -> str:
    """The sheet name when it is ASCII, else 'table-N' (Korean names fail the v1 name rule)."""
    name = slug(text) if text.isascii() else ""
    return name or f"table-{number}"


def _fields(columns: list[ColumnRecord]) -> list[dict]:
    fields: list[dict] = []
    used: set[str] = set()
    for c in columns:
        if c.get("openness") == CLOSED:
            continue
        label = scrub(c.label.strip()) or f"column{c.col_index + 1}"
        field = {"name": _unique(label, used, sep="_")}
        _put(field, "title", scrub(c.term_name or c.label.strip()))
        field.update(field_type(c))
        _put(field, "description", scrub(c.get("description")))
        if c.not_null:
            field["constraints"] = {"required": True}
        if c.term_name:
            field["x-standard-term"] = c.term_name
            _put(field, "x-standard-abbr", c.term_abbr)
            _put(field, "x-domain", c.domain)
        fields.append(field)
    return fields


def field_type(c: ColumnRecord) -> dict:
    """Table Schema type (and date format) from the dictionary domain, else from the profile.

    A domain's CHAR/VARCHAR stays a string even when the values look numeric (codes keep their
    leading zeros); a date is recognised from the 저장 형식 so 'YYYYMMDD' reads as a date.
    """
    fmt = _strptime(c.storage_format)
    if fmt:
        kind = {"type": "datetime" if "%H" in fmt else "date"}
        return kind if fmt in _DEFAULT_FORMATS else {**kind, "format": fmt}
    data_type = c.data_type.upper()
    if c.type_source == "domain" and data_type in ("CHAR", "VARCHAR"):
        return {"type": "string"}
    if data_type == "NUMERIC" or c.inferred_type in ("integer", "decimal"):
        decimal = _int(c.scale) > 0 or c.inferred_type == "decimal"
        return {"type": "number" if decimal else "integer"}
    if c.inferred_type in ("date", "datetime"):
        return {"type": c.inferred_type, "format": "any"}
    if data_type == "DATETIME":
        return {"type": "datetime", "format": "any"}
    return {"type": "string"}


def _strptime(storage: str) -> str:
    """'YYYYMMDD' → '%Y%m%d'; '' for anything that is not a full date (e.g. 'YYYYMM')."""
    text = (storage or "").strip()
    for token, code in _DATE_PARTS:
        text = text.replace(token, code)
    if re.search(r"[A-Za-z0-9%]", re.sub(r"%[YmdHMS]", "", text)):
        return ""  # a token this mapping does not know
    return text if all(part in text for part in ("%Y", "%m", "%d")) else ""


def _created(text: str) -> str:
    """The snapshot time as RFC 3339, which the Data Package "created" property requires."""
    try:
        return datetime.fromisoformat(text).isoformat(timespec="seconds")
    except (TypeError, ValueError):
        return ""


def _licences(licence: str) -> list[dict]:
    url = LICENCE_URLS.get(licence)
    if not url:  # '이용허락범위 제한 없음' has no licence document (kept in x-catalog-app)
        return []
    return [{"name": LICENCE_IDS[licence], "path": url, "title": licence}]


def _unique(name: str, used: set[str], sep: str = "-") -> str:
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name}{sep}{n}"
    used.add(candidate)
    return candidate


def _int(text: str) -> int:
    return int(text) if (text or "").strip().isdigit() else 0


def _put(node: dict, key: str, value) -> None:
    if value:
        node[key] = value
