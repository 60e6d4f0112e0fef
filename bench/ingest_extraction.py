"""Main-text extraction quality: token precision / recall / F1 over bench/ingest_pages.

    python bench/ingest_make_pages.py && python bench/ingest_extraction.py [--worst N]

Tokens are lowercased word tokens compared as multisets (bag of words). Micro figures add
the counts over all pages; macro figures average the per-page scores. The gold text is the
body and the photo caption; the page headline (which goes to Article.title) is not counted
either way: a leading headline line in the text is dropped before scoring.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.errors import InputError  # noqa: E402
from eventwire.ingest import article_from_string  # noqa: E402

PAGES = Path(__file__).resolve().parent / "ingest_pages"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def score(pred: Counter[str], gold: Counter[str]) -> tuple[int, int, int]:
    return sum((pred & gold).values()), sum(pred.values()), sum(gold.values())


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--worst", type=int, default=0, help="show the N worst pages' diffs")
    args = ap.parse_args()
    pages = sorted(PAGES.glob("*.html"))
    if len(pages) < 30:
        sys.exit(f"only {len(pages)} pages in {PAGES}: run bench/ingest_make_pages.py first")
    total = [0, 0, 0]
    per_template: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    macro: list[tuple[float, float, float]] = []
    rows = []
    for page in pages:
        gold_text = page.with_suffix("").with_suffix(".gold.txt").read_text("utf-8")
        raw = page.read_bytes()
        try:
            art = article_from_string(
                raw, source=page.name, url=f"https://news.example/{page.stem}"
            )
            text = art.text
            if art.title and text.startswith(art.title):
                text = text[len(art.title) :]
        except InputError as exc:
            print(f"  {page.name}: FAILED {exc.reason}")
            text = ""
        tp, npred, ngold = score(tokens(text), tokens(gold_text))
        for acc in (total, per_template[page.stem.split("-", 1)[1]]):
            acc[0] += tp
            acc[1] += npred
            acc[2] += ngold
        page_prf = prf(tp, npred, ngold)
        macro.append(page_prf)
        rows.append((page_prf[2], page.name, text, gold_text))
    print(f"pages: {len(pages)}")
    for name, acc in sorted(per_template.items()):
        p, r, f = prf(*acc)
        print(f"  {name:<10} P={p:.3f} R={r:.3f} F1={f:.3f}")
    p, r, f = prf(*total)
    print(f"micro  token P={p:.3f} R={r:.3f} F1={f:.3f}")
    n = len(macro)
    mp, mr, mf = (sum(x[i] for x in macro) / n for i in range(3))
    print(f"macro  token P={mp:.3f} R={mr:.3f} F1={mf:.3f}")
    for f1, name, text, gold in sorted(rows)[: args.worst]:
        print(f"\n--- {name} F1={f1:.3f}")
        extra = tokens(text) - tokens(gold)
        missing = tokens(gold) - tokens(text)
        print("  extra:  ", " ".join(sorted(extra.elements()))[:400])
        print("  missing:", " ".join(sorted(missing.elements()))[:400])


if __name__ == "__main__":
    main()
