"""How the disclosure rules read a dataset or column record: what it is called, how open it is.

Shared by the validation (``validate``), the registration calendar (``lifecycle``,
``deadlines``), the year-to-year diff and the exported lists, so each names a dataset and judges
a column's openness the same way; on its own so none of them has to import another for it.
"""

from __future__ import annotations

from catalog_app.disclosure.model import ColumnRecord, DatasetRecord
from catalog_app.disclosure.vocab import OPEN, PARTIAL

__all__ = ["dataset_name", "effective_openness"]


def dataset_name(d: DatasetRecord) -> str:
    """What the clerk calls the dataset: its 목록명, else its file name."""
    return d.get("title").strip() or d.name


def effective_openness(column: ColumnRecord, dataset_openness: str) -> str:
    """The column's own openness, else the dataset's; under 부분공개 an unset column is open."""
    own = column.get("openness").strip()
    if own:
        return own
    return OPEN if dataset_openness == PARTIAL else dataset_openness
