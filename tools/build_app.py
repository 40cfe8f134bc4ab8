"""Build the self-contained app folder (no Python needed on the PC) with PyInstaller.

    python -m pip install -e '.[build]'       # once: the app and PyInstaller in the build venv
    python tools/build_app.py                 # -> dist/catalog-app/ and an archive beside it
    python tools/build_app.py --check         # the config only (data files, imports): seconds

Windows and Linux use the same script on their own machine (PyInstaller does not cross-build).

Why PyInstaller: it is maintained, it has hooks for PySide6, pyarrow, numpy and rapidfuzz, and a
one-folder build of this app takes about three minutes on the 2-core development machine. Nuitka
compiles every module to C (pandas-sized dependencies take tens of minutes and need a C compiler on
the Windows build PC); cx_Freeze has no hooks for half of these libraries. The folder form (not
``--onefile``) starts fast: a one-file exe unpacks ~200 MB to %TEMP% on every start, which office
anti-virus scanners also dislike.

What goes in: the app exactly as a wheel installs it (the package-data rules of pyproject.toml are
the one list of shipped files: the 7차 dictionary, the English .qm, the NanumGothic fonts, the style
sheet and icon); the build first installs the project into ``build/app-stage`` with pip so the
frozen folder holds the same files a ``pip install .`` would. What stays out (see EXCLUDES): pandas
(only ever imported by sqlite-utils, opportunistically, and by pyarrow/openpyxl helpers the app
never calls), the test tools, and the parts of pyarrow (Flight, S3) and Qt (other languages'
translations) that nothing loads.

After freezing, the script runs the frozen CLI once (smoke_test: the 7차 dictionary loads from the
frozen data, the test fixtures scan and map) and stops with the problems if that fails, on Windows
as on Linux.

Why two executables on Windows: a PyInstaller exe is either a console program (a black console
window opens beside the app when a clerk double-clicks it) or a windowed one (no console: the
CLI's output would go nowhere). So the Windows folder has ``catalog-app.exe`` (console: every CLI
command; with no arguments it opens the window) and ``catalog-app-gui.exe`` (windowed: always the
window; the shortcut points here). They share one ``_internal`` folder. On Linux one
``catalog-app`` does both, like the pip entry point; ``--two-executables`` builds the Windows
layout there too (to try the spec).
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NAME = "catalog-app"
GUI_NAME = "catalog-app-gui"

# Files the frozen folder must hold, as installed (package path); build_app checks the stage and
# the result, tests check that pyproject.toml ships them.
REQUIRED_FILES = [
    "catalog_app/standards/pds7_2024-11/words.csv",
    "catalog_app/standards/pds7_2024-11/terms.csv",
    "catalog_app/standards/pds7_2024-11/domains.csv",
    "catalog_app/standards/SOURCES.md",
    "catalog_app/resources/translations/catalog_app_en.qm",
    "catalog_app/resources/fonts/NanumGothic.ttf",
    "catalog_app/resources/fonts/NanumGothicBold.ttf",
    "catalog_app/resources/fonts/OFL.txt",
    "catalog_app/resources/style.qss",
    "catalog_app/resources/icons/app.svg",
    # 품질진단: the 제공표준 layouts (tools/build_provision_standards.py)
    "catalog_app/resources/provision/provision-standards.json.gz",
    "catalog_app/resources/reference/categories.csv",  # 분류체계 seed (issue 12)
    "catalog_app/resources/reference/SOURCES.md",
]

# Imported by name at run time (importlib.resources.files("catalog_app.standards"), lazily loaded
# pages), so PyInstaller's import scan cannot see them.
HIDDEN_IMPORTS = [
    "catalog_app.standards",
    "catalog_app.resources",
]

# Never imported by the app (checked with the build's warn/xref files, see README "Install on an
# office PC"). pandas is no dependency of the app (only of the [bench] extra), but sqlite-utils
# imports it whenever a build environment has it installed (and then only to register
# pandas.Timestamp as TEXT); keeping it out saves ~80 MB and ~0.4 s at start.
EXCLUDES = [
    "pandas",
    "tkinter",
    "_tkinter",
    "matplotlib",
    "IPython",
    "PIL",
    "scipy",
    "pytest",
    "_pytest",
    "pytestqt",
    "psutil",
    "rdflib",
    "frictionless",
    "setuptools",
    "pkg_resources",
    "numpy.f2py",
    "numpy.testing",
    # Pulled in by functions the app never calls: pyarrow.util's download helper (requests and
    # its TLS stack) and numpy.show_config (yaml).
    "requests",
    "urllib3",
    "certifi",
    "charset_normalizer",
    "cryptography",
    "yaml",
    # pyarrow: the app uses pyarrow.csv and pyarrow.compute only.
    "pyarrow.flight",
    "pyarrow._flight",
    "pyarrow.parquet",
    "pyarrow._parquet",
    "pyarrow._parquet_encryption",
    "pyarrow.orc",
    "pyarrow._orc",
    "pyarrow.cuda",
    "pyarrow._cuda",
    "pyarrow.gandiva",
    "pyarrow._s3fs",
    "pyarrow._gcsfs",
    "pyarrow._azurefs",
    "pyarrow._hdfs",
    "pyarrow.substrait",
    "pyarrow._substrait",
    "pyarrow.interchange",
    "pyarrow.pandas_compat",
    "pyarrow.tests",
    "pyarrow.conftest",
    "pyarrow.benchmark",
    "pyarrow.jvm",
    # Qt modules nothing imports (PySide6's hooks follow imports; these are just in case).
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtPdf",
    "PySide6.QtWebEngineCore",
]

# Imported only by an optional feature that the frozen folder does not carry: the intranet page
# (`catalog-app serve`, the [serve] extra: Datasette and its web stack). Only the one PC that
# serves needs it, and it would add templates, static files and plugin entry points PyInstaller
# does not collect by itself; the frozen `serve` says to install the wheel with [serve] instead
# (catalog_app.serve.server imports Datasette inside functions only).
OPTIONAL_EXCLUDES = [
    "datasette",
    "datasette_auth_passwords",
    "uvicorn",
    "httpx",
    "httpcore",
    "anyio",
    "h11",
    "jinja2",
    "asgi_csrf",
    "asgiref",
    "janus",
    "hupper",
    "mergedeep",
    "aiofiles",
    "itsdangerous",
    "multipart",
    "python_multipart",
    "click_default_group",
    "flexcache",
    "flexparser",
    "pint",
]

# Shared libraries a hook collects wholesale but no kept module links or loads (matched against
# the lower-case file name). The libraries that pyarrow's kept modules link (parquet, dataset,
# acero, substrait) must stay: the loader refuses a module whose DT_NEEDED is missing.
BINARY_EXCLUDES = [
    "*arrow_flight*",
    "*arrow_python_flight*",
    "*arrow_s3*",
    "*parquet_encryption*",
    "*_flight.cpython*",
    "*_s3fs.cpython*",
    "libqt6eglfs*",
    # Linux wheels cannot hold symlinks, so pyarrow ships its Python bridge three times; the
    # loader only asks for the SONAME (libarrow_python.so.NNNN).
    "libarrow_python.so",
    "libarrow_python.so.*.*.*",
]

# Qt's own translations: the app loads only qtbase_ko (예/아니요 on message boxes) and qtbase_en.
QT_TRANSLATIONS_KEEP = ["qtbase_ko.qm", "qtbase_en.qm", "qt_ko.qm", "qt_en.qm"]

# Qt plugins nothing in a widgets app over local files uses.
QT_PLUGIN_EXCLUDES = [
    "*/plugins/networkinformation/*",
    "*/plugins/tls/*",
    "*/plugins/sqldrivers/*",
    "*/plugins/qmltooling/*",
    "*/plugins/designer/*",
    # Linux: keep xcb, wayland, offscreen and minimal; embedded-device back ends are not for PCs.
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/platforms/*minimalegl*",
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/generic/*",
]

ENTRY_SCRIPTS = {
    NAME: "from ui.launch import main\n\nmain()\n",
    GUI_NAME: "from ui.launch import main_windowed\n\nmain_windowed()\n",
}


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def project_version() -> str:
    with open(REPO / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


# --- checks that need no freezer (also run by tests/test_build_config.py) -----------------------


def source_of(installed: str) -> Path:
    """The repository file a package path comes from (pyproject's package-dir mapping)."""
    with open(REPO / "pyproject.toml", "rb") as f:
        package_dir = tomllib.load(f)["tool"]["setuptools"].get("package-dir", {})
    parts = installed.split("/")
    for i in range(len(parts) - 1, 0, -1):
        package = ".".join(parts[:i])
        if package in package_dir:
            return REPO / package_dir[package] / "/".join(parts[i:])
    return REPO / installed


def shipped_by_pyproject(installed: str) -> bool:
    """Whether pyproject's package-data globs put this file into the wheel."""
    with open(REPO / "pyproject.toml", "rb") as f:
        setuptools_cfg = tomllib.load(f)["tool"]["setuptools"]
    parts = installed.split("/")
    package, rel = None, None
    for i in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:i])
        if candidate in setuptools_cfg["packages"]:
            package, rel = candidate, "/".join(parts[i:])
            break
    if package is None:
        return False
    data = setuptools_cfg.get("package-data", {})
    patterns = list(data.get("*", [])) + list(data.get(package, []))
    # setuptools globs: "*" does not cross "/", so compare segment counts.
    return any(fnmatch.fnmatchcase(rel, p) and rel.count("/") == p.count("/") for p in patterns)


def check_config() -> list[str]:
    """Problems with the build configuration; empty when it is sane."""
    problems = []
    for rel in REQUIRED_FILES:
        if not source_of(rel).is_file():
            problems.append(f"missing in the repository: {source_of(rel).relative_to(REPO)}")
        if not shipped_by_pyproject(rel):
            problems.append(f"not shipped by pyproject.toml package-data: {rel}")
    with open(REPO / "pyproject.toml", "rb") as f:
        packages = tomllib.load(f)["tool"]["setuptools"]["packages"]
    for name in HIDDEN_IMPORTS:
        # Resolved against the installed layout (what the stage holds), not this process's
        # sys.path: from a source checkout catalog_app.standards is not importable at all.
        if name.split(".")[0] in ("catalog_app", "ui") and name not in packages:
            problems.append(f"hidden import is not an installed package: {name}")
        elif not source_of(name.replace(".", "/") + "/__init__.py").is_file():
            problems.append(f"hidden import has no package: {name}")
    for name in ENTRY_SCRIPTS.values():
        module, _, func = name.split("\n")[0].removeprefix("from ").partition(" import ")
        path = REPO / (module.replace(".", "/") + ".py")
        if not path.is_file() or f"def {func}(" not in path.read_text(encoding="utf-8"):
            problems.append(f"entry point missing: {module}:{func}")
    for name in EXCLUDES:
        top = name.split(".")[0]
        if top in ("catalog_app", "ui"):
            problems.append(f"the app itself is excluded: {name}")
    return problems


def imports_of_app() -> set[str]:
    """Top-level modules the app's sources import (for the test that nothing needed is excluded)."""
    import ast

    found: set[str] = set()
    for folder in ("catalog_app", "ui"):
        for path in (REPO / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.update(a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    found.add(node.module)
    return found


# --- the build ----------------------------------------------------------------------------------

SPEC = '''# Generated by tools/build_app.py — edit that script, not this file.
import fnmatch

REQUIRED_FILES = {required!r}
BINARY_EXCLUDES = {binary_excludes!r}
QT_TRANSLATIONS_KEEP = {qt_keep!r}
QT_PLUGIN_EXCLUDES = {plugin_excludes!r}


def _app_datas(stage):
    """Every non-Python file of the installed packages, at its package path."""
    import os
    out = []
    for top in ("catalog_app", "ui"):
        for folder, _dirs, files in os.walk(os.path.join(stage, top)):
            for name in files:
                if name.endswith((".py", ".pyc")) or "__pycache__" in folder:
                    continue
                rel = os.path.relpath(folder, stage)
                out.append((os.path.join(folder, name), rel))
    return out


def _keep(entry):
    dest = entry[0].replace("\\\\", "/")
    name = dest.rsplit("/", 1)[-1].lower()
    if any(fnmatch.fnmatch(name, p) for p in BINARY_EXCLUDES):
        return False
    if "/Qt/translations/" in dest or "/translations/qt" in dest.lower():
        if name.endswith(".qm") and name not in QT_TRANSLATIONS_KEEP and "PySide6" in dest:
            return False
    if any(fnmatch.fnmatch(dest, p) for p in QT_PLUGIN_EXCLUDES):
        return False
    return True


a = Analysis(
    {scripts!r},
    pathex=[{stage!r}],
    datas=_app_datas({stage!r}),
    hiddenimports={hidden!r},
    excludes={excludes!r},
    noarchive=False,
)
a.binaries = [e for e in a.binaries if _keep(e)]
a.datas = [e for e in a.datas if _keep(e)]
pyz = PYZ(a.pure)

SCRIPT_NAMES = {script_names!r}
exes = []
for name, console in {executables!r}:
    others = [s for s in SCRIPT_NAMES if s != name]
    scripts = [s for s in a.scripts if s[0] not in others]
    exes.append(
        EXE(
            pyz,
            scripts,
            [],
            exclude_binaries=True,
            name=name,
            console=console,
            icon={icon!r},
            strip={strip!r},
            upx=False,
        )
    )

COLLECT(*exes, a.binaries, a.datas, strip={strip!r}, upx=False, name={name!r})
'''


def run(cmd: list[str], **kw) -> None:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def stage_app(stage: Path) -> None:
    """Install the project (no dependencies) into ``stage``: the files a wheel ships."""
    shutil.rmtree(stage, ignore_errors=True)
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-compile",
            "--target",
            str(stage),
            str(REPO),
        ]  # fmt: skip
    )
    missing = [rel for rel in REQUIRED_FILES if not (stage / rel).is_file()]
    if missing:
        raise SystemExit(f"the staged install lacks {missing}")


def windows_icon(work: Path) -> str | None:
    """An .ico drawn from icons/app.svg with Qt (Windows exes want .ico; Qt writes it)."""
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication, QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:
        return None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(REPO / "resources" / "icons" / "app.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    path = work / "app.ico"
    return str(path) if image.save(str(path), "ICO") else None


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def archive(dist: Path, folder: Path, version: str) -> Path:
    """A zip for Windows (Explorer opens it); a tar.gz for Linux (keeps the .so symlinks)."""
    base = dist / f"{NAME}-{version}-{platform_tag()}"
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", root_dir=dist, base_dir=folder.name))
    path = base.with_name(base.name + ".tar.gz")
    # gzip level 6: 15 s here; level 9 (shutil's default) took 55 s for 0.5% less.
    with tarfile.open(path, "w:gz", compresslevel=6) as tf:
        tf.add(folder, arcname=folder.name)
    return path


def smoke_test(folder: Path) -> list[str]:
    """Run the frozen CLI on this PC (Windows too): the 7차 loads from the frozen data, the test
    fixtures scan (csv, xls, xlsx readers, chardet) and map. Returns the problems found."""
    exe = folder / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    problems = []
    with tempfile.TemporaryDirectory(prefix="catalog_smoke_") as tmp:
        catalog = str(Path(tmp) / "smoke.db")
        env = {**os.environ, "CATALOG_APP_NO_GUI": "1", "CATALOG_APP_CATALOG": catalog}

        def cli(*args: str):
            result = subprocess.run(
                [str(exe), *args], env=env, capture_output=True, text=True, encoding="utf-8"
            )
            if result.returncode != 0:
                problems.append(
                    f"{' '.join(args)}: exit {result.returncode} {result.stderr[-300:]}"
                )
                return None
            return json.loads(result.stdout) if "--json" in args else result.stdout

        editions = cli("standards", "list-editions", "--json") or []
        if not any(e["is_current"] and e["term_count"] > 9000 for e in editions):
            problems.append(f"the shipped 7차 dictionary did not load: {editions}")
        corpus = REPO / "tests" / "fixtures" / "corpus"
        files = [p for p in corpus.iterdir() if p.suffix in (".csv", ".xls", ".xlsx")]
        scan = cli("scan", str(corpus), "-q", "--json")
        if scan and scan["counts"]["total"] < len(files):
            problems.append(f"scan saw {scan['counts']['total']} of {len(files)} files")
        mapped = cli("map", "--json")
        if mapped is not None and not mapped["columns"]:
            problems.append("map found no columns")
    return problems


def build(dist: Path, work: Path, two_executables: bool, make_archive: bool) -> dict:
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit("PyInstaller is not installed: python -m pip install -e '.[build]'")
    problems = check_config()
    if problems:
        raise SystemExit("build configuration problems:\n  " + "\n  ".join(problems))
    started = time.perf_counter()
    work.mkdir(parents=True, exist_ok=True)
    stage = work / "app-stage"
    stage_app(stage)
    executables = [(NAME, True)] + ([(GUI_NAME, False)] if two_executables else [])
    scripts = []
    for name, _console in executables:
        script = work / f"{name}.py"
        script.write_text(ENTRY_SCRIPTS[name], encoding="utf-8")
        scripts.append(str(script))
    spec = work / f"{NAME}.spec"
    spec.write_text(
        SPEC.format(
            required=REQUIRED_FILES,
            binary_excludes=BINARY_EXCLUDES,
            qt_keep=QT_TRANSLATIONS_KEEP,
            plugin_excludes=QT_PLUGIN_EXCLUDES,
            scripts=scripts,
            stage=str(stage),
            hidden=HIDDEN_IMPORTS,
            excludes=EXCLUDES + OPTIONAL_EXCLUDES,
            script_names=[n for n, _ in executables],
            executables=executables,
            icon=windows_icon(work) if sys.platform == "win32" else None,
            # Never strip: stripping numpy's bundled OpenBLAS leaves an ELF the loader refuses
            # ("load command address/offset not page-aligned"), seen on the first Linux build.
            strip=False,
            name=NAME,
        ),
        encoding="utf-8",
    )
    log = work / "pyinstaller.log"
    with open(log, "w", encoding="utf-8") as out:
        print(f"$ PyInstaller {spec} (log: {log})", flush=True)
        result = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
             "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(spec)],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    if result.returncode:
        print(log.read_text(encoding="utf-8")[-4000:], file=sys.stderr)
        raise SystemExit(f"PyInstaller failed (exit {result.returncode}); see {log}")
    folder = dist / NAME
    internal = folder / "_internal"
    missing = [rel for rel in REQUIRED_FILES if not (internal / rel).is_file()]
    if missing:
        raise SystemExit(f"the frozen folder lacks {missing}")
    problems = smoke_test(folder)
    if problems:
        raise SystemExit("the frozen app failed its smoke test:\n  " + "\n  ".join(problems))
    figures = {
        "folder": str(folder),
        "build_seconds": round(time.perf_counter() - started, 1),
        "folder_bytes": folder_size(folder),
        "warnings": str(work / "pyinstaller" / NAME / f"warn-{NAME}.txt"),
        "xref": str(work / "pyinstaller" / NAME / f"xref-{NAME}.html"),
    }
    if make_archive:
        path = archive(dist, folder, project_version())
        figures["archive"] = str(path)
        figures["archive_bytes"] = path.stat().st_size
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=REPO / "build", help="scratch folder")
    parser.add_argument(
        "--two-executables",
        action=argparse.BooleanOptionalAction,
        default=sys.platform == "win32",
        help="a console and a windowed executable (default on Windows)",
    )
    parser.add_argument("--no-archive", action="store_true", help="skip the zip/tar.gz")
    parser.add_argument("--check", action="store_true", help="check the configuration only")
    args = parser.parse_args(argv)
    if args.check:
        problems = check_config()
        for p in problems:
            print("problem:", p)
        print("configuration ok" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0
    figures = build(args.dist.resolve(), args.work.resolve(), args.two_executables,
                    not args.no_archive)  # fmt: skip
    mib = 1024 * 1024
    print(f"built {figures['folder']} in {figures['build_seconds']} s")
    print(f"folder size: {figures['folder_bytes'] / mib:.1f} MiB")
    if "archive" in figures:
        print(f"archive: {figures['archive']} ({figures['archive_bytes'] / mib:.1f} MiB)")
    print(f"PyInstaller warnings: {figures['warnings']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
