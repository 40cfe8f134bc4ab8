"""catalog_app: the Qt-free engine of the data catalog (scan, catalog, CLI)."""

__version__ = "0.1.0"
