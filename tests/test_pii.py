"""Tests for catalog_app.scan.pii: what is flagged as 개인정보, what is not, and how it is masked.

All numbers are synthetic; check digits are computed here by independent helpers so the tests
do not trust the module's own checksum code.
"""

from __future__ import annotations

import random
import re
from dataclasses import FrozenInstanceError

import pytest

from catalog_app.scan.pii import PII_KINDS, PiiFinding, detect_pii, mask_value

# --- independent checksum helpers --------------------------------------------------------------


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


RRN_W = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def rrn(birth: str, gender: str, serial: str = "12345", *, valid: bool = True, sep="-") -> str:
    """주민등록번호 with the pre-2020 check digit (or a wrong one when valid=False)."""
    body = birth + gender + serial
    check = (11 - _weighted(body, RRN_W) % 11) % 10
    if not valid:
        check = (check + 1) % 10
    return f"{body[:6]}{sep}{body[6:]}{check}"


def foreigner(birth: str, gender: str, serial: str = "12345", sep="-") -> str:
    body = birth + gender + serial
    check = (13 - _weighted(body, RRN_W) % 11) % 10
    return f"{body[:6]}{sep}{body[6:]}{check}"


def corp_check(body12: str) -> int:
    return (10 - _weighted(body12, (1, 2) * 6) % 10) % 10


def rrn_check_ok(digits13: str) -> bool:
    return (11 - _weighted(digits13[:12], RRN_W) % 11) % 10 == int(digits13[12])


def corporate(body12: str) -> str:
    return f"{body12[:6]}-{body12[6:]}{corp_check(body12)}"


def business(body9: str) -> str:
    total = _weighted(body9, (1, 3, 7, 1, 3, 7, 1, 3, 5)) + int(body9[8]) * 5 // 10
    s = body9 + str((10 - total % 10) % 10)
    return f"{s[:3]}-{s[3:5]}-{s[5:]}"


def luhn_complete(body: str) -> str:
    """Append the Luhn check digit."""
    for d in "0123456789":
        total = 0
        for i, c in enumerate(reversed(body + d)):
            n = int(c) * (2 if i % 2 else 1)
            total += n - 9 if n > 9 else n
        if total % 10 == 0:
            return body + d
    raise AssertionError("unreachable")


def card(body15: str, sep: str = "-") -> str:
    s = luhn_complete(body15)
    return sep.join(s[i : i + 4] for i in range(0, 16, 4))


def ean13(body12: str) -> str:
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def births(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        out.append(f"{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}")
    return out


# --- API shape ---------------------------------------------------------------------------------


def test_kinds_and_finding_shape():
    assert set(PII_KINDS) == {
        "rrn",
        "foreigner_rrn",
        "mobile",
        "phone",
        "email",
        "passport",
        "driver_license",
        "business_no",
        "corporate_no",
        "card",
        "account",
        "address_detail",
        "person_name",
        # issue 14
        "birth_date",
        "rrn_partial",
        "vehicle_no",
        "address",
        "gender",
        "age",
        "sex_age",
        "region",
        "event_date",
        "attribute",
        "health",
        "disability",
        "medical_history",
        "criminal",
        "religion",
        "political",
        "other",
    }
    f = detect_pii("휴대전화", ["010-1234-5678"])
    assert isinstance(f, PiiFinding)
    with pytest.raises(FrozenInstanceError):
        f.kind = "phone"  # type: ignore[misc]


def test_nothing_for_empty_column_without_cue():
    assert detect_pii("비고", []) is None
    assert detect_pii("", ["-", "없음"]) is None


# --- 주민등록번호 / 외국인등록번호 / 법인등록번호 -----------------------------------------------------


def test_rrn_column_with_check_digits():
    rng = random.Random(1)
    values = [rrn(b, rng.choice("12"), digits(rng, 5)) for b in births(rng, 40)]
    values += [v.replace("-", "") for v in values[:10]]
    f = detect_pii("구분", values)
    assert f is not None and f.kind == "rrn"
    assert f.share == 1.0 and f.source == "values"
    assert "주민등록번호" in f.reason and "검증번호" in f.reason


def test_rrn_post_2020_numbers_without_check_digit():
    rng = random.Random(2)
    values = [rrn(b, "3", digits(rng, 5), valid=False) for b in ("201105", "210312", "220701")]
    values += [rrn(b, "4", digits(rng, 5), valid=False) for b in ("201231", "230115")]
    f = detect_pii("col", values)
    assert f is not None and f.kind == "rrn"
    assert "2020" in f.reason  # the reason says why a failing check digit is still a match


def test_single_valid_rrn_in_a_column_is_a_leak():
    values = [str(n) for n in range(1, 200)] + [rrn("850315", "2", "48213")]
    f = detect_pii("수량", values)
    assert f is not None and f.kind == "rrn"
    assert 0 < f.share < 0.01
    plain = [str(n) for n in range(1, 200)] + [rrn("850315", "2", "48213", sep="")]
    assert detect_pii("수량", plain).kind == "rrn"


def test_rrn_needs_a_real_birth_date():
    bad = [
        rrn("901301", "1"),  # month 13
        rrn("900230", "2"),  # 30 February
        rrn("991231", "3"),  # born 2099: in the future
        rrn("000000", "1"),
    ]
    assert detect_pii("col", bad) is None


def test_rrn_header_matches_source():
    f = detect_pii("주민 등록\n번호", [rrn("750101", "1"), rrn("800505", "2")])
    assert f is not None and f.kind == "rrn" and f.source == "values+header"


def test_foreigner_registration_numbers():
    rng = random.Random(3)
    values = [foreigner(b, rng.choice("56"), digits(rng, 5)) for b in births(rng, 20)]
    f = detect_pii("등록번호", values)
    assert f is not None and f.kind == "foreigner_rrn" and f.share == 1.0


def test_corporate_numbers_are_not_rrn_even_with_date_like_prefix():
    rng = random.Random(4)
    values = [corporate("110111" + digits(rng, 6)) for _ in range(40)]
    # Real 법인등록번호 start with a registry office code that often reads as a birth date.
    f = detect_pii("번호", values)
    assert f is not None and f.kind == "corporate_no"
    f = detect_pii("법인등록번호", values)
    assert f is not None and f.kind == "corporate_no" and f.source == "values+header"


def test_value_passing_rrn_and_corporate_check_is_rrn():
    rng = random.Random(5)
    both = only_corp = None
    while both is None or only_corp is None:
        body = "8505152" + digits(rng, 5)
        value = corporate(body)
        if rrn_check_ok(value.replace("-", "")):
            both = both or value
        else:
            only_corp = only_corp or value
    assert detect_pii("col", [both]).kind == "rrn"
    assert detect_pii("col", [only_corp]).kind == "corporate_no"


def test_thirteen_digits_passing_no_check_but_valid_date_is_rrn():
    rng = random.Random(6)
    while True:
        value = rrn("870707", "1", digits(rng, 5), valid=False)
        if corp_check(value.replace("-", "")[:12]) != int(value[-1]):
            break
    f = detect_pii("col", [value])
    assert f is not None and f.kind == "rrn"


def test_barcodes_are_not_rrn():
    rng = random.Random(7)
    values = [ean13("880" + digits(rng, 9)) for _ in range(50)]
    assert detect_pii("표준코드", values) is None


# --- phones ------------------------------------------------------------------------------------


def test_mobile_numbers_in_any_format():
    values = [
        "010-1234-5678",
        "01098765432",
        "010 2345 6789",
        "010.3456.7890",
        "+82-10-4567-8901",
        "011-234-5678",
    ]
    f = detect_pii("연락처", values)
    assert f is not None and f.kind == "mobile" and f.share == 1.0
    assert f.source == "values+header"


def test_institution_phone_list_is_phone_not_a_strong_kind():
    values = [
        "02-2100-1234",
        "031-8015-8200",
        "064-710-2345",
        "070-4567-8901",
        "1588-1234",
        "1644-5678",
        "0505-123-4567",
        "(02)734-5678",
        "051-888-1234 (내선 123)",
    ]
    f = detect_pii("관리기관전화번호", values)
    assert f is not None and f.kind == "phone"
    assert "기관 대표번호" in f.reason


def test_mixed_contact_column_reports_the_larger_phone_kind():
    values = [f"010-{1000 + i}-{2000 + i}" for i in range(30)]
    values += [f"02-{300 + i}-{4000 + i}" for i in range(10)]
    f = detect_pii("연락처", values)
    assert f is not None and f.kind == "mobile" and f.share == 0.75


def test_mobile_without_leading_zero_only_under_a_phone_header():
    values = ["1012345678", "1098765432", "1055556666"]
    f = detect_pii("휴대폰번호", values)
    assert f is not None and f.kind == "mobile"
    assert detect_pii("코드", values) is None


# --- e-mail, passport, driver licence ----------------------------------------------------------


def test_email():
    values = ["hong.gildong@example.com", "kim_cs@korea.kr", "lee+x@mail.go.kr", "-"]
    f = detect_pii("작성자 메일", values)
    assert f is not None and f.kind == "email" and f.share == 1.0


def test_passport_old_and_new_formats():
    values = ["M12345678", "S87654321", "M123A4567", "R001B2345", "D99887766"]
    f = detect_pii("col", values)
    assert f is not None and f.kind == "passport"
    assert detect_pii("기관코드", ["B553077", "B551182", "A123456", "B490007"]) is None


def test_driver_license_numbers():
    values = ["11-12-123456-12", "28-99-654321-00", "서울 12-123456-12", "경기남부 15-234567-89"]
    f = detect_pii("col", values)
    assert f is not None and f.kind == "driver_license"
    # Region 29+ does not exist (the groups may still read as an account number).
    f = detect_pii("col", ["31-12-123456-12", "45-99-654321-00"])
    assert f is None or f.kind != "driver_license"


# --- business, card, account -------------------------------------------------------------------


def test_business_registration_numbers():
    rng = random.Random(8)
    values = [business(rng.choice("123456789") + digits(rng, 8)) for _ in range(30)]
    f = detect_pii("거래처", values)
    assert f is not None and f.kind == "business_no"
    assert "검증번호" in f.reason


def test_card_numbers_with_luhn():
    rng = random.Random(9)
    values = [card(rng.choice("459") + digits(rng, 14)) for _ in range(20)]
    f = detect_pii("결제수단", values)
    assert f is not None and f.kind == "card" and f.share == 1.0
    assert "Luhn" in f.reason


def test_single_card_number_in_free_column_is_a_leak():
    rng = random.Random(10)
    values = [f"메모 {i}" for i in range(100)] + [card("4" + digits(rng, 14))]
    f = detect_pii("비고", values)
    assert f is not None and f.kind == "card"


def test_parcel_numbers_are_not_cards():
    rng = random.Random(11)
    pnu = [
        f"11{rng.randint(110, 740)}{rng.randint(10100, 10999)}1{digits(rng, 8)}" for _ in range(50)
    ]
    assert all(len(p) == 19 for p in pnu)
    assert detect_pii("PNU", pnu) is None


def test_account_numbers_need_header_or_high_share():
    values = ["110-123-456789", "1002-123-456789", "123456-78-901234", "3333-01-1234567"]
    f = detect_pii("입금계좌", values)
    assert f is not None and f.kind == "account" and f.source == "values+header"
    f = detect_pii("col", values)
    assert f is not None and f.kind == "account" and f.source == "values"
    mixed = values[:2] + [f"메모{i}" for i in range(8)]
    assert detect_pii("col", mixed) is None


def test_receipt_numbers_with_year_prefix_are_not_accounts():
    values = [f"2024-{i:07d}" for i in range(1, 60)]
    assert detect_pii("접수번호", values) is None


# --- address, person name ----------------------------------------------------------------------


def test_address_with_unit_numbers():
    values = [
        "서울특별시 강남구 테헤란로 123, 101동 1001호",
        "경기도 성남시 분당구 정자동 123-4 201호",
        "부산광역시 해운대구 센텀중앙로 79, 302동 1502호 (우동)",
    ]
    f = detect_pii("주소", values)
    assert f is not None and f.kind == "address_detail" and f.share == 1.0


def test_facility_addresses_are_not_detailed_addresses():
    values = [
        "서울특별시 중구 세종대로 110",
        "부산광역시 해운대구 센텀중앙로 79",
        "서울특별시 종로구 수표로 133 (낙원동,지하 1층)",
        "서울특별시 중구 충무로3가 59-11 2층",
        "대전광역시 대덕구 대전로1033번길 20",
    ]
    assert detect_pii("소재지도로명주소", values) is None
    assert detect_pii("도로명주소", values) is None


def test_unit_only_values_under_detail_address_header():
    f = detect_pii("상세 주소", ["101동 1001호", "5층 502호", "B1층", "203호"])
    assert f is not None and f.kind == "address_detail" and f.source == "values+header"


def test_person_names_need_header_and_share():
    names = ["홍길동", "김철수", "이영희", "박*수", "남궁민수", "최○○", "정민 외 2명"]
    f = detect_pii("대표자명", names)
    assert f is not None and f.kind == "person_name" and f.source == "values+header"
    assert detect_pii("col", names) is None  # no header cue
    assert detect_pii("시설이름", names) is None  # a thing's name, not a person's
    half = names[:3] + ["서울특별시청", "해당기관 담당", "㈜한국상사", "민원실 안내"]
    assert detect_pii("신청인", half) is None  # below 70%


# --- header-only -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("전화번호", "phone"),
        ("연락처\u00a0(휴대폰)", "mobile"),
        ("보호자|휴대\n전화", "mobile"),
        ("주민번호", "rrn"),
        ("외국인등록번호", "foreigner_rrn"),
        ("E-mail", "email"),
        ("전자우편", "email"),
        ("여권번호", "passport"),
        ("운전면허번호", "driver_license"),
        ("사업자 등록번호", "business_no"),
        ("법인등록번호", "corporate_no"),
        ("카드번호", "card"),
        ("계좌번호", "account"),
        ("자택주소", "address_detail"),
        ("성명", "person_name"),
    ],
)
def test_header_alone_is_enough(header, kind):
    f = detect_pii(header, [])
    assert f is not None and f.kind == kind
    assert f.share == 0.0 and f.source == "header"
    assert "머리글" in f.reason


def test_header_alone_with_masked_or_empty_values():
    f = detect_pii("주민등록번호", ["******-*******", "-", "****"])
    assert f is not None and f.kind == "rrn" and f.source == "header"
    # Masked down to the front half and the gender digit: what is left is a partial number
    # (issue 14), still personal data, found in the values.
    f = detect_pii("주민등록번호", ["900101-1******", "-", "850505-2******"])
    assert f is not None and f.kind == "rrn_partial" and f.personal
    f = detect_pii("전화번호(대표)", ["-", "없음"])
    assert f is not None and f.kind == "phone" and f.source == "header"


def test_header_contradicted_by_values():
    assert detect_pii("이메일수신동의여부", ["Y", "N"]) is None
    assert detect_pii("휴대폰 보유 여부", ["예", "아니오"]) is None
    assert detect_pii("계좌수 (개)", ["1", "3", "12"]) is None


def test_bracketed_unit_does_not_create_a_cue():
    assert detect_pii("이용자수(명)", ["12", "1,234", "87"]) is None


# --- embedded in free text ---------------------------------------------------------------------


def test_mobile_embedded_in_remarks():
    values = [f"민원 접수 {i}건 처리" for i in range(18)] + [
        "담당 010-1234-5678",
        "문의: 홍길동(010.9876.5432)",
    ]
    f = detect_pii("비고", values)
    assert f is not None and f.kind == "mobile" and f.share == 0.1
    assert "글 속" in f.reason


def test_rrn_embedded_in_remarks():
    values = [f"처리 완료 {i}" for i in range(15)] + [f"신청인 {rrn('900101', '1')} 본인 확인"]
    f = detect_pii("비고", values)
    assert f is not None and f.kind == "rrn"


def test_rare_embedded_mobile_below_five_percent_is_ignored():
    values = [f"메모 {i}" for i in range(99)] + ["담당 010-1234-5678"]
    assert detect_pii("비고", values) is None


# --- public-data negatives ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("행정구역코드", ["1100000000", "1111000000", "2600000000", "4113500000", "5011000000"]),
        ("법정동코드", ["1111010100", "1111010200", "1111010300", "1168010100"]),
        ("기준일자", ["20240105", "20231231", "20220101", "19991231"]),
        ("데이터기준일자", ["2024-01-05", "2023-12-31", "2021-03-10"]),
        ("기관코드", ["B553077", "B551182", "B552584"]),
        ("위도", ["37.5665", "35.1796", "33.4996", "37.566535"]),
        ("경도", ["126.9780", "129.0756", "126.531188"]),
        ("좌표정보(X)", ["198765.123456", "201234.567891"]),
        ("인구수", ["9411", "12345678", "15000000", "160000000000"]),
        ("금액(원)", ["1,234,567", "15,880,000", "3000000000000000"]),
        ("우편번호", ["06236", "04524", "48058"]),
        ("시대", ["1592-1598", "1800-1850", "1876-1910"]),
        ("관리번호", ["3010000-102-1999-12187", "3010000-102-2000-13204"]),
    ],
)
def test_public_data_columns_are_not_pii(header, values):
    assert detect_pii(header, values) is None


def test_institution_phones_are_never_strong_kinds():
    values = ["02-2100-1234", "031-123-4567", "1588-1234", "061-350-1234"]
    f = detect_pii("연락처", values)
    assert f is not None and f.kind == "phone"


# --- masking -----------------------------------------------------------------------------------

MASK_CASES = [
    # (kind, value, identifying part that must not survive)
    ("rrn", rrn("900101", "1", "23456"), None),
    ("rrn", rrn("900101", "1", "23456", sep=""), None),
    ("foreigner_rrn", foreigner("880808", "5", "65432"), None),
    ("mobile", "010-1234-5678", "1234"),
    ("mobile", "01012345678", "1234"),
    ("mobile", "+82-10-2345-6789", "2345"),
    ("phone", "02-734-5678", "734"),
    ("phone", "031-8015-8200", "8015"),
    ("phone", "1588-1234", "1234"),
    ("email", "gildong.hong@example.go.kr", "ldong.hong"),
    ("card", card("453212345678901"), None),
    ("account", "110-123-456789", "456789"),
    ("passport", "M12345678", "345678"),
    ("driver_license", "11-12-123456-12", "123456"),
    ("driver_license", "서울 12-123456-12", "123456"),
    ("business_no", business("123456789"), "456"),
    ("corporate_no", corporate("110111012345"), "012345"),
    ("address_detail", "서울특별시 강남구 테헤란로 123, 101동 1001호", "1001"),
    ("person_name", "홍길동", "길"),
]


@pytest.mark.parametrize(("kind", "value", "secret"), MASK_CASES)
def test_mask_hides_the_identifying_part(kind, value, secret):
    masked = mask_value(value, kind)
    assert masked != value
    assert len(masked) == len(value)
    assert masked == mask_value(value, kind)  # deterministic
    if secret is None:  # rrn-like: the serial after the gender digit
        serial = re.sub(r"\D", "", value)[7:]
        secret = serial
    assert secret not in masked
    # Separators stay where they were (an e-mail's local part is masked whole).
    assert [i for i, ch in enumerate(value) if ch in "-@"] == [
        i for i, ch in enumerate(masked) if ch in "-@"
    ]


def test_mask_shapes():
    assert mask_value("900101-1234567", "rrn") == "900101-1******"
    assert mask_value("9001011234567", "rrn") == "9001011******"
    assert mask_value("010-1234-5678", "mobile") == "010-****-5678"
    assert mask_value("02-123-4567", "phone") == "02-***-4567"
    assert mask_value("abcdef@example.go.kr", "email") == "ab****@example.go.kr"
    assert mask_value("1234-5678-9012-3456", "card") == "1234-****-****-3456"
    assert mask_value("110-123-456789", "account") == "110-***-******"
    assert mask_value("M12345678", "passport") == "M1*******"
    assert mask_value("123-45-67890", "business_no") == "123-**-*****"
    assert mask_value("홍길동", "person_name") == "홍*동"
    assert mask_value("김철", "person_name") == "김*"
    assert mask_value("남궁민수", "person_name") == "남**수"
    assert mask_value("서울특별시 강남구 테헤란로 123, 101동 1001호", "address_detail") == (
        "서울특별시 강남구 테헤란로 ***, ***동 ****호"
    )
    assert mask_value("101동 1001호", "address_detail") == "***동 ****호"


def test_mask_embedded_and_odd_values_keep_only_first_character():
    masked = mask_value("담당 010-1234-5678", "mobile")
    assert masked.startswith("담") and "1234" not in masked and "5678" not in masked
    masked = mask_value("신청인 900101-1234567 확인", "rrn")
    assert not re.search(r"\d", masked)
    assert mask_value("해당 없음", "card") == "해* **"
    assert mask_value("secret", "unknown_kind") == "s*****"
    assert mask_value("a@b.kr", "email") == "*@b.kr"
    assert mask_value("", "rrn") == ""


def test_mask_second_number_in_phone_value():
    masked = mask_value("02-123-4567, 02-765-4321", "phone")
    assert "765" not in masked and "4321" not in masked
