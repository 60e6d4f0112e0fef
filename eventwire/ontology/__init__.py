"""Taxonomies and country data, read once from the data files beside this module."""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def data_path(name: str) -> Any:
    return resources.files(__package__).joinpath(name)


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-light form used to compare names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return " ".join(text.lower().replace("-", " ").replace(".", "").split())


@dataclass(frozen=True, slots=True)
class Taxonomy:
    event_type_of: dict[str, str]  # sub-event type -> event type
    disorder_of: dict[str, str]  # sub-event type -> disorder type
    inter_codes: dict[int, str]

    @property
    def sub_event_types(self) -> list[str]:
        return list(self.event_type_of)


@functools.cache
def acled() -> Taxonomy:
    raw = yaml.safe_load(data_path("acled.yaml").read_text(encoding="utf-8"))
    event_type_of: dict[str, str] = {}
    disorder_of: dict[str, str] = {}
    for event_type, spec in raw["event_types"].items():
        overrides = spec.get("disorder_overrides") or {}
        for sub in spec["sub_event_types"]:
            event_type_of[sub] = event_type
            disorder_of[sub] = overrides.get(sub, spec["disorder_type"])
    inter = {int(k): v for k, v in raw["inter_codes"].items()}
    return Taxonomy(event_type_of, disorder_of, inter)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    numeric: int
    name: str
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]


@functools.cache
def countries() -> dict[str, Country]:
    """All countries by ISO3, from countries.tsv."""
    text = data_path("countries.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    out: dict[str, Country] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        out[row["iso3"]] = Country(
            iso3=row["iso3"],
            iso2=row["iso2"],
            numeric=int(row["numeric"] or 0),
            name=row["name"],
            demonyms=tuple(d for d in row["demonyms"].split(",") if d),
            aliases=tuple(a for a in row["aliases"].split(",") if a),
        )
    return out


@functools.cache
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name/alias/code -> iso3, folded demonym -> iso3)."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for c in countries().values():
        for key in (c.name, *c.aliases, c.iso3):
            names.setdefault(fold(key), c.iso3)
        for d in c.demonyms:
            demonyms.setdefault(fold(d), c.iso3)
    return names, demonyms


def country_iso3(text: str, *, demonyms: bool = True) -> str | None:
    """ISO3 for a country name, alias, ISO2/ISO3/numeric code or (optionally) a demonym."""
    if not text:
        return None
    raw = text.strip()
    if raw.isdigit():
        num = int(raw)
        return next((c.iso3 for c in countries().values() if c.numeric == num), None)
    if len(raw) == 2 and raw.isupper():
        return next((c.iso3 for c in countries().values() if c.iso2 == raw), None)
    names, dems = _country_index()
    key = fold(raw)
    if key.startswith("the "):
        key = key[4:]
    return names.get(key) or (dems.get(key) if demonyms else None)


def country_name(iso3: str | None) -> str | None:
    c = countries().get(iso3 or "")
    return c.name if c else None


@functools.cache
def acled_regions() -> dict[str, str]:
    """ISO3 -> ACLED's region ("Western Africa", "Middle East", "Caucasus and Central Asia").

    Each country's UN M49 region comes from the countryinfo package's data files (only read,
    never imported); acled_regions.tsv maps those to ACLED's regions and lists the countries
    ACLED places otherwise. Without countryinfo only the listed countries have a region.
    """
    text = data_path("acled_regions.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    by_un: dict[str, str] = {}
    by_country: dict[str, str] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        (by_un if row["kind"] == "un" else by_country)[row["key"]] = row["acled_region"]
    out: dict[str, str] = {}
    for iso3, un in _un_regions().items():
        region = by_un.get(un[1]) or by_un.get(un[0])
        if region:
            out[iso3] = region
    out.update(by_country)
    return out


def acled_region(iso3: str | None) -> str:
    """ACLED's region of a country by ISO3; "" when unknown."""
    return acled_regions().get((iso3 or "").upper(), "")


def _un_regions() -> dict[str, tuple[str, str]]:
    """ISO3 -> (UN subregion, UN intermediate region or ""), from countryinfo's data files."""
    try:
        spec = importlib.util.find_spec("countryinfo")
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for path in sorted((Path(locations[0]) / "data").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            iso3 = (data.get("ISO") or {}).get("alpha3")
            sub, inter = data.get("subregion") or "", data.get("intermediateregion") or ""
        except (OSError, ValueError, TypeError, AttributeError):
            continue
        if isinstance(iso3, str) and isinstance(sub, str) and isinstance(inter, str):
            out.setdefault(iso3.upper(), (sub, inter))
    return out
