"""The answer cache (web/cache.py): repeated reads are served from it with the same bytes as
a fresh answer, and any write (through the API, through another Store on the same file, or
another process) is seen by the next read."""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from eventwire.store import Store
from eventwire.store import corrections as corr
from eventwire.web import create_app, serve_in_thread

READS = [("/api/events", {"limit": "1000"}), ("/api/map", {}), ("/api/map", {"grid": "5"}),
         ("/api/stats", {}), ("/api/facets/country", {}), ("/api/meta", {}),
         ("/api/events", {"country": "NGA"}), ("/api/stats", {"event_type": "Battles"})]


@pytest.fixture
def served(store: Store) -> Iterator[tuple[str, Any]]:
    app = create_app(store)
    with serve_in_thread(app) as url:
        yield url, app


def _ids(url: str) -> set[str]:
    return {e["id"] for e in httpx.get(f"{url}/api/events", params={"limit": "1000"}
                                       ).json()["items"]}


def test_a_repeated_read_is_a_cache_hit_with_the_same_bytes_as_no_cache(
        served: tuple[str, Any], store: Store) -> None:
    url, app = served
    with serve_in_thread(create_app(store, cache_mb=0)) as plain:
        for path, params in READS:
            first = httpx.get(url + path, params=params)
            hits = app.state.cache.hits
            again = httpx.get(url + path, params=params)
            assert app.state.cache.hits == hits + 1, path
            fresh = httpx.get(plain + path, params=params)
            assert first.status_code == again.status_code == fresh.status_code == 200, path
            assert first.content == again.content == fresh.content, (path, params)
            # without gzip the same text, uncompressed
            raw = httpx.get(url + path, params=params, headers={"Accept-Encoding": "identity"})
            assert raw.headers.get("content-encoding") is None and raw.content == fresh.content
    assert app.state.cache.misses >= len(READS)


def test_a_big_answer_is_sent_gzipped_as_kept(served: tuple[str, Any]) -> None:
    url, _app = served
    with httpx.Client() as c:
        r = c.get(f"{url}/api/events", params={"limit": "1000"})
        assert r.headers["content-encoding"] == "gzip"
        assert "accept-encoding" in r.headers["vary"].lower()
        body = c.get(f"{url}/api/events", params={"limit": "1000"},
                     headers={"Accept-Encoding": "identity"}).content
        stream = c.stream("GET", f"{url}/api/events", params={"limit": "1000"})
        with stream as s:
            assert gzip.decompress(b"".join(s.iter_raw())) == body


def test_a_review_through_the_api_is_seen_by_the_next_read(served: tuple[str, Any],
                                                           token: str) -> None:
    url, app = served
    before = {p: httpx.get(url + p, params=q).json() for p, q in READS[:4]}
    assert {p: httpx.get(url + p, params=q).json() for p, q in READS[:4]} == before
    victim = next(iter(_ids(url)))
    r = httpx.post(f"{url}/api/events/{victim}/reject", json={"note": "not an event"},
                   headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200
    assert victim not in _ids(url)
    assert victim not in {p[0] for p in httpx.get(f"{url}/api/map").json()["points"]}
    stats = httpx.get(f"{url}/api/stats").json()
    assert stats["total"] == before["/api/stats"]["total"] - 1
    assert httpx.get(f"{url}/api/events", params={"limit": "1000"}).json()["total"] == (
        before["/api/events"]["total"] - 1)


def test_a_write_by_another_store_on_the_same_file_is_seen(served: tuple[str, Any],
                                                          db_path: Path) -> None:
    url, _app = served
    ids = _ids(url)
    victim = sorted(ids)[0]
    with Store.open(db_path) as other:  # its own engine and connections
        corr.reject(other, victim, who="bo")
    assert _ids(url) == ids - {victim}


def test_a_write_by_another_process_is_seen(served: tuple[str, Any], db_path: Path) -> None:
    url, _app = served
    ids = _ids(url)
    victim = sorted(ids)[-1]
    code = ("import sys\nfrom eventwire.store import Store\n"
            "from eventwire.store import corrections as corr\n"
            "with Store.open(sys.argv[1]) as s:\n    corr.reject(s, sys.argv[2], who='cy')\n")
    subprocess.run([sys.executable, "-c", code, str(db_path), victim], check=True,
                   cwd=Path(__file__).resolve().parents[2])
    assert _ids(url) == ids - {victim}


def test_the_change_token_moves_with_every_commit_and_only_then(store: Store,
                                                                db_path: Path) -> None:
    t0 = store.change_token()
    assert t0 is not None
    store.stats()
    with store.read() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM canonical_events").scalar_one()
    assert store.change_token() == t0  # reading changes nothing
    some = store.canonical_events()[0].canonical_id
    corr.confirm(store, some, who="ana")
    t1 = store.change_token()
    assert t1 != t0
    with Store.open(db_path) as other:
        corr.confirm(other, some, who="bo", note="again")
    assert store.change_token() not in (t0, t1)


def test_a_full_cache_drops_the_least_recently_used_answers(store: Store) -> None:
    app = create_app(store, cache_mb=0.01)  # 10 KiB: a few small answers
    cache = app.state.cache
    with serve_in_thread(app) as url:
        for day in range(1, 29):
            httpx.get(f"{url}/api/stats", params={"date_from": f"2024-02-{day:02d}"})
        assert 0 < len(cache._entries) < 28 and cache._size <= cache.max_bytes
        first, last = ({"date_from": "2024-02-01"}, {"date_from": "2024-02-28"})
        hits = cache.hits
        httpx.get(f"{url}/api/stats", params=last)
        assert cache.hits == hits + 1
        httpx.get(f"{url}/api/stats", params=first)
        assert cache.hits == hits + 1  # dropped long ago: built again


def test_one_worker_thread_still_answers_concurrent_clients(store: Store) -> None:
    """Requests beyond the worker threads wait their turn: with one thread and one builder,
    twelve clients asking at once for answers being built, and the same one, all get them."""
    app = create_app(store, threads=1)
    with serve_in_thread(app) as url:
        wanted = [("/api/map", {})] * 4 + READS
        with httpx.Client() as c:
            alone = [c.get(url + p, params=q).content for p, q in wanted]
        app.state.cache.clear()
        with ThreadPoolExecutor(len(wanted)) as pool:
            got = list(pool.map(lambda pq: httpx.get(url + pq[0], params=pq[1], timeout=60),
                                wanted))
    assert [r.status_code for r in got] == [200] * len(wanted)
    assert [r.content for r in got] == alone
