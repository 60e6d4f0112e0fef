"""One input's failure never sinks a run: extraction article by article when a batch fails.

``extract_each`` parses articles in batches (``Pipeline.extract_many``); when a batch raises,
its articles are extracted one by one so the good ones keep their events and each bad one
comes out as a failure with a one-line reason. ``extract``, ``store add`` and ``watch`` use
it; batch workers do the same per chunk.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .records import Article, Event


def failure_reason(exc: BaseException) -> str:
    """One line for an unexpected error while coding an article (no traceback)."""
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"extraction failed ({type(exc).__name__}{': ' + text if text else ''})"


def extract_one(pipeline: Any, article: Article) -> tuple[list[Event] | None, str | None]:
    """(events, None), or (None, reason) when extracting this article raised."""
    try:
        return pipeline.extract(article), None
    except Exception as exc:  # noqa: BLE001 - any error of one article is that article's
        return None, failure_reason(exc)


def extract_each(
    pipeline: Any, articles: Iterable[Article], batch_size: int = 32
) -> Iterator[tuple[Article, list[Event] | None, str | None]]:
    """(article, events, None) or (article, None, reason) for each article, in order."""
    buffer: list[Article] = []
    for article in articles:
        buffer.append(article)
        if len(buffer) >= batch_size:
            yield from _batch(pipeline, buffer)
            buffer = []
    if buffer:
        yield from _batch(pipeline, buffer)


def _batch(
    pipeline: Any, buffer: list[Article]
) -> Iterator[tuple[Article, list[Event] | None, str | None]]:
    try:
        done = list(pipeline.extract_many(buffer, len(buffer)))
    except Exception:  # noqa: BLE001 - redo one by one: only the bad article fails
        for article in buffer:
            events, reason = extract_one(pipeline, article)
            yield article, events, reason
        return
    for article, events in done:
        yield article, events, None
