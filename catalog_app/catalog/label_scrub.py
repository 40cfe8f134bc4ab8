"""Migration step: scrub personal values that earlier versions stored as column labels.

Before the header guard (``scan.pii.label``), a CSV without a header row gave its first person as
the labels. This step, part of one schema migration transaction, finds such labels in an existing
catalog and rewrites every place a label lives:

- a table with a label that *is* a personal value had a person's row taken for its header: all its
  labels become ``열1``, ``열2``… (what a rescan now produces), its header is marked absent, a
  Korean note is added to the table, and the file's fingerprint is forgotten so the next scan reads
  it again (that row then counts as data);
- any other label with a personal value inside it is masked in place (``safe_label``);
- the same renaming is applied to decisions (``column_mappings`` and the JSON rows of
  ``mapping_history``, kept byte-identical to what undo compares), entered disclosure fields
  (``disclosure_meta``, ``disclosure_changes``) and proposal origins; mapping-memory entries keyed
  by a personal value are dropped and suggestions of the renamed columns are recomputed by ``map``;
- the search index entries of those columns are replaced and the index is optimised so the old
  text is not left in its segments; the migration connection uses ``secure_delete``;
- a yearly snapshot is frozen by triggers that refuse any change. A snapshot holding such labels
  is rewritten anyway, on purpose: inside the same transaction the guard trigger is dropped, the
  payload is rewritten with the same renaming (labels and the check messages quoting them), its
  SHA-256 is recomputed (so loading it still verifies), ``snapshots.revised`` records when and why,
  and the trigger is created again before the transaction commits. Keeping a personal value in
  the one table nobody may change would make the leak permanent.

The catalog's pre-upgrade backup copy (``catalog.db.vN-….bak``) is a copy of the old file and
still holds the old labels: the README says to delete it once the upgraded catalog is checked.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime

from catalog_app.scan.pii.label import label_pii_kind, safe_label
from catalog_app.scan.pii.scrub import scrub

__all__ = ["scrub_sql"]

NOTE = "머리글 행에 개인정보가 있어 데이터 행으로 보고 열 이름을 열1, 열2…로 바꾸었습니다."


def _pii(label: str | None) -> str | None:
    return label_pii_kind(label) if label else None


def _safe(label: str | None) -> str | None:
    return safe_label(label) if label else label


def _relabel_json(text: str | None, label: str | None) -> str | None:
    """A decision row as JSON (``json.dumps(dict(row), ensure_ascii=False)``) with a new label."""
    if not text or label is None:
        return text
    try:
        row = json.loads(text)
    except ValueError:
        return text
    if not isinstance(row, dict) or "label" not in row or row["label"] == label:
        return text
    row["label"] = label
    return json.dumps(row, ensure_ascii=False)


def _json_label(text: str | None) -> str | None:
    try:
        row = json.loads(text) if text else None
    except ValueError:
        return None
    return row.get("label") if isinstance(row, dict) else None


def scrub_snapshot_payload(payload: str) -> str | None:
    """The payload with personal labels renamed as in the live catalog; None when unchanged."""
    try:
        state = json.loads(payload)
    except ValueError:
        return None
    columns = state.get("columns") if isinstance(state, dict) else None
    if not columns:
        return None
    leaky: set[tuple] = set()
    for c in columns:
        if _pii(c.get("label")):
            leaky.add((c.get("dataset_key"), c.get("table_key")))
    changed = False
    for c in columns:
        old = c.get("label") or ""
        if (c.get("dataset_key"), c.get("table_key")) in leaky:
            new = f"열{int(c.get('col_index', 0)) + 1}"
        else:
            new = _safe(old) or old
        if new == old:
            continue
        changed = True
        c["label"] = new
        c["messages"] = [m.replace(old, new) if old else m for m in c.get("messages", [])]
        c["messages"] = [scrub(m) for m in c["messages"]]
    if not changed:
        return None
    return json.dumps(state, ensure_ascii=False, sort_keys=True)


def _sha256(text: str | None) -> str | None:
    return hashlib.sha256(text.encode()).hexdigest() if text is not None else None


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return row is not None


def scrub_sql(conn: sqlite3.Connection, search_will_exist: bool, frozen_trigger: str) -> str:
    """Register the helper functions on ``conn`` and return the SQL of the step.

    ``search_will_exist``: whether ``search_index`` exists once the earlier steps of the same
    migration ran; ``frozen_trigger``: the CREATE TRIGGER statement that freezes snapshots."""
    conn.create_function("catalog_pii_label", 1, _pii, deterministic=True)
    conn.create_function("catalog_safe_label", 1, _safe, deterministic=True)
    conn.create_function("catalog_relabel_json", 2, _relabel_json, deterministic=True)
    conn.create_function("catalog_json_label", 1, _json_label, deterministic=True)
    conn.create_function("catalog_scrub_text", 1, scrub, deterministic=True)
    conn.create_function("catalog_scrub_snapshot", 1, scrub_snapshot_payload, deterministic=True)
    conn.create_function("catalog_sha256", 1, _sha256, deterministic=True)
    conn.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed, not left readable
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    revised = f"{stamp} 개인정보가 든 열 이름을 가렸습니다(카탈로그 업그레이드)."
    search = ""
    if search_will_exist:
        search = """
DELETE FROM search_index WHERE kind = 'column' AND ref_id IN (SELECT column_id FROM _relabel);
INSERT INTO search_index (text, kind, ref_id, dataset_id)
    SELECT label, 'column', id, dataset_id FROM columns
    WHERE id IN (SELECT column_id FROM _relabel);
INSERT INTO search_index (search_index) VALUES ('optimize');
"""
    match = "r.dataset_id = {t}.dataset_id AND r.table_key = {t}.table_key AND r.old = {t}.label"
    new_of = "(SELECT r.new FROM _relabel r WHERE " + match + ")"

    def renamed(table: str, replace: bool = False) -> str:
        verb = "UPDATE OR REPLACE" if replace else "UPDATE"
        return f"""
{verb} {table} SET label = {new_of.format(t=table)}
    WHERE EXISTS (SELECT 1 FROM _relabel r WHERE {match.format(t=table)});
{verb} {table} SET label = catalog_safe_label(label)
    WHERE label != '' AND catalog_safe_label(label) != label;"""

    def history_json(col: str) -> str:
        lookup = (
            "(SELECT r.new FROM _relabel r WHERE r.dataset_id = mapping_history.dataset_id "
            f"AND r.table_key = mapping_history.table_key AND r.old = catalog_json_label({col}))"
        )
        return (
            f"UPDATE mapping_history SET {col} = catalog_relabel_json({col}, COALESCE({lookup}, "
            f"catalog_safe_label(catalog_json_label({col})))) WHERE {col} IS NOT NULL;"
        )

    return f"""
CREATE TEMP TABLE _leaky AS
    SELECT DISTINCT table_id FROM columns WHERE catalog_pii_label(label) IS NOT NULL;
CREATE TEMP TABLE _relabel AS
    SELECT c.id AS column_id, c.dataset_id, t.table_key, c.label AS old,
           CASE WHEN c.table_id IN (SELECT table_id FROM _leaky)
                THEN '열' || (c.col_index + 1) ELSE catalog_safe_label(c.label) END AS new
    FROM columns c JOIN tables t ON t.id = c.table_id;
DELETE FROM _relabel WHERE new = old;
UPDATE columns SET label = (SELECT r.new FROM _relabel r WHERE r.column_id = columns.id)
    WHERE id IN (SELECT column_id FROM _relabel);
UPDATE tables SET data_row = COALESCE(header_row, data_row), header_row = NULL, header_rows = 0,
    warnings = json_insert(CASE WHEN json_valid(warnings) THEN warnings ELSE '[]' END, '$[#]',
                           {_sql_text(NOTE)})
    WHERE id IN (SELECT table_id FROM _leaky);
UPDATE datasets SET mtime_ns = NULL, content_hash = NULL
    WHERE id IN (SELECT dataset_id FROM _relabel);
DELETE FROM column_match WHERE column_id IN (SELECT column_id FROM _relabel);
{search}
{history_json("before")}
{history_json("after")}
{renamed("column_mappings", replace=True)}
{renamed("disclosure_meta", replace=True)}
{renamed("disclosure_changes")}
{renamed("mapping_history")}
DELETE FROM mapping_memory WHERE catalog_pii_label(label) IS NOT NULL;
UPDATE OR REPLACE mapping_memory SET label = catalog_safe_label(label)
    WHERE catalog_safe_label(label) != label;
UPDATE dict_proposals SET origin = catalog_scrub_text(origin)
    WHERE origin IS NOT NULL AND catalog_scrub_text(origin) != origin;
CREATE TEMP TABLE _snapshots AS
    SELECT year, catalog_scrub_snapshot(payload) AS payload FROM snapshots;
DELETE FROM _snapshots WHERE payload IS NULL;
DROP TRIGGER snapshots_frozen_update;
UPDATE snapshots
    SET payload = (SELECT s.payload FROM _snapshots s WHERE s.year = snapshots.year),
        sha256 = catalog_sha256((SELECT s.payload FROM _snapshots s WHERE s.year = snapshots.year)),
        revised = {_sql_text(revised)}
    WHERE year IN (SELECT year FROM _snapshots);
{frozen_trigger.strip().rstrip(";")};
DROP TABLE _snapshots;
DROP TABLE _relabel;
DROP TABLE _leaky;
"""


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
