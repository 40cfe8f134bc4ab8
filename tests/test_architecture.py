"""The core stays Qt-free: catalog_app/ must be usable from scripts and the CLI without PySide6."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "catalog_app"


def test_core_never_imports_qt_or_ui():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui"):
                    offenders.append(f"{path.relative_to(CORE.parent)}: {name}")
    assert offenders == []


def test_ui_runs_no_sql_of_its_own():
    """ui/ is a thin layer: every query lives in the core (catalog/listing.py, queries.py,
    matching/review.py …), so a script asks the same questions the window does."""
    ui = CORE.parent / "ui"
    offenders = []
    for path in ui.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("execute", "executemany", "executescript")
            ):
                offenders.append(f"{path.relative_to(ui.parent)}:{node.lineno}")
    assert offenders == []


# SQL the CLI runs of its own, by file (none: every statement lives behind the core). The test
# fails when a count differs, so an entry here could not go stale.
CLI_SQL_ALLOWED: dict[str, int] = {}


def _sql_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("execute", "executemany", "executescript")
    ]


def test_cli_runs_no_sql_of_its_own():
    """The CLI parses, calls the core and prints: its queries live in the core, so a script and
    the window ask the same questions. The CLI is the package catalog_app/cli/; a module left
    beside it (catalog_app/cli*.py) is scanned too."""
    files = sorted(CORE.glob("cli*.py")) + sorted((CORE / "cli").rglob("*.py"))
    names = {path.relative_to(CORE).as_posix() for path in files}
    # The package is really scanned: its root group and a lazily loaded command module.
    assert {"cli/root.py", "cli/mapping.py"} <= names, names
    found = {}
    for path in files:
        lines = _sql_calls(path)
        if lines:
            found[path.relative_to(CORE.parent).as_posix()] = len(lines)
    assert found == CLI_SQL_ALLOWED
