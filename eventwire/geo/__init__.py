"""Offline geocoding: gazetteer index, toponym resolution and event placement.

    geo = Geocoder.default()
    mentions = geo.geoparse(text, ents)
    place = geo.locate_event(text, mentions, sentence=(s, e), trigger=None)
"""

from .geocoder import Geocoder, PlaceMention
from .index import build_index, default_path, import_dumps

__all__ = ["Geocoder", "PlaceMention", "build_index", "default_path", "import_dumps"]
