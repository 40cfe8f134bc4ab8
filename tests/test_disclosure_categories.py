"""분류체계 in both label styles: the shipped table, the institution's table in the catalog, what
validation says of a value and what the lists write (issue 12)."""

from __future__ import annotations

import shutil

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.categories import (
    CURRENT,
    OLDER,
    CategoryTable,
    normalise,
    shipped_rows,
    shipped_table,
)
from catalog_app.disclosure.category_store import CategoryError, CategoryStore
from catalog_app.disclosure.exports.inventory import HEADERS, inventory_rows
from catalog_app.disclosure.validate import validate
from tests.disclosure_samples import sample_state


def test_normalise_accepts_how_people_type_it():
    assert normalise("공공행정-일반행정") == "공공행정 - 일반행정"
    assert normalise(" 공공행정 – 일반행정 ") == "공공행정 - 일반행정"
    assert normalise("공공행정 > 일반행정") == "공공행정 - 일반행정"
    assert normalise("재정금융 - 재정·금융") == "재정금융 - 재정·금융"  # '·' is part of the name
    assert normalise("  교통물류 ") == "교통물류"


def test_shipped_table_has_both_styles():
    rows = shipped_rows()
    current = [r for r in rows if r.style == CURRENT]
    older = [r for r in rows if r.style == OLDER]
    assert len(current) == 16 + 65  # 16 대분류 and the 65 pairs of the portal sample
    assert len(older) == 68  # 67 부문 (3 written alike in both styles dropped) + 분야 alone
    table = shipped_table()
    assert len(table.current_majors()) == 16
    for r in older:  # every older label stands for a label of today's 대분류
        assert r.current.partition(" - ")[0] in table.current_majors(), r


@pytest.mark.parametrize(
    "value,status,current,older",
    [
        ("공공행정 - 일반행정", "current", "공공행정 - 일반행정", False),
        ("공공행정", "current", "공공행정", False),
        ("일반공공행정 - 일반행정", "older", "공공행정 - 일반행정", True),
        ("공공질서및안전 - 안전관리", "older", "재난안전 - 안전관리", True),
        ("공공질서및안전 - 해양경비", "older", "재난안전 - 해경", True),  # renamed 중분류
        ("일반공공행정", "older", "공공행정", True),
        ("교통물류 - 버스", "unknown_minor", "교통물류 - 버스", False),
        ("교통및물류 - 버스", "unknown_minor", "교통물류 - 버스", True),
        ("교통및물류-도시철도", "older", "교통물류 - 도시철도", True),  # inferred: 추정
        ("도로교통 - 버스", "unknown", "", False),
        ("없는분류", "unknown", "", False),
    ],
)
def test_resolve(value, status, current, older):
    found = shipped_table().resolve(value)
    assert (found.status, found.current, found.older) == (status, current, older)


def test_inferred_mapping_says_so():
    assert "추정" in shipped_table().resolve("국방 - 전력유지").basis


def test_a_new_catalog_is_seeded_and_the_institution_edits_it(tmp_path):
    with Catalog(tmp_path / "c.db") as cat:
        store = CategoryStore(cat)
        assert len(store.rows()) == len(shipped_rows())
        added = store.add("교통물류 - 버스")
        assert (added.style, added.current) == (CURRENT, "교통물류 - 버스")
        mapped = store.add("교통및물류 - 버스", current="교통물류-버스")
        assert (mapped.style, mapped.current) == (OLDER, "교통물류 - 버스")
        assert store.table().resolve("교통및물류 - 버스").status == "older"
        with pytest.raises(CategoryError, match="지금 쓰는 대분류가 아닙니다"):
            store.add("일반공공행정 - 새부문")  # an older 대분류 needs --as
        with pytest.raises(CategoryError, match="지금 쓰는 분류체계가 아닙니다"):
            store.add("옛 표기", current="일반공공행정 - 일반행정")  # must map to today's
        assert store.remove("교통물류 - 버스") and not store.remove("교통물류 - 버스")
        assert store.reset() == len(shipped_rows())
        assert store.table().resolve("교통및물류 - 버스").status == "unknown_minor"


def test_import_a_table_excel_saved_as_cp949(tmp_path):
    path = tmp_path / "분류.csv"
    path.write_bytes(
        "분류체계,표기,현재분류체계,근거\n교통물류 - 버스,현재,,\n교통및물류 - 버스,이전,교통물류 - 버스,기관\n".encode(
            "cp949"
        )
    )
    with Catalog(tmp_path / "c.db") as cat:
        store = CategoryStore(cat)
        assert store.import_csv(path, replace=True) == 2
        assert [r.label for r in store.rows()] == ["교통물류 - 버스", "교통및물류 - 버스"]


def test_import_refuses_what_it_cannot_read_and_changes_nothing(tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("대분류,중분류\n공공행정,일반행정\n", encoding="utf-8")
    incomplete = tmp_path / "incomplete.csv"
    incomplete.write_text("분류체계,표기\n일반공공행정 - 새부문,이전\n", encoding="utf-8")
    with Catalog(tmp_path / "c.db") as cat:
        store = CategoryStore(cat)
        before = store.rows()
        with pytest.raises(CategoryError, match="'분류체계' 열이 없습니다"):
            store.import_csv(wrong, replace=True)
        with pytest.raises(CategoryError, match="현재분류체계가 없습니다"):
            store.import_csv(incomplete, replace=True)
        assert store.rows() == before


def test_validation_accepts_both_styles_and_warns():
    state = sample_state(2025)
    parking, welfare = state.datasets[:2]
    parking.fields["category"] = "교통및물류 - 도로"  # older style
    welfare.fields["category"] = "사회복지 - 돌봄"  # a 중분류 the sample has not seen
    problems = validate(state, __import__("datetime").date(2025, 11, 20))
    codes = {(p.code, p.dataset_id) for p in problems}
    assert ("V18", 1) in codes and ("V17", 2) in codes
    assert not [p for p in problems if p.severity == "error" and p.field == "category"]
    v18 = next(p for p in problems if p.code == "V18")
    assert "교통물류 - 도로" in v18.message
    parking.fields["category"] = "없는분류 - 도로"
    blocking = [p for p in validate(state) if p.code == "V11" and p.field == "category"]
    assert blocking and blocking[0].severity == "error"


def test_lists_write_todays_label():
    state = sample_state(2025)
    state.datasets[0].fields["category"] = "교통및물류 - 도로"
    row = inventory_rows(state)[0]
    assert row[HEADERS.index("분류체계")] == "교통물류 - 도로"


def test_state_carries_the_catalogs_table(tmp_path, template):
    from catalog_app.disclosure.state import build_state

    shutil.copy(template, tmp_path / "c.db")
    with Catalog(tmp_path / "c.db") as cat:
        CategoryStore(cat).add("교통물류 - 버스")
        state = build_state(cat, 2025)
    assert ["교통물류 - 버스", CURRENT, "교통물류 - 버스", "기관 추가"] in state.categories
    assert state.category_table().resolve("교통물류 - 버스").status == "current"
    # a state frozen before the table existed falls back to the shipped one
    state.categories = []
    assert state.category_table().resolve("교통물류 - 버스").status == "unknown_minor"
    assert isinstance(state.category_table(), CategoryTable)
