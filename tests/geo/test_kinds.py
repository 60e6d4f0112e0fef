"""What the words around a name say of its kind: "the Y district of X" is a part of X, "the X
river" and "the X mountains" are no town (the real gazetteer; every sentence is written for
these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.geo import Geocoder
from eventwire.geo.relative import haversine_km
from eventwire.nlp import load_model
from eventwire.pipeline import Pipeline
from eventwire.records import Article


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.default()


def _mention(geo: Geocoder, text: str, name: str):  # type: ignore[no-untyped-def]
    ents = [(e.start_char, e.end_char, e.label_) for e in load_model()(text).ents]
    return next(m for m in geo.geoparse(text, ents) if m.name == name)


def test_a_district_of_a_city_is_no_namesake_elsewhere(geo: Geocoder) -> None:
    text = "Shells fell on the Dniprovskyi district of Zaporizhzhia on Sunday."
    part = _mention(geo, text, "Dniprovskyi")
    assert part.place is None, part.place  # the only entry of the name lies in Kyiv
    whole = _mention(geo, text, "Zaporizhzhia")
    assert whole.place is not None and whole.place.iso3 == "UKR"


def test_a_river_is_no_town_and_mountains_lie_in_their_region(geo: Geocoder) -> None:
    river = _mention(geo, "Boats crossed the Dnipro river at dawn.", "Dnipro")
    assert river.place is None, river.place
    hills = _mention(geo, "Rebels hid in the Bamyan mountains.", "Bamyan")
    assert hills.place is not None and hills.place.feature_code == "ADM1", hills.place


def test_shelling_of_a_city_s_district_is_placed_in_that_city() -> None:
    text = ("Shelling kills two\n\n"
            "The shelling struck the Dniprovskyi district of Kherson, on the right bank of "
            "the Dnipro river, on Sunday, killing two men, officials said.\n")
    events = [e for e in Pipeline().extract(Article(text, published=dt.date(2026, 12, 7)))
              if e.dropped is None]
    assert events and events[0].location is not None
    loc = events[0].location
    assert haversine_km(loc.lat, loc.lon, 46.64, 32.61) < 60, (loc.name, loc.lat, loc.lon)


def test_a_legislature_is_no_town_and_a_way_to_it_no_chain(geo: Geocoder) -> None:
    # "to Congress": the destination of a march, not a town named Congress holding the
    # place before it
    text = "Thousands of teachers marched through central Lima to Congress on Saturday."
    ms = geo.geoparse(text, [(e.start_char, e.end_char, e.label_)
                             for e in load_model()(text).ents])
    lima = next(m for m in ms if m.name == "Lima")
    assert lima.place is not None and lima.place.iso3 == "PER", lima.place
    assert not [m for m in ms if m.name == "Congress" and m.place is not None]


def test_a_name_before_its_people_is_a_place(geo: Geocoder) -> None:
    # "Likoni traders": the traders of Likoni, a place even with no preposition before it
    text = "Likoni traders blocked the ferry road on Monday over new market fees."
    ms = geo.geoparse(text, [(e.start_char, e.end_char, e.label_)
                             for e in load_model()(text).ents])
    assert [m.name for m in ms] == ["Likoni"], [(m.name, m.place) for m in ms]


@pytest.mark.parametrize("text,town", [
    ("Journalists protested outside the Karachi Press Club on Monday against the arrest of "
     "a reporter.", "Karachi"),
    # the sentence's own place wins over one inside a name
    ("Lawyers protested in Islamabad on Monday against a ruling of the Lahore High Court.",
     "Islamabad"),
], ids=["only inside a name", "a place of its own"])
def test_a_town_named_only_inside_a_name_places_the_event(text: str, town: str) -> None:
    events = [e for e in Pipeline().extract(Article(text, published=dt.date(2026, 12, 7)))
              if e.dropped is None]
    assert events and events[0].location is not None and events[0].location.name == town, \
        [(e.trigger, e.location) for e in events]


def test_a_name_of_farmers_is_no_place(geo: Geocoder) -> None:
    # "Young Farmers": an organisation's name (the people word in capitals), not the people
    # of a town named Young
    text = "Members of the Young Farmers club met in Tarvona on Monday."
    ms = geo.geoparse(text, [(e.start_char, e.end_char, e.label_)
                             for e in load_model()(text).ents])
    assert not [m for m in ms if m.name == "Young"], [(m.name, m.place) for m in ms]


def test_a_feed_about_a_country_backs_its_towns(geo: Geocoder) -> None:
    # a report that names only a neighbour: in a feed the user declares about Kenya, a
    # Kenyan village is the place, not a name off the story's map
    text = "Protesters from Somalia marched in Mpeketoni on Monday."
    ents = [(e.start_char, e.end_char, e.label_) for e in load_model()(text).ents]
    town = next(m for m in geo.geoparse(text, ents, focus={"KE": 1.0}) if m.name == "Mpeketoni")
    assert town.place is not None and town.place.iso3 == "KEN", town.place
