"""Small builders for test events (text written here, places and groups invented)."""

from __future__ import annotations

import datetime as _dt

from eventwire.records import Actor, Article, Event, Evidence, Fatalities, Place, stable_id

TOWN = dict(name="Kerwa", country="Nigeria", iso3="NGA", admin1="Borno", lat=11.80,
            lon=13.10, geo_precision=1)
OTHER_TOWN = dict(name="Dalmuri", country="Nigeria", iso3="NGA", admin1="Yobe", lat=12.60,
                  lon=11.20, geo_precision=1)


def article(outlet: str, text: str, published: str = "2024-03-02") -> Article:
    host = outlet.lower().replace(" ", "")
    return Article(text=text, url=f"http://{host}.test/{stable_id(text)}", outlet=outlet,
                   published=_dt.date.fromisoformat(published), language="en")


def event(art: Article, *, n: int = 0, event_type: str = "Violence against civilians",
          sub: str = "Attack", actor1: str | None = "Northern Liberation Front",
          inter1: int = 2, actor2: str | None = "Civilians (Nigeria)", inter2: int = 7,
          place: dict | None = None, date: str = "2024-03-01", tp: int = 1,
          deaths: int = 0, modality: str = "reported") -> Event:
    p = dict(TOWN if place is None else place)
    return Event(
        article_id=art.article_id, event_id=stable_id(art.article_id, n),
        event_type=event_type, sub_event_type=sub, disorder_type="Political violence",
        actor1=Actor(actor1, inter1) if actor1 else None,
        actor2=Actor(actor2, inter2) if actor2 else None,
        location=Place(**p), date=date, time_precision=tp,
        fatalities=Fatalities(deaths, deaths, deaths), modality=modality,
        evidence=Evidence(art.text, 0, len(art.text)), confidence=0.8, url=art.url)


def reported(outlet: str, text: str, published: str = "2024-03-02", **kw) -> tuple[Article, list[Event]]:  # noqa: E501
    art = article(outlet, text, published)
    return art, [event(art, **kw)]
