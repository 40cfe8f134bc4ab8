"""Test-wide settings and the fixtures many test files share. One name, one meaning:

- ``template``: a catalog file with the shipped 7차 dictionary loaded (session-wide; tests copy it).
- ``catalog_path``: where a test's own catalog file goes (not created yet; the CLI creates it).
- ``catalog``: an open, empty catalog (no dictionary, nothing scanned), closed after the test.
- ``sample``: a private copy of tests/fixtures/sample (scans never touch the repository's files).
- ``scanned``: the sample tree and the committed corpus files scanned once per module through the
  CLI (``--json``): ``{"catalog", "data", "out", "result"}``.
- ``shipped_matcher``: a :class:`Matcher` over the shipped 7차 dictionary (session-wide).
- ``pds7``: the 7차 CSV trio from ../shared and its word index (skipped without ../shared).

A test file's own scenario catalog has a name that says what is in it (``sample_catalog``,
``dept_catalog``, ``people_db`` …). tests/ui/conftest.py adds the Qt fixtures.
"""

import os
import shutil
from pathlib import Path

import pytest

# No test may open a real window (subprocesses inherit this).
os.environ.setdefault("CATALOG_APP_NO_GUI", "1")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STANDARDS = Path(__file__).resolve().parents[1] / "standards" / "pds7_2024-11"


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> Path:
    """A catalog with the shipped 7차 edition loaded once; tests copy it instead of reloading."""
    from catalog_app.catalog.store import Catalog
    from catalog_app.dictionary.store import DictionaryStore

    path = tmp_path_factory.mktemp("tpl") / "catalog.db"
    with Catalog(path) as cat:
        DictionaryStore(cat).ensure_shipped()
        cat.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def catalog_path(tmp_path: Path) -> Path:
    """Where this test's catalog file goes; nothing is there yet."""
    return tmp_path / "c.db"


@pytest.fixture
def catalog(tmp_path: Path):
    """An open, empty catalog (no dictionary), closed after the test."""
    from catalog_app.catalog.store import Catalog

    with Catalog(tmp_path / "catalog.db") as cat:
        yield cat


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of tests/fixtures/sample (mtimes preserved by copytree/copy2)."""
    dest = tmp_path / "data" / "sample"
    shutil.copytree(FIXTURES / "sample", dest)
    return dest


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> dict:
    """The sample tree and the committed corpus files, scanned once into a catalog by the CLI."""
    import json

    from tests.cli_helpers import copy_fixtures, run

    base = tmp_path_factory.mktemp("cli")
    data = copy_fixtures(base)
    catalog = base / "c.db"
    result = run(catalog, "scan", str(data), "--json")
    return {"catalog": catalog, "data": data, "out": json.loads(result.stdout), "result": result}


@pytest.fixture(scope="session")
def shipped_matcher():
    """A Matcher over the shipped 7차 dictionary (read once: ~9k terms)."""
    from catalog_app.dictionary.formats import read_dictionary
    from catalog_app.matching.matcher import Matcher

    if not STANDARDS.exists():
        pytest.skip("shipped 7차 dictionary not found")
    return Matcher(read_dictionary(STANDARDS))


@pytest.fixture(scope="module")
def pds7():
    """(words, terms, domains, WordIndex) of the 7차 CSV trio in ../shared."""
    from catalog_app.dictionary.segment import WordIndex
    from tests.dictionary_helpers import PDS7, _pds7

    if not (PDS7 / "terms.csv").exists():
        pytest.skip("7차 CSV trio not available (/work/shared absent)")
    words, terms, domains = _pds7()
    return words, terms, domains, WordIndex(words, domains, terms)
