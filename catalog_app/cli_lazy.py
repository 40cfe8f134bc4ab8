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

from catalog_app.cli_errors import GuardedGroup

if TYPE_CHECKING:  # never runs; the frozen build (PyInstaller) follows these to the modules below
    from catalog_app import cli_backup, cli_disclosure, cli_mapping, cli_standards  # noqa: F401

# name → (module, attribute, the first paragraph of the command's help: what `catalog-app --help`
# shortens into the command list)
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "backup": (
        "catalog_app.cli_backup",
        "backup_cmd",
        "카탈로그를 OUT 파일(또는 폴더)로 백업합니다. 앱이 실행 중이어도 일관된 사본을 만듭니다.",
    ),
    "restore": (
        "catalog_app.cli_backup",
        "restore_cmd",
        "백업 FILE로 카탈로그를 되돌립니다. 지금 카탈로그는 먼저 옆에 사본으로 남깁니다.",
    ),
    "institution": (
        "catalog_app.cli_disclosure",
        "institution",
        "기관 설정(기관명·기관코드·기본값)과 폴더별 관리부서.",
    ),
    "meta": (
        "catalog_app.cli_disclosure",
        "meta",
        "데이터셋·컬럼의 공개목록 항목(목록명, 분류체계, 공개여부 …).",
    ),
    "validate": (
        "catalog_app.cli_disclosure",
        "validate_cmd",
        "내보내기 전 점검: 차단 문제가 있으면 종료 코드 1.",
    ),
    "snapshot": (
        "catalog_app.cli_disclosure",
        "snapshot_cmd",
        "연도별 공개목록 상태를 고정합니다. 고정한 스냅샷은 바뀌지 않습니다.",
    ),
    "diff": (
        "catalog_app.cli_disclosure",
        "diff_cmd",
        "두 연도의 데이터셋·컬럼 추가·삭제·변경.",
    ),
    "export": (
        "catalog_app.cli_disclosure",
        "export_cmd",
        "공개목록을 내보냅니다 (.xlsx 또는 .csv는 --out의 확장자로 정합니다).",
    ),
    "map": (
        "catalog_app.cli_mapping",
        "map_cmd",
        "모든 컬럼에 표준용어를 제안합니다 (--auto-accept 로 일괄 수락).",
    ),
    "check": (
        "catalog_app.cli_mapping",
        "check_cmd",
        "표준 점검 결과와 표준 준수율 (표, 데이터셋, 부서, 전체; 계산식과 함께).",
    ),
    "suggest": (
        "catalog_app.cli_mapping",
        "suggest_cmd",
        "CSV의 머리글마다 표준용어 후보(상위 5개), 종류, 새 용어 제안, 점검 코드를 냅니다.",
    ),
    "mapping": (
        "catalog_app.cli_mapping",
        "mapping",
        "컬럼별 매핑 결정: 수락, 거부, 새 용어 제안, 되돌리기, 매핑 기억 공유.",
    ),
    "standards": (
        "catalog_app.cli_standards",
        "standards",
        "표준사전: 공통표준 판 관리, 비교, 검색, 기관표준 용어와 검토.",
    ),
}


def load_command(name: str, catalog_option) -> click.Command:
    """Import the command ``name`` and give it (and a group's subcommands) ``--catalog``."""
    module, attribute, _help = LAZY_COMMANDS[name]
    command = getattr(importlib.import_module(module), attribute)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            catalog_option(sub)
    else:
        catalog_option(command)
    return command


class LazyGroup(GuardedGroup):
    """``GuardedGroup`` whose commands of :data:`LAZY_COMMANDS` are imported on first use."""

    catalog_option = None  # set by cli.py: adds ``--catalog`` after the command

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in LAZY_COMMANDS:
            command = load_command(cmd_name, type(self).catalog_option)
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
