"""UCDP ``where_prec`` for a resolved Place (ACLED ``geo_precision`` lives on the Place).

UCDP GED: 1 exact place, 2 within ~25 km of a known place, 3 second-order admin area,
4 first-order admin area, 5 a named part of a country ("eastern Syria"), 6 the country,
7 international waters or airspace (not produced here).
"""

from __future__ import annotations

from ..records import Place


def where_prec(place: Place | None) -> int | None:
    """The UCDP where_prec for ``place`` (None when there is no place)."""
    if place is None:
        return None
    code = place.feature_code or ""
    rel = (place.relation or "").lower()
    if code.startswith("PCL") or rel.startswith("somewhere in"):
        return 5 if rel and not rel.startswith("somewhere in") else 6
    if code == "ADM1" or (place.geo_precision >= 3 and not code):
        return 4
    if code in ("ADM2", "ADM3"):
        return 3
    if rel or place.geo_precision == 2:
        return 2
    return 1
