"""Generated benchmark files: realistic Korean columns as CSV (CP949) and xlsx (inline strings as
openpyxl writes them, or with a shared-string table as Excel saves them). Deterministic (seeded),
so a cached file is the same file on every machine."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path


def _columns(n: int, seed: int = 7):
    """Twenty realistic columns as lists of strings (names, addresses, phones, dates, amounts…)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    syl = list(
        "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
    )
    gu = [
        "종로구",
        "중구",
        "용산구",
        "성동구",
        "광진구",
        "동대문구",
        "중랑구",
        "성북구",
        "강북구",
        "도봉구",
    ]
    ro = ["세종대로", "을지로", "한강대로", "왕십리로", "능동로", "천호대로", "망우로", "보문로"]
    depts = [
        f"{d}과" for d in ("총무", "기획예산", "세무", "복지정책", "교통행정", "환경", "문화체육")
    ]

    def pick(seq):
        return np.asarray(seq, dtype=object)[rng.integers(0, len(seq), n)]

    names = [a + b + c for a, b, c in zip(pick(syl), pick(syl), pick(syl), strict=True)]
    road = [
        f"서울특별시 {g} {r} {k}"
        for g, r, k in zip(pick(gu), pick(ro), rng.integers(1, 400, n), strict=True)
    ]
    phone = [
        f"02-{a}-{b:04d}"
        for a, b in zip(rng.integers(200, 999, n), rng.integers(0, 9999, n), strict=True)
    ]
    days = rng.integers(0, 3650, n)
    base = np.datetime64("2015-01-01")
    dates = [str(base + int(d)) for d in days]
    stamps = [
        f"{dates[i]} {h:02d}:{m:02d}"
        for i, (h, m) in enumerate(zip(rng.integers(0, 24, n), rng.integers(0, 60, n), strict=True))
    ]
    amount = [f"{v:,}" for v in rng.integers(1000, 90_000_000, n)]
    return {
        "일련번호": [str(i + 1) for i in range(n)],
        "부서명": list(pick(depts)),
        "담당자명": names,
        "소재지도로명주소": road,
        "관리기관전화번호": phone,
        "등록일자": dates,
        "처리일시": stamps,
        "계약금액": amount,
        "집행률": [f"{v:.2f}" for v in rng.random(n) * 100],
        "공개여부": list(pick(["Y", "N"])),
        "행정동코드": [f"{v:05d}" for v in rng.integers(0, 2000, n)],
        "수량": [str(v) for v in rng.integers(0, 500, n)],
        "위도": [f"{v:.6f}" for v in 37.4 + rng.random(n) * 0.3],
        "경도": [f"{v:.6f}" for v in 126.8 + rng.random(n) * 0.4],
        "시설구분": list(pick(["도서관", "체육관", "주차장", "공원", "복지관"])),
        "면적": [f"{v:.1f}" for v in rng.random(n) * 5000],
        "비고": list(pick(["", "", "", "", "점검 예정", "보수 완료", ""])),
        "운영시작시각": list(pick(["09:00", "08:30", "10:00"])),
        "연도": [str(v) for v in rng.integers(2015, 2025, n)],
        "데이터기준일자": ["2025-11-21"] * n,
    }


def make_csv(path: Path, rows: int) -> None:
    cols = _columns(rows)
    header = list(cols)
    with open(path, "w", encoding="cp949", newline="") as fh:
        fh.write(",".join(header) + "\r\n")
        for row in zip(*cols.values(), strict=True):
            fh.write(",".join(f'"{v}"' if "," in v else v for v in row) + "\r\n")


def make_xlsx(path: Path, rows: int) -> None:
    import openpyxl

    cols = _columns(rows, seed=11)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("데이터")
    ws.append(["2025년 시설 현황"])
    ws.append([])
    ws.append(list(cols))
    for row in zip(*cols.values(), strict=True):
        ws.append([float(v) if k in (10, 12, 13) else v for k, v in enumerate(row)])
    wb.save(path)


_INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t>(.*?)</t></is></c>'
)


def shared_strings_copy(path: Path, source: Path) -> None:
    """``source`` rewritten as Excel saves it: every text in xl/sharedStrings.xml."""
    index: dict[bytes, int] = {}

    def shared(m) -> bytes:
        i = index.setdefault(m.group(3), len(index))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2), i)

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = _INLINE.sub(shared, data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                    b"</Relationships>",
                )
            zout.writestr(info.filename, data)
        body = b"".join(b"<si><t>%s</t></si>" % t for t in index)
        zout.writestr(
            "xl/sharedStrings.xml",
            b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main">' + body + b"</sst>",
        )
