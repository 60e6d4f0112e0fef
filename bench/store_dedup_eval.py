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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_testset import generate, pairwise  # noqa: E402

from eventwire.store import Store  # noqa: E402


def _eval_constructed(reports, db: str) -> None:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    with Store.open(db) as store:
        pred = []
        for r in reports:
            res = store.add_article(r.article, [r.event])
            pred.append(res.canonical_ids[0])
        n_canon = store.stats()["canonical_events"]
    truth = [r.truth for r in reports]
    p, rc, tp, fp, fn = pairwise(truth, pred)
    print(f"constructed events: {len(reports)} mentions of {len(set(truth))} true events -> "
          f"{n_canon} canonical events in {time.perf_counter() - t0:.1f}s")
    print(f"  pairwise precision {p:.3f}  recall {rc:.3f}  (tp {tp}, fp {fp}, fn {fn})")


def _eval_extracted(reports, db: str) -> None:  # type: ignore[no-untyped-def]
    import eventwire

    if not hasattr(eventwire, "extract"):
        print("extracted events: eventwire.extract not available on this branch; skipped")
        return
    t0 = time.perf_counter()
    canon_sets: list[set[str]] = []
    n_events = n_empty = wrong_type = 0
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
            res = store.add_article(r.article, evs)
            canon_sets.append(set(res.canonical_ids))
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n-base", type=int, default=60)
    ap.add_argument("--extract", action="store_true")
    args = ap.parse_args()
    reports = generate(seed=args.seed, n_base=args.n_base)
    with tempfile.TemporaryDirectory() as d:
        _eval_constructed(reports, str(Path(d) / "constructed.sqlite"))
        if args.extract:
            _eval_extracted(reports, str(Path(d) / "extracted.sqlite"))


if __name__ == "__main__":
    main()
