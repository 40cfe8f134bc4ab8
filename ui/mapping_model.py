"""The 매핑 검토 table: every column with a stored suggestion (``column_match``), its file and
sheet, the top candidate and the clerk's decision (``column_mappings``, keyed by the column's
lasting id). Paged, sorted and filtered in SQL, like :class:`ui.models.DatasetTableModel`.

The check codes stored by ``map`` were computed with the decisions of that moment; the page hands
in fresher ones (:meth:`MatchTableModel.set_fresh_checks`) from its background ``check_catalog``.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from catalog_app.matching import review
from catalog_app.matching.review import KINDS, SORT_KEYS, ReviewFilters
from ui import labels
from ui.core_text import core_tr
from ui.models import ERROR_COLOR, MUTED_COLOR, Index

__all__ = ["KINDS", "Filters", "MatchTableModel", "column_detail", "rate_job", "unmatched_count"]

ACCEPTED_COLOR = QColor("#1e6b35")
WARNING_COLOR = QColor("#8a4b00")
Filters = ReviewFilters  # the filter bar's choices (the core's type)


def check_codes(checks: list[dict]) -> tuple[list[str], list[str]]:
    """(error codes, warning codes), each without repeats."""
    errors = list(dict.fromkeys(c["code"] for c in checks if c["severity"] == "error"))
    warnings = list(dict.fromkeys(c["code"] for c in checks if c["severity"] != "error"))
    return errors, [w for w in warnings if w not in errors]


class MatchTableModel(QAbstractTableModel):
    """Suggested columns, fetched a page at a time."""

    PAGE = 200
    sorted = Signal()  # re-read in a new order (the view's selection was reset)

    def __init__(self, conn: sqlite3.Connection, parent=None):
        super().__init__(parent)
        self._conn = conn
        self._rows: list[dict] = []
        self._total = 0
        self._fresh: dict[int, list[dict]] = {}
        self.filters = Filters()
        self._sort: tuple[str | None, bool] = (None, False)
        self._titles = [
            self.tr("파일"),
            self.tr("시트"),
            self.tr("컬럼"),
            self.tr("종류"),
            self.tr("1순위 용어"),
            self.tr("점수"),
            self.tr("결정"),
            self.tr("점검 코드"),
        ]
        self.refresh()

    # ---------------------------------------------------------------- querying
    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.refresh()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        self._sort = (SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        self.refresh()
        self.sorted.emit()

    def refresh(self, at_least: int = 0) -> None:
        """Re-read from the first row; ``at_least`` rows when the view had scrolled that far."""
        self.beginResetModel()
        self._total = review.review_count(self._conn, self.filters)
        self._rows = self._page(0, max(self.PAGE, at_least))
        self.endResetModel()

    def _page(self, offset: int, limit: int) -> list[dict]:
        key, descending = self._sort
        return review.review_page(self._conn, self.filters, offset, limit, key, descending)

    def refresh_rows(self, column_ids: list[int]) -> bool:
        """Re-read the fetched rows of these columns in place. False (nothing done) when a
        decision filter or order could move rows: refresh instead."""
        if self.filters.undecided or self._sort[0] == "decision":
            return False
        wanted = {r["column_id"] for r in self._rows} & set(column_ids)
        by_id = review.review_rows(self._conn, sorted(wanted))
        last = self.columnCount() - 1
        for i, row in enumerate(self._rows):
            if row["column_id"] in by_id:
                self._rows[i] = by_id[row["column_id"]]
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        return True

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        rows = self._page(len(self._rows), self.PAGE)
        if not rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row(self, index: int) -> dict | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def row_of(self, column_id: int | None) -> int:
        """Row of a column among the rows fetched so far (-1 when not fetched)."""
        return next((i for i, r in enumerate(self._rows) if r["column_id"] == column_id), -1)

    # ------------------------------------------------------------------ checks
    def set_fresh_checks(self, fresh: dict[int, list[dict]]) -> None:
        """Checks recomputed with today's decisions, for the columns where they changed."""
        self._fresh = dict(fresh)
        for row in self._rows:
            row.pop("_checks", None)
        if self._rows:
            column = len(SORT_KEYS) - 1
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def fresh_checks(self, column_id: int) -> list[dict] | None:
        return self._fresh.get(column_id)

    def checks_of(self, row: dict) -> list[dict]:
        if "_checks" not in row:
            fresh = self._fresh.get(row["column_id"])
            row["_checks"] = fresh if fresh is not None else json.loads(row["checks"] or "[]")
        return row["_checks"]

    def _checks_text(self, row: dict) -> str:
        if row["kind"] == "not_a_column":
            return self.tr("제외")
        errors, warnings = check_codes(self.checks_of(row))
        if not errors and not warnings:
            return self.tr("준수")
        text = " ".join(errors)
        if warnings:
            text += (" " if text else "") + "(" + " ".join(warnings) + ")"
        return text

    def _checks_tip(self, row: dict) -> str:
        checks = self.checks_of(row)
        if not checks:
            return self._checks_text(row)
        return "\n".join(
            f"[{c['code']} {labels.check_name(c['code'])}] {core_tr(c['message'])}" for c in checks
        )

    # ---------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SORT_KEYS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and SORT_KEYS[section] == "checks":
            return self.tr(
                "표준 점검에서 나온 코드: 오류, 괄호 안은 경고 (예: T1 F1 (D2)). "
                "'준수'는 표준용어에 매핑되고 오류가 없는 컬럼입니다."
            )
        if role == Qt.ItemDataRole.ToolTipRole and SORT_KEYS[section] == "top_score":
            return self.tr("1순위 후보의 점수 (0–1). 추측(오타·값만 보고)은 0.8에 못 미칩니다.")
        return None

    def _text(self, row: dict, key: str) -> str:
        if key == "kind":
            return labels.match_kind_name(row["kind"])
        if key == "top_score":
            return f"{row['top_score']:.2f}" if row["top_score"] is not None else ""
        if key == "decision":
            if not row["decision"]:
                return ""
            return f"{labels.decision_name(row['decision'])}: {row['decision_term']}"
        if key == "checks":
            return self._checks_text(row)
        return row[key] or ""

    def _color(self, row: dict, key: str) -> QColor | None:
        if key == "decision":
            return {"accepted": ACCEPTED_COLOR, "rejected": ERROR_COLOR}.get(
                row["decision"] or "", WARNING_COLOR
            )
        if key == "checks":
            if row["kind"] == "not_a_column":
                return MUTED_COLOR
            errors, warnings = check_codes(self.checks_of(row))
            return ERROR_COLOR if errors else WARNING_COLOR if warnings else ACCEPTED_COLOR
        if key in ("kind", "top_term", "top_score") and row["kind"] == "not_a_column":
            return MUTED_COLOR
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = SORT_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "dataset":
                return row["rel_path"]
            if key == "checks":
                return self._checks_tip(row)
            if key == "decision" and row["decision"]:
                return self.tr("{what} — {who}").format(
                    what=self._text(row, key), who=row["decided_by"] or ""
                )
            return self._text(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "top_score":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self._color(row, key)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return row["column_id"]
        return None


# ------------------------------------------------------------------ page queries


def column_detail(conn: sqlite3.Connection, column_id: int) -> dict | None:
    """One column for the detail pane (the core's ``review.column_detail``)."""
    return review.column_detail(conn, column_id)


def bulk_count(conn: sqlite3.Connection, threshold: float, filters: Filters | None = None) -> int:
    """How many columns ``MappingDesk.bulk_accept(threshold, filters)`` would accept."""
    return len(review.bulk_candidates(conn, threshold, filters))


def unmatched_count(conn: sqlite3.Connection) -> int:
    """Columns of readable datasets without a current suggestion (the core counts them)."""
    from catalog_app.matching.jobs import mapping_trust

    return mapping_trust(conn).unsuggested


def working_names(conn: sqlite3.Connection, kind: str = "term") -> list[str]:
    """Active term (or domain, word) names for the dialogs' completers."""
    return review.working_names(conn, kind)


def rate_job(catalog) -> tuple:
    """(catalog-wide Rate, {column_id: checks} where today's checks differ from the stored)."""
    from catalog_app.matching.jobs import check_catalog

    report = check_catalog(catalog)
    stored = review.stored_checks(catalog.conn)
    fresh = {}
    for col in report.columns:
        if col["column_id"] not in stored:
            continue
        checks = col["checks"]
        if json.loads(json.dumps(checks, ensure_ascii=False)) != json.loads(
            stored[col["column_id"]] or "[]"
        ):
            fresh[col["column_id"]] = checks  # Text messages: translated without a look-up
    return report.rates["catalog"][0], fresh
