"""품질진단 dialogs: the business-rule editor and the fix-log reason. The page calls them as
module attributes (``quality_dialogs.ask_rule(...)``) so a test can replace them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from catalog_app.quality.business import CONDITION_OPS, KINDS, OPS, static_problems


def kind_names() -> dict[str, str]:
    """The rule kinds in the current language (same order as ``business.KINDS``)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("quality_dialogs", text)

    return {
        "compare": tr("두 컬럼 비교"),
        "conditional": tr("조건"),
        "regex": tr("정규식"),
        "allowed": tr("허용값"),
        "range": tr("숫자 범위"),
        "unique": tr("중복 불가"),
    }


def _op_box(ops) -> QComboBox:
    box = QComboBox()
    for op in ops:
        box.addItem(op, op)
    return box


class RuleDialog(QDialog):
    """Add or edit one business rule: scope (a dataset or a standard term), kind and fields.

    The problems that would keep it from running (a pattern no engine reads, a missing column
    name) are shown as they are typed and block saving; a column the table does not have is only
    found when the diagnosis runs (and said there, in Korean)."""

    def __init__(self, parent, datasets: list[dict], columns_of, rule: dict | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("업무 규칙") if rule is None else self.tr("업무 규칙 수정"))
        self._columns_of = columns_of
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.scope = QComboBox()
        self.scope.addItem(self.tr("데이터셋"), "dataset")
        self.scope.addItem(self.tr("표준용어 (그 용어의 컬럼이 있는 모든 데이터셋)"), "term")
        self.dataset = QComboBox()
        for d in datasets:
            self.dataset.addItem(d["rel_path"], d["id"])
        self.term = QLineEdit()
        self.term.setPlaceholderText(self.tr("예: 데이터기준일자"))
        self.kind = QComboBox()
        names = kind_names()
        for key in KINDS:
            self.kind.addItem(names[key], key)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("비우면 규칙 내용이 이름이 됩니다"))
        form.addRow(self.tr("범위"), self.scope)
        form.addRow(self.tr("데이터셋"), self.dataset)
        form.addRow(self.tr("표준용어"), self.term)
        form.addRow(self.tr("종류"), self.kind)
        form.addRow(self.tr("이름"), self.name)
        layout.addLayout(form)
        self.pages = QStackedWidget()
        self.fields: dict[str, dict[str, QWidget]] = {}
        self._build_pages()
        layout.addWidget(self.pages)
        self.problems = QLabel()
        self.problems.setObjectName("warning")
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.dataset.currentIndexChanged.connect(self._refresh_completer)
        if rule is not None:
            self._load(rule)
        self._scope_changed()
        self._kind_changed()
        self.setMinimumWidth(520)

    # ------------------------------------------------------------------ layout
    def _column(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("컬럼 이름 또는 표준용어"))
        edit.textChanged.connect(self._validate)
        return edit

    def _page(self, kind: str, rows: list[tuple[str, QWidget]]) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in rows:
            form.addRow(label, widget)
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._validate)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._validate)
        self.fields[kind] = dict(rows)
        self.pages.addWidget(page)

    def _build_pages(self) -> None:
        self._page("compare", [(self.tr("왼쪽 컬럼"), self._column()), (self.tr("연산자"), _op_box(OPS)),
                               (self.tr("오른쪽 컬럼"), self._column())])  # fmt: skip
        self._page(
            "conditional",
            [
                (self.tr("조건 컬럼"), self._column()),
                (self.tr("조건 연산자"), _op_box(CONDITION_OPS)),
                (self.tr("조건 값"), QLineEdit()),
                (self.tr("요구 컬럼"), self._column()),
                (self.tr("요구 연산자"), _op_box(CONDITION_OPS)),
                (self.tr("요구 값"), QLineEdit()),
            ],
        )
        self._page("regex", [(self.tr("컬럼"), self._column()), (self.tr("정규식"), QLineEdit())])
        self._page(
            "allowed",
            [(self.tr("컬럼"), self._column()), (self.tr("허용값 (쉼표로 구분)"), QLineEdit())],
        )
        self._page("range", [(self.tr("컬럼"), self._column()), (self.tr("최솟값"), QLineEdit()),
                             (self.tr("최댓값"), QLineEdit())])  # fmt: skip
        self._page("unique", [(self.tr("컬럼"), self._column())])

    def _widgets(self, kind: str) -> list[QWidget]:
        return list(self.fields[kind].values())

    # ------------------------------------------------------------------ values
    def _load(self, rule: dict) -> None:
        self.scope.setCurrentIndex(self.scope.findData(rule["scope"]))
        if rule["dataset_id"] is not None:
            self.dataset.setCurrentIndex(max(self.dataset.findData(rule["dataset_id"]), 0))
        self.term.setText(rule["term_name"] or "")
        self.kind.setCurrentIndex(self.kind.findData(rule["kind"]))
        self.name.setText(rule["name"])
        s, w = rule["spec"], self._widgets(rule["kind"])
        if rule["kind"] == "compare":
            w[0].setText(s.get("left", ""))
            w[1].setCurrentIndex(max(w[1].findData(s.get("op")), 0))
            w[2].setText(s.get("right", ""))
        elif rule["kind"] == "conditional":
            for base, part in ((0, s.get("if", {})), (3, s.get("then", {}))):
                w[base].setText(part.get("column", ""))
                w[base + 1].setCurrentIndex(max(w[base + 1].findData(part.get("op")), 0))
                value = (
                    ", ".join(part.get("values", []))
                    if part.get("op") == "in"
                    else part.get("value", "")
                )
                w[base + 2].setText(str(value or ""))
        else:
            w[0].setText(s.get("column", ""))
            if rule["kind"] == "regex":
                w[1].setText(s.get("pattern", ""))
            elif rule["kind"] == "allowed":
                w[1].setText(", ".join(map(str, s.get("values", []))))
            elif rule["kind"] == "range":
                w[1].setText("" if s.get("low") is None else str(s["low"]))
                w[2].setText("" if s.get("high") is None else str(s["high"]))

    @staticmethod
    def _condition(widgets: list[QWidget]) -> dict:
        column, op, value = widgets
        out = {"column": column.text().strip(), "op": op.currentData()}
        if out["op"] == "in":
            out["values"] = [v.strip() for v in value.text().split(",") if v.strip()]
        elif out["op"] not in ("empty", "not_empty"):
            out["value"] = value.text().strip()
        return out

    def spec(self) -> dict:
        kind = self.kind.currentData()
        w = self._widgets(kind)
        if kind == "compare":
            return {
                "left": w[0].text().strip(),
                "op": w[1].currentData(),
                "right": w[2].text().strip(),
            }
        if kind == "conditional":
            return {"if": self._condition(w[:3]), "then": self._condition(w[3:])}
        spec = {"column": w[0].text().strip()}
        if kind == "regex":
            spec["pattern"] = w[1].text().strip()
        elif kind == "allowed":
            spec["values"] = [v.strip() for v in w[1].text().split(",") if v.strip()]
        elif kind == "range":
            spec["low"] = w[1].text().strip() or None
            spec["high"] = w[2].text().strip() or None
        return spec

    def values(self) -> dict:
        scope = self.scope.currentData()
        return {
            "scope": scope,
            "dataset_id": self.dataset.currentData() if scope == "dataset" else None,
            "term_name": self.term.text().strip() if scope == "term" else None,
            "kind": self.kind.currentData(),
            "spec": self.spec(),
            "name": self.name.text().strip(),
        }

    # ------------------------------------------------------------------ state
    def _scope_changed(self) -> None:
        dataset = self.scope.currentData() == "dataset"
        self.dataset.setEnabled(dataset)
        self.term.setEnabled(not dataset)
        self._refresh_completer()
        self._validate()

    def _kind_changed(self) -> None:
        self.pages.setCurrentIndex(list(KINDS).index(self.kind.currentData()))
        self._validate()

    def _refresh_completer(self) -> None:
        labels = []
        if self.scope.currentData() == "dataset" and self.dataset.currentData() is not None:
            labels = self._columns_of(self.dataset.currentData())
        for widgets in self.fields.values():
            for widget in widgets.values():
                if isinstance(widget, QLineEdit) and widget.placeholderText():
                    completer = QCompleter(labels, widget)
                    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                    widget.setCompleter(completer)

    def _validate(self) -> None:
        problems = static_problems(self.kind.currentData(), self.spec())
        if self.scope.currentData() == "term" and not self.term.text().strip():
            problems.insert(0, self.tr("표준용어를 입력하세요."))
        if self.scope.currentData() == "dataset" and self.dataset.currentData() is None:
            problems.insert(0, self.tr("데이터셋이 없습니다. 먼저 스캔하세요."))
        self.problems.setText(" ".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)


def ask_rule(parent, datasets: list[dict], columns_of, rule: dict | None = None) -> dict | None:
    """The rule's values (see :meth:`RuleDialog.values`), or None when cancelled."""
    dialog = RuleDialog(parent, datasets, columns_of, rule)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


def ask_fix_reason(parent, title: str, prompt: str) -> str | None:
    """The required reason of a 조치 완료 / 예외 mark; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(prompt)
    label.setWordWrap(True)
    layout.addWidget(label)
    edit = QPlainTextEdit()
    edit.setPlaceholderText(
        QCoreApplication.translate(
            "quality_dialogs", "예: 원본 파일의 날짜를 YYYY-MM-DD로 고쳐 다시 올렸습니다."
        )
    )
    layout.addWidget(edit)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setEnabled(False)
    edit.textChanged.connect(lambda: ok.setEnabled(bool(edit.toPlainText().strip())))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(440, 220)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.toPlainText().strip() or None
