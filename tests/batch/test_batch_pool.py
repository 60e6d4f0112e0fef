"""The local process pool: workers are forked from a fork server that loaded everything once
(so they start loaded and share its memory), each opens its own gazetteer connection, a bad
line in a worker's chunk is recorded while the rest is coded, and closing the pool ends the
fork server."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys

import pytest
from batch_texts import EVENTS
from procs import alive

from eventwire.batch.backends import PoolBackend
from eventwire.batch.worker import Chunk

pytestmark = pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="needs a fork server")


def _probe() -> dict[str, object]:
    """Run in a pool worker: what it found loaded before its first task."""
    from eventwire.events.relevance import GenreModel
    from eventwire.ingest.language import _identifier
    from eventwire.pipeline import default_pipeline

    return {
        "pid": os.getpid(),
        "parent": os.getppid(),
        # loaded by the fork server's preload, never by the worker's own initializer
        "language_model": _identifier.cache_info().currsize,
        "genre_model": GenreModel.default.cache_info().currsize,  # type: ignore[attr-defined]
        "own_gazetteer_connection": default_pipeline().geocoder._pid == os.getpid(),
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_fork_loaded_from_a_server_that_ends_with_the_pool() -> None:
    backend = PoolBackend(2)
    try:
        probes = [backend._pool.submit(_probe).result(timeout=300) for _ in range(4)]
        lines = [json.dumps({"id": f"p{i}", "text": t}).encode() for i, t in
                 enumerate(EVENTS[:3])]
        lines.insert(1, b'{"id": "broken", "text": "no closing brace"')
        result = backend.result(backend.submit(
            Chunk("u000000-c000000", lines=lines, numbers=[1, 2, 3, 4], source="c.jsonl")))
    finally:
        backend.close()
    servers = {p["parent"] for p in probes}
    assert len(servers) == 1 and os.getpid() not in servers  # forked by one server
    assert all(p["language_model"] == p["genre_model"] == 1 for p in probes)
    assert all(p["own_gazetteer_connection"] for p in probes)
    assert result.articles == 3 and result.events >= 3
    assert [source for source, _ in result.failures] == ["c.jsonl:2"]
    assert not alive(servers.pop())  # closing the pool stopped the server


@pytest.mark.parametrize(("args", "starts"), [
    (["in.jsonl", "--out", "o", "--workers", "2"], True),
    (["in.jsonl", "--out", "o", "-w", "3"], True),
    (["in.jsonl", "--out", "o", "--workers=4"], True),
    (["in.jsonl", "--out", "o", "-w2"], True),
    (["in.jsonl", "--out", "o", "--workers", "1"], False),
    (["in.jsonl", "--out", "o", "--workers", "two"], False),  # click reports it
    (["in.jsonl", "--out", "o", "--workers", "2", "--dask", "local"], False),
    (["in.jsonl", "--scheduler=tcp://127.0.0.1:8786", "--workers", "2"], False),
    (["--help"], False),
])
def test_the_fork_server_starts_early_only_for_a_local_pool(
        monkeypatch: pytest.MonkeyPatch, args: list[str], starts: bool) -> None:
    from eventwire.batch import server

    started: list[bool] = []
    monkeypatch.setattr(server, "context", lambda: started.append(True))
    server.start_early(args)
    assert started == ([True] if starts else [])
