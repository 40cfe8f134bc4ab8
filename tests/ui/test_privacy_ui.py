"""Issue 14 in the window: verdicts and reasons where the profile is shown (카탈로그), a clerk's
overrule and its undo, and the re-identification check on the 공개목록 page (run, groups,
techniques, an exception, the worksheet, an export the check stops)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QFileDialog

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.matching.jobs import map_catalog
from catalog_app.privacy.desk import PrivacyDesk
from catalog_app.scan.scanner import scan
from ui import dialogs
from ui.pages import privacy_dialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "privacy"
PEOPLE = "복지대상자_명단.csv"


def _select(page, name: str) -> None:
    for r in range(page.datasets.rowCount()):
        if page.datasets.index(r, 0).data() == name:
            page.dataset_view.selectRow(r)
            return
    raise AssertionError(name)


def _column_row(page, label: str) -> int:
    return next(i for i, c in enumerate(page.detail.columns.rows()) if c["label"] == label)


def test_verdicts_and_reasons_show_with_the_profile_and_can_be_overruled(
    make_window, catalog_copy, qtbot, monkeypatch
):
    page = make_window(catalog_copy).show_page("catalog")
    _select(page, "연락처.csv")
    detail = page.detail
    assert detail.tables.index(0, 5).data().startswith("예 — 행마다 한 사람")  # 사람 목록
    row = _column_row(page, "휴대전화")
    assert detail.columns.index(row, 3).data() == "휴대전화번호 · 개인정보"
    assert "휴대전화번호 형식" in detail.columns.index(row, 4).data()

    detail.column_view.selectRow(row)
    assert detail.privacy_button.isEnabled()
    asked = []

    def answer(parent, column):
        asked.append(column["label"])
        return {
            "action": "set",
            "personal": False,
            "quasi_identifier": False,
            "sensitive": False,
            "kind": "mobile",
            "reason": "기관 업무용 휴대전화",
        }

    monkeypatch.setattr(privacy_dialog, "ask_privacy_verdict", answer)
    detail.privacy_button.click()
    qtbot.waitUntil(lambda: not page.ctx.runner.busy, timeout=20_000)
    assert asked == ["휴대전화"]
    row = _column_row(page, "휴대전화")
    assert detail.columns.index(row, 3).data() == "휴대전화번호 · 개인정보 아님 · 담당자 판정"
    assert "기관 업무용 휴대전화" in detail.columns.index(row, 4).data()
    assert detail.column_view.currentIndex().row() == row  # the clerk stays on the column
    with Catalog(catalog_copy) as cat:
        assert PrivacyDesk(cat).history()[0]["who"] == "검토자"

    detail.privacy_undo_button.click()
    qtbot.waitUntil(lambda: not page.ctx.runner.busy, timeout=20_000)
    row = _column_row(page, "휴대전화")
    assert detail.columns.index(row, 3).data() == "휴대전화번호 · 개인정보"


def test_the_dialog_asks_for_a_reason(qtbot, app_configured):
    column = {
        "label": "전화번호",
        "privacy": {"kind": "phone", "personal": True, "quasi_identifier": False,
                    "sensitive": False, "reason": "값의 100%가 전화번호 형식", "override": None},
    }  # fmt: skip
    dialog = privacy_dialog.PrivacyDialog(column)
    qtbot.addWidget(dialog)
    assert dialog.radio[privacy_dialog.NOT_PERSONAL].isChecked()
    assert not dialog.radio[privacy_dialog.SCAN].isEnabled()  # no override to clear
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("업소 대표번호")
    assert dialog.ok.isEnabled()
    assert dialog.answer() == {
        "action": "set",
        "personal": False,
        "quasi_identifier": False,
        "sensitive": False,
        "kind": "phone",
        "reason": "업소 대표번호",
    }


def _people_catalog(catalog_copy: Path, tmp_path: Path) -> None:
    data = tmp_path / "명단"
    data.mkdir()
    shutil.copy(FIXTURES / PEOPLE, data / PEOPLE)
    with Catalog(catalog_copy) as cat:
        scan(cat, [str(data)])
        map_catalog(cat)
        ds = cat.conn.execute("SELECT id FROM datasets WHERE name = ?", (PEOPLE,)).fetchone()[0]
        MetadataStore(cat).set_fields(ds, {"openness": "부분공개", "reason": "9-6"})


def test_the_reidentification_check_on_the_disclosure_page(
    make_window, catalog_copy, qtbot, monkeypatch, tmp_path
):
    _people_catalog(catalog_copy, tmp_path)
    page = make_window(catalog_copy).show_page("disclosure")
    panel = page.reident
    panel.run()
    qtbot.waitUntil(lambda: not panel.busy(), timeout=30_000)
    rows = panel.model.rows()
    people = next(r for r in rows if r["dataset"].endswith(PEOPLE.removesuffix(".csv")))
    assert people["status"] == "below_k" and people["k"] == 1
    assert "재식별 위험" in panel.summary.text()
    assert panel.model.index(rows.index(people), 0).data() == "재식별 위험"
    assert panel.suggestions.rowCount() == len(people["quasi_identifiers"]) > 0
    assert panel.groups.rows() == people["small_groups"]
    assert panel.allow_button.isEnabled() and not panel.revoke_button.isEnabled()

    target = tmp_path / "재식별.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel.save_worksheet()
    qtbot.waitUntil(lambda: target.exists() and not page.ctx.runner.busy, timeout=20_000)
    assert openpyxl.load_workbook(target).sheetnames == ["재식별 점검", "컬럼별 조치", "작은 그룹"]

    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: "시범 공개 협의")
    panel.allow()
    qtbot.waitUntil(
        lambda: not page.ctx.runner.busy and not panel.busy()
        and any(r["status"] == "allowed" for r in panel.model.rows()),
        timeout=30_000,
    )  # fmt: skip
    assert panel.revoke_button.isEnabled()
    with Catalog(catalog_copy) as cat:
        assert PrivacyDesk(cat).allowances()[0]["reason"] == "시범 공개 협의"


def test_an_export_the_check_stops_opens_the_check(
    make_window, catalog_copy, qtbot, monkeypatch, tmp_path
):
    _people_catalog(catalog_copy, tmp_path)
    page = make_window(catalog_copy).show_page("disclosure")
    target = tmp_path / "목록.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *a: True)  # force the other problems
    page.export("inventory")
    qtbot.waitUntil(lambda: not page.busy(), timeout=30_000)
    assert not target.exists()
    assert page.tabs.currentWidget() is page.reident
    assert any(r["status"] == "below_k" for r in page.reident.model.rows())
    assert "재식별 위험" in page.status.text()
