"""Numbered releases of the institution standard (기관표준 배포판).

The standards manager exports the institution layer as a release: a version number (one more than
the last release whose content differs; the same number when nothing changed), the date, and a
SHA-256 of the content as the reader reads it back, written inside the file — a ``배포정보`` sheet
in the xlsx, ``release.json`` beside the CSVs. A department importing the file learns which
release it gets; importing a release older than the one its catalog already uses, a file edited
after release (hash mismatch) or another file under the same number is refused unless forced, so
nobody steps back to an old standard without knowing it. ``dict_releases`` keeps every release
this catalog exported or imported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.model import Dictionary
from catalog_app.dictionary.store import DictionaryError

SHEET = "배포정보"
JSON_NAME = "release.json"
_LABELS = {"version": "배포판", "released_at": "배포일", "sha256": "내용해시(SHA-256)"}


@dataclass
class Release:
    version: int
    released_at: str  # YYYY-MM-DD
    sha256: str
    words: int = 0
    terms: int = 0
    domains: int = 0

    def label(self) -> str:
        return f"{self.version}판({self.released_at})"

    def as_dict(self) -> dict:
        return asdict(self)


def content_hash(dictionary: Dictionary) -> str:
    """SHA-256 of the rows as read (field order and values), the same on both sides."""
    h = hashlib.sha256()
    for key in ("words", "terms", "domains"):
        for item in getattr(dictionary, key):
            h.update(key.encode())
            h.update(json.dumps(asdict(item), ensure_ascii=False, sort_keys=True).encode())
            h.update(b"\n")
    return h.hexdigest()


def current_release(conn) -> Release | None:
    """The release a catalog (its connection) uses: the last one it exported or imported."""
    row = conn.execute("SELECT * FROM dict_releases ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    return Release(
        row["version"], row["released_at"], row["sha256"], row["words"], row["terms"],
        row["domains"],
    )  # fmt: skip


def _record(catalog: Catalog, release: Release, direction: str, who: str, source: str) -> None:
    with catalog.transaction() as conn:
        conn.execute(
            """INSERT INTO dict_releases (version, released_at, sha256, direction, at, who,
               source, words, terms, domains) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                release.version, release.released_at, release.sha256, direction, now_iso(), who,
                source, release.words, release.terms, release.domains,
            ),
        )  # fmt: skip


def write_release(catalog: Catalog, dictionary: Dictionary, path: str | Path, who: str) -> Release:
    """Write the institution layer as a numbered release (xlsx, else a CSV folder)."""
    from catalog_app.dictionary.formats import read_dictionary, write_csv, write_xlsx

    path = Path(path)
    xlsx = path.suffix.lower() == ".xlsx"
    if xlsx:
        write_xlsx(dictionary, path)
    else:
        path.mkdir(parents=True, exist_ok=True)
        write_csv(dictionary, path)
    sha = content_hash(read_dictionary(path))  # what a department's reader will see
    last = catalog.conn.execute(
        "SELECT * FROM dict_releases WHERE direction = 'exported' ORDER BY version DESC LIMIT 1"
    ).fetchone()
    highest = catalog.conn.execute("SELECT MAX(version) FROM dict_releases").fetchone()[0] or 0
    if last is not None and last["sha256"] == sha:
        release = Release(last["version"], last["released_at"], sha)
    else:
        release = Release(highest + 1, date.today().isoformat(), sha)
    release.words = len(dictionary.words)
    release.terms = len(dictionary.terms)
    release.domains = len(dictionary.domains)
    if xlsx:
        _add_sheet(path, release)
    else:
        (path / JSON_NAME).write_text(
            json.dumps(release.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
    if last is None or last["sha256"] != sha:
        _record(catalog, release, "exported", who, path.name)
    return release


def _add_sheet(path: Path, release: Release) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.create_sheet(SHEET)
    ws.append(["항목", "값"])
    for key, label in _LABELS.items():
        ws.append([label, str(getattr(release, key))])
    ws.append(["단어·용어·도메인", f"{release.words}·{release.terms}·{release.domains}"])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 70
    wb.save(path)


def read_release(path: str | Path) -> Release | None:
    """The release facts written in an exported file; None for a file without them."""
    path = Path(path)
    if path.is_dir():
        target = path / JSON_NAME
        if not target.is_file():
            return None
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
            return Release(**{k: data[k] for k in ("version", "released_at", "sha256")})
        except (ValueError, KeyError, TypeError):
            return None
    if path.suffix.lower() != ".xlsx":
        return None
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        if SHEET not in wb.sheet_names:
            return None
        rows = wb.get_sheet_by_name(SHEET).to_python()
    except Exception:
        return None
    by_label = {str(r[0]).strip(): str(r[1]).strip() for r in rows if len(r) >= 2}
    values = {k: by_label.get(label, "") for k, label in _LABELS.items()}
    try:
        return Release(int(float(values["version"])), values["released_at"], values["sha256"])
    except ValueError:
        return None


@dataclass
class ImportCheck:
    """What importing a release file means for this catalog."""

    incoming: Release | None
    current: Release | None
    problem: str = ""  # Korean; empty when the import may go ahead
    note: str = ""  # Korean, for information


def check_import(catalog: Catalog, path: str | Path, dictionary: Dictionary) -> ImportCheck:
    """Compare a release file with the release this catalog uses (before importing it)."""
    incoming = read_release(path)
    current = current_release(catalog.conn)
    out = ImportCheck(incoming, current)
    if incoming is None:
        out.note = "배포판 정보가 없는 기관표준 파일입니다 (배포판 번호를 확인할 수 없음)."
        return out
    actual = content_hash(dictionary)
    if actual != incoming.sha256:
        out.problem = (
            f"기관표준 배포판 {incoming.label()} 파일이 배포 뒤에 고쳐졌습니다 (내용 해시 불일치). "
            "표준 관리자에게 원본을 다시 받으세요."
        )
    elif current is not None and incoming.version < current.version:
        out.problem = (
            f"가져오려는 기관표준 배포판 {incoming.label()}은(는) 이 카탈로그가 쓰는 "
            f"배포판 {current.label()}보다 오래되었습니다. 최신 배포판을 받으세요."
        )
    elif current is not None and incoming.version == current.version:
        if incoming.sha256 != current.sha256:
            out.problem = (
                f"같은 배포판 번호({incoming.version}판)인데 내용이 이 카탈로그의 것과 다릅니다. "
                "표준 관리자에게 확인하세요."
            )
        else:
            out.note = f"이미 쓰고 있는 배포판입니다: {incoming.label()}"
    else:
        out.note = f"기관표준 배포판 {incoming.label()}"
    return out


def record_import(catalog: Catalog, check: ImportCheck, dictionary: Dictionary, who: str,
                  source: str) -> None:  # fmt: skip
    """Remember the release a department now uses (nothing for a file without release facts)."""
    if check.incoming is None:
        return
    release = Release(
        check.incoming.version, check.incoming.released_at, check.incoming.sha256,
        len(dictionary.words), len(dictionary.terms), len(dictionary.domains),
    )  # fmt: skip
    _record(catalog, release, "imported", who, source)


def require_ok(check: ImportCheck, force: bool) -> None:
    if check.problem and not force:
        raise DictionaryError(check.problem + " (그래도 가져오려면 --force)")
