"""Business rules over two columns of a row: compare (인허가일자 ≤ 폐업일자) and conditional
(CCTV설치여부 = N ⇒ CCTV설치대수 = 0), read row by row from the same chunk's columns."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from catalog_app.quality import kernels
from catalog_app.quality.distinct import MAX_SAMPLES, Distinct, RuleState, mask_sample
from catalog_app.quality.model import RuleSpec

__all__ = ["RowRule"]


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
        hit = kernels.bools(pc.is_in(view.values, value_set=wanted))
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
