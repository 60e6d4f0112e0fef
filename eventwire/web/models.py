"""The API's response shapes, for the OpenAPI description (/openapi.json, /docs). The reading
endpoints build their JSON with json.dumps for speed; these models document it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Actor(BaseModel):
    name: str
    inter: int | None = Field(None, description="ACLED inter code (1 state forces ... 8)")


class Location(BaseModel):
    name: str | None
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None = Field(
        None, description="1 the place itself, 2 near it or part of it, 3 a region or country")


class Fatalities(BaseModel):
    best: int
    low: int
    high: int


class EventSummary(BaseModel):
    id: str
    status: str = Field(description="active or rejected")
    date: str | None = Field(description="YYYY-MM-DD")
    time_precision: int | None
    event_type: str
    sub_event_type: str
    disorder_type: str | None
    actor1: Actor | None
    actor2: Actor | None
    location: Location | None
    fatalities: Fatalities
    n_sources: int
    n_outlets: int
    n_mentions: int
    reviewed: bool


class EventPage(BaseModel):
    items: list[EventSummary]
    next_cursor: str | None = Field(description="pass back as cursor for the next page")
    total: int = Field(description="how many events match the filters")
    filters: dict[str, str] = Field(description="the filters as understood (country as ISO3)")


class MapPoints(BaseModel):
    types: list[str] = Field(description="event types; a point's type index points here")
    points: list[list[Any]] = Field(
        description="[id, lat, lon, type index, fatalities, date or null, place name or null]")
    count: int
    truncated: bool = Field(description="true when the limit cut the deadliest events off")


class Bucket(BaseModel):
    key: str | None
    events: int
    fatalities: int


class TypeBucket(Bucket):
    by_type: dict[str, list[int]] = Field(
        default_factory=dict, description="event type -> [events, fatalities]")


class Stats(BaseModel):
    total: int
    fatalities: int
    by_day: list[TypeBucket]
    by_type: list[Bucket]
    by_country: list[Bucket]
    by_admin1: list[Bucket] = []
    by_actor: list[Bucket] = []


class FacetValue(BaseModel):
    value: str
    events: int
    label: str | None = Field(None, description="the country's name (country only)")


class Facet(BaseModel):
    field: str
    values: list[FacetValue]


class Places(BaseModel):
    places: list[list[Any]] = Field(description="[lat, lon, name, population]")


class Report(BaseModel):
    """One article's telling of an event (a stored mention)."""

    mention_id: str
    article_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    event_type: str
    sub_event_type: str
    modality: str | None
    attribution: str | None
    trigger: str | None
    date: str | None
    fatalities: Fatalities | None
    actor1: str | None
    actor2: str | None
    location: str | None
    confidence: float | None
    joined_by: str | None = Field(description="how this report joined the event")
    join_reasons: list[Any] = Field(description="why it was merged ('0.0 km apart, ...')")
    pinned: bool
    evidence: dict[str, Any] | None = Field(description="the source sentence in context")


class EventDetail(EventSummary):
    requested_id: str = Field(description="the id asked for (a merged id resolves)")
    reports: list[Report]
    corrections: list[dict[str, Any]] = Field(description="reviewer edits, who and when")
    decisions: list[dict[str, Any]] = Field(description="confirm / reject / merge / split")


class Similar(BaseModel):
    items: list[dict[str, Any]] = Field(
        description="events like EventSummary plus why, distance_km and days_apart")


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    n_events: int


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    offset: int
    limit: int


class ArticleMention(BaseModel):
    mention_id: str
    canonical_id: str | None
    event_type: str
    sub_event_type: str
    evidence_start: int | None
    evidence_end: int | None
    modality: str | None


class ArticleDetail(ArticleSummary):
    text: str
    source_name: str | None
    mentions: list[ArticleMention]


class Reviewer(BaseModel):
    name: str


class Meta(BaseModel):
    version: str
    event_types: list[str]
    sub_event_types: dict[str, list[str]] = Field(description="event type -> its sub-types")
    modalities: list[str]
    tiles: str | None = Field(description="online tile URL given with --tiles, if any")
    tiles_attribution: str | None
    stats: dict[str, Any] = Field(description="the store's counts")
