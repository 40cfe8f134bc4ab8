"""Bundle merge benchmark (issue 18): 50 department bundles totalling 1,000,000 columns.

The bundles are generated here from ../shared/corpus (nothing big is committed): the corpus is
scanned into one department catalog, mapped (confident suggestions accepted) and exported; that
bundle is then replicated — every dataset copied under its own file name and path, with its
tables, column identities, columns, suggestions and decisions — into 50 bundles of 20,000
columns, each for its own department, with a fresh content hash. Then, in a child process (so its
peak memory is its own), all 50 are merged into an empty institution catalog; then merged again
(skipped: nothing changes); then one department's newer bundle replaces its older one.

    python benchmarks/bench_bundle.py [--bundles 50] [--columns 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from catalog_app.bundle.format import TABLES, digest  # noqa: E402
from catalog_app.catalog.store import Catalog  # noqa: E402
from catalog_app.dictionary.store import DictionaryStore  # noqa: E402


def template_catalog(folder: Path) -> Path:
    path = folder / "template.db"
    with Catalog(path) as cat:
        DictionaryStore(cat).ensure_shipped()
        cat.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def base_bundle(work: Path, template: Path) -> Path:
    """The corpus as one department: scan, map, accept ≥ 0.9, export."""
    from catalog_app.bundle.export import export_bundle
    from catalog_app.matching.decisions import MappingDesk
    from catalog_app.matching.jobs import map_catalog
    from catalog_app.scan.scanner import scan

    db = work / "base.db"
    shutil.copy(template, db)
    with Catalog(db) as cat:
        scan(cat, [str(CORPUS)])
        map_catalog(cat)
        MappingDesk(cat).bulk_accept(0.9)
        out = work / "base.bundle"
        export_bundle(cat, out, "기준부서")
    return out


# columns of each bundle table that are ids of another bundle table (shifted per copy)
_ID_COLUMNS = {
    "datasets": {"id": "datasets"},
    "tables": {"id": "tables", "dataset_id": "datasets"},
    "column_keys": {"id": "column_keys", "dataset_id": "datasets"},
    "columns": {"id": "column_keys", "table_id": "tables", "dataset_id": "datasets"},
    "column_match": {"column_id": "column_keys"},
    "column_mappings": {"column_id": "column_keys", "dataset_id": "datasets"},
    "disclosure_meta": {"dataset_id": "datasets"},
}


def replicate(base: Path, out: Path, department: str, copies: int, created_at: str) -> int:
    """A bundle holding ``copies`` copies of the base bundle's datasets for ``department``."""
    shutil.copy(base, out)
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("BEGIN")
    spans = {
        t: conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {t}").fetchone()[0]
        for t in ("datasets", "tables", "column_keys")
    }
    for k in range(1, copies):
        for table, ids in _ID_COLUMNS.items():
            cols = TABLES[table]
            exprs = []
            for c in cols:
                if c in ids:
                    exprs.append(f"{c} + {spans[ids[c]] * k}")
                elif table == "disclosure_meta" and c == "column_id":
                    shift = spans["column_keys"] * k
                    exprs.append(f"CASE WHEN column_id = 0 THEN 0 ELSE column_id + {shift} END")
                elif table == "datasets" and c == "path":
                    exprs.append(f"'/부서PC/{department}/사본{k}/' || name")
                elif table == "datasets" and c in ("name", "rel_path"):
                    exprs.append(f"'{department}_사본{k}_' || {c}")
                else:
                    exprs.append(c)
            conn.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
                f"FROM {table} WHERE {_base_rows(table, spans)}"
            )
    conn.execute(  # the original copy too: no 목록명 (from the file name) twice across bundles
        f"""UPDATE datasets SET path = '/부서PC/{department}/원본/' || name,
            name = '{department}_' || name, rel_path = '{department}_' || rel_path WHERE id <= ?""",
        (spans["datasets"],),
    )
    info = {
        "department": department,
        "created_at": created_at,
        "count_datasets": conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0],
        "count_columns": conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0],
    }
    for key, value in info.items():
        conn.execute("UPDATE bundle_info SET value = ? WHERE key = ?", (str(value), key))
    conn.execute("UPDATE bundle_info SET value = ? WHERE key = 'content_sha256'", (digest(conn),))
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return info["count_columns"]


def _base_rows(table: str, spans: dict) -> str:
    """The rows of the original copy (the ones with the first span of ids)."""
    key = {
        "datasets": "id",
        "tables": "dataset_id",
        "column_keys": "dataset_id",
        "columns": "dataset_id",
        "column_match": "column_id",
        "column_mappings": "dataset_id",
        "disclosure_meta": "dataset_id",
    }[table]
    limit = spans["column_keys"] if key == "column_id" else spans["datasets"]
    return f"{key} <= {limit}"


def make_bundles(work: Path, count: int, columns: int) -> list[Path]:
    template = template_catalog(work)
    base = base_bundle(work, template)
    with sqlite3.connect(base) as conn:
        per_copy = conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
    copies = max(1, -(-columns // (count * per_copy)))  # at least ``columns`` in all
    start = datetime.now(UTC)
    out = []
    for i in range(count):
        path = work / f"부서{i + 1:02d}.bundle"
        created = (start + timedelta(seconds=i)).isoformat(timespec="microseconds")
        replicate(base, path, f"부서{i + 1:02d}", copies, created)
        out.append(path)
    return out


def _child(catalog: str, bundles: list[str]) -> None:
    """Runs in its own process: merge, print JSON figures (time, peak RSS)."""
    from catalog_app.bundle.merge import merge_bundles

    with Catalog(catalog) as cat:
        t0 = time.perf_counter()
        report = merge_bundles(cat, bundles)
        seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": peak,
                "merged": sum(o.status == "merged" for o in report.outcomes),
                "skipped": sum(o.status == "skipped" for o in report.outcomes),
                "other": [
                    o.message for o in report.outcomes if o.status not in ("merged", "skipped")
                ],
                "columns": sum(o.columns for o in report.outcomes if o.status == "merged"),
            }
        )
    )


def run_child(catalog: Path, bundles: list[Path]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(catalog), *map(str, bundles)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundles", type=int, default=50)
    parser.add_argument("--columns", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the bundles and the catalog here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1:])
        return
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench_bundle_"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    bundles = make_bundles(work, args.bundles, args.columns)
    size = sum(b.stat().st_size for b in bundles) / 2**20
    print(f"generated {len(bundles)} bundles ({size:,.0f} MiB) in {time.perf_counter() - t0:.1f} s")
    central = work / "central.db"
    shutil.copy(work / "template.db", central)
    first = run_child(central, bundles)
    print(
        f"merge {first['merged']} bundles, {first['columns']:,} columns: {first['seconds']:.1f} s "
        f"({first['columns'] / first['seconds']:,.0f} columns/s), peak RSS {first['peak_mb']:.0f} MB"
    )
    if first["other"]:
        print("  not merged:", first["other"][:3])
    again = run_child(central, bundles)
    print(
        f"merge the same {again['skipped']} bundles again (all skipped): {again['seconds']:.1f} s"
    )
    newer = work / "부서01-newer.bundle"
    created = (datetime.now(UTC) + timedelta(days=1)).isoformat(timespec="microseconds")
    base = work / "base.bundle"
    with sqlite3.connect(bundles[0]) as conn:
        copies = conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
    with sqlite3.connect(base) as conn:
        per = conn.execute("SELECT COUNT(*) FROM datasets").fetchone()[0]
    replicate(base, newer, "부서01", copies // per, created)
    third = run_child(central, [newer])
    print(
        f"replace one department's bundle ({third['columns']:,} columns, ids kept): "
        f"{third['seconds']:.1f} s, peak RSS {third['peak_mb']:.0f} MB"
    )
    with Catalog(central) as cat:
        n = cat.conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
    print(f"central catalog: {n:,} columns, {central.stat().st_size / 2**20:,.0f} MiB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
