"""설정: which catalog file the app works on, the interface language (applied at once: the main
window rebuilds its texts), and where the log and data live (what a help desk asks for first)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ui.context import AppContext
from ui.language import current_language
from ui.pages.base import Page, card, note, section_title


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class SettingsPage(Page):
    open_catalog_requested = Signal(str)
    language_requested = Signal(str)  # 'ko' or 'en', already stored in the settings

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("설정"), parent)
        frame, box = card()
        box.addWidget(section_title(self.tr("카탈로그 파일")))
        box.addWidget(
            note(
                self.tr(
                    "스캔 결과와 표준사전이 모두 이 파일 하나에 들어 있습니다. 백업하거나 "
                    "다른 PC로 넘길 때는 이 파일을 복사하세요."
                )
            )
        )
        row = QHBoxLayout()
        self.path_edit = QLineEdit(ctx.catalog_path)
        self.path_edit.setReadOnly(True)
        row.addWidget(self.path_edit, 1)
        choose = QPushButton(self.tr("다른 카탈로그 열기…"))
        choose.clicked.connect(self.choose_catalog)
        row.addWidget(choose)
        default = QPushButton(self.tr("기본 위치로"))
        default.clicked.connect(self._use_default)
        row.addWidget(default)
        box.addLayout(row)
        self.layout_.addWidget(frame)

        frame, box = card()
        box.addWidget(section_title(self.tr("언어")))
        row = QHBoxLayout()
        self.language = QComboBox()
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        # the language shown now (the stored one unless it was switched from outside this page)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        row.addWidget(self.language)
        row.addStretch(1)
        box.addLayout(row)
        self.language_note = note(
            self.tr(
                "고른 언어는 바로 적용되고 다음 실행에도 유지됩니다. 스캔처럼 작업 중인 "
                "페이지와 저장하지 않은 공개 항목이 있는 페이지는 그대로 두었다가, 작업이 "
                "끝난 뒤 다시 열 때 바뀝니다."
            ),
            "muted",
        )
        box.addWidget(self.language_note)
        self.layout_.addWidget(frame)

        frame, box = card()
        box.addWidget(section_title(self.tr("매핑 검토")))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("이 점수보다 낮은 후보를 수락할 때 먼저 묻기")))
        self.confirm_below = QDoubleSpinBox()
        self.confirm_below.setRange(0.0, 1.0)
        self.confirm_below.setSingleStep(0.05)
        self.confirm_below.setDecimals(2)
        self.confirm_below.setValue(ctx.settings.confirm_below)
        self.confirm_below.setToolTip(
            self.tr("0이면 묻지 않습니다. 추측(오타·값만 보고)한 후보는 0.8에 못 미칩니다.")
        )
        self.confirm_below.valueChanged.connect(self._confirm_below_changed)
        row.addWidget(self.confirm_below)
        row.addStretch(1)
        box.addLayout(row)
        self.layout_.addWidget(frame)

        frame, box = card()
        box.addWidget(section_title(self.tr("정보")))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.info = {}
        for key, title in (
            ("log", self.tr("로그 파일")),
            ("data", self.tr("사용자 데이터 폴더")),
            ("user", self.tr("기록되는 사용자 이름")),
            ("version", self.tr("버전")),
        ):
            self.info[key] = _selectable("")
            form.addRow(title, self.info[key])
        box.addLayout(form)
        self.layout_.addWidget(frame)
        self.layout_.addStretch(1)
        self._fill_info()

    def _fill_info(self) -> None:
        from catalog_app import __version__
        from catalog_app.config import data_dir
        from catalog_app.dictionary.institution import current_user
        from ui.logging_setup import log_file

        self.info["log"].setText(str(log_file()))
        self.info["data"].setText(str(data_dir()))
        self.info["user"].setText(current_user())
        self.info["version"].setText(__version__)

    def _confirm_below_changed(self, value: float) -> None:
        self.ctx.settings.confirm_below = round(value, 2)

    def _language_changed(self) -> None:
        code = self.language.currentData()
        self.ctx.settings.language = code
        self.language_requested.emit(code)

    def choose_catalog(self) -> None:
        start = os.path.dirname(self.ctx.catalog_path)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("카탈로그 파일 열기 또는 만들기"),
            start,
            self.tr("카탈로그 (*.db);;모든 파일 (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_catalog_requested.emit(path)

    def _use_default(self) -> None:
        from catalog_app.config import default_catalog_path

        self.open_catalog_requested.emit(str(default_catalog_path()))
