"""A progress bar on stderr for the CLI: redrawn in place on a terminal, sparse lines otherwise."""

from __future__ import annotations

import os
import shutil
import sys
import time

from catalog_app.progress import ProgressEvent


class ProgressPrinter:
    def __init__(self, stream=None, enabled: bool = True):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last_pct = -1
        self.last_draw = 0.0

    def __call__(self, event: ProgressEvent) -> None:
        if not self.enabled:
            return
        if event.kind == "discovered":
            self._line(f"파일 {event.total}개를 찾았습니다.")
            return
        if event.kind == "done":
            if self.tty:
                self.stream.write("\n")
                self.stream.flush()
            return
        total = max(event.total, 1)
        pct = int(event.done * 100 / total)
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw < 0.05 and event.done != event.total:
                return
            self.last_draw = now
            width = shutil.get_terminal_size((80, 20)).columns
            bar_w = 24
            filled = int(bar_w * event.done / total)
            name = os.path.basename(event.path or "")
            text = f"\r[{'#' * filled}{'.' * (bar_w - filled)}] {event.done}/{event.total} {pct:3d}% {name}"
            self.stream.write(text[: width - 1].ljust(width - 1))
            self.stream.flush()
        elif pct // 10 != self.last_pct // 10 or event.status == "failed":
            self.last_pct = pct
            extra = (
                f" (실패: {os.path.basename(event.path or '')})" if event.status == "failed" else ""
            )
            self._line(f"{event.done}/{event.total} ({pct}%){extra}")

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
