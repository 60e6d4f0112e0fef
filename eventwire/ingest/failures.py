"""What could not be read, and why: one line per input, for the end-of-run summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


def printable(name: str) -> str:
    """A file name fit to print and store: bytes that are not UTF-8 (kept by the OS as lone
    surrogates) become U+FFFD, so writing the name as UTF-8 cannot fail."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass(slots=True)
class InputFailure:
    """An input (file, URL, JSONL line, WARC record) that gave no Article, with the reason."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class FailureLog:
    """The failures of a run in bounded memory: all counted, the first ``keep`` kept, and
    the reasons tallied by kind (a corpus of 300 million bad lines must not fill the RAM)."""

    _MAX_KINDS = 1000

    def __init__(self, keep: int = 20) -> None:
        self.keep = keep
        self.count = 0
        self.first: list[InputFailure] = []
        self.kinds: Counter[str] = Counter()

    def add(self, failure: InputFailure) -> None:
        self.count += 1
        if len(self.first) < self.keep:
            self.first.append(failure)
        kind = _reason_kind(failure.reason)
        if kind in self.kinds or len(self.kinds) < self._MAX_KINDS:
            self.kinds[kind] += 1

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def summary(self) -> str:
        return summarize_failures(self)


def summarize_failures(failures: list[InputFailure] | FailureLog, *, limit: int = 20) -> str:
    """The end-of-run summary: a count, then one line per failure (first ``limit`` shown).

    Returns "" when nothing failed. Long runs also get the most common reasons, so a user
    with 10,000 non-English pages sees that at once.
    """
    if not failures:
        return ""
    if isinstance(failures, FailureLog):
        n, shown, kinds = failures.count, failures.first[:limit], failures.kinds
    else:
        n, shown = len(failures), failures[:limit]
        kinds = Counter(_reason_kind(f.reason) for f in failures)
    lines = [f"{n} input{'s' if n != 1 else ''} could not be read:"]
    lines += [f"  {f.source}: {f.reason}" for f in shown]
    if n > len(shown):
        lines.append(f"  ... and {n - len(shown)} more")
        lines.append("most common reasons:")
        lines += [f"  {count} x {reason}" for reason, count in kinds.most_common(5)]
    return "\n".join(lines)


def _reason_kind(reason: str) -> str:
    """The reason without its variable tail (sizes, offsets), for grouping."""
    return reason.split(" (", 1)[0]
