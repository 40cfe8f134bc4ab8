"""판 비교: what changed between two editions of the standard (words, terms and domains added,
retired, changed field by field), as ``standards diff`` reports it — in the window, with the
xlsx the command writes one click away (issue 15)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs

SHOWN_PER_GROUP = 500  # a whole new edition adds thousands: the xlsx has them all


class EditionDiffDialog(QDialog):
    """Shows a ``dictionary.diff.EditionDiff``; 엑셀로 저장 writes ``write_diff_xlsx``."""

    def __init__(self, diff, parent: QWidget | None = None):
        from catalog_app.dictionary.diff import FIELD_NAMES

        super().__init__(parent)
        self.diff = diff
        self.setWindowTitle(self.tr("판 비교: {a} → {b}").format(a=diff.a, b=diff.b))
        layout = QVBoxLayout(self)
        sections = {
            "words": self.tr("단어"),
            "terms": self.tr("용어"),
            "domains": self.tr("도메인"),
        }
        summary = []
        self.tree = QTreeWidget()
        self.tree.setObjectName("editionDiff")
        self.tree.setHeaderLabels([self.tr("항목"), self.tr("이전"), self.tr("이후")])
        for key, section in diff.sections():
            summary.append(
                self.tr("{what} 추가 {a} · 폐기 {r} · 변경 {c}").format(
                    what=sections[key],
                    a=len(section.added),
                    r=len(section.retired),
                    c=len(section.changed),
                )
            )
            top = QTreeWidgetItem([sections[key]])
            self.tree.addTopLevelItem(top)
            for title, names in (
                (self.tr("추가"), section.added),
                (self.tr("폐기"), section.retired),
            ):
                group = QTreeWidgetItem([self.tr("{t} {n}개").format(t=title, n=len(names))])
                top.addChild(group)
                for name in names[:SHOWN_PER_GROUP]:
                    group.addChild(QTreeWidgetItem([name]))
            group = QTreeWidgetItem([self.tr("변경 {n}개").format(n=len(section.changed))])
            top.addChild(group)
            for change in section.changed[:SHOWN_PER_GROUP]:
                item = QTreeWidgetItem([change.name])
                group.addChild(item)
                for field, old, new in change.fields:
                    item.addChild(QTreeWidgetItem([FIELD_NAMES.get(field, field), old, new]))
            top.setExpanded(True)
        self.summary = QLabel(" / ".join(summary) or self.tr("달라진 것이 없습니다."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.tree.setColumnWidth(0, 280)
        self.tree.setColumnWidth(1, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("엑셀로 저장…"))
        self.save_button.clicked.connect(self.save)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 560)

    def save(self, path: str | None = None) -> Path | None:
        from catalog_app.dictionary.diff import write_diff_xlsx

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("판 비교 저장"),
                str(Path.home() / "판비교.xlsx"),
                self.tr("엑셀 (*.xlsx)"),
            )
        if not path:
            return None
        try:
            write_diff_xlsx(self.diff, Path(path))
        except OSError as exc:
            dialogs.show_error(self, self.tr("저장하지 못했습니다: {e}").format(e=exc))
            return None
        dialogs.show_info(self, self.tr("저장했습니다: {path}").format(path=path))
        return Path(path)
