"""catalog_app.messages: the core's Korean messages keep their template and parameters (so a
window can show them in English) while staying plain Korean text for the CLI, JSON and SQLite."""

from __future__ import annotations

import copy
import json
import pickle
import sqlite3

from catalog_app.dictionary.model import Term
from catalog_app.messages import Text, join, known, match, template, templates


def test_text_is_korean_text_that_remembers_its_template():
    said = template(
        "{col}의 최대 길이 {observed}바이트가 도메인 {domain}({length}바이트)을 넘습니다."
    )
    text = said(col="'주소'", observed=300, domain="주소V200", length=200)
    assert text == "'주소'의 최대 길이 300바이트가 도메인 주소V200(200바이트)을 넘습니다."
    assert isinstance(text, str) and text.template == said.korean and text.params["observed"] == 300
    assert json.dumps({"m": text}, ensure_ascii=False) == json.dumps(
        {"m": str(text)}, ensure_ascii=False
    )
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT ?", (text,)).fetchone()[0] == str(text)
    for again in (pickle.loads(pickle.dumps(text)), copy.deepcopy(text)):
        assert again == text and again.template == text.template and again.params == text.params


def test_every_message_module_registers_its_templates():
    found = templates()
    assert "필수 항목이 비어 있습니다." in found  # validation
    assert "'{name}'에 표준사전에 없는 단어가 있습니다: {words}" in found  # checks
    assert "도메인이 지정되지 않았습니다." in found  # dictionary rules
    assert "업데이트 주기" in found and "차기 등록 예정일" in found  # field labels
    assert isinstance(known("목록명"), Text) and not isinstance(known("주차장.csv"), Text)


def test_stored_text_is_matched_back_to_its_template():
    from catalog_app.dictionary.model import Word
    from catalog_app.dictionary.segment import WordIndex
    from catalog_app.matching.checks import check_column

    words = [
        Word("주차", "PRK"),
        Word("장", "PLC"),
        Word("명", "NM", is_class_word=True, domain_class="명"),
    ]
    index = WordIndex(words, [], [])
    for check in check_column("주차장 이름(국문)", None, None, None, index):
        stored = json.loads(json.dumps(check.as_dict(), ensure_ascii=False))["message"]
        again = match(stored)
        assert again is not None, stored
        assert again.template == check.message.template and again == stored
    nested = match("[주차장.csv] 업데이트 주기: 필수 항목이 비어 있습니다.")
    assert nested.params["dataset"] == "주차장.csv"  # data stays data
    assert nested.params["label"].template == "업데이트 주기"  # a label is a message again
    assert match("아무 템플릿도 아닌 글") is None


def test_joined_parts_keep_their_templates():
    a, b = template("공백")(), template("줄바꿈")()
    joined = join(", ", [a, b])
    assert joined == "공백, 줄바꿈" and joined.params == {"p0": a, "p1": b}


def test_rule_findings_and_problems_are_texts():
    from catalog_app.dictionary.rules import validate_term
    from catalog_app.dictionary.segment import WordIndex

    findings = validate_term(Term(name="", abbr=""), WordIndex([], [], []), {})
    assert findings and all(isinstance(f.message, Text) for f in findings)
