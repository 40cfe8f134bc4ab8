"""The interface language: which translators are installed, and switching them while the app runs.

The sources are Korean; English comes from ``resources/translations/catalog_app_en.qm``. Apart
from ``app`` (which starts the program and opens the main window) because the window, the 설정
page and the translation of core messages (``core_text``) all need the current language or the
switch: this module imports nothing of ``ui`` but the settings' list of languages, so none of
them has to import the start-up module that imports them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ui.settings import LANGUAGES

__all__ = ["current_language", "display_name", "install_translators", "switch_language"]

log = logging.getLogger(__name__)


def _translations_dir() -> str:
    from catalog_app.shipped import resources_dir

    return str(Path(str(resources_dir())) / "translations")


# The translators this module installed, so a language switch can remove exactly those (other
# code's translators stay), and the language they are for.
_installed: list[QTranslator] = []
_language = "ko"
DISPLAY_NAME = "공공데이터 목록 관리"  # the source; display_name() gives it translated


def display_name() -> str:
    """The application's name in the current language (window titles, message boxes)."""
    return QCoreApplication.translate("main", "공공데이터 목록 관리")


def install_translators(app: QApplication, language: str) -> None:
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
        candidates.append((f"catalog_app_{language}", _translations_dir()))
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
    install_translators(app, language)
    for widget in app.topLevelWidgets():
        retranslate = getattr(widget, "retranslate", None)
        if callable(retranslate):
            retranslate()
