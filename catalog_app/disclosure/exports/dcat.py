"""The public data list as a DCAT catalog in JSON-LD (W3C DCAT 2, the fields
mapped as in ``vocab``).

Portals and harvesters outside data.go.kr (DCAT-AP, CKAN) read DCAT; JSON-LD lets them parse it as
RDF without a Korean-specific reader. The document is written by hand with ``json`` so the app
needs no RDF library (rdflib only checks the output in the tests).

Only what may be published goes in: datasets on the list (목록포함여부 ≠ N) whose 공개여부 is 공개
or 부분공개. A 비공개 dataset (or one whose 공개여부 is still empty) is held but not published, so
it is left out. Every free-text value passes through ``scrub`` so a resident number typed into a
description never reaches the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote

from catalog_app.disclosure.model import DatasetRecord, DisclosureState
from catalog_app.disclosure.safe import scrub
from catalog_app.disclosure.vocab import (
    CYCLE_PERIODS,
    LICENCE_URLS,
    OPEN,
    PARTIAL,
    reason_label,
)
from catalog_app.safe_files import save_atomic

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

NO_RESTRICTION = "이용허락범위 제한 없음"
PUBLIC_ACCESS = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
_IANA = "https://www.iana.org/assignments/media-types/"
_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
# 확장자 → IANA media type; the EU file-type authority has the same upper-case codes.
MEDIA_TYPES = {
    "CSV": "text/csv",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "XLS": "application/vnd.ms-excel",
    "JSON": "application/json",
    "XML": "application/xml",
}
_PERIOD = re.compile(r"\s*(\d{4}-\d{2}-\d{2})\s*~\s*(\d{4}-\d{2}-\d{2})\s*")


def published_datasets(state: DisclosureState) -> list[DatasetRecord]:
    """The datasets an export may show: on the list and 공개 or 부분공개 (never 비공개 or unset)."""
    return [d for d in state.included_datasets() if d.get("openness") in (OPEN, PARTIAL)]


def landing_page(dataset: DatasetRecord) -> str:
    """The data.go.kr page of a registered list ('' before it has a 목록키)."""
    key = dataset.get("list_key").strip()
    return f"https://www.data.go.kr/data/{quote(key, safe='')}/fileData.do" if key else ""


def dataset_hash(dataset: DatasetRecord) -> str:
    """A stable identifier for an unregistered dataset (its key is a path, which is not shown)."""
    return hashlib.sha1(dataset.key.encode("utf-8")).hexdigest()[:16]


def build_dcat(state: DisclosureState) -> dict:
    """The JSON-LD document: one dcat:Catalog with its datasets nested."""
    inst = state.institution
    name = scrub(inst.get("name", "") or "")
    code = (inst.get("code", "") or "").strip()
    local = quote(code, safe="") or "institution"
    org_id = f"urn:catalog-app:org:{local}"
    publisher = {"@id": org_id, "@type": "foaf:Organization", "foaf:name": _ko(name)}
    if code:
        publisher["dct:identifier"] = code
    datasets = published_datasets(state)
    catalog = {
        "@context": CONTEXT,
        "@id": f"urn:catalog-app:{local}:{state.year}",
        "@type": "dcat:Catalog",
        "dct:title": _ko(f"{name} 공공데이터 목록 ({state.year})"),
        "dct:description": _ko(
            f"{name}의 {state.year}년 공공데이터 목록 중 공개·부분공개 {len(datasets)}건"
        ),
        "dct:publisher": publisher,
    }
    issued = _date(state.created_at)
    if issued:
        catalog["dct:issued"] = _typed(issued, "xsd:date")
    catalog["dcat:dataset"] = [
        _dataset(d, org_id, name, state.current_category(d)) for d in datasets
    ]
    return catalog


def write_dcat(state: DisclosureState, path: Path) -> list[Path]:
    """Write the catalog as UTF-8 JSON-LD; returns the files written."""
    path = Path(path)
    text = json.dumps(build_dcat(state), ensure_ascii=False, indent=2)
    save_atomic(lambda tmp: tmp.write_text(text + "\n", encoding="utf-8"), path)
    return [path]


def _dataset(d: DatasetRecord, org_id: str, org_name: str, theme: str = "") -> dict:
    """One dcat:Dataset; ``theme`` is its 분류체계 in today's label style."""
    page = landing_page(d)
    ident = d.get("list_key").strip() or dataset_hash(d)
    node: dict = {
        "@id": page or f"urn:catalog-app:dataset:{dataset_hash(d)}",
        "@type": "dcat:Dataset",
        "dct:identifier": ident,
        "dct:title": _ko(scrub(d.get("title") or d.name)),
    }
    _put(node, "dct:description", _ko(scrub(d.get("description"))))
    keywords = [scrub(k.strip()) for k in d.get("keywords").split(",")]
    _put(node, "dcat:keyword", [_ko(k) for k in keywords if k])
    node["dct:publisher"] = {"@id": org_id}
    node["dcat:contactPoint"] = _contact(d, org_name)
    _put(node, "dcat:theme", _ko(scrub(theme or d.get("category"))))
    _put(node, "dct:accrualPeriodicity", CYCLE_PERIODS.get(d.get("update_cycle"), ""))
    _put(node, "dct:spatial", _ko(scrub(d.get("spatial"))))
    _put(node, "dct:temporal", _temporal(d.get("temporal")))
    licence = _licence(d.get("licence"))
    _put(node, "dct:license", licence)
    _put(node, "dct:accessRights", _access(d))
    for key in ("modified", "issued"):  # 수정일 / 등록일, once the list carries them
        day = _date(d.get(key))
        if day:
            node[f"dct:{key}"] = _typed(day, "xsd:date")
    if page:
        node["dcat:landingPage"] = {"@id": page}
    title = scrub(d.get("file_data_name") or d.get("title") or d.name)
    node["dcat:distribution"] = [
        _distribution(fmt, title, licence, page) for fmt in _formats(d.get("formats"))
    ]
    return node


def _contact(d: DatasetRecord, org_name: str) -> dict:
    name = scrub(d.get("department") or d.department) or org_name
    node = {"@type": "vcard:Organization", "vcard:fn": name}
    tel = tel_uri(d.get("phone"))
    if tel:
        node["vcard:hasTelephone"] = {"@id": tel}
    return node


def tel_uri(phone: str) -> str:
    """'02-2148-1234' → 'tel:+82-2-2148-1234' (RFC 3966; the domestic leading 0 is dropped)."""
    match = re.match(r"\s*(\+?[\d\s().-]+)", phone or "")
    if not match:
        return ""
    text = match.group(1)
    groups = re.findall(r"\d+", text)
    if not groups or sum(len(g) for g in groups) < 7:
        return ""
    if text.lstrip().startswith("+"):
        return "tel:+" + "-".join(groups)
    if groups[0].startswith("0"):
        groups[0] = groups[0][1:]
        groups = [g for g in groups if g]
    return ("tel:+82-" if len(groups) > 1 else "tel:+82") + "-".join(groups)


def _temporal(text: str) -> dict | None:
    match = _PERIOD.fullmatch(text or "")
    if match:
        return {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": _typed(match.group(1), "xsd:date"),
            "dcat:endDate": _typed(match.group(2), "xsd:date"),
        }
    return _ko(scrub(text))


def _licence(name: str) -> dict | None:
    """The licence page with its Korean name; '제한 없음' has no page, so it stays a literal."""
    url = LICENCE_URLS.get(name)
    if url:
        return {"@id": url, "@type": "dct:LicenseDocument", "rdfs:label": _ko(name)}
    return _ko(name) if name == NO_RESTRICTION else None


def _access(d: DatasetRecord) -> dict | None:
    openness = d.get("openness")
    if openness == OPEN:
        return {"@id": PUBLIC_ACCESS}
    if openness != PARTIAL:
        return None
    text = f"{PARTIAL}: {reason_label(d.get('reason'))}".rstrip(": ")
    detail = scrub(d.get("reason_detail"))
    return _ko(f"{text} ({detail})" if detail else text)


def _distribution(fmt: str, title: str, licence: dict | None, page: str) -> dict:
    node: dict = {"@type": "dcat:Distribution", "dct:title": _ko(title)}
    media = MEDIA_TYPES.get(fmt)
    node["dct:format"] = {"@id": _FILE_TYPE + fmt} if media else fmt
    if media:
        node["dcat:mediaType"] = {"@id": _IANA + media}
    _put(node, "dct:license", licence)
    if page:
        node["dcat:accessURL"] = {"@id": page}
    return node


def _formats(text: str) -> list[str]:
    """'CSV+XLSX' → ['CSV', 'XLSX'] (upper-case, duplicates dropped, order kept)."""
    out: list[str] = []
    for item in (text or "").split("+"):
        item = item.strip().lstrip(".").upper()
        if item and item not in out:
            out.append(item)
    return out


def _date(text: str) -> str:
    """The YYYY-MM-DD date at the start of a date or ISO timestamp ('' if there is none)."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", text or "")
    return match.group(1) if match else ""


def _ko(text: str) -> dict | None:
    return {"@value": text, "@language": "ko"} if text else None


def _typed(value: str, datatype: str) -> dict:
    return {"@value": value, "@type": datatype}


def _put(node: dict, key: str, value) -> None:
    """Set a property only when it has a value, so empty fields are absent, not blank literals."""
    if value:
        node[key] = value
