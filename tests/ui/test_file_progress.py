"""The file-by-file progress both long-job pages show (매핑 검토, 품질): one helper."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from catalog_app.progress import ProgressEvent
from ui.file_progress import show_file_progress


def test_a_file_step_moves_the_bar_and_names_the_file(qtbot):
    bar, label = QProgressBar(), QLabel()
    qtbot.addWidget(bar)
    qtbot.addWidget(label)
    show_file_progress(bar, label, ProgressEvent("file", 1200, 3000, path="총무과/명부.xlsx"))
    assert (bar.minimum(), bar.maximum(), bar.value()) == (0, 3000, 1200)
    assert label.text() == "1,200 / 3,000 파일 — 총무과/명부.xlsx"

    show_file_progress(bar, label, ProgressEvent("done", 3000, 3000))  # not a file step
    assert bar.value() == 1200 and label.text().startswith("1,200 / 3,000")


def test_both_pages_use_it():
    from ui.pages import mapping_page, quality_page

    assert mapping_page.show_file_progress is show_file_progress
    assert quality_page.show_file_progress is show_file_progress
