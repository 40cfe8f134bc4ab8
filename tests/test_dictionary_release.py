"""Numbered releases of the 기관표준 (issue 18): the standards manager's export carries a release
number, date and content hash; a department importing an older release, or an edited file, is
told so and nothing changes unless forced."""

from __future__ import annotations

import shutil

import pytest

from tests.cli_helpers import run, run_json


@pytest.fixture
def manager(tmp_path, template):
    db = tmp_path / "manager.db"
    shutil.copy(template, db)
    return db


@pytest.fixture
def department(tmp_path, template):
    db = tmp_path / "dept.db"
    shutil.copy(template, db)
    return db


def _add(db, name: str) -> None:
    run(db, "standards", "add-term", name, "--abbr", f"X_{len(name)}_NM", "--domain", "명V100",
        "--force")  # fmt: skip


@pytest.mark.slow
def test_release_numbers_follow_the_content(manager, tmp_path):
    _add(manager, "드론촬영명")
    first = run_json(manager, "standards", "export", str(tmp_path / "r1.xlsx"))
    assert first["release"]["version"] == 1 and len(first["release"]["sha256"]) == 64
    same = run_json(manager, "standards", "export", str(tmp_path / "r1b.xlsx"))
    assert same["release"]["version"] == 1  # nothing changed: the same release
    _add(manager, "드론기체명")
    second = run_json(manager, "standards", "export", str(tmp_path / "r2.xlsx"))
    assert second["release"]["version"] == 2 and second["terms"] == 2
    folder = run_json(manager, "standards", "export", str(tmp_path / "r2csv"))
    assert folder["release"]["version"] == 2
    assert (tmp_path / "r2csv" / "release.json").is_file()
    everything = run_json(manager, "standards", "export", str(tmp_path / "all.xlsx"), "--scope",
                          "all")  # fmt: skip
    assert everything["release"] is None  # the official edition is not the institution's release


@pytest.mark.slow
def test_department_is_told_about_an_older_release(manager, department, tmp_path):
    _add(manager, "드론촬영명")
    run(manager, "standards", "export", str(tmp_path / "r1.xlsx"))
    _add(manager, "드론기체명")
    run(manager, "standards", "export", str(tmp_path / "r2.xlsx"))
    got = run_json(department, "standards", "import", str(tmp_path / "r2.xlsx"), "--institution")
    assert got["release"]["version"] == 2 and got["previous_release"] is None
    again = run(department, "standards", "import", str(tmp_path / "r2.xlsx"), "--institution")
    assert "이미 쓰고 있는 배포판" in again.stdout
    old = run(department, "standards", "import", str(tmp_path / "r1.xlsx"), "--institution",
              code=1)  # fmt: skip
    assert "오래되었습니다" in old.stderr and "2판" in old.stderr and "1판" in old.stderr
    terms = {t["name"] for t in run_json(department, "standards", "search", "드론")}
    assert terms == {"드론촬영명", "드론기체명"}  # the refused import changed nothing
    forced = run_json(department, "standards", "import", str(tmp_path / "r1.xlsx"),
                      "--institution", "--force")  # fmt: skip
    assert forced["release"]["version"] == 1


def test_edited_release_is_refused(manager, department, tmp_path):
    from openpyxl import load_workbook

    _add(manager, "드론촬영명")
    run(manager, "standards", "export", str(tmp_path / "r1.xlsx"))
    wb = load_workbook(tmp_path / "r1.xlsx")
    ws = wb["공통표준용어"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "드론촬영명":
                cell.value = "드론촬영지명"
    wb.save(tmp_path / "edited.xlsx")
    refused = run(department, "standards", "import", str(tmp_path / "edited.xlsx"),
                  "--institution", code=1)  # fmt: skip
    assert "고쳐졌습니다" in refused.stderr


def test_a_file_without_release_facts_still_imports(manager, department, tmp_path):
    from catalog_app.dictionary.formats import read_dictionary, write_xlsx

    _add(manager, "드론촬영명")
    run(manager, "standards", "export", str(tmp_path / "r1.xlsx"))
    write_xlsx(read_dictionary(tmp_path / "r1.xlsx"), tmp_path / "plain.xlsx")
    got = run_json(department, "standards", "import", str(tmp_path / "plain.xlsx"),
                   "--institution")  # fmt: skip
    assert got["release"] is None and "배포판 정보가 없는" in got["note"]


@pytest.mark.slow
def test_bundle_of_a_department_on_an_older_release_is_flagged(manager, tmp_path, template):
    from tests.bundle_helpers import department_catalog, export
    from tests.cli_helpers import FIXTURES

    _add(manager, "드론촬영명")
    run(manager, "standards", "export", str(tmp_path / "r1.xlsx"))
    folder = tmp_path / "교통과"
    folder.mkdir()
    shutil.copy(FIXTURES / "corpus" / "population.csv", folder / "인구.csv")
    dept = department_catalog(template, folder, tmp_path / "dept2.db")
    run(dept, "standards", "import", str(tmp_path / "r1.xlsx"), "--institution")
    bundle = export(dept, tmp_path / "교통과.bundle", "교통과")
    assert bundle["release_version"] == 1
    _add(manager, "드론기체명")
    run(manager, "standards", "export", str(tmp_path / "r2.xlsx"))  # the institution: release 2
    report = run_json(manager, "bundle", "merge", bundle["bundle"], "-q")
    assert report["merged"]  # merged, but listed
    older = [c for c in report["conflicts"] if c["kind"] == "release_older"]
    assert older and not older[0]["blocking"] and "2판" in older[0]["message"]
