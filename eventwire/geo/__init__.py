"""Offline geocoding: gazetteer index, toponym resolution and event placement."""

from .index import build_index, default_path, import_dumps

__all__ = ["build_index", "default_path", "import_dumps"]
