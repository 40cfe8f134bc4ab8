"""The 품질진단 page's results: rates by department and dataset, a dataset's findings (one rule
on one column) with the rule, its formula and masked error samples, and the 조치 완료 / 예외 marks
(written on the task runner through ``quality.store.FixLog``; ``changed`` asks for a reload)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from ui import dialogs
from ui.models import ERROR_COLOR, MUTED_COLOR, Column, RowsModel
from ui.pages import quality_dialogs
from ui.pages.base import note, section_title, table_view


def pct(rate) -> str:
    return "-" if rate is None else f"{rate:.2f}%"


def set_widths(view, widths) -> None:
    for i, width in enumerate(widths):
        view.setColumnWidth(i, width)


class ResultsPanel(QWidget):
    changed = Signal()  # a mark was written or undone

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: dict | None = None
        self.department: str | None = None  # the department the dataset list is narrowed to
        self.departments = RowsModel(
            [
                Column("department", self.tr("부서")),
                Column("datasets", self.tr("데이터셋"), numeric=True),
                Column("checked", self.tr("점검 값"), numeric=True),
                Column("errors", self.tr("오류 값"), numeric=True),
                Column(
                    "error_rate", self.tr("오류율"), lambda r: pct(r["error_rate"]), numeric=True
                ),
            ],
            self,
        )
        self.datasets = RowsModel(
            [
                Column("path", self.tr("파일")),
                Column("department", self.tr("부서")),
                Column(
                    "error_rate", self.tr("오류율"), self._dataset_rate, True, self._dataset_color
                ),
                Column("checked", self.tr("점검 값"), numeric=True),
                Column("errors", self.tr("오류 값"), numeric=True),
                Column("provision_standard", self.tr("제공표준")),
                Column("conformance", self.tr("준수율"), self._conformance, numeric=True),
            ],
            self,
        )
        self.findings = RowsModel(
            [
                Column("column", self.tr("컬럼")),
                Column("rule_name", self.tr("규칙")),
                Column("checked", self.tr("점검"), numeric=True),
                Column("errors", self.tr("오류"), self._finding_errors, True, self._finding_color),
                Column(
                    "error_rate", self.tr("오류율"), lambda r: pct(r["error_rate"]), numeric=True
                ),
                Column("fix", self.tr("조치"), self._fix_text),
            ],
            self,
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._build_rates())
        split.addWidget(self._build_findings())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._update_buttons()

    # ------------------------------------------------------------------ layout
    def _build_rates(self) -> QWidget:
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(section_title(self.tr("부서별")))
        self.department_view = table_view(self.departments)
        self.department_view.setMaximumHeight(130)
        self.department_view.selectionModel().currentRowChanged.connect(self._department_changed)
        box.addWidget(self.department_view)
        heading = QHBoxLayout()
        self.datasets_title = section_title(self.tr("데이터셋별"))
        heading.addWidget(self.datasets_title)
        heading.addStretch(1)
        self.all_button = QPushButton(self.tr("모든 부서"))
        self.all_button.clicked.connect(lambda: self.show_department(None))
        heading.addWidget(self.all_button)
        box.addLayout(heading)
        self.dataset_view = table_view(self.datasets)
        self.dataset_view.setObjectName("qualityDatasets")
        self.dataset_view.selectionModel().currentRowChanged.connect(self._dataset_changed)
        box.addWidget(self.dataset_view, 1)
        set_widths(self.department_view, (110, 70, 80, 70, 70))
        set_widths(self.dataset_view, (200, 90, 70, 70, 60, 100, 60))
        return left

    def _build_findings(self) -> QWidget:
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        self.dataset_title = section_title(self.tr("진단 결과"))
        box.addWidget(self.dataset_title)
        self.provision_note = note("")
        box.addWidget(self.provision_note)
        self.finding_view = table_view(self.findings)
        self.finding_view.setObjectName("qualityFindings")
        self.finding_view.selectionModel().currentRowChanged.connect(self._finding_changed)
        box.addWidget(self.finding_view, 1)
        set_widths(self.finding_view, (110, 110, 60, 60, 70, 70))
        self.detail = note("")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.detail)
        actions = QHBoxLayout()
        self.fixed_button = QPushButton(self.tr("조치 완료…"))
        self.fixed_button.clicked.connect(lambda: self.mark_selected("fixed"))
        self.exception_button = QPushButton(self.tr("예외…"))
        self.exception_button.clicked.connect(lambda: self.mark_selected("exception"))
        self.unmark_button = QPushButton(self.tr("조치 되돌리기"))
        self.unmark_button.clicked.connect(self.unmark_selected)
        for button in (self.fixed_button, self.exception_button, self.unmark_button):
            actions.addWidget(button)
        actions.addStretch(1)
        box.addLayout(actions)
        return right

    # ------------------------------------------------------------------ formats
    def _dataset_rate(self, r: dict) -> str:
        if r["status"] != "ok":
            return {
                "failed": self.tr("읽지 못함"),
                "excluded": self.tr("제외"),
                "skipped": self.tr("건너뜀"),
            }.get(r["status"], r["status"])
        return pct(r["error_rate"])

    def _dataset_color(self, r: dict):
        if r["status"] != "ok":
            return MUTED_COLOR
        return ERROR_COLOR if r["errors"] else None

    def _conformance(self, r: dict) -> str:
        return "" if r["conformance"] is None else f"{r['conformance']:.1f}%"

    def _finding_errors(self, r: dict) -> str:
        return self.tr("실행 못 함") if r["status"] != "ok" else f"{r['errors']:,}"

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

    # ------------------------------------------------------------------ data
    def show_data(self, data: dict) -> None:
        """New results; the department and the dataset shown stay selected."""
        current = self.current_dataset_id()
        self.data = data
        self.departments.set_rows(data["departments"])
        self._fill_datasets()
        self.select_dataset(current)

    def _fill_datasets(self) -> None:
        rows = self.data["datasets"] if self.data else []
        if self.department is not None:
            rows = [d for d in rows if d["department"] == self.department]
            self.datasets_title.setText(
                self.tr("데이터셋별 — {department}").format(department=self.department)
            )
        else:
            self.datasets_title.setText(self.tr("데이터셋별"))
        self.all_button.setEnabled(self.department is not None)
        self.datasets.set_rows(rows)

    def show_department(self, department: str | None) -> None:
        """Narrow the dataset list to one department (None: every department)."""
        self.department = department
        if department is None:
            self.department_view.clearSelection()
        self._fill_datasets()
        self.select_dataset(None)

    def _department_changed(self, current, _previous) -> None:
        row = self.departments.row(current.row())
        if row is not None and row["department"] != self.department:
            self.show_department(row["department"])

    def current_dataset_id(self) -> int | None:
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
            self._update_buttons()
            return
        self.dataset_title.setText(self.tr("진단 결과 — {path}").format(path=dataset["path"]))
        rows = [
            f
            for f in self.data["findings"]
            if f["dataset_id"] == dataset["dataset_id"]
            and (f["errors"] or f["status"] != "ok" or f["fix"])
        ]
        self.findings.set_rows(rows)
        lines = [dataset["formula"]] if dataset["status"] == "ok" else [dataset["message"] or ""]
        lines += self._provision_lines(dataset["provision"])
        if not rows and dataset["status"] == "ok":
            lines.append(self.tr("오류가 있는 규칙이 없습니다."))
        self.provision_note.setText("\n".join(lines))
        if rows:
            self.finding_view.selectRow(0)
            self._show_finding(rows[0])
        else:
            self.detail.setText("")
        self._update_buttons()

    def _provision_lines(self, p: dict | None) -> list[str]:
        if not p:
            return []
        lines = [
            self.tr("제공표준 '{name}' 준수율 {rate:.1f}%: {formula}").format(
                name=p["name"], rate=p["conformance"], formula=p["formula"]
            )
        ]
        parts = []
        if p["missing"]:
            parts.append(self.tr("없는 항목: {items}").format(items=", ".join(p["missing"])))
        if p["extra"]:
            parts.append(self.tr("추가 항목: {items}").format(items=", ".join(p["extra"])))
        if p["renamed"]:
            renamed = ", ".join(f"{r['label']}→{r['item']}" for r in p["renamed"])
            parts.append(self.tr("이름이 다른 항목: {items}").format(items=renamed))
        if p["reordered"]:
            parts.append(
                self.tr("순서가 다른 항목: {items}").format(items=", ".join(p["reordered"]))
            )
        if parts:
            lines.append(" · ".join(parts))
        return lines

    def _finding_changed(self, current, _previous) -> None:
        self._show_finding(self.findings.row(current.row()))
        self._update_buttons()

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
                )
            )
        self.detail.setText("\n".join(lines))

    def _update_buttons(self) -> None:
        f = self.selected_finding()
        markable = f is not None and f["status"] == "ok" and not f.get("fix")
        self.fixed_button.setEnabled(markable)
        self.exception_button.setEnabled(markable)
        self.unmark_button.setEnabled(f is not None and bool(f.get("fix")))

    # ------------------------------------------------------------------ marks
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

        self.ctx.runner.submit(job, lambda _id: self.changed.emit(), self._failed)

    def unmark_selected(self) -> None:
        f = self.selected_finding()
        if f is not None and f.get("fix"):
            undo_fix(self.ctx, f["fix"]["id"], self.changed.emit, self._failed)

    def _failed(self, exc: Exception) -> None:
        dialogs.show_error(self, str(exc))
        self.changed.emit()


def undo_fix(ctx, fix_id: int, done, failed) -> None:
    """Undo a fix-log mark on the task runner."""

    def job(catalog):
        from catalog_app.quality.store import FixLog

        return FixLog(catalog).undo(fix_id)

    ctx.runner.submit(job, lambda _row: done(), failed)
