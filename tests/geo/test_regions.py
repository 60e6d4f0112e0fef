"""Regions named the way reports name them: word-like names, town-like spellings, territories
counted under another country, and names the district table spells in a broken encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder
from eventwire.geo.index import _demojibake, _translated_names

from .conftest import small_index

# (geonameid, name, asciiname, alternates, lat, lon, fclass, fcode, cc, admin1, population)
PLACES = [
    (910001, "Coast", "Coast", "Pwani", -3.0, 39.5, "A", "ADM1", "KE", "02", 3300000),
    (910002, "Malindi", "Malindi", "", -3.2175, 40.1191, "P", "PPL", "KE", "02", 119859),
    (910003, "Talas", "Talas", "Talasskaya Oblast", 42.5, 72.2, "A", "ADM1", "KG", "08",
     250000),
    (910004, "Kara-Buura", "Kara-Buura", "", 42.55, 71.3, "P", "PPL", "KG", "08", 0),
    (910005, "Tallas", "Tallas", "", 40.2, -3.9, "P", "PPL", "ES", "29", 9675),
    (910006, "Wan Chai", "Wan Chai", "Wanchai", 22.2814, 114.1726, "P", "PPL", "HK", "WC", 0),
    (910007, "Niger", "Niger", "Niger State", 9.93, 5.6, "A", "ADM1", "NG", "31", 3950000),
    (910008, "Mokwa", "Mokwa", "", 9.29, 5.05, "P", "PPL", "NG", "31", 25000),
    (910011, "Agadez", "Agadez", "", 16.9733, 7.9911, "P", "PPLA", "NE", "01", 110497),
    (910009, "Tiaret", "Tiaret", "", 35.37, 1.32, "P", "PPLA", "DZ", "14", 178915),
    (910010, "Ar Raqqah", "Ar Raqqah", "Raqqa", 35.9528, 39.0079, "P", "PPLA", "SY", "04",
     531952),
]
ADMIN1 = [("KE.02", "Coast"), ("KG.08", "Talas"), ("ES.29", "Madrid"), ("HK.WC", "Wanchai"),
          ("NG.31", "Niger"), ("DZ.14", "Tiaret"), ("SY.04", "Ar-Raqqah")]


@pytest.fixture(scope="module")
def regions(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return Geocoder(small_index(Path(tmp_path_factory.mktemp("regions")), PLACES, ADMIN1))


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
    text = "Police in Kyrgyzstan beat a detainee in the village of Kara-Buura in Tallas region."
    ms = regions.geoparse(text, _gpe(text, "Kyrgyzstan", "Kara-Buura", "Tallas"))
    region = [m for m in ms if m.name == "Tallas"]
    assert region and region[0].place is not None and region[0].place.iso3 == "KGZ"
    place = regions.locate_event(text, ms, (0, len(text)), None)
    assert place is not None and (place.name, place.iso3) == ("Kara-Buura", "KGZ")
    # a bare "Tallas" with no region word is still the town
    bare_text = "A protest took place in Tallas on Monday."
    bare = regions.geoparse(bare_text, _gpe(bare_text, "Tallas"))
    assert bare and bare[0].place is not None and bare[0].place.iso3 == "ESP"


def test_territory_is_counted_under_its_country(regions: Geocoder) -> None:
    ms = regions.geoparse("Workers marched to the government offices in Wan Chai.")
    place = ms[0].place
    assert place is not None
    assert (place.iso3, place.country, place.admin1, place.admin2) == (
        "CHN", "China", "Hong Kong", "Wanchai")


def test_state_named_like_a_country(regions: Geocoder) -> None:
    text = "Members of a Niger militia attacked Dogon Gari (Mokwa, Niger) on Sunday."
    last = text.rindex("Niger")
    ents = _gpe(text, "Dogon Gari", "Mokwa") + [(last, last + 5, "GPE")]
    ms = regions.geoparse(text, ents)
    place = regions.locate_event(text, ms, (0, len(text)), None)
    assert place is not None and (place.iso3, place.admin1) == ("NGA", "Niger")
    # with nothing of the state around it, Niger is the country
    text = "Gunmen attacked a village in Niger on Sunday."
    ms = regions.geoparse(text, _gpe(text, "Niger"))
    assert ms[0].place is not None and ms[0].place.iso3 == "NER"


def test_big_city_hint_abroad_outweighs_a_namesake_town(regions: Geocoder) -> None:
    # the town named is not in the gazetteer; its namesake abroad must not take the event
    text = "Turkish forces shelled Tiaret village in Raqqa governorate."
    ms = regions.geoparse(text, _gpe(text, "Tiaret", "Raqqa"))
    place = regions.locate_event(text, ms, (0, len(text)), None)
    assert place is not None and place.iso3 == "SYR"


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


def test_region_without_a_point_takes_the_gazetteers(regions: Geocoder) -> None:
    from eventwire.records import Place

    named = Place(name="Coast", iso3="KEN", admin1="Coast", geo_precision=3,
                  relation="region named in the text")
    placed = regions.region_point(named)
    assert (placed.lat, placed.lon, placed.geo_precision) == (-3.0, 39.5, 3)
    unknown = Place(name="Nowhere Province", iso3="KEN", geo_precision=3)
    assert regions.region_point(unknown).lat is None
    other = Place(name="Coast", iso3="UGA", geo_precision=3)  # no Coast in Uganda
    assert regions.region_point(other).lat is None
