"""Editions in the catalog: shipped 7차 loaded offline, import, current edition, diff, search."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from catalog_app.catalog.store import Catalog
from catalog_app.dictionary.diff import diff_dictionaries, write_diff_xlsx
from catalog_app.dictionary.model import Dictionary, Domain, Term, Word
from catalog_app.dictionary.search import search_dictionary
from catalog_app.dictionary.store import DictionaryError, DictionaryStore, edition_key


@pytest.fixture
def store(template, tmp_path):
    path = tmp_path / "catalog.db"
    shutil.copy(template, path)
    cat = Catalog(path)
    yield DictionaryStore(cat)
    cat.close()


def small_edition(
    enacted: str, *, retire_term: str | None = None, term_desc: str = "설명"
) -> Dictionary:
    words = [
        Word("가입", "JOIN", enacted=enacted),
        Word("일자", "YMD", is_class_word=True, domain_class="연월일", enacted=enacted),
        Word("명", "NM", is_class_word=True, domain_class="명", enacted=enacted),
    ]
    terms = [
        Term("가입일자", "JOIN_YMD", "연월일C8", description=term_desc, enacted=enacted),
        Term("가입명", "JOIN_NM", "명V100", enacted=enacted, retired=retire_term == "가입명"),
    ]
    domains = [
        Domain("연월일C8", "날짜/시간", "연월일", data_type="CHAR", length="8", enacted=enacted),
        Domain("명V100", "명칭", "명", data_type="VARCHAR", length="100", enacted=enacted),
    ]
    return Dictionary(words, terms, domains, layout="csv", source="test")


def test_new_catalog_loads_the_shipped_edition_as_current(store):
    current = store.current()
    assert current.key == "7차(2024-11)"
    assert (current.word_count, current.term_count, current.domain_count) == (2398, 9039, 115)
    official = store.load(current.key)
    assert len(official.active_terms()) == 9027 and len(official.active_words()) == 2396
    join = next(t for t in official.terms if t.name == "가입일자")
    assert join.abbr == "JOIN_YMD" and join.domain == "연월일C8"
    assert join.allowed_values == "YYYY : 0001~9999,\nMM : 01~12, DD : 01~31"
    assert store.ensure_shipped().id == current.id  # idempotent


def test_edition_key_from_rows_or_file_name():
    assert edition_key(small_edition("3차(2021-10)")) == "3차(2021-10)"
    mixed = small_edition("3차(2021-10)")
    mixed.words[0].enacted = "7차(2024-11)\n(폐기후 제정)"
    assert edition_key(mixed) == "7차(2024-11)"
    assert edition_key(small_edition(""), "pds2_2020-12_공공데이터_공통표준.xlsx") == "2차(2020-12)"


def test_import_use_and_affected_mappings(store):
    cat = store.catalog
    store.import_edition(small_edition("90차(2030-01)"))
    store.import_edition(small_edition("91차(2031-01)", retire_term="가입명", term_desc="새 설명"))
    with pytest.raises(DictionaryError):
        store.import_edition(small_edition("91차(2031-01)"))  # the same edition twice
    store.use("90차(2030-01)")
    with cat.transaction() as conn:
        conn.execute(
            """INSERT INTO datasets (path, rel_path, name, folder, ext, status)
               VALUES ('/x/a.csv', 'a.csv', 'a.csv', '', '.csv', 'ok')"""
        )
        for n, (label, term) in enumerate(
            [("가입자명", "가입명"), ("가입일", "가입일자"), ("비고", "비고")], start=1
        ):
            conn.execute(
                """INSERT INTO column_keys (id, dataset_id, table_key, label) VALUES (?, 1, '#0', ?)""",
                (n, label),
            )
            conn.execute(
                """INSERT INTO column_mappings (column_id, dataset_id, table_key, label, term_name)
                   VALUES (?, 1, '#0', ?, ?)""",
                (n, label, term),
            )
    info, affected = store.use("91차(2031-01)")
    assert info.is_current and store.current().key == "91차(2031-01)"
    assert {(a["label"], a["term"], a["reason"]) for a in affected} == {
        ("가입자명", "가입명", "폐기"),
        ("가입일", "가입일자", "변경(description)"),
    }


def test_partial_edition_can_be_compared_but_not_used(store):
    partial = Dictionary(
        domains=[
            Domain("연월일C8", "날짜/시간", "연월일", data_type="CHAR", length="8"),
            Domain("가격N9,2", "금액", "가격", data_type="NUMERIC", length="9"),
        ]
    )
    store.import_edition(partial, key="8차 도메인")
    with pytest.raises(DictionaryError, match="현재 판으로 쓸 수 없습니다"):
        store.use("8차 도메인")
    diff = diff_dictionaries(store.load("7차(2024-11)"), store.load("8차 도메인"), "7차", "8차")
    assert diff.words is None and diff.terms is None  # not "everything retired"
    assert "가격N9,2" in diff.domains.added


def test_diff_fields_with_whitespace_normalised(tmp_path):
    a = small_edition("1차(2020-08)")
    b = small_edition("2차(2020-12)", retire_term="가입명")
    b.terms[0].description = "설명"  # same text
    a.terms[0].allowed_values = "YYYY : 0001~9999,\nMM : 01~12"
    b.terms[0].allowed_values = "YYYY : 0001~9999, MM : 01~12"  # 8차 flattens newlines
    b.words.append(Word("탈퇴", "SCSN"))
    b.domains[1].length = "200"
    diff = diff_dictionaries(a, b, "1차", "2차")
    assert diff.words.added == ["탈퇴"] and not diff.words.retired
    assert diff.terms.retired == ["가입명"] and not diff.terms.changed
    assert [(c.name, c.fields) for c in diff.domains.changed] == [
        ("명V100", [("length", "100", "200")])
    ]
    out = tmp_path / "diff.xlsx"
    write_diff_xlsx(diff, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["요약", "단어", "용어", "도메인"]
    rows = list(wb["도메인"].iter_rows(values_only=True))
    assert rows[0] == ("구분", "이름", "항목", "이전 값", "새 값")
    assert rows[1] == ("변경", "명V100", "데이터길이", "100", "200")


def test_search_ranks_exact_names_and_abbreviations_first(store):
    hits = search_dictionary(store, "주소")
    assert hits[0]["kind"] == "word" and hits[0]["name"] == "주소" and hits[0]["abbr"] == "ADDR"
    assert search_dictionary(store, "JOIN_YMD")[0]["name"] == "가입일자"
    by_synonym = search_dictionary(store, "전자우편")
    assert any(h["name"] == "이메일" for h in by_synonym)
    assert search_dictionary(store, "%") == []  # LIKE wildcards are literal
