"""The release tools without running them: the freezer's configuration (tools/build_app.py) and
the wheelhouse's dependency closure (tools/wheelhouse.py).

Freezing takes about a minute and needs PyInstaller, so CI does not build; benchmarks/bench_frozen.py
builds and measures. These tests catch what breaks a build quietly: a shipped file renamed, a
package-data glob that no longer matches, an excluded module the app starts importing, a hidden
import that no longer exists, a Windows-only dependency the wheelhouse would leave out.
"""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


build_app = _load("build_app")
wheelhouse = _load("wheelhouse")


def test_build_configuration_is_sane():
    assert build_app.check_config() == []


def test_required_files_are_the_dictionary_translations_and_fonts():
    names = {Path(p).name for p in build_app.REQUIRED_FILES}
    assert {
        "words.csv",
        "terms.csv",
        "domains.csv",
        "catalog_app_en.qm",
        "NanumGothic.ttf",
    } <= names
    assert build_app.source_of("catalog_app/standards/pds7_2024-11/terms.csv") == (
        ROOT / "standards" / "pds7_2024-11" / "terms.csv"
    )


def test_check_reports_a_missing_or_unshipped_file(monkeypatch):
    monkeypatch.setattr(
        build_app,
        "REQUIRED_FILES",
        [*build_app.REQUIRED_FILES, "catalog_app/standards/pds7_2024-11/Missing.otf"],
    )
    problems = build_app.check_config()
    assert any("Missing.otf" in p and "repository" in p for p in problems)
    assert any("Missing.otf" in p and "package-data" in p for p in problems)
    # setuptools' "*" does not cross folders: a file two levels down is not shipped by "*/*".
    assert not build_app.shipped_by_pyproject("catalog_app/resources/icons/sub/x.svg")


def test_hidden_imports_are_checked_against_the_installed_layout(monkeypatch):
    # The real ones resolve (check_config above); an unknown one is reported, whatever sys.path
    # holds (pytest puts the source tree first, where catalog_app.standards does not exist).
    monkeypatch.setattr(build_app, "HIDDEN_IMPORTS", ["catalog_app.nowhere", "ui.pages"])
    assert build_app.check_config() == [
        "hidden import is not an installed package: catalog_app.nowhere"
    ]


@pytest.mark.slow
def test_nothing_the_app_imports_is_excluded():
    imported = build_app.imports_of_app()
    clashes = {
        module
        for module in imported
        for excluded in build_app.EXCLUDES
        if module == excluded or module.startswith(excluded + ".")
    }
    assert clashes == set(), "the app imports modules the frozen build leaves out"


def test_windowed_entry_always_opens_the_window(monkeypatch):
    import catalog_app.cli
    from ui import launch

    calls = []
    monkeypatch.setattr(catalog_app.cli, "cli", lambda args, **kw: calls.append(args))
    for argv, expected in [
        ([], ["gui"]),
        (["D:/자료/catalog.db"], ["--catalog", "D:/자료/catalog.db", "gui"]),
        (["--catalog", "c.db"], ["--catalog", "c.db", "gui"]),
        (["--catalog=c.db"], ["--catalog=c.db", "gui"]),
        (["scan", "D:/자료"], ["gui"]),  # no console to print to: the window, not the CLI
    ]:
        monkeypatch.setattr(sys, "argv", ["catalog-app-gui", *argv])
        launch.main_windowed()
        assert calls.pop() == expected


def test_both_entry_points_let_a_frozen_child_process_start(monkeypatch):
    """The scan's reader processes start the app's own executable in the frozen build (spawn):
    each entry point calls multiprocessing.freeze_support before the CLI."""
    import multiprocessing

    import catalog_app.cli
    from ui import launch

    order = []
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: order.append("freeze"))
    monkeypatch.setattr(catalog_app.cli, "cli", lambda *a, **kw: order.append("cli"))
    monkeypatch.setattr(sys, "argv", ["catalog-app"])
    for entry in (launch.main, launch.main_windowed):
        entry()
        assert order == ["freeze", "cli"]
        order.clear()


# --- wheelhouse ---------------------------------------------------------------------------------


def _wheel(folder: Path, filename: str, requires: list[str]) -> None:
    name, version = filename.split("-")[:2]
    meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(folder / filename, "w") as zf:
        zf.writestr(f"{name}-{version}.dist-info/METADATA", meta)


@pytest.fixture
def house(tmp_path):
    _wheel(tmp_path, "app-1.0-py3-none-any.whl", ["click>=8", "fast>=2", 'pytest; extra == "test"'])
    _wheel(tmp_path, "click-8.1-py3-none-any.whl", ['colorama; platform_system == "Windows"'])
    _wheel(tmp_path, "fast-2.0-cp311-cp311-win_amd64.whl", [])
    _wheel(tmp_path, "fast-2.0-cp311-cp311-manylinux_2_28_x86_64.whl", [])
    return tmp_path


def test_closure_finds_what_host_markers_left_out(house):
    linux = wheelhouse.linux_platforms("2.36")
    assert wheelhouse.missing_requirements(house, ["app==1.0"], "linux", "3.11", linux) == []
    win = wheelhouse.missing_requirements(house, ["app==1.0"], "win_amd64", "3.11", ["win_amd64"])
    assert win == ["colorama"]  # click needs it on Windows only
    _wheel(house, "colorama-0.4-py3-none-any.whl", [])
    assert wheelhouse.missing_requirements(house, ["app"], "win_amd64", "3.11", ["win_amd64"]) == []


def test_closure_checks_python_version_extras_and_specifiers(house):
    # A cp311 wheel does not install on 3.12.
    got = wheelhouse.missing_requirements(
        house, ["app"], "linux", "3.12", ["manylinux_2_28_x86_64"]
    )
    assert got == ["fast>=2"]
    got = wheelhouse.missing_requirements(house, ["app[test]"], "linux", "3.11", ["linux_x86_64"])
    assert got == ["fast>=2", "pytest"]  # linux_x86_64 alone does not take a manylinux wheel
    assert wheelhouse.missing_requirements(house, ["click>=9"], "linux", "3.11", []) == ["click>=9"]


def test_install_scripts_get_the_line_ends_their_shell_needs(tmp_path):
    scripts = wheelhouse.SCRIPTS
    for name in ("install.bat", "install.ps1", "install.sh", "README.txt"):
        wheelhouse.copy_script(scripts / name, tmp_path / name)
    bat = (tmp_path / "install.bat").read_bytes()
    assert b"\r\n" in bat and b"\n" not in bat.replace(b"\r\n", b"") and not bat.startswith(b"\xef")
    assert (tmp_path / "install.ps1").read_bytes().startswith(b"\xef\xbb\xbf")
    sh = (tmp_path / "install.sh").read_bytes()
    assert b"\r" not in sh
    for name in ("install.bat", "install.ps1", "install.sh"):
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        assert "--no-index" in text and "--find-links" in text, name
    if sys.platform != "win32":
        assert (tmp_path / "install.sh").stat().st_mode & 0o111


@pytest.mark.slow
def test_the_intranet_page_stays_out_of_the_frozen_folder():
    """`serve` (the [serve] extra) is left out of the freeze on purpose, and the app imports
    Datasette only inside functions, so the frozen CLI starts without it and says what to do."""
    import ast

    assert {"datasette", "datasette_auth_passwords", "uvicorn"} <= set(build_app.OPTIONAL_EXCLUDES)
    optional = set(build_app.OPTIONAL_EXCLUDES)
    for folder in ("catalog_app", "ui"):
        for path in (build_app.REPO / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:  # module level: imported whenever the module is
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                clash = {n for n in names if n.split(".")[0] in optional}
                assert not clash, f"{path}: module-level import of {clash}"
