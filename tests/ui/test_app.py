"""ui.app: main() opens the window and returns the loop's exit code; uncaught errors are logged
and shown with the log path (also when they happen on a worker thread)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

REPO = Path(__file__).resolve().parents[2]

# main() owns process-wide state (QApplication, excepthooks, log handlers): run it in a child.
MAIN = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication(sys.argv[:1])
QTimer.singleShot(400, app.quit)
from ui.app import main
code = main(sys.argv[1])
print("title:", main.window.windowTitle(), "font:", app.font().family())
sys.exit(code)
"""


def test_main_runs_and_logs_launch_time(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("CATALOG_APP_CATALOG", None)
    done = subprocess.run(
        [sys.executable, "-c", MAIN, str(tmp_path / "main.db"), str(tmp_path / "qs")],
        capture_output=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    out = done.stdout.decode("utf-8", "replace")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    assert "title: 공공데이터 목록 관리" in out
    assert (tmp_path / "main.db").exists()
    if sys.platform.startswith("linux"):  # platformdirs follows XDG_DATA_HOME there
        log = tmp_path / "data" / "catalog_app" / "logs" / "catalog_app.log"
        assert "창을 띄우기까지" in log.read_text(encoding="utf-8")


def test_error_reporter_logs_and_shows_the_log_path(tmp_path, monkeypatch, qtbot):
    from ui.logging_setup import ErrorReporter

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    reporter = ErrorReporter(tmp_path / "x.log")
    try:
        raise ValueError("잘못된 값")
    except ValueError as exc:
        reporter.hook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and "잘못된 값" in shown[0] and "x.log" in shown[0]

    def fail():
        try:
            raise RuntimeError("작업 스레드 오류")
        except RuntimeError as exc:
            reporter.hook(type(exc), exc, exc.__traceback__)

    thread = threading.Thread(target=fail)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15_000)
    assert "작업 스레드 오류" in shown[1]
