"""Dedup quality on the project's seeded test set (bench/store_testset.py): the bar the issue
sets, pairwise precision >= 0.95 and recall >= 0.90, pooled over four seeds."""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.records import stable_id
from eventwire.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from store_testset import generate, pairwise  # noqa: E402


def test_pairwise_precision_and_recall_on_generated_reports(tmp_path: Path) -> None:
    truth: list[str] = []
    pred: list[str] = []
    for seed in (1, 2, 3, 4):
        reports = generate(seed=seed, n_base=60)
        with Store.open(tmp_path / f"q{seed}.sqlite") as store:
            for r in reports:
                store.add_article(r.article, [r.event])
            for r in reports:  # the final state: later reports may merge events or move one
                m = store.mention(stable_id(r.article.article_id, r.event.event_id, length=20))
                assert m is not None and m.canonical_id
                truth.append(f"{seed}:{r.truth}")
                pred.append(f"{seed}:{m.canonical_id}")
        # at least 50 distinct events, each told by 3-6 outlets
        assert len({r.truth for r in reports}) >= 50
    p, r, *_ = pairwise(truth, pred)
    assert p >= 0.95, f"precision {p:.3f}"
    assert r >= 0.90, f"recall {r:.3f}"
