"""Test-wide settings: no test may open a real window (subprocesses inherit this)."""

import os

os.environ.setdefault("CATALOG_APP_NO_GUI", "1")
