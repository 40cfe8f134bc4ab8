"""One entry point for every disclosure export, used by the CLI and the desktop app alike.

The state comes from the year's snapshot when there is one (what was frozen is what is handed
in), else from the live catalog. Validation runs first and blocking problems stop the export
unless forced. The year-over-year diff compares the snapshot of N-1 with year N; the same
export carries 신규/변경/제외 against the imported registered list (``lifecycle``), and needs at
least one of the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.diff import diff_states
from catalog_app.disclosure.exports import EXPORTERS, Exporter, exporter
from catalog_app.disclosure.model import DiffResult, DisclosureState, Problem
from catalog_app.disclosure.snapshot import SnapshotError, has_snapshot
from catalog_app.disclosure.state_cache import snapshot_state, state_for_year, validated
from catalog_app.disclosure.validate import ExportBlocked, blocking

__all__ = ["KINDS", "ExportResult", "default_name", "export", "year_diff"]

# kind → (Korean name, default file name pattern; '' = a folder), read from the registry
KINDS: dict[str, tuple[str, str]] = {
    kind: (str(e.label), e.stem + e.suffixes[0]) for kind, e in EXPORTERS.items()
}


@dataclass
class ExportResult:
    kind: str
    year: int
    source: str  # 'snapshot' or 'live'
    paths: list[Path]
    problems: list[Problem] = field(default_factory=list)
    forced: bool = False  # written despite blocking problems


def default_name(kind: str, year: int) -> str:
    return exporter(kind).default_name(year)


def _target(found: Exporter, year: int, out: Path) -> Path:
    """``out`` itself, or a default file name inside it when it is a folder."""
    out = Path(out)
    if found.into_folder:
        return out
    if out.is_dir() or not out.suffix:
        return out / found.default_name(year)
    return out


def year_diff(catalog: Catalog, year: int, *, today: date | None = None, base: int | None = None):
    """(DiffResult, old state, new state) of ``base`` (default year-1, a snapshot) → ``year``."""
    from_year = base if base is not None else year - 1
    old = snapshot_state(catalog, from_year)
    new = state_for_year(catalog, year, today=today)
    return diff_states(old, new), old, new


def _reidentification_gate(catalog: Catalog, state: DisclosureState) -> None:
    """A 공개/부분공개 list whose open columns re-identify people (k < 5) is not written without
    a recorded exception; ``force`` does not pass it (issue 14, ``privacy.gate``). A state that
    passed stays passed while the catalog is unchanged: exports in a row check it once."""
    from catalog_app.disclosure.state_cache import catalog_version
    from catalog_app.privacy.gate import privacy_gate

    version = catalog_version(catalog)
    if state.__dict__.get(_GATE_PASSED) == version:
        return
    privacy_gate(catalog, state)
    state.__dict__[_GATE_PASSED] = catalog_version(catalog)


_GATE_PASSED = "_reidentification_passed"


def export(
    catalog: Catalog,
    year: int,
    kind: str,
    out: str | Path,
    *,
    force: bool = False,
    today: date | None = None,
) -> ExportResult:
    """Write one export; ExportBlocked (with the problems) when validation blocks and not forced."""
    found = exporter(kind)  # ValueError for an unknown kind
    target = _target(found, year, Path(out))
    if found.needs_diff:
        return _export_diff(found, catalog, year, target, force=force, today=today)
    state = state_for_year(catalog, year, today=today)
    problems = validated(state, today)
    stop = blocking(problems)
    if stop and not force:
        raise ExportBlocked(problems)
    _reidentification_gate(catalog, state)
    paths = found.load_writer()(state, target)
    return ExportResult(kind, year, state.source, paths, problems, forced=bool(stop))


def _export_diff(
    found: Exporter,
    catalog: Catalog,
    year: int,
    target: Path,
    *,
    force: bool,
    today: date | None,
) -> ExportResult:
    """Last year's snapshot → year N, and/or the list against what is registered."""
    from catalog_app.disclosure.lifecycle import lifecycle

    new = state_for_year(catalog, year, today=today)
    diff: DiffResult | None = None
    if has_snapshot(catalog, year - 1):
        diff = diff_states(snapshot_state(catalog, year - 1), new)
    entries = lifecycle(new, today) if new.registered_import else None
    if diff is None and entries is None:
        raise SnapshotError(
            f"비교할 기준이 없습니다: {year - 1}년 스냅샷도, 가져온 등록 목록도 없습니다. "
            f"snapshot --year {year - 1} 로 작년을 고정했거나 registered import 로 포털의 "
            "등록 목록을 가져와야 합니다."
        )
    # the diff is not validated as a list, but a stale mapping would show as term changes
    stale = [p for p in validated(new, today) if p.code == "V41"]
    if stale and not force:
        raise ExportBlocked(stale)
    paths = found.load_writer()(diff, target, entries, new.registered_import)
    return ExportResult(found.kind, year, new.source, paths, stale, forced=bool(stale))
