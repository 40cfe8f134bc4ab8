"""Check results are read from the suggestions instead of run again, and are never stale: a
decision, a dictionary edit or a new release of the checks recomputes exactly what moved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.dictionary.institution import InstitutionEditor
from catalog_app.dictionary.model import Word
from catalog_app.dictionary.store import DictionaryStore
from catalog_app.matching import checks as checks_mod
from catalog_app.matching import stored_checks
from catalog_app.matching.decisions import MappingDesk
from catalog_app.matching.jobs import check_catalog
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def cat(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    root = tmp_path / "자료"
    shutil.copytree(FIXTURES / "sample", root / "sample")
    for name in ("01. CCTV_in_Seoul.csv", "05.고속국도_현황_2020.csv", "진료과별응급결과.xlsx"):
        (root / "corpus").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / "corpus" / name, root / "corpus" / name)
    with Catalog(tmp_path / "c.db") as catalog:
        scan(catalog, [str(root)])
        yield catalog


@pytest.fixture
def computed(monkeypatch) -> list[str]:
    """Labels of the columns whose checks are run (the real checks still run)."""
    calls: list[str] = []
    real = checks_mod.check_column

    def counting(label, *args, **kwargs):
        calls.append(label)
        return real(label, *args, **kwargs)

    monkeypatch.setattr(checks_mod, "check_column", counting)
    return calls


def _report(cat) -> tuple:
    report = check_catalog(cat)
    columns = sorted(
        (
            c["column_id"],
            c["kind"],
            c["term"],
            c["compliant"],
            tuple(x["code"] for x in c["checks"]),
            tuple(sorted((c["parts"] or {}).items())),
        )
        for c in report.columns
    )
    return columns, report.rates, report.top_words, report.unsuggested


def _forget(cat) -> None:
    """What a catalog written by an older release holds: checks without what they were for."""
    with cat.transaction() as conn:
        conn.execute("UPDATE column_match SET checks_term = NULL, checks_basis = NULL")


def test_after_a_scan_check_reads_what_the_scan_stored(cat, computed):
    report = check_catalog(cat)
    assert report.columns and report.unsuggested == 0
    assert computed == []


def test_stored_results_are_what_running_every_check_gives(cat, computed):
    stored = _report(cat)
    assert computed == []
    _forget(cat)
    fresh = _report(cat)
    assert len(computed) == len(stored[0]) - sum(1 for c in stored[0] if c[1] == "not_a_column")
    assert fresh == stored
    computed.clear()
    assert _report(cat) == stored and computed == []  # written back: read from now on


def test_a_decision_recomputes_that_column_only(cat, computed):
    row = cat.conn.execute(
        """SELECT c.id, c.label FROM columns c JOIN column_match m ON m.column_id = c.id
           WHERE m.kind != 'not_a_column' ORDER BY c.id LIMIT 1"""
    ).fetchone()
    MappingDesk(cat, who="테스트").accept(row["id"], "시설명")
    after = _report(cat)
    assert computed == [row["label"]]
    mine = next(c for c in after[0] if c[0] == row["id"])
    assert mine[2] == "시설명"
    computed.clear()
    _forget(cat)
    assert _report(cat) == after  # the same as running every check with the decision


def test_a_dictionary_edit_recomputes_every_column(cat, computed):
    before = _report(cat)
    InstitutionEditor(DictionaryStore(cat), who="테스트").add(
        "word", Word(name="자치구", abbr="ATNMGU", english="autonomous district"), force=True
    )
    after = _report(cat)
    assert len(computed) == len([c for c in before[0] if c[1] != "not_a_column"])
    computed.clear()
    _forget(cat)
    assert _report(cat) == after


def test_new_check_code_makes_the_stored_results_stale(cat, computed, monkeypatch):
    _report(cat)
    assert computed == []
    monkeypatch.setattr(stored_checks, "_code_digest", lambda: "a later release")
    _report(cat)
    assert computed  # computed again against the new checks


def test_a_row_a_scan_replaced_meanwhile_is_not_overwritten(cat):
    column_id = cat.conn.execute("SELECT column_id FROM column_match LIMIT 1").fetchone()[0]
    store = stored_checks.StoredChecks(cat)
    row = cat.conn.execute(
        "SELECT c.id, m.* FROM columns c JOIN column_match m ON m.column_id = c.id WHERE c.id = ?",
        (column_id,),
    ).fetchone()
    store.checks(row, "전혀다른용어")  # stale: computed, queued for write-back
    with cat.transaction() as conn:  # a scan replaced the suggestion in between
        conn.execute(
            "UPDATE column_match SET computed_at = 'later', checks = '[]' WHERE column_id = ?",
            (column_id,),
        )
    store.write_back()
    kept = cat.conn.execute(
        "SELECT checks, checks_term FROM column_match WHERE column_id = ?", (column_id,)
    ).fetchone()
    assert kept["checks"] == "[]" and kept["checks_term"] != "전혀다른용어"


def test_term_of_follows_working_term():
    assert stored_checks.term_of("accepted", "시설명", "exact", "주소") == "시설명"
    assert stored_checks.term_of("rejected", "시설명", "exact", "주소") == ""
    assert stored_checks.term_of("proposed", "새용어", "variant", "주소") == ""
    assert stored_checks.term_of(None, None, "exact", "주소") == "주소"
    assert stored_checks.term_of(None, None, "variant", "주소") == ""
