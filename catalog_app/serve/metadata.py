"""Datasette metadata for the published catalog: Korean titles and descriptions, facets, search,
canned queries, and the password plugin's settings when a password is set."""

from __future__ import annotations

DB = "catalog"  # the database's name in URLs: /catalog/datasets

SEARCH_SQL = """
select i.종류, i.이름, i.부서,
       d.id as 데이터셋_id, d.파일명 as 데이터셋,
       s.시트 as 시트,
       i.컬럼 as 컬럼_id
from search_items i
join datasets d on d.id = i.데이터셋
left join sheets s on s.id = i.시트
where :q != '' and (
    (length(:q) >= 3 and i.id in (
        select rowid from search_items_fts
        where search_items_fts match '"' || replace(:q, '"', '""') || '"'))
    or (length(:q) < 3 and i.이름 like '%' || :q || '%')
)
order by case i.종류 when '데이터셋' then 0 when '시트' then 1 else 2 end, i.부서, d.파일명
limit 200
"""

DUE_SQL = """
select id, 목록명, 부서, "업데이트 주기", "차기 등록 예정일", 공개여부, 경로
from datasets
where "차기 등록 예정일" != '' and "차기 등록 예정일" is not null
  and "차기 등록 예정일" <= date('now', '+' || cast(coalesce(nullif(:days, ''), '30') as integer) || ' days')
order by "차기 등록 예정일", 부서, 목록명
"""

RATES_SQL = """
select 부서, 준수율, "준수 컬럼", "점검 컬럼", 데이터셋, 컬럼, 산식, 출처, "꾸러미 만든 이",
       "꾸러미 만든 때", "합친 때"
from departments order by 부서
"""


def build_metadata(
    institution: str, *, username: str | None = None, password_hash: str | None = None,
    unsuggested: int = 0, published_at: str = "",
) -> dict:  # fmt: skip
    """The ``metadata`` dict Datasette takes (JSON-shaped)."""
    org = institution or "기관"
    warn = (
        f" 표준용어 제안이 없는 컬럼이 {unsuggested:,}개 있어 준수율은 참고용입니다."
        if unsuggested
        else ""
    )
    meta: dict = {
        "title": f"{org} 데이터 목록",
        "description": (
            f"{org}의 부서들이 가진 데이터 파일, 시트, 컬럼과 표준 준수율 (읽기 전용, "
            f"{published_at[:16].replace('T', ' ')} 기준). 값은 싣지 않습니다: 이름과 형식, "
            "표준용어, 공개 항목만 있습니다." + warn
        ),
        "databases": {
            DB: {
                "title": "기관 데이터 카탈로그",
                "description": (
                    "'이름으로 찾기'는 두 글자 낱말(주소, 인구)도 찾습니다. 표의 검색 칸은 세 "
                    "글자 이상을 찾습니다."
                ),
                "tables": {
                    "datasets": {
                        "title": "데이터셋 (파일)",
                        "description": "부서가 가진 파일 하나가 한 줄입니다. 줄을 누르면 그 "
                        "파일의 시트와 컬럼이 이어집니다.",
                        "label_column": "파일명",
                        "facets": ["부서", "상태", "공개여부", "개인정보 포함"],
                        "fts_table": "datasets_fts",
                        "fts_pk": "id",
                        "size": 50,
                        "columns": {
                            "준수율": "표준 준수율(%) = 준수 컬럼 / 점검 컬럼 × 100",
                            "출처": "이 PC에서 스캔했는지, 어느 부서 꾸러미에서 왔는지",
                            "개인정보 포함": "스캔이 찾은 개인정보 컬럼이 있는지",
                        },
                    },
                    "sheets": {
                        "title": "시트 (표)",
                        "description": "파일 안의 표. CSV 파일은 표 하나입니다.",
                        "label_column": "시트",
                        "facets": ["부서"],
                        "fts_table": "sheets_fts",
                        "fts_pk": "id",
                    },
                    "columns": {
                        "title": "컬럼",
                        "description": "각 표의 컬럼과 매핑된 표준용어. 값(예시)은 싣지 않습니다.",
                        "label_column": "컬럼명",
                        "facets": ["부서", "개인정보", "준수"],
                        "fts_table": "columns_fts",
                        "fts_pk": "id",
                        "size": 50,
                    },
                    "departments": {
                        "title": "부서",
                        "description": "부서별 데이터셋·컬럼 수와 표준 준수율",
                        "label_column": "부서",
                    },
                    "search_items": {"hidden": True},
                    "published": {"hidden": True},
                },
                "queries": {
                    "search": {
                        "title": "이름으로 찾기",
                        "description": "파일·시트·컬럼 이름의 일부로 찾습니다 (예: 주소, 인구).",
                        "sql": SEARCH_SQL.strip(),
                        "hide_sql": True,
                    },
                    "compliance_by_department": {
                        "title": "부서별 표준 준수율",
                        "description": "준수 컬럼 / 점검 컬럼 × 100 (교차표 구분 열 제외)",
                        "sql": RATES_SQL.strip(),
                        "hide_sql": True,
                    },
                    "due_for_registration": {
                        "title": "등록 예정 데이터셋",
                        "description": "차기 등록 예정일이 지났거나 :days 일 안에 오는 데이터셋 "
                        "(비우면 30일).",
                        "sql": DUE_SQL.strip(),
                        "hide_sql": True,
                    },
                },
            }
        },
    }
    if password_hash:
        meta["plugins"] = {
            "datasette-auth-passwords": {
                "http_basic_auth": True,
                f"{username or 'staff'}_password_hash": password_hash,
            }
        }
    return meta
