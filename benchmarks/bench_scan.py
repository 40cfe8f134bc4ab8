"""Scan benchmarks with their peers, measured in the same run and repeated (issues 2, 11, 20).

Every figure is taken ``--repeats`` times in a fresh process (peak memory is the process's own
VmHWM), alternating with its peer so both meet the same load; the table gives the median and the
minimum of each and the ratios of medians and of minimums:

- the mixed share: ``--share-copies`` copies of ../shared/corpus in department folders (34 files
  each: CSV in CP949/UTF-8, xls, xlsx, HTML saved as .xls), scanned into a new catalog with the
  in-job suggestions (what a clerk runs) and without them (reading only), against frictionless
  ``describe(path, stats=True)`` of every file (what ``frictionless describe --stats`` does);
- a generated 1,000,000-row × 20-column CP949 CSV profiled as a scan worker does, against
  ``pandas.read_csv`` alone;
- a generated 200,000-row × 20-column xlsx (inline strings, as openpyxl and most exporters write
  it) and the same workbook with a shared-string table (as Excel saves it), against python-calamine's
  plain read (``to_python``), with peak memory at several row counts;
- ``catalog-app --help`` against a bare ``python -c "import click"``;
- the corpus cold and warm (unchanged rescan).

    python benchmarks/bench_scan.py                       # full sizes, 3 repeats
    python benchmarks/bench_scan.py --quick               # small files, 2 repeats
    python benchmarks/bench_scan.py --only share,help --share-copies 60

Generated files are cached (``--cache``, default: the temp folder's catalog_app_bench).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
kind, path = sys.argv[1], sys.argv[2]
extra = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {{}}
out = {{}}
# Imports first, outside the timing, for us and the peers alike: a scan worker imports once
# and reads many files.
if kind == "pandas_csv":
    import pandas as pd
elif kind == "calamine":
    import python_calamine as c
elif kind == "profile":
    from catalog_app.scan import isolated
    isolated.IN_CHILD = True  # as a pool worker: workbooks in this process
    from catalog_app.scan.file_scan import scan_file
    import catalog_app.scan.csv_arrow, pyarrow.csv, numpy  # noqa: E401 - what a worker holds
t = time.perf_counter()
if kind == "pandas_csv":
    out["rows"] = len(pd.read_csv(path, encoding="cp949"))
elif kind == "calamine":
    out["rows"] = len(c.CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python())
elif kind == "profile":  # one file as a scan worker reads it
    out["rows"] = scan_file(path).tables[0].row_count
elif kind in ("share", "share_read", "corpus"):
    import shutil
    from catalog_app.catalog.store import Catalog
    from catalog_app.scan import scanner
    if extra.get("workers") is not None:
        scanner.WORKERS = extra["workers"]
    db = extra["db"]
    if extra.get("template"):
        shutil.copy(extra["template"], db)
    with Catalog(db) as cat:
        t = time.perf_counter()
        s = scanner.scan(cat, [path], suggest=(kind == "share"))
        out["secs_cold"] = time.perf_counter() - t
        out["files"], out["failed"] = s.counts["total"], s.counts["failed"]
        out["suggested"] = s.suggested
        if kind == "corpus":
            t2 = time.perf_counter()
            s2 = scanner.scan(cat, [path], suggest=False)
            out["secs_warm"] = time.perf_counter() - t2
            out["unchanged"] = s2.counts["unchanged"]
elif kind == "frictionless":
    import warnings
    warnings.filterwarnings("ignore")
    import frictionless
    files = sorted(p for p in __import__("pathlib").Path(path).rglob("*") if p.is_file())
    failed = 0
    for p in files:
        try:
            frictionless.describe(str(p), stats=True)
        except Exception:
            failed += 1
    out["files"], out["failed"] = len(files), failed
out["secs"] = time.perf_counter() - t
_self = resource.getrusage(resource.RUSAGE_SELF)
_kids = resource.getrusage(resource.RUSAGE_CHILDREN)
out["cpu"] = _self.ru_utime + _self.ru_stime + _kids.ru_utime + _kids.ru_stime
def _peak(name):
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith(name)) / 1024
try:  # VmHWM is this process's own peak; ru_maxrss can carry the parent's peak over fork+exec
    out["rss_mb"] = _peak("VmHWM")
except OSError:
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(out))
"""


def measure(kind: str, path: Path, **extra) -> dict:
    code = CHILD.format(root=str(ROOT))
    argv = [sys.executable, "-c", code, kind, str(path), json.dumps(extra)]
    out = subprocess.run(argv, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(f"{kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


# ------------------------------------------------------------------------------- the machine
def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next(
                line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    try:
        with open("/proc/meminfo") as fh:
            mem = int(fh.readline().split()[1]) / (1 << 20)
    except OSError:
        mem = 0
    cores = os.cpu_count()
    return (
        f"{cpu}, {cores} cores, {mem:.0f} GiB, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def load() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "load average n/a"


# --------------------------------------------------------------------------------- the table
class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, list[float], list[float] | None, str]] = []

    def add(self, label: str, ours: list[float], peer: list[float] | None = None, note=""):
        self.rows.append((label, ours, peer, note))

    def print(self) -> None:
        print(f"\n{'what':<58} {'median':>9} {'min':>9}  {'peer med':>9} {'peer min':>9}  ratio")
        for label, ours, peer, note in self.rows:
            med, low = statistics.median(ours), min(ours)
            line = f"{label:<58} {med:>9.3f} {low:>9.3f}"
            if peer:
                pmed, plow = statistics.median(peer), min(peer)
                line += f"  {pmed:>9.3f} {plow:>9.3f}  {med / pmed:.2f}x / {low / plow:.2f}x"
            print(line + (f"  {note}" if note else ""))


# ------------------------------------------------------------------------------- generated data
def ensure_file(path: Path, make, *args) -> Path:
    if not path.exists():
        start = time.perf_counter()
        tmp = path.with_suffix(path.suffix + ".part")
        make(tmp, *args)
        tmp.replace(path)
        size = path.stat().st_size / 1e6
        print(f"(generated {path.name}: {size:.0f} MB in {time.perf_counter() - start:.0f} s)")
    return path


def make_share(folder: Path, copies: int) -> Path:
    corpus = SHARED / "corpus"
    files = [p for p in sorted(corpus.iterdir()) if p.suffix.lower() in (".csv", ".xls", ".xlsx")]
    if folder.exists() and sum(1 for p in folder.rglob("*") if p.is_file()) == copies * len(files):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    for k in range(copies):
        dest = folder / f"부서{k:03d}"
        dest.mkdir(parents=True)
        for p in files:
            shutil.copy2(p, dest / p.name)
    return folder


def template_catalog(cache: Path) -> Path:
    """A catalog with the shipped dictionary loaded (a scan into it times reading + suggesting,
    not the one-off dictionary import)."""
    sys.path.insert(0, str(ROOT))
    from catalog_app.catalog.schema import LATEST
    from catalog_app.catalog.store import Catalog
    from catalog_app.dictionary.store import DictionaryStore

    path = cache / f"template_with_dictionary_v{LATEST}.db"  # one per schema (A/B runs)
    if not path.exists():
        with Catalog(path) as cat:
            DictionaryStore(cat).ensure_shipped()
            cat.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


# ---------------------------------------------------------------------------------- the parts
def bench_share(table: Table, cache: Path, copies: int, repeats: int) -> None:
    if not (SHARED / "corpus").is_dir():
        print("share: ../shared/corpus not found, skipped")
        return
    share = make_share(cache / f"share_{copies}", copies)
    template = template_catalog(cache)
    full, reading, peer, workers1 = [], [], [], []
    info: dict = {}
    cpu: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(repeats):
            order = ("ours", "peer") if r % 2 == 0 else ("peer", "ours")
            for who in order:
                if who == "peer":
                    got = measure("frictionless", share)
                    peer.append(got["secs"])
                    info["peer_failed"] = got["failed"]
                    continue
                db = Path(tmp) / f"s{r}.db"
                got = measure("share", share, db=str(db), template=str(template))
                full.append(got["secs_cold"])
                cpu.setdefault("full", []).append(got["cpu"])
                info.update(files=got["files"], failed=got["failed"], suggested=got["suggested"])
                db2 = Path(tmp) / f"r{r}.db"
                got = measure("share_read", share, db=str(db2))
                reading.append(got["secs_cold"])
                cpu.setdefault("pool", []).append(got["cpu"])
            db3 = Path(tmp) / f"one{r}.db"
            got = measure("share_read", share, db=str(db3), workers=1)
            workers1.append(got["secs_cold"])
            cpu.setdefault("one", []).append(got["cpu"])
    n = info["files"]
    table.add(
        f"share {n} files: scan with suggestions vs frictionless", full, peer,
        f"(target <= 0.4x; {info['failed']} files unreadable to us, "
        f"{info['peer_failed']} to frictionless)",
    )  # fmt: skip
    table.add(
        f"share {n} files: scan, reading only (pool)", reading, peer,
        f"CPU {statistics.median(cpu['pool']):.1f} s (all processes)",
    )  # fmt: skip
    table.add(
        f"share {n} files: scan, reading only, one process", workers1, peer,
        f"CPU {statistics.median(cpu['one']):.1f} s",
    )  # fmt: skip


def bench_csv(table: Table, cache: Path, rows: int, repeats: int) -> None:
    from bench_data import make_csv

    path = ensure_file(cache / f"gen_{rows}x20_cp949.csv", make_csv, rows)
    ours, peer, rss = [], [], []
    for r in range(repeats):
        pair = [("profile", ours), ("pandas_csv", peer)]
        for kind, into in pair if r % 2 == 0 else pair[::-1]:
            got = measure(kind, path)
            into.append(got["secs"])
            if kind == "profile":
                rss.append(got["rss_mb"])
    size = path.stat().st_size / 1e6
    table.add(
        f"csv {rows:,}x20 CP949 ({size:.0f} MB) vs pandas.read_csv", ours, peer,
        f"(target <= 1.2x) peak {max(rss):.0f} MB",
    )  # fmt: skip


def bench_xlsx(table: Table, cache: Path, sizes: list[int], repeats: int) -> None:
    from bench_data import make_xlsx, shared_strings_copy

    for n, rows in enumerate(sizes):
        inline = ensure_file(cache / f"gen_{rows}x20.xlsx", make_xlsx, rows)
        variants = [("inline strings", inline)]
        if n == len(sizes) - 1:
            sst = ensure_file(cache / f"gen_{rows}x20_sst.xlsx", shared_strings_copy, inline)
            variants.append(("shared strings", sst))
        for what, path in variants:
            ours, peer, rss, peer_rss, cpu, peer_cpu = [], [], [], [], [], []
            last = n == len(sizes) - 1
            for r in range(repeats if last else 1):
                pair = [("profile", ours, rss, cpu), ("calamine", peer, peer_rss, peer_cpu)]
                for kind, into, mem, used in pair if r % 2 == 0 else pair[::-1]:
                    got = measure(kind, path)
                    into.append(got["secs"])
                    mem.append(got["rss_mb"])
                    used.append(got["cpu"])
            # CPU seconds (all threads) beside the wall clock: on a busy machine the wall-clock
            # ratio swings with the other jobs; the CPU ratio says what the work costs.
            ours_cpu, their_cpu = statistics.median(cpu), statistics.median(peer_cpu)
            table.add(
                f"xlsx {rows:,}x20 {what} vs calamine to_python", ours, peer,
                f"(target <= 1.3x) peak {max(rss):.0f} MB, calamine {max(peer_rss):.0f} MB; "
                f"CPU {ours_cpu:.1f} s vs {their_cpu:.1f} s ({ours_cpu / their_cpu:.2f}x)",
            )  # fmt: skip


def bench_help(table: Table, repeats: int) -> None:
    app = shutil.which("catalog-app", path=str(Path(sys.executable).parent)) or shutil.which(
        "catalog-app"
    )
    if app is None:
        print("help: catalog-app is not installed in this environment, skipped")
        return
    ours, peer = [], []
    for _ in range(max(repeats, 10)):
        ours.append(wall([app, "--help"]))
        peer.append(wall([sys.executable, "-c", "import click"]))
    table.add("catalog-app --help vs python -c 'import click'", ours, peer, "(target <= 2x)")


def bench_corpus(table: Table, repeats: int) -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print("corpus: ../shared/corpus not found, skipped")
        return
    cold, warm = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(repeats):
            got = measure("corpus", corpus, db=str(Path(tmp) / f"c{r}.db"))
            cold.append(got["secs_cold"])
            warm.append(got["secs_warm"])
    table.add(f"corpus {got['files']} files: first scan (reading only)", cold)
    table.add(
        "corpus: unchanged rescan",
        warm,
        None,
        f"({statistics.median(cold) / statistics.median(warm):.0f}x faster)",
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small files, 2 repeats")
    ap.add_argument("--repeats", type=int, default=None)
    ap.add_argument("--share-copies", type=int, default=None, help="copies of the corpus")
    ap.add_argument("--xlsx-rows", default=None, help="comma-separated row counts")
    ap.add_argument("--only", default="corpus,share,csv,xlsx,help")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "catalog_app_bench")
    args = ap.parse_args()
    repeats = args.repeats or (2 if args.quick else 3)
    copies = args.share_copies or (3 if args.quick else 20)
    csv_rows = 100_000 if args.quick else 1_000_000
    xlsx_rows = [
        int(x) for x in (args.xlsx_rows or ("20000" if args.quick else "50000,200000")).split(",")
    ]
    args.cache.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(","))
    print(f"machine: {machine()}")
    print(f"start: {load()}; {repeats} repeats, each in a fresh process")
    table = Table()
    if "corpus" in only:
        bench_corpus(table, repeats)
    if "help" in only:
        bench_help(table, repeats)
    if "csv" in only:
        bench_csv(table, args.cache, csv_rows, repeats)
    if "xlsx" in only:
        bench_xlsx(table, args.cache, xlsx_rows, repeats)
    if "share" in only:
        bench_share(table, args.cache, copies, repeats)
    table.print()
    print(f"\nend: {load()} (2 cores shared with other work: ratios, not seconds, compare runs)")


if __name__ == "__main__":
    main()
