"""Start the desktop app: ``from ui.app import main; main()`` (or ``python -m ui [CATALOG]``).

Sets up what every run needs before the first window: a Korean font (Hangul must never render
as boxes), the log file and an excepthook (never a silent crash), the stylesheet and Qt's own
Korean strings (예/아니요 on message boxes). Heavy modules are imported by the pages that need
them, so the window appears fast.

The interface is Korean in the sources; English comes from
``resources/translations/catalog_app_en.qm`` (refreshed by ``tools/update_translations.py``) and
can be switched on and off while the app runs (``ui.language.switch_language``).
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.language import display_name, install_translators
from ui.settings import APPLICATION, ORGANIZATION, Settings

log = logging.getLogger(__name__)

KOREAN_FAMILIES = ("NanumGothic", "Malgun Gothic", "Noto Sans CJK KR", "Apple SD Gothic Neo")


def _resources() -> Path:
    from catalog_app.shipped import resources_dir

    return Path(str(resources_dir()))


def korean_font_family() -> str | None:
    """The first installed Korean family we trust; else a bundled font file, if one ships."""
    families = set(QFontDatabase.families())
    for family in KOREAN_FAMILIES:
        if family in families:
            return family
    fonts = _resources() / "fonts"
    for path in sorted(fonts.glob("*.[ot]tf")) if fonts.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if loaded:
            return loaded[0]
    return None


def configure_app(app: QApplication, language: str = "ko") -> None:
    """Font, translations, style sheet and icon; shared by :func:`main`, tests and benchmarks."""
    family = korean_font_family()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 9.5))
        app.setFont(font)
    else:
        log.warning("한글 글꼴을 찾지 못했습니다. 한글이 네모로 보일 수 있습니다.")
    install_translators(app, language)  # also sets the translated display name
    style = _resources() / "style.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    icon = _resources() / "icons" / "app.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def _open_window(catalog_path: str | None):
    """The main window on the requested catalog; on failure, offer the default catalog."""
    from catalog_app.config import default_catalog_path
    from ui.main_window import MainWindow

    try:
        return MainWindow(catalog_path)
    except Exception as exc:
        log.exception("카탈로그를 열 수 없습니다")
        fallback = str(default_catalog_path())
        tried = catalog_path or Settings().catalog_path or fallback
        from ui.workers import failure_text

        message = QCoreApplication.translate(
            "main", "카탈로그를 열 수 없습니다:\n{path}\n\n{error}"
        ).format(path=tried, error=failure_text(exc, tried))
        if Path(tried).absolute() == Path(fallback).absolute():
            QMessageBox.critical(None, display_name(), message)
            return None
        QMessageBox.warning(
            None,
            display_name(),
            message + QCoreApplication.translate("main", "\n\n기본 카탈로그를 엽니다."),
        )
        return MainWindow(fallback)


def main(catalog_path: str | None = None) -> int:
    """Run the app; returns the exit code of the event loop (1 when no catalog could be opened)."""
    started = time.perf_counter()
    app = QApplication.instance()
    if app is None:
        from ui.display_probe import display_problem

        problem = display_problem()  # QApplication would abort the process on such a display
        if problem is not None:
            print(f"창을 열 수 없습니다: {problem}", file=sys.stderr)
            return 1
        # Qt 6 scales for high-DPI screens by default (PassThrough rounding); nothing to switch on.
        app = QApplication(sys.argv)
    from ui.gc_guard import GuiThreadCollector

    app._gc_guard = GuiThreadCollector(app)  # collect cycles on the GUI thread only
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    from ui.logging_setup import ErrorReporter, setup_logging

    log_path = setup_logging()
    reporter = ErrorReporter(log_path)
    reporter.install()
    log.info("시작 (Python %s)", sys.version.split()[0])
    configure_app(app, Settings().language)
    window = _open_window(catalog_path)
    if window is None:
        return 1
    reporter.catalog_path = lambda: window.ctx.catalog_path
    window.show()
    QTimer.singleShot(0, lambda: log.info("창을 띄우기까지 %.2f s", time.perf_counter() - started))
    from ui.gc_guard import freeze_startup

    QTimer.singleShot(1000, freeze_startup)  # the window's own objects: never walked again
    from ui.page_warmup import warm_page_modules

    QTimer.singleShot(1500, warm_page_modules)  # first visits then only build widgets
    main.window = window  # reachable for tests and kept alive while the loop runs
    try:
        return app.exec()
    finally:
        window.shutdown()
        log.info("끝")
