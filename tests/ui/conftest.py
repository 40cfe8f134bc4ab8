"""pytest-qt setup for the desktop app: offscreen Qt, settings in a temporary folder, catalogs
built once per session, and a clean skip of this folder where Qt cannot run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _gc_on_main_thread():
    """As in the app (ui/gc_guard.py): no cyclic collection in worker threads during a test;
    collect on the main thread after it."""
    import gc

    gc.disable()
    yield
    gc.collect()
    gc.enable()


REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def _import_problem() -> str | None:
    try:
        import PySide6.QtWidgets  # noqa: F401
    except Exception as exc:  # ImportError, or OSError for a missing system library
        return f"PySide6를 불러올 수 없습니다: {exc}"
    return None


def _app_problem() -> str | None:
    """QApplication is probed in a child process: a missing platform plugin aborts the process
    (qFatal) instead of raising."""
    probe = "from PySide6.QtWidgets import QApplication; QApplication([]).processEvents()"
    try:
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, timeout=60, env=os.environ.copy()
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"QApplication 확인 실패: {exc}"
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        return f"QApplication을 만들 수 없습니다: {' '.join(tail)}"
    return None


HERE = Path(__file__).resolve().parent
_IMPORT_PROBLEM = _import_problem()
_PROBLEM = _IMPORT_PROBLEM or _app_problem()

if _IMPORT_PROBLEM:
    # The test modules import PySide6 themselves: do not even collect them.
    collect_ignore_glob = ["test_*.py"]


def pytest_report_header(config):
    if _PROBLEM:
        return f"tests/ui: 건너뜀 — {_PROBLEM}"
    return None


def pytest_collection_modifyitems(config, items):
    """Qt imports but cannot open an application here: every test in this folder is skipped."""
    if not _PROBLEM:
        return
    skip = pytest.mark.skip(reason=f"tests/ui 건너뜀: {_PROBLEM}")
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)


if not _IMPORT_PROBLEM:
    from PySide6.QtCore import QCoreApplication, QSettings

    from catalog_app.catalog.store import Catalog


@pytest.fixture(scope="session")
def app_configured(qapp):
    """The Korean font, style sheet and Qt's Korean strings, as ui.app.main sets them."""
    from ui.app import configure_app

    configure_app(qapp, "ko")
    return qapp


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings in a temporary folder, never the developer's own."""
    monkeypatch.delenv("CATALOG_APP_CATALOG", raising=False)
    monkeypatch.setenv("CATALOG_APP_USER", "검토자")
    QCoreApplication.setOrganizationName("catalog_app_tests")
    QCoreApplication.setApplicationName("catalog_app_tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog would hang an offscreen test: record messages, refuse unplanned questions.
    Tests that expect a question monkeypatch the function again."""
    from ui import dialogs

    messages: list[tuple[str, str]] = []

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    monkeypatch.setattr(dialogs, "show_error", lambda p, m, t=None: messages.append(("error", m)))
    monkeypatch.setattr(dialogs, "show_info", lambda p, m, t=None: messages.append(("info", m)))
    monkeypatch.setattr(dialogs, "show_rows", lambda p, t, m, h, r: messages.append(("rows", m)))
    for name in ("ask_confirm", "ask_reason", "ask_header", "ask_term_choice", "ask_new_term"):
        monkeypatch.setattr(dialogs, name, unexpected)
    return messages


@pytest.fixture(scope="session")
def data_folders(tmp_path_factory) -> dict[str, Path]:
    """Copies of the sample and bad fixtures (scans never touch the repository's files)."""
    root = tmp_path_factory.mktemp("data")
    out = {}
    for name in ("sample", "bad"):
        out[name] = root / name
        shutil.copytree(FIXTURES / name, out[name])
    return out


@pytest.fixture(scope="session")
def template_catalog(tmp_path_factory, data_folders) -> Path:
    """A catalog with the sample and bad folders scanned and the shipped dictionary loaded."""
    from catalog_app.dictionary.store import DictionaryStore
    from catalog_app.scan.scanner import scan

    path = tmp_path_factory.mktemp("template") / "catalog.db"
    with Catalog(path) as catalog:
        scan(catalog, [str(data_folders["sample"]), str(data_folders["bad"])])
        DictionaryStore(catalog).ensure_shipped()
    return path


@pytest.fixture
def catalog_copy(template_catalog, tmp_path) -> Path:
    target = tmp_path / "catalog.db"
    shutil.copy(template_catalog, target)
    return target


@pytest.fixture
def make_window(qtbot, app_configured):
    """Build a MainWindow on a catalog; stopped and closed after the test."""
    from ui.main_window import MainWindow

    windows = []

    def make(catalog_path: Path):
        window = MainWindow(str(catalog_path))
        qtbot.addWidget(window)
        window.resize(1200, 780)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()
