"""Full-length articles the project wrote (bench/articles/): events told as fact in articles
that report none, and whether those that report one give it.

    python bench/article_check.py [--explain]

ACLED's notes and AG News items are one paragraph long; real feeds are whole articles with a
headline, a lead and a frame (a match report, a crash, an obituary, a commemoration). Each
article is labelled in bench/articles/expected.tsv: ``none`` (no event ACLED would code),
``event`` (at least one) or ``unsure`` (coders differ; listed, not counted). The articles were
read while building the relevance stage, so this is a tune set: a check of regressions and
of the general case, not a measure of unseen text. Figures only, nothing asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

HERE = Path(ROOT) / "bench" / "articles"
FACT = ("asserted", "reported", "claimed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--explain", action="store_true",
                        help="also print each event told as fact, with why it was kept")
    args = parser.parse_args()

    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    labels = {}
    for line in (HERE / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, expect, note, *day = line.split("\t", 3)
            labels[name] = (expect, note, day[0].strip() if day else "")
    pipe = Pipeline()
    false_events = none_with = none_total = found = event_total = 0
    for name, (expect, note, day) in sorted(labels.items()):
        # the day the article was published, when its row gives one (its weekdays and
        # "last week" are read against it), else the batch's first report day
        report = dt.date.fromisoformat(day) if day else dt.date(2024, 5, 6)
        text = (HERE / name).read_text(encoding="utf-8")
        events = [e for e in pipe.extract(Article(text, published=report, article_id=name))
                  if e.modality in FACT]
        print(f"{name:22s} {expect:7s} {len(events):2d}  {note}")
        if args.explain:
            for e in events:
                print(f"{'':33s}{e.sub_event_type} | {e.trigger} | {e.explanation}")
        if expect == "none":
            none_total += 1
            none_with += bool(events)
            false_events += len(events)
        elif expect == "event":
            event_total += 1
            found += bool(events)
    print(f"\narticles without an event: {none_with} of {none_total} give one "
          f"({false_events} events told as fact)")
    print(f"articles with an event: {found} of {event_total} give one")


if __name__ == "__main__":
    main()
