"""여러 데이터셋 한 번에: the 공개 항목 of many datasets in one grid (issue 15) — one row per
dataset, the 목록 fields as columns, vocabularies as combo boxes, paste from Excel (tab-separated
cells, a single value fills the selection), fill down (Ctrl+D), clear (Delete), undo and redo
(Ctrl+Z / Ctrl+Y) and a save of every change as one undoable batch (Ctrl+S), so the template round
trip through Excel and ``meta import`` is no longer the only way to fill hundreds of rows.

Rows come from ``disclosure.entry.entry_rows`` on a thread of its own (cancellable); the save and
the undo of a save go to the task runner (``MetadataStore.set_many`` / ``undo``).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from catalog_app.disclosure import vocab
from ui import dialogs
from ui.context import AppContext
from ui.date_edit import DateEdit
from ui.focus import keep_focus_off_fields
from ui.metadata_grid_model import (
    FIELDS,
    EntryModel,
    SetCells,
    fill_down,
    parse_clipboard,
    resolve_value,
)
from ui.pages.mapping_actions import page_action
from ui.pages.metadata_widgets import item_text
from ui.widths import fit_columns, keep_widths
from ui.workers import ReadJob, retire_job, start_in_thread

REQUIRED = [f.key for f in FIELDS if f.required]


class _Filter(QSortFilterProxyModel):
    """Name/path text, department and 'a required field is empty' (no SQL: the rows are in
    memory, a few thousand at most)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.department: str | None = None
        self.missing_only = False

    def set(self, text: str, department: str | None, missing_only: bool) -> None:
        self.beginFilterChange()
        self.text, self.department, self.missing_only = text.strip(), department, missing_only
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, _parent) -> bool:  # noqa: N802
        model: EntryModel = self.sourceModel()
        row = model.rows[source_row]
        if self.text and self.text not in row.rel_path:
            return False
        if self.department and row.department != self.department:
            return False
        if self.missing_only:
            return any(not model.shown(source_row, key) for key in REQUIRED)
        return True


class _Delegate(QStyledItemDelegate):
    """A vocabulary is a combo box (분류체계 editable: '대분류 - 중분류'), a date has the calendar."""

    def __init__(self, model: EntryModel, parent=None):
        super().__init__(parent)
        self.entries = model

    def _field(self, index) -> vocab.Field | None:
        source = (
            index.model().mapToSource(index) if hasattr(index.model(), "mapToSource") else index
        )
        return self.entries.field_of(source.column())

    def createEditor(self, parent, option, index):  # noqa: N802
        f = self._field(index)
        if f is not None and f.vocab is not None:
            combo = QComboBox(parent)
            combo.addItem("", "")
            for value in f.vocab:
                combo.addItem(item_text(f, value), value)
            combo.setEditable(f.kind == "category")
            return combo
        if f is not None and f.kind == "date":
            return DateEdit(parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found >= 0:
                editor.setCurrentIndex(found)
            elif editor.isEditable():
                editor.setEditText(value)
            else:
                editor.addItem(value, value)
                editor.setCurrentIndex(editor.count() - 1)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            value = editor.currentText() if editor.isEditable() else editor.currentData()
            model.setData(index, value or "", Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class MetadataGrid(QWidget):
    """The grid with its bar; :meth:`load` reads the rows, :meth:`save` writes the changes."""

    saved = Signal(list)  # dataset ids whose entered values changed (a save or its undo)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self._thread: QThread | None = None
        self._job: ReadJob | None = None
        self._busy = False
        self._closing = False
        self.batches: list[int] = []  # saves this session that 저장 되돌리기 can undo
        self._note = ""  # what the last save or undo did, kept through the reload after it
        self.stack = QUndoStack(self)
        self.model = EntryModel(self)
        self.model.edit_requested.connect(self._push)
        self.model.edited.connect(self._update)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("파일 이름·경로로 찾기"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        bar.addWidget(self.search, 2)
        self.department = QComboBox()
        self.department.setMinimumContentsLength(8)
        self.department.addItem(self.tr("부서: 전체"), None)
        self.department.currentIndexChanged.connect(self._filter)
        bar.addWidget(self.department)
        self.missing_only = QCheckBox(self.tr("필수 항목이 빈 행만"))
        self.missing_only.toggled.connect(self._filter)
        bar.addWidget(self.missing_only)
        bar.addStretch(1)
        self.fill_button = QPushButton(self.tr("아래로 채우기"))
        self.fill_button.setToolTip(self.tr("고른 칸들에 맨 위 행의 값을 채웁니다 (Ctrl+D)"))
        self.fill_button.clicked.connect(self.fill_down)
        self.undo_button, self.redo_button = QToolButton(), QToolButton()
        self.undo_button.setDefaultAction(self.stack.createUndoAction(self, self.tr("되돌리기")))
        self.redo_button.setDefaultAction(self.stack.createRedoAction(self, self.tr("다시 실행")))
        self.save_button = QPushButton(self.tr("저장"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(self.tr("바꾼 칸을 한 번에 저장합니다 (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.unsave_button = QPushButton(self.tr("저장 되돌리기"))
        self.unsave_button.setToolTip(self.tr("이 표에서 한 마지막 저장을 통째로 되돌립니다"))
        self.unsave_button.clicked.connect(self.undo_save)
        self.reload_button = QPushButton(self.tr("다시 불러오기"))
        self.reload_button.clicked.connect(lambda: self.load())
        for w in (
            self.fill_button,
            self.undo_button,
            self.redo_button,
            self.save_button,
            self.unsave_button,
            self.reload_button,
        ):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.status = QLabel(self.tr("표를 열면 모든 데이터셋의 공개 항목을 불러옵니다."))
        self.status.setObjectName("muted")
        layout.addWidget(self.status)

        self.view = QTableView()
        self.view.setObjectName("metadataGrid")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(_Delegate(self.model, self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.setWordWrap(False)
        layout.addWidget(self.view, 1)
        keep_widths(self.view, "metadata_grid", room=None)

        page_action(self, self.tr("붙여넣기"), self.paste, QKeySequence.StandardKey.Paste)
        page_action(self, self.tr("아래로 채우기"), self.fill_down, "Ctrl+D")
        page_action(self, self.tr("지우기"), self.clear_cells, QKeySequence.StandardKey.Delete)
        page_action(self, self.tr("되돌리기"), self.stack.undo, QKeySequence.StandardKey.Undo)
        page_action(self, self.tr("다시 실행"), self.stack.redo, "Ctrl+Y")
        page_action(self, self.tr("저장"), self.save, QKeySequence.StandardKey.Save)
        self._update()

    # ------------------------------------------------------------------ loading
    def busy(self) -> bool:
        return self._thread is not None or self._busy

    def is_dirty(self) -> bool:
        return self.model.is_dirty()

    def load(self, force: bool = False) -> None:
        """Read every dataset's row on a thread of its own (asks first about unsaved edits,
        unless ``force``: after a save, whose edits the new rows hold)."""
        if self._thread is not None or self._closing:
            return
        if (
            not force
            and self.is_dirty()
            and not dialogs.ask_confirm(
                self,
                self.tr("저장하지 않은 변경"),
                self.tr("저장하지 않은 칸이 있습니다. 버리고 다시 불러올까요?"),
            )
        ):
            return
        from catalog_app.disclosure.entry import entry_rows

        self.status.setText(self.tr("공개 항목을 불러오는 중…"))
        job = ReadJob(self.ctx.catalog_path, lambda cat, token: entry_rows(cat, cancel=token))
        job.finished.connect(self._loaded)
        job.failed.connect(self._load_failed)
        self._job = job
        self._thread = start_in_thread(job, "metadata-grid", self._thread_ended)
        self._update()

    def _thread_ended(self) -> None:
        self._thread = self._job = None
        self._update()

    def _loaded(self, rows) -> None:
        if self._closing:
            return
        first = not self.loaded
        self.loaded = True
        self.stack.clear()
        self.model.set_rows(rows)
        departments = sorted({r.department for r in rows if r.department})
        current = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("부서: 전체"), None)
        for name in departments:
            self.department.addItem(name, name)
        self.department.setCurrentIndex(max(self.department.findData(current), 0))
        self.department.blockSignals(False)
        self._filter()
        if first:  # a reload (after a save, its undo, a scan) keeps the widths: measuring
            # 5,000 rows × 22 columns again held the window for 0.3–1 s after every save
            fit_columns(self.view, {c: 240 for c in range(self.model.columnCount())})
        text = self.tr(
            "데이터셋 {n:,}개. 흐린 글씨는 스캔·설정에서 정한 값입니다. 엑셀에서 복사한 칸을 "
            "붙여 넣을 수 있습니다 (Ctrl+V)."
        ).format(n=len(rows))
        self.status.setText(f"{self._note} {text}" if self._note else text)
        self._note = ""

    def _load_failed(self, message: str) -> None:
        if not self._closing and message != "cancelled":
            self.status.setText(self.tr("불러오지 못했습니다: {e}").format(e=message))

    def _filter(self) -> None:
        self.proxy.set(
            self.search.text(), self.department.currentData(), self.missing_only.isChecked()
        )

    def _update(self) -> None:
        idle = not self.busy() and self.loaded
        dirty = self.model.is_dirty()
        self.save_button.setEnabled(idle and dirty)
        self.fill_button.setEnabled(idle)
        self.unsave_button.setEnabled(idle and bool(self.batches) and not dirty)
        self.reload_button.setEnabled(not self.busy())
        if self._busy:
            keep_focus_off_fields(self, [self.view])
        self.view.setEnabled(not self._busy)
        if not self._busy:
            keep_focus_off_fields(self, [])

    # ------------------------------------------------------------------ editing
    def selected_cells(self) -> list[tuple[int, str]]:
        """(source row, field key) of the selected editable cells, top to bottom."""
        out = []
        for index in self.view.selectionModel().selectedIndexes():
            source = self.proxy.mapToSource(index)
            f = self.model.field_of(source.column())
            if f is not None:
                out.append((source.row(), f.key))
        return sorted(
            set(out),
            key=lambda c: (
                self.proxy.mapFromSource(self.model.index(c[0], 0)).row(),
                self.model.column_of(c[1]),
            ),
        )

    def _push(self, cells: dict, what: str) -> None:
        if not cells:
            return
        names = {self.model.field_of(self.model.column_of(k)).label for _, k in cells}
        text = self.tr("{what}: 칸 {n}개 ({fields})").format(
            what=what, n=len(cells), fields=", ".join(sorted(names))[:60]
        )
        self.stack.push(SetCells(self.model, cells, text))

    def paste(self) -> None:
        """Cells copied from Excel, from the current cell right and down (proxy order); one
        copied value fills every selected cell."""
        grid = parse_clipboard(QGuiApplication.clipboard().text())
        current = self.view.currentIndex()
        if not grid or not current.isValid():
            return
        cells: dict[tuple[int, str], str] = {}
        if len(grid) == 1 and len(grid[0]) == 1:
            for row, key in self.selected_cells():
                f = self.model.field_of(self.model.column_of(key))
                cells[(row, key)] = resolve_value(f, grid[0][0])
        else:
            for i, values in enumerate(grid):
                proxy_row = current.row() + i
                if proxy_row >= self.proxy.rowCount():
                    break
                row = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
                for j, value in enumerate(values):
                    column = self.proxy.mapToSource(
                        self.proxy.index(proxy_row, current.column() + j)
                    ).column()
                    f = (
                        self.model.field_of(column)
                        if current.column() + j < self.proxy.columnCount()
                        else None
                    )
                    if f is not None:
                        cells[(row, f.key)] = resolve_value(f, value)
        self._push(cells, self.tr("붙여넣기"))

    def fill_down(self) -> None:
        cells = fill_down(self.model, self.selected_cells())
        cells = {c: v for c, v in cells.items() if v != self.model.entered(*c)}
        self._push(cells, self.tr("아래로 채우기"))

    def clear_cells(self) -> None:
        cells = {c: "" for c in self.selected_cells() if self.model.entered(*c)}
        self._push(cells, self.tr("지우기"))

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        """Every changed cell in one batch (``MetadataStore.set_many``) on the task runner."""
        changes = self.model.changes()
        if self.busy() or not changes:
            return False

        def job(catalog):
            from catalog_app.disclosure.metadata import MetadataStore

            return MetadataStore(catalog).set_many(changes)

        self._busy = True
        self._update()
        self.status.setText(self.tr("저장하는 중…"))
        self.ctx.runner.submit(job, lambda r: self._saved(r, list(changes)), self._save_failed)
        return True

    def _saved(self, result, ids: list[int]) -> None:
        self._busy = False
        if result.batch_id is not None:
            self.batches.append(result.batch_id)
        self.stack.clear()
        self._note = self.tr(
            "저장했습니다: 데이터셋 {d:,}개, 값 {v:,}개 (한 번에 되돌릴 수 있습니다)."
        ).format(d=result.updated, v=result.values)
        self.status.setText(self._note)
        self.saved.emit(ids)
        self._reload_quietly()

    def _save_failed(self, exc: Exception) -> None:
        self._busy = False
        self._update()
        self.status.setText(self.tr("저장하지 못했습니다: {e}").format(e=exc))
        dialogs.show_error(self, self.tr("저장하지 못했습니다:\n{e}").format(e=exc))

    def undo_save(self) -> None:
        if self.busy() or not self.batches or self.is_dirty():
            return
        batch = self.batches.pop()

        def job(catalog):
            from catalog_app.disclosure.metadata import MetadataStore

            store = MetadataStore(catalog)
            ids = store.batch_datasets(batch)
            store.undo(batch)
            return ids

        self._busy = True
        self._update()
        self.ctx.runner.submit(job, self._unsaved, self._save_failed)

    def _unsaved(self, ids: list[int]) -> None:
        self._busy = False
        self._note = self.tr("마지막 저장을 되돌렸습니다.")
        self.status.setText(self._note)
        self.saved.emit(ids)
        self._reload_quietly()

    def _reload_quietly(self) -> None:
        self.load(force=True)

    # ------------------------------------------------------------------ lifetime
    def shutdown(self) -> None:
        self._closing = True
        if self._thread is not None and self._job is not None:
            self._job.cancel()
            retire_job(self._thread, self._job, 5000)
