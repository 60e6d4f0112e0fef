"""Last-resort placement from ISO 3166-2 subdivision names (pycountry).

GeoNames' admin1 codes in the bundled data predate several reforms (the DR Congo's 26
provinces, Nepal's 7), so a report that names only "Ituri" or "Madhesh" would otherwise get
no place at all. A subdivision name that belongs to one country only gives the event that
country and admin1, with precision 3 and no point (the gazetteer has none for it): honest
about what is known, never a country centroid passed off as a place.
"""

from __future__ import annotations

import functools
import re

import pycountry

from ..ontology import country_name, fold
from ..records import Place

# names too common as words or shared by many countries to place anything on their own
_TOO_COMMON = {"centre", "center", "nord", "sud", "est", "ouest", "north", "south", "east", "west",
               "central", "capital", "bay", "coast", "lakes", "plateau", "littoral", "island",
               "islands", "northern", "southern", "eastern", "western", "upper", "lower", "sahel",
               "grad", "city", "town", "mine", "port", "mountain", "river", "lake", "valley"}


@functools.cache
def _index() -> dict[str, tuple[str, str, str]]:
    """Folded subdivision name -> (name, ISO3, top-level subdivision name), unique names only."""
    seen: dict[str, set[str]] = {}
    rows: dict[str, tuple[str, str, str]] = {}
    by_code = {s.code: s for s in pycountry.subdivisions}
    for s in pycountry.subdivisions:
        key = fold(s.name)
        if len(key) < 4 or key in _TOO_COMMON:
            continue
        country = pycountry.countries.get(alpha_2=s.country_code)
        if country is None:
            continue
        top = s
        while top.parent_code and top.parent_code in by_code:
            top = by_code[top.parent_code]
        seen.setdefault(key, set()).add(country.alpha_3)
        rows.setdefault(key, (s.name, country.alpha_3, top.name))
    return {k: v for k, v in rows.items() if len(seen[k]) == 1}


_CAP_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3}")


_REGION_AFTER = re.compile(r"\s+(?:region|regional state|state|zone|province)\b", re.I)


def subdivision_place(text: str) -> Place | None:
    """The first capitalized name in ``text`` that is one country's subdivision. A name
    that is also a nationality ("Somali herders") counts only with a region word after it
    ("the Somali Region")."""
    index = _index()
    for m in _CAP_RUN.finditer(text):
        words = m.group(0).split()
        # longest sub-run first: "Nord-Kivu" before "Kivu", "Kamrup Metropolitan" before "Kamrup"
        for size in range(len(words), 0, -1):
            for start in range(0, len(words) - size + 1):
                key = fold(" ".join(words[start:start + size]))
                hit = index.get(key)
                if hit and key in _nationalities() and not _REGION_AFTER.match(
                        text, m.start() + len(" ".join(words[:start + size]))):
                    hit = None  # "Somali herders": a people
                if hit:
                    name, iso3, top = hit
                    return Place(name=name, country=country_name(iso3), iso3=iso3, admin1=top,
                                 geo_precision=3, feature_code="ADM", mention=name,
                                 relation="region named in the text")
    return None


@functools.cache
def _nationalities() -> frozenset[str]:
    """Folded demonyms of every country ("somali", "afar" is none): a people, not a place."""
    from ..ontology import countries

    return frozenset(fold(d) for c in countries().values() for d in c.demonyms)
