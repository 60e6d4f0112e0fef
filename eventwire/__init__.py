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

__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "Event",
    "EventwireError",
    "Evidence",
    "Fatalities",
    "GazetteerError",
    "InputError",
    "Mention",
    "Place",
    "StoreError",
    "UnsupportedLanguageError",
    "__version__",
]
