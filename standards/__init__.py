"""Shipped dictionary data (installed as catalog_app.standards; read through importlib.resources)."""
