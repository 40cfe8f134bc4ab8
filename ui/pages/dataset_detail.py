"""The detail pane of the catalog page: one dataset's tables (sheet, header rows, row counts,
warnings) and the selected table's column profiles, as the core's ``dataset_detail`` gives them
(PII samples arrive masked from the catalog; nothing is unmasked here) with each column's privacy
verdict and its reason (a clerk overrules one with [개인정보 판정…], undoes with [판정 되돌리기];
the page runs both through the core). The dataset's 공개 항목 have a page of their own
(``metadata_page``); a button here opens it at this dataset."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.context import AppContext
from ui.models import ERROR_COLOR, MUTED_COLOR, PII_COLOR, Column, RowsModel
from ui.pages.base import section_title, table_view
from ui.pages.privacy_dialog import verdict_text
from ui.widths import fit_columns, keep_widths


def _size(n: int | None) -> str:
    if n is None:
        return ""
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1024
    return ""


class DatasetDetail(QWidget):
    """Shows a ``queries.dataset_detail`` dict; asks the page to change a table's header rows."""

    header_requested = Signal(dict, dict)  # dataset detail, table
    privacy_requested = Signal(dict, dict)  # dataset detail, column
    privacy_undo_requested = Signal()
    metadata_requested = Signal(int)  # dataset id: open its 공개 항목

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.detail: dict | None = None
        self.scanning = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("데이터셋을 고르면 표와 컬럼이 여기에 나옵니다."))
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.title)
        self.profile_tab = QWidget()
        layout = QVBoxLayout(self.profile_tab)
        layout.setContentsMargins(0, 4, 0, 0)
        outer.addWidget(self.profile_tab, 1)
        self.info = QLabel()
        self.info.setObjectName("muted")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info)
        self.messages = QLabel()
        self.messages.setWordWrap(True)
        self.messages.setTextFormat(Qt.TextFormat.PlainText)
        self.messages.hide()
        layout.addWidget(self.messages)

        self.tables = RowsModel(
            [
                Column("sheet", self.tr("시트"), fmt=lambda t: t["sheet"] or self.tr("(표)")),
                Column("header", self.tr("머리글"), fmt=self._header_text),
                Column("row_count", self.tr("데이터 행"), numeric=True),
                Column("column_count", self.tr("열"), numeric=True),
                Column("extra", self.tr("합계·주석·빈 행"), fmt=self._extra_rows),
                Column("person_level", self.tr("사람 목록"), fmt=self._person_text,
                       color=self._person_color),
                Column("warnings", self.tr("참고"), fmt=lambda t: " / ".join(t["warnings"])),
            ],
            self,
        )  # fmt: skip
        self.columns = RowsModel(
            [
                Column("index", self.tr("번호"), fmt=lambda c: str(c["index"] + 1), numeric=True),
                Column("label", self.tr("컬럼 이름")),
                Column("type", self.tr("형식"), fmt=lambda c: labels.type_name(c["type"])),
                Column("pii", self.tr("개인정보"), fmt=self._pii_text, color=self._pii_color),
                Column("privacy_reason", self.tr("판정 근거"), fmt=self._reason_text),
                Column("null", self.tr("빈값"), fmt=self._null_text, numeric=True),
                Column("distinct", self.tr("고유값"), fmt=self._distinct_text, numeric=True),
                Column("bytes", self.tr("최대 바이트"), fmt=self._bytes_text, numeric=True),
                Column("pattern", self.tr("패턴"), fmt=lambda c: c["profile"]["pattern"] or ""),
                Column("samples", self.tr("예시 값"), fmt=self._samples_text),
            ],
            self,
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(section_title(self.tr("표")))
        bar.addStretch(1)
        self.header_button = QPushButton(self.tr("머리글 행 지정…"))
        self.header_button.setToolTip(
            self.tr("자동으로 찾은 머리글이 틀렸을 때 직접 지정하고 그 파일만 다시 읽습니다")
        )
        self.header_button.clicked.connect(self._request_header)
        bar.addWidget(self.header_button)
        self.metadata_button = QPushButton(self.tr("공개 항목 입력…"))
        self.metadata_button.setToolTip(
            self.tr("이 데이터셋의 공개 항목을 공개 항목 페이지에서 엽니다")
        )
        self.metadata_button.clicked.connect(self._request_metadata)
        bar.addWidget(self.metadata_button)
        top_layout.addLayout(bar)
        self.table_view = table_view(self.tables)
        keep_widths(self.table_view, "catalog_tables", room=6)
        self.table_view.selectionModel().currentRowChanged.connect(self._table_selected)
        top_layout.addWidget(self.table_view)
        split.addWidget(top)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        column_bar = QHBoxLayout()
        column_bar.addWidget(section_title(self.tr("컬럼")))
        column_bar.addStretch(1)
        self.privacy_button = QPushButton(self.tr("개인정보 판정…"))
        self.privacy_button.setToolTip(
            self.tr("고른 컬럼의 개인정보 판정을 담당자가 바꿉니다 (다시 스캔해도 유지)")
        )
        self.privacy_button.clicked.connect(self._request_privacy)
        column_bar.addWidget(self.privacy_button)
        self.privacy_undo_button = QPushButton(self.tr("판정 되돌리기"))
        self.privacy_undo_button.setToolTip(self.tr("마지막 개인정보 판정을 되돌립니다"))
        self.privacy_undo_button.clicked.connect(self.privacy_undo_requested)
        column_bar.addWidget(self.privacy_undo_button)
        bottom_layout.addLayout(column_bar)
        self.column_view = table_view(self.columns)
        self.column_view.selectionModel().currentRowChanged.connect(self._update_button)
        keep_widths(self.column_view, "catalog_columns", room=9)
        bottom_layout.addWidget(self.column_view)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([340, 680])
        layout.addWidget(split, 1)
        self._update_button()

    # ------------------------------------------------------------------ formats
    def _header_text(self, t: dict) -> str:
        source = self.tr("직접 지정") if t["header_source"] == "override" else self.tr("자동")
        if not t["header_rows"] or t["header_row"] is None:
            return self.tr("없음 ({source})").format(source=source)
        return self.tr("{row}행부터 {n}줄 ({source})").format(
            row=t["header_row"] + 1, n=t["header_rows"], source=source
        )

    def _extra_rows(self, t: dict) -> str:
        return f"{t['total_rows']} · {t['footnote_rows']} · {t['blank_rows']}"

    @staticmethod
    def _null_text(c: dict) -> str:
        return f"{c['profile']['null_ratio'] * 100:.1f}%"

    @staticmethod
    def _distinct_text(c: dict) -> str:
        p = c["profile"]
        return ("" if p["distinct_exact"] else "≈") + f"{p['distinct_count']:,}"

    @staticmethod
    def _bytes_text(c: dict) -> str:
        return f"{c['profile']['max_len_bytes']:,}"

    @staticmethod
    def _pii_text(c: dict) -> str:
        return verdict_text(c.get("privacy"))

    @staticmethod
    def _pii_color(c: dict):
        if c["pii"]:
            return PII_COLOR
        return MUTED_COLOR if c.get("privacy") else None

    @staticmethod
    def _reason_text(c: dict) -> str:
        verdict = c.get("privacy")
        return verdict["reason"] if verdict else ""

    def _person_text(self, t: dict) -> str:
        return self.tr("예 — {why}").format(why=t["person_level"]) if t.get("person_level") else ""

    @staticmethod
    def _person_color(t: dict):
        return PII_COLOR if t.get("person_level") else None

    @staticmethod
    def _samples_text(c: dict) -> str:
        text = ", ".join(str(s) for s in c["profile"]["samples"][:5])
        return text if len(text) <= 80 else text[:79] + "…"

    # ------------------------------------------------------------------- showing
    def clear(self) -> None:
        self.detail = None
        self.title.setText(self.tr("데이터셋을 고르면 표와 컬럼이 여기에 나옵니다."))
        self.info.clear()
        self.messages.hide()
        self.tables.set_rows([])
        self.columns.set_rows([])
        self._update_button()

    def show_detail(self, detail: dict | None) -> None:
        if detail is None:
            self.clear()
            return
        self.detail = detail
        self.title.setText(detail["name"])
        parts = [
            labels.status_name(detail["status"]),
            (detail["real_format"] or "-").upper(),
            _size(detail["size"]),
        ]
        if detail["encoding"]:
            parts.append(
                self.tr("인코딩 {enc} ({how})").format(
                    enc=detail["encoding"], how=detail["encoding_method"]
                )
            )
        parts.append(
            self.tr("데이터 {rows:,}행, 컬럼 {cols:,}개").format(
                rows=detail["row_count"], cols=detail["column_count"]
            )
        )
        self.info.setText(" · ".join(p for p in parts if p) + "\n" + detail["path"])
        lines = [self.tr("오류: {msg}").format(msg=e["message"]) for e in detail["errors"]]
        lines += [self.tr("참고: {msg}").format(msg=w) for w in detail["warnings"]]
        self.messages.setText("\n".join(lines))
        self.messages.setStyleSheet(f"color: {ERROR_COLOR.name()}" if detail["errors"] else "")
        self.messages.setVisible(bool(lines))
        self.tables.set_rows(detail["tables"])
        fit_columns(self.table_view, {0: 160, 5: 260, 6: 500})
        if detail["tables"]:
            self.table_view.selectRow(0)
        else:
            self.columns.set_rows([])
        self._update_button()

    def _table_selected(self, current, _previous) -> None:
        table = self.tables.row(current.row()) if current.isValid() else None
        self.columns.set_rows(table["columns"] if table else [])
        # Long labels, reasons, patterns and samples must not push everything else off screen;
        # the samples take what is left.
        fit_columns(self.column_view, {1: 220, 3: 200, 4: 320, 8: 140, 9: 420})
        self._update_button()

    def select_column(self, sheet: str | None, col_index: int | None) -> None:
        """Select the table named ``sheet`` and, in it, the column at ``col_index``."""
        if self.detail is None:
            return
        for i, table in enumerate(self.detail["tables"]):
            if table["sheet"] == sheet:
                self.table_view.selectRow(i)
                break
        if col_index is None:
            return
        for i, column in enumerate(self.columns.rows()):
            if column["index"] == col_index:
                self.column_view.selectRow(i)
                self.column_view.scrollTo(self.columns.index(i, 0))
                break

    def current_table(self) -> dict | None:
        index = self.table_view.currentIndex()
        return self.tables.row(index.row()) if index.isValid() else None

    def current_column(self) -> dict | None:
        index = self.column_view.currentIndex()
        return self.columns.row(index.row()) if index.isValid() else None

    def _update_button(self, *_args) -> None:
        ok = self.detail is not None and self.detail["status"] == "ok"
        self.header_button.setEnabled(ok and self.current_table() is not None and not self.scanning)
        self.privacy_button.setEnabled(ok and self.current_column() is not None)
        self.metadata_button.setEnabled(
            self.detail is not None and self.detail["status"] != "missing"
        )

    def set_scanning(self, running: bool) -> None:
        """A scan holds the catalog: no header override (it rescans the file) until it ends."""
        self.scanning = running
        self._update_button()

    def _request_privacy(self) -> None:
        column = self.current_column()
        if self.detail is not None and column is not None:
            self.privacy_requested.emit(self.detail, column)

    def _request_header(self) -> None:
        table = self.current_table()
        if self.detail is not None and table is not None:
            self.header_requested.emit(self.detail, table)

    def _request_metadata(self) -> None:
        if self.detail is not None:
            self.metadata_requested.emit(self.detail["id"])
