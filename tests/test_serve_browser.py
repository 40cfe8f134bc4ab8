"""The intranet page in a real headless browser (Debian's chromium): the page renders, Korean
text is in the rendered DOM, the search and the facets work, and a screenshot is taken.

Skipped when chromium is not installed (``apt-get install chromium``). ``CATALOG_APP_SCREENSHOTS``
names a folder to keep the screenshots in (docs/screenshots/ was made that way).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest

pytest.importorskip("datasette")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("chromium is not installed", allow_module_level=True)

from catalog_app.catalog.store import Catalog  # noqa: E402
from catalog_app.serve.publish import build_publish_db  # noqa: E402
from catalog_app.serve.server import make_datasette  # noqa: E402
from tests.serve_helpers import LoopbackServer, institution_catalog  # noqa: E402

pytestmark = pytest.mark.slow

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]


def chromium(profile: Path, *args: str, timeout: int = 90) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory, template):
    root = tmp_path_factory.mktemp("browser")
    central = institution_catalog(template, root)
    db = root / "pub" / "catalog.db"
    with Catalog(central) as cat:
        build_publish_db(cat, db)
    ds = make_datasette(db)
    with LoopbackServer(ds.app()) as s:
        yield s


def _dom(tmp_path: Path, url: str) -> str:
    result = chromium(tmp_path / "profile", "--dump-dom", url)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _keep(png: Path) -> None:
    folder = os.environ.get("CATALOG_APP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(folder) / png.name)


def test_search_page_renders_korean(server, tmp_path):
    query = urllib.parse.quote("인구")
    url = f"{server.url}/catalog/search?q={query}"
    dom = _dom(tmp_path, url)
    assert "이름으로 찾기" in dom
    assert "컬럼" in dom and ("교통과" in dom or "복지과" in dom)
    assert "서울특별시 종로구 데이터 목록" in _dom(tmp_path, server.url + "/")
    png = tmp_path / "serve-search.png"
    shot = chromium(tmp_path / "profile2", f"--screenshot={png}", "--window-size=1280,860", url)
    assert shot.returncode == 0 and png.stat().st_size > 20_000, shot.stderr[-2000:]
    _keep(png)


def test_datasets_page_with_facets(server, tmp_path):
    url = f"{server.url}/catalog/datasets"  # the facets come from the metadata
    dom = _dom(tmp_path, url)
    for word in ("데이터셋 (파일)", "부서", "공개여부", "개인정보 포함", "교통과", "복지과"):
        assert word in dom, word
    png = tmp_path / "serve-datasets.png"
    shot = chromium(tmp_path / "profile2", f"--screenshot={png}", "--window-size=1280,900", url)
    assert shot.returncode == 0 and png.stat().st_size > 20_000
    _keep(png)


def test_dataset_row_links_to_its_columns(server, tmp_path):
    dom = _dom(tmp_path, f"{server.url}/catalog/datasets/1")
    assert "columns?" in dom and "sheets?" in dom  # "rows from 데이터셋 in columns / sheets"
