"""Business rules a quality manager adds, per dataset or per standard term, with who and when.

Kinds (``spec`` is JSON in ``quality_rules``):

* ``compare``: ``{"left": "인허가일자", "op": "<=", "right": "폐업일자"}`` — rows where both
  values read (as dates when both columns hold dates, else as numbers, else as text) are checked;
* ``conditional``: ``{"if": {"column": "CCTV설치여부", "op": "=", "value": "N"},
  "then": {"column": "CCTV설치대수", "op": "=", "value": "0"}}`` — rows meeting the condition are
  checked; ops ``= != < <= > >=``, ``in`` (``values``), ``empty``, ``not_empty``;
* ``regex``: ``{"column", "pattern"}``; ``allowed``: ``{"column", "values": [...]}``;
  ``range``: ``{"column", "low", "high"}``; ``unique``: ``{"column"}``.

A column is named by its label or by its standard term (so a term rule finds its column in every
dataset). A rule that cannot run — a pattern no engine can read, a column the table does not
have — is reported with a Korean message and the other rules run (``plan``). Every change is
logged (``quality_rule_changes``, before/after as JSON) and the last one can be undone.

``parse_expression`` reads the one-line form the CLI takes: ``인허가일자 <= 폐업일자``,
``CCTV설치여부 = N => CCTV설치대수 = 0``, ``우편번호 ~ \\d{5}``, ``시설종류 in 초등학교,유치원``,
``정원 range 0..500``, ``관리번호 unique``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from catalog_app.catalog.store import Catalog, now_iso

__all__ = [
    "KINDS",
    "BusinessRule",
    "RuleBook",
    "RuleError",
    "describe",
    "parse_expression",
    "static_problems",
]

KINDS = {
    "compare": "두 컬럼 비교",
    "conditional": "조건",
    "regex": "정규식",
    "allowed": "허용값",
    "range": "숫자 범위",
    "unique": "중복 불가",
}
OPS = ("=", "!=", "<", "<=", ">", ">=")
CONDITION_OPS = (*OPS, "in", "empty", "not_empty")
SCOPES = {"dataset": "데이터셋", "term": "표준용어"}
_SHOWN_OPS = {"<=": "≤", ">=": "≥", "!=": "≠", "empty": "비어 있음", "not_empty": "값 있음"}


class RuleError(ValueError):
    """A rule that cannot be stored as given (Korean message)."""


@dataclass
class BusinessRule:
    id: int
    scope: str
    dataset_id: int | None
    term_name: str | None
    kind: str
    spec: dict
    name: str
    active: bool
    created_by: str
    created_at: str
    updated_by: str | None = None
    updated_at: str | None = None

    @classmethod
    def from_row(cls, row) -> BusinessRule:
        return cls(
            row["id"],
            row["scope"],
            row["dataset_id"],
            row["term_name"],
            row["kind"],
            json.loads(row["spec"]),
            row["name"],
            bool(row["active"]),
            row["created_by"],
            row["created_at"],
            row["updated_by"],
            row["updated_at"],
        )

    @property
    def code(self) -> str:
        return f"rule:{self.id}"

    @property
    def title(self) -> str:
        return self.name or describe(self.kind, self.spec)

    def columns(self) -> list[str]:
        """The column names the rule reads, target first (the column its errors count on)."""
        s = self.spec
        if self.kind == "compare":
            return [s.get("left", ""), s.get("right", "")]
        if self.kind == "conditional":
            return [s.get("then", {}).get("column", ""), s.get("if", {}).get("column", "")]
        return [s.get("column", "")]

    def as_dict(self) -> dict:
        out = asdict(self)
        out["description"] = describe(self.kind, self.spec)
        out["problems"] = static_problems(self.kind, self.spec)
        return out


def _op(op: str) -> str:
    return _SHOWN_OPS.get(op, op)


def _cond_text(cond: dict) -> str:
    op = cond.get("op", "")
    if op in ("empty", "not_empty"):
        return f"{cond.get('column', '')} {_op(op)}"
    if op == "in":
        return f"{cond.get('column', '')} ∈ {{{', '.join(map(str, cond.get('values', [])))}}}"
    return f"{cond.get('column', '')} {_op(op)} {cond.get('value', '')}"


def describe(kind: str, spec: dict) -> str:
    """The rule in one Korean line: '인허가일자 ≤ 폐업일자', 'CCTV설치여부 = N ⇒ CCTV설치대수 = 0'."""
    if kind == "compare":
        return f"{spec.get('left', '')} {_op(spec.get('op', ''))} {spec.get('right', '')}"
    if kind == "conditional":
        return f"{_cond_text(spec.get('if', {}))} ⇒ {_cond_text(spec.get('then', {}))}"
    column = spec.get("column", "")
    if kind == "regex":
        return f"{column} 정규식 {spec.get('pattern', '')}"
    if kind == "allowed":
        return f"{column} 허용값 {', '.join(map(str, spec.get('values', [])))}"
    if kind == "range":
        low, high = spec.get("low"), spec.get("high")
        return f"{column} 범위 {'' if low is None else low} ~ {'' if high is None else high}"
    if kind == "unique":
        return f"{column} 중복 불가"
    return kind


def static_problems(kind: str, spec: dict) -> list[str]:
    """What keeps a rule from running whatever the table (Korean); empty when it can run."""
    from catalog_app.quality.kernels import compile_pattern

    problems = []
    if kind not in KINDS:
        return [f"알 수 없는 규칙 종류입니다: {kind}"]
    if kind == "compare":
        if not spec.get("left") or not spec.get("right"):
            problems.append("비교할 두 컬럼을 모두 지정하세요.")
        if spec.get("op") not in OPS:
            problems.append(f"비교 연산자는 {', '.join(OPS)} 중 하나여야 합니다.")
    elif kind == "conditional":
        for part, label in (("if", "조건"), ("then", "요구")):
            cond = spec.get(part) or {}
            if not cond.get("column"):
                problems.append(f"{label}의 컬럼을 지정하세요.")
            if cond.get("op") not in CONDITION_OPS:
                problems.append(f"{label}의 연산자가 올바르지 않습니다: {cond.get('op')}")
    else:
        if not spec.get("column"):
            problems.append("컬럼을 지정하세요.")
        if kind == "regex":
            _pattern, error = compile_pattern(spec.get("pattern") or "")
            if not spec.get("pattern"):
                problems.append("정규식을 입력하세요.")
            elif error:
                problems.append(error)
        elif kind == "allowed" and not spec.get("values"):
            problems.append("허용값을 하나 이상 입력하세요.")
        elif kind == "range":
            for key in ("low", "high"):
                value = spec.get(key)
                if value not in (None, ""):
                    try:
                        float(value)
                    except (TypeError, ValueError):
                        problems.append(
                            f"범위의 {'최솟값' if key == 'low' else '최댓값'}이 숫자가 아닙니다: {value}"
                        )
            if spec.get("low") in (None, "") and spec.get("high") in (None, ""):
                problems.append("최솟값이나 최댓값을 입력하세요.")
    return problems


# ------------------------------------------------------------------------- one-line form
_CONDITION = re.compile(r"^(?P<col>.+?)\s*(?P<op><=|>=|!=|=|<|>)\s*(?P<value>.*)$")


def _condition(text: str) -> dict:
    text = text.strip()
    m = re.match(r"^(?P<col>.+?)\s+in\s+(?P<values>.+)$", text)
    if m:
        values = [v.strip() for v in m.group("values").split(",") if v.strip()]
        return {"column": m.group("col").strip(), "op": "in", "values": values}
    m = re.match(r"^(?P<col>.+?)\s+(?P<op>empty|not_empty|비어있음|값있음)$", text)
    if m:
        op = {"비어있음": "empty", "값있음": "not_empty"}.get(m.group("op"), m.group("op"))
        return {"column": m.group("col").strip(), "op": op}
    m = _CONDITION.match(text)
    if not m:
        raise RuleError(f"조건을 읽을 수 없습니다: {text} (예: CCTV설치여부 = N)")
    return {
        "column": m.group("col").strip(),
        "op": m.group("op"),
        "value": m.group("value").strip(),
    }


def parse_expression(text: str) -> tuple[str, dict]:
    """(kind, spec) from the CLI's one-line form (see the module docstring)."""
    text = text.strip()
    for arrow in ("=>", "⇒", "->"):
        if arrow in text:
            cond, then = text.split(arrow, 1)
            return "conditional", {"if": _condition(cond), "then": _condition(then)}
    m = re.match(r"^(?P<col>.+?)\s+unique$", text) or re.match(r"^(?P<col>.+?)\s+중복불가$", text)
    if m:
        return "unique", {"column": m.group("col").strip()}
    m = re.match(r"^(?P<col>.+?)\s*~\s*(?P<pattern>.+)$", text)
    if m:
        return "regex", {"column": m.group("col").strip(), "pattern": m.group("pattern").strip()}
    m = re.match(r"^(?P<col>.+?)\s+in\s+(?P<values>.+)$", text)
    if m:
        values = [v.strip() for v in m.group("values").split(",") if v.strip()]
        return "allowed", {"column": m.group("col").strip(), "values": values}
    m = re.match(r"^(?P<col>.+?)\s+range\s+(?P<low>[^.]*)\.\.(?P<high>.*)$", text)
    if m:
        low, high = m.group("low").strip(), m.group("high").strip()
        return "range", {"column": m.group("col").strip(), "low": low or None, "high": high or None}
    m = re.match(r"^(?P<left>.+?)\s*(?P<op><=|>=|!=|=|<|>)\s*(?P<right>.+)$", text)
    if m:
        return "compare", {
            "left": m.group("left").strip(),
            "op": m.group("op"),
            "right": m.group("right").strip(),
        }
    raise RuleError(
        "규칙을 읽을 수 없습니다. 예: '인허가일자 <= 폐업일자', 'CCTV설치여부 = N => CCTV설치대수 = 0', "
        "'우편번호 ~ \\d{5}', '시설종류 in 초등학교,유치원', '정원 range 0..500', '관리번호 unique'"
    )


# ---------------------------------------------------------------------------------- store
class RuleBook:
    """The business rules of one catalog (single-transaction edits: no job lock needed)."""

    def __init__(self, catalog: Catalog, who: str | None = None):
        from catalog_app.dictionary.institution import current_user

        self.catalog = catalog
        self.who = who or current_user()

    def rules(self, active_only: bool = True) -> list[BusinessRule]:
        where = "WHERE active = 1" if active_only else ""
        rows = self.catalog.conn.execute(f"SELECT * FROM quality_rules {where} ORDER BY id")
        return [BusinessRule.from_row(r) for r in rows]

    def get(self, rule_id: int) -> BusinessRule:
        row = self.catalog.conn.execute(
            "SELECT * FROM quality_rules WHERE id = ?", (rule_id,)
        ).fetchone()
        if row is None:
            raise RuleError(f"규칙 #{rule_id}이(가) 없습니다.")
        return BusinessRule.from_row(row)

    def for_dataset(self, dataset_id: int) -> list[BusinessRule]:
        """Active rules that may apply to a dataset: its own and every term rule."""
        rows = self.catalog.conn.execute(
            """SELECT * FROM quality_rules WHERE active = 1
               AND ((scope = 'dataset' AND dataset_id = ?) OR scope = 'term') ORDER BY id""",
            (dataset_id,),
        )
        return [BusinessRule.from_row(r) for r in rows]

    def _check(self, scope: str, dataset_id, term_name, kind: str, spec: dict) -> None:
        if scope not in SCOPES:
            raise RuleError(f"규칙 범위는 {', '.join(SCOPES)} 중 하나여야 합니다.")
        if kind not in KINDS:
            raise RuleError(f"규칙 종류는 {', '.join(KINDS)} 중 하나여야 합니다.")
        if scope == "dataset":
            found = self.catalog.conn.execute(
                "SELECT 1 FROM datasets WHERE id = ?", (dataset_id,)
            ).fetchone()
            if not found:
                raise RuleError(f"데이터셋 #{dataset_id}이(가) 없습니다.")
        elif not (term_name or "").strip():
            raise RuleError("표준용어 규칙에는 용어 이름이 필요합니다.")

    def add(
        self,
        scope: str,
        kind: str,
        spec: dict,
        *,
        dataset_id: int | None = None,
        term_name: str | None = None,
        name: str = "",
    ) -> BusinessRule:
        """Store a rule. A rule with ``static_problems`` is stored too (it is reported as unable
        to run until it is fixed); the caller shows the problems."""
        self._check(scope, dataset_id, term_name, kind, spec)
        at = now_iso()
        with self.catalog.transaction() as conn:
            rule_id = conn.execute(
                """INSERT INTO quality_rules (scope, dataset_id, term_name, kind, spec, name,
                   created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    scope,
                    dataset_id if scope == "dataset" else None,
                    term_name.strip() if scope == "term" and term_name else None,
                    kind,
                    json.dumps(spec, ensure_ascii=False),
                    name.strip(),
                    self.who,
                    at,
                ),
            ).lastrowid
            after = self._row_json(conn, rule_id)
            self._log(conn, rule_id, "add", None, after, at)
        return self.get(rule_id)

    def edit(self, rule_id: int, *, spec: dict | None = None, name: str | None = None,
             kind: str | None = None) -> BusinessRule:  # fmt: skip
        rule = self.get(rule_id)
        new_kind = kind or rule.kind
        new_spec = spec if spec is not None else rule.spec
        self._check(rule.scope, rule.dataset_id, rule.term_name, new_kind, new_spec)
        at = now_iso()
        with self.catalog.transaction() as conn:
            before = self._row_json(conn, rule_id)
            conn.execute(
                """UPDATE quality_rules SET kind = ?, spec = ?, name = ?, updated_by = ?,
                   updated_at = ? WHERE id = ?""",
                (
                    new_kind,
                    json.dumps(new_spec, ensure_ascii=False),
                    rule.name if name is None else name.strip(),
                    self.who,
                    at,
                    rule_id,
                ),
            )
            self._log(conn, rule_id, "edit", before, self._row_json(conn, rule_id), at)
        return self.get(rule_id)

    def delete(self, rule_id: int) -> BusinessRule:
        self.get(rule_id)
        at = now_iso()
        with self.catalog.transaction() as conn:
            before = self._row_json(conn, rule_id)
            conn.execute(
                "UPDATE quality_rules SET active = 0, updated_by = ?, updated_at = ? WHERE id = ?",
                (self.who, at, rule_id),
            )
            self._log(conn, rule_id, "delete", before, self._row_json(conn, rule_id), at)
        return self.get(rule_id)

    def undo(self) -> dict | None:
        """Undo the latest change not undone yet: an add is deleted, an edit or a delete
        restores the rule as it was. Returns the change undone, or None."""
        at = now_iso()
        with self.catalog.transaction() as conn:
            row = conn.execute(
                """SELECT * FROM quality_rule_changes WHERE undone_by IS NULL AND action != 'undo'
                   ORDER BY id DESC LIMIT 1"""
            ).fetchone()
            if row is None:
                return None
            current = self._row_json(conn, row["rule_id"])
            if row["action"] == "add":
                conn.execute(
                    "UPDATE quality_rules SET active = 0, updated_by = ?, updated_at = ? WHERE id = ?",
                    (self.who, at, row["rule_id"]),
                )
            else:
                old = json.loads(row["before"])
                conn.execute(
                    """UPDATE quality_rules SET kind = ?, spec = ?, name = ?, active = ?,
                       updated_by = ?, updated_at = ? WHERE id = ?""",
                    (
                        old["kind"],
                        old["spec"],
                        old["name"],
                        old["active"],
                        self.who,
                        at,
                        row["rule_id"],
                    ),
                )
            undo_id = self._log(
                conn, row["rule_id"], "undo", current, self._row_json(conn, row["rule_id"]), at
            )
            conn.execute(
                "UPDATE quality_rule_changes SET undone_by = ? WHERE id = ?", (undo_id, row["id"])
            )
        return dict(row)

    def history(self, limit: int = 200) -> list[dict]:
        rows = self.catalog.conn.execute(
            "SELECT * FROM quality_rule_changes ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [dict(r) for r in rows]

    @staticmethod
    def _row_json(conn, rule_id: int) -> str:
        row = conn.execute("SELECT * FROM quality_rules WHERE id = ?", (rule_id,)).fetchone()
        return json.dumps(dict(row), ensure_ascii=False)

    def _log(self, conn, rule_id: int, action: str, before, after, at: str) -> int:
        return conn.execute(
            """INSERT INTO quality_rule_changes (rule_id, at, who, action, before, after)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (rule_id, at, self.who, action, before, after),
        ).lastrowid
