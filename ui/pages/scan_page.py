"""스캔: the folders to scan, a scan on a worker thread with progress and cancel, and the files the
last run could not read (with the core's Korean reasons)."""

from __future__ import annotations

import logging
import os
import time

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, labels
from ui.context import AppContext
from ui.models import ERROR_COLOR, Column, RowsModel
from ui.pages.base import Page, card, note, section_title, table_view
from ui.widths import fit_columns, keep_widths
from ui.workers import ScanJob, retire_thread, start_in_thread

log = logging.getLogger(__name__)


class FolderList(QListWidget):
    """The folders to scan; accepts folders (or files) dropped from the file manager."""

    paths_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def _local_paths(self, event) -> list[str]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [u.toLocalFile() for u in urls if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.paths_dropped.emit(paths)


class ScanPage(Page):
    next_step = Signal(str, str)  # page key, action ('map' = start 제안 만들기, '' = just go)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("스캔"), parent)
        self._job: ScanJob | None = None
        self._thread: QThread | None = None
        self._cancel_at: float | None = None
        self._closing = False  # the window is going away: late worker signals are ignored
        self.last_status: str | None = None  # 'done', 'cancelled', 'failed' of the last scan
        self.layout_.addWidget(
            note(
                self.tr(
                    "스캔할 폴더를 추가하세요 (탐색기에서 끌어다 놓아도 됩니다). 원본 파일은 "
                    "읽기만 하고 바꾸지 않습니다. 바뀌지 않은 파일은 다시 읽지 않습니다."
                )
            )
        )
        row = QHBoxLayout()
        self.folders = FolderList()
        self.folders.paths_dropped.connect(self.add_folders)
        self.folders.itemSelectionChanged.connect(self._update_buttons)
        self.folders.setMinimumHeight(90)
        row.addWidget(self.folders, 1)
        side = QVBoxLayout()
        self.add_button = QPushButton(self.tr("폴더 추가…"))
        self.add_button.clicked.connect(self._choose_folder)
        self.remove_button = QPushButton(self.tr("제거"))
        self.remove_button.clicked.connect(self.remove_selected)
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row.addLayout(side)
        self.layout_.addLayout(row, 1)

        actions = QHBoxLayout()
        self.start_button = QPushButton(self.tr("스캔 시작"))
        self.start_button.setObjectName("primary")
        self.start_button.setToolTip(self.tr("바뀐 파일만 다시 읽습니다 (F5)"))
        self.start_button.clicked.connect(lambda: self.start_scan(force=False))
        self.force_button = QPushButton(self.tr("다시 스캔 (전체)"))
        self.force_button.setToolTip(self.tr("바뀌지 않은 파일도 모두 다시 읽습니다"))
        self.force_button.clicked.connect(lambda: self.start_scan(force=True))
        self.cancel_button = QPushButton(self.tr("취소"))
        self.cancel_button.clicked.connect(self.cancel_scan)
        for button in (self.start_button, self.force_button, self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v / %m 파일"))
        self.layout_.addWidget(self.progress)
        self.current_file = QLabel(" ")
        self.current_file.setObjectName("muted")
        self.current_file.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.current_file)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.summary)
        self._build_next_steps()

        self.layout_.addWidget(section_title(self.tr("마지막 스캔에서 읽지 못한 파일")))
        self.errors = RowsModel(
            [
                Column("path", self.tr("파일"), color=lambda r: None),
                Column("message", self.tr("사유"), color=lambda r: ERROR_COLOR),
            ],
            self,
        )
        self.error_view = table_view(self.errors)
        keep_widths(self.error_view, "scan_errors", room=0)
        self.layout_.addWidget(self.error_view, 2)

        for folder in self.ctx.settings.scan_folders:
            self.folders.addItem(folder)
        self._set_running(False)
        self.load_last_run()

    def _build_next_steps(self) -> None:
        """After a scan: what comes next, with the buttons that go there (not an empty table
        somewhere else)."""
        self.next_panel, box = card()
        self.next_panel.setObjectName("nextSteps")
        self.next_text = QLabel()
        self.next_text.setWordWrap(True)
        self.next_text.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(self.next_text)
        row = QHBoxLayout()
        self.next_map_button = QPushButton(self.tr("제안 만들기"))
        self.next_map_button.setObjectName("primary")
        self.next_map_button.clicked.connect(lambda: self.next_step.emit("mapping", "map"))
        self.next_review_button = QPushButton(self.tr("매핑 검토 열기"))
        self.next_review_button.clicked.connect(lambda: self.next_step.emit("mapping", ""))
        self.next_metadata_button = QPushButton(self.tr("공개 항목 입력"))
        self.next_metadata_button.clicked.connect(lambda: self.next_step.emit("metadata", ""))
        for button in (self.next_map_button, self.next_review_button, self.next_metadata_button):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.next_panel.hide()
        self.layout_.addWidget(self.next_panel)

    def show_next_steps(self) -> None:
        """Say what comes next after a scan: suggestions to make (some columns have none), else
        the review, then the 공개 항목."""
        from catalog_app.catalog.listing import catalog_counts
        from catalog_app.matching.jobs import mapping_trust

        conn = self.ctx.catalog.conn
        if catalog_counts(conn)["columns"] == 0:
            self.next_panel.hide()
            return
        missing = mapping_trust(conn).unsuggested
        if missing:
            text = self.tr(
                "다음 단계: 표준용어 제안이 없는 컬럼이 {n:,}개 있습니다. [제안 만들기]로 "
                "제안을 만든 뒤 매핑 검토에서 확인하세요."
            ).format(n=missing)
        else:
            text = self.tr(
                "다음 단계: 스캔한 컬럼마다 표준용어 제안이 만들어져 있습니다. [매핑 검토]에서 "
                "제안을 수락하거나 고치고, [공개 항목]에서 목록 항목을 채우세요."
            )
        self.next_text.setText(text)
        self.next_map_button.setVisible(bool(missing))
        self.next_review_button.setDefault(not missing)
        self.next_panel.show()

    # ------------------------------------------------------------------ folders
    def folder_paths(self) -> list[str]:
        return [self.folders.item(i).text() for i in range(self.folders.count())]

    def add_folders(self, paths: list[str]) -> None:
        known = {os.path.normcase(p) for p in self.folder_paths()}
        for path in paths:
            path = os.path.abspath(path)
            if os.path.normcase(path) not in known:
                known.add(os.path.normcase(path))
                self.folders.addItem(path)
        self._save_folders()

    def remove_selected(self) -> None:
        for item in self.folders.selectedItems():
            self.folders.takeItem(self.folders.row(item))
        self._save_folders()

    def _choose_folder(self) -> None:
        start = self.ctx.settings.last_dir or os.path.expanduser("~")
        folder = QFileDialog.getExistingDirectory(self, self.tr("스캔할 폴더 선택"), start)
        if folder:
            self.ctx.settings.last_dir = folder
            self.add_folders([folder])

    def _save_folders(self) -> None:
        self.ctx.settings.scan_folders = self.folder_paths()
        self._update_buttons()

    # --------------------------------------------------------------------- scan
    def is_running(self) -> bool:
        return self._thread is not None

    def busy(self) -> bool:
        return self.is_running()

    def start_scan(self, force: bool = False) -> bool:
        """Start a scan of the listed folders; False when nothing was started."""
        if self.is_running():
            return False
        roots = self.folder_paths()
        if not roots:
            dialogs.show_info(self, self.tr("먼저 스캔할 폴더를 추가하세요."))
            return False
        gone = [p for p in roots if not os.path.exists(p)]
        if gone and not dialogs.ask_confirm(
            self,
            self.tr("없는 폴더"),
            self.tr(
                "다음 폴더를 찾을 수 없습니다:\n{folders}\n\n계속하면 그 안에서 찾았던 파일은 "
                "'없어짐'으로 표시됩니다. 계속할까요?"
            ).format(folders="\n".join(gone)),
        ):
            return False
        self.last_status = None
        self._cancel_at = None
        self.next_panel.hide()
        self.errors.set_rows([])
        self.summary.setText(self.tr("파일을 찾는 중…"))
        self.current_file.setText(" ")
        self.progress.setRange(0, 0)  # busy until the files are counted
        self._job = ScanJob(self.ctx.catalog_path, roots, force=force)
        self._job.progress.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        self._set_running(True)
        self._thread = start_in_thread(self._job)
        log.info("스캔 시작 (force=%s): %s", force, roots)
        return True

    def cancel_scan(self) -> None:
        if self._job is not None and self._cancel_at is None:
            self._cancel_at = time.monotonic()
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("취소하는 중… (지금 읽는 파일에서 멈춥니다)"))

    def _on_progress(self, event) -> None:
        if self._closing:
            return
        if event.kind == "discovered":
            self.progress.setRange(0, max(event.total, 1))
            self.progress.setValue(0)
            self.summary.setText(self.tr("파일 {n:,}개를 찾았습니다.").format(n=event.total))
        elif event.kind == "file":
            self.progress.setRange(0, max(event.total, 1))
            self.progress.setValue(event.done)
            name = os.path.basename(event.path or "")
            self.current_file.setText(
                self.tr("{name} — {status}").format(
                    name=name, status=labels.file_status_name(event.status)
                )
            )

    def _on_finished(self, summary) -> None:
        if self._closing:
            return
        self._end_run(summary.status)
        c = summary.counts
        text = self._counts_text(summary.status, c)
        if getattr(summary, "suggest_error", None):  # files saved, but without suggestions
            text += "\n" + summary.suggest_error
        self.summary.setText(text)
        if summary.status == "done":
            self.progress.setRange(0, max(c.get("total", 0), 1))
            self.progress.setValue(c.get("total", 0))
        self._load_errors(summary.run_id)
        self.ctx.data_changed.emit()
        self.show_next_steps()

    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        self._end_run("failed")
        self.summary.setText(self.tr("스캔이 중단되었습니다: {error}").format(error=message))
        dialogs.show_error(self, self.tr("스캔 중 오류가 났습니다:\n{error}").format(error=message))
        self.ctx.data_changed.emit()

    def _end_run(self, status: str) -> None:
        if self._cancel_at is not None:
            log.info("취소 요청 후 %.2f s 만에 멈췄습니다.", time.monotonic() - self._cancel_at)
        if self._thread is not None:
            retire_thread(self._thread, 5000)
        self._thread = None
        self._job = None
        self.last_status = status
        self.current_file.setText(" ")
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.ctx.set_scanning(running)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.is_running()
        has_folders = self.folders.count() > 0
        self.start_button.setEnabled(not running and has_folders)
        self.force_button.setEnabled(not running and has_folders)
        self.add_button.setEnabled(not running)
        self.remove_button.setEnabled(not running and bool(self.folders.selectedItems()))

    # ------------------------------------------------------------- last run
    def _counts_text(self, status: str, c: dict) -> str:
        return self.tr(
            "{status}: 파일 {total:,}개 — 새 파일 {new:,}, 바뀐 파일 {changed:,}, 그대로 "
            "{unchanged:,}, 실패 {failed:,}, 없어짐 {missing:,}"
        ).format(status=labels.run_status_name(status), **{k: c.get(k, 0) for k in _COUNT_KEYS})

    def load_last_run(self) -> None:
        from catalog_app.catalog.listing import last_run

        row = last_run(self.ctx.catalog.conn)
        if row is None:
            self.summary.setText(self.tr("아직 스캔한 적이 없습니다."))
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            return
        counts = {k: row[f"files_{k}"] for k in _COUNT_KEYS}
        done = counts["total"] if row["status"] == "done" else 0
        self.progress.setRange(0, max(counts["total"], 1))
        self.progress.setValue(done)
        when = (row["finished_at"] or "").replace("T", " ")[:16]
        self.summary.setText(
            self.tr("마지막 스캔 {when} · ").format(when=when)
            + self._counts_text(row["status"], counts)
        )
        self._load_errors(row["id"])

    def _load_errors(self, run_id: int) -> None:
        from catalog_app.catalog.listing import run_errors

        self.errors.set_rows(run_errors(self.ctx.catalog.conn, run_id))
        fit_columns(self.error_view, {0: 560, 1: 520}, room=0)

    def on_shown(self) -> None:
        if not self.is_running():
            self.load_last_run()

    def shutdown(self) -> None:
        """Cancel a running scan and wait for it (files done so far stay in the catalog)."""
        self._closing = True
        if self._job is not None:
            self._job.cancel()
        if self._thread is not None:
            retire_thread(self._thread, 10_000)


_COUNT_KEYS = ("total", "new", "changed", "unchanged", "failed", "missing")
