"""The event store: articles, mentions and deduplicated canonical events.

    from eventwire.store import Store
    with Store.open("events.sqlite") as store:          # or "postgresql://..." or None
        store.add_article(article, events)
        for ce in store.canonical_events(country="NGA", min_fatalities=1):
            print(ce.canonical_id, ce.n_sources, [s.url for s in ce.sources])
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AddResult",
    "CanonicalEvent",
    "Source",
    "Store",
    "StoredMention",
    "default_path",
    "resolve_url",
]

_FROM = {"default_path": "db", "resolve_url": "db", "AddResult": "models",
         "CanonicalEvent": "models", "Source": "models", "StoredMention": "models",
         "Store": "store"}


def __getattr__(name: str) -> Any:
    # Lazy: every eventwire command registers the store's commands, and only those that
    # open a store should pay for SQLAlchemy (a third of a second of CPU)
    if name in _FROM:
        import importlib

        return getattr(importlib.import_module(f".{_FROM[name]}", __name__), name)
    raise AttributeError(name)
