"""The bundled OFL font: Korean renders even where the system has no Korean font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from catalog_app.shipped import resources_dir


def test_bundled_nanum_gothic_loads_and_has_hangul(app_configured):
    fonts = [p for p in (resources_dir() / "fonts").iterdir() if p.name.endswith(".ttf")]
    assert {p.name for p in fonts} == {"NanumGothic.ttf", "NanumGothicBold.ttf"}
    assert (resources_dir() / "fonts" / "OFL.txt").is_file()
    for path in fonts:
        font_id = QFontDatabase.addApplicationFont(str(path))
        assert font_id >= 0, path
        families = QFontDatabase.applicationFontFamilies(font_id)
        assert "NanumGothic" in families or any("Nanum" in f for f in families)
    metrics = QFontMetrics(QFont("NanumGothic"))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "공공데이터 목록")
