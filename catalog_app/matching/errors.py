"""The error of a mapping decision that cannot be made, with its Korean message.

Both the desk that records decisions (``decisions``) and the reader of a column's review state
(``review_state``) refuse an unknown column the same way; the error lives here, below both, so
neither has to import the other for it.
"""

from __future__ import annotations

from catalog_app.dictionary.store import DictionaryError

__all__ = ["MappingError", "no_such_column"]


class MappingError(DictionaryError):
    """A decision that cannot be made (unknown column, nothing to undo …); Korean message."""


def no_such_column(column_id: int) -> MappingError:
    return MappingError(f"그런 컬럼이 없습니다: {column_id} (`show 데이터셋 --json` 의 컬럼 id)")
