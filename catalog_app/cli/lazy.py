"""Commands that live in other modules, imported only when they are used.

Importing every command module pulls in most of the core (the dictionary, the disclosure
metadata, the catalog store …): a tenth of a second that ``catalog-app --help`` and every other
command would pay for commands they never run. The group below knows each such command by name
and a one-line help for the command list; the module is imported when the command is run or its
own ``--help`` is asked for. ``tests/test_cli_startup.py`` checks that every line here is the
command's real short help, so the two cannot drift apart.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import click

from catalog_app.cli.common import catalog_option
from catalog_app.cli.errors import GuardedGroup

if TYPE_CHECKING:  # never runs; the frozen build (PyInstaller) follows these to the modules below
    from catalog_app.cli import (  # noqa: F401
        backup,
        bundle,
        disclosure,
        lists,
        mapping,
        privacy,
        quality,
        standards,
    )

# name → (module, attribute, the first paragraph of the command's help: what `catalog-app --help`
# shortens into the command list)
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "backup": (
        "catalog_app.cli.backup",
        "backup_cmd",
        "카탈로그를 OUT 파일(또는 폴더)로 백업합니다. 앱이 실행 중이어도 일관된 사본을 만듭니다.",
    ),
    "restore": (
        "catalog_app.cli.backup",
        "restore_cmd",
        "백업 FILE로 카탈로그를 되돌립니다. 지금 카탈로그는 먼저 옆에 사본으로 남깁니다.",
    ),
    "institution": (
        "catalog_app.cli.disclosure",
        "institution",
        "기관 설정(기관명·기관코드·기본값)과 폴더별 관리부서.",
    ),
    "meta": (
        "catalog_app.cli.disclosure",
        "meta",
        "데이터셋·컬럼의 공개목록 항목(목록명, 분류체계, 공개여부 …).",
    ),
    "validate": (
        "catalog_app.cli.disclosure",
        "validate_cmd",
        "내보내기 전 점검: 차단 문제가 있으면 종료 코드 1.",
    ),
    "snapshot": (
        "catalog_app.cli.disclosure",
        "snapshot_cmd",
        "연도별 공개목록 상태를 고정합니다. 고정한 스냅샷은 바뀌지 않습니다.",
    ),
    "diff": (
        "catalog_app.cli.disclosure",
        "diff_cmd",
        "두 연도의 데이터셋·컬럼 추가·삭제·변경.",
    ),
    "export": (
        "catalog_app.cli.disclosure",
        "export_cmd",
        "공개목록을 내보냅니다 (.xlsx 또는 .csv는 --out의 확장자로 정합니다).",
    ),
    "map": (
        "catalog_app.cli.mapping",
        "map_cmd",
        "모든 컬럼에 표준용어를 제안합니다 (--auto-accept 로 일괄 수락).",
    ),
    "check": (
        "catalog_app.cli.mapping",
        "check_cmd",
        "표준 점검 결과와 표준 준수율 (표, 데이터셋, 부서, 전체; 계산식과 함께).",
    ),
    "suggest": (
        "catalog_app.cli.mapping",
        "suggest_cmd",
        "CSV의 머리글마다 표준용어 후보(상위 5개), 종류, 새 용어 제안, 점검 코드를 냅니다.",
    ),
    "mapping": (
        "catalog_app.cli.mapping",
        "mapping",
        "컬럼별 매핑 결정: 수락, 거부, 새 용어 제안, 되돌리기, 매핑 기억 공유.",
    ),
    "standards": (
        "catalog_app.cli.standards",
        "standards",
        "표준사전: 공통표준 판 관리, 비교, 검색, 기관표준 용어와 검토.",
    ),
    "bundle": (
        "catalog_app.cli.bundle",
        "bundle",
        "부서 꾸러미: 부서 카탈로그를 한 파일로 내보내고, 기관 카탈로그에 합칩니다.",
    ),
    "serve": (
        "catalog_app.cli.bundle",
        "serve_cmd",
        "기관 카탈로그를 읽기 전용 인트라넷 페이지(Datasette)로 엽니다. 기본은 이 PC(127.0.0.1)만.",
    ),
    "privacy": (
        "catalog_app.cli.privacy",
        "privacy",
        "개인정보 판정(근거·담당자 판정)과 공개 전 재식별 점검(k-익명성).",
    ),
    "quality": (
        "catalog_app.cli.quality",
        "quality",
        "품질진단: 모든 컬럼의 값 오류율, 제공표준 준수율, 업무 규칙, 조치 이력.",
    ),
    "categories": (
        "catalog_app.cli.lists",
        "categories",
        "분류체계 표 (지금 표기와 이전 표기, 이전 표기가 뜻하는 지금 분류체계).",
    ),
    "system": (
        "catalog_app.cli.lists",
        "system",
        "정보시스템·DB (데이터베이스정의서, 파일이 추출된 DB).",
    ),
    "registered": (
        "catalog_app.cli.lists",
        "registered",
        "포털에 등록된 목록: 가져오기, 연결, 신규·변경·제외.",
    ),
    "deadlines": (
        "catalog_app.cli.lists",
        "deadlines_cmd",
        "등록 기한: 신규 15일, 변경 10일, 차기 등록 예정일, 연간 일정 (지난 것부터).",
    ),
}


def load_command(name: str) -> click.Command:
    """Import the command ``name`` and give it (and a group's subcommands) ``--catalog``."""
    module, attribute, _help = LAZY_COMMANDS[name]
    command = getattr(importlib.import_module(module), attribute)
    _with_catalog_option(command)
    return command


def _with_catalog_option(command: click.Command, top: bool = True) -> None:
    """``--catalog`` on a command, or on every command of a group, nested groups included
    (``quality rules add … --catalog x``; a nested group takes it too, as before the commands
    were loaded lazily: ``quality rules --catalog x add …``)."""
    if not isinstance(command, click.Group) or not top:
        catalog_option(command)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _with_catalog_option(sub, top=False)


class LazyGroup(GuardedGroup):
    """``GuardedGroup`` whose commands of :data:`LAZY_COMMANDS` are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in LAZY_COMMANDS:
            command = load_command(cmd_name)
            self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list with the help lines above, so ``--help`` imports nothing more."""
        limit = formatter.width - 6 - max(len(n) for n in self.list_commands(ctx))
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is not None:
                if not command.hidden:
                    rows.append((name, command.get_short_help_str(limit)))
            else:
                stand_in = click.Command(name, help=LAZY_COMMANDS[name][2])
                rows.append((name, stand_in.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
