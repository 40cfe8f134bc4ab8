"""Issue 12's "done when", on the real corpus of ../shared arranged in eight department folders.

A coordinator scans the drive, fills every required field through the template (분류체계 in both
label styles, 업데이트 주기 수시 for a third of the files), then: validate shows no blocking
problem caused by the 분류체계 style or by 수시; the 목록 export holds the column-metadata sheet
(and its CSV); check --json gives the 단어/용어/도메인 rates with formulas; a registered list
downloaded from the portal (CP949) drives 신규/변경/제외 in the diff export and `deadlines`.
Skipped when ../shared is absent.
"""

from __future__ import annotations

import csv
import shutil

import openpyxl
import pytest

from tests.cli_helpers import run, run_json
from tests.corpus_departments import CORPUS, DEPARTMENTS, arrange
from tests.test_disclosure_registered import portal_row, write_list

if not CORPUS.is_dir():
    pytest.skip(f"real corpus not found at {CORPUS}", allow_module_level=True)

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

OLDER = {  # the older label style, as many registered entries still show it
    "교통과": "교통및물류 - 도로",
    "안전총괄과": "공공질서및안전 - 안전관리",
    "보건소": "보건 - 보건의료",
    "행정지원과": "일반공공행정 - 일반행정",
}
CURRENT = {
    "소방안전과": "재난안전 - 안전관리",
    "환경과": "환경기상 - 대기",
    "문화체육과": "문화관광 - 문화예술",
    "지역경제과": "산업고용 - 산업·중소기업일반",
}
CYCLES = ("연간", "수시", "수시 (1회성 데이터)")


def _read(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def drive(tmp_path_factory, template) -> dict:
    base = tmp_path_factory.mktemp("lists_shared")
    catalog = base / "c.db"
    shutil.copy(template, catalog)
    root = arrange(base / "공유폴더")
    run(catalog, "scan", str(root), "-q")
    run(catalog, "institution", "set", "--name", "서울특별시 종로구", "--code", "3000000",
        "--phone", "02-2148-0000", "--licence", "공공저작물_출처표시")  # fmt: skip
    template_csv = base / "양식.csv"
    run(catalog, "meta", "template", "--out", str(template_csv), "--year", "2026")
    rows = _read(template_csv)
    filled = []
    for i, r in enumerate(rows):
        department = r["원본 파일"].split("/")[0]
        cycle = CYCLES[i % 3]
        filled.append(
            {
                "원본 파일": r["원본 파일"],
                "분류체계": OLDER.get(department) or CURRENT[department],
                "업데이트 주기": cycle,
                "차기 등록 예정일": "2027-12-31" if cycle == "연간" else "",
                "키워드": "공공데이터,현황",
                "설명": f"{r['목록명']} 자료입니다.",
            }
        )
    path = base / "채운양식.csv"
    with open(path, "w", encoding="cp949", newline="") as fh:  # what Korean Excel saves
        writer = csv.DictWriter(fh, fieldnames=list(filled[0]))
        writer.writeheader()
        writer.writerows(filled)
    run(catalog, "meta", "import", str(path))
    return {"catalog": catalog, "base": base, "rows": rows}


def test_every_file_is_on_the_list(drive):
    assert len(drive["rows"]) == sum(len(v) for v in DEPARTMENTS.values()) == 33


def test_validate_has_no_blocking_problem_from_category_style_or_irregular_cycles(drive):
    out = run_json(drive["catalog"], "validate", "--year", "2026")
    blocking = [p for p in out["problems"] if p["severity"] == "error"]
    assert not [p for p in blocking if p["field"] in ("category", "next_update", "update_cycle")]
    assert not blocking, [p["message"] for p in blocking][:5]
    older = [p for p in out["problems"] if p["code"] == "V18"]
    assert len(older) == sum(len(DEPARTMENTS[d]) for d in OLDER)  # one warning per older label
    assert "공공행정 - 일반행정" in next(
        p["message"] for p in older if "일반공공행정" in p["message"]
    )
    # 1904-08-08 among the license dates of 유흥주점 is left out of 시간범위 and said
    v24 = [p for p in out["problems"] if p["code"] == "V24"]
    assert any("1904-08-08" in p["message"] for p in v24)


def test_inventory_has_todays_labels_and_the_column_metadata(drive):
    base = drive["base"]
    run(drive["catalog"], "export", "--year", "2026", "--kind", "inventory", "--out", str(base / "목록.xlsx"))  # fmt: skip
    wb = openpyxl.load_workbook(base / "목록.xlsx")
    assert wb.sheetnames == ["공공데이터 목록", "컬럼 메타데이터", "작성 안내"]
    ws = wb["공공데이터 목록"]
    header = [c.value for c in ws[1]]
    categories = {r[header.index("분류체계")] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert categories == {
        "교통물류 - 도로", "재난안전 - 안전관리", "보건의료 - 보건의료", "공공행정 - 일반행정",
        "환경기상 - 대기", "문화관광 - 문화예술", "산업고용 - 산업·중소기업일반",
    }  # fmt: skip
    names = {r[header.index("파일데이터명")] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert not [n for n in names if "1615356324741" in n]  # no download stamp
    assert "서울특별시 종로구_서울특별시_관악구_어린이보호구역_20210628" in names
    meta = wb["컬럼 메타데이터"]
    rows = list(meta.iter_rows(min_row=2, values_only=True))
    mheader = [c.value for c in meta[1]]
    assert len(rows) > 300
    mapped = [r for r in rows if r[mheader.index("영문명")]]
    assert mapped and all(r[mheader.index("데이터타입")] for r in rows)
    assert any("_" in (r[mheader.index("도메인분류")] or "") for r in mapped)
    run(drive["catalog"], "export", "--year", "2026", "--kind", "inventory", "--out", str(base / "목록.csv"))  # fmt: skip
    text = (base / "목록_컬럼메타데이터.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("번호,목록명,항목명,영문명,설명,도메인분류,데이터타입")


def test_check_gives_the_split_rates(drive):
    data = run_json(drive["catalog"], "check")
    overall = data["rates"]["catalog"][0]
    for part, name in (("word", "단어"), ("term", "용어"), ("domain", "도메인")):
        assert overall[f"{part}_rate"] is not None
        assert overall[f"{part}_formula"].startswith(f"{name} 준수 컬럼")
    assert overall["word_checked"] == overall["term_checked"] == overall["checked"]
    assert overall["domain_checked"] < overall["checked"]  # only columns with a mapped domain
    # a phone written with hyphens against 전화번호V11 is a quality warning, not a D2 breach
    phones = [c for c in data["columns"] if c["term"] == "전화번호"]
    for c in phones:
        assert not [k for k in c["checks"] if k["code"] == "D2" and k["severity"] == "error"
                    and "구분자" not in k["message"]]  # fmt: skip


def test_registered_list_drives_lifecycle_deadlines_and_the_diff_export(drive):
    catalog, base = drive["catalog"], drive["base"]
    run(catalog, "export", "--year", "2026", "--kind", "inventory", "--out", str(base / "목록.csv"))
    ours = _read(base / "목록.csv")
    registered = []
    for i, r in enumerate(ours[:-3]):  # the last three files are not registered: 신규
        row = portal_row(str(15100000 + i), r["목록명"], 파일데이터명=r["파일데이터명"])
        row["분류체계"] = "일반공공행정 - 일반행정" if i == 0 else r["분류체계"]  # differs: 변경
        row["업데이트 주기"] = r["업데이트 주기"]
        registered.append(row)
    registered.append(portal_row("15199999", "서울특별시 종로구_폐지된 자료"))  # 제외
    path = write_list(base / "목록개방현황.csv", registered, encoding="cp949")
    preview = run_json(catalog, "registered", "import", str(path))
    assert preview["applied"] is False and len(preview["unregistered"]) == 3
    assert run_json(catalog, "registered", "status") == []  # the preview changed nothing
    run(catalog, "registered", "import", str(path), "--confirm", "--accept-unsure")
    status = run_json(catalog, "registered", "status")
    actions = [e["action"] for e in status]
    assert actions.count("신규") == 3 and actions.count("제외") == 1 and actions.count("변경") >= 1
    changed = next(e for e in status if e["action"] == "변경" and e["list_key"] == "15100000")
    assert any(r.startswith("분류체계: 공공행정 - 일반행정 →") for r in changed["reasons"])
    found = run_json(catalog, "deadlines")
    kinds = [d["kind"] for d in found]
    assert kinds.count("register_new") == 3 and "register_change" in kinds
    out = run_json(catalog, "export", "--year", "2026", "--kind", "diff", "--out", str(base / "변경.xlsx"))  # fmt: skip
    wb = openpyxl.load_workbook(out["paths"][0])
    rows = list(wb["등록 대비"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == {"신규", "변경", "제외", "유지"}
    assert len(rows) == len(ours) + 1  # every listed file and the one registered entry gone
