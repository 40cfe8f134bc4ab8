"""Pre-export validation: each rule on a passing and a failing case, ordering and the helpers."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from catalog_app.disclosure.model import ENTERED, Problem
from catalog_app.disclosure.validate import (
    ExportBlocked,
    blocking,
    counts,
    looks_like_phone,
    problem_json,
    validate,
)
from tests.disclosure_samples import sample_state

TODAY = dt.date(2025, 11, 20)
PARKING = "/data/교통행정과/주차장 현황.csv"
WELFARE = "/data/복지정책과/수급자 명단.xlsx"
SCRATCH = "/data/복지정책과/작업용 임시.csv"
PARKING_TITLE = "서울특별시 종로구_주차장 현황"
WELFARE_TITLE = "서울특별시 종로구_기초생활수급자 현황"


def _state():
    return copy.deepcopy(sample_state())


def _ds(state, key):
    return next(d for d in state.datasets if d.key == key)


def _col(state, key, label):
    return next(c for c in state.columns if c.dataset_key == key and c.label == label)


def _codes(state, today=TODAY) -> list[tuple[str, str, str, str]]:
    """(code, dataset key, field, column) of every problem."""
    return [(p.code, p.dataset_key, p.field, p.column) for p in validate(state, today)]


def _only(state, code, today=TODAY) -> list[Problem]:
    return [p for p in validate(state, today) if p.code == code]


# --- the sample -------------------------------------------------------------------------------


def test_sample_state_has_no_problems():
    # The parking and welfare datasets are complete. Why nothing is reported for welfare:
    # * next_update 2025-12-31 is after 2025-11-20, so V13 does not fire;
    # * its description is formula text (=HYPERLINK…) — a valid value; escaping is the export's job;
    # * notes hold a resident number typed as text — notes have no vocabulary and no PII rule;
    # * it is 부분공개 with reason 9-6 and both personal-data columns (성명, 주민번호) are 비공개
    #   with 9-6, so neither V30 nor V31 applies; pii is Y, so V32 (N against the scan) does not.
    # The scratch dataset (include=N, nearly empty) is not on the list and is never checked.
    assert validate(sample_state(), TODAY) == []


def test_excluded_dataset_is_never_reported():
    state = _state()
    _ds(state, SCRATCH).status = "error"
    _ds(state, SCRATCH).fields["openness"] = "없음"
    assert all(p.dataset_key != SCRATCH for p in validate(state, TODAY))
    _ds(state, SCRATCH).fields["include"] = "Y"  # on the list, the same record is full of errors
    assert any(p.dataset_key == SCRATCH and p.code == "V10" for p in validate(state, TODAY))


def test_today_defaults_to_the_current_date():
    state = _state()
    _ds(state, PARKING).fields["next_update"] = "2000-01-01"
    _ds(state, WELFARE).fields["next_update"] = "2999-12-31"
    assert [p.code for p in validate(state)] == ["V13"]


# --- institution ------------------------------------------------------------------------------


def test_v01_institution_name_and_code_required():
    state = _state()
    state.institution = {"name": " ", "code": ""}
    problems = validate(state, TODAY)
    assert [(p.code, p.level, p.field, p.field_label) for p in problems] == [
        ("V01", "institution", "name", "기관명"),
        ("V01", "institution", "code", "기관코드"),
    ]
    assert "기관명" in problems[0].message and problems[0].dataset_key == ""


@pytest.mark.parametrize("code", ["300000", "30000000", "300000A", "３０００００0"])
def test_v02_institution_code_must_be_seven_digits(code):
    state = _state()
    state.institution["code"] = code
    assert [(p.code, p.severity, p.field) for p in validate(state, TODAY)] == [
        ("V02", "error", "code")
    ]


# --- required fields and vocabularies ---------------------------------------------------------


def test_v10_required_field_empty():
    state = _state()
    _ds(state, PARKING).fields["description"] = "  "
    del _ds(state, PARKING).fields["licence"]
    problems = _only(state, "V10")
    assert [(p.dataset_key, p.field, p.field_label) for p in problems] == [
        (PARKING, "description", "설명"),
        (PARKING, "licence", "이용허락범위"),
    ]
    assert PARKING_TITLE in problems[0].message and "설명" in problems[0].message
    assert problems[0].dataset_id == 1 and problems[0].dataset_name == PARKING_TITLE


def test_v10_closed_dataset_needs_only_the_non_portal_fields():
    state = _state()
    d = _ds(state, WELFARE)
    d.fields["openness"] = "비공개"
    for key in ("category", "update_cycle", "next_update", "keywords", "licence", "cost"):
        d.fields[key] = ""
    d.fields.update(formats="", phone="")
    assert _codes(state) == []
    d.fields.update(title="", department="", description="")
    problems = _only(state, "V10")
    assert [p.field for p in problems] == ["title", "department", "description"]
    # without a 목록명 the file name names the dataset
    assert all(p.dataset_name == "수급자 명단.xlsx" for p in problems)
    assert "[수급자 명단.xlsx] 목록명" in problems[0].message


def test_v10_openness_itself_is_required_even_when_empty_portal_fields():
    state = _state()
    _ds(state, PARKING).fields["openness"] = ""
    assert _codes(state) == [("V10", PARKING, "openness", "")]


def test_v11_dataset_value_outside_vocabulary():
    state = _state()
    d = _ds(state, PARKING)
    d.fields.update(update_cycle="매년", category="교통 - 도로", cost="없음", openness="공개함")
    problems = _only(state, "V11")
    assert [p.field for p in problems] == ["category", "update_cycle", "cost", "openness"]
    assert "'매년'은(는) 허용된 값이 아닙니다" in problems[1].message
    assert "연간" in problems[1].message  # the allowed values are listed


def test_v11_accepts_category_major_alone_or_with_minor():
    state = _state()
    _ds(state, PARKING).fields["category"] = "교통물류"
    _ds(state, WELFARE).fields["category"] = "사회복지 - 기초생활보장"
    assert _codes(state) == []


def test_v11_column_values_outside_vocabulary():
    state = _state()
    _col(state, WELFARE, "성명").fields.update(openness="닫힘", reason="개인정보", pii="예")
    problems = _only(state, "V11")
    assert [(p.level, p.field, p.field_label, p.column, p.table_key) for p in problems] == [
        ("column", "openness", "공개/비공개여부", "성명", "0:수급자"),
        ("column", "reason", "비공개사유", "성명", "0:수급자"),
        ("column", "pii", "개인정보여부", "성명", "0:수급자"),
    ]
    assert "컬럼 '성명' (수급자)" in problems[0].message


# --- dates and phones --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2025/12/31", "2025-02-30", "20251231", "2025-1-5", "내년 3월", "２０２５-12-31"]
)
def test_v12_next_update_must_be_a_date(value):
    state = _state()
    _ds(state, PARKING).fields["next_update"] = value
    assert _codes(state) == [("V12", PARKING, "next_update", "")]


def test_v13_next_update_in_the_past_warns():
    state = _state()
    # 2026-01-01: welfare's 2025-12-31 has passed, parking's 2026-03-31 has not
    problems = validate(state, dt.date(2026, 1, 1))
    assert [(p.severity, p.code, p.dataset_key) for p in problems] == [("warning", "V13", WELFARE)]
    assert "시행령 제15조" in problems[0].message and "차기 등록 예정일" in problems[0].message
    # the day itself is not late (no V13), but it is due: V50 from 14 days before
    due = validate(state, dt.date(2025, 12, 31))
    assert [(p.code, p.field) for p in due] == [("V50", "next_update")]
    assert "오늘까지" in due[0].message
    assert [p.code for p in validate(state, dt.date(2025, 12, 17))] == ["V50"]
    assert validate(state, dt.date(2025, 12, 16)) == []


@pytest.mark.parametrize(
    "phone",
    ["02-2148-1234", "0221481234", "010-1234-5678", "031-123-4567", "1588-1234", "16001234"],
)
def test_v14_phone_numbers_that_pass(phone):
    assert looks_like_phone(phone)
    state = _state()
    _ds(state, PARKING).fields["phone"] = phone
    assert _codes(state) == []


@pytest.mark.parametrize(
    "phone",
    [
        "2148-1234",
        "02-2148-1234 (내선 5)",
        "+82-2-2148-1234",
        "02--2148-1234",
        "0212",
        "`0221481234",
        "０２-2148-1234",
    ],
)
def test_v14_phone_numbers_that_warn(phone):
    state = _state()
    _ds(state, PARKING).fields["phone"] = phone
    problems = validate(state, TODAY)
    assert [(p.severity, p.code, p.field_label) for p in problems] == [
        ("warning", "V14", "관리부서 전화번호")
    ]


# --- openness and reasons ---------------------------------------------------------------------


@pytest.mark.parametrize("openness", ["비공개", "부분공개"])
def test_v20_closed_dataset_needs_a_reason(openness):
    state = _state()
    d = _ds(state, WELFARE)
    d.fields.update(openness=openness, reason="")
    assert ("V20", WELFARE, "reason", "") in _codes(state)
    d.fields["reason"] = "9-6"
    assert "V20" not in [c for c, *_ in _codes(state)]


def test_v21_closed_column_needs_a_reason():
    state = _state()
    _col(state, WELFARE, "성명").fields["reason"] = ""
    problems = validate(state, TODAY)
    assert [(p.code, p.level, p.column, p.field) for p in problems] == [
        ("V21", "column", "성명", "reason")
    ]
    _col(state, PARKING, "주소").fields["openness"] = "공개"  # open without reason is fine
    assert [p.code for p in validate(state, TODAY)] == ["V21"]


def test_v22_reason_on_an_open_dataset_or_column_warns():
    state = _state()
    _ds(state, PARKING).fields["reason"] = "9-5"
    # 지원금액 is unset under a 부분공개 dataset, so it counts as 공개
    _col(state, WELFARE, "지원금액").fields["reason"] = "9-7"
    problems = validate(state, TODAY)
    assert [(p.severity, p.code, p.dataset_key, p.level, p.column) for p in problems] == [
        ("warning", "V22", WELFARE, "column", "지원금액"),
        ("warning", "V22", PARKING, "dataset", ""),
    ]
    assert "사유가 있지만 공개로 되어 있습니다" in problems[0].message


def test_v22_not_for_an_unset_column_of_a_closed_dataset():
    state = _state()
    _ds(state, WELFARE).fields["openness"] = "비공개"
    _col(state, WELFARE, "지원금액").fields["reason"] = "9-6"
    assert _codes(state) == []


# --- personal data ----------------------------------------------------------------------------


def test_v30_open_dataset_with_personal_data_no_column_accounts_for():
    state = _state()
    _ds(state, PARKING).fields["pii"] = "Y"
    problems = validate(state, TODAY)
    assert [(p.code, p.dataset_key, p.field) for p in problems] == [("V30", PARKING, "openness")]
    assert "부분공개" in problems[0].message and "제9조①6" in problems[0].message


def test_v30_scan_finding_counts_unless_entered_n():
    state = _state()
    d = _ds(state, PARKING)
    d.pii_kinds = ["rrn"]
    d.fields["pii"] = ""
    assert [p.code for p in validate(state, TODAY)] == ["V30"]
    assert "주민등록번호" in validate(state, TODAY)[0].message
    d.fields["pii"] = "N"  # entered N: no error, but V32 asks the clerk to confirm
    assert [p.code for p in validate(state, TODAY)] == ["V32"]


def test_v30_not_when_partial_or_closed():
    state = _state()
    d = _ds(state, PARKING)
    d.fields.update(pii="Y", reason="9-6")
    for openness in ("부분공개", "비공개"):
        d.fields["openness"] = openness
        assert "V30" not in [p.code for p in validate(state, TODAY)]


def test_v31_personal_data_column_left_open():
    state = _state()
    _col(state, WELFARE, "성명").fields.update(openness="", reason="")
    problems = validate(state, TODAY)
    assert [(p.code, p.level, p.column, p.field, p.field_label) for p in problems] == [
        ("V31", "column", "성명", "openness", "공개/비공개여부")
    ]
    assert "비어 있어 공개로 봅니다" in problems[0].message
    _col(state, WELFARE, "성명").fields["openness"] = "공개"
    assert [p.code for p in validate(state, TODAY)] == ["V31"]


def test_v31_scan_kind_without_pii_field_counts():
    state = _state()
    c = _col(state, PARKING, "주소")
    c.pii_kind = "address_detail"
    _ds(state, PARKING).fields.update(openness="부분공개", reason="9-6")
    problems = validate(state, TODAY)
    assert [(p.code, p.column) for p in problems] == [("V31", "주소")]
    assert "상세주소" in problems[0].message


def test_open_dataset_with_pii_columns_reports_v31_per_column_not_v30():
    state = _state()
    d = _ds(state, WELFARE)
    d.fields.update(openness="공개", reason="")
    for label in ("성명", "주민번호"):
        _col(state, WELFARE, label).fields.update(openness="", reason="")
    assert _codes(state) == [
        ("V31", WELFARE, "openness", "성명"),
        ("V31", WELFARE, "openness", "주민번호"),
    ]


def test_open_dataset_whose_pii_columns_are_all_closed_is_covered():
    state = _state()
    _ds(state, WELFARE).fields.update(openness="공개", reason="")
    # no personal data leaks; only the label is off: it should say 부분공개
    assert [c[0] for c in _codes(state)] == ["V23"]


def test_v31_skipped_when_the_whole_dataset_is_closed():
    state = _state()
    _ds(state, WELFARE).fields["openness"] = "비공개"
    for label in ("성명", "주민번호"):
        _col(state, WELFARE, label).fields.update(openness="", reason="")
    assert _codes(state) == []


def test_v32_pii_entered_n_against_the_scan():
    state = _state()
    c = _col(state, WELFARE, "성명")
    c.fields.update(pii="N", openness="공개", reason="")
    c.sources["pii"] = ENTERED
    problems = validate(state, TODAY)
    assert [(p.severity, p.code, p.column, p.field) for p in problems] == [
        ("warning", "V32", "성명", "pii")
    ]
    assert "라목" in problems[0].message and "스캔에서 개인정보" in problems[0].message
    c.pii_kind = ""  # nothing found: N is simply the answer
    assert validate(state, TODAY) == []


# --- unreadable files -------------------------------------------------------------------------


def test_v40_unreadable_file_warns():
    state = _state()
    _ds(state, PARKING).status = "error"
    problems = validate(state, TODAY)
    assert [(p.severity, p.code, p.field, p.field_label) for p in problems] == [
        ("warning", "V40", "status", "상태")
    ]
    assert "파일을 읽지 못해" in problems[0].message


# --- ordering, messages and helpers ------------------------------------------------------------


def _broken_state():
    state = _state()
    state.institution["code"] = "123"
    p = _ds(state, PARKING)
    p.fields.update(next_update="2020-01-01", cost="", reason="9-1", phone="123")
    w = _ds(state, WELFARE)
    w.fields.update(keywords="", category="복지")
    _col(state, WELFARE, "주민번호").fields.update(openness="", reason="")
    _col(state, WELFARE, "성명").fields["reason"] = ""
    return state


def test_problems_are_sorted():
    got = [
        (p.severity, p.code, p.dataset_name, p.field, p.column)
        for p in validate(_broken_state(), TODAY)
    ]
    assert got == [
        ("error", "V02", "", "code", ""),
        # datasets by name: 기초생활수급자 (기) before 주차장 (주)
        ("error", "V11", WELFARE_TITLE, "category", ""),
        ("error", "V10", WELFARE_TITLE, "keywords", ""),
        ("error", "V21", WELFARE_TITLE, "reason", "성명"),
        ("error", "V31", WELFARE_TITLE, "openness", "주민번호"),
        ("error", "V10", PARKING_TITLE, "cost", ""),
        ("warning", "V14", PARKING_TITLE, "phone", ""),
        ("warning", "V13", PARKING_TITLE, "next_update", ""),
        ("warning", "V22", PARKING_TITLE, "reason", ""),
    ]


def test_every_message_names_the_dataset_and_the_field():
    for p in validate(_broken_state(), TODAY):
        assert p.field_label in p.message
        if p.level != "institution":
            assert f"[{p.dataset_name}]" in p.message
        if p.level == "column":
            assert f"'{p.column}'" in p.message


def test_blocking_counts_and_export_blocked():
    problems = validate(_broken_state(), TODAY)
    assert counts(problems) == {"error": 6, "warning": 3}
    assert counts([]) == {"error": 0, "warning": 0}
    assert [p.severity for p in blocking(problems)] == ["error"] * 6
    err = ExportBlocked(problems)
    assert err.problems == problems and len(err.blocking) == 6
    assert str(err) == (
        "차단 문제 6건 때문에 내보내지 않았습니다. 문제를 고치거나 --force로 강제하세요."
    )
    with pytest.raises(ExportBlocked, match="6건"):
        raise err


def test_problem_json_keys():
    problem = next(p for p in validate(_broken_state(), TODAY) if p.code == "V21")
    assert problem_json(problem) == {
        "severity": "error",
        "code": "V21",
        "message": problem.message,
        "dataset": WELFARE_TITLE,
        "dataset_id": 2,
        "path": WELFARE,
        "level": "column",
        "field": "reason",
        "field_label": "비공개사유",
        "table": "0:수급자",
        "column": "성명",
    }


def test_v15_duplicate_list_key_is_an_error_once():
    state = sample_state()
    parking, welfare = state.datasets[0], state.datasets[1]
    assert not [p for p in validate(state, TODAY) if p.code == "V15"]
    parking.fields["list_key"] = welfare.fields["list_key"] = "15000001"
    found = [p for p in validate(state, TODAY) if p.code == "V15"]
    assert len(found) == 1 and found[0].severity == "error" and found[0].field == "list_key"


def test_v23_open_dataset_with_a_withheld_column_should_be_partial():
    state = sample_state()
    welfare = state.datasets[1]
    assert not [p for p in validate(state, TODAY) if p.code == "V23"]
    welfare.fields["openness"] = "공개"
    welfare.fields.pop("reason")
    found = [p for p in validate(state, TODAY) if p.code == "V23"]
    assert len(found) == 1 and "성명" in found[0].message and found[0].severity == "warning"


def test_v16_same_title_twice_is_a_warning():
    state = sample_state()
    parking, welfare = state.datasets[0], state.datasets[1]
    assert not [p for p in validate(state, TODAY) if p.code == "V16"]
    welfare.fields["title"] = " " + parking.fields["title"] + " "
    found = [p for p in validate(state, TODAY) if p.code == "V16"]
    assert len(found) == 1 and found[0].severity == "warning" and found[0].field == "title"
    assert parking.rel_path in found[0].message or welfare.rel_path in found[0].message
