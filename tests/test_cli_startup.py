"""Start-up: the command line and the window's launch import no heavy library they do not use.

Behaviour, not time: a fresh interpreter imports ``catalog_app.cli`` (or runs ``--help``) and the
test looks at ``sys.modules``. The lazily loaded commands (``cli/lazy.py``) must stay the commands
they stand for: same names, same help lines.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import click
import pytest

from catalog_app.cli.lazy import LAZY_COMMANDS

HEAVY = ("pandas", "pyarrow", "numpy", "openpyxl", "PySide6", "sqlite_utils", "python_calamine")


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_importing_the_cli_imports_no_heavy_library():
    assert _heavy(_modules_after("import catalog_app.cli")) == []


def test_the_entry_point_imports_no_heavy_library():
    assert _heavy(_modules_after("import ui.launch\nfrom catalog_app.cli import cli")) == []


def test_help_imports_neither_heavy_libraries_nor_command_modules():
    modules = _modules_after(
        "from click.testing import CliRunner\n"
        "from catalog_app.cli import cli\n"
        "result = CliRunner().invoke(cli, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'standards' in result.output and 'export' in result.output"
    )
    assert _heavy(modules) == []
    assert not {m for _, (m, _a, _h) in LAZY_COMMANDS.items()} & modules
    assert "catalog_app.catalog.store" not in modules


def test_a_lazy_command_still_runs_and_knows_catalog(tmp_path):
    from click.testing import CliRunner

    from catalog_app.cli import cli

    db = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["institution", "show", "--json", "--catalog", str(db)])
    assert result.exit_code == 0, result.output
    assert db.exists()


# Every command and group the command line had when each module registered its commands eagerly.
EXPECTED = {
    "backup", "restore", "institution", "meta", "validate", "snapshot", "diff", "export", "map",
    "check", "suggest", "mapping", "standards", "bundle", "serve", "privacy", "quality",
    "categories", "system", "registered", "deadlines",
}  # fmt: skip


def test_every_command_is_listed_and_reachable():
    from catalog_app.cli import cli

    ctx = click.Context(cli)
    assert set(cli.list_commands(ctx)) >= EXPECTED
    for name in sorted(EXPECTED):
        assert cli.get_command(ctx, name) is not None, name


@pytest.mark.parametrize(
    "args",
    [
        ["quality", "rules", "list", "--json"],  # a command of a nested group
        ["quality", "codes", "show", "--json"],
        ["bundle", "list", "--json"],
        ["categories", "list", "--json"],
        ["privacy", "show", "--json"],
        ["deadlines", "--json"],
    ],
)
def test_lazy_commands_of_every_module_know_catalog(tmp_path, args):
    from click.testing import CliRunner

    from catalog_app.cli import cli

    db = tmp_path / "c.db"
    result = CliRunner().invoke(cli, [*args, "--catalog", str(db)])
    assert result.exit_code == 0, result.output
    assert db.exists()


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_lazy_help_lines_are_the_commands_own(name):
    module, attribute, text = LAZY_COMMANDS[name]
    command = getattr(importlib.import_module(module), attribute)
    assert command.name == name
    real = " ".join((command.help or "").split("\n\n")[0].split())
    assert text == real
    for limit in (40, 70, 200):
        stand_in = click.Command(name, help=text)
        assert stand_in.get_short_help_str(limit) == command.get_short_help_str(limit)


def test_every_command_of_the_command_modules_is_registered():
    """A command added to a command module of catalog_app/cli/ must be listed in LAZY_COMMANDS
    to be reachable."""
    registered = {(m, a) for m, a, _h in LAZY_COMMANDS.values()}
    for module in sorted({m for m, _a, _h in LAZY_COMMANDS.values()}):
        mod = importlib.import_module(module)
        grouped = {
            id(sub)
            for obj in vars(mod).values()
            if isinstance(obj, click.Group)
            for sub in obj.commands.values()
        }
        for attribute, obj in vars(mod).items():
            if isinstance(obj, click.Command) and id(obj) not in grouped:
                assert (module, attribute) in registered, f"{module}.{attribute}"


def test_search_limit_default_matches_the_core():
    from catalog_app.catalog import queries
    from catalog_app.cli import root

    assert root.SEARCH_LIMIT == queries.SEARCH_LIMIT


def test_the_frozen_build_can_see_every_lazy_module():
    """PyInstaller follows import statements, not strings: each module named in LAZY_COMMANDS
    must also appear in the TYPE_CHECKING import block of cli/lazy.py."""
    import ast
    import inspect

    from catalog_app.cli import lazy

    tree = ast.parse(inspect.getsource(lazy))
    seen = {
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "catalog_app.cli"
        for alias in node.names
    }
    assert {m for m, _a, _h in LAZY_COMMANDS.values()} <= seen
