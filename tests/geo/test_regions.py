"""Regions named the way reports name them: word-like names, town-like spellings, territories
counted under another country, and names the district table spells in a broken encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder, build_index
from eventwire.geo.index import _demojibake, _translated_names

from .conftest import geoname_line

# (geonameid, name, asciiname, alternates, lat, lon, fclass, fcode, cc, admin1, population)
PLACES = [
    (910001, "Coast", "Coast", "Pwani", -3.0, 39.5, "A", "ADM1", "KE", "02", 3300000),
    (910002, "Malindi", "Malindi", "", -3.2175, 40.1191, "P", "PPL", "KE", "02", 119859),
    (910003, "Chuy", "Chuy", "Chuyskaya Oblast", 42.8, 74.5, "A", "ADM1", "KG", "02", 900000),
    (910004, "Sokuluk", "Sokuluk", "", 42.854, 74.3026, "P", "PPL", "KG", "02", 0),
    (910005, "Chui", "Chui", "", -33.6971, -53.4562, "P", "PPL", "UY", "14", 9675),
    (910006, "Wan Chai", "Wan Chai", "Wanchai", 22.2814, 114.1726, "P", "PPL", "HK", "WC", 0),
]
ADMIN1 = [("KE.02", "Coast"), ("KG.02", "Chuy"), ("UY.14", "Rocha"), ("HK.WC", "Wanchai")]


@pytest.fixture(scope="module")
def regions(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    folder = tmp_path_factory.mktemp("regions")
    dump = folder / "XX.txt"
    dump.write_text("\n".join(geoname_line(r) for r in PLACES) + "\n", encoding="utf-8")
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text("\n".join(f"{c}\t{n}\t{n}\t1" for c, n in ADMIN1) + "\n",
                      encoding="utf-8")
    path = folder / "gazetteer.sqlite"
    build_index(path, dumps=[admin1, dump], base=False)
    return Geocoder(path)


def test_region_named_by_a_common_word_resolves_as_a_hint(regions: Geocoder) -> None:
    # "Coast" alone is a word, not a place; inside an admin hint it is the region
    assert regions.candidates("Coast") == []
    ms = regions.geoparse("Police dispersed a crowd in Gongoni (Malindi, Coast) on Friday.")
    coast = [m for m in ms if m.name == "Coast"]
    assert coast and coast[0].place is not None
    assert (coast[0].place.iso3, coast[0].place.feature_code) == ("KEN", "ADM1")


def _gpe(text: str, *names: str) -> list[tuple[int, int, str]]:
    """The spans a NER model tags GPE, as the pipeline passes them."""
    return [(text.index(n), text.index(n) + len(n), "GPE") for n in names]


def test_region_spelled_like_a_foreign_town(regions: Geocoder) -> None:
    text = "Police in Kyrgyzstan beat a detainee in the village of Sokuluk in Chui region."
    ms = regions.geoparse(text, _gpe(text, "Kyrgyzstan", "Sokuluk", "Chui"))
    chui = [m for m in ms if m.name == "Chui"]
    assert chui and chui[0].place is not None and chui[0].place.iso3 == "KGZ"
    place = regions.locate_event(text, ms, (0, len(text)), None)
    assert place is not None and (place.name, place.iso3) == ("Sokuluk", "KGZ")
    # a bare "Chui" with no region word is still the town
    bare_text = "A protest took place in Chui on Monday."
    bare = regions.geoparse(bare_text, _gpe(bare_text, "Chui"))
    assert bare and bare[0].place is not None and bare[0].place.iso3 == "URY"


def test_territory_is_counted_under_its_country(regions: Geocoder) -> None:
    ms = regions.geoparse("Workers marched to the government offices in Wan Chai.")
    place = ms[0].place
    assert place is not None
    assert (place.iso3, place.country, place.admin1, place.admin2) == (
        "CHN", "China", "Hong Kong", "Wanchai")


def test_broken_encoding_is_mended() -> None:
    assert _demojibake("BÃ©labo") == "Bélabo"
    assert _demojibake("Ã\x89dÃ©a I") == "Édéa I"
    for fine in ("Ñuñoa", "Chillán", "Mosul"):
        assert _demojibake(fine) == fine


def test_subdivisions_take_their_translated_names() -> None:
    assert "Extrême-Nord" in _translated_names("Far North")
    assert "Nord-Ouest" in _translated_names("North-West")
    assert _translated_names("Mosul governorate that does not exist") == []


def test_translated_region_name_in_built_index(tmp_path: Path) -> None:
    # the base build pairs GeoNames regions with ISO ones; the pairing's translations are
    # what "(Mokolo, Extreme-Nord)" needs, checked on the default index when it is built
    from eventwire.geo.index import default_path, is_valid

    path = default_path()
    if not is_valid(path):
        pytest.skip("no default index built")
    geo = Geocoder(path)
    cands = geo.candidates("Extreme-Nord")
    assert any(c.cc == "CM" and c.fcode == "ADM1" for c in cands)
    west = [c for c in geo.candidates("West") if c.cc == "CM" and c.fcode == "ADM1"]
    assert west and west[0].admin1 != "North-West"
