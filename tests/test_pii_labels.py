"""Issue 11, personal data kept as column labels: a header cell that *is* a personal value makes
its row data; nothing unmasked reaches ``columns.label``, the search index, ``show/check/search
--json`` or a snapshot; and existing catalogs are scrubbed by the migration (snapshots included,
rewritten on purpose and re-hashed, their guard triggers restored).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from catalog_app.catalog import queries, schema
from catalog_app.catalog.label_scrub import NOTE
from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.snapshot import load_snapshot, take_snapshot
from catalog_app.matching.decisions import _same_decision
from catalog_app.scan.header import detect_header
from catalog_app.scan.pii.label import label_pii_kind, safe_label
from catalog_app.scan.scanner import scan
from tests import hostile_files as hf
from tests.cli_helpers import run, run_json

SECRETS = ["650821-2533178", "6508212533178", "8383-8722", "hong.gd@", "2533178", "1234-5678"]


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


# ------------------------------------------------------------------------ the guard itself
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("650821-2533178", "rrn"),
        ("010-8383-8722", "mobile"),
        ("hong.gd@example.com", "email"),
        ("02-2100-1234", "phone"),
        ("4111-1111-1111-1111", "card"),
        ("M123A4567", "passport"),
        ("서울 12-345678-90", "driver_license"),
    ],
)
def test_a_personal_value_is_recognised_as_a_label(text, kind):
    assert label_pii_kind(text) == kind
    assert text not in safe_label(text)


@pytest.mark.parametrize(
    "text",
    ["성명", "주민등록번호", "휴대전화", "2024", "인구|합계|계", "2020.12.31 기준", "12,345,678"],
)
def test_ordinary_headers_are_not_personal(text):
    assert label_pii_kind(text) is None and safe_label(text) == text


def test_a_header_with_a_value_inside_keeps_its_words():
    assert safe_label("담당자(hong.gd@korea.kr)") == "담당자(ho*****@korea.kr)"


def test_a_person_as_the_first_row_means_no_header():
    head = [list(r) for r in hf.PERSON_ROWS]
    layout = detect_header(head)
    assert layout.header_row is None and layout.labels == [f"열{i}" for i in range(1, 6)]
    # Even with many text columns (the label share alone would call it a header).
    wide = [["가", "나", "다", "라", "마", "바", "사", "아", "010-8383-8722"]] + [
        ["가", "나", "다", "라", "마", "바", "사", "아", "010-1234-5678"]
    ] * 3
    assert detect_header(wide).header_row is None


# ------------------------------------------------------------------- a scan end to end
def test_headerless_people_never_reach_labels_search_json_or_snapshots(tmp_path):
    folder = tmp_path / "자료"
    folder.mkdir()
    hf.headerless_people_csv(folder / "명단.csv")
    db = tmp_path / "c.db"
    out = run_json(db, "scan", str(folder))
    (table,) = out["datasets"][0]["tables"]
    assert [c["label"] for c in table["columns"]] == [f"열{i}" for i in range(1, 6)]
    assert table["header_row"] is None and table["row_count"] == 3  # the first person is data
    kinds = {c["index"]: (c["pii"] or {}).get("kind") for c in table["columns"]}
    assert kinds[1] == "rrn" and kinds[2] == "mobile" and kinds[3] == "email"
    run(db, "map", "-q")
    texts = {
        "scan": json.dumps(out, ensure_ascii=False),
        "show": run(db, "show", "명단.csv", "--json").stdout,
        "search": run(db, "search", "열", "--json").stdout,
        "check": run(db, "check", "--all", "--json").stdout,
        "show-text": run(db, "show", "명단.csv").stdout,
    }
    with Catalog(db) as cat:
        texts["labels"] = " ".join(r[0] for r in cat.conn.execute("SELECT label FROM columns"))
        texts["index"] = " ".join(r[0] for r in cat.conn.execute("SELECT text FROM search_index"))
        take_snapshot(cat, 2025, force=True)
        texts["snapshot"] = cat.conn.execute("SELECT payload FROM snapshots").fetchone()[0]
    for what, text in texts.items():
        assert not _leaks(text), (what, _leaks(text))


def test_a_personal_row_chosen_as_header_by_hand_is_masked(tmp_path):
    folder = tmp_path / "자료"
    folder.mkdir()
    hf.headerless_people_csv(folder / "명단.csv")
    db = tmp_path / "c.db"
    run_json(db, "scan", str(folder))
    run(db, "header", "명단.csv", "--row", "1", "--rows", "1")
    detail = run_json(db, "show", "명단.csv")
    labels = [c["label"] for c in detail["tables"][0]["columns"]]
    assert labels[1:4] == ["650821-2******", "010-****-8722", "ho*****@example.com"]
    assert not _leaks(json.dumps(detail, ensure_ascii=False))
    with Catalog(db) as cat:
        index = " ".join(r[0] for r in cat.conn.execute("SELECT text FROM search_index"))
    assert not _leaks(index)


# ------------------------------------------------------------- migration of old catalogs
def _old_catalog(path: Path) -> None:
    """A catalog as the previous version left it: a person's row stored as labels everywhere."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    schema.migrate(conn, schema.MIGRATIONS.index(schema._reliability))
    people = ["홍길동", "650821-2533178", "010-8383-8722", "hong.gd@example.com", "서울 종로구"]
    with conn:
        conn.execute("INSERT INTO roots (id, path, added_at) VALUES (1, '/d', 't')")
        conn.execute(
            "INSERT INTO scan_runs (id, started_at, roots, status) VALUES (1, 't', '[]', 'done')"
        )
        for ds, name in ((1, "명단.csv"), (2, "연락처.csv")):
            conn.execute(
                """INSERT INTO datasets (id, root_id, path, rel_path, name, folder, ext, size,
                   mtime_ns, content_hash, status) VALUES (?, 1, ?, ?, ?, '', '.csv', 10, 5, 'h', 'ok')""",
                (ds, f"/d/{name}", name, name),
            )
            conn.execute(
                """INSERT INTO tables (id, dataset_id, table_index, table_key, header_row,
                   header_rows, data_row, first_col, column_count, row_count)
                   VALUES (?, ?, 0, '#0', 0, 1, 1, 0, 5, 2)""",
                (ds, ds),
            )
        labels = [(1, i, label) for i, label in enumerate(people)]
        labels += [(2, 0, "구분"), (2, 1, "연락처 010-1234-5678")]
        for table_id, i, label in labels:
            cid = conn.execute(
                """INSERT INTO columns (table_id, dataset_id, col_index, label, inferred_type,
                   value_count, null_count, null_ratio, distinct_count, distinct_exact,
                   max_len_chars, max_len_bytes, decimal_places, top_values, samples, type_counts)
                   VALUES (?, ?, ?, ?, 'text', 2, 0, 0, 2, 1, 5, 5, 0, '[]', '[]', '{}')""",
                (table_id, table_id, i, label),
            ).lastrowid
            conn.execute(
                "INSERT INTO search_index (text, kind, ref_id, dataset_id) VALUES (?, 'column', ?, ?)",
                (label, cid, table_id),
            )
            conn.execute(
                """INSERT INTO column_match (column_id, kind, candidates, computed_at)
                   VALUES (?, 'nonstandard', '[]', 't')""",
                (cid,),
            )
        conn.execute(
            """INSERT INTO column_mappings (dataset_id, table_key, label, term_name, decided_by,
               decided_at) VALUES (1, '#0', '010-8383-8722', '휴대전화번호', '김주무관', 't')"""
        )
        mapping = conn.execute("SELECT * FROM column_mappings").fetchone()
        conn.execute(
            """INSERT INTO mapping_history (at, who, action, dataset_id, table_key, label, before,
               after) VALUES ('t', '김주무관', 'accept', 1, '#0', '010-8383-8722', NULL, ?)""",
            (json.dumps(dict(mapping), ensure_ascii=False),),
        )
        conn.execute(
            """INSERT INTO mapping_memory (label, term_name, updated_at)
               VALUES ('010-8383-8722', '휴대전화번호', 't')"""
        )
        conn.execute(
            """INSERT INTO disclosure_meta (dataset_id, table_key, label, field, value, updated_by,
               updated_at) VALUES (1, '#0', '650821-2533178', 'column_desc', '비고', 'x', 't')"""
        )
        conn.execute(
            """INSERT INTO disclosure_changes (batch_id, at, who, dataset_id, table_key, label,
               field, after) VALUES (1, 't', 'x', 1, '#0', '650821-2533178', 'column_desc', '비고')"""
        )
        conn.execute(
            """INSERT INTO dict_proposals (kind, name, payload, origin, proposed_by, proposed_at)
               VALUES ('term', '연락처', '{}', '명단.csv/#0/010-8383-8722', 'x', 't')"""
        )
        columns = [
            {
                "dataset_key": "/d/명단.csv",
                "table_key": "#0",
                "table_name": "#0",
                "col_index": i,
                "label": label,
                "messages": [f"'{label}'은(는) 표준 용어가 아닙니다."],
            }
            for i, label in enumerate(people)
        ]
        payload = json.dumps(
            {
                "year": 2024,
                "source": "snapshot",
                "created_at": "t",
                "created_by": "x",
                "institution": {},
                "edition": "7차",
                "columns": columns,
                "datasets": [],
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        conn.execute(
            """INSERT INTO snapshots (year, created_at, created_by, payload, sha256)
               VALUES (2024, 't', 'x', ?, ?)""",
            (payload, hashlib.sha256(payload.encode()).hexdigest()),
        )
    conn.close()


def test_migration_scrubs_an_existing_catalog_everywhere(tmp_path):
    db = tmp_path / "old.db"
    _old_catalog(db)
    with Catalog(db) as cat:
        assert cat.schema_version == schema.LATEST
        assert cat.backup_path is not None and cat.backup_path.exists()
        q = cat.conn.execute
        labels = {
            (r["table_id"], r["col_index"]): r["label"]
            for r in q("SELECT table_id, col_index, label FROM columns")
        }
        assert [labels[(1, i)] for i in range(5)] == [f"열{i}" for i in range(1, 6)]
        assert labels[(2, 0)] == "구분" and labels[(2, 1)] == "연락처 010-****-5678"
        table = q("SELECT * FROM tables WHERE id = 1").fetchone()
        assert (table["header_row"], table["header_rows"], table["data_row"]) == (None, 0, 0)
        assert NOTE in json.loads(table["warnings"])
        assert q("SELECT mtime_ns, content_hash FROM datasets WHERE id = 1").fetchone()[0] is None
        assert q("SELECT COUNT(*) FROM column_match WHERE column_id <= 5").fetchone()[0] == 0
        index = sorted(r[0] for r in q("SELECT text FROM search_index WHERE kind = 'column'"))
        assert index == sorted(labels.values())
        mapping = q("SELECT * FROM column_mappings").fetchone()
        assert mapping["label"] == "열3" and mapping["term_name"] == "휴대전화번호"
        history = q("SELECT * FROM mapping_history").fetchone()
        assert history["label"] == "열3"
        # What undo compares with the current decision (row ids aside) still matches.
        assert _same_decision(dict(mapping), history["after"])
        assert q("SELECT COUNT(*) FROM mapping_memory").fetchone()[0] == 0
        assert q("SELECT label FROM disclosure_meta").fetchone()[0] == "열2"
        assert q("SELECT label FROM disclosure_changes").fetchone()[0] == "열2"
        assert q("SELECT origin FROM dict_proposals").fetchone()[0] == "명단.csv/#0/010-****-8722"
        snap = q("SELECT * FROM snapshots").fetchone()
        assert snap["revised"] and "개인정보" in snap["revised"]
        assert hashlib.sha256(snap["payload"].encode()).hexdigest() == snap["sha256"]
        state = load_snapshot(cat, 2024)  # the integrity check passes
        assert [c.label for c in state.columns] == [f"열{i}" for i in range(1, 6)]
        assert state.columns[2].messages == ["'열3'은(는) 표준 용어가 아닙니다."]
        # The snapshot is frozen again.
        with pytest.raises(sqlite3.DatabaseError, match="frozen"):
            q("UPDATE snapshots SET created_by = 'y'")
        with pytest.raises(sqlite3.DatabaseError, match="frozen"):
            q("DELETE FROM snapshots")
        everything = json.dumps(
            [
                [list(r) for r in q(f"SELECT * FROM {t}")]
                for t in ("columns", "search_index", "column_mappings", "mapping_history",
                          "disclosure_meta", "disclosure_changes", "dict_proposals", "snapshots")
            ],
            ensure_ascii=False,
        )  # fmt: skip
        assert not _leaks(everything)
        cat.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db.read_bytes()  # freed pages zeroed (secure_delete) and the FTS index optimised
    assert not [s for s in SECRETS if s.encode() in raw]


def test_migration_leaves_a_clean_catalog_alone(tmp_path):
    db = tmp_path / "clean.db"
    conn = sqlite3.connect(db)
    schema.migrate(conn, schema.MIGRATIONS.index(schema._reliability))
    conn.close()
    with Catalog(db) as cat:
        assert cat.schema_version == schema.LATEST
        assert cat.conn.execute("SELECT COUNT(*) FROM snapshots").fetchone()[0] == 0


def test_rescan_after_the_migration_reads_the_file_again(tmp_path):
    folder = tmp_path / "자료"
    folder.mkdir()
    hf.headerless_people_csv(folder / "명단.csv")
    with Catalog(tmp_path / "c.db") as cat:
        scan(cat, [str(folder)])
        dataset = cat.dataset_by_path(str(folder / "명단.csv"))
        detail = queries.dataset_detail(cat, dataset["id"])
        assert detail["tables"][0]["row_count"] == 3
        cat.forget_fingerprint(dataset["id"])  # what the migration does to a scrubbed file
        again = scan(cat, [str(folder)])
        assert again.counts["changed"] == 1
