"""Deduplication quality on the project-written test set (bench/store_testset.py).

    PYTHONPATH=. python bench/store_dedup_eval.py [--seed 7] [--n-base 60] [--extract]

Prints pairwise precision and recall of the store's dedup (1) on Events constructed from the
generator's ground truth with noise, and (2) with --extract, on Events that eventwire.extract
finds in the generated article texts (article-level: two articles are "merged" if they share a
canonical event).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_testset import generate, pairwise  # noqa: E402

from eventwire.records import stable_id  # noqa: E402
from eventwire.store import Store  # noqa: E402


def _eval_constructed(reports, db: str) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    with Store.open(db) as store:
        pred = []
        for r in reports:
            res = store.add_article(r.article, [r.event])
            pred.append(res.canonical_ids[0])
        # the final state: later reports may have merged events or moved a report
        pred = [_final_ids(store, r.article, [r.event])[0] for r in reports]
        n_canon = len(set(pred))
    truth = [r.truth for r in reports]
    p, rc, tp, fp, fn = pairwise(truth, pred)
    print(f"constructed events: {len(reports)} mentions of {len(set(truth))} true events -> "
          f"{n_canon} canonical events in {time.perf_counter() - t0:.1f}s")
    print(f"  pairwise precision {p:.3f}  recall {rc:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    return tp, fp, fn


def _eval_extracted(reports, db: str) -> None:  # type: ignore[no-untyped-def]
    import eventwire

    if not hasattr(eventwire, "extract"):
        print("extracted events: eventwire.extract not available on this branch; skipped")
        return
    t0 = time.perf_counter()
    canon_sets: list[set[str]] = []
    all_events: list[list] = []
    n_events = n_empty = wrong_type = 0
    problems: Counter[str] = Counter()
    truth_type = {r.truth: r.event.event_type for r in reports}
    with Store.open(db) as store:
        for r in reports:
            evs = eventwire.extract(r.article.text, published=r.article.published,
                                    url=r.article.url)
            for e in evs:  # keep the article's own id so the store links them
                e.article_id = r.article.article_id
            n_events += len(evs)
            n_empty += not evs
            wrong_type += sum(e.event_type != truth_type[r.truth] for e in evs)
            _diagnose(r.event, evs, problems)
            store.add_article(r.article, evs)
            all_events.append(evs)
        # the final state: later reports may have merged events or moved a report
        canon_sets = [set(_final_ids(store, r.article, evs)) for r, evs in zip(
            reports, all_events, strict=True)]
    truth = [r.truth for r in reports]
    tp = fp = fn = 0
    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            same_t = truth[i] == truth[j]
            same_p = bool(canon_sets[i] & canon_sets[j])
            tp += same_t and same_p
            fp += same_p and not same_t
            fn += same_t and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    print(f"extracted events: {len(reports)} articles -> {n_events} events "
          f"({n_empty} articles with none, {wrong_type} events of another type than the truth) "
          f"in {time.perf_counter() - t0:.1f}s")
    print(f"  article-pairwise precision {p:.3f}  recall {rc:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print("  where the extracted event (first of its article) differs from the report's truth: "
          + ", ".join(f"{k} {v}" for k, v in problems.most_common()))


def _final_ids(store, article, events) -> list[str]:  # type: ignore[no-untyped-def]
    """The canonical events an article's events belong to once all reports are in."""
    out = []
    for e in events:
        m = store.mention(stable_id(article.article_id, e.event_id, length=20))
        if m is not None and m.canonical_id and m.canonical_id not in out:
            out.append(m.canonical_id)
    return out


def _diagnose(truth, evs, problems: Counter[str]) -> None:  # type: ignore[no-untyped-def]
    """Count what the extractor got wrong for one article, by field."""
    from eventwire import dedup

    if not evs:
        problems["no event"] += 1
        return
    e = evs[0]
    if e.event_type != truth.event_type:
        problems["event type"] += 1
    d1, d2 = dedup.parse_date(e.date), dedup.parse_date(truth.date)
    if d1 is None or d2 is None or abs((d1 - d2).days) > 1:
        problems["date >1 day off"] += 1
    loc, tl = e.location, truth.location
    if loc is None or loc.lat is None:
        problems["no place"] += 1
    elif loc.iso3 != tl.iso3:
        problems["wrong country"] += 1
    elif dedup.haversine_km(loc.lat, loc.lon, tl.lat, tl.lon) > 30 and loc.geo_precision < 3:
        problems["place >30 km off"] += 1
    ka = [dedup.actor_key(a.name, a.inter) for a in (e.actor1, e.actor2) if a]
    kb = [dedup.actor_key(a.name, a.inter) for a in (truth.actor1, truth.actor2) if a]
    if dedup.compare_actors(ka, kb)[0] == "conflict":
        problems["actors conflict"] += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--seeds", type=int, default=1,
                    help="evaluate seeds SEED..SEED+N-1 and print pooled figures too")
    ap.add_argument("--n-base", type=int, default=60)
    ap.add_argument("--extract", action="store_true")
    args = ap.parse_args()
    total = [0, 0, 0]
    for seed in range(args.seed, args.seed + args.seeds):
        reports = generate(seed=seed, n_base=args.n_base)
        print(f"seed {seed}:")
        with tempfile.TemporaryDirectory() as d:
            counts = _eval_constructed(reports, str(Path(d) / "constructed.sqlite"))
            total = [a + b for a, b in zip(total, counts, strict=True)]
            if args.extract:
                _eval_extracted(reports, str(Path(d) / "extracted.sqlite"))
    if args.seeds > 1:
        tp, fp, fn = total
        print(f"pooled over {args.seeds} seeds: pairwise precision {tp / (tp + fp):.3f}  "
              f"recall {tp / (tp + fn):.3f}  (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
