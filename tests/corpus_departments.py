"""The 33-file corpus of ../shared/corpus arranged as a coordinator's shared drive: eight
department folders (the layout issue 12 was tried on). Copies, so the corpus stays untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "교통과": (
        "05.고속국도_현황_2020.csv",
        "서울교통공사 노선별 지하철역 정보.csv",
        "elevator_lift.csv",
        "서울특별시_저상버스 도입 노선 및 노선별 보유율_20230401.csv",
        "충청남도_천안시_주차장정보_20251128.csv",
        "지역_위치별(주유소).xls",
    ),
    "안전총괄과": (
        "02. crime_in_Seoul.csv",
        "5대+범죄+발생현황_20260512140024.csv",
        "5대+범죄+발생장소별+현황.xlsx",
        "01. CCTV_in_Seoul.csv",
        "서울시 자치구 (범죄예방 수사용) CCTV 설치현황(25.12.31 기준).xlsx",
        "서울특별시_관악구_어린이보호구역_20210310_1615356324741_10427.csv",
        "서울특별시_강남구_어린이보호구역_20210628_1624926398398_13352.csv",
    ),
    "보건소": (
        "11. 의료기관별상세정보서비스 09전문병원지정분야 2021.6.csv",
        "코로나19 확진자 발생현황.xlsx",
        "진료과별응급결과.xlsx",
    ),
    "소방안전과": (
        "소방청_연령별 구급활동정보_20201231.csv",
        "소방청_서울특별시 주소별 구급출동현황_20191231.csv",
        "소방청_119신고 전화 유형_20201231.csv",
    ),
    "행정지원과": (
        "202509_202509_주민등록인구및세대현황_월간.csv",
        "01. population_in_Seoul.xls",
        "05. population_raw_data.xlsx",
        "population.csv",
    ),
    "환경과": (
        "붙임1_2012년기준_전국오염원_조사자료_1-1.생활계인구현황(환경기초시설외).csv",
        "붙임1_2012년기준_전국오염원_조사자료_5.양식계(환경기초시설외).csv",
        "OBS_ASOS_MI_20230112151058.csv",
        "제주특별자치도+제주시_무더위쉼터현황_20150931.csv",
    ),
    "문화체육과": ("전국도서관표준데이터.csv", "전국도서관표준데이터.xls", "04년월별.xls"),
    "지역경제과": (
        "tradi_market.csv",
        "대전광역시 대덕구_일반음식점_20240520.csv",
        "서울시 유흥주점영업 인허가 정보.xlsx",
    ),
}


def arrange(dest: Path) -> Path:
    """Copy the corpus into ``dest``/<department>/…; every corpus file lands in one folder."""
    placed = {name for names in DEPARTMENTS.values() for name in names}
    present = {p.name for p in CORPUS.iterdir() if p.is_file() and p.name != "MANIFEST.csv"}
    assert placed == present, (sorted(present - placed), sorted(placed - present))
    for department, names in DEPARTMENTS.items():
        folder = dest / department
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy2(CORPUS / name, folder / name)
    return dest
