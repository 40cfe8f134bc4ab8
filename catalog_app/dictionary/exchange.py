"""Handing the institution standard over: the standards manager exports it (alone, or with the
official edition it builds on) for other PCs, which take it with ``replace_layer``.

Shared by ``catalog-app standards export`` and the window's 표준사전 page, so both write the same
files: an ``.xlsx`` path gets the official three-sheet workbook, anything else a CSV folder. The
institution layer alone goes out as a numbered release (``dictionary.release``): a department
that imports an older release than its catalog uses is told so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalog_app.dictionary.formats import write_csv, write_xlsx
from catalog_app.dictionary.model import Dictionary
from catalog_app.dictionary.store import DictionaryStore

__all__ = ["SCOPES", "Exported", "export_dictionary", "export_with_release"]

SCOPES = ("institution", "all")


@dataclass
class Exported:
    dictionary: Dictionary  # what was written
    release: object | None = None  # dictionary.release.Release for the institution layer


def export_dictionary(
    store: DictionaryStore, path: str | Path, scope: str = "institution"
) -> Dictionary:
    """Write the institution layer (``scope='all'``: with the current official edition) to
    ``path`` and return what was written (the institution layer as a numbered release)."""
    return export_with_release(store, path, scope).dictionary


def export_with_release(
    store: DictionaryStore, path: str | Path, scope: str = "institution", who: str | None = None
) -> Exported:
    """``export_dictionary`` that also returns the release written (None for ``scope='all'``)."""
    if scope not in SCOPES:
        raise ValueError(f"scope: {scope}")
    official, own = store.working()
    if scope == "institution":
        from catalog_app.dictionary.institution import current_user
        from catalog_app.dictionary.release import write_release

        release = write_release(store.catalog, own, path, who or current_user())
        return Exported(own, release)
    out = Dictionary(
        words=official.words + own.words,
        terms=official.terms + own.terms,
        domains=official.domains + own.domains,
    )
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        write_xlsx(out, path)
    else:
        path.mkdir(parents=True, exist_ok=True)
        write_csv(out, path)
    return Exported(out)
