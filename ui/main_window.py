"""The main window: navigation on the left, pages in a stack (built on first visit, so launch
stays fast), menus, toolbar, shortcuts and a status bar with the catalog and its counts.

A language switch (``ui.language.switch_language``) calls :meth:`MainWindow.retranslate`: the window's
own texts change at once and the pages are rebuilt, except a page that is working or holds unsaved
edits, which is kept and rebuilt on a later visit (see there)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from ui import dialogs
from ui.backup_menu import CatalogBackup
from ui.context import AppContext
from ui.language import switch_language
from ui.pages.base import Page
from ui.settings import Settings

log = logging.getLogger(__name__)

PAGE_KEYS = (
    "overview",
    "scan",
    "catalog",
    "mapping",
    "dictionary",
    "metadata",
    "disclosure",
    "quality",
    "settings",
)


def resolve_catalog_path(explicit: str | os.PathLike | None, settings: Settings) -> str:
    """An explicit path, else $CATALOG_APP_CATALOG, else the last one used, else the default."""
    from catalog_app.config import CATALOG_ENV, default_catalog_path

    if explicit:
        return str(explicit)
    if os.environ.get(CATALOG_ENV):
        return str(default_catalog_path())
    return settings.catalog_path or str(default_catalog_path())


class MainWindow(QMainWindow):
    def __init__(self, catalog_path: str | os.PathLike | None = None, settings=None):
        super().__init__()
        self.settings = settings or Settings()
        path = resolve_catalog_path(catalog_path, self.settings)
        self.ctx = AppContext(path, self.settings)
        self.settings.catalog_path = self.ctx.catalog_path
        self._closed = False
        self._stale: set[str] = set()  # pages kept through a language switch, rebuilt later
        self._retired: list[Page] = []  # replaced pages, deleted once no job can call them
        self.setMinimumSize(QSize(900, 600))
        self.backup = CatalogBackup(self)
        self._build_central()
        self._build_actions()
        self._build_status_bar()
        self._retranslate_chrome()
        self._connect_context()
        self._restore()

    def _page_titles(self) -> list[str]:
        return [
            self.tr("현황"),
            self.tr("스캔"),
            self.tr("카탈로그"),
            self.tr("매핑 검토"),
            self.tr("표준사전"),
            self.tr("공개 항목"),
            self.tr("공개목록"),
            self.tr("품질진단"),
            self.tr("설정"),
        ]

    # ------------------------------------------------------------------ layout
    def _build_central(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(168)
        self.nav.setIconSize(QSize(18, 18))
        icons = (
            QStyle.StandardPixmap.SP_ComputerIcon,
            QStyle.StandardPixmap.SP_DirOpenIcon,
            QStyle.StandardPixmap.SP_FileDialogDetailedView,
            QStyle.StandardPixmap.SP_DialogApplyButton,
            QStyle.StandardPixmap.SP_FileDialogContentsView,
            QStyle.StandardPixmap.SP_FileDialogListView,
            QStyle.StandardPixmap.SP_DialogSaveButton,
            QStyle.StandardPixmap.SP_MessageBoxWarning,
            QStyle.StandardPixmap.SP_FileDialogInfoView,
        )
        for icon in icons:  # texts: _retranslate_chrome
            item = QListWidgetItem(self.style().standardIcon(icon), "")
            item.setSizeHint(QSize(0, 40))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self._reset_pages()
        self.nav.currentRowChanged.connect(self._show_index)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _reset_pages(self) -> None:
        self.pages: dict[str, Page] = {}
        self._stale.clear()
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        for _ in PAGE_KEYS:
            self.stack.addWidget(QWidget())  # replaced by the real page on first visit

    def _make_page(self, key: str) -> Page:
        ctx = self.ctx
        if key == "overview":
            from ui.pages.overview_page import OverviewPage

            page = OverviewPage(ctx)
            page.navigate.connect(self.show_page)
            page.open_list.connect(self.open_list)
            return page
        if key == "scan":
            from ui.pages.scan_page import ScanPage

            page = ScanPage(ctx)
            page.next_step.connect(self._next_step)
            return page
        if key == "catalog":
            from ui.pages.catalog_page import CatalogPage

            page = CatalogPage(ctx)
            page.metadata_requested.connect(lambda i: self._open_metadata(i, "", ""))
            return page
        if key == "mapping":
            from ui.pages.mapping_page import MappingPage

            return MappingPage(ctx)
        if key == "metadata":
            from ui.pages.metadata_page import MetadataPage

            return MetadataPage(ctx)
        if key == "dictionary":
            from ui.pages.dictionary_page import DictionaryPage

            return DictionaryPage(ctx)
        if key == "quality":
            from ui.pages.quality_page import QualityPage

            return QualityPage(ctx)
        if key == "settings":
            from ui.pages.settings_page import SettingsPage

            page = SettingsPage(ctx)
            page.open_catalog_requested.connect(self.open_catalog)
            page.language_requested.connect(self._switch_language)
            return page
        from ui.pages.disclosure_page import DisclosurePage

        page = DisclosurePage(ctx)
        page.open_metadata.connect(self._open_metadata)
        page.open_problem_requested.connect(self._open_problem)
        page.problems_changed.connect(self._problems_changed)
        return page

    def open_list(self, what: str, key) -> None:
        """A dashboard bar was clicked: the list behind it."""
        if what in ("status", "pii", "department"):
            page = self.show_page("catalog")
            page.show_filtered(
                status=key if what == "status" else None,
                pii=what == "pii",
                department=key if what == "department" else None,
            )
        elif what == "word":
            page = self.show_page("mapping")
            page.filter_bar.search_box.setText(str(key))
        elif what in ("year", "openness"):
            page = self.show_page("disclosure")
            if what == "year":
                page.year.setValue(int(key))
            page.validate()

    def _open_metadata(self, dataset_id: int, field: str, column: str) -> None:
        """A dataset's 공개 항목 (at a field, a column's row) on the 공개 항목 page."""
        self.show_page("metadata").show_metadata(dataset_id, field, column or None)

    def _open_problem(self, problem: dict, problems: list) -> None:
        """A validation problem was opened: its field, with 다음/이전 문제 over the list."""
        self.show_page("metadata").show_problem(problem, problems)

    def _problems_changed(self, problems: list) -> None:
        page = self.pages.get("metadata")
        if page is not None:
            page.update_problems(problems)

    def _next_step(self, key: str, action: str) -> None:
        """The scan page's '다음 단계' buttons: a page, and maybe its first job."""
        page = self.show_page(key)
        if action == "map":
            page.start_mapping()

    def page(self, key: str) -> Page:
        """The page for ``key``, built now if it was never shown."""
        if key not in self.pages:
            index = PAGE_KEYS.index(key)
            page = self._make_page(key)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    def show_page(self, key: str) -> Page:
        index = PAGE_KEYS.index(key)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # -> _show_index
        else:
            self._show_index(index)
        return self.pages[key]

    def current_key(self) -> str:
        return PAGE_KEYS[max(self.nav.currentRow(), 0)]

    def _show_index(self, index: int) -> None:
        if not 0 <= index < len(PAGE_KEYS):
            return
        key = PAGE_KEYS[index]
        if key in self._stale and not self._must_keep(self.pages[key]):
            self._discard_page(key)  # kept through a language switch; idle now: rebuilt
        page = self.page(key)
        self.stack.setCurrentIndex(index)
        page.on_shown()

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcut=None, icon=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        """Menus, toolbar and shortcuts; their texts are set by :meth:`_retranslate_chrome`."""
        sp = QStyle.StandardPixmap
        self.open_action = self._action(
            "", self._choose_catalog, QKeySequence.StandardKey.Open, sp.SP_DialogOpenButton
        )
        self.quit_action = self._action("", self.close, QKeySequence.StandardKey.Quit)
        self.rescan_action = self._action("", self.rescan, "F5", sp.SP_BrowserReload)
        self.search_action = self._action(
            "", self.focus_search, QKeySequence.StandardKey.Find, sp.SP_FileDialogContentsView
        )
        self.merge_action = self._action("", self.merge_bundles)
        self.log_action = self._action("", self.show_log)
        self.shortcuts_action = self._action("", self.show_shortcuts, "F1")
        self.about_action = self._action("", self.show_about)
        self.backup_action = self._action("", self.backup.choose_backup)
        self.restore_action = self._action("", self.backup.choose_restore)
        self.file_menu = menu = self.menuBar().addMenu("")
        menu.addAction(self.open_action)
        menu.addAction(self.rescan_action)
        menu.addAction(self.merge_action)
        menu.addSeparator()
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.view_menu = view = self.menuBar().addMenu("")
        self.page_actions = []
        for i, key in enumerate(PAGE_KEYS):
            action = self._action("", lambda _=False, k=key: self.show_page(k), f"Ctrl+{i + 1}")
            view.addAction(action)
            self.page_actions.append(action)
        view.addSeparator()
        view.addAction(self.search_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.log_action)
        self.help_menu.addAction(self.about_action)
        self.toolbar = toolbar = self.addToolBar("")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (self.rescan_action, self.search_action, self.open_action):
            toolbar.addAction(action)
        view.insertAction(view.actions()[0], toolbar.toggleViewAction())

    def _retranslate_chrome(self) -> None:
        """The window's own texts in the current language: title, navigation, menus, toolbar."""
        self.setWindowTitle(self.tr("공공데이터 목록 관리"))
        for i, title in enumerate(self._page_titles()):
            item = self.nav.item(i)
            item.setText(title)
            item.setToolTip(f"{title} (Ctrl+{i + 1})")
            self.page_actions[i].setText(title)
        self.open_action.setText(self.tr("카탈로그 열기…"))
        self.quit_action.setText(self.tr("끝내기"))
        self.rescan_action.setText(self.tr("다시 스캔"))
        self.merge_action.setText(self.tr("부서 꾸러미 합치기…"))
        self.search_action.setText(self.tr("검색"))
        self.backup_action.setText(self.tr("카탈로그 백업…"))
        self.backup_action.setToolTip(
            self.tr("앱이 실행 중이어도 일관된 사본을 만듭니다 (파일 복사 대신 이 기능을 쓰세요).")
        )
        self.restore_action.setText(self.tr("카탈로그 복원…"))
        self.log_action.setText(self.tr("로그 보기"))
        self.shortcuts_action.setText(self.tr("단축키"))
        self.about_action.setText(self.tr("정보"))
        self.file_menu.setTitle(self.tr("파일(&F)"))
        self.view_menu.setTitle(self.tr("보기(&V)"))
        self.help_menu.setTitle(self.tr("도움말(&H)"))
        self.toolbar.setWindowTitle(self.tr("도구 모음"))  # also its toggle action's text

    # ---------------------------------------------------------------- language
    def _switch_language(self, language: str) -> None:
        """The 설정 page's language choice (already stored): applied now."""
        switch_language(QApplication.instance(), language)

    def retranslate(self) -> None:
        """Show the current language after the translators changed (``ui.language.switch_language``).

        The window's title, navigation, menus, toolbar and status bar change at once. Pages hold
        their texts in their widgets, so they are rebuilt, as after a catalog switch: the shown
        page at once, the others on their next visit; their data is all in the catalog. A page
        that :meth:`_must_keep` (a scan, suggestions or a disclosure job running, or unsaved
        edits in the metadata form) is left as it is, still working, in the old language, and
        rebuilt when it is next shown once it is idle. So a switch is never refused and never
        stops work or drops typing. The replaced pages are deleted once the task runner has no
        job left that could call back into them.
        """
        if self._closed:
            return
        self._retranslate_chrome()
        self.update_status()
        current = self.current_key()
        for key in list(self.pages):
            if self._must_keep(self.pages[key]):
                self._stale.add(key)
            else:
                self._discard_page(key)
        if current not in self.pages:
            self._show_index(PAGE_KEYS.index(current))

    @staticmethod
    def _must_keep(page: Page) -> bool:
        """Whether rebuilding ``page`` now would stop work or lose edits: it is ``busy()`` or a
        widget in it reports unsaved changes through ``is_dirty()``."""
        if page.busy():
            return True
        for widget in page.findChildren(QWidget):
            is_dirty = getattr(widget, "is_dirty", None)
            if callable(is_dirty) and is_dirty():
                return True
        return False

    def _discard_page(self, key: str) -> None:
        """Swap a built page for the placeholder it replaced; built again on its next visit."""
        page = self.pages.pop(key)
        self._stale.discard(key)
        index = PAGE_KEYS.index(key)
        self.stack.insertWidget(index, QWidget())
        self.stack.removeWidget(page)  # hidden; still a child of the stack until deleted
        _stop_page(page)
        self._retired.append(page)
        QTimer.singleShot(0, self._delete_retired)

    def _delete_retired(self) -> None:
        """Delete replaced pages unless a queued job's callback may still reach them (retried
        when the runner falls idle)."""
        if self._closed or self.ctx.runner.busy:
            return
        while self._retired:
            self._retired.pop().deleteLater()

    def _build_status_bar(self) -> None:
        self.path_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _connect_context(self) -> None:
        self.ctx.data_changed.connect(self.update_status)
        self.ctx.scan_state_changed.connect(self._scan_state)
        self.ctx.runner.busy_changed.connect(self._runner_busy)
        self.update_status()

    def _runner_busy(self, busy: bool) -> None:
        if not busy and self._retired:
            QTimer.singleShot(0, self._delete_retired)

    def update_status(self) -> None:
        c = self.ctx.counts()
        self.path_label.setText(self.tr("카탈로그: {path}").format(path=self.ctx.catalog_path))
        self.path_label.setToolTip(self.ctx.catalog_path)
        text = self.tr("데이터셋 {datasets:,}개 · 컬럼 {columns:,}개").format(**c)
        if c["errors"]:
            text += self.tr(" · 오류 {n:,}").format(n=c["errors"])
        if c["missing"]:
            text += self.tr(" · 없어짐 {n:,}").format(n=c["missing"])
        if self.ctx.scanning:
            text = self.tr("스캔 중… · ") + text
        self.counts_label.setText(text)

    def _scan_state(self, running: bool) -> None:
        """While a scan holds the catalog: no second scan, no catalog switch, no restore."""
        for action in (self.rescan_action, self.open_action, self.restore_action):
            action.setEnabled(not running)
        self.update_status()

    # ---------------------------------------------------------------- commands
    def rescan(self) -> None:
        page = self.show_page("scan")
        page.start_scan(force=False)

    def merge_bundles(self) -> None:
        """파일 › 부서 꾸러미 합치기 (ui.bundle_merge); the pages see the new datasets after."""

        from ui.bundle_merge import MergeDialog

        if self.ctx.scanning:
            dialogs.show_info(self, self.tr("스캔이 끝난 뒤에 꾸러미를 합칠 수 있습니다."))
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("합칠 부서 꾸러미 고르기"),
            "",
            self.tr("카탈로그 꾸러미 (*.bundle *.sqlite *.db);;모든 파일 (*)"),
        )
        if not paths:
            return
        dialog = MergeDialog(self.ctx.catalog_path, paths, self)
        dialog.start()
        dialog.exec()
        if dialog.report is not None:
            self.ctx.data_changed.emit()
            self.ctx.dictionary_changed.emit()  # missing institution terms joined the review

    def focus_search(self) -> None:
        current = self.pages.get(self.current_key())
        if current is None or not current.focus_search():
            self.show_page("catalog").focus_search()

    def _choose_catalog(self) -> None:
        self.show_page("settings").choose_catalog()

    def open_catalog(self, path: str, reload: bool = False) -> bool:
        """Switch to another catalog file (created if new); pages are rebuilt for it. ``reload``
        rebuilds them for the same file (after a restore)."""
        path = str(Path(path).expanduser().absolute())
        if path == self.ctx.catalog_path and not reload:
            return True
        if any(p.busy() for p in self.pages.values()):
            dialogs.show_info(
                self, self.tr("스캔이 끝나거나 취소된 뒤에 카탈로그를 바꿀 수 있습니다.")
            )
            return False
        try:
            ctx = AppContext(path, self.settings)
        except Exception as exc:
            log.warning("카탈로그를 열 수 없습니다: %s", path, exc_info=True)
            from ui.workers import failure_text

            dialogs.show_error(
                self,
                self.tr("카탈로그를 열 수 없습니다:\n{path}\n\n{error}").format(
                    path=path, error=failure_text(exc, path)
                ),
            )
            return False
        self._shutdown_pages()
        self.ctx.close()  # its runner is shut down: no callback reaches a retired page now
        self.ctx = ctx
        self.settings.catalog_path = ctx.catalog_path
        while self._retired:
            self._retired.pop().deleteLater()
        self._reset_pages()
        self._connect_context()
        self.show_page("overview")
        log.info("카탈로그를 열었습니다: %s", path)
        return True

    def show_shortcuts(self) -> None:
        from ui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_log(self) -> None:
        from ui.logging_setup import log_file

        dialogs.LogDialog(log_file(), self).exec()

    def show_about(self) -> None:
        from PySide6 import __version__ as pyside_version

        from catalog_app import __version__

        QMessageBox.about(
            self,
            self.tr("정보"),
            self.tr(
                "공공데이터 목록 관리 {version}\n\n부서 PC의 스프레드시트를 읽기만 하여 목록을 "
                "만들고 공통표준에 맞춥니다. 인터넷 없이 동작합니다.\n\n카탈로그: {path}\n"
                "PySide6 {qt}"
            ).format(version=__version__, path=self.ctx.catalog_path, qt=pyside_version),
        )

    # ---------------------------------------------------------------- lifetime
    def _restore(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        first_run = self.ctx.counts()["datasets"] == 0
        start = 0 if first_run else min(max(self.settings.last_page, 0), len(PAGE_KEYS) - 1)
        self.nav.setCurrentRow(start)

    def _shutdown_pages(self) -> None:
        for page in self.pages.values():
            _stop_page(page)

    def shutdown(self) -> None:
        """Stop workers, remember the window, close the catalog (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.settings.save_window(self.saveGeometry(), self.saveState(), self.nav.currentRow())
        self._shutdown_pages()
        self.ctx.close()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            not self._closed
            and self.ctx.scanning
            and not dialogs.ask_confirm(
                self,
                self.tr("스캔 중"),
                self.tr(
                    "스캔이 진행 중입니다. 취소하고 끝낼까요? (끝난 파일까지는 저장되어 있습니다)"
                ),
            )
        ):
            event.ignore()
            return
        self.shutdown()
        event.accept()


def _stop_page(page: Page) -> None:
    """A page's own shutdown, then every delay timer in it (a search or filter typed a moment
    ago must not query a catalog the window is closing)."""
    page.shutdown()
    for timer in page.findChildren(QTimer):
        timer.stop()
