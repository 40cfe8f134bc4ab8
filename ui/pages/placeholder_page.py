"""매핑 검토 and 공개목록: pages whose core features (matching, disclosure) are other issues. They
say so plainly instead of showing controls that do nothing."""

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


def mapping_page(ctx: AppContext, parent: QWidget | None = None) -> PlaceholderPage:
    return PlaceholderPage(
        ctx,
        QCoreApplication.translate("PlaceholderPage", "매핑 검토"),
        QCoreApplication.translate(
            "PlaceholderPage",
            "이 화면에서는 스캔한 컬럼마다 추천된 공통표준 용어를 보고 승인하거나 고치게 됩니다. "
            "추천 근거(이름, 형식, 길이)와 표준 준수 점검 결과도 함께 보여 줍니다.",
        ),
        QCoreApplication.translate(
            "PlaceholderPage",
            "이 화면은 컬럼-표준용어 매칭 기능(별도 작업, 아직 조정 중)과 함께 열립니다. "
            "그때까지는 명령줄의 catalog-app map / catalog-app mapping 명령으로 매핑하고, "
            "표준사전 화면에서 용어를 찾아볼 수 있습니다.",
        ),
        parent,
    )


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
