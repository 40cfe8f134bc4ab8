"""The exporter registry: one declaration per export, read by export(), the CLI and the window."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from catalog_app.disclosure import export as export_module
from catalog_app.disclosure.exports import EXPORTERS, FOLDER, exporter, registry


def test_every_writer_loads_and_takes_the_state_or_the_diff():
    for kind, found in EXPORTERS.items():
        writer = found.load_writer()
        assert callable(writer), kind
        first = next(iter(inspect.signature(writer).parameters))
        assert first == ("diff" if found.needs_diff else "state"), kind


def test_the_frozen_build_can_see_every_writer_module():
    """PyInstaller follows import statements, not strings: each writer's module must be in the
    registry's TYPE_CHECKING import block."""
    tree = ast.parse(inspect.getsource(registry))
    seen = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "catalog_app.disclosure.exports"
        for alias in node.names
    }
    assert {e.writer.partition(":")[0] for e in EXPORTERS.values()} <= seen


def test_kinds_and_default_names_come_from_the_registry():
    assert list(export_module.KINDS) == list(EXPORTERS)
    assert export_module.default_name("inventory", 2025) == "2025_공공데이터목록.xlsx"
    assert export_module.default_name("datapackage", 2025) == "2025_datapackage"
    assert EXPORTERS["inventory"].default_name(2025, ".csv") == "2025_공공데이터목록.csv"
    assert EXPORTERS["datapackage"].into_folder and not EXPORTERS["dcat"].into_folder
    assert [k for k, e in EXPORTERS.items() if e.needs_diff] == ["diff"]
    assert EXPORTERS["datapackage"].suffixes == (FOLDER,)


def test_titles_name_the_form():
    assert EXPORTERS["inventory"].title(".csv") == "공공데이터 목록 (CSV)"
    assert EXPORTERS["dcat"].title() == "DCAT (JSON-LD)"
    assert EXPORTERS["datapackage"].title() == "datapackage.json (데이터셋별 폴더)"
    assert EXPORTERS["compliance"].describe() == "표준 준수율 보고서 (xlsx)"


def test_an_unknown_kind_is_a_korean_error(tmp_path):
    with pytest.raises(ValueError, match="알 수 없는 내보내기 종류입니다: pdf"):
        exporter("pdf")
    with pytest.raises(ValueError, match="inventory, definitions"):
        export_module.export(None, 2025, "pdf", tmp_path)  # refused before the catalog is read


def test_a_writer_refuses_a_form_it_does_not_declare(tmp_path):
    from tests.disclosure_samples import sample_state

    with pytest.raises(ValueError, match="xlsx 파일로 저장하세요"):
        EXPORTERS["compliance"].load_writer()(sample_state(), tmp_path / "준수율.csv")


def test_the_cli_offers_the_registry_kinds():
    from catalog_app.cli.disclosure import export_cmd

    kind = next(p for p in export_cmd.params if p.name == "kind")
    assert list(kind.type.choices) == list(EXPORTERS)
    for found in EXPORTERS.values():
        assert str(found.label) in kind.help


def test_translated_labels_are_registered_messages():
    from catalog_app.messages import templates

    known = set(templates())
    assert {str(e.label) for e in EXPORTERS.values()} <= known
    assert "데이터셋별 폴더" in known


def test_default_names_are_plain_file_names():
    for found in EXPORTERS.values():
        for suffix in found.suffixes:
            name = found.default_name(2025, suffix)
            assert Path(name).name == name and name.startswith("2025_")
