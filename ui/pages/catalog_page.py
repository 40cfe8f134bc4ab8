"""카탈로그: every dataset (paged, sorted and filtered in SQL), search as you type through the
core's ``queries.search``, and the selected dataset's tables and column profiles."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ui import dialogs, labels
from ui.context import AppContext
from ui.focus import keep_focus_off_fields
from ui.models import Column, DatasetTableModel, RowsModel
from ui.pages.base import Page, table_view
from ui.pages.dataset_detail import DatasetDetail
from ui.widths import fit_columns, keep_widths

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150


class CatalogPage(Page):
    metadata_requested = Signal(int)  # open a dataset's 공개 항목 (the window routes it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("카탈로그"), parent)
        self._dirty = False
        self._selected_id: int | None = None
        self._restoring = False  # putting the selection back after a cancelled switch
        bar = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("search")
        self.search_box.setPlaceholderText(
            self.tr("파일·시트·컬럼 이름 검색 (예: 주소, 성명, 등록일자)  Ctrl+F")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._schedule_search)
        bar.addWidget(self.search_box, 3)
        bar.addWidget(QLabel(self.tr("상태")))
        self.status_filter = QComboBox()
        for text, code in (
            (self.tr("전체"), None),
            (labels.status_name("ok"), "ok"),
            (labels.status_name("error"), "error"),
            (labels.status_name("missing"), "missing"),
        ):
            self.status_filter.addItem(text, code)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        bar.addWidget(self.status_filter)
        bar.addWidget(QLabel(self.tr("부서")))
        self.department_filter = QComboBox()
        self.department_filter.setMinimumContentsLength(8)
        self.department_filter.addItem(self.tr("전체"), None)
        self.department_filter.currentIndexChanged.connect(self._filters_changed)
        bar.addWidget(self.department_filter)
        self.check_filter = QComboBox()
        for text, code in (
            (self.tr("점검: 전체"), None),
            (self.tr("비준수 컬럼 있음"), "noncompliant"),
            (self.tr("공개 항목 미입력"), "missing_metadata"),
        ):
            self.check_filter.addItem(text, code)
        self.check_filter.setToolTip(
            self.tr("비준수: 마지막 제안 만들기 때 점검에 걸린 컬럼이 있는 파일. 미입력: 분류체계·"
                    "업데이트 주기·차기 등록 예정일·키워드·설명 중 빈 것이 있는 파일")
        )  # fmt: skip
        self.check_filter.currentIndexChanged.connect(self._filters_changed)
        bar.addWidget(self.check_filter)
        self.pii_filter = QCheckBox(self.tr("개인정보 포함"))
        self.pii_filter.toggled.connect(self._filters_changed)
        bar.addWidget(self.pii_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        bar.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignRight)
        self.layout_.addLayout(bar)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)

        self.datasets = DatasetTableModel(ctx.catalog.conn, self)
        self.refresh_departments()
        self.dataset_view = table_view(self.datasets)
        # No indicator first: enabling sorting re-sorts by the indicator (default: name, DESC).
        self.dataset_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.dataset_view.setSortingEnabled(True)
        self.dataset_view.selectionModel().currentRowChanged.connect(self._dataset_selected)
        keep_widths(self.dataset_view, "catalog_datasets", room=0)

        self.hits = RowsModel(
            [
                Column("kind", self.tr("종류"), fmt=lambda h: labels.hit_kind_name(h["kind"])),
                Column("label", self.tr("이름")),
                Column("dataset", self.tr("파일")),
                Column("table", self.tr("시트")),
                Column("path", self.tr("경로")),
            ],
            self,
        )
        self.hit_view = table_view(self.hits)
        self.hit_view.selectionModel().currentRowChanged.connect(self._hit_selected)
        keep_widths(self.hit_view, "catalog_hits", room=4)

        self.left = QStackedWidget()
        self.left.addWidget(self.dataset_view)
        self.left.addWidget(self.hit_view)
        self.detail = DatasetDetail(ctx)
        self.detail.header_requested.connect(self._set_header)
        self.detail.privacy_requested.connect(self._set_privacy)
        self.detail.privacy_undo_requested.connect(self._undo_privacy)
        self.detail.metadata_requested.connect(self.metadata_requested)
        # Stacked, not side by side: both the dataset list and the column profiles are wide.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([250, 400])
        self.layout_.addWidget(split, 1)
        self._fit_columns()
        self._update_count()
        if self.datasets.rowCount():
            self.dataset_view.selectRow(0)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.scan_state_changed.connect(self.detail.set_scanning)
        self.detail.set_scanning(ctx.scanning)

    def _fit_columns(self) -> None:
        # Only the fetched page is measured (never resizeColumnsToContents over a whole
        # catalog); the file name gets the spare width, the clerk's own widths win.
        fit_columns(self.dataset_view, {0: 320, 1: 200}, room=0)

    # ---------------------------------------------------------------- datasets
    def _department_folders(self, name: str | None) -> list[str] | None:
        from catalog_app.disclosure.metadata import MetadataStore
        from catalog_app.matching.compliance import department_folders

        if name is None:
            return None
        from catalog_app.catalog.listing import dataset_folders

        folders = dataset_folders(self.ctx.catalog.conn)
        return department_folders(name, folders, MetadataStore(self.ctx.catalog).department_map())

    def refresh_departments(self) -> None:
        """The department list: folder settings, else the first folder under a scanned root."""
        from catalog_app.catalog.listing import dataset_folders
        from catalog_app.disclosure.metadata import MetadataStore
        from catalog_app.matching.compliance import department_of

        mapping = MetadataStore(self.ctx.catalog).department_map()
        folders = dataset_folders(self.ctx.catalog.conn)
        names = sorted({department_of(f, mapping) for f in folders})
        current = self.department_filter.currentData()
        self.department_filter.blockSignals(True)
        self.department_filter.clear()
        self.department_filter.addItem(self.tr("전체"), None)
        for name in names:
            self.department_filter.addItem(name, name)
        self.department_filter.setCurrentIndex(max(self.department_filter.findData(current), 0))
        self.department_filter.blockSignals(False)

    def show_filtered(
        self, status: str | None = None, pii: bool = False, department: str | None = None
    ) -> None:
        """Show the datasets the dashboard's bar stands for (all other filters cleared)."""
        self.refresh_departments()
        for combo, value in (
            (self.status_filter, status),
            (self.department_filter, department),
            (self.check_filter, None),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.pii_filter.blockSignals(True)
        self.pii_filter.setChecked(pii)
        self.pii_filter.blockSignals(False)
        self._filters_changed()

    def _filters_changed(self) -> None:
        self.datasets.set_filter(
            self.status_filter.currentData(),
            self.pii_filter.isChecked(),
            self._department_folders(self.department_filter.currentData()),
            self.check_filter.currentData(),
        )
        self._update_count()
        if self.search_box.text().strip():  # the filter shows the list, not the old hits
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
            self.run_search()  # back to the list, the detail following it
        else:
            self._follow_list()

    def _follow_list(self) -> None:
        """The detail pane follows the list after a filter, a search or a drill-down: the
        dataset shown stays if the list still holds it, else the first one is shown, and an
        empty list empties the pane (never a dataset the list no longer shows)."""
        if self.left.currentWidget() is self.hit_view:
            if self.hits.rowCount():
                self.hit_view.selectRow(0)
                hit = self.hits.row(0)
                if hit is not None and hit["dataset_id"] != self._selected_id:
                    self._hit_selected(self.hits.index(0, 0), None)
            else:
                self.show_dataset(None)
            return
        row = self.datasets.row_of(self._selected_id) if self._selected_id is not None else -1
        if row < 0 and self.datasets.rowCount():
            row = 0
        if row < 0:
            self._restoring = True
            try:
                self.dataset_view.selectionModel().clear()
            finally:
                self._restoring = False
            self.show_dataset(None)
            return
        self._restoring = True
        try:
            self.dataset_view.selectRow(row)
        finally:
            self._restoring = False
        if self.datasets.dataset_id(row) != self._selected_id or self.detail.detail is None:
            self.show_dataset(self.datasets.dataset_id(row))

    def _update_count(self) -> None:
        if self.left.currentWidget() is self.hit_view:
            n = self.hits.rowCount()
            text = self.tr("찾은 항목 {n:,}개").format(n=n)
            if n >= _search_limit():
                text += self.tr(" (처음 {n}개만)").format(n=n)
        else:
            text = self.tr("데이터셋 {n:,}개").format(n=self.datasets.total)
        self.count_label.setText(text)

    def _dataset_selected(self, current, _previous) -> None:
        if current.isValid() and not self._restoring:
            self.show_dataset(self.datasets.dataset_id(current.row()))

    def show_dataset(self, dataset_id: int | None) -> bool:
        """Show a dataset's details (None: nothing selected, the pane is cleared)."""
        from catalog_app.catalog.queries import dataset_detail

        self._selected_id = dataset_id
        detail = dataset_detail(self.ctx.catalog, dataset_id) if dataset_id is not None else None
        self.detail.show_detail(detail)
        return True

    def _restore_selection(self) -> None:
        row = self.datasets.row_of(self._selected_id) if self._selected_id is not None else -1
        self._restoring = True
        try:
            if row >= 0:
                self.dataset_view.selectRow(row)
            else:
                self.dataset_view.selectionModel().clear()
        finally:
            self._restoring = False

    def refresh(self) -> None:
        """Re-read datasets (after a scan) and keep the selected one selected."""
        self._dirty = False
        selected = self._selected_id
        self.refresh_departments()
        self.datasets.refresh()
        self._fit_columns()
        self._update_count()
        if self.search_box.text().strip():
            self.run_search()
        elif selected is not None and self.datasets.row_of(selected) < 0:
            self.show_dataset(selected)  # not on the fetched page: keep it shown, re-read
        else:
            self._follow_list()

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def on_shown(self) -> None:
        if self._dirty:
            self.refresh()

    # ------------------------------------------------------------------ search
    def focus_search(self) -> bool:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()
        return True

    def _schedule_search(self) -> None:
        self._timer.start()  # restarts: one query after the typing pauses

    def run_search(self) -> None:
        from catalog_app.catalog.queries import search

        self._timer.stop()
        text = self.search_box.text().strip()
        if not text:
            self.hits.set_rows([])
            self.left.setCurrentWidget(self.dataset_view)
            self._update_count()
            self._follow_list()
            return
        hits = search(self.ctx.catalog, text)
        self.hits.set_rows(hits)
        self.left.setCurrentWidget(self.hit_view)
        fit_columns(self.hit_view, {1: 220, 2: 220, 3: 160, 4: 420})
        self._update_count()
        self._follow_list()

    def _hit_selected(self, current, _previous) -> None:
        hit = self.hits.row(current.row()) if current.isValid() else None
        if hit is None:
            return
        if not self.show_dataset(hit["dataset_id"]):
            return
        if hit["kind"] in ("table", "column"):
            self.detail.select_column(hit["table"], hit["column"])

    # ------------------------------------------------------------ header rows
    def _set_header(self, detail: dict, table: dict) -> None:
        dataset_id, path, key = detail["id"], detail["path"], table["key"]

        def load(done, failed) -> None:
            from catalog_app.scan.preview import table_preview

            self.ctx.runner.submit(lambda cat: table_preview(cat, dataset_id, key), done, failed)

        choice = dialogs.ask_header(self, table, load)
        if choice is None:
            return

        def job(catalog):
            from catalog_app.bundle.merge import refuse_file_edit
            from catalog_app.scan.scanner import scan

            refuse_file_edit(catalog, dataset_id)  # a department's bundle: the file is elsewhere
            if choice is False:
                catalog.clear_header_override(dataset_id, key)
            else:
                first, rows = choice
                catalog.set_header_override(dataset_id, key, first - 1, rows)
            catalog.forget_fingerprint(dataset_id)
            return scan(catalog, [path])

        keep_focus_off_fields(self, [self.detail.header_button])
        self.detail.header_button.setEnabled(False)
        self.ctx.runner.submit(job, self._header_done, self._header_failed)

    def _header_done(self, summary) -> None:
        if summary.failed:
            dialogs.show_error(
                self,
                self.tr("파일을 다시 읽지 못했습니다: {msg}").format(msg=summary.failed[0][2]),
            )
        self.ctx.data_changed.emit()
        self.show_dataset(self._selected_id)

    def _header_failed(self, exc: Exception) -> None:
        dialogs.show_error(self, self.tr("머리글을 지정하지 못했습니다: {msg}").format(msg=exc))
        self.show_dataset(self._selected_id)

    # ------------------------------------------------------------ privacy verdicts
    def _set_privacy(self, detail: dict, column: dict) -> None:
        """Ask the clerk and overrule the column's verdict through the core (undoable)."""
        from ui.pages import privacy_dialog

        answer = privacy_dialog.ask_privacy_verdict(self, column)
        if answer is None:
            return
        column_id = column["id"]
        table = self.detail.current_table()
        where = (table["sheet"] if table else None, column["index"])

        def job(catalog):
            from catalog_app.privacy.desk import PrivacyDesk

            desk = PrivacyDesk(catalog)
            if answer["action"] == "clear":
                return desk.clear(column_id)
            return desk.set(
                column_id,
                reason=answer["reason"],
                personal=answer["personal"],
                quasi_identifier=answer["quasi_identifier"],
                sensitive=answer["sensitive"],
                kind=answer["kind"],
            )

        self.detail.privacy_button.setEnabled(False)
        self.ctx.runner.submit(job, lambda _r: self._privacy_done(where), self._privacy_failed)

    def _undo_privacy(self) -> None:
        def job(catalog):
            from catalog_app.privacy.desk import PrivacyDesk

            return PrivacyDesk(catalog).undo()

        table, column = self.detail.current_table(), self.detail.current_column()
        where = (table["sheet"] if table else None, column["index"] if column else None)
        self.ctx.runner.submit(job, lambda _r: self._privacy_done(where), self._privacy_failed)

    def _privacy_done(self, where: tuple) -> None:
        self.ctx.data_changed.emit()  # 현황 and the dataset list count personal columns
        self.show_dataset(self._selected_id)
        self.detail.select_column(*where)

    def _privacy_failed(self, exc: Exception) -> None:
        dialogs.show_error(
            self, self.tr("개인정보 판정을 바꾸지 못했습니다: {msg}").format(msg=exc)
        )
        self.show_dataset(self._selected_id)


def _search_limit() -> int:
    from catalog_app.catalog.queries import SEARCH_LIMIT

    return SEARCH_LIMIT
