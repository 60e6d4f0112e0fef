"""Speed of the core extractor: 1,000 project-written articles (bench/corpus.py) through
``Pipeline.extract_many`` in one process; prints articles/s and peak memory (RSS).

    python bench/extract_speed.py [-n 1000] [--prefilter]

The model and gazetteer are loaded (and timed) before the clock starts. With --prefilter,
articles without any event cue skip spaCy as in ``eventwire batch``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.corpus import generate  # noqa: E402
from eventwire.records import Article  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--prefilter", action="store_true")
    args = ap.parse_args()

    rows = generate(args.n, seed=args.seed)
    articles = [Article(text=r["text"], article_id=r["id"], url=r["url"], title=r["title"],
                        published=dt.date.fromisoformat(r["published"])) for r in rows]
    words = sum(len(a.text.split()) for a in articles)

    t0 = time.perf_counter()
    from eventwire.batch.worker import _prefilter, init_worker
    from eventwire.pipeline import default_pipeline

    init_worker()
    load = time.perf_counter() - t0
    pipeline = default_pipeline()
    pre = _prefilter()

    t0 = time.perf_counter()
    todo = [a for a in articles if not args.prefilter or pre.may_have_events(a.text)]
    events = sum(len(ev) for _, ev in pipeline.extract_many(todo, args.batch_size))
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"extract_speed: {len(articles)} articles, {words / len(articles):.0f} words each "
          f"on average, {events} events"
          + (f", {len(articles) - len(todo)} skipped by the cue prefilter"
             if args.prefilter else ""))
    print(f"  model + gazetteer load: {load:.1f} s")
    print(f"  extraction: {elapsed:.1f} s = {len(articles) / elapsed:.1f} articles/s "
          f"({words / elapsed:,.0f} words/s) in one process")
    print(f"  peak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
