"""Main text and metadata from an HTML page (trafilatura), plus the captions it drops."""

from __future__ import annotations

import datetime as _dt
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html

from ..dates import parse_date
from ..errors import InputError
from .text import caption_from_label, is_boilerplate, is_short_label

_MIN_TEXT_CHARS = 80  # less than this is a teaser or an empty template, not an article
_CAPTION_XPATH = (
    "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')]"
)
# Elements that are never part of the article, removed before looking for captions.
_CHROME = "//nav | //footer | //aside | //header[not(ancestor::article)] | //script | //style"

# trafilatura logs every page it cannot parse at ERROR/WARNING: we report our own reasons.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(slots=True)
class Extracted:
    text: str
    title: str | None = None
    published: _dt.date | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None  # as declared by the page (<html lang>), not detected
    captions: list[str] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    """Decide HTML vs plain text from the start of the document."""
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    return bool(re.search(r"<(?:html|head|body|article|div|p|h1|title|meta)\b[^>]*>", head))


def extract_html(html: str, source: str, url: str | None = None) -> Extracted:
    """Main text, title, date, author and captions of ``html``; InputError if no article."""
    # imported on first use: a run over JSONL or text files never pays its import (a
    # third of a second of CPU in the batch coordinator and again in its fork server)
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # lxml/trafilatura raise many kinds on broken markup
        raise InputError(source, f"malformed HTML ({type(exc).__name__}: {exc})") from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError(source, "HTML page has no article text (no main content found)")
    paragraphs = [p.strip() for p in doc.text.split("\n")]
    paragraphs = [p for p in paragraphs if p and not is_boilerplate(p)]
    # Kickers and section labels ("World news") above the story are header leftovers.
    while paragraphs and is_short_label(paragraphs[0]) and len(paragraphs) > 1:
        paragraphs.pop(0)
    if sum(len(p) for p in paragraphs) < _MIN_TEXT_CHARS:
        raise InputError(source, "HTML page has no article text (no main content found)")

    captions = _captions(html)
    present = {_squash(p) for p in paragraphs}
    for cap in captions:
        # trafilatura drops <figcaption>; the lead's rule: captions stay in the text too.
        if _squash(cap) not in present:
            paragraphs.append(cap)
            present.add(_squash(cap))
    return Extracted(
        text="\n\n".join(paragraphs),
        title=_clean_title(doc.title),
        published=parse_date(doc.date),
        author=(doc.author or None),
        sitename=(doc.sitename or None),
        url=url or doc.url or None,
        language=_declared_language(html),
        captions=captions,
    )


def _captions(html: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for node in tree.xpath(_CHROME):
        node.drop_tree()
    out: list[str] = []
    for node in tree.xpath(_CAPTION_XPATH):
        text = re.sub(r"\s+", " ", node.text_content()).strip()
        text = caption_from_label(text) or text
        if len(text.split()) >= 4 and text not in out and not is_boilerplate(text):
            out.append(text)
    return out


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    return title or None


def _declared_language(html: str) -> str | None:
    match = re.search(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", html[:4096], re.IGNORECASE)
    return match.group(1).lower() if match else None


def outlet_of(url: str | None, sitename: str | None = None) -> str | None:
    """The outlet: the URL's host without www (stable for counting sources), else site name."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or sitename or None
