"""Issue 14: clerk overrides of verdicts (kept across rescans, undoable), the re-identification
check (k over the columns left open, by reading the file again), its gate on the disclosure
exports (a recorded exception, not --force) and the worksheet (no value in it).

The list of people is the synthetic fixture (tests/fixtures/privacy); group sizes are checked
against a count made here straight from the generator's rows.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure import vocab
from catalog_app.disclosure.export import export
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.state import build_state
from catalog_app.disclosure.validate import ExportBlocked, validate
from catalog_app.matching.jobs import map_catalog
from catalog_app.privacy.desk import PrivacyDesk, PrivacyError
from catalog_app.privacy.gate import ReidentificationBlocked
from catalog_app.privacy.reident import check_state, check_year
from catalog_app.privacy.verdicts import list_verdicts
from catalog_app.privacy.worksheet import write_worksheet
from catalog_app.scan.scanner import scan

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "privacy"
sys.path.insert(0, str(FIXTURES))
import make_privacy_fixtures as make  # noqa: E402

PEOPLE, BUSINESS = "복지대상자_명단.csv", "업소_목록.csv"
YEAR = 2026
TODAY = date(2026, 1, 10)
OPEN_QI = ["성별", "나이", "성별·연령", "거주지(읍면동)", "직업", "등록일"]


@pytest.fixture
def cat(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    data = tmp_path / "자료"
    data.mkdir()
    for name in (PEOPLE, BUSINESS):
        shutil.copy(FIXTURES / name, data / name)
    with Catalog(tmp_path / "c.db") as c:
        scan(c, [str(data)])
        map_catalog(c)
        meta = MetadataStore(c)
        meta.set_institution(
            {"name": "테스트구", "code": "1234567", "default_phone": "02-123-4567"}
        )
        for name in (PEOPLE, BUSINESS):
            meta.set_fields(
                _id(c, name),
                {
                    "분류체계": "사회복지",
                    "업데이트 주기": "연간",
                    "차기 등록 예정일": "2099-03-31",
                    "키워드": "명단",
                    "설명": "시험용",
                    "이용허락범위": "공공저작물_출처표시",
                },
            )
        c.data = data  # type: ignore[attr-defined]
        yield c


def _id(c: Catalog, name: str) -> int:
    return c.conn.execute("SELECT id FROM datasets WHERE name = ?", (name,)).fetchone()[0]


def _column(c: Catalog, name: str, label: str) -> int:
    return c.conn.execute(
        "SELECT c.id FROM columns c JOIN datasets d ON d.id = c.dataset_id "
        "WHERE d.name = ? AND c.label = ?",
        (name, label),
    ).fetchone()[0]


def _open_people(c: Catalog, closed: tuple[str, ...] = ()) -> None:
    meta = MetadataStore(c)
    ds = _id(c, PEOPLE)
    meta.set_fields(ds, {"openness": "부분공개", "reason": "9-6"})
    for label in closed:
        meta.set_fields(ds, {"openness": "비공개", "reason": "9-6"}, table_key="#0", label=label)


def _people_check(c: Catalog):
    (check,) = [x for x in check_year(c, YEAR) if x.dataset_id == _id(c, PEOPLE)]
    return check


def _expected_sizes(labels: list[str]) -> Counter:
    """Group sizes counted straight from the generator's rows: size -> number of groups."""
    rows = make.people_rows()
    header = rows[0]
    idx = [header.index(label) for label in labels]
    groups = Counter(tuple(r[i] for i in idx) for r in rows[1:])
    return Counter(groups.values())


# ------------------------------------------------------------------------------ derivation
def test_a_list_of_people_is_proposed_closed_and_a_business_list_partly_open(cat):
    state = build_state(cat, YEAR, today=TODAY)
    people = next(d for d in state.datasets if d.name == PEOPLE)
    business = next(d for d in state.datasets if d.name == BUSINESS)
    assert people.person_level and people.fields["openness"] == vocab.CLOSED
    assert "개인 단위 목록" in people.fields["reason_detail"]
    assert not business.person_level and business.fields["openness"] == vocab.PARTIAL
    closed = {c.label for c in state.columns_of(business.key) if c.get("openness") == "비공개"}
    assert closed == {"대표자명"}  # the phone of the business stays open
    assert not any(p.code == "P01" for p in validate(state, TODAY))
    _open_people(cat)
    state = build_state(cat, YEAR, today=TODAY)
    assert [p.severity for p in validate(state, TODAY) if p.code == "P01"] == ["warning"]


# ------------------------------------------------------------------------ the check itself
def test_k_over_the_open_quasi_identifiers_matches_a_direct_count(cat):
    _open_people(cat)
    check = _people_check(cat)
    assert check.quasi_identifiers == OPEN_QI
    assert check.status == "below_k" and check.k == 1 and check.blocking
    expected = _expected_sizes(OPEN_QI)
    assert check.k == min(expected)
    assert check.small_groups == [
        {"rows": size, "groups": n} for size, n in sorted(expected.items()) if size < 5
    ]
    assert sorted(check.group_sizes()) == sorted(
        size for size, n in expected.items() if size < 5 for _ in range(n)
    )
    by_column = {s.column: s for s in check.suggestions}
    assert by_column["나이"].technique == "범주화" and by_column["등록일"].technique == "범주화"
    assert by_column["성별"].k_alone == min(_expected_sizes(["성별"]))
    assert by_column["직업"].k_without == min(_expected_sizes([q for q in OPEN_QI if q != "직업"]))
    assert check.rows == 60


def test_closing_the_fine_columns_brings_k_to_five(cat):
    _open_people(cat, closed=("나이", "성별·연령", "거주지(읍면동)", "직업", "등록일"))
    check = _people_check(cat)
    assert check.quasi_identifiers == ["성별"]
    assert check.k == min(_expected_sizes(["성별"])) >= 5 and check.status == "ok"
    assert not check.blocking and check.small_groups == []


def test_tables_whose_rows_are_not_people_are_not_checked(cat):
    meta = MetadataStore(cat)
    meta.set_fields(_id(cat, BUSINESS), {"openness": "공개", "reason": ""})
    (check,) = [x for x in check_year(cat, YEAR) if x.dataset_id == _id(cat, BUSINESS)]
    assert check.status == "not_applicable" and check.k is None and not check.blocking


def test_a_file_changed_since_the_scan_cannot_be_checked(cat):
    _open_people(cat)
    with open(cat.data / PEOPLE, "ab") as fh:
        fh.write("61,홍길동,남,30\r\n".encode("cp949"))
    check = _people_check(cat)
    assert check.status == "unreadable" and check.blocking and "다시 스캔" in check.message


def test_a_workbook_is_read_again_in_the_reader_process(cat, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "명단"
    for row in make.people_rows():
        ws.append(row)
    path = cat.data / "명단.xlsx"
    wb.save(path)
    scan(cat, [str(cat.data)])
    map_catalog(cat)
    ds = _id(cat, "명단.xlsx")
    MetadataStore(cat).set_fields(ds, {"openness": "부분공개", "reason": "9-6"})
    (check,) = [x for x in check_year(cat, YEAR) if x.dataset_id == ds]
    assert check.table == "명단" and check.quasi_identifiers == OPEN_QI
    assert check.k == min(_expected_sizes(OPEN_QI)) and check.status == "below_k"


# ------------------------------------------------------------------------------- the gate
@pytest.mark.slow
def test_export_is_refused_until_an_exception_is_recorded(cat, tmp_path):
    _open_people(cat)
    out = tmp_path / "목록.xlsx"
    with pytest.raises(ReidentificationBlocked) as info:
        export(cat, YEAR, "inventory", out, force=True, today=TODAY)  # --force does not pass
    assert isinstance(info.value, ExportBlocked)
    assert [p.code for p in info.value.blocking] == ["P02"] and not out.exists()
    assert "privacy allow" in str(info.value)
    desk = PrivacyDesk(cat, who="담당자")
    check = _people_check(cat)
    with pytest.raises(PrivacyError):
        desk.allow(check.dataset_id, check.table, check.signature, check.k, "  ")
    desk.allow(check.dataset_id, check.table, check.signature, check.k, "시범 공개 협의")
    allowed = _people_check(cat)
    assert allowed.status == "allowed" and not allowed.blocking
    assert allowed.allowance["by"] == "담당자" and allowed.allowance["reason"] == "시범 공개 협의"
    result = export(cat, YEAR, "inventory", out, force=True, today=TODAY)
    assert out.exists() and result.paths == [out]
    history = desk.history()
    assert history[0]["action"] == "allow" and history[0]["who"] == "담당자"
    # Opening one more column changes what was allowed: the exception lapses.
    MetadataStore(cat).set_fields(
        _id(cat, PEOPLE), {"openness": "공개"}, table_key="#0", label="차량번호"
    )
    assert _people_check(cat).status == "below_k"
    # Undo of the exception (after putting the column back): blocked again.
    MetadataStore(cat).set_fields(
        _id(cat, PEOPLE), {"openness": ""}, table_key="#0", label="차량번호"
    )
    assert _people_check(cat).status == "allowed"
    desk.undo()
    assert _people_check(cat).status == "below_k"


def test_export_passes_when_k_is_five_or_more(cat, tmp_path):
    _open_people(cat, closed=("나이", "성별·연령", "거주지(읍면동)", "직업", "등록일"))
    result = export(cat, YEAR, "definitions", tmp_path / "정의서.xlsx", force=True, today=TODAY)
    assert result.paths[0].exists()


# ---------------------------------------------------------------------------- overrides
def test_an_override_is_kept_across_rescans_and_undone(cat):
    desk = PrivacyDesk(cat, who="김주무관")
    phone = _column(cat, BUSINESS, "전화번호")
    with pytest.raises(PrivacyError):
        desk.set(phone, reason="", personal=True)
    with pytest.raises(PrivacyError):
        desk.set(99999, reason="x", personal=True)
    desk.set(phone, reason="사장님 개인 번호가 섞여 있음", personal=True)
    [row] = [r for r in list_verdicts(cat.conn) if r["column_id"] == phone]
    assert row["personal"] is True and row["source"] == "clerk"
    assert row["override"]["by"] == "김주무관" and "사장님" in row["reason"]
    assert cat.conn.execute("SELECT pii_kind FROM columns WHERE id = ?", (phone,)).fetchone()[0]
    scan(cat, [str(cat.data)], force=True)
    [row] = [r for r in list_verdicts(cat.conn) if r["column_id"] == phone]
    assert row["personal"] is True and row["source"] == "clerk"  # kept by the rescan
    desk.undo()
    [row] = [r for r in list_verdicts(cat.conn) if r["column_id"] == phone]
    assert row["personal"] is False and row["override"] is None
    assert (
        cat.conn.execute("SELECT pii_kind FROM columns WHERE id = ?", (phone,)).fetchone()[0]
        is None
    )
    with pytest.raises(PrivacyError):
        desk.clear(phone)  # nothing to clear


def test_an_override_masks_a_column_on_the_spot_and_leaves_no_trace(cat):
    name_column = _column(cat, BUSINESS, "업소명")
    shops = [r[0] for r in make.business_rows()[1:]]
    samples = cat.conn.execute(
        "SELECT samples FROM columns WHERE id = ?", (name_column,)
    ).fetchone()[0]
    assert any(s in samples for s in shops)  # not personal: stored as it is
    PrivacyDesk(cat).set(name_column, reason="상호가 대표자 이름", personal=True)
    row = cat.conn.execute(
        "SELECT samples, top_values, min_value, max_value, masked, pii_kind FROM columns "
        "WHERE id = ?",
        (name_column,),
    ).fetchone()
    assert row["masked"] == 1 and row["pii_kind"] == "other"
    stored = " ".join(str(v) for v in tuple(row)[:4])
    assert not any(s in stored for s in shops)
    db = Path(cat.path)
    blobs = [db.read_bytes()] + [
        p.read_bytes() for p in (Path(f"{db}-wal"),) if p.exists() and p.stat().st_size
    ]
    long_names = [s for s in shops if len(s) > 5]
    assert long_names and not any(s.encode() in b for s in long_names for b in blobs)


def test_the_latest_step_only_is_undone_when_a_later_one_changed_it(cat):
    desk = PrivacyDesk(cat)
    phone = _column(cat, BUSINESS, "전화번호")
    first = desk.set(phone, reason="하나", personal=True)
    desk.set(phone, reason="둘", personal=False)
    with pytest.raises(PrivacyError):
        desk.undo(first)
    desk.undo()
    desk.undo()
    with pytest.raises(PrivacyError):
        desk.undo()


# ---------------------------------------------------------------------------- worksheet
def test_the_worksheet_holds_counts_and_techniques_but_no_value(cat, tmp_path):
    _open_people(cat)
    checks = check_state(cat, build_state(cat, YEAR, today=TODAY))
    path = write_worksheet(checks, tmp_path / "재식별.xlsx", title="2026년")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["재식별 점검", "컬럼별 조치", "작은 그룹"]
    text = " ".join(
        str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None
    )
    values = {v for r in make.people_rows()[1:] for v in r if len(v) > 1 and not v.isdigit()}
    values |= {v for r in make.business_rows()[1:] for v in r if len(v) > 1}
    labels = set(make.PEOPLE_HEADER) | set(make.BUSINESS_HEADER)
    leaked = sorted(v for v in values - labels if v in text)
    assert leaked == []
    groups = list(wb["작은 그룹"].iter_rows(min_row=2, values_only=True))
    assert len(groups) == sum(n for size, n in _expected_sizes(OPEN_QI).items() if size < 5)
    assert all(isinstance(r[3], int) and r[3] < 5 for r in groups)
    with pytest.raises(ValueError):
        write_worksheet(checks, tmp_path / "재식별.csv")
