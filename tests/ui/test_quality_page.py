"""The 품질진단 page: a run with progress that fills the rates, a dataset's findings with masked
samples, 조치 완료 / 예외 marks and their undo, the rule editor (a rule that cannot run is shown
with its Korean reason), cancel, and a 1280×720 screenshot (test-artifacts/ui; with
UPDATE_SCREENSHOTS=1 also docs/screenshots/quality-page.png)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.scan.scanner import scan
from tests.quality_helpers import write_facilities

REPO = Path(__file__).resolve().parents[2]
SHOT = REPO / "docs" / "screenshots" / "quality-page.png"
STANDARD = REPO / "tests" / "fixtures" / "quality"


@pytest.fixture
def quality_window(make_window, catalog_copy, tmp_path):
    folder = tmp_path / "품질"
    write_facilities(folder / "시설.csv")
    for path in STANDARD.glob("*.csv"):
        (folder / path.name).write_bytes(path.read_bytes())
    with Catalog(catalog_copy) as catalog:
        scan(catalog, [str(folder)])
    window = make_window(catalog_copy)
    return window, window.show_page("quality")


def _run(page, qtbot) -> None:
    assert page.start_run()
    qtbot.waitUntil(lambda: page.is_running() is False, timeout=60_000)
    qtbot.waitUntil(lambda: page.data is not None and page.data["run"] is not None, timeout=10_000)


def _select(page, name: str) -> dict:
    rows = page.results.datasets.rows()
    index = next(i for i, r in enumerate(rows) if r["path"].endswith(name))
    page.results.dataset_view.selectRow(index)
    return rows[index]


def test_run_fills_rates_and_findings(quality_window, qtbot, no_unexpected_dialogs):
    window, page = quality_window
    assert page.rate_value.text() == "-"
    _run(page, qtbot)
    assert page.last_summary.status == "done"
    assert page.rate_value.text().endswith("%") and "오류 값" in page.rate_formula.text()
    assert page.progress.value() == page.progress.maximum() > 0
    assert page.results.departments.rowCount() >= 1
    everything = page.results.datasets.rowCount()
    departments = page.results.departments.rows()
    page.results.department_view.selectRow(
        next(i for i, d in enumerate(departments) if d["department"] == "시설")
    )
    narrowed = page.results.datasets.rows()
    assert narrowed and all(d["department"] == "시설" for d in narrowed)
    assert len(narrowed) < everything and page.results.all_button.isEnabled()
    page.results.show_department(None)
    assert page.results.datasets.rowCount() == everything
    _select(page, "시설.csv")
    rules = {r["rule"] for r in page.results.findings.rows()}
    assert {"flag_yn", "date_two_digit_year", "zip", "key_unique"} <= rules
    zip_row = next(i for i, r in enumerate(page.results.findings.rows()) if r["rule"] == "zip")
    page.results.finding_view.selectRow(zip_row)
    assert (
        "010-****-5678" in page.results.detail.text()
        and "010-1234-5678" not in page.results.detail.text()
    )
    standard = _select(page, "관악구_어린이보호구역_20210310_1615356324741_10427.csv")
    assert standard["provision_standard"] == "어린이보호구역"
    assert "준수율" in page.results.provision_note.text()
    assert no_unexpected_dialogs == []


def test_mark_and_undo_a_finding(quality_window, qtbot, monkeypatch):
    from ui.pages import quality_dialogs

    window, page = quality_window
    _run(page, qtbot)
    _select(page, "시설.csv")
    row = next(i for i, r in enumerate(page.results.findings.rows()) if r["rule"] == "flag_yn")
    page.results.finding_view.selectRow(row)
    monkeypatch.setattr(quality_dialogs, "ask_fix_reason", lambda *a: "'유'를 Y로 고쳐 다시 올림")
    page.results.mark_selected("fixed")
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 1, timeout=10_000)
    entry = page.history.model.row(0)
    assert entry["action"] == "fixed" and entry["who"] == "검토자" and entry["errors_before"] == 2
    _select(page, "시설.csv")
    fixed = next(r for r in page.results.findings.rows() if r["rule"] == "flag_yn")
    assert fixed["fix"]["action"] == "fixed"
    page.history.view.selectRow(0)
    page.history.undo_selected()
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 2, timeout=10_000)
    _select(page, "시설.csv")
    assert next(r for r in page.results.findings.rows() if r["rule"] == "flag_yn")["fix"] is None


def test_rule_editor_and_a_rule_that_cannot_run(quality_window, qtbot, monkeypatch):
    from ui.pages import quality_dialogs

    window, page = quality_window
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    dataset_id = next(
        d["id"] for d in page.rules_panel.choices()[0] if d["rel_path"].endswith("시설.csv")
    )
    answers = iter(
        [
            {"scope": "dataset", "dataset_id": dataset_id, "term_name": None, "kind": "compare",
             "spec": {"left": "개설일자", "op": "<=", "right": "휴업일자"}, "name": ""},
            {"scope": "dataset", "dataset_id": dataset_id, "term_name": None, "kind": "conditional",
             "spec": {"if": {"column": "CCTV설치여부", "op": "=", "value": "N"},
                      "then": {"column": "CCTV설치대수", "op": "=", "value": "0"}}, "name": "CCTV 대수"},
        ]
    )  # fmt: skip
    monkeypatch.setattr(quality_dialogs, "ask_rule", lambda *a: next(answers))
    page.rules_panel.add_rule()
    page.rules_panel.add_rule()
    qtbot.waitUntil(lambda: page.rules_panel.model.rowCount() == 2, timeout=10_000)
    _run(page, qtbot)
    _select(page, "시설.csv")
    rows = page.results.findings.rows()
    broken = next(i for i, r in enumerate(rows) if r["status"] == "cannot_run")
    page.results.finding_view.selectRow(broken)
    assert "'휴업일자' 컬럼이" in page.results.detail.text()
    conditional = next(r for r in rows if r["rule_name"] == "CCTV 대수")
    assert conditional["errors"] == 2
    page.rules_panel.view.selectRow(0)
    page.rules_panel.delete_rule()
    qtbot.waitUntil(lambda: page.rules_panel.model.rowCount() == 1, timeout=10_000)
    page.rules_panel.undo_rule()
    qtbot.waitUntil(lambda: page.rules_panel.model.rowCount() == 2, timeout=10_000)


def test_rule_dialog_blocks_a_pattern_no_engine_reads(app_configured, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.pages.quality_dialogs import RuleDialog

    dialog = RuleDialog(None, [{"id": 1, "rel_path": "a.csv"}], lambda _id: ["우편번호"])
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("regex"))
    column, pattern = dialog._widgets("regex")
    column.setText("우편번호")
    pattern.setText("[0-")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "정규식을 해석할 수 없습니다" in dialog.problems.text()
    pattern.setText(r"\d{5}")
    assert ok.isEnabled() and dialog.values()["spec"] == {"column": "우편번호", "pattern": r"\d{5}"}


def test_cancel_stops_the_run(quality_window, qtbot):
    window, page = quality_window
    assert page.start_run()
    page.cancel_run()
    qtbot.waitUntil(lambda: not page.is_running(), timeout=60_000)
    assert "취소" in page.run_state.text() or page.last_summary is not None
    assert page.run_button.isEnabled()


def test_screenshot_1280x720(quality_window, qtbot):
    window, page = quality_window
    window.resize(1280, 720)
    _run(page, qtbot)
    _select(page, "시설.csv")
    row = next(
        i for i, r in enumerate(page.results.findings.rows()) if r["rule"] == "date_two_digit_year"
    )
    page.results.finding_view.selectRow(row)
    qtbot.wait(50)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (1280, 720)
    artifacts = REPO / "test-artifacts" / "ui"
    artifacts.mkdir(parents=True, exist_ok=True)
    assert image.save(str(artifacts / "quality-page.png"))
    if os.environ.get("UPDATE_SCREENSHOTS"):  # the committed copy in docs/ is refreshed on demand
        assert image.save(str(SHOT))
