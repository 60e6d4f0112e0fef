"""The web app: a JSON API (FastAPI, OpenAPI at /openapi.json) and a map-first page to
explore, export and review the events in a store.

    from eventwire.web import create_app, serve_in_thread
    app = create_app("events.sqlite")                 # offline base map by default
    with serve_in_thread(app) as url:                 # a real server on 127.0.0.1
        ...
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "serve_in_thread"]


def __getattr__(name: str) -> Any:
    # imported on first use: FastAPI takes a third of a second to import, and every CLI run
    # (a batch run too) imports eventwire.web.commands to register ``eventwire serve``
    if name == "create_app":
        from .app import create_app

        return create_app
    if name == "serve_in_thread":
        from .server import serve_in_thread

        return serve_in_thread
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
