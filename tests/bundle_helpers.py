"""Shared by the bundle tests: department catalogs made from corpus files split into department
folders (scan, map, accept the confident suggestions, export), and a dump of a catalog to tell
whether a merge changed anything."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from tests.cli_helpers import run, run_json

DEPARTMENTS = ("교통과", "복지과", "안전총괄과", "환경과", "문화관광과")


def split_corpus(corpus: Path, dest: Path, departments=DEPARTMENTS) -> dict[str, Path]:
    """Copy the corpus files into one folder per department (files sharing a name stem go to
    the same department: their derived 목록명 would collide across departments)."""
    files = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix != ".md")
    files = [p for p in files if p.name != "MANIFEST.csv"]
    stems = sorted({p.stem for p in files})
    folders = {}
    for f in files:
        dept = departments[stems.index(f.stem) % len(departments)]
        folder = dest / dept
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, folder / f.name)
        folders[dept] = folder
    return folders


def department_catalog(template: Path, folder: Path, db: Path, accept: str = "0.9") -> Path:
    """A department's own catalog: scan its folder, map and accept confident suggestions."""
    shutil.copy(template, db)
    run(db, "scan", str(folder), "-q", code=_scan_code(db, folder))
    run(db, "map", "-q", "--auto-accept", accept)
    return db


def _scan_code(db: Path, folder: Path) -> int:
    return 0  # the corpus files all read; a test that needs failures says so itself


def export(db: Path, out: Path, department: str, *extra: str) -> dict:
    return run_json(db, "bundle", "export", str(out), "--department", department, *extra)


def catalog_rate(db: Path) -> tuple:
    r = run_json(db, "check")["rates"]["catalog"][0]
    return (r["compliant"], r["checked"], r["excluded"], r["rate"])


def department_rates(db: Path) -> dict[str, tuple]:
    return {
        r["name"]: (r["compliant"], r["checked"], r["excluded"], r["rate"])
        for r in run_json(db, "check")["rates"]["department"]
    }


def dump_hash(db: Path) -> str:
    """SHA-256 of every row of every table (what a merge could change)."""
    h = hashlib.sha256()
    conn = sqlite3.connect(db)
    try:
        for line in conn.iterdump():
            h.update(line.encode())
    finally:
        conn.close()
    return h.hexdigest()
