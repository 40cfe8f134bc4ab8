"""Offline wheelhouse: every wheel the app needs on one target platform, with install scripts.

    python tools/wheelhouse.py --platform win_amd64                  # Python 3.11, 3.12 and 3.13
    python tools/wheelhouse.py --platform linux --python 3.11        # this Linux machine's kind
    python tools/wheelhouse.py --platform win_amd64 --with-test      # + test tools, build backend
    python tools/wheelhouse.py --platform win_amd64 --with-serve     # + the intranet page (serve)

Run it on a PC with internet (any OS: pip downloads another platform's wheels with
``--platform``), copy the folder to a USB stick, and on the office PC run ``install.bat`` (or
``install.ps1``; ``install.sh`` on Linux). The install makes a per-user venv (no admin) and
installs with ``pip install --no-index --find-links wheels``: it never asks a network.

Output folder (``wheelhouse-<platform>/``):

    wheels/             the app's own wheel and every dependency, binary wheels only
    install.bat/.ps1    Windows; install.sh on Linux
    README.txt          what to do with the folder (Korean and English)
    SHA256SUMS          to check the copy that crossed 망분리

Why a closure check: ``pip download --platform`` resolves environment markers for the machine it
runs on, not for the target, so a Windows-only dependency (colorama for click) would be missing
from a wheelhouse made on Linux and the office PC's ``--no-index`` install would fail. After
downloading, every wheel's Requires-Dist is evaluated for the target (OS, Python version) and
whatever is missing is downloaded too, until nothing is.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import shutil
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

try:
    from packaging.requirements import Requirement
    from packaging.tags import compatible_tags, cpython_tags
    from packaging.utils import canonicalize_name, parse_wheel_filename
    from packaging.version import Version
except ImportError:  # a bare Python: pip carries its own copy
    from pip._vendor.packaging.requirements import Requirement  # type: ignore[no-redef]
    from pip._vendor.packaging.tags import compatible_tags, cpython_tags  # type: ignore[no-redef]
    from pip._vendor.packaging.utils import (  # type: ignore[no-redef]
        canonicalize_name,
        parse_wheel_filename,
    )
    from pip._vendor.packaging.version import Version  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = Path(__file__).resolve().parent / "wheelhouse_scripts"
PYTHONS = ["3.11", "3.12", "3.13"]

# Targets: pip --platform tags (most specific first) and the marker environment.
TARGETS = {
    "win_amd64": {
        "platforms": ["win_amd64"],
        "env": {
            "os_name": "nt",
            "sys_platform": "win32",
            "platform_system": "Windows",
            "platform_machine": "AMD64",
        },
        "scripts": ["install.bat", "install.ps1"],
    },
    "linux": {
        "platforms": None,  # manylinux tags up to --glibc, see linux_platforms()
        "env": {
            "os_name": "posix",
            "sys_platform": "linux",
            "platform_system": "Linux",
            "platform_machine": "x86_64",
        },
        "scripts": ["install.sh"],
    },
}


def linux_platforms(glibc: str) -> list[str]:
    """manylinux tags a PC with this glibc accepts, newest first (pip tries them in order)."""
    major, minor = (int(x) for x in glibc.split("."))
    tags = [f"manylinux_{major}_{m}_x86_64" for m in range(minor, 16, -1)]
    return tags + ["manylinux2014_x86_64", "linux_x86_64"]


def host_glibc() -> str:
    name, version = platform.libc_ver()
    return version if name == "glibc" and version else "2.28"


def marker_env(target: str, python: str) -> dict[str, str]:
    env = dict(TARGETS[target]["env"])
    env.update(
        python_version=python,
        python_full_version=f"{python}.0",
        implementation_name="cpython",
        implementation_version=f"{python}.0",
        platform_python_implementation="CPython",
        platform_release="",
        platform_version="",
        extra="",
    )
    return env


def target_tags(python: str, platforms: list[str]) -> set[str]:
    version = tuple(int(x) for x in python.split("."))
    tags = list(cpython_tags(version, platforms=platforms))
    tags += list(compatible_tags(version, f"cp{version[0]}{version[1]}", platforms))
    return {str(t) for t in tags}


def project() -> dict:
    with open(REPO / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def run(cmd: list[str]) -> None:
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def pip(*args: str) -> list[str]:
    return [sys.executable, "-m", "pip", *args]


def wheel_metadata(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        msg = Parser().parsestr(zf.read(name).decode("utf-8"))
    return {"requires": msg.get_all("Requires-Dist") or []}


def missing_requirements(
    wheels: Path, roots: list[str], target: str, python: str, platforms: list[str]
) -> list[str]:
    """Requirements of ``roots`` (and everything they pull in) that no wheel in ``wheels`` meets
    on this target; empty when the wheelhouse is complete for it."""
    tags = target_tags(python, platforms)
    available: dict[str, list[tuple[Version, Path]]] = {}
    for path in wheels.glob("*.whl"):
        name, version, _build, wheel_tags = parse_wheel_filename(path.name)
        if any(str(t) in tags for t in wheel_tags):
            available.setdefault(name, []).append((version, path))
    missing: list[str] = []
    seen: set[tuple[str, str]] = set()
    queue = [Requirement(r) for r in roots]
    while queue:
        req = queue.pop()
        name = canonicalize_name(req.name)
        key = (name, ",".join(sorted(req.extras)) + str(req.specifier))
        if key in seen:
            continue
        seen.add(key)
        candidates = sorted(
            (v, p)
            for v, p in available.get(name, [])
            if req.specifier.contains(v, prereleases=True)
        )
        if not candidates:
            missing.append(str(req))
            continue
        _version, path = candidates[-1]  # pip prefers the newest it may use
        for text in wheel_metadata(path)["requires"]:
            dep = Requirement(text)
            extras = [""] + sorted(req.extras)
            if dep.marker is None or any(
                dep.marker.evaluate({**marker_env(target, python), "extra": e}) for e in extras
            ):
                dep.marker = None
                queue.append(dep)
    return sorted(set(missing))


def build(
    out: Path, target: str, pythons: list[str], with_test: bool, glibc: str, with_serve=False
) -> dict:
    platforms = TARGETS[target]["platforms"] or linux_platforms(glibc)
    wheels = out / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    run(pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(REPO)))
    meta = project()["project"]
    app_wheel = next(wheels.glob(f"{meta['name'].replace('-', '_')}-{meta['version']}-*.whl"))
    chosen = [e for e, on in (("serve", with_serve), ("test", with_test)) if on]
    extras = f"[{','.join(chosen)}]" if chosen else ""
    # The app by its wheel file (a project of the same name on an index must never win); the
    # closure check asks for it by name and version.
    first = [f"{app_wheel}{extras}"]
    roots = [f"{meta['name']}{extras}=={meta['version']}"]
    if with_test:  # `pip install '.[test]'` from a source tree builds with these, offline too
        first += project()["build-system"]["requires"]
        roots += project()["build-system"]["requires"]
    platform_args = [a for p in platforms for a in ("--platform", p)]
    for python in pythons:
        requests = list(first)
        for _round in range(5):
            run(
                pip(
                    "download",
                    "--quiet",
                    "--only-binary=:all:",
                    "--dest",
                    str(wheels),
                    "--find-links",
                    str(wheels),
                    *platform_args,
                    "--python-version",
                    python,
                    "--implementation",
                    "cp",
                    *requests,
                )  # fmt: skip
            )
            requests = missing_requirements(wheels, roots, target, python, platforms)
            if not requests:
                break
            print(f"Python {python}: markers pip evaluated for this machine left out {requests}")
        else:
            raise SystemExit(f"Python {python}: still missing {requests}")
    for script in TARGETS[target]["scripts"] + ["README.txt"]:
        copy_script(SCRIPTS / script, out / script)
    files = sorted(wheels.glob("*.whl"))
    with open(out / "SHA256SUMS", "w", encoding="utf-8", newline="\n") as f:
        for path in files:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            f.write(f"{digest}  wheels/{path.name}\n")
    return {"wheels": len(files), "bytes": sum(p.stat().st_size for p in files)}


def copy_script(source: Path, dest: Path) -> None:
    """Line ends and encodings each shell needs, whatever git did to the checkout: cmd.exe
    wants CRLF (and no BOM), Windows PowerShell 5.1 reads a .ps1 without a BOM as the ANSI code
    page (CP949 would garble the Korean), sh wants LF."""
    text = source.read_text(encoding="utf-8").replace("\r\n", "\n")
    if dest.suffix in (".bat", ".ps1", ".txt"):
        text = text.replace("\n", "\r\n")
    encoding = "utf-8-sig" if dest.suffix in (".ps1", ".txt") else "utf-8"
    dest.write_bytes(text.encode(encoding))
    if dest.suffix == ".sh":
        dest.chmod(0o755)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", choices=sorted(TARGETS), default="win_amd64")
    parser.add_argument("--python", nargs="+", default=PYTHONS, help="target Python versions")
    parser.add_argument("--out", type=Path, help="output folder (default wheelhouse-PLATFORM)")
    parser.add_argument(
        "--with-test", action="store_true", help="add the test extra and the build backend"
    )
    parser.add_argument(
        "--with-serve",
        action="store_true",
        help="add the [serve] extra (the intranet page: Datasette) for the PC that serves",
    )
    parser.add_argument(
        "--glibc", default=host_glibc(), help="Linux only: the oldest glibc the PCs have"
    )
    parser.add_argument("--clean", action="store_true", help="empty the output folder first")
    args = parser.parse_args(argv)
    out = (args.out or REPO / f"wheelhouse-{args.platform}").resolve()
    if args.clean:
        shutil.rmtree(out, ignore_errors=True)
    figures = build(out, args.platform, args.python, args.with_test, args.glibc, args.with_serve)
    print(
        f"{out}: {figures['wheels']} wheels, {figures['bytes'] / 1024 / 1024:.1f} MiB "
        f"for {args.platform}, Python {', '.join(args.python)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
