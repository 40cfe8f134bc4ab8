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
