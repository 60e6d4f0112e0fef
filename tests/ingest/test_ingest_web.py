"""URLs, feeds, sitemaps and OPML against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from ingest_fixtures import STORY_A, STORY_B, LocalServer, Route, news_page

from eventwire.errors import InputError
from eventwire.ingest import Fetcher, FetchOptions, IngestOptions, InputFailure, read_inputs
from eventwire.records import Article

FAST = dict(timeout=0.5, retries=2, backoff=0.05, min_interval=0.0, allow_private=True)


def _opts(**kw: object) -> IngestOptions:
    return IngestOptions(fetch=FetchOptions(**{**FAST, **kw}))  # type: ignore[arg-type]


def _read(inputs: list[str], **kw: object) -> list[Article | InputFailure]:
    return list(read_inputs(inputs, allow_private=True, options=_opts(**kw)))


def _serve_pages(server: LocalServer) -> None:
    server.add("/news/a.html", news_page("Bread protest in Velmora", STORY_A, date=None))
    server.add("/news/b.html", news_page("Checkpoint attack near Tarsk", STORY_B, date=None))


def test_page_url(server: LocalServer) -> None:
    _serve_pages(server)
    (art,) = _read([server.url("/news/a.html")])
    assert isinstance(art, Article)
    assert art.url == server.url("/news/a.html") and art.outlet == "127.0.0.1"
    assert STORY_A[0] in art.text and art.title == "Bread protest in Velmora"
    ua = server.request_headers["/news/a.html"]["User-Agent"]
    assert ua.startswith("eventwire/")


def test_rss_and_atom_feeds_are_followed_with_entry_dates(server: LocalServer) -> None:
    _serve_pages(server)
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Bread protest</title><link>{server.url("/news/a.html")}</link>
<pubDate>Tue, 16 May 2023 08:00:00 GMT</pubDate></item>
<item><title>Attack</title><link>/news/b.html</link>
<pubDate>Fri, 19 May 2023 06:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>/news/missing.html</link></item>
</channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Times</title><id>urn:x</id>
<updated>2023-05-19T06:00:00Z</updated>
<entry><title>Attack</title><id>urn:b</id><link href="{server.url("/news/b.html")}"/>
<updated>2023-05-19T06:00:00Z</updated></entry></feed>"""
    server.add("/feed.rss", rss, "application/rss+xml")
    server.add("/atom", atom, "text/xml")  # detected by content, not by type or name
    items = _read([server.url("/feed.rss"), server.url("/atom")])
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, InputFailure)]
    assert [a.title for a in arts] == [
        "Bread protest in Velmora",
        "Checkpoint attack near Tarsk",
        "Checkpoint attack near Tarsk",
    ]
    assert [a.published for a in arts] == [dt.date(2023, 5, 16), dt.date(2023, 5, 19)] * 1 + [
        dt.date(2023, 5, 19)
    ]
    assert fails == [InputFailure(server.url("/news/missing.html"), "HTTP 404 Not Found")]


def test_news_sitemap_index_and_opml(server: LocalServer) -> None:
    _serve_pages(server)
    sitemap = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{server.url("/news/a.html")}</loc><news:news><news:publication>
<news:name>Courier</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2023-05-16T08:00:00+00:00</news:publication_date>
<news:title>Bread protest</news:title></news:news></url></urlset>"""
    index = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{server.url("/sitemap-news.xml")}</loc></sitemap></sitemapindex>"""
    rss = f"""<rss version="2.0"><channel><title>H</title><item><title>Attack</title>
<link>{server.url("/news/b.html")}</link><pubDate>Fri, 19 May 2023 06:00:00 GMT</pubDate>
</item></channel></rss>"""
    opml = f"""<?xml version="1.0"?><opml version="2.0"><head><title>My feeds</title></head>
<body><outline text="News"><outline type="rss" text="Hill" xmlUrl="{server.url("/h.rss")}"/>
<outline type="rss" text="Dead" xmlUrl="{server.url("/dead.rss")}"/></outline></body></opml>"""
    server.add("/sitemap-news.xml", sitemap, "application/xml")
    server.add("/sitemap.xml", index, "application/xml")
    server.add("/h.rss", rss, "application/rss+xml")
    server.add("/feeds.opml", opml, "text/x-opml")
    items = _read([server.url("/sitemap.xml"), server.url("/feeds.opml")])
    arts = [i for i in items if isinstance(i, Article)]
    assert [(a.title, a.published) for a in arts] == [
        ("Bread protest in Velmora", dt.date(2023, 5, 16)),
        ("Checkpoint attack near Tarsk", dt.date(2023, 5, 19)),
    ]
    fails = [i for i in items if isinstance(i, InputFailure)]
    assert fails == [InputFailure(server.url("/dead.rss"), "HTTP 404 Not Found")]


def test_malformed_and_empty_feeds_fail_with_a_reason(server: LocalServer) -> None:
    server.add("/broken.xml", "<rss version='2.0'><channel><item><title>x</tit", "text/xml")
    server.add("/empty.rss", "<rss version='2.0'><channel><title>E</title></channel></rss>")
    server.add("/bad-sitemap.xml", "<urlset><url><loc>http://x</loc></url", "text/xml")
    server.add("/blank.html", "", "text/html")
    items = _read(
        [server.url(p) for p in ("/broken.xml", "/empty.rss", "/bad-sitemap.xml", "/blank.html")]
    )
    reasons = [i.reason for i in items if isinstance(i, InputFailure)]
    assert len(reasons) == 4
    assert reasons[0].startswith(("malformed feed XML", "feed entry"))
    assert reasons[1] == "feed has no entries"
    assert reasons[2].startswith("malformed sitemap XML")
    assert reasons[3].startswith("empty input")


def test_robots_txt_is_respected(server: LocalServer) -> None:
    server.add("/private/a.html", news_page("Bread protest", STORY_A))
    (fail,) = _read([server.url("/private/a.html")])
    assert isinstance(fail, InputFailure) and fail.reason.startswith("disallowed by robots.txt")
    assert server.hits["/private/a.html"] == 0
    (art,) = _read([server.url("/private/a.html")], respect_robots=False)
    assert isinstance(art, Article)


def test_slow_response_times_out_after_retries(server: LocalServer) -> None:
    server.add("/slow.html", news_page("Bread protest", STORY_A), delay=1.5)
    (fail,) = _read([server.url("/slow.html")], retries=1, timeout=0.3)
    assert isinstance(fail, InputFailure)
    assert fail.reason.startswith("timed out") and fail.reason.endswith("after 2 attempts")
    assert server.hits["/slow.html"] == 2


def test_server_errors_are_retried_with_backoff(server: LocalServer) -> None:
    page = news_page("Bread protest", STORY_A).encode("utf-8")
    calls = {"n": 0}

    def flaky(handler: object) -> None:
        calls["n"] += 1
        if calls["n"] <= 2:
            handler._send(503, b"busy", {"Content-Type": "text/plain"})  # type: ignore[attr-defined]
        else:
            handler._send(200, page, {"Content-Type": "text/html"})  # type: ignore[attr-defined]

    server.routes["/flaky.html"] = Route(handler=flaky)
    server.add("/down.html", b"error", "text/plain", status=500)
    items = _read([server.url("/flaky.html"), server.url("/down.html")], retries=2)
    assert isinstance(items[0], Article)
    assert items[1] == InputFailure(
        server.url("/down.html"), "HTTP 500 Internal Server Error after 3 attempts"
    )
    assert server.hits["/flaky.html"] == 3 and server.hits["/down.html"] == 3


def test_redirects_followed_and_loops_refused(server: LocalServer) -> None:
    _serve_pages(server)
    server.add("/old", b"", status=301, headers={"Location": "/news/a.html"})
    server.add("/loop-a", b"", status=302, headers={"Location": "/loop-b"})
    server.add("/loop-b", b"", status=302, headers={"Location": "/loop-a"})
    chain = {f"/hop{i}": f"/hop{i + 1}" for i in range(8)}
    for src, dst in chain.items():
        server.add(src, b"", status=302, headers={"Location": dst})
    art, loop, far = _read([server.url(p) for p in ("/old", "/loop-a", "/hop0")])
    assert isinstance(art, Article) and art.url == server.url("/news/a.html")
    assert isinstance(loop, InputFailure) and loop.reason.startswith("redirect loop")
    assert isinstance(far, InputFailure) and far.reason == "more than 5 redirects"


def test_oversized_bodies_are_cut_off(server: LocalServer) -> None:
    big = b"<html><body><p>" + b"word " * 400_000 + b"</p></body></html>"
    server.add("/big.html", big)

    def no_length(handler: object) -> None:
        h = handler  # chunk-free streaming body without a Content-Length
        h.send_response(200)  # type: ignore[attr-defined]
        h.send_header("Content-Type", "text/html")  # type: ignore[attr-defined]
        h.send_header("Connection", "close")  # type: ignore[attr-defined]
        h.end_headers()  # type: ignore[attr-defined]
        try:
            for _ in range(200):
                h.wfile.write(b"<p>" + b"word " * 2000 + b"</p>")  # type: ignore[attr-defined]
        except (BrokenPipeError, ConnectionResetError):
            pass
        h.close_connection = True  # type: ignore[attr-defined]

    server.routes["/stream.html"] = Route(handler=no_length)
    opts = IngestOptions(max_bytes=1_000_000, fetch=FetchOptions(**FAST))  # type: ignore[arg-type]
    a, b = read_inputs(
        [server.url("/big.html"), server.url("/stream.html")], allow_private=True, options=opts
    )
    assert isinstance(a, InputFailure) and "over the 1000000 bytes limit" in a.reason
    assert isinstance(b, InputFailure) and "over the 1000000 bytes limit" in b.reason


def test_conditional_get_uses_etag_and_last_modified(server: LocalServer, tmp_path: Path) -> None:
    page = news_page("Bread protest", STORY_A).encode("utf-8")

    def etag(handler: object) -> None:
        h = handler
        if h.headers.get("If-None-Match") == '"v1"':  # type: ignore[attr-defined]
            h._send(304, b"", {"ETag": '"v1"'})  # type: ignore[attr-defined]
        else:
            h._send(200, page, {"Content-Type": "text/html", "ETag": '"v1"'})  # type: ignore

    def modified(handler: object) -> None:
        h = handler
        stamp = "Tue, 16 May 2023 08:00:00 GMT"
        if h.headers.get("If-Modified-Since") == stamp:  # type: ignore[attr-defined]
            h._send(304, b"", {})  # type: ignore[attr-defined]
        else:
            h._send(200, page, {"Content-Type": "text/html", "Last-Modified": stamp})  # type: ignore

    server.routes["/etag.html"] = Route(handler=etag)
    server.routes["/lm.html"] = Route(handler=modified)
    opts = FetchOptions(**{**FAST, "cache_dir": str(tmp_path / "cache")})  # type: ignore[arg-type]
    for path in ("/etag.html", "/lm.html"):
        with Fetcher(opts) as f1:
            first = f1.get(server.url(path))
        with Fetcher(opts) as f2:  # a later run: validators come from the disk cache
            second = f2.get(server.url(path))
        assert not first.from_cache and second.from_cache
        assert second.content == first.content == page
    assert [s for p, s in server.statuses if p in ("/etag.html", "/lm.html")] == [200, 304] * 2
    # Without a cache directory the validators live as long as the Fetcher.
    with Fetcher(FetchOptions(**FAST)) as f:  # type: ignore[arg-type]
        assert not f.get(server.url("/etag.html")).from_cache
        assert f.get(server.url("/etag.html")).from_cache


def test_private_addresses_refused_unless_allowed(server: LocalServer) -> None:
    _serve_pages(server)
    url = server.url("/news/a.html")
    (fail,) = list(read_inputs([url]))  # allow_private defaults to False
    assert isinstance(fail, InputFailure) and "loopback or private address" in fail.reason
    assert server.hits["/news/a.html"] == 0
    with Fetcher(FetchOptions(allow_private=False)) as f, pytest.raises(InputError):
        f.get("http://10.0.0.1/x")  # refused before any connection is tried
    with Fetcher(FetchOptions(allow_private=False)) as f, pytest.raises(InputError, match="scheme"):
        f.get("file:///etc/passwd")


def test_per_host_rate_limit_spaces_requests(server: LocalServer) -> None:
    _serve_pages(server)

    opts = FetchOptions(**{**FAST, "min_interval": 0.3})  # type: ignore[arg-type]
    with Fetcher(opts) as f:
        start = time.monotonic()
        for _ in range(3):
            f.get(server.url("/news/a.html"))
        elapsed = time.monotonic() - start
    # robots.txt + 3 pages = 4 requests to one host: at least 3 intervals between them
    assert f.requests == 4 and elapsed >= 0.9


def test_a_host_whose_address_changes_after_the_check_is_not_reached(
        server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the first answer is public (the check passes), later answers point at
    loopback. The connection must go to the checked address or nowhere, never to loopback."""
    import socket

    _serve_pages(server)
    real = socket.getaddrinfo
    port = int(server.url("/").rsplit(":", 1)[1].split("/")[0])
    answers = {"n": 0}

    def rebinding(host, *args, **kw):  # type: ignore[no-untyped-def]
        if host != "news.rebind.test":
            return real(host, *args, **kw)
        answers["n"] += 1
        ip = "8.8.8.8" if answers["n"] == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (ip, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    opts = FetchOptions(timeout=2.0, retries=0, min_interval=0.0, allow_private=False)
    with Fetcher(opts) as f, pytest.raises(InputError, match="loopback or private"):
        f.get(f"http://news.rebind.test:{port}/news/a.html")
    assert answers["n"] >= 2
    assert sum(server.hits.values()) == 0  # neither robots.txt nor the page was reached


def test_saved_feed_and_opml_files_are_read_as_feeds(server: LocalServer,
                                                     tmp_path: Path) -> None:
    """A local RSS file and a local OPML list (`store add reports/ feeds.opml`) are feeds:
    their entries are fetched, they are not HTML pages without article text."""
    _serve_pages(server)
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>H</title><item>
<title>Attack</title><link>{server.url("/news/b.html")}</link>
<pubDate>Fri, 19 May 2023 06:00:00 GMT</pubDate></item></channel></rss>"""
    server.add("/h.rss", rss, "application/rss+xml")
    (tmp_path / "saved.rss").write_text(rss.replace("/news/b.html", "/news/a.html"), "utf-8")
    (tmp_path / "feeds.opml").write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body><outline text="Hill" type="rss" '
        f'xmlUrl="{server.url("/h.rss")}"/></body></opml>', "utf-8")
    items = _read([str(tmp_path / "saved.rss"), str(tmp_path / "feeds.opml")])
    assert all(isinstance(i, Article) for i in items), items
    assert [(a.title, a.published) for a in items] == [  # type: ignore[union-attr]
        ("Bread protest in Velmora", dt.date(2023, 5, 19)),
        ("Checkpoint attack near Tarsk", dt.date(2023, 5, 19)),
    ]
