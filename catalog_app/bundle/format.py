"""The department bundle file: one SQLite database, its tables, its content hash, its checks.

A bundle is what one department's catalog hands to the institution: datasets, tables, columns
(profiles already masked, checked again on export), column identities, suggestions, decisions,
disclosure metadata, the department settings and the institution terms it uses, with who made it,
when, with which app, schema and dictionary edition. ``bundle_info`` holds those facts as
key/value rows and ``content_sha256``: a SHA-256 over every row of every table (rendered by
SQLite's ``json_array`` in rowid order) and the other info rows, so an edited or truncated bundle
is told apart from a good one before anything is merged.

The layout here is the bundle's own (``FORMAT``), not the catalog schema: the merge reads these
columns whatever the catalog schema of either side is.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = 1  # the bundle layout this app writes and reads; a newer one is refused
KIND = "catalog_app.bundle"

# table -> columns, in the order they are hashed. The catalog tables of the same name hold these
# columns (datasets: less root/run bookkeeping, which means nothing on another PC).
TABLES: dict[str, tuple[str, ...]] = {
    "datasets": (
        "id", "path", "rel_path", "name", "folder", "ext", "real_format", "size", "mtime_ns",
        "content_hash", "encoding", "encoding_method", "delimiter", "status", "error_code",
        "error_message", "warnings", "flags", "table_count", "scanned_at", "missing_since",
    ),
    "tables": (
        "id", "dataset_id", "table_index", "sheet_name", "table_key", "hidden", "header_row",
        "header_rows", "data_row", "header_source", "first_col", "column_count", "row_count",
        "blank_rows", "total_rows", "footnote_rows", "ragged_rows", "warnings",
    ),
    "column_keys": ("id", "dataset_id", "table_key", "label", "occurrence"),
    "columns": (
        "id", "table_id", "dataset_id", "col_index", "label", "inferred_type", "type_share",
        "value_count", "null_count", "null_ratio", "distinct_count", "distinct_exact",
        "min_value", "max_value", "max_len_chars", "max_len_bytes", "decimal_places",
        "date_format", "pattern", "pattern_share", "top_values", "samples", "type_counts",
        "pii_kind", "pii_share", "pii_reason", "pii_source", "masked",
    ),
    "column_match": (
        "column_id", "cleaned", "kind", "candidates", "proposal", "checks", "compliant",
        "computed_at",
    ),
    "column_mappings": (
        "column_id", "dataset_id", "table_key", "label", "term_name", "term_abbr", "domain",
        "edition_key", "status", "kind", "score", "proposal_id", "decided_by", "decided_at",
    ),
    "disclosure_meta": (
        "dataset_id", "column_id", "table_key", "label", "field", "value", "updated_by",
        "updated_at",
    ),
    "departments": ("folder", "name", "phone"),
    # the department's institution layer (기관표준): kind word/term/domain, name, JSON of the row
    "institution_terms": ("kind", "name", "abbr", "domain", "retired", "payload"),
}  # fmt: skip

SCHEMA = """
CREATE TABLE bundle_info (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE datasets (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, rel_path TEXT NOT NULL,
    name TEXT NOT NULL, folder TEXT NOT NULL, ext TEXT NOT NULL, real_format TEXT, size INTEGER,
    mtime_ns INTEGER, content_hash TEXT, encoding TEXT, encoding_method TEXT, delimiter TEXT,
    status TEXT NOT NULL, error_code TEXT, error_message TEXT, warnings TEXT NOT NULL,
    flags TEXT NOT NULL, table_count INTEGER NOT NULL, scanned_at TEXT, missing_since TEXT);
CREATE TABLE tables (id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL, table_index INTEGER,
    sheet_name TEXT, table_key TEXT NOT NULL, hidden INTEGER, header_row INTEGER,
    header_rows INTEGER, data_row INTEGER, header_source TEXT, first_col INTEGER,
    column_count INTEGER, row_count INTEGER, blank_rows INTEGER, total_rows INTEGER,
    footnote_rows INTEGER, ragged_rows INTEGER, warnings TEXT);
CREATE TABLE column_keys (id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL,
    table_key TEXT NOT NULL, label TEXT NOT NULL, occurrence INTEGER NOT NULL);
CREATE TABLE columns (id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL,
    dataset_id INTEGER NOT NULL, col_index INTEGER, label TEXT NOT NULL, inferred_type TEXT,
    type_share REAL, value_count INTEGER, null_count INTEGER, null_ratio REAL,
    distinct_count INTEGER, distinct_exact INTEGER, min_value TEXT, max_value TEXT,
    max_len_chars INTEGER, max_len_bytes INTEGER, decimal_places INTEGER, date_format TEXT,
    pattern TEXT, pattern_share REAL, top_values TEXT, samples TEXT, type_counts TEXT,
    pii_kind TEXT, pii_share REAL, pii_reason TEXT, pii_source TEXT, masked INTEGER);
CREATE TABLE column_match (column_id INTEGER PRIMARY KEY, cleaned TEXT, kind TEXT NOT NULL,
    candidates TEXT NOT NULL, proposal TEXT, checks TEXT, compliant INTEGER, computed_at TEXT);
CREATE TABLE column_mappings (column_id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL,
    table_key TEXT, label TEXT, term_name TEXT NOT NULL, term_abbr TEXT, domain TEXT,
    edition_key TEXT, status TEXT, kind TEXT, score REAL, proposal_id INTEGER, decided_by TEXT,
    decided_at TEXT);
CREATE TABLE disclosure_meta (dataset_id INTEGER NOT NULL, column_id INTEGER NOT NULL,
    table_key TEXT, label TEXT, field TEXT NOT NULL, value TEXT NOT NULL, updated_by TEXT,
    updated_at TEXT);
CREATE TABLE departments (folder TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT);
CREATE TABLE institution_terms (kind TEXT NOT NULL, name TEXT NOT NULL, abbr TEXT, domain TEXT,
    retired INTEGER, payload TEXT NOT NULL);
"""

# bundle_info keys a bundle must have
REQUIRED_INFO = (
    "kind", "format", "schema_version", "app_version", "department", "created_at",
    "created_by", "edition", "content_sha256",
)  # fmt: skip


class BundleError(Exception):
    """A file that cannot be merged: the message is Korean and says why and what to do."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


@dataclass
class BundleInfo:
    """The facts of one bundle (its ``bundle_info`` rows)."""

    path: Path
    department: str
    created_at: str
    created_by: str
    app_version: str
    format: int
    schema_version: int
    edition: str
    sha256: str
    release_version: int | None = None
    institution: str = ""
    phone: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)


def digest(conn: sqlite3.Connection, schema: str = "main") -> str:
    """The content hash: every table's rows in rowid order, then the info rows (hash aside)."""
    h = hashlib.sha256()
    for table, cols in TABLES.items():
        h.update(f"\x00{table}\x00".encode())
        sql = f"SELECT json_array({', '.join(cols)}) FROM {schema}.{table} ORDER BY rowid"
        for (row,) in conn.execute(sql):
            h.update(row.encode("utf-8"))
            h.update(b"\n")
    h.update(b"\x00bundle_info\x00")
    for key, value in conn.execute(
        f"SELECT key, value FROM {schema}.bundle_info WHERE key != 'content_sha256' ORDER BY key"
    ):
        h.update(f"{key}\x01{value}\n".encode())
    return h.hexdigest()


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _not_bundle(path: Path, why: str = "") -> BundleError:
    extra = f" ({why})" if why else ""
    return BundleError(
        "not_a_bundle",
        f"'{path.name}'은(는) 카탈로그 꾸러미 파일이 아닙니다{extra}. "
        "부서에서 `catalog-app bundle export` 로 만든 파일을 고르세요.",
    )


def _damaged(path: Path, exc: Exception | str) -> BundleError:
    return BundleError(
        "damaged",
        f"'{path.name}' 꾸러미가 잘렸거나 손상되었습니다 ({exc}). 부서에서 다시 만들어 받으세요.",
    )


def read_info(conn: sqlite3.Connection, path: Path) -> BundleInfo:
    """The info rows as a :class:`BundleInfo`; refuses a non-bundle or a newer app's bundle."""
    from catalog_app.catalog.schema import LATEST

    try:
        rows = dict(conn.execute("SELECT key, value FROM bundle_info").fetchall())
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            raise _not_bundle(path, "꾸러미 정보 표가 없음") from exc
        raise _damaged(path, exc) from exc
    if rows.get("kind") != KIND:
        raise _not_bundle(path, "꾸러미 표시가 없음")
    missing = [k for k in REQUIRED_INFO if not rows.get(k)]
    if missing:
        raise _damaged(path, f"빠진 정보: {', '.join(missing)}")
    try:
        fmt, schema = int(rows["format"]), int(rows["schema_version"])
    except ValueError as exc:
        raise _damaged(path, exc) from exc
    if fmt > FORMAT or schema > LATEST:
        raise BundleError(
            "newer_version",
            f"'{path.name}' 꾸러미는 더 새로운 버전의 프로그램(앱 {rows['app_version']}, "
            f"꾸러미 형식 {fmt}, 스키마 {schema})이 만들었습니다. 이 PC의 프로그램은 꾸러미 형식 "
            f"{FORMAT}, 스키마 {LATEST}까지 읽습니다. 프로그램을 업데이트한 뒤 합치세요.",
        )
    release = rows.get("release_version")
    counts = {k[6:]: int(v) for k, v in rows.items() if k.startswith("count_") and v.isdigit()}
    known = {*REQUIRED_INFO, "release_version", "institution", "phone"}
    return BundleInfo(
        path=path,
        department=rows["department"],
        created_at=rows["created_at"],
        created_by=rows["created_by"],
        app_version=rows["app_version"],
        format=fmt,
        schema_version=schema,
        edition=rows["edition"],
        sha256=rows["content_sha256"],
        release_version=int(release) if release and release.isdigit() else None,
        institution=rows.get("institution", ""),
        phone=rows.get("phone", ""),
        counts=counts,
        extra={k: v for k, v in rows.items() if k not in known and not k.startswith("count_")},
    )


class OpenedBundle:
    """A verified private copy of a bundle (the merge reads the very bytes it verified, and
    never touches the original, which may sit on a USB stick or a read-only share)."""

    def __init__(self, path: str | Path):
        self.source = Path(path)
        self._dir = Path(tempfile.mkdtemp(prefix="catalog-bundle-"))
        self.copy = self._dir / "bundle.sqlite"
        try:
            self.info = self._open()
        except BaseException:
            self.close()
            raise

    def _open(self) -> BundleInfo:
        path = self.source
        if not path.is_file():
            raise BundleError("not_found", f"꾸러미 파일을 찾을 수 없습니다: {path}")
        with open(path, "rb") as fh:
            head = fh.read(100)
        if not head.startswith(_SQLITE_MAGIC):
            raise _not_bundle(path, "SQLite 파일이 아님")
        if len(head) < 100:
            raise _damaged(path, "파일 머리가 잘림")
        if head[18] != 1 or head[19] != 1:  # bundles are written in rollback-journal mode
            raise _not_bundle(path, "WAL 모드 데이터베이스")
        shutil.copyfile(path, self.copy)
        uri = f"{self.copy.as_uri()}?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True)
        try:
            info = read_info(conn, path)
            try:
                actual = digest(conn)
            except sqlite3.DatabaseError as exc:
                if "no such table" in str(exc) or "no such column" in str(exc):
                    raise _not_bundle(path, str(exc)) from exc
                raise _damaged(path, exc) from exc
        except sqlite3.DatabaseError as exc:
            raise _damaged(path, exc) from exc
        finally:
            conn.close()
        info.path = path
        if actual != info.sha256:
            raise BundleError(
                "hash_mismatch",
                f"'{path.name}' 꾸러미의 내용이 만든 뒤에 바뀌었습니다 (내용 해시 불일치). "
                "고쳐지거나 일부만 복사된 꾸러미는 합치지 않습니다. 부서에서 다시 만들어 받으세요.",
            )
        return info

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
