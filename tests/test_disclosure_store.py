"""Disclosure metadata over a scanned catalog: entry with undo, derived values, state, snapshots."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure import vocab
from catalog_app.disclosure.metadata import MetadataError, MetadataStore
from catalog_app.disclosure.model import ENTERED, SCAN, SETTINGS
from catalog_app.disclosure.snapshot import (
    SnapshotError,
    list_snapshots,
    load_snapshot,
    take_snapshot,
)
from catalog_app.disclosure.state import build_state
from catalog_app.disclosure.state_cache import state_for_year
from catalog_app.disclosure.validate import ExportBlocked
from catalog_app.matching.jobs import map_catalog
from catalog_app.scan.pii.patterns import rrn_check_digit
from catalog_app.scan.scanner import scan

TODAY = date(2025, 11, 20)


def rrn(first12: str) -> str:
    return f"{first12[:6]}-{first12[6:]}{rrn_check_digit(first12)}"


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)


def make_tree(root: Path) -> None:
    write_csv(
        root / "교통과" / "주차장.csv",
        [
            ["주차장명", "주차면수", "개방일자"],
            ["세종로 공영주차장", "120", "2019-03-02"],
            ["종묘 주차장", "80", "2021-07-15"],
            ["대학로 주차장", "45", "2023-12-01"],
        ],
    )
    people = [["성명", "주민등록번호", "지원금액"]]
    for i, name in enumerate(["김철수", "이영희", "박민수", "최지우", "정하늘", "강바다"]):
        people.append([name, rrn(f"80010{i + 1}12345{i}"[:12]), str(100000 + i * 5000)])
    write_csv(root / "복지과" / "수급자.csv", people)


@pytest.fixture
def cat(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    root = tmp_path / "자료"
    make_tree(root)
    with Catalog(tmp_path / "c.db") as c:
        scan(c, [str(root)])
        map_catalog(c)
        yield c


def dataset_id(c: Catalog, name: str) -> int:
    return c.conn.execute("SELECT id FROM datasets WHERE name = ?", (name,)).fetchone()[0]


def complete(meta: MetadataStore, ds: int, **over) -> None:
    values = {
        "분류체계": "교통물류 - 도로",
        "업데이트 주기": "연간",
        "차기 등록 예정일": "2026-03-31",
        "키워드": "주차장,종로구",
        "설명": "공영주차장 현황",
        "이용허락범위": "공공저작물_출처표시",
    }
    values.update(over)
    meta.set_fields(ds, values)


# ------------------------------------------------------------------------------ entry and undo
def test_set_fields_accepts_keys_and_korean_labels_and_normalises(cat):
    meta = MetadataStore(cat)
    ds = dataset_id(cat, "주차장.csv")
    batch = meta.set_fields(
        ds, {"업데이트주기": " 연간 ", "national_core": "y", "비공개사유": "9-6 개인"}
    )
    assert batch is not None
    assert meta.entered(ds) == {"update_cycle": "연간", "national_core": "Y", "reason": "9-6"}
    assert meta.set_fields(ds, {"update_cycle": "연간"}) is None  # nothing changed


def test_unknown_field_is_refused_with_the_known_labels(cat):
    with pytest.raises(KeyError, match="업데이트 주기"):
        MetadataStore(cat).set_fields(dataset_id(cat, "주차장.csv"), {"주기": "연간"})


def test_undo_restores_a_whole_batch_and_refuses_when_the_value_moved_on(cat):
    meta = MetadataStore(cat)
    ds = dataset_id(cat, "주차장.csv")
    meta.set_fields(ds, {"title": "첫 이름"})
    meta.set_fields(ds, {"title": "둘째 이름", "keywords": "주차"})
    assert meta.undo() == 2
    assert meta.entered(ds) == {"title": "첫 이름"}
    assert meta.undo() == 1
    assert meta.entered(ds) == {}
    with pytest.raises(MetadataError):
        meta.undo()
    first = meta.set_fields(ds, {"title": "A"})
    meta.set_fields(ds, {"title": "B"})
    with pytest.raises(MetadataError, match="다시 바뀌어"):
        meta.undo(first)
    assert meta.entered(ds)["title"] == "B"


def test_clearing_a_value_removes_it_and_history_records_before_and_after(cat):
    meta = MetadataStore(cat)
    ds = dataset_id(cat, "주차장.csv")
    meta.set_fields(ds, {"title": "주차장 목록"}, who="kim")
    meta.set_fields(ds, {"title": ""}, who="lee")
    assert meta.entered(ds) == {}
    latest, first = meta.history(ds)[:2]
    assert (latest["who"], latest["before"], latest["after"]) == ("lee", "주차장 목록", None)
    assert (first["who"], first["before"], first["after"]) == ("kim", None, "주차장 목록")


def test_column_values_are_kept_per_column(cat):
    meta = MetadataStore(cat)
    ds = dataset_id(cat, "수급자.csv")
    meta.set_fields(ds, {"openness": "공개", "pii": "N"}, table_key="csv", label="성명")
    column_id = cat.column_identity(ds, "csv", "성명")
    assert meta.entered_columns(ds) == {column_id: {"openness": "공개", "pii": "N"}}
    assert meta.entered(ds) == {}


def test_institution_settings_and_departments(cat):
    meta = MetadataStore(cat)
    meta.set_institution({"기관명": "서울특별시 종로구", "code": "3000000"})
    assert meta.institution() == {"name": "서울특별시 종로구", "code": "3000000"}
    meta.set_department("교통과\\", "교통행정과", "02-2148-1234")
    assert meta.department_map() == {"교통과": "교통행정과"}
    assert meta.department_phones() == {"교통행정과": "02-2148-1234"}
    assert meta.undo() == 2  # the institution batch (departments are settings, not logged)
    assert meta.institution() == {}
    assert meta.remove_department("교통과") and not meta.remove_department("교통과")


def test_import_csv_enters_filled_cells_and_reports_the_rest(cat, tmp_path):
    path = tmp_path / "양식.csv"
    write_csv(
        path,
        [
            ["원본 파일", "분류체계", "업데이트 주기", "모르는 열"],
            ["교통과/주차장.csv", "교통물류", "연간", "x"],
            ["복지과/수급자.csv", "", "월간", ""],
            ["없는/파일.csv", "교육", "", ""],
        ],
        encoding="cp949",
    )
    meta = MetadataStore(cat)
    result = meta.import_csv(path)
    assert (result.updated, result.values) == (2, 3)
    assert any("모르는 열" in s for s in result.skipped)
    assert any("4행" in s for s in result.skipped)
    assert meta.entered(dataset_id(cat, "주차장.csv")) == {
        "category": "교통물류",
        "update_cycle": "연간",
    }
    assert meta.undo(result.batch_id) == 3


# ------------------------------------------------------------------------------ derived values
def test_state_derives_what_the_scan_knows(cat):
    meta = MetadataStore(cat)
    meta.set_institution(
        {"name": "서울특별시 종로구", "code": "3000000", "default_licence": "공공저작물_출처표시"}
    )
    meta.set_department("교통과", "교통행정과", "02-2148-1234")
    state = build_state(cat, 2025, today=TODAY)
    parking = next(d for d in state.datasets if d.name == "주차장.csv")
    assert parking.department == "교통행정과"
    assert parking.fields["formats"] == "CSV" and parking.sources["formats"] == SCAN
    assert parking.fields["row_count"] == "3"
    assert parking.fields["temporal"] == "2019-03-02 ~ 2023-12-01"
    assert parking.fields["title"] == "서울특별시 종로구_주차장"
    assert parking.fields["phone"] == "02-2148-1234" and parking.sources["phone"] == SETTINGS
    assert parking.fields["licence"] == "공공저작물_출처표시"
    assert parking.fields["pii"] == "N" and parking.fields["openness"] == vocab.OPEN
    welfare = next(d for d in state.datasets if d.name == "수급자.csv")
    assert welfare.department == "복지과"  # no setting: the first folder
    assert "rrn" in welfare.pii_kinds and welfare.fields["pii"] == "Y"
    # A list of people (issue 14): proposed 비공개 with the reason, not 부분공개 — the columns it
    # would leave open are the re-identification check's call (the 부분공개 proposal for a list
    # that is not one of people: tests/test_privacy_disclosure.py).
    assert welfare.person_level and welfare.fields["openness"] == vocab.CLOSED
    assert welfare.fields["reason"] == "9-6"
    assert "개인 단위 목록" in welfare.fields["reason_detail"]
    cols = {c.label: c for c in state.columns_of(welfare.key)}
    assert cols["주민등록번호"].fields["openness"] == vocab.CLOSED
    assert cols["주민등록번호"].fields["reason"] == "9-6"
    assert cols["지원금액"].fields == {"pii": "N"}


@pytest.mark.slow
def test_entered_values_win_and_drop_the_proposed_reason(cat):
    meta = MetadataStore(cat)
    ds = dataset_id(cat, "수급자.csv")
    meta.set_fields(ds, {"openness": "비공개", "reason": "9-1", "row_count": "999"})
    state = build_state(cat, 2025, today=TODAY)
    welfare = next(d for d in state.datasets if d.dataset_id == ds)
    assert welfare.fields["openness"] == "비공개" and welfare.sources["openness"] == ENTERED
    assert welfare.fields["reason"] == "9-1"
    assert welfare.fields["row_count"] == "999"
    meta.set_fields(ds, {"openness": "공개", "reason": ""})
    welfare = next(d for d in build_state(cat, 2025).datasets if d.dataset_id == ds)
    assert "reason" not in welfare.fields and "reason_detail" not in welfare.fields


def test_state_columns_carry_terms_domains_and_checks(cat):
    state = build_state(cat, 2025, today=TODAY)
    cols = {c.label: c for c in state.columns}
    amount = cols["지원금액"]
    assert amount.term_name == "지원금액" and amount.term_abbr
    assert amount.type_source == "domain" and amount.data_type == "NUMERIC"
    assert amount.compliant is True
    parking = cols["주차장명"]
    assert parking.compliant is not None
    assert state.rates_of("catalog")[0].checked == sum(
        1 for c in state.columns if c.kind != "not_a_column"
    )


def test_no_sample_value_reaches_the_state(cat):
    state = build_state(cat, 2025, today=TODAY)
    text = str(state.to_dict())
    assert "김철수" not in text and rrn("800101123450") not in text


# ------------------------------------------------------------------------------ snapshots
def fill_for_export(cat: Catalog) -> None:
    meta = MetadataStore(cat)
    meta.set_institution(
        {"name": "서울특별시 종로구", "code": "3000000", "default_phone": "02-2148-0000"}
    )
    for name in ("주차장.csv", "수급자.csv"):
        complete(meta, dataset_id(cat, name))


def test_snapshot_refuses_with_blocking_problems_unless_forced(cat):
    with pytest.raises(ExportBlocked) as info:
        take_snapshot(cat, 2024, today=TODAY)
    assert any(p.code == "V01" for p in info.value.problems)
    assert list_snapshots(cat) == []
    forced = take_snapshot(cat, 2024, force=True, today=TODAY)
    assert forced.forced and forced.problems["error"] > 0


@pytest.mark.slow
def test_snapshot_is_frozen(cat):
    fill_for_export(cat)
    info = take_snapshot(cat, 2025, today=TODAY)
    assert not info.forced and info.summary["datasets"] == 2
    frozen = load_snapshot(cat, 2025)
    assert frozen.source == "snapshot" and frozen.year == 2025
    # later edits change the live state, never the snapshot
    MetadataStore(cat).set_fields(dataset_id(cat, "주차장.csv"), {"title": "바뀐 이름"})
    assert load_snapshot(cat, 2025).to_dict() == frozen.to_dict()
    assert state_for_year(cat, 2025).source == "snapshot"
    assert state_for_year(cat, 2026).source == "live"
    with pytest.raises(SnapshotError, match="이미"):
        take_snapshot(cat, 2025, today=TODAY)
    with pytest.raises(sqlite3.DatabaseError, match="frozen"):
        cat.conn.execute("UPDATE snapshots SET payload = '{}' WHERE year = 2025")
    with pytest.raises(sqlite3.DatabaseError, match="frozen"):
        cat.conn.execute("DELETE FROM snapshots WHERE year = 2025")


def test_a_tampered_snapshot_is_refused(cat):
    fill_for_export(cat)
    take_snapshot(cat, 2025, today=TODAY)
    cat.conn.execute("DROP TRIGGER snapshots_frozen_update")
    cat.conn.execute(
        "UPDATE snapshots SET payload = replace(payload, '주차장', '주차') WHERE year = 2025"
    )
    with pytest.raises(SnapshotError, match="무결성"):
        load_snapshot(cat, 2025)


def test_snapshot_survives_a_rescan_that_removes_a_file(cat, tmp_path):
    fill_for_export(cat)
    take_snapshot(cat, 2025, today=TODAY)
    (tmp_path / "자료" / "교통과" / "주차장.csv").unlink()
    scan(cat, [str(tmp_path / "자료")])
    assert {d.name for d in load_snapshot(cat, 2025).datasets} == {"주차장.csv", "수급자.csv"}
    assert {d.name for d in build_state(cat, 2026).datasets} == {"수급자.csv"}


def test_state_of_one_dataset_matches_the_whole(cat):
    whole = build_state(cat, 2025, today=TODAY)
    ds = dataset_id(cat, "수급자.csv")
    one = build_state(cat, 2025, today=TODAY, dataset_ids=[ds])
    assert [d.dataset_id for d in one.datasets] == [ds]
    assert one.datasets[0].fields == next(d for d in whole.datasets if d.dataset_id == ds).fields
    key = one.datasets[0].key
    assert [c.label for c in one.columns] == [c.label for c in whole.columns_of(key)]
    assert [(c.compliant, c.codes) for c in one.columns] == [
        (c.compliant, c.codes) for c in whole.columns_of(key)
    ]


def test_overview_figures_follow_the_state_and_the_snapshots(cat):
    from catalog_app.disclosure.overview import overview_figures

    fill_for_export(cat)
    take_snapshot(cat, 2024, today=TODAY)
    figures = overview_figures(cat, 2025)
    state = build_state(cat, 2025)
    assert figures.rate == state.rates_of("catalog")[0].rate
    assert [d["name"] for d in figures.departments] == ["교통과", "복지과"]
    assert [(t["year"], t["source"]) for t in figures.trend] == [(2024, "snapshot"), (2025, "live")]
    # 수급자.csv is a list of people: proposed 비공개 (issue 14)
    assert figures.openness == {"공개": 1, "부분공개": 0, "비공개": 1, "미입력": 0}
    assert figures.personal == {"Y": 1, "N": 1}
    assert all(n >= 1 for _, n in figures.top_words)


def test_replace_departments_is_all_or_nothing(cat):
    meta = MetadataStore(cat)
    meta.set_department("교통과", "교통행정과")
    meta.replace_departments([("복지과/", "복지정책과", " 02-1 "), ("교통과", "교통과", "")])
    assert meta.department_map() == {"복지과": "복지정책과", "교통과": "교통과"}
    with pytest.raises(MetadataError):
        meta.replace_departments([("복지과", "", "")])
    assert meta.department_map() == {"복지과": "복지정책과", "교통과": "교통과"}


def test_overview_figures_stop_when_cancelled(cat):
    from catalog_app.disclosure.overview import overview_figures
    from catalog_app.progress import Cancelled, CancelToken

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        overview_figures(cat, 2025, cancel=token)


def test_overview_before_map_counts_unmapped_and_no_words(tmp_path, template):
    from catalog_app.disclosure.overview import overview_figures

    shutil.copy(template, tmp_path / "u.db")
    make_tree(tmp_path / "자료2")
    with Catalog(tmp_path / "u.db") as c:
        scan(c, [str(tmp_path / "자료2")], suggest=False)  # as a catalog scanned before map
        figures = overview_figures(c, 2025)
        columns = c.conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
    assert figures.unmapped == columns > 0
    assert figures.top_words == []  # nothing is called non-standard before suggestions exist
