"""The 공개목록 page's outputs of a year: 스냅샷 고정, 내보내기 and 작년과 비교, and what happens
when the core refuses them (차단 problems: shown, then go on only when the coordinator says so,
which is recorded; a re-identification block: the 재식별 점검 tab, no way around it here). The
jobs run on the page's task runner (``page._run``); its own translation context
(``YearOutputs``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from ui import dialogs
from ui.core_text import core_tr


class YearOutputs(QObject):
    def __init__(self, page: QWidget):
        super().__init__(page)
        self.page = page

    def take_snapshot(self) -> None:
        year = self.page.year.value()
        if not dialogs.ask_confirm(
            self.page,
            self.tr("스냅샷 고정"),
            self.tr(
                "{year}년 공개목록을 지금 상태로 고정합니다. 고정한 스냅샷은 고치거나 지울 수 "
                "없습니다. 계속할까요?"
            ).format(year=year),
        ):
            return
        self._snapshot(year, force=False)

    def _snapshot(self, year: int, force: bool) -> None:
        from catalog_app.disclosure.snapshot import take_snapshot

        def done(info) -> None:
            self.page.status.setText(
                self.tr("{year}년 스냅샷을 고정했습니다 (데이터셋 {n}개).").format(
                    year=year, n=info.summary.get("datasets")
                )
            )
            self.page.refresh_year()

        self.page._run(
            self.tr("{year}년 스냅샷을 만드는 중…").format(year=year),
            lambda cat: take_snapshot(cat, year, force=force),
            done,
            lambda exc: self._blocked(exc, lambda: self._snapshot(year, True)),
        )

    def _blocked(self, exc: Exception, retry) -> bool:
        """An ExportBlocked: show the problems and offer to go on anyway. True when handled."""
        from catalog_app.disclosure.validate import ExportBlocked, problem_json
        from catalog_app.privacy.gate import ReidentificationBlocked

        if not isinstance(exc, ExportBlocked):
            return False
        if isinstance(exc, ReidentificationBlocked):
            # --force does not pass this one: show the check and point at the exception
            self.page.reident.show_checks(exc.checks)
            self.page.tabs.setCurrentWidget(self.page.reident)
            self.page.status.setText(str(exc))
            dialogs.show_error(
                self.page,
                self.tr(
                    "공개하는 컬럼으로 특정 개인을 알아볼 수 있는 목록(k < 5)이 있어 내보내지 "
                    "않았습니다. [재식별 점검]에서 컬럼별 권장 조치를 보고 컬럼을 비공개·범주화하거나, "
                    "이유를 적고 [예외 승인…]을 누르세요."
                ),
            )
            return True
        self.page._validated(
            (self.page.year.value(), "live", [problem_json(p) for p in exc.problems])
        )
        if dialogs.ask_confirm(
            self.page,
            self.tr("차단 문제"),
            self.tr(
                "차단 문제 {n}건이 있습니다(점검 결과 참고). 고치지 않고 그대로 진행할까요? "
                "진행한 사실은 기록됩니다."
            ).format(n=len(exc.blocking)),
        ):
            retry()
        else:
            self.page.status.setText(str(exc))
        return True

    # ------------------------------------------------------------------ export
    def export(self, kind: str, suffix: str | None = None) -> None:
        """Ask where to write ``kind`` (in the form ``suffix``, default the export's first) and
        write it in the background."""
        from catalog_app.disclosure.exports import exporter

        found = exporter(kind)
        year = self.page.year.value()
        start = Path(self.page.ctx.settings.last_export_dir or Path.home())
        if found.into_folder:
            target = QFileDialog.getExistingDirectory(
                self.page, self.tr("datapackage.json을 만들 폴더"), str(start)
            )
        else:
            name = found.default_name(year, suffix)
            target, _ = QFileDialog.getSaveFileName(
                self.page, core_tr(found.title(suffix)), str(start / name)
            )
        if not target:
            return
        target_path = Path(target)
        self.page.ctx.settings.last_export_dir = str(
            target_path if found.into_folder else target_path.parent
        )
        self._export(kind, year, target_path, force=False)

    def _export(self, kind: str, year: int, target: Path, force: bool) -> None:
        from catalog_app.disclosure.export import export

        def done(result) -> None:
            self.page.last_export = list(result.paths)
            shown = "\n".join(str(p) for p in result.paths[:5])
            more = len(result.paths) - 5
            if more > 0:
                shown += "\n" + self.tr("… 외 {n}개").format(n=more)
            self.page.status.setText(
                self.tr("내보냈습니다: {paths}").format(paths=shown.replace("\n", ", "))
            )
            dialogs.show_info(self.page, self.tr("내보냈습니다.\n{paths}").format(paths=shown))

        self.page._run(
            self.tr("내보내는 중…"),
            lambda cat: export(cat, year, kind, target, force=force),
            done,
            lambda exc: self._blocked(exc, lambda: self._export(kind, year, target, True)),
        )

    # ------------------------------------------------------------------ diff
    def compare(self) -> None:
        from catalog_app.disclosure.diff import diff_json
        from catalog_app.disclosure.export import year_diff
        from catalog_app.disclosure.snapshot import SnapshotError

        year = self.page.year.value()

        def done(result) -> None:
            self.page.diff_panel.show_result(result, year)
            self.page.tabs.setCurrentIndex(2)

        def failed(exc: Exception) -> bool:
            if isinstance(exc, SnapshotError):
                self.page.diff_panel.show_message(str(exc))
                self.page.tabs.setCurrentIndex(2)
                return True
            return False

        self.page._run(
            self.tr("{old}년과 비교하는 중…").format(old=year - 1),
            lambda cat: diff_json(year_diff(cat, year)[0]),
            done,
            failed,
            done_text=self.tr("{old}년과 비교했습니다 (전년 대비 탭).").format(old=year - 1),
        )
