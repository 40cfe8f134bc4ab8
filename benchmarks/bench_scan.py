"""Scan benchmarks (issue 2): corpus cold/warm, a 1M-row CP949 CSV, a 200k-row xlsx.

Prints wall times, rows/s and peak RSS. Each heavy measurement runs in a fresh subprocess so its
peak RSS is its own. Generated files are cached in a temp folder between runs.

    python benchmarks/bench_scan.py            # full sizes (first run generates ~1.5 min of files)
    python benchmarks/bench_scan.py --quick    # 100k-row CSV, 20k-row xlsx
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CACHE = Path(tempfile.gettempdir()) / "catalog_app_bench"

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
kind, path = sys.argv[1], sys.argv[2]
t = time.perf_counter()
if kind == "pandas_csv":
    import pandas as pd
    n = len(pd.read_csv(path, encoding="cp949"))
elif kind == "calamine":
    import python_calamine as c
    n = len(c.CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python())
else:
    from catalog_app.scan.file_scan import scan_file
    res = scan_file(path)
    n = res.tables[0].row_count
secs = time.perf_counter() - t
try:  # VmHWM is this process's own peak; ru_maxrss can carry the parent's peak over fork+exec
    with open("/proc/self/status") as fh:
        rss = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
except OSError:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"secs": secs, "rows": n, "rss_mb": rss}}))
"""


def _measure(kind: str, path: Path) -> dict:
    code = CHILD.format(root=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code, kind, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _columns(n: int, seed: int = 7):
    """Twenty realistic columns as lists of strings (names, addresses, phones, dates, amounts…)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    syl = list(
        "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
    )
    gu = [
        "종로구",
        "중구",
        "용산구",
        "성동구",
        "광진구",
        "동대문구",
        "중랑구",
        "성북구",
        "강북구",
        "도봉구",
    ]
    ro = ["세종대로", "을지로", "한강대로", "왕십리로", "능동로", "천호대로", "망우로", "보문로"]
    depts = [
        f"{d}과" for d in ("총무", "기획예산", "세무", "복지정책", "교통행정", "환경", "문화체육")
    ]

    def pick(seq):
        return np.asarray(seq, dtype=object)[rng.integers(0, len(seq), n)]

    names = [a + b + c for a, b, c in zip(pick(syl), pick(syl), pick(syl), strict=True)]
    road = [
        f"서울특별시 {g} {r} {k}"
        for g, r, k in zip(pick(gu), pick(ro), rng.integers(1, 400, n), strict=True)
    ]
    phone = [
        f"02-{a}-{b:04d}"
        for a, b in zip(rng.integers(200, 999, n), rng.integers(0, 9999, n), strict=True)
    ]
    days = rng.integers(0, 3650, n)
    base = np.datetime64("2015-01-01")
    dates = [str(base + int(d)) for d in days]
    stamps = [
        f"{dates[i]} {h:02d}:{m:02d}"
        for i, (h, m) in enumerate(zip(rng.integers(0, 24, n), rng.integers(0, 60, n), strict=True))
    ]
    amount = [f"{v:,}" for v in rng.integers(1000, 90_000_000, n)]
    return {
        "일련번호": [str(i + 1) for i in range(n)],
        "부서명": list(pick(depts)),
        "담당자명": names,
        "소재지도로명주소": road,
        "관리기관전화번호": phone,
        "등록일자": dates,
        "처리일시": stamps,
        "계약금액": amount,
        "집행률": [f"{v:.2f}" for v in rng.random(n) * 100],
        "공개여부": list(pick(["Y", "N"])),
        "행정동코드": [f"{v:05d}" for v in rng.integers(0, 2000, n)],
        "수량": [str(v) for v in rng.integers(0, 500, n)],
        "위도": [f"{v:.6f}" for v in 37.4 + rng.random(n) * 0.3],
        "경도": [f"{v:.6f}" for v in 126.8 + rng.random(n) * 0.4],
        "시설구분": list(pick(["도서관", "체육관", "주차장", "공원", "복지관"])),
        "면적": [f"{v:.1f}" for v in rng.random(n) * 5000],
        "비고": list(pick(["", "", "", "", "점검 예정", "보수 완료", ""])),
        "운영시작시각": list(pick(["09:00", "08:30", "10:00"])),
        "연도": [str(v) for v in rng.integers(2015, 2025, n)],
        "데이터기준일자": ["2025-11-21"] * n,
    }


def make_csv(path: Path, rows: int) -> None:
    cols = _columns(rows)
    header = list(cols)
    with open(path, "w", encoding="cp949", newline="") as fh:
        fh.write(",".join(header) + "\r\n")
        for row in zip(*cols.values(), strict=True):
            fh.write(",".join(f'"{v}"' if "," in v else v for v in row) + "\r\n")


def make_xlsx(path: Path, rows: int) -> None:
    import openpyxl

    cols = _columns(rows, seed=11)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("데이터")
    ws.append(["2025년 시설 현황"])
    ws.append([])
    ws.append(list(cols))
    for row in zip(*cols.values(), strict=True):
        ws.append([float(v) if k in (10, 12, 13) else v for k, v in enumerate(row)])
    wb.save(path)


def bench_corpus() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print("corpus: ../shared/corpus not found, skipped")
        return
    sys.path.insert(0, str(ROOT))
    from catalog_app.catalog.store import Catalog
    from catalog_app.scan.scanner import scan

    # Reading only (suggest=False), as measured before issue 10; the suggestions a scan makes
    # for the columns it reads are timed by bench_rescan.py (and in the second line here).
    with tempfile.TemporaryDirectory() as tmp, Catalog(Path(tmp) / "bench.db") as cat:
        t = time.perf_counter()
        s1 = scan(cat, [str(corpus)], suggest=False)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        s2 = scan(cat, [str(corpus)], suggest=False)
        warm = time.perf_counter() - t
    print(
        f"corpus: {s1.counts['total']} files, cold {cold:.3f} s, warm {warm:.4f} s "
        f"({s2.counts['unchanged']} unchanged), warm is {cold / warm:.0f}x faster (target >= 20x)"
    )
    with tempfile.TemporaryDirectory() as tmp, Catalog(Path(tmp) / "bench.db") as cat:
        t = time.perf_counter()
        s3 = scan(cat, [str(corpus)])
        full = time.perf_counter() - t
    print(
        f"corpus with in-job suggestions ({s3.suggested} columns; a new catalog, so the shipped "
        f"dictionary is loaded first): {full:.3f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="smaller generated files")
    args = ap.parse_args()
    csv_rows, xlsx_rows = (100_000, 20_000) if args.quick else (1_000_000, 200_000)
    CACHE.mkdir(exist_ok=True)
    bench_corpus()

    csv_path = CACHE / f"gen_{csv_rows}x20_cp949.csv"
    if not csv_path.exists():
        t = time.perf_counter()
        make_csv(csv_path, csv_rows)
        print(
            f"(generated {csv_path.name}: {csv_path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - t:.0f} s)"
        )
    base = _measure("pandas_csv", csv_path)
    ours = _measure("scan", csv_path)
    print(
        f"csv {csv_rows:,}x20 cp949 ({csv_path.stat().st_size / 1e6:.0f} MB): "
        f"pandas.read_csv {base['secs']:.2f} s / {base['rss_mb']:.0f} MB; "
        f"catalog_app profile {ours['secs']:.2f} s ({ours['rows'] / ours['secs']:,.0f} rows/s), "
        f"peak RSS {ours['rss_mb']:.0f} MB; ratio {ours['secs'] / base['secs']:.2f}x (target <= 2x, < 500 MB)"
    )

    xlsx_path = CACHE / f"gen_{xlsx_rows}x20.xlsx"
    if not xlsx_path.exists():
        t = time.perf_counter()
        make_xlsx(xlsx_path, xlsx_rows)
        print(
            f"(generated {xlsx_path.name}: {xlsx_path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - t:.0f} s)"
        )
    base = _measure("calamine", xlsx_path)
    ours = _measure("scan", xlsx_path)
    print(
        f"xlsx {xlsx_rows:,}x20 ({xlsx_path.stat().st_size / 1e6:.0f} MB): "
        f"calamine to_python {base['secs']:.2f} s / {base['rss_mb']:.0f} MB; "
        f"catalog_app profile {ours['secs']:.2f} s ({ours['rows'] / ours['secs']:,.0f} rows/s), "
        f"peak RSS {ours['rss_mb']:.0f} MB; ratio {ours['secs'] / base['secs']:.2f}x (target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
