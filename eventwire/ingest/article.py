"""One raw document (bytes or text) to one clean Article: the single place Articles are made."""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any

from ..dates import parse_date as lenient_date
from ..errors import InputError
from ..records import Article
from .decode import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, check_chars, check_size, decode_bytes
from .html import extract_html, looks_like_html, outlet_of
from .language import SUPPORTED, check_language
from .text import clean_text

_MIN_PLAIN_CHARS = 20


def parse_date(value: Any, source: str, field_name: str = "published") -> _dt.date | None:
    """A date from ISO text, RFC 2822 text, a date/datetime, or None; InputError otherwise."""
    if value is None or value == "":
        return None
    parsed = lenient_date(value)
    if parsed is None:
        text = str(value).strip()
        raise InputError(source, f"'{field_name}' is not a date: {text[:40]!r} (use YYYY-MM-DD)")
    return parsed


def article_from_string(
    data: str | bytes,
    *,
    source: str,
    published: _dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    article_id: str | None = None,
    author: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: frozenset[str] = SUPPORTED,
    force_html: bool | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """Make one Article from a page or a text; raises InputError with the reason if it can't.

    HTML is detected from the markup (``force_html`` overrides); the page's own date wins
    over ``published``, which is the fallback report date. ``raw_hash`` is the sha1 of the
    bytes as given (UTF-8 for str input), so the same page always hashes the same. A clean
    text over ``max_chars`` characters is refused (see ``decode.DEFAULT_MAX_CHARS``).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    check_size(len(raw), source, max_bytes)
    text = data if isinstance(data, str) else decode_bytes(raw, source)
    if not text.strip():
        raise InputError(source, "empty input (no text)")
    is_html = looks_like_html(text) if force_html is None else force_html
    if is_html:
        ext = extract_html(text, source, url=url)
        body, captions = ext.text, ext.captions
        page_title, page_date = ext.title, ext.published
        author = author or ext.author
        url = url or ext.url
        outlet = outlet_of(url, ext.sitename)
    else:
        body, captions, page_title = clean_text(text)
        page_date = None
        outlet = outlet_of(url)
        if len(body.strip()) < _MIN_PLAIN_CHARS:
            raise InputError(source, "no article text left after removing page boilerplate")
    check_chars(len(body), source, max_chars)
    language = check_language(body, source, languages)
    return Article(
        text=body,
        article_id=article_id or "",
        title=title or page_title,
        published=page_date or published,
        url=url,
        outlet=outlet,
        author=author,
        language=language,
        raw_hash=hashlib.sha1(raw).hexdigest(),
        captions=captions,
        source_name=source,
    )
