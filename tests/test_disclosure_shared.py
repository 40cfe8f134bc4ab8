"""Every disclosure export over the real corpus in ../shared/corpus, read back.

The corpus files hold real phone numbers, addresses and names of businesses; the exports carry
metadata only, so no cell may contain anything the personal-data scrubber would still mask, and no
text cell may start a formula. Skipped when ../shared is not beside the repository.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.export import export
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.safe import scrub
from catalog_app.disclosure.state import build_state
from catalog_app.disclosure.validate import validate
from catalog_app.matching.jobs import map_catalog
from catalog_app.scan.scanner import scan

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not CORPUS.is_dir():
    pytest.skip(f"real corpus not found at {CORPUS}", allow_module_level=True)

FORMULA_START = ("=", "+", "@", "\t", "\r")


@pytest.fixture(scope="module")
def corpus_catalog(tmp_path_factory, template):
    base = tmp_path_factory.mktemp("disclosure_shared")
    shutil.copy(template, base / "c.db")
    with Catalog(base / "c.db") as cat:
        scan(cat, [str(CORPUS)])
        map_catalog(cat)
        MetadataStore(cat).set_institution({"name": "테스트시", "code": "1234567"})
    return base


def cells(path: Path) -> list[str]:
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return [v for row in csv.reader(fh) for v in row if v]
    return [path.read_text(encoding="utf-8")]


@pytest.mark.parametrize(
    "kind,name",
    [
        ("inventory", "목록.xlsx"),
        ("inventory", "목록.csv"),
        ("definitions", "정의서.xlsx"),
        ("compliance", "준수율.xlsx"),
        ("dcat", "dcat.jsonld"),
        ("datapackage", "pkg"),
    ],
)
def test_every_export_of_the_real_corpus_is_clean(corpus_catalog, kind, name):
    with Catalog(corpus_catalog / "c.db") as cat:
        result = export(cat, 2025, kind, corpus_catalog / name, force=True)
    assert result.paths
    for path in result.paths:
        for text in cells(path):
            assert scrub(text) == text, (path.name, text[:80])
            if path.suffix in (".xlsx", ".csv"):
                assert not text.startswith(FORMULA_START), (path.name, text[:80])
                assert not (text.startswith("-") and len(text) > 1 and not _number(text))


def _number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def test_inventory_and_definitions_cover_the_corpus(corpus_catalog):
    with Catalog(corpus_catalog / "c.db") as cat:
        state = build_state(cat, 2025)
        inv = export(cat, 2025, "inventory", corpus_catalog / "inv.xlsx", force=True).paths[0]
        defs = export(cat, 2025, "definitions", corpus_catalog / "def.xlsx", force=True).paths[0]
    held = [d for d in state.datasets if d.included]
    assert len(held) == len([p for p in CORPUS.iterdir() if p.is_file()])  # MANIFEST.csv too
    ws = openpyxl.load_workbook(inv)["공공데이터 목록"]
    assert ws.max_row - 1 == len(held)
    ws = openpyxl.load_workbook(defs)["컬럼정의서"]
    assert ws.max_row - 1 == sum(1 for c in state.columns)
    problems = validate(state)
    assert any(p.code == "V10" for p in problems)  # nothing entered yet: required fields missing


def test_dcat_of_the_real_corpus_parses(corpus_catalog):
    rdflib = pytest.importorskip("rdflib")
    with Catalog(corpus_catalog / "c.db") as cat:
        path = export(cat, 2025, "dcat", corpus_catalog / "d.jsonld", force=True).paths[0]
    graph = rdflib.Graph().parse(path, format="json-ld")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    datasets = set(graph.subjects(rdflib.RDF.type, dcat.Dataset))
    published = json.loads(path.read_text(encoding="utf-8"))
    assert datasets and len(datasets) == len(published["dcat:dataset"])
