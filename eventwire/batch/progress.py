"""Progress on stderr: articles, articles/s, ETA, events and errors so far.

On a terminal one line is rewritten in place; otherwise (a log file, CI) a full line is printed
every ``interval`` seconds, and always at the end.
"""

from __future__ import annotations

import time
from typing import IO


class Progress:
    def __init__(self, stream: IO[str], total: int | None, *, enabled: bool = True,
                 interval: float = 10.0) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.tty = enabled and hasattr(stream, "isatty") and stream.isatty()
        self.interval = 0.25 if self.tty else interval
        self.started = time.monotonic()
        self._last = 0.0
        self.articles = self.events = self.errors = 0

    def add(self, articles: int, events: int, errors: int) -> None:
        self.articles += articles
        self.events += events
        self.errors += errors
        now = time.monotonic()
        if self.enabled and now - self._last >= self.interval:
            self._last = now
            self._show(final=False)

    def finish(self) -> None:
        if self.enabled:
            self._show(final=True)

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.articles / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate
        done = f"{self.articles:,}" + (f"/{self.total:,}" if self.total else "")
        elapsed = time.monotonic() - self.started
        handled = self.articles + self.errors  # failed records use up the estimate too
        if self.total and handled and elapsed > 0:
            eta = _clock(max(self.total - handled, 0) / (handled / elapsed))
        else:
            eta = "?"
        return (f"eventwire batch: {done} articles  {rate:.1f} articles/s  ETA {eta}  "
                f"events {self.events:,}  errors {self.errors:,}")

    def _show(self, final: bool) -> None:
        if self.tty:
            end = "\n" if final else ""
            self.stream.write("\r\x1b[K" + self.line() + end)
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
