"""Count every rule over every value of a table, one chunk of data rows at a time.

Each chunk column is trimmed, its blanks counted, and its non-blank values dictionary-encoded:
the rules judge the chunk's *distinct* values with the vectorised readings of ``kernels`` and
the verdicts are weighted by how often each value occurs. A column's own error count is the
values failing at least one counted rule (a value failing three rules is one erroneous value).
Two rules need the whole column before they can say which values are wrong: repeated keys
(64-bit hashes of the values, counted at the end) and outlying years (a year histogram); they
add only the values no other rule already counted.

Row rules (a business rule comparing two columns, or a condition on one and a requirement on
another) read the same chunk's columns row by row. Error samples are masked like the profiles:
with the column's personal-data kind, and any sample that is itself a personal value (a phone
number in a 비고 column) through ``pii_label.safe_label``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from catalog_app.quality import kernels
from catalog_app.quality.model import (
    ColumnOutcome,
    ColumnPlan,
    RuleOutcome,
    RuleSpec,
    TableOutcome,
    TablePlan,
    Unrunnable,
)
from catalog_app.scan.pii_label import safe_label
from catalog_app.scan.pii_mask import mask_value

__all__ = ["TableChecker", "mask_sample"]

MAX_SAMPLES = 5
_PHONE = (
    r"^(?:\(?0(?:2|[3-6][1-5]|1[016789]|70|50[2-8]?|80|60)\)?[-. )]?\d{3,4}[-. ]?\d{4}"
    r"|1[5-9]\d{2}-?\d{4})$"
)
_KEY_SAMPLE_LIMIT = 50_000  # distinct keys remembered with their text, for duplicate samples


def mask_sample(value: str, pii_kind: str | None) -> str:
    """A value as it may be shown or stored: masked when its column is personal, and masked
    whatever the column when the value itself is a personal value."""
    if pii_kind:
        return mask_value(value, pii_kind)
    return safe_label(value)


class Distinct:
    """One chunk column: its trimmed values, blanks and distinct non-blank values, with the
    readings rules share (dates, numbers) computed once on first use."""

    def __init__(self, values: pa.Array):
        trimmed = pc.utf8_trim_whitespace(
            values.cast(pa.string()) if values.type != pa.string() else values
        )
        self.rows = len(trimmed)
        self.blank = kernels.blank_mask(trimmed)
        self.filled_rows = np.flatnonzero(~self.blank)
        filled = trimmed.filter(pa.array(~self.blank)) if self.blank.any() else trimmed
        encoded = pc.dictionary_encode(filled)
        self.values: pa.Array = encoded.dictionary
        self.indices = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        self.counts = np.bincount(self.indices, minlength=len(self.values)).astype(np.int64)
        self.filled = int(len(self.indices))
        self._dates = None
        self._numbers: dict[tuple[bool, bool], kernels.Numbers] = {}

    @property
    def dates(self) -> kernels.Dates:
        if self._dates is None:
            self._dates = kernels.parse_dates(self.values)
        return self._dates

    def numbers(self, percent: bool = True, digits: bool = False) -> kernels.Numbers:
        key = (percent, digits)
        if key not in self._numbers:
            self._numbers[key] = kernels.parse_numbers(self.values, percent, digits)
        return self._numbers[key]

    def row_values(self, distinct: np.ndarray, fill) -> np.ndarray:
        """A per-distinct array spread over the chunk's rows (``fill`` where blank)."""
        out = np.full(self.rows, fill, dtype=distinct.dtype)
        out[self.filled_rows] = distinct[self.indices]
        return out


class RuleState:
    """One rule's counts and samples over the whole table."""

    def __init__(self, spec: RuleSpec, column: ColumnPlan, table_key: str):
        self.spec = spec
        self.column = column
        self.outcome = RuleOutcome(spec, column.column_id, table_key, column.label)
        self.counted = spec.severity == "error"

    def add_samples(self, values: Iterable[str]) -> None:
        samples = self.outcome.samples
        for value in values:
            if len(samples) >= MAX_SAMPLES:
                return
            shown = mask_sample(value, self.column.pii_kind)
            if shown not in samples:
                samples.append(shown)

    def record(self, view: Distinct, bad: np.ndarray, checked: np.ndarray | None) -> None:
        out = self.outcome
        out.checked += view.filled if checked is None else int(view.counts[checked].sum())
        hits = int(view.counts[bad].sum()) if bad.any() else 0
        out.errors += hits
        if hits and len(out.samples) < MAX_SAMPLES:
            idx = np.flatnonzero(bad)[: MAX_SAMPLES * 2]
            self.add_samples(view.values.take(pa.array(idx)).to_pylist())


# ------------------------------------------------------------------------ value evaluators
def _compile(spec: RuleSpec, code_lists: dict[str, frozenset], today: date):
    """(function(view) -> (bad, checked or None)) for a one-column rule, or a deferred state."""
    p = spec.params
    # business rules ('rule:<id>') are dispatched on their kind
    code = p.get("kind", spec.code) if spec.code.startswith("rule:") else spec.code
    if code == "date_valid":
        return lambda v: (~v.dates.valid, None)
    if code == "date_two_digit_year":
        return lambda v: (kernels.two_digit_years(v.values), None)
    if code == "date_format":
        regex = "|".join(f"(?:{kernels.shape_regex(s)})" for s in p["shapes"])
        return lambda v: (~kernels.matches(v.values, regex), None)
    if code == "date_range":
        low = kernels.date_days(date.fromisoformat(p["low"]))
        high = kernels.date_days(date.fromisoformat(p["high"]))

        def in_range(v):
            d = v.dates
            return d.valid & ((d.days < low) | (d.days > high)), d.valid

        return in_range
    if code == "date_outlier":
        return OutlierState(p)
    if code in ("time_valid",):
        compact = bool(p.get("compact"))
        return lambda v: (~kernels.times_valid(v.values, compact), None)
    if code == "year_valid":
        lo, hi = int(p["low"]), int(p["high"])

        def year(v):
            ok = kernels.matches(v.values, r"^\d{4}$")
            years = v.numbers(False).value
            return ~(ok & (years >= lo) & (years <= hi)), None

        return year
    if code == "month_valid":

        def month(v):
            parts = pc.extract_regex(v.values, r"^(?P<y>\d{4})[-./]?(?P<m>\d{1,2})$")
            ok = kernels._bool(parts.is_valid())
            m = kernels._ints(parts.field("m").fill_null(""))
            return ~(ok & (m >= 1) & (m <= 12)), None

        return month
    if code == "number_valid":
        percent = bool(p.get("percent", True))
        return lambda v: (~v.numbers(percent).valid, None)
    if code == "number_digits":
        whole, scale = int(p["whole"]), int(p["scale"])

        def digits(v):
            n = v.numbers(False, True)
            return n.valid & ((n.whole > whole) | (n.scale > scale)), n.valid

        return digits
    if code == "number_nonnegative":

        def nonneg(v):
            n = v.numbers()
            return n.valid & (n.value < 0), n.valid

        return nonneg
    if code in ("number_percent", "latitude", "longitude", "range"):
        lo = float(p["low"]) if p.get("low") not in (None, "") else -np.inf
        hi = float(p["high"]) if p.get("high") not in (None, "") else np.inf
        strict_number = code in ("latitude", "longitude")

        def bounded(v):
            n = v.numbers(not strict_number)
            out = n.valid & ((n.value < lo) | (n.value > hi))
            if strict_number:
                return out | ~n.valid, None
            return out, n.valid

        return bounded
    if code in ("flag_yn", "allowed", "std_allowed"):
        return _allowed(p.get("values") or [], multi=code == "std_allowed")
    if code == "phone":
        return lambda v: (~kernels.matches(v.values, _PHONE), None)
    if code == "zip":
        regex = r"^\d{3}-?\d{3}$" if p.get("old") else r"^\d{5}$"
        return lambda v: (~kernels.matches(v.values, regex), None)
    if code in ("legal_dong_code", "sgg_code"):
        codes = code_lists.get("sgg" if code == "sgg_code" else "legal_dong") or frozenset()
        shape = r"^\d{5}$" if code == "sgg_code" else r"^\d{10}$"
        value_set = pa.array(sorted(codes), pa.string())

        def listed(v):
            ok = kernels.matches(v.values, shape)
            if len(value_set):
                ok &= kernels._bool(pc.is_in(v.values, value_set=value_set))
            return ~ok, None

        return listed
    if code == "org_code_format":
        return lambda v: (~kernels.matches(v.values, r"^[0-9A-Z]\d{6}$"), None)
    if code == "org_code":
        value_set = pa.array(sorted(code_lists.get("org") or ()), pa.string())

        def org(v):
            shaped = kernels.matches(v.values, r"^[0-9A-Z]\d{6}$")
            known = kernels._bool(pc.is_in(v.values, value_set=value_set))
            return shaped & ~known, shaped

        return org
    if code == "code_length":
        length = int(p["length"])
        return lambda v: (
            np.asarray(pc.utf8_length(v.values).to_numpy(zero_copy_only=False)) != length,
            None,
        )
    if code in ("length", "length_fixed"):
        length = int(p["length"])
        strip = p.get("strip") or ""

        def measured(v):
            values = v.values
            for ch in strip:
                values = pc.replace_substring(values, ch, "")
            sizes = kernels.byte_lengths(values)
            return (sizes != length) if code == "length_fixed" else (sizes > length), None

        return measured
    if code in ("key_unique", "unique"):
        return KeyState()
    if code in ("std_regex", "std_format", "regex"):
        pattern = p.get("compiled")
        if pattern is None:
            pattern, _error = kernels.compile_pattern(p["pattern"])
        return lambda v: (~kernels.matches(v.values, pattern), None)
    if code == "std_time":
        return lambda v: (~kernels.times_valid(v.values, False), None)
    raise ValueError(f"unknown rule {code}")


def _allowed(values: Sequence[str], multi: bool):
    value_set = pa.array([str(v) for v in values], pa.string())
    allowed = {str(v) for v in values}

    def check(v):
        inside = kernels._bool(pc.is_in(v.values, value_set=value_set))
        if multi and not inside.all():
            # 상설장+5일장: every '+'-joined part must be an allowed value.
            for i in np.flatnonzero(~inside).tolist():
                text = v.values[i].as_py()
                if "+" in text and all(p.strip() in allowed for p in text.split("+")):
                    inside[i] = True
        return ~inside, None

    return check


class OutlierState:
    """Years far from all the others (1904 among 1967–2026): a histogram of the valid dates'
    years; at the end, the largest run of years no more than ``gap`` apart is the bulk, and small
    groups of years outside it (at most ``share`` of the dates) are outliers."""

    def __init__(self, params: dict):
        self.gap = int(params.get("gap", 30))
        self.share = float(params.get("share", 0.01))
        self.years: dict[int, int] = {}
        self.unflagged: dict[int, int] = {}
        self.samples: dict[int, list[str]] = {}

    def observe(self, view: Distinct, flagged: np.ndarray) -> None:
        d = view.dates
        if not d.valid.any():
            return
        years = d.year[d.valid]
        counts = view.counts[d.valid]
        clean = ~flagged[d.valid]
        for year, n, ok, i in zip(
            years.tolist(),
            counts.tolist(),
            clean.tolist(),
            np.flatnonzero(d.valid).tolist(),
            strict=True,
        ):
            self.years[year] = self.years.get(year, 0) + n
            if ok:
                self.unflagged[year] = self.unflagged.get(year, 0) + n
            bucket = self.samples.setdefault(year, [])
            if len(bucket) < 3:
                bucket.append(view.values[i].as_py())

    def finish(self) -> tuple[int, int, int, list[str]]:
        """(checked, errors, errors no other rule counted, samples)."""
        total = sum(self.years.values())
        if not total:
            return 0, 0, 0, []
        ordered = sorted(self.years)
        groups: list[list[int]] = [[ordered[0]]]
        for year in ordered[1:]:
            if year - groups[-1][-1] > self.gap:
                groups.append([])
            groups[-1].append(year)
        bulk = max(groups, key=lambda g: sum(self.years[y] for y in g))
        outlying = [
            y
            for g in groups
            if g is not bulk and sum(self.years[y] for y in g) <= self.share * total
            for y in g
        ]
        errors = sum(self.years[y] for y in outlying)
        extra = sum(self.unflagged.get(y, 0) for y in outlying)
        samples = [s for y in outlying for s in self.samples.get(y, [])]
        return total, errors, extra, samples


class KeyState:
    """Repeated keys: 64-bit hashes of the distinct values with their counts, merged at the end
    (12 bytes per distinct value, never the values), and the text of the first keys seen so a
    repeat can be shown."""

    def __init__(self):
        self.hashes: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []
        self.clean: list[np.ndarray] = []
        self.known: dict[int, str] = {}
        self.samples: list[str] = []
        self.checked = 0

    def observe(self, view: Distinct, flagged: np.ndarray) -> None:
        from catalog_app.scan import csv_arrow

        if not len(view.values):
            return
        h = csv_arrow.hashes(view.values)
        self.checked += view.filled
        self.hashes.append(h)
        self.counts.append(view.counts)
        self.clean.append(~flagged)
        if len(self.samples) < MAX_SAMPLES:
            repeated = np.flatnonzero(view.counts > 1)[:MAX_SAMPLES].tolist()
            self.samples.extend(view.values[i].as_py() for i in repeated)
            if len(self.known) < _KEY_SAMPLE_LIMIT:
                seen = [i for i, v in enumerate(h.tolist()) if v in self.known][:MAX_SAMPLES]
                self.samples.extend(self.known[int(h[i])] for i in seen)
                for i, v in enumerate(h[: _KEY_SAMPLE_LIMIT - len(self.known)].tolist()):
                    self.known.setdefault(v, view.values[i].as_py())
        if len(self.hashes) >= 64:
            self._compact()

    def _compact(self) -> None:
        h = np.concatenate(self.hashes)
        c = np.concatenate(self.counts)
        k = np.concatenate(self.clean)
        # clean-ness is per value: a value flagged anywhere is flagged (same text, same verdict)
        order = np.argsort(h, kind="stable")
        h, c, k = h[order], c[order], k[order]
        starts = np.flatnonzero(np.concatenate(([True], h[1:] != h[:-1])))
        self.hashes = [h[starts]]
        self.counts = [np.add.reduceat(c, starts)]
        self.clean = [np.logical_and.reduceat(k, starts)]

    def finish(self) -> tuple[int, int, int, list[str]]:
        if not self.hashes:
            return 0, 0, 0, []
        self._compact()
        counts, clean = self.counts[0], self.clean[0]
        repeats = np.maximum(counts - 1, 0)
        return self.checked, int(repeats.sum()), int(repeats[clean].sum()), self.samples


# ------------------------------------------------------------------------------ row rules
class RowRule:
    """A business rule over two columns of a row: compare (A ≤ B) or conditional (A = N ⇒ B = 0)."""

    def __init__(self, spec: RuleSpec, state: RuleState, pii: tuple[str | None, str | None]):
        self.spec = spec
        self.state = state
        self.pii = pii

    def evaluate(self, views: dict[int, Distinct]) -> np.ndarray:
        p = self.spec.params
        a, b = (views[i] for i in self.spec.columns)
        if p["kind"] == "compare":
            left, left_ok = _row_operand(a, p.get("as", "text"))
            right, right_ok = _row_operand(b, p.get("as", "text"))
            checked = left_ok & right_ok
            holds = _compare(left, p["op"], right)
            bad = checked & ~holds
        else:
            cond = _condition(a, p["if"])
            then = _condition(b, p["then"])
            checked = cond
            bad = cond & ~then
        out = self.state.outcome
        out.checked += int(checked.sum())
        out.errors += int(bad.sum())
        if bad.any() and len(out.samples) < MAX_SAMPLES:
            names = p.get("labels") or ["A", "B"]
            for row in np.flatnonzero(bad)[:MAX_SAMPLES].tolist():
                parts = []
                for name, view, kind in zip(names, (a, b), self.pii, strict=True):
                    parts.append(f"{name}={_row_text(view, row, kind)}")
                self.state.add_samples([", ".join(parts)])
        return bad


def _row_text(view: Distinct, row: int, pii_kind: str | None) -> str:
    pos = np.searchsorted(view.filled_rows, row)
    if pos < len(view.filled_rows) and view.filled_rows[pos] == row:
        return mask_sample(view.values[int(view.indices[pos])].as_py(), pii_kind)
    return "(빈 값)"


def _row_operand(view: Distinct, as_type: str) -> tuple[np.ndarray, np.ndarray]:
    if as_type == "date":
        d = view.dates
        return view.row_values(d.days, 0), view.row_values(d.valid, False)
    if as_type == "number":
        n = view.numbers()
        return view.row_values(n.value, 0.0), view.row_values(n.valid, False)
    texts = np.array(view.values.to_pylist() + [""], dtype=object)
    idx = np.full(view.rows, len(texts) - 1, dtype=np.int64)
    idx[view.filled_rows] = view.indices
    return texts[idx], ~view.blank


def _compare(left: np.ndarray, op: str, right) -> np.ndarray:
    if op in ("=", "=="):
        return left == right
    if op == "!=":
        return left != right
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    if op == ">=":
        return left >= right
    raise ValueError(op)


def _condition(view: Distinct, cond: dict) -> np.ndarray:
    """Rows where ``column op value`` holds; blanks only satisfy 'empty'."""
    op = cond["op"]
    if op == "empty":
        return view.blank.copy()
    if op == "not_empty":
        return ~view.blank
    if op == "in":
        wanted = pa.array([str(v) for v in cond.get("values", [])], pa.string())
        hit = kernels._bool(pc.is_in(view.values, value_set=wanted))
        return view.row_values(hit, False)
    value = str(cond.get("value", ""))
    constant = kernels.parse_numbers(pa.array([value]))
    if constant.valid[0]:
        n = view.numbers()
        hits = n.valid & _compare(n.value, op, float(constant.value[0]))
        if op in ("=", "==", "!="):  # 'N' = 'N' too, when the cell is not a number
            texts = np.array(view.values.to_pylist(), dtype=object)
            hits = np.where(n.valid, hits, _compare(texts, op, value))
        return view.row_values(hits, False)
    texts = np.array(view.values.to_pylist(), dtype=object)
    return view.row_values(np.asarray(_compare(texts, op, value), dtype=bool), False)


# ------------------------------------------------------------------------------ the table
class ColumnState:
    def __init__(self, plan: ColumnPlan, table_key: str, code_lists, today):
        self.plan = plan
        self.outcome = ColumnOutcome(plan.column_id, table_key, plan.label)
        self.value_rules: list[tuple[RuleState, object]] = []
        self.deferred: list[tuple[RuleState, object]] = []
        self.required: RuleState | None = None
        self.row_rules: list[RowRule] = []
        self.unrunnable: list[Unrunnable] = []
        for spec in plan.rules:
            state = RuleState(spec, plan, table_key)
            if spec.code == "std_required":
                self.required = state
                continue
            if spec.columns:
                self.row_rules.append(RowRule(spec, state, (None, None)))
                continue
            compiled = _compile(spec, code_lists, today)
            if isinstance(compiled, (OutlierState, KeyState)):
                self.deferred.append((state, compiled))
            else:
                self.value_rules.append((state, compiled))

    @property
    def states(self) -> list[RuleState]:
        out = [s for s, _ in self.value_rules] + [s for s, _ in self.deferred]
        out += [r.state for r in self.row_rules]
        if self.required is not None:
            out.insert(0, self.required)
        return out

    def add(self, view: Distinct) -> np.ndarray:
        """Judge one chunk; returns the per-distinct mask of counted errors."""
        col = self.outcome
        col.rows += view.rows
        col.blank += view.rows - view.filled
        flagged = np.zeros(len(view.values), dtype=bool)
        for state, check in self.value_rules:
            bad, checked = check(view)
            state.record(view, bad, checked)
            if state.counted:
                flagged |= bad
        for _state, deferred in self.deferred:
            deferred.observe(view, flagged)
        if self.required is not None:
            out = self.required.outcome
            out.checked += view.rows
            out.errors += view.rows - view.filled
        return flagged

    def finish(self) -> None:
        col = self.outcome
        checked = [col.rows if self.required is not None else 0]
        if self.value_rules or self.deferred:
            checked.append(col.rows - col.blank)
        for state, deferred in self.deferred:
            n_checked, errors, extra, samples = deferred.finish()
            state.outcome.checked += n_checked
            state.outcome.errors += errors
            state.add_samples(samples)
            if state.counted:
                col.errors += extra
        checked += [r.state.outcome.checked for r in self.row_rules]
        col.checked = max(checked)
        if self.required is not None and self.required.counted:
            col.errors += self.required.outcome.errors


class TableChecker:
    """Every rule of one table's plan, fed chunks of data rows (column arrays by position)."""

    def __init__(
        self, plan: TablePlan, code_lists: dict[str, frozenset], today: date | None = None
    ):
        self.plan = plan
        today = today or date.today()
        self.columns = [ColumnState(c, plan.table_key, code_lists, today) for c in plan.columns]
        by_position = {c.position: c for c in plan.columns}
        for state in self.columns:
            for rule in state.row_rules:
                rule.pii = tuple(
                    by_position[i].pii_kind if i in by_position else None for i in rule.spec.columns
                )
        self.rows = 0

    @property
    def positions(self) -> list[int]:
        """Table columns the checks read (others need not be converted)."""
        wanted = set()
        for state in self.columns:
            if state.plan.rules:
                wanted.add(state.plan.position)
            for rule in state.row_rules:
                wanted.update(rule.spec.columns)
        return sorted(wanted)

    def add(self, columns: dict[int, pa.Array], rows: int) -> None:
        self.rows += rows
        views = {pos: Distinct(arr) for pos, arr in columns.items()}
        for state in self.columns:
            view = views.get(state.plan.position)
            if view is None:
                continue
            flagged = state.add(view)
            if state.row_rules:
                row_bad = view.row_values(flagged, False)
                if state.required is not None and state.required.counted:
                    row_bad = row_bad & ~view.blank  # blanks are counted by the required rule
                for rule in state.row_rules:
                    bad = rule.evaluate(views)
                    if rule.state.counted:
                        row_bad |= bad & ~view.blank if state.required is not None else bad
                state.outcome.errors += int(row_bad.sum())
            else:
                state.outcome.errors += int(view.counts[flagged].sum()) if flagged.any() else 0

    def finish(self) -> TableOutcome:
        out = TableOutcome(self.plan.table_key, rows=self.rows)
        for state in self.columns:
            state.finish()
            out.columns.append(state.outcome)
            out.rules.extend(s.outcome for s in state.states)
        return out
