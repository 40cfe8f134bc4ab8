"""Dataset warnings with a code: what a program (check, validate, the window) can act on.

``datasets.warnings`` holds Korean notes for people; a flag is ``{"code", "message"}`` kept in
``datasets.flags`` (``flags`` in ``list``/``show --json``). The message is also added to the notes,
so a reader of ``warnings`` alone still sees it. Codes are only ever added (README, JSON contract).
"""

from __future__ import annotations

import json

# code → Korean message (the detail is appended after a colon)
MESSAGES: dict[str, str] = {
    "garbled_text": (
        "글자가 깨져 읽혔습니다 (다른 읽기 방법으로도 바로잡지 못함). 컬럼 이름과 값을 믿을 수 "
        "없어 표준 준수율에서 뺐습니다. 엑셀에서 열어 .xlsx로 다시 저장한 뒤 스캔하세요"
    ),
    "reader_fallback": ("기본 읽기 도구가 글자를 잘못 읽어 다른 읽기 도구(xlrd)로 다시 읽었습니다"),
    "ragged_rows": (
        "칸 수가 머리글과 다른 행이 있습니다. 따옴표가 잘못되어 값이 옆 컬럼으로 밀렸을 수 "
        "있으니 원본을 확인하세요"
    ),
}

# Flags that keep a dataset's columns out of 표준 준수율 (its labels cannot be trusted).
RATE_EXCLUDING = ("garbled_text",)


def make_flag(code: str, detail: str = "") -> dict:
    message = MESSAGES[code]
    return {"code": code, "message": f"{message}: {detail}" if detail else message}


def rate_exclusion(flags_json: str | None) -> str | None:
    """The Korean reason a dataset is left out of 표준 준수율, or None when it counts."""
    for flag in json.loads(flags_json or "[]"):
        if flag.get("code") in RATE_EXCLUDING:
            return f"준수율에서 뺌 — {flag.get('message', '')}"
    return None
