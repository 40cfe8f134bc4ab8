"""Handing the institution standard over: the standards manager exports it (alone, or with the
official edition it builds on) for other PCs, which take it with ``replace_layer``.

Shared by ``catalog-app standards export`` and the window's 표준사전 page, so both write the same
files: an ``.xlsx`` path gets the official three-sheet workbook, anything else a CSV folder.
"""

from __future__ import annotations

from pathlib import Path

from catalog_app.dictionary.formats import write_csv, write_xlsx
from catalog_app.dictionary.model import Dictionary
from catalog_app.dictionary.store import DictionaryStore

__all__ = ["SCOPES", "export_dictionary"]

SCOPES = ("institution", "all")


def export_dictionary(
    store: DictionaryStore, path: str | Path, scope: str = "institution"
) -> Dictionary:
    """Write the institution layer (``scope='all'``: with the current official edition) to
    ``path`` and return what was written."""
    if scope not in SCOPES:
        raise ValueError(f"scope: {scope}")
    official, own = store.working()
    out = own
    if scope == "all":
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
    return out
