"""CLI: ``eventwire serve`` and ``eventwire token ...`` (registered by one line at the bottom
of eventwire/cli.py)."""

from __future__ import annotations

import json

import click

from ..errors import EventwireError
from ..store.commands import DB_HELP, fail, open_store


@click.command("serve")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--tiles", default=None, metavar="URL",
              help="XYZ tile URL template for the base map, e.g. "
              "https://tiles.example.org/{z}/{x}/{y}.png (default: offline country outlines "
              "shipped with eventwire, no network needed).")
@click.option("--tiles-attribution", default=None, help="Attribution text for --tiles.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Requests worked on at once (the others wait their turn).")
@click.option("--cache-mb", default=64.0, show_default=True, type=click.FloatRange(0),
              help="Memory for answers kept until the store changes (0: no cache).")
def serve_cmd(db: str | None, host: str, port: int, tiles: str | None,
              tiles_attribution: str | None, threads: int, cache_mb: float) -> None:
    """Serve the event map, the JSON API (/api, /openapi.json) and the review tools."""
    import uvicorn

    from .app import create_app

    if tiles and not tiles.startswith(("http://", "https://")):
        fail(f"--tiles {tiles}: not an http(s) URL template")
    store = open_store(db, create=False)
    app = create_app(store, tiles=tiles, tiles_attribution=tiles_attribution,
                     threads=threads, cache_mb=cache_mb)
    click.echo(f"eventwire: serving on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    except OSError as exc:
        fail(f"{host}:{port}: cannot listen ({exc.strerror or exc})")
    finally:
        store.close()


@click.group("token")
def token_group() -> None:
    """API tokens that let a reviewer write (confirm, edit, reject, merge, split)."""


@token_group.command("create")
@click.argument("name")
@click.option("--db", default=None, help=DB_HELP)
def token_create(name: str, db: str | None) -> None:
    """Create a token for reviewer NAME and print it (it is shown only this once)."""
    from .tokens import create_token

    with open_store(db, create=False) as store:
        try:
            token, info = create_token(store, name)
        except EventwireError as exc:
            fail(str(exc))
    click.echo(token)
    click.echo(f"eventwire: token {info.id} for {info.name!r}; keep it secret, it is not "
               "stored and cannot be shown again", err=True)


@token_group.command("list")
@click.option("--db", default=None, help=DB_HELP)
def token_list(db: str | None) -> None:
    """The tokens (ids and names, never the secrets) as JSON lines."""
    from .tokens import list_tokens

    with open_store(db, create=False) as store:
        for info in list_tokens(store):
            click.echo(json.dumps(info.to_dict()))


@token_group.command("revoke")
@click.argument("token_id")
@click.option("--db", default=None, help=DB_HELP)
def token_revoke(token_id: str, db: str | None) -> None:
    """Revoke the token with id TOKEN_ID (see `eventwire token list`)."""
    from .tokens import revoke_token

    with open_store(db, create=False) as store:
        try:
            revoke_token(store, token_id)
        except EventwireError as exc:
            fail(str(exc))
    click.echo(f"eventwire: token {token_id} revoked", err=True)


def register(main: click.Group) -> None:
    """Add the web app's commands to the ``eventwire`` group."""
    main.add_command(serve_cmd)
    main.add_command(token_group)
