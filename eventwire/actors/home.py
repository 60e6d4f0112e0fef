"""Country evidence from organizations that act at home (home_countries.tsv).

"CPN-UML cadres staged a rally in Lalitpur" happened in Nepal's Lalitpur, not India's: a
national party, union or security agency named in a story says where it happens. The table
is country evidence only; actor names come from groups.tsv and categories.yaml.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ..ontology import countries
from . import _trie_pattern


@functools.cache
def _matcher() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    """One prefix-tree regex for every name (a regex per country made 60 passes), and
    the country of each name: exact spellings for short or capital names, folded for others."""
    text = resources.files(__package__).joinpath("home_countries.tsv").read_text("utf-8")
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, _, names = line.partition("\t")
        for name in filter(None, (n.strip() for n in names.split("|"))):
            if name.isupper() or len(name) < 4:
                exact.setdefault(name, iso3.strip())
            else:
                folded.setdefault(name.lower(), iso3.strip())
    parts = []
    if exact:
        parts.append("(?-i:" + _trie_pattern(list(exact), fold=False) + ")")
    if folded:
        parts.append(_trie_pattern(list(folded)))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)
    return pattern, exact, folded


def home_country_prior(text: str, weight: float = 0.6) -> dict[str, float]:
    """ISO2 -> evidence that ``text`` happens in that country, from the organizations named."""
    pattern, exact, folded = _matcher()
    hits: dict[str, int] = {}
    for m in pattern.finditer(text):
        name = m.group(0)
        iso3 = exact.get(name) or folded.get(name.lower())
        if iso3:
            hits[iso3] = hits.get(iso3, 0) + 1
    table = countries()
    prior: dict[str, float] = {}
    for iso3, n in hits.items():
        if iso3 in table:
            iso2 = table[iso3].iso2
            prior[iso2] = min(1.0, prior.get(iso2, 0.0) + weight * min(n, 2))
    return prior
