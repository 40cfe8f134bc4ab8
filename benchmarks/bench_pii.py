"""Personal-data detection benchmark (issues 14 and 20): CPU per column and verdict stability.

Records what the profiler hands to the detector for every column of ``../shared/corpus``, the
generated 100k-row CSV of ``bench_scan.py`` and the synthetic list of people under
``tests/fixtures/privacy`` (label, distinct values up to 2,000, inferred type), then times the
detector over those inputs in a fresh process, repeated, and prints median and minimum CPU
seconds. ``--root`` times another checkout of the project on the same inputs (before/after), and
``--samples`` compares the verdicts made from the first N distinct values with those from 2,000.

    python benchmarks/bench_pii.py                          # this checkout
    python benchmarks/bench_pii.py --root /tmp/base         # also an older checkout, same inputs
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CACHE = Path(tempfile.gettempdir()) / "catalog_app_bench"
RECORD_CAP = 2000

CHILD = r"""
import inspect, json, pickle, statistics, sys, time
sys.path.insert(0, {root!r})
from catalog_app.scan import pii
inputs = pickle.load(open({inputs!r}, "rb"))
cap, repeats = int(sys.argv[1]), int(sys.argv[2])
typed = "col_type" in inspect.signature(pii.detect_pii).parameters
def run():
    out = []
    for label, values, kind in inputs:
        if typed:
            out.append(pii.detect_pii(label, values[:cap], col_type=kind))
        else:
            out.append(pii.detect_pii(label, values[:cap]))
    return out
try:
    from catalog_app.scan.pii import headers as pii_headers
except ImportError:  # --root: a checkout from before scan/pii/ was a package
    from catalog_app.scan import pii_headers
clear = getattr(getattr(pii_headers, "_analyse", None), "cache_clear", lambda: None)
times = []
for _ in range(repeats):
    clear()  # each run starts cold: labels are not cached from the run before
    t = time.process_time()
    found = run()
    times.append(time.process_time() - t)
verdicts = [None if f is None else f.kind for f in found]
print(json.dumps({{"median": statistics.median(times), "min": min(times), "verdicts": verdicts}}))
"""


def record(paths: list[Path], out: Path) -> int:
    """Profile every table of ``paths`` and keep the detector's inputs."""
    sys.path.insert(0, str(ROOT))
    from catalog_app.scan import profile
    from catalog_app.scan.file_scan import excel_in_process, scan_file

    seen: list[tuple[str, list[str], str]] = []
    last: dict = {}
    hook = "inspect_column" if hasattr(profile, "inspect_column") else "detect_pii"
    original_detect = getattr(profile, hook)
    original_finish = profile.ColumnAccumulator.finish

    def detect(label, values, *args, **kwargs):
        last["args"] = (label, list(values))
        return original_detect(label, values, *args, **kwargs)

    def finish(self):
        last.clear()
        result = original_finish(self)
        if "args" in last:
            label, values = last["args"]
            seen.append((label, values, result.inferred_type))
        return result

    setattr(profile, hook, detect)
    profile.ColumnAccumulator.finish = finish
    profile.PII_SAMPLE = RECORD_CAP
    try:
        for path in paths:
            try:
                if path.suffix.lower() in (".xlsx", ".xls", ".xlsb", ".ods"):
                    from catalog_app.scan.sniff import sniff_format

                    fmt = sniff_format(str(path))
                    if fmt in ("xlsx", "xls", "xlsb", "ods"):
                        excel_in_process(str(path), fmt)
                        continue
                scan_file(str(path))
            except Exception as exc:  # noqa: BLE001 - a file the scan refuses is skipped here
                print(f"  skipped {path.name}: {exc}", file=sys.stderr)
    finally:
        setattr(profile, hook, original_detect)
        profile.ColumnAccumulator.finish = original_finish
    with open(out, "wb") as fh:
        pickle.dump(seen, fh)
    return len(seen)


def measure(root: Path, inputs: Path, cap: int, repeats: int) -> dict:
    code = CHILD.format(root=str(root), inputs=str(inputs))
    done = subprocess.run(
        [sys.executable, "-c", code, str(cap), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", type=Path, action="append", default=[], help="another checkout")
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--samples", type=int, default=500, help="sample size compared with 2,000")
    args = ap.parse_args()
    CACHE.mkdir(exist_ok=True)
    paths: list[Path] = []
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        paths += sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix != ".md")
    generated = CACHE / "gen_100000x20_cp949.csv"
    if generated.exists():
        paths.append(generated)
    else:
        print("(no generated CSV: run benchmarks/bench_scan.py --quick once to add it)")
    people = ROOT / "tests" / "fixtures" / "privacy"
    if people.is_dir():
        paths += sorted(people.glob("*.csv"))
    inputs = CACHE / "pii_inputs.pkl"
    n = record(paths, inputs)
    with open(inputs, "rb") as fh:
        total_values = sum(len(v) for _, v, _ in pickle.load(fh))
    print(f"inputs: {n} columns from {len(paths)} files, {total_values:,} distinct values")
    for root in [ROOT, *args.root]:
        full = measure(root, inputs, RECORD_CAP, args.repeats)
        print(
            f"{root}: detection over 2,000-value samples: median {full['median']:.3f} s CPU, "
            f"min {full['min']:.3f} s ({args.repeats} runs)"
        )
        if args.samples != RECORD_CAP:
            small = measure(root, inputs, args.samples, args.repeats)
            changed = sum(a != b for a, b in zip(full["verdicts"], small["verdicts"], strict=True))
            flagged = sum(v is not None for v in full["verdicts"])
            print(
                f"    {args.samples:,}-value samples: median {small['median']:.3f} s, "
                f"min {small['min']:.3f} s; verdicts changed {changed} of {n} "
                f"({flagged} columns flagged with 2,000)"
            )


if __name__ == "__main__":
    main()
