"""Dictionary benchmarks (issue 3): import of the 7차 xlsx, 10,000 look-ups, decomposition.

python benchmarks/bench_dictionary.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OFFICIAL = ROOT.parent / "shared" / "standards" / "official"


def main() -> None:
    from catalog_app.catalog.store import Catalog
    from catalog_app.dictionary.formats import read_dictionary
    from catalog_app.dictionary.search import search_dictionary
    from catalog_app.dictionary.segment import WordIndex, decompose
    from catalog_app.dictionary.store import DictionaryStore

    xlsx = OFFICIAL / "pds7_2024-11_공공데이터_공통표준7차_제개정.xlsx"
    with tempfile.TemporaryDirectory() as tmp, Catalog(Path(tmp) / "bench.db") as cat:
        store = DictionaryStore(cat)
        t = time.perf_counter()
        store.ensure_shipped()
        print(f"shipped 7차 CSV → new catalog: {time.perf_counter() - t:.2f} s")
        if xlsx.exists():
            t = time.perf_counter()
            dictionary = read_dictionary(xlsx)
            read = time.perf_counter() - t
            store.import_edition(dictionary, key="7차 xlsx")
            total = time.perf_counter() - t
            print(
                f"import 7차 xlsx ({len(dictionary.terms)} terms, {len(dictionary.words)} words, "
                f"{len(dictionary.domains)} domains): read {read:.2f} s, read + store {total:.2f} s "
                "(target < 3 s)"
            )
        else:
            print("7차 xlsx not found beside the repository (../shared): import not measured")

        official, _ = store.working()
        terms = official.active_terms()
        words = official.active_words()
        rng = random.Random(7)
        names = [rng.choice(terms).name if i % 2 else rng.choice(words).name for i in range(10_000)]
        t = time.perf_counter()
        index = WordIndex(words, official.active_domains())
        build = time.perf_counter() - t
        by_name = {x.name: x for x in terms}
        t = time.perf_counter()
        found = sum(1 for n in names if n in by_name or index.by_name(n) is not None)
        lookups = time.perf_counter() - t
        print(
            f"10,000 term/word look-ups by name: {lookups * 1000:.1f} ms ({found} found); "
            f"word index build {build * 1000:.0f} ms"
        )
        t = time.perf_counter()
        for name in names[:1000]:
            search_dictionary(store, name, limit=5)
        print(
            f"1,000 searches through the catalog (LIKE over ~12k rows): {time.perf_counter() - t:.2f} s"
        )
        with_terms = WordIndex(words, official.active_domains(), terms)
        for label, idx in (("words only", index), ("words + term statistics", with_terms)):
            t = time.perf_counter()
            ok = sum(
                1
                for term in terms
                if "_".join(w.abbr for w in decompose(term.name, idx) or []) == term.abbr
            )
            print(
                f"decompose {len(terms)} active terms ({label}): {time.perf_counter() - t:.2f} s, "
                f"official abbreviation reproduced for {ok} ({ok / len(terms):.2%})"
            )


if __name__ == "__main__":
    main()
