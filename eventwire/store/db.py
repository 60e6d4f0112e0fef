"""Where the store lives and how to connect: URL/path resolution, engines, migrations."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..errors import StoreError

ENV_VAR = "EVENTWIRE_DB"
# the execution option that marks a read-only connection (see Store.read)
READ_OPTION = "eventwire_read_only"
_MIGRATIONS = Path(__file__).with_name("migrations")


def default_path() -> Path:
    """The embedded default: one SQLite file under the user's data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("eventwire", appauthor=False)) / "eventwire.sqlite"


def resolve_url(target: str | os.PathLike[str] | None) -> str:
    """Turn ``--db`` (a path, a sqlite:/postgresql: URL, or None) into a SQLAlchemy URL."""
    if target is None or str(target) == "":
        target = os.environ.get(ENV_VAR) or str(default_path())
    text = str(target)
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix):]
    if text.startswith(("postgresql+", "sqlite:")):
        return text
    if "://" in text:
        raise StoreError(f"{text}: unsupported database URL (use a file path, sqlite:///PATH "
                         "or postgresql://USER@HOST:PORT/DB)")
    path = Path(text).expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the database directory ({exc})") from exc
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """An engine with the settings each backend needs for safe single-writer use."""
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:") or ":memory:" in url
        # a file store keeps enough connections for a busy web server's worker threads: a
        # connection past the pool's size is closed after one request, losing its page cache
        pool = {} if memory else {"pool_size": 24, "max_overflow": 16}
        engine = sa.create_engine(url, connect_args={"timeout": 60}, **pool)

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            # Let SQLAlchemy's begin() emit BEGIN IMMEDIATE itself (below): pysqlite's own
            # deferred BEGIN would let two writers both read, then one fail to write.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
            cur.execute("PRAGMA synchronous=NORMAL")  # durable against a killed process
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.execute("PRAGMA cache_size=-65536")  # 64 MiB: indexes of 100k+ events
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _sqlite_begin(conn):  # type: ignore[no-untyped-def]
            # a reader (Store.read) takes a snapshot and no lock: readers never queue behind
            # one another; everything else is a writer and takes the write lock up front
            read = conn.get_execution_options().get(READ_OPTION)
            conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision shipped in the package."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def safe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - only for display
        return url
