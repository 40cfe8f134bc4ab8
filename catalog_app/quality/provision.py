"""공공데이터 제공표준: which standard layout a table follows, and how well it conforms.

The 248 layouts ship in ``resources/provision`` (``tools/build_provision_standards.py``; sources
in SOURCES.md there). A table is recognised from its column names alone: names are compared after
removing spaces and unifying spellings the portal's files drift between (설치년도/설치연도,
full-width brackets), then the remaining ones by similarity (운영시작시각 ~ 평일운영시작시각, a
renamed item); the layout sharing the most names wins when they cover at least 60 % of both
sides (Dice). The portal's appended 제공기관코드 and 제공기관명 are neither missing nor extra.

Conformance, the app's computation (labelled so wherever shown), in two halves:

    구조 준수율 = (표준 항목 − 없는·이름이 다른·순서가 다른 항목) / (표준 항목 + 추가 항목) × 100
    값 준수율   = (점검 값 − 오류 값) / 점검 값 × 100   over the items' own rules: 필수 항목 빈 값,
                  허용값, 정규식, 표현형식 (dates YYYY-MM-DD, times HH:MM, NNN-N-NNNNNN codes)
    제공표준 준수율 = (구조 준수율 + 값 준수율) / 2

so a file with every item, in order, under its exact name, whose required items are filled and
whose values follow the items' rules, scores 100.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from dataclasses import dataclass

from catalog_app.quality.model import RuleSpec

__all__ = [
    "PORTAL_COLUMNS",
    "Item",
    "Standard",
    "conformance",
    "dataset_standard",
    "item_rules",
    "match_table",
    "standards",
]

PORTAL_COLUMNS = ("제공기관코드", "제공기관명")
MIN_SCORE = 0.6  # when the file or sheet name names the standard (전국도서관표준데이터 → 도서관)
MIN_SCORE_UNNAMED = 0.85  # otherwise: many layouts share 소재지도로명주소, 위도, 경도, …
MIN_MATCHED = 3
FUZZY_RATIO = 85.0
FUZZY_FROM = 0.4  # similar names are looked for only where exact ones already cover this much


@dataclass(frozen=True)
class Item:
    name: str
    required: bool
    expression_format: str
    allowed: tuple[str, ...]
    regex: str
    example: str


@dataclass(frozen=True)
class Standard:
    name: str
    items: tuple[Item, ...]


@functools.cache
def standards() -> tuple[Standard, ...]:
    """The shipped layouts, read once (an empty tuple on a broken install)."""
    from catalog_app.shipped import resources_dir

    try:
        raw = (resources_dir() / "provision" / "provision-standards.json.gz").read_bytes()
        payload = json.loads(gzip.decompress(raw))
    except (OSError, EOFError, ValueError):
        return ()
    return tuple(
        Standard(
            s["name"],
            tuple(
                Item(name, bool(req), fmt, tuple(allowed), regex, example)
                for name, req, fmt, allowed, regex, example in s["items"]
            ),
        )
        for s in payload["standards"]
    )


def normalise(name: str) -> str:
    """The form names are compared in: no spaces, ASCII brackets, 년도 as 연도, lower case."""
    text = "".join((name or "").split("|")[-1].split())
    text = text.translate(str.maketrans("（）［］", "()[]")).replace("년도", "연도")
    return text.lower()


@functools.cache
def _normalised_items() -> tuple[tuple[str, ...], ...]:
    """Each standard's item names in compared form, in order (computed once)."""
    return tuple(tuple(normalise(item.name) for item in std.items) for std in standards())


@functools.cache
def _index() -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for i, std in enumerate(standards()):
        for item in std.items:
            out.setdefault(normalise(item.name), []).append(i)
    return {k: tuple(sorted(set(v))) for k, v in out.items()}


def match_table(labels: list[str], hint: str = "") -> dict | None:
    """The 제공표준 a table's column names follow, or None. ``hint``: the file and sheet names.
    Cached: the disclosure state asks it for every dataset.

    Returns ``{"name", "score", "pairs": [[item_index, label_index, exact_name], ...],
    "missing": [item_index], "extra": [label_index], "portal": [label_index]}``.
    """
    return _match(tuple(labels), hint)


@functools.lru_cache(maxsize=16384)
def _match(labels: tuple[str, ...], hint: str) -> dict | None:
    norm = [normalise(label) for label in labels]
    portal = [i for i, n in enumerate(norm) if n in {normalise(p) for p in PORTAL_COLUMNS}]
    own = [i for i in range(len(labels)) if i not in portal]
    index = _index()
    votes: dict[int, int] = {}
    for i in own:
        for s in index.get(norm[i], ()):
            votes[s] = votes.get(s, 0) + 1
    hint = normalise_hint(hint)
    best: dict | None = None
    for s, shared in sorted(votes.items(), key=lambda kv: -kv[1])[:12]:
        if shared < 2:
            continue
        found = _pair(s, labels, norm, own)
        found["portal"] = portal
        found["named"] = bool(hint) and normalise_hint(found["name"]) in hint
        rank = (found["score"], found["named"], found["exact"])
        if best is None or rank > (best["score"], best["named"], best["exact"]):
            best = found
    if best is None or best["matched"] < MIN_MATCHED:
        return None
    if best["score"] < (MIN_SCORE if best["named"] else MIN_SCORE_UNNAMED):
        return None
    std = standards()[best["standard"]]
    if best["matched"] < 0.5 * len(std.items):
        return None
    return best


def normalise_hint(text: str) -> str:
    return "".join((text or "").split()).replace("_", "").lower()


def _pair(index: int, labels, norm, own) -> dict:
    from rapidfuzz import fuzz

    std = standards()[index]
    items = _normalised_items()[index]
    positions: dict[str, list[int]] = {}
    for ii, name in enumerate(items):
        positions.setdefault(name, []).append(ii)
    pairs: list[list] = []
    used_items: set[int] = set()
    used_labels: set[int] = set()
    for li in own:
        for ii in positions.get(norm[li], ()):
            if ii not in used_items:
                pairs.append([ii, li, labels[li].strip() == std.items[ii].name])
                used_items.add(ii)
                used_labels.add(li)
                break
    if 2 * len(pairs) / max(len(items) + len(own), 1) < FUZZY_FROM:
        pairs.sort()
        return _scored(index, pairs, items, own, used_items, used_labels)
    fuzzy = []
    for li in own:
        if li in used_labels or len(norm[li]) < 2:
            continue
        for ii, name in enumerate(items):
            if ii in used_items:
                continue
            score = fuzz.ratio(norm[li], name)
            if score >= FUZZY_RATIO:
                fuzzy.append((score, ii, li))
    for _score, ii, li in sorted(fuzzy, reverse=True):
        if ii in used_items or li in used_labels:
            continue
        pairs.append([ii, li, False])
        used_items.add(ii)
        used_labels.add(li)
    pairs.sort()
    return _scored(index, pairs, items, own, used_items, used_labels)


def _scored(index, pairs, items, own, used_items, used_labels) -> dict:
    matched = len(pairs)
    score = 2 * matched / (len(items) + len(own)) if items or own else 0.0
    return {
        "name": standards()[index].name,
        "standard": index,
        "score": round(score, 3),
        "matched": matched,
        "exact": sum(1 for p in pairs if p[2]),
        "pairs": pairs,
        "missing": [i for i in range(len(items)) if i not in used_items],
        "extra": [i for i in own if i not in used_labels],
    }


def dataset_standard(columns, name: str = "") -> str | None:
    """The 제공표준 of a dataset from its stored columns (rows with ``table_key``, ``label`` and
    ``col_index``) and its file name: the first table that follows one. Used to derive
    표준데이터여부."""
    tables: dict[str, list] = {}
    for c in columns:
        tables.setdefault(c["table_key"], []).append(c)
    for key, cols in tables.items():
        labels = [c["label"] for c in sorted(cols, key=lambda c: c["col_index"])]
        found = match_table(labels, f"{name} {key}")
        if found is not None:
            return found["name"]
    return None


def _reordered(pairs: list[list]) -> list[int]:
    """Items not in the longest run that keeps the standard's order (by file position)."""
    by_label = sorted(pairs, key=lambda p: p[1])
    seq = [p[0] for p in by_label]
    if not seq:
        return []
    # longest increasing subsequence, O(n^2) is plenty for <= 60 items
    best = [1] * len(seq)
    prev = [-1] * len(seq)
    for i in range(len(seq)):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    k = max(range(len(seq)), key=lambda i: best[i])
    keep = set()
    while k != -1:
        keep.add(seq[k])
        k = prev[k]
    return sorted(ii for ii in seq if ii not in keep)


def structure(found: dict, labels: list[str]) -> dict:
    """Missing, extra, renamed and reordered items of a recognised table, by name."""
    std = standards()[found["standard"]]
    pairs = found["pairs"]
    reordered = _reordered(pairs)
    renamed = [
        {"item": std.items[ii].name, "label": labels[li]} for ii, li, exact in pairs if not exact
    ]
    return {
        "name": std.name,
        "score": found["score"],
        "items": len(std.items),
        "present": len(pairs),
        "missing": [std.items[i].name for i in found["missing"]],
        "missing_required": [std.items[i].name for i in found["missing"] if std.items[i].required],
        "extra": [labels[i] for i in found["extra"]],
        "portal": [labels[i] for i in found["portal"]],
        "renamed": renamed,
        "reordered": [std.items[i].name for i in reordered],
    }


# --------------------------------------------------------------------------- item rules
_DATE_SHAPE = re.compile(r"^(?:YYYY-MM-DD|\d{4}-\d{2}-\d{2})$")
_TIME_SHAPE = re.compile(r"^(?:HH24:MI|HH:MI|\d{1,2}:\d{2})$")
_N_SHAPE = re.compile(r"^N+(?:[-.]N+)+$")
_PHONE_NAME = re.compile(r"전화번호$|팩스")


def item_rules(item: Item) -> tuple[list[RuleSpec], list[tuple[str, str]]]:
    """(rules, problems) for one standard item: 필수, 허용값, 정규식 and a 표현형식 that is a
    real format (not an example value). ``problems`` are (rule, Korean message) for rules that
    cannot run (a 정규식 neither RE2 nor Python can read)."""
    from catalog_app.quality.kernels import compile_pattern, shape_regex

    rules: list[RuleSpec] = []
    problems: list[tuple[str, str]] = []
    if item.required:
        rules.append(RuleSpec("std_required", {"item": item.name}, source="provision"))
    if item.allowed:
        rules.append(
            RuleSpec(
                "std_allowed", {"values": list(item.allowed), "item": item.name}, source="provision"
            )
        )
    if item.regex:
        pattern, error = compile_pattern(item.regex)
        if error:
            problems.append(("std_regex", f"제공표준 '{item.name}' 항목의 {error}"))
        else:
            rules.append(
                RuleSpec(
                    "std_regex",
                    {"pattern": item.regex, "item": item.name},
                    source="provision",
                )
            )
    fmt = item.expression_format.strip()
    example = item.example.strip()
    name = item.name
    if name.endswith("일자") and (_DATE_SHAPE.match(fmt) or _DATE_SHAPE.match(example)):
        rules.append(
            RuleSpec(
                "std_format",
                {"format": "YYYY-MM-DD", "pattern": r"\d{4}-\d{2}-\d{2}", "item": name},
                source="provision",
            )
        )
    elif name.endswith("시각") and (_TIME_SHAPE.match(fmt) or _TIME_SHAPE.match(example)):
        strict = fmt.startswith("HH")
        rules.append(
            RuleSpec(
                "std_format",
                {
                    "format": "HH:MM" if strict else "H:MM",
                    "pattern": r"\d{2}:\d{2}" if strict else r"\d{1,2}:\d{2}",
                    "item": name,
                },
                source="provision",
            )
        )
    elif _N_SHAPE.match(fmt) and not _PHONE_NAME.search(name):
        regex = shape_regex(fmt.replace("N", "9"))[1:-1]
        rules.append(
            RuleSpec(
                "std_format", {"format": fmt, "pattern": regex, "item": name}, source="provision"
            )
        )
    return rules, problems


# ---------------------------------------------------------------------------- conformance
def conformance(detail: dict, checked: int, errors: int) -> dict:
    """The conformance figures of a recognised table (``structure`` output) given the value
    checks of its items' rules; returns ``detail`` with the rates and the formula added."""
    bad_items = set(detail["missing"]) | {r["item"] for r in detail["renamed"]}
    bad_items |= set(detail["reordered"])
    denominator = detail["items"] + len(detail["extra"])
    good = detail["items"] - len(bad_items)
    structure_rate = round(100 * good / denominator, 1) if denominator else 0.0
    value_rate = round(100 * (checked - errors) / checked, 1) if checked else None
    if value_rate is None:
        rate = structure_rate
        formula = (
            f"구조 준수율 {structure_rate:.1f}% = (표준 항목 {detail['items']} − 맞지 않는 항목 "
            f"{len(bad_items)}) / (표준 항목 {detail['items']} + 추가 항목 {len(detail['extra'])}) × 100; "
            "점검한 값이 없어 제공표준 준수율 = 구조 준수율"
        )
    else:
        rate = round((structure_rate + value_rate) / 2, 1)
        formula = (
            f"(구조 준수율 {structure_rate:.1f}% + 값 준수율 {value_rate:.1f}%) / 2 = {rate:.1f}%; "
            f"구조 = (표준 항목 {detail['items']} − 없는·이름이 다른·순서가 다른 항목 {len(bad_items)}) / "
            f"(표준 항목 {detail['items']} + 추가 항목 {len(detail['extra'])}) × 100; "
            f"값 = (점검 값 {checked:,} − 오류 값 {errors:,}) / 점검 값 {checked:,} × 100 (앱 자체 산출)"
        )
    return {
        **detail,
        "structure_rate": structure_rate,
        "value_rate": value_rate,
        "value_checked": checked,
        "value_errors": errors,
        "conformance": rate,
        "formula": formula,
    }
