"""The registered list (issue 12): reading the portal's list as downloaded (CP949, Excel-resaved,
xlsx, a title row above the header), refusing what is not one with a Korean message, the
preview that changes nothing, the confirmed import, and 신규/변경/제외 with their deadlines in
the lifecycle, `deadlines` and the diff export."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.deadlines import deadlines
from catalog_app.disclosure.export import export
from catalog_app.disclosure.lifecycle import lifecycle
from catalog_app.disclosure.metadata import MetadataStore
from catalog_app.disclosure.registered import (
    apply_import,
    link_entry,
    preview_import,
    unlink_entry,
)
from catalog_app.disclosure.registered_read import RegisteredListError, read_registered
from catalog_app.disclosure.snapshot import SnapshotError
from catalog_app.disclosure.state import build_state
from catalog_app.disclosure.validate import validate
from catalog_app.scan.scanner import scan

TODAY = date(2026, 12, 7)
PORTAL = [
    "목록키", "목록유형", "목록명", "파일데이터명", "분류체계", "제공기관코드", "제공기관",
    "관리 부서명", "관리부서 전화번호", "보유근거", "수집방법", "업데이트 주기", "차기 등록 예정일",
    "매체유형", "전체행", "확장자(데이터포맷)", "키워드", "다운로드_활용신청건수", "등록일", "수정일",
    "데이터 한계", "제공형태", "설명", "기타 유의사항", "공간범위", "시간범위", "비용부과유무",
    "비용부과기준 및 단위", "이용허락범위", "API 유형", "신청가능 트래픽", "심의 유형", "조회수",
    "목록 URL", "국가중점여부", "표준데이터여부",
]  # fmt: skip


def portal_row(key: str, title: str, **over: str) -> dict[str, str]:
    row = {h: "-" for h in PORTAL}
    row.update(
        {
            "목록키": key,
            "목록유형": "FILE",
            "목록명": title,
            "파일데이터명": f"{title}_20250101",
            "분류체계": "교통물류 - 도로",
            "관리부서 전화번호": "`0221480000",
            "업데이트 주기": "연간",
            "차기 등록 예정일": "2027-01-01",
            "확장자(데이터포맷)": "csv",
            "등록일": "2021-03-02",
            "이용허락범위": "공공저작물_출처표시",
            "비용부과유무": "무료",
        }
    )
    row.update(over)
    return row


def write_list(path: Path, rows: list[dict], encoding="cp949", title_rows=0, delimiter=","):
    with open(path, "w", encoding=encoding, newline="") as fh:
        for _ in range(title_rows):
            fh.write("공공데이터 목록 (기관 다운로드)\n")
        w = csv.DictWriter(fh, fieldnames=PORTAL, delimiter=delimiter)
        w.writeheader()
        w.writerows(rows)
    return path


def write_data(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.fixture
def cat(tmp_path, template):
    shutil.copy(template, tmp_path / "c.db")
    root = tmp_path / "자료"
    write_data(root / "교통과" / "주차장.csv", [["주차장명", "주차면수"], ["세종로", "120"]])
    write_data(root / "교통과" / "정류장.csv", [["정류장명", "노선수"], ["시청", "12"]])
    write_data(root / "복지과" / "경로당.csv", [["경로당명", "정원"], ["청운", "30"]])
    with Catalog(tmp_path / "c.db") as c:
        scan(c, [str(root)])
        MetadataStore(c).set_institution({"name": "종로구", "code": "3000000"})
        c.root = root  # type: ignore[attr-defined]
        yield c


def dataset_id(c: Catalog, name: str) -> int:
    return c.conn.execute("SELECT id FROM datasets WHERE name = ?", (name,)).fetchone()[0]


def counts(c: Catalog) -> tuple[int, int, int]:
    q = c.conn.execute
    return (
        q("SELECT COUNT(*) FROM registered_imports").fetchone()[0],
        q("SELECT COUNT(*) FROM registered_entries").fetchone()[0],
        q("SELECT COUNT(*) FROM registered_links").fetchone()[0],
    )


# ------------------------------------------------------------------------------ reading
def test_reads_the_portal_list_saved_as_cp949(tmp_path):
    path = write_list(tmp_path / "목록.csv", [portal_row("15000001", "종로구_주차장")])
    read = read_registered(path)
    (row,) = read.rows
    assert read.layout == "공공데이터포털 목록(목록개방현황)" and read.header_row == 1
    assert (row.list_key, row.title) == ("15000001", "종로구_주차장")
    assert row.fields["phone"] == "0221480000"  # the portal's back-tick removed
    assert row.fields["holding_basis"] == ""  # '-' is "none"
    assert row.fields["registered_at"] == "2021-03-02" and row.fields["formats"] == "csv"


def test_reads_excel_resaved_files(tmp_path):
    rows = [portal_row("15000001", "종로구_주차장", **{"차기 등록 예정일": "46388"})]
    utf16 = tmp_path / "목록.txt"  # Excel's "유니코드 텍스트": UTF-16, tabs, a title row above
    write_list(utf16, rows, encoding="utf-16", title_rows=2, delimiter="\t")
    read = read_registered(utf16)
    assert read.header_row == 3 and read.rows[0].title == "종로구_주차장"
    assert read.rows[0].fields["next_update"] == "2027-01-01"  # an Excel date serial
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["공공데이터 목록"])
    ws.append(PORTAL)
    ws.append([rows[0][h] for h in PORTAL])
    ws.cell(row=3, column=PORTAL.index("차기 등록 예정일") + 1).value = date(2027, 1, 1)
    wb.save(tmp_path / "목록.xlsx")
    read = read_registered(tmp_path / "목록.xlsx")
    assert read.header_row == 2 and read.rows[0].fields["next_update"] == "2027-01-01"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("빈.csv", b"", "빈 파일입니다"),
        ("다른.csv", "이름,전화\n홍길동,010\n".encode("cp949"), "형식을 알 수 없습니다"),
        ("그림.png", b"\x89PNG\r\n", "CSV 또는 엑셀"),
        ("깨진.xlsx", b"PK\x03\x04 not really a workbook", "엑셀 파일을 열 수 없습니다"),
        ("머리글만.csv", "목록키,목록명\n".encode(), "한 줄도 없습니다"),
    ],
)
def test_what_is_not_a_registered_list_gets_a_korean_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RegisteredListError, match=message):
        read_registered(path)


# ------------------------------------------------------------------------------ preview / apply
def test_preview_changes_nothing_and_apply_links(cat, tmp_path):
    MetadataStore(cat).set_fields(dataset_id(cat, "정류장.csv"), {"목록키": "15000002"})
    path = write_list(
        tmp_path / "목록.csv",
        [
            portal_row("15000001", "종로구_주차장"),  # by 목록명
            portal_row("15000002", "옛 이름의 정류장"),  # by 목록키 entered on the dataset
            portal_row("15000003", "종로구_주차장정보"),  # no such file: 제외 proposal
        ],
    )
    preview = preview_import(cat, path)
    assert counts(cat) == (0, 0, 0)  # a preview writes nothing
    how = {p.list_key: (p.how, p.path) for p in preview.proposals}
    assert how["15000001"] == ("title", "교통과/주차장.csv")
    assert how["15000002"] == ("key", "교통과/정류장.csv")
    assert how["15000003"][0] in ("", "unsure")
    assert [d["path"] for d in preview.unregistered] == ["복지과/경로당.csv"]
    assert "목록 3건" in preview.summary()[0]
    apply_import(cat, preview)
    assert counts(cat) == (1, 3, 2)  # the unsure proposal was not accepted


def test_duplicate_titles_are_said_and_not_linked_by_name_alone(cat, tmp_path):
    path = write_list(
        tmp_path / "목록.csv",
        [
            portal_row("15000001", "종로구_주차장", 파일데이터명="다른 파일"),
            portal_row("15000002", "종로구_주차장", 파일데이터명="또 다른 파일"),
        ],
    )
    preview = preview_import(cat, path)
    assert any("2번 나옵니다" in n and "2행, 3행" in n for n in preview.notes)
    assert [p.how for p in preview.proposals] == ["unsure", ""]
    apply_import(cat, preview)
    assert counts(cat)[2] == 0  # nothing linked without the coordinator's word
    apply_import(cat, preview_import(cat, path), accept={"15000001"})
    assert counts(cat)[2] == 1


def test_file_data_name_tells_apart_two_entries_of_one_title(cat, tmp_path):
    state = build_state(cat, 2026)
    parking = next(d for d in state.datasets if d.name == "주차장.csv")
    path = write_list(
        tmp_path / "목록.csv",
        [
            portal_row("15000001", "종로구_주차장", 파일데이터명="종로구_주차장_20200101"),
            portal_row("15000002", "종로구_주차장", 파일데이터명=parking.get("file_data_name")),
        ],
    )
    how = [(p.how, p.path) for p in preview_import(cat, path).proposals]
    assert how == [("", ""), ("file", "교통과/주차장.csv")]


def test_manual_link_and_unlink(cat, tmp_path):
    path = write_list(tmp_path / "목록.csv", [portal_row("15000009", "전혀 다른 이름")])
    apply_import(cat, preview_import(cat, path))
    link_entry(cat, "15000009", dataset_id(cat, "경로당.csv"))
    assert counts(cat)[2] == 1
    assert unlink_entry(cat, "전혀 다른 이름") and counts(cat)[2] == 0
    with pytest.raises(RegisteredListError, match="찾을 수 없습니다"):
        link_entry(cat, "15009999", dataset_id(cat, "경로당.csv"))


# ------------------------------------------------------------------------------ lifecycle
def test_new_changed_excluded_against_what_is_registered(cat, tmp_path):
    meta = MetadataStore(cat)
    path = write_list(
        tmp_path / "목록.csv",
        [
            portal_row("15000001", "종로구_주차장", **{"업데이트 주기": "연간"}),
            portal_row("15000002", "종로구_정류장", 분류체계="교통및물류 - 도로"),
            portal_row("15000003", "종로구_폐지된 자료"),
        ],
    )
    apply_import(cat, preview_import(cat, path))
    meta.set_fields(dataset_id(cat, "주차장.csv"), {"업데이트 주기": "월간"})
    meta.set_fields(dataset_id(cat, "정류장.csv"), {"분류체계": "교통물류 - 도로"})  # same
    write_data(
        cat.root / "교통과" / "정류장.csv", [["정류장명", "노선수", "좌표"], ["시청", "12", "1"]]
    )
    scan(cat, [str(cat.root)])
    entries = {e.list_key or e.path: e for e in lifecycle(build_state(cat, 2026), TODAY)}
    parking, stops, gone = entries["15000001"], entries["15000002"], entries["15000003"]
    assert parking.action == "변경" and parking.reasons == ["업데이트 주기: 연간 → 월간"]
    since = date.fromisoformat(parking.since)
    assert date.fromisoformat(parking.due) == date.fromordinal(since.toordinal() + 10)
    assert stops.action == "변경" and stops.reasons == ["컬럼 추가: 좌표"]  # 분류체계 alike
    assert gone.action == "제외" and "찾지 못했습니다" in gone.reasons[0]
    new = entries["복지과/경로당.csv"]
    assert new.action == "신규" and new.since and new.due


def test_a_vanished_file_proposes_exclusion(cat, tmp_path):
    path = write_list(tmp_path / "목록.csv", [portal_row("15000001", "종로구_주차장")])
    apply_import(cat, preview_import(cat, path))
    (cat.root / "교통과" / "주차장.csv").unlink()
    scan(cat, [str(cat.root)])
    (entry,) = [e for e in lifecycle(build_state(cat, 2026), TODAY) if e.list_key == "15000001"]
    assert entry.action == "제외" and "파일이 없어졌습니다" in entry.reasons[0]


def test_without_a_registered_list_only_later_files_are_new(cat):
    assert lifecycle(build_state(cat, 2026), TODAY) == []  # the first scan is taken as registered
    write_data(cat.root / "교통과" / "신호등.csv", [["신호등명"], ["A"]])
    scan(cat, [str(cat.root)])
    (entry,) = lifecycle(build_state(cat, 2026), TODAY)
    assert entry.action == "신규" and entry.path == "교통과/신호등.csv"


def test_deadlines_and_their_warning(cat, tmp_path):
    path = write_list(tmp_path / "목록.csv", [portal_row("15000001", "종로구_주차장")])
    apply_import(cat, preview_import(cat, path))
    state = build_state(cat, 2026)
    first = date.fromisoformat(
        next(d for d in state.datasets if d.name == "경로당.csv").first_seen[:10]
    )
    found = deadlines(state, first)
    new = [d for d in found if d.kind == "register_new"]
    assert {d.path for d in new} == {"교통과/정류장.csv", "복지과/경로당.csv"}
    assert all(d.days_left == 15 and "시행령 제15조①" in d.message for d in new)
    assert set(new[0].as_json()) >= {"dataset_id", "kind", "due", "days_left", "message"}
    later = deadlines(state, date.fromordinal(first.toordinal() + 20))
    assert all(d.overdue for d in later if d.kind == "register_new")
    v50 = [p for p in validate(state, first) if p.code == "V50"]
    assert len(v50) == 2 and all(p.severity == "warning" for p in v50)


def test_calendar_deadlines():
    from catalog_app.disclosure.model import DisclosureState

    empty = DisclosureState(2026, "live", "", "", {}, "")
    feb = deadlines(empty, date(2026, 2, 10))
    assert [(d.kind, d.due) for d in feb] == [("calendar", "2026-02-28")]
    assert deadlines(empty, date(2026, 5, 1)) == []  # nothing within 31 days
    everything = deadlines(empty, date(2026, 5, 1), all_calendar=True)
    assert [d.due for d in everything] == ["2026-07-30", "2026-10-31", "2027-01-30", "2027-02-28"]


# ------------------------------------------------------------------------------ diff export
def test_diff_export_carries_the_registered_comparison(cat, tmp_path):
    with pytest.raises(SnapshotError, match="비교할 기준이 없습니다"):
        export(cat, 2026, "diff", tmp_path / "변경.xlsx", force=True, today=TODAY)
    path = write_list(
        tmp_path / "목록.csv",
        [portal_row("15000001", "종로구_주차장"), portal_row("15000003", "종로구_폐지된 자료")],
    )
    apply_import(cat, preview_import(cat, path))
    (xlsx,) = export(cat, 2026, "diff", tmp_path / "변경.xlsx", force=True, today=TODAY).paths
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["요약", "등록 대비"]  # no snapshot of 2025: no year-over-year sheet
    rows = list(wb["등록 대비"].iter_rows(values_only=True))
    assert rows[0][:3] == ("구분", "목록키", "목록명")
    actions = sorted(r[0] for r in rows[1:])
    assert actions == ["신규", "신규", "유지", "제외"]
    summary = dict(wb["요약"].iter_rows(min_row=2, values_only=True))
    assert summary["등록 대비 신규"] == 2 and summary["등록 목록"] == "목록.csv"
    paths = export(cat, 2026, "diff", tmp_path / "변경.csv", force=True, today=TODAY).paths
    assert [p.name for p in paths] == ["변경_등록대비.csv"]


FIXTURE = Path(__file__).resolve().parent / "fixtures" / "registered" / "목록개방현황_표본.csv"


def test_reads_a_real_excerpt_of_the_portal_list():
    """Five real rows of 목록개방현황 (tests/fixtures/registered/SOURCES.md), CP949 as Excel
    saves it: every value lands in its field, in the app's vocabularies."""
    from catalog_app.disclosure import vocab
    from catalog_app.disclosure.categories import shipped_table

    read = read_registered(FIXTURE)
    assert read.layout == "공공데이터포털 목록(목록개방현황)" and len(read.rows) == 5
    by_key = {r.list_key: r for r in read.rows}
    bus = by_key["15000602"]
    assert bus.fields["update_cycle"] == "수시" and bus.fields["next_update"] == ""
    assert bus.fields["phone"] == "03115773100"
    assert by_key["15000249"].fields["media_type"] == "기타"
    for r in read.rows:
        assert r.fields["media_type"] in vocab.MEDIA_TYPES
        assert r.fields["delivery"] in vocab.DELIVERY_FORMS
        assert r.fields["update_cycle"] in vocab.UPDATE_CYCLES
        assert r.fields["licence"] in vocab.LICENCES
        assert shipped_table().resolve(r.fields["category"]).status == "current"
        assert r.fields["registered_at"][:2] == "20" and r.fields["url"].startswith("https://")


def test_an_unreadable_file_is_not_a_schema_change(cat, tmp_path):
    path = write_list(tmp_path / "목록.csv", [portal_row("15000001", "종로구_주차장")])
    apply_import(cat, preview_import(cat, path))
    (cat.root / "교통과" / "주차장.csv").write_bytes(b"\x00\x01\x02\x03" * 400)
    scan(cat, [str(cat.root)])
    state = build_state(cat, 2026)
    assert next(d for d in state.datasets if d.name == "주차장.csv").status == "error"
    (entry,) = [e for e in lifecycle(state, TODAY) if e.list_key == "15000001"]
    assert entry.action == "유지" and entry.reasons == []
