"""Alembic environment: run by Store.open() with a live connection (never from a config file
with a URL), so the same migrations serve SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import context

from eventwire.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only Store.open() runs these migrations
    raise RuntimeError("eventwire migrations run through eventwire.store.Store.open()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTER needs batch mode
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
