"""The PySide6 desktop app: a thin layer of windows, models and workers over catalog_app (issue 6)."""
