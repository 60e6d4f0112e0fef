"""One small exception hierarchy; every message names the input and says what to do."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class for every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input could not be read as an article (empty, binary, too large, malformed...)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class UnsupportedLanguageError(InputError):
    """The article is not in a language the extractor codes."""


class ConfigError(EventwireError):
    """A setting, data file or model is missing or invalid."""


class GazetteerError(EventwireError):
    """The gazetteer index could not be built, opened or imported into."""


class StoreError(EventwireError):
    """The event store could not be opened, migrated or written."""
