"""The plain data of a diagnosis: what to check (plans) and what was found (outcomes).

Plans cross into the reader process that reads workbooks, so they hold only strings, numbers,
lists and dicts. Outcomes hold counts and masked samples, never the values themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# code -> (Korean name, what counts as an error). Codes are a contract (``quality show --json``
# ``rule``): only ever added. Business rules are ``rule:<id>`` with the name a person gave them.
RULES: dict[str, tuple[str, str]] = {
    "date_valid": ("날짜 유효성", "날짜로 읽을 수 없거나 달력에 없는 날짜인 값"),
    "date_two_digit_year": ("연도 2자리", "연도를 두 자리로 쓴 날짜 (예: 21-03-10)"),
    "date_format": ("날짜 형식", "정해진 형식({formats})과 다르게 쓴 날짜"),
    "date_range": ("날짜 범위", "{low} ~ {high} 밖의 날짜"),
    "date_outlier": ("동떨어진 날짜", "다른 값들과 {gap}년 넘게 떨어진 연도의 날짜"),
    "time_valid": ("시각 형식", "시각({formats}, 00:00~24:00)으로 읽을 수 없는 값"),
    "year_valid": ("연도", "4자리 연도({low}~{high})가 아닌 값"),
    "month_valid": ("연월", "연월({formats})로 읽을 수 없는 값"),
    "number_valid": ("숫자 형식", "숫자로 읽을 수 없는 값"),
    "number_digits": (
        "숫자 자릿수",
        "도메인 {domain}의 정수부 {whole}자리·소수부 {scale}자리를 넘는 값",
    ),
    "number_nonnegative": ("음수", "0보다 작은 값 (수·금액·면적은 음수일 수 없음)"),
    "number_percent": ("비율 범위", "0~100 밖의 비율"),
    "latitude": ("위도 범위", "대한민국 위도({low}~{high}) 밖의 값"),
    "longitude": ("경도 범위", "대한민국 경도({low}~{high}) 밖의 값"),
    "flag_yn": ("Y/N 여부", "Y 또는 N이 아닌 값"),
    "allowed": ("허용값", "허용값({values}) 밖의 값"),
    "phone": ("전화번호 형식", "지역번호를 포함한 전화번호(예: 02-123-4567)가 아닌 값"),
    "zip": ("우편번호 형식", "5자리 우편번호가 아닌 값"),
    "legal_dong_code": ("법정동코드", "법정동코드 목록에 없는 10자리 코드이거나 10자리가 아닌 값"),
    "sgg_code": ("시군구코드", "시군구코드(법정동코드 앞 5자리) 목록에 없거나 5자리가 아닌 값"),
    "org_code_format": ("기관코드 형식", "7자리 행정표준 기관코드 형식이 아닌 값"),
    "org_code": ("기관코드 목록", "기관코드 목록에 없는 값"),
    "code_length": ("코드 자릿수", "이 컬럼의 주된 자릿수({length}자리)와 다른 코드"),
    "length": ("길이", "도메인 {domain}의 길이({length}바이트, 한글 2바이트)를 넘는 값"),
    "length_fixed": ("고정 길이", "도메인 {domain}의 고정 길이({length}바이트)와 다른 값"),
    "key_unique": ("중복 키", "앞에서 이미 나온 값 (키는 행마다 달라야 함)"),
    "std_required": ("필수 항목 빈 값", "제공표준 필수 항목인데 비어 있는 행"),
    "std_allowed": ("제공표준 허용값", "제공표준 허용값({values}) 밖의 값"),
    "std_regex": ("제공표준 정규식", "제공표준 정규식 {pattern}에 맞지 않는 값"),
    "std_format": ("제공표준 표현형식", "제공표준 표현형식 {format}에 맞지 않는 값"),
}

BUSINESS_PREFIX = "rule:"


def rule_name(code: str, params: dict | None = None) -> str:
    if code in RULES:
        return RULES[code][0]
    return (params or {}).get("name") or code


def rule_detail(code: str, params: dict | None = None) -> str:
    """What counts as an error under this rule, in Korean, with its parameters filled in."""
    params = params or {}
    if code not in RULES:
        return params.get("detail", "")
    template = RULES[code][1]
    values = {k: _shown(v) for k, v in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def _shown(value) -> str:
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
        text = ", ".join(items[:8])
        return text + (f" 외 {len(items) - 8}개" if len(items) > 8 else "")
    return str(value)


@dataclass
class RuleSpec:
    """One rule on one column (or on a row, for business rules over two columns)."""

    code: str  # a key of RULES, or 'rule:<id>'
    params: dict = field(default_factory=dict)
    severity: str = "error"  # error: counted in the rates; warning: shown only
    source: str = ""  # domain, profile, name, values, provision, business
    # Business rules over two columns: positions in the table of the other columns they read.
    columns: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        return rule_name(self.code, self.params)

    @property
    def detail(self) -> str:
        return rule_detail(self.code, self.params)


@dataclass
class ColumnPlan:
    column_id: int  # column_keys.id
    position: int  # col_index in the table
    label: str
    pii_kind: str | None = None
    kind: str = "text"  # what the values are: date, time, number, flag, code, text, ...
    basis: str = ""  # why (Korean): '도메인 연월일C8', '프로파일: 날짜', '이름: …여부'
    rules: list[RuleSpec] = field(default_factory=list)


@dataclass
class Unrunnable:
    """A rule that cannot run here, and why (Korean)."""

    code: str
    name: str
    message: str
    table_key: str = ""
    label: str = ""
    column_id: int = 0
    source: str = "business"


@dataclass
class TablePlan:
    table_key: str
    sheet_name: str | None
    index: int
    header_row: int | None
    header_rows: int
    data_row: int
    first_col: int  # absolute, as stored by the scan
    row_count: int
    labels: list[str]
    columns: list[ColumnPlan] = field(default_factory=list)
    provision: dict | None = None  # the recognised 제공표준 (provision.match_table) or None


@dataclass
class DatasetPlan:
    dataset_id: int
    path: str
    name: str
    real_format: str
    encoding: str | None
    encoding_method: str | None
    size: int | None
    mtime_ns: int | None
    read_run: int | None
    overrides: dict = field(default_factory=dict)  # table key -> (header_row, header_rows)
    tables: list[TablePlan] = field(default_factory=list)
    unrunnable: list[Unrunnable] = field(default_factory=list)


@dataclass
class RuleOutcome:
    spec: RuleSpec
    column_id: int
    table_key: str
    label: str
    checked: int = 0
    errors: int = 0
    samples: list[str] = field(default_factory=list)


@dataclass
class ColumnOutcome:
    column_id: int
    table_key: str
    label: str
    rows: int = 0
    blank: int = 0
    checked: int = 0  # values checked by at least one rule
    errors: int = 0  # values failing at least one counted (error-severity) rule


@dataclass
class TableOutcome:
    table_key: str
    rows: int = 0
    rules: list[RuleOutcome] = field(default_factory=list)
    columns: list[ColumnOutcome] = field(default_factory=list)
    unrunnable: list[Unrunnable] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class DatasetOutcome:
    dataset_id: int
    status: str = "ok"  # ok, failed
    message: str = ""
    tables: list[TableOutcome] = field(default_factory=list)
