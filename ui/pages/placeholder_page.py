"""공개목록: a page whose core feature (disclosure) is another issue. It says so plainly instead
of showing controls that do nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.pages.base import Page, card, note, section_title


class PlaceholderPage(Page):
    def __init__(
        self, ctx: AppContext, title: str, what: str, until: str, parent: QWidget | None = None
    ):
        super().__init__(ctx, title, parent)
        frame, box = card()
        box.addWidget(section_title(self.tr("아직 준비 중입니다")))
        box.addWidget(note(what))
        box.addWidget(note(until, "muted"))
        self.layout_.addWidget(frame)
        self.layout_.addStretch(1)


def disclosure_page(ctx: AppContext, parent: QWidget | None = None) -> PlaceholderPage:
    return PlaceholderPage(
        ctx,
        QCoreApplication.translate("PlaceholderPage", "공개목록"),
        QCoreApplication.translate(
            "PlaceholderPage",
            "이 화면에서는 해마다 공개할 데이터 목록과 정의서를 만들어 엑셀·CSV·JSON 파일로 "
            "내보내게 됩니다.",
        ),
        QCoreApplication.translate(
            "PlaceholderPage",
            "공개목록 작성·내보내기 기능이 프로그램 핵심부에 추가되면 이 화면이 함께 열립니다. "
            "지금은 아무 파일도 만들지 않습니다.",
        ),
        parent,
    )
