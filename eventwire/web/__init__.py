"""The web app: a JSON API (FastAPI, OpenAPI at /openapi.json) and a map-first page to
explore, export and review the events in a store.

    from eventwire.web import create_app, serve_in_thread
    app = create_app("events.sqlite")                 # offline base map by default
    with serve_in_thread(app) as url:                 # a real server on 127.0.0.1
        ...
"""

from __future__ import annotations

from .app import create_app
from .server import serve_in_thread

__all__ = ["create_app", "serve_in_thread"]
