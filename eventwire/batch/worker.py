"""What one worker process does with one chunk of articles: the same code for every backend.

The spaCy model, cue lexicon and gazetteer are loaded once per process (``init_worker``, run
by the process pool initializer or the Dask worker plugin) and then reused for every chunk.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import functools
import gc
import json
import os
import resource
import socket
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from ..ingest import InputFailure, read_inputs
from ..ingest.failures import printable
from ..records import Article, Event
from .prefilter import OTHER_NEWS, CuePrefilter

UNDATED = "__HIVE_DEFAULT_PARTITION__"  # the Hive/pyarrow name of a null partition value


@dataclass(slots=True)
class Chunk:
    """A unit of work: page files to read, or articles already read from a corpus file."""

    key: str  # "u000003-c000012": unit then chunk number, so keys sort in input order
    paths: list[str] | None = None
    items: list[Article | InputFailure] | None = None
    lines: list[bytes] | None = None  # raw JSONL lines, parsed by the worker
    source: str = ""  # the JSONL file the lines come from
    numbers: list[int] | None = None  # each line's number in it (failures: "file:LINE")
    published: _dt.date | None = None
    prefilter: bool = True
    batch_size: int = 32
    keep_articles: bool = False  # hand the articles back (for --db)


@dataclass(slots=True)
class ChunkResult:
    key: str
    articles: int = 0
    skipped: int = 0  # articles the cue prefilter kept away from spaCy: no event cue
    other_news: int = 0  # ... and other news whose candidates would all be dropped
    rows: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    pairs: list[tuple[Article, list[Event]]] | None = None
    worker: str = ""
    peak_rss_mb: float = 0.0
    seconds: float = 0.0

    @property
    def events(self) -> int:
        return len(self.rows)


def init_worker(parent_pid: int | None = None) -> None:
    """Load everything heavy once in this process (model, lexicon, gazetteer connection).

    With ``parent_pid`` (a pool worker) the process also dies with its parent: a coordinator
    killed with SIGKILL must not leave workers holding hundreds of MB behind. A worker forked
    from a process that ran ``preload`` finds everything loaded and only opens its own
    gazetteer connection."""
    from ..nlp import load_model
    from ..pipeline import default_pipeline

    if parent_pid is not None:
        die_with_parent(parent_pid)
    _keep_freed_memory()
    load_model()
    pipeline = default_pipeline()
    pipeline.geocoder.reconnect_after_fork()
    _prefilter()
    _freeze_loaded()


def init_pool_worker() -> None:
    """``init_worker`` in a pool process: it dies with the process that started it (the
    coordinator, or the fork server, which itself ends when the coordinator ends)."""
    init_worker(os.getppid())


def preload() -> None:
    """Everything a worker loads, and what the first articles would load on first use (the
    language identifier, the genre model with its MiniLM session, the dependency parser's
    first run): done once in the fork server, so each worker forked from it starts at once.
    Text written here; nothing it leaves in caches changes any output."""
    from ..classify.embed import get_embedder
    from ..events.relevance import GenreModel
    from ..ingest.language import detect_language
    from ..nlp import parse_sentence

    init_worker()
    detect_language(_WARM_TEXT)
    GenreModel.default().predict(_WARM_TEXT)
    get_embedder()
    parse_sentence(_WARM_TEXT.split("\n")[1])
    process_chunk(Chunk("warm", lines=[json.dumps({"id": "warm", "text": _WARM_TEXT})
                                       .encode("utf-8")], source="preload"))
    _freeze_loaded()


def _freeze_loaded() -> None:
    """Take everything loaded so far (model, lexicons, gazetteer tables: some 130,000 objects)
    out of the cyclic garbage collector's sight: they live as long as the process, yet each
    full collection walked them all, and in a forked worker that walk also writes to every
    object's header, copying the pages it shares with the fork server. Garbage first, so
    none is kept for ever. What the collector does never changes output."""
    gc.collect()
    gc.freeze()


_WARM_TEXT = ("Farmers march on the district office in Talvera\n"
              "Hundreds of farmers marched on Monday to the district office in Talvera to "
              "protest against new water fees, a local councillor said. Police detained two "
              "men after stones were thrown at a patrol car near the market.")


def _keep_freed_memory() -> None:
    """Let glibc keep the memory the NER frees for the next batch instead of returning it,
    and keep the kernel from backing this process's memory with huge pages.

    Each nlp.pipe batch allocates and frees tens of MB of numpy temporaries; by default glibc
    gives blocks above 128 KB back to the kernel as soon as they are freed, so the next batch
    page-faults them in again: a quarter of a worker's CPU time went to the kernel. Blocks up
    to 32 MB (glibc's limit) now come from the heap, and the heap is not trimmed below 1 GB:
    the worker's peak memory is unchanged, it just stays at that peak.

    Transparent huge pages (where the kernel's setting is "always") made each worker's first
    batches fault in 2 MB pages, zeroed whole: about 0.9 CPU s of kernel time per worker on
    the bench corpus against 0.5 s with ordinary pages, and no gain in the NER's own time
    (bench/batch_speed.py). Linux/glibc only; elsewhere nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, 32 * 1024 * 1024)
        libc.mallopt(_M_TRIM_THRESHOLD, 1024 * 1024 * 1024)
        libc.prctl(_PR_SET_THP_DISABLE, 1, 0, 0, 0)  # inherited by the processes it forks
    except (OSError, AttributeError):  # another C library: leave it be
        pass


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameter numbers
_PR_SET_PDEATHSIG, _PR_SET_THP_DISABLE = 1, 41  # linux/prctl.h


def die_with_parent(parent_pid: int) -> None:
    """End this process when ``parent_pid`` ends: the kernel's parent-death signal on Linux,
    else a thread that watches the parent."""
    import signal
    import threading

    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
                if os.getppid() != parent_pid:  # the parent died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="eventwire-parent-watch", daemon=True).start()



@functools.cache
def _prefilter() -> CuePrefilter:
    from ..pipeline import default_pipeline

    pipeline = default_pipeline()
    return CuePrefilter(pipeline.cues, pipeline.relevance)


def process_chunk(chunk: Chunk) -> ChunkResult:
    """Events for every article of ``chunk``, in order, as flat rows; failures named."""
    from ..pipeline import default_pipeline

    started = time.perf_counter()
    result = ChunkResult(chunk.key, pairs=[] if chunk.keep_articles else None)
    items = chunk.items
    if items is None:
        try:
            items = _read_chunk(chunk)
        except Exception:  # noqa: BLE001 - one input must not fail the chunk forever
            items = _read_one_by_one(chunk)
    articles = []
    for item in items:
        if isinstance(item, InputFailure):
            result.failures.append((item.source, item.reason))
        else:
            articles.append(item)
    result.articles = len(articles)
    pipeline = default_pipeline()
    wanted = []
    for i, a in enumerate(articles):
        why = _prefilter().reason(a.text) if chunk.prefilter else None
        if why is None:
            wanted.append(i)
        elif why == OTHER_NEWS:
            result.other_news += 1
        else:
            result.skipped += 1
    found: dict[int, list[Event]] = {}
    failed: set[int] = set()
    try:
        for i, (_article, events) in zip(
                wanted, pipeline.extract_many((articles[i] for i in wanted), chunk.batch_size),
                strict=True):
            found[i] = events
    except Exception:  # noqa: BLE001 - one bad article must not sink the chunk: redo one by one
        found = {}
        for i in wanted:
            try:
                found[i] = pipeline.extract(articles[i])
            except Exception as exc:  # noqa: BLE001
                failed.add(i)
                result.failures.append((_name(articles[i]),
                                        f"extraction failed ({type(exc).__name__}: {exc})"))
    for i, article in enumerate(articles):
        if i in failed:
            continue
        events = found.get(i, [])
        for event in events:
            result.rows.append(event_row(article, event))
        if result.pairs is not None:
            result.pairs.append((article, events))
    result.worker = f"{socket.gethostname()}:{os.getpid()}"
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.seconds = time.perf_counter() - started
    return result


def _read_chunk(chunk: Chunk) -> list[Article | InputFailure]:
    if chunk.lines is not None:
        return _jsonl_items(chunk)
    return list(read_inputs(chunk.paths or [], published=chunk.published))


def _read_one_by_one(chunk: Chunk) -> list[Article | InputFailure]:
    """After an unforeseen error: each line or file alone, the culprit a named failure (a
    chunk that always raised would stop every rerun of the job at the same place)."""
    from ..guard import failure_reason

    out: list[Article | InputFailure] = []
    if chunk.lines is not None:
        numbers = chunk.numbers or list(range(1, len(chunk.lines) + 1))
        for number, line in zip(numbers, chunk.lines, strict=True):
            one = Chunk(chunk.key, lines=[line], numbers=[number], source=chunk.source,
                        published=chunk.published)
            try:
                out.extend(_jsonl_items(one))
            except Exception as exc:  # noqa: BLE001
                out.append(InputFailure(f"{chunk.source}:{number}", failure_reason(exc)))
        return out
    for path in chunk.paths or []:
        try:
            out.extend(read_inputs([path], published=chunk.published))
        except Exception as exc:  # noqa: BLE001
            out.append(InputFailure(printable(path), failure_reason(exc)))
    return out


def _jsonl_items(chunk: Chunk) -> list[Article | InputFailure]:
    """The ingest JSONL reader on a slice of lines, each named by its number in the file."""
    from ..ingest.corpora import read_jsonl
    from ..ingest.readers import IngestOptions

    opts = IngestOptions()
    return list(read_jsonl(chunk.lines or [], chunk.source, {}, numbers=chunk.numbers,
                           published=chunk.published,
                           max_bytes=opts.max_bytes, languages=opts.languages,
                           report_empty=False))


def _name(article: Article) -> str:
    return article.source_name or article.url or article.article_id


def event_row(article: Article, event: Event) -> dict[str, Any]:
    """One flat, typed Parquet row; ``record`` keeps the whole event as JSON."""
    loc = event.location
    year, month = partition_of(event.date)
    return {
        "year": year,
        "month": month,
        "article_id": article.article_id,
        "event_id": event.event_id,
        "date": event.date,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "disorder_type": event.disorder_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "inter1": event.actor1.inter if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "inter2": event.actor2.inter if event.actor2 else None,
        "location": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "country": loc.country if loc else None,
        "iso3": loc.iso3 if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "fatalities": event.fatalities.best,
        "modality": event.modality,
        "confidence": event.confidence,
        "published": article.published.isoformat() if article.published else None,
        "url": event.url or article.url,
        "source": article.source_name,
        "record": json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True),
    }


def partition_of(date: str | None) -> tuple[str, str]:
    """("2021", "03") for "2021-03-14"; the null partition for a missing or odd date."""
    if date and len(date) >= 7 and date[:4].isdigit() and date[5:7].isdigit():
        return date[:4], date[5:7]
    return UNDATED, UNDATED
