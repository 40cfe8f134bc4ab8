"""A small facility list with errors put in on purpose, each counted as it is made, so the
quality tests compare the diagnosis with numbers known by construction (not read back from it).

``write_facilities(path)`` writes a UTF-8 CSV (``fmt='xlsx'``: the same rows in a workbook, dates
as real dates) and returns :class:`Planted`: the row count and, per column and rule, how many
values were made wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

HEADER = [
    "관리번호",
    "시설명",
    "개설일자",
    "폐업일자",
    "CCTV설치여부",
    "CCTV설치대수",
    "위도",
    "경도",
    "전화번호",
    "우편번호",
    "비고",
]


@dataclass
class Planted:
    rows: int
    errors: dict[tuple[str, str], int] = field(default_factory=dict)
    samples: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def add(self, column: str, rule: str, value: str) -> None:
        self.errors[(column, rule)] = self.errors.get((column, rule), 0) + 1
        self.samples.setdefault((column, rule), set()).add(value)


def facility_rows(n: int = 240) -> tuple[list[list[object]], Planted]:
    planted = Planted(n)
    rows = []
    for i in range(n):
        opened = dt.date(2000, 1, 1) + dt.timedelta(days=37 * i)
        closed: object = opened + dt.timedelta(days=400) if i % 5 == 0 else ""
        row = {
            "관리번호": f"F-{i:05d}",
            "시설명": f"시설{i}",
            "개설일자": opened,
            "폐업일자": closed,
            "CCTV설치여부": "Y" if i % 3 else "N",
            "CCTV설치대수": str(i % 4 + 1) if i % 3 else "0",
            "위도": f"{37.4 + (i % 50) / 1000:.6f}",
            "경도": f"{127.0 + (i % 50) / 1000:.6f}",
            "전화번호": f"02-{200 + i % 700}-{1000 + i:04d}",
            "우편번호": f"{3000 + i:05d}",
            "비고": "",
        }
        if i == 7:
            row["관리번호"] = "F-00003"  # a repeated key
            planted.add("관리번호", "key_unique", "F-00003")
        if i == 11:
            row["개설일자"] = "21-03-11"  # a 2-digit year (also not the column's format)
            planted.add("개설일자", "date_two_digit_year", "21-03-11")
            planted.add("개설일자", "date_format", "21-03-11")
        if i == 12:
            row["개설일자"] = "2021-02-30"  # not in the calendar
            planted.add("개설일자", "date_valid", "2021-02-30")
        if i == 13:
            row["개설일자"] = dt.date(1904, 8, 8)  # decades before every other date
            planted.add("개설일자", "date_outlier", "1904-08-08")
        if i == 20:
            row["폐업일자"] = row["개설일자"] - dt.timedelta(days=10)  # closed before it opened
            planted.add("폐업일자", "business_compare", str(row["폐업일자"]))
        if i in (30, 31):
            row["CCTV설치여부"] = "유"  # not Y/N
            planted.add("CCTV설치여부", "flag_yn", "유")
        if i in (33, 36):
            row["CCTV설치대수"] = "2"  # 설치여부 N but 대수 > 0 (i % 3 == 0 rows are N)
            planted.add("CCTV설치대수", "business_conditional", "2")
        if i == 40:
            row["위도"] = "127.012345"  # latitude and longitude swapped
            row["경도"] = "37.412345"
            planted.add("위도", "latitude", "127.012345")
            planted.add("경도", "longitude", "37.412345")
        if i == 50:
            row["전화번호"] = "123-4567"  # no area code
            planted.add("전화번호", "phone", "123-4567")
        if i == 60:
            row["우편번호"] = "3060"  # a 5-digit code that lost its leading zero
            planted.add("우편번호", "zip", "3060")
        if i == 61:
            row["우편번호"] = "010-1234-5678"  # somebody's mobile number: its sample must be masked
            planted.add("우편번호", "zip", "010-1234-5678")
        rows.append([row[h] for h in HEADER])
    return rows, planted


def write_facilities(path: Path, n: int = 240, fmt: str = "csv") -> Planted:
    rows, planted = facility_rows(n)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "시설"
        ws.append(HEADER)
        for row in rows:
            ws.append(row)
        wb.save(path)
        return planted
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for row in rows:
            out.writerow([v.isoformat() if isinstance(v, dt.date) else v for v in row])
    return planted
