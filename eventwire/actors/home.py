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


@functools.cache
def _matchers() -> list[tuple[re.Pattern[str], str]]:
    text = resources.files(__package__).joinpath("home_countries.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, _, names = line.partition("\t")
        exact = [n for n in names.split("|") if n and (n.isupper() or len(n) < 4)]
        folded = [n for n in names.split("|") if n and n not in exact]
        parts = []
        if exact:
            parts.append("(?-i:" + "|".join(re.escape(n) for n in sorted(exact, key=len,
                                                                          reverse=True)) + ")")
        if folded:
            parts.append("|".join(re.escape(n) for n in sorted(folded, key=len, reverse=True)))
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)
        out.append((pattern, iso3.strip()))
    return out


def home_country_prior(text: str, weight: float = 0.6) -> dict[str, float]:
    """ISO2 -> evidence that ``text`` happens in that country, from the organizations named."""
    table = countries()
    prior: dict[str, float] = {}
    for pattern, iso3 in _matchers():
        hits = len(pattern.findall(text))
        if hits and iso3 in table:
            iso2 = table[iso3].iso2
            prior[iso2] = min(1.0, prior.get(iso2, 0.0) + weight * min(hits, 2))
    return prior
