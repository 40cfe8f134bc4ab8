"""등록 목록 가져오기: the preview of a registered-list import, confirmed or cancelled here, and
the 공개목록 page's flow around it (``run_import``).

The core reads the file and proposes a dataset for each entry
(``catalog_app.disclosure.registered.preview_import``); nothing is written until the coordinator
presses 가져오기. A proposal the core is unsure of (the same 목록명 twice, a similar name) has a
check box, unticked: only the ticked ones are linked (``accepted``). Reading, writing and the
신규/변경/제외 count run on the page's task runner; a file that is not a registered list is
refused there with the core's Korean message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.pages.base import note

COL_TAKE, COL_ROW, COL_KEY, COL_TITLE, COL_FILE, COL_HOW = range(6)


class RegisteredImportDialog(QDialog):
    """Shows a preview; :meth:`accepted_unsure` gives the unsure entries the coordinator ticked."""

    def __init__(self, preview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("등록 목록 가져오기"))
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "공공데이터포털에 등록된 목록을 가져옵니다. 아래 연결을 확인하세요. 아직 "
                    "아무것도 바꾸지 않았습니다 — [가져오기]를 눌러야 저장됩니다. '확인 필요'는 "
                    "체크한 것만 연결합니다."
                )
            )
        )
        self.summary = QLabel("\n".join(preview.summary()))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(preview.proposals), 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("연결"),
                self.tr("행"),
                self.tr("목록키"),
                self.tr("목록명"),
                self.tr("연결할 파일"),
                self.tr("방법"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._fill()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("가져오기"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("취소"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _how(self, proposal) -> str:
        names = {
            "key": self.tr("목록키"),
            "kept": self.tr("이전 연결"),
            "title": self.tr("목록명"),
            "file": self.tr("목록명+파일데이터명"),
            "unsure": self.tr("확인 필요 (비슷함 {score}%)").format(score=proposal.score),
            "": self.tr("파일 없음 (제외 후보)"),
        }
        return names.get(proposal.how, proposal.how)

    def _fill(self) -> None:
        for r, p in enumerate(self.preview.proposals):
            take = QTableWidgetItem()
            if p.how == "unsure":
                take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                take.setCheckState(Qt.CheckState.Unchecked)
                take.setToolTip(self.tr("체크하면 이 파일에 연결합니다"))
            else:
                take.setFlags(Qt.ItemFlag.ItemIsEnabled)
                take.setText("✓" if p.dataset_id is not None else "")
            self.table.setItem(r, COL_TAKE, take)
            for col, text in (
                (COL_ROW, str(p.row_number)),
                (COL_KEY, p.list_key),
                (COL_TITLE, p.title),
                (COL_FILE, p.path),
                (COL_HOW, self._how(p)),
            ):
                self.table.setItem(r, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def set_unsure(self, entry_key: str, checked: bool) -> None:
        """Tick (or untick) an unsure proposal (for tests and keyboard users alike)."""
        for r, p in enumerate(self.preview.proposals):
            if p.entry_key == entry_key and p.how == "unsure":
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                self.table.item(r, COL_TAKE).setCheckState(state)

    def accepted_unsure(self) -> set[str]:
        """Entry keys of the unsure proposals ticked to be linked."""
        out = set()
        for r, p in enumerate(self.preview.proposals):
            item = self.table.item(r, COL_TAKE)
            if p.how == "unsure" and item.checkState() == Qt.CheckState.Checked:
                out.add(p.entry_key)
        return out


def _tr(text: str) -> str:
    return QCoreApplication.translate("DisclosurePage", text)


def run_import(page, path) -> None:
    """Preview on the runner → the dialog (``page._accepted``) → apply → count 신규/변경/제외."""
    from catalog_app.disclosure.registered import preview_import

    page._run(
        _tr("등록 목록을 읽는 중…"),
        lambda cat: preview_import(cat, path),
        lambda preview: _previewed(page, preview),
    )


def _previewed(page, preview) -> None:
    from catalog_app.disclosure.registered import apply_import

    dialog = RegisteredImportDialog(preview, page)
    if not page._accepted(dialog):
        page.status.setText(_tr("등록 목록을 가져오지 않았습니다 (바뀐 것 없음)."))
        return
    accept = dialog.accepted_unsure()
    page._run(
        _tr("등록 목록을 저장하는 중…"),
        lambda cat: apply_import(cat, preview, accept),
        lambda _import_id: _count(page),
    )


def _count(page) -> None:
    from catalog_app.disclosure.lifecycle import lifecycle
    from catalog_app.disclosure.state import build_state

    year = page.year.value()

    def job(cat):
        counts: dict[str, int] = {}
        for e in lifecycle(build_state(cat, year)):
            counts[e.action] = counts.get(e.action, 0) + 1
        return counts

    def done(counts) -> None:
        page.last_lifecycle = counts
        page.status.setText(
            _tr(
                "등록 목록을 가져왔습니다: 신규 {new} · 변경 {changed} · 제외 {gone} · 유지 {kept} "
                "(기한은 현황과 점검 결과에 나옵니다)"
            ).format(
                new=counts.get("신규", 0),
                changed=counts.get("변경", 0),
                gone=counts.get("제외", 0),
                kept=counts.get("유지", 0),
            )
        )
        page.ctx.data_changed.emit()

    page._run(_tr("신규·변경·제외를 따지는 중…"), job, done)
