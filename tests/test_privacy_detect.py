"""Issue 14: personal-data verdicts in their table's context, the new kinds and their masks.

Tables are made here as small CSVs and scanned through the real pipeline (``scan_file``: header
detection, streamed profiles, the column-level detector, then the table-level judgement), so a
verdict is tested where it is made. All values are synthetic.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from catalog_app.scan.file_scan import scan_file
from catalog_app.scan.pii import detect_pii, inspect_column, mask_value

RNG_SEED = 14


def _table(tmp_path: Path, name: str, header: list[str], rows: list[list[object]]):
    path = tmp_path / name
    lines = [",".join(header)] + [",".join(str(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (table,) = scan_file(str(path)).tables
    return table, {c.label: c for c in table.columns}


def _names(rng: random.Random, n: int) -> list[str]:
    first, given = "김이박최정강조윤장임한오서신권", "민서지현준우예은도윤하진수영재"
    return [rng.choice(first) + rng.choice(given) + rng.choice(given) for _ in range(n)]


def _landline(rng: random.Random) -> str:
    return (
        f"0{rng.choice(['2', '31', '51', '64'])}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}"
    )


def _mobile(rng: random.Random) -> str:
    return f"010-{rng.randint(2000, 9999)}-{rng.randint(1000, 9999)}"


# ------------------------------------------------------------------- phones in their table
def test_landlines_of_a_business_list_are_not_personal_but_stay_masked(tmp_path):
    rng = random.Random(RNG_SEED)
    rows = [[f"가게{i}식당", "일반음식점", _landline(rng)] for i in range(40)]
    table, cols = _table(tmp_path, "업소.csv", ["업소명", "업태", "전화번호"], rows)
    phone = cols["전화번호"]
    assert phone.privacy.kind == "phone" and phone.privacy.personal is False
    assert "'업소명' 컬럼" in phone.privacy.reason and "개인정보 아님" in phone.privacy.reason
    assert phone.pii is None
    assert phone.masked and all("*" in s for s in phone.samples)  # masked on the safe side
    assert not table.person_level


def test_an_institutional_header_alone_makes_a_landline_column_not_personal(tmp_path):
    rng = random.Random(RNG_SEED)
    rows = [[i, _landline(rng)] for i in range(20)]
    _, cols = _table(tmp_path, "연락처.csv", ["순번", "관리기관전화번호"], rows)
    verdict = cols["관리기관전화번호"].privacy
    assert verdict.personal is False and "기관·업소 전화" in verdict.reason


def test_numbers_repeating_across_rows_are_an_organisations_number(tmp_path):
    rng = random.Random(RNG_SEED)
    offices = {f"{n}사무소": _landline(rng) for n in ("동부", "서부", "남부")}
    rows = []
    for i in range(30):
        office = list(offices)[i % 3]
        rows.append([f"시설{i}", office, offices[office]])
    _, cols = _table(tmp_path, "시설.csv", ["구분", "담당", "연락처"], rows)
    verdict = cols["연락처"].privacy
    assert verdict.personal is False and "되풀이" in verdict.reason


def test_mobile_numbers_in_a_business_list_stay_personal(tmp_path):
    rng = random.Random(RNG_SEED)
    rows = [[f"가게{i}분식", _mobile(rng) if i % 3 == 0 else _landline(rng)] for i in range(30)]
    _, cols = _table(tmp_path, "업소.csv", ["상호", "전화번호"], rows)
    verdict = cols["전화번호"].privacy
    assert verdict.personal is True and "휴대전화" in verdict.reason
    assert cols["전화번호"].pii is not None


def test_landlines_in_a_list_of_people_are_personal(tmp_path):
    rng = random.Random(RNG_SEED)
    names = _names(rng, 30)
    rows = [[n, f"19{rng.randint(40, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
             _landline(rng)] for n in names]  # fmt: skip
    table, cols = _table(tmp_path, "명단.csv", ["성명", "생년월일", "자택전화"], rows)
    assert table.person_level and "'생년월일'" in table.person_level
    phone = cols["자택전화"]
    assert phone.privacy.personal is True and phone.pii is not None
    assert "사람 목록" in phone.privacy.reason


def test_a_phone_column_nothing_explains_stays_personal(tmp_path):
    rng = random.Random(RNG_SEED)
    rows = [[i, _landline(rng)] for i in range(20)]
    _, cols = _table(tmp_path, "번호.csv", ["번호", "연락처"], rows)
    assert cols["연락처"].privacy.personal is True


# ----------------------------------------------------------------------- lists of people
def test_names_without_a_label_cue_are_found_only_in_a_list_of_people(tmp_path):
    rng = random.Random(RNG_SEED)
    names = _names(rng, 30)
    rows = [[n, f"{rng.randint(40, 99)}0{rng.randint(1, 9)}1{rng.randint(0, 9)}-1******"]
            for n in names]  # fmt: skip
    table, cols = _table(tmp_path, "명단.csv", ["구분", "주민번호"], rows)
    assert table.person_level
    found = cols["구분"].privacy
    assert found.kind == "person_name" and found.personal and found.source == "table"
    assert cols["구분"].masked and not any(n in cols["구분"].samples for n in names)
    # The same names in a list that is not one of people: no verdict.
    _, cols = _table(tmp_path, "선수.csv", ["구분", "점수"], [[n, 10] for n in names])
    assert cols["구분"].privacy is None


def test_an_address_with_a_building_number_is_personal_in_a_list_of_people(tmp_path):
    rng = random.Random(RNG_SEED)
    rows = [[n, f"서울특별시 종로구 삼청로 {rng.randint(1, 300)}", f"49010{i % 9 + 1}-2******"]
            for i, n in enumerate(_names(rng, 20))]  # fmt: skip
    _, cols = _table(tmp_path, "명단.csv", ["성명", "주소", "주민등록번호"], rows)
    found = cols["주소"].privacy
    assert found.kind == "address" and found.personal and found.quasi_identifier
    assert cols["주소"].masked and all("삼청로 *" in s for s in cols["주소"].samples)


def test_sex_and_age_columns_are_quasi_identifiers_only_in_a_list_of_people(tmp_path):
    rng = random.Random(RNG_SEED)
    rows = [[n, rng.choice("남여"), rng.randint(20, 90), rng.choice(["지체장애", "시각장애"])]
            for n in _names(rng, 30)]  # fmt: skip
    table, cols = _table(tmp_path, "대상자.csv", ["대상자명", "성별", "나이", "장애유형"], rows)
    assert table.person_level
    for label, kind in (("성별", "gender"), ("나이", "age")):
        v = cols[label].privacy
        assert (v.kind, v.personal, v.quasi_identifier) == (kind, False, True)
        assert not cols[label].masked
    disability = cols["장애유형"].privacy
    assert (disability.kind, disability.personal, disability.sensitive) == (
        "disability",
        True,
        True,
    )
    # A statistic by 성별 and 연령대 (counts): rows are groups, no verdict at all.
    stats = [[g, f"{a}대", rng.randint(100, 5000)] for g in "남여" for a in range(10, 90, 10)]
    table, cols = _table(tmp_path, "통계.csv", ["성별", "연령", "인원수"], stats)
    assert not table.person_level
    assert all(c.privacy is None for c in cols.values())


def test_counts_under_a_sensitive_label_are_a_statistic(tmp_path):
    rows = [[f"{g}구", 1234 + i, 567 + i] for i, g in enumerate("동서남북중")]
    _, cols = _table(tmp_path, "장애인현황.csv", ["시군구", "심한장애|남자", "장애인수"], rows)
    assert all(c.privacy is None for c in cols.values())


def test_facility_words_beside_disability_are_no_sensitive_data():
    assert detect_pii("장애인전용주차구역보유여부", ["Y", "N"]) is None
    assert detect_pii("장애인화장실", ["있음", "없음"]) is None


@pytest.mark.parametrize(
    ("header", "values", "kind"),
    [
        ("종교", ["불교", "기독교", "천주교", "원불교"], "religion"),
        ("비고", ["불교", "기독교", "천주교", "무교", "원불교"], "religion"),  # values alone
        ("소속정당", ["국민의힘", "더불어민주당", "정의당"], "political"),
        ("장애등급", ["심한 장애", "심하지 않은 장애"], "disability"),
        ("장애등급", ["1", "2", "3", "5"], "disability"),
        ("병명", ["고혈압", "당뇨병", "천식", "치매"], "medical_history"),
        ("범죄경력", ["벌금형", "집행유예", "기소유예"], "criminal"),
        ("혈액형", ["A형", "B형", "O형", "AB형"], "health"),
    ],
)
def test_sensitive_categories_from_labels_and_values(header, values, kind):
    found = detect_pii(header, values)
    assert found is not None and found.kind == kind and found.sensitive


def test_sensitive_labels_over_counts_or_dates_say_nothing():
    assert detect_pii("병명", ["1204", "88", "3021"], "integer") is None
    assert detect_pii("진단일자", ["2024-01-02", "2023-05-06"], "date") is None


# ------------------------------------------------------------------------------ new kinds
@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("주민번호", ["850315-1******", "920701-2******", "030911-3******"]),
        ("비고", ["850315-1******", "920701-2******", "030911-3******"]),  # shape alone
        ("주민등록번호(앞6자리)", ["850315", "920701", "030911", "780120"]),
        ("주민등록번호 뒷자리 첫 숫자", ["1", "2", "3", "4"]),
        ("주민번호", ["850315-1", "920701-2", "030911-4"]),
        ("주민등록번호", ["850315-*******", "920701-*******"]),
    ],
)
def test_partial_resident_numbers(header, values):
    found = detect_pii(header, values)
    assert found is not None and found.kind == "rrn_partial" and found.personal


def test_six_digits_are_a_resident_number_front_only_under_its_label():
    assert detect_pii("코드", ["850315", "920701", "030911"]) is None


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("생년월일", ["1985-03-15", "1992-07-01", "2003-09-11"]),
        ("생년월일", ["19850315", "19920701", "20030911"]),
        ("생년월일", ["1985.3.15", "1992.07.01."]),
        ("생년월일", ["1985년 3월 15일", "1992년 7월 1일"]),
        ("출생일", ["85.03.15", "92.07.01"]),
        ("date of birth", ["1985-03-15", "1992-07-01"]),
    ],
)
def test_birth_dates(header, values):
    found = detect_pii(header, values)
    assert found is not None and found.kind == "birth_date"
    assert found.personal and found.quasi_identifier


def test_dates_are_birth_dates_only_under_a_birth_label():
    dates = ["1985-03-15", "1992-07-01", "2003-09-11"]
    assert detect_pii("개설일", dates, "date") is None
    assert detect_pii("발생일", dates, "date") is None  # '발생일' holds '생일'
    # Dates in the future are no birth dates; the label alone still flags the column (safe side).
    future = detect_pii("생년월일", ["2090-01-01", "2095-05-05"])
    assert future is not None and future.source == "header" and future.share == 0.0


@pytest.mark.parametrize(
    "values",
    [
        ["12가 3456", "345나 6789", "78다1234", "서울12라 5678"],
        ["123허4567", "45하 1234", "67호1111"],
    ],
)
def test_vehicle_numbers_from_values_alone(values):
    found = detect_pii("비고", values)
    assert found is not None and found.kind == "vehicle_no" and found.personal


def test_birth_years_under_an_age_label_are_ages():
    found = detect_pii("출생연도", ["1985", "1992", "2003", "1951"], "integer")
    assert found is not None and found.kind == "age" and "출생연도" in found.reason
    assert detect_pii("연도", ["1985", "1992"], "integer") is None


def test_sex_and_age_in_one_cell():
    found = detect_pii("성별/연령", ["남(34세)", "여/45", "34세 남", "여 71"])
    assert found is not None and found.kind == "sex_age" and not found.personal


def test_the_type_of_a_column_skips_families_it_rules_out():
    # Amounts, coordinates, dates and flags hold no identifier: nothing is tallied for them.
    finding, evidence = inspect_column("금액", ["01012345678", "0212345678"], "decimal")
    assert finding is None and evidence.mobile == evidence.phone == 0
    # An integer column keeps its long values (phones without separators) …
    finding, _ = inspect_column("연락처", ["01012345678", "01098765432"], "integer")
    assert finding is not None and finding.kind == "mobile"
    # … and a text column is read in full.
    finding, _ = inspect_column("비고", ["담당 010-1234-5678"] * 3, "text")
    assert finding is not None and finding.kind == "mobile"


# --------------------------------------------------------------------------------- masks
@pytest.mark.parametrize(
    ("kind", "value", "secret"),
    [
        ("birth_date", "1985-03-15", "03-15"),
        ("birth_date", "19850315", "0315"),
        ("rrn_partial", "850315-1******", "0315"),
        ("rrn_partial", "850315", "0315"),
        ("rrn_partial", "2", "2"),
        ("vehicle_no", "12가 3456", "3456"),
        ("vehicle_no", "서울12라5678", "5678"),
        ("address", "서울특별시 종로구 삼청로 30", "30"),
        ("disability", "지체장애", "체장애"),
        ("religion", "원불교", "불교"),
        ("other", "아무개 상회", "무개"),
    ],
)
def test_new_kinds_are_masked(kind, value, secret):
    masked = mask_value(value, kind)
    assert masked != value and secret not in masked


# ------------------------------------------------------------ labels and free text (issue 11)
@pytest.mark.parametrize(
    ("text", "kind", "masked"),
    [
        ("850315-1******", "rrn_partial", "85****-*******"),
        ("850315-*******", "rrn_partial", "85****-*******"),
        ("12가3456", "vehicle_no", "12가****"),
    ],
)
def test_new_personal_values_never_become_labels(text, kind, masked):
    from catalog_app.scan.pii.label import label_pii_kind, safe_label

    assert label_pii_kind(text) == kind and safe_label(text) == masked


@pytest.mark.parametrize("text", ["생년월일", "2024-01-01", "2401011", "차량번호", "12가"])
def test_headers_and_dates_stay_labels(text):
    from catalog_app.scan.pii.label import label_pii_kind, safe_label

    assert label_pii_kind(text) is None and safe_label(text) == text


def test_a_partial_resident_number_in_free_text_is_masked():
    from catalog_app.scan.pii.scrub import scrub

    assert scrub("대상: 850315-1****** (확인)") == "대상: 85****-******* (확인)"
    assert scrub("문서번호 2024-1234567") == "문서번호 2024-1234567"
