"""The event store: articles, mentions and the canonical events dedup builds from them.

One article is one transaction: its row, its mentions and every canonical event they create or
join are written together or not at all. That, plus content-derived ids and a fixed order of
work, is what makes a run idempotent and a run killed with SIGKILL and restarted end with the
same database as a clean run.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .. import dedup
from ..errors import StoreError
from ..records import Actor, Article, Event, Fatalities, Place, stable_id
from . import corrections as _corrections
from . import db
from .models import AddResult, CanonicalEvent, Source, StoredMention
from .schema import (
    actors,
    articles,
    canonical_events,
    decisions,
    mentions,
    places,
)

_T = canonical_events
_M = mentions
_MAX_TOLERANCE = max(dedup.DATE_TOLERANCE_DAYS.values())
# how much better another event must fit a report that names no group before it moves there
_REHOME_MARGIN = 0.02


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


class Store:
    """Articles, mentions and canonical events in SQLite (default) or PostgreSQL."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        # actor/place ids known to be committed (rows are never deleted), to skip a SELECT
        # per actor and place; ids written in an open transaction wait in _pending_ids
        self._known_ids: set[str] = set()
        self._pending_ids: set[str] = set()
        # the same pool, its connections marked read-only (a lock-free snapshot on SQLite)
        self._reader = engine.execution_options(**{db.READ_OPTION: True})
        self._writes = 0  # write transactions committed through this Store
        self._version_lock = threading.Lock()
        self._version_conn: sqlite3.Connection | None = None

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | os.PathLike[str] | None = None, *,
             create: bool = True) -> Store:
        """Open (creating and migrating as needed) the store at a path or URL.

        ``None`` means $EVENTWIRE_DB, else ``eventwire.sqlite`` in the user's data directory.
        With ``create=False`` a SQLite file that does not exist is a StoreError (a reading
        command given a misspelt path must not leave an empty database behind).
        """
        url = db.resolve_url(target)
        if not create and url.startswith("sqlite:///"):
            path = url[len("sqlite:///"):]
            if path and path != ":memory:" and not os.path.exists(path):
                raise StoreError(f"{path}: no event store there (check --db; "
                                 "'eventwire store add ... --db PATH' creates one)")
        try:
            engine = db.make_engine(url)
            db.migrate(engine)
        except StoreError:
            raise
        except ImportError as exc:
            raise StoreError(f"{db.safe_url(url)}: database driver missing ({exc}); "
                             "install eventwire with its dependencies") from exc
        except sa.exc.SQLAlchemyError as exc:
            msg = str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()[0]
            raise StoreError(f"{db.safe_url(url)}: cannot open the event store ({msg})") from exc
        return cls(engine, url)

    def close(self) -> None:
        with self._version_lock:
            if self._version_conn is not None:
                self._version_conn.close()
                self._version_conn = None
        self.engine.dispose()

    def read(self) -> Connection:
        """A connection for reading only (``with store.read() as conn``). On SQLite its
        transaction is a deferred BEGIN: a consistent snapshot that takes no lock, so any
        number of readers run side by side and next to the one writer."""
        return self._reader.connect()

    def change_token(self) -> Any:
        """A value that changes whenever a write is committed to the store, by this process
        or another one (an ``eventwire watch`` next to ``eventwire serve``): answers computed
        after reading one token stay valid while it does. None when the backend cannot tell.

        SQLite: PRAGMA data_version on a connection of its own that never writes (it changes
        when any other connection commits). PostgreSQL: the current snapshot (xmin, xmax and
        the transactions in progress), which changes when any writing transaction ends."""
        if self.backend == "postgresql":
            with self.read() as conn:
                snap = conn.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar_one()
            return (self._writes, snap)
        path = self.url[len("sqlite:///"):] if self.url.startswith("sqlite:///") else ""
        if not path or path == ":memory:" or "?" in path:
            return None
        with self._version_lock:
            if self._version_conn is None:
                self._version_conn = sqlite3.connect(path, timeout=60, isolation_level=None,
                                                     check_same_thread=False)
            version = self._version_conn.execute("PRAGMA data_version").fetchone()[0]
        return (self._writes, version)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def _write(self) -> Any:
        """A write transaction; on PostgreSQL also a lock so dedup sees every earlier write."""
        return _WriteTx(self)

    # --- writing -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.read() as conn:
            return conn.execute(
                sa.select(articles.c.id).where(articles.c.id == article_id)
            ).first() is not None

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of these URLs already have an article stored (for feed polling)."""
        urls = list(urls)
        found: set[str] = set()
        with self.read() as conn:
            for i in range(0, len(urls), 500):
                chunk = urls[i : i + 500]
                found.update(
                    r[0] for r in conn.execute(
                        sa.select(articles.c.url).where(articles.c.url.in_(chunk))
                    )
                )
        return found

    def add_article(
        self, article: Article, events: Sequence[Event], *, deduplicate: bool = True
    ) -> AddResult:
        """Store an article and its events, deduplicating them into canonical events.

        Idempotent: an article already stored (same identity, see ``Article.identity``) with
        the same text changes nothing; with another text it is an update (``updated``): its
        events replace the old ones and reviewer corrections are laid over them again.
        """
        with self._write() as conn:
            return self._add_article(conn, article, events, deduplicate)

    def add_articles(
        self, items: Iterable[tuple[Article, Sequence[Event]]], *, deduplicate: bool = True
    ) -> list[AddResult]:
        """Several articles in ONE transaction (faster; all or nothing)."""
        with self._write() as conn:
            return [self._add_article(conn, a, evs, deduplicate) for a, evs in items]

    def _add_article(
        self, conn: Connection, article: Article, events: Sequence[Event], deduplicate: bool
    ) -> AddResult:
        key = article.identity
        result = AddResult(article_id=key, added=False)
        text_hash = hashlib.sha1(article.text.encode("utf-8")).hexdigest()
        values = dict(
            id=key,
            url=article.url,
            outlet=article.outlet,
            title=article.title,
            published=article.published,
            hash=text_hash,
            raw_hash=article.raw_hash,
            language=article.language,
            source_name=article.source_name,
            text=article.text,
            n_events=len(events),
            added_at=_now(),
        )
        # one round trip both checks and claims the article (idempotence)
        if not _insert_new(conn, articles, values):
            stored = conn.execute(sa.select(articles.c.hash)
                                  .where(articles.c.id == key)).scalar_one()
            if stored == text_hash:
                return result  # the same text again: nothing changes
            # a changed text under a known id is a new version of the article: its events
            # replace the old ones (reviewer corrections stay, keyed by canonical id)
            self._drop_article(conn, key)
            _insert(conn, articles, **values)
            result.updated = True
        result.added = True
        seen: set[str] = set()
        for event in events:
            mention_id = stable_id(key, event.event_id, length=20)
            if mention_id in seen:
                continue
            seen.add(mention_id)
            result.mentions_added += 1
            factual = deduplicate and event.modality in dedup.FACTUAL_MODALITIES
            cid, created = self._add_mention(conn, mention_id, key, article, event, factual)
            if cid is None:
                continue
            if created:
                result.canonical_created += 1
            else:
                result.canonical_joined += 1
            if cid not in result.canonical_ids:
                result.canonical_ids.append(cid)
        return result

    def _drop_article(self, conn: Connection, key: str) -> None:
        """Remove an article and its mentions; the events they fed are re-derived (an event
        left with no report is removed; its corrections stay, keyed by its id, and return
        if a new extraction finds it again)."""
        old = conn.execute(sa.select(_M.c.canonical_id).where(_M.c.article_id == key)).all()
        affected = sorted({r.canonical_id for r in old if r.canonical_id})
        conn.execute(_M.delete().where(_M.c.article_id == key))
        conn.execute(articles.delete().where(articles.c.id == key))
        for cid in affected:
            left = conn.execute(sa.select(sa.func.count()).select_from(_M)
                                .where(_M.c.canonical_id == cid)).scalar_one()
            if left:
                self._recompute(conn, cid)
            else:
                conn.execute(_T.delete().where(_T.c.id == cid, _T.c.status != "merged"))

    def _add_mention(self, conn: Connection, mention_id: str, key: str, article: Article,
                     event: Event, factual: bool) -> tuple[str | None, bool]:
        """Store one mention; if factual, attach it to its best-matching canonical event or
        found a new one. Returns (canonical id or None, founded a new one)."""
        cid: str | None = None
        created = False
        joined_by: str | None = None
        score: float | None = None
        reasons: list[str] | None = None
        if factual:
            sig = dedup.signature(event)
            cid, res = dedup.best_match(sig, self._candidates(conn, sig))
            if cid is not None and res is not None:
                joined_by, score, reasons = "auto-merge", res.score, res.reasons
            else:
                cid, created, joined_by = "ce" + mention_id, True, "new"
                reasons = ["no stored event matched type, date, place and actors"]
        actor_ids = [self._ensure_actor(conn, a) for a in (event.actor1, event.actor2)]
        for extra in (event.assoc_actor_1, event.assoc_actor_2):
            self._ensure_actor(conn, extra)
        place_id = self._ensure_place(conn, event.location)
        ev = event.evidence
        f = event.fatalities or Fatalities()
        values = dict(
            id=mention_id,
            article_id=key,
            event_id=event.event_id,
            canonical_id=cid,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            disorder_type=event.disorder_type,
            actor1_id=actor_ids[0],
            actor2_id=actor_ids[1],
            place_id=place_id,
            date=dedup.parse_date(event.date),
            time_precision=event.time_precision,
            fatalities_best=f.best,
            fatalities_low=f.low,
            fatalities_high=f.high,
            modality=event.modality,
            attribution=event.attribution,
            evidence_text=ev.text if ev else None,
            evidence_start=ev.start if ev else None,
            evidence_end=ev.end if ev else None,
            confidence=event.confidence,
            record=event.to_dict(),
            joined_by=joined_by,
            join_score=score,
            join_reasons=reasons,
            pinned=False,
        )
        if created:
            # the new canonical event's fields from its one mention, in a single insert
            row = SimpleNamespace(**values, published=article.published, outlet=article.outlet,
                                  url=article.url)
            _insert(conn, _T, id=cid, status="active", reviewed=False,
                    **_canonical_values([row]))
            _corrections.reapply(self, conn, cid)  # (ids are content-derived: a rebuilt
            # database gets a reviewer's corrections back)
        _insert(conn, _M, **values)
        if cid is not None and not created:
            self._recompute(conn, cid)
        if cid is not None:
            cid = self._absorb(conn, cid)
            self._rehome(conn, cid)
        return cid, created

    def _rehome(self, conn: Connection, cid: str) -> None:
        """Move reports that name no group to the neighbouring event they fit better.

        A report like "gunmen attacked the town, 40 dead" joins the best event there is when
        it arrives; when a look-alike event on the same day and place takes shape later, it
        may fit that one better (a closer toll, a nearer date). After ``cid`` changes, each
        such report of ``cid`` and of its neighbours is scored against its own event (without
        it) and against the other; it moves when the other scores clearly higher. The move
        is logged as a decision 'auto-move' and appended to the report's reasons."""
        for _ in range(6):  # each move changes both events: look again, a few times
            if not self._rehome_once(conn, cid):
                return

    def _rehome_once(self, conn: Connection, cid: str) -> bool:
        row = conn.execute(sa.select(_T.c.signature).where(
            _T.c.id == cid, _T.c.status == "active", _T.c.reviewed.is_(False))).first()
        if row is None or not row.signature:
            return False
        sig = _sig_from_json(row.signature)
        neighbours = dict(c for c in self._candidates(conn, sig) if c[0] != cid)
        if not neighbours:
            return False
        free = set(conn.execute(sa.select(_T.c.id).where(
            _T.c.id.in_(list(neighbours)), _T.c.reviewed.is_(False))).scalars())
        for other in sorted(free):
            for src, dst, dst_sig in ((other, cid, sig), (cid, other, neighbours[other])):
                rows = conn.execute(sa.select(_M.c.id, _M.c.record, _M.c.pinned,
                                              _M.c.join_reasons)
                                    .where(_M.c.canonical_id == src).order_by(_M.c.id)).all()
                if len(rows) < 2:
                    continue  # a lone report moving is a merge: _absorb decides those
                sigs = [dedup.signature(Event.from_dict(r.record)) for r in rows]
                for i, r in enumerate(rows):
                    if r.pinned or not (dedup.names_no_group(sigs[i])
                                        or sigs[i].time_precision > 1):
                        continue
                    here = dedup.match(sigs[i], dst_sig)
                    if not here.merge:
                        continue
                    there = dedup.match(sigs[i], dedup.merge_signatures(sigs[:i] + sigs[i + 1:]))
                    if there.merge and here.score < there.score + _REHOME_MARGIN:
                        continue
                    why = (f"moved from {src} to {dst} (score {here.score} vs "
                           f"{there.score if there.merge else 'no match'}): "
                           + "; ".join(here.reasons))
                    _update(conn, _M, r.id, canonical_id=dst, join_score=here.score,
                            joined_by="auto-merge",
                            join_reasons=list(r.join_reasons or []) + [why])
                    self._recompute(conn, src)
                    self._recompute(conn, dst)
                    _insert(conn, decisions, action="auto-move", canonical_id=dst,
                            other_id=src, mention_id=r.id, reason=why, who="eventwire",
                            at=_now())
                    return True
        return False

    def _absorb(self, conn: Connection, cid: str) -> str:
        """Merge canonical events that a new mention has made into one event.

        Reports arrive in any order: two outlets a day apart can found two events before a
        third report shows they are one. After a canonical event changes it is compared with
        its neighbours by the same rules as a mention (both ways); on a match the smaller
        event moves into the larger one, the reasons are appended to the moved mentions and
        a decision 'auto-merge' is logged (reversible with :meth:`split`). Events a reviewer
        touched are never merged automatically. Returns the id that now holds ``cid``."""
        for _ in range(4):  # a merged event may now match one more neighbour
            row = conn.execute(sa.select(_T.c.signature, _T.c.reviewed, _T.c.n_mentions)
                               .where(_T.c.id == cid, _T.c.status == "active")).first()
            if row is None or row.reviewed or not row.signature:
                return cid
            sig = _sig_from_json(row.signature)
            cands = dict(c for c in self._candidates(conn, sig) if c[0] != cid)
            if not cands:
                return cid
            free = {r.id: r.n_mentions for r in conn.execute(
                sa.select(_T.c.id, _T.c.n_mentions).where(
                    _T.c.id.in_(list(cands)), _T.c.reviewed.is_(False),
                    ~sa.exists().where(_M.c.canonical_id == _T.c.id, _M.c.pinned.is_(True))))}
            other, res = dedup.best_match(
                sig, ((k, v) for k, v in cands.items() if k in free), strict=True)
            if other is None or res is None or not dedup.match(
                    cands[other], sig, strict=True).merge:
                return cid
            keep, gone = sorted((cid, other), key=lambda k: (
                -(row.n_mentions if k == cid else free[k]), k))
            why = f"event {gone} merged into {keep} (score {res.score}): " \
                + "; ".join(res.reasons)
            for m in conn.execute(sa.select(_M.c.id, _M.c.join_reasons, _M.c.joined_by)
                                  .where(_M.c.canonical_id == gone)).all():
                _update(conn, _M, m.id, canonical_id=keep,
                        joined_by="auto-merge" if m.joined_by == "new" else m.joined_by,
                        join_reasons=list(m.join_reasons or []) + [why])
            _update(conn, _T, gone, status="merged", merged_into=keep, n_mentions=0)
            self._recompute(conn, keep)
            _insert(conn, decisions, action="auto-merge", canonical_id=keep, other_id=gone,
                    reason=why, who="eventwire", at=_now())
            cid = keep
        return cid

    def _ensure_actor(self, conn: Connection, actor: Actor | None) -> str | None:
        if actor is None or not actor.name:
            return None
        aid = stable_id(actor.name, actor.inter, actor.country, length=20)
        if aid in self._known_ids or aid in self._pending_ids:
            return aid
        self._pending_ids.add(aid)
        if conn.execute(sa.select(actors.c.id).where(actors.c.id == aid)).first() is None:
            _insert(conn, actors,
                id=aid, name=actor.name, inter=actor.inter, country=actor.country)
        return aid

    def _ensure_place(self, conn: Connection, place: Place | None) -> str | None:
        if place is None or not place.name:
            return None
        lat = round(place.lat, 5) if place.lat is not None else None
        lon = round(place.lon, 5) if place.lon is not None else None
        pid = stable_id(place.name, place.iso3, place.admin1, place.admin2, lat, lon,
                        place.geo_precision, place.geonames_id, length=20)
        if pid in self._known_ids or pid in self._pending_ids:
            return pid
        self._pending_ids.add(pid)
        if conn.execute(sa.select(places.c.id).where(places.c.id == pid)).first() is None:
            _insert(conn, places,
                id=pid, name=place.name, country=place.country, iso3=place.iso3,
                admin1=place.admin1, admin2=place.admin2, lat=lat, lon=lon,
                geo_precision=place.geo_precision, geonames_id=place.geonames_id,
                feature_code=place.feature_code)
        return pid

    def _candidates(self, conn: Connection, sig: dedup.Signature
                    ) -> list[tuple[str, dedup.Signature]]:
        dated = sig.date_first is not None
        has_country = bool(sig.iso3)
        has_coords = sig.lat is not None and sig.lon is not None
        params: dict[str, Any] = {"etype": sig.event_type}
        if dated:
            tol = _dt.timedelta(days=dedup.date_tolerance(sig.time_precision))
            lo = sig.date_first - tol  # type: ignore[operator]
            hi = (sig.date_last or sig.date_first) + tol  # type: ignore[operator]
            one = _dt.timedelta(days=1)
            # window_end = centre + tolerance + 1 and a centre within reach lies in
            # [lo - tol_c - 1, hi + tol_c + 1], so this index range is tight and complete
            params.update(end_lo=lo - one, end_hi=hi + _dt.timedelta(days=2 * _MAX_TOLERANCE + 2),
                          start_hi=hi + one)
        if has_country:
            params["iso3"] = sig.iso3
        if has_coords:
            # a bounding box around the widest distance dedup.compare_places could accept
            # against a canonical event placed at precision 1-2 (region-level ones pass)
            km = dedup.PLACE_TOLERANCE_KM[max(2, min(sig.geo_precision, 3))]
            dlat = km / 111.0 + 0.01
            coslat = max(0.05, math.cos(math.radians(min(abs(sig.lat), 85.0))))  # type: ignore[arg-type]
            dlon = km / (111.0 * coslat) + 0.01
            params.update(lat_lo=sig.lat - dlat, lat_hi=sig.lat + dlat,  # type: ignore[operator]
                          lon_lo=sig.lon - dlon, lon_hi=sig.lon + dlon)  # type: ignore[operator]
        stmt = _candidate_stmt(dated, has_country, has_coords)
        return [(cid, _sig_from_json(js)) for cid, js in conn.execute(stmt, params)]

    def _recompute(self, conn: Connection, cid: str) -> None:
        """Re-derive a canonical event's fields from all its mentions (never incremental, so
        the result depends only on which mentions it has)."""
        rows = conn.execute(_MENTIONS_OF, {"cid": cid}).all()
        if not rows:
            _update(conn, _T, cid,
                status="empty", n_mentions=0, n_sources=0, n_outlets=0)
            return
        _update(conn, _T, cid, **_canonical_values(rows))
        # a reviewer's corrections outrank what the machine just derived
        _corrections.reapply(self, conn, cid)

    # --- reviewing -----------------------------------------------------------------------

    def split(self, mention_id: str, *, reason: str | None = None,
              who: str | None = None) -> str:
        """Take a mention out of its canonical event into a new one of its own (the reverse
        of a merge). Returns the new canonical id."""
        with self._write() as conn:
            row = conn.execute(sa.select(_M.c.canonical_id).where(_M.c.id == mention_id)
                               ).first()
            if row is None:
                raise StoreError(f"{mention_id}: no such mention")
            old = row.canonical_id
            if old is not None:
                n = conn.execute(sa.select(sa.func.count()).where(_M.c.canonical_id == old)
                                 ).scalar_one()
                if n <= 1:
                    raise StoreError(f"{mention_id}: already the only mention of {old}")
            new = self._fresh_id(conn, "ce" + mention_id)
            mrow = conn.execute(sa.select(_M.c.event_type, _M.c.sub_event_type)
                                .where(_M.c.id == mention_id)).one()
            _insert(conn, _T,
                id=new, status="active", event_type=mrow.event_type,
                sub_event_type=mrow.sub_event_type, signature={}, reviewed=True)
            _update(conn, _M, mention_id,
                canonical_id=new, joined_by="reviewer", join_score=None, pinned=True,
                join_reasons=[f"split from {old} by {who or 'a reviewer'}"
                              + (f": {reason}" if reason else "")])
            self._recompute(conn, new)
            if old is not None:
                self._recompute(conn, old)
                _update(conn, _T, old, reviewed=True)
            _insert(conn, decisions,
                action="split", canonical_id=old, other_id=new, mention_id=mention_id,
                reason=reason, who=who, at=_now())
            return new

    def merge(self, canonical_a: str, canonical_b: str, reason: str | None = None, *,
              who: str | None = None) -> str:
        """Merge canonical event B into A (all of B's mentions move to A; B is kept as
        'merged' so its id still resolves). Returns A's id."""
        if canonical_a == canonical_b:
            raise StoreError(f"{canonical_a}: cannot merge an event with itself")
        with self._write() as conn:
            for cid in (canonical_a, canonical_b):
                st = conn.execute(sa.select(_T.c.status).where(_T.c.id == cid)).first()
                if st is None:
                    raise StoreError(f"{cid}: no such canonical event")
                if st.status != "active":
                    raise StoreError(f"{cid}: is {st.status}, not active")
            note = (f"merged from {canonical_b} by {who or 'a reviewer'}"
                    + (f": {reason}" if reason else ""))
            moved = conn.execute(sa.select(_M.c.id, _M.c.join_reasons)
                                 .where(_M.c.canonical_id == canonical_b)).all()
            for m in moved:
                _update(conn, _M, m.id,
                    canonical_id=canonical_a, joined_by="reviewer", pinned=True,
                    join_reasons=list(m.join_reasons or []) + [note])
            _update(conn, _T, canonical_b,
                status="merged", merged_into=canonical_a, reviewed=True, n_mentions=0)
            _update(conn, _T, canonical_a, reviewed=True)
            self._recompute(conn, canonical_a)
            _insert(conn, decisions,
                action="merge", canonical_id=canonical_a, other_id=canonical_b,
                reason=reason, who=who, at=_now())
            return canonical_a

    def _fresh_id(self, conn: Connection, base: str) -> str:
        cid, n = base, 1
        while conn.execute(sa.select(_T.c.id).where(_T.c.id == cid)).first() is not None:
            cid = stable_id(base, n, length=20)
            cid = "ce" + cid
            n += 1
        return cid

    # --- reading -------------------------------------------------------------------------

    def resolve(self, canonical_id: str) -> str | None:
        """Follow reviewer merges to the canonical id that now holds the event. The
        ``event_id_cnty`` of an ACLED CSV export (ISO3 and part of the id) names it too."""
        with self.read() as conn:
            cid: str | None = canonical_id
            for step in range(100):
                row = conn.execute(sa.select(_T.c.status, _T.c.merged_into)
                                   .where(_T.c.id == cid)).first()
                if row is None and step == 0:  # an export's event_id_cnty, if it is one
                    cid = self._from_acled_id(conn, canonical_id)
                    if cid is not None:
                        continue
                if row is None:
                    return None
                if row.status != "merged":
                    return cid
                cid = row.merged_into
            return cid

    @staticmethod
    def _from_acled_id(conn: Connection, acled_id: str) -> str | None:
        """The canonical id behind an export's ``event_id_cnty`` (``export.acled_row``:
        ISO3, or XXX when no country, then the 8 characters after the id's "ce"); None
        when no event, or more than one, fits."""
        iso3, part = acled_id[:3], acled_id[3:]
        if len(acled_id) != 11 or not iso3.isalpha() or not iso3.isupper() or \
                any(ch not in "0123456789abcdef" for ch in part):
            return None
        where = _T.c.iso3.is_(None) if iso3 == "XXX" else _T.c.iso3 == iso3
        ids = conn.execute(sa.select(_T.c.id).where(_T.c.id.like(f"ce{part}%"), where)
                           .limit(2)).scalars().all()
        return ids[0] if len(ids) == 1 else None

    def canonical_events(
        self,
        *,
        date_from: _dt.date | str | None = None,
        date_to: _dt.date | str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        min_fatalities: int | None = None,
        min_sources: int | None = None,
        ids: Sequence[str] | None = None,
        with_sources: bool = True,
        limit: int | None = None,
    ) -> list[CanonicalEvent]:
        """Active canonical events, ordered by date then id, with their sources."""
        q = sa.select(_T).where(_T.c.status == "active")
        if date_from:
            q = q.where(_T.c.date >= dedup.parse_date(date_from))
        if date_to:
            q = q.where(_T.c.date <= dedup.parse_date(date_to))
        if country:
            c = country.strip()
            if len(c) == 3 and c.isalpha():
                q = q.where(sa.func.upper(_T.c.iso3) == c.upper())
            else:
                q = q.where(_T.c.place_id.in_(
                    sa.select(places.c.id).where(sa.func.lower(places.c.country) == c.lower())))
        if event_type:
            et = event_type.lower()
            q = q.where(sa.or_(sa.func.lower(_T.c.event_type) == et,
                               sa.func.lower(_T.c.sub_event_type) == et))
        if min_fatalities is not None:
            q = q.where(_T.c.fatalities_best >= min_fatalities)
        if min_sources is not None:
            q = q.where(_T.c.n_sources >= min_sources)
        if ids is not None:
            q = q.where(_T.c.id.in_(list(ids)))
        q = q.order_by(_T.c.date, _T.c.id)
        if limit:
            q = q.limit(limit)
        with self.read() as conn:
            rows = conn.execute(q).all()
            return self._build_canonicals(conn, rows, with_sources)

    def canonical(self, canonical_id: str) -> CanonicalEvent | None:
        """One canonical event (following reviewer merges)."""
        cid = self.resolve(canonical_id)
        if cid is None:
            return None
        with self.read() as conn:
            rows = conn.execute(sa.select(_T).where(_T.c.id == cid)).all()
            built = self._build_canonicals(conn, rows, True)
        return built[0] if built else None

    def _build_canonicals(self, conn: Connection, rows: Sequence[Any],
                          with_sources: bool) -> list[CanonicalEvent]:
        actor_ids = {r.actor1_id for r in rows} | {r.actor2_id for r in rows}
        place_ids = {r.place_id for r in rows}
        amap = _fetch_by_id(conn, actors, actor_ids - {None}, _actor_from_row)
        pmap = _fetch_by_id(conn, places, place_ids - {None}, _place_from_row)
        sources: dict[str, list[Source]] = {}
        if with_sources and rows:
            cids = [r.id for r in rows]
            for i in range(0, len(cids), 500):
                q = (sa.select(_M.c.id, _M.c.canonical_id, _M.c.article_id,
                               _M.c.fatalities_best, _M.c.fatalities_low,
                               _M.c.fatalities_high, _M.c.evidence_text, articles.c.url,
                               articles.c.outlet, articles.c.published)
                     .join(articles, articles.c.id == _M.c.article_id)
                     .where(_M.c.canonical_id.in_(cids[i : i + 500]))
                     .order_by(articles.c.published, _M.c.id))
                for m in conn.execute(q):
                    sources.setdefault(m.canonical_id, []).append(Source(
                        article_id=m.article_id, mention_id=m.id, url=m.url,
                        outlet=m.outlet, published=m.published,
                        fatalities=Fatalities(m.fatalities_best, m.fatalities_low,
                                              m.fatalities_high),
                        evidence=m.evidence_text))
        return [
            CanonicalEvent(
                canonical_id=r.id,
                event_type=r.event_type,
                sub_event_type=r.sub_event_type,
                disorder_type=r.disorder_type,
                actor1=amap.get(r.actor1_id),
                actor2=amap.get(r.actor2_id),
                location=pmap.get(r.place_id),
                date=r.date,
                time_precision=r.time_precision,
                date_first=r.date_first,
                date_last=r.date_last,
                fatalities=Fatalities(r.fatalities_best, r.fatalities_low, r.fatalities_high),
                n_mentions=r.n_mentions,
                n_sources=r.n_sources,
                n_outlets=r.n_outlets,
                first_seen=r.first_seen,
                last_seen=r.last_seen,
                reviewed=bool(r.reviewed),
                sources=sources.get(r.id, []),
            )
            for r in rows
        ]

    def mentions_of(self, canonical_id: str) -> list[StoredMention]:
        """Every mention of a canonical event, with how it joined."""
        with self.read() as conn:
            rows = conn.execute(
                sa.select(_M, articles.c.url, articles.c.outlet, articles.c.published)
                .join(articles, articles.c.id == _M.c.article_id)
                .where(_M.c.canonical_id == canonical_id)
                .order_by(articles.c.published, _M.c.id)
            ).all()
        return [_mention_from_row(r) for r in rows]

    def mention(self, mention_id: str) -> StoredMention | None:
        with self.read() as conn:
            r = conn.execute(
                sa.select(_M, articles.c.url, articles.c.outlet, articles.c.published)
                .join(articles, articles.c.id == _M.c.article_id)
                .where(_M.c.id == mention_id)
            ).first()
        return _mention_from_row(r) if r is not None else None

    def explain(self, canonical_id: str) -> dict[str, Any]:
        """Why these mentions are one event: each mention's join verdict and reasons, and
        every reviewer decision that touched the event."""
        cid = self.resolve(canonical_id)
        ce = self.canonical(canonical_id) if cid else None
        if ce is None or cid is None:
            raise StoreError(f"{canonical_id}: no such canonical event")
        with self.read() as conn:
            decs = conn.execute(
                sa.select(decisions).where(sa.or_(
                    decisions.c.canonical_id == cid, decisions.c.other_id == cid))
                .order_by(decisions.c.id)).all()
        return {
            "canonical_id": cid,
            "requested_id": canonical_id,
            "event": ce.to_dict(),
            "mentions": [
                {
                    "mention_id": m.mention_id,
                    "article_id": m.article_id,
                    "url": m.url,
                    "outlet": m.outlet,
                    "published": m.published.isoformat() if m.published else None,
                    "joined_by": m.joined_by,
                    "score": m.join_score,
                    "reasons": m.join_reasons,
                    "pinned": m.pinned,
                    "evidence": m.event.evidence.text if m.event.evidence else None,
                }
                for m in self.mentions_of(cid)
            ],
            "decisions": [
                {"action": d.action, "canonical_id": d.canonical_id, "other_id": d.other_id,
                 "mention_id": d.mention_id, "reason": d.reason, "who": d.who,
                 "at": d.at.isoformat() if d.at else None}
                for d in decs
            ],
        }

    def stats(self) -> dict[str, int]:
        with self.read() as conn:
            def count(t: sa.Table, *where: Any) -> int:
                return conn.execute(sa.select(sa.func.count()).select_from(t).where(*where)
                                    ).scalar_one()
            return {
                "articles": count(articles),
                "mentions": count(_M),
                "canonical_events": count(_T, _T.c.status == "active"),
                "actors": count(actors),
                "places": count(places),
                "decisions": count(decisions),
            }

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row that describes content (no timestamps), sorted: two stores with equal
        snapshots hold the same events. Used by the crash-safety test."""
        skip = {"added_at"}
        out: dict[str, list[tuple[Any, ...]]] = {}
        with self.read() as conn:
            for t in (articles, actors, places, _M, _T):
                cols = [c for c in t.c if c.name not in skip]
                rows = conn.execute(sa.select(*cols)).all()
                out[t.name] = sorted(
                    (tuple(_freeze(v) for v in r) for r in rows), key=repr)
        return out


_MENTIONS_OF = (
    sa.select(_M.c.id, _M.c.record, _M.c.actor1_id, _M.c.actor2_id, _M.c.place_id,
              _M.c.date, _M.c.time_precision, _M.c.fatalities_best, _M.c.fatalities_low,
              _M.c.fatalities_high, _M.c.disorder_type, _M.c.article_id,
              articles.c.published, articles.c.outlet, articles.c.url)
    .join(articles, articles.c.id == _M.c.article_id)
    .where(_M.c.canonical_id == sa.bindparam("cid"))
    .order_by(articles.c.published, _M.c.id)
)
_UPDATE_BY_ID: dict[str, Any] = {}
_INSERT_NEW: dict[tuple[str, str], Any] = {}
_CANDIDATE_STMTS: dict[tuple[bool, bool, bool], Any] = {}


def _candidate_stmt(dated: bool, has_country: bool, has_coords: bool) -> Any:
    """The dedup candidate query, built once per shape (bind parameters, cached compile)."""
    key = (dated, has_country, has_coords)
    stmt = _CANDIDATE_STMTS.get(key)
    if stmt is not None:
        return stmt
    bp = sa.bindparam
    q = sa.select(_T.c.id, _T.c.signature).where(
        _T.c.status == "active", _T.c.event_type == bp("etype"))
    if dated:
        q = q.where(_T.c.window_end.between(bp("end_lo"), bp("end_hi")),
                    _T.c.window_start <= bp("start_hi"))
    else:
        # no date: only an undated canonical event could be the same one
        q = q.where(_T.c.date_first.is_(None))
    if has_country:
        # (a canonical event with no country is not a candidate for a mention with one:
        # nothing could confirm the place)
        q = q.where(_T.c.iso3 == bp("iso3"))
    if has_coords:
        q = q.where(sa.or_(
            _T.c.geo_precision >= 3,
            _T.c.lat.is_(None),
            sa.and_(_T.c.lat.between(bp("lat_lo"), bp("lat_hi")),
                    _T.c.lon.between(bp("lon_lo"), bp("lon_hi"))),
        ))
    stmt = _CANDIDATE_STMTS[key] = q.order_by(_T.c.id)
    return stmt


def _insert_new(conn: Connection, table: sa.Table, values: dict[str, Any]) -> bool:
    """INSERT unless a row with this primary key exists; True if inserted."""
    key = (conn.dialect.name, table.name)
    stmt = _INSERT_NEW.get(key)
    if stmt is None:
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        pk = list(table.primary_key.columns)
        # RETURNING, not rowcount: psycopg reports a row for a skipped ON CONFLICT insert
        stmt = _INSERT_NEW[key] = insert(table).on_conflict_do_nothing(
            index_elements=[c.name for c in pk]).returning(*pk)
    return conn.execute(stmt, values).first() is not None


def _insert(conn: Connection, table: sa.Table, **values: Any) -> None:
    # a plain insert() with a parameter dict compiles once and is cached; .values(...) would
    # build and hash a new statement for every row
    conn.execute(table.insert(), values)


def _update(conn: Connection, table: sa.Table, key: str, **values: Any) -> None:
    stmt = _UPDATE_BY_ID.get(table.name)
    if stmt is None:
        stmt = _UPDATE_BY_ID[table.name] = table.update().where(
            table.c.id == sa.bindparam("_key"))
    conn.execute(stmt, {"_key": key, **values})


class _WriteTx:
    """Context manager: a transaction that serialises writers (PostgreSQL advisory lock;
    SQLite gets BEGIN IMMEDIATE from the engine)."""

    _LOCK_KEY = 0x6576_7477  # "evtw"

    def __init__(self, store: Store) -> None:
        self._store = store
        self._cm = store.engine.begin()

    def __enter__(self) -> Connection:
        self._store._pending_ids.clear()
        conn = self._cm.__enter__()
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": self._LOCK_KEY})
        return conn

    def __exit__(self, *exc: Any) -> Any:
        try:
            out = self._cm.__exit__(*exc)
        except BaseException:
            self._store._pending_ids.clear()
            raise
        with self._store._version_lock:  # after the commit: see change_token
            self._store._writes += 1
        if exc[0] is None and len(self._store._known_ids) < 1_000_000:
            self._store._known_ids |= self._store._pending_ids
        self._store._pending_ids.clear()
        return out


# --- helpers ------------------------------------------------------------------------------

def _canonical_values(rows: Sequence[Any]) -> dict[str, Any]:
    """A canonical event's fields from its mention rows (ordered by published, id)."""
    evs = [Event.from_dict(r.record) for r in rows]
    sigs = [dedup.signature(e) for e in evs]
    merged = dedup.merge_signatures(sigs)
    # the place row of the mention merge_signatures took the place from
    place_idx = min(range(len(sigs)), key=lambda i: (
        sigs[i].geo_precision if sigs[i].lat is not None or sigs[i].place_name else 9))
    tp = merged.time_precision
    day = merged.date_first
    fat = dedup.reconcile_fatalities(
        Fatalities(r.fatalities_best, r.fatalities_low, r.fatalities_high) for r in rows)
    same_type = [i for i, s in enumerate(sigs) if s.event_type == merged.event_type]
    seen = [r.published or r.date for r in rows if (r.published or r.date)]
    outlets = {r.outlet or _host(r.url) or r.article_id for r in rows}
    # +1: the slack dedup.match allows a report within a day of another report
    tol = _dt.timedelta(days=dedup.date_tolerance(merged.time_precision) + 1)
    precise_days = sorted(r.date for r in rows if r.date and r.time_precision == tp)
    return dict(
        event_type=merged.event_type,
        sub_event_type=merged.sub_event_type,
        disorder_type=_mode_nonnull([rows[i].disorder_type for i in same_type]),
        actor1_id=_pick_actor([rows[i].actor1_id for i in same_type],
                              [evs[i].actor1 for i in same_type]),
        actor2_id=_pick_actor([rows[i].actor2_id for i in same_type],
                              [evs[i].actor2 for i in same_type]),
        place_id=rows[place_idx].place_id,
        iso3=merged.iso3,
        admin1=(evs[place_idx].location.admin1 if evs[place_idx].location else None),
        lat=merged.lat,
        lon=merged.lon,
        geo_precision=merged.geo_precision,
        date=day,
        date_first=precise_days[0] if precise_days else None,
        date_last=precise_days[-1] if precise_days else None,
        time_precision=tp,
        window_start=merged.date_first - tol if merged.date_first else None,
        window_end=merged.date_last + tol if merged.date_last else None,
        fatalities_best=fat.best,
        fatalities_low=fat.low,
        fatalities_high=fat.high,
        n_mentions=len(rows),
        n_sources=len({r.article_id for r in rows}),
        n_outlets=len(outlets),
        first_seen=min(seen) if seen else None,
        last_seen=max(seen) if seen else None,
        signature=_sig_to_json(merged),
    )


def _sig_to_json(sig: dedup.Signature) -> dict[str, Any]:
    return {
        "event_type": sig.event_type,
        "sub_event_type": sig.sub_event_type,
        "actors": [[a.name, sorted(a.tokens), a.inter, a.generic, a.initials, a.alias,
                    a.from_text] for a in sig.actors],
        "iso3": sig.iso3,
        "admin1": sig.admin1,
        "place_name": sig.place_name,
        "lat": sig.lat,
        "lon": sig.lon,
        "geo_precision": sig.geo_precision,
        "date_first": sig.date_first.isoformat() if sig.date_first else None,
        "date_last": sig.date_last.isoformat() if sig.date_last else None,
        "time_precision": sig.time_precision,
        "range_first": sig.range_first.isoformat() if sig.range_first else None,
        "range_last": sig.range_last.isoformat() if sig.range_last else None,
        "tolls": list(sig.tolls),
    }


def _sig_from_json(js: dict[str, Any]) -> dedup.Signature:
    return dedup.Signature(
        event_type=js["event_type"],
        sub_event_type=js["sub_event_type"],
        actors=tuple(dedup.ActorKey(a[0], frozenset(a[1]), a[2], bool(a[3]), *a[4:7])
                     for a in js["actors"]),
        iso3=js.get("iso3"),
        admin1=js.get("admin1"),
        place_name=js.get("place_name"),
        lat=js.get("lat"),
        lon=js.get("lon"),
        geo_precision=js.get("geo_precision", 3),
        date_first=dedup.parse_date(js.get("date_first")),
        date_last=dedup.parse_date(js.get("date_last")),
        time_precision=js.get("time_precision", 3),
        range_first=dedup.parse_date(js.get("range_first")),
        range_last=dedup.parse_date(js.get("range_last")),
        tolls=tuple(js.get("tolls") or ()),
    )


def _pick_actor(ids: Sequence[str | None], objs: Sequence[Actor | None]) -> str | None:
    """The actor most outlets name, preferring a named group over a generic one."""
    named = [i for i, a in zip(ids, objs, strict=True)
             if i and a is not None and not dedup.actor_key(a.name, a.inter).generic]
    pool = named or [i for i in ids if i]
    return _mode_nonnull(pool)


def _mode_nonnull(values: Sequence[Any]) -> Any:
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    counts = Counter(vals)
    top = max(counts.values())
    return next(v for v in vals if counts[v] == top)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return host[4:] if host and host.startswith("www.") else host


def _fetch_by_id(conn: Connection, table: sa.Table, ids: set[Any], build: Any) -> dict:
    out: dict = {}
    ids_l = sorted(ids)
    for i in range(0, len(ids_l), 500):
        for r in conn.execute(sa.select(table).where(table.c.id.in_(ids_l[i : i + 500]))):
            out[r.id] = build(r)
    return out


def _actor_from_row(r: Any) -> Actor:
    return Actor(name=r.name, inter=r.inter, country=r.country)


def _place_from_row(r: Any) -> Place:
    return Place(name=r.name, country=r.country, iso3=r.iso3, admin1=r.admin1,
                 admin2=r.admin2, lat=r.lat, lon=r.lon, geo_precision=r.geo_precision,
                 geonames_id=r.geonames_id, feature_code=r.feature_code)


def _mention_from_row(r: Any) -> StoredMention:
    return StoredMention(
        mention_id=r.id, canonical_id=r.canonical_id, article_id=r.article_id, url=r.url,
        outlet=r.outlet, published=r.published, event=Event.from_dict(r.record),
        joined_by=r.joined_by, join_score=r.join_score,
        join_reasons=list(r.join_reasons or []), pinned=bool(r.pinned))


def _freeze(v: Any) -> Any:
    if isinstance(v, dict):
        return tuple(sorted((k, _freeze(x)) for k, x in v.items()))
    if isinstance(v, list):
        return tuple(_freeze(x) for x in v)
    if isinstance(v, float):
        return round(v, 6)
    return v
