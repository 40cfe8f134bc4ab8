"""Issue 14, end to end: the synthetic list of 60 people has every kind found, the list of
businesses keeps its phone and 소재지 open, and nothing personal is stored unmasked.

Fixtures: tests/fixtures/privacy (made by make_privacy_fixtures.py beside them, synthetic).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from catalog_app.catalog import queries
from catalog_app.catalog.store import Catalog
from catalog_app.privacy.verdicts import list_verdicts
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "privacy"
sys.path.insert(0, str(FIXTURES))
import make_privacy_fixtures as make  # noqa: E402

PEOPLE = "복지대상자_명단.csv"
BUSINESS = "업소_목록.csv"

# label -> (kind, personal, quasi_identifier, sensitive); None: no verdict
EXPECTED_PEOPLE = {
    "연번": None,
    "성명": ("person_name", True, False, False),
    "성별": ("gender", False, True, False),
    "나이": ("age", False, True, False),
    "성별·연령": ("sex_age", False, True, False),
    "생년월일": ("birth_date", True, True, False),
    "주민등록번호": ("rrn_partial", True, True, False),
    "주민등록번호(앞6자리)": ("rrn_partial", True, True, False),
    "휴대전화": ("mobile", True, False, False),
    "자택전화": ("phone", True, False, False),
    "이메일": ("email", True, False, False),
    "주소": ("address_detail", True, True, False),
    "거주지(읍면동)": ("region", False, True, False),
    "차량번호": ("vehicle_no", True, False, False),
    "장애등급": ("disability", True, False, True),
    "장애유형": ("disability", True, False, True),
    "병명": ("medical_history", True, False, True),
    "건강상태": ("health", True, False, True),
    "종교": ("religion", True, False, True),
    "소속정당": ("political", True, False, True),
    "범죄경력": ("criminal", True, False, True),
    "직업": ("attribute", False, True, False),
    "등록일": ("event_date", False, True, False),
}
EXPECTED_BUSINESS = {
    "업소명": None,
    "대표자명": ("person_name", True, False, False),
    "업태": None,
    "소재지": None,
    "전화번호": ("phone", False, False, False),
}


@pytest.fixture(scope="module")
def people_db(tmp_path_factory):
    base = tmp_path_factory.mktemp("people")
    data = base / "자료"
    data.mkdir()
    for name in (PEOPLE, BUSINESS):
        shutil.copy(FIXTURES / name, data / name)
    db = base / "c.db"
    with Catalog(db) as cat:
        scan(cat, [str(data)], suggest=False)  # no dictionary: the file holds only the scan
        cat.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _verdicts(db: Path, name: str) -> dict:
    with Catalog(db) as cat:
        (ds,) = [d for d in queries.list_datasets(cat) if d["name"] == name]
        rows = list_verdicts(cat.conn, ds["id"])
        detail = queries.dataset_detail(cat, ds["id"])
    return {r["column"]: r for r in rows}, detail


def test_the_fixtures_are_what_the_script_makes():
    assert (FIXTURES / PEOPLE).read_bytes() == make.csv_bytes(make.people_rows())
    assert (FIXTURES / BUSINESS).read_bytes() == make.csv_bytes(make.business_rows())
    assert len(make.people_rows()) == 61 and make.people_rows()[0] == list(EXPECTED_PEOPLE)


def test_every_kind_is_found_in_the_list_of_people(people_db):
    verdicts, detail = _verdicts(people_db, PEOPLE)
    (table,) = detail["tables"]
    assert table["person_level"] and "생년월일" in table["person_level"]
    found = {
        label: (v["kind"], v["personal"], v["quasi_identifier"], v["sensitive"])
        for label, v in verdicts.items()
    }
    expected = {k: v for k, v in EXPECTED_PEOPLE.items() if v is not None}
    assert found == expected
    for c in table["columns"]:
        want = EXPECTED_PEOPLE[c["label"]]
        personal = want is not None and want[1]
        assert (c["pii"] is not None) == personal, c["label"]  # show --json: null if not
        if personal:
            assert c["profile"]["masked"], c["label"]
        if c["privacy"] is not None:
            assert c["privacy"]["reason"]  # every verdict keeps its reason


def test_the_business_list_keeps_its_phone_and_address_open(people_db):
    verdicts, detail = _verdicts(people_db, BUSINESS)
    (table,) = detail["tables"]
    assert table["person_level"] is None
    found = {
        label: (v["kind"], v["personal"], v["quasi_identifier"], v["sensitive"])
        for label, v in verdicts.items()
    }
    assert found == {k: v for k, v in EXPECTED_BUSINESS.items() if v is not None}
    phone = verdicts["전화번호"]
    assert "'업소명' 컬럼" in phone["reason"] and "개인정보 아님" in phone["reason"]
    columns = {c["label"]: c for c in table["columns"]}
    assert columns["전화번호"]["pii"] is None and columns["전화번호"]["profile"]["masked"]


def _personal_values() -> list[str]:
    """Every value of a personal column in the fixtures, as written in the files."""
    rows = make.people_rows()
    header = rows[0]
    personal = [i for i, label in enumerate(header) if (EXPECTED_PEOPLE[label] or (0, 0))[1]]
    values = {r[i] for r in rows[1:] for i in personal}
    business = make.business_rows()
    values |= {r[1] for r in business[1:]}  # 대표자명
    return sorted(v for v in values if len(v) >= 2)


def test_no_personal_value_is_stored_unmasked(people_db):
    blobs = [people_db.read_bytes()]
    for extra in (Path(f"{people_db}-wal"), Path(f"{people_db}-journal")):
        if extra.exists():
            blobs.append(extra.read_bytes())
    leaked = [
        v
        for v in _personal_values()
        # a 2-character value (불교, 천식) could be part of a reason or label; check the rest
        if len(v) > 2 and any(v.encode("utf-8") in b for b in blobs)
    ]
    assert leaked == []
    # and the short sensitive values are never a stored sample
    with Catalog(people_db) as cat:
        stored = " ".join(
            r[0] + r[1] for r in cat.conn.execute("SELECT samples, top_values FROM columns")
        )
    for v in ("불교", "기독교", "천식", "국민의힘", "정의당", "벌금형", "지체장애"):
        assert v not in stored, v
