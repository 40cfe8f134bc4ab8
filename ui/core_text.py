"""The core's Korean messages in the window's language (issue 15).

The core stays Qt-free and Korean: validation problems, standard checks, dictionary findings and
field labels are ``catalog_app.messages.Text`` values — Korean ``str`` that remember their
template and parameters. :func:`core_tr` looks the template up in Qt's translator under the
context ``core`` (``tools/update_translations.py`` puts every registered template into the .ts)
and fills in the parameters, translating those that are messages themselves (a field label
inside a problem) and leaving data (file names, column labels, values) as it is. Plain Korean
text that lost its template (checks stored in the catalog) is matched back to one first.

In Korean the text is returned as it is: no lookup, no cost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from catalog_app.messages import Text, match
from ui.language import current_language

CONTEXT = "core"
_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


def _language() -> str:
    return current_language()


def core_tr(value) -> str:
    """``value`` (a core message, label or any text) in the interface language."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    if _language() == "ko":
        return str(value)
    if isinstance(value, Text):
        return _fill(value)
    return _plain(str(value))


@lru_cache(maxsize=8192)
def _plain(text: str) -> str:
    """Stored text: its template found again (cached: a list repeats the same messages)."""
    found = match(text)
    return _fill(found) if found is not None else text


def _fill(text: Text) -> str:
    english = QCoreApplication.translate("core", text.template)  # the context CONTEXT
    params = {
        key: _fill(value) if isinstance(value, Text) else value
        for key, value in text.params.items()
    }
    try:
        return english.format(**params)
    except (KeyError, IndexError, ValueError):
        # parameters read back from stored text are strings: '{n:,}' cannot format them, but
        # they already are written the way the format would write them
        return _FIELD.sub(lambda m: str(params.get(m.group(1), m.group(0))), english)


def clear_cache() -> None:
    """Forget translated stored texts (after a language switch)."""
    _plain.cache_clear()
