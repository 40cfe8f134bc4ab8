"""The intranet catalog page (issue 18): the published copy, Datasette over it, bind and password
rules, writes refused, no values exposed."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from catalog_app.catalog.store import Catalog
from tests.cli_helpers import run, run_json
from tests.serve_helpers import SECRET, LoopbackServer, institution_catalog

pytest.importorskip("datasette")

from catalog_app.serve.publish import build_publish_db  # noqa: E402
from catalog_app.serve.server import (  # noqa: E402
    ServeError,
    check_bind,
    is_loopback,
    make_datasette,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory, template):
    root = tmp_path_factory.mktemp("serve")
    central = institution_catalog(template, root)
    out = root / "pub" / "catalog.db"
    with Catalog(central) as cat:
        published = build_publish_db(cat, out)
    return {"central": central, "db": out, "published": published}


def _get(ds, path: str, **kw):
    async def go():
        return await ds.client.get(path, **kw)

    return asyncio.run(go())


@pytest.fixture(scope="module")
def ds(site):
    d = make_datasette(site["db"])
    asyncio.run(d.invoke_startup())
    return d


def test_published_copy_holds_names_not_values(site):
    data = site["db"].read_bytes()
    assert SECRET.encode() not in data
    with Catalog(site["central"]) as cat:
        samples = [
            s
            for (raw,) in cat.conn.execute("SELECT samples FROM columns")
            for s in json.loads(raw)
            if isinstance(s, str) and len(s) >= 6 and not s.replace(".", "").isdigit()
        ]
    conn = sqlite3.connect(site["db"])
    text = "\n".join(conn.iterdump())
    leaked = [s for s in samples if s in text]
    # a sample can equal a name (a sheet named like a value); never a masked or planted one
    assert SECRET not in text and not [s for s in leaked if "*" in s]
    columns = {r[1] for r in conn.execute("PRAGMA table_info(columns)")}
    assert not columns & {"samples", "top_values", "min_value", "max_value", "예시"}
    assert site["published"].columns == conn.execute("SELECT COUNT(*) FROM columns").fetchone()[0]
    conn.close()


def test_pages_are_korean_with_facets_search_and_links(ds, site):
    home = _get(ds, "/")
    assert home.status_code == 200 and "서울특별시 종로구 데이터 목록" in home.text
    page = _get(
        ds, "/catalog/datasets?_facet=부서&_facet=상태&_facet=공개여부&_facet=개인정보 포함"
    )
    assert page.status_code == 200
    for word in ("데이터셋 (파일)", "교통과", "복지과", "개인정보 포함", "공개여부"):
        assert word in page.text, word
    facets = _get(ds, "/catalog/datasets.json?_facet=부서").json()["facet_results"]
    assert {r["value"] for r in facets["부서"]["results"]} == {"교통과", "복지과"}
    hits = _get(ds, "/catalog/columns.json?_search=인구수&_shape=array").json()
    assert hits and all("인구수" in (h["컬럼명"] + (h["표준용어"] or "")) for h in hits)
    short = _get(ds, "/catalog/search.json?q=인구&_shape=array").json()
    assert short and {h["종류"] for h in short} <= {"데이터셋", "시트", "컬럼"}
    # a dataset's row page links to its sheets and columns; a column links back to its dataset
    row = _get(ds, "/catalog/datasets/1")
    assert (
        "columns?%EB%8D%B0%EC%9D%B4%ED%84%B0%EC%85%8B=1" in row.text
        or "columns?데이터셋=1" in row.text
    )
    cols = _get(ds, "/catalog/columns?데이터셋=1")
    assert 'href="/catalog/datasets/1"' in cols.text


def test_canned_queries(ds, site):
    rates = _get(ds, "/catalog/compliance_by_department.json?_shape=array").json()
    check = {r["name"]: r for r in run_json(site["central"], "check")["rates"]["department"]}
    assert {r["부서"] for r in rates} == set(check)
    for r in rates:
        assert (r["준수 컬럼"], r["점검 컬럼"], r["준수율"]) == (
            check[r["부서"]]["compliant"],
            check[r["부서"]]["checked"],
            check[r["부서"]]["rate"],
        )
    due = _get(ds, "/catalog/due_for_registration.json?days=30&_shape=array").json()
    assert [d["차기 등록 예정일"] for d in due] == ["2020-01-31"]


def test_writes_are_refused(ds, site):
    digest = hashlib.sha256(site["db"].read_bytes()).hexdigest()
    bad = _get(ds, "/catalog?sql=insert+into+datasets(id)+values(9999)")
    assert bad.status_code == 400
    bad = _get(ds, "/catalog?sql=update+datasets+set+부서='x'")
    assert bad.status_code == 400

    async def post():
        return await ds.client.post("/catalog/datasets", data={"id": "9999"})

    try:
        response = asyncio.run(post())
        assert response.status_code >= 400
    except AssertionError as exc:  # Datasette refuses a POST to a table by raising
        assert "canned query" in str(exc) or "status_code" in str(exc)
    assert hashlib.sha256(site["db"].read_bytes()).hexdigest() == digest
    # the file is served immutable: Datasette itself may not write it
    assert not ds.databases["catalog"].is_mutable


@pytest.mark.parametrize(
    "host,ok",
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.5", True),
     ("0.0.0.0", False), ("192.168.0.10", False), ("intranet-pc", False), ("::", False)],
)  # fmt: skip
def test_bind_rules(host, ok):
    assert is_loopback(host) is ok
    if ok:
        check_bind(host, None)
    else:
        with pytest.raises(ServeError) as err:
            check_bind(host, None)
        assert "비밀번호" in str(err.value) and err.value.exit_code == 2
        check_bind(host, "jongno-2026!")


def test_cli_refuses_a_lan_bind_without_password(site, monkeypatch):
    monkeypatch.delenv("CATALOG_APP_SERVE_PASSWORD", raising=False)
    result = run(site["central"], "serve", "--host", "0.0.0.0", code=2)
    assert "비밀번호 없이는 열지 않습니다" in result.stderr


def test_cli_build_only(site, tmp_path):
    out = tmp_path / "p" / "catalog.db"
    result = run(site["central"], "serve", "--build-only", "--out", str(out))
    assert out.is_file() and "만들었습니다" in result.stderr


def test_password_protects_every_page(site):
    with pytest.raises(ServeError):
        make_datasette(site["db"], password="종로-비번-한글")  # browsers cannot send it reliably
    with pytest.raises(ServeError):
        make_datasette(site["db"], password="short")
    protected = make_datasette(site["db"], password="jongno-2026!", username="staff")
    with LoopbackServer(protected.app()) as server:
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(server.url + "/catalog/datasets")
        assert err.value.code == 401
        token = base64.b64encode(b"staff:jongno-2026!").decode()
        req = urllib.request.Request(
            server.url + "/catalog/datasets.json", headers={"Authorization": f"Basic {token}"}
        )
        with urllib.request.urlopen(req) as r:
            assert r.status == 200 and json.loads(r.read())["rows"]
        wrong = base64.b64encode(b"staff:nope").decode()
        req = urllib.request.Request(
            server.url + "/catalog", headers={"Authorization": f"Basic {wrong}"}
        )
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(req)


def test_without_datasette_the_message_says_how_to_install(site, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "datasette", None)
    with pytest.raises(ServeError) as err:
        make_datasette(site["db"])
    assert "catalog-app[serve]" in str(err.value)


def test_default_out_beside_the_catalog(tmp_path):
    from catalog_app.serve.server import default_out

    assert default_out(tmp_path / "c.db") == Path(str(tmp_path / "c.db") + ".serve") / "catalog.db"
