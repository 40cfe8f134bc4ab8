"""The lower half of 매핑 검토: one column's candidates with scores and reasons, the proposed new
term, the standard checks with their Korean messages, and the decision as it stands."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from catalog_app.matching.review_state import proposed_name
from ui import labels
from ui.core_text import core_tr
from ui.mapping_model import ACCEPTED_COLOR, WARNING_COLOR
from ui.models import ERROR_COLOR, MUTED_COLOR, Column, RowsModel
from ui.pages.base import section_title, table_view
from ui.widths import fit_columns, keep_widths

MAX_SAMPLES = 3
SAMPLE_CHARS = 24


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= SAMPLE_CHARS else value[: SAMPLE_CHARS - 1] + "…"


def _plain(text: str = "", object_name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def _muted_if_rejected(c: dict):
    return MUTED_COLOR if c["rejected"] else None


class MappingDetail(QWidget):
    candidate_activated = Signal(int)  # row of the candidate (Enter or double-click)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.detail: dict | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.title)
        self.info = _plain(object_name="muted")
        outer.addWidget(self.info)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(section_title(self.tr("후보 (Enter: 고른 후보 수락)")))
        self.candidates = RowsModel(
            [
                Column("rank", self.tr("순위"), numeric=True),
                Column("term", self.tr("용어"), fmt=self._term_text, color=_muted_if_rejected),
                Column("abbr", self.tr("영문약어")),
                Column("domain", self.tr("도메인")),
                Column("score", self.tr("점수"), fmt=lambda c: f"{c['score']:.2f}", numeric=True),
                Column("reasons", self.tr("근거"), fmt=lambda c: "; ".join(c["reasons"])),
            ],
            self,
        )
        self.candidate_view = table_view(self.candidates)
        self.candidate_view.setObjectName("candidates")
        keep_widths(self.candidate_view, "mapping_candidates", room=5)
        self.candidate_view.doubleClicked.connect(self._double_clicked)
        left.addWidget(self.candidate_view, 1)
        columns.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(section_title(self.tr("현재 결정")))
        self.decision = _plain()
        right.addWidget(self.decision)
        self.proposal_title = section_title(self.tr("새 용어 제안"))
        right.addWidget(self.proposal_title)
        self.proposal = _plain()
        right.addWidget(self.proposal)
        self.checks_title = section_title(self.tr("표준 점검"))
        right.addWidget(self.checks_title)
        self.checks = QListWidget()
        self.checks.setObjectName("checks")
        self.checks.setWordWrap(True)
        self.checks.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right.addWidget(self.checks, 1)
        columns.addLayout(right, 2)
        outer.addLayout(columns, 1)
        self.show_column(None)

    def _term_text(self, c: dict) -> str:
        return self.tr("{term} (거부함)").format(term=c["term"]) if c["rejected"] else c["term"]

    def _double_clicked(self, index) -> None:
        self.candidate_activated.emit(index.row())

    # ---------------------------------------------------------------- showing
    def show_column(self, detail: dict | None, fresh_checks: list[dict] | None = None) -> None:
        self.detail = detail
        if detail is None:
            self.title.setText(self.tr("컬럼을 고르면 후보와 점검 결과가 여기에 나옵니다."))
            self.info.setText("")
            self.candidates.set_rows([])
            self.decision.setText("")
            self.proposal.setText("")
            self.proposal_title.hide()
            self.proposal.hide()
            self.checks.clear()
            return
        self.title.setText(
            self.tr("'{label}' — {dataset} › {sheet}").format(
                label=detail["label"], dataset=detail["dataset"], sheet=detail["sheet"]
            )
        )
        self.info.setText(self._info_text(detail))
        decision = detail["decision"] or {}
        rejected = decision.get("term_name") if decision.get("status") == "rejected" else None
        self.candidates.set_rows(
            [
                {"rank": i, "rejected": c["term"] == rejected, **c}
                for i, c in enumerate(detail["candidates"], start=1)
            ]
        )
        fit_columns(self.candidate_view, {1: 180, 2: 160, 3: 110, 5: 600})
        if detail["candidates"]:
            self.candidate_view.selectRow(0)
        self.decision.setText(self._decision_text(detail["decision"]))
        proposal = self._proposal_text(detail["proposal"])
        self.proposal_title.setVisible(bool(proposal))
        self.proposal.setVisible(bool(proposal))
        self.proposal.setText(proposal)
        self._show_checks(detail, fresh_checks)

    def refresh_checks(self, fresh_checks: list[dict] | None) -> None:
        """New checks for the shown column (the candidate the clerk chose stays chosen)."""
        if self.detail is not None:
            self._show_checks(self.detail, fresh_checks)

    def selected_candidate(self) -> dict | None:
        """The candidate chosen in the list (the top one unless the clerk moved)."""
        index = self.candidate_view.currentIndex()
        row = index.row() if index.isValid() else 0
        return self.candidates.row(row)

    def _info_text(self, d: dict) -> str:
        parts = [self.tr("종류 {kind}").format(kind=labels.match_kind_name(d["kind"]))]
        if d.get("cleaned") and d["cleaned"] != d["label"]:
            parts.append(self.tr("정리한 이름 {name}").format(name=d["cleaned"]))
        if d.get("inferred_type"):
            parts.append(self.tr("형식 {type}").format(type=labels.type_name(d["inferred_type"])))
        if d.get("max_len_bytes"):
            parts.append(self.tr("최대 {n}바이트").format(n=d["max_len_bytes"]))
        if d.get("pii_kind"):
            parts.append(self.tr("개인정보 {kind}").format(kind=labels.pii_name(d["pii_kind"])))
        samples = [_short(str(s)) for s in d.get("samples") or [] if str(s).strip()]
        samples = samples[:MAX_SAMPLES]
        if samples and not d.get("pii_kind"):  # personal data is not repeated on screen
            parts.append(self.tr("값 예: {values}").format(values=", ".join(samples)))
        return " · ".join(parts)

    def _decision_text(self, decision: dict | None) -> str:
        if decision is None:
            return self.tr("아직 결정하지 않았습니다.")
        status = decision["status"]
        what = f"{labels.decision_name(status)}: {decision['term_name']}"
        if status != "rejected" and (decision.get("term_abbr") or decision.get("domain")):
            what += f" ({decision.get('term_abbr') or ''}, {decision.get('domain') or ''})"
        if decision.get("proposal_id"):
            what += self.tr(" — 검토 대기 {n}번").format(n=decision["proposal_id"])
        when = (decision.get("decided_at") or "").replace("T", " ")[:16]
        return self.tr("{what}\n{who} · {when}").format(
            what=what, who=decision.get("decided_by") or "", when=when
        )

    def _proposal_text(self, proposal: dict | None) -> str:
        if not proposal:
            return ""
        if proposal.get("missing"):
            return self.tr("표준에 없는 단어: {words} (단어: {all})").format(
                words=", ".join(proposal["missing"]), all=" + ".join(proposal.get("words") or [])
            )
        name = proposed_name(proposal)
        return self.tr("{name} ({abbr}, {domain}) — 단어 {words}").format(
            name=name,
            abbr=proposal.get("abbr") or "-",
            domain=proposal.get("domain") or "-",
            words=" + ".join(proposal.get("words") or []),
        )

    def _show_checks(self, d: dict, fresh: list[dict] | None) -> None:
        self.checks.clear()
        checks = fresh if fresh is not None else d["checks"]
        if d["kind"] == "not_a_column":
            self.checks_title.setText(self.tr("표준 점검"))
            self._check_item(self.tr("교차표의 구분 열이라 점검과 준수율에서 뺍니다."), None)
            return
        errors = sum(1 for c in checks if c["severity"] == "error")
        self.checks_title.setText(
            self.tr("표준 점검 — 준수") if not errors else self.tr("표준 점검 — 미준수")
        )
        if not checks:
            self._check_item(self.tr("점검에서 찾은 문제가 없습니다."), ACCEPTED_COLOR)
        for c in sorted(checks, key=lambda c: (c["severity"] != "error", c["code"])):
            text = f"[{c['code']} {labels.check_name(c['code'])} · "
            text += f"{labels.severity_name(c['severity'])}] {core_tr(c['message'])}"
            if c.get("suggestion"):
                text += self.tr(" → {s}").format(s=c["suggestion"])
            self._check_item(text, ERROR_COLOR if c["severity"] == "error" else WARNING_COLOR)

    def _check_item(self, text: str, color) -> None:
        item = QListWidgetItem(text)
        if color is not None:
            item.setForeground(QBrush(color))
        self.checks.addItem(item)
