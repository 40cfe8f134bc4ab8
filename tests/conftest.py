"""Test-wide settings and shared fixtures."""

import os
from pathlib import Path

import pytest

# No test may open a real window (subprocesses inherit this).
os.environ.setdefault("CATALOG_APP_NO_GUI", "1")


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
