"""A division's name the small model calls an organisation, and a quarter named with the
town that holds it ("X in Y"), are places."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder

from .conftest import small_index

_PLACES = [
    (830001, "Kessor District", "Kessor District", "Kessor Agency", 34.0, 71.2, "A", "ADM2",
     "PK", "02", 0),
    (830002, "Varsheen", "Varsheen", "", 25.39, 68.37, "P", "PPLA", "PK", "05", 1_700_000),
    (830003, "Qasrabad", "Qasrabad", "", 25.42, 68.31, "A", "ADM3", "PK", "05", 0),
    (830004, "Tolmar", "Tolmar", "", 27.7, 68.9, "P", "PPL", "PK", "05", 60_000),
    (830005, "Dunmarsh", "Dunmarsh", "", 28.9, 70.1, "A", "ADM3", "PK", "05", 0),
]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    path: Path = small_index(tmp_path_factory.mktemp("adminorg"), _PLACES,
                             [("PK.02", "Khyber Pakhtunkhwa"), ("PK.05", "Sindh")])
    return Geocoder(path)


def test_a_division_tagged_as_an_organisation_is_a_place(geo: Geocoder) -> None:
    text = "Security forces killed six militants in the Kessor Agency on Wednesday."
    start = text.index("the Kessor")
    found = geo.geoparse(text, ents=[(start, start + len("the Kessor Agency"), "ORG")])
    assert [(m.name, m.place.name if m.place else None) for m in found] == [
        ("Kessor Agency", "Kessor District")]
    # a one-word organisation stays the model's, whatever a division is called
    text = "Kessor said on Wednesday it would appeal."
    assert not geo.geoparse(text, ents=[(0, 6, "ORG")])


def test_a_quarter_named_with_its_town_is_a_place(geo: Geocoder) -> None:
    found = geo.geoparse("Residents of Qasrabad in Varsheen protested against power cuts.")
    assert ("Qasrabad", "Qasrabad") in [(m.name, m.place.name if m.place else None)
                                        for m in found]
    # a name the index holds far from the town named after it is no quarter of it
    found = geo.geoparse("Residents of Dunmarsh in Varsheen protested against power cuts.")
    assert "Dunmarsh" not in [m.name for m in found]
