"""품질진단 benchmark (issue 13): diagnosis time against scan time for a 1M-row CSV and a
200k-row xlsx (the files bench_scan.py generates, cached in the same temp folder).

For each file, in fresh subprocesses so each peak RSS is its own: the scan into a new catalog
(the shipped dictionary loaded beforehand, with the scan's in-job suggestions, as a clerk runs
it), then ``quality run`` over that catalog. The target is a diagnosis within 2x its scan, memory
bounded like the scan's. Workbooks are read in the reader process by both jobs, which is retired
once it passes 512 MB, so for the xlsx both jobs are run once more reading in process: those
peaks include the workbook reading. CPU times are the measuring process's own (the reader
process's work is not in them); the machine's load average is printed before and after.

    python benchmarks/bench_quality.py            # full sizes (generates files on first run)
    python benchmarks/bench_quality.py --quick    # 100k-row CSV, 20k-row xlsx
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_scan import CACHE, make_csv, make_xlsx  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
kind, path, catalog = sys.argv[1], sys.argv[2], sys.argv[3]
from catalog_app.catalog.store import Catalog

def hwm(pid="self"):
    try:
        with open(f"/proc/{{pid}}/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if pid == "self" else 0.0

if kind == "prepare":  # the shipped dictionary loaded once, outside the timings
    from catalog_app.dictionary.store import DictionaryStore
    with Catalog(catalog) as cat:
        DictionaryStore(cat).ensure_shipped()
    print(json.dumps({{}}))
    sys.exit(0)
if kind.endswith("_in_process"):  # read the workbook here, so this process's peak includes it
    from catalog_app.scan import isolated
    isolated.IN_CHILD = True
    kind = kind[: -len("_in_process")]
cpu0 = time.process_time()
t = time.perf_counter()
with Catalog(catalog) as cat:
    if kind == "scan":
        from catalog_app.scan.scanner import scan
        s = scan(cat, [path])
        detail = {{"status": s.status, "failed": len(s.failed)}}
    else:
        from catalog_app.quality.job import run_quality
        s = run_quality(cat)
        detail = {{"status": s.status, "checked": s.checked, "errors": s.errors,
                   "failed": len(s.failed)}}
    secs = time.perf_counter() - t
    cpu = time.process_time() - cpu0
print(json.dumps({{"secs": secs, "cpu": cpu, "rss_mb": hwm(), **detail}}))
"""


def _measure(kind: str, path: Path, catalog: Path) -> dict:
    code = CHILD.format(root=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code, kind, str(path), str(catalog)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _file(name: str, rows: int, maker) -> Path:
    path = CACHE / name
    if not path.exists():
        t = time.perf_counter()
        maker(path, rows)
        print(
            f"(generated {path.name}: {path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - t:.0f} s)"
        )
    return path


def _bench(label: str, path: Path, workbook: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        catalog = Path(tmp) / "bench.db"
        _measure("prepare", path, catalog)
        scanned = _measure("scan", path, catalog)
        diagnosed = _measure("quality", path, catalog)
        if workbook:  # the reader process is retired past 512 MB: its peak is measured in process
            scanned_here = _measure("scan_in_process", path, Path(tmp) / "again.db")
            diagnosed_here = _measure("quality_in_process", path, Path(tmp) / "again.db")
    ratio = diagnosed["secs"] / scanned["secs"]
    print(
        f"{label} ({path.stat().st_size / 1e6:.0f} MB): scan {scanned['secs']:.2f} s "
        f"(cpu {scanned['cpu']:.2f} s, peak RSS {scanned['rss_mb']:.0f} MB); "
        f"품질진단 {diagnosed['secs']:.2f} s (cpu {diagnosed['cpu']:.2f} s, peak RSS "
        f"{diagnosed['rss_mb']:.0f} MB), {diagnosed['checked']:,} values checked, "
        f"{diagnosed['errors']:,} errors; ratio {ratio:.2f}x (target <= 2x)"
    )
    if workbook:
        print(
            f"  read in process (workbook reading included in the peak): scan "
            f"{scanned_here['secs']:.2f} s / {scanned_here['rss_mb']:.0f} MB, 품질진단 "
            f"{diagnosed_here['secs']:.2f} s / {diagnosed_here['rss_mb']:.0f} MB"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="smaller generated files")
    args = ap.parse_args()
    csv_rows, xlsx_rows = (100_000, 20_000) if args.quick else (1_000_000, 200_000)
    CACHE.mkdir(exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    _bench(f"csv {csv_rows:,}x20 cp949", _file(f"gen_{csv_rows}x20_cp949.csv", csv_rows, make_csv))
    _bench(f"xlsx {xlsx_rows:,}x20", _file(f"gen_{xlsx_rows}x20.xlsx", xlsx_rows, make_xlsx), True)
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
