"""Places named inside the names of organisations, facilities and events ("the Quellmark
Forestry Board"): read as references with ``geoparse(references=True)``, never as places, and
the default reading unchanged."""

from __future__ import annotations

import pytest

from eventwire.geo import Geocoder
from eventwire.geo.geocoder import NAME_ROLE

from .conftest import small_index

# (geonameid, name, asciiname, alternates, lat, lon, fclass, fcode, cc, admin1, population)
PLACES = [
    (940001, "Quellmark", "Quellmark", "", 52.0, -113.0, "A", "ADM1", "CA", "01", 4_000_000),
    (940002, "Brindlecombe", "Brindlecombe", "", 51.0, -114.0, "P", "PPLA", "CA", "01",
     900_000),
    (940003, "Tarrow Flats", "Tarrow Flats", "", 49.2, -112.0, "P", "PPL", "CA", "01", 3000),
    (940004, "Varnholm", "Varnholm", "", 60.4, 5.3, "P", "PPL", "NO", "07", 150_000),
    (940005, "Varnholm", "Varnholm", "", 41.5, -81.7, "P", "PPL", "US", "OH", 300_000),
    (940006, "Kessing", "Kessing", "", 58.5, -117.0, "P", "PPL", "CA", "01", 2000),
]
ADMIN1 = [("CA.01", "Quellmark"), ("NO.07", "Vestmark"), ("US.OH", "Ohio")]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return Geocoder(small_index(tmp_path_factory.mktemp("names"), PLACES, ADMIN1))


def _ents(text: str, *spans: tuple[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for span, label in spans:
        s = text.index(span)
        out.append((s, s + len(span), label))
    return out


def _names(ms: list) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in ms]


TEXT = ("The Quellmark Forestry Board said crews trained at the University of Brindlecombe "
        "reached Tarrow Flats on Monday, after the Brindlecombe Marathon was called off.")
ENTS = _ents(TEXT, ("The Quellmark Forestry Board", "ORG"),
             ("the University of Brindlecombe", "ORG"), ("Tarrow Flats", "GPE"),
             ("Monday", "DATE"), ("the Brindlecombe Marathon", "EVENT"))


def test_a_place_inside_a_name_is_a_reference_of_its_own_role(geo: Geocoder) -> None:
    ms = geo.geoparse(TEXT, ENTS, references=True)
    assert _names(ms) == [("Quellmark", NAME_ROLE), ("Brindlecombe", NAME_ROLE),
                          ("Tarrow Flats", "place"), ("Brindlecombe", NAME_ROLE)]
    quell, uni = ms[0], ms[1]
    assert TEXT[quell.start:quell.end] == "Quellmark"
    assert quell.referent is not None and quell.referent.geonames_id == 940001
    assert quell.referent.feature_code == "ADM1" and quell.referent.iso3 == "CAN"
    assert uni.referent is not None and uni.referent.geonames_id == 940002
    # demonyms=True, the older name of the same reading, says the same
    assert geo.geoparse(TEXT, ENTS, demonyms=True) == ms


def test_the_default_reading_is_unchanged_and_a_name_is_never_a_place(geo: Geocoder) -> None:
    plain = geo.geoparse(TEXT, ENTS)
    assert _names(plain) == [("Tarrow Flats", "place")]
    refs = geo.geoparse(TEXT, ENTS, references=True)
    # the text's own mentions are the same, field for field, in both readings
    assert [m for m in refs if m.role != NAME_ROLE] == plain
    assert all(m.place is None for m in refs if m.role == NAME_ROLE)


def test_an_event_is_never_placed_at_a_place_inside_a_name(geo: Geocoder) -> None:
    text = ("Canada's hockey season opened. Fans of the Brindlecombe Harriers rioted on "
            "Sunday.")
    ents = _ents(text, ("Canada", "GPE"), ("the Brindlecombe Harriers", "ORG"),
                 ("Sunday", "DATE"))
    ms = geo.geoparse(text, ents, references=True)
    assert ("Brindlecombe", NAME_ROLE) in _names(ms)
    second = text.index("Fans")
    place = geo.locate_event(text, ms, (second, len(text)), None)
    assert place is None or place.name != "Brindlecombe"


def test_a_name_is_resolved_with_the_articles_context(geo: Geocoder) -> None:
    text = "The Varnholm Shipping Trust closed two quays, officials in Norway said."
    ents = _ents(text, ("The Varnholm Shipping Trust", "ORG"), ("Norway", "GPE"))
    ms = geo.geoparse(text, ents, references=True)
    varn = next(m for m in ms if m.name == "Varnholm")
    assert varn.role == NAME_ROLE and varn.referent.geonames_id == 940004  # the Norwegian one
    alone = "The Varnholm Shipping Trust closed two quays."
    ms = geo.geoparse(alone, _ents(alone, ("The Varnholm Shipping Trust", "ORG")),
                      references=True)
    assert [m.referent.geonames_id for m in ms] == [940005]  # the larger, with no context


def test_persons_small_towns_and_longer_names_are_no_places_in_a_name(geo: Geocoder) -> None:
    text = ("Mayor Ada Brindlecombe opened the Brindlecombe Arts Centre. The Tarrow Flats "
            "Rotary Club and the Harold Quellmark Institute gave prizes.")
    ents = _ents(text, ("Ada Brindlecombe", "PERSON"), ("the Brindlecombe Arts Centre", "ORG"),
                 ("The Tarrow Flats Rotary Club", "ORG"),
                 ("the Harold Quellmark Institute", "ORG"))
    assert [m for m in geo.geoparse(text, ents, references=True) if m.role == NAME_ROLE] == []
