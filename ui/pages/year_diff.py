"""전년 대비: the change between last year's snapshot and the chosen year, as the 공개목록 page's
third tab — a one-line summary and every added, removed or changed dataset and column."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.models import Column, RowsModel
from ui.pages.base import table_view
from ui.widths import fit_columns, keep_widths


class YearDiffPanel(QWidget):
    """Shows a ``diff_json`` result (or a message when there is nothing to compare with)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.summary = QLabel(self.tr("[작년과 비교]를 누르면 지난해 스냅샷과 비교합니다."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        names = {"added": self.tr("추가"), "removed": self.tr("삭제"), "changed": self.tr("변경")}
        self.changes = RowsModel(
            [
                Column("level", self.tr("구분"), fmt=self._level_text),
                Column("action", self.tr("변경"), fmt=lambda c: names.get(c["action"], "")),
                Column("dataset", self.tr("데이터셋")),
                Column("table", self.tr("표")),
                Column("column", self.tr("컬럼")),
                Column("field_label", self.tr("항목")),
                Column("old", self.tr("이전 값")),
                Column("new", self.tr("현재 값")),
            ],
            self,
        )
        self.view = table_view(self.changes)
        keep_widths(self.view, "disclosure_year_diff", room=2)
        layout.addWidget(self.view, 1)

    def _level_text(self, c: dict) -> str:
        return self.tr("데이터셋") if c["level"] == "dataset" else self.tr("컬럼")

    def show_result(self, result: dict, year: int) -> None:
        changes, s = result["changes"], result["summary"]
        source = self.tr("스냅샷") if result["to_source"] == "snapshot" else self.tr("현재")
        if changes:
            text = self.tr(
                "{old}년 스냅샷 → {year}년({source}): 데이터셋 추가 {da} · 삭제 {dr} · 변경 "
                "{dc}, 컬럼 추가 {ca} · 삭제 {cr} · 변경 {cc}"
            ).format(
                old=result["from"], year=year, source=source,
                da=s["dataset"]["added"], dr=s["dataset"]["removed"], dc=s["dataset"]["changed"],
                ca=s["column"]["added"], cr=s["column"]["removed"], cc=s["column"]["changed"],
            )  # fmt: skip
        else:
            text = self.tr("{old}년 스냅샷과 달라진 것이 없습니다.").format(old=result["from"])
        self.summary.setText(text)
        self.changes.set_rows(changes)
        fit_columns(self.view, {2: 260, 4: 200, 6: 240, 7: 240})

    def show_message(self, text: str) -> None:
        self.summary.setText(text)
        self.changes.set_rows([])
