"""eventwire: news text in, ACLED-style events out.

Public API::

    import eventwire
    events = eventwire.extract(text_or_html, published="2017-03-06")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import (  # noqa: E402
    ConfigError,
    EventwireError,
    GazetteerError,
    InputError,
    StoreError,
    UnsupportedLanguageError,
)
from .records import Actor, Article, Event, Evidence, Fatalities, Mention, Place  # noqa: E402


def extract(
    text_or_html: str | bytes,
    published: object = None,
    url: str | None = None,
) -> list[Event]:
    """Events reported in one article given as plain text or an HTML page.

    ``published`` is the report date (a date, datetime or "YYYY-MM-DD"): relative dates
    such as "on Sunday" are resolved against it. Raises InputError for input that is not
    an article (empty, binary, not English...).
    """
    from .dates import parse_date
    from .ingest import article_from_string
    from .pipeline import default_pipeline

    article = article_from_string(
        text_or_html, source=url or "<text>", published=parse_date(published), url=url
    )
    return default_pipeline().extract(article)

__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "Event",
    "EventwireError",
    "Evidence",
    "extract",
    "Fatalities",
    "GazetteerError",
    "InputError",
    "Mention",
    "Place",
    "StoreError",
    "UnsupportedLanguageError",
    "__version__",
]
