"""Speed of the learned classifier stage: load time and sentences per second.

    python bench/classify_speed.py [--n 400] [--model M]

Sentences are composed by the project's own generator (training/generate.py, a different
seed from the shipped model's data), so no dev data is needed. The embedder runs each
sentence on its own (no padded batches), so the rate does not depend on batch size.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    from generate import generate

    rows = generate(per_class=max(1, args.n // 25), seed=101, with_none=False)
    texts = [r["text"] for r in rows][: args.n]
    words = sum(len(t.split()) for t in texts) / len(texts)

    t0 = time.perf_counter()
    from eventwire.classify import SubtypeClassifier
    from eventwire.classify.embed import get_embedder

    clf = SubtypeClassifier.load(args.model)
    t1 = time.perf_counter()
    get_embedder()
    t2 = time.perf_counter()
    clf.predict_proba(texts[:1])  # first call: ONNX warm-up
    t3 = time.perf_counter()
    clf.predict_proba(texts)
    t4 = time.perf_counter()
    vecs = get_embedder().embed(texts)
    t5 = time.perf_counter()
    clf.decision(texts, vectors=vecs)
    t6 = time.perf_counter()
    print(f"cores: {os.cpu_count()}  sentences: {len(texts)} (mean {words:.0f} words)")
    print(f"load model (import + JSON): {t1 - t0:.2f}s   load embedder (ONNX): {t2 - t1:.2f}s   "
          f"first call: {t3 - t2:.2f}s")
    print(f"predict_proba: {len(texts) / (t4 - t3):.0f} sentences/s "
          f"({1000 * (t4 - t3) / len(texts):.1f} ms each)")
    print(f"  of which embedding: {len(texts) / (t5 - t4):.0f} sentences/s; "
          f"linear model + TF-IDF: {len(texts) / (t6 - t5):.0f} sentences/s")


if __name__ == "__main__":
    main()
