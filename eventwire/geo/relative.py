"""Relative place expressions: "20 km south of Mosul", "west of", "outskirts of", "eastern".

``relation_before`` reads the words just before a toponym and says how the event's place
relates to it; ``apply_relation`` turns the anchor's Place into the event's Place (offset
point for distances, anchor point otherwise) with the lower ACLED precision the relation
deserves.
"""

from __future__ import annotations

import dataclasses
import math
import re

from ..records import Place

_DIRS = {
    "north": 0.0, "northeast": 45.0, "north-east": 45.0, "north east": 45.0,
    "east": 90.0, "southeast": 135.0, "south-east": 135.0, "south east": 135.0,
    "south": 180.0, "southwest": 225.0, "south-west": 225.0, "south west": 225.0,
    "west": 270.0, "northwest": 315.0, "north-west": 315.0, "north west": 315.0,
}
_DIR = r"(north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|north|south|east|west)"
_UNITS = {"km": 1.0, "kms": 1.0, "kilometers": 1.0, "kilometres": 1.0, "kilometer": 1.0,
          "kilometre": 1.0, "miles": 1.609, "mile": 1.609, "mi": 1.609, "m": 0.001,
          "meters": 0.001, "metres": 0.001}
_TAIL = r"\s+of\s+(?:the\s+)?(?:(?:city|town|village|district|province|region)\s+of\s+)?$"
_OFFSET = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*-?\s*(km|kms|kilometers|kilometres|kilometer|kilometre|miles|mile|mi|"
    r"meters|metres|m)\s+(?:to\s+the\s+)?" + _DIR + _TAIL, re.I)
_DIRECTION = re.compile(r"\b(?:to\s+the\s+|just\s+)?" + _DIR + r"(?:ern)?" + _TAIL, re.I)
_OUTSKIRTS = re.compile(
    r"\b(outskirts|suburbs?|vicinity|environs|periphery|countryside|edge|surroundings|"
    r"outside)\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)
_NEAR = re.compile(r"\b(near|nearby|close\s+to|outside|around|next\s+to|near\s+to)\s+"
                   r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.I)
_PART = re.compile(r"\b(north[- ]?eastern|north[- ]?western|south[- ]?eastern|south[- ]?western|"
                   r"northern|southern|eastern|western|central|downtown|uptown|old|north|south|east|west)\s+"
                   r"(?:parts?\s+of\s+)?$",
                   re.I)
_COUNTRYSIDE_AFTER = re.compile(r"^\s+(countryside|outskirts|suburbs|environs|periphery)\b",
                                re.I)


@dataclasses.dataclass(slots=True)
class Relation:
    kind: str  # offset | direction | outskirts | near | part
    text: str  # the words as written, e.g. "20 km south of"
    km: float = 0.0
    bearing: float | None = None


# Each pattern above that reads the words before a name ends with one of these words and
# whitespace: their spellings reversed, matched at the start of the reversed window. A window
# that does not end so can match none of them, and is not searched five times over.
_LAST_WORD_REVERSED = re.compile(
    r"\s+(?:fo|eht|raen|ybraen|ot|edistuo|dnuora|nre|lartnec|nwot|dlo|htron|htuos|tsae|tsew)",
    re.I)


def relation_before(text: str, start: int, end: int | None = None) -> Relation | None:
    """The relation expressed by the words right before ``text[start:]`` (or after ``end``)."""
    window = text[max(0, start - 60):start]
    if _LAST_WORD_REVERSED.match(window[::-1]) is None:
        m = _COUNTRYSIDE_AFTER.match(text, end) if end is not None else None
        return Relation("outskirts", m.group(1).lower()) if m else None
    m = _OFFSET.search(window)
    if m:
        km = float(m.group(1).replace(",", ".")) * _UNITS[m.group(2).lower()]
        return Relation("offset", m.group(0).strip(), km,
                        _DIRS[m.group(3).lower().replace("  ", " ")])
    m = _DIRECTION.search(window)
    if m:
        return Relation("direction", m.group(0).strip(), 0.0,
                        _DIRS.get(m.group(1).lower()))
    m = _OUTSKIRTS.search(window)
    if m:
        return Relation("outskirts", m.group(0).strip())
    m = _NEAR.search(window)
    if m:
        return Relation("near", m.group(1).lower())
    m = _PART.search(window)
    if m:
        return Relation("part", m.group(1).lower())
    if end is not None:
        m = _COUNTRYSIDE_AFTER.match(text, end)
        if m:
            return Relation("outskirts", m.group(1).lower())
    return None


def offset_point(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) along ``bearing_deg`` on a sphere."""
    r = 6371.0088
    d = km / r
    b = math.radians(bearing_deg)
    la1, lo1 = math.radians(lat), math.radians(lon)
    la2 = math.asin(math.sin(la1) * math.cos(d) + math.cos(la1) * math.sin(d) * math.cos(b))
    lo2 = lo1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(la1),
                           math.cos(d) - math.sin(la1) * math.sin(la2))
    return (round(math.degrees(la2), 5), round((math.degrees(lo2) + 540) % 360 - 180, 5))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, la2 = math.radians(lat1), math.radians(lat2)
    dla, dlo = la2 - la1, math.radians(lon2 - lon1)
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def apply_relation(place: Place, rel: Relation) -> Place:
    """The event's place given its anchor: precision lowered, point moved for distances."""
    out = dataclasses.replace(place)
    out.relation = rel.text
    region = place.geo_precision >= 3
    if rel.kind == "offset" and place.lat is not None and rel.bearing is not None:
        out.lat, out.lon = offset_point(place.lat, place.lon, rel.km, rel.bearing)
        out.geo_precision = 2 if rel.km <= 50 and not region else 3
        out.geonames_id = None
        out.feature_code = None
    else:
        out.geo_precision = 3 if region else 2
    return out
