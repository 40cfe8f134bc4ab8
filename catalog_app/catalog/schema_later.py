"""The SQL of the catalog's later migrations (issues 11–20), one text per feature.

``schema.py`` holds the first four (the base, search, dictionary and disclosure tables), the list
of migrations in their order and the code that applies them; the texts of the migrations that
followed live here so each file reads as one concern.
"""

# Issue 11: the file a run is reading (a run killed there leaves it: the next run reads that file
# in a child process), a note on a snapshot rewritten by a migration, and the scrub of personal
# values stored as column labels by earlier versions (``label_scrub``).
RELIABILITY_SCHEMA = """
ALTER TABLE scan_runs ADD COLUMN current_path TEXT;
ALTER TABLE snapshots ADD COLUMN revised TEXT;
"""


# Issue 10: one identity per column. ``column_keys`` holds every column a file ever had, named by
# what survives a rescan: (dataset, table key, label, occurrence) — occurrence tells apart columns
# that share a label in one table (0 = the first). ``columns.id`` IS that identity (a rescan
# reinserts a column under its old id), and suggestions, decisions and column metadata hang on
# it, so a rescan of the same bytes changes nothing they point at. Identities are never deleted
# by a rescan: a decision on a label a header override removed stays (an orphan) and comes back
# with the label. The migration keeps every decision and metadata row: one that applied to a
# label shared by several columns is copied to each of them (it applied to all before).
COLUMN_IDENTITY_SCHEMA = """
CREATE TABLE column_keys (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    table_key TEXT NOT NULL,
    label TEXT NOT NULL,
    occurrence INTEGER NOT NULL DEFAULT 0,
    UNIQUE (dataset_id, table_key, label, occurrence)
);
INSERT INTO column_keys (id, dataset_id, table_key, label, occurrence)
    SELECT c.id, c.dataset_id, t.table_key, c.label,
           ROW_NUMBER() OVER (PARTITION BY c.dataset_id, t.table_key, c.label
                              ORDER BY t.table_index, c.col_index) - 1
    FROM columns c JOIN tables t ON t.id = c.table_id;
INSERT OR IGNORE INTO column_keys (dataset_id, table_key, label, occurrence)
    SELECT dataset_id, table_key, label, 0 FROM column_mappings;
INSERT OR IGNORE INTO column_keys (dataset_id, table_key, label, occurrence)
    SELECT dataset_id, table_key, label, 0 FROM disclosure_meta WHERE label != '';
INSERT OR IGNORE INTO column_keys (dataset_id, table_key, label, occurrence)
    SELECT h.dataset_id, h.table_key, h.label, 0 FROM mapping_history h
    JOIN datasets d ON d.id = h.dataset_id WHERE h.label IS NOT NULL AND h.table_key IS NOT NULL;

CREATE TABLE column_match_v5 (
    column_id INTEGER PRIMARY KEY REFERENCES column_keys(id) ON DELETE CASCADE,
    cleaned TEXT,
    kind TEXT NOT NULL,
    candidates TEXT NOT NULL,
    proposal TEXT,
    checks TEXT NOT NULL DEFAULT '[]',
    compliant INTEGER,
    computed_at TEXT NOT NULL
);
INSERT INTO column_match_v5 SELECT m.* FROM column_match m JOIN column_keys k ON k.id = m.column_id;
DROP TABLE column_match;
ALTER TABLE column_match_v5 RENAME TO column_match;
CREATE INDEX idx_column_match_kind ON column_match(kind);

CREATE TABLE column_mappings_v5 (
    id INTEGER PRIMARY KEY,
    column_id INTEGER NOT NULL UNIQUE REFERENCES column_keys(id) ON DELETE CASCADE,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    table_key TEXT NOT NULL,
    label TEXT NOT NULL,
    term_name TEXT NOT NULL,
    term_abbr TEXT,
    domain TEXT,
    edition_key TEXT,
    status TEXT NOT NULL DEFAULT 'accepted',
    kind TEXT,
    score REAL,
    proposal_id INTEGER,
    decided_by TEXT,
    decided_at TEXT
);
INSERT INTO column_mappings_v5 (id, column_id, dataset_id, table_key, label, term_name, term_abbr,
        domain, edition_key, status, kind, score, proposal_id, decided_by, decided_at)
    SELECT m.id, k.id, m.dataset_id, m.table_key, m.label, m.term_name, m.term_abbr, m.domain,
           m.edition_key, m.status, m.kind, m.score, m.proposal_id, m.decided_by, m.decided_at
    FROM column_mappings m JOIN column_keys k ON k.dataset_id = m.dataset_id
         AND k.table_key = m.table_key AND k.label = m.label AND k.occurrence = 0;
INSERT INTO column_mappings_v5 (column_id, dataset_id, table_key, label, term_name, term_abbr,
        domain, edition_key, status, kind, score, proposal_id, decided_by, decided_at)
    SELECT k.id, m.dataset_id, m.table_key, m.label, m.term_name, m.term_abbr, m.domain,
           m.edition_key, m.status, m.kind, m.score, m.proposal_id, m.decided_by, m.decided_at
    FROM column_mappings m JOIN column_keys k ON k.dataset_id = m.dataset_id
         AND k.table_key = m.table_key AND k.label = m.label AND k.occurrence > 0
    ORDER BY m.id, k.occurrence;
DROP TABLE column_mappings;
ALTER TABLE column_mappings_v5 RENAME TO column_mappings;
CREATE INDEX idx_column_mappings_dataset ON column_mappings(dataset_id);

CREATE TABLE disclosure_meta_v5 (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    column_id INTEGER NOT NULL DEFAULT 0,         -- column_keys.id; 0 for dataset-level fields
    table_key TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (dataset_id, column_id, field)
);
INSERT INTO disclosure_meta_v5
    SELECT dataset_id, 0, table_key, label, field, value, updated_by, updated_at
    FROM disclosure_meta WHERE label = '';
INSERT INTO disclosure_meta_v5
    SELECT m.dataset_id, k.id, m.table_key, m.label, m.field, m.value, m.updated_by, m.updated_at
    FROM disclosure_meta m JOIN column_keys k ON k.dataset_id = m.dataset_id
         AND k.table_key = m.table_key AND k.label = m.label
    WHERE m.label != '';
DROP TABLE disclosure_meta;
ALTER TABLE disclosure_meta_v5 RENAME TO disclosure_meta;

ALTER TABLE disclosure_changes ADD COLUMN column_id INTEGER;   -- NULL or 0: dataset/institution
UPDATE disclosure_changes SET column_id = (
    SELECT k.id FROM column_keys k WHERE k.dataset_id = disclosure_changes.dataset_id
    AND k.table_key = disclosure_changes.table_key AND k.label = disclosure_changes.label
    AND k.occurrence = 0) WHERE label != '';
ALTER TABLE mapping_history ADD COLUMN column_id INTEGER;
UPDATE mapping_history SET column_id = (
    SELECT k.id FROM column_keys k WHERE k.dataset_id = mapping_history.dataset_id
    AND k.table_key = mapping_history.table_key AND k.label = mapping_history.label
    AND k.occurrence = 0) WHERE label IS NOT NULL AND dataset_id IS NOT NULL;
"""

# Issue 10: warnings with a code a program can act on (``garbled_text`` keeps a dataset out of
# 표준 준수율), beside the Korean notes in ``warnings``: JSON [{code, message}].
SCAN_FLAGS_SCHEMA = """
ALTER TABLE datasets ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
"""

# Issue 12: the few lowest and highest distinct values of a date column (JSON {"low", "high"}),
# so a time range can leave out an implausible extreme; '{}' until the file is read again.
DATE_TAILS_SCHEMA = """
ALTER TABLE columns ADD COLUMN date_tails TEXT NOT NULL DEFAULT '{}';
"""

# Issue 12: what a disclosure that can be handed in needs beyond the entered fields.
# * category_labels: the 분류체계 labels of both styles and today's label each stands for, seeded
#   from resources/reference/categories.csv; the institution edits it (``categories`` commands).
# * info_systems + system_folders: the 정보시스템 / DB a file was extracted from, with the DB-level
#   items of the 데이터베이스정의서 (JSON), linked once per folder (a dataset may name its own).
# * registered_imports / registered_entries: the institution's list as registered on the portal
#   (the last import is the registered list; earlier imports stay as history);
#   registered_links: which dataset each registered entry is, with the columns it had when
#   linked (a later schema change proposes 변경등록).
DISCLOSURE_LISTS_SCHEMA = """
CREATE TABLE category_labels (
    label TEXT PRIMARY KEY,                       -- '일반공공행정 - 일반행정', '공공행정'
    style TEXT NOT NULL,                          -- 현재 (today's style) or 이전 (older style)
    current TEXT NOT NULL,                        -- today's label it stands for
    basis TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT 'shipped',       -- shipped or institution
    updated_by TEXT,
    updated_at TEXT
);
CREATE TABLE info_systems (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,                    -- 정보시스템명
    fields TEXT NOT NULL DEFAULT '{}',            -- JSON: DB-level items (논리DB명, 물리DB명 …)
    updated_by TEXT,
    updated_at TEXT
);
CREATE TABLE system_folders (
    folder TEXT PRIMARY KEY,                      -- like departments.folder ('/'-joined)
    system_id INTEGER NOT NULL REFERENCES info_systems(id) ON DELETE CASCADE
);
CREATE TABLE registered_imports (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    source TEXT NOT NULL,                         -- the file name as imported
    sha256 TEXT NOT NULL,
    layout TEXT NOT NULL,
    rows INTEGER NOT NULL
);
CREATE TABLE registered_entries (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES registered_imports(id),
    row_number INTEGER NOT NULL,                  -- the row in the imported file (1 = header)
    entry_key TEXT NOT NULL,                      -- 목록키, else 'title:' + 목록명
    list_key TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '{}'             -- JSON: dataset field key -> registered value
);
CREATE INDEX idx_registered_entries_import ON registered_entries(import_id);
CREATE TABLE registered_links (
    entry_key TEXT PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    how TEXT NOT NULL,                            -- key, title, confirmed, manual
    schema TEXT NOT NULL DEFAULT '[]',            -- JSON [[table key, label], ...] when linked
    linked_at TEXT NOT NULL,
    linked_by TEXT NOT NULL
);
CREATE INDEX idx_registered_links_dataset ON registered_links(dataset_id);
"""


# Issue 18: one institution, many departments. A department's catalog travels as a bundle
# (catalog_app.bundle) and is merged here: ``bundle_merges`` keeps every bundle merged (the
# department, who made it and when, its content hash; the newest of a department is 'merged', the
# ones it replaced 'replaced'), ``datasets.bundle_id`` the provenance of each dataset (NULL: scanned
# on this PC — a bundle's files are on the department's PC, belong to no scanned root here, so a
# scan never marks them missing), ``bundle_conflicts`` the review queue of what a merge found and
# did not resolve by itself. ``dict_releases``: the institution standard's numbered releases this
# catalog exported (standards manager) or imported (department).
BUNDLE_SCHEMA = """
ALTER TABLE datasets ADD COLUMN bundle_id INTEGER;
CREATE INDEX idx_datasets_bundle ON datasets(bundle_id);
CREATE INDEX idx_datasets_name ON datasets(name);     -- 목록명 conflicts (derived from the name)
CREATE TABLE bundle_merges (
    id INTEGER PRIMARY KEY,
    department TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,                  -- the bundle's content hash
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    app_version TEXT,
    format INTEGER,
    schema_version INTEGER,
    edition TEXT,
    release_version INTEGER,
    institution TEXT,
    file_name TEXT,
    datasets INTEGER NOT NULL DEFAULT 0,
    columns INTEGER NOT NULL DEFAULT 0,
    merged_at TEXT NOT NULL,
    merged_by TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'merged'         -- merged (the department's current), replaced
);
CREATE INDEX idx_bundle_merges_department ON bundle_merges(department, status);
CREATE TABLE bundle_conflicts (
    id INTEGER PRIMARY KEY,
    department TEXT NOT NULL,
    bundle_sha256 TEXT NOT NULL,
    file_name TEXT,
    kind TEXT NOT NULL,                           -- path_claimed, title_claimed, edition_mismatch, …
    key TEXT NOT NULL,                            -- what it is about (a path, a 목록명, a term)
    blocking INTEGER NOT NULL,                    -- 1: the bundle was not merged
    message TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'open',          -- open, resolved
    found_at TEXT NOT NULL,
    resolved_at TEXT,
    UNIQUE (bundle_sha256, kind, key)
);
CREATE TABLE dict_releases (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    released_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    direction TEXT NOT NULL,                      -- exported, imported
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    source TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    terms INTEGER NOT NULL DEFAULT 0,
    domains INTEGER NOT NULL DEFAULT 0
);
"""


# Issue 14: every privacy verdict with its reason (``columns.privacy_*``: what the detector and the
# table-level judgement said, personal or not; ``pii_*`` stays the verdict in force when it is
# personal data, so everything that reads ``pii_kind`` keeps its meaning), why a table's rows are
# people (``tables.person_level``), a clerk's overrides of a verdict on the column's lasting id
# (kept across rescans) with their history for undo, and the recorded exceptions that let a
# dataset whose open columns re-identify people be exported anyway. Columns flagged by earlier
# releases are judged again: their files are read by the next scan (fingerprint forgotten).
PRIVACY_SCHEMA = """
ALTER TABLE columns ADD COLUMN privacy_kind TEXT;
ALTER TABLE columns ADD COLUMN privacy_share REAL;
ALTER TABLE columns ADD COLUMN privacy_reason TEXT;
ALTER TABLE columns ADD COLUMN privacy_source TEXT;
ALTER TABLE columns ADD COLUMN privacy_personal INTEGER;
ALTER TABLE columns ADD COLUMN privacy_quasi INTEGER;
ALTER TABLE columns ADD COLUMN privacy_sensitive INTEGER;
UPDATE columns SET privacy_kind = pii_kind, privacy_share = pii_share, privacy_reason = pii_reason,
    privacy_source = pii_source, privacy_personal = 1, privacy_quasi = 0, privacy_sensitive = 0
    WHERE pii_kind IS NOT NULL;
ALTER TABLE tables ADD COLUMN person_level TEXT;              -- why the rows are people, or NULL
UPDATE datasets SET mtime_ns = NULL, content_hash = NULL
    WHERE id IN (SELECT DISTINCT dataset_id FROM columns WHERE pii_kind IS NOT NULL);
CREATE TABLE privacy_overrides (
    column_id INTEGER PRIMARY KEY REFERENCES column_keys(id) ON DELETE CASCADE,
    personal INTEGER,                             -- 1 / 0; NULL = as detected
    quasi_identifier INTEGER,
    sensitive INTEGER,
    kind TEXT,                                    -- NULL = as detected ('other' if nothing was)
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE TABLE privacy_history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,                         -- set, clear, undo, allow, revoke
    column_id INTEGER,
    dataset_id INTEGER,
    table_key TEXT,
    label TEXT,
    before TEXT,                                  -- JSON of the override / exception, or NULL
    after TEXT,
    undone_by INTEGER
);
CREATE TABLE privacy_allowances (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    table_key TEXT NOT NULL,
    signature TEXT NOT NULL,                      -- JSON: the open columns it was given for
    k INTEGER,
    reason TEXT NOT NULL,
    allowed_by TEXT NOT NULL,
    allowed_at TEXT NOT NULL,
    revoked_by TEXT,
    revoked_at TEXT
);
CREATE INDEX idx_privacy_allowances_dataset ON privacy_allowances(dataset_id);
"""


# Issue 13: 품질진단. Business rules a quality manager adds (per dataset or per standard term) and
# their change log; each run, its per-dataset results (with the recognised 제공표준 and its
# conformance) and its findings (one per column and rule, counts and masked samples only: never
# the raw values); the fix log (조치 완료 / 예외, undoable) keyed like decisions by the column's
# lasting id, so a rescan and a new run show before/after; and code lists an institution imported
# (newer 법정동코드 / 기관코드 than the shipped ones, ``catalog_app.codelists``).
QUALITY_SCHEMA = """
CREATE TABLE quality_rules (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,                          -- dataset, term
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE CASCADE,
    term_name TEXT,
    kind TEXT NOT NULL,                           -- compare, conditional, regex, allowed, range, unique
    spec TEXT NOT NULL,                           -- JSON, see quality/business.py
    name TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,            -- 0: deleted (kept for the log and undo)
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_by TEXT,
    updated_at TEXT
);
CREATE INDEX idx_quality_rules_dataset ON quality_rules(dataset_id);
CREATE TABLE quality_rule_changes (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,                         -- add, edit, delete, undo
    before TEXT,                                  -- JSON of the rule row, NULL for add
    after TEXT,
    undone_by INTEGER
);
CREATE TABLE quality_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',       -- running, done, cancelled, failed
    who TEXT NOT NULL,
    datasets INTEGER NOT NULL DEFAULT 0,
    note TEXT
);
CREATE TABLE quality_results (
    run_id INTEGER NOT NULL REFERENCES quality_runs(id) ON DELETE CASCADE,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    status TEXT NOT NULL,                         -- ok, failed, excluded, skipped
    message TEXT,
    checked INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    rows INTEGER NOT NULL DEFAULT 0,
    provision_standard TEXT,
    conformance REAL,
    provision TEXT,                               -- JSON: items, missing, extra, reordered, ...
    read_run INTEGER,                             -- datasets.last_read_run the findings describe
    at TEXT NOT NULL,
    PRIMARY KEY (run_id, dataset_id)
);
CREATE INDEX idx_quality_results_dataset ON quality_results(dataset_id, run_id);
CREATE TABLE quality_findings (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES quality_runs(id) ON DELETE CASCADE,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    column_id INTEGER NOT NULL DEFAULT 0,         -- column_keys.id; 0 when no column is named
    table_key TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    rule TEXT NOT NULL,                           -- date_valid, ..., rule:<id>
    rule_name TEXT NOT NULL,
    severity TEXT NOT NULL DEFAULT 'error',       -- error (counted), warning (shown only)
    source TEXT NOT NULL DEFAULT '',              -- domain, profile, name, provision, business
    detail TEXT NOT NULL DEFAULT '',              -- what counts as an error (Korean)
    checked INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    samples TEXT NOT NULL DEFAULT '[]',           -- JSON, masked
    status TEXT NOT NULL DEFAULT 'ok',            -- ok, cannot_run
    message TEXT
);
CREATE INDEX idx_quality_findings_run ON quality_findings(run_id, dataset_id);
CREATE TABLE quality_columns (
    run_id INTEGER NOT NULL REFERENCES quality_runs(id) ON DELETE CASCADE,
    dataset_id INTEGER NOT NULL,
    column_id INTEGER NOT NULL,
    table_key TEXT NOT NULL,
    label TEXT NOT NULL,
    checked INTEGER NOT NULL,                     -- values checked by at least one rule
    errors INTEGER NOT NULL,                      -- values failing at least one counted rule
    PRIMARY KEY (run_id, column_id)
);
CREATE TABLE quality_fixes (
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    column_id INTEGER NOT NULL DEFAULT 0,
    table_key TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    rule TEXT NOT NULL,
    action TEXT NOT NULL,                         -- fixed, exception, undo
    reason TEXT NOT NULL DEFAULT '',
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    run_id INTEGER,                               -- the run whose finding was marked
    errors_before INTEGER,
    undone_by INTEGER REFERENCES quality_fixes(id),
    undoes INTEGER REFERENCES quality_fixes(id)
);
CREATE INDEX idx_quality_fixes_key ON quality_fixes(dataset_id, column_id, rule);
CREATE TABLE code_lists (
    kind TEXT PRIMARY KEY,                        -- legal_dong, org
    source TEXT NOT NULL,
    count INTEGER NOT NULL,
    codes BLOB NOT NULL,                          -- gzip of the codes, one per line
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
"""


# Issue 20: the check results stored with each suggestion say what they were computed against —
# the term the column stood for (its accepted decision or exact match; '' for none) and the
# dictionary and check code (``checks_basis``) — so check, the snapshot and the exports read them
# instead of running every check again, and recompute only the rows whose term or basis moved
# (``matching.stored_checks``). ``checks_parts`` keeps the column's split 준수 parts (issue 12:
# JSON {"word", "term", "domain"}), which need the term's domain beside the checks. Rows from
# before have none of them: they are recomputed on first read.
STORED_CHECKS_SCHEMA = """
ALTER TABLE column_match ADD COLUMN checks_term TEXT;
ALTER TABLE column_match ADD COLUMN checks_basis TEXT;
ALTER TABLE column_match ADD COLUMN checks_parts TEXT;
"""
