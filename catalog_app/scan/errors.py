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
    "too_many_fields": "한 행의 칸이 16,384개(엑셀의 최대 열 수)를 넘어 표로 읽을 수 없습니다.",
    "reader_crash": (
        "이 파일을 읽던 중 프로그램이 비정상 종료되었습니다(메모리 부족 등). 다른 파일은 계속 "
        "읽었습니다. 엑셀에서 열어 다시 저장한 뒤 스캔하세요."
    ),
    "broken_link": "링크(바로가기)가 가리키는 파일이 없습니다.",
    "link_outside": (
        "스캔한 폴더 밖의 파일을 가리키는 링크라 읽지 않았습니다. 따라가려면 --follow-links 로 "
        "스캔하세요."
    ),
    "not_a_file": "일반 파일이 아닌 특수 파일(FIFO·장치 등)이라 읽지 않았습니다.",
    "folder_unreadable": (
        "폴더를 열 수 없어 안의 파일을 읽지 못했습니다(권한 등). 그 폴더에서 전에 찾은 파일은 "
        "'없어짐'으로 바꾸지 않았습니다."
    ),
    "too_deep": (
        "폴더가 너무 깊이 중첩되었거나 경로가 너무 길어 안을 읽지 않았습니다. 그 폴더에서 전에 "
        "찾은 파일은 '없어짐'으로 바꾸지 않았습니다."
    ),
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
