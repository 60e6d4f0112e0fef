"""``run_batch``: a large corpus through the extractor on all cores or a Dask cluster,
resumable, into date-partitioned Parquet and/or the event store."""

from __future__ import annotations

import datetime as _dt
import gzip
import itertools
import os
import sys
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from .. import __version__
from ..errors import EventwireError
from ..ingest import InputFailure, read_inputs
from ..ingest.corpora import bounded_lines
from ..ingest.decode import DEFAULT_MAX_BYTES
from ..ingest.failures import printable
from ..ingest.readers import _suffix
from .backends import Backend, make_backend
from .output import OutputDir
from .plan import Unit, estimate_articles, plan_units
from .progress import Progress
from .worker import Chunk, ChunkResult

_JSONL = (".jsonl", ".ndjson", ".jsonl.gz")
_FAILURE_LINES = 20  # failures listed at the end of a run (all are in failures.jsonl)


@dataclass(slots=True)
class BatchOptions:
    out: str | None = None  # output directory (Parquet + resume state)
    db: str | None = None  # event store path or URL
    state: str | None = None  # resume state directory when only --db is given
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    dask: str | None = None  # "local": a LocalCluster of ``workers`` processes
    scheduler: str | None = None  # tcp://HOST:PORT of a running Dask scheduler
    published: _dt.date | None = None
    chunk_size: int = 100  # articles (or page files) per unit of work
    batch_size: int = 32  # texts per nlp.pipe batch
    prefilter: bool = True  # skip spaCy for articles without any event cue
    restart: bool = False  # forget earlier progress in the output directory
    progress: bool = True


@dataclass(slots=True)
class BatchSummary:
    articles: int = 0  # over the whole job, earlier runs included
    skipped: int = 0  # without any event cue
    other_news: int = 0  # sports, market, ... reports whose candidates would all be dropped
    events: int = 0
    failures: int = 0
    articles_this_run: int = 0
    seconds: float = 0.0
    rate: float = 0.0  # articles/s in this run
    already_complete: bool = False
    backend: str = ""
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker process
    failure_lines: list[str] = field(default_factory=list)  # the first few


def job_settings(inputs: Sequence[str], options: BatchOptions) -> dict[str, Any]:
    """What must match for a restart to go on where a run stopped (workers may change)."""
    return {
        "inputs": [printable(os.path.abspath(i)) for i in inputs],
        "published": options.published.isoformat() if options.published else None,
        "chunk_size": options.chunk_size,
        "prefilter": options.prefilter,
        "db": bool(options.db),
        "eventwire": __version__,
    }


def fingerprints(units: Sequence[Unit]) -> dict[str, list[int]]:
    """Each input file's [size, mtime_ns]: a resume refuses inputs changed since the start."""
    out: dict[str, list[int]] = {}
    for unit in units:
        for path in unit.paths:
            try:
                st = os.stat(path)
            except OSError:
                continue  # a missing input is a failure the readers report
            out[printable(os.path.abspath(path))] = [st.st_size, st.st_mtime_ns]
    return out


def run_batch(inputs: Sequence[str], options: BatchOptions,
              stream: IO[str] | None = None) -> BatchSummary:
    """Run (or resume) a batch job; returns its totals. Raises EventwireError on setup faults.

    Output is the same whatever the backend or worker count: chunks are cut the same way and
    written in input order.
    """
    stream = stream if stream is not None else sys.stderr
    if not options.out and not options.db:
        raise EventwireError("give --out DIR, --db URL or both")
    if options.chunk_size < 1:
        raise EventwireError("--chunk-size must be at least 1")
    units = plan_units(inputs, options.chunk_size)
    state_dir = options.out or options.state or _default_state(options.db)
    out = OutputDir(state_dir, job_settings(inputs, options), events=bool(options.out),
                    restart=options.restart, fingerprints=fingerprints(units))
    summary = BatchSummary()
    if out.complete:
        summary.already_complete = True
        _fill(summary, out.manifest.get("totals", {}), out)
        return summary

    store = None
    if options.db:
        from ..store import Store

        store = Store.open(options.db)
    backend = make_backend(options.workers, options.dask, options.scheduler)
    summary.backend = backend.name
    total = _estimate(units, out)
    progress = Progress(stream, total, enabled=options.progress)
    try:
        _Run(units, options, out, store, backend, progress, summary).go()
    finally:
        backend.close()
        if store is not None:
            store.close()
    progress.finish()
    summary.seconds = time.monotonic() - progress.started
    summary.articles_this_run = progress.articles
    summary.rate = progress.rate
    _fill(summary, out.finalize(), out)
    return summary


def _fill(summary: BatchSummary, totals: dict[str, int], out: OutputDir) -> None:
    summary.articles = int(totals.get("articles", 0))
    summary.skipped = int(totals.get("skipped", 0))
    summary.other_news = int(totals.get("other_news", 0))
    summary.events = int(totals.get("events", 0))
    summary.failures = int(totals.get("failures", 0))
    path = out.root / "failures.jsonl"
    if path.exists():
        import json

        with path.open(encoding="utf-8") as fh:  # the first few: the file may be huge
            for line in itertools.islice(fh, _FAILURE_LINES):
                row = json.loads(line)
                summary.failure_lines.append(f"{row['source']}: {row['reason']}")


def _default_state(db: str | None) -> str:
    """Resume state for a --db-only run: beside a SQLite file, else in the working directory."""
    if db and "://" not in db:
        return str(db) + ".batch"
    return "eventwire-batch.state"


def _estimate(units: list[Unit], out: OutputDir) -> int | None:
    total = 0
    for unit in units:
        if out.unit_done(unit.key):
            continue
        n = estimate_articles(unit)
        if n is None:
            return None
        total += n
    return total


class _Run:
    """The coordinator: reads corpus units, hands out chunks, commits results in order."""

    def __init__(self, units: list[Unit], options: BatchOptions, out: OutputDir, store: Any,
                 backend: Backend, progress: Progress, summary: BatchSummary) -> None:
        self.units = units
        self.o = options
        self.out = out
        self.store = store
        self.backend = backend
        self.progress = progress
        self.summary = summary
        self.pending: dict[Any, str] = {}
        self.order: deque[str] = deque()  # submitted chunk keys, in input order
        self.ready: dict[str, ChunkResult] = {}
        self.outstanding: dict[str, set[str]] = {}  # unit key -> chunk keys not yet committed
        self.chunks_of: dict[str, int | None] = {}  # unit key -> chunk count once read
        self.max_in_flight = 2 * max(backend.workers, 1) + 1

    def go(self) -> None:
        for unit in self.units:
            if self.out.unit_done(unit.key):
                continue
            self.outstanding[unit.key] = set()
            self.chunks_of[unit.key] = None
            if unit.kind == "pages":
                self._emit(unit, 0, paths=unit.paths)
                count = 1
            else:
                count = self._read_corpus(unit)
            self.chunks_of[unit.key] = count
            self._maybe_unit_done(unit.key)
        while self.pending:
            self._drain_one()

    def _read_corpus(self, unit: Unit) -> int:
        if _suffix(unit.paths[0]) in _JSONL and os.path.isfile(unit.paths[0]):
            return self._read_jsonl_lines(unit)
        n = 0
        buf: list[Any] = []
        for item in read_inputs(unit.paths, published=self.o.published):
            buf.append(item)
            if len(buf) >= self.o.chunk_size:
                self._emit(unit, n, items=buf)
                n, buf = n + 1, []
        if buf:
            self._emit(unit, n, items=buf)
            n += 1
        return n

    def _read_jsonl_lines(self, unit: Unit) -> int:
        """JSONL: only split into lines here; the workers parse them (JSON, HTML, language).

        Blank lines are dropped here (each line keeps its number), so a file of millions of
        empty lines costs no chunks and no memory."""
        path = unit.paths[0]
        n, buf, numbers = 0, [], []
        lineno = 0
        opener = gzip.open if _suffix(path) == ".jsonl.gz" else open
        try:
            with opener(path, "rb") as fh:
                for line in bounded_lines(fh, DEFAULT_MAX_BYTES):
                    lineno += 1
                    if not line.strip():
                        continue
                    buf.append(line)
                    numbers.append(lineno)
                    if len(buf) >= self.o.chunk_size:
                        self._emit(unit, n, lines=buf, numbers=numbers)
                        n, buf, numbers = n + 1, [], []
        except (EOFError, gzip.BadGzipFile) as exc:
            # the lines read before the damage still count; then one failure for the file
            if buf:
                self._emit(unit, n, lines=buf, numbers=numbers)
                n = n + 1
            self._emit(unit, n, items=[InputFailure(printable(path),
                                                    f"truncated or corrupt gzip ({exc})")])
            return n + 1
        except OSError as exc:
            self._emit(unit, n, items=[InputFailure(printable(path),
                                                    f"cannot read ({exc.strerror or exc})")])
            return n + 1
        if buf:
            self._emit(unit, n, lines=buf, numbers=numbers)
            n += 1
        if n == 0:
            self._emit(unit, 0, items=[InputFailure(printable(path),
                                                    "empty input (no JSON lines)")])
            n = 1
        return n

    def _emit(self, unit: Unit, n: int, *, paths: list[str] | None = None,
              items: list[Any] | None = None, lines: list[bytes] | None = None,
              numbers: list[int] | None = None) -> None:
        key = unit.chunk_key(n)
        if self.out.chunk_done(key):
            return  # finished by an earlier run
        chunk = Chunk(key, paths=paths, items=items, lines=lines, source=printable(unit.paths[0]),
                      numbers=numbers, published=self.o.published,
                      prefilter=self.o.prefilter, batch_size=self.o.batch_size,
                      keep_articles=self.store is not None)
        while len(self.pending) >= self.max_in_flight:
            self._drain_one()
        self.outstanding[unit.key].add(key)
        self.order.append(key)
        self.pending[self.backend.submit(chunk)] = key

    def _drain_one(self) -> None:
        for future in self.backend.wait_first(self.pending):
            key = self.pending.pop(future)
            try:
                self.ready[key] = self.backend.result(future)
            except EventwireError:
                raise
            except Exception as exc:
                raise EventwireError(
                    f"chunk {key}: a worker failed ({type(exc).__name__}: {exc}); finished "
                    "chunks are kept, run the same command again to resume") from exc
        while self.order and self.order[0] in self.ready:
            self._commit(self.ready.pop(self.order.popleft()))

    def _commit(self, result: ChunkResult) -> None:
        if self.store is not None and result.pairs:
            # one transaction per chunk, in input order: the store's dedup sees the same
            # sequence of articles on every run, so a resumed run builds the same events
            self.store.add_articles(result.pairs)
        self.out.write_chunk(result)
        peaks = self.summary.peak_rss_mb
        peaks[result.worker] = max(peaks.get(result.worker, 0.0), result.peak_rss_mb)
        self.progress.add(result.articles, result.events, len(result.failures))
        unit_key = result.key.split("-", 1)[0]
        self.outstanding[unit_key].discard(result.key)
        self._maybe_unit_done(unit_key)

    def _maybe_unit_done(self, unit_key: str) -> None:
        count = self.chunks_of.get(unit_key)
        if count is not None and not self.outstanding[unit_key]:
            self.out.mark_unit_done(unit_key, count)
            del self.chunks_of[unit_key]
