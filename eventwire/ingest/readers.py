"""``read_inputs``: every kind of input a user gives, to Articles, through one door.

Every input yields at least one Article or InputFailure, in the order given (directories
walked sorted), so nothing a user gave is lost silently and runs are reproducible.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import gzip
import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ..errors import InputError
from ..records import Article
from .archives import read_archive
from .article import article_from_string
from .corpora import bounded_lines, normalize_column_map, read_csv, read_jsonl, read_parquet
from .decode import DEFAULT_MAX_BYTES, check_size, human_size
from .failures import InputFailure, printable
from .fetch import Fetcher, FetchOptions
from .language import SUPPORTED
from .web import WebOptions, read_document, read_url, sniff_kind

PAGE_SUFFIXES = (".txt", ".html", ".htm")
CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
DIRECTORY_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv", ".parquet") + ARCHIVE_SUFFIXES


@dataclass(slots=True)
class IngestOptions:
    """Limits and switches of the reader layer (the keyword arguments cover the usual ones)."""

    max_bytes: int = DEFAULT_MAX_BYTES  # per article (a whole page, line or record)
    languages: frozenset[str] = SUPPORTED
    max_items: int = 500  # pages followed from one feed or sitemap
    fetch: FetchOptions = field(default_factory=FetchOptions)


def _suffix(path: str) -> str:
    name = os.path.basename(path).lower()
    for suf in (".warc.gz", ".arc.gz", ".jsonl.gz"):
        if name.endswith(suf):
            return suf
    return os.path.splitext(name)[1]


def read_inputs(
    inputs: Sequence[str],
    *,
    published: _dt.date | None = None,
    stdin: BinaryIO | None = None,
    allow_private: bool = False,
    column_map: dict[str, str] | None = None,
    options: IngestOptions | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Article | InputFailure]:
    """Yield an Article or an InputFailure for everything in ``inputs``, lazily.

    INPUT may be a .txt/.html file, a directory (recursive, sorted), "-" for stdin, a
    JSONL/CSV/Parquet corpus (``column_map`` maps Article fields to columns), an http(s) URL
    (page, RSS/Atom feed, news sitemap or OPML, detected by content), or a WARC/ARC archive.
    ``published`` is the report date used when an input states none.
    """
    opts = options or IngestOptions()
    try:
        fields = normalize_column_map(column_map)
    except InputError as exc:
        yield InputFailure(exc.source, exc.reason)
        return
    ctx = _Context(opts, fields, published, stdin, allow_private, fetcher)
    try:
        for item in inputs:
            try:
                yield from ctx.read_one(item)
            except (RecursionError, ValueError, TypeError, AttributeError, LookupError) as exc:
                # an unforeseen fault in one input ends that input, never the run
                text = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
                yield InputFailure(printable(item), f"cannot read this input "
                                                    f"({type(exc).__name__}: {text})")
    finally:
        ctx.close()


class _Context:
    def __init__(
        self,
        opts: IngestOptions,
        fields: dict[str, str],
        published: _dt.date | None,
        stdin: BinaryIO | None,
        allow_private: bool,
        fetcher: Fetcher | None,
    ) -> None:
        self.opts = opts
        self.fields = fields
        self.published = published
        self.stdin = stdin
        self.allow_private = allow_private
        self._fetcher = fetcher
        self._own_fetcher = False
        self.kw: dict[str, Any] = {
            "published": published,
            "max_bytes": opts.max_bytes,
            "languages": opts.languages,
        }

    def close(self) -> None:
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            base = self.opts.fetch
            fopts = dataclasses.replace(
                base,
                allow_private=base.allow_private or self.allow_private,
                max_bytes=self.opts.max_bytes,
            )
            self._fetcher = Fetcher(fopts)
            self._own_fetcher = True
        return self._fetcher

    def read_one(self, item: str) -> Iterator[Article | InputFailure]:
        if item == "-":
            yield from self._stdin()
        elif item.lower().startswith(("http://", "https://")):
            yield from read_url(item, self.fetcher, self._web())
        elif os.path.isdir(item):
            yield from self._directory(item)
        else:
            yield from self._file(item)

    def _web(self) -> WebOptions:
        return WebOptions(
            published=self.published,
            max_items=self.opts.max_items,
            max_bytes=self.opts.max_bytes,
            languages=self.opts.languages,
        )

    def _directory(self, root: str) -> Iterator[Article | InputFailure]:
        found = False
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or _suffix(name) not in DIRECTORY_SUFFIXES:
                    continue
                found = True
                yield from self._file(os.path.join(dirpath, name))
        if not found:
            yield InputFailure(
                printable(root), f"directory has no inputs ({' '.join(DIRECTORY_SUFFIXES)} files)"
            )

    def _file(self, path: str) -> Iterator[Article | InputFailure]:
        name = printable(path)  # the path opens the file, the name is what we print
        if not os.path.exists(path):
            yield InputFailure(name, "no such file or directory")
            return
        if not os.path.isfile(path):
            yield InputFailure(name, "not a regular file")
            return
        suffix = _suffix(path)
        try:
            if suffix in ARCHIVE_SUFFIXES:
                with open(path, "rb") as fh:
                    yield from read_archive(fh, name, **self.kw)
            elif suffix in (".jsonl", ".ndjson", ".jsonl.gz"):
                opener = gzip.open if suffix == ".jsonl.gz" else open
                with opener(path, "rb") as fh:
                    lines = bounded_lines(fh, self.opts.max_bytes)
                    yield from _guard_gzip(read_jsonl(lines, name, self.fields, **self.kw), name)
            elif suffix in (".csv", ".tsv"):
                with open(path, "rb") as fh:
                    yield from read_csv(fh, name, self.fields, **self.kw)
            elif suffix == ".parquet":
                yield from read_parquet(path, name, self.fields, **self.kw)
            else:
                yield from self._page_file(path, name)
        except PermissionError:
            yield InputFailure(name, "permission denied")
        except OSError as exc:
            yield InputFailure(name, f"cannot read ({exc.strerror or exc})")

    def _page_file(self, path: str, name: str) -> Iterator[Article | InputFailure]:
        try:
            size = os.path.getsize(path)
            # Fail on size before reading: a 50 MB file is refused without loading it.
            check_size(size, name, self.opts.max_bytes)
            with open(path, "rb") as fh:
                data = fh.read()
            if sniff_kind(data) != "page":
                # a saved RSS/Atom feed, sitemap or OPML list: its entries are the articles
                yield from read_document(data, name, self.fetcher, self._web())
                return
            yield article_from_string(
                data,
                source=name,
                published=self.published,
                max_bytes=self.opts.max_bytes,
                languages=self.opts.languages,
            )
        except InputError as exc:
            yield InputFailure(name, exc.reason)

    def _stdin(self) -> Iterator[Article | InputFailure]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        limit = self.opts.max_bytes
        first = stream.readline(limit + 1)
        if first.lstrip().startswith(b"{"):
            # JSONL on stdin: stream it line by line (it may be a whole corpus).
            if len(first) > limit and not first.endswith(b"\n"):
                while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                    pass  # the rest of an over-long first line (reported as too long)
            lines = itertools.chain([first], bounded_lines(stream, limit))
            yield from read_jsonl(lines, "<stdin>", self.fields, **self.kw)
            return
        data = first + stream.read(limit + 1 - len(first))
        if len(data) > limit:
            yield InputFailure("<stdin>", f"over the {human_size(limit)} limit per article")
            return
        try:
            yield article_from_string(
                data,
                source="<stdin>",
                published=self.published,
                max_bytes=limit,
                languages=self.opts.languages,
            )
        except InputError as exc:
            yield InputFailure("<stdin>", exc.reason)


def _guard_gzip(
    items: Iterator[Article | InputFailure], path: str
) -> Iterator[Article | InputFailure]:
    """A truncated .gz fails once, after the records read before the damage."""
    try:
        yield from items
    except (EOFError, gzip.BadGzipFile) as exc:
        yield InputFailure(path, f"truncated or corrupt gzip ({exc})")
