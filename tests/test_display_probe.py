"""`catalog-app` with no arguments on a display Qt cannot reach: the CLI status screen, never the
SIGABRT that QApplication's xcb plugin raises (issue 15). The probe runs before Qt is imported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ui.display_probe import display_problem

REPO = Path(__file__).resolve().parents[1]
LAUNCH = "import sys; from ui.launch import main; sys.argv[0] = 'catalog-app'; main()"


def _env(tmp_path: Path, **extra) -> dict[str, str]:
    skip = ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "CATALOG_APP_NO_GUI")
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(
        CATALOG_APP_CATALOG=str(tmp_path / "c.db"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
        XDG_SESSION_TYPE="x11",
        **extra,
    )
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 display probe")
def test_no_arguments_on_a_dead_display_prints_the_status_screen(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH],
        env=_env(tmp_path, DISPLAY=":987"),
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == 0, err[-2000:]  # 134 (SIGABRT) before the probe
    assert f"카탈로그: {tmp_path / 'c.db'}" in out
    assert "Commands:" in out or "명령" in out
    assert "X 디스플레이 ':987'에 연결할 수 없습니다" in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 display probe")
def test_gui_command_on_a_dead_display_exits_with_a_message(tmp_path):
    code = LAUNCH.replace("main()", "sys.argv[1:] = ['gui']; main()")
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(tmp_path, DISPLAY=":987"),
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr.decode("utf-8")[-2000:]
    assert "창을 열 수 없습니다" in done.stderr.decode("utf-8")


def test_probe_answers_without_a_display_server():
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
    assert display_problem({}, "darwin") is None
    assert "DISPLAY" in display_problem({}, "linux")
    gone = display_problem(
        {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "none-15", "XDG_RUNTIME_DIR": "/nope"},
        "linux",
    )
    assert gone is not None and "Wayland" in gone
    # a dead Wayland socket with X listed after it: X decides (and here it is missing too)
    both = display_problem(
        {"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "/nope/w", "DISPLAY": ""}, "linux"
    )
    assert "Wayland" in both and "DISPLAY" in both


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_probe_accepts_a_live_x_server(tmp_path):
    display = f":{150 + os.getpid() % 500}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        problem = "not started"
        while time.monotonic() < deadline and problem is not None:
            problem = display_problem({"DISPLAY": display}, "linux")
            time.sleep(0.2)
        assert problem is None
    finally:
        server.terminate()
        server.wait(10)
