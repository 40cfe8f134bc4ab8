"""The figures the 현황 dashboard draws, computed in one pass over the catalog.

표준 준수율 by department and its trend by year (frozen snapshots plus the live year), the 단어 /
용어 / 도메인 rates with their formulas, datasets by openness and by personal data, the most
frequent non-standard words and the registration deadlines (the nearest first) — all from the same
state the lists are made from, so the dashboard and the exports never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure import vocab
from catalog_app.disclosure.deadlines import deadlines
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.snapshot import list_snapshots
from catalog_app.disclosure.state import build_state
from catalog_app.matching.compliance import PARTS, ColumnResult, top_nonstandard_words
from catalog_app.matching.jobs import check_catalog, unsuggested_message
from catalog_app.matching.workspace import Workspace
from catalog_app.progress import CancelToken

__all__ = ["Overview", "overview_figures", "NOT_ENTERED"]

NOT_ENTERED = "미입력"


@dataclass
class Overview:
    year: int
    departments: list[dict] = field(default_factory=list)  # name, rate, compliant, checked
    trend: list[dict] = field(default_factory=list)  # year, rate, source ('snapshot'/'live')
    openness: dict[str, int] = field(default_factory=dict)  # 공개/부분공개/비공개/미입력 → n
    personal: dict[str, int] = field(default_factory=dict)  # 'Y'/'N' → datasets
    top_words: list[tuple[str, int]] = field(default_factory=list)
    rate: float | None = None  # the live catalog rate
    formula: str = ""
    unmapped: int = 0  # columns with no current suggestion: the rate is not to be trusted
    # datasets left out of the rate: [{"dataset_id", "path", "reason"}] (garbled text)
    excluded: list[dict] = field(default_factory=list)
    # the split of the catalog rate: 'word'/'term'/'domain' -> (rate or None, formula)
    split: dict[str, tuple[float | None, str]] = field(default_factory=dict)
    # registration deadlines, soonest first (``deadlines.Deadline.as_json`` dicts)
    deadlines: list[dict] = field(default_factory=list)

    @property
    def nearest(self) -> dict | None:
        """The deadline to show first: the most overdue, else the soonest."""
        return self.deadlines[0] if self.deadlines else None

    @property
    def trusted(self) -> bool:
        """Whether the rate may be shown as a figure (no column lacks its suggestion)."""
        return self.unmapped == 0

    def warning(self) -> str:
        """Korean lines to show where the rate is shown ('' when there is nothing to say)."""
        lines = []
        if self.unmapped:
            lines.append(unsuggested_message(self.unmapped))
        if self.excluded:
            lines.append(
                f"준수율에서 뺀 파일 {len(self.excluded)}개 (글자가 깨져 읽힘): "
                + ", ".join(e["path"] for e in self.excluded[:3])
                + (" …" if len(self.excluded) > 3 else "")
            )
        return "\n".join(lines)


def overview_figures(
    catalog: Catalog, year: int | None = None, top: int = 10, cancel: CancelToken | None = None
) -> Overview:
    """Dashboard figures for ``year`` (default: this year) — seconds on a 100,000-column catalog,
    so the desktop runs it on a worker, cancellable (``Cancelled``) when the window closes."""
    year = year or date.today().year
    departments = MetadataStore(catalog).department_map()
    ws = Workspace.open(catalog, with_matcher=False)
    report = check_catalog(catalog, departments, ws, cancel=cancel)
    if cancel is not None:
        cancel.raise_if_cancelled()
    state = build_state(catalog, year, checked_with=(ws, report), cancel=cancel)
    out = Overview(year=year)
    out.unmapped = report.unsuggested
    out.excluded = list(report.excluded_datasets)
    # Before `map` a crosstab's year and region headers look like non-standard words: count the
    # words of columns that have a suggestion only.
    pairs = [
        (
            ColumnResult(
                c["dataset_id"],
                "",
                c["department"],
                c["table"],
                c["label"],
                c["kind"],
                bool(c["compliant"]),
                [],
            ),
            [w for check in c["checks"] for w in check.get("words") or []],
        )  # fmt: skip
        for c in report.columns
        if c["kind"] != "unmapped"
    ]
    out.top_words = top_nonstandard_words(pairs, top)
    out.departments = [
        {"name": r.name, "rate": r.rate, "compliant": r.compliant, "checked": r.checked}
        for r in state.rates_of("department")
    ]
    overall = state.rates_of("catalog")
    if overall:
        out.rate, out.formula = overall[0].rate, overall[0].formula
        out.split = {part: overall[0].part(part) for part in PARTS}
    out.deadlines = [d.as_json() for d in deadlines(state)]
    out.openness = {name: 0 for name in (*vocab.OPENNESS, NOT_ENTERED)}
    out.personal = {"Y": 0, "N": 0}
    for d in state.included_datasets():
        openness = d.get("openness")
        key = openness if openness in vocab.OPENNESS else NOT_ENTERED
        out.openness[key] += 1
        out.personal["Y" if d.get("pii") == "Y" else "N"] += 1
    out.trend = [
        {"year": s.year, "rate": s.summary.get("rate"), "source": "snapshot"}
        for s in list_snapshots(catalog)
        if s.year != year
    ]
    out.trend.append({"year": year, "rate": out.rate, "source": "live"})
    out.trend.sort(key=lambda t: t["year"])
    return out
