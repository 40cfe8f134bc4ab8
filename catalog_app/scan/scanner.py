"""The scan job: walk roots, skip unchanged files, read the rest, write each file's results.

Incremental by fingerprint: same size and mtime means unchanged (not read at all); otherwise the
content hash decides whether the file is re-profiled. Files that vanished are marked missing, never
deleted. Progress goes to a callback; a CancelToken stops the job between files or mid-file.

The mapping is part of the job: the columns of a table read new or changed get their standard
term suggestions in the transaction that writes the file (``matching.refresh``), columns whose
content did not change keep theirs, so no figure is ever computed from a stale mapping.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from catalog_app.catalog.store import Catalog
from catalog_app.progress import Cancelled, CancelToken, ProgressCallback, ProgressEvent
from catalog_app.scan.discover import discover, fingerprint_hash
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.file_scan import scan_file
from catalog_app.scan.models import DiscoveredFile


@dataclass
class ScanSummary:
    run_id: int
    status: str  # done, cancelled
    counts: dict[str, int] = field(default_factory=dict)
    dataset_ids: list[int] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (path, code, message)
    skipped_dirs: list[str] = field(default_factory=list)
    suggested: int = 0  # columns that got a fresh suggestion (new or changed content)
    suggest_error: str | None = None  # why no suggestions could be made (Korean), if so

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _stat_error(exc: OSError) -> ScanFailure:
    if isinstance(exc, FileNotFoundError):
        return ScanFailure("not_found", str(exc))
    if isinstance(exc, PermissionError):
        return ScanFailure("permission", str(exc))
    return ScanFailure("read_error", str(exc))


def scan(
    catalog: Catalog,
    roots: list[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    force: bool = False,
    suggest: bool = True,
) -> ScanSummary:
    """Scan ``roots`` (folders or files) into ``catalog``; ``force`` re-reads unchanged files.

    ``suggest=False`` leaves new or changed columns without suggestions (``check`` and the
    exports then refuse until ``map`` runs); only benchmarks that time the reading want that.
    """
    roots = [os.path.abspath(r) for r in roots]
    cancel = cancel or CancelToken()
    emit = progress or (lambda event: None)
    run_id = catalog.start_run(roots)
    summary = ScanSummary(
        run_id,
        "done",
        dict.fromkeys(("total", "new", "changed", "unchanged", "failed", "missing"), 0),
    )
    root_ids = {root: catalog.ensure_root(root) for root in roots}
    try:
        files = list(
            discover(
                roots,
                cancel=lambda: cancel.cancelled,
                on_error=lambda p, e: summary.skipped_dirs.append(p),
            )
        )
        cancel.raise_if_cancelled()
        summary.counts["total"] = len(files)
        emit(ProgressEvent("discovered", 0, len(files)))
        suggester = _suggester(catalog) if suggest else None
        for done, file in enumerate(files, start=1):
            cancel.raise_if_cancelled()
            status = _scan_one(
                catalog, file, root_ids[file.root], run_id, summary, cancel, force, suggester
            )
            summary.counts[status] += 1
            emit(ProgressEvent("file", done, len(files), file.path, status))
        summary.counts["missing"] = catalog.mark_missing(list(root_ids.values()), run_id)
    except Cancelled:
        summary.status = "cancelled"
    except BaseException:
        # A catalog write failed (disk full, I/O error) or the process is being interrupted: the
        # run is closed as failed, files already written stay consistent.
        summary.status = "failed"
        catalog.finish_run(run_id, summary.status, summary.counts)
        raise
    catalog.finish_run(run_id, summary.status, summary.counts)
    emit(
        ProgressEvent(
            "done", summary.counts["total"] - 0, summary.counts["total"], status=summary.status
        )
    )
    return summary


def _suggester(catalog: Catalog):
    from catalog_app.matching.refresh import Suggester  # the scan package stays matching-free

    return Suggester(catalog)


def _scan_one(
    catalog: Catalog,
    file: DiscoveredFile,
    root_id: int,
    run_id: int,
    summary: ScanSummary,
    cancel: CancelToken,
    force: bool,
    suggester=None,
) -> str:
    known = catalog.dataset_by_path(file.path)
    if known is not None:
        summary.dataset_ids.append(known["id"])
        if known["root_id"] is not None and known["root_id"] != root_id:
            # Rescanning one file of a folder keeps it filed under the folder it was found in.
            root_id, file.rel_path = known["root_id"], known["rel_path"]
    if (
        known is not None
        and not force
        and known["status"] in ("ok", "missing")
        and known["error_code"] is None
        and known["size"] == file.size
        and known["mtime_ns"] == file.mtime_ns
    ):
        catalog.mark_seen(known["id"], run_id, file.size, file.mtime_ns)
        return "unchanged"
    content_hash = None
    try:
        content_hash = fingerprint_hash(file.path)
        if (
            known is not None
            and not force
            and known["error_code"] is None
            and known["content_hash"] == content_hash
        ):
            catalog.mark_seen(known["id"], run_id, file.size, file.mtime_ns)
            return "unchanged"
        overrides = catalog.header_overrides(known["id"]) if known is not None else {}
        result = scan_file(file.path, overrides, cancel)
        after = os.stat(file.path)
        if after.st_size != file.size or after.st_mtime_ns != file.mtime_ns:
            raise ScanFailure("changed", f"{file.size}->{after.st_size} bytes")
    except ScanFailure as failure:
        return _failed(catalog, file, content_hash, failure, root_id, run_id, summary)
    except OSError as exc:
        return _failed(catalog, file, content_hash, _stat_error(exc), root_id, run_id, summary)
    except Cancelled:
        raise
    except Exception as exc:  # a reader bug must not stop the whole scan
        failure = ScanFailure("read_error", f"{type(exc).__name__}: {exc}")
        return _failed(catalog, file, content_hash, failure, root_id, run_id, summary)
    hook = None
    if suggester is not None and any(t.columns for t in result.tables):
        # outside the save transaction: opening the workspace may load the dictionary
        hook = suggester if suggester.prepare() else None
    outcome = catalog.save_file_result(file, content_hash, result, root_id, run_id, suggest=hook)
    summary.suggested += outcome.suggested
    if suggester is not None and suggester.error:
        summary.suggest_error = suggester.error
    dataset_id = outcome.dataset_id
    if known is None:
        summary.dataset_ids.append(dataset_id)
        return "new"
    return "changed"


def _failed(catalog, file, content_hash, failure, root_id, run_id, summary) -> str:
    dataset_id = catalog.save_file_error(file, content_hash, failure, root_id, run_id)
    if dataset_id not in summary.dataset_ids:
        summary.dataset_ids.append(dataset_id)
    summary.failed.append((file.path, failure.code, failure.message))
    return "failed"


def override_header(
    catalog: Catalog,
    dataset_id: int,
    table_key: str,
    header: tuple[int, int] | None,
    cancel: CancelToken | None = None,
) -> ScanSummary:
    """Set (0-based first row, number of rows) or clear (None) a table's header rows and read
    the file again at once; the override is kept for every later rescan."""
    row = catalog.conn.execute("SELECT path FROM datasets WHERE id = ?", (dataset_id,)).fetchone()
    if row is None:
        raise ValueError(f"no dataset {dataset_id}")
    from catalog_app.bundle.merge import refuse_file_edit

    refuse_file_edit(catalog, dataset_id)  # a department's bundle: its file is not on this PC
    if header is None:
        catalog.clear_header_override(dataset_id, table_key)
    else:
        catalog.set_header_override(dataset_id, table_key, header[0], header[1])
    catalog.forget_fingerprint(dataset_id)
    return scan(catalog, [row["path"]], cancel=cancel)
