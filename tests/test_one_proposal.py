"""One proposal shows one domain (issue 15): the T1 check's '신규 용어 후보' names the matcher's
proposal, domain included. Before, T1 sized its own proposal without the column's values
(외부코드 → 코드C2) while the proposal pane sized it from them (코드C7)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.dictionary.store import DictionaryStore
from catalog_app.matching.jobs import check_catalog, map_catalog
from catalog_app.scan.scanner import scan

CANDIDATE = re.compile(r"신규 용어 후보: (\S+)\((\S+), (\S+)\)")
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _disagreements(catalog: Catalog) -> tuple[list, int]:
    """(columns whose T1 proposal differs from the stored proposal, T1 proposals seen), over
    the checks stored by the map job and the ones ``check_catalog`` computes now."""
    rows = catalog.conn.execute("SELECT column_id, proposal, checks FROM column_match")
    stored = {r["column_id"]: (r["proposal"], r["checks"]) for r in rows}
    differ, seen = [], 0
    for col in check_catalog(catalog).columns:
        proposal_json, checks_json = stored[col["column_id"]]
        proposal = json.loads(proposal_json) if proposal_json else None
        for check in [*col["checks"], *json.loads(checks_json)]:
            found = CANDIDATE.search(check["message"])
            if not found:
                continue
            seen += 1
            if not (proposal and proposal.get("domain")):
                continue  # no proposal pane (the column has term candidates): nothing to differ
            want = (proposal["abbr"] if proposal.get("abbr") else found[2], proposal["domain"])
            if want != found.groups()[1:]:
                differ.append((col["label"], found.groups(), proposal))
    return differ, seen


def test_external_code_proposal_and_check_name_one_domain(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    rows = "\n".join(f"기관{i},A{i:06d}" for i in range(40))
    (data / "외부기관.csv").write_text("기관명,외부코드\n" + rows + "\n", encoding="utf-8")
    with Catalog(tmp_path / "c.db") as catalog:
        DictionaryStore(catalog).ensure_shipped()
        scan(catalog, [str(data)])
        map_catalog(catalog)
        row = catalog.conn.execute(
            """SELECT m.proposal FROM column_match m JOIN columns c ON c.id = m.column_id
               WHERE c.label = '외부코드'"""
        ).fetchone()
        proposal = json.loads(row["proposal"])
        assert proposal["domain"] == "코드C7"  # sized from the 7-character values
        checks = next(c for c in check_catalog(catalog).columns if c["label"] == "외부코드")
        t1 = next(c["message"] for c in checks["checks"] if c["code"] == "T1")
        assert CANDIDATE.search(t1).groups() == ("외부코드", proposal["abbr"], "코드C7")
        assert _disagreements(catalog)[0] == []


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "MANIFEST.csv").is_file(), reason="real corpus absent")
def test_corpus_every_t1_candidate_is_the_proposal(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    with Catalog(tmp_path / "c.db") as catalog:
        DictionaryStore(catalog).ensure_shipped()
        scan(catalog, [str(tmp_path / "corpus")])
        differ, seen = _disagreements(catalog)
    assert seen > 100  # the corpus has plenty of unmapped composable headers
    assert differ == []  # 23 columns disagreed before (외부코드 코드C2/코드C7, 기온 수N10,3/수N3 …)
