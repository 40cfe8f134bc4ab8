"""The disclosure fields and their controlled vocabularies (the portal's list layout, the DB 목록 fields, the 정보공개법 제9조 사유 codes).

Every field a coordinator enters is declared once here: its key, its Korean label (the portal's
header), whether the app treats it as required, the vocabulary it must come from and its kind.
Forms, validation and exports all read this table, so a label or a list changes in one place.

Sources and caveats (see disclosure.md):
* 업데이트 주기: the values seen in the portal's list export (§1.2 #12) and "수시 (1회성 데이터)"
  as portal pages show it; a 수시 entry has no 차기 등록 예정일 (the list export shows '-').
* 매체유형 and 제공형태: the values of the portal's list export (목록개방현황 2025-11: 텍스트 and 기타;
  공공데이터포털에서 다운로드(원문파일등록) and 기관자체에서 다운로드(제공데이터URL기재)); the other
  매체유형 are recalled, not read [UNVERIFIED], so a value outside these lists only warns (V19).
* 이용허락범위: 공공누리 1–4 유형 and 제한 없음 plus the CC variants named in §1.2 #29.
* 분류체계: the 16 대분류 of the data.go.kr theme classification. A value is '대분류' or
  '대분류 - 중분류', in today's or the older label style; ``categories`` decides what it is.
* 비공개 사유: 정보공개법 제9조① 1–8 and 제3자 권리 (공공데이터법 제17조①2), codes as §3 suggests.
* Required flags: §1.2 "Treat … as required in the app" (별표1 was not readable).
"""

from __future__ import annotations

from dataclasses import dataclass

UPDATE_CYCLES = (
    "수시",
    "수시 (1회성 데이터)",
    "일간",
    "주간",
    "월간",
    "분기",
    "반기",
    "연간",
    "실시간",
)

MEDIA_TYPES = ("텍스트", "이미지", "음성", "동영상", "멀티미디어", "기타")
DEFAULT_MEDIA_TYPE = "텍스트"  # what a spreadsheet is
DELIVERY_FORMS = (
    "공공데이터포털에서 다운로드(원문파일등록)",
    "기관자체에서 다운로드(제공데이터URL기재)",
)
DEFAULT_DELIVERY = DELIVERY_FORMS[0]  # the file itself is registered on the portal


def is_irregular(cycle: str | None) -> bool:
    """수시 (and '수시 (1회성 데이터)'): updated when needed, so no 차기 등록 예정일."""
    return "".join((cycle or "").split()).startswith("수시")


LICENCES = (
    "이용허락범위 제한 없음",
    "공공저작물_출처표시",
    "공공저작물_출처표시 + 상업적 이용금지",
    "공공저작물_출처표시 + 변경금지",
    "공공저작물_출처표시 + 상업적 이용금지 + 변경금지",
    "저작자표시",
    "저작자표시-비영리",
    "저작자표시-변경금지",
    "저작자표시-동일조건변경허락",
    "저작자표시-비영리-변경금지",
    "저작자표시-비영리-동일조건변경허락",
)

# KOGL licence pages, for dct:license in the DCAT export.
LICENCE_URLS = {
    "공공저작물_출처표시": "https://www.kogl.or.kr/info/licenseType1.do",
    "공공저작물_출처표시 + 상업적 이용금지": "https://www.kogl.or.kr/info/licenseType2.do",
    "공공저작물_출처표시 + 변경금지": "https://www.kogl.or.kr/info/licenseType3.do",
    "공공저작물_출처표시 + 상업적 이용금지 + 변경금지": "https://www.kogl.or.kr/info/licenseType4.do",
    "저작자표시": "https://creativecommons.org/licenses/by/4.0/",
    "저작자표시-비영리": "https://creativecommons.org/licenses/by-nc/4.0/",
    "저작자표시-변경금지": "https://creativecommons.org/licenses/by-nd/4.0/",
    "저작자표시-동일조건변경허락": "https://creativecommons.org/licenses/by-sa/4.0/",
    "저작자표시-비영리-변경금지": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "저작자표시-비영리-동일조건변경허락": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
}

CATEGORIES = (
    "공공행정",
    "과학기술",
    "교육",
    "교통물류",
    "국토관리",
    "농축수산",
    "문화관광",
    "법률",
    "보건의료",
    "사회복지",
    "산업고용",
    "식품건강",
    "재난안전",
    "재정금융",
    "통일외교안보",
    "환경기상",
)

OPENNESS = ("공개", "부분공개", "비공개")
OPEN, PARTIAL, CLOSED = OPENNESS

REASONS = {
    "9-1": "법령상 비밀·비공개",
    "9-2": "국가안보·국방·통일·외교",
    "9-3": "국민의 생명·신체·재산 보호",
    "9-4": "재판·수사·형집행 등",
    "9-5": "감사·감독·의사결정과정 등",
    "9-6": "개인정보(사생활)",
    "9-7": "법인 등 경영·영업상 비밀",
    "9-8": "부동산투기·매점매석",
    "3P": "제3자 권리",
}
PERSONAL_DATA_REASON = "9-6"

COSTS = ("무료", "유료")
LIST_TYPES = ("FILE", "API", "LINKED")
YES_NO = ("Y", "N")

# 업데이트 주기 → ISO 8601 repeating interval for dct:accrualPeriodicity (DCAT's frequency vocabulary).
CYCLE_PERIODS = {
    "연간": "R/P1Y",
    "반기": "R/P6M",
    "분기": "R/P3M",
    "월간": "R/P1M",
    "주간": "R/P1W",
    "일간": "R/P1D",
    "실시간": "R/PT1S",
    "수시": "irregular",
    "수시 (1회성 데이터)": "irregular",
}


def reason_label(code: str | None) -> str:
    """'9-6 개인정보(사생활)' for a code, the text itself for anything else."""
    if not code:
        return ""
    return f"{code} {REASONS[code]}" if code in REASONS else code


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # the portal / 정의서 header
    required: bool = False
    vocab: tuple[str, ...] | None = None
    kind: str = "text"  # text, date, int, phone, yes_no, category, reason, long_text
    help: str = ""
    aliases: tuple[str, ...] = ()  # other names clerks use for it
    # a vocabulary only partly known: a value outside it warns (V19) instead of blocking (V11)
    open_vocab: bool = False


DATASET_FIELDS: tuple[Field, ...] = (
    Field("list_key", "목록키", help="공공데이터포털의 목록 ID (등록된 목록만)"),
    Field("list_type", "목록유형", vocab=LIST_TYPES),
    Field("title", "목록명", True, help="관례: 기관명_데이터명"),
    Field("file_data_name", "파일데이터명", help="비우면 목록명_기준일자(YYYYMMDD)"),
    Field(
        "reference_date",
        "기준일자",
        kind="date",
        help="데이터의 기준일 (YYYY-MM-DD): 파일데이터명에 붙습니다",
    ),
    Field("category", "분류체계", True, vocab=CATEGORIES, kind="category"),
    Field("department", "관리 부서명", True),
    Field("phone", "관리부서 전화번호", True, kind="phone"),
    Field("holding_basis", "보유근거"),
    Field("collection_method", "수집방법"),
    Field("update_cycle", "업데이트 주기", True, vocab=UPDATE_CYCLES),
    Field("next_update", "차기 등록 예정일", True, kind="date"),
    Field("media_type", "매체유형", vocab=MEDIA_TYPES, open_vocab=True),
    Field("row_count", "전체행", kind="int"),
    Field("formats", "확장자(데이터포맷)", True),
    Field("keywords", "키워드", True, help="쉼표로 구분"),
    Field("limitations", "데이터 한계", kind="long_text"),
    Field("delivery", "제공형태", vocab=DELIVERY_FORMS, open_vocab=True),
    Field("description", "설명", True, kind="long_text"),
    Field("notes", "기타 유의사항", kind="long_text"),
    Field("spatial", "공간범위"),
    Field("temporal", "시간범위"),
    Field(
        "temporal_column",
        "시간범위 기준 컬럼",
        help="시간범위를 계산할 날짜 컬럼 (비우면 기준일자·연월일 용어에 매핑된 컬럼)",
    ),
    Field("cost", "비용부과유무", True, vocab=COSTS),
    Field("cost_basis", "비용부과기준 및 단위"),
    Field("licence", "이용허락범위", True, vocab=LICENCES),
    Field("national_core", "국가중점여부", vocab=YES_NO, kind="yes_no"),
    Field(
        "standard_data",
        "표준데이터여부",
        vocab=YES_NO,
        kind="yes_no",
        help="자동: 표가 공공데이터 제공표준을 따르면 Y (품질진단의 제공표준 인식)",
    ),
    Field("openness", "공개여부", True, vocab=OPENNESS, aliases=("공개/비공개여부", "공개구분")),
    Field("reason", "비공개사유", vocab=tuple(REASONS), kind="reason"),
    Field("reason_detail", "상세근거"),
    Field("pii", "개인정보여부", vocab=YES_NO, kind="yes_no"),
    Field("include", "목록포함여부", vocab=YES_NO, kind="yes_no", help="N이면 공개목록에서 뺍니다"),
    Field(
        "info_system",
        "정보시스템명",
        help="이 파일을 추출한 정보시스템 (폴더별 지정은 catalog-app system link)",
    ),
    Field("db_table", "DB 테이블명", aliases=("Table명", "테이블영문명"), help="원본 DB 테이블"),
)

COLUMN_FIELDS: tuple[Field, ...] = (
    Field("openness", "공개/비공개여부", vocab=OPENNESS, aliases=("공개여부", "공개구분")),
    Field("reason", "비공개사유", vocab=tuple(REASONS), kind="reason"),
    Field("reason_detail", "상세근거"),
    Field("pii", "개인정보여부", vocab=YES_NO, kind="yes_no"),
    Field("description", "컬럼설명", kind="long_text"),
    Field("english_name", "영문명", help="비우면 매핑된 표준용어의 영문약어"),
    Field("unit", "단위", help="예: 명, 원, ㎡ (비우면 표준 도메인의 단위)"),
    Field("code", "코드", help="코드 컬럼이면 코드명 또는 코드 목록 (비우면 표준용어의 코드명)"),
)

INSTITUTION_FIELDS: tuple[Field, ...] = (
    Field("name", "기관명", True),
    Field("code", "기관코드", True, help="행정표준기관코드 7자리"),
    Field("default_phone", "대표 전화번호", kind="phone"),
    Field("default_licence", "기본 이용허락범위", vocab=LICENCES),
    Field("spatial", "기본 공간범위", help="예: 서울특별시 종로구"),
)

# The DB level of the 데이터베이스정의서 (the items of the 범정부 DB 메타데이터 and the 정의서 layouts): one 정보시스템 a file was
# extracted from, entered once and linked per folder or named per dataset.
SYSTEM_FIELDS: tuple[Field, ...] = (
    Field("code", "정보시스템코드"),
    Field("department", "부서명", help="시스템을 운영하는 부서"),
    Field("application", "적용업무"),
    Field("law", "관련법령"),
    Field("logical_db", "논리DB명"),
    Field("physical_db", "물리DB명", aliases=("DB명",)),
    Field("owner", "테이블소유자", aliases=("스키마명", "스키마"), help="DB 스키마(소유자)"),
    Field("built_on", "구축일자", kind="date"),
    Field("description", "DB설명", kind="long_text"),
    Field("dbms", "DBMS정보", help="예: Oracle 19c"),
    Field("os", "운영체제정보"),
    Field("exclusion", "수집제외사유", help="범정부 메타데이터 수집에서 빼는 사유 (패키지 SW 등)"),
)

_BY_LEVEL = {
    "dataset": DATASET_FIELDS,
    "column": COLUMN_FIELDS,
    "institution": INSTITUTION_FIELDS,
    "system": SYSTEM_FIELDS,
}


def _norm(text: str) -> str:
    return "".join(text.split()).lower()


def fields_of(level: str) -> tuple[Field, ...]:
    return _BY_LEVEL[level]


def field(level: str, name: str) -> Field:
    """A field by key or by Korean label (spaces ignored): 'update_cycle' or '업데이트주기'."""
    wanted = _norm(name)
    for f in _BY_LEVEL[level]:
        if wanted in (_norm(f.key), _norm(f.label), *map(_norm, f.aliases)):
            return f
    known = ", ".join(f.label for f in _BY_LEVEL[level])
    raise KeyError(f"알 수 없는 항목입니다: {name} (가능한 항목: {known})")


def in_vocab(f: Field, value: str) -> bool:
    """Whether a non-empty value belongs to the field's vocabulary (fields without one accept all)."""
    if f.vocab is None:
        return True
    if f.kind == "category":
        from catalog_app.disclosure.categories import shipped_table

        return shipped_table().resolve(value).ok
    return value in f.vocab


def _register_texts() -> None:
    """Field labels and help lines are shown by the window: declared as translatable texts
    (``catalog_app.messages``), so an English window shows them in English."""
    from catalog_app.messages import register

    for f in (*DATASET_FIELDS, *COLUMN_FIELDS, *INSTITUTION_FIELDS):
        register([f.label, f.help])
    register(REASONS.values())


_register_texts()
