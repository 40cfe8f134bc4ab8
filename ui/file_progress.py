"""The file-by-file progress of a long job on a page (suggestions on 매핑 검토, the quality run
on 품질): a bar and a line "12 / 300 파일 — path". One place, so both pages say it alike; its own
translation context (``FileProgress``), since a helper is no page's ``tr``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar

from catalog_app.progress import ProgressEvent


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileProgress", text)


def show_file_progress(bar: QProgressBar, label: QLabel, event: ProgressEvent) -> None:
    """Show a ``file`` event (others are not file steps and leave the display as it is)."""
    if event.kind != "file":
        return
    bar.setRange(0, max(event.total, 1))
    bar.setValue(event.done)
    label.setText(
        _tr("{done:,} / {total:,} 파일 — {path}").format(
            done=event.done, total=event.total, path=event.path or ""
        )
    )
