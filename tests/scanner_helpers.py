"""Shared by the scan-job tests (test_scanner*.py): the fixture paths and sample file names and
small lookups (the `sample` and `catalog` fixtures are in conftest.py)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from catalog_app.catalog.store import Catalog

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = FIXTURES / "sample"
BAD = FIXTURES / "bad"

POPULATION = "인구/2024 인구현황.csv"
CONTACTS = "인구/세부/연락처.csv"
FACILITIES = "시설/시설목록.xlsx"
SAMPLE_FILES = {FACILITIES, POPULATION, CONTACTS}

HANGUL = re.compile(r"[가-힣]")


# --------------------------------------------------------------------------------- helpers
def dataset_row(cat: Catalog, path: Path) -> sqlite3.Row:
    row = cat.dataset_by_path(str(path))
    assert row is not None, f"no dataset for {path}"
    return row


def labels(table: dict) -> list[str]:
    return [c["label"] for c in table["columns"]]
