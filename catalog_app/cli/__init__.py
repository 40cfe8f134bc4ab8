"""`catalog-app`: the command line over the same core the desktop app uses.

``root`` holds the group and the catalog's own commands (scan, list, show, search, header, gui);
``lazy`` names the commands of the other modules (backup, disclosure, mapping, standards …),
imported when run; ``common``, ``errors`` and ``progress`` are what the command modules share.

Exit codes: 0 success; 1 some files could not be read (the scan still completed) or the thing
asked for was not found; 2 usage errors; 3 another job (scan, map, restore) holds the catalog;
4 a full disk, an I/O error or a damaged catalog file (a Korean message names cause and path);
130 interrupted.
"""

from catalog_app.cli.root import cli, main

__all__ = ["cli", "main"]
