"""The disclosure exports, one module per file the coordinator hands in, and their registry.

``registry`` lists them (kind, Korean label, file forms, writer); ``inventory`` 공공데이터 목록
(with ``columns``, the portal's per-column sheet), ``definitions`` 정의서, ``compliance`` 표준
준수율, ``diff`` 전년 대비 변경, ``dcat`` DCAT JSON-LD, ``datapackage`` one datapackage.json per
dataset. ``catalog_app.disclosure.export`` is the entry point that validates and picks one.
"""

from catalog_app.disclosure.exports.registry import EXPORTERS, FOLDER, Exporter, exporter

__all__ = ["EXPORTERS", "FOLDER", "Exporter", "exporter"]
