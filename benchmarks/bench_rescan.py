"""Rescan benchmark (issue 10): the mapping made inside the scan, and a forced rescan's figures.

On ../shared/corpus, each in a fresh catalog that already holds the shipped dictionary:

* scan with the in-job suggestions (what `scan` does now) against the old two steps, a scan that
  leaves the columns without suggestions plus `map` over every column;
* `map --auto-accept 0.95`, `check`, then `scan --force` of the same bytes and `check` again: the
  figures before and after (they must be equal), the columns re-suggested (must be 0) and the time.

    python benchmarks/bench_rescan.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from catalog_app.catalog.store import Catalog  # noqa: E402
from catalog_app.dictionary.store import DictionaryStore  # noqa: E402
from catalog_app.matching.decisions import MappingDesk  # noqa: E402
from catalog_app.matching.jobs import check_catalog, map_catalog  # noqa: E402
from catalog_app.matching.refresh import _CACHE  # noqa: E402
from catalog_app.scan.scanner import scan  # noqa: E402


def _template(folder: Path) -> Path:
    path = folder / "template.db"
    with Catalog(path) as cat:
        DictionaryStore(cat).ensure_shipped()
        cat.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _fresh(folder: Path, template: Path, name: str) -> Catalog:
    target = folder / name
    shutil.copy(template, target)
    _CACHE.clear()  # every run opens its workspace, as a new process would
    return Catalog(target)


def _figures(report) -> str:
    r = report.rates["catalog"][0]
    return f"준수 {r.compliant} / 점검 {r.checked} = {r.rate}% (제외 {r.excluded})"


def main(repeats: int = 3) -> None:
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    work = Path(tempfile.mkdtemp(prefix="bench_rescan_"))
    template = _template(work)
    in_job, two_step, map_only = [], [], []
    for i in range(repeats):
        with _fresh(work, template, f"a{i}.db") as cat:
            t = time.perf_counter()
            summary = scan(cat, [str(CORPUS)])
            in_job.append(time.perf_counter() - t)
            columns = summary.suggested
        with _fresh(work, template, f"b{i}.db") as cat:
            t = time.perf_counter()
            scan(cat, [str(CORPUS)], suggest=False)
            m = time.perf_counter()
            mapped = map_catalog(cat)
            two_step.append(time.perf_counter() - t)
            map_only.append(time.perf_counter() - m)
    print(f"corpus: {len(list(CORPUS.iterdir()))} entries, {columns} columns suggested in the scan")
    print(
        f"scan with in-job suggestions: median {statistics.median(in_job):.2f} s "
        f"(runs {', '.join(f'{x:.2f}' for x in in_job)})"
    )
    print(
        f"scan without suggestions + map ({mapped.columns} columns): median "
        f"{statistics.median(two_step):.2f} s (map alone {statistics.median(map_only):.2f} s)"
    )

    with _fresh(work, template, "c.db") as cat:
        scan(cat, [str(CORPUS)])
        map_catalog(cat)
        batch, accepted = MappingDesk(cat, who="bench").bulk_accept(0.95)
        before = check_catalog(cat)
        t = time.perf_counter()
        forced = scan(cat, [str(CORPUS)], force=True)
        forced_secs = time.perf_counter() - t
        after = check_catalog(cat)
    print(f"map --auto-accept 0.95: {accepted} accepted")
    print(f"check before scan --force: {_figures(before)}; unsuggested {before.unsuggested}")
    print(
        f"scan --force ({forced.counts['changed']} files read again): {forced_secs:.2f} s, "
        f"{forced.suggested} columns re-suggested"
    )
    print(f"check after scan --force:  {_figures(after)}; unsuggested {after.unsuggested}")
    same = after.rates == before.rates and after.columns == before.columns
    print(f"identical figures and columns: {same}")
    excluded = ", ".join(e["path"] for e in before.excluded_datasets) or "none"
    print(f"datasets left out of the rate (garbled text): {excluded}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
