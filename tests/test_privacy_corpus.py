"""Issue 14 on the real corpus (../shared/corpus): no business or institution phone column is
flagged as personal data, each keeps a verdict with its reason, and no table is taken for a list
of people. Skipped when ../shared is not beside the repository.

Before issue 14 the detector flagged six columns here, all phone numbers of organisations
(전화번호 of 인허가 유흥주점, 주유소 and 주차장 lists, 도서관전화번호 in both 도서관 files, and
부지면적 of the CSV whose broken quoting shifted phone numbers into it). The corpus holds no list of
people; that a phone column in one stays personal is tested on the synthetic list
(tests/test_privacy_people.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.privacy.verdicts import list_verdicts
from catalog_app.scan.scanner import scan

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not (CORPUS / "MANIFEST.csv").is_file():
    pytest.skip(f"real corpus not found at {CORPUS}", allow_module_level=True)

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

ORGANISATION_PHONES = {
    ("서울시 유흥주점영업 인허가 정보.xlsx", "전화번호", "'사업장명' 컬럼"),
    ("전국도서관표준데이터.csv", "도서관전화번호", "'도서관명' 컬럼"),
    ("전국도서관표준데이터.csv", "부지면적", "'도서관명' 컬럼"),  # shifted by broken quoting
    ("전국도서관표준데이터.xls", "도서관전화번호", "'도서관명' 컬럼"),
    ("지역_위치별(주유소).xls", "전화번호", "'상호' 컬럼"),
    ("충청남도_천안시_주차장정보_20251128.csv", "전화번호", "'주차장명' 컬럼"),
}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory):
    db = tmp_path_factory.mktemp("privacy_corpus") / "c.db"
    with Catalog(db) as cat:
        scan(cat, [str(CORPUS)], suggest=False)
        rows = list_verdicts(cat.conn)
        people = cat.conn.execute(
            "SELECT COUNT(*) FROM tables WHERE person_level IS NOT NULL"
        ).fetchone()[0]
        pii_columns = cat.conn.execute(
            "SELECT COUNT(*) FROM columns WHERE pii_kind IS NOT NULL"
        ).fetchone()[0]
    return rows, people, pii_columns


def test_no_organisation_phone_is_personal_data(verdicts):
    rows, _people, pii_columns = verdicts
    assert [r for r in rows if r["personal"]] == []
    assert pii_columns == 0  # what `list`, `show` and the disclosure read
    phones = {(Path(r["path"]).name, r["column"]) for r in rows if r["kind"] == "phone"}
    assert phones == {(name, label) for name, label, _ in ORGANISATION_PHONES}


def test_each_phone_verdict_says_why(verdicts):
    rows, _, _ = verdicts
    by_column = {(Path(r["path"]).name, r["column"]): r for r in rows}
    for name, label, why in ORGANISATION_PHONES:
        r = by_column[(name, label)]
        assert r["personal"] is False and r["quasi_identifier"] is False, (name, label)
        assert "개인정보 아님" in r["reason"] and why in r["reason"], (name, label, r["reason"])


def test_no_corpus_table_is_a_list_of_people(verdicts):
    rows, people, _ = verdicts
    assert people == 0
    # and so no 성별/연령/장애 band of a statistic gets a verdict
    assert {r["kind"] for r in rows} == {"phone"}
