"""기관표준: the standards manager's own words and terms in the window (issue 15) — add, edit and
retire them with the rules' findings in place, check them all (``standards validate``), hand the
institution standard over (export / import) and share the mapping memory (export / import).
Each call goes to the core (``InstitutionEditor``, ``dictionary.exchange``, ``MappingDesk``) on
the task runner; the change history tab can undo any of it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, labels
from ui.context import AppContext
from ui.core_text import core_tr
from ui.models import ERROR_COLOR, Column, RowsModel
from ui.pages.base import note, section_title, table_view
from ui.pages.dictionary_entry import EntryDialog
from ui.pages.dictionary_review import _editor
from ui.widths import fit_columns, keep_widths


def _findings_text(row: dict) -> str:
    findings = row.get("findings")
    if findings is None:
        return ""  # not checked yet ([규칙 검사])
    if not findings:
        return QCoreApplication.translate("InstitutionPanel", "이상 없음")
    return " / ".join(f"[{f.code}] {core_tr(f.message)}" for f in findings)


class InstitutionPanel(QWidget):
    """The institution layer's words and terms with the manager's tools around them."""

    changed = Signal()  # the institution standard or the mapping memory changed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self._findings: dict[tuple[str, str], list] = {}
        self._note = ""  # what the last action did, kept through the reload after it
        self._serial = 0  # the latest reload: an older one's rows (and note) are not shown
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "이 기관이 더한 단어와 용어입니다. 추가·수정할 때 표준 규칙 검사 결과가 "
                    "바로 나옵니다. 모든 변경은 변경 이력에서 되돌릴 수 있습니다."
                )
            )
        )
        bar = QHBoxLayout()
        self.add_word_button = QPushButton(self.tr("단어 추가…"))
        self.add_word_button.clicked.connect(lambda: self.add("word"))
        self.add_term_button = QPushButton(self.tr("용어 추가…"))
        self.add_term_button.setObjectName("primary")
        self.add_term_button.clicked.connect(lambda: self.add("term"))
        self.edit_button = QPushButton(self.tr("수정…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.retire_button = QPushButton(self.tr("폐기…"))
        self.retire_button.clicked.connect(self.retire_selected)
        self.validate_button = QPushButton(self.tr("규칙 검사"))
        self.validate_button.setToolTip(
            self.tr("기관표준의 모든 단어·용어를 표준 규칙으로 검사합니다 (standards validate)")
        )
        self.validate_button.clicked.connect(self.validate_all)
        for button in (
            self.add_word_button,
            self.add_term_button,
            self.edit_button,
            self.retire_button,
            self.validate_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        self.state = QLabel()
        self.state.setObjectName("muted")
        bar.addWidget(self.state)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                Column("kind", self.tr("종류"), fmt=lambda r: labels.dict_kind_name(r["kind"])),
                Column("name", self.tr("이름")),
                Column("abbr", self.tr("영문약어")),
                Column("detail", self.tr("도메인·영문명")),
                Column("description", self.tr("설명")),
                Column(
                    "findings",
                    self.tr("규칙 검사"),
                    fmt=_findings_text,
                    color=lambda r: (
                        ERROR_COLOR
                        if any(f.severity == "error" for f in r.get("findings") or [])
                        else None
                    ),
                ),
            ],
            self,
        )
        self.view = table_view(self.model)
        self.view.setObjectName("institutionTable")
        keep_widths(self.view, "dictionary_institution", room=5)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        layout.addWidget(self.view, 1)

        layout.addWidget(section_title(self.tr("주고받기")))
        share = QHBoxLayout()
        self.export_button = QPushButton(self.tr("기관표준 내보내기…"))
        self.export_button.setToolTip(
            self.tr("다른 PC가 가져갈 수 있게 xlsx(공통표준 3시트) 또는 CSV 폴더로 저장합니다")
        )
        self.export_button.clicked.connect(self.export_standard)
        self.import_button = QPushButton(self.tr("기관표준 가져오기…"))
        self.import_button.setToolTip(
            self.tr("담당자가 내보낸 기관표준으로 이 PC의 기관표준을 바꿉니다 (되돌릴 수 있음)")
        )
        self.import_button.clicked.connect(self.import_standard)
        self.memory_export_button = QPushButton(self.tr("매핑 기억 내보내기…"))
        self.memory_export_button.setToolTip(
            self.tr("수락한 '머리글 → 용어' 결정을 CSV로 저장해 다른 부서와 나눕니다")
        )
        self.memory_export_button.clicked.connect(self.export_memory)
        self.memory_import_button = QPushButton(self.tr("매핑 기억 가져오기…"))
        self.memory_import_button.clicked.connect(self.import_memory)
        for button in (
            self.export_button,
            self.import_button,
            self.memory_export_button,
            self.memory_import_button,
        ):
            share.addWidget(button)
        share.addStretch(1)
        layout.addLayout(share)
        self._update_buttons()

    # ------------------------------------------------------------------ rows
    def reload(self) -> None:
        def job(catalog):
            own = _editor(catalog).store.institution()
            rows = [
                {"kind": "word", "name": w.name, "abbr": w.abbr, "detail": w.english,
                 "description": w.description, "item": w}
                for w in own.active_words()
            ]  # fmt: skip
            rows += [
                {"kind": "term", "name": t.name, "abbr": t.abbr, "detail": t.domain,
                 "description": t.description, "item": t}
                for t in own.active_terms()
            ]  # fmt: skip
            return rows

        self._serial += 1
        serial = self._serial
        self.state.setText(self.tr("불러오는 중…"))
        self.ctx.runner.submit(job, lambda rows: self._loaded(rows, serial), self._failed)

    def _loaded(self, rows: list[dict], serial: int | None = None) -> None:
        if serial is not None and serial != self._serial:
            return  # a later reload (after an edit, a 규칙 검사 …) is on its way with newer rows
        self.loaded = True
        for row in rows:
            found = self._findings.get((row["kind"], row["name"]))
            if found is not None:
                row["findings"] = found
        self.model.set_rows(rows)
        fit_columns(self.view, {1: 200, 2: 180, 3: 160, 4: 300})
        words = sum(1 for r in rows if r["kind"] == "word")
        text = self.tr("기관표준 단어 {w}개 · 용어 {t}개").format(w=words, t=len(rows) - words)
        self.state.setText(f"{self._note} · {text}" if self._note else text)
        self._note = ""
        self._update_buttons()

    def _failed(self, exc: Exception) -> None:
        self.state.setText(str(exc))
        dialogs.show_error(self, str(exc))

    def selected(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.retire_button.setEnabled(has)

    # ------------------------------------------------------------------ rules
    def check(self, kind, item, exclude, done) -> None:
        """The rules for one word or term (the entry dialog asks while the manager types)."""
        self.ctx.runner.submit(lambda cat: _editor(cat).check(kind, item, exclude), done)

    def validate_all(self) -> None:
        def done(results) -> None:
            self._findings = {(k, n): f for k, n, f in results}
            errors = sum(1 for _, _, fs in results for f in fs if f.severity == "error")
            self._note = self.tr("규칙 검사: 단어·용어 {n}개, 오류 {e}건").format(
                n=len(results), e=errors
            )
            self.reload()

        self.state.setText(self.tr("규칙을 검사하는 중…"))
        self.ctx.runner.submit(lambda cat: _editor(cat).validate_all(), done, self._failed)

    # ------------------------------------------------------------------ edits
    def _completions(self) -> dict[str, list[str]]:
        from catalog_app.matching.review import working_names

        conn = self.ctx.catalog.conn
        return {"domain": working_names(conn, "domain")}

    def _dialog(self, kind: str, item=None, title: str | None = None) -> EntryDialog:
        return EntryDialog(kind, item, self.check, self, title, self._completions())

    def _exec(self, dialog) -> bool:
        """Run a dialog modally (tests replace this to answer it)."""
        return bool(dialog.exec())

    def add(self, kind: str) -> None:
        dialog = self._dialog(kind)
        if not self._exec(dialog):
            return
        item, forced = dialog.item(), dialog.forced
        self._submit(lambda cat: _editor(cat).add(kind, item, force=forced),
                     self.tr("{name}을(를) 추가했습니다.").format(name=item.name))  # fmt: skip

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = self._dialog(row["kind"], row["item"])
        if not self._exec(dialog):
            return
        changes, forced, kind, name = dialog.changes(), dialog.forced, row["kind"], row["name"]
        if not changes:
            return
        self._submit(lambda cat: _editor(cat).edit(kind, name, changes, force=forced),
                     self.tr("{name}을(를) 고쳤습니다.").format(name=name))  # fmt: skip

    def retire_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        reason = dialogs.ask_reason(
            self,
            self.tr("폐기"),
            self.tr("'{name}'을(를) 폐기하는 사유를 적어 주세요.").format(name=row["name"]),
        )
        if not reason:
            return
        kind, name = row["kind"], row["name"]
        self._submit(lambda cat: _editor(cat).retire(kind, name, reason),
                     self.tr("{name}을(를) 폐기했습니다.").format(name=name))  # fmt: skip

    def _submit(self, job, text: str) -> None:
        def done(_result) -> None:
            self._note = text
            self._findings.clear()
            self.reload()
            self.changed.emit()

        self.ctx.runner.submit(job, done, self._failed)

    # ------------------------------------------------------------------ exchange
    def _start_dir(self) -> str:
        return self.ctx.settings.last_export_dir or str(Path.home())

    def export_standard(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("기관표준 내보내기"),
            str(Path(self._start_dir()) / "기관표준.xlsx"),
            self.tr("엑셀 (*.xlsx);;CSV 폴더 (*)"),
        )
        if not path:
            return
        self.ctx.settings.last_export_dir = str(Path(path).parent)

        def job(catalog):
            from catalog_app.dictionary.exchange import export_dictionary

            return export_dictionary(_editor(catalog).store, path, "institution")

        def done(out) -> None:
            self.state.setText(
                self.tr("내보냈습니다: {path} (단어 {w}, 용어 {t})").format(
                    path=path, w=len(out.words), t=len(out.terms)
                )
            )

        self.ctx.runner.submit(job, done, self._failed)

    def import_standard(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("기관표준 가져오기"),
            self._start_dir(),
            self.tr("표준사전 (*.xlsx *.csv);;모든 파일 (*)"),
        )
        if not path or not dialogs.ask_confirm(
            self,
            self.tr("기관표준 가져오기"),
            self.tr(
                "이 PC의 기관표준을 이 파일의 내용으로 바꿉니다:\n{path}\n\n변경 이력에서 "
                "되돌릴 수 있습니다. 계속할까요?"
            ).format(path=path),
        ):
            return

        def job(catalog):
            from catalog_app.dictionary.formats import read_dictionary

            dictionary = read_dictionary(Path(path))
            _editor(catalog).replace_layer(dictionary, source=Path(path).name)
            return dictionary

        def done(dictionary) -> None:
            self._note = self.tr("기관표준을 가져왔습니다 (단어 {w}, 용어 {t}).").format(
                w=len(dictionary.words), t=len(dictionary.terms)
            )
            self.reload()
            self.changed.emit()

        self.ctx.runner.submit(job, done, self._failed)

    def export_memory(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("매핑 기억 내보내기"),
            str(Path(self._start_dir()) / "매핑기억.csv"),
            self.tr("CSV (*.csv)"),
        )
        if not path:
            return

        def job(catalog):
            from catalog_app.matching.decisions import MappingDesk

            return MappingDesk(catalog).export_memory(Path(path))

        self.ctx.runner.submit(
            job,
            lambda n: self.state.setText(
                self.tr("매핑 기억 {n}건을 내보냈습니다: {path}").format(n=n, path=path)
            ),
            self._failed,
        )

    def import_memory(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("매핑 기억 가져오기"), self._start_dir(), self.tr("CSV (*.csv)")
        )
        if not path:
            return

        def job(catalog):
            from catalog_app.matching.decisions import MappingDesk

            return MappingDesk(catalog).import_memory(Path(path))

        def done(n) -> None:
            self.state.setText(
                self.tr(
                    "매핑 기억 {n}건을 가져왔습니다. 제안에 쓰려면 매핑 검토에서 제안 만들기를 "
                    "다시 하세요."
                ).format(n=n)
            )
            self.changed.emit()

        self.ctx.runner.submit(job, done, self._failed)
