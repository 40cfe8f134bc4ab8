"""Validation that follows the fixes (issue 15): problems grouped by dataset and field, checked
again when a fix is saved and when the year changes, 다음/이전 문제 after a jump, and messages
that name the page where a setting lives."""

from __future__ import annotations

import pytest

from ui.pages.problem_list import GROUP, PROBLEM


def wait_idle(page, qtbot, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: not page.busy(), timeout=timeout)


@pytest.fixture
def checked(make_window, catalog_copy, qtbot):
    window = make_window(catalog_copy)
    page = window.show_page("disclosure")
    page.validate()
    wait_idle(page, qtbot)
    assert page.problems_shown
    return window, page


def _groups(tree) -> list[tuple[str, list[dict]]]:
    """(group key, problems) as the tree's model gives them through Qt's API."""
    model = tree.model_
    out = []
    for r in range(model.rowCount()):
        branch = model.index(r, 0)
        problems = [model.index(c, 0, branch).data(PROBLEM) for c in range(model.rowCount(branch))]
        out.append((branch.data(GROUP), problems))
    return out


def test_problems_are_grouped_by_dataset_then_field(checked):
    _window, page = checked
    groups = _groups(page.problem_tree)
    assert groups[0][0] == "institution"  # the institution settings first
    keys = [key for key, _ in groups]
    assert len(keys) == len(set(keys))  # one branch per dataset
    for key, problems in groups[1:]:
        assert {f"dataset:{p['dataset_id']}" for p in problems} == {key}
        dataset_level = [p for p in problems if p["level"] == "dataset"]
        assert problems[: len(dataset_level)] == dataset_level  # fields before columns
    counts = page.problem_tree.model_.index(1, 1).data()
    assert counts.startswith("차단 ") and "경고" in counts
    assert page.problems_shown == [p for _, ps in groups for p in ps]  # navigation order


def test_institution_problems_name_the_page_where_the_setting_lives(checked):
    _window, page = checked
    v01 = next(p for p in page.problems_shown if p["code"] == "V01")
    assert "공개목록 › 기관 설정" in v01["message"]  # not 설정, where the settings are not
    assert "설정에서 입력하세요" not in v01["message"].replace("기관 설정에서", "")


def test_a_saved_fix_refreshes_the_problems_without_pressing_check(checked, qtbot):
    window, page = checked
    target = next(
        p for p in page.problems_shown if p["code"] == "V10" and p["field"] == "update_cycle"
    )
    before = sum(1 for p in page.problems_shown if p["code"] == "V10")
    page.open_problem(target)
    metadata = window.pages["metadata"]
    form = metadata.form
    qtbot.waitUntil(
        lambda: form.dataset_id == target["dataset_id"] and not form.is_busy(), timeout=20_000
    )
    combo = form.editor("update_cycle")
    combo.setCurrentIndex(combo.findData("연간"))
    assert form.save()
    qtbot.waitUntil(lambda: not form.is_busy() and not form.is_dirty(), timeout=20_000)
    qtbot.waitUntil(lambda: page.busy(), timeout=5000)  # the save asked for a new check …
    wait_idle(page, qtbot)  # … which ran on its own thread
    after = [p for p in page.problems_shown if p["code"] == "V10"]
    assert len(after) == before - 1
    assert not any(
        p["dataset_id"] == target["dataset_id"] and p["field"] == "update_cycle" for p in after
    )


def test_the_year_change_checks_again(checked, qtbot):
    _window, page = checked
    page.year.setValue(page.year.value() - 3)
    wait_idle(page, qtbot)
    assert page.problem_summary.text().startswith(f"{page.year.value()}년")


def test_next_and_previous_problem_after_a_jump(checked, qtbot):
    window, page = checked
    dataset_problems = [p for p in page.problems_shown if p["level"] != "institution"]
    page.open_problem(dataset_problems[0])
    metadata = window.pages["metadata"]
    nav = metadata.navigator
    assert nav.isVisible() and nav.position == 0
    assert nav.label.text().startswith(f"문제 1 / {len(dataset_problems)}")
    assert not nav.previous_button.isEnabled() and nav.next_button.isEnabled()
    nav.next()
    second = dataset_problems[1]
    qtbot.waitUntil(lambda: metadata.form.dataset_id == second["dataset_id"], timeout=20_000)
    assert nav.position == 1 and nav.previous_button.isEnabled()
    nav.previous()
    assert nav.position == 0
    # a refreshed list keeps the place: the same problem when it is still there
    page.problems_changed.emit(list(page.problems_shown))
    assert nav.current() == dataset_problems[0]


def test_form_header_names_the_page_of_the_institution_settings(checked, qtbot):
    window, page = checked
    dataset_problem = next(p for p in page.problems_shown if p["level"] == "dataset")
    page.open_problem(dataset_problem)
    form = window.pages["metadata"].form
    qtbot.waitUntil(lambda: not form.is_busy() and form._loaded_id is not None, timeout=20_000)
    assert "공개목록 › 기관 설정" in form.status.text()
