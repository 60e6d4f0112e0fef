"""Offline geocoding: gazetteer index, toponym resolution and event placement.

    from eventwire.geo import Geocoder
    geo = Geocoder.default()               # opens (or builds once) the on-disk index
    mentions = geo.geoparse(text, ents)    # ents: spaCy (start, end, label) spans, optional
    place = geo.locate_event(text, mentions, sentence=(s, e), trigger=None)
    geo.country("Iraqi"), geo.country_iso3("IQ")
    where_prec(place)                      # UCDP precision of a resolved Place

Index: ``index.build_index`` (cities500 + GeoNames admin names + pycountry, ~80 MB SQLite in
the user cache dir or $EVENTWIRE_GAZETTEER), ``index.import_dumps`` for GeoNames dumps.
CLI: ``eventwire gazetteer build|import|info`` and ``eventwire geoparse``.
"""

from .geocoder import Geocoder, PlaceMention
from .index import build_index, default_path, import_dumps
from .precision import where_prec

__all__ = ["Geocoder", "PlaceMention", "build_index", "default_path", "import_dumps",
           "where_prec"]
