"""The re-identification gate of the disclosure exports.

``disclosure.export.export`` calls :func:`privacy_gate` after validation: a 공개/부분공개 dataset
whose open columns give k < 5 (or whose file cannot be read again to tell) stops the export —
whatever ``--force`` says — until the columns are treated (범주화, 비공개 …) or an exception is
recorded with who, when and why (``privacy allow``; ``PrivacyDesk.allow``). The problems are
ordinary validation problems (codes P02, P03), so the CLI and the window show them as they show
the others.
"""

from __future__ import annotations

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.model import DisclosureState, Problem
from catalog_app.disclosure.validate import ERROR, ExportBlocked
from catalog_app.privacy.reident import BELOW_K, TableCheck, check_state

__all__ = ["ReidentificationBlocked", "gate_problems", "privacy_gate"]


class ReidentificationBlocked(ExportBlocked):
    """An export stopped by the re-identification check; ``--force`` does not pass it."""

    def __init__(self, problems, checks: list[TableCheck]):
        super().__init__(problems)
        self.checks = checks
        self.args = (
            f"재식별 위험 {len(self.blocking)}건 때문에 내보내지 않았습니다(--force로는 넘길 수 "
            "없습니다). 컬럼을 범주화하거나 비공개로 바꾸거나, 예외로 내보내려면 이유를 기록하세요: "
            "catalog-app privacy allow 데이터셋 --table 표 --reason 이유",
        )


def gate_problems(checks: list[TableCheck]) -> list[Problem]:
    """One blocking problem per table the check stops."""
    problems = []
    for c in checks:
        if not c.blocking:
            continue
        code = "P02" if c.status == BELOW_K else "P03"
        where = f"[{c.dataset}] 표 '{c.sheet}'"
        problems.append(
            Problem(
                ERROR,
                code,
                f"{where}: {c.message}",
                dataset_key=c.path,
                dataset_name=c.dataset,
                dataset_id=c.dataset_id,
                level="dataset",
                field="openness",
                field_label="공개여부",
                table_key=c.table,
            )
        )
    return problems


def privacy_gate(catalog: Catalog, state: DisclosureState) -> list[TableCheck]:
    """Raise :class:`ReidentificationBlocked` when a table stops the export; else the checks."""
    checks = check_state(catalog, state)
    problems = gate_problems(checks)
    if problems:
        raise ReidentificationBlocked(problems, checks)
    return checks
