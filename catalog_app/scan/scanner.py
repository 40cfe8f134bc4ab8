"""The scan job: walk roots, skip unchanged files, read the rest, write each file's results.

Incremental by fingerprint: same size and mtime means unchanged (not read at all); otherwise the
content hash decides whether the file is re-profiled. Files that vanished are marked missing, never
deleted. Progress goes to a callback; a CancelToken stops the job between files or mid-file.

Nothing stops the job but the catalog itself: every failure about one file (a hostile file, a name
that is not valid Unicode, a link, a FIFO, a reader bug) becomes that file's error row, and folders
that cannot be walked become scan_errors rows (their known files are not marked missing). The job
holds the catalog's job lock (``catalog.joblock``), so a second scan or ``map`` is refused instead
of interleaving; a run that a kill left 'running' is closed as 'interrupted' by the next run, and
the file it was reading is then read in a child process (``scan.isolated``) in case it was what
killed it. Workbooks are always profiled in the reader process (``isolated.call_reader``), so a
native reader that crashes costs that file's ``reader_crash`` row, never the scan.

The mapping is part of the job: the columns of a table read new or changed get their standard
term suggestions in the transaction that writes the file (``matching.refresh``), columns whose
content did not change keep theirs, so no figure is ever computed from a stale mapping.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
from dataclasses import dataclass, field

from catalog_app.catalog.joblock import exclusive_job
from catalog_app.catalog.store import Catalog
from catalog_app.progress import Cancelled, CancelToken, ProgressCallback, ProgressEvent
from catalog_app.scan import isolated
from catalog_app.scan.discover import TooDeep, discover, fingerprint_hash
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.file_scan import scan_file
from catalog_app.scan.models import DiscoveredFile
from catalog_app.scan.names import cp949_guess, display_path

# Failures of the catalog itself (disk full, I/O error, a damaged database): they stop the job.
_CATALOG_ERRORS = (sqlite3.OperationalError, sqlite3.InternalError)


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


def _folder_failure(exc: OSError) -> ScanFailure:
    detail = display_path(str(exc))
    if isinstance(exc, TooDeep) or getattr(exc, "errno", None) in (36, 206):  # ENAMETOOLONG
        return ScanFailure("too_deep", detail)
    if isinstance(exc, FileNotFoundError):
        return ScanFailure("not_found", detail)
    return ScanFailure("folder_unreadable", detail)


@exclusive_job("scan")
def scan(
    catalog: Catalog,
    roots: list[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    force: bool = False,
    follow_links: bool = False,
    suggest: bool = True,
) -> ScanSummary:
    """Scan ``roots`` (folders or files) into ``catalog``; ``force`` re-reads unchanged files;
    ``follow_links`` reads links that lead out of the roots and walks linked folders.

    ``suggest=False`` leaves new or changed columns without suggestions (``check`` and the
    exports then refuse until ``map`` runs); only benchmarks that time the reading want that.

    Raises ``joblock.CatalogBusy`` when another job holds the catalog."""
    roots = [os.path.abspath(r) for r in roots]
    cancel = cancel or CancelToken()
    emit = progress or (lambda event: None)
    catalog.close_interrupted_runs()
    suspects = catalog.suspect_files()
    run_id = catalog.start_run([display_path(r) for r in roots])
    summary = ScanSummary(
        run_id,
        "done",
        dict.fromkeys(("total", "new", "changed", "unchanged", "failed", "missing"), 0),
    )
    root_ids = {root: catalog.ensure_root(display_path(root)) for root in roots}
    folders: list[tuple[str, OSError]] = []
    try:
        files = list(
            discover(
                roots,
                cancel=lambda: cancel.cancelled,
                on_error=lambda p, e: folders.append((p, e)),
                follow_links=follow_links,
            )
        )
        cancel.raise_if_cancelled()
        for path, exc in folders:
            shown = display_path(path)
            summary.skipped_dirs.append(shown)
            failure = _folder_failure(exc)
            catalog.record_folder_error(run_id, shown, failure)
            summary.failed.append((shown, failure.code, failure.message))
        summary.counts["total"] = len(files)
        emit(ProgressEvent("discovered", 0, len(files)))
        suggester = _suggester(catalog) if suggest else None
        for done, file in enumerate(files, start=1):
            cancel.raise_if_cancelled()
            root_id = root_ids[file.root]
            status = _scan_one(
                catalog, file, root_id, run_id, summary, cancel, force, suspects, suggester
            )
            summary.counts[status] += 1
            emit(ProgressEvent("file", done, len(files), display_path(file.path), status))
        summary.counts["missing"] = catalog.mark_missing(
            list(root_ids.values()), run_id, keep=summary.skipped_dirs
        )
    except Cancelled:
        summary.status = "cancelled"
    except BaseException:
        # A catalog write failed (disk full, I/O error) or the process is being interrupted: the
        # run is closed as failed, files already written stay consistent.
        summary.status = "failed"
        with contextlib.suppress(*_CATALOG_ERRORS):  # else the next run closes it as interrupted
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
    suspects: set[str] = frozenset(),  # type: ignore[assignment]
    suggester=None,
) -> str:
    """One file, whatever happens to it: its status ('new', 'changed', 'unchanged', 'failed').

    The catalog keeps the file under :func:`display_path` (escaped when the name is not valid
    Unicode); it is read through its real name."""
    shown = display_path(file.path)
    record = file
    if shown != file.path or display_path(file.rel_path) != file.rel_path:
        record = dataclasses.replace(file, path=shown, rel_path=display_path(file.rel_path))
    try:
        if file.problem is not None:
            failure = ScanFailure(file.problem, display_path(file.problem_detail))
            return _failed(catalog, record, None, failure, root_id, run_id, summary)
        return _read_one(
            catalog, file, record, root_id, run_id, summary, cancel, force, suspects, suggester
        )
    except (Cancelled, *_CATALOG_ERRORS):
        raise
    except Exception as exc:  # anything else about this one file must not stop the scan
        failure = ScanFailure("read_error", f"{type(exc).__name__}: {display_path(str(exc))}")
        try:
            return _failed(catalog, record, None, failure, root_id, run_id, summary)
        except (Cancelled, *_CATALOG_ERRORS):
            raise
        except Exception:
            summary.failed.append((shown, failure.code, failure.message))
            return "failed"


def _read_one(
    catalog, file, record, root_id, run_id, summary, cancel, force, suspects, suggester
) -> str:
    known = catalog.dataset_by_path(record.path)
    if known is not None:
        summary.dataset_ids.append(known["id"])
        if known["root_id"] is not None and known["root_id"] != root_id:
            # Rescanning one file of a folder keeps it filed under the folder it was found in.
            root_id, record.rel_path = known["root_id"], known["rel_path"]
    same_size = known is not None and (known["size"], known["mtime_ns"]) == (
        file.size,
        file.mtime_ns,
    )
    if (
        known is not None
        and not force
        and known["status"] in ("ok", "missing")
        and known["error_code"] is None
        and same_size
    ):
        catalog.mark_seen(known["id"], run_id, file.size, file.mtime_ns)
        return "unchanged"
    # A file whose last read crashed the reader is not tried again until it changes (or --force).
    crashed = known is not None and known["error_code"] == "reader_crash"
    if crashed and same_size and not force:
        catalog.mark_seen(known["id"], run_id, file.size, file.mtime_ns)
        summary.failed.append((record.path, "reader_crash", known["error_message"]))
        return "failed"
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
        catalog.set_current_file(run_id, record.path)
        if record.path in suspects or crashed:
            try:
                result = isolated.scan_file_isolated(file.path, overrides, cancel)
            finally:
                catalog.clear_suspect(record.path)  # its outcome is a row now, either way
        else:
            result = scan_file(file.path, overrides, cancel)
        after = os.stat(file.path)
        if after.st_size != file.size or after.st_mtime_ns != file.mtime_ns:
            raise ScanFailure("changed", f"{file.size}->{after.st_size} bytes")
    except ScanFailure as failure:
        return _failed(catalog, record, content_hash, failure, root_id, run_id, summary)
    except OSError as exc:
        return _failed(catalog, record, content_hash, _stat_error(exc), root_id, run_id, summary)
    except Cancelled:
        raise
    except Exception as exc:  # a reader bug must not stop the whole scan
        failure = ScanFailure("read_error", f"{type(exc).__name__}: {exc}")
        return _failed(catalog, record, content_hash, failure, root_id, run_id, summary)
    if record is not file:
        guess = cp949_guess(file.path)
        result.warnings.append(
            "파일 이름이 올바른 유니코드가 아니어서(다른 인코딩으로 저장된 이름) 바이트를 "
            "\\x 표기로 바꾸어 보여 줍니다."
            + (f" CP949로 읽으면 '{guess}'입니다." if guess else "")
        )
    hook = None
    if suggester is not None and any(t.columns for t in result.tables):
        # outside the save transaction: opening the workspace may load the dictionary
        hook = suggester if suggester.prepare() else None
    outcome = catalog.save_file_result(record, content_hash, result, root_id, run_id, suggest=hook)
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
