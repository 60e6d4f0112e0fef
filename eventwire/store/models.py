"""What the store hands back: canonical events with their sources, stored mentions, results."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from ..records import Actor, Event, Fatalities, Place, _plain


@dataclass(slots=True)
class Source:
    """One article that reports a canonical event."""

    article_id: str
    mention_id: str
    url: str | None
    outlet: str | None
    published: _dt.date | None
    fatalities: Fatalities
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class CanonicalEvent:
    """One real-world event as the store knows it from all the mentions that report it."""

    canonical_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str | None
    actor1: Actor | None
    actor2: Actor | None
    location: Place | None
    date: _dt.date | None
    time_precision: int
    date_first: _dt.date | None
    date_last: _dt.date | None
    fatalities: Fatalities
    n_mentions: int
    n_sources: int
    n_outlets: int
    first_seen: _dt.date | None
    last_seen: _dt.date | None
    reviewed: bool = False
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class StoredMention:
    """A mention (one event as one article reports it) and how it joined its canonical."""

    mention_id: str
    canonical_id: str | None
    article_id: str
    url: str | None
    outlet: str | None
    published: _dt.date | None
    event: Event
    joined_by: str | None
    join_score: float | None
    join_reasons: list[str]
    pinned: bool

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class AddResult:
    """What ``Store.add_article`` did."""

    article_id: str
    added: bool  # False: the article was already stored (nothing changed)
    updated: bool = False  # a new text under a stored id: its events were replaced
    mentions_added: int = 0
    canonical_created: int = 0
    canonical_joined: int = 0
    canonical_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)
