"""재식별 점검 on the 공개목록 page: k over the columns each 공개/부분공개 list of people leaves open,
the groups below k = 5 (row counts only), a technique per column, exceptions and the worksheet.

The check reads files again (``catalog_app.privacy.reident``), so it runs on a thread of its own
with a progress bar and a cancel button; exceptions and the worksheet go through the core on the
task runner. Nothing here computes a verdict or runs SQL.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.context import AppContext
from ui.models import ERROR_COLOR, MUTED_COLOR, Column, RowsModel
from ui.pages.base import note, section_title, table_view
from ui.workers import ReadJob

OK_COLOR = QColor("#1e6b3a")


class CheckJob(ReadJob):
    """``check_year`` on its own thread and connection (a ``ReadJob``) with progress."""

    progress = Signal(int, int)

    def __init__(self, catalog_path: str, year: int):
        from catalog_app.privacy.reident import check_year

        super().__init__(
            catalog_path,
            lambda catalog, token: check_year(
                catalog, year, cancel=token, progress=self.progress.emit
            ),
        )


class ReidentPanel(QWidget):
    """The 재식별 점검 tab. ``year`` is asked of the page each time (its spin box)."""

    open_dataset = Signal(int)  # jump to the dataset's 공개 항목 (to close a column)
    checked = Signal(object)  # the list of TableCheck after a run

    def __init__(self, ctx: AppContext, year, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.year = year  # () -> int
        self.checks: list = []
        self._thread = self._job = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(
            note(
                self.tr(
                    "공개·부분공개로 둔 사람 목록마다, 공개하는 컬럼의 값이 같은 행끼리 묶은 "
                    "그룹 중 가장 작은 그룹의 행 수(k)를 봅니다. k가 5보다 작으면 특정 개인을 "
                    "알아볼 수 있어 내보내기가 막힙니다 (값은 보여 주지 않습니다)."
                ),
                "muted",
            )
        )
        bar = QHBoxLayout()
        self.summary = QLabel(self.tr("아직 점검하지 않았습니다."))
        self.summary.setWordWrap(True)
        bar.addWidget(self.summary, 1)
        self.run_button = QPushButton(self.tr("재식별 점검"))
        self.run_button.clicked.connect(self.run)
        bar.addWidget(self.run_button)
        self.cancel_button = QPushButton(self.tr("취소"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        bar.addWidget(self.cancel_button)
        self.allow_button = QPushButton(self.tr("예외 승인…"))
        self.allow_button.setToolTip(
            self.tr("k가 5보다 작은 표를 이유를 기록하고 예외로 내보낼 수 있게 합니다")
        )
        self.allow_button.clicked.connect(self.allow)
        bar.addWidget(self.allow_button)
        self.revoke_button = QPushButton(self.tr("예외 취소"))
        self.revoke_button.clicked.connect(self.revoke)
        bar.addWidget(self.revoke_button)
        self.sheet_button = QPushButton(self.tr("워크시트…"))
        self.sheet_button.setToolTip(self.tr("점검 결과와 컬럼별 권장 조치를 엑셀로 저장합니다"))
        self.sheet_button.clicked.connect(self.save_worksheet)
        bar.addWidget(self.sheet_button)
        layout.addLayout(bar)
        self.progress = QProgressBar()
        self.progress.setMaximumHeight(8)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.model = RowsModel(
            [
                Column("status", self.tr("상태"), fmt=self._status, color=self._status_color),
                Column("dataset", self.tr("데이터셋")),
                Column("sheet", self.tr("표")),
                Column("openness", self.tr("공개여부")),
                Column("rows", self.tr("행"), numeric=True),
                Column("k", self.tr("k"), numeric=True, fmt=self._k),
                Column("quasi", self.tr("공개 준식별자"), fmt=self._quasi),
                Column("message", self.tr("설명")),
            ],
            self,
        )
        self.view = table_view(self.model)
        self.view.setToolTip(self.tr("두 번 누르면 그 데이터셋의 공개 항목을 엽니다"))
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        self.view.doubleClicked.connect(self._open)
        self.suggestions = RowsModel(
            [
                Column("column", self.tr("컬럼")),
                Column("kind_name", self.tr("종류")),
                Column("k_alone", self.tr("이 컬럼만의 k"), numeric=True, fmt=self._num("k_alone")),
                Column("k_without", self.tr("빼면 k"), numeric=True, fmt=self._num("k_without")),
                Column("technique", self.tr("권장 기법")),
                Column("detail", self.tr("방법")),
            ],
            self,
        )
        self.groups = RowsModel(
            [
                Column("rows", self.tr("그룹의 행 수"), numeric=True),
                Column("groups", self.tr("그룹 수"), numeric=True),
            ],
            self,
        )
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(section_title(self.tr("컬럼별 권장 조치")))
        self.suggestion_view = table_view(self.suggestions)
        left.addWidget(self.suggestion_view)
        right = QVBoxLayout()
        right.addWidget(section_title(self.tr("5행 미만 그룹")))
        self.group_view = table_view(self.groups)
        right.addWidget(self.group_view)
        lower_layout.addLayout(left, 3)
        lower_layout.addLayout(right, 1)
        split.addWidget(lower)
        layout.addWidget(split, 1)
        self._update_buttons()

    # ------------------------------------------------------------------ formats
    def _status(self, c) -> str:
        from catalog_app.privacy.reident import STATUS_NAMES

        names = {
            "ok": self.tr("충족"),
            "below_k": self.tr("재식별 위험"),
            "allowed": self.tr("예외 승인"),
            "not_applicable": self.tr("해당 없음"),
            "unreadable": self.tr("점검 불가"),
        }
        return names.get(c["status"], STATUS_NAMES.get(c["status"], c["status"]))

    @staticmethod
    def _status_color(c):
        if c["status"] in ("below_k", "unreadable"):
            return ERROR_COLOR
        if c["status"] == "ok":
            return OK_COLOR
        return MUTED_COLOR

    @staticmethod
    def _k(c) -> str:
        return "-" if c["k"] is None else f"{c['k']:,}"

    @staticmethod
    def _quasi(c) -> str:
        return ", ".join(c["quasi_identifiers"])

    @staticmethod
    def _num(key: str):
        return lambda r: "-" if r.get(key) is None else f"{r[key]:,}"

    # ------------------------------------------------------------------ running
    def busy(self) -> bool:
        return self._thread is not None

    def run(self) -> None:
        from ui.workers import start_in_thread

        if self._thread is not None:
            return
        job = CheckJob(self.ctx.catalog_path, self.year())
        job.finished.connect(self._done)
        job.failed.connect(self._failed)
        job.progress.connect(self._progress)
        self._job = job
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("점검하는 중… (파일을 다시 읽습니다)"))
        self._thread = start_in_thread(job, "reident")
        self._thread.finished.connect(self._ended)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _ended(self) -> None:
        self._thread = self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.run_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        if message == "cancelled":
            self.summary.setText(self.tr("점검을 취소했습니다."))
            return
        self.summary.setText(self.tr("점검하지 못했습니다: {msg}").format(msg=message))

    def _done(self, checks) -> None:
        self.show_checks(checks)
        self.checked.emit(checks)

    def show_checks(self, checks) -> None:
        """Show a list of ``TableCheck`` (from a run, or from an export the gate stopped)."""
        before = self._current()
        keep = (before.dataset_id, before.table) if before is not None else None
        self.checks = list(checks)
        rows = [c.as_json() for c in self.checks]
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        for col, widest in ((1, 220), (6, 260)):
            self.view.setColumnWidth(col, min(self.view.columnWidth(col), widest))
        blocked = sum(1 for c in self.checks if c.blocking)
        people = sum(1 for c in self.checks if c.status != "not_applicable")
        if not self.checks:
            text = self.tr("공개·부분공개 데이터셋이 없습니다.")
        elif blocked:
            text = self.tr(
                "사람 목록 {n}개 중 {b}개가 재식별 위험(k < 5) 또는 점검 불가입니다."
            ).format(n=people, b=blocked)
        else:
            text = self.tr("사람 목록 {n}개 모두 내보낼 수 있습니다.").format(n=people)
        self.summary.setText(text)
        if rows:
            same = [i for i, c in enumerate(self.checks) if (c.dataset_id, c.table) == keep]
            blocking = [i for i, c in enumerate(self.checks) if c.blocking]
            self.view.selectRow((same or blocking or [0])[0])
        else:
            self.suggestions.set_rows([])
            self.groups.set_rows([])
        self._update_buttons()

    def _current(self):
        index = self.view.currentIndex()
        return (
            self.checks[index.row()] if index.isValid() and index.row() < len(self.checks) else None
        )

    def _selected(self, *_args) -> None:
        check = self._current()
        data = check.as_json() if check is not None else None
        self.suggestions.set_rows(data["suggestions"] if data else [])
        self.groups.set_rows(data["small_groups"] if data else [])
        self.suggestion_view.resizeColumnsToContents()
        self._update_buttons()

    def _open(self, index) -> None:
        check = self.checks[index.row()] if index.isValid() else None
        if check is not None and check.dataset_id is not None:
            self.open_dataset.emit(int(check.dataset_id))

    def _update_buttons(self) -> None:
        check = self._current()
        self.allow_button.setEnabled(check is not None and check.status == "below_k")
        self.revoke_button.setEnabled(check is not None and check.status == "allowed")
        self.sheet_button.setEnabled(bool(self.checks))

    # --------------------------------------------------------------- exceptions
    def allow(self) -> None:
        check = self._current()
        if check is None or check.status != "below_k":
            return
        reason = dialogs.ask_reason(
            self,
            self.tr("예외 승인"),
            self.tr(
                "'{name}' 표 '{sheet}'은(는) k = {k}입니다. 그래도 내보내는 이유를 적으세요. "
                "누가, 언제, 왜 승인했는지 기록되고, 공개 컬럼이 바뀌면 다시 승인해야 합니다."
            ).format(name=check.dataset, sheet=check.sheet, k=check.k),
        )
        if not reason:
            return
        args = (check.dataset_id, check.table, check.signature, check.k, reason)

        def job(catalog):
            from catalog_app.privacy.desk import PrivacyDesk

            return PrivacyDesk(catalog).allow(*args)

        self.ctx.runner.submit(job, lambda _r: self.run(), self._write_failed)

    def revoke(self) -> None:
        check = self._current()
        if check is None or check.status != "allowed":
            return
        dataset_id, table = check.dataset_id, check.table

        def job(catalog):
            from catalog_app.privacy.desk import PrivacyDesk

            return PrivacyDesk(catalog).revoke(dataset_id, table)

        self.ctx.runner.submit(job, lambda _r: self.run(), self._write_failed)

    def _write_failed(self, exc: Exception) -> None:
        dialogs.show_error(self, str(exc))

    # ---------------------------------------------------------------- worksheet
    def save_worksheet(self) -> None:
        from catalog_app.privacy.worksheet import write_worksheet

        if not self.checks:
            return
        start = Path(self.ctx.settings.last_export_dir or Path.home())
        name = f"{self.year()}_재식별점검.xlsx"
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("재식별 점검 워크시트"), str(start / name), "Excel (*.xlsx)"
        )
        if not target:
            return
        checks, year = list(self.checks), self.year()
        self.ctx.runner.submit(
            lambda _cat: write_worksheet(checks, Path(target), title=f"{year}년 재식별 점검"),
            lambda path: self.summary.setText(self.tr("저장했습니다: {path}").format(path=path)),
            self._write_failed,
        )

    def shutdown(self) -> None:
        from ui.workers import retire_job

        if self._job is not None:
            self._job.cancel()
        if self._thread is not None:
            retire_job(self._thread, self._job, 10_000)
