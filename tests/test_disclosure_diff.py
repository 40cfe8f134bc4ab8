"""The year-over-year diff on two constructed years built from the sample state."""

from __future__ import annotations

import copy

from catalog_app.disclosure.diff import diff_json, diff_states
from catalog_app.disclosure.model import ColumnRecord, DatasetRecord, TableRecord
from tests.disclosure_samples import sample_state

PARKING = "/data/교통행정과/주차장 현황.csv"
WELFARE = "/data/복지정책과/수급자 명단.xlsx"
SCRATCH = "/data/복지정책과/작업용 임시.csv"
ENFORCE = "/data/교통행정과/불법주정차 단속.csv"
PARKING_TITLE = "서울특별시 종로구_주차장 현황"
WELFARE_TITLE = "서울특별시 종로구_기초생활수급자 현황"
ENFORCE_TITLE = "서울특별시 종로구_불법주정차 단속 현황"


def _ds(state, key):
    return next(d for d in state.datasets if d.key == key)


def _col(state, key, label):
    return next(c for c in state.columns if c.dataset_key == key and c.label == label)


def _next_year(old):
    """2025 from 2024: one dataset added, one removed, a field, a term, columns and the rate."""
    new = copy.deepcopy(old)
    new.year, new.created_at = 2025, "2025-11-20T10:00:00+09:00"
    enforce = DatasetRecord(
        key=ENFORCE,
        dataset_id=4,
        name="불법주정차 단속.csv",
        rel_path="교통행정과/불법주정차 단속.csv",
        department="교통행정과",
        status="ok",
        fields={**_ds(old, PARKING).fields, "title": ENFORCE_TITLE},
        tables=[TableRecord("csv", "불법주정차 단속", 300, 1)],
    )
    new.datasets.append(enforce)
    new.columns.append(ColumnRecord(ENFORCE, "csv", "불법주정차 단속", 0, "단속일자"))
    new.datasets = [d for d in new.datasets if d.key != WELFARE]
    new.columns = [c for c in new.columns if c.dataset_key != WELFARE]
    parking = _ds(new, PARKING)
    parking.fields["update_cycle"] = "월간"
    parking.rate = 80.0
    address = _col(new, PARKING, "주소")
    address.term_name, address.term_abbr = "소재지지번주소", "LCTN_LOTNO_ADDR"
    new.columns = [c for c in new.columns if c.label != "-비고"]
    new.columns.append(
        ColumnRecord(PARKING, "csv", "주차장 현황", 3, "요금", "요금", "FEE", "금액N15", "NUMERIC")
    )
    # the off-list scratch file changes too, but it is not on either list
    _ds(new, SCRATCH).fields["formats"] = "XLSX"
    _col(new, SCRATCH, "메모").term_name = "메모내용"
    return new


def _rows(result):
    return [
        (c.level, c.action, c.dataset_name, c.table, c.column, c.field, c.old, c.new)
        for c in result.changes
    ]


def test_diff_of_two_constructed_years():
    old = sample_state(2024)
    result = diff_states(old, _next_year(old))
    assert (result.from_year, result.to_year) == (2024, 2025)
    assert (result.from_source, result.to_source) == ("live", "live")
    # sorted by dataset name (기초… < 불법… < 주차장…), dataset lines before column lines,
    # then table, column position and field order
    assert _rows(result) == [
        ("dataset", "removed", WELFARE_TITLE, "", "", "", "", ""),
        ("dataset", "added", ENFORCE_TITLE, "", "", "", "", ""),
        ("dataset", "changed", PARKING_TITLE, "", "", "update_cycle", "연간", "월간"),
        ("dataset", "changed", PARKING_TITLE, "", "", "rate", "75.0", "80.0"),
        (
            "column", "changed", PARKING_TITLE, "주차장 현황", "주소",
            "term_name", "소재지도로명주소", "소재지지번주소",
        ),
        (
            "column", "changed", PARKING_TITLE, "주차장 현황", "주소",
            "term_abbr", "LCTN_ROAD_NM_ADDR", "LCTN_LOTNO_ADDR",
        ),
        ("column", "removed", PARKING_TITLE, "주차장 현황", "-비고", "", "", ""),
        ("column", "added", PARKING_TITLE, "주차장 현황", "요금", "", "", ""),
    ]  # fmt: skip
    labels = {c.field: c.field_label for c in result.changes if c.field}
    assert labels == {
        "update_cycle": "업데이트 주기",
        "rate": "표준 준수율(%)",
        "term_name": "표준용어",
        "term_abbr": "영문약어",
    }
    assert result.summary() == {
        "dataset": {"added": 1, "removed": 1, "changed": 1},
        "column": {"added": 1, "removed": 1, "changed": 1},
    }


def test_identical_states_have_no_changes():
    assert diff_states(sample_state(2024), sample_state(2025)).changes == []


def test_whitespace_only_edits_are_not_changes():
    old = sample_state(2024)
    new = copy.deepcopy(old)
    parking = _ds(new, PARKING)
    parking.fields["title"] = "  서울특별시   종로구_주차장 현황 "
    parking.fields["description"] = parking.fields["description"].replace(" ", "\n  ") + "\t"
    parking.fields["holding_basis"] = "   "  # blank is the same as missing
    parking.fields.pop("list_type")
    parking.fields["list_type"] = "FILE "
    _col(new, PARKING, "주소").term_name = " 소재지도로명주소"
    _col(new, WELFARE, "성명").fields["reason"] = "9-6 "
    assert diff_states(old, new).changes == []


def test_other_compared_fields_and_labels():
    old = sample_state(2024)
    new = copy.deepcopy(old)
    w = _ds(new, WELFARE)
    w.department, w.status, w.rate = "복지행정과", "error", None
    w.tables[1].name = "통계표"
    c = _col(new, WELFARE, "지원금액")
    c.domain, c.data_type, c.length, c.compliant = "금액N20", "DECIMAL", "20", False
    c.fields.update(openness="비공개", reason="9-7", pii="N")
    got = {
        (x.level, x.column, x.field, x.field_label, x.old, x.new)
        for x in diff_states(old, new).changes
    }
    assert got == {
        ("dataset", "", "record_department", "부서", "복지정책과", "복지행정과"),
        ("dataset", "", "status", "상태", "ok", "error"),
        ("dataset", "", "rate", "표준 준수율(%)", "33.3", ""),
        ("dataset", "", "tables", "테이블", "수급자, 통계", "수급자, 통계표"),
        ("column", "지원금액", "domain", "도메인", "금액N15", "금액N20"),
        ("column", "지원금액", "data_type", "자료타입", "NUMERIC", "DECIMAL"),
        ("column", "지원금액", "length", "자료길이", "15", "20"),
        ("column", "지원금액", "openness", "공개/비공개여부", "", "비공개"),
        ("column", "지원금액", "reason", "비공개사유", "", "9-7"),
        ("column", "지원금액", "pii", "개인정보여부", "", "N"),
        ("column", "지원금액", "compliant", "표준준수여부", "Y", "N"),
    }


def test_dataset_taken_off_the_list_is_removed_without_its_columns():
    old = sample_state(2024)
    new = copy.deepcopy(old)
    _ds(new, WELFARE).fields["include"] = "N"
    result = diff_states(old, new)
    assert _rows(result) == [("dataset", "removed", WELFARE_TITLE, "", "", "", "", "")]
    assert diff_states(new, old).summary()["dataset"] == {"added": 1, "removed": 0, "changed": 0}


def test_rate_is_compared_with_one_decimal():
    old = sample_state(2024)
    new = copy.deepcopy(old)
    _ds(new, WELFARE).rate = 33.333
    assert diff_states(old, new).changes == []


def test_duplicate_headers_are_matched_in_order():
    old = sample_state(2024)
    old.columns.append(ColumnRecord(PARKING, "csv", "주차장 현황", 4, "주소", "지번주소"))
    new = copy.deepcopy(old)
    new.columns[-1].term_name = "소재지지번주소"
    rows = _rows(diff_states(old, new))
    assert rows == [
        (
            "column", "changed", PARKING_TITLE, "주차장 현황", "주소",
            "term_name", "지번주소", "소재지지번주소",
        )
    ]  # fmt: skip


def test_diff_json():
    old = sample_state(2024)
    data = diff_json(diff_states(old, _next_year(old)))
    assert {k: data[k] for k in ("from", "to", "from_source", "to_source")} == {
        "from": 2024,
        "to": 2025,
        "from_source": "live",
        "to_source": "live",
    }
    assert data["summary"]["column"] == {"added": 1, "removed": 1, "changed": 1}
    assert len(data["changes"]) == 8
    assert data["changes"][2] == {
        "level": "dataset",
        "action": "changed",
        "dataset": PARKING_TITLE,
        "path": PARKING,
        "table": "",
        "column": "",
        "field": "update_cycle",
        "field_label": "업데이트 주기",
        "old": "연간",
        "new": "월간",
    }
