"""Prominence against context: a well-known place under its own name beats a far smaller
namesake that only the story's countries favour; the text's own ties (a chain, a nearby town,
the namesake's region) still choose the namesake."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder, build_index

from .conftest import geoname_line

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
    (940007, "Hessing Bay", "Hessing Bay", "", 37.1, -84.6, "P", "PPL", "US", "KY", 12_000),
]
ADMIN1 = [("US.KY", "Kentucky"), ("US.TX", "Texas"), ("GB.ENG", "England")]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    folder = Path(tmp_path_factory.mktemp("prominence"))
    dump = folder / "XX.txt"
    dump.write_text("\n".join(geoname_line(r) for r in PLACES) + "\n", encoding="utf-8")
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text("\n".join(f"{c}\t{n}\t{n}\t1" for c, n in ADMIN1) + "\n",
                      encoding="utf-8")
    path = folder / "gazetteer.sqlite"
    build_index(path, dumps=[admin1, dump], base=False)
    return Geocoder(path)


def _ref(geo: Geocoder, text: str, name: str):
    # the names as a news NER model tags them
    ents = [(i, i + len(n), "GPE") for n in ("U.S.", "Texas", "Kentucky", "Ky.", "Norway",
                                             "Brindlecombe", "Hessing Bay", "Marlow Creek",
                                             "Oldacre")
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


def test_a_big_city_beats_a_village_that_only_the_region_named_favours(geo: Geocoder) -> None:
    text = "Crews from Texas flew to Brindlecombe on Monday to help with the floods."
    ref = _ref(geo, text, "Brindlecombe")
    assert ref is not None and ref.iso3 == "GBR"


def test_the_namesake_wins_in_its_own_chain(geo: Geocoder) -> None:
    text = "Crews flew to Brindlecombe, Texas, on Monday to help with the floods."
    ref = _ref(geo, text, "Brindlecombe")
    assert ref is not None and ref.iso3 == "USA"


def test_the_storys_own_places_tie_a_namesake_within_a_thousandfold(geo: Geocoder) -> None:
    # the US Brindlecombe (1,500) is 1,300 times smaller than the English city: a town and
    # its region named nearby are not enough ...
    text = "Crews from Marlow Creek, Texas, drove to Brindlecombe on Monday to fight the fires."
    ref = _ref(geo, text, "Brindlecombe")
    assert ref is not None and ref.iso3 == "GBR"
    # ... but it chooses among namesakes within a thousandfold (2,000 against 400,000)
    text = "Crews from Marlow Creek, Texas, drove to Oldacre on Monday to fight the fires."
    ref = _ref(geo, text, "Oldacre")
    assert ref is not None and ref.iso3 == "USA"


def test_the_namesake_of_a_village_list_needs_its_chain(geo: Geocoder) -> None:
    text = "Officials in Kentucky and the U.S. thanked Norway for its help."
    ref = _ref(geo, text, "Norway")
    assert ref is not None and ref.iso3 == "NOR"
