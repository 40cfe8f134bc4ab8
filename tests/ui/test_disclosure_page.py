"""공개목록 page: institution settings, validate, a click that opens the field, snapshot, export
(refused when blocked, then forced on request) and the diff with last year."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QFileDialog

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.snapshot import list_snapshots
from ui import dialogs


def wait_idle(page, qtbot, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: not page.busy(), timeout=timeout)


def fill_institution(page, qtbot) -> None:
    page.institution.editors["name"].setText("서울특별시 종로구")
    page.institution.editors["code"].setText("3000000")
    page.institution.save()
    qtbot.waitUntil(lambda: page.institution.save_button.isEnabled(), timeout=5000)


def test_validate_then_open_the_problem_field(make_window, catalog_copy, qtbot, monkeypatch):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    page.validate()
    wait_idle(page, qtbot)
    codes = {p["code"] for p in page._all_problems}
    assert {"V01", "V10"} <= codes  # no institution yet, nothing entered
    assert len(page.problems_shown) == len(page._all_problems)
    assert "차단" in page.problem_summary.text()

    # the institution problem focuses the institution form
    row = next(i for i, p in enumerate(page.problems_shown) if p["code"] == "V01")
    page.open_problem(row)
    assert page.institution.editors[page.problems_shown[row]["field"]].hasFocus()

    fill_institution(page, qtbot)
    with Catalog(catalog_copy) as cat:
        assert MetadataStore(cat).institution() == {"name": "서울특별시 종로구", "code": "3000000"}
    wait_idle(page, qtbot)  # saving re-validates
    assert "V01" not in {p["code"] for p in page._all_problems}

    # a dataset problem asks the window to open that dataset's form
    opened = []
    page.open_metadata.connect(lambda *a: opened.append(a))
    row = next(i for i, p in enumerate(page.problems_shown) if p["level"] == "dataset")
    page.open_problem(row)
    problem = page.problems_shown[row]
    assert opened == [(problem["dataset_id"], problem["field"], problem["column"] or "")]
    page.errors_only.setChecked(True)
    assert all(p["severity"] == "error" for p in page.problems_shown)


def test_export_refused_then_forced(make_window, catalog_copy, qtbot, monkeypatch, tmp_path):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    target = tmp_path / "목록.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    answers = iter([False, True])
    asked = []

    def confirm(parent, title, message):
        asked.append(message)
        return next(answers)

    monkeypatch.setattr(dialogs, "ask_confirm", confirm)
    page.export("inventory")
    wait_idle(page, qtbot)
    assert not target.exists() and "차단 문제" in asked[0]
    assert len(page.problems_shown) > 0  # the refusal shows why
    page.export("inventory")
    wait_idle(page, qtbot)
    assert target.exists() and page.last_export == [target]
    ws = openpyxl.load_workbook(target)["공공데이터 목록"]
    assert ws["C1"].value == "목록명" and ws.max_row > 1


def test_snapshot_and_diff_with_last_year(make_window, catalog_copy, qtbot, monkeypatch):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)  # confirm, then force
    page.compare()
    wait_idle(page, qtbot)
    assert "스냅샷이 없습니다" in page.diff_summary.text()

    page.year.setValue(2024)
    page.take_snapshot()
    wait_idle(page, qtbot)
    with Catalog(catalog_copy) as cat:
        assert [s.year for s in list_snapshots(cat)] == [2024]
    assert page.snapshots.rowCount() == 1 and not page.snapshot_button.isEnabled()
    assert "고정된 스냅샷" in page.year_state.text()

    page.year.setValue(2025)  # the problems shown follow the year: checked again
    wait_idle(page, qtbot)
    assert page.snapshot_button.isEnabled()
    assert page.problem_summary.text().startswith("2025년")
    with Catalog(catalog_copy) as cat:
        ds = cat.conn.execute("SELECT id FROM datasets WHERE name = '연락처.csv'").fetchone()[0]
        MetadataStore(cat).set_fields(ds, {"update_cycle": "연간"})
    page.compare()
    wait_idle(page, qtbot)
    changes = page.changes.rows()
    assert [(c["action"], c["field_label"], c["old"], c["new"]) for c in changes] == [
        ("changed", "업데이트 주기", "", "연간")
    ]
    assert page.tabs.currentIndex() == 2


def test_datapackage_export_into_a_folder(make_window, catalog_copy, qtbot, monkeypatch, tmp_path):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    page.export("datapackage")
    wait_idle(page, qtbot)
    assert page.last_export and all(Path(p).name == "datapackage.json" for p in page.last_export)


def test_the_export_menu_lists_every_form_of_the_registry(
    make_window, catalog_copy, qtbot, monkeypatch, tmp_path
):
    """One menu entry per export and form it writes (read from the core's registry); the CSV
    entry of the list writes the CSV pair."""
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    actions = page.export_button.menu().actions()
    texts = [a.text() for a in actions]
    assert texts[:2] == ["공공데이터 목록 (xlsx)", "공공데이터 목록 (CSV)"]
    assert "DCAT (JSON-LD)" in texts and "datapackage.json (데이터셋별 폴더)" in texts
    offered = []

    def save_as(parent, title, start):
        offered.append((title, Path(start).name))
        return str(tmp_path / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)
    actions[1].trigger()
    wait_idle(page, qtbot)
    year = page.year.value()
    assert offered == [("공공데이터 목록 (CSV)", f"{year}_공공데이터목록.csv")]
    assert [p.name for p in page.last_export] == [
        f"{year}_공공데이터목록.csv",
        f"{year}_공공데이터목록_컬럼메타데이터.csv",
    ]


def test_department_dialog_names_the_folders(make_window, catalog_copy, qtbot, monkeypatch):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")

    def answer(dialog):
        dialog.add_folders(["인구/세부", "인구", "시설", ""])
        rows = dialog.rows()
        assert [r[0] for r in rows] == ["시설", "인구"]  # top-level folders, once each
        dialog.table.item(1, 1).setText("인구정책과")
        dialog.table.item(1, 2).setText("02-2148-3000")
        return True

    monkeypatch.setattr(page, "_accepted", answer)
    page.edit_departments()
    wait_idle(page, qtbot)
    with Catalog(catalog_copy) as cat:
        meta = MetadataStore(cat)
        assert meta.department_map() == {"시설": "시설", "인구": "인구정책과"}
        assert meta.department_phones()["인구정책과"] == "02-2148-3000"
    catalog = window.show_page("catalog")
    names = [
        catalog.department_filter.itemText(i) for i in range(catalog.department_filter.count())
    ]
    assert "인구정책과" in names


def test_unsaved_institution_values_survive_leaving_the_page(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    assert not page.institution.is_dirty()
    page.institution.editors["name"].setText("종로구")
    assert page.institution.is_dirty()
    window.show_page("overview")
    window.show_page("disclosure")
    assert page.institution.editors["name"].text() == "종로구"
    fill_institution(page, qtbot)
    assert not page.institution.is_dirty()


def _registered_file(tmp_path, catalog_copy):
    """A registered list as the portal gives it (CP949): one entry named like a scanned file,
    one written twice (unsure), one the drive does not hold."""
    from catalog_app.disclosure.state import build_state
    from tests.test_disclosure_registered import portal_row, write_list

    with Catalog(catalog_copy) as cat:
        titles = sorted(d.get("title") for d in build_state(cat, 2026).included_datasets())
    rows = [
        portal_row("15000001", titles[0]),
        portal_row("15000002", titles[1], 파일데이터명="다른 판"),
        portal_row("15000003", titles[1], 파일데이터명="또 다른 판"),
        portal_row("15000004", "폐지된 자료"),
    ]
    return write_list(tmp_path / "목록개방현황.csv", rows)


def _links(catalog_copy) -> int:
    with Catalog(catalog_copy) as cat:
        return cat.conn.execute("SELECT COUNT(*) FROM registered_links").fetchone()[0]


def test_registered_import_asks_before_it_writes(
    make_window, catalog_copy, qtbot, monkeypatch, tmp_path
):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    path = _registered_file(tmp_path, catalog_copy)
    shown = []

    def cancel(dialog):
        shown.append(dialog)
        return False

    monkeypatch.setattr(page, "_accepted", cancel)
    page.import_registered(path)
    wait_idle(page, qtbot)
    (dialog,) = shown
    assert "목록 4건" in dialog.summary.text() and "2번 나옵니다" in dialog.summary.text()
    hows = [dialog.table.item(r, 5).text() for r in range(dialog.table.rowCount())]
    assert (
        hows[0] == "목록명" and hows[1].startswith("확인 필요") and hows[3].startswith("파일 없음")
    )
    assert _links(catalog_copy) == 0 and "바뀐 것 없음" in page.status.text()

    def confirm(dialog):
        dialog.set_unsure("15000002", True)  # the coordinator ticks the unsure one
        return True

    monkeypatch.setattr(page, "_accepted", confirm)
    page.import_registered(path)
    qtbot.waitUntil(lambda: bool(page.last_lifecycle) and not page.busy(), timeout=20_000)
    assert _links(catalog_copy) == 2
    counts = page.last_lifecycle
    # the two linked entries are 유지 or 변경 (the portal says csv where a file is xlsx, say)
    assert counts.get("유지", 0) + counts.get("변경", 0) == 2 and counts["제외"] == 2
    assert page.last_lifecycle["신규"] >= 1 and "신규" in page.status.text()


def test_registered_import_of_a_wrong_file_says_so(
    make_window, catalog_copy, qtbot, monkeypatch, tmp_path
):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message, *a: errors.append(message))
    path = tmp_path / "연락처.csv"
    path.write_bytes("이름,전화\n홍길동,010\n".encode("cp949"))
    page.import_registered(path)
    wait_idle(page, qtbot)
    assert errors and "형식을 알 수 없습니다" in errors[0]
    assert _links(catalog_copy) == 0
