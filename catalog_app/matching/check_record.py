"""The record one compliance check gives about a column: code, severity, Korean message.

Its own module because both halves of the checks make it: ``checks`` (header and word checks,
the table of every code) and ``checks_values`` (the value checks D1–D5), and ``checks`` calls
``checks_values``; with the record in either of the two they would import each other.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Check", "error", "warning"]


@dataclass(frozen=True)
class Check:
    code: str
    severity: str  # 'error' | 'warning'
    message: str  # Korean (a messages.Text), names the column / term / values
    suggestion: str | None = None  # what to write instead, when there is one answer
    words: tuple[str, ...] = ()  # the non-standard words (W1–W3), for the dashboard's counts

    def as_dict(self) -> dict:
        """The JSON form, as ``dataclasses.asdict`` gives it but without the deep copy."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "words": self.words,
        }


def error(code: str, message, suggestion: str | None = None, words=()) -> Check:
    """A check that makes the column non-compliant."""
    return Check(code, "error", message, suggestion, tuple(words))


def warning(code: str, message, suggestion: str | None = None, words=()) -> Check:
    """A check worth reading that leaves the column compliant."""
    return Check(code, "warning", message, suggestion, tuple(words))
