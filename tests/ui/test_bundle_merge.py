"""파일 › 부서 꾸러미 합치기: the merge runs off the GUI thread with progress, the result dialog
lists every bundle and every conflict, and the window shows the merged datasets."""

from __future__ import annotations

import shutil

import pytest

from tests.bundle_helpers import department_catalog, export, split_corpus
from tests.cli_helpers import FIXTURES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundles(tmp_path_factory, template):
    root = tmp_path_factory.mktemp("ui-bundles")
    folders = split_corpus(FIXTURES / "corpus", root / "files", ("교통과", "복지과"))
    out = {}
    for dept, folder in folders.items():
        db = department_catalog(template, folder, root / f"{dept}.db")
        out[dept] = root / f"{dept}.bundle"
        export(db, out[dept], dept)
    # another department that scanned 교통과's folder: every path is claimed
    thief = department_catalog(template, folders["교통과"], root / "t.db")
    out["감사실"] = root / "감사실.bundle"
    export(thief, out["감사실"], "감사실")
    out["bad"] = root / "bad.bundle"
    out["bad"].write_text("이것은 꾸러미가 아닙니다", encoding="utf-8")
    return out


def test_merge_from_the_file_menu(make_window, template, tmp_path, bundles, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui.bundle_merge import MergeDialog

    central = tmp_path / "central.db"
    shutil.copy(template, central)
    window = make_window(central)
    assert "데이터셋 0개" in window.counts_label.text()
    assert window.merge_action in window.file_menu.actions()
    assert window.merge_action.text() == "부서 꾸러미 합치기…"
    picked = [str(bundles[k]) for k in ("교통과", "복지과", "감사실", "bad")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (picked, ""))
    seen = {}

    def run_modal(dialog):
        seen["dialog"] = dialog
        seen["running"] = dialog.running() or dialog.report is None
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        return 0

    monkeypatch.setattr(MergeDialog, "exec", run_modal)
    window.merge_action.trigger()
    dialog = seen["dialog"]
    statuses = [o.status for o in dialog.report.outcomes]
    assert statuses == ["merged", "merged", "conflict", "failed"]
    cells = [
        [dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())
    ]
    results = [row[2] for row in cells]
    assert results.count("합침") == 2
    assert "충돌 — 합치지 않음" in results and "실패" in results
    assert any(row[2].startswith("충돌: 경로 중복") for row in cells)
    assert any("꾸러미 파일이 아닙니다" in row[3] for row in cells)
    assert "합침 2, 합치지 못함 2" in dialog.status.text()
    assert dialog.buttons.isEnabled() and not dialog.cancel_button.isEnabled()
    # the window's counts follow the merge (data_changed)
    assert "데이터셋 0개" not in window.counts_label.text()


def test_cancel_stops_between_bundles(app_configured, template, tmp_path, bundles, qtbot):
    from ui.bundle_merge import MergeDialog

    central = tmp_path / "central.db"
    shutil.copy(template, central)
    dialog = MergeDialog(str(central), [str(bundles["교통과"]), str(bundles["복지과"])])
    qtbot.addWidget(dialog)
    dialog.job.cancel()  # cancelled before the first bundle: nothing is merged
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert dialog.report.outcomes == []
    assert "취소" in dialog.status.text()
    dialog.reject()
