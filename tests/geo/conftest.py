"""A small gazetteer built from GeoNames-format dump files these tests write themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.geo import Geocoder, build_index

# geonameid, name, asciiname, alternatenames, lat, lon, fclass, fcode, cc, cc2, admin1,
# admin2, admin3, admin4, population, elevation, dem, timezone, modified
PLACES = [
    (99072, "Mosul", "Mosul", "Al Mawsil,Al Mosul,Mossoul", 36.335, 43.11889, "P", "PPLA",
     "IQ", "15", 1739800),
    (98182, "Baghdad", "Baghdad", "Bagdad,Baghdād", 33.34058, 44.40088, "P", "PPLC", "IQ", "07",
     7216000),
    (900001, "Tall ‘Afar", "Tall 'Afar", "Tal Afar,Telafer", 36.3768, 42.4485, "P", "PPL",
     "IQ", "15", 200000),
    (900002, "Al Qayyārah", "Al Qayyarah", "Qayyarah", 35.8003, 43.2886, "P", "PPL", "IQ", "15",
     15000),
    (900003, "Mosul International Airport", "Mosul International Airport", "", 36.3058,
     43.1474, "S", "AIRP", "IQ", "15", 0),
    (900004, "Qayyarah Airfield West", "Qayyarah Airfield West", "Q-West", 35.7650, 43.1250,
     "S", "MILB", "IQ", "15", 0),
    (99592, "Ninawa", "Ninawa", "Nineveh,Ninewa,Nīnawá", 36.0, 42.5, "A", "ADM1", "IQ", "15",
     2453000),
    (2210247, "Tripoli", "Tripoli", "Tarabulus,Trablous", 32.88743, 13.18733, "P", "PPLC", "LY",
     "77", 1150989),
    (88319, "Benghazi", "Benghazi", "Banghazi", 32.11486, 20.06859, "P", "PPLA", "LY", "54",
     650629),
    (266826, "Tripoli", "Tripoli", "Trablous,Tarabulus ash Sham", 34.43352, 35.84415, "P",
     "PPLA", "LB", "09", 229398),
    (276781, "Beirut", "Beirut", "Bayrut,Beyrouth", 33.89332, 35.50157, "P", "PPLC", "LB",
     "04", 1916100),
    (172955, "Ar Raqqah", "Ar Raqqah", "Raqqa,Rakka,Al-Raqqa", 35.95283, 39.00788, "P", "PPLA",
     "SY", "04", 177636),
    (170794, "Deir ez-Zor", "Deir ez-Zor", "Dayr az Zawr,Deir Ezzor", 35.33588, 40.14084, "P",
     "PPLA", "SY", "07", 242565),
]
ADMIN1 = [("IQ.15", "Ninawa"), ("IQ.07", "Baghdad"), ("LY.77", "Tripoli"),
          ("LY.54", "Benghazi"), ("LB.09", "North"), ("LB.04", "Beyrouth"),
          ("SY.04", "Ar-Raqqah"), ("SY.07", "Deir ez-Zor")]


def geoname_line(row: tuple) -> str:
    gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, a1, pop = row
    cols = [gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, "", a1, "", "", "", pop, "",
            "100", "Asia/Baghdad", "2024-01-01"]
    return "\t".join(str(c) for c in cols)


def write_dumps(folder: Path, places: list[tuple] | None = None,
                admin1: list[tuple[str, str]] | None = None) -> list[Path]:
    """GeoNames-style dumps of ``places`` and ``admin1`` (this module's by default)."""
    country = folder / "XX.txt"
    country.write_text("\n".join(geoname_line(r) for r in (places or PLACES)) + "\n",
                       encoding="utf-8")
    regions = folder / "admin1CodesASCII.txt"
    regions.write_text("\n".join(f"{code}\t{name}\t{name}\t1"
                                 for code, name in (admin1 if admin1 is not None else ADMIN1))
                       + "\n", encoding="utf-8")
    return [regions, country]


def small_index(folder: Path, places: list[tuple], admin1: list[tuple[str, str]]) -> Path:
    """A gazetteer index of only ``places`` and ``admin1``, built in ``folder``."""
    path = folder / "gazetteer.sqlite"
    build_index(path, dumps=write_dumps(folder, places, admin1), base=False)
    return path


@pytest.fixture(scope="session")
def gaz_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gaz")
    dumps = write_dumps(folder)
    path = folder / "gazetteer.sqlite"
    build_index(path, dumps=dumps, base=False)
    return path


@pytest.fixture(scope="session")
def geo(gaz_path: Path) -> Geocoder:
    return Geocoder(gaz_path)
