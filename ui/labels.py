"""Korean display names for the core's codes (status, types, PII kinds, dictionary actions).

Kept apart from the core's own tables so every label goes through Qt's translator (an English
.ts can follow) and is looked up at call time, after the translator is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_name(code: str | None) -> str:
    names = {
        "ok": QCoreApplication.translate("labels", "정상"),
        "error": QCoreApplication.translate("labels", "오류"),
        "missing": QCoreApplication.translate("labels", "없어짐"),
    }
    return names.get(code or "", code or "")


def run_status_name(code: str | None) -> str:
    names = {
        "running": QCoreApplication.translate("labels", "진행 중"),
        "done": QCoreApplication.translate("labels", "완료"),
        "cancelled": QCoreApplication.translate("labels", "취소됨"),
        "failed": QCoreApplication.translate("labels", "실패"),
        # A run whose process was killed; closed by the next scan (issue 11).
        "interrupted": QCoreApplication.translate("labels", "중단됨(비정상 종료)"),
    }
    return names.get(code or "", code or "")


def type_name(code: str | None) -> str:
    names = {
        "integer": QCoreApplication.translate("labels", "정수"),
        "decimal": QCoreApplication.translate("labels", "소수"),
        "date": QCoreApplication.translate("labels", "날짜"),
        "datetime": QCoreApplication.translate("labels", "일시"),
        "time": QCoreApplication.translate("labels", "시각"),
        "flag": QCoreApplication.translate("labels", "여부(Y/N)"),
        "code": QCoreApplication.translate("labels", "코드"),
        "text": QCoreApplication.translate("labels", "문자"),
        "empty": QCoreApplication.translate("labels", "빈 열"),
    }
    return names.get(code or "", code or "")


def pii_name(code: str | None) -> str:
    names = {
        "rrn": QCoreApplication.translate("labels", "주민등록번호"),
        "foreigner_rrn": QCoreApplication.translate("labels", "외국인등록번호"),
        "mobile": QCoreApplication.translate("labels", "휴대전화번호"),
        "phone": QCoreApplication.translate("labels", "전화번호"),
        "email": QCoreApplication.translate("labels", "이메일"),
        "passport": QCoreApplication.translate("labels", "여권번호"),
        "driver_license": QCoreApplication.translate("labels", "운전면허번호"),
        "business_no": QCoreApplication.translate("labels", "사업자등록번호"),
        "corporate_no": QCoreApplication.translate("labels", "법인등록번호"),
        "card": QCoreApplication.translate("labels", "카드번호"),
        "account": QCoreApplication.translate("labels", "계좌번호"),
        "address_detail": QCoreApplication.translate("labels", "상세주소"),
        "person_name": QCoreApplication.translate("labels", "성명"),
        "birth_date": QCoreApplication.translate("labels", "생년월일"),
        "rrn_partial": QCoreApplication.translate("labels", "주민등록번호(일부)"),
        "vehicle_no": QCoreApplication.translate("labels", "차량번호"),
        "address": QCoreApplication.translate("labels", "주소"),
        "gender": QCoreApplication.translate("labels", "성별"),
        "age": QCoreApplication.translate("labels", "나이"),
        "sex_age": QCoreApplication.translate("labels", "성별+나이"),
        "region": QCoreApplication.translate("labels", "거주지역"),
        "event_date": QCoreApplication.translate("labels", "날짜(사건일)"),
        "attribute": QCoreApplication.translate("labels", "인적 속성(직업·국적 등)"),
        "health": QCoreApplication.translate("labels", "건강"),
        "disability": QCoreApplication.translate("labels", "장애"),
        "medical_history": QCoreApplication.translate("labels", "병력"),
        "criminal": QCoreApplication.translate("labels", "범죄경력"),
        "religion": QCoreApplication.translate("labels", "종교"),
        "political": QCoreApplication.translate("labels", "정당"),
        "other": QCoreApplication.translate("labels", "기타 개인정보"),
    }
    return names.get(code or "", code or "")


def hit_kind_name(code: str) -> str:
    names = {
        "dataset": QCoreApplication.translate("labels", "파일"),
        "table": QCoreApplication.translate("labels", "시트"),
        "column": QCoreApplication.translate("labels", "컬럼"),
    }
    return names.get(code, code)


def dict_kind_name(code: str | None) -> str:
    names = {
        "word": QCoreApplication.translate("labels", "단어"),
        "term": QCoreApplication.translate("labels", "용어"),
        "domain": QCoreApplication.translate("labels", "도메인"),
        "proposal": QCoreApplication.translate("labels", "제안"),
        "layer": QCoreApplication.translate("labels", "기관표준 전체"),
    }
    return names.get(code or "", code or "")


def layer_name(code: str | None) -> str:
    names = {
        "official": QCoreApplication.translate("labels", "공통표준"),
        "institution": QCoreApplication.translate("labels", "기관표준"),
    }
    return names.get(code or "", code or "")


def action_name(code: str | None) -> str:
    names = {
        "add": QCoreApplication.translate("labels", "추가"),
        "edit": QCoreApplication.translate("labels", "수정"),
        "retire": QCoreApplication.translate("labels", "폐기"),
        "approve": QCoreApplication.translate("labels", "승인"),
        "reject": QCoreApplication.translate("labels", "반려"),
        "propose": QCoreApplication.translate("labels", "제안"),
        "import": QCoreApplication.translate("labels", "가져오기"),
        "undo": QCoreApplication.translate("labels", "되돌림"),
    }
    return names.get(code or "", code or "")


def proposal_status_name(code: str | None) -> str:
    names = {
        "pending": QCoreApplication.translate("labels", "검토 대기"),
        "approved": QCoreApplication.translate("labels", "승인"),
        "rejected": QCoreApplication.translate("labels", "반려"),
    }
    return names.get(code or "", code or "")


def file_status_name(code: str | None) -> str:
    names = {
        "new": QCoreApplication.translate("labels", "새 파일"),
        "changed": QCoreApplication.translate("labels", "바뀐 파일"),
        "unchanged": QCoreApplication.translate("labels", "그대로"),
        "failed": QCoreApplication.translate("labels", "실패"),
    }
    return names.get(code or "", code or "")


def match_kind_name(code: str | None) -> str:
    """The matcher's kind of suggestion (README: Mapping columns to the standard)."""
    names = {
        "exact": QCoreApplication.translate("labels", "일치"),
        "synonym": QCoreApplication.translate("labels", "동의어"),
        "variant": QCoreApplication.translate("labels", "변형"),
        "composable": QCoreApplication.translate("labels", "조합 가능"),
        "nonstandard": QCoreApplication.translate("labels", "비표준"),
        "not_a_column": QCoreApplication.translate("labels", "구분 열"),
        "unmapped": QCoreApplication.translate("labels", "미분석"),
    }
    return names.get(code or "", code or "")


def decision_name(code: str | None) -> str:
    names = {
        "accepted": QCoreApplication.translate("labels", "수락"),
        "rejected": QCoreApplication.translate("labels", "거부"),
        "proposed": QCoreApplication.translate("labels", "새 용어 제안"),
    }
    return names.get(code or "", code or "")


def check_name(code: str | None) -> str:
    """The standard check codes T1…N3 (catalog_app/matching/checks.py)."""
    names = {
        "T1": QCoreApplication.translate("labels", "미등록 용어"),
        "W1": QCoreApplication.translate("labels", "비표준 단어"),
        "W2": QCoreApplication.translate("labels", "금칙어"),
        "W3": QCoreApplication.translate("labels", "이음동의어"),
        "W4": QCoreApplication.translate("labels", "동음이의어"),
        "W5": QCoreApplication.translate("labels", "조합 모호"),
        "F1": QCoreApplication.translate("labels", "분류어 종결"),
        "D1": QCoreApplication.translate("labels", "타입"),
        "D2": QCoreApplication.translate("labels", "길이"),
        "D3": QCoreApplication.translate("labels", "소수점"),
        "D4": QCoreApplication.translate("labels", "형식"),
        "D5": QCoreApplication.translate("labels", "허용값"),
        "N1": QCoreApplication.translate("labels", "부적합 문자"),
        "N2": QCoreApplication.translate("labels", "약어 규칙"),
        "N3": QCoreApplication.translate("labels", "논리명 없음"),
    }
    return names.get(code or "", code or "")


def severity_name(code: str | None) -> str:
    names = {
        "error": QCoreApplication.translate("labels", "오류"),
        "warning": QCoreApplication.translate("labels", "경고"),
    }
    return names.get(code or "", code or "")
