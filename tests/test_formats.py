"""Every spreadsheet a clerk may hold is read, or listed with a Korean reason: .ods, .xlsb, .xlsm,
.tsv beside .xlsx/.xls/.csv (issue 10: .ods files were not even listed)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from catalog_app.cli import cli
from tests.format_helpers import XLSB, ods_bytes, tsv_bytes, xlsm_bytes


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "양식들"
    root.mkdir()
    (root / "시설.ods").write_bytes(ods_bytes())
    (root / "시설.xlsm").write_bytes(xlsm_bytes())
    (root / "시설.tsv").write_bytes(tsv_bytes())
    shutil.copyfile(XLSB, root / "장부.xlsb")
    return root


def _scan(tmp_path, root) -> dict:
    out = CliRunner().invoke(
        cli, ["--catalog", str(tmp_path / "c.db"), "scan", str(root), "--json", "-q"]
    )
    assert out.exit_code in (0, 1), out.output
    return json.loads(out.stdout)


def _by_name(data: dict) -> dict[str, dict]:
    return {d["name"]: d for d in data["datasets"]}


def test_a_folder_of_ods_xlsb_xlsm_tsv_lists_and_reads_every_file(tmp_path, folder):
    data = _scan(tmp_path, folder)
    found = _by_name(data)
    assert set(found) == {"시설.ods", "시설.xlsm", "시설.tsv", "장부.xlsb"}
    assert data["counts"]["failed"] == 0
    formats = {name: d["real_format"] for name, d in found.items()}
    assert formats == {
        "시설.ods": "ods",
        "시설.xlsm": "xlsx",
        "시설.tsv": "csv",
        "장부.xlsb": "xlsb",
    }
    for name in ("시설.ods", "시설.xlsm", "시설.tsv"):
        table = found[name]["tables"][0]
        assert [c["label"] for c in table["columns"]] == [
            "시설명",
            "소재지도로명주소",
            "전화번호",
            "설치일자",
        ], name
        assert table["row_count"] == 3
    assert found["시설.tsv"]["delimiter"] == "\t"
    ledger = found["장부.xlsb"]
    assert [t["sheet"] for t in ledger["tables"]][0] == "Ledger"
    labels = [c["label"] for c in ledger["tables"][0]["columns"]]
    assert labels[:3] == ["TxnID", "Date", "AccountCode"]
    assert ledger["tables"][0]["row_count"] == 240


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("망가진.ods", b"PK\x03\x04" + b"\x00" * 40),
        ("내용없음.ods", None),  # a zip that says ODS spreadsheet, content.xml broken
        ("잘린.xlsb", None),  # the first half of a real .xlsb
        ("망가진.xlsm", b"PK\x03\x04junk"),
        ("빈.tsv", b""),
    ],
)
def test_an_unreadable_file_of_these_formats_is_a_row_with_a_korean_reason(
    tmp_path, folder, name, content
):
    import io
    import zipfile

    if name == "내용없음.ods":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            zf.writestr("content.xml", "<office:document-content")
        content = buf.getvalue()
    elif name == "잘린.xlsb":
        data = XLSB.read_bytes()
        content = data[: len(data) // 2]
    (folder / name).write_bytes(content)
    data = _scan(tmp_path, folder)
    found = _by_name(data)
    assert set(found) == {"시설.ods", "시설.xlsm", "시설.tsv", "장부.xlsb", name}
    row = found[name]
    assert row["status"] == "error"
    (error,) = row["errors"]
    assert error["code"] in ("corrupt", "empty_file", "unsupported")
    assert any("\uac00" <= ch <= "\ud7a3" for ch in error["message"])  # Korean
    assert [f["path"] for f in data["failed"]] == [str(folder / name)]
