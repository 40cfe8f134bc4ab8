"""Can a window open here? Answered *before* a QApplication exists, without importing Qt.

Qt's xcb platform plugin does not raise when the X server cannot be reached or a system library
it needs is missing: ``QApplication`` logs and aborts the process (``qFatal`` → SIGABRT). So
``catalog-app`` with no arguments on a box whose ``DISPLAY`` is stale (an SSH session without X
forwarding, a closed Xvfb, a locked screen's display gone) died instead of printing the status
screen. :func:`display_problem` asks the display itself — the Wayland socket, or libxcb's own
``xcb_connect`` (which reads ``DISPLAY`` and the X authority exactly as Qt will) — and names the
cause in Korean, so the caller can fall back to the command line.

Windows and macOS always have their native platform: nothing to probe there.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import socket
import sys
from collections.abc import Mapping

# Platforms that never need a display server (Qt picks these from QT_QPA_PLATFORM).
_HEADLESS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
# Besides libxcb itself, Qt 6.5+'s xcb plugin refuses to load without libxcb-cursor (a Debian
# machine without the desktop packages lacks it): the same abort, so it is probed too.
_XCB_LIBRARIES = ("libxcb.so.1", "libxcb-cursor.so.0")


def _platform_choice(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (``QT_QPA_PLATFORM`` may list several)."""
    chosen = [p.split(":")[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    chosen = [p for p in chosen if p]
    if chosen:
        return chosen
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def _wayland_problem(env: Mapping[str, str]) -> str | None:
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    path = name if os.path.isabs(name) else os.path.join(env.get("XDG_RUNTIME_DIR", ""), name)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            sock.connect(path)
    except OSError as exc:
        return f"Wayland 디스플레이({path})에 연결할 수 없습니다: {exc.strerror or exc}"
    return None


def _load(name: str):
    try:
        return ctypes.CDLL(name)
    except OSError:
        found = ctypes.util.find_library(name.removeprefix("lib").split(".so")[0])
        return ctypes.CDLL(found) if found else None


def _x11_problem(env: Mapping[str, str]) -> str | None:
    display = env.get("DISPLAY", "")
    if not display:
        return "DISPLAY가 설정되어 있지 않습니다 (화면이 없는 세션)."
    libraries = {}
    for name in _XCB_LIBRARIES:
        try:
            libraries[name] = _load(name)
        except OSError:
            libraries[name] = None
        if libraries[name] is None:
            package = name.split(".so")[0] + name.split(".so.")[-1]  # libxcb-cursor0
            return (
                f"창에 필요한 시스템 라이브러리 {name}이(가) 없습니다 "
                f"(Debian/Ubuntu: apt-get install {package})."
            )
    xcb = libraries["libxcb.so.1"]
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        error = xcb.xcb_connection_has_error(connection) if connection else 1
    finally:
        if connection:
            xcb.xcb_disconnect(connection)  # also frees a connection that failed
    if error:
        return f"X 디스플레이 '{display}'에 연결할 수 없습니다 (X 서버가 없거나 권한이 없습니다)."
    return None


def display_problem(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why Qt could not open a window here (Korean), or None when it can.

    Only the first platform Qt would try that is not headless decides, as Qt does: with a
    ``wayland;xcb`` list a dead Wayland socket still leaves X to try.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    problems = []
    for choice in _platform_choice(env):
        if choice in _HEADLESS:
            return None
        if choice == "xcb":
            problem = _x11_problem(env)
        elif choice.startswith("wayland"):
            problem = _wayland_problem(env)
        else:
            return None  # a platform we do not know how to probe: let Qt decide
        if problem is None:
            return None
        problems.append(problem)
    return " / ".join(problems) or None
