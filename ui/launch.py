"""The `catalog-app` entry point: the CLI, plus the desktop window when there is a screen.

Lives in ui/ so the core (catalog_app/) never imports the UI: the CLI only receives a callback.
PySide6 is imported only when a window is actually opened, so the CLI works without it.
"""

from __future__ import annotations

import sys


def open_window(catalog_path: str) -> int:
    try:
        from ui.app import main as gui_main
    except ImportError as exc:  # PySide6 or its system libraries missing: the CLI still works
        print(f"창을 열 수 없습니다 ({exc}). 명령줄 기능은 그대로 쓸 수 있습니다.", file=sys.stderr)
        return 1
    return gui_main(catalog_path)


def window_problem() -> str | None:
    """Why no window can open on this display (Korean), or None: asked before Qt is touched,
    because QApplication aborts the process when the display cannot be reached."""
    from ui.display_probe import display_problem

    return display_problem()


def _child_process_entry() -> None:
    """In the frozen app a child process (the scan's readers, ``multiprocessing`` with spawn)
    starts this same executable; ``freeze_support`` runs the child's work there and exits
    instead of starting the CLI again. A plain Python run returns at once."""
    import multiprocessing

    multiprocessing.freeze_support()


def main() -> None:
    _child_process_entry()
    from catalog_app.cli import cli

    cli(
        prog_name="catalog-app",
        obj={"open_window": open_window, "window_problem": window_problem},
    )


def main_windowed() -> None:
    """The windowed executable of the Windows build (``catalog-app-gui.exe``, see
    tools/build_app.py): it has no console, so a CLI command's output would go nowhere. It always
    opens the window, on ``--catalog FILE`` or on a catalog file given as its only argument (a
    .db dropped on the icon); the CLI is ``catalog-app.exe`` beside it."""
    _child_process_entry()
    from catalog_app.cli import cli

    args = sys.argv[1:]
    if len(args) == 1 and not args[0].startswith("-"):
        catalog = ["--catalog", args[0]]
    elif len(args) == 2 and args[0] == "--catalog":
        catalog = args
    else:
        catalog = [a for a in args if a.startswith("--catalog=")][:1]
    cli(
        args=[*catalog, "gui"],
        prog_name="catalog-app",
        obj={"open_window": open_window, "window_problem": window_problem},
    )


if __name__ == "__main__":
    main()
