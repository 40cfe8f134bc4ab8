"""`catalog-app` as a clerk runs it: the human (Korean) output without tracebacks, the installed
console script run in a subprocess from a foreign working directory, the default catalog (from
CATALOG_APP_CATALOG or the per-user data folder) and `--catalog` given after the command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog_app.cli import cli
from tests.cli_helpers import COMMANDS, HANGUL, SCAN_KEYS, check_detail, copy_fixtures, run

pytestmark = pytest.mark.slow

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).


# --------------------------------------------------------------------------------- human output
def test_human_outputs_are_korean_without_traceback(scanned, tmp_path):
    cat = scanned["catalog"]
    outputs = {
        "scan": scanned["result"].stdout,
        "rescan": run(cat, "scan", str(scanned["data"] / "sample")).stdout,
        "list": run(cat, "list").stdout,
        "show": run(cat, "show", "연락처.csv").stdout,
        "show-xlsx": run(cat, "show", "시설목록.xlsx").stdout,
        "show-html": run(cat, "show", "04년월별.xls").stdout,
        "search": run(cat, "search", "주소").stdout,
        "search-none": run(cat, "search", "존재하지않는말").stdout,
        "status": run(cat).stdout,
        "empty-list": run(tmp_path / "빈.db", "list").stdout,
    }
    for what, text in outputs.items():
        assert HANGUL.search(text), f"{what}: no Korean in {text!r}"
        assert "Traceback" not in text, what
    assert "정상" in outputs["list"] and "연락처.csv" in outputs["list"]
    assert "머리글" in outputs["show"] and "⚠개인정보" in outputs["show"]
    assert "[숨김]" in outputs["show-xlsx"]
    assert "그대로" in outputs["rescan"]
    assert "찾은 항목이 없습니다" in outputs["search-none"]
    assert "카탈로그가 비어 있습니다" in outputs["empty-list"]
    # PII values never reach the screen: the synthetic 주민등록번호 are masked.
    assert "850315-1234" not in outputs["show"]
    assert "010-0000-1234" not in outputs["show"]


def test_no_arguments_prints_catalog_and_commands(scanned):
    text = run(scanned["catalog"]).stdout
    assert f"카탈로그: {scanned['catalog']}" in text
    assert f"데이터셋 {scanned['out']['counts']['total']}개" in text
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\b", text, re.M), command


# ----------------------------------------------------------------------- the installed script
SCRIPT = Path(sys.executable).parent / ("catalog-app.exe" if os.name == "nt" else "catalog-app")


def _script(args: list[str], cwd: Path, env_extra: dict[str, str] | None = None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", *drop)}
    env.update(env_extra or {})
    proc = subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, timeout=120)
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return proc.returncode, out, err


@pytest.fixture
def script_home(tmp_path: Path) -> dict:
    """A temporary working directory (the source tree is not on sys.path there) and a fake
    per-user home, so no run can touch the real default catalog."""
    if not SCRIPT.exists():
        pytest.skip(
            f"console script not installed at {SCRIPT}: install the project "
            "(`pip install '.[test]'`, see README) to test it"
        )
    cwd = tmp_path / "작업"
    cwd.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "LOCALAPPDATA": str(tmp_path / "localappdata"),
        "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(tmp_path / "localappdata"),
    }
    return {"cwd": cwd, "env": env, "tmp": tmp_path}


def test_installed_script_scans_and_prints_json(script_home):
    tmp = script_home["tmp"]
    data = copy_fixtures(tmp, corpus=False)
    catalog = tmp / "카탈로그" / "c.db"
    rc, out, err = _script(
        ["--catalog", str(catalog), "scan", str(data), "--json"],
        script_home["cwd"],
        script_home["env"],
        drop=("CATALOG_APP_CATALOG",),
    )
    assert rc == 0, err
    doc = json.loads(out)
    assert set(doc) == SCAN_KEYS
    assert doc["catalog"] == str(catalog) and catalog.exists()
    assert doc["counts"]["new"] == doc["counts"]["total"] == 3
    assert HANGUL.search(err), "progress goes to stderr, in Korean"
    for d in doc["datasets"]:
        check_detail(d)

    rc, out, err = _script(["--catalog", str(catalog)], script_home["cwd"], script_home["env"])
    assert rc == 0, err
    assert f"카탈로그: {catalog}" in out and "데이터셋 3개" in out
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\b", out, re.M), command
    assert not list(script_home["cwd"].iterdir()), "nothing is written to the working directory"


def test_installed_script_default_catalog_from_environment(script_home):
    tmp = script_home["tmp"]
    data = copy_fixtures(tmp, corpus=False)
    catalog = tmp / "env" / "카탈로그.db"
    env = {**script_home["env"], "CATALOG_APP_CATALOG": str(catalog)}
    rc, out, err = _script(["scan", str(data), "--json", "-q"], script_home["cwd"], env)
    assert rc == 0, err
    assert json.loads(out)["catalog"] == str(catalog) and catalog.exists()
    rc, out, err = _script([], script_home["cwd"], env)
    assert rc == 0 and f"카탈로그: {catalog}" in out
    assert not (tmp / "xdg").exists() and not (tmp / "home" / ".local").exists()


def test_installed_script_default_catalog_in_the_per_user_data_folder(script_home):
    tmp = script_home["tmp"]
    env = script_home["env"]
    if sys.platform.startswith("linux"):
        expected = tmp / "xdg" / "catalog_app" / "catalog.db"
    elif sys.platform == "darwin":
        expected = tmp / "home" / "Library" / "Application Support" / "catalog_app" / "catalog.db"
    else:  # Windows: ask platformdirs where it would go; it may use the shell API, not the env
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "import platformdirs; print(platformdirs.user_data_dir('catalog_app', False))",
            ],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=True,
        )
        expected = Path(probe.stdout.strip()) / "catalog.db"
        if tmp not in expected.parents:
            pytest.skip(f"the per-user data folder cannot be redirected here ({expected})")
    rc, out, err = _script([], script_home["cwd"], env, drop=("CATALOG_APP_CATALOG",))
    assert rc == 0, err
    assert f"카탈로그: {expected}" in out
    assert expected.exists()
    if sys.platform.startswith("linux"):  # without XDG_DATA_HOME: the README's ~/.local/share
        env = {k: v for k, v in env.items() if k != "XDG_DATA_HOME"}
        rc, out, err = _script(
            [], script_home["cwd"], env, drop=("CATALOG_APP_CATALOG", "XDG_DATA_HOME")
        )
        expected = tmp / "home" / ".local" / "share" / "catalog_app" / "catalog.db"
        assert rc == 0 and f"카탈로그: {expected}" in out, (out, err)
        assert expected.exists()


def test_catalog_option_is_accepted_after_the_command(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "표.csv").write_text("구분,값\n가,1\n", encoding="utf-8")
    db = tmp_path / "after.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["scan", str(tmp_path / "d"), "-q", "--catalog", str(db)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(cli, ["list", "--json", "--catalog", str(db)])
    assert [d["name"] for d in json.loads(listed.output)] == ["표.csv"]
