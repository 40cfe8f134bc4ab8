"""Issue 11, hostile inputs: each case of the reliability run is a test here, and a whole folder of
them scans with every file accounted for and no traceback.

Files are generated (tests/hostile_files.py); peak memory is measured by
benchmarks/bench_hostile.py, never asserted here.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

from catalog_app.catalog import queries
from catalog_app.scan import csv_reader, discover
from catalog_app.scan import scanner as scanner_mod
from catalog_app.scan.errors import ScanFailure
from catalog_app.scan.file_scan import scan_file
from catalog_app.scan.names import display_path
from catalog_app.scan.scanner import scan
from catalog_app.scan.xlsx_guard import MAX_SHEET_CELLS, check_xlsx, column_name
from tests import hostile_files as hf
from tests.cli_helpers import HANGUL, run, run_json

# pytest finds fixtures by name; `x as x` marks these imports as intended (ruff F401/F811).


def _fails_with(path: Path, *codes: str) -> ScanFailure:
    with pytest.raises(ScanFailure) as info:
        scan_file(str(path))
    assert info.value.code in codes, (info.value.code, info.value.detail)
    assert HANGUL.search(info.value.message)
    return info.value


# ------------------------------------------------------------------ huge used ranges (xlsx)
def test_far_cell_xfd_is_too_large_before_the_reader_allocates(tmp_path):
    """A1 + XFD1048576 (2 KB): calamine would allocate 17 billion cells and abort."""
    path = hf.far_cell_xlsx(tmp_path / "먼칸.xlsx")
    assert path.stat().st_size < 4096
    failure = _fails_with(path, "too_large")
    assert "A1:XFD1048576" in failure.message and "데이터" in failure.message  # the sheet name


def test_far_cell_cv_is_too_large(tmp_path):
    """A1 + CV1048576 'succeeded' at 3.3 GB before: refused as well (105M cells > the cap)."""
    _fails_with(hf.far_cell_xlsx(tmp_path / "cv.xlsx", far="CV1048576"), "too_large")


def test_cells_without_positions_are_followed_exactly(tmp_path):
    """Rows and cells without r: 4 KB that become 200,002 x 3,000 cells in the reader."""
    path = hf.implicit_positions_xlsx(tmp_path / "위치없음.xlsx")
    extent = check_xlsx(str(path), max_cells=10**12)["xl/worksheets/sheet1.xml"]
    assert (extent.rows, extent.cols) == (200_002, 3_000)
    _fails_with(path, "too_large")


def test_far_formatting_is_not_data_and_the_table_is_read(tmp_path):
    """Excel writes styled empty cells far out (whole rows formatted): the reader ignores them,
    so must the guard; the table itself is read."""
    path = hf.far_style_xlsx(tmp_path / "서식.xlsx")
    extent = check_xlsx(str(path))["xl/worksheets/sheet1.xml"]
    assert (extent.rows, extent.cols) == (4, 2)
    (table,) = scan_file(str(path)).tables
    assert [c.label for c in table.columns] == ["구분", "값"] and table.row_count == 3


def test_used_range_of_a_real_table_is_exact(tmp_path):
    rows = "".join(
        f'<row r="{r}">' + "".join(hf.cell(f"{column_name(c)}{r}", "x") for c in (1, 30)) + "</row>"
        for r in range(1, 1001)
    )
    path = hf.write_xlsx(tmp_path / "t.xlsx", hf.sheet_xml(rows))
    extent = check_xlsx(str(path))["xl/worksheets/sheet1.xml"]
    assert (extent.rows, extent.cols, extent.ref) == (1000, 30, "A1:AD1000")
    # One cell out of order, far down in the middle of the file, is still found.
    late = rows.replace('<row r="500">', f'<row r="500">{hf.cell("AZ900000", "x")}', 1)
    path = hf.write_xlsx(tmp_path / "late.xlsx", hf.sheet_xml(late))
    extent = check_xlsx(str(path), max_cells=10**12)["xl/worksheets/sheet1.xml"]
    assert (extent.rows, extent.cols) == (900_000, 52)
    assert extent.area > MAX_SHEET_CELLS
    _fails_with(path, "too_large")


def test_zip_that_lies_about_its_sizes_is_stopped_by_the_streamed_count(tmp_path):
    """Declared 1,000 bytes, really 80 MB: reading stops past the cap, not at the end."""
    path = hf.lying_zip_xlsx(tmp_path / "속임.xlsx")
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("xl/worksheets/sheet1.xml").file_size == 1000
    assert path.stat().st_size < 1 << 20
    failure = _fails_with(path, "zip_bomb")
    assert "실제" in failure.detail


def test_entry_whose_real_size_differs_from_the_directory_is_corrupt(tmp_path):
    path = hf.write_xlsx(tmp_path / "다름.xlsx", hf.sheet_xml(hf.table_rows()))
    hf.lie_about_sheet(path, 100)
    failure = _fails_with(path, "corrupt")
    assert "100" in failure.detail


def test_declared_zip_bomb_still_refused(tmp_path):
    _fails_with(hf.zip_bomb_xlsx(tmp_path / "폭탄.xlsx"), "zip_bomb")


# -------------------------------------------------------------------------- CSV records
def test_one_line_of_two_million_fields_ends_at_once(tmp_path):
    """`1,1,1,…` (4 MB, 2M fields) took > 120 s and > 2.3 GB: now a per-file error."""
    path = hf.wide_line_csv(tmp_path / "긴줄.csv")
    assert path.stat().st_size == 4_000_000
    failure = _fails_with(path, "too_many_fields")
    assert "2,000,000" in failure.detail


def test_a_monster_row_below_the_header_is_cut_and_left_out(tmp_path):
    path = hf.wide_row_later_csv(tmp_path / "중간.csv")
    (table,) = scan_file(str(path)).tables
    assert [c.label for c in table.columns] == ["구분", "값", "비고"]
    assert table.row_count == 150 and table.ragged_rows == 1
    assert any("16,384" in w for w in table.warnings)


def test_record_length_is_capped_on_every_line(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_reader, "MAX_RECORD_CHARS", 64 * 1024)
    monkeypatch.setattr(csv_reader, "MAX_LINE_CHARS", 64 * 1024)
    # A long line that is not the first one (the first-line check used to be the only guard).
    path = tmp_path / "둘째줄.csv"
    path.write_text("a,b\n" + "x" * 100_000 + ",1\n", encoding="ascii")
    _fails_with(path, "line_too_long")
    # Many short lines that are one record (an unclosed quote).
    _fails_with(hf.long_record_csv(tmp_path / "따옴표.csv", 40_000), "line_too_long")


def test_unclosed_quote_full_size(tmp_path):
    _fails_with(hf.long_record_csv(tmp_path / "따옴표.csv"), "line_too_long", "field_too_long")


# --------------------------------------------------------------------------- odd entries
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux keeps raw byte names")
def test_name_that_is_not_utf8_is_a_row_and_the_scan_goes_on(tmp_path, catalog):
    folder = tmp_path / "공유"
    folder.mkdir()
    raw = os.fsencode(str(folder)) + b"/" + "가나.csv".encode("cp949")
    with open(raw, "wb") as fh:
        fh.write("구분,값\n가,1\n".encode())
    (folder / "하.csv").write_text("구분,값\n나,2\n", encoding="utf-8")  # sorts after it
    summary = scan(catalog, [str(folder)])
    assert summary.status == "done" and summary.counts["new"] == 2
    shown = display_path(os.fsdecode(raw))
    assert shown.endswith("\\xb0\\xa1\\xb3\\xaa.csv")
    row = catalog.dataset_by_path(shown)
    assert row["status"] == "ok" and row["name"] == "\\xb0\\xa1\\xb3\\xaa.csv"
    assert "유니코드" in json.loads(row["warnings"])[0]
    assert "CP949로 읽으면 '가나.csv'" in json.loads(row["warnings"])[0]
    assert catalog.dataset_by_path(str(folder / "하.csv"))["status"] == "ok"
    again = scan(catalog, [str(folder)])
    assert again.counts["unchanged"] == 2 and again.counts["missing"] == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux keeps raw byte names")
def test_escaped_names_keep_readable_parts_and_escape_whole_parts():
    raw = "/자료/공유/".encode() + "한글이름.csv".encode("cp949")
    shown = display_path(os.fsdecode(raw))
    # Some CP949 byte pairs are valid UTF-8 by chance: the whole part is escaped, not a mix.
    assert shown == "/자료/공유/\\xc7\\xd1\\xb1\\xdb\\xc0\\xcc\\xb8\\xa7.csv"
    assert display_path("/자료/보통.csv") == "/자료/보통.csv"
    from catalog_app.scan.names import cp949_guess

    assert cp949_guess(os.fsdecode(raw)) == "한글이름.csv"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux keeps raw byte names")
def test_cli_prints_and_serialises_an_escaped_name(tmp_path):
    folder = tmp_path / "공유"
    folder.mkdir()
    with open(os.fsencode(str(folder)) + b"/\xb0\xa1.csv", "wb") as fh:
        fh.write(b"a,b\n1,2\n")
    db = tmp_path / "c.db"
    out = run_json(db, "scan", str(folder))
    assert out["datasets"][0]["name"] == "\\xb0\\xa1.csv"
    assert "\\xb0\\xa1.csv" in run(db, "list").stdout
    assert "그대로 1" in run(db, "scan", str(folder)).stdout  # progress and summary print fine


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_named_csv_is_a_row_and_does_not_hang(tmp_path, catalog):
    folder = tmp_path / "f"
    folder.mkdir()
    os.mkfifo(folder / "x.csv")
    (folder / "y.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    summary = scan(catalog, [str(folder)])
    assert {(Path(p).name, c) for p, c, _ in summary.failed} == {("x.csv", "not_a_file")}
    assert catalog.dataset_by_path(str(folder / "x.csv"))["error_code"] == "not_a_file"
    # Given as a root of its own too.
    summary = scan(catalog, [str(folder / "x.csv")])
    assert summary.failed[0][1] == "not_a_file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_file_replaced_by_a_fifo_after_listing_does_not_block(tmp_path):
    fifo = tmp_path / "늦은.csv"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        discover.fingerprint_hash(fifo)  # opened non-blocking and refused


def test_links_dangling_and_leading_out_are_rows(tmp_path, catalog):
    folder = tmp_path / "링크"
    folder.mkdir()
    outside = tmp_path / "시스템" / "비밀.csv"
    outside.parent.mkdir()
    outside.write_text("비밀,값\n가,1\n", encoding="utf-8")
    if not (
        hf.symlink(folder / "깨진.csv", folder / "없음.csv")
        and hf.symlink(folder / "밖.csv", outside)
    ):
        pytest.skip("symlinks not available")
    (folder / "안.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    summary = scan(catalog, [str(folder)])
    codes = {Path(p).name: c for p, c, _ in summary.failed}
    assert codes == {"깨진.csv": "broken_link", "밖.csv": "link_outside"}
    outside_row = catalog.dataset_by_path(str(folder / "밖.csv"))
    assert outside_row["table_count"] == 0  # never profiled
    assert not catalog.conn.execute("SELECT 1 FROM columns WHERE label = '비밀'").fetchone()
    # Asked for: the link is followed.
    summary = scan(catalog, [str(folder)], follow_links=True)
    assert {Path(p).name for p, _, _ in summary.failed} == {"깨진.csv"}
    assert catalog.dataset_by_path(str(folder / "밖.csv"))["status"] == "ok"


def test_cli_follow_links_flag(tmp_path):
    folder = tmp_path / "링크"
    folder.mkdir()
    target = tmp_path / "원본.csv"
    target.write_text("a,b\n1,2\n", encoding="utf-8")
    if not hf.symlink(folder / "l.csv", target):
        pytest.skip("symlinks not available")
    db = tmp_path / "c.db"
    out = run_json(db, "scan", str(folder), code=1)
    assert [f["code"] for f in out["failed"]] == ["link_outside"]
    out = run_json(db, "scan", str(folder), "--follow-links")
    assert out["failed"] == [] and out["counts"]["changed"] == 1


def test_unreadable_folder_is_a_row_and_its_files_do_not_go_missing(tmp_path, catalog, monkeypatch):
    folder = tmp_path / "자료"
    (folder / "잠김").mkdir(parents=True)
    (folder / "잠김" / "안.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "밖.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert scan(catalog, [str(folder)]).counts["new"] == 2
    blocked = str(folder / "잠김")
    real_scandir = os.scandir

    def fake_scandir(path):
        if os.fspath(path) == blocked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(discover.os, "scandir", fake_scandir)
    summary = scan(catalog, [str(folder)])
    assert [(p, c) for p, c, _ in summary.failed] == [(blocked, "folder_unreadable")]
    assert summary.counts["missing"] == 0
    inner = catalog.dataset_by_path(str(folder / "잠김" / "안.csv"))
    assert inner["status"] == "ok"  # not known to be gone
    row = catalog.conn.execute(
        "SELECT * FROM scan_errors WHERE run_id = ? AND dataset_id IS NULL", (summary.run_id,)
    ).fetchone()
    assert row["path"] == blocked and HANGUL.search(row["message"])


@pytest.mark.skipif(
    os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="needs POSIX permissions enforced (not root)",
)
def test_unreadable_folder_real_permissions(tmp_path, catalog):
    folder = tmp_path / "자료"
    (folder / "잠김").mkdir(parents=True)
    (folder / "잠김" / "안.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    hf.lock_folder(folder / "잠김")
    try:
        summary = scan(catalog, [str(folder)])
    finally:
        (folder / "잠김").chmod(0o755)
    assert [(Path(p).name, c) for p, c, _ in summary.failed] == [("잠김", "folder_unreadable")]


def test_too_deep_folder_is_a_row(tmp_path, catalog):
    deep = tmp_path / "깊이"
    for _ in range(discover.MAX_DEPTH + 3):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "바닥.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "깊이" / "위.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    summary = scan(catalog, [str(tmp_path / "깊이")])
    assert summary.counts["new"] == 1
    [(path, code, message)] = summary.failed
    assert code == "too_deep" and path.count(os.sep + "d") == discover.MAX_DEPTH + 1
    assert HANGUL.search(message)


def test_any_per_file_failure_is_caught_per_file(tmp_path, catalog, monkeypatch):
    folder = tmp_path / "여러"
    folder.mkdir()
    for name in ("가.csv", "나.csv", "다.csv"):
        (folder / name).write_text("a,b\n1,2\n", encoding="utf-8")
    real_scan_file = scanner_mod.scan_file
    real_save = catalog.save_file_result

    def scan_file_with_a_bug(path, overrides=None, cancel=None):
        if path.endswith("가.csv"):
            raise RecursionError("reader bug")
        return real_scan_file(path, overrides, cancel)

    def save_with_a_bug(file, *args, **kwargs):
        if file.path.endswith("나.csv"):
            raise ValueError("cannot store this")
        return real_save(file, *args, **kwargs)

    monkeypatch.setattr(scanner_mod, "scan_file", scan_file_with_a_bug)
    monkeypatch.setattr(catalog, "save_file_result", save_with_a_bug)
    summary = scan(catalog, [str(folder)])
    assert summary.status == "done"
    assert {(Path(p).name, c) for p, c, _ in summary.failed} == {
        ("가.csv", "read_error"),
        ("나.csv", "read_error"),
    }
    assert catalog.dataset_by_path(str(folder / "다.csv"))["status"] == "ok"
    assert catalog.dataset_by_path(str(folder / "나.csv"))["status"] == "error"


# ------------------------------------------------------------------- the whole folder
@pytest.mark.slow
def test_hostile_folder_every_file_accounted_for(tmp_path, catalog, monkeypatch):
    root = tmp_path / "적대"
    files, folders = hf.make_hostile_folder(root)
    locked = next(p for p, codes in folders.items() if "folder_unreadable" in codes)
    real_scandir = os.scandir

    def fake_scandir(path):  # tests run as root here: permissions would not bind
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(discover.os, "scandir", fake_scandir)
    summary = scan(catalog, [str(root)])
    assert summary.status == "done"
    rows = {
        r["rel_path"]: r
        for r in catalog.conn.execute("SELECT * FROM datasets WHERE root_id IS NOT NULL")
    }
    expected = {display_path(rel): codes for rel, codes in files.items()}
    assert set(rows) == set(expected), "every file is a row, nothing else is"
    for rel, codes in expected.items():
        row = rows[rel]
        if codes:
            assert row["status"] == "error" and row["error_code"] in codes, (rel, row["error_code"])
            assert HANGUL.search(row["error_message"]), rel
        else:
            assert row["status"] == "ok", (rel, row["error_code"], row["error_message"])
    folder_errors = {
        r["path"]: r["code"]
        for r in catalog.conn.execute(
            "SELECT path, code FROM scan_errors WHERE dataset_id IS NULL AND run_id = ?",
            (summary.run_id,),
        )
    }
    assert folder_errors == {p: next(iter(c)) for p, c in folders.items()}
    assert summary.counts["total"] == len(files)
    assert summary.counts["new"] + summary.counts["failed"] == len(files)
    # The personal first row did not become labels.
    people = rows["머리글없는명단.csv"]
    detail = queries.dataset_detail(catalog, people["id"])
    assert [c["label"] for c in detail["tables"][0]["columns"]] == [f"열{i}" for i in range(1, 6)]
    # A second scan changes nothing and still accounts for everything.
    again = scan(catalog, [str(root)])
    assert again.counts["total"] == len(files) and again.counts["missing"] == 0


@pytest.mark.slow
def test_hostile_folder_from_the_command_line_has_no_traceback(tmp_path):
    root = tmp_path / "적대"
    files, folders = hf.make_hostile_folder(root)
    locked = next(Path(p) for p, codes in folders.items() if "folder_unreadable" in codes)
    if not hf.lock_folder(locked):  # as root the folder stays readable: its file is read
        files[str(Path(locked.name) / "안쪽.csv")] = set()
    db = tmp_path / "c.db"
    try:
        result = run(db, "scan", str(root), "--json", code=1)
    finally:
        locked.chmod(0o755)
    out = json.loads(result.stdout)
    assert out["counts"]["total"] == len(files)
    assert "Traceback" not in result.stdout + (result.stderr or "")
    codes = {f["code"] for f in out["failed"]}
    assert {"too_large", "zip_bomb", "too_many_fields", "too_deep"} <= codes


# ----------------------------------------------------------------------- README contract
def test_readme_documents_every_error_code_and_the_new_exit_codes():
    import re

    from catalog_app.scan.errors import MESSAGES
    from tests.cli_helpers import DOCS, ERROR_CODES

    text = DOCS.read_text(encoding="utf-8")
    listed = re.search(r"- error codes: (.*?)\(see", text, re.S)
    assert listed, "README: error code list not found"
    documented = set(re.findall(r"`(\w+)`", listed.group(1)))
    assert documented == set(MESSAGES) == ERROR_CODES
    exits = text.split("Exit codes: `0` success", 1)[1].split("\n\n", 1)[0]
    assert "`3` another job" in exits and "`4` a full disk" in exits
    assert "--follow-links" in text
