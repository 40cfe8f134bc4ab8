"""Shared by the intranet page tests: an institution catalog merged from two department bundles
(made from the committed corpus fixtures), its published copy, and a real server on loopback."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

from tests.bundle_helpers import department_catalog, export, split_corpus
from tests.cli_helpers import FIXTURES, run

SECRET = "비밀표본값QX7"  # a sample value planted in the catalog: must never reach the page


def institution_catalog(template: Path, root: Path) -> Path:
    """Central catalog: 교통과 and 복지과 bundles merged, institution named, one due date set."""
    folders = split_corpus(FIXTURES / "corpus", root / "files", ("교통과", "복지과"))
    central = root / "central.db"
    shutil.copy(template, central)
    bundles = []
    for dept, folder in folders.items():
        db = department_catalog(template, folder, root / f"{dept}.db")
        bundles.append(export(db, root / f"{dept}.bundle", dept)["bundle"])
    run(central, "bundle", "merge", *bundles, "-q")
    run(central, "institution", "set", "--name", "서울특별시 종로구", "--code", "3000000")
    import sqlite3

    conn = sqlite3.connect(central)
    name = conn.execute("SELECT name FROM datasets ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute(
        "UPDATE columns SET samples = json_array(?) WHERE id = (SELECT MIN(id) FROM columns)",
        (SECRET,),
    )
    conn.commit()
    conn.close()
    run(central, "meta", "set", name, "차기 등록 예정일=2020-01-31", "업데이트주기=연간")
    return central


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackServer:
    """uvicorn serving a Datasette app on 127.0.0.1 in a thread, stopped on exit."""

    def __init__(self, app, port: int | None = None):
        import uvicorn

        self.port = port or free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(15)
