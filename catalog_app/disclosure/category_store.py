"""The institution's 분류체계 table in the catalog: list, add, map an older label, import, reset.

A new catalog is seeded from the shipped file (``categories.shipped_rows``, by its migration). The
portal adds 중분류 over time and the shipped pairs are a sample, so the coordinator adds what the
portal shows (``add``), says which of today's labels an older one means (``add(..., current=)``),
or loads a whole table (``import_csv``: the shipped layout, or a list of today's pairs).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from catalog_app.catalog.store import Catalog, now_iso
from catalog_app.dictionary.institution import current_user
from catalog_app.disclosure.categories import (
    CURRENT,
    HEADERS,
    OLDER,
    CategoryRow,
    CategoryTable,
    normalise,
    shipped_rows,
)
from catalog_app.scan.encoding import decode_excel_csv

__all__ = ["CategoryError", "CategoryStore"]


class CategoryError(ValueError):
    """A refused 분류체계 edit or import, with a Korean message."""


class CategoryStore:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def rows(self) -> list[CategoryRow]:
        return [
            CategoryRow(r["label"], r["style"], r["current"], r["basis"])
            for r in self.catalog.conn.execute(
                """SELECT label, style, current, basis FROM category_labels
                   ORDER BY style != '현재', label"""
            )
        ]

    def table(self) -> CategoryTable:
        return CategoryTable(self.rows())

    def add(self, label: str, current: str | None = None, basis: str = "", who=None) -> CategoryRow:
        """Add (or change) a label: today's style when ``current`` is None, else an older label
        standing for ``current``, which must be one of today's known 대분류 (with any 중분류)."""
        label = normalise(label)
        if not label:
            raise CategoryError("분류체계를 입력하세요 ('대분류' 또는 '대분류 - 중분류').")
        table = self.table()
        if current is None:
            major = label.partition(" - ")[0]
            if major not in table.current_majors():
                known = ", ".join(table.current_majors())
                raise CategoryError(
                    f"'{major}'은(는) 지금 쓰는 대분류가 아닙니다. 이전 표기이면 --as 로 지금의 "
                    f"분류체계를 함께 주세요. 지금 대분류: {known}"
                )
            row = CategoryRow(label, CURRENT, label, basis or "기관 추가")
        else:
            target = normalise(current)
            found = table.resolve(target)
            if not found.ok or found.older:
                raise CategoryError(f"'{current}'은(는) 지금 쓰는 분류체계가 아닙니다.")
            row = CategoryRow(label, OLDER, found.current, basis or "기관 지정")
        self._write([row], who)
        return row

    def remove(self, label: str) -> bool:
        with self.catalog.transaction() as conn:
            cur = conn.execute("DELETE FROM category_labels WHERE label = ?", (normalise(label),))
        return cur.rowcount > 0

    def reset(self, who=None) -> int:
        """Back to the shipped table (the institution's additions are dropped)."""
        with self.catalog.transaction() as conn:
            conn.execute("DELETE FROM category_labels")
        self._write(list(shipped_rows()), who, origin="shipped")
        return len(shipped_rows())

    def import_csv(self, path: str | Path, replace: bool = False, who=None) -> int:
        """Load a table: the shipped layout (분류체계, 표기, 현재분류체계, 근거) or a list of today's
        pairs (a '분류체계' column, as in the portal's list export). CP949 or UTF-8 (Excel)."""
        text = decode_excel_csv(Path(path).read_bytes())
        if text is None:
            raise CategoryError(
                f"파일 인코딩을 읽을 수 없습니다 (UTF-8 또는 CP949): {Path(path).name}"
            )
        reader = csv.DictReader(io.StringIO(text, newline=""))
        headers = [h.strip() for h in reader.fieldnames or []]
        if "분류체계" not in headers:
            raise CategoryError(
                f"'분류체계' 열이 없습니다: {Path(path).name}. 열: {', '.join(HEADERS)} "
                "(지금 분류체계만 담은 목록이면 '분류체계' 열 하나로 충분합니다)."
            )
        reader.fieldnames = headers
        rows, problems = [], []
        for number, r in enumerate(reader, start=2):
            label = normalise(r.get("분류체계") or "")
            if not label:
                continue
            style = (r.get("표기") or "").strip() or CURRENT
            if style not in (CURRENT, OLDER):
                problems.append(f"{number}행: 표기는 '{CURRENT}' 또는 '{OLDER}'입니다: {style}")
                continue
            current = normalise(r.get("현재분류체계") or "") or label
            if style == OLDER and current == label:
                problems.append(f"{number}행: 이전 표기 '{label}'에 현재분류체계가 없습니다.")
                continue
            rows.append(CategoryRow(label, style, current, (r.get("근거") or "").strip()))
        if problems:
            raise CategoryError("가져오지 않았습니다:\n" + "\n".join(problems[:20]))
        if not rows:
            raise CategoryError(f"가져올 분류체계가 없습니다: {Path(path).name}")
        if replace:
            with self.catalog.transaction() as conn:
                conn.execute("DELETE FROM category_labels")
        self._write(rows, who)
        return len(rows)

    def export_rows(self) -> tuple[tuple[str, ...], list[list[str]]]:
        return HEADERS, [r.as_list() for r in self.rows()]

    def _write(self, rows: list[CategoryRow], who, origin: str = "institution") -> None:
        who = who or current_user()
        with self.catalog.transaction() as conn:
            conn.executemany(
                """INSERT INTO category_labels (label, style, current, basis, origin, updated_by,
                   updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(label) DO UPDATE SET
                   style = excluded.style, current = excluded.current, basis = excluded.basis,
                   origin = excluded.origin, updated_by = excluded.updated_by,
                   updated_at = excluded.updated_at""",
                [(r.label, r.style, r.current, r.basis, origin, who, now_iso()) for r in rows],
            )
