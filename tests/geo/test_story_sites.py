"""A district named in a story from its own region and country beats a famous namesake
abroad; a site's name ("X hospital", "the city's X cemetery") in a country the story is
not about places nothing; a big town the small model calls a person after "city" is a
town."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder

from .conftest import small_index

_PLACES = [
    (840001, "Yemen", "Yemen", "", 15.5, 47.5, "A", "PCLI", "YE", "00", 28_000_000),
    (840002, "Egypt", "Egypt", "", 27.0, 30.0, "A", "PCLI", "EG", "00", 100_000_000),
    (840003, "Palestine", "Palestine", "", 31.9, 35.2, "A", "PCLI", "PS", "00", 5_000_000),
    (840004, "Taiz", "Taiz", "", 13.58, 44.02, "P", "PPLA", "YE", "25", 615_000),
    (840005, "Qarnabad", "Qarnabad", "", 30.05, 31.25, "A", "ADM1", "EG", "11", 11_000_000),
    (840006, "Qarnabad", "Qarnabad", "", 13.57, 44.03, "A", "ADM3", "YE", "25", 0),
    (840007, "Shuhadiya", "Shuhadiya", "", 31.5, 35.1, "P", "PPL", "PS", "WE", 2_000),
    (840008, "Gaza", "Gaza", "", 31.5, 34.47, "P", "PPLA", "PS", "GZ", 410_000),
]
_ADMIN1 = [("YE.25", "Taiz"), ("EG.11", "Qarnabad"), ("PS.WE", "West Bank"),
           ("PS.GZ", "Gaza Strip")]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    path: Path = small_index(tmp_path_factory.mktemp("sites"), _PLACES, _ADMIN1)
    return Geocoder(path)


_STORY = ("TAIZ, Yemen, Dec 7 (Wire) - Shells struck a neighbourhood of Yemen's third-largest "
          "city Taiz on Saturday. The shells landed near a store in the Qarnabad district, "
          "officials in Taiz said. A boy was buried in the city's Shuhadiya cemetery. The war in "
          "Yemen began in 2015, and aid groups in Yemen say half of Yemen goes hungry; a "
          "ceasefire in Gaza was agreed in 2025.")


def _placed(geo: Geocoder, text: str, ents: list[tuple[int, int, str]] | None = None,
            ) -> dict[str, str | None]:
    return {m.name: (m.place.iso3 if m.place else None) for m in geo.geoparse(text, ents=ents)}


def test_a_district_of_the_storys_region_beats_a_famous_namesake(geo: Geocoder) -> None:
    assert _placed(geo, _STORY)["Qarnabad"] == "YEM"
    # with no word of its region or country, the famous one stays
    assert _placed(geo, "Shells landed in the Qarnabad district on Saturday.")[
        "Qarnabad"] == "EGY"


def test_a_sites_name_abroad_places_nothing(geo: Geocoder) -> None:
    site = _STORY.index("Shuhadiya")
    ents = [(site, site + len("Shuhadiya"), "LOC")]  # as the small model tags it
    found = geo.geoparse(_STORY, ents=ents)
    assert [m.place for m in found if m.name == "Shuhadiya"] == [None]
    # the event told there sits at the town the story is about, not at a namesake in a
    # country the story names in passing
    start = _STORY.index("A boy was buried")
    place = geo.locate_event(_STORY, found, (start, _STORY.index(" The war in")), None)
    assert place is not None and place.iso3 == "YEM"


def test_a_big_town_after_city_is_a_town_even_as_a_person(geo: Geocoder) -> None:
    text = "Shells struck Yemen's third-largest city Taiz on Saturday."
    start = text.index("Taiz")
    assert _placed(geo, text, ents=[(start, start + 4, "PERSON")]).get("Taiz") == "YEM"
