"""Feed health in `watch`: feeds are fetched at once (a hanging feed costs its own timeout,
not everyone's), and a feed that breaks is a failure with its reason, never a quiet feed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventwire.store import Store
from eventwire.store.watch import Watcher


class _Hanging:
    """/slow0.xml.. hang until released (or 5 s); records the order requests arrive in."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.seen: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                if not self.path.startswith("/slow"):
                    self.send_response(404)
                    self.end_headers()
                    return
                with site.lock:
                    site.seen.append(self.path)
                site.release.wait(5.0)
                try:
                    self.send_response(503)
                    self.end_headers()
                except OSError:
                    pass  # the client gave up (its timeout)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture
def hanging() -> Iterator[_Hanging]:
    site = _Hanging()
    site.thread.start()
    try:
        yield site
    finally:
        site.release.set()
        site.server.shutdown()
        site.server.server_close()


def test_hanging_feeds_are_waited_for_together(hanging: _Hanging, tmp_path: Path) -> None:
    feeds = [f"{hanging.base}/slow{i}.xml" for i in range(3)]
    with Store.open(str(tmp_path / "w.sqlite")) as store:
        watcher = Watcher(store, feeds, allow_private=True, fetch_timeout=1.0,
                          min_interval=0.0, extractor=lambda article: [])
        try:
            stats = watcher.poll_once()
        finally:
            watcher.close()
    assert stats.feeds_polled == 3 and stats.feeds_failed == 3
    assert all("timed out" in e for e in stats.errors), stats.errors
    # each feed was asked before any was asked again (its retry): they waited together,
    # not one after another (feed 0, its retry, feed 1, ...)
    assert len(set(hanging.seen[:3])) == 3, hanging.seen


def test_watch_logs_its_own_news_not_the_migration_tool_s(tmp_path: Path) -> None:
    # 'eventwire watch' logs at INFO; Alembic's own INFO lines (a line per plugin it sets up,
    # one per migration step) came with it on every start, seven or more lines of noise
    import os
    import subprocess
    import sys

    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.xml\n", encoding="utf-8")  # refused: loopback
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    res = subprocess.run([sys.executable, "-m", "eventwire", "watch", str(feeds), "--once",
                          "--db", str(tmp_path / "w.sqlite")], env=env, capture_output=True,
                         text=True, timeout=120)
    assert "watch: 1 feed(s)" in res.stderr, res.stderr
    assert "alembic" not in res.stderr and "setup plugin" not in res.stderr, res.stderr
