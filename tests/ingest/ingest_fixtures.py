"""Helpers for ingestion tests: project-written stories, pages, and a real local HTTP server."""

from __future__ import annotations

import html as _html
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Fictional stories written for these tests (places and people are invented).
STORY_A = [
    "Security forces fired tear gas at several hundred demonstrators in the river town of "
    "Velmora on Tuesday, as a protest against rising bread prices turned into a running "
    "battle near the central market.",
    "Witnesses said at least four people were injured when police charged the crowd, which "
    "had blocked the main bridge for most of the morning. A hospital official said two of "
    "the wounded had been hit by rubber bullets.",
    "The interior ministry said the gathering had not been authorised and accused organisers "
    "of trying to provoke the security services. Organisers denied this and said they would "
    "return to the streets at the weekend.",
    "Bread prices in the province have almost doubled since the spring, after the regional "
    "council removed a subsidy that had been in place for more than a decade.",
]
STORY_B = [
    "Gunmen on motorcycles attacked a checkpoint outside the hill village of Tarsk early on "
    "Friday, killing three soldiers and wounding two others, according to a local official.",
    "The attackers fled towards the forest after a gunfight that lasted about an hour, the "
    "official said, speaking on condition of anonymity because he was not authorised to "
    "brief reporters.",
    "No group has claimed responsibility. The army said it had launched a search operation "
    "in the surrounding district and closed the road to the provincial capital.",
]
STORY_FR = [
    "Des centaines de manifestants se sont rassemblés mardi devant la préfecture pour "
    "protester contre la fermeture de l'usine, a indiqué un responsable syndical.",
    "La police a dispersé la foule en fin de journée, sans faire de blessés selon les "
    "autorités locales, qui ont promis une réunion avec les représentants des salariés.",
]

NAV = ["Home", "World", "Politics", "Business", "Sport", "Culture"]


def news_page(
    title: str,
    paragraphs: list[str],
    *,
    date: str | None = "2023-05-16",
    author: str | None = "Mira Okonjo",
    caption: str | None = None,
    lang: str = "en",
    site: str = "The Valley Courier",
    jsonld: bool = True,
) -> str:
    """A realistic news page: navigation, cookie banner, article, related links, footer."""
    esc = _html.escape
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    meta = ""
    if date and jsonld:
        meta += (
            '<script type="application/ld+json">{"@context":"https://schema.org",'
            f'"@type":"NewsArticle","headline":"{esc(title)}","datePublished":"{date}T08:00:00Z",'
            f'"author":{{"@type":"Person","name":"{esc(author or "")}"}}}}</script>'
        )
    elif date:
        meta += f'<meta property="article:published_time" content="{date}T08:00:00Z">'
    if author:
        meta += f'<meta name="author" content="{esc(author)}">'
    figure = (
        f'<figure><img src="/img/1.jpg" alt=""><figcaption>{esc(caption)}</figcaption></figure>'
        if caption
        else ""
    )
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)} | {esc(site)}</title>
<meta property="og:site_name" content="{esc(site)}">{meta}</head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site.
<button>Accept all cookies</button></p></div>
<header><a href="/">{esc(site)}</a><nav><ul>{nav}</ul></nav></header>
<main><article>
<h1>{esc(title)}</h1>
<div class="byline">By {esc(author or "Staff")}</div>
{figure}
<div class="article-body">{body}</div>
<div class="share">Share this article <a href="#">Facebook</a> <a href="#">Twitter</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Council approves new budget after long night of talks</a></li>
<li><a href="/b">Floods close roads across the northern valley</a></li>
<li><a href="/c">Teachers vote to accept pay offer</a></li></ul></aside>
</main>
<footer><p>Copyright 2023 {esc(site)}. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
</footer></body></html>"""


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


class LocalServer:
    """A threaded http.server on 127.0.0.1:0 serving ``routes``; counts requests per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.statuses: list[tuple[str, int]] = []
        self.request_headers: dict[str, dict[str, str]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                path = self.path.split("?", 1)[0]
                server.hits[path] += 1
                server.request_headers[path] = dict(self.headers.items())
                route = server.routes.get(path)
                if route is None:
                    self._send(404, b"not found", {"Content-Type": "text/plain"})
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.handler is not None:
                    route.handler(self)
                    return
                self._send(route.status, route.body, route.headers)

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                server.statuses.append((self.path, status))
                self.send_response(status)
                has_len = False
                for k, v in headers.items():
                    self.send_header(k, v)
                    has_len = has_len or k.lower() == "content-length"
                if not has_len:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.handler_class = Handler
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes = b"", content_type: str = "text/html", **kw):
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = {"Content-Type": content_type, **kw.pop("headers", {})}
        self.routes[path] = Route(body=data, headers=headers, **kw)
