"""Where chunks run: in this process, a local process pool, or a Dask cluster.

Each backend loads the model once per worker process: the pool once in its fork server (its
workers are forked from it), Dask through a worker plugin (so workers that join later load it
too), in-process on first use.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from ..errors import ConfigError
from . import server
from .worker import Chunk, ChunkResult, init_pool_worker, init_worker, process_chunk

_CHUNKS_PER_WORKER = 100


class Backend:
    """submit(chunk) -> future; wait_first(futures) -> the finished ones; close()."""

    workers: int = 1
    name: str = "in-process"

    def submit(self, chunk: Chunk) -> Any:
        future: Future[ChunkResult] = Future()
        try:
            future.set_result(process_chunk(chunk))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller like a pool would
            future.set_exception(exc)
        return future

    def wait_first(self, futures: Iterable[Any]) -> set[Any]:
        done, _ = wait(list(futures), return_when=FIRST_COMPLETED)
        return set(done)

    def result(self, future: Any) -> ChunkResult:
        return future.result()

    def close(self) -> None:
        pass


class InProcessBackend(Backend):
    def __init__(self) -> None:
        init_worker()


class PoolBackend(Backend):
    """``--workers N``: N local processes, forked from a fork server that loaded the model,
    lexicons and gazetteer once (``spawn``, each process loading for itself, where there is
    no fork server)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.name = f"{workers} local processes"
        # A worker is replaced after _CHUNKS_PER_WORKER chunks (10,000 articles at the default
        # chunk size): spaCy's string store and the gazetteer lookup cache only grow, and on
        # a corpus of millions a fresh process keeps memory flat.
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=server.context(),
                                         initializer=init_pool_worker,
                                         max_tasks_per_child=_CHUNKS_PER_WORKER)

    def submit(self, chunk: Chunk) -> Any:
        return self._pool.submit(process_chunk, chunk)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        server.stop()


class DaskBackend(Backend):
    """``--dask local`` (a LocalCluster of N processes) or ``--scheduler tcp://HOST:PORT``."""

    def __init__(self, address: str | None, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("Dask is not installed; pip install 'eventwire[dask]'") from exc
        self._cluster = None
        try:
            if address is None:
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                             processes=True, dashboard_address=None,
                                             silence_logs=logging.ERROR)
                self.client = Client(self._cluster)
                self.name = f"Dask LocalCluster, {workers} workers"
            else:
                self.client = Client(address, timeout="30s")
                self.name = f"Dask scheduler {address}"
        except OSError as exc:
            raise ConfigError(f"{address or 'LocalCluster'}: cannot reach the Dask scheduler "
                              f"({exc})") from exc
        from .dask_plugin import EventwireWorkerPlugin

        self.client.register_plugin(EventwireWorkerPlugin(), name="eventwire-model")
        self.workers = max(len(self.client.scheduler_info().get("workers", {})), 1)

    def submit(self, chunk: Chunk) -> Any:
        # A fresh key: two jobs on one cluster (or a restart) never share a cached result.
        key = f"eventwire-{chunk.key}-{uuid.uuid4().hex[:12]}"
        return self.client.submit(process_chunk, chunk, pure=False, key=key)

    def wait_first(self, futures: Iterable[Any]) -> set[Any]:
        from distributed import wait as dask_wait

        done, _ = dask_wait(list(futures), return_when="FIRST_COMPLETED")
        return set(done)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_backend(workers: int, dask: str | None, scheduler: str | None) -> Backend:
    if scheduler:
        return DaskBackend(scheduler, workers)
    if dask is not None:
        if dask != "local":
            raise ConfigError(f"--dask {dask}: only 'local' is known; "
                              "use --scheduler tcp://HOST:PORT for a running cluster")
        return DaskBackend(None, workers)
    if workers <= 1:
        return InProcessBackend()
    return PoolBackend(workers)


__all__: list[str] = ["Backend", "make_backend"]
