"""Regions named in another language's compass words ("Est", "Centre-Nord") answer to the
English names news gives them ("the East region", "Centre-North")."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder
from eventwire.geo.index import english_region_names

from .conftest import small_index

_PLACES = [
    (820001, "Est", "Est", "", 12.0, 1.0, "A", "ADM1", "BF", "08", 1_500_000),
    (820002, "Centre-Nord", "Centre-Nord", "", 13.2, -1.1, "A", "ADM1", "BF", "05", 1_600_000),
    (820003, "East", "East", "Est,Region de l'Est", 4.0, 14.0, "A", "ADM1", "CM", "04",
     800_000),
    (820004, "Far North", "Far North", "Extreme-Nord", 10.8, 14.5, "A", "ADM1", "CM", "12",
     4_000_000),
    (820005, "Diapaga", "Diapaga", "", 12.07, 1.79, "P", "PPL", "BF", "08", 15_000),
    (820006, "Kaya", "Kaya", "", 13.09, -1.08, "P", "PPLA", "BF", "05", 60_000),
    (820007, "Bertoua", "Bertoua", "", 4.58, 13.68, "P", "PPLA", "CM", "04", 218_000),
]
_ADMIN1 = [("BF.08", "Est"), ("BF.05", "Centre-Nord"), ("CM.04", "East"),
           ("CM.12", "Far North")]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    folder: Path = tmp_path_factory.mktemp("compass")
    return Geocoder(small_index(folder, _PLACES, _ADMIN1))


def test_english_names_of_compass_regions() -> None:
    assert english_region_names("est") == {"east", "eastern"}
    assert {"centre north", "north central"} <= english_region_names("centre nord")
    assert "southwest" in english_region_names("sud ouest")
    assert {"east kasai", "eastern kasai"} <= english_region_names("kasai oriental")
    assert "far north" in english_region_names("extreme nord")
    # names without compass words, or with more than one other word, get nothing
    assert english_region_names("boucle mouhoun") == set()
    assert english_region_names("kivu") == set()


def _region(geo: Geocoder, text: str, name: str, focus: dict[str, float] | None
            ) -> tuple[str, str | None] | None:
    # the entities the NER model gives such a sentence: the town a GPE, the region a LOC
    ents = [(text.index(w), text.index(w) + len(w), label) for w, label in
            (("Diapaga", "GPE"), ("Kaya", "GPE"), ("Bertoua", "GPE"), (name, "LOC"))
            if w in text]
    for m in geo.geoparse(text, ents=ents, focus=focus):
        if m.name == name and m.place is not None:
            return m.place.iso3, m.place.admin1
    return None


def test_east_region_of_the_focus_country(geo: Geocoder) -> None:
    text = "Gunmen killed two traders near Diapaga in the East region on Monday."
    assert _region(geo, text, "East", {"BF": 1.0}) == ("BFA", "Est")
    # where the story is in Cameroon, its own East region
    assert _region(geo, "Gunmen killed two traders near Bertoua in the East region.", "East",
                   {"CM": 1.0}) == ("CMR", "East")


def test_centre_north_is_centre_nord(geo: Geocoder) -> None:
    text = "Gunmen killed two traders near Kaya in the Centre-North region on Monday."
    assert _region(geo, text, "Centre-North", {"BF": 1.0}) == ("BFA", "Centre-Nord")

