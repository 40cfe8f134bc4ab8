"""품질진단: value error rates of every column, 제공표준 conformance, business rules, the fix log.

The run (``quality.job.run_quality``) reads every file again on a thread of its own with a
progress bar and Cancel (``quality_jobs.QualityJob``); the stored results, the rules and the fix
log are read and written on the task runner (never SQL here: ``quality.report``, ``business``,
``store``). The tabs: results by department and dataset drilling down to findings and masked
samples with 조치 완료 / 예외 marks (``quality_results``), rates per rule, the business-rule editor
and the fix log (``quality_tabs``).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.context import AppContext
from ui.file_progress import show_file_progress
from ui.pages.base import Page, card
from ui.pages.quality_jobs import QualityJob
from ui.pages.quality_results import ResultsPanel, pct
from ui.pages.quality_tabs import HistoryPanel, RuleRatesPanel, RulesPanel
from ui.workers import retire_job, start_in_thread

log = logging.getLogger(__name__)


class QualityPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("품질진단"), parent)
        self._job: QualityJob | None = None
        self._thread: QThread | None = None
        self._closing = False
        self._loading = False
        self._load_again = False
        self.data: dict | None = None  # the last report.show() result
        self.last_summary = None
        self._build_top()
        self.results = ResultsPanel(ctx)
        self.rule_rates = RuleRatesPanel()
        self.rules_panel = RulesPanel(ctx)
        self.history = HistoryPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.results, self.tr("데이터셋"))
        self.tabs.addTab(self.rule_rates, self.tr("규칙별"))
        self.tabs.addTab(self.rules_panel, self.tr("업무 규칙"))
        self.tabs.addTab(self.history, self.tr("조치 이력"))
        self.layout_.addWidget(self.tabs, 1)
        for panel in (self.results, self.rules_panel, self.history):
            panel.changed.connect(self.reload)
        ctx.scan_state_changed.connect(self._update_buttons)
        self._update_buttons()
        self.reload()

    # ------------------------------------------------------------------ layout
    def _build_top(self) -> None:
        frame, box = card()
        row = QHBoxLayout()
        figure = QVBoxLayout()
        caption = QLabel(self.tr("기관 오류율 (앱 자체 산출)"))
        caption.setObjectName("muted")
        self.rate_value = QLabel("-")
        self.rate_value.setObjectName("figure")
        figure.addWidget(caption)
        figure.addWidget(self.rate_value)
        row.addLayout(figure)
        row.addSpacing(10)
        text = QVBoxLayout()
        self.rate_formula = QLabel(self.tr("아직 진단하지 않았습니다."))
        self.rate_formula.setWordWrap(True)
        self.run_info = QLabel("")
        self.run_info.setObjectName("muted")
        self.run_info.setWordWrap(True)
        text.addWidget(self.rate_formula)
        text.addWidget(self.run_info)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v / %m 파일"))
        self.progress.setMaximumWidth(220)
        self.run_state = QLabel("")
        self.run_state.setObjectName("muted")
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.run_state, 1)
        text.addLayout(progress_row)
        row.addLayout(text, 1)
        buttons = QVBoxLayout()
        self.run_button = QPushButton(self.tr("진단 실행"))
        self.run_button.setObjectName("primary")
        self.run_button.clicked.connect(lambda: self.start_run())
        self.cancel_button = QPushButton(self.tr("취소"))
        self.cancel_button.clicked.connect(self.cancel_run)
        self.export_button = QPushButton(self.tr("보고서 내보내기…"))
        self.export_button.clicked.connect(self.choose_export)
        for button in (self.run_button, self.cancel_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        box.addLayout(row)
        self.layout_.addWidget(frame)

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        """Results, rules and the fix log, read on the task runner."""
        if self._closing:
            return
        if self._loading:  # an edit while a read is on its way: one more read after it
            self._load_again = True
            return
        self._loading = True

        def job(catalog):
            from catalog_app.quality.business import RuleBook
            from catalog_app.quality.report import fix_history, show

            return (
                show(catalog),
                [r.as_dict() for r in RuleBook(catalog).rules()],
                fix_history(catalog),
            )

        self.ctx.runner.submit(job, self._loaded, self._load_failed)

    def _loaded(self, result) -> None:
        self._loading = False
        if self._closing:
            return
        if self._load_again:
            self._load_again = False
            self.reload()
        self.data, rules, history = result
        inst = self.data["institution"]
        run = self.data["run"]
        if run is None:
            self.rate_value.setText("-")
            self.rate_formula.setText(self.tr("아직 진단하지 않았습니다. [진단 실행]을 누르세요."))
            self.run_info.setText("")
        else:
            self.rate_value.setText(pct(inst["error_rate"]))
            self.rate_formula.setText(inst["formula"])
            recognised = sum(1 for d in self.data["datasets"] if d["provision_standard"])
            self.run_info.setText(
                self.tr("최근 진단 #{id} {at} ({who}) · 제공표준 파일 {n}개").format(
                    id=run["id"],
                    at=(run["started_at"] or "")[:16].replace("T", " "),
                    who=run["who"],
                    n=recognised,
                )
            )
        self.results.show_data(self.data)
        self.rule_rates.model.set_rows(self.data["rules"])
        self.rules_panel.show_rules(rules)
        self.history.show_history(history)

    def _load_failed(self, exc: Exception) -> None:
        self._loading = self._load_again = False
        if not self._closing:
            self.rate_formula.setText(self.tr("진단 결과를 읽지 못했습니다: {e}").format(e=exc))

    # ------------------------------------------------------------------ export
    def choose_export(self) -> None:
        start = str(Path(self.ctx.catalog_path).with_name(f"품질진단-{date.today():%Y%m%d}.xlsx"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("품질진단 보고서"), start, self.tr("엑셀 (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        def job(catalog):
            from catalog_app.quality.export import write_report

            return write_report(catalog, Path(path))

        def done(written) -> None:
            dialogs.show_info(self, self.tr("보고서를 썼습니다:\n{path}").format(path=written))

        def failed(exc: Exception) -> None:
            dialogs.show_error(self, self.tr("보고서를 쓰지 못했습니다:\n{e}").format(e=exc))

        self.ctx.runner.submit(job, done, failed)

    # ------------------------------------------------------------------ the run
    def is_running(self) -> bool:
        return self._job is not None

    def busy(self) -> bool:
        return self.is_running()

    def start_run(self, force: bool = False) -> bool:
        """Run the diagnosis over every readable dataset; False when nothing was started."""
        if self.is_running() or self.ctx.scanning:
            return False
        from catalog_app.matching.jobs import mapping_trust

        trust = mapping_trust(self.ctx.catalog.conn)
        if trust.unsuggested and not force:
            if not dialogs.ask_confirm(
                self,
                self.tr("표준용어 제안 없음"),
                self.tr(
                    "표준용어 제안이 없는 컬럼이 {n:,}개 있어 도메인 규칙을 믿을 수 없습니다. "
                    "[매핑 검토]에서 제안 만들기를 먼저 실행하는 것이 좋습니다. 그래도 진단할까요?"
                ).format(n=trust.unsuggested),
            ):
                return False
            force = True
        self.last_summary = None
        self.progress.setRange(0, 0)
        self.run_state.setText(self.tr("진단을 준비하는 중…"))
        self._job = QualityJob(self.ctx.catalog_path, force=force)
        self._job.progress.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        self._update_buttons()
        # behind the runner's queued jobs, so an edit made just before is part of the run
        self.ctx.runner.submit(lambda _catalog: None, lambda _r: self._launch())
        return True

    def _launch(self) -> None:
        if self._closing or self._job is None:
            return
        if self._job.token.cancelled:
            self._on_failed(self.tr("취소했습니다."))
        else:
            self._thread = start_in_thread(self._job, "quality")

    def cancel_run(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.run_state.setText(self.tr("취소하는 중… (읽던 파일에서 멈춥니다)"))

    def _on_progress(self, event) -> None:
        if not self._closing:
            show_file_progress(self.progress, self.run_state, event)

    def _on_finished(self, summary) -> None:
        if self._closing:
            return
        self._end_run()
        self.last_summary = summary
        self.progress.setRange(0, max(self.progress.maximum(), 1))
        if summary.status == "cancelled":
            self.run_state.setText(
                self.tr("취소했습니다. 끝난 데이터셋의 결과는 저장되어 있습니다.")
            )
        else:
            self.progress.setValue(self.progress.maximum())
            text = self.tr("데이터셋 {n:,}개를 진단했습니다.").format(n=summary.diagnosed)
            if summary.failed:
                text += self.tr(" 읽지 못한 파일 {n:,}개.").format(n=len(summary.failed))
            if summary.unrunnable:
                text += self.tr(" 실행하지 못한 규칙 {n:,}개.").format(n=summary.unrunnable)
            self.run_state.setText(text)
        self.reload()

    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        self._end_run()
        self.run_state.setText(self.tr("진단이 중단되었습니다: {e}").format(e=message))
        dialogs.show_error(self, self.tr("진단하는 중 오류가 났습니다:\n{e}").format(e=message))

    def _end_run(self) -> None:
        if self._thread is not None and self._job is not None:
            retire_job(self._thread, self._job, 5000)
        self._thread = None
        self._job = None
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        running = self.is_running()
        self.run_button.setEnabled(not running and not self.ctx.scanning)
        self.run_button.setToolTip(
            self.tr("스캔이 끝난 뒤에 진단할 수 있습니다")
            if self.ctx.scanning
            else self.tr("모든 파일을 다시 읽어 값마다 규칙을 점검합니다 (원본은 읽기만 합니다)")
        )
        self.cancel_button.setEnabled(running and not self._job.token.cancelled)

    # ------------------------------------------------------------------ lifetime
    def on_shown(self) -> None:
        if not self.is_running():
            self.reload()

    def shutdown(self) -> None:
        self._closing = True
        if self._job is not None:
            self._job.cancel()
        if self._thread is not None:
            retire_job(self._thread, self._job, 10_000)
