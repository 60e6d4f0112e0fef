"""A URL to Articles: a page, an RSS/Atom feed, a (news) sitemap or an OPML list, by content."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.sax import SAXException

import feedparser
from lxml import etree

from ..errors import InputError
from ..records import Article
from .article import article_from_string, parse_date
from .failures import InputFailure
from .fetch import Fetcher

_ROOT = re.compile(
    rb"<\s*(?:[A-Za-z_][\w.-]*:)?(rss|RDF|feed|urlset|sitemapindex|opml|html)\b", re.IGNORECASE
)
_MAX_DEPTH = 3  # OPML -> feed -> page (and sitemap index -> sitemap -> page)


@dataclass(slots=True)
class WebOptions:
    published: _dt.date | None = None
    max_items: int = 500  # pages taken from one feed or sitemap
    max_bytes: int = 20 * 1024 * 1024
    languages: frozenset[str] = frozenset({"en"})


def sniff_kind(content: bytes, content_type: str = "") -> str:
    """'feed', 'sitemap', 'sitemapindex', 'opml' or 'page', judged from the document itself."""
    head = re.sub(rb"<!--.*?-->", b"", content[:4096], flags=re.DOTALL)
    head = re.sub(rb"<\?.*?\?>|<!DOCTYPE[^>]*>", b"", head, flags=re.DOTALL | re.IGNORECASE)
    match = _ROOT.search(head)
    root = match.group(1).lower().decode() if match else ""
    if root in ("rss", "rdf", "feed"):
        return "feed"
    if root in ("urlset", "sitemapindex", "opml"):
        return root.replace("urlset", "sitemap")
    if not root and ("rss" in content_type or "atom" in content_type):
        return "feed"
    return "page"


def read_url(
    url: str, fetcher: Fetcher, options: WebOptions, _depth: int = 0
) -> Iterator[Article | InputFailure]:
    """Fetch ``url`` and yield its Articles (or one InputFailure per thing that went wrong)."""
    try:
        res = fetcher.get(url)
    except InputError as exc:
        yield InputFailure(url, exc.reason)
        return
    yield from read_document(res.content, url, fetcher, options, final_url=res.url,
                             content_type=res.content_type, _depth=_depth)


def read_document(
    content: bytes,
    source: str,
    fetcher: Fetcher,
    options: WebOptions,
    *,
    final_url: str | None = None,
    content_type: str = "",
    _depth: int = 0,
) -> Iterator[Article | InputFailure]:
    """Articles of a page, feed, sitemap or OPML list already in hand (fetched, or a local
    file): a feed's or list's entries are fetched, a page is one article."""
    url = source
    kind = sniff_kind(content, content_type)
    if kind == "page":
        yield _page(content, final_url, url, options, None, None)
        return
    if _depth >= _MAX_DEPTH:
        yield InputFailure(url, f"{kind} nested too deep (more than {_MAX_DEPTH} levels)")
        return
    try:
        entries = list(_entries(kind, content, final_url or ""))
    except InputError as exc:
        yield InputFailure(url, exc.reason)
        return
    if not entries:
        yield InputFailure(url, f"{kind} has no entries")
        return
    for entry in entries[: options.max_items]:
        if entry.nested:
            yield from read_url(entry.url, fetcher, options, _depth + 1)
            continue
        if not entry.url and not entry.content:
            name = f" {entry.title!r}" if entry.title else ""
            yield InputFailure(url, f"{kind} entry{name} has no link and no content")
            continue
        yield from _entry_article(entry, fetcher, options)


@dataclass(slots=True)
class _Entry:
    url: str
    title: str | None = None
    published: _dt.date | None = None
    nested: bool = False  # another feed / sitemap to expand, not a page
    content: str | None = None  # feed-supplied HTML, used when the entry has no link


def _entry_article(
    entry: _Entry, fetcher: Fetcher, options: WebOptions
) -> Iterator[Article | InputFailure]:
    if not entry.url and entry.content:
        yield _page(
            entry.content.encode("utf-8"),
            None,
            entry.title or "feed entry",
            options,
            entry.published,
            entry.title,
        )
        return
    try:
        res = fetcher.get(entry.url)
    except InputError as exc:
        yield InputFailure(entry.url, exc.reason)
        return
    yield _page(res.content, res.url, entry.url, options, entry.published, entry.title)


def _page(
    content: bytes,
    final_url: str | None,
    source: str,
    options: WebOptions,
    entry_date: _dt.date | None,
    entry_title: str | None,
) -> Article | InputFailure:
    try:
        art = article_from_string(
            content,
            source=source,
            url=final_url,
            published=entry_date or options.published,
            max_bytes=options.max_bytes,
            languages=options.languages,
        )
    except InputError as exc:
        return InputFailure(source, exc.reason)
    if not art.title and entry_title:
        art.title = entry_title
    return art


def _entries(kind: str, content: bytes, base_url: str) -> Iterator[_Entry]:
    if kind == "feed":
        yield from _feed_entries(content, base_url)
    elif kind in ("sitemap", "sitemapindex"):
        yield from _sitemap_entries(content, base_url, kind)
    elif kind == "opml":
        yield from _opml_entries(content, base_url)


def _feed_entries(content: bytes, base_url: str) -> Iterator[_Entry]:
    headers = {"content-location": base_url, "content-type": "application/xml"}
    parsed = feedparser.parse(content, response_headers=headers)
    if not parsed.entries and isinstance(parsed.get("bozo_exception"), SAXException):
        raise InputError(base_url, f"malformed feed XML ({parsed.bozo_exception})")
    for e in parsed.entries:
        link = e.get("link") or ""
        struct = e.get("published_parsed") or e.get("updated_parsed")
        date = _dt.date(*struct[:3]) if struct else None
        body = None
        if e.get("content"):
            body = e["content"][0].get("value")
        yield _Entry(urljoin(base_url, link) if link else "", e.get("title"), date, False, body)


def _xml(content: bytes, base_url: str, what: str) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        return etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(base_url, f"malformed {what} XML ({exc})") from exc


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _sitemap_entries(content: bytes, base_url: str, kind: str) -> Iterator[_Entry]:
    root = _xml(content, base_url, "sitemap")
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = date = title = None
        for child in node.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and loc is None:
                loc = text
            elif name == "publication_date" and text:
                date = _safe_date(text)
            elif name == "lastmod" and text and date is None:
                date = _safe_date(text)
            elif name == "title" and text:
                title = text
        if loc:
            yield _Entry(urljoin(base_url, loc), title, date, kind == "sitemapindex")


def _opml_entries(content: bytes, base_url: str) -> Iterator[_Entry]:
    root = _xml(content, base_url, "OPML")
    for node in root.iter("outline"):
        feed = node.get("xmlUrl") or node.get("xmlurl")
        if feed:
            yield _Entry(urljoin(base_url, feed.strip()), node.get("title"), None, True)


def _safe_date(text: str) -> _dt.date | None:
    try:
        return parse_date(text, "sitemap")
    except InputError:
        return None
