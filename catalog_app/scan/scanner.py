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
import functools
import os
import sqlite3
from dataclasses import dataclass, field

from catalog_app.catalog.joblock import exclusive_job
from catalog_app.catalog.store import Catalog
from catalog_app.progress import Cancelled, CancelToken, ProgressCallback, ProgressEvent
from catalog_app.scan import isolated, pool
from catalog_app.scan.discover import TooDeep, discover, fingerprint_hash
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.file_scan import scan_file
from catalog_app.scan.models import DiscoveredFile
from catalog_app.scan.names import cp949_guess, display_path
from catalog_app.scan.read_job import ReadOutcome, read_file

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
        run = _Run(catalog, run_id, summary, cancel, force, suspects, suggester, emit, len(files))
        workers = WORKERS if WORKERS is not None else pool.default_workers()
        if workers > 1 and _to_read(catalog, files, force) >= pool.MIN_FILES:
            _scan_pooled(run, files, root_ids, workers)
        else:
            for file in files:
                cancel.raise_if_cancelled()
                run.count(file, _scan_one(run, file, root_ids[file.root]))
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


# Scans with this many workers (None: one per core, see scan.pool); 1 reads every file here.
WORKERS: int | None = None


@dataclass
class _Run:
    """What every file of one scan run shares."""

    catalog: Catalog
    run_id: int
    summary: ScanSummary
    cancel: CancelToken
    force: bool
    suspects: set[str]
    suggester: object
    emit: ProgressCallback
    total: int
    done: int = 0

    def count(self, file: DiscoveredFile, status: str) -> None:
        self.summary.counts[status] += 1
        self.done += 1
        self.emit(ProgressEvent("file", self.done, self.total, display_path(file.path), status))


@dataclass
class _Job:
    """A file that must be read: the catalog's row for it and how it is to be read."""

    file: DiscoveredFile  # as found (the real name)
    record: DiscoveredFile  # as stored (display path)
    root_id: int
    known: sqlite3.Row | None
    known_hash: str | None  # the hash that makes it 'unchanged' (None: read it anyway)
    crashed: bool
    overrides: dict


def _record(file: DiscoveredFile) -> DiscoveredFile:
    """The file as the catalog keeps it: under :func:`display_path` (escaped when the name is
    not valid Unicode); it is read through its real name."""
    if display_path(file.path) != file.path or display_path(file.rel_path) != file.rel_path:
        return dataclasses.replace(
            file, path=display_path(file.path), rel_path=display_path(file.rel_path)
        )
    return file


def _guarded(run: _Run, file: DiscoveredFile, record: DiscoveredFile, root_id: int, step) -> str:
    """``step()``, and whatever happens to this one file becomes its row: its status."""
    try:
        return step()
    except (Cancelled, *_CATALOG_ERRORS):
        raise
    except Exception as exc:  # anything else about this one file must not stop the scan
        failure = ScanFailure("read_error", f"{type(exc).__name__}: {display_path(str(exc))}")
        try:
            return _failed(run.catalog, record, None, failure, root_id, run.run_id, run.summary)
        except (Cancelled, *_CATALOG_ERRORS):
            raise
        except Exception:
            run.summary.failed.append((record.path, failure.code, failure.message))
            return "failed"


def _scan_one(run: _Run, file: DiscoveredFile, root_id: int) -> str:
    """One file, whatever happens to it: its status ('new', 'changed', 'unchanged', 'failed')."""
    record = _record(file)

    def step() -> str:
        job = _prepare(run, file, record, root_id)
        if isinstance(job, str):
            return job
        return _finish(run, job, _read_here(run, job))

    return _guarded(run, file, record, root_id, step)


def _same_stat(known, file: DiscoveredFile) -> bool:
    return known is not None and (known["size"], known["mtime_ns"]) == (file.size, file.mtime_ns)


def _to_read(catalog: Catalog, files: list[DiscoveredFile], force: bool) -> int:
    """How many of ``files`` a scan will have to open (new, or size or mtime changed)."""
    n = 0
    for file in files:
        if file.problem is not None:
            continue
        known = catalog.dataset_by_path(display_path(file.path))
        n += force or not _same_stat(known, file) or known["error_code"] is not None
    return n


def _prepare(run: _Run, file, record, root_id) -> str | _Job:
    """What the catalog says about the file: a final status (unchanged, a listed problem, a
    crash not to be retried) or the :class:`_Job` of reading it."""
    catalog, summary = run.catalog, run.summary
    if file.problem is not None:
        failure = ScanFailure(file.problem, display_path(file.problem_detail))
        return _failed(catalog, record, None, failure, root_id, run.run_id, summary)
    known = catalog.dataset_by_path(record.path)
    if known is not None:
        summary.dataset_ids.append(known["id"])
        if known["root_id"] is not None and known["root_id"] != root_id:
            # Rescanning one file of a folder keeps it filed under the folder it was found in.
            root_id, record.rel_path = known["root_id"], known["rel_path"]
    same_size = _same_stat(known, file)
    if (
        known is not None
        and not run.force
        and known["status"] in ("ok", "missing")
        and known["error_code"] is None
        and same_size
    ):
        catalog.mark_seen(known["id"], run.run_id, file.size, file.mtime_ns)
        return "unchanged"
    # A file whose last read crashed the reader is not tried again until it changes (or --force).
    crashed = known is not None and known["error_code"] == "reader_crash"
    if crashed and same_size and not run.force:
        catalog.mark_seen(known["id"], run.run_id, file.size, file.mtime_ns)
        summary.failed.append((record.path, "reader_crash", known["error_message"]))
        return "failed"
    known_hash = None
    if known is not None and not run.force and known["error_code"] is None:
        known_hash = known["content_hash"]
    overrides = catalog.header_overrides(known["id"]) if known is not None else {}
    return _Job(file, record, root_id, known, known_hash, crashed, overrides)


def _suspect(run: _Run, job: _Job) -> bool:
    return job.record.path in run.suspects or job.crashed


def _read_here(run: _Run, job: _Job) -> ReadOutcome:
    """Read the job's file in this process (a suspect in a child of its own)."""
    run.catalog.set_current_file(run.run_id, job.record.path)
    suspect = _suspect(run, job)
    reader = isolated.scan_file_isolated if suspect else scan_file
    try:
        return read_file(
            job.file.path,
            job.known_hash,
            job.overrides,
            job.file.size,
            job.file.mtime_ns,
            hasher=fingerprint_hash,
            reader=reader,
            cancel=run.cancel,
        )
    finally:
        if suspect:
            run.catalog.clear_suspect(job.record.path)  # its outcome is a row now, either way


def _scan_pooled(run: _Run, files: list[DiscoveredFile], root_ids: dict, workers: int) -> None:
    """The files that must be read go to a pool of reader processes; this process decides,
    writes every result and reports progress as the workers finish."""
    jobs: list[_Job] = []
    for file in files:
        run.cancel.raise_if_cancelled()
        record = _record(file)
        root_id = root_ids[file.root]
        prepare = functools.partial(_prepare, run, file, record, root_id)
        outcome = _guarded(run, file, record, root_id, prepare)
        if isinstance(outcome, _Job):
            jobs.append(outcome)
        else:
            run.count(file, outcome)
    # Suspects (a killed run was reading them, or their last read crashed) are read as in a
    # one-process scan: each in a child of its own, cleared once they are a row.
    for job in [j for j in jobs if _suspect(run, j)]:
        run.cancel.raise_if_cancelled()
        step = functools.partial(_finish, run, job)
        run.count(
            job.file,
            _guarded(
                run, job.file, job.record, job.root_id, lambda s=step, j=job: s(_read_here(run, j))
            ),
        )
    jobs = [j for j in jobs if not _suspect(run, j)]
    if not jobs:
        return

    def args(job: _Job) -> tuple:
        f = job.file
        return (f.path, job.known_hash, job.overrides, f.size, f.mtime_ns)

    def started(job: _Job) -> None:
        run.catalog.set_current_file(run.run_id, job.record.path)

    def finished(job: _Job, outcome: ReadOutcome) -> None:
        step = functools.partial(_finish, run, job, outcome)
        run.count(job.file, _guarded(run, job.file, job.record, job.root_id, step))

    handled: set[int] = set()
    try:
        with pool.ReaderPool(workers, pool.READER) as readers:
            for job, outcome in readers.run(jobs, args, run.cancel, started):
                handled.add(id(job))
                finished(job, outcome)
    except pool.PoolUnavailable:  # no child process here (any more): read the rest in process
        for job in jobs:
            if id(job) not in handled:
                run.cancel.raise_if_cancelled()
                finished(job, _read_here(run, job))


def _finish(run: _Run, job: _Job, outcome: ReadOutcome) -> str:
    """Write what reading the file gave; its status."""
    catalog, summary = run.catalog, run.summary
    record, file, known, root_id = job.record, job.file, job.known, job.root_id
    if outcome.status == "unchanged":
        catalog.mark_seen(known["id"], run.run_id, file.size, file.mtime_ns)
        return "unchanged"
    if outcome.status == "failed":
        failure = outcome.scan_failure()
        return _failed(catalog, record, outcome.content_hash, failure, root_id, run.run_id, summary)
    result = outcome.result
    if record is not file:
        guess = cp949_guess(file.path)
        result.warnings.append(
            "파일 이름이 올바른 유니코드가 아니어서(다른 인코딩으로 저장된 이름) 바이트를 "
            "\\x 표기로 바꾸어 보여 줍니다."
            + (f" CP949로 읽으면 '{guess}'입니다." if guess else "")
        )
    hook = None
    suggester = run.suggester
    if suggester is not None and any(t.columns for t in result.tables):
        # outside the save transaction: opening the workspace may load the dictionary
        hook = suggester if suggester.prepare() else None
    saved = catalog.save_file_result(
        record, outcome.content_hash, result, root_id, run.run_id, suggest=hook
    )
    summary.suggested += saved.suggested
    if suggester is not None and suggester.error:
        summary.suggest_error = suggester.error
    if known is None:
        summary.dataset_ids.append(saved.dataset_id)
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
