"""`eventwire watch` against a local HTTP server: polls, stores new articles once, backs off a
failing feed, and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa

from eventwire.store import Store
from eventwire.store.schema import feeds
from eventwire.store.watch import parse_every, read_feed_list

ROOT = Path(__file__).resolve().parents[2]

PAGES = {
    "/news/kerwa-attack": (
        "Gunmen kill 12 in Kerwa village",
        "Gunmen attacked the village of Kerwa in Borno State on Friday, killing 12 people, "
        "police said. Residents fled to the nearby town after the raid.",
        "Sat, 02 Mar 2024 08:00:00 GMT",
    ),
    "/news/kerwa-raid": (
        "Villagers mourn after Kerwa raid",
        "At least 14 people were killed when armed men raided Kerwa in Borno State on Friday, "
        "a local official said. Homes were burned during the attack.",
        "Sat, 02 Mar 2024 12:00:00 GMT",
    ),
    "/news/lagos-march": (
        "Traders march in Lagos",
        "Hundreds of traders protested in Lagos on Monday against new market fees, "
        "witnesses said. The march ended peacefully.",
        "Tue, 05 Mar 2024 09:00:00 GMT",
    ),
}


class _Site:
    """Serves /feed.xml (items in self.items), the pages, and /broken.xml (HTTP 500)."""

    def __init__(self) -> None:
        self.items = ["/news/kerwa-attack", "/news/kerwa-raid"]
        self.hits: dict[str, int] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                if self.path == "/feed.xml":
                    body = site.feed().encode()
                    ctype = "application/rss+xml"
                elif self.path in PAGES:
                    title, text, _ = PAGES[self.path]
                    body = (f"<html><head><title>{title}</title></head><body><article>"
                            f"<h1>{title}</h1><p>{text}</p></article></body></html>").encode()
                    ctype = "text/html; charset=utf-8"
                elif self.path == "/broken.xml":
                    self.send_response(500)
                    self.end_headers()
                    return
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{PAGES[p][0]}</title><link>{self.base}{p}</link>"
            f"<pubDate>{PAGES[p][2]}</pubDate></item>" for p in self.items)
        return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>'
                f"<link>{self.base}/</link>{items}</channel></rss>")

    def __enter__(self) -> _Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _wait_for(predicate, timeout: float = 90.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def _articles(db: str) -> int:
    with Store.open(db) as s:
        return s.stats()["articles"]


def test_watch_polls_stores_new_articles_once_and_stops_on_sigterm(tmp_path: Path) -> None:
    db = str(tmp_path / "watch.sqlite")
    Store.open(db).close()
    with _Site() as site:
        feed_list = tmp_path / "feeds.opml"
        feed_list.write_text(
            '<?xml version="1.0"?><opml version="2.0"><body>'
            f'<outline text="wire" xmlUrl="{site.base}/feed.xml"/>'
            f'<outline text="broken" xmlUrl="{site.base}/broken.xml"/></body></opml>')
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        proc = subprocess.Popen(
            [sys.executable, "-c", "from eventwire.cli import main; main()", "watch",
             str(feed_list), "--every", "1s", "--db", db, "--allow-private",
             "--min-interval", "0"],
            stderr=subprocess.PIPE, text=True, env=env)
        try:
            assert _wait_for(lambda: _articles(db) == 2), "first two articles never stored"
            site.items.append("/news/lagos-march")  # a new story appears in the feed
            assert _wait_for(lambda: _articles(db) == 3), "new feed item never stored"
            polls = site.hits["/feed.xml"]
            assert _wait_for(lambda: site.hits["/feed.xml"] >= polls + 4)  # still polling
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                _, err = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise
    assert proc.returncode == 0, err
    assert "stopped" in err and "broken.xml failed" in err
    # every page fetched once although the feed was polled many times
    assert all(site.hits[p] == 1 for p in PAGES), site.hits
    with Store.open(db) as store:
        assert store.stats()["articles"] == 3
        events = store.canonical_events()
        assert events, "the extractor found no event in the served pages"
        assert sum(e.n_mentions for e in events) == store.stats()["mentions"]
        with store.engine.connect() as conn:
            broken = conn.execute(sa.select(feeds).where(feeds.c.url.like("%broken%"))).one()
            good = conn.execute(sa.select(feeds).where(feeds.c.url.like("%feed.xml"))).one()
    assert broken.failures >= 1 and "500" in (broken.last_error or "")
    assert good.failures == 0 and good.last_ok is not None
    # backoff: the broken feed was polled fewer times than the healthy one, and waits longer
    assert broken.failures < site.hits["/feed.xml"] - 1
    assert broken.next_poll > good.next_poll


def test_feed_list_formats_and_durations(tmp_path: Path) -> None:
    txt = tmp_path / "feeds.txt"
    txt.write_text("# my feeds\nhttp://a.test/rss\n\nhttps://b.test/atom\nhttp://a.test/rss\n")
    assert read_feed_list(txt) == ["http://a.test/rss", "https://b.test/atom"]
    bad = tmp_path / "bad.txt"
    bad.write_text("ftp://x.test/feed\n")
    with pytest.raises(Exception, match="not an http"):
        read_feed_list(bad)
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("2h") == 7200
    with pytest.raises(ValueError):
        parse_every("soon")
