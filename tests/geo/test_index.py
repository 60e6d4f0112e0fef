"""Index build and GeoNames dump import, from small dump files written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import GazetteerError
from eventwire.geo import Geocoder, build_index, default_path, import_dumps

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
