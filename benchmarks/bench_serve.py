"""Intranet page benchmark (issue 18): search on 100,000 columns and a bounded load test.

An institution catalog of about 100,000 columns is made the way bench_bundle makes its bundles
(../shared/corpus replicated into 5 department bundles, merged), published (`serve`'s browsing
copy: timed) and served by Datasette + uvicorn on 127.0.0.1 in this process. Then:

* search latency over HTTP: the column table's full-text box (``_search``, trigram, 3+ letters)
  and the 찾기 query (``q``; two-letter words go through LIKE), N requests each, median/p95/max;
* a load test: a thread pool sends a fixed number of requests (table pages with facets, searches,
  row pages, the canned queries) to loopback only and reports throughput, latency and errors.

    python benchmarks/bench_serve.py [--columns 100000] [--requests 600] [--workers 8]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_bundle import CORPUS, make_bundles  # noqa: E402

from catalog_app.bundle.merge import merge_bundles  # noqa: E402
from catalog_app.catalog.store import Catalog  # noqa: E402
from catalog_app.serve.publish import build_publish_db  # noqa: E402
from catalog_app.serve.server import make_datasette  # noqa: E402
from tests.serve_helpers import LoopbackServer  # noqa: E402


def _get(url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError:
        status = 0
    return (time.perf_counter() - t0) * 1000, status


def _stats(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"median {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, max {ms[-1]:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--columns", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    work = Path(tempfile.mkdtemp(prefix="bench_serve_"))
    try:
        bundles = make_bundles(work, 5, args.columns)
        central = work / "central.db"
        shutil.copy(work / "template.db", central)
        with Catalog(central) as cat:
            merge_bundles(cat, bundles)
            n = cat.conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
            t0 = time.perf_counter()
            published = build_publish_db(cat, work / "pub" / "catalog.db")
            build = time.perf_counter() - t0
        print(
            f"published copy of {n:,} columns, {published.datasets:,} datasets: {build:.1f} s "
            f"({published.path.stat().st_size / 2**20:.0f} MiB)"
        )
        ds = make_datasette(published.path)
        with LoopbackServer(ds.app()) as server:
            base = server.url + "/catalog"
            q = urllib.parse.quote
            searches = {
                "columns _search=인구수 (FTS)": f"{base}/columns.json?_search={q('인구수')}",
                "columns _search=발생건수 (FTS)": f"{base}/columns.json?_search={q('발생건수')}",
                "찾기 q=주소 (2 letters, LIKE)": f"{base}/search.json?q={q('주소')}",
                "찾기 q=소재지도로명 (FTS)": f"{base}/search.json?q={q('소재지도로명')}",
                "columns page HTML _search=인구": f"{base}/columns?_search={q('구수')}",
            }
            for name, url in searches.items():
                _get(url)  # warm
                ms, codes = [], set()
                for _ in range(args.repeat):
                    t, code = _get(url)
                    ms.append(t)
                    codes.add(code)
                print(f"search {name}: {_stats(ms)} over {args.repeat} requests {sorted(codes)}")
            mix = [
                f"{base}/datasets",
                f"{base}/columns?_facet={q('부서')}&_facet={q('개인정보')}",
                f"{base}/columns.json?_search={q('인구수')}",
                f"{base}/search?q={q('주소')}",
                f"{base}/compliance_by_department",
                f"{base}/due_for_registration?days=30",
                f"{base}/datasets/1",
                f"{base}/sheets?_search={q('Sheet')}",
            ]
            urls = [mix[i % len(mix)] for i in range(args.requests)]
            t0 = time.perf_counter()
            with ThreadPoolExecutor(args.workers) as pool:
                results = list(pool.map(_get, urls))
            wall = time.perf_counter() - t0
            errors = sum(1 for _, code in results if code != 200)
            print(
                f"load: {args.requests} requests, {args.workers} threads, loopback: "
                f"{args.requests / wall:.0f} req/s, {_stats([t for t, _ in results])}, "
                f"errors {errors}"
            )
            for url in mix:
                times = [t for u, (t, _c) in zip(urls, results, strict=True) if u == url]
                short = urllib.parse.unquote(url[len(server.url) :])
                print(f"  {short}: {_stats(times)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
