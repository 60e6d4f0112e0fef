"""Score the learned classifier alone on an ACLED-format JSONL file (measurement only).

    python bench/classify_eval.py ../shared/dev/acled-2022/acled-2022.jsonl [--model M]
        [--limit N] [--rows even|odd|all]

Reads each row's `text` and compares the model's best label (ignoring "none": every row is
an event) with `sub_event_type`, and the label's parent with `event_type`. Prints accuracy
(= micro-F1 for single-label data), macro-F1 and a per-class table. The file is only read;
nothing from it is stored.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eventwire.classify import NONE_LABEL, SubtypeClassifier  # noqa: E402

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared/dev/acled-2022/acled-2022.jsonl"


def table(gold: list[str], pred: list[str], title: str) -> tuple[float, float]:
    labels = sorted(set(gold) | set(pred))
    tp = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    gc, pc = Counter(gold), Counter(pred)
    print(f"\n{title:<40} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8}")
    f1s = []
    for lab in labels:
        p = tp[lab] / pc[lab] if pc[lab] else 0.0
        r = tp[lab] / gc[lab] if gc[lab] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if gc[lab]:
            f1s.append(f)
        print(f"{lab[:40]:<40} {p:6.3f} {r:6.3f} {f:6.3f} {gc[lab]:8d}")
    acc = sum(tp.values()) / len(gold)
    macro = sum(f1s) / len(f1s)
    print(f"{'accuracy (micro-F1)':<40} {acc:6.4f}   macro-F1 {macro:6.4f}   n={len(gold)}")
    return acc, macro


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--model", default=None, help="model file (default: the shipped model)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rows", choices=["all", "even", "odd"], default="all",
                    help="score only even or odd rows (for the half/half experiment)")
    args = ap.parse_args()
    if not args.file.is_file():
        print(f"classify_eval: {args.file} not found; skipped")
        return
    rows = [json.loads(line) for line in args.file.open(encoding="utf-8") if line.strip()]
    if args.rows != "all":
        rows = rows[(0 if args.rows == "even" else 1)::2]
    if args.limit:
        rows = rows[: args.limit]
    clf = SubtypeClassifier.load(args.model)
    t0 = time.perf_counter()
    preds = clf.predict([r["text"] for r in rows], allow_none=False)
    dt = time.perf_counter() - t0
    sub_gold = [r["sub_event_type"] for r in rows]
    sub_pred = [p for p, _ in preds]
    et_pred = [clf.event_type(p) or p for p in sub_pred]
    print(f"model: {args.model or 'shipped default'}  rows: {len(rows)}  "
          f"{len(rows) / dt:.0f} sentences/s")
    a1, m1 = table([r["event_type"] for r in rows], et_pred, "event_type")
    a2, m2 = table(sub_gold, sub_pred, "sub_event_type")
    print(f"\nSUMMARY event_type acc={a1:.4f} macroF1={m1:.4f} | "
          f"sub_event_type acc={a2:.4f} macroF1={m2:.4f}")
    _ = NONE_LABEL


if __name__ == "__main__":
    main()
