"""Continuous monitoring: poll feeds, fetch new articles, extract, store, deduplicate.

Fetching (politeness, robots.txt, address checks, retries) and page-to-Article cleaning come
from ``eventwire.ingest``; this module only decides what to fetch when: which feeds are due,
which entries are new (their URL is not in the store yet), and how long a failing feed waits
(exponential backoff, kept in the store's ``feeds`` table so it survives restarts).
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import sqlalchemy as sa

from ..errors import EventwireError, InputError
from ..guard import failure_reason
from ..records import Article, Event
from .schema import feeds as _feeds
from .store import Store

log = logging.getLogger("eventwire.watch")

Extractor = Callable[[Article], list[Event]]
MAX_BACKOFF = 6 * 3600.0  # a failing feed is retried at least every 6 hours
PAGE_ATTEMPTS = 3  # a page that fails this many times is left alone until restart


def parse_every(text: str) -> float:
    """'15m', '30s', '2h', '1d' or plain seconds -> seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not m:
        raise ValueError(f"{text!r}: not a duration (use e.g. 30s, 15m, 2h)")
    value = float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]
    if value <= 0:
        raise ValueError(f"{text!r}: the interval must be positive")
    return value


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs from a text file (one per line, # comments) or an OPML file."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the feed list ({exc.strerror})") from exc
    if re.search(r"<\s*opml\b", raw[:2048], re.IGNORECASE):
        from lxml import etree

        try:
            root = etree.fromstring(raw.encode("utf-8"),
                                    parser=etree.XMLParser(resolve_entities=False,
                                                           no_network=True))
        except etree.XMLSyntaxError as exc:
            raise InputError(str(path), f"not valid OPML ({exc})") from exc
        urls = [o.get("xmlUrl") or o.get("xmlurl") or o.get("url")
                for o in root.iter("outline")]
        found = [u.strip() for u in urls if u and u.strip()]
    else:
        found = [ln.strip() for ln in raw.splitlines()
                 if ln.strip() and not ln.strip().startswith("#")]
    bad = [u for u in found if not u.startswith(("http://", "https://"))]
    if bad:
        raise InputError(str(path), f"not an http(s) URL: {bad[0]!r}")
    if not found:
        raise InputError(str(path), "no feed URLs in it")
    return list(dict.fromkeys(found))


_FEED_THREADS = 8  # feeds fetched at once


@dataclass(slots=True)
class PollStats:
    feeds_polled: int = 0
    feeds_failed: int = 0
    entries_seen: int = 0
    articles_added: int = 0
    pages_failed: int = 0
    mentions_added: int = 0
    canonical_created: int = 0
    canonical_joined: int = 0
    errors: list[str] = field(default_factory=list)


class Watcher:
    """Polls ``feed_urls`` into ``store``. ``stop`` (a threading.Event) ends it cleanly."""

    def __init__(
        self,
        store: Store,
        feed_urls: Sequence[str],
        *,
        every: float = 900.0,
        extractor: Extractor | None = None,
        allow_private: bool = False,
        fetch_timeout: float = 20.0,
        min_interval: float = 1.0,
        max_items: int = 200,
        stop: threading.Event | None = None,
    ) -> None:
        from ..ingest.fetch import Fetcher, FetchOptions

        self.store = store
        self.feed_urls = list(feed_urls)
        self.every = every
        self.max_items = max_items
        self.stop = stop or threading.Event()
        self._extractor = extractor
        self._fetcher = Fetcher(FetchOptions(
            allow_private=allow_private, timeout=fetch_timeout, retries=1,
            min_interval=min_interval))
        self._page_failures: dict[str, int] = {}

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            from ..pipeline import Pipeline

            self._extractor = Pipeline().extract
        return self._extractor

    def close(self) -> None:
        self._fetcher.close()

    # --- the loop --------------------------------------------------------------------------

    def run(self, max_polls: int | None = None) -> PollStats | None:
        """Poll every ``every`` seconds until ``stop`` is set (or ``max_polls`` rounds);
        returns the last round's figures (None if no round finished)."""
        polls = 0
        last: PollStats | None = None
        while not self.stop.is_set():
            try:
                last = self.poll_once()
            except Exception as exc:  # noqa: BLE001 - a monitor must outlive one bad poll
                # (a database that is briefly unreachable, a bug on one odd page...)
                log.error("watch: poll failed: %s: %s; trying again in %.0fs",
                          type(exc).__name__, exc, self.every)
            polls += 1
            if max_polls is not None and polls >= max_polls:
                break
            self.stop.wait(self._sleep_time())
        log.info("watch: stopped")
        return last

    def _sleep_time(self) -> float:
        """Until the next feed is due (never longer than ``every``)."""
        due = self._due_times()
        now = _now()
        waits = [max(0.0, (t - now).total_seconds()) for t in due.values() if t is not None]
        return min([self.every, *waits]) if waits else self.every

    def poll_once(self) -> PollStats:
        stats = PollStats()
        due = self._due_times()
        now = _now()
        urls = [u for u in self.feed_urls if (at := due.get(u)) is None or at <= now]
        # Feeds are fetched at once, each within its own timeout: a hanging feed costs its
        # own timeout, not everyone's. Articles are then fetched and stored feed by feed.
        pool = ThreadPoolExecutor(max_workers=max(1, min(_FEED_THREADS, len(urls))),
                                  thread_name_prefix="eventwire-feed")
        try:
            pending = {url: pool.submit(self._entries, url) for url in urls}
            for url in urls:
                if self.stop.is_set():
                    break
                self._poll_feed(url, stats, pending[url])
        finally:
            pool.shutdown(wait=not self.stop.is_set(), cancel_futures=True)
        log.info(
            "watch: polled %d feed(s) (%d failed), %d new article(s), %d mention(s): "
            "%d new event(s), %d joined existing", stats.feeds_polled, stats.feeds_failed,
            stats.articles_added, stats.mentions_added, stats.canonical_created,
            stats.canonical_joined)
        return stats

    def _poll_feed(self, url: str, stats: PollStats,
                   pending: Future[list[tuple[str, _dt.date | None]]]) -> None:
        stats.feeds_polled += 1
        try:
            entries = pending.result()
        except Exception as exc:  # noqa: BLE001 - a broken feed is that feed's failure
            reason = exc.reason if isinstance(exc, InputError) else failure_reason(exc)
            stats.feeds_failed += 1
            stats.errors.append(f"{url}: {reason}")
            wait = self._record_failure(url, reason)
            log.warning("watch: feed %s failed (%s); next try in %.0fs", url, reason, wait)
            return
        self._record_success(url)
        stats.entries_seen += len(entries)
        known = self.store.known_urls(u for u, _ in entries)
        new = [(u, d) for u, d in entries if u not in known
               and self._page_failures.get(u, 0) < PAGE_ATTEMPTS]
        log.info("watch: feed %s: %d entries, %d new", url, len(entries), len(new))
        for page_url, published in new:
            if self.stop.is_set():
                return
            self._ingest_page(page_url, published, stats)

    def _ingest_page(self, url: str, published: _dt.date | None, stats: PollStats) -> None:
        from ..ingest.article import article_from_string

        try:
            res = self._fetcher.get(url)
            article = article_from_string(res.content, source=url, url=res.url or url,
                                          published=published)
            if article.url != url:
                article.url = url  # the feed's URL is what we check "seen" against
        except InputError as exc:
            self._page_failures[url] = self._page_failures.get(url, 0) + 1
            stats.pages_failed += 1
            stats.errors.append(f"{url}: {exc.reason}")
            log.warning("watch: article %s failed: %s", url, exc.reason)
            return
        try:
            events = self.extractor(article)
        except Exception as exc:  # noqa: BLE001 - one article's fault, never the watcher's
            reason = str(exc) if isinstance(exc, EventwireError) else failure_reason(exc)
            self._page_failures[url] = self._page_failures.get(url, 0) + 1
            stats.pages_failed += 1
            stats.errors.append(f"{url}: {reason}")
            log.warning("watch: article %s not coded: %s", url, reason)
            return
        result = self.store.add_article(article, events)
        if result.added:
            stats.articles_added += 1
            stats.mentions_added += result.mentions_added
            stats.canonical_created += result.canonical_created
            stats.canonical_joined += result.canonical_joined
            log.info("watch: stored %s: %d event(s), %d new, %d joined", url,
                     result.mentions_added, result.canonical_created, result.canonical_joined)

    def _entries(self, url: str) -> list[tuple[str, _dt.date | None]]:
        import feedparser

        from ..ingest.web import sniff_kind

        res = self._fetcher.get(url)
        if not res.content.strip():
            raise InputError(url, "empty response (no feed)")
        kind = sniff_kind(res.content, res.content_type)
        if kind != "feed":
            what = "an HTML page" if kind == "page" else f"a {kind}"
            raise InputError(url, f"not an RSS/Atom feed ({what})")
        parsed = feedparser.parse(res.content)
        if parsed.bozo and not parsed.entries:
            raise InputError(url, f"not a readable RSS/Atom feed ({parsed.bozo_exception})")
        out: list[tuple[str, _dt.date | None]] = []
        for entry in parsed.entries[: self.max_items]:
            link = entry.get("link")
            if not link:
                continue
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            day = _dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
            out.append((urljoin(res.url or url, link), day))
        if parsed.bozo and not out:
            # broken XML that yields no usable link is a broken feed, not a quiet one
            raise InputError(url, f"malformed feed XML ({parsed.bozo_exception})")
        # oldest first, so canonical events grow in the order the news came out
        out.sort(key=lambda e: (e[1] or _dt.date.max, e[0]))
        return out

    # --- feed state (backoff) ----------------------------------------------------------------

    def _due_times(self) -> dict[str, _dt.datetime | None]:
        with self.store.read() as conn:
            rows = conn.execute(sa.select(_feeds.c.url, _feeds.c.next_poll)).all()
        return {r.url: _aware(r.next_poll) for r in rows}

    def _record_failure(self, url: str, reason: str) -> float:
        with self.store._write() as conn:
            row = conn.execute(sa.select(_feeds.c.failures).where(_feeds.c.url == url)).first()
            failures = (row.failures if row else 0) + 1
            wait = min(self.every * (2 ** (failures - 1)), MAX_BACKOFF)
            values = dict(failures=failures, last_error=reason[:500],
                          next_poll=_now() + _dt.timedelta(seconds=wait))
            if row:
                conn.execute(_feeds.update().where(_feeds.c.url == url).values(**values))
            else:
                conn.execute(_feeds.insert().values(url=url, **values))
        return wait

    def _record_success(self, url: str) -> None:
        values = dict(failures=0, last_error=None, last_ok=_now(),
                      next_poll=_now() + _dt.timedelta(seconds=self.every))
        with self.store._write() as conn:
            if conn.execute(sa.select(_feeds.c.url).where(_feeds.c.url == url)).first():
                conn.execute(_feeds.update().where(_feeds.c.url == url).values(**values))
            else:
                conn.execute(_feeds.insert().values(url=url, **values))


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def _aware(value: _dt.datetime | None) -> _dt.datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=_dt.UTC)


def install_signal_handlers(stop: threading.Event) -> None:
    """SIGTERM and SIGINT set ``stop``: the current article finishes, then the loop ends."""
    import signal

    def _handler(signum: int, _frame: object) -> None:
        log.info("watch: got %s, stopping after the current article",
                 signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, _handler)
    signal.signal(signal.SIGINT, _handler)


