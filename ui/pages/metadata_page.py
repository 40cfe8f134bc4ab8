"""공개 항목: where the coordinator enters the 공개목록 fields (issue 15).

The form used to sit in the lower half of the 카탈로그 page (about eight fields visible at
1280×720, a scroll area inside a scroll area). Here it has the page: a narrow list of datasets
on the left (search, '필수 항목 미입력만'), the form at full height on the right, and above it
the 다음 문제 / 이전 문제 bar after a jump from the 공개목록 validation. A second tab holds the
grid for many datasets at once (``metadata_grid``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models import DatasetTableModel
from ui.pages.base import Page, table_view
from ui.pages.metadata_form import MetadataForm
from ui.pages.metadata_grid import MetadataGrid
from ui.pages.problem_nav import ProblemNavigator
from ui.widths import fit_columns, keep_widths

SEARCH_DELAY_MS = 150
_SHOWN = (0, 1)  # of the dataset list's columns: 파일 이름, 폴더


class MetadataPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("공개 항목"), parent)
        self._restoring = False
        self._dirty = False
        self._form_stale = False  # a grid save changed the form's dataset while it was hidden
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_single(), self.tr("데이터셋별 입력"))
        self.grid = MetadataGrid(ctx)
        self.grid.saved.connect(self._grid_saved)
        self.tabs.addTab(self.grid, self.tr("여러 데이터셋 한 번에 (표)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.layout_.addWidget(self.tabs, 1)
        ctx.data_changed.connect(self._on_data_changed)
        if self.datasets.rowCount():
            self.dataset_view.selectRow(0)

    def _build_single(self) -> QWidget:
        box = QWidget()
        outer = QHBoxLayout(box)
        outer.setContentsMargins(0, 6, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("파일 이름·폴더로 찾기"))
        self.search_box.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._filter)
        self.search_box.textChanged.connect(self._timer.start)
        left_box.addWidget(self.search_box)
        self.missing_only = QCheckBox(self.tr("필수 항목 미입력만"))
        self.missing_only.setToolTip(
            self.tr("분류체계·업데이트 주기·차기 등록 예정일·키워드·설명 중 빈 것이 있는 파일")
        )
        self.missing_only.toggled.connect(self._filter)
        left_box.addWidget(self.missing_only)
        self.datasets = DatasetTableModel(self.ctx.catalog.conn, self)
        self.dataset_view = table_view(self.datasets)
        self.dataset_view.setObjectName("metadataDatasets")
        for column in range(self.datasets.columnCount()):
            self.dataset_view.setColumnHidden(column, column not in _SHOWN)
        keep_widths(self.dataset_view, "metadata_datasets", room=0)
        self.dataset_view.selectionModel().currentRowChanged.connect(self._selected)
        left_box.addWidget(self.dataset_view, 1)
        split.addWidget(left)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.navigator = ProblemNavigator()
        self.navigator.go.connect(self._go_problem)
        right_box.addWidget(self.navigator)
        self.form = MetadataForm(self.ctx)
        self.form.saved.connect(self._form_saved)
        right_box.addWidget(self.form, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 800])
        outer.addWidget(split)
        return box

    # ------------------------------------------------------------------ datasets
    def _filter(self) -> None:
        self._timer.stop()
        check = "missing_metadata" if self.missing_only.isChecked() else None
        self.datasets.set_filter(check=check, text=self.search_box.text())
        self._after_list_change()

    def _after_list_change(self) -> None:
        """The form follows the list: the dataset it shows if still listed, else the first
        one (or nothing) — never a dataset the list no longer shows."""
        fit_columns(self.dataset_view, {0: 260, 1: 160})
        shown = self.form.dataset_id
        row = self.datasets.row_of(shown) if shown is not None else -1
        if row < 0 and self.datasets.rowCount():
            row = 0
        if row >= 0:
            self.dataset_view.selectRow(row)
            if self.datasets.dataset_id(row) != self.form.dataset_id:
                self._show(self.datasets.dataset_id(row))
        elif shown is not None and self.form.confirm_leave():
            self.form.clear()

    def _selected(self, current, _previous) -> None:
        if current.isValid() and not self._restoring:
            self._show(self.datasets.dataset_id(current.row()))

    def _show(self, dataset_id: int | None) -> bool:
        if dataset_id is None:
            return False
        if dataset_id == self.form.dataset_id:
            return True
        if not self.form.load(dataset_id):  # the clerk kept unsaved edits of another one
            self._select_row_of(self.form.dataset_id)
            return False
        return True

    def _select_row_of(self, dataset_id: int | None) -> None:
        row = self.datasets.row_of(dataset_id) if dataset_id is not None else -1
        self._restoring = True
        try:
            if row >= 0:
                self.dataset_view.selectRow(row)
            else:
                self.dataset_view.selectionModel().clear()
        finally:
            self._restoring = False

    def show_metadata(
        self, dataset_id: int, field_key: str = "", column_label: str | None = None
    ) -> bool:
        """Open a dataset's form and focus a field (or a column's row); the 공개목록 page's
        problems come here. False when the clerk kept unsaved edits of another dataset."""
        self.tabs.setCurrentIndex(0)
        if self.datasets.row_of(dataset_id) < 0 and (
            self.search_box.text() or self.missing_only.isChecked()
        ):
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)
            self.missing_only.blockSignals(True)
            self.missing_only.setChecked(False)
            self.missing_only.blockSignals(False)
            self.datasets.set_filter()
        if dataset_id != self.form.dataset_id and not self.form.load(dataset_id):
            return False
        self._select_row_of(dataset_id)
        if field_key or column_label:
            self.form.focus_field(field_key, column_label)
        return True

    def show_problem(self, problem: dict, problems: list[dict] | None = None) -> bool:
        """Open a validation problem; ``problems`` (the whole list) arms 다음/이전 문제."""
        if problems is not None:
            self.navigator.set_problems(problems, problem)
        return self._go_problem(problem)

    def _go_problem(self, problem: dict) -> bool:
        return self.show_metadata(
            int(problem["dataset_id"]), problem.get("field") or "", problem.get("column") or None
        )

    def update_problems(self, problems: list[dict]) -> None:
        """The validation was refreshed: the navigator keeps its place (if it is in use)."""
        if self.navigator.position >= 0:
            self.navigator.set_problems(problems)

    # ------------------------------------------------------------------ saves
    def _form_saved(self, dataset_id: int) -> None:
        self.ctx.metadata_changed.emit([dataset_id])
        if self.grid.loaded and not self.grid.is_dirty():
            self.grid.load(force=True)

    def _grid_saved(self, ids: list) -> None:
        """The form follows a grid save when it is next shown: rebuilding its column table
        (a combo box per column) while the grid is in front held the window after each save."""
        self.ctx.metadata_changed.emit(list(ids))
        if self.form.dataset_id in ids and not self.form.is_dirty():
            self._form_stale = True
            if self.tabs.currentWidget() is not self.grid:
                self._reload_form()

    def _reload_form(self) -> None:
        self._form_stale = False
        if not self.form.is_dirty():
            self.form.reload()

    # ------------------------------------------------------------------ page
    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.grid and not self.grid.loaded:
            self.grid.load()
        elif self.tabs.widget(index) is not self.grid and self._form_stale:
            self._reload_form()

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def refresh(self) -> None:
        self._dirty = False
        self.datasets.refresh()
        self._after_list_change()
        if self.grid.loaded and not self.grid.is_dirty():
            self.grid.load(force=True)

    def on_shown(self) -> None:
        if self._dirty:
            self.refresh()
        self._tab_changed(self.tabs.currentIndex())

    def focus_search(self) -> bool:
        box = self.grid.search if self.tabs.currentWidget() is self.grid else self.search_box
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()
        return True

    def busy(self) -> bool:
        return self.grid.busy() or self.form.is_busy()

    def shutdown(self) -> None:
        self.grid.shutdown()
