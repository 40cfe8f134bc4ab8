"""Refresh the English translation of the desktop app: .ts from the sources, English from the table
below, .qm for the app (issue 6).

After adding or changing a user-facing string in ``ui/`` or ``ui/pages/``::

    .venv/bin/python tools/update_translations.py          # rewrites the .ts and the .qm
    .venv/bin/python tools/update_translations.py --check  # changes nothing; exit 1 when stale

Add the English of every new source string to ``EN`` in tools/translations_en.py (or to
``EN_CONTEXT`` when the same Korean needs another English in one context), run the script and
commit both
``resources/translations/catalog_app_en.ts`` and ``catalog_app_en.qm``. A string without English
is written ``type="unfinished"`` and listed, and ``tests/ui/test_translations.py`` fails until it
has one. An English typed into the .ts with Qt Linguist (``pyside6-linguist``) is kept when
:data:`EN` has none for that string; :data:`EN` wins otherwise.

Steps:

1. ``pyside6-lupdate`` over ``ui/*.py`` and ``ui/pages/*.py`` into a scratch .ts.
2. The same files read with :mod:`ast`, which knows what context each call uses at run time, and
   corrects what lupdate's Python parser misreads: a local alias such as
   ``tr = lambda text: QCoreApplication.translate("dialogs", text)`` (lupdate files its strings
   under the empty context), ``tr = QCoreApplication.translate; tr("Ctx", "text")`` (lupdate takes
   "Ctx" for the source and the text for a comment) and ``_tr("text")`` helpers (lupdate misses
   them). A message lupdate finds where ``ast`` finds no translatable call stops the script: the
   two extractors must agree on everything else.
3. Every message filled from :data:`EN_CONTEXT`, :data:`EN`, else the committed .ts.
4. The .ts written (contexts sorted, messages by place) and compiled with ``pyside6-lrelease``.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from translations_en import EN, EN_CONTEXT, EXTRA  # noqa: E402  (the English tables)

REPO = Path(__file__).resolve().parents[1]
TRANSLATIONS = REPO / "resources" / "translations"
TS_FILE = TRANSLATIONS / "catalog_app_en.ts"
QM_FILE = TRANSLATIONS / "catalog_app_en.qm"
SOURCE_GLOBS = ("ui/*.py", "ui/pages/*.py")

Key = tuple[str, str, str]  # context, source, disambiguation comment ('' = none)


def source_files(repo: Path = REPO) -> list[Path]:
    return sorted(p for pattern in SOURCE_GLOBS for p in repo.glob(pattern))


def qt_tool(name: str) -> str | None:
    """``pyside6-lupdate`` / ``pyside6-lrelease``: beside this Python (a venv), else on PATH."""
    beside = shutil.which(name, path=str(Path(sys.executable).parent))
    return beside or shutil.which(name)


# ---------------------------------------------------------------------------------------- ast
@dataclass
class Found:
    """Every translatable call of the sources, as the app looks it up at run time."""

    messages: dict[Key, list[tuple[Path, int]]] = field(default_factory=dict)
    spans: dict[Path, list[tuple[int, int]]] = field(default_factory=dict)  # lines of each call
    problems: list[str] = field(default_factory=list)  # calls with no context to read
    dynamic: list[str] = field(default_factory=list)  # tr(variable): see EXTRA

    def add(self, key: Key, path: Path, line: int) -> None:
        self.messages.setdefault(key, []).append((path, line))


def _is_translate(func: ast.expr) -> bool:
    return isinstance(func, ast.Attribute) and func.attr == "translate"


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _aliases(tree: ast.Module) -> tuple[dict[str, str | None], set[int]]:
    """Local names for translate: ``name -> context`` for one-argument helpers bound to a
    context, ``name -> None`` for ``name = QCoreApplication.translate``; and the ids of the
    helpers' own ``translate(context, text)`` calls (no string of their own)."""
    out: dict[str, str | None] = {}
    bodies: set[int] = set()
    for node in ast.walk(tree):
        target = body = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and _is_translate(node.value):
                out[target.id] = None
                continue
            if isinstance(target, ast.Name) and isinstance(node.value, ast.Lambda):
                body = node.value.body
        elif isinstance(node, ast.FunctionDef) and len(node.body) == 1:
            statement = node.body[0]
            if isinstance(statement, ast.Return):
                body = statement.value
            target = ast.Name(id=node.name)
        if (
            isinstance(body, ast.Call)
            and _is_translate(body.func)
            and len(body.args) == 2
            and _text(body.args[0]) is not None
            and isinstance(body.args[1], ast.Name)
        ):
            out[target.id] = _text(body.args[0])
            bodies.add(id(body))
    return out, bodies


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: Path, found: Found, tree: ast.Module):
        self.path, self.found = path, found
        self.aliases, self.alias_bodies = _aliases(tree)
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _problem(self, node: ast.AST, why: str) -> None:
        self.found.problems.append(f"{self.path.relative_to(REPO)}:{node.lineno}: {why}")

    def _take(self, node: ast.Call, context: str, text_node, comment_node) -> None:
        text = _text(text_node)
        comment = _text(comment_node) if comment_node is not None else ""
        if text is None or comment is None:
            where = f"{self.path.relative_to(REPO)}:{node.lineno}"
            self.found.dynamic.append(f"{where}: {ast.unparse(node)[:80]} (context {context!r})")
            return
        self.found.add((context, text, comment), self.path, text_node.lineno)

    def visit_Call(self, node: ast.Call) -> None:
        func, args = node.func, node.args
        span = (node.lineno, node.end_lineno or node.lineno)
        handled = True
        if isinstance(func, ast.Attribute) and func.attr == "tr" and args:
            if not self.classes:
                self._problem(node, "tr() outside a class")
            else:
                self._take(node, self.classes[-1], args[0], args[1] if len(args) > 1 else None)
        elif _is_translate(func) and len(args) >= 2:
            if id(node) in self.alias_bodies:
                handled = False  # the body of an alias: translate("ctx", text)
            elif _text(args[0]) is None:
                self._problem(node, "translate() with a computed context")
            else:
                self._take(node, _text(args[0]), args[1], args[2] if len(args) > 2 else None)
        elif isinstance(func, ast.Name) and func.id in self.aliases and args:
            context = self.aliases[func.id]
            if context is None and len(args) >= 2 and _text(args[0]) is None:
                self._problem(node, f"{func.id}() with a computed context")
            elif context is None and len(args) >= 2:
                self._take(node, _text(args[0]), args[1], args[2] if len(args) > 2 else None)
            elif context is not None:
                self._take(node, context, args[0], None)
            else:
                handled = False
        elif isinstance(func, ast.Name) and func.id == "tr":
            self._problem(node, "tr() that is not a method and not a known alias")
        else:
            handled = False
        if handled:
            self.found.spans.setdefault(self.path, []).append(span)
        self.generic_visit(node)


def ast_messages(files: list[Path]) -> Found:
    found = Found()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        _Visitor(path, found, tree).visit(tree)
    return found


# ------------------------------------------------------------------------------------ lupdate
def lupdate_messages(files: list[Path], workdir: Path) -> dict[Key, list[tuple[Path, int]]]:
    """What ``pyside6-lupdate`` extracts (a fresh .ts: nothing merged from the committed one)."""
    tool = qt_tool("pyside6-lupdate")
    if tool is None:
        raise FileNotFoundError("pyside6-lupdate not found (pip install PySide6-Essentials)")
    scratch = workdir / "lupdate.ts"
    scratch.unlink(missing_ok=True)
    done = subprocess.run(
        [tool, "-silent", "-no-obsolete", "-locations", "absolute"]
        + ["-source-language", "ko", "-target-language", "en"]
        + [str(p) for p in files]
        + ["-ts", str(scratch)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not scratch.is_file():
        raise RuntimeError(f"pyside6-lupdate failed:\n{done.stdout}\n{done.stderr}")
    out: dict[Key, list[tuple[Path, int]]] = {}
    for context, message in _iter_messages(ET.parse(scratch).getroot()):
        key = (context, message.findtext("source") or "", message.findtext("comment") or "")
        places = out.setdefault(key, [])
        for location in message.findall("location"):
            path = (scratch.parent / location.get("filename", "")).resolve()
            places.append((path, int(location.get("line", "0"))))
    return out


def _iter_messages(root: ET.Element):
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            yield name, message


@dataclass
class Extraction:
    messages: dict[Key, list[tuple[Path, int]]]
    corrected: list[str]  # lupdate's misreadings that were set right
    problems: list[str]  # disagreements, calls with no context, stale EXTRA entries
    dynamic: list[str]  # tr(variable) calls: their strings must be listed in EXTRA


def extract(files: list[Path] | None = None) -> Extraction:
    """lupdate's messages, corrected by the ast reading of the same files."""
    files = source_files() if files is None else files
    truth = ast_messages(files)
    with tempfile.TemporaryDirectory() as tmp:
        lupdate = lupdate_messages(files, Path(tmp))
    corrected, problems = [], list(truth.problems)
    for key, places in lupdate.items():
        if key in truth.messages:
            continue
        explained = all(
            any(a <= line <= b for a, b in truth.spans.get(path, [])) for path, line in places
        )
        where = ", ".join(f"{p.relative_to(REPO)}:{n}" for p, n in places)
        if explained:
            corrected.append(f"lupdate misread {key[:2]!r} at {where}")
        else:
            problems.append(f"lupdate found {key[:2]!r} at {where}; the ast reading did not")
    for key in truth.messages.keys() - lupdate.keys():
        corrected.append(f"lupdate missed {key[:2]!r}")
    messages = dict(truth.messages)
    for key, places in core_messages().items():
        messages.setdefault(key, []).extend(places)
    for (context, source), relative in EXTRA.items():
        line = _literal_line(REPO / relative, source)
        if line is None:
            problems.append(f"EXTRA {(context, source)!r}: no such literal in {relative}")
            continue
        messages.setdefault((context, source, ""), []).append((REPO / relative, line))
    return Extraction(messages, sorted(corrected), problems, truth.dynamic)


CORE_CONTEXT = "core"


def core_messages() -> dict[Key, list[tuple[Path, int]]]:
    """The core's translatable messages (``catalog_app.messages``: validation problems, standard
    checks, dictionary findings, field labels) under the context ``core``, placed at the line
    that declares each one. The window translates them with ``ui.core_text.core_tr``."""
    sys.path.insert(0, str(REPO))
    from catalog_app import messages

    files = [REPO / (m.replace(".", "/") + ".py") for m in messages.MESSAGE_MODULES]
    lines: dict[str, tuple[Path, int]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                lines.setdefault(node.value, (path, node.lineno))
    out: dict[Key, list[tuple[Path, int]]] = {}
    for text in messages.templates():
        place = lines.get(text, (REPO / "catalog_app" / "messages.py", 1))
        out[(CORE_CONTEXT, text, "")] = [place]
    return out


def _literal_line(path: Path, text: str) -> int | None:
    if not path.is_file():
        return None
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and node.value == text:
            return node.lineno
    return None


# ------------------------------------------------------------------------------------ .ts i/o
def read_ts(path: Path) -> dict[Key, tuple[str, bool]]:
    """``key -> (translation, finished)`` of a .ts file."""
    out = {}
    for context, message in _iter_messages(ET.parse(path).getroot()):
        key = (context, message.findtext("source") or "", message.findtext("comment") or "")
        translation = message.find("translation")
        text = (translation.text or "") if translation is not None else ""
        finished = translation is not None and translation.get("type") is None and bool(text)
        out[key] = (text, finished)
    return out


def _parse_ts_text(text: str) -> dict[Key, tuple[str, bool]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.ts"
        path.write_text(text, encoding="utf-8")
        return read_ts(path)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace('"', "&quot;")
    )


def render_ts(
    messages: dict[Key, list[tuple[Path, int]]],
    translations: dict[Key, str],
    ts_dir: Path = TRANSLATIONS,
) -> str:
    """The .ts text in lupdate's layout; a message without English is ``type="unfinished"``."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="en" sourcelanguage="ko">',
    ]
    by_context: dict[str, list[Key]] = {}
    for key in messages:
        by_context.setdefault(key[0], []).append(key)
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{_escape(context)}</name>"]
        keys = sorted(by_context[context], key=lambda k: (sorted(messages[k]), k))
        for key in keys:
            lines.append("    <message>")
            for path, line in sorted(set(messages[key])):
                filename = Path(os.path.relpath(path, ts_dir)).as_posix()
                lines.append(f'        <location filename="{_escape(filename)}" line="{line}"/>')
            lines.append(f"        <source>{_escape(key[1])}</source>")
            if key[2]:
                lines.append(f"        <comment>{_escape(key[2])}</comment>")
            english = translations.get(key, "")
            if english:
                lines.append(f"        <translation>{_escape(english)}</translation>")
            else:
                lines.append('        <translation type="unfinished"></translation>')
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[nvmp]|%L?\d")


def placeholders(text: str) -> list[str]:
    """``{name}``/``{n:,}`` fields, ``%n``, ``%1`` and a progress bar's ``%v``/``%m``: a
    translation must keep the same ones."""
    return sorted(PLACEHOLDER.findall(text))


def same_markers(source: str, english: str) -> bool:
    """The same placeholders and as many ``&`` (a stray one underlines the next letter)."""
    return placeholders(source) == placeholders(english) and source.count("&") == english.count("&")


def english_for(key: Key, committed: dict[Key, tuple[str, bool]]) -> str:
    context, source, _comment = key
    if (context, source) in EN_CONTEXT:
        return EN_CONTEXT[(context, source)]
    if source in EN:
        return EN[source]
    text, finished = committed.get(key, ("", False))
    return text if finished else ""


def lrelease(ts: Path, qm: Path) -> None:
    tool = qt_tool("pyside6-lrelease")
    if tool is None:
        raise FileNotFoundError("pyside6-lrelease not found (pip install PySide6-Essentials)")
    done = subprocess.run(
        [tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True
    )
    if done.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"pyside6-lrelease failed:\n{done.stdout}\n{done.stderr}")


def _qm_matches_ts() -> bool:
    if not QM_FILE.is_file():
        return False
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        lrelease(TS_FILE, fresh)
        return fresh.read_bytes() == QM_FILE.read_bytes()


def build() -> tuple[str, Extraction, list[Key], list[str]]:
    """(.ts text, extraction, messages without English, placeholder or & mismatches)."""
    extraction = extract()
    committed = read_ts(TS_FILE) if TS_FILE.is_file() else {}
    translations, missing, mismatched = {}, [], []
    for key in extraction.messages:
        english = english_for(key, committed)
        if not english:
            missing.append(key)
            continue
        if not same_markers(key[1], english):
            mismatched.append(f"{key[:2]!r} -> {english!r}")
        translations[key] = english
    return render_ts(extraction.messages, translations), extraction, missing, mismatched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when stale")
    parser.add_argument("-v", "--verbose", action="store_true", help="list lupdate's corrections")
    args = parser.parse_args(argv)
    text, extraction, missing, mismatched = build()
    if args.verbose:
        for line in extraction.corrected:
            print("corrected:", line)
    for line in extraction.problems:
        print("PROBLEM:", line)
    for line in extraction.dynamic:
        print("note: tr() of a variable, its strings must be listed in EXTRA:", line)
    for line in mismatched:
        print("PLACEHOLDERS OR & DIFFER:", line)
    for key in missing:
        print("NO ENGLISH:", key[:2])
    unused = set(EN) - {k[1] for k in extraction.messages}
    unused |= {k for k in EN_CONTEXT if not any(m[:2] == k for m in extraction.messages)}
    for source in sorted(map(str, unused)):
        print("unused in EN:", source)
    print(
        f"{len(extraction.messages)} messages, {len(missing)} without English, "
        f"{len(extraction.corrected)} lupdate misreadings corrected"
    )
    if args.check:  # line numbers move with every edit: only messages and English count
        stale = not TS_FILE.is_file() or read_ts(TS_FILE) != _parse_ts_text(text)
        if stale:
            print(f"{TS_FILE.relative_to(REPO)} is not up to date: run without --check")
        elif not _qm_matches_ts():
            stale = True
            print(f"{QM_FILE.relative_to(REPO)} is not compiled from the .ts: run without --check")
        return 1 if stale or missing or mismatched or extraction.problems else 0
    if extraction.problems or mismatched:
        print("nothing written: fix the problems above first")
        return 1
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    TS_FILE.write_text(text, encoding="utf-8")
    lrelease(TS_FILE, QM_FILE)
    print(f"wrote {TS_FILE.relative_to(REPO)} and {QM_FILE.name}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
