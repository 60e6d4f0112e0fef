"""The Dask worker plugin of ``eventwire batch --dask``/``--scheduler``: its own module, so
that only a Dask run imports Dask (most of a second of CPU that a local pool run never
needs). Dask workers unpickle it by this module's name."""

from __future__ import annotations

from typing import Any

from .worker import init_worker


def _plugin_base() -> type:
    try:
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:  # pragma: no cover - only used with Dask installed
        return object
    return WorkerPlugin


class EventwireWorkerPlugin(_plugin_base()):  # type: ignore[misc]
    """Loads the spaCy model, cue lexicon and gazetteer once when a Dask worker starts."""

    def setup(self, worker: Any) -> None:
        init_worker()
