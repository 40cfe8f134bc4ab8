"""The diagnosis job: plan, read every dataset again, count, store — with progress and cancel.

It holds the catalog's job lock (``catalog.joblock``, job ``quality``): a scan that rewrote a
file's columns halfway through would leave findings describing a file the catalog no longer
has, and two runs would interleave their results. Each dataset's results are written in one
short transaction as soon as it is read, so a cancelled run keeps what it finished, and the lock
is the one a scan or ``map`` already respects (they are refused with a Korean message naming the
job). Small edits (a business rule, a fix-log mark) take no lock, like decisions.

Like ``check`` and the exports, the run refuses while columns lack a current standard term
suggestion (``jobs.mapping_trust``): the domain rules depend on the mapping (``force`` runs anyway
and says how many columns were without one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from catalog_app.catalog.joblock import exclusive_job
from catalog_app.catalog.store import Catalog
from catalog_app.progress import Cancelled, CancelToken, ProgressEvent

__all__ = ["QualityRefused", "QualitySummary", "run_quality"]


class QualityRefused(RuntimeError):
    """The run would not be trustworthy (Korean message)."""


@dataclass
class QualitySummary:
    run_id: int
    status: str  # done, cancelled
    datasets: int = 0
    diagnosed: int = 0
    failed: list[dict] = field(default_factory=list)  # [{dataset_id, path, message}]
    skipped: list[dict] = field(default_factory=list)
    checked: int = 0
    errors: int = 0
    unsuggested: int = 0
    unrunnable: int = 0

    def as_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "status": self.status,
            "datasets": self.datasets,
            "diagnosed": self.diagnosed,
            "failed": self.failed,
            "skipped": self.skipped,
            "checked": self.checked,
            "errors": self.errors,
            "unsuggested": self.unsuggested,
            "unrunnable": self.unrunnable,
        }


@exclusive_job("quality")
def run_quality(
    catalog: Catalog,
    *,
    dataset_ids: list[int] | None = None,
    progress: Callable[[ProgressEvent], None] | None = None,
    cancel: CancelToken | None = None,
    force: bool = False,
    who: str | None = None,
    today: date | None = None,
) -> QualitySummary:
    """Diagnose every readable dataset (or ``dataset_ids``); raises :class:`QualityRefused`
    while suggestions are missing (unless ``force``) and ``joblock.CatalogBusy`` when another
    job holds the catalog."""
    from catalog_app.codelists import CodeListStore
    from catalog_app.dictionary.institution import current_user
    from catalog_app.matching.jobs import mapping_trust, unsuggested_message
    from catalog_app.quality.plan import build_plans, code_lists_for
    from catalog_app.quality.store import QualityStore
    from catalog_app.quality.stream import diagnose_dataset

    emit = progress or (lambda event: None)
    cancel = cancel or CancelToken()
    trust = mapping_trust(catalog.conn)
    if trust.unsuggested and not force:
        raise QualityRefused(
            unsuggested_message(trust.unsuggested).replace(
                "표준 준수율", "품질진단 결과(도메인 규칙)"
            )
        )
    store = QualityStore(catalog)
    store.close_interrupted()
    plans, skipped = build_plans(catalog, dataset_ids, today)
    run_id = store.start_run(who or current_user(), len(plans) + len(skipped))
    summary = QualitySummary(
        run_id, "done", len(plans) + len(skipped), unsuggested=trust.unsuggested
    )
    summary.skipped = skipped
    store.save_skipped(run_id, skipped)
    codes = CodeListStore(catalog)
    emit(ProgressEvent("discovered", 0, len(plans)))
    try:
        for done, plan in enumerate(plans, start=1):
            cancel.raise_if_cancelled()
            emit(ProgressEvent("file", done - 1, len(plans), plan.path, "reading"))
            outcome = diagnose_dataset(plan, code_lists_for(plan, codes), cancel, today)
            cancel.raise_if_cancelled()
            saved = store.save(run_id, plan, outcome)
            summary.unrunnable += saved.unrunnable
            if outcome.status == "ok":
                summary.diagnosed += 1
                summary.checked += saved.checked
                summary.errors += saved.errors
            else:
                summary.failed.append(
                    {"dataset_id": plan.dataset_id, "path": plan.path, "message": outcome.message}
                )
            emit(ProgressEvent("file", done, len(plans), plan.path, outcome.status))
    except Cancelled:
        summary.status = "cancelled"
    except BaseException:
        store.finish_run(run_id, "failed")
        raise
    store.finish_run(run_id, summary.status)
    emit(ProgressEvent("done", len(plans), len(plans), status=summary.status))
    return summary
