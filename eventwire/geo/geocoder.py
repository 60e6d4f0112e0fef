"""Toponym resolution and event placement over the gazetteer index.

``Geocoder.geoparse`` finds place mentions (the caller's NER spans plus capitalized n-grams
the gazetteer knows, guarded by cues such as "in X", "X village", "(X, Y)"), then ranks each
name's candidates with the whole text as context: countries and demonyms named, admin hints
("Minakulu sub-county (Oyam, Northern)", "in Dara countryside", "Duhok governorate"), the
countries the other places resolved to, population and feature class. ``locate_event`` picks
the event's place among a sentence's mentions and falls back to the nearest resolvable anchor
(never a silent country centroid) when the named place is not in the gazetteer.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import logging
import math
import os
import re
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError
from ..records import Place
from . import index as _index
from .normalize import admin_key, admin_loose, fold, loose_key, name_key
from .relative import apply_relation, haversine_km, relation_before

_MINOR = _index.MINOR_CODE  # a village from a village list (rank below known places)

# Words after a name that say it is a settlement / an administrative area.
SETTLEMENT_WORDS = frozenset({"village", "villages", "town", "city", "hamlet", "neighborhood",
                              "neighbourhood", "quarter", "camp", "suburb", "locality",
                              "settlement", "area", "trading", "market", "ward", "colony",
                              "center", "centre", "towns", "cities", "estate",
                              "junction", "crossing", "checkpoint", "base", "airport",
                              "airbase", "square", "port", "island", "mountain", "valley"})
# Words after a name that say it names a natural feature, not the town it may share a name with.
_NATURAL = frozenset({"valley", "mountain", "mountains", "hills", "river"})
ADMIN_WORDS = {"district": 2, "governorate": 1, "province": 1, "region": 1, "state": 1,
               "county": 2, "sub-county": 3, "subcounty": 3, "township": 3, "oblast": 1,
               "raion": 2, "rayon": 2, "municipality": 3, "department": 1, "prefecture": 1,
               "division": 1, "territory": 1, "countryside": 0, "subdistrict": 3,
               "sub-district": 3, "tehsil": 3, "taluk": 3, "commune": 3, "parish": 3,
               "emirate": 1, "wilayat": 2, "nahiya": 3, "canton": 2, "zone": 2,
               "hromada": 3, "sector": 3, "lga": 2, "locality": 3, "mandal": 3, "block": 3,
               "circle": 3, "upazila": 3, "area": 3}
_LOC_PREPS = frozenset({"in", "at", "near", "outside", "around", "inside", "into", "on",
                        "across", "throughout", "through", "within", "of", "toward", "towards",
                        "to", "from", "between", "and", "via", "reach", "entered"})
_STOP = frozenset("""
on in the a an at he she they it we his her their this that these those there here according after
before during while when where police army forces force security government ministry minister
president prime general colonel captain mr mrs ms dr sheikh islamic state national party front
people council court union university hospital school church mosque market street road bridge
congress parliament senate assembly cabinet legislature presidency
airport station camp base unknown unidentified armed group military regime rebels protesters
rioters civilians fatalities several many some two three one four five size report reported
sources source news video photo update breaking monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november december
coded christmas eid ramadan muslim christian catholic sunni shia god allah ukrainian russian also
however meanwhile earlier later today yesterday tomorrow local residents members supporters
students workers farmers women men youth activists officers soldiers troops fighters militants
gunmen no not all both more most less during due since until following about over under
against for with by
district province village town city region governorate county state municipality central north
south east west northern southern eastern western upper lower new old great greater
""".split())
_MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# words of _STOP that begin names ("New South Wales", "Greater Manchester", "North Kivu")
_NAME_HEADS = frozenset({"new", "old", "great", "greater", "north", "south", "east", "west",
                         "northern", "southern", "eastern", "western", "central", "upper",
                         "lower"})
_STRONG_PREPS = frozenset({"in", "at", "near", "outside", "around", "into", "across",
                           "toward", "towards", "from", "inside", "throughout", "through"})
_DIRECTIONAL = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                          "western", "central", "upper", "lower"})
_INSTITUTION = frozenset({"school", "high", "university", "college", "hospital", "street",
                          "road", "avenue", "stadium", "station", "church", "mosque", "temple",
                          "prison", "hotel", "mall", "bridge", "park", "square", "house",
                          "hall", "office", "headquarters", "court", "academy", "institute",
                          "airport", "port", "plaza", "boulevard", "highway", "clinic"})
# "the State Capitol in Dayton", "the Lakeside tea estate in Jorhat": a site, then its town
_FACILITY = _INSTITUTION - {"high", "port"} | frozenset(
    {"capitol", "estate", "factory", "plant", "mill", "building", "complex", "collectorate",
     "secretariat", "assembly", "campus", "center", "centre", "stadium", "parliament",
     "ministry", "embassy", "consulate", "headquarters", "facility", "garden", "refinery"})
# a word after a name that makes it a site's ("Al-Thawra hospital")
_SITE_WORDS = _FACILITY | frozenset({"cemetery", "graveyard"})
_SITE_IN = re.compile(r"\s+(?:[\w'’&-]+\s+){0,3}?(?:" + "|".join(sorted(_FACILITY)) +
                      r")\s+(?:in|at)\s+$", re.I)
_SITE_BEFORE = re.compile(_SITE_IN.pattern[:-1] + r"(?=(?-i:[A-Z]))", re.I)
_QUARTER = frozenset({"locality", "neighborhood", "neighbourhood", "quarter", "colony", "suburb",
                      "area", "ward", "district", "sector"})
_GAP_OK = frozenset({"in", "of", "the", "coded", "to", "near", "as", "a", "an"}) | _INSTITUTION
_CONNECT = frozenset({"al", "el", "ad", "ar", "as", "at", "az", "ash", "an", "ez", "es", "ed",
                      "de", "del", "da", "do", "dos", "das", "di", "la", "le", "les", "du",
                      "des", "bin", "ibn", "bani", "abu", "um", "umm", "on", "upon", "y", "e",
                      "van", "von", "der", "den", "sur", "am", "im", "of", "los", "las",
                      "lo", "dei", "degli", "della", "sul", "sobre", "en", "i"})
_WORD = re.compile(r"[^\W\d_][\w'’‘ʿʾ`.-]*", re.U)
_DIR_AFFIX = re.compile(r"()(?:(?:North|South|East|West|Central|Upper|Lower)[- ](.+)|(.+?)[- ]"
                        r"(?:North|South|East|West|Central))")
# "coded as X", "(coded to X)", "coded to zone ADM center X": the place the coder chose
_CODED = re.compile(r"(?<!fatalities )(?<!casualties )(?<!deaths )\bcoded\s+(?:to|as)\s+"
                    r"(?:(?:the|a|an|hq|headquarters|capital|admin|administrative|adm|center|"
                    r"centre|zone|district|provincial|territorial|regional|state|town|city|of|"
                    r"at|in)[\s,]+)*$", re.I)
_PAREN = re.compile(r"\(([^()]{2,120})\)")
# capital letters, with the accented ones of Latin scripts ("APATZINGÁN", "SÃO PAULO")
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# an all-capital dateline opening a line ("NORTH PLATTE, Neb. (AP) —") and the agency after it
_DATELINE = re.compile(rf"\s*[{_UPPER}][{_UPPER}'’. -]+[{_UPPER}]"
                       rf"(?:,\s*[{_UPPER}][\w.’' -]{{0,30}})?\s*\(")
_DATELINE_AGENCY = re.compile(r"\)\s*(?:[—–-]|--)")
# the all-capital place a dateline opens a line with ("EDMONTON, Alberta (AP) -",
# "WASHINGTON -", "NEW YORK, May 2 (Reuters) -", "BOGOTÁ -")
_DATELINE_WORDS = rf"[{_UPPER}][{_UPPER}'’.]+(?:[ /-][{_UPPER}][{_UPPER}'’.]+){{0,3}}"
_DATELINE_PLACE = re.compile(r"(?m)^[ \t]*(" + _DATELINE_WORDS + r")"
                             r"(?=,\s|:\s|\s*\(|\s+(?:[—–]|--?)\s)")
# the whole dateline at a sentence's start: the place, then its country, date or agency, then
# a dash or a colon ("KRAKOW, Poland, May 4 (AFP) - ", "COVENTRY, England, 5 May 2024 - ")
_DATELINE_LINE = re.compile(r"[ \t]*" + _DATELINE_WORDS + r"(?:,[^\n\-–—:]{0,60}?)?\s*"
                            r"(?:\([^)\n]{1,30}\)\s*)?(?:[—–:]|--?)\s")


def dateline_starts(text: str) -> set[int]:
    """Where each all-capital dateline place of ``text`` starts ("FREETOWN -", "KHARTOUM, May
    7 -", "CHANDIGARH: "): the place a story was filed from, not its event's place when the
    story names another."""
    return {mt.start(1) for mt in _DATELINE_PLACE.finditer(text)}


def dateline_end(sentence: str) -> int:
    """Where a dateline that opens ``sentence`` ends (0 when there is none): what comes
    before is where and when the story was filed, not the event."""
    found = _DATELINE_LINE.match(sentence)
    return found.end() if found else 0


# the role of a place named inside (or as) the name of an organisation, facility or event
# ("the Ohio Department of Health"): a reference with no place of its own (the pipeline
# places an event there only when the event's sentence names no other place)
NAME_ROLE = "in a name"
_NAME_LABELS = frozenset({"ORG", "FAC", "EVENT"})
REFERENCE_ROLES = frozenset({"demonym", NAME_ROLE})
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "of", "outside", "inside", "into",
                       "around", "across", "on", "towards", "toward", "through", "between",
                       "and", "or", ","})
# a verb of saying or judging right after a place named without a preposition: the place
# stands for its government ("Ankara regards", "Washington has accused")
_SPEAKS = re.compile(
    r"(?:'s? government)?\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+)?(?:say|says|said|regard|"
    r"regards|regarded|accuse|accuses|accused|deny|denies|denied|warn|warns|warned|insist|"
    r"insists|insisted|consider|considers|considered|view|views|viewed|blame|blames|blamed|"
    r"condemn|condemns|condemned|reject|rejects|rejected|want|wants|wanted|announce|"
    r"announces|announced)\b")  # not "protests" or "demands": "Nairobi protests" are there
# a capital standing for its rulers: "the coalition of the Kinshasa regime", "the Damascus
# government" (a place with a locative preposition stays one: "in Kinshasa government offices")
_RULERS = re.compile(r"\s+(?:regime|government|authorities|administration|junta)\b")
# a part of a town named after its possessive ("Nakuru's town centre", "Kabul's outskirts")
_PLACE_PART = re.compile(
    r"\s+(?:(?:central|main|old|busy|northern|southern|eastern|western|informal|low-income|"
    r"poor|sprawling|crowded|industrial|commercial|business|residential|densely populated)\s+){0,2}"
    r"(?:(?:town|city|business|commercial)\s+)?(?:centre|center|district|outskirts|suburbs?|"
    r"old town|town|city|"
    r"streets|slums?|settlements|neighbou?rhoods?|quarters?|estates?|townships?|markets?|"
    r"downtown|cbd|port|harbou?r|north|south|east|west|northeast|northwest|southeast|"
    r"southwest|periphery|environs)\b", re.I)
_NAME_CITY_POP = 100_000  # a city well known enough to name things after


@dataclass(slots=True)
class PlaceMention:
    """One place named in a text: offsets into it, the name as written, the resolved place."""

    start: int
    end: int
    name: str
    place: Place | None
    score: float
    label: str = ""  # GPE/LOC/FAC from NER, GAZ for gazetteer-found, HINT for parenthesized
    # place | hint (admin hint for an earlier name) | country | coded; with
    # ``geoparse(references=True)`` also demonym | in a name (references, never places);
    # the pipeline marks a country a protest stands against "against" (its referent)
    role: str = "place"
    group: int = -1  # mentions of one chain "X village, Y district (Z, W)" share a group
    prep: str = ""  # the word before the name ("in", "from", ...)
    relation: str | None = None
    # what the name refers to: the place itself, with its own GeoNames id and point. It
    # differs from ``place`` for a region, which ``place`` puts at its main town, where
    # event coders place a region-level report ("fighting in Alberta")
    referent: Place | None = None


@dataclass(slots=True)
class _Cand:
    id: int
    name: str
    cc: str
    a1: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    pop: int
    fclass: str
    fcode: str
    q: int
    loose: bool = False


@dataclass(slots=True)
class _M:
    start: int
    end: int
    text: str
    key: str
    label: str
    cands: list[_Cand]
    feature: str = ""  # word after the name (village, district, ...)
    prep: str = ""
    role: str = "place"
    group: int = -1
    country_cc: str | None = None
    level_hint: int = -1  # expected admin level from the feature word (1, 2, 3) or -1
    best: _Cand | None = None
    score: float = 0.0
    peers: list[_M] = dataclasses.field(default_factory=list)  # names listed beside it
    owners: frozenset[str] = frozenset()  # countries of "X's" right before it ("Syria's Idlib")


class Geocoder:
    """Offline geocoder over an SQLite gazetteer index (see ``eventwire.geo.index``)."""

    _default: Geocoder | None = None
    _lock = threading.Lock()

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else _index.default_path()
        # the last text's words and demonyms (_tokens, _demonym_words)
        self._last_tokens: tuple[str, list[tuple[int, int, str]], list[str] | None] | None = None
        if not _index.is_valid(self.path):
            raise GazetteerError(f"{self.path}: no gazetteer index here (or an old version); "
                                 "run: eventwire gazetteer build")
        try:
            self._connect()
            self._load_tables()
        except sqlite3.Error as exc:
            raise GazetteerError(f"{self.path}: cannot read the gazetteer index: {exc}") from exc
        self._abbr = {name_key(a) for a, _cc, _r in _index.abbreviations()}  # "KPK", "J&K"
        # "Ky.", "Calif.", "B.C.": AP-style short forms, read only as written (with the
        # dot, after a comma): "Mass" or "Miss" alone is no state
        self._dotted = {name_key(a): cc for a, cc, _r in _index.abbreviations()
                        if a.endswith(".")}
        self._qlock = threading.Lock()
        self._lookup = functools.lru_cache(maxsize=200_000)(self._lookup_uncached)

    def _connect(self) -> None:
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                    check_same_thread=False)
        self._pid = os.getpid()

    def reconnect_after_fork(self) -> None:
        """A fresh SQLite connection in a process forked from the one that opened the index
        (a connection must not be shared across fork); a no-op in the opening process."""
        if self._pid != os.getpid():
            # the inherited connection is kept, never used nor closed: closing it here
            # could drop the file locks SQLite holds for this process's new connection
            self._inherited = self._con
            try:
                self._connect()
            except sqlite3.Error as exc:
                raise GazetteerError(f"{self.path}: cannot read the gazetteer index: "
                                     f"{exc}") from exc

    @classmethod
    def default(cls) -> Geocoder:
        """The process-wide geocoder on the default index, built on first use."""
        with cls._lock:
            if cls._default is None:
                path = _index.default_path()
                if not _index.is_valid(path):
                    # minutes of work: say so, whichever command (or program) asked first
                    logging.getLogger("eventwire").warning(
                        "eventwire: building the gazetteer index at %s (once; about three "
                        "minutes)", path)
                    _index.build_index(path)
                cls._default = cls(path)
            return cls._default

    # ------------------------------------------------------------------------ tables

    def _load_tables(self) -> None:
        con = self._con
        self._countries: dict[str, tuple] = {}  # iso2 -> (id, name, lat, lon, pop)
        self._iso3: dict[str, str] = {}
        self._iso2_of3: dict[str, str] = {}
        import pycountry

        for pid, name, cc, lat, lon, pop in con.execute(
                "SELECT id, name, cc, lat, lon, pop FROM places WHERE fcode='PCLI'"):
            self._countries[cc] = (pid, name, lat, lon, pop)
            pc = pycountry.countries.get(alpha_2=cc)
            iso3 = pc.alpha_3 if pc else ("XKX" if cc == "XK" else None)
            if iso3:
                self._iso3[cc] = iso3
                self._iso2_of3[iso3] = cc
        self._country_keys: dict[str, str] = {}
        ids = {v[0]: cc for cc, v in self._countries.items()}
        for key, pid in con.execute(
                f"SELECT key, pid FROM names WHERE pid IN ({','.join('?' * len(ids))})",
                list(ids)):
            self._country_keys.setdefault(key, ids[pid])
        self._country_fold: dict[str, str] = {}  # exact (folded) country names only
        for _gid, name, iso2, _iso3, aliases, _pop in _index._country_rows():
            for n in [name, *aliases]:
                f = fold(n)
                self._country_fold.setdefault(f, iso2)
                if f.startswith("the "):
                    self._country_fold.setdefault(f[4:], iso2)
        self._demonyms: dict[str, str] = {}
        for iso3, row in _index._country_table().items():
            cc = self._iso2_of3.get(iso3)
            if not cc:
                continue
            for d in row["demonyms"]:
                for form in (d, d + "s", d + "es"):
                    self._demonyms.setdefault(name_key(form), cc)
            for a in row["aliases"]:
                self._country_keys.setdefault(name_key(a), cc)
        self._admin1: dict[tuple[str, str], tuple[str, int | None]] = {
            (cc, code): (nm, pid) for cc, code, nm, pid in
            con.execute("SELECT cc, code, name, pid FROM admin1")}
        self._a1_aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._alias_index: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
        self._referent: dict[int, tuple[int | None, float | None, float | None]] = {
            pid: (gid, lat, lon) for pid, gid, lat, lon in
            con.execute("SELECT pid, gid, lat, lon FROM referent")}
        for cc, code, akey, level in con.execute("SELECT cc, code, akey, level FROM admin_alias"):
            if level == 1:
                self._a1_aliases[(cc, code)].add(akey)
            self._alias_index[akey].add((cc, code, level))
        for (cc, code), (nm, _pid) in self._admin1.items():
            self._a1_aliases[(cc, code)].add(admin_key(nm))
        # a district-table region ("gb:ourense") and the GeoNames one it lies in (Galicia's
        # code), linked at build time: each answers to the other's names
        self._a1_links: frozenset[tuple[str, str, str]] = frozenset(
            con.execute("SELECT cc, a, b FROM region_link"))
        for cc, a, b in self._a1_links:
            both = self._a1_aliases[(cc, a)] | self._a1_aliases[(cc, b)]
            self._a1_aliases[(cc, a)] = self._a1_aliases[(cc, b)] = both
        # the same, spelling-tolerant ("Ninewa governorate" is Ninawa, "Salahaddin" Salah
        # ad Din): for reading a text's hints, not for comparing region names in ``eval``
        self._a1_loose: dict[tuple[str, str], frozenset[str]] = {
            k: frozenset(admin_loose(a) for a in v) for k, v in self._a1_aliases.items()}
        self._conventions: dict[str, tuple[str, str]] = {}  # territory -> (country, region)
        text = (Path(__file__).parent / "conventions.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) != 3:
                continue
            self._conventions[parts[0].strip()] = (parts[1].strip(), parts[2].strip())

    def _lookup_uncached(self, key: str, loose: bool) -> tuple[_Cand, ...]:
        sql = ("SELECT p.id, p.name, p.cc, p.a1, p.admin1, p.admin2, p.lat, p.lon, p.pop, "
               "p.fclass, p.fcode, min(n.q) FROM names n JOIN places p ON p.id = n.pid "
               f"WHERE n.{'loose' if loose else 'key'} = ? GROUP BY p.id "
               "ORDER BY p.pop DESC LIMIT 60")
        with self._qlock:
            rows = self._con.execute(sql, (key,)).fetchall()
        return tuple(_Cand(*r, loose=loose) for r in rows if r[6] is not None)

    def candidates(self, name: str, allow_loose: bool = True) -> list[_Cand]:
        """Gazetteer entries a name may refer to (strict key, else transliteration key)."""
        key = name_key(name)
        if not key or key in _GENERIC_KEYS:
            # "Town", "Center", "Zone" are alternate names of someplace: not names; but
            # "the Gulf" is a region's
            return [c for c in self._lookup(key, False) if c.fcode in _index.REGION_CODES] \
                if key and name[:1].isupper() else []
        found = list(self._lookup(key, False))
        if not found and allow_loose and len(key) >= 4:
            found = list(self._lookup(loose_key(name), True))
        if not found and allow_loose:
            m = _DIR_AFFIX.fullmatch(name.strip())
            if m:  # "Shan-North", "South Jakarta": the named part of a known place
                base = m.group(2) or m.group(3)
                found = [dataclasses.replace(c, loose=True) for c in self._lookup(
                    name_key(base), False)]
        return found

    # ------------------------------------------------------------------------ countries

    def country_iso3(self, name_or_demonym: str) -> str | None:
        """ISO3 code for a country name, demonym (singular or plural) or ISO2/ISO3 code."""
        cc = self._country_cc(name_or_demonym)
        return self._iso3.get(cc) if cc else None

    def _country_cc(self, text: str) -> str | None:
        s = text.strip()
        if not s:
            return None
        if s.isupper() and len(s) == 2 and s in self._countries:
            return s
        if s.isupper() and len(s) == 3 and s in self._iso2_of3:
            return self._iso2_of3[s]
        f = fold(s)
        if f.startswith("the "):
            f = f[4:]
        if f in self._country_fold:
            return self._country_fold[f]
        key = name_key(s)
        return self._demonyms.get(key) or self._country_keys.get(key)

    def is_demonym(self, word: str) -> bool:
        """Is ``word`` a country's demonym ("Canadian", "Afghans") and not also its name?"""
        return bool(self._demonyms.get(name_key(word))) and fold(word) not in self._country_fold

    def region_point(self, place: Place) -> Place:
        """A region placed without a point (an ISO subdivision name) gets the point of the
        gazetteer's region or main town of that name in its country, when there is one."""
        if place.lat is not None or not place.iso3:
            return place
        cc = self._iso2_of3.get(place.iso3)
        rank = {"ADM1": 0, "ADM2": 1}
        for name in dict.fromkeys(n for n in (place.name, place.admin1) if n):
            # an ISO name, so a word-like one ("Coast", "Bay") is a region name here
            found = [c for c in self._lookup(name_key(name), False)
                     if c.cc == cc and c.fcode in rank and c.lat is not None]
            if found:
                best = min(found, key=lambda c: (rank[c.fcode], -c.pop))
                return dataclasses.replace(place, lat=best.lat, lon=best.lon)
        return place

    def country(self, name_or_iso: str) -> Place | None:
        """The country as a place (its representative point), geo_precision 3."""
        cc = self._country_cc(name_or_iso)
        if cc is None or cc not in self._countries:
            return None
        pid, name, lat, lon, _pop = self._countries[cc]
        return Place(name=name, country=name, iso3=self._iso3.get(cc), lat=lat, lon=lon,
                     geo_precision=3, geonames_id=pid if pid > 0 else None,
                     feature_code="PCLI", mention=name_or_iso)

    def admin1_aliases(self, iso3: str, admin1: str) -> set[str]:
        """All admin keys of the admin1 region named ``admin1`` in a country (for comparing)."""
        cc = self._iso2_of3.get(iso3 or "")
        k = admin_key(admin1)
        for cc2, code, level in self._alias_index.get(k, ()):
            if level == 1 and cc2 == cc:
                return set(self._a1_aliases[(cc2, code)])
        return {k}

    # ------------------------------------------------------------------------ geoparse

    def geoparse(self, text: str,
                 ents: list[tuple[int, int, str]] | None = None,
                 prior: dict[str, float] | None = None,
                 focus: dict[str, float] | None = None,
                 demonyms: bool = False, references: bool = False) -> list[PlaceMention]:
        """Every place mention in ``text``, each resolved with the whole text as context.

        ``prior`` adds country evidence the caller found in the text (ISO2 -> weight), such
        as the home country of a named armed group ("Ambazonian separatists": Cameroon).
        ``focus`` names the countries a whole collection is about (ISO2 -> 0..1, see
        ``focus_of``): a small pull towards their namesakes when the text itself does not
        tell two apart ("Tripoli" in a feed on Lebanon), never evidence on its own.
        ``references`` (or ``demonyms``, its older name) reads what the text refers to, not
        only where things happen: it also returns each country's demonym ("Canadian
        officials") as a mention of role "demonym" whose ``referent`` is the country, and a
        well-known place named inside (or as) the name of an organisation, facility or event
        the NER found ("the Ohio Department of Health", "University of Texas", "Kenya Defence
        Forces") as a mention of role "in a name", resolved with the article's context like
        any other. Neither ever has a ``place`` (a nationality or a name says who, not where,
        and places no event), and neither changes the other mentions.
        """
        references = references or demonyms
        if not text:
            return []
        ms = self._find_mentions(text, ents or [])
        if not ms:
            if not references:
                return []
            countries = self._context_countries(text, [], ents or []) + Counter(prior or {})
            out = self._name_mentions(text, ents or [], [], [], countries, set(), None, focus)
            return self._demonym_mentions(text, out)
        extra = Counter(prior or {})
        countries = self._context_countries(text, ms, ents or []) + extra
        context = {admin_key(m.text) for m in ms if m.role != "country"}
        self._rank(ms, countries, context, coherence=None, focus=focus)
        changed = False
        for m in ms:  # "Atlanta (Georgia)": the state, not the country
            if m.country_cc and m.best is not None and m.best.fcode != "PCLI":
                m.country_cc = None
                first = m.group >= 0 and next(o for o in ms if o.group == m.group) is m
                m.role = "hint" if m.group >= 0 and not first else "place"
                changed = True
            elif m.country_cc and m.group >= 0:
                # "Dogon Gari (Mokwa, Niger)", "Mokwa LGA (Niger)": a state named like a
                # country, when the text's other places lie in that state
                state = next((c for c in m.cands if c.fcode == "ADM1" and any(
                    o is not m and o.best is not None and o.best.cc == c.cc and
                    o.best.a1 == c.a1 and o.best.fcode != "ADM1" for o in ms)), None)
                if state is not None:
                    m.best, m.country_cc, m.role = state, None, "hint"
                    m.cands = [c for c in m.cands if c.fcode != "PCLI"]
                    m.score = max(m.score, 0.8)
                    changed = True
        if changed:
            countries = self._context_countries(text, ms, ents or []) + extra
        votes = Counter(m.best.cc for m in ms if m.best is not None and m.score > 0.5
                        and not m.country_cc and m.best.cc)  # "the war in Ukraine" is no place vote
        if votes:
            self._rank(ms, countries, context, coherence=votes, focus=focus)
        self._check_chains(ms)
        self._in_named_region(ms)
        self._the_capital(text, ms, countries, focus)
        coded = [m for m in ms if m.best is not None and m.country_cc is None and
                 _CODED.search(text, max(0, m.start - 60), m.start)]
        seen = {m.best.cc for m in ms if m.best is not None and m not in coded}
        for m in coded:  # "(coded as Tikrit)", "Coded to Baiji": the coder's place
            if not seen or m.best.cc in seen:  # but not a namesake abroad
                m.role = "coded"
        out = [self._to_mention(text, m) for m in ms]
        if not references:
            return out
        out = self._name_mentions(text, ents or [], ms, out, countries, context, votes, focus)
        return self._demonym_mentions(text, out)

    def _name_mentions(self, text: str, ents: list[tuple[int, int, str]], ms: list[_M],
                       found: list[PlaceMention], countries: Counter, context: set[str],
                       votes: Counter | None, focus: dict[str, float] | None
                       ) -> list[PlaceMention]:
        """``found`` plus the well-known places named inside the names of organisations,
        facilities and events ("the Ohio Department of Health"), role "in a name", each
        resolved with the article's context (its countries, its other places) and never a
        ``place``; ``ms`` (the text's own mentions, already resolved) are left as they are."""
        taken = bytearray(len(text) + 1)
        for m in found:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        # a word of a person's name anywhere in the text ("Jackson", "Lincoln") names no
        # place inside an organisation's name either
        persons = {w.lower() for s, e, label in ents if label == "PERSON"
                   for w in _WORD.findall(text[s:e])}
        extra: list[_M] = []
        for s, e, label in sorted(ents):
            if label not in _NAME_LABELS or not 0 <= s < e <= len(text) or all(taken[s:e]):
                continue
            for m in self._name_parts(text, s, e, taken, persons):
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)
                extra.append(m)
        if not extra:
            return found
        # ranked among copies of the text's own mentions (their answers as context: anchors,
        # named regions), which are then dropped: a name's place changes nothing else
        copies = [dataclasses.replace(m) for m in ms]
        self._rank(copies + extra, countries, context, coherence=votes or None, focus=focus)
        out = list(found)
        for m in extra:
            if m.best is None:
                continue
            own = self._place(m.best, m.text)
            point = self._referent.get(m.best.id)
            if point is not None and point[1] is not None:
                own = dataclasses.replace(own, lat=point[1], lon=point[2])
            out.append(PlaceMention(m.start, m.end, m.text, None, m.score, label=m.label,
                                    role=NAME_ROLE, referent=own))
        out.sort(key=lambda m: m.start)
        return out

    def _name_parts(self, text: str, s: int, e: int, taken: bytearray,
                    persons: set[str]) -> list[_M]:
        """The well-known places a name (an NER span from ``s`` to ``e``) is made with: a
        country, a first-level division, a continent or named region, or a city of 100,000
        or more, under its own capitalized name, where it opens the name ("Texas Rangers",
        "the Ohio Department of Health") or follows a small word ("Bank of England",
        "University of Texas at Austin"); not after another capitalized word, which makes
        it part of a person's or a longer name ("George Washington University", "Real
        Madrid"), nor a word of a person named in the text."""
        toks = list(_WORD.finditer(text, s, e))
        out: list[_M] = []
        i = 1 if toks and toks[0].group().lower() == "the" else 0
        while i < len(toks):
            w = toks[i].group()
            prev = toks[i - 1].group() if i else ""
            opens = i == 0 or (i == 1 and prev.lower() == "the") or not prev[:1].isupper() \
                or bool(text[toks[i - 1].end():toks[i].start()].strip(" "))
            if not (w[:1].isupper() and opens) or taken[toks[i].start()]:
                i += 1
                continue
            hit = None
            for k in range(min(4, len(toks) - i), 0, -1):
                run = toks[i:i + k]
                if any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:],
                                                                       strict=False)):
                    continue
                words = [t.group() for t in run]
                if not words[-1][:1].isupper() or any(
                        not x[:1].isupper() and x.lower() not in _CONNECT for x in words):
                    continue
                a, b = run[0].start(), run[-1].end()
                if text[b - 2:b] in ("'s", "’s"):
                    b -= 2
                elif text[b - 1] == "." and not re.search(r"\.\w+\.$", text[a:b]):
                    b -= 1  # a sentence's full stop; "U.S." keeps its dots
                m = self._name_part(text, a, b, persons)
                if m is not None and not any(taken[a:b]):
                    hit = (m, k)
                    break
            if hit is None:
                i += 1
                continue
            out.append(hit[0])
            i += hit[1]
        return out

    def _name_part(self, text: str, s: int, e: int, persons: set[str]) -> _M | None:
        name = text[s:e]
        key = name_key(name)
        words = name.split()
        if not key or len(name) < 2 or (len(words) == 1 and key in _STOP) or \
                any(w.lower() in persons for w in words) or (
                    self._demonyms.get(key) and fold(name) not in self._country_fold):
            return None
        short = name.replace(".", "").isupper()  # "US", "U.S.", "UK": a country's short form
        cands = [c for c in self.candidates(name, allow_loose=False) if not c.loose and (
            c.fcode == "PCLI" or (not short and c.q == 0 and (
                c.fcode == "ADM1" or c.fcode in _index.REGION_CODES or
                (c.fclass == "P" and c.pop >= _NAME_CITY_POP))))]
        if not cands:
            return None
        own = self._country_fold.get(fold(name))
        if own and any(c.fcode == "ADM1" and c.cc == own and c.q == 0 for c in cands) and \
                not any(c.fcode == "PCLI" and c.q == 0 for c in cands):
            cands = [c for c in cands if c.fcode != "PCLI"]  # "Bank of England": the division
        country_cc = own if own and any(c.fcode == "PCLI" for c in cands) else None
        return _M(s, e, name, key, "NAME", cands, feature=_next_word(text, e),
                  prep=_prev_word(text, s), role=NAME_ROLE, country_cc=country_cc)

    def _demonym_mentions(self, text: str, found: list[PlaceMention]) -> list[PlaceMention]:
        """``found`` plus the capitalized demonyms outside them ("the South Korean
        president", "Afghans"), each referring to its country, in text order."""
        taken = bytearray(len(text) + 1)
        for m in found:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        out = list(found)
        words = [w for w in _WORD.finditer(text) if w.group()[0].isupper()]
        i = 0
        while i < len(words):
            for k in (2, 1):  # "South Korean" before "Korean"
                span = words[i:i + k]
                if len(span) < k or text[span[0].end():span[-1].start()].strip():
                    continue
                s, e = span[0].start(), span[-1].end()
                e -= text[e - 1] in ".'’"
                cc = self._demonyms.get(name_key(text[s:e])) if not any(taken[s:e]) else None
                if cc and fold(text[s:e]) not in self._country_fold:
                    country = self.country(cc)
                    if country is not None:
                        out.append(PlaceMention(s, e, text[s:e], None, 0.9, label="NORP",
                                                role="demonym", referent=country))
                        i += k - 1
                        break
            i += 1
        out.sort(key=lambda m: m.start)
        return out

    def focus_of(self, texts: Iterable[str], min_share: float = 0.25) -> dict[str, float]:
        """The countries a collection of texts is about: ISO2 -> the share of the texts that
        name some place with confidence which name a place there, for countries at
        ``min_share`` or more (a feed on one war, not a world digest). Texts that name no
        place say nothing about the feed either way, so they do not count: a feed of short
        reports, half of them naming only villages the gazetteer lacks, is still about its
        country. A quick pass with no NER, for ``geoparse(focus=)``.
        """
        seen: Counter = Counter()
        n = 0
        for text in texts:
            ccs = {self._iso2_of3.get(m.place.iso3 or "") for m in self.geoparse(text)
                   if m.place is not None and m.score >= 0.8 and m.role != "hint"} - {None, ""}
            n += bool(ccs)
            for cc in ccs:
                seen[cc] += 1
        return {cc: round(k / n, 3) for cc, k in seen.most_common() if n and k / n >= min_share}

    def parse_focus(self, spec: str) -> dict[str, float]:
        """ "SY,IQ" or "Syria, Iraq" -> {"SY": 1.0, "IQ": 1.0}; GazetteerError on an unknown
        country."""
        out: dict[str, float] = {}
        for part in (p.strip() for p in spec.split(",")):
            if not part:
                continue
            cc = self._country_cc(part.upper() if len(part) in (2, 3) else part)
            if cc is None:
                raise GazetteerError(f"--focus: {part!r} is not a country name or ISO code")
            out[cc] = 1.0
        return out

    def _the_capital(self, text: str, ms: list[_M], countries: Counter,
                     focus: dict[str, float] | None) -> None:
        """ "the outskirts of the Capital": the capital of the story's country (named in the
        text, else the collection's focus), not a region called "Capital" somewhere else."""
        story = [cc for cc, w in countries.most_common() if w >= 1] or \
            [cc for cc, _w in sorted((focus or {}).items(), key=lambda kv: -kv[1])]
        for m in ms:
            if m.key != "capital" or not re.search(r"\bthe\s+$", text[max(0, m.start - 5):m.start],
                                                   re.I):
                continue
            if m.best is not None and story and m.best.cc == story[0]:
                continue  # the story's own region "Capital" (Denmark's, Iceland's)
            seat = self._capital_of(story[0]) if story else None
            m.best, m.score = (seat, 0.9) if seat is not None else (None, 0.0)

    def _capital_of(self, cc: str) -> _Cand | None:
        name = _index.capitals().get(cc)
        towns = [c for c in self.candidates(name, allow_loose=False)
                 if c.cc == cc and c.fclass == "P"] if name else []
        return max(towns, key=lambda c: c.pop) if towns else None

    def _admin_named(self, span: str) -> bool:
        """Is ``span`` (an organisation to the small model) word for word the name of a
        first- or second-level division, of two or three words ("the Khyber Agency",
        "Kurram Agency")? One word ("Hamas", "Congress") stays the model's."""
        name = re.sub(r"^the\s+", "", span.strip(), flags=re.I)
        return 2 <= len(name.split()) <= 3 and any(
            c.fcode in ("ADM1", "ADM2") and not c.loose
            for c in self.candidates(name, allow_loose=False))

    def _find_mentions(self, text: str, ents: list[tuple[int, int, str]]) -> list[_M]:
        blocked = bytearray(len(text) + 1)  # PERSON/ORG/NORP spans: only cue-backed names
        for s, e, label in ents:
            if label in ("PERSON", "ORG", "NORP") and 0 <= s < e <= len(text):
                if label in ("NORP", "ORG") and not self._demonyms.get(name_key(text[s:e])) and (
                        label == "NORP" or len(text[s:e].split()) <= 2) and any(
                        c.q == 0 and c.fclass == "P" for c in self.candidates(
                            text[s:e], allow_loose=False)):
                    # the small model calls "Mosul" NORP and "Kharkiv" or "Haditha" ORG: a
                    # short span that is exactly a town's name is left to the gazetteer
                    continue
                if label == "ORG" and self._admin_named(text[s:e]):
                    continue  # "the Khyber Agency" tagged ORG: a district's own name
                if label == "PERSON" and " " not in text[s:e].strip() and re.search(
                        r"(?:,|\b(?:in|near|at|of|outside|city|town))\s+$",
                        text[max(0, s - 8):s]) and any(
                        c.q == 0 and c.fclass == "P" and c.pop >= 200_000
                        for c in self.candidates(text[s:e], allow_loose=False)):
                    # "..., Sumy." or "the third-largest city Taiz" tagged PERSON: a big town
                    # after a place cue
                    continue
                if label == "PERSON" and _SETTLEMENT_OF.search(text, max(0, s - 40), s) and any(
                        c.q == 0 and c.fclass in ("P", "A")
                        for c in self.candidates(text[s:e], allow_loose=False)):
                    # "in the town proper of Datu Piang" ("Datu" a title to the small model):
                    # the name a settlement word gives is a place's when the gazetteer has it
                    continue
                blocked[s:e] = b"\x01" * (e - s)
        hint_zone = bytearray(len(text) + 1)
        paren_spans, zones, covered = self._paren_parts(text)
        for a, b in zones:
            hint_zone[a:b] = b"\x01" * (b - a)
        ner: list[tuple[int, int, str]] = []
        for s, e, label in sorted(ents + self._datelines(text, ents)):
            if label in ("GPE", "LOC", "FAC") and 0 <= s < e <= len(text):
                ner += [(a, b, label) for a, b in self._fix_span(text, s, e)]
        gaz = list(paren_spans)
        gz = bytearray(len(text) + 1)
        for a, b in gaz + covered:
            gz[a:b] = b"\x01" * (b - a)
        gaz += [g for g in self._cap_ngrams(text, blocked, hint_zone) if not any(gz[g[0]:g[1]])]
        gaz.sort()
        # a gazetteer name that contains an NER span wins ("Leon de los Aldama" over "Leon");
        # one that only overlaps it loses
        spans: list[tuple[int, int, str]] = []
        taken = bytearray(len(text) + 1)
        for s, e, label in ner:
            wider = [g for g in gaz if g[0] <= s and e <= g[1] and (g[1] - g[0]) > (e - s)]
            if wider:
                s, e = wider[0]
            if e > s and not any(taken[s:e]):
                spans.append((s, e, label))
                taken[s:e] = b"\x01" * (e - s)
        for s, e in gaz:
            if not any(taken[s:e]):
                spans.append((s, e, "GAZ"))
                taken[s:e] = b"\x01" * (e - s)
        spans.sort()
        out = []
        cased = text != text.lower()
        for s, e, label in spans:
            name = text[s:e]
            key = name_key(name)
            if not key or (self._demonyms.get(key) and fold(name) not in self._country_fold):
                continue  # "Chilean", "Ukrainian": who, not where
            if cased and name == name.lower() and key != "capital":
                # "blockade major highways": in cased text a name has a capital ("the
                # capital" is read apart, as the story's capital)
                continue
            if s >= 2 and text[s - 1] == "(" and text[s - 2].isalnum():
                continue  # "CPN(US)", "CPN(UML)": part of a party's name
            if text[s - 1:s] == "(" and _DATELINE_AGENCY.match(text, e) and _DATELINE.fullmatch(
                    text, text.rfind("\n", 0, s) + 1, s):
                continue  # "SPRINGVALE, Ore. (AP) -": the news agency, not a place
            feature = _next_word(text, e)
            prep = _prev_word(text, s)
            in_paren = bool(hint_zone[s])
            cands = self.candidates(name, allow_loose=label != "GAZ" or in_paren or
                                    feature in ADMIN_WORDS or feature in SETTLEMENT_WORDS or
                                    prep in _STRONG_PREPS or text[e:e + 2] == ", ")
            if not cands and in_paren and key in _GENERIC_KEYS:
                # "(Malindi, Coast)", "(Muharraq, Capital)": a region whose name is a word
                cands = [c for c in self._lookup(key, False) if c.fcode in ("ADM1", "ADM2")]
            owners = self._owned(text, s, cands)
            if in_paren or (label == "GAZ" and feature not in SETTLEMENT_WORDS and
                            prep not in _STRONG_PREPS and prep not in _HIT_VERBS and
                            text[e:e + 2] != ", " and not owners):
                # a village list's name is neither an admin hint nor a capitalized word
                # with no place cue ("at X", "shelled X", "X village", "Bengal's X")
                cands = [c for c in cands if c.fcode != _MINOR]
            if key in self._dotted and not (text[e - 1:e + 1].count(".") and
                                            text[max(0, s - 2):s] == ", "):
                cc = self._dotted[key]
                cands = [c for c in cands if not (c.fcode == "ADM1" and c.cc == cc and
                                                  name_key(c.name) != key)]
            if any(c.fcode in _index.REGION_CODES and not c.loose for c in cands):
                # "the Middle East", "Asia": the region, not a town named after it
                cands = [c for c in cands if c.fcode in _index.REGION_CODES]
            level = ADMIN_WORDS.get(feature)
            wanted = ("ADM1",) if level == 1 else ("ADM1", "ADM2") if level == 2 else ()
            if wanted and len(key) >= 4 and not any(c.fcode in wanted for c in cands):
                # "Tallas region": a region spelled like a town ("Talas") beats the town; but
                # "Erbil province" is the town's own region, found through the town
                own = {(c.cc, c.a1) for c in cands}
                cands += [c for c in self._lookup(loose_key(name), True)
                          if c.fcode in wanted and (c.cc, c.a1) not in own]
            role = "place"
            country_cc = None
            own = self._country_fold.get(fold(name))
            if own and any(c.fcode == "ADM1" and c.cc == own and c.q == 0 and not c.loose
                           for c in cands) and not any(c.fcode == "PCLI" and c.q == 0
                                                       for c in cands):
                # "Scotland", "Wales": a country's first-level division under its own name,
                # which the country table also lists as another name of the country
                cands = [c for c in cands if c.fcode != "PCLI"]
            if fold(name) in self._country_fold and any(c.fcode == "PCLI" for c in cands):
                role = "country"
                country_cc = self._country_fold[fold(name)]
            elif in_paren:
                role = "hint"
            m = _M(s, e, name, key, "HINT" if in_paren and label == "GAZ" else label, cands,
                   feature=feature, prep=prep, role=role, country_cc=country_cc,
                   owners=owners)
            if feature in ADMIN_WORDS:
                m.level_hint = ADMIN_WORDS[feature]
            out.append(m)
        self._chain(text, out)
        for a, b in zip(out, out[1:], strict=False):
            if b.owners and a.role == "place" and a.group < 0 and b.group < 0 and \
                    re.fullmatch(r"['’]s\s+", text[a.end:b.start]):
                # "West Bengal's Nandigram": the owner is the hint, its part the place
                a.role = "hint"
                a.group = b.group = max((m.group for m in out), default=-1) + 1
        for a, b in zip(out, out[1:], strict=False):  # "Ontario and Quebec", "A, B, C"
            if re.fullmatch(r",? (?:and|or|&) |, ", text[a.end:b.start]):
                a.peers.append(b)
                b.peers.append(a)
        return out

    def _datelines(self, text: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """All-capital datelines the gazetteer knows, as NER would tag a place (it reads
        "EDMONTON" as an organisation, and capitals are no names to the n-gram scan)."""
        out = []
        for mt in _DATELINE_PLACE.finditer(text):
            s, e = mt.span(1)
            e -= text[e - 1] == "."
            name = text[s:e]
            if name.lower() in _STOP or any(a < e and s < b and lab in ("GPE", "LOC", "FAC")
                                            for a, b, lab in ents):
                continue
            if any(c.q == 0 and not c.loose for c in self.candidates(name, allow_loose=False)):
                out.append((s, e, "GPE"))
        return out

    def _paren_parts(self, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]],
                                               list[tuple[int, int]]]:
        """"(Oyam, Northern)", "(Salem district, Tamil Nadu)", "(coded to X)": each part.

        Returns the parts' spans, the parentheses that held place names, and the text the
        parts cover.
        """
        out = []
        zones = []
        covered: list[tuple[int, int]] = []
        for m in _PAREN.finditer(text):
            body = m.group(1)
            pos = m.start(1)
            lead = re.match(r"\s*(?:(?:event\s+)?coded\s+(?:to|as)\s+(?:the\s+)?)", body, re.I)
            parts = []
            off = 0
            for part in body.split(","):
                parts.append((pos + off, part))
                off += len(part) + 1
            ok = []
            for i, (start, part) in enumerate(parts):
                if i == 0 and lead:
                    start += lead.end()
                    part = part[lead.end():]
                stripped = part.strip()
                if not stripped or not stripped[0].isupper() or len(stripped.split()) > 6 or \
                        any(ch.isdigit() for ch in stripped) or (
                            stripped.isupper() and name_key(stripped) not in self._abbr) or \
                        ";" in stripped:
                    ok = []
                    break
                st = start + part.index(stripped)
                spans = self._fix_span(text, st, st + len(stripped))
                ok += spans
                if spans:  # "Seoul City - Yongsan": the rest of the part is no new name
                    covered.append((st, st + len(stripped)))
            if ok:
                zones.append((m.start(1), m.end(1)))
            out += ok
        return out, zones, covered

    def _fix_span(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        """Trim "the"/"city", split "Lymany, Mykolaiv" and "Seoul City - Jongno"."""
        s, e = _trim(text, s, e)
        if e <= s:
            return []
        # "Maceio (Alagoas", "City Hall in Malmo", "Iraq's Tal Afar"
        for sep in (";", " (", "(", " in ", "'s ", "’s "):
            cut = text.find(sep, s, e)
            if cut > s:
                rest = cut + len(sep)
                return self._fix_span(text, s, cut) + self._fix_span(text, rest, e)
        if ", " in text[s:e]:
            out = []
            pos = s
            for part in text[s:e].split(", "):
                out += self._fix_span(text, pos, pos + len(part))
                pos += len(part) + 2
            return out
        words = list(_WORD.finditer(text, s, e))
        if len(words) > 1 and words[0].group().lower() in _DIRECTIONAL | {"downtown", "old"} \
                and not self.candidates(text[words[0].start():words[-1].end()]) \
                and self.candidates(text[words[1].start():words[-1].end()], allow_loose=False):
            words.pop(0)  # "west Mosul" (not "West Bank"): the direction is a relation
        if len(words) > 1 and (words[0].group().lower() in _HIT_VERBS or
                               words[0].group().lower() in _STRIKE_NOUNS) and \
                not self.candidates(text[words[0].start():words[-1].end()]):
            words.pop(0)  # "Bombing Tikrit", "Airstrikes on Mosul": the act, then the place
            if len(words) > 1 and words[0].group().lower() in ("on", "in", "at", "of"):
                words.pop(0)
        if len(words) > 2 and words[0].group().lower() in _cues()["relation_heads"] and \
                words[1].group().lower() == "of" and \
                not self.candidates(text[words[0].start():words[-1].end()]):
            del words[:2]  # "Outskirts of Tikrit", "Massacre of Baiji": the relation, the place
        if not words:
            return []
        if not self.candidates(text[words[0].start():words[-1].end()], allow_loose=False):
            trimmed = list(words)
            while len(trimmed) > 1 and (_feature(trimmed[-1].group()) in SETTLEMENT_WORDS or
                                        _feature(trimmed[-1].group()) in ADMIN_WORDS):
                trimmed.pop()  # "Kupang city": the feature word is a cue, not the name
            head = trimmed[-1].group() if len(trimmed) == 1 else ""
            if head.lower() not in _STOP and not self._demonyms.get(head.lower()) and not (
                    head.isupper() and len(head) > 1):
                words = trimmed  # but "Spanish Town" stays whole
        s, e = words[0].start(), words[-1].end()
        if " - " in text[s:e] and not self.candidates(text[s:e]):
            head = text[s:text.index(" - ", s)]
            return self._fix_span(text, s, s + len(head)) if head.strip() else []
        return [(s, e)]

    def _cap_ngrams(self, text: str, blocked: bytearray,
                    hint_zone: bytearray) -> list[tuple[int, int]]:
        """Capitalized n-grams the gazetteer knows, kept only with a cue or a big place.

        Names the gazetteer lacks are kept too when a feature word follows ("Minakulu
        sub-county", "Tawileh town"): they are places, and their chain gives an anchor.
        """
        toks = self._tokens(text)
        found: list[tuple[int, int]] = []
        i = 0
        n = len(toks)
        while i < n:
            s, e, w = toks[i]
            if not (w[0].isupper() or "-" in w) or not _cap(w):
                i += 1  # most words: nothing below applies to them
                continue
            lw = w.lower()
            head = lw in _NAME_HEADS and i + 1 < n and _cap(toks[i + 1][2]) and \
                (toks[i + 1][2].lower() not in _STOP or toks[i + 1][2].lower() in _DIRECTIONAL) \
                and text[e:toks[i + 1][0]] == " "
            if (lw in _STOP and not head and not (
                    hint_zone[s] and lw in _DIRECTIONAL)) or (
                    (lw in _HIT_VERBS or lw in _STRIKE_NOUNS) and re.match(
                        r" (?:on |in |at |of )?[A-Z]", text[e:e + 5])):
                i += 1  # "Airstrikes on Mosul province", "Bombing Tikrit" (a town "Shell (")
                continue
            if lw.rstrip(".") in _MONTH_ABBR and re.match(r"\.?\s*\d", text[e:e + 4]):
                i += 1  # "on Nov. 20": a date, not Nov in Tajikistan
                continue
            if lw in _cues()["relation_heads"] and i + 1 < n and toks[i + 1][2] == "of":
                i += 2  # "Outskirts of Tikrit city", "Massacre of Baiji": a relation first
                continue
            best = None
            j = i
            run = []
            while j < n and len(run) < 6:
                tj = toks[j]
                gap = text[run[-1][1]:tj[0]] if run else ""
                if run and (gap.strip(" -") or " - " in gap or "–" in gap):
                    break  # punctuation, or "Santiago - Quinta Normal", ends the run
                low = tj[2].lower()
                if not ((_cap(tj[2]) and (low not in _STOP or low in _DIRECTIONAL or
                                          (head and not run))) or (low in _CONNECT and run)):
                    break
                run.append(tj)
                j += 1
                if tj[2].endswith(".") and len(tj[2]) > 3:
                    break  # "Mykolaiv." ends the sentence (but "St." does not)
            while run and run[-1][2].lower() in _CONNECT and len(run) > 1:
                run.pop()  # "Mosul on Friday": the run ends at the name
            for k in range(len(run), 0, -1):
                if run[k - 1][2].lower() in _CONNECT or (k == 1 and lw in _STOP):
                    continue  # "New" alone is no name, "New South Wales" is
                s0, e0 = run[0][0], run[k - 1][1]
                e0 = e0 - 1 if text[e0 - 1] in ".-'’" else e0
                name = text[s0:e0]
                if len(name) < 3:
                    continue
                if k == 1 and name.endswith(("'s", "’s")) and (
                        k < len(run) or _PLACE_PART.match(text, e0)) and \
                        not re.search(r"[A-Z][\w'’.-]* $", text[max(0, s0 - 30):s0]):
                    # "Karachi's Lyari area", "Kabul's Shar-e-Naw district", "Nakuru's town
                    # centre": a well-known place owns the next name or part (a person's
                    # "Jackson's" is no city of note)
                    big = [c for c in self.candidates(name[:-2], allow_loose=False)
                           if c.q == 0 and (c.fcode in ("PCLI", "ADM1") or (
                               c.fclass == "P" and c.pop >= _NAME_CITY_POP))]
                    if big and (not any(blocked[s0:e0 - 2]) or
                                _prev_word(text, s0) in _LOC_PREPS):
                        best = (s0, e0 - 2, 1)
                        break
                nxt = _next_word(text, e0)
                featured = nxt in SETTLEMENT_WORDS or nxt in ADMIN_WORDS
                nxt_tok = run[k][2].lower() if k < len(run) else ""
                if nxt_tok and nxt_tok not in SETTLEMENT_WORDS and nxt_tok not in ADMIN_WORDS \
                        and nxt_tok not in _DIRECTIONAL and nxt_tok not in _CONNECT:
                    continue  # "Galle Face", "Mitchell High School": a longer name
                cands = self.candidates(name, allow_loose=False)
                if not cands and k == len(run) and (featured or _prev_word(text, s0) in
                                                    _STRONG_PREPS or text[e0:e0 + 2] == ", "):
                    cands = self.candidates(name, allow_loose=True)
                if name.endswith(("'s", "’s")) and _next_word(text, e0) in _INSTITUTION:
                    break  # "Queen's University", "St John's College": a name, not a place
                if not cands:
                    before_paren = text[e0:e0 + 2] == " (" and hint_zone[min(e0 + 2, len(text))]
                    if k == len(run) and (featured or before_paren) and not (
                            lw in _STOP and not hint_zone[s]) and not (
                            k == 1 and run[0][2].lower() in _STOP) and not re.search(
                                r"['’]s\s", name):  # "Iraq's Tal Afar area": two names
                        best = (s0, e0, k)  # "Minakulu sub-county": a place, known or not
                        break
                    continue
                if self._cue_ok(text, s0, e0, k, cands, blocked, hint_zone):
                    best = (s0, e0, k)
                break
            if best:
                found.append(best[:2])
                i += best[2]
            else:
                i += 1
        return found

    def _cue_ok(self, text: str, s: int, e: int, ntok: int, cands: list[_Cand],
                blocked: bytearray, hint_zone: bytearray) -> bool:
        if hint_zone[s]:
            return True
        nxt = _next_word(text, e)
        prev = _prev_word(text, s)
        paren = re.match(r" \(([^()]*)\)", text[e:e + 80])
        if nxt in SETTLEMENT_WORDS or nxt in ADMIN_WORDS or (
                paren and any(ch.islower() for ch in paren.group(1))):
            return True
        if nxt in _PEOPLE_AFTER and _LOWER_NEXT.match(text, e) and \
                any(c.fclass in ("P", "A") for c in cands):
            # "Kibera residents", "Likoni traders": the people of a place (not "the Hill
            # Farmers union": a capitalized people word is part of a name)
            return True
        top = max(_known_pop(c) for c in cands)
        is_country = any(c.fcode == "PCLI" or c.fcode in _index.REGION_CODES for c in cands)
        before = text[max(0, s - 3):s]
        relation = relation_before(text, s)
        cue = ((prev in _LOC_PREPS and (prev != "of" or _of_is_locative(text, s)))
               or nxt in _EVENT_AFTER  # "Baiji massacre", "Tikrit battles"
               or prev in _HIT_VERBS
               or relation is not None
               or (re.match(r",\s+[A-Z]", text[e:e + 3]) and prev not in ("and", "or"))
               or (before.endswith(", ") and _comma_cue(text, s)))
        if cue:
            # "10 km west of Didieni": a distance and a bearing from it make any name a
            # place; so does the kind of place before it ("the town of Pinlebu")
            return top >= 1000 or ntok > 1 or is_country or prev in _STRONG_PREPS or \
                before.endswith(", ") or self._region_after(text, e, cands) or \
                (relation is not None and relation.kind == "offset") or \
                _kind_of_place_before(text, s)
        if any(blocked[s:e]):
            return False
        if self._owned(text, s, cands):
            return True  # "West Bengal's Nandigram", "Syria's Idlib": a part of its owner
        head = text[max(0, s - 40):s]
        sentence_start = s == 0 or "\n" in head[len(head.rstrip()):] or \
            head.rstrip()[-1:] in ".!?\"“:"
        if sentence_start and ntok == 1:
            return False
        if ntok >= 2 and any(not c.loose and (c.q == 0 or c.fcode in ("ADM1", "ADM2"))
                             for c in cands):
            # a multi-word official name is rarely an accident, nor a division's other
            # name ("the Khyber Agency")
            return True
        return is_country or top >= 20_000

    def _owned(self, text: str, s: int, cands: list[_Cand]) -> frozenset[str]:
        """The countries in which a country or a first-level region named right before the
        name at ``s`` ("West Bengal's Nandigram") holds one of its candidates."""
        m = _OWNER_BEFORE.search(text, max(0, s - 40), s)
        if m is None:
            return frozenset()
        owners = [c for c in self.candidates(m.group(1), allow_loose=False)
                  if c.q == 0 and c.fcode in ("PCLI", "ADM1")]
        return frozenset(c.cc for o in owners for c in cands
                         if o.cc == c.cc and (o.fcode == "PCLI" or o.a1 == c.a1))

    def _region_after(self, text: str, e: int, cands: list[_Cand]) -> bool:
        """"Zelenivka, Kherson", "Qasimabad in Hyderabad": a village followed by the name
        of its own region."""
        m = re.match(r"(?:,|\s+in)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})", text[e:e + 60])
        if not m:
            return False
        words = m.group(1).split()
        keys = {admin_key(" ".join(words[:k])) for k in range(1, len(words) + 1)}
        loose = {admin_loose(k) for k in keys}
        if any(not loose.isdisjoint(self._a1_loose.get((c.cc, c.a1 or ""), ())) or (
                c.admin2 and admin_key(c.admin2) in keys) for c in cands):
            return True
        # (or, after "in", a town next to it: a quarter of the town, "Qasimabad in
        # Hyderabad")
        return m.group(0).lstrip().startswith("in") and any(
            _near(c, t, 30.0) for t in self.candidates(m.group(1), allow_loose=False)
            if t.fclass == "P" for c in cands)

    def _chain(self, text: str, ms: list[_M]) -> None:
        """Group "X village, Y sub-county (Z, W)": later names are admin hints for the first."""
        group = -1
        prev = None
        listed = _listed(text, ms)
        for m in ms:
            if prev is not None and id(prev) in listed:
                prev = m  # "Mosul, Baghdad, Beirut and Homs": a list, not a chain
                continue
            if prev is not None:
                gap = text[prev.end:m.start]
                short = len(gap) <= 50 and "." not in gap and ";" not in gap
                # a gap's words matter only where it is short enough to join two names
                # (mentions far apart have whole paragraphs between them)
                gap_words = [_feature(w) for w in _WORD.findall(gap)] if short else []
                unknown = [w for w in gap_words if not (
                    w in SETTLEMENT_WORDS or w in ADMIN_WORDS or w in _GAP_OK)]
                joined = short and (
                    not unknown or re.fullmatch(r"\s*[a-z-]+(?:\s+[a-z-]+)?\s*\(\s*", gap))
                if joined and re.search(r"\b(?:in|at)\s+$", gap) and m.feature not in \
                        ADMIN_WORDS and ((prev.label == "FAC" and prev.text.split()[-1].lower()
                                          not in SETTLEMENT_WORDS) or
                                         _SITE_IN.match(text, prev.end, m.start)):
                    joined = False  # "the State Capitol in Dayton": the town is the place
                if joined and prev.prep in ("from", "between") and re.fullmatch(
                        r"\s+(?:to|and)\s+", gap) and m.feature not in ADMIN_WORDS:
                    joined = False  # "between Tikrit to Baiji (...)": two route ends
                if joined and "to" in gap_words and "coded" not in gap_words:
                    joined = False  # "marched through central Lima to Congress": a way
                if joined and prev.country_cc and ("(" in gap or not m.country_cc) and not (
                        gap.strip() == "," and any(c.fcode != "PCLI" and _inside(c, h)
                                                   for c in prev.cands for h in m.cands)):
                    # "Ethiopia forces (non-AMISOM) in X", "the embassy of Russia in Warsaw":
                    # nothing lies inside a country but its own parts, told the other way;
                    # but "Canada, Ky." is a town of Kentucky named like a country
                    joined = False
                if joined:
                    if prev.group < 0:
                        group += 1
                        prev.group = group
                    m.group = prev.group
                    coded = "coded" in gap_words and ("to" in gap_words or "as" in gap_words)
                    m.role = "coded" if coded else "hint"
                    if m.country_cc and not coded:
                        m.role = "country"
                    elif prev.role == "place" and prev.feature in _QUARTER and m.feature in (
                            "city", "town", "municipality") and re.fullmatch(
                            r"\s*[\w-]+\s+(?:of|in)\s+(?:the\s+)?", gap):
                        # "Civil Lines locality of Rampur town": a quarter is coded to its town
                        prev.role, m.role = "hint", "place"
                        m.prep = prev.prep
            prev = m

    def _context_countries(self, text: str, ms: list[_M],
                           ents: list[tuple[int, int, str]]) -> Counter:
        countries: Counter = Counter()
        for m in ms:
            if m.country_cc:
                # "against the war in Ukraine", "the embassy of Russia": what the story is
                # about, not where it happens
                countries[m.country_cc] += 0.2 if _topic_country(text, m.start, m.end) else 1
        for cc in self._demonym_words(text):
            countries[cc] += 0.1  # "Russian forces" says who, not where
        return countries

    def _tokens(self, text: str) -> list[tuple[int, int, str]]:
        """``_WORD``'s matches in ``text`` as (start, end, word). One geoparse reads them up
        to four times (capitalized n-grams, context countries twice, the fallback country),
        so the last text's are kept (the text itself is kept with them, so an ``is`` test
        can never mistake another text for it)."""
        last = self._last_tokens
        if last is not None and last[0] is text:
            return last[1]
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        self._last_tokens = (text, toks, None)
        return toks

    def _demonym_hits(self, text: str) -> list[tuple[str, int]]:
        """(country code, offset) of each capitalized word of ``text`` that is a demonym
        ("Russian"), in text order (kept with the last text's tokens)."""
        toks = self._tokens(text)
        last = self._last_tokens
        if last is not None and last[0] is text and last[2] is not None:
            return last[2]
        hits = [(cc, s) for s, _e, w in toks if w[0].isupper()
                for cc in (self._demonyms.get(name_key(w)),) if cc]
        self._last_tokens = (text, toks, hits)
        return hits

    def _demonym_words(self, text: str, opposed: bool = True) -> list[str]:
        """The country code of each demonym of ``text``, in text order. ``opposed=False``
        leaves out a people or a state the text stands against ("protested against Indian
        atrocities", "burnt the Indian flag"): what a crowd opposes is not where it is."""
        return [cc for cc, s in self._demonym_hits(text) if opposed or not stood_against(text, s)]

    def focus_votes(self, text: str, mentions: Sequence[PlaceMention],
                    among: Iterable[str]) -> Counter:
        """Which of the countries ``among`` (ISO2) a text that places nothing leans to: its
        demonyms ("Pakistani lawyers": 1 each) and the names it gives that the gazetteer
        could not place, where one of those countries holds a place so spelled or nearly so
        (0.5 a name and country: "Lyari" is a Liari of Pakistan's)."""
        wanted = set(among)
        votes: Counter = Counter()
        # a country the text stands against ("a rally against India", "burnt the Indian
        # flag") is the one the crowd is not in: the feed's other countries lean ahead
        opposed: set[str] = set()
        for cc, s in self._demonym_hits(text):
            if cc in wanted:
                if stood_against(text, s):
                    opposed.add(cc)
                else:
                    votes[cc] += 1.0
        opposed |= {cc for m in mentions if m.role in ("country", "against")
                    for where in (m.place or m.referent,) if where is not None and (
                        m.role == "against" or stood_against(text, m.start))
                    for cc in (self._iso2_of3.get(where.iso3 or ""),) if cc in wanted}
        if opposed and wanted - opposed:
            for cc in wanted:
                votes[cc] += -1.0 if cc in opposed else 0.0
        for m in mentions:
            if m.place is not None or m.role not in ("place", "hint"):
                continue
            for cc in {c.cc for c in self.candidates(m.name) if c.cc in wanted}:
                votes[cc] += 0.5
        return votes

    def _rank(self, ms: list[_M], countries: Counter, context: set[str],
              coherence: Counter | None, focus: dict[str, float] | None = None) -> None:
        total_votes = sum(coherence.values()) if coherence else 0
        named_country = any(v >= 1 for v in countries.values())
        group_keys: dict[int, set[str]] = defaultdict(set)
        for m in ms:
            if m.group >= 0:
                group_keys[m.group].add(admin_key(m.text))
        support = self._support(ms)
        # the other mentions' towns (a second pass): a namesake near one is the article's
        anchors = [(m.key, m.best) for m in ms if m.best is not None and not m.best.loose and
                   m.country_cc is None and (m.best.fclass == "P" or
                                             m.best.fcode in ("ADM2", "ADM3"))]
        # first-level divisions named under their own names: those no town of theirs shares
        # the name of ("Ohio", "Ontario"; not "Homs" or "Idlib", whose town and governorate
        # a bare name does not tell apart)
        def region_named(m: _M) -> _Cand | None:
            b = m.best
            return b if b is not None and b.fcode == "ADM1" and b.q == 0 and not b.loose and \
                not any(c.fclass == "P" and c.cc == b.cc and c.a1 == b.a1 for c in m.cands) \
                else None

        named = defaultdict(set)  # country -> the keys of its regions the text names
        for m in ms:
            r = region_named(m)
            if r is not None:
                named[r.cc].add(m.key)

        def sibling(m: _M, c: _Cand) -> bool:
            """Is ``c`` a region under its own name in a text naming other regions of its
            country: listed beside one ("Ontario and Quebec"), or anywhere when no town of
            the name comes within a tenth of it ("Ohio", not "Washington" beside the
            capital)? Not one its namesake town fills a third of ("Oslo")."""
            if c.fcode != "ADM1" or c.q != 0 or c.loose or any(
                    t.fclass == "P" and t.cc == c.cc and t.a1 == c.a1 and 3 * t.pop >= c.pop
                    for t in m.cands):
                return False
            if any(p.key != m.key and (r := region_named(p)) is not None and r.cc == c.cc
                   for p in m.peers):
                return True
            return bool(named.get(c.cc, set()) - {m.key}) and not any(
                t.fclass == "P" and t.q == 0 and 10 * t.pop >= c.pop for t in m.cands)
        for m in ms:
            if not m.cands:
                m.best, m.score = None, 0.0
                continue
            own = admin_key(m.text)
            ctx = context - {own}
            gctx = group_keys.get(m.group, set()) - {own}
            ctx_loose = {admin_loose(k) for k in ctx}
            gctx_loose = {admin_loose(k) for k in gctx}
            scored = []
            def tie(c: _Cand, need: int, m: _M = m, ctx: set[str] = ctx,
                    gctx: set[str] = gctx, ctx_loose: set[str] = ctx_loose,
                    gctx_loose: set[str] = gctx_loose) -> int:
                tied = self._tie(m, c, support, ctx, gctx, ctx_loose, gctx_loose, anchors,
                                 need == 1 and sibling(m, c), need)
                if tied < need == 2 and m.level_hint > 0 and countries[c.cc] >= 1 and \
                        c.fcode != "ADM1" and self._region_named(c, ctx_loose):
                    # a district by its word, its region named in the text, in the country
                    # the text names: "the Al-Qahirah district" in a story from Taiz, Yemen,
                    # is Taiz's district, not Cairo's province
                    return 2
                return tied

            for c in m.cands:
                # (a longer name found by a bare one, "Ohio County" for "Ohio", takes no
                # hint named elsewhere in the text)
                bare = not (c.q and _feature_named(c, m.key, m.feature))
                s = (0.5 if c.loose else 1.0 if c.q == 0 else 0.85)
                fc = c.fcode
                s += 0.15 * math.log10(max(1000, _known_pop(c)))
                if fc == _MINOR:
                    s -= 0.3  # a village list's name: below any known place of that name
                if focus:
                    s += _FOCUS_PULL * min(1.0, focus.get(c.cc, 0.0))
                if fc == "PCLI":
                    s += 1.0 if m.country_cc else 0.3
                elif fc == "ADM1":
                    s += 0.35
                elif fc == "ADM2":
                    s += 0.15
                elif fc and fc.startswith("PPLC"):
                    s += 0.3
                elif fc in ("PPLA", "PPLA2"):
                    s += 0.15
                elif c.fclass in ("S", "L", "T", "H", "V", "U", "R"):
                    s -= 0.15
                if countries:
                    own = 1 if m.country_cc == c.cc else 0  # a name is no context for itself
                    if countries[c.cc] - own > 0:
                        s += 1.5 * min(1.0, countries[c.cc] - own)
                    elif named_country:
                        s -= 0.3
                if coherence and total_votes:
                    mine = 1 if m.best is not None and m.best.cc == c.cc else 0
                    others = total_votes - (1 if m.best is not None else 0)
                    if others > 0:
                        s += 0.8 * (coherence[c.cc] - mine) / others
                # admin hints named anywhere in the text; stronger in the same chain
                # (spelling-tolerant keys: an exact match is a loose one too)
                a1loose = self._a1_loose.get((c.cc, c.a1 or ""))
                if fc not in ("ADM1", "PCLI") and a1loose:
                    if not a1loose.isdisjoint(gctx_loose):
                        s += 2.0
                    elif not a1loose.isdisjoint(ctx_loose) and bare:
                        s += 1.2  # (not "Washington County" for a bare "Washington")
                if c.admin2 and fc not in ("ADM1", "ADM2", "PCLI"):
                    k2 = admin_key(c.admin2)
                    if k2 in gctx:
                        s += 1.5
                    elif k2 in ctx and bare:
                        s += 0.8
                if (id(m), c.id) in support:
                    s += 1.2  # fits inside (or around) a candidate of its chain
                # the word after the name says settlement or admin area
                # a district table entry counts as a region only where the text says
                # "district"/"township"/...; otherwise it is a weak namesake of a town
                region = fc in ("ADM1", "ADM2", "PCLI") or (fc == "ADM3" and m.level_hint >= 2)
                if fc == "ADM3" and not region:
                    s -= 0.3
                hintish = m.role == "hint" or (m.group >= 0 and m.country_cc is not None)
                if m.feature in SETTLEMENT_WORDS and region and m.level_hint <= 0:
                    s -= 1.0  # "Amara city": a town, even as a hint
                elif m.level_hint > 0 or hintish or m.feature == "countryside":
                    if region:
                        s += 0.8
                        if m.level_hint == 1 and fc == "ADM1" or m.level_hint == 2 and \
                                fc in ("ADM2", "ADM3") or m.level_hint == 3 and fc == "ADM3":
                            s += 0.4
                elif sibling(m, c):
                    s += 0.8  # "Ohio, Kentucky and Indiana": a region among its own kind
                elif region and fc != "PCLI":
                    s -= 0.7  # a bare name is a town more often than a province
                scored.append((s, c))
            scored.sort(key=lambda t: -t[0])
            scored = _prominent(scored, tie)
            m.best = scored[0][1]
            mine = 1 if coherence and m.best.cc in coherence else 0
            supported = m.best.cc in countries or m.best.cc in m.owners or bool(coherence and
                                                       coherence[m.best.cc] - mine > 0)
            # (a feed the user declares about a country backs that country's towns, known by
            # their own names: a Kenyan town in a Kenya feed whose report names only Somalia)
            declared = bool(focus and focus.get(m.best.cc, 0.0) >= 0.5)
            others = named_country or bool(coherence and sum(coherence.values()) - mine > 0)
            if m.label == "GAZ" and m.role == "place" and m.prep not in _STRONG_PREPS and \
                    not (supported or declared) and others and m.feature not in \
                    SETTLEMENT_WORDS and m.feature not in ADMIN_WORDS and (
                        m.best.pop < 100_000 or m.best.fcode in ("ADM1", "ADM2")) and \
                    m.best.fcode not in _index.REGION_CODES:
                m.best, m.score = None, 0.0  # an unflagged capitalized word off the map
                continue
            if m.role == "place" and m.feature in _SITE_WORDS and not declared and \
                    countries and countries[m.best.cc] < max(countries.values()) and \
                    m.best.fcode not in _index.REGION_CODES:
                # "at Al-Thawra hospital", "in the city's Al-Shuhada cemetery": a site's
                # name, in a country the story is not mostly about (a site is local)
                m.best, m.score = None, 0.0
                continue
            # a town of unknown size (GeoNames' 0) is taken for a village only when the story
            # places something else abroad with confidence
            firm = any(o is not m and o.best is not None and o.best.cc != m.best.cc and
                       o.score >= 0.8 for o in ms)
            pop = m.best.pop if firm else _known_pop(m.best)
            if m.role == "place" and not (supported or declared) and others and pop < 20_000 \
                    and m.best.fcode not in ("ADM1", "ADM2", "PCLI", *_index.REGION_CODES) \
                    and coherence:
                m.best, m.score = None, 0.0  # a village namesake abroad, off the story's map
                continue
            if m.role == "place" and not supported and m.best.q != 0 and pop < 200_000 and \
                    m.best.fcode not in ("ADM1", "ADM2", "PCLI", *_index.REGION_CODES) and \
                    _story_elsewhere(m.best, ms, countries, coherence) and \
                    not _spelling_of(m.text, m.best.name):
                # a town abroad known by this name only as another of its names, far from
                # every other place of the story ("Boni" for Watampone, in Indonesia, in a
                # story whose places are all in Mali): likelier a place of the story's own
                # country that the gazetteer lacks (a neighbour's town stays: "Sayda" beside
                # Syria's places may be Sidon)
                m.best, m.score = None, 0.0
                continue
            if m.role == "place" and not supported and focus and m.best.cc not in focus \
                    and sum(focus.values()) >= 0.5 and (pop < 100_000 or (
                        m.best.q != 0 and pop < 1_000_000)) \
                    and m.best.fcode not in ("ADM1", "ADM2", "PCLI", *_index.REGION_CODES):
                # a collection about a country: a village abroad that nothing in the text
                # backs is likelier one of its own villages the gazetteer lacks; so is a
                # town abroad for a valley or mountain ("Tirah valley" is no Tira)
                m.best, m.score = None, 0.0
                continue
            if m.best.fcode == _MINOR and not supported and (id(m), m.best.id) not in support \
                    and not (focus and m.best.cc in focus):
                # a village abroad no country, hint or collection focus backs
                m.best, m.score = None, 0.0
                continue
            if m.best.loose and not supported and (countries or coherence or m.best.pop < 5000
                                                   or m.label not in ("GPE", "LOC")):
                m.best, m.score = None, 0.0  # a spelling guess far from the story's countries
                continue
            if m.feature in _NATURAL and m.best.fclass == "P":
                # "the Dnipro river": the river, not the town; mountains named after a
                # region lie in that region, where there is one
                region = [c for c in m.cands if c.fcode in ("ADM1", "ADM2") and
                          c.cc == m.best.cc]
                if not region:
                    m.best, m.score = None, 0.0
                    continue
                m.best = region[0]
            # ambiguity is a rival far away, not the same city's province or namesake nearby
            rivals = [sc for sc, c in scored[1:] if not _near(c, m.best, 50.0)]
            margin = scored[0][0] - rivals[0] if rivals else 2.0
            m.score = round(1 / (1 + math.exp(-(margin * 1.5 + scored[0][0] - 2.0))), 3)
            if m.best.loose:
                m.score = min(m.score, 0.6 if supported else 0.3)

    def _region_named(self, c: _Cand, ctx_loose: set[str]) -> bool:
        """Is the first-level region of ``c`` among the names the text gives elsewhere?"""
        a1loose = self._a1_loose.get((c.cc, c.a1 or ""))
        return bool(a1loose and not a1loose.isdisjoint(ctx_loose))

    def _tie(self, m: _M, c: _Cand, support: set[tuple[int, int]], ctx: set[str],
             gctx: set[str], ctx_loose: set[str], gctx_loose: set[str],
             anchors: list[tuple[str, _Cand]], sibling: bool = False, need: int = 1) -> int:
        """How the article's own words tie candidate ``c`` of ``m``: 2 for its chain ("Canada,
        Ky.", "Paris (Texas)": the candidate lies in a later name of the chain, or its region
        or district is that name), 1 for a looser tie (its region or district named elsewhere,
        a feature word of its kind, within 100 km of another place the text names, a region
        named among other regions of its country: ``sibling``), else 0; with ``need`` 2, only
        whether a chain ties it. Country votes are no tie: they choose among comparable
        namesakes (``_prominent``)."""
        fc = c.fcode
        if (id(m), c.id) in support:
            return 2
        a1loose = self._a1_loose.get((c.cc, c.a1 or "")) if fc not in ("ADM1", "PCLI") else None
        k2 = admin_key(c.admin2) if c.admin2 and fc not in ("ADM1", "ADM2", "PCLI") else None
        if (a1loose and not a1loose.isdisjoint(gctx_loose)) or (k2 and k2 in gctx):
            return 2
        if need > 1 or _feature_named(c, m.key, m.feature):
            # "Ohio County", "Nevada City" for a bare "Ohio", "Nevada": only a chain ties a
            # longer name to a name as written (and a chain is all the caller asks about)
            return 0
        if (a1loose and self._region_named(c, ctx_loose)) or (k2 and k2 in ctx):
            return 1
        if sibling:
            return 1
        region = fc in ("ADM1", "ADM2", "ADM3", "PCLI")
        if (m.level_hint > 0 and region) or (m.feature in SETTLEMENT_WORDS and not region and
                                              m.level_hint <= 0):
            return 1
        if c.lat is not None and any(key != m.key and _near(c, a, 100.0)
                                     for key, a in anchors):
            return 1
        return 0

    def _support(self, ms: list[_M]) -> set[tuple[int, int]]:
        """(mention, candidate) pairs consistent with some candidate of a later chain link."""
        by_group: dict[int, list[_M]] = defaultdict(list)
        for m in ms:
            if m.group >= 0:
                by_group[m.group].append(m)
        out: set[tuple[int, int]] = set()
        for members in by_group.values():
            for i, m in enumerate(members):
                for h in members[i + 1:]:
                    for c in m.cands:
                        for hc in h.cands:
                            if _inside(c, hc, self._a1_links):
                                out.add((id(m), c.id))
                                out.add((id(h), hc.id))
        return out

    def _in_named_region(self, ms: list[_M]) -> None:
        """A small place whose chain names a unit the gazetteer lacks ("Nyaung Pin Thar
        village in Depayin township") is in a region the text names, when it names regions
        of that country: its namesake in another region loses to one in a named region, or
        to none (the event then sits at what the text does place)."""
        named: dict[str, set[str]] = defaultdict(set)
        for m in ms:
            if m.best is not None and m.best.fcode == "ADM1" and m.score > 0.5 and \
                    not m.country_cc and m.best.a1:
                named[m.best.cc].add(m.best.a1)
        if not named:
            return
        for m in ms:
            if m.best is None or m.role != "place" or m.group < 0 or m.country_cc or \
                    not m.best.fcode.startswith("PPL") or m.best.cc not in named or \
                    m.best.a1 in named[m.best.cc]:
                continue
            chain = [h for h in ms if h.group == m.group and h is not m and h.start > m.start]
            if not chain or any(h.best is not None for h in chain):
                continue  # a chain the gazetteer reads was checked by ``_check_chains``
            inside = [c for c in m.cands if c.cc == m.best.cc and c.a1 in named[c.cc] and
                      c.fcode.startswith("PPL")]
            m.best = max(inside, key=lambda c: c.pop) if inside else None
            if m.best is None:
                m.score = 0.0

    def _check_chains(self, ms: list[_M]) -> None:
        """Each name in a chain must sit inside the later (wider) names; else a namesake.

        Repeated names take the verdict of their chained mention, so "Krasnopillia,
        Donetsk region" does not resolve to another oblast's village two sentences on.
        """
        by_group: dict[int, list[_M]] = defaultdict(list)
        for m in ms:
            if m.group >= 0:
                by_group[m.group].append(m)
        verdict: dict[str, _Cand | None] = {}
        for members in by_group.values():
            for i, m in enumerate(members):
                # a lone "Eastern" or "Northern" is no evidence against a known town
                later = [h for h in members[i + 1:] if h.best is not None and
                         not _generic_name(h.key) and h.key != m.key]
                if m.best is None or not later or m.country_cc:
                    continue
                if any(h.key == m.key and h.best is not None and h.best.id != m.best.id and
                       _inside(m.best, h.best, self._a1_links) for h in members[i + 1:]):
                    # "Lodwar town (Kakuma, Lodwar county)": its own county confirms the
                    # town; a link abroad (a Kakuma elsewhere) is the namesake
                    for h in later:
                        if h.best.cc != m.best.cc:
                            h.best, h.score = None, 0.0
                    continue
                if not any(_inside(m.best, h.best, self._a1_links) for h in later):
                    if (m.feature in _QUARTER or m.feature in ADMIN_WORDS) and \
                            any(h.prep == "of" for h in later):
                        # "the Dniprovskyi district of Kherson": the text says the name is
                        # a part of the later one; a town of the name elsewhere, however
                        # big, is a namesake
                        m.best, m.score = None, 0.0
                        continue
                    same_cc = any(h.best.cc == m.best.cc for h in later)
                    # a district table entry or a place by an alternate name is weak
                    # evidence, but not a big city abroad ("Tiaret town in Ninawa countryside")
                    weak = [h for h in later if h.best.fcode == "ADM3" or (h.best.q > 0 and (
                        h.best.pop < 50_000 or h.best.cc == m.best.cc))]
                    if weak and len(weak) == len(later) and m.best.q == 0 and \
                            m.best.pop >= 1000 and m.best.fcode != "ADM3":
                        for h in weak:  # a district namesake abroad, not the known town
                            h.best, h.score = None, 0.0
                        continue
                    # "X (province, region)" where the gazetteer files X under a neighbouring
                    # province (a border, or two sources' regions): the country's only place
                    # of the name is the place, not the province
                    only_place = same_cc and not m.best.loose and all(
                        h.best.fcode == "ADM1" for h in later if h.best.cc == m.best.cc) \
                        and len([c for c in m.cands if c.cc == m.best.cc and (
                            c.fcode != _MINOR or m.level_hint <= 0)]) == 1 and \
                        not any(_inside(c, h.best, self._a1_links) for c in m.cands
                                for h in later)
                    if not only_place and (not same_cc or m.best.pop < 50_000 or any(
                            h.best.fclass == "P" and h.best.pop * 10 >= m.best.pop
                            for h in later)):
                        # "Lincoln Park in Dayton": a namesake of a part of another town
                        m.best, m.score = None, 0.0
            for i, m in enumerate(members):
                if m.best is None or m.best.fcode != _MINOR:
                    continue
                # a village list's name recurs across a country: the one within reach of the
                # chain's town or district ("Ywathit village, Chauk township"), else none
                # (a town that names its own region, "Zelenivka, Kherson", stands for it)
                fine = [h.best for h in members[i + 1:] if h.best is not None and
                        h.best.fcode not in ("ADM1", "PCLI", _MINOR) and not (
                            h.best.fclass == "P" and h.key in self._a1_aliases.get(
                                (h.best.cc, h.best.a1 or ""), ()))]
                if fine:
                    near = [c for c in m.cands if c.fcode == _MINOR and
                            any(_near(c, h, 60.0) for h in fine)]
                    m.best = min(near, key=lambda c: min(
                        haversine_km(c.lat, c.lon, h.lat, h.lon) for h in fine)) if near else None
                    if m.best is None:
                        m.score = 0.0
            for m in members:
                if m.role != "country":
                    verdict.setdefault(m.key, m.best)
        for m in ms:
            if m.group < 0 and m.key in verdict:
                v = verdict[m.key]
                if v is None or (m.best is not None and m.best.id != v.id):
                    m.best = v
                    m.score = 0.0 if v is None else max(m.score, 0.5)

    def _to_mention(self, text: str, m: _M) -> PlaceMention:
        place = self._place(m.best, m.text) if m.best is not None else None
        rel = relation_before(text, m.start, m.end) if m.role != "hint" else None
        if place is not None and rel is not None and m.role != "country":
            place = apply_relation(place, rel)
        referent = place
        own = self._referent.get(m.best.id) if m.best is not None else None
        if place is not None and own is not None and own[1] is not None:
            referent = dataclasses.replace(place, lat=own[1], lon=own[2])
            if rel is not None and m.role != "country":
                referent = apply_relation(referent, rel)
        score = m.score if place else 0.0
        if place is not None and place.feature_code in _index.REGION_CODES:
            place = None  # "Asia", "the Middle East": a referent, but no event's place
        return PlaceMention(m.start, m.end, m.text, place, score,
                            label=m.label, role=m.role, group=m.group, prep=m.prep,
                            relation=rel.text if rel else None, referent=referent)

    def _place(self, c: _Cand, mention: str) -> Place:
        country = self._countries.get(c.cc)
        fc = c.fcode
        prec = 3 if fc in ("ADM1", "PCLI", *_index.REGION_CODES) or (fc or "").startswith(
            "PCL") else \
            2 if fc in ("ADM2", "ADM3") else 1
        admin1 = c.admin1
        if fc == "ADM1":
            admin1 = self._admin1.get((c.cc, c.a1 or ""), (c.name,))[0]
        admin1 = admin1 if fc != "PCLI" else None
        admin2 = c.admin2 if fc not in ("ADM1", "PCLI") else None
        cc = c.cc
        if cc in self._conventions:  # Hong Kong is counted under China
            cc, region = self._conventions[cc]
            country = self._countries.get(cc)
            admin1, admin2 = region, admin1
        gid = c.id if c.id > 0 else self._referent.get(c.id, (None,))[0]
        return Place(name=c.name, country=country[1] if country else None,
                     iso3=self._iso3.get(cc), admin1=admin1, admin2=admin2,
                     lat=c.lat, lon=c.lon, geo_precision=prec, geonames_id=gid,
                     feature_code=fc, mention=mention)

    # ------------------------------------------------------------------------ events

    def locate_event(self, text: str, mentions: list[PlaceMention], sentence: tuple[int, int],
                     trigger: tuple[int, int] | None,
                     phrase: Sequence[tuple[int, int]] | None = None) -> Place | None:
        """The event's place: the sentence's locative place, else the article's main place.
        A place named by a word of ``phrase`` (spans of the words of the cue's own noun
        phrase: "shelling of the town of Dilling" in a sentence that tells other deeds
        elsewhere) is the cue's."""
        s0, s1 = sentence
        # a demonym or a place inside a name says who, not where; so does a capital that
        # speaks or judges ("a group that Ankara regards as ...", "Moscow denied") or rules
        # ("the Kinshasa regime")
        mentions = [m for m in mentions if m.role not in REFERENCE_ROLES and
                    not ((m.prep or "").lower() not in _LOCATIVE and (
                        _SPEAKS.match(text, m.end) or _RULERS.match(text, m.end)))]
        # a region (no event place) that only the gazetteer found ("in the Gulf") is no
        # unplaced name for the event to be anchored by; one NER found stays one
        mentions = [m for m in mentions if not (
            m.place is None and m.referent is not None and m.label not in ("GPE", "LOC", "FAC")
            and m.referent.feature_code in _index.REGION_CODES)]
        inside = [m for m in mentions if s0 <= m.start < s1]
        # where a source speaks from ("according to a police spokesman in Bannu region") is
        # not where the deed was: the sentence's other places, or the paragraph's, tell that
        inside = [m for m in inside
                  if not _SOURCE_AT.search(text, max(s0, m.start - 70), m.start)
                  and not _TAKEN_TO.search(text, max(s0, m.start - 80), m.start)]
        # a dateline ("FREETOWN -", "KHARTOUM, May 7 -") says where the story was filed: the
        # event's place is another that the sentence or the article names, when there is one
        datelines = dateline_starts(text)
        if datelines:
            told = [m for m in inside if m.start not in datelines]
            if any(m.place is not None or m.label in ("GPE", "LOC", "FAC") for m in told):
                inside = told
            if any(m.place is not None for m in mentions if m.start not in datelines):
                mentions = [m for m in mentions if m.start not in datelines]
        # the coder says where, in this sentence or in a note after it in its paragraph (an
        # article's other paragraphs may tell other events)
        coded = [m for m in mentions if m.role == "coded" and m.place is not None and
                 m.score >= 0.35 and s0 <= m.start and (
                     m.start < s1 or "\n\n" not in text[s1:m.start])]
        if coded:
            chosen = min(coded, key=lambda m: (not s0 <= m.start < s1, m.start))
            return self._in_named_country(chosen, mentions) or chosen.place
        own = [m for m in inside if phrase and m.place is not None and
               m.role not in ("country", "hint", "coded") and
               any(a <= m.start < b for a, b in phrase)]
        chosen = self._pick(text, own or inside, trigger, s0, s1)
        if chosen is None or (chosen.role == "country" and chosen.place is not None):
            # "(Tokyo - Minato)": a sentence whose only places are in parentheses
            hints = [m for m in inside if m.role == "hint" and m.place is not None]
            if hints:
                chosen = min(hints, key=lambda m: (m.place.geo_precision, m.start))
        if chosen is not None and chosen.role == "country":
            # "a rally in Cetinje for the Ukrainian people ... flags of Ukraine": a town the
            # sentence names beats a country it only talks about
            town = self._named_town(inside, chosen)
            if town is not None:
                return town
        if chosen is None:
            return self._article_place(mentions)
        if chosen.place is not None:
            return self._in_named_country(chosen, mentions) or chosen.place
        # (a site's name, "the city's Al-Shuhada cemetery", is no town: it sits at its
        # anchor)
        exact = None if _next_word(text, chosen.end) in _SITE_WORDS else \
            self._exact_town(chosen, mentions)
        if exact is not None:
            return exact
        anchor = self._anchor(chosen, inside, mentions)
        if anchor is None:
            return self._country_fallback(text, chosen, mentions)
        out = dataclasses.replace(anchor)
        out.name = chosen.name
        out.mention = chosen.name
        out.geonames_id = None
        out.feature_code = None
        out.relation = f"in or near {anchor.name}"
        out.geo_precision = 3 if anchor.geo_precision >= 3 else 2
        rel = relation_before(text, chosen.start, chosen.end)
        if rel is not None and rel.kind == "offset":
            out = apply_relation(out, rel)
        return out

    def _exact_towns(self, name: str) -> list[_Cand]:
        return [c for c in self.candidates(name, allow_loose=False)
                if c.q == 0 and c.fclass == "P"]

    def _named_town(self, inside: list[PlaceMention], country: PlaceMention) -> Place | None:
        """An unresolved name in the sentence that is exactly one town's name."""
        for m in inside:
            if m is country or m.role in ("country", "hint") or m.place is not None:
                continue
            towns = self._exact_towns(m.name)
            if len({c.cc for c in towns}) == 1:
                return self._place(max(towns, key=lambda c: c.pop), m.name)
        return None

    def _exact_town(self, chosen: PlaceMention, mentions: list[PlaceMention]) -> Place | None:
        """A name the ranking left unresolved (a hint pointed elsewhere) that is exactly a
        town in a country the article names ("Muharraq (Capital)" in a report on Bahrain)."""
        named = {m.place.iso3 for m in mentions if m.role == "country" and m.place is not None}
        if not named:
            return None
        towns = [c for c in self._exact_towns(chosen.name) if self._iso3.get(c.cc) in named]
        # the name's own chain placed it ("Hnaw Kan village, Kanbalu township"): a town of
        # the name in another region of the country is a namesake; the place sits at its
        # stated district (``_anchor``)
        hints = [m.place for m in mentions if chosen.group >= 0 and m.group == chosen.group
                 and m.role == "hint" and m.place is not None and m.place.admin1]
        fits = [(c.pop, self._place(c, chosen.name)) for c in towns]
        fits = [(pop, p) for pop, p in fits if not hints or any(
            p.iso3 == h.iso3 and p.admin1 == h.admin1 for h in hints)]
        if not fits:
            return None
        return max(fits, key=lambda fit: fit[0])[1]

    def _in_named_country(self, chosen: PlaceMention,
                          mentions: list[PlaceMention]) -> Place | None:
        """The chosen place lies outside every country the article names, but a town of the
        same name lies inside one of them ("Manama" in a report that names Bahrain)."""
        place = chosen.place
        named = {m.place.iso3 for m in mentions if m.role == "country" and m.place is not None}
        if place is None or not named or place.iso3 in named or place.geo_precision >= 3:
            return None
        exact = self._exact_towns(chosen.name)
        towns = [c for c in exact if self._iso3.get(c.cc) in named]
        if not towns:
            return None
        best = max(towns, key=lambda c: c.pop)
        own = [c.pop for c in exact if c.id == place.geonames_id]
        if own and own[0] >= 100_000 and own[0] >= 10 * max(best.pop, 1):
            return None  # Vienna, Austria, in a story that also names the United States
        out = self._place(best, chosen.name)
        return dataclasses.replace(out, relation=place.relation) if place.relation else out

    def _pick(self, text: str, ms: list[PlaceMention], trigger: tuple[int, int] | None,
              s0: int, s1: int) -> PlaceMention | None:
        best, best_s = None, -1e9
        bonus = self._route_ends(text, ms)
        if trigger is None:
            for m, extra in _untriggered_cues(text, ms, s0, s1):
                bonus[id(m)] = bonus.get(id(m), 0.0) + extra
        for m in ms:
            if m.role == "hint" or (m.role == "coded" and m.place is None):
                continue
            s = bonus.get(id(m), 0.0)
            if m.prep in ("in", "at", "near", "inside", "outside", "around", "on", "into",
                          "across", "throughout", "through", "within", "capital") or m.relation or (
                    m.prep == "of" and _of_is_locative(text, m.start)) or m.prep in _HIT_VERBS:
                s += 2.0
            elif m.prep in ("from",):
                s -= 2.0
            elif m.prep in ("to", "towards", "toward"):
                s -= 0.5
            if m.role == "coded" and m.place is not None:
                s += 3.0  # "(coded to X)": the coder says where
            p = m.place
            if p is None:
                # a name the gazetteer lacks still places the event through its chain
                anchored = m.group >= 0 and any(x.group == m.group and x.place is not None
                                                for x in ms)
                s += 0.3 if anchored else -0.3 if m.group >= 0 else \
                    -0.8 if m.label in ("GPE", "LOC", "FAC") else -1.5
            elif m.role == "country":
                s -= 2.0
            else:
                s += {1: 0.5, 2: 0.3, 3: 0.0}.get(p.geo_precision, 0.0)
                s += 0.3 * m.score
                if m.score < 0.35:
                    s -= 1.0  # a weak guess (spelling variant, no context) is a poor pick
                if _next_word(text, m.end) in _INSTITUTION or _SITE_BEFORE.match(text, m.end):
                    s -= 1.0  # "Lincoln high school in Dayton": a name, not the place
            if trigger is not None:
                s -= 0.003 * min(abs(m.start - trigger[1]), abs(trigger[0] - m.end))
            s -= 0.004 * (m.start - s0)
            if s > best_s:
                best, best_s = m, s
        return best

    @staticmethod
    def _route_ends(text: str, ms: list[PlaceMention]) -> dict[int, float]:
        """"between Tikrit and Baiji (Salahuddin)", "from Kherson, Kherson region, ... to
        Odesa": of a route's two ends, the one the text places (its admin hints) is
        where the event is coded."""
        def placed(x: PlaceMention) -> bool:
            return x.group >= 0 and any(o.group == x.group and o.role == "hint" and
                                        o.place is not None for o in ms)

        out: dict[int, float] = {}
        ends = [x for x in ms if x.role not in ("hint", "country")]
        for p, m in zip(ends, ends[1:], strict=False):
            if p.prep not in ("from", "between") or m.prep not in ("to", "and", "towards",
                                                                   "toward"):
                continue
            gap = text[p.end:m.start]
            if len(gap) > 120 or re.search(r"[.;!?]\s", gap):
                continue
            if placed(m) and not placed(p):
                out[id(m)] = 2.5
            elif placed(p) and not placed(m):
                out[id(p)] = 4.0 if p.prep == "from" else 2.0
        return out

    def _anchor(self, m: PlaceMention, inside: list[PlaceMention],
                mentions: list[PlaceMention]) -> Place | None:
        if m.group >= 0:
            chain = [x for x in mentions if x.group == m.group and x.start > m.start and x.place]
            if chain:
                return min(chain, key=lambda x: x.start).place
        after = [x for x in inside if x.start > m.start and x.place is not None and
                 x.role != "country"]
        before = [x for x in inside if x.start < m.start and x.place is not None and
                  x.role != "country"]
        near = sorted(after + before, key=lambda x: (x.place.geo_precision, abs(x.start -
                                                                                 m.start)))
        if near:
            return near[0].place
        return self._article_place([x for x in mentions if x.role != "country"])

    def _country_fallback(self, text: str, chosen: PlaceMention,
                          mentions: list[PlaceMention]) -> Place | None:
        """A named place with no anchor at all: the story's country, said out loud.

        Only when the text names a country (or its people); the place keeps its own name,
        precision 3 and a relation that says the point is the country's.
        """
        votes: Counter = Counter()
        for m in mentions:
            if m.role == "country" and m.place is not None and m.place.iso3:
                if _topic_country(text, m.start, m.end) or stood_against(text, m.start):
                    votes[m.place.iso3] += 0.2
                elif _ACROSS_BEFORE.search(text, max(0, m.start - 30), m.start):
                    # "raiders from Ethiopia", "the border with Somalia": where they came
                    # from or what lies beyond, not where the place is
                    votes[m.place.iso3] += 0.3
                else:
                    votes[m.place.iso3] += 1.0
        for cc in self._demonym_words(text, opposed=False):
            if self._iso3.get(cc):
                votes[self._iso3[cc]] += 0.5
        if not votes:
            return None
        iso3, n = votes.most_common(1)[0]
        if n < 0.5:
            return None  # only a country beyond the border: the caller's fallbacks decide
        country = self.country(iso3)
        if country is None:
            return None
        country.name = chosen.name
        country.mention = chosen.name
        country.relation = f"somewhere in {country.country} (place not in gazetteer)"
        return country

    def _article_place(self, mentions: list[PlaceMention]) -> Place | None:
        resolved = [m for m in mentions if m.place is not None]
        if not resolved:
            return None
        counts = Counter(m.place.geonames_id or m.place.name for m in resolved)

        def rank(m: PlaceMention) -> tuple:
            p = m.place
            return (m.role == "country", m.role == "hint",
                    -counts[p.geonames_id or p.name], p.geo_precision, m.start)

        return min(resolved, key=rank).place


# a settlement word and "of" right before a name: "the town of", "the town proper of"
_SETTLEMENT_OF = re.compile(r"\b(?:town|towns|city|village|municipality|town proper|"
                            r"poblacion|district|province|region)\s+of\s+$", re.I)


def _listed(text: str, ms: list[_M]) -> set[int]:
    """Mentions followed by ", " in a run "A, B, C and D" (ids): items of a list."""
    out: set[int] = set()
    run: list[_M] = []
    for a, b in zip(ms, ms[1:], strict=False):
        gap = text[a.end:b.start]
        if gap == ", ":
            run.append(a)
            continue
        if run and re.fullmatch(r",? (?:and|or|&) ", gap):
            out.update(id(x) for x in run)
        run = []
    return out


def _feature(word: str) -> str:
    """ "municipality-10" -> "municipality" (a ward number after the feature word)."""
    word = word.lower()
    return _WARD.sub("", word) if "-" in word else word


def _story_elsewhere(best: _Cand, ms: list[_M], countries: Counter,
                     coherence: Counter | None) -> bool:
    """Are the story's places firmly in other countries than ``best``'s (another country
    named, or two of its places in one), none of them within 1,500 km of it?"""
    if not coherence or not (
            any(v >= 2 for cc, v in coherence.items() if cc != best.cc) or
            any(v >= 1 for cc, v in countries.items() if cc != best.cc)):
        return False
    return not any(o.best is not None and o.best is not best and o.best.cc != best.cc and
                   _near(o.best, best, 1500.0) for o in ms)


def _spelling_of(written: str, name: str) -> bool:
    """Is ``written`` a spelling of ``name`` ("St. Gallen" of Sankt Gallen, "Daraa" of
    Dar'a), not another name of the place ("Boni" of Watampone)?"""
    a, b = fold(written).lower(), fold(name).lower()
    a, b = re.sub(r"[^a-z]+", "", a), re.sub(r"[^a-z]+", "", b)
    return bool(a and b) and (a in b or b in a or
                              difflib.SequenceMatcher(None, a, b).ratio() >= 0.6)


def _near(a: _Cand, b: _Cand, km: float) -> bool:
    if a.lat is None or b.lat is None:
        return False
    return abs(a.lat - b.lat) < km / 111 and haversine_km(a.lat, a.lon, b.lat, b.lon) <= km


def _inside(c: _Cand, h: _Cand, links: frozenset = frozenset()) -> bool:
    """Is candidate ``c`` within (or the same area as) the hint's place ``h``? ``links``
    are the index's (country, region, linked region) pairs."""
    if c.cc != h.cc:
        return False
    if h.fcode == "PCLI":
        return True
    if h.fcode == "ADM1":
        return c.a1 == h.a1 or (c.cc, c.a1, h.a1) in links
    if h.fcode == "ADM2":
        if c.admin2 and admin_key(c.admin2) == admin_key(h.admin2 or h.name):
            return True  # its province by name, whatever region code each source gave
        return c.a1 == h.a1 and not c.admin2
    if h.fcode == "ADM3":  # a district (geoBoundaries centroid): a town within its reach
        return _near(c, h, 40.0)
    if c.a1 == h.a1:
        return True
    return False


_ACROSS_BEFORE = re.compile(r"\b(?:from|border with|borders? of|crossed into|across the "
                            r"border (?:in|into|from)|bordering)\s+(?:the\s+)?$", re.I)


def _cap(word: str) -> bool:
    """Capitalized, or an article-prefixed name such as "ez-Zor", "al-Bab"."""
    if word[0].isupper():
        return not (word.isupper() and len(word) > 1)  # "SUD", "CGT": acronyms
    head, sep, tail = word.partition("-")
    return bool(sep) and head.lower() in _CONNECT and tail[:1].isupper()


_GENERIC_KEYS = (_STOP - _DIRECTIONAL) | SETTLEMENT_WORDS | frozenset(ADMIN_WORDS) | frozenset(
    {"center", "centre", "island", "islands", "lane", "zone", "street", "river", "lake",
     "hill", "hills", "park", "port", "bay", "coast", "beach", "field", "farm", "station",
     "bridge", "school", "college", "hotel", "palace", "hall", "house", "office", "prison",
     "road", "highway", "avenue", "square", "mine", "dam", "valley", "mount", "mountain",
     "forest", "desert", "plain", "plains", "sea", "ocean", "gulf", "strait", "cape", "point",
     "union", "federal", "federation", "republic", "kingdom", "national", "international",
     "jewish", "arab", "human", "local", "civil", "social", "democratic", "popular"})
# "shells target Baiji": the object of an attack verb is where the event happened
_HIT_VERBS = frozenset({"target", "targets", "targeted", "targeting", "shell", "shells",
                        "shelled", "shelling", "hit", "hits", "bomb", "bombs", "bombed",
                        "bombing", "bombard", "bombarded", "attack", "attacks", "attacked",
                        "attacking", "storm", "storms", "stormed", "raid", "raids", "raided",
                        "struck", "strikes", "capture", "captured", "captures", "seize",
                        "seized", "besiege", "besieged", "entered", "enter", "enters",
                        "invaded", "invade", "ambushed", "rocked", "shook",
                        "shakes", "pound", "pounded", "pounds"})
_STRIKE_NOUNS = frozenset({"airstrike", "airstrikes", "strike", "shells", "clashes",
                           "explosion", "massacre", "battles", "fighting", "assault"})
_EVENT_AFTER = frozenset({"massacre", "battle", "battles", "siege", "clashes", "offensive",
                          "bombing", "shelling", "airstrikes"})
# a word in lower case right after a name
_LOWER_NEXT = re.compile(r"\s+(?-i:[a-z])")
# the people of a place named before them ("Kibera residents")
_PEOPLE_AFTER = frozenset({"residents", "villagers", "locals", "inhabitants", "youths",
                           "traders", "farmers", "fishermen", "herders", "elders",
                           "townspeople"})
_OF_HEADS = frozenset({"residents", "outskirts", "people", "inhabitants", "mayor", "governor",
                       "center", "centre", "heart", "part", "parts", "suburbs", "vicinity",
                       "north", "south", "east", "west", "northeast", "northwest", "southeast",
                       "southwest", "city", "town", "village", "villages", "province",
                       "district", "region", "state", "governorate", "county", "area",
                       "outside", "streets", "capital", "municipality", "environs", "edge",
                       "countryside", "port", "camp", "neighbourhood", "neighborhood"})


_TOPIC_BEFORE = re.compile(
    r"(?:\b(?:war|wars|invasion|aggression|attacks?|offensive|occupation|bombing|conflict|"
    r"crisis|situation|fighting|operations?|actions|policy|policies|intervention)\s+"
    r"(?:in|on|of|against|with|by|into)|"
    r"\b(?:support|solidarity|sympathy|aid|help|peace|sanctions|embassy|consulate|ambassador|"
    r"flags?|people|citizens|nationals|refugees|migrants|students|friends|stand|stood)\s+"
    r"(?:for|with|of|to|from|against|on)|"
    r"\b(?:invaded|invade|invading|invades|support|supports|supporting|supported|"
    r"attacked|attacking|condemn|condemned|condemning|denounce|denounced|denouncing)|"
    r"\bborders?\s+(?:with|of)|\bfled\s+(?:to|into))"
    r"\s+(?:the\s+|its\s+|their\s+)?(?:people\s+of\s+)?$", re.I)
# a place's owner right before its name: "West Bengal's ", "Syria's "
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+$")
# a hyphened word a place name makes with what follows: "Britain-based", "U.S.-led"
COMPOUND_AFTER = re.compile(r"-(?:led|backed|based|funded|sponsored|allied|aligned|born|made|"
                             r"owned|registered|headquartered|trained|armed|supported)\b", re.I)
_TOPIC_AFTER = re.compile(
    r"^(?:(?:'s|’s)?\s*(?:invasion|aggression|war|attacks?|embassy|consulate|ambassador|"
    r"military operation|offensive|government's|flags?)|"
    r"[-\s](?:led|backed|sponsored|allied|aligned)\b)", re.I)  # "the U.S-led coalition"


_GENERIC_REGION = _DIRECTIONAL | frozenset({
    "nord", "sud", "est", "ouest", "centre", "center", "centro", "norte", "sur", "este", "oeste",
    "capital", "northeast", "northwest", "southeast", "southwest", "far", "extreme", "region",
    "province", "state", "district", "middle", "coast", "coastal", "highlands", "lowlands"})


def _generic_name(key: str) -> bool:
    """ "East", "Sud-Ouest", "Capital": a region name every other country has."""
    words = key.replace("-", " ").split()
    return bool(words) and set(words) <= _GENERIC_REGION


# a people or a state a text stands against: "against India", "anti-India slogans",
# "condemned the Indian", "burnt the Indian flag", "an effigy of the Indian premier"
_OPPOSED_BEFORE = re.compile(r"(?:\bagainst|\banti|\bcondemn\w*|\bdenounc\w*|\beffig(?:y|ies)"
                             r"\s+of|\bburn(?:ed|t|ing|s)?)\s*-?\s*(?:the\s+|an?\s+)?$", re.I)


def stood_against(text: str, s: int) -> bool:
    """Is the name at ``s`` what the text stands against?"""
    return bool(_OPPOSED_BEFORE.search(text, max(0, s - 30), s))


def _topic_country(text: str, s: int, e: int) -> bool:
    """Is the country named as what a story is about ("against the war in Ukraine",
    "the embassy of Russia", "Russia's invasion") rather than where it happens?"""
    return bool(_TOPIC_BEFORE.search(text[max(0, s - 60):s]) or
                _TOPIC_AFTER.match(text[e:e + 40]))


@functools.cache
def _cues() -> dict[str, frozenset[str]]:
    import yaml

    raw = yaml.safe_load((Path(__file__).parent / "cues.yaml").read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items()}


@functools.cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    cues = _cues()

    def words(key: str) -> str:
        return "|".join(sorted(map(re.escape, cues[key]), key=len, reverse=True))

    return {
        "harm": re.compile(rf"\b(?:{words('harm')})\b", re.I),
        "break": re.compile(rf";|,\s|\s[-–—]\s|\b(?:{words('clause_breaks')})\b", re.I),
        # "in A and in B", "hit A and kill two": the clause goes on past the "and"
        "goes_on": re.compile(rf"\s+(?:(?:{words('goes_on_before')})\b|(?:\w+\s+)?"
                              rf"(?:{words('goes_on_verbs')})\b)", re.I),
        "town_after": re.compile(rf"\s+(?:{words('town_after')})\b", re.I),
        "town_before": re.compile(rf"\b(?:the\s+)?(?:{words('town_before')})\s+$", re.I),
    }


_HARM_BONUS, _TOWN_BONUS = 2.5, 1.0
_FOCUS_PULL = 0.5  # at most: two namesakes' town scores differ by more when told apart


# How far (in decades of population) a namesake may sit below the name's most prominent
# place and still be chosen, by how the text ties it (``Geocoder._tie``): country votes
# alone choose among comparable places, a region or a nearby town named in the text lets a
# smaller one win, a chain ("Canada, Ky.") any.
_PROMINENCE_GAP = {0: 2.5, 1: 3.0, 2: math.inf}
_WELL_KNOWN = 5.0  # log10 population: a country, region or city of 100,000 and more


def _prominence(c: _Cand) -> float:
    """log10 of a candidate's population, unknown ones taken as a village's (a village
    list's entry) or a small town's (a GeoNames town or feature of unknown size)."""
    if c.fcode == _MINOR:
        pop = c.pop or 100
    else:
        pop = _known_pop(c) or 1000
    return math.log10(max(pop, 1))


def _prominent(scored: list[tuple[float, _Cand]],
               tie: Callable[[_Cand, int], int]) -> list[tuple[float, _Cand]]:
    """The scored candidates less those far less prominent than the best-known one (a
    country, region or city under its own name) that the text does not tie to itself
    (``tie(c, need)``, asked only of those): "Canada" in a story on Alberta and Texas is the
    country, not a locality in Kentucky. Unchanged when the best-scored candidate stays."""
    if len(scored) < 2:
        return scored
    top = max((c for _s, c in scored if c.q == 0 and not c.loose),
              key=lambda c: c.pop, default=None)
    if top is None or top.pop < 10 ** _WELL_KNOWN:
        return scored
    ptop = _prominence(top)
    floor = ptop - _PROMINENCE_GAP[0]
    best = scored[0][1]
    if best is top or _prominence(best) > floor:
        return scored

    def keep(c: _Cand) -> bool:
        gap = ptop - _prominence(c)
        if gap < _PROMINENCE_GAP[0] or c is top:
            return True
        need = 1 if gap < _PROMINENCE_GAP[1] else 2
        return tie(c, need) >= need

    return [(s, c) for s, c in scored if keep(c)] or scored


def _feature_named(c: _Cand, key: str, after: str = "") -> bool:
    """Is ``c`` found by a shorter name than its own, the rest a feature word the text
    does not write after it (``after``): "Ohio County" for a bare "Ohio", "Nevada City" for
    "Nevada"; not "Pilar do Sul" for "Pilar", nor "Ohio County" for "Ohio county"?"""
    if c.q == 0:
        return False
    own = name_key(c.name)
    if own == key or not own.startswith(key + " "):
        return False
    rest = own[len(key) + 1:].split()
    return bool(rest) and rest != [after] and all(
        w in ADMIN_WORDS or w in SETTLEMENT_WORDS for w in rest)


def _known_pop(c: _Cand) -> int:
    """GeoNames' 0 means unknown: for a town, most often a village or a small town of a
    country GeoNames counts badly (most of Syria's), not a hamlet; taken as 20,000."""
    return 20_000 if c.pop == 0 and c.fclass == "P" and c.fcode != _MINOR else c.pop


def _coders_hint(text: str, hint: PlaceMention, ms: list[PlaceMention]) -> bool:
    """Is ``hint`` an admin hint the way a coder writes one, right after its place ("Natal
    (RN)", "Irapuato, Guanajuato"), not a place the prose relates ("X area in the
    countryside of Y")?"""
    heads = [m for m in ms if m.group == hint.group and m.role != "hint" and m.end <= hint.start]
    if hint.group < 0 or not heads:
        return False
    gap = text[min(heads, key=lambda m: m.start).end:hint.start]
    return re.match(r"\s*(?:[\w-]+\s+){0,4}?[(,]", gap) is not None  # "Jagti town (Jammu"


def _untriggered_cues(text: str, ms: list[PlaceMention], s0: int,
                      s1: int) -> list[tuple[PlaceMention, float]]:
    """With no event trigger, which of a sentence's places (at two or more points) the words
    around them put the event at: a clause that says people were killed or hurt ("shells
    hit A and a child was killed in B"), and a name the text calls a town ("Tikrit city",
    "the capital Baghdad")."""
    placed = [m for m in ms if m.place is not None and m.role not in ("hint", "country")]
    if len({(m.place.lat, m.place.lon) for m in placed}) < 2 or any(
            _coders_hint(text, h, ms) for h in ms if h.role == "hint"):
        return []  # "in Natal (RN), a man was killed in the X neighborhood": placed already
    cue = _cue_patterns()
    cuts = [s0, *(b.start() for b in cue["break"].finditer(text, s0, s1)
                  if not cue["goes_on"].match(text, b.end())), s1]
    hurt = [bool(cue["harm"].search(text, a, b)) for a, b in zip(cuts, cuts[1:], strict=False)]
    out = []
    for m in placed:
        i = max(k for k, c in enumerate(cuts[:-1]) if c <= m.start)
        extra = _HARM_BONUS if hurt[i] else 0.0
        if cue["town_after"].match(text, m.end) or cue["town_before"].search(
                text, max(0, m.start - 16), m.start):
            extra += _TOWN_BONUS
        if extra:
            out.append((m, extra))
    return out


# a source and where it speaks from: "according to a police spokesman in Bannu region",
# "officials in Kabul said"
_SOURCE_AT = re.compile(
    r"(?:\baccording to\s+(?:[\w'’-]+\s+){0,5}?|\b)(?:spokes(?:man|woman|person|men)|officials?|"
    r"sources?|correspondents?|reporters?|journalists?|authorities|representatives?)"
    r"\s+(?:based\s+)?(?:in|at|from)\s+(?:the\s+)?$", re.I)
# where the wounded or the dead were taken: "the wounded were taken to a hospital in the
# town of Namhsan" (not where they were hurt)
_TAKEN_TO = re.compile(
    r"\b(?:taken|rushed|brought|transferred|evacuated|airlifted|admitted|referred)\s+"
    r"(?:to|at)\s+(?:[\w'’-]+\s+){0,10}?(?:hospitals?|clinics?|health (?:centres?|centers?)|"
    r"medical (?:centres?|centers?|facilit(?:y|ies)))\s+(?:[\w'’-]+\s+){0,4}?(?:in|at)\s+"
    r"(?:the\s+(?:town|city)\s+of\s+)?$",
    re.I)
# a word right before "of" and a name: "the town of Pinlebu" when it is a kind of place
# (SETTLEMENT_WORDS, ADMIN_WORDS)
_WORD_OF = re.compile(r"\b([A-Za-z-]+)\s+of\s+$")


def _kind_of_place_before(text: str, s: int) -> bool:
    """ "the town of X", "the district of X": the kind of place right before the name."""
    m = _WORD_OF.search(text, max(0, s - 40), s)
    return bool(m) and (m.group(1).lower() in SETTLEMENT_WORDS or
                        m.group(1).lower() in ADMIN_WORDS)


def _of_is_locative(text: str, s: int) -> bool:
    """ "residents of X", "city of X" yes; "members of X", "number of X" no."""
    m = re.search(r"([A-Za-z]+)\s+of\s+(?:the\s+)?$", text[max(0, s - 40):s])
    # and "the explosion of X", "the siege of X" (cues.yaml): where it happened
    return bool(m) and (m.group(1).lower() in _OF_HEADS or
                        m.group(1).lower() in _cues()["relation_heads"])


def _comma_cue(text: str, s: int) -> bool:
    """ "Pervomaisk, Luhansk", "Bagram district, Parwan": a name after a place and a comma."""
    m = re.search(r"([^\W\d_][\w'’-]*),\s+$", text[max(0, s - 40):s])
    if not m:
        return False
    w = m.group(1)
    return w.lower() in ADMIN_WORDS or w.lower() in SETTLEMENT_WORDS or (
        _cap(w) and w.lower() not in _STOP)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a leading "the" and trailing possessive/punctuation from an NER span."""
    span = text[s:e]
    if span.lower().startswith("the "):
        s += 4
    while e > s and text[e - 1] in ".,;:'’)-":
        e -= 1
    if text[s:e].endswith(("'s", "’s")):
        e -= 2
    return s, e


_NEXT_WORD = re.compile(
    r"\s*(?:(?:rural|urban|sub-metropolitan|metropolitan)\s+)?([A-Za-z][A-Za-z-]*)")
# the last word before a place, read backwards: searching the text before it for
# r"([A-Za-z]+)\s*$" would try the pattern at each of its 30 characters
_PREV_WORD_REVERSED = re.compile(r"\s*([A-Za-z]+)")
_WARD = re.compile(r"-\d+$")


def _next_word(text: str, e: int) -> str:
    """The word after a name, past "rural"/"urban" ("Aurahi rural municipality-4")."""
    m = _NEXT_WORD.match(text, e, e + 40)
    return m.group(1).lower().rstrip("-") if m else ""  # "municipality-10": municipality


def _prev_word(text: str, s: int) -> str:
    """The letters just before ``s`` (past whitespace, within 30 characters), lower case."""
    m = _PREV_WORD_REVERSED.match(text[max(0, s - 30):s][::-1])
    return m.group(1)[::-1].lower() if m else ""


__all__ = ["Geocoder", "PlaceMention", "fold"]
