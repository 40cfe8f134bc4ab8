"""Where things live: the default catalog in the per-user data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "catalog_app"
CATALOG_ENV = "CATALOG_APP_CATALOG"


def data_dir() -> Path:
    """Per-user data folder: %LOCALAPPDATA%\\catalog_app on Windows, ~/.local/share/catalog_app on Linux."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_catalog_path() -> Path:
    """The catalog used when none is given: $CATALOG_APP_CATALOG, else the per-user data folder."""
    env = os.environ.get(CATALOG_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "catalog.db"
