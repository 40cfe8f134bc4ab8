"""discover: which files a scan sees, in which order, and what it does with unreadable folders."""

from __future__ import annotations

import csv
import hashlib
import os
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from catalog_app.scan import discover as discover_mod
from catalog_app.scan.discover import (
    SUPPORTED_EXTENSIONS,
    DiscoveryReport,
    discover,
    fingerprint_hash,
    is_supported,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


def touch(path: Path, data: bytes = b"a,b\n1,2\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "기관 자료"
    for rel in [
        "인구 현황.csv",
        "B.XLSX",
        "a.xls",
        "매크로.xlsm",
        "탭.tsv",
        "메모.txt",
        "하위 폴더/2024년/주차장 정보.csv",
        "하위 폴더/목록.xlsx",
        "z/끝.csv",
    ]:
        touch(root / rel)
    for rel in [
        "~$인구 현황.xlsx",  # Office lock file
        ".숨김.csv",
        "Thumbs.db",
        "desktop.ini",
        "보고서.hwp",
        "사진.png",
        "압축.zip",
        "확장자없음",
        ".git/config.csv",
        ".숨김폴더/자료.csv",
        "$RECYCLE.BIN/지운 파일.csv",
        "__MACOSX/._목록.xlsx",
    ]:
        touch(root / rel)
    return root


def test_finds_supported_files_in_order(tree):
    found = list(discover([tree]))
    assert [f.rel_path for f in found] == [
        "a.xls",
        "B.XLSX",
        "매크로.xlsm",
        "메모.txt",
        "인구 현황.csv",
        "탭.tsv",
        "z/끝.csv",
        "하위 폴더/목록.xlsx",
        "하위 폴더/2024년/주차장 정보.csv",
    ]


def test_fields(tree):
    f = next(x for x in discover([tree]) if x.rel_path.endswith("주차장 정보.csv"))
    assert f.root == str(tree)
    assert f.path == os.path.join(str(tree), "하위 폴더", "2024년", "주차장 정보.csv")
    assert os.path.isabs(f.path) and os.path.isabs(f.root)
    assert f.rel_path == "하위 폴더/2024년/주차장 정보.csv"
    st = os.stat(f.path)
    assert (f.size, f.mtime_ns) == (st.st_size, st.st_mtime_ns)


def test_deterministic(tree):
    assert list(discover([tree])) == list(discover([str(tree)]))


def test_relative_root_becomes_absolute(tree, monkeypatch):
    monkeypatch.chdir(tree.parent)
    found = list(discover([tree.name]))
    assert found and all(f.root == str(tree) and os.path.isabs(f.path) for f in found)


def test_several_roots_and_file_root(tree, tmp_path):
    single = touch(tmp_path / "따로 둔 파일.XLS")
    lock = touch(tmp_path / "~$잠금.xlsx")
    other = touch(tmp_path / "그림.png")
    found = list(discover([single, tree / "z", lock, other]))
    assert [(f.root, f.rel_path) for f in found] == [
        (str(single), "따로 둔 파일.XLS"),
        (str(tree / "z"), "끝.csv"),
    ]
    assert found[0].path == str(single)


def test_extensions_case_insensitive():
    assert {
        ".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"
    } == SUPPORTED_EXTENSIONS  # fmt: skip
    assert is_supported("DATA.CSV") and is_supported("통계.Xlsx") and is_supported("통계.XLSB")
    assert is_supported("통계.ods") and is_supported("통계.xlsm") and is_supported("통계.tsv")
    assert not is_supported("~$통계.xlsx") and not is_supported(".x.csv")
    assert not is_supported("통계.numbers") and not is_supported("csv")


def test_missing_root_is_reported(tmp_path):
    report = DiscoveryReport()
    assert list(discover([tmp_path / "없는 폴더"], on_error=report)) == []
    [(path, exc)] = report.errors
    assert path == str(tmp_path / "없는 폴더")
    assert isinstance(exc, FileNotFoundError)


def test_unreadable_directory_is_skipped_and_reported(tree, monkeypatch):
    blocked = str(tree / "하위 폴더")
    real_scandir = os.scandir

    def fake_scandir(path):
        if path == blocked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(discover_mod.os, "scandir", fake_scandir)
    errors = []
    found = [f.rel_path for f in discover([tree], on_error=lambda p, e: errors.append((p, e)))]
    assert "z/끝.csv" in found and not any(r.startswith("하위 폴더") for r in found)
    assert [(p, type(e)) for p, e in errors] == [(blocked, PermissionError)]
    # Without a callback the folder is skipped silently.
    assert [f.rel_path for f in discover([tree])] == found


@pytest.mark.skipif(
    os.name == "nt" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="needs POSIX permissions enforced (not root)",
)
def test_unreadable_directory_real_permissions(tree):
    locked = tree / "z"
    locked.chmod(0)
    try:
        report = DiscoveryReport()
        found = [f.rel_path for f in discover([tree], on_error=report)]
    finally:
        locked.chmod(0o755)
    assert "z/끝.csv" not in found
    assert [p for p, _ in report.errors] == [str(locked)]


def _symlink(link: Path, target: Path, is_dir: bool) -> None:
    try:
        link.symlink_to(target, target_is_directory=is_dir)
    except (OSError, NotImplementedError):
        pytest.skip("symlinks not available")


def test_directory_symlinks_are_not_followed(tree):
    _symlink(tree / "z" / "loop", tree, is_dir=True)  # would loop forever if followed
    found = [f.rel_path for f in discover([tree])]
    assert len(found) == len(set(found)) == 9
    assert not any("loop" in r for r in found)


def test_file_symlink_out_of_the_tree_is_listed_but_not_followed(tree, tmp_path):
    """A link to a file outside the scanned folder is a row with a reason, never read; with
    ``follow_links`` it is listed unresolved with the size of its target."""
    target = touch(tmp_path / "원본" / "진짜.csv", b"x,y\n")
    _symlink(tree / "바로가기.csv", target, is_dir=False)
    f = next(x for x in discover([tree]) if x.rel_path == "바로가기.csv")
    assert f.path == str(tree / "바로가기.csv")
    assert (f.problem, f.problem_detail) == ("link_outside", str(target))
    f = next(x for x in discover([tree], follow_links=True) if x.rel_path == "바로가기.csv")
    assert f.path == str(tree / "바로가기.csv") and f.problem is None
    assert f.size == 4


def test_file_symlink_inside_the_tree_is_followed(tree):
    _symlink(tree / "바로가기.csv", tree / "z" / "끝.csv", is_dir=False)
    f = next(x for x in discover([tree]) if x.rel_path == "바로가기.csv")
    assert f.problem is None


def test_broken_symlink_is_listed_with_its_reason(tree):
    _symlink(tree / "깨진.csv", tree / "없음.csv", is_dir=False)
    [f] = [f for f in discover([tree]) if f.rel_path == "깨진.csv"]
    assert f.problem == "broken_link"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_named_like_a_csv_is_listed_not_opened(tree):
    os.mkfifo(tree / "x.csv")
    [f] = [f for f in discover([tree]) if f.rel_path == "x.csv"]
    assert f.problem == "not_a_file" and "FIFO" in f.problem_detail
    [f] = list(discover([tree / "x.csv"]))  # given as a root
    assert f.problem == "not_a_file"


def test_folders_deeper_than_the_limit_are_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(discover_mod, "MAX_DEPTH", 3)
    deep = tmp_path / "a" / "b" / "c" / "d" / "e"
    touch(deep / "깊은.csv")
    touch(tmp_path / "a" / "b" / "얕은.csv")
    report = DiscoveryReport()
    found = [f.rel_path for f in discover([tmp_path], on_error=report)]
    assert found == ["a/b/얕은.csv"]
    [(path, exc)] = report.errors
    assert path == str(tmp_path / "a" / "b" / "c" / "d") and isinstance(exc, discover_mod.TooDeep)


def test_root_symlink_is_followed(tree, tmp_path):
    link = tmp_path / "링크 루트"
    _symlink(link, tree, is_dir=True)
    found = list(discover([link]))
    assert len(found) == 9 and found[0].root == str(link)
    assert found[0].path.startswith(str(link) + os.sep)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux keeps raw byte names")
def test_cp949_bytes_file_name(tmp_path):
    # A zip from a Windows PC unpacked on Linux leaves CP949 bytes in names.
    raw = os.fsencode(str(tmp_path)) + b"/" + "한글.csv".encode("cp949")
    with open(raw, "wb") as f:
        f.write(b"a\n")
    [found] = list(discover([tmp_path]))
    with open(found.path, "rb") as f:  # surrogate-escaped str still opens the file
        assert f.read() == b"a\n"


def test_cancel_stops_the_walk(tree):
    seen = []
    it = discover([tree], cancel=lambda: len(seen) >= 2)
    for f in it:
        seen.append(f)
    assert len(seen) == 2


def test_cancel_before_start(tree):
    assert list(discover([tree], cancel=lambda: True)) == []


def test_windows_hidden_and_system_attributes(monkeypatch):
    class Entry:
        def __init__(self, attrs):
            self.attrs = attrs

        def stat(self, follow_symlinks=True):
            return SimpleNamespace(st_file_attributes=self.attrs)

    monkeypatch.setattr(discover_mod, "_IS_WINDOWS", True)
    hidden = getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 2)
    system = getattr(stat, "FILE_ATTRIBUTE_SYSTEM", 4)
    archive = getattr(stat, "FILE_ATTRIBUTE_ARCHIVE", 32)
    assert discover_mod._hidden(Entry(hidden | archive))
    assert discover_mod._hidden(Entry(system))
    assert not discover_mod._hidden(Entry(archive))


def test_fingerprint_hash(tmp_path):
    data = os.urandom(3 * (1 << 20) + 123)
    p = touch(tmp_path / "큰 파일 (사본).xlsx", data)
    expected = hashlib.blake2b(data, digest_size=16).hexdigest()
    assert fingerprint_hash(p) == expected
    assert fingerprint_hash(str(p), chunk=4096) == expected
    assert len(expected) == 32
    touch(p, data[:-1] + bytes([data[-1] ^ 0xFF]))  # always a different last byte
    assert fingerprint_hash(p) != expected


def test_fingerprint_hash_empty_file(tmp_path):
    p = touch(tmp_path / "빈.csv", b"")
    assert fingerprint_hash(p) == hashlib.blake2b(b"", digest_size=16).hexdigest()


def test_fingerprint_hash_read_only(tmp_path):
    p = touch(tmp_path / "ro.csv")
    p.chmod(0o444)
    try:
        mtime = p.stat().st_mtime_ns
        fingerprint_hash(p)
        assert p.stat().st_mtime_ns == mtime
    finally:
        p.chmod(0o644)


# --- the real corpus --------------------------------------------------------------------------


@pytest.mark.corpus
def test_corpus_discovery():
    if not (CORPUS / "MANIFEST.csv").is_file():
        pytest.skip(f"{CORPUS} is absent")
    with (CORPUS / "MANIFEST.csv").open(encoding="utf-8", newline="") as f:
        listed = {row["file"] for row in csv.DictReader(f)}
    found = {f.rel_path: f for f in discover([CORPUS])}
    assert set(found) == listed | {"MANIFEST.csv"}
    for rel, f in found.items():
        assert f.size == (CORPUS / rel).stat().st_size
        assert f.root == str(CORPUS.resolve()) or f.root == os.path.abspath(CORPUS)
