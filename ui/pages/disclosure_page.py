"""공개목록: the coordinator's year — institution settings, validation (grouped by dataset and
field; a problem opens its field on the 공개 항목 page, with 다음/이전 문제 there), the yearly
snapshot, exports and the change since last year.

Everything slow runs off the GUI thread: the validation on a thread of its own (it follows the
fixes — every save of 공개 항목 or the institution settings and every change of the year asks
for a fresh one, the newest request winning), snapshot, export and diff on the task runner. The
rules live in ``catalog_app.disclosure``. 점검 is F7: F5 is the window's 다시 스캔.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.context import AppContext
from ui.core_text import core_tr
from ui.focus import keep_focus_off_fields
from ui.models import Column, RowsModel
from ui.pages.base import Page, card, note, table_view
from ui.pages.disclosure_check import YearCheck
from ui.pages.disclosure_output import YearOutputs
from ui.pages.institution_form import InstitutionForm
from ui.pages.problem_list import ProblemTree
from ui.pages.reident_panel import ReidentPanel
from ui.pages.year_diff import YearDiffPanel
from ui.widths import fit_columns, keep_widths

REVALIDATE_DELAY_MS = 400  # saves come in bursts: one validation after they stop

WARNING_COLOR_HEX = "#8a5a00"


def _export_forms() -> list[tuple[str, str, str]]:
    """(kind, suffix, menu text) of every form of every export, read from the core's registry."""
    from catalog_app.disclosure.exports import EXPORTERS

    return [
        (kind, suffix, core_tr(found.title(suffix)))
        for kind, found in EXPORTERS.items()
        for suffix in found.suffixes
    ]


class DisclosurePage(Page):
    """Year, validation list, snapshot, exports and the diff with last year."""

    open_metadata = Signal(int, str, str)  # dataset id, field key, column label ('' = dataset)
    open_problem_requested = Signal(object, object)  # the problem, all problems (다음/이전 문제)
    problems_changed = Signal(object)  # a fresh list of problems (the navigator keeps its place)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("공개목록"), parent)
        self._jobs = 0
        self.last_export: list[Path] = []
        self.last_lifecycle: dict[str, int] = {}  # 신규/변경/제외/유지 counts of the last import
        self.outputs = YearOutputs(self)
        self.check = YearCheck(ctx.catalog_path, self)
        self.check.checked.connect(self._validated)
        self.check.failed.connect(self._validation_failed)
        self.check.ended.connect(self._validation_ended)
        self.check.started.connect(self._validation_started)
        self._validated_once = False
        self._closing = False
        self._build_bar()
        self._build_institution()
        self._build_tabs()
        QShortcut(
            QKeySequence("F7"),
            self,
            activated=self.validate,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._revalidate_timer = QTimer(self)
        self._revalidate_timer.setSingleShot(True)
        self._revalidate_timer.setInterval(REVALIDATE_DELAY_MS)
        self._revalidate_timer.timeout.connect(self._revalidate)
        ctx.metadata_changed.connect(self._metadata_changed)
        ctx.scan_state_changed.connect(self._scan_state)
        self.refresh_year()
        self._scan_state(ctx.scanning)

    # ------------------------------------------------------------------ layout
    def _build_bar(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("기준 연도")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self._year_changed)
        bar.addWidget(self.year)
        self.year_state = QLabel()
        self.year_state.setObjectName("muted")
        bar.addWidget(self.year_state, 1)
        self.validate_button = QPushButton(self.tr("점검 (F7)"))
        self.validate_button.setToolTip(
            self.tr("이 연도 공개목록의 필수 항목·허용값·개인정보를 점검합니다 (F7)")
        )
        self.validate_button.setObjectName("primary")
        self.validate_button.clicked.connect(self.validate)
        bar.addWidget(self.validate_button)
        self.snapshot_button = QPushButton(self.tr("스냅샷 고정…"))
        self.snapshot_button.setToolTip(
            self.tr("이 연도의 공개목록 상태를 고정합니다. 고정한 스냅샷은 바꿀 수 없습니다.")
        )
        self.snapshot_button.clicked.connect(self.take_snapshot)
        bar.addWidget(self.snapshot_button)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("내보내기"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for kind, suffix, title in _export_forms():
            menu.addAction(title, lambda k=kind, s=suffix: self.export(k, s))
        self.export_button.setMenu(menu)
        bar.addWidget(self.export_button)
        self.diff_button = QPushButton(self.tr("작년과 비교"))
        self.diff_button.clicked.connect(self.compare)
        bar.addWidget(self.diff_button)
        self.registered_button = QPushButton(self.tr("등록 목록 가져오기…"))
        self.registered_button.setToolTip(
            self.tr(
                "공공데이터포털에서 내려받은 목록(CSV, xlsx)을 가져와 신규·변경·제외를 따집니다. "
                "미리 보고 확인한 뒤에만 저장합니다."
            )
        )
        self.registered_button.clicked.connect(self.choose_registered)
        bar.addWidget(self.registered_button)
        self.layout_.addLayout(bar)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the core jobs report no steps
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.layout_.addWidget(self.progress)
        # Beside the figures of the year: a stale mapping or a dataset left out of the rate.
        self.trust_note = QLabel()
        self.trust_note.setWordWrap(True)
        self.trust_note.setTextFormat(Qt.TextFormat.PlainText)
        self.trust_note.setStyleSheet(f"color: {WARNING_COLOR_HEX};")
        self.trust_note.hide()
        self.layout_.addWidget(self.trust_note)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.status)

    def _build_institution(self) -> None:
        """기관 설정 in a card that folds: open while something is missing (or asked for), a
        one-line summary otherwise, so the problem list gets the height at 1280×720."""
        frame, box = card()
        head = QHBoxLayout()
        self.institution_toggle = QToolButton()
        self.institution_toggle.setObjectName("sectionToggle")
        self.institution_toggle.setCheckable(True)
        self.institution_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.institution_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.institution_toggle.setText(self.tr("기관 설정"))
        self.institution_toggle.toggled.connect(self._show_institution)
        head.addWidget(self.institution_toggle)
        self.institution_summary = QLabel()
        self.institution_summary.setObjectName("muted")
        head.addWidget(self.institution_summary, 1)
        self.department_button = QPushButton(self.tr("부서 지정…"))
        self.department_button.setToolTip(self.tr("폴더마다 관리부서와 전화번호를 정합니다"))
        self.department_button.clicked.connect(self.edit_departments)
        head.addWidget(self.department_button)
        box.addLayout(head)
        self.institution_body = QWidget()
        body = QVBoxLayout(self.institution_body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(
            note(
                self.tr(
                    "모든 목록에 들어가는 기관 정보와 데이터셋의 기본값입니다. 관리부서는 폴더 "
                    "이름에서 정해지며 [부서 지정…]에서 바꿀 수 있습니다."
                ),
                "muted",
            )
        )
        self.institution = InstitutionForm(self.ctx)
        self.institution.saved.connect(self._institution_saved)
        body.addWidget(self.institution)
        box.addWidget(self.institution_body)
        self.layout_.addWidget(frame)
        self._institution_state()

    def _institution_state(self) -> None:
        """Folded when 기관명 and 기관코드 are set; the summary names them."""
        values = self.institution.values()
        complete = bool(values.get("name", "").strip() and values.get("code", "").strip())
        if complete:
            self.institution_summary.setText(
                self.tr("{name} ({code})").format(name=values["name"], code=values["code"])
            )
        else:
            self.institution_summary.setText(self.tr("기관명·기관코드를 입력하세요"))
        self.institution_toggle.setChecked(not complete or self.institution.is_dirty())
        self._show_institution(self.institution_toggle.isChecked())

    def _show_institution(self, shown: bool) -> None:
        self.institution_body.setVisible(shown)
        self.institution_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget()
        problems = QWidget()
        layout = QVBoxLayout(problems)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        self.problem_summary = QLabel(self.tr("아직 점검하지 않았습니다. [점검]을 누르세요."))
        top.addWidget(self.problem_summary, 1)
        self.errors_only = QCheckBox(self.tr("차단 문제만"))
        self.errors_only.toggled.connect(self._show_problems)
        top.addWidget(self.errors_only)
        layout.addLayout(top)
        self.problem_tree = ProblemTree()
        self.problem_tree.setToolTip(self.tr("두 번 누르거나 Enter: 그 항목을 엽니다"))
        self.problem_tree.activated_problem.connect(self.open_problem)
        layout.addWidget(self.problem_tree, 1)
        self.tabs.addTab(problems, self.tr("점검 결과"))

        self.snapshots = RowsModel(
            [
                Column("year", self.tr("연도")),
                Column("created_at", self.tr("고정 시각"), fmt=lambda s: s["created_at"][:16]),
                Column("created_by", self.tr("작성자")),
                Column("datasets", self.tr("데이터셋"), numeric=True),
                Column("columns", self.tr("컬럼"), numeric=True),
                Column("rate", self.tr("표준 준수율"), fmt=self._rate_text),
                Column("forced", self.tr("비고"), fmt=self._forced_text),
            ],
            self,
        )
        self.snapshot_view = table_view(self.snapshots)
        keep_widths(self.snapshot_view, "disclosure_snapshots", room=2)
        self.tabs.addTab(self.snapshot_view, self.tr("스냅샷"))

        self.diff_panel = YearDiffPanel()
        self.diff_summary, self.changes = self.diff_panel.summary, self.diff_panel.changes
        self.tabs.addTab(self.diff_panel, self.tr("전년 대비"))
        # issue 14: k over the open columns of each 공개/부분공개 list of people
        self.reident = ReidentPanel(self.ctx, self.year.value)
        self.reident.open_dataset.connect(lambda ds: self.open_metadata.emit(ds, "openness", ""))
        self.tabs.addTab(self.reident, self.tr("재식별 점검"))
        self.layout_.addWidget(self.tabs, 1)
        self._all_problems: list[dict] = []
        self.problems_shown: list[dict] = []  # in the tree's order (errors only, when ticked)

    # ------------------------------------------------------------------ formats
    def _rate_text(self, s: dict) -> str:
        return "-" if s["rate"] is None else f"{s['rate']:.1f}%"

    def _forced_text(self, s: dict) -> str:
        return self.tr("차단 문제가 있는 채 고정") if s["forced"] else ""

    # ------------------------------------------------------------------ running jobs
    def busy(self) -> bool:
        """A job runs or a validation runs or is about to (after a burst of saves), or the
        re-identification check runs."""
        pending = self._revalidate_timer.isActive() if hasattr(self, "_revalidate_timer") else False
        return self._jobs > 0 or self.check.busy() or pending or self.reident.busy()

    def _buttons(self) -> tuple:
        return (
            self.validate_button,
            self.snapshot_button,
            self.export_button,
            self.diff_button,
            self.registered_button,
            self.department_button,
        )

    def _update_buttons(self) -> None:
        """Idle and no scan: everything; a job running or a scan holding the catalog: nothing
        that would start another job (focus is kept off the text fields meanwhile)."""
        idle = self._jobs == 0 and not self.ctx.scanning
        checking = self.check.busy()
        enabled = {
            self.validate_button: idle and not checking,
            self.snapshot_button: idle and not checking and not self._year_has_snapshot(),
            self.export_button: idle,
            self.diff_button: idle,
            self.registered_button: idle,
            self.department_button: idle,
        }
        keep_focus_off_fields(self, [w for w, on in enabled.items() if not on])
        for widget, on in enabled.items():
            widget.setEnabled(on)
        self.progress.setVisible(self._jobs > 0 or checking)

    def _scan_state(self, _running: bool) -> None:
        self._update_buttons()
        if self.ctx.scanning:
            self.status.setText(self.tr("스캔 중에는 점검·스냅샷·내보내기를 할 수 없습니다."))
        elif self.status.text() == self.tr("스캔 중에는 점검·스냅샷·내보내기를 할 수 없습니다."):
            self.status.clear()

    def _run(self, message: str, job, done, failed=None, done_text: str = "") -> None:
        """Run ``job(catalog)`` on the runner with the busy bar and a status line; the busy text
        never outlives the job (``done_text`` replaces it unless ``done`` said something)."""
        self._jobs += 1
        self.status.setText(message)
        self._update_buttons()

        def finish() -> None:
            self._jobs -= 1
            if self._jobs == 0:
                self.refresh_year()  # the snapshot button depends on the year's snapshot
            self._update_buttons()

        def on_done(result) -> None:
            finish()
            done(result)
            if self.status.text() == message:
                self.status.setText(done_text)

        def on_error(exc: Exception) -> None:
            finish()
            if failed is not None and failed(exc):
                if self.status.text() == message:
                    self.status.setText(done_text)
                return
            self.status.setText(str(exc))
            dialogs.show_error(self, str(exc))

        self.ctx.runner.submit(job, on_done, on_error)

    # ------------------------------------------------------------------ year
    def _year_has_snapshot(self) -> bool:
        from catalog_app.disclosure.snapshot import has_snapshot

        return has_snapshot(self.ctx.catalog, self.year.value())

    def _year_changed(self) -> None:
        """Another year: its source, and its problems if they were shown for the last one."""
        self.refresh_year()
        if self._validated_once:
            self.validate()

    def refresh_year(self) -> None:
        """Which source the chosen year reads (snapshot or live) and the snapshot list."""
        from catalog_app.disclosure.snapshot import list_snapshots

        infos = list_snapshots(self.ctx.catalog)
        year = self.year.value()
        mine = next((i for i in infos if i.year == year), None)
        if mine is None:
            self.year_state.setText(
                self.tr("{year}년: 현재 카탈로그 기준 (스냅샷 없음)").format(year=year)
            )
        else:
            self.year_state.setText(
                self.tr("{year}년: 고정된 스냅샷 기준 ({at}, {who})").format(
                    year=year, at=mine.created_at[:16].replace("T", " "), who=mine.created_by
                )
            )
        self._update_buttons()
        self._show_trust()
        self.snapshots.set_rows(
            [
                {
                    "year": i.year,
                    "created_at": i.created_at.replace("T", " "),
                    "created_by": i.created_by,
                    "datasets": i.summary.get("datasets"),
                    "columns": i.summary.get("columns"),
                    "rate": i.summary.get("rate"),
                    "forced": i.forced,
                }
                for i in reversed(infos)
            ]
        )
        fit_columns(self.snapshot_view)

    def _show_trust(self) -> None:
        """Say why this year's 준수율 cannot be trusted (or leaves files out), if it cannot."""
        from catalog_app.matching.jobs import mapping_trust

        trust = mapping_trust(self.ctx.catalog.conn)
        lines = []
        if trust.unsuggested:
            lines.append(
                self.tr(
                    "표준용어 제안이 없는 컬럼 {n:,}개: 표준 준수율과 정의서를 믿을 수 없어 "
                    "스냅샷과 내보내기가 막힙니다. [매핑 검토]에서 제안 만들기를 실행하세요."
                ).format(n=trust.unsuggested)
            )
        if trust.excluded:
            names = ", ".join(e["path"] for e in trust.excluded[:3])
            if len(trust.excluded) > 3:
                names += " …"
            lines.append(
                self.tr("준수율에서 뺀 파일 {n}개 (글자가 깨져 읽힘): {names}").format(
                    n=len(trust.excluded), names=names
                )
            )
        self.trust_note.setText("\n".join(lines))
        self.trust_note.setToolTip("\n".join(e["reason"] for e in trust.excluded))
        self.trust_note.setVisible(bool(lines))

    def on_shown(self) -> None:
        if not self.institution.is_dirty():  # never throw away what the coordinator typed
            self.institution.load()
            self._institution_state()
        self.refresh_year()

    def edit_departments(self) -> None:
        from catalog_app.disclosure.metadata import MetadataStore
        from ui.pages.department_dialog import DepartmentDialog

        meta = MetadataStore(self.ctx.catalog)
        rows = [(d.folder, d.name, d.phone) for d in meta.departments()]
        from catalog_app.catalog.listing import dataset_folders

        folders = dataset_folders(self.ctx.catalog.conn)
        dialog = DepartmentDialog(rows, folders, self)
        if not self._accepted(dialog):
            return
        chosen = dialog.rows()

        def done(_result) -> None:
            self.status.setText(self.tr("부서 지정을 저장했습니다 ({n}개).").format(n=len(chosen)))
            self.ctx.data_changed.emit()  # department names appear in the catalog and 현황
            self.ctx.metadata_changed.emit([])  # 관리부서 of every dataset may have changed

        self._run(
            self.tr("부서 지정을 저장하는 중…"),
            lambda cat: MetadataStore(cat).replace_departments(chosen),
            done,
        )

    def _accepted(self, dialog) -> bool:
        """Run a dialog modally (tests replace this to answer it)."""
        return bool(dialog.exec())

    def _institution_saved(self) -> None:
        self.status.setText(self.tr("기관 설정을 저장했습니다."))
        self._institution_state()
        self.ctx.metadata_changed.emit([])

    # ------------------------------------------------------------------ validation
    def _metadata_changed(self, _ids: list) -> None:
        """A fix was saved somewhere (form, grid, settings): the problems follow it."""
        if self._validated_once:
            self._revalidate_timer.start()

    def _revalidate(self) -> None:
        self.validate(quiet=True)

    def validate(self, quiet: bool = False) -> None:
        """Check the year (``YearCheck``: a child process, so the window keeps its GIL, and the
        clerk's saves never queue behind it); asked again while one runs, the running one is
        cancelled and a new one follows."""
        if self._closing or self.ctx.scanning:
            return
        self.check.start(self.year.value())

    def _validation_started(self, year: int) -> None:
        message = self.tr("{year}년 목록을 점검하는 중…").format(year=year)
        self.status.setText(message)
        self.problem_summary.setText(message)
        self._update_buttons()

    def _validation_ended(self) -> None:
        if self._closing:
            return
        self._update_buttons()
        if self.check.wants_again:
            self.validate(quiet=True)

    def _validation_failed(self, message: str) -> None:
        if self._closing:
            return
        self.status.setText(self.tr("점검하지 못했습니다: {e}").format(e=message))
        self.problem_summary.setText(self.status.text())

    def _validated(self, result) -> None:
        if self._closing:
            return
        year, source, problems = result
        if year != self.year.value():
            self.check.again()  # the year changed meanwhile: its own check follows
            return
        self._validated_once = True
        self._all_problems = problems
        errors = sum(1 for p in problems if p["severity"] == "error")
        warnings = len(problems) - errors
        where = self.tr("스냅샷") if source == "snapshot" else self.tr("현재 카탈로그")
        if not problems:
            text = self.tr("{year}년: 문제가 없습니다 ({where}). 내보낼 수 있습니다.").format(
                year=year, where=where
            )
        else:
            text = self.tr("{year}년: 차단 {errors}건 · 경고 {warnings}건 ({where})").format(
                year=year, errors=errors, warnings=warnings, where=where
            )
        self.problem_summary.setText(text)
        self.status.setText(text)
        self._show_problems()
        if not self.institution_toggle.isChecked() and any(
            p["level"] == "institution" for p in problems
        ):
            self.institution_toggle.setChecked(True)
        self.problems_changed.emit(list(self.problems_shown))

    def _show_problems(self) -> None:
        rows = self._all_problems
        if self.errors_only.isChecked():
            rows = [p for p in rows if p["severity"] == "error"]
        self.problem_tree.set_problems(rows)
        self.problems_shown = self.problem_tree.ordered()

    def open_problem(self, p: dict | int | None) -> None:
        """Jump to the field a problem is about: the institution form here, a dataset's field
        on the 공개 항목 page (with 다음/이전 문제 over this list)."""
        if isinstance(p, int):  # a position in the list as shown
            p = self.problems_shown[p] if 0 <= p < len(self.problems_shown) else None
        if p is None:
            return
        if p["level"] == "institution":
            self.institution_toggle.setChecked(True)
            self.institution.focus(p["field"])
            return
        if p["dataset_id"] is not None:
            self.open_metadata.emit(int(p["dataset_id"]), p["field"] or "", p["column"] or "")
            self.open_problem_requested.emit(p, list(self.problems_shown))

    def shutdown(self) -> None:
        self._closing = True
        self.reident.shutdown()
        self._revalidate_timer.stop()
        self.check.shutdown()

    # ------------------------------------------------------------------ snapshot, export, diff
    def take_snapshot(self) -> None:
        self.outputs.take_snapshot()

    def export(self, kind: str, suffix: str | None = None) -> None:
        self.outputs.export(kind, suffix)

    def compare(self) -> None:
        self.outputs.compare()

    # ------------------------------------------------------------------ registered list
    def choose_registered(self) -> None:
        start = Path(self.ctx.settings.last_export_dir or Path.home())
        target, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("포털에서 내려받은 등록 목록"),
            str(start),
            self.tr("목록 파일 (*.csv *.xlsx *.xls *.txt);;모든 파일 (*)"),
        )
        if target:
            self.import_registered(Path(target))

    def import_registered(self, path: Path) -> None:
        """Preview ``path`` on the runner, ask in a dialog, then write what was confirmed."""
        from ui.pages.registered_dialog import run_import

        run_import(self, path)
