"""English mode: the core's messages (validation problems, standard checks, field labels) come
through translated, while the core and the CLI stay Korean (issue 15)."""

from __future__ import annotations

import json
import re

import pytest

from ui.core_text import core_tr

HANGUL = re.compile(r"[가-힣]")


@pytest.fixture
def in_english(app_configured):
    from ui.language import switch_language

    switch_language(app_configured, "en")
    yield
    switch_language(app_configured, "ko")


def _problems(catalog_path):
    from catalog_app.catalog.store import Catalog
    from catalog_app.disclosure.state import build_state
    from catalog_app.disclosure.validate import validate

    with Catalog(catalog_path) as catalog:
        return validate(build_state(catalog, 2025))


def test_korean_mode_returns_the_core_text_unchanged(app_configured, catalog_copy):
    problem = next(p for p in _problems(catalog_copy) if p.code == "V10")
    assert core_tr(problem.message) == str(problem.message)
    assert "필수 항목이 비어 있습니다." in core_tr(problem.message)


def test_validation_problems_and_labels_in_english(in_english, catalog_copy):
    problems = _problems(catalog_copy)
    v10 = next(p for p in problems if p.code == "V10" and p.field == "category")
    text = core_tr(v10.message)
    assert text == f"[{v10.dataset_name}] Category: A required field is empty."
    assert core_tr(v10.field_label) == "Category"
    v01 = next(p for p in problems if p.code == "V01")
    assert core_tr(v01.message).startswith("[Institution settings] Institution name: Empty.")
    assert "Disclosure › Institution settings" in core_tr(v01.message)
    assert "필수" in str(v10.message)  # the core object itself is still Korean


def test_stored_checks_in_english(in_english, catalog_copy):
    from catalog_app.catalog.store import Catalog
    from catalog_app.matching.jobs import map_catalog

    with Catalog(catalog_copy) as catalog:
        map_catalog(catalog)
        stored = [
            c["message"]
            for row in catalog.conn.execute("SELECT checks FROM column_match")
            for c in json.loads(row["checks"])
        ]
    assert len(stored) > 20
    from PySide6.QtCore import QCoreApplication

    from catalog_app.messages import Text, match

    for message in stored:
        found = match(message)
        assert found is not None, message  # every stored check finds its template again
        in_english = QCoreApplication.translate("core", found.template)
        assert not HANGUL.search(in_english), in_english  # the sentence is English …
        text = core_tr(message)
        for value in found.params.values():  # … and the data in it is kept
            assert (core_tr(value) if isinstance(value, Text) else str(value)) in text


def test_pages_show_the_core_texts_in_english(in_english, make_window, catalog_copy, qtbot):
    from PySide6.QtWidgets import QLabel

    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    page.validate()
    qtbot.waitUntil(lambda: not page.busy(), timeout=30_000)
    tree = page.problem_tree.model_
    leaves = [
        tree.index(c, col, tree.index(r, 0)).data()
        for r in range(tree.rowCount())
        for c in range(tree.rowCount(tree.index(r, 0)))
        for col in (0, 4)
    ]
    assert "A required field is empty." in leaves and "Category" in leaves
    assert not any("필수 항목이 비어" in text for text in leaves)
    form = window.show_page("metadata").form
    qtbot.waitUntil(lambda: form._loaded_id is not None and not form.is_busy(), timeout=20_000)
    labels = [label.text() for label in form.dataset_fields.findChildren(QLabel)]
    assert any(text.startswith("Update cycle") for text in labels)
    assert any(text.startswith("Next registration date") for text in labels)
