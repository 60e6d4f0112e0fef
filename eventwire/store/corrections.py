"""Reviewer corrections of canonical events: stored with who and when, applied on top of what
the machine derived, and applied again every time the machine re-derives an event.

The machine's view of an event lives in its mentions; ``Store._recompute`` rebuilds the
canonical row from them whenever a mention joins, a split or merge happens, or an article is
re-extracted. A correction never edits a mention: it is a row in ``corrections`` keyed by the
canonical id (which is derived from content, so it is the same after re-extraction), and
``reapply`` lays it over the recomputed row. So a reviewer's fix survives new reports and new
extractor versions, and every export reads the corrected row.

    from eventwire.store import Store, corrections
    with Store.open("events.sqlite") as store:
        corrections.correct(store, cid, {"fatalities": 3, "date": "2024-03-01"}, who="ana")
        corrections.reject(store, other_id, who="ana", note="not political violence")
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import dedup
from ..errors import InputError, StoreError
from ..ontology import acled
from ..records import Actor, Article, Event, Place
from .models import AddResult
from .schema import actors, canonical_events, corrections, places

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

_T = canonical_events
FIELDS = ("type", "actor1", "actor2", "date", "fatalities", "location", "status", "reviewed")
STATUSES = ("active", "rejected")


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


# --- validation -------------------------------------------------------------------------

def normalize(changes: dict[str, Any]) -> dict[str, Any]:
    """Check a reviewer's changes and put each value in its stored shape.

    Raises InputError naming the field and what is wrong with it."""
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in FIELDS:
            raise InputError(name, f"not an editable field (use one of {', '.join(FIELDS)})")
        out[name] = _NORMALIZERS[name](value)
    if not out:
        raise InputError("changes", "nothing to change")
    return out


def _norm_type(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        value = {"sub_event_type": value}
    if not isinstance(value, dict) or not value.get("sub_event_type"):
        raise InputError("type", "give a sub_event_type (and optionally its event_type)")
    tax = acled()
    sub = str(value["sub_event_type"]).strip()
    if sub not in tax.event_type_of:
        raise InputError("type", f"{sub!r} is not an ACLED sub-event type")
    et = str(value.get("event_type") or tax.event_type_of[sub]).strip()
    if tax.event_type_of[sub] != et:
        raise InputError("type", f"{sub!r} belongs to {tax.event_type_of[sub]!r}, not {et!r}")
    return {"event_type": et, "sub_event_type": sub}


def _norm_actor(value: Any) -> dict[str, Any] | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict) or not str(value.get("name") or "").strip():
        raise InputError("actor", "give a name (or null to remove the actor)")
    inter = value.get("inter")
    if inter not in (None, ""):
        try:
            inter = int(inter)
        except (TypeError, ValueError):
            raise InputError("actor", f"inter {inter!r} is not a number 1-8") from None
        if not 1 <= inter <= 8:
            raise InputError("actor", f"inter {inter} is not a number 1-8")
    else:
        inter = None
    country = (str(value.get("country")).strip().upper() or None) if value.get("country") else None
    return {"name": " ".join(str(value["name"]).split())[:200], "inter": inter,
            "country": country}


def _norm_date(value: Any) -> str:
    day = dedup.parse_date(value) if isinstance(value, str) else None
    if day is None:
        raise InputError("date", f"{value!r} is not a date (use YYYY-MM-DD)")
    return day.isoformat()


def _norm_fatalities(value: Any) -> dict[str, int]:
    if isinstance(value, dict):
        try:
            best = int(value["best"])
            low = int(value.get("low", best))
            high = int(value.get("high", best))
        except (KeyError, TypeError, ValueError):
            raise InputError("fatalities", "give best (and optionally low, high) as numbers"
                             ) from None
    else:
        try:
            best = low = high = int(value)
        except (TypeError, ValueError):
            raise InputError("fatalities", f"{value!r} is not a number") from None
    if min(best, low, high) < 0 or not low <= best <= high:
        raise InputError("fatalities", "need 0 <= low <= best <= high")
    return {"best": best, "low": low, "high": high}


def _norm_location(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError("location", "give lat and lon (and optionally name, admin1)")
    try:
        lat, lon = float(value["lat"]), float(value["lon"])
    except (KeyError, TypeError, ValueError):
        raise InputError("location", "lat and lon must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError("location", f"{lat}, {lon} is not on Earth")
    out: dict[str, Any] = {"lat": round(lat, 5), "lon": round(lon, 5)}
    for key in ("name", "country", "iso3", "admin1", "admin2"):
        text = " ".join(str(value.get(key) or "").split())[:200]
        if text:
            out[key] = text.upper() if key == "iso3" else text
    return out


def _norm_status(value: Any) -> str:
    if value not in STATUSES:
        raise InputError("status", f"{value!r}: use one of {', '.join(STATUSES)}")
    return str(value)


def _norm_reviewed(value: Any) -> bool:
    if not isinstance(value, bool):
        raise InputError("reviewed", "true or false")
    return value


_NORMALIZERS = {
    "type": _norm_type, "actor1": _norm_actor, "actor2": _norm_actor, "date": _norm_date,
    "fatalities": _norm_fatalities, "location": _norm_location, "status": _norm_status,
    "reviewed": _norm_reviewed,
}


# --- writing ----------------------------------------------------------------------------

def correct(store: Store, canonical_id: str, changes: dict[str, Any], *, who: str,
            note: str | None = None) -> str:
    """Record and apply a reviewer's changes to a canonical event (following merges).

    ``changes`` maps fields of ``FIELDS`` to new values (see ``normalize``). Every change is
    one row with who, when, the value before and after. Returns the canonical id."""
    if not who or not who.strip():
        raise InputError("who", "a correction needs the reviewer's name")
    values = normalize(changes)
    cid = store.resolve(canonical_id)
    if cid is None:
        raise StoreError(f"{canonical_id}: no such canonical event")
    with store._write() as conn:
        row = conn.execute(sa.select(_T).where(_T.c.id == cid)).first()
        if row is None or row.status not in STATUSES:
            raise StoreError(f"{cid}: is {row.status if row else 'gone'}, cannot be corrected")
        at = _now()
        for name, value in values.items():
            conn.execute(corrections.insert().values(
                target_kind="canonical", target_id=cid, field=name,
                old_value=_current(conn, row, name), new_value=value, note=note,
                who=who.strip(), at=at, active=True))
        reapply(store, conn, cid)
    return cid


def confirm(store: Store, canonical_id: str, *, who: str, note: str | None = None) -> str:
    """Mark an event as checked by a reviewer (a 'reviewed' correction)."""
    return correct(store, canonical_id, {"reviewed": True}, who=who, note=note)


def reject(store: Store, canonical_id: str, *, who: str, note: str | None = None) -> str:
    """Take an event out of the data set (kept, with status 'rejected', and reversible with
    ``correct(..., {"status": "active"})``)."""
    return correct(store, canonical_id, {"status": "rejected"}, who=who, note=note)


def corrections_of(store: Store, canonical_id: str) -> list[dict[str, Any]]:
    """Every correction of an event, oldest first."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(corrections).where(corrections.c.target_kind == "canonical",
                                         corrections.c.target_id == canonical_id)
            .order_by(corrections.c.id)).all()
    return [{"id": r.id, "field": r.field, "old_value": r.old_value, "new_value": r.new_value,
             "note": r.note, "who": r.who, "at": r.at.isoformat() if r.at else None,
             "active": bool(r.active)} for r in rows]


def corrected_fields(store: Store, canonical_ids: Sequence[str]) -> dict[str, list[str]]:
    """For each id, the fields a reviewer corrected (for exports)."""
    out: dict[str, list[str]] = {}
    ids = list(canonical_ids)
    with store.read() as conn:
        for i in range(0, len(ids), 500):
            q = (sa.select(corrections.c.target_id, corrections.c.field)
                 .where(corrections.c.target_kind == "canonical", corrections.c.active,
                        corrections.c.target_id.in_(ids[i:i + 500]))
                 .order_by(corrections.c.id))
            for tid, name in conn.execute(q):
                if name not in out.setdefault(tid, []):
                    out[tid].append(name)
    return out


def reapply(store: Store, conn: Connection, canonical_id: str) -> None:
    """Lay every active correction of an event over its (re)computed row; the latest value
    of each field wins. Called by ``Store._recompute`` after each re-derivation."""
    rows = conn.execute(
        sa.select(corrections.c.id, corrections.c.field, corrections.c.new_value)
        .where(corrections.c.target_kind == "canonical",
               corrections.c.target_id == canonical_id, corrections.c.active)
        .order_by(corrections.c.id)).all()
    if not rows:
        return
    latest = {r.field: r.new_value for r in rows}
    cur = conn.execute(sa.select(_T.c.status, _T.c.place_id).where(_T.c.id == canonical_id)
                       ).first()
    if cur is None:
        return
    values: dict[str, Any] = {"reviewed": True}
    for name, value in latest.items():
        if name == "type":
            values.update(event_type=value["event_type"],
                          sub_event_type=value["sub_event_type"],
                          disorder_type=acled().disorder_of.get(value["sub_event_type"]))
        elif name in ("actor1", "actor2"):
            actor = Actor(value["name"], value.get("inter"), value.get("country")) if value \
                else None
            values[f"{name}_id"] = store._ensure_actor(conn, actor)
        elif name == "date":
            day = _dt.date.fromisoformat(value)
            values.update(date=day, date_first=day, date_last=day, time_precision=1)
        elif name == "fatalities":
            values.update(fatalities_best=value["best"], fatalities_low=value["low"],
                          fatalities_high=value["high"])
        elif name == "location":
            values.update(_location_values(store, conn, cur.place_id, value))
        elif name == "status" and cur.status in STATUSES:  # never revive a merged/empty row
            values["status"] = value
        elif name == "reviewed":
            values["reviewed"] = bool(value)
    conn.execute(_T.update().where(_T.c.id == canonical_id).values(**values))


def _location_values(store: Store, conn: Connection, place_id: str | None,
                     value: dict[str, Any]) -> dict[str, Any]:
    old = (conn.execute(sa.select(places).where(places.c.id == place_id)).first()
           if place_id else None)
    place = Place(
        name=value.get("name") or (old.name if old else "Point set by reviewer"),
        country=value.get("country") or (old.country if old else None),
        iso3=value.get("iso3") or (old.iso3 if old else None),
        admin1=value.get("admin1") or (old.admin1 if old else None),
        admin2=value.get("admin2") or (old.admin2 if old else None),
        lat=value["lat"], lon=value["lon"], geo_precision=1)
    pid = store._ensure_place(conn, place)
    return {"place_id": pid, "lat": place.lat, "lon": place.lon, "iso3": place.iso3,
            "admin1": place.admin1, "geo_precision": 1}


def _current(conn: Connection, row: Any, name: str) -> Any:
    """The value a field has now (what a new correction replaces), in the stored shape."""
    if name == "type":
        return {"event_type": row.event_type, "sub_event_type": row.sub_event_type}
    if name in ("actor1", "actor2"):
        aid = getattr(row, f"{name}_id")
        a = conn.execute(sa.select(actors).where(actors.c.id == aid)).first() if aid else None
        return {"name": a.name, "inter": a.inter, "country": a.country} if a else None
    if name == "date":
        return row.date.isoformat() if row.date else None
    if name == "fatalities":
        return {"best": row.fatalities_best, "low": row.fatalities_low,
                "high": row.fatalities_high}
    if name == "location":
        p = (conn.execute(sa.select(places).where(places.c.id == row.place_id)).first()
             if row.place_id else None)
        return ({"name": p.name, "lat": p.lat, "lon": p.lon, "iso3": p.iso3,
                 "admin1": p.admin1} if p else None)
    if name == "status":
        return row.status
    return bool(row.reviewed)


# --- re-extraction ----------------------------------------------------------------------

def reextract_article(store: Store, article: Article, events: Sequence[Event]) -> AddResult:
    """Replace what is stored for an article with a new extraction of it (e.g. by a newer
    extractor), in one transaction. The events it fed are re-derived and their reviewer
    corrections laid over them again; an event left with no report is removed (its
    corrections stay, keyed by its id, and return if a new extraction finds it again)."""
    with store._write() as conn:
        store._drop_article(conn, article.identity)
        return store._add_article(conn, article, events, True)
