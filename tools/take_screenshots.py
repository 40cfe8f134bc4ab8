"""Screenshots of the window at 1280×720 under a real X server (Xvfb), for docs/screenshots/.

    .venv/bin/python tools/take_screenshots.py            # needs Xvfb and ImageMagick's import
    .venv/bin/python tools/take_screenshots.py --out /tmp/shots --keep-catalog /tmp/c.db

Issue 15 asks for the pages that changed, as a clerk sees them on a 1280×720 screen: the script
starts Xvfb with a 1280×720 screen, opens the app on a catalog of the real corpus
(``../shared/corpus``) split into five department folders — the test fixtures when the corpus is
absent — puts the window at the whole screen (no window manager, so no frame) and captures the
root window with ``import -window root`` after each scene is prepared. PNGs are reduced to 256
colours so the repository stays small. Debian packages: xvfb imagemagick libxcb-cursor0
libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0
libxcb-shape0 libxcb-randr0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"
DEPARTMENTS = ("총무과", "복지정책과", "교통행정과", "문화관광과", "환경과")
WIDTH, HEIGHT = 1280, 720


def start_xvfb() -> tuple[subprocess.Popen, str]:
    for number in range(91, 140):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        display = f":{number}"
        proc = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return proc, display
            time.sleep(0.05)
        proc.kill()
    raise RuntimeError("Xvfb did not start")


def build_catalog(path: Path) -> None:
    """The corpus (else the fixtures) split over five department folders, scanned and mapped."""
    from catalog_app.catalog.store import Catalog
    from catalog_app.dictionary.institution import InstitutionEditor
    from catalog_app.dictionary.model import Term
    from catalog_app.dictionary.store import DictionaryStore
    from catalog_app.disclosure.metadata import MetadataStore
    from catalog_app.scan.scanner import scan

    source = (
        CORPUS if (CORPUS / "MANIFEST.csv").is_file() else REPO / "tests" / "fixtures" / "sample"
    )
    files = sorted(
        p
        for p in source.rglob("*")
        if p.is_file() and p.suffix.lower() in (".csv", ".xls", ".xlsx")
    )
    data = path.parent / "부서공유"
    for i, file in enumerate(files):
        folder = data / DEPARTMENTS[i % len(DEPARTMENTS)]
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(file, folder / file.name)
    with Catalog(path) as catalog:
        DictionaryStore(catalog).ensure_shipped()
        scan(catalog, [str(data)])
        MetadataStore(catalog).set_institution({"name": "서울특별시 종로구", "code": "3000000"})
        InstitutionEditor(DictionaryStore(catalog), "표준담당").propose(
            Term("축제종류명", "FSTVL_KIND_NM", "명V100"), "축제.xlsx/축제종류"
        )
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--keep-catalog", type=Path, help="build (or reuse) the catalog here")
    args = parser.parse_args()
    if shutil.which("Xvfb") is None or shutil.which("import") is None:
        print("Xvfb and ImageMagick (import) are needed", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="shots_"))
    catalog = args.keep_catalog or work / "catalog.db"
    if not catalog.exists():
        build_catalog(catalog)
    xvfb, display = start_xvfb()
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.pop("WAYLAND_DISPLAY", None)
    try:
        return _shoot(catalog, args.out, work)
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def _shoot(catalog: Path, out: Path, work: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "qs"))
    app = QApplication([])
    from ui.app import configure_app
    from ui.language import switch_language

    configure_app(app, "ko")
    from ui import dialogs
    from ui.main_window import MainWindow

    dialogs.show_info = lambda *a, **k: None  # nothing modal may stop the script
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(str(catalog))
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()

    def settle(condition=lambda: True, seconds: float = 60.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not condition():
            app.processEvents()
            time.sleep(0.02)
        for _ in range(30):
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str) -> None:
        settle()
        target = out / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        subprocess.run(["convert", str(target), "-colors", "256", f"PNG8:{target}"], check=True)
        print(f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}")

    # 현황: five departments at 1280×720, scrolled to the department chart
    overview = window.show_page("overview")
    settle(lambda: overview.figures_ready)
    shot("15-overview-1280x720")
    # 스캔: what comes next after a scan
    scan = window.show_page("scan")
    scan.show_next_steps()
    shot("15-scan-next-steps")
    # 카탈로그 with the 머리글 행 지정 dialog over it
    page = window.show_page("catalog")
    page.show_filtered(status="ok")
    for r in range(page.datasets.rowCount()):
        if "인구" in (page.datasets.index(r, 0).data() or ""):
            page.dataset_view.selectRow(r)
            break
    settle()
    detail, table = page.detail.detail, page.detail.current_table()
    from catalog_app.scan.preview import table_preview
    from ui.header_dialog import HeaderDialog

    def load(done, failed):
        window.ctx.runner.submit(
            lambda cat: table_preview(cat, detail["id"], table["key"]), done, failed
        )

    dialog = HeaderDialog(table, load, window)
    dialog.move(180, 90)
    dialog.show()
    settle(lambda: dialog.preview is not None)
    shot("15-header-dialog")
    dialog.close()
    # 공개목록: the check, grouped by dataset and field
    disclosure = window.show_page("disclosure")
    disclosure.validate()
    settle(lambda: not disclosure.busy(), 120)
    shot("15-disclosure-grouped")
    # 공개 항목: a jump from a problem, with 다음/이전 문제, the form at full height
    problem = next(p for p in disclosure.problems_shown if p["level"] == "dataset")
    disclosure.open_problem(problem)
    metadata = window.pages["metadata"]
    settle(lambda: not metadata.form.is_busy() and metadata.form._loaded_id is not None)
    shot("15-metadata-form")
    # 공개 항목 grid
    metadata.tabs.setCurrentWidget(metadata.grid)
    settle(lambda: metadata.grid.loaded and not metadata.grid.busy())
    shot("15-metadata-grid")
    # 매핑 검토: bulk accept over the filtered rows, the detail with one domain
    mapping = window.show_page("mapping")
    mapping.filter_bar.search_box.setText("코드")
    settle(lambda: mapping.model.filters.text == "코드")
    for r in range(mapping.model.rowCount()):
        if mapping.model.row(r)["label"] == "외부코드":
            mapping.view.selectRow(r)
            break
    shot("15-mapping")
    # 표준사전: 기관표준 with the entry dialog and its rules' findings
    dictionary = window.show_page("dictionary")
    dictionary.tabs.setCurrentWidget(dictionary.institution)
    settle(lambda: dictionary.institution.loaded)
    entry = dictionary.institution._dialog("term")
    entry.fields["name"].setText("축제종류명")
    entry.fields["abbr"].setText("FSTVL_KIND_NM")
    entry.fields["domain"].setText("명V100")
    entry.move(360, 80)
    entry.show()
    entry.run_check()
    settle(lambda: "검사하는 중" not in entry.state.text())
    shot("15-dictionary-entry")
    entry.close()
    dictionary.tabs.setCurrentWidget(dictionary.review)
    settle(lambda: dictionary.review.loaded)
    shot("15-dictionary-review")
    # 도움말 › 단축키
    from ui.shortcuts import ShortcutsDialog

    keys = ShortcutsDialog(window)
    keys.move(330, 60)
    keys.show()
    shot("15-shortcuts")
    keys.close()
    # English: the core's messages too
    switch_language(app, "en")
    disclosure = window.show_page("disclosure")
    disclosure.validate()
    settle(lambda: not disclosure.busy(), 120)
    shot("15-disclosure-english")
    switch_language(app, "ko")
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
