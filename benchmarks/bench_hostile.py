"""Hostile-file benchmark (issue 11): peak memory and time of scanning the generated hostile
folder, each hostile file on its own, the cost of the xlsx guard on a big workbook, and two scans
started together.

Every measurement runs in a fresh subprocess so its peak RSS (VmHWM, Linux; ru_maxrss elsewhere)
is its own; children of the scan (an isolated read) are counted through RUSAGE_CHILDREN.

    python benchmarks/bench_hostile.py              # everything
    python benchmarks/bench_hostile.py --baseline   # also what plain calamine does with the far
                                                    # cells (aborts / 3.3 GB: slow, needs RAM)
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

from tests import hostile_files as hf  # noqa: E402

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
kind, path = sys.argv[1], sys.argv[2]
out = {{}}
t = time.perf_counter()
if kind == "scan":
    from catalog_app.catalog.store import Catalog
    from catalog_app.scan.scanner import scan
    with Catalog(sys.argv[3]) as cat:
        s = scan(cat, [path])
    out.update(total=s.counts["total"], failed=len(s.failed), status=s.status,
               codes=sorted({{c for _, c, _ in s.failed}}))
elif kind == "file":
    from catalog_app.scan.errors import ScanFailure
    from catalog_app.scan.file_scan import scan_file
    try:
        r = scan_file(path)
        out["code"] = "ok"
    except ScanFailure as f:
        out["code"] = f.code
elif kind == "guard":
    from catalog_app.scan.xlsx_guard import check_xlsx
    check_xlsx(path)
elif kind == "calamine":
    import python_calamine as c
    c.CalamineWorkbook.from_path(path).get_sheet_by_index(0)
out["secs"] = time.perf_counter() - t
from catalog_app.scan import isolated
isolated.release()  # the workbook reader process ends here, so its peak is in RUSAGE_CHILDREN
try:
    with open("/proc/self/status") as fh:
        out["rss_mb"] = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
except OSError:
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
out["children_rss_mb"] = kids
print(json.dumps(out, ensure_ascii=False))
"""


def measure(kind: str, path: Path, *extra: str, timeout: float = 600) -> dict:
    code = CHILD.format(root=str(ROOT))
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, kind, str(path), *extra],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        return {"exit": proc.returncode, "wall": wall, "stderr": proc.stderr.strip()[-200:]}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall"] = wall
    out["traceback"] = "Traceback" in proc.stderr
    return out


def bench_folder(work: Path) -> None:
    root = work / "적대"
    files, folders = hf.make_hostile_folder(root)
    locked = next(Path(p) for p, c in folders.items() if "folder_unreadable" in c)
    binding = hf.lock_folder(locked)
    try:
        out = measure("scan", root, str(work / "c.db"))
    finally:
        locked.chmod(0o755)
    peak = max(out.get("rss_mb", 0), out.get("children_rss_mb", 0))
    print(
        f"hostile folder: {len(files)} files (+{len(folders)} folders to report"
        f"{'' if binding else '; running as root, the locked folder stays readable'}): "
        f"{out.get('total')} listed, {out.get('failed')} failed rows, status {out.get('status')}, "
        f"{out['wall']:.1f} s, peak RSS {peak:,.0f} MB, traceback: {out.get('traceback')}"
    )
    print(f"  codes: {', '.join(out.get('codes', []))}")
    print("per hostile file (scan_file in a fresh process):")
    for rel, codes in sorted(files.items()):
        path = root / rel
        if not path.is_file() or path.is_symlink():
            continue  # FIFOs and links are never opened: they are rows from discovery
        r = measure("file", path)
        ok = r.get("code") in (codes or {"ok"})
        print(
            f"  {hf_display(rel):<24} {r.get('code', 'exit ' + str(r.get('exit'))):<16} "
            f"{r['wall']:5.2f} s  {max(r.get('rss_mb', 0), r.get('children_rss_mb', 0)):7,.0f} MB"
            f"  {'as expected' if ok else 'UNEXPECTED'}"
        )


def hf_display(rel: str) -> str:
    from catalog_app.scan.names import display_path

    return display_path(rel)


def bench_guard() -> None:
    big = Path(tempfile.gettempdir()) / "catalog_app_bench" / "gen_200000x20.xlsx"
    if not big.exists():
        print(f"xlsx guard: {big} not generated (run benchmarks/bench_scan.py first)")
        return
    guard = measure("guard", big)
    scan = measure("file", big)
    plain = measure("calamine", big)
    peak = max(scan["rss_mb"], scan["children_rss_mb"])
    print(
        f"xlsx guard on a 200k x 20 workbook ({big.stat().st_size / 1e6:.0f} MB, 222 MB of XML): "
        f"{guard['secs']:.2f} s, peak {guard['rss_mb']:.0f} MB; whole scan_file in the reader "
        f"process {scan['secs']:.2f} s (peak {peak:.0f} MB); plain calamine read "
        f"{plain['secs']:.2f} s"
    )


def bench_two_scans(work: Path, trials: int = 5) -> None:
    folder = work / "두작업"
    folder.mkdir()
    for i in range(99):
        (folder / f"f{i:03}.csv").write_text(
            "구분,값\n" + "".join(f"항목{j},{j}\n" for j in range(50)), encoding="utf-8"
        )
    db = work / "two.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT), CATALOG_APP_NO_GUI="1")
    codes: list[int] = []
    for trial in range(trials):
        args = [sys.executable, "-m", "catalog_app", "--catalog", str(db), "scan", str(folder)]
        args += ["-q", "--json"] + (["--force"] if trial else [])
        procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)]
        procs.append(
            subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        )
        for p in procs:
            p.communicate(timeout=300)
            codes.append(p.returncode)
    import sqlite3

    conn = sqlite3.connect(db)
    statuses = dict(conn.execute("SELECT status, COUNT(*) FROM datasets GROUP BY status"))
    conn.close()
    print(
        f"two scans started together, {trials} trials x 2 processes on 99 files: exit codes "
        f"{codes} (3 = refused: catalog busy); datasets by status {statuses}"
    )


def bench_baseline(work: Path) -> None:
    for far in ("XFD1048576", "CV1048576"):
        path = hf.far_cell_xlsx(work / f"far_{far}.xlsx", far=far)
        r = measure("calamine", path, timeout=900)
        what = f"exit {r['exit']}" if "exit" in r else f"{r['secs']:.1f} s"
        print(f"baseline: plain calamine on A1 + {far}: {what}, peak {r.get('rss_mb', 0):,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_hostile_") as tmp:
        work = Path(tmp)
        bench_folder(work)
        bench_guard()
        bench_two_scans(work)
        if args.baseline:
            bench_baseline(work)


if __name__ == "__main__":
    main()
