"""The self-contained app folder (tools/build_app.py): size, start-up, and an offline run.

    python benchmarks/bench_frozen.py --build        # build first (about a minute), then measure
    python benchmarks/bench_frozen.py                # measure dist/catalog-app as it is
    python benchmarks/bench_frozen.py --screenshot docs/screenshots/frozen-window.png

Prints, for the frozen folder:
- build time (with --build), folder size and the biggest parts, compressed size (zip as carried
  to a Windows PC, tar.gz as built for Linux);
- CLI start-up: ``--help`` and the status screen, median of fresh processes;
- an offline run with no Python on PATH (``env -i`` with an empty PATH folder) and, when this
  process may (root or user namespaces), no network (``unshare -n``): scan ../shared/corpus, map,
  check, institution settings, export 목록/정의서/준수율; seconds per step and exit codes;
- an upgrade: a catalog written by the last commit of the previous schema version (git archive,
  run with this Python) opened by the frozen build: versions, backup file, rows kept;
- time to first window under Xvfb (needs Xvfb and xdotool: Debian ``xvfb xdotool``), with no
  system font at all so the bundled NanumGothic is what renders, against the pip-installed
  ``catalog-app`` of this venv for comparison; --screenshot saves the window (ImageMagick).

Figures are printed, never asserted (benchmarks/ rule). Building is a release step, not CI: it
takes about a minute and needs PyInstaller (``pip install -e '.[build]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WINDOW_TITLE = "공공데이터 목록 관리"


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def size_report(folder: Path) -> None:
    total = folder_size(folder)
    print(f"folder {folder}: {mib(total)}")
    internal = folder / "_internal"
    parts = []
    for child in internal.iterdir():
        size = folder_size(child) if child.is_dir() else child.lstat().st_size
        parts.append((size, child.name))
    libs = sum(s for s, n in parts if ".so" in n or n.endswith(".dll"))
    parts = [(s, n) for s, n in parts if not (".so" in n or n.endswith(".dll"))]
    parts.append((libs, "(shared libraries at the top: Python, ICU, ssl, X11 …)"))
    for size, name in sorted(parts, reverse=True)[:9]:
        print(f"  {name:<58} {mib(size):>10}")
    # The archive each platform carries: zip on Windows (Explorer opens it), tar.gz elsewhere
    # (keeps the .so symlinks; a zip would store those libraries twice).
    with tempfile.TemporaryDirectory() as tmp:
        fmt = "zip" if sys.platform == "win32" else "gztar"
        path = Path(shutil.make_archive(str(Path(tmp) / "app"), fmt, folder.parent, folder.name))
        print(f"compressed ({path.name}): {mib(path.stat().st_size)}")


def can_unshare_net() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


class Sandbox:
    """Runs the frozen exe with no Python on PATH (an empty PATH folder, ``env -i``), its own
    HOME, and no network when ``unshare -n`` is allowed."""

    def __init__(self, root: Path, exe: Path):
        self.root, self.exe = root, exe
        self.home = root / "home"
        self.empty_bin = root / "empty-bin"
        self.home.mkdir(parents=True, exist_ok=True)
        self.empty_bin.mkdir(exist_ok=True)
        self.offline = can_unshare_net()

    def env(self, **extra: str) -> dict[str, str]:
        env = {"PATH": str(self.empty_bin), "HOME": str(self.home), "LANG": "C.UTF-8"}
        env.update(extra)
        return env

    def command(self, *args: str) -> list[str]:
        # Absolute: the child's PATH is the empty folder, so nothing is looked up there.
        prefix = [shutil.which("unshare"), "-n"] if self.offline else []
        return prefix + [str(self.exe), *args]

    def run(self, *args: str, **extra: str) -> tuple[int, float, str]:
        started = time.perf_counter()
        result = subprocess.run(
            self.command(*args), env=self.env(**extra), capture_output=True, text=True
        )
        return result.returncode, time.perf_counter() - started, result.stdout


def cli_timings(box: Sandbox, runs: int) -> None:
    helps = [box.run("--help")[1] for _ in range(runs)]
    print(f"CLI --help: median {statistics.median(helps):.2f} s ({runs} fresh processes)")
    catalog = str(box.root / "status.db")
    first = box.run("--catalog", catalog, CATALOG_APP_NO_GUI="1")[1]
    again = [box.run("--catalog", catalog, CATALOG_APP_NO_GUI="1")[1] for _ in range(runs)]
    print(
        f"status screen: new catalog (loads the 7차 dictionary) {first:.2f} s, "
        f"then median {statistics.median(again):.2f} s"
    )


def offline_run(box: Sandbox, corpus: Path, out: Path) -> Path:
    catalog = box.root / "corpus.db"
    c = ["--catalog", str(catalog)]
    python = subprocess.run(
        [shutil.which("sh") or "/bin/sh", "-c", "command -v python3 python python.exe"],
        env=box.env(),
        capture_output=True,
        text=True,
    ).stdout.strip()
    print(f"offline run: PATH={box.empty_bin} (python found: {python or 'none'}), "
          f"network {'none (unshare -n)' if box.offline else 'NOT cut (unshare not allowed)'}")  # fmt: skip
    steps = [
        ("scan corpus", ["scan", str(corpus), "-q", "--json", *c]),
        ("map", ["map", "--json", *c]),
        ("check", ["check", "--json", *c]),
        (
            "institution set",
            ["institution", "set", "--name", "서울특별시 종로구", "--code", "3000000", *c],
        ),  # fmt: skip
        (
            "export inventory",
            [
                "export",
                "--year",
                "2025",
                "--kind",
                "inventory",
                "--out",
                str(out),
                "--force",
                "--json",
                *c,
            ],
        ),  # fmt: skip
        (
            "export definitions",
            [
                "export",
                "--year",
                "2025",
                "--kind",
                "definitions",
                "--out",
                str(out),
                "--force",
                "--json",
                *c,
            ],
        ),  # fmt: skip
        (
            "export compliance",
            [
                "export",
                "--year",
                "2025",
                "--kind",
                "compliance",
                "--out",
                str(out),
                "--force",
                "--json",
                *c,
            ],
        ),  # fmt: skip
    ]
    for label, args in steps:
        code, seconds, stdout = box.run(*args)
        detail = ""
        if label == "scan corpus" and code in (0, 1):
            counts = json.loads(stdout)["counts"]
            detail = f"{counts['total']} files, {counts['failed']} failed"
        elif label == "map" and code == 0:
            detail = f"{json.loads(stdout)['columns']} columns"
        elif label == "check" and code == 0:
            detail = json.loads(stdout)["rates"]["catalog"][0]["formula"]
        elif label.startswith("export") and code == 0:
            paths = json.loads(stdout)["paths"]
            detail = ", ".join(f"{Path(p).name} ({Path(p).stat().st_size:,} B)" for p in paths)
        print(f"  {label:<20} exit {code}  {seconds:6.2f} s  {detail}")
    return catalog


def previous_schema_commit() -> tuple[str, int, int] | None:
    """The newest commit whose catalog schema is one version older than the working tree's."""
    schema = "catalog_app/catalog/schema.py"

    def version(text: str) -> int:
        match = re.search(r"MIGRATIONS[^=]*=\s*\[([^\]]*)\]", text)
        return len([x for x in match.group(1).split(",") if x.strip()]) if match else 0

    current = version((REPO / schema).read_text(encoding="utf-8"))
    log = subprocess.run(
        ["git", "-C", str(REPO), "log", "--format=%H", "--", schema],
        capture_output=True,
        text=True,
    )
    for commit in log.stdout.split():
        for candidate in (commit, f"{commit}^"):
            text = subprocess.run(
                ["git", "-C", str(REPO), "show", f"{candidate}:{schema}"],
                capture_output=True,
                text=True,
            ).stdout
            if text and 0 < version(text) < current:
                sha = subprocess.run(
                    ["git", "-C", str(REPO), "rev-parse", "--short", candidate],
                    capture_output=True,
                    text=True,
                ).stdout.strip()
                return sha, version(text), current
    return None


def upgrade_check(box: Sandbox, corpus: Path) -> None:
    found = previous_schema_commit()
    if found is None:
        print("upgrade: no older schema in this checkout's git history; skipped")
        return
    commit, old_version, new_version = found
    old_tree = box.root / f"old-{commit}"
    old_tree.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], capture_output=True)
    with tarfile.open(fileobj=__import__("io").BytesIO(archive.stdout)) as tf:
        tf.extractall(old_tree, filter="data")
    catalog = box.root / "upgrade" / "catalog.db"
    catalog.parent.mkdir()
    env = {**os.environ, "PYTHONPATH": str(old_tree), "CATALOG_APP_NO_GUI": "1"}
    for args in (["scan", str(corpus), "-q"], ["map", "--auto-accept", "0.9"]):
        subprocess.run(
            [sys.executable, "-m", "catalog_app", *args, "--catalog", str(catalog)],
            env=env, cwd=old_tree, capture_output=True, check=False,
        )  # fmt: skip

    def counts(path: Path) -> tuple[int, int, int, int]:
        con = sqlite3.connect(path)
        try:
            v = con.execute("PRAGMA user_version").fetchone()[0]
            d = con.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
            col = con.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            acc = (
                con.execute(
                    "SELECT COUNT(*) FROM column_mappings WHERE status='accepted'"
                ).fetchone()[0]
                if "column_mappings" in tables
                else -1
            )
        finally:
            con.close()
        return v, d, col, acc

    before = counts(catalog)
    code, seconds, _out = box.run("list", "--catalog", str(catalog))
    after = counts(catalog)
    backups = sorted(p.name for p in catalog.parent.iterdir() if p.name.endswith(".bak"))
    print(
        f"upgrade: catalog written by commit {commit} (schema v{old_version}): "
        f"v{before[0]}, {before[1]} datasets, {before[2]} columns, {before[3]} accepted mappings"
    )
    print(
        f"  opened by the frozen build (exit {code}, {seconds:.2f} s): v{after[0]}, "
        f"{after[1]} datasets, {after[2]} columns, {after[3]} accepted mappings; "
        f"backup: {', '.join(backups) or 'NONE'}"
    )
    for name in backups:
        print(f"  backup {name}: schema v{counts(catalog.parent / name)[0]}")


def free_display() -> str:
    for n in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    raise RuntimeError("no free X display number")


def window_visible(display: str) -> str | None:
    result = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", WINDOW_TITLE],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
    )
    ids = result.stdout.split()
    return ids[0] if ids else None


def time_to_window(command: list[str], env: dict, display: str, timeout: float = 60):
    """Seconds from process start until the main window is mapped (xdotool polls every 50 ms).

    While xdotool polls, about one start in 15-30 fails with Qt's "could not connect to display"
    (0 in 30 without polling): such starts are counted and printed, never timed."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, env={**env, "DISPLAY": display},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        while time.perf_counter() - started < timeout:
            window = window_visible(display)
            if window:
                return time.perf_counter() - started, proc, window
            if proc.poll() is not None:
                return None, proc, None
            time.sleep(0.05)
        return None, proc, None
    except BaseException:
        proc.kill()
        raise


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def window_timings(box: Sandbox, catalog: Path, runs: int, screenshot: Path | None) -> None:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        print("first window: Xvfb or xdotool missing (apt-get install xvfb xdotool); skipped")
        return
    display = free_display()
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    fonts = box.root / "fonts.conf"
    (box.root / "no-fonts").mkdir(exist_ok=True)
    fonts.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{box.root / 'no-fonts'}</dir><cachedir>{box.root / 'fc-cache'}</cachedir>"
        "</fontconfig>",
        encoding="utf-8",
    )
    try:
        time.sleep(1)
        frozen_env = box.env(FONTCONFIG_FILE=str(fonts))
        frozen = [box.command("--catalog", str(catalog))]
        venv_exe = Path(sys.executable).with_name("catalog-app")
        rows = [("frozen folder (no system fonts)", frozen[0], frozen_env)]
        if venv_exe.exists():
            venv_env = {**os.environ, "HOME": str(box.home)}
            venv_env.pop("QT_QPA_PLATFORM", None)
            venv_env.pop("CATALOG_APP_NO_GUI", None)
            rows.append(("pip-installed catalog-app (this venv)",
                         [str(venv_exe), "--catalog", str(catalog)], venv_env))  # fmt: skip
        for label, command, env in rows:
            times, lost = [], 0
            for i in range(runs):
                seconds, proc, window = time_to_window(command, env, display)
                if seconds is None:  # said, not hidden: the figure line counts these
                    stop(proc)
                    error = proc.stderr.read().decode("utf-8", "replace").strip()
                    print(f"  {label}: no window (exit {proc.returncode}): {error[:160]}")
                    lost += 1
                    if lost > 2:
                        break
                    continue
                times.append(seconds)
                if screenshot and i == runs - 1 and label.startswith("frozen"):
                    time.sleep(2.5)  # let the 현황 page finish its figures
                    screenshot.parent.mkdir(parents=True, exist_ok=True)
                    subprocess.run(["import", "-display", display, "-window", window,
                                    "-colors", "64", str(screenshot)], check=False)  # fmt: skip
                    print(f"  screenshot: {screenshot} ({screenshot.stat().st_size:,} B)")
                stop(proc)
            if times:
                print(
                    f"first window, {label}: first {times[0]:.2f} s, "
                    f"median {statistics.median(times):.2f} s ({len(times)} runs"
                    + (f", {lost} start(s) without a window" if lost else "")
                    + ")"
                )
    finally:
        stop(xvfb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="run tools/build_app.py first")
    parser.add_argument("--dist", type=Path, default=REPO / "dist" / "catalog-app")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--screenshot", type=Path, help="save the frozen window as PNG here")
    args = parser.parse_args()
    if args.build:
        started = time.perf_counter()
        subprocess.run([sys.executable, str(REPO / "tools" / "build_app.py")], check=True)
        print(f"build (stage + PyInstaller + archive): {time.perf_counter() - started:.0f} s")
    exe = args.dist / ("catalog-app.exe" if sys.platform == "win32" else "catalog-app")
    if not exe.exists():
        sys.exit(f"{exe} is missing: python benchmarks/bench_frozen.py --build")
    size_report(args.dist)
    with tempfile.TemporaryDirectory(prefix="bench_frozen_") as tmp:
        box = Sandbox(Path(tmp), exe.resolve())
        cli_timings(box, args.runs)
        if not args.corpus.is_dir():
            print(f"{args.corpus} is missing: offline run, upgrade and window skipped")
            return
        out = box.root / "exports"
        out.mkdir()
        catalog = offline_run(box, args.corpus, out)
        upgrade_check(box, args.corpus)
        window_timings(box, catalog, args.runs, args.screenshot)


if __name__ == "__main__":
    main()
