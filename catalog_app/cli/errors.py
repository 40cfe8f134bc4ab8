"""How the command line ends when the catalog is busy or the disk fails: a Korean message, no
traceback, and an exit code of its own (``3`` another job holds the catalog, ``4`` a disk, I/O or
catalog-file error; see ``ioerrors``)."""

from __future__ import annotations

import sqlite3

import click

from catalog_app.catalog.joblock import CatalogBusy
from catalog_app.ioerrors import explain

EXIT_BUSY = 3
EXIT_IO = 4


class GuardedGroup(click.Group):
    """The ``catalog-app`` group: commands run as usual; the errors above become messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CatalogBusy as exc:
            click.echo(str(exc), err=True)
            ctx.exit(EXIT_BUSY)
        except BrokenPipeError:
            raise
        except (sqlite3.Error, OSError, MemoryError) as exc:
            message = explain(exc, (ctx.obj or {}).get("catalog"))
            if message is None:
                raise
            click.echo(message, err=True)
            ctx.exit(EXIT_IO)
