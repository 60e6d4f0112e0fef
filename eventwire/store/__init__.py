"""The event store: articles, mentions and deduplicated canonical events.

    from eventwire.store import Store
    with Store.open("events.sqlite") as store:          # or "postgresql://..." or None
        store.add_article(article, events)
        for ce in store.canonical_events(country="NGA", min_fatalities=1):
            print(ce.canonical_id, ce.n_sources, [s.url for s in ce.sources])
"""

from __future__ import annotations

from .db import default_path, resolve_url
from .models import AddResult, CanonicalEvent, Source, StoredMention
from .store import Store

__all__ = [
    "AddResult",
    "CanonicalEvent",
    "Source",
    "Store",
    "StoredMention",
    "default_path",
    "resolve_url",
]
