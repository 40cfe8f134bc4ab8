"""One entry point for every disclosure export, used by the CLI and the desktop app alike.

The state comes from the year's snapshot when there is one (what was frozen is what is handed
in), else from the live catalog. Validation runs first and blocking problems stop the export
unless forced. The year-over-year diff compares the snapshot of N-1 with year N; the same
export carries 신규/변경/제외 against the imported registered list (``lifecycle``), and needs at
least one of the two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.diff import diff_states
from catalog_app.disclosure.model import DiffResult, DisclosureState, Problem
from catalog_app.disclosure.snapshot import SnapshotError, has_snapshot
from catalog_app.disclosure.state_cache import snapshot_state, state_for_year, validated
from catalog_app.disclosure.validate import ExportBlocked, blocking

__all__ = ["KINDS", "ExportResult", "default_name", "export", "year_diff"]

# kind → (Korean name, default file name pattern; '' = a folder)
KINDS: dict[str, tuple[str, str]] = {
    "inventory": ("공공데이터 목록", "{year}_공공데이터목록.xlsx"),
    "definitions": ("테이블·컬럼 정의서", "{year}_정의서.xlsx"),
    "compliance": ("표준 준수율 보고서", "{year}_표준준수율.xlsx"),
    "diff": ("전년 대비 변경", "{year}_전년대비변경.xlsx"),
    "dcat": ("DCAT (JSON-LD)", "{year}_dcat.jsonld"),
    "datapackage": ("datapackage.json (데이터셋별)", "{year}_datapackage"),
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
    return KINDS[kind][1].format(year=year)


def _target(kind: str, year: int, out: Path) -> Path:
    """``out`` itself, or a default file name inside it when it is a folder."""
    out = Path(out)
    if kind == "datapackage":
        return out
    if out.is_dir() or not out.suffix:
        return out / default_name(kind, year)
    return out


def year_diff(catalog: Catalog, year: int, *, today: date | None = None, base: int | None = None):
    """(DiffResult, old state, new state) of ``base`` (default year-1, a snapshot) → ``year``."""
    from_year = base if base is not None else year - 1
    old = snapshot_state(catalog, from_year)
    new = state_for_year(catalog, year, today=today)
    return diff_states(old, new), old, new


def _writer(kind: str) -> Callable[[DisclosureState, Path], list[Path]]:
    if kind == "inventory":
        from catalog_app.disclosure.export_inventory import write_inventory as writer
    elif kind == "definitions":
        from catalog_app.disclosure.export_definitions import write_definitions as writer
    elif kind == "compliance":
        from catalog_app.disclosure.export_compliance import write_compliance as writer
    elif kind == "dcat":
        from catalog_app.disclosure.export_dcat import write_dcat as writer
    elif kind == "datapackage":
        from catalog_app.disclosure.export_datapackage import write_datapackages as writer
    else:
        raise ValueError(f"알 수 없는 내보내기 종류입니다: {kind} (가능: {', '.join(KINDS)})")
    return writer


def _reidentification_gate(catalog: Catalog, state: DisclosureState) -> None:
    """A 공개/부분공개 list whose open columns re-identify people (k < 5) is not written without
    a recorded exception; ``force`` does not pass it (issue 14, ``privacy.gate``)."""
    from catalog_app.privacy.gate import privacy_gate

    privacy_gate(catalog, state)


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
    if kind not in KINDS:
        raise ValueError(f"알 수 없는 내보내기 종류입니다: {kind} (가능: {', '.join(KINDS)})")
    target = _target(kind, year, Path(out))
    if kind == "diff":
        return _export_diff(catalog, year, target, force=force, today=today)
    state = state_for_year(catalog, year, today=today)
    problems = validated(state, today)
    stop = blocking(problems)
    if stop and not force:
        raise ExportBlocked(problems)
    _reidentification_gate(catalog, state)
    paths = _writer(kind)(state, target)
    return ExportResult(kind, year, state.source, paths, problems, forced=bool(stop))


def _export_diff(
    catalog: Catalog, year: int, target: Path, *, force: bool, today: date | None
) -> ExportResult:
    """Last year's snapshot → year N, and/or the list against what is registered."""
    from catalog_app.disclosure.export_diff import write_diff
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
    paths = write_diff(diff, target, entries, new.registered_import)
    return ExportResult("diff", year, new.source, paths, stale, forced=bool(stale))
