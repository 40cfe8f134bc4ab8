"""Icons, styles, translations, export templates (installed as catalog_app.resources)."""
