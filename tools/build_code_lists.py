"""Rebuild the code lists the matcher ships (resources/codes/) from ../shared/reference.

python tools/build_code_lists.py [REFERENCE_DIR]

* ``legal-dong-codes.txt.gz``: every 10-digit 법정동코드 of the 2025-12 list (existing and
  abolished: old files still carry abolished codes), sorted, written as the first code and then
  the differences to the previous one, one per line, gzip-compressed (about 10 KB for 49,861
  codes).
* ``org-codes.txt``: the 7-digit 행정표준 기관코드 seen in real 표준데이터 files and the official
  partial list, sorted, one per line.

``catalog_app/codelists.py`` reads them (for the matcher and the quality diagnosis); sources in
SOURCES.md beside them.  The app never needs ../shared at run time.
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "codes"


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"
    with (ref / "legal-dong-codes-2025-12.csv").open(encoding="utf-8", newline="") as fh:
        codes = sorted({int(r["법정동코드"]) for r in csv.DictReader(fh)})
    deltas = [codes[0]] + [b - a for a, b in zip(codes, codes[1:], strict=False)]
    data = ("\n".join(str(d) for d in deltas) + "\n").encode("ascii")
    # mtime=0: the same input gives the same bytes (no spurious diff on a rebuild)
    (OUT / "legal-dong-codes.txt.gz").write_bytes(gzip.compress(data, 9, mtime=0))
    org: set[str] = set()
    with (ref / "org-codes-observed.csv").open(encoding="utf-8", newline="") as fh:
        org.update(r["기관코드"].strip() for r in csv.DictReader(fh))
    with (ref / "org-codes-official-partial.csv").open(encoding="utf-8", newline="") as fh:
        org.update(r["기관코드"].strip() for r in csv.DictReader(fh))
    org = {c for c in org if len(c) == 7 and c.isdigit()}
    (OUT / "org-codes.txt").write_text("\n".join(sorted(org)) + "\n", encoding="ascii")
    print(f"{len(codes)} 법정동코드, {len(org)} 기관코드 -> {OUT}")


if __name__ == "__main__":
    main()
