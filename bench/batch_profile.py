"""Where a batch worker's CPU time goes: NER against everything else, stage by stage.

    python bench/batch_profile.py [-n 400] [--batch-size 32] [--cprofile 30] [--dense]

Runs the project-written benchmark corpus (bench/corpus.py) through the code a batch worker
runs (eventwire.batch.worker: JSONL ingest, the cue prefilter, nlp.pipe in batches, the
event stages) in this one process, and prints CPU seconds per stage (user + system), per
article and as a share of the spaCy time. ``--cprofile N`` also prints the N functions with
the most own time in the event stages. Stage timers wrap module functions, so a stage that
calls another counts it too (geoparse is inside events). Figures only, nothing asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import os
import pstats
import sys
import time
from collections import Counter
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    ap.add_argument("--dense", action="store_true",
                    help="every article reports an event (the event-dense mix)")
    args = ap.parse_args()

    import eventwire.pipeline as pl
    from bench.corpus import generate
    from eventwire.batch.worker import Chunk, _jsonl_items, _prefilter, init_worker

    init_worker()
    pipeline = pl.default_pipeline()
    nlp = pl.load_model()
    rows = generate(args.n, seed=args.seed, dense=args.dense)
    lines = [json.dumps(r, ensure_ascii=False).encode() for r in rows]
    cpu: Counter[str] = Counter()

    def timed(label: str, fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                cpu[label] += time.process_time() - t
        return wrapper

    geocoder = pipeline.geocoder
    for owner, name, label in [
        (pl, "_sentences", "sentences"), (pl.Pipeline, "_detect", "cue detection"),
        (pl, "find_dates", "dates"), (pl._actors, "find_actors", "actors"),
        (type(geocoder), "geoparse", "geoparse"), (pl, "people_with_roles", "people"),
        (pl, "attribution_of", "attribution"), (pl.Pipeline, "_build", "build events"),
    ]:
        setattr(owner, name, timed(label, getattr(owner, name)))

    t = time.process_time()
    articles = [a for a in _jsonl_items(Chunk("p", lines=lines, source="corpus.jsonl"))
                if not isinstance(a, tuple) and hasattr(a, "text")]
    cpu["ingest (JSON, cleaning, language)"] += time.process_time() - t
    t = time.process_time()
    kept = [a for a in articles if _prefilter().may_have_events(a.text)]
    cpu["cue prefilter"] += time.process_time() - t
    docs = []
    t = time.process_time()
    for i in range(0, len(kept), args.batch_size):
        docs += list(nlp.pipe([a.text for a in kept[i:i + args.batch_size]]))
    cpu["spaCy (sentence splitter + NER)"] += time.process_time() - t
    prof = cProfile.Profile() if args.cprofile else None
    t = time.process_time()
    if prof:
        prof.enable()
    events = sum(len(pipeline.events_from_doc(a, d)) for a, d in zip(kept, docs, strict=True))
    if prof:
        prof.disable()
    cpu["events (all stages)"] += time.process_time() - t

    ner = cpu["spaCy (sentence splitter + NER)"]
    print(f"{len(articles)} articles, {len(kept)} past the cue prefilter, {events} events; "
          f"CPU seconds (user + system){' under cProfile' if prof else ''}:")
    for label, sec in cpu.most_common():
        print(f"  {label:34s} {sec:7.2f} s  {1000 * sec / max(len(kept), 1):6.2f} ms/parsed "
              f"article  {100 * sec / ner:5.1f}% of spaCy")
    other = sum(v for k, v in cpu.items() if k in (
        "ingest (JSON, cleaning, language)", "cue prefilter", "events (all stages)"))
    print(f"  everything but spaCy: {other:.2f} s = {100 * other / ner:.1f}% of spaCy")
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
