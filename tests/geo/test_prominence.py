"""Prominence against context: a well-known place under its own name beats a far smaller
namesake that only the story's countries favour; the text's own ties (a chain, a nearby town,
the namesake's region) still choose the namesake."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder

from .conftest import small_index

# (geonameid, name, asciiname, alternates, lat, lon, fclass, fcode, cc, admin1, population)
PLACES = [
    (940001, "Kentucky", "Kentucky", "", 37.5, -85.0, "A", "ADM1", "US", "KY", 4_500_000),
    (940002, "Texas", "Texas", "", 31.2, -99.2, "A", "ADM1", "US", "TX", 29_000_000),
    (940003, "Norway", "Norway", "", 37.9, -84.1, "P", "PPLL", "US", "KY", 0),
    (940004, "Brindlecombe", "Brindlecombe", "", 52.4, -1.9, "P", "PPLA", "GB", "ENG",
     2_000_000),
    (940005, "Brindlecombe", "Brindlecombe", "", 30.1, -97.3, "P", "PPL", "US", "TX", 1_500),
    (940006, "Marlow Creek", "Marlow Creek", "", 30.4, -97.7, "P", "PPL", "US", "TX", 3_000),
    (940008, "Oldacre", "Oldacre", "", 53.4, -2.2, "P", "PPL", "GB", "ENG", 400_000),
    (940009, "Oldacre", "Oldacre", "", 30.6, -97.5, "P", "PPL", "US", "TX", 2_000),
    # regions of one country: Vorland's namesake town is a small share of it, Hallenby's
    # town is most of its region; Delmora County is found by "Delmora" too
    (940010, "Quellmark", "Quellmark", "", 54.0, -115.0, "A", "ADM1", "CA", "01", 4_000_000),
    (940011, "Vorland", "Vorland", "", 52.0, -72.0, "A", "ADM1", "CA", "02", 8_000_000),
    (940012, "Vorland", "Vorland", "", 46.8, -71.2, "P", "PPLA", "CA", "02", 500_000),
    (940013, "Hallenby", "Hallenby", "", 49.9, -97.1, "A", "ADM1", "CA", "03", 800_000),
    (940014, "Hallenby", "Hallenby", "", 49.8, -97.2, "P", "PPLA", "CA", "03", 700_000),
    (940015, "Delmora", "Delmora", "", 40.3, -82.7, "A", "ADM1", "US", "OH", 8_000_000),
    (940016, "Delmora County", "Delmora County", "Delmora", 37.5, -86.9, "A", "ADM2", "US",
     "KY", 40_000),
    (940017, "Scotland", "Scotland", "", 56.5, -4.2, "A", "ADM1", "GB", "SCT", 5_400_000),
    (940018, "Tessaly", "Tessaly", "", 47.3, -120.6, "A", "ADM1", "US", "WA", 6_500_000),
    (940019, "Tessaly", "Tessaly", "", 38.9, -77.0, "P", "PPLC", "US", "DC", 700_000),
    (940020, "New Harrowgate", "New Harrowgate", "", 53.0, -1.5, "P", "PPL", "GB", "ENG",
     300_000),
    (940007, "Hessing Bay", "Hessing Bay", "", 37.1, -84.6, "P", "PPL", "US", "KY", 12_000),
]
ADMIN1 = [("US.KY", "Kentucky"), ("US.TX", "Texas"), ("GB.ENG", "England"),
          ("CA.01", "Quellmark"), ("CA.02", "Vorland"), ("CA.03", "Hallenby"),
          ("US.OH", "Delmora"), ("GB.SCT", "Scotland"), ("US.WA", "Tessaly"),
          ("US.DC", "District of Columbia")]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return Geocoder(small_index(Path(tmp_path_factory.mktemp("prominence")), PLACES, ADMIN1))


def _ref(geo: Geocoder, text: str, name: str):
    # the names as a news NER model tags them
    ents = [(i, i + len(n), "GPE") for n in ("U.S.", "Texas", "Kentucky", "Ky.", "Norway",
                                             "Brindlecombe", "Hessing Bay", "Marlow Creek",
                                             "Oldacre", "Quellmark", "Vorland", "Hallenby",
                                             "Delmora", "Scotland", "Tessaly")
            for i in [text.find(n)] if i >= 0]
    m = next(m for m in geo.geoparse(text, ents) if m.name == name)
    return m.referent or m.place


def test_a_country_name_is_the_country_among_another_countrys_places(geo: Geocoder) -> None:
    text = ("Officials in the U.S. said on Monday that Norway had sent two firefighting "
            "planes to Hessing Bay, where fires burned across Texas and Kentucky.")
    ref = _ref(geo, text, "Norway")
    assert ref is not None and ref.iso3 == "NOR" and ref.feature_code == "PCLI"


def test_a_chain_ties_a_country_name_to_a_village(geo: Geocoder) -> None:
    ref = _ref(geo, "The storm reached Norway, Ky., on Friday night.", "Norway")
    assert ref is not None and ref.iso3 == "USA" and ref.admin1 == "Kentucky"


@pytest.mark.parametrize(("text", "name", "iso3"), [
    # a big city beats a village that only the region named favours
    ("Crews from Texas flew to Brindlecombe on Monday to help with the floods.",
     "Brindlecombe", "GBR"),
    # the namesake wins in its own chain
    ("Crews flew to Brindlecombe, Texas, on Monday to help with the floods.",
     "Brindlecombe", "USA"),
    # the US Brindlecombe (1,500) is 1,300 times smaller than the English city: a town and
    # its region named nearby are not enough ...
    ("Crews from Marlow Creek, Texas, drove to Brindlecombe on Monday to fight the fires.",
     "Brindlecombe", "GBR"),
    # ... but they choose among namesakes within a thousandfold (2,000 against 400,000)
    ("Crews from Marlow Creek, Texas, drove to Oldacre on Monday to fight the fires.",
     "Oldacre", "USA"),
    # the namesake from a village list needs its chain
    ("Officials in Kentucky and the U.S. thanked Norway for its help.", "Norway", "NOR"),
], ids=["big-city-over-region-favoured-village", "namesake-in-its-chain",
        "town-and-region-not-enough-beyond-thousandfold", "ties-choose-within-thousandfold",
        "village-list-namesake-needs-chain"])
def test_prominence_against_the_storys_ties(geo: Geocoder, text: str, name: str,
                                            iso3: str) -> None:
    ref = _ref(geo, text, name)
    assert ref is not None and ref.iso3 == iso3


def test_a_region_named_among_its_countrys_regions_is_the_region(geo: Geocoder) -> None:
    text = "Schools closed in Quellmark and Vorland on Monday."
    ref = _ref(geo, text, "Vorland")
    assert ref is not None and ref.feature_code == "ADM1"
    # alone, the bare name is the town, as before
    ref = _ref(geo, "Schools closed in Vorland on Monday.", "Vorland")
    assert ref is not None and ref.feature_code == "PPLA"
    # a region its namesake town fills is read as the town
    ref = _ref(geo, "Schools closed in Quellmark and Hallenby on Monday.", "Hallenby")
    assert ref is not None and ref.feature_code == "PPLA"


def test_a_bare_name_is_not_a_county_named_after_it(geo: Geocoder) -> None:
    text = "Storms hit Delmora and Kentucky on Sunday."
    ref = _ref(geo, text, "Delmora")
    assert ref is not None and ref.feature_code == "ADM1" and ref.admin1 == "Delmora"


def test_a_division_the_country_table_also_names_the_country_by_is_the_division(
        geo: Geocoder) -> None:
    ref = _ref(geo, "Storms crossed Scotland on Sunday, officials said.", "Scotland")
    assert ref is not None and ref.feature_code == "ADM1" and ref.iso3 == "GBR"


def test_a_region_elsewhere_in_the_text_does_not_outweigh_a_town_near_its_size(
        geo: Geocoder) -> None:
    # regions named elsewhere make a bare name a region only when no town of the name
    # comes within a tenth of it: the capital "Tessaly" stays the town ...
    text = "Storms hit Kentucky and Texas. Federal aid from Tessaly is expected."
    ref = _ref(geo, text, "Tessaly")
    assert ref is not None and ref.feature_code == "PPLC"
    # ... unless the text lists it among regions
    ref = _ref(geo, "Storms hit Kentucky, Texas and Tessaly on Sunday.", "Tessaly")
    assert ref is not None and ref.feature_code == "ADM1"


def test_a_name_that_begins_with_new_or_a_direction_is_read_whole(geo: Geocoder) -> None:
    ms = geo.geoparse("Crews reached New Harrowgate on Monday, and New rules began.")
    assert [(m.name, m.place and m.place.name) for m in ms] == [
        ("New Harrowgate", "New Harrowgate")]
