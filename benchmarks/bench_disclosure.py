"""Yearly disclosure figures on a big catalog: state, validation, snapshot, diff and every export.

    python benchmarks/bench_disclosure.py                 # 5,000 datasets x 20 columns
    python benchmarks/bench_disclosure.py --datasets 500

The catalog is generated like bench_ui's (no spreadsheets read), mapped once, then the coordinator's
year is timed: build the live state, validate, freeze 2024, edit, diff 2024 → 2025 and write each
export (forced: the generated datasets carry no entered metadata, so validation blocks).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def timed(label: str, rows: list, fn):
    start = time.perf_counter()
    result = fn()
    rows.append((label, time.perf_counter() - start))
    return result


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
    parser.add_argument("--datasets", type=int, default=5000)
    parser.add_argument("--columns", type=int, default=20)
    args = parser.parse_args()

    from bench_ui import build_catalog

    from catalog_app.catalog.store import Catalog
    from catalog_app.dictionary.store import DictionaryStore
    from catalog_app.disclosure.deadlines import deadlines
    from catalog_app.disclosure.export import KINDS, export, year_diff
    from catalog_app.disclosure.metadata import MetadataStore
    from catalog_app.disclosure.registered import apply_import, preview_import
    from catalog_app.disclosure.snapshot import take_snapshot
    from catalog_app.disclosure.state import build_state
    from catalog_app.disclosure.validate import validate
    from catalog_app.matching.jobs import map_catalog

    work = Path(tempfile.mkdtemp(prefix="bench_disclosure_"))
    try:
        path = work / "catalog.db"
        build_catalog(path, args.datasets, args.columns)
        rows: list[tuple[str, float]] = []
        with Catalog(path) as cat:
            DictionaryStore(cat).ensure_shipped()
            timed("map (suggestions, once)", rows, lambda: map_catalog(cat))
            MetadataStore(cat).set_institution({"name": "벤치시", "code": "1234567"})
            state = timed("build live state", rows, lambda: build_state(cat, 2025))
            problems = timed("validate", rows, lambda: validate(state))
            timed("snapshot 2024 (forced)", rows, lambda: take_snapshot(cat, 2024, force=True))
            first = cat.conn.execute("SELECT MIN(id) FROM datasets WHERE status = 'ok'").fetchone()
            MetadataStore(cat).set_fields(first[0], {"update_cycle": "월간"})
            diff = timed("diff 2024 → 2025 (live)", rows, lambda: year_diff(cat, 2025)[0])
            out = work / "out"
            for kind in KINDS:
                timed(f"export {kind}", rows, lambda k=kind: export(cat, 2025, k, out, force=True))
            timed("export inventory (csv)", rows, lambda: export(
                cat, 2025, "inventory", work / "목록.csv", force=True))  # fmt: skip
            registered = _registered_list(work / "목록.csv", work / "목록개방현황.csv")
            preview = timed("registered import: preview", rows, lambda: preview_import(
                cat, registered))  # fmt: skip
            timed("registered import: apply", rows, lambda: apply_import(cat, preview))
            live = build_state(cat, 2025)
            due = timed("lifecycle + deadlines", rows, lambda: deadlines(live))
            timed("export diff (+ 등록 대비)", rows, lambda: export(
                cat, 2025, "diff", work / "변경.xlsx", force=True))  # fmt: skip
            size = cat.conn.execute("SELECT length(payload) FROM snapshots").fetchone()[0]
        columns = len(state.columns)
        print(f"catalog: {len(state.datasets):,} datasets held, {columns:,} columns")
        print(f"problems: {len(problems):,}; snapshot payload {size / 1e6:.1f} MB; "
              f"diff changes {len(diff.changes)}; deadlines {len(due):,}")  # fmt: skip
        width = max(len(label) for label, _ in rows)
        for label, seconds in rows:
            print(f"  {label:<{width}}  {seconds:7.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
