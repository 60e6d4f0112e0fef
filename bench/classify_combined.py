"""Rules, model and their combination on ACLED-format rows (measurement only).

    python bench/classify_combined.py ../shared/dev/acled-2022/acled-2022.jsonl --limit 3000

Runs the rule extractor (eventwire.pipeline) on each row's `text`, takes the primary
event's sub-type as the rule proposal, scores the row's text with the classifier, and
prints event_type / sub_event_type accuracy for: rules alone, model alone, and
``combine()`` at several rule weights. Rows where the rules find no event count as wrong
for every policy that needs the rules (the extractor decides whether there is an event);
"model alone" is also shown over all rows.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eventwire.classify import SubtypeClassifier, combine  # noqa: E402
from eventwire.classify.mappings import event_type_for  # noqa: E402

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared/dev/acled-2022/acled-2022.jsonl"
WEIGHTS = (0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    if not args.file.is_file():
        print(f"classify_combined: {args.file} not found; skipped")
        return
    from eventwire.evaluate import parse_date, read_gold
    from eventwire.pipeline import Pipeline, primary_event
    from eventwire.records import Article

    golds = list(read_gold(args.file, args.limit))
    t0 = time.perf_counter()
    pipe = Pipeline(classifier=None)  # the rules alone: their proposal
    arts = (Article(text=g.text, article_id=g.id or "", published=parse_date(g.report_date))
            for g in golds)
    rules = []
    for _, events in pipe.extract_many(arts):
        ev = primary_event(events)
        rules.append((ev.sub_event_type, ev.confidence) if ev else None)
    t1 = time.perf_counter()
    clf = SubtypeClassifier.load(args.model)
    probs = clf.predict_proba([g.text for g in golds])
    t2 = time.perf_counter()
    gold_sub = [g.fields.get("sub_event_type") for g in golds]
    gold_et = [g.fields.get("event_type") for g in golds]
    n = len(golds)
    print(f"rows: {n}  rules: {t1 - t0:.0f}s ({n / (t1 - t0):.1f}/s)  "
          f"model: {t2 - t1:.0f}s ({n / (t2 - t1):.1f}/s)  "
          f"rows with a rule event: {sum(r is not None for r in rules)}")

    def report(name: str, preds: list[str | None]) -> None:
        sub = sum(p == g for p, g in zip(preds, gold_sub, strict=True)) / n
        et = sum(p is not None and event_type_for(p) == g
                 for p, g in zip(preds, gold_et, strict=True)) / n
        print(f"{name:<34} event_type {et:.4f}   sub_event_type {sub:.4f}")

    model_only = [combine({}, p)[0] for p in probs]
    report("rules alone", [r[0] if r else None for r in rules])
    report("model alone (all rows)", model_only)
    report("model on rule events", [m if r else None for m, r in zip(model_only, rules,
                                                                     strict=True)])
    for w in WEIGHTS:
        report(f"combine(rule_weight={w})",
               [combine({r[0]: 1.0}, p, rule_weight=w)[0] if r else None
                for r, p in zip(rules, probs, strict=True)])
    for w in (0.3, 0.5, 0.7):  # the rule's own confidence as its score
        report(f"combine(conf, rule_weight={w})",
               [combine({r[0]: r[1]}, p, rule_weight=w)[0] if r else None
                for r, p in zip(rules, probs, strict=True)])


if __name__ == "__main__":
    main()
