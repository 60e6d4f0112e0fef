"""The web app's reads: one filter model shared by the list, the map, the statistics and the
exports, turned into SQL on the store's tables (so the database does the filtering)."""

from __future__ import annotations

import base64
import datetime as _dt
import json
import math
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

import pycountry
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import dedup
from ..errors import InputError
from ..ontology import acled, country_iso3, country_name
from ..records import MODALITIES
from ..store.schema import actors, articles, canonical_events, mentions, places

_T = canonical_events
_A1 = actors.alias("a1")
_A2 = actors.alias("a2")
_P = places.alias("p")


@dataclass(slots=True)
class Filters:
    """What the page's filter panel (and the URL) can ask for."""

    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    country: str | None = None  # ISO3 (parse_filters turns codes and names into it)
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # part of an actor name
    q: str | None = None  # words in the source sentence, article title or place name
    min_fatalities: int | None = None
    modality: str | None = None  # at least one report with this modality
    reviewed: bool | None = None
    status: str = "active"  # 'active', 'rejected' or 'all'

    def to_params(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, value in asdict(self).items():
            if value is None or (key == "status" and value == "active"):
                continue
            if key == "bbox":
                value = ",".join(f"{v:g}" for v in value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            out[key] = str(value)
        return out


def parse_filters(params: dict[str, Any]) -> Filters:
    """Filters from query parameters; bad values raise InputError naming the parameter."""
    f = Filters()
    for key in ("date_from", "date_to"):
        if params.get(key):
            day = dedup.parse_date(str(params[key]))
            if day is None:
                raise InputError(key, f"{params[key]!r} is not a date (use YYYY-MM-DD)")
            setattr(f, key, day)
    if params.get("bbox"):
        try:
            w, s, e, n = (float(v) for v in str(params["bbox"]).split(","))
        except ValueError:
            raise InputError("bbox", "use west,south,east,north in degrees") from None
        if not (-90 <= s <= n <= 90):
            raise InputError("bbox", "south must be <= north, both within -90..90")
        f.bbox = (max(w, -180.0) if w <= e else w, s, min(e, 180.0) if w <= e else e, n)
    for key in ("country", "admin1", "event_type", "sub_event_type", "actor", "q"):
        value = " ".join(str(params.get(key) or "").split())
        if value:
            setattr(f, key, value[:200])
    if f.country:
        f.country = country_code(f.country)
    tax = acled()
    if f.event_type and f.event_type not in set(tax.event_type_of.values()):
        raise InputError("event_type", f"{f.event_type!r} is not an ACLED event type")
    if f.sub_event_type and f.sub_event_type not in tax.event_type_of:
        raise InputError("sub_event_type", f"{f.sub_event_type!r} is not an ACLED sub-event type")
    if params.get("min_fatalities") not in (None, ""):
        try:
            f.min_fatalities = int(params["min_fatalities"])
        except (TypeError, ValueError):
            raise InputError("min_fatalities", "must be a whole number") from None
    if params.get("modality"):
        if params["modality"] not in MODALITIES:
            raise InputError("modality", f"use one of {', '.join(MODALITIES)}")
        f.modality = str(params["modality"])
    if params.get("reviewed") not in (None, ""):
        f.reviewed = str(params["reviewed"]).lower() in ("1", "true", "yes")
    if params.get("status"):
        if params["status"] not in ("active", "rejected", "all"):
            raise InputError("status", "use active, rejected or all")
        f.status = str(params["status"])
    return f


def country_code(text: str) -> str:
    """The ISO3 code of a country given by ISO3, ISO2 or numeric code, or by any common name
    (ACLED's, ISO's, short or official: "Democratic Republic of Congo", "DR Congo", "CD",
    "cod", "Côte d'Ivoire"); an unknown one raises InputError naming ``country``."""
    raw = " ".join(text.split())
    iso = country_iso3(raw, demonyms=False)
    if iso is None and len(raw) in (2, 3) and raw.isalpha():
        iso = country_iso3(raw.upper(), demonyms=False)
    if iso is None:
        try:  # ISO's official and common names
            iso = pycountry.countries.lookup(raw).alpha_3
        except LookupError:
            iso = None
    if iso is None:
        raise InputError("country", f"{text!r} is not a country we know (give an ISO3 or ISO2 "
                         "code or a name)")
    return iso


def where(f: Filters) -> list[Any]:
    """The WHERE clauses of ``f`` on canonical_events."""
    c: list[Any] = []
    if f.status == "all":
        c.append(_T.c.status.in_(("active", "rejected")))
    else:
        c.append(_T.c.status == f.status)
    if f.date_from:
        c.append(_T.c.date >= f.date_from)
    if f.date_to:
        c.append(_T.c.date <= f.date_to)
    if f.bbox:
        w, s, e, n = f.bbox
        c.append(_T.c.lat.between(s, n))
        if w <= e:
            c.append(_T.c.lon.between(w, e))
        else:  # the box crosses the antimeridian
            c.append(sa.or_(_T.c.lon >= w, _T.c.lon <= e))
    if f.country:  # parse_filters made it an ISO3 code
        c.append(_T.c.iso3 == f.country)
    if f.admin1:
        c.append(sa.func.lower(_T.c.admin1) == f.admin1.lower())
    if f.event_type:
        c.append(_T.c.event_type == f.event_type)
    if f.sub_event_type:
        c.append(_T.c.sub_event_type == f.sub_event_type)
    if f.actor:
        named = sa.select(actors.c.id).where(actors.c.name.ilike(f"%{_like(f.actor)}%",
                                                                escape="\\"))
        c.append(sa.or_(_T.c.actor1_id.in_(named), _T.c.actor2_id.in_(named)))
    if f.q:
        pat = f"%{_like(f.q)}%"
        said = (sa.select(mentions.c.id)
                .join(articles, articles.c.id == mentions.c.article_id)
                .where(mentions.c.canonical_id == _T.c.id,
                       sa.or_(mentions.c.evidence_text.ilike(pat, escape="\\"),
                              articles.c.title.ilike(pat, escape="\\"))))
        place_named = sa.select(places.c.id).where(places.c.name.ilike(pat, escape="\\"))
        c.append(sa.or_(sa.exists(said), _T.c.place_id.in_(place_named)))
    if f.min_fatalities is not None:
        c.append(_T.c.fatalities_best >= f.min_fatalities)
    if f.modality:
        c.append(sa.exists(sa.select(mentions.c.id).where(
            mentions.c.canonical_id == _T.c.id, mentions.c.modality == f.modality)))
    if f.reviewed is not None:
        c.append(_T.c.reviewed == f.reviewed)
    return c


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- cursor pagination ------------------------------------------------------------------
# Newest first: dated events by (date desc, id desc), then undated ones by id desc. Two plain
# range scans that an index on (status, date) serves, instead of one sort of every match.

def encode_cursor(day: _dt.date | None, cid: str) -> str:
    raw = json.dumps([day.isoformat() if day else None, cid]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[_dt.date | None, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, cid = json.loads(raw)
        return (_dt.date.fromisoformat(day) if day else None), str(cid)
    except (ValueError, TypeError):
        raise InputError("cursor", "not a cursor this API handed out") from None


def _page(conn: Connection, base: Any, f: Filters, limit: int,
          after: tuple[_dt.date | None, str] | None) -> list[Any]:
    """Up to ``limit`` rows of ``base`` (which selects id and date) after the key ``after``.

    Each step is a simple range an index can walk (an OR of the two keyset conditions would
    make SQLite sort every match): the rest of the cursor's day, earlier days, undated."""
    conds = where(f)
    rows: list[Any] = []

    def take(q: Any, *order: Any) -> None:
        rows.extend(conn.execute(q.order_by(*order).limit(limit - len(rows))).all())

    if after is not None and after[0] is not None:
        take(base.where(*conds, _T.c.date == after[0], _T.c.id < after[1]), _T.c.id.desc())
    if after is None or after[0] is not None:
        q = base.where(*conds, _T.c.date.is_not(None))
        if after is not None:
            q = q.where(_T.c.date < after[0])
        if len(rows) < limit:
            take(q, _T.c.date.desc(), _T.c.id.desc())
    if len(rows) < limit:
        q = base.where(*conds, _T.c.date.is_(None))
        if after is not None and after[0] is None:
            q = q.where(_T.c.id < after[1])
        take(q, _T.c.id.desc())
    return rows


# --- rows -------------------------------------------------------------------------------

def _list_select() -> Any:
    return (sa.select(
        _T.c.id, _T.c.status, _T.c.event_type, _T.c.sub_event_type, _T.c.disorder_type,
        _T.c.date, _T.c.time_precision, _T.c.fatalities_best, _T.c.fatalities_low,
        _T.c.fatalities_high, _T.c.n_sources, _T.c.n_outlets, _T.c.n_mentions,
        _T.c.reviewed, _T.c.lat, _T.c.lon, _T.c.iso3, _T.c.admin1, _T.c.geo_precision,
        _A1.c.name.label("a1_name"), _A1.c.inter.label("a1_inter"),
        _A2.c.name.label("a2_name"), _A2.c.inter.label("a2_inter"),
        _P.c.name.label("place_name"), _P.c.country.label("place_country"),
        _P.c.admin2.label("place_admin2"))
        .select_from(_T.outerjoin(_A1, _A1.c.id == _T.c.actor1_id)
                     .outerjoin(_A2, _A2.c.id == _T.c.actor2_id)
                     .outerjoin(_P, _P.c.id == _T.c.place_id)))


def row_to_item(r: Any) -> dict[str, Any]:
    """One list row as the API's event summary."""
    return {
        "id": r.id,
        "status": r.status,
        "date": r.date.isoformat() if r.date else None,
        "time_precision": r.time_precision,
        "event_type": r.event_type,
        "sub_event_type": r.sub_event_type,
        "disorder_type": r.disorder_type,
        "actor1": {"name": r.a1_name, "inter": r.a1_inter} if r.a1_name else None,
        "actor2": {"name": r.a2_name, "inter": r.a2_inter} if r.a2_name else None,
        "location": {"name": r.place_name, "country": r.place_country, "iso3": r.iso3,
                     "admin1": r.admin1, "admin2": r.place_admin2, "lat": r.lat,
                     "lon": r.lon, "geo_precision": r.geo_precision}
        if (r.place_name or r.lat is not None) else None,
        "fatalities": {"best": r.fatalities_best, "low": r.fatalities_low,
                       "high": r.fatalities_high},
        "n_sources": r.n_sources,
        "n_outlets": r.n_outlets,
        "n_mentions": r.n_mentions,
        "reviewed": bool(r.reviewed),
    }


def list_events(conn: Connection, f: Filters, *, limit: int = 100,
                cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """A page of events, newest first, and the cursor of the next page (None at the end)."""
    after = decode_cursor(cursor) if cursor else None
    rows = _page(conn, _list_select(), f, limit + 1, after)
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1].date, rows[-1].id) if more and rows else None
    return [row_to_item(r) for r in rows], nxt


def iter_ids(conn_factory: Any, f: Filters, batch: int = 500) -> Iterator[list[str]]:
    """Every matching id, newest first, in batches (keyset paging: each batch is one short
    query, so a streamed export never holds a long transaction)."""
    after: tuple[_dt.date | None, str] | None = None
    base = sa.select(_T.c.id, _T.c.date)
    while True:
        with conn_factory() as conn:
            rows = _page(conn, base, f, batch, after)
        if not rows:
            return
        yield [r.id for r in rows]
        after = (rows[-1].date, rows[-1].id)
        if len(rows) < batch:
            return


def map_points(conn: Connection, f: Filters, types: list[str], *, limit: int = 20000
               ) -> dict[str, Any]:
    """The map's markers, compact: [id, lat, lon, type index, fatalities, date, place name]
    per event with coordinates (the biggest events first when the limit cuts); the date and
    place feed the markers' tooltips."""
    index = {t: i for i, t in enumerate(types)}
    # the kept events are picked first (on the covering map index when the filters allow),
    # then only those are read with their place: joining every match before the sort cost
    # a world map twice as much
    top = (sa.select(_T.c.id)
           .where(*where(f), _T.c.lat.is_not(None), _T.c.lon.is_not(None))
           .order_by(_T.c.fatalities_best.desc(), _T.c.id).limit(limit + 1).subquery())
    q = (sa.select(_T.c.id, _T.c.lat, _T.c.lon, _T.c.event_type, _T.c.fatalities_best,
                   _T.c.date, _P.c.name.label("place"))
         .select_from(top.join(_T, _T.c.id == top.c.id)
                      .outerjoin(_P, _P.c.id == _T.c.place_id))
         .order_by(_T.c.fatalities_best.desc(), _T.c.id))
    rows = conn.execute(q).all()
    truncated = len(rows) > limit
    points = [[r.id, round(r.lat, 5), round(r.lon, 5), index.get(r.event_type, -1),
               r.fatalities_best, r.date.isoformat() if r.date else None, r.place]
              for r in rows[:limit]]
    return {"types": types, "points": points, "count": len(points), "truncated": truncated}


def map_cells(conn: Connection, f: Filters, types: list[str], grid: float) -> dict[str, Any]:
    """The map at low zoom: matching events counted in the database per ``grid``-degree cell
    and event type. Each cell is [lat, lon, type index, events, fatalities], placed at the
    mean position of its events; a world map is a few thousand cells, not every point."""
    index = {t: i for i, t in enumerate(types)}
    if conn.dialect.name == "postgresql":
        row_of = sa.func.floor(_T.c.lat / grid)
        col_of = sa.func.floor(_T.c.lon / grid)
    else:  # SQLite has no floor() everywhere; shifted coordinates are >= 0, so CAST floors
        row_of = sa.cast((_T.c.lat + 90.0) / grid, sa.Integer)
        col_of = sa.cast((_T.c.lon + 180.0) / grid, sa.Integer)
    q = (sa.select(sa.func.avg(_T.c.lat).label("lat"), sa.func.avg(_T.c.lon).label("lon"),
                   _T.c.event_type, sa.func.count().label("n"),
                   sa.func.coalesce(sa.func.sum(_T.c.fatalities_best), 0).label("f"))
         .where(*where(f), _T.c.lat.is_not(None), _T.c.lon.is_not(None))
         .group_by(row_of, col_of, _T.c.event_type)
         .order_by(sa.desc("n"), row_of, col_of, _T.c.event_type))
    cells = [[round(float(r.lat), 4), round(float(r.lon), 4), index.get(r.event_type, -1),
              int(r.n), int(r.f)] for r in conn.execute(q)]
    return {"types": types, "grid": grid, "cells": cells,
            "count": sum(c[3] for c in cells)}


def stats(conn: Connection, f: Filters, top: int = 15) -> dict[str, Any]:
    """Counts (and fatalities) of the matching events by day (each day split by event type),
    type, country, and the ``top`` first-level regions and actors."""
    conds = where(f)
    n = sa.func.count().label("n")
    dead = sa.func.coalesce(sa.func.sum(_T.c.fatalities_best), 0).label("f")

    def key(v: Any) -> Any:
        return v.isoformat() if isinstance(v, _dt.date) else v

    def grouped(col: Any) -> list[dict[str, Any]]:
        q = sa.select(col.label("key"), n, dead).where(*conds).group_by(col).order_by(col)
        return [{"key": key(r.key), "events": r.n, "fatalities": int(r.f)}
                for r in conn.execute(q)]

    # one pass by (day, type) gives the days and the types; it walks the covering map index
    days: dict[Any, dict[str, Any]] = {}
    types: dict[str, dict[str, Any]] = {}
    q = (sa.select(_T.c.date.label("key"), _T.c.event_type.label("etype"), n, dead)
         .where(*conds).group_by(_T.c.date, _T.c.event_type).order_by(_T.c.date))
    for r in conn.execute(q):
        d = days.setdefault(key(r.key), {"key": key(r.key), "events": 0, "fatalities": 0,
                                         "by_type": {}})
        d["events"] += r.n
        d["fatalities"] += int(r.f)
        d["by_type"][r.etype] = [r.n, int(r.f)]
        t = types.setdefault(r.etype, {"key": r.etype, "events": 0, "fatalities": 0})
        t["events"] += r.n
        t["fatalities"] += int(r.f)
    by_day = list(days.values())
    by_type = sorted(types.values(), key=lambda d: (-d["events"], d["key"]))
    # one pass by (country, region) gives both (a region's name is only in the table)
    countries: dict[str | None, dict[str, Any]] = {}
    regions = []
    q = sa.select(_T.c.iso3, _T.c.admin1, n, dead).where(*conds).group_by(_T.c.iso3,
                                                                          _T.c.admin1)
    for r in conn.execute(q):
        c = countries.setdefault(r.iso3 or None, {"key": r.iso3 or None, "events": 0,
                                                  "fatalities": 0})
        c["events"] += r.n
        c["fatalities"] += int(r.f)
        if r.admin1 is not None:
            regions.append({"key": r.admin1, "iso3": r.iso3, "events": r.n,
                            "fatalities": int(r.f)})
    by_country = sorted(countries.values(), key=lambda d: (-d["events"], d["key"] or ""))
    by_admin1 = sorted(regions, key=lambda d: (-d["events"], d["key"], d["iso3"] or ""))[:top]
    by_actor = actor_counts(conn, conds, top)
    total = sum(d["events"] for d in by_day)
    return {"total": total, "fatalities": sum(d["fatalities"] for d in by_day),
            "by_day": [d for d in by_day if d["key"]], "by_type": by_type,
            "by_country": by_country, "by_admin1": by_admin1, "by_actor": by_actor}


FACETS = ("country", "admin1", "actor", "event_type")


def count(conn: Connection, f: Filters) -> int:
    """How many events match ``f``."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(_T).where(*where(f)))
               .scalar_one())


def facet(conn: Connection, f: Filters, field: str, limit: int = 200) -> list[dict[str, Any]]:
    """A pick-list for ``field``: its values among the events matching every filter but its
    own, with how many events each has, the most frequent first."""
    if field not in FACETS:
        raise InputError("field", f"use one of {', '.join(FACETS)}")
    g = Filters(**{k: getattr(f, k) for k in f.__dataclass_fields__})
    setattr(g, field, None)
    conds = where(g)
    n = sa.func.count().label("n")
    if field == "actor":
        return [{"value": a["key"], "events": a["events"]}
                for a in actor_counts(conn, conds, limit)]
    else:
        col = {"country": _T.c.iso3, "admin1": _T.c.admin1,
               "event_type": _T.c.event_type}[field]
        # grouping on an expression keeps SQLite on the covering map index
        value = sa.func.coalesce(col, "").label("value")
        q = sa.select(value, n).where(*conds, col.is_not(None)).group_by(value)
    rows = conn.execute(q.order_by(sa.desc("n"), "value").limit(limit)).all()
    out = []
    for r in rows:
        item: dict[str, Any] = {"value": r.value, "events": int(r.n)}
        if field == "country":
            item["label"] = country_name(r.value) or r.value
        out.append(item)
    return out


def similar(conn: Connection, event_id: str, *, days: int = 3, km: float = 50.0,
            limit: int = 8) -> list[dict[str, Any]]:
    """Active events that may report the same thing as ``event_id``: dated within ``days``
    of it and placed within ``km`` of it (or, without coordinates, in the same admin1), the
    nearest in time and space first, each with why it was suggested."""
    me = conn.execute(_list_select().where(_T.c.id == event_id)).first()
    if me is None or me.date is None:
        return []
    conds = [_T.c.status == "active", _T.c.id != event_id,
             _T.c.date.between(me.date - _dt.timedelta(days=days),
                               me.date + _dt.timedelta(days=days))]
    if me.lat is not None and me.lon is not None:
        dlat = km / 111.0
        dlon = km / max(1.0, 111.0 * math.cos(math.radians(me.lat)))
        conds += [_T.c.lat.between(me.lat - dlat, me.lat + dlat),
                  _T.c.lon.between(me.lon - dlon, me.lon + dlon)]
    elif me.admin1:
        conds += [_T.c.iso3 == me.iso3, sa.func.lower(_T.c.admin1) == me.admin1.lower()]
    else:
        return []
    out = []
    for r in conn.execute(_list_select().where(*conds).limit(200)):
        gap = abs((r.date - me.date).days)
        dist = (dedup.haversine_km(me.lat, me.lon, r.lat, r.lon)
                if None not in (me.lat, me.lon, r.lat, r.lon) else None)
        if dist is not None and dist > km:
            continue
        why = ["same day" if gap == 0 else f"{gap} day{'s' if gap > 1 else ''} apart",
               f"{dist:.1f} km apart" if dist is not None else f"both in {me.admin1}"]
        if r.event_type == me.event_type:
            why.append("same event type")
        shared = {n for n in (r.a1_name, r.a2_name) if n} & {n for n in (me.a1_name, me.a2_name)
                                                             if n}
        if shared:
            why.append("shared actor: " + ", ".join(sorted(shared)))
        score = gap + (dist or km) / 10 - (r.event_type == me.event_type) - len(shared)
        out.append((score, r.id, {**row_to_item(r), "why": why,
                                  "distance_km": None if dist is None else round(dist, 1),
                                  "days_apart": gap}))
    out.sort(key=lambda x: (x[0], x[1]))
    return [item for _s, _i, item in out[:limit]]


def actor_counts(conn: Connection, conds: list[Any], limit: int) -> list[dict[str, Any]]:
    """The ``limit`` actors in the most matching events (as actor 1 or 2; an event with the
    same actor on both sides counts once), with those events' fatalities. Grouped by the pair
    of actor ids in one pass and added up here: a join and union over every event is several
    times slower."""
    n = sa.func.count().label("n")
    dead = sa.func.coalesce(sa.func.sum(_T.c.fatalities_best), 0).label("f")
    tally: dict[int, list[int]] = {}
    a1, a2 = _T.c.actor1_id, _T.c.actor2_id
    for r in conn.execute(sa.select(a1.label("a1"), a2.label("a2"), n, dead)
                          .where(*conds, sa.or_(a1.is_not(None), a2.is_not(None)))
                          .group_by(a1, a2)):
        for aid in (r.a1, r.a2 if r.a2 != r.a1 else None):
            if aid is not None:
                t = tally.setdefault(aid, [0, 0])
                t[0] += r.n
                t[1] += int(r.f)
    names: dict[int, str] = {}
    ids = list(tally)
    for i in range(0, len(ids), 500):
        names.update((r.id, r.name) for r in conn.execute(
            sa.select(actors.c.id, actors.c.name).where(actors.c.id.in_(ids[i:i + 500]))))
    by_name: dict[str, list[int]] = {}
    for aid, (cnt, f) in tally.items():
        if aid in names and cnt > 0:
            t = by_name.setdefault(names[aid], [0, 0])
            t[0] += cnt
            t[1] += f
    ranked = sorted(by_name.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [{"key": name, "events": cnt, "fatalities": f} for name, (cnt, f) in ranked]
