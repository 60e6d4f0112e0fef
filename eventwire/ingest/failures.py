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


def summarize_failures(failures: list[InputFailure], *, limit: int = 20) -> str:
    """The end-of-run summary: a count, then one line per failure (first ``limit`` shown).

    Returns "" when nothing failed. Long runs also get the most common reasons, so a user
    with 10,000 non-English pages sees that at once.
    """
    if not failures:
        return ""
    n = len(failures)
    lines = [f"{n} input{'s' if n != 1 else ''} could not be read:"]
    lines += [f"  {f.source}: {f.reason}" for f in failures[:limit]]
    if n > limit:
        lines.append(f"  ... and {n - limit} more")
        common = Counter(_reason_kind(f.reason) for f in failures).most_common(5)
        lines.append("most common reasons:")
        lines += [f"  {count} x {reason}" for reason, count in common]
    return "\n".join(lines)


def _reason_kind(reason: str) -> str:
    """The reason without its variable tail (sizes, offsets), for grouping."""
    return reason.split(" (", 1)[0]
