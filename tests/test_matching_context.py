"""Mapping that reads its context (issue 19): value signatures, the table's subject, crosstab
siblings judged per table, physical names read through near abbreviations, whole-word
non-standard words and the look-alike floor.

Small committed fixtures (the shipped 7차 dictionary and code lists, made-up tables of real
shapes) always run; the corpus part maps the real files of ../shared/corpus through the map job
and skips without it.  No timing assertions (see benchmarks/bench_mapping.py).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from catalog_app.matching import CONFIDENT
from catalog_app.matching.context import TableContext, listed_members, subjects
from catalog_app.matching.signatures import legal_dong_codes, org_codes, sgg_codes, signature

ROOT = Path(__file__).resolve().parents[1]
STANDARDS = ROOT / "standards" / "pds7_2024-11"
PHYSICAL = ROOT / "tests" / "fixtures" / "physical_names.csv"
CORPUS = ROOT.parent / "shared" / "corpus"


def top(s) -> str | None:
    return s.candidates[0].term if s.candidates else None


# -- value signatures ------------------------------------------------------------------------


def test_shipped_code_lists_load_without_shared():
    codes = legal_dong_codes()
    assert len(codes) == 49_861
    assert "1111010100" in codes  # 서울특별시 종로구 청운동
    assert "11110" in sgg_codes() and "11680" in sgg_codes()  # 종로구, 강남구
    assert "11111" not in sgg_codes()
    assert "3010000" in org_codes() and len(org_codes()) > 400


def test_legal_dong_codes_name_the_column_even_under_another_header(shipped_matcher):
    s = shipped_matcher.suggest("행정구역코드", ["1111010100", "1111010200", "1168010300"])
    assert top(s) == "법정동코드"
    assert "값 3/3개가 법정동코드 목록에 있음" in s.candidates[0].reasons
    assert s.candidates[0].score < CONFIDENT  # evidence from values is never confident
    # the header still composes a new term (행정구역 + 코드): that proposal stays
    assert s.kind == "composable" and s.proposal["abbr"] == "ADMDST_CD"
    # ten digits that are no 법정동코드 are no evidence
    other = shipped_matcher.suggest("행정구역코드", ["9911010100", "9911010200", "9968010300"])
    assert top(other) != "법정동코드"


def test_org_codes_and_sgg_codes(shipped_matcher):
    s = shipped_matcher.suggest("개방자치단체코드", ["3010000", "3080000", "3000000"])
    assert top(s) == "기관코드"
    assert any("기관코드 목록" in r for r in s.candidates[0].reasons)
    sig = signature(["11110", "11140", "11680"], "code")
    assert sig is not None and sig.kind == "sgg_code" and "시군구코드" in sig.reason


def test_dong_names_and_coordinates(shipped_matcher):
    s = shipped_matcher.suggest("동별(1)", ["청운효자동", "사직동", "삼청동", "종로1.2.3.4가동"])
    assert top(s) == "행정동명"
    assert any("읍면동 이름" in r for r in s.candidates[0].reasons)
    # 시군구 names are not 동 names
    assert signature(["종로구", "중구", "용산구"], "text") is None
    lat = shipped_matcher.suggest("Y", ["37.5180081", "36.2212104", "35.1234567"])
    lon = shipped_matcher.suggest("X", ["127.0276", "126.9780", "129.0756"])
    assert top(lat) == "위도" and top(lon) == "경도"
    # two decimal places are prices or rates, not coordinates
    assert signature(["37.51", "36.22"], "decimal") is None


# -- the table's subject ---------------------------------------------------------------------


def test_subject_from_the_file_name_turns_a_bare_name_into_the_subjects_name(shipped_matcher):
    for file_name, expected in (
        ("전통시장.csv", "시장명"),
        ("전국도서관표준데이터.csv", "도서관명"),
    ):
        ctx = TableContext(file_name, "", ("이름", "주소"))
        s = shipped_matcher.suggest("이름", ["가", "나"], context=ctx)
        assert top(s) == expected, file_name
        assert any(r.startswith("표의 주제") for r in s.candidates[0].reasons)
        assert s.candidates[0].score < CONFIDENT
    # without a context the single-header API is unchanged
    assert top(shipped_matcher.suggest("이름", ["가", "나"])) not in ("시장명", "도서관명")


def test_subject_from_sibling_headers_when_the_file_name_says_nothing(shipped_matcher):
    ctx = TableContext("data.csv", "Sheet1", ("명칭", "주차장구분", "주차장유형", "주차장명"))
    assert [s.name for s in subjects(ctx, shipped_matcher.lexicon)] == ["주차장"]
    assert top(shipped_matcher.suggest("명칭", [], context=ctx)) == "주차장명"


def test_subject_reads_latin_file_names_and_skips_publishing_words(shipped_matcher):
    ctx = TableContext("tradi_market_list_2024.csv", "", ())
    assert [s.name for s in subjects(ctx, shipped_matcher.lexicon)] == ["시장"]


# -- crosstab siblings -----------------------------------------------------------------------


def _table(shipped_matcher, file_name, columns):
    ctx = TableContext(file_name, "", tuple(h for h, _ in columns))
    return shipped_matcher.suggest_table([(h, v, None) for h, v in columns], ctx)


def test_category_values_side_by_side_are_a_band(shipped_matcher):
    out = _table(
        shipped_matcher,
        "주유소_판매가격.csv",
        [
            ("상호", ["가나주유소", "다라주유소"]),
            ("휘발유", ["1548", "1565", "1566"]),
            ("경유", ["1345", "1365", "1361"]),
            ("등유", ["990", "1060", "1010"]),
        ],
    )
    assert [s.kind for s in out] == ["exact", "not_a_column", "not_a_column", "not_a_column"]
    assert out[2].band.startswith("교차표 구간") and out[2].candidates == []


def test_measures_short_of_their_class_word_are_not_a_band(shipped_matcher):
    out = _table(
        shipped_matcher,
        "인구현황.csv",
        [("인구", ["102", "340"]), ("세대", ["40", "120"]), ("가구", ["38", "117"])],
    )
    assert "not_a_column" not in [s.kind for s in out]
    assert top(out[0]) == "인구수"


def test_grid_and_parts_of_a_total_and_listed_members(shipped_matcher):
    grid = _table(
        shipped_matcher,
        "범죄.csv",
        [
            ("관서명", ["중부서", "종로서"]),
            ("살인 발생", ["2", "3"]),
            ("살인 검거", ["2", "3"]),
            ("강도 발생", ["5", "6"]),
            ("강도 검거", ["4", "6"]),
        ],
    )
    assert [s.kind for s in grid] == ["exact"] + ["not_a_column"] * 4
    parts = _table(
        shipped_matcher,
        "응급결과.xlsx",
        [("구분", ["내과"]), ("소계", ["9", "4"]), ("외래", ["8", "2"]), ("입원", ["1", "2"])],
    )
    assert [s.kind for s in parts][1:] == ["not_a_column"] * 3
    assert "합계 열" in parts[2].band
    ctx = TableContext("확진자.xlsx", "발생별(국내발생+해외유입), 사망", ())
    assert listed_members(ctx) == {"국내발생", "해외유입"}
    # text columns never make a grid (시설관리·소유주체 × 시도명·시군구명 are real columns)
    names = _table(
        shipped_matcher,
        "체육시설.csv",
        [
            ("시설관리 시도명", ["충청북도"]),
            ("시설관리 시군구명", ["충주시"]),
            ("소유주체 시도명", ["충청북도"]),
            ("소유주체 시군구명", ["충주시"]),
        ],
    )
    assert "not_a_column" not in [s.kind for s in names]


# -- physical names --------------------------------------------------------------------------


def test_near_abbreviations_are_read_and_said_to_be_guesses(shipped_matcher):
    s = shipped_matcher.suggest("INSTT_NM")
    assert top(s) == "기관명"
    assert "영문 'INSTT'→'기관' (추정)" in s.candidates[0].reasons
    assert s.candidates[0].score < CONFIDENT
    glued = shipped_matcher.suggest("MLTNO_YN")
    assert glued.proposal["words"] == ["다중", "번호", "여부"]
    assert glued.proposal["guessed"] == ["영문 'MLTNO'→'다중+번호' (추정)"]
    # values that fit do not make a guess confident
    with_values = shipped_matcher.suggest("INSTT_CD", ["3010000", "3080000", "3000000"])
    assert top(with_values) == "기관코드" and with_values.candidates[0].score < CONFIDENT
    # the standard abbreviation itself is no guess
    assert "추정" not in " ".join(shipped_matcher.suggest("USE_YN").candidates[0].reasons)


def _physical_rows() -> list[dict]:
    with PHYSICAL.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_real_physical_names_from_public_sources(shipped_matcher):
    """Physical names written in real public code and API field lists (tests/fixtures/
    physical_names.csv, sources there): the clear ones map, every guess is said and none is
    confident, and nothing unexplained is claimed."""
    rows = _physical_rows()
    assert len(rows) >= 12
    for row in rows:
        s = shipped_matcher.suggest(row["header"])
        reasons = [r for c in s.candidates for r in c.reasons]
        if row["expected_term"]:
            assert top(s) == row["expected_term"], row["header"]
        if row["expected_abbr"]:
            assert (s.proposal or {}).get("abbr") == row["expected_abbr"], row["header"]
        for c in s.candidates:
            if any("(추정)" in r for r in c.reasons):
                assert c.score < CONFIDENT, row["header"]
        if row["note"] == "unknown":
            assert s.kind == "nonstandard" and not any("(추정)" in r for r in reasons)


# -- whole words and the look-alike floor ----------------------------------------------------


def test_nonstandard_words_reported_are_whole_words(shipped_matcher):
    from catalog_app.matching.checks import check_column, nonstandard_words

    ix = shipped_matcher.lexicon.index
    cases = {
        "비시가인구": ["비시가"],
        "도착전사망": ["도착전"],
        "사용가능상품권": ["상품권"],
        "관람석수용인원수": ["관람석"],
        "업소명": ["업소"],
        "대출가능권수": ["권"],  # before a one-syllable class word the syllable is a word
    }
    for name, words in cases.items():
        assert nonstandard_words(check_column(name, None, None, None, ix)) == words, name
    # a proposal names the same whole words
    s = shipped_matcher.suggest("유수식사료사용량")
    assert s.proposal["missing"] == ["유수식사료"]


def test_lookalikes_under_the_floor_are_hidden(shipped_matcher):
    s = shipped_matcher.suggest("유수식_사료사용량(kg/월)", ["17", "54"])
    assert s.candidates == [] and s.kind == "nonstandard"  # was 연료사용량 (0.30) first
    assert s.proposal["missing"] == ["유수식사료"]
    # above the floor a look-alike stays, with its similarity said
    near = shipped_matcher.suggest("사료사용량", ["3042", "1667"]).candidates[0]
    assert near.term == "연료사용량" and near.score < 0.5 and "비슷한 표기" in near.reasons[0]
    # a one-jamo slip is still shown, however weak
    assert "노선명" in [
        c.term for c in shipped_matcher.suggest("호선", ["1호선", "2호선"]).candidates
    ]


# -- real corpus (../shared) -----------------------------------------------------------------

corpus = pytest.mark.skipif(
    not (CORPUS / "MANIFEST.csv").is_file(), reason=f"real corpus not found at {CORPUS}"
)


@pytest.fixture(scope="module")
def mapped(tmp_path_factory, template):
    """The real corpus scanned and mapped once (the map job passes each table as context)."""
    import shutil

    from catalog_app.catalog.store import Catalog
    from catalog_app.matching.jobs import map_catalog
    from catalog_app.scan.scanner import scan

    path = tmp_path_factory.mktemp("ctx") / "c.db"
    shutil.copy(template, path)
    with Catalog(path) as cat:
        scan(cat, [str(CORPUS)])
        map_catalog(cat)
        rows = cat.conn.execute(
            """SELECT d.name AS file, c.label, m.kind, m.candidates FROM column_match m
               JOIN columns c ON c.id = m.column_id JOIN datasets d ON d.id = c.dataset_id"""
        ).fetchall()
    import json

    return {(r["file"], r["label"]): (r["kind"], json.loads(r["candidates"])) for r in rows}


def _col(mapped, file_name, label):
    assert (file_name, label) in mapped, f"{file_name} › {label} not mapped"
    return mapped[(file_name, label)]


@pytest.mark.slow
@corpus
@pytest.mark.corpus
def test_corpus_value_signatures(mapped):
    kind, cands = _col(
        mapped, "붙임1_2012년기준_전국오염원_조사자료_5.양식계(환경기초시설외).csv", "행정구역코드"
    )
    assert cands[0]["term"] == "법정동코드" and "법정동코드 목록" in cands[0]["reasons"][0]
    kind, cands = _col(mapped, "서울시 유흥주점영업 인허가 정보.xlsx", "개방자치단체코드")
    assert cands[0]["term"] == "기관코드"
    kind, cands = _col(mapped, "소방청_서울특별시 주소별 구급출동현황_20191231.csv", "발생동")
    assert cands[0]["term"] == "행정동명"
    kind, cands = _col(mapped, "tradi_market.csv", "위도")
    assert kind == "exact" and any("위도 범위" in r for r in cands[0]["reasons"])


@corpus
@pytest.mark.corpus
def test_corpus_subject(mapped):
    kind, cands = _col(mapped, "tradi_market.csv", "이름")
    assert cands[0]["term"] == "시장명"
    assert cands[0]["reasons"][0] == "표의 주제 '시장'(파일 이름)"


@corpus
@pytest.mark.corpus
def test_corpus_crosstab_siblings(mapped):
    for file_name, label in (
        ("지역_위치별(주유소).xls", "휘발유"),
        ("지역_위치별(주유소).xls", "경유"),
        ("소방청_119신고 전화 유형_20201231.csv", "화 재"),
        ("02. crime_in_Seoul.csv", "살인 발생"),
        ("elevator_lift.csv", "엘리베이터(E/V)"),
        ("진료과별응급결과.xlsx", "사망"),
    ):
        assert _col(mapped, file_name, label)[0] == "not_a_column", label
    # measures beside bands stay data columns
    assert _col(mapped, "01. population_in_Seoul.xls", "세대")[0] == "variant"
    assert _col(mapped, "코로나19 확진자 발생현황.xlsx", "사망")[0] == "variant"
    assert _col(mapped, "지역_위치별(주유소).xls", "상호")[0] == "exact"


@pytest.mark.slow
@corpus
@pytest.mark.corpus
def test_corpus_nonstandard_words_are_words(template, tmp_path):
    import shutil

    from catalog_app.catalog.store import Catalog
    from catalog_app.matching.jobs import check_catalog, map_catalog
    from catalog_app.scan.scanner import scan

    path = tmp_path / "c.db"
    shutil.copy(template, path)
    with Catalog(path) as cat:
        scan(cat, [str(CORPUS)])
        map_catalog(cat)
        words = [w for w, _ in check_catalog(cat).top_words]
    for fragment in ("전", "하", "비", "료", "유", "도", "평", "철", "가두"):
        assert fragment not in words, fragment
    assert "자치구" in words and "홈페이지" in words


# -- the suggest contract with tables --------------------------------------------------------


def test_contract_groups_rows_into_tables_by_file_and_sheet(tmp_path, shipped_matcher):
    from catalog_app.matching.contract import read_tables, suggest_file

    path = tmp_path / "in.csv"
    path.write_text(
        "header,values,file,sheet\n"
        "이름,가나시장 | 다라시장,전통시장.csv,\n"
        "휘발유,1548 | 1565,주유소.xlsx,가격\n"
        "경유,1345 | 1365,주유소.xlsx,가격\n"
        "등유,990 | 1060,주유소.xlsx,가격\n"
        "경유,1345 | 1365,다른.xlsx,\n",
        encoding="utf-8",
    )
    groups = [(ctx.file_name, ctx.sheet_name, len(rows)) for ctx, rows in read_tables(path)]
    assert groups == [("전통시장.csv", "", 1), ("주유소.xlsx", "가격", 3), ("다른.xlsx", "", 1)]
    out = list(suggest_file(path, shipped_matcher))
    assert out[0]["candidates"][0]["term"] == "시장명"
    assert [o["kind"] for o in out[1:4]] == ["not_a_column"] * 3
    assert out[1]["band"].startswith("교차표 구간") and out[1]["candidates"] == []
    assert out[4]["kind"] != "not_a_column"  # alone in its table: no siblings to judge by
