"""The xlsx report a quality manager hands in: summary, per rule, per column, findings,
제공표준 conformance, the fix log and the business rules.

Written through the disclosure exports' sheet helpers (``disclosure.workbook``): every text cell
is scrubbed of personal values and neutralised against formulas (``safe_files``), the file is
written beside the target and moved into place. Samples are the masked ones the diagnosis kept.
"""

from __future__ import annotations

from pathlib import Path

from catalog_app.catalog.store import Catalog
from catalog_app.disclosure.workbook import check_suffix, new_workbook, save_atomic, write_table
from catalog_app.quality import report
from catalog_app.quality.business import KINDS, SCOPES, RuleBook

__all__ = ["write_report"]

NOTE = (
    "오류율 = 오류 값 / 점검 값 × 100 (앱 자체 산출, 공공데이터 품질관리 매뉴얼의 공식 산식이 아님). "
    "한 값이 여러 규칙에 걸려도 컬럼·데이터셋 오류율에서는 한 번만 셉니다. "
    "경고(참고) 규칙은 오류율에 넣지 않습니다."
)


def _pct(rate) -> str:
    return "" if rate is None else f"{rate:.2f}"


def write_report(catalog: Catalog, path: Path, dataset_ids: list[int] | None = None) -> Path:
    check_suffix(path, (".xlsx",))
    data = report.show(catalog, dataset_ids)
    wb = new_workbook()
    _summary(wb.create_sheet("요약"), data)
    write_table(
        wb.create_sheet("규칙별"),
        ["규칙", "규칙 이름", "구분", "컬럼 수", "점검 값", "오류 값", "오류율(%)", "계산식"],
        [
            [
                r["rule"],
                r["rule_name"],
                "경고(참고)" if r["severity"] == "warning" else "오류",
                r["columns"],
                r["checked"],
                r["errors"],
                _pct(r["error_rate"]),
                r["formula"],
            ]
            for r in data["rules"]
        ],
        numbers=("컬럼 수", "점검 값", "오류 값", "오류율(%)"),
    )
    paths = {d["dataset_id"]: d["path"] for d in data["datasets"]}
    columns = []
    for d in data["datasets"]:
        for c in report.column_rates(catalog, d["dataset_id"]):
            columns.append(
                [
                    paths[d["dataset_id"]],
                    c["table_key"],
                    c["label"],
                    c["checked"],
                    c["errors"],
                    _pct(c["error_rate"]),
                    c["formula"],
                ]  # fmt: skip
            )
    write_table(
        wb.create_sheet("컬럼별"),
        ["파일", "표", "컬럼", "점검 값", "오류 값", "오류율(%)", "계산식"],
        columns,
        numbers=("점검 값", "오류 값", "오류율(%)"),
    )
    write_table(
        wb.create_sheet("진단 결과"),
        [
            "파일",
            "표",
            "컬럼",
            "규칙",
            "규칙 이름",
            "오류 기준",
            "근거",
            "구분",
            "점검 값",
            "오류 값",
            "오류율(%)",
            "오류 예(가림)",
            "상태",
            "조치",
            "조치 사유",
        ],  # fmt: skip
        [
            [
                f["path"],
                f["table"],
                f["column"],
                f["rule"],
                f["rule_name"],
                f["detail"],
                f["source"],
                "경고(참고)" if f["severity"] == "warning" else "오류",
                f["checked"],
                f["errors"],
                _pct(f["error_rate"]),
                ", ".join(f["samples"]),
                "실행 못 함: " + (f["message"] or "") if f["status"] != "ok" else "",
                f["fix"]["action_name"] if f["fix"] else "",
                f["fix"]["reason"] if f["fix"] else "",
            ]
            for f in data["findings"]
            if f["errors"] or f["status"] != "ok" or f["fix"]
        ],
        numbers=("점검 값", "오류 값", "오류율(%)"),
        wrap=("오류 예(가림)", "오류 기준"),
    )
    _provision(wb.create_sheet("제공표준"), data["datasets"])
    write_table(
        wb.create_sheet("조치 이력"),
        [
            "번호",
            "일시",
            "담당",
            "파일",
            "표",
            "컬럼",
            "규칙",
            "조치",
            "사유",
            "조치 전 오류",
            "최근 진단 오류",
            "되돌림",
        ],
        [
            [
                h["id"],
                h["at"],
                h["who"],
                h["path"],
                h["table"],
                h["column"],
                h["rule_name"],
                h["action_name"],
                h["reason"],
                h["errors_before"],
                "" if h["errors_after"] is None else h["errors_after"],
                "예" if h["undone"] else "",
            ]
            for h in report.fix_history(catalog)
        ],
        numbers=("번호", "조치 전 오류", "최근 진단 오류"),
        wrap=("사유",),
    )
    write_table(
        wb.create_sheet("업무 규칙"),
        [
            "번호",
            "범위",
            "대상",
            "종류",
            "규칙",
            "이름",
            "만든 사람",
            "만든 때",
            "고친 사람",
            "고친 때",
            "상태",
        ],
        [
            [
                r.id,
                SCOPES.get(r.scope, r.scope),
                paths.get(r.dataset_id, f"#{r.dataset_id}")
                if r.scope == "dataset"
                else r.term_name,
                KINDS.get(r.kind, r.kind),
                r.as_dict()["description"],
                r.name,
                r.created_by,
                r.created_at,
                r.updated_by or "",
                r.updated_at or "",
                "사용" if r.active else "삭제됨",
            ]
            for r in RuleBook(catalog).rules(active_only=False)
        ],
        numbers=("번호",),
    )
    return save_atomic(wb, path)


def _summary(ws, data: dict) -> None:
    run = data["run"] or {}
    inst = data["institution"]
    rows = [
        ["기관 오류율(%)", _pct(inst["error_rate"])],
        ["계산식", inst["formula"]],
        ["최근 진단", f"#{run.get('id', '')} {run.get('started_at', '')} ({run.get('who', '')})"],
        ["참고", NOTE],
    ]
    last = write_table(ws, ["항목", "값"], rows, wrap=("값",))
    last = write_table(
        ws,
        ["부서", "데이터셋 수", "점검 값", "오류 값", "오류율(%)", "계산식"],
        [
            [
                d["department"],
                d["datasets"],
                d["checked"],
                d["errors"],
                _pct(d["error_rate"]),
                d["formula"],
            ]
            for d in data["departments"]
        ],
        numbers=("데이터셋 수", "점검 값", "오류 값", "오류율(%)"),
        start_row=last + 2,
    )
    write_table(
        ws,
        [
            "파일",
            "부서",
            "상태",
            "데이터 행",
            "점검 값",
            "오류 값",
            "오류율(%)",
            "계산식",
            "제공표준",
            "제공표준 준수율(%)",
        ],
        [
            [
                d["path"],
                d["department"],
                "진단" if d["status"] == "ok" else (d["message"] or d["status"]),
                d["rows"],
                d["checked"],
                d["errors"],
                _pct(d["error_rate"]),
                d["formula"],
                d["provision_standard"] or "",
                "" if d["conformance"] is None else f"{d['conformance']:.1f}",
            ]
            for d in data["datasets"]
        ],
        numbers=("데이터 행", "점검 값", "오류 값", "오류율(%)", "제공표준 준수율(%)"),
        start_row=last + 2 + len(data["departments"]) + 2,
    )


def _provision(ws, datasets: list[dict]) -> None:
    rows = []
    for d in datasets:
        p = d["provision"]
        if not p:
            continue
        rows.append(
            [
                d["path"],
                p["name"],
                p["score"],
                p["items"],
                p["present"],
                ", ".join(p["missing"]),
                ", ".join(p["extra"]),
                ", ".join(f"{r['label']}→{r['item']}" for r in p["renamed"]),
                ", ".join(p["reordered"]),
                p["structure_rate"],
                "" if p["value_rate"] is None else p["value_rate"],
                p["conformance"],
                p["formula"],
            ]
        )
    write_table(
        ws,
        [
            "파일",
            "제공표준",
            "일치도",
            "표준 항목",
            "있는 항목",
            "없는 항목",
            "추가 항목",
            "이름이 다른 항목",
            "순서가 다른 항목",
            "구조 준수율(%)",
            "값 준수율(%)",
            "제공표준 준수율(%)",
            "계산식",
        ],  # fmt: skip
        rows,
        numbers=(
            "일치도",
            "표준 항목",
            "있는 항목",
            "구조 준수율(%)",
            "값 준수율(%)",
            "제공표준 준수율(%)",
        ),
        wrap=("없는 항목", "추가 항목", "계산식"),
    )
