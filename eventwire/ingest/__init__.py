"""Ingestion: files, folders, stdin, URLs, feeds, sitemaps, OPML, WARC/ARC and corpora to
clean :class:`~eventwire.records.Article` records, through one reader layer.

    for item in read_inputs(["page.html", "feeds.opml", "crawl.warc.gz"]):
        if isinstance(item, InputFailure): ...   # one line: item.source, item.reason
"""

from __future__ import annotations

from .article import article_from_string
from .dedup import Deduplicator, DupResult
from .failures import InputFailure, summarize_failures
from .fetch import Fetcher, FetchOptions
from .readers import IngestOptions, read_inputs
from .text import clean_text

__all__ = [
    "Deduplicator",
    "DupResult",
    "FetchOptions",
    "Fetcher",
    "IngestOptions",
    "InputFailure",
    "article_from_string",
    "clean_text",
    "read_inputs",
    "summarize_failures",
]
