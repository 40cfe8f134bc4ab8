"""Catalog schema as numbered migrations; ``PRAGMA user_version`` holds the applied number.

Every schema change appends a migration. Opening an older catalog first copies it to a backup file
next to it, then applies the missing migrations in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from catalog_app.catalog.schema_later import (  # the SQL of migrations 5 and later
    BUNDLE_SCHEMA,
    COLUMN_IDENTITY_SCHEMA,
    DATE_TAILS_SCHEMA,
    DISCLOSURE_LISTS_SCHEMA,
    PRIVACY_SCHEMA,
    QUALITY_SCHEMA,
    RELIABILITY_SCHEMA,
    SCAN_FLAGS_SCHEMA,
    STORED_CHECKS_SCHEMA,
)

BASE_SCHEMA = """
CREATE TABLE roots (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL,
    last_scan_run INTEGER
);
CREATE TABLE scan_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',      -- running, done, cancelled, failed, interrupted
    roots TEXT NOT NULL,                          -- JSON list of paths
    files_total INTEGER NOT NULL DEFAULT 0,
    files_new INTEGER NOT NULL DEFAULT 0,
    files_changed INTEGER NOT NULL DEFAULT 0,
    files_unchanged INTEGER NOT NULL DEFAULT 0,
    files_failed INTEGER NOT NULL DEFAULT 0,
    files_missing INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    root_id INTEGER REFERENCES roots(id),
    path TEXT NOT NULL UNIQUE,
    rel_path TEXT NOT NULL,
    name TEXT NOT NULL,
    folder TEXT NOT NULL,
    ext TEXT NOT NULL,
    real_format TEXT,
    size INTEGER,
    mtime_ns INTEGER,
    content_hash TEXT,
    encoding TEXT,
    encoding_method TEXT,
    delimiter TEXT,
    status TEXT NOT NULL,                         -- ok, error, missing
    error_code TEXT,
    error_message TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',          -- JSON list of Korean notes
    table_count INTEGER NOT NULL DEFAULT 0,
    first_seen_run INTEGER REFERENCES scan_runs(id),
    last_seen_run INTEGER REFERENCES scan_runs(id),
    last_read_run INTEGER REFERENCES scan_runs(id),
    scanned_at TEXT,
    missing_since TEXT
);
CREATE INDEX idx_datasets_root ON datasets(root_id);
CREATE INDEX idx_datasets_status ON datasets(status);
CREATE TABLE tables (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    table_index INTEGER NOT NULL,
    sheet_name TEXT,
    table_key TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0,
    header_row INTEGER,                           -- 0-based sheet row of the first header row
    header_rows INTEGER NOT NULL,
    data_row INTEGER NOT NULL DEFAULT 0,         -- 0-based sheet row where the body starts
    header_source TEXT NOT NULL DEFAULT 'auto',   -- auto, override
    first_col INTEGER NOT NULL,
    column_count INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    blank_rows INTEGER NOT NULL DEFAULT 0,
    total_rows INTEGER NOT NULL DEFAULT 0,
    footnote_rows INTEGER NOT NULL DEFAULT 0,
    ragged_rows INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]',
    UNIQUE (dataset_id, table_index)
);
CREATE TABLE columns (
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    col_index INTEGER NOT NULL,
    label TEXT NOT NULL,
    inferred_type TEXT NOT NULL,
    type_share REAL,
    value_count INTEGER NOT NULL,
    null_count INTEGER NOT NULL,
    null_ratio REAL NOT NULL,
    distinct_count INTEGER NOT NULL,
    distinct_exact INTEGER NOT NULL,
    min_value TEXT,
    max_value TEXT,
    max_len_chars INTEGER NOT NULL,
    max_len_bytes INTEGER NOT NULL,
    decimal_places INTEGER NOT NULL,
    date_format TEXT,
    pattern TEXT,
    pattern_share REAL,
    top_values TEXT NOT NULL,                     -- JSON [[value, count], ...] (masked when PII)
    samples TEXT NOT NULL,                        -- JSON [value, ...] (masked when PII)
    type_counts TEXT NOT NULL,                    -- JSON {kind: count}
    pii_kind TEXT,
    pii_share REAL,
    pii_reason TEXT,
    pii_source TEXT,
    masked INTEGER NOT NULL DEFAULT 0,
    UNIQUE (table_id, col_index)
);
CREATE INDEX idx_columns_dataset ON columns(dataset_id, col_index);
CREATE INDEX idx_columns_label ON columns(label);
CREATE INDEX idx_columns_pii ON columns(pii_kind);
CREATE TABLE scan_errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES scan_runs(id),
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    path TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    detail TEXT,
    occurred_at TEXT NOT NULL
);
CREATE INDEX idx_scan_errors_run ON scan_errors(run_id);
CREATE TABLE header_overrides (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    table_key TEXT NOT NULL,
    header_row INTEGER NOT NULL,
    header_rows INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (dataset_id, table_key)
);
"""

SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE search_index USING fts5(
    text, kind UNINDEXED, ref_id UNINDEXED, dataset_id UNINDEXED, tokenize = 'trigram'
);
INSERT INTO search_index (text, kind, ref_id, dataset_id)
    SELECT name || ' ' || rel_path, 'dataset', id, id FROM datasets;
INSERT INTO search_index (text, kind, ref_id, dataset_id)
    SELECT sheet_name, 'table', id, dataset_id FROM tables WHERE sheet_name IS NOT NULL;
INSERT INTO search_index (text, kind, ref_id, dataset_id)
    SELECT label, 'column', id, dataset_id FROM columns;
"""


DICTIONARY_SCHEMA = """
CREATE TABLE dict_editions (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,                     -- '7차(2024-11)', '기관표준'
    layer TEXT NOT NULL,                          -- official, institution
    layout TEXT,
    source TEXT,
    imported_at TEXT NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 0,
    word_count INTEGER NOT NULL DEFAULT 0,
    term_count INTEGER NOT NULL DEFAULT 0,
    domain_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE dict_words (
    id INTEGER PRIMARY KEY,
    edition_id INTEGER NOT NULL REFERENCES dict_editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL, abbr TEXT NOT NULL, english TEXT, description TEXT,
    is_class_word INTEGER NOT NULL DEFAULT 0, domain_class TEXT,
    synonyms TEXT NOT NULL DEFAULT '[]', forbidden TEXT NOT NULL DEFAULT '[]',
    enacted TEXT, retired INTEGER NOT NULL DEFAULT 0, number TEXT, extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_dict_words_name ON dict_words(edition_id, name);
CREATE INDEX idx_dict_words_abbr ON dict_words(edition_id, abbr);
CREATE TABLE dict_terms (
    id INTEGER PRIMARY KEY,
    edition_id INTEGER NOT NULL REFERENCES dict_editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL, abbr TEXT NOT NULL, domain TEXT, description TEXT,
    allowed_values TEXT, storage_format TEXT, display_format TEXT, code_name TEXT, owner TEXT,
    synonyms TEXT NOT NULL DEFAULT '[]',
    enacted TEXT, retired INTEGER NOT NULL DEFAULT 0, number TEXT, extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_dict_terms_name ON dict_terms(edition_id, name);
CREATE INDEX idx_dict_terms_abbr ON dict_terms(edition_id, abbr);
CREATE TABLE dict_domains (
    id INTEGER PRIMARY KEY,
    edition_id INTEGER NOT NULL REFERENCES dict_editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL, grp TEXT, domain_class TEXT, description TEXT, data_type TEXT,
    length TEXT, scale TEXT, storage_format TEXT, display_format TEXT, unit TEXT,
    allowed_values TEXT, enacted TEXT, retired INTEGER NOT NULL DEFAULT 0, number TEXT,
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_dict_domains_name ON dict_domains(edition_id, name);
-- Every change to the institution layer: who, when, before and after (JSON); undo writes a new row.
CREATE TABLE dict_changes (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,                         -- add, edit, retire, approve, reject, propose, import, undo
    kind TEXT NOT NULL,                           -- word, term, domain, proposal, layer
    entity_id INTEGER,
    name TEXT,
    before TEXT,
    after TEXT,
    reason TEXT,
    undone_by INTEGER REFERENCES dict_changes(id),
    undoes INTEGER REFERENCES dict_changes(id)
);
CREATE TABLE dict_proposals (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                           -- term, word
    name TEXT NOT NULL,
    payload TEXT NOT NULL,                        -- JSON of the proposed Term / Word fields
    origin TEXT,                                  -- e.g. the catalog column it came from
    proposed_by TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',       -- pending, approved, rejected
    decided_by TEXT,
    decided_at TEXT,
    reason TEXT,
    result_id INTEGER
);
-- A column's decision (accepted / rejected / proposed standard term), keyed by what survives a
-- rescan (dataset, sheet, label), with who and when.
CREATE TABLE column_mappings (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    table_key TEXT NOT NULL,
    label TEXT NOT NULL,
    term_name TEXT NOT NULL,
    term_abbr TEXT,
    domain TEXT,
    edition_key TEXT,
    status TEXT NOT NULL DEFAULT 'accepted',      -- accepted, rejected, proposed
    kind TEXT,                                    -- the suggestion kind when decided
    score REAL,
    proposal_id INTEGER,
    decided_by TEXT,
    decided_at TEXT,
    UNIQUE (dataset_id, table_key, label)
);
-- Suggestions computed by `map` for the current columns (recomputed after rescans).
CREATE TABLE column_match (
    column_id INTEGER PRIMARY KEY REFERENCES columns(id) ON DELETE CASCADE,
    cleaned TEXT,
    kind TEXT NOT NULL,
    candidates TEXT NOT NULL,                     -- JSON [{term, abbr, domain, score, reasons}]
    proposal TEXT,                                -- JSON or NULL
    checks TEXT NOT NULL DEFAULT '[]',            -- JSON [{code, severity, message, suggestion}]
    compliant INTEGER,
    computed_at TEXT NOT NULL
);
CREATE INDEX idx_column_match_kind ON column_match(kind);
-- Every mapping decision, for history and undo (one batch_id for a bulk accept).
CREATE TABLE mapping_history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,                         -- accept, reject, propose, clear, undo, import
    batch_id INTEGER,
    dataset_id INTEGER,
    table_key TEXT,
    label TEXT,
    before TEXT,
    after TEXT,
    undone_by INTEGER
);
-- Mapping memory: an accepted term for a cleaned header label, shared across files.
CREATE TABLE mapping_memory (
    label TEXT PRIMARY KEY,
    term_name TEXT NOT NULL,
    term_abbr TEXT,
    domain TEXT,
    value_type TEXT,                              -- the profile type it was accepted for
    uses INTEGER NOT NULL DEFAULT 1,
    source TEXT NOT NULL DEFAULT 'local',         -- local, import
    updated_at TEXT NOT NULL
);
"""


# Disclosure (issue 5): institution settings, departments, per-dataset and per-column metadata the
# coordinator enters (field/value rows keyed like decisions, so they survive rescans), the change
# log for undo, and yearly snapshots that triggers keep frozen.
DISCLOSURE_SCHEMA = """
CREATE TABLE institution_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_by TEXT,
    updated_at TEXT
);
CREATE TABLE departments (
    folder TEXT PRIMARY KEY,                      -- folder prefix relative to a scanned root
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT ''
);
CREATE TABLE disclosure_meta (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    table_key TEXT NOT NULL DEFAULT '',           -- '' for dataset-level fields
    label TEXT NOT NULL DEFAULT '',               -- column label; '' for dataset-level fields
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (dataset_id, table_key, label, field)
);
CREATE TABLE disclosure_changes (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    dataset_id INTEGER,                           -- NULL for institution settings
    table_key TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL,
    before TEXT,                                  -- NULL = not set
    after TEXT,
    undone_by INTEGER
);
CREATE INDEX idx_disclosure_changes_batch ON disclosure_changes(batch_id);
CREATE TABLE snapshots (
    year INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    forced INTEGER NOT NULL DEFAULT 0,            -- taken despite blocking problems
    problems TEXT NOT NULL DEFAULT '{}',          -- JSON counts {error: n, warning: m}
    summary TEXT NOT NULL DEFAULT '{}',           -- JSON: datasets, columns, 준수율
    payload TEXT NOT NULL,                        -- JSON of the DisclosureState
    sha256 TEXT NOT NULL                          -- of payload, checked on every load
);
CREATE TRIGGER snapshots_frozen_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshot is frozen: 스냅샷은 바꿀 수 없습니다'); END;
CREATE TRIGGER snapshots_frozen_delete BEFORE DELETE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshot is frozen: 스냅샷은 지울 수 없습니다'); END;
"""

# the snapshot trigger, re-created by the reliability migration's scrub (``label_scrub``)
_FROZEN_UPDATE = DISCLOSURE_SCHEMA[
    DISCLOSURE_SCHEMA.index("CREATE TRIGGER snapshots_frozen_update") : DISCLOSURE_SCHEMA.index(
        "CREATE TRIGGER snapshots_frozen_delete"
    )
]


def _base(conn: sqlite3.Connection) -> str:
    return BASE_SCHEMA


def _search(conn: sqlite3.Connection) -> str:
    return SEARCH_SCHEMA if has_trigram(conn) else ""


def _dictionary(conn: sqlite3.Connection) -> str:
    return DICTIONARY_SCHEMA


def _disclosure(conn: sqlite3.Connection) -> str:
    return DISCLOSURE_SCHEMA


def _reliability(conn: sqlite3.Connection) -> str:
    from catalog_app.catalog.label_scrub import scrub_sql

    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < 2:  # the search index is created by an earlier step of this same migration
        search = has_trigram(conn)
    else:
        search = bool(
            conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone()
        )
    return RELIABILITY_SCHEMA + scrub_sql(conn, search, _FROZEN_UPDATE)


def _column_identity(conn: sqlite3.Connection) -> str:
    return COLUMN_IDENTITY_SCHEMA


def _scan_flags(conn: sqlite3.Connection) -> str:
    return SCAN_FLAGS_SCHEMA


def _bundles(conn: sqlite3.Connection) -> str:
    return BUNDLE_SCHEMA


def _privacy(conn: sqlite3.Connection) -> str:
    return PRIVACY_SCHEMA


def _quality(conn: sqlite3.Connection) -> str:
    return QUALITY_SCHEMA


def _date_tails(conn: sqlite3.Connection) -> str:
    return DATE_TAILS_SCHEMA


def _disclosure_lists(conn: sqlite3.Connection) -> str:
    from catalog_app.disclosure.categories import seed_sql

    return DISCLOSURE_LISTS_SCHEMA + seed_sql()


def _stored_checks(conn: sqlite3.Connection) -> str:
    return STORED_CHECKS_SCHEMA


def has_trigram(conn: sqlite3.Connection) -> bool:
    """FTS5 trigram needs SQLite >= 3.34; older builds fall back to LIKE search."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp._probe USING fts5(x, tokenize='trigram')")
        conn.execute("DROP TABLE temp._probe")
        return True
    except sqlite3.OperationalError:
        return False


# Each migration returns the SQL that takes the catalog from version i to i + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], str]] = [
    _base,
    _search,
    _dictionary,
    _disclosure,
    _reliability,
    _column_identity,
    _scan_flags,
    _bundles,
    _privacy,
    _quality,
    _date_tails,
    _disclosure_lists,
    _stored_checks,
]
LATEST = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> tuple[int, int]:
    """Apply the missing migrations in one transaction; returns (old, new) version."""
    old = conn.execute("PRAGMA user_version").fetchone()[0]
    if old >= target:
        return old, old
    parts = [MIGRATIONS[i](conn) for i in range(old, target)]
    script = "BEGIN IMMEDIATE;\n" + "\n".join(parts) + f"\nPRAGMA user_version = {target};\nCOMMIT;"
    try:
        conn.executescript(script)
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return old, target
