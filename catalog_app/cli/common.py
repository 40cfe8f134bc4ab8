"""What every command module of the CLI shares: ``--catalog`` after a command, the catalog it
names, a dataset named by a clerk, JSON on stdout and a Korean message with exit 1.

The command modules import these from here, never from the package root, so no command module
depends on the group that lists it. Nothing heavy is imported at module level: ``--help`` loads
this module and should stay fast (the catalog store is imported when a command opens it).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from catalog_app.catalog.store import Catalog


def emit_json(data) -> None:
    """A ``--json`` answer: Korean text as is (not ``\\uXXXX``), indented for a reader."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def fail(message: str, code: int = 1):
    """A Korean message on stderr and the exit code (1: refused or not found)."""
    click.echo(message, err=True)
    sys.exit(code)


def open_catalog(ctx: click.Context) -> Catalog:
    """The catalog the command line names (``--catalog``, the environment or the default)."""
    from catalog_app.catalog.store import Catalog

    return Catalog(ctx.obj["catalog"])


def find_dataset_or_exit(cat: Catalog, ref: str):
    """The dataset a clerk named, or exit 1 with a Korean message (not found / which one?)."""
    from catalog_app.catalog import queries

    try:
        row = queries.find_dataset(cat, ref)
    except queries.AmbiguousDataset as exc:
        click.echo(
            f"같은 이름의 데이터셋이 {len(exc.rows)}개 있습니다. 번호나 경로로 지정하세요:",
            err=True,
        )
        for r in exc.rows:
            click.echo(f"  {r['id']:>5}  {r['path']}", err=True)
        sys.exit(1)
    if row is None:
        click.echo(f"데이터셋을 찾을 수 없습니다: {ref}", err=True)
        sys.exit(1)
    return row


def _set_catalog(ctx: click.Context, _param, value: Path | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)
        ctx.obj["catalog"] = value


def catalog_option(command):
    """`--catalog` is accepted after the command too (`catalog-app scan D:/자료 --catalog x.db`)."""
    return click.option(
        "--catalog",
        type=click.Path(dir_okay=False, path_type=Path),
        expose_value=False,
        callback=_set_catalog,
        help="카탈로그 파일 (기본: 사용자 데이터 폴더의 catalog.db).",
    )(command)
