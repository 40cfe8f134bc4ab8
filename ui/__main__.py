"""``python -m ui [CATALOG]``: the desktop app (until the CLI starts it without arguments)."""

import sys

from ui.app import main

sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
