"""Rebuild the 공공데이터 제공표준 layouts the quality diagnosis ships (resources/provision/).

python tools/build_provision_standards.py [REFERENCE_DIR]

Reads ``provision-standards-items.csv`` (247 layouts) and ``provision-standard-parking.csv``
(주차장정보, missing from the first) from ../shared/reference and writes
``resources/provision/provision-standards.json.gz``: per standard its items in order with
``[name, required, expression_format, allowed_values, regex, example]`` (the long 설명 text is
left out: the app shows item names and rules, not the notice). gzip with mtime 0, so the same
input gives the same bytes. The app reads it in ``catalog_app/quality/provision.py`` and never
needs ../shared at run time; sources in SOURCES.md beside it.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "provision" / "provision-standards.json.gz"


def _allowed(text: str, separator: str) -> list[str]:
    """An enumerated 허용값 ('A|B|C'); one value or a range is not a list."""
    parts = [p.strip() for p in (text or "").split(separator) if p.strip()]
    return parts if len(parts) >= 2 else []


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"
    standards: dict[str, list] = {}
    with (ref / "provision-standards-items.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            standards.setdefault(r["standard_name"].strip(), []).append(
                (
                    int(r["item_order"]),
                    [
                        r["item_name"].strip(),
                        1 if r["required"].strip() == "필수" else 0,
                        r["expression_format"].strip(),
                        _allowed(r["allowed_values"], "|"),
                        r["regex"].strip(),
                        r["example"].strip(),
                    ],
                )
            )
    with (ref / "provision-standard-parking.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            standards.setdefault(r["standard_name"].strip(), []).append(
                (
                    int(r["item_order"]),
                    [
                        r["item_name"].strip(),
                        1 if r["required"].strip() == "필수" else 0,
                        r["expression_format"].strip(),
                        _allowed(r["allowed_values"], "/"),
                        "",
                        r["example"].strip(),
                    ],
                )
            )
    payload = {
        "source": "공공데이터 제공표준 (data.go.kr, 2025-06 기준 247종 + 주차장정보)",
        "fields": ["name", "required", "expression_format", "allowed_values", "regex", "example"],
        "standards": [
            {"name": name, "items": [item for _, item in sorted(items, key=lambda p: p[0])]}
            for name, items in sorted(standards.items())
        ],
    }
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(data, 9, mtime=0))
    n_items = sum(len(s["items"]) for s in payload["standards"])
    print(
        f"{len(payload['standards'])} 제공표준, 항목 {n_items}개 -> {OUT} ({OUT.stat().st_size:,} bytes)"
    )


if __name__ == "__main__":
    main()
