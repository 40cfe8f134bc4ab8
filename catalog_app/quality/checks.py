"""One-column rules compiled into vectorised checks over a chunk's distinct values.

A check returns ``(bad, checked)``: per distinct value whether it breaks the rule, and which
values the rule looked at (None: all of them; a date range only looks at real dates). Two rules
need the whole column first and keep state instead (``observe`` per chunk, ``finish`` at the
end): repeated keys (:class:`KeyState`, 64-bit hashes and counts, never the values) and outlying
years (:class:`OutlierState`, a year histogram).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from catalog_app.quality import kernels
from catalog_app.quality.distinct import MAX_SAMPLES, Distinct
from catalog_app.quality.model import RuleSpec

__all__ = ["KeyState", "OutlierState", "compile_check"]

_PHONE = (
    r"^(?:\(?0(?:2|[3-6][1-5]|1[016789]|70|50[2-8]?|80|60)\)?[-. )]?\d{3,4}[-. ]?\d{4}"
    r"|1[5-9]\d{2}-?\d{4})$"
)
_KEY_SAMPLE_LIMIT = 50_000  # distinct keys remembered with their text, for duplicate samples


def compile_check(spec: RuleSpec, code_lists: dict[str, frozenset], today: date):
    """(function(view) -> (bad, checked or None)) for a one-column rule, or a deferred state."""
    p = spec.params
    # business rules ('rule:<id>') are dispatched on their kind
    code = p.get("kind", spec.code) if spec.code.startswith("rule:") else spec.code
    for family in (_date_check, _number_check, _text_check):
        check = family(code, p)
        if check is not None:
            return check
    check = _listed_check(code, p, code_lists)
    if check is None:
        raise ValueError(f"unknown rule {code}")
    return check


def _date_check(code: str, p: dict):
    """The check of a rule on dates, times, years and months; None for a rule of another family."""
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
            ok = kernels.bools(parts.is_valid())
            m = kernels.ints(parts.field("m").fill_null(""))
            return ~(ok & (m >= 1) & (m <= 12)), None

        return month
    if code == "std_time":
        return lambda v: (~kernels.times_valid(v.values, False), None)
    return None


def _number_check(code: str, p: dict):
    """The check of a rule on numbers: valid, digits, sign and ranges; None for a rule of another family."""
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
    return None


def _listed_check(code: str, p: dict, code_lists: dict[str, frozenset]):
    """The check of a rule on values from a list: allowed values, 시군구·법정동 and 기관 codes; None for a rule of another family."""
    if code in ("flag_yn", "allowed", "std_allowed"):
        return _allowed(p.get("values") or [], multi=code == "std_allowed")
    if code in ("legal_dong_code", "sgg_code"):
        codes = code_lists.get("sgg" if code == "sgg_code" else "legal_dong") or frozenset()
        shape = r"^\d{5}$" if code == "sgg_code" else r"^\d{10}$"
        value_set = pa.array(sorted(codes), pa.string())

        def listed(v):
            ok = kernels.matches(v.values, shape)
            if len(value_set):
                ok &= kernels.bools(pc.is_in(v.values, value_set=value_set))
            return ~ok, None

        return listed
    if code == "org_code_format":
        return lambda v: (~kernels.matches(v.values, r"^[0-9A-Z]\d{6}$"), None)
    if code == "org_code":
        value_set = pa.array(sorted(code_lists.get("org") or ()), pa.string())

        def org(v):
            shaped = kernels.matches(v.values, r"^[0-9A-Z]\d{6}$")
            known = kernels.bools(pc.is_in(v.values, value_set=value_set))
            return shaped & ~known, shaped

        return org
    return None


def _text_check(code: str, p: dict):
    """The check of a rule on the written form: phone, zip, lengths, patterns and unique keys; None for a rule of another family."""
    if code == "phone":
        return lambda v: (~kernels.matches(v.values, _PHONE), None)
    if code == "zip":
        regex = r"^\d{3}-?\d{3}$" if p.get("old") else r"^\d{5}$"
        return lambda v: (~kernels.matches(v.values, regex), None)
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
    return None


def _allowed(values: Sequence[str], multi: bool):
    value_set = pa.array([str(v) for v in values], pa.string())
    allowed = {str(v) for v in values}

    def check(v):
        inside = kernels.bools(pc.is_in(v.values, value_set=value_set))
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
        where = np.flatnonzero(d.valid)
        years = d.year[where]
        counts = view.counts[where]
        clean = ~flagged[where]
        found, first, inverse = np.unique(years, return_index=True, return_inverse=True)
        per_year = np.bincount(inverse, weights=counts).astype(np.int64)
        per_year_clean = np.bincount(inverse, weights=counts * clean).astype(np.int64)
        for k, year in enumerate(found.tolist()):
            self.years[year] = self.years.get(year, 0) + int(per_year[k])
            self.unflagged[year] = self.unflagged.get(year, 0) + int(per_year_clean[k])
            bucket = self.samples.setdefault(year, [])
            if len(bucket) < 3:
                bucket.append(view.values[int(where[first[k]])].as_py())

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
