"""Score the extractor on the seed page: ../shared/dev/seed (measurement only).

Prints each gold event with the extracted event that matches it (same sub-event type,
same actors, place within 25 km or the same named place), then the checks on statements
that are not events and on page boilerplate.

    python3 bench/seed_check.py [--seed-dir ../shared/dev/seed] [--published 2017-03-06]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import eventwire
from eventwire.evaluate import haversine_km, normalize_actor

REALIS = ("asserted", "reported", "claimed")


def _matches(gold: dict, event: eventwire.Event, anchor: tuple[float, float] | None) -> bool:
    if event.sub_event_type != gold["sub_event_type"]:
        return False
    for role in ("actor1", "actor2"):
        got = getattr(event, role)
        if normalize_actor(got.name if got else None) != normalize_actor(gold.get(role)):
            return False
    loc = event.location
    if loc is None or loc.lat is None:
        return False
    point = (gold["lat"], gold["lon"]) if "lat" in gold else anchor
    if point is None:
        return loc.name == gold["location"]
    return haversine_km(loc.lat, loc.lon, point[0], point[1]) <= 25.0


def check(seed: Path, published: str, quiet: bool = False) -> tuple[int, int, int]:
    """(required gold events found, required gold events, asserted events from not-events)."""
    say = (lambda *a, **k: None) if quiet else print
    gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
    page = (seed / "mosul-page.txt").read_text(encoding="utf-8")
    events = eventwire.extract(page, published=published)
    # gold events without coordinates are placed at the coordinates of their named place
    anchors = {g["location"]: (g["lat"], g["lon"]) for g in gold["events"] if "lat" in g}
    found = 0
    required = 0
    used: set[str] = set()
    for g in gold["events"]:
        anchor = anchors.get(g["location"])
        if anchor is None:  # "Ghazlani military base", southwest of Mosul: near Mosul
            relation = g.get("location_relation", "")
            anchor = next((pt for name, pt in anchors.items() if name in relation), None)
        match = next((e for e in events if e.event_id not in used and _matches(g, e, anchor)),
                     None)
        optional = g.get("optional", False)
        required += 0 if optional else 1
        if match is not None:
            used.add(match.event_id)
            found += 0 if optional else 1
        status = "found" if match else ("missed (optional)" if optional else "MISSED")
        say(f"{g['id']:<4}{g['sub_event_type']:<36}{status:<18}"
            f"{(match.modality + ' ' + (match.attribution or '')) if match else ''}")
    say(f"\ngold events found: {found} of {required} required "
        f"({len(events)} events extracted, {len(used)} matched to gold)")

    bad = 0
    for statement in gold.get("not_events", []):
        phrase = re.sub(r"\s*\(.*\)\s*$", "", statement)
        parts = [p.strip() for p in phrase.split("/")]
        hits = [e for e in events if e.modality in REALIS and e.evidence
                and any(p and p in e.evidence.text for p in parts)
                and (e.trigger or "") and any(p and (e.trigger in p) for p in parts)]
        bad += len(hits)
        say(f"not an event: {phrase!r}: {'ok' if not hits else f'{len(hits)} asserted event(s)'}")
    say(f"asserted events from not-events or boilerplate: {bad}")
    return found, required, bad


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed-dir", default=str(here.parent / "shared" / "dev" / "seed"))
    parser.add_argument("--published", default="2017-03-06")
    args = parser.parse_args()
    seed = Path(args.seed_dir)
    if not (seed / "gold.json").is_file():
        print(f"seed_check: no gold.json in {seed}; skipped", file=sys.stderr)
        return 0
    check(seed, args.published)
    return 0


if __name__ == "__main__":
    sys.exit(main())
