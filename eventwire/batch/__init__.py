"""Batch runs over large corpora: all cores or a Dask cluster, resumable, Parquet or store.

    from eventwire.batch import BatchOptions, run_batch
    summary = run_batch(["news/2015.jsonl", "crawl/"], BatchOptions(out="events-out", workers=8))
"""

from __future__ import annotations

from typing import Any

__all__ = ["BatchOptions", "BatchSummary", "CuePrefilter", "run_batch"]


def __getattr__(name: str) -> Any:
    # Lazy: ``eventwire --help`` should not pay for pyarrow and the ingest stack.
    if name == "CuePrefilter":
        from .prefilter import CuePrefilter

        return CuePrefilter
    if name in ("BatchOptions", "BatchSummary", "run_batch"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(name)
