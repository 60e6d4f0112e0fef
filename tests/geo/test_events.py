"""Relative places, event-location linking, anchors for places the gazetteer lacks."""

from __future__ import annotations

import pytest

from eventwire.geo import Geocoder
from eventwire.geo.relative import haversine_km, offset_point, relation_before


def _event(geo: Geocoder, text: str):
    ms = geo.geoparse(text)
    return geo.locate_event(text, ms, (0, len(text)), None)


def test_offset_point_geometry() -> None:
    lat, lon = offset_point(36.0, 43.0, 20.0, 180.0)
    assert lat < 36.0 and abs(lon - 43.0) < 1e-6
    assert haversine_km(36.0, 43.0, lat, lon) == pytest.approx(20.0, abs=0.05)


@pytest.mark.parametrize(("phrase", "bearing"), [("20 km south of", 180.0),
                                                  ("20 kilometres north-east of", 45.0),
                                                  ("12.4 miles west of", 270.0)])
def test_distance_relation_moves_the_point(geo: Geocoder, phrase: str, bearing: float) -> None:
    text = f"Clashes broke out {phrase} Mosul on Tuesday."
    place = _event(geo, text)
    assert place is not None and place.relation == phrase
    assert place.geo_precision == 2 and place.geonames_id is None
    d = haversine_km(36.335, 43.11889, place.lat, place.lon)
    assert d == pytest.approx(20.0, abs=0.3)
    if bearing == 180.0:
        assert place.lat < 36.335


@pytest.mark.parametrize("text", ["Airstrikes hit villages west of Mosul.",
                                  "Airstrikes hit southwest of Mosul.",
                                  "Airstrikes hit the outskirts of Mosul.",
                                  "Fighting continued in eastern Mosul.",
                                  "Fighting continued near Mosul."])
def test_anchor_relations_lower_the_precision(geo: Geocoder, text: str) -> None:
    place = _event(geo, text)
    assert place is not None and place.name == "Mosul"
    assert place.geo_precision == 2 and place.relation
    assert place.lat == pytest.approx(36.335)


def test_plain_place_is_exact(geo: Geocoder) -> None:
    place = _event(geo, "Fighting continued in Mosul.")
    assert place.geo_precision == 1 and place.relation is None


def test_event_happens_where_the_attack_lands(geo: Geocoder) -> None:
    place = _event(geo, "Fighters from Raqqa attacked Deir ez-Zor.")
    assert place is not None and place.geonames_id == 170794


def test_sentence_places_beat_article_places(geo: Geocoder) -> None:
    text = "Officials in Baghdad spoke. Later, a bomb exploded in Tal Afar."
    ms = geo.geoparse(text)
    s2 = text.index("Later")
    place = geo.locate_event(text, ms, (s2, len(text)), None)
    assert place.geonames_id == 900001
    # a sentence with no place of its own gets the article's place
    place = geo.locate_event(text + " Two died.", ms, (len(text) + 1, len(text) + 10), None)
    assert place is not None and place.iso3 == "IRQ"


def test_unknown_base_gets_its_nearest_anchor(geo: Geocoder) -> None:
    text = "Drones struck Camp Zulu base near Tal Afar on Monday."
    place = _event(geo, text)
    assert place is not None
    assert place.geonames_id is None and place.geo_precision == 2
    assert haversine_km(36.3768, 42.4485, place.lat, place.lon) < 1.0


def test_unknown_village_falls_back_to_its_admin_hint(geo: Geocoder) -> None:
    text = "On 3 May, gunmen raided Kharab Jadid village (Ninawa), killing two."
    place = _event(geo, text)
    assert place is not None and place.name == "Kharab Jadid"
    assert place.admin1 == "Ninawa" and place.iso3 == "IRQ"
    assert place.geo_precision == 3  # only the province is known: never a country centroid
    assert place.relation and "Ninawa" in place.relation


def test_relation_parser_none_for_plain_text() -> None:
    assert relation_before("Protests in Mosul", 12) is None


def test_no_anchor_falls_back_to_the_named_country_out_loud(geo: Geocoder) -> None:
    text = "Gunmen raided Zzyzx Qqar village, Iraqi officials said."
    place = _event(geo, text)
    assert place is not None and place.iso3 == "IRQ" and place.geo_precision == 3
    assert place.name == "Zzyzx Qqar" and "somewhere in Iraq" in place.relation
    # a country named only as what lies across the border says nothing of where it is
    place = _event(geo, "Gunmen raided Zzyzx Qqar village near the border with Iraq.")
    assert place is None or place.iso3 != "IRQ"


def test_dash_sublocality_resolves_to_the_city(geo: Geocoder) -> None:
    place = _event(geo, "Protesters gathered in Beirut - Hamra on Sunday.")
    assert place is not None and place.geonames_id == 276781


def test_ucdp_where_prec(geo: Geocoder) -> None:
    from eventwire.geo import where_prec

    assert where_prec(_event(geo, "Fighting continued in Mosul.")) == 1
    assert where_prec(_event(geo, "Clashes broke out 20 km south of Mosul.")) == 2
    assert where_prec(_event(geo, "Protests spread across Ninewa governorate.")) == 4
    assert where_prec(geo.country("Iraq")) == 6
    assert where_prec(None) is None


def test_direction_inside_an_ner_span_becomes_a_relation(geo: Geocoder) -> None:
    text = "Fighters pulled back into west Mosul on Monday."
    start = text.index("west")
    ms = geo.geoparse(text, [(start, start + len("west Mosul"), "GPE")])
    assert [m.name for m in ms] == ["Mosul"]
    place = geo.locate_event(text, ms, (0, len(text)), None)
    assert place.geonames_id == 99072 and place.relation == "west" and place.geo_precision == 2
