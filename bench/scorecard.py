"""One scorecard for every dev set in ../shared/dev (measurement only; nothing is copied).

Runs the extractor on each set and prints one table:

* ACLED-style sets (acled-2022, each acled-wide set) and UCDP (ucdp-syria): rows with an
  event, then per-field accuracy as ``eventwire eval`` scores it (event_type, sub_event_type,
  actor1, actor2, country, admin1, place within 25 km, date, fatalities), plus the place
  within 25 km on the rows whose text names the gold place ("25km named").
* news-negatives: events told as fact (asserted, reported or claimed) per 1,000 items, by
  label, and the most frequent of them by sub-type and trigger word (no text is printed:
  it is a check set).
* the seed page: gold events found, and asserted events from its not-events.

Each set is read as one collection, as a user would run ``--focus auto`` on a feed: a first
pass over the texts alone (no gold) finds the countries a quarter of them name, which then
lean ambiguous names their way (``--focus off`` to skip; ``--focus declared`` gives the
single-country sets their country, as a user of such a feed would). Sets are sampled evenly to
``--limit`` rows each (0: all rows); two worker processes share the sets.

    python3 bench/scorecard.py [--limit 3000] [--workers 2] [--model none] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "dev"
REALIS = ("asserted", "reported", "claimed")

SETS: list[tuple[str, str, str]] = [  # (name, kind, path under dev/)
    ("acled-2022", "gold", "acled-2022/acled-2022.jsonl"),
    ("kenya-2004-2019", "gold", "acled-wide/kenya-2004-2019.jsonl"),
    ("burkina-faso-1997-2020", "gold", "acled-wide/burkina-faso-1997-2020.jsonl"),
    ("bangladesh-2022-2024", "gold", "acled-wide/bangladesh-2022-2024.jsonl"),
    ("asia-2015-india-pakistan", "gold", "acled-wide/asia-2015-india-pakistan.jsonl"),
    ("ucdp-syria", "gold", "ucdp-syria/ucdp-syria.jsonl"),
    ("news-negatives", "negatives", "news-negatives/agnews-nonworld.jsonl"),
    ("seed", "seed", "seed"),
]
# what a user of a single-country feed declares with --focus (the sets' README names them)
DECLARED = {"kenya-2004-2019": "KE", "burkina-faso-1997-2020": "BF",
            "bangladesh-2022-2024": "BD", "ucdp-syria": "SY"}
COLUMNS = ("found", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
           "location_25km", "named_25km", "date", "fatalities")
HEAD = ("found", "ev_type", "sub_type", "actor1", "actor2", "country", "admin1", "25km",
        "25km nm", "date", "deaths")


def _sample(rows: list[Any], limit: int) -> list[Any]:
    if not limit or len(rows) <= limit:
        return rows
    step = len(rows) / limit
    return [rows[int(i * step)] for i in range(limit)]


def _pipeline(model: str, focus: dict[str, float] | None) -> Any:
    from eventwire.pipeline import pipeline_for

    return pipeline_for(model, focus)


def _focus(texts: list[str], use: bool | str) -> dict[str, float]:
    if not use:
        return {}
    from eventwire.geo import Geocoder

    if isinstance(use, str):
        return Geocoder.default().parse_focus(use)
    return Geocoder.default().focus_of(texts)


def _run_gold(name: str, path: Path, limit: int, model: str,
              focus: bool | str) -> dict:
    from eventwire.dates import parse_date
    from eventwire.evaluate import Report, _gold, haversine_km, score
    from eventwire.ontology import fold
    from eventwire.pipeline import primary_event
    from eventwire.records import Article

    raw = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = _sample([r for r in raw if r.get("text")], limit)
    golds = [_gold(r) for r in rows]
    started = time.perf_counter()
    pipe = _pipeline(model, _focus([g.text for g in golds], focus))
    report = Report()
    named = [0, 0]
    articles = (Article(text=g.text, article_id=g.id or str(i), published=parse_date(g.report_date),
                        source_name=f"{name}#{g.id}") for i, g in enumerate(golds))
    for row, gold, (_, events) in zip(rows, golds, pipe.extract_many(articles), strict=True):
        event = primary_event(events)
        score(gold, event, report)
        loc = str(row.get("location") or "")
        if loc and row.get("lat") is not None and fold(loc) in fold(gold.text):
            place = event.location if event else None
            named[1] += 1
            named[0] += int(place is not None and place.lat is not None and haversine_km(
                place.lat, place.lon, float(row["lat"]), float(row["lon"])) <= 25.0)
    seconds = time.perf_counter() - started
    out: dict[str, Any] = {"set": name, "rows": report.records, "seconds": round(seconds, 1),
                           "focus": ",".join(sorted(pipe.focus)) or "-",
                           "found": report.with_event / max(report.records, 1)}
    for f in COLUMNS[1:]:
        if f == "named_25km":
            out[f] = named[0] / named[1] if named[1] else None
        else:
            out[f] = report.accuracy(f)
    return out


def _run_negatives(path: Path, limit: int, model: str) -> dict:
    from eventwire.records import Article

    rows = _sample([json.loads(line) for line in path.open(encoding="utf-8") if line.strip()],
                   limit * 2 if limit else 0)
    started = time.perf_counter()
    pipe = _pipeline(model, None)
    items: Counter[str] = Counter()
    events: Counter[str] = Counter()
    with_event: Counter[str] = Counter()
    kinds: Counter[tuple[str, str, str]] = Counter()
    dropped: Counter[str] = Counter()

    def articles():  # type: ignore[no-untyped-def]
        for i, r in enumerate(rows):
            text = ". ".join(p for p in (r.get("title"), r.get("text")) if p)
            yield Article(text=text, article_id=str(r.get("id", i)), source_name=f"neg#{i}")

    for row, (_, found) in zip(rows, pipe.extract_many(articles()), strict=True):
        label = str(row.get("label") or "?")
        items[label] += 1
        told = [e for e in found if e.modality in REALIS]
        events[label] += len(told)
        with_event[label] += int(bool(told))
        for e in told:
            why = getattr(e, "explanation", "") or ""
            kinds[(e.sub_event_type, (e.trigger or "").lower(), why)] += 1
        for e in found:
            if e.modality not in REALIS:
                dropped[e.modality] += 1
    return {"set": "news-negatives", "rows": len(rows),
            "seconds": round(time.perf_counter() - started, 1),
            "per_1000": {k: 1000 * events[k] / items[k] for k in sorted(items)},
            "items_with_event": {k: with_event[k] / items[k] for k in sorted(items)},
            "top": [[*k, n] for k, n in kinds.most_common(20)],
            "not_realis": dict(dropped)}


def _run_seed(path: Path) -> dict:
    sys.path.insert(0, str(HERE))
    import seed_check  # bench/seed_check.py

    found, required, bad = seed_check.check(path, "2017-03-06", quiet=True)
    return {"set": "seed", "found": found, "required": required, "not_events_asserted": bad}


def _run(spec: tuple[str, str, str], limit: int, model: str, focus: str) -> dict:
    name, kind, rel = spec
    path = DEV / rel
    if not path.exists():
        return {"set": name, "missing": str(path)}
    if kind == "gold":
        use: bool | str = focus != "off"
        if focus == "declared":
            use = DECLARED.get(name, True)
        return _run_gold(name, path, limit, model, use)
    if kind == "negatives":
        return _run_negatives(path, limit, model)
    return _run_seed(path)


def _fmt(v: Any) -> str:
    return "   n/a" if v is None else f"{v:6.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=3000,
                        help="rows per set, sampled evenly (0: all; negatives get twice this)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", default="default",
                        help="as extract's --model: default, none (the rules alone) or a file")
    parser.add_argument("--focus", choices=("auto", "declared", "off"), default="auto",
                        help="auto: a first pass finds each set's countries; declared: the "
                             "single-country sets' country, as a user of such a feed would "
                             "declare it (--focus KE), auto for the others; off: none")
    parser.add_argument("--only", default="", help="comma-separated set names")
    parser.add_argument("--json", default=None, help="also write the figures here")
    args = parser.parse_args()
    specs = [s for s in SETS if not args.only or s[0] in args.only.split(",")]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.workers)) as pool:
        results = list(pool.map(_run, specs, [args.limit] * len(specs),
                                [args.model] * len(specs), [args.focus] * len(specs)))
    print(f"scorecard (limit {args.limit or 'all'} rows a set, model {args.model}, "
          f"focus {args.focus}), {time.perf_counter() - started:.0f}s\n")
    print(f"{'set':<26}{'rows':>6} {'focus':<6}" + "".join(f"{h:>9}" for h in HEAD))
    for r in results:
        if "missing" in r or r["set"] in ("news-negatives", "seed"):
            continue
        print(f"{r['set']:<26}{r['rows']:>6} {r['focus'][:6]:<6}"
              + "".join(f"{_fmt(r[c]):>9}" for c in COLUMNS))
    for r in results:
        if "missing" in r:
            print(f"{r['set']}: skipped ({r['missing']} not found)")
        elif r["set"] == "news-negatives":
            print(f"\nnews-negatives ({r['rows']} items): events told as fact per 1,000 items "
                  "(items with one)")
            for label, rate in r["per_1000"].items():
                print(f"  {label:<12}{rate:7.1f}  ({r['items_with_event'][label]:.1%})")
            print(f"  not told as fact (kept with their modality): {r['not_realis']}")
            print("  most frequent remaining (sub-type | trigger | why kept | n):")
            for sub, trigger, why, n in r["top"]:
                print(f"    {n:>3}  {sub} | {trigger} | {why}")
        elif r["set"] == "seed":
            print(f"\nseed page: {r['found']} of {r['required']} gold events found; "
                  f"asserted events from not-events: {r['not_events_asserted']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
