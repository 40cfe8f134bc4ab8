"""표준사전: search the working dictionary, see the editions and switch the current one, and (in
the review and history tabs) run the institution standard. All dictionary calls go to the task
runner: a new catalog's first use loads the shipped 7차 edition (~0.3 s), never on the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, labels
from ui.context import AppContext
from ui.models import Column, RowsModel
from ui.pages.base import Page, table_view
from ui.pages.dictionary_institution import InstitutionPanel
from ui.pages.dictionary_review import HistoryPanel, ReviewPanel
from ui.widths import fit_columns, keep_widths


def _overview(catalog) -> dict:
    from catalog_app.dictionary.store import DictionaryError, DictionaryStore

    store = DictionaryStore(catalog)
    try:
        current, error = store.ensure_shipped().key, None
    except DictionaryError as exc:  # official editions but none current: say so, still list
        current, error = None, str(exc)
    return {"current": current, "error": error, "editions": [e.as_dict() for e in store.editions()]}


def _hit_detail(h: dict) -> str:
    if h["kind"] == "word":
        return h.get("english") or ""
    if h["kind"] == "term":
        return h.get("domain") or ""
    length = h.get("length") or ""
    return f"{h.get('data_type') or ''}({length})" if length else (h.get("data_type") or "")


class DictionaryPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("표준사전"), parent)
        self._search_seq = 0
        self.current_key: str | None = None
        self.state = QLabel(self.tr("표준사전을 준비하는 중…"))
        self.state.setObjectName("muted")
        self.layout_.addWidget(self.state)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_search(), self.tr("검색"))
        self.tabs.addTab(self._build_editions(), self.tr("판"))
        self.institution = InstitutionPanel(ctx)
        self.institution.changed.connect(self._institution_changed)
        self.tabs.addTab(self.institution, self.tr("기관표준"))
        self.review = ReviewPanel(ctx)
        self.review.changed.connect(self._institution_changed)
        self.tabs.addTab(self.review, self.tr("검토 대기"))
        self.history = HistoryPanel(ctx)
        self.history.changed.connect(self._institution_changed)
        self.tabs.addTab(self.history, self.tr("변경 이력"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.layout_.addWidget(self.tabs, 1)
        self._loaded = False
        ctx.scan_state_changed.connect(lambda _r: self._update_edition_buttons())

    # ------------------------------------------------------------------ search
    def _build_search(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("단어·용어·도메인 검색 (이름, 영문약어, 영문명, 이음동의어, 금칙어)")
        )
        self.search_box.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self._timer.start())
        layout.addWidget(self.search_box)
        self.hits = RowsModel(
            [
                Column("kind", self.tr("종류"), fmt=lambda h: labels.dict_kind_name(h["kind"])),
                Column("name", self.tr("이름")),
                Column("abbr", self.tr("영문약어")),
                Column("detail", self.tr("도메인·영문명·형식"), fmt=_hit_detail),
                Column("layer", self.tr("구분"), fmt=lambda h: labels.layer_name(h["layer"])),
                Column("edition", self.tr("판")),
                Column("description", self.tr("설명")),
            ],
            self,
        )
        self.hit_view = table_view(self.hits)
        keep_widths(self.hit_view, "dictionary_search", room=6)
        layout.addWidget(self.hit_view, 1)
        return box

    def focus_search(self) -> bool:
        self.tabs.setCurrentIndex(0)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()
        return True

    def run_search(self) -> None:
        from catalog_app.dictionary.search import search_dictionary
        from catalog_app.dictionary.store import DictionaryStore

        self._timer.stop()
        text = self.search_box.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        if not text:
            self.hits.set_rows([])
            return
        self.ctx.runner.submit(
            lambda catalog: search_dictionary(DictionaryStore(catalog), text, 200),
            lambda hits: self._search_done(seq, hits),
        )

    def _search_done(self, seq: int, hits: list[dict]) -> None:
        if seq != self._search_seq:  # an older query answered after a newer one was typed
            return
        self.hits.set_rows(hits)
        fit_columns(self.hit_view, {1: 200, 3: 200, 5: 120, 6: 600})

    # ---------------------------------------------------------------- editions
    def _build_editions(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.editions = RowsModel(
            [
                Column("is_current", self.tr("현재"), fmt=lambda e: "✔" if e["is_current"] else ""),
                Column("key", self.tr("판")),
                Column("layer", self.tr("구분"), fmt=lambda e: labels.layer_name(e["layer"])),
                Column("word_count", self.tr("단어"), numeric=True),
                Column("term_count", self.tr("용어"), numeric=True),
                Column("domain_count", self.tr("도메인"), numeric=True),
                Column("imported_at", self.tr("가져온 시각"), fmt=lambda e: e["imported_at"][:16]),
                Column("source", self.tr("출처")),
            ],
            self,
        )
        self.edition_view = table_view(self.editions)
        keep_widths(self.edition_view, "dictionary_editions", room=7)
        self.edition_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_edition_buttons()
        )
        layout.addWidget(self.edition_view, 1)
        row = QHBoxLayout()
        self.use_button = QPushButton(self.tr("현재 판으로"))
        self.use_button.setToolTip(
            self.tr(
                "고른 공통표준 판으로 매핑합니다. 폐기·변경된 용어에 매핑된 컬럼을 알려 줍니다."
            )
        )
        self.use_button.clicked.connect(self.use_selected)
        self.import_button = QPushButton(self.tr("판 가져오기…"))
        self.import_button.setToolTip(
            self.tr("행정안전부 공통표준 파일(xlsx, csv)을 새 판으로 가져옵니다")
        )
        self.import_button.clicked.connect(self._import_edition)
        self.diff_button = QPushButton(self.tr("현재 판과 비교…"))
        self.diff_button.setToolTip(
            self.tr("고른 판과 현재 판의 단어·용어·도메인 추가·폐기·변경을 봅니다")
        )
        self.diff_button.clicked.connect(self.compare_selected)
        row.addWidget(self.use_button)
        row.addWidget(self.import_button)
        row.addWidget(self.diff_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._update_edition_buttons()
        return box

    def selected_edition(self) -> dict | None:
        index = self.edition_view.currentIndex()
        return self.editions.row(index.row()) if index.isValid() else None

    def _update_edition_buttons(self) -> None:
        """A scan suggests with the current edition: no switch or import while one runs."""
        e = self.selected_edition()
        scanning = self.ctx.scanning
        self.use_button.setEnabled(
            e is not None and e["layer"] == "official" and not e["is_current"] and not scanning
        )
        self.import_button.setEnabled(not scanning)
        self.diff_button.setEnabled(
            e is not None and not e["is_current"] and bool(self.current_key)
        )

    def compare_selected(self) -> None:
        """The selected edition against the current one, in a dialog (``standards diff``)."""
        e = self.selected_edition()
        if e is None or not self.current_key:
            return
        a, b = e["key"], self.current_key

        def job(catalog):
            from catalog_app.dictionary.diff import diff_dictionaries
            from catalog_app.dictionary.store import DictionaryStore

            store = DictionaryStore(catalog)
            return diff_dictionaries(store.load(a), store.load(b), a, b)

        self.state.setText(self.tr("{a}와(과) {b}를 비교하는 중…").format(a=a, b=b))
        self.ctx.runner.submit(job, self._compared)

    def _compared(self, diff) -> None:
        from ui.pages.edition_diff import EditionDiffDialog

        self._show_state()
        self._exec(EditionDiffDialog(diff, self))

    def _exec(self, dialog) -> bool:
        """Run a dialog modally (tests replace this to answer it)."""
        return bool(dialog.exec())

    def use_selected(self) -> None:
        e = self.selected_edition()
        if e is None or not dialogs.ask_confirm(
            self,
            self.tr("현재 판 바꾸기"),
            self.tr("현재 공통표준을 {key}(으)로 바꿀까요?").format(key=e["key"]),
        ):
            return
        key = e["key"]

        def job(catalog):
            from catalog_app.dictionary.store import DictionaryStore

            info, affected = DictionaryStore(catalog).use(key)
            return info.key, affected

        self.ctx.runner.submit(job, self._used)

    def _used(self, result) -> None:
        key, affected = result
        if affected:
            message = self.tr(
                "현재 판을 {key}(으)로 바꿨습니다. 아래 컬럼은 폐기되거나 바뀐 용어에 "
                "매핑되어 있어 다시 검토해야 합니다."
            ).format(key=key)
        else:
            message = self.tr(
                "현재 판을 {key}(으)로 바꿨습니다. 다시 검토할 매핑은 없습니다."
            ).format(key=key)
        dialogs.show_rows(
            self,
            self.tr("현재 판"),
            message,
            [self.tr("파일"), self.tr("시트"), self.tr("컬럼"), self.tr("용어"), self.tr("사유")],
            [(a["path"], a["table"], a["label"], a["term"], a["reason"]) for a in affected],
        )
        self._institution_changed()

    def _import_edition(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("공통표준 파일 선택"),
            self.ctx.settings.last_dir,
            self.tr("공통표준 (*.xlsx *.csv);;모든 파일 (*)"),
        )
        if not path:
            return

        def job(catalog):
            from catalog_app.dictionary.formats import read_dictionary
            from catalog_app.dictionary.store import DictionaryStore

            return DictionaryStore(catalog).import_edition(read_dictionary(Path(path))).key

        self.ctx.runner.submit(job, self._imported)

    def _imported(self, key: str) -> None:
        dialogs.show_info(self, self.tr("{key} 판을 가져왔습니다.").format(key=key))
        self._institution_changed()

    # ----------------------------------------------------------------- loading
    def reload(self) -> None:
        self.ctx.runner.submit(_overview, self._overview_loaded)

    def _overview_loaded(self, data: dict) -> None:
        self._loaded = True
        self.current_key = data["current"]
        self.editions.set_rows(data["editions"])
        fit_columns(self.edition_view, {1: 160, 7: 400})
        self._overview = data
        self._show_state()
        self._update_edition_buttons()

    def _show_state(self) -> None:
        """The line above the tabs: the current edition (a busy text never stays there)."""
        data = getattr(self, "_overview", None)
        if data is None:
            return
        institution = next((e for e in data["editions"] if e["layer"] == "institution"), None)
        own = institution["term_count"] if institution else 0
        if data["current"]:
            self.state.setText(
                self.tr("현재 공통표준: {key} · 기관표준 용어 {n:,}개").format(
                    key=data["current"], n=own
                )
            )
        else:
            self.state.setText(data["error"] or "")

    def _tab_changed(self, index: int) -> None:
        panel = self.tabs.widget(index)
        if panel in (self.institution, self.review, self.history) and not panel.loaded:
            panel.reload()

    def _institution_changed(self) -> None:
        self.reload()
        self.review.reload()
        self.history.reload()
        if self.institution.loaded and self.sender() is not self.institution:
            self.institution.reload()  # (the panel reloads itself after its own changes)
        if self.search_box.text().strip():
            self.run_search()
        self.ctx.dictionary_changed.emit()

    def on_shown(self) -> None:
        self.reload()
        self._tab_changed(self.tabs.currentIndex())
