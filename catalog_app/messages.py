"""Korean messages of the core that a user interface can show in another language.

The core speaks Korean (the CLI, JSON outputs and exports stay Korean). A message a window also
shows — a validation problem, a standard check, a dictionary rule finding, a field label — is
made from a :class:`Template` registered here::

    V10_EMPTY = template("필수 항목이 비어 있습니다.")
    NOT_MAPPED = template("'{shown}'은(는) 표준용어에 매핑되지 않았습니다 (미등록 용어).")
    message = NOT_MAPPED(shown="주소")

Calling a template gives a :class:`Text`: a ``str`` holding the Korean text (so every caller,
``json.dumps`` and SQLite see plain Korean), which also remembers its template and parameters.
A window translates the template (the Korean text is the message id, gettext style) and fills
in the parameters; a parameter that is itself a :class:`Text` is translated too, anything else
(file names, column labels, values) is data and stays as it is.

Messages stored as plain text (the checks kept in ``column_match``) lost their parameters; a
window finds their template again with :func:`match` (every template read as a pattern).

:func:`templates` lists every registered template: ``tools/update_translations.py`` puts them
into the translation file under the context ``core``; a test fails when one has no English.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable

__all__ = ["Template", "Text", "join", "known", "match", "register", "template", "templates"]

_REGISTRY: dict[str, Template] = {}
# Modules that declare templates; imported by templates() so the list is complete.
MESSAGE_MODULES = (
    "catalog_app.disclosure.vocab",
    "catalog_app.disclosure.exports.registry",
    "catalog_app.disclosure.validate",
    "catalog_app.matching.checks",
    "catalog_app.matching.checks_values",
    "catalog_app.matching.jobs",
    "catalog_app.dictionary.rules",
)
_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


class Text(str):
    """Korean text that remembers the template and parameters it was made from."""

    template: str
    params: dict

    def __new__(cls, template: str, params: dict | None = None, shown: str | None = None) -> Text:
        params = dict(params or {})
        if shown is None:
            shown = template.format(**params) if params else template
        obj = super().__new__(cls, shown)
        obj.template = template
        obj.params = params
        return obj

    def __reduce__(self):  # pickling and deepcopy (dataclasses.asdict) keep the template
        return (Text, (self.template, self.params, str(self)))


class Template:
    """A registered message: call it with the parameters its ``{fields}`` name."""

    def __init__(self, korean: str):
        self.korean = korean
        self.fields = tuple(dict.fromkeys(_FIELD.findall(korean)))

    def __call__(self, **params) -> Text:
        return Text(self.korean, params)

    def __repr__(self) -> str:
        return f"Template({self.korean!r})"


def template(korean: str) -> Template:
    """Declare (once, at import) a message a window may translate."""
    found = _REGISTRY.get(korean)
    if found is None:
        found = _REGISTRY[korean] = Template(korean)
    return found


def register(texts: Iterable[str]) -> None:
    """Declare fixed texts (field labels, help lines) without wrapping each one."""
    for text in texts:
        if text:
            template(str(text))


def known(text: str) -> str:
    """``text`` as a :class:`Text` when it is a registered fixed text (a field label), so a
    message that names it gets it translated; other text is returned unchanged (data)."""
    return Text(text) if text in _REGISTRY and not _REGISTRY[text].fields else text


def join(separator: str, items: Iterable[str]) -> Text:
    """``separator.join(items)`` that keeps the items' templates (each is translated on its
    own); the joining pattern has no words, so it is not registered."""
    items = list(items)
    pattern = (
        separator.replace("{", "{{").replace("}", "}}").join(f"{{p{i}}}" for i in range(len(items)))
    )
    return Text(pattern, {f"p{i}": item for i, item in enumerate(items)})


def templates() -> list[str]:
    """Every registered template (the message modules are imported first)."""
    for module in MESSAGE_MODULES:
        importlib.import_module(module)
    return sorted(_REGISTRY)


# ---------------------------------------------------------------------------- stored text
_PATTERNS: list[tuple[str, str, re.Pattern]] | None = None


def _pattern(korean: str) -> re.Pattern:
    parts, seen, last = [], set(), 0
    for found in _FIELD.finditer(korean):
        parts.append(re.escape(korean[last : found.start()]))
        name = found.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
        seen.add(name)
        last = found.end()
    parts.append(re.escape(korean[last:]))
    return re.compile("".join(parts), re.S)


def _longest_literal(korean: str) -> str:
    return max(_FIELD.split(korean)[::2], key=len, default="")


def match(text: str) -> Text | None:
    """The registered template ``text`` was made from, with its parameters, or None.

    Templates with more fixed text are tried first (a bare ``{where}: {text}`` last); a
    parameter is returned as the text it had, itself matched again when it is a whole
    message (a field label inside a problem)."""
    global _PATTERNS
    if _PATTERNS is None or len(_PATTERNS) != len(_REGISTRY):
        templates()
        entries = sorted(_REGISTRY, key=lambda k: -len("".join(_FIELD.split(k)[::2])))
        _PATTERNS = [(k, _longest_literal(k), _pattern(k)) for k in entries]
    for korean, literal, pattern in _PATTERNS:
        if literal and literal not in text:
            continue
        found = pattern.fullmatch(text)
        if found is None:
            continue
        params = {}
        for name, value in found.groupdict().items():
            inner = match(value) if value and value != text else None
            params[name] = inner if inner is not None else value
        return Text(korean, params, shown=text)
    return None
