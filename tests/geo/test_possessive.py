"""A well-known place in the possessive owns the next name; a month's short form is a date."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder

from .conftest import small_index

_PLACES = [
    (820001, "Varsheen", "Varsheen", "", 24.86, 67.01, "P", "PPLA", "PK", "05", 1_200_000),
    (820004, "Dornia", "Dornia", "", 15.0, 30.0, "A", "ADM1", "SD", "01", 2_000_000),
    (820002, "Nov", "Nov", "", 40.15, 69.37, "P", "PPL", "TJ", "02", 9_000),
    (820003, "Oldmere", "Oldmere", "", 51.0, -1.3, "P", "PPL", "GB", "ENG", 4_000),
    (820005, "Kessani", "Kessani", "", 13.0, -8.0, "A", "ADM3", "PK", "05", 0),
    (820006, "Tolmar", "Tolmar", "", 25.5, 68.0, "P", "PPL", "PK", "05", 50_000),
]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    path: Path = small_index(tmp_path_factory.mktemp("poss"), _PLACES,
                             [("PK.05", "Sindh"), ("TJ.02", "Sughd"), ("GB.ENG", "England"),
                              ("SD.01", "Dornia")])
    return Geocoder(path)


def _names(geo: Geocoder, text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.place.iso3 if m.place else None) for m in geo.geoparse(text)]


def test_a_big_city_in_the_possessive_is_a_place(geo: Geocoder) -> None:
    found = _names(geo, "Residents protested in Varsheen's Tolari area on Monday.")
    assert ("Varsheen", "PAK") in found
    # the second word of a longer name in the possessive is no place of its own ("South
    # Sudan's", "New Varsheen's"): its first word was no name the index holds
    assert not any(n == "Dornia" for n, _ in
                   _names(geo, "Fighting broke out in North Dornia's Tolari district."))
    # a small town's name in the possessive is likelier a person's ("Oldmere's office")
    assert not any(n == "Oldmere" for n, _ in
                   _names(geo, "Supporters gathered at Oldmere's Tolari office."))


def test_a_month_short_form_before_a_day_is_no_place(geo: Geocoder) -> None:
    assert _names(geo, "Teachers went on strike on Nov. 20 for better pay.") == []
    assert _names(geo, "Teachers went on strike on Nov 20 for better pay.") == []
    assert ("Nov", "TJK") in _names(geo, "Shelling hit the town of Nov in Sughd.")


def test_a_big_city_in_the_possessive_owns_a_part_named_in_lower_case(geo: Geocoder) -> None:
    assert ("Varsheen", "PAK") in _names(geo, "Students rioted in Varsheen's town centre.")
    assert ("Varsheen", "PAK") in _names(geo, "Police raided Varsheen's informal settlements.")
    # a small town's name stays a person's, and a possessive before any other word is no
    # place ("Varsheen's mayor")
    assert not any(n == "Oldmere" for n, _ in
                   _names(geo, "Supporters gathered at Oldmere's town centre office."))
    assert not any(n == "Varsheen" for n, _ in _names(geo, "He met Varsheen's mayor."))


def test_a_span_in_lower_case_in_cased_text_is_no_place(geo: Geocoder) -> None:
    text = "Drivers threatened to blockade major highways near Varsheen."
    start = text.index("highways")
    ents = [(start, start + len("highways"), "LOC")]
    assert [m.name for m in geo.geoparse(text, ents)] == ["Varsheen"]
    # "the capital" is read apart, as the story's capital
    capital = "Shelling hit the outskirts of the capital, Varsheen officials said."
    at = capital.index("capital")
    assert "capital" in [m.name for m in geo.geoparse(capital, [(at, at + 7, "GPE")])]


def test_a_distance_and_a_bearing_from_a_name_make_it_a_place(geo: Geocoder) -> None:
    # a village of no known size after "10 km west of" is a place; with no cue it is not
    assert ("Kessani", "PAK") in _names(geo, "The convoy was attacked 10 km west of Kessani.")
    assert not any(n == "Kessani" for n, _ in _names(geo, "Kessani said nothing on Monday."))


def test_the_kind_of_place_before_a_name_makes_it_a_place(geo: Geocoder) -> None:
    assert ("Kessani", "PAK") in _names(geo, "Rebels took full control of the town of "
                                             "Kessani after a week of fighting.")


def test_where_a_source_speaks_from_is_no_place_of_the_deed(geo: Geocoder) -> None:
    text = ("Militants attacked a checkpost in Tolmar on Friday. A drone dropped a mortar "
            "shell on the post, according to a police spokesman in Varsheen.")
    mentions = geo.geoparse(text)
    assert [m.name for m in mentions] == ["Tolmar", "Varsheen"]
    second = text.index("A drone")
    found = geo.locate_event(text, mentions, (second, len(text)), (second + 8, second + 15))
    assert found is not None and found.name == "Tolmar"
    told = "A drone dropped a mortar shell on the post in Varsheen, the police said."
    found = geo.locate_event(told, geo.geoparse(told), (0, len(told)), (8, 15))
    assert found is not None and found.name == "Varsheen"


def test_where_the_wounded_were_taken_is_no_place_of_the_deed(geo: Geocoder) -> None:
    text = ("An air strike hit a market in Tolmar on Friday. The wounded were taken to a "
            "clinic run by the group and to a hospital in the town of Varsheen.")
    mentions = geo.geoparse(text)
    second = text.index("The wounded")
    found = geo.locate_event(text, mentions, (second, len(text)), (second + 4, second + 11))
    assert found is not None and found.name == "Tolmar"
