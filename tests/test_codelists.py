"""Code lists (catalog_app/codelists.py): the shipped ones (the matcher's signatures read them
from here too), a newer list an institution imports (the official 법정동코드 전체자료 layout in
CP949 with 폐지여부, or one code per line), used by the diagnosis instead of the shipped one."""

from __future__ import annotations

import shutil

import pytest

from catalog_app import codelists
from catalog_app.catalog.store import Catalog
from catalog_app.codelists import CodeListError, CodeListStore, parse_code_file
from catalog_app.matching import signatures


def test_shipped_lists_and_the_matcher_share_one_loader():
    assert signatures.legal_dong_codes is codelists.legal_dong_codes
    assert "1111010100" in codelists.legal_dong_codes()  # 서울특별시 종로구 청운동
    assert "11110" in codelists.sgg_codes()
    assert len(codelists.org_codes()) > 400
    assert codelists.shipped("org").complete is False


def test_official_tsv_with_abolished_rows(tmp_path):
    path = tmp_path / "법정동코드 전체자료.txt"
    path.write_bytes(
        "법정동코드\t법정동명\t폐지여부\n1111010100\t서울특별시 종로구 청운동\t존재\n"
        "1111099999\t없어진 동\t폐지\n4159099999\t화성시 새 구\t존재\n".encode("cp949")
    )
    codes, skipped = parse_code_file(path, "legal_dong")
    assert codes == ["1111010100", "4159099999"] and skipped == 1


def test_plain_list_and_bad_files(tmp_path):
    plain = tmp_path / "org.txt"
    plain.write_text("6110000\nB553077\n\n", encoding="utf-8")
    assert parse_code_file(plain, "org") == (["6110000", "B553077"], 0)
    junk = tmp_path / "junk.csv"
    junk.write_text("이름,값\n가,나\n", encoding="utf-8")
    with pytest.raises(CodeListError, match="법정동코드 열을 찾지 못했습니다"):
        parse_code_file(junk, "legal_dong")


def test_imported_list_wins_and_can_be_forgotten(template, tmp_path):
    db = tmp_path / "c.db"
    shutil.copy(template, db)
    path = tmp_path / "new.csv"
    path.write_text("법정동코드,법정동명\n4159099999,화성시 새 구\n", encoding="utf-8")
    with Catalog(db) as cat:
        store = CodeListStore(cat)
        assert store.get("legal_dong").imported is False
        assert store.import_file("legal_dong", path, "담당자")["count"] == 1
        current = store.get("legal_dong")
        assert current.imported and current.codes == frozenset({"4159099999"})
        assert "new.csv" in current.source and "담당자" in current.source
        assert store.forget("legal_dong") and not store.get("legal_dong").imported


def test_the_diagnosis_checks_against_the_imported_list(template, tmp_path):
    from catalog_app.quality import report
    from catalog_app.quality.job import run_quality
    from catalog_app.scan.scanner import scan

    db = tmp_path / "c.db"
    shutil.copy(template, db)
    data = tmp_path / "data"
    data.mkdir()
    rows = ["1111010100", "1111010200", "4159099999"]  # the last is not in the 2025-12 list
    (data / "동.csv").write_text(
        "법정동코드,동이름\n" + "".join(f"{c},동{i}\n" for i, c in enumerate(rows)),
        encoding="utf-8",
    )
    new = tmp_path / "new.csv"
    new.write_text("법정동코드\n" + "\n".join(rows) + "\n", encoding="utf-8")

    def errors(cat) -> int:
        run_quality(cat)
        found = [f for f in report.show(cat)["findings"] if f["rule"] == "legal_dong_code"]
        assert len(found) == 1
        return found[0]["errors"], found[0]["samples"]

    with Catalog(db) as cat:
        scan(cat, [str(data)])
        assert errors(cat) == (1, ["4159099999"])
        CodeListStore(cat).import_file("legal_dong", new, "담당자")
        assert errors(cat) == (0, [])
