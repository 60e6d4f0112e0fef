"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server that this
session starts (initdb into a temp dir, a free 127.0.0.1 port) and stops at the end."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from eventwire.store import Store
from eventwire.store.pgserver import TempPostgres, find_bindir


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TempPostgres | None]:
    if find_bindir() is None:
        if os.environ.get("EVENTWIRE_REQUIRE_POSTGRES") == "1":
            pytest.fail("EVENTWIRE_REQUIRE_POSTGRES=1 but PostgreSQL (initdb, pg_ctl) is not "
                        "installed: run .ci/install-postgres")
        yield None
        return
    with TempPostgres() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """A fresh, empty database URL (path for SQLite) on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "events.sqlite")
    server = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip("PostgreSQL not installed (run .ci/install-postgres; "
                    "set EVENTWIRE_REQUIRE_POSTGRES=1 to make this a failure)")
    return server.new_database()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()
