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
