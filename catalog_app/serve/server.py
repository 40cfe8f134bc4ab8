"""`catalog-app serve`: the published catalog on Datasette, read-only.

Datasette (an existing, well-kept SQLite server) serves the browsing copy built by ``publish``,
opened immutable (read-only, never locked, never written). It binds to 127.0.0.1 unless told
otherwise; any other address is refused without a password, and with one every request needs it
(HTTP basic auth of datasette-auth-passwords, the password stored only as a PBKDF2 hash). Datasette
is an optional extra (``pip install 'catalog-app[serve]'``): only the PC that serves needs it.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable
from pathlib import Path

from catalog_app.serve.metadata import DB, build_metadata

PASSWORD_ENV = "CATALOG_APP_SERVE_PASSWORD"


class ServeError(Exception):
    """Serving refused or impossible; the message is Korean."""

    def __init__(self, message: str, exit_code: int = 1):
        self.exit_code = exit_code
        super().__init__(message)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and 'localhost' only reach this PC; everything else is the network."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to a LAN address


def check_password(password: str | None) -> None:
    """Browsers send basic-auth credentials in different encodings and the plugin reads ASCII:
    a 한글 password could never be typed in. Refused up front instead."""
    if password is not None and (not password.isascii() or len(password) < 8):
        raise ServeError(
            "비밀번호는 영문·숫자·기호로 8자 이상이어야 합니다 (한글 비밀번호는 브라우저가 "
            "보내는 방식이 제각각이라 쓸 수 없습니다).",
            exit_code=2,
        )


def check_bind(host: str, password: str | None) -> None:
    check_password(password)
    if not is_loopback(host) and not password:
        raise ServeError(
            f"'{host}' 주소로 열면 같은 망의 다른 PC에서 접속할 수 있습니다. 비밀번호 없이는 열지 "
            "않습니다: --password 로 비밀번호를 정하거나 (또는 환경 변수 "
            f"{PASSWORD_ENV}), 이 PC에서만 보려면 --host 127.0.0.1 로 여세요.",
            exit_code=2,
        )


def _require_datasette():
    try:
        import datasette  # noqa: F401
    except ImportError as exc:
        raise ServeError(
            "이 설치에는 인트라넷 페이지 기능(Datasette)이 없습니다. 페이지를 여는 PC에서 "
            "pip install 'catalog-app[serve]' 로 설치하세요."
        ) from exc


def default_out(catalog_path: str | os.PathLike) -> Path:
    return Path(str(catalog_path) + ".serve") / f"{DB}.db"


def make_datasette(
    db_path: str | os.PathLike,
    *,
    password: str | None = None,
    username: str = "staff",
):
    """A Datasette over the published file (immutable), with Korean metadata."""
    _require_datasette()
    import sqlite3

    from datasette.app import Datasette

    uri = f"{Path(db_path).absolute().as_uri()}?mode=ro&immutable=1"
    with sqlite3.connect(uri, uri=True) as conn:
        facts = dict(conn.execute("SELECT key, value FROM published").fetchall())
    check_password(password)
    password_hash = None
    if password:
        from datasette_auth_passwords.utils import hash_password

        password_hash = hash_password(password)
    metadata = build_metadata(
        facts.get("institution", ""),
        username=username,
        password_hash=password_hash,
        unsuggested=int(facts.get("unsuggested") or 0),
        published_at=facts.get("published_at", ""),
    )
    return Datasette(
        immutables=[str(db_path)],
        metadata=metadata,
        settings={
            "default_page_size": 50,
            "sql_time_limit_ms": 2000,
            "allow_download": False,
            "suggest_facets": False,
            "default_allow_sql": True,
        },
    )


def serve(
    catalog_path: str | os.PathLike,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    password: str | None = None,
    username: str = "staff",
    out: str | os.PathLike | None = None,
    build_only: bool = False,
    echo: Callable[[str], None] = print,
) -> Path:
    """Build the published copy of the catalog and serve it until interrupted."""
    check_bind(host, password)
    if not build_only:
        _require_datasette()
    from catalog_app.catalog.store import Catalog
    from catalog_app.serve.publish import build_publish_db

    target = Path(out) if out else default_out(catalog_path)
    echo("공개용 읽기 전용 DB를 만드는 중…")
    with Catalog(catalog_path) as catalog:
        published = build_publish_db(catalog, target)
    echo(
        f"만들었습니다: {published.path} (데이터셋 {published.datasets:,}, 컬럼 "
        f"{published.columns:,}, 부서 {published.departments})"
    )
    if build_only:
        return target
    import asyncio

    import uvicorn

    ds = make_datasette(target, password=password, username=username)
    asyncio.run(ds.invoke_startup())
    shown = f"[{host}]" if ":" in host else host
    echo(f"http://{shown}:{port}/{DB} 에서 봅니다 (끝내려면 Ctrl+C).")
    if password:
        echo(f"사용자 이름 '{username}' 과 정한 비밀번호로 접속합니다.")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
    return target
