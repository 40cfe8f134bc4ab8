"""Errors as data: every failure to read a file carries a code and a Korean message a clerk understands."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "empty_file": "빈 파일입니다 (0바이트). 내용이 있는 파일인지 확인하세요.",
    "binary": "표 형식의 텍스트가 아닌 이진 파일입니다. 확장자와 실제 내용이 다릅니다.",
    "encrypted": "암호로 보호된 통합문서라 읽을 수 없습니다. 암호를 해제한 사본을 스캔하세요.",
    "corrupt": "파일이 손상되었거나 끝까지 저장되지 않아 열 수 없습니다.",
    "unsupported": "지원하지 않는 파일 형식입니다.",
    "zip_bomb": "압축을 풀면 크기가 비정상적으로 커지는 파일입니다(압축 폭탄 의심). 안전을 위해 읽지 않았습니다.",
    "line_too_long": "한 줄이 너무 깁니다. 표 형식의 텍스트 파일이 아닌 것 같습니다.",
    "field_too_long": "칸 하나의 내용이 너무 깁니다. 따옴표가 닫히지 않은 파일일 수 있습니다.",
    "not_found": "스캔하는 동안 파일이 사라졌습니다.",
    "permission": "파일을 읽을 권한이 없습니다. 파일이 다른 프로그램에서 잠겨 있거나 권한이 없습니다.",
    "changed": "스캔하는 동안 파일이 바뀌었습니다. 저장이 끝난 뒤 다시 스캔하세요.",
    "encoding": "문자 인코딩을 알아낼 수 없습니다.",
    "too_large": "파일이 너무 커서 읽지 않았습니다.",
    "read_error": "파일을 읽는 중 오류가 발생했습니다.",
}


class ScanFailure(Exception):
    """A file could not be read; becomes a scan_errors row, never a traceback."""

    def __init__(self, code: str, detail: str = "", message: str | None = None):
        self.code = code
        self.detail = detail
        self.message = message or MESSAGES.get(code, MESSAGES["read_error"])
        if code == "unsupported" and detail and message is None:
            self.message = f"{self.message} ({detail})"  # what it looks like: 'PNG 이미지', …
        super().__init__(f"{code}: {self.message} {detail}".strip())
