"""Re-identification check before a 공개/부분공개 export: k-anonymity over the columns left open.

For every table of a 공개 or 부분공개 dataset whose rows are people (``tables.person_level``), the
columns the coordinator leaves open (effective 공개여부 ≠ 비공개) that are quasi-identifiers or
personal data are the combination an outsider could link; rows sharing one combination of their
values form a group, and **k** is the size of the smallest group (k-익명성, as the 2016 「개인정보
비식별 조치 가이드라인」 uses it: k ≥ 5 is its usual floor). Below k = 5 the check warns with the
rows' count per group — never a value — and suggests a technique per column (가명처리, 범주화,
삭제 …), with the k the table would have without that column, so the coordinator sees which
column to treat first. The whole result can be written as a worksheet (``worksheet``).

Group sizes come from reading the file again (``regroup``): the catalog holds masked samples
only and keeps no rows. The file must be the one scanned (same content hash), else the table is
``unreadable`` until it is scanned again. Tables whose rows are not people (statistics, lists of
facilities) are ``not_applicable``: their rows identify no one.

``privacy check --json`` is a contract (keys only ever added): see :func:`TableCheck.as_json`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.model import DisclosureState
from catalog_app.disclosure.vocab import CLOSED, OPEN, PARTIAL
from catalog_app.privacy.effective import apply_override
from catalog_app.privacy.verdicts import detected_verdict, overrides_of
from catalog_app.progress import Cancelled, CancelToken
from catalog_app.scan.pii import PII_KINDS

__all__ = [
    "K_THRESHOLD",
    "CHECK_KEYS",
    "TableCheck",
    "check_state",
    "check_year",
    "technique",
]

K_THRESHOLD = 5
OK, BELOW_K, ALLOWED, NOT_APPLICABLE, UNREADABLE = (
    "ok",
    "below_k",
    "allowed",
    "not_applicable",
    "unreadable",
)
STATUS_NAMES = {
    OK: "충족",
    BELOW_K: "재식별 위험",
    ALLOWED: "예외 승인",
    NOT_APPLICABLE: "해당 없음",
    UNREADABLE: "점검 불가",
}
# privacy check --json: one object per table of a 공개/부분공개 dataset (see the README).
CHECK_KEYS = ("dataset_id", "table", "open_columns", "quasi_identifiers", "k", "status")

# kind → (technique, how) after the 2016 가이드라인's families: 가명처리, 총계처리, 데이터 삭제,
# 데이터 범주화, 데이터 마스킹.
_TECHNIQUES: dict[str, tuple[str, str]] = {
    "birth_date": ("범주화", "출생연도나 5세 단위 연령대로 바꿉니다 (범위 방법)."),
    "rrn_partial": ("삭제", "주민등록번호는 앞자리만이라도 공개하지 않습니다 (식별자 삭제)."),
    "age": ("범주화", "10세 단위 연령대로 묶고 90세 이상은 한 구간으로 합니다 (범위 방법)."),
    "sex_age": ("범주화", "나이를 10세 단위 연령대로 묶습니다."),
    "gender": (
        "범주화",
        "성별만으로는 드러나지 않습니다: 함께 공개하는 다른 컬럼을 먼저 범주화합니다.",
    ),
    "address": (
        "범주화",
        "시군구(필요하면 읍면동)까지만 남기고 도로명·건물번호는 지웁니다 (부분삭제).",
    ),
    "address_detail": (
        "범주화",
        "시군구(필요하면 읍면동)까지만 남기고 도로명·건물번호·동호수는 지웁니다 (부분삭제).",
    ),
    "region": ("범주화", "읍면동을 시군구 단위로 묶습니다."),
    "event_date": ("범주화", "일자를 지우고 연·월(또는 분기) 단위로 공개합니다."),
    "attribute": ("범주화", "상위 분류(대분류)로 묶거나 드문 값을 '기타'로 합칩니다."),
    "person_name": ("가명처리", "성명을 지우거나 뜻 없는 일련번호로 바꿉니다 (휴리스틱 가명화)."),
    "vehicle_no": ("가명처리", "차량번호를 지우거나 일련번호로 바꿉니다 (암호화·가명)."),
    "other": ("삭제", "공개 대상에서 뺍니다."),
}
_SENSITIVE_TECHNIQUE = (
    "총계처리",
    "민감정보는 개인 단위로 공개하지 않습니다: 비공개로 하거나 집계표로만 공개합니다 (제23조).",
)
_IDENTIFIER_TECHNIQUE = ("삭제", "식별자이므로 공개 대상에서 뺍니다 (식별자 삭제).")


def technique(kind: str, sensitive: bool = False) -> tuple[str, str]:
    """(기법, 방법) suggested for an open column of ``kind``."""
    if sensitive:
        return _SENSITIVE_TECHNIQUE
    return _TECHNIQUES.get(kind, _IDENTIFIER_TECHNIQUE)


@dataclass
class Suggestion:
    column: str
    column_id: int | None
    kind: str
    kind_name: str
    personal: bool
    sensitive: bool
    technique: str
    detail: str
    k_without: int | None  # k of the table with this column left out (or generalised away)
    k_alone: int | None = None  # k over this column on its own: how fine it is by itself


@dataclass
class TableCheck:
    dataset_id: int | None
    dataset: str  # 목록명 or file name
    path: str
    table: str  # table key ('#0' for CSV, else the sheet name)
    sheet: str
    openness: str
    person_level: str  # why the rows are people ('' when they are not)
    rows: int | None = None
    open_columns: list[str] = field(default_factory=list)
    quasi_identifiers: list[str] = field(default_factory=list)
    k: int | None = None
    status: str = NOT_APPLICABLE
    message: str = ""
    small_groups: list[dict] = field(default_factory=list)  # [{"rows": size, "groups": n}]
    suggestions: list[Suggestion] = field(default_factory=list)
    signature: str = ""  # the open quasi-identifier columns an exception is given for
    allowance: dict | None = None  # the recorded exception in force, if any

    @property
    def blocking(self) -> bool:
        """Stops a 공개/부분공개 export unless an exception is recorded."""
        return self.status in (BELOW_K, UNREADABLE)

    def group_sizes(self) -> list[int]:
        """The row count of every group below k = 5, smallest first (no values)."""
        return [g["rows"] for g in self.small_groups for _ in range(g["groups"])]

    def as_json(self) -> dict:
        data = {
            "dataset_id": self.dataset_id,
            "table": self.table,
            "open_columns": self.open_columns,
            "quasi_identifiers": self.quasi_identifiers,
            "k": self.k,
            "status": self.status,
        }
        data.update(
            {
                "dataset": self.dataset,
                "path": self.path,
                "sheet": self.sheet,
                "openness": self.openness,
                "person_level": self.person_level or None,
                "rows": self.rows,
                "message": self.message,
                "small_groups": self.small_groups,
                "suggestions": [asdict(s) for s in self.suggestions],
                "allowance": self.allowance,
            }
        )
        return data


_COLUMNS = """SELECT c.*, t.table_key, t.table_index, t.sheet_name, t.person_level,
                     t.row_count AS table_rows
              FROM columns c JOIN tables t ON t.id = c.table_id
              WHERE c.dataset_id = ? ORDER BY t.table_index, c.col_index"""


def _is_open(fields: dict, dataset_openness: str) -> bool:
    own = (fields.get("openness") or "").strip()
    if own:
        return own != CLOSED
    return dataset_openness in (OPEN, PARTIAL)


def check_year(
    catalog: Catalog,
    year: int,
    *,
    cancel: CancelToken | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[TableCheck]:
    """The check over the year's state (its snapshot when there is one)."""
    from catalog_app.disclosure.state_cache import state_for_year

    return check_state(catalog, state_for_year(catalog, year), cancel=cancel, progress=progress)


def check_state(
    catalog: Catalog,
    state: DisclosureState,
    *,
    dataset_ids: set[int] | None = None,
    cancel: CancelToken | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[TableCheck]:
    """One :class:`TableCheck` per table of every included 공개/부분공개 dataset."""
    from catalog_app.disclosure.records import dataset_name

    datasets = [
        d
        for d in state.included_datasets()
        if d.get("openness").strip() in (OPEN, PARTIAL)
        and d.status == "ok"
        and d.dataset_id is not None
        and (dataset_ids is None or d.dataset_id in dataset_ids)
    ]
    out: list[TableCheck] = []
    for done, d in enumerate(datasets, start=1):
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        out.extend(_check_dataset(catalog, state, d, dataset_name(d), cancel))
        if progress is not None:
            progress(done, len(datasets))
    return out


def _check_dataset(catalog, state, d, name, cancel) -> list[TableCheck]:
    conn = catalog.conn
    row = conn.execute("SELECT * FROM datasets WHERE id = ?", (d.dataset_id,)).fetchone()
    if row is None:
        return []
    overrides = overrides_of(conn, d.dataset_id)
    live: dict[str, list] = {}
    for c in conn.execute(_COLUMNS, (d.dataset_id,)):
        live.setdefault(c["table_key"], []).append(c)
    records = state.columns_of(d.key)
    openness = d.get("openness").strip()
    out = []
    for table_key, columns in live.items():
        first = columns[0]
        check = TableCheck(
            d.dataset_id,
            name,
            row["path"],
            table_key,
            first["sheet_name"] or table_key,
            openness,
            first["person_level"] or "",
            rows=first["table_rows"],
        )
        by_id = {r.column_id: r for r in records if r.table_key == table_key and r.column_id}
        by_label = {(r.label, r.col_index): r for r in records if r.table_key == table_key}
        quasi = []
        for c in columns:
            record = by_id.get(c["id"]) or by_label.get((c["label"], c["col_index"]))
            fields = record.fields if record is not None else {}
            if not _is_open(fields, openness):
                continue
            check.open_columns.append(c["label"])
            verdict = apply_override(detected_verdict(c), overrides.get(c["id"]))
            if verdict is not None and (verdict.quasi_identifier or verdict.personal):
                quasi.append((c, verdict))
        check.quasi_identifiers = [c["label"] for c, _ in quasi]
        check.signature = json.dumps(sorted(c["id"] for c, _ in quasi))
        if not check.person_level:
            check.message = "행이 사람이 아닌 표라 재식별 점검 대상이 아닙니다."
        elif not check.rows:
            check.message = "데이터 행이 없습니다."
        else:
            _measure(catalog, row, check, quasi, cancel)
        out.append(check)
    return out


def _measure(catalog, dataset, check: TableCheck, quasi, cancel) -> None:
    """Read the table again, count groups, set k, status, groups and suggestions."""
    from catalog_app.privacy.desk import PrivacyDesk
    from catalog_app.privacy.regroup import group_sizes
    from catalog_app.scan.discover import fingerprint_hash
    from catalog_app.scan.errors import ScanFailure
    from catalog_app.scan.pii.label import safe_label

    path = dataset["path"]
    try:
        if not os.path.isfile(path):
            raise ScanFailure("not_found", path)
        if dataset["content_hash"] and fingerprint_hash(path) != dataset["content_hash"]:
            check.status = UNREADABLE
            check.message = "파일이 스캔 뒤에 바뀌었습니다. 다시 스캔한 뒤 점검하세요."
            return
        counts = group_sizes(
            path,
            dataset["real_format"],
            catalog.header_overrides(dataset["id"]),
            quasi[0][0]["table_index"] if quasi else _table_index(catalog, dataset, check),
            [c["col_index"] for c, _ in quasi],
            cancel,
        )
    except Cancelled:
        raise
    except (ScanFailure, OSError) as exc:
        check.status = UNREADABLE
        check.message = f"파일을 다시 읽지 못해 점검할 수 없습니다: {getattr(exc, 'message', exc)}"
        return
    if [safe_label(label) for label in counts.labels] != check.quasi_identifiers:
        check.status = UNREADABLE
        check.message = "머리글이 스캔 때와 다릅니다. 다시 스캔한 뒤 점검하세요."
        return
    check.rows = counts.rows
    check.k = min(counts.full) if counts.full else None
    check.small_groups = [
        {"rows": size, "groups": n} for size, n in sorted(counts.full.items()) if size < K_THRESHOLD
    ]
    for (c, verdict), without, alone in zip(quasi, counts.without, counts.alone, strict=True):
        name, how = technique(verdict.kind, verdict.sensitive)
        suggestion = _suggestion(c, verdict, name, how, min(without) if without else counts.rows)
        suggestion.k_alone = min(alone) if alone else None
        check.suggestions.append(suggestion)
    # the finest columns first: the ones to generalise before any other
    check.suggestions.sort(key=lambda s: (s.k_alone or 0, -(s.k_without or 0)))
    if check.k is None or check.k >= K_THRESHOLD:
        check.status = OK
        check.message = (
            f"k = {check.k}: 공개 컬럼의 준식별자 조합마다 {check.k}행 이상입니다 "
            f"(기준 k ≥ {K_THRESHOLD} 충족)."
        )
        return
    groups = sum(g["groups"] for g in check.small_groups)
    rows = sum(g["rows"] * g["groups"] for g in check.small_groups)
    qis = ", ".join(check.quasi_identifiers) or "(없음)"
    check.message = (
        f"k = {check.k}: 공개 컬럼({qis})의 값 조합이 {K_THRESHOLD}행 미만인 그룹이 {groups}개"
        f"({rows}행) 있어 특정 개인을 알아볼 수 있습니다. 컬럼별 권장 조치를 적용하거나 "
        "그 컬럼을 비공개로 하세요."
    )
    allowance = next(
        (
            a
            for a in PrivacyDesk(catalog).allowances(check.dataset_id)
            if a["table_key"] == check.table and a["signature"] == check.signature
        ),
        None,
    )
    if allowance is not None:
        check.status = ALLOWED
        check.allowance = {
            "by": allowance["allowed_by"],
            "at": allowance["allowed_at"],
            "reason": allowance["reason"],
            "k": allowance["k"],
        }
        check.message += (
            f" 예외 승인: {allowance['allowed_by']}, {allowance['allowed_at'][:10]} — "
            f"{allowance['reason']}"
        )
    else:
        check.status = BELOW_K


def _table_index(catalog, dataset, check: TableCheck) -> int:
    row = catalog.conn.execute(
        "SELECT table_index FROM tables WHERE dataset_id = ? AND table_key = ?",
        (dataset["id"], check.table),
    ).fetchone()
    return row[0] if row else 0


def _suggestion(c, verdict, name: str, how: str, k_without: int | None) -> Suggestion:
    return Suggestion(
        c["label"],
        c["id"],
        verdict.kind,
        PII_KINDS.get(verdict.kind, verdict.kind),
        verdict.personal,
        verdict.sensitive,
        name,
        how,
        k_without,
    )
