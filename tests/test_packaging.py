"""Every Python package of the source tree is listed for installation (pip install . must work)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    listed = set(config["packages"])
    mapped = {v: k for k, v in config.get("package-dir", {}).items()}
    found = set()
    for init in ROOT.glob("**/__init__.py"):
        rel = init.parent.relative_to(ROOT)
        if rel.parts and rel.parts[0] in (".venv", "tests", "build", "benchmarks"):
            continue
        folder = str(rel).replace("\\", "/")
        found.add(mapped.get(folder, folder.replace("/", ".")))
    for folder in (ROOT / "catalog_app").rglob("*.py"):  # namespace-less folders count too
        pkg = ".".join(folder.parent.relative_to(ROOT).parts)
        found.add(pkg)
    assert found - listed == set(), "packages missing from pyproject [tool.setuptools] packages"


def test_shipped_dictionary_is_found_from_the_source_tree():
    from catalog_app.shipped import SHIPPED_EDITION, standards_dir

    folder = standards_dir() / SHIPPED_EDITION
    assert sorted(p.name for p in folder.iterdir()) == ["domains.csv", "terms.csv", "words.csv"]
