"""Latency of the web map's filtered query on a store of 100,000 events.

Bulk-fills a SQLite store (synthetic events inserted straight into the store's tables: the
point is the query, not the extractor), serves the real app with uvicorn on 127.0.0.1 and
times GET /api/map with a bounding box + date range + event type, each request a different
random filter, through real HTTP. Prints p50/p95/p99 (and the same for the table's
/api/events page and /api/stats).

    PYTHONPATH=. python bench/web_latency.py [--events 100000] [--requests 300] [--db PATH]
        [--clients 20 [--world-grid 10]]

``--clients N`` then runs N concurrent clients over a mixed load (filtered map 40%, table
35%, stats 20%, the unfiltered world map 5%: as points, or with ``--world-grid DEG`` as
the database-counted cells a world view asks for) and prints p50/p95/p99 and errors.

The app keeps answers until the store changes (web/cache.py). Each phase starts with an
empty cache, so a phase's figures count only its own repeats (the mixed load draws its
filtered views from the same 300, and the world map repeats); the hits are printed.
``--no-cache`` measures the app without it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from eventwire.ontology import acled
from eventwire.records import stable_id
from eventwire.store import Store
from eventwire.store.schema import actors, canonical_events, places
from eventwire.web import create_app, serve_in_thread

# Synthetic country boxes (iso3, west, south, east, north): events are spread inside them.
_REGIONS = [
    ("NGA", 3.0, 4.5, 14.5, 13.5),
    ("MLI", -11.0, 10.5, 4.0, 24.5),
    ("SOM", 41.0, -1.5, 51.0, 11.5),
    ("KEN", 34.0, -4.5, 41.5, 4.5),
    ("COD", 12.5, -13.0, 31.0, 5.0),
    ("SDN", 22.0, 9.0, 38.0, 22.0),
    ("YEM", 42.5, 12.5, 53.0, 19.0),
    ("SYR", 35.8, 32.3, 42.3, 37.3),
    ("UKR", 22.3, 44.4, 40.2, 52.3),
    ("MMR", 92.2, 10.0, 101.2, 28.5),
    ("AFG", 60.5, 29.4, 74.9, 38.5),
    ("MEX", -117.1, 14.5, -86.7, 32.7),
    ("COL", -79.0, -4.2, -66.9, 12.4),
    ("BRA", -73.9, -33.7, -34.8, 5.3),
    ("IND", 68.1, 6.7, 97.4, 35.5),
    ("PHL", 117.0, 5.0, 126.6, 18.5),
    ("PAK", 60.9, 23.7, 77.8, 37.1),
    ("ETH", 33.0, 3.4, 48.0, 14.9),
    ("BFA", -5.5, 9.4, 2.4, 15.1),
    ("IRQ", 38.8, 29.1, 48.6, 37.4),
]
_START = _dt.date(2021, 1, 1)
_DAYS = 3 * 365


def fill(store: Store, n: int, seed: int = 7) -> None:
    """Insert n canonical events (plus their actors and places) in large batches."""
    rng = random.Random(seed)
    tax = acled()
    subs = list(tax.event_type_of)
    weights = [6 if tax.event_type_of[s] in ("Battles", "Protests") else 3 for s in subs]
    actor_rows = [{"id": stable_id("actor", i, length=20), "name": f"Group {i:04d}",
                   "inter": rng.randint(1, 8), "country": None} for i in range(2000)]
    place_rows, events = [], []
    for i in range(n):
        iso3, w, s, e, no = rng.choice(_REGIONS)
        lat, lon = round(rng.uniform(s, no), 5), round(rng.uniform(w, e), 5)
        pid = stable_id("place", i, length=20)
        place_rows.append({"id": pid, "name": f"Place {i}", "country": iso3, "iso3": iso3,
                           "admin1": f"{iso3}-{rng.randint(1, 12)}", "admin2": None,
                           "lat": lat, "lon": lon, "geo_precision": rng.choice((1, 1, 2, 3)),
                           "geonames_id": None, "feature_code": None})
        sub = rng.choices(subs, weights)[0]
        day = _START + _dt.timedelta(days=rng.randrange(_DAYS))
        deaths = 0 if rng.random() < 0.6 else int(rng.expovariate(1 / 6))
        n_src = 1 + int(rng.expovariate(1.0))
        events.append({
            "id": "ce" + stable_id("event", i, length=20), "status": "active",
            "merged_into": None, "event_type": tax.event_type_of[sub], "sub_event_type": sub,
            "disorder_type": tax.disorder_of[sub],
            "actor1_id": rng.choice(actor_rows)["id"],
            "actor2_id": rng.choice(actor_rows)["id"] if rng.random() < 0.6 else None,
            "place_id": pid, "iso3": iso3, "admin1": place_rows[-1]["admin1"], "lat": lat,
            "lon": lon, "geo_precision": place_rows[-1]["geo_precision"], "date": day,
            "date_first": day, "date_last": day, "time_precision": 1,
            "window_start": day - _dt.timedelta(days=2), "window_end": day + _dt.timedelta(days=2),
            "fatalities_best": deaths, "fatalities_low": deaths, "fatalities_high": deaths,
            "n_mentions": n_src, "n_sources": n_src, "n_outlets": n_src, "first_seen": day,
            "last_seen": day, "signature": {}, "reviewed": False,
        })
    with store.engine.begin() as conn:
        conn.execute(actors.insert(), actor_rows)
        for i in range(0, n, 5000):
            conn.execute(places.insert(), place_rows[i:i + 5000])
            conn.execute(canonical_events.insert(), events[i:i + 5000])
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def _random_filter(rng: random.Random, types: list[str]) -> dict[str, str]:
    """A map view over a region (bbox ~10-25 degrees), a 1-6 month window and one type."""
    _iso3, w, s, e, n = rng.choice(_REGIONS)
    cx, cy = rng.uniform(w, e), rng.uniform(s, n)
    half_w, half_h = rng.uniform(5, 12), rng.uniform(4, 9)
    start = _START + _dt.timedelta(days=rng.randrange(_DAYS - 200))
    end = start + _dt.timedelta(days=rng.randint(30, 180))
    return {"bbox": f"{cx - half_w:.3f},{max(cy - half_h, -89):.3f},{cx + half_w:.3f},"
                    f"{min(cy + half_h, 89):.3f}",
            "date_from": start.isoformat(), "date_to": end.isoformat(),
            "event_type": rng.choice(types)}


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def _time(client: httpx.Client, url: str, filters: list[dict[str, str]]) -> tuple[list, list]:
    lat, sizes = [], []
    for params in filters:
        t0 = time.perf_counter()
        r = client.get(url, params=params)
        body = r.content
        lat.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            sys.exit(f"{url}: HTTP {r.status_code}: {body[:200]!r}")
        sizes.append(len(body))
    return lat, sizes


def _mixed(base: str, clients: int, per_client: int, filters: list[dict[str, str]],
           world: dict[str, str]) -> dict[str, list[float]]:
    """``clients`` threads, each with its own connection, sending ``per_client`` requests."""
    out: dict[str, list[float]] = {"all": [], "world map": [], "errors": []}
    lock = threading.Lock()

    def client(k: int) -> None:
        rng = random.Random(100 + k)
        with httpx.Client(base_url=base, timeout=60) as c:  # sends Accept-Encoding: gzip
            for _ in range(per_client):
                roll = rng.random()
                if roll < 0.05:
                    name, url, params = "world map", "/api/map", world
                else:
                    url = ("/api/map" if roll < 0.45 else "/api/events" if roll < 0.80
                           else "/api/stats")
                    name, params = url, rng.choice(filters)
                t0 = time.perf_counter()
                try:
                    r = c.get(url, params=params)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    out["all"].append(ms)
                    out.setdefault(name, []).append(ms)
                    if not ok:
                        out["errors"].append(ms)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--db", default=None, help="SQLite file to build (default: a temp dir)")
    ap.add_argument("--clients", type=int, default=0, help="also run N concurrent clients")
    ap.add_argument("--world-grid", type=float, default=None,
                    help="the world map as cells of this many degrees (default: points)")
    ap.add_argument("--no-cache", action="store_true", help="run the app without its cache")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory() if args.db is None else None
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.sqlite"  # type: ignore[union-attr]
    if path.exists():
        path.unlink()
    store = Store.open(path)
    t0 = time.perf_counter()
    fill(store, args.events)
    print(f"filled {store.stats()['canonical_events']} events in "
          f"{time.perf_counter() - t0:.1f} s ({path.stat().st_size / 1e6:.0f} MB SQLite)")
    app = create_app(store, cache_mb=0 if args.no_cache else 64)
    cache = app.state.cache

    def fresh() -> str:  # an empty cache for the next phase; its hits so far, as text
        text = f"cache hits {cache.hits}/{cache.hits + cache.misses}"
        cache.clear()
        cache.hits = cache.misses = 0
        return text
    types = list(dict.fromkeys(acled().event_type_of.values()))
    rng = random.Random(11)
    filters = [_random_filter(rng, types) for _ in range(args.requests)]
    results = {}
    with serve_in_thread(app) as base, httpx.Client(base_url=base, timeout=60) as client:
        _time(client, "/api/map", filters[:10])  # warm-up: page cache, connection pool
        fresh()
        for name, url in (("map (bbox+dates+type)", "/api/map"),
                          ("table page (same filters)", "/api/events"),
                          ("stats (same filters)", "/api/stats")):
            lat, sizes = _time(client, url, filters)
            results[name] = lat
            print(f"{name:28s} n={len(lat)}  p50 {statistics.median(lat):6.1f} ms  "
                  f"p95 {_pct(lat, 95):6.1f} ms  p99 {_pct(lat, 99):6.1f} ms  "
                  f"max {max(lat):6.1f} ms  mean body {statistics.mean(sizes) / 1024:.1f} KiB"
                  f"  ({fresh()})")
        pts = [len(client.get("/api/map", params=f).json()["points"]) for f in filters[:50]]
        print(f"markers per map response: median {statistics.median(pts):.0f}, max {max(pts)}")
        fresh()
        # the worst case, for the record: the whole world, no filter (capped at 20,000 markers)
        for name, url in (("map, no filter", "/api/map"), ("stats, no filter", "/api/stats"),
                          ("table page, no filter", "/api/events")):
            lat, sizes = _time(client, url, [{}] * 20)
            print(f"{name:28s} n={len(lat)}  first {lat[0]:6.1f} ms  p50 "
                  f"{statistics.median(lat):6.1f} ms  p95 {_pct(lat, 95):6.1f} ms  mean body "
                  f"{statistics.mean(sizes) / 1024:.1f} KiB  ({fresh()})")
        if args.clients:
            world = {"grid": str(args.world_grid)} if args.world_grid else {}
            mixed = _mixed(base, args.clients, max(1, args.requests * 4 // args.clients),
                           filters, world)
            for name in ("all", "/api/map", "/api/events", "/api/stats", "world map"):
                lat = mixed.get(name) or [0.0]
                print(f"{args.clients} clients, {name:12s} n={len(lat):5d}  p50 "
                      f"{statistics.median(lat):6.1f} ms  p95 {_pct(lat, 95):6.1f} ms  "
                      f"p99 {_pct(lat, 99):6.1f} ms")
            print(f"{args.clients} clients: {len(mixed['errors'])} errors; world map as "
                  f"{'cells of ' + str(args.world_grid) + ' deg' if args.world_grid else 'points'}"
                  f"; {fresh()}")
    store.close()
    p95 = _pct(results["map (bbox+dates+type)"], 95)
    print(json.dumps({"events": args.events, "requests": args.requests,
                      "map_p50_ms": round(statistics.median(results["map (bbox+dates+type)"]), 1),
                      "map_p95_ms": round(p95, 1), "target_p95_ms": 200,
                      "ok": p95 < 200}))
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
