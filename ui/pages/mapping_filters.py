"""The filter bar of 매핑 검토: column name, kind, undecided only and a score range. It only
collects the choices (a :class:`ui.mapping_model.Filters`); the model turns them into SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui import labels
from ui.mapping_model import KINDS, Filters

TYPING_DELAY_MS = 150


class FilterBar(QWidget):
    changed = Signal()  # a choice changed (typing is debounced)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("컬럼 이름 검색  Ctrl+F"))
        self.search_box.setClearButtonEnabled(True)
        bar.addWidget(self.search_box, 2)
        bar.addWidget(QLabel(self.tr("종류")))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("전체"), None)
        for kind in KINDS:
            self.kind.addItem(labels.match_kind_name(kind), kind)
        bar.addWidget(self.kind)
        self.undecided = QCheckBox(self.tr("미결정만"))
        self.undecided.setToolTip(self.tr("수락·거부·제안하지 않은 컬럼만 봅니다"))
        bar.addWidget(self.undecided)
        bar.addWidget(QLabel(self.tr("점수")))
        self.score_min, self.score_max = QDoubleSpinBox(), QDoubleSpinBox()
        for spin, value in ((self.score_min, 0.0), (self.score_max, 1.0)):
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(value)
            spin.setKeyboardTracking(False)
            spin.setToolTip(self.tr("1순위 후보의 점수 범위"))
        bar.addWidget(self.score_min)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.score_max)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        bar.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignRight)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search_box.textChanged.connect(self._typed)
        self.kind.currentIndexChanged.connect(self._chosen)
        self.undecided.toggled.connect(self._chosen)
        self.score_min.valueChanged.connect(self._chosen)
        self.score_max.valueChanged.connect(self._chosen)

    def _typed(self, _text: str) -> None:
        self._timer.start()  # one query after the typing pauses

    def stop_typing_delay(self) -> None:
        """No query after the page is shut down (the catalog is closed by then)."""
        self._timer.stop()

    def _chosen(self, *_args) -> None:
        self._timer.stop()
        self.changed.emit()

    def filters(self) -> Filters:
        low, high = sorted((self.score_min.value(), self.score_max.value()))
        return Filters(
            kind=self.kind.currentData(),
            undecided=self.undecided.isChecked(),
            score_min=low,
            score_max=high,
            text=self.search_box.text(),
        )
