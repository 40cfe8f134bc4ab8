"""Start the desktop app: ``from ui.app import main; main()`` (or ``python -m ui [CATALOG]``).

Sets up what every run needs before the first window: a Korean font (Hangul must never render
as boxes), the log file and an excepthook (never a silent crash), the stylesheet and Qt's own
Korean strings (예/아니요 on message boxes). Heavy modules are imported by the pages that need
them, so the window appears fast.

The interface is Korean in the sources; English comes from
``resources/translations/catalog_app_en.qm`` (refreshed by ``tools/update_translations.py``) and
can be switched on and off while the app runs (:func:`switch_language`).
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.settings import APPLICATION, LANGUAGES, ORGANIZATION, Settings

log = logging.getLogger(__name__)

KOREAN_FAMILIES = ("NanumGothic", "Malgun Gothic", "Noto Sans CJK KR", "Apple SD Gothic Neo")
DISPLAY_NAME = "공공데이터 목록 관리"  # the source; display_name() gives it translated


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


# The translators this module installed, so a language switch can remove exactly those (other
# code's translators stay), and the language they are for.
_installed: list[QTranslator] = []
_language = "ko"


def display_name() -> str:
    """The application's name in the current language (window titles, message boxes)."""
    return QCoreApplication.translate("main", "공공데이터 목록 관리")


def _install_translators(app: QApplication, language: str) -> None:
    """Qt's own strings (standard buttons) in the chosen language, and ours for English (the
    sources are Korean); the translators of an earlier call are removed first."""
    global _language
    language = language if language in LANGUAGES else "ko"
    _language = language
    while _installed:
        old = _installed.pop()
        app.removeTranslator(old)
        old.deleteLater()
    locale = QLocale(QLocale.Language.Korean if language == "ko" else QLocale.Language.English)
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir)]
    if language != "ko":  # the source strings are Korean
        candidates.append((f"catalog_app_{language}", str(_resources() / "translations")))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.info("번역 파일이 없습니다: %s (%s)", name, folder)
    app.setApplicationDisplayName(display_name())


def current_language() -> str:
    """The language the interface is in now ('ko' until English is switched on)."""
    return _language


def switch_language(app: QApplication, language: str) -> None:
    """Switch the interface language now: our translators are replaced and every top-level
    window with a ``retranslate()`` (the main window) rebuilds its texts.

    The caller stores the choice (``Settings.language``); this only changes the running app.
    What happens to a page that is busy is :meth:`ui.main_window.MainWindow.retranslate`'s
    business: it keeps such a page and rebuilds it later, so a switch is never refused.
    """
    _install_translators(app, language)
    for widget in app.topLevelWidgets():
        retranslate = getattr(widget, "retranslate", None)
        if callable(retranslate):
            retranslate()


def configure_app(app: QApplication, language: str = "ko") -> None:
    """Font, translations, style sheet and icon; shared by :func:`main`, tests and benchmarks."""
    family = korean_font_family()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 9.5))
        app.setFont(font)
    else:
        log.warning("한글 글꼴을 찾지 못했습니다. 한글이 네모로 보일 수 있습니다.")
    _install_translators(app, language)  # also sets the translated display name
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
    main.window = window  # reachable for tests and kept alive while the loop runs
    try:
        return app.exec()
    finally:
        window.shutdown()
        log.info("끝")
