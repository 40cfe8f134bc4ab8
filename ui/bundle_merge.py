"""파일 › 부서 꾸러미 합치기: the window's way to fold department bundles into this catalog.

The merge runs on a thread of its own with its own catalog connection (``MergeJob`` over the
core's ``merge_bundles``; no SQL here), one bundle after another, cancellable between bundles
(each bundle is one transaction: a cancelled merge keeps the bundles already merged and nothing
of the one it stopped before). The dialog shows the progress, then what happened to each file and
every conflict found, in Korean, with the file's name."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.progress import CancelToken

log = logging.getLogger(__name__)


class MergeJob(QObject):
    """Merge ``paths`` into the catalog at ``catalog_path``; cancel with :meth:`cancel`."""

    progress = Signal(object)  # ProgressEvent per bundle
    finished = Signal(object)  # MergeReport (partial when cancelled)
    failed = Signal(str)

    def __init__(self, catalog_path: str, paths: list[str]):
        super().__init__()
        self.catalog_path = catalog_path
        self.paths = list(paths)
        self.token = CancelToken()
        self.report = None

    def cancel(self) -> None:
        self.token.cancel()

    @Slot()
    def run(self) -> None:
        from catalog_app.bundle.merge import MergeReport, merge_bundle
        from catalog_app.catalog.store import Catalog
        from catalog_app.progress import ProgressEvent

        report = MergeReport()
        try:
            with Catalog(self.catalog_path) as catalog:
                for done, path in enumerate(self.paths):
                    if self.token.cancelled:
                        break
                    self.progress.emit(ProgressEvent("file", done, len(self.paths), path))
                    report.outcomes.append(merge_bundle(catalog, path))
        except Exception as exc:
            log.exception("꾸러미 합치기 실패")
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.progress.emit(ProgressEvent("done", len(report.outcomes), len(self.paths)))
        log.info("꾸러미 합치기: %s", [(o.bundle, o.status) for o in report.outcomes])
        self.finished.emit(report)


class MergeDialog(QDialog):
    """Progress, then the result: one row per bundle and one per conflict."""

    def __init__(self, catalog_path: str, paths: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("부서 꾸러미 합치기"))
        self.resize(820, 460)
        self.paths = list(paths)
        self.report = None
        self.error: str | None = None
        self._thread = None
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("꾸러미 {n}개를 합칩니다…").format(n=len(paths)))
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, max(len(paths), 1))
        self.bar.setValue(0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("꾸러미"), self.tr("부서"), self.tr("결과"), self.tr("내용")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.cancel_button = QPushButton(self.tr("취소"))
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("닫기"))
        self.buttons.setEnabled(False)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.buttons)
        self.job = MergeJob(catalog_path, self.paths)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)

    def start(self) -> None:
        from ui.workers import start_in_thread

        self._thread = start_in_thread(self.job, "bundle-merge")

    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def cancel(self) -> None:
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("취소하는 중… (지금 꾸러미를 마치고 멈춥니다)"))

    def reject(self) -> None:
        if self.running():  # never close over a running merge: cancel, then wait for the end
            self.cancel()
            return
        super().reject()

    def _on_progress(self, event) -> None:
        if event.kind == "file":
            self.bar.setValue(event.done)
            self.status.setText(
                self.tr("{done} / {total} — {name}").format(
                    done=event.done + 1, total=event.total, name=Path(event.path or "").name
                )
            )

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.wait(10_000)
        self.cancel_button.setEnabled(False)
        self.buttons.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self.error = message
        self.status.setText(self.tr("합치지 못했습니다: {error}").format(error=message))
        self._finish()

    def _on_finished(self, report) -> None:
        self.report = report
        self.bar.setValue(self.bar.maximum())
        merged = sum(o.status == "merged" for o in report.outcomes)
        problems = sum(o.status in ("conflict", "failed") for o in report.outcomes)
        conflicts = sum(len(o.conflicts) for o in report.outcomes)
        text = self.tr("합침 {merged}, 합치지 못함 {problems}, 충돌·확인 {conflicts}건").format(
            merged=merged, problems=problems, conflicts=conflicts
        )
        if len(report.outcomes) < len(self.paths):
            text += self.tr(" — 취소: 남은 꾸러미 {n}개는 합치지 않았습니다.").format(
                n=len(self.paths) - len(report.outcomes)
            )
        self.status.setText(text)
        self._fill(report)
        self._finish()

    def _fill(self, report) -> None:
        from catalog_app.bundle.conflicts import KIND_NAMES

        names = {
            "merged": self.tr("합침"),
            "skipped": self.tr("건너뜀"),
            "conflict": self.tr("충돌 — 합치지 않음"),
            "failed": self.tr("실패"),
        }
        rows = []
        for o in report.outcomes:
            if o.status == "merged":
                detail = self.tr("데이터셋 {d}개, 컬럼 {c}개").format(d=o.datasets, c=o.columns)
            else:
                detail = o.message
            rows.append((Path(o.bundle).name, o.department, names[o.status], detail))
            for c in o.conflicts:
                mark = self.tr("충돌") if c["blocking"] else self.tr("확인")
                kind = KIND_NAMES.get(c["kind"], c["kind"])
                rows.append(("", o.department, f"{mark}: {kind}", c["message"]))
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
