"""Where shipped data lives: inside the installed package (importlib.resources), or, when running
from a source checkout, in the repository's top-level folders."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_REPO = Path(__file__).resolve().parents[1]


def _folder(package: str, repo_folder: str) -> Traversable:
    try:
        return resources.files(package)
    except ModuleNotFoundError:  # a source checkout: standards/ is not a subpackage there
        return _REPO / repo_folder


def standards_dir() -> Traversable:
    return _folder("catalog_app.standards", "standards")


def resources_dir() -> Traversable:
    return _folder("catalog_app.resources", "resources")


SHIPPED_EDITION = "pds7_2024-11"
