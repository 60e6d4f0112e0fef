"""Rebuild the shipped default classifier from the project's own training data, bit for bit.

    python training/generate.py        # training/data/acled_generated.jsonl (seeded)
    python training/train_default.py   # eventwire/classify/model/acled_default.json

The data is the generated file plus the examples and descriptions in
eventwire/ontology/acled_classifier.yaml; no evaluation data is read.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.classify.model import DEFAULT_C, DEFAULT_MODEL  # noqa: E402
from eventwire.classify.training import (  # noqa: E402
    build_training_set,
    fit,
    load_ontology,
    read_examples,
)

DATA = ROOT / "training" / "data" / "acled_generated.jsonl"
ONTOLOGY = ROOT / "eventwire" / "ontology" / "acled_classifier.yaml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_MODEL)
    args = ap.parse_args()
    onto = load_ontology(ONTOLOGY)
    # the generator already includes the ontology's hand-written examples; do not add twice
    onto.examples = []
    texts, labels, parents = build_training_set(read_examples(args.data), onto, str(args.data))
    clf = fit(texts, labels, parents, c=DEFAULT_C,
              meta={"ontology": onto.name, "data": args.data.name}, progress=print)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    clf.save(args.output)
    digest = hashlib.sha256(args.output.read_bytes()).hexdigest()
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes, sha256 {digest[:16]})")


if __name__ == "__main__":
    main()
