"""`catalog-app backup OUT` and `catalog-app restore FILE`: the way to copy a catalog safely."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from catalog_app.catalog.backup import BackupError, backup_catalog, restore_catalog


@click.command("backup")
@click.argument("out", type=click.Path())
@click.pass_context
def backup_cmd(ctx: click.Context, out: str) -> None:
    """카탈로그를 OUT 파일(또는 폴더)로 백업합니다. 앱이 실행 중이어도 일관된 사본을 만듭니다."""
    try:
        target = backup_catalog(ctx.obj["catalog"], out)
    except BackupError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    size = target.stat().st_size
    click.echo(f"백업했습니다: {target} ({size / 1e6:,.1f} MB)")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def restore_cmd(ctx: click.Context, file: Path) -> None:
    """백업 FILE로 카탈로그를 되돌립니다. 지금 카탈로그는 먼저 옆에 사본으로 남깁니다."""
    try:
        result = restore_catalog(ctx.obj["catalog"], file)
    except BackupError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"복원했습니다: {result.catalog} ← {result.source} (데이터셋 {result.datasets}개)")
    if result.kept is not None:
        click.echo(f"복원 전 카탈로그는 여기에 남겼습니다: {result.kept}")
