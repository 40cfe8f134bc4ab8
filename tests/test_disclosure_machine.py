"""Machine-readable exports: the DCAT JSON-LD catalog and the frictionless Data Packages.

The files are read back with the libraries their consumers use (rdflib, frictionless), which the
app itself never imports.
"""

from __future__ import annotations

import ast
import copy
import json
import re
from pathlib import Path

import pytest
from frictionless import Package
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from catalog_app.disclosure.exports import datapackage as export_datapackage
from catalog_app.disclosure.exports import dcat as export_dcat
from catalog_app.disclosure.exports.datapackage import (
    build_datapackage,
    field_type,
    write_datapackages,
)
from catalog_app.disclosure.exports.dcat import build_dcat, tel_uri, write_dcat
from catalog_app.disclosure.model import ColumnRecord
from tests.disclosure_samples import RRN_TEXT, sample_state

# rdflib's JSON-LD parser still builds a ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

# Plain namespaces: rdflib's closed ones warn when pytest probes module globals.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
KOGL1 = URIRef("https://www.kogl.or.kr/info/licenseType1.do")
RRN_DIGITS = ("800101-1234567", "8001011234567")
LIST_KEY = "15012345"


def _state(**changes):
    """The sample with the parking list registered (목록키) and RRNs typed into free text."""
    state = sample_state(2025)
    parking, welfare = state.datasets[0], state.datasets[1]
    parking.fields["list_key"] = LIST_KEY
    welfare.fields["description"] = f"수급자 현황 {RRN_TEXT}"
    welfare.fields["reason_detail"] = "개인정보 보호법 제23조, 8001011234567"
    welfare.fields["keywords"] = "수급자, 복지, 800101-1234567"
    for c in state.columns:
        if c.label == "지원금액":
            c.fields["description"] = RRN_TEXT
    for key, value in changes.items():
        parking.fields[key] = value
    return state


def _graph(state, tmp_path: Path) -> tuple[Graph, str]:
    (path,) = write_dcat(state, tmp_path / "catalog.jsonld")
    return Graph().parse(path, format="json-ld"), path.read_text(encoding="utf-8")


def _dataset(g: Graph, title: str) -> URIRef:
    (node,) = [s for s in g.subjects(DCTERMS.title, Literal(title, lang="ko"))]
    assert (node, RDF.type, DCAT.Dataset) in g
    return node


# --- DCAT -------------------------------------------------------------------------------------


def test_exports_do_not_import_the_test_libraries():
    for module in (export_dcat, export_datapackage):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        assert not [n for n in names if n.split(".")[0] in ("rdflib", "frictionless", "PySide6")]


def test_dcat_catalog_lists_only_published_datasets(tmp_path):
    g, text = _graph(_state(), tmp_path)
    catalogs = list(g.subjects(RDF.type, DCAT.Catalog))
    assert catalogs == [URIRef("urn:catalog-app:3000000:2025")]
    datasets = set(g.subjects(RDF.type, DCAT.Dataset))
    assert set(g.objects(catalogs[0], DCAT.dataset)) == datasets
    assert len(datasets) == 2  # the include='N' scratch file is not on the list
    assert "작업용 임시" not in text

    closed = copy.deepcopy(_state())
    closed.datasets[1].fields["openness"] = "비공개"
    g2, text2 = _graph(closed, tmp_path)
    assert len(set(g2.subjects(RDF.type, DCAT.Dataset))) == 1
    assert "기초생활수급자" not in text2


def test_dcat_catalog_node(tmp_path):
    g, _ = _graph(_state(), tmp_path)
    cat = URIRef("urn:catalog-app:3000000:2025")
    assert g.value(cat, DCTERMS.title) == Literal(
        "서울특별시 종로구 공공데이터 목록 (2025)", lang="ko"
    )
    assert g.value(cat, DCTERMS.description) is not None
    assert g.value(cat, DCTERMS.issued) == Literal("2025-11-20", datatype=XSD.date)
    org = g.value(cat, DCTERMS.publisher)
    assert (org, RDF.type, FOAF.Organization) in g
    assert g.value(org, FOAF.name) == Literal("서울특별시 종로구", lang="ko")
    assert g.value(org, DCTERMS.identifier) == Literal("3000000")
    for ds in g.subjects(RDF.type, DCAT.Dataset):
        assert g.value(ds, DCTERMS.publisher) == org


def test_dcat_dataset_mapping(tmp_path):
    g, _ = _graph(_state(), tmp_path)
    page = URIRef(f"https://www.data.go.kr/data/{LIST_KEY}/fileData.do")
    parking = _dataset(g, "서울특별시 종로구_주차장 현황")
    assert parking == page
    assert g.value(parking, DCAT.landingPage) == page
    assert g.value(parking, DCTERMS.identifier) == Literal(LIST_KEY)
    assert set(g.objects(parking, DCAT.keyword)) == {
        Literal(k, lang="ko") for k in ("주차장", "공영주차장", "종로구")
    }
    assert g.value(parking, DCTERMS.license) == KOGL1
    assert g.value(parking, DCTERMS.accrualPeriodicity) == Literal("R/P1Y")
    assert g.value(parking, DCAT.theme) == Literal("교통물류 - 도로", lang="ko")
    assert g.value(parking, DCTERMS.spatial) == Literal("서울특별시 종로구", lang="ko")
    assert "PUBLIC" in str(g.value(parking, DCTERMS.accessRights))

    contact = g.value(parking, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Organization) in g
    assert g.value(contact, VCARD.fn) == Literal("교통행정과")
    assert g.value(contact, VCARD.hasTelephone) == URIRef("tel:+82-2-2148-1234")

    period = g.value(parking, DCTERMS.temporal)
    assert (period, RDF.type, DCTERMS.PeriodOfTime) in g
    assert g.value(period, DCAT.startDate) == Literal("2024-01-01", datatype=XSD.date)
    assert g.value(period, DCAT.endDate) == Literal("2024-12-31", datatype=XSD.date)

    welfare = _dataset(g, "서울특별시 종로구_기초생활수급자 현황")
    assert str(welfare).startswith("urn:catalog-app:dataset:")
    assert re.fullmatch(r"[0-9a-f]{16}", str(g.value(welfare, DCTERMS.identifier)))
    assert g.value(welfare, DCAT.landingPage) is None
    assert g.value(welfare, DCTERMS.accrualPeriodicity) == Literal("R/P1M")
    rights = g.value(welfare, DCTERMS.accessRights)
    assert isinstance(rights, Literal) and "9-6 개인정보(사생활)" in str(rights)


def test_dcat_titles_are_korean_literals(tmp_path):
    g, _ = _graph(_state(), tmp_path)
    for ds in g.subjects(RDF.type, DCAT.Dataset):
        (title,) = list(g.objects(ds, DCTERMS.title))
        assert title.language == "ko"


def test_dcat_one_distribution_per_format(tmp_path):
    g, _ = _graph(_state(formats="CSV+XLSX"), tmp_path)
    parking = _dataset(g, "서울특별시 종로구_주차장 현황")
    dists = list(g.objects(parking, DCAT.distribution))
    assert len(dists) == 2
    iana = "https://www.iana.org/assignments/media-types/"
    media = {str(g.value(d, DCAT.mediaType)) for d in dists}
    assert media == {
        iana + "text/csv",
        iana + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    for d in dists:
        assert (d, RDF.type, DCAT.Distribution) in g
        assert g.value(d, DCTERMS.license) == KOGL1
        assert g.value(d, DCTERMS["format"]) is not None
        title = g.value(d, DCTERMS.title)
        assert title == Literal("서울특별시 종로구_주차장 현황_20250301", lang="ko")


def test_dcat_licence_without_url_and_free_text_period(tmp_path):
    g, _ = _graph(_state(licence="이용허락범위 제한 없음", temporal="2024년 말 기준"), tmp_path)
    parking = _dataset(g, "서울특별시 종로구_주차장 현황")
    assert g.value(parking, DCTERMS.license) == Literal("이용허락범위 제한 없음", lang="ko")
    assert g.value(parking, DCTERMS.temporal) == Literal("2024년 말 기준", lang="ko")


def test_dcat_carries_no_resident_number(tmp_path):
    _, text = _graph(_state(), tmp_path)
    for digits in RRN_DIGITS:
        assert digits not in text
    assert "홍길동" in text  # the rest of the text survives the mask
    assert "주민번호" not in text and "성명" not in text  # columns are not in the catalog


def test_tel_uri():
    assert tel_uri("02-2148-1234") == "tel:+82-2-2148-1234"
    assert tel_uri("0221481234") == "tel:+82221481234"
    assert tel_uri("031) 123-4567") == "tel:+82-31-123-4567"
    assert tel_uri("1588-1234") == "tel:+82-1588-1234"
    assert tel_uri("+82 2 2148 1234") == "tel:+82-2-2148-1234"
    assert tel_uri("") == "" and tel_uri("내선 123") == ""


def test_build_dcat_is_json_serialisable():
    doc = build_dcat(sample_state(2025))
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc


# --- Data Package -----------------------------------------------------------------------------


def _packages(state, tmp_path: Path) -> dict[str, dict]:
    paths = write_datapackages(state, tmp_path / "packages")
    out = {}
    for path in paths:
        assert path.name == "datapackage.json"
        # Metadata only: the data files do not exist here, so nothing can be read from them.
        report = Package.validate_descriptor(str(path))
        assert report.valid, [e.note for e in report.errors]
        package = Package.from_descriptor(str(path))
        assert package.name == path.parent.name
        text = path.read_text(encoding="utf-8")
        for digits in RRN_DIGITS:
            assert digits not in text
        out[path.parent.name] = json.loads(text)
    return out


def _fields(resource: dict) -> list[dict]:
    return resource["schema"]["fields"]


def test_datapackages_are_valid_metadata(tmp_path):
    packages = _packages(_state(), tmp_path)
    assert sorted(packages) == ["dataset-2", f"kr-3000000-{LIST_KEY}"]  # scratch file left out
    name_rule = re.compile(r"^[a-z0-9._-]+$")
    for name, desc in packages.items():
        assert name_rule.match(name)
        names = [r["name"] for r in desc["resources"]]
        assert len(names) == len(set(names)) and all(name_rule.match(n) for n in names)
        for resource in desc["resources"]:
            fields = [f["name"] for f in _fields(resource)]
            assert len(fields) == len(set(fields))


def test_datapackage_dataset_metadata(tmp_path):
    desc = _packages(_state(), tmp_path)[f"kr-3000000-{LIST_KEY}"]
    assert desc["title"] == "서울특별시 종로구_주차장 현황"
    assert desc["keywords"] == ["주차장", "공영주차장", "종로구"]
    assert desc["licenses"] == [
        {"name": "KOGL-Type1", "path": str(KOGL1), "title": "공공저작물_출처표시"}
    ]
    assert desc["contributors"][0]["title"] == "교통행정과"
    assert desc["contributors"][0]["role"] == "publisher"
    assert desc["created"] == "2025-11-20T10:00:00+09:00"
    custom = desc["x-catalog-app"]
    assert custom["year"] == 2025 and custom["openness"] == "공개"
    assert custom["department"] == "교통행정과"

    (resource,) = desc["resources"]
    assert resource["title"] == "주차장 현황"
    assert resource["path"] == "주차장 현황.csv"
    assert resource["format"] == "csv" and resource["mediatype"] == "text/csv"
    fields = {f["name"]: f for f in _fields(resource)}
    assert list(fields) == ["주차장명", "주소", "주차면수", "-비고"]  # col_index order
    assert fields["주소"]["title"] == "소재지도로명주소"
    assert fields["주차면수"]["type"] == "integer"
    assert fields["주차장명"]["type"] == "string"
    assert fields["주차장명"]["constraints"] == {"required": True}
    assert "constraints" not in fields["주소"]
    assert fields["주차면수"]["x-standard-term"] == "주차면수"
    assert fields["주차면수"]["x-standard-abbr"] == "PRKG_SPCE_CNT"
    assert fields["주차면수"]["x-domain"] == "수N10"
    assert not any(k.startswith("x-") for k in fields["-비고"])  # unmapped


def test_datapackage_withholds_closed_columns(tmp_path):
    desc = _packages(_state(), tmp_path)["dataset-2"]
    assert desc["x-catalog-app"]["openness"] == "부분공개"
    assert desc["x-catalog-app"]["reason"] == "9-6 개인정보(사생활)"
    sheets = {r["title"]: r for r in desc["resources"]}
    assert set(sheets) == {"수급자", "통계"}
    people = sheets["수급자"]
    assert people["format"] == "xlsx"
    assert people["dialect"] == {"excel": {"sheet": "수급자"}}
    assert [f["name"] for f in _fields(people)] == ["지원금액"]  # 성명, 주민번호 are 비공개
    assert "홍길동" in _fields(people)[0]["description"]  # scrubbed, not dropped
    assert [f["type"] for f in _fields(sheets["통계"])] == ["integer", "integer"]
    text = json.dumps(desc, ensure_ascii=False)
    assert "주민번호" not in text and "주민등록번호" not in text and "RRNO" not in text


def test_datapackage_names_stay_unique(tmp_path):
    state = _state()
    state.datasets[1].fields["list_key"] = LIST_KEY  # two datasets with one 목록키
    label = state.columns[1]
    label.label = "주차장명"  # a duplicate header within a sheet
    packages = _packages(state, tmp_path)
    assert sorted(packages) == [f"kr-3000000-{LIST_KEY}", f"kr-3000000-{LIST_KEY}-2"]
    fields = _fields(packages[f"kr-3000000-{LIST_KEY}"]["resources"][0])
    assert [f["name"] for f in fields][:2] == ["주차장명", "주차장명_2"]


def test_build_datapackage_is_pure():
    state = _state()
    before = copy.deepcopy(state.to_dict())
    desc = build_datapackage(state, state.datasets[0])
    assert desc["name"] == f"kr-3000000-{LIST_KEY}"
    assert state.to_dict() == before


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (dict(data_type="NUMERIC", length="10", scale="2", type_source="domain"), "number"),
        (dict(data_type="NUMERIC", inferred_type="decimal", type_source="profile"), "number"),
        (dict(data_type="NUMERIC", inferred_type="integer", type_source="domain"), "integer"),
        (dict(data_type="VARCHAR", inferred_type="integer", type_source="domain"), "string"),
        (dict(data_type="VARCHAR", inferred_type="date", type_source="profile"), "date"),
        (dict(data_type="VARCHAR", inferred_type="datetime", type_source="profile"), "datetime"),
        (dict(data_type="VARCHAR", inferred_type="text", type_source="profile"), "string"),
    ],
)
def test_field_type(column, expected):
    assert field_type(ColumnRecord("k", "t", "t", 0, "c", **column))["type"] == expected


def test_field_type_reads_the_storage_format():
    def typed(storage: str) -> dict:
        return field_type(
            ColumnRecord("k", "t", "t", 0, "c", data_type="CHAR", storage_format=storage)
        )

    assert typed("YYYYMMDD") == {"type": "date", "format": "%Y%m%d"}
    assert typed("YYYY-MM-DD") == {"type": "date"}
    assert typed("YYYYMMDDHH24MISS") == {"type": "datetime", "format": "%Y%m%d%H%M%S"}
    assert typed("YYYYMM") == {"type": "string"}


def test_datapackage_reads_the_published_file(tmp_path):
    """The sheet dialect and types fit a file laid out as published (withheld columns removed)."""
    openpyxl = pytest.importorskip("openpyxl")
    paths = write_datapackages(_state(), tmp_path)
    (path,) = [p for p in paths if p.parent.name == "dataset-2"]
    book = openpyxl.Workbook()
    book.active.title = "수급자"
    book.active.append(["지원금액"])
    book.active.append([500000])
    book.create_sheet("통계").append(["2023", "2024"])
    book["통계"].append([830, 812])
    book.save(path.parent / "수급자 명단.xlsx")
    report = Package(str(path)).validate()
    assert report.valid, report.flatten(["title", "fieldName", "note"])


def test_datapackage_for_an_unreadable_file(tmp_path):
    state = _state()
    state.datasets[0].tables = []
    state.datasets[0].status = "error"
    desc = _packages(state, tmp_path)[f"kr-3000000-{LIST_KEY}"]
    (resource,) = desc["resources"]
    assert resource["path"] == "주차장 현황.csv" and "schema" not in resource
