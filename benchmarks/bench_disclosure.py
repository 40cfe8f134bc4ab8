"""Yearly disclosure figures on a big catalog: state, validation, snapshot, diff and every export.

    python benchmarks/bench_disclosure.py                          # 2,000 datasets x 20 columns
    python benchmarks/bench_disclosure.py --datasets 5000 --repeats 3

The catalog is generated like bench_ui's (no spreadsheets read) and mapped once. Each repeat then
runs the coordinator's year on a fresh copy, in fresh processes: the snapshot of 2024 alone (its
peak memory is that process's own), then the live state, validation, an edit, the diff
2024 → 2025 and the seven exports one after another in one process, as the desktop's task
runner does (forced: the generated datasets carry no entered metadata, so validation blocks),
then the portal's registered list (nine in ten of the datasets) is imported and the lifecycle,
the deadlines and the diff export with its 등록 대비 sheet are timed.
Then the same seven exports run as a coordinator runs them from the command line, one
``catalog-app export`` process after another on a copy taken after the snapshot (each process
opens the catalog and asks for the state: the first builds it, the others read the state kept
beside the catalog, ``disclosure.state_store``); their sum is the figure of the target.
Median and minimum of the repeats are printed, with the machine and its load.

    python benchmarks/bench_disclosure.py --datasets 2000 --repeats 3   # the issue's 2,000 files
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

CHILD = r"""
import json, sys, time
sys.path.insert(0, {repo!r})
sys.path.insert(0, {repo!r} + "/benchmarks")
from pathlib import Path
from catalog_app.catalog.store import Catalog
step, db, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
times = {{}}
def timed(label, fn):
    t = time.perf_counter(); r = fn(); times[label] = time.perf_counter() - t; return r
def peak():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
with Catalog(db) as cat:
    if step == "snapshot":
        from catalog_app.disclosure.snapshot import take_snapshot
        before = peak()
        timed("snapshot 2024 (forced)", lambda: take_snapshot(cat, 2024, force=True))
        times["snapshot peak MB"] = peak()
        times["process before MB"] = before
        size = cat.conn.execute("SELECT length(payload) FROM snapshots").fetchone()[0]
        times["payload MB"] = size / 1e6
    else:
        from catalog_app.disclosure.export import KINDS, export, year_diff
        from catalog_app.disclosure.metadata import MetadataStore
        from catalog_app.disclosure.state import build_state
        from catalog_app.disclosure.validate import validate
        state = timed("build live state", lambda: build_state(cat, 2025))
        timed("validate", lambda: validate(state))
        first = cat.conn.execute("SELECT MIN(id) FROM datasets WHERE status = 'ok'").fetchone()
        MetadataStore(cat).set_fields(first[0], {{"update_cycle": "월간"}})
        timed("diff 2024 -> 2025 (live)", lambda: year_diff(cat, 2025)[0])
        for kind in KINDS:
            timed(f"export {{kind}}", lambda k=kind: export(cat, 2025, k, out, force=True))
        timed("export inventory (csv)",
              lambda: export(cat, 2025, "inventory", out / "목록.csv", force=True))
        times["columns"] = len(state.columns)
        from bench_disclosure import _registered_list
        from catalog_app.disclosure.deadlines import deadlines
        from catalog_app.disclosure.registered import apply_import, preview_import
        from catalog_app.disclosure.state_cache import state_for_year
        registered = _registered_list(out / "목록.csv", out / "목록개방현황.csv")
        preview = timed("registered import: preview", lambda: preview_import(cat, registered))
        timed("registered import: apply", lambda: apply_import(cat, preview))
        live = state_for_year(cat, 2025)
        timed("lifecycle + deadlines", lambda: deadlines(live))
        timed("export diff (+ 등록 대비)",
              lambda: export(cat, 2025, "diff", out / "변경.xlsx", force=True))
print(json.dumps(times))
"""

EXPORTS = (
    "export inventory",
    "export definitions",
    "export compliance",
    "export diff",
    "export dcat",
    "export datapackage",
    "export inventory (csv)",
)


CLI_EXPORTS = (  # (label, --kind, file or folder under the output folder)
    ("cli inventory", "inventory", "목록.xlsx"),
    ("cli definitions", "definitions", "정의서.xlsx"),
    ("cli compliance", "compliance", "준수율.xlsx"),
    ("cli diff", "diff", "변경.xlsx"),
    ("cli dcat", "dcat", "dcat.jsonld"),
    ("cli datapackage", "datapackage", "datapackages"),
    ("cli inventory (csv)", "inventory", "목록.csv"),
)


def run_cli(db: Path, out: Path) -> dict:
    """The seven exports as seven ``catalog-app export`` processes, one after another."""
    import time

    times = {}
    for label, kind, name in CLI_EXPORTS:
        argv = [sys.executable, "-m", "catalog_app", "--catalog", str(db), "export"]
        argv += ["--year", "2025", "--kind", kind, "--out", str(out / name), "--force"]
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True)
        times[label] = time.perf_counter() - start
        if done.returncode:
            raise RuntimeError(f"{kind}: {done.stderr[-2000:]}")
    times["all seven exports, CLI processes"] = sum(times[k] for k, _, _ in CLI_EXPORTS)
    return times


def run(step: str, db: Path, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(repo=str(REPO)), step, str(db), str(out)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _registered_list(inventory: Path, out: Path) -> Path:
    """A portal list of the generated catalog: nine in ten of its datasets registered."""
    import csv

    with open(inventory, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["목록키", "목록명", "파일데이터명", "분류체계", "업데이트 주기", "확장자(데이터포맷)"]
        )
        for i, r in enumerate(rows):
            if i % 10:
                writer.writerow(
                    [15000000 + i, r["목록명"], r["파일데이터명"], "공공행정", "연간", "xlsx"]
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=2000)
    parser.add_argument("--columns", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from bench_scan import load, machine
    from bench_ui import build_catalog

    from catalog_app.catalog.store import Catalog
    from catalog_app.dictionary.store import DictionaryStore
    from catalog_app.disclosure.metadata import MetadataStore
    from catalog_app.matching.jobs import map_catalog

    print(f"machine: {machine()}")
    print(f"start: {load()}")
    work = Path(tempfile.mkdtemp(prefix="bench_disclosure_"))
    try:
        base = work / "catalog.db"
        build_catalog(base, args.datasets, args.columns)
        with Catalog(base) as cat:
            DictionaryStore(cat).ensure_shipped()
            map_catalog(cat)
            MetadataStore(cat).set_institution({"name": "벤치시", "code": "1234567"})
            cat.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        results: list[dict] = []
        for r in range(args.repeats):
            db = work / f"r{r}.db"
            shutil.copy(base, db)
            out = work / f"out{r}"
            out.mkdir()
            got = run("snapshot", db, out)
            cli_db = work / f"cli{r}.db"
            shutil.copy(db, cli_db)  # after the snapshot of 2024, before anything else
            got.update(run("year", db, out))
            got["all seven exports"] = sum(got[k] for k in EXPORTS)
            cli_out = work / f"cli_out{r}"
            cli_out.mkdir()
            got.update(run_cli(cli_db, cli_out))
            results.append(got)
        print(f"catalog: {args.datasets:,} datasets generated, {results[0]['columns']:,} columns "
              f"held; snapshot payload {results[0]['payload MB']:.1f} MB")  # fmt: skip
        print(f"\n{'':<34}{'median':>9}{'min':>9}   ({args.repeats} repeats)")
        for key in results[0]:
            if key in ("columns", "payload MB", "process before MB"):
                continue
            values = [g[key] for g in results]
            unit = "" if key.endswith("MB") else " s"
            label = key.replace(" MB", "") + (" (MB)" if key.endswith("MB") else "")
            print(f"  {label:<32}{statistics.median(values):>9.2f}{min(values):>9.2f}{unit}")
        print(f"\nend: {load()} (target: all seven exports <= 20 s; the CLI processes' sum is the")
        print("figure as a coordinator runs them, the in-process one is the window's task runner)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
