"""표준 준수율 report: the app's own standard-compliance figures as a workbook to file or show.

The rate is the app's self-computed share of checked columns that follow the standard
dictionary, not the official 수준평가 score; the summary sheet says so next to the figure. The
department and catalog rates are taken as the state holds them (the same numbers the app shows);
the dataset and column sheets list the datasets on the list.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.chart import BarChart, Reference

from catalog_app.disclosure.exports.registry import EXPORTERS
from catalog_app.disclosure.model import DatasetRecord, DisclosureState, RateRecord
from catalog_app.disclosure.workbook import check_suffix, new_workbook, save_atomic, write_table

__all__ = ["NOTE", "write_compliance"]

SUMMARY, DEPARTMENTS, DATASETS, FAILING = "요약", "부서별", "데이터셋별", "비준수 컬럼"
NOTE = (
    "자체 산출: 표준 준수율 = 준수 컬럼 수 / 점검 컬럼 수 × 100 (교차표 구분 열 제외). "
    "단어·용어·도메인 준수율은 같은 컬럼을 각각 단어(W1·W2·F1·N3), 용어(T1·N1·N2·N3), "
    "도메인(D1~D5, 도메인이 있는 매핑 컬럼만) 점검으로 따로 센 값입니다. 값을 표현 형식으로 쓴 "
    "것(예: 하이픈 넣은 전화번호)은 값 품질 점검 대상이며 준수율에 넣지 않았습니다. "
    "공식 수준평가 점수가 아닙니다."
)
RATE = "준수율(%)"
PART_RATES = ("단어 준수율(%)", "용어 준수율(%)", "도메인 준수율(%)")
PART_FORMULAS = ("단어 산식", "용어 산식", "도메인 산식")
PARTS = ("word", "term", "domain")
CHART_TITLE = "부서별 표준 준수율(%)"

DEPARTMENT_HEADERS = (
    "부서",
    "준수 컬럼",
    "점검 컬럼",
    "제외 열",
    RATE,
    "산식",
    *PART_RATES,
    *PART_FORMULAS,
)
DATASET_HEADERS = (
    "부서",
    "데이터셋",
    "원본 파일",
    "준수 컬럼",
    "점검 컬럼",
    "제외 열",
    RATE,
    *PART_RATES,
)
FAILING_HEADERS = ("부서", "데이터셋", "테이블", "컬럼명", "매핑 용어", "점검코드", "내용")


def write_compliance(state: DisclosureState, path: Path) -> list[Path]:
    """Write the 요약 / 부서별 / 데이터셋별 / 비준수 컬럼 workbook (.xlsx only)."""
    path = Path(path)
    check_suffix(path, EXPORTERS["compliance"].suffixes)
    departments = state.rates_of("department")
    wb = new_workbook()
    _summary(wb.create_sheet(SUMMARY), state, departments)
    write_table(
        wb.create_sheet(DEPARTMENTS),
        DEPARTMENT_HEADERS,
        [
            [
                r.name,
                r.compliant,
                r.checked,
                r.excluded,
                r.rate,
                r.formula,
                *(r.part(p)[0] for p in PARTS),
                *(r.part(p)[1] for p in PARTS),
            ]
            for r in departments
        ],
        wrap=set(PART_FORMULAS),
    )
    listed = state.included_datasets()
    write_table(
        wb.create_sheet(DATASETS),
        DATASET_HEADERS,
        [
            [
                d.department,
                _title(d),
                d.rel_path,
                d.compliant,
                d.checked,
                d.excluded,
                d.rate,
                d.word_rate,
                d.term_rate,
                d.domain_rate,
            ]
            for d in listed
        ],
    )
    write_table(wb.create_sheet(FAILING), FAILING_HEADERS, _failing(state), wrap={"내용"})
    return [save_atomic(wb, path)]


def _title(d: DatasetRecord) -> str:
    return d.get("title") or d.name


def _failing(state: DisclosureState) -> list[list[object]]:
    rows = []
    for d in state.included_datasets():
        for c in state.columns_of(d.key):
            if c.compliant is False:
                rows.append(
                    [
                        d.department,
                        _title(d),
                        c.table_name,
                        c.label,
                        c.term_name,
                        ", ".join(c.codes),
                        "\n".join(c.messages),
                    ]
                )
    return rows


def _summary(ws, state: DisclosureState, departments: list[RateRecord]) -> None:
    """Key figures, then a small department table with a bar chart beside it."""
    catalog = next(iter(state.rates_of("catalog")), None)
    items = [
        ("기관명", state.institution.get("name") or ""),
        ("기준연도", state.year),
        ("표준사전", state.edition),
        ("표준 준수율(%)", catalog.rate if catalog else None),
        ("산식", catalog.formula if catalog else ""),
        *(
            item
            for part, rate_name, formula_name in zip(PARTS, PART_RATES, PART_FORMULAS, strict=True)
            for item in (
                (rate_name, catalog.part(part)[0] if catalog else None),
                (formula_name, catalog.part(part)[1] if catalog else ""),
            )
        ),
        ("안내", NOTE),
    ]
    last = write_table(ws, ("항목", "내용"), items, wrap={"내용"})
    top = last + 2
    end = write_table(ws, ("부서", RATE), [[r.name, r.rate] for r in departments], start_row=top)
    if end == top:  # no departments, nothing to chart
        return
    chart = BarChart()
    chart.type = "col"
    chart.title = CHART_TITLE
    chart.legend = None
    chart.y_axis.title = RATE
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides axes otherwise
    chart.add_data(Reference(ws, min_col=2, min_row=top, max_row=end), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=end))
    chart.width, chart.height = 16, 8
    ws.add_chart(chart, f"D{top}")
