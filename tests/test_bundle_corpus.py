"""The real corpus (../shared/corpus, 33 files) split into five department folders, each scanned
into its own catalog, mapped, confident suggestions accepted and exported: the five bundles merge
into one institution catalog whose 준수율 by department equals each department's own, and merging
them again changes nothing. Skipped when ../shared is not beside the repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.bundle_helpers import (
    DEPARTMENTS,
    catalog_rate,
    department_catalog,
    department_rates,
    dump_hash,
    export,
    split_corpus,
)
from tests.cli_helpers import run_json

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not (CORPUS / "MANIFEST.csv").is_file():
    pytest.skip(f"real corpus not found at {CORPUS}", allow_module_level=True)

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_corpus_departments_merge_with_their_own_rates(tmp_path, template):
    folders = split_corpus(CORPUS, tmp_path / "files")
    assert set(folders) == set(DEPARTMENTS)
    bundles, own = [], {}
    for dept in DEPARTMENTS:
        db = department_catalog(template, folders[dept], tmp_path / f"{dept}.db")
        own[dept] = catalog_rate(db)
        bundles.append(str(export(db, tmp_path / f"{dept}.bundle", dept)["bundle"]))
    central = tmp_path / "central.db"
    shutil.copy(template, central)
    merged = run_json(central, "bundle", "merge", *bundles, "-q")
    assert len(merged["merged"]) == 5 and not merged["conflicts"]
    assert sum(m["columns"] for m in merged["merged"]) >= 700  # the whole corpus
    assert department_rates(central) == own
    before = dump_hash(central)
    again = run_json(central, "bundle", "merge", *bundles, "-q")
    assert not again["merged"] and len(again["skipped"]) == 5
    assert dump_hash(central) == before
