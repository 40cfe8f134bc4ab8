"""`bundle merge`: fold department bundles into the institution catalog.

:func:`merge_bundle` is the one place a bundle is written into a catalog (a writer lock, when the
catalog gets one, wraps this function). Per bundle:

1. a private copy is verified (SQLite, a bundle, not from a newer app, content hash) — a bad file
   is refused with a Korean message and nothing is written;
2. a bundle already merged (same content hash) or older than the department's merged one is
   skipped: merging twice changes nothing;
3. conflicts are looked for (``bundle.conflicts``); a blocking one keeps the bundle out, and every
   conflict is recorded in the review queue;
4. otherwise the department's datasets are replaced by the bundle's in ONE transaction: a
   dataset keeps its id when its path comes back, a column its id when its (table key, label,
   occurrence) does, so links, the intranet page and central notes stay put; datasets the
   department no longer has are removed. The bundle's rows are copied set-wise by SQL from the
   attached copy (no row passes through Python), which keeps 1M columns within a minute and the
   memory flat.

Merged datasets carry ``bundle_id`` (provenance: department, who made the bundle, when), have
no scan root here (a scan of this PC never marks them missing) and their folder is prefixed with
the department, so 준수율 by department, validation and the exports see them as any other.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from catalog_app.bundle.conflicts import find_conflicts, queue_terms, record
from catalog_app.bundle.format import BundleError, BundleInfo, OpenedBundle
from catalog_app.catalog.joblock import exclusive_job
from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.institution import current_user
from catalog_app.progress import CancelToken, ProgressEvent

MERGE_CACHE_KIB = -65536  # 64 MiB of SQLite page cache while a bundle is merged


@dataclass
class MergeOutcome:
    """What happened to one bundle file."""

    bundle: str
    status: str  # merged, skipped, conflict, failed
    department: str = ""
    datasets: int = 0
    columns: int = 0
    removed: int = 0  # datasets of the department's older bundle it no longer has
    reason: str = ""  # skipped: already_merged, older; failed: the BundleError code
    message: str = ""
    conflicts: list[dict] = field(default_factory=list)
    queued_terms: int = 0


@dataclass
class MergeReport:
    outcomes: list[MergeOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.status in ("merged", "skipped") for o in self.outcomes)

    def as_dict(self) -> dict:
        """The ``bundle merge --json`` contract (keys are only ever added)."""
        return {
            "merged": [
                {
                    "bundle": o.bundle,
                    "department": o.department,
                    "datasets": o.datasets,
                    "columns": o.columns,
                    "removed": o.removed,
                    "queued_terms": o.queued_terms,
                }
                for o in self.outcomes
                if o.status == "merged"
            ],
            "skipped": [
                {
                    "bundle": o.bundle,
                    "department": o.department,
                    "reason": o.reason,
                    "message": o.message,
                }
                for o in self.outcomes
                if o.status == "skipped"
            ],
            "conflicts": [c for o in self.outcomes for c in o.conflicts],
            "not_merged": [
                {"bundle": o.bundle, "department": o.department, "message": o.message}
                for o in self.outcomes
                if o.status == "conflict"
            ],
            "failed": [
                {"bundle": o.bundle, "code": o.reason, "message": o.message}
                for o in self.outcomes
                if o.status == "failed"
            ],
        }


@exclusive_job("merge")  # one writer job per catalog: never beside a scan or map
def merge_bundles(
    catalog: Catalog,
    paths: Sequence[str | os.PathLike],
    *,
    who: str | None = None,
    progress: Callable[[ProgressEvent], None] | None = None,
    cancel: CancelToken | None = None,
) -> MergeReport:
    """Merge each file in turn (one transaction each); cancel between bundles."""
    report = MergeReport()
    emit = progress or (lambda e: None)
    for done, path in enumerate(paths):
        if cancel is not None:
            cancel.raise_if_cancelled()
        emit(ProgressEvent("file", done, len(paths), str(path)))
        report.outcomes.append(merge_bundle(catalog, path, who=who))
    emit(ProgressEvent("done", len(paths), len(paths)))
    return report


@exclusive_job("merge")
def merge_bundle(
    catalog: Catalog, path: str | os.PathLike, *, who: str | None = None
) -> MergeOutcome:
    """Merge one bundle file; never raises for a bad file (the outcome says why)."""
    who = who or current_user()
    try:
        opened = OpenedBundle(path)
    except BundleError as exc:
        return MergeOutcome(str(path), "failed", reason=exc.code, message=str(exc))
    except OSError as exc:
        return MergeOutcome(
            str(path), "failed", reason="read_error", message=f"꾸러미를 읽을 수 없습니다: {exc}"
        )
    with opened:
        # a merge writes into big indexes (labels, full text) at random places: a larger page
        # cache for its duration halves the commit at a million columns; memory stays bounded
        old = catalog.conn.execute("PRAGMA cache_size").fetchone()[0]
        catalog.conn.execute(f"PRAGMA cache_size = {MERGE_CACHE_KIB}")
        try:
            return _merge_opened(catalog, opened, who)
        finally:
            catalog.conn.execute(f"PRAGMA cache_size = {old}")


def _skip(catalog: Catalog, info: BundleInfo) -> MergeOutcome | None:
    """Already merged (the department's current bundle), or older than it: nothing to do."""
    conn = catalog.conn
    current = conn.execute(
        "SELECT sha256, created_at, merged_at FROM bundle_merges WHERE department = ? "
        "AND status = 'merged'",
        (info.department,),
    ).fetchone()
    base = MergeOutcome(str(info.path), "skipped", info.department)
    if current is not None and current["sha256"] == info.sha256:
        base.reason = "already_merged"
        base.message = f"이미 합친 꾸러미입니다 ({info.department}, {current['merged_at']})."
        return base
    replaced = conn.execute(
        "SELECT department FROM bundle_merges WHERE sha256 = ?", (info.sha256,)
    ).fetchone()
    if current is not None and (current["created_at"] >= info.created_at or replaced):
        base.reason = "older"
        base.message = (
            f"{info.department}의 더 새로운 꾸러미({current['created_at'][:19]})가 이미 합쳐져 "
            f"있어 이 꾸러미({info.created_at[:19]})는 합치지 않았습니다."
        )
        return base
    if replaced is not None:  # merged once under another department name
        base.reason = "already_merged"
        base.message = f"이미 합친 꾸러미입니다 ({replaced['department']})."
        return base
    return None


def _merge_opened(catalog: Catalog, opened: OpenedBundle, who: str) -> MergeOutcome:
    from catalog_app.dictionary.store import DictionaryStore
    from catalog_app.disclosure.metadata import MetadataStore

    info = opened.info
    skipped = _skip(catalog, info)
    if skipped is not None:
        return skipped
    edition = DictionaryStore(catalog).ensure_shipped().key
    org = MetadataStore(catalog).institution().get("name", "")
    conn = catalog.conn
    conn.execute("ATTACH DATABASE ? AS b", (str(opened.copy),))
    try:
        with catalog.transaction():
            conflicts = find_conflicts(conn, info, edition, org)
            record(conn, info, conflicts)
            listed = [c.as_dict(info) for c in conflicts]
            if any(c.blocking for c in conflicts):
                names = ", ".join(sorted({c.kind for c in conflicts if c.blocking}))
                return MergeOutcome(
                    str(info.path),
                    "conflict",
                    info.department,
                    message=f"{info.department} 꾸러미를 합치지 않았습니다: 충돌 {names}",
                    conflicts=listed,
                )
            queued = queue_terms(conn, info, conflicts, who)
            outcome = _copy(conn, info, who)
            outcome.conflicts = listed
            outcome.queued_terms = queued
        return outcome
    finally:
        conn.execute("DETACH DATABASE b")


def _folder(department: str) -> str:
    return department.replace("/", "_").replace("\\", "_").strip() or "부서"


def _copy(conn, info: BundleInfo, who: str) -> MergeOutcome:
    """Replace the department's datasets by the bundle's (inside the caller's transaction)."""
    dept = info.department
    prefix = _folder(dept)
    previous = [r[0] for r in conn.execute(
        "SELECT id FROM bundle_merges WHERE department = ?", (dept,)
    )]  # fmt: skip
    conn.execute(
        "UPDATE bundle_merges SET status = 'replaced' WHERE department = ? AND status = 'merged'",
        (dept,),
    )
    bundle_id = conn.execute(
        """INSERT INTO bundle_merges (department, sha256, created_at, created_by, app_version,
           format, schema_version, edition, release_version, institution, file_name, datasets,
           columns, merged_at, merged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            dept, info.sha256, info.created_at, info.created_by, info.app_version, info.format,
            info.schema_version, info.edition, info.release_version, info.institution,
            info.path.name, info.counts.get("datasets", 0), info.counts.get("columns", 0),
            now_iso(), who,
        ),
    ).lastrowid  # fmt: skip
    x = conn.execute
    x("DROP TABLE IF EXISTS temp.ds_map")
    x("DROP TABLE IF EXISTS temp.ck_map")
    x("CREATE TEMP TABLE ds_map (bid INTEGER PRIMARY KEY, cid INTEGER NOT NULL, kept INTEGER)")
    x("CREATE TEMP TABLE ck_map (bid INTEGER PRIMARY KEY, cid INTEGER NOT NULL, kept INTEGER)")
    marks = ", ".join("?" for _ in previous) or "NULL"
    # datasets of the department the bundle no longer has
    gone = [r[0] for r in x(
        f"""SELECT id FROM main.datasets WHERE bundle_id IN ({marks})
            AND path NOT IN (SELECT path FROM b.datasets)""",
        previous,
    )]  # fmt: skip
    kept_ids = [r[0] for r in x(
        f"""INSERT INTO ds_map (bid, cid, kept) SELECT bd.id, d.id, 1 FROM b.datasets bd
            JOIN main.datasets d ON d.path = bd.path WHERE d.bundle_id IN ({marks})
            RETURNING cid""",
        previous,
    )]  # fmt: skip
    stale = gone + kept_ids
    if stale:
        # one pass over the search index (its dataset_id is not indexed), then the contents
        x("CREATE TEMP TABLE IF NOT EXISTS stale_ds (id INTEGER PRIMARY KEY)")
        x("DELETE FROM stale_ds")
        conn.executemany("INSERT INTO stale_ds VALUES (?)", [(i,) for i in stale])
        if _has_fts(conn):
            x("DELETE FROM main.search_index WHERE dataset_id IN (SELECT id FROM stale_ds)")
        x("DELETE FROM main.columns WHERE dataset_id IN (SELECT id FROM stale_ds)")
        x("DELETE FROM main.tables WHERE dataset_id IN (SELECT id FROM stale_ds)")
        x("DELETE FROM main.column_mappings WHERE dataset_id IN (SELECT id FROM stale_ds)")
        x("DELETE FROM main.disclosure_meta WHERE dataset_id IN (SELECT id FROM stale_ds)")
        x(
            """DELETE FROM main.datasets WHERE id IN (SELECT id FROM stale_ds)
               AND id NOT IN (SELECT cid FROM ds_map)"""
        )
    # datasets: update the kept ones, insert the new ones
    x(
        """UPDATE main.datasets SET rel_path = :p || '/' || bd.rel_path,
               name = bd.name, folder = CASE WHEN bd.folder = '' THEN :p ELSE :p || '/' || bd.folder END,
               ext = bd.ext, real_format = bd.real_format, size = bd.size, mtime_ns = bd.mtime_ns,
               content_hash = bd.content_hash, encoding = bd.encoding,
               encoding_method = bd.encoding_method, delimiter = bd.delimiter, status = bd.status,
               error_code = bd.error_code, error_message = bd.error_message,
               warnings = bd.warnings, flags = bd.flags, table_count = bd.table_count,
               scanned_at = bd.scanned_at, missing_since = bd.missing_since, root_id = NULL,
               bundle_id = :bundle
           FROM b.datasets bd JOIN ds_map m ON m.bid = bd.id WHERE main.datasets.id = m.cid""",
        {"p": prefix, "bundle": bundle_id},
    )
    x(
        """INSERT INTO main.datasets (root_id, path, rel_path, name, folder, ext, real_format,
               size, mtime_ns, content_hash, encoding, encoding_method, delimiter, status,
               error_code, error_message, warnings, flags, table_count, scanned_at,
               missing_since, bundle_id)
           SELECT NULL, bd.path, :p || '/' || bd.rel_path, bd.name,
               CASE WHEN bd.folder = '' THEN :p ELSE :p || '/' || bd.folder END, bd.ext,
               bd.real_format, bd.size, bd.mtime_ns, bd.content_hash, bd.encoding,
               bd.encoding_method, bd.delimiter, bd.status, bd.error_code, bd.error_message,
               bd.warnings, bd.flags, bd.table_count, bd.scanned_at, bd.missing_since, :bundle
           FROM b.datasets bd WHERE bd.id NOT IN (SELECT bid FROM ds_map) ORDER BY bd.id""",
        {"p": prefix, "bundle": bundle_id},
    )
    x(
        """INSERT INTO ds_map (bid, cid, kept) SELECT bd.id, d.id, 0 FROM b.datasets bd
           JOIN main.datasets d ON d.path = bd.path WHERE bd.id NOT IN (SELECT bid FROM ds_map)"""
    )
    # column identities: the known ones keep their id, new ones get fresh ids
    x(
        """INSERT INTO ck_map (bid, cid, kept) SELECT bk.id, k.id, 1 FROM b.column_keys bk
           JOIN ds_map m ON m.bid = bk.dataset_id AND m.kept = 1
           JOIN main.column_keys k ON k.dataset_id = m.cid AND k.table_key = bk.table_key
                AND k.label = bk.label AND k.occurrence = bk.occurrence"""
    )
    if kept_ids:  # identities of kept datasets the bundle no longer has (cascades)
        x(
            """DELETE FROM main.column_keys WHERE dataset_id IN (SELECT id FROM stale_ds)
               AND id NOT IN (SELECT cid FROM ck_map)"""
        )
        x("DELETE FROM main.column_match WHERE column_id IN (SELECT cid FROM ck_map)")
    key_offset = x("SELECT COALESCE(MAX(id), 0) FROM main.column_keys").fetchone()[0]
    x(
        """INSERT INTO ck_map (bid, cid, kept) SELECT bk.id, bk.id + ?, 0 FROM b.column_keys bk
           WHERE bk.id NOT IN (SELECT bid FROM ck_map)""",
        (key_offset,),
    )
    x(
        """INSERT INTO main.column_keys (id, dataset_id, table_key, label, occurrence)
           SELECT c.cid, m.cid, bk.table_key, bk.label, bk.occurrence FROM b.column_keys bk
           JOIN ck_map c ON c.bid = bk.id AND c.kept = 0 JOIN ds_map m ON m.bid = bk.dataset_id"""
    )
    table_offset = x("SELECT COALESCE(MAX(id), 0) FROM main.tables").fetchone()[0]
    x(
        """INSERT INTO main.tables (id, dataset_id, table_index, sheet_name, table_key, hidden,
               header_row, header_rows, data_row, header_source, first_col, column_count,
               row_count, blank_rows, total_rows, footnote_rows, ragged_rows, warnings)
           SELECT bt.id + ?, m.cid, bt.table_index, bt.sheet_name, bt.table_key, bt.hidden,
               bt.header_row, bt.header_rows, bt.data_row, bt.header_source, bt.first_col,
               bt.column_count, bt.row_count, bt.blank_rows, bt.total_rows, bt.footnote_rows,
               bt.ragged_rows, bt.warnings
           FROM b.tables bt JOIN ds_map m ON m.bid = bt.dataset_id""",
        (table_offset,),
    )
    content = """label, inferred_type, type_share, value_count, null_count, null_ratio,
        distinct_count, distinct_exact, min_value, max_value, max_len_chars, max_len_bytes,
        decimal_places, date_format, pattern, pattern_share, top_values, samples, type_counts,
        pii_kind, pii_share, pii_reason, pii_source, masked"""
    prefixed = ", ".join(f"bc.{c.strip()}" for c in content.split(","))
    x(
        f"""INSERT INTO main.columns (id, table_id, dataset_id, col_index, {content})
            SELECT k.cid, bc.table_id + ?, m.cid, bc.col_index, {prefixed}
            FROM b.columns bc JOIN ck_map k ON k.bid = bc.id JOIN ds_map m ON m.bid = bc.dataset_id""",
        (table_offset,),
    )
    x(
        """INSERT OR REPLACE INTO main.column_match (column_id, cleaned, kind, candidates, proposal,
               checks, compliant, computed_at)
           SELECT k.cid, bm.cleaned, bm.kind, bm.candidates, bm.proposal, bm.checks,
               bm.compliant, bm.computed_at
           FROM b.column_match bm JOIN ck_map k ON k.bid = bm.column_id"""
    )
    x(
        """INSERT INTO main.column_mappings (column_id, dataset_id, table_key, label, term_name,
               term_abbr, domain, edition_key, status, kind, score, proposal_id, decided_by,
               decided_at)
           SELECT k.cid, m.cid, bm.table_key, bm.label, bm.term_name, bm.term_abbr, bm.domain,
               bm.edition_key, bm.status, bm.kind, bm.score, NULL, bm.decided_by, bm.decided_at
           FROM b.column_mappings bm JOIN ck_map k ON k.bid = bm.column_id
           JOIN ds_map m ON m.bid = bm.dataset_id"""
    )
    x(
        """INSERT OR REPLACE INTO main.disclosure_meta (dataset_id, column_id, table_key, label,
               field, value, updated_by, updated_at)
           SELECT m.cid, COALESCE(k.cid, 0), bm.table_key, bm.label, bm.field, bm.value,
               bm.updated_by, bm.updated_at
           FROM b.disclosure_meta bm JOIN ds_map m ON m.bid = bm.dataset_id
           LEFT JOIN ck_map k ON k.bid = bm.column_id AND bm.column_id != 0
           WHERE bm.column_id = 0 OR k.cid IS NOT NULL"""
    )
    if _has_fts(conn):
        x(
            """INSERT INTO main.search_index (text, kind, ref_id, dataset_id)
               SELECT d.name || ' ' || d.rel_path, 'dataset', d.id, d.id FROM main.datasets d
               JOIN ds_map m ON m.cid = d.id"""
        )
        x(
            """INSERT INTO main.search_index (text, kind, ref_id, dataset_id)
               SELECT bt.sheet_name, 'table', bt.id + ?, m.cid FROM b.tables bt
               JOIN ds_map m ON m.bid = bt.dataset_id WHERE bt.sheet_name IS NOT NULL""",
            (table_offset,),
        )
        x(
            """INSERT INTO main.search_index (text, kind, ref_id, dataset_id)
               SELECT bc.label, 'column', k.cid, m.cid FROM b.columns bc
               JOIN ck_map k ON k.bid = bc.id JOIN ds_map m ON m.bid = bc.dataset_id"""
        )
    x(
        "INSERT OR IGNORE INTO main.departments (folder, name, phone) VALUES (?, ?, ?)",
        (prefix, dept, info.phone or ""),
    )
    x(
        """UPDATE main.bundle_conflicts SET status = 'resolved', resolved_at = ?
           WHERE department = ? AND status = 'open' AND bundle_sha256 != ?""",
        (now_iso(), dept, info.sha256),
    )
    datasets = x("SELECT COUNT(*) FROM ds_map").fetchone()[0]
    columns = x("SELECT COUNT(*) FROM b.columns").fetchone()[0]
    x("DROP TABLE temp.ds_map")
    x("DROP TABLE temp.ck_map")
    return MergeOutcome(
        str(info.path), "merged", dept, datasets=datasets, columns=columns, removed=len(gone)
    )


def _has_fts(conn) -> bool:
    return bool(
        conn.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'search_index'").fetchone()
    )


def merged_bundles(catalog: Catalog) -> list[dict]:
    """The bundle each department has merged now (``bundle list``)."""
    rows = catalog.conn.execute(
        """SELECT m.*, (SELECT COUNT(*) FROM datasets d WHERE d.bundle_id = m.id) AS held
           FROM bundle_merges m WHERE status = 'merged' ORDER BY department"""
    )
    return [
        {
            "department": r["department"],
            "bundle": r["file_name"],
            "sha256": r["sha256"],
            "created_at": r["created_at"],
            "created_by": r["created_by"],
            "app_version": r["app_version"],
            "edition": r["edition"],
            "release_version": r["release_version"],
            "merged_at": r["merged_at"],
            "merged_by": r["merged_by"],
            "datasets": r["held"],
            "columns": r["columns"],
        }
        for r in rows
    ]


def remove_department(catalog: Catalog, department: str) -> int:
    """Take a department's merged datasets out of the catalog (a department renamed or merged
    into another, or a path conflict settled the other way); returns how many were removed.
    Its bundles stay in ``bundle_merges`` as 'removed', so the same bundle can be merged again."""
    with catalog.transaction() as conn:
        ids = [r[0] for r in conn.execute(
            """SELECT d.id FROM datasets d JOIN bundle_merges m ON m.id = d.bundle_id
               WHERE m.department = ?""",
            (department,),
        )]  # fmt: skip
        if ids:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS gone_ds (id INTEGER PRIMARY KEY)")
            conn.execute("DELETE FROM gone_ds")
            conn.executemany("INSERT INTO gone_ds VALUES (?)", [(i,) for i in ids])
            if _has_fts(conn):
                conn.execute(
                    "DELETE FROM search_index WHERE dataset_id IN (SELECT id FROM gone_ds)"
                )
            conn.execute("DELETE FROM datasets WHERE id IN (SELECT id FROM gone_ds)")
        conn.execute(
            "DELETE FROM bundle_merges WHERE department = ?", (department,)
        )  # forgotten: its bundles may be merged again
        conn.execute(
            """UPDATE bundle_conflicts SET status = 'resolved', resolved_at = ?
               WHERE department = ? AND status = 'open'""",
            (now_iso(), department),
        )
    return len(ids)


class BundledDataset(ValueError):
    """A change that needs the file itself (header rows, a rescan) asked for a dataset that came
    in a department's bundle: its file is on the department's PC."""


def refuse_file_edit(catalog: Catalog, dataset_id: int) -> None:
    """Raise :class:`BundledDataset` (Korean message) for a dataset merged from a bundle."""
    found = provenance(catalog, dataset_id)
    if found is not None:
        raise BundledDataset(
            f"이 데이터셋은 {found['department']} 꾸러미에서 왔습니다. 파일이 그 부서 PC에 있어 "
            f"여기서는 머리글을 지정하거나 다시 읽을 수 없습니다: {found['department']}에서 고친 뒤 "
            "꾸러미를 다시 보내 달라고 하세요."
        )


def provenance(catalog: Catalog, dataset_id: int) -> dict | None:
    """Where a dataset came from: None when it was scanned on this PC."""
    r = catalog.conn.execute(
        """SELECT m.* FROM datasets d JOIN bundle_merges m ON m.id = d.bundle_id
           WHERE d.id = ?""",
        (dataset_id,),
    ).fetchone()
    if r is None:
        return None
    return {
        "department": r["department"],
        "bundle": r["file_name"],
        "created_at": r["created_at"],
        "created_by": r["created_by"],
        "merged_at": r["merged_at"],
        "sha256": r["sha256"],
    }
