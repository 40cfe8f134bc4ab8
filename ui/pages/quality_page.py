"""품질진단: value error rates of every column, 제공표준 conformance, business rules, the fix log.

The run (``quality.job.run_quality``) reads every file again on a thread of its own with a
progress bar and Cancel (``quality_jobs.QualityJob``); the stored results, the rules and the fix
log are read and written on the task runner (never SQL here: ``quality.report``, ``business``,
``store``). Rates are shown with their formulas, by department and dataset; a dataset drills down
to its findings (one rule on one column), a finding to its masked error samples, and a finding
is marked 조치 완료 / 예외 with a reason (undoable). Rules that could not run say why.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.context import AppContext
from ui.models import ERROR_COLOR, MUTED_COLOR, Column, RowsModel
from ui.pages import quality_dialogs
from ui.pages.base import Page, card, note, section_title, table_view
from ui.pages.quality_jobs import QualityJob
from ui.workers import retire_job, start_in_thread

log = logging.getLogger(__name__)


def _pct(rate) -> str:
    return "-" if rate is None else f"{rate:.2f}%"


def _widths(view, widths) -> None:
    for i, width in enumerate(widths):
        view.setColumnWidth(i, width)


class QualityPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("품질진단"), parent)
        self._job: QualityJob | None = None
        self._thread: QThread | None = None
        self._closing = False
        self._loading = False
        self._load_again = False
        self.data: dict | None = None  # the last report.show() result
        self.rules: list[dict] = []
        self.history: list[dict] = []
        self.last_summary = None
        self._build_top()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_results(), self.tr("데이터셋"))
        self.tabs.addTab(self._build_rule_rates(), self.tr("규칙별"))
        self.tabs.addTab(self._build_rules(), self.tr("업무 규칙"))
        self.tabs.addTab(self._build_history(), self.tr("조치 이력"))
        self.layout_.addWidget(self.tabs, 1)
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
        self.run_button.clicked.connect(self.start_run)
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

    def _build_results(self) -> QWidget:
        t = self.tr
        self.departments = RowsModel(
            [
                Column("department", t("부서")),
                Column("datasets", t("데이터셋"), numeric=True),
                Column("checked", t("점검 값"), numeric=True),
                Column("errors", t("오류 값"), numeric=True),
                Column("error_rate", t("오류율"), lambda r: _pct(r["error_rate"]), numeric=True),
            ],
            self,
        )
        self.datasets = RowsModel(
            [
                Column("path", t("파일")),
                Column("department", t("부서")),
                Column(
                    "error_rate",
                    t("오류율"),
                    self._dataset_rate,
                    numeric=True,
                    color=self._dataset_color,
                ),
                Column("checked", t("점검 값"), numeric=True),
                Column("errors", t("오류 값"), numeric=True),
                Column("provision_standard", t("제공표준")),
                Column("conformance", t("준수율"), self._conformance, numeric=True),
            ],
            self,
        )
        self.findings = RowsModel(
            [
                Column("column", t("컬럼")),
                Column("rule_name", t("규칙")),
                Column("checked", t("점검"), numeric=True),
                Column(
                    "errors",
                    t("오류"),
                    self._finding_errors,
                    numeric=True,
                    color=self._finding_color,
                ),
                Column("error_rate", t("오류율"), lambda r: _pct(r["error_rate"]), numeric=True),
                Column("fix", t("조치"), self._fix_text),
            ],
            self,
        )
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(section_title(t("부서별")))
        self.department_view = table_view(self.departments)
        self.department_view.setMaximumHeight(130)
        left_box.addWidget(self.department_view)
        left_box.addWidget(section_title(t("데이터셋별")))
        self.dataset_view = table_view(self.datasets)
        self.dataset_view.setObjectName("qualityDatasets")
        self.dataset_view.selectionModel().currentRowChanged.connect(self._dataset_changed)
        left_box.addWidget(self.dataset_view, 1)
        _widths(self.department_view, (110, 70, 80, 70, 70))
        _widths(self.dataset_view, (200, 90, 70, 70, 60, 100, 60))
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.dataset_title = section_title(t("진단 결과"))
        right_box.addWidget(self.dataset_title)
        self.provision_note = note("")
        right_box.addWidget(self.provision_note)
        self.finding_view = table_view(self.findings)
        self.finding_view.setObjectName("qualityFindings")
        self.finding_view.selectionModel().currentRowChanged.connect(self._finding_changed)
        right_box.addWidget(self.finding_view, 1)
        _widths(self.finding_view, (110, 110, 60, 60, 70, 70))
        self.detail = note("")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_box.addWidget(self.detail)
        actions = QHBoxLayout()
        self.fixed_button = QPushButton(t("조치 완료…"))
        self.fixed_button.clicked.connect(lambda: self.mark_selected("fixed"))
        self.exception_button = QPushButton(t("예외…"))
        self.exception_button.clicked.connect(lambda: self.mark_selected("exception"))
        self.unmark_button = QPushButton(t("조치 되돌리기"))
        self.unmark_button.clicked.connect(self.unmark_selected)
        for button in (self.fixed_button, self.exception_button, self.unmark_button):
            actions.addWidget(button)
        actions.addStretch(1)
        right_box.addLayout(actions)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 560])
        return split

    def _build_rule_rates(self) -> QWidget:
        t = self.tr
        self.rule_rates = RowsModel(
            [
                Column("rule_name", t("규칙")),
                Column(
                    "severity",
                    t("구분"),
                    lambda r: t("경고(참고)") if r["severity"] == "warning" else t("오류"),
                ),
                Column("columns", t("컬럼 수"), numeric=True),
                Column("checked", t("점검 값"), numeric=True),
                Column("errors", t("오류 값"), numeric=True),
                Column("error_rate", t("오류율"), lambda r: _pct(r["error_rate"]), numeric=True),
                Column("formula", t("계산식")),
            ],
            self,
        )
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(
            note(
                t(
                    "규칙마다 모든 파일에서 점검한 값과 오류 값을 더한 것입니다. 한 값이 여러 규칙에 걸리면 규칙마다 셉니다."
                )
            )
        )
        box.addWidget(table_view(self.rule_rates), 1)
        return page

    def _build_rules(self) -> QWidget:
        t = self.tr
        self.rule_list = RowsModel(
            [
                Column("id", t("번호"), numeric=True),
                Column("scope", t("범위"), self._scope_text),
                Column("description", t("규칙")),
                Column("name", t("이름")),
                Column("created_by", t("만든 사람")),
                Column(
                    "created_at", t("만든 때"), lambda r: r["created_at"][:16].replace("T", " ")
                ),
                Column(
                    "problems",
                    t("실행할 수 없는 사유"),
                    lambda r: " ".join(r["problems"]),
                    color=lambda r: ERROR_COLOR,
                ),
            ],
            self,
        )
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(
            note(
                t(
                    "데이터셋이나 표준용어마다 업무 규칙을 더합니다: 두 컬럼 비교(인허가일자 ≤ 폐업일자), "
                    "조건(CCTV설치여부 = N ⇒ CCTV설치대수 = 0), 정규식, 허용값, 숫자 범위, 중복 불가. "
                    "실행할 수 없는 규칙은 사유를 보여 주고 다른 규칙은 그대로 진단합니다."
                )
            )
        )
        self.rule_view = table_view(self.rule_list)
        self.rule_view.setObjectName("qualityRules")
        box.addWidget(self.rule_view, 1)
        row = QHBoxLayout()
        self.add_rule_button = QPushButton(t("규칙 추가…"))
        self.add_rule_button.clicked.connect(self.add_rule)
        self.edit_rule_button = QPushButton(t("수정…"))
        self.edit_rule_button.clicked.connect(self.edit_rule)
        self.delete_rule_button = QPushButton(t("삭제"))
        self.delete_rule_button.clicked.connect(self.delete_rule)
        self.undo_rule_button = QPushButton(t("되돌리기"))
        self.undo_rule_button.clicked.connect(self.undo_rule)
        for button in (
            self.add_rule_button,
            self.edit_rule_button,
            self.delete_rule_button,
            self.undo_rule_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return page

    def _build_history(self) -> QWidget:
        t = self.tr
        self.history_model = RowsModel(
            [
                Column("at", t("일시"), lambda r: r["at"][:16].replace("T", " ")),
                Column("who", t("담당")),
                Column("action_name", t("조치"), self._action_text),
                Column("path", t("파일")),
                Column("column", t("컬럼")),
                Column("rule_name", t("규칙")),
                Column("reason", t("사유")),
                Column("errors_before", t("조치 전"), numeric=True),
                Column("errors_after", t("최근 진단"), self._after_text, numeric=True),
            ],
            self,
        )
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(
            note(
                t(
                    "조치 전 오류 수는 표시할 때의 진단 결과이고, 최근 진단은 파일을 고쳐 다시 스캔하고 "
                    "진단한 뒤의 오류 수입니다. 평가 자료로 보고서(조치 이력 시트)에 그대로 나갑니다."
                )
            )
        )
        self.history_view = table_view(self.history_model)
        box.addWidget(self.history_view, 1)
        row = QHBoxLayout()
        self.undo_fix_button = QPushButton(t("선택한 조치 되돌리기"))
        self.undo_fix_button.clicked.connect(self.undo_history_selected)
        row.addWidget(self.undo_fix_button)
        row.addStretch(1)
        box.addLayout(row)
        return page

    # ------------------------------------------------------------------ formats
    def _dataset_rate(self, r: dict) -> str:
        if r["status"] != "ok":
            return {
                "failed": self.tr("읽지 못함"),
                "excluded": self.tr("제외"),
                "skipped": self.tr("건너뜀"),
            }.get(r["status"], r["status"])
        return _pct(r["error_rate"])

    def _dataset_color(self, r: dict):
        if r["status"] != "ok":
            return MUTED_COLOR
        return ERROR_COLOR if r["errors"] else None

    def _conformance(self, r: dict) -> str:
        return "" if r["conformance"] is None else f"{r['conformance']:.1f}%"

    def _finding_errors(self, r: dict) -> str:
        if r["status"] != "ok":
            return self.tr("실행 못 함")
        return f"{r['errors']:,}"

    def _finding_color(self, r: dict):
        if r["status"] != "ok":
            return ERROR_COLOR
        if r["severity"] == "warning":
            return MUTED_COLOR
        return ERROR_COLOR if r["errors"] else None

    def _fix_text(self, r: dict) -> str:
        fix = r.get("fix")
        if not fix:
            return ""
        return self.tr("조치 완료") if fix["action"] == "fixed" else self.tr("예외")

    def _action_text(self, r: dict) -> str:
        name = {
            "fixed": self.tr("조치 완료"),
            "exception": self.tr("예외"),
            "undo": self.tr("되돌림"),
        }.get(r["action"], r["action"])
        return name + (self.tr(" (되돌림)") if r["undone"] else "")

    def _after_text(self, r: dict) -> str:
        return "" if r["errors_after"] is None else f"{r['errors_after']:,}"

    def _scope_text(self, r: dict) -> str:
        if r["scope"] == "term":
            return self.tr("용어: {term}").format(term=r["term_name"])
        return self.tr("데이터셋 #{id}").format(id=r["dataset_id"])

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
        self.data, self.rules, self.history = result
        current = self._current_dataset_id()
        inst = self.data["institution"]
        run = self.data["run"]
        if run is None:
            self.rate_value.setText("-")
            self.rate_formula.setText(self.tr("아직 진단하지 않았습니다. [진단 실행]을 누르세요."))
            self.run_info.setText("")
        else:
            self.rate_value.setText(_pct(inst["error_rate"]))
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
        self.departments.set_rows(self.data["departments"])
        self.datasets.set_rows(self.data["datasets"])
        self.rule_rates.set_rows(self.data["rules"])
        self.rule_list.set_rows(self.rules)
        self.history_model.set_rows(self.history)
        self.select_dataset(current)

    def _load_failed(self, exc: Exception) -> None:
        self._loading = self._load_again = False
        if not self._closing:
            self.rate_formula.setText(self.tr("진단 결과를 읽지 못했습니다: {e}").format(e=exc))

    def _current_dataset_id(self) -> int | None:
        row = self.datasets.row(self.dataset_view.currentIndex().row())
        return row["dataset_id"] if row else None

    def select_dataset(self, dataset_id: int | None) -> None:
        rows = self.datasets.rows()
        index = next(
            (i for i, r in enumerate(rows) if r["dataset_id"] == dataset_id), 0 if rows else -1
        )
        if index >= 0:
            self.dataset_view.selectRow(index)
        self._show_dataset(self.datasets.row(index) if index >= 0 else None)

    def _dataset_changed(self, current, _previous) -> None:
        self._show_dataset(self.datasets.row(current.row()))

    def _show_dataset(self, dataset: dict | None) -> None:
        if dataset is None or self.data is None:
            self.findings.set_rows([])
            self.dataset_title.setText(self.tr("진단 결과"))
            self.provision_note.setText("")
            self.detail.setText("")
            self._update_fix_buttons()
            return
        self.dataset_title.setText(self.tr("진단 결과 — {path}").format(path=dataset["path"]))
        rows = [
            f
            for f in self.data["findings"]
            if f["dataset_id"] == dataset["dataset_id"]
            and (f["errors"] or f["status"] != "ok" or f["fix"])
        ]
        self.findings.set_rows(rows)
        lines = [dataset["formula"]]
        if dataset["status"] != "ok":
            lines = [dataset["message"] or ""]
        p = dataset["provision"]
        if p:
            lines.append(
                self.tr("제공표준 '{name}' 준수율 {rate:.1f}%: {formula}").format(
                    name=p["name"], rate=p["conformance"], formula=p["formula"]
                )
            )
            parts = []
            if p["missing"]:
                parts.append(self.tr("없는 항목: {items}").format(items=", ".join(p["missing"])))
            if p["extra"]:
                parts.append(self.tr("추가 항목: {items}").format(items=", ".join(p["extra"])))
            if p["renamed"]:
                parts.append(
                    self.tr("이름이 다른 항목: {items}").format(
                        items=", ".join(f"{r['label']}→{r['item']}" for r in p["renamed"])
                    )
                )
            if p["reordered"]:
                parts.append(
                    self.tr("순서가 다른 항목: {items}").format(items=", ".join(p["reordered"]))
                )
            if parts:
                lines.append(" · ".join(parts))
        if not rows and dataset["status"] == "ok":
            lines.append(self.tr("오류가 있는 규칙이 없습니다."))
        self.provision_note.setText("\n".join(lines))
        if rows:
            self.finding_view.selectRow(0)
            self._show_finding(rows[0])
        else:
            self.detail.setText("")
        self._update_fix_buttons()

    def _finding_changed(self, current, _previous) -> None:
        self._show_finding(self.findings.row(current.row()))
        self._update_fix_buttons()

    def selected_finding(self) -> dict | None:
        return self.findings.row(self.finding_view.currentIndex().row())

    def _show_finding(self, f: dict | None) -> None:
        if f is None:
            self.detail.setText("")
            return
        if f["status"] != "ok":
            self.detail.setText(
                self.tr("이 규칙은 실행하지 못했습니다: {message}").format(message=f["message"])
            )
            return
        lines = [
            self.tr("{column} · {rule}: {detail}").format(
                column=f["column"] or "-", rule=f["rule_name"], detail=f["detail"]
            ),
            f["formula"],
        ]
        if f["severity"] == "warning":
            lines.append(self.tr("경고(참고): 오류율에 넣지 않습니다 (목록이 완전하지 않음)."))
        if f["samples"]:
            lines.append(
                self.tr("오류 예 (개인정보는 가림): {samples}").format(
                    samples=", ".join(f["samples"])
                )
            )
        fix = f["fix"]
        if fix:
            lines.append(
                self.tr("{action} — {reason} ({who}, {at}, 표시할 때 오류 {n:,}건)").format(
                    action=self._fix_text(f),
                    reason=fix["reason"],
                    who=fix["who"],
                    at=fix["at"][:16].replace("T", " "),
                    n=fix["errors_before"] or 0,
                )  # fmt: skip
            )
        self.detail.setText("\n".join(lines))

    def _update_fix_buttons(self) -> None:
        f = self.selected_finding()
        markable = f is not None and f["status"] == "ok" and not f.get("fix")
        self.fixed_button.setEnabled(markable)
        self.exception_button.setEnabled(markable)
        self.unmark_button.setEnabled(f is not None and bool(f.get("fix")))

    # ------------------------------------------------------------------ fix log
    def mark_selected(self, action: str) -> None:
        f = self.selected_finding()
        if f is None:
            return
        title = self.tr("조치 완료") if action == "fixed" else self.tr("예외")
        reason = quality_dialogs.ask_fix_reason(
            self,
            title,
            self.tr(
                "{column} · {rule} ({n:,}건)을(를) '{title}'(으)로 표시합니다. 사유를 적으세요."
            ).format(column=f["column"] or "-", rule=f["rule_name"], n=f["errors"], title=title),
        )
        if reason is None:
            return
        finding_id = f["id"]

        def job(catalog):
            from catalog_app.quality.store import FixLog

            return FixLog(catalog).mark(finding_id, action, reason)

        self.ctx.runner.submit(job, lambda _id: self.reload(), self._edit_failed)

    def unmark_selected(self) -> None:
        f = self.selected_finding()
        if f is None or not f.get("fix"):
            return
        self._undo_fix(f["fix"]["id"])

    def undo_history_selected(self) -> None:
        row = self.history_model.row(self.history_view.currentIndex().row())
        if row is None or row["action"] == "undo" or row["undone"]:
            return
        self._undo_fix(row["id"])

    def _undo_fix(self, fix_id: int) -> None:
        def job(catalog):
            from catalog_app.quality.store import FixLog

            return FixLog(catalog).undo(fix_id)

        self.ctx.runner.submit(job, lambda _row: self.reload(), self._edit_failed)

    def _edit_failed(self, exc: Exception) -> None:
        dialogs.show_error(self, str(exc))
        self.reload()

    # ------------------------------------------------------------------ rules
    def _rule_choices(self):
        from catalog_app.catalog.queries import dataset_detail, list_datasets

        datasets = [
            {"id": d["id"], "rel_path": d["folder"] + "/" + d["name"] if d["folder"] else d["name"]}
            for d in list_datasets(self.ctx.catalog, "ok")
        ]

        def columns_of(dataset_id: int) -> list[str]:
            detail = dataset_detail(self.ctx.catalog, dataset_id) or {"tables": []}
            return [c["label"] for t in detail["tables"] for c in t["columns"]]

        return datasets, columns_of

    def selected_rule(self) -> dict | None:
        return self.rule_list.row(self.rule_view.currentIndex().row())

    def add_rule(self) -> None:
        datasets, columns_of = self._rule_choices()
        values = quality_dialogs.ask_rule(self, datasets, columns_of)
        if values is None:
            return

        def job(catalog):
            from catalog_app.quality.business import RuleBook

            return (
                RuleBook(catalog)
                .add(
                    values["scope"],
                    values["kind"],
                    values["spec"],
                    dataset_id=values["dataset_id"],
                    term_name=values["term_name"],
                    name=values["name"],
                )
                .as_dict()
            )

        self.ctx.runner.submit(job, lambda _r: self.reload(), self._edit_failed)

    def edit_rule(self) -> None:
        rule = self.selected_rule()
        if rule is None:
            return
        datasets, columns_of = self._rule_choices()
        values = quality_dialogs.ask_rule(self, datasets, columns_of, rule)
        if values is None:
            return
        rule_id = rule["id"]

        def job(catalog):
            from catalog_app.quality.business import RuleBook

            return RuleBook(catalog).edit(
                rule_id, spec=values["spec"], name=values["name"], kind=values["kind"]
            )

        self.ctx.runner.submit(job, lambda _r: self.reload(), self._edit_failed)

    def delete_rule(self) -> None:
        rule = self.selected_rule()
        if rule is None:
            return
        rule_id = rule["id"]

        def job(catalog):
            from catalog_app.quality.business import RuleBook

            return RuleBook(catalog).delete(rule_id)

        self.ctx.runner.submit(job, lambda _r: self.reload(), self._edit_failed)

    def undo_rule(self) -> None:
        def job(catalog):
            from catalog_app.quality.business import RuleBook

            return RuleBook(catalog).undo()

        self.ctx.runner.submit(job, lambda _r: self.reload(), self._edit_failed)

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
        if self._closing or event.kind != "file":
            return
        self.progress.setRange(0, max(event.total, 1))
        self.progress.setValue(event.done)
        self.run_state.setText(
            self.tr("{done:,} / {total:,} 파일 — {path}").format(
                done=event.done, total=event.total, path=event.path or ""
            )
        )

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
