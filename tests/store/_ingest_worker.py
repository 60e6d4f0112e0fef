"""Test helper: add the articles of a JSON file to a store one by one, printing each index.

    python tests/store/_ingest_worker.py DB_URL ITEMS.json
"""

from __future__ import annotations

import datetime as _dt
import json
import sys

from eventwire.records import Article, Event
from eventwire.store import Store


def main() -> None:
    url, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as fh:
        items = json.load(fh)
    with Store.open(url) as store:
        for i, (art, events) in enumerate(items):
            if art.get("published"):
                art["published"] = _dt.date.fromisoformat(art["published"])
            store.add_article(Article(**art), [Event.from_dict(e) for e in events])
            print(i, flush=True)


if __name__ == "__main__":
    main()
