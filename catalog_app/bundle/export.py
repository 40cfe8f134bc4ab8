"""`bundle export`: one department's catalog as one file for the institution.

Everything is read inside one read transaction (a consistent picture even while the window
writes) and written to a temporary file next to the target, which replaces the target only when
it is complete: a killed export leaves no half bundle behind.

Personal data: the catalog already stores masked samples for the columns the scan found personal.
Before a value leaves the PC it is checked again — the column's sample, top, min and max values go
through the PII detector (a column it now finds personal has its values masked) and every value
through ``disclosure.safe.scrub`` (a registration, mobile or card number inside text), and so do
the free-text metadata values. A bundle never holds a raw personal value the app can recognise.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from catalog_app import __version__
from catalog_app.bundle.format import FORMAT, KIND, SCHEMA, TABLES, BundleError, digest
from catalog_app.catalog.schema import LATEST
from catalog_app.catalog.store import Catalog
from catalog_app.dictionary.institution import current_user


@dataclass
class ExportResult:
    path: Path
    department: str
    datasets: int
    columns: int
    sha256: str
    created_at: str
    created_by: str
    edition: str
    release_version: int | None
    masked_values: int  # values the second PII check masked on the way out

    def as_dict(self) -> dict:
        return {
            "bundle": str(self.path),
            "department": self.department,
            "datasets": self.datasets,
            "columns": self.columns,
            "sha256": self.sha256,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "edition": self.edition,
            "release_version": self.release_version,
            "masked_values": self.masked_values,
        }


def default_department(catalog: Catalog) -> str | None:
    """The department a bundle speaks for when none is given: the only one in the settings."""
    rows = catalog.conn.execute("SELECT DISTINCT name FROM departments").fetchall()
    return rows[0][0] if len(rows) == 1 else None


_DECIMAL = re.compile(r"[+-]?\d+\.\d+")  # 70015.01955150011 is a rate, not a phone number
STRONG_SHARE = 0.5  # the sample is mostly personal values: mask the column's values outright


def _safe_values(label: str, row: dict) -> int:
    """Mask what the PII detector or the free-text scrubber finds in a column's stored values;
    returns how many values changed (0 for a column that was clean).

    The scan decided on many more values than the stored sample, so a column it did not flag is
    masked outright only when the detector finds most of the sample personal; otherwise each
    value is scrubbed of the identifiers it holds (registration, mobile, card numbers, e-mail).
    Decimal numbers are left alone: their digits often look like a phone number."""
    from catalog_app.catalog.column_rows import stored_samples, stored_top_values
    from catalog_app.disclosure.safe import scrub
    from catalog_app.scan.pii import detect_pii, mask_value

    top = stored_top_values(row)
    samples = stored_samples(row)
    values = [str(v) for v, _n in top] + [str(v) for v in samples]
    values += [str(v) for v in (row["min_value"], row["max_value"]) if v]
    values = [v.strip() for v in values if v.strip() and not _DECIMAL.fullmatch(v.strip())]
    kind = None
    if not row["masked"] and values:
        found = detect_pii(label, list(dict.fromkeys(values)))
        if found and "values" in found.source and found.share >= STRONG_SHARE:
            kind = found.kind

    def clean(value):
        if value is None or value == "":
            return value
        text = str(value)
        if _DECIMAL.fullmatch(text.strip()):
            return value
        out = mask_value(text, kind) if kind else scrub(text)
        return out if out != text else value

    changed = 0
    new_top = []
    for v, n in top:
        c = clean(v)
        changed += c != v
        new_top.append([c, n])
    new_samples = []
    for v in samples:
        c = clean(v)
        changed += c != v
        new_samples.append(c)
    for key in ("min_value", "max_value"):
        c = clean(row[key])
        changed += c != row[key]
        row[key] = c
    if changed:
        row["top_values"] = json.dumps(new_top, ensure_ascii=False)
        row["samples"] = json.dumps(new_samples, ensure_ascii=False)
        if kind:
            row["masked"] = 1
    return changed


def export_bundle(
    catalog: Catalog,
    out: str | os.PathLike,
    department: str | None = None,
    *,
    who: str | None = None,
    force: bool = False,
) -> ExportResult:
    """Write the department bundle to ``out``. Refused (BundleError) without a department name,
    or while columns lack a current suggestion (the 준수율 the bundle carries could not be
    trusted) unless ``force``."""
    from catalog_app.dictionary.release import current_release
    from catalog_app.dictionary.store import DictionaryStore
    from catalog_app.matching.jobs import mapping_trust, unsuggested_message

    department = (department or default_department(catalog) or "").strip()
    if not department:
        raise BundleError(
            "no_department",
            "꾸러미를 만들 부서 이름이 필요합니다 (--department 교통과). 부서 설정에 부서가 "
            "하나뿐이면 그 이름을 씁니다.",
        )
    trust = mapping_trust(catalog.conn)
    if not trust.trusted and not force:
        raise BundleError("unsuggested", unsuggested_message(trust.unsuggested))
    store = DictionaryStore(catalog)
    edition = store.ensure_shipped().key
    store.institution_id()
    release = current_release(catalog.conn)
    from catalog_app.disclosure.metadata import MetadataStore

    meta = MetadataStore(catalog)
    institution = meta.institution()
    phones = {d.name: d.phone for d in meta.departments()}

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    created_at = datetime.now(UTC).isoformat(timespec="microseconds")
    who = who or current_user()
    bundle = sqlite3.connect(str(tmp), isolation_level=None)
    masked = 0
    try:
        bundle.execute("PRAGMA journal_mode = OFF")  # a fresh file: written whole or thrown away
        bundle.execute("PRAGMA synchronous = OFF")
        bundle.executescript(SCHEMA)
        bundle.execute("BEGIN")
        conn = catalog.conn
        conn.execute("BEGIN")  # one consistent read of the catalog
        try:
            counts = {}
            for table, cols in TABLES.items():
                rows, counter = _rows(conn, table, cols)
                marks = ", ".join("?" for _ in cols)
                bundle.executemany(
                    f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows
                )
                counts[table] = counter["rows"]
                masked += counter["masked"]
        finally:
            conn.execute("COMMIT")
        info = {
            "kind": KIND,
            "format": str(FORMAT),
            "schema_version": str(LATEST),
            "app_version": __version__,
            "department": department,
            "created_at": created_at,
            "created_by": who,
            "edition": edition,
            "release_version": "" if release is None else str(release.version),
            "institution": institution.get("name", ""),
            "institution_code": institution.get("code", ""),
            "phone": phones.get(department, ""),
            "catalog_file": catalog.path.name,
            **{f"count_{k}": str(v) for k, v in counts.items()},
        }
        bundle.executemany("INSERT INTO bundle_info (key, value) VALUES (?, ?)", info.items())
        sha = digest(bundle)
        bundle.execute("INSERT INTO bundle_info (key, value) VALUES ('content_sha256', ?)", (sha,))
        bundle.execute("COMMIT")
        bundle.execute("PRAGMA journal_mode = DELETE")  # readers open it as a plain file
    except BaseException:
        bundle.close()
        tmp.unlink(missing_ok=True)
        raise
    bundle.close()
    os.replace(tmp, out)
    return ExportResult(
        out,
        department,
        counts["datasets"],
        counts["columns"],
        sha,
        created_at,
        who,
        edition,
        None if release is None else release.version,
        masked,
    )


def _rows(conn, table: str, cols: tuple[str, ...]) -> tuple[Iterator[tuple], dict]:
    """The catalog's rows of one bundle table (streamed), values made safe on the way."""
    from catalog_app.disclosure.safe import scrub

    counter = {"rows": 0, "masked": 0}
    if table == "institution_terms":
        source = _institution_rows(conn)
    else:
        source = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid")

    def gen():
        for r in source:
            counter["rows"] += 1
            if table == "columns":
                row = dict(zip(cols, r, strict=True))
                counter["masked"] += _safe_values(row["label"], row)
                r = tuple(row[c] for c in cols)
            elif table == "disclosure_meta":
                row = dict(zip(cols, r, strict=True))
                clean = scrub(row["value"])
                if clean != row["value"]:
                    counter["masked"] += 1
                    row["value"] = clean
                r = tuple(row[c] for c in cols)
            yield tuple(r)

    return gen(), counter


def _institution_rows(conn) -> Iterator[tuple]:
    from catalog_app.dictionary.store import INSTITUTION_KEY

    edition = conn.execute(
        "SELECT id FROM dict_editions WHERE key = ?", (INSTITUTION_KEY,)
    ).fetchone()
    if edition is None:
        return
    for kind, table in (("word", "dict_words"), ("term", "dict_terms"), ("domain", "dict_domains")):
        for r in conn.execute(
            f"SELECT * FROM {table} WHERE edition_id = ? ORDER BY id", (edition[0],)
        ):
            data = {k: r[k] for k in r.keys() if k not in ("id", "edition_id")}  # noqa: SIM118 (Row)
            yield (
                kind,
                r["name"],
                data.get("abbr"),
                data.get("domain"),
                r["retired"],
                json.dumps(data, ensure_ascii=False, sort_keys=True),
            )
