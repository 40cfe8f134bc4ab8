"""Refresh the English translation of the desktop app: .ts from the sources, English from the table
below, .qm for the app (issue 6).

After adding or changing a user-facing string in ``ui/`` or ``ui/pages/``::

    .venv/bin/python tools/update_translations.py          # rewrites the .ts and the .qm
    .venv/bin/python tools/update_translations.py --check  # changes nothing; exit 1 when stale

Add the English of every new source string to :data:`EN` (or to :data:`EN_CONTEXT` when the same
Korean needs another English in one context), run the script and commit both
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
    for (context, source), relative in EXTRA.items():
        line = _literal_line(REPO / relative, source)
        if line is None:
            problems.append(f"EXTRA {(context, source)!r}: no such literal in {relative}")
            continue
        messages.setdefault((context, source, ""), []).append((REPO / relative, line))
    return Extraction(messages, sorted(corrected), problems, truth.dynamic)


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


# ----------------------------------------------------------------------------------- English
# Korean source -> English, for every context. Keep {fields}, %n/%1/%v/%m and a sensible & key.
EN: dict[str, str] = {
    # --- application, main window, menus
    "공공데이터 목록 관리": "Public Data Inventory",
    "카탈로그를 열 수 없습니다:\n{path}\n\n{error}": "Cannot open the catalog:\n{path}\n\n{error}",
    "\n\n기본 카탈로그를 엽니다.": "\n\nOpening the default catalog.",
    "현황": "Overview",
    "스캔": "Scan",
    "카탈로그": "Catalog",
    "매핑 검토": "Mapping review",
    "표준사전": "Standard dictionary",
    "공개목록": "Disclosure",
    "설정": "Settings",
    "카탈로그 열기…": "Open catalog…",
    "끝내기": "Quit",
    "다시 스캔": "Rescan",
    "검색": "Search",
    "파일(&F)": "&File",
    "보기(&V)": "&View",
    "도움말(&H)": "&Help",
    "로그 보기": "View log",
    "정보": "About",
    "도구 모음": "Toolbar",
    "카탈로그: {path}": "Catalog: {path}",
    "데이터셋 {datasets:,}개 · 컬럼 {columns:,}개": "{datasets:,} datasets · {columns:,} columns",
    " · 오류 {n:,}": " · {n:,} errors",
    " · 없어짐 {n:,}": " · {n:,} missing",
    "스캔 중… · ": "Scanning… · ",
    "스캔이 끝나거나 취소된 뒤에 카탈로그를 바꿀 수 있습니다.": "You can switch catalogs once the scan has finished or been cancelled.",
    "공공데이터 목록 관리 {version}\n\n부서 PC의 스프레드시트를 읽기만 하여 목록을 만들고 공통표준에 맞춥니다. 인터넷 없이 동작합니다.\n\n카탈로그: {path}\nPySide6 {qt}": "Public Data Inventory {version}\n\nBuilds the data inventory from the spreadsheets on department PCs (read only) and aligns it with the common standard. Works without the internet.\n\nCatalog: {path}\nPySide6 {qt}",
    "스캔 중": "Scan in progress",
    "스캔이 진행 중입니다. 취소하고 끝낼까요? (끝난 파일까지는 저장되어 있습니다)": "A scan is in progress. Cancel it and quit? (Files finished so far are saved.)",
    # --- dialogs
    "오류": "Error",
    "알림": "Notice",
    "예: 이미 있는 표준용어 '행사명'을 쓰세요.": "E.g. use the existing standard term '행사명'.",
    "머리글 행 지정": "Set header rows",
    "(표)": "(table)",
    "'{sheet}'의 머리글이 시작하는 행과 줄 수를 엑셀 행 번호(1부터)로 지정합니다. ": "Set the row where the header of '{sheet}' starts and how many rows it spans, as Excel row numbers (from 1). ",
    "지정한 값은 다시 스캔해도 유지됩니다.": "Your setting is kept when you rescan.",
    "머리글 없음": "No header",
    "머리글 시작 행": "Header starts at row",
    "머리글 줄 수": "Header rows",
    "직접 지정을 지우고 자동 감지로 되돌리기": "Clear the manual setting and detect automatically",
    "다른 후보 선택": "Choose another candidate",
    "컬럼 '{label}'에 수락할 표준용어를 고르거나 이름을 입력하세요.": "Pick the standard term to accept for column '{label}', or type its name.",
    "또는 표준사전의 용어 이름 (입력하면 찾아 줍니다)": "Or a term name from the standard dictionary (suggested as you type)",
    "표준용어 이름 (예: 시설명)": "Standard term name (e.g. 시설명)",
    "수락": "Accept",
    "새 용어 제안": "Propose new term",
    "컬럼 '{label}'에 맞는 표준용어가 없을 때 새 용어를 기관표준 검토 대기열에 올립니다. 표준 담당자가 승인하면 용어가 됩니다.": "When no standard term fits column '{label}', add a new term to the institution standard's review queue. It becomes a term once the standards officer approves it.",
    "표준에 없는 단어: {words} — 단어부터 등록해야 할 수 있습니다.": "Words not in the standard: {words} — they may need to be registered first.",
    "예: FCLT_NM": "e.g. FCLT_NM",
    "예: 명V100": "e.g. 명V100",
    "용어 이름": "Term name",
    "영문약어": "Abbreviation",
    "도메인": "Domain",
    "설명": "Description",
    "제안": "Proposal",
    "로그 파일: {path}": "Log file: {path}",
    "아직 기록된 로그가 없습니다.": "Nothing has been logged yet.",
    # --- labels: statuses, types, personal data, dictionary
    "정상": "OK",
    "없어짐": "Missing",
    "진행 중": "Running",
    "완료": "Done",
    "취소됨": "Cancelled",
    "실패": "Failed",
    "정수": "Integer",
    "소수": "Decimal",
    "날짜": "Date",
    "일시": "Date-time",
    "시각": "Time",
    "여부(Y/N)": "Flag (Y/N)",
    "코드": "Code",
    "문자": "Text",
    "빈 열": "Empty column",
    "주민등록번호": "Resident registration no.",
    "외국인등록번호": "Alien registration no.",
    "휴대전화번호": "Mobile number",
    "전화번호": "Phone number",
    "이메일": "Email",
    "여권번호": "Passport no.",
    "운전면허번호": "Driver's licence no.",
    "사업자등록번호": "Business registration no.",
    "법인등록번호": "Corporate registration no.",
    "카드번호": "Card number",
    "계좌번호": "Account number",
    "상세주소": "Detailed address",
    "성명": "Name",
    "파일": "File",
    "시트": "Sheet",
    "컬럼": "Column",
    "단어": "Word",
    "용어": "Term",
    "기관표준 전체": "Whole institution standard",
    "공통표준": "Common standard",
    "기관표준": "Institution standard",
    "추가": "Add",
    "수정": "Edit",
    "폐기": "Retire",
    "승인": "Approve",
    "반려": "Reject",
    "가져오기": "Import",
    "되돌림": "Undo",
    "검토 대기": "Pending review",
    "새 파일": "New",
    "바뀐 파일": "Changed",
    "그대로": "Unchanged",
    "일치": "Exact",
    "동의어": "Synonym",
    "변형": "Variant",
    "조합 가능": "Composable",
    "비표준": "Non-standard",
    "구분 열": "Row-label column",
    "미분석": "Not analysed",
    "거부": "Reject",
    "미등록 용어": "Unregistered term",
    "비표준 단어": "Non-standard word",
    "금칙어": "Forbidden word",
    "이음동의어": "Synonym",
    "동음이의어": "Homonym",
    "조합 모호": "Ambiguous composition",
    "분류어 종결": "Class word ending",
    "타입": "Type",
    "길이": "Length",
    "소수점": "Decimal places",
    "형식": "Format",
    "허용값": "Allowed values",
    "부적합 문자": "Invalid characters",
    "약어 규칙": "Abbreviation rule",
    "논리명 없음": "No logical name",
    "경고": "Warning",
    # --- error reporter
    "예기치 않은 오류": "Unexpected error",
    "예기치 않은 오류가 났습니다. 하던 작업을 저장하고 다시 시도해 주세요.\n\n{error}\n\n자세한 내용은 로그 파일에 기록했습니다:\n{path}": "An unexpected error occurred. Save your work and try again.\n\n{error}\n\nDetails were written to the log file:\n{path}",
    # --- mapping commands (undo stack texts)
    "수락: {label} → {term}": "Accept: {label} → {term}",
    "거부: {label} ≠ {term}": "Reject: {label} ≠ {term}",
    "결정 지우기: {label}": "Clear decision: {label}",
    "새 용어 제안: {label} → {term}": "Propose new term: {label} → {term}",
    "컬럼의 제안 표시를 되돌렸습니다. 제안 {n}번('{term}')은 검토 대기열에 남아 있으니 표준사전 › 검토 대기에서 반려하세요.": "The column is no longer marked as proposed. Proposal no. {n} ('{term}') is still in the review queue: reject it under Standard dictionary › Pending review.",
    "일괄 수락: 점수 {t:.2f} 이상": "Bulk accept: score {t:.2f} or higher",
    "점수 {t:.2f} 이상인 미결정 컬럼이 없습니다.": "No undecided column scores {t:.2f} or higher.",
    "일괄 수락: 점수 {t:.2f} 이상 {n}개": "Bulk accept: {n} with score {t:.2f} or higher",
    # --- mapping table
    "종류": "Type",
    "1순위 용어": "Top term",
    "점수": "Score",
    "결정": "Decision",
    "점검 코드": "Check codes",
    "제외": "Excluded",
    "준수": "Compliant",
    "표준 점검에서 나온 코드: 오류, 괄호 안은 경고 (예: T1 F1 (D2)). '준수'는 표준용어에 매핑되고 오류가 없는 컬럼입니다.": "Codes from the standard checks: errors, with warnings in brackets (e.g. T1 F1 (D2)). 'Compliant' means the column is mapped to a standard term and has no errors.",
    "1순위 후보의 점수 (0–1). 추측(오타·값만 보고)은 0.8에 못 미칩니다.": "Score of the top candidate (0–1). Guesses (typos, values only) stay below 0.8.",
    "{what} — {who}": "{what} — {who}",
    # --- dataset table
    "파일 이름": "File name",
    "폴더": "Folder",
    "상태": "Status",
    "표": "Tables",
    "열": "Columns",
    "행": "Rows",
    "개인정보 열": "Personal-data columns",
    "스캔 시각": "Scanned at",
    # --- catalog page
    "파일·시트·컬럼 이름 검색 (예: 주소, 성명, 등록일자)  Ctrl+F": "Search file, sheet and column names (e.g. 주소, 성명, 등록일자)  Ctrl+F",
    "전체": "All",
    "부서": "Department",
    "개인정보 포함": "Contains personal data",
    "점검: 전체": "Checks: all",
    "공개": "Open",
    "부분공개": "Partly open",
    "비공개": "Closed",
    "미입력": "Not entered",
    "제안이 없는 컬럼 {n:,}개: [매핑 검토]에서 제안 만들기를 실행하세요": (
        "{n:,} columns have no suggestion yet: run Suggest terms in [Mapping review]"
    ),
    "비준수 컬럼 있음": "Has non-compliant columns",
    "공개 항목 미입력": "Disclosure fields missing",
    "비준수: 마지막 제안 만들기 때 점검에 걸린 컬럼이 있는 파일. 미입력: 분류체계·업데이트 주기·차기 등록 예정일·키워드·설명 중 빈 것이 있는 파일": (
        "Non-compliant: files with a column that failed the checks at the last suggestion run. "
        "Missing: files where 분류체계, 업데이트 주기, 차기 등록 예정일, 키워드 or 설명 is empty"
    ),
    "이름": "Name",
    "경로": "Path",
    "찾은 항목 {n:,}개": "{n:,} matches",
    " (처음 {n}개만)": " (first {n} only)",
    "데이터셋 {n:,}개": "{n:,} datasets",
    "파일을 다시 읽지 못했습니다: {msg}": "Could not reread the file: {msg}",
    "머리글을 지정하지 못했습니다: {msg}": "Could not set the header: {msg}",
    # --- dataset detail
    "데이터셋을 고르면 표와 컬럼이 여기에 나옵니다.": "Select a dataset to see its tables and columns here.",
    "표·컬럼": "Tables and columns",
    "공개 항목": "Disclosure fields",
    "머리글": "Header",
    "데이터 행": "Data rows",
    "합계·주석·빈 행": "Non-data rows",
    "참고": "Notes",
    "번호": "No.",
    "컬럼 이름": "Column name",
    "개인정보": "Personal data",
    "빈값": "Empty",
    "고유값": "Distinct",
    "최대 바이트": "Max bytes",
    "패턴": "Pattern",
    "예시 값": "Sample values",
    "머리글 행 지정…": "Set header rows…",
    "자동으로 찾은 머리글이 틀렸을 때 직접 지정하고 그 파일만 다시 읽습니다": "If the detected header is wrong, set it yourself and reread just that file",
    "직접 지정": "manual",
    "자동": "auto",
    "없음 ({source})": "None ({source})",
    "{row}행부터 {n}줄 ({source})": "From row {row}, {n} rows ({source})",
    "인코딩 {enc} ({how})": "Encoding {enc} ({how})",
    "데이터 {rows:,}행, 컬럼 {cols:,}개": "{rows:,} data rows, {cols:,} columns",
    "오류: {msg}": "Error: {msg}",
    "참고: {msg}": "Note: {msg}",
    # --- department dialog
    "부서명": "Department",
    "부서 지정": "Assign departments",
    "폴더(스캔한 폴더 기준 상대 경로)마다 관리부서를 정합니다. 하위 폴더도 같은 부서가 됩니다. 지정하지 않은 폴더는 첫 폴더 이름이 부서명이 됩니다.": "Assign the managing department of each folder (path relative to the scanned folder). Subfolders belong to the same department. For folders without an assignment, the first folder name is used as the department.",
    "행 추가": "Add row",
    "선택 행 삭제": "Delete selected rows",
    "스캔한 폴더 불러오기": "Load scanned folders",
    "아직 지정하지 않은 첫 단계 폴더를 목록에 더합니다": "Adds the top-level folders that have no assignment yet",
    # --- dictionary page
    "표준사전을 준비하는 중…": "Preparing the standard dictionary…",
    "판": "Edition",
    "변경 이력": "History",
    "단어·용어·도메인 검색 (이름, 영문약어, 영문명, 이음동의어, 금칙어)": "Search words, terms and domains (name, abbreviation, English name, synonyms, forbidden words)",
    "도메인·영문명·형식": "Details",
    "구분": "Type",
    "현재": "Current",
    "가져온 시각": "Imported at",
    "출처": "Source",
    "현재 판으로": "Make current",
    "고른 공통표준 판으로 매핑합니다. 폐기·변경된 용어에 매핑된 컬럼을 알려 줍니다.": "Map against the selected edition of the common standard. Columns mapped to retired or changed terms are listed.",
    "판 가져오기…": "Import edition…",
    "행정안전부 공통표준 파일(xlsx, csv)을 새 판으로 가져옵니다": "Imports a common standard file from the Ministry of the Interior and Safety (xlsx, csv) as a new edition",
    "현재 판 바꾸기": "Change current edition",
    "현재 공통표준을 {key}(으)로 바꿀까요?": "Make {key} the current common standard?",
    "현재 판을 {key}(으)로 바꿨습니다. 아래 컬럼은 폐기되거나 바뀐 용어에 매핑되어 있어 다시 검토해야 합니다.": "The current edition is now {key}. The columns below are mapped to retired or changed terms and need another review.",
    "현재 판을 {key}(으)로 바꿨습니다. 다시 검토할 매핑은 없습니다.": "The current edition is now {key}. No mappings need another review.",
    "현재 판": "Current edition",
    "사유": "Reason",
    "공통표준 파일 선택": "Choose a common standard file",
    "공통표준 (*.xlsx *.csv);;모든 파일 (*)": "Common standard (*.xlsx *.csv);;All files (*)",
    "{key} 판을 가져왔습니다.": "Imported edition {key}.",
    "현재 공통표준: {key} · 기관표준 용어 {n:,}개": "Current common standard: {key} · {n:,} institution terms",
    # --- review and history panels
    "담당자가 제안한 용어입니다. 승인하면 기관표준 용어가 되고, 반려할 때는 제안자가 알 수 있게 사유를 적습니다. 검토 의견은 표준 규칙 검사 결과입니다.": "Terms proposed by staff. Approved terms join the institution standard; when rejecting, give a reason so the proposer knows why. Review notes are the results of the standard rule checks.",
    "제안자": "Proposed by",
    "제안일": "Proposed on",
    "검토 의견": "Review notes",
    "반려…": "Reject…",
    "처리한 제안도 보기": "Show processed proposals",
    "불러오는 중…": "Loading…",
    "검토 대기 {n}건": "{n} pending review",
    "제안 승인": "Approve proposal",
    "'{name}' ({abbr}, {domain})을(를) 기관표준 용어로 승인할까요?": "Approve '{name}' ({abbr}, {domain}) as an institution standard term?",
    "표준 규칙 위반": "Standard rule violation",
    "{error}\n\n규칙에 맞지 않지만 그래도 승인할까요?": "{error}\n\nThis breaks the rules. Approve anyway?",
    "제안 반려": "Reject proposal",
    "'{name}'을(를) 반려하는 사유를 적어 주세요.": "Give a reason for rejecting '{name}'.",
    "사용자": "User",
    "작업": "Action",
    "되돌리기": "Undo",
    "고른 변경을 (고르지 않았으면 마지막 변경을) 되돌립니다": "Undoes the selected change (or the last change if none is selected)",
    "되돌림 (변경 {n})": "Undone (change {n})",
    "변경 {n}을(를) 되돌림": "Undoes change {n}",
    "이미 되돌린 변경이거나 되돌림 기록입니다.": "This change was already undone, or is itself an undo.",
    "변경 되돌리기": "Undo change",
    "변경 {id} ({what})을(를) 되돌릴까요?": "Undo change {id} ({what})?",
    # --- disclosure page
    "공공데이터 목록 (xlsx)": "Public data inventory (xlsx)",
    "공공데이터 목록 (CSV)": "Public data inventory (CSV)",
    "테이블·컬럼 정의서 (xlsx)": "Table and column definitions (xlsx)",
    "표준 준수율 보고서 (xlsx)": "Standard compliance report (xlsx)",
    "전년 대비 변경 (xlsx)": "Changes since last year (xlsx)",
    "DCAT JSON-LD": "DCAT JSON-LD",
    "datapackage.json (데이터셋별 폴더)": "datapackage.json (a folder per dataset)",
    "기준 연도": "Year",
    "점검 (F5)": "Validate (F5)",
    "스냅샷 고정…": "Freeze snapshot…",
    "이 연도의 공개목록 상태를 고정합니다. 고정한 스냅샷은 바꿀 수 없습니다.": "Freezes this year's disclosure list as it is now. A frozen snapshot cannot be changed.",
    "내보내기": "Export",
    "작년과 비교": "Compare with last year",
    "기관 설정": "Institution settings",
    "모든 목록에 들어가는 기관 정보와 데이터셋의 기본값입니다. 관리부서는 폴더 이름에서 정해지며 [부서 지정…]에서 바꿀 수 있습니다.": "Institution details that go into every list, and the defaults for datasets. The managing department comes from the folder name; change it with [Assign departments…].",
    "부서 지정…": "Assign departments…",
    "폴더마다 관리부서와 전화번호를 정합니다": "Set the managing department and phone number of each folder",
    "아직 점검하지 않았습니다. [점검]을 누르세요.": "Not validated yet. Click [Validate].",
    "차단 문제만": "Blocking problems only",
    "데이터셋": "Dataset",
    "항목": "Field",
    "내용": "Message",
    "두 번 누르거나 Enter: 그 항목을 엽니다": "Double-click or press Enter to open the field",
    "점검 결과": "Validation",
    "연도": "Year",
    "고정 시각": "Frozen at",
    "작성자": "Created by",
    "표준 준수율": "Standard compliance rate",
    "비고": "Notes",
    "스냅샷": "Snapshots",
    "전년 대비": "Year over year",
    "차단": "Blocking",
    "차단 문제가 있는 채 고정": "Frozen with blocking problems",
    "{year}년: 현재 카탈로그 기준 (스냅샷 없음)": "{year}: from the current catalog (no snapshot)",
    "{year}년: 고정된 스냅샷 기준 ({at}, {who})": "{year}: from the frozen snapshot ({at}, {who})",
    "부서 지정을 저장했습니다 ({n}개).": "Saved the department assignments ({n}).",
    "부서 지정을 저장하는 중…": "Saving the department assignments…",
    "기관 설정을 저장했습니다.": "Saved the institution settings.",
    "{year}년 목록을 점검하는 중…": "Validating the {year} list…",
    "현재 카탈로그": "current catalog",
    "문제가 없습니다 ({where}). 내보낼 수 있습니다.": "No problems ({where}). Ready to export.",
    "차단 {errors}건 · 경고 {warnings}건 ({where})": "{errors} blocking · {warnings} warnings ({where})",
    "스냅샷 고정": "Freeze snapshot",
    "{year}년 공개목록을 지금 상태로 고정합니다. 고정한 스냅샷은 고치거나 지울 수 없습니다. 계속할까요?": "This freezes the {year} disclosure list as it is now. A frozen snapshot cannot be edited or deleted. Continue?",
    "{year}년 스냅샷을 고정했습니다 (데이터셋 {n}개).": "Froze the {year} snapshot ({n} datasets).",
    "{year}년 스냅샷을 만드는 중…": "Creating the {year} snapshot…",
    "차단 문제": "Blocking problems",
    "차단 문제 {n}건이 있습니다(점검 결과 참고). 고치지 않고 그대로 진행할까요? 진행한 사실은 기록됩니다.": "There are {n} blocking problems (see Validation). Continue without fixing them? This will be recorded.",
    "datapackage.json을 만들 폴더": "Folder for datapackage.json",
    "… 외 {n}개": "… and {n} more",
    "내보냈습니다: {paths}": "Exported: {paths}",
    "내보냈습니다.\n{paths}": "Exported.\n{paths}",
    "내보내는 중…": "Exporting…",
    "{old}년과 비교하는 중…": "Comparing with {old}…",
    "기관 설정 저장": "Save institution settings",
    # --- mapping actions, filters, detail, page
    "다시 실행": "Redo",
    "일괄 수락…": "Bulk accept…",
    "아래 목록에서 고른 후보(기본: 1순위)를 수락합니다. 표에서 Enter: 1순위 수락": "Accepts the candidate selected below (the top one by default). Enter in the table accepts the top candidate",
    "고른 후보가 이 컬럼에 맞지 않습니다. 표에서 Delete: 1순위 거부": "The selected candidate does not fit this column. Delete in the table rejects the top candidate",
    "다른 후보 선택…": "Choose another…",
    "다른 후보나 사전의 다른 용어를 골라 수락합니다": "Accept another candidate or any other term from the dictionary",
    "새 용어 제안…": "Propose new term…",
    "맞는 용어가 없으면 새 용어를 기관표준 검토 대기열에 올립니다": "If no term fits, add a new term to the institution standard's review queue",
    "결정 지우기": "Clear decision",
    "이 컬럼의 결정을 지웁니다 (미결정)": "Clears this column's decision (undecided)",
    "이 점수 이상인 1순위 후보를 한 번에 수락합니다": "Top candidates with at least this score are accepted in one go",
    "점수 이상 일괄 수락…": "Bulk accept by score…",
    "미결정 컬럼 중 1순위 점수가 기준 이상인 것을 모두 수락합니다 (Ctrl+B)": "Accepts every undecided column whose top score meets the threshold (Ctrl+B)",
    "기준": "Threshold",
    "되돌림: {what}": "Undone: {what}",
    "다시 실행: {what}": "Redone: {what}",
    "먼저 표에서 컬럼을 고르세요.": "Select a column in the table first.",
    "이미 수락한 용어입니다: {t}": "This term is already accepted: {t}",
    "교차표의 구분 열은 매핑하지 않습니다 (준수율에서 제외).": "Row-label columns of cross tables are not mapped (excluded from the compliance rate).",
    "후보가 없습니다. '다른 후보 선택…'이나 '새 용어 제안…'을 쓰세요.": "No candidates. Use 'Choose another…' or 'Propose new term…'.",
    "1순위 점수가 {t:.2f} 이상인 미결정 컬럼이 없습니다.": "No undecided column has a top score of {t:.2f} or higher.",
    "일괄 수락": "Bulk accept",
    "1순위 점수가 {t:.2f} 이상인 미결정 컬럼 {n:,}개의 1순위 후보를 수락할까요?\n되돌리기(Ctrl+Z) 한 번으로 모두 되돌릴 수 있습니다.": "Accept the top candidate of {n:,} undecided columns with a top score of {t:.2f} or higher?\nA single Undo (Ctrl+Z) reverts them all.",
    "후보 (Enter: 고른 후보 수락)": "Candidates (Enter accepts the selected one)",
    "순위": "Rank",
    "근거": "Reasons",
    "현재 결정": "Current decision",
    "표준 점검": "Standard checks",
    "{term} (거부함)": "{term} (rejected)",
    "컬럼을 고르면 후보와 점검 결과가 여기에 나옵니다.": "Select a column to see its candidates and check results here.",
    "'{label}' — {dataset} › {sheet}": "'{label}' — {dataset} › {sheet}",
    "종류 {kind}": "Type: {kind}",
    "정리한 이름 {name}": "Cleaned name: {name}",
    "형식 {type}": "Data type: {type}",
    "최대 {n}바이트": "Max {n} bytes",
    "개인정보 {kind}": "Personal data: {kind}",
    "값 예: {values}": "Sample values: {values}",
    "아직 결정하지 않았습니다.": "No decision yet.",
    " — 검토 대기 {n}번": " — pending review no. {n}",
    "{what}\n{who} · {when}": "{what}\n{who} · {when}",
    "표준에 없는 단어: {words} (단어: {all})": "Words not in the standard: {words} (words: {all})",
    "{name} ({abbr}, {domain}) — 단어 {words}": "{name} ({abbr}, {domain}) — words {words}",
    "교차표의 구분 열이라 점검과 준수율에서 뺍니다.": "A row-label column of a cross table: left out of the checks and the compliance rate.",
    "표준 점검 — 준수": "Standard checks — compliant",
    "표준 점검 — 미준수": "Standard checks — not compliant",
    "점검에서 찾은 문제가 없습니다.": "The checks found no problems.",
    " → {s}": " → {s}",
    "컬럼 이름 검색  Ctrl+F": "Search column names  Ctrl+F",
    "미결정만": "Undecided only",
    "수락·거부·제안하지 않은 컬럼만 봅니다": "Show only columns not yet accepted, rejected or proposed",
    "1순위 후보의 점수 범위": "Score range of the top candidate",
    "계산하는 중…": "Calculating…",
    "%v / %m 파일": "%v / %m files",
    "제안 만들기": "Suggest terms",
    "취소": "Cancel",
    "준수 컬럼 = 표준용어에 매핑되고(수락했거나 이름이 용어와 같음) 점검 오류가 없는 컬럼. 교차표의 구분 열은 점검하지 않습니다.": "Compliant column = mapped to a standard term (accepted, or named exactly like the term) with no check errors. Row-label columns of cross tables are not checked.",
    "스캔한 컬럼이 없습니다. 먼저 스캔하세요.": "No scanned columns. Run a scan first.",
    "컬럼 {n:,}개": "{n:,} columns",
    " · 제안이 없는 컬럼 {n:,}개 ('제안 만들기')": " · {n:,} columns without suggestions ('Suggest terms')",
    "결정을 바꾸면 잠시 뒤 다시 계산": "Recalculated shortly after a decision changes",
    "다시 계산합니다…": "Recalculating…",
    "준수율을 계산하지 못했습니다: {e}": "Could not calculate the compliance rate: {e}",
    "표준사전과 매칭기를 준비하는 중…": "Preparing the standard dictionary and the matcher…",
    "취소하는 중… (지금 파일을 마치고 멈춥니다)": "Cancelling… (stops after the current file)",
    "{done:,} / {total:,} 파일 — {path}": "{done:,} / {total:,} files — {path}",
    "취소했습니다. 끝난 파일의 제안은 저장되어 있습니다.": "Cancelled. Suggestions for finished files are saved.",
    "컬럼 {n:,}개에 제안을 만들었습니다: {kinds}": "Suggested terms for {n:,} columns: {kinds}",
    "제안 만들기가 중단되었습니다: {e}": "Suggesting terms stopped: {e}",
    "제안을 만드는 중 오류가 났습니다:\n{e}": "An error occurred while suggesting terms:\n{e}",
    "스캔이 끝난 뒤에 만들 수 있습니다": "Available once the scan has finished",
    "모든 컬럼에 표준용어 후보를 만듭니다 (결정은 그대로 둡니다)": "Suggests standard terms for every column (decisions are kept)",
    # --- metadata form
    "저장하지 않은 변경": "Unsaved changes",
    "공개 항목에 저장하지 않은 변경이 있습니다. 저장할까요?": "The disclosure fields have unsaved changes. Save them?",
    "저장": "Save",
    "저장 안 함": "Don't save",
    "{value} (허용되지 않은 값)": "{value} (not an allowed value)",
    "입력": "Entered",
    "데이터셋 항목": "Dataset fields",
    "컬럼 공개 설정": "Column disclosure",
    "개인정보가 든 컬럼은 스캔 결과로 비공개(9-6)가 제안됩니다. 비워 두면 제안이나 데이터셋의 공개여부를 따릅니다.": "Columns with personal data are suggested as withheld (9-6) from the scan. Left empty, a column follows the suggestion or the dataset's disclosure status.",
    "● 저장하지 않은 변경": "● Unsaved changes",
    "바꾼 항목만 저장합니다 (Ctrl+S)": "Saves only the changed fields (Ctrl+S)",
    "필수 항목": "Required fields",
    "대분류 또는 '대분류 - 중분류'": "Category, or 'category - subcategory'",
    "개인정보(스캔)": "Personal data (scan)",
    "공개/비공개여부": "Disclosure status",
    "비공개사유": "Reason for withholding",
    "개인정보여부": "Personal data",
    "검사": "Checks",
    "데이터셋을 고르면 공개 항목이 여기에 나옵니다.": "Select a dataset to see its disclosure fields here.",
    "공개 항목을 불러오지 못했습니다: {msg}": "Could not load the disclosure fields: {msg}",
    "없어진 파일이라 공개 항목을 입력할 수 없습니다 (다시 스캔하세요).": "The file is missing, so its disclosure fields cannot be edited (rescan).",
    "{source}: {value}": "{source}: {value}",
    "비워 두면 {source}에서 정한 값 '{value}'을(를) 씁니다.": "If left empty, '{value}' from {source} is used.",
    "(자동: {value})": "(auto: {value})",
    "예: 02-2148-1234": "e.g. 02-2148-1234",
    "차단 {errors}건 · 경고 {warnings}건": "{errors} blocking · {warnings} warnings",
    "목록포함여부가 N이라 공개목록에서 빠지고 검사하지 않습니다.": "'Include in list' is N, so the dataset is left out of the disclosure list and not checked.",
    "기관 설정 문제 {n}건은 설정에서 고치세요.": "Fix the {n} institution settings problems in the institution settings.",
    "비워 둔 항목은 스캔·설정에서 정한 값(흐린 글씨)을 씁니다.": "Empty fields use the values from the scan or the settings (shown in grey).",
    "(데이터셋 따름: {value})": "(as dataset: {value})",
    "차단 {n}": "{n} blocking",
    "경고 {n}": "{n} warnings",
    "저장하지 않은 변경을 버리고 불러온 값으로": "Discard unsaved changes and go back to the loaded values",
    "마지막 저장을 되돌립니다": "Undoes the last save",
    "저장하지 못했습니다: {msg}": "Could not save: {msg}",
    "되돌리지 못했습니다: {msg}": "Could not undo: {msg}",
    # --- overview page
    "개인정보 컬럼": "Personal-data columns",
    "마지막 스캔": "Last scan",
    "계산 중…": "Calculating…",
    "아직 스캔한 파일이 없습니다": "No files scanned yet",
    "개인정보로 보이는 컬럼이 없습니다": "No columns look like personal data",
    "부서별 표준 준수율": "Standard compliance rate by department",
    "연도별 표준 준수율": "Standard compliance rate by year",
    "공개여부·개인정보별 데이터셋": "Datasets by disclosure status and personal data",
    "자주 나오는 비표준 단어": "Most frequent non-standard words",
    "상태별 데이터셋": "Datasets by status",
    "개인정보 종류별 컬럼": "Columns by kind of personal data",
    "최근 스캔 오류": "Recent scan errors",
    "처음 사용하시나요? 세 단계로 공개목록을 만듭니다": "New here? Build the disclosure list in three steps",
    "폴더 스캔": "Scan folders",
    "부서 공유폴더의 엑셀·CSV 파일을 읽어 표와 컬럼 정보를 모읍니다.": "Reads the Excel and CSV files in department shared folders and collects their tables and columns.",
    "폴더 스캔하기": "Scan folders",
    "표준 매핑 검토": "Review standard mapping",
    "컬럼마다 제안된 공통표준 용어를 보고 수락하거나 고칩니다.": "Check the common-standard term suggested for each column, then accept or correct it.",
    "매핑 검토하기": "Review mapping",
    "공개목록 내보내기": "Export the disclosure list",
    "기관 정보와 항목을 채우고 점검한 뒤 목록·정의서를 파일로 냅니다.": "Fill in the institution details and fields, validate, then export the inventory and definitions.",
    "공개목록 열기": "Open Disclosure",
    "없음": "None",
    "계산하지 못했습니다: {e}": "Could not calculate: {e}",
    "점검할 컬럼이 없습니다": "No columns to check",
    "부서별 표준 준수율 (전체 {rate:.1f}%)": "Standard compliance rate by department (overall {rate:.1f}%)",
    "자체 산출 — 공식 수준평가 점수가 아닙니다": "Calculated by this app — not an official quality assessment score",
    "스냅샷이 쌓이면 연도별 추이가 나옵니다": "The yearly trend appears once snapshots accumulate",
    "{year}년": "{year}",
    " (현재)": " (current)",
    "목록에 넣을 데이터셋이 없습니다": "No datasets to list",
    "비표준 단어가 없습니다": "No non-standard words",
    # --- scan page
    "스캔할 폴더를 추가하세요 (탐색기에서 끌어다 놓아도 됩니다). 원본 파일은 읽기만 하고 바꾸지 않습니다. 바뀌지 않은 파일은 다시 읽지 않습니다.": "Add the folders to scan (or drag them in from Explorer). Original files are only read, never changed. Unchanged files are not read again.",
    "폴더 추가…": "Add folder…",
    "제거": "Remove",
    "스캔 시작": "Start scan",
    "바뀐 파일만 다시 읽습니다 (F5)": "Rereads only changed files (F5)",
    "다시 스캔 (전체)": "Full rescan",
    "바뀌지 않은 파일도 모두 다시 읽습니다": "Rereads all files, unchanged ones included",
    "마지막 스캔에서 읽지 못한 파일": "Files the last scan could not read",
    "스캔할 폴더 선택": "Choose a folder to scan",
    "먼저 스캔할 폴더를 추가하세요.": "Add a folder to scan first.",
    "없는 폴더": "Missing folders",
    "다음 폴더를 찾을 수 없습니다:\n{folders}\n\n계속하면 그 안에서 찾았던 파일은 '없어짐'으로 표시됩니다. 계속할까요?": "These folders cannot be found:\n{folders}\n\nIf you continue, the files found in them before are marked 'Missing'. Continue?",
    "파일을 찾는 중…": "Looking for files…",
    "취소하는 중… (지금 읽는 파일에서 멈춥니다)": "Cancelling… (stops at the file being read)",
    "파일 {n:,}개를 찾았습니다.": "Found {n:,} files.",
    "{name} — {status}": "{name} — {status}",
    "스캔이 중단되었습니다: {error}": "The scan stopped: {error}",
    "스캔 중 오류가 났습니다:\n{error}": "An error occurred during the scan:\n{error}",
    "{status}: 파일 {total:,}개 — 새 파일 {new:,}, 바뀐 파일 {changed:,}, 그대로 {unchanged:,}, 실패 {failed:,}, 없어짐 {missing:,}": "{status}: {total:,} files — {new:,} new, {changed:,} changed, {unchanged:,} unchanged, {failed:,} failed, {missing:,} missing",
    "아직 스캔한 적이 없습니다.": "No scan has been run yet.",
    "마지막 스캔 {when} · ": "Last scan {when} · ",
    # --- settings page
    "카탈로그 파일": "Catalog file",
    "스캔 결과와 표준사전이 모두 이 파일 하나에 들어 있습니다. 백업하거나 다른 PC로 넘길 때는 이 파일을 복사하세요.": "Scan results and the standard dictionary are all kept in this one file. Copy it to back up or to move to another PC.",
    "다른 카탈로그 열기…": "Open another catalog…",
    "기본 위치로": "Use default location",
    "언어": "Language",
    "고른 언어는 바로 적용되고 다음 실행에도 유지됩니다. 스캔처럼 작업 중인 페이지와 저장하지 않은 공개 항목이 있는 페이지는 그대로 두었다가, 작업이 끝난 뒤 다시 열 때 바뀝니다.": "The language applies at once and is kept for the next start. A page that is busy (a scan, for example) or has unsaved disclosure fields stays as it is and changes when you open it again after it is done.",
    "로그 파일": "Log file",
    "사용자 데이터 폴더": "User data folder",
    "기록되는 사용자 이름": "User name recorded",
    "버전": "Version",
    "카탈로그 파일 열기 또는 만들기": "Open or create a catalog file",
    "카탈로그 (*.db);;모든 파일 (*)": "Catalog (*.db);;All files (*)",
    # --- year-over-year panel
    "[작년과 비교]를 누르면 지난해 스냅샷과 비교합니다.": "Click [Compare with last year] to compare with last year's snapshot.",
    "삭제": "Removed",
    "변경": "Changed",
    "이전 값": "Previous value",
    "현재 값": "Current value",
    "{old}년 스냅샷 → {year}년({source}): 데이터셋 추가 {da} · 삭제 {dr} · 변경 {dc}, 컬럼 추가 {ca} · 삭제 {cr} · 변경 {cc}": "{old} snapshot → {year} ({source}): datasets {da} added · {dr} removed · {dc} changed, columns {ca} added · {cr} removed · {cc} changed",
    "{old}년 스냅샷과 달라진 것이 없습니다.": "Nothing has changed since the {old} snapshot.",
}

# (context, Korean source) -> English where one context needs another word than EN gives.
EN_CONTEXT: dict[tuple[str, str], str] = {
    ("dialogs", "제안"): "Propose",
    ("dialogs", "새 용어 제안"): "Propose a new term",
    ("labels", "수락"): "Accepted",
    ("labels", "거부"): "Rejected",
    ("labels", "새 용어 제안"): "New term proposed",
    ("labels", "승인"): "Approved",
    ("labels", "반려"): "Rejected",
    ("labels", "추가"): "Added",
    ("labels", "수정"): "Edited",
    ("labels", "폐기"): "Retired",
    ("labels", "가져오기"): "Imported",
    ("labels", "되돌림"): "Undone",
    ("MappingDetail", "새 용어 제안"): "New term proposal",
    ("MappingDetail", "용어"): "Term",
    ("ReviewPanel", "용어"): "Term",
    ("DictionaryPage", "단어"): "Words",
    ("DictionaryPage", "용어"): "Terms",
    ("DictionaryPage", "도메인"): "Domains",
    ("DictionaryPage", "구분"): "Standard",
    ("DictionaryPage", "판"): "Edition",
    ("DisclosurePage", "구분"): "Severity",
    ("YearDiffPanel", "구분"): "Level",
    ("YearDiffPanel", "추가"): "Added",
    ("YearDiffPanel", "스냅샷"): "snapshot",
    ("YearDiffPanel", "현재"): "current catalog",
    ("YearDiffPanel", "표"): "Table",
    ("DatasetDetail", "표"): "Tables",
    ("DatasetDetail", "형식"): "Type",
    ("DatasetDetail", "컬럼"): "Columns",
    ("OverviewPage", "데이터셋"): "Datasets",
    ("OverviewPage", "컬럼"): "Columns",
    ("OverviewPage", "없음"): "Never",
    ("SettingsPage", "정보"): "Information",
    ("HistoryPanel", "되돌림"): "Undone",
}

# Strings that reach tr() through a variable (lupdate cannot see them): (context, source) -> the
# file that holds the literal. The script finds its line; a literal that is gone is a problem.
EXTRA: dict[tuple[str, str], str] = {}


if __name__ == "__main__":
    sys.exit(main())
