"""Fixtures for ingestion tests: a real HTTP server on 127.0.0.1, started and stopped per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ingest_fixtures import LocalServer


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    srv.thread.start()
    srv.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()
        srv.thread.join(timeout=5)
