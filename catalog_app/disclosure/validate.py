"""Checks a disclosure state before it is exported (the portal's required fields
and vocabularies, the 비공개 사유 codes).

The lists go to the portal and onto the body's homepage, so anything the portal would refuse or
the law forbids (a missing required field, a value outside a code list, personal data left open)
is an *error* that blocks the export; things a clerk may have good reasons for (an overdue date,
an odd phone number, a reason on an open dataset) only *warn*. Each problem names the dataset and
the field in Korean so the clerk can go straight to it.

Rules (code, severity):

* V01 error   기관명 / 기관코드 missing (institution level)
* V02 error   기관코드 is not exactly 7 digits
* V10 error   a required dataset field is empty (a 비공개 dataset is not published, so the
              portal-only fields in ``PORTAL_ONLY`` are not required for it)
* V11 error   a value outside its vocabulary (dataset fields and column openness/reason/pii)
* V12 error   차기 등록 예정일 is not a YYYY-MM-DD date
* V13 warning 차기 등록 예정일 has passed (시행령 제15조: register a change within 10 days)
* V14 warning the phone number does not look Korean
* V20 error   dataset 비공개/부분공개 without a reason code
* V21 error   column 비공개/부분공개 without a reason code
* V22 warning a reason code on a dataset or column that is (effectively) 공개
* V23 warning a 공개 dataset with a withheld column (that is 부분공개)
* V15 error   the same 목록키 on two datasets (the portal ID names one list entry)
* V16 warning the same 목록명 on two datasets (e.g. one table saved as .csv and .xls)
* V30 error   a 공개 dataset holds personal data that no column accounts for (so no column can be
              closed for it: the whole dataset is the problem)
* V31 error   a personal-data column whose effective openness is open (one per column; this is
              how a 공개 dataset with identified personal-data columns is reported, so V30 and V31
              never point at the same columns)
* V32 warning pii entered as N while the scan found personal data
* V40 warning the file could not be read, so its columns are missing
* V41 error   columns without a current standard-term suggestion: 표준 준수율 and the 정의서
              would be computed from a stale mapping (run ``map``)
* V42 warning the dataset is left out of 표준 준수율 (its text was garbled when read)
* P01 warning a list of people (rows are people) is 공개/부분공개: the export runs the
              re-identification check (``privacy.gate``: P02 k < 5, P03 cannot be checked)

Rules of the lists as they are handed in (``validate_lists``):

* V17 warning a 분류체계 whose 중분류 is not among the known pairs (the table is a sample)
* V18 warning a 분류체계 in the older label style: the lists carry today's label for it
* V19 warning a 매체유형 / 제공형태 outside its (partly known) vocabulary
* V24 warning the 시간범위 left dates out as implausible, or its chosen column cannot be used
* V26 warning the dataset names a 정보시스템 that is not registered
* V50 warning a registration deadline (신규 15일, 변경 10일, 차기 등록 예정일 14일 이내)

A 수시 업데이트 주기 needs no 차기 등록 예정일 (V10 is not raised for it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from catalog_app.disclosure.model import (
    SCAN,
    ColumnRecord,
    DatasetRecord,
    DisclosureState,
    Problem,
)
from catalog_app.disclosure.records import dataset_name, effective_openness
from catalog_app.disclosure.validate_lists import due_by_dataset, list_rules
from catalog_app.disclosure.vocab import (
    CLOSED,
    COLUMN_FIELDS,
    DATASET_FIELDS,
    INSTITUTION_FIELDS,
    OPEN,
    PARTIAL,
    PERSONAL_DATA_REASON,
    Field,
    field,
    in_vocab,
    is_irregular,
)
from catalog_app.messages import Text, known, register, template
from catalog_app.scan.pii import PII_KINDS

ERROR, WARNING = "error", "warning"

# Fields only the portal registration needs; a 비공개 dataset is listed but not published.
PORTAL_ONLY = frozenset(
    {"category", "update_cycle", "next_update", "keywords", "licence", "cost", "formats", "phone"}
)

# re.ASCII: \d would otherwise accept full-width and other Unicode digits.
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DIGITS_RE = re.compile(r"\d+(?:-\d+)*", re.ASCII)  # digit groups joined by single hyphens
_HOTLINE_RE = re.compile(r"1[568]\d{2}-?\d{4}", re.ASCII)  # 대표번호: 1588-1234, 1600-…, 1899-…
_CODE_RE = re.compile(r"\d{7}", re.ASCII)

_SEVERITY_RANK = {ERROR: 0, WARNING: 1}
UNSUGGESTED = "unmapped"  # ColumnRecord.kind of a column that has no current suggestion
_STATUS_LABEL = "상태"
register([_STATUS_LABEL])

# Where a problem is (the window translates these through catalog_app.messages).
_AT_INSTITUTION = template("[기관 설정] {label}: {text}")
_AT_DATASET = template("[{dataset}] {label}: {text}")
_AT_COLUMN = template("[{dataset}] 컬럼 '{column}' {label}: {text}")
_AT_TABLE_COLUMN = template("[{dataset}] 컬럼 '{column}' ({table}) {label}: {text}")
# What it is. The institution settings live on the 공개목록 page (not 설정): the text says so.
V01_EMPTY = template(
    "값이 비어 있습니다. 공개목록 › 기관 설정에서 입력하세요 (명령줄: catalog-app institution set)."
)
V02_CODE = template("'{code}'은(는) 7자리 숫자가 아닙니다 (행정표준기관코드 7자리).")
V10_EMPTY = template("필수 항목이 비어 있습니다.")
V11_VOCAB = template("'{value}'은(는) 허용된 값이 아닙니다. 가능한 값: {allowed}")
V11_CATEGORY = template(
    "'{value}'은(는) 허용된 값이 아닙니다 ('대분류' 또는 '대분류 - 중분류'). 가능한 값: {allowed}"
)
V12_DATE = template("'{value}'은(는) 올바른 날짜(YYYY-MM-DD)가 아닙니다.")
V13_PASSED = template("{value} — 예정일이 지났습니다 — 시행령 제15조: 변경은 10일 이내 등록")
V14_PHONE = template(
    "'{value}'은(는) 전화번호 형식이 아닌 것 같습니다 (예: 02-2148-1234, 1588-1234)."
)
V15_LIST_KEY = template("목록키 {list_key}가 다른 데이터셋({others})과 같습니다.")
V16_TITLE = template(
    "목록명 '{title}'이(가) 다른 파일({others})과 같습니다. 같은 데이터면 한 파일만 목록에 "
    "넣고(목록포함여부 N), 다르면 목록명을 구분하세요."
)
V20_NO_REASON = template(
    "{openness}인데 비공개사유가 없습니다. 정보공개법 제9조① 사유 코드(9-1~9-8) 또는 "
    "3P(제3자 권리)를 고르세요."
)
V22_REASON_ON_OPEN = template(
    "사유가 있지만 공개로 되어 있습니다. 공개여부나 비공개사유를 확인하세요."
)
V23_WITHHELD = template("비공개 컬럼({names})이 있으므로 부분공개가 맞습니다.")
V30_OPEN_PII = template(
    "개인정보{kinds}가 있는데 공개로 되어 있습니다. 부분공개로 바꾸고 개인정보 컬럼을 "
    "비공개(제9조①6)로 하거나, 데이터 전체를 비공개로 하세요."
)
V31_OPEN_COLUMN = template(
    "개인정보{kinds}가 담긴 컬럼이 공개됩니다{inherited}. 이 컬럼을 비공개(사유 {reason}, "
    "제9조①6)로 하세요."
)
V31_INHERITED = template(" (컬럼 공개여부가 비어 있어 공개로 봅니다)")
V32_DENIED = template(
    "개인정보여부를 N으로 입력했지만 스캔에서 개인정보({kinds})가 발견되었습니다; "
    "공무원 성명 등 예외(제9조①6 라목)인지 확인하세요."
)
V40_UNREADABLE = template("파일을 읽지 못해 컬럼 정보가 없습니다. 파일을 확인하고 다시 스캔하세요.")
V41_UNSUGGESTED = template(
    "표준용어 제안이 없는 컬럼이 {n}개 있어 준수율과 정의서를 믿을 수 없습니다. 매핑 제안을 "
    "다시 만드세요 (catalog-app map, [매핑 검토] › 제안 만들기)."
)


def validate(state: DisclosureState, today: dt.date | None = None) -> list[Problem]:
    """Every problem of the institution and the included datasets, errors first (see module doc)."""
    today = today or dt.date.today()
    found: list[tuple[tuple, Problem]] = list(_institution(state.institution))
    by_key: dict[str, list[DatasetRecord]] = {}
    by_title: dict[str, list[DatasetRecord]] = {}
    due = due_by_dataset(state, today)
    for d in state.included_datasets():
        check = _DatasetCheck(d, state.columns_of(d.key), today, state)
        found.extend(check.run())
        check.found = []
        check.list_rules(due.get(d.dataset_id, []))
        found.extend(check.found)
        if d.get("list_key").strip():
            by_key.setdefault(d.get("list_key").strip(), []).append(d)
        if d.get("title").strip():
            by_title.setdefault(" ".join(d.get("title").split()), []).append(d)
    for title, same in by_title.items():
        for d in same[1:] if len(same) > 1 else []:
            check = _DatasetCheck(d, [], today)
            others = ", ".join(o.rel_path for o in same if o is not d)
            check.add(WARNING, "V16", "title", V16_TITLE(title=title, others=others))
            found.extend(check.found)
    for list_key, same in by_key.items():
        for d in same[1:] if len(same) > 1 else []:
            check = _DatasetCheck(d, [], today)
            others = ", ".join(dataset_name(o) for o in same if o is not d)
            check.add(ERROR, "V15", "list_key", V15_LIST_KEY(list_key=list_key, others=others))
            found.extend(check.found)
    found.sort(key=lambda item: item[0])
    return [p for _, p in found]


def blocking(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop an export unless it is forced."""
    return [p for p in problems if p.severity == ERROR]


def counts(problems: Iterable[Problem]) -> dict[str, int]:
    result = {ERROR: 0, WARNING: 0}
    for p in problems:
        result[p.severity] = result.get(p.severity, 0) + 1
    return result


class ExportBlocked(Exception):
    """Raised by the export dispatcher so the CLI and the GUI can show the problems that stopped it."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        self.blocking = blocking(self.problems)
        super().__init__(
            f"차단 문제 {len(self.blocking)}건 때문에 내보내지 않았습니다. "
            "문제를 고치거나 --force로 강제하세요."
        )


def problem_json(p: Problem) -> dict:
    """One problem for the CLI's --json output (stable keys, 'path' is the dataset key)."""
    return {
        "severity": p.severity,
        "code": p.code,
        "message": p.message,
        "dataset": p.dataset_name,
        "dataset_id": p.dataset_id,
        "path": p.dataset_key,
        "level": p.level,
        "field": p.field,
        "field_label": p.field_label,
        "table": p.table_key,
        "column": p.column,
    }


def has_personal_data(record: DatasetRecord | ColumnRecord) -> bool:
    """Entered Y, or found by the scan and not overruled with N."""
    pii = record.get("pii").strip()
    found = record.pii_kinds if isinstance(record, DatasetRecord) else record.pii_kind
    return pii == "Y" or (bool(found) and pii != "N")


def _kinds(kinds: Iterable[str]) -> str:
    return ", ".join(PII_KINDS.get(k, k) for k in kinds if k)


def _rank(fields: tuple[Field, ...], key: str) -> int:
    keys = [f.key for f in fields]
    return keys.index(key) if key in keys else len(keys)


# --- institution -------------------------------------------------------------------------------


def _institution(inst: dict[str, str]) -> Iterable[tuple[tuple, Problem]]:
    for key, code, text in _institution_findings(inst):
        f = field("institution", key)
        problem = Problem(
            ERROR,
            code,
            _AT_INSTITUTION(label=known(f.label), text=text),
            level="institution",
            field=key,
            field_label=known(f.label),
        )
        yield (
            (_SEVERITY_RANK[ERROR], 0, "", "", 0, 0, 0, _rank(INSTITUTION_FIELDS, key), code),
            problem,
        )


def _institution_findings(inst: dict[str, str]) -> Iterable[tuple[str, str, Text]]:
    for key in ("name", "code"):
        if not (inst.get(key) or "").strip():
            yield key, "V01", V01_EMPTY()
    code = (inst.get("code") or "").strip()
    if code and not _CODE_RE.fullmatch(code):
        yield "code", "V02", V02_CODE(code=code)


# --- datasets ----------------------------------------------------------------------------------


class _DatasetCheck:
    """All rules for one included dataset and its columns; collects (sort key, problem) pairs."""

    def __init__(
        self,
        d: DatasetRecord,
        columns: list[ColumnRecord],
        today: dt.date,
        state: DisclosureState | None = None,
    ):
        self.state = state
        self.d = d
        self.columns = columns
        self.today = today
        self.name = dataset_name(d)
        self.openness = d.get("openness").strip()
        self.table_order = {t.table_key: i for i, t in enumerate(d.tables)}
        self.found: list[tuple[tuple, Problem]] = []

    def run(self) -> list[tuple[tuple, Problem]]:
        self._fields()
        self._next_update()
        self._phone()
        self._reason()
        self._personal_data()
        self._list_of_people()
        if self.d.status == "error":
            self.add(WARNING, "V40", "status", V40_UNREADABLE())
        unsuggested = sum(1 for c in self.columns if c.kind == UNSUGGESTED)
        if unsuggested:
            self.add(ERROR, "V41", "status", V41_UNSUGGESTED(n=unsuggested))
        if self.d.rate_excluded:
            self.add(WARNING, "V42", "status", self.d.rate_excluded)
        for c in self.columns:
            self._column(c)
        return self.found

    # -- recording --

    def add(
        self, severity: str, code: str, key: str, text: str, column: ColumnRecord | None = None
    ) -> None:
        if column is None:
            label = known(field("dataset", key).label if key != "status" else _STATUS_LABEL)
            message = _AT_DATASET(dataset=self.name, label=label, text=text)
            rank = (0, 0, 0, _rank(DATASET_FIELDS, key))
        else:
            label = known(field("column", key).label)
            if len(self.d.tables) > 1:
                message = _AT_TABLE_COLUMN(
                    dataset=self.name,
                    column=column.label,
                    table=column.table_name,
                    label=label,
                    text=text,
                )
            else:
                message = _AT_COLUMN(dataset=self.name, column=column.label, label=label, text=text)
            table_rank = self.table_order.get(column.table_key, len(self.table_order))
            rank = (1, table_rank, column.col_index, _rank(COLUMN_FIELDS, key))
        problem = Problem(
            severity,
            code,
            message,
            dataset_key=self.d.key,
            dataset_name=self.name,
            dataset_id=self.d.dataset_id,
            level="dataset" if column is None else "column",
            field=key,
            field_label=label,
            table_key=column.table_key if column else "",
            column=column.label if column else "",
        )
        sort_key = (_SEVERITY_RANK[severity], 1, self.name, self.d.key, *rank, code)
        self.found.append((sort_key, problem))

    def list_rules(self, due: list) -> None:
        """V17–V19, V24, V26, V50 (``validate_lists``)."""
        list_rules(self, due)

    # -- dataset rules --

    def _fields(self) -> None:
        """V10 required fields, V11 vocabularies (분류체계 and the open vocabularies: see
        ``validate_lists``)."""
        published = self.openness != CLOSED
        irregular = is_irregular(self.d.get("update_cycle"))
        for f in DATASET_FIELDS:
            value = self.d.get(f.key).strip()
            if not value:
                if f.key == "next_update" and irregular:
                    continue  # 수시: no next date
                if f.required and (published or f.key not in PORTAL_ONLY):
                    self.add(ERROR, "V10", f.key, V10_EMPTY())
            elif f.kind == "category" or f.open_vocab:
                continue
            elif not in_vocab(f, value):
                self.add(ERROR, "V11", f.key, _not_in_vocab(f, value))

    def _next_update(self) -> None:
        """V12 a real YYYY-MM-DD date, V13 not already past."""
        value = self.d.get("next_update").strip()
        if not value:
            return
        try:
            if not _DATE_RE.fullmatch(value):
                raise ValueError(value)
            when = dt.date.fromisoformat(value)
        except ValueError:
            self.add(ERROR, "V12", "next_update", V12_DATE(value=value))
            return
        if when < self.today:
            self.add(WARNING, "V13", "next_update", V13_PASSED(value=value))

    def _phone(self) -> None:
        """V14: digits with optional hyphens, 9–11 digits from 0, or a 4-digit 대표번호."""
        value = self.d.get("phone").strip()
        if value and not looks_like_phone(value):
            self.add(WARNING, "V14", "phone", V14_PHONE(value=value))

    def _reason(self) -> None:
        """V20 a closed dataset needs a reason, V22 an open one should not carry one."""
        reason = self.d.get("reason").strip()
        if self.openness in (CLOSED, PARTIAL) and not reason:
            self.add(ERROR, "V20", "reason", V20_NO_REASON(openness=self.openness))
        elif self.openness == OPEN and reason:
            self.add(WARNING, "V22", "reason", V22_REASON_ON_OPEN())

    def _personal_data(self) -> None:
        """V30 (open dataset, personal data no column accounts for) and V32 (N against the scan)."""
        pii_columns = [c for c in self.columns if has_personal_data(c)]
        if self.openness == OPEN and has_personal_data(self.d) and not pii_columns:
            kinds = _kinds(self.d.pii_kinds)
            text = V30_OPEN_PII(kinds=f"({kinds})" if kinds else "")
            self.add(ERROR, "V30", "openness", text)
        if _denied_against_scan(self.d, self.d.pii_kinds):
            self.add(WARNING, "V32", "pii", _denied_text(self.d.pii_kinds))
        withheld = [c.label for c in self.columns if c.get("openness").strip() == CLOSED]
        if self.openness == OPEN and withheld:
            names = ", ".join(withheld[:5]) + (" 외" if len(withheld) > 5 else "")
            self.add(WARNING, "V23", "openness", V23_WITHHELD(names=names))

    def _list_of_people(self) -> None:
        """P01: a list of people opened — the re-identification check decides (issue 14)."""
        if self.d.person_level and self.openness in (OPEN, PARTIAL):
            self.add(
                WARNING,
                "P01",
                "openness",
                f"개인 단위 목록({self.d.person_level})을 {self.openness}(으)로 했습니다. 공개하는 "
                "컬럼의 조합으로 사람을 알아볼 수 없어야(k ≥ 5) 내보낼 수 있습니다: 재식별 점검 "
                "(catalog-app privacy check, [공개목록] › 재식별 점검).",
            )

    # -- column rules --

    def _column(self, c: ColumnRecord) -> None:
        """V11, V21, V22, V31, V32 for one column."""
        for f in COLUMN_FIELDS:
            value = c.get(f.key).strip()
            if value and not in_vocab(f, value):
                self.add(ERROR, "V11", f.key, _not_in_vocab(f, value), c)
        own = c.get("openness").strip()
        reason = c.get("reason").strip()
        effective = effective_openness(c, self.openness)
        if own in (CLOSED, PARTIAL) and not reason:
            self.add(ERROR, "V21", "reason", V20_NO_REASON(openness=own), c)
        elif reason and effective == OPEN:
            self.add(WARNING, "V22", "reason", V22_REASON_ON_OPEN(), c)
        if self.openness != CLOSED and has_personal_data(c) and effective not in (CLOSED, PARTIAL):
            self.add(ERROR, "V31", "openness", _open_pii_text(c, own), c)
        if _denied_against_scan(c, [c.pii_kind]):
            self.add(WARNING, "V32", "pii", _denied_text([c.pii_kind]), c)


def looks_like_phone(value: str) -> bool:
    """A Korean phone number: 9–11 digits from 0 with optional hyphens, or 1588-1234 style."""
    if _HOTLINE_RE.fullmatch(value):
        return True
    digits = value.replace("-", "")
    return bool(_DIGITS_RE.fullmatch(value)) and digits.startswith("0") and 9 <= len(digits) <= 11


def _not_in_vocab(f: Field, value: str) -> Text:
    allowed = ", ".join(f.vocab or ())
    shaped = V11_CATEGORY if f.kind == "category" else V11_VOCAB
    return shaped(value=value, allowed=allowed)


def _open_pii_text(c: ColumnRecord, own: str) -> Text:
    kinds = _kinds([c.pii_kind])
    inherited = "" if own else V31_INHERITED()
    return V31_OPEN_COLUMN(
        kinds=f"({kinds})" if kinds else "", inherited=inherited, reason=PERSONAL_DATA_REASON
    )


def _denied_against_scan(record: DatasetRecord | ColumnRecord, kinds: list[str]) -> bool:
    """pii set to N by a person or a setting (not by the scan) while the scan found something."""
    return record.get("pii").strip() == "N" and record.sources.get("pii") != SCAN and any(kinds)


def _denied_text(kinds: list[str]) -> Text:
    return V32_DENIED(kinds=_kinds(kinds))
