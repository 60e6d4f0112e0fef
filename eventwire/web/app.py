"""The FastAPI application: a JSON API over the event store, the map page, and the reviewer
endpoints. Reading needs nothing; writing needs a token (``eventwire token create``)."""

# No "from __future__ import annotations": FastAPI must see the Annotated[..., Depends(...)]
# parameters as objects, and the dependencies are closures it could not resolve by name.

import csv
import io
import json
import os
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlsplit

import anyio.to_thread
import sqlalchemy as sa
from fastapi import Body, Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders

from .. import __version__
from ..errors import EventwireError, InputError, StoreError
from ..ontology import acled
from ..records import MODALITIES
from ..store import Store
from ..store import corrections as corr
from ..store.export import ACLED_COLUMNS, EXTRA_COLUMNS, acled_row, flat_properties
from ..store.schema import articles, decisions, mentions
from . import basemap, models, queries
from .cache import AnswerCache, encode
from .tokens import check_token

STATIC = resources.files(__package__).joinpath("static")
TYPE_ORDER = ["Battles", "Explosions/Remote violence", "Violence against civilians",
              "Protests", "Riots", "Strategic developments"]
_CONTEXT_CHARS = 400  # article text shown each side of the source sentence


def _doc(model: Any) -> dict[int | str, dict[str, Any]]:
    """An answer's shape for the OpenAPI description only: these endpoints build their JSON
    themselves, so the model documents it without filtering or re-validating it."""
    return {200: {"model": model}}


def create_app(store: Store | str | None = None, *, tiles: str | None = None,
               tiles_attribution: str | None = None, cache_mb: float = 64,
               threads: int = 8) -> FastAPI:
    """The web app over ``store`` (a Store, a path/URL, or None for the default store).

    ``tiles``: an XYZ tile URL template for the base map; without it the page draws the
    country outlines shipped in the package, so it needs no network at all.
    ``cache_mb``: memory for the answers of the reading endpoints (list, map, statistics,
    facets, meta), kept until the store changes (see web/cache.py); 0 turns it off.
    ``threads``: how many requests are worked on at once (the others wait their turn, in
    order); at most one per CPU core of them build an answer the cache does not hold."""
    if not isinstance(store, Store):
        store = Store.open(store)
    st: Store = store
    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Political violence and protest events extracted from news: "
                  "browse, filter, export and review.")
    app.state.store = st
    threads = max(1, threads)
    cache = app.state.cache = AnswerCache(st, max_bytes=int(cache_mb * (1 << 20)),
                                          builders=min(threads, os.cpu_count() or 2))
    types = _types()

    def cached(request: Request, build: Any) -> Response:
        """The answer of this GET (path and query) from the cache, or built and kept; sent
        gzipped, as kept, to a client that takes gzip."""
        key = (request.url.path, tuple(sorted(request.query_params.multi_items())))
        answer = cache.get(key, build)
        if answer.gz is not None and "gzip" in request.headers.get("accept-encoding", ""):
            return Response(answer.gz, media_type="application/json",
                            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return Response(answer.body, media_type="application/json")
    # the base map (1.6 MB of TopoJSON), the docs page's script and big map answers shrink
    # four- to ten-fold (level 5 costs a fraction of level 9's CPU); small answers are sent
    # as they are
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)

    img = "'self' data:" + (f" {_tile_origin(tiles)}" if tiles else "")
    app.add_middleware(SecurityHeaders, threads=threads, headers={
        "Content-Security-Policy":
            f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            f"img-src {img}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer"})

    @app.exception_handler(EventwireError)
    async def _eventwire_error(_request: Request, exc: EventwireError) -> JSONResponse:
        code = 404 if isinstance(exc, StoreError) and "no such" in str(exc) else 422
        if isinstance(exc, StoreError) and code != 404:
            code = 409
        return JSONResponse({"detail": str(exc)}, status_code=code)

    async def filters(
        request: Request,
        date_from: Annotated[str | None, Query(description="first day, YYYY-MM-DD")] = None,
        date_to: Annotated[str | None, Query(description="last day, YYYY-MM-DD")] = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north in degrees; "
                                          "west > east crosses the antimeridian")] = None,
        country: Annotated[str | None, Query(
            description="ISO3, ISO2 or numeric code, or a name (ACLED's, ISO's or a common "
            "one); unknown: 422")] = None,
        admin1: Annotated[str | None, Query(description="first-level region, any case")] = None,
        event_type: Annotated[str | None, Query(description="ACLED event type")] = None,
        sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type")
                                  ] = None,
        actor: Annotated[str | None, Query(description="part of an actor's name")] = None,
        q: Annotated[str | None, Query(description="words in a source sentence, an article "
                                       "title or a place name")] = None,
        min_fatalities: Annotated[str | None, Query(description="whole number")] = None,
        modality: Annotated[str | None, Query(description=" / ".join(MODALITIES))] = None,
        reviewed: Annotated[str | None, Query(description="true or false")] = None,
        status: Annotated[str | None, Query(description="active (default), rejected or all")
                          ] = None,
    ) -> queries.Filters:
        # async: parsing is quick, and a plain def would cost every request a trip through
        # a worker thread before the endpoint's own
        return queries.parse_filters(dict(request.query_params))

    def reviewer(authorization: Annotated[str | None, Header()] = None) -> str:
        token = authorization[7:].strip() if authorization and authorization.lower(
        ).startswith("bearer ") else None
        who = check_token(st, token)
        if who is None:
            raise HTTPException(401, "writing needs a valid API token "
                                "(Authorization: Bearer <token>; see `eventwire token create`)",
                                headers={"WWW-Authenticate": "Bearer"})
        return who

    # --- page ---------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC.joinpath("index.html")), media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        """Swagger UI over /openapi.json, from the app's own files (works offline)."""
        return FileResponse(str(STATIC.joinpath("docs.html")), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/api/meta", tags=["meta"], responses=_doc(models.Meta))
    def meta(request: Request) -> Response:
        """Taxonomy, modalities and base-map settings the page needs."""
        tax = acled()
        return cached(request, lambda: {
            "version": __version__,
            "event_types": types,
            "sub_event_types": {t: [s for s, e in tax.event_type_of.items() if e == t]
                                for t in types},
            "modalities": list(MODALITIES),
            "tiles": tiles, "tiles_attribution": tiles_attribution,
            "stats": st.stats(),
        })

    @app.get("/api/basemap/places", tags=["meta"], response_model=models.Places)
    def basemap_places(bbox: str, zoom: int = 4, limit: int = 150) -> Response:
        """Place-name labels for the offline base map: ``[lat, lon, name, population]``
        of the biggest populated places in ``bbox`` (west,south,east,north), thinned so that
        labels do not overlap at map zoom ``zoom`` (GeoNames, 5,000 people or more)."""
        box = queries.parse_filters({"bbox": bbox}).bbox
        assert box is not None
        if not 0 <= zoom <= 22:
            raise InputError("zoom", "must be between 0 and 22")
        return _json({"places": basemap.places(box, zoom, max(1, min(limit, 500)))})

    # --- reading ------------------------------------------------------------------------

    @app.get("/api/events", tags=["events"], response_model=models.EventPage)
    def list_events(request: Request, f: Annotated[queries.Filters, Depends(filters)],
                    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                    cursor: str | None = None) -> Response:
        """Events matching the filters, newest first; pass ``next_cursor`` back as
        ``cursor`` for the next page. Filters: date_from, date_to (YYYY-MM-DD), bbox
        (west,south,east,north), country (ISO3 or name), admin1, event_type,
        sub_event_type, actor, q (text), min_fatalities, modality, reviewed, status."""
        def build() -> dict[str, Any]:
            with st.read() as conn:
                items, nxt = queries.list_events(conn, f, limit=limit, cursor=cursor)
                total = queries.count(conn, f)
            return {"items": items, "next_cursor": nxt, "total": total,
                    "filters": f.to_params()}

        return cached(request, build)

    @app.get("/api/facets/{field}", tags=["events"], response_model=models.Facet)
    def facet(request: Request,
              field: Annotated[str, Path(description=" / ".join(queries.FACETS))],
              f: Annotated[queries.Filters, Depends(filters)],
              limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Response:
        """A pick-list: the values of ``field`` among the events that match every filter but
        that field's own, each with its number of events, the most frequent first."""
        def build() -> dict[str, Any]:
            with st.read() as conn:
                return {"field": field, "values": queries.facet(conn, f, field, limit)}

        return cached(request, build)

    @app.get("/api/map", tags=["events"], response_model=models.MapPoints)
    def map_points(request: Request, f: Annotated[queries.Filters, Depends(filters)],
                   limit: int = 20000,
                   grid: Annotated[float | None, Query(
                       description="cell size in degrees (0.05-45): count events per cell "
                                   "and type in the database, for a world view")] = None,
                   ) -> Response:
        """Compact markers for the map: ``points`` are [id, lat, lon, type index into
        ``types``, fatalities]; past ``limit`` the deadliest events are kept and
        ``truncated`` is true. With ``grid`` (degrees, 0.05-45: for a world or continent
        view) the events are counted in the database per cell and type instead: ``cells``
        are [lat, lon, type index, events, fatalities]."""
        if grid is not None and not 0.05 <= grid <= 45:
            raise HTTPException(422, "grid: degrees between 0.05 and 45")

        def build() -> dict[str, Any]:
            with st.read() as conn:
                if grid is not None:
                    return queries.map_cells(conn, f, types, grid)
                return queries.map_points(conn, f, types, limit=max(1, min(limit, 200000)))

        return cached(request, build)

    @app.get("/api/stats", tags=["events"], response_model=models.Stats)
    def stats(request: Request, f: Annotated[queries.Filters, Depends(filters)]) -> Response:
        """Counts and fatalities of the matching events by day (split by event type), event
        type and country, and the top first-level regions and actors."""
        def build() -> dict[str, Any]:
            with st.read() as conn:
                return queries.stats(conn, f)

        return cached(request, build)

    @app.get("/api/events/{event_id}", tags=["events"], responses=_doc(models.EventDetail))
    def get_event(event_id: str) -> dict[str, Any]:
        """One event with its reports (mentions), each with its source sentence in context,
        its articles, reviewer corrections and decisions."""
        return _event_detail(st, event_id)

    @app.get("/api/events/{event_id}/similar", tags=["events"],
             responses=_doc(models.Similar))
    def similar_events(event_id: str,
                       days: Annotated[int, Query(ge=0, le=60)] = 3,
                       km: Annotated[float, Query(gt=0, le=1000)] = 50.0) -> Response:
        """Possible duplicates of the event for a reviewer to merge: active events within
        ``days`` and ``km`` of it, nearest first, each with ``why`` it is suggested."""
        cid = st.resolve(event_id)
        if cid is None:
            raise StoreError(f"{event_id}: no such canonical event")
        with st.read() as conn:
            return _json({"items": queries.similar(conn, cid, days=days, km=km)})

    @app.get("/api/articles", tags=["articles"], responses=_doc(models.ArticlePage))
    def list_articles(limit: int = 100, offset: int = 0, q: str | None = None
                      ) -> dict[str, Any]:
        """Stored articles, newest first (without their text)."""
        limit = max(1, min(limit, 1000))
        sel = sa.select(articles.c.id, articles.c.title, articles.c.url, articles.c.outlet,
                        articles.c.published, articles.c.language, articles.c.n_events)
        if q:
            sel = sel.where(articles.c.title.ilike(f"%{queries._like(q)}%", escape="\\"))
        sel = sel.order_by(articles.c.published.desc(), articles.c.id).limit(limit
                                                                             ).offset(offset)
        with st.read() as conn:
            rows = conn.execute(sel).all()
        return {"items": [_article_summary(r) for r in rows], "offset": offset,
                "limit": limit}

    @app.get("/api/articles/{article_id}", tags=["articles"],
             responses=_doc(models.ArticleDetail))
    def get_article(article_id: str) -> dict[str, Any]:
        """One article with its full text and the events it reports."""
        with st.read() as conn:
            r = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
            if r is None:
                raise HTTPException(404, f"{article_id}: no such article")
            ms = conn.execute(sa.select(mentions.c.id, mentions.c.canonical_id,
                                        mentions.c.event_type, mentions.c.sub_event_type,
                                        mentions.c.evidence_start, mentions.c.evidence_end,
                                        mentions.c.modality)
                              .where(mentions.c.article_id == article_id)
                              .order_by(mentions.c.evidence_start)).all()
        return {**_article_summary(r), "text": r.text, "source_name": r.source_name,
                "mentions": [{"mention_id": m.id, "canonical_id": m.canonical_id,
                              "event_type": m.event_type, "sub_event_type": m.sub_event_type,
                              "evidence_start": m.evidence_start,
                              "evidence_end": m.evidence_end, "modality": m.modality}
                             for m in ms]}

    @app.get("/api/export.csv", tags=["export"])
    def export_csv(f: Annotated[queries.Filters, Depends(filters)]) -> StreamingResponse:
        """The matching events as ACLED-style CSV (streamed), with reviewer columns."""
        return StreamingResponse(_csv_stream(st, f), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition":
                                          'attachment; filename="eventwire-events.csv"'})

    @app.get("/api/export.geojson", tags=["export"])
    def export_geojson(f: Annotated[queries.Filters, Depends(filters)]) -> StreamingResponse:
        """The matching events as a GeoJSON FeatureCollection (streamed); each feature's
        properties are the CSV's columns, flat."""
        return StreamingResponse(_geojson_stream(st, f), media_type="application/geo+json",
                                 headers={"Content-Disposition":
                                          'attachment; filename="eventwire-events.geojson"'})

    # --- reviewing ----------------------------------------------------------------------

    @app.get("/api/whoami", tags=["review"], responses=_doc(models.Reviewer))
    def whoami(who: Annotated[str, Depends(reviewer)]) -> dict[str, str]:
        """The reviewer a token belongs to (checks a token)."""
        return {"name": who}

    @app.post("/api/events/{event_id}/confirm", tags=["review"],
              responses=_doc(models.EventDetail))
    def confirm(event_id: str, who: Annotated[str, Depends(reviewer)],
                body: Annotated[dict[str, Any] | None, Body()] = None) -> dict[str, Any]:
        """Mark the event as checked."""
        cid = corr.confirm(st, event_id, who=who, note=_note(body))
        return _event_detail(st, cid)

    @app.post("/api/events/{event_id}/reject", tags=["review"],
              responses=_doc(models.EventDetail))
    def reject(event_id: str, who: Annotated[str, Depends(reviewer)],
               body: Annotated[dict[str, Any] | None, Body()] = None) -> dict[str, Any]:
        """Take the event out of the data set (status 'rejected'; reversible by an edit
        with status 'active')."""
        cid = corr.reject(st, event_id, who=who, note=_note(body))
        return _event_detail(st, cid)

    @app.patch("/api/events/{event_id}", tags=["review"], responses=_doc(models.EventDetail))
    def edit(event_id: str, body: Annotated[dict[str, Any], Body()],
             who: Annotated[str, Depends(reviewer)]) -> dict[str, Any]:
        """Correct fields: ``{"changes": {"type": {"sub_event_type": ...}, "actor1":
        {"name": ..., "inter": ...}, "actor2": ..., "date": "YYYY-MM-DD", "fatalities": N,
        "location": {"lat": ..., "lon": ..., "name": ...}, "status": ...}, "note": ...}``."""
        changes = body.get("changes")
        if not isinstance(changes, dict):
            raise InputError("changes", "give an object of field: new value")
        cid = corr.correct(st, event_id, changes, who=who, note=_note(body))
        return _event_detail(st, cid)

    @app.post("/api/events/{event_id}/merge", tags=["review"],
              responses=_doc(models.EventDetail))
    def merge(event_id: str, body: Annotated[dict[str, Any], Body()],
              who: Annotated[str, Depends(reviewer)]) -> dict[str, Any]:
        """Merge the duplicate ``{"other_id": ...}`` into this event."""
        other = body.get("other_id")
        if not isinstance(other, str) or not other:
            raise InputError("other_id", "give the id of the duplicate to merge in")
        a, b = st.resolve(event_id), st.resolve(other)
        if a is None or b is None:
            raise StoreError(f"{event_id if a is None else other}: no such canonical event")
        cid = st.merge(a, b, _note(body), who=who)
        return _event_detail(st, cid)

    @app.post("/api/mentions/{mention_id}/split", tags=["review"],
              responses=_doc(models.EventDetail))
    def split(mention_id: str, who: Annotated[str, Depends(reviewer)],
              body: Annotated[dict[str, Any] | None, Body()] = None) -> dict[str, Any]:
        """Take one report out of its event into an event of its own."""
        new = st.split(mention_id, reason=_note(body), who=who)
        return _event_detail(st, new)

    return app


# --- helpers ------------------------------------------------------------------------------

class SecurityHeaders:
    """Sets ``headers`` on every HTTP response, and the number of worker threads the
    endpoints run in to ``threads``: a plain ASGI middleware (Starlette's
    ``@app.middleware("http")`` runs each request through extra tasks and memory streams,
    a tenth of the server's time under 20 concurrent clients).

    The worker threads: AnyIO's default is 40, and 20 requests at once in 20 threads on a
    two-core machine share the GIL turn by turn, so each takes as long as all of them; with
    8, requests wait in order and the slowest twentieth answer sooner (p95 -25%)."""

    def __init__(self, app: Any, headers: dict[str, str], threads: int = 8) -> None:
        self.app = app
        self.headers = headers
        self.threads = threads

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limiter = anyio.to_thread.current_default_thread_limiter()  # one per event loop
        if limiter.total_tokens != self.threads:
            limiter.total_tokens = self.threads

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _json(obj: Any) -> Response:
    """JSON straight from orjson: the framework's generic encoder walks every value and is
    several times slower on a map's tens of thousands of points."""
    return Response(encode(obj), media_type="application/json")


def _types() -> list[str]:
    known = list(dict.fromkeys(acled().event_type_of.values()))
    return [t for t in TYPE_ORDER if t in known] + [t for t in known if t not in TYPE_ORDER]


def _tile_origin(template: str) -> str:
    parts = urlsplit(template.replace("{s}", "a"))
    host = (parts.hostname or "").replace("a.", "*.", 1) if "{s}" in template else parts.netloc
    return f"{parts.scheme}://{host}" if parts.scheme in ("http", "https") else ""


def _note(body: Any) -> str | None:
    note = body.get("note") if isinstance(body, dict) else None
    return " ".join(str(note).split())[:1000] or None if note else None


def _article_summary(r: Any) -> dict[str, Any]:
    return {"id": r.id, "title": r.title, "url": r.url, "outlet": r.outlet,
            "published": r.published.isoformat() if r.published else None,
            "language": r.language, "n_events": r.n_events}


def _event_detail(st: Store, event_id: str) -> dict[str, Any]:
    cid = st.resolve(event_id)
    if cid is None:
        raise StoreError(f"{event_id}: no such canonical event")
    from ..store.schema import canonical_events as _T

    with st.read() as conn:
        row = conn.execute(queries._list_select().where(_T.c.id == cid)).first()
        if row is None:
            raise StoreError(f"{event_id}: no such canonical event")
        item = queries.row_to_item(row)
        texts = {r.id: r for r in conn.execute(
            sa.select(articles.c.id, articles.c.text, articles.c.title)
            .where(articles.c.id.in_(sa.select(mentions.c.article_id)
                                     .where(mentions.c.canonical_id == cid))))}
    reports = []
    for m in st.mentions_of(cid):
        ev = m.event
        art = texts.get(m.article_id)
        reports.append({
            "mention_id": m.mention_id,
            "article_id": m.article_id,
            "title": art.title if art else None,
            "url": m.url,
            "outlet": m.outlet,
            "published": m.published.isoformat() if m.published else None,
            "event_type": ev.event_type,
            "sub_event_type": ev.sub_event_type,
            "modality": ev.modality,
            "attribution": ev.attribution,
            "trigger": ev.trigger,
            "date": ev.date,
            "fatalities": ev.fatalities.to_dict(),
            "actor1": ev.actor1.name if ev.actor1 else None,
            "actor2": ev.actor2.name if ev.actor2 else None,
            "location": ev.location.name if ev.location else None,
            "confidence": ev.confidence,
            "joined_by": m.joined_by,
            "join_reasons": m.join_reasons,
            "pinned": m.pinned,
            "evidence": _context(art.text if art else None, ev.evidence),
        })
    with st.read() as conn:
        decs = conn.execute(sa.select(decisions).where(sa.or_(
            decisions.c.canonical_id == cid, decisions.c.other_id == cid))
            .order_by(decisions.c.id)).all()
    return {**item, "requested_id": event_id, "reports": reports,
            "corrections": corr.corrections_of(st, cid),
            "decisions": [{"action": d.action, "canonical_id": d.canonical_id,
                           "other_id": d.other_id, "mention_id": d.mention_id,
                           "reason": d.reason, "who": d.who,
                           "at": d.at.isoformat() if d.at else None} for d in decs]}


def _context(text: str | None, evidence: Any) -> dict[str, Any] | None:
    """The source sentence and the article text around it, as three plain strings (the page
    shows the middle one highlighted; none of them is ever parsed as HTML)."""
    if evidence is None:
        return None
    if not text or not (0 <= evidence.start <= evidence.end <= len(text)):
        return {"before": "", "sentence": evidence.text, "after": "", "start": None,
                "end": None}
    lo = max(0, evidence.start - _CONTEXT_CHARS)
    hi = min(len(text), evidence.end + _CONTEXT_CHARS)
    return {"before": ("…" if lo else "") + text[lo:evidence.start],
            "sentence": text[evidence.start:evidence.end],
            "after": text[evidence.end:hi] + ("…" if hi < len(text) else ""),
            "start": evidence.start, "end": evidence.end}


EXPORT_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS + ["reviewed", "corrected_fields"]


def _export_batches(st: Store, f: queries.Filters) -> Iterator[tuple[list[Any], dict]]:
    """Matching events with their sources, a batch at a time, and their corrected fields."""
    from ..store.schema import canonical_events as _T

    for ids in queries.iter_ids(st.read, f):
        with st.read() as conn:
            rows = conn.execute(sa.select(_T).where(_T.c.id.in_(ids))).all()
            built = {ce.canonical_id: ce for ce in st._build_canonicals(conn, rows, True)}
        yield [built[i] for i in ids if i in built], corr.corrected_fields(st, ids)


def _csv_stream(st: Store, f: queries.Filters) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    for events, fixed in _export_batches(st, f):
        for ce in events:
            row = acled_row(ce)
            row["reviewed"] = "yes" if ce.reviewed else "no"
            row["corrected_fields"] = " ".join(fixed.get(ce.canonical_id, []))
            writer.writerow(row)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


def _geojson_stream(st: Store, f: queries.Filters) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for events, fixed in _export_batches(st, f):
        for ce in events:
            props = flat_properties(ce)
            props["reviewed"] = "yes" if ce.reviewed else "no"
            props["corrected_fields"] = " ".join(fixed.get(ce.canonical_id, []))
            loc = ce.location
            geom = ({"type": "Point", "coordinates": [loc.lon, loc.lat]}
                    if loc and loc.lat is not None and loc.lon is not None else None)
            feat = {"type": "Feature", "id": ce.canonical_id, "geometry": geom,
                    "properties": props}
            yield ("" if first else ",\n") + json.dumps(feat, ensure_ascii=False)
            first = False
    yield "]}\n"
