"""매핑 검토: suggestions for every column (``map_catalog`` on a worker, with progress and cancel),
filtered and paged in SQL, one column's candidates and checks, and the clerk's decisions through
``MappingDesk`` on an undo stack (Ctrl+Z / Ctrl+Y). The 표준 준수율 at the top comes from
``check_catalog`` on the task runner, recomputed a moment after the decisions stop."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, labels
from ui.context import AppContext
from ui.file_progress import show_file_progress
from ui.mapping_model import (
    KINDS,
    Filters,
    MatchTableModel,
    column_detail,
    unmatched_count,
)
from ui.pages.base import Page, card, note, table_view
from ui.pages.mapping_actions import KeyFilter, MappingActions
from ui.pages.mapping_filters import FilterBar
from ui.widths import fit_columns, keep_widths
from ui.workers import ChildJob, MapJob, retire_job, retire_thread, start_in_thread

log = logging.getLogger(__name__)

RATE_TARGET = "ui.mapping_model:rate_job"  # run in a child process
RATE_DELAY_MS = 600  # decisions come in bursts (Enter, Enter, …): one 준수율 after they stop
# (narrowest, widest) per table column: decisions are written after the first measure.
# the widest each table column is measured to; the column label (2) gets the spare width
_CAPS = {0: 220, 1: 140, 2: 240, 3: 90, 4: 180, 5: 60, 6: 200, 7: 140}


class MappingPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("매핑 검토"), parent)
        self._job: MapJob | None = None
        self._thread: QThread | None = None
        self._rate_thread: QThread | None = None
        self._rate_job: ChildJob | None = None
        self._closing = False
        self._dirty = False
        self._rate_busy = self._rate_again = False
        self._unmatched = 0  # columns without a suggestion, counted on full reloads
        self._current_id: int | None = None  # the column in the detail pane
        self.rate = None  # the latest catalog-wide Rate
        self.last_summary = None  # MapSummary of the last run (None: cancelled or never)
        self._build_top()
        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self.apply_filters)
        self.layout_.addWidget(self.filter_bar)
        self.model = MatchTableModel(ctx.catalog.conn, self)
        self.view = table_view(self.model)
        self.view.setObjectName("mappingTable")
        keep_widths(self.view, "mapping_columns", room=2)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        # Bound methods, not lambdas: a lambda holding the page would keep it in a reference
        # cycle that the garbage collector may then free from a worker thread.
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.sorted.connect(self._keep_selection)
        self.undo_stack = QUndoStack(self)
        self.actions_ = MappingActions(self)
        from ui.pages.mapping_detail import MappingDetail

        self.detail = MappingDetail()
        self.detail.candidate_activated.connect(self.actions_.accept_candidate_row)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        self.empty_hint = note("", "emptyHint")
        self.empty_hint.hide()
        top_box.addWidget(self.empty_hint)
        top_box.addWidget(self.view, 1)
        top_box.addLayout(self.actions_.build_bar())
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([330, 250])
        self.layout_.addWidget(split, 1)
        keys = KeyFilter(self.actions_.accept_top, self.actions_.reject_top, self)
        self.view.installEventFilter(keys)
        self.detail.candidate_view.installEventFilter(
            KeyFilter(self.actions_.accept_selected, self.actions_.reject_selected, self)
        )
        self._rate_timer = QTimer(self)
        self._rate_timer.setSingleShot(True)
        self._rate_timer.setInterval(RATE_DELAY_MS)
        self._rate_timer.timeout.connect(self.compute_rate)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.dictionary_changed.connect(self.schedule_rate)
        ctx.scan_state_changed.connect(self._on_scan_state)
        self._unmatched = unmatched_count(ctx.catalog.conn)
        self._after_reload()
        self._set_running(False)

    # ------------------------------------------------------------------ layout
    def _build_top(self) -> None:
        """One card: the 준수율 with its formula, the run button and the run's progress."""
        frame, box = card()
        row = QHBoxLayout()
        figure = QVBoxLayout()
        caption = QLabel(self.tr("표준 준수율"))
        caption.setObjectName("muted")
        self.rate_value = QLabel("-")
        self.rate_value.setObjectName("figure")
        figure.addWidget(caption)
        figure.addWidget(self.rate_value)
        row.addLayout(figure)
        row.addSpacing(10)
        text = QVBoxLayout()
        line = QHBoxLayout()
        self.rate_formula = note(self.tr("계산하는 중…"))
        self.rate_note = note(self._rate_help(), "muted")
        self.rate_note.setWordWrap(False)
        line.addWidget(self.rate_formula, 1)
        line.addWidget(self.rate_note)
        text.addLayout(line)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v / %m 파일"))
        self.progress.setMaximumWidth(220)
        self.run_state = note(" ", "muted")
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.run_state, 1)
        text.addLayout(progress_row)
        row.addLayout(text, 1)
        self.map_button = QPushButton(self.tr("제안 만들기"))
        self.map_button.setObjectName("primary")
        self.map_button.clicked.connect(self.start_mapping)
        self.cancel_button = QPushButton(self.tr("취소"))
        self.cancel_button.clicked.connect(self.cancel_mapping)
        row.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)
        tip = self.tr(
            "준수 컬럼 = 표준용어에 매핑되고(수락했거나 이름이 용어와 같음) 점검 오류가 없는 "
            "컬럼. 교차표의 구분 열은 점검하지 않습니다."
        )
        for widget in (self.rate_value, self.rate_formula, caption):
            widget.setToolTip(tip)
        self.layout_.addWidget(frame)

    def _current_changed(self, *_args) -> None:
        self.show_selected()

    def _keep_selection(self) -> None:
        self._after_reload(self._current_id)

    def _on_scan_state(self, _running: bool) -> None:
        self._update_run_buttons()

    # ------------------------------------------------------------------- table
    def apply_filters(self) -> None:
        if self._closing:
            return  # the typing delay ran out after the window closed the catalog
        self.model.set_filters(self.filter_bar.filters())
        self._after_reload(self._current_id)

    def selected_row(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_column(self, column_id: int | None, fallback_row: int = 0) -> None:
        row = self.model.row_of(column_id) if column_id is not None else -1
        if row < 0:
            row = min(fallback_row, self.model.rowCount() - 1)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        else:
            self.show_selected()

    def reload(self, select: int | None = None, touched: list[int] | None = None) -> None:
        """Re-read the rows fetched so far (after a decision, a run or a scan), keeping the
        scroll position and the selection (``select``: this column instead). ``touched``:
        only these columns' decisions changed, re-read in place when that moves no row."""
        if touched and self.model.refresh_rows(touched):
            row = self.model.row_of(select)
            if 0 <= row != self.view.currentIndex().row():
                self.select_column(select)
            else:
                self.show_selected()  # same row: its decision and buttons changed
            return
        self._dirty = False
        self._unmatched = unmatched_count(self.ctx.catalog.conn)
        current = self.view.currentIndex().row()
        keep = self.selected_row()
        scroll = self.view.verticalScrollBar().value()
        self.model.refresh(at_least=self.model.rowCount())
        self.view.verticalScrollBar().setValue(scroll)
        target = select if select is not None else keep["column_id"] if keep else None
        self._after_reload(target, max(current, 0))

    def _after_reload(self, select: int | None = None, fallback_row: int = 0) -> None:
        if not getattr(self, "_fitted", False) and self.model.rowCount():
            self._fitted = True  # measured once: later reloads keep the clerk's widths
            fit_columns(self.view, _CAPS, room=2)
        self._update_count()
        self.select_column(select, fallback_row)

    def _update_count(self) -> None:
        missing = self._unmatched
        self._empty_hint()
        if not self.model.total and not missing and self.model.filters == Filters():
            self.filter_bar.count_label.setText(self.tr("스캔한 컬럼이 없습니다. 먼저 스캔하세요."))
            return
        text = self.tr("컬럼 {n:,}개").format(n=self.model.total)
        if missing:
            text += self.tr(" · 제안이 없는 컬럼 {n:,}개 ('제안 만들기')").format(n=missing)
        self.filter_bar.count_label.setText(text)

    def _empty_hint(self) -> None:
        """An empty table says why and what to do next, instead of staying blank."""
        if self.model.total:
            self.empty_hint.hide()
            return
        if self.model.filters.narrowed:
            text = self.tr("필터에 맞는 컬럼이 없습니다. 필터를 바꿔 보세요.")
        elif self._unmatched:
            text = self.tr(
                "스캔한 컬럼 {n:,}개에 아직 표준용어 제안이 없습니다. 위의 [제안 만들기]를 "
                "누르면 컬럼마다 후보가 만들어지고 여기에 나옵니다."
            ).format(n=self._unmatched)
        else:
            text = self.tr(
                "아직 스캔한 컬럼이 없습니다. [스캔]에서 폴더를 스캔하면 컬럼마다 표준용어 "
                "제안이 함께 만들어집니다."
            )
        self.empty_hint.setText(text)
        self.empty_hint.show()

    def show_selected(self) -> None:
        row = self.selected_row()
        self._current_id = row["column_id"] if row else None
        detail = column_detail(self.ctx.catalog.conn, row["column_id"]) if row else None
        fresh = self.model.fresh_checks(row["column_id"]) if row else None
        self.detail.show_column(detail, fresh)
        self.actions_.update_buttons()

    # ----------------------------------------------------------------- 준수율
    def _rate_help(self) -> str:
        return self.tr("결정을 바꾸면 잠시 뒤 다시 계산")

    def schedule_rate(self) -> None:
        if not self._closing:
            self.rate_note.setText(self.tr("다시 계산합니다…"))
            self._rate_timer.start()

    def compute_rate(self) -> None:
        """``check_catalog`` one at a time: on a big catalog it takes seconds, so decisions made
        meanwhile ask for one more run after it, not a queue. It starts behind the task runner's
        queued writes (so the decisions just made count) and runs in a child process
        (``ChildJob``): on a thread its pure-Python work held the GIL and froze the window
        (issue 15, benchmarks/bench_ui.py)."""
        self._rate_timer.stop()
        if self._closing or self.is_running():  # a finished run computes it
            return
        if self._rate_busy:
            self._rate_again = True
            return
        self._rate_busy, self._rate_again = True, False
        self.ctx.runner.submit(lambda _catalog: None, lambda _r: self._start_rate())

    def _start_rate(self) -> None:
        if self._closing:
            self._rate_busy = False
            return
        job = ChildJob(self.ctx.catalog_path, RATE_TARGET)
        job.finished.connect(self._rate_done)
        job.failed.connect(self._rate_failed)
        self._rate_job = job
        self._rate_thread = start_in_thread(job, "rate", self._rate_ended)

    def _rate_ended(self) -> None:
        """The run's thread has finished: another run for newer decisions, if any."""
        self._rate_thread = self._rate_job = None
        self._rate_busy = False
        if self._rate_again and not self._closing:
            self.compute_rate()

    def _rate_done(self, result) -> None:
        if self._closing:
            return
        rate, fresh = result
        self.rate = rate
        self.rate_value.setText(f"{rate.rate:.1f}%" if rate.rate is not None else "-")
        self.rate_formula.setText(rate.formula)
        again = self._rate_again
        self.rate_note.setText(self.tr("다시 계산합니다…") if again else self._rate_help())
        self.model.set_fresh_checks(fresh)
        if self._current_id is not None:
            self.detail.refresh_checks(self.model.fresh_checks(self._current_id))

    def _rate_failed(self, message: str) -> None:
        if self._closing or message == "cancelled":
            return
        self.rate_formula.setText(self.tr("준수율을 계산하지 못했습니다: {e}").format(e=message))

    # ------------------------------------------------------------ map (worker)
    def is_running(self) -> bool:
        return self._job is not None

    def busy(self) -> bool:
        return self.is_running()

    def start_mapping(self) -> bool:
        """Run ``map_catalog`` over every readable dataset; False when nothing was started."""
        if self.is_running() or self.ctx.scanning:
            return False
        self.last_summary = None
        self.progress.setRange(0, 0)  # busy until the first dataset reports
        self.run_state.setText(self.tr("표준사전과 매칭기를 준비하는 중…"))
        self._job = MapJob(self.ctx.catalog_path)
        self._job.progress.connect(self._on_progress)
        self._job.finished.connect(self._on_finished)
        self._job.failed.connect(self._on_failed)
        self._set_running(True)
        # Behind the task runner's queued jobs (a 준수율 may be computing): two connections
        # opening the dictionary for the first time at once can collide in the core.
        self.ctx.runner.submit(lambda _catalog: None, lambda _r: self._launch())
        return True

    def _launch(self) -> None:
        if self._closing or self._job is None:
            return
        if self._job.token.cancelled:
            self._on_finished(None)
        else:
            self._thread = start_in_thread(self._job, "map")

    def cancel_mapping(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.run_state.setText(self.tr("취소하는 중… (지금 파일을 마치고 멈춥니다)"))

    def _on_progress(self, event) -> None:
        if not self._closing:
            show_file_progress(self.progress, self.run_state, event)

    def _on_finished(self, summary) -> None:
        if self._closing:
            return
        self._end_run()
        self.last_summary = summary
        if summary is None:
            self.run_state.setText(self.tr("취소했습니다. 끝난 파일의 제안은 저장되어 있습니다."))
        else:
            self.progress.setRange(0, max(self.progress.maximum(), 1))
            self.progress.setValue(self.progress.maximum())
            kinds = ", ".join(
                f"{labels.match_kind_name(k)} {n:,}"
                for k, n in sorted(summary.kinds.items(), key=lambda kv: _kind_rank(kv[0]))
            )
            self.run_state.setText(
                self.tr("컬럼 {n:,}개에 제안을 만들었습니다: {kinds}").format(
                    n=summary.columns, kinds=kinds or "-"
                )
            )
        self.reload()
        self.compute_rate()

    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        self._end_run()
        self.run_state.setText(self.tr("제안 만들기가 중단되었습니다: {e}").format(e=message))
        dialogs.show_error(
            self, self.tr("제안을 만드는 중 오류가 났습니다:\n{e}").format(e=message)
        )
        self.reload()

    def _end_run(self) -> None:
        if self._thread is not None:
            retire_thread(self._thread, 5000)
        self._thread = None
        self._job = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        if not running and self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        self._update_run_buttons()

    def _update_run_buttons(self) -> None:
        running = self.is_running()
        self.map_button.setEnabled(not running and not self.ctx.scanning)
        self.map_button.setToolTip(
            self.tr("스캔이 끝난 뒤에 만들 수 있습니다")
            if self.ctx.scanning
            else self.tr("모든 컬럼에 표준용어 후보를 만듭니다 (결정은 그대로 둡니다)")
        )
        self.cancel_button.setEnabled(running and not self._job.token.cancelled)

    # ---------------------------------------------------------------- lifetime
    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.reload()
            self.schedule_rate()
        else:
            self._dirty = True

    def on_shown(self) -> None:
        if self._dirty:
            self.reload()
            self.schedule_rate()
        if self.rate is None and not self._rate_busy:
            self.compute_rate()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> bool:
        self.filter_bar.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search_box.selectAll()
        return True

    def shutdown(self) -> None:
        self._closing = True
        self._rate_timer.stop()
        self.filter_bar.stop_typing_delay()
        if self._job is not None:
            self._job.cancel()
        if self._thread is not None:
            retire_thread(self._thread, 10_000)
        if self._rate_thread is not None:
            self._rate_job.cancel()
            retire_job(self._rate_thread, self._rate_job, 5000)


def _kind_rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)
