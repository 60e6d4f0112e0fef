"""A small place whose chain names a unit the gazetteer lacks sits in the region the text
names, not at a namesake in another region of the country. The gazetteer is written here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.geo import Geocoder

from .conftest import small_index

PLACES = [
    # two villages of one name in two regions of one country; the larger is elsewhere
    (920001, "Tarvona", "Tarvona", "", 36.20, 42.90, "P", "PPL", "IQ", "15", 900),
    (920002, "Tarvona", "Tarvona", "", 33.10, 44.60, "P", "PPL", "IQ", "07", 4000),
    (920003, "Ninawa", "Ninawa", "Nineveh,Ninewa", 36.0, 42.5, "A", "ADM1", "IQ", "15",
     2453000),
    (920004, "Baghdad", "Baghdad", "Bagdad", 33.34, 44.40, "P", "PPLC", "IQ", "07", 7216000),
    (920005, "Mosul", "Mosul", "Al Mawsil", 36.335, 43.119, "P", "PPLA", "IQ", "15", 1739800),
]
ADMIN1 = [("IQ.15", "Ninawa"), ("IQ.07", "Baghdad")]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return Geocoder(small_index(Path(tmp_path_factory.mktemp("named")), PLACES, ADMIN1))


def _gpe(text: str, *names: str) -> list[tuple[int, int, str]]:
    return [(text.index(n), text.index(n) + len(n), "GPE") for n in names]


def test_a_village_in_an_unknown_district_sits_in_the_region_the_text_names(
        geo: Geocoder) -> None:
    # (filed from Baghdad, whose region holds the larger namesake)
    text = ("BAGHDAD - Gunmen attacked a village in Ninawa province on Tuesday, officials in "
            "Baghdad said. They raided Tarvona village in Dornia district at dawn.")
    ms = geo.geoparse(text, _gpe(text, "BAGHDAD", "Ninawa", "Baghdad", "Tarvona", "Dornia"))
    village = [m for m in ms if m.name == "Tarvona"]
    assert village and village[0].place is not None
    assert village[0].place.admin1 == "Ninawa", village[0].place


def test_with_no_region_named_the_village_keeps_its_usual_reading(geo: Geocoder) -> None:
    text = "Gunmen raided Tarvona village in Dornia district at dawn on Tuesday."
    ms = geo.geoparse(text, _gpe(text, "Tarvona", "Dornia"))
    village = [m for m in ms if m.name == "Tarvona"]
    assert village and village[0].place is not None


CHAIN_PLACES = [
    (920011, "Iraq", "Iraq", "", 33.0, 44.0, "A", "PCLI", "IQ", "00", 40000000),
    # a village of the name in one region; the text's village lies in a town of another
    (920012, "Kessani", "Kessani", "", 33.30, 44.20, "P", "PPL", "IQ", "07", 0),
    (920013, "Varsheen", "Varsheen", "", 36.40, 42.60, "P", "PPL", "IQ", "15", 25000),
]


def test_a_village_its_chain_places_elsewhere_sits_at_its_stated_town(
        tmp_path: Path) -> None:
    geo = Geocoder(small_index(tmp_path, PLACES + CHAIN_PLACES, ADMIN1))
    text = ("Gunmen in Iraq attacked Kessani village, Varsheen district, on Tuesday, "
            "killing four people.")
    ms = geo.geoparse(text, _gpe(text, "Iraq", "Kessani", "Varsheen"))
    place = geo.locate_event(text, ms, (0, len(text)), None)
    assert place is not None and place.name == "Kessani"
    # not the namesake in the Baghdad region: the village sits at the district it names
    assert place.admin1 == "Ninawa" and place.geo_precision == 2, place


def test_of_two_namesake_towns_the_one_in_the_chain_s_region_is_taken(tmp_path: Path) -> None:
    # a second Kessani in Ninawa: the chain keeps that one, though the other is larger
    more = [(920014, "Kessani", "Kessani", "", 36.45, 42.65, "P", "PPL", "IQ", "15", 0)]
    geo = Geocoder(small_index(tmp_path, PLACES + CHAIN_PLACES + more, ADMIN1))
    text = ("Gunmen in Iraq attacked Kessani village, Varsheen district, on Tuesday, "
            "killing four people.")
    ms = geo.geoparse(text, _gpe(text, "Iraq", "Kessani", "Varsheen"))
    place = geo.locate_event(text, ms, (0, len(text)), None)
    assert place is not None and place.admin1 == "Ninawa", place


def test_a_village_in_a_named_township_with_namesakes_elsewhere_is_placed_in_it() -> None:
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    text = ("Air strike on school\n\nBANGKOK, Dec 7 - A Myanmar military air strike on a "
            "village in Sagaing region killed at least 14 people, residents said.\n\n"
            "A military jet dropped two bombs on Nyaung Pin Thar village in Tabayin township "
            "on Wednesday, a teacher said.")
    events = Pipeline().extract(Article(text, published=dt.date(2026, 12, 7)))
    assert events and all(e.location is not None and e.location.iso3 == "MMR" for e in events)
