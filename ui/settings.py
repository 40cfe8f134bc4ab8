"""What the app remembers between runs (QSettings), behind typed accessors with the keys in one
place, so pages never spell a key twice and tests can point QSettings at a temporary folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from catalog_app.matching.review_state import CONFIRM_BELOW

ORGANIZATION = "catalog_app"
APPLICATION = "catalog_app"
LANGUAGES = ("ko", "en")
# Candidates scoring under this are guesses (a typo, values only): accepting one asks first
# (the core's rule: matching.review_state.needs_confirm).
DEFAULT_CONFIRM_BELOW = CONFIRM_BELOW


def _as_list(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


class Settings:
    def __init__(self) -> None:
        self._qs = QSettings()

    # --------------------------------------------------------------- catalog file
    @property
    def catalog_path(self) -> str | None:
        value = self._qs.value("catalog/path", "")
        return str(value) or None

    @catalog_path.setter
    def catalog_path(self, path: str | None) -> None:
        self._qs.setValue("catalog/path", path or "")

    # -------------------------------------------------------------------- folders
    @property
    def scan_folders(self) -> list[str]:
        return _as_list(self._qs.value("scan/folders", []))

    @scan_folders.setter
    def scan_folders(self, folders: list[str]) -> None:
        self._qs.setValue("scan/folders", list(folders))

    @property
    def last_dir(self) -> str:
        return str(self._qs.value("scan/last_dir", "") or "")

    @last_dir.setter
    def last_dir(self, path: str) -> None:
        self._qs.setValue("scan/last_dir", path)

    @property
    def last_export_dir(self) -> str:
        return str(self._qs.value("disclosure/last_export_dir", "") or "")

    @last_export_dir.setter
    def last_export_dir(self, path: str) -> None:
        self._qs.setValue("disclosure/last_export_dir", path)

    # ------------------------------------------------------------------- language
    @property
    def language(self) -> str:
        value = str(self._qs.value("ui/language", "ko") or "ko")
        return value if value in LANGUAGES else "ko"

    @language.setter
    def language(self, code: str) -> None:
        self._qs.setValue("ui/language", code if code in LANGUAGES else "ko")

    # ------------------------------------------------------------------- mapping
    @property
    def confirm_below(self) -> float:
        """Accepting a candidate scoring under this asks first (0 = never ask)."""
        try:
            value = float(self._qs.value("mapping/confirm_below", DEFAULT_CONFIRM_BELOW))
        except (TypeError, ValueError):
            return DEFAULT_CONFIRM_BELOW
        return min(max(value, 0.0), 1.0)

    @confirm_below.setter
    def confirm_below(self, value: float) -> None:
        self._qs.setValue("mapping/confirm_below", float(value))

    # ------------------------------------------------------------- table widths
    def column_widths(self, table: str) -> list[int]:
        """The widths the clerk gave a table's columns (empty: never resized)."""
        value = self._qs.value(f"widths/{table}", [])
        try:
            return [int(v) for v in _as_list(value)]
        except ValueError:
            return []

    def set_column_widths(self, table: str, widths: list[int]) -> None:
        self._qs.setValue(f"widths/{table}", [str(w) for w in widths])

    # ------------------------------------------------------------------- geometry
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray, page: int) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)
        self._qs.setValue("window/page", page)

    @property
    def last_page(self) -> int:
        try:
            return int(self._qs.value("window/page", 0))
        except (TypeError, ValueError):
            return 0

    def sync(self) -> None:
        self._qs.sync()
