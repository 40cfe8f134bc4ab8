"""현황: what the catalog already holds (datasets by status, personal-data columns by kind, recent
scan errors), the 준수율 with its 단어/용어/도메인 split, the nearest registration deadline and, for
an empty catalog, the three steps a clerk follows.

Everything below the title scrolls: at 1280×720 a chart with many departments is taller than
the page, and a squeezed chart used to cut bars off without a scroll bar (issue 15). Every chart
gets the height its bars need."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.charts import BarChart
from ui.context import AppContext
from ui.models import ERROR_COLOR, Column, RowsModel
from ui.pages.base import Page, card, note, section_title, table_view
from ui.widths import fit_columns, keep_widths

STATUS_COLORS = {"ok": "#2f6fb3", "error": "#c0392b", "missing": "#95a5a6"}


OPENNESS_COLORS = {
    "공개": "#2f6fb3",
    "부분공개": "#d68910",
    "비공개": "#7f8c8d",
    "미입력": "#c0392b",
}


def _percent(value: float) -> str:
    return f"{value:.1f}%"


class OverviewPage(Page):
    navigate = Signal(str)  # page key the first-run panel sends the clerk to
    open_list = Signal(str, object)  # a bar was clicked: (what, key) — see MainWindow.open_list

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("현황"), parent)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("overviewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(0, 0, 6, 0)
        self.body.setSpacing(10)
        self.scroll.setWidget(self.content)
        self.layout_.addWidget(self.scroll, 1)
        self.welcome = self._build_welcome()
        self.body.addWidget(self.welcome)

        numbers = QHBoxLayout()
        self.figures: dict[str, QLabel] = {}
        for key, title in (
            ("datasets", self.tr("데이터셋")),
            ("columns", self.tr("컬럼")),
            ("pii", self.tr("개인정보 컬럼")),
            ("last_scan", self.tr("마지막 스캔")),
            ("deadline", self.tr("가장 가까운 기한")),
        ):
            frame, box = card()
            caption = QLabel(title)
            caption.setObjectName("muted")
            value = QLabel("-")
            value.setObjectName("figure")
            box.addWidget(caption)
            box.addWidget(value)
            self.figures[key] = value
            numbers.addWidget(frame, 1)
        self.deadline_note = note("", "muted")  # what the nearest deadline is about
        self.deadline_note.setWordWrap(True)
        self.figures["deadline"].parentWidget().layout().addWidget(self.deadline_note)
        self.figures["deadline"].setText(self.tr("계산 중…"))
        self.body.addLayout(numbers)

        charts = QGridLayout()
        waiting = self.tr("계산 중…")
        self.dept_chart = BarChart(waiting)
        self.trend_chart = BarChart(waiting)
        self.openness_chart = BarChart(waiting)
        self.words_chart = BarChart(waiting)
        self.status_chart = BarChart(self.tr("아직 스캔한 파일이 없습니다"))
        self.pii_chart = BarChart(self.tr("개인정보로 보이는 컬럼이 없습니다"))
        self.rate_title = section_title(self.tr("부서별 표준 준수율"))
        self.rate_title.setWordWrap(True)  # a second line may say that suggestions are missing
        # 단어 · 용어 · 도메인 beside the composite rate, each formula as its tooltip
        self.split_label = note("", "muted")
        self.split_label.setWordWrap(True)
        rate_box = QWidget()
        rate_layout = QVBoxLayout(rate_box)
        rate_layout.setContentsMargins(0, 0, 0, 0)
        rate_layout.setSpacing(2)
        rate_layout.addWidget(self.rate_title)
        rate_layout.addWidget(self.split_label)
        for i, (title, chart) in enumerate(
            (
                (rate_box, self.dept_chart),
                (section_title(self.tr("연도별 표준 준수율")), self.trend_chart),
                (section_title(self.tr("공개여부·개인정보별 데이터셋")), self.openness_chart),
                (section_title(self.tr("자주 나오는 비표준 단어")), self.words_chart),
                (section_title(self.tr("상태별 데이터셋")), self.status_chart),
                (section_title(self.tr("개인정보 종류별 컬럼")), self.pii_chart),
            )
        ):
            row, col = divmod(i, 3)
            charts.addWidget(title, row * 2, col)
            charts.addWidget(chart, row * 2 + 1, col, Qt.AlignmentFlag.AlignTop)
        for col in range(3):
            charts.setColumnStretch(col, 1)
        self.body.addLayout(charts)
        self.dept_chart.clicked.connect(lambda key: self.open_list.emit("department", key))
        self.trend_chart.clicked.connect(lambda key: self.open_list.emit("year", key))
        self.openness_chart.clicked.connect(lambda key: self.open_list.emit(*key))
        self.words_chart.clicked.connect(lambda key: self.open_list.emit("word", key))
        self.status_chart.clicked.connect(lambda key: self.open_list.emit("status", key))
        self.pii_chart.clicked.connect(lambda key: self.open_list.emit("pii", key))
        self._figures_thread = self._figures_job = None
        self._figures_again = self._closing = False
        self.figures_ready = False

        self.body.addWidget(section_title(self.tr("최근 스캔 오류")))
        self.errors = RowsModel(
            [
                Column("at", self.tr("시각"), fmt=lambda r: r["at"].replace("T", " ")[:16]),
                Column("path", self.tr("파일")),
                Column("message", self.tr("사유"), color=lambda r: ERROR_COLOR),
            ],
            self,
        )
        self.error_view = table_view(self.errors)
        self.error_view.setMinimumHeight(self.error_view.verticalHeader().defaultSectionSize() * 6)
        keep_widths(self.error_view, "overview_errors", room=2)
        self.body.addWidget(self.error_view, 1)
        ctx.data_changed.connect(self.refresh)
        self.refresh()

    def _build_welcome(self) -> QWidget:
        frame, box = card()
        frame.setObjectName("welcome")
        box.addWidget(section_title(self.tr("처음 사용하시나요? 세 단계로 공개목록을 만듭니다")))
        steps = QHBoxLayout()
        for number, title, text, action in (
            (
                "1",
                self.tr("폴더 스캔"),
                self.tr("부서 공유폴더의 엑셀·CSV 파일을 읽어 표와 컬럼 정보를 모읍니다."),
                ("scan", self.tr("폴더 스캔하기")),
            ),
            (
                "2",
                self.tr("표준 매핑 검토"),
                self.tr("컬럼마다 제안된 공통표준 용어를 보고 수락하거나 고칩니다."),
                ("mapping", self.tr("매핑 검토하기")),
            ),
            (
                "3",
                self.tr("공개목록 내보내기"),
                self.tr("기관 정보와 항목을 채우고 점검한 뒤 목록·정의서를 파일로 냅니다."),
                ("disclosure", self.tr("공개목록 열기")),
            ),
        ):
            step, step_box = card()
            step.setObjectName("step")
            head = QLabel(f"{number}. {title}")
            head.setObjectName("stepTitle")
            step_box.addWidget(head)
            step_box.addWidget(note(text))
            if action is not None:
                key, label = action
                button = QPushButton(label)
                if key == "scan":
                    button.setObjectName("primary")
                button.clicked.connect(lambda _=False, k=key: self.navigate.emit(k))
                step_box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            step_box.addStretch(1)
            steps.addWidget(step, 1)
        box.addLayout(steps)
        return frame

    def refresh(self) -> None:
        from catalog_app.catalog.listing import overview_counts, recent_errors

        conn = self.ctx.catalog.conn
        counts = overview_counts(conn)
        by_status = counts["by_status"]
        total = sum(by_status.values())
        self.welcome.setVisible(total == 0)
        self.status_chart.set_items(
            [
                (labels.status_name(code), by_status.get(code, 0), STATUS_COLORS[code])
                for code in ("ok", "error", "missing")
            ]
            if total
            else [],
            keys=["ok", "error", "missing"] if total else None,
        )
        pii = counts["pii"]
        self.pii_chart.set_items(
            [(labels.pii_name(k), n, "#d68910") for k, n in pii], keys=[k for k, _ in pii]
        )
        last = counts["last_run"]
        self.figures["datasets"].setText(f"{total:,}")
        self.figures["columns"].setText(f"{counts['columns']:,}")
        self.figures["pii"].setText(f"{sum(n for _, n in pii):,}")
        self.figures["last_scan"].setText(
            f"{last['finished_at'].replace('T', ' ')[:16]} ({labels.run_status_name(last['status'])})"
            if last
            else self.tr("없음")
        )
        self.errors.set_rows(recent_errors(conn, 20))
        fit_columns(self.error_view, {0: 140, 1: 460, 2: 800})

        self.refresh_figures()

    def refresh_figures(self) -> None:
        """준수율, openness and words need the checks over every column (seconds on a big
        catalog): in a read-only child process (``ChildJob``), so the clerk's edits never wait
        behind them and the window keeps its GIL. A refresh asked for while one runs is done
        once it ends."""
        from ui.workers import ChildJob, start_in_thread

        if self._figures_thread is not None:
            self._figures_again = True
            return
        self._figures_again = False
        # In a child process: on a thread its pure-Python work held the GIL and froze the window.
        job = ChildJob(self.ctx.catalog_path, "catalog_app.disclosure.overview:overview_figures")
        job.finished.connect(self._figures_done)
        job.failed.connect(self._figures_failed)
        self._figures_job = job
        self._figures_thread = start_in_thread(job, "overview", self._figures_thread_ended)

    def _figures_thread_ended(self) -> None:
        self._figures_thread = self._figures_job = None
        if self._figures_again and not self._closing:
            self.refresh_figures()

    def _figures_done(self, figures) -> None:
        self.show_figures(figures)

    def _figures_failed(self, message: str) -> None:
        if self._closing:
            return
        for chart in (self.dept_chart, self.trend_chart, self.openness_chart, self.words_chart):
            chart.set_empty_text(self.tr("계산하지 못했습니다: {e}").format(e=message))
            chart.set_items([])

    def shutdown(self) -> None:
        """Cancel a figures run (it stops within a few hundred columns) and wait for it."""
        from ui.workers import retire_job

        self._closing = True
        if self._figures_thread is not None:
            self._figures_job.cancel()
            retire_job(self._figures_thread, self._figures_job, 5000)

    def show_figures(self, figures) -> None:
        rated = [d for d in figures.departments if d["rate"] is not None]
        self.dept_chart.set_empty_text(self.tr("점검할 컬럼이 없습니다"))
        self.dept_chart.set_items(
            [(d["name"], d["rate"], "#16a085") for d in rated],
            keys=[d["name"] for d in rated],
            fmt=_percent,
            peak=100,
        )
        if figures.rate is not None:
            if figures.trusted:
                title = self.tr("부서별 표준 준수율 (전체 {rate:.1f}%)").format(rate=figures.rate)
            else:  # a figure computed from a stale mapping is not shown as one
                title = self.tr(
                    "부서별 표준 준수율 (믿을 수 없음: 제안이 없는 컬럼 {n:,}개)"
                ).format(n=figures.unmapped)
            warning = figures.warning()
            if warning:
                title += "\n" + warning
            self.rate_title.setText(title)
            self.rate_title.setToolTip(
                figures.formula + "\n" + self.tr("자체 산출 — 공식 수준평가 점수가 아닙니다")
            )
        self.rate_title.setProperty("trusted", figures.trusted)
        self._show_split(figures)
        self._show_deadline(figures)
        trend = [t for t in figures.trend if t["rate"] is not None]
        self.trend_chart.set_empty_text(self.tr("스냅샷이 쌓이면 연도별 추이가 나옵니다"))
        self.trend_chart.set_items(
            [
                (
                    self.tr("{year}년").format(year=t["year"])
                    + ("" if t["source"] == "snapshot" else self.tr(" (현재)")),
                    t["rate"],
                    "#2f6fb3" if t["source"] == "snapshot" else "#16a085",
                )
                for t in trend
            ],
            keys=[t["year"] for t in trend],
            fmt=_percent,
            peak=100,
        )
        items, keys = [], []
        shown = {
            "공개": self.tr("공개"),
            "부분공개": self.tr("부분공개"),
            "비공개": self.tr("비공개"),
            "미입력": self.tr("미입력"),
        }
        for name, n in figures.openness.items():
            items.append((shown.get(name, name), n, OPENNESS_COLORS.get(name, "#7f8c8d")))
            keys.append(("openness", name))
        items.append((self.tr("개인정보 포함"), figures.personal.get("Y", 0), "#8a4b00"))
        keys.append(("pii", None))
        self.openness_chart.set_empty_text(self.tr("목록에 넣을 데이터셋이 없습니다"))
        self.openness_chart.set_items(items if any(n for _, n, _ in items) else [], keys=keys)
        self.words_chart.set_empty_text(self.tr("비표준 단어가 없습니다"))
        self.words_chart.set_items(
            [(w, n, "#c0392b") for w, n in figures.top_words],
            keys=[w for w, _ in figures.top_words],
        )
        self.figures_ready = True

    def _show_split(self, figures) -> None:
        """단어 · 용어 · 도메인 준수율 under the title; the formulas as the tooltip."""
        names = {"word": self.tr("단어"), "term": self.tr("용어"), "domain": self.tr("도메인")}
        parts, formulas = [], []
        for key, name in names.items():
            rate, formula = figures.split.get(key, (None, ""))
            parts.append(f"{name} {'-' if rate is None else _percent(rate)}")
            if formula:
                formulas.append(formula)
        shown = figures.split and figures.trusted
        self.split_label.setText(" · ".join(parts) if shown else "")
        self.split_label.setToolTip("\n".join(formulas))
        self.split_label.setVisible(bool(shown))

    def _show_deadline(self, figures) -> None:
        """The nearest registration deadline (the most overdue first), the next few as tooltip."""
        value = self.figures["deadline"]
        nearest = figures.nearest
        if nearest is None:
            value.setText(self.tr("없음"))
            self.deadline_note.setText(self.tr("다가오는 등록 기한이 없습니다"))
            value.setToolTip("")
            return
        left = nearest["days_left"]
        if left < 0:
            value.setText(self.tr("{n}일 지남").format(n=-left))
        elif left == 0:
            value.setText(self.tr("오늘까지"))
        else:
            value.setText(self.tr("D-{n}").format(n=left))
        value.setProperty("overdue", left < 0)
        self.deadline_note.setText(nearest["message"])
        more = len(figures.deadlines) - 1
        tip = "\n".join(d["message"] for d in figures.deadlines[:6])
        if more > 5:
            tip += "\n" + self.tr("… 외 {n}건").format(n=more - 5)
        value.setToolTip(tip)
        self.deadline_note.setToolTip(tip)

    def on_shown(self) -> None:
        self.refresh()
