"""The seed page through the reader layer: boilerplate removed, title, captions, caption date.

    python bench/ingest_seed.py [PATH]   # default: the dev seed page, skipped when absent

Reads the dev data at run time only (measurement); nothing from it is kept in the project.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.ingest import InputFailure, read_inputs  # noqa: E402
from eventwire.ingest.text import is_boilerplate  # noqa: E402

_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\s+\d{4}\b"
)


def _seed_path() -> Path | None:
    candidates = [os.environ.get("EVENTWIRE_DEV", "")]
    candidates += [str(p / "shared" / "dev") for p in (ROOT.parent, ROOT.parent.parent)]
    for base in filter(None, candidates):
        path = Path(base) / "seed" / "mosul-page.txt"
        if path.exists():
            return path
    return None


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else _seed_path()
    if path is None:
        print("seed page not found (set EVENTWIRE_DEV): skipped")
        return
    (item,) = list(read_inputs([str(path)]))
    if isinstance(item, InputFailure):
        sys.exit(f"FAILED: {item}")
    raw_lines = [ln.strip() for ln in path.read_text("utf-8").splitlines() if ln.strip()]
    kept = set(item.text.split("\n\n"))
    dropped = [ln for ln in raw_lines if ln not in kept]
    left = [ln for ln in item.text.split("\n\n") if is_boilerplate(ln)]
    print(
        f"input lines: {len(raw_lines)}  kept: {len(raw_lines) - len(dropped)}  "
        f"dropped: {len(dropped)}"
    )
    for ln in dropped:
        print(f"  dropped: {ln[:90]!r}")
    print(f"boilerplate lines left in text: {len(left)}")
    print(f"title: {item.title!r}")
    print(f"captions: {len(item.captions)}")
    for cap in item.captions:
        print(f"  caption: {cap[:100]!r}...")
        print(f"  explicit dates in caption: {_DATE.findall(cap)}")
        print(f"  caption also in text at offset: {item.text.find(cap)}")
    body_dates = _DATE.findall(item.text.replace(item.captions[0], "") if item.captions else "")
    print(f"explicit dates in text outside captions: {body_dates}")
    print(f"language: {item.language}  published: {item.published}  raw_hash: {item.raw_hash}")


if __name__ == "__main__":
    main()
