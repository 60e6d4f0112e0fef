"""The typed records that travel through eventwire: defined once, used everywhere.

Every stage hands one of these on. They are plain dataclasses so that a Dask worker can
pickle them and a store can map them; ``to_dict`` gives the JSON shape documented in the
README (field names are a public contract: add fields, never rename them).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "reported", "claimed", "expected", "negated", "hypothetical"]
MODALITIES: tuple[str, ...] = (
    "asserted",
    "reported",
    "claimed",
    "expected",
    "negated",
    "hypothetical",
)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id that depends only on ``parts`` (same input, same id)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(slots=True)
class Article:
    """One news report: clean text plus what is known about where it came from."""

    text: str
    article_id: str = ""
    title: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    raw_hash: str | None = None  # sha1 of the raw input (page bytes), for provenance
    captions: list[str] = field(default_factory=list)  # photo captions kept apart from text
    source_name: str | None = None  # the file, URL or record the article was read from
    # the input (absolute file path, URL) whose own id ``article_id`` is: ids are unique only
    # within their input (two CSV files both number their rows 1, 2, ...); None when
    # ``article_id`` was derived from the content
    origin: str | None = None

    def __post_init__(self) -> None:
        if not self.article_id:
            self.article_id = stable_id(self.url or "", self.text, length=16)

    @property
    def identity(self) -> str:
        """The key the store files this article under: the source's id within its input.

        An id the input gave is qualified by the input (``origin``), so equal ids from two
        inputs never collide; a content-derived id is its own key."""
        if self.origin is None:
            return self.article_id
        return stable_id("article", self.origin, self.article_id, length=20)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Actor:
    """A normalized actor: ACLED-style name, inter code (1-8) and ISO3 country."""

    name: str
    inter: int | None = None
    country: str | None = None  # ISO3
    mention: str | None = None  # the words in the text that named it

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Place:
    """A resolved place with ACLED geo_precision (1 exact, 2 near / part of, 3 region+)."""

    name: str
    country: str | None = None  # country name
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 3
    geonames_id: int | None = None
    feature_code: str | None = None
    relation: str | None = None  # "20 km south of", "outskirts of", "western" ...
    mention: str | None = None  # the words in the text that named it

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Fatalities:
    best: int = 0
    low: int = 0
    high: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Evidence:
    """The exact sentence an event came from, as offsets into ``Article.text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Mention:
    """An event cue found in one sentence, before its roles are resolved."""

    article_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    sub_event_type: str
    score: float = 1.0


@dataclass(slots=True)
class Event:
    """One event as one article reports it (the record of ``eventwire extract``)."""

    article_id: str
    event_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: Actor | None = None
    assoc_actor_2: Actor | None = None
    location: Place | None = None
    date: str | None = None  # YYYY-MM-DD
    time_precision: int = 3  # 1 day, 2 week/range, 3 month or unknown
    fatalities: Fatalities = field(default_factory=Fatalities)
    modality: str = "asserted"
    attribution: str | None = None
    evidence: Evidence | None = None
    confidence: float = 0.5
    trigger: str | None = None
    plover: str | None = None
    cameo: str | None = None
    url: str | None = None
    # why the relevance stage kept it ("participants: actor, harm"), and, for a candidate
    # it dropped (returned only when asked: ``Pipeline(explain=True)``, ``--explain``), why
    explanation: str | None = None
    dropped: str | None = None
    # the other sentences of the same article that tell this event again (a headline or a
    # caption and the body): one event, each telling kept
    also_told: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an Event from ``to_dict`` output (unknown keys are ignored)."""
        kwargs: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(cls)}
        for key, value in data.items():
            if key not in names:
                continue
            if key in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2") and value:
                value = Actor(**value)
            elif key == "location" and value:
                value = Place(**value)
            elif key == "fatalities" and value is not None:
                value = Fatalities(**value)
            elif key == "evidence" and value:
                value = Evidence(**value)
            elif key == "also_told":
                value = [Evidence(**v) for v in value or []]
            kwargs[key] = value
        return cls(**kwargs)


def _plain(obj: Any) -> Any:
    """dataclasses.asdict that also turns dates into ISO strings."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, _dt.date):
        return obj.isoformat()
    return obj
