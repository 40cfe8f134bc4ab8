"""The 품질진단 page's other tabs: rates per rule, the business-rule editor and the fix log.

Edits run on the task runner through the core (``quality.business.RuleBook``,
``quality.store.FixLog``); each panel's ``changed`` signal asks the page to read again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui import dialogs
from ui.models import ERROR_COLOR, Column, RowsModel
from ui.pages import quality_dialogs
from ui.pages.base import note, table_view
from ui.pages.quality_results import pct, undo_fix


def _when(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ")


class RuleRatesPanel(QWidget):
    """Each rule over the whole institution: values checked, errors, rate and formula."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = RowsModel(
            [
                Column("rule_name", self.tr("규칙")),
                Column("severity", self.tr("구분"), self._severity),
                Column("columns", self.tr("컬럼 수"), numeric=True),
                Column("checked", self.tr("점검 값"), numeric=True),
                Column("errors", self.tr("오류 값"), numeric=True),
                Column(
                    "error_rate", self.tr("오류율"), lambda r: pct(r["error_rate"]), numeric=True
                ),
                Column("formula", self.tr("계산식")),
            ],
            self,
        )
        box = QVBoxLayout(self)
        box.addWidget(
            note(
                self.tr(
                    "규칙마다 모든 파일에서 점검한 값과 오류 값을 더한 것입니다. "
                    "한 값이 여러 규칙에 걸리면 규칙마다 셉니다."
                )
            )
        )
        box.addWidget(table_view(self.model), 1)

    def _severity(self, r: dict) -> str:
        return self.tr("경고(참고)") if r["severity"] == "warning" else self.tr("오류")


class RulesPanel(QWidget):
    """Business rules: add, edit, delete and undo, with who and when and why one cannot run."""

    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(
            [
                Column("id", self.tr("번호"), numeric=True),
                Column("scope", self.tr("범위"), self._scope),
                Column("description", self.tr("규칙")),
                Column("name", self.tr("이름")),
                Column("created_by", self.tr("만든 사람")),
                Column("created_at", self.tr("만든 때"), lambda r: _when(r["created_at"])),
                Column(
                    "problems",
                    self.tr("실행할 수 없는 사유"),
                    lambda r: " ".join(r["problems"]),
                    color=lambda r: ERROR_COLOR,
                ),
            ],
            self,
        )
        box = QVBoxLayout(self)
        box.addWidget(
            note(
                self.tr(
                    "데이터셋이나 표준용어마다 업무 규칙을 더합니다: 두 컬럼 비교(인허가일자 ≤ "
                    "폐업일자), 조건(CCTV설치여부 = N ⇒ CCTV설치대수 = 0), 정규식, 허용값, 숫자 범위, "
                    "중복 불가. 실행할 수 없는 규칙은 사유를 보여 주고 다른 규칙은 그대로 진단합니다."
                )
            )
        )
        self.view = table_view(self.model)
        self.view.setObjectName("qualityRules")
        box.addWidget(self.view, 1)
        row = QHBoxLayout()
        buttons = (
            (self.tr("규칙 추가…"), self.add_rule),
            (self.tr("수정…"), self.edit_rule),
            (self.tr("삭제"), self.delete_rule),
            (self.tr("되돌리기"), self.undo_rule),
        )
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)

    def _scope(self, r: dict) -> str:
        if r["scope"] == "term":
            return self.tr("용어: {term}").format(term=r["term_name"])
        return self.tr("데이터셋 #{id}").format(id=r["dataset_id"])

    def show_rules(self, rules: list[dict]) -> None:
        self.model.set_rows(rules)

    def selected(self) -> dict | None:
        return self.model.row(self.view.currentIndex().row())

    def choices(self):
        """(readable datasets, a dataset id -> its column labels), for the editor."""
        from catalog_app.catalog.queries import dataset_detail, list_datasets

        datasets = [
            {"id": d["id"], "rel_path": f"{d['folder']}/{d['name']}" if d["folder"] else d["name"]}
            for d in list_datasets(self.ctx.catalog, "ok")
        ]

        def columns_of(dataset_id: int) -> list[str]:
            detail = dataset_detail(self.ctx.catalog, dataset_id) or {"tables": []}
            return [c["label"] for t in detail["tables"] for c in t["columns"]]

        return datasets, columns_of

    def _submit(self, job) -> None:
        self.ctx.runner.submit(job, lambda _r: self.changed.emit(), self._failed)

    def _failed(self, exc: Exception) -> None:
        dialogs.show_error(self, str(exc))
        self.changed.emit()

    def add_rule(self) -> None:
        values = quality_dialogs.ask_rule(self, *self.choices())
        if values is None:
            return

        def job(catalog):
            from catalog_app.quality.business import RuleBook

            rule = RuleBook(catalog).add(
                values["scope"],
                values["kind"],
                values["spec"],
                dataset_id=values["dataset_id"],
                term_name=values["term_name"],
                name=values["name"],
            )
            return rule.as_dict()

        self._submit(job)

    def edit_rule(self) -> None:
        rule = self.selected()
        if rule is None:
            return
        values = quality_dialogs.ask_rule(self, *self.choices(), rule)
        if values is None:
            return
        rule_id = rule["id"]

        def job(catalog):
            from catalog_app.quality.business import RuleBook

            return RuleBook(catalog).edit(
                rule_id, spec=values["spec"], name=values["name"], kind=values["kind"]
            )

        self._submit(job)

    def delete_rule(self) -> None:
        rule = self.selected()
        if rule is None:
            return
        rule_id = rule["id"]

        def job(catalog):
            from catalog_app.quality.business import RuleBook

            return RuleBook(catalog).delete(rule_id)

        self._submit(job)

    def undo_rule(self) -> None:
        def job(catalog):
            from catalog_app.quality.business import RuleBook

            return RuleBook(catalog).undo()

        self._submit(job)


class HistoryPanel(QWidget):
    """조치 이력: marks with who, when, why, and the errors before and in the latest run."""

    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(
            [
                Column("at", self.tr("일시"), lambda r: _when(r["at"])),
                Column("who", self.tr("담당")),
                Column("action_name", self.tr("조치"), self._action),
                Column("path", self.tr("파일")),
                Column("column", self.tr("컬럼")),
                Column("rule_name", self.tr("규칙")),
                Column("reason", self.tr("사유")),
                Column("errors_before", self.tr("조치 전"), numeric=True),
                Column("errors_after", self.tr("최근 진단"), self._after, numeric=True),
            ],
            self,
        )
        box = QVBoxLayout(self)
        box.addWidget(
            note(
                self.tr(
                    "조치 전 오류 수는 표시할 때의 진단 결과이고, 최근 진단은 파일을 고쳐 다시 "
                    "스캔하고 진단한 뒤의 오류 수입니다. 평가 자료로 보고서(조치 이력 시트)에 그대로 "
                    "나갑니다."
                )
            )
        )
        self.view = table_view(self.model)
        box.addWidget(self.view, 1)
        row = QHBoxLayout()
        undo = QPushButton(self.tr("선택한 조치 되돌리기"))
        undo.clicked.connect(self.undo_selected)
        row.addWidget(undo)
        row.addStretch(1)
        box.addLayout(row)

    def _action(self, r: dict) -> str:
        name = {
            "fixed": self.tr("조치 완료"),
            "exception": self.tr("예외"),
            "undo": self.tr("되돌림"),
        }.get(r["action"], r["action"])
        return name + (self.tr(" (되돌림)") if r["undone"] else "")

    def _after(self, r: dict) -> str:
        return "" if r["errors_after"] is None else f"{r['errors_after']:,}"

    def show_history(self, history: list[dict]) -> None:
        self.model.set_rows(history)

    def undo_selected(self) -> None:
        row = self.model.row(self.view.currentIndex().row())
        if row is None or row["action"] == "undo" or row["undone"]:
            return
        undo_fix(self.ctx, row["id"], self.changed.emit, self._failed)

    def _failed(self, exc: Exception) -> None:
        dialogs.show_error(self, str(exc))
        self.changed.emit()
