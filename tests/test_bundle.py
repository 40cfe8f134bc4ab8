"""Department bundles (issue 18): export, merge, idempotence, replacement, conflicts, bad files.

Departments are made from the committed corpus fixtures split into five folders, each scanned
into its own catalog, mapped, the confident suggestions accepted, and exported as a bundle.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from catalog_app.catalog import schema
from tests.bundle_helpers import (
    DEPARTMENTS,
    catalog_rate,
    department_catalog,
    department_rates,
    dump_hash,
    export,
    split_corpus,
)
from tests.cli_helpers import FIXTURES, run, run_json

HANGUL = re.compile("[가-힣]")
MERGE_KEYS = {"merged", "skipped", "conflicts"}
MERGED_KEYS = {"bundle", "department", "datasets", "columns"}


@pytest.fixture(scope="module")
def departments(tmp_path_factory, template) -> dict:
    """Five department catalogs and their bundles (made once for the module)."""
    root = tmp_path_factory.mktemp("depts")
    folders = split_corpus(FIXTURES / "corpus", root / "files")
    out = {}
    for dept in DEPARTMENTS:
        db = department_catalog(template, folders[dept], root / f"{dept}.db")
        bundle = root / f"{dept}.bundle"
        info = export(db, bundle, dept)
        out[dept] = {"db": db, "bundle": bundle, "folder": folders[dept], "export": info}
    return out


@pytest.fixture
def central(tmp_path, template) -> Path:
    db = tmp_path / "central.db"
    shutil.copy(template, db)
    return db


def _merge(central: Path, *bundles: Path, code: int = 0) -> dict:
    return run_json(central, "bundle", "merge", *map(str, bundles), "-q", code=code)


def test_export_json_and_bundle_content(departments):
    info = departments["교통과"]["export"]
    assert {"bundle", "department", "datasets", "columns", "sha256", "created_at",
            "created_by", "edition", "release_version", "masked_values"} <= info.keys()  # fmt: skip
    assert info["department"] == "교통과" and info["datasets"] > 0 and info["columns"] > 0
    conn = sqlite3.connect(departments["교통과"]["bundle"])
    facts = dict(conn.execute("SELECT key, value FROM bundle_info"))
    assert facts["kind"] == "catalog_app.bundle" and facts["edition"] == "7차(2024-11)"
    assert int(facts["schema_version"]) == schema.LATEST
    assert facts["content_sha256"] == info["sha256"]
    assert conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0] == info["columns"]
    # every value of a personal column is masked in the bundle, as in the catalog
    for samples, masked in conn.execute(
        "SELECT samples, masked FROM columns WHERE pii_kind IS NOT NULL"
    ):
        assert masked == 1, samples
    conn.close()


@pytest.mark.slow
def test_five_departments_merge_with_their_own_rates(departments, central):
    report = _merge(central, *(d["bundle"] for d in departments.values()))
    assert report.keys() >= MERGE_KEYS
    assert len(report["merged"]) == 5 and not report["conflicts"] and not report["skipped"]
    for m in report["merged"]:
        assert m.keys() >= MERGED_KEYS
        assert m["columns"] == departments[m["department"]]["export"]["columns"]
    rates = department_rates(central)
    assert set(rates) == set(DEPARTMENTS)
    for dept, d in departments.items():
        assert rates[dept] == catalog_rate(d["db"]), dept
    # provenance per dataset, and the merged datasets are first-class for check and validate
    listed = run_json(central, "list")
    assert all(x["folder"].split("/")[0] in DEPARTMENTS for x in listed)
    assert run_json(central, "check")["unsuggested"] == 0
    run_json(central, "validate", "--year", "2026", code=1)  # required fields empty: blocked
    out = central.parent / "목록.csv"
    run(central, "export", "--year", "2026", "--kind", "inventory", "--out", str(out), "--force")
    listed_names = out.read_text(encoding="utf-8-sig")
    for d in departments.values():
        for f in d["folder"].iterdir():
            assert f.stem in listed_names, f.name  # every department's file is on the list
    bundles = run_json(central, "bundle", "list")
    assert {b["department"] for b in bundles} == set(DEPARTMENTS)
    assert all(b["created_by"] and b["sha256"] for b in bundles)


def test_merging_again_changes_nothing(departments, central):
    bundles = [d["bundle"] for d in departments.values()]
    _merge(central, *bundles)
    before = dump_hash(central)
    again = _merge(central, *bundles)
    assert not again["merged"]
    assert {s["reason"] for s in again["skipped"]} == {"already_merged"}
    assert all(HANGUL.search(s["message"]) for s in again["skipped"])
    assert dump_hash(central) == before


def test_newer_bundle_replaces_older_and_keeps_ids(departments, central, tmp_path, template):
    dept = "교통과"
    first = departments[dept]
    _merge(central, first["bundle"])
    before = {x["path"]: x["id"] for x in run_json(central, "list")}
    # the department PC was set up again and holds fewer files now
    files = sorted(first["folder"].iterdir())
    db = department_catalog(template, first["folder"], tmp_path / "again.db")
    run(db, "scan", str(first["folder"]), "-q")
    (first["folder"] / files[0].name).rename(tmp_path / files[0].name)
    try:
        run(db, "scan", str(first["folder"]), "-q")  # the file is gone: marked missing
    finally:
        (tmp_path / files[0].name).rename(first["folder"] / files[0].name)
    newer = tmp_path / "newer.bundle"
    export(db, newer, dept)
    report = _merge(central, newer)
    assert report["merged"][0]["department"] == dept
    after = {x["path"]: x for x in run_json(central, "list")}
    assert set(after) == set(before)  # a missing file stays listed (status missing)
    assert all(after[p]["id"] == i for p, i in before.items())  # ids kept
    assert after[str(first["folder"] / files[0].name)]["status"] == "missing"
    # the older bundle comes back late: skipped
    late = _merge(central, first["bundle"])
    assert late["skipped"][0]["reason"] == "older"
    assert [b["sha256"] for b in run_json(central, "bundle", "list")] == [export_sha(newer)]


def export_sha(bundle: Path) -> str:
    conn = sqlite3.connect(bundle)
    try:
        return conn.execute(
            "SELECT value FROM bundle_info WHERE key = 'content_sha256'"
        ).fetchone()[0]
    finally:
        conn.close()


def test_department_that_dropped_files_loses_them_centrally(
    departments, central, tmp_path, template
):
    dept = "복지과"
    first = departments[dept]
    _merge(central, first["bundle"])
    files = sorted(first["folder"].iterdir())
    keep = tmp_path / "keep"
    keep.mkdir()
    shutil.copy(files[0], keep / files[0].name)
    db = department_catalog(template, keep, tmp_path / "keep.db")
    report = _merge(central, _export(db, tmp_path, dept))
    # the department moved its one remaining file to another folder: the old paths are gone
    assert report["merged"][0]["removed"] == len(files)
    assert [x["path"] for x in run_json(central, "list")] == [str(keep / files[0].name)]


def _export(db: Path, tmp: Path, dept: str) -> Path:
    out = tmp / f"{dept}-new.bundle"
    export(db, out, dept)
    return out


def test_conflicting_bundle_is_listed_not_merged(departments, central, tmp_path, template):
    _merge(central, *(d["bundle"] for d in departments.values()))
    before = dump_hash(central)
    # another department scanned 교통과's folder: the same paths
    thief = department_catalog(template, departments["교통과"]["folder"], tmp_path / "t.db")
    bundle = tmp_path / "감사실.bundle"
    export(thief, bundle, "감사실")
    report = _merge(central, bundle, code=1)
    assert not report["merged"]
    kinds = {c["kind"] for c in report["conflicts"]}
    assert "path_claimed" in kinds
    assert all(c["blocking"] and c["department"] == "감사실" for c in report["conflicts"]
               if c["kind"] == "path_claimed")  # fmt: skip
    assert all(HANGUL.search(c["message"]) for c in report["conflicts"])
    assert report["not_merged"][0]["department"] == "감사실"
    assert {x["folder"].split("/")[0] for x in run_json(central, "list")} == set(DEPARTMENTS)
    queue = run_json(central, "bundle", "conflicts")
    assert {c["kind"] for c in queue} >= {"path_claimed"}
    assert all(c["status"] == "open" for c in queue)
    # listing the same conflicting bundle again adds nothing
    after_first = dump_hash(central)
    assert after_first != before  # the conflicts were recorded
    _merge(central, bundle, code=1)
    assert dump_hash(central) == after_first


def test_same_title_in_two_departments_is_a_conflict(departments, central, tmp_path, template):
    _merge(central, departments["교통과"]["bundle"])
    # 기획과 holds a file of the same name (another copy, another folder): same 목록명
    src = sorted(departments["교통과"]["folder"].iterdir())[0]
    folder = tmp_path / "기획과"
    folder.mkdir()
    shutil.copy(src, folder / src.name)
    db = department_catalog(template, folder, tmp_path / "g.db")
    report = _merge(central, _export(db, tmp_path, "기획과"), code=1)
    titles = [c for c in report["conflicts"] if c["kind"] == "title_claimed"]
    assert titles and titles[0]["blocking"] and src.stem in titles[0]["key"]
    # the clerk gives the dataset its own 목록명: the new bundle merges
    run(db, "meta", "set", src.name, "목록명=기획과_별도자료")
    report = _merge(central, _export(db, tmp_path, "기획과"))
    assert report["merged"][0]["department"] == "기획과"
    assert {c["status"] for c in run_json(central, "bundle", "conflicts", "--all")} == {"resolved"}


def test_other_dictionary_edition_is_a_conflict(departments, central, tmp_path, template):
    db = tmp_path / "old.db"
    shutil.copy(departments["환경과"]["db"], db)
    run(db, "standards", "import", str(FIXTURES / "standards" / "mini7_csv"), "--name",
        "미니판", "--use")  # fmt: skip
    run(db, "map", "-q")
    report = _merge(central, _export(db, tmp_path, "환경과"), code=1)
    conflict = [c for c in report["conflicts"] if c["kind"] == "edition_mismatch"]
    assert conflict and "미니판" in conflict[0]["message"] and conflict[0]["blocking"]
    assert run_json(central, "list") == []


@pytest.mark.slow
def test_institution_terms_the_centre_lacks_go_to_the_review_queue(departments, central, tmp_path):
    db = tmp_path / "own.db"
    dept = next(
        d
        for d in DEPARTMENTS
        if any(_only_t1(c) for c in run_json(departments[d]["db"], "check")["columns"])
    )
    shutil.copy(departments[dept]["db"], db)
    column = next(c for c in run_json(db, "check")["columns"] if _only_t1(c))
    before = catalog_rate(db)
    # the department's standards keeper adds the term; the clerk maps the column to it
    run(db, "standards", "add-term", column["label"], "--force")
    run(db, "mapping", "accept", str(column["column_id"]), column["label"])
    own = catalog_rate(db)
    assert own[0] == before[0] + 1  # one more compliant column in the department
    report = _merge(central, _export(db, tmp_path, dept))
    assert report["merged"] and report["merged"][0]["queued_terms"] == 1
    missing = [c for c in report["conflicts"] if c["kind"] == "institution_term_missing"]
    assert missing and not missing[0]["blocking"] and missing[0]["key"] == column["label"]
    review = run_json(central, "standards", "review")
    assert [r["name"] for r in review] == [column["label"]]
    assert dept in review[0]["origin"]
    assert department_rates(central)[dept] == before  # not compliant until approved
    run(central, "standards", "review", "--approve", str(review[0]["id"]), "--force")
    assert department_rates(central)[dept] == own


def _only_t1(c: dict) -> bool:
    """A column whose only finding is 'no such term' (a new institution term fixes it)."""
    return c["kind"] == "composable" and [x["code"] for x in c["checks"]] == ["T1"]


@pytest.mark.parametrize("damage", ["newer", "edited", "truncated", "not_sqlite", "catalog"])
def test_bad_bundles_merge_nothing(departments, central, tmp_path, damage):
    bad = tmp_path / "bad.bundle"
    shutil.copy(departments["교통과"]["bundle"], bad)
    if damage == "newer":
        conn = sqlite3.connect(bad)
        conn.execute(
            "UPDATE bundle_info SET value = ? WHERE key = 'schema_version'",
            (str(schema.LATEST + 1),),
        )
        conn.commit()
        conn.close()
    elif damage == "edited":
        conn = sqlite3.connect(bad)
        conn.execute(
            "UPDATE columns SET label = label || 'x' WHERE id = (SELECT MIN(id) FROM columns)"
        )
        conn.commit()
        conn.close()
    elif damage == "truncated":
        data = bad.read_bytes()
        bad.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "not_sqlite":
        shutil.copy(FIXTURES / "corpus" / "population.csv", bad)
    else:
        shutil.copy(departments["교통과"]["db"], bad)
    before = dump_hash(central)
    report = _merge(central, bad, code=1)
    assert not report["merged"] and len(report["failed"]) == 1
    failure = report["failed"][0]
    expected = {
        "newer": {"newer_version"},
        "edited": {"hash_mismatch"},
        "truncated": {"damaged", "hash_mismatch"},
        "not_sqlite": {"not_a_bundle"},
        "catalog": {"not_a_bundle"},
    }[damage]
    assert failure["code"] in expected, failure
    assert HANGUL.search(failure["message"])
    assert dump_hash(central) == before
    # the original file is never touched by a merge
    assert not list(tmp_path.glob("bad.bundle-*"))


def test_text_output_and_exit_code(departments, central, tmp_path):
    bad = tmp_path / "x.bundle"
    bad.write_text("not a bundle", encoding="utf-8")
    result = run(central, "bundle", "merge", str(departments["교통과"]["bundle"]), str(bad),
                 "-q", code=1)  # fmt: skip
    assert "[합침]" in result.stdout and "[실패]" in result.stdout
    assert "꾸러미 파일이 아닙니다" in result.stdout


def test_central_scan_keeps_merged_datasets(departments, central, tmp_path):
    _merge(central, *(d["bundle"] for d in departments.values()))
    merged = {x["path"]: x["status"] for x in run_json(central, "list")}
    local = tmp_path / "기획예산과"
    local.mkdir()
    shutil.copy(FIXTURES / "corpus" / "population.csv", local / "인구2.csv")
    run(central, "scan", str(local), "-q")
    run(central, "scan", str(local), "--force", "-q")
    after = {x["path"]: x["status"] for x in run_json(central, "list")}
    assert {p: s for p, s in after.items() if p in merged} == merged  # none marked missing
    assert len(after) == len(merged) + 1
    check = run_json(central, "check")
    assert {r["name"] for r in check["rates"]["department"]} >= set(DEPARTMENTS)


def test_export_masks_personal_values_the_scan_missed(departments, tmp_path):
    db = tmp_path / "leak.db"
    shutil.copy(departments["교통과"]["db"], db)
    conn = sqlite3.connect(db)
    column = conn.execute("SELECT id FROM columns WHERE pii_kind IS NULL LIMIT 1").fetchone()[0]
    leak = ["800101-1234567", "010-1234-5678", "hong@example.com", "12.5"]
    conn.execute(
        "UPDATE columns SET samples = ?, top_values = ?, min_value = ? WHERE id = ?",
        (json.dumps(leak), json.dumps([[v, 1] for v in leak]), leak[0], column),
    )
    conn.execute(
        """INSERT INTO disclosure_meta (dataset_id, column_id, table_key, label, field, value,
           updated_by, updated_at) VALUES (1, 0, '', '', 'description', '담당 010-9876-5432',
           'x', 'now')"""
    )
    conn.commit()
    conn.close()
    info = export(db, tmp_path / "leak.bundle", "교통과")
    assert info["masked_values"] >= 7
    b = sqlite3.connect(tmp_path / "leak.bundle")
    samples, top, low = b.execute(
        "SELECT samples, top_values, min_value FROM columns WHERE id = ?", (column,)
    ).fetchone()
    text = (
        samples + top + low + "".join(r[0] for r in b.execute("SELECT value FROM disclosure_meta"))
    )
    for raw in ("1234567", "1234-5678", "hong@", "9876-5432"):
        assert raw not in text
    assert "12.5" in samples  # a decimal is not a phone number
    b.close()


def test_export_refused_while_columns_lack_suggestions(departments, tmp_path):
    db = tmp_path / "stale.db"
    shutil.copy(departments["교통과"]["db"], db)
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM column_match WHERE column_id = (SELECT MIN(id) FROM columns)")
    conn.commit()
    conn.close()
    result = run(db, "bundle", "export", str(tmp_path / "s.bundle"), "--department", "교통과",
                 code=1)  # fmt: skip
    assert "표준용어 제안이 없는 컬럼" in result.stderr
    assert not (tmp_path / "s.bundle").exists()
    run(db, "bundle", "export", str(tmp_path / "s.bundle"), "--department", "교통과", "--force")


def test_export_needs_a_department(departments, tmp_path):
    result = run(departments["교통과"]["db"], "bundle", "export", str(tmp_path / "n.bundle"),
                 code=1)  # fmt: skip
    assert "--department" in result.stderr


# ------------------------------------------------------------------ the README's --json contract
def _readme_spec(marker: str) -> str:
    """The shorthand after ``marker`` in the README, up to its matching bracket."""
    from tests.cli_helpers import DOCS

    text = DOCS.read_text(encoding="utf-8")
    start = text.index(marker) + len(marker)
    opening = min(i for i in (text.find("{", start), text.find("[", start)) if i >= 0)
    depth = 0
    for i in range(opening, len(text)):
        if text[i] in "[{":
            depth += 1
        elif text[i] in "]}":
            depth -= 1
            if depth == 0:
                return text[opening : i + 1]
    raise AssertionError(f"unbalanced spec after {marker}")


def _emitted_keys(obj, path=()) -> dict[tuple, set[str]]:
    """Keys of a JSON value by the same paths ``_spec_keys`` gives (lists are transparent)."""
    from collections import defaultdict

    out: dict[tuple, set[str]] = defaultdict(set)

    def walk(value, where):
        if isinstance(value, list):
            for item in value:
                walk(item, where)
        elif isinstance(value, dict):
            for k, v in value.items():
                out[where].add(k)
                if k not in ("detail",):  # free-form per conflict kind
                    walk(v, (*where, k))

    walk(obj, path)
    return out


def test_bundle_json_matches_the_readme(departments, central, tmp_path, template):
    from tests.test_cli import _spec_keys

    bad = tmp_path / "bad.bundle"
    bad.write_text("x", encoding="utf-8")
    thief = department_catalog(template, departments["교통과"]["folder"], tmp_path / "t.db")
    claimed = _export(thief, tmp_path, "감사실")
    first = departments["교통과"]["bundle"]
    _merge(central, first)
    report = _merge(central, first, departments["복지과"]["bundle"], claimed, bad, code=1)
    assert report["merged"] and report["skipped"] and report["conflicts"] and report["failed"]
    outputs = {
        "`bundle export` → ": departments["교통과"]["export"],
        "`bundle merge` → ": report,
        "`bundle list` → ": run_json(central, "bundle", "list"),
        "conflicts` → ": run_json(central, "bundle", "conflicts"),
    }
    for marker, emitted in outputs.items():
        spec = _spec_keys(_readme_spec(marker))
        got = _emitted_keys(emitted)
        for path, keys in spec.items():
            assert keys == got[path], (marker, path, keys ^ got[path])


def test_header_override_of_a_merged_dataset_is_refused(departments, central):
    _merge(central, departments["교통과"]["bundle"])
    first = run_json(central, "list")[0]
    before = dump_hash(central)
    result = run(central, "header", str(first["id"]), "--row", "2", code=1)
    assert "꾸러미에서 왔습니다" in result.stderr
    assert dump_hash(central) == before


def test_removing_a_department_settles_a_path_conflict(departments, central, tmp_path, template):
    _merge(central, departments["교통과"]["bundle"], departments["복지과"]["bundle"])
    renamed = department_catalog(template, departments["교통과"]["folder"], tmp_path / "r.db")
    bundle = _export(renamed, tmp_path, "교통행정과")  # the department was renamed
    assert _merge(central, bundle, code=1)["not_merged"]
    gone = run_json(central, "bundle", "remove", "교통과")
    assert gone == {"department": "교통과", "removed": departments["교통과"]["export"]["datasets"]}
    assert run_json(central, "bundle", "merge", str(bundle), "-q")["merged"]
    folders = {x["folder"].split("/")[0] for x in run_json(central, "list")}
    assert folders == {"교통행정과", "복지과"}
    assert run(central, "search", "교통과").stdout.count("교통과/") == 0


def test_merge_is_refused_while_another_job_holds_the_catalog(departments, central):
    """A merge is a writer job: refused (not interleaved) while a scan holds the catalog."""
    import threading

    from catalog_app.bundle.merge import merge_bundles
    from catalog_app.catalog.joblock import CatalogBusy, job_lock
    from catalog_app.catalog.store import Catalog

    held, release = threading.Event(), threading.Event()

    def scanning():
        with job_lock(central, "scan"):
            held.set()
            release.wait(30)

    t = threading.Thread(target=scanning)
    t.start()
    try:
        assert held.wait(30)
        with Catalog(central) as cat:
            before = cat.conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
            with pytest.raises(CatalogBusy, match="스캔"):
                merge_bundles(cat, [departments["교통과"]["bundle"]])
            assert cat.conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0] == before
    finally:
        release.set()
        t.join()
