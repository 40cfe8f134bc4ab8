"""The real corpus (../shared/corpus): `scan --force` of unchanged files leaves `check` identical.

Before issue 10 the same sequence gave 준수 47 / 점검 354 = 13.3 % and then 0 / 748 = 0.0 %: every
rescan dropped the suggestions. Skipped when ../shared is not beside the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.cli import cli

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not (CORPUS / "MANIFEST.csv").is_file():
    pytest.skip(f"real corpus not found at {CORPUS}", allow_module_level=True)

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def _run(db: str, *args: str) -> dict:
    out = CliRunner().invoke(cli, ["--catalog", db, *args])
    assert out.exit_code in (0, 1), out.output
    return json.loads(out.stdout)


def test_forced_rescan_of_the_corpus_keeps_check_identical(tmp_path, template):
    import shutil

    db = str(tmp_path / "c.db")
    shutil.copy(template, db)
    scanned = _run(db, "scan", str(CORPUS), "--json", "-q")
    assert scanned["suggested"] > 700  # the scan suggested for every column it read
    mapped = _run(db, "map", "--json", "-q", "--auto-accept", "0.95")
    assert mapped["accepted"] > 0
    before = _run(db, "check", "--json")
    rescanned = _run(db, "scan", str(CORPUS), "--force", "--json", "-q")
    after = _run(db, "check", "--json")
    assert rescanned["counts"]["changed"] == rescanned["counts"]["total"]
    assert rescanned["suggested"] == 0
    assert before["blocked"] is False and before["unsuggested"] == 0
    catalog = before["rates"]["catalog"][0]
    assert catalog["checked"] > 300 and catalog["compliant"] > 0
    assert after["rates"] == before["rates"]
    assert after["columns"] == before["columns"]
    assert after["unsuggested"] == 0
